package sim

import "github.com/cajal-sim/cajal/internal/kernel"

// Input is a program run at every step over elements Lo to Hi-1 of a
// group, after the threshold's work and before the synaptic events
// (Brian2's synapses slot: PoissonInput). It runs in a parallel phase,
// each member over its block of the group, with its own machine and
// environment; the elements draw by their numbers, so the split does not
// change the results.
type Input struct {
	Name     string // for errors: "group.PoissonInput"
	Group    *Group
	Lo, Hi   int
	Prog     *kernel.Program
	Envs     []kernel.Env // one per member (Step and t change each step)
	Machines []*kernel.Machine
	TSlot    int // index of t in the scalars, or -1
}

// NewInput binds p, whose slots are per-element variables of g, for
// workers members; key numbers its random streams.
func NewInput(name string, g *Group, lo, hi int, p *kernel.Program, env kernel.Env, workers int) *Input {
	in := &Input{Name: name, Group: g, Lo: lo, Hi: hi, Prog: p, TSlot: -1}
	for i, s := range p.Scalars {
		if s == "t" {
			in.TSlot = i
		}
	}
	for range max(workers, 1) {
		e := env
		e.Scalars = append([]float64(nil), env.Scalars...)
		in.Envs = append(in.Envs, e)
		in.Machines = append(in.Machines, p.NewMachine())
	}
	return in
}

// part runs member w's block of the input.
func (in *Input) part(w, workers int, step uint64, t float64) error {
	lo, hi := in.Group.block(w, workers)
	lo, hi = max(lo, in.Lo), min(hi, in.Hi)
	if lo >= hi {
		return nil
	}
	env := &in.Envs[w]
	env.Step = step
	if in.TSlot >= 0 {
		env.Scalars[in.TSlot] = t
	}
	return in.Machines[w].Range(env, lo, hi)
}
