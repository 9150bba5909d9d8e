package sparse_ei

import "math"

// Mean-field prediction (Brunel 2000, J. Comput. Neurosci. 8:183, eqs. 4,
// 5 and 21). Each neuron receives C_E excitatory and C_I = gamma*C_E
// inhibitory inputs of amplitude J and -g*J from neurons firing at rate
// nu, and C_E external inputs of amplitude J at rate nu_ext. In the
// diffusion limit its membrane potential is driven by a mean and a
// standard deviation
//
//	mu    = C_E*J*tau*(nu_ext + nu*(1 - g*gamma)) + mu_stim
//	sigma = J*sqrt(C_E*tau*(nu_ext + nu*(1 + g^2*gamma)))
//
// and a leaky integrate-and-fire neuron with threshold theta, reset Vr and
// refractory period t_ref fires at the Siegert rate
//
//	1/nu = t_ref + tau*sqrt(pi) * integral from (Vr-mu)/sigma to
//	       (theta-mu)/sigma of exp(u^2)*(1 + erf(u)) du.
//
// In the asynchronous irregular state the rate of every neuron is this
// rate: nu = phi(mu(nu), sigma(nu)), a fixed point found by bisection
// (with g*gamma > 1 the right-hand side falls as nu grows, so the root is
// unique).

// siegert is the firing rate in hertz of a leaky integrate-and-fire
// neuron under white-noise drive (mu, sigma in volt).
func siegert(p Params, mu, sigma float64) float64 {
	lo, hi := (p.Vr-mu)/sigma, (p.Theta-mu)/sigma
	const n = 4000 // Simpson intervals
	h := (hi - lo) / n
	sum := 0.0
	for k := 0; k <= n; k++ {
		w := 2.0
		switch {
		case k == 0 || k == n:
			w = 1
		case k%2 == 1:
			w = 4
		}
		sum += float64(w * erfcx(-(lo + float64(float64(k)*h))))
	}
	integral := sum * h / 3
	return 1 / (p.Tref + float64(p.Tau*math.Sqrt(math.Pi)*integral))
}

// erfcx is exp(x^2)*erfc(x), computed without overflow: exp(u^2)(1+erf u)
// is erfcx(-u).
func erfcx(x float64) float64 {
	if x < 5 {
		return math.Exp(x*x) * math.Erfc(x)
	}
	// Asymptotic series; its error at x = 5 is below 1e-7 relative.
	x2 := x * x
	return 1 / (x * math.Sqrt(math.Pi)) * (1 - 1/(2*x2) + 3/(4*x2*x2) - 15/(8*x2*x2*x2))
}

// drive is (mu, sigma) at network rate nu and stimulus muStim.
func drive(p Params, nu, muStim float64) (mu, sigma float64) {
	gamma := float64(p.CI) / float64(p.CE)
	ce := float64(p.CE)
	mu = float64(ce*p.J*p.Tau*(p.NuExt()+float64(nu*(1-float64(p.G*gamma))))) + muStim
	sigma = p.J * math.Sqrt(ce*p.Tau*(p.NuExt()+float64(nu*(1+float64(p.G*p.G*gamma)))))
	return mu, sigma
}

// Predict is the self-consistent rate in hertz with a stimulus muStim
// (volt) added to every neuron's mean drive.
func Predict(p Params, muStim float64) float64 {
	lo, hi := 0.0, 1/p.Tref
	for k := 0; k < 100; k++ {
		nu := (lo + hi) / 2
		mu, sigma := drive(p, nu, muStim)
		if siegert(p, mu, sigma) > nu {
			lo = nu
		} else {
			hi = nu
		}
	}
	return (lo + hi) / 2
}
