//go:build mpi

package cluster

import (
	"context"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"
)

// mpiTests are the tests that run on every rank of an mpirun job.
var mpiTests = []string{
	"TestMPIRankAndSize", "TestMPIAllgatherInt32", "TestMPIAllgatherFloat64BitForBit",
	"TestMPIAllgatherDoesNotAllocate", "TestMPIBarrier", "TestMPIReductionsAndStrings",
	"TestMPIKeepsGoSignals",
}

// TestUnderMPIRun runs this test binary (built with -tags mpi) under
// mpirun, through testdata/mpirun.sh: with 3 ranks, 2 ranks whose MPI
// calls all run on the thread that initialised MPI, and 1 rank. Every
// rank must pass every MPI test.
func TestUnderMPIRun(t *testing.T) {
	if startedByLauncher() {
		t.Skip("already a rank of an mpirun job")
	}
	if _, err := exec.LookPath("mpirun"); err != nil {
		t.Skip("mpirun is not installed")
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	for _, run := range []struct {
		np     int
		funnel bool
	}{{3, false}, {2, true}, {1, false}} {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		args := []string{"testdata/mpirun.sh", "-np", strconv.Itoa(run.np)}
		if run.funnel {
			args = append(args, "-x", "CAJAL_TEST_MPI_FUNNEL")
		}
		args = append(args, self, "-test.v", "-test.timeout=60s", "-test.run=^TestMPI")
		cmd := exec.CommandContext(ctx, "sh", args...)
		cmd.Env = os.Environ()
		if run.funnel {
			cmd.Env = append(cmd.Env, "CAJAL_TEST_MPI_FUNNEL=1")
		}
		out, err := cmd.CombinedOutput()
		cancel()
		if err != nil {
			t.Errorf("-np %d (funnelled %v): %v\n%s", run.np, run.funnel, err, out)
			continue
		}
		for _, name := range mpiTests {
			if n := strings.Count(string(out), "--- PASS: "+name+" "); n != run.np {
				t.Errorf("-np %d (funnelled %v): %s passed on %d ranks\n%s", run.np, run.funnel, name, n, out)
			}
		}
	}
}
