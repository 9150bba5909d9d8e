package ir

import (
	"fmt"
	"math"
	"strings"
)

// Kind says what a Node is.
type Kind uint8

// The kinds of node.
const (
	Const Kind = iota // a number
	Var               // a variable
	Op                // an operation on Args
)

// Index says how a variable is addressed from the element a block runs for.
type Index uint8

// The ways a variable can be addressed.
const (
	Elem   Index = iota // one value per element of the group the block runs over
	Pre                 // the presynaptic neuron of a synapse
	Post                // the postsynaptic neuron of a synapse
	Scalar              // one value for the whole group (t, dt, shared variables)
	Local               // a temporary of the block
	Noise               // white noise xi (in equations only; integrators replace it)
)

var indexNames = [...]string{"elem", "pre", "post", "scalar", "local", "noise"}

func (x Index) String() string {
	if int(x) < len(indexNames) {
		return indexNames[x]
	}
	return fmt.Sprintf("Index(%d)", x)
}

// Fn is an operation.
type Fn uint8

// The operations. Comparisons and logical operations yield 0 or 1.
const (
	Add Fn = iota
	Sub
	Mul
	Div
	Pow
	Mod
	FloorDiv
	Neg
	Lt
	Le
	Gt
	Ge
	Eq
	Ne
	And
	Or
	Not
	Exp
	Log
	Log10
	Sqrt
	Abs
	Sin
	Cos
	Tan
	Sinh
	Cosh
	Tanh
	Floor
	Ceil
	Sign
	Trunc   // int(x): towards zero
	Exprel  // expm1(x)/x, 1 at 0: the propagator of a linear equation
	Expm1   // exp(x) - 1, accurate near 0
	Log1p   // log(1 + x), accurate near 0
	Min     // minimum(a, b)
	Max     // maximum(a, b)
	Clip    // clip(x, lo, hi)
	Select  // Select(c, a, b): a where c is non-zero, else b
	Rand    // uniform in [0, 1), a fresh draw per element, step and Draw
	Randn   // standard normal, likewise
	ElemIdx // the index of the element (i in a neuron group)
	PreIdx  // the presynaptic neuron's index (i in a synapse group)
	PostIdx // the postsynaptic neuron's index (j in a synapse group)
	// Binomial(u, n, p) is the smallest k with P(X <= k) > u for X
	// binomial with n trials of probability p: a binomial draw from a
	// uniform u by inversion.
	Binomial
	numFns
)

var fnNames = [...]string{
	Add: "+", Sub: "-", Mul: "*", Div: "/", Pow: "**", Mod: "%", FloorDiv: "//", Neg: "neg",
	Lt: "<", Le: "<=", Gt: ">", Ge: ">=", Eq: "==", Ne: "!=", And: "and", Or: "or", Not: "not",
	Exp: "exp", Log: "log", Log10: "log10", Sqrt: "sqrt", Abs: "abs", Sin: "sin", Cos: "cos",
	Tan: "tan", Sinh: "sinh", Cosh: "cosh", Tanh: "tanh", Floor: "floor", Ceil: "ceil",
	Sign: "sign", Trunc: "int", Exprel: "exprel", Expm1: "expm1", Log1p: "log1p", Min: "minimum", Max: "maximum", Clip: "clip",
	Select: "select", Rand: "rand", Randn: "randn", ElemIdx: "i", PreIdx: "i_pre", PostIdx: "j_post",
	Binomial: "binomial",
}

func (f Fn) String() string {
	if int(f) < len(fnNames) && fnNames[f] != "" {
		return fnNames[f]
	}
	return fmt.Sprintf("Fn(%d)", f)
}

// Arity is the number of arguments f takes.
func (f Fn) Arity() int {
	switch f {
	case Add, Sub, Mul, Div, Pow, Mod, FloorDiv, Lt, Le, Gt, Ge, Eq, Ne, And, Or, Min, Max:
		return 2
	case Clip, Select, Binomial:
		return 3
	case Rand, Randn, ElemIdx, PreIdx, PostIdx:
		return 0
	}
	return 1
}

// Node is an expression. Nodes are immutable once built: transformations
// return new nodes and share unchanged subtrees.
type Node struct {
	Kind  Kind
	Value float64 // Const
	Name  string  // Var
	Index Index   // Var
	Fn    Fn      // Op
	Args  []*Node // Op
	Draw  int     // Rand, Randn: which independent draw
}

// Num returns a constant node.
func Num(v float64) *Node { return &Node{Kind: Const, Value: v} }

// V returns a variable node.
func V(name string, idx Index) *Node { return &Node{Kind: Var, Name: name, Index: idx} }

// IsConst reports whether n is the constant v.
func (n *Node) IsConst(v float64) bool { return n.Kind == Const && n.Value == v }

// Random reports whether n draws a random number.
func (n *Node) Random() bool { return n.Kind == Op && (n.Fn == Rand || n.Fn == Randn) }

// String renders n as readable text (for messages and debugging).
func (n *Node) String() string {
	var b strings.Builder
	n.write(&b)
	return b.String()
}

func (n *Node) write(b *strings.Builder) {
	switch n.Kind {
	case Const:
		fmt.Fprintf(b, "%g", n.Value)
	case Var:
		b.WriteString(n.Name)
		if n.Index == Pre || n.Index == Post {
			b.WriteString("_" + n.Index.String())
		}
	case Op:
		switch {
		case n.Fn == Neg:
			b.WriteString("-(")
			n.Args[0].write(b)
			b.WriteString(")")
		case n.Fn.Arity() == 2 && n.Fn != Min && n.Fn != Max:
			b.WriteString("(")
			n.Args[0].write(b)
			b.WriteString(" " + n.Fn.String() + " ")
			n.Args[1].write(b)
			b.WriteString(")")
		default:
			b.WriteString(n.Fn.String() + "(")
			for i, a := range n.Args {
				if i > 0 {
					b.WriteString(", ")
				}
				a.write(b)
			}
			b.WriteString(")")
			if n.Random() {
				fmt.Fprintf(b, "#%d", n.Draw)
			}
		}
	}
}

// Equal reports whether two nodes are the same expression.
func Equal(a, b *Node) bool {
	if a == b {
		return true
	}
	if a.Kind != b.Kind {
		return false
	}
	switch a.Kind {
	case Const:
		return a.Value == b.Value || (math.IsNaN(a.Value) && math.IsNaN(b.Value))
	case Var:
		return a.Name == b.Name && a.Index == b.Index
	}
	if a.Fn != b.Fn || a.Draw != b.Draw || len(a.Args) != len(b.Args) {
		return false
	}
	for i := range a.Args {
		if !Equal(a.Args[i], b.Args[i]) {
			return false
		}
	}
	return true
}

// Walk calls f for n and every node below it, parents first; f returns
// false to skip a node's children.
func Walk(n *Node, f func(*Node) bool) {
	if !f(n) {
		return
	}
	for _, a := range n.Args {
		Walk(a, f)
	}
}

// Uses reports whether n reads the variable name (at any index).
func Uses(n *Node, name string) bool {
	found := false
	Walk(n, func(m *Node) bool {
		if m.Kind == Var && m.Name == name {
			found = true
		}
		return !found
	})
	return found
}

// UsesAny reports whether n reads any variable for which pred is true.
func UsesAny(n *Node, pred func(*Node) bool) bool {
	found := false
	Walk(n, func(m *Node) bool {
		if m.Kind == Var && pred(m) {
			found = true
		}
		return !found
	})
	return found
}

// HasRandom reports whether n draws random numbers.
func HasRandom(n *Node) bool {
	found := false
	Walk(n, func(m *Node) bool {
		if m.Random() {
			found = true
		}
		return !found
	})
	return found
}
