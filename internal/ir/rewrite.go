package ir

// Substitute returns n with every variable for which repl returns a non-nil
// node replaced by that node. Constants are refolded on the way up.
func Substitute(n *Node, repl func(v *Node) *Node) *Node {
	switch n.Kind {
	case Const:
		return n
	case Var:
		if r := repl(n); r != nil {
			return r
		}
		return n
	}
	changed := false
	args := make([]*Node, len(n.Args))
	for i, a := range n.Args {
		args[i] = Substitute(a, repl)
		if args[i] != a {
			changed = true
		}
	}
	if !changed {
		return n
	}
	if n.Random() {
		return n
	}
	return Call(n.Fn, args...)
}

// Linear splits n into coef*x + rest, where x is the variable name at index
// idx, and coef and rest do not read x. It reports false when n is not
// linear in x.
func Linear(n *Node, name string, idx Index) (coef, rest *Node, ok bool) {
	if !usesAt(n, name, idx) {
		return Num(0), n, true
	}
	switch n.Kind {
	case Var:
		return Num(1), Num(0), true
	case Const:
		return Num(0), n, true
	}
	switch n.Fn {
	case Add, Sub:
		c0, r0, ok0 := Linear(n.Args[0], name, idx)
		c1, r1, ok1 := Linear(n.Args[1], name, idx)
		if !ok0 || !ok1 {
			return nil, nil, false
		}
		return Call(n.Fn, c0, c1), Call(n.Fn, r0, r1), true
	case Neg:
		c, r, ok := Linear(n.Args[0], name, idx)
		if !ok {
			return nil, nil, false
		}
		return Call(Neg, c), Call(Neg, r), true
	case Mul:
		a, b := n.Args[0], n.Args[1]
		if usesAt(a, name, idx) && usesAt(b, name, idx) {
			return nil, nil, false
		}
		if usesAt(b, name, idx) {
			a, b = b, a
		}
		c, r, ok := Linear(a, name, idx)
		if !ok {
			return nil, nil, false
		}
		return Times(c, b), Times(r, b), true
	case Div:
		if usesAt(n.Args[1], name, idx) {
			return nil, nil, false
		}
		c, r, ok := Linear(n.Args[0], name, idx)
		if !ok {
			return nil, nil, false
		}
		return Over(c, n.Args[1]), Over(r, n.Args[1]), true
	}
	return nil, nil, false
}

func usesAt(n *Node, name string, idx Index) bool {
	return UsesAny(n, func(v *Node) bool { return v.Name == name && v.Index == idx })
}
