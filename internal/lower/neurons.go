package lower

import (
	"fmt"
	"strings"

	"github.com/cajal-sim/cajal/internal/check"
	"github.com/cajal-sim/cajal/internal/ir"
	"github.com/cajal-sim/cajal/internal/ode"
	"github.com/cajal-sim/cajal/internal/sim"
)

// Neurons describes a neuron group to lower.
type Neurons struct {
	Name      string
	Scope     *check.Scope // the model, namespace and sizes, checked
	Dt        float64      // seconds
	Method    ode.Method   // "" for Brian2's choice
	Threshold string       // condition, "" for none
	Reset     string       // statements, "" for none
	// Refractory is the refractory period as text (an expression or a
	// condition), "" for none; or, with FixedRefractory, RefractoryPeriod
	// is a fixed period in seconds.
	Refractory       string
	FixedRefractory  bool
	RefractoryPeriod float64
	// SummedInto says that synapses write summed variables into the
	// group: its threshold cannot then be computed in the update's pass.
	SummedInto bool
}

// Lower writes the group's state update, threshold and reset, and returns
// them with the integration method used.
func (n Neurons) Lower() (sim.Code, ode.Method, error) {
	var code sim.Code
	s := n.Scope
	eqs, _, err := s.Equations()
	if err != nil {
		return code, "", err
	}
	sys := ode.System{Eqs: eqs, Dt: n.Dt, NoiseDraw: noiseDraw}
	refractory := n.Refractory != "" || n.FixedRefractory
	if refractory {
		sys.NotRefractory = "not_refractory"
		a := s.RefractoryFor(n.RefractoryPeriod)
		if n.Refractory != "" {
			if a, err = s.RefractoryPeriod(n.Name+".refractory", n.Refractory); err != nil {
				return code, "", err
			}
		}
		code.Update = append(code.Update, a)
	}
	upd, method, err := Integrate(n.Name, sys, n.Method)
	if err != nil {
		return code, "", err
	}
	code.Update = append(code.Update, upd...)
	if strings.TrimSpace(n.Threshold) != "" {
		cond, err := s.Condition(n.Name+".threshold", n.Threshold, "the threshold")
		if err != nil {
			return code, "", err
		}
		if refractory {
			cond = ir.Call(ir.And, cond, ir.V("not_refractory", ir.Elem))
		}
		code.Threshold = cond
		// A deterministic threshold can be computed in the update's pass,
		// unless synapses write summed variables into the group between
		// the two slots.
		code.Fuse = !ir.HasRandom(cond) && !n.SummedInto
	}
	if strings.TrimSpace(n.Reset) != "" {
		if code.Threshold == nil {
			return code, "", fmt.Errorf("cajal: %s: a reset needs a threshold", n.Name)
		}
		if code.Reset, err = s.Statements(n.Name+".reset", n.Reset); err != nil {
			return code, "", err
		}
	}
	if refractory && code.Threshold != nil {
		code.Reset = append(code.Reset,
			ir.Assign{Target: ir.V("lastspike", ir.Elem), Value: ir.V("t", ir.Scalar)},
			ir.Assign{Target: ir.V("not_refractory", ir.Elem), Value: ir.Num(0)})
	}
	return code, method, nil
}

// noiseDraw numbers the random draws of noise terms (xi), apart from the
// draws of rand() and randn() in the code.
const noiseDraw = 1 << 20

// Integrate writes one step of the equations with method, or with the
// method Brian2 would choose when method is empty.
func Integrate(name string, sys ode.System, method ode.Method) (ir.Block, ode.Method, error) {
	var err error
	if method == "" {
		if method, err = ode.Choose(sys); err != nil {
			return nil, "", fmt.Errorf("cajal: %s: no method can integrate the equations: %v", name, err)
		}
	}
	b, err := ode.Integrate(sys, method)
	if err != nil {
		return nil, "", fmt.Errorf("cajal: %s: method %q cannot integrate the equations: %v", name, method, err)
	}
	return b, method, nil
}
