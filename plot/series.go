package plot

import (
	"errors"
	"fmt"
	"image/color"
	"math"

	gplot "gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Default sizes, in points.
const (
	defaultDotSize    = 0.5
	defaultMarkerSize = 3.0
	defaultLineWidth  = 1.0
	legendDotSize     = vg.Length(2.5) // smallest dot radius in legends
)

// seriesPlotter draws a Series. It implements gplot.Plotter,
// gplot.DataRanger and gplot.Thumbnailer.
type seriesPlotter struct {
	kind   Kind
	x, y   []float64
	color  color.Color
	line   draw.LineStyle
	radius vg.Length
	square bool
	xr, yr dataRange // finite data range
}

var (
	_ gplot.Plotter     = (*seriesPlotter)(nil)
	_ gplot.DataRanger  = (*seriesPlotter)(nil)
	_ gplot.Thumbnailer = (*seriesPlotter)(nil)
)

// newSeriesPlotter validates s and returns its plotter. nextColor is the
// index of the next default colour, advanced when s has no colour.
func newSeriesPlotter(s *Series, nextColor *int) (*seriesPlotter, error) {
	if s.Kind < Line || s.Kind > Step {
		return nil, fmt.Errorf("invalid kind %d", int(s.Kind))
	}
	if len(s.X) != len(s.Y) {
		return nil, fmt.Errorf("len(X) = %d but len(Y) = %d", len(s.X), len(s.Y))
	}
	if math.IsNaN(s.Size) || math.IsInf(s.Size, 0) || s.Size < 0 {
		return nil, fmt.Errorf("invalid size %v (want >= 0)", s.Size)
	}
	if math.IsNaN(s.Width) || math.IsInf(s.Width, 0) || s.Width < 0 {
		return nil, fmt.Errorf("invalid width %v (want >= 0)", s.Width)
	}
	if s.Size > 100 || s.Width > 100 {
		return nil, errors.New("size or width above 100 points")
	}
	sp := &seriesPlotter{kind: s.Kind, x: s.X, y: s.Y, square: s.Square}
	if s.Color == "" {
		sp.color = defaultColor(*nextColor)
		*nextColor++
	} else {
		c, err := Color(s.Color)
		if err != nil {
			return nil, err
		}
		sp.color = c
	}

	width := s.Width
	if width == 0 {
		width = defaultLineWidth
	}
	sp.line = draw.LineStyle{Color: sp.color, Width: vg.Length(width)}
	if s.Dashed {
		// matplotlib's dashed pattern, scaled by the line width.
		w := vg.Length(max(width, 1))
		sp.line.Dashes = []vg.Length{3.7 * w, 1.6 * w}
	}
	size := s.Size
	if size == 0 {
		size = defaultMarkerSize
		if s.Kind == Dots {
			size = defaultDotSize
		}
	}
	sp.radius = vg.Length(size)

	for k := range s.X {
		if x, y := s.X[k], s.Y[k]; finite(x) && finite(y) {
			sp.xr.add(x)
			sp.yr.add(y)
		}
	}
	return sp, nil
}

// finite reports whether v is neither NaN nor infinite.
func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// DataRange returns the range of the finite points, implementing
// gplot.DataRanger. An empty series gives an empty (inverted infinite)
// range.
func (sp *seriesPlotter) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, ymin = math.Inf(1), math.Inf(1)
	xmax, ymax = math.Inf(-1), math.Inf(-1)
	if sp.xr.ok {
		xmin, xmax, ymin, ymax = sp.xr.min, sp.xr.max, sp.yr.min, sp.yr.max
	}
	return xmin, xmax, ymin, ymax
}

// Plot draws the series, implementing gplot.Plotter.
func (sp *seriesPlotter) Plot(c draw.Canvas, plt *gplot.Plot) {
	if !sp.xr.ok {
		return
	}
	switch sp.kind {
	case Line, Step:
		sp.plotLines(c, plt)
	case Dots, Markers:
		sp.plotPoints(c, plt)
	}
}

// plotLines draws Line and Step series, broken at non-finite points and
// clipped to the data area. Long lines are decimated first (see decimator).
func (sp *seriesPlotter) plotLines(c draw.Canvas, plt *gplot.Plot) {
	trX, trY := plt.Transforms(&c)
	c.SetLineStyle(sp.line)
	var d decimator
	var path vg.Path
	flush := func() {
		pts := d.points()
		if len(pts) == 0 {
			return
		}
		for _, l := range c.ClipLinesXY(pts) {
			// The rasteriser's cost grows with the square of a path's
			// length: stroke long lines in pieces that share their ends.
			for lo := 0; lo+1 < len(l); lo += strokePiece {
				hi := min(lo+strokePiece+1, len(l))
				path = path[:0]
				path.Move(l[lo])
				for _, p := range l[lo+1 : hi] {
					path.Line(p)
				}
				c.Stroke(path)
			}
		}
		d.reset()
	}
	var prev vg.Point
	for k := range sp.x {
		x, y := sp.x[k], sp.y[k]
		if !finite(x) || !finite(y) {
			flush()
			continue
		}
		p := vg.Point{X: trX(x), Y: trY(y)}
		if sp.kind == Step && d.len() > 0 {
			d.add(vg.Point{X: p.X, Y: prev.Y})
		}
		d.add(p)
		prev = p
	}
	flush()
}

// strokePiece is the number of segments stroked at once.
const strokePiece = 256

// decimatorColumn is the width of the columns in which decimator keeps at
// most four points: a fraction of a pixel at 150 dpi.
const decimatorColumn = vg.Length(0.25)

// decimator reduces a polyline without visible change: of each run of
// consecutive points falling in the same narrow column it keeps the first,
// the lowest, the highest and the last, in their order. A trace of a
// million samples is then stroked as a few thousand points.
type decimator struct {
	pts           []vg.Point
	n             int // points in the current run
	col           float64
	first, lo, hi vg.Point
	last          vg.Point
	loSeq, hiSeq  int
	added         int
}

// add appends p to the polyline.
func (d *decimator) add(p vg.Point) {
	d.added++
	col := math.Floor(float64(p.X / decimatorColumn))
	if d.n > 0 && col == d.col {
		d.n++
		if p.Y < d.lo.Y {
			d.lo, d.loSeq = p, d.n
		}
		if p.Y > d.hi.Y {
			d.hi, d.hiSeq = p, d.n
		}
		d.last = p
		return
	}
	d.endRun()
	d.col, d.n = col, 1
	d.first, d.lo, d.hi, d.last = p, p, p, p
	d.loSeq, d.hiSeq = 1, 1
}

// endRun appends the kept points of the current run to d.pts.
func (d *decimator) endRun() {
	if d.n == 0 {
		return
	}
	d.pts = append(d.pts, d.first)
	if d.n > 1 {
		a, aSeq, b, bSeq := d.lo, d.loSeq, d.hi, d.hiSeq
		if bSeq < aSeq {
			a, aSeq, b, bSeq = b, bSeq, a, aSeq
		}
		if aSeq != 1 && aSeq != d.n {
			d.pts = append(d.pts, a)
		}
		if bSeq != 1 && bSeq != d.n && bSeq != aSeq {
			d.pts = append(d.pts, b)
		}
		d.pts = append(d.pts, d.last)
	}
	d.n = 0
}

// len returns the number of points added since the last reset.
func (d *decimator) len() int { return d.added }

// points returns the decimated polyline.
func (d *decimator) points() []vg.Point {
	d.endRun()
	return d.pts
}

// reset empties the polyline, keeping its memory.
func (d *decimator) reset() {
	d.pts, d.n, d.added = d.pts[:0], 0, 0
}

// pointBatch is the number of points filled with one path. The rasterizer
// slows down as a path gets many cells per row, so that small batches are
// faster than one big path (256: about 0.9 s for 1e6 dots).
const pointBatch = 256

// plotPoints draws Dots and Markers series as filled shapes, batched into
// few paths so that millions of points draw quickly and without per-point
// allocations. Points outside the data area are skipped.
func (sp *seriesPlotter) plotPoints(c draw.Canvas, plt *gplot.Plot) {
	trX, trY := plt.Transforms(&c)
	c.SetColor(sp.color)
	shape := sp.shape()
	path := make(vg.Path, 0, pointBatch*(len(shape)+2))
	n := 0
	for k := range sp.x {
		x, y := sp.x[k], sp.y[k]
		if !finite(x) || !finite(y) {
			continue
		}
		p := vg.Point{X: trX(x), Y: trY(y)}
		if !c.Contains(p) {
			continue
		}
		path = appendShape(path, shape, p, sp.radius)
		n++
		if n == pointBatch {
			c.Fill(path)
			path, n = path[:0], 0
		}
	}
	if n > 0 {
		c.Fill(path)
	}
}

// shape returns the unit outline of the series' points, or nil for a true
// circle. Tiny dots are octagons, which are indistinguishable from circles
// at their size and much cheaper to fill.
func (sp *seriesPlotter) shape() []vg.Point {
	switch {
	case sp.kind == Markers && sp.square:
		return unitSquare
	case sp.kind == Dots && sp.radius <= 1.5:
		return unitOctagon
	}
	return nil
}

var (
	unitSquare  = []vg.Point{{X: -1, Y: -1}, {X: 1, Y: -1}, {X: 1, Y: 1}, {X: -1, Y: 1}}
	unitOctagon = func() []vg.Point {
		pts := make([]vg.Point, 8)
		for i := range pts {
			a := (float64(i) + 0.5) * math.Pi / 4
			pts[i] = vg.Point{X: vg.Length(math.Cos(a)), Y: vg.Length(math.Sin(a))}
		}
		return pts
	}()
)

// appendShape appends the closed outline of shape (nil: a circle) of
// radius r centred on p.
func appendShape(path vg.Path, shape []vg.Point, p vg.Point, r vg.Length) vg.Path {
	if shape == nil {
		path.Move(vg.Point{X: p.X + r, Y: p.Y})
		path.Arc(p, r, 0, 2*math.Pi)
		path.Close()
		return path
	}
	path.Move(vg.Point{X: p.X + r*shape[0].X, Y: p.Y + r*shape[0].Y})
	for _, q := range shape[1:] {
		path.Line(vg.Point{X: p.X + r*q.X, Y: p.Y + r*q.Y})
	}
	path.Close()
	return path
}

// Thumbnail draws the legend icon of the series, implementing
// gplot.Thumbnailer.
func (sp *seriesPlotter) Thumbnail(c *draw.Canvas) {
	ctr := c.Center()
	switch sp.kind {
	case Line, Step:
		c.StrokeLine2(sp.line, c.Min.X, ctr.Y, c.Max.X, ctr.Y)
	case Dots, Markers:
		r := sp.radius
		if sp.kind == Dots {
			r = max(r, legendDotSize)
		}
		r = min(r, (c.Max.Y-c.Min.Y)/2)
		c.SetColor(sp.color)
		shape := sp.shape()
		if sp.kind == Dots {
			shape = nil
		}
		c.Fill(appendShape(nil, shape, ctr, r))
	}
}

// refPlotter draws a reference line across the data area.
type refPlotter struct {
	at         float64
	horizontal bool
	line       draw.LineStyle
}

// newRef validates r and returns its plotter.
func newRef(r Ref, horizontal bool) (*refPlotter, error) {
	if !finite(r.At) {
		return nil, fmt.Errorf("position %v is not finite", r.At)
	}
	name := r.Color
	if name == "" {
		name = "gray"
	}
	c, err := Color(name)
	if err != nil {
		return nil, err
	}
	rp := &refPlotter{at: r.At, horizontal: horizontal, line: draw.LineStyle{Color: c, Width: 1}}
	if !r.Solid {
		rp.line.Dashes = []vg.Length{3.7, 1.6}
	}
	return rp, nil
}

// Plot draws the line, implementing gplot.Plotter.
func (rp *refPlotter) Plot(c draw.Canvas, plt *gplot.Plot) {
	trX, trY := plt.Transforms(&c)
	if rp.horizontal {
		if y := trY(rp.at); c.ContainsY(y) {
			c.StrokeLine2(rp.line, c.Min.X, y, c.Max.X, y)
		}
		return
	}
	if x := trX(rp.at); c.ContainsX(x) {
		c.StrokeLine2(rp.line, x, c.Min.Y, x, c.Max.Y)
	}
}

// frame draws the top and right sides of the axes box; the axes draw the
// other two.
type frame struct{}

// Plot draws the frame, implementing gplot.Plotter.
func (frame) Plot(c draw.Canvas, _ *gplot.Plot) {
	sty := draw.LineStyle{Color: color.Black, Width: lineWidth}
	c.StrokeLines(sty, []vg.Point{{X: c.Min.X, Y: c.Max.Y}, c.Max, {X: c.Max.X, Y: c.Min.Y}})
}
