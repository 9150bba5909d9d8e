// Package lif_inhibition is Dendrify's example "LIF network + inhibition":
// a network of 1000 leaky integrate-and-fire point neurons, 700 excitatory
// and 300 inhibitory, driven by 200 Poisson sources. For the first 250 ms
// only the excitatory neurons receive the external input and the
// inhibitory ones stay silent; then the input is also connected to the
// inhibitory neurons, whose feedback inhibition onto the excitatory ones
// lowers their rate from about 10 Hz to about 1.3 Hz.
//
// The seed (Dendrify's documentation, examples/point_lif_inhibition) builds
// the neuron with Dendrify's PointNeuronModel; here the equations it
// generates are written out in [Equations], and the script is mirrored
// line by line in [Run].
package lif_inhibition

import (
	"fmt"
	"path/filepath"

	"github.com/cajal-sim/cajal"
	"github.com/cajal-sim/cajal/dendrify"
	"github.com/cajal-sim/cajal/examples/example"
	"github.com/cajal-sim/cajal/plot"
	"github.com/cajal-sim/cajal/unit"
)

// Equations is the model that Dendrify generates for
//
//	model = PointNeuronModel(model='leakyIF', cm_abs=281*pF, gl_abs=30*nS, v_rest=-70.6*mV)
//	model.synapse('AMPA', tag='ext', g=2*nS, t_decay=2.5*ms)
//	model.synapse('GABA', tag='inh', g=2*nS, t_decay=7.5*ms)
//
// From Dendrify's source (github.com/Poirazi-Lab/dendrify):
//   - dendrify/equations.py, library_point['leakyIF']:
//     "dV/dt = (gL * (EL-V) + I) / C :volt", "I = I_ext :amp", "I_ext :amp".
//   - PointNeuronModel.synapse (dendrify/neuronmodel.py) picks the template
//     library_point[channel] when only t_decay is given (channel+'_rd', with
//     a rise time, only when both t_rise and t_decay are), formats it with
//     the tag, appends it to the equations and replaces "= I_ext" by
//     "= I_ext + I_<channel>_<tag>"; so the GABA current added second
//     comes first in the sum.
//   - library_point['AMPA']: "I_AMPA_{0} = g_AMPA_{0} * (E_AMPA-V) *
//     s_AMPA_{0} * w_AMPA_{0} :amp" and "ds_AMPA_{0}/dt = -s_AMPA_{0} /
//     t_AMPA_decay_{0} :1"; library_point['GABA'] likewise with GABA.
//
// The parameters are in [Namespace]. make_neurongroup starts V at v_rest;
// the other variables start at zero.
const Equations = `
dV/dt = (gL * (EL-V) + I) / C  :volt
I = I_ext + I_GABA_inh + I_AMPA_ext  :amp
I_ext  :amp
I_AMPA_ext = g_AMPA_ext * (E_AMPA-V) * s_AMPA_ext * w_AMPA_ext  :amp
ds_AMPA_ext/dt = -s_AMPA_ext / t_AMPA_decay_ext  :1
I_GABA_inh = g_GABA_inh * (E_GABA-V) * s_GABA_inh * w_GABA_inh  :amp
ds_GABA_inh/dt = -s_GABA_inh / t_GABA_decay_inh  :1
`

// Namespace is the model's parameters, as Dendrify's model.parameters
// gives them:
//   - PointNeuronModel.synapse sets w_<channel>_<tag> = 1.0 and, as given,
//     g_<channel>_<tag> and t_<channel>_decay_<tag>;
//   - add_params adds Vth and Vr;
//   - EphysProperties.parameters (dendrify/ephysproperties.py) gives EL
//     (v_rest), C (cm_abs) and gL (gl_abs) of an unnamed compartment, and
//     DEFAULT_PARAMS: E_AMPA = 0 mV, E_NMDA = 0 mV, E_GABA = -80 mV,
//     E_Na = 70 mV, E_K = -89 mV, E_Ca = 136 mV, Mg_con = 1,
//     Alpha_NMDA = 0.062, Beta_NMDA = 3.57, Gamma_NMDA = 0 (of which this
//     model uses E_AMPA and E_GABA).
func Namespace() cajal.Namespace {
	mV, nS, ms := unit.Millivolt, unit.Nanosiemens, unit.Millisecond
	return cajal.Namespace{
		// PointNeuronModel(model='leakyIF', cm_abs=281*pF, gl_abs=30*nS, v_rest=-70.6*mV)
		"EL": unit.Q(-70.6, mV),
		"C":  unit.Q(281, unit.Picofarad),
		"gL": unit.Q(30, nS),
		// model.synapse('AMPA', tag='ext', g=2*nS, t_decay=2.5*ms)
		"g_AMPA_ext":       unit.Q(2, nS),
		"t_AMPA_decay_ext": unit.Q(2.5, ms),
		"w_AMPA_ext":       1.0,
		// model.synapse('GABA', tag='inh', g=2*nS, t_decay=7.5*ms)
		"g_GABA_inh":       unit.Q(2, nS),
		"t_GABA_decay_inh": unit.Q(7.5, ms),
		"w_GABA_inh":       1.0,
		// model.add_params({'Vth': -40.4*mV, 'Vr': -65.6*mV})
		"Vth": unit.Q(-40.4, mV),
		"Vr":  unit.Q(-65.6, mV),
		// EphysProperties.DEFAULT_PARAMS
		"E_AMPA":     unit.Q(0, mV),
		"E_NMDA":     unit.Q(0, mV),
		"E_GABA":     unit.Q(-80, mV),
		"E_Na":       unit.Q(70, mV),
		"E_K":        unit.Q(-89, mV),
		"E_Ca":       unit.Q(136, mV),
		"Mg_con":     1.0,
		"Alpha_NMDA": 0.062,
		"Beta_NMDA":  3.57,
		"Gamma_NMDA": 0.0,
	}
}

// Model builds the neuron as the seed does, with Cajal's Dendrify-style
// builder; it writes out [Equations] with the parameters of [Namespace].
func Model() *dendrify.Model {
	// model = PointNeuronModel(model='leakyIF', cm_abs=281*pF, gl_abs=30*nS, v_rest=-70.6*mV)
	model := dendrify.PointNeuron("leakyIF", dendrify.Props{
		Cm: unit.Q(281, unit.Picofarad), Gl: unit.Q(30, unit.Nanosiemens), VRest: vRest})
	// model.synapse('AMPA', tag='ext', g=2*nS, t_decay=2.5*ms)
	model.Synapse(dendrify.AMPA, "ext", unit.Q(2, unit.Nanosiemens), unit.Quantity{}, unit.Q(2.5, unit.Millisecond))
	// model.synapse('GABA', tag='inh', g=2*nS, t_decay=7.5*ms)
	model.Synapse(dendrify.GABA, "inh", unit.Q(2, unit.Nanosiemens), unit.Quantity{}, unit.Q(7.5, unit.Millisecond))
	// model.add_params({'Vth': -40.4*mV, 'Vr': -65.6*mV})
	return model.AddParams(cajal.Namespace{"Vth": unit.Q(-40.4, unit.Millivolt), "Vr": unit.Q(-65.6, unit.Millivolt)})
}

// vRest is v_rest, where make_neurongroup starts V.
var vRest = unit.Q(-70.6, unit.Millivolt)

// Config sets the size of the run.
type Config struct {
	NE, NI    int           // excitatory and inhibitory neurons (N_e, N_i)
	NInput    int           // Poisson sources
	InputRate unit.Quantity // rate of each source
	PExt      float64       // connection probability of the input, to either population
	PInh      float64       // connection probability inhibitory -> excitatory
	Phase     unit.Quantity // length of each of the two runs
	Dt        unit.Quantity // time step
	Seed      uint64
	Threads   int
	OutDir    string           // where the figure goes; empty for none
	Progress  example.Progress // progress of the runs; nil for none
}

// Full is the seed's network: N_e = 700, N_i = 300, 200 sources at 90 Hz,
// p = 0.2 and 0.15, two runs of 250 ms at Brian2's default dt of 0.1 ms,
// seed 123 as b.seed(123) (Cajal's random streams are not Brian2's, so the
// draws differ).
var Full = Config{
	NE: 700, NI: 300, NInput: 200, InputRate: unit.Q(90, unit.Hertz),
	PExt: 0.2, PInh: 0.15,
	Phase: unit.Q(250, unit.Millisecond), Dt: unit.Q(0.1, unit.Millisecond),
	Seed: 123,
}

// Reduced is the run CI's test and `cajal run lif_inhibition --quick`
// use: the same network, in-degrees and time step, two runs of 100 ms
// (0.06 s of computing instead of 0.16 s). Its rates differ from the full run's in a way
// the reference simulator reproduces (Brian2's reduced ensemble in testdata/reference.toml): the
// excitatory neurons start firing about 15 ms into the run, which weighs
// more in 100 ms, and after the input is connected to the inhibitory
// neurons the excitatory ones keep firing for the 10 to 20 ms that
// inhibition needs to build up, so their second-half rate is about 2.8 Hz
// rather than 1.4 Hz.
//
// Its seed is 1, not the script's 123: with seed 123 the input's first
// 100 ms happen to hold 1986 spikes where 1800 +- 42 are expected, a
// 4.4-sigma draw (one of 4000 seeds tried goes that far), and the
// excitatory rate of that half, 20 Hz, lies outside the band the test
// allows. The test's ensemble over seeds 1 to 32 is unselected.
var Reduced = Config{
	NE: 700, NI: 300, NInput: 200, InputRate: unit.Q(90, unit.Hertz),
	PExt: 0.2, PInh: 0.15,
	Phase: unit.Q(100, unit.Millisecond), Dt: unit.Q(0.1, unit.Millisecond),
	Seed: 1,
}

// Result holds the spikes and the rates of each population in each half.
type Result struct {
	Seed    uint64
	NE, NI  int
	Phase   float64   // length of each half, seconds
	ET, IT  []float64 // spike times, seconds
	EI, II  []int32   // spike indices within each population
	RateE   [2]float64
	RateI   [2]float64 // mean rate per neuron in each half, Hz
	RateIn  float64    // mean rate of the Poisson sources, Hz
	SynExtA int        // synapses input -> excitatory
	SynExtB [2]int     // synapses input -> inhibitory in each half
	SynInh  int        // synapses inhibitory -> excitatory
	Figure  string
	Data    []string // the monitors' data files (docs/data.md), if written
}

// Run builds the network as the seed does and runs it.
func Run(cfg Config) (*Result, error) {
	net, err := cajal.NewNetwork(cajal.Options{Progress: cfg.Progress.Network(), Dt: cfg.Dt, Seed: cfg.Seed, Threads: cfg.Threads, RecordDir: dataDir(cfg.OutDir)})
	if err != nil {
		return nil, err
	}
	// neurons = model.make_neurongroup(N=N_e+N_i, threshold='V>Vth', reset='V=Vr', method='euler')
	neurons, err := Model().NeuronGroup(net, cajal.Neurons{
		Name: "neurons", N: cfg.NE + cfg.NI, Threshold: "V>Vth", Reset: "V=Vr", Method: "euler",
	})
	if err != nil {
		return nil, err
	}
	// inhibitory = neurons[:N_i]; excitatory = neurons[N_i:]
	inhibitory, err := neurons.Slice(0, cfg.NI)
	if err != nil {
		return nil, err
	}
	excitatory, err := neurons.Slice(cfg.NI, cfg.NI+cfg.NE)
	if err != nil {
		return nil, err
	}
	// Input = b.PoissonGroup(200, rates=90*Hz)
	input, err := net.PoissonGroup(cajal.Poisson{Name: "Input", N: cfg.NInput, Rates: cfg.InputRate})
	if err != nil {
		return nil, err
	}
	// Syn_ext_a = b.Synapses(Input, excitatory, on_pre='s_AMPA_ext += 1'); Syn_ext_a.connect(p=0.2)
	synExtA, err := net.Synapses(cajal.Synapses{Name: "Syn_ext_a", Source: input, Target: excitatory, OnPre: "s_AMPA_ext += 1"})
	if err != nil {
		return nil, err
	}
	if err := synExtA.Connect(cajal.P(cfg.PExt)); err != nil {
		return nil, err
	}
	// Syn_ext_b = b.Synapses(Input, inhibitory, on_pre='s_AMPA_ext += 1'); Syn_ext_b.connect(p=0)
	synExtB, err := net.Synapses(cajal.Synapses{Name: "Syn_ext_b", Source: input, Target: inhibitory, OnPre: "s_AMPA_ext += 1"})
	if err != nil {
		return nil, err
	}
	if err := synExtB.Connect(cajal.P(0)); err != nil {
		return nil, err
	}
	// Syn_inh = b.Synapses(inhibitory, excitatory, on_pre='s_GABA_inh += 1'); Syn_inh.connect(p=0.15)
	synInh, err := net.Synapses(cajal.Synapses{Name: "Syn_inh", Source: inhibitory, Target: excitatory, OnPre: "s_GABA_inh += 1"})
	if err != nil {
		return nil, err
	}
	if err := synInh.Connect(cajal.P(cfg.PInh)); err != nil {
		return nil, err
	}
	// spikes_e = b.SpikeMonitor(excitatory); spikes_i = b.SpikeMonitor(inhibitory)
	spikesE, err := net.SpikeMonitor(excitatory)
	if err != nil {
		return nil, err
	}
	spikesI, err := net.SpikeMonitor(inhibitory)
	if err != nil {
		return nil, err
	}
	spikesIn, err := net.SpikeMonitor(input)
	if err != nil {
		return nil, err
	}
	res := &Result{Seed: cfg.Seed, NE: cfg.NE, NI: cfg.NI, Phase: cfg.Phase.Value, SynExtA: synExtA.N(), SynInh: synInh.N(), Data: net.Files()}
	// b.run(250*ms)
	if err := net.Run(cfg.Phase); err != nil {
		return nil, err
	}
	res.SynExtB[0] = synExtB.N()
	// Syn_ext_b.connect(p=0.2): add connections to the inhibitory neurons
	if err := synExtB.Connect(cajal.P(cfg.PExt)); err != nil {
		return nil, err
	}
	res.SynExtB[1] = synExtB.N()
	// b.run(250*ms)
	if err := net.Run(cfg.Phase); err != nil {
		return nil, err
	}
	if err := net.Close(); err != nil {
		return nil, err
	}
	res.ET, res.EI = spikesE.T(), spikesE.I()
	res.IT, res.II = spikesI.T(), spikesI.I()
	T := cfg.Phase.Value
	for h := range 2 {
		res.RateE[h] = mean(spikesE.Rates(float64(h)*T, float64(h+1)*T))
		res.RateI[h] = mean(spikesI.Rates(float64(h)*T, float64(h+1)*T))
	}
	res.RateIn = mean(spikesIn.Rates(0, 2*T))
	if cfg.OutDir != "" {
		res.Figure = filepath.Join(cfg.OutDir, "lif_inhibition.png")
		if err := res.Draw(res.Figure); err != nil {
			return nil, err
		}
	}
	return res, nil
}

// mean is the mean of x.
func mean(x []float64) float64 {
	s := 0.0
	for _, v := range x {
		s += v
	}
	return s / float64(len(x))
}

// Draw writes the seed's figure: a raster of both populations, the
// excitatory neurons at index + N_i, the inhibitory ones in crimson.
func (r *Result) Draw(path string) error {
	ms := func(t []float64) []float64 {
		out := make([]float64, len(t))
		for k, x := range t {
			out[k] = x * 1e3
		}
		return out
	}
	ei := make([]int32, len(r.EI))
	for k, i := range r.EI {
		ei[k] = i + int32(r.NI)
	}
	exc := plot.Raster(ms(r.ET), ei, "C0", "excitatory")
	inh := plot.Raster(ms(r.IT), r.II, "crimson", "inhibitory")
	exc.Size, inh.Size = 1.2, 1.2
	fig := plot.Figure{Width: 6, Height: 5, Panels: []plot.Panel{{
		XLabel: "Time (ms)", YLabel: "Neuron index", Legend: true,
		Series: []plot.Series{exc, inh},
	}}}
	return fig.Save(path)
}

// Summary reports the rates of each population in each half.
func (r *Result) Summary() string {
	return fmt.Sprintf("LIF network + inhibition (%d exc, %d inh; %d+%d+%d synapses; input %.1f Hz; input to inhibitory connected at %.0f ms): "+
		"excitatory %.2f Hz then %.2f Hz; inhibitory %.2f Hz then %.2f Hz",
		r.NE, r.NI, r.SynExtA, r.SynExtB[1], r.SynInh, r.RateIn, r.Phase*1e3,
		r.RateE[0], r.RateE[1], r.RateI[0], r.RateI[1])
}

// dataDir is the folder of the monitors' data files: beside the figures,
// or none.
func dataDir(outDir string) string {
	if outDir == "" {
		return ""
	}
	return filepath.Join(outDir, "lif_inhibition_data")
}
