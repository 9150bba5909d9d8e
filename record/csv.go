package record

import (
	"bufio"
	"encoding/binary"
	"io"
	"math"
	"strconv"
)

// WriteCSV writes a table as CSV, atomically (WriteFile), reading it a
// block at a time: a header line names each column with its unit
// ("t (second)"; a subarray field gives one column per element, "v[0]
// (volt)", numbered by Meta.Elements if it is set), then one line per row, values in SI units.
func WriteCSV(path string, t *Table) error {
	return WriteFile(path, func(w io.Writer) error {
		bw := bufio.NewWriter(w)
		for k, f := range t.Meta.Fields {
			for e := range max(f.Width, 1) {
				if k > 0 || e > 0 {
					bw.WriteByte(',')
				}
				bw.WriteString(f.Name)
				if f.Width > 0 {
					el := e
					if e < len(t.Meta.Elements) {
						el = t.Meta.Elements[e]
					}
					bw.WriteString("[" + strconv.Itoa(el) + "]")
				}
				if f.Unit != "" && f.Unit != "1" {
					bw.WriteString(" (" + f.Unit + ")")
				}
			}
		}
		bw.WriteByte('\n')
		var line []byte
		err := t.readRows(func(row []byte) {
			line = appendRow(line[:0], t.Meta.Fields, row)
			bw.Write(line)
		})
		if err != nil {
			return err
		}
		return bw.Flush()
	})
}

// appendRow formats one row: integers as such, floats in the shortest
// form that reads back exactly.
func appendRow(b []byte, s Schema, row []byte) []byte {
	off := 0
	for k, f := range s {
		for e := range max(f.Width, 1) {
			if k > 0 || e > 0 {
				b = append(b, ',')
			}
			switch f.Kind {
			case Int32:
				b = strconv.AppendInt(b, int64(int32(binary.LittleEndian.Uint32(row[off:]))), 10)
			case Float64:
				b = strconv.AppendFloat(b, math.Float64frombits(binary.LittleEndian.Uint64(row[off:])), 'g', -1, 64)
			}
			off += f.Kind.size()
		}
	}
	return append(b, '\n')
}
