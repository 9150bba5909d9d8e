package cajal

import (
	"fmt"
	"math"

	"github.com/cajal-sim/cajal/internal/check"
	"github.com/cajal-sim/cajal/unit"
)

// TimedArray is a sequence of values over time, as Brian2's TimedArray:
// named in a Namespace, it is a function of time in model code, stim(t),
// or of time and neuron, stim(t, i), when it has one column per neuron.
//
// Row k holds the values for times in [k*Dt, (k+1)*Dt). As in Brian2, the
// time is first rounded to the simulation step: at step n (t = n*dt) the
// row is n/K, rounded down, with K = Dt/dt a whole number; before the
// first row the first applies and after the last the last. A Dt shorter
// than dt reads row round(t/Dt).
type TimedArray struct {
	// Values holds the rows one after another: one value per row, or
	// Neurons values per row (row-major, Values[k*Neurons+i]).
	Values  []float64
	Neurons int           // 0 for one value per row; else the number of columns
	Unit    unit.Quantity // unit of Values; zero means dimensionless
	Dt      unit.Quantity // length of a row's interval
}

// rows is the number of rows.
func (ta *TimedArray) rows() int { return len(ta.Values) / max(ta.Neurons, 1) }

// table checks the array and describes it for model code.
func (ta *TimedArray) table() (*check.Table, error) {
	if ta.Neurons < 0 {
		return nil, fmt.Errorf("a TimedArray's Neurons must not be negative, got %d", ta.Neurons)
	}
	if len(ta.Values) == 0 || len(ta.Values)%max(ta.Neurons, 1) != 0 {
		return nil, fmt.Errorf("a TimedArray needs a whole number of rows of %d values, got %d values", max(ta.Neurons, 1), len(ta.Values))
	}
	if !ta.Dt.Dim.Equal(unit.Second.Dim) || !(ta.Dt.Value > 0) || math.IsInf(ta.Dt.Value, 0) {
		return nil, fmt.Errorf("a TimedArray's Dt must be a positive duration, got %v", ta.Dt)
	}
	for k, x := range ta.Values {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return nil, fmt.Errorf("a TimedArray's value %d is %v; values must be finite", k, x)
		}
	}
	d := unit.Dim{}
	if ta.Unit != (unit.Quantity{}) {
		d = ta.Unit.Dim
	}
	return &check.Table{Dim: d, Columns: ta.Neurons}, nil
}

// scale is the SI value of one unit of Values.
func (ta *TimedArray) scale() float64 {
	if ta.Unit == (unit.Quantity{}) {
		return 1
	}
	return ta.Unit.Value
}

// row is the row that applies at step (time step*dt).
func (ta *TimedArray) row(step int64, dt float64) (int, error) {
	ratio := ta.Dt.Value / dt
	var r int64
	if ratio >= 1 {
		k := math.Round(ratio)
		if math.Abs(k-ratio) > 1e-9*ratio {
			return 0, fmt.Errorf("a TimedArray's Dt (%g s) must be a multiple of the time step (%g s)", ta.Dt.Value, dt)
		}
		r = step / int64(k)
	} else {
		r = int64(math.Round(float64(step) * dt / ta.Dt.Value))
	}
	return int(min(max(r, 0), int64(ta.rows()-1))), nil
}

// tableBinding fills a group's array with a TimedArray's current row.
type tableBinding struct {
	ta   *TimedArray
	arr  []float64
	last int // row in arr, or -1
}

// fill writes the row that applies at step.
func (b *tableBinding) fill(step int64, dt float64) error {
	r, err := b.ta.row(step, dt)
	if err != nil || r == b.last {
		return err
	}
	b.last = r
	s := b.ta.scale()
	if b.ta.Neurons == 0 {
		x := b.ta.Values[r] * s
		for i := range b.arr {
			b.arr[i] = x
		}
		return nil
	}
	row := b.ta.Values[r*b.ta.Neurons : (r+1)*b.ta.Neurons]
	for i, x := range row {
		b.arr[i] = x * s
	}
	return nil
}

// timedArrays lists the TimedArrays of a namespace.
func timedArrays(ns Namespace) map[string]*TimedArray {
	out := map[string]*TimedArray{}
	for k, v := range ns {
		switch ta := v.(type) {
		case TimedArray:
			out[k] = &ta
		case *TimedArray:
			out[k] = ta
		}
	}
	return out
}

// prepareTables gives every group the arrays of the TimedArrays that its
// code and the code of synapses onto or from it can read, filled for the
// current step.
func (n *Network) prepareTables() error {
	type key struct {
		g    *NeuronGroup
		name string
	}
	want := map[key]*TimedArray{}
	add := func(g *NeuronGroup, owner string, ns Namespace) error {
		for name, ta := range timedArrays(ns) {
			k := key{g, name}
			if old, ok := want[k]; ok && !sameTable(old, ta) {
				return fmt.Errorf("cajal: %s: two different TimedArrays named %q reach the group %s", owner, name, g.spec.Name)
			}
			want[k] = ta
		}
		return nil
	}
	for _, g := range n.groups {
		if err := add(g, g.spec.Name, g.spec.Namespace); err != nil {
			return err
		}
	}
	for _, s := range n.synapses {
		if err := add(s.src, s.spec.Name, s.spec.Namespace); err != nil {
			return err
		}
		if err := add(s.tgt, s.spec.Name, s.spec.Namespace); err != nil {
			return err
		}
	}
	n.tables = n.tables[:0]
	for k, ta := range want {
		if ta.Neurons != 0 && ta.Neurons != k.g.spec.N {
			continue // the checker reports a use of it
		}
		arr := check.TableArray(k.name)
		k.g.sg.AddArray(arr, 0)
		b := &tableBinding{ta: ta, arr: k.g.sg.Arrays[arr], last: -1}
		if err := b.fill(n.sim.Step, n.dt); err != nil {
			return fmt.Errorf("cajal: %s: TimedArray %q: %v", k.g.spec.Name, k.name, err)
		}
		n.tables = append(n.tables, b)
	}
	return nil
}

// sameTable reports whether two TimedArrays hold the same data.
func sameTable(a, b *TimedArray) bool {
	if a == b {
		return true
	}
	if len(a.Values) != len(b.Values) || a.Neurons != b.Neurons || a.Unit != b.Unit || a.Dt != b.Dt {
		return false
	}
	return len(a.Values) == 0 || &a.Values[0] == &b.Values[0]
}
