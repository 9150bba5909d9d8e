package sim

import (
	"cmp"
	"runtime"
	"sync"
	"sync/atomic"
)

// crew is the goroutines that run the parts of the parallel phases of a
// run. Starting goroutines for each phase costs a wake-up of an idle
// processor, tens of microseconds, as much as a phase of a mid-sized group;
// members of a crew instead wait for the next phase spinning for a while,
// then sleep until the run hands them work.
//
// A hand-over moves cache lines between cores, each move some hundreds of
// nanoseconds, a few times per step: the fields are laid out so that a
// phase moves as few as it can. What the run writes to start a phase (the
// job and gen) shares one line, which members only read; what members
// write when they finish (done) has a line of its own, which the run only
// reads; a member writes its error only when there is one.
type crew struct {
	n        int // members, the calling goroutine included
	errs     []error
	sleeping []atomic.Bool
	wake     []chan struct{}
	wg       sync.WaitGroup

	_      [cacheLine]byte
	job    job    // the phase's work, set before gen moves on
	jobN   int    // elements of the phase
	target uint64 // done's value once the phase's parts are finished
	gen    atomic.Uint64
	stop   atomic.Bool

	_    [cacheLine]byte
	done atomic.Uint64 // parts finished by members, over all phases
	_    [cacheLine]byte
}

// cacheLine is the span of memory that moves between cores as one, in
// bytes (128 covers processors that fetch lines in pairs).
const cacheLine = 128

// spinLimit is how many times an idle member checks for work before it
// sleeps: a hundred microseconds or more. Waking a sleeping member costs
// tens of microseconds, so members sleep only through long serial work
// or between runs.
const spinLimit = 200000

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
			if err := c.job.part(w, lo, hi); err != nil {
				c.errs[w] = err
			}
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
	c.target += uint64(c.n - 1)
	c.gen.Add(1)
	c.nudge()
	lo, hi := split(n, c.n, 0)
	err := j.part(0, lo, hi)
	for spins := 1; c.done.Load() < c.target; spins++ {
		if spins%4096 == 0 {
			runtime.Gosched()
		}
	}
	for w := 1; w < c.n; w++ {
		if c.errs[w] != nil {
			err = cmp.Or(err, c.errs[w])
			c.errs[w] = nil
		}
	}
	return err
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
