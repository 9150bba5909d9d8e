#!/bin/sh
# A C compiler for tier 1 on arm64 under qemu-user (CAJAL_CC): Debian's
# cross compiler (gcc-aarch64-linux-gnu), with the project's flags but
# -march=native, which names the host's processor and which a cross
# compiler refuses (the kernels then target the baseline armv8-a).
args=""
for a in "$@"; do
  [ "$a" = "-march=native" ] || args="$args $a"
done
exec aarch64-linux-gnu-gcc $args
