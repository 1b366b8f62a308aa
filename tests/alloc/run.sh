#!/bin/sh
# SPDX-License-Identifier: MIT
# Runs each command with each of its allocations failing in turn (the
# failalloc shim, LD_PRELOAD) and fails when any run ends dishonestly: a
# crash, a hang, a sanitizer report, a partial result with the normal exit
# code, or an exit code other than 71 (out of memory) with its message.
# Every command reads a shipped question file.
#   run.sh SHIM BINARY SOURCE_DIR [whole|sampled]
# whole (the default): every allocation of every command. sampled (for a
# sanitizer build, where each run costs more): every allocation of --check
# (on the English file and on a broken one), --help and --batch --format
# summary; for the other commands, every 20th while the question file loads
# (the part --check tries whole) and every one after; every 20th all through
# for the two that load the Spanish file and then the English one (the same
# loader, which --check tries whole, twice over).
# MC_ALLOC_JOBS commands run at a time (default: the number of processors).
set -eu
shim=$1 binary=$2 src=$3 mode=${4:-whole}
case "$mode" in whole | sampled) ;; *) echo "run.sh: unknown mode $mode" >&2 && exit 2 ;; esac
jobs=${MC_ALLOC_JOBS:-$(nproc 2>/dev/null || echo 1)}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Under AddressSanitizer the shim comes before its runtime, on purpose.
# Leaks are left to the other sanitizer tests: a leak check at each of
# thousands of exits would take most of CI's time.
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0:detect_leaks=0"
export ASAN_OPTIONS
# A fixed date: the summary and FHIR outputs are compared with the reference
# run's, to the byte.
SOURCE_DATE_EPOCH=1700000000
export SOURCE_DATE_EPOCH
questions=$src/questions/en.yaml
answers=$src/tests/data/answers/iron.txt
printf 'yes\nno\nunsure\nyes\nno\nyes\nno\nno\nno\nno\nno\nno\nno\nno\n' >"$work/typed"
(umask 077 && echo 2468 >"$work/pin")
started=$(date +%s)
dense=1  # sampled: from which allocation on every one is tried
stride=1 # before it, every STRIDEth

# Command N of the list below, with its arguments (a leading absolute path
# is its standard input).
command_args() {
    case "$1" in
    1) set -- --check "$questions" ;;
    2) set -- -q "$questions" --batch --answers "$answers" --format summary ;;
    3) set -- --check "$src/tests/data/bad/many-errors.yaml" ;;
    4) set -- --help ;;
    5) set -- -q "$questions" --list ;;
    6) set -- -q "$questions" --list --format json ;;
    7) set -- -q "$questions" --list --format fhir ;;
    8) set -- -q "$questions" --batch --answers "$answers" --format text ;;
    9) set -- -q "$questions" --batch --answers "$answers" --format json ;;
    10) set -- -q "$questions" --batch --answers "$answers" --format fhir ;;
    11) set -- "$work/typed" -q "$questions" --plain ;;
    # The bundled files: found beside the build, listed, and a translation
    # checked against the English file.
    12) set -- --lang es --list ;;
    13) set -- --check "$src/questions/es.yaml" ;;
    # A kiosk's start-up: every bundled language and the staff PIN file,
    # then no terminal (69).
    14) set -- --kiosk --staff-pin-file "$work/pin" ;;
    *) return 1 ;;
    esac
    printf '%s\n' "$@"
}
whole_commands=4 # 1 to 4: always tried whole
two_files=13     # from 13 on: two files loaded, both tried whole above
count=14

# Runs command N (its folder made); its report in $work/N/log, its status
# in $work/N/status.
run_one() {
    dir=$work/$1
    tried_dense=1 tried_stride=1
    if [ "$1" -ge "$two_files" ] && [ "$stride" -gt 1 ]; then
        tried_dense=999999999 tried_stride=$stride # all of it sampled
    elif [ "$1" -gt "$whole_commands" ]; then
        tried_dense=$dense tried_stride=$stride
    fi
    command_args "$1" >"$dir/args"
    set --
    while IFS= read -r arg; do set -- "$@" "$arg"; done <"$dir/args"
    input=/dev/null
    case "$1" in /*) input=$1 && shift ;; esac
    echo "== musclecheck $*" >"$dir/log"
    begin=$(date +%s)
    status=0
    env MC_FAILALLOC_RUN="$dir" MC_FAILALLOC_STDIN="$input" MC_FAILALLOC_DENSE="$tried_dense" \
        MC_FAILALLOC_STRIDE="$tried_stride" LD_PRELOAD="$shim" "$binary" "$@" >>"$dir/log" 2>&1 ||
        status=$?
    echo "   ($(($(date +%s) - begin)) s)" >>"$dir/log"
    echo "$status" >"$dir/status"
}

# Runs commands FIRST to LAST, MC_ALLOC_JOBS at a time: each worker takes
# the next command nobody has claimed (mkdir is atomic).
run_pool() {
    k=0
    while [ "$k" -lt "$jobs" ]; do
        (
            n=$1
            while [ "$n" -le "$2" ]; do
                if mkdir "$work/$n" 2>/dev/null; then run_one "$n"; fi
                n=$((n + 1))
            done
        ) &
        k=$((k + 1))
    done
    wait
}

run_pool 1 "$whole_commands"
if [ "$mode" = sampled ]; then
    loaded=$(sed -n 's/^failalloc: .* (allocations 1 to \([0-9]*\).*/\1/p' "$work/1/log")
    # A little before: the other commands' option parsing differs a little.
    loaded=${loaded:-1}
    dense=$((loaded > 100 ? loaded - 100 : 1))
    stride=20
fi
run_pool $((whole_commands + 1)) "$count"
failed=0
i=1
while [ "$i" -le "$count" ]; do
    cat "$work/$i/log"
    [ "$(cat "$work/$i/status")" = 0 ] || failed=$((failed + 1))
    i=$((i + 1))
done
echo "alloc: $count commands ($mode) in $(($(date +%s) - started)) s"
if [ "$failed" -gt 0 ]; then
    echo "alloc: $failed commands ended dishonestly when an allocation failed"
    exit 1
fi
echo "alloc: every command is honest when any one allocation fails"
