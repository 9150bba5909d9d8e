package ir

// Assign is one assignment of a block: Target = Value. Compound assignments
// (x += e) are expanded by the checker.
type Assign struct {
	Target *Node // a Var node: Elem, Pre, Post, Scalar or Local
	Value  *Node
}

// Block is a sequence of assignments run for each element in turn: later
// assignments see the values written by earlier ones for the same element.
type Block []Assign

// Equation is a differential equation dVar/dt = RHS of a group, after
// checking: subexpressions are inlined, units folded to SI, and white noise
// appears as variables with Index Noise.
type Equation struct {
	Var  string // the variable (Elem index)
	RHS  *Node
	Hold bool // (unless refractory): held while the element is refractory
}
