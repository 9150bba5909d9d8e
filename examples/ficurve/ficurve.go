// Package ficurve is Cajal's first demonstration: the f-I curve of a
// leaky integrate-and-fire group, simulated and compared with the analytic
// rate, drawn as a figure.
//
// Each of N neurons receives a constant current, from 0 to Imax; a neuron
// whose drive R*I exceeds vt - el fires with period
//
//	T = t_ref + tau*ln((R*I + el - vr)/(R*I + el - vt))
package ficurve

import (
	"fmt"
	"math"
	"path/filepath"

	"github.com/cajal-sim/cajal"
	"github.com/cajal-sim/cajal/examples/example"
	"github.com/cajal-sim/cajal/plot"
	"github.com/cajal-sim/cajal/unit"
)

// Config sets the size of the run.
type Config struct {
	N        int           // neurons, one current each
	Duration unit.Quantity // simulated time
	Dt       unit.Quantity // time step
	Threads  int
	OutDir   string           // where the figure goes; empty for none
	Progress example.Progress // progress of the runs; nil for none
}

// Default is the full demonstration.
var Default = Config{N: 200, Duration: unit.Q(2, unit.Second), Dt: unit.Q(0.01, unit.Millisecond)}

// Result holds the measured and analytic curves.
type Result struct {
	I        []float64 // input currents in amp
	Rate     []float64 // measured rate in hertz
	Analytic []float64 // analytic rate in hertz
	Figure   string    // path of the figure, if written
	Data     []string  // the monitors' data files (docs/data.md), if written
	Method   string
	T, Dt    float64 // run length and time step, seconds
}

const model = `
dv/dt = (el - v + R*I)/tau : volt (unless refractory)
I : amp
`

// Parameters of the neurons.
var namespace = cajal.Namespace{
	"el":  unit.Q(-70, unit.Millivolt),
	"vr":  unit.Q(-65, unit.Millivolt),
	"vt":  unit.Q(-50, unit.Millivolt),
	"R":   unit.Q(100, unit.Megaohm),
	"tau": unit.Q(10, unit.Millisecond),
}

const (
	imax = 1e-9 // amp
	tref = 2e-3 // second
)

// Analytic is the firing rate of the model at current I (amp).
func Analytic(I float64) float64 {
	drive := 100e6*I - 70e-3
	if drive <= -50e-3 {
		return 0
	}
	return 1 / (tref + 10e-3*math.Log((drive+65e-3)/(drive+50e-3)))
}

// Run simulates the group and draws the figure.
func Run(cfg Config) (*Result, error) {
	net, err := cajal.NewNetwork(cajal.Options{Progress: cfg.Progress.Network(), Dt: cfg.Dt, Threads: cfg.Threads, RecordDir: dataDir(cfg.OutDir)})
	if err != nil {
		return nil, err
	}
	g, err := net.NeuronGroup(cajal.Neurons{
		Name: "lif", N: cfg.N, Model: model,
		Threshold: "v > vt", Reset: "v = vr", Refractory: unit.Q(tref, unit.Second),
		Namespace: namespace,
	})
	if err != nil {
		return nil, err
	}
	if err := g.Set("I", fmt.Sprintf("%g*amp*i/(N-1)", imax)); err != nil {
		return nil, err
	}
	if err := g.Set("v", "el"); err != nil {
		return nil, err
	}
	sm, err := net.SpikeMonitor(g)
	if err != nil {
		return nil, err
	}
	if err := net.Run(cfg.Duration); err != nil {
		return nil, err
	}
	if err := net.Close(); err != nil {
		return nil, err
	}
	res := &Result{Method: g.Method(), T: cfg.Duration.Value, Dt: net.Dt().Value, Data: net.Files()}
	res.I, _ = g.Get("I")
	T := cfg.Duration.Value
	for i, c := range sm.Count() {
		res.Rate = append(res.Rate, float64(c)/T)
		res.Analytic = append(res.Analytic, Analytic(res.I[i]))
	}
	if cfg.OutDir != "" {
		res.Figure = filepath.Join(cfg.OutDir, "ficurve.png")
		if err := res.Draw(res.Figure); err != nil {
			return nil, err
		}
	}
	return res, nil
}

// Draw writes the f-I curve: simulated rates as markers, the analytic
// curve as a line.
func (r *Result) Draw(path string) error {
	nA := make([]float64, len(r.I))
	for i, x := range r.I {
		nA[i] = x * 1e9
	}
	fig := plot.Figure{Width: 6, Height: 4, Panels: []plot.Panel{{
		Title:  "f-I curve of a leaky integrate-and-fire neuron",
		XLabel: "input current (nA)", YLabel: "firing rate (Hz)", Legend: true,
		Series: []plot.Series{
			{Kind: plot.Line, X: nA, Y: r.Analytic, Label: "analytic", Color: "black"},
			{Kind: plot.Markers, X: nA, Y: r.Rate, Label: "Cajal (" + r.Method + ")", Color: "red", Size: 1.5},
		},
	}}}
	return fig.Save(path)
}

// Summary is a line of text about the result.
func (r *Result) Summary() string {
	worst := 0.0
	for i := range r.Rate {
		if r.Analytic[i] > 0 {
			worst = math.Max(worst, math.Abs(r.Rate[i]-r.Analytic[i]))
		}
	}
	return fmt.Sprintf("f-I curve of %d neurons (%s): %.1f Hz at %.2f nA; largest deviation from the analytic rate %.2f Hz",
		len(r.Rate), r.Method, r.Rate[len(r.Rate)-1], r.I[len(r.I)-1]*1e9, worst)
}

// Check compares the simulated rates with the analytic ones: on a grid of
// dt each period is shortened by less than one step, so a rate lies
// between f - 1/T and f/(1 - f*dt) + 1/T for a run of length T.
func (r *Result) Check() example.Report {
	it := example.Item{Key: "rates", Name: "rates within the analytic bounds f - 1/T to f/(1 - f*dt) + 1/T",
		Reference: "the analytic rate f", Source: "analytic", Band: "every neuron",
		Why:  "each period is shortened by less than one step on a grid of dt, and the run ends at any phase (one spike)",
		Pass: len(r.Rate) > 0, InReference: true}
	it.Got = fmt.Sprintf("all %d neurons", len(r.Rate))
	for i, f := range r.Rate {
		want := r.Analytic[i]
		if f < want-1/r.T || f > want/(1-want*r.Dt)+1/r.T {
			it.Pass = false
			it.Got = fmt.Sprintf("%.2f Hz at %.3f nA, where the analytic rate is %.2f Hz", f, r.I[i]*1e9, want)
			break
		}
	}
	return example.Report{Items: []example.Item{it},
		Sources: []example.Source{{ID: "analytic", What: "T = t_ref + tau*ln((R*I + el - vr)/(R*I + el - vt)), the period of the leaky integrate-and-fire neuron under constant current"}}}
}

// dataDir is the folder of the monitors' data files: beside the figures,
// or none.
func dataDir(outDir string) string {
	if outDir == "" {
		return ""
	}
	return filepath.Join(outDir, "ficurve_data")
}
