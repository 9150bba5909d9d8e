// Package mathx holds the elementary functions that kernels compute,
// written once as an algorithm and coded statement for statement in Go
// (this package) and in C (mathx.h, embedded as CSource; a header of
// static inline functions, since Go builds without cgo refuse .c files), so that the
// interpreter and compiled C kernels give bit-identical results on every
// platform.
//
// Identity across languages and machines rests on three rules:
//
//   - Only IEEE 754 basic operations (+, -, *, /, sqrt) in round to
//     nearest, conversions between integers and floats, and bit operations
//     on the representation. No library function whose result the
//     platform chooses.
//   - No fused multiply-add: a product that feeds a sum is written
//     float64(a*b) + c in Go (an explicit conversion forbids fusion) and
//     compiled with -ffp-contract=off in C.
//   - The same constants, the same order of operations, the same
//     branches.
//
// Sqrt, Abs, Floor, Ceil and Trunc are exact operations under IEEE 754 (a
// correctly rounded square root, and operations whose result is
// representable): kernels use math.Sqrt, math.Abs, math.Floor, math.Ceil
// and math.Trunc in Go and sqrt, fabs, floor, ceil and trunc in C, and
// this package does not repeat them.
//
// Algorithms and accuracy (measured against Go's math on 10^5 random
// arguments per function, see the tests):
//
//   - Exp: reduction x = (k/128) ln2 + r with |r| <= ln2/256 (ln2/128 in
//     two parts), 2^(k mod 128 / 128) from a table of 128 entries (each
//     rounded value and its relative error, as bit patterns written
//     identically in both languages), a Taylor polynomial of degree 5
//     for e^r - 1, and scaling by 2^floor(k/128) as two multiplications
//     by normal powers of two (so that results near overflow and
//     subnormal results need no branch). Branch free apart from selects;
//     the table lookups vectorise as gathers.
//   - Expm1: Exp's reduction and table, a Taylor polynomial of degree
//     6, and e^x - 1 = (s - 1) + E + (s - 1) E (s the power of two times
//     the table entry, E = e^r - 1 with the table's error) with s - 1 and
//     (s - 1) + r as exact double-doubles, so that it stays accurate near
//     0; above x = 40.2 the 1 is dropped and the scaling split as for Exp.
//   - Log, Log10, Log1p: the FDLIBM algorithm (a rational approximation in
//     s = f/(2+f)), branch free apart from selects; Log1p adds the
//     rounding error of 1+x as a correction term. Log10 is Log(x)/ln10 as
//     a multiplication, as in Go.
//   - Pow: Go's algorithm (special cases, x^yi by repeated squaring with
//     the exponent kept apart, x^yf as Exp(yf Log x)), with its accuracy.
//   - Sin, Cos, Tan: Go's (Cephes) algorithms: reduction by pi/4 in three
//     parts for |x| < 2^29 and Payne-Hanek reduction with 1/pi to 1216
//     bits above, coded with 64-bit integers in both languages.
//   - Sinh, Cosh: Go's algorithms on top of Exp, with e^|x|/2 formed
//     without overflow of e^|x| (finite up to |x| = 710.47, where Go's
//     overflow from 709.78 on).
//   - Tanh: Go's rational approximation below 0.625, t/(t+2) with t =
//     Expm1(2|x|) above.
//   - Exprel: Expm1(x)/x, and 1 at 0.
//   - Lgamma: FDLIBM's algorithm as in Go's math.Lgamma (rational
//     approximations below 8, Stirling's series above, the reflection
//     formula for x < 0), on this package's Log and Sin; the reduction
//     of x modulo 2 is done exactly with Floor.
//
// Measured: Exp, Expm1, Log, Log1p and Exprel lie within 1 ulp of the
// correctly rounded result (400-bit references); Sin, Cos, Tan, Log and
// Lgamma give Go's bits on amd64 (Lgamma within an ulp of Go's fused
// form with GOAMD64=v3, for x > 0); the rest lie within 1 to 3 ulp of Go's math,
// whose assembly Exp is itself up to 2 ulp off (and wrong near overflow,
// as its assembly Log is for subnormal arguments). See the tests.
//
// Special values (NaN, infinities, signed zeros) follow Go's math.
//
// Exp, Expm1, Exprel, Log, Log10, Log1p, Sinh, Cosh and Tanh have no
// branches in their C form (only selects), and gcc -O3 vectorises loops
// over them; Sin, Cos, Tan (a branch to Payne-Hanek reduction), Pow
// (Go's special cases and a loop) and Lgamma (branches by range) do not
// vectorise. mathx.h refuses to
// compile where double arithmetic carries extended precision
// (FLT_EVAL_METHOD != 0, as with the x87 unit).
//
// The C code calls trunc and sqrt from <math.h>; link with -lm where the
// compiler does not inline them.
package mathx
