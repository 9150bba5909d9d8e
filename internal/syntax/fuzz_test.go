package syntax

import (
	"strings"
	"testing"
)

var fuzzSeeds = []string{
	"dv/dt=(-gl*(v-el)-(g_ampa*v+g_gaba*(v-er))+bgcurrent)/memc : volt (unless refractory)",
	"dg_ampa/dt = -g_ampa/tau_ampa : siemens\ntspike:second",
	"I = g*(E - v) : amp       # a subexpression\nw : 1",
	"tau : second (constant, shared)",
	"drho/dt = (-rho*(1-rho)*(rho_star-rho) + gamma_p*(1-rho)*int((c - theta_p) > 0) + sigma*sqrt(tau)*sqrt(int((c-theta_d) > 0))*xi ) / tau : 1 (clock-driven)",
	"dA_pre/dt=-A_pre/tau_stdp : 1 (event-driven)\nx : volt (shared, constant)\nn : integer\nflag : boolean",
	"tau * dv/dt = -v + g_exc - g_inh + I : 1\ntau_I * dg_exc/dt = -g_exc : 1",
	"dv/dt = (a +\n b)\n / tau : second**-0.5 (constant over dt)",
	"v = v_reset; g += w\nx = a < b < c or not d",
	"x = (a +\n b) ** -c ** 2 // 3 % 4",
	"dv/dt = -v/tau\nw : 1\n$x : 1",
	"x = f(a, b,)",
	"a = 1.e5 + .5 - 2.5E+3",
}

func FuzzParseEquations(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		eqs, err := ParseEquations("fuzz", src)
		checkErrors(t, src, err)
		if err != nil {
			return
		}
		lines := make([]string, len(eqs))
		for i, eq := range eqs {
			lines[i] = FormatEquation(eq)
		}
		text := strings.Join(lines, "\n")
		again, err := ParseEquations("again", text)
		if err != nil {
			t.Fatalf("formatted equations of %q do not parse:\n%s\n%v", src, text, err)
		}
		if len(again) != len(eqs) {
			t.Fatalf("formatted equations of %q: %d equations, want %d", src, len(again), len(eqs))
		}
		for i, eq := range again {
			if got := FormatEquation(eq); got != lines[i] {
				t.Fatalf("round trip of %q:\n%s\nbecame\n%s", src, lines[i], got)
			}
			if eq.Kind != eqs[i].Kind || eq.Name != eqs[i].Name || len(eq.Flags) != len(eqs[i].Flags) {
				t.Fatalf("round trip of %q changed the equation %q", src, lines[i])
			}
		}
	})
}

func FuzzParseStatements(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		stmts, err := ParseStatements("fuzz", src)
		checkErrors(t, src, err)
		if err == nil {
			lines := make([]string, len(stmts))
			for i, s := range stmts {
				lines[i] = FormatStatement(s)
			}
			text := strings.Join(lines, "\n")
			again, err := ParseStatements("again", text)
			if err != nil {
				t.Fatalf("formatted statements of %q do not parse:\n%s\n%v", src, text, err)
			}
			if len(again) != len(stmts) {
				t.Fatalf("formatted statements of %q: %d statements, want %d", src, len(again), len(stmts))
			}
			for i, s := range again {
				if got := FormatStatement(s); got != lines[i] {
					t.Fatalf("round trip of %q:\n%s\nbecame\n%s", src, lines[i], got)
				}
			}
		}

		// The same input as one expression.
		x, err := ParseExpr("fuzz", src)
		checkErrors(t, src, err)
		if err == nil {
			text := Format(x)
			y, err := ParseExpr("again", text)
			if err != nil {
				t.Fatalf("formatted expression of %q does not parse: %q: %v", src, text, err)
			}
			if got := Format(y); got != text {
				t.Fatalf("round trip of %q: %q became %q", src, text, got)
			}
		}
	})
}

// checkErrors checks the invariants of a parse error: an ErrorList of 1
// to maxErrors errors, each with a source, a valid position and a
// message.
func checkErrors(t *testing.T, src string, err error) {
	t.Helper()
	if err == nil {
		return
	}
	list, ok := err.(ErrorList)
	if !ok {
		t.Fatalf("error for %q is %T, want ErrorList", src, err)
	}
	if len(list) == 0 || len(list) > maxErrors {
		t.Fatalf("%d errors for %q", len(list), src)
	}
	for _, e := range list {
		if e.Source != "fuzz" || !e.Pos.IsValid() || e.Msg == "" {
			t.Fatalf("bad error for %q: %+v", src, e)
		}
	}
	_ = err.Error()
}
