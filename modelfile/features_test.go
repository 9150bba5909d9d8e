package modelfile

import (
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"codeberg.org/sbinet/npyio"
	"gonum.org/v1/gonum/mat"
)

// runFeatures runs testdata/features.toml in a folder with its stim2.npy
// (rows [10, 20] and [30, 40] mV) and returns the folder and result.
func runFeatures(t *testing.T) (string, *Result) {
	t.Helper()
	dir := t.TempDir()
	text, err := os.ReadFile("testdata/features.toml")
	if err != nil {
		t.Fatal(err)
	}
	model := filepath.Join(dir, "features.toml")
	if err := os.WriteFile(model, text, 0o644); err != nil {
		t.Fatal(err)
	}
	writeNpy2(t, filepath.Join(dir, "stim2.npy"), [][]float64{{10, 20}, {30, 40}})
	f, err := Load(model)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	res, err := f.Run(out)
	if err != nil {
		t.Fatal(err)
	}
	return out, res
}

// writeNpy2 writes rows as a 2-dimensional float64 .npy file.
func writeNpy2(t *testing.T, path string, rows [][]float64) {
	t.Helper()
	fh, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	var flat []float64
	for _, r := range rows {
		flat = append(flat, r...)
	}
	if err := npyio.Write(fh, mat.NewDense(len(rows), len(rows[0]), flat)); err != nil {
		t.Fatal(err)
	}
}

// readCSV reads a CSV file of the output folder: its header and rows.
func readCSV(t *testing.T, dir, name string) ([]string, [][]float64) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	var rows [][]float64
	for _, l := range lines[1:] {
		var row []float64
		for _, c := range strings.Split(l, ",") {
			x, err := strconv.ParseFloat(c, 64)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			row = append(row, x)
		}
		rows = append(rows, row)
	}
	return strings.Split(lines[0], ","), rows
}

// A file with every feature runs, and each feature does what it says.
func TestFeaturesFile(t *testing.T) {
	dir, res := runFeatures(t)
	t.Logf("summary:\n%s\nfiles %v", res.Summary, res.Files)
	if len(res.Warnings) != 0 {
		t.Errorf("warnings %v", res.Warnings)
	}
	// The generator repeats its 3 spikes (1, 2 and 5 ms) every 10 ms:
	// 30 in 100 ms, at exact steps.
	_, gen := readCSV(t, dir, "gen_spikes.csv")
	if len(gen) != 30 {
		t.Fatalf("generator: %d spikes, want 30", len(gen))
	}
	for k, r := range gen {
		want := ([]float64{1, 2, 5}[k%3] + 10*float64(k/3)) * 1e-3
		if math.Abs(r[1]-want) > 1e-12 || r[0] != float64([]int{0, 1, 0}[k%3]) {
			t.Errorf("generator spike %d: neuron %v at %v s, want neuron %d at %v s", k, r[0], r[1], []int{0, 1, 0}[k%3], want)
		}
	}
	// Offsets [0, 2] give each generator neuron two targets: every spike
	// is two events, each recording w = 0.5.
	_, ev := readCSV(t, dir, "fan_pre_w.csv")
	if len(ev) != 60 {
		t.Errorf("weight recorder: %d events, want 60", len(ev))
	}
	for _, r := range ev {
		if r[len(r)-1] != 0.5 || r[3]-r[2] < 0 || r[3]-r[2] > 1 {
			t.Errorf("weight recorder row %v: want w = 0.5 and j - i in {0, 1}", r)
		}
	}
	checkNamedSynapses(t, dir)
	checkRegular(t, dir)
	checkSparse(t, dir)
	checkPoissonInput(t, dir)
	checkNamedModel(t, dir)
}

// checkRegular: run_regularly sets x = stim(t) (rows 1, 2, 3 of 1 ms)
// and y = stim2(t, i) (rows [10, 20], [30, 40] mV of 2 ms) each ms, before
// the state monitor reads them.
func checkRegular(t *testing.T, dir string) {
	head, rows := readCSV(t, dir, "clock_states.csv")
	if len(rows) != 100 || len(head) != 5 {
		t.Fatalf("clock states: header %v, %d rows; want 5 columns and 100 rows", head, len(rows))
	}
	for k, r := range rows {
		x := []float64{1, 2, 3}[min(k, 2)]
		y0, y1 := 10e-3, 20e-3
		if k >= 2 {
			y0, y1 = 30e-3, 40e-3
		}
		if r[1] != x || r[2] != x || math.Abs(r[3]-y0) > 1e-15 || math.Abs(r[4]-y1) > 1e-15 {
			t.Fatalf("clock at %v ms: %v; want x = %v, y = %v, %v V", r[0], r[1:], x, y0, y1)
		}
	}
}

// checkSparse: fixed_indegree = 4 onto 10 neurons makes 40 synapses, each
// with w = 1 + i for its source neuron i in 0..19.
func checkSparse(t *testing.T, dir string) {
	head, rows := readCSV(t, dir, "sparse_states.csv")
	if len(head) != 41 || len(rows) != 2 {
		t.Fatalf("sparse synapse states: %d columns, %d rows; want 41 and 2 (t = 0, 50 ms)", len(head), len(rows))
	}
	for _, w := range rows[0][1:] {
		if w != math.Trunc(w) || w < 1 || w > 20 {
			t.Errorf("sparse: w = %v, want 1 + i for i in 0..19", w)
		}
	}
}

// checkPoissonInput: 100 sources at 100 Hz add weight gain (1, then 2
// from 50 ms) to c: Binomial(100, 0.01) a step, mean 1 and variance 0.99.
// At the last recorded step (999 steps: 500 at gain 1, 499 at gain 2) the
// mean over 10 neurons is 1498 with standard deviation
// sqrt((500 + 4*499)*0.99/10) = 15.7; seed 7, tolerance 5 of them.
func checkPoissonInput(t *testing.T, dir string) {
	_, rows := readCSV(t, dir, "counter_states.csv")
	last := rows[len(rows)-1]
	sum := 0.0
	for _, c := range last[1:] {
		sum += c
	}
	if mean := sum / 10; math.Abs(mean-1498) > 5*15.7 {
		t.Errorf("PoissonInput: mean count %v, want 1498 +- %v", mean, 5*15.7)
	}
}

// checkNamedModel: iaf_cond_exp with V_th changed to -50 mV (from -55)
// and I_e = 500 pA fires, and V_m at each spike lies within a step's rise
// (under 0.5 mV) above the new threshold.
func checkNamedModel(t *testing.T, dir string) {
	head, rows := readCSV(t, dir, "cell_spikes_values.csv")
	if len(rows) == 0 || head[2] != "V_m (volt)" {
		t.Fatalf("cell: header %v, %d spikes", head, len(rows))
	}
	for _, r := range rows {
		if r[2] < -50e-3 || r[2] > -49.5e-3 {
			t.Errorf("cell: V_m = %v V at a spike, want in [-50, -49.5] mV", r[2])
		}
	}
}

// checkNamedSynapses: the static synapses (w = 2) onto iaf_cond_exp's
// receptor "ex" make g_ex jump by 2 nS at the generator's first spike
// (1 ms), seen at the next step, before it decays. The stdp synapses
// start at w = 1 (the model's init); with Wmax changed to 0.5 by params
// the first event clips w into [0, 0.5] (with NEST's Wmax = 100 it would
// stay near 1).
func checkNamedSynapses(t *testing.T, dir string) {
	_, g := readCSV(t, dir, "quiet_states.csv")
	for _, r := range g[:11] {
		if want := map[bool]float64{true: 2e-9, false: 0}[r[0] > 1.05e-3]; math.Abs(r[1]-want) > 1e-24 {
			t.Errorf("quiet: g_ex = %v S at %v s, want %v", r[1], r[0], want)
		}
	}
	_, ev := readCSV(t, dir, "gen_cell_pre_w.csv")
	if len(ev) != 60 {
		t.Errorf("gen_cell: %d events, want 30 spikes times 2 cells", len(ev))
	}
	for _, r := range ev {
		if w := r[len(r)-1]; w < 0 || w > 0.5 {
			t.Errorf("gen_cell: w = %v, want within [0, 0.5]", w)
		}
	}
}
