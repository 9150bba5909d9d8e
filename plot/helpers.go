package plot

import "math"

// F returns a pointer to x, for setting the limits of a [Panel]:
//
//	Panel{XMin: plot.F(0), XMax: plot.F(1)}
func F(x float64) *float64 { return &x }

// Raster returns a [Dots] series with one point per spike, at x = t[k] and
// y = i[k] (the index of the neuron that fired). Times are used as given:
// the caller passes the x values it wants (seconds, milliseconds...). t is
// not copied; a length mismatch between t and i is reported by
// [Figure.Save].
func Raster(t []float64, i []int32, color, label string) Series {
	y := make([]float64, len(i))
	for k, v := range i {
		y[k] = float64(v)
	}
	return Series{Kind: Dots, X: t, Y: y, Color: color, Label: label}
}

// Histogram bins values (spike times, for instance) into consecutive bins of
// width w covering [lo, hi], and returns the bin centres and the number of
// values in each bin. Bins are half-open, [lo+k*w, lo+(k+1)*w), except the
// last one, which also holds values equal to hi; when hi-lo is not a whole
// number of widths, the last bin extends past hi but only counts values up to
// hi. Values outside [lo, hi] and NaNs are ignored. Invalid arguments
// (w <= 0, hi <= lo, non-finite bounds, or more than 1e8 bins) give nil
// slices.
func Histogram(values []float64, lo, hi, w float64) (centres, counts []float64) {
	if !(w > 0) || !(hi > lo) || math.IsInf(lo, 0) || math.IsInf(hi, 0) || math.IsInf(w, 0) {
		return nil, nil
	}
	r := (hi - lo) / w
	if r > 1e8 {
		return nil, nil
	}
	n := int(math.Ceil(r))
	// Absorb rounding errors such as (1-0)/0.1 = 10.000000000000002.
	if nr := math.Round(r); math.Abs(r-nr) <= 1e-9*math.Max(1, nr) {
		n = int(nr)
	}
	if n < 1 {
		n = 1
	}
	centres = make([]float64, n)
	counts = make([]float64, n)
	for k := range centres {
		centres[k] = lo + (float64(k)+0.5)*w
	}
	for _, v := range values {
		if !(v >= lo && v <= hi) {
			continue
		}
		k := int(math.Floor((v - lo) / w))
		// A value just below an edge may land in the next bin through
		// rounding; values at hi belong to the last bin.
		if k >= n {
			k = n - 1
		} else if k < 0 {
			k = 0
		}
		counts[k]++
	}
	return centres, counts
}

// ThinRaster keeps the spikes of every k-th neuron (indices 0, k, 2k, ...),
// with k the smallest step that leaves at most maxRows neurons of the
// max(i)+1 that the spikes name, so that a raster of a large population
// shows separate rows instead of a solid block. It returns the kept times
// and indices (indices unchanged, so the y axis still counts neurons) and
// k; with maxRows < 1 or few enough neurons it returns t, i and 1.
func ThinRaster(t []float64, i []int32, maxRows int) ([]float64, []int32, int) {
	n := 0
	for _, v := range i {
		n = max(n, int(v)+1)
	}
	if maxRows < 1 || n <= maxRows || len(t) != len(i) {
		return t, i, 1
	}
	k := (n + maxRows - 1) / maxRows
	var tk []float64
	var ik []int32
	for j, v := range i {
		if int(v)%k == 0 {
			tk = append(tk, t[j])
			ik = append(ik, v)
		}
	}
	return tk, ik, k
}
