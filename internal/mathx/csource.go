package mathx

import _ "embed"

// CSource is mathx.h: the functions of this package as static inline C
// functions cj_exp, cj_expm1, cj_log, cj_log1p, cj_log10, cj_pow, cj_sin,
// cj_cos, cj_tan, cj_sinh, cj_cosh, cj_tanh and cj_exprel (double to
// double; cj_pow takes two), with helpers prefixed cj_. It needs
// <stdint.h>, <string.h> and <math.h> (included) and must be compiled
// with -ffp-contract=off and without -ffast-math.
//
//go:embed mathx.h
var CSource string
