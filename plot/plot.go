package plot

import (
	"errors"
	"fmt"
	"github.com/cajal-sim/cajal/cluster"
	"image/color"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/cajal-sim/cajal/record"
	gplot "gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"
)

const (
	// DPI is the resolution of PNG output, in pixels per inch: a figure of
	// Width w and Height h inches is saved as a PNG of w*DPI by h*DPI pixels
	// (rounded to the nearest integers).
	DPI = 150

	// MaxSize is the largest accepted figure width or height, in inches.
	MaxSize = 50

	// DefaultWidth is the width of a figure whose Width is 0, in inches.
	DefaultWidth = 8.0

	// DefaultPanelHeight is the height given to each panel of a figure
	// whose Height is 0, in inches.
	DefaultPanelHeight = 2.5
)

// Figure is panels stacked top to bottom, saved with [Figure.Save].
type Figure struct {
	// Title is drawn over the top panel; empty for none.
	Title string
	// Width is the figure width in inches; 0 means [DefaultWidth].
	Width float64
	// Height is the figure height in inches; 0 means
	// [DefaultPanelHeight] per panel.
	Height float64
	// Panels are drawn top to bottom with equal heights and aligned data
	// areas.
	Panels []Panel
}

// Panel is one set of axes of a [Figure].
type Panel struct {
	// Title is drawn over the panel; XLabel and YLabel label its axes.
	Title, XLabel, YLabel string
	// XMin, XMax, YMin and YMax fix the axis limits; nil limits are
	// automatic: the range of the data and reference lines plus a 5%
	// margin. Use [F] to set them.
	XMin, XMax, YMin, YMax *float64
	// HideYTicks removes the y tick marks and their labels (for rasters
	// whose neuron indices do not matter).
	HideYTicks bool
	// Legend shows a legend of the series that have a Label, to the right
	// of the panel.
	Legend bool
	// Series are drawn in order, later ones on top.
	Series []Series
	// HLines are horizontal reference lines at y = At, VLines vertical
	// ones at x = At. They are drawn under the series.
	HLines, VLines []Ref
}

// Ref is a reference line across a whole panel. Reference lines are dashed
// unless Solid is set.
type Ref struct {
	// At is the y (HLines) or x (VLines) value of the line.
	At float64
	// Color is a colour name accepted by [Color]; "" means "gray".
	Color string
	// Dashed asks for a dashed line, which is the default; it is kept
	// so that callers can say so explicitly.
	Dashed bool
	// Solid draws a solid line instead of a dashed one.
	Solid bool
}

// Kind is the way a [Series] is drawn.
type Kind int

const (
	// Line joins consecutive points with straight segments.
	Line Kind = iota
	// Dots draws each point as a tiny filled circle, without lines: a
	// spike raster. It is efficient for millions of points.
	Dots
	// Markers draws each point as a filled circle, or square with
	// Series.Square, of radius Series.Size.
	Markers
	// Step draws a post-step line: y[k] holds from x[k] until x[k+1].
	Step
)

// String returns the name of the kind.
func (k Kind) String() string {
	switch k {
	case Line:
		return "Line"
	case Dots:
		return "Dots"
	case Markers:
		return "Markers"
	case Step:
		return "Step"
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Series is a set of points drawn in a [Panel]. Points with a NaN or
// infinite coordinate are skipped (lines break there). The slices are not
// copied or modified.
type Series struct {
	// Kind selects how the points are drawn.
	Kind Kind
	// X and Y are the point coordinates; they must have the same length.
	X, Y []float64
	// Label names the series in the panel's legend; "" leaves it out.
	Label string
	// Color is a name accepted by [Color]; "" takes the next colour of
	// matplotlib's default cycle, in order of the series of the panel
	// that have no colour.
	Color string
	// Dashed draws Line and Step series dashed.
	Dashed bool
	// Size is the dot or marker radius in points; 0 means 0.5 for Dots
	// and 3 for Markers.
	Size float64
	// Square draws Markers as squares instead of circles.
	Square bool
	// Width is the line width in points; 0 means 1.
	Width float64
}

// Save draws the figure and writes it to path, as PNG at [DPI] pixels per
// inch or as SVG according to the extension of path (".png" or ".svg",
// case-insensitive), through a temporary file renamed to path. Missing
// parent directories are created. The figure is
// validated first: invalid sizes, limits, colours, kinds or mismatched
// series lengths are reported as errors and nothing is written. In a
// process started by mpirun other than the first, Save does nothing: the
// first process draws the figures.
func (f Figure) Save(path string) (err error) {
	if w := cluster.World(); !cluster.Single(w) && w.Rank() > 0 {
		return nil // under mpirun the first process draws the figures
	}
	var format string
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case ".png":
		format = "png"
	case ".svg":
		format = "svg"
	default:
		return fmt.Errorf("plot: cannot save %q: unsupported extension %q (want .png or .svg)", path, ext)
	}
	w, err := f.render(format)
	if err != nil {
		return err
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("plot: %w", err)
		}
	}
	// The file appears whole, by rename, or not at all.
	err = record.WriteFile(path, func(file io.Writer) error {
		_, err := w.WriteTo(file)
		return err
	})
	if err != nil {
		return fmt.Errorf("plot: writing %s: %w", path, err)
	}
	return nil
}

// size returns the validated figure size in inches.
func (f Figure) size() (w, h float64, err error) {
	if len(f.Panels) == 0 {
		return 0, 0, errors.New("plot: figure has no panels")
	}
	w, h = f.Width, f.Height
	if w == 0 {
		w = DefaultWidth
	}
	if h == 0 {
		h = DefaultPanelHeight * float64(len(f.Panels))
	}
	if !(w > 0 && w <= MaxSize) {
		return 0, 0, fmt.Errorf("plot: figure width %v inches out of range (want 0 for %v, or in (0, %v])", f.Width, DefaultWidth, MaxSize)
	}
	if !(h > 0 && h <= MaxSize) {
		return 0, 0, fmt.Errorf("plot: figure height %v inches out of range (want 0 for %v per panel, or in (0, %v])", f.Height, DefaultPanelHeight, MaxSize)
	}
	return w, h, nil
}

// render validates and draws the figure onto a canvas of the given format.
func (f Figure) render(format string) (wt io.WriterTo, err error) {
	wIn, hIn, err := f.size()
	if err != nil {
		return nil, err
	}
	xTicks := tickCount(wIn, 1)
	yTicks := tickCount(hIn/float64(len(f.Panels)), 2)
	panels := make([]*panel, len(f.Panels))
	for i := range f.Panels {
		p, err := newPanel(&f.Panels[i], xTicks, yTicks)
		if err != nil {
			if len(f.Panels) > 1 {
				return nil, fmt.Errorf("plot: panel %d: %w", i, err)
			}
			return nil, fmt.Errorf("plot: %w", err)
		}
		panels[i] = p
	}

	// gonum/plot panics on some degenerate inputs; report them as errors.
	defer func() {
		if r := recover(); r != nil {
			wt, err = nil, fmt.Errorf("plot: drawing failed: %v", r)
		}
	}()

	w, h := vg.Length(wIn)*vg.Inch, vg.Length(hIn)*vg.Inch
	var c vg.CanvasWriterTo
	switch format {
	case "png":
		c = vgimg.PngCanvas{Canvas: vgimg.NewWith(vgimg.UseWH(w, h), vgimg.UseDPI(DPI))}
	case "svg":
		c = vgsvg.New(w, h)
	default:
		return nil, fmt.Errorf("plot: unsupported format %q", format)
	}
	f.draw(draw.New(c), panels)
	return c, nil
}

// Layout constants, in points.
const (
	outerPad   = vg.Length(6)
	panelGap   = vg.Length(10)
	legendGap  = vg.Length(8)
	legendPad  = vg.Length(4)
	titleSize  = vg.Length(13)
	lineWidth  = vg.Length(0.8) // axes, ticks and frame
	tickLength = vg.Length(3.5)
)

// draw lays out the figure on dc.
func (f Figure) draw(dc draw.Canvas, panels []*panel) {
	dc.SetColor(color.White)
	dc.Fill(dc.Rectangle.Path())

	area := draw.Crop(dc, outerPad, -outerPad, outerPad, -outerPad)
	if f.Title != "" {
		sty := textStyle(titleSize, draw.XCenter, draw.YTop)
		area.FillText(sty, vg.Point{X: area.Center().X, Y: area.Max.Y}, f.Title)
		area.Max.Y -= sty.Height(f.Title) + 8
	}
	var legendW vg.Length
	for _, p := range panels {
		if lw := p.legendWidth(); lw > 0 {
			legendW = max(legendW, lw+legendGap+2*legendPad)
		}
	}
	// Keep at least a third of the width for the data.
	legendW = min(legendW, (area.Max.X-area.Min.X)*2/3)
	area.Max.X -= legendW

	plots := make([][]*gplot.Plot, len(panels))
	for i, p := range panels {
		plots[i] = []*gplot.Plot{p.plot}
	}
	tiles := draw.Tiles{Rows: len(panels), Cols: 1, PadY: panelGap}
	canvases := gplot.Align(plots, tiles, area)
	for i, p := range panels {
		c := canvases[i][0]
		p.plot.Draw(c)
		if p.legend != nil {
			data := p.plot.DataCanvas(c)
			lc := dc
			lc.Min = vg.Point{X: c.Max.X + legendGap, Y: data.Min.Y}
			lc.Max = vg.Point{X: dc.Max.X - outerPad, Y: data.Max.Y}
			p.drawLegend(lc)
		}
	}
}

// textStyle returns a black text style of the default font.
func textStyle(size vg.Length, xa draw.XAlignment, ya draw.YAlignment) text.Style {
	return text.Style{
		Color:   color.Black,
		Font:    sans(size),
		XAlign:  xa,
		YAlign:  ya,
		Handler: gplot.DefaultTextHandler,
	}
}
