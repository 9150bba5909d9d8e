package cajal

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
)

// Memory. Before a network builds something large (a group, the synapses
// of a connection, the recordings of a run) it estimates the bytes it will
// take and refuses, with an error naming the request, the estimate and the
// limit, when the estimate and what the network holds already would pass
// Options.MemoryLimit. Estimates count the arrays that grow with the
// number of elements; the fixed costs of objects are left out.

// DefaultMemoryFraction is the share of physical memory a network may use
// when Options.MemoryLimit is zero.
const DefaultMemoryFraction = 0.75

// FallbackMemory is the physical memory assumed where it cannot be read
// (outside Linux): 8 GiB.
const FallbackMemory = 8 << 30

var physical = sync.OnceValue(func() int64 {
	if b, ok := memTotal("/proc/meminfo"); ok {
		return b
	}
	return FallbackMemory
})

// memTotal reads MemTotal from a meminfo file, in bytes.
func memTotal(path string) (int64, bool) {
	f, err := os.Open(path)
	if err != nil {
		return 0, false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) >= 2 && fields[0] == "MemTotal:" {
			kb, err := strconv.ParseInt(fields[1], 10, 64)
			if err != nil || kb <= 0 {
				return 0, false
			}
			return kb << 10, true
		}
	}
	return 0, false
}

// memoryLimit is the limit of opts, or the default.
func memoryLimit(opts Options) int64 {
	if opts.MemoryLimit > 0 {
		return opts.MemoryLimit
	}
	return int64(DefaultMemoryFraction * float64(physical()))
}

// inUse is the memory the network's groups, synapses and monitors hold.
func (n *Network) inUse() int64 {
	var b int64
	for _, g := range n.groups {
		b += int64(len(g.sg.Arrays)) * int64(g.spec.N) * 8
	}
	for _, s := range n.synapses {
		b += s.ss.Bytes()
	}
	for _, m := range n.spikeMons {
		b += int64(len(m.Count))*8 + int64(m.T.Len())*12
	}
	for _, m := range n.stateMons {
		b += int64(len(m.T)) * (8 + int64(len(m.Vars)*len(m.Indices))*8)
	}
	for _, m := range n.rateMons {
		b += int64(len(m.T)) * 16
	}
	return b
}

// reserve refuses a request of about bytes when it and what the network
// holds would pass the memory limit. what names the request.
func (n *Network) reserve(what string, bytes float64) error {
	used := n.inUse()
	if bytes+float64(used) <= float64(n.limit) {
		return nil
	}
	return &MemoryError{What: what, Bytes: bytes, InUse: used, Limit: n.limit}
}

// MemoryError refuses a request that would take more memory than the
// network's limit (Options.MemoryLimit).
type MemoryError struct {
	What  string  // the request, e.g. "exc: 2000000000 neurons with 3 variables"
	Bytes float64 // the estimate, in bytes
	InUse int64   // bytes the network held already
	Limit int64   // the limit, in bytes
}

func (e *MemoryError) Error() string {
	return fmt.Sprintf("cajal: %s would take about %s, with %s in use; the memory limit is %s (Options.MemoryLimit)",
		e.What, formatBytes(e.Bytes), formatBytes(float64(e.InUse)), formatBytes(float64(e.Limit)))
}

// formatBytes writes a size with a binary prefix: 1.5 GiB.
func formatBytes(b float64) string {
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

// MemoryInUse is the memory, in bytes, that the network's groups,
// synapses and monitors hold, as the memory limit counts it.
func (n *Network) MemoryInUse() int64 {
	if n.invalid() {
		return 0
	}
	return n.inUse()
}

// MemoryLimit is the network's memory limit in bytes (Options.MemoryLimit
// or its default).
func (n *Network) MemoryLimit() int64 {
	if n.invalid() {
		return 0
	}
	return n.limit
}

// BytesPerSynapse is the memory Connect reserves for each synapse it will
// make: its indices while they are sorted, and its variables.
func (s *SynapseGroup) BytesPerSynapse() float64 {
	if s.invalid() {
		return 0
	}
	return 24 + 16*float64(len(s.ss.Arrays))
}
