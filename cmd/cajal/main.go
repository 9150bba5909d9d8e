// Command cajal runs Cajal's examples (package examples), model files and
// benchmarks.
//
//	cajal list                 the examples it knows
//	cajal run ficurve -o out   run one, print its summary and check, write its figures
//	cajal sim model.toml       simulate a model file
//	cajal check model.toml     validate a model file; print its size and memory estimate
//	cajal validate             run every example at full size, check it against its references
//	cajal bench                time neuron updates at full size and the examples' reduced runs
//	cajal version              the version, and whether compiled kernels and MPI are available
//
// Long commands show their progress on stderr (--progress). Errors are
// one line on stderr; the exit codes are those of docs/cli.md: 0 done, 1
// an error, 2 a usage error, 3 references not reproduced (validate), 130
// and 143 a sim stopped by SIGINT or SIGTERM.
//
// SIGINT or SIGTERM stops `cajal sim` at the next time step: its data
// files are flushed and closed, their paths printed, and the command exits
// with 130 or 143. With --checkpoint-every (or --checkpoint) it also
// writes a checkpoint of that step, and `cajal sim --resume` continues
// from it (docs/checkpoint.md).
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/alecthomas/kong"

	"github.com/cajal-sim/cajal"
	"github.com/cajal-sim/cajal/cluster"
)

type cli struct {
	Tier     string      `enum:"auto,interp,native" default:"auto" help:"How programs run: auto (interpreted until compiled C is ready), interp, or native (compiled before the run). Sets CAJAL_TIER."`
	Progress string      `enum:"auto,bar,text,none" default:"auto" help:"Progress of long runs on stderr: a bar in a terminal and text lines elsewhere (auto), bar, text, or none."`
	VersionF versionFlag `name:"version" help:"Print the version (as cajal version) and exit."`

	List     listCmd     `cmd:"" help:"List the examples that run can run."`
	Run      runCmd      `cmd:"" help:"Run an example, print its summary and write its figures."`
	Sim      simCmd      `cmd:"" help:"Simulate a model file (TOML): data as .npy (and CSV), figures as PNG."`
	Check    checkCmd    `cmd:"" help:"Validate a model file without running it; print the network's size and memory estimate."`
	Validate validateCmd `cmd:"" help:"Run the examples at full size and check them against their references."`
	Bench    benchCmd    `cmd:"" help:"Time seed 000, COBA, CUBA and synaptic events: s per simulated s, ns per neuron-step and per event, bytes per synapse."`
	Version  versionCmd  `cmd:"" help:"Print the version, the Go version and platform, and whether compiled kernels and MPI are available."`
}

// Exit codes (docs/cli.md).
const (
	exitError     = 1 // the command failed: a file, a model, a run
	exitUsage     = 2 // the command line is wrong
	exitNotPassed = 3 // validate: some example did not reproduce its references
)

// notPassed is the error of a check that ran and failed.
type notPassed struct{ error }

func main() {
	stderr := io.Writer(os.Stderr)
	if w := cluster.World(); !cluster.Single(w) && w.Rank() > 0 {
		// Under mpirun the first process prints and writes the files;
		// the others compute their part in silence but for an error of
		// their own, named by their rank.
		stderr = &rankError{w: os.Stderr, rank: w.Rank()}
		if null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0); err == nil {
			os.Stdout, os.Stderr = null, null
		}
	}
	code := cajalMain(os.Args[1:], stderr)
	cluster.Finalize()
	os.Exit(code)
}

// cajalMain runs the command line args and returns the exit code.
func cajalMain(args []string, stderr io.Writer) int {
	var c cli
	parser, err := kong.New(&c, kong.Name("cajal"),
		kong.Description("Cajal simulates spiking neural networks described by equations with units."))
	if err != nil {
		panic(err) // the command's own definition
	}
	ctx, err := parser.Parse(args)
	if err != nil {
		var pe *kong.ParseError
		hint := "cajal --help"
		if errors.As(err, &pe) && pe.Context != nil && pe.Context.Command() != "" {
			hint = "cajal " + strings.Fields(pe.Context.Command())[0] + " --help"
		}
		fmt.Fprintf(stderr, "cajal: %v (see %s)\n", err, hint)
		return exitUsage
	}
	// Commands that stop at a step boundary on SIGINT or SIGTERM get a
	// context those signals cancel; the others keep the default action.
	var sctx context.Context = context.Background()
	stopped := func() os.Signal { return nil }
	if strings.HasPrefix(ctx.Command(), "sim") {
		sctx, stopped = signalContext()
	}
	ctx.BindTo(sctx, (*context.Context)(nil))
	if _, quiet := stderr.(*rankError); quiet {
		c.Progress = "none"
	}
	ctx.Bind(newProgress(c.Progress, stderr))
	if c.Tier != "auto" {
		os.Setenv(cajal.TierEnv, c.Tier)
	}
	if err := ctx.Run(); err != nil {
		msg := err.Error()
		if !strings.HasPrefix(msg, "cajal:") {
			msg = "cajal: " + msg
		}
		fmt.Fprintln(stderr, msg)
		if s := stopped(); s != nil {
			return exitCode(s)
		}
		if errors.As(err, new(notPassed)) {
			return exitNotPassed
		}
		return exitError
	}
	return 0
}

// rankError is the standard error of a process under mpirun other than
// the first: only its error line, marked with its rank.
type rankError struct {
	w    io.Writer
	rank int
}

func (e *rankError) Write(p []byte) (int, error) {
	if _, err := fmt.Fprintf(e.w, "(process %d) %s", e.rank, p); err != nil {
		return 0, err
	}
	return len(p), nil
}
