package cc

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/cajal-sim/cajal/internal/kernel"
)

type runner = interface {
	Range(*kernel.Env, int, int) error
	Indices(*kernel.Env, []int32) error
	Filter(*kernel.Env, int, int, []int32) ([]int32, error)
	Rows(*kernel.Env, []int32, []int32, []int32) error
}

// TestMatchesInterpreter compiles random programs (some of them run in
// split loops) and demands of every mode (Range, Indices with repeats in
// random order, Filter, Rows), with and without checks, the interpreter's
// arrays, selections and errors, bit for bit.
func TestMatchesInterpreter(t *testing.T) {
	c := testCompiler(t)
	n := 32
	if testing.Short() {
		n = 12
	}
	type job struct {
		seed uint64
		p    *kernel.Program
		pd   *Pending
	}
	var jobs []job
	serial, scatter, split := 0, 0, 0
	for seed := uint64(0); len(jobs) < n; seed++ {
		g := newProgGen(seed, seed%2 == 1)
		b, cond := g.block()
		p, err := kernel.Compile(b, cond)
		if err != nil {
			continue // a block the compiler rejects (a temporary read before set)
		}
		if p.Serial {
			serial++
		}
		if splittable(p) {
			split++
		}
		for _, in := range p.Code {
			if in.Op == kernel.OpScatterAdd {
				scatter++
				break
			}
		}
		jobs = append(jobs, job{seed, p, c.Request(p)})
	}
	if serial == 0 || scatter == 0 || split == 0 {
		t.Fatalf("the generator made %d serial, %d scatter-add and %d split programs; want some of each", serial, scatter, split)
	}
	for _, j := range jobs {
		comp, err := j.pd.Wait()
		if err != nil {
			t.Fatalf("seed %d: %v\n%s", j.seed, err, j.p)
		}
		checkModes(t, j.seed, j.p, comp)
	}
}

// checkModes runs p in every mode on random data, with and without checks.
func checkModes(t *testing.T, seed uint64, p *kernel.Program, comp kernel.Compiled) {
	r := rand.New(rand.NewPCG(seed, 7))
	w := newWorld(r, newProgGen(seed, true))
	idx := make([]int32, 600)
	for i := range idx {
		idx[i] = int32(r.IntN(nElem)) // repeats, random order
	}
	begin, end := rowsOf(w.pre)
	rows := make([]int32, 50)
	for i := range rows {
		rows[i] = int32(r.IntN(nNeuron))
	}
	modes := map[string]func(m runner, env *kernel.Env) ([]int32, error){
		"Range": func(m runner, env *kernel.Env) ([]int32, error) { return nil, m.Range(env, 3, nElem-5) },
		"Indices": func(m runner, env *kernel.Env) ([]int32, error) {
			return nil, m.Indices(env, idx)
		},
		"Rows": func(m runner, env *kernel.Env) ([]int32, error) {
			env.Pre = nil
			return nil, m.Rows(env, rows, begin, end)
		},
	}
	// Distinct elements, as the simulator passes them: the compiled tier
	// may run them element after element.
	distinct := r.Perm(nElem)[:nElem/2]
	didx := make([]int32, len(distinct))
	for i, e := range distinct {
		didx[i] = int32(e)
	}
	drows := make([]int32, 0, nNeuron)
	for _, x := range r.Perm(nNeuron)[:nNeuron/2] {
		drows = append(drows, int32(x))
	}
	modes["Indices, distinct"] = func(m runner, env *kernel.Env) ([]int32, error) {
		env.Distinct = true
		return nil, m.Indices(env, didx)
	}
	modes["Rows, distinct"] = func(m runner, env *kernel.Env) ([]int32, error) {
		env.Pre, env.Distinct = nil, true
		return nil, m.Rows(env, drows, begin, end)
	}
	// Presynaptic neurons listed beside the elements (Env.IdxPre), with
	// Pre absent: both tiers must read the list.
	preOf := func(idx []int32) []int32 {
		out := make([]int32, len(idx))
		for j, e := range idx {
			out[j] = w.pre[e]
		}
		return out
	}
	ipre, dipre := preOf(idx), preOf(didx)
	modes["Indices, IdxPre"] = func(m runner, env *kernel.Env) ([]int32, error) {
		env.Pre, env.IdxPre = nil, ipre
		return nil, m.Indices(env, idx)
	}
	modes["Indices, distinct, IdxPre"] = func(m runner, env *kernel.Env) ([]int32, error) {
		env.Pre, env.IdxPre, env.Distinct = nil, dipre, true
		return nil, m.Indices(env, didx)
	}
	if p.Result >= 0 {
		modes["Filter"] = func(m runner, env *kernel.Env) ([]int32, error) {
			return m.Filter(env, 2, nElem-1, []int32{-1})
		}
	}
	for name, run := range modes {
		for _, check := range []bool{false, true} {
			if d := runBoth(p, comp, w, check, run); d != "" {
				t.Fatalf("seed %d, %s, check %v: %s\n%s", seed, name, check, d, p)
			}
		}
	}
}

// TestConcurrentEnvs runs one compiled program from several goroutines at
// once, each with its own Env: each gets the interpreter's result.
func TestConcurrentEnvs(t *testing.T) {
	c := testCompiler(t)
	var p *kernel.Program
	for seed := uint64(1000); p == nil || p.Result < 0 || p.Serial; seed++ {
		b, cond := newProgGen(seed, true).block()
		p, _ = kernel.Compile(b, cond)
	}
	comp, err := c.Request(p).Wait()
	if err != nil {
		t.Fatal(err)
	}
	w := newWorld(rand.New(rand.NewPCG(3, 4)), newProgGen(3, true))
	want := w.clone()
	wantOut, wantErr := p.NewMachine().Interpreted().Filter(want.env(p, false), 0, nElem, nil)
	const workers = 4
	fails := make(chan string, workers)
	for range workers {
		go func() {
			for range 50 {
				got := w.clone()
				out, err := comp.Filter(got.env(p, false), 0, nElem, nil)
				if d := want.diff(got); d != "" || !sameErr(err, wantErr) || len(out) != len(wantOut) {
					fails <- fmt.Sprintf("arrays: %q, error %v, %d selected", d, err, len(out))
					return
				}
			}
			fails <- ""
		}()
	}
	for range workers {
		if d := <-fails; d != "" {
			t.Errorf("concurrent run differs: %s", d)
		}
	}
}
