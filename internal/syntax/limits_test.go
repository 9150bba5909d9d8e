package syntax

import (
	"errors"
	"strings"
	"testing"
)

// A flat sum of a million terms is refused with a positioned error at the
// first operator beyond the limit, instead of a tree so deep that the
// passes walking it exhaust the stack; a sum just under the limit parses.
func TestOperatorLimit(t *testing.T) {
	long := "x" + strings.Repeat(" + x", 1_000_000)
	_, err := ParseStatements("long", "v = "+long)
	var list ErrorList
	if !errors.As(err, &list) || len(list) != 1 {
		t.Fatalf("want one error, got %v", err)
	}
	// "v = x" then " + x" per operator: operator k (from 1) is at column
	// 6 + 4*(k-1) + 1.
	want := Pos{Line: 1, Col: 6 + 4*maxOperators + 1}
	if list[0].Pos != want || !strings.Contains(list[0].Msg, "too long") {
		t.Errorf("error %v at %v, want 'too long' at %v", list[0].Msg, list[0].Pos, want)
	}
	if _, err := ParseEquations("eq", "dv/dt = ("+"x"+strings.Repeat(" + x", maxOperators-2)+")/tau : volt"); err != nil {
		t.Errorf("an equation of %d operators: %v", maxOperators, err)
	}
	if _, err := ParseStatements("many", strings.Repeat("v += x*x\n", 3*maxOperators)); err != nil {
		t.Errorf("many short statements are counted one by one: %v", err)
	}
}
