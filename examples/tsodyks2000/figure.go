package tsodyks2000

import (
	"sort"

	"github.com/cajal-sim/cajal/plot"
)

// Draw writes the seed's figure (12 x 10 inches, three panels): the raster
// of Exc and Inh (both blue, 'b.' with markersize 1, Inh above Exc), the
// net activity of Exc (1 ms histogram divided by 400) and the sorted mean
// firing rates of the excitatory neurons.
func (r *Result) Draw(path string) error {
	N := float64(r.Cfg.NExc + r.Cfg.NInh)
	inhY := make([]int32, len(r.InhI))
	for k, i := range r.InhI {
		inhY[k] = i + int32(r.Cfg.NExc)
	}
	bins := make([]float64, len(r.Activity))
	for k := range bins {
		bins[k] = float64(k)
	}
	sorted := append([]float64(nil), r.ExcRates...)
	sort.Float64s(sorted)
	idx := make([]float64, len(sorted))
	for k := range idx {
		idx[k] = float64(k)
	}
	fig := plot.Figure{Width: 12, Height: 10, Panels: []plot.Panel{
		{
			XLabel: "Time (ms)", YLabel: "# neuron",
			XMin: plot.F(0), XMax: plot.F(r.T), YMin: plot.F(0), YMax: plot.F(N),
			Series: []plot.Series{
				plot.Raster(r.ExcT, r.ExcI, "b", ""),
				plot.Raster(r.InhT, inhY, "b", ""),
			},
		},
		{
			XLabel: "Time (ms)", YLabel: "net activity (spikes per neuron per ms)",
			Series: []plot.Series{{Kind: plot.Line, X: bins, Y: r.Activity, Color: "C0"}},
		},
		{
			XLabel: "# neuron", YLabel: "Spikes / sec",
			Series: []plot.Series{{Kind: plot.Line, X: idx, Y: sorted, Color: "C0"}},
		},
	}}
	return fig.Save(path)
}
