// Package plot draws simulation results as PNG or SVG figures.
//
// A [Figure] is a stack of [Panel]s drawn top to bottom, each with its own
// axes, title, limits, optional legend and reference lines. A panel holds
// [Series] of four kinds:
//
//   - [Line]: a polyline, solid or dashed (membrane potentials, rates);
//   - [Dots]: tiny filled circles without lines, for spike rasters of up to
//     millions of points (see [Raster]);
//   - [Markers]: circles or squares of a given size (an STDP curve, spike
//     times along an axis);
//   - [Step]: a post-step line, constant until the next sample (synaptic
//     weights over time).
//
// Points with a NaN or infinite coordinate are skipped; lines are broken at
// them. Long lines are decimated to a few points per pixel column without
// visible change, so traces of millions of samples draw quickly. Reference
// lines ([Ref], in Panel.HLines and Panel.VLines) are dashed unless
// Ref.Solid is set. Empty series and empty panels draw empty axes. Panels are aligned so
// that their data areas share the same horizontal extent, which makes panels
// with equal x limits read as sharing an x axis.
//
// [Figure.Save] picks the output format from the file extension: ".png"
// (150 dpi) or ".svg". Drawing is done with gonum.org/v1/plot, in a style
// close to matplotlib's defaults: boxed axes, outward ticks, 5% margins
// around automatic limits, the tab10 colour cycle for series without a
// colour, and legends placed to the right of their panel so that they never
// cover data.
package plot
