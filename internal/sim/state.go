package sim

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"maps"
	"sort"
)

// State is a network's state between two steps as named values
// ([]float64, []int32 or []int64), for checkpoints: the step, every
// variable of the groups and synapses, the spikes of the last step, the
// events in flight in the delay queues, the event counters and the
// records the monitors keep in memory. Random numbers are keyed by the
// step, so the step is the position of every random stream.
type State map[string]any

// SaveState adds the network's state to st. Synapses are put in their
// places (Sort) first. Values are the network's own slices where they
// can be: st must be written out before the network runs again.
func (n *Network) SaveState(st State) error {
	st["step"] = []int64{n.Step}
	for k, g := range n.Groups {
		p := fmt.Sprintf("group/%d/", k)
		saveVars(st, p, g.Arrays, g.Scalars)
		st[p+"spikes"] = g.Spikes
	}
	for k, s := range n.Synapses {
		s.Sort()
		p := fmt.Sprintf("synapses/%d/", k)
		saveVars(st, p, s.Arrays, s.Scalars)
		for q, pw := range s.Pathways {
			pw.save(st, fmt.Sprintf("%spathway/%d/", p, q), uint64(n.Step))
		}
	}
	for k, m := range n.Monitors {
		if err := saveMonitor(st, fmt.Sprintf("monitor/%d/", k), m); err != nil {
			return err
		}
	}
	n.saveSplit(st)
	return nil
}

func saveVars(st State, prefix string, arrays map[string][]float64, scalars map[string]float64) {
	for name, a := range arrays {
		st[prefix+"array/"+name] = a
	}
	for name, x := range scalars {
		st[prefix+"scalar/"+name] = []float64{x}
	}
}

// save adds the ring of queued events in the order they fall due: slots
// holds the number of entries due at step+d for d = 0, 1, ..., and queue
// the entries themselves, one slot after another.
func (p *Pathway) save(st State, prefix string, step uint64) {
	L := uint64(len(p.ring))
	slots := make([]int32, L)
	var queue []int32
	for d := range L {
		due := p.ring[(step+d)%L]
		slots[d] = int32(len(due))
		queue = append(queue, due...)
	}
	st[prefix+"slots"] = slots
	st[prefix+"queue"] = queue
	st[prefix+"events"] = []int64{p.Events}
	st[prefix+"mode"] = []int32{p.mode()}
}

// Kinds of the entries of a ring.
const (
	queueRows     = 0 // presynaptic rows (one delay)
	queuePostRows = 1 // postsynaptic neurons (one delay, on_post)
	queueSynapses = 2 // synapses (one delay per synapse)
)

func (p *Pathway) mode() int32 {
	switch {
	case p.PerSynapse != nil:
		return queueSynapses
	case p.FromPost:
		return queuePostRows
	}
	return queueRows
}

// LoadState sets the network's state from st, saved by SaveState of the
// same network (the same structure; see Structure). Everything is checked
// before anything changes: on an error the network is as it was.
func (n *Network) LoadState(st State) error {
	apply, err := n.CheckState(st)
	if err != nil {
		return err
	}
	apply()
	return nil
}

// CheckState checks st as LoadState does, changing nothing, and returns
// the function that sets the network's state from it: the ranks of a
// split network each check their own state, and set it once all agree.
// A split network must have been laid out first (SplitLayout).
func (n *Network) CheckState(st State) (apply func(), err error) {
	l := &loader{st: st}
	n.loadSplit(l)
	step := l.int64s("step", 1)
	if step != nil && step[0] < 0 {
		l.fail("the checkpoint's step is %d", step[0])
	}
	for k, g := range n.Groups {
		p := fmt.Sprintf("group/%d/", k)
		l.vars(p, g.Arrays, g.Scalars)
		spikes := l.int32s(p+"spikes", -1)
		l.then(func() { g.Spikes = append(g.Spikes[:0], spikes...) })
	}
	for k, s := range n.Synapses {
		s.Sort()
		p := fmt.Sprintf("synapses/%d/", k)
		l.vars(p, l.traces(p, s), s.Scalars)
		for q, pw := range s.Pathways {
			l.pathway(fmt.Sprintf("%spathway/%d/", p, q), pw, step, s)
		}
	}
	for k, m := range n.Monitors {
		loadMonitor(l, fmt.Sprintf("monitor/%d/", k), m)
	}
	if l.err != nil {
		return nil, l.err
	}
	return func() {
		n.Step = step[0]
		for _, f := range l.apply {
			f()
		}
	}, nil
}

// loader checks the values of a State and gathers what setting them
// takes, to be done once all are checked.
type loader struct {
	st    State
	err   error
	apply []func()
}

func (l *loader) fail(format string, args ...any) {
	if l.err == nil {
		l.err = fmt.Errorf(format, args...)
	}
}

func (l *loader) then(f func()) { l.apply = append(l.apply, f) }

// get returns the entry name, of type T and length n (any length when n
// is negative).
func get[T any](l *loader, name string, n int) []T {
	v, ok := l.st[name]
	if !ok {
		l.fail("the checkpoint has no %s", name)
		return nil
	}
	a, ok := v.([]T)
	if !ok {
		var zero T
		l.fail("the checkpoint's %s is %T, want []%T", name, v, zero)
		return nil
	}
	if n >= 0 && len(a) != n {
		l.fail("the checkpoint's %s has %d values, want %d", name, len(a), n)
		return nil
	}
	return a
}

func (l *loader) float64s(name string, n int) []float64 { return get[float64](l, name, n) }
func (l *loader) int32s(name string, n int) []int32     { return get[int32](l, name, n) }
func (l *loader) int64s(name string, n int) []int64     { return get[int64](l, name, n) }

// vars copies arrays and scalars in place: programs and monitors hold the
// arrays.
func (l *loader) vars(prefix string, arrays map[string][]float64, scalars map[string]float64) {
	for name, a := range arrays {
		src := l.float64s(prefix+"array/"+name, len(a))
		l.then(func() { copy(a, src) })
	}
	for name := range scalars {
		x := l.float64s(prefix+"scalar/"+name, 1)
		l.then(func() { scalars[name] = x[0] })
	}
}

// traces brings the per-synapse arrays of s's traces (and lastupdate) to
// the checkpoint's: an array the checkpoint holds is made if missing, and
// one it does not hold goes (the trace was kept per neuron, in the neuron
// group's arrays). It returns the arrays to load as usual.
func (l *loader) traces(prefix string, s *Synapses) map[string][]float64 {
	arrays := maps.Clone(s.Arrays)
	for _, name := range s.TraceArrays() {
		_, saved := l.st[prefix+"array/"+name]
		_, here := s.Arrays[name]
		switch {
		case saved && !here:
			a := l.float64s(prefix+"array/"+name, len(s.Post))
			l.then(func() { s.Arrays[name] = append([]float64(nil), a...) })
		case !saved && here:
			delete(arrays, name)
			l.then(func() { delete(s.Arrays, name) })
		}
	}
	return arrays
}

// pathway sets a ring from slots and queue (see Pathway.save): the
// entries due at step+d go to slot (step+d) mod L.
func (l *loader) pathway(prefix string, p *Pathway, step []int64, s *Synapses) {
	slots := l.int32s(prefix+"slots", -1)
	queue := l.int32s(prefix+"queue", -1)
	events := l.int64s(prefix+"events", 1)
	mode := l.int32s(prefix+"mode", 1)
	if l.err != nil {
		return
	}
	var limit int32
	switch mode[0] {
	case queueRows:
		limit = int32(s.SrcHi - s.SrcLo)
	case queuePostRows:
		limit = int32(s.TgtHi - s.TgtLo)
	case queueSynapses:
		limit = int32(len(s.Post))
	default:
		l.fail("the checkpoint's %smode is %d", prefix, mode[0])
		return
	}
	total := 0
	for _, c := range slots {
		if c < 0 || total+int(c) > len(queue) {
			l.fail("the checkpoint's %sslots do not match its queue", prefix)
			return
		}
		total += int(c)
	}
	for _, x := range queue {
		if x < 0 || x >= limit {
			l.fail("the checkpoint's %squeue holds %d, outside 0 to %d", prefix, x, limit-1)
			return
		}
	}
	if total != len(queue) {
		l.fail("the checkpoint's %sslots do not match its queue", prefix)
		return
	}
	l.then(func() {
		L := uint64(len(slots))
		p.ring = make([][]int32, L)
		at := 0
		for d, c := range slots {
			p.ring[(uint64(step[0])+uint64(d))%L] = append([]int32(nil), queue[at:at+int(c)]...)
			at += int(c)
		}
		p.Events = events[0]
	})
}

// Structure describes what a state of the network holds, one line per
// fact (a key, a tab, the value): dt, seed, each group's name, size and variables,
// each synapse group's ends, connections (a digest), variables and
// pathways, each monitor's kind. Two networks whose structures are equal
// can exchange states.
func (n *Network) Structure() []string {
	out := []string{fmt.Sprintf("dt\t%v s", n.Dt), fmt.Sprintf("seed\t%d", n.Seed)}
	index := map[*Group]int{}
	for k, g := range n.Groups {
		index[g] = k
		p := fmt.Sprintf("group %d (%s)", k, g.Name)
		out = append(out, p+": name\t"+g.Name, fmt.Sprintf("%s: size\t%d", p, g.N))
		out = append(out, varLines(p, g.Arrays, g.Scalars)...)
	}
	for k, s := range n.Synapses {
		s.Sort()
		p := fmt.Sprintf("synapses %d (%s)", k, s.Name)
		out = append(out, p+": name\t"+s.Name,
			fmt.Sprintf("%s: source\tgroup %d [%d:%d]", p, index[s.Src], s.SrcLo, s.SrcHi),
			fmt.Sprintf("%s: target\tgroup %d [%d:%d]", p, index[s.Tgt], s.TgtLo, s.TgtHi),
			fmt.Sprintf("%s: synapses\t%d", p, len(s.Post)),
			fmt.Sprintf("%s: connections\t%s", p, s.digest()))
		out = append(out, varLines(p, s.Arrays, s.Scalars)...)
		for q, pw := range s.Pathways {
			out = append(out, fmt.Sprintf("%s: pathway %d\t%s", p, q, pw.Name))
		}
	}
	for k, m := range n.Monitors {
		out = append(out, fmt.Sprintf("monitor %d\t%s", k, describeMonitor(m, index)))
	}
	return out
}

func varLines(prefix string, arrays map[string][]float64, scalars map[string]float64) []string {
	var a, s []string
	for name := range arrays {
		a = append(a, name)
	}
	for name := range scalars {
		s = append(s, name)
	}
	sort.Strings(a)
	sort.Strings(s)
	return []string{fmt.Sprintf("%s: variables\t%v", prefix, a), fmt.Sprintf("%s: shared variables\t%v", prefix, s)}
}

// digest is a SHA-256 digest of the synapses' places: each one's
// postsynaptic neuron and the rows.
func (s *Synapses) digest() string {
	h := sha256.New()
	var b []byte
	for _, part := range [][]int32{s.Post, s.preStart} {
		b = binary.LittleEndian.AppendUint64(b[:0], uint64(len(part)))
		h.Write(b)
		for lo := 0; lo < len(part); lo += 4096 {
			b = b[:0]
			for _, x := range part[lo:min(lo+4096, len(part))] {
				b = binary.LittleEndian.AppendUint32(b, uint32(x))
			}
			h.Write(b)
		}
	}
	return fmt.Sprintf("%x", h.Sum(nil)[:12])
}
