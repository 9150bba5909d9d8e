package syntax

import "strconv"

// Expr is an expression node: *Number, *Ident, *Unary, *Binary or *Call.
type Expr interface {
	// Pos returns the node's At field: the start of a number, identifier
	// or call, and the position of the operator of a unary or binary
	// expression.
	Pos() Pos
	exprNode()
}

// Number is a number literal.
type Number struct {
	At    Pos
	Value float64
	Lit   string // the literal as written, e.g. "1.", ".5", "2.5E+3"
}

// Ident is an identifier: a variable, unit or constant name. The names
// True, False, true and false are identifiers too; the checker resolves
// them.
type Ident struct {
	At   Pos
	Name string
}

// Unary is a unary expression: +X, -X or not X.
type Unary struct {
	At Pos   // position of the operator
	Op Token // ADD, SUB or NOT
	X  Expr
}

// Binary is a binary expression: arithmetic, a comparison, or a logical
// and/or. A chained comparison a < b < c is represented as (a < b) and (b < c),
// with a copy of b in each comparison.
type Binary struct {
	At   Pos   // position of the operator
	Op   Token // ADD, SUB, MUL, DIV, FLOORDIV, MOD, POW, LT, LE, GT, GE, EQL, NEQ, AND or OR
	X, Y Expr
}

// Call is a function call such as exp(x), clip(x, lo, hi) or rand().
type Call struct {
	At   Pos // position of the function name
	Fun  *Ident
	Args []Expr
}

// Pos returns the position of the literal.
func (x *Number) Pos() Pos { return x.At }

// Pos returns the position of the identifier.
func (x *Ident) Pos() Pos { return x.At }

// Pos returns the position of the operator.
func (x *Unary) Pos() Pos { return x.At }

// Pos returns the position of the operator.
func (x *Binary) Pos() Pos { return x.At }

// Pos returns the position of the function name.
func (x *Call) Pos() Pos { return x.At }

func (*Number) exprNode() {}
func (*Ident) exprNode()  {}
func (*Unary) exprNode()  {}
func (*Binary) exprNode() {}
func (*Call) exprNode()   {}

// EqKind is the kind of an equation.
type EqKind int

// The kinds of equations.
const (
	Differential  EqKind = iota // dX/dt = expr : unit
	Subexpression               // X = expr : unit
	Parameter                   // X : unit
)

// String returns "differential equation", "subexpression" or "parameter".
func (k EqKind) String() string {
	switch k {
	case Differential:
		return "differential equation"
	case Subexpression:
		return "subexpression"
	case Parameter:
		return "parameter"
	}
	return "EqKind(" + strconv.Itoa(int(k)) + ")"
}

// Flag is one flag of an equation, such as (constant) or (unless
// refractory).
type Flag struct {
	At   Pos
	Name string // words joined by single spaces, e.g. "unless refractory", "event-driven"
}

// Equation is one line of an equations block: a differential equation, a
// subexpression or a parameter.
type Equation struct {
	Kind    EqKind
	Name    string // the defined variable: "v" for dv/dt
	NamePos Pos    // position of the name as written (of the "dv" in dv/dt)
	Coef    Expr   // ANNarchy-style coefficient on the left (tau in `tau * dv/dt`), nil if none
	RHS     Expr   // nil for parameters
	Unit    Expr   // the unit expression after ':', e.g. volt, 1, second**-0.5, boolean
	Flags   []Flag
	Line    int // first line of the equation
}

// HasFlag reports whether the equation has the flag name.
func (eq *Equation) HasFlag(name string) bool {
	for _, f := range eq.Flags {
		if f.Name == name {
			return true
		}
	}
	return false
}

// Statement is an assignment such as v = v_reset or g += w.
type Statement struct {
	At     Pos // position of the assignment operator
	Target *Ident
	Op     Token // ASSIGN, ADD_ASSIGN, SUB_ASSIGN, MUL_ASSIGN or DIV_ASSIGN
	Value  Expr
}

// Inspect traverses the expression e in depth-first order: it calls f(e),
// and if f returns true, Inspect visits each of e's operands and
// arguments in source order. Unlike go/ast.Inspect, it does not call
// f(nil) after the children, and it does not visit a call's function
// name (Call.Fun), which names a function rather than a value. Nil
// expressions are skipped.
func Inspect(e Expr, f func(Expr) bool) {
	if isNil(e) || !f(e) {
		return
	}
	switch e := e.(type) {
	case *Unary:
		Inspect(e.X, f)
	case *Binary:
		Inspect(e.X, f)
		Inspect(e.Y, f)
	case *Call:
		for _, a := range e.Args {
			Inspect(a, f)
		}
	}
}

// isNil reports whether e is nil or a nil pointer.
func isNil(e Expr) bool {
	switch e := e.(type) {
	case nil:
		return true
	case *Number:
		return e == nil
	case *Ident:
		return e == nil
	case *Unary:
		return e == nil
	case *Binary:
		return e == nil
	case *Call:
		return e == nil
	}
	return false
}

// clone returns a deep copy of e.
func clone(e Expr) Expr {
	switch e := e.(type) {
	case *Number:
		c := *e
		return &c
	case *Ident:
		c := *e
		return &c
	case *Unary:
		return &Unary{At: e.At, Op: e.Op, X: clone(e.X)}
	case *Binary:
		return &Binary{At: e.At, Op: e.Op, X: clone(e.X), Y: clone(e.Y)}
	case *Call:
		c := &Call{At: e.At, Fun: &Ident{At: e.Fun.At, Name: e.Fun.Name}}
		if e.Args != nil {
			c.Args = make([]Expr, len(e.Args))
			for i, a := range e.Args {
				c.Args[i] = clone(a)
			}
		}
		return c
	}
	return e
}
