package cuba

import (
	_ "embed"

	"github.com/cajal-sim/cajal/examples/example"
)

// referenceFile is Brian2's rates of the full and the reduced network over
// many seeds, with their provenance, and the synapse counts and events per
// spike the connection rule implies (testdata/reference.toml; the rates
// per seed are in testdata/brian2_rates.csv, made by
// testdata/brian2_reference.py).
//
//go:embed testdata/reference.toml
var referenceFile []byte

// References are the stored reference numbers of the example, with their
// provenance.
func References() (*example.References, error) { return example.Parse(referenceFile) }

// Example is the example as the command knows it.
type Example struct{}

// Name is the example's name.
func (Example) Name() string { return "cuba" }

// Description is one line about the example.
func (Example) Description() string {
	return "Brette et al. 2007 benchmark 2: 4000 LIF neurons with current-based synapses (Vogels & Abbott 2005)"
}

// Seed is empty: a benchmark, not one of the published seeds.
func (Example) Seed() string { return "" }

// References are the stored reference numbers.
func (Example) References() (*example.References, error) { return References() }

// Run runs Full or Reduced and, at full size, checks the result.
func (Example) Run(o example.Options) (example.Outcome, error) { return Benchmark.RunExample(o) }
