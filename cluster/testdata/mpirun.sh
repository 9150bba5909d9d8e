#!/bin/sh
# mpirun with the settings this project's tests use (mpienv.sh), more
# ranks than cores allowed, and --allow-run-as-root as root. Arguments are
# passed through, for example
#   cluster/testdata/mpirun.sh -np 3 ./cluster.test -test.v
set -eu
. "$(dirname "$0")/mpienv.sh"
if [ "$(id -u)" = 0 ]; then
  set -- --allow-run-as-root "$@"
fi
exec mpirun --oversubscribe "$@"
