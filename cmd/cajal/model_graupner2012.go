package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/cajal-sim/cajal/examples/graupner2012"
)

// pointsEnv, if set, chooses the time differences run, in ms: for example
// GRAUPNER2012_POINTS=-25,0,5 cajal validate graupner2012.
const pointsEnv = "GRAUPNER2012_POINTS"

func init() {
	models["graupner2012"] = model{
		about: "Graupner & Brunel 2012 calcium-based plasticity: STDP curve of bistable synapses (Fig. 2C, DP)",
		run: func(o runOpts) (outcome, error) {
			cfg := graupner2012.Full
			cfg.Log = os.Stderr // one line per time difference
			if o.quick {
				cfg = graupner2012.Reduced
			}
			if env := os.Getenv(pointsEnv); env != "" {
				cfg.Points = nil
				for _, f := range strings.Split(env, ",") {
					ms, err := strconv.ParseFloat(strings.TrimSpace(f), 64)
					if err != nil {
						return outcome{}, fmt.Errorf("%s: %v", pointsEnv, err)
					}
					k := cfg.Index(ms)
					if d := cfg.TimeDifference(k) * 1e3; d-ms > 1e-6 || ms-d > 1e-6 {
						return outcome{}, fmt.Errorf("%s: %g ms is not one of the time differences (nearest %g ms)", pointsEnv, ms, d)
					}
					cfg.Points = append(cfg.Points, k)
				}
			}
			cfg.OutDir = o.out
			if o.threads > 0 {
				cfg.Workers = o.threads // networks at once, one thread each
			}
			r, err := graupner2012.Run(cfg)
			if err != nil {
				return outcome{}, err
			}
			return outcome{summary: r.Summary(), figures: []string{r.Figure}, check: r.Check()}, nil
		},
	}
}
