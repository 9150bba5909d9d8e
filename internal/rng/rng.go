// Package rng draws counter-based random numbers: each number is a pure
// function of a key (seed and stream) and a counter (step, element, draw),
// so any partition of the elements across threads gives the same numbers.
//
// The generator hashes the key and counter with the SplitMix64 finaliser,
// three rounds deep; its uniform outputs pass the usual moment and
// correlation checks in the package tests.
package rng

import "math"

const (
	golden = 0x9e3779b97f4a7c15
	k1     = 0xbf58476d1ce4e5b9
	k2     = 0x94d049bb133111eb
)

// mix is the SplitMix64 finaliser, a bijection on 64-bit words.
func mix(z uint64) uint64 {
	z = (z ^ (z >> 30)) * k1
	z = (z ^ (z >> 27)) * k2
	return z ^ (z >> 31)
}

// Key identifies one random stream: a seed and a stream number (an object
// and a use within it).
type Key uint64

// NewKey derives the key of a stream from a seed.
func NewKey(seed, stream uint64) Key {
	return Key(mix(mix(seed+golden) ^ (stream * k1)))
}

// Bits returns 64 random bits for (step, elem, draw).
func (k Key) Bits(step uint64, elem uint64, draw uint64) uint64 {
	z := mix(uint64(k) ^ (step * golden))
	z = mix(z ^ (elem*k2 + draw*k1))
	return mix(z + golden)
}

// Uniform returns a number uniform in [0, 1) for (step, elem, draw).
func (k Key) Uniform(step, elem, draw uint64) float64 {
	return float64(k.Bits(step, elem, draw)>>11) * 0x1p-53
}

// Normal returns a standard normal number for (step, elem, draw), by the
// Box-Muller transform of two uniform numbers drawn from the same counter.
func (k Key) Normal(step, elem, draw uint64) float64 {
	b := k.Bits(step, elem, draw)
	// Two 32-bit uniforms would be too coarse in the tails; draw a second
	// 64-bit word from a distinct counter instead.
	u1 := (float64(b>>11) + 0.5) * 0x1p-53 // in (0, 1): log is finite
	u2 := float64(mix(b^k2)>>11) * 0x1p-53
	return math.Sqrt(-2*math.Log(u1)) * math.Cos(2*math.Pi*u2)
}
