#!/bin/sh
# Time Brian2 (C++ standalone) and Cajal on the same networks and print a
# table of seconds of simulation loop per simulated second. See
# bench/README.md. Usage, from anywhere in the repository:
#
#   bench/peer.sh [--repeat N] [--threads T] [MODEL...]
#
# MODEL is coba, cuba or vogels2011 (default: all three). Needs Go, a C++
# compiler and a python3 with brian2 (set PYTHON to choose one).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
py=""
for p in ${PYTHON:-} python3 /usr/bin/python3; do
	if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import brian2' >/dev/null 2>&1; then
		py=$p
		break
	fi
done
if [ -z "$py" ]; then
	echo "peer.sh: no python3 with brian2 found (try: apt-get install python3-brian, or set PYTHON)" >&2
	exit 1
fi
mkdir -p bench/out
go build -o bench/out/peer ./bench/peer
exec "$py" -W ignore bench/brian2_peer.py --cajal bench/out/peer --workdir bench/out "$@"
