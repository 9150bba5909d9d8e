package brette2007test

import (
	"os"
	"testing"

	"github.com/cajal-sim/cajal/examples/example"
	"github.com/cajal-sim/cajal/examples/internal/brette2007"
)

// Reduced runs the reduced configuration, seed fixed, and checks it
// against the references of the same run (keys "reduced_rate_e",
// "reduced_rate_i", the synapse counts and the events per spike): all five
// statistics are checked and pass, and the figure is written.
func Reduced(t *testing.T, b *brette2007.Benchmark) {
	t.Helper()
	cfg := brette2007.Reduced
	cfg.OutDir = t.TempDir()
	r, err := b.Run(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(r.Summary())
	rep := r.CheckAs(brette2007.Reduced, "reduced_")
	t.Log(rep)
	if err := rep.Err(); err != nil {
		t.Error(err)
	}
	if len(rep.Items) != 5 {
		t.Errorf("%d statistics checked, want the summary's 5 (two rates, two synapse counts, events per spike)", len(rep.Items))
	}
	if fi, err := os.Stat(r.Figure); err != nil || fi.Size() < 10000 {
		t.Errorf("figure %s: %v", r.Figure, err)
	}
}

// ReducedEnsemble runs the reduced configuration with seeds 1 to seeds,
// single-threaded each, and compares the mean rates with the references'
// means ("reduced_rate_e", "reduced_rate_i") within the band of the file's
// ses.
func ReducedEnsemble(t *testing.T, b *brette2007.Benchmark, seeds int) {
	t.Helper()
	refs, err := b.References()
	if err != nil {
		t.Fatal(err)
	}
	rates, err := example.Ensemble(seeds, 0, func(k int) ([2]float64, error) {
		cfg := brette2007.Reduced
		cfg.Seed, cfg.Threads = uint64(k+1), 1
		r, err := b.Run(cfg)
		if err != nil {
			return [2]float64{}, err
		}
		e, i := r.Rates()
		return [2]float64{e, i}, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for p, key := range []string{"reduced_rate_e", "reduced_rate_i"} {
		q, err := refs.Quantity(key)
		if err != nil {
			t.Fatal(err)
		}
		var xs []float64
		for _, r := range rates {
			xs = append(xs, r[p])
		}
		it := q.CheckMean(example.NewStat(xs))
		if !it.Pass {
			t.Errorf("%s: %s, accepted %s", it.Name, it.Got, it.Band)
		} else {
			t.Logf("%s: %s; reference %s, accepted %s", it.Name, it.Got, it.Reference, it.Band)
		}
	}
}
