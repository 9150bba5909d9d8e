package cajal

import (
	"crypto/sha256"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/cajal-sim/cajal/internal/checkpoint"
	"github.com/cajal-sim/cajal/internal/sim"
	"github.com/cajal-sim/cajal/record"
)

// CheckpointVersion is the format version of the checkpoint files this
// package writes and reads (docs/checkpoint.md).
const CheckpointVersion = checkpoint.Version

// Checkpoint writes the network's whole state, between two steps, to the
// file path: the clock, every variable, the spikes in flight in the delay
// queues, the event counters, the monitors' records kept in memory and
// the row counts of their files (flushed first), and a description of the
// model. The file appears whole or not at all. Resume, in a network
// built the same way, continues the run from it, with results identical
// bit for bit to those of a run never stopped (docs/checkpoint.md).
//
// A network split over processes (Options.Comm) writes one file per
// process, CheckpointFile(path, rank), each with that process's state;
// every process calls Checkpoint, and if one fails, all return an error.
func (n *Network) Checkpoint(path string) error {
	if n.invalid() {
		return errNetwork
	}
	if !n.sim.Split() {
		return n.checkpoint(path)
	}
	n.sim.SplitLayout()
	err := n.checkpoint(CheckpointFile(path, n.opts.Comm.Rank()))
	_, err = n.agree(err, "")
	return err
}

// CheckpointFile is the file of process rank of a checkpoint written to
// path by a network split over processes: path itself for the first
// (rank 0), path + ".rank" + rank for the others (out/checkpoint.ckpt,
// out/checkpoint.ckpt.rank1, out/checkpoint.ckpt.rank2 ...).
func CheckpointFile(path string, rank int) string {
	if rank == 0 {
		return path
	}
	return path + ".rank" + strconv.Itoa(rank)
}

// checkpoint writes this process's checkpoint file.
func (n *Network) checkpoint(path string) error {
	if len(n.thresholdTasks) > 0 || len(n.events) > 0 {
		return fmt.Errorf("cajal: a checkpoint cannot yet save the records of spike monitors with Variables or of event monitors")
	}
	if n.recordErr == nil {
		n.openFiles()
	}
	if n.recordErr != nil {
		return n.recordErr
	}
	if err := n.Flush(); err != nil {
		return err
	}
	st := sim.State{}
	if err := n.sim.SaveState(st); err != nil {
		return fmt.Errorf("cajal: %w", err)
	}
	e := checkpoint.Entries{"fingerprint": strings.Join(n.fingerprint(), "\n")}
	for k, v := range st {
		e["sim/"+k] = v
	}
	for k, v := range n.counters() {
		e[k] = []int64{int64(*v)}
	}
	for k, f := range n.files {
		e[fmt.Sprintf("cajal/file/%d/rows", k)] = []int64{(*f.out).Rows()}
	}
	if err := checkpoint.Write(path, e); err != nil {
		return fmt.Errorf("cajal: %w", err)
	}
	return nil
}

// counters are the positions of the random streams of initial values and
// connections (Set and Connect with random draws), by entry name.
func (n *Network) counters() map[string]*int {
	out := map[string]*int{}
	for k, g := range n.groups {
		out[fmt.Sprintf("cajal/group/%d/draws", k)] = &g.draws
	}
	for k, s := range n.synapses {
		out[fmt.Sprintf("cajal/synapses/%d/draws", k)] = &s.draws
		out[fmt.Sprintf("cajal/synapses/%d/connects", k)] = &s.connects
	}
	return out
}

// Resume sets the network's state from the checkpoint file path, written
// by Checkpoint from a network built by the same code: the same groups,
// synapses, connections, monitors and Options (seed, dt, Model). Call it
// after building the network and before its first run; the monitors'
// files are then reopened at the rows the checkpoint counted (rows written
// after it are cut, see record.Resume) instead of being made anew. A
// checkpoint of another model, of another format version, or damaged, is
// refused with an error that says so, and the network is left as it was.
//
// A network split over processes reads, on each process, its own file
// (CheckpointFile), written by a network split over as many processes;
// every process calls Resume, and if one refuses its file, all return an
// error and none changes its state. Resume first lays the network out as
// a run would (each process keeps the synapses onto its neurons).
func (n *Network) Resume(path string) error {
	if n.invalid() {
		return errNetwork
	}
	var err error
	switch {
	case n.started || len(n.writers) > 0:
		err = fmt.Errorf("cajal: Resume must come before the network's first run or checkpoint")
	case n.recordErr != nil:
		err = n.recordErr
	}
	split := n.sim.Split()
	if split {
		path = CheckpointFile(path, n.opts.Comm.Rank())
		if err == nil {
			n.sim.SplitLayout()
		}
	}
	var r *resumed
	if err == nil {
		r, err = n.readCheckpoint(path)
	}
	if split {
		step := ""
		if r != nil {
			step = strconv.FormatInt(r.step, 10)
		}
		var steps []string
		if steps, err = n.agree(err, step); err == nil {
			err = sameSteps(path, steps)
		}
	}
	if err != nil {
		return err
	}
	r.apply()
	for c, v := range r.counters {
		*c = int(v)
	}
	n.started = true
	err = n.resumeFiles(r.rows)
	if split {
		if _, err = n.agree(err, ""); err != nil {
			n.recordErr = err // later runs fail on every process
		}
	}
	return err
}

// resumed is a checkpoint read and checked, ready to be applied.
type resumed struct {
	apply    func() // sets the simulation's state
	step     int64
	counters map[*int]int64
	rows     []int64
}

// readCheckpoint reads and checks the checkpoint file path, changing
// nothing.
func (n *Network) readCheckpoint(path string) (*resumed, error) {
	e, err := checkpoint.Read(path)
	if err != nil {
		return nil, fmt.Errorf("cajal: %w", err)
	}
	fp, _ := e["fingerprint"].(string)
	if err := n.checkProcesses(path, fp); err != nil {
		return nil, err
	}
	if err := compareFingerprints(path, fp, n.fingerprint()); err != nil {
		return nil, err
	}
	ints := func(name string) (int64, error) {
		v, ok := e[name].([]int64)
		if !ok || len(v) != 1 || v[0] < 0 {
			return 0, fmt.Errorf("cajal: checkpoint %s: no valid %s", path, name)
		}
		return v[0], nil
	}
	r := &resumed{counters: map[*int]int64{}, rows: make([]int64, len(n.files))}
	for name, c := range n.counters() {
		if r.counters[c], err = ints(name); err != nil {
			return nil, err
		}
	}
	for k := range n.files {
		if r.rows[k], err = ints(fmt.Sprintf("cajal/file/%d/rows", k)); err != nil {
			return nil, err
		}
	}
	st := sim.State{}
	for name, v := range e {
		if rest, ok := strings.CutPrefix(name, "sim/"); ok {
			st[rest] = v
		}
	}
	if r.apply, err = n.sim.CheckState(st); err != nil {
		return nil, fmt.Errorf("cajal: checkpoint %s: %w", path, err)
	}
	r.step = st["step"].([]int64)[0] // checked by CheckState
	return r, nil
}

// resumeFiles reopens the monitors' files at the given rows. An error
// stops later runs: the state is restored but the files are not.
func (n *Network) resumeFiles(rows []int64) error {
	for k, f := range n.files {
		w, err := record.Resume(f.path, rows[k])
		if err != nil {
			n.recordErr = fmt.Errorf("cajal: restoring monitor file %s: %w", f.path, err)
			return n.recordErr
		}
		*f.out = w
		n.writers = append(n.writers, w)
	}
	return nil
}

// fingerprint describes the model a state belongs to, one fact a line (a
// key, a tab, the value): the structure (sim.Network.Structure), each
// object's code (digests of its text), the monitors' files,
// Options.Model (itself if short, else a digest) and, for a network split
// over processes, their count and this one's rank. Namespaces are not
// part of it: a run may change them.
func (n *Network) fingerprint() []string {
	model := n.opts.Model
	if len(model) > 80 || strings.ContainsAny(model, "\n\t") {
		model = digest(model)
	} else if model == "" {
		model = "none"
	}
	out := []string{"model\t" + model}
	if n.sim.Split() {
		out = append(out, fmt.Sprintf("processes\t%d", n.opts.Comm.Size()), fmt.Sprintf("process\t%d", n.opts.Comm.Rank()))
	}
	out = append(out, n.sim.Structure()...)
	for k, g := range n.groups {
		p := fmt.Sprintf("group %d (%s): ", k, g.spec.Name)
		out = append(out, p+"model\t"+digest(g.spec.Model), p+"threshold\t"+digest(g.spec.Threshold),
			p+"reset\t"+digest(g.spec.Reset), p+"refractory\t"+digest(fmt.Sprintf("%s %v", g.refr, g.refrPeriod)), p+"method\t"+g.spec.Method)
		if g.input != "" {
			out = append(out, p+"input\t"+g.input)
		}
	}
	for k, s := range n.synapses {
		p := fmt.Sprintf("synapses %d (%s): ", k, s.spec.Name)
		out = append(out, p+"model\t"+digest(s.spec.Model), p+"on_pre\t"+digest(s.spec.OnPre),
			p+"on_post\t"+digest(s.spec.OnPost), p+"delays\t"+digest(fmt.Sprintf("%v", s.delays)), p+"method\t"+s.spec.Method)
	}
	for k, f := range n.files {
		out = append(out, fmt.Sprintf("file %d\t%s (%s of %s)", k, filepath.Base(f.path), f.meta.Kind, f.meta.Source))
	}
	return out
}

// digest is a short SHA-256 digest of a text ("none" for an empty one).
func digest(text string) string {
	if strings.TrimSpace(text) == "" {
		return "none"
	}
	return fmt.Sprintf("%x", sha256.Sum256([]byte(text)))[:24]
}

// compareFingerprints names the first fact on which a checkpoint's model
// and this network's differ.
func compareFingerprints(path, saved string, here []string) error {
	split := func(lines []string) ([]string, map[string]string) {
		var keys []string
		m := map[string]string{}
		for _, l := range lines {
			k, v, _ := strings.Cut(l, "\t")
			keys = append(keys, k)
			m[k] = v
		}
		return keys, m
	}
	if saved == "" {
		return fmt.Errorf("cajal: checkpoint %s has no description of its model", path)
	}
	sk, sm := split(strings.Split(saved, "\n"))
	hk, hm := split(here)
	for _, k := range hk {
		v, ok := sm[k]
		switch {
		case !ok:
			return fmt.Errorf("cajal: checkpoint %s is of another model: this network has %s (%s), the checkpoint's has not", path, k, hm[k])
		case v != hm[k]:
			return fmt.Errorf("cajal: checkpoint %s is of another model: %s is %s in the checkpoint, %s in this network", path, k, v, hm[k])
		}
	}
	for _, k := range sk {
		if _, ok := hm[k]; !ok {
			return fmt.Errorf("cajal: checkpoint %s is of another model: its model has %s (%s), this network has not", path, k, sm[k])
		}
	}
	return nil
}
