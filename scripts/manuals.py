#!/usr/bin/env python3
"""Real manuals in English, Spanish and French: fetch them from Debian and measure paridad's
sections on them.

    python3 scripts/manuals.py fetch              # apt-get download + dpkg-deb -x, then gunzip
    python3 scripts/manuals.py measure [BINARY]   # sections, `~2` ids, pairing by id

The text is fetched into `target/manuals/` (or `$PARIDAD_MANUALS`) and never committed. The
manuals: the Debian Reference (`debian-reference-{en,es,fr}`) and the New Maintainers' Guide
(`maint-guide`, `maint-guide-{es,fr}`), text editions.

`measure` prints, for each version, its sections, how many are numbered and how many carry a
`~N` id (a number seen twice), and for each English–Spanish and English–French pair, of the
numbered ids both versions have, the share the section alignment pairs with each other. French
has no tables of its own yet: it is segmented with the English tables (`--langs en,en`), which
the structure rules do not need.
"""

import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = Path(os.environ.get("PARIDAD_MANUALS", ROOT / "target" / "manuals"))

# (manual, package per language, path of the text inside the package)
MANUALS = [
    (
        "debian-reference",
        {"en": "debian-reference-en", "es": "debian-reference-es", "fr": "debian-reference-fr"},
        "usr/share/debian-reference/debian-reference.{lang}.txt.gz",
    ),
    (
        "maint-guide",
        {"en": "maint-guide", "es": "maint-guide-es", "fr": "maint-guide-fr"},
        "usr/share/doc/{package}/maint-guide.{lang}.txt.gz",
    ),
]


def text_path(manual, lang):
    return CACHE / f"{manual}.{lang}.txt"


def fetch():
    CACHE.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for manual, packages, inner in MANUALS:
            for lang, package in packages.items():
                out = text_path(manual, lang)
                if out.exists():
                    continue
                subprocess.run(["apt-get", "download", package], cwd=tmp, check=True)
                deb = next(Path(tmp).glob(f"{package}_*.deb"))
                tree = Path(tmp) / package
                subprocess.run(["dpkg-deb", "-x", str(deb), str(tree)], check=True)
                gz = tree / inner.format(lang=lang, package=package)
                with gzip.open(gz, "rb") as src, open(out, "wb") as dst:
                    shutil.copyfileobj(src, dst)
                print(f"{out} ({out.stat().st_size} bytes)")


def flatten(sections):
    for s in sections:
        yield s
        yield from flatten(s.get("children", []))


def run_json(args):
    done = subprocess.run(args, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{' '.join(args)}: exit {done.returncode}: {done.stderr.strip()}")
    return json.loads(done.stdout)


def lang_option(lang):
    return "es" if lang == "es" else "en"


def measure(binary):
    failed = False
    print("| version | sections | numbered | `~N` ids | contents lines skipped |")
    print("| --- | ---: | ---: | ---: | ---: |")
    ids = {}
    for manual, packages, _ in MANUALS:
        for lang in packages:
            path = text_path(manual, lang)
            doc = run_json([binary, "segment", "--format", "json", "--lang", lang_option(lang), str(path)])
            sections = [s for s in flatten(doc["sections"]) if s["kind"] != "preamble"]
            numbered = [s for s in sections if s.get("label")]
            dup = [s["id"] for s in sections if "~" in s["id"]]
            contents = sum(1 for s in doc["skipped"] if s["kind"] == "contents")
            ids[(manual, lang)] = {s["id"] for s in numbered}
            failed |= bool(dup)
            print(f"| {manual}.{lang} | {len(sections)} | {len(numbered)} | {len(dup)} | {contents} |")
    print()
    print("| pair | numbered ids in both | paired by id | share |")
    print("| --- | ---: | ---: | ---: |")
    for manual, _, _ in MANUALS:
        for other in ("es", "fr"):
            a, b = text_path(manual, "en"), text_path(manual, other)
            langs = f"en,{lang_option(other)}"
            report = run_json([binary, "align", "--format", "json", "--langs", langs, str(a), str(b)])
            keys = ("en_id", "es_id") if other == "es" else ("a_id", "b_id")
            paired = {p[keys[0]] for p in report["sections"] if p[keys[0]] and p[keys[0]] == p[keys[1]]}
            both = ids[(manual, "en")] & ids[(manual, other)]
            share = len(paired & both) / len(both) if both else 0.0
            failed |= share < 0.98
            print(f"| {manual} en–{other} | {len(both)} | {len(paired & both)} | {share:.3f} |")
    return failed


def main():
    if len(sys.argv) < 2 or sys.argv[1] not in ("fetch", "measure"):
        sys.exit(__doc__)
    if sys.argv[1] == "fetch":
        fetch()
    else:
        binary = sys.argv[2] if len(sys.argv) > 2 else str(ROOT / "target" / "release" / "paridad")
        sys.exit(1 if measure(binary) else 0)


if __name__ == "__main__":
    main()
