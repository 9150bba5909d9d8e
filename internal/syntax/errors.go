package syntax

import (
	"fmt"
	"strings"
)

// Error is one error at a position in a named piece of model text.
type Error struct {
	Source string // e.g. "neurons.model", "con_ie.on_pre"; may be empty
	Pos    Pos
	Msg    string
	Text   string // the full text of the offending source line, if known
}

// Error renders the error as "source:line:col: msg". When Text is set, two
// more lines follow, each indented by a tab: the source line and a caret
// under the error's column. Tabs in the source line are repeated in the
// caret line so that the caret lines up.
func (e *Error) Error() string {
	var b strings.Builder
	e.writeHeader(&b)
	e.writeCaret(&b)
	return b.String()
}

// writeHeader writes "source:line:col: msg".
func (e *Error) writeHeader(b *strings.Builder) {
	b.WriteString(e.Source)
	if e.Pos.IsValid() {
		if e.Source != "" {
			b.WriteByte(':')
		}
		b.WriteString(e.Pos.String())
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
}

// writeCaret writes the source line and a caret under the column, if the
// line is known.
func (e *Error) writeCaret(b *strings.Builder) {
	if e.Text == "" || !e.Pos.IsValid() {
		return
	}
	b.WriteString("\n\t")
	b.WriteString(e.Text)
	b.WriteString("\n\t")
	col := 1
	for _, r := range e.Text {
		if col >= e.Pos.Col {
			break
		}
		if r == '\t' {
			b.WriteByte('\t')
		} else {
			b.WriteByte(' ')
		}
		col++
	}
	for ; col < e.Pos.Col; col++ {
		b.WriteByte(' ')
	}
	b.WriteByte('^')
}

// NewError builds an *Error for the model text src, named source, at pos.
// The message is formatted with fmt.Sprintf, and Text is filled from the
// line of src at pos.
func NewError(source, src string, pos Pos, format string, args ...any) *Error {
	return &Error{
		Source: source,
		Pos:    pos,
		Msg:    fmt.Sprintf(format, args...),
		Text:   lineText(src, pos.Line),
	}
}

// lineText returns line n (1-based) of src without its line terminator, or
// "" if there is no such line.
func lineText(src string, n int) string {
	if n < 1 {
		return ""
	}
	for i := 1; i < n; i++ {
		j := strings.IndexByte(src, '\n')
		if j < 0 {
			return ""
		}
		src = src[j+1:]
	}
	if j := strings.IndexByte(src, '\n'); j >= 0 {
		src = src[:j]
	}
	return strings.TrimSuffix(src, "\r")
}

// ErrorList is a list of errors, in the order they were found. Its zero
// value is an empty list ready to use.
type ErrorList []*Error

// Add appends an error with the given source name, position and message.
// The error's Text is left empty.
func (l *ErrorList) Add(source string, pos Pos, msg string) {
	*l = append(*l, &Error{Source: source, Pos: pos, Msg: msg})
}

// Err returns nil if the list is empty, and the list itself otherwise.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Error renders the first error; if there are more, " (and N more errors)"
// is appended to its message line, before the source line and caret.
func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	var b strings.Builder
	l[0].writeHeader(&b)
	if len(l) == 2 {
		b.WriteString(" (and 1 more error)")
	} else {
		fmt.Fprintf(&b, " (and %d more errors)", len(l)-1)
	}
	l[0].writeCaret(&b)
	return b.String()
}

// Unwrap returns the errors of the list, so that errors.As can find an
// *Error in it.
func (l ErrorList) Unwrap() []error {
	errs := make([]error, len(l))
	for i, e := range l {
		errs[i] = e
	}
	return errs
}
