package plot

import (
	"fmt"
	"image/color"
	"math"

	gplot "gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Font sizes, in points.
const (
	panelTitleSize = vg.Length(11)
	labelSize      = vg.Length(10)
	tickLabelSize  = vg.Length(9)
	legendSize     = vg.Length(9)
)

// margin is the fraction of the data range added on each side of automatic
// limits, as matplotlib's axes.xmargin and axes.ymargin.
const margin = 0.05

// panel is a validated Panel turned into a gonum plot.
type panel struct {
	plot   *gplot.Plot
	legend []legendEntry // nil when no legend is drawn
}

// legendEntry is one labelled series of a legend.
type legendEntry struct {
	label string
	thumb gplot.Thumbnailer
}

// newPanel validates p and builds its plot, with about xTicks and yTicks
// tick intervals on its axes.
func newPanel(p *Panel, xTicks, yTicks int) (*panel, error) {
	gp := gplot.New()
	styleAxes(gp)
	gp.X.Tick.Marker = ticker{n: xTicks}
	gp.Y.Tick.Marker = ticker{n: yTicks}
	gp.Title.Text = p.Title
	gp.X.Label.Text = p.XLabel
	gp.Y.Label.Text = p.YLabel
	if p.HideYTicks {
		gp.Y.Tick.Marker = gplot.ConstantTicks(nil)
		if gp.Y.Label.Text == "" {
			// Without tick labels nothing keeps the first x tick label
			// inside the figure: a blank label leaves room for half of it.
			gp.Y.Label.Text = "  "
		}
	}

	var xr, yr dataRange
	for i, r := range p.VLines {
		rp, err := newRef(r, false)
		if err != nil {
			return nil, fmt.Errorf("VLines[%d]: %w", i, err)
		}
		xr.add(r.At)
		gp.Add(rp)
	}
	for i, r := range p.HLines {
		rp, err := newRef(r, true)
		if err != nil {
			return nil, fmt.Errorf("HLines[%d]: %w", i, err)
		}
		yr.add(r.At)
		gp.Add(rp)
	}

	out := &panel{plot: gp}
	nextColor := 0
	for i := range p.Series {
		s := &p.Series[i]
		sp, err := newSeriesPlotter(s, &nextColor)
		if err != nil {
			return nil, fmt.Errorf("series %d (%q): %w", i, s.Label, err)
		}
		xr.merge(sp.xr)
		yr.merge(sp.yr)
		gp.Add(sp)
		if p.Legend && s.Label != "" {
			out.legend = append(out.legend, legendEntry{label: s.Label, thumb: sp})
		}
	}
	gp.Add(frame{})

	var err error
	if gp.X.Min, gp.X.Max, err = limits(xr, p.XMin, p.XMax); err != nil {
		return nil, fmt.Errorf("x limits: %w", err)
	}
	if gp.Y.Min, gp.Y.Max, err = limits(yr, p.YMin, p.YMax); err != nil {
		return nil, fmt.Errorf("y limits: %w", err)
	}
	return out, nil
}

// styleAxes gives gp a matplotlib-like look.
func styleAxes(gp *gplot.Plot) {
	gp.Title.TextStyle.Font = sans(panelTitleSize)
	gp.Title.Padding = 4
	for _, a := range []*gplot.Axis{&gp.X, &gp.Y} {
		a.Padding = 0
		a.LineStyle.Width = lineWidth
		a.Tick.LineStyle.Width = lineWidth
		a.Tick.Length = tickLength
		a.Tick.Label.Font = sans(tickLabelSize)
		a.Label.TextStyle.Font = sans(labelSize)
		a.Label.Padding = 3
	}
	gp.Legend.TextStyle.Font = sans(legendSize)
}

// sans returns the sans-serif font of the given size.
func sans(size vg.Length) font.Font {
	return font.Font{Typeface: "Liberation", Variant: "Sans", Size: size}
}

// dataRange is the range of the finite values seen so far.
type dataRange struct {
	min, max float64
	ok       bool
}

// add extends r to v if v is finite.
func (r *dataRange) add(v float64) {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return
	}
	if !r.ok {
		r.min, r.max, r.ok = v, v, true
		return
	}
	r.min = math.Min(r.min, v)
	r.max = math.Max(r.max, v)
}

// merge extends r to o.
func (r *dataRange) merge(o dataRange) {
	if o.ok {
		r.add(o.min)
		r.add(o.max)
	}
}

// limits returns the axis limits for data range r and the user's limits lo
// and hi (nil: automatic).
func limits(r dataRange, lo, hi *float64) (float64, float64, error) {
	for _, p := range []*float64{lo, hi} {
		if p != nil && (math.IsNaN(*p) || math.IsInf(*p, 0)) {
			return 0, 0, fmt.Errorf("limit %v is not finite", *p)
		}
	}
	if lo != nil && hi != nil {
		if !(*lo < *hi) {
			return 0, 0, fmt.Errorf("min %v is not below max %v", *lo, *hi)
		}
		return checkSpan(*lo, *hi)
	}

	// Automatic range: the data, or [0, 1] without data; a single value v
	// gets a small range around it.
	a, b := 0.0, 1.0
	if r.ok {
		a, b = r.min, r.max
		if a == b {
			d := 0.5
			if a != 0 {
				d = 0.1 * math.Abs(a)
			}
			a, b = a-d, b+d
		}
	}
	if m := margin * (b - a); !math.IsInf(m, 0) && finite(a-m) && finite(b+m) {
		a, b = a-m, b+m
	}

	switch {
	case lo != nil:
		a = *lo
		if !(a < b) {
			b = a + math.Max(1, 0.1*math.Abs(a))
		}
	case hi != nil:
		b = *hi
		if !(a < b) {
			a = b - math.Max(1, 0.1*math.Abs(b))
		}
	}
	return checkSpan(a, b)
}

// checkSpan returns a and b, or an error when the span b-a is infinite or
// too small compared to the values for ticks to be computed.
func checkSpan(a, b float64) (float64, float64, error) {
	span := b - a
	if !finite(a) || !finite(b) || !(span > 0) || math.IsInf(span, 0) {
		return 0, 0, fmt.Errorf("range [%g, %g] too large to plot", a, b)
	}
	if span < 1e-9*math.Max(math.Abs(a), math.Abs(b)) {
		return 0, 0, fmt.Errorf("range [%g, %g] too narrow for its magnitude", a, b)
	}
	return a, b, nil
}

// legendStyle returns the text style of the panel's legend.
func (p *panel) legendStyle() text.Style {
	return p.plot.Legend.TextStyle
}

// legendThumb is the width of the legend thumbnails.
const legendThumb = vg.Length(20)

// legendWidth returns the width of the legend's entries, 0 without legend.
func (p *panel) legendWidth() vg.Length {
	if len(p.legend) == 0 {
		return 0
	}
	sty := p.legendStyle()
	var w vg.Length
	for _, e := range p.legend {
		w = max(w, sty.Width(" "+e.label))
	}
	return legendThumb + w
}

// drawLegend draws the legend in a frame at the top left of c.
func (p *panel) drawLegend(c draw.Canvas) {
	sty := p.legendStyle()
	l := gplot.NewLegend()
	l.TextStyle = sty
	l.Top, l.Left = true, true
	l.ThumbnailWidth = legendThumb
	l.Padding = 2
	var entryH vg.Length
	for _, e := range p.legend {
		l.Add(e.label, e.thumb)
		entryH = max(entryH, sty.Rectangle(e.label).Max.Y)
	}
	n := vg.Length(len(p.legend))
	h := n*entryH + (n-1)*l.Padding
	w := min(p.legendWidth(), c.Max.X-c.Min.X-2*legendPad)

	box := vg.Rectangle{
		Min: vg.Point{X: c.Min.X, Y: c.Max.Y - h - 2*legendPad},
		Max: vg.Point{X: c.Min.X + w + 2*legendPad, Y: c.Max.Y},
	}
	c.SetColor(color.White)
	c.Fill(box.Path())
	c.SetLineStyle(draw.LineStyle{Color: color.Gray{Y: 0xcc}, Width: lineWidth})
	c.Stroke(box.Path())

	inner := c
	inner.Min = vg.Point{X: box.Min.X + legendPad, Y: box.Min.Y + legendPad}
	inner.Max = vg.Point{X: box.Max.X - legendPad, Y: box.Max.Y - legendPad}
	l.Draw(inner)
}
