package cluster

import "sync"

// Local returns k ranks that run in this process, one per goroutine: each
// goroutine uses its own Comm. The ranks exchange through memory, so a
// split network runs and can be compared with one process in a test, with
// no MPI installed.
func Local(k int) []Comm {
	k = max(k, 1)
	h := &hub{size: k, int32s: make([][]int32, k), float64s: make([][]float64, k)}
	h.cond = sync.NewCond(&h.mu)
	out := make([]Comm, k)
	for r := range out {
		out[r] = &localComm{h: h, rank: r}
	}
	return out
}

// hub is the memory the local ranks share: each rank's buffer of the
// current call, and a reusable barrier.
type hub struct {
	size     int
	int32s   [][]int32
	float64s [][]float64

	mu      sync.Mutex
	cond    *sync.Cond
	arrived int
	round   uint64
}

// wait returns once every rank has called it since the last time.
func (h *hub) wait() {
	h.mu.Lock()
	round := h.round
	h.arrived++
	if h.arrived == h.size {
		h.arrived = 0
		h.round++
		h.cond.Broadcast()
	} else {
		for h.round == round {
			h.cond.Wait()
		}
	}
	h.mu.Unlock()
}

type localComm struct {
	h    *hub
	rank int
}

func (c *localComm) Rank() int { return c.rank }
func (c *localComm) Size() int { return c.h.size }
func (c *localComm) Barrier()  { c.h.wait() }

func (c *localComm) AllgatherInt32(send, recv []int32, counts []int) []int32 {
	h := c.h
	h.int32s[c.rank] = send
	h.wait() // every rank's buffer is in place
	recv = recv[:0]
	for r, b := range h.int32s {
		counts[r] = len(b)
		recv = append(recv, b...)
	}
	h.wait() // every rank has read: buffers may change
	return recv
}

func (c *localComm) MaxInt32(x int32) int32 {
	counts := make([]int, c.h.size)
	all := c.AllgatherInt32([]int32{x}, nil, counts)
	m := all[0]
	for _, v := range all[1:] {
		m = max(m, v)
	}
	return m
}

func (c *localComm) AllgatherFloat64(send, recv []float64, counts []int) []float64 {
	h := c.h
	h.float64s[c.rank] = send
	h.wait()
	recv = recv[:0]
	for r, b := range h.float64s {
		counts[r] = len(b)
		recv = append(recv, b...)
	}
	h.wait()
	return recv
}
