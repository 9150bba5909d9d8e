package brette2007

import (
	"fmt"

	"github.com/cajal-sim/cajal/examples/example"
)

// Ensemble is the mean rates of the populations in runs of the same
// network with consecutive seeds, from Seed on.
type Ensemble struct {
	Seed uint64
	E, I []float64 // Hz, one per run
}

// RunEnsemble returns the rates of o, the run with the given seed, and of
// n-1 more runs with the next seeds, which run makes; they run in
// parallel, and only their rates are kept.
func RunEnsemble(o *Outcome, seed uint64, n int, run func(seed uint64) (*Outcome, error)) (Ensemble, error) {
	rates, err := example.Ensemble(n-1, 0, func(k int) ([2]float64, error) {
		r, err := run(seed + uint64(k+1))
		if err != nil {
			return [2]float64{}, err
		}
		e, i := r.Rates()
		return [2]float64{e, i}, nil
	})
	if err != nil {
		return Ensemble{}, err
	}
	e, i := o.Rates()
	ens := Ensemble{Seed: seed, E: []float64{e}, I: []float64{i}}
	for _, r := range rates {
		ens.E, ens.I = append(ens.E, r[0]), append(ens.I, r[1])
	}
	return ens, nil
}

// String prints the ensemble's mean rates and their spread; empty for
// no ensemble.
func (s Ensemble) String() string {
	if len(s.E) == 0 {
		return ""
	}
	return fmt.Sprintf("seeds %d-%d: excitatory %s, inhibitory %s", s.Seed, s.Seed+uint64(len(s.E))-1,
		example.NewStat(s.E).Format("Hz"), example.NewStat(s.I).Format("Hz"))
}
