/* Timing of mathx.h: bench ID N times loops of N calls of function ID
 * (0 cj_exp, 1 cj_expm1, 12 cj_exprel) over arguments spread on [-20, 20],
 * the loop as a kernel writes it (so that the compiler may vectorise), and
 * prints the best time per call in nanoseconds. */
#define _POSIX_C_SOURCE 199309L /* clock_gettime under -std=c11 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "mathx.h"

static double now(void) {
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

#define LOOP(f) for (long i = 0; i < n; i++) y[i] = f(x[i])

__attribute__((noinline)) static void run(int id, const double *x, double *y, long n) {
	switch (id) {
	case 0: LOOP(cj_exp); break;
	case 1: LOOP(cj_expm1); break;
	case 12: LOOP(cj_exprel); break;
	}
}

int main(int argc, char **argv) {
	if (argc != 3) {
		return 2;
	}
	int id = atoi(argv[1]);
	long n = atol(argv[2]);
	double *x = malloc(8 * (size_t)n), *y = malloc(8 * (size_t)n);
	if (!x || !y || n <= 0) {
		return 1;
	}
	for (long i = 0; i < n; i++) {
		x[i] = -20 + 40.0 * (double)i / (double)n;
	}
	double best = 1e300, sum = 0;
	for (int rep = 0; rep < 5; rep++) {
		double t = now();
		run(id, x, y, n);
		t = now() - t;
		best = t < best ? t : best;
		sum += y[n / 3];
	}
	printf("%.3f %g\n", best / (double)n * 1e9, sum);
	return 0;
}
