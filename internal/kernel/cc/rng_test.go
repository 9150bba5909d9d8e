package cc

import (
	"math"
	"math/rand/v2"
	"path/filepath"
	"testing"
	"unsafe"

	"github.com/cajal-sim/cajal/internal/mathx"
	"github.com/cajal-sim/cajal/internal/rng"
)

// fillSource fills an array with uniform draws, normal draws, or exp or
// log of its input, in C.
const fillSource = `
void cajal_fill(int64_t kind, uint64_t sk, int64_t n, const double *in, double *out) {
	for (int64_t i = 0; i < n; i++) {
		switch (kind) {
		case 0: out[i] = cj_uniform(sk, (uint64_t)i, (uint64_t)(i % 3)); break;
		case 1: out[i] = cj_normal(sk, (uint64_t)i, (uint64_t)(i % 3)); break;
		case 2: out[i] = cj_exp(in[i]); break;
		case 3: out[i] = cj_log(in[i]); break;
		}
	}
}
`

// cFill compiles fillSource and returns a function calling it.
func cFill(t *testing.T) func(kind int, sk uint64, in, out []float64) {
	c := testCompiler(t)
	tc, err := findToolchain()
	if err != nil {
		t.Skip(err)
	}
	if _, err := tc.build(c.dir, "fill", prelude()+fillSource); err != nil {
		t.Fatal(err)
	}
	fn, err := loadSym(filepath.Join(c.dir, "fill.so"), "cajal_fill")
	if err != nil {
		t.Fatal(err)
	}
	return func(kind int, sk uint64, in, out []float64) {
		a := [5]uintptr{uintptr(kind), uintptr(sk), uintptr(len(out)),
			uintptr(unsafe.Pointer(unsafe.SliceData(in))), uintptr(unsafe.Pointer(unsafe.SliceData(out)))}
		callN(fn, a[:])
	}
}

// TestRandomDrawsMatch demands rng's draws, bit for bit, of the C port:
// 10^6 uniform and normal numbers (the normal ones include about 12,000
// rejections and 300 draws from the tail, which use log and exp).
func TestRandomDrawsMatch(t *testing.T) {
	fill := cFill(t)
	const n = 1000000
	sk := rng.NewKey(11, 3).Step(42)
	out := make([]float64, n)
	for kind, name := range []string{"uniform", "normal"} {
		fill(kind, uint64(sk), nil, out)
		tail := 0
		for i := range out {
			var want float64
			if kind == 0 {
				want = sk.Uniform(uint64(i), uint64(i%3))
			} else {
				want = sk.Normal(uint64(i), uint64(i%3))
				if math.Abs(want) > 3.442619855899 {
					tail++
				}
			}
			if math.Float64bits(want) != math.Float64bits(out[i]) {
				t.Fatalf("%s draw %d: Go %v, C %v", name, i, want, out[i])
			}
		}
		if kind == 1 && tail < 100 {
			t.Errorf("only %d draws from the tail; the test should reach it", tail)
		}
	}
}

// TestExpLogMatch demands mathx.Exp and mathx.Log of cj_exp and cj_log, bit
// for bit, on special values and 10^6 random arguments over their ranges.
func TestExpLogMatch(t *testing.T) {
	fill := cFill(t)
	r := rand.New(rand.NewPCG(1, 2))
	in := append([]float64{}, specials...)
	in = append(in, 709.78, 709.79, -745.13, -745.14, 1e-9, -1e-9, 0x1p-28, -0x1p-28, math.MaxFloat64, 0x1p-1074)
	for len(in) < 1000000 {
		switch r.IntN(3) {
		case 0:
			in = append(in, (r.Float64()-0.5)*1500)
		case 1:
			in = append(in, (r.Float64()-0.5)*4)
		default:
			in = append(in, math.Float64frombits(r.Uint64()))
		}
	}
	out := make([]float64, len(in))
	for kind, f := range map[int]func(float64) float64{2: mathx.Exp, 3: mathx.Log} {
		fill(kind, 0, in, out)
		for i, x := range in {
			if want := f(x); !same(want, out[i]) {
				t.Fatalf("kind %d at %v: Go %v, C %v", kind, x, want, out[i])
			}
		}
	}
}
