package kernel

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
)

// Native is a program compiled to Go ahead of time: it runs the same
// computation as the interpreter, element by element, for elements lo to
// lo+n-1 (idx nil) or idx[0:n], writing the program's condition to result
// when it has one.
type Native func(env *Env, lo, n int, idx []int32, result []float64) error

// natives holds the compiled programs by Key; it is filled by the init
// functions of generated code (package native) and only read afterwards.
var natives = map[string]Native{}

// RegisterNative adds compiled code for the program whose Key is key.
// Call it from init functions only.
func RegisterNative(key string, f Native) { natives[key] = f }

// Key identifies a program by its instructions, constants and data layout:
// two programs with one key compute the same thing.
func (p *Program) Key() string {
	h := sha256.New()
	fmt.Fprintf(h, "%s|serial=%v|uses=%+v|regs=%d\n", p.String(), p.Serial, p.Uses, p.NumRegs)
	for _, s := range p.Slots {
		fmt.Fprintf(h, "slot %s %s %v\n", s.Name, s.Index, s.Written)
	}
	fmt.Fprintf(h, "scalars %s\n", strings.Join(p.Scalars, ","))
	for _, in := range p.Code {
		// The listing rounds nothing (%g is exact), but name every field.
		fmt.Fprintf(h, "%d %d %d %d %d %d %d %d %v\n", in.Op, in.Fn, in.Dst, in.A, in.B, in.C, in.Slot, in.Draw, in.K)
	}
	return hex.EncodeToString(h.Sum(nil))[:24]
}
