package cluster

import (
	"fmt"
	"math"
	"sync"
	"testing"
)

// each runs f on every rank of comms at once.
func each(comms []Comm, f func(c Comm)) {
	var wg sync.WaitGroup
	for _, c := range comms {
		wg.Add(1)
		go func() { defer wg.Done(); f(c) }()
	}
	wg.Wait()
}

func TestLocalAllgather(t *testing.T) {
	for k := 1; k <= 4; k++ {
		comms := Local(k)
		got := make([][]int32, k)
		gotF := make([][]float64, k)
		each(comms, func(c Comm) {
			r := c.Rank()
			counts := make([]int, c.Size())
			var recv []int32
			var recvF []float64
			// Many rounds, so that a rank that ran ahead would be seen.
			for round := 0; round < 50; round++ {
				send := make([]int32, r+round%3)
				for i := range send {
					send[i] = int32(100*r + i)
				}
				recv = c.AllgatherInt32(send, recv, counts)
				recvF = c.AllgatherFloat64([]float64{math.Float64frombits(uint64(r)<<40 | 7), math.Copysign(0, -1)}, recvF, counts)
			}
			got[r], gotF[r] = append([]int32(nil), recv...), append([]float64(nil), recvF...)
		})
		var want []int32
		for r := 0; r < k; r++ {
			for i := 0; i < r+49%3; i++ {
				want = append(want, int32(100*r+i))
			}
		}
		for r := 0; r < k; r++ {
			if fmt.Sprint(got[r]) != fmt.Sprint(want) {
				t.Fatalf("k=%d rank %d got %v, want %v", k, r, got[r], want)
			}
			for q := 0; q < k; q++ {
				if math.Float64bits(gotF[r][2*q]) != uint64(q)<<40|7 || math.Float64bits(gotF[r][2*q+1]) != 1<<63 {
					t.Fatalf("k=%d rank %d: floats not bit for bit: %v", k, r, gotF[r])
				}
			}
		}
	}
}

func TestReductionsAndStrings(t *testing.T) {
	comms := Local(3)
	each(comms, func(c Comm) {
		r := c.Rank()
		if m := MaxInt64(c, int64(r)<<40-5); m != 2<<40-5 {
			t.Errorf("rank %d: max %d", r, m)
		}
		if s := SumInt64(c, -int64(r)); s != -3 {
			t.Errorf("rank %d: sum %d", r, s)
		}
		got := GatherStrings(c, fmt.Sprintf("rank %d é", r))
		if fmt.Sprint(got) != "[rank 0 é rank 1 é rank 2 é]" {
			t.Errorf("rank %d: strings %q", r, got)
		}
		c.Barrier()
	})
}

func TestBlockCoversInOrder(t *testing.T) {
	for _, n := range []int{0, 1, 7, 64, 1000, 4097} {
		for size := 1; size <= 5; size++ {
			next := 0
			for r := 0; r < size; r++ {
				lo, hi := Block(n, size, r, 64)
				if lo != next || hi < lo || (lo%64 != 0 && lo != n) {
					t.Fatalf("n=%d size=%d rank %d: [%d, %d) after %d", n, size, r, lo, hi, next)
				}
				next = hi
			}
			if next != n {
				t.Fatalf("n=%d size=%d: blocks end at %d", n, size, next)
			}
		}
	}
}

// Places numbers every rank's elements row by row, lower ranks first
// within a row, as one list of all of them would.
func TestPlaces(t *testing.T) {
	// Rank r holds r+1 elements of row 0, none of row 1, 2 of row 2.
	counts := func(r int) []int32 { return []int32{int32(r + 1), 0, 2} }
	comms := Local(3)
	firsts := make([][]int64, 3)
	totals := make([]int64, 3)
	each(comms, func(c Comm) { firsts[c.Rank()], totals[c.Rank()] = Places(c, counts(c.Rank())) })
	// Row 0: ranks hold 1, 2, 3 (places 0, 1-2, 3-5); row 1 is empty
	// (it starts at 6 for all); row 2: 2 each (6-7, 8-9, 10-11).
	want := [][]int64{{0, 6, 6}, {1, 6, 8}, {3, 6, 10}}
	for r := range 3 {
		if fmt.Sprint(firsts[r]) != fmt.Sprint(want[r]) || totals[r] != 12 {
			t.Errorf("rank %d: first %v, total %d; want %v, 12", r, firsts[r], totals[r], want[r])
		}
	}
	if first, total := Places(nil, []int32{2, 0, 3}); fmt.Sprint(first) != "[0 2 2]" || total != 5 {
		t.Errorf("one process: first %v, total %d", first, total)
	}
}
