//go:build mpi

package cluster

/*
#cgo pkg-config: ompi-c
#include <mpi.h>
#include <stdint.h>

// comm is this package's duplicate of MPI_COMM_WORLD, so that its
// collectives never match other traffic of the process.
static MPI_Comm comm;

static int cluster_init(int *rank, int *size) {
	int provided;
	MPI_Init_thread(NULL, NULL, MPI_THREAD_SERIALIZED, &provided);
	MPI_Comm_dup(MPI_COMM_WORLD, &comm);
	MPI_Comm_rank(comm, rank);
	MPI_Comm_size(comm, size);
	return provided >= MPI_THREAD_SERIALIZED;
}

static void cluster_finalize(void) {
	MPI_Comm_free(&comm);
	MPI_Finalize();
}

static void cluster_barrier(void) { MPI_Barrier(comm); }

// cluster_counts gathers every rank's n into counts and their running
// sums into displs; it returns the sum, or -1 past INT_MAX.
static long long cluster_counts(int n, int *counts, int *displs, int size) {
	MPI_Allgather(&n, 1, MPI_INT, counts, 1, MPI_INT, comm);
	long long at = 0;
	for (int r = 0; r < size; r++) {
		displs[r] = (int)at;
		at += counts[r];
		if (at > 2147483647) return -1;
	}
	return at;
}

// cluster_allgatherv gathers n elements of 4 or 8 bytes (wide) from each
// rank. Eight-byte elements travel as MPI_UINT64_T: bits are never
// converted, so float64 values arrive bit for bit.
static void cluster_allgatherv(void *send, int n, void *recv, int *counts, int *displs, int wide) {
	MPI_Datatype t = wide ? MPI_UINT64_T : MPI_INT32_T;
	MPI_Allgatherv(send, n, t, recv, counts, displs, t, comm);
}

static int cluster_max_int32(int x) {
	int out;
	MPI_Allreduce(&x, &out, 1, MPI_INT, MPI_MAX, comm);
	return out;
}

static void cluster_library_version(char *buf, int *len) {
	MPI_Get_library_version(buf, len);
}
*/
import "C"

import (
	"os"
	"runtime"
	"strings"
	"sync"
	"unsafe"
)

// World returns the processes started by mpirun (or srun), or nil when
// this process was not started by one of them: then MPI is never
// initialised and the binary runs as one process, as without -tags mpi.
// Started by mpirun with one process, World has Size 1.
//
// The first call initialises MPI (MPI_Init_thread asking for
// MPI_THREAD_SERIALIZED) and duplicates MPI_COMM_WORLD; every call of the
// Comm holds a lock, so no two MPI calls of this process overlap. When
// the library provides less than MPI_THREAD_SERIALIZED, every call runs
// on the OS thread that initialised MPI, which this package keeps for
// that (slower: each call passes through a channel).
//
// MPI's error handler stays the default, MPI_ERRORS_ARE_FATAL: an MPI
// call that fails aborts the whole job, with Open MPI's message.
func World() Comm {
	once.Do(func() {
		if startedByLauncher() {
			world = start()
		}
	})
	if world == nil {
		return nil
	}
	return world
}

// MPI reports whether this binary was built with MPI (-tags mpi).
func MPI() bool { return true }

// Finalize ends MPI, if World started it; a process that used World
// calls it once before it exits (mpirun reports a process that exits
// without it as failed). Later calls do nothing; the Comm must not be
// used after it.
func Finalize() {
	once.Do(func() {}) // after Finalize, World never initialises MPI
	w := world
	if w == nil {
		return
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.finalized {
		return
	}
	w.finalized = true
	w.onMain(func() { C.cluster_finalize() })
	close(w.calls)
}

// LibraryVersion is the MPI library this binary was built with, as
// MPI_Get_library_version names it up to its first comma, such as
// "Open MPI v4.1.4". It does not initialise MPI.
func LibraryVersion() string {
	var buf [C.MPI_MAX_LIBRARY_VERSION_STRING + 1]C.char
	var n C.int
	C.cluster_library_version(&buf[0], &n)
	v := C.GoStringN(&buf[0], n)
	v, _, _ = strings.Cut(v, ",")
	return strings.TrimSpace(v)
}

var (
	once  sync.Once
	world *mpiComm
	// funnelAlways makes every call run on the thread that initialised
	// MPI, as when the library is not MPI_THREAD_SERIALIZED (tests).
	funnelAlways bool
)

// startedByLauncher reports whether mpirun or srun started this process:
// Open MPI's, PMIx's or PMI's variables are set.
func startedByLauncher() bool {
	for _, v := range []string{"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_SIZE"} {
		if _, ok := os.LookupEnv(v); ok {
			return true
		}
	}
	return false
}

// mpiComm is the Comm of the processes of an MPI job.
type mpiComm struct {
	rank, size int

	mu        sync.Mutex // held for every MPI call
	finalized bool
	serial    bool          // any thread may call MPI, one at a time
	calls     chan func()   // run on the thread that initialised MPI
	done      chan struct{} // one per call run there
	counts    []C.int       // scratch: every rank's count
	displs    []C.int       // scratch: where each rank's part starts
	empty     *[1]uint64    // a valid address for an empty buffer
}

// start initialises MPI on a thread that stays locked to a goroutine
// for the process's life: the thread MPI calls its main thread, which
// calls MPI_Finalize and, if the library needs it, every other call.
func start() *mpiComm {
	w := &mpiComm{calls: make(chan func()), done: make(chan struct{}), empty: new([1]uint64)}
	go func() {
		runtime.LockOSThread()
		for f := range w.calls {
			f()
			w.done <- struct{}{}
		}
	}()
	w.onMain(func() {
		var rank, size C.int
		w.serial = C.cluster_init(&rank, &size) != 0 && !funnelAlways
		w.rank, w.size = int(rank), int(size)
	})
	w.counts = make([]C.int, w.size)
	w.displs = make([]C.int, w.size)
	return w
}

// onMain runs f on MPI's main thread and waits for it.
func (w *mpiComm) onMain(f func()) {
	w.calls <- f
	<-w.done
}

// lock takes the lock of MPI calls; the Comm must not be used after
// Finalize.
func (w *mpiComm) lock() {
	w.mu.Lock()
	if w.finalized {
		w.mu.Unlock()
		panic("cluster: Comm used after Finalize")
	}
}

func (w *mpiComm) Rank() int { return w.rank }
func (w *mpiComm) Size() int { return w.size }

func (w *mpiComm) Barrier() {
	w.lock()
	defer w.mu.Unlock()
	if w.serial {
		C.cluster_barrier()
	} else {
		w.onMain(func() { C.cluster_barrier() })
	}
}

func (w *mpiComm) AllgatherInt32(send, recv []int32, counts []int) []int32 {
	w.lock()
	defer w.mu.Unlock()
	n := w.gatherCounts(len(send), counts)
	recv = grow(recv, n)
	w.allgatherv(pointer(send, w.empty), len(send), pointer(recv, w.empty), false)
	return recv
}

func (w *mpiComm) MaxInt32(x int32) int32 {
	w.lock()
	defer w.mu.Unlock()
	if w.serial {
		return int32(C.cluster_max_int32(C.int(x)))
	}
	var m C.int
	w.onMain(func() { m = C.cluster_max_int32(C.int(x)) })
	return int32(m)
}

func (w *mpiComm) AllgatherFloat64(send, recv []float64, counts []int) []float64 {
	w.lock()
	defer w.mu.Unlock()
	n := w.gatherCounts(len(send), counts)
	recv = grow(recv, n)
	w.allgatherv(pointer(send, w.empty), len(send), pointer(recv, w.empty), true)
	return recv
}

// gatherCounts gathers every rank's count of elements into counts (and
// the scratch displacements) and returns their sum.
func (w *mpiComm) gatherCounts(n int, counts []int) int {
	if n > 1<<31-1 {
		panic("cluster: more than 2^31-1 elements in one Allgather")
	}
	var total C.longlong
	if w.serial {
		total = C.cluster_counts(C.int(n), &w.counts[0], &w.displs[0], C.int(w.size))
	} else {
		var t C.longlong // only this one escapes to the heap
		w.onMain(func() { t = C.cluster_counts(C.int(n), &w.counts[0], &w.displs[0], C.int(w.size)) })
		total = t
	}
	if total < 0 {
		panic("cluster: more than 2^31-1 elements in one Allgather")
	}
	for r, c := range w.counts {
		counts[r] = int(c)
	}
	return int(total)
}

// allgatherv gathers every rank's n elements (8 bytes if wide, else 4)
// from send into recv, with the counts gatherCounts left.
func (w *mpiComm) allgatherv(send unsafe.Pointer, n int, recv unsafe.Pointer, wide bool) {
	var wd C.int
	if wide {
		wd = 1
	}
	if w.serial {
		C.cluster_allgatherv(send, C.int(n), recv, &w.counts[0], &w.displs[0], wd)
	} else {
		w.onMain(func() { C.cluster_allgatherv(send, C.int(n), recv, &w.counts[0], &w.displs[0], wd) })
	}
}

// grow returns s[:n], reallocated when its capacity is less.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		s = make([]T, n)
	}
	return s[:n]
}

// pointer is the address of s's first element, or empty when s has none.
// The memory holds plain numbers, so C may use it during the call.
func pointer[T int32 | float64](s []T, empty *[1]uint64) unsafe.Pointer {
	if len(s) == 0 {
		return unsafe.Pointer(empty)
	}
	return unsafe.Pointer(&s[0])
}
