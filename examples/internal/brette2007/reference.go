package brette2007

import (
	"bytes"
	"errors"
	"fmt"
	"math"

	"github.com/pelletier/go-toml/v2"
)

// Reference is the file of reference rates of one network: what another
// simulator gave over many seeds, with its provenance.
type Reference struct {
	Simulator string `toml:"simulator"` // name and version
	Package   string `toml:"package"`   // how it was installed
	Target    string `toml:"target"`    // code generation target
	Script    string `toml:"script"`    // the script that ran it, beside the file
	Date      string `toml:"date"`      // when it ran
	Machine   string `toml:"machine"`   // where it ran
	Measured  string `toml:"measured"`  // what the numbers are
	Full      Sample `toml:"full"`      // the network's published configuration
	Reduced   Sample `toml:"reduced"`   // the reduced one the tests run
}

// Sample is the rates of one configuration over seeds.
type Sample struct {
	Command    string    `toml:"command"`     // the command line that gave them
	NE         int       `toml:"n_exc"`       // excitatory neurons
	NI         int       `toml:"n_inh"`       // inhibitory neurons
	DurationMS float64   `toml:"duration_ms"` // simulated time
	Seeds      []int     `toml:"seeds"`
	RateE      []float64 `toml:"rate_e"` // mean excitatory rate of each seed, Hz
	RateI      []float64 `toml:"rate_i"` // mean inhibitory rate of each seed, Hz
}

// MinSeeds is the fewest seeds a sample may hold: the bands are built from
// the spread over seeds, which fewer seeds estimate too loosely.
const MinSeeds = 10

// Parse reads a reference file and checks that it is complete.
func Parse(data []byte) (*Reference, error) {
	var r Reference
	dec := toml.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&r); err != nil {
		var strict *toml.StrictMissingError
		if errors.As(err, &strict) {
			return nil, fmt.Errorf("reference file: unknown fields:\n%s", strict.String())
		}
		return nil, fmt.Errorf("reference file: %w", err)
	}
	for name, v := range map[string]string{"simulator": r.Simulator, "package": r.Package, "target": r.Target,
		"script": r.Script, "date": r.Date, "machine": r.Machine, "measured": r.Measured} {
		if v == "" {
			return nil, fmt.Errorf("reference file: %s is missing", name)
		}
	}
	for name, s := range map[string]Sample{"full": r.Full, "reduced": r.Reduced} {
		if err := s.valid(); err != nil {
			return nil, fmt.Errorf("reference file, [%s]: %w", name, err)
		}
	}
	return &r, nil
}

func (s Sample) valid() error {
	switch {
	case s.Command == "":
		return errors.New("command is missing")
	case s.NE <= 0 || s.NI <= 0:
		return fmt.Errorf("n_exc = %d, n_inh = %d: want positive counts", s.NE, s.NI)
	case !(s.DurationMS > 0):
		return fmt.Errorf("duration_ms = %v: want a positive duration", s.DurationMS)
	case len(s.Seeds) < MinSeeds:
		return fmt.Errorf("%d seeds, want at least %d", len(s.Seeds), MinSeeds)
	case len(s.RateE) != len(s.Seeds) || len(s.RateI) != len(s.Seeds):
		return fmt.Errorf("%d seeds but %d excitatory and %d inhibitory rates", len(s.Seeds), len(s.RateE), len(s.RateI))
	}
	return nil
}

// Stat is a rate's mean and standard deviation over N seeds.
type Stat struct {
	Mean, SD float64
	N        int
}

// E is the excitatory rate's statistics over the seeds.
func (s Sample) E() Stat { return stat(s.RateE) }

// I is the inhibitory rate's statistics over the seeds.
func (s Sample) I() Stat { return stat(s.RateI) }

// stat is the mean and the sample standard deviation (n-1) of x.
func stat(x []float64) Stat {
	m := 0.0
	for _, v := range x {
		m += v
	}
	m /= float64(len(x))
	ss := 0.0
	for _, v := range x {
		ss += (v - m) * (v - m)
	}
	return Stat{Mean: m, SD: math.Sqrt(ss / float64(len(x)-1)), N: len(x)}
}

// Sigmas is the half-width of the bands, in standard deviations. A run with
// another seed, or another simulator's random numbers, is one more draw
// from the distribution the reference seeds sample; for a normal
// distribution estimated from n seeds, one new draw falls outside
// mean +- t*SD*sqrt(1+1/n) with the probability of Student's t with n-1
// degrees of freedom beyond t: with t = 4 and n = 20, 0.08 % (0.3 % for
// n = 10). A correct simulator thus fails a check about once in a thousand
// seeds, while a rate wrong by a few standard deviations fails.
const Sigmas = 4

// Band is the interval a single run's rate must fall in.
func (s Stat) Band() (lo, hi float64) {
	h := Sigmas * s.SD * math.Sqrt(1+1/float64(s.N))
	return s.Mean - h, s.Mean + h
}

// MeanBand is the interval the mean over m independent runs must fall in:
// mean +- Sigmas*SD*sqrt(1/m + 1/N), the standard error of the difference
// of the two means, with the reference's spread for both.
func (s Stat) MeanBand(m int) (lo, hi float64) {
	h := Sigmas * s.SD * math.Sqrt(1/float64(m)+1/float64(s.N))
	return s.Mean - h, s.Mean + h
}

// Check compares a run's rates with the sample's bands. The run must have
// the sample's sizes and duration.
func (s Sample) Check(o *Outcome) error {
	if o.NE != s.NE || o.NI != s.NI || math.Abs(o.Duration*1e3-s.DurationMS) > 1e-9 {
		return fmt.Errorf("the run has %d+%d neurons and lasts %g ms; the reference, %d+%d and %g ms",
			o.NE, o.NI, o.Duration*1e3, s.NE, s.NI, s.DurationMS)
	}
	e, i := o.Rates()
	for _, q := range []struct {
		name string
		got  float64
		ref  Stat
	}{{"excitatory", e, s.E()}, {"inhibitory", i, s.I()}} {
		lo, hi := q.ref.Band()
		if !(q.got >= lo && q.got <= hi) {
			return fmt.Errorf("%s rate %.3f Hz outside %.3f-%.3f Hz (reference %.3f +- %.3f Hz over %d seeds)",
				q.name, q.got, lo, hi, q.ref.Mean, q.ref.SD, q.ref.N)
		}
	}
	return nil
}

// Check compares a run with the sample of the same sizes and duration,
// full or reduced.
func (r *Reference) Check(o *Outcome) error {
	for _, s := range []Sample{r.Full, r.Reduced} {
		if o.NE == s.NE && o.NI == s.NI && math.Abs(o.Duration*1e3-s.DurationMS) <= 1e-9 {
			return s.Check(o)
		}
	}
	return fmt.Errorf("no reference for a run of %d+%d neurons and %g ms (the reference has %d+%d neurons, %g ms and %g ms)",
		o.NE, o.NI, o.Duration*1e3, r.Full.NE, r.Full.NI, r.Full.DurationMS, r.Reduced.DurationMS)
}
