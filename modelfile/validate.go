package modelfile

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/cajal-sim/cajal"
	"github.com/cajal-sim/cajal/internal/check"
	"github.com/cajal-sim/cajal/unit"
)

// validate checks what the network would otherwise ignore or get wrong
// silently: the runs and their namespace changes, names that would collide,
// connection rules whose parts exclude each other, and monitors whose files
// would overwrite each other. Errors name the key's line and column when
// the File was read by Parse or Load.
func (f *File) validate() error {
	k := f.pos
	if len(f.Runs) == 0 {
		return k.errorf("runs", "no runs: add runs = [\"1*second\"]")
	}
	for r := range f.Runs {
		if _, _, err := f.run(r); err != nil {
			return err
		}
	}
	if err := f.validateSynapses(); err != nil {
		return err
	}
	if err := f.validateTimedArrays(); err != nil {
		return err
	}
	return f.validateMonitors()
}

// run returns run r's duration and namespace changes, checking that each
// change names a value of some namespace of the file.
func (f *File) run(r int) (unit.Quantity, map[string]any, error) {
	k, path := f.pos, "runs."+strconv.Itoa(r)
	text, changes := "", map[string]any(nil)
	switch v := f.Runs[r].(type) {
	case string:
		text = v
	case map[string]any:
		for key := range v {
			if key != "duration" && key != "namespace" {
				return unit.Quantity{}, nil, k.errorf(join(path, key), "runs[%d]: unknown key %q; a run is { duration = ..., namespace = {...} }", r, key)
			}
		}
		text, _ = v["duration"].(string)
		if ns, ok := v["namespace"]; ok {
			if changes, ok = ns.(map[string]any); !ok {
				return unit.Quantity{}, nil, k.errorf(join(path, "namespace"), "runs[%d]: namespace must be a table of values", r)
			}
		}
	}
	d, err := unit.Parse(text)
	if err != nil {
		return d, nil, k.errorf(path, "runs[%d]: a duration such as \"1*second\", or { duration = ..., namespace = {...} }: %v", r, err)
	}
	if !d.Dim.Equal(unit.Second.Dim) || !(d.Value >= 0) || math.IsInf(d.Value, 0) {
		return d, nil, k.errorf(path, "runs[%d]: a run's duration must be a finite, non-negative duration, got %q", r, text)
	}
	if steps := d.Value / f.dt(); steps > cajal.MaxSteps {
		return d, nil, k.errorf(path, "runs[%d]: %q is %.3g steps of dt; at most 2^53 steps are supported", r, text, steps)
	}
	known := f.namespaceNames()
	for _, name := range sortedKeys(changes) {
		if known[name] {
			continue
		}
		msg := fmt.Sprintf("runs[%d]: the namespace change %q names no value of the file's namespace or of a group's", r, name)
		if s := check.Suggest(name, sortedKeys(known)); s != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", s)
		}
		return d, nil, k.errorf(join(path, "namespace."+name), "%s", msg)
	}
	return d, changes, nil
}

// dt is the file's time step in seconds, 0.1 ms if it has none or an
// invalid one (NewNetwork reports that).
func (f *File) dt() float64 {
	if q, err := unit.Parse(f.Dt); err == nil && q.Value > 0 {
		return q.Value
	}
	return 1e-4
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// namespaceNames are the names of every namespace of the file.
func (f *File) namespaceNames() map[string]bool {
	known := map[string]bool{}
	add := func(ns map[string]any) {
		for name := range ns {
			known[name] = true
		}
	}
	add(f.Namespace)
	for _, g := range f.Neurons {
		add(g.Namespace)
	}
	for _, s := range f.Synapses {
		add(s.Namespace)
	}
	return known
}

// validateSynapses checks the synapse groups' names and connection rules.
func (f *File) validateSynapses() error {
	k := f.pos
	seen := map[string]int{}
	for i, s := range f.Synapses {
		path := "synapses." + strconv.Itoa(i)
		name := s.Name
		if name == "" {
			name = fmt.Sprintf("synapses%d", i+1)
		}
		if j, dup := seen[name]; dup {
			return k.errorf(join(path, "name"), "synapses %q: two synapse groups have this name (the first is synapses %d)", name, j+1)
		}
		seen[name] = i
		c, at := s.Connect, join(path, "connect")
		// n = 0 in the file is an error; a File made in Go leaves 0 for one.
		if k.has(join(at, "n")) && c.N < 1 || c.N < 0 {
			return k.errorf(join(at, "n"), "synapses %s: connect n (synapses per pair) must be at least 1, got %d", name, c.N)
		}
		if err := validateRules(k, at, name, c); err != nil {
			return err
		}
		pairs := c.I != nil || c.J != nil
		switch {
		case c.OneToOne && pairs:
			return k.errorf(join(at, "one_to_one"), "synapses %s: connect has both one_to_one and i, j pairs; give one rule", name)
		case c.P != nil && c.OneToOne:
			return k.errorf(join(at, "p"), "synapses %s: connect p thins the all-to-all rule and cannot be combined with one_to_one; use a condition", name)
		case c.P != nil && pairs:
			return k.errorf(join(at, "p"), "synapses %s: connect p thins the all-to-all rule and cannot be combined with i, j pairs", name)
		}
	}
	return nil
}

// validateMonitors refuses two monitors of one kind on one source: their
// files would have the same names.
func (f *File) validateMonitors() error {
	k := f.pos
	for _, kind := range []struct {
		key     string
		sources []string
	}{
		{"spikes", sourcesOf(f.Spikes, func(m SpikeMonitor) string { return m.Source })},
		{"states", sourcesOf(f.States, func(m StateMonitor) string { return m.Source })},
		{"rates", sourcesOf(f.Rates, func(m RateMonitor) string { return m.Source })},
		{"synapse_states", sourcesOf(f.SynStates, func(m SynapseStates) string { return m.Synapses })},
	} {
		seen := map[string]int{}
		for i, src := range kind.sources {
			file := strings.Join(strings.Fields(src), "") // one source, one file name
			if j, dup := seen[file]; dup {
				return k.errorf(join(kind.key, strconv.Itoa(i)), "%s %d records %q as %s %d does; their files would overwrite each other (record both variables in one monitor, or use two slices)",
					kind.key, i+1, src, kind.key, j+1)
			}
			seen[file] = i
		}
	}
	for i, sm := range f.SynStates {
		for j, st := range f.States {
			if strings.Join(strings.Fields(st.Source), "") == sm.Synapses {
				return k.errorf(join("synapse_states", strconv.Itoa(i)), "synapse_states %d records the synapses %q and states %d the neurons %q; their files would overwrite each other (rename the synapse group)",
					i+1, sm.Synapses, j+1, st.Source)
			}
		}
	}
	return nil
}

func sourcesOf[M any](ms []M, source func(M) string) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = source(m)
	}
	return out
}

// validateRules checks that a connect gives at most one rule, offsets as
// [lo, hi], and allow_autapses or allow_multapses only with a rule that
// reads them.
func validateRules(k *keyPos, at, name string, c Connect) error {
	rules := connectRules(c)
	if len(rules) > 1 {
		return k.errorf(join(at, rules[1]), "synapses %s: connect gives two rules, %s and %s; give one", name, rules[0], rules[1])
	}
	if c.Offsets != nil && len(c.Offsets) != 2 {
		return k.errorf(join(at, "offsets"), "synapses %s: connect offsets is [lo, hi] (j = i + k for lo <= k < hi), got %d numbers", name, len(c.Offsets))
	}
	fixed := c.FixedInDegree != nil || c.FixedOutDegree != nil || c.FixedTotalNumber != nil
	if c.AllowAutapses != nil && !fixed && c.Offsets == nil {
		return k.errorf(join(at, "allow_autapses"), "synapses %s: connect allow_autapses goes with fixed_indegree, fixed_outdegree, fixed_total_number or offsets; use condition = \"i != j\" with other rules", name)
	}
	if c.AllowMultapses != nil && !fixed {
		return k.errorf(join(at, "allow_multapses"), "synapses %s: connect allow_multapses goes with fixed_indegree, fixed_outdegree or fixed_total_number", name)
	}
	return nil
}

// validateTimedArrays checks that each TimedArray has values, inline or
// from a file.
func (f *File) validateTimedArrays() error {
	for i, t := range f.TimedArrays {
		if len(t.Values) == 0 && t.File == "" {
			return f.pos.errorf("timed_arrays."+strconv.Itoa(i), "timed_arrays %q: give values = [...] or file = \"values.npy\"", t.Name)
		}
	}
	return nil
}
