package example

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/pelletier/go-toml/v2"
)

// References are the contents of a reference file: where the numbers come
// from, and the numbers.
type References struct {
	Example    string     `toml:"example"` // the example's name
	Sources    []Source   `toml:"source"`
	Quantities []Quantity `toml:"quantity"`
}

// Source is where reference numbers come from. At least What is given;
// the other fields as far as they apply.
type Source struct {
	ID        string `toml:"id"`
	What      string `toml:"what"`      // what the numbers are, and who gave them
	Figure    string `toml:"figure"`    // a paper's figure they are read from
	Simulator string `toml:"simulator"` // simulator and version that produced them
	Script    string `toml:"script"`    // the script that produced them, if stored
	Seeds     string `toml:"seeds"`     // random seeds of the runs
}

// String is the source in one line.
func (s Source) String() string {
	parts := []string{s.What}
	for _, f := range []struct{ k, v string }{{"figure", s.Figure}, {"simulator", s.Simulator}, {"script", s.Script}, {"seeds", s.Seeds}} {
		if f.v != "" {
			parts = append(parts, f.k+" "+f.v)
		}
	}
	return strings.Join(parts, "; ")
}

// Quantity is one statistic's reference and the band a check accepts.
type Quantity struct {
	Key    string `toml:"key"`    // how the code finds it
	Name   string `toml:"name"`   // what it is, as printed
	Unit   string `toml:"unit"`   // as printed; empty for none
	Source string `toml:"source"` // a Source's ID
	// The reference: a value, a range, or an ensemble's mean, standard
	// deviation and number of runs.
	Value *float64  `toml:"value"`
	Range []float64 `toml:"range"`
	Mean  *float64  `toml:"mean"`
	SD    float64   `toml:"sd"`
	N     int       `toml:"n"`
	// The band: explicit, or a half-width around the reference (around
	// the range's ends for a range).
	Fixed  []float64 `toml:"band"` // band = [lo, hi]
	Tol    float64   `toml:"tol"`
	RelTol float64   `toml:"rel_tol"`
	Sigmas float64   `toml:"sigmas"`
	// SEs is the half-width of the band of an ensemble's mean, in
	// standard errors: of the difference of two means when the reference
	// is an ensemble, of the ensemble's mean when it is a value or range
	// (the mean must come that close to it). Zero when the quantity is
	// compared with single runs only.
	SEs float64 `toml:"ses"`
	Why string  `toml:"why"` // why the band is what it is
}

// Parse reads a reference file.
func Parse(data []byte) (*References, error) {
	var r References
	dec := toml.NewDecoder(bytes.NewReader(data)).DisallowUnknownFields()
	if err := dec.Decode(&r); err != nil {
		var sm *toml.StrictMissingError
		if errors.As(err, &sm) && len(sm.Errors) > 0 {
			de := sm.Errors[0]
			row, col := de.Position()
			return nil, fmt.Errorf("reference file, line %d column %d: unknown field %q", row, col, strings.Join(de.Key(), "."))
		}
		var de *toml.DecodeError
		if errors.As(err, &de) {
			row, col := de.Position()
			return nil, fmt.Errorf("reference file, line %d column %d: %s", row, col, de.Error())
		}
		return nil, fmt.Errorf("reference file: %w", err)
	}
	if err := r.validate(); err != nil {
		return nil, fmt.Errorf("reference file of %s: %w", r.Example, err)
	}
	return &r, nil
}

// validate checks that every quantity has a source, one reference and a
// justified band.
func (r *References) validate() error {
	if r.Example == "" {
		return errors.New("no example name")
	}
	ids := map[string]bool{}
	for _, s := range r.Sources {
		if s.ID == "" || s.What == "" {
			return fmt.Errorf("a source needs an id and a what: %+v", s)
		}
		if ids[s.ID] {
			return fmt.Errorf("source %q given twice", s.ID)
		}
		ids[s.ID] = true
	}
	keys := map[string]bool{}
	for _, q := range r.Quantities {
		if q.Key == "" || q.Name == "" {
			return fmt.Errorf("a quantity needs a key and a name: %+v", q)
		}
		if keys[q.Key] {
			return fmt.Errorf("quantity %q given twice", q.Key)
		}
		keys[q.Key] = true
		if !ids[q.Source] {
			return fmt.Errorf("quantity %q: unknown source %q", q.Key, q.Source)
		}
		refs := 0
		if q.Value != nil {
			refs++
		}
		if q.Range != nil {
			refs++
			if len(q.Range) != 2 || !(q.Range[0] <= q.Range[1]) {
				return fmt.Errorf("quantity %q: range must be [lo, hi], got %v", q.Key, q.Range)
			}
		}
		if q.Mean != nil {
			refs++
			if !(q.SD > 0) || q.N < 2 {
				return fmt.Errorf("quantity %q: an ensemble mean needs sd > 0 and n >= 2", q.Key)
			}
		}
		if refs != 1 {
			return fmt.Errorf("quantity %q: give exactly one of value, range, mean", q.Key)
		}
		if q.Why == "" {
			return fmt.Errorf("quantity %q: say why the band is what it is (why = ...)", q.Key)
		}
		if _, _, err := q.band(); err != nil && !(err == errNoBand && q.SEs > 0) {
			return fmt.Errorf("quantity %q: %w", q.Key, err)
		}
	}
	return nil
}

// Quantity returns the quantity with the key.
func (r *References) Quantity(key string) (Quantity, error) {
	for _, q := range r.Quantities {
		if q.Key == key {
			return q, nil
		}
	}
	return Quantity{}, fmt.Errorf("reference file of %s has no quantity %q", r.Example, key)
}

// SourceOf returns the source of a quantity.
func (r *References) SourceOf(q Quantity) Source {
	for _, s := range r.Sources {
		if s.ID == q.Source {
			return s
		}
	}
	return Source{}
}

// Reference is the reference's lower and upper end: the value twice, the
// range, or the ensemble mean twice.
func (q Quantity) Reference() (lo, hi float64) {
	switch {
	case q.Value != nil:
		return *q.Value, *q.Value
	case q.Range != nil:
		return q.Range[0], q.Range[1]
	case q.Mean != nil:
		return *q.Mean, *q.Mean
	}
	return math.NaN(), math.NaN()
}

// errNoBand is the error of a quantity compared only as an ensemble's
// mean.
var errNoBand = errors.New("give one of band, tol, rel_tol, sigmas (or ses, for an ensemble's mean)")

// Band is what a check accepts of a single value; ok is false when the
// quantity is compared only as an ensemble's mean.
func (q Quantity) Band() (lo, hi float64, ok bool) {
	lo, hi, err := q.band()
	return lo, hi, err == nil
}

func (q Quantity) band() (lo, hi float64, err error) {
	given := 0
	for _, set := range []bool{q.Fixed != nil, q.Tol != 0, q.RelTol != 0, q.Sigmas != 0} {
		if set {
			given++
		}
	}
	if given == 0 {
		return math.Inf(-1), math.Inf(1), errNoBand
	}
	if given != 1 {
		return 0, 0, errors.New("give exactly one of band, tol, rel_tol, sigmas")
	}
	rlo, rhi := q.Reference()
	switch {
	case q.Fixed != nil:
		if len(q.Fixed) != 2 || !(q.Fixed[0] <= q.Fixed[1]) {
			return 0, 0, fmt.Errorf("band must be [lo, hi], got %v", q.Fixed)
		}
		return q.Fixed[0], q.Fixed[1], nil
	case q.Tol > 0:
		return rlo - q.Tol, rhi + q.Tol, nil
	case q.RelTol > 0:
		return rlo - q.RelTol*math.Abs(rlo), rhi + q.RelTol*math.Abs(rhi), nil
	case q.Sigmas > 0:
		if !(q.SD > 0) {
			return 0, 0, errors.New("sigmas needs sd")
		}
		return rlo - q.Sigmas*q.SD, rhi + q.Sigmas*q.SD, nil
	}
	return 0, 0, errors.New("tol, rel_tol and sigmas must be positive")
}
