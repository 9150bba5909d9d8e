package cc

import (
	"math"
	"strings"
	"testing"

	"github.com/cajal-sim/cajal/internal/ir"
	"github.com/cajal-sim/cajal/internal/mathx"
)

// testCompiler returns a compiler with a fresh cache directory, or skips
// the test when this machine or build cannot compile.
func testCompiler(t testing.TB) *Compiler {
	t.Helper()
	if !available {
		t.Skip("built with cajal_static: no native tier")
	}
	if _, err := findToolchain(); err != nil {
		t.Skipf("no C compiler: %v", err)
	}
	return NewCompiler(t.TempDir())
}

// standIn reports whether mathx is the stand-in whose transcendental
// functions call libm in C and the math package in Go: then they agree
// only to about an ulp, and the bit-identity tests leave them out.
var standIn = strings.Contains(mathx.CSource, "mathx stand-in")

// transcendental lists the operations computed by mathx.
var transcendental = map[ir.Fn]bool{
	ir.Pow: true, ir.Exp: true, ir.Log: true, ir.Log10: true, ir.Sin: true, ir.Cos: true,
	ir.Tan: true, ir.Sinh: true, ir.Cosh: true, ir.Tanh: true, ir.Exprel: true,
	ir.Expm1: true, ir.Log1p: true, ir.Binomial: true,
}

// same reports whether two numbers are the same bits; two NaNs count as
// the same (the payload of a NaN from two NaN operands depends on the
// operand order a compiler picks, which neither Go nor C fixes).
func same(a, b float64) bool {
	return math.Float64bits(a) == math.Float64bits(b) || (a != a && b != b)
}
