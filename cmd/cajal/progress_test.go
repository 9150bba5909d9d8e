package main

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// Text progress sums the runs of each network, and the networks of a
// task run at once, and ends with a line at 100 %.
func TestProgressText(t *testing.T) {
	old := textEvery
	textEvery = 0 // a line at every report
	t.Cleanup(func() { textEvery = old })
	var w bytes.Buffer
	p := newProgress("auto", &w) // a buffer is not a terminal: text
	if p.mode != "text" {
		t.Fatalf("auto on a buffer chose %q", p.mode)
	}
	p.Start("task", 0)
	a, b := p.Network(), p.Network()
	a(0.5, 1) // network a: half of a 1 s run
	b(1, 2)   // network b: half of a 2 s run
	a(1, 1)   // a's run ends
	a(0.5, 1) // a's second run, half done
	b(2, 2)
	a(1, 1)
	p.Finish()
	lines := strings.Split(strings.TrimSpace(w.String()), "\n")
	want := []string{"task: 50%, 0.5 of 1 s", "task: 50%, 1.5 of 3 s", "task: 67%, 2 of 3 s", "task: 62%, 2.5 of 4 s",
		"task: 88%, 3.5 of 4 s", "task: 100%, 4 of 4 s", "task: 100%, 4 of 4 s"}
	if len(lines) != len(want) {
		t.Fatalf("%d lines, want %d:\n%s", len(lines), len(want), w.String())
	}
	for k := range want {
		if !strings.HasPrefix(lines[k], want[k]) {
			t.Errorf("line %d: %q, want %q...", k, lines[k], want[k])
		}
	}
	// With the task's total known, the fraction is of it.
	w.Reset()
	p.Start("sim", 10)
	p.Network()(2.5, 5)
	if !strings.HasPrefix(w.String(), "sim: 25%, 2.5 of 10 s simulated") {
		t.Errorf("known total: %q", w.String())
	}
	p.Finish()
}

// Lines come at most every textEvery; none comes with --progress=none.
func TestProgressTextInterval(t *testing.T) {
	var w bytes.Buffer
	p := newProgress("text", &w)
	p.Start("task", 0)
	f := p.Network()
	for k := 1; k <= 1000; k++ {
		f(float64(k), 1000)
	}
	if n := strings.Count(w.String(), "\n"); n != 1 {
		t.Errorf("%d lines in a moment, want the first only:\n%s", n, w.String())
	}
	none := newProgress("none", &w)
	none.Start("task", 0)
	if none.Network() != nil {
		t.Error("--progress=none gave networks a callback")
	}
	none.Finish()
}

// The bar redraws one line with the fraction and the speed.
func TestProgressBar(t *testing.T) {
	var w bytes.Buffer
	p := newProgress("bar", &w)
	p.Start("model.toml", 2)
	f := p.Network()
	f(0, 2)
	time.Sleep(20 * time.Millisecond)
	f(1, 2)
	time.Sleep(300 * time.Millisecond) // the bar redraws every 200 ms
	f(2, 2)
	p.Finish()
	out := w.String()
	for _, want := range []string{"\rmodel.toml [", "50.00%", "1 of 2 s simulated, ", " s/s, ", "left", "100.00% 2 of 2 s simulated"} {
		if !strings.Contains(out, want) {
			t.Errorf("bar output has no %q: %q", want, out)
		}
	}
}
