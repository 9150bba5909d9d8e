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
