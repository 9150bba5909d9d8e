package check

import (
	"fmt"
	"math"
	"sort"

	"github.com/cajal-sim/cajal/internal/ir"
	"github.com/cajal-sim/cajal/unit"
)

// Value is a namespace entry resolved to a quantity or a boolean.
type Value struct {
	Q      unit.Quantity
	IsBool bool
	// Table, if not nil, makes the name a TimedArray: a function of t (and
	// of the element) whose current values code reads from an array.
	Table *Table
}

// ValueOf converts a Go value from a user's namespace: float64, int types,
// bool, unit.Quantity, or a string parsed as a quantity ("10*nS").
func ValueOf(x any) (Value, error) {
	switch x := x.(type) {
	case float64:
		return Value{Q: unit.Scalar(x)}, nil
	case float32:
		return Value{Q: unit.Scalar(float64(x))}, nil
	case int:
		return Value{Q: unit.Scalar(float64(x))}, nil
	case int64:
		return Value{Q: unit.Scalar(float64(x))}, nil
	case int32:
		return Value{Q: unit.Scalar(float64(x))}, nil
	case uint64:
		return Value{Q: unit.Scalar(float64(x))}, nil
	case bool:
		v := Value{IsBool: true}
		if x {
			v.Q = unit.Scalar(1)
		}
		return v, nil
	case unit.Quantity:
		return Value{Q: x}, nil
	case string:
		q, err := unit.Parse(x)
		if err != nil {
			return Value{}, err
		}
		return Value{Q: q}, nil
	}
	return Value{}, fmt.Errorf("unsupported value %v of type %T; expected a number, a bool, a unit.Quantity or a string such as \"10*nS\"", x, x)
}

// Scope resolves the names of code run for the elements of one group.
type Scope struct {
	Model      *Model           // the group's own variables
	Namespace  map[string]Value // the user's names
	N          int              // number of elements (neurons or synapses)
	Dt         float64          // time step in seconds
	Refractory bool             // the group has lastspike and not_refractory
	// Shared holds the current values of the model's shared variables
	// (SI units). Code cannot write them, so a run folds them as constants.
	Shared map[string]float64

	// Pre and Post are the scopes of the pre- and postsynaptic neurons of
	// a synapse group; nil for neurons.
	Pre, Post *Scope
	// PreOffset and PostOffset are the first neurons of the source and
	// target subgroups: i and j count from them.
	PreOffset, PostOffset int
	// Provisional says that the namespace and shared values may still
	// change before they are used (a group checked when it is made, before
	// its shared variables are set): operations of constants that give NaN
	// or an infinity, such as a division by a zero tau, are reported only
	// when it is false.
	Provisional bool

	draws *int // counter of random draws, shared by all code of a group
}

// NextDraw returns a fresh random draw number for the group.
func (s *Scope) NextDraw() int {
	if s.draws == nil {
		s.draws = new(int)
	}
	d := *s.draws
	*s.draws++
	return d
}

var constants = map[string]float64{"pi": math.Pi, "e": math.E, "inf": math.Inf(1)}

// Names lists the names visible in the scope, for suggestions.
func (s *Scope) names() []string {
	var out []string
	for _, v := range s.Model.Vars {
		out = append(out, v.Name)
	}
	for n := range s.Namespace {
		out = append(out, n)
	}
	if s.Post != nil {
		for _, v := range s.Post.Model.Vars {
			out = append(out, v.Name, v.Name+"_post")
		}
		for _, v := range s.Pre.Model.Vars {
			out = append(out, v.Name+"_pre")
		}
	}
	sort.Strings(out)
	return out
}

// Suggest returns the closest of names to name, if close enough: the
// "did you mean" of error messages.
func Suggest(name string, names []string) string {
	best, bestD := "", 3
	for _, n := range names {
		if d := distance(name, n); d < bestD || (d == bestD && n < best && best != "") {
			best, bestD = n, d
		}
	}
	if bestD > len(name)/2 {
		return ""
	}
	return best
}

// distance is the edit distance in which swapping two neighbouring
// letters counts as one edit (tua -> tau), as insertions, deletions and
// substitutions do.
func distance(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			c := d[i-1][j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			d[i][j] = min(c, d[i-1][j]+1, d[i][j-1]+1)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

// own returns the ir node of a variable of m read from code of the scope
// at index idx.
func ownNode(v *Var, idx ir.Index) *ir.Node {
	if v.Shared {
		return ir.V(v.Name, ir.Scalar)
	}
	return ir.V(v.Name, idx)
}
