package unit

import (
	"fmt"
	"math"
)

// Quantity is a value in SI base units together with its dimension. The zero
// Quantity is the dimensionless number 0.
type Quantity struct {
	Value float64 // magnitude in SI base units
	Dim   Dim     // physical dimension
}

// Q returns v times the unit u, for example unit.Q(10, unit.Nanosiemens).
func Q(v float64, u Quantity) Quantity {
	return Quantity{Value: v * u.Value, Dim: u.Dim}
}

// Scalar returns the dimensionless quantity v.
func Scalar(v float64) Quantity {
	return Quantity{Value: v}
}

// Mul returns the product q*r.
func (q Quantity) Mul(r Quantity) Quantity {
	return Quantity{Value: q.Value * r.Value, Dim: q.Dim.Mul(r.Dim)}
}

// Div returns the quotient q/r.
func (q Quantity) Div(r Quantity) Quantity {
	return Quantity{Value: q.Value / r.Value, Dim: q.Dim.Div(r.Dim)}
}

// Pow returns q raised to the power p.
func (q Quantity) Pow(p float64) Quantity {
	return Quantity{Value: math.Pow(q.Value, p), Dim: q.Dim.Pow(p)}
}

// Scale returns q multiplied by the dimensionless factor f.
func (q Quantity) Scale(f float64) Quantity {
	return Quantity{Value: q.Value * f, Dim: q.Dim}
}

// Add returns the sum q+r, which has q's dimension. It returns an error
// naming both dimensions when they differ.
func (q Quantity) Add(r Quantity) (Quantity, error) {
	if !q.Dim.Equal(r.Dim) {
		return Quantity{}, fmt.Errorf("unit: cannot add %v and %v", q.Dim, r.Dim)
	}
	return Quantity{Value: q.Value + r.Value, Dim: q.Dim}, nil
}

// In returns the value of q expressed in the unit u, that is q/u as a plain
// number: unit.Q(-60, unit.Millivolt).In(unit.Volt) is -0.06. It returns an
// error of the form "unit: expected volt, got siemens" when the dimensions
// differ.
func (q Quantity) In(u Quantity) (float64, error) {
	if !q.Dim.Equal(u.Dim) {
		return 0, fmt.Errorf("unit: expected %v, got %v", u.Dim, q.Dim)
	}
	return q.Value / u.Value, nil
}
