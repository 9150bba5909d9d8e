package modelfile

import (
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/cajal-sim/cajal/plot"
	"github.com/cajal-sim/cajal/record"
)

// maxPlotRows is the most rows a figure reads from a data file: a figure
// of a longer run shows its beginning, and says so.
const maxPlotRows = 2_000_000

// maxRasterRows is the most neurons a raster figure shows: beyond, every
// k-th neuron is drawn, so that rows stay apart in a panel a few hundred
// pixels high.
const maxRasterRows = 100

// outputs writes, for each monitor's data file, a CSV file and figures
// beside it, reading the data a block at a time (figures: at most
// maxPlotRows rows).
func (b *built) outputs() ([]string, error) {
	var files []string
	for _, m := range b.spikes {
		out, err := derive(m.m.Path(), func(t *record.Table, base string) ([]string, error) {
			figs, err := spikeFigure(t, base, m.name)
			if err != nil || len(m.vars) == 0 {
				return figs, err
			}
			csv, err := spikeValues(t, base, m)
			return append(figs, csv), err
		})
		if err != nil {
			return files, err
		}
		files = append(files, out...)
	}
	for _, m := range append(b.states[:len(b.states):len(b.states)], b.synStates...) {
		out, err := derive(m.m.Path(), func(t *record.Table, base string) ([]string, error) {
			return stateFigures(t, base, m.spec)
		})
		if err != nil {
			return files, err
		}
		files = append(files, out...)
	}
	for _, w := range b.weights {
		out, err := derive(w.r.Path(), func(*record.Table, string) ([]string, error) { return nil, nil })
		if err != nil {
			return files, err
		}
		files = append(files, out...)
	}
	for _, m := range b.rates {
		out, err := derive(m.m.Path(), func(t *record.Table, base string) ([]string, error) {
			return rateFigure(t, base, m.name, b.net.Dt().Value)
		})
		if err != nil {
			return files, err
		}
		files = append(files, out...)
	}
	return files, nil
}

// derive opens a data file, writes its CSV and calls figures with the
// table and the files' common base name.
func derive(path string, figures func(t *record.Table, base string) ([]string, error)) ([]string, error) {
	t, err := record.Open(path)
	if err != nil {
		return nil, err
	}
	defer t.Close()
	base := strings.TrimSuffix(path, ".npy")
	if err := record.WriteCSV(base+".csv", t); err != nil {
		return nil, err
	}
	figs, err := figures(t, base)
	return append([]string{base + ".csv"}, figs...), err
}

// plotted is the number of rows a figure shows, and a note for its title
// if that is not all of them.
func plotted(t *record.Table) (int64, string) {
	if t.Rows <= maxPlotRows {
		return t.Rows, ""
	}
	return maxPlotRows, fmt.Sprintf(" (first %d of %d records)", maxPlotRows, t.Rows)
}

// ms converts seconds to milliseconds.
func ms(ts []float64) []float64 {
	out := make([]float64, len(ts))
	for k, t := range ts {
		out[k] = t * 1e3
	}
	return out
}

func spikeFigure(t *record.Table, base, name string) ([]string, error) {
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
	tk, ik, step := plot.ThinRaster(ms(ts), is, maxRasterRows)
	if step > 1 {
		note += fmt.Sprintf(" (1 neuron in %d shown)", step)
	}
	fig := plot.Figure{Panels: []plot.Panel{{Title: name + note, XLabel: "time (ms)", YLabel: "neuron",
		Series: []plot.Series{plot.Raster(tk, ik, "black", "")}}}}
	return []string{png}, fig.Save(png)
}

func stateFigures(t *record.Table, base string, spec StateMonitor) ([]string, error) {
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
		var series []plot.Series
		for k := range f.Width {
			y := make([]float64, len(ts))
			for s := range y {
				y[s] = vals[s*f.Width+k]
			}
			series = append(series, plot.Series{X: x, Y: y, Label: fmt.Sprintf("%s[%d]", f.Name, t.Meta.Elements[k])})
		}
		fig := plot.Figure{Height: 3, Panels: []plot.Panel{{Title: fmt.Sprintf("%s: %s (%s)%s", spec.Source, f.Name, f.Unit, note),
			XLabel: "time (ms)", YLabel: f.Name, Legend: len(series) <= 10, Series: series}}}
		path := base + "_" + f.Name + ".png"
		if err := fig.Save(path); err != nil {
			return files, err
		}
		files = append(files, path)
	}
	return files, nil
}

func rateFigure(t *record.Table, base, name string, dt float64) ([]string, error) {
	n, note := plotted(t)
	ts, err := t.Float64Range("t", 0, n)
	if err != nil {
		return nil, err
	}
	r, err := t.Float64Range("rate", 0, n)
	if err != nil {
		return nil, err
	}
	smooth := smoothRate(r, max(1, int(1e-3/dt+0.5)))
	fig := plot.Figure{Height: 3, Panels: []plot.Panel{{Title: name + ": population rate (1 ms window)" + note,
		XLabel: "time (ms)", YLabel: "rate (Hz)", Series: []plot.Series{{X: ms(ts), Y: smooth, Color: "black"}}}}}
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

// spikeValues writes the variables a spike monitor recorded at each
// spike to base_values.csv: i, t, then one column per variable (SI
// units). The values are kept in memory from the start of this process:
// after a resume from a checkpoint they cover the spikes since then, the
// last rows of the spike file.
func spikeValues(t *record.Table, base string, m spikeMon) (string, error) {
	path := base + "_values.csv"
	cols := make([][]float64, len(m.vars))
	var err error
	for k, v := range m.vars {
		if cols[k], err = m.m.Values(v); err != nil {
			return path, err
		}
	}
	n := int64(len(cols[0]))
	if n > t.Rows {
		return path, fmt.Errorf("%s: %d values of %s for %d spikes", m.name, n, m.vars[0], t.Rows)
	}
	is, err := t.Int32Range("i", t.Rows-n, t.Rows)
	if err != nil {
		return path, err
	}
	ts, err := t.Float64Range("t", t.Rows-n, t.Rows)
	if err != nil {
		return path, err
	}
	var b strings.Builder
	b.WriteString("i,t (second)")
	for k, v := range m.vars {
		fmt.Fprintf(&b, ",%s (%s)", v, m.units[k])
	}
	b.WriteByte('\n')
	for r := range ts {
		b.WriteString(strconv.Itoa(int(is[r])) + "," + strconv.FormatFloat(ts[r], 'g', -1, 64))
		for k := range m.vars {
			b.WriteString("," + strconv.FormatFloat(cols[k][r], 'g', -1, 64))
		}
		b.WriteByte('\n')
	}
	return path, os.WriteFile(path, []byte(b.String()), 0o644)
}
