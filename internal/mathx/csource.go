package mathx

// CSource holds C versions of the functions of this package, as static
// inline functions named cj_exp, cj_log, ... for inclusion in generated C.
// It needs <stdint.h>, <string.h> and <math.h>, and must be compiled
// without floating-point contraction (-ffp-contract=off).
const CSource = `/* mathx stand-in: cj_exp and cj_log are exact ports, the rest call libm */
static inline double cj_bits2f(uint64_t b) { double x; memcpy(&x, &b, 8); return x; }
static inline double cj_exp(double x) {
	const double ln2Hi = 6.93147180369123816490e-01, ln2Lo = 1.90821492927058770002e-10,
		log2e = 1.44269504088896338700e+00, overflow = 7.09782712893383973096e+02,
		underflow = -7.45133219101941108420e+02, nearZero = 0x1p-28;
	if (x != x) return x;
	if (x > overflow) return cj_bits2f(0x7FF0000000000000ull);
	if (x < underflow) return 0;
	if (-nearZero < x && x < nearZero) return 1 + x;
	int64_t k = 0;
	if (x < 0) k = (int64_t)(log2e*x - 0.5);
	else if (x > 0) k = (int64_t)(log2e*x + 0.5);
	double hi = x - (double)k*ln2Hi;
	double lo = (double)k * ln2Lo;
	const double p1 = 1.66666666666666657415e-01, p2 = -2.77777777770155933842e-03,
		p3 = 6.61375632143793436117e-05, p4 = -1.65339022054652515390e-06,
		p5 = 4.13813679705723846039e-08;
	double r = hi - lo;
	double t = r * r;
	double c = r - t*(p1+t*(p2+t*(p3+t*(p4+t*p5))));
	double y = 1 - ((lo - (r*c)/(2-c)) - hi);
	return ldexp(y, (int)k);
}
static inline double cj_log(double x) {
	const double ln2Hi = 6.93147180369123816490e-01, ln2Lo = 1.90821492927058770002e-10,
		l1 = 6.666666666666735130e-01, l2 = 3.999999999940941908e-01,
		l3 = 2.857142874366239149e-01, l4 = 2.222219843214978396e-01,
		l5 = 1.818357216161805012e-01, l6 = 1.531383769920937332e-01,
		l7 = 1.479819860511658591e-01;
	if (x != x || x == cj_bits2f(0x7FF0000000000000ull)) return x;
	if (x < 0) return cj_bits2f(0x7FF8000000000001ull);
	if (x == 0) return cj_bits2f(0xFFF0000000000000ull);
	int ki;
	double f1 = frexp(x, &ki);
	if (f1 < 0x1.6a09e667f3bcdp-1) { f1 *= 2; ki--; }
	double f = f1 - 1;
	double k = (double)ki;
	double s = f / (2 + f);
	double s2 = s * s;
	double s4 = s2 * s2;
	double t1 = s2 * (l1 + s4*(l3+s4*(l5+s4*l7)));
	double t2 = s4 * (l2 + s4*(l4+s4*l6));
	double r = t1 + t2;
	double hfsq = 0.5 * f * f;
	return k*ln2Hi - ((hfsq - (s*(hfsq+r) + k*ln2Lo)) - f);
}
static inline double cj_expm1(double x) { return expm1(x); }
static inline double cj_log1p(double x) { return log1p(x); }
static inline double cj_log10(double x) { return log10(x); }
static inline double cj_pow(double x, double y) { return pow(x, y); }
static inline double cj_sin(double x) { return sin(x); }
static inline double cj_cos(double x) { return cos(x); }
static inline double cj_tan(double x) { return tan(x); }
static inline double cj_sinh(double x) { return sinh(x); }
static inline double cj_cosh(double x) { return cosh(x); }
static inline double cj_tanh(double x) { return tanh(x); }
static inline double cj_exprel(double x) { return x == 0 ? 1 : cj_expm1(x) / x; }
`
