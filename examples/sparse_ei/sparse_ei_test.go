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
	rep := r.Check()
	if err := rep.Err(); err != nil {
		t.Error(err)
	}
	if len(rep.Items) != 3 {
		t.Errorf("the check compares %d statistics, want the summary's 3:\n%s", len(rep.Items), rep)
	}
	if len(r.Figures) != 1 {
		t.Fatalf("figures %v", r.Figures)
	}
	if st, err := os.Stat(r.Figures[0]); err != nil || st.Size() == 0 {
		t.Errorf("figure: %v", err)
	}
}

// Check fails a result with any of its statistics out of its band: a rate
// 20 % too high or low in either half, a stimulus that does nothing or
// raises the rate twice as much as predicted. The result is the reduced
// run's, as seed 1 gives it, with the mean field's predictions.
func TestCheck(t *testing.T) {
	good := func() *Result {
		return &Result{P: Quick, Rate: [2]float64{74.61, 80.04}, Predicted: [2]float64{Predict(Quick, 0), Predict(Quick, Quick.Stim)}}
	}
	if err := good().Check().Err(); err != nil {
		t.Fatalf("the reduced run fails its check: %v", err)
	}
	for name, spoil := range map[string]func(r *Result){
		"rate before 20 % high": func(r *Result) { r.Rate[0] *= 1.2; r.Rate[1] *= 1.2 },
		"rate with 20 % low":    func(r *Result) { r.Rate[1] *= 0.8; r.Rate[0] *= 0.8 },
		"rate before only":      func(r *Result) { r.Rate[0] *= 1.12 },
		"rate with only":        func(r *Result) { r.Rate[1] *= 0.88 },
		"no rise":               func(r *Result) { r.Rate[1] = r.Rate[0] * 1.01 },
		"twice the rise":        func(r *Result) { r.Rate[1] = r.Rate[0] + 2*(r.Predicted[1]-r.Predicted[0]) },
	} {
		r := good()
		spoil(r)
		if r.Check().Err() == nil {
			t.Errorf("%s: the check passed %s", name, r.Summary())
		}
	}
	// The rise alone fails when both rates stay within 10 %.
	r := good()
	r.Rate[1] = r.Rate[0] * 1.01
	rep := r.Check()
	if !rep.Items[0].Pass || !rep.Items[1].Pass || rep.Items[2].Pass {
		t.Errorf("a stimulus that does nothing:\n%s", rep)
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
