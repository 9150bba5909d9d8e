package cajal

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cajal-sim/cajal/cluster"
	"github.com/cajal-sim/cajal/internal/checkpoint"
	"github.com/cajal-sim/cajal/unit"
)

// splitCkpt is splitNet's network for checkpoints of split networks:
// noise, refractoriness, a Poisson group and a PoissonInput, homogeneous
// and per-synapse delays, STDP on both pathways with weight recorders,
// clock-driven synapses with noise and a summed variable, spike, state
// and rate monitors (with Options.RecordDir, a spike monitor of the
// Poisson group that only streams to its file too). Its spike monitor
// records no Variables: checkpoints cannot save those yet.
type splitCkpt struct {
	n        *Network
	g        *NeuronGroup
	exc, inh Subgroup
	ee, ie   *SynapseGroup
	in, gap  *SynapseGroup
	late     *SynapseGroup
	spikes   *SpikeMonitor
	states   *StateMonitor
	rate     *PopulationRateMonitor
	recs     []*WeightRecorder
}

func newSplitCkpt(opts Options) (*splitCkpt, error) {
	opts.Seed = 11
	if opts.Tier == TierAuto {
		opts.Tier = TierInterp
	}
	n, err := NewNetwork(opts)
	if err != nil {
		return nil, err
	}
	c := &splitCkpt{n: n}
	ms := unit.Millisecond
	if c.g, err = n.NeuronGroup(Neurons{Name: "g", N: 1100, Model: `
dv/dt = (-v + 1.1 + ge - gi + s + 0.3*sqrt(10*ms)*xi)/(10*ms) : 1 (unless refractory)
dge/dt = -ge/(5*ms) : 1
dgi/dt = -gi/(10*ms) : 1
s : 1
`, Threshold: "v > 1", Reset: "v = 0.2*rand()", Refractory: "2*ms", Method: "euler"}); err != nil {
		return nil, err
	}
	if err := c.g.Set("v", "rand()"); err != nil {
		return nil, err
	}
	src, err := n.PoissonGroup(Poisson{Name: "src", N: 200, Rates: unit.Q(20, unit.Hertz)})
	if err != nil {
		return nil, err
	}
	c.exc, _ = c.g.Slice(0, 900)
	c.inh, _ = c.g.Slice(900, 1100)
	if c.ee, err = n.Synapses(Synapses{Name: "ee", Source: c.exc, Target: c.g, Model: `w : 1
dApre/dt = -Apre/(20*ms) : 1 (event-driven)
dApost/dt = -Apost/(20*ms) : 1 (event-driven)`,
		OnPre: "ge += w\nApre += 0.01\nw = clip(w + Apost, 0, 0.1)", OnPost: "Apost -= 0.012\nw = clip(w + Apre, 0, 0.1)",
		Delay: unit.Q(1.5, ms)}); err != nil {
		return nil, err
	}
	if c.ie, err = n.Synapses(Synapses{Name: "ie", Source: c.inh, Target: c.g, Model: "w : 1", OnPre: "gi += w", Delay: "rand()*3*ms"}); err != nil {
		return nil, err
	}
	if c.in, err = n.Synapses(Synapses{Name: "in", Source: src, Target: c.g, OnPre: "ge += 0.05"}); err != nil {
		return nil, err
	}
	if c.gap, err = n.Synapses(Synapses{Name: "gap", Source: c.g, Target: c.g, Model: `
dx/dt = (v_post - x)/(3*ms) + 0.1*xi/sqrt(ms) : 1 (clock-driven)
s_post = 0.002*x : 1 (summed)
`, Method: "euler"}); err != nil {
		return nil, err
	}
	for _, x := range []struct {
		s    *SynapseGroup
		rule ConnectOption
	}{{c.ee, P(0.04)}, {c.ie, P(0.1)}, {c.in, FixedInDegree(5)}, {c.gap, P(0.003)}} {
		if err := x.s.Connect(x.rule); err != nil {
			return nil, err
		}
	}
	if err := errors.Join(c.ee.Set("w", Uniform{0.0, 0.05}), c.ie.Set("w", "0.1*rand()")); err != nil {
		return nil, err
	}
	if err := n.PoissonInput(PoissonInput{Target: c.inh, Var: "ge", N: 20, Rate: unit.Q(5, unit.Hertz), Weight: 0.02}); err != nil {
		return nil, err
	}
	return c, c.monitors(src, opts.RecordDir != "")
}

// monitors adds the network's monitors; with files, one of src that only
// streams to its file.
func (c *splitCkpt) monitors(src *NeuronGroup, files bool) error {
	n, ms := c.n, unit.Millisecond
	var err error
	if c.spikes, err = n.SpikeMonitor(c.g); err != nil {
		return err
	}
	if files {
		if _, err := n.SpikeMonitor(src, DiskOnly()); err != nil {
			return err
		}
	}
	if c.states, err = n.StateMonitor(c.g, []string{"v", "gi"}, []int{0, 5, 600, 1099}, unit.Q(0.5, ms)); err != nil {
		return err
	}
	if c.rate, err = n.PopulationRateMonitor(c.inh); err != nil {
		return err
	}
	for _, path := range []string{"pre", "post"} {
		wr, err := c.ee.WeightRecorder("w", path)
		if err != nil {
			return err
		}
		c.recs = append(c.recs, wr)
	}
	return nil
}

// grow changes the network between runs as splitNet does: weights
// scaled, more synapses (per-synapse delays: events of the old ones may
// be on their way) and a new synapse group.
func (c *splitCkpt) grow() error {
	if err := c.ee.Set("w", "w*0.9"); err != nil {
		return err
	}
	if err := c.ie.Connect(P(0.05)); err != nil {
		return err
	}
	var err error
	if c.late, err = c.n.Synapses(Synapses{Name: "late", Source: c.exc, Target: c.inh, Model: "w : 1", OnPre: "ge += w", Delay: "0.5*ms + rand()*ms"}); err != nil {
		return err
	}
	if err := c.late.Connect(P(0.05)); err != nil {
		return err
	}
	return c.late.Set("w", "0.02*rand()")
}

// results is everything the network can read back, in one slice: the
// records in memory, the final state of neurons and synapses, the
// synapses themselves (collective).
func (c *splitCkpt) results() ([]float64, error) {
	var out []float64
	ints := func(xs []int32) {
		for _, x := range xs {
			out = append(out, float64(x))
		}
	}
	for _, wr := range c.recs {
		ints(wr.Senders())
		ints(wr.Targets())
		ints(wr.Synapses())
		out = append(out, wr.Times()...)
		out = append(out, wr.Values()...)
	}
	ints(c.spikes.I())
	out = append(out, c.spikes.T()...)
	for _, v := range []string{"v", "gi"} {
		tr, err := c.states.Values(v)
		if err != nil {
			return nil, err
		}
		out = append(out, interleave(tr)...)
	}
	out = append(out, c.rate.Rate()...)
	for _, v := range []string{"v", "ge", "gi", "s", "lastspike"} {
		x, err := c.g.Get(v)
		if err != nil {
			return nil, err
		}
		out = append(out, x...)
	}
	for _, sv := range []struct {
		s *SynapseGroup
		v string
	}{{c.ee, "w"}, {c.ee, "Apre"}, {c.ee, "Apost"}, {c.ie, "w"}, {c.ie, "delay"}, {c.gap, "x"}, {c.late, "w"}, {c.late, "delay"}} {
		if sv.s == nil {
			continue
		}
		x, err := sv.s.Get(sv.v)
		if err != nil {
			return nil, err
		}
		out = append(out, x...)
	}
	for _, s := range []*SynapseGroup{c.ee, c.ie, c.in, c.gap, c.late} {
		if s == nil {
			continue // not grown
		}
		pre, post := s.Events()
		out = append(out, float64(s.N()), float64(pre), float64(post))
		for _, i := range s.I() {
			out = append(out, float64(i))
		}
		for _, j := range s.J() {
			out = append(out, float64(j))
		}
	}
	return out, nil
}

// whole runs the network uninterrupted: half, half, grow, half.
func (c *splitCkpt) whole(half unit.Quantity) ([]float64, error) {
	if err := errors.Join(c.n.Run(half), c.n.Run(half)); err != nil {
		return nil, err
	}
	if err := c.grow(); err != nil {
		return nil, err
	}
	if err := c.n.Run(half); err != nil {
		return nil, err
	}
	return c.results()
}

// queued counts the events in flight in the per-synapse delay queue of ie
// (synapse group 1, pathway 0) in a checkpoint file.
func queued(path string) (int, error) {
	e, err := checkpoint.Read(path)
	if err != nil {
		return 0, err
	}
	q, _ := e["sim/synapses/1/pathway/0/queue"].([]int32)
	mode, _ := e["sim/synapses/1/pathway/0/mode"].([]int32)
	if len(mode) != 1 || mode[0] != 2 {
		return 0, errors.New("ie's queue is not one of synapses")
	}
	return len(q), nil
}

// A split network checkpointed at T/2 (with events of per-synapse delays
// in flight) and resumed in a new network on as many processes gives,
// on every process, what one process gives uninterrupted, bit for bit:
// records, final state, synapses; the resumed network then grows as the
// uninterrupted one does.
func TestSplitCheckpointSameAsUninterrupted(t *testing.T) {
	half := unit.Q(10, unit.Millisecond)
	want := uninterrupted(t, half)
	for _, k := range []int{2, 3} {
		ck := filepath.Join(t.TempDir(), "split.ckpt")
		_, err := runRanks(k, func(comm cluster.Comm) (struct{}, error) {
			c, err := newSplitCkpt(Options{Comm: comm, Threads: 1})
			if err != nil {
				return struct{}{}, err
			}
			if err := c.n.Run(half); err != nil {
				return struct{}{}, err
			}
			return struct{}{}, c.n.Checkpoint(ck) // then abandoned
		})
		if err != nil {
			t.Fatalf("%d processes: %v", k, err)
		}
		for r := range k {
			q, err := queued(CheckpointFile(ck, r))
			if err != nil || q == 0 {
				t.Fatalf("%d processes: process %d's file holds %d events in flight (%v); the test needs some", k, r, q, err)
			}
		}
		got, err := runRanks(k, func(comm cluster.Comm) ([]float64, error) {
			c, err := newSplitCkpt(Options{Comm: comm, Threads: 2})
			if err != nil {
				return nil, err
			}
			if err := c.n.Resume(ck); err != nil {
				return nil, err
			}
			if math.Abs(c.n.T().Value-half.Value) > 1e-12 {
				return nil, errors.New("resumed at " + c.n.T().String())
			}
			if err := c.n.Run(half); err != nil {
				return nil, err
			}
			if err := c.grow(); err != nil {
				return nil, err
			}
			if err := c.n.Run(half); err != nil {
				return nil, err
			}
			return c.results()
		})
		if err != nil {
			t.Fatalf("%d processes, resumed: %v", k, err)
		}
		for r := range got {
			if diff := sameBits(got[r], want); diff != "" {
				t.Errorf("%d processes, checkpoint before growing, process %d: %s", k, r, diff)
			}
		}
	}
}

// uninterrupted is what the network gives in one process, uninterrupted.
func uninterrupted(t *testing.T, half unit.Quantity) []float64 {
	t.Helper()
	ref, err := newSplitCkpt(Options{Threads: 1})
	if err != nil {
		t.Fatal(err)
	}
	want, err := ref.whole(half)
	if err != nil {
		t.Fatal(err)
	}
	if len(want) < 100000 {
		t.Fatalf("the reference run gave only %d values", len(want))
	}
	return want
}

// A checkpoint of a split network after it grew (more synapses, made
// whole and split again, and a new synapse group), right after (the
// synapses whole, events of per-synapse delays queued) or during the next
// run: a network built grown resumes from it to the uninterrupted run's
// results.
func TestSplitCheckpointAfterGrowing(t *testing.T) {
	half := unit.Q(10, unit.Millisecond)
	want := uninterrupted(t, half)
	k := 2
	for _, at := range []float64{0, half.Value / 2} {
		ck := filepath.Join(t.TempDir(), "grown.ckpt")
		_, err := runRanks(k, func(comm cluster.Comm) (struct{}, error) {
			c, err := newSplitCkpt(Options{Comm: comm, Threads: 1})
			if err != nil {
				return struct{}{}, err
			}
			if err := errors.Join(c.n.Run(half), c.n.Run(half)); err != nil {
				return struct{}{}, err
			}
			if err := c.grow(); err != nil {
				return struct{}{}, err
			}
			if at > 0 { // else no run: the synapses stay whole
				if err := c.n.Run(unit.Q(at, unit.Second)); err != nil {
					return struct{}{}, err
				}
			}
			return struct{}{}, c.n.Checkpoint(ck)
		})
		if err != nil {
			t.Fatal(err)
		}
		got, err := runRanks(k, func(comm cluster.Comm) ([]float64, error) {
			c, err := newSplitCkpt(Options{Comm: comm, Threads: 1})
			if err != nil {
				return nil, err
			}
			if err := c.grow(); err != nil {
				return nil, err
			}
			if err := c.n.Resume(ck); err != nil {
				return nil, err
			}
			if err := c.n.Run(unit.Q(half.Value-at, unit.Second)); err != nil {
				return nil, err
			}
			return c.results()
		})
		if err != nil {
			t.Fatalf("grown, checkpoint %g s later, resumed: %v", at, err)
		}
		for r := range got {
			if diff := sameBits(got[r], want); diff != "" {
				t.Errorf("%d processes, checkpoint %g s after growing, process %d: %s", k, at, r, diff)
			}
		}
	}
}

// Options.CheckpointEvery on a split network writes every process's file
// during a run; a run abandoned past the checkpoint (its files hold rows
// after it) and resumed on as many processes writes, from its first
// process, the data files of an uninterrupted split run, byte for byte.
func TestSplitPeriodicCheckpoints(t *testing.T) {
	half := unit.Q(10, unit.Millisecond)
	k := 2
	refDir, dir, ckDir := t.TempDir(), t.TempDir(), t.TempDir()
	if _, err := runRanks(k, func(comm cluster.Comm) (struct{}, error) {
		c, err := newSplitCkpt(Options{Comm: comm, RecordDir: refDir})
		if err != nil {
			return struct{}{}, err
		}
		if _, err := c.whole(half); err != nil {
			return struct{}{}, err
		}
		return struct{}{}, c.n.Close()
	}); err != nil {
		t.Fatal(err)
	}
	ck := filepath.Join(ckDir, "run.ckpt")
	opts := func(comm cluster.Comm) Options {
		return Options{Comm: comm, RecordDir: dir, Checkpoint: ck, CheckpointEvery: half}
	}
	if _, err := runRanks(k, func(comm cluster.Comm) (struct{}, error) {
		c, err := newSplitCkpt(opts(comm))
		if err != nil {
			return struct{}{}, err
		}
		// A checkpoint at 10 ms; abandoned at 15 ms.
		return struct{}{}, c.n.Run(unit.Q(15, unit.Millisecond))
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := runRanks(k, func(comm cluster.Comm) (struct{}, error) {
		c, err := newSplitCkpt(opts(comm))
		if err != nil {
			return struct{}{}, err
		}
		if err := c.n.Resume(ck); err != nil {
			return struct{}{}, err
		}
		if math.Abs(c.n.T().Value-half.Value) > 1e-12 {
			return struct{}{}, errors.New("resumed at " + c.n.T().String())
		}
		if err := c.n.Run(half); err != nil {
			return struct{}{}, err
		}
		if err := c.grow(); err != nil {
			return struct{}{}, err
		}
		if err := c.n.Run(half); err != nil {
			return struct{}{}, err
		}
		return struct{}{}, c.n.Close()
	}); err != nil {
		t.Fatal(err)
	}
	sameFiles(t, dir, refDir)
	for r := range k {
		if _, err := os.Stat(CheckpointFile(ck, r)); err != nil {
			t.Errorf("process %d's file: %v", r, err)
		}
	}
}

// splitCheckpoint writes a checkpoint of the network on k processes after
// d.
func splitCheckpoint(t *testing.T, k int, d unit.Quantity, ck string) {
	t.Helper()
	if _, err := runRanks(k, func(comm cluster.Comm) (struct{}, error) {
		c, err := newSplitCkpt(Options{Comm: comm})
		if err != nil {
			return struct{}{}, err
		}
		if err := c.n.Run(d); err != nil {
			return struct{}{}, err
		}
		return struct{}{}, c.n.Checkpoint(ck)
	}); err != nil {
		t.Fatal(err)
	}
}

// resumeOn resumes a new network on k processes (one, unsplit, for k =
// 1) from ck and returns each process's error. A process that refused
// the checkpoint must be left as it was: its clock at 0, and a run of 2 ms
// then gives want.
func resumeOn(t *testing.T, k int, ck string, want []float64) []error {
	t.Helper()
	try := func(comm cluster.Comm) (error, error) {
		c, err := newSplitCkpt(Options{Comm: comm})
		if err != nil {
			return nil, err
		}
		rerr := c.n.Resume(ck)
		if rerr == nil {
			return nil, nil
		}
		if c.n.T().Value != 0 {
			return rerr, fmt.Errorf("a refused checkpoint moved the clock to %v", c.n.T())
		}
		if err := c.n.Run(unit.Q(2, unit.Millisecond)); err != nil {
			return rerr, fmt.Errorf("after a refused checkpoint: %w", err)
		}
		got, err := c.results()
		if err != nil {
			return rerr, err
		}
		if diff := sameBits(got, want); diff != "" {
			return rerr, fmt.Errorf("a run after a refused checkpoint: %s", diff)
		}
		return rerr, nil
	}
	if k == 1 {
		rerr, err := try(nil)
		if err != nil {
			t.Fatal(err)
		}
		return []error{rerr}
	}
	errs, err := runRanks(k, try)
	if err != nil {
		t.Fatal(err)
	}
	return errs
}

// fresh is what the network gives in one process after 2 ms.
func fresh(t *testing.T) []float64 {
	t.Helper()
	c, err := newSplitCkpt(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.n.Run(unit.Q(2, unit.Millisecond)); err != nil {
		t.Fatal(err)
	}
	want, err := c.results()
	if err != nil {
		t.Fatal(err)
	}
	return want
}

// Resuming on another number of processes than wrote the checkpoint is
// refused on every process, with an error that names both counts.
func TestSplitCheckpointOtherProcessCount(t *testing.T) {
	d := unit.Q(2, unit.Millisecond)
	dir := t.TempDir()
	two, three := filepath.Join(dir, "two.ckpt"), filepath.Join(dir, "three.ckpt")
	splitCheckpoint(t, 2, d, two)
	splitCheckpoint(t, 3, d, three)
	want := fresh(t)
	for _, c := range []struct {
		ck   string
		k    int
		want []string
	}{
		{two, 3, []string{"written by 2 processes", "runs on 3 processes"}},
		{three, 2, []string{"written by 3 processes", "runs on 2 processes"}},
		{two, 1, []string{"written by 2 processes", "runs on 1 process"}},
	} {
		for r, err := range resumeOn(t, c.k, c.ck, want) {
			for _, w := range c.want {
				if err == nil || !strings.Contains(err.Error(), w) {
					t.Errorf("%s on %d processes, process %d: %v, want an error that says %q", filepath.Base(c.ck), c.k, r, err, w)
				}
			}
		}
	}
}

// A damaged file of one process, a missing one, files of different steps
// and a file of another process are refused on every process, and no
// process changes its state.
func TestSplitCheckpointRefuses(t *testing.T) {
	dir := t.TempDir()
	ck := filepath.Join(dir, "a.ckpt")
	splitCheckpoint(t, 2, unit.Q(2, unit.Millisecond), ck)
	rank1 := CheckpointFile(ck, 1)
	data, err := os.ReadFile(rank1)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(rank1, "a.ckpt.rank1") {
		t.Fatalf("process 1's file is %s, want a.ckpt.rank1", rank1)
	}
	ref := fresh(t)
	check := func(what string, want ...string) {
		t.Helper()
		for r, err := range resumeOn(t, 2, ck, ref) {
			for _, w := range want {
				if err == nil || !strings.Contains(err.Error(), w) {
					t.Errorf("%s, process %d: %v, want an error that says %q", what, r, err, w)
				}
			}
		}
	}
	flipped := bytes.Clone(data)
	flipped[len(flipped)/2] ^= 1
	if err := os.WriteFile(rank1, flipped, 0o644); err != nil {
		t.Fatal(err)
	}
	check("a damaged file", "a.ckpt.rank1 is damaged or cut short")
	if err := os.Remove(rank1); err != nil {
		t.Fatal(err)
	}
	check("a missing file", "a.ckpt.rank1", "no such file")
	// Process 1's file of 2 ms beside process 0's of 4 ms.
	if err := os.WriteFile(rank1, data, 0o644); err != nil {
		t.Fatal(err)
	}
	splitCheckpoint(t, 2, unit.Q(4, unit.Millisecond), ck)
	if err := os.WriteFile(rank1, data, 0o644); err != nil {
		t.Fatal(err)
	}
	check("files of different steps", "different steps (process 0 at step 40, process 1 at step 20)")
	// Process 0's file read by process 1.
	if err := os.WriteFile(rank1, mustRead(t, ck), 0o644); err != nil {
		t.Fatal(err)
	}
	check("process 0's file as process 1's", "is the file of process 0, not of process 1")
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// A run of a split network stopped on one process (its context done, as
// by SIGINT) stops on every process at the same step, each with an error
// that wraps context.Canceled, as a checkpoint at a stop needs; the
// checkpoint then written resumes to the uninterrupted run's results.
func TestSplitStopThenCheckpoint(t *testing.T) {
	half := unit.Q(10, unit.Millisecond)
	want := uninterrupted(t, half)
	ck := filepath.Join(t.TempDir(), "stop.ckpt")
	k := 2
	if _, err := runRanks(k, func(comm cluster.Comm) (struct{}, error) {
		c, err := newSplitCkpt(Options{Comm: comm})
		if err != nil {
			return struct{}{}, err
		}
		if err := c.n.Run(half); err != nil {
			return struct{}{}, err
		}
		ctx := context.Background()
		if comm.Rank() == 1 {
			stopped, cancel := context.WithCancel(ctx)
			cancel()
			ctx = stopped
		}
		var stopErr error
		if err := c.n.RunContext(ctx, half); !errors.Is(err, context.Canceled) {
			stopErr = fmt.Errorf("process %d: %v, want a stop that wraps context.Canceled", comm.Rank(), err)
		} else if math.Abs(c.n.T().Value-half.Value) > 1e-12 {
			stopErr = fmt.Errorf("process %d stopped at %v, want %v", comm.Rank(), c.n.T(), half)
		}
		// Every process writes its part (collective) whatever happened.
		return struct{}{}, errors.Join(stopErr, c.n.Checkpoint(ck))
	}); err != nil {
		t.Fatal(err)
	}
	got, err := runRanks(k, func(comm cluster.Comm) ([]float64, error) {
		c, err := newSplitCkpt(Options{Comm: comm})
		if err != nil {
			return nil, err
		}
		if err := c.n.Resume(ck); err != nil {
			return nil, err
		}
		if err := c.n.Run(half); err != nil {
			return nil, err
		}
		if err := c.grow(); err != nil {
			return nil, err
		}
		if err := c.n.Run(half); err != nil {
			return nil, err
		}
		return c.results()
	})
	if err != nil {
		t.Fatal(err)
	}
	for r := range got {
		if diff := sameBits(got[r], want); diff != "" {
			t.Errorf("process %d: %s", r, diff)
		}
	}
}
