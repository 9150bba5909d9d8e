package lif_inhibition

import (
	"fmt"
	"strings"

	"github.com/cajal-sim/cajal/examples/example"
)

// EnsembleSeeds is the number of full-size runs, seeds 1 to EnsembleSeeds,
// whose mean rates `cajal validate` compares with Brian2's ensemble (the
// single run of seed 123 is one draw of a wide distribution). With both
// simulators' seed-to-seed sd of about 1.5 Hz the band of E1's mean is
// then +- 0.61 Hz.
const EnsembleSeeds = 100

// RunEnsemble runs cfg with the seeds first to first+n-1, as many at once
// as parallel (all processors when 0), each on one thread, without
// figures.
func RunEnsemble(cfg Config, first uint64, n, parallel int) ([]*Result, error) {
	cfg.OutDir, cfg.Threads = "", 1
	return example.Ensemble(n, parallel, func(k int) (*Result, error) {
		c := cfg
		c.Seed = first + uint64(k)
		return Run(c)
	})
}

// keys names the reference quantities of a size: E1, E2 and I2 of one run
// and of an ensemble's mean, and the ratio E2/E1.
func keys(size example.Size) (run [3]string, mean [3]string, ratio string) {
	if size == example.Full {
		return [3]string{"e1_run", "e2_run", "i2_run"}, [3]string{"e1", "e2", "i2"}, "ratio_run"
	}
	r := [3]string{"e1_reduced", "e2_reduced", "i2_reduced"}
	return r, r, "ratio_reduced"
}

// Check compares one run with the stored references
// (testdata/reference.toml): the full run with the published ranges,
// within the band one run is allowed; the reduced run with Brian2's runs
// of the same config. The inhibitory neurons must be silent in the first
// half, and inhibition must lower the excitatory rate.
func (r *Result) Check(size example.Size) example.Report {
	refs, err := References()
	c := example.NewChecker(refs, err)
	run, _, ratio := keys(size)
	c.Value(run[0], r.RateE[0])
	c.Value(run[1], r.RateE[1])
	c.Value("i1_run", r.RateI[0])
	c.Value(run[2], r.RateI[1])
	c.Value(ratio, r.RateE[1]/r.RateE[0])
	return c.Report
}

// CheckEnsemble compares the mean rates of an ensemble of runs with
// Brian2's ensemble of the same size: E1, E2 and I2 within the stored
// bands (standard errors of the difference of the means), the
// inhibitory neurons silent in the first half in every run, and the ratio
// of the mean rates E2/E1 within its band.
func CheckEnsemble(rs []*Result, size example.Size) example.Report {
	refs, err := References()
	c := example.NewChecker(refs, err)
	if len(rs) < 2 {
		c.Report.Fail("ensemble", fmt.Errorf("%d runs; an ensemble needs at least 2", len(rs)))
		return c.Report
	}
	_, mean, ratio := keys(size)
	var e1, e2, i1, i2 []float64
	loudest := 0.0
	for _, r := range rs {
		e1, e2 = append(e1, r.RateE[0]), append(e2, r.RateE[1])
		i1, i2 = append(i1, r.RateI[0]), append(i2, r.RateI[1])
		loudest = max(loudest, r.RateI[0])
	}
	s1, s2 := example.NewStat(e1), example.NewStat(e2)
	c.Mean(mean[0], s1)
	c.Mean(mean[1], s2)
	c.ValueAs("i1_run", "largest inhibitory rate of a run, first half", loudest)
	c.Mean(mean[2], example.NewStat(i2))
	c.Value(ratio, s2.Mean/s1.Mean)
	return c.Report
}

// EnsembleSummary is a line of the ensemble's mean rates.
func EnsembleSummary(rs []*Result) string {
	var e1, e2, i1, i2 []float64
	for _, r := range rs {
		e1, e2 = append(e1, r.RateE[0]), append(e2, r.RateE[1])
		i1, i2 = append(i1, r.RateI[0]), append(i2, r.RateI[1])
	}
	var b strings.Builder
	fmt.Fprintf(&b, "over %d seeds (%d-%d), mean +- sd: ", len(rs), rs[0].Seed, rs[len(rs)-1].Seed)
	for k, x := range []struct {
		name string
		v    []float64
	}{{"E1", e1}, {"E2", e2}, {"I1", i1}, {"I2", i2}} {
		s := example.NewStat(x.v)
		if k > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s %.2f +- %.2f Hz", x.name, s.Mean, s.SD)
	}
	return b.String()
}
