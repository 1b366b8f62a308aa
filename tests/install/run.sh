#!/bin/sh
# SPDX-License-Identifier: MIT
# Installs the build into a temporary prefix and builds the Debian package,
# then runs the installed binary from both, as a user would: it must find
# its question files, docs and man page wherever it was installed.
# Usage: run.sh BUILD_DIR
set -eu
build=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "install test: $*" >&2; exit 1; }

check_tree() { # PREFIX: an installed tree
    prefix=$1
    bin=$prefix/bin/musclecheck
    [ -x "$bin" ] || fail "no $bin"
    for f in share/musclecheck/en.yaml share/musclecheck/es.yaml share/man/man1/musclecheck.1.gz \
        share/doc/musclecheck/README.md share/doc/musclecheck/kiosk.md; do
        [ -f "$prefix/$f" ] || fail "$f is missing from $prefix"
    done
    [ ! -e "$prefix/share/doc/musclecheck/musclecheck.1" ] || fail "the man page is in the docs"
    [ -f "$prefix/share/doc/musclecheck/copyright" ] || fail "no copyright file"
    [ -x "$prefix/libexec/musclecheck/kiosk" ] || fail "no kiosk start script"
    # From another folder, with no hint where the data is.
    (cd / && env -i PATH=/usr/bin:/bin "$bin" --check "$prefix/share/musclecheck/es.yaml") |
        grep -q ': OK: ' || fail "--check of the installed Spanish file failed"
    (cd / && env -i PATH=/usr/bin:/bin "$bin" --lang es --list) | grep -q '^chest_pain	¿' ||
        fail "the installed binary did not find the Spanish file"
    # Spanish has not been reviewed by a clinician: never picked from the locale alone.
    (cd / && env -i PATH=/usr/bin:/bin LANG=es_ES.UTF-8 "$bin" --list 2>"$tmp/err") |
        grep -q '^chest_pain	Do you' ||
        fail "the installed binary picked the unreviewed Spanish file from the locale"
    grep -q 'not been reviewed' "$tmp/err" || fail "no word that the Spanish file was passed over"
    printf 'pica=yes\nbreathless_effort=yes\n' | (cd / && env -i PATH=/usr/bin:/bin "$bin" --batch) |
        grep -q '1. Iron: Possible' || fail "a batch run of the installed binary failed"
    printf 'same_day_signs=yes\n' | (cd / && env -i PATH=/usr/bin:/bin "$bin" --batch) |
        grep -q 'Speak to someone today' || fail "a same-day answer gave no same-day advice"
    "$bin" --help | awk 'length > 80 { exit 1 }' || fail "--help is wider than 80 columns"
    if command -v man >/dev/null 2>&1; then
        MANWIDTH=80 man -l "$prefix/share/man/man1/musclecheck.1.gz" 2>/dev/null | grep -q 'musclecheck' ||
            fail "the man page does not render"
    fi
}

cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
check_tree "$tmp/prefix"
echo "install: ok"

if command -v dpkg-deb >/dev/null 2>&1; then
    (cd "$build" && cpack -G DEB -B "$tmp/deb" >/dev/null) || fail "cpack -G DEB failed"
    deb=$(ls "$tmp"/deb/musclecheck_*.deb)
    dpkg-deb -f "$deb" Depends | grep -q 'libncursesw6' || fail "the package lacks its dependencies"
    dpkg-deb -x "$deb" "$tmp/root"
    configured=$(sed -n 's/^CMAKE_INSTALL_PREFIX:PATH=//p' "$build/CMakeCache.txt")
    check_tree "$tmp/root$configured"
    echo "deb: ok ($(basename "$deb"))"
fi
echo "2 passed, 0 failed"
