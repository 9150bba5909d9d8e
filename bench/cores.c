/* What a second core can give a simulation step on this machine, in plain
 * C with no Go runtime in the way: bench/cores.sh compiles and runs it.
 *
 * It times the two things a two-thread step pays for:
 *   - the hand-over: one thread publishes a word, the other answers
 *     (a barrier costs about one round trip);
 *   - a phased step: N conductance-based neurons updated per step, by one
 *     thread, then by two threads that each update half and meet at a
 *     spinning barrier, as Cajal's crew does.
 * Each figure is the best of several repeats. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void) {
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static _Alignas(64) atomic_long gen;
static _Alignas(64) atomic_long done;
static _Alignas(64) double *v, *ge, *gi;
static long n;

/* One Euler step of a COBA-like neuron, with threshold and reset. */
static void update(long lo, long hi) {
	for (long i = lo; i < hi; i++) {
		double a = v[i];
		double d = (-0.060 - a) + ge[i] * (0.0 - a) + gi[i] * (-0.080 - a);
		a += 0.005 * d;
		ge[i] *= 0.98;
		gi[i] *= 0.99;
		if (a > -0.050) {
			a = -0.060;
			ge[i] += 0.01;
		}
		v[i] = a;
	}
}

static void *member(void *arg) {
	(void)arg;
	long seen = 0;
	for (;;) {
		long g;
		while ((g = atomic_load_explicit(&gen, memory_order_acquire)) == seen)
			;
		if (g < 0)
			return 0;
		seen = g;
		update(n / 2, n);
		atomic_fetch_add_explicit(&done, 1, memory_order_release);
	}
}

static void *ponger(void *arg) {
	long rounds = *(long *)arg;
	for (long i = 1; i <= rounds; i++) {
		while (atomic_load_explicit(&gen, memory_order_acquire) != 2 * i - 1)
			;
		atomic_store_explicit(&gen, 2 * i, memory_order_release);
	}
	return 0;
}

static double handover(void) {
	long rounds = 200000;
	pthread_t t;
	atomic_store(&gen, 0);
	pthread_create(&t, 0, ponger, &rounds);
	double t0 = now();
	for (long i = 1; i <= rounds; i++) {
		atomic_store_explicit(&gen, 2 * i - 1, memory_order_release);
		while (atomic_load_explicit(&gen, memory_order_acquire) != 2 * i)
			;
	}
	double d = now() - t0;
	pthread_join(t, 0);
	return 1e9 * d / (double)rounds;
}

/* Microseconds per step with one thread (two = 0) or two. */
static double steps(long steps, int two) {
	pthread_t t;
	atomic_store(&gen, 0);
	if (two)
		pthread_create(&t, 0, member, 0);
	double t0 = now();
	for (long s = 1; s <= steps; s++) {
		if (!two) {
			update(0, n);
			continue;
		}
		atomic_store_explicit(&done, 0, memory_order_relaxed);
		atomic_store_explicit(&gen, s, memory_order_release);
		update(0, n / 2);
		while (atomic_load_explicit(&done, memory_order_acquire) < 1)
			;
	}
	double d = now() - t0;
	if (two) {
		atomic_store(&gen, -1);
		pthread_join(t, 0);
	}
	return 1e6 * d / (double)steps;
}

int main(void) {
	const int repeats = 5;
	double rt = 1e30;
	for (int r = 0; r < repeats; r++) {
		double x = handover();
		rt = x < rt ? x : rt;
	}
	printf("hand-over between two threads: %.0f ns per round trip (best of %d)\n", rt, repeats);
	printf("%10s  %12s  %12s  %8s\n", "neurons", "1 thread us", "2 threads us", "speedup");
	long sizes[] = {4000, 10000, 100000};
	for (int k = 0; k < 3; k++) {
		n = sizes[k];
		v = malloc(n * sizeof *v);
		ge = malloc(n * sizeof *ge);
		gi = malloc(n * sizeof *gi);
		for (long i = 0; i < n; i++) {
			v[i] = -0.060 + 0.001 * (double)(i % 10);
			ge[i] = gi[i] = 0.01;
		}
		long count = 20000000 / n;
		double one = 1e30, two = 1e30;
		for (int r = 0; r < repeats; r++) {
			double a = steps(count, 0), b = steps(count, 1);
			one = a < one ? a : one;
			two = b < two ? b : two;
		}
		printf("%10ld  %12.2f  %12.2f  %7.2fx\n", n, one, two, one / two);
		free(v);
		free(ge);
		free(gi);
	}
	return 0;
}
