package brette2007test

import (
	"testing"

	"github.com/cajal-sim/cajal"
	"github.com/cajal-sim/cajal/examples/internal/brette2007"
	"github.com/cajal-sim/cajal/unit"
)

// CompiledKernelsAgree runs the reduced network for 0.1 s with kernels
// compiled to C (tier 1) and with the interpreter: the spikes are
// bit-identical, and the compiled run used compiled code for every
// program, the interpreted one for none. Without a C compiler it skips.
func CompiledKernelsAgree(t *testing.T, b *brette2007.Benchmark) {
	t.Helper()
	if err := cajal.NativeAvailable(); err != nil {
		t.Skip(err)
	}
	cfg := brette2007.Reduced
	cfg.Duration = unit.Q(0.1, unit.Second)
	cfg.Tier = cajal.TierNative
	native, err := b.Run(cfg)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Tier = cajal.TierInterp
	interp, err := b.Run(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if native.Native == 0 || native.Native != native.Programs {
		t.Errorf("%d of %d programs ran compiled code", native.Native, native.Programs)
	}
	if interp.Native != 0 {
		t.Errorf("the interpreted run used %d compiled programs", interp.Native)
	}
	if len(native.T) != len(interp.T) || len(native.T) == 0 {
		t.Fatalf("compiled: %d spikes; interpreted: %d", len(native.T), len(interp.T))
	}
	for k := range native.T {
		if native.T[k] != interp.T[k] || native.I[k] != interp.I[k] {
			t.Fatalf("spike %d differs", k)
		}
	}
}
