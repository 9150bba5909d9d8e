package modelfile

import (
	"fmt"
	"maps"
	"math"
	"strconv"

	"github.com/cajal-sim/cajal"
	"github.com/cajal-sim/cajal/unit"
)

// Settings that the command line overrides (cajal sim --seed, --threads,
// --duration) and the progress of the runs.

// SetSeed replaces the file's seed. A checkpoint records the seed it was
// made with: --resume with another seed is refused.
func (f *File) SetSeed(seed uint64) {
	if seed != f.Seed {
		f.digest += fmt.Sprintf("; seed %d", seed)
	}
	f.Seed = seed
}

// SetProgress sets a function that the runs call with the simulated time
// done and the run's total, both in seconds (cajal.Options.Progress).
func (f *File) SetProgress(progress func(done, total float64)) { f.progress = progress }

// Duration is the simulated time of all the file's runs.
func (f *File) Duration() (unit.Quantity, error) {
	var total float64
	for k := range f.Runs {
		d, _, err := f.run(k)
		if err != nil {
			return unit.Quantity{}, err
		}
		total += d.Value
	}
	return unit.Q(total, unit.Second), nil
}

// SetDuration makes the file's runs last d in all, as if the file's
// schedule were cut at d: runs that start before d keep their namespace
// changes, which take effect when they start; the run d falls in is
// shortened, and the runs after it are dropped. A d longer than the runs
// lengthens the last run. So `--duration 2s` runs the first two seconds of
// a protocol, and a file with one run runs for d.
func (f *File) SetDuration(d unit.Quantity) error {
	if !d.Dim.Equal(unit.Second.Dim) || !(d.Value > 0) || math.IsInf(d.Value, 0) {
		return fmt.Errorf("duration %v: must be a positive, finite time", d)
	}
	if steps := d.Value / f.dt(); steps > cajal.MaxSteps {
		return fmt.Errorf("duration %v is %.3g steps of dt; at most 2^53 steps are supported", d, steps)
	}
	var runs []any
	start := 0.0
	for k := range f.Runs {
		r, _, err := f.run(k)
		if err != nil {
			return err
		}
		if start >= d.Value && k > 0 {
			break
		}
		length := r.Value
		if k == len(f.Runs)-1 || start+length > d.Value {
			length = d.Value - start
		}
		runs = append(runs, withDuration(f.Runs[k], length))
		start += r.Value
	}
	f.Runs = runs
	return nil
}

// withDuration is a run of the file with another length, in seconds.
func withDuration(run any, seconds float64) any {
	text := strconv.FormatFloat(seconds, 'g', -1, 64) + "*second"
	if m, ok := run.(map[string]any); ok {
		m = maps.Clone(m)
		m["duration"] = text
		return m
	}
	return text
}
