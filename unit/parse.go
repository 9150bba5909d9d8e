package unit

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"unicode/utf8"
)

// maxDepth bounds the nesting of parentheses and chained exponents, so
// that no input can exhaust the stack.
const maxDepth = 100

// Parse reads a unit expression in Brian2's Python syntax and returns its
// value. Examples:
//
//	10*nS   -60 * mV   3*Hz*20*ms*2   1e-3*volt   (1/ms)
//	second**-0.5   siemens/meter**2   1   0.5   mV
//
// An expression is built from numbers (10, 3., .5, 1e-3), unit names known
// to Lookup, the operators *, / and **, unary minus and plus, and
// parentheses. As in Python, ** binds tighter than unary minus, which binds
// tighter than * and /; the exponent after ** is a number, possibly signed,
// or a parenthesised dimensionless expression. A number followed by
// whitespace and a unit name is their product and binds like a single
// factor: "10 nS" is 10*nS and "1/10 ms" is 1/(10*ms).
//
// Errors say what was expected and at which byte column (counting from 1),
// as in `unit: unknown unit "mVV" at column 4`. Parse never panics.
func Parse(s string) (Quantity, error) {
	toks, err := lex(s)
	if err != nil {
		return Quantity{}, err
	}
	if toks[0].kind == tokEOF {
		return Quantity{}, errors.New("unit: empty expression")
	}
	p := parser{toks: toks}
	q, err := p.expr()
	if err != nil {
		return Quantity{}, err
	}
	if t := p.peek(); t.kind != tokEOF {
		return Quantity{}, p.errorf(t, "expected operator or end of input, found %s", t)
	}
	if math.IsInf(q.Value, 0) || math.IsNaN(q.Value) {
		return Quantity{}, fmt.Errorf("unit: value of %q is not a finite number", s)
	}
	for _, x := range q.Dim {
		if math.IsInf(x, 0) || math.IsNaN(x) {
			return Quantity{}, fmt.Errorf("unit: dimension of %q is out of range", s)
		}
	}
	return q, nil
}

// MustParse is like Parse but panics if s cannot be parsed. It is meant for
// package-level variables in user code, initialised from constant strings.
func MustParse(s string) Quantity {
	q, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return q
}

type tokKind int

const (
	tokEOF tokKind = iota
	tokNum
	tokIdent
	tokMul
	tokDiv
	tokPow
	tokPlus
	tokMinus
	tokLParen
	tokRParen
)

// A token is one lexical element of a unit expression.
type token struct {
	kind  tokKind
	text  string
	pos   int     // byte offset in the input
	space bool    // preceded by white space
	num   float64 // value of a tokNum
}

// String describes the token for error messages.
func (t token) String() string {
	if t.kind == tokEOF {
		return "end of input"
	}
	return strconv.Quote(t.text)
}

// lex splits s into tokens, ending with a tokEOF.
func lex(s string) ([]token, error) {
	var toks []token
	space := false
	for i := 0; i < len(s); {
		c := s[i]
		start := i
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			space = true
			i++
			continue
		case isDigit(c) || c == '.' && i+1 < len(s) && isDigit(s[i+1]):
			i = scanNumber(s, i)
			v, err := strconv.ParseFloat(s[start:i], 64)
			if err != nil {
				return nil, fmt.Errorf("unit: number %q out of range at column %d", s[start:i], start+1)
			}
			toks = append(toks, token{kind: tokNum, text: s[start:i], pos: start, space: space, num: v})
		case isLetter(c):
			for i < len(s) && (isLetter(s[i]) || isDigit(s[i])) {
				i++
			}
			toks = append(toks, token{kind: tokIdent, text: s[start:i], pos: start, space: space})
		default:
			kind := tokEOF
			switch c {
			case '*':
				kind = tokMul
				if i+1 < len(s) && s[i+1] == '*' {
					kind = tokPow
					i++
				}
			case '/':
				kind = tokDiv
			case '+':
				kind = tokPlus
			case '-':
				kind = tokMinus
			case '(':
				kind = tokLParen
			case ')':
				kind = tokRParen
			}
			if kind == tokEOF {
				r, _ := utf8.DecodeRuneInString(s[i:])
				return nil, fmt.Errorf("unit: unexpected character %q at column %d", string(r), start+1)
			}
			i++
			toks = append(toks, token{kind: kind, text: s[start:i], pos: start, space: space})
		}
		space = false
	}
	return append(toks, token{kind: tokEOF, pos: len(s), space: space}), nil
}

// scanNumber returns the end of the number that starts at s[i]: digits, an
// optional fraction and an optional exponent.
func scanNumber(s string, i int) int {
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	if i < len(s) && s[i] == '.' {
		i++
		for i < len(s) && isDigit(s[i]) {
			i++
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		j := i + 1
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			j++
		}
		if j < len(s) && isDigit(s[j]) {
			i = j
			for i < len(s) && isDigit(s[i]) {
				i++
			}
		}
	}
	return i
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' }

// A parser is a recursive-descent parser over a token list. Its grammar:
//
//	expr     = term { ("*" | "/") term }
//	term     = { "-" | "+" } power
//	power    = number ident-power   (number, white space, unit name)
//	         | primary [ "**" exponent ]
//	exponent = { "-" | "+" } ( number | "(" expr ")" ) [ "**" exponent ]
//	primary  = number | ident | "(" expr ")"
type parser struct {
	toks  []token
	i     int
	depth int
}

func (p *parser) peek() token { return p.toks[p.i] }

func (p *parser) next() token {
	t := p.toks[p.i]
	if t.kind != tokEOF {
		p.i++
	}
	return t
}

// errorf returns an error located at token t.
func (p *parser) errorf(t token, format string, args ...any) error {
	return fmt.Errorf("unit: %s at column %d", fmt.Sprintf(format, args...), t.pos+1)
}

// enter records one more level of nesting at token t.
func (p *parser) enter(t token) error {
	p.depth++
	if p.depth > maxDepth {
		return p.errorf(t, "expression nested too deeply")
	}
	return nil
}

func (p *parser) expr() (Quantity, error) {
	q, err := p.term()
	if err != nil {
		return Quantity{}, err
	}
	for {
		op := p.peek().kind
		if op != tokMul && op != tokDiv {
			return q, nil
		}
		p.next()
		r, err := p.term()
		if err != nil {
			return Quantity{}, err
		}
		if op == tokMul {
			q = q.Mul(r)
		} else {
			q = q.Div(r)
		}
	}
}

func (p *parser) term() (Quantity, error) {
	sign := 1.0
	for k := p.peek().kind; k == tokMinus || k == tokPlus; k = p.peek().kind {
		if k == tokMinus {
			sign = -sign
		}
		p.next()
	}
	q, err := p.power()
	if err != nil {
		return Quantity{}, err
	}
	return q.Scale(sign), nil
}

func (p *parser) power() (Quantity, error) {
	first := p.peek()
	q, err := p.primary()
	if err != nil {
		return Quantity{}, err
	}
	if t := p.peek(); first.kind == tokNum && t.kind == tokIdent && t.space {
		u, err := p.power() // "10 nS", "2 um**2"
		if err != nil {
			return Quantity{}, err
		}
		return q.Mul(u), nil
	}
	if p.peek().kind != tokPow {
		return q, nil
	}
	p.next()
	e, err := p.exponent()
	if err != nil {
		return Quantity{}, err
	}
	return q.Pow(e), nil
}

func (p *parser) exponent() (float64, error) {
	start := p.peek()
	if err := p.enter(start); err != nil {
		return 0, err
	}
	defer func() { p.depth-- }()
	sign := 1.0
	for k := p.peek().kind; k == tokMinus || k == tokPlus; k = p.peek().kind {
		if k == tokMinus {
			sign = -sign
		}
		p.next()
	}
	var v float64
	switch t := p.next(); t.kind {
	case tokNum:
		v = t.num
	case tokLParen:
		q, err := p.expr()
		if err != nil {
			return 0, err
		}
		if err := p.expect(tokRParen, `")"`); err != nil {
			return 0, err
		}
		if !q.Dim.IsDimensionless() {
			return 0, p.errorf(t, "exponent must be dimensionless, got %v", q.Dim)
		}
		v = q.Value
	default:
		return 0, p.errorf(t, "expected exponent (number or parenthesised expression), found %s", t)
	}
	if p.peek().kind == tokPow {
		p.next()
		e, err := p.exponent()
		if err != nil {
			return 0, err
		}
		v = math.Pow(v, e)
	}
	v *= sign
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, p.errorf(start, "exponent is not a finite number")
	}
	return v, nil
}

func (p *parser) primary() (Quantity, error) {
	t := p.next()
	switch t.kind {
	case tokNum:
		return Scalar(t.num), nil
	case tokIdent:
		q, ok := Lookup(t.text)
		if !ok {
			return Quantity{}, p.errorf(t, "unknown unit %q", t.text)
		}
		return q, nil
	case tokLParen:
		if err := p.enter(t); err != nil {
			return Quantity{}, err
		}
		q, err := p.expr()
		if err != nil {
			return Quantity{}, err
		}
		if err := p.expect(tokRParen, `")"`); err != nil {
			return Quantity{}, err
		}
		p.depth--
		return q, nil
	}
	return Quantity{}, p.errorf(t, `expected number, unit name or "(", found %s`, t)
}

// expect consumes a token of the given kind, described by what in errors.
func (p *parser) expect(kind tokKind, what string) error {
	if t := p.peek(); t.kind != kind {
		return p.errorf(t, "expected %s, found %s", what, t)
	}
	p.next()
	return nil
}
