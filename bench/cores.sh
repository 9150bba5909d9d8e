#!/bin/sh
# What a second core can give a simulation step on this machine, measured
# in plain C (bench/cores.c): the round trip of a hand-over between two
# threads, a phased neuron update on one and two threads, and a step of
# seed 000's size (synaptic events and updates, one barrier). It sets the
# ceiling for Cajal's threads here; see bench/README.md. Usage:
#
#   bench/cores.sh
#
# Needs a C compiler (CC, else cc) with POSIX threads.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$root/bench/out"
${CC:-cc} -O3 -march=native -ffp-contract=off -o "$root/bench/out/cores" "$root/bench/cores.c" -lpthread
exec "$root/bench/out/cores"
