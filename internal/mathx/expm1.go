package mathx

// The Taylor coefficients 1/n! of exp for n = 2 ... 14, rounded to
// nearest. On |r| <= ln2/2 the first omitted term, r^15/15!, is below
// 2^-63 (Expm1); Exp uses e2 ... e5 on |r| <= ln2/256, where r^6/6! is
// below 2^-60.
const (
	e2  = 0x1p-01
	e3  = 0x1.5555555555555p-03
	e4  = 0x1.5555555555555p-05
	e5  = 0x1.1111111111111p-07
	e6  = 0x1.6c16c16c16c17p-10
	e7  = 0x1.a01a01a01a01ap-13
	e8  = 0x1.a01a01a01a01ap-16
	e9  = 0x1.71de3a556c734p-19
	e10 = 0x1.27e4fb7789f5cp-22
	e11 = 0x1.ae64567f544e4p-26
	e12 = 0x1.1eed8eff8d898p-29
	e13 = 0x1.6124613a86d09p-33
	e14 = 0x1.93974a8c07c9dp-37
)

// expReduce splits x = k ln2 + r + rerr with k an integer (as a float),
// |r| <= ln2/2 and rerr the rounding error of r. x must lie in
// [-1100, 1100] (or be NaN).
func expReduce(x float64) (k, r, rerr float64) {
	k = roundInt(float64(x * log2e))
	hi := x - float64(k*ln2Hi) // exact
	lo := float64(k * ln2Lo)
	r = hi - lo
	rerr = (hi - r) - lo
	return k, r, rerr
}

// expPoly returns exp(r) - 1 - r for |r| <= ln2/2.
func expPoly(r float64) float64 {
	q := float64(r*e14) + e13
	q = float64(r*q) + e12
	q = float64(r*q) + e11
	q = float64(r*q) + e10
	q = float64(r*q) + e9
	q = float64(r*q) + e8
	q = float64(r*q) + e7
	q = float64(r*q) + e6
	q = float64(r*q) + e5
	q = float64(r*q) + e4
	q = float64(r*q) + e3
	q = float64(r*q) + e2
	return float64(float64(r*r) * q)
}

// scale returns y 2^k for an integer k in [-2044, 2046], as two
// multiplications by exact powers of two, so that only the second rounds
// (into the subnormals or to infinity).
func scale(y, k float64) float64 {
	k1 := roundInt(float64(k * 0.5))
	k2 := k - k1
	return float64(float64(y*pow2(k1)) * pow2(k2))
}

// Expm1 returns e^x - 1, accurate also for x near 0.
//
// Special cases are: Expm1(+Inf) = +Inf, Expm1(-Inf) = -1, Expm1(NaN) =
// NaN, Expm1(±0) = ±0; results overflow to +Inf above 709.78.
func Expm1(x float64) float64 {
	xc := clamp(x, -40, 710)
	k, r, rerr := expReduce(xc)
	p := expPoly(r)
	// exp(r) - 1 = eh + el, with rerr entering as rerr*exp(r).
	eh := r + p
	el := (r - eh) + p
	el += rerr + float64(rerr*eh)
	// e^x - 1 = 2^k ((1 - 2^-k) + (eh + el)), with 1 - 2^-k = th + tl.
	th, tl := twoSum(1, -scale(1, -k))
	s, se := twoSum(th, eh)
	v := s + (se + (tl + el))
	y := scale(v, k)
	if x == 0 {
		y = x
	}
	return y
}

// Exprel returns (e^x - 1)/x, and 1 at x = 0: the propagator of a linear
// differential equation over a step.
//
// Special cases are: Exprel(±0) = 1, Exprel(+Inf) = NaN, Exprel(-Inf) = 0,
// Exprel(NaN) = NaN.
func Exprel(x float64) float64 {
	y := Expm1(x) / x
	if x == 0 {
		y = 1
	}
	return y
}
