package examples

import (
	"fmt"
	"sort"
	"strings"

	"github.com/cajal-sim/cajal/examples/coba"
	"github.com/cajal-sim/cajal/examples/cuba"
	"github.com/cajal-sim/cajal/examples/example"
	"github.com/cajal-sim/cajal/examples/ficurve"
	"github.com/cajal-sim/cajal/examples/graupner2012"
	"github.com/cajal-sim/cajal/examples/lif_inhibition"
	"github.com/cajal-sim/cajal/examples/sparse_ei"
	"github.com/cajal-sim/cajal/examples/tsodyks2000"
	"github.com/cajal-sim/cajal/examples/urbanczik2014"
	"github.com/cajal-sim/cajal/examples/vogels2011"
)

// registry holds every example, one line each.
var registry = []example.Example{
	coba.Example{},
	cuba.Example{},
	ficurve.Example{},
	graupner2012.Example{},
	lif_inhibition.Example{},
	sparse_ei.Example{},
	tsodyks2000.Example{},
	urbanczik2014.Example{},
	vogels2011.Example{},
}

// All returns the examples in the order of their names.
func All() []example.Example {
	out := append([]example.Example(nil), registry...)
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out
}

// Names are the examples' names, in order.
func Names() []string {
	var names []string
	for _, e := range All() {
		names = append(names, e.Name())
	}
	return names
}

// Lookup finds an example by name.
func Lookup(name string) (example.Example, error) {
	for _, e := range registry {
		if e.Name() == name {
			return e, nil
		}
	}
	return nil, fmt.Errorf("unknown example %q; known: %s", name, strings.Join(Names(), ", "))
}
