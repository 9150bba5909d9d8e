package lower

import (
	"fmt"

	"github.com/cajal-sim/cajal/internal/check"
	"github.com/cajal-sim/cajal/internal/ir"
	"github.com/cajal-sim/cajal/internal/ode"
	"github.com/cajal-sim/cajal/internal/sim"
)

// Synapses describes a synapse group to lower.
type Synapses struct {
	Name   string
	Scope  *check.Scope // the model, namespaces and the neurons' scopes, checked
	Dt     float64      // seconds
	Method ode.Method   // for clock-driven equations; "" for Brian2's choice
	// OnPre and OnPost are the pathways' statements; Pre and Post say
	// whether the group has each pathway.
	OnPre, OnPost string
	Pre, Post     bool
}

// Lowered is a synapse group's code: the clock-driven update and summed
// variables, and each pathway's block (event-driven variables advanced to
// t first).
type Lowered struct {
	Code      sim.SynapseCode
	Pre, Post ir.Block
}

// Lower writes the group's code.
func (s Synapses) Lower() (Lowered, error) {
	var out Lowered
	sc := s.Scope
	clock, event, err := sc.Equations()
	if err != nil {
		return out, err
	}
	if len(clock) > 0 {
		sys := ode.System{Eqs: clock, Dt: s.Dt, NoiseDraw: noiseDraw}
		if out.Code.Update, _, err = Integrate(s.Name, sys, s.Method); err != nil {
			return out, err
		}
	}
	summed, err := sc.Summed()
	if err != nil {
		return out, err
	}
	for _, sv := range summed {
		out.Code.Summed = append(out.Code.Summed, &sim.Summed{Target: sv.Target, Value: sv.Value})
	}
	// Event-driven variables are advanced in closed form from the last
	// event, at each event of either pathway.
	var advance ir.Block
	if len(event) > 0 {
		elapsed := ir.Minus(ir.V("t", ir.Scalar), ir.V("lastupdate", ir.Elem))
		if advance, err = ode.EventDriven(event, elapsed); err != nil {
			return out, fmt.Errorf("cajal: %s: %v", s.Name, err)
		}
		advance = append(advance, ir.Assign{Target: ir.V("lastupdate", ir.Elem), Value: ir.V("t", ir.Scalar)})
	}
	pathway := func(has bool, text, src string) (ir.Block, error) {
		if !has {
			return nil, nil
		}
		b, err := sc.Statements(src, text)
		if err != nil {
			return nil, err
		}
		return append(append(ir.Block{}, advance...), b...), nil
	}
	if out.Pre, err = pathway(s.Pre, s.OnPre, s.Name+".on_pre"); err != nil {
		return out, err
	}
	out.Post, err = pathway(s.Post, s.OnPost, s.Name+".on_post")
	return out, err
}
