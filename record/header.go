package record

import (
	"encoding/binary"
	"fmt"
	"strconv"
)

// The .npy preamble: magic, version, header length.
var magic = []byte("\x93NUMPY")

// rowDigits is the room the header keeps for the row count, so that the
// count can grow in place.
const rowDigits = 20

// header is a .npy header of fixed length for a schema; set rewrites its
// row count in place.
type header struct {
	buf    []byte // the whole header, preamble included; a multiple of 64 bytes
	prefix int    // bytes before the dictionary
	descr  string
}

// newHeader sizes a header for s (version 1.0, or 2.0 if the description
// is too long for a 16-bit length).
func newHeader(s Schema) *header {
	h := &header{descr: s.Descr()}
	maxDict := len(h.dict(nil, 1<<62)) + rowDigits
	h.prefix = 10
	if maxDict+1+h.prefix > 65535 {
		h.prefix = 12
	}
	total := (h.prefix + maxDict + 1 + 63) / 64 * 64
	h.buf = make([]byte, total)
	copy(h.buf, magic)
	if h.prefix == 10 {
		h.buf[6], h.buf[7] = 1, 0
		binary.LittleEndian.PutUint16(h.buf[8:], uint16(total-h.prefix))
	} else {
		h.buf[6], h.buf[7] = 2, 0
		binary.LittleEndian.PutUint32(h.buf[8:], uint32(total-h.prefix))
	}
	h.set(0)
	return h
}

// dict appends the header's dictionary for rows rows to b.
func (h *header) dict(b []byte, rows int64) []byte {
	b = append(b, "{'descr': "...)
	b = append(b, h.descr...)
	b = append(b, ", 'fortran_order': False, 'shape': ("...)
	b = strconv.AppendInt(b, rows, 10)
	return append(b, ",), }"...)
}

// set writes the row count into the header, padding with spaces to the
// fixed length and ending with a newline; it does not allocate.
func (h *header) set(rows int64) {
	b := h.dict(h.buf[:h.prefix], rows)
	for i := len(b); i < len(h.buf)-1; i++ {
		h.buf[i] = ' '
	}
	h.buf[len(h.buf)-1] = '\n'
}

// parseHeader reads the length of a .npy header from its first 12 bytes.
func parseHeader(pre []byte) (int, error) {
	if len(pre) < 10 || string(pre[:6]) != string(magic) {
		return 0, fmt.Errorf("not a .npy file")
	}
	switch pre[6] {
	case 1:
		return 10 + int(binary.LittleEndian.Uint16(pre[8:])), nil
	case 2, 3:
		if len(pre) < 12 {
			return 0, fmt.Errorf("short .npy header")
		}
		return 12 + int(binary.LittleEndian.Uint32(pre[8:])), nil
	}
	return 0, fmt.Errorf(".npy version %d is not known", pre[6])
}
