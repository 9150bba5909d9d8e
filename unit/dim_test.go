package unit

import (
	"math"
	"testing"
)

func TestDerivedDims(t *testing.T) {
	tests := []struct {
		name string
		got  Dim
		want Dim
	}{
		{"volt = kg m^2 s^-3 A^-1", Volt.Dim, Dim{2, 1, -3, -1, 0, 0, 0}},
		{"siemens = amp/volt", Siemens.Dim, Amp.Div(Volt).Dim},
		{"ohm = volt/amp", Ohm.Dim, Volt.Div(Amp).Dim},
		{"ohm = 1/siemens", Ohm.Dim, One.Div(Siemens).Dim},
		{"farad*ohm = second", Farad.Mul(Ohm).Dim, Second.Dim},
		{"farad = coulomb/volt", Farad.Dim, Coulomb.Div(Volt).Dim},
		{"coulomb = amp*second", Coulomb.Dim, Amp.Mul(Second).Dim},
		{"joule = newton*metre", Joule.Dim, Newton.Mul(Metre).Dim},
		{"joule = volt*coulomb", Joule.Dim, Volt.Mul(Coulomb).Dim},
		{"watt = joule/second", Watt.Dim, Joule.Div(Second).Dim},
		{"watt = volt*amp", Watt.Dim, Volt.Mul(Amp).Dim},
		{"newton = kg m s^-2", Newton.Dim, Kilogram.Mul(Metre).Div(Second.Pow(2)).Dim},
		{"pascal = newton/metre**2", Pascal.Dim, Newton.Div(Metre.Pow(2)).Dim},
		{"hertz = 1/second", Hertz.Dim, Second.Pow(-1).Dim},
		{"molar = mole/liter", Molar.Dim, Mole.Div(Liter).Dim},
		{"liter = metre**3", Liter.Dim, Metre.Pow(3).Dim},
		{"gram is a mass", Gram.Dim, Kilogram.Dim},
		{"siemens*volt = amp", Siemens.Mul(Volt).Dim, Amp.Dim},
		{"sqrt(second)**2 = second", Second.Pow(0.5).Pow(2).Dim, Second.Dim},
	}
	for _, tt := range tests {
		if !tt.got.Equal(tt.want) {
			t.Errorf("%s: got %v, want %v", tt.name, tt.got, tt.want)
		}
	}
}

func TestDimOps(t *testing.T) {
	v, s := dimVolt, dimSecond
	if got, want := v.Mul(s), (Dim{2, 1, -2, -1, 0, 0, 0}); got != want {
		t.Errorf("volt.Mul(second) = %v, want %v", got, want)
	}
	if got, want := v.Div(s), (Dim{2, 1, -4, -1, 0, 0, 0}); got != want {
		t.Errorf("volt.Div(second) = %v, want %v", got, want)
	}
	if got, want := s.Pow(-0.5), (Dim{0, 0, -0.5, 0, 0, 0, 0}); got != want {
		t.Errorf("second.Pow(-0.5) = %v, want %v", got, want)
	}
	if v != dimVolt {
		t.Error("Mul modified its receiver")
	}
	if !Dimensionless.IsDimensionless() || !v.Div(v).IsDimensionless() || v.IsDimensionless() {
		t.Error("IsDimensionless wrong")
	}
	if !(Dim{1e-10}).IsDimensionless() || (Dim{1e-8}).IsDimensionless() {
		t.Error("IsDimensionless tolerance wrong")
	}
	third := Dim{1.0 / 3}.Pow(3)
	if !third.Equal(Dim{1}) {
		t.Errorf("%v not Equal to metre", third)
	}
	if (Dim{math.NaN()}).Equal(Dim{math.NaN()}) {
		t.Error("NaN exponents compare equal")
	}
}

func TestDimString(t *testing.T) {
	tests := []struct {
		d    Dim
		want string
	}{
		{Dimensionless, "1"},
		{dimVolt, "volt"},
		{dimAmp, "amp"},
		{dimSiemens, "siemens"},
		{dimFarad, "farad"},
		{dimOhm, "ohm"},
		{dimSecond, "second"},
		{dimMetre, "metre"},
		{dimKilogram, "kilogram"},
		{dimKelvin, "kelvin"},
		{dimMole, "mole"},
		{dimCandela, "candela"},
		{dimHertz, "hertz"},
		{dimCoulomb, "coulomb"},
		{dimJoule, "joule"},
		{dimWatt, "watt"},
		{dimNewton, "newton"},
		{dimPascal, "pascal"},
		{dimMolar, "molar"},
		{dimVolt.Div(dimSecond), "volt/second"},
		{dimAmp.Div(dimMetre.Pow(2)), "amp/metre**2"},
		{dimSiemens.Div(dimMetre.Pow(2)), "siemens/metre**2"},
		{dimFarad.Div(dimMetre.Pow(2)), "farad/metre**2"},
		{dimVolt.Mul(dimSecond), "volt*second"},
		{dimMetre.Pow(2), "metre**2"},
		{dimMetre.Pow(3), "metre**3"},
		{dimSecond.Pow(-2), "second**-2"},
		{dimVolt.Pow(2), "volt**2"},
		{dimVolt.Pow(-1), "volt**-1"},
		{dimVolt.Pow(-1).Div(dimSecond), "volt**-1/second"},
		{dimSiemens.Mul(dimVolt), "amp"},
		{dimSecond.Pow(-0.5), "second**-0.5"},
		{dimSecond.Pow(5), "second**5"},
		{Dim{2, 1, -3, -1}.Mul(dimKelvin.Pow(4)), "metre**2*kilogram*second**-3*amp**-1*kelvin**4"},
		{Dim{1.0 / 3}.Pow(3), "metre"},
		{Dim{0.25, 0, -1.5}, "metre**0.25*second**-1.5"},
	}
	for _, tt := range tests {
		if got := tt.d.String(); got != tt.want {
			t.Errorf("%v.String() = %q, want %q", [7]float64(tt.d), got, tt.want)
		}
	}
}

// TestDimStringParses checks that Dim.String is a unit expression with the
// same dimension.
func TestDimStringParses(t *testing.T) {
	for _, u := range namedDims {
		for _, v := range namedDims {
			for _, p := range []float64{-3, -2, -1, -0.5, 1, 2, 3} {
				d := u.dim.Mul(v.dim.Pow(p))
				q, err := Parse(d.String())
				if err != nil {
					t.Errorf("Parse(%q): %v", d, err)
					continue
				}
				want := 1.0
				if d.Equal(dimMolar) {
					want = 1000 // "molar" is not one SI unit
				}
				if !q.Dim.Equal(d) || !approx(q.Value, want) {
					t.Errorf("Parse(%q) = %v, want dimension %v and value %g", d, q, [7]float64(d), want)
				}
			}
		}
	}
}

func approx(a, b float64) bool {
	return math.Abs(a-b) <= 1e-12*math.Max(math.Abs(a), math.Abs(b))
}
