package sim

import "unsafe"

// Column is a sequence of values that grows by appending, kept in chunks
// that never move: a full chunk is followed by a new one, and nothing is
// copied as the column grows. Chunks grow geometrically, from
// columnFirst values to columnMax, so a short column stays small.
//
// A new chunk is fresh memory, and the first write to each of its pages
// faults. To keep those faults out of the appender's way, when a chunk is
// half full a goroutine makes the next one and writes to each of its
// pages; the appender takes it when the current chunk fills, or makes one
// itself if it is not ready yet. At most one such goroutine runs per
// column, and it ends on its own.
//
// Flat gives the values as one slice. A Column is not safe for use by
// several goroutines at once; its zero value is an empty column.
type Column[T any] struct {
	full  [][]T    // the chunks before cur, in order, each full
	nfull int      // the number of values in full
	cur   []T      // the chunk appended to; its capacity is fixed
	lim   int      // Append takes the slow path when len(cur) reaches lim
	size  int      // the capacity of the last chunk made, 0 before any
	ready chan []T // receives the chunk made ahead, if ahead
	ahead bool     // a chunk is being made ahead or waits in ready
}

// The sizes of a column's chunks, in values: the first, and the most.
const (
	columnFirst = 4096
	columnMax   = 1 << 20
)

// pageSize is the span of memory that faults in at once, in bytes.
const pageSize = 4096

// Append adds v at the end. It allocates only when a chunk fills: the
// next chunk, unless one was made ahead, and now and then a longer list
// of chunks.
func (c *Column[T]) Append(v T) {
	if len(c.cur) >= c.lim {
		c.more()
	}
	c.cur = append(c.cur, v)
}

// more is Append's slow path: it starts the next chunk when the current
// one is full, and has the one after made ahead when it is half full.
func (c *Column[T]) more() {
	if len(c.cur) == cap(c.cur) {
		c.next()
		return
	}
	if !c.ahead {
		if c.ready == nil {
			c.ready = make(chan []T, 1)
		}
		c.ahead = true
		go makeChunk(c.ready, c.grown())
	}
	c.lim = cap(c.cur)
}

// next closes the current chunk and starts another, the one made ahead
// if it is ready.
func (c *Column[T]) next() {
	if c.full == nil {
		// Room for the list of chunks, so that closing one seldom
		// allocates.
		c.full = make([][]T, 0, 16)
	}
	if len(c.cur) > 0 {
		c.full = append(c.full, c.cur)
		c.nfull += len(c.cur)
	}
	var s []T
	if c.ahead {
		select {
		case s = <-c.ready:
			c.ahead = false
		default:
		}
	}
	if s == nil {
		s = make([]T, 0, c.grown())
	}
	c.size = cap(s)
	c.cur, c.lim = s, cap(s)/2
}

// grown is the capacity of the chunk after the last one made.
func (c *Column[T]) grown() int {
	return min(max(2*c.size, columnFirst), columnMax)
}

// makeChunk makes a chunk of capacity n, writes to each of its pages so
// that they are in memory, and sends it on ready.
func makeChunk[T any](ready chan<- []T, n int) {
	s := make([]T, n)
	var zero T
	step := 1
	if size := int(unsafe.Sizeof(zero)); size > 0 && size < pageSize {
		step = pageSize / size
	}
	for k := 0; k < n; k += step {
		s[k] = zero
	}
	ready <- s[:0]
}

// Len is the number of values.
func (c *Column[T]) Len() int { return c.nfull + len(c.cur) }

// Flat returns the values as one slice, which the caller may read but not
// change. When they span several chunks, Flat copies them into one, which
// then stands for them all; a second call with no Append in between
// copies nothing. Later appends leave the slice as it is. An empty column
// gives nil, or the empty slice Set gave it.
func (c *Column[T]) Flat() []T {
	switch {
	case len(c.full) == 0:
		return c.cur[:len(c.cur):len(c.cur)]
	case len(c.full) == 1 && len(c.cur) == 0:
		return c.full[0]
	}
	out := make([]T, c.Len())
	k := 0
	for _, s := range c.full {
		k += copy(out[k:], s)
	}
	copy(out[k:], c.cur)
	clear(c.full)
	c.full = append(c.full[:0], out)
	c.nfull = len(out)
	c.cur, c.lim = nil, 0
	return out
}

// Set makes vals the column's values, without copying them: the column
// keeps vals, never writes to it, and appends after it in a new chunk.
func (c *Column[T]) Set(vals []T) {
	c.Reset()
	if vals != nil {
		c.full = [][]T{vals[:len(vals):len(vals)]}
		c.nfull = len(vals)
	}
}

// Reset empties the column. A chunk being made ahead is dropped: its
// goroutine sends it on a channel the column no longer reads.
func (c *Column[T]) Reset() {
	*c = Column[T]{}
}
