package mathx

import (
	"math"
	"testing"
)

// lgammaAbsTol is the error allowed for Lgamma at negative x: there it is
// a difference log(pi/|x sin(pi x)|) - lgamma(|x|), which cancels near its
// zeros (x = -2.457, -2.747, ...), and one rounding of each term, as Go's
// math.Lgamma with fused multiply-adds (arm64, GOAMD64=v3) rounds them
// differently, moves the result by up to an ulp of the larger term: 4
// ulps of it are allowed.
func lgammaAbsTol(x float64) float64 {
	if !(x < 0) || math.IsInf(x, 0) {
		return 0
	}
	a, _ := math.Lgamma(-x)
	b := math.Log(math.Pi / math.Abs(x*math.Sin(math.Pi*x)))
	return 4 * 0x1p-52 * max(math.Abs(a), math.Abs(b), 1)
}

// TestLgammaSpecial checks the special cases, the exact zeros at 1 and 2,
// the poles at the non-positive integers and values known in closed form:
// lgamma(1/2) = log(sqrt(pi)), lgamma(n+1) = log(n!) for n up to 20 (n!
// exact in a float64 up to 22!), lgamma(-1/2) = log(2 sqrt(pi)).
func TestLgammaSpecial(t *testing.T) {
	inf := math.Inf(1)
	cases := []struct{ x, want float64 }{
		{inf, inf}, {math.Inf(-1), math.Inf(-1)}, {0, inf}, {math.Copysign(0, -1), inf},
		{1, 0}, {2, 0}, {-1, inf}, {-2, inf}, {-1e6, inf}, {-0x1p52, inf}, {-0x1p60, inf},
		{-math.MaxFloat64, inf}, {math.MaxFloat64, inf}, // x (log x - 1) overflows
	}
	for _, c := range cases {
		if got := Lgamma(c.x); math.Float64bits(got) != math.Float64bits(c.want) {
			t.Errorf("Lgamma(%v) = %v, want %v", c.x, got, c.want)
		}
	}
	if got := Lgamma(math.NaN()); got == got {
		t.Errorf("Lgamma(NaN) = %v", got)
	}
	near := func(x, want float64) {
		t.Helper()
		if got := Lgamma(x); ulps(got, want) > 1 {
			t.Errorf("Lgamma(%v) = %v, want %v (%d ulp)", x, got, want, ulps(got, want))
		}
	}
	near(0.5, math.Log(math.Sqrt(math.Pi)))
	near(-0.5, math.Log(2*math.Sqrt(math.Pi)))
	f := 1.0
	for n := 1; n <= 20; n++ {
		f *= float64(n)
		near(float64(n+1), math.Log(f))
	}
}
