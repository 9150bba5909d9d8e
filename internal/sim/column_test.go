package sim

import (
	"runtime"
	"testing"
	"time"
)

// checkColumn checks that c holds 0, 1, ..., n-1 plus offset, through
// Len and Flat.
func checkColumn(t *testing.T, c *Column[int32], n int, offset int32) {
	t.Helper()
	if c.Len() != n {
		t.Fatalf("Len %d, want %d", c.Len(), n)
	}
	got := c.Flat()
	if len(got) != n {
		t.Fatalf("Flat has %d values, want %d", len(got), n)
	}
	for k, v := range got {
		if v != int32(k)+offset {
			t.Fatalf("value %d is %d, want %d", k, v, int32(k)+offset)
		}
	}
}

// Appends across many chunk boundaries give the values in order, whether
// or not the chunks made ahead are ready in time.
func TestColumnAppend(t *testing.T) {
	var c Column[int32]
	if c.Flat() != nil || c.Len() != 0 {
		t.Fatalf("an empty column holds %v", c.Flat())
	}
	n := 3*columnMax + 12345
	for k := range n {
		c.Append(int32(k))
		if k%(columnFirst/2) == 0 {
			runtime.Gosched() // let a chunk made ahead be ready at times
		}
	}
	if len(c.full) < 5 {
		t.Errorf("%d values in %d full chunks and one of %d, want more chunks", n, len(c.full), cap(c.cur))
	}
	for _, s := range c.full {
		if cap(s) > columnMax {
			t.Errorf("a chunk of %d values, over the limit %d", cap(s), columnMax)
		}
	}
	checkColumn(t, &c, n, 0)
}

// A short column is a single small chunk.
func TestColumnSmall(t *testing.T) {
	var c Column[float64]
	for k := range 10 {
		c.Append(float64(k))
	}
	if len(c.full) != 0 || cap(c.cur) != columnFirst {
		t.Errorf("10 values in %d full chunks and one of %d values", len(c.full), cap(c.cur))
	}
}

// Flat twice with no append in between copies nothing the second time,
// and values appended after it follow in order, leaving the slice Flat
// gave unchanged.
func TestColumnFlat(t *testing.T) {
	for _, n := range []int{1, columnFirst - 1, columnFirst, 5*columnFirst + 7} {
		var c Column[int32]
		for k := range n {
			c.Append(int32(k))
		}
		a, b := c.Flat(), c.Flat()
		if &a[0] != &b[0] || len(a) != len(b) {
			t.Errorf("%d values: the second Flat copied them", n)
		}
		if allocs := testing.AllocsPerRun(10, func() { c.Flat() }); allocs != 0 {
			t.Errorf("%d values: Flat with no appends allocates %v times", n, allocs)
		}
		for k := n; k < 3*n+columnFirst; k++ {
			c.Append(int32(k))
		}
		for k, v := range a {
			if v != int32(k) {
				t.Fatalf("%d values: appends changed value %d of an earlier Flat to %d", n, k, v)
			}
		}
		checkColumn(t, &c, 3*n+columnFirst, 0)
	}
}

// Set takes a slice as the values, and appends follow it without
// writing to it.
func TestColumnSet(t *testing.T) {
	var c Column[int32]
	for range 2 * columnFirst {
		c.Append(-1)
	}
	vals := make([]int32, 100, 200)
	for k := range vals {
		vals[k] = int32(k) + 7
	}
	c.Set(vals)
	got := c.Flat()
	if &got[0] != &vals[0] || len(got) != len(vals) {
		t.Errorf("Set then Flat gives %d values, not the slice set", len(got))
	}
	for k := 100; k < 100+3*columnFirst; k++ {
		c.Append(int32(k) + 7)
	}
	if vals[:200][100] != 0 {
		t.Errorf("appends wrote into the spare capacity of the slice set")
	}
	checkColumn(t, &c, 100+3*columnFirst, 7)

	c.Set([]int32{})
	if got := c.Flat(); got == nil || len(got) != 0 {
		t.Errorf("Set of an empty slice, then Flat: %v", got)
	}
	c.Reset()
	if c.Flat() != nil || c.Len() != 0 {
		t.Errorf("Reset left %v", c.Flat())
	}
}

// mallocs is the number of heap allocations f makes, counted in full
// (testing.AllocsPerRun rounds an average down).
func mallocs(f func()) uint64 {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	var a, b runtime.MemStats
	runtime.ReadMemStats(&a)
	f()
	runtime.ReadMemStats(&b)
	return b.Mallocs - a.Mallocs
}

// Appending within a chunk allocates nothing, nor does starting a chunk
// that was made ahead.
func TestColumnAppendAllocs(t *testing.T) {
	var c Column[float64]
	c.Append(0) // the first chunk
	if n := mallocs(func() {
		for range columnFirst/2 - 1 {
			c.Append(1)
		}
	}); n != 0 {
		t.Errorf("appends within a chunk allocate %d times", n)
	}
	c.Append(2) // past half: the next chunk is made ahead
	deadline := time.Now().Add(10 * time.Second)
	for len(c.ready) == 0 && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	if len(c.ready) == 0 {
		t.Fatal("the next chunk was not made ahead")
	}
	if n := mallocs(func() {
		for range columnFirst/2 + 10 { // into the next chunk
			c.Append(3)
		}
	}); n != 0 {
		t.Errorf("appends into a chunk made ahead allocate %d times", n)
	}
	if len(c.full) != 1 || cap(c.cur) != 2*columnFirst || c.Len() != columnFirst+11 {
		t.Errorf("%d full chunks and one of %d values, %d in all; want 1, %d, %d", len(c.full), cap(c.cur), c.Len(), 2*columnFirst, columnFirst+11)
	}
	if n := mallocs(func() {
		for range 2 * columnFirst { // into the chunk after, not made ahead yet
			c.Append(4)
		}
	}); n == 0 {
		t.Errorf("appends through a chunk into the next allocate nothing")
	}
}

// The goroutines that make chunks ahead end on their own, whether their
// chunk is taken, waits, or was dropped by Reset.
func TestColumnGoroutinesEnd(t *testing.T) {
	base := runtime.NumGoroutine()
	cols := make([]Column[float64], 50)
	for k := range cols {
		for range columnFirst/2 + 1 + k*200 {
			cols[k].Append(1)
		}
		if k%2 == 0 {
			cols[k].Reset()
		}
	}
	deadline := time.Now().Add(10 * time.Second)
	for runtime.NumGoroutine() > base && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > base {
		t.Errorf("%d goroutines, %d before the columns", n, base)
	}
	runtime.KeepAlive(cols)
}
