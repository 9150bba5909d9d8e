package unit

import (
	"math"
	"testing"
)

func TestQuantityArithmetic(t *testing.T) {
	g, v := Q(10, Nanosiemens), Q(-60, Millivolt)
	if got := g.Mul(v); !got.Dim.Equal(Amp.Dim) || !approx(got.Value, -6e-10) {
		t.Errorf("10 nS * -60 mV = %+v", got)
	}
	if got := v.Div(Q(-6, Nanoamp)); !got.Dim.Equal(Ohm.Dim) || !approx(got.Value, 1e7) {
		t.Errorf("-60 mV / -6 nA = %+v", got)
	}
	if got := Q(4, Millisecond).Pow(-0.5); !got.Dim.Equal(Second.Dim.Pow(-0.5)) || !approx(got.Value, 1/math.Sqrt(4e-3)) {
		t.Errorf("(4 ms)**-0.5 = %+v", got)
	}
	if got := v.Scale(2); got != Q(-120, Millivolt) {
		t.Errorf("Scale = %+v", got)
	}
	if got := Scalar(3); got != (Quantity{3, Dimensionless}) {
		t.Errorf("Scalar(3) = %+v", got)
	}
	if got := Q(200, Picofarad).Mul(Q(100, Megaohm)); !got.Dim.Equal(Second.Dim) || !approx(got.Value, 0.02) {
		t.Errorf("200 pF * 100 Mohm = %+v, want 20 ms", got)
	}
}

func TestAdd(t *testing.T) {
	sum, err := Q(-60, Millivolt).Add(Q(5, Millivolt))
	if err != nil || sum.Dim != Volt.Dim || !approx(sum.Value, -0.055) {
		t.Errorf("-60 mV + 5 mV = %v, %v", sum, err)
	}
	_, err = Q(-60, Millivolt).Add(Q(10, Nanosiemens))
	if want := "unit: cannot add volt and siemens"; err == nil || err.Error() != want {
		t.Errorf("mV + nS: error %v, want %q", err, want)
	}
	_, err = Scalar(1).Add(Q(1, Second).Pow(-0.5))
	if want := "unit: cannot add 1 and second**-0.5"; err == nil || err.Error() != want {
		t.Errorf("1 + second**-0.5: error %v, want %q", err, want)
	}
}

func TestIn(t *testing.T) {
	tests := []struct {
		q, u Quantity
		want float64
	}{
		{Q(-60, Millivolt), Volt, -0.06},
		{Q(-0.06, Volt), Millivolt, -60},
		{Q(10, Nanosiemens), Microsiemens, 0.01},
		{Q(2, Millimolar), Micromolar, 2000},
		{Q(1, Liter), Metre.Pow(3), 1e-3},
		{Q(5, Millisecond), Second, 5e-3},
		{Q(200, Picofarad).Mul(Q(100, Megaohm)), Millisecond, 20},
		{Q(3, Hertz).Mul(Q(20, Millisecond)), One, 0.06},
	}
	for _, tt := range tests {
		got, err := tt.q.In(tt.u)
		if err != nil || !approx(got, tt.want) {
			t.Errorf("(%v).In(%v) = %v, %v; want %v", tt.q, tt.u, got, err, tt.want)
		}
	}
	_, err := Q(10, Nanosiemens).In(Millivolt)
	if want := "unit: expected volt, got siemens"; err == nil || err.Error() != want {
		t.Errorf("nS in mV: error %v, want %q", err, want)
	}
	_, err = Q(10, Nanosiemens).Mul(Volt).In(Volt)
	if want := "unit: expected volt, got amp"; err == nil || err.Error() != want {
		t.Errorf("nS*V in V: error %v, want %q", err, want)
	}
}

func TestQuantityString(t *testing.T) {
	tests := []struct {
		q    Quantity
		want string
	}{
		{Q(10, Nanosiemens), "10 nS"},
		{Q(-60, Millivolt), "-60 mV"},
		{Q(9, Millivolt), "9 mV"},
		{Q(200, Picofarad), "200 pF"},
		{Q(5, Millisecond), "5 ms"},
		{Q(0.5, Millisecond), "500 us"},
		{Q(1500, Millisecond), "1.5 s"},
		{Q(1, Second), "1 s"},
		{Q(0, Volt), "0 V"},
		{Q(100, Megaohm), "100 Mohm"},
		{Q(1, Kiloohm), "1 kohm"},
		{Q(2, Millimolar), "2 mM"},
		{Q(1, Molar), "1 M"},
		{Q(1, Kilogram), "1 kg"},
		{Q(5, Gram), "5 g"},
		{Q(0, Kilogram), "0 kg"},
		{Q(10, Micrometre), "10 um"},
		{Q(40, Hertz), "40 Hz"},
		{Q(2.5, Kilohertz), "2.5 kHz"},
		{Q(300, Kelvin), "300 K"},
		{Q(1.234567, Picoamp), "1.234567 pA"},
		{Q(1e-30, Metre), "1e-06 ym"},
		{Scalar(0.2), "0.2"},
		{Scalar(1), "1"},
		{Scalar(-3), "-3"},
		{Scalar(1e-21), "1e-21"},
		{Scalar(1e20), "1e+20"},
		{Scalar(123456789), "123456789"},
		{Q(3, Hertz).Mul(Q(20, Millisecond)).Scale(2), "0.12"},
		{Scalar(1.0 / 3), "0.333333333333333"},
		{Scalar(math.Inf(1)), "+Inf"},
		{Second.Pow(-0.5).Scale(0.5), "0.5 second**-0.5"},
		{Q(2, Volt).Div(Second), "2 volt/second"},
		{Q(10, Millisiemens).Div(Centimetre.Pow(2)), "100 siemens/metre**2"},
		{Q(1, Micrometre).Pow(2), "1e-12 metre**2"},
		{Quantity{math.NaN(), dimVolt}, "NaN volt"},
	}
	for _, tt := range tests {
		if got := tt.q.String(); got != tt.want {
			t.Errorf("%+v.String() = %q, want %q", tt.q, got, tt.want)
		}
	}
}
