#!/usr/bin/env bash
# Runs every fuzz target (or the ones named) for SECONDS each, one after the other, on stable
# Rust (no sanitizer), and exits non-zero when any of them finds a crash, a hang or a memory
# blow-up. Each target reads its growing corpus in corpus/TARGET/ (not committed) and the
# hand-picked seeds in seeds/; crash inputs go to artifacts/TARGET/.
#
#   fuzz/run.sh                  # every target, 600 s each
#   fuzz/run.sh 30 check align   # two targets, 30 s each
#
# Logs go to $FUZZ_LOGS/TARGET.log (default /tmp/fuzzlogs). paridad's rayon pool is kept to
# one thread (RAYON_NUM_THREADS, default 1), so one fuzzer uses one core.
set -uo pipefail
cd "$(dirname "$0")"

seconds=${1:-600}
shift || true
logs=${FUZZ_LOGS:-/tmp/fuzzlogs}
export RAYON_NUM_THREADS=${RAYON_NUM_THREADS:-1}
mkdir -p "$logs"

if [ $# -gt 0 ]; then
    targets=("$@")
else
    mapfile -t targets < <(cargo fuzz list)
fi

# The seeds of a target, and the longest input it gets.
seeds_of() {
    case $1 in
        segment) echo "seeds/text 65536" ;;
        read) echo "seeds/text 200000" ;;
        glossary) echo "seeds/glossary 65536" ;;
        dates | numbers | names | modality) echo "seeds/sentence 16384" ;;
        *) echo "seeds/pair 65536" ;;
    esac
}

cargo fuzz build -s none || exit 2

failed=()
for target in "${targets[@]}"; do
    read -r seeds max_len < <(seeds_of "$target")
    mkdir -p "corpus/$target"
    log="$logs/$target.log"
    echo "== $target: ${seconds}s, log $log"
    cargo fuzz run -s none "$target" "corpus/$target" "$seeds" -- \
        -max_total_time="$seconds" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 >"$log" 2>&1
    status=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    echo "   exit $status, ${runs:-?} executions, $(find "corpus/$target" -type f | wc -l) corpus files"
    if [ "$status" -ne 0 ]; then
        failed+=("$target")
        grep -m 5 -E 'panicked at|ERROR: libFuzzer|SUMMARY|Test unit written' "$log" | sed 's/^/   /'
    fi
done

if [ ${#failed[@]} -gt 0 ]; then
    echo "findings in: ${failed[*]}" >&2
    exit 1
fi
echo "no findings"
