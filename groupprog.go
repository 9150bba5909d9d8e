package cajal

import (
	"fmt"

	"github.com/cajal-sim/cajal/internal/ir"
	"github.com/cajal-sim/cajal/internal/kernel"
	"github.com/cajal-sim/cajal/internal/rng"
)

// groupProgram is a program run over a neuron group's elements outside the
// group's own update (event conditions, PoissonInput): the program, its
// data and the machine that runs it.
type groupProgram struct {
	prog  *kernel.Program
	env   kernel.Env
	tSlot int // index of t in the scalars, or -1
	mach  *kernel.Machine
}

// bindGroupProgram binds p to g's arrays and shared variables; owner
// names it in errors.
func bindGroupProgram(owner string, p *kernel.Program, g *NeuronGroup, key rng.Key) (groupProgram, error) {
	gp := groupProgram{prog: p, tSlot: -1,
		env: kernel.Env{Key: key, Scalars: make([]float64, len(p.Scalars))}}
	for _, sl := range p.Slots {
		a, ok := g.sg.Arrays[sl.Name]
		if !ok || sl.Index != ir.Elem {
			return gp, fmt.Errorf("cajal: %s: no variable %s", owner, sl.Name)
		}
		gp.env.Arrays = append(gp.env.Arrays, a)
	}
	for i, name := range p.Scalars {
		if name == "t" {
			gp.tSlot = i
		} else {
			gp.env.Scalars[i] = g.sg.Scalars[name]
		}
	}
	gp.mach = p.NewMachine()
	return gp, nil
}

// at sets the step and time the next run of the program sees.
func (gp *groupProgram) at(step int64, t float64) *kernel.Env {
	gp.env.Step = uint64(step)
	if gp.tSlot >= 0 {
		gp.env.Scalars[gp.tSlot] = t
	}
	return &gp.env
}
