package vogels2011

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
func (Example) Name() string { return "vogels2011" }

// Description is one line about the example.
func (Example) Description() string {
	return "Vogels et al. 2011: inhibitory STDP balances a 10,000-neuron network"
}

// Seed is the project's number of the example.
func (Example) Seed() string { return "000" }

// References are the stored reference numbers.
func (Example) References() (*example.References, error) { return References() }

// Run runs Full or Reduced and, at full size, checks the result.
func (Example) Run(o example.Options) (example.Outcome, error) {
	cfg := Reduced
	if o.Size == example.Full {
		cfg = Full
	}
	cfg.OutDir, cfg.Threads, cfg.Progress, cfg.Comm = o.OutDir, o.Threads, o.Progress, o.Comm
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
