package kernel

import (
	"fmt"

	"github.com/cajal-sim/cajal/internal/ir"
)

// ChunkSize is the number of elements one register holds.
const ChunkSize = 256

// Opcode is a vector instruction.
type Opcode uint8

// Instructions. Dst is a register; A, B, C are registers unless noted.
const (
	OpLoad       Opcode = iota // Dst = array Slot at the elements (aliases for contiguous elements)
	OpScalar                   // Dst = scalar Slot, broadcast
	OpIndex                    // Dst = element, presynaptic or postsynaptic index (K = 0, 1, 2)
	OpRand                     // Dst = uniform draw number Draw
	OpRandn                    // Dst = normal draw number Draw
	OpFn                       // Dst = Fn(A[, B[, C]])
	OpAddK                     // Dst = A + K
	OpMulK                     // Dst = A * K
	OpRDivK                    // Dst = K / A
	OpAxpyK                    // Dst = A*K + B
	OpCmpK                     // Dst = Fn(A, K) for a comparison Fn: 1 or 0
	OpStore                    // array Slot at the elements = A
	OpScatterAdd               // array Slot at the elements += A, one element after another
)

var opNames = [...]string{"load", "scalar", "index", "rand", "randn", "fn", "addk", "mulk", "rdivk", "axpyk", "cmpk", "store", "scatteradd"}

func (o Opcode) String() string {
	if int(o) < len(opNames) {
		return opNames[o]
	}
	return fmt.Sprintf("Opcode(%d)", o)
}

// Instr is one instruction.
type Instr struct {
	Op      Opcode
	Fn      ir.Fn // OpFn
	Dst     int32
	A, B, C int32
	Slot    int32
	Draw    int32
	K       float64
}

// Slot is an array a program reads or writes.
type Slot struct {
	Name    string
	Index   ir.Index // Elem, Pre or Post
	Written bool
}

// Label names the slot as model text does: v, v_pre or v_post.
func (s Slot) Label() string {
	if s.Index == ir.Pre || s.Index == ir.Post {
		return s.Name + "_" + s.Index.String()
	}
	return s.Name
}

// Program is a compiled block.
type Program struct {
	Code    []Instr
	Slots   []Slot
	Scalars []string // names of the scalar inputs, in Env.Scalars order
	NumRegs int
	Consts  []Const // registers that hold a constant
	Result  int32   // register of the condition for Select, or -1
	Serial  bool    // writes neuron variables through synapses in a way that needs one element at a time
	Uses    Uses

	elementwise bool // Elementwise, computed once
}

// Const is a register filled once with a value.
type Const struct {
	Reg   int32
	Value float64
}

// Uses says which per-chunk index vectors a program needs.
type Uses struct {
	Pre, Post, Elem bool // Elem: the element index as a value (i, rand draws)
}

// String lists the program, one instruction a line.
func (p *Program) String() string {
	s := ""
	for _, c := range p.Consts {
		s += fmt.Sprintf("r%d := %g\n", c.Reg, c.Value)
	}
	for _, in := range p.Code {
		switch in.Op {
		case OpLoad:
			sl := p.Slots[in.Slot]
			s += fmt.Sprintf("r%d = load %s[%s]\n", in.Dst, sl.Name, sl.Index)
		case OpScalar:
			s += fmt.Sprintf("r%d = scalar %s\n", in.Dst, p.Scalars[in.Slot])
		case OpStore, OpScatterAdd:
			sl := p.Slots[in.Slot]
			s += fmt.Sprintf("%s %s[%s], r%d\n", in.Op, sl.Name, sl.Index, in.A)
		case OpFn:
			s += fmt.Sprintf("r%d = %s r%d r%d r%d\n", in.Dst, in.Fn, in.A, in.B, in.C)
		case OpAxpyK:
			s += fmt.Sprintf("r%d = r%d*%g + r%d\n", in.Dst, in.A, in.K, in.B)
		case OpCmpK:
			s += fmt.Sprintf("r%d = r%d %s %g\n", in.Dst, in.A, in.Fn, in.K)
		default:
			s += fmt.Sprintf("r%d = %s r%d %g #%d\n", in.Dst, in.Op, in.A, in.K, in.Draw)
		}
	}
	if p.Result >= 0 {
		s += fmt.Sprintf("result r%d\n", p.Result)
	}
	return s
}
