package cc

import "fmt"

// Tier says how a run executes its programs.
type Tier uint8

// The tiers.
const (
	// Auto starts on the interpreter and switches each program to its
	// compiled form when that is ready.
	Auto Tier = iota
	// Interp interprets every program and never compiles.
	Interp
	// Native compiles every program before the run starts, and fails if
	// it cannot.
	Native
)

var tierNames = [...]string{Auto: "auto", Interp: "interp", Native: "native"}

func (t Tier) String() string {
	if int(t) < len(tierNames) {
		return tierNames[t]
	}
	return fmt.Sprintf("Tier(%d)", t)
}

// ParseTier reads "interp", "native" or "auto".
func ParseTier(s string) (Tier, error) {
	for t, name := range tierNames {
		if s == name {
			return Tier(t), nil
		}
	}
	return Auto, fmt.Errorf("unknown tier %q (want interp, native or auto)", s)
}

// UnmarshalText reads a tier from its name, for flags and configuration
// files.
func (t *Tier) UnmarshalText(b []byte) error {
	v, err := ParseTier(string(b))
	if err == nil {
		*t = v
	}
	return err
}

// MarshalText writes the tier's name.
func (t Tier) MarshalText() ([]byte, error) { return []byte(t.String()), nil }
