#!/usr/bin/env bash
# Writes every report paridad makes on the English-Spanish inputs the project has (the seed
# pair in every format, with every glossary fixture, the segment fixtures, the sentence
# fixtures, a batch, synthetic corpora and the mutation cases) into OUTDIR, one file each, so
# that two builds can be compared byte for byte:
#
#   scripts/snapshot-reports.sh target/release/paridad /tmp/before
#   ... change the code, cargo build --release ...
#   scripts/snapshot-reports.sh target/release/paridad /tmp/after
#   diff -r /tmp/before /tmp/after && echo byte-identical
#
# A run's exit status and standard error are part of each file. The mutation cases' reports
# come from the mutation test (PARIDAD_SNAPSHOT_DIR). Needs cargo for the synthetic corpora.
set -uo pipefail
if [ $# -ne 2 ]; then
    echo "usage: $0 PARIDAD_BINARY OUTDIR" >&2
    exit 2
fi
bin=$(realpath "$1")
out=$2
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$out"
out=$(realpath "$out")
cd "$root"

# run NAME ARGS...: the command's stdout, then its stderr and exit status, into OUTDIR/NAME.
run() {
    local name=$1
    shift
    "$bin" "$@" >"$out/$name" 2>"$out/$name.stderr"
    echo "exit $?" >>"$out/$name.stderr"
}

en=seeds/2025-2028.en.txt
es=seeds/2025-2028.es.txt
for f in text json csv tsv html xliff tmx; do
    run "seed.check.$f" check "$en" "$es" --format "$f"
done
run seed.check.all.json check "$en" "$es" --min-severity info --format json
run seed.check.date.json check "$en" "$es" --doc-date 2025-06-01 --format json
# The baseline sits at a path relative to here, which the report names.
mkdir -p target
base=target/snapshot-baseline.json
"$bin" check "$en" "$es" --write-baseline "$base" --format json >/dev/null 2>&1
cp "$base" "$out/seed.baseline.json"
run seed.check.with-baseline.json check "$en" "$es" --baseline "$base" --format json
rm -f "$base"
for f in text json; do
    run "seed.align.$f" align "$en" "$es" --format "$f"
done
for g in tests/fixtures/glossary/*; do
    run "seed.glossary.$(basename "$g").json" check "$en" "$es" --glossary "$g" --format json
done
for s in seeds/*.txt tests/fixtures/segment/*.txt; do
    for f in json text; do
        run "segment.$(basename "$s").$f" segment "$s" --format "$f"
    done
done
# The segment fixtures that are an English-Spanish pair.
while read -r a b; do
    d=tests/fixtures/segment
    for f in json text; do
        run "fixture.$a.$b.check.$f" check "$d/$a.txt" "$d/$b.txt" --format "$f"
    done
done <<'PAIRS'
appendix appendix_es
multilevel multilevel_es_nodot
nbsp nbsp_es_inline
renumbered_en renumbered_es_inline
toc_chapters toc_chapters_es
treaty_en treaty_es
wrapped_headings wrapped_headings_es
pdf_wrapped sections_es
PAIRS
# The sentence fixtures: one sentence a line, any two languages.
for gold in tests/fixtures/sentences/*/*.gold; do
    dir=$(dirname "$gold")
    stem=$(basename "$gold" .gold)
    files=("$dir/$stem".*.txt)
    if [ ${#files[@]} -eq 2 ]; then
        la=$(basename "${files[0]}" .txt); la=${la##*.}
        lb=$(basename "${files[1]}" .txt); lb=${lb##*.}
        run "sentences.$(basename "$dir").$stem.beads" align --sentences --langs "$la,$lb" \
            "${files[0]}" "${files[1]}" --format beads
    fi
done
run sentences.plan.beads align --sentences --langs de,fr \
    tests/fixtures/sentences/plan.de.txt tests/fixtures/sentences/plan.fr.txt --format beads
# A batch over the pairs above, in manifest order (given on standard input: paths from here).
printf '%s\n' \
    '{"id": "seed", "en": "seeds/2025-2028.en.txt", "es": "seeds/2025-2028.es.txt"}' \
    '{"id": "treaty", "en": "tests/fixtures/segment/treaty_en.txt", "es": "tests/fixtures/segment/treaty_es.txt"}' \
    '{"id": "missing", "en": "seeds/none.en.txt", "es": "seeds/2025-2028.es.txt"}' |
    run batch.jsonl batch -
# Synthetic corpora made from the seeds with recorded edits.
synth=$out/.synth
for spec in "1000 0.05 7" "3000 0.15 11"; do
    set -- $spec
    dir=$synth/$1-$3
    cargo run --quiet --release --example synth_corpus -- "$1" "$2" "$3" "$dir" >/dev/null
    (cd "$dir" && run "synth.$1-$3.beads" align --sentences en.txt es.txt --format beads &&
        run "synth.$1-$3.check.json" check en.txt es.txt --format json)
done
rm -rf "$synth"
# The mutation cases of the test suite, each one's JSON report.
mkdir -p "$out/mutations"
PARIDAD_SNAPSHOT_DIR="$out/mutations" cargo test --quiet --release --test main \
    mutations_are_flagged >/dev/null 2>&1 || echo "warning: the mutation test failed" >&2
# Checked from inside the folder, so that the paths in the reports do not name OUTDIR.
for a in "$out"/mutations/*.en.txt; do
    name=$(basename "$a" .en.txt)
    (cd "$out/mutations" && "$bin" check "$name.en.txt" "$name.es.txt" --format json \
        >"$name.check.json" 2>"$name.check.json.stderr"; echo "exit $?" >>"$name.check.json.stderr")
    rm -f "$a" "$out/mutations/$name.es.txt"
done
echo "$(find "$out" -type f | wc -l) files in $out"
