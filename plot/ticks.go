package plot

import (
	"math"
	"strconv"

	gplot "gonum.org/v1/plot"
)

// ticker places labelled ticks at "nice" values (1, 2, 2.5 or 5 times a
// power of ten), at most about n intervals over the axis, without minor
// ticks, as matplotlib's default locator does.
type ticker struct{ n int }

var _ gplot.Ticker = ticker{}

// Ticks returns the ticks between lo and hi, implementing gplot.Ticker.
func (t ticker) Ticks(lo, hi float64) []gplot.Tick {
	span := hi - lo
	if !(span > 0) || math.IsInf(span, 0) || t.n < 1 {
		return nil
	}
	raw := span / float64(t.n)
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	var m float64
	for _, m = range []float64{1, 2, 2.5, 5, 10} {
		if m*mag >= raw*(1-1e-9) {
			break
		}
	}
	step := m * mag
	// Decimals needed to write multiples of step exactly.
	prec := 0
	for ; prec < 12; prec++ {
		s := step * math.Pow(10, float64(prec))
		if math.Abs(s-math.Round(s)) < 1e-6*s {
			break
		}
	}
	first := math.Ceil(lo/step - 1e-9)
	var ticks []gplot.Tick
	for k := first; k*step <= hi+step*1e-9 && len(ticks) <= 2*t.n+2; k++ {
		v := k * step
		if math.Abs(v) < step*1e-9 {
			v = 0 // no "-0"
		}
		ticks = append(ticks, gplot.Tick{Value: v, Label: formatTick(v, prec)})
	}
	return ticks
}

// formatTick writes v with prec decimals, or in exponent form for very large
// or very small numbers.
func formatTick(v float64, prec int) string {
	if a := math.Abs(v); v != 0 && (a >= 1e6 || prec > 5) {
		return strconv.FormatFloat(v, 'g', 4, 64)
	}
	return strconv.FormatFloat(v, 'f', prec, 64)
}

// tickCount returns the target number of tick intervals for an axis of the
// given length in inches, between 3 and 10.
func tickCount(inches, perInch float64) int {
	return int(min(10, max(3, math.Round(inches*perInch))))
}
