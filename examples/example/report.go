package example

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Item is one statistic compared with its reference.
type Item struct {
	Key, Name string
	Got       string // the statistic, as printed, with its unit
	Reference string // the reference, as printed, with its unit
	Band      string // what the check accepts, as printed, with its unit
	Why       string // why it accepts that
	Source    string // the reference's source ID
	Pass      bool
	// InReference is whether the statistic lies within the reference
	// range itself (for a reference value or an ensemble's mean, within
	// the band); a passing item outside its reference says so.
	InReference bool
}

// Report is a check's comparisons, with the sources they cite.
type Report struct {
	Items   []Item
	Sources []Source
}

// Add appends an item.
func (r *Report) Add(it Item) { r.Items = append(r.Items, it) }

// Fail appends a failed item for a check that could not be made.
func (r *Report) Fail(name string, err error) {
	r.Items = append(r.Items, Item{Name: name, Got: err.Error()})
}

// Err is nil when every item passes, otherwise an error naming the
// failures.
func (r Report) Err() error {
	var errs []error
	for _, it := range r.Items {
		if !it.Pass {
			errs = append(errs, fmt.Errorf("%s %s, accepted %s", it.Name, it.Got, it.Band))
		}
	}
	if len(r.Items) == 0 {
		errs = append(errs, errors.New("nothing was checked"))
	}
	return errors.Join(errs...)
}

// Outside are the items that pass outside their reference itself, inside
// the band accepted.
func (r Report) Outside() []Item {
	var out []Item
	for _, it := range r.Items {
		if it.Pass && !it.InReference {
			out = append(out, it)
		}
	}
	return out
}

// Verdict is a line that sums the report up: reproduced, reproduced with
// some statistics outside their references (named), or not reproduced.
func (r Report) Verdict() string {
	if r.Err() != nil {
		failed := 0
		for _, it := range r.Items {
			if !it.Pass {
				failed++
			}
		}
		return fmt.Sprintf("NOT reproduced: %d of %d statistics outside their bands", failed, len(r.Items))
	}
	out := r.Outside()
	if len(out) == 0 {
		return fmt.Sprintf("reproduced: all %d statistics within their references' bands", len(r.Items))
	}
	names := make([]string, len(out))
	for k, it := range out {
		names[k] = it.Name
	}
	return fmt.Sprintf("reproduced within the accepted bands, but %d of %d statistics lie outside the reference itself (%s): see the bands' reasons above",
		len(out), len(r.Items), strings.Join(names, "; "))
}

// String prints each item beside its reference, pass or fail, and the
// sources.
func (r Report) String() string {
	var b strings.Builder
	for _, it := range r.Items {
		status := "pass"
		if !it.Pass {
			status = "FAIL"
		}
		fmt.Fprintf(&b, "  %s  %s: %s", status, it.Name, it.Got)
		if it.Reference != "" {
			fmt.Fprintf(&b, "; reference %s [%s]", it.Reference, it.Source)
		}
		b.WriteString("\n")
		if it.Band != "" {
			note := ""
			if it.Pass && !it.InReference {
				note = "outside the reference, inside the band accepted: "
			}
			fmt.Fprintf(&b, "        %saccepted %s: %s\n", note, it.Band, it.Why)
		}
	}
	if len(r.Sources) > 0 {
		b.WriteString("  sources:\n")
		for _, s := range r.Sources {
			fmt.Fprintf(&b, "    [%s] %s\n", s.ID, s)
		}
	}
	return strings.TrimRight(b.String(), "\n")
}

// num prints a number with four significant digits.
func num(x float64) string { return strconv.FormatFloat(x, 'g', 4, 64) }

// span prints an interval.
func span(lo, hi float64) string {
	if lo == hi {
		return num(lo)
	}
	switch {
	case math.IsInf(lo, -1):
		return "at most " + num(hi)
	case math.IsInf(hi, 1):
		return "at least " + num(lo)
	}
	return num(lo) + " to " + num(hi)
}

// reference prints the quantity's reference.
func (q Quantity) reference() string {
	if q.Mean != nil {
		return fmt.Sprintf("%s +- %s%s (sd over %d runs)", num(*q.Mean), num(q.SD), q.unit(), q.N)
	}
	return span(q.Reference()) + q.unit()
}

// unit is the unit as printed after a number.
func (q Quantity) unit() string {
	if q.Unit == "" {
		return ""
	}
	return " " + q.Unit
}

// item starts an item for the quantity.
func (q Quantity) item() Item {
	return Item{Key: q.Key, Name: q.Name, Reference: q.reference(), Why: q.Why, Source: q.Source}
}

// Check compares a single value, one run's statistic, with the
// quantity's band.
func (q Quantity) Check(got float64) Item {
	it := q.item()
	it.Got = num(got) + q.unit()
	lo, hi, ok := q.Band()
	if !ok {
		it.Band = "none"
		it.Why = "the reference file gives no band for a single run"
		return it
	}
	rlo, rhi := q.Reference()
	if q.Mean != nil {
		rlo, rhi = lo, hi // one draw of the reference's distribution
	}
	it.Band = span(lo, hi) + q.unit()
	it.Pass = got >= lo && got <= hi
	it.InReference = got >= rlo && got <= rhi || it.Pass && rlo == rhi
	return it
}

// Stat is the mean and spread of a statistic over an ensemble of runs.
type Stat struct {
	Mean, SD float64 // SD: sample standard deviation (n-1)
	Min, Max float64
	N        int
}

// NewStat computes the statistics of the values.
func NewStat(xs []float64) Stat {
	s := Stat{N: len(xs), Min: math.Inf(1), Max: math.Inf(-1)}
	for _, x := range xs {
		s.Mean += x / float64(len(xs))
		s.Min, s.Max = math.Min(s.Min, x), math.Max(s.Max, x)
	}
	if len(xs) > 1 {
		for _, x := range xs {
			s.SD += (x - s.Mean) * (x - s.Mean)
		}
		s.SD = math.Sqrt(s.SD / float64(len(xs)-1))
	}
	return s
}

// SE is the standard error of the mean.
func (s Stat) SE() float64 { return s.SD / math.Sqrt(float64(s.N)) }

// Format prints the mean, the standard deviation, the extremes and n,
// with the unit.
func (s Stat) Format(unit string) string {
	if unit != "" {
		unit = " " + unit
	}
	return fmt.Sprintf("mean %s +- %s%s (sd; %s to %s over %d runs)", num(s.Mean), num(s.SD), unit, num(s.Min), num(s.Max), s.N)
}

// CheckMean compares an ensemble's mean with the reference. Against an
// ensemble's mean the band is SEs standard errors of the difference of
// the two means, sqrt(sd^2/n + SD^2/N) with each ensemble's own standard
// deviation (Welch's); against a value or range, the ensemble's mean give
// or take SEs of its own standard errors must reach it.
func (q Quantity) CheckMean(s Stat) Item {
	it := q.item()
	it.Got = s.Format(q.Unit)
	if !(q.SEs > 0) {
		it.Band = "none"
		it.Why = "the reference file gives no band for an ensemble's mean (ses)"
		return it
	}
	lo, hi := q.Reference()
	if q.Mean != nil {
		tol := q.SEs * math.Sqrt(s.SD*s.SD/float64(s.N)+q.SD*q.SD/float64(q.N))
		lo, hi = lo-tol, hi+tol
		it.Band = "mean " + span(lo, hi) + q.unit()
		it.Pass = s.Mean >= lo && s.Mean <= hi
		it.InReference = it.Pass
		return it
	}
	tol := q.SEs * s.SE()
	it.Band = fmt.Sprintf("mean within %s standard errors (%s%s) of %s%s", num(q.SEs), num(tol), q.unit(), span(lo, hi), q.unit())
	it.Pass = s.Mean+tol >= lo && s.Mean-tol <= hi
	it.InReference = s.Mean >= lo && s.Mean <= hi
	return it
}

// Checker compares statistics with the quantities of a reference file
// and collects the items in a report.
type Checker struct {
	Refs   *References
	Report Report
	used   map[string]bool
}

// NewChecker starts a report for the references; err, from loading
// them, becomes a failed item.
func NewChecker(refs *References, err error) *Checker {
	c := &Checker{Refs: refs, used: map[string]bool{}}
	if err != nil {
		c.Report.Fail("reference file", err)
	}
	return c
}

func (c *Checker) quantity(key string) (Quantity, bool) {
	if c.Refs == nil {
		return Quantity{}, false
	}
	q, err := c.Refs.Quantity(key)
	if err != nil {
		c.Report.Fail(key, err)
		return q, false
	}
	if !c.used[q.Source] {
		c.used[q.Source] = true
		c.Report.Sources = append(c.Report.Sources, c.Refs.SourceOf(q))
	}
	return q, true
}

// Value checks one run's statistic against the quantity with the key.
func (c *Checker) Value(key string, got float64) {
	if q, ok := c.quantity(key); ok {
		c.Report.Add(q.Check(got))
	}
}

// ValueAs is Value with the name printed instead of the quantity's.
func (c *Checker) ValueAs(key, name string, got float64) {
	if q, ok := c.quantity(key); ok {
		it := q.Check(got)
		it.Name = name
		c.Report.Add(it)
	}
}

// Mean checks an ensemble's statistic against the quantity with the key.
func (c *Checker) Mean(key string, s Stat) {
	if q, ok := c.quantity(key); ok {
		c.Report.Add(q.CheckMean(s))
	}
}

// Merge appends another report's items and the sources it lacks.
func (r *Report) Merge(o Report) {
	r.Items = append(r.Items, o.Items...)
	for _, s := range o.Sources {
		have := false
		for _, t := range r.Sources {
			have = have || t.ID == s.ID
		}
		if !have {
			r.Sources = append(r.Sources, s)
		}
	}
}
