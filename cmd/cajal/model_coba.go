package main

import "github.com/cajal-sim/cajal/examples/coba"

func init() {
	models["coba"] = model{
		about: "Brette et al. 2007 benchmark 1: 4000 LIF neurons with conductance-based synapses (Vogels & Abbott 2005)",
		run: func(o runOpts) (outcome, error) {
			cfg := coba.Full
			if o.quick {
				cfg = coba.Reduced
			}
			cfg.OutDir, cfg.Threads = o.out, o.threads
			r, err := coba.Run(cfg)
			if err != nil {
				return outcome{}, err
			}
			return outcome{summary: r.Summary(), figures: []string{r.Figure}, check: r.Check()}, nil
		},
	}
}
