//! The HTML report (`check --format html`): every piece of evidence highlighted in its row,
//! nothing fetched, everything escaped; then, in headless Chromium (driven by
//! `tests/browser/check_report.mjs`), the counts shown, the filters and hostile text: two tests
//! a plain `cargo test` ignores (they need Chromium, Node and playwright-core), which `.ci/run`
//! installs and runs, and which fail when run without them.

use std::path::{Path, PathBuf};
use std::process::Command;

use paridad::report::{write_html, CheckReport, ReportOptions};
use paridad::{Check, Checker, Divergence, DivergenceKind, Document, Lang, Severity};

use super::util::{en, es};

const SEED_PATHS: [&str; 2] = ["seeds/2025-2028.en.txt", "seeds/2025-2028.es.txt"];

/// Markup and quotes where a careless report would let them through: the title, a heading, a
/// sentence, and (added by [`hostile`]) a message and the paths.
const HOSTILE_EN: &str = "Plan <script>alert(1)</script> \"&'\n\n\
    1. Trade <img src=x onerror=alert(2)>\n\
    Both countries will sign the <script>alert(1)</script> \"&' agreement by March 31, 2026.\n";
const HOSTILE_ES: &str = "Plan <script>alert(1)</script> \"&'\n\n\
    1. Comercio <img src=x onerror=alert(2)>\n\
    Ambos países firmarán el acuerdo <script>alert(1)</script> \"&' antes del 30 de abril de 2026.\n";
const HOSTILE_PATHS: [&str; 2] = ["<b>en</b>.txt", "es\"'&.txt"];

/// The page for `check`, with `paths` and `options` in its header.
fn render(
    check: &Check,
    en: &Document<'_>,
    es: &Document<'_>,
    paths: [&str; 2],
    options: ReportOptions,
) -> String {
    let report = CheckReport::new(check, en, es, paths, options);
    let mut out = Vec::new();
    write_html(&mut out, &report, check, en, es).expect("writing to memory");
    String::from_utf8(out).expect("the page is UTF-8")
}

fn seed_page() -> (String, Check) {
    let (en, es) = (en(), es());
    let check = Checker::new().check(&en, &es);
    let page = render(&check, &en, &es, SEED_PATHS, ReportOptions::default());
    (page, check)
}

/// The hostile pair's check, plus a finding about the whole section whose message and id hold
/// markup.
fn hostile(en: &Document<'_>, es: &Document<'_>) -> Check {
    let mut check = Checker::new().check(en, es);
    assert!(
        !check.divergences.is_empty(),
        "the hostile pair differs in its date"
    );
    check.divergences.push(Divergence {
        id: "structure-\"<x>".into(),
        kind: DivergenceKind::Structure,
        severity: Severity::Info,
        section: 1,
        pair: None,
        a: None,
        b: None,
        message: "section <script>alert(3)</script> \"&' moved".into(),
        confidence: 0.5,
    });
    check
}

fn hostile_page() -> (String, Check) {
    let en = Document::parse(HOSTILE_EN, Lang::En).expect("parses");
    let es = Document::parse(HOSTILE_ES, Lang::Es).expect("parses");
    let check = hostile(&en, &es);
    let options = ReportOptions {
        glossaries: vec!["<i>terms</i>.tsv".into()],
        ..ReportOptions::default()
    };
    (render(&check, &en, &es, HOSTILE_PATHS, options), check)
}

/// How many highlights the page must have: one per side with evidence.
fn evidence_sides(check: &Check) -> usize {
    check
        .divergences
        .iter()
        .map(|d| usize::from(d.a.is_some()) + usize::from(d.b.is_some()))
        .sum()
}

/// The five characters escaped, as the page must write them.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

#[test]
fn every_piece_of_evidence_is_highlighted_in_its_row() {
    let (page, check) = seed_page();
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(
        check.divergences.len() >= 10,
        "the seeds have their findings"
    );
    assert_eq!(page.matches("data-div=\"").count(), evidence_sides(&check));
    assert_eq!(
        page.matches("data-note=\"").count(),
        check.divergences.len()
    );
    for (n, d) in check.divergences.iter().enumerate() {
        let p = d.pair.expect("every seed finding is about a sentence pair");
        let row_start = page
            .find(&format!("<tr class=\"pair\" id=\"r{}-{p}\">", d.section))
            .or_else(|| {
                page.find(&format!(
                    "<tr class=\"pair low\" id=\"r{}-{p}\">",
                    d.section
                ))
            })
            .unwrap_or_else(|| panic!("no row for {d:?}"));
        let row = &page[row_start..];
        let row = &row[..row.find("</tr>").expect("rows end")];
        // The English cell comes first: the highlights stand in the order of the sides.
        let mark = format!("data-div=\"{n}\"");
        let highlights: Vec<&str> = row.match_indices(&mark).map(|(at, _)| &row[at..]).collect();
        let evidence: Vec<&str> = [&d.a, &d.b]
            .into_iter()
            .flatten()
            .map(|e| e.text.as_str())
            .collect();
        assert_eq!(
            highlights.len(),
            evidence.len(),
            "highlights of {n} in its row"
        );
        for (inner, text) in highlights.into_iter().zip(evidence) {
            let inner = &inner[inner.find('>').expect("the tag closes") + 1..];
            assert!(
                inner.starts_with(&format!("{}</mark>", escaped(text))),
                "the highlight of {n} holds {:?}, not its evidence {text:?}",
                &inner[..inner.len().min(80)],
            );
        }
        assert!(
            row.contains(&format!("data-note=\"{n}\"")),
            "the note of {n} is on its row"
        );
    }
}

#[test]
fn summary_contents_and_low_pairs_are_there() {
    let (page, check) = seed_page();
    let total = check.divergences.len();
    assert!(page.contains(&format!("id=\"total\" data-count=\"{total}\">{total}<")));
    let entity = check
        .divergences
        .iter()
        .filter(|d| d.kind == DivergenceKind::Entity)
        .count();
    assert!(page.contains(&format!("<td data-kind-count=\"entity\">{entity}</td>")));
    for k in 0..check.alignment.sections.len() {
        assert!(
            page.contains(&format!("href=\"#sec-{k}\"")),
            "contents entry {k}"
        );
        assert!(page.contains(&format!("id=\"sec-{k}\"")), "section {k}");
    }
    let low = check
        .alignment
        .sections
        .iter()
        .flat_map(|s| &s.pairs)
        .filter(|p| p.score < 0.4)
        .count();
    assert!(
        low > 0,
        "the dateline has no English counterpart: a pair scoring 0"
    );
    assert_eq!(page.matches("<tr class=\"pair low\"").count(), low);
    for filter in [
        "data-filter=\"kind\" value=\"entity\"",
        "data-filter=\"sev\" value=\"warning\"",
    ] {
        assert!(page.contains(filter), "{filter}");
    }
    assert!(page.contains("@media print") && page.contains("break-inside: avoid"));
}

#[test]
fn the_page_fetches_nothing() {
    let (page, _) = seed_page();
    for external in [
        "http://", "https://", "src=", "<link", "@import", "url(", "//cdn",
    ] {
        assert!(!page.contains(external), "the page holds {external:?}");
    }
    assert_eq!(
        page.matches("<script").count(),
        1,
        "only the page's own script"
    );
    assert_eq!(page.matches("<style").count(), 1);
}

#[test]
fn hostile_text_is_escaped_everywhere() {
    let (page, check) = hostile_page();
    assert!(!page.contains("<script>alert"), "raw script in the page");
    assert!(!page.contains("<img"), "raw markup in the page");
    assert!(!page.contains("<b>en") && !page.contains("<i>terms"));
    assert!(
        !page.contains("\"&'"),
        "raw quotes and ampersand in the page"
    );
    assert_eq!(page.matches("<script").count(), 1);
    for literal in [
        "&lt;script&gt;alert(1)&lt;/script&gt; &quot;&amp;&#39;",
        "&lt;img src=x onerror=alert(2)&gt;",
        "section &lt;script&gt;alert(3)&lt;/script&gt;",
        "&lt;b&gt;en&lt;/b&gt;.txt",
        "es&quot;&#39;&amp;.txt",
        "&lt;i&gt;terms&lt;/i&gt;.tsv",
        "data-id=\"structure-&quot;&lt;x&gt;\"",
    ] {
        assert!(page.contains(literal), "{literal:?} not in the page");
    }
    // The finding about the whole section is noted at the section's head.
    let last = check.divergences.len() - 1;
    let head = &page[page.find("id=\"sec-1\"").expect("section 1")..];
    let head = &head[..head.find("</thead>").expect("the head ends")];
    assert!(head.contains(&format!("data-note=\"{last}\"")), "{head}");
    // The date is still highlighted on both sides, the section finding has its note.
    assert_eq!(page.matches("data-div=\"").count(), evidence_sides(&check));
    assert_eq!(
        page.matches("data-note=\"").count(),
        check.divergences.len()
    );
}

#[test]
fn odd_inputs_do_not_panic() {
    // A document against itself (nothing to show), one-sentence documents, and a check whose
    // divergences point past the alignment.
    let (en, es) = (en(), es());
    let empty = Checker::new().check(&en, &en);
    let page = render(&empty, &en, &en, SEED_PATHS, ReportOptions::default());
    assert!(page.contains("id=\"total\" data-count=\"0\""));
    let a = Document::parse("x", Lang::En).expect("parses");
    let b = Document::parse("y", Lang::Es).expect("parses");
    let mut check = Checker::new().check(&a, &b);
    let mut stray = Checker::new().check(&en, &es).divergences;
    for d in &mut stray {
        d.section += 1000;
    }
    check.divergences.extend(stray);
    let page = render(&check, &a, &b, ["", ""], ReportOptions::default());
    assert!(page.ends_with("</html>\n"));
    // Evidence no displayed sentence holds is highlighted in its note.
    assert_eq!(page.matches("data-div=\"").count(), evidence_sides(&check));
    assert_eq!(
        page.matches("data-note=\"").count(),
        check.divergences.len()
    );
}

/// Why the browser tests are ignored by a plain `cargo test` (`.ci/run` installs all this and
/// runs them).
const NEEDS_BROWSER: &str =
    "needs chromium and playwright-core: apt-get install chromium; npm ci in tests/browser";

/// The browser script, after checking what it needs: node, playwright-core installed by
/// `npm ci` in tests/browser, and Chromium (`/usr/bin/chromium`, or `PARIDAD_CHROMIUM`).
/// Panics naming what is missing: these tests are ignored unless asked for, and then they
/// must run.
fn browser() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let chromium = std::env::var_os("PARIDAD_CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"));
    let node = Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    let modules = root.join("tests/browser/node_modules/playwright-core/package.json");
    let missing: Vec<String> = [
        (!node).then(|| "node".to_string()),
        (!modules.exists()).then(|| "playwright-core (run `npm ci` in tests/browser)".to_string()),
        (!chromium.exists()).then(|| format!("{} (apt-get install chromium)", chromium.display())),
    ]
    .into_iter()
    .flatten()
    .collect();
    assert!(
        missing.is_empty(),
        "the browser test cannot run, missing: {}; it {NEEDS_BROWSER}",
        missing.join(", ")
    );
    root.join("tests/browser/check_report.mjs")
}

/// A fresh temporary directory, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("paridad-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("a temporary directory");
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs the browser script on `page` and fails with its message when it fails.
fn run_in_browser(name: &str, script: &Path, page: &str, check: &Check, extra: &[&str]) {
    let dir = TempDir::new(name);
    let file = dir.0.join("report.html");
    std::fs::write(&file, page).expect("writing the page");
    let out = Command::new("node")
        .arg(script)
        .arg(&file)
        .args(["--expect", &check.divergences.len().to_string()])
        .args(["--marks", &evidence_sides(check).to_string()])
        .args(extra)
        .output()
        .expect("running node");
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    print!("{stdout}");
    assert!(
        out.status.success(),
        "the browser check failed:\n{stdout}{stderr}"
    );
    assert!(stdout.contains("check_report: ok"), "{stdout}");
}

#[test]
#[ignore = "needs chromium and playwright-core: apt-get install chromium; npm ci in tests/browser"]
fn in_a_browser_counts_agree_and_filters_hide_exactly_their_findings() {
    let script = browser();
    let (page, check) = seed_page();
    // PARIDAD_SCREENSHOT=docs/report.png also writes the screenshot the README shows.
    let shot = std::env::var_os("PARIDAD_SCREENSHOT").map(|p| {
        let p = PathBuf::from(p);
        Path::new(env!("CARGO_MANIFEST_DIR")).join(p)
    });
    let shot = shot.as_ref().map(|p| p.to_string_lossy().into_owned());
    let extra: Vec<&str> = shot
        .as_deref()
        .map_or(Vec::new(), |p| vec!["--screenshot", p]);
    run_in_browser("html-seeds", &script, &page, &check, &extra);
}

#[test]
#[ignore = "needs chromium and playwright-core: apt-get install chromium; npm ci in tests/browser"]
fn in_a_browser_hostile_text_shows_literally_and_runs_nothing() {
    let script = browser();
    let (page, check) = hostile_page();
    run_in_browser(
        "html-hostile",
        &script,
        &page,
        &check,
        &[
            "--literal",
            "<script>alert(1)</script> \"&'",
            "--literal",
            "<img src=x onerror=alert(2)>",
            "--literal",
            "section <script>alert(3)</script>",
            "--literal",
            "<b>en</b>.txt",
        ],
    );
}
