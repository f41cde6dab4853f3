"""Writes a batch manifest of N lines (default 300) over the seeds, for the Spark test.

    python3 make_manifest.py SEEDS_DIR OUT.jsonl [N]

Absolute paths to the seed files; the one real pair in both orders, with and without
`langs`, with several `doc_date`s (one invalid), English seeds against the Spanish one, plus
a missing file, a malformed line, a line without "es", an unknown field and a blank line, each
recurring through the manifest so that every partition gets some. Deterministic: the same N
gives the same file.
"""
import json
import os
import sys


def main():
    seeds = os.path.abspath(sys.argv[1])
    out = sys.argv[2]
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 300

    def seed(name):
        return os.path.join(seeds, name)

    en, es = seed("2025-2028.en.txt"), seed("2025-2028.es.txt")
    others = [seed(n) for n in ("2021.en.txt", "2014-2016.en.txt", "2025-09-20-statement.en.txt")]
    dates = [None, "2025-09-18", "2026-01-01", "2024-12-31"]

    def entry(i):
        kind = i % 10
        doc = {"id": f"pair-{i}", "en": en, "es": es}
        if kind == 1:
            doc.update(en=es, es=en)  # Spanish first: a report with a warning
        elif kind == 2:
            doc["langs"] = "en,es"
        elif kind == 3:
            doc["en"] = others[(i // 10) % len(others)]  # another document against the Spanish
        elif kind == 4:
            doc["es"] = seed("missing.es.txt")  # a missing file: an error record
        elif kind == 5:
            doc["doc_date"] = "2031-02-30"  # an invalid date: an error record
        elif kind == 6:
            doc["extra"] = True  # an unknown field: a report with a warning
        elif kind == 7:
            del doc["es"]  # no "es": an error record
        date = dates[(i // 10) % len(dates)]
        if date and kind in (0, 2, 6):
            doc["doc_date"] = date
        line = json.dumps(doc)
        if kind == 8 and (i // 10) % 2 == 0:
            return line[: len(line) // 2]  # a malformed line, cut in the middle
        if kind == 9 and (i // 10) % 3 == 0:
            return ""  # a blank line: skipped, but counted in the line numbers
        return line

    with open(out, "w", encoding="utf-8") as f:
        for i in range(count):
            f.write(entry(i) + "\n")


if __name__ == "__main__":
    main()
