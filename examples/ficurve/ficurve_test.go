package ficurve

import (
	"testing"

	"github.com/cajal-sim/cajal/unit"
)

// Over 1 s a neuron's spike count is its rate rounded down, up to one
// spike for the phase at which the run ends, and the discrete time step
// adds at most 2 dt = 0.2 ms to each period (2 % of a 10 ms period): the
// count must be within 1 spike plus 2.5 % of the analytic rate.
func TestFICurve(t *testing.T) {
	res, err := Run(Config{N: 21, Duration: unit.Q(1, unit.Second), OutDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range res.Rate {
		want := res.Analytic[i]
		if d := r - want; d > 1 || d < -1-0.025*want {
			t.Errorf("I = %.3f nA: rate %.1f Hz, analytic %.1f Hz", res.I[i]*1e9, r, want)
		}
	}
	if res.Rate[0] != 0 || res.Rate[20] < 50 {
		t.Errorf("rates %v: the curve should start silent and end above 50 Hz", res.Rate)
	}
	t.Log(res.Summary())
}
