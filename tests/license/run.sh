#!/bin/sh
# SPDX-License-Identifier: MIT
# Every source file carries "SPDX-License-Identifier: MIT" as its first
# comment line (the second line after a shebang): C files and headers,
# CMake files, shell scripts, question files, man page sources, systemd
# units and configuration. Test inputs whose bytes are the point
# (tests/data, the fuzz corpus) are covered by LICENSE and the package's
# copyright file instead. Lists files with git when SOURCE_DIR is a
# checkout, else with find.
# Usage: run.sh SOURCE_DIR
set -eu
cd "$1"
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    files=$(git ls-files --cached --others --exclude-standard)
else
    files=$(find . -path ./.git -prune -o -path './build*' -prune -o -type f -print | sed 's|^\./||')
fi
checked=0
missing=0
for f in $files; do
    [ -f "$f" ] || continue
    case "$f" in
    tests/data/* | tests/fuzz/corpus/* | tests/fuzz/regressions/*) continue ;;
    packaging/changelog.in) continue ;; # Debian's changelog format has no comments
    *.c | *.h | *.js | *.in | *.cmake | */CMakeLists.txt | CMakeLists.txt | *.yaml | *.sh | *.service | *.conf) ;;
    *) head -c 2 "$f" | grep -q '^#!' || continue ;;
    esac
    checked=$((checked + 1))
    if head -c 2 "$f" | grep -q '^#!'; then
        line=$(sed -n 2p "$f")
    else
        line=$(sed -n 1p "$f")
    fi
    case "$line" in
    '/* SPDX-License-Identifier: MIT */' | '# SPDX-License-Identifier: MIT' | \
        '// SPDX-License-Identifier: MIT' | \
        '.\" SPDX-License-Identifier: MIT') ;;
    *)
        echo "$f:1: no SPDX-License-Identifier: MIT line at the top; add one as its first comment" >&2
        missing=$((missing + 1))
        ;;
    esac
done
[ "$checked" -gt 50 ] || { echo "license test: only $checked files checked; wrong folder?" >&2; exit 1; }
[ ! -f LICENSE ] && { echo "LICENSE: missing" >&2; exit 1; }
grep -q '^MIT License' LICENSE || { echo "LICENSE: not the MIT licence" >&2; exit 1; }
if [ "$missing" -gt 0 ]; then
    echo "license: $missing of $checked files lack the SPDX line" >&2
    exit 1
fi
echo "license: $checked files, all with SPDX-License-Identifier: MIT"
