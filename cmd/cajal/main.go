// Command cajal runs Cajal's examples (package examples) and benchmarks.
//
//	cajal list                 the examples it knows
//	cajal run ficurve -o out   run one, print its summary and check, write its figures
//	cajal sim model.toml       simulate a model file
//	cajal validate             run every example at full size, check it against its references
//	cajal bench                time neuron updates at full size and the examples' reduced runs
package main

import (
	"fmt"
	"os"

	"github.com/alecthomas/kong"
)

type cli struct {
	List     listCmd     `cmd:"" help:"List the examples that run can run."`
	Run      runCmd      `cmd:"" help:"Run an example, print its summary and write its figures."`
	Sim      simCmd      `cmd:"" help:"Simulate a model file (TOML): spikes as CSV, rasters as PNG."`
	Validate validateCmd `cmd:"" help:"Run the examples at full size and check them against their references."`
	Bench    benchCmd    `cmd:"" help:"Measure the time per neuron update of full-size groups."`
	Gen      genCmd      `cmd:"" help:"Compile the examples' programs to Go (internal/native)."`
}

func main() {
	var c cli
	ctx := kong.Parse(&c, kong.Name("cajal"),
		kong.Description("Cajal simulates spiking neural networks described by equations with units."),
		kong.UsageOnError())
	if err := ctx.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "cajal:", err)
		os.Exit(1)
	}
}
