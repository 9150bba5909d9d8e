package cajal

import (
	"math"
	"testing"

	"github.com/cajal-sim/cajal/unit"
)

// poissonCounts runs one step of a PoissonInput of n sources at rate onto
// neurons whose v counts the sources' spikes.
func poissonCounts(t *testing.T, neurons, n int, rate float64, threads int) []float64 {
	net := newNet(t, Options{Seed: 7, Threads: threads})
	g, err := net.NeuronGroup(Neurons{N: neurons, Model: "v : 1"})
	if err != nil {
		t.Fatal(err)
	}
	if err := net.PoissonInput(PoissonInput{Target: g, Var: "v", N: n, Rate: unit.Q(rate, unit.Hertz), Weight: 1.0}); err != nil {
		t.Fatal(err)
	}
	run(t, net, unit.Q(0.1, unit.Millisecond))
	v, _ := g.Get("v")
	return v
}

// The count a neuron receives in a step is binomial(N, rate*dt): with
// N = 50 and rate*dt = 0.02 over 100,000 neurons, Pearson's chi-square
// over the counts 0..4 and >= 5 (expected counts from 37,000 down to
// 350) has 5 degrees of freedom; 20.5 is its 99.9 % quantile, so a right
// sampler fails with probability 0.001 (and the seed is fixed).
func TestPoissonInputBinomialCounts(t *testing.T) {
	const neurons, n, p = 100000, 50, 0.02
	v := poissonCounts(t, neurons, n, p/1e-4, 0)
	obs := make([]float64, 6)
	for _, x := range v {
		if x != math.Floor(x) || x < 0 {
			t.Fatalf("count %v is not a whole number", x)
		}
		obs[min(int(x), 5)]++
	}
	chi2, tail := 0.0, 1.0
	for k := 0; k < 6; k++ {
		pk := 1.0
		if k < 5 {
			pk = binomPMF(k, n, p)
			tail -= pk
		} else {
			pk = tail
		}
		e := pk * neurons
		chi2 += (obs[k] - e) * (obs[k] - e) / e
	}
	if chi2 > 20.5 {
		t.Errorf("chi-square %.2f over 5 degrees of freedom (observed %v)", chi2, obs)
	}
}

func binomPMF(k, n int, p float64) float64 {
	a, _ := math.Lgamma(float64(n + 1))
	b, _ := math.Lgamma(float64(k + 1))
	c, _ := math.Lgamma(float64(n - k + 1))
	return math.Exp(a - b - c + float64(k)*math.Log(p) + float64(n-k)*math.Log1p(-p))
}

// A large mean (10,000 sources, rate*dt = 0.1: mean 1000, variance 900)
// takes the sampler's other path: over 20,000 neurons the sample mean has
// standard error 0.21 and the variance 9.0; 5 standard errors bound both.
// And the counts do not depend on the number of threads.
func TestPoissonInputLargeMeanAndThreads(t *testing.T) {
	v := poissonCounts(t, 20000, 10000, 1000, 1)
	m, s2 := 0.0, 0.0
	for _, x := range v {
		m += x
	}
	m /= float64(len(v))
	for _, x := range v {
		s2 += (x - m) * (x - m)
	}
	s2 /= float64(len(v) - 1)
	if math.Abs(m-1000) > 5*0.21 || math.Abs(s2-900) > 5*9.0 {
		t.Errorf("mean %.2f (want 1000), variance %.1f (want 900)", m, s2)
	}
	w := poissonCounts(t, 20000, 10000, 1000, 2)
	for i := range v {
		if v[i] != w[i] {
			t.Fatalf("neuron %d: %v with 1 thread, %v with 2", i, v[i], w[i])
		}
	}
}

// The input comes after the threshold and before the reset, as Brian2's
// synapses slot: a neuron pushed over threshold by it spikes only in the
// next step, and a reset in the step of a spike wipes that step's input.
func TestPoissonInputOrder(t *testing.T) {
	net := newNet(t, Options{Seed: 1})
	g, err := net.NeuronGroup(Neurons{N: 1, Model: "v : 1", Threshold: "v > 0.5", Reset: "v = 0"})
	if err != nil {
		t.Fatal(err)
	}
	// rate*dt = 1: every source fires every step, v grows by 1.
	if err := net.PoissonInput(PoissonInput{Target: g, Var: "v", N: 1, Rate: unit.Q(1e4, unit.Hertz), Weight: "1"}); err != nil {
		t.Fatal(err)
	}
	sm, err := net.SpikeMonitor(g)
	if err != nil {
		t.Fatal(err)
	}
	run(t, net, unit.Q(0.5, unit.Millisecond))
	// step 0: v = 0, no spike, v = 1; step 1: spike, v = 1 then reset 0; ...
	want := []float64{1e-4, 3e-4}
	if len(sm.T()) != 2 || math.Abs(sm.T()[0]-want[0]) > 1e-12 || math.Abs(sm.T()[1]-want[1]) > 1e-12 {
		t.Errorf("spikes at %v, want %v", sm.T(), want)
	}
}
