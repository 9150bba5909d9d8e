package sparse_ei

import "github.com/cajal-sim/cajal/examples/example"

// Example is the example as the command knows it.
type Example struct{}

// Name is the example's name.
func (Example) Name() string { return "sparse_ei" }

// Description is one line about the example.
func (Example) Description() string {
	return "sparse excitatory-inhibitory network (Brunel 2000): fixed in-degree, PoissonInput drive, TimedArray stimulus, rates against the mean field"
}

// Seed is empty: a demonstration, not one of the published seeds.
func (Example) Seed() string { return "" }

// References are nil: the check is against the mean-field rates, computed
// for the run's parameters (testdata/derivation.md).
func (Example) References() (*example.References, error) { return nil, nil }

// Run runs Default (the full example) or Quick with seed 1 and, at full
// size, checks the rates against the mean field.
func (Example) Run(o example.Options) (example.Outcome, error) {
	cfg := Config{Params: Quick, Seed: 1, Threads: o.Threads, OutDir: o.OutDir, Progress: o.Progress, Comm: o.Comm}
	if o.Size == example.Full {
		cfg.Params = Default
	}
	r, err := Run(cfg)
	if err != nil {
		return example.Outcome{}, err
	}
	out := example.Outcome{Summary: r.Summary(), Figures: example.Figures(r.Figures...)}
	if o.Size == example.Full {
		out.Report = r.Check()
	}
	return out, nil
}
