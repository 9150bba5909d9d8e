package modelfile

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/cajal-sim/cajal/unit"
)

// The file with every feature a checkpoint can save (all but spike
// monitor vars and weight recorders, which are refused before the run),
// stopped after its first checkpoint and resumed from it, writes the same
// spike, state and synapse files as a run straight through.
func TestFeaturesFileResumes(t *testing.T) {
	text, _ := os.ReadFile("testdata/features.toml")
	text = regexp.MustCompile(`(?s)\[\[weights\]\][^\[]*|vars = \["V_m"\]\n`).ReplaceAll(text, nil)
	ref := t.TempDir()
	writeNpy2(t, filepath.Join(ref, "stim2.npy"), [][]float64{{10, 20}, {30, 40}})
	f, err := Parse(filepath.Join(ref, "features.toml"), text)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.RunCheckpointed(context.Background(), filepath.Join(ref, "out"), Checkpoints{Path: filepath.Join(ref, "ck")}); err != nil {
		t.Fatal(err)
	}
	ref = filepath.Join(ref, "out")
	dir := t.TempDir()
	model := filepath.Join(dir, "features.toml")
	os.WriteFile(model, text, 0o644)
	writeNpy2(t, filepath.Join(dir, "stim2.npy"), [][]float64{{10, 20}, {30, 40}})
	out := filepath.Join(dir, "out")
	ck := Checkpoints{Path: filepath.Join(dir, "run.ckpt"), Every: unit.Q(10e-3, unit.Second)}
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		for {
			if _, err := os.Stat(ck.Path); err == nil {
				cancel()
				return
			}
			time.Sleep(time.Millisecond)
		}
	}()
	f, err = Load(model)
	if err != nil {
		t.Fatal(err)
	}
	_, err = f.RunCheckpointed(ctx, out, ck)
	if err == nil {
		t.Skip("the run ended before it could be stopped")
	}
	if !errors.Is(err, context.Canceled) {
		t.Fatal(err)
	}
	ck.Resume = true
	f, _ = Load(model)
	if _, err := f.RunCheckpointed(context.Background(), out, ck); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"gen_spikes.csv", "cell_spikes.csv", "clock_states.csv", "counter_states.csv",
		"quiet_states.csv", "sparse_states.csv"} {
		a, _ := os.ReadFile(filepath.Join(ref, name))
		b, err := os.ReadFile(filepath.Join(out, name))
		if err != nil || !bytes.Equal(a, b) {
			t.Errorf("%s differs after a resume (%v)", name, err)
		}
	}
}

// Checkpoints of a file with spike monitor vars or a weight recorder are
// refused before anything runs, naming the monitor.
func TestCheckpointRefusesUnsavedMonitors(t *testing.T) {
	for _, tail := range []string{"[[spikes]]\nsource = \"a\"\nvars = [\"v\"]\n",
		"[[synapses]]\nname = \"s\"\nsource = \"a\"\ntarget = \"a\"\nmodel = \"w : 1\"\non_pre = \"v += w\"\n[[weights]]\nsynapses = \"s\"\n"} {
		f, err := Parse("m.toml", []byte("runs = [\"1*ms\"]\n[[neurons]]\nname = \"a\"\nn = 1\nmodel = \"v : 1\"\n"+tail))
		if err != nil {
			t.Fatal(err)
		}
		dir := t.TempDir()
		_, err = f.RunCheckpointed(context.Background(), dir, Checkpoints{Path: filepath.Join(dir, "ck")})
		if err == nil || !strings.Contains(err.Error(), "m.toml:") || !strings.Contains(err.Error(), "cannot yet save") {
			t.Errorf("error %v", err)
		}
		if _, err := os.Stat(filepath.Join(dir, "ck")); err == nil {
			t.Error("a checkpoint was written")
		}
	}
}
