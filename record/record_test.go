package record

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"codeberg.org/sbinet/npyio"
)

var spikeFields = Schema{
	{Name: "i", Kind: Int32, Unit: "1"},
	{Name: "t", Kind: Float64, Unit: "second"},
}

// writeSpikes appends n rows (k, k/8) to w, ticking at each row's time.
func writeSpikes(t *testing.T, w *Writer, from, n int) {
	t.Helper()
	for k := from; k < from+n; k++ {
		w.Int32(int32(k))
		w.Float64(float64(k) / 8)
		w.EndRow()
		if err := w.Tick(float64(k) / 8); err != nil {
			t.Fatal(err)
		}
	}
}

// checkSpikes checks that the file holds rows (k, k/8) for k < n, both
// through Table and through npyio.
func checkSpikes(t *testing.T, path string, n int) {
	t.Helper()
	tab, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer tab.Close()
	if tab.Rows != int64(n) {
		t.Fatalf("%d rows, want %d", tab.Rows, n)
	}
	is, err := tab.Int32("i")
	if err != nil {
		t.Fatal(err)
	}
	ts, err := tab.Float64("t")
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		I int32   `npy:"i"`
		T float64 `npy:"t"`
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows []row
	if err := npyio.Read(f, &rows); err != nil {
		t.Fatal(err)
	}
	if len(is) != n || len(ts) != n || len(rows) != n {
		t.Fatalf("lengths %d %d %d, want %d", len(is), len(ts), len(rows), n)
	}
	for k := range n {
		if is[k] != int32(k) || ts[k] != float64(k)/8 || rows[k] != (row{int32(k), float64(k) / 8}) {
			t.Fatalf("row %d: %d %g %v", k, is[k], ts[k], rows[k])
		}
	}
}

// Rows flushed in several blocks read back whole, through this package's
// reader and through npyio, and the JSON file says the file is complete.
func TestRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x_spikes.npy")
	w, err := Create(path, Meta{Kind: "spikes", Source: "x", Fields: spikeFields})
	if err != nil {
		t.Fatal(err)
	}
	w.Block = 100 // bytes: a flush every 9 rows
	checkSpikes(t, path, 0)
	writeSpikes(t, w, 0, 1000)
	if err := w.Close(""); err != nil {
		t.Fatal(err)
	}
	checkSpikes(t, path, 1000)
	m, err := ReadMeta(path)
	if err != nil {
		t.Fatal(err)
	}
	if !m.Complete || m.Rows != 1000 || m.Fields[1].Unit != "second" {
		t.Errorf("meta %+v", m)
	}
}

// A subarray field reads back as Width values per row.
func TestSubarray(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.npy")
	w, err := Create(path, Meta{Kind: "states", Fields: Schema{
		{Name: "t", Kind: Float64, Unit: "second"}, {Name: "v", Kind: Float64, Width: 3, Unit: "volt"}}})
	if err != nil {
		t.Fatal(err)
	}
	for s := range 5 {
		w.Float64(float64(s))
		for k := range 3 {
			w.Float64(float64(10*s + k))
		}
		w.EndRow()
	}
	if err := w.Close(""); err != nil {
		t.Fatal(err)
	}
	tab, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer tab.Close()
	v, err := tab.Float64("v")
	if err != nil {
		t.Fatal(err)
	}
	for s := range 5 {
		for k := range 3 {
			if v[3*s+k] != float64(10*s+k) {
				t.Fatalf("v[%d][%d] = %g", s, k, v[3*s+k])
			}
		}
	}
	if tab.Meta.Fields.Descr() != "[('t', '<f8'), ('v', '<f8', (3,))]" {
		t.Errorf("descr %s", tab.Meta.Fields.Descr())
	}
	if _, err := tab.Int32("v"); err == nil {
		t.Error("reading a float field as int32: no error")
	}
}

// Rows not yet flushed, and bytes of a torn write past the header's
// count, are invisible: a reader sees the flushed prefix.
func TestUnflushedRowsAreInvisible(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.npy")
	w, err := Create(path, Meta{Kind: "spikes", Fields: spikeFields})
	if err != nil {
		t.Fatal(err)
	}
	w.Every = 1e9 // seconds: flush only when asked
	writeSpikes(t, w, 0, 50)
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	writeSpikes(t, w, 50, 7) // held in memory: Block and Every not reached
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte{1, 2, 3, 4, 5}) // half a row, as a write cut by a kill leaves
	f.Close()
	checkSpikes(t, path, 50)
}

// A file resumed at a saved row count continues after that row.
func TestResume(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.npy")
	w, err := Create(path, Meta{Kind: "spikes", Fields: spikeFields})
	if err != nil {
		t.Fatal(err)
	}
	writeSpikes(t, w, 0, 30)
	w.Flush()
	saved := w.Rows()
	writeSpikes(t, w, 100, 20) // rows after the checkpoint, to be cut
	if err := w.Close(""); err != nil {
		t.Fatal(err)
	}
	w, err = Resume(path, saved)
	if err != nil {
		t.Fatal(err)
	}
	if m, _ := ReadMeta(path); m.Complete {
		t.Error("a resumed file is marked complete")
	}
	writeSpikes(t, w, 30, 25)
	if err := w.Close(""); err != nil {
		t.Fatal(err)
	}
	checkSpikes(t, path, 55)
	if _, err := Resume(path, 56); err == nil {
		t.Error("resuming past the end: no error")
	}
}

// WriteFile leaves a previous file whole when writing fails, and leaves
// no temporary file behind.
func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.csv")
	if err := WriteFile(path, func(w io.Writer) error { _, err := io.WriteString(w, "old\n"); return err }); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	err := WriteFile(path, func(w io.Writer) error {
		io.WriteString(w, "new, cut")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("error %v, want boom", err)
	}
	b, _ := os.ReadFile(path)
	if string(b) != "old\n" {
		t.Errorf("file holds %q", b)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("folder holds %d entries, want 1", len(entries))
	}
}

// CSV has a header with units and the exact values.
func TestWriteCSV(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "s.npy")
	w, err := Create(path, Meta{Kind: "states", Fields: Schema{
		{Name: "t", Kind: Float64, Unit: "second"}, {Name: "n", Kind: Int32, Unit: "1"}, {Name: "v", Kind: Float64, Width: 2, Unit: "volt"}}})
	if err != nil {
		t.Fatal(err)
	}
	w.Float64(0.1)
	w.Int32(-3)
	w.Float64(-0.07)
	w.Float64(1e-20)
	w.EndRow()
	w.Close("")
	tab, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer tab.Close()
	if err := WriteCSV(filepath.Join(dir, "s.csv"), tab); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "s.csv"))
	want := "t (second),n,v[0] (volt),v[1] (volt)\n0.1,-3,-0.07,1e-20\n"
	if !bytes.Equal(b, []byte(want)) {
		t.Errorf("CSV\n%s\nwant\n%s", b, want)
	}
}

// CheckDir reports a folder that cannot be written.
func TestCheckDir(t *testing.T) {
	dir := t.TempDir()
	if err := CheckDir(filepath.Join(dir, "a", "b")); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "f")
	os.WriteFile(file, nil, 0o644)
	if err := CheckDir(filepath.Join(file, "sub")); err == nil {
		t.Error("a folder under a file: no error")
	}
}

// A file whose header is damaged is an error, whatever the damage.
func TestDamagedHeader(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "x.npy")
	w, err := Create(path, Meta{Kind: "spikes", Fields: spikeFields})
	if err != nil {
		t.Fatal(err)
	}
	writeSpikes(t, w, 0, 10)
	if err := w.Close(""); err != nil {
		t.Fatal(err)
	}
	good, _ := os.ReadFile(path)
	hdr := int(good[8]) + 10
	for k := 0; k < hdr; k++ {
		for _, b := range []byte{0, '}', '\'', ',', ' ', '9', 0xff} {
			bad := append([]byte(nil), good...)
			if bad[k] == b {
				continue
			}
			bad[k] = b
			os.WriteFile(path, bad, 0o644)
			tab, err := Open(path)
			if err != nil {
				continue
			}
			// A damage the header survives (a digit in the padding ...)
			// still reads whole rows.
			if tab.Rows > 10 {
				t.Errorf("byte %d = %q: %d rows", k, b, tab.Rows)
			}
			tab.Close()
		}
	}
	os.WriteFile(path, good[:20], 0o644)
	if _, err := Open(path); err == nil {
		t.Error("a cut header: no error")
	}
}
