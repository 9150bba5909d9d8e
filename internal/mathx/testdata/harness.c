/* Test harness for mathx.h: reads blocks from stdin, each a header of two
 * little-endian uint64 (function id, count n) and n arguments (2n for
 * pow, all x then all y) as little-endian doubles; writes the n results.
 * The loops run over whole arrays so that the compiler may vectorise. */
#include <stdio.h>
#include <stdlib.h>
#include "mathx.h"

static uint64_t get64(const unsigned char *b) {
	uint64_t u = 0;
	for (int i = 7; i >= 0; i--) {
		u = u << 8 | b[i];
	}
	return u;
}

static void put64(unsigned char *b, uint64_t u) {
	for (int i = 0; i < 8; i++) {
		b[i] = (unsigned char)(u >> (8 * i));
	}
}

#define LOOP(f) for (uint64_t i = 0; i < n; i++) out[i] = f(x[i])

int main(void) {
	unsigned char hdr[16];
	while (fread(hdr, 1, 16, stdin) == 16) {
		uint64_t id = get64(hdr), n = get64(hdr + 8);
		uint64_t nin = id == 5 ? 2 * n : n;
		unsigned char *buf = malloc(8 * nin + 8);
		double *in = malloc(8 * nin + 8), *out = malloc(8 * n + 8);
		if (!buf || !in || !out || fread(buf, 8, nin, stdin) != nin) {
			return 1;
		}
		for (uint64_t i = 0; i < nin; i++) {
			in[i] = cj_frombits(get64(buf + 8 * i));
		}
		const double *x = in, *y = in + n;
		switch (id) {
		case 0: LOOP(cj_exp); break;
		case 1: LOOP(cj_expm1); break;
		case 2: LOOP(cj_log); break;
		case 3: LOOP(cj_log1p); break;
		case 4: LOOP(cj_log10); break;
		case 5: for (uint64_t i = 0; i < n; i++) out[i] = cj_pow(x[i], y[i]); break;
		case 6: LOOP(cj_sin); break;
		case 7: LOOP(cj_cos); break;
		case 8: LOOP(cj_tan); break;
		case 9: LOOP(cj_sinh); break;
		case 10: LOOP(cj_cosh); break;
		case 11: LOOP(cj_tanh); break;
		case 12: LOOP(cj_exprel); break;
		case 13: LOOP(cj_lgamma); break;
		default: return 2;
		}
		for (uint64_t i = 0; i < n; i++) {
			put64(buf + 8 * i, cj_tobits(out[i]));
		}
		fwrite(buf, 8, n, stdout);
		free(buf);
		free(in);
		free(out);
	}
	return 0;
}
