package cajal

import (
	"errors"
	"runtime"
	"testing"
	"time"
)

// measure runs f and returns the bytes it allocated and the time it took.
func measure(f func()) (uint64, time.Duration) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	f()
	took := time.Since(start)
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc, took
}

// Requests that would exhaust memory are refused with a *MemoryError
// before anything large is allocated: the refusal allocates under 64 KiB
// and takes well under a second (100 ms allowed on a loaded machine),
// where building would take tens of GiB.
func TestMemoryRefusals(t *testing.T) {
	for _, c := range []struct {
		name   string
		ns, nt int
		opts   []ConnectOption
	}{
		{"P(0.05) on 200k x 200k", 200_000, 200_000, []ConnectOption{P(0.05)}},
		{"all-to-all 46k x 46k", 46_000, 46_000, nil},
		{"P(1) on 46k x 46k", 46_000, 46_000, []ConnectOption{P(1)}},
	} {
		n := limited()
		a, _ := n.NeuronGroup(Neurons{Name: "a", N: c.ns, Model: "v : 1"})
		b, _ := n.NeuronGroup(Neurons{Name: "b", N: c.nt, Model: "v : 1"})
		s, err := n.Synapses(Synapses{Source: a, Target: b, Model: "w : 1"})
		if err != nil {
			t.Fatal(err)
		}
		var cerr error
		bytes, took := measure(func() { cerr = s.Connect(c.opts...) })
		var me *MemoryError
		if !errors.As(cerr, &me) {
			t.Errorf("%s: want a MemoryError, got %v", c.name, cerr)
		}
		if bytes > 64<<10 || took > 100*time.Millisecond || s.N() != 0 {
			t.Errorf("%s: the refusal allocated %d bytes in %v and left %d synapses", c.name, bytes, took, s.N())
		}
	}
	n := limited()
	var err error
	bytes, took := measure(func() { _, err = n.NeuronGroup(Neurons{N: 2e9, Model: "v : volt\nu : volt"}) })
	var me *MemoryError
	if !errors.As(err, &me) || me.Bytes != 2e9*(2*8+4) {
		t.Errorf("2e9 neurons: want a MemoryError of %g bytes, got %v", 2e9*(2*8+4), err)
	}
	if bytes > 64<<10 || took > 100*time.Millisecond {
		t.Errorf("2e9 neurons: the refusal allocated %d bytes in %v", bytes, took)
	}
}

// A condition is tested a block of candidates at a time: i == j on
// 10,000 x 10,000 neurons (10^8 candidates, 800 MB as index pairs) makes
// its 10,000 synapses with a few MiB allocated.
func TestConditionBlocks(t *testing.T) {
	const N = 10_000
	n := limited()
	g, _ := n.NeuronGroup(Neurons{N: N, Model: "v : 1"})
	s, err := n.Synapses(Synapses{Source: g, Target: g, Model: "w : 1"})
	if err != nil {
		t.Fatal(err)
	}
	bytes, took := measure(func() { err = s.Connect(Condition("i == j")) })
	if err != nil {
		t.Fatal(err)
	}
	if s.N() != N {
		t.Fatalf("%d synapses, want %d", s.N(), N)
	}
	J := s.J()
	for k, i := range s.I() {
		if j := J[k]; int(i) != k || int(j) != k {
			t.Fatalf("synapse %d: %d -> %d, want %d -> %d", k, i, j, k, k)
		}
	}
	if bytes > 8<<20 {
		t.Errorf("the condition allocated %d bytes", bytes)
	}
	t.Logf("10^8 candidates in %v, %d bytes allocated", took, bytes)
}

// A condition that keeps more synapses than the limit allows is refused
// as soon as the pairs kept pass it, naming the source neuron reached.
func TestConditionLimit(t *testing.T) {
	n, _ := NewNetwork(Options{MemoryLimit: 1 << 20})
	g, _ := n.NeuronGroup(Neurons{N: 1000, Model: "v : 1"})
	s, _ := n.Synapses(Synapses{Source: g, Target: g, Model: "w : 1"})
	err := s.Connect(Condition("i != j"))
	var me *MemoryError
	if !errors.As(err, &me) || s.N() != 0 {
		t.Fatalf("want a MemoryError and no synapses, got %v and %d", err, s.N())
	}
	t.Log(err)
}
