// Package tsodyks2000 is the recurrent network with short-term plasticity of
// Tsodyks, Uziel and Markram (2000), "Synchrony generation in recurrent
// networks with frequency-dependent synapses", J. Neurosci. 20:RC50, as
// ANNarchy's example writes it (seed 001): 500 leaky integrate-and-fire
// neurons (400 excitatory, 100 inhibitory) with constant, heterogeneous
// input, connected at random (p = 0.1) by Tsodyks-Markram synapses whose
// resources x and use u are integrated only when a spike arrives. Synapses
// between excitatory neurons depress strongly (U = 0.5, tau_rec = 0.8 s);
// those from excitatory onto inhibitory neurons facilitate (U = 0.04,
// tau_facil = 1 s). The network fires irregularly at a few hertz and, about
// once a second, in a population burst that the depression of the
// excitatory synapses ends.
//
// The port follows ANNarchy's semantics (version 4.8), which the model was
// published with; time is in milliseconds and potentials and conductances
// are dimensionless, as there:
//
//   - explicit Euler for the neurons (ANNarchy's default method);
//   - during the refractory period every variable but the conductances
//     g_exc and g_inh is held: v carries (unless refractory). ANNarchy
//     counts int(3 ms/dt) = 12 whole steps after the spike step in which
//     v is held, while a Brian2-style period P holds round(P/dt) - 1 steps,
//     so the period given here is 3 ms + dt;
//   - a spike emitted in step n is delivered in step n+1 before the
//     neurons are integrated, so it first acts on v in the update of step
//     n+1. Cajal delivers in the synapses slot after the state update, so
//     the same timing is Cajal's delay 0 (a delay of dt would act one step
//     later);
//   - on a spike, the event-driven x and u are first advanced from the
//     last event to now, then g_target += w*u*x, then x and u are updated,
//     in the order the seed writes them;
//   - ANNarchy's last event of a synapse starts at step -10000, so the
//     first spike finds u relaxed from its initial 0.1 towards U for 10000
//     steps plus the time elapsed: u starts here at
//     U + (0.1 - U)*exp(-10000*dt/tau_facil), which is the same;
//   - ANNarchy advances x and u over one step less than the interval
//     between two spikes of a synapse (it writes t-1 for the current step
//     in the event-driven solution), which multiplies 1 - x and u - U by
//     exp(dt/tau): 1.0003 for tau_rec = 800 ms, 1.0025 for 100 ms, up to
//     1.05 for the 2-3 % of synapses whose time constant is clipped at
//     5 ms, and nothing visible where tau_facil = dt (u is within 1e-5 of
//     U after the shortest interval, 3.25 ms, either way). It is not
//     reproduced;
//   - fixed-probability connections exclude self-connections within a
//     population (ANNarchy's allow_self_connections=False);
//   - Normal(mu, sigma, min, max) clips to [min, max] (cajal.Normal).
package tsodyks2000

import (
	"fmt"
	"math"
	"path/filepath"
	"runtime"
	"sort"
	"time"

	"github.com/cajal-sim/cajal"
	"github.com/cajal-sim/cajal/examples/example"
	"github.com/cajal-sim/cajal/unit"
)

// Config sets the size of a run.
type Config struct {
	NExc, NInh int           // excitatory and inhibitory neurons (400 and 100 in the model)
	Duration   unit.Quantity // simulated time
	Dt         unit.Quantity // time step
	Seed       uint64        // seed of all random numbers of the first realization
	// Realizations is the number of independent networks simulated, with
	// seeds Seed, Seed+1, ...; the figure and the detailed statistics are
	// those of the first. 0 means 1.
	Realizations int
	Threads      int              // worker goroutines; 0 for all processors
	OutDir       string           // where the figure goes; empty for none
	Progress     example.Progress // progress of the runs; nil for none
}

// Full is the published model: 500 neurons, 10 s at dt = 0.25 ms, as ten
// realizations (seeds 1-10).
//
// One realization varies more than the published ranges, which were
// gathered over a few seeds. Over seeds 1-30 Cajal gave a mean excitatory
// rate of 4.72 +- 0.62 Hz (mean +- sd), inhibitory 16.8 +- 1.4 Hz and
// 11.4 +- 2.4 bursts (7-17), and an independent Brian2 2.5 port with the
// same semantics and numpy's random numbers (36 seeds) 4.57 +- 0.43 Hz,
// 16.6 +- 1.0 Hz and 11.6 +- 2.4 bursts (7-16); fed a realization drawn by
// Cajal, Brian2 gives the same rates and bursts to the last digit printed.
// A realization's rates follow mostly the number of excitatory neurons
// whose input I exceeds the threshold 15 (binomial: about 150 +- 11), and
// about one seed in three falls in all three ranges. The network is
// chaotic, so a change of the engine's arithmetic in the last bit changes
// which seeds do. Check therefore tests the ensemble: see Check.
var Full = Config{NExc: 400, NInh: 100, Duration: unit.Q(10, unit.Second),
	Dt: unit.Q(0.25, unit.Millisecond), Seed: 1, Realizations: 10}

// Reduced is the run of the tests and of `cajal run tsodyks2000 --quick`:
// the first realization of Full for its first 3 s (the test says what to
// expect of it).
var Reduced = Config{NExc: 400, NInh: 100, Duration: unit.Q(3, unit.Second),
	Dt: unit.Q(0.25, unit.Millisecond), Seed: 1, Realizations: 1}

// BurstFraction is the part of the excitatory population that must fire
// in a 1 ms bin for the bin to belong to a burst.
const BurstFraction = 0.1

// The LIF neuron of the seed, in ANNarchy's form.
const neuronModel = `
tau * dv/dt = -v + g_exc - g_inh + I : 1 (unless refractory)
tau_I * dg_exc/dt = -g_exc : 1
tau_I * dg_inh/dt = -g_inh : 1
I : 1
`

// neuronNamespace holds the neuron's parameters (": population" in the
// seed: one value for the whole population).
var neuronNamespace = cajal.Namespace{
	"tau":        unit.Q(30, unit.Millisecond),
	"tau_I":      unit.Q(3, unit.Millisecond),
	"v_thresh":   15.0,
	"v_reset":    13.5,
	"refractory": unit.Q(3, unit.Millisecond),
}

// The STP synapse: w, U, tau_rec and tau_facil per synapse; x and u
// event-driven. g_target is written for each projection's target.
const synapseModel = `
w : 1
U : 1
tau_rec : second
tau_facil : second
dx/dt = (1 - x)/tau_rec : 1 (event-driven)
du/dt = (U - u)/tau_facil : 1 (event-driven)
`

const preSpike = `
%s += w * u * x
x *= (1 - u)
u += U * (1 - u)
`

// projection is one of the four projections of the seed.
type projection struct {
	name             string
	target           string  // "g_exc" or "g_inh"
	A                float64 // mean weight
	U                float64 // mean use
	Umin, Umax       float64 // clipping of U
	tauRec           float64 // ms, mean recovery time
	tauFacil         float64 // ms, mean facilitation time; 0 for dt
	fromExc, ontoExc bool
}

// The seed's parameters: Aee, Aei, Aie, Aii; Uee...; tau_rec_ee...;
// tau_facil_ie, tau_facil_ii (ee and ei have tau_facil = dt).
var projections = []projection{
	{name: "ee", target: "g_exc", A: 1.8, U: 0.5, Umin: 0.1, Umax: 0.9, tauRec: 800, fromExc: true, ontoExc: true},
	{name: "ei", target: "g_inh", A: 5.4, U: 0.5, Umin: 0.1, Umax: 0.9, tauRec: 800, fromExc: false, ontoExc: true},
	{name: "ie", target: "g_exc", A: 7.2, U: 0.04, Umin: 0.001, Umax: 0.07, tauRec: 100, tauFacil: 1000, fromExc: true, ontoExc: false},
	{name: "ii", target: "g_inh", A: 7.2, U: 0.04, Umin: 0.001, Umax: 0.07, tauRec: 100, tauFacil: 1000, fromExc: false, ontoExc: false},
}

// Burst is a population burst: a maximal run of 1 ms bins in each of which
// more than BurstFraction of the excitatory neurons fire.
type Burst struct {
	Start, End float64 // ms; End is the end of the last bin
	Peak       float64 // largest fraction of the excitatory neurons firing in one bin
	Spikes     int     // excitatory spikes in the burst
}

// Result holds what the run recorded and the measures derived from it.
type Result struct {
	Cfg              Config
	ExcT, InhT       []float64 // spike times, ms
	ExcI, InhI       []int32   // spike indices within each population
	ExcRates         []float64 // Hz, per excitatory neuron
	InhRates         []float64 // Hz, per inhibitory neuron
	ExcRate, InhRate float64   // Hz, population means
	Activity         []float64 // excitatory spikes per 1 ms bin / NExc
	Bursts           []Burst
	Synapses         map[string]int // synapses per projection
	Events           int64          // synaptic events delivered
	Method           string
	T                float64 // ms simulated
	Wall             time.Duration
	Figure           string
	Data             []string // the monitors' data files (docs/data.md), one folder per seed, if written
	// Ensemble holds the measures of every realization, the first
	// (described by the fields above) included.
	Ensemble []Measures
}

// Measures are the published measures of one realization.
type Measures struct {
	Seed             uint64
	ExcRate, InhRate float64 // Hz
	Bursts           int
}

// Run simulates cfg.Realizations networks of the seed and, if cfg.OutDir
// is set, draws the figure of the first. Realizations run side by side,
// as many at once as there are processors (or cfg.Threads, if set); each
// result depends only on its seed.
func Run(cfg Config) (*Result, error) {
	if cfg.NExc <= 0 || cfg.NInh <= 0 {
		return nil, fmt.Errorf("tsodyks2000: NExc and NInh must be positive, got %d and %d", cfg.NExc, cfg.NInh)
	}
	n := max(cfg.Realizations, 1)
	parallel := runtime.GOMAXPROCS(0)
	if cfg.Threads > 0 {
		parallel = cfg.Threads
	}
	parallel = min(parallel, n)
	results, err := example.Ensemble(n, parallel, func(k int) (*Result, error) {
		c := cfg
		c.Seed += uint64(k)
		if parallel > 1 {
			c.Threads = 1
		}
		return simulate(c)
	})
	if err != nil {
		return nil, err
	}
	res := results[0]
	for _, r := range results[1:] {
		res.Data = append(res.Data, r.Data...)
	}
	for _, r := range results {
		res.Ensemble = append(res.Ensemble, Measures{Seed: r.Cfg.Seed, ExcRate: r.ExcRate, InhRate: r.InhRate, Bursts: len(r.Bursts)})
	}
	res.Cfg.Realizations, res.Cfg.Threads = n, cfg.Threads
	if cfg.OutDir != "" {
		res.Figure = filepath.Join(cfg.OutDir, "tsodyks2000.png")
		if err := res.Draw(res.Figure); err != nil {
			return nil, err
		}
	}
	return res, nil
}

// simulate builds the network of the seed and simulates it: one
// realization, with cfg.Seed.
func simulate(cfg Config) (*Result, error) {
	start := time.Now()
	net, err := cajal.NewNetwork(cajal.Options{Progress: cfg.Progress.Network(), Dt: cfg.Dt, Seed: cfg.Seed, Threads: cfg.Threads, RecordDir: dataDir(cfg)})
	if err != nil {
		return nil, err
	}
	dt := net.Dt().Value
	N := cfg.NExc + cfg.NInh

	// LIF = Neuron(...); P = Population(geometry=500, neuron=LIF)
	P, err := net.NeuronGroup(cajal.Neurons{
		Name: "P", N: N, Model: neuronModel,
		Threshold: "v > v_thresh", Reset: "v = v_reset",
		Refractory: "refractory + dt", // ANNarchy's 12 held steps, see the package comment
		Method:     "euler",
		Namespace:  neuronNamespace,
	})
	if err != nil {
		return nil, err
	}
	// P.I = np.sort(Uniform(14.625, 15.375).get_values(500))
	if err := P.Set("I", cajal.Uniform{Lo: 14.625, Hi: 15.375}); err != nil {
		return nil, err
	}
	I, err := P.Get("I")
	if err != nil {
		return nil, err
	}
	sort.Float64s(I)
	if err := P.Set("I", I); err != nil {
		return nil, err
	}
	// P.v = Uniform(0.0, 15.0)
	if err := P.Set("v", cajal.Uniform{Lo: 0.0, Hi: 15.0}); err != nil {
		return nil, err
	}
	// Exc = P[:400]; Inh = P[400:]
	exc, err := P.Slice(0, cfg.NExc)
	if err != nil {
		return nil, err
	}
	inh, err := P.Slice(cfg.NExc, N)
	if err != nil {
		return nil, err
	}

	res := &Result{Cfg: cfg, Synapses: map[string]int{}}
	var groups []*cajal.SynapseGroup
	for _, p := range projections {
		pre, post := inh, inh
		if p.fromExc {
			pre = exc
		}
		if p.ontoExc {
			post = exc
		}
		// Projection(pre, post, target, synapse=STP), no delay: see the
		// package comment.
		s, err := net.Synapses(cajal.Synapses{
			Name: "proj_" + p.name, Source: pre, Target: post,
			Model: synapseModel, OnPre: fmt.Sprintf(preSpike, p.target),
		})
		if err != nil {
			return nil, err
		}
		// connect_fixed_probability(probability=0.1, weights=Normal(A, A/2, min=0.2*A, max=2*A))
		opts := []cajal.ConnectOption{cajal.P(0.1)}
		if p.fromExc == p.ontoExc {
			opts = append(opts, cajal.Condition("i != j"))
		}
		if err := s.Connect(opts...); err != nil {
			return nil, err
		}
		ms := func(x float64) unit.Quantity { return unit.Q(x, unit.Millisecond) }
		tauFacil := any(cajal.Normal{Mean: ms(p.tauFacil), Std: ms(p.tauFacil / 2), Min: ms(5)})
		if p.tauFacil == 0 {
			tauFacil = unit.Q(dt, unit.Second) // tau_facil = dt: cannot be 0
		}
		for _, v := range []struct {
			name string
			val  any
		}{
			{"w", cajal.Normal{Mean: p.A, Std: p.A / 2, Min: 0.2 * p.A, Max: 2 * p.A}},
			{"U", cajal.Normal{Mean: p.U, Std: p.U / 2, Min: p.Umin, Max: p.Umax}},
			{"tau_rec", cajal.Normal{Mean: ms(p.tauRec), Std: ms(p.tauRec / 2), Min: ms(5)}},
			{"tau_facil", tauFacil},
			// init = 1.0 and init = 0.1, as the first spike finds them
			{"x", 1.0},
			{"u", "U + (0.1 - U)*exp(-10000*dt/tau_facil)"},
		} {
			if err := s.Set(v.name, v.val); err != nil {
				return nil, err
			}
		}
		res.Synapses[p.name] = s.N()
		groups = append(groups, s)
	}

	// Me = Monitor(Exc, 'spike'); Mi = Monitor(Inh, 'spike')
	me, err := net.SpikeMonitor(exc)
	if err != nil {
		return nil, err
	}
	mi, err := net.SpikeMonitor(inh)
	if err != nil {
		return nil, err
	}
	if err := net.Run(cfg.Duration); err != nil {
		return nil, err
	}
	if err := net.Close(); err != nil {
		return nil, err
	}
	res.Wall = time.Since(start)
	res.Data = net.Files()
	res.Method = P.Method()
	for _, s := range groups {
		pre, _ := s.Events()
		res.Events += pre
	}
	res.T = cfg.Duration.Value * 1e3
	res.ExcT, res.ExcI = toMs(me.T()), append([]int32(nil), me.I()...)
	res.InhT, res.InhI = toMs(mi.T()), append([]int32(nil), mi.I()...)
	res.ExcRates = rates(me.Count(), res.T)
	res.InhRates = rates(mi.Count(), res.T)
	res.ExcRate, res.InhRate = mean(res.ExcRates), mean(res.InhRates)
	res.Activity = activity(res.ExcT, res.T, cfg.NExc)
	res.Bursts = bursts(res.ExcT, res.Activity)
	return res, nil
}

func toMs(ts []float64) []float64 {
	out := make([]float64, len(ts))
	for k, t := range ts {
		out[k] = t * 1e3
	}
	return out
}

// rates is len(spikes)/duration*1000 for each neuron, as the seed computes.
func rates(counts []int, T float64) []float64 {
	out := make([]float64, len(counts))
	for i, c := range counts {
		out[i] = float64(c) / T * 1e3
	}
	return out
}

func mean(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s / float64(len(xs))
}

// binOf is the 1 ms bin of a spike at t ms. Spike times are whole steps
// (0.25 ms), so a small tolerance keeps t = 3.0 ms out of bin 2.
func binOf(t float64) int { return int(math.Floor(t + 1e-6)) }

// activity is the seed's Me.histogram(spikes, bins=1.0)/400: the fraction
// of the n excitatory neurons that fire in each 1 ms bin.
func activity(ts []float64, T float64, n int) []float64 {
	h := make([]float64, int(math.Ceil(T-1e-6)))
	for _, t := range ts {
		if b := binOf(t); b >= 0 && b < len(h) {
			h[b]++
		}
	}
	for k := range h {
		h[k] /= float64(n)
	}
	return h
}

// bursts finds the maximal runs of bins with activity above BurstFraction.
func bursts(ts []float64, act []float64) []Burst {
	var out []Burst
	for k := 0; k < len(act); k++ {
		if act[k] <= BurstFraction {
			continue
		}
		b := Burst{Start: float64(k)}
		for ; k < len(act) && act[k] > BurstFraction; k++ {
			b.Peak = math.Max(b.Peak, act[k])
		}
		b.End = float64(k)
		out = append(out, b)
	}
	for _, t := range ts {
		bin := float64(binOf(t))
		i := sort.Search(len(out), func(i int) bool { return out[i].End > bin })
		if i < len(out) && out[i].Start <= bin {
			out[i].Spikes++
		}
	}
	return out
}

// BurstStats are the mean interval between burst onsets and the mean
// burst width, in ms (NaN when undefined), and the fraction of the
// excitatory spikes that fall in bursts.
func (r *Result) BurstStats() (interval, width, inBursts float64) {
	interval, width = math.NaN(), math.NaN()
	if n := len(r.Bursts); n > 1 {
		interval = (r.Bursts[n-1].Start - r.Bursts[0].Start) / float64(n-1)
	}
	if len(r.Bursts) > 0 {
		w, s := 0.0, 0
		for _, b := range r.Bursts {
			w += b.End - b.Start
			s += b.Spikes
		}
		width = w / float64(len(r.Bursts))
		if len(r.ExcT) > 0 {
			inBursts = float64(s) / float64(len(r.ExcT))
		}
	}
	return interval, width, inBursts
}

// Summary is a few lines about the run: the first realization in detail,
// then the spread of the measures over all realizations.
func (r *Result) Summary() string {
	syn := 0
	for _, n := range r.Synapses {
		syn += n
	}
	interval, width, inBursts := r.BurstStats()
	peak := 0.0
	for _, b := range r.Bursts {
		peak = math.Max(peak, b.Peak)
	}
	s := fmt.Sprintf("tsodyks2000: %d LIF neurons (%d exc, %d inh, %s), %d STP synapses (ee %d, ei %d, ie %d, ii %d), %.3g s at dt = %g ms\n"+
		"  seed %d: %d synaptic events, wall %s; mean rate exc %.2f Hz, inh %.2f Hz\n"+
		"  seed %d: %d population bursts in %.3g s; mean interval %.0f ms, mean width %.1f ms, peak activity %.2f, %.0f%% of exc spikes in bursts",
		r.Cfg.NExc+r.Cfg.NInh, r.Cfg.NExc, r.Cfg.NInh, r.Method, syn, r.Synapses["ee"], r.Synapses["ei"], r.Synapses["ie"], r.Synapses["ii"],
		r.T/1e3, r.Cfg.Dt.Value*1e3,
		r.Cfg.Seed, r.Events, r.Wall.Round(time.Millisecond), r.ExcRate, r.InhRate,
		r.Cfg.Seed, len(r.Bursts), r.T/1e3, interval, width, peak, 100*inBursts)
	if n := len(r.Ensemble); n > 1 {
		e := r.Spread()
		s += fmt.Sprintf("\n  %d realizations (seeds %d-%d), mean +- sd (min-max): exc %.2f +- %.2f Hz (%.2f-%.2f), inh %.2f +- %.2f Hz (%.2f-%.2f), bursts %.1f +- %.1f (%.0f-%.0f)",
			n, r.Ensemble[0].Seed, r.Ensemble[n-1].Seed,
			e[0].Mean, e[0].SD, e[0].Min, e[0].Max, e[1].Mean, e[1].SD, e[1].Min, e[1].Max, e[2].Mean, e[2].SD, e[2].Min, e[2].Max)
	}
	return s
}

// dataDir is the folder of a realization's data files: beside the
// figures, one folder per seed, or none.
func dataDir(cfg Config) string {
	if cfg.OutDir == "" {
		return ""
	}
	return filepath.Join(cfg.OutDir, "tsodyks2000_data", fmt.Sprintf("seed%d", cfg.Seed))
}
