package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/cajal-sim/cajal/modelfile"
	"github.com/cajal-sim/cajal/unit"
)

// overrides are the settings of a model file that sim and check replace.
type overrides struct {
	Seed     *uint64 `help:"Seed of the random numbers, in place of the file's."`
	Duration string  `placeholder:"DURATION" help:"Simulate DURATION in all (2s, 500ms, 2*second): the file's runs are cut there, keeping the namespace changes of those that start before it, or its last run is lengthened (docs/cli.md)."`
	Threads  *int    `help:"Worker goroutines, in place of the file's (0: chosen from the work per step)."`
}

// load reads a model file and applies the overrides.
func (o overrides) load(path string) (*modelfile.File, error) {
	f, err := modelfile.Load(path)
	if err != nil {
		return nil, err
	}
	if o.Seed != nil {
		f.SetSeed(*o.Seed)
	}
	if o.Threads != nil {
		if *o.Threads < 0 {
			return nil, fmt.Errorf("--threads %d: must be 0 or more", *o.Threads)
		}
		f.Threads = *o.Threads
	}
	if o.Duration != "" {
		d, err := parseDuration(o.Duration)
		if err != nil {
			return nil, fmt.Errorf("--duration: %w", err)
		}
		if err := f.SetDuration(d); err != nil {
			return nil, fmt.Errorf("--duration: %w", err)
		}
	}
	return f, nil
}

// parseDuration reads a Go duration ("2s", "500ms", "1h") or a quantity
// ("2*second", "0.5 s").
func parseDuration(s string) (unit.Quantity, error) {
	if d, err := time.ParseDuration(strings.TrimSpace(s)); err == nil {
		return unit.Q(d.Seconds(), unit.Second), nil
	}
	q, err := unit.Parse(s)
	if err != nil {
		return q, fmt.Errorf("%q: a duration such as 2s, 500ms or 2*second", s)
	}
	if !q.Dim.Equal(unit.Second.Dim) {
		return q, fmt.Errorf("%q is not a time", s)
	}
	return q, nil
}
