package ficurve

import (
	"testing"

	"github.com/cajal-sim/cajal/record"
	"github.com/cajal-sim/cajal/unit"
)

// Over 1 s a neuron's spike count is its rate up to one spike for the
// phase at which the run ends. On a grid of dt the spike is recorded at the
// step before the crossing and the refractory period counts from it, so
// each period is shortened by less than one step: the rate lies between
// the analytic rate f and f/(1 - f*dt), give or take that one spike.
func TestFICurve(t *testing.T) {
	const dt = 0.1e-3 // the coarse step makes the check's bounds matter
	res, err := Run(Config{N: 21, Duration: unit.Q(1, unit.Second), Dt: unit.Q(dt, unit.Second), OutDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	if err := res.Check().Err(); err != nil {
		t.Error(err)
	}
	if res.Rate[0] != 0 || res.Rate[20] < 50 {
		t.Errorf("rates %v: the curve should start silent and end above 50 Hz", res.Rate)
	}
	t.Log(res.Summary())
	// The spikes are also in a data file beside the figure, neuron by
	// neuron as counted.
	if len(res.Data) != 1 {
		t.Fatalf("data files %v, want one", res.Data)
	}
	tab, err := record.Open(res.Data[0])
	if err != nil {
		t.Fatal(err)
	}
	defer tab.Close()
	is, err := tab.Int32("i")
	if err != nil {
		t.Fatal(err)
	}
	counts := make([]float64, len(res.Rate))
	for _, i := range is {
		counts[i]++
	}
	for i, c := range counts {
		if c != res.Rate[i]*res.T || !tab.Meta.Complete {
			t.Fatalf("neuron %d: %v spikes in the file, rate %v Hz (complete %v)", i, c, res.Rate[i], tab.Meta.Complete)
		}
	}
}

// Check fails a rate one step's worth of spikes off the analytic rate, and
// an empty result.
func TestCheckFails(t *testing.T) {
	res, err := Run(Config{N: 21, Duration: unit.Q(1, unit.Second), Dt: unit.Q(0.1e-3, unit.Second)})
	if err != nil {
		t.Fatal(err)
	}
	res.Rate[15] = res.Analytic[15] - 1.5 // 1.5 spikes fewer in 1 s
	if res.Check().Err() == nil {
		t.Error("a rate 1.5 Hz below the analytic one passed")
	}
	if (&Result{}).Check().Err() == nil {
		t.Error("an empty result passed")
	}
}
