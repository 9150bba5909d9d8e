package ir

import (
	"math"
	"testing"
)

// Counts beyond 2^53 cannot be stepped by one: NaN, at once, rather than
// a walk that never ends; a u above the rounded total stops where the
// terms round to zero.
func TestBinomialInvBounds(t *testing.T) {
	if x := BinomialInv(0.5, 1e20, 0.5); !math.IsNaN(x) {
		t.Errorf("n = 1e20: %v, want NaN", x)
	}
	if x := BinomialInv(1, 1e12, 1e-13); math.IsNaN(x) || x > 1e3 {
		t.Errorf("u = 1, n = 1e12, p = 1e-13: %v, want a count where the terms vanish", x)
	}
}
