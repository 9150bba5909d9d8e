package sim

import (
	"math/rand/v2"
	"runtime/debug"
	"slices"
	"testing"
	"time"
)

// BenchmarkSpikeMonitorEnd times SpikeMonitor.End for 100 spikes per
// step among 10000 neurons, kept in memory, and reports the time per End
// as ns/End. A fresh monitor starts every 20000 steps (2 s of a run at dt
// 0.1 ms, 2 million spikes), so the time per End is that of a long record
// whatever b.N; before it, off the clock, the memory freed is handed back
// to the system, so that the record is written to fresh memory as in a
// new run, page faults and all. In "tight" the Ends follow each other;
// in "paced" 20 µs of other work, off the clock, separates them, as the
// rest of a step would in a simulation.
func BenchmarkSpikeMonitorEnd(b *testing.B) {
	const n, perStep, runSteps = 10000, 100, 20000
	g := NewGroup("g", n, 0, []string{"v"})
	r := rand.New(rand.NewPCG(1, 2))
	steps := make([][]int32, 64)
	for k := range steps {
		s := make([]int32, perStep)
		for j := range s {
			s[j] = int32(r.IntN(n))
		}
		slices.Sort(s)
		steps[k] = s
	}
	for _, c := range []struct {
		name string
		gap  time.Duration
	}{{"tight", 0}, {"paced", 20 * time.Microsecond}} {
		b.Run(c.name, func(b *testing.B) {
			var m *SpikeMonitor
			var spent time.Duration
			for k := 0; k < b.N; k++ {
				if k%runSteps == 0 {
					m = nil
					debug.FreeOSMemory()
					m = NewSpikeMonitor(g, 0, n)
				}
				g.Spikes = steps[k%len(steps)]
				t0 := time.Now()
				if err := m.End(int64(k), float64(k)*1e-4); err != nil {
					b.Fatal(err)
				}
				t1 := time.Now()
				spent += t1.Sub(t0)
				for c.gap > 0 && time.Since(t1) < c.gap {
				}
			}
			b.ReportMetric(float64(spent.Nanoseconds())/float64(b.N), "ns/End")
		})
	}
}
