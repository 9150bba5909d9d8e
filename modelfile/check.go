package modelfile

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/cajal-sim/cajal"
)

// Summary is the size of a file's network as Check finds it without
// running it.
type Summary struct {
	Groups   int // neuron and Poisson groups
	Neurons  int // in all groups
	Pathways int // synapse groups
	// Synapses is the expected number of synapses: exact for pairs,
	// one-to-one and all-to-all rules, the mean for a probability p, and
	// an upper bound (Bound) where a condition thins the candidates.
	Synapses float64
	Bound    bool
	Monitors int     // spike, state and rate monitors
	Duration float64 // simulated time of the runs, in seconds
	Steps    int64   // time steps of the runs
	// Memory is the estimate, in bytes, of the groups, synapses and
	// monitors (docs/limits.md); Limit is the network's memory limit.
	Memory int64
	Limit  int64
}

// plan counts the synapses Check expects, and their memory.
type plan struct {
	synapses float64
	bytes    float64
	bound    bool
}

// count adds the synapses that connection c of group sg would make.
func (p *plan) count(name string, src, tgt cajal.Source, sg *cajal.SynapseGroup, c Connect) error {
	ns, nt := float64(size(src)), float64(size(tgt))
	var n float64
	switch {
	case c.I != nil || c.J != nil:
		if len(c.I) != len(c.J) {
			return fmt.Errorf("synapses %s: connect has %d sources i and %d targets j", name, len(c.I), len(c.J))
		}
		n = float64(len(c.I))
	case c.OneToOne:
		if ns != nt {
			return fmt.Errorf("synapses %s: one-to-one needs groups of one size, got %g and %g", name, ns, nt)
		}
		n = ns
	case c.FixedInDegree != nil:
		n = float64(*c.FixedInDegree) * nt
	case c.FixedOutDegree != nil:
		n = float64(*c.FixedOutDegree) * ns
	case c.FixedTotalNumber != nil:
		n = float64(*c.FixedTotalNumber)
	case len(c.Offsets) == 2:
		// At most one synapse per offset and source neuron.
		n = ns * float64(max(c.Offsets[1]-c.Offsets[0], 0))
		p.bound = true
	default:
		n = ns * nt
		if c.P != nil {
			if !(*c.P >= 0 && *c.P <= 1) {
				return fmt.Errorf("synapses %s: connect p = %g is not a probability", name, *c.P)
			}
			n *= *c.P
		}
		p.bound = p.bound || c.Condition != ""
	}
	n *= float64(max(c.N, 1))
	if n > math.MaxInt32 {
		return fmt.Errorf("synapses %s: about %.3g synapses; a group holds at most 2^31 - 1", name, n)
	}
	p.synapses += n
	p.bytes += n * sg.BytesPerSynapse()
	return nil
}

// Check validates the file and builds its network without connecting the
// synapses or running: it finds what a run would refuse at the start
// (names, equations, units, initial values, the memory limit) and
// returns the network's size and memory estimate. Connection conditions
// are not evaluated; a run tests them.
func (f *File) Check() (Summary, error) {
	if f == nil {
		return Summary{}, errors.New("modelfile: a nil File")
	}
	if err := f.validate(); err != nil {
		return Summary{}, err
	}
	p := &plan{}
	b, err := f.buildNet("", Checkpoints{}, p)
	if err != nil {
		return Summary{}, err
	}
	defer b.net.Close()
	d, err := f.Duration()
	if err != nil {
		return Summary{}, err
	}
	s := Summary{Groups: len(f.Neurons) + len(f.Poisson), Pathways: len(f.Synapses), Synapses: p.synapses, Bound: p.bound,
		Monitors: len(f.Spikes) + len(f.States) + len(f.Rates), Duration: d.Value,
		Memory: b.net.MemoryInUse() + int64(p.bytes), Limit: b.net.MemoryLimit()}
	for k := range f.Runs {
		r, _, _ := f.run(k)
		s.Steps += int64(math.Round(r.Value / b.net.Dt().Value))
	}
	for _, g := range b.groups {
		s.Neurons += g.N()
	}
	if s.Memory > s.Limit {
		return s, fmt.Errorf("the network would take about %s; the memory limit is %s (docs/limits.md)", sizeText(float64(s.Memory)), sizeText(float64(s.Limit)))
	}
	return s, nil
}

// String writes the summary as a few lines.
func (s Summary) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "neurons   %d in %d group(s)\n", s.Neurons, s.Groups)
	about := "expected"
	if s.Bound {
		about = "at most (a condition thins them)"
	}
	fmt.Fprintf(&b, "synapses  %.0f %s, in %d group(s)\n", s.Synapses, about, s.Pathways)
	fmt.Fprintf(&b, "monitors  %d\n", s.Monitors)
	fmt.Fprintf(&b, "runs      %g s, %d steps\n", s.Duration, s.Steps)
	fmt.Fprintf(&b, "memory    about %s (limit %s)", sizeText(float64(s.Memory)), sizeText(float64(s.Limit)))
	return b.String()
}

// sizeText writes a size with a binary prefix: 1.5 GiB.
func sizeText(b float64) string {
	units := []string{"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"}
	k := 0
	for b >= 1024 && k < len(units)-1 {
		b /= 1024
		k++
	}
	if k == 0 {
		return fmt.Sprintf("%.0f B", b)
	}
	return fmt.Sprintf("%.3g %s", b, units[k])
}
