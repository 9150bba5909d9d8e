package cc

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/cajal-sim/cajal/internal/ir"
	"github.com/cajal-sim/cajal/internal/kernel"
	"github.com/cajal-sim/cajal/internal/mathx"
	"github.com/cajal-sim/cajal/internal/rng"
)

// generatorVersion changes whenever the generated C changes meaning; it is
// part of the cache key.
const generatorVersion = "cc-2"

// entryName is the exported C function of every compiled object.
const entryName = "cajal_kernel"

// Run modes, the field mode of the argument block.
const (
	modeRange = iota
	modeIndices
	modeFilter
	modeRows
)

// argsDecl is the C argument block; args in call.go mirrors it field for
// field, every field eight bytes.
const argsDecl = `typedef struct {
	int64_t mode, lo, hi;
	const int32_t *idx; int64_t nidx;
	const int32_t *rows; int64_t nrows; const int32_t *begin, *end; int64_t prebase;
	int32_t *out; int64_t nout;
	double **arrays; const double *scalars, *k;
	const int32_t *pre, *post;
	uint64_t sk; int64_t check;
	double *buf;
	int64_t direct;
	const int32_t *ordinal;
	int64_t split;
	const int32_t *idxpre;
} cj_args;
`

// Source returns the complete C source of p's compiled form: the shared
// prelude and the kernel function. It fails for an instruction it does not
// know.
func Source(p *kernel.Program) (string, error) {
	var b strings.Builder
	b.WriteString(prelude())
	err := writeKernel(&b, p)
	return b.String(), err
}

// prelude is the part of every source that does not depend on the
// program: headers, mathx, the random generator and the operations.
func prelude() string {
	var b strings.Builder
	b.WriteString("#include <stdint.h>\n#include <string.h>\n#include <math.h>\n\n")
	b.WriteString(mathx.CSource)
	b.WriteString("\n")
	b.WriteString(argsDecl)
	writeRNG(&b)
	b.WriteString(opsSource)
	b.WriteString(binomialSource)
	return b.String()
}

// writeRNG writes the random generator of package rng in C: the SplitMix64
// hash and the ziggurat with its tables.
func writeRNG(b *strings.Builder) {
	kt, wt, ft := rng.Ziggurat()
	fmt.Fprintf(b, "#define CJ_GOLDEN 0x%xull\n#define CJ_K1 0x%xull\n#define CJ_K2 0x%xull\n",
		uint64(rng.Golden), uint64(rng.K1), uint64(rng.K2))
	b.WriteString("static const uint32_t cj_zk[128] = {")
	for i, x := range kt {
		if i%8 == 0 {
			b.WriteString("\n\t")
		}
		fmt.Fprintf(b, "%du, ", x)
	}
	b.WriteString("\n};\n")
	for _, t := range []struct {
		name string
		vals [128]float64
	}{{"cj_zw", wt}, {"cj_zf", ft}} {
		fmt.Fprintf(b, "static const double %s[128] = {", t.name)
		for i, x := range t.vals {
			if i%4 == 0 {
				b.WriteString("\n\t")
			}
			b.WriteString(cfloat(x) + ", ")
		}
		b.WriteString("\n};\n")
	}
	b.WriteString(rngSource)
}

// cfloat writes x as a C hexadecimal literal, which reads back exactly.
func cfloat(x float64) string {
	return strconv.FormatFloat(x, 'x', -1, 64)
}

// rngSource ports rng.StepKey.Bits, Uniform and Normal.
const rngSource = `
static inline uint64_t cj_mix(uint64_t z) {
	z = (z ^ (z >> 30)) * CJ_K1;
	z = (z ^ (z >> 27)) * CJ_K2;
	return z ^ (z >> 31);
}
static inline uint64_t cj_bits(uint64_t sk, uint64_t elem, uint64_t draw) {
	return cj_mix(cj_mix(sk ^ (elem*CJ_K2 + draw*CJ_K1)) + CJ_GOLDEN);
}
static inline double cj_uniform(uint64_t sk, uint64_t elem, uint64_t draw) {
	return (double)(cj_bits(sk, elem, draw) >> 11) * 0x1p-53;
}
static inline double cj_sunif(uint64_t z, uint64_t *n) {
	*n += 1;
	return ((double)(cj_mix(z + *n*CJ_GOLDEN) >> 11) + 0.5) * 0x1p-53;
}
static inline uint32_t cj_abs32(int32_t x) { return x < 0 ? (uint32_t)(-(int64_t)x) : (uint32_t)x; }
static double cj_normal_slow(uint64_t b, int32_t hz, uint32_t iz) {
	const double R = 3.442619855899;
	uint64_t n = 0;
	for (;;) {
		double x = (double)hz * cj_zw[iz];
		if (iz == 0) {
			for (;;) {
				x = -cj_log(cj_sunif(b, &n)) / R;
				double y = -cj_log(cj_sunif(b, &n));
				if (y+y >= x*x) break;
			}
			return hz > 0 ? R + x : -R - x;
		}
		if (cj_zf[iz] + cj_sunif(b, &n)*(cj_zf[iz-1]-cj_zf[iz]) < cj_exp(-0.5*x*x)) return x;
		n += 1;
		uint64_t w = cj_mix(b + n*CJ_GOLDEN);
		hz = (int32_t)(uint32_t)w;
		iz = (uint32_t)(w >> 32) & 127;
		if (cj_abs32(hz) < cj_zk[iz]) return (double)hz * cj_zw[iz];
	}
}
static inline double cj_normal(uint64_t sk, uint64_t elem, uint64_t draw) {
	uint64_t b = cj_bits(sk, elem, draw);
	int32_t hz = (int32_t)(uint32_t)b;
	uint32_t iz = (uint32_t)(b >> 32) & 127;
	if (cj_abs32(hz) < cj_zk[iz]) return (double)hz * cj_zw[iz];
	return cj_normal_slow(b, hz, iz);
}
`

// opsSource holds the operations that are more than one C operator, each
// as ir.Eval computes it, special cases and NaN bits included.
const opsSource = `
static inline double cj_bits2f(uint64_t b) { double x; memcpy(&x, &b, 8); return x; }
static inline uint64_t cj_f2bits(double x) { uint64_t b; memcpy(&b, &x, 8); return b; }
static inline int cj_bad(double x) { return ((cj_f2bits(x) >> 52) & 0x7FF) == 0x7FF; }
/* Bit 63 set if x is NaN or infinite (its exponent, all ones, carries into
   the sign bit): OR-ed into a kernel's dbad in three vector operations. */
static inline uint64_t cj_badw(double x) { return (cj_f2bits(x) & 0x7FF0000000000000ULL) + 0x0010000000000000ULL; }
static inline double cj_b2f(int c) { return c ? 1.0 : 0.0; }
static inline double cj_pymod(double x, double y) {
	double m;
	if (y == 0 || __builtin_isinf(x) || x != x || y != y) m = cj_bits2f(CJ_NAN);
	else m = __builtin_fmod(x, y);
	if (m != 0 && (m < 0) != (y < 0)) m += y;
	return m;
}
static inline double cj_sign(double x) { return x > 0 ? 1.0 : (x < 0 ? -1.0 : x); }
static inline double cj_max(double x, double y) {
	const double inf = cj_bits2f(0x7FF0000000000000ull);
	if (x == inf || y == inf) return inf;
	if (x != x || y != y) return cj_bits2f(CJ_NAN);
	if (x == 0 && y == 0) return (cj_f2bits(x) >> 63) ? y : x;
	return x > y ? x : y;
}
static inline double cj_min(double x, double y) {
	const double ninf = cj_bits2f(0xFFF0000000000000ull);
	if (x == ninf || y == ninf) return ninf;
	if (x != x || y != y) return cj_bits2f(CJ_NAN);
	if (x == 0 && y == 0) return (cj_f2bits(x) >> 63) ? x : y;
	return x < y ? x : y;
}
static inline double cj_clip(double x, double lo, double hi) {
	if (x < lo) x = lo;
	if (x > hi) x = hi;
	return x;
}
`

// cFuncs name the C function of each operation that is a call.
var cFuncs = map[ir.Fn]string{
	ir.Pow: "cj_pow", ir.Mod: "cj_pymod", ir.Exp: "cj_exp", ir.Log: "cj_log", ir.Log10: "cj_log10",
	ir.Sqrt: "__builtin_sqrt", ir.Abs: "__builtin_fabs", ir.Sin: "cj_sin", ir.Cos: "cj_cos",
	ir.Tan: "cj_tan", ir.Sinh: "cj_sinh", ir.Cosh: "cj_cosh", ir.Tanh: "cj_tanh",
	ir.Floor: "__builtin_floor", ir.Ceil: "__builtin_ceil", ir.Sign: "cj_sign",
	ir.Trunc: "__builtin_trunc", ir.Exprel: "cj_exprel", ir.Expm1: "cj_expm1",
	ir.Log1p: "cj_log1p", ir.Min: "cj_min", ir.Max: "cj_max", ir.Clip: "cj_clip",
	ir.Binomial: "cj_binomial",
}

// fnExpr writes an operation on the registers a, b, c as C.
func fnExpr(f ir.Fn, a, b, c string) (string, error) {
	switch f {
	case ir.Add:
		return a + " + " + b, nil
	case ir.Sub:
		return a + " - " + b, nil
	case ir.Mul:
		return a + " * " + b, nil
	case ir.Div:
		return a + " / " + b, nil
	case ir.Neg:
		return "-" + a, nil
	case ir.FloorDiv:
		return "__builtin_floor(" + a + " / " + b + ")", nil
	case ir.Lt, ir.Le, ir.Gt, ir.Ge, ir.Eq, ir.Ne:
		return fmt.Sprintf("cj_b2f(%s %s %s)", a, f, b), nil
	case ir.And:
		return fmt.Sprintf("cj_b2f(%s != 0 && %s != 0)", a, b), nil
	case ir.Or:
		return fmt.Sprintf("cj_b2f(%s != 0 || %s != 0)", a, b), nil
	case ir.Not:
		return fmt.Sprintf("cj_b2f(%s == 0)", a), nil
	case ir.Select:
		return fmt.Sprintf("(%s != 0 ? %s : %s)", a, b, c), nil
	}
	if f == ir.Binomial {
		// The kernel's memo of the last n and p: a PoissonInput draws
		// with the same n and p for every neuron.
		return fmt.Sprintf("cj_binomial(&cj_bm, %s, %s, %s)", a, b, c), nil
	}
	name, ok := cFuncs[f]
	if !ok {
		return "", fmt.Errorf("cc: no C form for operation %s", f)
	}
	return name + "(" + strings.Join([]string{a, b, c}[:f.Arity()], ", ") + ")", nil
}
