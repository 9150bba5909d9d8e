//go:build mpi

package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// mpiExamples are the examples whose reduced run under mpirun must write
// the files and print the summary of one process, each with the process
// counts to try.
var mpiExamples = []struct {
	name  string
	ranks []int
}{
	{"vogels2011", []int{2, 3}},
	{"tsodyks2000", []int{2}},
	{"graupner2012", []int{2}},
	{"coba", []int{2}},
	{"cuba", []int{2}},
	{"sparse_ei", []int{2}},
	{"ficurve", []int{2}},
	{"lif_inhibition", []int{2}},
	{"urbanczik2014", []int{2}},
}

// TestSeedsUnderMPIRun builds cajal with MPI, runs each example of
// mpiExamples reduced (--quick) in one process and under mpirun, and
// compares the output folders byte for byte (the same files, the same
// bytes) and the summaries printed by the first process, times masked.
// A model file (seed 000 at a quarter of its size, both of its runs, the
// second plastic) is compared the same way through cajal sim.
func TestSeedsUnderMPIRun(t *testing.T) {
	if _, ok := os.LookupEnv("OMPI_COMM_WORLD_SIZE"); ok {
		t.Skip("already a rank of an mpirun job")
	}
	if _, err := exec.LookPath("mpirun"); err != nil {
		t.Skip("mpirun is not installed")
	}
	launcher, err := filepath.Abs("../../cluster/testdata/mpirun.sh")
	if err != nil {
		t.Fatal(err)
	}
	model, err := filepath.Abs("../../modelfile/testdata/vogels2011.toml")
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(t.TempDir(), "cajal")
	build := exec.Command("go", "build", "-tags", "mpi", "-o", bin, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=1")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build -tags mpi: %v\n%s", err, out)
	}
	for _, ex := range mpiExamples {
		t.Run(ex.name, func(t *testing.T) {
			sameUnderMPI(t, bin, launcher, ex.ranks, "run", ex.name, "--quick")
		})
	}
	t.Run("sim", func(t *testing.T) {
		sameUnderMPI(t, bin, launcher, []int{2}, "sim", model, "--duration", "1.2s")
	})
	t.Run("sim-resume", func(t *testing.T) {
		// Two processes checkpoint (a file each) at 0.6 s and stop; two
		// processes resume to 1.2 s: the data files are those of one
		// process run straight through.
		one := t.TempDir()
		runIn(t, one, bin, "sim", model, "--duration", "1.2s", "--progress", "none", "-o", "out")
		dir := t.TempDir()
		mpi := []string{launcher, "-np", "2", bin, "sim", model, "--progress", "none", "-o", "out"}
		runIn(t, dir, "sh", append(mpi, "--duration", "0.6s", "--checkpoint-every", "0.3s")...)
		ckpts, _ := filepath.Glob(filepath.Join(dir, "out", "*.ckpt*"))
		if len(ckpts) != 2 {
			t.Fatalf("two processes wrote checkpoint files %v, want one each", ckpts)
		}
		// The resume reads every process's file: without the second, it
		// is refused.
		rank1 := ckpts[1]
		saved, err := os.ReadFile(rank1)
		if err != nil {
			t.Fatal(err)
		}
		os.Remove(rank1)
		refused := exec.Command("sh", append(mpi, "--duration", "1.2s", "--resume")...)
		refused.Dir = dir
		if out, err := refused.CombinedOutput(); err == nil {
			t.Fatalf("a resume without %s ran:\n%s", filepath.Base(rank1), out)
		}
		if err := os.WriteFile(rank1, saved, 0o644); err != nil {
			t.Fatal(err)
		}
		runIn(t, dir, "sh", append(mpi, "--duration", "1.2s", "--resume")...)
		for _, f := range ckpts {
			os.Remove(f)
		}
		sameFiles(t, filepath.Join(one, "out"), filepath.Join(dir, "out"), 2)
	})
}

// sameUnderMPI runs cajal with args, writing to a folder out, in one
// process and under mpirun with each number of processes in ranks, and
// fails the test unless the folders hold the same files, byte for byte,
// and the first process prints the summary of one process.
func sameUnderMPI(t *testing.T, bin, launcher string, ranks []int, args ...string) {
	t.Helper()
	args = append(args, "--progress", "none", "-o", "out")
	one := t.TempDir()
	want := runIn(t, one, bin, args...)
	for _, k := range ranks {
		dir := t.TempDir()
		got := runIn(t, dir, "sh", append([]string{launcher, "-np", strconv.Itoa(k), bin}, args...)...)
		if maskTimes(got) != maskTimes(want) {
			t.Errorf("-np %d prints\n%s\none process prints\n%s", k, got, want)
		}
		sameFiles(t, filepath.Join(one, "out"), filepath.Join(dir, "out"), k)
	}
}

// runIn runs name with args in dir and returns its standard output; it
// fails the test if the command fails.
func runIn(t *testing.T, dir, name string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s%s", name, strings.Join(args, " "), err, stdout.String(), stderr.String())
	}
	return stdout.String()
}

// timings are the parts of a summary that measure the machine rather
// than the network: durations (wall 76ms), loop speed, time per
// synapse-step and how many networks of an ensemble ran at once (under
// mpirun, one at a time).
var timings = []*regexp.Regexp{
	regexp.MustCompile(`(?m)^took .*$`),
	regexp.MustCompile(`\b[0-9][0-9.hmµn]*s\b`),
	regexp.MustCompile(`loop [0-9.]+ s per simulated second`),
	regexp.MustCompile(`[0-9]+ networks at once: [0-9]+ ns`),
}

// maskTimes replaces the timings in a summary with "T".
func maskTimes(s string) string {
	for _, re := range timings {
		s = re.ReplaceAllString(s, "T")
	}
	return s
}

// sameFiles fails the test unless folders a (one process) and b (k
// processes) hold the same files with the same bytes.
func sameFiles(t *testing.T, a, b string, k int) {
	t.Helper()
	fa, fb := readTree(t, a), readTree(t, b)
	if len(fa) == 0 {
		t.Fatalf("one process wrote no files in %s", a)
	}
	for name, x := range fa {
		y, ok := fb[name]
		switch {
		case !ok:
			t.Errorf("-np %d did not write %s", k, name)
		case !bytes.Equal(x, y):
			at := 0
			for at < min(len(x), len(y)) && x[at] == y[at] {
				at++
			}
			t.Errorf("-np %d: %s differs from byte %d (%d bytes, one process %d)", k, name, at, len(y), len(x))
		}
	}
	for name := range fb {
		if _, ok := fa[name]; !ok {
			t.Errorf("-np %d wrote %s, which one process does not", k, name)
		}
	}
}

// readTree returns every file under root by its path relative to root.
func readTree(t *testing.T, root string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			return err
		}
		files[rel], err = os.ReadFile(path)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}
