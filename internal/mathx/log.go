package mathx

import "math"

// FDLIBM's coefficients of the logarithm in s = f/(2+f).
const (
	lg1 = 6.666666666666735130e-01 // 0x3FE5555555555593
	lg2 = 3.999999999940941908e-01 // 0x3FD999999997FA04
	lg3 = 2.857142874366239149e-01 // 0x3FD2492494229359
	lg4 = 2.222219843214978396e-01 // 0x3FCC71C51D8E78AF
	lg5 = 1.818357216161805012e-01 // 0x3FC7466496CB03DE
	lg6 = 1.531383769920937332e-01 // 0x3FC39A09D078C69F
	lg7 = 1.479819860511658591e-01 // 0x3FC2F112DF3E5244

	sqrt2Half = 0x1.6a09e667f3bcdp-01 // sqrt(2)/2
	ln10Inv   = 0x1.bcb7b1526e50ep-02 // 1/ln10
	nanBits   = 0x7FF8000000000001    // math.NaN()
	posInf    = 0x7FF0000000000000
	negInf    = 0xFFF0000000000000
)

// frexp splits a positive normal x into f1 2^k with f1 in [sqrt(2)/2,
// sqrt(2)), k an integer as a float. The exponent field becomes a float by
// an integer trick instead of a conversion.
func frexp(x float64) (f1, k float64) {
	b := math.Float64bits(x)
	k = math.Float64frombits((b>>52)&0x7FF|0x4330000000000000) - 0x1p52 - 1022
	f1 = math.Float64frombits(b&0x000FFFFFFFFFFFFF | 0x3FE0000000000000)
	if f1 < sqrt2Half {
		f1 = f1 + f1
		k = k - 1
	}
	return f1, k
}

// logCore returns k ln2 + log(f1) + c for f1 in [sqrt(2)/2, sqrt(2)) and a
// small correction c, by FDLIBM's algorithm.
func logCore(f1, k, c float64) float64 {
	f := f1 - 1
	s := f / (2 + f)
	s2 := float64(s * s)
	s4 := float64(s2 * s2)
	t1 := float64(s2 * (float64(s4*(float64(s4*(float64(s4*lg7)+lg5))+lg3)) + lg1))
	t2 := float64(s4 * (float64(s4*(float64(s4*lg6)+lg4)) + lg2))
	R := t1 + t2
	hfsq := float64(0.5 * f * f)
	return float64(k*ln2Hi) - ((hfsq - (float64(s*(hfsq+R)) + (float64(k*ln2Lo) + c))) - f)
}

// Log returns the natural logarithm of x.
//
// Special cases are: Log(+Inf) = +Inf, Log(0) = -Inf, Log(x < 0) = NaN,
// Log(NaN) = NaN.
func Log(x float64) float64 {
	xs, ke := x, 0.0
	if x < 0x1p-1022 {
		xs, ke = float64(x*0x1p54), -54
	}
	f1, k := frexp(xs)
	y := logCore(f1, k+ke, 0)
	if x > math.MaxFloat64 || x != x {
		y = x
	}
	if x < 0 {
		y = math.Float64frombits(nanBits)
	}
	if x == 0 {
		y = math.Float64frombits(negInf)
	}
	return y
}

// Log10 returns the decimal logarithm of x, as Log(x) times 1/ln10.
//
// Special cases are as for Log.
func Log10(x float64) float64 { return float64(Log(x) * ln10Inv) }

// Log1p returns log(1 + x), accurate also for x near 0: the rounding
// error of u = 1 + x enters as the correction (1 + x - u)/u.
//
// Special cases are: Log1p(+Inf) = +Inf, Log1p(±0) = ±0, Log1p(-1) = -Inf,
// Log1p(x < -1) = NaN, Log1p(NaN) = NaN.
func Log1p(x float64) float64 {
	u := 1 + x
	c := x - (u - 1)
	if u >= 2 {
		c = 1 - (u - x)
	}
	c = c / u
	f1, k := frexp(u)
	y := logCore(f1, k, c)
	if x > math.MaxFloat64 || x == 0 {
		y = x
	}
	if x < -1 || x != x {
		y = math.Float64frombits(nanBits)
	}
	if x == -1 {
		y = math.Float64frombits(negInf)
	}
	return y
}
