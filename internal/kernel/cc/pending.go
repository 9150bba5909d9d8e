package cc

import (
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/cajal-sim/cajal/internal/kernel"
)

// Compiler compiles programs in the background into a cache directory and
// loads them. Its methods are safe for concurrent use. The zero value is
// not usable; make one with NewCompiler, or use Request, which shares one
// for the process.
type Compiler struct {
	dir string

	tcOnce sync.Once
	tc     *toolchain
	tcErr  error

	sem chan struct{} // bounds concurrent compiler processes

	mu     sync.Mutex
	shapes map[string]*shapeBuild // by object key

	compiles, loads atomic.Int64
}

// shapeBuild is the compilation and loading of one program shape, shared
// by all programs of that shape.
type shapeBuild struct {
	done chan struct{}
	fn   uintptr
	err  error
}

// NewCompiler returns a compiler caching its objects in dir ("" for
// DefaultDir).
func NewCompiler(dir string) *Compiler {
	return &Compiler{dir: dir, shapes: map[string]*shapeBuild{},
		sem: make(chan struct{}, max(1, runtime.NumCPU()/2))}
}

var (
	defaultOnce     sync.Once
	defaultCompiler *Compiler
)

// Request starts compiling p in the background with the process's shared
// compiler (caching in DefaultDir) and returns at once.
func Request(p *kernel.Program) *Pending { return shared().Request(p) }

// shared returns the process's shared compiler.
func shared() *Compiler {
	defaultOnce.Do(func() { defaultCompiler = NewCompiler("") })
	return defaultCompiler
}

// Stats reports how many times the compiler ran the C compiler and how
// many objects it loaded (each shape once per process).
func (c *Compiler) Stats() (compiles, loads int) {
	return int(c.compiles.Load()), int(c.loads.Load())
}

// Pending is a program being compiled.
type Pending struct {
	done chan struct{}
	prog atomic.Pointer[Program]
	err  error // set before done is closed
}

// Request starts compiling p in the background and returns at once.
// Programs of one shape share one compilation, and an object already in
// the cache is loaded without compiling.
func (c *Compiler) Request(p *kernel.Program) *Pending {
	pd := &Pending{done: make(chan struct{})}
	go func() {
		prog, err := c.compile(p)
		if err == nil {
			pd.prog.Store(prog)
		}
		pd.err = err
		close(pd.done)
	}()
	return pd
}

// compile returns p compiled, compiling and loading its shape if no other
// request has.
func (c *Compiler) compile(p *kernel.Program) (*Program, error) {
	if err := c.Available(); err != nil {
		return nil, err
	}
	src, err := Source(p)
	if err != nil {
		return nil, err
	}
	key := c.tc.key(src)
	c.mu.Lock()
	b, ok := c.shapes[key]
	if !ok {
		b = &shapeBuild{done: make(chan struct{})}
		c.shapes[key] = b
	}
	c.mu.Unlock()
	if ok {
		<-b.done
	} else {
		b.fn, b.err = c.buildShape(key, src)
		close(b.done)
	}
	if b.err != nil {
		return nil, b.err
	}
	nbuf := 0
	for _, in := range p.Code {
		if in.Op == kernel.OpStore || in.Op == kernel.OpScatterAdd {
			nbuf++
		}
	}
	return &Program{fn: b.fn, p: p, params: p.Params(), nbuf: nbuf, elementwise: p.Elementwise(),
		split: splittable(p)}, nil
}

// buildShape compiles (unless cached) and loads the object of a shape.
func (c *Compiler) buildShape(key, src string) (uintptr, error) {
	dir := c.dir
	if dir == "" {
		var err error
		if dir, err = DefaultDir(); err != nil {
			return 0, err
		}
	}
	c.sem <- struct{}{}
	compiled, err := c.tc.build(dir, key, src)
	<-c.sem
	if compiled {
		c.compiles.Add(1)
	}
	if err != nil {
		return 0, err
	}
	fn, err := load(filepath.Join(dir, key+".so"))
	if err == nil {
		c.loads.Add(1)
	}
	return fn, err
}

// Ready returns the compiled program once it is there; it never blocks
// and costs an atomic load, for a simulator to call at step boundaries.
func (pd *Pending) Ready() (kernel.Compiled, bool) {
	if p := pd.prog.Load(); p != nil {
		return p, true
	}
	return nil, false
}

// Done reports whether the compilation has finished, well or not.
func (pd *Pending) Done() bool {
	select {
	case <-pd.done:
		return true
	default:
		return false
	}
}

// Err returns why the compilation failed, in one line, once it has; nil
// while it runs or when it succeeded.
func (pd *Pending) Err() error {
	if !pd.Done() {
		return nil
	}
	return pd.err
}

// Wait blocks until the compilation ends and returns its result.
func (pd *Pending) Wait() (kernel.Compiled, error) {
	<-pd.done
	if pd.err != nil {
		return nil, pd.err
	}
	return pd.prog.Load(), nil
}

// Available reports, in one line, why this process cannot compile kernels
// (a static build, no C compiler), or nil when it can. It runs the
// compiler's --version once.
func (c *Compiler) Available() error {
	if !available {
		return ErrUnavailable
	}
	c.tcOnce.Do(func() { c.tc, c.tcErr = findToolchain() })
	return c.tcErr
}

// Available is Compiler.Available of the process's shared compiler.
func Available() error { return shared().Available() }
