package mathx

import "math"

// Sinh returns the hyperbolic sine of x, by Go's algorithm: a rational
// approximation for |x| <= 0.5, exponentials above (e^|x|/2 taken without
// overflow of e^|x|, so that results up to |x| = 710.47 are finite).
//
// Special cases are: Sinh(±0) = ±0, Sinh(±Inf) = ±Inf, Sinh(NaN) = NaN.
func Sinh(x float64) float64 {
	const (
		p0 = -0.6307673640497716991184787251e+6
		p1 = -0.8991272022039509355398013511e+5
		p2 = -0.2894211355989563807284660366e+4
		p3 = -0.2630563213397497062819489e+2
		q0 = -0.6307673640497716991212077277e+6
		q1 = 0.1521517378790019070696485176e+5
		q2 = -0.173678953558233699533450911e+3
	)
	sign := x < 0
	if sign {
		x = -x
	}
	var temp float64
	switch {
	case x > 21:
		temp = expScaled(x, -1)
	case x > 0.5:
		ex := Exp(x)
		temp = float64((ex - 1/ex) * 0.5)
	default:
		sq := float64(x * x)
		p := float64(p3*sq) + p2
		p = float64(p*sq) + p1
		p = float64(p*sq) + p0
		q := sq + q2
		q = float64(q*sq) + q1
		q = float64(q*sq) + q0
		temp = float64(p*x) / q
	}
	if sign {
		temp = -temp
	}
	return temp
}

// Cosh returns the hyperbolic cosine of x, by Go's algorithm (e^|x|/2
// taken as for Sinh).
//
// Special cases are: Cosh(±0) = 1, Cosh(±Inf) = +Inf, Cosh(NaN) = NaN.
func Cosh(x float64) float64 {
	x = math.Abs(x)
	if x > 21 {
		return expScaled(x, -1)
	}
	ex := Exp(x)
	return float64((ex + 1/ex) * 0.5)
}

// Tanh returns the hyperbolic tangent of x, by Go's (Cephes') algorithm
// with one change: a rational approximation for |x| < 0.625; above, with
// t = e^2|x| - 1, t/(t + 2). Both are computed and one is selected, so
// that the C version vectorises.
//
// Special cases are: Tanh(±0) = ±0, Tanh(±Inf) = ±1, Tanh(NaN) = NaN.
func Tanh(x float64) float64 {
	const (
		p0 = -9.64399179425052238628e-1
		p1 = -9.92877231001918586564e1
		p2 = -1.61468768441708447952e3
		q0 = 1.12811678491632931402e2
		q1 = 2.23548839060100448583e3
		q2 = 4.84406305325125486048e3
	)
	z := math.Abs(x)
	// From |x| = 22 on, t/(t+2) rounds to 1.
	t := Expm1(2 * clamp(z, 0, 22))
	big := copysign(t/(t+2), x)
	s := float64(x * x)
	p := float64(p0*s) + p1
	p = float64(p*s) + p2
	q := s + q0
	q = float64(q*s) + q1
	q = float64(q*s) + q2
	y := x + float64(float64(float64(x*s)*p)/q)
	if z >= 0.625 {
		y = big
	}
	if x == 0 {
		y = x
	}
	return y
}
