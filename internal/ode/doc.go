// Package ode turns differential equations into update blocks: one step of
// an integration method, written as ir assignments the kernel compiler
// lowers like any other code.
//
// Methods: exact (linear equations with constant coefficients, coupled ones
// by the matrix exponential of the system, uncoupled ones in closed form per
// element), exponential_euler, euler (Euler-Maruyama with additive noise),
// rk2 (midpoint), rk4, heun (Stratonovich Heun for multiplicative noise, the
// improved Euler method without noise). The explicit methods are data: a
// Butcher tableau each. Choose picks a method as Brian2 does: exact if it
// applies, else euler if the noise is additive, else heun.
package ode
