// Package rng draws counter-based random numbers: each number is a pure
// function of a key (seed and stream) and a counter (step, element, draw),
// so any partition of the elements across threads gives the same numbers.
//
// The generator hashes the key and counter with the SplitMix64 finaliser,
// three rounds deep; its uniform outputs pass the usual moment and
// correlation checks in the package tests.
package rng

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
	return k.Step(step).Bits(elem, draw)
}

// Uniform returns a number uniform in [0, 1) for (step, elem, draw).
func (k Key) Uniform(step, elem, draw uint64) float64 {
	return k.Step(step).Uniform(elem, draw)
}

// StepKey is a key bound to one time step: the part of the hash that is
// the same for all elements, computed once.
type StepKey uint64

// Step binds the key to a step.
func (k Key) Step(step uint64) StepKey { return StepKey(mix(uint64(k) ^ (step * golden))) }

// Bits returns 64 random bits for (elem, draw).
func (s StepKey) Bits(elem, draw uint64) uint64 {
	return mix(mix(uint64(s)^(elem*k2+draw*k1)) + golden)
}

// Uniform returns a number uniform in [0, 1) for (elem, draw).
func (s StepKey) Uniform(elem, draw uint64) float64 {
	return float64(float64(s.Bits(elem, draw)>>11) * 0x1p-53)
}
