package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/cheggaaa/pb/v3"
	"github.com/cheggaaa/pb/v3/termutil"
)

// Progress of the long commands (run, sim, validate, bench) goes to
// stderr: a bar with the simulated time, the speed (simulated seconds per
// wall-clock second) and the time left in a terminal, a line of text every
// few seconds elsewhere (logs, batch jobs). --progress chooses.

// textEvery is how often a text report is written.
var textEvery = 5 * time.Second

// barTemplate shows the fraction, the simulated time and the speed, and
// the time left.
const barTemplate = `{{string . "label"}} {{bar . "[" "=" ">" " " "]"}} {{percent . }} {{string . "status"}}`

// progress gathers the progress of the networks of one task (a model
// file's runs, an example, a benchmark) and shows it. Each network gets
// its own callback (Network); several may run at once (ensembles).
type progress struct {
	mode  string // "bar", "text" or "none"
	w     io.Writer
	mu    sync.Mutex
	label string
	total float64 // the task's simulated seconds if known; 0 if not
	nets  []*netProgress
	start time.Time // of the first report of the task
	done0 float64   // simulated seconds done at start
	shown time.Time // of the last text line
	bar   *pb.ProgressBar
}

// netProgress is one network's runs: those finished, and the current one.
type netProgress struct {
	before, totalBefore float64 // simulated seconds of finished runs
	done, total         float64 // of the current run
}

// newProgress reports to w in mode "auto" (a bar if w is a terminal,
// else text), "bar", "text" or "none".
func newProgress(mode string, w io.Writer) *progress {
	if mode == "auto" {
		mode = "text"
		if isTerminal(w) {
			mode = "bar"
		}
	}
	return &progress{mode: mode, w: w}
}

// isTerminal tells whether w is a character device such as a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// Start begins a task: label names it; total is its simulated time in
// seconds, 0 when it is not known before its networks run (then the total
// is that of the runs started so far).
func (p *progress) Start(label string, total float64) {
	if p == nil || p.mode == "none" {
		return
	}
	p.Finish()
	p.mu.Lock()
	defer p.mu.Unlock()
	p.label, p.total, p.nets, p.start, p.shown = label, total, nil, time.Time{}, time.Time{}
}

// Network returns the callback for one network of the task
// (cajal.Options.Progress), or nil when progress is not shown.
func (p *progress) Network() func(done, total float64) {
	if p == nil || p.mode == "none" {
		return nil
	}
	n := &netProgress{}
	p.mu.Lock()
	p.nets = append(p.nets, n)
	p.mu.Unlock()
	return func(done, total float64) {
		p.mu.Lock()
		defer p.mu.Unlock()
		if done < n.done || total != n.total {
			// A new run of this network.
			n.before += n.done
			n.totalBefore += n.total
		}
		n.done, n.total = done, total
		p.update()
	}
}

// sums are the simulated seconds done and to do of the task.
func (p *progress) sums() (done, total float64) {
	for _, n := range p.nets {
		done += n.before + n.done
		total += n.totalBefore + n.total
	}
	if p.total > 0 {
		total = p.total
	}
	return done, max(total, done)
}

// status writes the simulated time, the speed and the time left.
func (p *progress) status(done, total float64, elapsed time.Duration) string {
	s := fmt.Sprintf("%.4g of %.4g s simulated", done, total)
	if elapsed < time.Millisecond || done <= p.done0 {
		return s
	}
	speed := (done - p.done0) / elapsed.Seconds()
	s += fmt.Sprintf(", %.3g s/s", speed)
	if done < total {
		left := time.Duration((total - done) / speed * float64(time.Second))
		if left < 10*time.Second {
			left = left.Round(100 * time.Millisecond)
		} else {
			left = left.Round(time.Second)
		}
		s += ", " + left.String() + " left"
	}
	return s
}

// update shows the progress; p.mu is held.
func (p *progress) update() {
	now := time.Now()
	done, total := p.sums()
	if p.start.IsZero() {
		p.start, p.done0 = now, done
	}
	switch p.mode {
	case "bar":
		if p.bar == nil {
			p.bar = pb.New64(1e6).SetTemplateString(barTemplate).SetWriter(p.w).
				Set(pb.Terminal, true).Set(pb.ReturnSymbol, "\r").Set("label", p.label).SetRefreshRate(200 * time.Millisecond)
			if w, err := termutil.TerminalWidth(); err != nil || w < 20 {
				p.bar.SetWidth(100) // no width known (a pseudo-terminal of size 0)
			}
			p.bar.Start()
		}
		// Microseconds of simulated time.
		p.bar.SetTotal(int64(total*1e6)).SetCurrent(int64(done*1e6)).Set("status", p.status(done, total, now.Sub(p.start)))
	case "text":
		if now.Sub(p.shown) >= textEvery {
			p.shown = now
			p.line(done, total, now)
		}
	}
}

// line writes a text report.
func (p *progress) line(done, total float64, now time.Time) {
	pct := 100.0
	if total > 0 {
		pct = 100 * done / total
	}
	fmt.Fprintf(p.w, "%s: %.0f%%, %s\n", p.label, pct, p.status(done, total, now.Sub(p.start)))
}

// Finish ends the task's report: the bar is drawn complete, or a last
// text line is written.
func (p *progress) Finish() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil {
		p.bar.Finish()
		p.bar = nil
	} else if p.mode == "text" && !p.start.IsZero() {
		done, total := p.sums()
		p.line(done, total, time.Now())
	}
	p.nets, p.start = nil, time.Time{}
}
