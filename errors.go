package cajal

import (
	"github.com/cajal-sim/cajal/internal/sim"
	"github.com/cajal-sim/cajal/internal/syntax"
)

// Error is an error in model text: the text's name, the line and column,
// what was expected, and the offending line with a caret under the column.
type Error = syntax.Error

// ErrorList is several errors in model text.
type ErrorList = syntax.ErrorList

// DivergenceError stops a run whose state became NaN or infinite; it names
// the group, variable, neuron and time. Monitors keep what they recorded.
type DivergenceError = sim.DivergenceError
