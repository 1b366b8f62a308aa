#!/bin/bash
# SPDX-License-Identifier: MIT
# Printing through a real print server: a CUPS daemon of the test's own
# (private configuration, spool and socket; root, as in CI) with a PDF
# printer, the kiosk in tmux with --print-command "lp -d PDF",
# a whole questionnaire answered, Print pressed, and the text of the PDF
# (pdftotext) checked against the summary's key lines.
# The printer is cups-filters' generic PDF printer writing to a file
# (file: device).
# NOT YET PASSING, so not registered in tests/CMakeLists.txt: the PDF comes
# out, but texttopdf (cups-filters 1.28) sets UTF-8 text in an embedded
# TrueType font (CID, Identity-H) without a ToUnicode map, so pdftotext reads
# other characters (with cups-pdf too) and the text checks fail.
# Usage: run.sh MUSCLECHECK
# Exit 77 (skipped) when not root or a tool is missing ("scripts/setup test").
set -eu
bin=$1
if [ "$(id -u)" -ne 0 ]; then
    echo "print test: skipped, cupsd and its PDF backend need root" >&2
    exit 77
fi
missing=""
for t in /usr/sbin/cupsd lp lpadmin pdftotext tmux /usr/share/ppd/cupsfilters/Generic-PDF_Printer-PDF.ppd; do
    command -v "$t" >/dev/null 2>&1 || [ -e "$t" ] || missing="$missing $t"
done
if [ -n "$missing" ]; then
    echo "print test: skipped, missing:$missing (install them with: scripts/setup test)" >&2
    exit 77
fi

tmp=$(mktemp -d)
chmod 755 "$tmp"
sock="print$$" cpid=""
cleanup() {
    tmux -L "$sock" kill-server 2>/dev/null || true
    [ -z "$cpid" ] || kill "$cpid" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$tmp"
}
trap cleanup EXIT
fail() {
    echo "print test: $*" >&2
    [ ! -f "$tmp/log/error_log" ] || grep -v "^I" "$tmp/log/error_log" | tail -n 20 >&2
    exit 1
}

export HOME="$tmp/home"
mkdir -p "$HOME" "$tmp/root/ppd" "$tmp/spool/tmp" "$tmp/cache" "$tmp/state" "$tmp/log"
cat >"$tmp/root/cupsd.conf" <<EOF
Listen $tmp/cups.sock
LogLevel warn
WebInterface No
<Location />
  Order allow,deny
  Allow all
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
EOF
cat >"$tmp/root/cups-files.conf" <<EOF
ServerRoot $tmp/root
RequestRoot $tmp/spool
TempDir $tmp/spool/tmp
CacheDir $tmp/cache
StateDir $tmp/state
ErrorLog $tmp/log/error_log
AccessLog $tmp/log/access_log
PageLog $tmp/log/page_log
SystemGroup root
FileDevice Yes
EOF
/usr/sbin/cupsd -f -c "$tmp/root/cupsd.conf" -s "$tmp/root/cups-files.conf" &
cpid=$!
export CUPS_SERVER="$tmp/cups.sock"
for _ in $(seq 100); do
    lpstat -r 2>/dev/null | grep -q 'is running' && break
    sleep 0.1
done
lpstat -r | grep -q 'is running' || fail "cupsd did not start"
lpadmin -p PDF -E -v "file://$tmp/out.pdf" -P /usr/share/ppd/cupsfilters/Generic-PDF_Printer-PDF.ppd ||
    fail "lpadmin could not add the PDF printer"

# The kiosk, answering: not sure to the first warning sign, no to the rest.
tmux -L "$sock" -f /dev/null new-session -d -x 80 -y 30 \
    "env CUPS_SERVER='$CUPS_SERVER' HOME='$HOME' TERM=xterm-256color LANG=C.UTF-8 '$bin' --kiosk --lang en --print-command 'lp -d PDF'; sleep 600"
screen() { tmux -L "$sock" capture-pane -p; }
wait_for() {
    for _ in $(seq 100); do
        screen | grep -qE -- "$1" && return 0
        sleep 0.2
    done
    screen >&2
    fail "the screen never showed \"$1\""
}
wait_for 'to start'
tmux -L "$sock" send-keys Enter
wait_for 'Question 1 of'
tmux -L "$sock" send-keys u
n=2
wait_for "Question $n of"
while screen | grep -q "Question $n of"; do
    tmux -L "$sock" send-keys n
    n=$((n + 1))
    wait_for "Question $n of|Your results"
done
wait_for 'Print'
# p: Print (the button).
tmux -L "$sock" send-keys p
wait_for "sent to the printer"
pdf=""
for _ in $(seq 150); do
    lpstat -o PDF 2>/dev/null | grep -q . || { [ -s "$tmp/out.pdf" ] && pdf=$tmp/out.pdf && break; }
    sleep 0.2
done
[ -n "$pdf" ] || { screen >&2; fail "no PDF came out of the PDF printer"; }
pdftotext "$pdf" "$tmp/summary.txt"
rm -f "$pdf"
summary_fail() { head -n 30 "$tmp/summary.txt" >&2; fail "$@"; }
grep -q 'Triage level: Same day' "$tmp/summary.txt" || summary_fail "the PDF is not at Same day"
grep -q 'Warning sign answered not sure: Do you have any of these now' "$tmp/summary.txt" ||
    summary_fail "the PDF does not name the unsure warning sign"
grep -q 'not a diagnosis' "$tmp/summary.txt" || summary_fail "the PDF has no disclaimer"
grep -q 'Deficiencies, with the reasons' "$tmp/summary.txt" && grep -q 'Vitamin D: Unlikely' "$tmp/summary.txt" ||
    summary_fail "the PDF has no deficiencies"
echo "print: the summary printed through CUPS to a PDF holds the level, the unsure sign, the deficiencies and the disclaimer"
