package cc

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cajal-sim/cajal/internal/ir"
	"github.com/cajal-sim/cajal/internal/kernel"
)

// leak is v = v*a + b with temporaries: a program whose constants a and b
// are parameters.
func leak(t *testing.T, a, b float64) *kernel.Program {
	v := ir.V("v", ir.Elem)
	p, err := kernel.Compile(ir.Block{{Target: v, Value: ir.Plus(ir.Times(v, ir.Num(a)), ir.Call(ir.Max, v, ir.Num(b)))}},
		ir.Call(ir.Gt, v, ir.Num(b)))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// runLeak runs p over 1000 elements and returns v and the selection.
func runLeak(t *testing.T, m interface {
	Filter(*kernel.Env, int, int, []int32) ([]int32, error)
}) ([]float64, []int32) {
	v := make([]float64, 1000)
	for i := range v {
		v[i] = float64(i%17) - 8
	}
	out, err := m.Filter(&kernel.Env{Arrays: [][]float64{v}}, 0, len(v), nil)
	if err != nil {
		t.Fatal(err)
	}
	return v, out
}

// TestConstantsReuseObject changes only constants: the shape key stays, the
// compiler runs once, and each program computes with its own constants.
func TestConstantsReuseObject(t *testing.T) {
	c := testCompiler(t)
	p1, p2 := leak(t, 0.5, 1), leak(t, 0.25, -2)
	if p1.ShapeKey() != p2.ShapeKey() || p1.String() == p2.String() {
		t.Fatalf("shape keys %s, %s for\n%s\nand\n%s", p1.ShapeKey(), p2.ShapeKey(), p1, p2)
	}
	for _, p := range []*kernel.Program{p1, p2} {
		comp, err := c.Request(p).Wait()
		if err != nil {
			t.Fatal(err)
		}
		wantV, wantOut := runLeak(t, p.NewMachine().Interpreted())
		gotV, gotOut := runLeak(t, comp)
		for i := range wantV {
			if !same(wantV[i], gotV[i]) || len(wantOut) != len(gotOut) {
				t.Fatalf("compiled %v, %d selected; interpreted %v, %d", gotV[i], len(gotOut), wantV[i], len(wantOut))
			}
		}
	}
	if compiles, loads := c.Stats(); compiles != 1 || loads != 1 {
		t.Errorf("%d compilations and %d loads for one shape, want 1 and 1", compiles, loads)
	}
	objs, _ := filepath.Glob(filepath.Join(c.dir, "*.so"))
	if len(objs) != 1 {
		t.Errorf("cache holds %v, want one object", objs)
	}
}

// TestColdAndWarmCache compiles into an empty cache, then loads from it in
// a fresh compiler (a new process) without compiling.
func TestColdAndWarmCache(t *testing.T) {
	cold := testCompiler(t)
	p := leak(t, 0.5, 1)
	if _, err := cold.Request(p).Wait(); err != nil {
		t.Fatal(err)
	}
	if compiles, loads := cold.Stats(); compiles != 1 || loads != 1 {
		t.Errorf("cold cache: %d compilations, %d loads; want 1, 1", compiles, loads)
	}
	warm := NewCompiler(cold.dir)
	comp, err := warm.Request(p).Wait()
	if err != nil {
		t.Fatal(err)
	}
	if compiles, loads := warm.Stats(); compiles != 0 || loads != 1 {
		t.Errorf("warm cache: %d compilations, %d loads; want 0, 1", compiles, loads)
	}
	wantV, _ := runLeak(t, p.NewMachine().Interpreted())
	gotV, _ := runLeak(t, comp)
	for i := range wantV {
		if !same(wantV[i], gotV[i]) {
			t.Fatalf("v[%d] = %v from the cached object, %v interpreted", i, gotV[i], wantV[i])
		}
	}
	// No temporary files are left behind.
	entries, _ := os.ReadDir(cold.dir)
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".so") {
			t.Errorf("cache holds %s", e.Name())
		}
	}
}

// TestNoCompiler fails with one line, without a panic, when there is no
// compiler, and a Pending reports it.
func TestNoCompiler(t *testing.T) {
	if !available {
		t.Skip("built with cajal_static")
	}
	t.Setenv(CompilerEnv, filepath.Join(t.TempDir(), "no-such-cc"))
	pd := NewCompiler(t.TempDir()).Request(leak(t, 0.5, 1))
	if _, err := pd.Wait(); err == nil || strings.Contains(err.Error(), "\n") || !strings.Contains(err.Error(), "no C compiler") {
		t.Fatalf("err = %v, want one line saying there is no C compiler", err)
	}
	if c, ok := pd.Ready(); ok || c != nil || pd.Err() == nil {
		t.Errorf("Ready = %v, %v; Err = %v", c, ok, pd.Err())
	}
}

// TestCompileError reports a compiler that fails as one line.
func TestCompileError(t *testing.T) {
	testCompiler(t)
	dir := t.TempDir()
	script := filepath.Join(dir, "badcc")
	// Answers --version, fails to compile.
	if err := os.WriteFile(script, []byte("#!/bin/sh\n[ \"$1\" = --version ] && { echo badcc 1.0; exit 0; }\necho 'x.c:1: error: broken' >&2\necho more >&2\nexit 1\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv(CompilerEnv, script)
	_, err := NewCompiler(dir).Request(leak(t, 0.5, 1)).Wait()
	if err == nil || strings.Contains(err.Error(), "\n") || !strings.Contains(err.Error(), "broken") {
		t.Fatalf("err = %v, want the compiler's first line of complaint", err)
	}
}

func TestParseTier(t *testing.T) {
	for _, s := range []string{"interp", "native", "auto"} {
		tier, err := ParseTier(s)
		if err != nil || tier.String() != s {
			t.Errorf("ParseTier(%q) = %v, %v", s, tier, err)
		}
	}
	if _, err := ParseTier("fast"); err == nil {
		t.Error("ParseTier(fast) succeeded")
	}
}
