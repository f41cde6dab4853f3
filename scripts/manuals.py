#!/usr/bin/env python3
"""Real manuals in English, Spanish and French: fetch them from Debian and measure paridad's
sections on them.

The Debian Administrator's Handbook (`debian-handbook`, HTML `en-US` and `es-ES`, turned into
text here) is held out: fetched for reporting only, never looked at to tune.

    python3 scripts/manuals.py fetch              # apt-get download + dpkg-deb -x, then gunzip
    python3 scripts/manuals.py measure [BINARY]   # sections, `~2` ids, pairing by id
    python3 scripts/manuals.py alarms [BINARY] [--held-out] [-- OPTION…]   # findings per 100 pairs
    python3 scripts/manuals.py label              # find the Spanish paragraphs left in English

Options after `--` are given to every `paridad check` (to measure one source of evidence alone:
`-- --no-learned-terms`, `-- --dict target/manuals/dict/freedict-eng-spa.index`; `fetch` also
fetches FreeDict's English-Spanish dictionaries there).

The text is fetched into `target/manuals/` (or `$PARIDAD_MANUALS`) and never committed. The
manuals: the Debian Reference (`debian-reference-{en,es,fr}`) and the New Maintainers' Guide
(`maint-guide`, `maint-guide-{es,fr}`), text editions.

`alarms` also counts apart the findings listed as `real` in `eval/findings-labels.jsonl`: 352
loud findings of the development manuals (at 4e29f0d) that a reviewer who had not read the code
labelled, by id, from the two sentences and their neighbours (55 real, 295 false, 2 unclear).
Findings not labelled there count as false alarms.

`label` writes `eval/untranslated.jsonl`: the paragraphs of each Spanish version still in English
prose (English function words at least four and more than three times the Spanish ones, and at
least 15% of the words: listings and code have few), by line range and SHA-256, never their
text. They are real defects of the translations, not false alarms: `alarms` counts the findings
at pairs that touch them apart.

`measure` prints, for each version, its sections, how many are numbered and how many carry a
`~N` id (a number seen twice), and for each English–Spanish and English–French pair, of the
numbered ids both versions have, the share the section alignment pairs with each other. French
has no tables of its own yet: it is segmented with the English tables (`--langs en,en`), which
the structure rules do not need.
"""

import gzip
import hashlib
import html.parser
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


# The held-out manual: HTML pages in reading order, turned into text.
HANDBOOK = ("debian-handbook", {"en": "en-US", "es": "es-ES", "fr": "fr-FR"})


class HtmlText(html.parser.HTMLParser):
    """The text of a DocBook HTML page as a text export prints it: headings and paragraphs
    apart, list items with a bullet, program listings line by line, navigation left out."""

    BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "tr", "dt", "dd", "table"}
    SKIP = {"script", "style", "head"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out = []
        self.line = []
        self.skip = 0
        self.pre = 0
        self.nav = 0
        self.depth = 0
        self.nav_depth = []

    def flush(self):
        text = "".join(self.line)
        self.line = []
        if self.pre:
            self.out.extend(text.split("\n"))
        else:
            text = " ".join(text.split())
            if text:
                self.out.append(text)
        self.out.append("")

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag in self.SKIP or self.nav:
            self.skip += tag in self.SKIP
            if self.nav and tag in ("div", "ul", "p"):
                self.nav += 1
            return
        if (tag in ("div", "ul", "p") and ({"docnav", "navheader", "navfooter", "toc"} & set(classes)
                or attrs.get("id") in ("banner", "title"))):
            self.nav = 1
            return
        if tag in self.BLOCKS:
            self.flush()
        if tag == "pre":
            self.pre += 1
        if tag == "li":
            self.line.append("* ")
        if tag == "br":
            self.line.append("\n" if self.pre else " ")

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.skip = max(0, self.skip - 1)
            return
        if self.nav:
            if tag in ("div", "ul", "p"):
                self.nav -= 1
            return
        if tag in self.BLOCKS:
            self.flush()
        if tag == "pre":
            self.pre = max(0, self.pre - 1)

    def handle_data(self, data):
        if not self.skip and not self.nav:
            self.line.append(data)

    def text(self):
        self.flush()
        lines, blank = [], True
        for line in self.out:
            if line.strip() or not blank:
                lines.append(line.rstrip())
            blank = not line.strip()
        return "\n".join(lines).strip() + "\n"


def handbook_text(folder):
    """The handbook's pages from `index.html` on, following each page's `next` link."""
    import re

    pages, page, seen = [], "index.html", set()
    while page and page not in seen and (folder / page).exists():
        seen.add(page)
        source = (folder / page).read_text(encoding="utf-8")
        parser = HtmlText()
        parser.feed(source)
        pages.append(parser.text())
        found = re.search(r'<link rel="next" href="([^"#]+)', source)
        page = found.group(1) if found else None
    return "\n".join(pages)


def fetch_handbook():
    name, folders = HANDBOOK
    if all(text_path(name, lang).exists() for lang in folders):
        return
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["apt-get", "download", name], cwd=tmp, check=True)
        deb = next(Path(tmp).glob(f"{name}_*.deb"))
        tree = Path(tmp) / name
        subprocess.run(["dpkg-deb", "-x", str(deb), str(tree)], check=True)
        for lang, folder in folders.items():
            html_dir = tree / "usr/share/doc" / name / "html" / folder
            out = text_path(name, lang)
            out.write_text(handbook_text(html_dir), encoding="utf-8")
            print(f"{out} ({out.stat().st_size} bytes)")


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
    fetch_handbook()
    fetch_dictionaries()


def fetch_dictionaries():
    """FreeDict's English-Spanish and Spanish-English dictionaries (dictd files, GPL), for
    measuring `--dict`: `target/manuals/dict/freedict-{eng-spa,spa-eng}.{index,dict.dz}`."""
    folder = CACHE / "dict"
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for pair in ("eng-spa", "spa-eng"):
            if (folder / f"freedict-{pair}.index").exists():
                continue
            package = f"dict-freedict-{pair}"
            subprocess.run(["apt-get", "download", package], cwd=tmp, check=True)
            deb = next(Path(tmp).glob(f"{package}_*.deb"))
            tree = Path(tmp) / package
            subprocess.run(["dpkg-deb", "-x", str(deb), str(tree)], check=True)
            for ext in ("index", "dict.dz"):
                shutil.copy(tree / "usr/share/dictd" / f"freedict-{pair}.{ext}", folder)
            print(f"{folder}/freedict-{pair}.index")


def flatten(sections):
    for s in sections:
        yield s
        yield from flatten(s.get("children", []))


def our_args():
    """The script's own arguments: those before `--`."""
    return sys.argv[: sys.argv.index("--")] if "--" in sys.argv else sys.argv


def check_options():
    """The options after `--`, given to every `paridad check`."""
    return sys.argv[sys.argv.index("--") + 1 :] if "--" in sys.argv else []


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


UNTRANSLATED = ROOT / "eval" / "untranslated.jsonl"
ENGLISH_WORDS = set(
    "the and of to is in for that with this be are you it by on as if not or can from your an "
    "which will should have has was use used when all".split()
)
SPANISH_WORDS = set(
    "el la de que y en los las del se por un una para con no es su al lo como más este esta "
    "puede son sus debe si o le ha".split()
)


def paragraphs(lines):
    """(first, last) line indexes (0-based, inclusive) of each run of non-blank lines."""
    i = 0
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        j = i
        while j < len(lines) and lines[j].strip():
            j += 1
        yield i, j - 1
        i = j


def label():
    """Writes the English paragraphs of each Spanish version to `UNTRANSLATED`."""
    out = []
    for manual in [m for m, _, _ in MANUALS] + [HANDBOOK[0]]:
        lines = text_path(manual, "es").read_bytes().split(b"\n")
        for first, last in paragraphs(lines):
            block = b"\n".join(lines[first : last + 1])
            words = [w for w in block.decode("utf-8", "replace").lower().split()]
            words = [w.strip(".,;:()«»\"'“”") for w in words]
            en = sum(w in ENGLISH_WORDS for w in words)
            es = sum(w in SPANISH_WORDS for w in words)
            if en >= 4 and en > 3 * es and en >= 0.15 * len(words):
                out.append({"doc": manual, "side": "es", "first_line": first + 1, "last_line": last + 1,
                            "sha256": hashlib.sha256(block).hexdigest()})
    UNTRANSLATED.write_text("".join(json.dumps(x) + "\n" for x in out), encoding="utf-8")
    for manual in sorted({x["doc"] for x in out}):
        print(f"{manual}: {sum(x['doc'] == manual for x in out)} paragraphs left in English")


def untranslated_ranges(manual):
    """Byte ranges of the Spanish paragraphs of `manual` labelled as left in English."""
    if not UNTRANSLATED.exists():
        return []
    data = text_path(manual, "es").read_bytes()
    lines = data.split(b"\n")
    starts, at = [], 0
    for line in lines:
        starts.append(at)
        at += len(line) + 1
    ranges = []
    for x in map(json.loads, UNTRANSLATED.read_text(encoding="utf-8").splitlines()):
        if x["doc"] != manual:
            continue
        block = b"\n".join(lines[x["first_line"] - 1 : x["last_line"]])
        if hashlib.sha256(block).hexdigest() != x["sha256"]:
            sys.exit(f"{manual}: line {x['first_line']} differs from the text labelled; run label again")
        ranges.append((starts[x["first_line"] - 1], starts[x["first_line"] - 1] + len(block)))
    return ranges


def alarms(binary, held_out):
    """Findings per 100 aligned sentence pairs on faithful translations (English–Spanish): every
    finding of a default run is a false alarm there, but for real defects still to be labelled
    (the Maintainers' Guide has Spanish paragraphs left in English)."""
    manuals = ["debian-handbook"] if held_out else ["debian-reference", "maint-guide"]
    print("| pair | aligned sentence pairs | errors + warnings | per 100 | infos | per 100 | by kind | at untranslated paragraphs | labelled real |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |")
    for manual in manuals:
        a, b = text_path(manual, "en"), text_path(manual, "es")
        report = run_json([binary, "check", "--format", "json", "--min-severity", "info", *check_options(), str(a), str(b)])
        pairs = sum(1 for s in report["sections"] for p in s.get("pairs", []) if p.get("en") and p.get("es"))
        # Findings at a pair whose Spanish side touches a paragraph left in English are real
        # defects (labelled by `label`), counted apart.
        english = untranslated_ranges(manual)
        doc = run_json([binary, "segment", "--format", "json", "--lang", "es", str(b)])
        spans = {s["index"]: s["spans"] for s in sentences_in(doc["sections"])}
        def untranslated(section, d):
            if d.get("pair") is None:
                return False
            pair = section.get("pairs", [])[d["pair"]]
            return any(lo < hi2 and hi > lo2 for i in pair.get("es_idx", []) for lo, hi in spans.get(i, [])
                       for lo2, hi2 in english)
        # Findings a reviewer who did not read the code labelled real differences.
        real = {r["id"] for r in finding_labels() if r["doc"] == manual and r["label"] == "real"}
        found, defects, labelled = [], 0, 0
        for s in report["sections"]:
            for d in s.get("divergences", []):
                if d["severity"] in ("error", "warning") and untranslated(s, d):
                    defects += 1
                elif d["severity"] in ("error", "warning") and d["id"] in real:
                    labelled += 1
                else:
                    found.append(d)
        loud = [d for d in found if d["severity"] in ("error", "warning")]
        infos = [d for d in found if d["severity"] == "info"]
        kinds = {}
        for d in loud:
            kinds[d["kind"]] = kinds.get(d["kind"], 0) + 1
        by_kind = ", ".join(f"{k} {n}" for k, n in sorted(kinds.items(), key=lambda kv: -kv[1]))
        per = lambda n: f"{100 * n / pairs:.1f}" if pairs else "-"
        print(f"| {manual} en–es | {pairs} | {len(loud)} | {per(len(loud))} | {len(infos)} | {per(len(infos))} | {by_kind} | {defects} | {labelled} |")


def finding_labels():
    """`eval/findings-labels.jsonl`: findings of the development manuals (by id, which hashes
    their text and message) that a reviewer who had not read the code labelled `real` (a
    difference between the versions), `false` or `unclear`, from the two sentences and their
    neighbours. A finding not labelled counts as a false alarm."""
    path = Path(__file__).resolve().parent.parent / "eval" / "findings-labels.jsonl"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def sentences_in(sections):
    for s in sections:
        for p in s.get("paragraphs", []):
            yield from p.get("sentences", [])
        yield from sentences_in(s.get("children", []))


def main():
    argv = our_args()
    if len(argv) < 2 or argv[1] not in ("fetch", "measure", "alarms", "label"):
        sys.exit(__doc__)
    if argv[1] == "fetch":
        fetch()
    elif argv[1] == "label":
        label()
    elif argv[1] == "alarms":
        args = [a for a in argv[2:] if a != "--held-out"]
        binary = args[0] if args else str(ROOT / "target" / "release" / "paridad")
        alarms(binary, "--held-out" in argv)
    else:
        binary = argv[2] if len(argv) > 2 else str(ROOT / "target" / "release" / "paridad")
        sys.exit(1 if measure(binary) else 0)


if __name__ == "__main__":
    main()
