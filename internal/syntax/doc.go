// Package syntax scans, parses and prints the model language of Cajal:
// Brian2's equation and statement syntax, which users paste from Brian2
// models, plus ANNarchy's coefficient on the left of a differential
// equation.
//
// The layout follows Go's own go/token, go/scanner, go/ast and go/parser:
// token.go defines positions and tokens, scanner.go splits text into
// tokens, ast.go defines the syntax tree, parser.go builds it, printer.go
// prints it back and errors.go reports errors with their positions.
//
// # Equations
//
// ParseEquations parses an equations block, one equation per line:
//
//	dv/dt = (-gl*(v-el) + I)/memc : volt (unless refractory)
//	tau * dv/dt = -v + g_exc : 1      # ANNarchy: (tau*dv)/dt
//	I = g*(E - v) : amp               # a subexpression
//	tau : second (constant, shared)   # a parameter
//
// The unit after ':' is an expression (volt, 1, second**-0.5,
// amp/meter**2, boolean, integer), and the optional flags in parentheses
// after it are comma-separated, each one or more words of letters,
// digits, '_' and '-'. An equation continues on the next line until its
// ':' is reached; a newline inside parentheses is blank space.
//
// # Statements
//
// ParseStatements parses statements such as a reset or a synapse's
// on_pre code, separated by newlines or ';': x = e, x += e, x -= e,
// x *= e and x /= e. A newline inside parentheses, or after a binary
// operator, is blank space.
//
// # Expressions
//
// Expressions follow Python's grammar and precedence, from lowest to
// highest: or; and; not; the comparisons < <= > >= == !=, which chain
// (a < b < c means (a < b) and (b < c)); + and -; * / // and %; unary +
// and -; ** (right-associative, and its right operand may carry a sign:
// x**-0.5, while -x**2 means -(x**2)); calls and atoms. Numbers are
// decimal: 100, 1., .5, 1e-10, 2.5E+3. Comments run from '#' to the end
// of the line.
//
// # Errors
//
// The parse functions return an ErrorList. Each *Error carries the name
// of the text, the line and column of the offending token and the text
// of that line, and its message says what was expected and what was
// found. Parsing recovers at the next line, so one call reports several
// errors, up to 10. No input makes the parser panic, and expressions
// nested more than 200 levels deep are rejected.
package syntax
