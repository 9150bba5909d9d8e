// Package mathx holds the elementary functions the kernels compute, each
// written once in Go and once in C (CSource) with the same operations in
// the same order, so that the interpreter and the compiled tier give the
// same bits.
//
// This is a stand-in: Exp and Log are exact ports of Go's portable
// algorithms, written identically in Go and C; the other functions call
// the math package in Go and libm in C, which agree to within an ulp but
// not bit for bit.
package mathx
