// Package unit provides physical dimensions and dimensioned quantities for
// Cajal, using the unit names of the Brian2 simulator.
//
// A [Dim] records the exponents of the seven SI base units (metre, kilogram,
// second, ampere, kelvin, mole, candela). A [Quantity] is a float64 value in
// SI base units together with its Dim, much like [time.Duration] is an
// integer count of nanoseconds:
//
//	g := unit.Q(10, unit.Nanosiemens)   // 1e-8 siemens
//	v := unit.Q(-60, unit.Millivolt)    // -0.06 volt
//	i := g.Mul(v)                       // -6e-10 amp
//	pA, err := i.In(unit.Picoamp)       // -600, nil
//
// Arithmetic that cannot fail (Mul, Div, Pow, Scale) returns a Quantity;
// operations that require matching dimensions (Add, In) return an error that
// names both dimensions.
//
// Unit expressions written by users, such as "10*nS", "-60 mV",
// "siemens/meter**2" or "second**-0.5", are read by [Parse]. Names are
// resolved by [Lookup], which knows Brian2's full names ("mvolt",
// "nsiemens", "umetre2"), abbreviations ("mV", "nS", "um2") and SI prefixes
// from yocto to yotta, with "u" for micro. [Names] lists them all.
//
// The String methods print text that Parse reads back: a Quantity whose
// dimension is a single named unit gets an SI prefix that puts the mantissa
// in [1, 1000) ("200 pF", "5 ms"); other quantities print their SI value
// followed by a Brian2-style unit expression ("2 volt/second",
// "0.5 second**-0.5").
package unit
