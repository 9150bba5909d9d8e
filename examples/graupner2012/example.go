package graupner2012

import (
	_ "embed"
	"os"

	"github.com/cajal-sim/cajal/examples/example"
)

//go:embed testdata/reference.toml
var referenceFile []byte

// References are the stored reference numbers of the example
// (testdata/reference.toml), with their provenance.
func References() (*example.References, error) { return example.Parse(referenceFile) }

// Example is the example as the command knows it.
type Example struct{}

// Name is the example's name.
func (Example) Name() string { return "graupner2012" }

// Description is one line about the example.
func (Example) Description() string {
	return "Graupner & Brunel 2012 calcium-based plasticity: STDP curve of bistable synapses (Fig. 2C, DP)"
}

// Seed is the project's number of the example.
func (Example) Seed() string { return "003" }

// References are the stored reference numbers.
func (Example) References() (*example.References, error) { return References() }

// Run runs Full (all 41 time differences, one network each, in
// parallel; a line on standard error as each is done) or Reduced and, at
// full size, checks the whole curve.
func (Example) Run(o example.Options) (example.Outcome, error) {
	cfg := Reduced
	if o.Size == example.Full {
		cfg = Full
		cfg.Log = os.Stderr
	}
	cfg.OutDir, cfg.Progress = o.OutDir, o.Progress
	if o.Threads > 0 {
		cfg.Workers = o.Threads // networks at once, one thread each
	}
	r, err := Run(cfg)
	if err != nil {
		return example.Outcome{}, err
	}
	out := example.Outcome{Summary: r.Summary(), Figures: example.Figures(r.Figure)}
	if o.Size == example.Full {
		out.Report = r.Check()
	}
	return out, nil
}
