package brette2007

import (
	"path/filepath"
	"time"

	"github.com/cajal-sim/cajal"
	"github.com/cajal-sim/cajal/examples/internal/cputime"
	"github.com/cajal-sim/cajal/unit"
)

// run builds the network once and runs it: one group of NE+NI neurons
// (dt = 0.1 ms, refractory 5 ms), wired by the benchmark, and a spike
// monitor of the whole group.
func (b *Benchmark) run(cfg Config) (*Result, error) {
	net, err := cajal.NewNetwork(cajal.Options{Progress: cfg.Progress.Network(), Dt: unit.Q(0.1, unit.Millisecond), Seed: cfg.Seed,
		Threads: cfg.Threads, Tier: cfg.Tier, Comm: cfg.Comm})
	if err != nil {
		return nil, err
	}
	ns := b.Namespace(cfg)
	P, err := net.NeuronGroup(cajal.Neurons{Name: "P", N: cfg.NE + cfg.NI, Model: b.Equations,
		Threshold: "v > Vt", Reset: "v = Vr", Refractory: unit.Q(5, unit.Millisecond), Method: b.Method, Namespace: ns})
	if err != nil {
		return nil, err
	}
	Ce, Ci, err := b.Wire(net, P, cfg, ns)
	if err != nil {
		return nil, err
	}
	sm, err := net.SpikeMonitor(P)
	if err != nil {
		return nil, err
	}
	start, cpu0 := time.Now(), cputime.Process()
	if err := net.Run(cfg.Duration); err != nil {
		return nil, err
	}
	wall, cpu := time.Since(start), cputime.Process()-cpu0
	res := &Result{Config: cfg, Method: P.Method(), Benchmark: b, Outcome: Outcome{NE: cfg.NE, NI: cfg.NI,
		Duration: cfg.Duration.Value, Wall: wall, CPU: cpu, T: sm.T(), I: sm.I(), SynE: Ce.N(), SynI: Ci.N()}}
	res.Native, res.Programs = net.Programs()
	res.Stats = net.Stats()
	for _, s := range []*cajal.SynapseGroup{Ce, Ci} {
		pre, _ := s.Events()
		res.Events += pre
	}
	if cfg.OutDir != "" {
		res.Figure = filepath.Join(cfg.OutDir, b.Figure)
		if err := res.Draw(res.Figure, b.Title); err != nil {
			return nil, err
		}
	}
	return res, nil
}
