package mathx

import "math"

// Expm1 returns e^x - 1, accurate also for x near 0.
//
// With the reduction of Exp (k = round(128 x/ln2), s = 2^floor(k/128)
// times a table entry hi, r and its rounding error rerr), e^r 2^(j/128)/hi
// - 1 = r + el with el small (the polynomial of degree 6 beyond r, the
// table's tail and rerr), and e^x - 1 = (s - 1) + (r + el) + (s - 1)(r +
// el), where s - 1 and (s - 1) + r are taken exactly as double-doubles
// so that near 0 (|k| small) no rounding of a term as large as the result
// precedes the last. Above x = 40.2, 2^e is split into two normal factors
// as for Exp, the second applied last, and the 1 is dropped.
//
// Special cases are: Expm1(+Inf) = +Inf, Expm1(-Inf) = -1, Expm1(NaN) =
// NaN, Expm1(±0) = ±0; results overflow to +Inf above 709.78.
func Expm1(x float64) float64 {
	xc := clamp(x, -40, 711)
	kd := float64(xc*expInvLn2N) + shifter
	ub := math.Float64bits(kd) // bits of shifter + k, k in [-7387, 131297]
	k := kd - shifter
	hi := xc - float64(k*expLn2HiN) // exact
	lo := float64(k * expLn2LoN)
	r := hi - lo
	rerr := (hi - r) - lo
	j := ub & 127
	eb := (ub >> 7) - expShift7 + 64 // e + 64, e = floor(k/128) in [-58, 1025]
	var eLate uint64                 // 2^e = 2^e1 2^eLate with e1 <= 57
	if eb > 121 {
		eLate = eb - 121
	}
	m := -1.0 // where eLate > 0 (x > 40.2), 1 is below 2^-57 e^x and dropped
	if eLate != 0 {
		m = 0
	}
	s := math.Float64frombits(expTabHi[j] + (eb-eLate-64)<<52) // hi 2^e1, e1 in [-58, 57]
	t := math.Float64frombits(expTabTail[j]) + rerr
	r2 := float64(r * r)
	p := float64(r2*(e2+float64(r*e3))) + float64(float64(r2*r2)*(float64(e4+float64(r*e5))+float64(r2*e6)))
	el := p + (t + float64(t*r))
	h, l := twoSum(s, m)
	h2, l2 := twoSum(h, r)
	y := h2 + (l2 + (l + (el + float64(h*(r+el)))))
	y = float64(y * math.Float64frombits((eLate+1023)<<52))
	if x == 0 || x != x {
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
