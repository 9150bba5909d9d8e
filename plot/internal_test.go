package plot

import (
	"math"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"
)

func TestTicker(t *testing.T) {
	for _, tc := range []struct {
		lo, hi float64
		n      int
		want   string
	}{
		{0, 1, 5, "0.0 0.2 0.4 0.6 0.8 1.0"},
		{-50, 1050, 5, "0 250 500 750 1000"},
		{0.55, 1.45, 4, "0.75 1.00 1.25"},
		{-75.5, -54.5, 5, "-75 -70 -65 -60 -55"},
		{-0.3, 0.3, 3, "-0.2 0.0 0.2"},
		{0, 3e6, 3, "0 1e+06 2e+06 3e+06"},
		{1e-9, 5e-9, 4, "1e-09 2e-09 3e-09 4e-09 5e-09"},
	} {
		var labels []string
		for _, tk := range (ticker{n: tc.n}).Ticks(tc.lo, tc.hi) {
			labels = append(labels, tk.Label)
		}
		if got := strings.Join(labels, " "); got != tc.want {
			t.Errorf("Ticks(%v, %v) with n=%d: %q, want %q", tc.lo, tc.hi, tc.n, got, tc.want)
		}
	}
	if ticks := (ticker{n: 5}).Ticks(1, 1); ticks != nil {
		t.Errorf("Ticks on an empty range = %v, want none", ticks)
	}
}

func TestDecimator(t *testing.T) {
	var d decimator
	// 1000 samples within one column, then one far to the right.
	for k := range 1000 {
		d.add(vg.Point{X: 10 + vg.Length(k)*1e-4, Y: vg.Length(math.Sin(float64(k) / 50))})
	}
	d.add(vg.Point{X: 20, Y: 0})
	pts := d.points()
	if len(pts) != 5 {
		t.Fatalf("kept %d points, want 5: %v", len(pts), pts)
	}
	var lo, hi vg.Length
	for _, p := range pts {
		lo, hi = min(lo, p.Y), max(hi, p.Y)
	}
	if math.Abs(float64(lo)+1) > 1e-3 || math.Abs(float64(hi)-1) > 1e-3 {
		t.Errorf("extremes %v, %v not kept", lo, hi)
	}
	if pts[0].X != 10 || pts[4].X != 20 || pts[1].X >= pts[2].X {
		t.Errorf("points out of order: %v", pts)
	}
	if d.len() != 1001 {
		t.Errorf("len() = %d, want 1001", d.len())
	}
	d.reset()
	if len(d.points()) != 0 || d.len() != 0 {
		t.Errorf("reset left points")
	}

	// Points in distinct columns are all kept.
	for k := range 10 {
		d.add(vg.Point{X: vg.Length(k), Y: vg.Length(k % 3)})
	}
	if n := len(d.points()); n != 10 {
		t.Errorf("kept %d of 10 spread points", n)
	}
}
