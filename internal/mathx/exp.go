package mathx

import "math"

// The Taylor coefficients 1/n! of e^r for n = 2 ... 6, rounded to
// nearest. On |r| <= ln2/256, r^6/6! is below 2^-60 (Exp stops at
// degree 5, where the result is near 1) and r^7/7! below 2^-72 (Expm1
// goes to degree 6, where the result may be as small as r).
const (
	e2 = 0x1p-01
	e3 = 0x1.5555555555555p-03
	e4 = 0x1.5555555555555p-05
	e5 = 0x1.1111111111111p-07
	e6 = 0x1.6c16c16c16c17p-10
)

// Constants of the reduction x = (k/128) ln2 + r, |r| <= ln2/256, of
// Exp and Expm1.
const (
	expInvLn2N = 0x1.71547652b82fep+07 // 128/ln2 (log2e times 128)
	expLn2HiN  = 0x1.62e42feep-08      // ln2Hi/128: k*expLn2HiN is exact for |k| < 2^21
	expLn2LoN  = 0x1.a39ef35793c76p-40 // ln2Lo/128
	// expShift7 is the bits of shifter shifted right by 7: the bits of
	// shifter + k, shifted right by 7, minus expShift7, are floor(k/128).
	expShift7 = 0x4338000000000000 >> 7
)

// Exp returns e^x.
//
// Special cases are: Exp(+Inf) = +Inf, Exp(-Inf) = 0, Exp(NaN) = NaN;
// results overflow to +Inf above 709.78 and underflow to 0 below -745.14.
func Exp(x float64) float64 { return expScaled(x, 0) }

// expScaled returns e^x 2^dk for an integer dk in [-1, 0], rounded once
// (apart from results in the subnormal range): Sinh and Cosh take e^x/2
// without overflow from e^x.
//
// With k = round(128 x/ln2), j = k mod 128 and e = floor(k/128), e^x =
// 2^e 2^(j/128) e^r with r = x - k ln2/128, |r| <= ln2/256. 2^(j/128) is
// a table entry hi (1 + tail); e^r - 1 a Taylor polynomial of degree 5
// (the first omitted term is below 2^-60). 2^(e+dk) is applied as two
// factors 2^e1 2^e2, each a normal number, so that only the last
// multiplication rounds into the subnormals or overflows.
func expScaled(x float64, dk int64) float64 {
	xc := clamp(x, -746, 711)
	kd := float64(xc*expInvLn2N) + shifter
	ub := math.Float64bits(kd) // bits of shifter + k, k in [-137760, 131297]
	k := kd - shifter
	r := (xc - float64(k*expLn2HiN)) - float64(k*expLn2LoN) // the first difference is exact
	j := ub & 127
	eb := (ub >> 7) - expShift7 + 2048 + uint64(dk) // e + dk + 2048, in [970, 3073]
	h1 := eb >> 1
	h2 := eb - h1
	s1 := math.Float64frombits(expTabHi[j] + (h1-1024)<<52) // hi 2^e1, e1 in [-539, 512]
	s2 := math.Float64frombits((h2 - 1) << 52)              // 2^e2, e2 in [-538, 513]
	tail := math.Float64frombits(expTabTail[j])
	r2 := float64(r * r)
	tmp := tail + r + float64(r2*(e2+float64(r*e3))) + float64(float64(r2*r2)*(e4+float64(r*e5)))
	y := float64(float64(s1+float64(s1*tmp)) * s2)
	if x != x {
		y = x
	}
	return y
}
