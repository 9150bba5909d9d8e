// Package vogels2011 is seed 000: inhibitory synaptic plasticity in a
// recurrent network (Vogels, Sprekeler, Zenke, Clopath and Gerstner,
// Science 2011), after the Brian2 example by F. Zenke. It mirrors the
// example line by line.
//
// 10,000 conductance-based leaky integrate-and-fire neurons (8,000
// excitatory, 2,000 inhibitory) with sparse random connections run for 1 s
// without plasticity, firing fast and synchronously; then inhibitory STDP
// on the inhibitory-to-excitatory synapses drives the network towards an
// asynchronous irregular state at the target rate rho0 = alpha/(2 tau_stdp)
// = 3 Hz, which it approaches within 10 s.
package vogels2011

import (
	"fmt"
	"github.com/cajal-sim/cajal/cluster"
	"math"
	"path/filepath"
	"time"

	"github.com/cajal-sim/cajal"
	"github.com/cajal-sim/cajal/examples/example"
	"github.com/cajal-sim/cajal/examples/internal/cputime"
	"github.com/cajal-sim/cajal/plot"
	"github.com/cajal-sim/cajal/unit"
)

// Config sets the size of a run.
type Config struct {
	NE       int     // excitatory cells; NI = NE/4
	Epsilon  float64 // sparseness of synaptic connections
	Before   unit.Quantity
	SimTime  unit.Quantity // total, including Before
	Seed     uint64
	Threads  int
	OutDir   string
	Progress example.Progress // progress of the runs; nil for none
	// Tier chooses interpreted or compiled kernels (cajal.Options.Tier).
	Tier cajal.Tier
	// Comm splits the network over processes (cajal.Options.Comm).
	Comm cluster.Comm
}

// Full is the seed's network.
var Full = Config{NE: 8000, Epsilon: 0.02, Before: unit.Q(1, unit.Second), SimTime: unit.Q(10, unit.Second), Seed: 1}

// Reduced keeps each neuron's number of inputs (epsilon*N = 200) with a
// quarter of the neurons, and runs 2 s of plasticity instead of 9.
var Reduced = Config{NE: 2000, Epsilon: 0.08, Before: unit.Q(1, unit.Second), SimTime: unit.Q(3, unit.Second), Seed: 1}

// The seed's parameters.
var (
	tauAmpa = unit.Q(5.0, unit.Millisecond)  // Glutamatergic synaptic time constant
	tauGaba = unit.Q(10.0, unit.Millisecond) // GABAergic synaptic time constant
	tauStdp = unit.Q(20, unit.Millisecond)   // STDP time constant

	gl        = unit.Q(10.0, unit.Nanosiemens) // Leak conductance
	el        = unit.Q(-60, unit.Millivolt)    // Resting potential
	er        = unit.Q(-80, unit.Millivolt)    // Inhibitory reversal potential
	vt        = unit.Q(-50., unit.Millivolt)   // Spiking threshold
	memc      = unit.Q(200.0, unit.Picofarad)  // Membrane capacitance
	bgcurrent = unit.Q(200, unit.Picoamp)      // External current
)

const eqsNeurons = `
dv/dt=(-gl*(v-el)-(g_ampa*v+g_gaba*(v-er))+bgcurrent)/memc : volt (unless refractory)
dg_ampa/dt = -g_ampa/tau_ampa : siemens
dg_gaba/dt = -g_gaba/tau_gaba : siemens
`

const eqsStdpInhib = `
w : 1
dA_pre/dt=-A_pre/tau_stdp : 1 (event-driven)
dA_post/dt=-A_post/tau_stdp : 1 (event-driven)
`

// Result holds the excitatory spikes and derived statistics.
type Result struct {
	Config     Config
	T          []float64 // spike times of Pe, seconds
	I          []int32   // spike indices within Pe
	Rates      []float64 // mean excitatory rate in each second, Hz
	CVBefore   float64   // mean CV of inter-spike intervals in the first second
	CVAfter    float64   // same over the last two seconds
	MeanWeight float64   // mean plastic weight at the end
	Events     int64     // synaptic events delivered
	Figure     string
	Data       []string // the monitors' data files (docs/data.md), if written
	// Wall is the wall-clock time of the two runs, without building the
	// network; CPU is the processor time the process used meanwhile.
	Wall, CPU time.Duration
	// Native of Programs ran compiled kernels (tier 1) at the end.
	Native, Programs int
	// Stats are the network's size and the loop's cost, for benchmarks.
	Stats cajal.Stats
}

// Run builds and runs the network.
func Run(cfg Config) (*Result, error) {
	NE := cfg.NE
	NI := NE / 4
	alpha := 3 * 2 * tauStdp.Value // Target rate parameter: 3*Hz*tau_stdp*2
	const gmax = 100               // Maximum inhibitory weight
	ns := cajal.Namespace{
		"tau_ampa": tauAmpa, "tau_gaba": tauGaba, "tau_stdp": tauStdp, "gl": gl, "el": el, "er": er,
		"vt": vt, "memc": memc, "bgcurrent": bgcurrent, "alpha": alpha, "gmax": gmax, "eta": 0.0,
	}
	net, err := cajal.NewNetwork(cajal.Options{Progress: cfg.Progress.Network(), Seed: cfg.Seed, Threads: cfg.Threads, Tier: cfg.Tier,
		RecordDir: dataDir(cfg.OutDir), Comm: cfg.Comm})
	if err != nil {
		return nil, err
	}
	// Initialize neuron group
	neurons, err := net.NeuronGroup(cajal.Neurons{Name: "neurons", N: NE + NI, Model: eqsNeurons,
		Threshold: "v > vt", Reset: "v=el", Refractory: unit.Q(5, unit.Millisecond), Method: "euler", Namespace: ns})
	if err != nil {
		return nil, err
	}
	Pe, _ := neurons.Slice(0, NE)
	Pi, _ := neurons.Slice(NE, NE+NI)
	// Connecting the network
	conE, err := net.Synapses(cajal.Synapses{Name: "con_e", Source: Pe, Target: neurons, OnPre: "g_ampa += 0.3*nS"})
	if err != nil {
		return nil, err
	}
	if err := conE.Connect(cajal.P(cfg.Epsilon)); err != nil {
		return nil, err
	}
	conII, err := net.Synapses(cajal.Synapses{Name: "con_ii", Source: Pi, Target: Pi, OnPre: "g_gaba += 3*nS"})
	if err != nil {
		return nil, err
	}
	if err := conII.Connect(cajal.P(cfg.Epsilon)); err != nil {
		return nil, err
	}
	// Inhibitory Plasticity
	conIE, err := net.Synapses(cajal.Synapses{Name: "con_ie", Source: Pi, Target: Pe, Model: eqsStdpInhib,
		OnPre: `A_pre += 1.
w = clip(w+(A_post-alpha)*eta, 0, gmax)
g_gaba += w*nS`,
		OnPost: `A_post += 1.
w = clip(w+A_pre*eta, 0, gmax)
`, Namespace: ns})
	if err != nil {
		return nil, err
	}
	if err := conIE.Connect(cajal.P(cfg.Epsilon)); err != nil {
		return nil, err
	}
	if err := conIE.Set("w", 1e-10); err != nil {
		return nil, err
	}
	// Setting up monitors
	sm, err := net.SpikeMonitor(Pe)
	if err != nil {
		return nil, err
	}
	// Run without plasticity
	ns["eta"] = 0.0 // Learning rate
	start, cpu0 := time.Now(), cputime.Process()
	if err := net.Run(cfg.Before); err != nil {
		return nil, err
	}
	// Run with plasticity
	ns["eta"] = 1e-2 // Learning rate
	rest := unit.Q(cfg.SimTime.Value-cfg.Before.Value, unit.Second)
	if err := net.Run(rest); err != nil {
		return nil, err
	}
	wall, cpu := time.Since(start), cputime.Process()-cpu0
	if err := net.Close(); err != nil {
		return nil, err
	}
	res := &Result{Config: cfg, T: sm.T(), I: sm.I(), Data: net.Files(), Wall: wall, CPU: cpu}
	res.Native, res.Programs = net.Programs()
	res.Stats = net.Stats()
	secs := int(math.Round(cfg.SimTime.Value))
	counts := make([]float64, secs)
	for _, t := range res.T {
		if k := int(t); k < secs {
			counts[k]++
		}
	}
	for _, c := range counts {
		res.Rates = append(res.Rates, c/float64(NE))
	}
	res.CVBefore = meanCV(res.T, res.I, NE, 0, cfg.Before.Value)
	res.CVAfter = meanCV(res.T, res.I, NE, cfg.SimTime.Value-2, cfg.SimTime.Value)
	w, _ := conIE.Get("w")
	for _, x := range w {
		res.MeanWeight += x / float64(len(w))
	}
	for _, s := range []*cajal.SynapseGroup{conE, conII, conIE} {
		pre, post := s.Events()
		res.Events += pre + post
	}
	if cfg.OutDir != "" {
		res.Figure = filepath.Join(cfg.OutDir, "vogels2011.png")
		if err := res.Draw(res.Figure); err != nil {
			return nil, err
		}
	}
	return res, nil
}

// meanCV is the mean over neurons with at least three spikes in [from,
// to) of the coefficient of variation of their inter-spike intervals.
func meanCV(ts []float64, is []int32, n int, from, to float64) float64 {
	last := make([]float64, n)
	for i := range last {
		last[i] = math.NaN()
	}
	s1 := make([]float64, n)
	s2 := make([]float64, n)
	c := make([]int, n)
	for k, t := range ts {
		if t < from || t >= to {
			continue
		}
		i := is[k]
		if !math.IsNaN(last[i]) {
			d := t - last[i]
			s1[i] += d
			s2[i] += d * d
			c[i]++
		}
		last[i] = t
	}
	sum, m := 0.0, 0
	for i := range c {
		if c[i] < 2 {
			continue
		}
		mean := s1[i] / float64(c[i])
		v := s2[i]/float64(c[i]) - mean*mean
		sum += math.Sqrt(math.Max(v, 0)) / mean
		m++
	}
	if m == 0 {
		return math.NaN()
	}
	return sum / float64(m)
}

// Draw writes the seed's figure: the raster of the excitatory neurons
// before (0.8-1 s) and after (the last 0.2 s).
func (r *Result) Draw(path string) error {
	ms := make([]float64, len(r.T))
	for k, t := range r.T {
		ms[k] = t * 1e3
	}
	end := r.Config.SimTime.Value * 1e3
	before := r.Config.Before.Value * 1e3
	panel := func(title, xlabel string, lo, hi float64) plot.Panel {
		return plot.Panel{Title: title, XLabel: xlabel, HideYTicks: true, XMin: plot.F(lo), XMax: plot.F(hi),
			Series: []plot.Series{clipRaster(ms, r.I, lo, hi)}}
	}
	fig := plot.Figure{Width: 8, Height: 6, Panels: []plot.Panel{
		panel("Before", "", 0.8*before, before),
		panel("After", "time (ms)", end-200, end),
	}}
	return fig.Save(path)
}

// clipRaster keeps the spikes in [lo, hi) ms.
func clipRaster(ms []float64, is []int32, lo, hi float64) plot.Series {
	var t []float64
	var i []int32
	for k, x := range ms {
		if x >= lo && x < hi {
			t = append(t, x)
			i = append(i, is[k])
		}
	}
	s := plot.Raster(t, i, "black", "")
	s.Size = 0.6
	return s
}

// Summary reports the statistics the issue compares.
func (r *Result) Summary() string {
	rates := ""
	for _, x := range r.Rates {
		rates += fmt.Sprintf(" %.1f", x)
	}
	return fmt.Sprintf("Vogels et al. 2011, %d neurons: excitatory rate per second (Hz):%s; CV of ISIs %.2f in the first second, %.2f over the last two; mean plastic weight %.2f; %d synaptic events",
		r.Config.NE*5/4, rates, r.CVBefore, r.CVAfter, r.MeanWeight, r.Events)
}

// Check compares a full-size run with the stored references
// (testdata/reference.toml): the rate of seconds 1, 2, 3 and 10, the rate
// falling each second once plasticity is on (seconds 2-10), the CV of the
// ISIs before and after, and the mean plastic weight, each beside its
// reference with the band accepted.
func (r *Result) Check() example.Report {
	refs, err := References()
	c := example.NewChecker(refs, err)
	if n := len(r.Rates); n != 10 || r.Config.NE != Full.NE {
		c.Report.Fail("run size", fmt.Errorf("%d neurons for %d s; the references are of %d neurons for 10 s", r.Config.NE*5/4, n, Full.NE*5/4))
		return c.Report
	}
	c.Value("rate_s1", r.Rates[0])
	c.Value("rate_s2", r.Rates[1])
	c.Value("rate_s3", r.Rates[2])
	c.Value("max_rise", r.MaxRise())
	c.Value("rate_last", r.Rates[len(r.Rates)-1])
	c.Value("cv_before", r.CVBefore)
	c.Value("cv_after", r.CVAfter)
	c.Value("mean_weight", r.MeanWeight)
	return c.Report
}

// MaxRise is the largest rise of the rate from one second to the next
// once plasticity is on (from the second second), in percent; negative
// when the rate falls every second.
func (r *Result) MaxRise() float64 {
	rise := math.Inf(-1)
	for k := 2; k < len(r.Rates); k++ {
		rise = math.Max(rise, 100*(r.Rates[k]/r.Rates[k-1]-1))
	}
	return rise
}

// dataDir is the folder of the monitors' data files: beside the figures,
// or none.
func dataDir(outDir string) string {
	if outDir == "" {
		return ""
	}
	return filepath.Join(outDir, "vogels2011_data")
}
