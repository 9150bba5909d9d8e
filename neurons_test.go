package cajal

import (
	"errors"
	"math"
	"testing"

	"github.com/cajal-sim/cajal/unit"
)

// testTier is TierInterp when interpret is set, else the compiled tier
// where a C compiler is available (the interpreter elsewhere).
func testTier(interpret bool) Tier {
	if interpret || NativeAvailable() != nil {
		return TierInterp
	}
	return TierNative
}

func newNet(t testing.TB, opts Options) *Network {
	t.Helper()
	n, err := NewNetwork(opts)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func run(t testing.TB, n *Network, d unit.Quantity) {
	t.Helper()
	if err := n.Run(d); err != nil {
		t.Fatal(err)
	}
}

const lifModel = `
dv/dt = (el - v + R*I)/tau : volt (unless refractory)
I : amp
`

// A leaky integrate-and-fire neuron with constant suprathreshold input
// fires with period ref + tau*ln((R*I + el - vr)/(R*I + el - vt)). The
// neuron crosses threshold between two steps and the spike is recorded at
// the step boundary, and the refractory period counts whole steps, so
// each interval may differ from the analytic one by up to 2 dt: with
// dt = 0.01 ms and intervals of 6-25 ms that is below 0.35 %, and the
// tolerance is 0.5 %.
func TestLIFRate(t *testing.T) {
	n := newNet(t, Options{Dt: unit.Q(0.01, unit.Millisecond)})
	ns := Namespace{"el": unit.Q(-70, unit.Millivolt), "vt": unit.Q(-50, unit.Millivolt),
		"vr": unit.Q(-65, unit.Millivolt), "R": unit.Q(100, unit.Megaohm), "tau": unit.Q(10, unit.Millisecond)}
	const N = 8
	g, err := n.NeuronGroup(Neurons{N: N, Model: lifModel, Threshold: "v > vt", Reset: "v = vr",
		Refractory: unit.Q(2, unit.Millisecond), Namespace: ns})
	if err != nil {
		t.Fatal(err)
	}
	if g.Method() != "exact" {
		t.Errorf("method %q, want exact for a linear equation", g.Method())
	}
	if err := g.Set("I", "(0.21 + 0.05*i)*nA"); err != nil {
		t.Fatal(err)
	}
	if err := g.Set("v", unit.Q(-70, unit.Millivolt)); err != nil {
		t.Fatal(err)
	}
	sm, err := n.SpikeMonitor(g)
	if err != nil {
		t.Fatal(err)
	}
	run(t, n, unit.Q(1, unit.Second))
	first := make([]float64, N)
	last := make([]float64, N)
	for i := range first {
		first[i] = -1
	}
	for k, i := range sm.I() {
		if first[i] < 0 {
			first[i] = sm.T()[k]
		}
		last[i] = sm.T()[k]
	}
	for i := 0; i < N; i++ {
		I := (0.21 + 0.05*float64(i)) * 1e-9
		drive := 100e6*I - 70e-3
		want := 2e-3 + 10e-3*math.Log((drive+65e-3)/(drive+50e-3))
		c := sm.Count()[i]
		if c < 10 {
			t.Fatalf("neuron %d fired %d times", i, c)
		}
		got := (last[i] - first[i]) / float64(c-1)
		if math.Abs(got-want)/want > 0.005 {
			t.Errorf("neuron %d (I = %.2f nA): interval %.4f ms, analytic %.4f ms", i, I*1e9, got*1e3, want*1e3)
		}
	}
}

// (unless refractory) holds v at the reset value for the refractory period
// while an unflagged variable keeps integrating.
func TestRefractoryHolds(t *testing.T) {
	n := newNet(t, Options{})
	g, err := n.NeuronGroup(Neurons{N: 1, Model: `
dv/dt = 100*mV/ms : volt (unless refractory)
dw/dt = 1/ms : 1
`, Threshold: "v > 1*mV", Reset: "v = 0*mV", Refractory: "3*ms", Method: "euler"})
	if err != nil {
		t.Fatal(err)
	}
	mon, err := n.StateMonitor(g, []string{"v", "w"}, nil, unit.Quantity{})
	if err != nil {
		t.Fatal(err)
	}
	sm, err := n.SpikeMonitor(g)
	if err != nil {
		t.Fatal(err)
	}
	run(t, n, unit.Q(10, unit.Millisecond))
	if sm.Num() < 2 {
		t.Fatalf("%d spikes", sm.Num())
	}
	ts, v, w := mon.T(), mustValues(t, mon, "v")[0], mustValues(t, mon, "w")[0]
	spike := sm.T()[0]
	held := 0
	for k, tk := range ts {
		if tk > spike+1e-9 && tk <= spike+3e-3+1e-9 {
			if v[k] != 0 {
				t.Errorf("v = %g at t = %.1f ms, inside the refractory period after the spike at %.1f ms", v[k], tk*1e3, spike*1e3)
			}
			held++
		}
		if k > 0 && math.Abs((w[k]-w[k-1])-0.1) > 1e-12 {
			t.Fatalf("w changed by %g in a step at %.1f ms; it is not held and should grow by 0.1", w[k]-w[k-1], tk*1e3)
		}
	}
	if held != 30 {
		t.Errorf("v held for %d steps, want 30 (3 ms)", held)
	}
	// After the refractory period v integrates again.
	if sm.T()[1]-spike < 3e-3 {
		t.Errorf("second spike %.2f ms after the first, inside the refractory period", (sm.T()[1]-spike)*1e3)
	}
}

func mustValues(t *testing.T, m *StateMonitor, name string) [][]float64 {
	t.Helper()
	v, err := m.Values(name)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// An Ornstein-Uhlenbeck process dx/dt = -x/tau + sigma*sqrt(2/tau)*xi
// integrated by Euler-Maruyama is the AR(1) process
// x' = (1 - dt/tau) x + sigma*sqrt(2 dt/tau) n, whose stationary variance is
// sigma^2/(1 - dt/(2 tau)). The test pools 10 snapshots of 2000 processes
// taken 3 tau apart (correlation e^-3 = 0.05 between snapshots), so the
// variance estimate has a relative standard error of about
// sqrt(2/20000) = 1 %; the tolerance is 4 %.
func TestOrnsteinUhlenbeckVariance(t *testing.T) {
	for _, method := range []string{"euler", "heun"} {
		n := newNet(t, Options{Seed: 11})
		g, err := n.NeuronGroup(Neurons{N: 2000, Model: "dx/dt = -x/tau + sigma*sqrt(2/tau)*xi : 1",
			Method: method, Namespace: Namespace{"tau": unit.Q(10, unit.Millisecond), "sigma": 0.5}})
		if err != nil {
			t.Fatal(err)
		}
		run(t, n, unit.Q(50, unit.Millisecond))
		var sum, sum2, count float64
		for k := 0; k < 10; k++ {
			run(t, n, unit.Q(30, unit.Millisecond))
			x, _ := g.Get("x")
			for _, v := range x {
				sum += v
				sum2 += v * v
				count++
			}
		}
		mean := sum / count
		variance := sum2/count - mean*mean
		want := 0.25 / (1 - 0.1/(2*10))
		if math.Abs(variance-want)/want > 0.04 {
			t.Errorf("%s: stationary variance %.4f, want %.4f", method, variance, want)
		}
	}
}

// One seed gives bit-identical results at any thread count.
func TestThreadsDoNotChangeResults(t *testing.T) {
	var ref []float64
	var refSpikes int
	for _, threads := range []int{1, 2, 4} {
		n := newNet(t, Options{Seed: 5, Threads: threads})
		g, err := n.NeuronGroup(Neurons{N: 3000, Model: `
dv/dt = (-v + I + 0.3*sqrt(tau)*xi)/tau : 1
I : 1
tau : second
`, Threshold: "v > 1", Reset: "v = rand()*0.2", Method: "euler"})
		if err != nil {
			t.Fatal(err)
		}
		if err := g.Set("I", "0.8 + 0.4*rand()"); err != nil {
			t.Fatal(err)
		}
		if err := g.Set("tau", "(5 + 10*i/N)*ms"); err != nil {
			t.Fatal(err)
		}
		sm, err := n.SpikeMonitor(g)
		if err != nil {
			t.Fatal(err)
		}
		run(t, n, unit.Q(100, unit.Millisecond))
		v, _ := g.Get("v")
		if ref == nil {
			ref, refSpikes = v, sm.Num()
			if refSpikes == 0 {
				t.Fatal("no spikes")
			}
			continue
		}
		if sm.Num() != refSpikes {
			t.Errorf("%d threads: %d spikes, 1 thread: %d", threads, sm.Num(), refSpikes)
		}
		for i := range v {
			if v[i] != ref[i] {
				t.Fatalf("%d threads: v[%d] = %v, 1 thread: %v", threads, i, v[i], ref[i])
			}
		}
	}
}

// A diverging simulation stops with the variable, neuron and time named,
// and the monitors keep what they recorded.
func TestDivergence(t *testing.T) {
	n := newNet(t, Options{})
	g, err := n.NeuronGroup(Neurons{N: 4, Model: "dv/dt = v**2*int(i == 2)/ms : 1", Method: "euler"})
	if err != nil {
		t.Fatal(err)
	}
	if err := g.Set("v", 1.0); err != nil {
		t.Fatal(err)
	}
	mon, _ := n.StateMonitor(g, []string{"v"}, []int{2}, unit.Quantity{})
	err = n.Run(unit.Q(100, unit.Millisecond))
	var de *DivergenceError
	if !errors.As(err, &de) {
		t.Fatalf("want a DivergenceError, got %v", err)
	}
	if de.Var != "v" || de.Elem != 2 || de.Time <= 0 || de.Time > 0.05 {
		t.Errorf("divergence reported as %+v", de)
	}
	if len(mon.T()) == 0 || mon.T()[len(mon.T())-1] != de.Time {
		t.Errorf("monitor stopped at %v, divergence at %v", mon.T()[len(mon.T())-1], de.Time)
	}
	t.Log(err)
}

// A namespace value changed between runs takes effect in the next run.
func TestNamespaceChangesBetweenRuns(t *testing.T) {
	n := newNet(t, Options{})
	ns := Namespace{"rate": unit.Q(0, unit.Hertz)}
	g, err := n.NeuronGroup(Neurons{N: 1, Model: "dx/dt = rate : 1", Namespace: ns})
	if err != nil {
		t.Fatal(err)
	}
	run(t, n, unit.Q(10, unit.Millisecond))
	ns["rate"] = unit.Q(100, unit.Hertz)
	run(t, n, unit.Q(10, unit.Millisecond))
	x, _ := g.Get("x")
	if math.Abs(x[0]-1) > 1e-12 {
		t.Errorf("x = %v after 10 ms at 0 Hz and 10 ms at 100 Hz, want 1", x[0])
	}
	ns["rate"] = unit.Q(1, unit.Millivolt)
	if err := n.Run(unit.Q(1, unit.Millisecond)); err == nil {
		t.Error("a namespace value of the wrong dimension was accepted")
	}
}
