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
// values), those of the synapses this process holds; a slice of another
// length is an error naming the total, as one process would name it.
func pickOrdinal(value any, ord []int32, total int) (any, error) {
	var n int
	switch x := value.(type) {
	case []float64:
		n = len(x)
		if n == total {
			return pick(x, ord), nil
		}
	case []unit.Quantity:
		n = len(x)
		if n == total {
			return pick(x, ord), nil
		}
	case []bool:
		n = len(x)
		if n == total {
			return pick(x, ord), nil
		}
	case []int:
		n = len(x)
		if n == total {
			return pick(x, ord), nil
		}
	default:
		return value, nil
	}
	return nil, fmt.Errorf("%d values for %d synapses", n, total)
}

func pick[T any](x []T, ord []int32) []T {
	out := make([]T, len(ord))
	for k, o := range ord {
		out[k] = x[o]
	}
	return out
}
