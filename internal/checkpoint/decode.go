package checkpoint

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash"
	"io"
	"math"
)

// decoder reads values, keeping the first error; left is what the file
// holds after the bytes read, which bounds every count.
type decoder struct {
	r    io.Reader
	left int64
	err  error
}

var errShort = errors.New("the file ends early")

func (d *decoder) bytes(n int) []byte {
	if d.err != nil {
		return nil
	}
	if int64(n) > d.left {
		d.err = errShort
		return nil
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(d.r, b); err != nil {
		d.err = errShort
		return nil
	}
	d.left -= int64(n)
	return b
}

func (d *decoder) u16() uint16 {
	if b := d.bytes(2); b != nil {
		return binary.LittleEndian.Uint16(b)
	}
	return 0
}

func (d *decoder) u32() uint32 {
	if b := d.bytes(4); b != nil {
		return binary.LittleEndian.Uint32(b)
	}
	return 0
}

func (d *decoder) u64() uint64 {
	if b := d.bytes(8); b != nil {
		return binary.LittleEndian.Uint64(b)
	}
	return 0
}

// entries reads entries up to the end mark.
func (d *decoder) entries() (Entries, error) {
	e := Entries{}
	for {
		n := d.u16()
		if d.err != nil {
			return nil, d.err
		}
		if n == 0 {
			return e, nil
		}
		if n > maxName {
			return nil, fmt.Errorf("an entry name of %d bytes", n)
		}
		name := string(d.bytes(int(n)))
		kind := d.bytes(1)
		count := d.u64()
		if d.err != nil {
			return nil, d.err
		}
		if _, dup := e[name]; dup {
			return nil, fmt.Errorf("entry %s twice", name)
		}
		v, err := d.values(kind[0], count)
		if err != nil {
			return nil, fmt.Errorf("entry %s: %w", name, err)
		}
		e[name] = v
	}
}

// values reads count values of a kind, a block at a time.
func (d *decoder) values(kind uint8, count uint64) (any, error) {
	size := map[uint8]uint64{kindFloat64: 8, kindInt32: 4, kindInt64: 8, kindText: 1}[kind]
	if size == 0 {
		return nil, fmt.Errorf("unknown kind %d", kind)
	}
	if count > uint64(d.left)/size {
		return nil, errShort
	}
	if kind == kindText {
		return string(d.bytes(int(count))), d.err
	}
	n := int(count)
	var f64 []float64
	var i32 []int32
	var i64 []int64
	switch kind {
	case kindFloat64:
		f64 = make([]float64, n)
	case kindInt32:
		i32 = make([]int32, n)
	case kindInt64:
		i64 = make([]int64, n)
	}
	const block = 8192
	for lo := 0; lo < n; lo += block {
		m := min(block, n-lo)
		b := d.bytes(m * int(size))
		if d.err != nil {
			return nil, d.err
		}
		for k := range m {
			switch kind {
			case kindFloat64:
				f64[lo+k] = math.Float64frombits(binary.LittleEndian.Uint64(b[8*k:]))
			case kindInt32:
				i32[lo+k] = int32(binary.LittleEndian.Uint32(b[4*k:]))
			case kindInt64:
				i64[lo+k] = int64(binary.LittleEndian.Uint64(b[8*k:]))
			}
		}
	}
	switch kind {
	case kindFloat64:
		return f64, nil
	case kindInt32:
		return i32, nil
	}
	return i64, nil
}

// checksum reads the stored checksum and compares it with that of the
// bytes before it; nothing may follow it.
func (d *decoder) checksum(sum hash.Hash32) error {
	want := sum.Sum32()
	got := d.u32()
	if d.err != nil {
		return d.err
	}
	if got != want {
		return fmt.Errorf("checksum %08x, but the contents sum to %08x", got, want)
	}
	if d.left != 0 {
		return fmt.Errorf("%d bytes after the checksum", d.left)
	}
	return nil
}
