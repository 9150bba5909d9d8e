package sim

import (
	"fmt"

	"github.com/cajal-sim/cajal/internal/kernel"
	"github.com/cajal-sim/cajal/internal/kernel/cc"
)

// Programs start in the interpreter (tier 0) and move to code compiled by
// the system C compiler (tier 1, package cc) at a step boundary, once it
// is ready: both compute the same bits, so when a program moves changes
// nothing. Tier chooses: cc.Auto compiles in the background, cc.Native
// compiles before the run, cc.Interp never compiles.

// request starts compiling a bound program, unless the network's tier or
// the program's owner says to interpret.
func (t *tiering) request(bd *bound, interpret bool) {
	if bd == nil || interpret || t.tier == cc.Interp || t.unavailable != nil || bd.machines[0].Native() {
		return
	}
	bd.pending = cc.Request(bd.prog)
	t.waiting = append(t.waiting, bd)
}

// tiering tracks the programs of a run waiting for their compiled form.
type tiering struct {
	tier        cc.Tier
	waiting     []*bound
	unavailable error // why tier 1 cannot run here, once known
	failed      error // the first compilation that failed
}

// startTiers prepares a run: it requests compiled code for every program and,
// for cc.Native, waits for it.
func (n *Network) startTiers() error {
	t := &n.tiers
	t.tier, t.waiting, t.failed = n.Tier, t.waiting[:0], nil
	if t.tier != cc.Interp && t.unavailable == nil {
		if err := cc.Available(); err != nil {
			t.unavailable = err
			if t.tier == cc.Native {
				return fmt.Errorf("the native tier is not available: %v", err)
			}
			n.notice(fmt.Sprintf("running interpreted: compiled kernels are not available (%v)", err))
		}
	}
	for _, g := range n.Groups {
		for _, bd := range []*bound{g.update, g.threshold, g.reset} {
			t.request(bd, g.Interpret)
		}
	}
	for _, s := range n.Synapses {
		t.request(s.update, s.Interpret)
		for _, sm := range s.summed {
			t.request(sm.prog, s.Interpret)
		}
		for _, p := range s.Pathways {
			for _, bd := range []*bound{p.prog, p.progNow, p.neuron, p.now} {
				t.request(bd, s.Interpret)
			}
		}
	}
	for _, x := range n.Extra {
		if len(x.Machines) > 0 {
			t.request(&bound{prog: x.Prog, machines: x.Machines}, false)
		}
	}
	if t.tier == cc.Native {
		for _, bd := range t.waiting {
			c, err := bd.pending.Wait()
			if err != nil {
				return fmt.Errorf("the native tier failed: %v", err)
			}
			bd.use(c)
		}
		t.waiting = t.waiting[:0]
	}
	return nil
}

// pollTiers moves the programs whose compiled code is ready to it; it is
// called between steps.
func (n *Network) pollTiers() {
	t := &n.tiers
	kept := t.waiting[:0]
	for _, bd := range t.waiting {
		if c, ok := bd.pending.Ready(); ok {
			bd.use(c)
			continue
		}
		if bd.pending.Done() {
			if t.failed == nil {
				t.failed = bd.pending.Err()
				n.notice(fmt.Sprintf("running a program interpreted: %v", t.failed))
			}
			continue
		}
		kept = append(kept, bd)
	}
	t.waiting = kept
}

// use switches every machine of the program to compiled code.
func (bd *bound) use(c kernel.Compiled) {
	for _, m := range bd.machines {
		m.Use(c)
	}
}

// notice reports something the user should know, once.
func (n *Network) notice(msg string) {
	if n.Notice != nil {
		n.Notice(msg)
	}
}
