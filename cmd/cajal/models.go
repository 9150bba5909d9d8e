package main

import (
	"fmt"
	"sort"

	"github.com/cajal-sim/cajal/examples/ficurve"
	"github.com/cajal-sim/cajal/unit"
)

// model is a runnable example.
type model struct {
	about string
	run   func(o runOpts) (summary string, figures []string, err error)
}

type runOpts struct {
	out     string
	threads int
	quick   bool
}

var models = map[string]model{
	"ficurve": {
		about: "f-I curve of a leaky integrate-and-fire group against the analytic rate",
		run: func(o runOpts) (string, []string, error) {
			cfg := ficurve.Default
			cfg.OutDir, cfg.Threads = o.out, o.threads
			if o.quick {
				cfg.N, cfg.Duration, cfg.Dt = 41, unit.Q(0.5, unit.Second), unit.Q(0.1, unit.Millisecond)
			}
			r, err := ficurve.Run(cfg)
			if err != nil {
				return "", nil, err
			}
			return r.Summary(), []string{r.Figure}, nil
		},
	},
}

func modelNames() []string {
	var names []string
	for n := range models {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

type listCmd struct{}

func (listCmd) Run() error {
	for _, n := range modelNames() {
		fmt.Printf("%-14s %s\n", n, models[n].about)
	}
	return nil
}

type runCmd struct {
	Model   string `arg:"" help:"Model to run (see 'cajal list')."`
	Out     string `short:"o" default:"out" help:"Folder for the figures."`
	Threads int    `default:"0" help:"Worker goroutines (0: all processors)."`
	Quick   bool   `help:"A reduced run (fewer neurons, shorter)."`
}

func (c runCmd) Run() error {
	m, ok := models[c.Model]
	if !ok {
		return fmt.Errorf("unknown model %q; known: %v", c.Model, modelNames())
	}
	summary, figs, err := m.run(runOpts{out: c.Out, threads: c.Threads, quick: c.Quick})
	if err != nil {
		return err
	}
	fmt.Println(summary)
	for _, f := range figs {
		if f != "" {
			fmt.Println("figure:", f)
		}
	}
	return nil
}
