package cc

// binomialSource ports ir.BinomialInv statement for statement (the same
// operations in the same order, on mathx's cj_exp, cj_log, cj_log1p and
// cj_lgamma), so that compiled programs draw the interpreter's binomial
// counts bit for bit.
const binomialSource = `
typedef struct { double n, p, r, f0; } cj_bmemo;
static double cj_binomial_up(cj_bmemo *memo, double u, double n, double p) {
	double r = p / (1 - p);
	if (n * p < 30) {
		double f;
		if (memo->n == n && memo->p == p) {
			f = memo->f0; /* the same bits as computing it again */
		} else {
			f = cj_exp(n * cj_log1p(-p));
			memo->n = n;
			memo->p = p;
			memo->f0 = f;
		}
		double cdf = f;
		double k = 0.0;
		while (cdf <= u && k < n) {
			f = f * (((n - k) / (k + 1)) * r);
			k++;
			cdf += f;
			if (f == 0) {
				break;
			}
		}
		return k;
	}
	double m = floor((n + 1) * p);
	m = m < n ? m : n;
	double logpm = cj_lgamma(n + 1) - cj_lgamma(m + 1) - cj_lgamma(n - m + 1) + m * cj_log(p) + (n - m) * cj_log1p(-p);
	double pm = cj_exp(logpm);
	double cdf = pm;
	double f = pm;
	for (double k = m; k > 0; k--) {
		f = f * (k / ((n - k + 1) * r));
		cdf += f;
		if (f < cdf * 1e-17) {
			break;
		}
	}
	double k = m;
	f = pm;
	if (cdf > u) {
		while (k > 0) {
			double below = cdf - f;
			if (below <= u) {
				break;
			}
			cdf = below;
			f = f * (k / ((n - k + 1) * r));
			k--;
		}
		return k;
	}
	while (cdf <= u && k < n) {
		f = f * (((n - k) / (k + 1)) * r);
		k++;
		cdf += f;
		if (f == 0) {
			break;
		}
	}
	return k;
}
static double cj_binomial(cj_bmemo *memo, double u, double n, double p) {
	if (!(n >= 0) || n != floor(n) || n > 9007199254740992.0 || !(p >= 0 && p <= 1) || !(u >= 0 && u <= 1)) {
		return cj_bits2f(CJ_NAN);
	}
	if (n == 0 || p == 0) {
		return 0;
	}
	if (p == 1) {
		return n;
	}
	if (n * p < 30 && n * cj_log1p(-p) < -700) {
		return n - cj_binomial_up(memo, 1 - u, n, 1 - p);
	}
	return cj_binomial_up(memo, u, n, p);
}
`
