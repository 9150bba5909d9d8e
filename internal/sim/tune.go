package sim

import "time"

// With an automatic worker count (Workers 0), WorkerCount's estimate from
// the work per step decides whether a run gets a crew; whether the crew
// pays for itself depends on the machine as much: a hand-over between
// cores costs 0.1 µs on some and 0.5 µs on others, and a shared machine's
// cores slow each other down. So the run also measures: it times blocks of
// steps with the crew and without it, alternately, at the start of every
// run and every tuneEvery steps after, and runs until the next trial the
// way that was faster. Results do not depend on the number of workers, so
// neither does the choice change them.

// tuner times a run's steps with and without its crew.
type tuner struct {
	on         bool  // the worker count is automatic and the run has a crew
	trial      int64 // the first step of the current or next trial
	with, solo time.Duration
	blockAt    time.Time        // when the current block began
	alone      bool             // outside trials: run without the crew
	now        func() time.Time // the clock, if not time.Now (tests)
}

// The trial: tuneBlocks blocks of tuneSteps steps each way, alternating,
// every tuneEvery steps.
const (
	tuneSteps  = 50
	tuneBlocks = 4
	tuneEvery  = 20000
)

// start begins a run at step: a trial starts at once.
func (t *tuner) start(on bool, step int64) {
	t.on, t.trial = on, step
	t.with, t.solo = 0, 0
}

// crew reports whether the step runs with the crew, and times the blocks
// of a trial; it is called before each step.
func (t *tuner) crew(step int64) bool {
	if !t.on {
		return true
	}
	k := step - t.trial
	if k < 0 || k > 2*tuneBlocks*tuneSteps {
		return !t.alone
	}
	if k%tuneSteps == 0 {
		now := time.Now()
		if t.now != nil {
			now = t.now()
		}
		if k > 0 { // a block ended
			if (k/tuneSteps-1)%2 == 0 {
				t.with += now.Sub(t.blockAt)
			} else {
				t.solo += now.Sub(t.blockAt)
			}
		}
		t.blockAt = now
		if k == 2*tuneBlocks*tuneSteps { // the trial ended
			t.alone = t.solo < t.with
			t.trial = step + tuneEvery
			t.with, t.solo = 0, 0
			return !t.alone
		}
	}
	return (k/tuneSteps)%2 == 0
}
