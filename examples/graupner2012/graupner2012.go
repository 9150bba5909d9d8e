// Package graupner2012 is the calcium-based synaptic plasticity model of
// Graupner and Brunel (2012), Fig. 2C, panel DP: the change in synaptic
// strength after 60 pre-post pairings at 1 Hz as a function of the time
// difference between the pre- and postsynaptic spikes. It mirrors Brian2's
// example frompapers/Graupner_Brunel_2012 (Sebastian Schmitt, 2022) line by
// line.
//
//	Graupner M, Brunel N (2012) Calcium-based plasticity model explains
//	sensitivity of synaptic changes to spike pattern, rate, and dendritic
//	location. PNAS 109(10):3991-3996. doi:10.1073/pnas.1109359109
//	(noise term as corrected in doi:10.1073/pnas.1220044110)
//
// Each synapse has a calcium trace c, which jumps by C_pre a delay D after
// a presynaptic spike and by C_post at a postsynaptic spike and decays with
// tau_Ca, and an efficacy rho with two stable states (0 and 1): above the
// depression threshold theta_d calcium pulls rho down, above the
// potentiation threshold theta_p it pushes rho up, and noise is active
// while either threshold is crossed. For each time difference one network
// holds 2*Repetitions synapses from one presynaptic neuron G to as many
// postsynaptic neurons H, half starting DOWN (rho = 0), half UP (rho = 1);
// G fires at 100 ms and H at point_index*STDP_DT_STEP, each then once a
// second (refractory period 1 s). The fractions that switch, U (DOWN to UP)
// and D (UP to DOWN), give the change in synaptic strength
//
//	((1-U)*beta + D*(1-beta) + b*(U*beta + (1-D)*(1-beta))) / (beta + (1-beta)*b)
//
// with beta = 0.5 DOWN synapses initially and an UP/DOWN weight ratio b = 5,
// which is 1 + (2/3)*(U - D).
package graupner2012

import (
	"errors"
	"fmt"
	"github.com/cajal-sim/cajal/cluster"
	"io"
	"math"
	"path/filepath"
	"runtime"
	"sort"
	"sync"
	"time"

	"github.com/cajal-sim/cajal"
	"github.com/cajal-sim/cajal/examples/example"
	"github.com/cajal-sim/cajal/plot"
	"github.com/cajal-sim/cajal/unit"
)

// Config sets the size of the run.
type Config struct {
	NPoints     int           // POINTS: number of time differences, from -DtMax to +DtMax
	DtMax       unit.Quantity // STDP_DT_MAX: largest time difference
	Repetitions int           // REPETITIONS: synapses per initial state (2*Repetitions per point)
	Duration    unit.Quantity // simulated time of each point
	Dt          unit.Quantity // time step
	// Points are the indices (0 to NPoints-1) of the time differences to
	// run; nil runs all of them. Index(dt) finds a time difference's index.
	Points   []int
	Workers  int              // points simulated at once, one network each; 0: all processors
	Seed     uint64           // point p uses the network seed Seed*NPoints + p
	OutDir   string           // where the figure goes; empty for none
	Progress example.Progress // progress of the runs; nil for none
	Log      io.Writer
	// Tier chooses interpreted or compiled kernels (cajal.Options.Tier).
	Tier cajal.Tier
}

// Full is the published run: 41 time differences from -100 to +100 ms,
// 1000 repetitions per initial state, 60 s (60 pairings at 1 Hz) at
// Brian2's default time step of 0.1 ms.
var Full = Config{
	NPoints: 41, DtMax: unit.Q(100, unit.Millisecond), Repetitions: 1000,
	Duration: unit.Q(60, unit.Second), Dt: unit.Q(0.1, unit.Millisecond), Seed: 1,
}

// Reduced is the run of the tests and of `cajal run graupner2012 --quick`:
// the three points that carry the curve's shape (the depression minimum at
// -25 ms, the crossing near 0 ms and the potentiation maximum at +5 ms)
// with 40 repetitions per initial state, still 60 pairings over 60 s at
// dt = 0.1 ms; the three networks run at once (on two cores the Go
// scheduler shares them out evenly). See the test for its expectations.
var Reduced = func() Config {
	c := Full
	c.Repetitions = 40
	c.Points = []int{c.Index(-25), c.Index(0), c.Index(5)}
	c.Workers = 3
	return c
}()

// step is STDP_DT_STEP in seconds.
func (c Config) step() float64 { return 2 * c.DtMax.Value / float64(c.NPoints-1) }

// Index is the index of the point whose time difference is closest to dt
// milliseconds.
func (c Config) Index(dtMs float64) int {
	k := int(math.Round((dtMs*1e-3 + c.DtMax.Value) / c.step()))
	return min(max(k, 0), c.NPoints-1)
}

// TimeDifference is the time difference of point k in seconds:
// point_index*STDP_DT_STEP - STDP_DT_MAX.
func (c Config) TimeDifference(k int) float64 { return float64(k)*c.step() - c.DtMax.Value }

// The synapse model, as in the seed.
const synapsesEqs = `
tau : second (constant, shared)
rho_star : 1 (constant, shared)
gamma_p : 1 (constant, shared)
theta_p : 1 (constant, shared)
gamma_d : 1 (constant, shared)
theta_d : 1 (constant, shared)
drho/dt = (-rho*(1-rho)*(rho_star-rho) + gamma_p*(1-rho)*int((c - theta_p) > 0) - gamma_d*rho*int((c-theta_d) > 0) + sigma*sqrt(tau)*sqrt(int((c-theta_d) > 0) + int((c-theta_p) > 0))*xi ) / tau : 1 (clock-driven)
dc/dt = -c/tau_Ca : 1 (clock-driven)
tau_Ca : second (constant, shared)
sigma : 1 (constant, shared)
`

// The parameters, as in the seed.
var (
	namespace = cajal.Namespace{"C_pre": 1.0, "C_post": 2.0}
	delayD    = unit.Q(13.7, unit.Millisecond)
	params    = []struct {
		name  string
		value any
	}{
		{"tau_Ca", unit.Q(20, unit.Millisecond)},
		{"theta_d", 1.0},
		{"theta_p", 1.3},
		{"gamma_d", 200.0},
		{"gamma_p", 321.808},
		{"sigma", 2.8284},
		{"tau", unit.Q(150, unit.Second)},
		{"rho_star", 0.5},
	}
)

// Analysis constants of the seed.
const (
	beta = 0.5 // initial fraction of synapses in the DOWN state
	b    = 5.0 // ratio of UP and DOWN state weights (w1/w0)
)

// point is the outcome of one network.
type point struct {
	rho, rhoInitial  []float64
	elapsed          time.Duration
	native, programs int // programs run compiled, of all
}

// runSim runs the simulation for one time difference (the seed's run_sim).
func runSim(cfg Config, pointIndex int) (*point, error) {
	net, err := cajal.NewNetwork(cajal.Options{Progress: cfg.Progress.Network(), Dt: cfg.Dt, Threads: 1, Seed: cfg.Seed*uint64(cfg.NPoints) + uint64(pointIndex),
		Tier: cfg.Tier})
	if err != nil {
		return nil, err
	}
	// G spikes at fixed times starting from STDP_DT_MAX; H spikes shifted
	// according to point_index and has 2*REPETITIONS neurons (both
	// initial states, DOWN and UP).
	G, err := net.NeuronGroup(cajal.Neurons{Name: "G", N: 1, Model: "",
		Threshold: fmt.Sprintf("t>%.17g*ms", cfg.DtMax.Value*1e3), Refractory: unit.Q(1, unit.Second)})
	if err != nil {
		return nil, err
	}
	H, err := net.NeuronGroup(cajal.Neurons{Name: "H", N: cfg.Repetitions * 2, Model: "tspike:second",
		Threshold: "t>tspike", Refractory: unit.Q(1, unit.Second)})
	if err != nil {
		return nil, err
	}
	if err := H.Set("tspike", unit.Q(float64(pointIndex)*cfg.step(), unit.Second)); err != nil {
		return nil, err
	}
	synapses, err := net.Synapses(cajal.Synapses{Name: "synapses", Source: G, Target: H,
		Model: synapsesEqs, OnPre: "c += C_pre", OnPost: "c += C_post",
		Delay: delayD, Method: "heun", Namespace: namespace})
	if err != nil {
		return nil, err
	}
	if err := synapses.Connect(); err != nil {
		return nil, err
	}
	for _, p := range params {
		if err := synapses.Set(p.name, p.value); err != nil {
			return nil, err
		}
	}
	// Start with equal numbers of synapses in the DOWN and UP states
	// (must match beta in the analysis).
	rhoInitial := make([]float64, 2*cfg.Repetitions)
	for k := cfg.Repetitions; k < len(rhoInitial); k++ {
		rhoInitial[k] = 1
	}
	if err := synapses.Set("rho", rhoInitial); err != nil {
		return nil, err
	}
	start := time.Now()
	if err := net.Run(cfg.Duration); err != nil {
		return nil, err
	}
	elapsed := time.Since(start)
	if cfg.Log != nil {
		fmt.Fprintf(cfg.Log, "time difference %.0f ms is done (%s)\n", cfg.TimeDifference(pointIndex)*1e3, elapsed.Round(time.Millisecond))
	}
	rho, err := synapses.Get("rho")
	if err != nil {
		return nil, err
	}
	native, programs := net.Programs()
	return &point{rho: rho, rhoInitial: rhoInitial, elapsed: elapsed, native: native, programs: programs}, nil
}

// Result is the change in synaptic strength at each time difference run.
type Result struct {
	Cfg    Config
	Index  []int     // point indices
	DtMs   []float64 // time differences in ms
	U, D   []float64 // switching probabilities DOWN->UP and UP->DOWN
	Change []float64 // change in synaptic strength (after/before)
	// NetTime is the summed run time of the networks (each on one
	// thread; it counts time a network waited for a core when Workers
	// exceeds the free cores); Wall the time of the whole parallel run.
	NetTime, Wall time.Duration
	Workers       int     // networks run at once
	SynapseSteps  float64 // synapses times steps, over all points
	Figure        string
}

// NsPerSynapseStep is the networks' run time per synapse and time step;
// it is the single-thread cost when the workers had a core each.
func (r *Result) NsPerSynapseStep() float64 { return float64(r.NetTime.Nanoseconds()) / r.SynapseSteps }

// ChangeInStrength is the seed's formula for switching probabilities U and D.
func ChangeInStrength(U, D float64) float64 {
	return ((1-U)*beta + D*(1-beta) + b*(U*beta+(1-D)*(1-beta))) / (beta + (1-beta)*b)
}

// Run simulates the points, in parallel across Workers, analyses them and
// draws the figure.
func Run(cfg Config) (*Result, error) {
	if cfg.NPoints < 2 || cfg.Repetitions < 1 {
		return nil, fmt.Errorf("graupner2012: need at least 2 points and 1 repetition, got %d and %d", cfg.NPoints, cfg.Repetitions)
	}
	idx := cfg.Points
	if idx == nil {
		for k := 0; k < cfg.NPoints; k++ {
			idx = append(idx, k)
		}
	}
	idx = append([]int(nil), idx...)
	sort.Ints(idx)
	for k, p := range idx {
		if p < 0 || p >= cfg.NPoints || (k > 0 && idx[k-1] == p) {
			return nil, fmt.Errorf("graupner2012: point index %d is out of range 0..%d or repeated", p, cfg.NPoints-1)
		}
	}
	workers := cfg.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	if !cluster.Single(cluster.World()) {
		workers = 1 // processes started by mpirun build the networks in one order
	}
	results := make([]*point, len(idx))
	errs := make([]error, len(idx))
	jobs := make(chan int)
	var wg sync.WaitGroup
	start := time.Now()
	for w := 0; w < min(workers, len(idx)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range jobs {
				results[k], errs[k] = runSim(cfg, idx[k])
			}
		}()
	}
	for k := range idx {
		jobs <- k
	}
	close(jobs)
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	res := &Result{Cfg: cfg, Index: idx, Wall: time.Since(start), Workers: min(workers, len(idx))}
	steps := math.Round(cfg.Duration.Value / cfg.Dt.Value)
	for k, p := range results {
		// Average switching probabilities.
		var up, down, nDown, nUp float64
		for s, r0 := range p.rhoInitial {
			if r0 < 0.5 {
				nDown++
				if p.rho[s] > 0.5 {
					up++
				}
			} else {
				nUp++
				if p.rho[s] < 0.5 {
					down++
				}
			}
		}
		U, D := up/nDown, down/nUp
		res.U = append(res.U, U)
		res.D = append(res.D, D)
		res.Change = append(res.Change, ChangeInStrength(U, D))
		res.DtMs = append(res.DtMs, math.Round(cfg.TimeDifference(idx[k])*1e9)/1e6) // ms, without rounding noise
		res.NetTime += p.elapsed
		res.SynapseSteps += float64(len(p.rho)) * steps
	}
	if cfg.OutDir != "" {
		res.Figure = filepath.Join(cfg.OutDir, "graupner2012.png")
		if err := res.Draw(res.Figure); err != nil {
			return nil, err
		}
	}
	return res, nil
}

// Draw writes the figure of the seed: the change in synaptic strength
// against the time difference, with dashed lines at 0 ms and at no change.
func (r *Result) Draw(path string) error {
	half := r.Cfg.step() / 2 * 1e3
	dtMax := r.Cfg.DtMax.Value * 1e3
	fig := plot.Figure{Width: 6.4, Height: 4.8, Panels: []plot.Panel{{
		XLabel: "time difference Δt (ms)", YLabel: "change in synaptic strength (after/before)",
		XMin: plot.F(-dtMax - half), XMax: plot.F(dtMax + half), YMin: plot.F(0.3), YMax: plot.F(1.7),
		VLines: []plot.Ref{{At: 0, Color: "black", Dashed: true}},
		HLines: []plot.Ref{{At: 1, Color: "black", Dashed: true}},
		Series: []plot.Series{{Kind: plot.Markers, X: r.DtMs, Y: r.Change, Color: "C0", Size: 3}},
	}}}
	return fig.Save(path)
}

// Summary is a few lines of text about the result.
func (r *Result) Summary() string {
	s := fmt.Sprintf("Graupner-Brunel 2012 STDP curve: %d time differences x %d synapses, %g s each (heun, dt %g ms)\n",
		len(r.DtMs), 2*r.Cfg.Repetitions, r.Cfg.Duration.Value, r.Cfg.Dt.Value*1e3)
	lo, hi := r.extremes()
	for k := range r.DtMs {
		s += fmt.Sprintf("  dt %+6.1f ms: U %.3f  D %.3f  change %.3f\n", r.DtMs[k], r.U[k], r.D[k], r.Change[k])
	}
	s += fmt.Sprintf("  minimum %.3f at %+.0f ms, maximum %.3f at %+.0f ms\n",
		r.Change[lo], r.DtMs[lo], r.Change[hi], r.DtMs[hi])
	s += fmt.Sprintf("  %.3g synapse-steps in %s, %d networks at once: %.0f ns of network run time per synapse-step",
		r.SynapseSteps, r.Wall.Round(time.Millisecond), r.Workers, r.NsPerSynapseStep())
	return s
}

// extremes are the indices of the smallest and the largest change.
func (r *Result) extremes() (lo, hi int) {
	for k := range r.Change {
		if r.Change[k] < r.Change[lo] {
			lo = k
		}
		if r.Change[k] > r.Change[hi] {
			hi = k
		}
	}
	return lo, hi
}
