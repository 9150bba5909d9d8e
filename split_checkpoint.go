package cajal

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/cajal-sim/cajal/cluster"
)

// Checkpoints of a network split over processes: one file per process
// (CheckpointFile), each process's state in its own; the processes agree
// on every outcome, so that one that fails makes all fail.

// agree gathers, on every process of a split network, each one's error
// or, from those that have none, a note; it returns the notes, or the
// error of the lowest process that failed (its own, on that process).
// Every process calls it (collective).
func (n *Network) agree(err error, note string) ([]string, error) {
	msg := "N" + note
	if err != nil {
		msg = "E" + err.Error()
	}
	all := cluster.GatherStrings(n.opts.Comm, msg)
	notes := make([]string, len(all))
	for r, m := range all {
		if m == "" || m[0] != 'E' {
			notes[r] = strings.TrimPrefix(m, "N")
			continue
		}
		if r == n.opts.Comm.Rank() {
			return nil, err
		}
		return nil, fmt.Errorf("cajal: process %d: %s", r, strings.TrimPrefix(m[1:], "cajal: "))
	}
	return notes, nil
}

// sameSteps refuses a checkpoint whose processes' files hold different
// steps: one process wrote its file and another did not.
func sameSteps(path string, steps []string) error {
	for r := 1; r < len(steps); r++ {
		if steps[r] != steps[0] {
			return fmt.Errorf("cajal: checkpoint %s: the files of its processes are of different steps (process 0 at step %s, process %d at step %s); one was not written whole by every process",
				path, steps[0], r, steps[r])
		}
	}
	return nil
}

// checkProcesses refuses a checkpoint written by another number of
// processes, or the file of another process, naming both.
func (n *Network) checkProcesses(path, saved string) error {
	size, rank := 1, 0
	if n.sim.Split() {
		size, rank = n.opts.Comm.Size(), n.opts.Comm.Rank()
	}
	procs, proc := "1", "0" // a checkpoint of one process has neither line
	for _, line := range strings.Split(saved, "\n") {
		k, v, _ := strings.Cut(line, "\t")
		switch k {
		case "processes":
			procs = v
		case "process":
			proc = v
		}
	}
	if procs != strconv.Itoa(size) {
		return fmt.Errorf("cajal: checkpoint %s was written by %s, and this network runs on %s: resume it on %s (mpirun -np %s)",
			path, processes(procs), processes(strconv.Itoa(size)), processes(procs), procs)
	}
	if proc != strconv.Itoa(rank) {
		return fmt.Errorf("cajal: checkpoint %s is the file of process %s, not of process %d", path, proc, rank)
	}
	return nil
}

// processes says "1 process" or "K processes".
func processes(k string) string {
	if k == "1" {
		return "1 process"
	}
	return k + " processes"
}
