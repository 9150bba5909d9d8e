package unit

import (
	"slices"
	"testing"
)

func TestLookup(t *testing.T) {
	tests := []struct {
		name string
		want Quantity
	}{
		// Full names, with and without prefixes.
		{"volt", Volt},
		{"mvolt", Millivolt},
		{"uvolt", Microvolt},
		{"nsiemens", Nanosiemens},
		{"pfarad", Picofarad},
		{"pamp", Picoamp},
		{"namp", Nanoamp},
		{"nampere", Nanoamp},
		{"msecond", Millisecond},
		{"usecond", Microsecond},
		{"umetre", Micrometre},
		{"umeter", Micrometer},
		{"mmolar", Millimolar},
		{"kohm", Kiloohm},
		{"Mohm", Megaohm},
		{"Gohm", Gigaohm},
		{"khertz", Kilohertz},
		{"kilogram", Kilogram},
		{"kgram", Kilogram},
		{"gram", Gram},
		{"mgram", Quantity{1e-6, dimKilogram}},
		{"amp", Amp},
		{"ampere", Ampere},
		{"metre", Metre},
		{"meter", Meter},
		{"second", Second},
		{"hertz", Hertz},
		{"siemens", Siemens},
		{"farad", Farad},
		{"ohm", Ohm},
		{"molar", Molar},
		{"mole", Mole},
		{"kelvin", Kelvin},
		{"candela", Candela},
		{"coulomb", Coulomb},
		{"joule", Joule},
		{"watt", Watt},
		{"newton", Newton},
		{"pascal", Pascal},
		{"liter", Liter},
		{"litre", Litre},
		{"mlitre", Quantity{1e-6, dimVolume}},
		// Abbreviations.
		{"V", Volt},
		{"mV", Millivolt},
		{"uV", Microvolt},
		{"A", Amp},
		{"pA", Picoamp},
		{"nA", Nanoamp},
		{"uA", Microamp},
		{"mA", Quantity{1e-3, dimAmp}},
		{"S", Siemens},
		{"nS", Nanosiemens},
		{"uS", Microsiemens},
		{"mS", Millisiemens},
		{"F", Farad},
		{"pF", Picofarad},
		{"nF", Nanofarad},
		{"uF", Microfarad},
		{"s", Second},
		{"ms", Millisecond},
		{"us", Microsecond},
		{"ns", Quantity{1e-9, dimSecond}},
		{"Hz", Hertz},
		{"kHz", Kilohertz},
		{"MHz", Quantity{1e6, dimHertz}},
		{"m", Metre},
		{"cm", Centimetre},
		{"mm", Millimetre},
		{"um", Micrometre},
		{"nm", Quantity{1e-9, dimMetre}},
		{"g", Gram},
		{"mg", Quantity{1e-6, dimKilogram}},
		{"kg", Kilogram},
		{"M", Molar},
		{"mM", Millimolar},
		{"uM", Micromolar},
		{"nM", Quantity{1e-6, dimMolar}},
		{"mol", Mole},
		{"mmol", Quantity{1e-3, dimMole}},
		{"umol", Quantity{1e-6, dimMole}},
		{"K", Kelvin},
		{"C", Coulomb},
		{"J", Joule},
		{"W", Watt},
		{"N", Newton},
		{"Pa", Pascal},
		{"l", Liter},
		{"L", Liter},
		{"ml", Quantity{1e-6, dimVolume}},
		{"cd", Candela},
		{"daV", Quantity{10, dimVolt}},
		{"hPa", Quantity{100, dimPascal}},
		{"ym", Quantity{1e-24, dimMetre}},
		{"YV", Quantity{1e24, dimVolt}},
		// Powers of lengths.
		{"metre2", Metre.Pow(2)},
		{"metre3", Metre.Pow(3)},
		{"meter2", Metre.Pow(2)},
		{"meter3", Metre.Pow(3)},
		{"m2", Metre.Pow(2)},
		{"m3", Metre.Pow(3)},
		{"cm2", Quantity{1e-4, dimMetre.Pow(2)}},
		{"cm3", Quantity{1e-6, dimMetre.Pow(3)}},
		{"um2", Quantity{1e-12, dimMetre.Pow(2)}},
		{"um3", Quantity{1e-18, dimMetre.Pow(3)}},
		{"mm2", Quantity{1e-6, dimMetre.Pow(2)}},
		{"mm3", Quantity{1e-9, dimMetre.Pow(3)}},
		{"cmetre2", Quantity{1e-4, dimMetre.Pow(2)}},
		{"umeter3", Quantity{1e-18, dimMetre.Pow(3)}},
	}
	for _, tt := range tests {
		got, ok := Lookup(tt.name)
		if !ok {
			t.Errorf("Lookup(%q) failed", tt.name)
			continue
		}
		if !got.Dim.Equal(tt.want.Dim) || !approx(got.Value, tt.want.Value) {
			t.Errorf("Lookup(%q) = %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

func TestLookupUnknown(t *testing.T) {
	for _, name := range []string{"", "mVV", "volts", "Volt", "kilokilogram", "mkilogram", "kmolar2", "ohm2", "V2", "µm", "Ohm", "1", "m4"} {
		if q, ok := Lookup(name); ok {
			t.Errorf("Lookup(%q) = %v, want failure", name, q)
		}
	}
}

// TestLookupConflicts checks names where prefixes and abbreviations could
// be confused.
func TestLookupConflicts(t *testing.T) {
	tests := []struct {
		name string
		want Quantity
	}{
		{"M", Molar},
		{"m", Metre},
		{"ms", Millisecond},
		{"mS", Millisiemens},
		{"Ms", Quantity{1e6, dimSecond}},
		{"MS", Quantity{1e6, dimSiemens}},
		{"Mohm", Megaohm},
		{"mohm", Quantity{1e-3, dimOhm}},
		{"mM", Millimolar},
		{"MM", Quantity{1e9, dimMolar}},
		{"mm", Millimetre},
		{"Mm", Quantity{1e6, dimMetre}},
		{"K", Kelvin},
		{"kK", Quantity{1e3, dimKelvin}},
		{"cd", Candela},
		{"Pa", Pascal},
		{"PA", Quantity{1e15, dimAmp}},
		{"dam", Quantity{10, dimMetre}},
	}
	for _, tt := range tests {
		got, ok := Lookup(tt.name)
		if !ok || !got.Dim.Equal(tt.want.Dim) || !approx(got.Value, tt.want.Value) {
			t.Errorf("Lookup(%q) = %v, %v; want %v", tt.name, got, ok, tt.want)
		}
	}
}

func TestNames(t *testing.T) {
	names := Names()
	if !slices.IsSorted(names) {
		t.Error("Names() is not sorted")
	}
	if len(names) != len(table) {
		t.Errorf("len(Names()) = %d, want %d", len(names), len(table))
	}
	for _, n := range names {
		if _, ok := Lookup(n); !ok {
			t.Errorf("Lookup(%q) failed for a name in Names()", n)
		}
	}
	for _, want := range []string{"mV", "nsiemens", "Hz", "um", "metre2", "kilogram", "Mohm"} {
		if _, found := slices.BinarySearch(names, want); !found {
			t.Errorf("Names() lacks %q", want)
		}
	}
	names[0] = "changed"
	if Names()[0] == "changed" {
		t.Error("Names() returns shared storage")
	}
}
