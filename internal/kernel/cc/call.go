//go:build !cajal_static

package cc

import (
	"fmt"
	"unsafe"

	"github.com/ebitengine/purego"
)

// available reports whether this build can load compiled objects.
const available = true

// load opens a shared object and finds its kernel function.
func load(path string) (uintptr, error) {
	h, err := purego.Dlopen(path, purego.RTLD_NOW|purego.RTLD_LOCAL)
	if err != nil {
		return 0, fmt.Errorf("cc: loading %s: %v", path, err)
	}
	fn, err := purego.Dlsym(h, entryName)
	if err != nil {
		return 0, fmt.Errorf("cc: %s in %s: %v", entryName, path, err)
	}
	return fn, nil
}

// loadSym opens a shared object and finds the named function (for tests).
func loadSym(path, name string) (uintptr, error) {
	h, err := purego.Dlopen(path, purego.RTLD_NOW|purego.RTLD_LOCAL)
	if err != nil {
		return 0, err
	}
	return purego.Dlsym(h, name)
}

// invoke calls a kernel function with its argument block: one call into C
// for a whole Range, Indices, Filter or Rows.
func invoke(fn uintptr, a *args) int64 {
	// The variadic argument comes from the block itself, so the call
	// allocates nothing.
	a.self[0] = uintptr(unsafe.Pointer(a))
	r, _, _ := purego.SyscallN(fn, a.self[:]...)
	return int64(r)
}

// callN calls a C function with integer and pointer arguments (for tests).
func callN(fn uintptr, a []uintptr) uintptr {
	r, _, _ := purego.SyscallN(fn, a...)
	return r
}
