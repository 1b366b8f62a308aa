#!/bin/bash
# SPDX-License-Identifier: MIT
# The touch-screen kiosk as packaged: the X session of
# musclecheck-touch@.service (touch-session: matchbox and xterm running the
# kiosk start script) on a virtual X server (Xvfb). A patient's taps are
# clicks sent to the X server (xdotool), at the cells where the buttons'
# labels are on the screen; the test reads the screen from what xterm was
# sent (the kiosk runs under script(1), and tmux renders its output at the
# xterm's size), answers a whole questionnaire with taps, prints the summary
# with a tap on Print and checks what was printed. It also checks the
# session's lock-down (no server keys, no window-manager keys) and keeps a
# screenshot of a question (xwd, then netpbm to PNG).
# Usage: run.sh GENERATED_DIR MUSCLECHECK [SCREENSHOT.png]
# Exit 77 (skipped) when a tool is missing: "scripts/setup test" installs them.
set -eu
gen=$1
bin=$2
shot_out=${3:-}

missing=""
for t in Xvfb xterm matchbox-window-manager setxkbmap xdotool xprop xwininfo xwd xwdtopnm \
    pnmtopng ppmhist tmux script; do
    command -v "$t" >/dev/null 2>&1 || missing="$missing $t"
done
if [ -n "$missing" ]; then
    echo "touch test: skipped, missing:$missing (install them with: scripts/setup test)" >&2
    exit 77
fi

tmp=$(mktemp -d)
xpid="" spid=""
cleanup() {
    [ -z "$spid" ] || kill "$spid" 2>/dev/null || true
    # script(1) outlives xterm (it was seen left running after the test,
    # its kiosk still waiting for a patient); once it is gone, the kiosk
    # gets its terminal's hang-up and exits.
    [ ! -s "$tmp/script.pid" ] || kill "$(cat "$tmp/script.pid")" 2>/dev/null || true
    [ -z "$xpid" ] || kill "$xpid" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$tmp"
}
trap cleanup EXIT
fail() {
    echo "touch test: $*" >&2
    if [ -s "$tmp/screen" ]; then
        echo "--- the kiosk's screen:" >&2
        cat "$tmp/screen" >&2
    fi
    exit 1
}

# A virtual screen of a small touch panel (1280x800), on the first free
# display number (-displayfd); -noreset keeps it from resetting (and
# refusing clients for a moment) when its last client leaves.
Xvfb -displayfd 3 -noreset -screen 0 1280x800x24 -nolisten tcp 3>"$tmp/display" 2>"$tmp/xvfb.log" &
xpid=$!
for _ in $(seq 100); do
    [ -s "$tmp/display" ] && break
    sleep 0.1
done
[ -s "$tmp/display" ] || fail "Xvfb did not start: $(cat "$tmp/xvfb.log")"
export DISPLAY=":$(cat "$tmp/display")"
# -displayfd names the display before the server takes clients: wait until
# it answers (a busy machine under ASan was seen to start xterm too soon).
for _ in $(seq 100); do
    xprop -root >/dev/null 2>&1 && break
    kill -0 "$xpid" 2>/dev/null || fail "Xvfb exited: $(cat "$tmp/xvfb.log")"
    sleep 0.1
done
xprop -root >/dev/null 2>&1 || fail "Xvfb does not answer on $DISPLAY: $(cat "$tmp/xvfb.log")"

# The kiosk's output, as xterm gets it, is kept in a file: script(1) runs
# the real binary on a terminal of its own, of xterm's size, and copies
# everything between the two.
cat >"$tmp/musclecheck" <<EOF
#!/bin/sh
echo \$\$ >"$tmp/script.pid"
exec script -qfec "$bin \$*" "$tmp/typescript"
EOF
# The print command: the summary goes to a file.
printf '#!/bin/sh\ncat >"%s/printed"\n' "$tmp" >"$tmp/print"
chmod +x "$tmp/musclecheck" "$tmp/print"

env -i PATH=/usr/local/bin:/usr/bin:/bin HOME="$tmp" DISPLAY="$DISPLAY" LANG=C.UTF-8 \
    MUSCLECHECK="$tmp/musclecheck" MUSCLECHECK_KIOSK="$gen/kiosk" \
    IDLE_TIMEOUT=900 PRINT_COMMAND="$tmp/print" LANGUAGE_CODE=en \
    sh "$gen/touch-session" >"$tmp/session.log" 2>&1 &
spid=$!

# The kiosk's window: it fills the screen (matchbox).
win=""
for _ in $(seq 100); do
    win=$(xdotool search --name '^musclecheck$' 2>/dev/null | head -n 1) || true
    [ -n "$win" ] && break
    sleep 0.1
done
[ -n "$win" ] || fail "no kiosk window; the session said: $(cat "$tmp/session.log")"
# The character cell (xterm's resize increments) and the border around the
# text (half its base size) give where each cell is drawn.
for _ in $(seq 50); do
    eval "$(xwininfo -id "$win" | awk '/Absolute upper-left X/ {print "wx=" $4}
        /Absolute upper-left Y/ {print "wy=" $4} /Width:/ {print "ww=" $2} /Height:/ {print "wh=" $2}')"
    [ "$ww" -eq 1280 ] && [ "$wh" -eq 800 ] && break
    sleep 0.1
done
[ "$ww" -eq 1280 ] && [ "$wh" -eq 800 ] || fail "the kiosk's window is ${ww}x$wh, not the screen's 1280x800"
hints=$(xprop -id "$win" WM_NORMAL_HINTS)
read -r cw ch < <(printf '%s\n' "$hints" | sed -n 's/.*resize increment: \([0-9]*\) by \([0-9]*\).*/\1 \2/p')
read -r bw _ < <(printf '%s\n' "$hints" | sed -n 's/.*base size: \([0-9]*\) by \([0-9]*\).*/\1 \2/p')
[ -n "$cw" ] && [ -n "$bw" ] || fail "xterm gave no cell size: $hints"
border=$((bw / 2))
cols=$(((ww - bw) / cw))
rows=$(((wh - bw) / ch))
echo "touch test: the kiosk's terminal is ${cols}x$rows cells of ${cw}x$ch pixels"
[ "$cols" -ge 50 ] && [ "$rows" -ge 15 ] || fail "the font leaves too small a terminal"

# The screen as the kiosk drew it: its output so far, replayed by tmux on a
# terminal of the same size, into $tmp/screen.
renders=0
render() {
    local sock="touch$$-$renders"
    renders=$((renders + 1))
    cp "$tmp/typescript" "$tmp/replay"
    tmux -L "$sock" -f /dev/null new-session -d -x "$cols" -y "$rows" \
        "stty -opost; cat '$tmp/replay'; tmux -L '$sock' wait-for -S drawn; exec sleep 600" &&
        tmux -L "$sock" wait-for drawn &&
        tmux -L "$sock" capture-pane -p >"$tmp/screen"
    local status=$?
    tmux -L "$sock" kill-server 2>/dev/null || true
    return $status
}
# Waits until the screen shows TEXT (a grep -E pattern).
wait_for() {
    for _ in $(seq 100); do
        if [ -f "$tmp/typescript" ]; then
            render && grep -qE -- "$1" "$tmp/screen" && return 0
        fi
        sleep 0.2
    done
    fail "the screen never showed \"$1\""
}
# A tap on the first button labelled LABEL: the middle of the label's cells.
# A label on a button has at least two spaces on each side (so that "No"
# is not found in "Not sure" or in a question's text).
tap() {
    local line row prefix col x y
    line=$(grep -n -m 1 -F -- "  $1  " "$tmp/screen") || fail "no button \"$1\" on the screen"
    row=$((${line%%:*} - 1))
    line=${line#*:}
    prefix=${line%%"  $1  "*}
    col=$((${#prefix} + 2)) # characters, not bytes (a UTF-8 locale)
    x=$((wx + border + col * cw + ${#1} * cw / 2))
    y=$((wy + border + row * ch + ch / 2))
    xdotool mousemove "$x" "$y" click 1
}
export LC_ALL=C.UTF-8

wait_for 'to start'
# The server keys are off before anything is typed (xdotool may change the
# key map later).
setxkbmap -query | grep -q '^options:.*srvrkeys:none' ||
    fail "Ctrl-Alt-Fn and Ctrl-Alt-Backspace are still on: $(setxkbmap -query)"
# No window-manager keys: Ctrl-Alt-X would start matchbox's xterm with a
# shell, Alt-F4 would close the kiosk.
xdotool key ctrl+alt+x alt+F4
sleep 1
n=$(xdotool search --onlyvisible --class xterm 2>/dev/null | wc -l)
[ "$n" -eq 1 ] || fail "$n xterm windows after Ctrl-Alt-X and Alt-F4, not the kiosk's 1"
wait_for 'to start'

tap 'Press Enter to start'
wait_for 'Question 1 of'
screen_at_question=$(cat "$tmp/screen")
xwd -root -silent | xwdtopnm 2>/dev/null | pnmtopng >"$tmp/question.png"
# Unsure of the first warning sign, then No to everything else.
tap 'Not sure'
wait_for 'Question 2 of'
n=2
while grep -q "Question $n of" "$tmp/screen"; do
    tap 'No'
    n=$((n + 1))
    wait_for "Question $n of|Print"
done
echo "touch test: $((n - 1)) questions answered with taps"
wait_for 'Print'
tap 'Print'
for _ in $(seq 100); do
    [ -s "$tmp/printed" ] && break
    sleep 0.2
done
[ -s "$tmp/printed" ] || fail "a tap on Print printed nothing"
# What was printed is the summary of these answers: the warning sign the
# patient was unsure of (the first question, on chest pain), so a same-day
# result, and the disclaimer.
grep -q '^Triage level: Same day' "$tmp/printed" || fail "the printed summary is not at Same day"
grep -q '^- Warning sign answered not sure: Do you have any of these now' "$tmp/printed" ||
    fail "the printed summary does not name the unsure warning sign"
grep -q '^Answered no: stroke_signs,' "$tmp/printed" && grep -q 'daily_meds$' "$tmp/printed" ||
    fail "the printed summary does not hold the No answers"
grep -q 'not a diagnosis' "$tmp/printed" || fail "the printed summary has no disclaimer"
echo "touch test: the summary printed with a tap holds the answers given with taps"

# The screenshot is what the patient saw: xterm drew the kiosk's yellow
# question text (xterm's bold yellow) with the font, not a blank screen.
yellow=$(pngtopnm "$tmp/question.png" | ppmhist -noheader | awk '$1 >= 200 && $2 >= 200 && $3 <= 60 {n += $5} END {print n + 0}')
[ "$yellow" -gt 2000 ] || fail "the screenshot shows $yellow yellow pixels: no question text"
printf '%s\n' "$screen_at_question" | grep -q 'Yes' || fail "no Yes button at question 1"
[ -z "$shot_out" ] || cp "$tmp/question.png" "$shot_out"
echo "touch: 4 checks passed"
