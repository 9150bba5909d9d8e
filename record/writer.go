package record

import (
	"encoding/binary"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
)

// Defaults of a Writer's flushing.
const (
	// DefaultBlock is the most bytes a Writer holds before it flushes.
	DefaultBlock = 4 << 20
	// DefaultEvery is the most simulated time, in seconds, between flushes.
	DefaultEvery = 1.0
)

// Writer streams rows to a .npy file. A monitor appends the values of a
// row in the schema's order (Int32, Float64, Float64s), ends it with
// EndRow, and calls Tick once per step; the Writer flushes a block when it
// holds Block bytes or when Every simulated seconds have passed since the
// last flush. A Writer is not safe for concurrent use.
type Writer struct {
	// Block and Every bound the rows held in memory (bytes) and the
	// simulated time they cover (seconds).
	Block int
	Every float64

	path    string
	meta    Meta
	f       *os.File
	hdr     *header
	rowSize int
	buf     []byte
	rows    int64 // rows on disk
	pending int64 // rows in buf
	last    float64
	err     error // the first error; every later call returns it
}

// Create makes the .npy file path (and its JSON file) for rows of
// meta.Fields, with no rows yet; the folder must exist. Both files appear
// by rename, whole.
func Create(path string, meta Meta) (*Writer, error) {
	meta.Format = Layout
	meta.Rows, meta.Complete = 0, false
	if err := meta.Fields.check(); err != nil {
		return nil, err
	}
	if err := writeMeta(path, meta); err != nil {
		return nil, err
	}
	w := &Writer{Block: DefaultBlock, Every: DefaultEvery, path: path, meta: meta,
		hdr: newHeader(meta.Fields), rowSize: meta.Fields.RowSize(), last: math.Inf(-1)}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return nil, fmt.Errorf("record: %w", err)
	}
	if _, err := f.Write(w.hdr.buf); err != nil {
		f.Close()
		os.Remove(f.Name())
		return nil, fmt.Errorf("record: %w", err)
	}
	if err := f.Chmod(0o644); err == nil {
		err = commit(f, path)
	}
	if err != nil {
		f.Close()
		os.Remove(f.Name())
		return nil, err
	}
	w.f = f
	return w, nil
}

// Path is the .npy file.
func (w *Writer) Path() string { return w.path }

// Rows is the number of rows appended so far, flushed or not.
func (w *Writer) Rows() int64 { return w.rows + w.pending }

// Int32 appends an int32 value to the current row.
func (w *Writer) Int32(v int32) { w.buf = binary.LittleEndian.AppendUint32(w.buf, uint32(v)) }

// Float64 appends a float64 value to the current row.
func (w *Writer) Float64(v float64) {
	w.buf = binary.LittleEndian.AppendUint64(w.buf, math.Float64bits(v))
}

// EndRow ends the current row.
func (w *Writer) EndRow() { w.pending++ }

// Tick flushes if a block is full or Every simulated seconds have passed
// since the last flush; t is the simulated time in seconds.
func (w *Writer) Tick(t float64) error {
	if w.err != nil {
		return w.err
	}
	if len(w.buf) < w.Block && t-w.last < w.Every {
		return nil
	}
	w.last = t
	return w.Flush()
}

// Flush writes the rows held in memory after those on disk, syncs them,
// and then moves the header's row count forward and syncs it: a reader
// sees either the old rows or the old and the new, whole.
func (w *Writer) Flush() error {
	if w.err != nil || w.pending == 0 {
		return w.err
	}
	if w.f == nil {
		return w.fail(fmt.Errorf("record: %s is closed", w.path))
	}
	if int64(len(w.buf)) != w.pending*int64(w.rowSize) {
		return w.fail(fmt.Errorf("record: %s: %d bytes for %d rows of %d bytes", w.path, len(w.buf), w.pending, w.rowSize))
	}
	end := int64(len(w.hdr.buf)) + w.rows*int64(w.rowSize)
	if _, err := w.f.WriteAt(w.buf, end); err != nil {
		return w.fail(err)
	}
	if err := w.f.Sync(); err != nil {
		return w.fail(err)
	}
	w.rows += w.pending
	w.pending, w.buf = 0, w.buf[:0]
	w.hdr.set(w.rows)
	if _, err := w.f.WriteAt(w.hdr.buf, 0); err != nil {
		return w.fail(err)
	}
	if err := w.f.Sync(); err != nil {
		return w.fail(err)
	}
	return nil
}

// fail records the first error.
func (w *Writer) fail(err error) error {
	if !strings.HasPrefix(err.Error(), "record:") {
		err = fmt.Errorf("record: %w", err)
	}
	w.err = err
	return err
}

// Close flushes, closes the file and marks it complete in its JSON file;
// note, if not empty, says why recording ended (a cancelled run). Closing
// twice does nothing.
func (w *Writer) Close(note string) error {
	if w.f == nil {
		return w.err
	}
	err := w.Flush()
	if cerr := w.f.Close(); err == nil && cerr != nil {
		err = w.fail(cerr)
	}
	w.f = nil
	if err != nil {
		return err
	}
	w.meta.Rows, w.meta.Complete, w.meta.Note = w.rows, true, note
	return writeMeta(w.path, w.meta)
}
