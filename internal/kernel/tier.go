package kernel

// Compiled is a program compiled to machine code by a native tier. Each
// method computes, bit for bit, what the Machine method of the same name
// computes in the interpreter, and is safe for concurrent use by several
// goroutines, each with its own Env.
type Compiled interface {
	Range(env *Env, lo, hi int) error
	Indices(env *Env, idx []int32) error
	Filter(env *Env, lo, hi int, out []int32) ([]int32, error)
	Rows(env *Env, rows, begin, end []int32) error
}
