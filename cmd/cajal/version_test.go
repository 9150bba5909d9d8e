package main

import (
	"runtime"
	"strings"
	"testing"

	"github.com/cajal-sim/cajal"
	"github.com/cajal-sim/cajal/cluster"
)

// cajal version and cajal --version print the same four lines: version,
// Go and platform, compiled kernels, MPI.
func TestVersion(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	kernels := "compiled kernels: available"
	if err := cajal.NativeAvailable(); err != nil {
		kernels = "compiled kernels: not available (" + err.Error() + ")"
	}
	mpi := "MPI: not compiled in (build with -tags mpi)"
	if cluster.MPI() {
		mpi = "MPI: compiled in (" + cluster.LibraryVersion() + ")"
		if !strings.HasPrefix(cluster.LibraryVersion(), "Open MPI v") {
			t.Errorf("LibraryVersion %q", cluster.LibraryVersion())
		}
	}
	want := strings.Join([]string{"cajal devel", runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH, kernels, mpi, ""}, "\n")
	for _, args := range [][]string{{"version"}, {"--version"}, {"list", "--version"}} {
		stdout, stderr, code := execCajal(t, args...)
		if code != 0 || stdout != want || stderr != "" {
			t.Errorf("cajal %s: exit %d, stdout %q, stderr %q; want exit 0 and %q", strings.Join(args, " "), code, stdout, stderr, want)
		}
	}
}
