package syntax

import (
	"errors"
	"testing"
)

func TestErrorRendering(t *testing.T) {
	tests := []struct {
		err  *Error
		want string
	}{
		{&Error{Source: "neurons.model", Pos: Pos{3, 12}, Msg: "bad"}, "neurons.model:3:12: bad"},
		{&Error{Pos: Pos{3, 12}, Msg: "bad"}, "3:12: bad"},
		{&Error{Source: "s", Msg: "bad"}, "s: bad"},
		{&Error{Msg: "bad"}, "bad"},
		{&Error{Source: "s", Pos: Pos{1, 3}, Msg: "m", Text: "a $ b"}, "s:1:3: m\n\ta $ b\n\t  ^"},
		{&Error{Source: "s", Pos: Pos{1, 4}, Msg: "m", Text: "\t\tx"}, "s:1:4: m\n\t\t\tx\n\t\t\t ^"},
		{&Error{Source: "s", Pos: Pos{1, 7}, Msg: "m", Text: "ab"}, "s:1:7: m\n\tab\n\t      ^"},
		{&Error{Source: "s", Pos: Pos{1, 2}, Msg: "m", Text: "λμ"}, "s:1:2: m\n\tλμ\n\t ^"},
		{&Error{Source: "s", Msg: "m", Text: "no position"}, "s: m"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
}

func TestNewError(t *testing.T) {
	src := "a = 1\r\n\tb = $\nc"
	e := NewError("con.on_pre", src, Pos{2, 6}, "unexpected %q", "$")
	want := &Error{Source: "con.on_pre", Pos: Pos{2, 6}, Msg: `unexpected "$"`, Text: "\tb = $"}
	if *e != *want {
		t.Errorf("NewError = %+v, want %+v", e, want)
	}
	if e := NewError("x", src, Pos{9, 1}, "m"); e.Text != "" {
		t.Errorf("Text beyond the last line = %q, want \"\"", e.Text)
	}
	if e := NewError("x", src, Pos{}, "m"); e.Text != "" || e.Error() != "x: m" {
		t.Errorf("NewError at unknown position = %+v", e)
	}
}

func TestErrorList(t *testing.T) {
	var l ErrorList
	if l.Err() != nil {
		t.Error("empty list: Err() != nil")
	}
	if got := l.Error(); got != "no errors" {
		t.Errorf("empty list: Error() = %q", got)
	}
	l.Add("m", Pos{1, 2}, "first")
	if got := l.Err().Error(); got != "m:1:2: first" {
		t.Errorf("Error() = %q", got)
	}
	l.Add("m", Pos{3, 4}, "second")
	if got := l.Error(); got != "m:1:2: first (and 1 more error)" {
		t.Errorf("Error() = %q", got)
	}
	l.Add("m", Pos{5, 6}, "third")
	l[0].Text = "abc"
	if got, want := l.Error(), "m:1:2: first (and 2 more errors)\n\tabc\n\t ^"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	var e *Error
	if !errors.As(l.Err(), &e) || e.Msg != "first" {
		t.Errorf("errors.As found %v", e)
	}
	if !errors.Is(l.Err(), l[2]) {
		t.Error("errors.Is does not find the third error")
	}
}

func TestPos(t *testing.T) {
	if got := (Pos{3, 12}).String(); got != "3:12" {
		t.Errorf("String() = %q", got)
	}
	if (Pos{}).IsValid() || !(Pos{1, 1}).IsValid() {
		t.Error("IsValid wrong")
	}
	if got := (Pos{}).String(); got != "-" {
		t.Errorf("zero Pos String() = %q", got)
	}
}

func TestTokenString(t *testing.T) {
	tests := map[Token]string{
		ILLEGAL: "ILLEGAL", EOF: "EOF", NEWLINE: "NEWLINE", IDENT: "IDENT", NUMBER: "NUMBER",
		ADD: "+", SUB: "-", MUL: "*", DIV: "/", FLOORDIV: "//", MOD: "%", POW: "**",
		LT: "<", LE: "<=", GT: ">", GE: ">=", EQL: "==", NEQ: "!=",
		AND: "and", OR: "or", NOT: "not",
		ASSIGN: "=", ADD_ASSIGN: "+=", SUB_ASSIGN: "-=", MUL_ASSIGN: "*=", DIV_ASSIGN: "/=",
		LPAREN: "(", RPAREN: ")", COMMA: ",", COLON: ":", SEMICOLON: ";",
		Token(-1): "token(-1)", Token(1000): "token(1000)",
	}
	for tok, want := range tests {
		if got := tok.String(); got != want {
			t.Errorf("Token(%d).String() = %q, want %q", int(tok), got, want)
		}
	}
	if Differential.String() != "differential equation" || Subexpression.String() != "subexpression" ||
		Parameter.String() != "parameter" || EqKind(7).String() != "EqKind(7)" {
		t.Error("EqKind.String wrong")
	}
}

func TestScannerTokens(t *testing.T) {
	src := "a+=1.5e3//b**c!=d<=e>=f==g;h(i,j):k -= l *= m /= n % o < p > q # c\n and or not\r\n"
	want := []Token{IDENT, ADD_ASSIGN, NUMBER, FLOORDIV, IDENT, POW, IDENT, NEQ, IDENT, LE, IDENT, GE, IDENT, EQL, IDENT,
		SEMICOLON, IDENT, LPAREN, IDENT, COMMA, IDENT, RPAREN, COLON, IDENT, SUB_ASSIGN, IDENT, MUL_ASSIGN, IDENT,
		DIV_ASSIGN, IDENT, MOD, IDENT, LT, IDENT, GT, IDENT, NEWLINE, AND, OR, NOT, NEWLINE, EOF}
	s := newScanner(src)
	for i, w := range want {
		pos, tok, lit := s.scan()
		if tok != w {
			t.Fatalf("token %d = %v %q at %v, want %v", i, tok, lit, pos, w)
		}
	}
	// The end of input is reported just after the last token.
	s = newScanner("x  # comment\n\n")
	s.scan()
	s.scan()
	s.scan()
	if pos, tok, _ := s.scan(); tok != EOF || pos != (Pos{1, 2}) {
		t.Errorf("EOF = %v at %v, want at 1:2", tok, pos)
	}
}
