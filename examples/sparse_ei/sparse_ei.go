// Package sparse_ei is a sparse network of excitatory and inhibitory
// leaky integrate-and-fire neurons in the style of Brunel (2000): each
// neuron receives a fixed number of inputs from each population (NEST's
// fixed in-degree) with a transmission delay, an external drive from
// PoissonInput, and, from the middle of the run, a stimulus from a
// TimedArray that raises every neuron's mean drive. Its check compares
// the firing rate of each half, and the rise between them, with the
// mean-field prediction (see meanfield.go, check.go and
// testdata/derivation.md).
package sparse_ei

import (
	"fmt"
	"github.com/cajal-sim/cajal/cluster"
	"math"
	"path/filepath"

	"github.com/cajal-sim/cajal"
	"github.com/cajal-sim/cajal/examples/example"
	"github.com/cajal-sim/cajal/plot"
	"github.com/cajal-sim/cajal/unit"
)

// Params are the model's parameters in SI units (Brunel 2000, model A).
type Params struct {
	NE, NI   int     // excitatory and inhibitory neurons
	CE, CI   int     // inputs from each population
	J, G     float64 // excitatory amplitude (volt); relative inhibition
	Eta      float64 // external rate over the threshold rate
	Tau      float64 // membrane time constant
	Theta    float64 // threshold (volt, from rest 0)
	Vr       float64 // reset
	Tref     float64 // refractory period
	Delay    float64 // transmission delay
	Stim     float64 // stimulus added to the mean drive (volt)
	Duration float64 // run length; the stimulus starts at half of it
	Dt       float64
}

// NuExt is the external rate per input: eta times the rate at which the
// external drive alone brings the mean to threshold.
func (p Params) NuExt() float64 {
	return p.Eta * p.Theta / (p.J * float64(p.CE) * p.Tau)
}

// Default is the full example: Brunel's asynchronous irregular state
// (g = 5, eta = 2) with 12,500 neurons and 1,250 inputs each.
var Default = Params{NE: 10000, NI: 2500, CE: 1000, CI: 250, J: 0.1e-3, G: 5, Eta: 2,
	Tau: 20e-3, Theta: 20e-3, Vr: 10e-3, Tref: 2e-3, Delay: 1.5e-3, Stim: 2e-3, Duration: 1, Dt: 0.1e-3}

// Quick is a reduced run for tests: a fifth of the neurons and inputs
// (the same sparseness, 0.1), 0.6 s.
var Quick = Params{NE: 2000, NI: 500, CE: 200, CI: 50, J: 0.1e-3, G: 5, Eta: 2,
	Tau: 20e-3, Theta: 20e-3, Vr: 10e-3, Tref: 2e-3, Delay: 1.5e-3, Stim: 2e-3, Duration: 0.6, Dt: 0.1e-3}

// Config is a run: parameters, seed, threads and output folder.
type Config struct {
	Params
	Seed     uint64
	Threads  int
	OutDir   string           // where the figures go; empty for none
	Progress example.Progress // progress of the runs; nil for none
	Tier     cajal.Tier       // interpreted or compiled kernels (cajal.Options.Tier)
	Comm     cluster.Comm     // processes to split the network over (cajal.Options.Comm)
}

// Result is what a run measured and what the mean field predicts.
type Result struct {
	P             Params
	Rate          [2]float64 // mean rate of all neurons before and after the stimulus (Hz)
	Predicted     [2]float64 // mean-field rates
	PerNeuron     [2][]float64
	T             []float64 // spike times (s) of the first RasterN excitatory neurons
	I             []int32
	PopT, PopRate []float64 // population rate (s, Hz), smoothed over 1 ms
	Figures       []string
	SkipTransient float64 // seconds left out at the start of each half
	Stats         cajal.Stats
}

// RasterN is the number of neurons the raster shows.
const RasterN = 200

const model = `dv/dt = (stim(t) - v)/tau : volt (unless refractory)`

// Run simulates the network.
func Run(cfg Config) (*Result, error) {
	p := cfg.Params
	net, err := cajal.NewNetwork(cajal.Options{Progress: cfg.Progress.Network(), Dt: unit.Q(p.Dt, unit.Second), Seed: cfg.Seed, Threads: cfg.Threads,
		Tier: cfg.Tier, Comm: cfg.Comm})
	if err != nil {
		return nil, err
	}
	stim := cajal.TimedArray{Values: []float64{0, p.Stim * 1e3}, Unit: unit.Millivolt, Dt: unit.Q(p.Duration/2, unit.Second)}
	ns := cajal.Namespace{"tau": unit.Q(p.Tau, unit.Second), "theta": unit.Q(p.Theta, unit.Volt),
		"vr": unit.Q(p.Vr, unit.Volt), "J": unit.Q(p.J, unit.Volt), "g": p.G, "stim": stim}
	g, err := net.NeuronGroup(cajal.Neurons{Name: "neurons", N: p.NE + p.NI, Model: model,
		Threshold: "v > theta", Reset: "v = vr", Refractory: unit.Q(p.Tref, unit.Second), Namespace: ns})
	if err != nil {
		return nil, err
	}
	if err := g.Set("v", cajal.Uniform{Lo: unit.Q(0, unit.Volt), Hi: unit.Q(p.Theta, unit.Volt)}); err != nil {
		return nil, err
	}
	exc, _ := g.Slice(0, p.NE)
	inh, _ := g.Slice(p.NE, p.NE+p.NI)
	// Inputs reach a neuron only outside its refractory period, as the
	// mean field assumes (the potential is held at the reset).
	for _, c := range []struct {
		name   string
		src    cajal.Subgroup
		k      int
		weight string
	}{{"exc", exc, p.CE, "J"}, {"inh", inh, p.CI, "-g*J"}} {
		s, err := net.Synapses(cajal.Synapses{Name: c.name, Source: c.src, Target: g,
			OnPre: "v_post += " + c.weight + "*int(not_refractory_post)", Delay: unit.Q(p.Delay, unit.Second), Namespace: ns})
		if err != nil {
			return nil, err
		}
		if err := s.Connect(cajal.FixedInDegree(c.k)); err != nil {
			return nil, err
		}
	}
	if err := net.PoissonInput(cajal.PoissonInput{Target: g, Var: "v", N: p.CE, Rate: unit.Q(p.NuExt(), unit.Hertz),
		Weight: "J*int(not_refractory)"}); err != nil {
		return nil, err
	}
	sm, err := net.SpikeMonitor(g)
	if err != nil {
		return nil, err
	}
	pop, err := net.PopulationRateMonitor(g)
	if err != nil {
		return nil, err
	}
	if err := net.Run(unit.Q(p.Duration, unit.Second)); err != nil {
		return nil, err
	}
	r, err := measure(cfg, sm, pop)
	if r != nil {
		r.Stats = net.Stats()
	}
	return r, err
}

// measure takes the rates of each half, leaving out its first 100 ms.
func measure(cfg Config, sm *cajal.SpikeMonitor, pop *cajal.PopulationRateMonitor) (*Result, error) {
	p := cfg.Params
	half := p.Duration / 2
	r := &Result{P: p, SkipTransient: 0.1}
	for h := 0; h < 2; h++ {
		from, to := float64(h)*half+r.SkipTransient, float64(h+1)*half
		r.PerNeuron[h] = sm.Rates(from, to)
		for _, x := range r.PerNeuron[h] {
			r.Rate[h] += x / float64(len(r.PerNeuron[h]))
		}
	}
	r.Predicted = [2]float64{Predict(p, 0), Predict(p, p.Stim)}
	for k, i := range sm.I() {
		if i < RasterN {
			r.T = append(r.T, sm.T()[k])
			r.I = append(r.I, i)
		}
	}
	r.PopT, r.PopRate = pop.T(), pop.SmoothRate(int(math.Round(1e-3/p.Dt)))
	if cfg.OutDir != "" {
		path := filepath.Join(cfg.OutDir, "sparse_ei.png")
		if err := r.Draw(path); err != nil {
			return nil, err
		}
		r.Figures = append(r.Figures, path)
	}
	return r, nil
}

// Summary is a line of text about the result: the statistics Check
// compares, beside the mean field's.
func (r *Result) Summary() string {
	return fmt.Sprintf("sparse E-I network of %d neurons: %.2f Hz before the stimulus (mean field %.2f Hz), %.2f Hz with it (mean field %.2f Hz); rise %.2f Hz (mean field %.2f Hz)",
		r.P.NE+r.P.NI, r.Rate[0], r.Predicted[0], r.Rate[1], r.Predicted[1], r.Rise(), r.Predicted[1]-r.Predicted[0])
}

// Draw writes the raster, the population rate and the distribution of
// the neurons' rates in each half.
func (r *Result) Draw(path string) error {
	ms := make([]float64, len(r.T))
	for k, t := range r.T {
		ms[k] = t * 1e3
	}
	popMs := make([]float64, len(r.PopT))
	for k, t := range r.PopT {
		popMs[k] = t * 1e3
	}
	onset := []plot.Ref{{At: r.P.Duration / 2 * 1e3, Color: "black", Dashed: true}}
	var hist []plot.Series
	for h, c := range []string{"blue", "red"} {
		x, n := plot.Histogram(r.PerNeuron[h], 0, 2*math.Max(r.Predicted[1], 1), 1)
		label := []string{"before the stimulus", "with the stimulus"}[h]
		hist = append(hist, plot.Series{Kind: plot.Step, X: x, Y: n, Color: c, Label: label})
	}
	fig := plot.Figure{Width: 7, Panels: []plot.Panel{
		{Title: fmt.Sprintf("raster of excitatory neurons 0-%d", RasterN-1), XLabel: "time (ms)", YLabel: "neuron index (1)",
			Series: []plot.Series{plot.Raster(ms, r.I, "black", "")}, VLines: onset},
		{Title: "population rate (1 ms window)", XLabel: "time (ms)", YLabel: "rate (Hz)",
			Series: []plot.Series{{Kind: plot.Line, X: popMs, Y: r.PopRate, Color: "black"}}, VLines: onset,
			HLines: []plot.Ref{{At: r.Predicted[0], Color: "blue", Dashed: true}, {At: r.Predicted[1], Color: "red", Dashed: true}}},
		{Title: "rates of the neurons (dashed: mean field)", XLabel: "rate (Hz)", YLabel: "neurons (1)", Legend: true,
			Series: hist, VLines: []plot.Ref{{At: r.Predicted[0], Color: "blue", Dashed: true}, {At: r.Predicted[1], Color: "red", Dashed: true}}},
	}}
	return fig.Save(path)
}
