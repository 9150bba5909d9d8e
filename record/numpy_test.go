package record

import (
	"os/exec"
	"path/filepath"
	"testing"
)

// numpy reads the files in one line per monitor (a cross-check, skipped
// where Python with numpy is not installed).
func TestNumpyReads(t *testing.T) {
	py := PythonWithNumpy()
	if py == "" {
		t.Skip("no Python with numpy is installed")
	}
	dir := t.TempDir()
	sp := filepath.Join(dir, "x_spikes.npy")
	w, err := Create(sp, Meta{Kind: "spikes", Fields: spikeFields})
	if err != nil {
		t.Fatal(err)
	}
	w.Block = 100
	writeSpikes(t, w, 0, 1000)
	writeSpikes(t, w, 1000, 3) // not flushed: numpy must not see them
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	w.Int32(7) // a row begun and never ended or flushed
	st := filepath.Join(dir, "x_states.npy")
	s, err := Create(st, Meta{Kind: "states", Fields: Schema{
		{Name: "t", Kind: Float64, Unit: "second"}, {Name: "v", Kind: Float64, Width: 3, Unit: "volt"}}})
	if err != nil {
		t.Fatal(err)
	}
	for r := range 4 {
		s.Float64(float64(r))
		for k := range 3 {
			s.Float64(float64(10*r + k))
		}
		s.EndRow()
	}
	if err := s.Close(""); err != nil {
		t.Fatal(err)
	}
	script := `
import sys, json, numpy as np
s = np.load(sys.argv[1])
assert s.shape == (1003,), s.shape
assert (s["i"] == np.arange(1003)).all() and (s["t"] == np.arange(1003) / 8).all()
assert s["i"].dtype == np.int32
m = json.load(open(sys.argv[1][:-4] + ".json"))
assert [f["unit"] for f in m["fields"]] == ["1", "second"]
v = np.load(sys.argv[2])["v"]
assert v.shape == (4, 3), v.shape
assert (v == 10 * np.arange(4)[:, None] + np.arange(3)).all()
`
	out, err := exec.Command(py, "-c", script, sp, st).CombinedOutput()
	if err != nil {
		t.Fatalf("numpy: %v\n%s", err, out)
	}
}
