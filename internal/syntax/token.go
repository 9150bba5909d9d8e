package syntax

import "strconv"

// Pos is a position in a piece of model text. Line and Col are 1-based;
// Col counts runes (a tab counts as one). The zero Pos means "unknown".
type Pos struct {
	Line, Col int
}

// String returns the position as "line:col", or "-" for an unknown position.
func (p Pos) String() string {
	if !p.IsValid() {
		return "-"
	}
	return strconv.Itoa(p.Line) + ":" + strconv.Itoa(p.Col)
}

// IsValid reports whether p is a known position.
func (p Pos) IsValid() bool { return p.Line > 0 }

// Token is a lexical token of the model language.
type Token int

// The tokens of the model language.
const (
	ILLEGAL Token = iota // an invalid character or malformed literal
	EOF                  // end of input
	NEWLINE              // end of a line
	IDENT                // an identifier such as v or g_ampa
	NUMBER               // a number literal such as 1, 1., .5 or 2.5e-3

	ADD      // +
	SUB      // -
	MUL      // *
	DIV      // /
	FLOORDIV // //
	MOD      // %
	POW      // **

	LT  // <
	LE  // <=
	GT  // >
	GE  // >=
	EQL // ==
	NEQ // !=

	AND // and
	OR  // or
	NOT // not

	ASSIGN     // =
	ADD_ASSIGN // +=
	SUB_ASSIGN // -=
	MUL_ASSIGN // *=
	DIV_ASSIGN // /=

	LPAREN    // (
	RPAREN    // )
	COMMA     // ,
	COLON     // :
	SEMICOLON // ;
)

var tokens = [...]string{
	ILLEGAL: "ILLEGAL",
	EOF:     "EOF",
	NEWLINE: "NEWLINE",
	IDENT:   "IDENT",
	NUMBER:  "NUMBER",

	ADD:      "+",
	SUB:      "-",
	MUL:      "*",
	DIV:      "/",
	FLOORDIV: "//",
	MOD:      "%",
	POW:      "**",

	LT:  "<",
	LE:  "<=",
	GT:  ">",
	GE:  ">=",
	EQL: "==",
	NEQ: "!=",

	AND: "and",
	OR:  "or",
	NOT: "not",

	ASSIGN:     "=",
	ADD_ASSIGN: "+=",
	SUB_ASSIGN: "-=",
	MUL_ASSIGN: "*=",
	DIV_ASSIGN: "/=",

	LPAREN:    "(",
	RPAREN:    ")",
	COMMA:     ",",
	COLON:     ":",
	SEMICOLON: ";",
}

// String returns the token's source text for operators, delimiters and
// keywords ("+", "**", "and"), and its name for the other tokens
// ("IDENT", "EOF").
func (t Token) String() string {
	if t >= 0 && int(t) < len(tokens) {
		return tokens[t]
	}
	return "token(" + strconv.Itoa(int(t)) + ")"
}

var keywords = map[string]Token{
	"and": AND,
	"or":  OR,
	"not": NOT,
}

// Precedence levels, lowest to highest, following Python.
const (
	precLowest  = 0
	precOr      = 1
	precAnd     = 2
	precNot     = 3
	precCompare = 4
	precAdd     = 5
	precMul     = 6
	precUnary   = 7
	precPow     = 8
	precAtom    = 9
)

// binaryPrec returns the precedence of t as a binary operator, or
// precLowest if t is not a binary operator.
func (t Token) binaryPrec() int {
	switch t {
	case OR:
		return precOr
	case AND:
		return precAnd
	case LT, LE, GT, GE, EQL, NEQ:
		return precCompare
	case ADD, SUB:
		return precAdd
	case MUL, DIV, FLOORDIV, MOD:
		return precMul
	case POW:
		return precPow
	}
	return precLowest
}

// isAssign reports whether t is an assignment operator.
func (t Token) isAssign() bool {
	switch t {
	case ASSIGN, ADD_ASSIGN, SUB_ASSIGN, MUL_ASSIGN, DIV_ASSIGN:
		return true
	}
	return false
}
