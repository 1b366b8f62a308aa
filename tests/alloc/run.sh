#!/bin/sh
# SPDX-License-Identifier: MIT
# Runs each command with each of its allocations failing in turn (the
# failalloc shim, LD_PRELOAD) and fails when any run ends dishonestly: a
# crash, a sanitizer report, a partial result with the normal exit code, or
# an exit code other than 71 (out of memory) with its message. Every command
# reads the shipped question file.
#   run.sh SHIM BINARY SOURCE_DIR
set -eu
shim=$1 binary=$2 src=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Under AddressSanitizer the shim comes before its runtime, on purpose.
# Leaks are left to the other sanitizer tests: a leak check at each of
# thousands of exits would take most of CI's time.
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0:detect_leaks=0"
export ASAN_OPTIONS
# A fixed date: the summary and FHIR outputs are compared with the reference
# run's, to the byte.
SOURCE_DATE_EPOCH=1700000000
export SOURCE_DATE_EPOCH
questions=$src/questions/en.yaml
answers=$src/tests/data/answers/iron.txt
printf 'yes\nno\nunsure\nyes\nno\nyes\nno\nno\nno\nno\nno\nno\nno\nno\n' >"$work/typed"
failed=0
try() { # [stdin] ARG...
    input=/dev/null
    case "$1" in /*) input=$1; shift ;; esac
    echo "== musclecheck $*"
    if ! env MC_FAILALLOC_RUN="$work" MC_FAILALLOC_STDIN="$input" LD_PRELOAD="$shim" \
        "$binary" "$@"; then
        failed=$((failed + 1))
    fi
}
try --check "$questions"
try --check "$src/tests/data/bad/many-errors.yaml"
try -q "$questions" --list
try -q "$questions" --list --format json
try -q "$questions" --list --format fhir
for format in text json summary fhir; do
    try -q "$questions" --batch --answers "$answers" --format "$format"
done
try "$work/typed" -q "$questions" --plain
try --help
if [ "$failed" -gt 0 ]; then
    echo "alloc: $failed commands ended dishonestly when an allocation failed"
    exit 1
fi
echo "alloc: every command is honest when any one allocation fails"
