#!/bin/sh
# SPDX-License-Identifier: MIT
# The kiosk service as generated for this build: the start script turns
# every setting of kiosk.conf into its option (and the real binary accepts
# them), and "systemd-analyze verify" finds nothing to say about the unit
# (skipped without systemd-analyze).
# Usage: run.sh GENERATED_DIR MUSCLECHECK
set -eu
gen=$1
bin=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "service test: $*" >&2; exit 1; }

# A stand-in for musclecheck that prints its arguments, one a line.
printf '#!/bin/sh\nfor a in "$@"; do printf "%%s\\n" "$a"; done\n' >"$tmp/args"
chmod +x "$tmp/args"

# The shipped settings are all commented out (documented defaults only).
out=$(env -i MUSCLECHECK="$tmp/args" MUSCLECHECK_KIOSK_CONF="$gen/kiosk.conf" sh "$gen/kiosk")
[ "$out" = "--kiosk" ] || fail "default settings gave: $out"
grep -q '^[A-Z_]*=' "$gen/kiosk.conf" && fail "kiosk.conf sets a value (upgrades would ask)"

# Drop-ins in kiosk.conf.d are read in name order, a later value wins,
# quotes are taken off; a wrong line names its file and line (exit 78).
cp "$gen/kiosk.conf" "$tmp/k.conf"
mkdir "$tmp/k.conf.d"
printf '# local\nIDLE_TIMEOUT=90\n  PRINT_COMMAND = "lp -d reception"\n' >"$tmp/k.conf.d/10-a.conf"
printf "IDLE_TIMEOUT='300'\n" >"$tmp/k.conf.d/20-b.conf"
out=$(env -i MUSCLECHECK="$tmp/args" MUSCLECHECK_KIOSK_CONF="$tmp/k.conf" sh "$gen/kiosk")
[ "$out" = "$(printf -- '--kiosk\n--idle-timeout\n300\n--print-command\nlp -d reception')" ] ||
    fail "drop-ins gave: $out"
printf 'IDEL_TIMEOUT=3\n' >"$tmp/k.conf.d/30-c.conf"
status=0
env -i MUSCLECHECK="$tmp/args" MUSCLECHECK_KIOSK_CONF="$tmp/k.conf" sh "$gen/kiosk" >/dev/null 2>"$tmp/err" ||
    status=$?
[ "$status" -eq 78 ] && grep -q "30-c.conf:1: unknown setting \"IDEL_TIMEOUT\"" "$tmp/err" ||
    fail "an unknown setting gave $status: $(cat "$tmp/err")"

# Every setting, a value with spaces kept whole.
out=$(env -i MUSCLECHECK="$tmp/args" IDLE_TIMEOUT=90 PRINT_COMMAND='lp -d reception' \
    STAFF_PIN_FILE=/etc/pin LANGUAGE_CODE=pt_BR sh "$gen/kiosk")
want=$(printf -- '--kiosk\n--idle-timeout\n90\n--print-command\nlp -d reception\n--staff-pin-file\n/etc/pin\n--lang\npt_BR')
[ "$out" = "$want" ] || fail "all settings gave: $out"
out=$(env -i MUSCLECHECK="$tmp/args" QUESTIONS_FILE=/srv/clinic.yaml sh "$gen/kiosk")
[ "$out" = "$(printf -- '--kiosk\n--questions\n/srv/clinic.yaml')" ] || fail "questions gave: $out"
# The desk alert's settings, from a drop-in as a clinic would write them.
printf '%s\n' "ALERT_COMMAND='logger -t musclecheck \"\$1 at \$2\"'" 'KIOSK_NAME=desk:tty2' >"$tmp/k.conf.d/30-c.conf"
out=$(env -i MUSCLECHECK="$tmp/args" MUSCLECHECK_KIOSK_CONF="$tmp/k.conf" sh "$gen/kiosk")
want=$(printf -- '--kiosk\n--idle-timeout\n300\n--print-command\nlp -d reception\n--alert-command\nlogger -t musclecheck "$1 at $2"\n--kiosk-name\ndesk:tty2')
[ "$out" = "$want" ] || fail "alert settings gave: $out"

# The real program refuses a bad setting and names it (exit 64).
status=0
env -i MUSCLECHECK="$bin" IDLE_TIMEOUT=2 sh "$gen/kiosk" </dev/null >/dev/null 2>"$tmp/err" || status=$?
[ "$status" -eq 64 ] && grep -q -- '--idle-timeout' "$tmp/err" || fail "a bad IDLE_TIMEOUT gave $status"
echo "start script: ok"

# A crashing kiosk must not write the PIN and the answers to a core file.
unit=$gen/musclecheck-kiosk@.service
grep -qx 'LimitCORE=0' "$unit" || fail "the unit allows core dumps"
# Configuration errors stop the restarts; the console then says what to fix.
grep -qx 'RestartPreventExitStatus=64 65 66 69 78 217' "$unit" || fail "no RestartPreventExitStatus"
grep -qx 'Restart=always' "$unit" || fail "the unit does not restart the kiosk"
grep -qx 'StartLimitBurst=5' "$unit" || fail "no start limit"
grep -qx 'OnFailure=musclecheck-kiosk-failed@%i.service' "$unit" || fail "no OnFailure message"
grep -qx 'Environment=TERM=linux NCURSES_GPM_TERMS=' "$unit" || fail "gpm is not turned off"

# The failure message: a readable PIN file (78) and a missing user (217)
# each name the fix, and the kiosk's last line is shown without escapes.
mkdir "$tmp/bin"
printf '#!/bin/sh\nprintf "musclecheck: /etc/musclecheck/private/pin: readable by others\\033[2J\\n"\n' \
    >"$tmp/bin/journalctl"
chmod +x "$tmp/bin/journalctl"
out=$(PATH="$tmp/bin:$PATH" MONITOR_EXIT_STATUS=78 MONITOR_SERVICE_RESULT=exit-code sh "$gen/kiosk-failed" tty2)
printf '%s\n' "$out" | grep -q 'chmod 640 .*/musclecheck/private/pin' || fail "78: no fix: $out"
printf '%s\n' "$out" | grep -q 'pin: readable by others\[2J$' || fail "78: last line not shown plainly"
[ "$(printf '%s\n' "$out" | wc -l)" -le 24 ] || fail "the message is longer than one screen"
out=$(PATH="$tmp/bin:$PATH" MONITOR_EXIT_STATUS=217 sh "$gen/kiosk-failed" tty2)
printf '%s\n' "$out" | grep -q 'systemd-sysusers' || fail "217: no fix: $out"
out=$(PATH="$tmp/bin:$PATH" MONITOR_SERVICE_RESULT=start-limit-hit sh "$gen/kiosk-failed" tty2)
printf '%s\n' "$out" | grep -q 'stopped trying' || fail "start-limit-hit: $out"
echo "failure message: ok"

# No libgpm on the console: with the unit's NCURSES_GPM_TERMS= ncurses does
# not load it (without it, it does: the probe itself is checked).
gpm_loaded() { # ENV...: 0 when the kiosk on TERM=linux loaded libgpm
    rm -f "$tmp"/ld.*
    timeout 5 script -qec "env $* TERM=linux LD_DEBUG=libs LD_DEBUG_OUTPUT=$tmp/ld $bin --kiosk" \
        /dev/null </dev/null >/dev/null 2>&1 || true
    cat "$tmp"/ld.* 2>/dev/null | grep -q 'libgpm'
}
if command -v script >/dev/null 2>&1 && ldconfig -p 2>/dev/null | grep -q libgpm; then
    gpm_loaded NCURSES_GPM_TERMS= && fail "libgpm was loaded despite NCURSES_GPM_TERMS="
    gpm_loaded || fail "the libgpm probe saw nothing even without NCURSES_GPM_TERMS"
    echo "no libgpm: ok"
fi

if ! command -v systemd-analyze >/dev/null 2>&1; then
    echo "service: 1 passed, 0 failed (systemd-analyze missing: unit not verified)"
    exit 0
fi
# An instance of the template, starting this build's script; the man page
# is not installed here, so --man=no.
sed "s|^ExecStart=.*|ExecStart=$gen/kiosk|" "$gen/musclecheck-kiosk@.service" \
    >"$tmp/musclecheck-kiosk@tty2.service"
(cd "$tmp" && systemd-analyze verify --man=no ./musclecheck-kiosk@tty2.service) >"$tmp/verify" 2>&1 ||
    { cat "$tmp/verify" >&2; fail "systemd-analyze verify failed"; }
if [ -s "$tmp/verify" ]; then
    cat "$tmp/verify" >&2
    fail "systemd-analyze verify complained"
fi
echo "systemd-analyze verify: ok"

# The sandbox: "systemd-analyze security" rates the unit 2.0 or lower (OK).
(cd "$tmp" && systemd-analyze security --offline=yes ./musclecheck-kiosk@tty2.service) >"$tmp/sec" 2>&1 ||
    { cat "$tmp/sec" >&2; fail "systemd-analyze security failed"; }
score=$(sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\) .*/\1/p' "$tmp/sec")
[ -n "$score" ] || { cat "$tmp/sec" >&2; fail "no exposure level"; }
awk -v s="$score" 'BEGIN { exit !(s <= 2.0) }' || { grep '✗' "$tmp/sec" >&2; fail "exposure $score > 2.0"; }
echo "systemd-analyze security: $score"
echo "service: 4 passed, 0 failed"
