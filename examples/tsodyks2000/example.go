package tsodyks2000

import (
	_ "embed"

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
func (Example) Name() string { return "tsodyks2000" }

// Description is one line about the example.
func (Example) Description() string {
	return "Tsodyks, Uziel & Markram 2000: population bursts in a recurrent LIF network with short-term plasticity"
}

// Seed is the project's number of the example.
func (Example) Seed() string { return "001" }

// References are the stored reference numbers.
func (Example) References() (*example.References, error) { return References() }

// Run runs Full (an ensemble of realizations, in parallel) or Reduced
// and, at full size, checks the ensemble.
func (Example) Run(o example.Options) (example.Outcome, error) {
	cfg := Reduced
	if o.Size == example.Full {
		cfg = Full
	}
	cfg.OutDir, cfg.Threads, cfg.Progress = o.OutDir, o.Threads, o.Progress
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
