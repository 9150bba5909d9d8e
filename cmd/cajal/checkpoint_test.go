package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/cajal-sim/cajal/internal/checkpoint"
)

// ckptModel runs 6 s of simulated time in two runs of 3 s (60000 steps).
const (
	ckptModel = "testdata/checkpoint.toml"
	ckptSteps = 60000
)

// checkpointStep is the step a checkpoint file was written at, or -1 if
// there is none yet.
func checkpointStep(t *testing.T, path string) int64 {
	t.Helper()
	e, err := checkpoint.Read(path)
	if errors.Is(err, os.ErrNotExist) {
		return -1
	}
	if err != nil {
		t.Fatal(err)
	}
	step, ok := e["sim/step"].([]int64)
	if !ok || len(step) != 1 {
		t.Fatalf("%s has no step", path)
	}
	return step[0]
}

// waitCheckpoint waits for a checkpoint at step from or later.
func waitCheckpoint(t *testing.T, cmd *exec.Cmd, path string, from int64) int64 {
	t.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		if s := checkpointStep(t, path); s >= from {
			return s
		}
		time.Sleep(5 * time.Millisecond)
	}
	cmd.Process.Kill()
	t.Fatalf("no checkpoint at step %d or later in %s", from, path)
	return 0
}

// runCajal runs the command to its end and returns its output; it must
// succeed.
func runCajal(t *testing.T, args ...string) string {
	t.Helper()
	cmd, stdout, stderr := startCajal(t, args...)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("cajal %s: %v\n%s%s", strings.Join(args, " "), err, stdout, stderr)
	}
	return stdout.String()
}

// sameFolders checks that every file of want is in got with the same
// bytes (data, JSON, CSV, figures), and the final checkpoints too.
func sameFolders(t *testing.T, what, got, want string) {
	t.Helper()
	entries, err := os.ReadDir(want)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) < 18 {
		t.Fatalf("only %d files in %s", len(entries), want)
	}
	for _, e := range entries {
		a, err1 := os.ReadFile(filepath.Join(want, e.Name()))
		b, err2 := os.ReadFile(filepath.Join(got, e.Name()))
		if err := errors.Join(err1, err2); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%s: %s differs from the uninterrupted run's (%d bytes, want %d)", what, e.Name(), len(b), len(a))
		}
	}
}

// `cajal sim --checkpoint-every` killed by SIGKILL after a checkpoint at
// half the run or later, or stopped by SIGTERM (which writes a checkpoint
// of the step it stops at), then `--resume`d, leaves the same data files,
// CSV files, figures and final checkpoint, byte for byte, as a run never
// interrupted. The model has noise, Poisson input, delays, STDP and a
// namespace change between its two runs.
func TestSimResumes(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	ref := t.TempDir()
	runCajal(t, "sim", ckptModel, "-o", ref, "--checkpoint", filepath.Join(ref, defaultCheckpoint))
	if s := checkpointStep(t, filepath.Join(ref, defaultCheckpoint)); s != ckptSteps {
		t.Fatalf("the final checkpoint is at step %d, want %d", s, ckptSteps)
	}
	for _, sig := range []syscall.Signal{syscall.SIGKILL, syscall.SIGTERM} {
		dir := t.TempDir()
		ck := filepath.Join(dir, defaultCheckpoint)
		cmd, stdout, stderr := startCajal(t, "sim", ckptModel, "-o", dir, "--checkpoint-every", "100ms")
		waitCheckpoint(t, cmd, ck, ckptSteps/2)
		if err := cmd.Process.Signal(sig); err != nil {
			t.Fatal(err)
		}
		err := cmd.Wait()
		var exit *exec.ExitError
		if !errors.As(err, &exit) {
			t.Fatalf("%v: the run ended before the signal (%v): the test needs a slower run", sig, err)
		}
		step := checkpointStep(t, ck)
		if sig == syscall.SIGTERM {
			if exit.ExitCode() != 143 || !strings.Contains(stdout.String(), "checkpoint "+ck) || !strings.Contains(stdout.String(), "--resume") {
				t.Errorf("SIGTERM: %v\n%s%s", err, stdout, stderr)
			}
			m := stoppedRE.FindStringSubmatch(stderr.String())
			if m == nil {
				t.Fatalf("SIGTERM: no time of the stop in %q", stderr)
			}
			stop, _ := strconv.ParseFloat(m[1], 64)
			if stopStep := int64(stop/dt + 0.5); stopStep != step {
				t.Errorf("SIGTERM: stopped at step %d, the checkpoint is of step %d", stopStep, step)
			}
		}
		if step < ckptSteps/2 || step >= ckptSteps {
			t.Fatalf("%v: the checkpoint is at step %d, want one from %d to %d", sig, step, ckptSteps/2, ckptSteps-1)
		}
		out := runCajal(t, "sim", ckptModel, "-o", dir, "--resume")
		if !strings.Contains(out, "exc_spikes.npy") {
			t.Errorf("%v: the resumed run does not list its data:\n%s", sig, out)
		}
		sameFolders(t, sig.String(), dir, ref)
	}
}

// --resume refuses a checkpoint of another model file, and one that is
// not there, before anything is simulated.
func TestSimResumeRefuses(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	dir := t.TempDir()
	text, err := os.ReadFile(ckptModel)
	if err != nil {
		t.Fatal(err)
	}
	other := filepath.Join(dir, "other.toml")
	os.WriteFile(other, bytes.Replace(text, []byte("seed = 5"), []byte("seed = 6"), 1), 0o644)
	short := filepath.Join(dir, "short.toml")
	os.WriteFile(short, bytes.Replace(text, []byte(`runs = ["3*second"`), []byte(`runs = ["0.1*ms"`), 1), 0o644)
	runCajal(t, "sim", short, "-o", dir, "--checkpoint", filepath.Join(dir, "short.ckpt"))
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"sim", other, "-o", dir, "--resume", "--checkpoint", filepath.Join(dir, "short.ckpt")}, "is of another model: model is model file sha256:"},
		{[]string{"sim", other, "-o", t.TempDir(), "--resume"}, "no such file"},
	} {
		cmd, _, stderr := startCajal(t, c.args...)
		err := cmd.Wait()
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != 1 || !strings.Contains(stderr.String(), c.want) {
			t.Errorf("%v: %v, stderr %q, want one that says %q", c.args, err, stderr, c.want)
		}
	}
}
