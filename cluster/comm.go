package cluster

// Comm is one rank's view of the ranks that run a network together.
// Every method is collective (see the package documentation).
type Comm interface {
	// Rank is this process's number, from 0 to Size()-1.
	Rank() int
	// Size is the number of ranks.
	Size() int
	// AllgatherInt32 appends every rank's send, in rank order, to
	// recv[:0] and returns it; counts, of length Size, receives the
	// length of each rank's part.
	AllgatherInt32(send, recv []int32, counts []int) []int32
	// AllgatherFloat64 is AllgatherInt32 for float64 values, which arrive
	// bit for bit.
	AllgatherFloat64(send, recv []float64, counts []int) []float64
	// MaxInt32 returns the largest of every rank's x: one small
	// collective, for the status word a step ends with.
	MaxInt32(x int32) int32
	// Barrier returns once every rank has called it.
	Barrier()
}

// Single reports whether c runs a network in one process: nil or of size 1.
func Single(c Comm) bool { return c == nil || c.Size() <= 1 }

// Block is rank's part of n elements split over size ranks in contiguous
// blocks, ascending with the rank: elements lo to hi-1. Each block starts
// at a multiple of align (when align > 0), so that blocks keep the
// alignment of the compiled loops.
func Block(n, size, rank, align int) (lo, hi int) {
	if size <= 1 {
		return 0, n
	}
	if align <= 0 {
		align = 1
	}
	units := (n + align - 1) / align
	lo = units * rank / size * align
	hi = units * (rank + 1) / size * align
	return min(lo, n), min(hi, n)
}

// MaxInt64 returns the largest of every rank's x.
func MaxInt64(c Comm, x int64) int64 {
	if Single(c) {
		return x
	}
	all := gatherInt64(c, x)
	m := all[0]
	for _, v := range all[1:] {
		m = max(m, v)
	}
	return m
}

// SumInt64 returns the sum of every rank's x.
func SumInt64(c Comm, x int64) int64 {
	if Single(c) {
		return x
	}
	var s int64
	for _, v := range gatherInt64(c, x) {
		s += v
	}
	return s
}

// gatherInt64 gathers one int64 from each rank.
func gatherInt64(c Comm, x int64) []int64 {
	counts := make([]int, c.Size())
	got := c.AllgatherInt32([]int32{int32(uint64(x)), int32(uint64(x) >> 32)}, nil, counts)
	out := make([]int64, c.Size())
	for r := range out {
		out[r] = int64(uint64(uint32(got[2*r])) | uint64(uint32(got[2*r+1]))<<32)
	}
	return out
}

// GatherStrings gathers one string from each rank, in rank order.
func GatherStrings(c Comm, s string) []string {
	if Single(c) {
		return []string{s}
	}
	b := []byte(s)
	send := make([]int32, len(b))
	for i, x := range b {
		send[i] = int32(x)
	}
	counts := make([]int, c.Size())
	got := c.AllgatherInt32(send, nil, counts)
	out := make([]string, c.Size())
	at := 0
	for r, n := range counts {
		p := make([]byte, n)
		for i := range p {
			p[i] = byte(got[at+i])
		}
		out[r] = string(p)
		at += n
	}
	return out
}

// Places numbers, in one order over all ranks, elements that each rank
// holds some of per row: rows in order, and within a row the elements of
// lower ranks first. counts[r] is this rank's elements in row r (every
// rank passes as many rows); first[r] is the place of this rank's first
// element of row r, total the elements of all ranks. Collective.
func Places(c Comm, counts []int32) (first []int64, total int64) {
	first = make([]int64, len(counts))
	if Single(c) {
		for r, n := range counts {
			first[r] = total
			total += int64(n)
		}
		return first, total
	}
	rows, size, rank := len(counts), c.Size(), c.Rank()
	all := c.AllgatherInt32(counts, nil, make([]int, size))
	for r := range rows {
		first[r] = total
		for q := range size {
			n := int64(all[q*rows+r])
			if q < rank {
				first[r] += n
			}
			total += n
		}
	}
	return first, total
}
