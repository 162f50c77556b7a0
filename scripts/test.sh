#!/usr/bin/env bash
# test.sh - builds QuantC and runs every test: the lit suite (through ctest),
# the Python tests, and a check that the generated docs in docs/ are current.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${QUANTC_BUILD_DIR:-$root/build}
export QUANTC_BUILD_DIR=$build

"$root/scripts/build.sh"

echo "== lit suite (ctest)"
ctest --test-dir "$build" --output-on-failure

echo "== Python tests"
/usr/bin/python3 -m unittest discover -s "$root/python/tests" -t "$root/python" -v

echo "== generated docs are current"
cmake --build "$build" --target quantc-doc >/dev/null
git -C "$root" diff --exit-code -- docs/Dialects docs/Passes ||
  { echo "docs/ is stale: commit the output of 'ninja quantc-doc'" >&2; exit 1; }
