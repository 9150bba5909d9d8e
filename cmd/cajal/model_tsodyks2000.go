package main

import "github.com/cajal-sim/cajal/examples/tsodyks2000"

func init() {
	models["tsodyks2000"] = model{
		about: "Tsodyks, Uziel & Markram 2000: population bursts in a recurrent LIF network with short-term plasticity",
		run: func(o runOpts) (outcome, error) {
			cfg := tsodyks2000.Full
			if o.quick {
				cfg = tsodyks2000.Reduced
			}
			cfg.OutDir, cfg.Threads = o.out, o.threads
			r, err := tsodyks2000.Run(cfg)
			if err != nil {
				return outcome{}, err
			}
			return outcome{summary: r.Summary(), figures: []string{r.Figure}, check: r.Check()}, nil
		},
	}
}
