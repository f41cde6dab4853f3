#!/usr/bin/env python3
"""Hand-written changes to real translations, and how many of them paridad finds.

    python3 scripts/changes.py freeze DRAFT.jsonl OUT.jsonl   # drop the manuals' text from a draft
    python3 scripts/changes.py score [BINARY] [--held-out] [--list] [-- OPTION…]   # recall and false alarms

The changes were written by hand, before tuning and without reading the code, on the text
exports of three Debian manuals (`scripts/manuals.py fetch`): the Debian Reference and the New
Maintainers' Guide (development half: `eval/changes/dev.jsonl`), and the Administrator's
Handbook with the other half of the first two (held out: `eval/changes/heldout.jsonl`, looked at
only to report). Each change replaces bytes `start..end` of one line of one side (whose SHA-256
is kept, not the text) by `new`; `expect` is `warning` for a change a reviewer must see and
`none` for a faithful paraphrase.

`score` applies every change of a manual at once (no two share a paragraph), checks the edited
pair, and counts a change as found when a warning or an error stands at the sentence pair that
holds the edited line and was not there before the edit (same kind and message); a `none`
change that raises one there is a false alarm. A change that deletes text (`new` empty) is also
found at the pairs of the sentences right before and after the edited one: a sentence deleted
leaves its counterpart without one, and that finding stands at the counterpart's pair.
"""

import hashlib
import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import manuals  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "eval" / "changes"


def freeze(draft, out):
    """The draft's changes with `old` replaced by its byte range in the line and its hash, and
    without notes (which quote the manuals)."""
    frozen = []
    for raw in Path(draft).read_text(encoding="utf-8").splitlines():
        if not raw.strip():
            continue
        c = json.loads(raw)
        lines = manuals.text_path(c["doc"], c["side"]).read_bytes().split(b"\n")
        line = lines[c["line"] - 1]
        old = c["old"].encode()
        start = line.find(old)
        if start < 0 or line.find(old, start + 1) >= 0:
            sys.exit(f"{c['id']}: `old` is not once in line {c['line']}")
        frozen.append(
            {
                "id": c["id"],
                "doc": c["doc"],
                "side": c["side"],
                "line": c["line"],
                "start": start,
                "end": start + len(old),
                "old_sha256": hashlib.sha256(old).hexdigest(),
                "new": c["new"],
                "kind": c["kind"],
                "class": c["class"],
                "expect": c["expect"],
            }
        )
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        for c in frozen:
            f.write(json.dumps(c, ensure_ascii=False) + "\n")
    print(f"{out}: {len(frozen)} changes")


def load(name):
    return [json.loads(l) for l in (EVAL / name).read_text(encoding="utf-8").splitlines() if l.strip()]


def apply(doc, side, changes):
    """The text of `doc`'s `side` with `changes` made, and per change the byte range of its line
    in the edited text."""
    lines = manuals.text_path(doc, side).read_bytes().split(b"\n")
    for c in changes:
        line = lines[c["line"] - 1]
        old = line[c["start"] : c["end"]]
        if hashlib.sha256(old).hexdigest() != c["old_sha256"]:
            sys.exit(f"{c['id']}: the manual's text differs from the one the change was written on")
        lines[c["line"] - 1] = line[: c["start"]] + c["new"].encode() + line[c["end"] :]
    starts, at = [], 0
    for line in lines:
        starts.append(at)
        at += len(line) + 1
    ranges = {c["id"]: (starts[c["line"] - 1], starts[c["line"] - 1] + len(lines[c["line"] - 1])) for c in changes}
    return b"\n".join(lines), ranges


def findings_by_place(binary, en, es):
    """Per (side, sentence index), the loud findings of the pair that holds that sentence, as
    (kind, message); and the sentence spans of each side."""
    report = manuals.run_json([binary, "check", "--format", "json", "--langs", "en,es", *manuals.check_options(), str(en), str(es)])
    spans = {}
    for side, path in (("en", en), ("es", es)):
        doc = manuals.run_json([binary, "segment", "--format", "json", "--lang", side, str(path)])
        spans[side] = [(s["index"], s["spans"]) for s in sentences_of(doc)]
    places = defaultdict(set)
    for section in report["sections"]:
        pairs = section.get("pairs", [])
        for d in section.get("divergences", []):
            if d["severity"] not in ("error", "warning") or d.get("pair") is None:
                continue
            pair = pairs[d["pair"]]
            for side in ("en", "es"):
                for i in pair.get(f"{side}_idx", []):
                    places[(side, i)].add((d["kind"], d["message"]))
    return places, spans


def sentences_of(doc):
    def walk(sections):
        for s in sections:
            for p in s.get("paragraphs", []):
                yield from p.get("sentences", [])
            yield from walk(s.get("children", []))

    return walk(doc["sections"])


def at(places, spans, side, byte_range, neighbours=False):
    """The findings at the pairs that hold the sentences of `side` overlapping `byte_range`;
    with `neighbours`, also at the pairs of the sentences right before and after them."""
    lo, hi = byte_range
    indexes = {index for index, pieces in spans[side] if any(a < hi and b > lo for a, b in pieces)}
    if neighbours:
        indexes |= {i + d for i in indexes for d in (-1, 1)}
    found = set()
    for index in indexes:
        found |= places.get((side, index), set())
    return found


def score(binary, held_out):
    changes = load("heldout.jsonl" if held_out else "dev.jsonl")
    by_doc = defaultdict(list)
    for c in changes:
        by_doc[(c["doc"], c["side"])].append(c)
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for doc in sorted({c["doc"] for c in changes}):
            en, es = manuals.text_path(doc, "en"), manuals.text_path(doc, "es")
            base_places, base_spans = findings_by_place(binary, en, es)
            edited = {}
            ranges = {}
            for side in ("en", "es"):
                text, r = apply(doc, side, by_doc.get((doc, side), []))
                path = Path(tmp) / f"{doc}.{side}.txt"
                path.write_bytes(text)
                edited[side] = path
                ranges.update({k: (side, v) for k, v in r.items()})
            places, spans = findings_by_place(binary, edited["en"], edited["es"])
            for c in (c for c in changes if c["doc"] == doc):
                side, byte_range = ranges[c["id"]]
                # A deletion leaves the other side's sentence without counterpart: the finding
                # stands at the pair of that sentence, which is beside the edited one.
                deletion = c["new"] == ""
                before = at(base_places, base_spans, side, byte_range, deletion)
                after = at(places, spans, side, byte_range, deletion)
                results[c["id"]] = (c, bool(after - before))
    found = [c for c, new in results.values() if new and c["expect"] != "none"]
    wanted = [c for c, _ in results.values() if c["expect"] != "none"]
    faithful = [c for c, _ in results.values() if c["expect"] == "none"]
    alarms = [c for c, new in results.values() if new and c["expect"] == "none"]
    half = "held-out" if held_out else "development"
    print(f"{half}: {len(found)} of {len(wanted)} changes found (recall {len(found) / max(1, len(wanted)):.2f}); "
          f"{len(alarms)} of {len(faithful)} faithful paraphrases flagged")
    print("| kind | changes | found | recall |")
    print("| --- | ---: | ---: | ---: |")
    kinds = defaultdict(lambda: [0, 0])
    for c, new in results.values():
        if c["expect"] != "none":
            kinds[c["kind"]][0] += 1
            kinds[c["kind"]][1] += new
    for kind, (n, k) in sorted(kinds.items()):
        print(f"| {kind} | {n} | {k} | {k / n:.2f} |")
    if "--list" in manuals.our_args():
        for c, new in sorted(results.values(), key=lambda r: r[0]["id"]):
            if (c["expect"] != "none") != new:
                print(f"{'missed' if c['expect'] != 'none' else 'alarm '} {c['id']} {c['kind']}/{c['class']}")


def main():
    argv = manuals.our_args()
    if len(argv) >= 4 and argv[1] == "freeze":
        freeze(argv[2], argv[3])
    elif len(argv) >= 2 and argv[1] == "score":
        args = [a for a in argv[2:] if not a.startswith("--")]
        binary = args[0] if args else str(ROOT / "target" / "release" / "paridad")
        score(binary, "--held-out" in argv)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
