package vogels2011

import (
	"testing"

	"github.com/cajal-sim/cajal"

	"github.com/cajal-sim/cajal/unit"
)

// The reduced network keeps each neuron's 200 inputs (epsilon*N) with a
// quarter of the neurons, so its mean-field dynamics are those of the full
// network with larger finite-size fluctuations. Expectations, from the
// reference run of the seed in Brian2 (164.7, 70.2, 17.7 Hz in the first
// three seconds; CV 0.02 in the first second):
//   - without plasticity the drive is the same as at full size: the first
//     second's rate within 15 % of 165 Hz (the tolerance), firing
//     regular and synchronous (CV below 0.1);
//   - with plasticity the inhibitory weights grow from 1e-10 and the rate
//     falls each second: second 2 below 100 Hz and second 3 below 35 Hz
//     (twice the reference, room for the smaller network's fluctuations);
//   - the weights grow far from their start: mean above 0.5.
func TestReduced(t *testing.T) {
	cfg := Reduced
	cfg.OutDir = t.TempDir()
	r, err := Run(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(r.Summary())
	if d := r.Rates[0]/165 - 1; d > 0.15 || d < -0.15 {
		t.Errorf("first-second rate %.1f Hz, want 165 Hz +- 15 %%", r.Rates[0])
	}
	if r.CVBefore > 0.1 {
		t.Errorf("CV in the first second %.3f: the network should fire regularly", r.CVBefore)
	}
	if !(r.Rates[1] < r.Rates[0] && r.Rates[2] < r.Rates[1]) {
		t.Errorf("rates %v do not fall with plasticity", r.Rates)
	}
	if r.Rates[1] > 100 || r.Rates[2] > 35 {
		t.Errorf("rates %v fall too slowly", r.Rates)
	}
	if r.MeanWeight < 0.5 {
		t.Errorf("mean plastic weight %.3f: plasticity did not act", r.MeanWeight)
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
