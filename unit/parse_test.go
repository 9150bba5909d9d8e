package unit

import (
	"math"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want Quantity
	}{
		{"10*nS", Q(10, Nanosiemens)},
		{"-60 * mV", Q(-60, Millivolt)},
		{"-60*mV", Q(-60, Millivolt)},
		{"3*Hz*20*ms*2", Scalar(0.12)},
		{"second**-0.5", Second.Pow(-0.5)},
		{"second ** -0.5", Second.Pow(-0.5)},
		{"second**(-0.5)", Second.Pow(-0.5)},
		{"second**(-1/2)", Second.Pow(-0.5)},
		{"siemens/meter**2", Siemens.Div(Metre.Pow(2))},
		{"1", One},
		{"0.5", Scalar(0.5)},
		{"3.", Scalar(3)},
		{".5", Scalar(0.5)},
		{"1e-3", Scalar(1e-3)},
		{"2.5E+2", Scalar(250)},
		{"mV", Millivolt},
		{"(1/ms)", Q(1000, Hertz)},
		{"1/ms", Q(1000, Hertz)},
		{"1e-3*volt", Millivolt},
		{"10 nS", Q(10, Nanosiemens)},
		{"  10\tnS  ", Q(10, Nanosiemens)},
		{"-60 mV", Q(-60, Millivolt)},
		{"1/10 ms", Q(100, Hertz)},
		{"2 um**2", Q(2e-12, Metre.Pow(2))},
		{"10 nS/cm2", Q(1e-4, Siemens.Div(Metre.Pow(2)))},
		{"-2**2", Scalar(-4)},
		{"2**-1", Scalar(0.5)},
		{"2**3**2", Scalar(512)},
		{"2**-2**2", Scalar(1.0 / 16)},
		{"--3", Scalar(3)},
		{"+3*+mV", Q(3, Millivolt)},
		{"2*-mV", Q(-2, Millivolt)},
		{"((mV))", Millivolt},
		{"6/2/3", Scalar(1)},
		{"mvolt*msecond/msecond", Millivolt},
		{"1 metre**2*kilogram*second**-3*amp**-1", Volt},
		{"0.2 mM", Q(0.2, Millimolar)},
	}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		if !got.Dim.Equal(tt.want.Dim) || !approx(got.Value, tt.want.Value) {
			t.Errorf("Parse(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		in   string
		want string // the complete error message
	}{
		{"", `unit: empty expression`},
		{"   ", `unit: empty expression`},
		{"mVV", `unit: unknown unit "mVV" at column 1`},
		{"10*mVV", `unit: unknown unit "mVV" at column 4`},
		{"10nS", `unit: expected operator or end of input, found "nS" at column 3`},
		{"10 20", `unit: expected operator or end of input, found "20" at column 4`},
		{"mV mV", `unit: expected operator or end of input, found "mV" at column 4`},
		{"10*", `unit: expected number, unit name or "(", found end of input at column 4`},
		{"*10", `unit: expected number, unit name or "(", found "*" at column 1`},
		{"(mV", `unit: expected ")", found end of input at column 4`},
		{"mV)", `unit: expected operator or end of input, found ")" at column 3`},
		{"()", `unit: expected number, unit name or "(", found ")" at column 2`},
		{"m**", `unit: expected exponent (number or parenthesised expression), found end of input at column 4`},
		{"m**mV", `unit: expected exponent (number or parenthesised expression), found "mV" at column 4`},
		{"m**(mV)", `unit: exponent must be dimensionless, got volt at column 4`},
		{"m**(2", `unit: expected ")", found end of input at column 6`},
		{"m**(0/0)", `unit: exponent is not a finite number at column 4`},
		{"10 % 3", `unit: unexpected character "%" at column 4`},
		{"5 µm", `unit: unexpected character "µ" at column 3`},
		{"1e999", `unit: number "1e999" out of range at column 1`},
		{"1e200*1e200", `unit: value of "1e200*1e200" is not a finite number`},
		{"(-1)**0.5", `unit: value of "(-1)**0.5" is not a finite number`},
		{"m**1e300**2", `unit: exponent is not a finite number at column 4`},
		{"m**1e308*m**1e308", `unit: dimension of "m**1e308*m**1e308" is out of range`},
		{"10 mV + 5 mV", `unit: expected operator or end of input, found "+" at column 7`},
		{strings.Repeat("(", 200) + "1" + strings.Repeat(")", 200), `unit: expression nested too deeply at column 101`},
	}
	for _, tt := range tests {
		q, err := Parse(tt.in)
		if err == nil {
			t.Errorf("Parse(%q) = %v, want error %q", tt.in, q, tt.want)
			continue
		}
		if err.Error() != tt.want {
			t.Errorf("Parse(%q) error\n got %q\nwant %q", tt.in, err, tt.want)
		}
	}
}

func TestMustParse(t *testing.T) {
	if got := MustParse("10 nS"); got != Q(10, Nanosiemens) {
		t.Errorf("MustParse(\"10 nS\") = %v", got)
	}
	defer func() {
		if recover() == nil {
			t.Error("MustParse(\"mVV\") did not panic")
		}
	}()
	MustParse("mVV")
}

// TestStringRoundTrip checks that Parse reads back what String prints.
func TestStringRoundTrip(t *testing.T) {
	values := []float64{0, 1, -1, 0.1, 1e-3, 9e-3, 123.456, 1e-30, 1e30, -7.25e-11, 1.0 / 3, math.Pi * 1e5}
	for _, v := range values {
		for _, u := range namedDims {
			for _, p := range []float64{1, -1, 2, -0.5} {
				checkRoundTrip(t, Quantity{v, u.dim.Pow(p)})
			}
		}
		checkRoundTrip(t, Scalar(v))
		checkRoundTrip(t, Quantity{v, Dim{2, 1, -3, -1, 7, 0, 0}})
	}
}

func checkRoundTrip(t *testing.T, q Quantity) {
	t.Helper()
	s := q.String()
	got, err := Parse(s)
	if err != nil {
		t.Errorf("Parse(%q) for %+v: %v", s, q, err)
		return
	}
	if !got.Dim.Equal(q.Dim) || !close15(got.Value, q.Value) {
		t.Errorf("Parse(%q) = %+v, want %+v", s, got, q)
	}
}

// close15 reports whether a and b agree to the 15 digits String prints.
func close15(a, b float64) bool {
	if math.Abs(a) < 1e-280 && math.Abs(b) < 1e-280 || math.Abs(a) > 1e280 {
		return true // subnormal or near overflow after prefix arithmetic
	}
	return math.Abs(a-b) <= 1e-13*math.Max(math.Abs(a), math.Abs(b))
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"10*nS", "-60 * mV", "3*Hz*20*ms*2", "second**-0.5", "siemens/meter**2",
		"1", "0.5", "mV", "(1/ms)", "1e-3*volt", "10 nS", "2**-2**2", "m**(1/2)",
		"1/10 ms", "((", "1e", ".5e-3 um2", "-(-mV)**2",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := Parse(s)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "unit: ") {
				t.Errorf("Parse(%q) error %q lacks the package prefix", s, err)
			}
			return
		}
		if math.IsNaN(q.Value) || math.IsInf(q.Value, 0) {
			t.Errorf("Parse(%q) = %v, not finite", s, q)
		}
		checkRoundTrip(t, q)
	})
}
