package mathx

import "math"

// copysign returns |x| with the sign of y.
func copysign(x, y float64) float64 {
	const sign = 1 << 63
	return math.Float64frombits(math.Float64bits(x)&^sign | math.Float64bits(y)&sign)
}

// signbit reports whether x is negative or negative zero.
func signbit(x float64) bool { return math.Float64bits(x)>>63 != 0 }

// normalize scales a subnormal x to a normal number x 2^-exp.
func normalize(x float64) (y float64, exp int64) {
	if math.Abs(x) < 0x1p-1022 {
		return float64(x * 0x1p52), -52
	}
	return x, 0
}

// frexpInt splits finite nonzero f into frac 2^exp with |frac| in [1/2,
// 1), as math.Frexp; zero, infinities and NaN come back with exp 0.
func frexpInt(f float64) (frac float64, exp int64) {
	if f == 0 || f != f || math.Abs(f) > math.MaxFloat64 {
		return f, 0
	}
	f, exp = normalize(f)
	x := math.Float64bits(f)
	exp += int64((x>>52)&0x7FF) - 1023 + 1
	x &^= 0x7FF << 52
	x |= 1022 << 52
	return math.Float64frombits(x), exp
}

// ldexpInt returns frac 2^exp, as math.Ldexp: one rounding into the
// subnormals, overflow to an infinity.
func ldexpInt(frac float64, exp int64) float64 {
	if frac == 0 || frac != frac || math.Abs(frac) > math.MaxFloat64 {
		return frac
	}
	frac, e := normalize(frac)
	exp += e
	x := math.Float64bits(frac)
	exp += int64((x>>52)&0x7FF) - 1023
	if exp < -1075 {
		return copysign(0, frac)
	}
	if exp > 1023 {
		return copysign(math.Float64frombits(posInf), frac)
	}
	m := 1.0
	if exp < -1022 {
		exp += 53
		m = 0x1p-53
	}
	x &^= 0x7FF << 52
	x |= uint64(exp+1023) << 52
	return float64(m * math.Float64frombits(x))
}

// isOddInt reports whether x is an odd integer.
func isOddInt(x float64) bool {
	if math.Abs(x) >= 0x1p53 {
		return false
	}
	xi := math.Trunc(x)
	return x-xi == 0 && int64(xi)&1 == 1
}

// powZero is Pow(x, y) for x = ±0 and y != 0, NaN.
func powZero(x, y float64) float64 {
	odd := signbit(x) && isOddInt(y)
	if y < 0 {
		if odd {
			return math.Float64frombits(negInf)
		}
		return math.Float64frombits(posInf)
	}
	if odd {
		return x
	}
	return 0
}

// Pow returns x**y, by Go's algorithm: x^yi by repeated squaring with
// the power of two kept apart, times Exp(yf Log x) for the fraction yf.
//
// Special cases are those of math.Pow (IEEE 754-2008 section 9.2.1).
func Pow(x, y float64) float64 {
	switch {
	case y == 0 || x == 1:
		return 1
	case y == 1:
		return x
	case x != x || y != y:
		return math.Float64frombits(nanBits)
	case x == 0:
		return powZero(x, y)
	case math.Abs(y) > math.MaxFloat64:
		switch {
		case x == -1:
			return 1
		case (math.Abs(x) < 1) == (y > 0):
			return 0
		default:
			return math.Float64frombits(posInf)
		}
	case math.Abs(x) > math.MaxFloat64:
		if x < 0 {
			return powZero(1/x, -y)
		}
		if y < 0 {
			return 0
		}
		return math.Float64frombits(posInf)
	case y == 0.5:
		return math.Sqrt(x)
	case y == -0.5:
		return 1 / math.Sqrt(x)
	}
	return powFinite(x, y)
}

// powFinite is Pow for finite x != 0, 1 and finite y != 0, 1, ±1/2.
func powFinite(x, y float64) float64 {
	ay := math.Abs(y)
	yi := math.Trunc(ay)
	yf := ay - yi
	if yf != 0 && x < 0 {
		return math.Float64frombits(nanBits)
	}
	if yi >= 0x1p63 {
		// A large even integer: overflow or underflow except for x = -1.
		switch {
		case x == -1:
			return 1
		case (math.Abs(x) < 1) == (y > 0):
			return 0
		default:
			return math.Float64frombits(posInf)
		}
	}
	a1 := 1.0
	var ae int64
	if yf != 0 {
		if yf > 0.5 {
			yf--
			yi++
		}
		a1 = Exp(float64(yf * Log(x)))
	}
	x1, xe := frexpInt(x)
	for i := int64(yi); i != 0; i >>= 1 {
		if xe < -1<<12 || 1<<12 < xe {
			// xe would overflow; the result under- or overflows.
			ae += xe
			break
		}
		if i&1 == 1 {
			a1 = float64(a1 * x1)
			ae += xe
		}
		x1 = float64(x1 * x1)
		xe *= 2
		if x1 < .5 {
			x1 += x1
			xe--
		}
	}
	if y < 0 {
		a1 = 1 / a1
		ae = -ae
	}
	return ldexpInt(a1, ae)
}
