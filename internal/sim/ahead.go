package sim

import "github.com/cajal-sim/cajal/internal/ir"

// A step's state update may run ahead, in the last phase of the step
// before: each member, once it has delivered the events onto its block and
// reset the block's spiking neurons, goes on to update the block for the
// next step (and select its spikes, where the threshold is fused into the
// update). The step then needs one barrier instead of two, and a member
// keeps its block's state in its own cache from deliveries to the next
// update.
//
// What runs between a step's resets and the next update in the usual
// order must then be unable to see the difference:
//   - the monitors' End (they read the step's spikes and event logs,
//     which the update does not change) and the next step's Start, which
//     must do nothing (QuietMonitor: no state monitor samples, no
//     run_regularly block or network operation runs, no TimedArray is
//     filled at that step);
//   - the synaptic code of the last phase, which runs beside the next
//     update: it must not read variables of presynaptic neurons (they may
//     belong to another member's block, being updated), only their
//     traces, which change in the serial part of a step;
//   - no clock-driven synaptic update, summed variable or separate
//     threshold phase may sit between update and threshold;
//   - a stop asked for before the phase, or the run's last step: the
//     update is not run early, so that a run ends, or stops, with every
//     step whole.
//
// The update's own errors (a divergence) are kept and reported by the
// next step, after the monitors have recorded this one, as in the usual
// order. Results are the same bit for bit (tested: thread counts, whose
// runs update ahead, against one thread, whose runs do not).

// ownTail reports whether each member may go on, in the run's last
// delivery phase, to work on its own block of every group (resets, and
// updates ahead): the phase is split by target, and its synaptic code
// reads no variable of a presynaptic neuron, which may lie in another
// member's block and be reset or updated meanwhile.
func (l *loop) ownTail() bool {
	if len(l.deliveries) == 0 {
		return false
	}
	last := l.deliveries[len(l.deliveries)-1]
	if last.serial {
		return false
	}
	for _, p := range last.paths {
		if preVariable(p.prog) != "" || preVariable(p.progNow) != "" || preVariable(p.neuron) != "" {
			return false
		}
	}
	return true
}

// aheadable reports whether the run's steps may update ahead at all: one
// process, a last delivery phase of the members' own blocks (ownTail),
// and nothing between update and threshold.
func (l *loop) aheadable() bool {
	return !l.split && !l.synapses && !l.thresholds && l.tail
}

// preVariable is the first variable of the presynaptic neuron, other than
// a trace, that a synaptic program uses, or "" if there is none.
func preVariable(bd *bound) string {
	if bd == nil {
		return ""
	}
	for _, sl := range bd.prog.Slots {
		if sl.Index == ir.Pre && !TraceArray(sl.Name) {
			return sl.Name
		}
	}
	return ""
}

// ahead reports whether the next step's update runs in this step's last
// phase.
func (l *loop) ahead(step int64) bool {
	if !l.canAhead || !l.more || l.c == nil || !l.j.shared(phaseDeliver) || l.n.stopStatus() == statusStopped {
		return false
	}
	for _, m := range l.n.Monitors {
		q, ok := m.(QuietMonitor)
		if !ok || !q.QuietAt(step+1) {
			return false
		}
	}
	return true
}

// updateAhead runs member w's block of the next step's update, keeping
// its error for the next step.
func (j *phaseJob) updateAhead(w int) {
	t := float64(j.step+1) * j.n.Dt
	for _, g := range j.n.Groups {
		if err := g.updatePart(w, j.workers, j.step+1, t); err != nil {
			j.aheadErrs[w] = &objectError{g.Name, err, nil}
			return
		}
	}
}
