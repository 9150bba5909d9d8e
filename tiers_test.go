package cajal

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/cajal-sim/cajal/unit"
)

// tierNet is a network written as a user would, touching every part of the
// compiled tier: noise, refractoriness, every function of the language in
// a state update, a reset with draws, homogeneous and per-synapse delays,
// event-driven STDP on both pathways, clock-driven synapses reading
// presynaptic variables, and a summed variable.
func tierNet(t *testing.T, tier Tier) (*Network, func() []float64) {
	t.Helper()
	n := newNet(t, Options{Seed: 3, Threads: 2, Tier: tier})
	g, err := n.NeuronGroup(Neurons{Name: "g", N: 1500, Model: `
dv/dt = (-v + 1.2 + ge - gi + s + 0.3*sqrt(10*ms)*xi)/(10*ms) : 1 (unless refractory)
dge/dt = -ge/(5*ms) : 1
dgi/dt = -gi/(10*ms) : 1
s : 1
f = exp(-abs(v)) + log(1 + v*v) + log10(2 + v) + sin(v) + cos(v) + tan(v/4) + sinh(v/2) + cosh(v/3) + tanh(v) : 1
h = floor(3*v) + ceil(v) + sign(v - 0.5) + int(2.5*v) + exprel(v - 0.3) + expm1(v/5) + log1p(abs(v)) : 1
k = minimum(v, 0.7) + maximum(v, 0.2) + clip(v, 0.1, 0.9) + (3*v) % 1.3 + (5*v) // 2 + abs(v)**1.7 : 1
b = int(v > 0.5 and ge < 0.1 or not v < 0.2) : 1
dz/dt = (f + h + k + b - z)/(20*ms) : 1
`, Threshold: "v > 1", Reset: "v = 0.2*rand()\nz += 0.1*randn()", Refractory: "2*ms", Method: "euler"})
	if err != nil {
		t.Fatal(err)
	}
	if err := g.Set("v", "rand()"); err != nil {
		t.Fatal(err)
	}
	exc, _ := g.Slice(0, 1200)
	inh, _ := g.Slice(1200, 1500)
	ee, err := n.Synapses(Synapses{Name: "ee", Source: exc, Target: g, Model: `w : 1
dApre/dt = -Apre/(20*ms) : 1 (event-driven)
dApost/dt = -Apost/(20*ms) : 1 (event-driven)`,
		OnPre: "ge += w\nApre += 0.01\nw = clip(w + Apost, 0, 0.1)", OnPost: "Apost -= 0.012\nw = clip(w + Apre, 0, 0.1)",
		Delay: unit.Q(1.5, unit.Millisecond)})
	if err != nil {
		t.Fatal(err)
	}
	ie, err := n.Synapses(Synapses{Name: "ie", Source: inh, Target: g, Model: "w : 1", OnPre: "gi += w", Delay: "rand()*3*ms"})
	if err != nil {
		t.Fatal(err)
	}
	gap, err := n.Synapses(Synapses{Name: "gap", Source: g, Target: g, Model: `
dx/dt = (v_pre - x)/(3*ms) + 0.1*xi/sqrt(ms) : 1 (clock-driven)
s_post = 0.002*x : 1 (summed)
`, Method: "euler"})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		s *SynapseGroup
		p float64
	}{{ee, 0.04}, {ie, 0.1}, {gap, 0.003}} {
		if err := c.s.Connect(P(c.p)); err != nil {
			t.Fatal(err)
		}
	}
	ee.Set("w", Uniform{0.0, 0.05})
	ie.Set("w", "0.1*rand()")
	state := func() []float64 {
		var out []float64
		for _, name := range []string{"v", "ge", "gi", "s", "z", "lastspike"} {
			x, err := g.Get(name)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, x...)
		}
		for _, s := range []struct {
			g *SynapseGroup
			v string
		}{{ee, "w"}, {ee, "Apre"}, {ee, "Apost"}, {gap, "x"}} {
			x, err := s.g.Get(s.v)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, x...)
		}
		return out
	}
	return n, state
}

// A model written by a user, not one of the examples, runs compiled, and
// the interpreter (tier 0), the compiled code (tier 1) and a run that
// switches from one to the other midway give bit-identical state.
func TestTiersAgreeOnUserModel(t *testing.T) {
	if err := NativeAvailable(); err != nil {
		t.Skip(err)
	}
	d := unit.Q(40, unit.Millisecond)
	half := unit.Q(20, unit.Millisecond)
	interp, state := tierNet(t, TierInterp)
	run(t, interp, d)
	want := state()
	if native, _ := interp.Programs(); native != 0 {
		t.Fatalf("the interpreted run used %d compiled programs", native)
	}

	compiled, state := tierNet(t, TierNative)
	run(t, compiled, d)
	if native, total := compiled.Programs(); native != total || total < 8 {
		t.Errorf("%d of %d programs ran compiled", native, total)
	}
	same(t, "compiled", state(), want)

	switched, state := tierNet(t, TierInterp)
	run(t, switched, half)
	if err := switched.SetTier(TierNative); err != nil {
		t.Fatal(err)
	}
	run(t, switched, half)
	same(t, "switched midway", state(), want)
	if err := switched.SetTier(Tier(9)); err == nil {
		t.Error("SetTier accepted an unknown tier")
	}
	if _, err := NewNetwork(Options{Tier: Tier(9)}); err == nil {
		t.Error("NewNetwork accepted an unknown tier")
	}
}

func same(t *testing.T, what string, got, want []float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d values, want %d", what, len(got), len(want))
	}
	for k := range got {
		if math.Float64bits(got[k]) != math.Float64bits(want[k]) && !(math.IsNaN(got[k]) && math.IsNaN(want[k])) {
			t.Fatalf("%s: value %d is %v, interpreted %v", what, k, got[k], want[k])
		}
	}
}

// The interpreter computes the same bits on every platform: the state of
// tierNet after 20 ms hashes to the value in testdata/interp.golden,
// written on amd64 and checked on amd64 with and without fused
// multiply-add instructions available (GOAMD64=v1, v3) and on arm64 (a
// test binary run under qemu-user, see .ci/run). The hash covers every
// variable's bits.
func TestInterpreterSameOnEveryPlatform(t *testing.T) {
	sameAsGolden(t, TierInterp)
}

// The compiled tier gives those bits too, on every platform it runs on
// (amd64 here; arm64 under qemu-user with a cross compiler as CAJAL_CC,
// which .ci/run does when they are installed).
func TestCompiledSameOnEveryPlatform(t *testing.T) {
	if err := NativeAvailable(); err != nil {
		t.Skip(err)
	}
	sameAsGolden(t, TierNative)
}

// sameAsGolden runs tierNet in the tier and compares the hash of its state
// with testdata/interp.golden (written with -update by the interpreter).
func sameAsGolden(t *testing.T, tier Tier) {
	n, state := tierNet(t, tier)
	run(t, n, unit.Q(20, unit.Millisecond))
	if native, total := n.Programs(); tier == TierNative && native != total {
		t.Fatalf("%d of %d programs ran compiled", native, total)
	}
	h := sha256.New()
	for _, x := range state() {
		binary.Write(h, binary.LittleEndian, math.Float64bits(x))
	}
	got := fmt.Sprintf("%x\n", h.Sum(nil))
	const golden = "testdata/interp.golden"
	if *update && tier == TierInterp {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("the state (%v) hashes to %s; %s holds %s", tier, strings.TrimSpace(got), golden, strings.TrimSpace(string(want)))
	}
}

// Synaptic code that adds to a neuron variable of the group whose same
// variable it reads presynaptically (x_post += f(x_pre), synapses within
// one group) sees the additions of the step's earlier events: both tiers
// run it one event at a time, where a chunk of events would otherwise read
// its presynaptic values before adding, and agree bit for bit.
func TestTiersAgreeOnReadOfAddedVariable(t *testing.T) {
	if err := NativeAvailable(); err != nil {
		t.Skip(err)
	}
	var want []float64
	for _, tier := range []Tier{TierInterp, TierNative} {
		n := newNet(t, Options{Seed: 4, Tier: tier})
		g, err := n.NeuronGroup(Neurons{N: 2000, Model: "dv/dt = (1.2 - v)/(10*ms) : 1", Threshold: "v > 1", Reset: "v = 0", Method: "euler"})
		if err != nil {
			t.Fatal(err)
		}
		g.Set("v", "rand()")
		s, err := n.Synapses(Synapses{Source: g, Target: g, Model: "w : 1", OnPre: "v_post += w*(0.5 + 0.1*v_pre)"})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Connect(P(0.02)); err != nil {
			t.Fatal(err)
		}
		s.Set("w", Uniform{0, 0.05})
		run(t, n, unit.Q(30, unit.Millisecond))
		if pre, _ := s.Events(); pre < 1000 {
			t.Fatalf("only %d events: the test needs activity", pre)
		}
		v, _ := g.Get("v")
		if want == nil {
			want = v
			continue
		}
		same(t, "compiled", v, want)
	}
}
