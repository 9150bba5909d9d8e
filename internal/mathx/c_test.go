package mathx

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// cFlags are the flags of the tier-1 compiler (vectorising for this
// machine), a portable optimised build, and an unoptimised one.
var cFlags = [][]string{
	{"-O3", "-march=native", "-ffp-contract=off", "-fno-math-errno", "-std=c11", "-Wall", "-Werror"},
	{"-O2", "-ffp-contract=off", "-fno-math-errno", "-std=c11", "-Wall", "-Werror"},
	{"-O0", "-ffp-contract=off", "-std=c11", "-Wall", "-Werror"},
}

// block is one function's arguments for the harness.
type block struct {
	name string
	id   int
	x, y []float64
	want []float64
}

func testBlocks() []block {
	var bs []block
	for _, fn := range unary {
		xs := inputs(uint64(fn.id), nTest, fn.gen)
		want := make([]float64, len(xs))
		for i, x := range xs {
			want[i] = fn.f(x)
		}
		bs = append(bs, block{fn.name, fn.id, xs, nil, want})
	}
	xs, ys := powInputs(nTest)
	want := make([]float64, len(xs))
	for i, x := range xs {
		want[i] = Pow(x, ys[i])
	}
	return append(bs, block{"Pow", powID, xs, ys, want})
}

// TestCMatchesGo compiles mathx.h (as embedded in CSource) with a harness
// and demands the same bits as the Go functions on every test argument.
func TestCMatchesGo(t *testing.T) {
	cc, err := exec.LookPath("cc")
	if err != nil {
		t.Skip("no C compiler (cc) on PATH")
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "mathx.h"), []byte(CSource), 0o644); err != nil {
		t.Fatal(err)
	}
	blocks := testBlocks()
	var in bytes.Buffer
	for _, b := range blocks {
		put := func(v uint64) { in.Write(binary.LittleEndian.AppendUint64(nil, v)) }
		put(uint64(b.id))
		put(uint64(len(b.x)))
		for _, v := range append(append([]float64(nil), b.x...), b.y...) {
			put(math.Float64bits(v))
		}
	}
	for _, flags := range cFlags {
		exe := filepath.Join(dir, "harness")
		args := append(append([]string(nil), flags...), "-I", dir, "-o", exe, filepath.Join("testdata", "harness.c"), "-lm")
		if out, err := exec.Command(cc, args...).CombinedOutput(); err != nil {
			t.Fatalf("cc %v: %v\n%s", flags, err, out)
		}
		cmd := exec.Command(exe)
		cmd.Stdin = bytes.NewReader(in.Bytes())
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("harness %v: %v", flags, err)
		}
		for _, b := range blocks {
			bad := 0
			for i, want := range b.want {
				got := math.Float64frombits(binary.LittleEndian.Uint64(out))
				out = out[8:]
				if math.Float64bits(got) != math.Float64bits(want) && !(got != got && want != want) {
					if bad++; bad <= 3 {
						y := ""
						if b.y != nil {
							y = ", " + fmtF(b.y[i])
						}
						t.Errorf("%v: C %s(%s%s) = %v (%#x), Go %v (%#x)", flags[0], b.name, fmtF(b.x[i]), y, got, math.Float64bits(got), want, math.Float64bits(want))
					}
				}
			}
			if bad > 0 {
				t.Errorf("%v: %s: %d of %d results differ", flags[0], b.name, bad, len(b.want))
			}
		}
	}
}

func fmtF(x float64) string { return string(appendF(nil, x)) }

func appendF(b []byte, x float64) []byte { return fmt.Appendf(b, "%v", x) }

// BenchmarkC times Exp, Expm1 and Exprel in C (testdata/bench.c, built
// with the tier-1 flags) over loops of 10^7 calls, as ns per call.
func BenchmarkC(b *testing.B) {
	cc, err := exec.LookPath("cc")
	if err != nil {
		b.Skip("no C compiler (cc) on PATH")
	}
	dir := b.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "mathx.h"), []byte(CSource), 0o644); err != nil {
		b.Fatal(err)
	}
	exe := filepath.Join(dir, "bench")
	args := append(append([]string(nil), cFlags[0]...), "-I", dir, "-o", exe, filepath.Join("testdata", "bench.c"), "-lm")
	if out, err := exec.Command(cc, args...).CombinedOutput(); err != nil {
		b.Fatalf("cc: %v\n%s", err, out)
	}
	for _, fn := range []struct {
		name string
		id   int
	}{{"Exp", 0}, {"Expm1", 1}, {"Exprel", 12}} {
		b.Run(fn.name, func(b *testing.B) {
			var ns float64
			for b.Loop() {
				out, err := exec.Command(exe, fmt.Sprint(fn.id), "10000000").Output()
				if err != nil {
					b.Fatal(err)
				}
				if _, err := fmt.Sscan(string(out), &ns); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(ns, "ns/call")
		})
	}
}
