/* mathx.h: the elementary functions of Cajal's kernels in C, statement for
 * statement the algorithms of package mathx (Go), so that both give the
 * same bits. Compile with -ffp-contract=off (no fused multiply-add) and
 * without -ffast-math. Sqrt, fabs, floor, ceil and trunc come from
 * <math.h>: they are exact IEEE operations. */
#include <stdint.h>
#include <string.h>
#include <math.h>
#include <float.h>

/* FLT_EVAL_METHOD 16 (half precision evaluated as float, AVX512-FP16)
   leaves double arithmetic alone; 2 (x87) and -1 (indeterminate) do not. */
#if defined(FLT_EVAL_METHOD) && (FLT_EVAL_METHOD == 2 || FLT_EVAL_METHOD == -1)
#error "mathx.h needs double arithmetic without extended precision (FLT_EVAL_METHOD 0, e.g. SSE2)"
#endif

static inline double cj_frombits(uint64_t u) { double d; memcpy(&d, &u, sizeof d); return d; }
static inline uint64_t cj_tobits(double d) { uint64_t u; memcpy(&u, &d, sizeof u); return u; }

#define CJ_LN2HI 6.93147180369123816490e-01
#define CJ_LN2LO 1.90821492927058770002e-10
#define CJ_LOG2E 1.44269504088896338700e+00
#define CJ_SHIFTER 0x1.8p52
#define CJ_NAN 0x7FF8000000000001ULL
#define CJ_POSINF 0x7FF0000000000000ULL
#define CJ_NEGINF 0xFFF0000000000000ULL
#define CJ_MAXFLOAT 0x1.fffffffffffffp+1023

static inline double cj_roundint(double x) { return (x + CJ_SHIFTER) - CJ_SHIFTER; }

static inline double cj_pow2(double k) {
	return cj_frombits(cj_tobits(k + (CJ_SHIFTER + 1023)) << 52);
}

static inline double cj_clamp(double x, double lo, double hi) {
	x = x > hi ? hi : x;
	x = x < lo ? lo : x;
	return x;
}

/* ---- exp, expm1, exprel ---- */

static inline double cj_exp_poly(double r) {
	double q = r * 0x1.93974a8c07c9dp-37 + 0x1.6124613a86d09p-33;
	q = r * q + 0x1.1eed8eff8d898p-29;
	q = r * q + 0x1.ae64567f544e4p-26;
	q = r * q + 0x1.27e4fb7789f5cp-22;
	q = r * q + 0x1.71de3a556c734p-19;
	q = r * q + 0x1.a01a01a01a01ap-16;
	q = r * q + 0x1.a01a01a01a01ap-13;
	q = r * q + 0x1.6c16c16c16c17p-10;
	q = r * q + 0x1.1111111111111p-07;
	q = r * q + 0x1.5555555555555p-05;
	q = r * q + 0x1.5555555555555p-03;
	q = r * q + 0x1p-01;
	return (r * r) * q;
}

static inline double cj_scale(double y, double k) {
	double k1 = cj_roundint(k * 0.5);
	double k2 = k - k1;
	return (y * cj_pow2(k1)) * cj_pow2(k2);
}

static inline double cj_exp_scaled(double x, double dk) {
	x = cj_clamp(x, -746, 711);
	double k = cj_roundint(x * CJ_LOG2E);
	double hi = x - k * CJ_LN2HI;
	double lo = k * CJ_LN2LO;
	double r = hi - lo;
	double rerr = (hi - r) - lo;
	double p = cj_exp_poly(r);
	double s = 1 + r;
	double e = (1 - s) + r;
	double y = s + (e + (p + (rerr + r * rerr)));
	return cj_scale(y, k + dk);
}

static inline double cj_exp(double x) { return cj_exp_scaled(x, 0); }

static inline double cj_expm1(double x) {
	double xc = cj_clamp(x, -40, 710);
	double k = cj_roundint(xc * CJ_LOG2E);
	double hi = xc - k * CJ_LN2HI;
	double lo = k * CJ_LN2LO;
	double r = hi - lo;
	double rerr = (hi - r) - lo;
	double p = cj_exp_poly(r);
	double eh = r + p;
	double el = (r - eh) + p;
	el += rerr + rerr * eh;
	double mb = -cj_scale(1, -k);
	double th = 1 + mb;
	double tb = th - 1;
	double tl = (1 - (th - tb)) + (mb - tb);
	double s = th + eh;
	double sb = s - th;
	double se = (th - (s - sb)) + (eh - sb);
	double v = s + (se + (tl + el));
	double y = cj_scale(v, k);
	return x == 0 ? x : y;
}

static inline double cj_exprel(double x) {
	double y = cj_expm1(x) / x;
	return x == 0 ? 1 : y;
}

/* ---- log, log10, log1p ---- */

static inline void cj_frexp_log(double x, double *f1, double *k) {
	uint64_t b = cj_tobits(x);
	double kk = cj_frombits(((b >> 52) & 0x7FF) | 0x4330000000000000ULL) - 0x1p52 - 1022;
	double f = cj_frombits((b & 0x000FFFFFFFFFFFFFULL) | 0x3FE0000000000000ULL);
	int lt = f < 0x1.6a09e667f3bcdp-01;
	*f1 = lt ? f + f : f;
	*k = lt ? kk - 1 : kk;
}

static inline double cj_log_core(double f1, double k, double c) {
	double f = f1 - 1;
	double s = f / (2 + f);
	double s2 = s * s;
	double s4 = s2 * s2;
	double t1 = s2 * (s4 * (s4 * (s4 * 1.479819860511658591e-01 + 1.818357216161805012e-01) + 2.857142874366239149e-01) + 6.666666666666735130e-01);
	double t2 = s4 * (s4 * (s4 * 1.531383769920937332e-01 + 2.222219843214978396e-01) + 3.999999999940941908e-01);
	double R = t1 + t2;
	double hfsq = 0.5 * f * f;
	return k * CJ_LN2HI - ((hfsq - (s * (hfsq + R) + (k * CJ_LN2LO + c))) - f);
}

static inline double cj_log(double x) {
	int sub = x < 0x1p-1022;
	double xs = sub ? x * 0x1p54 : x;
	double ke = sub ? -54 : 0.0;
	double f1, k;
	cj_frexp_log(xs, &f1, &k);
	double y = cj_log_core(f1, k + ke, 0);
	y = (x > CJ_MAXFLOAT || x != x) ? x : y;
	y = x < 0 ? cj_frombits(CJ_NAN) : y;
	y = x == 0 ? cj_frombits(CJ_NEGINF) : y;
	return y;
}

static inline double cj_log10(double x) { return cj_log(x) * 0x1.bcb7b1526e50ep-02; }

static inline double cj_log1p(double x) {
	double u = 1 + x;
	double c = u >= 2 ? 1 - (u - x) : x - (u - 1);
	c = c / u;
	double f1, k;
	cj_frexp_log(u, &f1, &k);
	double y = cj_log_core(f1, k, c);
	y = (x > CJ_MAXFLOAT || x == 0) ? x : y;
	y = (x < -1 || x != x) ? cj_frombits(CJ_NAN) : y;
	y = x == -1 ? cj_frombits(CJ_NEGINF) : y;
	return y;
}

/* ---- pow ---- */

static inline double cj_copysign(double x, double y) {
	const uint64_t sign = 1ULL << 63;
	return cj_frombits((cj_tobits(x) & ~sign) | (cj_tobits(y) & sign));
}

static inline int cj_signbit(double x) { return (cj_tobits(x) >> 63) != 0; }

static inline double cj_normalize(double x, int64_t *exp) {
	if (fabs(x) < 0x1p-1022) {
		*exp = -52;
		return x * 0x1p52;
	}
	*exp = 0;
	return x;
}

static inline double cj_frexp_int(double f, int64_t *exp) {
	if (f == 0 || f != f || fabs(f) > CJ_MAXFLOAT) {
		*exp = 0;
		return f;
	}
	int64_t e;
	f = cj_normalize(f, &e);
	uint64_t x = cj_tobits(f);
	e += (int64_t)((x >> 52) & 0x7FF) - 1023 + 1;
	x &= ~(0x7FFULL << 52);
	x |= 1022ULL << 52;
	*exp = e;
	return cj_frombits(x);
}

static inline double cj_ldexp_int(double frac, int64_t exp) {
	if (frac == 0 || frac != frac || fabs(frac) > CJ_MAXFLOAT) {
		return frac;
	}
	int64_t e;
	frac = cj_normalize(frac, &e);
	exp += e;
	uint64_t x = cj_tobits(frac);
	exp += (int64_t)((x >> 52) & 0x7FF) - 1023;
	if (exp < -1075) {
		return cj_copysign(0, frac);
	}
	if (exp > 1023) {
		return cj_copysign(cj_frombits(CJ_POSINF), frac);
	}
	double m = 1.0;
	if (exp < -1022) {
		exp += 53;
		m = 0x1p-53;
	}
	x &= ~(0x7FFULL << 52);
	x |= (uint64_t)(exp + 1023) << 52;
	return m * cj_frombits(x);
}

static inline int cj_is_odd_int(double x) {
	if (fabs(x) >= 0x1p53) {
		return 0;
	}
	double xi = trunc(x);
	return x - xi == 0 && ((int64_t)xi & 1) == 1;
}

static inline double cj_pow_zero(double x, double y) {
	int odd = cj_signbit(x) && cj_is_odd_int(y);
	if (y < 0) {
		return odd ? cj_frombits(CJ_NEGINF) : cj_frombits(CJ_POSINF);
	}
	return odd ? x : 0;
}

static inline double cj_pow_finite(double x, double y) {
	double ay = fabs(y);
	double yi = trunc(ay);
	double yf = ay - yi;
	if (yf != 0 && x < 0) {
		return cj_frombits(CJ_NAN);
	}
	if (yi >= 0x1p63) {
		if (x == -1) {
			return 1;
		}
		if ((fabs(x) < 1) == (y > 0)) {
			return 0;
		}
		return cj_frombits(CJ_POSINF);
	}
	double a1 = 1.0;
	int64_t ae = 0;
	if (yf != 0) {
		if (yf > 0.5) {
			yf--;
			yi++;
		}
		a1 = cj_exp(yf * cj_log(x));
	}
	int64_t xe;
	double x1 = cj_frexp_int(x, &xe);
	for (int64_t i = (int64_t)yi; i != 0; i >>= 1) {
		if (xe < -(1 << 12) || (1 << 12) < xe) {
			ae += xe;
			break;
		}
		if ((i & 1) == 1) {
			a1 = a1 * x1;
			ae += xe;
		}
		x1 = x1 * x1;
		xe *= 2;
		if (x1 < .5) {
			x1 += x1;
			xe--;
		}
	}
	if (y < 0) {
		a1 = 1 / a1;
		ae = -ae;
	}
	return cj_ldexp_int(a1, ae);
}

static inline double cj_pow(double x, double y) {
	if (y == 0 || x == 1) {
		return 1;
	}
	if (y == 1) {
		return x;
	}
	if (x != x || y != y) {
		return cj_frombits(CJ_NAN);
	}
	if (x == 0) {
		return cj_pow_zero(x, y);
	}
	if (fabs(y) > CJ_MAXFLOAT) {
		if (x == -1) {
			return 1;
		}
		if ((fabs(x) < 1) == (y > 0)) {
			return 0;
		}
		return cj_frombits(CJ_POSINF);
	}
	if (fabs(x) > CJ_MAXFLOAT) {
		if (x < 0) {
			return cj_pow_zero(1 / x, -y);
		}
		if (y < 0) {
			return 0;
		}
		return cj_frombits(CJ_POSINF);
	}
	if (y == 0.5) {
		return sqrt(x);
	}
	if (y == -0.5) {
		return 1 / sqrt(x);
	}
	return cj_pow_finite(x, y);
}

/* ---- sin, cos, tan ---- */

static const uint64_t cj_mpi4[20] = {
	0x0000000000000001ULL, 0x45f306dc9c882a53ULL, 0xf84eafa3ea69bb81ULL, 0xb6c52b3278872083ULL,
	0xfca2c757bd778ac3ULL, 0x6e48dc74849ba5c0ULL, 0x0c925dd413a32439ULL, 0xfc3bd63962534e7dULL,
	0xd1046bea5d768909ULL, 0xd338e04d68befc82ULL, 0x7323ac7306a673e9ULL, 0x3908bf177bf25076ULL,
	0x3ff12fffbc0b301fULL, 0xde5e2316b414da3eULL, 0xda6cfd9e4f96136eULL, 0x9e8c7ecd3cbfd45aULL,
	0xea4f758fd7cbe2f6ULL, 0x7a0e73ef14a525d4ULL, 0xd7f6bf623f1aba10ULL, 0xac06608df8f6d757ULL,
};

static inline uint64_t cj_shl(uint64_t x, uint64_t s) { return s >= 64 ? 0 : x << s; }
static inline uint64_t cj_shr(uint64_t x, uint64_t s) { return s >= 64 ? 0 : x >> s; }

static inline uint64_t cj_mul64(uint64_t x, uint64_t y, uint64_t *lo) {
	const uint64_t mask32 = 0xFFFFFFFFULL;
	uint64_t x0 = x & mask32, x1 = x >> 32;
	uint64_t y0 = y & mask32, y1 = y >> 32;
	uint64_t w0 = x0 * y0;
	uint64_t t = x1 * y0 + (w0 >> 32);
	uint64_t w1 = t & mask32;
	uint64_t w2 = t >> 32;
	w1 += x0 * y1;
	*lo = x * y;
	return x1 * y1 + w2 + (w1 >> 32);
}

static inline uint64_t cj_clz64(uint64_t x) {
	uint64_t n = 0;
	if (x == 0) {
		return 64;
	}
	while ((x & 0x8000000000000000ULL) == 0) {
		x <<= 1;
		n++;
	}
	return n;
}

static inline double cj_trig_reduce(double x, uint64_t *jout) {
	uint64_t ix = cj_tobits(x);
	int64_t exp = (int64_t)((ix >> 52) & 0x7FF) - 1023 - 52;
	ix &= ~(0x7FFULL << 52);
	ix |= 1ULL << 52;
	uint64_t digit = (uint64_t)(exp + 61) / 64, bitshift = (uint64_t)(exp + 61) % 64;
	uint64_t z0 = cj_shl(cj_mpi4[digit], bitshift) | cj_shr(cj_mpi4[digit + 1], 64 - bitshift);
	uint64_t z1 = cj_shl(cj_mpi4[digit + 1], bitshift) | cj_shr(cj_mpi4[digit + 2], 64 - bitshift);
	uint64_t z2 = cj_shl(cj_mpi4[digit + 2], bitshift) | cj_shr(cj_mpi4[digit + 3], 64 - bitshift);
	uint64_t unused, z1lo;
	uint64_t z2hi = cj_mul64(z2, ix, &unused);
	uint64_t z1hi = cj_mul64(z1, ix, &z1lo);
	uint64_t z0lo = z0 * ix;
	uint64_t lo = z1lo + z2hi;
	uint64_t c = lo < z1lo ? 1 : 0;
	uint64_t hi = z0lo + z1hi + c;
	uint64_t j = hi >> 61;
	hi = hi << 3 | lo >> 61;
	uint64_t lz = cj_clz64(hi);
	uint64_t e = 1023 - (lz + 1);
	hi = cj_shl(hi, lz + 1) | cj_shr(lo, 64 - (lz + 1));
	hi >>= 64 - 52;
	hi |= e << 52;
	double z = cj_frombits(hi);
	if ((j & 1) == 1) {
		j++;
		j &= 7;
		z--;
	}
	*jout = j;
	return z * 0x1.921fb54442d18p-01;
}

static inline double cj_trig_octant(double x, uint64_t *jout) {
	if (x >= 536870912.0) {
		return cj_trig_reduce(x, jout);
	}
	uint64_t j = (uint64_t)(x * 0x1.45f306dc9c883p+00);
	double y = (double)j;
	if ((j & 1) == 1) {
		j++;
		y++;
	}
	j &= 7;
	*jout = j;
	return ((x - y * 7.85398125648498535156e-1) - y * 3.77489470793079817668e-8) - y * 2.69515142907905952645e-15;
}

static inline double cj_sin_poly(double z, double zz) {
	double q = 1.58962301576546568060e-10 * zz + -2.50507477628578072866e-8;
	q = q * zz + 2.75573136213857245213e-6;
	q = q * zz + -1.98412698295895385996e-4;
	q = q * zz + 8.33333333332211858878e-3;
	q = q * zz + -1.66666666666666307295e-1;
	return z + (z * zz) * q;
}

static inline double cj_cos_poly(double zz) {
	double q = -1.13585365213876817300e-11 * zz + 2.08757008419747316778e-9;
	q = q * zz + -2.75573141792967388112e-7;
	q = q * zz + 2.48015872888517045348e-5;
	q = q * zz + -1.38888888888730564116e-3;
	q = q * zz + 4.16666666666665929218e-2;
	return (1.0 - 0.5 * zz) + (zz * zz) * q;
}

static inline double cj_sin(double x) {
	if (x == 0 || x != x) {
		return x;
	}
	if (fabs(x) > CJ_MAXFLOAT) {
		return cj_frombits(CJ_NAN);
	}
	uint64_t j;
	double z = cj_trig_octant(fabs(x), &j);
	int sign = x < 0;
	if (j > 3) {
		sign = !sign;
		j -= 4;
	}
	double zz = z * z;
	double y = cj_sin_poly(z, zz);
	y = (j == 1 || j == 2) ? cj_cos_poly(zz) : y;
	return sign ? -y : y;
}

static inline double cj_cos(double x) {
	if (x != x || fabs(x) > CJ_MAXFLOAT) {
		return cj_frombits(CJ_NAN);
	}
	uint64_t j;
	double z = cj_trig_octant(fabs(x), &j);
	int sign = 0;
	if (j > 3) {
		j -= 4;
		sign = !sign;
	}
	if (j > 1) {
		sign = !sign;
	}
	double zz = z * z;
	double y = cj_cos_poly(zz);
	y = (j == 1 || j == 2) ? cj_sin_poly(z, zz) : y;
	return sign ? -y : y;
}

static inline double cj_tan(double x) {
	if (x == 0 || x != x) {
		return x;
	}
	if (fabs(x) > CJ_MAXFLOAT) {
		return cj_frombits(CJ_NAN);
	}
	uint64_t j;
	double z = cj_trig_octant(fabs(x), &j);
	double zz = z * z;
	double p = -1.30936939181383777646e4 * zz + 1.15351664838587416140e6;
	p = p * zz + -1.79565251976484877988e7;
	double q = zz + 1.36812963470692954678e4;
	q = q * zz + -1.32089234440210967447e6;
	q = q * zz + 2.50083801823357915839e7;
	q = q * zz + -5.38695755929454629881e7;
	double y = zz > 1e-14 ? z + z * ((zz * p) / q) : z;
	y = (j & 2) == 2 ? -1 / y : y;
	return x < 0 ? -y : y;
}

/* ---- sinh, cosh, tanh ---- */

static inline double cj_sinh(double x) {
	int sign = x < 0;
	if (sign) {
		x = -x;
	}
	double temp;
	if (x > 21) {
		temp = cj_exp_scaled(x, -1);
	} else if (x > 0.5) {
		double ex = cj_exp(x);
		temp = (ex - 1 / ex) * 0.5;
	} else {
		double sq = x * x;
		double p = -0.2630563213397497062819489e+2 * sq + -0.2894211355989563807284660366e+4;
		p = p * sq + -0.8991272022039509355398013511e+5;
		p = p * sq + -0.6307673640497716991184787251e+6;
		double q = sq + -0.173678953558233699533450911e+3;
		q = q * sq + 0.1521517378790019070696485176e+5;
		q = q * sq + -0.6307673640497716991212077277e+6;
		temp = (p * x) / q;
	}
	return sign ? -temp : temp;
}

static inline double cj_cosh(double x) {
	x = fabs(x);
	if (x > 21) {
		return cj_exp_scaled(x, -1);
	}
	double ex = cj_exp(x);
	return (ex + 1 / ex) * 0.5;
}

static inline double cj_tanh(double x) {
	double z = fabs(x);
	double t = cj_expm1(2 * cj_clamp(z, 0, 22));
	double big = cj_copysign(t / (t + 2), x);
	double s = x * x;
	double p = -9.64399179425052238628e-1 * s + -9.92877231001918586564e1;
	p = p * s + -1.61468768441708447952e3;
	double q = s + 1.12811678491632931402e2;
	q = q * s + 2.23548839060100448583e3;
	q = q * s + 4.84406305325125486048e3;
	double y = x + ((x * s) * p) / q;
	y = z >= 0.625 ? big : y;
	return x == 0 ? x : y;
}
