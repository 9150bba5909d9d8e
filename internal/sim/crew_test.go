package sim

import (
	"sync/atomic"
	"testing"
	"time"
)

// countJob counts how often each part runs.
type countJob struct{ runs []atomic.Int64 }

func (j *countJob) part(w, _, _ int) error {
	j.runs[w].Add(1)
	return nil
}

// Every part of every phase runs once, whether its member or the run (which
// takes the parts no member has started) runs it.
func TestCrewRunsEveryPartOnce(t *testing.T) {
	const members, phases = 3, 5000
	c := newCrew(members)
	defer c.close()
	j := &countJob{runs: make([]atomic.Int64, members)}
	for k := 1; k <= phases; k++ {
		if err := c.run(j, 3000); err != nil {
			t.Fatal(err)
		}
		for w := range members {
			if got := j.runs[w].Load(); got != int64(k) {
				t.Fatalf("after %d phases part %d ran %d times", k, w, got)
			}
		}
	}
}

// A crew whose members do not come (here: they have ended) still finishes
// every phase: the run takes their parts.
func TestCrewWithoutItsMembers(t *testing.T) {
	const members = 4
	c := newCrew(members)
	c.close() // the members end
	c.stop.Store(false)
	j := &countJob{runs: make([]atomic.Int64, members)}
	finished := make(chan error, 1)
	go func() {
		for range 10 {
			if err := c.run(j, 100); err != nil {
				finished <- err
				return
			}
		}
		finished <- nil
	}()
	select {
	case err := <-finished:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the phases did not finish in 10 s without the members")
	}
	for w := range members {
		if got := j.runs[w].Load(); got != 10 {
			t.Errorf("part %d ran %d times in 10 phases", w, got)
		}
	}
}
