//go:build cajal_static

package cc

// available reports whether this build can load compiled objects: a
// static build cannot.
const available = false

func load(path string) (uintptr, error) { return 0, ErrUnavailable }

func loadSym(path, name string) (uintptr, error) { return 0, ErrUnavailable }

// invoke is never reached: nothing loads in a static build.
func invoke(fn uintptr, a *args) int64 { return -1 }

func callN(fn uintptr, a []uintptr) uintptr { return 0 }
