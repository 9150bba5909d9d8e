package rng

import (
	"math"
	"testing"
)

// With n = 1e6 draws the standard error of the mean of U(0,1) is
// 0.289/1000 = 2.9e-4 and that of the variance about 9e-5: tolerances of
// five standard errors keep the test from failing by chance (p < 1e-6).
func TestUniformMoments(t *testing.T) {
	k := NewKey(42, 7)
	const n = 1000000
	var s, s2, c float64
	prev := k.Uniform(0, 0, 0)
	for i := uint64(0); i < n; i++ {
		u := k.Uniform(i/1000, i%1000, 0)
		if u < 0 || u >= 1 {
			t.Fatalf("uniform out of range: %v", u)
		}
		s += u
		s2 += u * u
		c += (u - 0.5) * (prev - 0.5)
		prev = u
	}
	mean := s / n
	variance := s2/n - mean*mean
	if math.Abs(mean-0.5) > 5*2.9e-4 {
		t.Errorf("mean %v, want 0.5", mean)
	}
	if math.Abs(variance-1.0/12) > 5*9e-5 {
		t.Errorf("variance %v, want %v", variance, 1.0/12)
	}
	// lag-one correlation: standard error 1/sqrt(n) on the correlation.
	if corr := c / n / (1.0 / 12); math.Abs(corr) > 5e-3 {
		t.Errorf("lag-1 correlation %v", corr)
	}
}

// For n = 1e6 normals the standard error of the mean is 1e-3, of the
// variance sqrt(2)*1e-3, of the fourth moment (3) about sqrt(96)*1e-3.
func TestNormalMoments(t *testing.T) {
	k := NewKey(1, 2)
	const n = 1000000
	var s, s2, s4 float64
	for i := uint64(0); i < n; i++ {
		x := k.Normal(i, 3, 1)
		s += x
		s2 += x * x
		s4 += x * x * x * x
	}
	if m := s / n; math.Abs(m) > 5e-3 {
		t.Errorf("mean %v", m)
	}
	if v := s2 / n; math.Abs(v-1) > 5*1.42e-3 {
		t.Errorf("variance %v", v)
	}
	if k4 := s4 / n; math.Abs(k4-3) > 5*9.8e-3 {
		t.Errorf("fourth moment %v, want 3", k4)
	}
}

func TestStreamsDiffer(t *testing.T) {
	a, b := NewKey(1, 0), NewKey(1, 1)
	same := 0
	for i := uint64(0); i < 1000; i++ {
		if a.Bits(i, 0, 0) == b.Bits(i, 0, 0) {
			same++
		}
	}
	if same > 0 {
		t.Errorf("streams 0 and 1 share %d of 1000 draws", same)
	}
	if NewKey(1, 0).Uniform(5, 6, 7) != NewKey(1, 0).Uniform(5, 6, 7) {
		t.Error("a draw is not a function of its counter")
	}
}

// The tails of the normal numbers: P(|x| > 2) = 0.0455 and P(|x| > 3) =
// 0.0027; with 2e6 draws the binomial standard errors are 1.5e-4 and 3.7e-5
// (the test allows five), and the ziggurat's tail and wedge paths are both
// exercised.
func TestNormalTails(t *testing.T) {
	k := NewKey(4, 4)
	const n = 2000000
	var c2, c3 float64
	for i := uint64(0); i < n; i++ {
		x := math.Abs(k.Normal(i, 0, 0))
		if x > 2 {
			c2++
		}
		if x > 3 {
			c3++
		}
	}
	if p := c2 / n; math.Abs(p-0.0455003) > 5*1.5e-4 {
		t.Errorf("P(|x| > 2) = %v, want 0.0455", p)
	}
	if p := c3 / n; math.Abs(p-0.0026998) > 5*3.7e-5 {
		t.Errorf("P(|x| > 3) = %v, want 0.0027", p)
	}
}

func BenchmarkNormal(b *testing.B) {
	k := NewKey(1, 1)
	s := 0.0
	for i := 0; i < b.N; i++ {
		s += k.Normal(uint64(i), 7, 0)
	}
	_ = s
}

func BenchmarkUniform(b *testing.B) {
	k := NewKey(1, 1)
	s := 0.0
	for i := 0; i < b.N; i++ {
		s += k.Uniform(uint64(i), 7, 0)
	}
	_ = s
}
