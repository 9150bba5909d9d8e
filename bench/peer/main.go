package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"github.com/cajal-sim/cajal"
	"os"
	"time"

	"github.com/cajal-sim/cajal/examples/coba"
	"github.com/cajal-sim/cajal/examples/cuba"
	"github.com/cajal-sim/cajal/examples/vogels2011"
)

// record is one timed run.
type record struct {
	Simulator string  `json:"simulator"`
	Model     string  `json:"model"`
	Threads   int     `json:"threads"`
	Repeat    int     `json:"repeat"`
	SimS      float64 `json:"sim_s"`      // simulated time, seconds
	SetupS    float64 `json:"setup_s"`    // building the network, wall-clock seconds
	LoopS     float64 `json:"loop_s"`     // the simulation loop, wall-clock seconds
	LoopCPUS  float64 `json:"loop_cpu_s"` // the loop's processor time, all threads, seconds
	RateE     float64 `json:"rate_e"`     // mean excitatory rate over the run, Hz
	RateI     float64 `json:"rate_i"`     // mean inhibitory rate, Hz (COBA, CUBA)
	Native    int     `json:"native"`     // programs that ran compiled code
	Programs  int     `json:"programs"`
}

// runners run one model with a seed and a number of threads.
var runners = map[string]func(seed uint64, threads int) (record, error){
	"coba": func(seed uint64, threads int) (record, error) {
		cfg := coba.Full
		cfg.Seed, cfg.Threads, cfg.Ensemble, cfg.Tier = seed, threads, 0, cajal.TierNative // one run, compiled before the loop, timed
		r, err := coba.Run(cfg)
		if err != nil {
			return record{}, err
		}
		e, i := r.Rates()
		return record{SimS: r.Duration, LoopS: r.Wall.Seconds(), LoopCPUS: r.CPU.Seconds(), RateE: e, RateI: i, Native: r.Native, Programs: r.Programs}, nil
	},
	"cuba": func(seed uint64, threads int) (record, error) {
		cfg := cuba.Full
		cfg.Seed, cfg.Threads, cfg.Ensemble, cfg.Tier = seed, threads, 0, cajal.TierNative // one run, compiled before the loop, timed
		r, err := cuba.Run(cfg)
		if err != nil {
			return record{}, err
		}
		e, i := r.Rates()
		return record{SimS: r.Duration, LoopS: r.Wall.Seconds(), LoopCPUS: r.CPU.Seconds(), RateE: e, RateI: i, Native: r.Native, Programs: r.Programs}, nil
	},
	"vogels2011": func(seed uint64, threads int) (record, error) {
		cfg := vogels2011.Full
		cfg.Seed, cfg.Threads, cfg.Tier = seed, threads, cajal.TierNative
		r, err := vogels2011.Run(cfg)
		if err != nil {
			return record{}, err
		}
		e := 0.0
		for _, x := range r.Rates {
			e += x / float64(len(r.Rates))
		}
		return record{SimS: cfg.SimTime.Value, LoopS: r.Wall.Seconds(), LoopCPUS: r.CPU.Seconds(), RateE: e, Native: r.Native, Programs: r.Programs}, nil
	},
}

func main() {
	model := flag.String("model", "coba", "network: coba, cuba or vogels2011")
	threads := flag.Int("threads", 1, "worker goroutines (0: all processors)")
	repeat := flag.Int("repeat", 1, "number of timed runs")
	seed := flag.Uint64("seed", 1, "seed of the network")
	flag.Parse()
	run, ok := runners[*model]
	if !ok {
		fmt.Fprintf(os.Stderr, "peer: unknown model %q (coba, cuba, vogels2011)\n", *model)
		os.Exit(2)
	}
	if *repeat < 1 || *threads < 0 {
		fmt.Fprintln(os.Stderr, "peer: -repeat must be at least 1 and -threads at least 0")
		os.Exit(2)
	}
	enc := json.NewEncoder(os.Stdout)
	for k := range *repeat {
		start := time.Now()
		rec, err := run(*seed, *threads)
		if err != nil {
			fmt.Fprintln(os.Stderr, "peer:", err)
			os.Exit(1)
		}
		// Setup is the rest of the run: building the network, gathering
		// the results (no figure is drawn).
		rec.SetupS = time.Since(start).Seconds() - rec.LoopS
		rec.Simulator, rec.Model, rec.Threads, rec.Repeat = "Cajal", *model, *threads, k
		if err := enc.Encode(rec); err != nil {
			fmt.Fprintln(os.Stderr, "peer:", err)
			os.Exit(1)
		}
	}
}
