package modelfile

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/pelletier/go-toml/v2"
)

// File is a model file.
type File struct {
	Dt      string `toml:"dt"`
	Seed    uint64 `toml:"seed"`
	Threads int    `toml:"threads"`
	// Runs are the runs in order: a duration ("1*second"), or a table
	// { duration = "9*second", namespace = { eta = 0.01 } } that changes
	// namespace values (of the file and of every group) before the run.
	Runs      []any          `toml:"runs"`
	Namespace map[string]any `toml:"namespace"`
	// TimedArrays are added to every namespace of the file by name.
	TimedArrays   []TimedArray     `toml:"timed_arrays"`
	Neurons       []Neurons        `toml:"neurons"`
	Poisson       []Poisson        `toml:"poisson"`
	Generators    []Generator      `toml:"generators"`
	Synapses      []Synapses       `toml:"synapses"`
	PoissonInputs []PoissonInput   `toml:"poisson_inputs"`
	Regularly     []RunRegularly   `toml:"run_regularly"`
	Spikes        []SpikeMonitor   `toml:"spikes"`
	States        []StateMonitor   `toml:"states"`
	Rates         []RateMonitor    `toml:"rates"`
	SynStates     []SynapseStates  `toml:"synapse_states"`
	Weights       []WeightRecorder `toml:"weights"`

	pos    *keyPos // where Parse found each key; nil for a File made in Go
	dir    string  // the file's folder, for the paths it names; "" for a File made in Go
	digest string  // of the file's text, which checkpoints name
	// progress is the runs' progress callback (SetProgress).
	progress func(done, total float64)
}

// StateMonitor records variables of chosen neurons at an interval.
type StateMonitor struct {
	Source   string   `toml:"source"`
	Vars     []string `toml:"vars"`
	Indices  []int    `toml:"indices"`  // within the source; empty for all
	Interval string   `toml:"interval"` // a duration; empty for every step
}

// RateMonitor records the population rate of a group or subgroup.
type RateMonitor struct {
	Source string `toml:"source"`
}

// Neurons is a neuron group. Model is either equations or the name of a
// neuron model of package models ("iaf_cond_exp"), whose parameters
// Params changes; a named model brings its own threshold, reset,
// refractory period, method and namespace.
type Neurons struct {
	Name       string         `toml:"name"`
	N          int            `toml:"n"`
	Model      string         `toml:"model"`
	Params     map[string]any `toml:"params"`
	Threshold  string         `toml:"threshold"`
	Reset      string         `toml:"reset"`
	Refractory string         `toml:"refractory"`
	Method     string         `toml:"method"`
	Namespace  map[string]any `toml:"namespace"`
	Init       map[string]any `toml:"init"` // values or expressions
}

// Poisson is a group of Poisson sources.
type Poisson struct {
	Name  string `toml:"name"`
	N     int    `toml:"n"`
	Rates string `toml:"rates"` // a quantity or an expression in t and i
}

// Synapses is a synapse group and how it connects. Model is either
// synaptic equations or the name of a synapse model of package models
// ("stdp"), whose parameters Params changes; Receptor then says how a
// presynaptic spike reaches the target: a receptor of the target's named
// model ("ex") or a statement ("v += w*mV").
type Synapses struct {
	Name      string         `toml:"name"`
	Source    string         `toml:"source"`
	Target    string         `toml:"target"`
	Model     string         `toml:"model"`
	Params    map[string]any `toml:"params"`
	Receptor  string         `toml:"receptor"`
	OnPre     string         `toml:"on_pre"`
	OnPost    string         `toml:"on_post"`
	Delay     string         `toml:"delay"`
	Method    string         `toml:"method"`
	Namespace map[string]any `toml:"namespace"`
	Connect   Connect        `toml:"connect"`
	Init      map[string]any `toml:"init"`
}

// Connect is a connection rule; empty means all to all. FixedInDegree,
// FixedOutDegree, FixedTotalNumber and Offsets are NEST's and Brian2's
// rules (cajal.FixedInDegree, ..., cajal.Offsets); AllowAutapses and
// AllowMultapses (default true) go with them.
type Connect struct {
	P                *float64 `toml:"p"`
	Condition        string   `toml:"condition"`
	OneToOne         bool     `toml:"one_to_one"`
	N                int      `toml:"n"` // synapses per pair
	I                []int    `toml:"i"` // explicit pairs: i[k] -> j[k]
	J                []int    `toml:"j"`
	FixedInDegree    *int     `toml:"fixed_indegree"`
	FixedOutDegree   *int     `toml:"fixed_outdegree"`
	FixedTotalNumber *int     `toml:"fixed_total_number"`
	Offsets          []int    `toml:"offsets"` // [lo, hi]: j = i + k for lo <= k < hi
	AllowAutapses    *bool    `toml:"allow_autapses"`
	AllowMultapses   *bool    `toml:"allow_multapses"`
}

// SpikeMonitor records the spikes of a group or subgroup, and with Vars
// the values of those variables of the spiking neuron at each spike.
type SpikeMonitor struct {
	Source string   `toml:"source"`
	Vars   []string `toml:"vars"`
}

// Generator is a spike generator group (cajal.SpikeGenerator): neuron
// Indices[k] fires at Times[k], repeating every Period if one is given.
type Generator struct {
	Name    string    `toml:"name"`
	N       int       `toml:"n"`
	Indices []int     `toml:"indices"`
	Times   []string  `toml:"times"` // durations: "5*ms"
	Period  string    `toml:"period"`
	Weights []float64 `toml:"weights"`
}

// PoissonInput is a cajal.PoissonInput: N Poisson sources at Rate, each
// spike adding Weight to Var of every neuron of Target.
type PoissonInput struct {
	Target string `toml:"target"`
	Var    string `toml:"var"`
	N      int    `toml:"n"`
	Rate   string `toml:"rate"`
	Weight string `toml:"weight"` // a quantity or an expression
}

// TimedArray is a cajal.TimedArray named Name in every namespace: values
// inline (Values, Neurons columns per row) or from a .npy file of
// float64 (one dimension: one value per row; two: rows by neurons),
// relative to the model file's folder.
type TimedArray struct {
	Name    string    `toml:"name"`
	Values  []float64 `toml:"values"`
	File    string    `toml:"file"`
	Neurons int       `toml:"neurons"`
	Unit    string    `toml:"unit"` // of the values; "" for none
	Dt      string    `toml:"dt"`
}

// RunRegularly runs Code on every element of the neuron or synapse group
// named Group every Interval (cajal.NeuronGroup.RunRegularly).
type RunRegularly struct {
	Group    string `toml:"group"`
	Code     string `toml:"code"`
	Interval string `toml:"interval"`
}

// SynapseStates records variables of chosen synapses (numbers in creation
// order) of the synapse group named Synapses at an interval
// (cajal.Network.SynapseMonitor).
type SynapseStates struct {
	Synapses string   `toml:"synapses"`
	Vars     []string `toml:"vars"`
	Indices  []int    `toml:"indices"`
	Interval string   `toml:"interval"`
}

// WeightRecorder records a synaptic variable (Var, default "w") after
// every event of a pathway ("pre", the default, or "post"), as NEST's
// weight_recorder.
type WeightRecorder struct {
	Synapses string `toml:"synapses"`
	Var      string `toml:"var"`
	Pathway  string `toml:"pathway"`
}

// Load reads a model file; syntax errors name the line and column.
func Load(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
}

// Parse reads a model file's text.
func Parse(name string, data []byte) (*File, error) {
	var f File
	dec := toml.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		var se *toml.StrictMissingError
		if errors.As(err, &se) && len(se.Errors) > 0 {
			de := se.Errors[0]
			row, col := de.Position()
			return nil, fmt.Errorf("%s:%d:%d: unknown key %q; expected one of the keys this package documents", name, row, col, strings.Join(de.Key(), "."))
		}
		var de *toml.DecodeError
		if errors.As(err, &de) {
			row, col := de.Position()
			return nil, fmt.Errorf("%s:%d:%d: %s", name, row, col, de.Error())
		}
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	if len(f.Runs) == 0 {
		return nil, fmt.Errorf("%s: no runs: add runs = [\"1*second\"]", name)
	}
	f.pos = scanPositions(name, data)
	f.dir = filepath.Dir(name)
	f.digest = fmt.Sprintf("model file sha256:%x", sha256.Sum256(data))[:42]
	return &f, nil
}

// setAll sets the initial values of the group at path in the order the
// file wrote them, so that an expression sees the values set above it
// (u = "b*v" after b); in name order for a File made in Go.
func (f *File) setAll(path, owner string, init map[string]any, set func(string, any) error) error {
	at := path + ".init"
	keys := f.pos.keys(at)
	if len(keys) != len(init) {
		keys = make([]string, 0, len(init))
		for k := range init {
			keys = append(keys, k)
		}
		sort.Strings(keys)
	}
	for _, k := range keys {
		if err := set(k, init[k]); err != nil {
			return fmt.Errorf("%s%s: init %s: %w", f.pos.where(join(at, k)), owner, k, err)
		}
	}
	return nil
}
