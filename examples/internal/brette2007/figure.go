package brette2007

import "github.com/cajal-sim/cajal/plot"

// Draw writes the figure of a run to path: a raster of every spike
// (excitatory neurons black, inhibitory ones red, above them) and the
// population rate in 1 ms bins.
func (o *Outcome) Draw(path, title string) error {
	var et, it []float64
	var ei, ii []int32
	for k, t := range o.T {
		if int(o.I[k]) < o.NE {
			et, ei = append(et, t*1e3), append(ei, o.I[k])
		} else {
			it, ii = append(it, t*1e3), append(ii, o.I[k])
		}
	}
	exc := plot.Raster(et, ei, "black", "excitatory")
	inh := plot.Raster(it, ii, "red", "inhibitory")
	exc.Size, inh.Size = 0.4, 0.4
	ms, hz := o.PopulationRate(1e-3)
	end := o.Duration * 1e3
	fig := plot.Figure{Title: title, Width: 8, Height: 7, Panels: []plot.Panel{
		{
			XLabel: "time (ms)", YLabel: "neuron index", Legend: true,
			XMin: plot.F(0), XMax: plot.F(end), YMin: plot.F(0), YMax: plot.F(float64(o.NE + o.NI)),
			Series: []plot.Series{exc, inh},
		},
		{
			XLabel: "time (ms)", YLabel: "population rate (Hz)",
			XMin: plot.F(0), XMax: plot.F(end), YMin: plot.F(0),
			Series: []plot.Series{{Kind: plot.Line, X: ms, Y: hz, Color: "black"}},
		},
	}}
	return fig.Save(path)
}
