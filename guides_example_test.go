package cajal_test

// The examples of this file are the code samples of docs/coming-from-*.md,
// word for word (TestGuidesSamplesRun checks it): each guide's samples run
// here, and their printed results are the Output comments.

import (
	"fmt"

	"github.com/cajal-sim/cajal"
	"github.com/cajal-sim/cajal/models"
	"github.com/cajal-sim/cajal/unit"
)

// check stops a guide's sample at its first error.
func check(err error) {
	if err != nil {
		panic(err)
	}
}

// Brian2: a NeuronGroup, Synapses with connect(condition=, p=), monitors
// and a run.
func Example_brian2Network() {
	ms := unit.Millisecond
	net, err := cajal.NewNetwork(cajal.Options{Dt: unit.Q(0.1, ms), Seed: 2024})
	check(err)
	g, err := net.NeuronGroup(cajal.Neurons{
		Name: "G",
		N:    100,
		Model: `
dv/dt = (v0 - v)/tau : volt (unless refractory)
v0 : volt
`,
		Threshold: "v > -50*mV", Reset: "v = -60*mV", Refractory: "5*ms",
		Method:    "exact",
		Namespace: cajal.Namespace{"tau": "10*ms"},
	})
	check(err)
	check(g.Set("v", "-60*mV + rand()*10*mV"))
	check(g.Set("v0", "-60*mV + 20*mV*i/(N-1)"))
	s, err := net.Synapses(cajal.Synapses{
		Name: "S", Source: g, Target: g,
		Model: "w : volt", OnPre: "v_post += w",
		Delay: unit.Q(2, ms),
	})
	check(err)
	check(s.Connect(cajal.Condition("i != j"), cajal.P(0.1)))
	check(s.Set("w", "0.2*mV"))
	spikes, err := net.SpikeMonitor(g)
	check(err)
	states, err := net.StateMonitor(g, []string{"v"}, []int{0, 99}, unit.Q(1, ms))
	check(err)
	check(net.Run(unit.Q(100, ms)))
	v, err := states.Values("v")
	check(err)
	fmt.Println("method:", g.Method())
	fmt.Println("synapses:", s.N(), "spikes:", spikes.Num())
	fmt.Println("samples of v per neuron:", len(v[0]))
	fmt.Printf("v of neuron 99 at 100 ms: %.2f mV\n", v[1][len(v[1])-1]*1e3)
	// Output:
	// method: exact
	// synapses: 1039 spikes: 344
	// samples of v per neuron: 100
	// v of neuron 99 at 100 ms: -59.60 mV
}

// Brian2: the forms of connect() and their Cajal options.
func Example_brian2Connect() {
	net, err := cajal.NewNetwork(cajal.Options{Seed: 7})
	check(err)
	pre, err := net.NeuronGroup(cajal.Neurons{Name: "pre", N: 50, Model: "v : 1"})
	check(err)
	post, err := net.NeuronGroup(cajal.Neurons{Name: "post", N: 50, Model: "v : 1"})
	check(err)
	count := func(opts ...cajal.ConnectOption) int {
		s, err := net.Synapses(cajal.Synapses{Source: pre, Target: post, Model: "w : 1"})
		check(err)
		check(s.Connect(opts...))
		return s.N()
	}
	fmt.Println("connect():", count())
	fmt.Println("connect(j='i'):", count(cajal.OneToOne()))
	fmt.Println("connect(i=[0, 1], j=[5, 6]):", count(cajal.Pairs([]int{0, 1}, []int{5, 6})))
	fmt.Println("connect(condition='i < j'):", count(cajal.Condition("i < j")))
	fmt.Println("connect(j='i + k for k in range(-2, 3) if 0 <= i + k < N_post'):", count(cajal.Offsets(-2, 3)))
	fmt.Println("connect(p=0.1):", count(cajal.P(0.1)))
	fmt.Println("connect(p='exp(-abs(i - j)/5.)'):", count(cajal.PExpr("exp(-abs(i - j)/5.)")))
	fmt.Println("NEST's fixed_indegree, 10:", count(cajal.FixedInDegree(10)))
	fmt.Println("connect(j='i', n=3):", count(cajal.OneToOne(), cajal.Multiplicity(3)))
	// Output:
	// connect(): 2500
	// connect(j='i'): 50
	// connect(i=[0, 1], j=[5, 6]): 2
	// connect(condition='i < j'): 1225
	// connect(j='i + k for k in range(-2, 3) if 0 <= i + k < N_post'): 244
	// connect(p=0.1): 258
	// connect(p='exp(-abs(i - j)/5.)'): 459
	// NEST's fixed_indegree, 10: 500
	// connect(j='i', n=3): 150
}

// Brian2: TimedArray, PoissonGroup, PoissonInput.
func Example_brian2Inputs() {
	ms := unit.Millisecond
	net, err := cajal.NewNetwork(cajal.Options{Dt: unit.Q(0.1, ms), Seed: 1})
	check(err)
	stim := cajal.TimedArray{Values: []float64{0, 0.25, 0}, Unit: unit.Nanoamp, Dt: unit.Q(100, ms)}
	g, err := net.NeuronGroup(cajal.Neurons{
		N:         10,
		Model:     "dv/dt = (-70*mV - v + stim(t)*100*Mohm)/(10*ms) : volt (unless refractory)",
		Threshold: "v > -50*mV", Reset: "v = -70*mV", Refractory: "2*ms",
		Namespace: cajal.Namespace{"stim": stim},
	})
	check(err)
	check(g.Set("v", unit.Q(-70, unit.Millivolt)))
	check(net.PoissonInput(cajal.PoissonInput{Target: g, Var: "v", N: 100, Rate: unit.Q(5, unit.Hertz), Weight: "0.5*mV"}))
	noise, err := net.PoissonGroup(cajal.Poisson{N: 10, Rates: "20*Hz"})
	check(err)
	s, err := net.Synapses(cajal.Synapses{Source: noise, Target: g, OnPre: "v_post += 1*mV"})
	check(err)
	check(s.Connect(cajal.OneToOne()))
	spikes, err := net.SpikeMonitor(g)
	check(err)
	check(net.Run(unit.Q(300, ms)))
	before, during, after := 0, 0, 0
	for _, t := range spikes.T() {
		switch {
		case t < 0.1:
			before++
		case t < 0.2:
			during++
		default:
			after++
		}
	}
	fmt.Println("spikes before, during and after the 0.25 nA step:", before, during, after)
	// Output:
	// spikes before, during and after the 0.25 nA step: 0 68 0
}

// Brian2: run_regularly, network_operation, store and restore.
func Example_brian2Control() {
	ms := unit.Millisecond
	net, err := cajal.NewNetwork(cajal.Options{Dt: unit.Q(0.1, ms), Seed: 3})
	check(err)
	g, err := net.NeuronGroup(cajal.Neurons{
		N:         5,
		Model:     "dv/dt = (I - v)/(10*ms) : 1\nI : 1",
		Threshold: "v > 1", Reset: "v = 0",
	})
	check(err)
	// G.run_regularly('I = 2*rand()', dt=20*ms)
	check(g.RunRegularly("I = 2*rand()", unit.Q(20, ms)))
	// @network_operation(dt=50*ms)
	calls := 0
	check(net.Every(unit.Q(50, ms), func(n *cajal.Network) error {
		calls++
		return nil
	}))
	spikes, err := net.SpikeMonitor(g)
	check(err)
	check(net.Store("start"))
	check(net.Run(unit.Q(200, ms)))
	first := spikes.Num()
	check(net.Restore("start"))
	check(net.Run(unit.Q(200, ms)))
	fmt.Println("network operations:", calls)
	fmt.Println("spikes in the first run:", first, "in the second:", spikes.Num()-first)
	fmt.Printf("time after restore and run: %.0f ms\n", net.T().Value*1e3)
	// Output:
	// network operations: 8
	// spikes in the first run: 33 in the second: 33
	// time after restore and run: 200 ms
}

// NEST: the models of package models by their NEST names.
func Example_nestModels() {
	fmt.Println("neurons:", models.Neurons())
	fmt.Println("synapses:", models.Synapses())
	m, _ := models.LookupNeuron("iaf_psc_alpha")
	fmt.Println("iaf_psc_alpha's ports:", m.Receptors)
	// Output:
	// neurons: [aeif_cond_exp hh_psc_alpha iaf_cond_alpha iaf_cond_exp iaf_psc_alpha iaf_psc_exp izhikevich pp_cond_exp_mc_urbanczik]
	// synapses: [graupner_brunel static stdp tsodyks urbanczik vogels_sprekeler]
	// iaf_psc_alpha's ports: map[ex:x_ex += w*pA in:x_in -= abs(w)*pA]
}

// NEST: generators, parrots, a neuron model, static and stdp synapses,
// and the recording devices.
func Example_nestNetwork() {
	ms := unit.Millisecond
	net, err := cajal.NewNetwork(cajal.Options{Dt: unit.Q(0.1, ms), Seed: 12})
	check(err)
	// nest.Create("iaf_psc_alpha", 20, params={"I_e": 300.0})
	iaf, _ := models.LookupNeuron("iaf_psc_alpha")
	nrn, err := iaf.With(cajal.Namespace{"I_e": unit.Q(300, unit.Picoamp)}).Group(net, "nrn", 20)
	check(err)
	// nest.Create("spike_generator", params={"spike_times": [10.0, 20.0, 50.0]})
	sg, err := net.SpikeGeneratorGroup(cajal.SpikeGenerator{
		N: 1, Indices: []int{0, 0, 0}, Times: cajal.Times(ms, 10, 20, 50),
	})
	check(err)
	// nest.Create("poisson_generator", params={"rate": 100.0}) sends each
	// target its own train: in Cajal, one source per target.
	pg, err := net.PoissonGroup(cajal.Poisson{N: 20, Rates: unit.Q(100, unit.Hertz)})
	check(err)
	// nest.Create("parrot_neuron", 20): STDP needs the spikes of neurons.
	parrots, err := net.ParrotGroup("parrots", pg)
	check(err)

	static, _ := models.LookupSynapse("static")
	// nest.Connect(sg, nrn, syn_spec={"weight": 500.0, "delay": 1.0})
	s1, err := static.Connect(net, "sg_nrn", sg, nrn, iaf.Receptors["ex"])
	check(err)
	check(s1.Set("w", 500.0)) // pA
	check(s1.Set("delay", unit.Q(1, ms)))
	stdp, _ := models.LookupSynapse("stdp")
	// nest.Connect(parrots, nrn, {"rule": "fixed_indegree", "indegree": 5},
	//              {"synapse_model": "stdp_synapse", "weight": 20.0})
	s2, err := stdp.Connect(net, "plastic", parrots, nrn, iaf.Receptors["ex"], cajal.FixedInDegree(5))
	check(err)
	check(s2.Set("w", 20.0))

	// spike_recorder, multimeter (V_m every 1 ms), weight_recorder
	spikes, err := net.SpikeMonitor(nrn)
	check(err)
	mm, err := net.StateMonitor(nrn, []string{"V_m"}, []int{0}, unit.Q(1, ms))
	check(err)
	wr, err := s2.WeightRecorder("w", "pre")
	check(err)
	check(net.Run(unit.Q(200, ms)))
	vm, err := mm.Values("V_m")
	check(err)
	fmt.Println("stdp synapses:", s2.N())
	fmt.Println("spikes:", spikes.Num())
	fmt.Println("V_m samples:", len(vm[0]))
	fmt.Println("weight records:", wr.Len())
	// Output:
	// stdp synapses: 100
	// spikes: 78
	// V_m samples: 200
	// weight records: 1781
}

// ANNarchy: a population with tau*dv/dt, Uniform and clipped Normal
// initial values, a projection with a fixed probability, and a monitor.
func Example_annarchyNetwork() {
	ms := unit.Millisecond
	net, err := cajal.NewNetwork(cajal.Options{Dt: unit.Q(1, ms), Seed: 5})
	check(err)
	pop, err := net.NeuronGroup(cajal.Neurons{
		Name: "pop",
		N:    200,
		Model: `
tau * dv/dt = E_L - v + g_exc + I_ext : 1 (unless refractory)
tau_exc * dg_exc/dt = -g_exc : 1
I_ext : 1
`,
		Threshold: "v > v_T", Reset: "v = v_r", Refractory: "5*ms",
		Namespace: cajal.Namespace{"tau": "10*ms", "tau_exc": "5*ms", "E_L": 0.0, "v_T": 15.0, "v_r": 0.0},
	})
	check(err)
	check(pop.Set("v", cajal.Uniform{Lo: 0.0, Hi: 15.0}))
	check(pop.Set("I_ext", cajal.Normal{Mean: 10.0, Std: 5.0, Min: 0.0}))
	ext, err := net.PoissonGroup(cajal.Poisson{N: 100, Rates: "10*Hz"})
	check(err)
	// Projection(ext, pop, target="exc").connect_fixed_probability(0.2, weights=2.0)
	proj, err := net.Synapses(cajal.Synapses{Source: ext, Target: pop, Model: "w : 1", OnPre: "g_exc += w"})
	check(err)
	check(proj.Connect(cajal.P(0.2)))
	check(proj.Set("w", 2.0))
	m, err := net.SpikeMonitor(pop)
	check(err)
	check(net.Run(unit.Q(500, ms)))
	iext, err := pop.Get("I_ext")
	check(err)
	lowest := iext[0]
	for _, x := range iext {
		lowest = min(lowest, x)
	}
	fmt.Println("method:", pop.Method())
	fmt.Println("synapses:", proj.N(), "spikes:", m.Num())
	fmt.Println("lowest I_ext:", lowest)
	// Output:
	// method: exact
	// synapses: 4057 spikes: 1297
	// lowest I_ext: 0
}
