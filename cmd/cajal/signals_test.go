package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/cajal-sim/cajal/record"
)

// TestMain runs the command itself when the tests start this binary as
// cajal.
func TestMain(m *testing.M) {
	if os.Getenv("CAJAL_TEST_MAIN") == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// startCajal starts the command with args.
func startCajal(t *testing.T, args ...string) (*exec.Cmd, *bytes.Buffer, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "CAJAL_TEST_MAIN=1")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, &stdout, &stderr
}

// waitRows waits until the data file path counts at least n rows.
func waitRows(t *testing.T, cmd *exec.Cmd, path string, n int64) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		if tab, err := record.Open(path); err == nil {
			rows := tab.Rows
			tab.Close()
			if rows >= n {
				return
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	cmd.Process.Kill()
	t.Fatalf("%s did not reach %d rows", path, n)
}

const dt = 1e-4 // seconds, as testdata/long.toml says

// checkPrefix checks that the rate file holds steps 0 to n-1 and the
// state file every tenth of them, whole: the times of the rows are those
// of consecutive steps.
func checkPrefix(t *testing.T, dir string) (rateRows, stateRows int64) {
	t.Helper()
	for _, c := range []struct {
		name  string
		every int
		rows  *int64
	}{{"lif_rate.npy", 1, &rateRows}, {"lif_states.npy", 10, &stateRows}} {
		tab, err := record.Open(filepath.Join(dir, c.name))
		if err != nil {
			t.Fatal(err)
		}
		ts, err := tab.Float64("t")
		tab.Close()
		if err != nil {
			t.Fatal(err)
		}
		for k, x := range ts {
			if x != float64(k*c.every)*dt {
				t.Fatalf("%s: row %d has t = %v, want step %d", c.name, k, x, k*c.every)
			}
		}
		*c.rows = int64(len(ts))
	}
	return rateRows, stateRows
}

var stoppedRE = regexp.MustCompile(`run stopped at t = ([0-9.e+-]+) s`)

// SIGINT and SIGTERM stop `cajal sim` at a step boundary: the data files
// hold exactly the steps run, are marked complete with a note, are
// listed on stdout, and the command exits with 128 + the signal.
func TestSimStopsOnSignal(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	for _, c := range []struct {
		sig  syscall.Signal
		code int
	}{{syscall.SIGINT, 130}, {syscall.SIGTERM, 143}} {
		dir := t.TempDir()
		cmd, stdout, stderr := startCajal(t, "sim", "testdata/long.toml", "-o", dir)
		waitRows(t, cmd, filepath.Join(dir, "lif_rate.npy"), 1)
		if err := cmd.Process.Signal(c.sig); err != nil {
			t.Fatal(err)
		}
		err := cmd.Wait()
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != c.code {
			t.Fatalf("%v: %v, want exit code %d\n%s%s", c.sig, err, c.code, stdout, stderr)
		}
		m := stoppedRE.FindStringSubmatch(stderr.String())
		if m == nil {
			t.Fatalf("%v: no time of the stop in %q", c.sig, stderr)
		}
		stop, _ := strconv.ParseFloat(m[1], 64)
		steps := int64(stop/dt + 0.5)
		rateRows, stateRows := checkPrefix(t, dir)
		if rateRows != steps || stateRows != (steps+9)/10 {
			t.Errorf("%v: stopped after %d steps; files hold %d rates and %d samples", c.sig, steps, rateRows, stateRows)
		}
		for _, name := range []string{"in_spikes", "lif_states", "lif_rate"} {
			path := filepath.Join(dir, name+".npy")
			if !strings.Contains(stdout.String(), path) {
				t.Errorf("%v: stdout does not list %s:\n%s", c.sig, path, stdout)
			}
			meta, err := record.ReadMeta(path)
			if err != nil || !meta.Complete || !strings.Contains(meta.Note, "signal") {
				t.Errorf("%v: %s: %+v, %v", c.sig, name, meta, err)
			}
		}
		entries, _ := os.ReadDir(dir)
		if len(entries) != 6 {
			t.Errorf("%v: %d files in the output folder, want 3 data and 3 JSON", c.sig, len(entries))
		}
	}
}

// A `cajal sim` killed by SIGKILL leaves data files that read as whole
// prefixes of the run, holding at least what was flushed before the kill.
func TestSimKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a process")
	}
	dir := t.TempDir()
	cmd, _, _ := startCajal(t, "sim", "testdata/long.toml", "-o", dir)
	// Files are flushed every simulated second: wait for two flushes.
	waitRows(t, cmd, filepath.Join(dir, "lif_rate.npy"), 10001)
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	rateRows, stateRows := checkPrefix(t, dir)
	if rateRows < 10001 || stateRows == 0 {
		t.Errorf("after the kill: %d rates, %d samples", rateRows, stateRows)
	}
	tab, err := record.Open(filepath.Join(dir, "in_spikes.npy"))
	if err != nil {
		t.Fatal(err)
	}
	defer tab.Close()
	if tab.Meta.Complete || tab.Rows == 0 {
		t.Errorf("spikes after the kill: %d rows, complete %v", tab.Rows, tab.Meta.Complete)
	}
}

// An output folder that cannot be made is an error before anything is
// simulated (the model would run for hours).
func TestSimUnwritableOut(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a process")
	}
	file := filepath.Join(t.TempDir(), "f")
	os.WriteFile(file, nil, 0o644)
	cmd, _, stderr := startCajal(t, "sim", "testdata/long.toml", "-o", filepath.Join(file, "out"))
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != 1 || !strings.Contains(stderr.String(), "not a directory") {
			t.Errorf("exit %v, stderr %q", err, stderr)
		}
	case <-time.After(time.Minute):
		cmd.Process.Kill()
		t.Fatal("cajal sim with an unwritable -o simulated")
	}
}
