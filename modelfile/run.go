package modelfile

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/cajal-sim/cajal"
	"github.com/cajal-sim/cajal/record"
	"github.com/cajal-sim/cajal/unit"
)

// Result is what a run of a model file produced.
type Result struct {
	Summary string
	// Data are the monitors' .npy files, each with a JSON file beside it
	// (the units); Files are the CSV files and figures made from them.
	Data  []string
	Files []string
	// Checkpoint is the checkpoint written when the runs ended or were
	// stopped, if one was asked for (Checkpoints.Path).
	Checkpoint string
	// Warnings are about a file that ran but is likely not what was meant
	// (no monitors); Summary ends with them too.
	Warnings []string
}

// Run builds the network, runs it and writes each monitor's records to
// outDir ("" for none): see RunContext.
func (f *File) Run(outDir string) (*Result, error) {
	return f.RunContext(context.Background(), outDir)
}

// RunContext builds the network and runs it, streaming the monitors'
// records to .npy files in outDir, which is checked before anything is
// simulated. When the runs are done it writes CSV files and figures from
// them. If a run fails or ctx is done (the run then stops at a step
// boundary), the data files are flushed and closed, with a note of why,
// and RunContext returns the Result so far (Data, no CSV or figures)
// with the error.
func (f *File) RunContext(ctx context.Context, outDir string) (*Result, error) {
	return f.RunCheckpointed(ctx, outDir, Checkpoints{})
}

// RunCheckpointed is RunContext with checkpoints (see Checkpoints): it
// may resume from one, writes them as the runs go, and writes one when
// the runs end or a stop (ctx done) ends them.
func (f *File) RunCheckpointed(ctx context.Context, outDir string, ck Checkpoints) (*Result, error) {
	if f == nil {
		return nil, errors.New("modelfile: a nil File")
	}
	if err := f.validate(); err != nil {
		return nil, err
	}
	if ck.Path != "" {
		if err := f.checkpointable(); err != nil {
			return nil, err
		}
	}
	if outDir != "" {
		if err := record.CheckDir(outDir); err != nil {
			return nil, err
		}
	}
	b, err := f.build(outDir, ck)
	if err != nil {
		return nil, err
	}
	from := int64(0)
	if ck.Resume {
		if err := b.net.Resume(ck.Path); err != nil {
			return nil, err
		}
		from = int64(math.Round(b.net.T().Value / b.net.Dt().Value))
	}
	runErr := f.runAll(ctx, b, from)
	res := &Result{}
	if ck.Path != "" && (runErr == nil || errors.Is(runErr, context.Canceled) || errors.Is(runErr, context.DeadlineExceeded)) {
		// The network stands at a step boundary: the end of the runs, or
		// the step a stop came before.
		if err := b.net.Checkpoint(ck.Path); err != nil {
			runErr = errors.Join(runErr, err)
		} else {
			res.Checkpoint = ck.Path
		}
	}
	closeErr := b.net.Close()
	res.Summary, res.Data, res.Warnings = b.summary(), b.net.Files(), b.warnings()
	if err := errors.Join(runErr, closeErr); err != nil {
		return res, err
	}
	if outDir != "" {
		res.Files, err = b.outputs()
	}
	return res, err
}

// runAll does the file's runs in order, applying their namespace changes,
// from step from on: runs that end before it only change the namespaces,
// and the run it falls in runs its remaining steps.
func (f *File) runAll(ctx context.Context, b *built, from int64) error {
	end := int64(0) // the step at which the runs so far end
	for k := range f.Runs {
		d, changes, err := f.run(k)
		if err != nil {
			return err
		}
		for name, v := range changes {
			for _, n := range b.namespaces {
				n[name] = v
			}
		}
		steps := int64(math.Round(d.Value / b.net.Dt().Value))
		end += steps
		if end <= from {
			continue
		}
		if left := min(steps, end-from); left < steps {
			d = unit.Q(float64(left)*b.net.Dt().Value, unit.Second)
		}
		if err := b.net.RunContext(ctx, d); err != nil {
			return err
		}
	}
	return nil
}

// summary gives each spike monitor's count and mean rate, or, without
// spike monitors, the simulated time and the network's size; it is never
// empty.
func (b *built) summary() string {
	var lines []string
	T := b.net.T().Value
	for _, m := range b.spikes {
		line := fmt.Sprintf("%s: %d spikes", m.name, m.m.Num())
		if T > 0 && m.n > 0 {
			line += fmt.Sprintf(", %.2f Hz", float64(m.m.Num())/float64(m.n)/T)
		}
		lines = append(lines, line)
	}
	sort.Strings(lines)
	if len(lines) == 0 {
		n := 0
		for _, g := range b.groups {
			n += g.N()
		}
		lines = append(lines, fmt.Sprintf("simulated %g s (%d steps) of %d neurons in %d groups; no spike monitor counted spikes",
			T, int64(math.Round(T/b.net.Dt().Value)), n, len(b.groups)))
	}
	for _, w := range b.warnings() {
		lines = append(lines, "warning: "+w)
	}
	return strings.Join(lines, "\n")
}

// warnings are what a run of the file did that is likely not what was
// meant: no monitors, so nothing was recorded.
func (b *built) warnings() []string {
	if len(b.spikes)+len(b.states)+len(b.rates)+len(b.synStates)+len(b.weights) > 0 {
		return nil
	}
	return []string{"the file has no monitors, so the run recorded nothing; add one, e.g. [[spikes]] with source = \"" + b.firstGroup() + "\""}
}

// firstGroup is the name of a group of the network, for messages.
func (b *built) firstGroup() string {
	names := sortedKeys(b.groups)
	if len(names) == 0 {
		return "group"
	}
	return names[0]
}

// namespace merges the file's namespace with a group's own.
func namespace(global, own map[string]any) cajal.Namespace {
	ns := cajal.Namespace{}
	for k, v := range global {
		ns[k] = v
	}
	for k, v := range own {
		ns[k] = v
	}
	return ns
}
