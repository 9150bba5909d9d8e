package record

import (
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"os"

	"codeberg.org/sbinet/npyio/npy"
)

// Table is a monitor's file opened for reading: the rows its header
// counts, which are whole even if the writer was killed.
type Table struct {
	Meta Meta
	Rows int64 // rows the header counts
	f    *os.File
	data int64 // offset of the first row
	size int   // bytes per row
}

// Open opens the .npy file path and the JSON file beside it. The header
// is read by npyio; its description of a row must be the JSON file's.
func Open(path string) (*Table, error) {
	meta, err := ReadMeta(path)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("record: %w", err)
	}
	t, err := open(f, meta)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("record: %s: %w", path, err)
	}
	return t, nil
}

func open(f *os.File, meta Meta) (*Table, error) {
	r, err := readHeader(f)
	if err != nil {
		return nil, err
	}
	h := r.Header.Descr
	if want := meta.Fields.Descr(); h.Type != want {
		return nil, fmt.Errorf("rows are %s, the JSON file says %s", h.Type, want)
	}
	if h.Fortran || len(h.Shape) != 1 {
		return nil, fmt.Errorf("shape %v: want one dimension in C order", h.Shape)
	}
	var pre [12]byte
	if _, err := f.ReadAt(pre[:], 0); err != nil {
		return nil, err
	}
	data, err := parseHeader(pre[:])
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	t := &Table{Meta: meta, Rows: int64(h.Shape[0]), f: f, data: int64(data), size: meta.Fields.RowSize()}
	if t.size > 0 && (st.Size()-t.data)/int64(t.size) < t.Rows {
		return nil, fmt.Errorf("the header counts %d rows but the file holds %d", t.Rows, (st.Size()-t.data)/int64(t.size))
	}
	return t, nil
}

// readHeader reads a .npy header with npyio, turning a panic on a
// malformed header into an error.
func readHeader(f *os.File) (r *npy.Reader, err error) {
	defer func() {
		if p := recover(); p != nil {
			r, err = nil, fmt.Errorf("malformed .npy header: %v", p)
		}
	}()
	return npy.NewReader(f)
}

// Close closes the file.
func (t *Table) Close() error { return t.f.Close() }

// Block reads rows lo to hi-1, raw (little-endian, RowSize bytes each).
func (t *Table) Block(lo, hi int64) ([]byte, error) {
	if lo < 0 || hi > t.Rows || lo > hi {
		return nil, fmt.Errorf("record: rows %d to %d of %d", lo, hi, t.Rows)
	}
	b := make([]byte, (hi-lo)*int64(t.size))
	if _, err := t.f.ReadAt(b, t.data+lo*int64(t.size)); err != nil && err != io.EOF {
		return nil, fmt.Errorf("record: %w", err)
	}
	return b, nil
}

// field finds a field of the given kind.
func (t *Table) field(name string, k Kind) (int, Field, error) {
	off, f, ok := t.Meta.Fields.Offset(name)
	if !ok {
		return 0, f, fmt.Errorf("record: no field %q in %s", name, t.Meta.Fields.Descr())
	}
	if f.Kind != k {
		return 0, f, fmt.Errorf("record: field %q holds %s, not %s", name, f.Kind, k)
	}
	return off, f, nil
}

// readRows calls fn with each row, reading 1 MiB at a time.
func (t *Table) readRows(fn func(row []byte)) error { return t.readRange(0, t.Rows, fn) }

// readRange calls fn with rows lo to hi-1, reading 1 MiB at a time.
func (t *Table) readRange(from, to int64, fn func(row []byte)) error {
	if from < 0 || to > t.Rows || from > to {
		return fmt.Errorf("record: rows %d to %d of %d", from, to, t.Rows)
	}
	step := max(int64(1<<20/max(t.size, 1)), 1)
	for lo := from; lo < to; lo += step {
		b, err := t.Block(lo, min(lo+step, to))
		if err != nil {
			return err
		}
		for r := 0; r+t.size <= len(b) && t.size > 0; r += t.size {
			fn(b[r : r+t.size])
		}
	}
	return nil
}

// Int32 reads an int32 field of every row (Width values per row for a
// subarray field, row after row).
func (t *Table) Int32(name string) ([]int32, error) { return t.Int32Range(name, 0, t.Rows) }

// Float64 reads a float64 field of every row (Width values per row for a
// subarray field, row after row).
func (t *Table) Float64(name string) ([]float64, error) { return t.Float64Range(name, 0, t.Rows) }

// Int32Range reads an int32 field of rows lo to hi-1.
func (t *Table) Int32Range(name string, lo, hi int64) ([]int32, error) {
	off, f, err := t.field(name, Int32)
	if err != nil {
		return nil, err
	}
	n := max(f.Width, 1)
	out := make([]int32, 0, max(hi-lo, 0)*int64(n))
	err = t.readRange(lo, hi, func(row []byte) {
		for k := range n {
			out = append(out, int32(binary.LittleEndian.Uint32(row[off+4*k:])))
		}
	})
	return out, err
}

// Float64Range reads a float64 field of rows lo to hi-1.
func (t *Table) Float64Range(name string, lo, hi int64) ([]float64, error) {
	off, f, err := t.field(name, Float64)
	if err != nil {
		return nil, err
	}
	n := max(f.Width, 1)
	out := make([]float64, 0, max(hi-lo, 0)*int64(n))
	err = t.readRange(lo, hi, func(row []byte) {
		for k := range n {
			out = append(out, math.Float64frombits(binary.LittleEndian.Uint64(row[off+8*k:])))
		}
	})
	return out, err
}
