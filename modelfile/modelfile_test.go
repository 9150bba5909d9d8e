package modelfile

import (
	"context"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cajal-sim/cajal/record"
)

// A LIF group from a file fires at the analytic rates: neuron i gets
// 0.1*i nA, and the period is t_ref + tau ln((R I + el - vr)/(R I + el -
// vt)). With dt = 0.01 ms each period is short by under a step (0.2 % of
// the shortest), and the count over 1 s is the rate to within a spike.
func TestFICurveFile(t *testing.T) {
	f, err := Load("testdata/ficurve.toml")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	res, err := f.Run(dir)
	if err != nil {
		t.Fatal(err)
	}
	csv, err := os.ReadFile(filepath.Join(dir, "lif_spikes.csv"))
	if err != nil {
		t.Fatal(err)
	}
	counts := make([]int, 11)
	for _, line := range strings.Split(strings.TrimSpace(string(csv)), "\n")[1:] {
		var i int
		var tms float64
		if _, err := fmtSscanf(line, &i, &tms); err != nil {
			t.Fatal(err)
		}
		counts[i]++
	}
	for i, c := range counts {
		I := 0.1e-9 * float64(i)
		drive := 100e6*I - 70e-3
		want := 0.0
		if drive > -50e-3 {
			want = 1 / (2e-3 + 10e-3*math.Log((drive+65e-3)/(drive+50e-3)))
		}
		if math.Abs(float64(c)-want) > 1+0.003*want {
			t.Errorf("neuron %d: %d spikes in 1 s, analytic rate %.2f Hz", i, c, want)
		}
	}
	if len(res.Files) != 6 || len(res.Data) != 3 {
		t.Errorf("files %v, data %v; want spikes (CSV, raster), states (CSV, figure) and rate (CSV, figure), and 3 data files", res.Files, res.Data)
	}
}

// Seed 000 as a model file, reduced: the first second without plasticity
// fires fast and synchronously (the reference 165 Hz +- 15 %, as the Go
// example's reduced test), and with plasticity the rate falls below 100 Hz
// in the next second (reference 70 Hz).
func TestVogelsFile(t *testing.T) {
	f, err := Load("testdata/vogels2011.toml")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if _, err := f.Run(dir); err != nil {
		t.Fatal(err)
	}
	tab, err := record.Open(filepath.Join(dir, "neurons_0_2000_spikes.npy"))
	if err != nil {
		t.Fatal(err)
	}
	defer tab.Close()
	ts, err := tab.Float64("t")
	if err != nil {
		t.Fatal(err)
	}
	var first, second float64
	for _, t := range ts {
		if t < 1 {
			first++
		} else {
			second++
		}
	}
	first, second = first/2000, second/2000
	if math.Abs(first/165-1) > 0.15 || second > 100 || second >= first {
		t.Errorf("rates %.1f Hz then %.1f Hz; want about 165 then below 100", first, second)
	}
}

// Mistakes in a file are errors naming the place.
func TestFileErrors(t *testing.T) {
	cases := map[string]string{
		"unknown key":     "runs = [\"1*ms\"]\n[[neurons]]\nname = \"a\"\nn = 1\nmodle = \"v : 1\"\n",
		"syntax":          "runs = [\"1*ms\"\n",
		"no runs":         "[[neurons]]\nname = \"a\"\nn = 1\n",
		"unknown group":   "runs = [\"1*ms\"]\n[[neurons]]\nname = \"a\"\nn = 1\n[[synapses]]\nsource = \"b\"\ntarget = \"a\"\n",
		"bad duration":    "runs = [\"1*mV\"]\n[[neurons]]\nname = \"a\"\nn = 1\n",
		"model error":     "runs = [\"1*ms\"]\n[[neurons]]\nname = \"a\"\nn = 1\nmodel = \"dv/dt = -v/tau : volt\"\n",
		"slice overflow":  "runs = [\"1*ms\"]\n[[neurons]]\nname = \"a\"\nn = 1\n[[spikes]]\nsource = \"a[99999999999999999999:]\"\n",
		"duplicate group": "runs = [\"1*ms\"]\n[[neurons]]\nname = \"a\"\nn = 1\n[[neurons]]\nname = \"a\"\nn = 1\n",
	}
	for name, text := range cases {
		f, err := Parse("m.toml", []byte(text))
		if err == nil {
			_, err = f.Run("")
		}
		if err == nil {
			t.Errorf("%s: no error", name)
			continue
		}
		t.Logf("%s: %v", name, err)
	}
	_, err := Parse("m.toml", []byte(cases["unknown key"]))
	if err == nil || !strings.Contains(err.Error(), "modle") {
		t.Errorf("unknown key: %v; want the key named", err)
	}
}

// State and rate monitors of a file write their records: neuron 0 (no
// input) stays at el = -70 mV, and the mean population rate equals the
// spike count over neurons and time.
func TestStatesAndRatesFile(t *testing.T) {
	f, err := Load("testdata/ficurve.toml")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if _, err := f.Run(dir); err != nil {
		t.Fatal(err)
	}
	states, err := os.ReadFile(filepath.Join(dir, "lif_states.csv"))
	if err != nil {
		t.Fatal(err)
	}
	rows := strings.Split(strings.TrimSpace(string(states)), "\n")
	if want := "t (second),v[0] (volt),v[10] (volt)"; rows[0] != want || len(rows) != 1001 {
		t.Fatalf("states: header %q, %d rows; want %s and 1001", rows[0], len(rows), want)
	}
	for _, r := range rows[1:] {
		if cols := strings.Split(r, ","); cols[1] != "-0.07" {
			t.Fatalf("v of neuron 0 = %s, want -0.07", cols[1])
		}
	}
	rate, err := os.ReadFile(filepath.Join(dir, "lif_rate.csv"))
	if err != nil {
		t.Fatal(err)
	}
	spikes, _ := os.ReadFile(filepath.Join(dir, "lif_spikes.csv"))
	nspikes := len(strings.Split(strings.TrimSpace(string(spikes)), "\n")) - 1
	sum, n := 0.0, 0
	for _, r := range strings.Split(strings.TrimSpace(string(rate)), "\n")[1:] {
		var tms, hz float64
		if _, err := fmtSscanfFloat(r, &tms, &hz); err != nil {
			t.Fatal(err)
		}
		sum += hz
		n++
	}
	if mean, want := sum/float64(n), float64(nspikes)/11/1.0; math.Abs(mean-want) > 1e-6*want {
		t.Errorf("mean population rate %v Hz, spikes give %v Hz", mean, want)
	}
}

// A run whose context is done stops before its first step: the data
// files are closed and marked complete with a note, and no CSV or
// figure is made.
func TestRunContextStopped(t *testing.T) {
	f, err := Load("testdata/ficurve.toml")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	dir := t.TempDir()
	res, err := f.RunContext(ctx, dir)
	if !errors.Is(err, context.Canceled) || res == nil {
		t.Fatalf("result %v, error %v; want context.Canceled", res, err)
	}
	if len(res.Data) != 3 || len(res.Files) != 0 {
		t.Errorf("data %v, files %v", res.Data, res.Files)
	}
	for _, p := range res.Data {
		m, err := record.ReadMeta(p)
		if err != nil || !m.Complete || m.Rows != 0 || m.Note == "" {
			t.Errorf("%s: %+v %v", p, m, err)
		}
	}
}

// An output folder that cannot be made is an error before the network
// is built.
func TestUnwritableOutDir(t *testing.T) {
	f, err := Load("testdata/ficurve.toml")
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "f")
	os.WriteFile(file, nil, 0o644)
	if res, err := f.Run(filepath.Join(file, "out")); err == nil || res != nil {
		t.Errorf("result %v, error %v", res, err)
	}
}
