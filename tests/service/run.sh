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

# The shipped settings: only the idle time is set.
out=$(env -i MUSCLECHECK="$tmp/args" sh -c 'set -a; . "$1"; exec sh "$2"' sh "$gen/kiosk.conf" "$gen/kiosk")
[ "$out" = "$(printf -- '--kiosk\n--idle-timeout\n120')" ] || fail "default settings gave: $out"

# Every setting, a value with spaces kept whole.
out=$(env -i MUSCLECHECK="$tmp/args" IDLE_TIMEOUT=90 PRINT_COMMAND='lp -d reception' \
    STAFF_PIN_FILE=/etc/pin LANGUAGE_CODE=pt_BR sh "$gen/kiosk")
want=$(printf -- '--kiosk\n--idle-timeout\n90\n--print-command\nlp -d reception\n--staff-pin-file\n/etc/pin\n--lang\npt_BR')
[ "$out" = "$want" ] || fail "all settings gave: $out"
out=$(env -i MUSCLECHECK="$tmp/args" QUESTIONS_FILE=/srv/clinic.yaml sh "$gen/kiosk")
[ "$out" = "$(printf -- '--kiosk\n--questions\n/srv/clinic.yaml')" ] || fail "questions gave: $out"

# The real program refuses a bad setting and names it (exit 64).
status=0
env -i MUSCLECHECK="$bin" IDLE_TIMEOUT=2 sh "$gen/kiosk" </dev/null >/dev/null 2>"$tmp/err" || status=$?
[ "$status" -eq 64 ] && grep -q -- '--idle-timeout' "$tmp/err" || fail "a bad IDLE_TIMEOUT gave $status"
echo "start script: ok"

# A crashing kiosk must not write the PIN and the answers to a core file.
grep -qx 'LimitCORE=0' "$gen/musclecheck-kiosk@.service" || fail "the unit allows core dumps"

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
echo "service: 2 passed, 0 failed"
