package cajal

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/cajal-sim/cajal/record"
	"github.com/cajal-sim/cajal/unit"
)

// recordedNet is a small plastic network with one monitor of every kind,
// all streaming to dir.
type recordedNet struct {
	net    *Network
	spikes *SpikeMonitor
	sub    *SpikeMonitor
	states *StateMonitor
	rate   *PopulationRateMonitor
	syn    *StateMonitor
	weight *WeightRecorder
}

func newRecordedNet(t *testing.T, dir string, opts ...MonitorOption) *recordedNet {
	t.Helper()
	n := newNet(t, Options{Seed: 7, RecordDir: dir})
	in, err := n.PoissonGroup(Poisson{Name: "in", N: 50, Rates: unit.Q(80, unit.Hertz)})
	if err != nil {
		t.Fatal(err)
	}
	g, err := n.NeuronGroup(Neurons{Name: "g", N: 40, Model: "dv/dt = (el - v)/(10*ms) : volt",
		Threshold: "v > -50*mV", Reset: "v = -65*mV", Namespace: Namespace{"el": "-60*mV"}})
	if err != nil {
		t.Fatal(err)
	}
	if err := g.Set("v", "-60*mV + rand()*10*mV"); err != nil {
		t.Fatal(err)
	}
	s, err := n.Synapses(Synapses{Name: "s", Source: in, Target: g, Model: "w : volt",
		OnPre: "v += w\nw += 0.01*mV", OnPost: "w -= 0.02*mV"})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Connect(P(0.3)); err != nil {
		t.Fatal(err)
	}
	if err := s.Set("w", "2*mV"); err != nil {
		t.Fatal(err)
	}
	r := &recordedNet{net: n}
	sub, _ := g.Slice(10, 30)
	if r.spikes, err = n.SpikeMonitor(g, opts...); err != nil {
		t.Fatal(err)
	}
	if r.sub, err = n.SpikeMonitor(sub, opts...); err != nil {
		t.Fatal(err)
	}
	if r.states, err = n.StateMonitor(g, []string{"v"}, []int{0, 3, 7}, unit.Q(0.5, unit.Millisecond), opts...); err != nil {
		t.Fatal(err)
	}
	if r.rate, err = n.PopulationRateMonitor(g, opts...); err != nil {
		t.Fatal(err)
	}
	if r.syn, err = n.SynapseMonitor(s, []string{"w"}, []int{0, 1, 2}, unit.Quantity{}, opts...); err != nil {
		t.Fatal(err)
	}
	if r.weight, err = s.WeightRecorder("w", "pre", opts...); err != nil {
		t.Fatal(err)
	}
	return r
}

func openTable(t *testing.T, path string) *record.Table {
	t.Helper()
	tab, err := record.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { tab.Close() })
	return tab
}

func sameFloats(t *testing.T, what string, got, want []float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d values, want %d", what, len(got), len(want))
	}
	for k := range got {
		if math.Float64bits(got[k]) != math.Float64bits(want[k]) {
			t.Fatalf("%s[%d] = %v, want %v", what, k, got[k], want[k])
		}
	}
}

func sameInts[T int | int32](t *testing.T, what string, got []int32, want []T) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d values, want %d", what, len(got), len(want))
	}
	for k := range got {
		if int64(got[k]) != int64(want[k]) {
			t.Fatalf("%s[%d] = %d, want %d", what, k, got[k], want[k])
		}
	}
}

func readF(t *testing.T, tab *record.Table, name string) []float64 {
	t.Helper()
	x, err := tab.Float64(name)
	if err != nil {
		t.Fatal(err)
	}
	return x
}

func readI(t *testing.T, tab *record.Table, name string) []int32 {
	t.Helper()
	x, err := tab.Int32(name)
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// interleave turns traces[k][sample] into rows: sample after sample.
func interleave(traces [][]float64) []float64 {
	var out []float64
	for s := range traces[0] {
		for k := range traces {
			out = append(out, traces[k][s])
		}
	}
	return out
}

// Every kind of monitor streams to its file the records it keeps in
// memory, bit for bit, over two runs; the files carry units.
func TestMonitorFilesMatchMemory(t *testing.T) {
	dir := t.TempDir()
	r := newRecordedNet(t, dir)
	run(t, r.net, unit.Q(100, unit.Millisecond))
	run(t, r.net, unit.Q(100, unit.Millisecond))
	if err := r.net.Close(); err != nil {
		t.Fatal(err)
	}
	if r.spikes.Num() < 100 || r.weight.Len() < 100 {
		t.Fatalf("%d spikes and %d events: too few to test", r.spikes.Num(), r.weight.Len())
	}
	sp := openTable(t, filepath.Join(dir, "g_spikes.npy"))
	sameInts(t, "spike i", readI(t, sp, "i"), r.spikes.I())
	sameFloats(t, "spike t", readF(t, sp, "t"), r.spikes.T())
	sub := openTable(t, r.sub.Path())
	if filepath.Base(r.sub.Path()) != "g_10_30_spikes.npy" {
		t.Errorf("subgroup file %s", r.sub.Path())
	}
	sameInts(t, "subgroup i", readI(t, sub, "i"), r.sub.I())
	st := openTable(t, filepath.Join(dir, "g_states.npy"))
	v, _ := r.states.Values("v")
	sameFloats(t, "state t", readF(t, st, "t"), r.states.T())
	sameFloats(t, "state v", readF(t, st, "v"), interleave(v))
	if f := st.Meta.Fields[1]; f.Unit != "volt" || f.Width != 3 || !st.Meta.Complete || st.Meta.Rows != 400 {
		t.Errorf("states meta: %+v", st.Meta)
	}
	rt := openTable(t, filepath.Join(dir, "g_rate.npy"))
	sameFloats(t, "rate", readF(t, rt, "rate"), r.rate.Rate())
	sy := openTable(t, filepath.Join(dir, "s_states.npy"))
	w, _ := r.syn.Values("w")
	sameFloats(t, "synapse w", readF(t, sy, "w"), interleave(w))
	ev := openTable(t, filepath.Join(dir, "s_pre_w.npy"))
	sameFloats(t, "event t", readF(t, ev, "t"), r.weight.Times())
	sameInts(t, "event syn", readI(t, ev, "syn"), r.weight.Synapses())
	sameInts(t, "event i", readI(t, ev, "i"), r.weight.Senders())
	sameInts(t, "event j", readI(t, ev, "j"), r.weight.Targets())
	sameFloats(t, "event w", readF(t, ev, "w"), r.weight.Values())
	if u := ev.Meta.Fields[4].Unit; u != "volt" {
		t.Errorf("weight unit %q", u)
	}
	if got := len(r.net.Files()); got != 6 {
		t.Errorf("%d files, want 6", got)
	}
}

// With DiskOnly, nothing is kept in memory and the files are the same,
// byte for byte.
func TestDiskOnly(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	for k, dir := range []string{a, b} {
		var opts []MonitorOption
		if k == 1 {
			opts = append(opts, DiskOnly())
		}
		r := newRecordedNet(t, dir, opts...)
		run(t, r.net, unit.Q(200, unit.Millisecond))
		if err := r.net.Close(); err != nil {
			t.Fatal(err)
		}
		if k == 1 && (len(r.spikes.T()) != 0 || len(r.weight.Times()) != 0 || len(r.rate.T()) != 0 || r.spikes.Num() == 0) {
			t.Errorf("DiskOnly kept %d spikes, %d events, %d rates in memory (Num %d)",
				len(r.spikes.T()), len(r.weight.Times()), len(r.rate.T()), r.spikes.Num())
		}
	}
	for _, name := range []string{"g_spikes", "g_10_30_spikes", "g_states", "g_rate", "s_states", "s_pre_w"} {
		for _, ext := range []string{".npy", ".json"} {
			x, err := os.ReadFile(filepath.Join(a, name+ext))
			if err != nil {
				t.Fatal(err)
			}
			y, _ := os.ReadFile(filepath.Join(b, name+ext))
			if !bytes.Equal(x, y) {
				t.Errorf("%s%s differs with DiskOnly", name, ext)
			}
		}
	}
}

// A cancelled context stops the run at a step boundary; the files hold
// exactly the steps run, and a later run continues.
func TestRunContextCancel(t *testing.T) {
	dir := t.TempDir()
	r := newRecordedNet(t, dir)
	ctx, cancel := context.WithCancel(context.Background())
	r.net.opts.Progress = func(done, _ float64) {
		if done >= 0.05 {
			cancel()
		}
	}
	err := r.net.RunContext(ctx, unit.Q(1, unit.Second))
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v, want context.Canceled", err)
	}
	steps := int(math.Round(r.net.T().Value / r.net.Dt().Value))
	if steps < 500 || steps >= 10000 {
		t.Fatalf("stopped after %d steps; cancelled at 500 of 10000", steps)
	}
	rt := openTable(t, r.rate.Path())
	if rt.Rows != int64(steps) || len(r.rate.T()) != steps {
		t.Errorf("rate file holds %d rows, memory %d, for %d steps", rt.Rows, len(r.rate.T()), steps)
	}
	if err := r.net.RunContext(ctx, unit.Q(1, unit.Second)); !errors.Is(err, context.Canceled) || int(math.Round(r.net.T().Value/r.net.Dt().Value)) != steps {
		t.Errorf("a done context ran: %v, t = %v", err, r.net.T())
	}
	r.net.opts.Progress = nil
	run(t, r.net, unit.Q(10, unit.Millisecond))
	if err := r.net.Close(); err != nil {
		t.Fatal(err)
	}
	m, _ := record.ReadMeta(r.rate.Path())
	if m.Rows != int64(steps+100) || !m.Complete {
		t.Errorf("after another 10 ms: %+v", m)
	}
}

// A folder or file that cannot be written is an error before any step.
func TestUnwritableRecords(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "f")
	os.WriteFile(file, nil, 0o644)
	if _, err := NewNetwork(Options{RecordDir: filepath.Join(file, "out")}); err == nil {
		t.Error("RecordDir under a file: no error")
	}
	n := newNet(t, Options{})
	g, _ := n.NeuronGroup(Neurons{N: 1, Model: "v : 1"})
	m, _ := n.SpikeMonitor(g, File(filepath.Join(file, "x.npy")))
	if err := n.Run(unit.Q(1, unit.Millisecond)); err == nil || n.T().Value != 0 || m.Path() != "" {
		t.Errorf("unwritable file: error %v, t = %v", err, n.T())
	}
	n2 := newNet(t, Options{})
	g2, _ := n2.NeuronGroup(Neurons{N: 1, Model: "v : 1"})
	n2.SpikeMonitor(g2, DiskOnly())
	if err := n2.Run(unit.Q(1, unit.Millisecond)); err == nil {
		t.Error("DiskOnly without a file: no error")
	}
}

// numpy reads every monitor's file to the same values (a cross-check,
// skipped where Python with numpy is not installed).
func TestNumpyReadsMonitors(t *testing.T) {
	py := record.PythonWithNumpy()
	if py == "" {
		t.Skip("no Python with numpy is installed")
	}
	dir := t.TempDir()
	r := newRecordedNet(t, dir)
	run(t, r.net, unit.Q(50, unit.Millisecond))
	if err := r.net.Close(); err != nil {
		t.Fatal(err)
	}
	script := `
import sys, json, numpy as np
s = np.load(sys.argv[1] + "/g_spikes.npy")
st = np.load(sys.argv[1] + "/g_states.npy")
ev = np.load(sys.argv[1] + "/s_pre_w.npy")
sy = np.load(sys.argv[1] + "/s_states.npy")
rt = np.load(sys.argv[1] + "/g_rate.npy")
print(json.dumps({"i": s["i"].tolist(), "t": s["t"].tolist(), "v": st["v"][:, 1].tolist(),
    "w": ev["w"].tolist(), "j": ev["j"].tolist(), "sw": sy["w"][:, 2].tolist(), "rate": rt["rate"].tolist()}))
`
	out, err := exec.Command(py, "-c", script, dir).Output()
	if err != nil {
		t.Fatalf("numpy: %v", err)
	}
	var got struct {
		I        []int32
		T, V, W  []float64
		J        []int32
		Sw, Rate []float64
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	v, _ := r.states.Values("v")
	w, _ := r.syn.Values("w")
	sameInts(t, "numpy i", got.I, r.spikes.I())
	sameFloats(t, "numpy t", got.T, r.spikes.T())
	sameFloats(t, "numpy v[:, 1]", got.V, v[1])
	sameFloats(t, "numpy event w", got.W, r.weight.Values())
	sameInts(t, "numpy event j", got.J, r.weight.Targets())
	sameFloats(t, "numpy synapse w[:, 2]", got.Sw, w[2])
	sameFloats(t, "numpy rate", got.Rate, r.rate.Rate())
}

// A DiskOnly monitor streams in bounded memory: 24 MB of spike rows,
// flushed in blocks of record.DefaultBlock, allocate less than 1 MB once
// the first run has sized the block.
func TestDiskOnlyMemoryIsBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 24 MB")
	}
	n := newNet(t, Options{Threads: 1, RecordDir: t.TempDir()})
	g, err := n.NeuronGroup(Neurons{Name: "g", N: 2000, Model: "v : 1", Threshold: "t >= 0*ms"})
	if err != nil {
		t.Fatal(err)
	}
	m, _ := n.SpikeMonitor(g, DiskOnly())
	run(t, n, unit.Q(20, unit.Millisecond)) // 200 steps, 4.8 MB: one block flushed
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	run(t, n, unit.Q(100, unit.Millisecond))
	runtime.ReadMemStats(&after)
	if m.Num() != 2000*1200 {
		t.Fatalf("%d spikes, want %d", m.Num(), 2000*1200)
	}
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 1<<20 {
		t.Errorf("a run that streamed 24 MB of spikes allocated %d bytes", grew)
	}
}
