package cajal

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/cajal-sim/cajal/unit"
)

// noErrorWithZeroArgs are the methods that may succeed when every argument
// is a zero value, each with the reason.
var noErrorWithZeroArgs = map[string]string{
	"SynapseGroup.Connect": "no options is the all-to-all rule",
	"NewNetwork":           "zero Options are the defaults",
	"Network.SetTier":      "the zero Tier is TierAuto",
}

// TestNilAndZeroValues calls every exported method of the package's types
// with zero values for all arguments (nil slices, interfaces and pointers,
// zero structs, empty strings), on a receiver made by a network, on a zero
// receiver and on a nil one: none may panic, and a method that returns an
// error must return one, except where a zero argument is a valid request
// (noErrorWithZeroArgs). The package's functions get the same test.
func TestNilAndZeroValues(t *testing.T) {
	n := newNet(t, Options{})
	g, err := n.NeuronGroup(Neurons{Name: "g", N: 4, Model: "v : volt", Threshold: "v > 1*volt"})
	if err != nil {
		t.Fatal(err)
	}
	sub, _ := g.Slice(1, 3)
	s, err := n.Synapses(Synapses{Source: g, Target: g, Model: "w : 1", OnPre: "w += 1"})
	if err != nil {
		t.Fatal(err)
	}
	sm, _ := n.SpikeMonitor(g)
	st, _ := n.StateMonitor(g, []string{"v"}, nil, unit.Quantity{})
	rm, _ := n.PopulationRateMonitor(g)
	wr, _ := s.WeightRecorder("w", "pre")
	receivers := []any{n, g, sub, s, sm, st, rm, wr}
	for _, r := range receivers {
		v := reflect.ValueOf(r)
		callAll(t, v, true)
		callAll(t, reflect.Zero(v.Type()), false) // nil pointer, or Subgroup{}
		if v.Kind() == reflect.Pointer {
			callAll(t, reflect.New(v.Type().Elem()), false) // &T{}
		}
	}
	for name, f := range map[string]any{"NewNetwork": NewNetwork, "Condition": Condition, "P": P, "PExpr": PExpr,
		"Multiplicity": Multiplicity, "Pairs": Pairs, "OneToOne": OneToOne, "Times": Times} {
		call(t, name, reflect.ValueOf(f), false)
	}
	// The options' errors come from Connect.
	for _, o := range []ConnectOption{Condition(""), PExpr(""), Multiplicity(0), P(-1)} {
		if err := s.Connect(o); err == nil {
			t.Errorf("Connect accepted a zero-valued option")
		}
	}
}

// callAll calls every exported method of v with zero arguments.
func callAll(t *testing.T, v reflect.Value, valid bool) {
	typ := v.Type()
	for k := 0; k < typ.NumMethod(); k++ {
		m := typ.Method(k)
		name := fmt.Sprintf("%s.%s", reflect.Indirect(reflect.New(typ)).Type().String(), m.Name)
		if typ.Kind() == reflect.Pointer {
			name = fmt.Sprintf("%s.%s", typ.Elem().Name(), m.Name)
		}
		// A valid receiver must reject zero arguments; a zero or nil one
		// must reject everything.
		call(t, name, v.Method(k), valid && m.Type.NumIn() == 1)
	}
}

// call calls f with zero arguments; it must not panic, and where it
// returns an error it must return one, unless mayPass.
func call(t *testing.T, name string, f reflect.Value, mayPass bool) {
	ft := f.Type()
	args := make([]reflect.Value, ft.NumIn())
	for i := range args {
		args[i] = reflect.Zero(ft.In(i))
	}
	var out []reflect.Value
	func() {
		defer func() {
			if r := recover(); r != nil {
				t.Errorf("%s with zero arguments panicked: %v", name, r)
			}
		}()
		if ft.IsVariadic() {
			out = f.CallSlice(args)
		} else {
			out = f.Call(args)
		}
	}()
	if len(out) == 0 || mayPass || noErrorWithZeroArgs[name] != "" {
		return
	}
	last := out[len(out)-1]
	if last.Type() == reflect.TypeFor[error]() && last.IsNil() && ft.NumIn() > 0 {
		t.Errorf("%s with zero arguments returned no error", name)
	}
}
