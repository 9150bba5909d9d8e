package syntax

import (
	"math"
	"strconv"
	"strings"
)

const (
	// maxErrors is the number of errors after which parsing stops.
	maxErrors = 10
	// maxDepth limits the nesting of expressions (parentheses, unary
	// operators, powers), so that deeply nested input cannot exhaust the
	// stack.
	maxDepth = 200
	// maxOperators limits the operators (and call arguments) of one
	// equation, statement or expression, so that a long flat sum cannot
	// exhaust the stack of the passes that walk its tree.
	maxOperators = 10000
)

// ParseEquations parses an equations block: one equation per line, in the
// forms
//
//	dX/dt = expr : unit (flags)
//	coef * dX/dt = expr : unit (flags)
//	X = expr : unit (flags)
//	X : unit (flags)
//
// The flags are optional. An equation continues on the next line until
// its ':' is reached, and a newline inside parentheses is blank space.
//
// source names the text in error messages. The error, if any, is an
// ErrorList; parsing recovers at the next line, so it may hold several
// errors. The equations that could be parsed are returned in either case.
func ParseEquations(source, src string) ([]*Equation, error) {
	p := newParser(source, src)
	var eqs []*Equation
	p.protect(func() {
		for {
			for p.tok == NEWLINE {
				p.next()
			}
			if p.tok == EOF {
				return
			}
			if eq := p.equation(); eq != nil {
				eqs = append(eqs, eq)
			}
		}
	})
	return eqs, p.errors.Err()
}

// ParseStatements parses a block of statements, such as a reset or an
// on_pre block, separated by newlines or ';':
//
//	X = expr
//	X += expr    (also -=, *= and /=)
//
// A newline inside parentheses, or after a binary operator, is blank
// space. The error, if any, is an ErrorList, as for ParseEquations.
func ParseStatements(source, src string) ([]*Statement, error) {
	p := newParser(source, src)
	var stmts []*Statement
	p.protect(func() {
		for {
			for p.tok == NEWLINE || p.tok == SEMICOLON {
				p.next()
			}
			if p.tok == EOF {
				return
			}
			if s := p.statement(); s != nil {
				stmts = append(stmts, s)
			}
		}
	})
	return stmts, p.errors.Err()
}

// ParseExpr parses a single expression, such as a threshold condition. A
// newline inside parentheses, or after a binary operator, is blank space;
// blank lines and comments around the expression are ignored. The error,
// if any, is an ErrorList.
func ParseExpr(source, src string) (Expr, error) {
	p := newParser(source, src)
	var x Expr
	p.protect(func() {
		defer p.recoverLine()
		p.skipNewlines()
		x = p.parseExpr()
		p.skipNewlines()
		if p.tok != EOF {
			p.expected("end of expression")
		}
	})
	if len(p.errors) > 0 {
		return nil, p.errors
	}
	return x, nil
}

// bailout is panicked to abandon the current line after an error.
type bailout struct{}

// tooMany is panicked to stop parsing after maxErrors errors.
type tooMany struct{}

type parser struct {
	source string
	src    string
	s      *scanner
	errors ErrorList

	// The current token.
	pos Pos
	tok Token
	lit string

	// contNL is set when a newline was skipped before the current token
	// because an equation continues up to its ':'; nlPos is the position
	// of the first such newline.
	contNL bool
	nlPos  Pos
	// resume is set when the last error was reported at nlPos: parsing
	// then resumes at the current token, which starts a line.
	resume bool

	parenDepth int  // number of open parentheses
	skipNL     bool // newlines are blank space (an equation before its ':')
	noCall     bool // name '(' is not a call (unit expressions)
	depth      int  // expression nesting depth
	ops        int  // operators in the current equation or statement
}

func newParser(source, src string) *parser {
	p := &parser{source: source, src: src, s: newScanner(src)}
	p.next()
	return p
}

// next advances to the next token, skipping newlines where they are
// blank space.
func (p *parser) next() {
	p.contNL = false
	for {
		p.pos, p.tok, p.lit = p.s.scan()
		if p.tok != NEWLINE {
			return
		}
		switch {
		case p.parenDepth > 0:
		case p.skipNL:
			if !p.contNL {
				p.contNL = true
				p.nlPos = p.pos
			}
		default:
			return
		}
	}
}

// skipNewlines skips NEWLINE tokens.
func (p *parser) skipNewlines() {
	for p.tok == NEWLINE {
		p.next()
	}
}

// nextOperand advances past a binary operator; a line ending in a binary
// operator continues on the next.
func (p *parser) nextOperand() {
	p.next()
	p.skipNewlines()
}

// fail records an error at pos and abandons the current line.
func (p *parser) fail(pos Pos, format string, args ...any) {
	p.errors = append(p.errors, NewError(p.source, p.src, pos, format, args...))
	if len(p.errors) >= maxErrors {
		panic(tooMany{})
	}
	panic(bailout{})
}

// found describes the current token for an error message.
func (p *parser) found() string {
	switch p.tok {
	case EOF:
		return "end of input"
	case NEWLINE:
		return "newline"
	}
	return "'" + p.lit + "'"
}

// expected reports that what was expected but the current token was
// found, and abandons the current line. If the current token is ILLEGAL,
// the scanner's description of it is reported instead. If an equation's
// continuation skipped a newline before the current token (other than
// the end of input), the error is reported at that newline.
func (p *parser) expected(what string) {
	switch {
	case p.tok == ILLEGAL:
		p.fail(p.pos, "%s", p.s.errMsg)
	case p.contNL && p.tok != EOF:
		p.resume = true
		p.fail(p.nlPos, "expected %s, found newline", what)
	}
	p.fail(p.pos, "expected %s, found %s", what, p.found())
}

// protect runs f, stopping quietly when too many errors were found.
func (p *parser) protect(f func()) {
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(tooMany); !ok {
				panic(r)
			}
		}
	}()
	f()
}

// recoverLine recovers from a bailout; it must be deferred.
func (p *parser) recoverLine() {
	if r := recover(); r != nil {
		if _, ok := r.(bailout); !ok {
			panic(r)
		}
	}
}

// sync resets the parser state after an error and skips to the end of
// the line (or to a ';' if semicolon is set), unless the error was
// reported at a newline before the current token. Newlines inside
// parentheses that are still open are skipped too, so that an error in a
// multi-line expression is reported once; a ':', which never appears
// inside parentheses, closes them all.
func (p *parser) sync(semicolon bool) {
	p.skipNL = false
	p.noCall = false
	p.depth = 0
	p.s.flagMode = false
	if p.resume && p.tok != EOF {
		p.resume = false
		p.contNL = false
		p.parenDepth = 0
		return
	}
	p.resume = false
	for p.tok != EOF {
		switch p.tok {
		case LPAREN:
			p.parenDepth++
		case RPAREN:
			if p.parenDepth > 0 {
				p.parenDepth--
			}
		case COLON:
			p.parenDepth = 0
		case NEWLINE:
			p.parenDepth = 0 // not reached inside parentheses
		}
		if p.parenDepth == 0 && (p.tok == NEWLINE || semicolon && p.tok == SEMICOLON) {
			break
		}
		p.next()
	}
	p.parenDepth = 0
}

// ----------------------------------------------------------------------------
// Equations

// equation parses one equation, recovering at the next line on error.
func (p *parser) equation() (eq *Equation) {
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(bailout); !ok {
				panic(r)
			}
			eq = nil
			p.sync(false)
		}
	}()
	return p.parseEquation()
}

func (p *parser) parseEquation() *Equation {
	p.ops = 0
	start := p.pos
	eq := &Equation{Line: start.Line}
	p.skipNL = true
	// Every valid left-hand side is a term: a product or quotient.
	lhs := p.parseTerm()
	diff, ok := splitLHS(lhs, eq)
	if !ok {
		p.fail(start, "expected a variable name, dX/dt or coef * dX/dt on the left-hand side, found %q", Format(lhs))
	}
	switch {
	case diff:
		eq.Kind = Differential
		if p.tok != ASSIGN {
			p.expected("'=' after d" + eq.Name + "/dt")
		}
	case p.tok == ASSIGN:
		eq.Kind = Subexpression
	case p.tok == COLON:
		eq.Kind = Parameter
	default:
		p.expected("'=' or ':' after \"" + eq.Name + "\"")
	}
	if p.tok == ASSIGN {
		p.next()
		eq.RHS = p.parseExpr()
		if p.tok != COLON {
			p.expected("':' and a unit after the equation for \"" + eq.Name + "\"")
		}
	}

	// The unit and flags: the equation ends at the end of this line.
	p.skipNL = false
	p.next()
	if p.tok == NEWLINE || p.tok == EOF {
		p.expected("a unit after ':'")
	}
	p.noCall = true
	eq.Unit = p.parseExpr()
	p.noCall = false
	after := "the unit"
	if p.tok == LPAREN {
		p.parseFlags(eq)
		after = "the flags"
	}
	if p.tok != NEWLINE && p.tok != EOF {
		if after == "the unit" {
			p.expected("'(' with flags or end of line after the unit")
		}
		p.expected("end of line after " + after)
	}
	return eq
}

// splitLHS analyses the left-hand side of an equation, parsed as an
// expression, and fills eq's Name, NamePos and Coef. It reports whether
// the left-hand side is a derivative dX/dt, and whether it is valid at
// all: a name, dX/dt, coef * dX/dt (parsed as (coef * dX) / dt), or
// coef * (dX/dt).
func splitLHS(lhs Expr, eq *Equation) (diff, ok bool) {
	switch x := lhs.(type) {
	case *Ident:
		eq.Name, eq.NamePos = x.Name, x.At
		return false, true
	case *Binary:
		switch x.Op {
		case DIV:
			if m, isMul := x.X.(*Binary); isMul && m.Op == MUL {
				if derivative(m.Y, x.Y, eq) {
					eq.Coef = m.X
					return true, true
				}
				return false, false
			}
			d := derivative(x.X, x.Y, eq)
			return d, d
		case MUL:
			if d, isDiv := x.Y.(*Binary); isDiv && d.Op == DIV && derivative(d.X, d.Y, eq) {
				eq.Coef = x.X
				return true, true
			}
		}
	}
	return false, false
}

// derivative reports whether num/den is dX/dt, and if so sets eq's Name
// and NamePos.
func derivative(num, den Expr, eq *Equation) bool {
	d, ok := num.(*Ident)
	if !ok || !strings.HasPrefix(d.Name, "d") {
		return false
	}
	t, ok := den.(*Ident)
	if !ok || t.Name != "dt" {
		return false
	}
	name := d.Name[1:]
	if r := []rune(name); len(r) == 0 || !isLetter(r[0]) {
		return false
	}
	eq.Name, eq.NamePos = name, d.At
	return true
}

// parseFlags parses the flag list of an equation; the current token is
// its '('.
func (p *parser) parseFlags(eq *Equation) {
	lparen := p.pos
	p.s.flagMode = true
	p.next()
	for {
		if p.tok != IDENT {
			p.expectedInFlags(lparen, "flag")
		}
		f := Flag{At: p.pos}
		var words []string
		for p.tok == IDENT {
			words = append(words, p.lit)
			p.next()
		}
		f.Name = strings.Join(words, " ")
		eq.Flags = append(eq.Flags, f)
		if p.tok == RPAREN {
			break
		}
		if p.tok != COMMA {
			p.expectedInFlags(lparen, "',' or ')' after flag")
		}
		p.next()
	}
	p.s.flagMode = false
	p.next()
}

// expectedInFlags reports an error in a flag list opened at lparen.
func (p *parser) expectedInFlags(lparen Pos, what string) {
	if p.tok == NEWLINE || p.tok == EOF {
		p.fail(p.pos, "unclosed '(' opened at %s", lparen)
	}
	p.expected(what)
}

// ----------------------------------------------------------------------------
// Statements

// statement parses one statement, recovering at the next line or ';' on
// error.
func (p *parser) statement() (s *Statement) {
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(bailout); !ok {
				panic(r)
			}
			s = nil
			p.sync(true)
		}
	}()
	return p.parseStatement()
}

func (p *parser) parseStatement() *Statement {
	p.ops = 0
	if p.tok != IDENT {
		p.expected("variable name at start of statement")
	}
	target := &Ident{At: p.pos, Name: p.lit}
	p.next()
	if !p.tok.isAssign() {
		p.expected("'=', '+=', '-=', '*=' or '/=' after \"" + target.Name + "\"")
	}
	s := &Statement{At: p.pos, Target: target, Op: p.tok}
	p.next()
	s.Value = p.parseExpr()
	if p.tok != NEWLINE && p.tok != SEMICOLON && p.tok != EOF {
		p.expected("newline or ';' after statement")
	}
	return s
}

// ----------------------------------------------------------------------------
// Expressions

// enter increments the nesting depth, failing beyond maxDepth.
func (p *parser) enter() {
	p.depth++
	if p.depth > maxDepth {
		p.fail(p.pos, "expression nested too deeply (more than %d levels)", maxDepth)
	}
}

func (p *parser) leave() { p.depth-- }

// operator counts an operator at pos, failing beyond maxOperators.
func (p *parser) operator(pos Pos) {
	p.ops++
	if p.ops > maxOperators {
		p.fail(pos, "expression too long (more than %d operators); split it into subexpressions", maxOperators)
	}
}

// parseExpr parses an expression: or_test.
func (p *parser) parseExpr() Expr {
	x := p.parseAnd()
	for p.tok == OR {
		pos := p.pos
		p.operator(pos)
		p.nextOperand()
		x = &Binary{At: pos, Op: OR, X: x, Y: p.parseAnd()}
	}
	return x
}

func (p *parser) parseAnd() Expr {
	x := p.parseNot()
	for p.tok == AND {
		pos := p.pos
		p.operator(pos)
		p.nextOperand()
		x = &Binary{At: pos, Op: AND, X: x, Y: p.parseNot()}
	}
	return x
}

func (p *parser) parseNot() Expr {
	if p.tok != NOT {
		return p.parseComparison()
	}
	pos := p.pos
	p.enter()
	p.next()
	x := &Unary{At: pos, Op: NOT, X: p.parseNot()}
	p.leave()
	return x
}

// parseComparison parses a comparison. A chain a < b < c becomes
// (a < b) and (b < c), with a copy of b in the second comparison.
func (p *parser) parseComparison() Expr {
	x := p.parseArith()
	var chain Expr
	for p.tok.binaryPrec() == precCompare {
		op, pos := p.tok, p.pos
		p.operator(pos)
		p.nextOperand()
		y := p.parseArith()
		cmp := &Binary{At: pos, Op: op, X: x, Y: y}
		if chain == nil {
			chain = cmp
		} else {
			chain = &Binary{At: pos, Op: AND, X: chain, Y: cmp}
		}
		if p.tok.binaryPrec() == precCompare {
			x = clone(y)
		}
	}
	if chain == nil {
		return x
	}
	return chain
}

func (p *parser) parseArith() Expr {
	x := p.parseTerm()
	for p.tok == ADD || p.tok == SUB {
		op, pos := p.tok, p.pos
		p.operator(pos)
		p.nextOperand()
		x = &Binary{At: pos, Op: op, X: x, Y: p.parseTerm()}
	}
	return x
}

func (p *parser) parseTerm() Expr {
	x := p.parseFactor()
	for p.tok.binaryPrec() == precMul {
		op, pos := p.tok, p.pos
		p.operator(pos)
		p.nextOperand()
		x = &Binary{At: pos, Op: op, X: x, Y: p.parseFactor()}
	}
	return x
}

// parseFactor parses a unary + or -, or a power.
func (p *parser) parseFactor() Expr {
	p.enter()
	var x Expr
	if p.tok == ADD || p.tok == SUB {
		op, pos := p.tok, p.pos
		p.next()
		x = &Unary{At: pos, Op: op, X: p.parseFactor()}
	} else {
		x = p.parsePower()
	}
	p.leave()
	return x
}

// parsePower parses primary ['**' factor]; ** is right-associative and
// its right operand may carry a unary sign.
func (p *parser) parsePower() Expr {
	x := p.parsePrimary()
	if p.tok == POW {
		pos := p.pos
		p.nextOperand()
		x = &Binary{At: pos, Op: POW, X: x, Y: p.parseFactor()}
	}
	return x
}

func (p *parser) parsePrimary() Expr {
	switch p.tok {
	case IDENT:
		id := &Ident{At: p.pos, Name: p.lit}
		p.next()
		if p.tok == LPAREN && !p.noCall {
			return p.parseCall(id)
		}
		return id
	case NUMBER:
		v, err := strconv.ParseFloat(p.lit, 64)
		if err != nil && (math.IsInf(v, 0) || math.IsNaN(v)) {
			p.fail(p.pos, "number %s is out of range", p.lit)
		}
		x := &Number{At: p.pos, Value: v, Lit: p.lit}
		p.next()
		return x
	case LPAREN:
		lparen := p.pos
		p.parenDepth++
		p.next()
		x := p.parseExpr()
		p.closeParen(lparen, "')'")
		return x
	}
	p.expected("expression")
	return nil
}

func (p *parser) parseCall(fun *Ident) *Call {
	call := &Call{At: fun.At, Fun: fun}
	lparen := p.pos
	p.parenDepth++
	p.next()
	for p.tok != RPAREN {
		p.operator(p.pos)
		call.Args = append(call.Args, p.parseExpr())
		if p.tok != COMMA {
			break
		}
		p.next()
	}
	p.closeParen(lparen, "',' or ')'")
	return call
}

// closeParen consumes the ')' matching the '(' at lparen; what describes
// the tokens expected if it is missing.
func (p *parser) closeParen(lparen Pos, what string) {
	if p.tok != RPAREN {
		if p.tok == EOF {
			p.fail(p.pos, "unclosed '(' opened at %s", lparen)
		}
		if lparen.Line != p.pos.Line {
			what += " to close '(' opened at " + lparen.String()
		}
		p.expected(what)
	}
	p.parenDepth--
	p.next()
}
