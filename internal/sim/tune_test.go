package sim

import (
	"testing"
	"time"
)

// TestTunerKeepsTheFasterWay runs the tuner on a fake clock where a step
// with the crew takes one duration and a step without it another: it
// alternates blocks during a trial, then keeps the faster way until the
// next trial, tuneEvery steps later.
func TestTunerKeepsTheFasterWay(t *testing.T) {
	for _, c := range []struct {
		with, solo time.Duration
		alone      bool
	}{{10 * time.Microsecond, 15 * time.Microsecond, false}, {15 * time.Microsecond, 10 * time.Microsecond, true}} {
		var clock time.Time
		tn := &tuner{now: func() time.Time { return clock }}
		const first = 1000
		tn.start(true, first)
		trial := int64(2 * tuneBlocks * tuneSteps)
		withSteps := 0
		for step := int64(first); step < first+tuneEvery+trial+10; step++ {
			crew := tn.crew(step)
			k := step - first
			switch {
			case k < trial:
				if want := (k/tuneSteps)%2 == 0; crew != want {
					t.Fatalf("step %d of the trial: crew %v, want %v", k, crew, want)
				}
			case k < trial+tuneEvery:
				if crew == c.alone {
					t.Fatalf("with %v and %v per step, step %d after the trial: crew %v", c.with, c.solo, k, crew)
				}
			default: // the next trial
				if want := ((k-trial-tuneEvery)/tuneSteps)%2 == 0; crew != want {
					t.Fatalf("step %d, in the second trial: crew %v, want %v", k, crew, want)
				}
			}
			if crew {
				withSteps++
				clock = clock.Add(c.with)
			} else {
				clock = clock.Add(c.solo)
			}
		}
		if withSteps == 0 {
			t.Fatal("no step ran with the crew")
		}
	}
	tn := &tuner{}
	tn.start(false, 0)
	for step := range int64(1000) {
		if !tn.crew(step) {
			t.Fatalf("a fixed worker count: step %d ran without the crew", step)
		}
	}
}
