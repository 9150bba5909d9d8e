package checkpoint

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func sample() Entries {
	return Entries{
		"a/float":   []float64{0, -0.0, 1.5, math.Inf(-1), math.Float64frombits(0x7ff8000000000123), 1e-310},
		"a/int32":   []int32{-1, 0, math.MaxInt32, math.MinInt32},
		"b/int64":   []int64{math.MaxInt64, -7},
		"c/empty":   []float64{},
		"text":      "group 0 (exc): size\t80\nmodel\tnone",
		"long/name": make([]float64, 20000),
	}
}

// Entries come back exactly, bit for bit (NaN payloads, negative zero,
// subnormals), and the same entries make the same bytes.
func TestRoundTrip(t *testing.T) {
	dir := t.TempDir()
	p, q := filepath.Join(dir, "a.ckpt"), filepath.Join(dir, "b.ckpt")
	if err := Write(p, sample()); err != nil {
		t.Fatal(err)
	}
	if err := Write(q, sample()); err != nil {
		t.Fatal(err)
	}
	got, err := Read(p)
	if err != nil {
		t.Fatal(err)
	}
	want := sample()
	for name, v := range want {
		if f, ok := v.([]float64); ok {
			g, _ := got[name].([]float64)
			if len(g) != len(f) {
				t.Fatalf("%s: %d values, want %d", name, len(g), len(f))
			}
			for k := range f {
				if math.Float64bits(g[k]) != math.Float64bits(f[k]) {
					t.Errorf("%s[%d] = %x, want %x", name, k, math.Float64bits(g[k]), math.Float64bits(f[k]))
				}
			}
			continue
		}
		if !reflect.DeepEqual(got[name], v) {
			t.Errorf("%s = %v, want %v", name, got[name], v)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d entries, want %d", len(got), len(want))
	}
	a, _ := os.ReadFile(p)
	b, _ := os.ReadFile(q)
	if string(a) != string(b) {
		t.Error("equal entries made different files")
	}
}

// A file cut at any length, or with any one byte changed, is an error
// (never a panic, never a partial state); a newer version says so.
func TestDamage(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.ckpt")
	e := sample()
	e["long/name"] = make([]float64, 3) // a small file, to try every byte
	if err := Write(p, e); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(p)
	bad := filepath.Join(dir, "bad.ckpt")
	try := func(b []byte) error {
		if err := os.WriteFile(bad, b, 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := Read(bad)
		if err == nil || got != nil {
			return errors.New("accepted")
		}
		return err
	}
	for n := range len(data) {
		if err := try(data[:n]); err.Error() == "accepted" {
			t.Fatalf("a file cut to %d of %d bytes was accepted", n, len(data))
		}
	}
	for k := range data {
		b := append([]byte(nil), data...)
		b[k] ^= 0x5a
		err := try(b)
		if err.Error() == "accepted" {
			t.Fatalf("a change of byte %d was accepted", k)
		}
		var ve *VersionError
		switch {
		case k < len(Magic):
			if !errors.Is(err, ErrNotCheckpoint) {
				t.Errorf("byte %d of the magic: %v", k, err)
			}
		case k < len(Magic)+4:
			if !errors.As(err, &ve) {
				t.Errorf("byte %d of the version: %v", k, err)
			}
		default:
			if !strings.Contains(err.Error(), "damaged or cut short") {
				t.Errorf("byte %d: %v", k, err)
			}
		}
	}
	b := append([]byte(nil), data...)
	b[len(Magic)] = Version + 1
	if err := try(b); !strings.Contains(err.Error(), "format version 2, newer than this cajal reads (1)") {
		t.Errorf("a newer version: %v", err)
	}
}

// Names must be 1 to 1024 bytes, and values of a kind the format has.
func TestWriteRefuses(t *testing.T) {
	p := filepath.Join(t.TempDir(), "a.ckpt")
	for _, e := range []Entries{{"": []int32{1}}, {strings.Repeat("x", 1025): []int32{1}}, {"x": []int{1}}} {
		if err := Write(p, e); err == nil {
			t.Errorf("%v: no error", e)
		}
		if _, err := os.Stat(p); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%v: a refused checkpoint left a file", e)
		}
	}
}
