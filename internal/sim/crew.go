package sim

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// crew is the goroutines that run the parts of the parallel phases of a
// run. Starting goroutines for each phase costs a wake-up of an idle
// processor, tens of microseconds, as much as a phase of a mid-sized group;
// members of a crew instead wait for the next phase spinning for a while,
// then sleep until the run hands them work.
type crew struct {
	n        int // members, the calling goroutine included
	gen      atomic.Uint64
	done     atomic.Int64
	stop     atomic.Bool
	job      job // the phase's work, set before gen moves on
	jobN     int // elements of the phase
	errs     []error
	sleeping []atomic.Bool
	wake     []chan struct{}
	wg       sync.WaitGroup
}

// spinLimit is how many times an idle member checks for work before it
// sleeps: some tens of microseconds.
const spinLimit = 20000

func newCrew(n int) *crew {
	c := &crew{n: n, errs: make([]error, n), sleeping: make([]atomic.Bool, n), wake: make([]chan struct{}, n)}
	for w := 1; w < n; w++ {
		c.wake[w] = make(chan struct{}, 1)
		c.wg.Add(1)
		go c.member(w)
	}
	return c
}

func (c *crew) member(w int) {
	defer c.wg.Done()
	var seen uint64
	for {
		spins := 0
		for c.gen.Load() == seen && !c.stop.Load() && spins < spinLimit {
			spins++
			if spins%4096 == 0 {
				runtime.Gosched()
			}
		}
		if c.stop.Load() {
			return
		}
		if g := c.gen.Load(); g != seen {
			seen = g
			lo, hi := split(c.jobN, c.n, w)
			c.errs[w] = c.job.part(w, lo, hi)
			c.done.Add(1)
			continue
		}
		// Nothing for a while: sleep, after saying so and looking once
		// more (the run may have handed out work meanwhile).
		c.sleeping[w].Store(true)
		if c.gen.Load() == seen && !c.stop.Load() {
			<-c.wake[w]
		}
		c.sleeping[w].Store(false)
	}
}

// job is the work of a parallel phase: part w of the elements, lo to
// hi-1. Jobs are long-lived values, so that a step allocates nothing.
type job interface {
	part(w, lo, hi int) error
}

// run runs the job's part w on every member w, part 0 on the calling
// goroutine, and returns the first error.
func (c *crew) run(j job, n int) error {
	c.job, c.jobN = j, n
	c.done.Store(0)
	c.gen.Add(1)
	c.nudge()
	lo, hi := split(n, c.n, 0)
	c.errs[0] = j.part(0, lo, hi)
	for spins := 0; c.done.Load() < int64(c.n-1); spins++ {
		if spins%4096 == 0 {
			runtime.Gosched()
		}
	}
	for _, err := range c.errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// nudge wakes the members that sleep.
func (c *crew) nudge() {
	for w := 1; w < c.n; w++ {
		if c.sleeping[w].Load() {
			select {
			case c.wake[w] <- struct{}{}:
			default:
			}
		}
	}
}

// close ends the members.
func (c *crew) close() {
	c.stop.Store(true)
	for w := 1; w < c.n; w++ {
		select {
		case c.wake[w] <- struct{}{}:
		default:
		}
	}
	c.wg.Wait()
}
