package main

import "github.com/cajal-sim/cajal/examples/lif_inhibition"

func init() {
	models["lif_inhibition"] = model{
		about: "Dendrify's LIF network + inhibition: feedback inhibition switched on halfway lowers the excitatory rate",
		run: func(o runOpts) (outcome, error) {
			cfg := lif_inhibition.Full
			if o.quick {
				cfg = lif_inhibition.Reduced
			}
			cfg.OutDir, cfg.Threads = o.out, o.threads
			r, err := lif_inhibition.Run(cfg)
			if err != nil {
				return outcome{}, err
			}
			return outcome{summary: r.Summary(), figures: []string{r.Figure}, check: r.Check()}, nil
		},
	}
}
