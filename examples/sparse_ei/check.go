package sparse_ei

import "github.com/cajal-sim/cajal/examples/example"

// Tolerance is the relative difference Check allows between a half's
// mean rate and the mean-field rate (testdata/derivation.md says why).
const Tolerance = 0.10

// RiseTolerance is the relative difference Check allows between the rise
// of the rate with the stimulus and the mean field's (testdata/
// derivation.md says why).
const RiseTolerance = 0.30

// meanField is the source of the computed references.
var meanField = example.Source{ID: "meanfield",
	What: "the mean-field rate of Brunel (2000), J Comput Neurosci 8:183, eqs. 4, 5 and 21: the fixed point of the Siegert rate of the run's parameters, computed by Predict; derivation and tolerances in examples/sparse_ei/testdata/derivation.md"}

// Rise is how much the stimulus raised the mean rate, in hertz.
func (r *Result) Rise() float64 { return r.Rate[1] - r.Rate[0] }

// Check compares each half's mean rate with the mean-field prediction for
// the run's parameters, within Tolerance, and the rise of the rate with
// the stimulus with the predicted rise, within RiseTolerance. The
// reference is computed, not stored, so a run of any size is compared
// with the prediction for its own size.
func (r *Result) Check() example.Report {
	rep := example.Report{Sources: []example.Source{meanField}}
	for _, c := range []struct {
		key, name string
		got, want float64
		tol       float64
		why       string
	}{
		{"rate_before", "mean rate before the stimulus", r.Rate[0], r.Predicted[0], Tolerance,
			"the mean field neglects the finite jumps (J/sigma about 0.1), the time step and the correlations that shared inputs and the delay leave, a few per cent each; the finite sample's error is under 1 %: 10 %"},
		{"rate_with", "mean rate with the stimulus", r.Rate[1], r.Predicted[1], Tolerance,
			"as before the stimulus: 10 %"},
		{"rise", "rise of the rate with the stimulus", r.Rise(), r.Predicted[1] - r.Predicted[0], RiseTolerance,
			"the rise is 7 % of the rate; the mean field's biases act alike on both halves and mostly cancel in it, while the finite sample's error, under 1 % of each rate and independent between the halves, is at most 20 % of the rise: 30 %, and a stimulus that does nothing (rise 0) fails"},
	} {
		want := c.want
		q := example.Quantity{Key: c.key, Name: c.name, Unit: "Hz", Source: meanField.ID, Value: &want, RelTol: c.tol, Why: c.why}
		rep.Add(q.Check(c.got))
	}
	return rep
}
