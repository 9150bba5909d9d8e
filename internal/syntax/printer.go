package syntax

import (
	"math"
	"strconv"
	"strings"
)

// Format returns the text of e in the model language, Python-like, with
// single spaces around binary operators and only the parentheses that the
// precedence rules require. The result parses back (with ParseExpr) to an
// equivalent expression. Format(nil) is "".
func Format(e Expr) string {
	var b strings.Builder
	writeExpr(&b, e)
	return b.String()
}

// FormatEquation returns the equation as one line, such as
//
//	dv/dt = (el - v) / tau : volt (unless refractory)
//	tau * dv/dt = -v + I : 1
//	I = g * (E - v) : amp
//	w : 1 (constant, shared)
func FormatEquation(eq *Equation) string {
	var b strings.Builder
	switch eq.Kind {
	case Differential:
		if !isNil(eq.Coef) {
			writeOperand(&b, eq.Coef, precOf(eq.Coef) < precMul)
			b.WriteString(" * ")
		}
		b.WriteString("d" + eq.Name + "/dt")
	default:
		b.WriteString(eq.Name)
	}
	if eq.Kind != Parameter {
		b.WriteString(" = ")
		writeExpr(&b, eq.RHS)
	}
	if !isNil(eq.Unit) {
		b.WriteString(" : ")
		writeExpr(&b, eq.Unit)
	}
	if len(eq.Flags) > 0 {
		b.WriteString(" (")
		for i, f := range eq.Flags {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(f.Name)
		}
		b.WriteString(")")
	}
	return b.String()
}

// FormatStatement returns the statement as one line, such as "v += w".
func FormatStatement(s *Statement) string {
	var b strings.Builder
	if s.Target != nil {
		b.WriteString(s.Target.Name)
	}
	b.WriteString(" " + s.Op.String() + " ")
	writeExpr(&b, s.Value)
	return b.String()
}

// precOf returns the precedence of e as an operand.
func precOf(e Expr) int {
	switch e := e.(type) {
	case *Number:
		if e.Lit == "" && math.Signbit(e.Value) {
			return precUnary // printed with a leading '-'
		}
	case *Unary:
		if e.Op == NOT {
			return precNot
		}
		return precUnary
	case *Binary:
		return e.Op.binaryPrec()
	}
	return precAtom
}

// isSigned reports whether e is printed with a leading sign, which
// Python allows as the right operand of **.
func isSigned(e Expr) bool {
	switch e := e.(type) {
	case *Unary:
		return e.Op == ADD || e.Op == SUB
	case *Number:
		return precOf(e) == precUnary
	}
	return false
}

func writeOperand(b *strings.Builder, e Expr, paren bool) {
	if paren {
		b.WriteByte('(')
	}
	writeExpr(b, e)
	if paren {
		b.WriteByte(')')
	}
}

func writeExpr(b *strings.Builder, e Expr) {
	if isNil(e) {
		return
	}
	switch e := e.(type) {
	case *Number:
		if e.Lit != "" {
			b.WriteString(e.Lit)
		} else {
			b.WriteString(strconv.FormatFloat(e.Value, 'g', -1, 64))
		}
	case *Ident:
		b.WriteString(e.Name)
	case *Unary:
		if e.Op == NOT {
			b.WriteString("not ")
			writeOperand(b, e.X, precOf(e.X) < precNot)
			return
		}
		b.WriteString(e.Op.String())
		writeOperand(b, e.X, precOf(e.X) < precUnary)
	case *Binary:
		prec := precOf(e)
		px, py := precOf(e.X), precOf(e.Y)
		var parenX, parenY bool
		switch prec {
		case precPow:
			// Right-associative; a signed right operand needs no parentheses.
			parenX = px <= precPow
			parenY = py < precPow && !isSigned(e.Y)
		case precCompare:
			// A comparison operand that is itself a comparison would
			// read as a chain.
			parenX = px <= precCompare
			parenY = py <= precCompare
		default:
			parenX = px < prec
			parenY = py <= prec
		}
		writeOperand(b, e.X, parenX)
		b.WriteString(" " + e.Op.String() + " ")
		writeOperand(b, e.Y, parenY)
	case *Call:
		if e.Fun != nil {
			b.WriteString(e.Fun.Name)
		}
		b.WriteByte('(')
		for i, a := range e.Args {
			if i > 0 {
				b.WriteString(", ")
			}
			writeExpr(b, a)
		}
		b.WriteByte(')')
	}
}
