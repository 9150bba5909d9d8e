package cajal

import (
	"os"
	"strings"
	"testing"

	"github.com/cajal-sim/cajal/plot"
	"github.com/cajal-sim/cajal/record"
	"github.com/cajal-sim/cajal/unit"
)

// lines counts a text file's lines.
func lines(t *testing.T, path string) int {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Count(string(b), "\n")
}

// Export writes each monitor's file in each format: a CSV with one line
// per record below its header, and the figures of each kind; a format of
// one's own is one type.
func TestExport(t *testing.T) {
	dir := t.TempDir()
	n := newNet(t, Options{RecordDir: dir, Seed: 3})
	g, err := n.NeuronGroup(Neurons{Name: "g", N: 20, Model: "dv/dt = (1.5 - v)/(10*ms) : 1",
		Threshold: "v > 1", Reset: "v = 0", Method: "exact"})
	if err != nil {
		t.Fatal(err)
	}
	g.Set("v", "rand()")
	sm, _ := n.SpikeMonitor(g)
	n.StateMonitor(g, []string{"v"}, []int{0, 5}, unit.Q(1, unit.Millisecond))
	n.PopulationRateMonitor(g)
	run(t, n, unit.Q(50, unit.Millisecond))
	counted := &rowCounter{}
	files, err := n.Export(record.CSV, plot.Figures, counted)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"g_spikes.csv": 1 + sm.Num(), "g_states.csv": 1 + 50, "g_rate.csv": 1 + 500,
		"g_spikes_raster.png": -1, "g_states_v.png": -1, "g_rate.png": -1}
	got := map[string]bool{}
	for _, f := range files {
		name := f[strings.LastIndex(f, "/")+1:]
		got[name] = true
		if k := want[name]; k > 0 && lines(t, f) != k {
			t.Errorf("%s has %d lines, want %d", name, lines(t, f), k)
		}
	}
	for name := range want {
		if !got[name] {
			t.Errorf("Export wrote no %s (wrote %v)", name, files)
		}
	}
	if counted.rows != int64(sm.Num()+50+500) {
		t.Errorf("a format of one's own saw %d rows, want %d", counted.rows, sm.Num()+50+500)
	}
	if _, err := record.Export(dir+"/g_spikes.csv", record.CSV); err == nil {
		t.Error("exported a file that is not a data file")
	}
}

// rowCounter is a format that writes nothing and counts rows.
type rowCounter struct{ rows int64 }

func (*rowCounter) Name() string { return "count" }

func (c *rowCounter) Write(t *record.Table, base string) ([]string, error) {
	c.rows += t.Rows
	return nil, nil
}
