package cc

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

// ErrUnavailable says that this build of the program cannot load compiled
// code (it was built with the tag cajal_static).
var ErrUnavailable = errors.New("cc: native tier unavailable in this build (built with cajal_static)")

// Flags are the compiler flags: optimised for this machine, without
// fused multiply-adds or other rewrites that change results.
var Flags = []string{"-O3", "-march=native", "-ffp-contract=off", "-fno-math-errno", "-fPIC", "-shared"}

// toolchain is a C compiler found on this machine.
type toolchain struct {
	argv []string // the command and any arguments from $CAJAL_CC
	id   string   // hash of its version, the flags, the architecture and the CPU
}

// CompilerEnv names the environment variable that chooses the C compiler
// (a command and arguments, as "gcc-12" or "clang"); without it, cc on the
// PATH. (Not CC, which the Go command reads for cgo.)
const CompilerEnv = "CAJAL_CC"

// findToolchain finds the C compiler: $CAJAL_CC, else cc on the PATH.
func findToolchain() (*toolchain, error) {
	argv := strings.Fields(os.Getenv(CompilerEnv))
	if len(argv) == 0 {
		argv = []string{"cc"}
	}
	path, err := exec.LookPath(argv[0])
	if err != nil {
		return nil, fmt.Errorf("cc: no C compiler (%s not found; install one, or name it in %s)", argv[0], CompilerEnv)
	}
	argv[0] = path
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, path, append(argv[1:], "--version")...).CombinedOutput()
	if err != nil {
		return nil, fmt.Errorf("cc: %s --version: %v", path, err)
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\n%q\n%q\n%s\n%s\n", generatorVersion, argv, Flags, runtime.GOARCH, out)
	h.Write(cpuID())
	return &toolchain{argv: argv, id: hex.EncodeToString(h.Sum(nil))}, nil
}

// cpuID identifies the processor for -march=native: objects compiled on
// one machine are not used on another with a shared cache directory.
func cpuID() []byte {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return nil
	}
	var id []byte
	for _, line := range bytes.Split(b, []byte("\n")) {
		if bytes.HasPrefix(line, []byte("model name")) || bytes.HasPrefix(line, []byte("flags")) ||
			bytes.HasPrefix(line, []byte("Features")) || bytes.HasPrefix(line, []byte("CPU part")) {
			id = append(append(id, line...), '\n')
		}
		if len(line) == 0 && len(id) > 0 {
			break // the first processor is enough
		}
	}
	return id
}

// key names the object compiled by tc from src, the source of a program
// shape: the source holds no constant values and no variable names, so
// programs that differ only in those share it, and any change of the
// generator, mathx or the random generator changes it.
func (tc *toolchain) key(src string) string {
	h := sha256.Sum256([]byte(tc.id + "\n" + src))
	return hex.EncodeToString(h[:16])
}

// DefaultDir is the cache directory of compiled objects:
// $CAJAL_KERNEL_CACHE, else the kernels folder of cajal in the user's
// cache directory.
func DefaultDir() (string, error) {
	if d := os.Getenv("CAJAL_KERNEL_CACHE"); d != "" {
		return d, nil
	}
	d, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("cc: no cache directory: %v", err)
	}
	return filepath.Join(d, "cajal", "kernels"), nil
}

// build compiles src into dir/key.so unless it is there already, and
// reports whether it ran the compiler. Concurrent processes do not collide:
// each writes its own temporary files and renames the object into place
// atomically.
func (tc *toolchain) build(dir, key, src string) (compiled bool, err error) {
	obj := filepath.Join(dir, key+".so")
	if _, err := os.Stat(obj); err == nil {
		return false, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return false, fmt.Errorf("cc: %v", err)
	}
	cfile, err := os.CreateTemp(dir, key+"-*.c")
	if err != nil {
		return false, fmt.Errorf("cc: %v", err)
	}
	defer os.Remove(cfile.Name())
	_, err = cfile.WriteString(src)
	if cerr := cfile.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return false, fmt.Errorf("cc: %v", err)
	}
	tmp := strings.TrimSuffix(cfile.Name(), ".c") + ".so.tmp"
	defer os.Remove(tmp)
	argv := append(append(append([]string{}, tc.argv[1:]...), Flags...), "-o", tmp, cfile.Name(), "-lm")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, tc.argv[0], argv...).CombinedOutput()
	if err != nil {
		msg := strings.TrimSpace(string(out))
		if i := strings.IndexByte(msg, '\n'); i >= 0 {
			msg = msg[:i] + " ..."
		}
		return true, fmt.Errorf("cc: compiling kernel %s: %v: %s", key, err, msg)
	}
	if err := os.Rename(tmp, obj); err != nil {
		return true, fmt.Errorf("cc: %v", err)
	}
	return true, nil
}
