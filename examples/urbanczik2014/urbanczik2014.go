// Package urbanczik2014 is seed 004: NEST's example of the Urbanczik-Senn
// plasticity rule (Urbanczik and Senn, Neuron 81, 2014, Fig. 1B). A neuron
// with a somatic and a dendritic compartment receives a 200 ms pattern of
// 200 Poisson spike trains on its dendrite, repeated 100 times, while
// time-varying somatic conductances impose a matching potential U_M. The
// dendritic synapses learn so that the dendritic prediction V_w* of the
// somatic potential reproduces U_M. The program mirrors the NEST script.
package urbanczik2014

import (
	"fmt"
	"math"
	"path/filepath"

	"github.com/cajal-sim/cajal"
	"github.com/cajal-sim/cajal/examples/example"
	"github.com/cajal-sim/cajal/models"
	"github.com/cajal-sim/cajal/plot"
	"github.com/cajal-sim/cajal/unit"
)

// Config sets the size of a run.
type Config struct {
	PatternReps int // repetitions of the pattern while the teacher is on
	Seed        uint64
	OutDir      string
	Progress    example.Progress // progress of the runs; nil for none
}

// Full is the seed's run: 100 learning repetitions, 20.8 s.
var Full = Config{PatternReps: 100, Seed: 1}

// Reduced learns for 20 repetitions (4.8 s).
var Reduced = Config{PatternReps: 20, Seed: 1}

const (
	patternDuration = 200.0 // ms
	resolution      = 0.1   // ms
	nPG             = 200   // poisson generators
	pRate           = 10.0  // Hz
	nestDelay       = 1.0   // ms: NEST's default delay, generator to parrot
)

// Result holds the recordings and the statistics the check uses.
type Result struct {
	Config                        Config
	T                             []float64 // multimeter times, ms
	Vs, Vd, VwStar, UM, GEx, GIn  []float64 // mV, nS
	IEx, IIn                      []float64 // pA
	Spikes                        []float64 // somatic spike times, ms
	Diff                          []float64 // mean |V_w* - U_M| per learning repetition, mV
	WeightT                       []float64 // weight recorder: times (ms)
	WeightSender                  []int32
	Weight                        []float64 // pA
	MeanWeight0, MeanWeight, StdW float64   // pA
	TStart, TEnd, SimTime         float64   // ms
	Figures                       []string
	Data                          []string // the monitors' data files (docs/data.md), if written
}

// Run simulates the seed.
func Run(cfg Config) (*Result, error) {
	tStart := 2.0 * patternDuration
	tEnd := float64(cfg.PatternReps)*patternDuration + tStart
	simTime := tEnd + 2.0*patternDuration
	ms := unit.Millisecond

	// The spike pattern: record 200 Poisson generators (through parrots)
	// for one pattern duration.
	pnet, err := cajal.NewNetwork(cajal.Options{Progress: cfg.Progress.Network(), Dt: unit.Q(resolution, ms), Seed: cfg.Seed, RecordDir: dataDir(cfg.OutDir, "pattern")})
	if err != nil {
		return nil, err
	}
	pgs, err := pnet.PoissonGroup(cajal.Poisson{Name: "poisson_generator", N: nPG, Rates: unit.Q(pRate, unit.Hertz)})
	if err != nil {
		return nil, err
	}
	prrtPG, err := pnet.ParrotGroup("parrot_neuron", pgs)
	if err != nil {
		return nil, err
	}
	sr, err := pnet.SpikeMonitor(prrtPG)
	if err != nil {
		return nil, err
	}
	if err := pnet.Run(unit.Q(patternDuration, ms)); err != nil {
		return nil, err
	}
	if err := pnet.Close(); err != nil {
		return nil, err
	}

	// Neuron and devices. The seed's neuron parameters are NEST's
	// defaults, which the library model carries.
	net, err := cajal.NewNetwork(cajal.Options{Progress: cfg.Progress.Network(), Dt: unit.Q(resolution, ms), Seed: cfg.Seed + 1, RecordDir: dataDir(cfg.OutDir, "neuron")})
	if err != nil {
		return nil, err
	}
	nrnModel, _ := models.LookupNeuron("pp_cond_exp_mc_urbanczik")
	nrn, err := nrnModel.Group(net, "", 1)
	if err != nil {
		return nil, err
	}

	// Somatic input: a spike every 0.1 ms whose weight is the conductance
	// g(t) (nS); NEST connects it with weight 10*resolution and a delay of
	// one step, which shifts the generator's times here.
	var times []unit.Quantity
	var wExc, wInh []float64
	const amplExc, offset, amplInh = 0.016 * 300, 0.018 * 300, 0.06 * 300
	freq := 2.0 / patternDuration
	for k := 1; float64(k)*resolution < simTime; k++ {
		t := float64(k) * resolution
		times = append(times, unit.Q(t+resolution, ms))
		ge, gi := 0.0, 0.0
		if t >= tStart && t < tEnd {
			ge = amplExc*math.Sin(2*math.Pi*freq*t) + offset
			gi = amplInh
		}
		wExc = append(wExc, ge)
		wInh = append(wInh, gi)
	}
	idx := make([]int, len(times))
	sgSomaExc, err := net.SpikeGeneratorGroup(cajal.SpikeGenerator{Name: "sg_soma_exc", N: 1, Indices: idx, Times: times, Weights: wExc})
	if err != nil {
		return nil, err
	}
	sgSomaInh, err := net.SpikeGeneratorGroup(cajal.SpikeGenerator{Name: "sg_soma_inh", N: 1, Indices: idx, Times: times, Weights: wInh})
	if err != nil {
		return nil, err
	}

	// Dendritic input: the pattern, repeated every pattern duration, reaches
	// parrots after NEST's default delay of 1 ms.
	var pIdx []int
	var pTimes []unit.Quantity
	for k, t := range sr.T() {
		pIdx = append(pIdx, int(sr.I()[k]))
		pTimes = append(pTimes, unit.Q(math.Mod(t*1e3+nestDelay, patternDuration), ms))
	}
	sgProx, err := net.SpikeGeneratorGroup(cajal.SpikeGenerator{Name: "sg_prox", N: nPG, Indices: pIdx, Times: pTimes,
		Period: unit.Q(patternDuration, ms)})
	if err != nil {
		return nil, err
	}
	prrtNrns, err := net.ParrotGroup("parrot_neuron", sgProx)
	if err != nil {
		return nil, err
	}

	// Recording devices.
	mm, err := net.StateMonitor(nrn, []string{"V_s", "V_d", "g_ex", "g_in", "I_ex", "I_in"}, nil, unit.Q(resolution, ms))
	if err != nil {
		return nil, err
	}
	srSoma, err := net.SpikeMonitor(nrn)
	if err != nil {
		return nil, err
	}

	// Connections: the parrots reach the dendrite through Urbanczik
	// synapses (weights in pA, as NEST's).
	const C = 300.0 // pF, dendritic capacitance
	synModel, _ := models.LookupSynapse("urbanczik")
	synModel = synModel.With(cajal.Namespace{
		"tau_Delta": unit.Q(100, ms), "eta": unit.Q(0.17, unit.Picoamp.Mul(unit.Millivolt).Div(ms)),
		"Wmax": 4.5 * C,
	})
	urb, err := synModel.Connect(net, "urbanczik_synapse", prrtNrns, nrn, nrnModel.Receptors["dendritic_exc"])
	if err != nil {
		return nil, err
	}
	const initW = 0.3 * C
	for _, v := range []string{"w", "w0"} {
		if err := urb.Set(v, initW); err != nil {
			return nil, err
		}
	}
	wr, err := urb.WeightRecorder("w", "pre")
	if err != nil {
		return nil, err
	}
	for _, c := range []struct {
		src    *cajal.NeuronGroup
		target string
	}{{sgSomaExc, "g_ex"}, {sgSomaInh, "g_in"}} {
		s, err := net.Synapses(cajal.Synapses{Name: c.target + "_input", Source: c.src, Target: nrn,
			OnPre: c.target + " += 10*resolution*weight_pre*nS", Namespace: cajal.Namespace{"resolution": resolution}})
		if err != nil {
			return nil, err
		}
		if err := s.Connect(); err != nil {
			return nil, err
		}
	}

	if err := net.Run(unit.Q(simTime, ms)); err != nil {
		return nil, err
	}
	if err := net.Close(); err != nil {
		return nil, err
	}

	res := &Result{Config: cfg, TStart: tStart, TEnd: tEnd, SimTime: simTime, Data: append(pnet.Files(), net.Files()...)}
	trace := func(name string, scale float64) []float64 {
		v, _ := mm.Values(name)
		out := make([]float64, len(v[0]))
		for k, x := range v[0] {
			out[k] = x * scale
		}
		return out
	}
	for _, t := range mm.T() {
		res.T = append(res.T, t*1e3)
	}
	res.Vs, res.Vd = trace("V_s", 1e3), trace("V_d", 1e3)
	res.GEx, res.GIn = trace("g_ex", 1e9), trace("g_in", 1e9)
	res.IEx, res.IIn = trace("I_ex", 1e12), trace("I_in", 1e12)
	gD, gL, EL, EE, EI := 600.0, 30.0, -70.0, 0.0, -75.0
	for k := range res.T {
		res.VwStar = append(res.VwStar, (gL*EL+gD*res.Vd[k])/(gL+gD))
		res.UM = append(res.UM, (res.GEx[k]*EE+res.GIn[k]*EI)/(res.GEx[k]+res.GIn[k]))
	}
	for _, t := range srSoma.T() {
		res.Spikes = append(res.Spikes, t*1e3)
	}
	for rep := 0; rep < cfg.PatternReps; rep++ {
		lo, hi := tStart+float64(rep)*patternDuration, tStart+float64(rep+1)*patternDuration
		sum, n := 0.0, 0
		for k, t := range res.T {
			if t >= lo && t < hi && !math.IsNaN(res.UM[k]) {
				sum += math.Abs(res.VwStar[k] - res.UM[k])
				n++
			}
		}
		res.Diff = append(res.Diff, sum/float64(n))
	}
	for k, t := range wr.Times() {
		res.WeightT = append(res.WeightT, t*1e3)
		res.Weight = append(res.Weight, wr.Values()[k])
	}
	res.WeightSender = wr.Senders()
	w, _ := urb.Get("w")
	res.MeanWeight0 = initW
	for _, x := range w {
		res.MeanWeight += x / float64(len(w))
	}
	for _, x := range w {
		d := x - res.MeanWeight
		res.StdW += d * d / float64(len(w))
	}
	res.StdW = math.Sqrt(res.StdW)
	if cfg.OutDir != "" {
		if err := res.Draw(cfg.OutDir); err != nil {
			return nil, err
		}
	}
	return res, nil
}

// lastTen is the mean difference over the last ten learning repetitions
// (or the last half, for shorter runs).
func (r *Result) lastTen() float64 {
	n := min(10, len(r.Diff)/2)
	s := 0.0
	for _, d := range r.Diff[len(r.Diff)-n:] {
		s += d
	}
	return s / float64(n)
}

// Summary reports the statistics the issue compares with NEST.
func (r *Result) Summary() string {
	return fmt.Sprintf("Urbanczik & Senn 2014, %d learning repetitions: mean |V_w* - U_M| %.2f mV in the first, %.2f mV over the last ten (%.0f %% less); %d somatic spikes in %.1f s; mean weight %.0f -> %.1f pA (std %.1f)",
		len(r.Diff), r.Diff[0], r.lastTen(), 100*(1-r.lastTen()/r.Diff[0]), len(r.Spikes), r.SimTime/1e3, r.MeanWeight0, r.MeanWeight, r.StdW)
}

// Check compares a full-size run with NEST's run of the seed
// (testdata/reference.toml): the mean |V_w* - U_M| in the first learning
// repetition and over the last ten, its fall, the somatic spike count and
// the final mean weight. The bands are NEST's single values give or take
// the spread of two independent draws of the spike pattern; the file says
// why the first repetition differs from NEST's (7.25 mV; 8.05 mV here with
// seed 1): the pattern is drawn by each simulator's random numbers, and
// before learning the difference follows the pattern.
func (r *Result) Check() example.Report {
	refs, err := References()
	c := example.NewChecker(refs, err)
	if r.Config.PatternReps != Full.PatternReps {
		c.Report.Fail("run size", fmt.Errorf("%d learning repetitions; the references are of %d", r.Config.PatternReps, Full.PatternReps))
		return c.Report
	}
	c.Value("diff_first", r.Diff[0])
	c.Value("diff_last", r.lastTen())
	c.Value("fall", 100*(1-r.lastTen()/r.Diff[0]))
	c.Value("spikes", float64(len(r.Spikes)))
	c.Value("mean_weight", r.MeanWeight)
	return c.Report
}

// Draw writes the seed's two figures and the first and last learning
// repetitions side by side.
func (r *Result) Draw(dir string) error {
	zeros := make([]float64, len(r.Spikes))
	phi := func(u float64) float64 { return 0.15 / (1 + 0.5*math.Exp((-55-u)/3)) }
	h := func(u float64) float64 { return 15.0 / 3 / (1 + math.Exp(-(-55-u)/3)/0.5) }
	apply := func(f func(float64) float64, xs []float64) []float64 {
		out := make([]float64, len(xs))
		for k, x := range xs {
			out[k] = f(x)
		}
		return out
	}
	phiU, phiVd, phiVw, hVw := apply(phi, r.Vs), apply(phi, r.Vd), apply(phi, r.VwStar), apply(h, r.VwStar)
	errs := make([]float64, len(phiU))
	for k := range errs {
		errs[k] = phiU[k] - phiVw[k]
	}
	fig1 := plot.Figure{Width: 12, Height: 12, Panels: []plot.Panel{
		{YLabel: "membrane potential [mV]", Legend: true, Series: []plot.Series{
			{X: r.T, Y: r.Vs, Label: "U (soma)", Color: "darkblue"},
			{X: r.T, Y: r.Vd, Label: "V_W (dendrite)", Color: "deepskyblue"},
			{X: r.T, Y: r.VwStar, Label: "V_W* (dendrite)", Color: "blue", Dashed: true},
			{X: r.T, Y: r.UM, Label: "U_M (soma)", Color: "red"},
		}},
		{YLabel: "somatic conductance [nS]", Legend: true, Series: []plot.Series{
			{X: r.T, Y: r.GIn, Label: "g_I", Color: "red"},
			{X: r.T, Y: r.GEx, Label: "g_E", Color: "coral"},
		}},
		{YLabel: "dendritic current [pA]", Legend: true, Series: []plot.Series{
			{X: r.T, Y: r.IEx, Label: "I_ex", Color: "red"},
			{X: r.T, Y: r.IIn, Label: "I_in", Color: "coral"},
		}},
		{XLabel: "time [ms]", YLabel: "rate phi [1/ms], h [1/mV]", Legend: true, Series: []plot.Series{
			{X: r.T, Y: phiU, Label: "phi(U)", Color: "darkblue"},
			{X: r.T, Y: phiVd, Label: "phi(V_W)", Color: "deepskyblue"},
			{X: r.T, Y: phiVw, Label: "phi(V_W*)", Color: "blue", Dashed: true},
			{X: r.T, Y: hVw, Label: "h(V_W*)", Color: "green", Dashed: true},
			{X: r.T, Y: errs, Label: "phi(U) - phi(V_W*)", Color: "red"},
			{Kind: plot.Markers, X: r.Spikes, Y: zeros, Square: true, Color: "black", Size: 2},
		}},
	}}
	var weights []plot.Series
	for i := 0; i < nPG; i += 10 {
		var t, w []float64
		for k, s := range r.WeightSender {
			if int(s) == i {
				t = append(t, r.WeightT[k])
				w = append(w, r.Weight[k])
			}
		}
		weights = append(weights, plot.Series{Kind: plot.Step, X: t, Y: w, Label: fmt.Sprintf("pg_%d", i)})
	}
	fig2 := plot.Figure{Width: 10, Height: 6, Panels: []plot.Panel{{Title: "Synaptic weights of Urbanczik synapses",
		XLabel: "time [ms]", YLabel: "weight [pA]", Legend: true, Series: weights}}}
	rep := func(k int, title string) plot.Panel {
		lo := r.TStart + float64(k)*patternDuration
		var t, um, vw, u, sp []float64
		for i, x := range r.T {
			if x >= lo && x < lo+patternDuration {
				t = append(t, x-lo)
				um = append(um, r.UM[i])
				vw = append(vw, r.VwStar[i])
				u = append(u, r.Vs[i])
			}
		}
		for _, s := range r.Spikes {
			if s >= lo && s < lo+patternDuration {
				sp = append(sp, s-lo)
			}
		}
		marks := make([]float64, len(sp))
		for i := range marks {
			marks[i] = -76
		}
		return plot.Panel{Title: title, XLabel: "time in the pattern [ms]", YLabel: "potential [mV]", Legend: true,
			YMin: plot.F(-78), YMax: plot.F(-40), Series: []plot.Series{
				{X: t, Y: um, Label: "U_M", Color: "red"},
				{X: t, Y: vw, Label: "V_W*", Color: "blue", Dashed: true},
				{X: t, Y: u, Label: "U", Color: "darkblue", Width: 0.5},
				{Kind: plot.Markers, X: sp, Y: marks, Square: true, Color: "black", Size: 2, Label: "somatic spikes"},
			}}
	}
	fig3 := plot.Figure{Width: 8, Height: 8, Panels: []plot.Panel{
		rep(0, fmt.Sprintf("first learning repetition: mean |V_W* - U_M| = %.2f mV", r.Diff[0])),
		rep(len(r.Diff)-1, fmt.Sprintf("last learning repetition: mean |V_W* - U_M| = %.2f mV", r.Diff[len(r.Diff)-1])),
	}}
	for k, f := range []plot.Figure{fig1, fig2, fig3} {
		path := filepath.Join(dir, fmt.Sprintf("urbanczik2014_fig%d.png", k+1))
		if err := f.Save(path); err != nil {
			return err
		}
		r.Figures = append(r.Figures, path)
	}
	return nil
}

// dataDir is the folder of a network's data files: beside the figures,
// or none.
func dataDir(outDir, network string) string {
	if outDir == "" {
		return ""
	}
	return filepath.Join(outDir, "urbanczik2014_data", network)
}
