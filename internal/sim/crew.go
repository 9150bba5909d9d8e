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
// Part w of a phase is member w's, but whoever claims it first runs it:
// the run, once done with its own part, claims and runs every part whose
// member has not started on it. A member that is late (asleep, or not
// given a core by the machine: on a shared machine both threads may for a
// while get one core between them, and spinning then only delays the
// other) costs the phase its part's time, not the wait for the member.
// Each part writes only its own block's elements, with its own machines,
// whoever runs it, so results do not change.
//
// A hand-over moves cache lines between cores, each move some hundreds of
// nanoseconds, a few times per step: the fields are laid out so that a
// phase moves as few as it can. What the run writes to start a phase (the
// job and gen) shares one line, which members only read; the count of
// finished parts (done) has a line of its own, and so has each part's
// claim; a part's error is written only when there is one.
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

	_      [cacheLine]byte
	done   atomic.Uint64 // parts other than the run's own finished, over all phases
	_      [cacheLine]byte
	claims []claim // the last phase whose part w was claimed, by part
}

// claim is the last phase (gen) in which a part was claimed, on a cache
// line of its own.
type claim struct {
	gen atomic.Uint64
	_   [cacheLine - 8]byte
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
	c := &crew{n: n, errs: make([]error, n), sleeping: make([]atomic.Bool, n), wake: make([]chan struct{}, n), claims: make([]claim, n)}
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
			c.take(w, g)
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

// take runs part w of phase g unless it has been claimed: a part is
// claimed once, by its member or by the run, and counted in done when
// finished. A member that saw phase g late finds its part claimed, or
// a later phase's claim.
func (c *crew) take(w int, g uint64) {
	cl := &c.claims[w].gen
	old := cl.Load()
	if old >= g || !cl.CompareAndSwap(old, g) {
		return
	}
	lo, hi := split(c.jobN, c.n, w)
	if err := c.job.part(w, lo, hi); err != nil {
		c.errs[w] = err
	}
	c.done.Add(1)
}

// job is the work of a parallel phase: part w of the elements, lo to
// hi-1. Jobs are long-lived values, so that a step allocates nothing.
type job interface {
	part(w, lo, hi int) error
}

// run runs the job's part w on every member w, part 0 on the calling
// goroutine, which then runs the parts no member has started; it returns
// the first error, by part.
func (c *crew) run(j job, n int) error {
	c.job, c.jobN = j, n
	c.target += uint64(c.n - 1)
	g := c.gen.Add(1)
	c.nudge()
	lo, hi := split(n, c.n, 0)
	err := j.part(0, lo, hi)
	for w := 1; w < c.n; w++ {
		c.take(w, g)
	}
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
