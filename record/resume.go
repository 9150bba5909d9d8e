package record

import (
	"fmt"
	"math"
	"os"
)

// Resume reopens the .npy file path, made by Create, to append after its
// first rows rows, cutting any rows after them. A checkpoint saves a
// monitor's Rows after a Flush; a run restored from the checkpoint
// resumes its file here, so that the file holds each row once.
func Resume(path string, rows int64) (*Writer, error) {
	meta, err := ReadMeta(path)
	if err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return nil, fmt.Errorf("record: %w", err)
	}
	t, err := open(f, meta)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("record: %s: %w", path, err)
	}
	w := &Writer{Block: DefaultBlock, Every: DefaultEvery, path: path, meta: meta,
		hdr: newHeader(meta.Fields), rowSize: t.size, last: math.Inf(-1), f: f}
	switch {
	case t.data != int64(len(w.hdr.buf)):
		err = fmt.Errorf("record: %s was not written by this package (header of %d bytes)", path, t.data)
	case rows < 0 || rows > t.Rows:
		err = fmt.Errorf("record: %s holds %d rows; cannot resume after row %d", path, t.Rows, rows)
	}
	if err == nil {
		err = f.Truncate(t.data + rows*int64(t.size))
	}
	if err == nil {
		w.rows = rows
		w.hdr.set(rows)
		if _, err = f.WriteAt(w.hdr.buf, 0); err == nil {
			err = f.Sync()
		}
	}
	if err == nil {
		meta.Rows, meta.Complete, meta.Note = 0, false, ""
		w.meta = meta
		err = writeMeta(path, meta)
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return w, nil
}
