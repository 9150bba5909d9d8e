package main

import "github.com/cajal-sim/cajal/examples/sparse_ei"

func init() {
	models["sparse_ei"] = model{
		about: "sparse excitatory-inhibitory network (Brunel 2000): fixed in-degree, PoissonInput drive, TimedArray stimulus, rates against the mean field",
		run: func(o runOpts) (outcome, error) {
			cfg := sparse_ei.Config{Params: sparse_ei.Default, Seed: 1, Threads: o.threads, OutDir: o.out}
			if o.quick {
				cfg.Params = sparse_ei.Quick
			}
			r, err := sparse_ei.Run(cfg)
			if err != nil {
				return outcome{}, err
			}
			return outcome{summary: r.Summary(), figures: r.Figures, check: r.Check()}, nil
		},
	}
}
