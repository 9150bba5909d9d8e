package plot_test

import (
	"fmt"
	"log"
	"math"
	"os"
	"path/filepath"

	"github.com/cajal-sim/cajal/plot"
)

func ExampleFigure_Save() {
	dir, err := os.MkdirTemp("", "cajal-plot")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)

	// Spikes of two neurons and the membrane potential of the first.
	spikeT := []float64{0.012, 0.030, 0.051, 0.020, 0.044}
	spikeI := []int32{0, 0, 0, 1, 1}
	t := make([]float64, 600)
	v := make([]float64, len(t))
	for k := range t {
		t[k] = float64(k) * 1e-4
		v[k] = -70 + 15*math.Mod(t[k]*50, 1)
	}

	fig := plot.Figure{
		Title: "Two neurons",
		Panels: []plot.Panel{
			{
				YLabel: "neuron", XMin: plot.F(0), XMax: plot.F(0.06),
				Series: []plot.Series{plot.Raster(spikeT, spikeI, "black", "")},
			},
			{
				XLabel: "time (s)", YLabel: "v (mV)", Legend: true,
				XMin: plot.F(0), XMax: plot.F(0.06),
				Series: []plot.Series{{X: t, Y: v, Label: "neuron 0", Color: "crimson"}},
				HLines: []plot.Ref{{At: -55}}, // threshold, dashed gray
			},
		},
	}
	if err := fig.Save(filepath.Join(dir, "neurons.png")); err != nil {
		log.Fatal(err)
	}
	fmt.Println("saved")
	// Output: saved
}
