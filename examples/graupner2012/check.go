package graupner2012

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/cajal-sim/cajal/examples/example"
)

// pointPrefix starts the key of a published point in the reference file:
// change_at_-25 is the change in synaptic strength at -25 ms.
const pointPrefix = "change_at_"

// Point is a point of the published curve.
type Point struct {
	Key          string
	DtMs, Change float64
}

// Published is the curve of the paper's Fig. 2C (DP), read at the time
// differences the reference file lists (testdata/reference.toml).
func Published() ([]Point, error) {
	refs, err := References()
	if err != nil {
		return nil, err
	}
	var out []Point
	for _, q := range refs.Quantities {
		ms, ok := strings.CutPrefix(q.Key, pointPrefix)
		if !ok {
			continue
		}
		dt, err := strconv.ParseFloat(ms, 64)
		if err != nil {
			return nil, fmt.Errorf("reference file: quantity %q: %v", q.Key, err)
		}
		v, _ := q.Reference()
		out = append(out, Point{Key: q.Key, DtMs: dt, Change: v})
	}
	return out, nil
}

// at is the index of the time difference dt ms in the result, or -1.
func (r *Result) at(dt float64) int {
	for k, x := range r.DtMs {
		if math.Abs(x-dt) < 1e-6 {
			return k
		}
	}
	return -1
}

// Check compares a full run with the published curve: the run must hold
// every time difference of the seed (all 41, with 1000 repetitions), each
// published point must lie within its band, and the minimum and the
// maximum must lie where the published ones do.
func (r *Result) Check() example.Report {
	refs, err := References()
	c := example.NewChecker(refs, err)
	if len(r.DtMs) != Full.NPoints || r.Cfg.NPoints != Full.NPoints || r.Cfg.Repetitions != Full.Repetitions {
		c.Report.Fail("run size", fmt.Errorf("%d time differences of %d repetitions; the published curve is %d of %d",
			len(r.DtMs), r.Cfg.Repetitions, Full.NPoints, Full.Repetitions))
		return c.Report
	}
	points, err := Published()
	if err != nil {
		c.Report.Fail("published curve", err)
		return c.Report
	}
	for _, p := range points {
		if k := r.at(p.DtMs); k >= 0 {
			c.Value(p.Key, r.Change[k])
		} else {
			c.Report.Fail(p.Key, fmt.Errorf("the time difference %+g ms was not run", p.DtMs))
		}
	}
	lo, hi := r.extremes()
	c.Value("minimum_at", r.DtMs[lo])
	c.Value("maximum_at", r.DtMs[hi])
	return c.Report
}

// ReducedTolerance is the band around the published curve of a run with
// fewer repetitions per initial state: three standard errors of the
// change 1 + (2/3)(U - D), at most (2/3)*sqrt(0.5/R), plus 0.01 for the
// reading of the figure (0.23 for Reduced's 40).
func ReducedTolerance(repetitions int) float64 {
	return 3*2.0/3*math.Sqrt(0.5/float64(repetitions)) + 0.01
}

// CheckReduced compares the points of a reduced run (Reduced: -25, 0 and
// +5 ms, 40 repetitions) with the published curve, each within
// ReducedTolerance; every point run that the paper's curve is read at is
// compared, and at least one must be.
func (r *Result) CheckReduced() example.Report {
	refs, err := References()
	c := example.NewChecker(refs, err)
	points, err := Published()
	if err != nil {
		c.Report.Fail("published curve", err)
		return c.Report
	}
	tol := ReducedTolerance(r.Cfg.Repetitions)
	found := 0
	for _, p := range points {
		k := r.at(p.DtMs)
		if k < 0 {
			continue
		}
		found++
		q, _ := refs.Quantity(p.Key)
		q.Tol = tol
		q.Why = fmt.Sprintf("three standard errors of %d repetitions per state plus 0.01 for reading the figure", r.Cfg.Repetitions)
		c.Report.Add(q.Check(r.Change[k]))
	}
	if found == 0 {
		c.Report.Fail("published points", fmt.Errorf("none of the published time differences was run"))
	}
	if len(refs.Sources) > 0 {
		c.Report.Sources = refs.Sources
	}
	return c.Report
}
