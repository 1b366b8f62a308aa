#!/bin/bash
# SPDX-License-Identifier: MIT
# Contrast measured on screenshots: the real musclecheck runs in a real
# xterm (80x24) on a virtual X server (Xvfb), driven with key presses sent
# to the X server (xdotool). At each screen the xterm window is grabbed
# (xwd, then xwdtopnm to a PPM picture) and xterm's own record of its text
# is written out (its print-immediate action, bound to Ctrl-Shift-F12); the
# measure program then cuts each cell with text out of the picture and
# takes the WCAG contrast ratio between the colour of its text pixels and
# of its background pixels, and finds the focused button by its label.
#
# The looks and the palettes:
#   xterm's defaults (black on white, TERM=xterm, 8 colours): the normal
#     look at 4.5:1, --high-contrast and the kiosk at 7:1;
#   the Linux console's 16 colours (grey on black, bold drawn bright,
#     TERM=linux): the kiosk at 7:1 and the normal look at 4.5:1;
#   VTE's Tango palette (grey on dark grey, bold not brighter,
#     TERM=xterm-256color): the normal look at 4.5:1 and --high-contrast at
#     7:1.
# The last two are xterm drawing with those palettes (given as X
# resources), not the console or VTE themselves (docs/accessibility.md).
#
# Usage: run.sh MUSCLECHECK SOURCE_DIR MEASURE [PICTURE_DIR]
#   MEASURE is the measure program (tests/screenshot/measure.c); with
#   PICTURE_DIR, each screenshot is kept there as a PNG (needs pnmtopng).
# Exit 77 (skipped) when an X tool is missing: "scripts/setup test"
# installs them.
set -eu
bin=$1
src=$2
measure=$3
keep=${4:-}

missing=""
for t in Xvfb xterm xdotool xwd xwdtopnm xwininfo xprop; do
    command -v "$t" >/dev/null 2>&1 || missing="$missing $t"
done
if [ -n "$missing" ]; then
    echo "screenshot test: skipped, missing:$missing (install them with: scripts/setup test)" >&2
    exit 77
fi

tmp=$(mktemp -d)
xpid="" tpid=""
cleanup() {
    [ -z "$tpid" ] || kill "$tpid" 2>/dev/null || true
    [ -z "$xpid" ] || kill "$xpid" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$tmp"
}
trap cleanup EXIT
fail() {
    echo "screenshot test: $*" >&2
    if [ -s "$tmp/screen.txt" ]; then
        echo "--- xterm's screen:" >&2
        cat "$tmp/screen.txt" >&2
    fi
    exit 1
}

# The first free display number (-displayfd). -noreset: by default the
# server resets when its last client leaves, and a client that connects
# during the reset gets "Can't open display" (CI saw it when one xterm was
# stopped and the next started).
Xvfb -displayfd 3 -noreset -screen 0 1024x768x24 -nolisten tcp 3>"$tmp/display" 2>"$tmp/xvfb.log" &
xpid=$!
for _ in $(seq 100); do
    [ -s "$tmp/display" ] && break
    sleep 0.1
done
[ -s "$tmp/display" ] || fail "Xvfb did not start: $(cat "$tmp/xvfb.log")"
display=$(cat "$tmp/display")
export DISPLAY=":$display"
# -displayfd names the display before the server takes clients: wait until
# it answers (a busy machine under ASan was seen to start xterm too soon).
for _ in $(seq 100); do
    xprop -root >/dev/null 2>&1 && break
    kill -0 "$xpid" 2>/dev/null || fail "Xvfb exited: $(cat "$tmp/xvfb.log")"
    sleep 0.1
done
xprop -root >/dev/null 2>&1 || fail "Xvfb does not answer on $DISPLAY: $(cat "$tmp/xvfb.log")"
mkdir "$tmp/home" "$tmp/dump"
[ -z "$keep" ] || mkdir -p "$keep"

# The palettes other than xterm's own, as xterm resources.
console_palette=(-tn linux -fg '#aaaaaa' -bg '#000000' -cr '#aaaaaa')
tango_palette=(-tn xterm-256color -fg '#d3d7cf' -bg '#2e3436' -cr '#d3d7cf'
    -xrm '*VT100.boldColors: false')
i=0
for c in 000000 aa0000 00aa00 aa5500 0000aa aa00aa 00aaaa aaaaaa \
    555555 ff5555 55ff55 ffff55 5555ff ff55ff 55ffff ffffff; do
    console_palette+=(-xrm "*VT100.color$i: #$c")
    i=$((i + 1))
done
i=0
for c in 000000 cc0000 4e9a06 c4a000 3465a4 75507b 06989a d3d7cf \
    555753 ef2929 8ae234 fce94f 729fcf ad7fa8 34e2e2 eeeeec; do
    tango_palette+=(-xrm "*VT100.color$i: #$c")
    i=$((i + 1))
done

win="" vt="" cw="" ch="" border="" windows=0
# Starts xterm (80x24, its default colours unless OPTIONS say otherwise)
# running musclecheck: start [XTERM_OPTION...] -- [MUSCLECHECK_OPTION...]
start() {
    windows=$((windows + 1))
    local title="mcshot-$windows" xopts=() mopts=()
    while [ $# -gt 0 ] && [ "$1" != -- ]; do
        xopts+=("$1")
        shift
    done
    [ $# -eq 0 ] || shift
    mopts=("$@")
    stop
    # An xterm that could not open the display is started again, up to
    # three times (CI saw one "Can't open display" on a server that had
    # answered every client before and after).
    local try
    win=""
    for try in 1 2 3; do
        env -i PATH=/usr/local/bin:/usr/bin:/bin HOME="$tmp/home" DISPLAY="$DISPLAY" LANG=C.UTF-8 \
            xterm -geometry 80x24 -title "$title" "${xopts[@]}" \
            -xrm "*printFileImmediate: $tmp/dump/screen" -xrm '*printModeImmediate: 0' \
            -xrm '*VT100.translations: #override Ctrl Shift <Key>F12: print-immediate()' \
            -e "$bin" --questions "$src/questions/en.yaml" "${mopts[@]}" \
            >"$tmp/xterm.log" 2>&1 &
        tpid=$!
        for _ in $(seq 100); do
            win=$(xdotool search --name "^$title\$" 2>/dev/null | head -n 1) || true
            [ -n "$win" ] && break
            kill -0 "$tpid" 2>/dev/null || break
            sleep 0.1
        done
        [ -n "$win" ] && break
        kill -0 "$xpid" 2>/dev/null || fail "Xvfb exited: $(cat "$tmp/xvfb.log")"
        stop
        echo "screenshot test: xterm attempt $try gave no window: $(tail -n 1 "$tmp/xterm.log")" >&2
        sleep 0.5
    done
    [ -n "$win" ] || fail "no xterm window after $try attempts: $(cat "$tmp/xterm.log")"
    # The picture is of xterm's VT100 widget, the only window in xterm's
    # (whose own picture would take in its 1-pixel border): its cells start
    # after the inner border, half the base size of the size hints.
    for _ in $(seq 100); do
        vt=$(xwininfo -children -id "$win" | awk '$1 ~ /^0x/ {print $1; exit}')
        [ -n "$vt" ] && break
        sleep 0.1
    done
    [ -n "$vt" ] || fail "xterm's window has no VT100 window: $(xwininfo -children -id "$win")"
    local hints w h
    hints=$(xprop -id "$win" WM_NORMAL_HINTS)
    read -r cw ch < <(printf '%s\n' "$hints" | sed -n 's/.*resize increment: \([0-9]*\) by \([0-9]*\).*/\1 \2/p')
    read -r border _ < <(printf '%s\n' "$hints" | sed -n 's/.*base size: \([0-9]*\) by \([0-9]*\).*/\1 \2/p')
    [ -n "$cw" ] && [ -n "$border" ] || fail "xterm gave no cell size: $hints"
    border=$((border / 2))
    eval "$(xwininfo -id "$vt" | awk '/Width:/ {print "w=" $2} /Height:/ {print "h=" $2}')"
    [ $(((w - 2 * border) / cw)) -eq 80 ] && [ $(((h - 2 * border) / ch)) -eq 24 ] ||
        fail "xterm's window is ${w}x$h pixels, not 80x24 cells of ${cw}x$ch"
    # Keys go to the window with the input focus (there is no window
    # manager to give it).
    xdotool windowfocus --sync "$win"
}
stop() {
    [ -z "$tpid" ] || kill "$tpid" 2>/dev/null || true
    [ -z "$tpid" ] || wait "$tpid" 2>/dev/null || true
    tpid=""
}
# xterm's text into $tmp/screen.txt.
dump() {
    rm -f "$tmp/dump"/*
    xdotool key ctrl+shift+F12
    local f
    for _ in $(seq 50); do
        f=$(ls "$tmp/dump")
        if [ -n "$f" ] && [ "$(wc -l <"$tmp/dump/$f")" -eq 24 ]; then
            mv "$tmp/dump/$f" "$tmp/screen.txt"
            return 0
        fi
        sleep 0.1
    done
    fail "xterm wrote no screen dump"
}
# Waits until the screen shows TEXT (a grep -E pattern).
wait_for() {
    for _ in $(seq 50); do
        dump
        grep -qE -- "$1" "$tmp/screen.txt" && return 0
        sleep 0.2
    done
    fail "the screen never showed \"$1\""
}
key() {
    xdotool key "$@"
}

measured=0 failed=0
# Grabs the window and measures it: shot NAME MIN [FOCUSED_LABEL]. The text
# is read before and after the picture, and must agree; a second read
# before it makes sure xterm has sent all its drawing of the first to the
# X server (it does before it reads the next key).
shot() {
    local name=$1 same=""
    shift
    for _ in $(seq 10); do
        dump
        cp "$tmp/screen.txt" "$tmp/before.txt"
        dump
        xwd -id "$vt" -silent | xwdtopnm >"$tmp/shot.ppm" 2>/dev/null
        dump
        if cmp -s "$tmp/before.txt" "$tmp/screen.txt"; then
            same=1
            break
        fi
    done
    [ -n "$same" ] || fail "$name: the screen kept changing"
    if [ -n "$keep" ] && command -v pnmtopng >/dev/null 2>&1; then
        pnmtopng "$tmp/shot.ppm" >"$keep/${name// /-}.png" 2>/dev/null
    fi
    measured=$((measured + 1))
    if ! "$measure" "$name" "$tmp/shot.ppm" "$tmp/screen.txt" "${cw}x$ch" "$border" "$@"; then
        failed=$((failed + 1))
        echo "--- xterm's screen ($name):" >&2
        cat "$tmp/screen.txt" >&2
    fi
}

# Waits until the screen shows TEXT (a fixed string, which may run over
# several rows: each row's leading and trailing blanks count as one).
wait_for_text() {
    for _ in $(seq 50); do
        dump
        tr -s ' \r\n' '   ' <"$tmp/screen.txt" | grep -qF -- "$1" && return 0
        sleep 0.2
    done
    fail "the screen never showed \"$1\""
}

# From the welcome screen: answers the questions as the answer file
# tests/data/answers/iron.txt does (each question checked by the start of
# its text, from --list), to the results. With iron "Likely", the results
# show the three bands.
"$bin" --list --questions "$src/questions/en.yaml" >"$tmp/list"
answer_iron() {
    local id answer text
    key Return
    while IFS='=' read -r id answer; do
        case "$id" in '' | '#'*) continue ;; esac
        text=$(awk -F '\t' -v id="$id" '$1 == id {print substr($2, 1, 50)}' "$tmp/list")
        [ -n "$text" ] || fail "no question $id in --list"
        wait_for_text "$text"
        key "${answer:0:1}"
    done <"$src/tests/data/answers/iron.txt"
    wait_for 'Your results'
}

# The normal look or --high-contrast (LOOK, MIN, and xterm's options): the
# welcome screen, the first question with each answer focused, its
# emergency screen (a yes) and the results after it; then, in a new
# window, the results of answers that find iron likely.
screens() {
    local look=$1 min=$2
    shift 2
    start "$@"
    wait_for 'Press Enter to start'
    shot "$look: welcome" "$min" 'Press Enter to start'
    key Return
    wait_for 'Question 1 of'
    shot "$look: question, Yes focused" "$min" Yes
    key Tab
    wait_for 'Question 1 of'
    shot "$look: question, No focused" "$min" No
    key Tab
    wait_for 'Question 1 of'
    shot "$look: question, Not sure focused" "$min" 'Not sure'
    key y
    if [ "$look" = "${look%kiosk}" ]; then
        wait_for 'Call an ambulance now'
        shot "$look: emergency" "$min" 'See results'
        key Return
        wait_for 'Your results'
        shot "$look: results after the emergency" "$min" 'Comparison table'
    else
        wait_for 'reception desk'
        shot "$look: emergency" "$min"
    fi
    start "$@"
    wait_for 'Press Enter to start'
    answer_iron
    shot "$look: results, iron likely" "$min" 'Comparison table'
}

screens "xterm, normal" 4.5 --
screens "xterm, high contrast" 7 -- --high-contrast
screens "xterm, kiosk" 7 -- --kiosk
screens "console palette, kiosk" 7 "${console_palette[@]}" -- --kiosk
screens "console palette, normal" 4.5 "${console_palette[@]}" --
screens "VTE palette, normal" 4.5 "${tango_palette[@]}" --
screens "VTE palette, high contrast" 7 "${tango_palette[@]}" -- --high-contrast
stop

echo "screenshot contrast: $measured screens measured, $failed under the minimum"
[ "$failed" -eq 0 ]
