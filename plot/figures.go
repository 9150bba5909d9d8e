package plot

import (
	"fmt"

	"github.com/cajal-sim/cajal/record"
)

// Figures writes the standard figures of a monitor's records (a
// record.Format): a raster for spikes (base_raster.png; populations of
// more than MaxRasterRows neurons thinned, as the title says), one panel
// of traces per variable for states (base_VAR.png), the population rate
// smoothed over 1 ms for rates (base.png). Other kinds have no figure.
// A figure shows the first MaxPlotRows records of a longer file, and says
// so.
var Figures record.Format = figures{}

// MaxPlotRows is the most records a figure reads from a data file.
const MaxPlotRows = 2_000_000

// MaxRasterRows is the most neurons a raster shows: beyond, every k-th
// neuron is drawn, so that rows stay apart in a panel a few hundred
// pixels high.
const MaxRasterRows = 100

type figures struct{}

func (figures) Name() string { return "figures" }

func (figures) Write(t *record.Table, base string) ([]string, error) {
	switch t.Meta.Kind {
	case "spikes":
		return spikeFigure(t, base)
	case "states":
		return stateFigures(t, base)
	case "rate":
		return rateFigure(t, base)
	}
	return nil, nil
}

// plotted is the number of rows a figure shows, and a note for its title
// if that is not all of them.
func plotted(t *record.Table) (int64, string) {
	if t.Rows <= MaxPlotRows {
		return t.Rows, ""
	}
	return MaxPlotRows, fmt.Sprintf(" (first %d of %d records)", MaxPlotRows, t.Rows)
}

// ms converts seconds to milliseconds.
func ms(ts []float64) []float64 {
	out := make([]float64, len(ts))
	for k, t := range ts {
		out[k] = t * 1e3
	}
	return out
}

func spikeFigure(t *record.Table, base string) ([]string, error) {
	n, note := plotted(t)
	ts, err := t.Float64Range("t", 0, n)
	if err != nil {
		return nil, err
	}
	is, err := t.Int32Range("i", 0, n)
	if err != nil {
		return nil, err
	}
	png := base + "_raster.png"
	tk, ik, step := ThinRaster(ms(ts), is, MaxRasterRows)
	if step > 1 {
		note += fmt.Sprintf(" (1 neuron in %d shown)", step)
	}
	fig := Figure{Panels: []Panel{{Title: t.Meta.Source + note, XLabel: "time (ms)", YLabel: "neuron",
		Series: []Series{Raster(tk, ik, "black", "")}}}}
	return []string{png}, fig.Save(png)
}

func stateFigures(t *record.Table, base string) ([]string, error) {
	n, note := plotted(t)
	ts, err := t.Float64Range("t", 0, n)
	if err != nil {
		return nil, err
	}
	x := ms(ts)
	var files []string
	for _, f := range t.Meta.Fields[1:] {
		vals, err := t.Float64Range(f.Name, 0, n)
		if err != nil {
			return files, err
		}
		var series []Series
		for k := range f.Width {
			y := make([]float64, len(ts))
			for s := range y {
				y[s] = vals[s*f.Width+k]
			}
			label := fmt.Sprintf("%s[%d]", f.Name, k)
			if k < len(t.Meta.Elements) {
				label = fmt.Sprintf("%s[%d]", f.Name, t.Meta.Elements[k])
			}
			series = append(series, Series{X: x, Y: y, Label: label})
		}
		fig := Figure{Height: 3, Panels: []Panel{{Title: fmt.Sprintf("%s: %s (%s)%s", t.Meta.Source, f.Name, f.Unit, note),
			XLabel: "time (ms)", YLabel: fmt.Sprintf("%s (%s)", f.Name, f.Unit), Legend: len(series) <= 10, Series: series}}}
		path := base + "_" + f.Name + ".png"
		if err := fig.Save(path); err != nil {
			return files, err
		}
		files = append(files, path)
	}
	return files, nil
}

func rateFigure(t *record.Table, base string) ([]string, error) {
	n, note := plotted(t)
	ts, err := t.Float64Range("t", 0, n)
	if err != nil {
		return nil, err
	}
	r, err := t.Float64Range("rate", 0, n)
	if err != nil {
		return nil, err
	}
	dt := 1e-4
	if len(ts) > 1 {
		dt = ts[1] - ts[0]
	}
	smooth := smoothRate(r, max(1, int(1e-3/dt+0.5)))
	fig := Figure{Height: 3, Panels: []Panel{{Title: t.Meta.Source + ": population rate (1 ms window)" + note,
		XLabel: "time (ms)", YLabel: "rate (Hz)", Series: []Series{{X: ms(ts), Y: smooth, Color: "black"}}}}}
	png := base + ".png"
	return []string{png}, fig.Save(png)
}

// smoothRate averages r over a flat window of the given number of steps,
// centred on each step.
func smoothRate(r []float64, steps int) []float64 {
	out := make([]float64, len(r))
	h := steps / 2
	for i := range r {
		lo, hi := max(0, i-h), min(len(r), i-h+steps)
		s := 0.0
		for _, x := range r[lo:hi] {
			s += x
		}
		out[i] = s / float64(hi-lo)
	}
	return out
}
