//go:build mpi

package cajal

import (
	"os"
	"testing"

	"github.com/cajal-sim/cajal/cluster"
	"github.com/cajal-sim/cajal/unit"
)

// TestMain ends MPI once the tests are done, as every process that used
// cluster.World must.
func TestMain(m *testing.M) {
	code := m.Run()
	cluster.Finalize()
	os.Exit(code)
}

// Under mpirun (cluster.World), the networks of split_test.go, with
// spikes exchanged every step and in batches, give every process the
// results of one process, bit for bit. .ci/run runs this with 2 and 3
// processes; without mpirun it is skipped.
func TestWorldSameAsOneProcess(t *testing.T) {
	w := cluster.World()
	if cluster.Single(w) {
		t.Skip("not started by mpirun with more than one process")
	}
	d := unit.Q(20, unit.Millisecond)
	for _, delayed := range []bool{false, true} {
		want, err := splitNetDelays(Options{Seed: 9, Threads: 1, Tier: TierInterp, Comm: cluster.Local(1)[0]}, d, delayed)
		if err != nil {
			t.Fatal(err)
		}
		for _, threads := range []int{1, 2} {
			got, err := splitNetDelays(Options{Seed: 9, Threads: threads, Tier: TierInterp, Comm: w}, d, delayed)
			if err != nil {
				t.Fatalf("process %d of %d: %v", w.Rank(), w.Size(), err)
			}
			if diff := sameBits(got, want); diff != "" {
				t.Errorf("process %d of %d, %d threads, delayed %v: %s", w.Rank(), w.Size(), threads, delayed, diff)
			}
		}
	}
}
