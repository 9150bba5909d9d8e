package mathx

import "math"

// Exp returns e**x, by the portable algorithm of Go's math package (FreeBSD's
// e_exp.c), with every product rounded before it is added.
func Exp(x float64) float64 {
	const (
		ln2Hi     = 6.93147180369123816490e-01
		ln2Lo     = 1.90821492927058770002e-10
		log2e     = 1.44269504088896338700e+00
		overflow  = 7.09782712893383973096e+02
		underflow = -7.45133219101941108420e+02
		nearZero  = 1.0 / (1 << 28)
	)
	switch {
	case x != x:
		return x
	case x > overflow:
		return math.Inf(1)
	case x < underflow:
		return 0
	case -nearZero < x && x < nearZero:
		return 1 + x
	}
	var k int
	switch {
	case x < 0:
		k = int(float64(log2e*x) - 0.5)
	case x > 0:
		k = int(float64(log2e*x) + 0.5)
	}
	hi := x - float64(float64(k)*ln2Hi)
	lo := float64(float64(k) * ln2Lo)
	const (
		p1 = 1.66666666666666657415e-01
		p2 = -2.77777777770155933842e-03
		p3 = 6.61375632143793436117e-05
		p4 = -1.65339022054652515390e-06
		p5 = 4.13813679705723846039e-08
	)
	r := hi - lo
	t := float64(r * r)
	c := r - float64(t*(p1+float64(t*(p2+float64(t*(p3+float64(t*(p4+float64(t*p5)))))))))
	y := 1 - ((lo - float64(r*c)/(2-c)) - hi)
	return math.Ldexp(y, k)
}

// Log returns the natural logarithm of x, by the portable algorithm of Go's
// math package (FreeBSD's e_log.c), with every product rounded before it is
// added.
func Log(x float64) float64 {
	const (
		ln2Hi = 6.93147180369123816490e-01
		ln2Lo = 1.90821492927058770002e-10
		l1    = 6.666666666666735130e-01
		l2    = 3.999999999940941908e-01
		l3    = 2.857142874366239149e-01
		l4    = 2.222219843214978396e-01
		l5    = 1.818357216161805012e-01
		l6    = 1.531383769920937332e-01
		l7    = 1.479819860511658591e-01
	)
	switch {
	case x != x || math.IsInf(x, 1):
		return x
	case x < 0:
		return math.NaN()
	case x == 0:
		return math.Inf(-1)
	}
	f1, ki := math.Frexp(x)
	if f1 < math.Sqrt2/2 {
		f1 *= 2
		ki--
	}
	f := f1 - 1
	k := float64(ki)
	s := f / (2 + f)
	s2 := s * s
	s4 := s2 * s2
	t1 := float64(s2 * (l1 + float64(s4*(l3+float64(s4*(l5+float64(s4*l7)))))))
	t2 := float64(s4 * (l2 + float64(s4*(l4+float64(s4*l6)))))
	r := t1 + t2
	hfsq := float64(0.5 * f * f)
	return float64(k*ln2Hi) - ((hfsq - (float64(s*(hfsq+r)) + float64(k*ln2Lo))) - f)
}

// Expm1 returns e**x - 1 (math.Expm1).
func Expm1(x float64) float64 { return math.Expm1(x) }

// Log1p returns log(1 + x) (math.Log1p).
func Log1p(x float64) float64 { return math.Log1p(x) }

// Log10 returns the decimal logarithm of x (math.Log10).
func Log10(x float64) float64 { return math.Log10(x) }

// Pow returns x**y (math.Pow).
func Pow(x, y float64) float64 { return math.Pow(x, y) }

// Sin returns the sine of x (math.Sin).
func Sin(x float64) float64 { return math.Sin(x) }

// Cos returns the cosine of x (math.Cos).
func Cos(x float64) float64 { return math.Cos(x) }

// Tan returns the tangent of x (math.Tan).
func Tan(x float64) float64 { return math.Tan(x) }

// Sinh returns the hyperbolic sine of x (math.Sinh).
func Sinh(x float64) float64 { return math.Sinh(x) }

// Cosh returns the hyperbolic cosine of x (math.Cosh).
func Cosh(x float64) float64 { return math.Cosh(x) }

// Tanh returns the hyperbolic tangent of x (math.Tanh).
func Tanh(x float64) float64 { return math.Tanh(x) }

// Exprel returns (e**x - 1)/x, and 1 at x = 0.
func Exprel(x float64) float64 {
	if x == 0 {
		return 1
	}
	return Expm1(x) / x
}
