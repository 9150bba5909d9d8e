package mathx

import (
	"math"
	"math/big"
)

// High-precision references for the arguments where Go's math is known to
// be off on amd64: its assembly Exp overflows to +Inf from x = 709.44 on
// (where e^x is still finite), and its assembly Log reads the exponent of
// subnormal numbers wrongly. These references are slow (400-bit
// big.Float) and used only there.

const refPrec = 400

// bigExp returns e^x by the Taylor series of e^(x/2^20) squared 20 times.
func bigExp(x *big.Float) *big.Float {
	const m = 20
	y := new(big.Float).SetPrec(refPrec).SetMantExp(x, -m)
	sum := new(big.Float).SetPrec(refPrec).SetInt64(1)
	term := new(big.Float).SetPrec(refPrec).SetInt64(1)
	eps := new(big.Float).SetPrec(refPrec).SetMantExp(big.NewFloat(1), -refPrec)
	for n := int64(1); ; n++ {
		term.Mul(term, y)
		term.Quo(term, new(big.Float).SetPrec(refPrec).SetInt64(n))
		sum.Add(sum, term)
		if new(big.Float).Abs(term).Cmp(eps) < 0 {
			break
		}
	}
	for range m {
		sum.Mul(sum, sum)
	}
	return sum
}

// bigLog returns log x for x > 0 by Newton's iteration on bigExp.
func bigLog(x *big.Float) *big.Float {
	f, _ := x.Float64()
	mant := new(big.Float)
	e := x.MantExp(mant)
	m, _ := mant.Float64()
	y := new(big.Float).SetPrec(refPrec).SetFloat64(math.Log(m) + float64(e)*math.Ln2)
	_ = f
	two := big.NewFloat(2)
	for range 4 {
		ey := bigExp(y)
		num := new(big.Float).SetPrec(refPrec).Sub(x, ey)
		den := new(big.Float).SetPrec(refPrec).Add(x, ey)
		num.Mul(num, two)
		y.Add(y, num.Quo(num, den))
	}
	return y
}

func bf(x float64) *big.Float { return new(big.Float).SetPrec(refPrec).SetFloat64(x) }

func f64(x *big.Float) float64 {
	f, _ := x.Float64()
	return f
}

// goExpBroken reports arguments where math.Exp is wrong.
func goExpBroken(x float64) bool { return x > 709.43 && x <= 709.79 }

// subnormal reports positive subnormal x.
func subnormal(x float64) bool { return x > 0 && x < 0x1p-1022 }

// refExp etc. are Go's math with the known defects replaced.
func refExp(x float64) float64 {
	if goExpBroken(x) {
		return f64(bigExp(bf(x)))
	}
	return math.Exp(x)
}

func refExpm1(x float64) float64 {
	if goExpBroken(x) {
		return f64(bigExp(bf(x)))
	}
	return math.Expm1(x)
}

func refExprelFixed(x float64) float64 {
	if x == 0 {
		return 1
	}
	return refExpm1(x) / x
}

func refLog(x float64) float64 {
	if subnormal(x) {
		return f64(bigLog(bf(x)))
	}
	return math.Log(x)
}

func refLog10(x float64) float64 {
	if subnormal(x) {
		l := bigLog(bf(x))
		return f64(l.Quo(l, bigLog(bf(10))))
	}
	return math.Log10(x)
}

// goSinhBroken reports arguments where math.Sinh and math.Cosh overflow
// while the result is finite.
func goSinhBroken(x float64) bool { return x > 709.43 && x <= 710.47 }

func refSinh(x float64) float64 {
	if goSinhBroken(math.Abs(x)) {
		e := bigExp(bf(math.Abs(x)))
		e.Quo(e, bf(2))
		return math.Copysign(f64(e), x)
	}
	return math.Sinh(x)
}

func refCosh(x float64) float64 {
	if goSinhBroken(math.Abs(x)) {
		e := bigExp(bf(math.Abs(x)))
		return f64(e.Quo(e, bf(2)))
	}
	return math.Cosh(x)
}

func refPow(x, y float64) float64 {
	if subnormal(x) && y != 0 && !math.IsInf(y, 0) && y == y && math.Abs(y) < 1e6 {
		l := bigLog(bf(x))
		return f64(bigExp(l.Mul(l, bf(y))))
	}
	return math.Pow(x, y)
}
