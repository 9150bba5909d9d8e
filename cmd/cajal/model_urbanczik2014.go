package main

import "github.com/cajal-sim/cajal/examples/urbanczik2014"

func init() {
	models["urbanczik2014"] = model{
		about: "seed 004: Urbanczik & Senn 2014, dendritic prediction learns the somatic potential (NEST)",
		run: func(o runOpts) (outcome, error) {
			cfg := urbanczik2014.Full
			if o.quick {
				cfg = urbanczik2014.Reduced
			}
			cfg.OutDir = o.out
			r, err := urbanczik2014.Run(cfg)
			if err != nil {
				return outcome{}, err
			}
			return outcome{summary: r.Summary(), figures: r.Figures, check: r.Check()}, nil
		},
	}
}
