package modelfile

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/cajal-sim/cajal/unit"
)

// Checkpoints say where and how often a run of a model file saves its
// state (cajal.Network.Checkpoint), and whether it resumes from a saved
// state.
type Checkpoints struct {
	// Path is the checkpoint file; "" for none. With a Path, a checkpoint
	// is also written when the runs end and when a stop (the context
	// done: SIGINT, SIGTERM) ends them early.
	Path string
	// Every is the simulated time between checkpoints; zero for none
	// during the runs.
	Every unit.Quantity
	// Resume restores the state from Path before running, reopens the
	// data files at the rows it counted, and does the steps of the runs
	// that come after it.
	Resume bool
}

// ParseInterval reads a checkpoint interval: a Go duration ("1s",
// "500ms", "2m") or a quantity ("1*second", "0.5 s").
func ParseInterval(s string) (unit.Quantity, error) {
	q, err := unit.Parse(s)
	if d, derr := time.ParseDuration(strings.TrimSpace(s)); derr == nil {
		q, err = unit.Q(d.Seconds(), unit.Second), nil
	}
	if err != nil {
		return unit.Quantity{}, fmt.Errorf("checkpoint interval %q: a duration such as 1s, 500ms or 1*second: %v", s, err)
	}
	if !q.Dim.Equal(unit.Second.Dim) || !(q.Value > 0) {
		return unit.Quantity{}, fmt.Errorf("checkpoint interval %q: must be a positive duration", s)
	}
	return q, nil
}

// checkpointable refuses, before anything is simulated, monitors whose
// records a checkpoint cannot yet save: spike monitors with vars and
// weight recorders.
func (f *File) checkpointable() error {
	for k, m := range f.Spikes {
		if len(m.Vars) > 0 {
			return f.pos.errorf(join("spikes."+strconv.Itoa(k), "vars"), "spikes %s: a checkpoint cannot yet save the values of a spike monitor's vars; remove vars or run without checkpoints", m.Source)
		}
	}
	if len(f.Weights) > 0 {
		return f.pos.errorf("weights.0", "weights %s: a checkpoint cannot yet save a weight recorder's records; record the weights with synapse_states, or run without checkpoints", f.Weights[0].Synapses)
	}
	return nil
}
