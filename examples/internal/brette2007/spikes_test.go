package brette2007

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
)

// The rates and the population rate count each spike once: 3 excitatory
// spikes among 4 neurons and 1 inhibitory one in 0.5 s are 1.5 Hz and
// 2 Hz; in 100 ms bins the 4 spikes at 0.05 s make 8 Hz per neuron; 10
// events delivered by the 4 spikes are 2.5 per spike.
func TestRates(t *testing.T) {
	o := &Outcome{NE: 4, NI: 1, Duration: 0.5, T: []float64{0.05, 0.05, 0.05, 0.05}, I: []int32{0, 3, 3, 4}, Events: 10}
	e, i := o.Rates()
	if e != 1.5 || i != 2 {
		t.Errorf("rates %g, %g Hz, want 1.5, 2", e, i)
	}
	ms, hz := o.PopulationRate(0.1)
	if len(ms) != 5 || math.Abs(ms[0]-50) > 1e-9 || math.Abs(hz[0]-8) > 1e-9 || hz[1] != 0 {
		t.Errorf("population rate %v ms, %v Hz; want 5 bins, the first at 50 ms with 8 Hz", ms, hz)
	}
	if got := o.EventsPerSpike(); got != 2.5 {
		t.Errorf("%g events per spike, want 2.5", got)
	}
}

// A file of rates per seed is read by size, seed by seed; a file without
// the header, or with a row that is not a seed and two rates, is an error
// that says where.
func TestReadSeedRates(t *testing.T) {
	const file = "# comment\nsize,seed,rate_e,rate_i\nfull,1,10.5,20\nreduced,7,1,2\nfull,2,11.5,21\n"
	got, err := ReadSeedRates([]byte(file))
	if err != nil {
		t.Fatal(err)
	}
	f, r := got["full"], got["reduced"]
	if len(got) != 2 || f == nil || r == nil || len(f.Seeds) != 2 || f.Seeds[1] != 2 || f.RateE[1] != 11.5 || f.RateI[0] != 20 ||
		len(r.Seeds) != 1 || r.Seeds[0] != 7 || r.RateI[0] != 2 {
		t.Errorf("read %+v, %+v", f, r)
	}
	for _, c := range []struct{ text, want string }{
		{strings.Replace(file, "size,seed", "size,sed", 1), "header"},
		{strings.Replace(file, "full,2,11.5", "full,two,11.5", 1), "row 4"},
		{strings.Replace(file, "reduced,7,1,2", "reduced,7,1", 1), "wrong number of fields"},
	} {
		if _, err := ReadSeedRates([]byte(c.text)); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("error %v, want one containing %q", err, c.want)
		}
	}
}

// RunEnsemble keeps the run's own rates first and then those of the runs
// with the next seeds, in order: a run with seed s has s excitatory spikes
// among 2 neurons in 1 s (s/2 Hz) and one inhibitory spike (1 Hz); an
// error of any run is returned.
func TestRunEnsemble(t *testing.T) {
	run := func(seed uint64) (*Outcome, error) {
		if seed == 99 {
			return nil, errors.New("run 99 failed")
		}
		o := &Outcome{NE: 2, NI: 1, Duration: 1, T: []float64{0}, I: []int32{2}}
		for range seed {
			o.T, o.I = append(o.T, 0), append(o.I, 0)
		}
		return o, nil
	}
	first, _ := run(5)
	ens, err := RunEnsemble(first, 5, 4, run)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(ens.E, ens.I) != "[2.5 3 3.5 4] [1 1 1 1]" || ens.Seed != 5 {
		t.Errorf("ensemble %+v", ens)
	}
	if s := ens.String(); !strings.HasPrefix(s, "seeds 5-8: excitatory mean 3.25 +- 0.6455 Hz") {
		t.Errorf("printed %q", s)
	}
	if _, err := RunEnsemble(first, 97, 3, run); err == nil || !strings.Contains(err.Error(), "run 99 failed") {
		t.Errorf("error %v", err)
	}
}
