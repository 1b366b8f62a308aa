#!/bin/sh
# SPDX-License-Identifier: MIT
# The FHIR output of the real binary, in every bundled language: the
# Questionnaire (--list --format fhir) and a QuestionnaireResponse for each
# answers file in tests/data/answers and for an empty one (--batch --format
# fhir), checked by tests/fhir/validate.js. Its npm packages
# (tests/fhir/package.json) are installed by "scripts/setup test" into
# NPM_DIR; without node or them the test is skipped (exit 77).
# Usage: run.sh BINARY SOURCE_DIR NPM_DIR
set -eu
bin=$1
src=$2
npm_dir=$3
if ! command -v node >/dev/null 2>&1 || [ ! -d "$npm_dir/node_modules/ajv" ]; then
    echo "fhir: skipped: no node or no validators in $npm_dir (run scripts/setup test)" >&2
    exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=1764150000
for lang in en es; do
    "$bin" --list --format fhir --lang "$lang" >"$tmp/questionnaire-$lang.json"
    set --
    for answers in "$src"/tests/data/answers/*.txt /dev/null; do
        out="$tmp/response-$lang-$(basename "$answers" .txt).json"
        "$bin" --batch --format fhir --lang "$lang" --answers "$answers" >"$out"
        set -- "$@" "$out"
    done
    node "$src/tests/fhir/validate.js" "$npm_dir" "$tmp/questionnaire-$lang.json" "$@"
done
# One reference per language: the two Questionnaires' url|version differ.
ref() { node -e 'const q = require(process.argv[1]); console.log(`${q.url}|${q.version}`)' "$1"; }
[ "$(ref "$tmp/questionnaire-en.json")" != "$(ref "$tmp/questionnaire-es.json")" ] ||
    { echo "fhir: English and Spanish share one canonical url|version" >&2; exit 1; }
echo "fhir: 2 passed, 0 failed"
