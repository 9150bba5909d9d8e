package ficurve

import (
	"github.com/cajal-sim/cajal/examples/example"
	"github.com/cajal-sim/cajal/unit"
)

// Reduced is the run of `cajal run ficurve --quick`: 41 neurons for 0.5 s
// at dt = 0.1 ms.
var Reduced = Config{N: 41, Duration: unit.Q(0.5, unit.Second), Dt: unit.Q(0.1, unit.Millisecond)}

// Example is the example as the command knows it.
type Example struct{}

// Name is the example's name.
func (Example) Name() string { return "ficurve" }

// Description is one line about the example.
func (Example) Description() string {
	return "f-I curve of a leaky integrate-and-fire group against the analytic rate"
}

// Seed is empty: a demonstration, not one of the published seeds.
func (Example) Seed() string { return "" }

// References are nil: the check is against the analytic rate.
func (Example) References() (*example.References, error) { return nil, nil }

// Run runs Default (the full demonstration) or Reduced and, at full size,
// checks the rates against the analytic ones.
func (Example) Run(o example.Options) (example.Outcome, error) {
	cfg := Reduced
	if o.Size == example.Full {
		cfg = Default
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
