package main

import (
	"bytes"
	"errors"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cajal-sim/cajal/examples/example"
	"github.com/cajal-sim/cajal/record"
)

// execCajal runs the command to its end and returns its output and exit
// code.
func execCajal(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd, out, errOut := startCajal(t, args...)
	err := cmd.Wait()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errOut.String(), code
}

// Errors are one line on stderr (with an equation's context, indented),
// without a usage text, and the exit code
// tells a usage error (2) from a failure (1).
func TestErrorsAndExitCodes(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	bad := filepath.Join(t.TempDir(), "bad.toml")
	os.WriteFile(bad, []byte("runs = [\"1*second\"]\n[[neurons]]\nname = \"a\"\nn = 1\nmodel = \"dv/dt = -v/tau : 1\"\n"), 0o644)
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"sim", "--bogus", "testdata/long.toml"}, 2, "unknown flag --bogus (see cajal sim --help)"},
		{[]string{"frobnicate"}, 2, "see cajal --help"},
		{[]string{"--progress=loud", "list"}, 2, "--progress"},
		{[]string{"sim", "nothere.toml"}, 1, "nothere.toml: no such file"},
		{[]string{"check", "nothere.toml"}, 1, "nothere.toml: no such file"},
		{[]string{"check", bad}, 1, "tau"},
		{[]string{"sim", bad, "-o", t.TempDir()}, 1, "tau"},
		{[]string{"sim", "testdata/long.toml", "--duration", "3*volt"}, 1, "--duration"},
		{[]string{"check", "testdata/long.toml", "--threads=-1"}, 1, "--threads"},
	} {
		stdout, stderr, code := execCajal(t, c.args...)
		// One line; an error in an equation adds the equation's line
		// and a caret under the column, indented.
		lines := strings.Split(strings.TrimRight(stderr, "\n"), "\n")
		for _, l := range lines[1:] {
			if !strings.HasPrefix(l, "\t") {
				t.Errorf("%v: stderr has more than the error's line and its context: %q", c.args, stderr)
			}
		}
		if code != c.code || !strings.Contains(lines[0], c.want) || !strings.HasPrefix(stderr, "cajal: ") {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and a line with %q", c.args, code, stderr, c.code, c.want)
		}
		if strings.Contains(stdout+stderr, "Usage:") {
			t.Errorf("%v: printed the usage:\n%s%s", c.args, stdout, stderr)
		}
	}
}

// validate exits with 3 when an example does not reproduce its
// references, 0 when all do.
func TestValidateExitCode(t *testing.T) {
	var ran []example.Size
	withRegistry(t, fake{"a", true, &ran}, fake{"b", false, &ran})
	var stderr bytes.Buffer
	if code := cajalMain([]string{"--progress=none", "validate", "-o", t.TempDir()}, &stderr); code != 3 {
		t.Errorf("a failing example: exit %d, stderr %q", code, stderr.String())
	}
	if code := cajalMain([]string{"--progress=none", "validate", "a", "-o", t.TempDir()}, &stderr); code != 0 {
		t.Errorf("a passing example: exit %d", code)
	}
}

// check prints the network's size: long.toml has 100 Poisson sources and
// 20 neurons, connected with p = 0.5 (1000 synapses expected), three
// monitors and one run of 10,000 s.
func TestCheckCommand(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a process")
	}
	stdout, stderr, code := execCajal(t, "check", "testdata/long.toml")
	for _, want := range []string{"ok", "neurons   120 in 2 group(s)", "synapses  1000 expected, in 1 group(s)", "monitors  3",
		"runs      10000 s, 100000000 steps", "memory    about"} {
		if code != 0 || !strings.Contains(stdout, want) {
			t.Errorf("exit %d, stdout %q, stderr %q: want %q", code, stdout, stderr, want)
		}
	}
	stdout, _, _ = execCajal(t, "check", "testdata/long.toml", "--duration", "2s")
	if !strings.Contains(stdout, "runs      2 s, 20000 steps") {
		t.Errorf("--duration 2s: %q", stdout)
	}
}

// readColumn reads a column of a data file.
func readColumn(t *testing.T, path, col string) []float64 {
	t.Helper()
	tab, err := record.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer tab.Close()
	x, err := tab.Float64(col)
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// --duration cuts the file's schedule: 30 ms of protocol.toml are its
// first run (slope 1) and 10 ms of its second (slope 2), so v ends at
// 0.02 + 0.02 = 0.04 after 300 steps; 60 ms lengthen the second run.
func TestSimDuration(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	for _, c := range []struct {
		duration string
		steps    int
		last     float64 // v at the last sample, step steps-1
	}{{"30ms", 300, 0.02 + 2*0.0099}, {"60*ms", 600, 0.02 + 2*0.0399}, {"10ms", 100, 0.0099}} {
		dir := t.TempDir()
		_, stderr, code := execCajal(t, "--progress=none", "sim", "testdata/protocol.toml", "--duration", c.duration, "-o", dir)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", c.duration, code, stderr)
		}
		v := readColumn(t, filepath.Join(dir, "ramp_states.npy"), "v")
		if len(v) != c.steps || math.Abs(v[len(v)-1]-c.last) > 1e-12 {
			t.Errorf("--duration %s: %d samples ending at %v, want %d ending at %v", c.duration, len(v), v[len(v)-1], c.steps, c.last)
		}
	}
}

// --seed replaces the file's seed (the file's own seed gives the file's
// spikes), and --threads changes nothing in the result.
func TestSimSeedThreads(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	spikes := func(args ...string) []byte {
		dir := t.TempDir()
		args = append([]string{"--progress=none", "sim", "testdata/long.toml", "--duration", "50ms", "-o", dir}, args...)
		if _, stderr, code := execCajal(t, args...); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
		b, err := os.ReadFile(filepath.Join(dir, "in_spikes.csv"))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	file, three, five := spikes(), spikes("--seed", "3"), spikes("--seed", "5")
	if !bytes.Equal(file, three) || bytes.Equal(file, five) || len(file) < 1000 {
		t.Errorf("seed 3 is the file's; --seed 3 same %v, --seed 5 same %v (%d bytes)", bytes.Equal(file, three), bytes.Equal(file, five), len(file))
	}
	if !bytes.Equal(five, spikes("--seed", "5", "--threads", "2")) {
		t.Error("--threads 2 changed the spikes")
	}
}

// sim writes its progress as text when stderr is not a terminal.
func TestSimProgressText(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a process")
	}
	_, stderr, code := execCajal(t, "sim", "testdata/protocol.toml", "-o", t.TempDir())
	if code != 0 || !strings.Contains(stderr, "protocol.toml: 100%, 0.04 of 0.04 s simulated") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	_, stderr, _ = execCajal(t, "--progress=none", "sim", "testdata/protocol.toml", "-o", t.TempDir())
	if stderr != "" {
		t.Errorf("--progress=none: stderr %q", stderr)
	}
}

// A run cut by --duration continues with --resume and a longer
// --duration: the namespace change of the second run applies when it
// starts, and the data files hold every step once.
func TestSimDurationResume(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	dir := t.TempDir()
	for _, args := range [][]string{{"--duration", "15ms", "--checkpoint"}, {"--duration", "30ms", "--resume", "--checkpoint"}} {
		args = append([]string{"--progress=none", "sim", "testdata/protocol.toml", "-o", dir}, args...)
		args = append(args, filepath.Join(dir, "c.ckpt"))
		if _, stderr, code := execCajal(t, args...); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
	}
	v := readColumn(t, filepath.Join(dir, "ramp_states.npy"), "v")
	ts := readColumn(t, filepath.Join(dir, "ramp_states.npy"), "t")
	for k := range ts {
		if math.Abs(ts[k]-float64(k)*1e-4) > 1e-12 {
			t.Fatalf("row %d at t = %v", k, ts[k])
		}
	}
	if len(v) != 300 || math.Abs(v[299]-(0.02+2*0.0099)) > 1e-12 {
		t.Errorf("%d samples ending at %v, want 300 ending at 0.0398", len(v), v[len(v)-1])
	}
}

// bench prints, for the synaptic-event benchmark, a row with the network's
// size, its time, its cost per event and 12 bytes per static synapse.
func TestBenchCommand(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a process")
	}
	stdout, stderr, code := execCajal(t, "bench", "--networks", "events-static", "--threads", "1,0", "--progress", "none")
	var rows [][]string
	for _, line := range strings.Split(stdout, "\n") {
		if f := strings.Fields(line); len(f) > 0 && f[0] == "events-static" {
			rows = append(rows, f)
		}
	}
	if code != 0 || len(rows) != 2 || len(rows[0]) != 12 || len(rows[1]) != 12 {
		t.Fatalf("exit %d, stdout %q, stderr %q: want two events-static rows of 12 columns", code, stdout, stderr)
	}
	row := rows[0]
	if rows[1][2] != "auto" {
		t.Errorf("row %v: want the automatic thread count shown as auto", rows[1])
	}
	if row[1] != "1" || row[2] != "1" || row[3] != "2000" || row[4] != "1000000" || row[8] != "12.0" || row[9] != "0%" {
		t.Errorf("row %v: want 1 process, 1 thread, 2000 neurons, 1000000 synapses, 12.0 bytes per synapse, no exchange", row)
	}
	if _, stderr, code := execCajal(t, "bench", "--networks", "nope"); code != 1 || !strings.Contains(stderr, `unknown network "nope"`) {
		t.Errorf("an unknown network: exit %d, %q", code, stderr)
	}
}
