package modelfile

import (
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

const lif = `
[namespace]
el = "-70*mV"
tau = "10*ms"

[[neurons]]
name = "exc"
n = 2
model = "dv/dt = (el - v)/tau : volt"
`

// badFiles are model files whose mistakes were once ignored or gave wrong
// results silently; each must now give an error naming the place.
var badFiles = []struct{ name, text string }{
	{"connect n = -3", "runs = [\"1*ms\"]\n" + lif + "[[synapses]]\nsource = \"exc\"\ntarget = \"exc\"\nconnect = { n = -3 }\n"},
	{"connect n = 0", "runs = [\"1*ms\"]\n" + lif + "[[synapses]]\nsource = \"exc\"\ntarget = \"exc\"\nconnect = { n = 0 }\n"},
	{"one_to_one with p", "runs = [\"1*ms\"]\n" + lif + "[[synapses]]\nsource = \"exc\"\ntarget = \"exc\"\nconnect = { one_to_one = true, p = 0.5 }\n"},
	{"pairs with p", "runs = [\"1*ms\"]\n" + lif + "[[synapses]]\nsource = \"exc\"\ntarget = \"exc\"\n[synapses.connect]\ni = [0]\nj = [1]\np = 0.5\n"},
	{"duplicate synapse names", "runs = [\"1*ms\"]\n" + lif + "[[synapses]]\nname = \"s\"\nsource = \"exc\"\ntarget = \"exc\"\n[[synapses]]\nname = \"s\"\nsource = \"exc\"\ntarget = \"exc\"\n"},
	{"duplicate spike monitors", "runs = [\"1*ms\"]\n" + lif + "[[spikes]]\nsource = \"exc\"\n[[spikes]]\nsource = \"exc\"\n"},
	{"duplicate state monitors", "runs = [\"1*ms\"]\n" + lif + "[[states]]\nsource = \"exc\"\nvars = [\"v\"]\n[[states]]\nsource = \"exc\"\nvars = [\"v\"]\n"},
	{"misspelled run change", "runs = [\"1*ms\", { duration = \"1*ms\", namespace = { tua = \"5*ms\" } }]\n" + lif},
	{"run too long", "runs = [\"1e30*second\"]\n" + lif + "[[spikes]]\nsource = \"exc\"\n"},
	{"negative run", "runs = [\"-1*ms\"]\n" + lif},
	{"unknown run key", "runs = [{ duration = \"1*ms\", namespaces = { tau = \"5*ms\" } }]\n" + lif},
	{"tau = 0", "runs = [\"1*ms\"]\n" + strings.Replace(lif, `tau = "10*ms"`, `tau = "0*ms"`, 1)},
	{"init error", "runs = [\"1*ms\"]\n" + lif + "init = { v = \"el\", w = \"1\" }\n"},
	{"variable named like a unit", "runs = [\"1*ms\"]\n[[neurons]]\nname = \"a\"\nn = 1\nmodel = \"mV : volt\"\n"},
	{"poisson rate above 1/dt", "runs = [\"1*ms\"]\n[[poisson]]\nname = \"p\"\nn = 2\nrates = \"20*kHz\"\n"},
	{"two connect rules", "runs = [\"1*ms\"]\n" + lif + "[[synapses]]\nsource = \"exc\"\ntarget = \"exc\"\nconnect = { fixed_indegree = 1, offsets = [0, 1] }\n"},
	{"offsets of three", "runs = [\"1*ms\"]\n" + lif + "[[synapses]]\nsource = \"exc\"\ntarget = \"exc\"\nconnect = { offsets = [0, 1, 2] }\n"},
	{"autapses without a rule", "runs = [\"1*ms\"]\n" + lif + "[[synapses]]\nsource = \"exc\"\ntarget = \"exc\"\nconnect = { p = 0.5, allow_autapses = false }\n"},
	{"multapses with offsets", "runs = [\"1*ms\"]\n" + lif + "[[synapses]]\nsource = \"exc\"\ntarget = \"exc\"\nconnect = { offsets = [0, 1], allow_multapses = false }\n"},
	{"in-degree too large", "runs = [\"1*ms\"]\n" + lif + "[[synapses]]\nsource = \"exc\"\ntarget = \"exc\"\nconnect = { fixed_indegree = 5, allow_multapses = false }\n"},
	{"unknown named model parameter", "runs = [\"1*ms\"]\n[[neurons]]\nname = \"c\"\nn = 1\nmodel = \"iaf_psc_exp\"\nparams = { V_thresh = \"-50*mV\" }\n"},
	{"params without a named model", "runs = [\"1*ms\"]\n[[neurons]]\nname = \"c\"\nn = 1\nmodel = \"iaf_psc_expo\"\nparams = { V_th = \"-50*mV\" }\n"},
	{"named model with a reset", "runs = [\"1*ms\"]\n[[neurons]]\nname = \"c\"\nn = 1\nmodel = \"iaf_psc_exp\"\nreset = \"V_m = 0*mV\"\n"},
	{"generator time without unit", "runs = [\"1*ms\"]\n[[generators]]\nname = \"g\"\nn = 1\nindices = [0, 0]\ntimes = [\"1*ms\", \"2\"]\n"},
	{"generator times and indices", "runs = [\"1*ms\"]\n[[generators]]\nname = \"g\"\nn = 1\nindices = [0]\ntimes = [\"1*ms\", \"2*ms\"]\n"},
	{"timed array without values", "runs = [\"1*ms\"]\n[[timed_arrays]]\nname = \"s\"\ndt = \"1*ms\"\n"},
	{"timed array file missing", "runs = [\"1*ms\"]\n[[timed_arrays]]\nname = \"s\"\nfile = \"none.npy\"\ndt = \"1*ms\"\n"},
	{"timed array without dt", "runs = [\"1*ms\"]\n[[timed_arrays]]\nname = \"s\"\nvalues = [1]\n"},
	{"poisson input onto no group", "runs = [\"1*ms\"]\n" + lif + "[[poisson_inputs]]\ntarget = \"inh\"\nvar = \"v\"\nn = 1\nrate = \"1*Hz\"\nweight = \"1*mV\"\n"},
	{"poisson input with a wrong unit", "runs = [\"1*ms\"]\n" + lif + "[[poisson_inputs]]\ntarget = \"exc\"\nvar = \"v\"\nn = 1\nrate = \"1*Hz\"\nweight = \"1*nA\"\n"},
	{"run_regularly on no group", "runs = [\"1*ms\"]\n" + lif + "[[run_regularly]]\ngroup = \"inh\"\ncode = \"v = el\"\ninterval = \"1*ms\"\n"},
	{"run_regularly code error", "runs = [\"1*ms\"]\n" + lif + "[[run_regularly]]\ngroup = \"exc\"\ncode = \"w = el\"\ninterval = \"1*ms\"\n"},
	{"synapse monitor of no group", "runs = [\"1*ms\"]\n" + lif + "[[synapse_states]]\nsynapses = \"ee\"\nvars = [\"w\"]\n"},
	{"weight recorder of no variable", "runs = [\"1*ms\"]\n" + lif + "[[synapses]]\nname = \"ee\"\nsource = \"exc\"\ntarget = \"exc\"\n[[weights]]\nsynapses = \"ee\"\n"},
	{"spike monitor of no variable", "runs = [\"1*ms\"]\n" + lif + "[[spikes]]\nsource = \"exc\"\nvars = [\"u\"]\n"},
	{"synapse and neuron states of one name", "runs = [\"1*ms\"]\n" + lif + "[[synapses]]\nname = \"exc\"\nsource = \"exc\"\ntarget = \"exc\"\nmodel = \"w : 1\"\n[[states]]\nsource = \"exc\"\nvars = [\"v\"]\n[[synapse_states]]\nsynapses = \"exc\"\nvars = [\"w\"]\n"},
	{"named synapse model with on_pre", "runs = [\"1*ms\"]\n" + lif + "[[synapses]]\nsource = \"exc\"\ntarget = \"exc\"\nmodel = \"static\"\non_pre = \"v += 1*mV\"\n"},
	{"unknown receptor", "runs = [\"1*ms\"]\n[[neurons]]\nname = \"c\"\nn = 2\nmodel = \"iaf_psc_exp\"\n[[synapses]]\nsource = \"c\"\ntarget = \"c\"\nmodel = \"static\"\nreceptor = \"exc\"\n"},
	{"receptor without a named synapse model", "runs = [\"1*ms\"]\n" + lif + "[[synapses]]\nsource = \"exc\"\ntarget = \"exc\"\nmodel = \"w : 1\"\nreceptor = \"ex\"\n"},
	{"unknown named synapse parameter", "runs = [\"1*ms\"]\n" + lif + "[[synapses]]\nsource = \"exc\"\ntarget = \"exc\"\nmodel = \"stdp\"\nparams = { W_max = 5.0 }\n"},
	{"synapse model for another neuron model", "runs = [\"1*ms\"]\n" + lif + "[[synapses]]\nsource = \"exc\"\ntarget = \"exc\"\nmodel = \"urbanczik\"\n"},
	{"unknown key in a new section", "runs = [\"1*ms\"]\n[[generators]]\nname = \"g\"\nn = 1\nindex = [0]\n"},
	{"negative poisson rate", "runs = [\"1*ms\"]\n[[poisson]]\nname = \"p\"\nn = 2\nrates = \"-5*Hz\"\n"},
}

// TestBadFiles checks each bad file's error against testdata/errors.golden
// (go test -update rewrites it).
func TestBadFiles(t *testing.T) {
	var out strings.Builder
	for _, c := range badFiles {
		f, err := Parse("m.toml", []byte(c.text))
		if err == nil {
			_, err = f.Run("")
		}
		if err == nil {
			t.Errorf("%s: no error", c.name)
			continue
		}
		fmt.Fprintf(&out, "=== %s\n%s\n", c.name, err)
	}
	golden := "testdata/errors.golden"
	if *update {
		if err := os.WriteFile(golden, []byte(out.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got := out.String(); got != string(want) {
		t.Errorf("errors differ from %s (run go test -update and review the diff):\n%s", golden, got)
	}
}

// Initial values are set in the order the file writes them, so that an
// expression sees the values set above it: u = b*v after v = -65 mV and
// b = 0.2/ms is -13 V/s (in name order, u would be set first, from v = 0
// and b = 0). Both forms of the table keep the order.
func TestInitOrder(t *testing.T) {
	for _, init := range []string{
		"init = { v = \"-65*mV\", b = \"0.2/ms\", u = \"b*v\" }\n",
		"[neurons.init]\nv = \"-65*mV\"\nb = \"0.2/ms\"\nu = \"b*v\"\n",
	} {
		text := "runs = [\"0.1*ms\"]\n[[neurons]]\nname = \"iz\"\nn = 1\nmodel = \"v : volt\\nb : 1/second\\nu : volt/second\"\n" + init +
			"[[states]]\nsource = \"iz\"\nvars = [\"u\"]\n"
		f, err := Parse("iz.toml", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		dir := t.TempDir()
		if _, err := f.Run(dir); err != nil {
			t.Fatal(err)
		}
		csv, err := os.ReadFile(filepath.Join(dir, "iz_states.csv"))
		if err != nil {
			t.Fatal(err)
		}
		rows := strings.Split(strings.TrimSpace(string(csv)), "\n")
		u, err := strconv.ParseFloat(strings.Split(rows[1], ",")[1], 64)
		if err != nil || math.Abs(u+13) > 1e-9 {
			t.Errorf("%su = %v (%v), want -13 V/s", init, u, err)
		}
	}
}

// A run of zero duration reports the spike count without a rate (it was
// NaN Hz).
func TestZeroRun(t *testing.T) {
	f, err := Parse("z.toml", []byte("runs = [\"0*ms\"]\n"+lif+"[[spikes]]\nsource = \"exc\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	res, err := f.Run("")
	if err != nil {
		t.Fatal(err)
	}
	if res.Summary != "exc: 0 spikes" {
		t.Errorf("summary %q, want \"exc: 0 spikes\"", res.Summary)
	}
}
