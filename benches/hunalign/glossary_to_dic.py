#!/usr/bin/env python3
"""Turns paridad's built-in glossary (src/lang/glossary_en_es.tsv: `English<TAB>Spanish[<TAB>note]`)
into a hunalign dictionary for aligning English (hunalign's source, the first file) with
Spanish (its target, the second file).

    python3 glossary_to_dic.py GLOSSARY_TSV > en-es.dic

hunalign's format is one item a line, `target phrase @ source phrase`: "for historical reasons,
the target language phrases come first" (hunalign's README), so here `Spanish @ English`.
Phrases may have several words, separated by spaces. hunalign's default run (no -realign, the
only one the WebAssembly wrapper offers) uses only items whose source phrase is one word: it
translates each English word it finds as a whole token to its Spanish phrase and counts words
shared with the Spanish sentence; items with a multi-word English side are read and ignored.
They are written anyway, as hunalign accepts them.

hunalign compares words byte for byte (no case folding, no accent folding, no plural
tolerance), where paridad's glossary matching ignores case and accents and tolerates plurals.
Each entry is written as it is, in lower case, and capitalised (a sentence's first word); no
plural forms are made up."""

import sys


def variants(en, es):
    yield en, es
    yield en.lower(), es.lower()
    cap = lambda s: s[:1].upper() + s[1:]
    yield cap(en.lower()), cap(es.lower())


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: glossary_to_dic.py GLOSSARY_TSV > DICT")
    seen = set()
    out = []
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) < 2:
                sys.exit(f"glossary_to_dic.py: not an entry: {line!r}")
            en, es = (" ".join(x.split()) for x in fields[:2])
            for e, s in variants(en, es):
                item = f"{s} @ {e}"
                if item not in seen:
                    seen.add(item)
                    out.append(item)
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
