package rng

import (
	"math"

	"github.com/cajal-sim/cajal/internal/mathx"
)

// Normal numbers come from the ziggurat method of Marsaglia and Tsang
// (2000) with 128 layers: a 32-bit word picks a layer and a point in it,
// and 98.8 % of draws need nothing more than a comparison and a
// multiplication. The rare rejections draw further words from the same
// counter, so a draw stays a pure function of (key, step, elem, draw).
// The rejections use mathx's logarithm and exponential, which the compiled
// tier computes identically.

const (
	zigR = 3.442619855899 // start of the tail
	zigV = 9.91256303526217e-3
	zigM = 1 << 31
)

var zigK [128]uint32
var zigW, zigF [128]float64

func init() {
	dn, tn := zigR, zigR
	q := zigV / mathx.Exp(-0.5*dn*dn)
	zigK[0] = uint32(dn / q * zigM)
	zigK[1] = 0
	zigW[0] = q / zigM
	zigW[127] = dn / zigM
	zigF[0] = 1
	zigF[127] = mathx.Exp(-0.5 * dn * dn)
	for i := 126; i >= 1; i-- {
		dn = math.Sqrt(-2 * mathx.Log(zigV/dn+mathx.Exp(-0.5*dn*dn)))
		zigK[i+1] = uint32(dn / tn * zigM)
		tn = dn
		zigF[i] = mathx.Exp(-0.5 * dn * dn)
		zigW[i] = dn / zigM
	}
}

// stream yields further words after a draw's first.
type stream struct{ z, n uint64 }

func (s *stream) next() uint64 {
	s.n++
	return mix(s.z + s.n*golden)
}

func (s *stream) uniform() float64 { return (float64(s.next()>>11) + 0.5) * 0x1p-53 }

// Normal returns a standard normal number for (step, elem, draw).
func (k Key) Normal(step, elem, draw uint64) float64 { return k.Step(step).Normal(elem, draw) }

// Normal returns a standard normal number for (elem, draw).
func (s StepKey) Normal(elem, draw uint64) float64 {
	b := s.Bits(elem, draw)
	hz := int32(uint32(b))
	iz := uint32(b>>32) & 127
	if abs32(hz) < zigK[iz] {
		return float64(float64(hz) * zigW[iz])
	}
	st := stream{z: b}
	for {
		x := float64(float64(hz) * zigW[iz])
		if iz == 0 {
			// The tail beyond zigR, by Marsaglia's method.
			for {
				x = -mathx.Log(st.uniform()) / zigR
				y := -mathx.Log(st.uniform())
				if y+y >= x*x {
					break
				}
			}
			if hz > 0 {
				return zigR + x
			}
			return -zigR - x
		}
		if zigF[iz]+float64(st.uniform()*(zigF[iz-1]-zigF[iz])) < mathx.Exp(-0.5*x*x) {
			return x
		}
		w := st.next()
		hz = int32(uint32(w))
		iz = uint32(w>>32) & 127
		if abs32(hz) < zigK[iz] {
			return float64(float64(hz) * zigW[iz])
		}
	}
}

func abs32(x int32) uint32 {
	if x < 0 {
		return uint32(-int64(x))
	}
	return uint32(x)
}
