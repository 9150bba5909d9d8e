package modelfile

import (
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/cajal-sim/cajal/unit"
)

// Check counts the network of a file without connecting it: the neurons
// exactly, the synapses as the rules' expectation, which the connected
// network meets within a few standard deviations, and a memory estimate
// no smaller than what the connected network holds.
func TestCheck(t *testing.T) {
	f, err := Load("testdata/vogels2011.toml")
	if err != nil {
		t.Fatal(err)
	}
	s, err := f.Check()
	if err != nil {
		t.Fatal(err)
	}
	// p = 0.08 on 2000 x 2500, 500 x 500 and 500 x 2000 neurons.
	want := 0.08 * (2000*2500 + 500*500 + 500*2000)
	if s.Neurons != 2500 || s.Groups != 1 || s.Pathways != 3 || s.Synapses != want || s.Bound {
		t.Errorf("summary %+v, want 2500 neurons in 1 group, %g synapses in 3", s, want)
	}
	if s.Monitors != 1 || s.Duration != 2 || s.Steps != 20000 {
		t.Errorf("summary %+v, want 1 monitor, 2 s, 20000 steps", s)
	}
	b, err := f.build("", Checkpoints{})
	if err != nil {
		t.Fatal(err)
	}
	defer b.net.Close()
	st := b.net.Stats()
	// Binomial counts: 6 sd of each rule's count, summed, bounds the sum.
	sd := math.Sqrt(want * 0.92)
	if math.Abs(float64(st.Synapses)-want) > 6*sd {
		t.Errorf("connected %d synapses, expected %g", st.Synapses, want)
	}
	if used := b.net.MemoryInUse(); s.Memory < used || s.Limit != b.net.MemoryLimit() {
		t.Errorf("estimate %d bytes, limit %d; the connected network holds %d, limit %d", s.Memory, s.Limit, used, b.net.MemoryLimit())
	}
	if !strings.Contains(s.String(), "synapses  500000 expected") {
		t.Errorf("summary text:\n%s", s)
	}
}

// Check finds errors a run would meet at its start, and refuses a network
// its memory limit would refuse.
func TestCheckErrors(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"runs = [\"1*second\"]\n[[neurons]]\nname = \"a\"\nn = 10\nmodel = \"dv/dt = -v/tau : volt\"\n", "tau"},
		{"runs = [\"1*second\"]\n[[neurons]]\nname = \"a\"\nn = 10\nmodel = \"v : volt\"\n[[synapses]]\nsource = \"b\"\ntarget = \"a\"\n", "no group named \"b\""},
		{"runs = [\"1*second\"]\n[[neurons]]\nname = \"a\"\nn = 100000\nmodel = \"v : volt\"\n[[synapses]]\nsource = \"a\"\ntarget = \"a\"\nconnect = { p = 0.5 }\n", "2^31"},
		// 40 groups of 2.1e9 synapses, at least 24 bytes each: 2 TB,
		// more than any machine's memory limit.
		{"runs = [\"1*second\"]\n[[neurons]]\nname = \"a\"\nn = 46000\nmodel = \"v : volt\"\n" +
			strings.Repeat("[[synapses]]\nsource = \"a\"\ntarget = \"a\"\n", 40), "memory limit"},
	} {
		f, err := Parse("m.toml", []byte(c.text))
		if err != nil {
			t.Fatal(err)
		}
		_, err = f.Check()
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: error %v, want one with %q", c.text, err, c.want)
		}
	}
}

// SetDuration cuts the file's schedule at the duration, keeping the
// namespace changes of the runs that start before it, or lengthens the
// last run.
func TestSetDuration(t *testing.T) {
	second := map[string]any{"duration": "1*second", "namespace": map[string]any{"eta": 0.01}}
	for _, c := range []struct {
		d    float64
		want []any
	}{
		{0.5, []any{"0.5*second"}},
		{1, []any{"1*second"}},
		{1.5, []any{"1*second", map[string]any{"duration": "0.5*second", "namespace": map[string]any{"eta": 0.01}}}},
		{3, []any{"1*second", map[string]any{"duration": "2*second", "namespace": map[string]any{"eta": 0.01}}}},
	} {
		f := &File{Runs: []any{"1*second", second}, Namespace: map[string]any{"eta": 0.0}}
		if err := f.SetDuration(unit.Q(c.d, unit.Second)); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(f.Runs, c.want) {
			t.Errorf("%g s: runs %v, want %v", c.d, f.Runs, c.want)
		}
		if d, err := f.Duration(); err != nil || d.Value != c.d {
			t.Errorf("%g s: Duration %v, %v", c.d, d, err)
		}
	}
	if second["duration"] != "1*second" {
		t.Error("SetDuration changed the file's run table in place")
	}
	f := &File{Runs: []any{"1*second"}}
	for _, d := range []unit.Quantity{unit.Q(0, unit.Second), unit.Q(1, unit.Volt), unit.Q(math.Inf(1), unit.Second), unit.Q(1e30, unit.Second)} {
		if err := f.SetDuration(d); err == nil {
			t.Errorf("SetDuration(%v) accepted", d)
		}
	}
}
