package plot_test

import (
	"image"
	"image/color"
	"image/png"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cajal-sim/cajal/plot"
)

// sampleFigure has every kind of series, reference lines and legends.
func sampleFigure() plot.Figure {
	rng := rand.New(rand.NewPCG(1, 2))
	var te, ti []float64
	var ie, ii []int32
	for n := range 200 {
		for range 20 {
			if n < 160 {
				te = append(te, rng.Float64())
				ie = append(ie, int32(n))
			} else {
				ti = append(ti, rng.Float64())
				ii = append(ii, int32(n))
			}
		}
	}
	t := make([]float64, 500)
	v1 := make([]float64, len(t))
	v2 := make([]float64, len(t))
	for k := range t {
		t[k] = float64(k) / 500
		v1[k] = -65 + 10*math.Sin(2*math.Pi*3*t[k])
		v2[k] = -60 + 5*math.Cos(2*math.Pi*2*t[k])
	}
	v1[250] = math.NaN() // a gap
	dt := []float64{-40, -30, -20, -10, -5, 5, 10, 20, 30, 40}
	dw := make([]float64, len(dt))
	for k, d := range dt {
		dw[k] = 1 + 0.5*math.Copysign(math.Exp(-math.Abs(d)/20), d)
	}
	return plot.Figure{
		Title: "Sample figure",
		Width: 6, Height: 10,
		Panels: []plot.Panel{
			{
				Title: "Raster", YLabel: "neuron", Legend: true, HideYTicks: true,
				XMin: plot.F(0), XMax: plot.F(1),
				Series: []plot.Series{
					plot.Raster(te, ie, "blue", "exc"),
					plot.Raster(ti, ii, "red", "inh"),
				},
			},
			{
				YLabel: "v (mV)", Legend: true,
				XMin: plot.F(0), XMax: plot.F(1),
				Series: []plot.Series{
					{X: t, Y: v1, Label: "neuron 0", Color: "crimson"},
					{X: t, Y: v2, Label: "neuron 1", Color: "darkblue", Dashed: true, Width: 1.5},
				},
			},
			{
				Title: "STDP", XLabel: "Δt (ms)", YLabel: "w after / w before",
				Series: []plot.Series{{Kind: plot.Markers, X: dt, Y: dw, Color: "green"}},
				VLines: []plot.Ref{{At: 0}},
				HLines: []plot.Ref{{At: 1, Color: "black", Dashed: true}},
			},
			{
				YLabel: "w", XMin: plot.F(0), XMax: plot.F(1),
				Series: []plot.Series{{Kind: plot.Step, X: []float64{0, 0.2, 0.5, 0.7}, Y: []float64{0.5, 0.8, 0.3, 0.9}, Color: "purple", Width: 2}},
			},
			{
				XLabel: "time (s)", HideYTicks: true, XMin: plot.F(0), XMax: plot.F(1),
				Series: []plot.Series{{Kind: plot.Markers, Square: true, X: []float64{0.1, 0.4, 0.45, 0.9}, Y: make([]float64, 4), Color: "orange"}},
			},
		},
	}
}

// decode reads the PNG at path.
func decode(t *testing.T, path string) image.Image {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("decoding %s: %v", path, err)
	}
	return img
}

// countNear counts the pixels of img within a small distance of c.
func countNear(img image.Image, c color.Color) int {
	r0, g0, b0, _ := c.RGBA()
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, b, _ := img.At(x, y).RGBA()
			d := math.Abs(float64(r)-float64(r0)) + math.Abs(float64(g)-float64(g0)) + math.Abs(float64(b)-float64(b0))
			if d < 3*0x1000 {
				n++
			}
		}
	}
	return n
}

func mustColor(t *testing.T, name string) color.Color {
	t.Helper()
	c, err := plot.Color(name)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestSaveSample(t *testing.T) {
	fig := sampleFigure()
	dir := t.TempDir()
	png := filepath.Join(dir, "sub", "dir", "fig.png") // parents are created
	if err := fig.Save(png); err != nil {
		t.Fatal(err)
	}
	img := decode(t, png)
	if got, want := img.Bounds().Size(), image.Pt(int(fig.Width*plot.DPI), int(fig.Height*plot.DPI)); got != want {
		t.Errorf("PNG size %v, want %v", got, want)
	}
	for _, name := range []string{"blue", "red", "crimson", "darkblue", "green", "purple", "orange", "black"} {
		if n := countNear(img, mustColor(t, name)); n < 10 {
			t.Errorf("%d pixels of %s, want some", n, name)
		}
	}

	svg := filepath.Join(dir, "fig.SVG")
	if err := fig.Save(svg); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(svg)
	if err != nil {
		t.Fatal(err)
	}
	if s := string(b); !strings.Contains(s, "<svg") || !strings.Contains(s, "#FF0000") {
		t.Errorf("SVG output lacks an <svg> element or the red raster (%d bytes)", len(b))
	}
}

func TestSaveEachKind(t *testing.T) {
	x := []float64{0, 1, math.NaN(), 2, 3, 4}
	y := []float64{0, 1, 5, math.Inf(1), 2, 1}
	for _, tc := range []struct {
		kind  plot.Kind
		color string
	}{
		{plot.Line, "red"},
		{plot.Dots, "blue"},
		{plot.Markers, "green"},
		{plot.Step, "#ff00ff"},
	} {
		t.Run(tc.kind.String(), func(t *testing.T) {
			s := plot.Series{Kind: tc.kind, X: x, Y: y, Color: tc.color}
			if tc.kind == plot.Dots {
				s.Size = 2
			}
			fig := plot.Figure{Width: 4, Height: 3, Panels: []plot.Panel{{
				Series: []plot.Series{s},
				HLines: []plot.Ref{{At: 1.5, Color: "black"}},
				VLines: []plot.Ref{{At: 2.5, Solid: true}},
			}}}
			for _, ext := range []string{".png", ".svg"} {
				path := filepath.Join(t.TempDir(), "k"+ext)
				if err := fig.Save(path); err != nil {
					t.Fatal(err)
				}
				if ext != ".png" {
					continue
				}
				img := decode(t, path)
				if got := img.Bounds().Size(); got != image.Pt(600, 450) {
					t.Errorf("PNG size %v, want 600x450", got)
				}
				if n := countNear(img, mustColor(t, tc.color)); n < 10 {
					t.Errorf("%d %s pixels, want some", n, tc.color)
				}
				if n := countNear(img, mustColor(t, "gray")); n < 10 {
					t.Errorf("%d gray pixels of the vertical reference line, want some", n)
				}
			}
		})
	}
}

func TestDefaultSizeAndPalette(t *testing.T) {
	fig := plot.Figure{Panels: []plot.Panel{
		{Series: []plot.Series{{X: []float64{0, 1}, Y: []float64{0, 1}, Width: 3}}},
		{Series: []plot.Series{{Kind: plot.Markers, X: []float64{0, 1}, Y: []float64{1, 0}}}},
	}}
	path := filepath.Join(t.TempDir(), "d.png")
	if err := fig.Save(path); err != nil {
		t.Fatal(err)
	}
	img := decode(t, path)
	if got, want := img.Bounds().Size(), image.Pt(8*150, 5*150); got != want {
		t.Errorf("PNG size %v, want %v", got, want)
	}
	if n := countNear(img, mustColor(t, "C0")); n < 10 {
		t.Errorf("%d pixels of the first default colour, want some", n)
	}
}

func TestEmpty(t *testing.T) {
	fig := plot.Figure{Panels: []plot.Panel{
		{},
		{Title: "empty series", Legend: true, Series: []plot.Series{{Label: "nothing"}, {Kind: plot.Dots}}},
		{Title: "only NaN", Series: []plot.Series{{X: []float64{math.NaN()}, Y: []float64{1}}}},
		{Title: "one point", Series: []plot.Series{{Kind: plot.Markers, X: []float64{3}, Y: []float64{3}}}},
		{Title: "only refs", HLines: []plot.Ref{{At: 2}}},
		{Title: "one-sided limits", XMin: plot.F(10), YMax: plot.F(-5), Series: []plot.Series{{X: []float64{0, 1}, Y: []float64{0, 1}}}},
	}}
	dir := t.TempDir()
	for _, name := range []string{"e.png", "e.svg"} {
		if err := fig.Save(filepath.Join(dir, name)); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestSaveErrors(t *testing.T) {
	ok := plot.Panel{Series: []plot.Series{{X: []float64{0}, Y: []float64{0}}}}
	for _, tc := range []struct {
		name, path, want string
		fig              plot.Figure
	}{
		{"extension", "f.pdf", "unsupported extension", plot.Figure{Panels: []plot.Panel{ok}}},
		{"no extension", "f", "unsupported extension", plot.Figure{Panels: []plot.Panel{ok}}},
		{"no panels", "f.png", "no panels", plot.Figure{}},
		{"negative width", "f.png", "width", plot.Figure{Width: -1, Panels: []plot.Panel{ok}}},
		{"NaN height", "f.png", "height", plot.Figure{Height: math.NaN(), Panels: []plot.Panel{ok}}},
		{"huge width", "f.png", "width", plot.Figure{Width: 1e9, Panels: []plot.Panel{ok}}},
		{"too many panels", "f.png", "height", plot.Figure{Panels: make([]plot.Panel, 30)}},
		{"lengths", "f.png", "len(X) = 2 but len(Y) = 1", plot.Figure{Panels: []plot.Panel{{Series: []plot.Series{{X: []float64{0, 1}, Y: []float64{0}}}}}}},
		{"raster lengths", "f.png", "len(X)", plot.Figure{Panels: []plot.Panel{{Series: []plot.Series{plot.Raster([]float64{0}, nil, "", "")}}}}},
		{"color", "f.png", "unknown color", plot.Figure{Panels: []plot.Panel{{Series: []plot.Series{{Color: "reddish"}}}}}},
		{"ref color", "f.png", "unknown color", plot.Figure{Panels: []plot.Panel{{HLines: []plot.Ref{{Color: "#12"}}}}}},
		{"ref NaN", "f.png", "not finite", plot.Figure{Panels: []plot.Panel{{VLines: []plot.Ref{{At: math.NaN()}}}}}},
		{"kind", "f.png", "invalid kind", plot.Figure{Panels: []plot.Panel{{Series: []plot.Series{{Kind: 7}}}}}},
		{"size", "f.png", "invalid size", plot.Figure{Panels: []plot.Panel{{Series: []plot.Series{{Size: -1}}}}}},
		{"width", "f.png", "invalid width", plot.Figure{Panels: []plot.Panel{{Series: []plot.Series{{Width: math.Inf(1)}}}}}},
		{"limits order", "f.png", "not below", plot.Figure{Panels: []plot.Panel{{XMin: plot.F(1), XMax: plot.F(1)}}}},
		{"limit NaN", "f.png", "not finite", plot.Figure{Panels: []plot.Panel{{YMin: plot.F(math.NaN())}}}},
		{"panel index", "f.png", "panel 1", plot.Figure{Panels: []plot.Panel{ok, {YMax: plot.F(math.Inf(-1))}}}},
		{"huge limits", "f.png", "too large", plot.Figure{Panels: []plot.Panel{{XMin: plot.F(-1e308), XMax: plot.F(1e308)}}}},
		{"narrow limits", "f.png", "too narrow", plot.Figure{Panels: []plot.Panel{{YMin: plot.F(1e10), YMax: plot.F(1e10 + 1e-3)}}}},
		{"huge range", "f.png", "too large", plot.Figure{Panels: []plot.Panel{{Series: []plot.Series{{X: []float64{-math.MaxFloat64, math.MaxFloat64}, Y: []float64{0, 0}}}}}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), tc.path)
			err := tc.fig.Save(path)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Save: %v, want an error containing %q", err, tc.want)
			}
			if _, err := os.Stat(path); !os.IsNotExist(err) {
				t.Errorf("a file was written despite the error")
			}
		})
	}
}

func TestColor(t *testing.T) {
	for name, want := range map[string]color.NRGBA{
		"black":       {0, 0, 0, 255},
		"red":         {255, 0, 0, 255},
		"Crimson":     {0xdc, 0x14, 0x3c, 255},
		"darkblue":    {0, 0, 0x8b, 255},
		"deepskyblue": {0, 0xbf, 0xff, 255},
		"coral":       {0xff, 0x7f, 0x50, 255},
		"green":       {0, 0x80, 0, 255},
		"gray":        {0x80, 0x80, 0x80, 255},
		"orange":      {0xff, 0xa5, 0, 255},
		"purple":      {0x80, 0, 0x80, 255},
		"blue":        {0, 0, 255, 255},
		" k ":         {0, 0, 0, 255},
		"C1":          {0xff, 0x7f, 0x0e, 255},
		"#1f77b4":     {0x1f, 0x77, 0xb4, 255},
		"#FF000080":   {255, 0, 0, 0x80},
	} {
		got, err := plot.Color(name)
		if err != nil {
			t.Errorf("Color(%q): %v", name, err)
			continue
		}
		if got != want {
			t.Errorf("Color(%q) = %v, want %v", name, got, want)
		}
	}
	for _, name := range []string{"", "reddish", "#12345", "#gggggg", "#1234567", "C10"} {
		if c, err := plot.Color(name); err == nil {
			t.Errorf("Color(%q) = %v, want an error", name, c)
		}
	}
}

func TestHistogram(t *testing.T) {
	centres, counts := plot.Histogram([]float64{0, 0.05, 0.1, 0.15, 0.95, 1, 1.5, -0.1, math.NaN()}, 0, 1, 0.1)
	if len(centres) != 10 || len(counts) != 10 {
		t.Fatalf("got %d centres and %d counts, want 10", len(centres), len(counts))
	}
	wantCounts := []float64{2, 2, 0, 0, 0, 0, 0, 0, 0, 2}
	for k := range counts {
		if counts[k] != wantCounts[k] {
			t.Errorf("counts = %v, want %v", counts, wantCounts)
			break
		}
	}
	if math.Abs(centres[0]-0.05) > 1e-12 || math.Abs(centres[9]-0.95) > 1e-12 {
		t.Errorf("centres = %v", centres)
	}

	// A range that is not a whole number of bins.
	centres, counts = plot.Histogram([]float64{0.5, 2.4, 2.6}, 0, 2.5, 1)
	if len(centres) != 3 || counts[0] != 1 || counts[2] != 1 || centres[2] != 2.5 {
		t.Errorf("partial last bin: centres %v counts %v", centres, counts)
	}

	for _, args := range [][3]float64{{0, 1, 0}, {0, 1, -1}, {1, 0, 0.1}, {0, math.Inf(1), 1}, {math.NaN(), 1, 0.1}, {0, 1, math.NaN()}, {0, 1e10, 1e-3}} {
		if c, n := plot.Histogram([]float64{0.5}, args[0], args[1], args[2]); c != nil || n != nil {
			t.Errorf("Histogram(lo=%v, hi=%v, w=%v) = %v, %v, want nil", args[0], args[1], args[2], c, n)
		}
	}
}

func TestRaster(t *testing.T) {
	s := plot.Raster([]float64{0.1, 0.2}, []int32{3, 7}, "red", "exc")
	if s.Kind != plot.Dots || s.Color != "red" || s.Label != "exc" || len(s.X) != 2 || s.Y[0] != 3 || s.Y[1] != 7 || s.X[1] != 0.2 {
		t.Errorf("Raster = %+v", s)
	}
}

func TestKindString(t *testing.T) {
	if got := plot.Step.String(); got != "Step" {
		t.Errorf("Step.String() = %q", got)
	}
	if got := plot.Kind(9).String(); got != "Kind(9)" {
		t.Errorf("Kind(9).String() = %q", got)
	}
}

// bigRaster returns n random spikes of 1000 neurons over 1 s.
func bigRaster(n int) plot.Figure {
	rng := rand.New(rand.NewPCG(3, 4))
	t := make([]float64, n)
	i := make([]int32, n)
	for k := range t {
		t[k] = rng.Float64()
		i[k] = rng.Int32N(1000)
	}
	return plot.Figure{Panels: []plot.Panel{{
		XLabel: "time (s)", YLabel: "neuron",
		XMin: plot.F(0), XMax: plot.F(1),
		Series: []plot.Series{plot.Raster(t, i, "black", "")},
	}}}
}

func BenchmarkRaster1e6(b *testing.B) {
	fig := bigRaster(1_000_000)
	path := filepath.Join(b.TempDir(), "raster.png")
	b.ReportAllocs()
	for b.Loop() {
		if err := fig.Save(path); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLine1e6(b *testing.B) {
	rng := rand.New(rand.NewPCG(5, 6))
	x := make([]float64, 1_000_000)
	y := make([]float64, len(x))
	for k := range x {
		x[k] = float64(k) * 1e-5
		y[k] = math.Sin(x[k]) + 0.1*rng.NormFloat64()
	}
	fig := plot.Figure{Panels: []plot.Panel{{Series: []plot.Series{{X: x, Y: y}}}}}
	path := filepath.Join(b.TempDir(), "line.png")
	for b.Loop() {
		if err := fig.Save(path); err != nil {
			b.Fatal(err)
		}
	}
}

// ThinRaster keeps exactly the spikes of neurons 0, k, 2k, ... with the
// smallest k that leaves at most maxRows rows, and leaves small rasters
// alone.
func TestThinRaster(t *testing.T) {
	// 2000 neurons (the largest index is 1999), three spikes each.
	var ts []float64
	var is []int32
	for rep := range 3 {
		for i := range 2000 {
			ts = append(ts, float64(rep)+float64(i)*1e-4)
			is = append(is, int32(i))
		}
	}
	tk, ik, k := plot.ThinRaster(ts, is, 100)
	if k != 20 {
		t.Fatalf("step %d, want 20 (2000 neurons, 100 rows)", k)
	}
	if len(ik) != 300 || len(tk) != 300 {
		t.Fatalf("kept %d spikes and %d times, want 300 (100 neurons x 3)", len(ik), len(tk))
	}
	for j, v := range ik {
		if v%20 != 0 || tk[j] != float64(j/100)+float64(v)*1e-4 {
			t.Fatalf("spike %d: neuron %d at %v", j, v, tk[j])
		}
	}
	// 2001 neurons need a step of 21 (100 rows of step 20 would leave 101).
	if _, _, k := plot.ThinRaster([]float64{0}, []int32{2000}, 100); k != 21 {
		t.Errorf("2001 neurons: step %d, want 21", k)
	}
	if _, ik, k := plot.ThinRaster(ts[:100], is[:100], 100); k != 1 || len(ik) != 100 {
		t.Errorf("100 neurons: step %d, %d spikes; want them all", k, len(ik))
	}
}
