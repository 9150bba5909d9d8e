package ir

import (
	"math"
	"testing"
)

func TestCallFolds(t *testing.T) {
	x := V("x", Elem)
	cases := []struct {
		got  *Node
		want string
	}{
		{Plus(Num(2), Num(3)), "5"},
		{Plus(x, Num(0)), "x"},
		{Times(Num(1), x), "x"},
		{Times(x, Num(0)), "0"},
		{Over(x, Num(1)), "x"},
		{Call(Neg, Call(Neg, x)), "x"},
		{Call(Pow, x, Num(1)), "x"},
		{Call(Exp, Num(0)), "1"},
		{Minus(Num(0), x), "-(x)"},
	}
	for _, c := range cases {
		if c.got.String() != c.want {
			t.Errorf("got %s, want %s", c.got, c.want)
		}
	}
}

// Linear splits a + b*x into coefficient b and rest a, and refuses
// expressions that are not linear in x.
func TestLinear(t *testing.T) {
	x, y := V("x", Elem), V("y", Elem)
	e := Over(Plus(Minus(y, x), Times(Num(2), Times(y, x))), Num(4)) // (y - x + 2yx)/4
	c, r, ok := Linear(e, "x", Elem)
	if !ok {
		t.Fatal("not linear")
	}
	for _, yv := range []float64{0, 1.5, -3} {
		sub := func(n *Node) *Node {
			return Substitute(n, func(v *Node) *Node {
				if v.Name == "y" {
					return Num(yv)
				}
				return nil
			})
		}
		cv, rv := sub(c), sub(r)
		if cv.Kind != Const || rv.Kind != Const {
			t.Fatalf("coefficient %s, rest %s do not fold", cv, rv)
		}
		if math.Abs(cv.Value-(-1+2*yv)/4) > 1e-15 || math.Abs(rv.Value-yv/4) > 1e-15 {
			t.Errorf("y = %v: coefficient %v, rest %v", yv, cv.Value, rv.Value)
		}
	}
	for _, n := range []*Node{Times(x, x), Call(Exp, x), Over(y, x)} {
		if _, _, ok := Linear(n, "x", Elem); ok {
			t.Errorf("%s reported linear in x", n)
		}
	}
	// Another index is another variable.
	if c, _, ok := Linear(V("x", Post), "x", Elem); !ok || !c.IsConst(0) {
		t.Error("x_post is not x")
	}
}

func TestEvalMatchesPython(t *testing.T) {
	if PyMod(-7, 3) != 2 || PyMod(7, -3) != -2 || Eval(FloorDiv, -7, 2) != -4 {
		t.Error("modulo and floor division should follow Python")
	}
	if Exprelf(0) != 1 || math.Abs(Exprelf(1e-10)-1) > 1e-9 || math.Abs(Exprelf(1)-(math.E-1)) > 1e-15 {
		t.Error("exprel")
	}
	if Eval(Clip, 5, 0, 1) != 1 || Eval(Select, 0, 1, 2) != 2 || Eval(And, 1, 0) != 0 {
		t.Error("clip, select, and")
	}
}
