package brette2007

import (
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
