package sim

import "sort"

// Synapse storage. Synapses are stored in order of presynaptic neuron,
// then postsynaptic neuron, then creation (CSR by presynaptic neuron), so
// that a spike reaches a contiguous run of every per-synapse array and no
// presynaptic index is stored: row r (presynaptic neuron SrcLo + r) holds
// synapses preStart[r] to preStart[r+1]-1. A static synapse costs its
// postsynaptic index (4 bytes) and its variables (8 bytes each).
//
// Synapses added by Add wait, in creation order, with their presynaptic
// indices, until Sort moves them to their places.

// Sort puts the synapses added since the last Sort in their places and
// rebuilds the rows. Synapse numbers (the positions in Post and the
// arrays) change; the order of synapses with one pre- and postsynaptic
// neuron does not.
func (s *Synapses) Sort() {
	if s.pending == nil {
		return
	}
	pre := s.pending
	s.pending = nil
	s.pre = nil
	s.byPost, s.postStart, s.cuts, s.preByPost = nil, nil, nil, nil
	perm := sortPairs(pre, s.Post, s.SrcLo, s.SrcHi, s.TgtLo, s.TgtHi)
	if perm != nil {
		s.Post = permute32(s.Post, perm)
		for name, a := range s.Arrays {
			s.Arrays[name] = permute64(a, perm)
		}
		pre = permute32(pre, perm)
		if s.Ordinal != nil {
			s.Ordinal = permute32(s.Ordinal, perm)
		}
		inv := make([]int32, len(perm))
		for k, p := range perm {
			inv[p] = int32(k)
		}
		s.renumberQueued(func(syn int32) int32 { return inv[syn] })
	}
	n := s.SrcHi - s.SrcLo
	s.preStart = make([]int32, n+1)
	for _, k := range pre {
		s.preStart[int(k)-s.SrcLo+1]++
	}
	for i := 1; i <= n; i++ {
		s.preStart[i] += s.preStart[i-1]
	}
}

// sortPairs returns the stable order of synapses by (pre, post), or nil
// when they are in that order already: two counting sorts, by the
// postsynaptic neuron and then, stably, by the presynaptic one.
func sortPairs(pre, post []int32, srcLo, srcHi, tgtLo, tgtHi int) []int32 {
	sorted := true
	for k := 1; k < len(pre) && sorted; k++ {
		sorted = pre[k-1] < pre[k] || (pre[k-1] == pre[k] && post[k-1] <= post[k])
	}
	if sorted {
		return nil
	}
	byPost := countingOrder(nil, post, tgtLo, tgtHi)
	return countingOrder(byPost, pre, srcLo, srcHi)
}

// countingOrder sorts the positions in, or 0..len(key)-1 when in is nil,
// stably by key[position] in [lo, hi).
func countingOrder(in []int32, key []int32, lo, hi int) []int32 {
	start := make([]int32, hi-lo+1)
	for _, k := range key {
		start[int(k)-lo+1]++
	}
	for i := 1; i < len(start); i++ {
		start[i] += start[i-1]
	}
	out := make([]int32, len(key))
	for i := range key {
		p := int32(i)
		if in != nil {
			p = in[i]
		}
		r := int(key[p]) - lo
		out[start[r]] = p
		start[r]++
	}
	return out
}

// permute32 returns a[perm[0]], a[perm[1]], ...
func permute32(a, perm []int32) []int32 {
	out := make([]int32, len(perm))
	for k, p := range perm {
		out[k] = a[p]
	}
	return out
}

// permute64 returns a[perm[0]], a[perm[1]], ...
func permute64(a []float64, perm []int32) []float64 {
	out := make([]float64, len(perm))
	for k, p := range perm {
		out[k] = a[p]
	}
	return out
}

// PreIndex returns each synapse's presynaptic neuron (absolute index in
// Src), made from the rows; the caller owns the slice.
func (s *Synapses) PreIndex() []int32 {
	if s.pending != nil {
		return append([]int32(nil), s.pending...)
	}
	out := make([]int32, len(s.Post))
	for r := 0; r+1 < len(s.preStart); r++ {
		for k := s.preStart[r]; k < s.preStart[r+1]; k++ {
			out[k] = int32(s.SrcLo + r)
		}
	}
	return out
}

// PreOf returns the presynaptic neuron (absolute index in Src) of synapse
// syn, which must be sorted.
func (s *Synapses) PreOf(syn int32) int32 {
	r := sort.Search(len(s.preStart)-1, func(r int) bool { return s.preStart[r+1] > syn })
	return int32(s.SrcLo + r)
}

// rows returns the first and one-past-last synapse of each row whose
// postsynaptic neuron lies in target block w of the run's split (all
// synapses when the part is the whole target range).
func (s *Synapses) rows(w, lo, hi int) (begin, end []int32) {
	n := len(s.preStart) - 1
	if wlo, whi := s.window(); lo == wlo && hi == whi || len(s.cuts) == 0 {
		return s.preStart[:n], s.preStart[1:]
	}
	return s.cuts[w], s.cuts[w+1]
}

// cut splits every row at the target blocks of workers parts: cuts[w][r]
// is the first synapse of row r whose postsynaptic neuron is in block w or
// later (rows are sorted by postsynaptic neuron).
func (s *Synapses) cut(workers int) {
	s.cuts = nil
	if workers <= 1 {
		return
	}
	n := len(s.preStart) - 1
	s.cuts = make([][]int32, workers+1)
	s.cuts[0], s.cuts[workers] = s.preStart[:n], s.preStart[1:]
	for w := 1; w < workers; w++ {
		lo, _ := s.block(w, workers)
		bound := int32(s.TgtLo + lo)
		c := make([]int32, n)
		for r := range n {
			a, b := int(s.preStart[r]), int(s.preStart[r+1])
			row := s.Post[a:b]
			c[r] = int32(a + sort.Search(len(row), func(k int) bool { return row[k] >= bound }))
		}
		s.cuts[w] = c
	}
}

// indexPost builds the permutation of synapses by postsynaptic neuron, for
// pathways driven by postsynaptic spikes.
func (s *Synapses) indexPost() {
	if s.byPost != nil || s.pending != nil {
		return
	}
	s.byPost = countingOrder(nil, s.Post, s.TgtLo, s.TgtHi)
	n := s.TgtHi - s.TgtLo
	s.postStart = make([]int32, n+1)
	for _, k := range s.Post {
		s.postStart[int(k)-s.TgtLo+1]++
	}
	for i := 1; i <= n; i++ {
		s.postStart[i] += s.postStart[i-1]
	}
}

// indexPreByPost lists each synapse's presynaptic neuron in the order by
// postsynaptic neuron (beside byPost), for on_post code that reads
// presynaptic values: it reads them one after another (kernel.Env.IdxPre).
func (s *Synapses) indexPreByPost() {
	if s.preByPost != nil || s.byPost == nil {
		return
	}
	pre := s.PreIndex()
	s.preByPost = make([]int32, len(s.byPost))
	for k, e := range s.byPost {
		s.preByPost[k] = pre[e]
	}
}

// Bytes is the memory the synapses take: indices, variables, rows and
// delay queues' per-synapse parts.
func (s *Synapses) Bytes() int64 {
	b := int64(len(s.Post)+len(s.pending)+len(s.pre)+len(s.byPost)+len(s.preByPost)+len(s.preStart)+len(s.postStart)+len(s.Ordinal)) * 4
	for _, a := range s.Arrays {
		b += int64(len(a)) * 8
	}
	for _, c := range s.cuts[min(1, len(s.cuts)):max(len(s.cuts)-1, 0)] {
		b += int64(len(c)) * 4
	}
	for _, p := range s.Pathways {
		b += int64(len(p.PerSynapse)) * 4
	}
	return b
}

// Pending reports whether synapses were added since the last Sort.
func (s *Synapses) Pending() bool { return s.pending != nil }

// renumberQueued renumbers the synapses waiting in the queues of pathways
// with per-synapse delays, after the synapses were renumbered; to returns
// a synapse's new number, or -1 to drop its event.
func (s *Synapses) renumberQueued(to func(syn int32) int32) {
	for _, p := range s.Pathways {
		if p.PerSynapse == nil {
			continue // the queue holds neurons
		}
		for slot, due := range p.ring {
			kept := due[:0]
			for _, syn := range due {
				if k := to(syn); k >= 0 {
					kept = append(kept, k)
				}
			}
			p.ring[slot] = kept
		}
	}
}
