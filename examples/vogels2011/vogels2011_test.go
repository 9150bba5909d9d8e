package vogels2011

import (
	"errors"
	"math"
	"sync"
	"testing"

	"github.com/cajal-sim/cajal/cluster"

	"github.com/cajal-sim/cajal"

	"github.com/cajal-sim/cajal/examples/example"
	"github.com/cajal-sim/cajal/unit"
)

// The reduced network keeps each neuron's 200 inputs (epsilon*N) with a
// quarter of the neurons, so its mean-field dynamics are those of the full
// network with larger finite-size fluctuations. Expectations, from the
// stored Brian2 reference (testdata/reference.toml) of the full run:
//   - without plasticity the drive is the same as at full size: the first
//     second's rate in the reference's band (164.7 Hz +- 15 %), firing
//     regular and synchronous (CV in the reference's band, below 0.07);
//   - with plasticity the inhibitory weights grow from 1e-10 and the rate
//     falls each second: second 2 below 1.5 times the reference's 70.2 Hz
//     and second 3 below twice its 17.7 Hz (room for the smaller network's
//     fluctuations);
//   - the weights grow far from their start: mean above 0.5 (a third of the
//     reference's final 1.46, reached at 10 s, not 3 s).
func TestReduced(t *testing.T) {
	cfg := Reduced
	cfg.OutDir = t.TempDir()
	r, err := Run(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(r.Summary())
	refs, err := References()
	if err != nil {
		t.Fatal(err)
	}
	ref := func(key string) example.Quantity {
		q, err := refs.Quantity(key)
		if err != nil {
			t.Fatal(err)
		}
		return q
	}
	for _, c := range []struct {
		key string
		got float64
	}{{"rate_s1", r.Rates[0]}, {"cv_before", r.CVBefore}} {
		if it := ref(c.key).Check(c.got); !it.Pass {
			t.Errorf("%s %s, accepted %s", it.Name, it.Got, it.Band)
		}
	}
	if !(r.Rates[1] < r.Rates[0] && r.Rates[2] < r.Rates[1]) {
		t.Errorf("rates %v do not fall with plasticity", r.Rates)
	}
	s2, _ := ref("rate_s2").Reference()
	s3, _ := ref("rate_s3").Reference()
	if r.Rates[1] > 1.5*s2 || r.Rates[2] > 2*s3 {
		t.Errorf("rates %v fall too slowly", r.Rates)
	}
	if w, _ := ref("mean_weight").Reference(); r.MeanWeight < w/3 {
		t.Errorf("mean plastic weight %.3f: plasticity did not act", r.MeanWeight)
	}
}

// Check passes the full run's statistics as Cajal gives them and fails
// each one moved out of its band: a check that cannot fail tests nothing.
func TestCheck(t *testing.T) {
	good := func() *Result {
		return &Result{Config: Full, Rates: []float64{165.6, 71.9, 17.8, 12.9, 11.6, 10.8, 10.2, 9.9, 9.1, 8.8},
			CVBefore: 0.02, CVAfter: 0.86, MeanWeight: 1.48}
	}
	if err := good().Check().Err(); err != nil {
		t.Fatalf("Cajal's full run fails its check: %v", err)
	}
	for name, spoil := range map[string]func(r *Result){
		"first-second rate 120 Hz":   func(r *Result) { r.Rates[0] = 120 },
		"second 2 at 110 Hz":         func(r *Result) { r.Rates[1] = 110 },
		"second 3 at 30 Hz":          func(r *Result) { r.Rates[2] = 30 },
		"a rise of 10 % in second 7": func(r *Result) { r.Rates[6] = 11.9 },
		"last second 12 Hz":          func(r *Result) { r.Rates[9] = 12 },
		"CV 0.2 before":              func(r *Result) { r.CVBefore = 0.2 },
		"CV 0.6 after":               func(r *Result) { r.CVAfter = 0.6 },
		"mean weight 1.7":            func(r *Result) { r.MeanWeight = 1.7 },
		"a 3 s run":                  func(r *Result) { r.Rates = r.Rates[:3] },
		"the reduced network":        func(r *Result) { r.Config = Reduced },
	} {
		r := good()
		spoil(r)
		if r.Check().Err() == nil {
			t.Errorf("%s passed the check", name)
		}
	}
}

// The kernels compiled to C (tier 1) and the interpreter give
// bit-identical spikes and weights; the compiled ones are used.
func TestCompiledKernelsAgree(t *testing.T) {
	if err := cajal.NativeAvailable(); err != nil {
		t.Skip(err)
	}
	cfg := Reduced
	cfg.SimTime = unit.Q(1.2, unit.Second)
	cfg.Tier = cajal.TierNative
	native, err := Run(cfg)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Tier = cajal.TierInterp
	interp, err := Run(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if native.Native == 0 || native.Native != native.Programs {
		t.Errorf("%d of %d programs ran compiled code", native.Native, native.Programs)
	}
	if interp.Native != 0 {
		t.Errorf("the interpreted run used %d compiled programs", interp.Native)
	}
	if len(native.T) != len(interp.T) || native.MeanWeight != interp.MeanWeight {
		t.Fatalf("compiled: %d spikes, mean weight %v; interpreted: %d, %v", len(native.T), native.MeanWeight, len(interp.T), interp.MeanWeight)
	}
	for k := range native.T {
		if native.T[k] != interp.T[k] || native.I[k] != interp.I[k] {
			t.Fatalf("spike %d differs", k)
		}
	}
}

// One or two threads give the same spikes and weights: state updates are
// split by neuron and synaptic events by target neuron.
func TestThreadsAgree(t *testing.T) {
	cfg := Reduced
	cfg.SimTime = unit.Q(1.2, unit.Second)
	cfg.Threads = 1
	one, err := Run(cfg)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Threads = 2
	two, err := Run(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if len(one.T) != len(two.T) || one.MeanWeight != two.MeanWeight {
		t.Fatalf("1 thread: %d spikes, mean weight %v; 2 threads: %d, %v", len(one.T), one.MeanWeight, len(two.T), two.MeanWeight)
	}
	for k := range one.T {
		if one.T[k] != two.T[k] || one.I[k] != two.I[k] {
			t.Fatalf("spike %d differs", k)
		}
	}
}

// The network split over 2 and 3 processes (ranks in this process, as
// mpirun's would be), with 1 or 2 threads each, gives the spikes and the
// final mean weight of one process, bit for bit, on every rank.
func TestProcessesAgree(t *testing.T) {
	cfg := Reduced
	cfg.SimTime = unit.Q(1.2, unit.Second)
	cfg.Threads = 1
	one, err := Run(cfg)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ ranks, threads int }{{2, 1}, {3, 1}, {2, 2}} {
		comms := cluster.Local(c.ranks)
		got := make([]*Result, c.ranks)
		errs := make([]error, c.ranks)
		var wg sync.WaitGroup
		for r := range comms {
			wg.Add(1)
			go func() {
				defer wg.Done()
				cfg := cfg
				cfg.Threads, cfg.Comm = c.threads, comms[r]
				got[r], errs[r] = Run(cfg)
			}()
		}
		wg.Wait()
		if err := errors.Join(errs...); err != nil {
			t.Fatal(err)
		}
		for r, res := range got {
			if len(res.T) != len(one.T) || math.Float64bits(res.MeanWeight) != math.Float64bits(one.MeanWeight) {
				t.Fatalf("%d processes x %d threads, rank %d: %d spikes, mean weight %v; one process: %d, %v",
					c.ranks, c.threads, r, len(res.T), res.MeanWeight, len(one.T), one.MeanWeight)
			}
			for k := range one.T {
				if one.T[k] != res.T[k] || one.I[k] != res.I[k] {
					t.Fatalf("%d processes, rank %d: spike %d differs", c.ranks, r, k)
				}
			}
		}
	}
}
