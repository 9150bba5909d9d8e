package main

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// model is a runnable example. Each registers itself from a file of its
// own (model_<name>.go) in an init function.
type model struct {
	about string
	run   func(o runOpts) (outcome, error)
}

// runOpts are the command-line settings a model run takes.
type runOpts struct {
	out     string
	threads int
	quick   bool // a reduced run, as CI's tests use
}

// outcome is what a run reports: its summary, figures, and the check of
// its published result (nil when it holds).
type outcome struct {
	summary string
	figures []string
	check   error
}

var models = map[string]model{}

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
		fmt.Printf("%-16s %s\n", n, models[n].about)
	}
	return nil
}

type runCmd struct {
	Model   string `arg:"" help:"Model to run (see 'cajal list')."`
	Out     string `short:"o" default:"out" help:"Folder for the figures."`
	Threads int    `default:"0" help:"Worker goroutines (0: all processors)."`
	Quick   bool   `help:"A reduced run (fewer neurons, shorter), as the tests use."`
}

func (c runCmd) Run() error {
	m, ok := models[c.Model]
	if !ok {
		return fmt.Errorf("unknown model %q; known: %s", c.Model, strings.Join(modelNames(), ", "))
	}
	start := time.Now()
	o, err := m.run(runOpts{out: c.Out, threads: c.Threads, quick: c.Quick})
	if err != nil {
		return err
	}
	fmt.Println(o.summary)
	for _, f := range o.figures {
		fmt.Println("figure:", f)
	}
	if !c.Quick {
		if o.check != nil {
			fmt.Println("published result: NOT reproduced:", o.check)
		} else {
			fmt.Println("published result: reproduced")
		}
	}
	fmt.Printf("took %s\n", time.Since(start).Round(time.Millisecond))
	return nil
}

type validateCmd struct {
	Models  []string `arg:"" optional:"" help:"Models to validate (default: all)."`
	Out     string   `short:"o" default:"out" help:"Folder for the figures."`
	Threads int      `default:"0" help:"Worker goroutines (0: all processors)."`
}

// Run runs each model at full size and checks its published result.
func (c validateCmd) Run() error {
	names := c.Models
	if len(names) == 0 {
		names = modelNames()
	}
	failed := 0
	for _, name := range names {
		m, ok := models[name]
		if !ok {
			return fmt.Errorf("unknown model %q; known: %s", name, strings.Join(modelNames(), ", "))
		}
		start := time.Now()
		o, err := m.run(runOpts{out: c.Out, threads: c.Threads})
		if err == nil {
			err = o.check
		}
		status := "ok"
		if err != nil {
			status = "FAIL: " + err.Error()
			failed++
		}
		fmt.Printf("%s (%s)\n  %s\n  %s\n", name, time.Since(start).Round(time.Second), o.summary, status)
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d models did not reproduce their published result", failed, len(names))
	}
	return nil
}
