package mathx

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"testing"
)

// kernelPath are the packages whose floating-point code computes kernel
// values and must not fuse multiply-adds.
var kernelPath = []string{"./internal/mathx", "./internal/kernel", "./internal/ir", "./internal/rng"}

// fused matches a line of the compiler's assembly listing with a fused
// multiply-add instruction of arm64 or amd64.
var fused = regexp.MustCompile(`(?m)^.*\t(F(N)?M(ADD|SUB)D|VFN?M(ADD|SUB)[0-9]+SD)\t.*$`)

// TestNoFusedMultiplyAdd compiles the kernel path for arm64 and for amd64
// with FMA (GOAMD64=v3), the targets where Go fuses a*b + c, and demands
// that no fused instruction appears.
func TestNoFusedMultiplyAdd(t *testing.T) {
	if testing.Short() {
		t.Skip("cross-compiles packages")
	}
	goTool := filepath.Join(runtime.GOROOT(), "bin", "go")
	if _, err := os.Stat(goTool); err != nil {
		t.Skipf("no go command: %v", err)
	}
	for _, env := range [][]string{{"GOARCH=arm64"}, {"GOARCH=amd64", "GOAMD64=v3"}} {
		args := append([]string{"build", "-gcflags=-S", "-o", os.DevNull}, kernelPath...)
		cmd := exec.Command(goTool, args...)
		cmd.Dir = "../.."
		cmd.Env = append(append(os.Environ(), "CGO_ENABLED=0"), env...)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%v go build: %v\n%s", env, err, out)
		}
		for _, line := range fused.FindAll(out, -1) {
			t.Errorf("%v: fused multiply-add: %s", env, line)
		}
	}
}
