package main

import "github.com/cajal-sim/cajal/examples/vogels2011"

func init() {
	models["vogels2011"] = model{
		about: "seed 000: Vogels et al. 2011, inhibitory STDP balances a 10,000-neuron network",
		run: func(o runOpts) (outcome, error) {
			cfg := vogels2011.Full
			if o.quick {
				cfg = vogels2011.Reduced
			}
			cfg.OutDir, cfg.Threads = o.out, o.threads
			r, err := vogels2011.Run(cfg)
			if err != nil {
				return outcome{}, err
			}
			return outcome{summary: r.Summary(), figures: []string{r.Figure}, check: r.Check()}, nil
		},
	}
}
