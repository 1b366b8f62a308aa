#!/bin/sh
# SPDX-License-Identifier: MIT
# Builds the Debian package with scripts/deb and runs lintian on it: any
# error or warning, and the hardening tags (infos), fail the test. Then
# checks what lintian does not: the conffile, the stripped binary, the
# clean description, and the paths the installed man page names. Skipped
# (exit 77) without lintian or dpkg-buildflags ("scripts/setup test"
# installs them).
# Usage: run.sh SOURCE_DIR
set -eu
src=$1
for tool in lintian dpkg-buildflags dpkg-deb cpack; do
    command -v "$tool" >/dev/null 2>&1 ||
        { echo "deb: skipped: no $tool (run scripts/setup test)" >&2; exit 77; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "deb test: $*" >&2; exit 1; }

deb=$("$src/scripts/deb" "$tmp/out")
[ -f "$deb" ] || fail "scripts/deb made no package"
lintian --display-info "$deb" >"$tmp/lintian" 2>&1 || true
cat "$tmp/lintian"
if grep -E '^(E|W): |^[IE]: .*hardening-' "$tmp/lintian" >/dev/null; then
    fail "lintian: errors, warnings or hardening tags above"
fi
grep -q '^[EW]: ' "$tmp/lintian" && fail "lintian complained" || true

[ "$(dpkg-deb -I "$deb" conffiles)" = "/etc/musclecheck/kiosk.conf" ] ||
    fail "kiosk.conf is not the package's conffile"
dpkg-deb -f "$deb" Description | grep -q ';' && fail "a ';' in the description"
dpkg-deb -f "$deb" Maintainer | grep -q '@localhost' && fail "the maintainer is at localhost"
dpkg-deb -x "$deb" "$tmp/root"
if command -v readelf >/dev/null 2>&1; then
    readelf -S "$tmp/root/usr/bin/musclecheck" | grep -q '\.symtab' && fail "the binary is not stripped"
    readelf -d "$tmp/root/usr/bin/musclecheck" | grep -q 'BIND_NOW' || fail "the binary lacks bind-now"
fi
for f in usr/share/doc/musclecheck/copyright usr/share/doc/musclecheck/changelog.Debian.gz \
    usr/share/man/man1/musclecheck.1.gz "lib/systemd/system/musclecheck-kiosk@.service" \
    usr/libexec/musclecheck/kiosk etc/musclecheck/kiosk.conf; do
    [ -f "$tmp/root/$f" ] || fail "$f is missing"
done
head -n 1 "$tmp/root/usr/share/doc/musclecheck/copyright" |
    grep -q '^Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/' ||
    fail "the copyright file is not machine-readable (DEP-5)"
man=$(gzip -dc "$tmp/root/usr/share/man/man1/musclecheck.1.gz")
printf "%s\n" "$man" | grep -q '/usr/local' && fail "the man page names /usr/local"
printf "%s\n" "$man" | grep -q '/usr/share/musclecheck/' || fail "the man page does not name /usr/share/musclecheck"
printf "%s\n" "$man" | grep -q '/etc/musclecheck/kiosk.conf' || fail "the man page does not name kiosk.conf"
echo "deb: 1 passed, 0 failed ($(basename "$deb"), lintian $(lintian --version | cut -d' ' -f2))"
