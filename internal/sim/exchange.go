package sim

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/cajal-sim/cajal/cluster"
)

// The exchanges of a split network's step: spikes, the status word, and
// an error every rank returns.

// exchanger holds the buffers of the spike exchange, reused every step.
type exchanger struct {
	send, recv []int32
	counts     []int
	values     []float64
	gotValues  []float64
	idx        []int32
	next       []int   // Sync: each rank's next value
	order      []int   // event logs: the order of the gathered events
	logRecv    []int32 // event logs: the gathered events
	logValues  []float64
}

// fit makes counts hold one count per rank of n's communicator.
func (x *exchanger) fit(n *Network) {
	if size := n.Comm.Size(); len(x.counts) != size {
		x.counts = make([]int, size)
	}
}

// Status words a rank sends with its spikes.
const (
	statusOK      = 0
	statusStopped = 1
	statusFailed  = 2
	// statusFailedEarly: failed before the step's spikes were known
	// (batched exchanges only).
	statusFailedEarly = 3
)

// exchange sends this rank's spikes of every split group, with its status,
// to every rank, and sets each group's Spikes to all its spikes, in index
// order. It returns the status of every rank.
func (n *Network) exchange(status int32) []int32 {
	x := &n.ex
	x.send = append(x.send[:0], status)
	for _, g := range n.Groups {
		if g.split {
			x.send = append(x.send, int32(len(g.Spikes)))
			x.send = append(x.send, g.Spikes...)
		}
	}
	x.fit(n)
	start := time.Now()
	x.recv = n.Comm.AllgatherInt32(x.send, x.recv, x.counts)
	n.Exchange += time.Since(start)
	for _, g := range n.Groups {
		if g.split {
			g.Spikes = g.Spikes[:0]
		}
	}
	statuses := x.idx[:0]
	at := 0
	for r := range x.counts {
		part := x.recv[at : at+x.counts[r]]
		at += x.counts[r]
		statuses = append(statuses, part[0])
		if part[0] != statusOK && len(part) == 1 {
			continue // a rank that failed before its spikes were known
		}
		k := 1
		for _, g := range n.Groups {
			if g.split {
				m := int(part[k])
				g.Spikes = append(g.Spikes, part[k+1:k+1+m]...)
				k += 1 + m
			}
		}
	}
	x.idx = statuses
	return statuses
}

// agree gathers every rank's status at the end of a step; it returns the
// largest.
func (n *Network) agree(status int32) int32 {
	start := time.Now()
	worst := n.Comm.MaxInt32(status)
	n.Exchange += time.Since(start)
	return worst
}

// shareError makes every rank return the error of the lowest rank that
// failed (a run is stopped on all ranks once one fails): a divergence
// arrives as the same *DivergenceError everywhere.
func (n *Network) shareError(err error) error {
	var msg string
	var d *DivergenceError
	switch {
	case err == nil:
	case errors.As(err, &d):
		msg = "D" + strings.Join([]string{d.Group, d.Var, strconv.Itoa(d.Elem),
			strconv.FormatUint(math.Float64bits(d.Time), 16), strconv.FormatUint(math.Float64bits(d.Value), 16)}, "\x00")
	default:
		msg = "E" + err.Error()
	}
	all := cluster.GatherStrings(n.Comm, msg)
	for r, m := range all {
		if m == "" {
			continue
		}
		if r == n.Comm.Rank() {
			return err
		}
		if m[0] == 'E' {
			return fmt.Errorf("process %d: %s", r, m[1:])
		}
		f := strings.Split(m[1:], "\x00")
		elem, _ := strconv.Atoi(f[2])
		tb, _ := strconv.ParseUint(f[3], 16, 64)
		vb, _ := strconv.ParseUint(f[4], 16, 64)
		return &DivergenceError{Group: f[0], Var: f[1], Elem: elem, Time: math.Float64frombits(tb), Value: math.Float64frombits(vb)}
	}
	return err
}
