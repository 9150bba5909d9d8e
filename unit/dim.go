package unit

import "math"

// Dim is a physical dimension: the exponents of the seven SI base units in
// the order metre, kilogram, second, ampere, kelvin, mole, candela.
// Exponents may be fractional; a noise intensity, for example, has
// dimension second**-0.5.
type Dim [7]float64

// Dimensionless is the dimension of pure numbers: all exponents zero.
var Dimensionless Dim

// dimTolerance is the largest difference between two exponents that Equal
// still treats as equal.
const dimTolerance = 1e-9

// baseNames are the Brian2 names of the SI base units, in Dim order.
var baseNames = [len(Dim{})]string{"metre", "kilogram", "second", "amp", "kelvin", "mole", "candela"}

// Mul returns the dimension of a product: exponents are added.
func (d Dim) Mul(e Dim) Dim {
	for i := range d {
		d[i] += e[i]
	}
	return d
}

// Div returns the dimension of a quotient: exponents are subtracted.
func (d Dim) Div(e Dim) Dim {
	for i := range d {
		d[i] -= e[i]
	}
	return d
}

// Pow returns the dimension raised to the power p: exponents are multiplied
// by p.
func (d Dim) Pow(p float64) Dim {
	for i := range d {
		d[i] *= p
	}
	return d
}

// IsDimensionless reports whether all exponents are zero (within the
// tolerance of Equal).
func (d Dim) IsDimensionless() bool {
	return d.Equal(Dimensionless)
}

// Equal reports whether d and e have the same exponents, each within 1e-9.
func (d Dim) Equal(e Dim) bool {
	for i := range d {
		if !(math.Abs(d[i]-e[i]) <= dimTolerance) {
			return false
		}
	}
	return true
}

// snapped returns d with exponents that are within the tolerance of an
// integer replaced by that integer, so that float noise such as
// 0.9999999999 prints as 1.
func (d Dim) snapped() Dim {
	for i, x := range d {
		if r := math.Round(x); math.Abs(x-r) < dimTolerance {
			d[i] = r + 0 // + 0 turns -0 into 0
		}
	}
	return d
}
