package check

import (
	"fmt"
	"math"
	"strings"

	"github.com/cajal-sim/cajal/internal/ir"
	"github.com/cajal-sim/cajal/internal/syntax"
	"github.com/cajal-sim/cajal/unit"
)

// typed is a checked expression.
type typed struct {
	n      *ir.Node
	dim    unit.Dim
	typ    Type
	anyDim bool // a literal 0, which fits any dimension
}

// bail stops checking one piece of code at its first error.
type bail struct{}

// checker checks the expressions of one piece of text.
type checker struct {
	scope    *Scope
	source   string
	text     string
	own      ir.Index // index of the scope's own variables (Pre or Post when inlining a neuron's subexpression into synapse code)
	noise    bool     // xi may appear
	inlining map[string]bool
	done     map[string]typed // subexpressions already checked
	err      *syntax.Error
}

func (s *Scope) checker(source, text string) *checker {
	return &checker{scope: s, source: source, text: text, own: ir.Elem, inlining: map[string]bool{}, done: map[string]typed{}}
}

func (c *checker) fail(pos syntax.Pos, format string, args ...any) {
	c.err = syntax.NewError(c.source, c.text, pos, format, args...)
	panic(bail{})
}

// run calls f, turning a failure into an error.
func (c *checker) run(f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(bail); !ok {
				panic(r)
			}
			err = c.err
		}
	}()
	f()
	return nil
}

func dimName(d unit.Dim) string { return d.String() }

// dimensionless checks that a value has no dimension. A boolean condition
// counts as the dimensionless 0 or 1 wherever a number is expected, as in
// Brian2.
func (c *checker) dimensionless(e syntax.Expr, t typed, what string) {
	if !t.anyDim && !t.dim.IsDimensionless() {
		c.fail(e.Pos(), "%s must be dimensionless, but has dimension %s", what, dimName(t.dim))
	}
}

// same checks that two operands share a dimension and returns it.
func (c *checker) same(pos syntax.Pos, what string, a, b typed) (unit.Dim, bool) {
	switch {
	case a.anyDim && b.anyDim:
		return unit.Dimensionless, true
	case a.anyDim:
		return b.dim, false
	case b.anyDim:
		return a.dim, false
	}
	if !a.dim.Equal(b.dim) {
		c.fail(pos, "dimension mismatch in %s: %s vs %s", what, dimName(a.dim), dimName(b.dim))
	}
	return a.dim, false
}

var binFns = map[syntax.Token]ir.Fn{
	syntax.ADD: ir.Add, syntax.SUB: ir.Sub, syntax.MUL: ir.Mul, syntax.DIV: ir.Div,
	syntax.POW: ir.Pow, syntax.MOD: ir.Mod, syntax.FLOORDIV: ir.FloorDiv,
	syntax.LT: ir.Lt, syntax.LE: ir.Le, syntax.GT: ir.Gt, syntax.GE: ir.Ge,
	syntax.EQL: ir.Eq, syntax.NEQ: ir.Ne, syntax.AND: ir.And, syntax.OR: ir.Or,
}

func (c *checker) expr(e syntax.Expr) typed {
	switch e := e.(type) {
	case *syntax.Number:
		return typed{n: ir.Num(e.Value), anyDim: e.Value == 0}
	case *syntax.Ident:
		return c.ident(e)
	case *syntax.Unary:
		x := c.expr(e.X)
		if e.Op == syntax.NOT {
			if x.typ != Bool {
				c.fail(e.At, "'not' needs a boolean condition, got a number with dimension %s", dimName(x.dim))
			}
			return typed{n: ir.Call(ir.Not, x.n), typ: Bool}
		}
		if e.Op == syntax.SUB {
			x.n = ir.Call(ir.Neg, x.n)
		}
		x.typ = Number
		return x
	case *syntax.Binary:
		return c.binary(e)
	case *syntax.Call:
		return c.call(e)
	}
	c.fail(e.Pos(), "unexpected expression")
	return typed{}
}

func (c *checker) binary(e *syntax.Binary) typed {
	x, y := c.expr(e.X), c.expr(e.Y)
	t := c.binaryOp(e, x, y)
	c.finite(e.At, t, []typed{x, y}, e.X, e.Y)
	return t
}

// finite fails when an operation of finite constants folded to NaN or an
// infinity (a division by zero, log(0)): a model whose namespace makes,
// say, tau = 0 is refused when it is built, whatever the method.
func (c *checker) finite(pos syntax.Pos, t typed, operands []typed, args ...syntax.Expr) {
	if c.scope.Provisional || t.n == nil || t.n.Kind != ir.Const || !notFinite(t.n.Value) {
		return
	}
	for _, o := range operands {
		if o.n.Kind != ir.Const || notFinite(o.n.Value) {
			return // inf*mV is meant
		}
	}
	var parts []string
	for _, a := range args {
		parts = append(parts, syntax.Format(a))
	}
	c.fail(pos, "this operation on constants gives %v (operands %s); check the namespace values it uses",
		t.n.Value, strings.Join(parts, ", "))
}

func notFinite(x float64) bool { return math.IsNaN(x) || math.IsInf(x, 0) }

// divisor fails on a division by a constant zero, naming the divisor.
func (c *checker) divisor(e *syntax.Binary, y typed) {
	if !c.scope.Provisional && y.n.Kind == ir.Const && y.n.Value == 0 {
		c.fail(e.At, "division by zero: %s is 0", syntax.Format(e.Y))
	}
}

func (c *checker) binaryOp(e *syntax.Binary, x, y typed) typed {
	if e.Op == syntax.DIV || e.Op == syntax.MOD || e.Op == syntax.FLOORDIV {
		c.divisor(e, y)
	}
	fn := binFns[e.Op]
	op := fmt.Sprintf("'%s'", e.Op)
	switch e.Op {
	case syntax.AND, syntax.OR:
		if x.typ != Bool || y.typ != Bool {
			c.fail(e.At, "%s needs boolean conditions on both sides", op)
		}
		return typed{n: ir.Call(fn, x.n, y.n), typ: Bool}
	case syntax.EQL, syntax.NEQ:
		if x.typ == Bool && y.typ == Bool {
			return typed{n: ir.Call(fn, x.n, y.n), typ: Bool}
		}
		fallthrough
	case syntax.LT, syntax.LE, syntax.GT, syntax.GE:
		c.same(e.At, "the comparison "+op, x, y)
		return typed{n: ir.Call(fn, x.n, y.n), typ: Bool}
	}
	switch e.Op {
	case syntax.ADD, syntax.SUB, syntax.MOD:
		d, any := c.same(e.At, op, x, y)
		return typed{n: ir.Call(fn, x.n, y.n), dim: d, anyDim: any}
	case syntax.MUL:
		return typed{n: ir.Call(fn, x.n, y.n), dim: x.dim.Mul(y.dim), anyDim: x.anyDim || y.anyDim}
	case syntax.DIV:
		return typed{n: ir.Call(fn, x.n, y.n), dim: x.dim.Div(y.dim), anyDim: x.anyDim}
	case syntax.FLOORDIV:
		d, _ := c.same(e.At, op, x, y)
		_ = d
		return typed{n: ir.Call(fn, x.n, y.n)}
	case syntax.POW:
		c.dimensionless(e.Y, y, "an exponent")
		if x.anyDim || x.dim.IsDimensionless() {
			return typed{n: ir.Call(fn, x.n, y.n)}
		}
		if y.n.Kind != ir.Const {
			c.fail(e.Y.Pos(), "the exponent of a quantity with dimension %s must be a constant", dimName(x.dim))
		}
		return typed{n: ir.Call(fn, x.n, y.n), dim: x.dim.Pow(y.n.Value)}
	}
	c.fail(e.At, "unsupported operator %s", op)
	return typed{}
}

func (c *checker) ident(e *syntax.Ident) typed {
	s := c.scope
	name := e.Name
	if v := s.Model.Lookup(name); v != nil {
		return c.variable(e, v, c.own, s)
	}
	if s.Post != nil {
		if base, ok := cutSuffix(name, "_post"); ok {
			if v := s.Post.Model.Lookup(base); v != nil {
				return c.variable(e, v, ir.Post, s.Post)
			}
			if t, ok := c.neuronSpecial(base, s.Post, ir.Post); ok {
				return t
			}
		}
		if base, ok := cutSuffix(name, "_pre"); ok {
			if v := s.Pre.Model.Lookup(base); v != nil {
				return c.variable(e, v, ir.Pre, s.Pre)
			}
			if t, ok := c.neuronSpecial(base, s.Pre, ir.Pre); ok {
				return t
			}
		}
		// Brian2: names of the postsynaptic group need no suffix.
		if v := s.Post.Model.Lookup(name); v != nil {
			return c.variable(e, v, ir.Post, s.Post)
		}
	}
	switch name {
	case "t":
		return typed{n: ir.V("t", ir.Scalar), dim: unit.Second.Dim}
	case "dt":
		return typed{n: ir.Num(s.Dt), dim: unit.Second.Dim}
	case "N":
		return typed{n: ir.Num(float64(s.N))}
	case "i":
		if s.Post != nil {
			return typed{n: ir.Minus(ir.Call(ir.PreIdx), ir.Num(float64(s.PreOffset)))}
		}
		return typed{n: ir.Call(ir.ElemIdx)}
	case "j":
		if s.Post != nil {
			return typed{n: ir.Minus(ir.Call(ir.PostIdx), ir.Num(float64(s.PostOffset)))}
		}
	case "lastupdate":
		if s.Post != nil {
			return typed{n: ir.V("lastupdate", ir.Elem), dim: unit.Second.Dim}
		}
	case "True", "true":
		return typed{n: ir.Num(1), typ: Bool}
	case "False", "false":
		return typed{n: ir.Num(0), typ: Bool}
	}
	if isNoise(name) {
		if !c.noise {
			c.fail(e.At, "white noise %s can only appear in differential equations", name)
		}
		return typed{n: ir.V(name, ir.Noise), dim: unit.Second.Dim.Pow(-0.5)}
	}
	if t, ok := c.neuronSpecial(name, s, c.own); ok && s.Post == nil {
		return t
	}
	if v, ok := s.Namespace[name]; ok {
		if math.IsNaN(v.Q.Value) && !s.Provisional {
			c.fail(e.At, "%s is NaN in the namespace", name)
		}
		if v.Table != nil {
			c.fail(e.At, "%s is a TimedArray: call it with the time, as in %s(t)", name, name)
		}
		if v.IsBool {
			return typed{n: ir.Num(v.Q.Value), typ: Bool}
		}
		return typed{n: ir.Num(v.Q.Value), dim: v.Q.Dim}
	}
	if x, ok := constants[name]; ok {
		return typed{n: ir.Num(x)}
	}
	if q, ok := unit.Lookup(name); ok {
		return typed{n: ir.Num(q.Value), dim: q.Dim}
	}
	msg := fmt.Sprintf("unknown identifier %q; expected a variable of the model, a name in the namespace, a unit or a constant", name)
	if sug := Suggest(name, s.names()); sug != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", sug)
	}
	c.fail(e.At, "%s", msg)
	return typed{}
}

// neuronSpecial resolves lastspike and not_refractory of a neuron group.
func (c *checker) neuronSpecial(name string, s *Scope, idx ir.Index) (typed, bool) {
	if !s.Refractory || s.Post != nil {
		return typed{}, false
	}
	switch name {
	case "lastspike":
		return typed{n: ir.V("lastspike", idx), dim: unit.Second.Dim}, true
	case "not_refractory":
		return typed{n: ir.V("not_refractory", idx), typ: Bool}, true
	}
	return typed{}, false
}

func cutSuffix(s, suffix string) (string, bool) {
	if len(s) > len(suffix) && s[len(s)-len(suffix):] == suffix {
		return s[:len(s)-len(suffix)], true
	}
	return s, false
}

// variable reads v, declared in scope's model, at index idx; a
// subexpression is inlined.
func (c *checker) variable(e *syntax.Ident, v *Var, idx ir.Index, scope *Scope) typed {
	if v.Kind != syntax.Subexpression {
		if x, ok := scope.Shared[v.Name]; ok && v.Shared {
			// Shared variables change only between runs: fold them.
			return typed{n: ir.Num(x), dim: v.Dim, typ: v.Type}
		}
		return typed{n: ownNode(v, idx), dim: v.Dim, typ: v.Type}
	}
	key := fmt.Sprintf("%s@%d@%p", v.Name, idx, scope)
	if t, ok := c.done[key]; ok {
		return t
	}
	if c.inlining[key] {
		c.fail(e.At, "the subexpression %s refers to itself", v.Name)
	}
	c.inlining[key] = true
	defer delete(c.inlining, key)
	sub := &checker{scope: scope, source: scope.Model.Source, text: scope.Model.Text, own: idx,
		noise: c.noise, inlining: c.inlining, done: c.done}
	var t typed
	if err := sub.run(func() { t = sub.expr(v.Eq.RHS) }); err != nil {
		c.err = sub.err
		panic(bail{})
	}
	if t.typ != v.Type {
		sub.fail(v.Eq.RHS.Pos(), "the subexpression %s is declared %s but its expression is a %s", v.Name, v.Type, t.typ)
	}
	if v.Type == Number && !t.anyDim && !t.dim.Equal(v.Dim) {
		c.err = syntax.NewError(sub.source, sub.text, start(v.Eq.RHS),
			"the expression for %s has dimension %s; expected %s, its declared unit", v.Name, dimName(t.dim), dimName(v.Dim))
		panic(bail{})
	}
	if size(t.n, map[*ir.Node]int{}) > maxNodes {
		c.fail(e.At, "the subexpression %s is too large once the subexpressions it uses are written out (over %d operations)", v.Name, maxNodes)
	}
	t = typed{n: t.n, dim: v.Dim, typ: v.Type}
	c.done[key] = t
	return t
}

// maxNodes bounds the size of an expression with its subexpressions
// written out, so that chains of subexpressions that each use the previous
// one several times cannot blow up.
const maxNodes = 100000

// size counts the nodes of n as a tree, memoised over shared subtrees.
func size(n *ir.Node, memo map[*ir.Node]int) int {
	if s, ok := memo[n]; ok {
		return s
	}
	s := 1
	for _, a := range n.Args {
		s += size(a, memo)
		if s > maxNodes {
			break
		}
	}
	memo[n] = s
	return s
}

type fnSpec struct {
	fn    ir.Fn
	arity int
}

var functions = map[string]fnSpec{
	"exp": {ir.Exp, 1}, "log": {ir.Log, 1}, "log10": {ir.Log10, 1}, "sqrt": {ir.Sqrt, 1},
	"abs": {ir.Abs, 1}, "sin": {ir.Sin, 1}, "cos": {ir.Cos, 1}, "tan": {ir.Tan, 1},
	"sinh": {ir.Sinh, 1}, "cosh": {ir.Cosh, 1}, "tanh": {ir.Tanh, 1}, "floor": {ir.Floor, 1},
	"ceil": {ir.Ceil, 1}, "sign": {ir.Sign, 1}, "int": {ir.Trunc, 1}, "exprel": {ir.Exprel, 1}, "expm1": {ir.Expm1, 1}, "log1p": {ir.Log1p, 1},
	"clip": {ir.Clip, 3}, "minimum": {ir.Min, 2}, "maximum": {ir.Max, 2},
	"rand": {ir.Rand, 0}, "randn": {ir.Randn, 0}, "binomial": {ir.Binomial, 2},
}

func (c *checker) call(e *syntax.Call) typed {
	spec, ok := functions[e.Fun.Name]
	if !ok {
		if t, ok := c.tableCall(e); ok {
			return t
		}
		c.fail(e.At, "unknown function %q; expected one of exp, log, log10, sqrt, abs, sin, cos, tan, sinh, cosh, tanh, floor, ceil, sign, int, exprel, expm1, log1p, clip, minimum, maximum, rand, randn, binomial, or a TimedArray of the namespace", e.Fun.Name)
	}
	if len(e.Args) != spec.arity {
		c.fail(e.At, "%s takes %d argument(s), got %d", e.Fun.Name, spec.arity, len(e.Args))
	}
	args := make([]typed, len(e.Args))
	nodes := make([]*ir.Node, len(e.Args))
	for i, a := range e.Args {
		args[i] = c.expr(a)
		nodes[i] = args[i].n
	}
	t := c.callOp(e, spec, args, nodes)
	c.finite(e.At, t, args, e.Args...)
	return t
}

// callOp checks and writes a call of spec with checked arguments.
func (c *checker) callOp(e *syntax.Call, spec fnSpec, args []typed, nodes []*ir.Node) typed {
	what := func(i int) string { return fmt.Sprintf("the argument of %s", e.Fun.Name) }
	switch spec.fn {
	case ir.Rand, ir.Randn:
		n := ir.Call(spec.fn)
		n.Draw = c.scope.NextDraw()
		return typed{n: n}
	case ir.Binomial:
		c.dimensionless(e.Args[0], args[0], "the number of trials of binomial")
		c.dimensionless(e.Args[1], args[1], "the probability of binomial")
		u := ir.Call(ir.Rand)
		u.Draw = c.scope.NextDraw()
		return typed{n: ir.Call(ir.Binomial, u, nodes[0], nodes[1])}
	case ir.Trunc:
		if args[0].typ == Bool {
			return typed{n: args[0].n}
		}
		c.dimensionless(e.Args[0], args[0], what(0))
		return typed{n: ir.Call(ir.Trunc, nodes[0])}
	case ir.Sqrt:
		return typed{n: ir.Call(ir.Sqrt, nodes[0]), dim: args[0].dim.Pow(0.5), anyDim: args[0].anyDim}
	case ir.Abs, ir.Floor, ir.Ceil:
		return typed{n: ir.Call(spec.fn, nodes[0]), dim: args[0].dim, anyDim: args[0].anyDim}
	case ir.Sign:
		return typed{n: ir.Call(spec.fn, nodes[0])}
	case ir.Min, ir.Max, ir.Clip:
		d, any := args[0].dim, args[0].anyDim
		for i := range args {
			if i > 0 {
				d, any = c.same(e.Args[i].Pos(), "the arguments of "+e.Fun.Name, typed{dim: d, anyDim: any}, args[i])
			}
		}
		return typed{n: ir.Call(spec.fn, nodes...), dim: d, anyDim: any}
	}
	c.dimensionless(e.Args[0], args[0], what(0))
	return typed{n: ir.Call(spec.fn, nodes[0])}
}
