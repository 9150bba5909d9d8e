package unit

import (
	"math"
	"strconv"
	"strings"
)

// maxDigits is the number of significant digits String prints at most, so
// that float noise such as 0.009000000000000001 prints as 0.009.
const maxDigits = 15

// String returns the dimension as a Brian2 unit expression that Parse reads
// back: "1" for a dimensionless quantity; the full name of a named unit
// ("volt", "siemens", "hertz", "molar"); else, if there is one, the
// simplest product of one or two named units raised to small integer
// powers ("volt/second", "siemens/metre**2", "volt*second", "metre**2");
// else the product of base units, as in "metre**2*kilogram*second**-3" or
// "second**-0.5".
func (d Dim) String() string {
	d = d.snapped()
	if d.IsDimensionless() {
		return "1"
	}
	if n := namedFor(d); n != nil {
		return n.name
	}
	if s, ok := compound(d); ok {
		return s
	}
	var b strings.Builder
	for i, x := range d {
		if x == 0 {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('*')
		}
		writePower(&b, baseNames[i], x)
	}
	return b.String()
}

// namedFor returns the named unit with dimension d, or nil.
func namedFor(d Dim) *namedDim {
	for i := range namedDims {
		if namedDims[i].dim.Equal(d) {
			return &namedDims[i]
		}
	}
	return nil
}

// A factor is a named unit raised to an integer power.
type factor struct {
	unit int // index in namedDims
	exp  int
}

// compound writes d as one named unit raised to a power with magnitude up
// to 4, or as the product of two named units raised to powers with
// magnitude up to 3. It prefers one factor to two, then the smallest sum of
// absolute exponents, then units early in namedDims. d must be snapped.
func compound(d Dim) (string, bool) {
	key, ok := keyOf(d)
	if !ok {
		return "", false
	}
	if ps := powersByDim[key]; len(ps) > 0 {
		return formatFactors(unitPowers[ps[0]].factor), true
	}
	var best [2]factor
	bestCost := math.MaxInt
	for _, p := range unitPowers {
		if abs(p.exp) > 3 {
			continue
		}
		rest, ok := keyOf(d.Div(p.dim))
		if !ok {
			continue
		}
		for _, ri := range powersByDim[rest] {
			// Ties go to the pair found first: the one with the
			// smaller power of its first unit, then the one whose
			// units come earliest in namedDims.
			r := unitPowers[ri]
			cost := abs(p.exp) + abs(r.exp)
			if r.unit <= p.unit || abs(r.exp) > 3 || cost >= bestCost {
				continue
			}
			if parallel(namedDims[p.unit].dim, namedDims[r.unit].dim) {
				continue // second and hertz; ohm and siemens
			}
			best = [2]factor{p.factor, r.factor}
			bestCost = cost
		}
	}
	if bestCost == math.MaxInt {
		return "", false
	}
	if best[0].exp < 0 && best[1].exp > 0 {
		best[0], best[1] = best[1], best[0]
	}
	return formatFactors(best[0], best[1]), true
}

// A unitPower is a factor together with its dimension.
type unitPower struct {
	factor
	dim Dim
}

// unitPowers lists the named units other than solo ones raised to the
// powers ±1 to ±4 except 1, smallest magnitude first, then in namedDims
// order, positive before negative. It is built once and never modified.
var unitPowers = buildUnitPowers()

// A dimKey is a dimension with small integer exponents, usable as a map key.
type dimKey [len(Dim{})]int8

// keyOf returns the key of d, or false if d has an exponent that is not an
// integer within ±100, which no product of unitPowers has.
func keyOf(d Dim) (dimKey, bool) {
	var k dimKey
	for i, x := range d {
		if x != math.Trunc(x) || math.Abs(x) > 100 {
			return dimKey{}, false
		}
		k[i] = int8(x)
	}
	return k, true
}

// powersByDim maps the key of each dimension in unitPowers to the indices
// of its entries, in unitPowers order. It is built once and never modified.
var powersByDim = indexPowers(unitPowers)

func indexPowers(ps []unitPower) map[dimKey][]int {
	m := make(map[dimKey][]int)
	for i, p := range ps {
		k, _ := keyOf(p.dim)
		m[k] = append(m[k], i)
	}
	return m
}

func buildUnitPowers() []unitPower {
	var ps []unitPower
	for m := 1; m <= 4; m++ {
		for i, u := range namedDims {
			if u.solo {
				continue
			}
			for _, k := range []int{m, -m} {
				ps = append(ps, unitPower{factor{i, k}, u.dim.Pow(float64(k))})
			}
		}
	}
	return ps
}

// parallel reports whether d and e are equal or inverse.
func parallel(d, e Dim) bool {
	return d.Equal(e) || d.Equal(e.Pow(-1))
}

// formatFactors writes factors as a Python expression: the first with
// "**" for any power other than 1, the rest with "*" or "/".
func formatFactors(fs ...factor) string {
	var b strings.Builder
	for i, f := range fs {
		name := namedDims[f.unit].name
		switch {
		case i == 0:
			writePower(&b, name, float64(f.exp))
		case f.exp > 0:
			b.WriteByte('*')
			writePower(&b, name, float64(f.exp))
		default:
			b.WriteByte('/')
			writePower(&b, name, float64(-f.exp))
		}
	}
	return b.String()
}

// writePower writes name, followed by "**" and the exponent unless it is 1.
func writePower(b *strings.Builder, name string, exp float64) {
	b.WriteString(name)
	if exp != 1 {
		b.WriteString("**")
		b.WriteString(strconv.FormatFloat(exp, 'g', -1, 64))
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// String formats q for people and for Parse. A dimensionless quantity
// prints as a plain number ("0.25"). A quantity whose dimension is a named
// unit gets the SI prefix that puts its mantissa in [1, 1000): "10 nS",
// "-60 mV", "200 pF", "5 ms", "1 kg", "2 mM". Any other quantity prints its
// value in SI base units followed by Dim.String: "2 volt/second",
// "0.5 second**-0.5". At most 15 significant digits are printed.
func (q Quantity) String() string {
	if q.Dim.IsDimensionless() {
		return formatFloat(q.Value)
	}
	n := namedFor(q.Dim)
	if n == nil || math.IsInf(q.Value, 0) || math.IsNaN(q.Value) {
		return formatFloat(q.Value) + " " + q.Dim.String()
	}
	neg, digits, exp := decimal(q.Value)
	if digits == "0" {
		sym := n.sym
		if n.symExp < 0 {
			sym = prefixSymbol(-n.symExp) + sym // "0 kg", not "0 g"
		}
		return formatDecimal(neg, digits, 0) + " " + sym
	}
	exp -= n.symExp // exponent of the value in units of n.sym
	p := floorDiv(exp, 3) * 3
	p = max(-24, min(24, p))
	return formatDecimal(neg, digits, exp-p) + " " + prefixSymbol(p) + n.sym
}

// floorDiv returns a/b rounded towards minus infinity, for b > 0.
func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && a < 0 {
		q--
	}
	return q
}

// formatFloat formats v with at most maxDigits significant digits, in plain
// decimal notation for moderate exponents and in e notation otherwise, in
// the manner of Python's repr.
func formatFloat(v float64) string {
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return strconv.FormatFloat(v, 'g', -1, 64)
	}
	return formatDecimal(decimal(v))
}

// decimal returns the shortest decimal representation of the finite v,
// rounded to at most maxDigits significant digits: v is
// ±digits[0].digits[1:] × 10**exp. For zero, digits is "0" and exp is 0.
func decimal(v float64) (neg bool, digits string, exp int) {
	s := strconv.FormatFloat(v, 'e', -1, 64)
	if strings.IndexByte(s, 'e')-strings.Count(s[:2], "-")-1 > maxDigits {
		// More than maxDigits digits and a decimal point.
		s = strconv.FormatFloat(v, 'e', maxDigits-1, 64)
	}
	if s[0] == '-' {
		neg, s = true, s[1:]
	}
	mant, e, _ := strings.Cut(s, "e")
	exp, _ = strconv.Atoi(e)
	digits = strings.Replace(mant, ".", "", 1)
	digits = strings.TrimRight(digits, "0")
	if digits == "" {
		return neg, "0", 0
	}
	return neg, digits, exp
}

// formatDecimal formats ±digits[0].digits[1:] × 10**exp, in plain notation
// when -4 <= exp < 16 and in e notation ("1.5e-07") otherwise.
func formatDecimal(neg bool, digits string, exp int) string {
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	switch {
	case exp < -4 || exp >= 16:
		b.WriteString(digits[:1])
		if len(digits) > 1 {
			b.WriteByte('.')
			b.WriteString(digits[1:])
		}
		b.WriteByte('e')
		if exp < 0 {
			b.WriteByte('-')
			exp = -exp
		} else {
			b.WriteByte('+')
		}
		if exp < 10 {
			b.WriteByte('0')
		}
		b.WriteString(strconv.Itoa(exp))
	case exp < 0:
		b.WriteString("0.")
		b.WriteString(strings.Repeat("0", -exp-1))
		b.WriteString(digits)
	case len(digits) <= exp+1:
		b.WriteString(digits)
		b.WriteString(strings.Repeat("0", exp+1-len(digits)))
	default:
		b.WriteString(digits[:exp+1])
		b.WriteByte('.')
		b.WriteString(digits[exp+1:])
	}
	return b.String()
}
