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
#define CJ_SHIFTER 0x1.8p52
#define CJ_NAN 0x7FF8000000000001ULL
#define CJ_POSINF 0x7FF0000000000000ULL
#define CJ_NEGINF 0xFFF0000000000000ULL
#define CJ_MAXFLOAT 0x1.fffffffffffffp+1023

static inline double cj_clamp(double x, double lo, double hi) {
	x = x > hi ? hi : x;
	x = x < lo ? lo : x;
	return x;
}

/* ---- exp, expm1, exprel ---- */

/* cj_exp_hi[j] is 2^(j/128) rounded to nearest and cj_exp_tail[j] the
   relative rounding error, as bit patterns (expTabHi and expTabTail in Go). */
static const uint64_t cj_exp_hi[128] = {
	0x3ff0000000000000, 0x3ff0163da9fb3335, 0x3ff02c9a3e778061, 0x3ff04315e86e7f85,
	0x3ff059b0d3158574, 0x3ff0706b29ddf6de, 0x3ff0874518759bc8, 0x3ff09e3ecac6f383,
	0x3ff0b5586cf9890f, 0x3ff0cc922b7247f7, 0x3ff0e3ec32d3d1a2, 0x3ff0fb66affed31b,
	0x3ff11301d0125b51, 0x3ff12abdc06c31cc, 0x3ff1429aaea92de0, 0x3ff15a98c8a58e51,
	0x3ff172b83c7d517b, 0x3ff18af9388c8dea, 0x3ff1a35beb6fcb75, 0x3ff1bbe084045cd4,
	0x3ff1d4873168b9aa, 0x3ff1ed5022fcd91d, 0x3ff2063b88628cd6, 0x3ff21f49917ddc96,
	0x3ff2387a6e756238, 0x3ff251ce4fb2a63f, 0x3ff26b4565e27cdd, 0x3ff284dfe1f56381,
	0x3ff29e9df51fdee1, 0x3ff2b87fd0dad990, 0x3ff2d285a6e4030b, 0x3ff2ecafa93e2f56,
	0x3ff306fe0a31b715, 0x3ff32170fc4cd831, 0x3ff33c08b26416ff, 0x3ff356c55f929ff1,
	0x3ff371a7373aa9cb, 0x3ff38cae6d05d866, 0x3ff3a7db34e59ff7, 0x3ff3c32dc313a8e5,
	0x3ff3dea64c123422, 0x3ff3fa4504ac801c, 0x3ff4160a21f72e2a, 0x3ff431f5d950a897,
	0x3ff44e086061892d, 0x3ff46a41ed1d0057, 0x3ff486a2b5c13cd0, 0x3ff4a32af0d7d3de,
	0x3ff4bfdad5362a27, 0x3ff4dcb299fddd0d, 0x3ff4f9b2769d2ca7, 0x3ff516daa2cf6642,
	0x3ff5342b569d4f82, 0x3ff551a4ca5d920f, 0x3ff56f4736b527da, 0x3ff58d12d497c7fd,
	0x3ff5ab07dd485429, 0x3ff5c9268a5946b7, 0x3ff5e76f15ad2148, 0x3ff605e1b976dc09,
	0x3ff6247eb03a5585, 0x3ff6434634ccc320, 0x3ff6623882552225, 0x3ff68155d44ca973,
	0x3ff6a09e667f3bcd, 0x3ff6c012750bdabf, 0x3ff6dfb23c651a2f, 0x3ff6ff7df9519484,
	0x3ff71f75e8ec5f74, 0x3ff73f9a48a58174, 0x3ff75feb564267c9, 0x3ff780694fde5d3f,
	0x3ff7a11473eb0187, 0x3ff7c1ed0130c132, 0x3ff7e2f336cf4e62, 0x3ff80427543e1a12,
	0x3ff82589994cce13, 0x3ff8471a4623c7ad, 0x3ff868d99b4492ed, 0x3ff88ac7d98a6699,
	0x3ff8ace5422aa0db, 0x3ff8cf3216b5448c, 0x3ff8f1ae99157736, 0x3ff9145b0b91ffc6,
	0x3ff93737b0cdc5e5, 0x3ff95a44cbc8520f, 0x3ff97d829fde4e50, 0x3ff9a0f170ca07ba,
	0x3ff9c49182a3f090, 0x3ff9e86319e32323, 0x3ffa0c667b5de565, 0x3ffa309bec4a2d33,
	0x3ffa5503b23e255d, 0x3ffa799e1330b358, 0x3ffa9e6b5579fdbf, 0x3ffac36bbfd3f37a,
	0x3ffae89f995ad3ad, 0x3ffb0e07298db666, 0x3ffb33a2b84f15fb, 0x3ffb59728de5593a,
	0x3ffb7f76f2fb5e47, 0x3ffba5b030a1064a, 0x3ffbcc1e904bc1d2, 0x3ffbf2c25bd71e09,
	0x3ffc199bdd85529c, 0x3ffc40ab5fffd07a, 0x3ffc67f12e57d14b, 0x3ffc8f6d9406e7b5,
	0x3ffcb720dcef9069, 0x3ffcdf0b555dc3fa, 0x3ffd072d4a07897c, 0x3ffd2f87080d89f2,
	0x3ffd5818dcfba487, 0x3ffd80e316c98398, 0x3ffda9e603db3285, 0x3ffdd321f301b460,
	0x3ffdfc97337b9b5f, 0x3ffe264614f5a129, 0x3ffe502ee78b3ff6, 0x3ffe7a51fbc74c83,
	0x3ffea4afa2a490da, 0x3ffecf482d8e67f1, 0x3ffefa1bee615a27, 0x3fff252b376bba97,
	0x3fff50765b6e4540, 0x3fff7bfdad9cbe14, 0x3fffa7c1819e90d8, 0x3fffd3c22b8f71f1,
};

static const uint64_t cj_exp_tail[128] = {
	0x0000000000000000, 0x3c9b3b4f1a88bf6e, 0xbc7160139cd8dc5d, 0xbc905e7a108766d1,
	0x3c8cd2523567f613, 0xbc8bce8023f98efa, 0x3c60f74e61e6c861, 0x3c90a3e45b33d399,
	0x3c979aa65d837b6d, 0x3c8eb51a92fdeffc, 0x3c3ebe3d702f9cd1, 0xbc6a033489906e0b,
	0xbc9556522a2fbd0e, 0xbc5080ef8c4eea55, 0xbc91c923b9d5f416, 0x3c80d3e3e95c55af,
	0xbc801b15eaa59348, 0xbc8f1ff055de323d, 0x3c8b898c3f1353bf, 0xbc96d99c7611eb26,
	0x3c9aecf73e3a2f60, 0xbc8fe782cb86389d, 0x3c8a6f4144a6c38d, 0x3c807a05b0e4047d,
	0x3c968efde3a8a894, 0x3c875e18f274487d, 0x3c80472b981fe7f2, 0xbc96b87b3f71085e,
	0x3c82f7e16d09ab31, 0xbc3d219b1a6fbffa, 0x3c8b3782720c0ab4, 0x3c6e149289cecb8f,
	0x3c834d754db0abb6, 0x3c864201e2ac744c, 0x3c8fdd395dd3f84a, 0xbc86a3803b8e5b04,
	0xbc924aedcc4b5068, 0xbc9907f81b512d8e, 0xbc71d1e83e9436d2, 0xbc991919b3ce1b15,
	0x3c859f48a72a4c6d, 0xbc9312607a28698a, 0xbc58a78f4817895b, 0xbc7c2c9b67499a1b,
	0x3c4363ed60c2ac11, 0x3c9666093b0664ef, 0x3c6ecce1daa10379, 0x3c93ff8e3f0f1230,
	0x3c7690cebb7aafb0, 0x3c931dbdeb54e077, 0xbc8f94340071a38e, 0xbc87deccdc93a349,
	0xbc78dec6bd0f385f, 0xbc861246ec7b5cf6, 0x3c93350518fdd78e, 0x3c7b98b72f8a9b05,
	0x3c9063e1e21c5409, 0x3c34c7855019c6ea, 0x3c9432e62b64c035, 0xbc8ce44a6199769f,
	0xbc8c33c53bef4da8, 0xbc845378892be9ae, 0xbc93cedd78565858, 0x3c5710aa807e1964,
	0xbc93b3efbf5e2228, 0xbc6a12ad8734b982, 0xbc6367efb86da9ee, 0xbc80dc3d54e08851,
	0xbc781f647e5a3ecf, 0xbc86ee4ac08b7db0, 0xbc8619321e55e68a, 0x3c909ccb5e09d4d3,
	0xbc7b32dcb94da51d, 0x3c94ecfd5467c06b, 0x3c65ebe1abd66c55, 0xbc88a1c52fb3cf42,
	0xbc9369b6f13b3734, 0xbc805e843a19ff1e, 0xbc94d450d872576e, 0x3c90ad675b0e8a00,
	0x3c8db72fc1f0eab4, 0xbc65b6609cc5e7ff, 0x3c7bf68359f35f44, 0xbc93091fa71e3d83,
	0xbc5da9b88b6c1e29, 0xbc6c23f97c90b959, 0xbc92434322f4f9aa, 0xbc85ca6cd7668e4b,
	0x3c71affc2b91ce27, 0x3c6dd235e10a73bb, 0xbc87c50422622263, 0x3c8b1c86e3e231d5,
	0xbc91bbd1d3bcbb15, 0x3c90cc319cee31d2, 0x3c8469846e735ab3, 0xbc82dfcd978e9db4,
	0x3c8c1a7792cb3387, 0xbc907b8f4ad1d9fa, 0xbc55c3d956dcaeba, 0xbc90a40e3da6f640,
	0xbc68d6f438ad9334, 0xbc91eee26b588a35, 0x3c74ffd70a5fddcd, 0xbc91bdfbfa9298ac,
	0x3c736eae30af0cb3, 0x3c8ee3325c9ffd94, 0x3c84e08fd10959ac, 0x3c63cdaf384e1a67,
	0x3c676b2c6c921968, 0xbc808a1883ccb5d2, 0xbc8fad5d3ffffa6f, 0xbc900dae3875a949,
	0x3c74a385a63d07a7, 0xbc82919e2040220f, 0x3c8e5a50d5c192ac, 0x3c843a59ac016b4b,
	0xbc82d52107b43e1f, 0xbc892ab93b470dc9, 0x3c74b604603a88d3, 0x3c83c5ec519d7271,
	0xbc8ff7128fd391f0, 0xbc8dae98e223747d, 0x3c8ec3bc41aa2008, 0x3c842b94c3a9eb32,
	0x3c8a64a931d185ee, 0xbc8e37bae43be3ed, 0x3c77893b4d91cd9d, 0x3c5305c14160cc89,
};

/* e^x 2^dk for dk in {-1, 0}: expScaled in Go. */
static inline double cj_exp_scaled(double x, int64_t dk) {
	double xc = cj_clamp(x, -746, 711);
	double kd = xc * 0x1.71547652b82fep+07 + CJ_SHIFTER;
	uint64_t ub = cj_tobits(kd);
	double k = kd - CJ_SHIFTER;
	double r = (xc - k * 0x1.62e42feep-08) - k * 0x1.a39ef35793c76p-40;
	uint64_t j = ub & 127;
	uint64_t eb = (ub >> 7) - (0x4338000000000000ULL >> 7) + 2048 + (uint64_t)dk;
	uint64_t h1 = eb >> 1;
	uint64_t h2 = eb - h1;
	double s1 = cj_frombits(cj_exp_hi[j] + ((h1 - 1024) << 52));
	double s2 = cj_frombits((h2 - 1) << 52);
	double tail = cj_frombits(cj_exp_tail[j]);
	double r2 = r * r;
	double tmp = tail + r + r2 * (0x1p-01 + r * 0x1.5555555555555p-03) + (r2 * r2) * (0x1.5555555555555p-05 + r * 0x1.1111111111111p-07);
	double y = (s1 + s1 * tmp) * s2;
	return x != x ? x : y;
}

static inline double cj_exp(double x) { return cj_exp_scaled(x, 0); }

/* e^x - 1: Expm1 in Go. */
static inline double cj_expm1(double x) {
	double xc = cj_clamp(x, -40, 711);
	double kd = xc * 0x1.71547652b82fep+07 + CJ_SHIFTER;
	uint64_t ub = cj_tobits(kd);
	double k = kd - CJ_SHIFTER;
	double hi = xc - k * 0x1.62e42feep-08;
	double lo = k * 0x1.a39ef35793c76p-40;
	double r = hi - lo;
	double rerr = (hi - r) - lo;
	uint64_t j = ub & 127;
	uint64_t eb = (ub >> 7) - (0x4338000000000000ULL >> 7) + 64;
	uint64_t elate = eb > 121 ? eb - 121 : 0;
	double m = elate != 0 ? 0.0 : -1.0;
	double s = cj_frombits(cj_exp_hi[j] + ((eb - elate - 64) << 52));
	double t = cj_frombits(cj_exp_tail[j]) + rerr;
	double r2 = r * r;
	double p = r2 * (0x1p-01 + r * 0x1.5555555555555p-03) + (r2 * r2) * ((0x1.5555555555555p-05 + r * 0x1.1111111111111p-07) + r2 * 0x1.6c16c16c16c17p-10);
	double el = p + (t + t * r);
	double h = s + m;
	double hb = h - s;
	double l = (s - (h - hb)) + (m - hb);
	double h2 = h + r;
	double h2b = h2 - h;
	double l2 = (h - (h2 - h2b)) + (r - h2b);
	double y = h2 + (l2 + (l + (el + h * (r + el))));
	y = y * cj_frombits((elate + 1023) << 52);
	return (x == 0 || x != x) ? x : y;
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

/* ---- lgamma ---- */

static const double cj_lgA[12] = {
	7.72156649015328655494e-02, 3.22467033424113591611e-01, 6.73523010531292681824e-02,
	2.05808084325167332806e-02, 7.38555086081402883957e-03, 2.89051383673415629091e-03,
	1.19270763183362067845e-03, 5.10069792153511336608e-04, 2.20862790713908385557e-04,
	1.08011567247583939954e-04, 2.52144565451257326939e-05, 4.48640949618915160150e-05,
};
static const double cj_lgR[7] = {
	1.0, 1.39200533467621045958e+00, 7.21935547567138069525e-01, 1.71933865632803078993e-01,
	1.86459191715652901344e-02, 7.77942496381893596434e-04, 7.32668430744625636189e-06,
};
static const double cj_lgS[7] = {
	-7.72156649015328655494e-02, 2.14982415960608852501e-01, 3.25778796408930981787e-01,
	1.46350472652464452805e-01, 2.66422703033638609560e-02, 1.84028451407337715652e-03,
	3.19475326584100867617e-05,
};
static const double cj_lgT[15] = {
	4.83836122723810047042e-01, -1.47587722994593911752e-01, 6.46249402391333854778e-02,
	-3.27885410759859649565e-02, 1.79706750811820387126e-02, -1.03142241298341437450e-02,
	6.10053870246291332635e-03, -3.68452016781138256760e-03, 2.25964780900612472250e-03,
	-1.40346469989232843813e-03, 8.81081882437654011382e-04, -5.38595305356740546715e-04,
	3.15632070903625950361e-04, -3.12754168375120860518e-04, 3.35529192635519073543e-04,
};
static const double cj_lgU[6] = {
	-7.72156649015328655494e-02, 6.32827064025093366517e-01, 1.45492250137234768737e+00,
	9.77717527963372745603e-01, 2.28963728064692451092e-01, 1.33810918536787660377e-02,
};
static const double cj_lgV[6] = {
	1.0, 2.45597793713041134822e+00, 2.12848976379893395361e+00, 7.69285150456672783825e-01,
	1.04222645593369134254e-01, 3.21709242282423911810e-03,
};
static const double cj_lgW[7] = {
	4.18938533204672725052e-01, 8.33333333333329678849e-02, -2.77777777728775536470e-03,
	7.93650558643019558500e-04, -5.95187557450339963135e-04, 8.36339918996282139126e-04,
	-1.63092934096575273989e-03,
};

#define CJ_LG_YMIN 1.461632144968362245
#define CJ_LG_TC 1.46163214496836224576e+00
#define CJ_LG_TF -1.21486290535849611461e-01
#define CJ_LG_TT -3.63867699703950536541e-18
#define CJ_LG_TINY 0x1p-70
#define CJ_TWO52 0x1p52
#define CJ_TWO53 0x1p53
#define CJ_TWO58 0x1p58
#define CJ_PI 0x1.921fb54442d18p+01

static inline double cj_lgamma_a(double y) {
	double z = y * y;
	double p1 = z * cj_lgA[10] + cj_lgA[8];
	p1 = z * p1 + cj_lgA[6];
	p1 = z * p1 + cj_lgA[4];
	p1 = z * p1 + cj_lgA[2];
	p1 = z * p1 + cj_lgA[0];
	double p2 = z * cj_lgA[11] + cj_lgA[9];
	p2 = z * p2 + cj_lgA[7];
	p2 = z * p2 + cj_lgA[5];
	p2 = z * p2 + cj_lgA[3];
	p2 = z * p2 + cj_lgA[1];
	p2 = z * p2;
	double p = y * p1 + p2;
	return p - 0.5 * y;
}

static inline double cj_lgamma_t(double y) {
	double z = y * y;
	double w = z * y;
	double p1 = w * cj_lgT[12] + cj_lgT[9];
	p1 = w * p1 + cj_lgT[6];
	p1 = w * p1 + cj_lgT[3];
	p1 = w * p1 + cj_lgT[0];
	double p2 = w * cj_lgT[13] + cj_lgT[10];
	p2 = w * p2 + cj_lgT[7];
	p2 = w * p2 + cj_lgT[4];
	p2 = w * p2 + cj_lgT[1];
	double p3 = w * cj_lgT[14] + cj_lgT[11];
	p3 = w * p3 + cj_lgT[8];
	p3 = w * p3 + cj_lgT[5];
	p3 = w * p3 + cj_lgT[2];
	double p = z * p1 - (CJ_LG_TT - w * (p2 + y * p3));
	return CJ_LG_TF + p;
}

static inline double cj_lgamma_uv(double y) {
	double p1 = y * cj_lgU[5] + cj_lgU[4];
	p1 = y * p1 + cj_lgU[3];
	p1 = y * p1 + cj_lgU[2];
	p1 = y * p1 + cj_lgU[1];
	p1 = y * p1 + cj_lgU[0];
	p1 = y * p1;
	double p2 = y * cj_lgV[5] + cj_lgV[4];
	p2 = y * p2 + cj_lgV[3];
	p2 = y * p2 + cj_lgV[2];
	p2 = y * p2 + cj_lgV[1];
	p2 = y * p2 + 1;
	return -0.5 * y + p1 / p2;
}

static inline double cj_lgamma_small(double x) {
	double lg = 0, y;
	int i;
	if (x <= 0.9) {
		lg = -cj_log(x);
		if (x >= CJ_LG_YMIN - 1 + 0.27) {
			y = 1 - x;
			i = 0;
		} else if (x >= CJ_LG_YMIN - 1 - 0.27) {
			y = x - (CJ_LG_TC - 1);
			i = 1;
		} else {
			y = x;
			i = 2;
		}
	} else {
		if (x >= CJ_LG_YMIN + 0.27) {
			y = 2 - x;
			i = 0;
		} else if (x >= CJ_LG_YMIN - 0.27) {
			y = x - CJ_LG_TC;
			i = 1;
		} else {
			y = x - 1;
			i = 2;
		}
	}
	switch (i) {
	case 0: lg += cj_lgamma_a(y); break;
	case 1: lg += cj_lgamma_t(y); break;
	default: lg += cj_lgamma_uv(y); break;
	}
	return lg;
}

static inline double cj_lgamma_mid(double x) {
	int64_t i = (int64_t)x;
	double y = x - (double)i;
	double p = y * cj_lgS[6] + cj_lgS[5];
	p = y * p + cj_lgS[4];
	p = y * p + cj_lgS[3];
	p = y * p + cj_lgS[2];
	p = y * p + cj_lgS[1];
	p = y * p + cj_lgS[0];
	p = y * p;
	double q = y * cj_lgR[6] + cj_lgR[5];
	q = y * q + cj_lgR[4];
	q = y * q + cj_lgR[3];
	q = y * q + cj_lgR[2];
	q = y * q + cj_lgR[1];
	q = y * q + 1;
	double lg = 0.5 * y + p / q;
	double z = 1.0;
	switch (i) {
	case 7: z *= y + 6; /* fall through */
	case 6: z *= y + 5; /* fall through */
	case 5: z *= y + 4; /* fall through */
	case 4: z *= y + 3; /* fall through */
	case 3:
		z *= y + 2;
		lg += cj_log(z);
	}
	return lg;
}

static inline double cj_sinpi(double x) {
	if (x < 0.25) {
		return -cj_sin(CJ_PI * x);
	}
	double z = floor(x);
	int64_t n;
	if (z != x) {
		x = x - 2 * floor(x * 0.5);
		n = (int64_t)(x * 4);
	} else if (x >= CJ_TWO53) {
		x = 0;
		n = 0;
	} else {
		if (x < CJ_TWO52) {
			z = x + CJ_TWO52;
		}
		n = (int64_t)(1 & cj_tobits(z));
		x = (double)n;
		n <<= 2;
	}
	switch (n) {
	case 0: x = cj_sin(CJ_PI * x); break;
	case 1: case 2: x = cj_cos(CJ_PI * (0.5 - x)); break;
	case 3: case 4: x = cj_sin(CJ_PI * (1 - x)); break;
	case 5: case 6: x = -cj_cos(CJ_PI * (x - 1.5)); break;
	default: x = cj_sin(CJ_PI * (x - 2)); break;
	}
	return -x;
}

static inline double cj_lgamma(double x) {
	if (x != x || fabs(x) > CJ_MAXFLOAT) {
		return x;
	}
	if (x == 0) {
		return cj_frombits(CJ_POSINF);
	}
	int neg = x < 0;
	if (neg) {
		x = -x;
	}
	if (x < CJ_LG_TINY) {
		return -cj_log(x);
	}
	double nadj = 0.0;
	if (neg) {
		if (x >= CJ_TWO52) {
			return cj_frombits(CJ_POSINF);
		}
		double t = cj_sinpi(x);
		if (t == 0) {
			return cj_frombits(CJ_POSINF);
		}
		nadj = cj_log(CJ_PI / fabs(t * x));
	}
	double lg;
	if (x == 1 || x == 2) {
		lg = 0;
	} else if (x < 2) {
		lg = cj_lgamma_small(x);
	} else if (x < 8) {
		lg = cj_lgamma_mid(x);
	} else if (x < CJ_TWO58) {
		double t = cj_log(x);
		double z = 1 / x;
		double y = z * z;
		double w = y * cj_lgW[6] + cj_lgW[5];
		w = y * w + cj_lgW[4];
		w = y * w + cj_lgW[3];
		w = y * w + cj_lgW[2];
		w = y * w + cj_lgW[1];
		w = z * w + cj_lgW[0];
		lg = (x - 0.5) * (t - 1) + w;
	} else {
		lg = x * (cj_log(x) - 1);
	}
	return neg ? nadj - lg : lg;
}
