//go:build mpi

package cluster

import (
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

// These tests run on every rank of an mpirun job (TestUnderMPIRun starts
// one) and skip without one. Every rank makes the same collective calls
// in the same order whatever it finds, so that a failure on one rank is
// reported instead of leaving the others waiting.

func TestMain(m *testing.M) {
	if os.Getenv("CAJAL_TEST_MPI_FUNNEL") == "1" {
		funnelAlways = true
	}
	code := m.Run()
	Finalize()
	os.Exit(code)
}

// worldOrSkip is World, or a skipped test outside mpirun.
func worldOrSkip(tb testing.TB) Comm {
	tb.Helper()
	c := World()
	if c == nil {
		tb.Skip("not started by mpirun (TestUnderMPIRun runs these tests under it)")
	}
	return c
}

func TestMPIRankAndSize(t *testing.T) {
	c := worldOrSkip(t)
	r, k := c.Rank(), c.Size()
	if r < 0 || r >= k {
		t.Errorf("rank %d of %d", r, k)
	}
	if env := os.Getenv("OMPI_COMM_WORLD_SIZE"); env != "" && env != strconv.Itoa(k) {
		t.Errorf("size %d, mpirun started %s", k, env)
	}
	if env := os.Getenv("OMPI_COMM_WORLD_RANK"); env != "" && env != strconv.Itoa(r) {
		t.Errorf("rank %d, mpirun says %s", r, env)
	}
	// Every rank sees the same size and a different rank.
	got := GatherStrings(c, fmt.Sprintf("%d/%d", r, k))
	for q, s := range got {
		if s != fmt.Sprintf("%d/%d", q, k) {
			t.Errorf("rank %d: ranks and sizes %q", r, got)
		}
	}
	if !MPI() || LibraryVersion() == "" {
		t.Errorf("MPI() %v, LibraryVersion %q", MPI(), LibraryVersion())
	}
}

// part is what rank sends in round: lengths differ between ranks and
// rounds, empty ones included (every rank's, every 10th round), and
// some rounds are large enough for MPI's large-message protocols.
func part(rank, round int) []int32 {
	n := (7*rank + round) % 5
	switch {
	case round%10 == 0:
		n = 0
	case round%25 == 3:
		n = 100_000 + rank
	}
	p := make([]int32, n)
	for i := range p {
		p[i] = int32(round<<20 ^ rank<<16 ^ i)
	}
	return p
}

func TestMPIAllgatherInt32(t *testing.T) {
	c := worldOrSkip(t)
	k := c.Size()
	counts := make([]int, k)
	var recv []int32
	bad := 0
	report := func(format string, args ...any) {
		if bad++; bad <= 10 {
			t.Errorf(format, args...)
		}
	}
	for round := range 200 {
		in := recv
		recv = c.AllgatherInt32(part(c.Rank(), round), recv, counts)
		var want []int32
		for q := range k {
			p := part(q, round)
			want = append(want, p...)
			if counts[q] != len(p) {
				report("round %d: counts[%d] = %d, want %d", round, q, counts[q], len(p))
			}
		}
		if len(recv) != len(want) || (len(want) > 0 && cap(in) >= len(want) && &recv[0] != &in[:1][0]) {
			report("round %d: %d elements (capacity before %d), want %d in place", round, len(recv), cap(in), len(want))
		}
		for i := range min(len(recv), len(want)) {
			if recv[i] != want[i] {
				report("round %d: element %d is %#x, want %#x", round, i, recv[i], want[i])
				break
			}
		}
	}
	// A nil recv is grown.
	if got := c.AllgatherInt32([]int32{int32(c.Rank())}, nil, counts); len(got) != k || got[k-1] != int32(k-1) {
		t.Errorf("into nil: %v", got)
	}
}

// floats is what rank sends as float64: values whose bits a conversion
// would change (NaN payloads, negative zero, subnormals).
func floats(rank int) []float64 {
	return []float64{
		math.Float64frombits(0x7ff0_0000_0000_0001 | uint64(rank)<<8), // signalling NaN
		math.Float64frombits(0xfff8_0000_dead_0000 | uint64(rank)),    // quiet negative NaN
		math.Copysign(0, -1),
		math.Inf(-1),
		math.Float64frombits(uint64(rank) + 1), // subnormal
		float64(rank) / 3,
	}
}

func TestMPIAllgatherFloat64BitForBit(t *testing.T) {
	c := worldOrSkip(t)
	counts := make([]int, c.Size())
	var recv []float64
	for round := range 20 {
		send := floats(c.Rank())
		if round%2 == 1 && c.Rank()%2 == 1 {
			send = nil // odd ranks send nothing in odd rounds
		}
		recv = c.AllgatherFloat64(send, recv, counts)
		var want []float64
		for q := range c.Size() {
			if round%2 == 0 || q%2 == 0 {
				want = append(want, floats(q)...)
			}
		}
		if len(recv) != len(want) {
			t.Errorf("round %d: %d values, want %d", round, len(recv), len(want))
			continue
		}
		for i := range want {
			if math.Float64bits(recv[i]) != math.Float64bits(want[i]) {
				t.Errorf("round %d: value %d has bits %#x, want %#x", round, i, math.Float64bits(recv[i]), math.Float64bits(want[i]))
				break
			}
		}
	}
}

// With enough capacity, an Allgather allocates nothing (when any thread
// may call MPI; the funnelled calls allocate their closure).
func TestMPIAllgatherDoesNotAllocate(t *testing.T) {
	c := worldOrSkip(t)
	send := make([]int32, 100)
	recv := make([]int32, 0, 100*c.Size())
	recvF := make([]float64, 0, 100*c.Size())
	sendF := make([]float64, 100)
	counts := make([]int, c.Size())
	allocs := testing.AllocsPerRun(20, func() {
		recv = c.AllgatherInt32(send, recv, counts)
		recvF = c.AllgatherFloat64(sendF, recvF, counts)
		c.AllgatherInt32(nil, recv, counts)
		c.Barrier()
	})
	if allocs != 0 && !funnelAlways {
		t.Errorf("%v allocations per round", allocs)
	}
}

// Barrier: every rank writes its file, the later ranks later; after the
// barrier every file is there.
func TestMPIBarrier(t *testing.T) {
	c := worldOrSkip(t)
	dir := ""
	if c.Rank() == 0 {
		dir = t.TempDir()
	}
	dir = GatherStrings(c, dir)[0]
	for round := range 3 {
		time.Sleep(time.Duration(c.Rank()) * 20 * time.Millisecond)
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("%d-%d", round, c.Rank())), nil, 0o644)
		c.Barrier()
		for q := range c.Size() {
			if _, err := os.Stat(filepath.Join(dir, fmt.Sprintf("%d-%d", round, q))); err != nil {
				t.Errorf("round %d, rank %d after the barrier: %v", round, c.Rank(), err)
			}
		}
		c.Barrier() // rank 0 removes dir only once every rank has looked
	}
}

func TestMPIReductionsAndStrings(t *testing.T) {
	c := worldOrSkip(t)
	r, k := c.Rank(), c.Size()
	if m := MaxInt64(c, int64(r)<<40-5); m != int64(k-1)<<40-5 {
		t.Errorf("rank %d: max %d", r, m)
	}
	if s := SumInt64(c, -int64(r)-1<<33); s != -int64(k*(k-1)/2)-int64(k)<<33 {
		t.Errorf("rank %d: sum %d", r, s)
	}
	s := strings.Repeat("é", r) // rank 0 sends an empty string
	got := GatherStrings(c, s)
	for q, g := range got {
		if g != strings.Repeat("é", q) {
			t.Errorf("rank %d: strings %q", r, got)
			break
		}
	}
}

// MPI leaves Go's signal handlers in place: a nil dereference is still a
// Go panic that recover catches.
func TestMPIKeepsGoSignals(t *testing.T) {
	worldOrSkip(t)
	var p *int
	err := func() (err any) {
		defer func() { err = recover() }()
		return *p
	}()
	if _, ok := err.(runtime.Error); !ok {
		t.Errorf("nil dereference: recovered %v", err)
	}
}

// BenchmarkAllgather times one AllgatherInt32 of 100 int32 per rank. The
// ranks must make the same number of calls: run it with a fixed count,
// -test.benchtime=10000x.
func BenchmarkAllgather(b *testing.B) {
	c := worldOrSkip(b)
	if bt := flag.Lookup("test.benchtime").Value.String(); !strings.HasSuffix(bt, "x") {
		b.Skipf("-test.benchtime=%s: ranks would choose different counts; use a count such as 10000x", bt)
	}
	send := make([]int32, 100)
	recv := make([]int32, 0, 100*c.Size())
	counts := make([]int, c.Size())
	c.Barrier()
	b.ResetTimer()
	for range b.N {
		recv = c.AllgatherInt32(send, recv, counts)
	}
}
