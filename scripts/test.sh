#!/usr/bin/env bash
# test.sh - builds QuantC and runs every test: the lit suite (through ctest),
# the Python tests, and a check that the generated docs in docs/ are current.
# Ends with one line "N passed, N failed" over all of them.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${QUANTC_BUILD_DIR:-$root/build}
export QUANTC_BUILD_DIR=$build
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT

"$root/scripts/build.sh"

status=0
echo "== lit suite (ctest)"
ctest --test-dir "$build" --output-on-failure -V >"$logs/lit" 2>&1 || status=1
grep -E '^[0-9]+: (FAIL|XPASS|UNRESOLVED):|Total Discovered|Passed:|Failed:|Unsupported:|tests passed' "$logs/lit" |
  sed 's/^[0-9]*: //' || true
[[ $status -eq 0 ]] || cat "$logs/lit"

echo "== Python tests"
/usr/bin/python3 -m unittest discover -s "$root/python/tests" -t "$root/python" -v \
  2>&1 | tee "$logs/py" || status=1
grep -q '^OK' "$logs/py" || status=1

echo "== generated docs are current"
docs_failed=0
cmake --build "$build" --target quantc-doc >/dev/null
if ! git -C "$root" diff --exit-code --stat -- docs/Dialects docs/Passes docs/ImporterOps.md; then
  echo "docs/ is stale: commit the output of 'ninja quantc-doc'" >&2
  docs_failed=1
  status=1
fi

# lit's summary: "Passed: N", "Failed: N", "Unsupported: N" (absent when 0).
lit_count() { sed -nE "s/^[0-9]+: +$1: +([0-9]+).*/\1/p" "$logs/lit" | head -1; }
lit_passed=$(lit_count Passed)
lit_failed=$(lit_count Failed)
lit_skipped=$(lit_count Unsupported)
py_run=$(sed -nE 's/^Ran ([0-9]+) tests?.*/\1/p' "$logs/py")
py_failed=$(sed -nE 's/^FAILED \((.*)\)/\1/p' "$logs/py" |
  { grep -oE '(failures|errors)=[0-9]+' || true; } | cut -d= -f2 | awk '{n += $1} END {print n + 0}')
py_failed=${py_failed:-0}
passed=$((${lit_passed:-0} + ${py_run:-0} - py_failed + 1 - docs_failed))
failed=$((${lit_failed:-0} + py_failed + docs_failed))
echo "${passed} passed, ${failed} failed, ${lit_skipped:-0} skipped"
exit $status
