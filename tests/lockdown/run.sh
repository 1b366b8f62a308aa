#!/bin/sh
# SPDX-License-Identifier: MIT
# musclecheck-lockdown against a fake root (--root): "on" writes its
# drop-ins and masks Ctrl-Alt-Del and the gettys except the kiosk's; a
# second "on" changes nothing; "off" restores the tree exactly, leaving a
# unit the administrator had masked before. Skipped without systemctl.
# Usage: run.sh GENERATED_DIR
set -eu
cmd=$1/musclecheck-lockdown
command -v systemctl >/dev/null 2>&1 || { echo "lockdown: skipped: no systemctl" >&2; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "lockdown test: $*" >&2; exit 1; }
r=$tmp/root
mkdir -p "$r/etc/systemd/system/multi-user.target.wants"
ln -s /lib/systemd/system/musclecheck-kiosk@.service \
    "$r/etc/systemd/system/multi-user.target.wants/musclecheck-kiosk@tty2.service"
ln -s /dev/null "$r/etc/systemd/system/getty@tty5.service" # the administrator's
tree() { (cd "$r" && find . \( -type f -o -type l \) -exec ls -l {} + | awk '{ print $1, $9, $10, $11 }' | sort) }
before=$(tree)
sh "$cmd" --root "$r" status | grep -qx 'lock-down: off' || fail "status before: not off"
sh "$cmd" --root "$r" on >/dev/null
masked() { [ "$(readlink "$r/etc/systemd/system/$1")" = /dev/null ]; }
for u in ctrl-alt-del.target getty@tty1.service autovt@tty1.service getty@tty6.service autovt@tty6.service; do
    masked "$u" || fail "on: $u is not masked"
done
masked getty@tty2.service && fail "on: the kiosk's console lost its getty"
grep -qx 'kernel.sysrq = 0' "$r/etc/sysctl.d/90-musclecheck-lockdown.conf" || fail "on: no sysrq drop-in"
grep -qx 'NAutoVTs=0' "$r/etc/systemd/logind.conf.d/musclecheck-lockdown.conf" || fail "on: no logind drop-in"
grep -qx 'CtrlAltDelBurstAction=none' "$r/etc/systemd/system.conf.d/musclecheck-lockdown.conf" ||
    fail "on: Ctrl-Alt-Del bursts still reboot"
grep -qx 'Environment=MUSCLECHECK_VT_LOCK=1' \
    "$r/etc/systemd/system/musclecheck-kiosk@.service.d/50-lockdown.conf" || fail "on: no VT lock"
sh "$cmd" --root "$r" status | grep -qx 'lock-down: on' || fail "status after on: not on"
on=$(tree)
sh "$cmd" --root "$r" on >/dev/null
[ "$(tree)" = "$on" ] || fail "a second on changed the tree"
sh "$cmd" --root "$r" off >/dev/null
after=$(tree)
[ "$after" = "$before" ] || fail "off did not restore the tree: $(printf '%s\n' "$before" "$after" | sort | uniq -u)"
sh "$cmd" --root "$r" off | grep -q 'not on' || fail "a second off"
status=0
sh "$cmd" --root "$r" sideways 2>/dev/null || status=$?
[ "$status" -eq 64 ] || fail "a wrong argument gave $status"
echo "lockdown: 1 passed, 0 failed"
