package cuba

import (
	_ "embed"

	"github.com/cajal-sim/cajal/examples/internal/brette2007"
)

// referenceFile is Brian2's rates of the full and the reduced network over
// many seeds, with their provenance (testdata/reference.toml, made by
// testdata/brian2_reference.py).
//
//go:embed testdata/reference.toml
var referenceFile []byte

// Reference is the reference rates of the full and the reduced network.
func Reference() (*brette2007.Reference, error) { return brette2007.Parse(referenceFile) }

// Check compares the run's rates with the reference rates of the same
// configuration (full or reduced): each population's mean rate must lie
// within brette2007.Sigmas standard deviations of the spread over the
// reference's seeds (times sqrt(1+1/n) for n seeds) of the reference mean.
func (r *Result) Check() error {
	ref, err := Reference()
	if err != nil {
		return err
	}
	return ref.Check(&r.Outcome)
}
