package syntax

import (
	"fmt"
	"unicode"
	"unicode/utf8"
)

// scanner splits model text into tokens. Comments ('#' to the end of the
// line) and blank space other than newlines (including Unicode spaces
// such as U+00A0) are skipped; every newline is
// returned as a NEWLINE token, and the parser decides whether it matters.
//
// In flag mode, used between the parentheses of an equation's flag list,
// the scanner returns words made of letters, digits, '_' and '-' as IDENT
// tokens, and only ',' and ')' as punctuation.
type scanner struct {
	src       string
	off       int // offset of the next unread byte
	line, col int // position of src[off]
	lastEnd   Pos // position just after the last token other than NEWLINE
	flagMode  bool

	// errMsg describes the last ILLEGAL token returned.
	errMsg string
}

func newScanner(src string) *scanner {
	s := &scanner{src: src, line: 1, col: 1, lastEnd: Pos{1, 1}}
	if len(src) >= 3 && src[:3] == "\uFEFF" {
		s.off = 3 // skip a byte order mark
	}
	return s
}

// peek returns the rune at the current offset and its size, or (-1, 0) at
// the end of the input.
func (s *scanner) peek() (rune, int) {
	if s.off >= len(s.src) {
		return -1, 0
	}
	if c := s.src[s.off]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s.src[s.off:])
}

// peekByte returns the byte at offset off+i, or 0 beyond the input.
func (s *scanner) peekByte(i int) byte {
	if s.off+i < len(s.src) {
		return s.src[s.off+i]
	}
	return 0
}

// advance moves past one rune of size n.
func (s *scanner) advance(n int) {
	if s.src[s.off] == '\n' {
		s.line++
		s.col = 1
	} else {
		s.col++
	}
	s.off += n
}

func (s *scanner) pos() Pos { return Pos{s.line, s.col} }

func isLetter(r rune) bool {
	return r == '_' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' ||
		r >= utf8.RuneSelf && unicode.IsLetter(r)
}

func isDigit(r rune) bool { return '0' <= r && r <= '9' }

func isIdentRune(r rune) bool {
	return isLetter(r) || isDigit(r) || r >= utf8.RuneSelf && unicode.IsDigit(r)
}

func isFlagRune(r rune) bool { return isIdentRune(r) || r == '-' }

// scan returns the next token, its position and its literal text.
func (s *scanner) scan() (pos Pos, tok Token, lit string) {
	// Skip blank space and comments.
	for {
		r, n := s.peek()
		if r == ' ' || r == '\t' || r == '\r' || r >= utf8.RuneSelf && r != utf8.RuneError && unicode.IsSpace(r) ||
			r == '\f' || r == '\v' {
			s.advance(n) // any blank space, such as a pasted no-break space
			continue
		}
		if r == '#' {
			for r != -1 && r != '\n' {
				s.advance(n)
				r, n = s.peek()
			}
		}
		break
	}

	pos = s.pos()
	start := s.off
	r, n := s.peek()
	switch {
	case r == -1:
		return s.lastEnd, EOF, ""
	case r == '\n':
		s.advance(n)
		return pos, NEWLINE, "\n"
	case s.flagMode:
		tok = s.scanFlagMode(r, n)
	case isLetter(r):
		for isIdentRune(r) {
			s.advance(n)
			r, n = s.peek()
		}
		tok = IDENT
		if kw, ok := keywords[s.src[start:s.off]]; ok {
			tok = kw
		}
	case isDigit(r) || r == '.' && isDigit(rune(s.peekByte(1))):
		tok = s.scanNumber(start)
	default:
		tok = s.scanOperator(r, n)
	}
	s.lastEnd = s.pos()
	return pos, tok, s.src[start:s.off]
}

// scanFlagMode scans a token in flag mode, starting with rune r of size n.
func (s *scanner) scanFlagMode(r rune, n int) Token {
	switch {
	case isFlagRune(r):
		for isFlagRune(r) {
			s.advance(n)
			r, n = s.peek()
		}
		return IDENT
	case r == ',':
		s.advance(n)
		return COMMA
	case r == ')':
		s.advance(n)
		return RPAREN
	}
	s.advance(n)
	s.errMsg = "unexpected character " + describeRune(r, n) + " in flags"
	return ILLEGAL
}

// scanNumber scans a decimal number: digits, an optional fraction and an
// optional exponent.
func (s *scanner) scanNumber(start int) Token {
	digits := func() {
		for isDigit(rune(s.peekByte(0))) {
			s.advance(1)
		}
	}
	digits()
	if s.peekByte(0) == '.' {
		s.advance(1)
		digits()
	}
	if c := s.peekByte(0); c == 'e' || c == 'E' {
		c1 := s.peekByte(1)
		if isDigit(rune(c1)) || (c1 == '+' || c1 == '-') && isDigit(rune(s.peekByte(2))) {
			s.advance(1)
			if c1 == '+' || c1 == '-' {
				s.advance(1)
			}
			digits()
		} else {
			s.advance(1)
			s.errMsg = fmt.Sprintf("malformed number %q: exponent has no digits", s.src[start:s.off])
			return ILLEGAL
		}
	}
	return NUMBER
}

// scanOperator scans an operator or delimiter starting with rune r of
// size n.
func (s *scanner) scanOperator(r rune, n int) Token {
	s.advance(n)
	// two returns tok2 if the next byte is c, consuming it, and tok1
	// otherwise.
	two := func(tok1 Token, c byte, tok2 Token) Token {
		if s.peekByte(0) == c {
			s.advance(1)
			return tok2
		}
		return tok1
	}
	switch r {
	case '+':
		return two(ADD, '=', ADD_ASSIGN)
	case '-':
		return two(SUB, '=', SUB_ASSIGN)
	case '*':
		if s.peekByte(0) == '*' {
			s.advance(1)
			return POW
		}
		return two(MUL, '=', MUL_ASSIGN)
	case '/':
		if s.peekByte(0) == '/' {
			s.advance(1)
			return FLOORDIV
		}
		return two(DIV, '=', DIV_ASSIGN)
	case '%':
		return MOD
	case '<':
		return two(LT, '=', LE)
	case '>':
		return two(GT, '=', GE)
	case '=':
		return two(ASSIGN, '=', EQL)
	case '!':
		if s.peekByte(0) == '=' {
			s.advance(1)
			return NEQ
		}
		s.errMsg = "unexpected character '!' (use 'not' or '!=')"
		return ILLEGAL
	case '(':
		return LPAREN
	case ')':
		return RPAREN
	case ',':
		return COMMA
	case ':':
		return COLON
	case ';':
		return SEMICOLON
	}
	msg := "unexpected character " + describeRune(r, n)
	switch r {
	case '&':
		msg += " (use 'and')"
	case '|':
		msg += " (use 'or')"
	case '^':
		msg += " (use '**' for powers)"
	case utf8.RuneError:
		if n == 1 {
			msg = "invalid UTF-8 encoding"
		}
	}
	s.errMsg = msg
	return ILLEGAL
}

// describeRune quotes r for an error message: '$' for printable
// characters, U+0007 for others.
func describeRune(r rune, n int) string {
	if r == utf8.RuneError && n == 1 {
		return "(invalid UTF-8)"
	}
	if unicode.IsPrint(r) && r != '\'' {
		return "'" + string(r) + "'"
	}
	if r == '\'' {
		return `"'"`
	}
	return fmt.Sprintf("%U", r)
}
