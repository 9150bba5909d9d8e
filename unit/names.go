package unit

import (
	"math"
	"slices"
	"strconv"
)

// A prefix is an SI prefix: its symbol as Brian2 writes it and its decimal
// exponent.
type prefix struct {
	sym string
	exp int
}

// prefixes are the SI prefixes Brian2 knows, with "u" for micro.
var prefixes = []prefix{
	{"y", -24}, {"z", -21}, {"a", -18}, {"f", -15}, {"p", -12}, {"n", -9},
	{"u", -6}, {"m", -3}, {"c", -2}, {"d", -1}, {"da", 1}, {"h", 2},
	{"k", 3}, {"M", 6}, {"G", 9}, {"T", 12}, {"P", 15}, {"E", 18},
	{"Z", 21}, {"Y", 24},
}

// A unitDef describes one unit and the names Lookup knows it by.
type unitDef struct {
	full     []string // full names; they take prefixes ("volt", "mvolt")
	abbr     []string // abbreviations; they take prefixes ("V", "mV")
	fixed    []string // names that take no prefix ("kilogram")
	dim      Dim
	exp      int  // the unit is 10**exp in SI base units
	powers23 bool // also square and cube names: "metre2", "cm3"
}

// unitDefs lists every unit Lookup knows. The abbreviation "M" is molar,
// not a prefix; "m" is metre.
var unitDefs = []unitDef{
	{full: []string{"metre", "meter"}, abbr: []string{"m"}, dim: dimMetre, powers23: true},
	{fixed: []string{"kilogram"}, dim: dimKilogram},
	{full: []string{"gram"}, abbr: []string{"g"}, dim: dimKilogram, exp: -3},
	{full: []string{"second"}, abbr: []string{"s"}, dim: dimSecond},
	{full: []string{"amp", "ampere"}, abbr: []string{"A"}, dim: dimAmp},
	{full: []string{"kelvin"}, abbr: []string{"K"}, dim: dimKelvin},
	{full: []string{"mole"}, abbr: []string{"mol"}, dim: dimMole},
	{full: []string{"candela"}, abbr: []string{"cd"}, dim: dimCandela},
	{full: []string{"volt"}, abbr: []string{"V"}, dim: dimVolt},
	{full: []string{"siemens"}, abbr: []string{"S"}, dim: dimSiemens},
	{full: []string{"farad"}, abbr: []string{"F"}, dim: dimFarad},
	{full: []string{"ohm"}, dim: dimOhm},
	{full: []string{"hertz"}, abbr: []string{"Hz"}, dim: dimHertz},
	{full: []string{"coulomb"}, abbr: []string{"C"}, dim: dimCoulomb},
	{full: []string{"joule"}, abbr: []string{"J"}, dim: dimJoule},
	{full: []string{"watt"}, abbr: []string{"W"}, dim: dimWatt},
	{full: []string{"newton"}, abbr: []string{"N"}, dim: dimNewton},
	{full: []string{"pascal"}, abbr: []string{"Pa"}, dim: dimPascal},
	{full: []string{"molar"}, abbr: []string{"M"}, dim: dimMolar, exp: 3},
	{full: []string{"liter", "litre"}, abbr: []string{"l", "L"}, dim: dimVolume, exp: -3},
}

// table maps every known name to its unit. It is built once and never
// modified afterwards.
var table = buildTable()

// sortedNames holds the keys of table in sorted order.
var sortedNames = sortedKeys(table)

func buildTable() map[string]Quantity {
	t := make(map[string]Quantity)
	add := func(name string, d Dim, exp int) {
		q := Quantity{Value: math.Pow10(exp), Dim: d}
		if old, ok := t[name]; ok && old != q {
			panic("unit: conflicting definitions of " + strconv.Quote(name))
		}
		t[name] = q
	}
	for _, u := range unitDefs {
		for _, name := range u.fixed {
			add(name, u.dim, u.exp)
		}
		for _, name := range slices.Concat(u.full, u.abbr) {
			add(name, u.dim, u.exp)
			for _, p := range prefixes {
				add(p.sym+name, u.dim, u.exp+p.exp)
			}
			if !u.powers23 {
				continue
			}
			for _, n := range []int{2, 3} {
				suffix := strconv.Itoa(n)
				add(name+suffix, u.dim.Pow(float64(n)), n*u.exp)
				for _, p := range prefixes {
					add(p.sym+name+suffix, u.dim.Pow(float64(n)), n*(u.exp+p.exp))
				}
			}
		}
	}
	return t
}

func sortedKeys(m map[string]Quantity) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// Lookup returns the unit with the given Brian2 name, such as "mV" (1e-3
// volt), "nsiemens", "Hz", "um" or "metre2". Names are case-sensitive:
// "M" is molar, "m" metre, "ms" millisecond, "mS" millisiemens, "mM"
// millimolar, "Mohm" megaohm and "K" kelvin.
func Lookup(name string) (Quantity, bool) {
	q, ok := table[name]
	return q, ok
}

// Names returns all names that Lookup knows, sorted. The caller may modify
// the returned slice.
func Names() []string {
	return slices.Clone(sortedNames)
}

// A namedDim is a unit whose dimension String prints by name.
type namedDim struct {
	name string // Brian2 full name, used by Dim.String
	sym  string // abbreviation that takes SI prefixes, used by Quantity.String
	// symExp is the decimal exponent of the value of one sym in SI base
	// units: -3 for "g", 3 for "M".
	symExp int
	dim    Dim
	// solo marks a unit that Dim.String uses only on its own, never raised
	// to a power or in a product, because one of it is not one SI base
	// unit: "molar" is 1000 mole/metre**3.
	solo bool
}

// namedDims are the units Dim.String uses, in order of preference: when two
// spellings are equally simple, the one whose units come first wins, so
// volt/second is preferred to volt*hertz and volt*second to joule/amp.
var namedDims = []namedDim{
	{"volt", "V", 0, dimVolt, false},
	{"amp", "A", 0, dimAmp, false},
	{"siemens", "S", 0, dimSiemens, false},
	{"farad", "F", 0, dimFarad, false},
	{"ohm", "ohm", 0, dimOhm, false},
	{"coulomb", "C", 0, dimCoulomb, false},
	{"joule", "J", 0, dimJoule, false},
	{"watt", "W", 0, dimWatt, false},
	{"newton", "N", 0, dimNewton, false},
	{"pascal", "Pa", 0, dimPascal, false},
	{"molar", "M", 3, dimMolar, true},
	{"metre", "m", 0, dimMetre, false},
	{"second", "s", 0, dimSecond, false},
	{"kilogram", "g", -3, dimKilogram, false},
	{"kelvin", "K", 0, dimKelvin, false},
	{"mole", "mol", 0, dimMole, false},
	{"candela", "cd", 0, dimCandela, false},
	{"hertz", "Hz", 0, dimHertz, false},
}

// prefixSymbol returns the symbol of the SI prefix for 10**exp, where exp
// is a multiple of 3 in [-24, 24].
func prefixSymbol(exp int) string {
	for _, p := range prefixes {
		if p.exp == exp {
			return p.sym
		}
	}
	return ""
}
