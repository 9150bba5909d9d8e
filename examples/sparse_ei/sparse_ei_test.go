package sparse_ei

import (
	"math"
	"os"
	"testing"
)

// The reduced network (2,500 neurons, 0.6 s, about 4 s) fires at the
// mean-field rate in both halves (measured 74.6 and 80.0 Hz against 75.3
// and 80.6 Hz with seed 1), and Check passes; it draws its figure.
func TestQuick(t *testing.T) {
	r, err := Run(Config{Params: Quick, Seed: 1, OutDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Log(r.Summary())
	if err := r.Check(); err != nil {
		t.Error(err)
	}
	if !(r.Rate[1] > r.Rate[0]) {
		t.Errorf("the stimulus did not raise the rate: %v", r.Rate)
	}
	if len(r.Figures) != 1 {
		t.Fatalf("figures %v", r.Figures)
	}
	if st, err := os.Stat(r.Figures[0]); err != nil || st.Size() == 0 {
		t.Errorf("figure: %v", err)
	}
	// Check fails on a wrong result: a rate 20 % too high, or a network
	// whose stimulus did nothing.
	bad := *r
	bad.Rate[1] *= 1.2
	if bad.Check() == nil {
		t.Error("Check passed a rate 20 % too high")
	}
	bad = *r
	bad.Rate[1] = bad.Rate[0]
	bad.Predicted[1] = Predict(Quick, 3*Quick.Stim)
	if bad.Check() == nil {
		t.Error("Check passed a stimulus that did nothing")
	}
}

// The mean field against Brunel (2000): the threshold rate nu_thr =
// theta/(J C_E tau) is 10 Hz for the full network, and the fixed point
// solves its own equation.
func TestMeanField(t *testing.T) {
	p := Default
	if got := p.NuExt(); math.Abs(got-20) > 1e-9 {
		t.Errorf("nu_ext = %v Hz, want 2 x 10 Hz", got)
	}
	nu := Predict(p, 0)
	mu, sigma := drive(p, nu, 0)
	if math.Abs(siegert(p, mu, sigma)-nu) > 1e-6*nu {
		t.Errorf("fixed point %v Hz: phi gives %v Hz", nu, siegert(p, mu, sigma))
	}
	// With no noise left the Siegert rate tends to the deterministic
	// rate 1/(t_ref + tau ln((mu - Vr)/(mu - theta))).
	q := p
	mu, sigma = 30e-3, 1e-5
	want := 1 / (q.Tref + float64(q.Tau*math.Log((mu-q.Vr)/(mu-q.Theta))))
	if got := siegert(q, mu, sigma); math.Abs(got-want) > 1e-3*want {
		t.Errorf("small noise: %v Hz, want %v Hz", got, want)
	}
}
