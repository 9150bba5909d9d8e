package syntax

import (
	"errors"
	"strings"
	"testing"
)

// sexpr renders e fully parenthesised, as an S-expression, to check the
// shape of the tree independently of Format.
func sexpr(e Expr) string {
	switch e := e.(type) {
	case *Number:
		return e.Lit
	case *Ident:
		return e.Name
	case *Unary:
		return "(" + e.Op.String() + " " + sexpr(e.X) + ")"
	case *Binary:
		return "(" + e.Op.String() + " " + sexpr(e.X) + " " + sexpr(e.Y) + ")"
	case *Call:
		s := "(call " + e.Fun.Name
		for _, a := range e.Args {
			s += " " + sexpr(a)
		}
		return s + ")"
	case nil:
		return "nil"
	}
	return "?"
}

func TestParseExprPrecedence(t *testing.T) {
	tests := []struct {
		src, tree, format string
	}{
		{"a + b * c", "(+ a (* b c))", "a + b * c"},
		{"(a + b) * c", "(* (+ a b) c)", "(a + b) * c"},
		{"a - b - c", "(- (- a b) c)", "a - b - c"},
		{"a - (b - c)", "(- a (- b c))", "a - (b - c)"},
		{"a / b / c", "(/ (/ a b) c)", "a / b / c"},
		{"a / (b * c)", "(/ a (* b c))", "a / (b * c)"},
		{"a * (b / c)", "(* a (/ b c))", "a * (b / c)"},
		{"x // y % z * w", "(* (% (// x y) z) w)", "x // y % z * w"},
		{"-x**2", "(- (** x 2))", "-x ** 2"},
		{"(-x)**2", "(** (- x) 2)", "(-x) ** 2"},
		{"x**-0.5", "(** x (- 0.5))", "x ** -0.5"},
		{"second**-0.5", "(** second (- 0.5))", "second ** -0.5"},
		{"2**3**4", "(** 2 (** 3 4))", "2 ** 3 ** 4"},
		{"(2**3)**4", "(** (** 2 3) 4)", "(2 ** 3) ** 4"},
		{"2 ** -x ** 2", "(** 2 (- (** x 2)))", "2 ** -x ** 2"},
		{"x ** (a * b)", "(** x (* a b))", "x ** (a * b)"},
		{"-(a + b)", "(- (+ a b))", "-(a + b)"},
		{"--x", "(- (- x))", "--x"},
		{"+x", "(+ x)", "+x"},
		{"a - -b", "(- a (- b))", "a - -b"},
		{"a * -b", "(* a (- b))", "a * -b"},
		{"a < b", "(< a b)", "a < b"},
		{"a + 1 >= b * 2", "(>= (+ a 1) (* b 2))", "a + 1 >= b * 2"},
		{"a < b < c", "(and (< a b) (< b c))", "a < b and b < c"},
		{"a < b <= c == d", "(and (and (< a b) (<= b c)) (== c d))", "a < b and b <= c and c == d"},
		{"0 < x + 1 != 3", "(and (< 0 (+ x 1)) (!= (+ x 1) 3))", "0 < x + 1 and x + 1 != 3"},
		{"(a < b) < c", "(< (< a b) c)", "(a < b) < c"},
		{"a < (b < c)", "(< a (< b c))", "a < (b < c)"},
		{"a > b and b >= c", "(and (> a b) (>= b c))", "a > b and b >= c"},
		{"not a == b", "(not (== a b))", "not a == b"},
		{"(not a) == b", "(== (not a) b)", "(not a) == b"},
		{"not not x", "(not (not x))", "not not x"},
		{"-(not x)", "(- (not x))", "-(not x)"},
		{"a + (not b)", "(+ a (not b))", "a + (not b)"},
		{"a or b and c", "(or a (and b c))", "a or b and c"},
		{"(a or b) and c", "(and (or a b) c)", "(a or b) and c"},
		{"a and (b and c)", "(and a (and b c))", "a and (b and c)"},
		{"a and not b or c", "(or (and a (not b)) c)", "a and not b or c"},
		{"not a < b < c", "(not (and (< a b) (< b c)))", "not (a < b and b < c)"},
		{"v > vt and not_refractory", "(and (> v vt) not_refractory)", "v > vt and not_refractory"},
		{"True or false", "(or True false)", "True or false"},
		{"exp(-t/tau)", "(call exp (/ (- t) tau))", "exp(-t / tau)"},
		{"clip(w + dw, 0, wmax)", "(call clip (+ w dw) 0 wmax)", "clip(w + dw, 0, wmax)"},
		{"rand()", "(call rand)", "rand()"},
		{"f(x,)", "(call f x)", "f(x)"},
		{"int(v > vt) * 2", "(* (call int (> v vt)) 2)", "int(v > vt) * 2"},
		{"1. + .5 + 1e-10 + 2.5E+3 + 100", "(+ (+ (+ (+ 1. .5) 1e-10) 2.5E+3) 100)", "1. + .5 + 1e-10 + 2.5E+3 + 100"},
		{"1.e5", "1.e5", "1.e5"},
		{"(a +\n   b)", "(+ a b)", "a + b"},
		{"a +\n b", "(+ a b)", "a + b"},
		{"f(a,\n  b)", "(call f a b)", "f(a, b)"},
		{"\n  x  # comment\n\n", "x", "x"},
		{"\ufeffx\r\n", "x", "x"},
		{"ä + λ1", "(+ ä λ1)", "ä + λ1"},
		{"a\u00a0+\u2003b", "(+ a b)", "a + b"},
	}
	for _, tt := range tests {
		x, err := ParseExpr("test", tt.src)
		if err != nil {
			t.Errorf("ParseExpr(%q): %v", tt.src, err)
			continue
		}
		if got := sexpr(x); got != tt.tree {
			t.Errorf("ParseExpr(%q) = %s, want %s", tt.src, got, tt.tree)
		}
		got := Format(x)
		if got != tt.format {
			t.Errorf("Format(ParseExpr(%q)) = %q, want %q", tt.src, got, tt.format)
		}
		y, err := ParseExpr("test", got)
		if err != nil {
			t.Errorf("ParseExpr(Format) of %q: %v", got, err)
		} else if sexpr(y) != sexpr(x) {
			t.Errorf("round trip of %q: got %s, want %s", tt.src, sexpr(y), sexpr(x))
		}
	}
}

func TestParseExprPositions(t *testing.T) {
	x, err := ParseExpr("", "a + exp(-b)\t* 2.5")
	if err != nil {
		t.Fatal(err)
	}
	add := x.(*Binary)
	mul := add.Y.(*Binary)
	call := mul.X.(*Call)
	neg := call.Args[0].(*Unary)
	num := mul.Y.(*Number)
	checks := []struct {
		name string
		got  Pos
		want Pos
	}{
		{"a", add.X.Pos(), Pos{1, 1}},
		{"+", add.Pos(), Pos{1, 3}},
		{"exp call", call.Pos(), Pos{1, 5}},
		{"exp name", call.Fun.Pos(), Pos{1, 5}},
		{"-", neg.Pos(), Pos{1, 9}},
		{"b", neg.X.Pos(), Pos{1, 10}},
		{"*", mul.Pos(), Pos{1, 13}},
		{"2.5", num.Pos(), Pos{1, 15}},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("position of %s = %v, want %v", c.name, c.got, c.want)
		}
	}
	if num.Value != 2.5 || num.Lit != "2.5" {
		t.Errorf("number = %v %q, want 2.5", num.Value, num.Lit)
	}

	// Columns count runes, and lines continue inside parentheses.
	x, err = ParseExpr("", "(λ +\n  μ)")
	if err != nil {
		t.Fatal(err)
	}
	b := x.(*Binary)
	if b.At != (Pos{1, 4}) || b.Y.Pos() != (Pos{2, 3}) {
		t.Errorf("positions = %v, %v; want 1:4, 2:3", b.At, b.Y.Pos())
	}
}

func TestNumbers(t *testing.T) {
	tests := []struct {
		lit  string
		want float64
	}{
		{"100", 100}, {"1.", 1}, {".5", 0.5}, {"1e-10", 1e-10}, {"2.5E+3", 2500}, {"007", 7}, {"1e-400", 0},
	}
	for _, tt := range tests {
		x, err := ParseExpr("", tt.lit)
		if err != nil {
			t.Errorf("ParseExpr(%q): %v", tt.lit, err)
			continue
		}
		n, ok := x.(*Number)
		if !ok || n.Value != tt.want || n.Lit != tt.lit {
			t.Errorf("ParseExpr(%q) = %#v, want Number %v", tt.lit, x, tt.want)
		}
	}
}

type eqWant struct {
	kind    EqKind
	name    string
	namePos Pos
	coef    string
	rhs     string
	unit    string
	flags   []string
	line    int
	format  string
}

func TestParseEquations(t *testing.T) {
	tests := []struct {
		src  string
		want []eqWant
	}{
		{
			"dv/dt=(-gl*(v-el)-(g_ampa*v+g_gaba*(v-er))+bgcurrent)/memc : volt (unless refractory)",
			[]eqWant{{Differential, "v", Pos{1, 1}, "", "(-gl * (v - el) - (g_ampa * v + g_gaba * (v - er)) + bgcurrent) / memc", "volt", []string{"unless refractory"}, 1,
				"dv/dt = (-gl * (v - el) - (g_ampa * v + g_gaba * (v - er)) + bgcurrent) / memc : volt (unless refractory)"}},
		},
		{
			"dg_ampa/dt = -g_ampa/tau_ampa : siemens",
			[]eqWant{{Differential, "g_ampa", Pos{1, 1}, "", "-g_ampa / tau_ampa", "siemens", nil, 1, "dg_ampa/dt = -g_ampa / tau_ampa : siemens"}},
		},
		{
			"tspike:second",
			[]eqWant{{Parameter, "tspike", Pos{1, 1}, "", "", "second", nil, 1, "tspike : second"}},
		},
		{
			"  I = g*(E - v) : amp       # a subexpression",
			[]eqWant{{Subexpression, "I", Pos{1, 3}, "", "g * (E - v)", "amp", nil, 1, "I = g * (E - v) : amp"}},
		},
		{
			"w : 1",
			[]eqWant{{Parameter, "w", Pos{1, 1}, "", "", "1", nil, 1, "w : 1"}},
		},
		{
			"tau : second (constant, shared)",
			[]eqWant{{Parameter, "tau", Pos{1, 1}, "", "", "second", []string{"constant", "shared"}, 1, "tau : second (constant, shared)"}},
		},
		{
			"drho/dt = (-rho*(1-rho)*(rho_star-rho) + gamma_p*(1-rho)*int((c - theta_p) > 0) + sigma*sqrt(tau)*sqrt(int((c-theta_d) > 0))*xi ) / tau : 1 (clock-driven)",
			[]eqWant{{Differential, "rho", Pos{1, 1}, "",
				"(-rho * (1 - rho) * (rho_star - rho) + gamma_p * (1 - rho) * int(c - theta_p > 0) + sigma * sqrt(tau) * sqrt(int(c - theta_d > 0)) * xi) / tau",
				"1", []string{"clock-driven"}, 1,
				"drho/dt = (-rho * (1 - rho) * (rho_star - rho) + gamma_p * (1 - rho) * int(c - theta_p > 0) + sigma * sqrt(tau) * sqrt(int(c - theta_d > 0)) * xi) / tau : 1 (clock-driven)"}},
		},
		{
			"dA_pre/dt=-A_pre/tau_stdp : 1 (event-driven)",
			[]eqWant{{Differential, "A_pre", Pos{1, 1}, "", "-A_pre / tau_stdp", "1", []string{"event-driven"}, 1, "dA_pre/dt = -A_pre / tau_stdp : 1 (event-driven)"}},
		},
		{
			"x : volt (shared, constant)\nn : integer\nflag : boolean",
			[]eqWant{
				{Parameter, "x", Pos{1, 1}, "", "", "volt", []string{"shared", "constant"}, 1, "x : volt (shared, constant)"},
				{Parameter, "n", Pos{2, 1}, "", "", "integer", nil, 2, "n : integer"},
				{Parameter, "flag", Pos{3, 1}, "", "", "boolean", nil, 3, "flag : boolean"},
			},
		},
		{
			"dxi/dt = -xi/tau + sigma*xi_1*tau**-0.5 : second**-0.5",
			[]eqWant{{Differential, "xi", Pos{1, 1}, "", "-xi / tau + sigma * xi_1 * tau ** -0.5", "second ** -0.5", nil, 1, "dxi/dt = -xi / tau + sigma * xi_1 * tau ** -0.5 : second ** -0.5"}},
		},
		{
			"Im = gl*(El-v) : amp/meter**2",
			[]eqWant{{Subexpression, "Im", Pos{1, 1}, "", "gl * (El - v)", "amp / meter ** 2", nil, 1, "Im = gl * (El - v) : amp / meter ** 2"}},
		},
		{
			"lastupdate : second (constant over dt)\nx : 1 (  constant   over\tdt ,shared )",
			[]eqWant{
				{Parameter, "lastupdate", Pos{1, 1}, "", "", "second", []string{"constant over dt"}, 1, "lastupdate : second (constant over dt)"},
				{Parameter, "x", Pos{2, 1}, "", "", "1", []string{"constant over dt", "shared"}, 2, "x : 1 (constant over dt, shared)"},
			},
		},
		// ANNarchy's coefficient on the left.
		{
			"tau * dv/dt = -v + g_exc - g_inh + I : 1",
			[]eqWant{{Differential, "v", Pos{1, 7}, "tau", "-v + g_exc - g_inh + I", "1", nil, 1, "tau * dv/dt = -v + g_exc - g_inh + I : 1"}},
		},
		{
			"tau*dv/dt = -v : 1",
			[]eqWant{{Differential, "v", Pos{1, 5}, "tau", "-v", "1", nil, 1, "tau * dv/dt = -v : 1"}},
		},
		{
			"tau_I * dg_exc/dt = -g_exc : 1",
			[]eqWant{{Differential, "g_exc", Pos{1, 9}, "tau_I", "-g_exc", "1", nil, 1, "tau_I * dg_exc/dt = -g_exc : 1"}},
		},
		{
			"2*tau * dv/dt = -v : 1\n(tau + 1) * dv/dt = -v : 1\ntau * (dv/dt) = -v : 1",
			[]eqWant{
				{Differential, "v", Pos{1, 9}, "2 * tau", "-v", "1", nil, 1, "2 * tau * dv/dt = -v : 1"},
				{Differential, "v", Pos{2, 13}, "tau + 1", "-v", "1", nil, 2, "(tau + 1) * dv/dt = -v : 1"},
				{Differential, "v", Pos{3, 8}, "tau", "-v", "1", nil, 3, "tau * dv/dt = -v : 1"},
			},
		},
		// Multi-line forms: an equation continues until its ':', and
		// newlines inside parentheses are blank space.
		{
			`
    dv/dt = (ge + gi - (v - El)) / taum
            + I / C : volt (unless refractory)

    dge/dt = -ge / taue : volt
    `,
			[]eqWant{
				{Differential, "v", Pos{2, 5}, "", "(ge + gi - (v - El)) / taum + I / C", "volt", []string{"unless refractory"}, 2, "dv/dt = (ge + gi - (v - El)) / taum + I / C : volt (unless refractory)"},
				{Differential, "ge", Pos{5, 5}, "", "-ge / taue", "volt", nil, 5, "dge/dt = -ge / taue : volt"},
			},
		},
		{
			"dv/dt = (-v +\n   I(\n  ) ) / tau\n\n: volt\nI =\n   2 : amp",
			[]eqWant{
				{Differential, "v", Pos{1, 1}, "", "(-v + I()) / tau", "volt", nil, 1, "dv/dt = (-v + I()) / tau : volt"},
				{Subexpression, "I", Pos{6, 1}, "", "2", "amp", nil, 6, "I = 2 : amp"},
			},
		},
		{
			"x : (volt\n/ meter) (constant)",
			[]eqWant{{Parameter, "x", Pos{1, 1}, "", "", "volt / meter", []string{"constant"}, 1, "x : volt / meter (constant)"}},
		},
		{"", nil},
		{"\n  # only a comment\n\n", nil},
	}
	for _, tt := range tests {
		eqs, err := ParseEquations("test", tt.src)
		if err != nil {
			t.Errorf("ParseEquations(%q): %v", tt.src, err)
			continue
		}
		if len(eqs) != len(tt.want) {
			t.Errorf("ParseEquations(%q): %d equations, want %d", tt.src, len(eqs), len(tt.want))
			continue
		}
		for i, eq := range eqs {
			w := tt.want[i]
			var flags []string
			for _, f := range eq.Flags {
				flags = append(flags, f.Name)
			}
			got := eqWant{eq.Kind, eq.Name, eq.NamePos, Format(eq.Coef), Format(eq.RHS), Format(eq.Unit), flags, eq.Line, FormatEquation(eq)}
			if got.kind != w.kind || got.name != w.name || got.namePos != w.namePos || got.coef != w.coef ||
				got.rhs != w.rhs || got.unit != w.unit || strings.Join(got.flags, "|") != strings.Join(w.flags, "|") ||
				got.line != w.line || got.format != w.format {
				t.Errorf("ParseEquations(%q)[%d] =\n\t%+v\nwant\n\t%+v", tt.src, i, got, w)
			}
			if (eq.Kind == Parameter) != (eq.RHS == nil) {
				t.Errorf("ParseEquations(%q)[%d]: kind %v with RHS %v", tt.src, i, eq.Kind, eq.RHS)
			}
			// The formatted equation parses back to itself.
			again, err := ParseEquations("again", got.format)
			if err != nil || len(again) != 1 || FormatEquation(again[0]) != got.format {
				t.Errorf("round trip of %q: %v, %v", got.format, again, err)
			}
		}
	}
}

func TestFlagsPositions(t *testing.T) {
	eqs, err := ParseEquations("", "x : 1 (constant,  unless  refractory)")
	if err != nil {
		t.Fatal(err)
	}
	want := []Flag{{Pos{1, 8}, "constant"}, {Pos{1, 19}, "unless refractory"}}
	if got := eqs[0].Flags; len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("flags = %+v, want %+v", got, want)
	}
	if !eqs[0].HasFlag("unless refractory") || eqs[0].HasFlag("shared") {
		t.Errorf("HasFlag wrong for %+v", eqs[0].Flags)
	}
}

func TestParseStatements(t *testing.T) {
	tests := []struct {
		src  string
		want []string
	}{
		{"v = v_reset", []string{"v = v_reset"}},
		{"v = v_r; g += w\n", []string{"v = v_r", "g += w"}},
		{"ge_post += w\napre += dApre\nw = clip(w + apost, 0, wmax)", []string{"ge_post += w", "apre += dApre", "w = clip(w + apost, 0, wmax)"}},
		{"x -= 1; y *= 2;; z /= 3 ;", []string{"x -= 1", "y *= 2", "z /= 3"}},
		{"\n   v = (a +\n  b)\n   w = a *\n b  # continued\n", []string{"v = a + b", "w = a * b"}},
		{"c = a and\n b or not d", []string{"c = a and b or not d"}},
		{"x = a < b <\n c", []string{"x = a < b and b < c"}},
		{"", nil},
		{" # nothing\n;\n", nil},
	}
	for _, tt := range tests {
		stmts, err := ParseStatements("test", tt.src)
		if err != nil {
			t.Errorf("ParseStatements(%q): %v", tt.src, err)
			continue
		}
		var got []string
		for _, s := range stmts {
			got = append(got, FormatStatement(s))
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("ParseStatements(%q) = %q, want %q", tt.src, got, tt.want)
		}
	}

	stmts, err := ParseStatements("", "x = 1\n  g_post += w * 2")
	if err != nil {
		t.Fatal(err)
	}
	s := stmts[1]
	if s.At != (Pos{2, 10}) || s.Target.Name != "g_post" || s.Target.At != (Pos{2, 3}) || s.Op != ADD_ASSIGN {
		t.Errorf("statement = %+v, target %+v", s, s.Target)
	}
	if stmts[0].Op != ASSIGN {
		t.Errorf("op = %v, want =", stmts[0].Op)
	}
}

// TestErrors checks the complete error text, caret lines included, of
// each error reported.
func TestErrors(t *testing.T) {
	tests := []struct {
		name string
		fn   string // "eq", "stmt" or "expr"
		src  string
		want []string
	}{
		{"missing expression", "expr", "a * )", []string{
			"src:1:5: expected expression, found ')'\n\ta * )\n\t    ^"}},
		{"empty expression", "expr", "", []string{
			"src:1:1: expected expression, found end of input"}},
		{"trailing token", "expr", "a b", []string{
			"src:1:3: expected end of expression, found 'b'\n\ta b\n\t  ^"}},
		{"expression newline", "expr", "a\nb", []string{
			"src:2:1: expected end of expression, found 'b'\n\tb\n\t^"}},
		{"unexpected character", "expr", "a $ b", []string{
			"src:1:3: unexpected character '$'\n\ta $ b\n\t  ^"}},
		{"ampersand", "expr", "a && b", []string{
			"src:1:3: unexpected character '&' (use 'and')\n\ta && b\n\t  ^"}},
		{"caret power", "expr", "a ^ 2", []string{
			"src:1:3: unexpected character '^' (use '**' for powers)\n\ta ^ 2\n\t  ^"}},
		{"bang", "expr", "!a", []string{
			"src:1:1: unexpected character '!' (use 'not' or '!=')\n\t!a\n\t^"}},
		{"control character", "expr", "a \x01", []string{
			"src:1:3: unexpected character U+0001\n\ta \x01\n\t  ^"}},
		{"invalid utf8", "expr", "a + \xff", []string{
			"src:1:5: invalid UTF-8 encoding\n\ta + \xff\n\t    ^"}},
		{"malformed number", "expr", "1e+x", []string{
			"src:1:1: malformed number \"1e\": exponent has no digits\n\t1e+x\n\t^"}},
		{"out of range", "expr", "1e999", []string{
			"src:1:1: number 1e999 is out of range\n\t1e999\n\t^"}},
		{"unclosed paren", "expr", "(a +\n  (b", []string{
			"src:2:5: unclosed '(' opened at 2:3\n\t  (b\n\t    ^"}},
		{"unclosed call", "expr", "f(a, b", []string{
			"src:1:7: unclosed '(' opened at 1:2\n\tf(a, b\n\t      ^"}},
		{"bad argument list", "expr", "f(a b)", []string{
			"src:1:5: expected ',' or ')', found 'b'\n\tf(a b)\n\t    ^"}},
		{"keyword as operand", "expr", "a + and", []string{
			"src:1:5: expected expression, found 'and'\n\ta + and\n\t    ^"}},
		{"tabs kept for caret", "expr", "\t\ta +\t)", []string{
			"src:1:7: expected expression, found ')'\n\t\t\ta +\t)\n\t\t\t   \t^"}},

		{"missing colon", "eq", "dv/dt = -v/tau\nw : 1", []string{
			"src:1:15: expected ':' and a unit after the equation for \"v\", found newline\n\tdv/dt = -v/tau\n\t              ^"}},
		{"missing colon at end", "eq", "I = g*v", []string{
			"src:1:8: expected ':' and a unit after the equation for \"I\", found end of input\n\tI = g*v\n\t       ^"}},
		{"missing colon before end", "eq", "I = g*v\n\n", []string{
			"src:1:8: expected ':' and a unit after the equation for \"I\", found end of input\n\tI = g*v\n\t       ^"}},
		{"missing colon same line", "eq", "I = g*v amp", []string{
			"src:1:9: expected ':' and a unit after the equation for \"I\", found 'amp'\n\tI = g*v amp\n\t        ^"}},
		{"missing unit", "eq", "w :  \nv : volt", []string{
			"src:1:6: expected a unit after ':', found newline\n\tw :  \n\t     ^"}},
		{"missing unit at end", "eq", "w :", []string{
			"src:1:4: expected a unit after ':', found end of input\n\tw :\n\t   ^"}},
		{"derivative without =", "eq", "dv/dt : volt", []string{
			"src:1:7: expected '=' after dv/dt, found ':'\n\tdv/dt : volt\n\t      ^"}},
		{"coef derivative without =", "eq", "tau * dv/dt -v : 1", []string{
			"src:1:13: expected '=' after dv/dt, found '-'\n\ttau * dv/dt -v : 1\n\t            ^"}},
		{"name alone", "eq", "w\nv : 1", []string{
			"src:1:2: expected '=' or ':' after \"w\", found newline\n\tw\n\t ^"}},
		{"name and unit", "eq", "w volt", []string{
			"src:1:3: expected '=' or ':' after \"w\", found 'volt'\n\tw volt\n\t  ^"}},
		{"bad lhs", "eq", "a * b = 1 : 1", []string{
			"src:1:1: expected a variable name, dX/dt or coef * dX/dt on the left-hand side, found \"a * b\"\n\ta * b = 1 : 1\n\t^"}},
		{"sum on lhs", "eq", "a + b = 1 : 1", []string{
			"src:1:3: expected '=' or ':' after \"a\", found '+'\n\ta + b = 1 : 1\n\t  ^"}},
		{"number on lhs", "eq", "3 : 1", []string{
			"src:1:1: expected a variable name, dX/dt or coef * dX/dt on the left-hand side, found \"3\"\n\t3 : 1\n\t^"}},
		{"bad derivative", "eq", "dv/dx = 1 : 1", []string{
			"src:1:1: expected a variable name, dX/dt or coef * dX/dt on the left-hand side, found \"dv / dx\"\n\tdv/dx = 1 : 1\n\t^"}},
		{"missing rhs", "eq", "dv/dt = : volt", []string{
			"src:1:9: expected expression, found ':'\n\tdv/dt = : volt\n\t        ^"}},
		{"junk after unit", "eq", "x : volt shared", []string{
			"src:1:10: expected '(' with flags or end of line after the unit, found 'shared'\n\tx : volt shared\n\t         ^"}},
		{"junk after flags", "eq", "x : volt (shared) 3", []string{
			"src:1:19: expected end of line after the flags, found '3'\n\tx : volt (shared) 3\n\t                  ^"}},
		{"empty flags", "eq", "x : volt ()", []string{
			"src:1:11: expected flag, found ')'\n\tx : volt ()\n\t          ^"}},
		{"empty flag", "eq", "x : volt (a,,b)", []string{
			"src:1:13: expected flag, found ','\n\tx : volt (a,,b)\n\t            ^"}},
		{"bad flag character", "eq", "x : volt (a; b)", []string{
			"src:1:12: unexpected character ';' in flags\n\tx : volt (a; b)\n\t           ^"}},
		{"unclosed flags", "eq", "x : volt (constant\ny : 1 (shared", []string{
			"src:1:19: unclosed '(' opened at 1:10\n\tx : volt (constant\n\t                  ^",
			"src:2:14: unclosed '(' opened at 2:7\n\ty : 1 (shared\n\t             ^"}},
		{"colon inside parens", "eq", "dv/dt = (a + b : volt\nw : 1\nx = 3", []string{
			"src:1:16: expected ')', found ':'\n\tdv/dt = (a + b : volt\n\t               ^",
			"src:3:6: expected ':' and a unit after the equation for \"x\", found end of input\n\tx = 3\n\t     ^"}},
		{"paren closed on later line", "eq", "dv/dt = (a +\n b c) : volt\nw : 1 (", []string{
			"src:2:4: expected ')' to close '(' opened at 1:9, found 'c'\n\t b c) : volt\n\t   ^",
			"src:3:8: unclosed '(' opened at 3:7\n\tw : 1 (\n\t       ^"}},
		{"several errors", "eq", "dv/dt = -v/tau\nw : 1\n$x : 1\nv : volt (a b, c\ndv/dt : 1\ntau = 3 :\n", []string{
			"src:1:15: expected ':' and a unit after the equation for \"v\", found newline\n\tdv/dt = -v/tau\n\t              ^",
			"src:3:1: unexpected character '$'\n\t$x : 1\n\t^",
			"src:4:17: unclosed '(' opened at 4:10\n\tv : volt (a b, c\n\t                ^",
			"src:5:7: expected '=' after dv/dt, found ':'\n\tdv/dt : 1\n\t      ^",
			"src:6:10: expected a unit after ':', found newline\n\ttau = 3 :\n\t         ^"}},
		{"semicolon in equations", "eq", "x : 1; y : 1", []string{
			"src:1:6: expected '(' with flags or end of line after the unit, found ';'\n\tx : 1; y : 1\n\t     ^"}},

		{"statement without operator", "stmt", "v + 1", []string{
			"src:1:3: expected '=', '+=', '-=', '*=' or '/=' after \"v\", found '+'\n\tv + 1\n\t  ^"}},
		{"statement target", "stmt", "2 = x\n(v) = 1", []string{
			"src:1:1: expected variable name at start of statement, found '2'\n\t2 = x\n\t^",
			"src:2:1: expected variable name at start of statement, found '('\n\t(v) = 1\n\t^"}},
		{"statement missing value", "stmt", "x =\ny = 2", []string{
			"src:1:4: expected expression, found newline\n\tx =\n\t   ^"}},
		{"statement junk", "stmt", "x = 1 2; y = 3 4", []string{
			"src:1:7: expected newline or ';' after statement, found '2'\n\tx = 1 2; y = 3 4\n\t      ^",
			"src:1:16: expected newline or ';' after statement, found '4'\n\tx = 1 2; y = 3 4\n\t               ^"}},
		{"statement comparison", "stmt", "x == 1", []string{
			"src:1:3: expected '=', '+=', '-=', '*=' or '/=' after \"x\", found '=='\n\tx == 1\n\t  ^"}},
		{"statement chained assignment", "stmt", "x = y = 1", []string{
			"src:1:7: expected newline or ';' after statement, found '='\n\tx = y = 1\n\t      ^"}},
		{"statement multi-line error", "stmt", "x = f(a,\n b c,\n d)\ny = )", []string{
			"src:2:4: expected ',' or ')' to close '(' opened at 1:6, found 'c'\n\t b c,\n\t   ^",
			"src:4:5: expected expression, found ')'\n\ty = )\n\t    ^"}},
	}
	for _, tt := range tests {
		var err error
		switch tt.fn {
		case "eq":
			_, err = ParseEquations("src", tt.src)
		case "stmt":
			_, err = ParseStatements("src", tt.src)
		default:
			_, err = ParseExpr("src", tt.src)
		}
		var list ErrorList
		if !errors.As(err, &list) {
			t.Errorf("%s: %q: error %v is not an ErrorList", tt.name, tt.src, err)
			continue
		}
		var got []string
		for _, e := range list {
			got = append(got, e.Error())
		}
		if strings.Join(got, "\n--\n") != strings.Join(tt.want, "\n--\n") {
			t.Errorf("%s: %q: errors\n%s\nwant\n%s", tt.name, tt.src, strings.Join(got, "\n--\n"), strings.Join(tt.want, "\n--\n"))
		}
	}
}

func TestPartialResults(t *testing.T) {
	eqs, err := ParseEquations("m", "v : volt\nw = : 1\nx : 1")
	if err == nil || len(eqs) != 2 || eqs[0].Name != "v" || eqs[1].Name != "x" {
		t.Errorf("got %d equations, error %v; want v and x, and an error", len(eqs), err)
	}
	stmts, err := ParseStatements("s", "a = 1; b = ; c = 3")
	if err == nil || len(stmts) != 2 || stmts[1].Target.Name != "c" {
		t.Errorf("got %d statements, error %v; want a and c, and an error", len(stmts), err)
	}
}

func TestTooManyErrors(t *testing.T) {
	src := strings.Repeat("x = $\n", 30)
	_, err := ParseEquations("m", src)
	list := err.(ErrorList)
	if len(list) != maxErrors {
		t.Errorf("got %d errors, want %d", len(list), maxErrors)
	}
	if list[9].Pos != (Pos{10, 5}) {
		t.Errorf("last error at %v, want 10:5", list[9].Pos)
	}
	want := "m:1:5: unexpected character '$' (and 9 more errors)\n\tx = $\n\t    ^"
	if got := err.Error(); got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func TestDeepNesting(t *testing.T) {
	for _, src := range []string{
		strings.Repeat("(", 100000) + "x" + strings.Repeat(")", 100000),
		strings.Repeat("-", 100000) + "x",
		strings.Repeat("not ", 100000) + "x",
		strings.Repeat("x**", 100000) + "x",
		strings.Repeat("f(", 100000) + "x" + strings.Repeat(")", 100000),
	} {
		_, err := ParseExpr("deep", src)
		if err == nil || !strings.Contains(err.Error(), "nested too deeply") {
			t.Errorf("ParseExpr(%.10q...) error = %.80v, want nesting error", src, err)
		}
	}
	// Nesting within the limit is fine, and so are flat chains up to
	// maxOperators (TestOperatorLimit: longer ones are refused).
	src := strings.Repeat("(", 150) + "x" + strings.Repeat(")", 150)
	if _, err := ParseExpr("", src); err != nil {
		t.Errorf("150 parentheses: %v", err)
	}
	long := "x" + strings.Repeat(" + x", maxOperators)
	x, err := ParseExpr("", long)
	if err != nil {
		t.Fatal(err)
	}
	if got := Format(x); got != long {
		t.Errorf("Format of a long chain differs")
	}
}

func TestInspect(t *testing.T) {
	x, err := ParseExpr("", "a + exp(-b) * c")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	Inspect(x, func(e Expr) bool {
		if id, ok := e.(*Ident); ok {
			names = append(names, id.Name)
		}
		return true
	})
	if got := strings.Join(names, " "); got != "a b c" {
		t.Errorf("identifiers = %q, want \"a b c\"", got)
	}
	// Returning false prunes the subtree.
	var n int
	Inspect(x, func(e Expr) bool {
		n++
		_, isCall := e.(*Call)
		return !isCall
	})
	if n != 5 { // +, a, *, exp(...) and c
		t.Errorf("visited %d nodes, want 5", n)
	}
	Inspect(nil, func(Expr) bool { t.Error("called for nil"); return true })
}

func TestChainCopies(t *testing.T) {
	x, err := ParseExpr("", "a < b + 1 < c")
	if err != nil {
		t.Fatal(err)
	}
	and := x.(*Binary)
	left, right := and.X.(*Binary), and.Y.(*Binary)
	if left.Y == right.X {
		t.Error("chained comparison shares its middle operand")
	}
	if Format(left.Y) != Format(right.X) || left.Y.Pos() != right.X.Pos() {
		t.Errorf("copies differ: %s at %v, %s at %v", Format(left.Y), left.Y.Pos(), Format(right.X), right.X.Pos())
	}
}

func TestFormatProgrammatic(t *testing.T) {
	tests := []struct {
		e    Expr
		want string
	}{
		{nil, ""},
		{&Number{Value: 0.25}, "0.25"},
		{&Binary{Op: POW, X: &Number{Value: -2}, Y: &Number{Value: 2}}, "(-2) ** 2"},
		{&Binary{Op: POW, X: &Ident{Name: "x"}, Y: &Number{Value: -1}}, "x ** -1"},
		{&Binary{Op: SUB, X: &Ident{Name: "x"}, Y: &Number{Value: -1}}, "x - -1"},
		{&Call{Fun: &Ident{Name: "f"}}, "f()"},
		{&Unary{Op: SUB, X: &Binary{Op: MUL, X: &Ident{Name: "a"}, Y: &Ident{Name: "b"}}}, "-(a * b)"},
	}
	for _, tt := range tests {
		if got := Format(tt.e); got != tt.want {
			t.Errorf("Format(%s) = %q, want %q", sexpr(tt.e), got, tt.want)
		}
	}
	eq := &Equation{Kind: Differential, Name: "v", Coef: &Binary{Op: LT, X: &Ident{Name: "a"}, Y: &Ident{Name: "b"}},
		RHS: &Ident{Name: "x"}, Unit: &Number{Value: 1, Lit: "1"}, Flags: []Flag{{Name: "a"}, {Name: "b c"}}}
	if got, want := FormatEquation(eq), "(a < b) * dv/dt = x : 1 (a, b c)"; got != want {
		t.Errorf("FormatEquation = %q, want %q", got, want)
	}
	s := &Statement{Target: &Ident{Name: "x"}, Op: DIV_ASSIGN, Value: &Ident{Name: "y"}}
	if got, want := FormatStatement(s), "x /= y"; got != want {
		t.Errorf("FormatStatement = %q, want %q", got, want)
	}
}
