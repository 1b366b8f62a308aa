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
lintian --pedantic --display-info "$deb" >"$tmp/lintian" 2>&1 || true
cat "$tmp/lintian"
if grep -E '^(E|W): |^[IE]: .*hardening-' "$tmp/lintian" >/dev/null; then
    fail "lintian: errors, warnings or hardening tags above"
fi
grep -q '^[EWP]: ' "$tmp/lintian" && fail "lintian complained (--pedantic)" || true
# The maintainer scripts: the user from sysusers.d, the PIN folder, the
# units stopped on removal and cleaned on purge.
dpkg-deb -e "$deb" "$tmp/control"
grep -q 'systemd-sysusers.*musclecheck.conf' "$tmp/control/postinst" || fail "postinst makes no user"
grep -q 'install -d -o root -g .* -m 0750 .*/etc/musclecheck/private' "$tmp/control/postinst" ||
    fail "postinst makes no PIN folder"
grep -q 'deb-systemd-invoke restart' "$tmp/control/postinst" || fail "no restart on upgrade"
grep -q 'deb-systemd-invoke stop' "$tmp/control/prerm" || fail "no stop on removal"
grep -q 'rm -rf .*/etc/musclecheck/private' "$tmp/control/postrm" || fail "purge leaves the PIN"
grep -qx 'u kiosk - .*' "$tmp/root/usr/lib/sysusers.d/musclecheck.conf" 2>/dev/null ||
    dpkg-deb --fsys-tarfile "$deb" | tar -xOf - ./usr/lib/sysusers.d/musclecheck.conf | grep -q '^u kiosk ' ||
    fail "no kiosk user in sysusers.d"

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
    usr/libexec/musclecheck/kiosk etc/musclecheck/kiosk.conf usr/libexec/musclecheck/kiosk-failed \
    "lib/systemd/system/musclecheck-kiosk-failed@.service" usr/lib/sysusers.d/musclecheck.conf \
    usr/sbin/musclecheck-lockdown usr/share/man/man8/musclecheck-lockdown.8.gz; do
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
