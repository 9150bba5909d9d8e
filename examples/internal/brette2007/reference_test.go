package brette2007

import (
	"math"
	"strings"
	"testing"
)

// sample writes a reference file with n seeds whose rates are 10 + k and
// 20 + k/10 for k = 0..n-1, over 1000 ms (full) and 250 ms (reduced).
func sample(n int) string {
	seeds, e, i := "", "", ""
	for k := range n {
		sep := ", "
		if k == 0 {
			sep = ""
		}
		seeds += sep + itoa(k+1)
		e += sep + itoa(10+k)
		i += sep + itoa(200+k) + "e-1"
	}
	sec := func(name, ms string) string {
		return "\n[" + name + "]\ncommand = \"run\"\nn_exc = 4\nn_inh = 1\nduration_ms = " + ms +
			"\nseeds = [" + seeds + "]\nrate_e = [" + e + "]\nrate_i = [" + i + "]\n"
	}
	return `simulator = "S 1"
package = "p"
target = "t"
script = "s.py"
date = "2026-01-01"
machine = "m"
measured = "rates"
` + sec("full", "1000") + sec("reduced", "250")
}

func itoa(k int) string {
	const d = "0123456789"
	if k < 10 {
		return d[k : k+1]
	}
	return itoa(k/10) + d[k%10:k%10+1]
}

// The statistics of a sample are the textbook ones: for 10 + k, k = 0..9,
// the mean is 14.5 and the sample variance 55/6; the band for one run is
// mean +- 4*SD*sqrt(1+1/n) and for a mean over m runs mean +-
// 4*SD*sqrt(1/m+1/n).
func TestStatAndBands(t *testing.T) {
	ref, err := Parse([]byte(sample(10)))
	if err != nil {
		t.Fatal(err)
	}
	e := ref.Full.E()
	sd := math.Sqrt(55.0 / 6)
	if e.N != 10 || math.Abs(e.Mean-14.5) > 1e-12 || math.Abs(e.SD-sd) > 1e-12 {
		t.Errorf("excitatory stat %+v, want mean 14.5, SD %.6f, N 10", e, sd)
	}
	if i := ref.Full.I(); math.Abs(i.Mean-20.45) > 1e-12 || math.Abs(i.SD-sd/10) > 1e-12 {
		t.Errorf("inhibitory stat %+v, want mean 20.45, SD %.6f", i, sd/10)
	}
	lo, hi := e.Band()
	if h := 4 * sd * math.Sqrt(1.1); math.Abs(lo-(14.5-h)) > 1e-12 || math.Abs(hi-(14.5+h)) > 1e-12 {
		t.Errorf("band %g-%g, want 14.5 +- %g", lo, hi, h)
	}
	lo, hi = e.MeanBand(5)
	if h := 4 * sd * math.Sqrt(0.3); math.Abs(lo-(14.5-h)) > 1e-12 || math.Abs(hi-(14.5+h)) > 1e-12 {
		t.Errorf("mean band %g-%g, want 14.5 +- %g", lo, hi, h)
	}
}

// Check takes the sample of the run's sizes and duration and holds a rate
// to its band: a run of 4+1 neurons over 1 s with 58 and 20 spikes (14.5
// and 20 Hz) passes; with twice the excitatory spikes it fails; over
// 0.25 s it is checked against the reduced sample, where the same spikes
// are four times the rates; over 0.5 s there is no reference.
func TestCheck(t *testing.T) {
	ref, err := Parse([]byte(sample(10)))
	if err != nil {
		t.Fatal(err)
	}
	run := func(ne, ni int, d float64) *Outcome {
		o := &Outcome{NE: 4, NI: 1, Duration: d}
		for k := range ne {
			o.T, o.I = append(o.T, 0), append(o.I, int32(k%4))
		}
		for range ni {
			o.T, o.I = append(o.T, 0), append(o.I, 4)
		}
		return o
	}
	if err := ref.Check(run(58, 20, 1)); err != nil {
		t.Errorf("rates at the means: %v", err)
	}
	if err := ref.Check(run(116, 20, 1)); err == nil || !strings.Contains(err.Error(), "excitatory rate 29.000 Hz outside") {
		t.Errorf("excitatory rate doubled: %v", err)
	}
	if err := ref.Check(run(58, 20, 0.25)); err == nil || !strings.Contains(err.Error(), "excitatory rate 58.000 Hz outside") {
		t.Errorf("a 0.25 s run is checked against the reduced sample: %v", err)
	}
	if err := ref.Check(run(58, 22, 1)); err == nil || !strings.Contains(err.Error(), "inhibitory rate 22.000 Hz outside") {
		t.Errorf("inhibitory rate 1.55 Hz above a mean whose SD is 0.3 Hz: %v", err)
	}
	if err := ref.Check(run(58, 20, 0.5)); err == nil || !strings.Contains(err.Error(), "no reference") {
		t.Errorf("a 0.5 s run: %v", err)
	}
}

// Parse rejects incomplete or inconsistent files, saying what is wrong.
func TestParseErrors(t *testing.T) {
	good := sample(10)
	for _, c := range []struct{ name, text, want string }{
		{"too few seeds", sample(9), "9 seeds, want at least 10"},
		{"no provenance", strings.Replace(good, `machine = "m"`, "", 1), "machine is missing"},
		{"unknown field", strings.Replace(good, `date =`, "colour = 1\ndate =", 1), "colour"},
		{"rates missing", strings.Replace(good, "rate_i = [200e-1, ", "rate_i = [", 1), "10 seeds but 10 excitatory and 9 inhibitory rates"},
		{"bad duration", strings.Replace(good, "duration_ms = 250", "duration_ms = 0", 1), "[reduced]: duration_ms = 0"},
		{"not TOML", "simulator = ", "reference file"},
	} {
		_, err := Parse([]byte(c.text))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one containing %q", c.name, err, c.want)
		}
	}
}

// The rates and the population rate count each spike once: 3 excitatory
// spikes among 4 neurons and 1 inhibitory one in 0.5 s are 1.5 Hz and
// 2 Hz; in 100 ms bins the 4 spikes at 0.05 s make 8 Hz per neuron.
func TestRates(t *testing.T) {
	o := &Outcome{NE: 4, NI: 1, Duration: 0.5, T: []float64{0.05, 0.05, 0.05, 0.05}, I: []int32{0, 3, 3, 4}}
	e, i := o.Rates()
	if e != 1.5 || i != 2 {
		t.Errorf("rates %g, %g Hz, want 1.5, 2", e, i)
	}
	ms, hz := o.PopulationRate(0.1)
	if len(ms) != 5 || math.Abs(ms[0]-50) > 1e-9 || math.Abs(hz[0]-8) > 1e-9 || hz[1] != 0 {
		t.Errorf("population rate %v ms, %v Hz; want 5 bins, the first at 50 ms with 8 Hz", ms, hz)
	}
}
