package kernel

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
)

// Param reports whether the instruction's K is a run-time constant (the
// operand of addk, mulk, rdivk, axpyk and cmpk) rather than part of the
// program's structure (which index OpIndex reads).
func (in *Instr) Param() bool {
	switch in.Op {
	case OpAddK, OpMulK, OpRDivK, OpAxpyK, OpCmpK:
		return true
	}
	return false
}

// Params lists the program's run-time constants: the values of Consts in
// order, then the K of every instruction for which Param is true, in code
// order. A backend that compiles a program by its ShapeKey reads its
// constants from this list.
func (p *Program) Params() []float64 {
	ks := make([]float64, 0, len(p.Consts)+len(p.Code))
	for _, c := range p.Consts {
		ks = append(ks, c.Value)
	}
	for i := range p.Code {
		if p.Code[i].Param() {
			ks = append(ks, p.Code[i].K)
		}
	}
	return ks
}

// ShapeKey identifies a program by its structure: instructions, registers
// and data layout, without the values of its constants (Params) or the
// names of its variables. Two programs with one shape key run the same
// machine code with different Params.
func (p *Program) ShapeKey() string {
	h := sha256.New()
	fmt.Fprintf(h, "serial=%v uses=%+v regs=%d result=%d scalars=%d\n", p.Serial, p.Uses, p.NumRegs, p.Result, len(p.Scalars))
	for _, s := range p.Slots {
		fmt.Fprintf(h, "slot %s %v\n", s.Index, s.Written)
	}
	for _, c := range p.Consts {
		fmt.Fprintf(h, "const r%d\n", c.Reg)
	}
	for i := range p.Code {
		in := &p.Code[i]
		k := "param"
		if !in.Param() {
			k = fmt.Sprint(in.K)
		}
		fmt.Fprintf(h, "%d %d %d %d %d %d %d %d %s\n", in.Op, in.Fn, in.Dst, in.A, in.B, in.C, in.Slot, in.Draw, k)
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}
