/* What a second core can give a simulation step on this machine, in plain
 * C with no Go runtime in the way: bench/cores.sh compiles and runs it.
 *
 * It times the things a two-thread step pays for:
 *   - the hand-over: one thread publishes a word, the other answers
 *     (a barrier costs about one round trip);
 *   - a phased step: N conductance-based neurons updated per step, by one
 *     thread, then by two threads that each update half and meet at a
 *     spinning barrier, as Cajal's crew does;
 *   - a step of seed 000's size: 10,000 neurons with 200 synapses from
 *     each (2 million, a 4-byte target and an 8-byte weight each, sorted
 *     by target within a row), 35 of them spiking per step (7000 events,
 *     seed 000's rate); each thread adds the events onto its half of the
 *     neurons, then updates its half, and the threads meet once per step.
 *     It touches memory as a simulator does, so it shows what the
 *     machine's caches and memory give two threads, beside the compute
 *     of the phased step.
 * Each figure is the best of several repeats. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
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

/* The synapses of the seed-sized step: row r's are start[r] to
 * start[r+1]-1, those onto the second half from cut[r]; the step's
 * spiking rows are rows[0..nrows-1]. */
enum { per_row = 200, spiking = 35 };
static int32_t *post, *start, *cut, rows[spiking];
static double *w;
static int seeded; /* the step runs the deliveries too */

/* Adds the step's events onto neurons of half h (0 or 1). */
static void deliver(int h) {
	for (int k = 0; k < spiking; k++) {
		int32_t r = rows[k];
		int32_t a = h ? cut[r] : start[r], b = h ? start[r + 1] : cut[r];
		for (int32_t e = a; e < b; e++)
			ge[post[e]] += w[e];
	}
}

/* Picks the step's spiking rows, the same sequence on every run. */
static unsigned long rng = 1;
static void pick(void) {
	for (int k = 0; k < spiking; k++) {
		rng = rng * 6364136223846793005UL + 1442695040888963407UL;
		rows[k] = (int32_t)((rng >> 33) % (unsigned long)n);
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
		if (seeded)
			deliver(1);
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
		if (seeded)
			pick();
		if (!two) {
			if (seeded) {
				deliver(0);
				deliver(1);
			}
			update(0, n);
			continue;
		}
		atomic_store_explicit(&done, 0, memory_order_relaxed);
		atomic_store_explicit(&gen, s, memory_order_release);
		if (seeded)
			deliver(0);
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

/* Times the seed-sized step on one and two threads. */
static void seeded_step(int repeats) {
	n = 10000;
	v = malloc(n * sizeof *v);
	ge = malloc(n * sizeof *ge);
	gi = malloc(n * sizeof *gi);
	start = malloc((n + 1) * sizeof *start);
	cut = malloc(n * sizeof *cut);
	post = malloc((size_t)n * per_row * sizeof *post);
	w = malloc((size_t)n * per_row * sizeof *w);
	for (long i = 0; i < n; i++) {
		v[i] = -0.060 + 0.001 * (double)(i % 10);
		ge[i] = gi[i] = 0.01;
	}
	for (long r = 0; r < n; r++) {
		start[r] = (int32_t)(r * per_row);
		/* Targets spread over the neurons, ascending within the row. */
		long t = 0;
		cut[r] = -1;
		for (long k = 0; k < per_row; k++) {
			rng = rng * 6364136223846793005UL + 1442695040888963407UL;
			t += 1 + (long)((rng >> 33) % (unsigned long)(2 * n / per_row - 1));
			long e = r * per_row + k;
			post[e] = (int32_t)(t < n ? t : n - 1);
			w[e] = 1e-6 * (double)(1 + (rng >> 60));
			if (cut[r] < 0 && post[e] >= n / 2)
				cut[r] = (int32_t)e;
		}
		if (cut[r] < 0)
			cut[r] = (int32_t)((r + 1) * per_row);
	}
	start[n] = (int32_t)(n * per_row);
	seeded = 1;
	long count = 20000;
	double one = 1e30, two = 1e30;
	for (int r = 0; r < repeats; r++) {
		double a = steps(count, 0), b = steps(count, 1);
		one = a < one ? a : one;
		two = b < two ? b : two;
	}
	seeded = 0;
	printf("seed 000's size (10,000 neurons, 2M synapses, 7000 events per step, one barrier):\n");
	printf("%10s  %12.2f  %12.2f  %7.2fx\n", "", one, two, one / two);
	free(v);
	free(ge);
	free(gi);
	free(start);
	free(cut);
	free(post);
	free(w);
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
	seeded_step(repeats);
	return 0;
}
