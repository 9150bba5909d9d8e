package mathx

import (
	"math"
	"testing"
)

var sink float64

// benchArgs are arguments spread over the useful ranges.
func benchArgs(lo, hi float64) []float64 {
	xs := make([]float64, 1024)
	for i := range xs {
		xs[i] = lo + (hi-lo)*float64(i)/float64(len(xs))
	}
	return xs
}

func bench(b *testing.B, f func(float64) float64, xs []float64) {
	var s float64
	for i := 0; b.Loop(); i++ {
		s += f(xs[i&1023])
	}
	sink = s
}

func BenchmarkExp(b *testing.B)       { bench(b, Exp, benchArgs(-20, 20)) }
func BenchmarkMathExp(b *testing.B)   { bench(b, math.Exp, benchArgs(-20, 20)) }
func BenchmarkExpm1(b *testing.B)     { bench(b, Expm1, benchArgs(-2, 2)) }
func BenchmarkMathExpm1(b *testing.B) { bench(b, math.Expm1, benchArgs(-2, 2)) }
func BenchmarkLog(b *testing.B)       { bench(b, Log, benchArgs(1e-3, 1e3)) }
func BenchmarkMathLog(b *testing.B)   { bench(b, math.Log, benchArgs(1e-3, 1e3)) }
