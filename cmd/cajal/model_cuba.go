package main

import "github.com/cajal-sim/cajal/examples/cuba"

func init() {
	models["cuba"] = model{
		about: "Brette et al. 2007 benchmark 2: 4000 LIF neurons with current-based synapses (Vogels & Abbott 2005)",
		run: func(o runOpts) (outcome, error) {
			cfg := cuba.Full
			if o.quick {
				cfg = cuba.Reduced
			}
			cfg.OutDir, cfg.Threads = o.out, o.threads
			r, err := cuba.Run(cfg)
			if err != nil {
				return outcome{}, err
			}
			return outcome{summary: r.Summary(), figures: []string{r.Figure}, check: r.Check()}, nil
		},
	}
}
