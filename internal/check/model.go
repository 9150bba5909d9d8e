package check

import (
	"fmt"
	"strings"

	"github.com/cajal-sim/cajal/internal/syntax"
	"github.com/cajal-sim/cajal/unit"
)

// Target says what kind of group a model describes.
type Target int

// The kinds of group.
const (
	Neurons Target = iota
	Synapses
)

// Type is the type of a value.
type Type int

// The types.
const (
	Number Type = iota // a real number with a dimension
	Bool               // true or false (stored as 1 or 0)
)

func (t Type) String() string {
	if t == Bool {
		return "boolean"
	}
	return "number"
}

// Var is a variable declared by a model.
type Var struct {
	Name string
	Kind syntax.EqKind
	Dim  unit.Dim
	Type Type
	Int  bool // declared ": integer"
	Eq   *syntax.Equation

	UnlessRefractory, Constant, Shared bool
	EventDriven, ClockDriven, Summed   bool
}

// Model is the declarations of one equations block.
type Model struct {
	Source string // name of the text, for messages ("neurons.model")
	Text   string
	Target Target
	Vars   []*Var
	byName map[string]*Var
}

// Lookup returns the variable name, or nil.
func (m *Model) Lookup(name string) *Var {
	if m == nil {
		return nil
	}
	return m.byName[name]
}

// Shadows says what a name would hide if a model defined it as a
// variable: "the function exp", "the constant pi", "the unit mV"; "" for
// none. As in Brian2, functions and constants are not variable names, nor
// are the units models write (volt, amp, siemens, ohm, farad, second,
// hertz, molar and mole, by name or symbol, with an SI prefix); other
// names of the unit table (m, g, EL) are left to models, where the
// variable wins.
func Shadows(name string) string {
	if _, ok := functions[name]; ok {
		return "the function " + name
	}
	if _, ok := constants[name]; ok {
		return "the constant " + name
	}
	if _, ok := unit.Lookup(name); ok && len(name) > 1 && commonUnit(name) {
		return "the unit " + name
	}
	return ""
}

var (
	unitPrefixes = []string{"", "f", "p", "n", "u", "m", "c", "d", "k", "M", "G"}
	unitBases    = map[string]bool{"V": true, "A": true, "S": true, "ohm": true, "F": true, "s": true, "Hz": true,
		"M": true, "mol": true, "volt": true, "amp": true, "ampere": true, "siemens": true, "farad": true,
		"second": true, "hertz": true, "molar": true, "mole": true}
)

// commonUnit reports a prefix and one of unitBases.
func commonUnit(name string) bool {
	for _, p := range unitPrefixes {
		if rest, ok := strings.CutPrefix(name, p); ok && unitBases[rest] {
			return true
		}
	}
	return false
}

// Reserved are names a model cannot define.
var Reserved = map[string]bool{
	"t": true, "dt": true, "i": true, "j": true, "N": true, "xi": true,
	"lastspike": true, "not_refractory": true, "lastupdate": true, "True": true, "False": true,
	"true": true, "false": true, "and": true, "or": true, "not": true,
}

func isNoise(name string) bool { return name == "xi" || strings.HasPrefix(name, "xi_") }

var flagsFor = map[Target]map[string][]syntax.EqKind{
	Neurons: {
		"unless refractory": {syntax.Differential},
		"constant":          {syntax.Parameter},
		"shared":            {syntax.Parameter},
		"constant over dt":  {syntax.Subexpression},
	},
	Synapses: {
		"event-driven":     {syntax.Differential},
		"clock-driven":     {syntax.Differential},
		"summed":           {syntax.Subexpression},
		"constant":         {syntax.Parameter},
		"shared":           {syntax.Parameter},
		"constant over dt": {syntax.Subexpression},
	},
}

// Declare parses an equations block and declares its variables: names,
// units, types and flags. Right-hand sides are checked later, in a Scope.
func Declare(source, text string, target Target) (*Model, error) {
	eqs, err := syntax.ParseEquations(source, text)
	if err != nil {
		return nil, err
	}
	m := &Model{Source: source, Text: text, Target: target, byName: map[string]*Var{}}
	var errs syntax.ErrorList
	fail := func(pos syntax.Pos, format string, args ...any) {
		errs = append(errs, syntax.NewError(source, text, pos, format, args...))
	}
	for _, eq := range eqs {
		if Reserved[eq.Name] || isNoise(eq.Name) {
			fail(eq.NamePos, "%q is a reserved name and cannot be defined by a model", eq.Name)
			continue
		}
		if what := Shadows(eq.Name); what != "" {
			fail(eq.NamePos, "%q is the name of %s and cannot be a variable; choose another name", eq.Name, what)
			continue
		}
		if old := m.byName[eq.Name]; old != nil {
			fail(eq.NamePos, "%s is defined twice (first at line %d)", eq.Name, old.Eq.Line)
			continue
		}
		v := &Var{Name: eq.Name, Kind: eq.Kind, Eq: eq}
		switch u := eq.Unit.(type) {
		case *syntax.Ident:
			switch u.Name {
			case "boolean", "bool":
				v.Type = Bool
			case "integer", "int":
				v.Int = true
			}
		}
		if v.Type == Number && !v.Int {
			q, err := unitValue(eq.Unit)
			if err != nil {
				errs = append(errs, err.withText(source, text))
				continue
			}
			v.Dim = q.Dim
		}
		if v.Type == Bool && eq.Kind == syntax.Differential {
			fail(eq.NamePos, "%s cannot be boolean: it has a differential equation", eq.Name)
		}
		allowed := flagsFor[target]
		for _, f := range eq.Flags {
			kinds, ok := allowed[f.Name]
			if !ok {
				fail(f.At, "unknown flag %q for %s; expected one of %s", f.Name, targetName(target), flagList(allowed))
				continue
			}
			fits := false
			for _, k := range kinds {
				fits = fits || k == eq.Kind
			}
			if !fits {
				fail(f.At, "the flag %q applies to a %s, and %s is a %s", f.Name, kinds[0], eq.Name, eq.Kind)
				continue
			}
			switch f.Name {
			case "unless refractory":
				v.UnlessRefractory = true
			case "constant":
				v.Constant = true
			case "shared":
				v.Shared = true
			case "event-driven":
				v.EventDriven = true
			case "clock-driven":
				v.ClockDriven = true
			case "summed":
				v.Summed = true
			}
		}
		if v.EventDriven && v.ClockDriven {
			fail(eq.NamePos, "%s cannot be both event-driven and clock-driven", eq.Name)
		}
		m.Vars = append(m.Vars, v)
		m.byName[v.Name] = v
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return m, nil
}

func targetName(t Target) string {
	if t == Synapses {
		return "synapses"
	}
	return "neurons"
}

func flagList(m map[string][]syntax.EqKind) string {
	var names []string
	for _, n := range []string{"unless refractory", "event-driven", "clock-driven", "summed", "constant", "shared", "constant over dt"} {
		if _, ok := m[n]; ok {
			names = append(names, "("+n+")")
		}
	}
	return strings.Join(names, ", ")
}

// posError is an error found in a unit expression, before the text is known.
type posError struct {
	pos syntax.Pos
	msg string
}

func (e *posError) withText(source, text string) *syntax.Error {
	return syntax.NewError(source, text, e.pos, "%s", e.msg)
}

// unitValue evaluates a unit expression: unit names, numbers, * / and **.
func unitValue(e syntax.Expr) (unit.Quantity, *posError) {
	switch e := e.(type) {
	case *syntax.Number:
		return unit.Scalar(e.Value), nil
	case *syntax.Ident:
		if q, ok := unit.Lookup(e.Name); ok {
			return q, nil
		}
		return unit.Quantity{}, &posError{e.At, fmt.Sprintf("unknown unit %q; expected a unit such as volt, siemens, amp, second or 1", e.Name)}
	case *syntax.Unary:
		if e.Op == syntax.SUB || e.Op == syntax.ADD {
			q, err := unitValue(e.X)
			if err != nil {
				return q, err
			}
			if e.Op == syntax.SUB {
				q = q.Scale(-1)
			}
			return q, nil
		}
	case *syntax.Binary:
		x, err := unitValue(e.X)
		if err != nil {
			return x, err
		}
		y, err := unitValue(e.Y)
		if err != nil {
			return y, err
		}
		switch e.Op {
		case syntax.MUL:
			return x.Mul(y), nil
		case syntax.DIV:
			return x.Div(y), nil
		case syntax.POW:
			if !y.Dim.IsDimensionless() {
				return x, &posError{e.At, "the exponent of a unit must be a number"}
			}
			return x.Pow(y.Value), nil
		}
	}
	return unit.Quantity{}, &posError{e.Pos(), "expected a unit such as volt, siemens/meter**2 or 1"}
}
