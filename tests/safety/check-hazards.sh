#!/bin/sh
# SPDX-License-Identifier: MIT
# check-hazards.sh HAZARD_LOG SOURCE_DIR BUILD_DIR [CTEST]
#
# Keeps the hazard log (docs/safety/hazard-log.md) true as the product
# changes: every test it names must still exist. In the log, a table whose
# header has a cell "Test" names, in that column, each test between
# backquotes:
#
#   `NAME`             a ctest test
#   `NAME: FUNCTION`   a cmocka test function of that ctest test
#
# Anything else between backquotes in that column is refused, so that a
# typo cannot hide a reference; plain words ("none yet") are fine there.
#
# A ctest test exists when "CTEST -N" in BUILD_DIR lists it, or when a
# CMakeLists.txt under SOURCE_DIR/tests registers it by name (add_test(NAME
# ...)), which also counts tests that only some configurations register
# (valgrind_*, not under the sanitizers). A cmocka function exists when the
# test's source file defines it as a test (static void FUNCTION(void **...))
# and names it again (its registration). The source file is the one named
# after the program that add_test runs (add_test(NAME keys COMMAND
# test_keyseq ...) -> test_keyseq.c), else NAME.c (the unit tests).
#
# Prints FILE:LINE: HAZARD ... for each missing test and exits 1; exits 0
# with a count when every one exists; exits 2 on a usage error.
set -u
if [ $# -lt 3 ]; then
    echo "usage: check-hazards.sh HAZARD_LOG SOURCE_DIR BUILD_DIR [CTEST]" >&2
    exit 2
fi
log=$1 src=$2 build=$3 ctest=${4:-ctest}
[ -r "$log" ] || { echo "check-hazards: cannot read $log" >&2; exit 2; }
[ -d "$src/tests" ] || { echo "check-hazards: $src has no tests folder" >&2; exit 2; }

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM

# The ctest tests of this build, one name a line.
if ! "$ctest" -N --test-dir "$build" >"$tmp/ctest.out" 2>&1; then
    cat "$tmp/ctest.out" >&2
    echo "check-hazards: \"$ctest -N --test-dir $build\" failed" >&2
    exit 2
fi
sed -n 's/^ *Test *#[0-9]*: *\([^ ]*\).*$/\1/p' "$tmp/ctest.out" >"$tmp/names"
# Tests registered by name in the CMake files (all configurations), and the
# program each one runs.
find "$src/tests" -name CMakeLists.txt -exec cat {} + |
    sed -n 's/.*add_test(NAME \([A-Za-z0-9_]*\) COMMAND \([^ )]*\).*/\1 \2/p' >"$tmp/commands"
find "$src/tests" -name CMakeLists.txt -exec cat {} + |
    sed -n 's/.*add_test(NAME \([A-Za-z0-9_][A-Za-z0-9_]*\)\([ )].*\)*$/\1/p' >>"$tmp/names"
if [ ! -s "$tmp/names" ]; then
    echo "check-hazards: no ctest test found in $build or $src/tests" >&2
    exit 2
fi

# LINE, HAZARD and reference of every backquoted span in a Test column.
awk '
function trim(s) { gsub(/^[ \t]+|[ \t]+$/, "", s); return s }
/^#+ *H[0-9]+/ { match($0, /H[0-9]+/); hazard = substr($0, RSTART, RLENGTH) }
!/^[ \t]*\|/ { col = 0; next }
{
    n = split($0, cell, "|")
    if (col == 0) {
        for (i = 2; i < n; i++)
            if (trim(cell[i]) == "Test" || trim(cell[i]) == "Tests")
                col = i
        next
    }
    if (trim(cell[2]) ~ /^:?-+:?$/)
        next
    c = cell[col]
    while (match(c, /`[^`]*`/)) {
        printf "%d\t%s\t%s\n", FNR, (hazard == "" ? "-" : hazard), substr(c, RSTART + 1, RLENGTH - 2)
        c = substr(c, RSTART + RLENGTH)
    }
}' "$log" >"$tmp/refs"

# Each reference checked in one pass: the names, the programs and the test
# sources read once.
find "$src/tests" -name '*.c' >"$tmp/sources"
awk -v logfile="$log" -v src="$src" -v names="$tmp/names" -v commands="$tmp/commands" \
    -v sources="$tmp/sources" -v counts="$tmp/counts" '
function load(file,    line, n, i, w, word) {
    loaded[file] = 1
    while ((getline line < file) > 0) {
        if (match(line, /^static void [A-Za-z_][A-Za-z0-9_]*\(void \*\*/))
            defined[file, substr(line, 13, RLENGTH - 20)] = 1
        n = split(line, w, /[^A-Za-z0-9_]+/)
        for (i = 1; i <= n; i++)
            if (w[i] != "")
                uses[file, w[i]]++
    }
    close(file)
}
BEGIN {
    FS = "\t"
    while ((getline line < names) > 0) known[line] = 1
    while ((getline line < commands) > 0) { split(line, p, " "); if (!(p[1] in exe)) exe[p[1]] = p[2] }
    while ((getline line < sources) > 0) { b = line; sub(/.*\//, "", b); if (!(b in path)) path[b] = line }
}
{
    refs++
    at = logfile ":" $1 ": " $2
    ref = $3
    name = ref; fn = ""
    if (index(ref, ":") > 0) {
        name = substr(ref, 1, index(ref, ":") - 1)
        fn = substr(ref, index(ref, ":") + 1)
        gsub(/^ +| +$/, "", fn)
    }
    if (name !~ /^[A-Za-z0-9_]+$/ || (index(ref, ":") > 0 && fn !~ /^[A-Za-z_][A-Za-z0-9_]*$/)) {
        printf "%s: \"%s\" in a Test column is not `NAME` or `NAME: FUNCTION`\n", at, ref > "/dev/stderr"
        bad++; next
    }
    if (!(name in known)) {
        printf "%s names ctest test \"%s\", which does not exist (not in \"ctest -N\", nor in a CMakeLists.txt under tests/)\n", at, name > "/dev/stderr"
        bad++; next
    }
    if (fn == "")
        next
    base = name
    e = exe[name]
    if (e != "" && e != "sh" && e !~ /^\$/)
        base = e
    file = path[base ".c"]
    if (file == "") {
        printf "%s names \"%s\", but there is no %s.c under tests/ to look for %s in\n", at, ref, base, fn > "/dev/stderr"
        bad++; next
    }
    if (!(file in loaded))
        load(file)
    if (!((file, fn) in defined) || uses[file, fn] < 2) {
        shown = file; sub("^" src "/", "", shown)
        printf "%s names \"%s\", but %s has no cmocka test %s\n", at, ref, shown, fn > "/dev/stderr"
        bad++
    }
}
END { print refs + 0, bad + 0 > counts }' "$tmp/refs"
read -r refs bad <"$tmp/counts" 2>/dev/null || { echo "check-hazards: could not check $log" >&2; exit 2; }

if [ "$refs" -eq 0 ]; then
    echo "$log: names no test: is the \"Test\" column of its tables still there?" >&2
    exit 1
fi
if [ "$bad" -gt 0 ]; then
    echo "check-hazards: $bad of $refs test references in $log do not exist" >&2
    exit 1
fi
echo "check-hazards: $refs test references in $log, all exist"
