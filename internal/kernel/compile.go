package kernel

import (
	"fmt"
	"math"

	"github.com/cajal-sim/cajal/internal/ir"
)

// value is one node of the value graph a block lowers to.
type value struct {
	op    Opcode
	fn    ir.Fn
	args  [3]int
	nargs int
	slot  int32
	draw  int32
	k     float64
	cnst  bool // a constant held in a register
}

type varKey struct {
	name string
	idx  ir.Index
}

type output struct {
	key  varKey
	slot int32
	val  int
	op   Opcode // OpStore or OpScatterAdd
}

type compiler struct {
	vals    []value
	memo    map[value]int
	slots   []Slot
	slotIdx map[varKey]int32
	scalars []string
	scIdx   map[string]int32
	cur     map[varKey]int
	written []varKey
	uses    Uses
}

// Compile lowers a block to a program. If cond is not nil, the program also
// computes it, and Filter selects the elements for which it is non-zero.
func Compile(b ir.Block, cond *ir.Node) (*Program, error) {
	c := &compiler{
		memo:    map[value]int{},
		slotIdx: map[varKey]int32{},
		scIdx:   map[string]int32{},
		cur:     map[varKey]int{},
	}
	for _, a := range b {
		if a.Target.Kind != ir.Var {
			return nil, fmt.Errorf("kernel: assignment to a non-variable %s", a.Target)
		}
		v, err := c.lower(a.Value)
		if err != nil {
			return nil, err
		}
		key := varKey{a.Target.Name, a.Target.Index}
		if a.Target.Index == ir.Scalar {
			return nil, fmt.Errorf("kernel: cannot write the shared variable %s element by element", a.Target.Name)
		}
		if _, seen := c.cur[key]; !seen && a.Target.Index != ir.Local {
			c.written = append(c.written, key)
		}
		c.cur[key] = v
	}
	result := -1
	if cond != nil {
		v, err := c.lower(cond)
		if err != nil {
			return nil, err
		}
		result = v
	}
	var outs []output
	for _, key := range c.written {
		slot := c.slot(key)
		c.slots[slot].Written = true
		outs = append(outs, output{key: key, slot: slot, val: c.cur[key], op: OpStore})
	}
	p, err := c.emit(outs, result)
	if p != nil {
		p.elementwise = p.Elementwise()
	}
	return p, err
}

func (c *compiler) slot(key varKey) int32 {
	if s, ok := c.slotIdx[key]; ok {
		return s
	}
	s := int32(len(c.slots))
	c.slots = append(c.slots, Slot{Name: key.name, Index: key.idx})
	c.slotIdx[key] = s
	switch key.idx {
	case ir.Pre:
		c.uses.Pre = true
	case ir.Post:
		c.uses.Post = true
	}
	return s
}

func (c *compiler) add(v value) int {
	for i := v.nargs; i < 3; i++ {
		v.args[i] = -1
	}
	if id, ok := c.memo[v]; ok {
		return id
	}
	id := len(c.vals)
	c.vals = append(c.vals, v)
	c.memo[v] = id
	return id
}

func (c *compiler) constant(x float64) int {
	return c.add(value{cnst: true, k: x})
}

func (c *compiler) isConst(id int) (float64, bool) {
	v := c.vals[id]
	return v.k, v.cnst
}

func (c *compiler) lower(n *ir.Node) (int, error) {
	switch n.Kind {
	case ir.Const:
		return c.constant(n.Value), nil
	case ir.Var:
		key := varKey{n.Name, n.Index}
		if id, ok := c.cur[key]; ok {
			return id, nil
		}
		switch n.Index {
		case ir.Local:
			return 0, fmt.Errorf("kernel: temporary %s read before it is set", n.Name)
		case ir.Scalar:
			s, ok := c.scIdx[n.Name]
			if !ok {
				s = int32(len(c.scalars))
				c.scalars = append(c.scalars, n.Name)
				c.scIdx[n.Name] = s
			}
			return c.add(value{op: OpScalar, slot: s}), nil
		}
		return c.add(value{op: OpLoad, slot: c.slot(key)}), nil
	}
	switch n.Fn {
	case ir.Rand, ir.Randn:
		c.uses.Elem = true
		op := OpRand
		if n.Fn == ir.Randn {
			op = OpRandn
		}
		return c.add(value{op: op, draw: int32(n.Draw)}), nil
	case ir.ElemIdx:
		c.uses.Elem = true
		return c.add(value{op: OpIndex, k: 0}), nil
	case ir.PreIdx:
		c.uses.Pre = true
		return c.add(value{op: OpIndex, k: 1}), nil
	case ir.PostIdx:
		c.uses.Post = true
		return c.add(value{op: OpIndex, k: 2}), nil
	}
	if len(n.Args) != n.Fn.Arity() {
		return 0, fmt.Errorf("kernel: %s takes %d arguments, got %d", n.Fn, n.Fn.Arity(), len(n.Args))
	}
	var args [3]int
	var consts [3]float64
	allConst := true
	for i, a := range n.Args {
		id, err := c.lower(a)
		if err != nil {
			return 0, err
		}
		args[i] = id
		var ok bool
		consts[i], ok = c.isConst(id)
		allConst = allConst && ok
	}
	if allConst {
		return c.constant(ir.Eval(n.Fn, consts[:len(n.Args)]...)), nil
	}
	if n.Fn == ir.Neg {
		return c.mulK(args[0], -1), nil
	}
	if len(n.Args) == 2 {
		a, b := args[0], args[1]
		ka, ca := c.isConst(a)
		kb, cb := c.isConst(b)
		switch {
		case n.Fn == ir.Add && cb:
			return c.addK(a, kb), nil
		case n.Fn == ir.Add && ca:
			return c.addK(b, ka), nil
		case n.Fn == ir.Sub && cb:
			return c.addK(a, -kb), nil
		case n.Fn == ir.Sub && ca:
			return c.addK(c.mulK(b, -1), ka), nil
		case n.Fn == ir.Mul && cb:
			return c.mulK(a, kb), nil
		case n.Fn == ir.Mul && ca:
			return c.mulK(b, ka), nil
		case n.Fn == ir.Div && cb:
			return c.mulK(a, 1/kb), nil
		case n.Fn == ir.Div && ca:
			return c.add(value{op: OpRDivK, args: [3]int{b}, nargs: 1, k: ka}), nil
		case isCmp(n.Fn) && cb:
			return c.cmpK(n.Fn, a, kb), nil
		case isCmp(n.Fn) && ca:
			return c.cmpK(mirror(n.Fn), b, ka), nil
		case n.Fn == ir.Add:
			if v := c.vals[b]; v.op == OpMulK {
				return c.add(value{op: OpAxpyK, args: [3]int{v.args[0], a}, nargs: 2, k: v.k}), nil
			}
			if v := c.vals[a]; v.op == OpMulK {
				return c.add(value{op: OpAxpyK, args: [3]int{v.args[0], b}, nargs: 2, k: v.k}), nil
			}
		case n.Fn == ir.Sub:
			if v := c.vals[b]; v.op == OpMulK {
				return c.add(value{op: OpAxpyK, args: [3]int{v.args[0], a}, nargs: 2, k: -v.k}), nil
			}
		}
		// Commutative operations: order the operands so that a+b and b+a
		// share one value.
		switch n.Fn {
		case ir.Add, ir.Mul, ir.Eq, ir.Ne, ir.And, ir.Or, ir.Min, ir.Max:
			if a > b {
				args[0], args[1] = b, a
			}
		}
	}
	return c.add(value{op: OpFn, fn: n.Fn, args: args, nargs: len(n.Args)}), nil
}

// mulK returns a*k, folding chains of constant factors and negations
// into one multiplication. Reassociating constants changes the last bits
// of a result; every backend runs the same folded program.
func (c *compiler) mulK(a int, k float64) int {
	if k == 1 {
		return a
	}
	if v, ok := c.isConst(a); ok {
		return c.constant(v * k)
	}
	if v := c.vals[a]; v.op == OpMulK {
		return c.mulK(v.args[0], v.k*k)
	}
	return c.add(value{op: OpMulK, args: [3]int{a}, nargs: 1, k: k})
}

func isCmp(f ir.Fn) bool {
	switch f {
	case ir.Lt, ir.Le, ir.Gt, ir.Ge:
		return true
	}
	return false
}

// mirror turns k < a into a > k.
func mirror(f ir.Fn) ir.Fn {
	switch f {
	case ir.Lt:
		return ir.Gt
	case ir.Le:
		return ir.Ge
	case ir.Gt:
		return ir.Lt
	}
	return ir.Le
}

// cmpK compares a with a constant. (x + k1) > k compares x with k - k1
// exactly: a difference of two doubles is zero only when they are equal,
// so its sign is the order of the operands.
func (c *compiler) cmpK(f ir.Fn, a int, k float64) int {
	if v := c.vals[a]; v.op == OpAddK && k == 0 {
		a, k = v.args[0], -v.k
	}
	return c.add(value{op: OpCmpK, fn: f, args: [3]int{a}, nargs: 1, k: k})
}

// addK returns a+k, folding chains of constant terms.
func (c *compiler) addK(a int, k float64) int {
	if k == 0 {
		return a
	}
	if v := c.vals[a]; v.op == OpAddK {
		return c.addK(v.args[0], v.k+k)
	}
	return c.add(value{op: OpAddK, args: [3]int{a}, nargs: 1, k: k})
}

// scatterAdd rewrites a store of x + e to a neuron variable x through a
// synapse as an accumulation of e, which stays right when several synapses
// of one chunk reach the same neuron.
func (c *compiler) scatterAdd(o *output, users []int) bool {
	v := c.vals[o.val]
	if users[o.val] != 1 {
		return false
	}
	load, ok := c.memo[value{op: OpLoad, slot: o.slot, args: [3]int{-1, -1, -1}}]
	if !ok || users[load] != 1 {
		return false
	}
	// x_post += f(x_pre) on synapses within one group reads neurons that
	// earlier events of the chunk have changed: one element at a time.
	for _, sl := range c.slots {
		if out := c.slots[o.slot]; sl.Name == out.Name && sl.Index != out.Index {
			return false
		}
	}
	// The increment e of x = x + e, in the forms the peephole rules give.
	e := -1
	switch {
	case v.op == OpFn && v.fn == ir.Add && v.args[0] == load:
		e = v.args[1]
	case v.op == OpFn && v.fn == ir.Add && v.args[1] == load:
		e = v.args[0]
	case v.op == OpFn && v.fn == ir.Sub && v.args[0] == load:
		e = c.mulK(v.args[1], -1)
	case v.op == OpAxpyK && v.args[1] == load:
		e = c.mulK(v.args[0], v.k)
	case v.op == OpAddK && v.args[0] == load:
		e = c.constant(v.k)
	}
	if e < 0 {
		return false
	}
	o.val, o.op = e, OpScatterAdd
	return true
}

// live marks the values the outputs need and counts each value's users.
func (c *compiler) live(outs []output, result int) (live []bool, users []int) {
	live = make([]bool, len(c.vals))
	users = make([]int, len(c.vals))
	var mark func(id int)
	mark = func(id int) {
		if live[id] {
			return
		}
		live[id] = true
		v := c.vals[id]
		for i := 0; i < v.nargs; i++ {
			mark(v.args[i])
		}
	}
	for _, o := range outs {
		mark(o.val)
	}
	if result >= 0 {
		mark(result)
	}
	for id, v := range c.vals {
		if !live[id] {
			continue
		}
		for i := 0; i < v.nargs; i++ {
			users[v.args[i]]++
		}
	}
	for _, o := range outs {
		users[o.val]++
	}
	if result >= 0 {
		users[result]++
	}
	return live, users
}

func (c *compiler) emit(outs []output, result int) (*Program, error) {
	_, users := c.live(outs, result)
	serial := false
	for i := range outs {
		o := &outs[i]
		if o.key.idx == ir.Pre || o.key.idx == ir.Post {
			if c.scatterAdd(o, users) {
				_, users = c.live(outs, result)
				continue
			}
			serial = true
		}
	}
	live, _ := c.live(outs, result)

	// Last use of each value, counted in instructions.
	order := []int{}
	for id, v := range c.vals {
		if live[id] && !v.cnst {
			order = append(order, id)
		}
	}
	lastUse := make([]int, len(c.vals))
	for t, id := range order {
		v := c.vals[id]
		for i := 0; i < v.nargs; i++ {
			lastUse[v.args[i]] = t
		}
	}
	for i, o := range outs {
		lastUse[o.val] = len(order) + i
	}
	if result >= 0 {
		lastUse[result] = math.MaxInt
	}

	p := &Program{Slots: c.slots, Scalars: c.scalars, Result: -1, Serial: serial, Uses: c.uses}
	reg := make([]int32, len(c.vals))
	for i := range reg {
		reg[i] = -1
	}
	var free []int32
	newReg := func() int32 {
		if n := len(free); n > 0 {
			r := free[n-1]
			free = free[:n-1]
			return r
		}
		p.NumRegs++
		return int32(p.NumRegs - 1)
	}
	for id, v := range c.vals {
		if live[id] && v.cnst {
			reg[id] = newReg()
			p.Consts = append(p.Consts, Const{Reg: reg[id], Value: v.k})
		}
	}
	for t, id := range order {
		v := c.vals[id]
		in := Instr{Op: v.op, Fn: v.fn, Slot: v.slot, Draw: v.draw, K: v.k, A: -1, B: -1, C: -1}
		ops := [3]*int32{&in.A, &in.B, &in.C}
		for i := 0; i < v.nargs; i++ {
			*ops[i] = reg[v.args[i]]
		}
		// Registers whose value dies here can hold the result: the
		// element-wise loops read each operand before writing it.
		for i := 0; i < v.nargs; i++ {
			a := v.args[i]
			if lastUse[a] == t && !c.vals[a].cnst && reg[a] >= 0 {
				free = append(free, reg[a])
				reg[a] = -2 // freed; keep from freeing twice
			}
		}
		in.Dst = newReg()
		reg[id] = in.Dst
		p.Code = append(p.Code, in)
	}
	for _, o := range outs {
		p.Code = append(p.Code, Instr{Op: o.op, Slot: o.slot, A: reg[o.val], B: -1, C: -1})
	}
	if result >= 0 {
		p.Result = reg[result]
	}
	for _, in := range p.Code {
		if in.Op == OpStore || in.Op == OpScatterAdd {
			if in.A < 0 {
				return nil, fmt.Errorf("kernel: internal error: store of a freed register")
			}
		}
	}
	return p, nil
}
