#!/bin/sh
# Writes the native incidents' letters (tests/golden/letters-<lang>/) as one text per language
# for readers: ./scripts/render-i18n-letters.sh OUTDIR (refresh the goldens first:
# UPDATE_GOLDEN=1 npx vitest run tests/golden/letters-i18n.test.ts).
set -eu
out=${1:?usage: render-i18n-letters.sh OUTDIR}
mkdir -p "$out"
for lang in de fr es; do
  {
    for f in tests/golden/letters-$lang/*.txt; do
      name=$(basename "$f" .txt)
      printf '==================== %s (%s) ====================\n\n' "$name" "tests/fixtures/incidents/$lang/${name%.batch}.yaml"
      cat "$f"
      printf '\n\n'
    done
  } > "$out/$lang.txt"
done
