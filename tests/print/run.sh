#!/bin/bash
# SPDX-License-Identifier: MIT
# Printing through a real print server: a CUPS daemon of the test's own
# (private configuration, spool, logs and socket; as root, as in CI, or as
# any user) with a PDF printer (cups-filters' generic PDF printer on a
# file: device). The kiosk runs in tmux through its start script, as the
# service runs it, in Spanish, with the PRINT_COMMAND that
# docs/kiosk.md ("Printing") gives clinics:
#   iconv -f UTF-8 -t ISO-8859-1//TRANSLIT | enscript -q -B -X latin1 -o - | lp -d PDF
# (enscript sets the text in Courier; CUPS turns the PostScript into a PDF
# with Ghostscript). A whole questionnaire is answered, Print pressed, the
# job waited for (30 s at most), and the text of the PDF (pdftotext)
# checked: the heading, the triage level, the unsure warning sign, the
# disclaimers and the deficiencies, accents included, and line for line
# against the text the kiosk sent (a tee in front of the command keeps a
# copy for the test).
# Plain "lp -d PDF" is not what is tested: CUPS's texttopdf sets UTF-8 text
# in a font without a map back to the characters, so no PDF reader (and no
# test) can read its text (docs/kiosk.md ("Printing")).
# Usage: run.sh GENERATED_DIR MUSCLECHECK
# Exit 77 (skipped) when a tool is missing ("scripts/setup test").
# KEEP_TMP=1 keeps the test's folder (CUPS's logs, the PDF) for a look.
set -eu
gen=$1
bin=$2
ppd=/usr/share/ppd/cupsfilters/Generic-PDF_Printer-PDF.ppd
missing=""
for t in /usr/sbin/cupsd lp lpadmin lpstat /usr/lib/cups/filter/gstopdf gs iconv enscript \
    pdftotext pdfinfo tmux "$ppd" "$gen/kiosk"; do
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
    if [ -n "${KEEP_TMP:-}" ]; then echo "print test: kept $tmp" >&2; else rm -rf "$tmp"; fi
}
trap cleanup EXIT
fail() {
    echo "print test: $*" >&2
    [ ! -f "$tmp/log/error_log" ] || grep -v "^[IW]" "$tmp/log/error_log" | tail -n 20 >&2
    exit 1
}

export HOME="$tmp/home"
mkdir -p "$HOME" "$tmp/root/ppd" "$tmp/spool/tmp" "$tmp/cache" "$tmp/state" "$tmp/log"
cat >"$tmp/root/cupsd.conf" <<EOF
Listen $tmp/cups.sock
LogLevel warn
Browsing No
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
# As root, cupsd runs the filters as lp; as another user, as that user.
if [ "$(id -u)" -eq 0 ]; then
    users="SystemGroup root"
else
    users="User $(id -un)
Group $(id -gn)
SystemGroup $(id -gn)"
fi
cat >"$tmp/root/cups-files.conf" <<EOF
ServerRoot $tmp/root
RequestRoot $tmp/spool
TempDir $tmp/spool/tmp
CacheDir $tmp/cache
StateDir $tmp/state
ErrorLog $tmp/log/error_log
AccessLog $tmp/log/access_log
PageLog $tmp/log/page_log
$users
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
lpadmin -p PDF -E -v "file://$tmp/out.pdf" -P "$ppd" 2>"$tmp/lpadmin.err" ||
    { cat "$tmp/lpadmin.err" >&2; fail "lpadmin could not add the PDF printer"; }

# The kiosk as the service starts it: the start script with the settings
# of a kiosk.conf (read here as systemd's EnvironmentFile= would), in
# Spanish (accents, ¿ and « » in the summary), answering: not sure to the
# first warning sign, no to the rest. PRINT_COMMAND is the line
# docs/kiosk.md ("Printing") gives, after a tee that keeps what was sent.
cat >"$tmp/kiosk.conf" <<EOF
IDLE_TIMEOUT=900
LANGUAGE_CODE=es
PRINT_COMMAND="tee $tmp/sent.txt | iconv -f UTF-8 -t ISO-8859-1//TRANSLIT | enscript -q -B -X latin1 -o - | lp -d PDF"
EOF
cat >"$tmp/start" <<EOF
#!/bin/sh
. "$tmp/kiosk.conf"
exec env -i PATH=/usr/local/bin:/usr/bin:/bin HOME="$HOME" TERM=xterm-256color LANG=C.UTF-8 \\
    CUPS_SERVER="$CUPS_SERVER" MUSCLECHECK="$bin" IDLE_TIMEOUT="\$IDLE_TIMEOUT" \\
    LANGUAGE_CODE="\$LANGUAGE_CODE" PRINT_COMMAND="\$PRINT_COMMAND" sh "$gen/kiosk"
EOF
tmux -L "$sock" -f /dev/null new-session -d -x 80 -y 30 "sh '$tmp/start'; sleep 600"
screen() { tmux -L "$sock" capture-pane -p; }
wait_for() {
    for _ in $(seq 100); do
        screen | grep -qE -- "$1" && return 0
        sleep 0.2
    done
    screen >&2
    fail "the screen never showed \"$1\""
}
wait_for 'para empezar'
tmux -L "$sock" send-keys Enter
wait_for 'Pregunta 1 de'
tmux -L "$sock" send-keys u
n=2
wait_for "Pregunta $n de"
while screen | grep -q "Pregunta $n de"; do
    tmux -L "$sock" send-keys n
    n=$((n + 1))
    wait_for "Pregunta $n de|Sus resultados"
done
wait_for 'Imprimir'
# p: Print (the button).
tmux -L "$sock" send-keys p
wait_for 'enviado a la impresora|No se pudo imprimir'
screen | grep -q 'enviado a la impresora' || { screen >&2; fail "the kiosk says printing failed"; }

# The job: done within 30 s, completed (not stopped or aborted), and a PDF.
for _ in $(seq 150); do
    lpstat -o PDF 2>/dev/null | grep -q . || break
    sleep 0.2
done
! lpstat -o PDF 2>/dev/null | grep -q . || { lpstat -l -o PDF -p PDF >&2; fail "the print job did not finish in 30 s"; }
lpstat -W completed -o PDF | grep -q '^PDF-1 ' || { lpstat -l -W all -o PDF >&2; fail "the print job did not complete"; }
[ -s "$tmp/out.pdf" ] || fail "no PDF came out of the PDF printer"
# What the printer got: the PDF inside the PPD's PJL job (JCLBegin ...
# ENTER LANGUAGE = PDF ... JCLEnd), as a PDF-speaking office printer gets it.
grep -aq '^@PJL ENTER LANGUAGE = PDF' "$tmp/out.pdf" || fail "the printer got no PDF job"
LC_ALL=C sed -n '/^%PDF-/,/^%%EOF/p' "$tmp/out.pdf" >"$tmp/summary.pdf"
pdfinfo "$tmp/summary.pdf" >"$tmp/pdfinfo.txt" 2>&1 || { cat "$tmp/pdfinfo.txt" >&2; fail "what came out is not a PDF"; }
if ! pdftotext -layout "$tmp/summary.pdf" "$tmp/summary.txt" 2>"$tmp/pdftotext.err" ||
    [ -s "$tmp/pdftotext.err" ]; then
    cat "$tmp/pdftotext.err" >&2
    fail "pdftotext could not read the PDF"
fi
[ -s "$tmp/sent.txt" ] || fail "the print command got no text"

summary_fail() { head -n 30 "$tmp/summary.txt" >&2; fail "$@"; }
has() { grep -qF -- "$1" "$tmp/summary.txt" || summary_fail "the PDF has no \"$1\""; }
has 'Autoevaluación de la debilidad muscular: Resumen para su médico'
has 'Nivel de triaje: El mismo día'
has 'Señal de alarma respondida «no lo sé»: ¿Tiene ahora alguno de estos'
has 'Esto no es un diagnóstico. Solo un análisis de sangre puede mostrar una'
has 'Carencias, con las razones a favor y en contra'
has 'Vitamina D: Poco probable'
has 'en el Reino Unido, 112 en Europa o 911 en los Estados Unidos).'
# Line for line: every line the kiosk sent is in the PDF, in order, and
# nothing else (spaces squeezed, blank lines and the page breaks dropped).
squeeze() { tr -d '\f' <"$1" | sed -e 's/[[:space:]]\+/ /g' -e 's/^ //' -e 's/ $//' -e '/^$/d'; }
squeeze "$tmp/sent.txt" >"$tmp/sent.lines"
squeeze "$tmp/summary.txt" >"$tmp/pdf.lines"
if ! cmp -s "$tmp/sent.lines" "$tmp/pdf.lines"; then
    diff "$tmp/sent.lines" "$tmp/pdf.lines" | head -n 20 >&2
    fail "the text of the PDF differs from the summary the kiosk sent"
fi
echo "print: the Spanish summary printed through CUPS (enscript, Ghostscript) to a PDF reads back line for line ($(wc -l <"$tmp/sent.lines") lines, $(sed -n 's/^Pages: *//p' "$tmp/pdfinfo.txt") page(s))"
