package main

import (
	"fmt"
	"os"
	"time"

	"github.com/cajal-sim/cajal/examples"
	"github.com/cajal-sim/cajal/examples/example"
)

// registry and lookup are the examples' registry; a test replaces them.
var (
	registry = examples.All
	lookup   = examples.Lookup
)

type listCmd struct{}

// Run lists the examples: name, seed, description.
func (listCmd) Run() error {
	for _, e := range registry() {
		seed := e.Seed()
		if seed == "" {
			seed = "-"
		}
		fmt.Printf("%-16s %-4s %s\n", e.Name(), seed, e.Description())
	}
	return nil
}

type runCmd struct {
	Model   string `arg:"" help:"Example to run (see 'cajal list')."`
	Out     string `short:"o" default:"out" help:"Folder for the figures."`
	Threads int    `default:"0" help:"Worker goroutines (0: all processors)."`
	Quick   bool   `help:"A reduced run (fewer neurons, shorter), as the tests use."`
}

// Run runs one example, prints its summary and, at full size, its check.
func (c runCmd) Run(p *progress) error {
	e, err := lookup(c.Model)
	if err != nil {
		return err
	}
	size := example.Full
	if c.Quick {
		size = example.Reduced
	}
	start := time.Now()
	p.Start(e.Name(), 0)
	o, err := e.Run(example.Options{Size: size, OutDir: c.Out, Threads: c.Threads, Progress: p.Network})
	p.Finish()
	if err != nil {
		return err
	}
	fmt.Println(o.Summary)
	for _, f := range o.Figures {
		fmt.Println("figure:", f)
	}
	if c.Quick {
		fmt.Println("reduced run: not compared with the published result (the package's tests check it)")
	} else {
		fmt.Println(o.Report)
		fmt.Println("published result:", o.Report.Verdict())
	}
	fmt.Printf("took %s\n", time.Since(start).Round(time.Millisecond))
	return nil
}

type validateCmd struct {
	Models  []string `arg:"" optional:"" help:"Examples to validate (default: all)."`
	Out     string   `short:"o" default:"out" help:"Folder for the figures."`
	Threads int      `default:"0" help:"Worker goroutines (0: all processors)."`
}

// Run runs each example at full size, with the ensembles its check
// needs, prints each statistic beside its reference, and fails if any
// check fails.
func (c validateCmd) Run(p *progress) error {
	list := registry()
	if len(c.Models) > 0 {
		list = nil
		for _, name := range c.Models {
			e, err := lookup(name)
			if err != nil {
				return err
			}
			list = append(list, e)
		}
	}
	var failed []string
	for _, e := range list {
		start := time.Now()
		fmt.Printf("== %s (%s)\n", e.Name(), e.Description())
		p.Start(e.Name(), 0)
		o, err := e.Run(example.Options{Size: example.Full, OutDir: c.Out, Threads: c.Threads, Progress: p.Network})
		p.Finish()
		if err == nil {
			fmt.Println(o.Summary)
			fmt.Println(o.Report)
			fmt.Println("published result:", o.Report.Verdict())
			err = o.Report.Err()
		}
		status := "ok"
		if err != nil {
			status = "FAILED"
			failed = append(failed, e.Name())
			fmt.Fprintf(os.Stderr, "%s: %v\n", e.Name(), err)
		}
		fmt.Printf("%s: %s (%s)\n\n", e.Name(), status, time.Since(start).Round(time.Second))
	}
	if len(failed) > 0 {
		return notPassed{fmt.Errorf("%d of %d examples did not reproduce their references: %v", len(failed), len(list), failed)}
	}
	fmt.Printf("%d of %d examples reproduce their references\n", len(list), len(list))
	return nil
}
