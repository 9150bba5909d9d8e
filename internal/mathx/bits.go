package mathx

// Constants shared by the exponential and logarithm families.
const (
	ln2Hi   = 6.93147180369123816490e-01 // 0x3fe62e42fee00000: k*ln2Hi is exact for |k| < 2^21
	ln2Lo   = 1.90821492927058770002e-10 // 0x3dea39ef35793c76: ln2 - ln2Hi
	shifter = 0x1.8p52                   // the bits of shifter + k hold the integer k, for |k| < 2^51
)

// twoSum returns s = a+b rounded and the exact error a+b-s (Knuth).
func twoSum(a, b float64) (s, e float64) {
	s = a + b
	bb := s - a
	e = (a - (s - bb)) + (b - bb)
	return s, e
}

// clamp returns x limited to [lo, hi]; NaN stays NaN.
func clamp(x, lo, hi float64) float64 {
	if x > hi {
		x = hi
	}
	if x < lo {
		x = lo
	}
	return x
}
