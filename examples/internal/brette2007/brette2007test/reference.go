package brette2007test

import (
	"math"
	"os"
	"testing"

	"github.com/cajal-sim/cajal/examples/example"
	"github.com/cajal-sim/cajal/examples/internal/brette2007"
)

// ReferenceFile checks b's reference file: it parses; its rates' means,
// standard deviations and numbers of seeds are those of the reference
// simulator's rates per seed (the file at ratesPath) to the digits stored;
// its synapse counts are the binomial distribution's of the full
// configuration; the script it names is stored.
func ReferenceFile(t *testing.T, b *brette2007.Benchmark, ratesPath string) {
	t.Helper()
	refs, err := b.References()
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(ratesPath)
	if err != nil {
		t.Fatal(err)
	}
	seeds, err := brette2007.ReadSeedRates(data)
	if err != nil {
		t.Fatal(err)
	}
	if seeds["full"] == nil || seeds["reduced"] == nil {
		t.Fatalf("rates per seed: %v", seeds)
	}
	for _, c := range []struct {
		key string
		xs  []float64
	}{
		{"rate_e", seeds["full"].RateE},
		{"rate_i", seeds["full"].RateI},
		{"reduced_rate_e", seeds["reduced"].RateE},
		{"reduced_rate_i", seeds["reduced"].RateI},
	} {
		q, err := refs.Quantity(c.key)
		if err != nil {
			t.Fatal(err)
		}
		s := example.NewStat(c.xs)
		if q.Mean == nil || math.Abs(*q.Mean-s.Mean) > 5e-5 || math.Abs(q.SD-s.SD) > 5e-5 || q.N != s.N {
			t.Errorf("%s: file %v +- %v over %d, rates per seed %.4f +- %.4f over %d", c.key, q.Mean, q.SD, q.N, s.Mean, s.SD, s.N)
		}
		if src := refs.SourceOf(q); src.Script == "" {
			t.Errorf("%s: no script", c.key)
		} else if _, err := os.Stat(src.Script); err != nil {
			t.Errorf("%s: the reference's script: %v", c.key, err)
		}
	}
	full := brette2007.Full
	for _, c := range []struct {
		key   string
		pairs float64
	}{{"synapses_e", float64(full.NE * (full.NE + full.NI))}, {"synapses_i", float64(full.NI * (full.NE + full.NI))}} {
		q, err := refs.Quantity(c.key)
		if err != nil {
			t.Fatal(err)
		}
		mean, sd := c.pairs*full.P, math.Sqrt(c.pairs*full.P*(1-full.P))
		if v, _ := q.Reference(); math.Abs(v-mean) > 1e-6 || math.Abs(q.SD-sd) > 0.005 {
			t.Errorf("%s: file %v +- %v, binomial %v +- %v", c.key, v, q.SD, mean, sd)
		}
	}
	targets := full.P * float64(full.NE+full.NI)
	if q, err := refs.Quantity("events_per_spike"); err != nil {
		t.Error(err)
	} else if v, _ := q.Reference(); v != targets {
		t.Errorf("events per spike: file %v, mean number of targets %v", v, targets)
	}
}
