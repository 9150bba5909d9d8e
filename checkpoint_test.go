package cajal

import (
	"bytes"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cajal-sim/cajal/internal/checkpoint"
	"github.com/cajal-sim/cajal/unit"
)

// ckptNet is a network with every kind of state a checkpoint saves:
// noise, refractoriness, Poisson input, a periodic spike generator with
// spike weights (one spike in the step before the checkpoints at 40 ms),
// a homogeneous and a per-synapse delay, STDP with
// event-driven traces on both pathways, and monitors of every kind, kept
// in memory and streamed to files in opts.RecordDir.
type ckptNet struct {
	net    *Network
	groups []*NeuronGroup
	syns   []*SynapseGroup
	spikes *SpikeMonitor
	states *StateMonitor
	rate   *PopulationRateMonitor
	weight *WeightRecorder
}

func newCkptNet(t *testing.T, opts Options) *ckptNet {
	t.Helper()
	opts.Seed = 11
	n := newNet(t, opts)
	c := &ckptNet{net: n}
	in, err := n.PoissonGroup(Poisson{Name: "in", N: 60, Rates: unit.Q(100, unit.Hertz)})
	if err != nil {
		t.Fatal(err)
	}
	gen, err := n.SpikeGeneratorGroup(SpikeGenerator{Name: "gen", N: 3, Indices: []int{0, 1, 2, 0},
		Times: Times(unit.Millisecond, 1, 2.5, 4.9, 6), Period: unit.Q(7, unit.Millisecond), Weights: []float64{1, 2, 3, 4}})
	if err != nil {
		t.Fatal(err)
	}
	exc, err := n.NeuronGroup(Neurons{Name: "exc", N: 80, Model: `
dv/dt = (-v + 1.02 + ge + 0.3*sqrt(10*ms)*xi)/(10*ms) : 1 (unless refractory)
dge/dt = -ge/(5*ms) : 1
`, Threshold: "v > 1", Reset: "v = 0", Refractory: "2*ms", Method: "euler"})
	if err != nil {
		t.Fatal(err)
	}
	if err := exc.Set("v", "rand()"); err != nil {
		t.Fatal(err)
	}
	c.groups = []*NeuronGroup{in, gen, exc}
	inp, err := n.Synapses(Synapses{Name: "inp", Source: in, Target: exc, Model: "w : 1", OnPre: "ge += w",
		Delay: unit.Q(1.5, unit.Millisecond)})
	if err != nil {
		t.Fatal(err)
	}
	stdp, err := n.Synapses(Synapses{Name: "stdp", Source: exc, Target: exc, Model: `
w : 1
dApre/dt = -Apre/(20*ms) : 1 (event-driven)
dApost/dt = -Apost/(20*ms) : 1 (event-driven)
`, OnPre: "ge += w\nApre += 0.01\nw = clip(w + Apost, 0, 0.2)", OnPost: "Apost -= 0.012\nw = clip(w + Apre, 0, 0.2)",
		Delay: "rand()*3*ms"})
	if err != nil {
		t.Fatal(err)
	}
	gsyn, err := n.Synapses(Synapses{Name: "gsyn", Source: gen, Target: exc, OnPre: "ge += 0.05*weight_pre",
		Delay: unit.Q(0.5, unit.Millisecond)})
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range []struct {
		s    *SynapseGroup
		opts []ConnectOption
	}{{inp, []ConnectOption{P(0.2)}}, {stdp, []ConnectOption{P(0.1), Condition("i != j")}}, {gsyn, []ConnectOption{P(0.5)}}} {
		if err := x.s.Connect(x.opts...); err != nil {
			t.Fatal(err)
		}
	}
	if err := inp.Set("w", "0.02 + 0.02*rand()"); err != nil {
		t.Fatal(err)
	}
	if err := stdp.Set("w", "rand()*0.1"); err != nil {
		t.Fatal(err)
	}
	c.syns = []*SynapseGroup{inp, stdp, gsyn}
	if c.spikes, err = n.SpikeMonitor(exc); err != nil {
		t.Fatal(err)
	}
	if opts.RecordDir != "" {
		n.SpikeMonitor(in, DiskOnly())
	}
	if c.states, err = n.StateMonitor(exc, []string{"v", "ge"}, []int{0, 1, 2, 3}, unit.Q(0.5, unit.Millisecond)); err != nil {
		t.Fatal(err)
	}
	if c.rate, err = n.PopulationRateMonitor(exc); err != nil {
		t.Fatal(err)
	}
	if _, err = n.SynapseMonitor(stdp, []string{"w", "Apre"}, []int{0, 5, 9}, unit.Quantity{}); err != nil {
		t.Fatal(err)
	}
	if c.weight, err = stdp.WeightRecorder("w", "post"); err != nil {
		t.Fatal(err)
	}
	return c
}

// sameState checks that every variable of two networks is the same, bit
// for bit, and so are the records kept in memory.
func sameState(t *testing.T, got, want *ckptNet) {
	t.Helper()
	for k, g := range want.groups {
		for name, a := range g.sg.Arrays {
			sameFloats(t, g.Name()+"."+name, got.groups[k].sg.Arrays[name], a)
		}
	}
	for k, s := range want.syns {
		for name, a := range s.ss.Arrays {
			sameFloats(t, s.spec.Name+"."+name, got.syns[k].ss.Arrays[name], a)
		}
		gp, gq := got.syns[k].Events()
		wp, wq := s.Events()
		if gp != wp || gq != wq {
			t.Errorf("%s: events %d, %d, want %d, %d", s.spec.Name, gp, gq, wp, wq)
		}
	}
	sameInts(t, "spike monitor i", got.spikes.I(), want.spikes.I())
	sameFloats(t, "spike monitor t", got.spikes.T(), want.spikes.T())
	gv, _ := got.states.Values("ge")
	wv, _ := want.states.Values("ge")
	sameFloats(t, "state monitor ge", interleave(gv), interleave(wv))
	sameFloats(t, "rate monitor", got.rate.Rate(), want.rate.Rate())
	sameFloats(t, "weight recorder", got.weight.Values(), want.weight.Values())
}

// sameFiles checks that two folders hold the same files, byte for byte.
func sameFiles(t *testing.T, got, want string) {
	t.Helper()
	entries, err := os.ReadDir(want)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") || filepath.Ext(e.Name()) == ".ckpt" {
			continue
		}
		n++
		a, err1 := os.ReadFile(filepath.Join(want, e.Name()))
		b, err2 := os.ReadFile(filepath.Join(got, e.Name()))
		if err := errors.Join(err1, err2); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs: %d bytes, want %d", e.Name(), len(b), len(a))
		}
	}
	if n < 12 {
		t.Fatalf("only %d files in %s", n, want)
	}
}

// A run of T, and a run checkpointed at T/2, abandoned at 3T/4 (as if
// killed: its files hold rows past the checkpoint) and restored in a new
// network that runs the rest, give the same state, bit for bit, the same
// records in memory, the same data files byte for byte, and the same
// final checkpoint file.
func TestCheckpointRestoreIsExact(t *testing.T) {
	T := 80.0 // ms
	refDir, dir := t.TempDir(), t.TempDir()
	ref := newCkptNet(t, Options{RecordDir: refDir, Threads: 1})
	run(t, ref.net, unit.Q(T, unit.Millisecond))
	if pre, post := ref.syns[1].Events(); pre < 1000 || post < 1000 {
		t.Fatalf("only %d and %d STDP events: the test needs activity", pre, post)
	}
	if err := errors.Join(ref.net.Checkpoint(filepath.Join(refDir, "final.ckpt")), ref.net.Close()); err != nil {
		t.Fatal(err)
	}

	ck := filepath.Join(dir, "half.ckpt")
	first := newCkptNet(t, Options{RecordDir: dir, Threads: 2})
	run(t, first.net, unit.Q(T/2, unit.Millisecond))
	if err := first.net.Checkpoint(ck); err != nil {
		t.Fatal(err)
	}
	run(t, first.net, unit.Q(T/4, unit.Millisecond)) // then abandoned, not closed

	second := newCkptNet(t, Options{RecordDir: dir, Threads: 1})
	if err := second.net.Resume(ck); err != nil {
		t.Fatal(err)
	}
	if got := second.net.T().Value; math.Abs(got-T/2e3) > 1e-12 {
		t.Fatalf("restored at t = %v s, want %v s", got, T/2e3)
	}
	run(t, second.net, unit.Q(T/2, unit.Millisecond))
	if err := errors.Join(second.net.Checkpoint(filepath.Join(dir, "final.ckpt")), second.net.Close()); err != nil {
		t.Fatal(err)
	}
	sameState(t, second, ref)
	sameFiles(t, dir, refDir)
	a, _ := os.ReadFile(filepath.Join(refDir, "final.ckpt"))
	b, _ := os.ReadFile(filepath.Join(dir, "final.ckpt"))
	if len(a) == 0 || !bytes.Equal(a, b) {
		t.Errorf("final checkpoints differ: %d and %d bytes", len(a), len(b))
	}
}

// Options.CheckpointEvery writes a checkpoint at every multiple of the
// interval during a run; restoring the last one and running on gives the
// uninterrupted run's files.
func TestPeriodicCheckpoints(t *testing.T) {
	refDir, dir := t.TempDir(), t.TempDir()
	ref := newCkptNet(t, Options{RecordDir: refDir})
	run(t, ref.net, unit.Q(60, unit.Millisecond))
	if err := ref.net.Close(); err != nil {
		t.Fatal(err)
	}
	ck := filepath.Join(dir, "run.ckpt")
	opts := Options{RecordDir: dir, Checkpoint: ck, CheckpointEvery: unit.Q(20, unit.Millisecond)}
	first := newCkptNet(t, opts)
	run(t, first.net, unit.Q(15, unit.Millisecond))
	run(t, first.net, unit.Q(35, unit.Millisecond)) // checkpoints at 20 and 40 ms; abandoned at 50 ms
	second := newCkptNet(t, opts)
	if err := second.net.Resume(ck); err != nil {
		t.Fatal(err)
	}
	if got := second.net.T().Value; math.Abs(got-0.04) > 1e-12 {
		t.Fatalf("the last checkpoint is at t = %v s, want 0.04 s", got)
	}
	run(t, second.net, unit.Q(20, unit.Millisecond))
	if err := second.net.Close(); err != nil {
		t.Fatal(err)
	}
	sameState(t, second, ref)
	sameFiles(t, dir, refDir)
}

// A checkpoint of another model, a damaged one, one of a newer format and
// one restored too late are refused with errors that say why, and the
// network keeps its state.
func TestRestoreRefuses(t *testing.T) {
	dir := t.TempDir()
	ck := filepath.Join(dir, "a.ckpt")
	a := newCkptNet(t, Options{})
	run(t, a.net, unit.Q(5, unit.Millisecond))
	if err := a.net.Checkpoint(ck); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(ck)
	if err != nil {
		t.Fatal(err)
	}
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	flipped := bytes.Clone(data)
	flipped[len(flipped)/2] ^= 1
	newer := bytes.Clone(data)
	newer[len(checkpoint.Magic)] = checkpoint.Version + 1
	other := newNet(t, Options{Seed: 11})
	g, _ := other.NeuronGroup(Neurons{Name: "exc", N: 80, Model: "v : 1"})
	g.Set("v", 0.5)
	for _, c := range []struct {
		net  *Network
		path string
		want string
	}{
		{newCkptNet(t, Options{Model: "tau = 20 ms"}).net, ck, "is of another model: model is none in the checkpoint"},
		{other, ck, "is of another model"},
		{newCkptNet(t, Options{}).net, write("flipped.ckpt", flipped), "damaged or cut short"},
		{newCkptNet(t, Options{}).net, write("short.ckpt", data[:len(data)-100]), "damaged or cut short"},
		{newCkptNet(t, Options{}).net, write("newer.ckpt", newer), "format version 2, newer than this cajal reads (1)"},
		{newCkptNet(t, Options{}).net, write("text.ckpt", []byte("dt = 0.1*ms\n")), "not a cajal checkpoint"},
		{newCkptNet(t, Options{}).net, filepath.Join(dir, "missing.ckpt"), "no such file"},
		{a.net, ck, "before the network's first run"},
	} {
		before := c.net.T()
		err := c.net.Resume(c.path)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one that says %q", filepath.Base(c.path), err, c.want)
		}
		if c.net.T() != before {
			t.Errorf("%s: a refused checkpoint moved the clock to %v s", filepath.Base(c.path), c.net.T())
		}
	}
	// The error names the fact that differs.
	other2 := newNet(t, Options{Seed: 11})
	other2.PoissonGroup(Poisson{Name: "in", N: 61, Rates: unit.Q(100, unit.Hertz)})
	err = other2.Resume(ck)
	if err == nil || !strings.Contains(err.Error(), "group 0 (in): size is 60 in the checkpoint, 61 in this network") {
		t.Errorf("another size: %v", err)
	}
}
