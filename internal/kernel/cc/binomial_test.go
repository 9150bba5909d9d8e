package cc

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/cajal-sim/cajal/internal/ir"
	"github.com/cajal-sim/cajal/internal/kernel"
)

// binomialArgs returns the (u, n, p) on which the binomial draw is
// compared: the edges crossed (n = 0, p = 0 and 1, u at 0, near 1 and 1,
// n*p on both sides of the switch at 30, p within 1e-12 of 1 where the
// draw is n minus a binomial of 1-p, large n, and arguments out of the
// domain: NaN, infinities, negative, fractional n, p and u outside [0,
// 1]), then random draws over the paths. u = 1 comes only with n <= 1000:
// with n*p < 30 the sum may stay below 1 and the draw then walks to n.
func binomialArgs() (us, ns, ps []float64) {
	nan, inf := math.NaN(), math.Inf(1)
	uEdges := []float64{0, math.Copysign(0, -1), 5e-324, 1e-300, 1e-12, 0.1, 0.5, 0.9, 1 - 1e-12,
		1 - 0x1p-53, 1, nan, -0.1, 1.5, inf, -inf}
	nEdges := []float64{0, math.Copysign(0, -1), 1, 2, 7, 29, 30, 31, 59, 60, 61, 100, 1000, 1e6,
		2.5, -1, nan, inf, -inf}
	pEdges := []float64{0, math.Copysign(0, -1), 5e-324, 1e-12, 0.01, 0.1, 0.3, 0.5, 0.51, 0.9,
		1 - 1e-12, 1 - 0x1p-53, 1, 1.5, -0.1, nan, inf}
	add := func(u, n, p float64) { us, ns, ps = append(us, u), append(ns, n), append(ps, p) }
	for _, u := range uEdges {
		for _, n := range nEdges {
			for _, p := range pEdges {
				if u == 1 && n > 1000 {
					continue
				}
				add(u, n, p)
			}
		}
	}
	r := rand.New(rand.NewPCG(17, 29))
	for range 20000 {
		n := math.Floor(math.Pow(10, 6*r.Float64()))
		var p float64
		switch r.IntN(4) {
		case 0: // n*p around the switch at 30
			p = min(1, (25+10*r.Float64())/n)
		case 1: // near 1, n*p < 30: the reflected draw where (1-p)^n < e^-700
			n = float64(20 + r.IntN(10))
			p = 1 - math.Pow(10, -10.5-5.5*r.Float64())
		default:
			p = r.Float64()
		}
		add(r.Float64(), n, p)
	}
	for range 20 { // a billion trials: the sums from the mode run long
		add(r.Float64(), math.Floor(1e9*(1+r.Float64())), r.Float64())
	}
	// Runs of one n and p (a PoissonInput's draws), and two pairs in
	// turn, some reflected: the compiled kernel remembers (1-p)^n of the
	// last pair, and must give what computing it again gives.
	for k := range 3000 {
		n, p := 1000.0, 0.002
		switch {
		case k >= 2000:
			n, p = 25, 1-1e-13
		case k >= 1000 && k%2 == 1:
			n, p = 40, 0.3
		}
		add(r.Float64(), n, p)
	}
	return us, ns, ps
}

// TestBinomialMatches computes binomial(u, n, p) compiled and interpreted
// on binomialArgs and demands the same bits.
func TestBinomialMatches(t *testing.T) {
	if standIn {
		t.Skip("mathx stand-in: lgamma, exp and log differ between Go and C")
	}
	c := testCompiler(t)
	u, n, p := ir.V("u", ir.Elem), ir.V("n", ir.Elem), ir.V("p", ir.Elem)
	b := ir.Block{ir.Assign{Target: ir.V("k", ir.Elem), Value: ir.Call(ir.Binomial, u, n, p)}}
	prog, err := kernel.Compile(b, nil)
	if err != nil {
		t.Fatal(err)
	}
	comp, err := c.Request(prog).Wait()
	if err != nil {
		t.Fatal(err)
	}
	us, ns, ps := binomialArgs()
	mk := func() *kernel.Env {
		env := &kernel.Env{}
		for _, s := range prog.Slots {
			a := make([]float64, len(us))
			switch s.Name {
			case "u":
				copy(a, us)
			case "n":
				copy(a, ns)
			case "p":
				copy(a, ps)
			}
			env.Arrays = append(env.Arrays, a)
		}
		return env
	}
	ei, ec := mk(), mk()
	if err := prog.NewMachine().Interpreted().Range(ei, 0, len(us)); err != nil {
		t.Fatal(err)
	}
	if err := comp.Range(ec, 0, len(us)); err != nil {
		t.Fatal(err)
	}
	k := -1
	for i, s := range prog.Slots {
		if s.Name == "k" {
			k = i
		}
	}
	bad, nan, reflected, mode := 0, 0, 0, 0
	for e := range us {
		want, got := ei.Arrays[k][e], ec.Arrays[k][e]
		if !same(want, got) {
			if bad++; bad <= 5 {
				t.Errorf("binomial(%v, %v, %v) = %v interpreted, %v compiled", us[e], ns[e], ps[e], want, got)
			}
		}
		switch {
		case want != want:
			nan++
		case ns[e] > 0 && ps[e] > 0 && ps[e] < 1 && ns[e]*ps[e] < 30 && ns[e]*math.Log1p(-ps[e]) < -700:
			reflected++
		case ns[e]*ps[e] >= 30 && ps[e] < 1:
			mode++
		}
	}
	t.Logf("%d draws: %d NaN, %d reflected, %d from the mode", len(us), nan, reflected, mode)
	if bad > 0 {
		t.Errorf("%d of %d draws differ", bad, len(us))
	}
	if nan < 1000 || reflected < 1000 || mode < 1000 {
		t.Errorf("the arguments reach %d NaN, %d reflected and %d from-the-mode draws; want 1000 of each", nan, reflected, mode)
	}
}
