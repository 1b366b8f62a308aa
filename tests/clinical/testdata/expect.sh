#!/bin/sh
# SPDX-License-Identifier: MIT
# expect.sh CODE PATTERN ANTIPATTERN COMMAND...: runs COMMAND, prints its
# output, and passes when it exits CODE, its output (stdout and stderr)
# matches the extended regular expression PATTERN, and, unless ANTIPATTERN
# is empty, does not match ANTIPATTERN.
code=$1 pattern=$2 anti=$3
shift 3
out=$("$@" 2>&1)
rc=$?
printf '%s\n' "$out"
if [ "$rc" -ne "$code" ]; then
    echo "expect.sh: exit $rc, expected $code" >&2
    exit 1
fi
if ! printf '%s\n' "$out" | grep -Eq -- "$pattern"; then
    echo "expect.sh: no line matches: $pattern" >&2
    exit 1
fi
if [ -n "$anti" ] && printf '%s\n' "$out" | grep -Eq -- "$anti"; then
    echo "expect.sh: a line matches: $anti" >&2
    exit 1
fi
