package mathx

import (
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestExpTable checks Exp's table against 400-bit values of 2^(j/128):
// each hi entry correctly rounded and each tail the correctly rounded
// relative error of hi; and that mathx.h holds the same entries.
func TestExpTable(t *testing.T) {
	ln2 := bigLog(bf(2))
	for j := range 128 {
		a := new(big.Float).SetPrec(refPrec).Quo(bf(float64(j)), bf(128))
		v := bigExp(a.Mul(a, ln2))
		hi := f64(v)
		d := new(big.Float).SetPrec(refPrec).Sub(v, bf(hi))
		tail := f64(d.Quo(d, bf(hi)))
		if math.Float64bits(hi) != expTabHi[j] || math.Float64bits(tail) != expTabTail[j] {
			t.Errorf("entry %d: table %#x %#x, want %#x %#x", j, expTabHi[j], expTabTail[j], math.Float64bits(hi), math.Float64bits(tail))
		}
	}
	for _, tab := range []struct {
		name string
		v    *[128]uint64
	}{{"cj_exp_hi", &expTabHi}, {"cj_exp_tail", &expTabTail}} {
		var b strings.Builder
		fmt.Fprintf(&b, "static const uint64_t %s[128] = {\n", tab.name)
		for i := 0; i < 128; i += 4 {
			fmt.Fprintf(&b, "\t%#016x, %#016x, %#016x, %#016x,\n", tab.v[i], tab.v[i+1], tab.v[i+2], tab.v[i+3])
		}
		b.WriteString("};\n")
		if !strings.Contains(CSource, b.String()) {
			t.Errorf("mathx.h does not hold %s as in Go:\n%s", tab.name, b.String())
		}
	}
}

// TestExpTails demands Exp within 1 ulp of the correctly rounded result
// where TestCorrectlyRounded does not look: subnormal results (one
// rounding to 53 bits before the one into the subnormals) and results
// near overflow.
func TestExpTails(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for _, rg := range [][2]float64{{-745.13, -708.4}, {709.0, 709.78}} {
		var worst uint64
		var at float64
		for range 2000 {
			x := float64((rg[1]-rg[0])*r.Float64()) + rg[0]
			if d := ulps(Exp(x), f64(bigExp(bf(x)))); d > worst {
				worst, at = d, x
			}
		}
		t.Logf("%v: max %d ulp from correctly rounded (at %v)", rg, worst, at)
		if worst > 1 {
			t.Errorf("Exp(%v) = %v, correctly rounded %v", at, Exp(at), f64(bigExp(bf(at))))
		}
	}
}

// TestExpm1NearZero demands Expm1 within 1 ulp of the correctly rounded
// result on (-0.02, 0.02), where k = round(128 x/ln2) is small and the
// result no larger than the terms summed for it.
func TestExpm1NearZero(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	one := bf(1)
	var worst uint64
	var at float64
	for range 4000 {
		x := float64(0.04*r.Float64()) - 0.02
		e := bigExp(bf(x))
		if d := ulps(Expm1(x), f64(e.Sub(e, one))); d > worst {
			worst, at = d, x
		}
	}
	t.Logf("max %d ulp from correctly rounded (at %v)", worst, at)
	if worst > 1 {
		t.Errorf("Expm1(%v) = %v: %d ulp from correctly rounded", at, Expm1(at), worst)
	}
}
