package main

import (
	"github.com/cajal-sim/cajal/examples/ficurve"
	"github.com/cajal-sim/cajal/unit"
)

func init() {
	models["ficurve"] = model{
		about: "f-I curve of a leaky integrate-and-fire group against the analytic rate",
		run: func(o runOpts) (outcome, error) {
			cfg := ficurve.Default
			cfg.OutDir, cfg.Threads = o.out, o.threads
			if o.quick {
				cfg.N, cfg.Duration, cfg.Dt = 41, unit.Q(0.5, unit.Second), unit.Q(0.1, unit.Millisecond)
			}
			r, err := ficurve.Run(cfg)
			if err != nil {
				return outcome{}, err
			}
			return outcome{summary: r.Summary(), figures: []string{r.Figure}, check: r.Check()}, nil
		},
	}
}
