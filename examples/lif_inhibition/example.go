package lif_inhibition

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
func (Example) Name() string { return "lif_inhibition" }

// Description is one line about the example.
func (Example) Description() string {
	return "Dendrify's LIF network + inhibition: feedback inhibition switched on halfway lowers the excitatory rate"
}

// Seed is the project's number of the example.
func (Example) Seed() string { return "002" }

// References are the stored reference numbers.
func (Example) References() (*example.References, error) { return References() }

// Run runs Full (the seed's run with seed 123, and the ensemble of seeds
// 1 to EnsembleSeeds that its check needs) or Reduced.
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
	if o.Size != example.Full {
		return out, nil
	}
	ens, err := RunEnsemble(Full, 1, EnsembleSeeds, o.Threads)
	if err != nil {
		return example.Outcome{}, err
	}
	out.Summary += "\n  " + EnsembleSummary(ens)
	out.Report = r.Check(example.Full)
	out.Report.Merge(CheckEnsemble(ens, example.Full))
	return out, nil
}
