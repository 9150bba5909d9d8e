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
