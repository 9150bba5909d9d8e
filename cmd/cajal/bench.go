package main

import (
	"fmt"
	"time"

	"github.com/cajal-sim/cajal"
	"github.com/cajal-sim/cajal/examples"
	"github.com/cajal-sim/cajal/examples/example"
	"github.com/cajal-sim/cajal/unit"
)

type benchCmd struct {
	Steps    int  `default:"2000" help:"Time steps per measurement."`
	Threads  int  `default:"0" help:"Worker goroutines (0: all processors)."`
	Examples bool `default:"true" negatable:"" help:"Also time each example's reduced run."`
}

type benchCase struct {
	name  string
	n     int
	spec  cajal.Neurons
	inits map[string]string
}

var benchCases = []benchCase{
	{"LIF, exact", 100000, cajal.Neurons{
		Model:     "dv/dt = (el - v + R*I)/tau : volt (unless refractory)\nI : amp",
		Threshold: "v > vt", Reset: "v = el", Refractory: "2*ms",
		Namespace: cajal.Namespace{"el": "-70*mV", "vt": "-50*mV", "R": "100*Mohm", "tau": "10*ms"},
	}, map[string]string{"I": "rand()*0.3*nA", "v": "el"}},
	{"COBA (seed 000 neuron), euler", 10000, cajal.Neurons{
		Model: `dv/dt=(-gl*(v-el)-(g_ampa*v+g_gaba*(v-er))+bgcurrent)/memc : volt (unless refractory)
dg_ampa/dt = -g_ampa/tau_ampa : siemens
dg_gaba/dt = -g_gaba/tau_gaba : siemens`,
		Threshold: "v > vt", Reset: "v = el", Refractory: "5*ms", Method: "euler",
		Namespace: cajal.Namespace{"gl": "10*nS", "el": "-60*mV", "er": "-80*mV", "vt": "-50*mV",
			"memc": "200*pF", "bgcurrent": "200*pA", "tau_ampa": "5*ms", "tau_gaba": "10*ms"},
	}, map[string]string{"v": "el + rand()*(vt - el)"}},
}

func (c benchCmd) Run() error {
	for _, bc := range benchCases {
		net, err := cajal.NewNetwork(cajal.Options{Threads: c.Threads, Seed: 1})
		if err != nil {
			return err
		}
		spec := bc.spec
		spec.N = bc.n
		g, err := net.NeuronGroup(spec)
		if err != nil {
			return err
		}
		for k, v := range bc.inits {
			if err := g.Set(k, v); err != nil {
				return err
			}
		}
		if err := net.Run(unit.Q(10, unit.Millisecond)); err != nil {
			return err
		}
		start := time.Now()
		if err := net.Run(unit.Q(float64(c.Steps)*net.Dt(), unit.Second)); err != nil {
			return err
		}
		el := time.Since(start)
		fmt.Printf("%-32s %7d neurons %6d steps  %7.2f ns per neuron update\n",
			bc.name, bc.n, c.Steps, float64(el.Nanoseconds())/float64(c.Steps)/float64(bc.n))
	}
	if !c.Examples {
		return nil
	}
	for _, e := range examples.All() {
		start := time.Now()
		if _, err := e.Run(example.Options{Size: example.Reduced, Threads: c.Threads}); err != nil {
			return fmt.Errorf("%s: %w", e.Name(), err)
		}
		fmt.Printf("%-32s reduced run %s\n", e.Name(), time.Since(start).Round(time.Millisecond))
	}
	return nil
}
