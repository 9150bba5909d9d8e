// Package example is what Cajal's published examples have in common: the
// [Example] interface that the command (cajal list, run, validate, bench,
// gen) iterates, the reference files that hold the numbers each example is
// checked against with their provenance, the [Report] a check returns, and
// a runner for ensembles of independent runs.
//
// A reference file is TOML, kept in the example's testdata folder and
// embedded in its package. It names its sources (a paper's figure, a
// simulator and its version, a script, the seeds) and, for each compared
// statistic, the reference value or range and the band a check accepts,
// with the reason for the band:
//
//	[[source]]
//	id = "brian2"
//	what = "Brian2's run of the seed script"
//	simulator = "Brian2 2.5.1"
//	script = "testdata/brian2_reference.py"
//	seeds = "1001-1060"
//
//	[[quantity]]
//	key = "rate_first"
//	name = "excitatory rate, first second"
//	unit = "Hz"
//	source = "brian2"
//	value = 164.7
//	rel_tol = 0.15
//	why = "..."
//
// A quantity gives its reference as value, as range = [lo, hi], or as the
// mean, sd and n of an ensemble; and its band as band = [lo, hi], or as a
// half-width around the reference: tol (absolute), rel_tol (relative) or
// sigmas (standard deviations sd). Every quantity must say why its band is
// what it is.
package example
