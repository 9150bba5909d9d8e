package record

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// Kind is the type of a field's values, stored little-endian.
type Kind uint8

// The kinds of values.
const (
	Int32   Kind = iota + 1 // numpy '<i4'
	Float64                 // numpy '<f8'
)

// String is the kind's numpy type string.
func (k Kind) String() string {
	switch k {
	case Int32:
		return "<i4"
	case Float64:
		return "<f8"
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// size is the number of bytes of one value.
func (k Kind) size() int {
	switch k {
	case Int32:
		return 4
	case Float64:
		return 8
	}
	return 0
}

// MarshalJSON writes the numpy type string.
func (k Kind) MarshalJSON() ([]byte, error) { return json.Marshal(k.String()) }

// UnmarshalJSON reads a numpy type string.
func (k *Kind) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	switch s {
	case "<i4":
		*k = Int32
	case "<f8":
		*k = Float64
	default:
		return fmt.Errorf("record: unknown dtype %q", s)
	}
	return nil
}

// Field is one named part of a row.
type Field struct {
	Name string `json:"name"`
	Kind Kind   `json:"dtype"`
	// Width is 0 for one value per row, or n >= 1 for a subarray of n
	// values per row (one per recorded element), which numpy reads as a
	// 2-D array of shape (rows, n).
	Width int `json:"width,omitempty"`
	// Unit is the SI unit of the values ("second", "volt", "1" for plain
	// numbers and indices).
	Unit  string `json:"unit"`
	About string `json:"about,omitempty"`
}

// size is the number of bytes the field takes in a row.
func (f Field) size() int { return f.Kind.size() * max(f.Width, 1) }

// Schema is the fields of a row, in order.
type Schema []Field

// RowSize is the number of bytes of one row.
func (s Schema) RowSize() int {
	n := 0
	for _, f := range s {
		n += f.size()
	}
	return n
}

// Offset is the byte offset of the named field within a row, and the field.
func (s Schema) Offset(name string) (int, Field, bool) {
	off := 0
	for _, f := range s {
		if f.Name == name {
			return off, f, true
		}
		off += f.size()
	}
	return 0, Field{}, false
}

// check reports a schema numpy could not read or this package could not
// write.
func (s Schema) check() error {
	if len(s) == 0 {
		return fmt.Errorf("record: a row needs at least one field")
	}
	seen := map[string]bool{}
	for _, f := range s {
		if f.Name == "" || strings.ContainsAny(f.Name, "'\"\\\n") {
			return fmt.Errorf("record: %q is not a usable field name", f.Name)
		}
		if seen[f.Name] {
			return fmt.Errorf("record: two fields are named %q", f.Name)
		}
		seen[f.Name] = true
		if f.Kind.size() == 0 {
			return fmt.Errorf("record: field %q has no type", f.Name)
		}
		if f.Width < 0 {
			return fmt.Errorf("record: field %q has a negative width", f.Name)
		}
	}
	return nil
}

// Descr is the numpy description of a row, as a .npy header holds it:
// [('i', '<i4'), ('t', '<f8'), ('v', '<f8', (3,))].
func (s Schema) Descr() string {
	var b strings.Builder
	b.WriteByte('[')
	for k, f := range s {
		if k > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "('%s', '%s'", f.Name, f.Kind)
		if f.Width > 0 {
			fmt.Fprintf(&b, ", (%d,)", f.Width)
		}
		b.WriteByte(')')
	}
	b.WriteByte(']')
	return b.String()
}
