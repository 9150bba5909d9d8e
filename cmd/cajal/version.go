package main

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"

	"github.com/alecthomas/kong"

	"github.com/cajal-sim/cajal"
	"github.com/cajal-sim/cajal/cluster"
)

// versionCmd prints what this binary is and can do.
type versionCmd struct{}

// Run prints the version (printVersion).
func (versionCmd) Run() error {
	printVersion(os.Stdout)
	return nil
}

// versionFlag is --version: the version command's output, then exit 0.
type versionFlag bool

// BeforeReset prints the version and exits, before the command line is
// checked further.
func (versionFlag) BeforeReset(app *kong.Kong) error {
	printVersion(app.Stdout)
	app.Exit(0)
	return nil
}

// printVersion writes the module's version ("devel" when built from a
// checkout), the Go version and platform, whether compiled kernels can
// be used, and whether MPI is compiled in.
func printVersion(w io.Writer) {
	version := "devel"
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		version = bi.Main.Version
	}
	fmt.Fprintf(w, "cajal %s\n%s %s/%s\n", version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	if err := cajal.NativeAvailable(); err != nil {
		fmt.Fprintf(w, "compiled kernels: not available (%v)\n", err)
	} else {
		fmt.Fprintln(w, "compiled kernels: available")
	}
	if cluster.MPI() {
		fmt.Fprintf(w, "MPI: compiled in (%s)\n", cluster.LibraryVersion())
	} else {
		fmt.Fprintln(w, "MPI: not compiled in (build with -tags mpi)")
	}
}
