#!/usr/bin/env python3
"""Exact-bead precision and recall of an alignment against gold, as examples/evaluate.rs and
benches/synth/mod.rs (`precision_recall`) score: a predicted bead counts when both of its index
lists equal those of a gold bead; precision = hits / predicted beads, recall = hits / gold
beads.

    python3 score.py GOLD PRED

Both files hold one bead a line, `[0]:[0, 1]` with an optional `:score` after it (the format
of `paridad align --sentences --format beads`). Prints `precision recall hits pred gold`.
Exits 1 when PRED does not cover every sentence of GOLD once, in order (an aligner's output
that is no alignment of the same input)."""

import re
import sys

BEAD = re.compile(r"^\[([0-9, ]*)\]:\[([0-9, ]*)\](?::.*)?$")


def read(path):
    beads = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line:
                continue
            m = BEAD.match(line)
            if not m:
                sys.exit(f"score.py: {path}:{n}: not a bead: {line!r}")
            side = lambda s: tuple(int(x) for x in s.split(",") if x.strip())
            beads.append((side(m.group(1)), side(m.group(2))))
    return beads


def covered(beads):
    """The number of sentences on each side, or None when not every one once, in order."""
    nxt = [0, 0]
    for bead in beads:
        for k in (0, 1):
            for i in bead[k]:
                if i != nxt[k]:
                    return None
                nxt[k] += 1
    return tuple(nxt)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: score.py GOLD PRED")
    gold, pred = read(sys.argv[1]), read(sys.argv[2])
    if covered(gold) is None:
        sys.exit(f"score.py: {sys.argv[1]}: the gold does not cover its sentences in order")
    if covered(pred) != covered(gold):
        print(f"score.py: {sys.argv[2]}: covers {covered(pred)} sentences, the gold {covered(gold)}",
              file=sys.stderr)
        sys.exit(1)
    gold_set = set(gold)
    hits = sum(1 for b in pred if b in gold_set)
    print(f"{hits / max(len(pred), 1):.4f} {hits / max(len(gold), 1):.4f} {hits} {len(pred)} {len(gold)}")


if __name__ == "__main__":
    main()
