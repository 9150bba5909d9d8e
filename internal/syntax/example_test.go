package syntax_test

import (
	"fmt"

	"github.com/cajal-sim/cajal/internal/syntax"
)

func ExampleParseEquations() {
	eqs, err := syntax.ParseEquations("neurons.model", `
		dv/dt = (gl*(el - v) + I) / C : volt (unless refractory)
		I = g*(E - v) : amp   # a subexpression
		tau * dw/dt = -w : 1  # ANNarchy style
		tau : second (constant, shared)
	`)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, eq := range eqs {
		fmt.Printf("%-21s %-5s %s\n", eq.Kind, eq.Name, syntax.FormatEquation(eq))
	}

	_, err = syntax.ParseEquations("neurons.model", "dv/dt = -v/tau\nw : 1")
	fmt.Println(err)
	// Output:
	// differential equation v     dv/dt = (gl * (el - v) + I) / C : volt (unless refractory)
	// subexpression         I     I = g * (E - v) : amp
	// differential equation w     tau * dw/dt = -w : 1
	// parameter             tau   tau : second (constant, shared)
	// neurons.model:1:15: expected ':' and a unit after the equation for "v", found newline
	// 	dv/dt = -v/tau
	// 	              ^
}

func ExampleParseStatements() {
	stmts, err := syntax.ParseStatements("syn.on_pre", "ge_post += w; apre += dApre\nw = clip(w + apost, 0, wmax)")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range stmts {
		fmt.Println(syntax.FormatStatement(s))
	}
	// Output:
	// ge_post += w
	// apre += dApre
	// w = clip(w + apost, 0, wmax)
}

func ExampleFormat() {
	x, _ := syntax.ParseExpr("threshold", "(v > vt) and -x**2 < 1 < y")
	fmt.Println(syntax.Format(x))
	// Output: v > vt and (-x ** 2 < 1 and 1 < y)
}
