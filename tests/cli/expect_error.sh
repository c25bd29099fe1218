#!/bin/sh
# Runs `wijkplan ARGS...` inside DATADIR and checks that it fails cleanly on bad input:
# exit status 2, EXPECTED as one whole line of stderr, and no output file left behind.
# The argument OUT is replaced by a path in a fresh temporary directory; "<semicolon>" in
# EXPECTED stands for ";", which CMake lists cannot carry.
# usage: expect_error.sh WIJKPLAN DATADIR EXPECTED ARGS...
set -u
wijkplan=$1
dir=$2
expected=$(printf '%s' "$3" | sed 's/<semicolon>/;/g')
shift 3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
out="$tmp/out.json"
for arg in "$@"; do
    shift
    if [ "$arg" = OUT ]; then set -- "$@" "$out"; else set -- "$@" "$arg"; fi
done
cd "$dir" || exit 1
"$wijkplan" "$@" >/dev/null 2>"$tmp/stderr"
status=$?
fail=0
if [ "$status" -ne 2 ]; then
    echo "expected exit status 2, got $status"
    fail=1
fi
if ! grep -Fxq -- "$expected" "$tmp/stderr"; then
    echo "expected this line on stderr:"
    echo "  $expected"
    echo "got:"
    sed 's/^/  /' "$tmp/stderr"
    fail=1
fi
if [ -e "$out" ] || ls "$tmp" | grep -q '\.tmp\.'; then
    echo "an output file was written"
    fail=1
fi
exit $fail
