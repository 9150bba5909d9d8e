package main

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/cajal-sim/cajal"
	"github.com/cajal-sim/cajal/examples/coba"
	"github.com/cajal-sim/cajal/examples/cuba"
	"github.com/cajal-sim/cajal/examples/example"
	"github.com/cajal-sim/cajal/examples/sparse_ei"
	"github.com/cajal-sim/cajal/examples/vogels2011"
	"github.com/cajal-sim/cajal/unit"
)

// benchCmd times the networks simulators are compared by: seed 000, the
// COBA and CUBA benchmarks of Brette et al. 2007, and synaptic events of
// an all-to-all network, at one thread and at all.
type benchCmd struct {
	Threads  []int    `help:"Thread counts to measure; 0 is what a run chooses by itself (a count from the work per step, kept where timing says it pays), shown as auto (default: 1, all processors, and 0 on several processors)."`
	Seconds  float64  `default:"2" help:"Simulated seconds of seed 000 (COBA and CUBA run 1 s, the event benchmarks 0.2 s)."`
	Networks []string `help:"Networks to time (vogels2011, coba, cuba, brunel, brunel-d0, events-static, events-stdp); default all."`
}

// benchNet is one network the command times: it runs it and returns the
// network's statistics.
type benchNet struct {
	name string
	run  func(threads int, tier cajal.Tier, seconds float64, progress example.Progress) (cajal.Stats, error)
}

var benchNets = []benchNet{
	{"vogels2011", func(threads int, tier cajal.Tier, seconds float64, progress example.Progress) (cajal.Stats, error) {
		cfg := vogels2011.Full
		cfg.Threads, cfg.Tier, cfg.Progress = threads, tier, progress
		cfg.SimTime = unit.Q(seconds, unit.Second)
		r, err := vogels2011.Run(cfg)
		if err != nil {
			return cajal.Stats{}, err
		}
		return r.Stats, nil
	}},
	{"coba", func(threads int, tier cajal.Tier, _ float64, progress example.Progress) (cajal.Stats, error) {
		cfg := coba.Full
		cfg.Threads, cfg.Tier, cfg.Ensemble, cfg.Progress = threads, tier, 0, progress
		r, err := coba.Run(cfg)
		if err != nil {
			return cajal.Stats{}, err
		}
		return r.Stats, nil
	}},
	{"cuba", func(threads int, tier cajal.Tier, _ float64, progress example.Progress) (cajal.Stats, error) {
		cfg := cuba.Full
		cfg.Threads, cfg.Tier, cfg.Ensemble, cfg.Progress = threads, tier, 0, progress
		r, err := cuba.Run(cfg)
		if err != nil {
			return cajal.Stats{}, err
		}
		return r.Stats, nil
	}},
	{"brunel", func(threads int, tier cajal.Tier, _ float64, progress example.Progress) (cajal.Stats, error) {
		return brunelBench(threads, tier, progress, sparse_ei.Quick.Delay)
	}},
	{"brunel-d0", func(threads int, tier cajal.Tier, _ float64, progress example.Progress) (cajal.Stats, error) {
		return brunelBench(threads, tier, progress, 0)
	}},
	{"events-static", func(threads int, tier cajal.Tier, _ float64, progress example.Progress) (cajal.Stats, error) {
		return eventBench(threads, tier, progress, "w : siemens", "g += w", "")
	}},
	{"events-stdp", func(threads int, tier cajal.Tier, _ float64, progress example.Progress) (cajal.Stats, error) {
		return eventBench(threads, tier, progress, `w : 1
dA_pre/dt = -A_pre/tau : 1 (event-driven)
dA_post/dt = -A_post/tau : 1 (event-driven)`,
			"A_pre += 1\nw = clip(w + A_post*eta, 0, 100)\ng += w*nS", "A_post += 1\nw = clip(w + A_pre*eta, 0, 100)")
	}},
}

func (c benchCmd) Run(p *progress) error {
	threads := c.Threads
	if len(threads) == 0 {
		threads = []int{1}
		if n := runtime.GOMAXPROCS(0); n > 1 {
			threads = append(threads, n, 0)
		}
	}
	// Compiled before the run (the loop is what is timed), unless
	// --tier=interp asks for the interpreter.
	tier := cajal.TierNative
	if os.Getenv(cajal.TierEnv) == "interp" {
		tier = cajal.TierInterp
	} else if err := cajal.NativeAvailable(); err != nil {
		fmt.Fprintf(os.Stderr, "cajal: compiled kernels are not available (%v); timing the interpreter\n", err)
		tier = cajal.TierInterp
	}
	want := map[string]bool{}
	for _, n := range c.Networks {
		want[n] = true
	}
	var names []string
	for _, bn := range benchNets {
		names = append(names, bn.name)
		delete(want, bn.name)
	}
	for n := range want {
		return fmt.Errorf("bench: unknown network %q; known: %s", n, strings.Join(names, ", "))
	}
	for _, n := range c.Networks {
		want[n] = true
	}
	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "network\tprocs\tthreads\tneurons\tsynapses\ts per sim. s\tns/neuron-step\tns/event\tB/synapse\texchange\tevery\tcompiled\t")
	for _, bn := range benchNets {
		if len(want) > 0 && !want[bn.name] {
			continue
		}
		for _, th := range threads {
			label := strconv.Itoa(th)
			if th == 0 {
				label = "auto"
			}
			fmt.Fprintf(os.Stderr, "timing %s at %s thread(s)...\n", bn.name, label)
			runtime.GC() // the last network's garbage is not collected during this one's loop
			p.Start(fmt.Sprintf("%s, %s thread(s)", bn.name, label), 0)
			st, err := bn.run(th, tier, c.Seconds, p.Network)
			p.Finish()
			if err != nil {
				return fmt.Errorf("%s: %w", bn.name, err)
			}
			fmt.Fprintf(w, "%s\t%d\t%s\t%d\t%d\t%.3f\t%.2f\t%.2f\t%.1f\t%.0f%%\t%d\t%d/%d\t\n", bn.name, st.Processes, label, st.Neurons, st.Synapses,
				st.Loop.Seconds()/st.Simulated, st.NeuronStep(), st.PerEvent(), st.BytesPerSynapse(),
				100*st.Exchange.Seconds()/max(st.Loop.Seconds(), 1e-9), st.ExchangeEvery, st.Native, st.Programs)
		}
	}
	w.Flush()
	fmt.Println("ns/event is the loop's whole time per synaptic event, neuron updates included.")
	fmt.Println("Under mpirun: procs processes; B/synapse and exchange (the loop's share spent exchanging spikes, waiting included) are the first process's; every: steps per spike exchange.")
	return nil
}

// brunelBench is Brunel's (2000) sparse network as examples/sparse_ei
// runs it reduced (2,500 neurons, 250 inputs each, PoissonInput drive,
// 0.6 s), with a delay of 1.5 ms or none: split over processes, the first
// exchanges spikes once per 15 steps, the second after every step.
func brunelBench(threads int, tier cajal.Tier, progress example.Progress, delay float64) (cajal.Stats, error) {
	cfg := sparse_ei.Config{Params: sparse_ei.Quick, Seed: 1, Threads: threads, Progress: progress, Tier: tier}
	cfg.Delay = delay
	r, err := sparse_ei.Run(cfg)
	if err != nil {
		return cajal.Stats{}, err
	}
	return r.Stats, nil
}

// eventBench is the synaptic-event benchmark: 1000 Poisson sources at
// 100 Hz drive 1000 neurons through a million synapses (all to all),
// 10,000 presynaptic events per step; with an on_post pathway the targets
// fire at 100 Hz too, another 10,000 postsynaptic events per step.
func eventBench(threads int, tier cajal.Tier, progress example.Progress, model, onPre, onPost string) (cajal.Stats, error) {
	net, err := cajal.NewNetwork(cajal.Options{Threads: threads, Seed: 1, Tier: tier, Progress: progress.Network()})
	if err != nil {
		return cajal.Stats{}, err
	}
	src, err := net.PoissonGroup(cajal.Poisson{N: 1000, Rates: unit.Q(100, unit.Hertz)})
	if err != nil {
		return cajal.Stats{}, err
	}
	tgt, err := net.NeuronGroup(cajal.Neurons{N: 1000, Model: "dg/dt = -g/(5*ms) : siemens\nv : 1",
		Threshold: "rand() < 0.01", Method: "exact"})
	if err != nil {
		return cajal.Stats{}, err
	}
	syn, err := net.Synapses(cajal.Synapses{Source: src, Target: tgt, Model: model, OnPre: onPre, OnPost: onPost,
		Namespace: cajal.Namespace{"tau": "20*ms", "eta": 0.01}})
	if err != nil {
		return cajal.Stats{}, err
	}
	if err := syn.Connect(); err != nil {
		return cajal.Stats{}, err
	}
	if err := net.Run(unit.Q(0.2, unit.Second)); err != nil {
		return cajal.Stats{}, err
	}
	return net.Stats(), nil
}
