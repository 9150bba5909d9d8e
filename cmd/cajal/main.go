// Command cajal runs Cajal's examples (package examples) and benchmarks.
//
//	cajal list                 the examples it knows
//	cajal run ficurve -o out   run one, print its summary and check, write its figures
//	cajal sim model.toml       simulate a model file
//	cajal validate             run every example at full size, check it against its references
//	cajal bench                time neuron updates at full size and the examples' reduced runs
//
// SIGINT or SIGTERM stops `cajal sim` at the next time step: its data
// files are flushed and closed, their paths printed, and the command exits
// with 130 or 143. With --checkpoint-every (or --checkpoint) it also
// writes a checkpoint of that step, and `cajal sim --resume` continues
// from it (docs/checkpoint.md).
package main

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/alecthomas/kong"

	"github.com/cajal-sim/cajal"
)

type cli struct {
	Tier string `enum:"auto,interp,native" default:"auto" help:"How programs run: auto (interpreted until compiled C is ready), interp, or native (compiled before the run). Sets CAJAL_TIER."`

	List     listCmd     `cmd:"" help:"List the examples that run can run."`
	Run      runCmd      `cmd:"" help:"Run an example, print its summary and write its figures."`
	Sim      simCmd      `cmd:"" help:"Simulate a model file (TOML): data as .npy (and CSV), figures as PNG."`
	Validate validateCmd `cmd:"" help:"Run the examples at full size and check them against their references."`
	Bench    benchCmd    `cmd:"" help:"Time seed 000, COBA, CUBA and synaptic events: s per simulated s, ns per neuron-step and per event, bytes per synapse."`
}

func main() {
	var c cli
	ctx := kong.Parse(&c, kong.Name("cajal"),
		kong.Description("Cajal simulates spiking neural networks described by equations with units."),
		kong.UsageOnError())
	// Commands that stop at a step boundary on SIGINT or SIGTERM get a
	// context those signals cancel; the others keep the default action.
	var sctx context.Context = context.Background()
	stopped := func() os.Signal { return nil }
	if strings.HasPrefix(ctx.Command(), "sim") {
		sctx, stopped = signalContext()
	}
	ctx.BindTo(sctx, (*context.Context)(nil))
	if c.Tier != "auto" {
		os.Setenv(cajal.TierEnv, c.Tier)
	}
	if err := ctx.Run(); err != nil {
		msg := err.Error()
		if !strings.HasPrefix(msg, "cajal:") {
			msg = "cajal: " + msg
		}
		fmt.Fprintln(os.Stderr, msg)
		if s := stopped(); s != nil {
			os.Exit(exitCode(s))
		}
		os.Exit(1)
	}
}
