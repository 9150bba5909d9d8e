package checkpoint

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"os"
	"sort"

	"github.com/cajal-sim/cajal/record"
)

// Magic begins every checkpoint file.
const Magic = "CAJALCKP"

// Version is the format version this package writes and reads. It changes
// whenever the layout, or the meaning of the saved arrays, does.
const Version = 1

// Kinds of entries.
const (
	kindFloat64 = 1
	kindInt32   = 2
	kindInt64   = 3
	kindText    = 4
)

// maxName bounds an entry's name.
const maxName = 1024

// Entries are the named values of a checkpoint: []float64, []int32,
// []int64 or string.
type Entries map[string]any

// ErrNotCheckpoint is the error of a file that does not begin with Magic.
var ErrNotCheckpoint = errors.New("not a cajal checkpoint file")

// VersionError is the error of a file of a format version this package
// does not read.
type VersionError struct {
	Path    string
	Version uint32
}

func (e *VersionError) Error() string {
	if e.Version > Version {
		return fmt.Sprintf("checkpoint %s has format version %d, newer than this cajal reads (%d); resume it with the cajal that wrote it", e.Path, e.Version, Version)
	}
	return fmt.Sprintf("checkpoint %s has format version %d, which this cajal does not read (it reads %d)", e.Path, e.Version, Version)
}

// Write writes the entries to path, in the order of their names, so that
// equal entries make equal files. The file appears whole or not at all
// (record.WriteFile: a temporary file, synced and renamed).
func Write(path string, e Entries) error {
	names := make([]string, 0, len(e))
	for name := range e {
		if len(name) == 0 || len(name) > maxName {
			return fmt.Errorf("checkpoint: entry name %q: 1 to %d bytes", name, maxName)
		}
		names = append(names, name)
	}
	sort.Strings(names)
	return record.WriteFile(path, func(w io.Writer) error {
		sum := crc32.New(crc32.MakeTable(crc32.Castagnoli))
		out := &encoder{w: io.MultiWriter(w, sum)}
		out.bytes([]byte(Magic))
		out.u32(Version)
		for _, name := range names {
			out.entry(name, e[name])
		}
		out.u16(0)
		if out.err != nil {
			return out.err
		}
		_, err := w.Write(binary.LittleEndian.AppendUint32(nil, sum.Sum32()))
		return err
	})
}

// encoder writes values, keeping the first error.
type encoder struct {
	w   io.Writer
	buf []byte
	err error
}

func (e *encoder) bytes(b []byte) {
	if e.err == nil {
		_, e.err = e.w.Write(b)
	}
}

func (e *encoder) u16(x uint16) { e.bytes(binary.LittleEndian.AppendUint16(e.buf[:0], x)) }
func (e *encoder) u32(x uint32) { e.bytes(binary.LittleEndian.AppendUint32(e.buf[:0], x)) }
func (e *encoder) u64(x uint64) { e.bytes(binary.LittleEndian.AppendUint64(e.buf[:0], x)) }

// entry writes one entry; values go out in blocks.
func (e *encoder) entry(name string, v any) {
	e.u16(uint16(len(name)))
	e.bytes([]byte(name))
	const block = 8192
	switch v := v.(type) {
	case []float64:
		e.head(kindFloat64, len(v))
		for lo := 0; lo < len(v); lo += block {
			b := e.buf[:0]
			for _, x := range v[lo:min(lo+block, len(v))] {
				b = binary.LittleEndian.AppendUint64(b, math.Float64bits(x))
			}
			e.bytes(b)
			e.buf = b
		}
	case []int32:
		e.head(kindInt32, len(v))
		for lo := 0; lo < len(v); lo += block {
			b := e.buf[:0]
			for _, x := range v[lo:min(lo+block, len(v))] {
				b = binary.LittleEndian.AppendUint32(b, uint32(x))
			}
			e.bytes(b)
			e.buf = b
		}
	case []int64:
		e.head(kindInt64, len(v))
		for lo := 0; lo < len(v); lo += block {
			b := e.buf[:0]
			for _, x := range v[lo:min(lo+block, len(v))] {
				b = binary.LittleEndian.AppendUint64(b, uint64(x))
			}
			e.bytes(b)
			e.buf = b
		}
	case string:
		e.head(kindText, len(v))
		e.bytes([]byte(v))
	default:
		if e.err == nil {
			e.err = fmt.Errorf("checkpoint: entry %s: cannot save a %T", name, v)
		}
	}
}

func (e *encoder) head(kind uint8, n int) {
	e.bytes([]byte{kind})
	e.u64(uint64(n))
}

// Read reads the checkpoint file path whole and checks it: its magic, its
// version and its checksum.
func Read(path string) (Entries, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("checkpoint: %w", err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("checkpoint: %w", err)
	}
	sum := crc32.New(crc32.MakeTable(crc32.Castagnoli))
	d := &decoder{r: io.TeeReader(bufio.NewReaderSize(f, 1<<16), sum), left: info.Size()}
	magic := d.bytes(len(Magic))
	if d.err != nil || string(magic) != Magic {
		return nil, fmt.Errorf("checkpoint: %s: %w", path, ErrNotCheckpoint)
	}
	if v := d.u32(); d.err == nil && v != Version {
		return nil, &VersionError{Path: path, Version: v}
	}
	e, err := d.entries()
	if err == nil {
		err = d.checksum(sum)
	}
	if err != nil {
		return nil, fmt.Errorf("checkpoint: %s is damaged or cut short: %w", path, err)
	}
	return e, nil
}
