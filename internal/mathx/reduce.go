package mathx

import (
	"math"
	"math/bits"
)

// reduceThreshold is where Sin, Cos and Tan leave the reduction by pi/4
// in three parts (which loses accuracy as x grows) for Payne-Hanek
// reduction.
const reduceThreshold = 1 << 29

// pi4 is pi/4 rounded to nearest.
const pi4 = 0x1.921fb54442d18p-01

// mPi4 holds the binary digits of 4/pi, 64 to a word.
var mPi4 = [...]uint64{
	0x0000000000000001,
	0x45f306dc9c882a53,
	0xf84eafa3ea69bb81,
	0xb6c52b3278872083,
	0xfca2c757bd778ac3,
	0x6e48dc74849ba5c0,
	0x0c925dd413a32439,
	0xfc3bd63962534e7d,
	0xd1046bea5d768909,
	0xd338e04d68befc82,
	0x7323ac7306a673e9,
	0x3908bf177bf25076,
	0x3ff12fffbc0b301f,
	0xde5e2316b414da3e,
	0xda6cfd9e4f96136e,
	0x9e8c7ecd3cbfd45a,
	0xea4f758fd7cbe2f6,
	0x7a0e73ef14a525d4,
	0xd7f6bf623f1aba10,
	0xac06608df8f6d757,
}

// shl and shr shift, giving 0 for shifts of 64 and more (as Go does and
// C does not).
func shl(x uint64, s uint64) uint64 {
	if s >= 64 {
		return 0
	}
	return x << s
}

func shr(x uint64, s uint64) uint64 {
	if s >= 64 {
		return 0
	}
	return x >> s
}

// mul64 returns the 128-bit product of x and y as hi, lo.
func mul64(x, y uint64) (hi, lo uint64) {
	const mask32 = 1<<32 - 1
	x0, x1 := x&mask32, x>>32
	y0, y1 := y&mask32, y>>32
	w0 := x0 * y0
	t := x1*y0 + w0>>32
	w1 := t & mask32
	w2 := t >> 32
	w1 += x0 * y1
	hi = x1*y1 + w2 + w1>>32
	lo = x * y
	return hi, lo
}

// trigReduce returns j and z with x = j pi/4 + z, j in 0 ... 7 and |z| <=
// pi/4, for x >= reduceThreshold, by Payne and Hanek's method with the
// digits of 4/pi (Go's math.trigReduce).
func trigReduce(x float64) (j uint64, z float64) {
	ix := math.Float64bits(x)
	exp := int64(ix>>52&0x7FF) - 1023 - 52
	ix &^= 0x7FF << 52
	ix |= 1 << 52
	digit, bitshift := uint64(exp+61)/64, uint64(exp+61)%64
	z0 := shl(mPi4[digit], bitshift) | shr(mPi4[digit+1], 64-bitshift)
	z1 := shl(mPi4[digit+1], bitshift) | shr(mPi4[digit+2], 64-bitshift)
	z2 := shl(mPi4[digit+2], bitshift) | shr(mPi4[digit+3], 64-bitshift)
	z2hi, _ := mul64(z2, ix)
	z1hi, z1lo := mul64(z1, ix)
	z0lo := z0 * ix
	lo := z1lo + z2hi
	var c uint64
	if lo < z1lo {
		c = 1
	}
	hi := z0lo + z1hi + c
	j = hi >> 61
	hi = hi<<3 | lo>>61
	lz := uint64(bits.LeadingZeros64(hi))
	e := 1023 - (lz + 1)
	hi = shl(hi, lz+1) | shr(lo, 64-(lz+1))
	hi >>= 64 - 52
	hi |= e << 52
	z = math.Float64frombits(hi)
	if j&1 == 1 {
		j++
		j &= 7
		z--
	}
	return j, float64(z * pi4)
}
