package cajal

import (
	"fmt"

	"github.com/cajal-sim/cajal/internal/ir"
	"github.com/cajal-sim/cajal/internal/kernel"

	"github.com/cajal-sim/cajal/unit"
)

// What a network split over processes (Options.Comm) cannot do yet; see
// docs/mpi.md.

// checkSplit refuses, before a split run, what needs the whole network
// in one process.
func (n *Network) checkSplit() error {
	if !n.sim.Split() {
		return nil
	}
	k := n.opts.Comm.Size()
	for _, r := range n.regulars {
		if !r.synapses || len(r.block) == 0 {
			continue
		}
		p, err := kernel.Compile(r.block, nil)
		if err != nil {
			return err
		}
		for _, sl := range p.Slots {
			if sl.Index == ir.Pre {
				return fmt.Errorf("cajal: %s: the code uses the presynaptic variable %s_pre; a network split over %d processes keeps presynaptic neurons on other processes", r.name, sl.Name, k)
			}
		}
	}
	return nil
}

// pickOrdinal keeps, of values given for all synapses (a slice of total
// values), those of the synapses this process holds.
func pickOrdinal(value any, ord []int32, total int) any {
	switch x := value.(type) {
	case []float64:
		if len(x) == total {
			return pick(x, ord)
		}
	case []unit.Quantity:
		if len(x) == total {
			return pick(x, ord)
		}
	case []bool:
		if len(x) == total {
			return pick(x, ord)
		}
	case []int:
		if len(x) == total {
			return pick(x, ord)
		}
	}
	return value
}

func pick[T any](x []T, ord []int32) []T {
	out := make([]T, len(ord))
	for k, o := range ord {
		out[k] = x[o]
	}
	return out
}
