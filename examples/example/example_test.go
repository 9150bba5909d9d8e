package example

import (
	"errors"
	"math"
	"strings"
	"sync/atomic"
	"testing"
)

const file = `
example = "demo"

[[source]]
id = "paper"
what = "a paper"
figure = "Fig. 1"

[[quantity]]
key = "rate"
name = "rate"
unit = "Hz"
source = "paper"
range = [8.0, 10.0]
band = [6.0, 16.0]
why = "3.5 sd of the reference simulator's runs"

[[quantity]]
key = "w"
name = "weight"
source = "paper"
value = 2.0
rel_tol = 0.1
why = "ten per cent"

[[quantity]]
key = "e1"
name = "rate of an ensemble"
unit = "Hz"
source = "paper"
mean = 11.0
sd = 1.5
n = 200
sigmas = 3.5
ses = 3.5
why = "standard errors"
`

// A file parses; the bands follow the rules of the package comment.
func TestParse(t *testing.T) {
	r, err := Parse([]byte(file))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		key    string
		lo, hi float64
	}{{"rate", 6, 16}, {"w", 1.8, 2.2}, {"e1", 11 - 5.25, 11 + 5.25}} {
		q, err := r.Quantity(c.key)
		if err != nil {
			t.Fatal(err)
		}
		lo, hi, ok := q.Band()
		if !ok || math.Abs(lo-c.lo) > 1e-12 || math.Abs(hi-c.hi) > 1e-12 {
			t.Errorf("%s: band %v-%v (%v), want %v-%v", c.key, lo, hi, ok, c.lo, c.hi)
		}
	}
	if _, err := r.Quantity("nonesuch"); err == nil {
		t.Error("an unknown key was found")
	}
	if s := r.SourceOf(r.Quantities[0]).String(); s != "a paper; figure Fig. 1" {
		t.Errorf("source printed as %q", s)
	}
}

// A file that leaves out a source, a reference, a band or its reason, or
// misspells a field, is an error that says what is wrong.
func TestParseErrors(t *testing.T) {
	for _, c := range []struct{ edit, want string }{
		{`source = "paper"` + "\nrange", "unknown source"},
		{`why = "ten per cent"`, "say why"},
		{`rel_tol = 0.1`, "give one of band"},
		{`value = 2.0`, "exactly one of value, range, mean"},
		{`figure = "Fig. 1"`, "figur"},
		{`band = [6.0, 16.0]`, "band must be"},
	} {
		var bad string
		switch c.want {
		case "unknown source":
			bad = strings.Replace(file, c.edit, `source = "papr"`+"\nrange", 1)
		case "exactly one of value, range, mean":
			bad = strings.Replace(file, c.edit, "value = 2.0\nrange = [1.0, 3.0]", 1)
		case "figur":
			bad = strings.Replace(file, c.edit, `figur = "Fig. 1"`, 1)
		case "band must be":
			bad = strings.Replace(file, c.edit, "band = [16.0, 6.0]", 1)
		default:
			bad = strings.Replace(file, c.edit, "", 1)
		}
		if bad == file {
			t.Fatalf("edit %q did not apply", c.edit)
		}
		_, err := Parse([]byte(bad))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("edit %q: error %v, want one containing %q", c.edit, err, c.want)
		}
	}
}

// A single value passes inside the band and fails outside; one outside
// the reference but inside the band is reported as such.
func TestCheck(t *testing.T) {
	r, _ := Parse([]byte(file))
	c := NewChecker(r, nil)
	c.Value("rate", 9)
	c.Value("rate", 15.8)
	c.Value("w", 2.3)
	c.Value("nonesuch", 1)
	items := c.Report.Items
	if len(items) != 4 || !items[0].Pass || !items[0].InReference || !items[1].Pass || items[1].InReference || items[2].Pass || items[3].Pass {
		t.Fatalf("items %+v", items)
	}
	s := c.Report.String()
	for _, want := range []string{"pass  rate: 9 Hz; reference 8 to 10 Hz [paper]",
		"outside the reference, inside the band accepted: accepted 6 to 16 Hz: 3.5 sd",
		"FAIL  weight: 2.3; reference 2 [paper]", "[paper] a paper; figure Fig. 1"} {
		if !strings.Contains(s, want) {
			t.Errorf("report lacks %q:\n%s", want, s)
		}
	}
	if err := c.Report.Err(); err == nil || !strings.Contains(err.Error(), "weight 2.3") {
		t.Errorf("Err() = %v", err)
	}
	if v := c.Report.Verdict(); !strings.HasPrefix(v, "NOT reproduced: 2 of 4") {
		t.Errorf("verdict %q", v)
	}
	ok := Report{Items: items[:2]}
	if v := ok.Verdict(); !strings.Contains(v, "1 of 2 statistics lie outside the reference itself (rate)") {
		t.Errorf("verdict %q", v)
	}
	if v := (Report{Items: items[:1]}).Verdict(); !strings.HasPrefix(v, "reproduced: all 1") {
		t.Errorf("verdict %q", v)
	}
	if (Report{}).Err() == nil {
		t.Error("an empty report passes")
	}
	if err := NewChecker(nil, errors.New("broken file")).Report.Err(); err == nil {
		t.Error("a report without references passes")
	}
}

// An ensemble's mean is compared with a reference ensemble's within SEs
// standard errors of the difference, sqrt(sd^2/n + SD^2/N), and with a
// range when its mean, give or take SEs standard errors, reaches it.
func TestCheckMean(t *testing.T) {
	r, _ := Parse([]byte(file))
	q, _ := r.Quantity("e1")
	// n = 100, sd = 1.5: tolerance 3.5*sqrt(0.0225 + 0.01125) = 0.643.
	for _, c := range []struct {
		mean float64
		pass bool
	}{{11, true}, {11.6, true}, {11.7, false}, {10.3, false}} {
		it := q.CheckMean(Stat{Mean: c.mean, SD: 1.5, N: 100})
		if it.Pass != c.pass {
			t.Errorf("mean %v: pass %v, want %v (band %s)", c.mean, it.Pass, c.pass, it.Band)
		}
	}
	rate, _ := r.Quantity("rate")
	rate.SEs = 2
	// sd 1, n 4: standard error 0.5, so the mean may be 1 below 8.
	if !rate.CheckMean(Stat{Mean: 7.1, SD: 1, N: 4}).Pass || rate.CheckMean(Stat{Mean: 6.9, SD: 1, N: 4}).Pass {
		t.Error("a mean two standard errors from the range")
	}
	w, _ := r.Quantity("w")
	if w.CheckMean(Stat{Mean: 2, SD: 0.1, N: 10}).Pass {
		t.Error("a quantity without ses passed as an ensemble's mean")
	}
	s := NewStat([]float64{1, 2, 3, 4})
	if s.Mean != 2.5 || math.Abs(s.SD-math.Sqrt(5.0/3)) > 1e-15 || s.Min != 1 || s.Max != 4 || s.N != 4 {
		t.Errorf("NewStat = %+v", s)
	}
}

// Ensemble returns the runs in order, runs at most parallel at once, and
// returns the runs' errors.
func TestEnsemble(t *testing.T) {
	var running, most atomic.Int32
	out, err := Ensemble(20, 3, func(k int) (int, error) {
		n := running.Add(1)
		for {
			m := most.Load()
			if n <= m || most.CompareAndSwap(m, n) {
				break
			}
		}
		defer running.Add(-1)
		return k * k, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range out {
		if v != k*k {
			t.Fatalf("run %d gave %d", k, v)
		}
	}
	if most.Load() > 3 {
		t.Errorf("%d runs at once, want at most 3", most.Load())
	}
	if _, err := Ensemble(5, 0, func(k int) (int, error) {
		if k == 3 {
			return 0, errors.New("run 3 failed")
		}
		return k, nil
	}); err == nil || !strings.Contains(err.Error(), "run 3 failed") {
		t.Errorf("error %v", err)
	}
}
