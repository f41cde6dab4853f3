//! Reports: alignments and checks rendered for people (text, HTML), for programs (serialisable
//! records that JSON tools read, CSV and TSV tables, sentence-alignment beads) and for
//! translation tools (TMX, XLIFF).

mod beads;
mod html;
mod render;
mod schema;
mod table;
mod tmx;
mod xliff;

use std::borrow::Cow;
use std::io::{self, Write};

use serde::Serialize;

use crate::align::{Alignment, SentencePair};
use crate::document::Document;

pub use beads::{write_bead_table, write_beads};
pub use html::write_html;
pub use render::{write_check, Format};
pub use schema::Schema;
pub use table::{write_table, Separator};
pub use tmx::write_check_tmx;
pub use tmx::write_tmx;
pub use xliff::write_xliff;

/// `text` with its control characters shown as escapes, so that text read from a document
/// cannot drive the terminal that displays it (set the window title, clear the screen, write
/// the clipboard) nor reorder what it shows.
///
/// Every character of Unicode's `Cc` category is escaped as `\u{HEX}` (lower-case hex, as
/// Rust writes it): the C0 controls, DEL and the C1 controls U+0080–U+009F, except a tab, a
/// line feed, and a carriage return right before a line feed (a CRLF line break). ESC becomes
/// `\u{1b}`, a lone carriage return `\u{d}`. So are the bidirectional controls (the
/// embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069, and the marks U+200E,
/// U+200F and U+061C), which would show a reviewer `2025` for a text that holds `5202`. Text
/// without such characters is borrowed as it is. The text and tab-separated writers of this module ([`write_text`],
/// [`write_check_text`], [`write_table`], [`write_bead_table`]) pass all document text
/// (sentences, titles, evidence, messages) through it; a program printing text it did not
/// write (a file name, an error message) should do the same.
///
/// ```
/// use paridad::report::escape_controls;
///
/// assert_eq!(escape_controls("plain año\tand\r\nlines"), "plain año\tand\r\nlines");
/// assert_eq!(escape_controls("\u{1b}]0;title\u{7}x\u{9b}2J"), r"\u{1b}]0;title\u{7}x\u{9b}2J");
/// assert_eq!(escape_controls("over\rwrite"), r"over\u{d}write");
/// assert_eq!(escape_controls("by \u{202e}5202"), r"by \u{202e}5202");
/// ```
pub fn escape_controls(text: &str) -> Cow<'_, str> {
    escape_controls_keeping(text, false)
}

/// The characters that change the order in which text is displayed: bidirectional
/// embeddings, overrides, isolates and marks.
fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
    )
}

/// [`escape_controls`], also keeping every carriage return when `keep_cr` (RFC 4180 CSV
/// quotes line breaks of either kind).
pub(crate) fn escape_controls_keeping(text: &str, keep_cr: bool) -> Cow<'_, str> {
    let kept = |c: char, next: Option<char>| match c {
        '\t' | '\n' => true,
        '\r' => keep_cr || next == Some('\n'),
        _ => !c.is_control() && !is_bidi_control(c),
    };
    let mut chars = text.char_indices().peekable();
    let first = loop {
        match chars.next() {
            None => return Cow::Borrowed(text),
            Some((i, c)) if !kept(c, chars.peek().map(|&(_, n)| n)) => break i,
            Some(_) => {}
        }
    };
    let mut out = String::with_capacity(text.len() + 16);
    out.push_str(&text[..first]);
    let mut chars = text[first..].chars().peekable();
    while let Some(c) = chars.next() {
        if kept(c, chars.peek().copied()) {
            out.push(c);
        } else {
            push_escaped(&mut out, c);
        }
    }
    Cow::Owned(out)
}

/// Appends `c` to `out` as `\u{HEX}`, lower-case hex.
pub(crate) fn push_escaped(out: &mut String, c: char) {
    use std::fmt::Write as _;
    // Writing to a `String` cannot fail.
    let _ = write!(out, "\\u{{{:x}}}", c as u32);
}

/// An alignment with the text of both sides: the record `paridad align --format json` prints.
///
/// Section entries come in the document order of side `a` (the English version of an
/// English–Spanish pair); a side without the section has `null` ids and titles; several
/// sentences on one side are joined by one space, and an empty side is `""`. The keys name the
/// sides as [`Schema`] says: `en_id`, `es_idx` … for English and Spanish, `a_id`, `b_idx` …
/// for any other pair.
#[derive(Clone, Debug, Serialize)]
pub struct AlignmentReport<'a> {
    /// The section pairs.
    pub sections: Vec<SectionEntry<'a>>,
}

/// One section pair with text, serialized with the fields `a_id`, `b_id`, `a_title`,
/// `b_title` (named by language under [`Schema::V1`]: `en_id` …), `score`, `moved`, `pairs`.
#[derive(Clone, Debug)]
pub struct SectionEntry<'a> {
    /// How the serialized entry names the sides' keys.
    pub schema: Schema,
    /// The section id of side `a`.
    pub a_id: Option<&'a str>,
    /// The section id of side `b`.
    pub b_id: Option<&'a str>,
    /// The title of side `a`.
    pub a_title: Option<&'a str>,
    /// The title of side `b`.
    pub b_title: Option<&'a str>,
    /// The section pair score (see [`SectionPair::score`](crate::SectionPair::score)).
    pub score: f64,
    /// True when the section was moved.
    pub moved: bool,
    /// The sentence pairs.
    pub pairs: Vec<PairEntry<'a>>,
}

/// One sentence pair with text (borrowed from the documents when a side is one sentence),
/// serialized with the fields `a`, `b`, `a_idx`, `b_idx` (named by language under
/// [`Schema::V1`]: `en`, `es_idx` …) and `score`.
#[derive(Clone, Debug)]
pub struct PairEntry<'a> {
    /// How the serialized entry names the sides' keys.
    pub schema: Schema,
    /// The sentences of side `a`, joined by one space; `""` when none.
    pub a: Cow<'a, str>,
    /// The sentences of side `b`, joined by one space; `""` when none.
    pub b: Cow<'a, str>,
    /// Indexes of the sentences of side `a`.
    pub a_idx: &'a [usize],
    /// Indexes of the sentences of side `b`.
    pub b_idx: &'a [usize],
    /// The pair score (see [`SentencePair::score`](crate::SentencePair::score)).
    pub score: f64,
}

impl<'a> PairEntry<'a> {
    /// The entry of `pair`, whose sentences read `a` and `b`.
    pub(crate) fn of(
        schema: Schema,
        pair: &'a SentencePair,
        a: Cow<'a, str>,
        b: Cow<'a, str>,
    ) -> PairEntry<'a> {
        PairEntry {
            schema,
            a,
            b,
            a_idx: &pair.a,
            b_idx: &pair.b,
            score: pair.score,
        }
    }
}

impl<'a> AlignmentReport<'a> {
    /// The report of `alignment` between two documents, given in either order as to
    /// [`Aligner::align`](crate::Aligner::align).
    ///
    /// ```
    /// use paridad::{report::AlignmentReport, Aligner, Document, Lang};
    ///
    /// let en = Document::parse("1. Health\nBoth countries will share data.\n", Lang::En)?;
    /// let es = Document::parse("1. Salud\nAmbos países compartirán datos.\n", Lang::Es)?;
    /// let alignment = Aligner::new().align(&es, &en);
    /// let report = AlignmentReport::new(&alignment, &es, &en);
    /// assert_eq!(report.sections[1].b_title, Some("Salud"));
    /// assert_eq!(report.sections[1].pairs[0].b, "Ambos países compartirán datos.");
    /// let json = serde_json::to_value(&report).unwrap();
    /// assert_eq!(json["sections"][1]["es_title"], "Salud");
    /// # Ok::<(), paridad::Error>(())
    /// ```
    pub fn new(
        alignment: &'a Alignment,
        a: &'a Document<'_>,
        b: &'a Document<'_>,
    ) -> AlignmentReport<'a> {
        let [doc_a, doc_b] = crate::document::sides(a, b);
        let schema = Schema::of(doc_a.lang(), doc_b.lang());
        let sections = alignment
            .sections
            .iter()
            .map(|s| {
                let section =
                    |doc: &'a Document<'_>, k: Option<usize>| k.and_then(|k| doc.sections().get(k));
                let (se, ss) = (section(doc_a, s.a), section(doc_b, s.b));
                SectionEntry {
                    schema,
                    a_id: se.map(|x| x.id()),
                    b_id: ss.map(|x| x.id()),
                    a_title: se.map(|x| x.title()),
                    b_title: ss.map(|x| x.title()),
                    score: s.score,
                    moved: s.moved,
                    pairs: s
                        .pairs
                        .iter()
                        .map(|p| PairEntry::of(schema, p, joined(doc_a, &p.a), joined(doc_b, &p.b)))
                        .collect(),
                }
            })
            .collect();
        AlignmentReport { sections }
    }
}

/// The text of sentences `idx` of `doc`, joined by one space (borrowed for one sentence).
pub(crate) fn joined<'a>(doc: &'a Document<'_>, idx: &[usize]) -> Cow<'a, str> {
    join_texts(
        idx.iter()
            .filter_map(|&i| doc.sentences().get(i).map(|s| s.text())),
    )
}

/// Texts joined by one space: borrowed when there is one.
pub(crate) fn join_texts<'a>(mut texts: impl Iterator<Item = &'a str>) -> Cow<'a, str> {
    let Some(first) = texts.next() else {
        return Cow::Borrowed("");
    };
    let Some(second) = texts.next() else {
        return Cow::Borrowed(first);
    };
    let mut out = format!("{first} {second}");
    for t in texts {
        out.push(' ');
        out.push_str(t);
    }
    Cow::Owned(out)
}

/// Writes the alignment for people: each section pair with its ids, titles and score, then
/// its sentence pairs, side `a` above side `b` (each labelled as the JSON record names it: `en`
/// and `es` for English and Spanish, `a` and `b` otherwise), with their scores; `-` marks a
/// missing side. The documents come in either order, as to [`Aligner::align`](crate::Aligner::align).
/// Control characters in the documents' text are shown escaped ([`escape_controls`]).
pub fn write_text(
    out: &mut impl Write,
    alignment: &Alignment,
    a: &Document<'_>,
    b: &Document<'_>,
) -> io::Result<()> {
    let report = AlignmentReport::new(alignment, a, b);
    for (k, s) in report.sections.iter().enumerate() {
        let [name_a, name_b] = s.schema.side_names();
        if k > 0 {
            writeln!(out)?;
        }
        let side = |id: Option<&str>, title: Option<&str>| match (id, title) {
            (Some(id), Some(t)) if !t.is_empty() => {
                format!("{} {}", escape_controls(id), escape_controls(t))
            }
            (Some(id), _) => escape_controls(id).into_owned(),
            _ => "-".to_string(),
        };
        writeln!(
            out,
            "== {}  <>  {}  [{:.2}]{}",
            side(s.a_id, s.a_title),
            side(s.b_id, s.b_title),
            s.score,
            if s.moved { "  (moved)" } else { "" }
        )?;
        for p in &s.pairs {
            let shape = format!("{}-{}", p.a_idx.len(), p.b_idx.len());
            fn text(t: &str) -> Cow<'_, str> {
                if t.is_empty() {
                    Cow::Borrowed("-")
                } else {
                    escape_controls(t)
                }
            }
            writeln!(
                out,
                "  [{:.2}] {shape:<3} {name_a:>2}: {}",
                p.score,
                text(&p.a)
            )?;
            writeln!(out, "              {name_b:>2}: {}", text(&p.b))?;
        }
    }
    Ok(())
}

/// The `paridad.report.v1` record of an English–Spanish pair, or the `paridad.report.v2` record
/// of any other pair: a check with the text of both sides, the record
/// `paridad check --format json` prints. Fields are added over time, never renamed.
///
/// Serialized with the fields `schema`, `paridad_version`, `options`, the two sides' document
/// objects `a` and `b` (`en` and `es` under v1), `summary` and `sections`; every key of a
/// side's field is named as [`Schema`] says (`a_id`, `b_span` …, or `en_id`, `es_span` …).
#[derive(Clone, Debug)]
pub struct CheckReport<'a> {
    /// The report contract, which names the sides' keys: v1 for English and Spanish, v2 for
    /// any other pair. Serialized as its name, `paridad.report.v1` or `paridad.report.v2`.
    pub schema: Schema,
    /// The version of paridad that made the report.
    pub paridad_version: &'static str,
    /// The options the check ran with.
    pub options: ReportOptions,
    /// Side `a`: the first version, the English one of an English–Spanish pair.
    pub a: DocumentInfo,
    /// Side `b`: the second version.
    pub b: DocumentInfo,
    /// Counts of divergences by severity.
    pub summary: Summary,
    /// One entry per aligned unit, in the document order of side `a`.
    pub sections: Vec<CheckSection<'a>>,
}

/// The one options type of the check reports, whatever their format ([`write_check`]): what a
/// report records of the run (written under `options` in JSON), the paths it names the versions
/// by, and how the text report looks.
#[derive(Clone, Debug, Serialize)]
pub struct ReportOptions {
    /// The date relative dates were resolved against (`YYYY-MM-DD`), when any.
    pub doc_date: Option<String>,
    /// The glossary files given, in order.
    pub glossaries: Vec<String>,
    /// The dictionary files given (`--dict`), in order.
    pub dictionaries: Vec<String>,
    /// Whether word pairs were learned from the two versions themselves (on unless
    /// `--no-learned-terms`).
    pub learned_terms: bool,
    /// The baseline file whose findings were hidden, when any.
    pub baseline: Option<String>,
    /// The filter the findings went through.
    pub filter: crate::Filter,
    /// The paths of the two versions as given (`-` for standard input), in the order given:
    /// what the JSON and HTML reports name them by. Not written as an option.
    #[serde(skip)]
    pub paths: [String; 2],
    /// ANSI colours in the text report (for a terminal). Not written as an option.
    #[serde(skip)]
    pub colour: bool,
    /// How many findings a baseline hid, said in the summary. Not written as an option.
    #[serde(skip)]
    pub hidden: usize,
}

impl Default for ReportOptions {
    /// The options of a default run: no date, glossary, dictionary or baseline; terms learned;
    /// nothing filtered.
    fn default() -> ReportOptions {
        ReportOptions {
            doc_date: None,
            glossaries: Vec::new(),
            dictionaries: Vec::new(),
            learned_terms: true,
            baseline: None,
            filter: Default::default(),
            paths: Default::default(),
            colour: false,
            hidden: 0,
        }
    }
}

/// What a report says about one version.
#[derive(Clone, Debug, Serialize)]
pub struct DocumentInfo {
    /// The path given, or `-` for standard input.
    pub path: String,
    /// The language code.
    pub lang: &'static str,
    /// The number of units (sections, preamble and part introductions included).
    pub sections: usize,
    /// The number of sentences.
    pub sentences: usize,
    /// The date of the document's dateline (`YYYY-MM-DD`), when it has one.
    pub date: Option<String>,
}

/// Counts of divergences.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Summary {
    /// How many divergences in all.
    pub total: usize,
    /// How many errors.
    pub error: usize,
    /// How many warnings.
    pub warning: usize,
    /// How many infos.
    pub info: usize,
    /// How many findings a baseline hid (not counted above).
    pub hidden: usize,
}

/// A section entry of a check report: the alignment entry plus its divergences, serialized
/// as the entry's fields followed by `divergences`.
#[derive(Clone, Debug)]
pub struct CheckSection<'a> {
    /// The alignment entry.
    pub section: SectionEntry<'a>,
    /// The divergences of the section pair.
    pub divergences: Vec<DivergenceEntry<'a>>,
}

/// A divergence as the report shows it, serialized with these fields: `id`; `kind` (`date`,
/// `number`, `entity`, `modality`, `meaning`, `omission`, `addition`, `structure`); `severity`
/// (`error`, `warning`, `info`); `pair` (index into the section entry's `pairs`, or `null`); `a`
/// and `b` (the evidence texts, or `null`); `a_span` and `b_span` (`[start, end]` byte offsets of the
/// evidence in each input, or `null`); `a_at` and `b_at` (`line:column` of the evidence, or
/// `null`); `message`; `confidence` (in [0, 1]). Under [`Schema::V1`] the sides' keys are named
/// by language: `en`, `es`, `en_span`, `es_span`, `en_at`, `es_at`.
///
/// It borrows the divergence, so a report of many findings costs no copy of them.
#[derive(Clone, Copy, Debug)]
pub struct DivergenceEntry<'a> {
    /// How the serialized entry names the sides' keys.
    pub schema: Schema,
    /// The divergence.
    pub divergence: &'a crate::Divergence,
}

impl<'a> CheckReport<'a> {
    /// The record of `check` as [`ReportOptions`] give it: the paths in `options.paths`, and
    /// `options.hidden` findings a baseline hid in the summary.
    pub fn from_options(
        check: &'a crate::Check,
        a: &'a Document<'_>,
        b: &'a Document<'_>,
        options: &ReportOptions,
    ) -> CheckReport<'a> {
        let paths = [options.paths[0].as_str(), options.paths[1].as_str()];
        let mut report = CheckReport::new(check, a, b, paths, options.clone());
        report.summary.hidden = options.hidden;
        report
    }

    /// The report of `check` between two documents read from `paths`, given in either order
    /// as to [`Checker::check`](crate::Checker::check) (the English version becomes side `a`
    /// of an English–Spanish pair, with its path).
    ///
    /// ```
    /// use paridad::report::{CheckReport, ReportOptions, Schema};
    /// use paridad::{Checker, Document, Lang};
    ///
    /// let en = Document::parse("1. Parks\nParks Canada will sign by March 31, 2026.\n", Lang::En)?;
    /// let es = Document::parse("1. Parques\nParques Canadá firmará antes del 30 de abril de 2026.\n", Lang::Es)?;
    /// let check = Checker::new().check(&es, &en);
    /// let report = CheckReport::new(&check, &es, &en, ["es.txt", "en.txt"], ReportOptions::default());
    /// assert_eq!((report.schema, report.a.path.as_str()), (Schema::V1, "en.txt"));
    /// let json = serde_json::to_value(&report).unwrap();
    /// assert_eq!(json["schema"], "paridad.report.v1");
    /// assert_eq!(json["sections"][1]["divergences"][0]["en"], "by March 31, 2026");
    ///
    /// // Two versions in one language are sides `a` and `b`, in the order given.
    /// let older = Document::parse("1. Parks\nParks Canada will sign by March 31, 2025.\n", Lang::En)?;
    /// let check = Checker::new().check(&older, &en);
    /// let report = CheckReport::new(&check, &older, &en, ["old.txt", "new.txt"], ReportOptions::default());
    /// let json = serde_json::to_value(&report).unwrap();
    /// assert_eq!(json["schema"], "paridad.report.v2");
    /// assert_eq!((&json["a"]["path"], &json["b"]["lang"]), (&"old.txt".into(), &"en".into()));
    /// assert_eq!(json["sections"][1]["divergences"][0]["a"], "by March 31, 2025");
    /// # Ok::<(), paridad::Error>(())
    /// ```
    pub fn new(
        check: &'a crate::Check,
        a: &'a Document<'_>,
        b: &'a Document<'_>,
        paths: [&str; 2],
        options: ReportOptions,
    ) -> CheckReport<'a> {
        let [doc_a, doc_b] = crate::document::sides(a, b);
        let paths = if std::ptr::eq(doc_a, a) {
            paths
        } else {
            [paths[1], paths[0]]
        };
        let align = AlignmentReport::new(&check.alignment, doc_a, doc_b);
        let schema = Schema::of(doc_a.lang(), doc_b.lang());
        let mut summary = Summary::default();
        for d in &check.divergences {
            summary.total += 1;
            match d.severity {
                crate::Severity::Error => summary.error += 1,
                crate::Severity::Warning => summary.warning += 1,
                crate::Severity::Info => summary.info += 1,
            }
        }
        let sections = align
            .sections
            .into_iter()
            .zip(check.by_section())
            .map(|(section, divergences)| CheckSection {
                section,
                divergences: divergences
                    .into_iter()
                    .map(|divergence| DivergenceEntry { schema, divergence })
                    .collect(),
            })
            .collect();
        let info = |doc: &Document<'_>, path: &str| DocumentInfo {
            path: path.to_string(),
            lang: doc.lang().code(),
            sections: doc.sections().len(),
            sentences: doc.sentences().len(),
            date: doc.date().map(|d| d.to_string()),
        };
        CheckReport {
            schema,
            paridad_version: env!("CARGO_PKG_VERSION"),
            options,
            a: info(doc_a, paths[0]),
            b: info(doc_b, paths[1]),
            summary,
            sections,
        }
    }
}

/// Writes a check for people: per section pair with divergences, each divergence with its
/// severity, kind, message and both sides' evidence with line:column (labelled `en` and `es`
/// for English and Spanish, `a` and `b` otherwise); then a summary line. The documents come in
/// either order, as to [`Checker::check`](crate::Checker::check).
/// Control characters in titles, messages and evidence are shown escaped
/// ([`escape_controls`]); line breaks inside evidence are kept.
pub fn write_check_text(
    out: &mut impl Write,
    check: &crate::Check,
    a: &Document<'_>,
    b: &Document<'_>,
) -> io::Result<()> {
    write_check_text_with(out, check, a, b, &ReportOptions::default())
}

/// [`write_check_text`] with colours and the count of findings a baseline hid. The only
/// escape sequences in the output are the colours' own (`ESC [ … m`), and only with
/// [`ReportOptions::colour`].
pub fn write_check_text_with(
    out: &mut impl Write,
    check: &crate::Check,
    a: &Document<'_>,
    b: &Document<'_>,
    options: &ReportOptions,
) -> io::Result<()> {
    let [doc_a, doc_b] = crate::document::sides(a, b);
    let names = Schema::of(doc_a.lang(), doc_b.lang()).side_names();
    let paint = |code: &str, text: &str| {
        if options.colour {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    };
    for (s, divs) in check.alignment.sections.iter().zip(check.by_section()) {
        if divs.is_empty() {
            continue;
        }
        let title = |doc: &Document<'_>, idx: Option<usize>| match idx {
            Some(i) => {
                let sec = &doc.sections()[i];
                let head = format!("{} {}", sec.id(), sec.title());
                escape_controls(head.trim()).into_owned()
            }
            None => "-".to_string(),
        };
        let head = format!("== {}  <>  {}", title(doc_a, s.a), title(doc_b, s.b));
        writeln!(out, "{}", paint("1", &head))?;
        for d in divs {
            let severity = format!("{:<7}", d.severity.name());
            let code = match d.severity {
                crate::Severity::Error => "1;31",
                crate::Severity::Warning => "33",
                crate::Severity::Info => "36",
            };
            writeln!(
                out,
                "  {} {:<9} {}",
                paint(code, &severity),
                d.kind.name(),
                escape_controls(&d.message)
            )?;
            for (side, evidence) in names.into_iter().zip([&d.a, &d.b]) {
                if let Some(e) = evidence {
                    let at = format!("{side} {}:{}", e.line, e.column);
                    let text = escape_controls(&e.text);
                    writeln!(out, "          {}  {text}", paint("2", &at))?;
                }
            }
        }
        writeln!(out)?;
    }
    let count = |sev: crate::Severity| {
        check
            .divergences
            .iter()
            .filter(|d| d.severity == sev)
            .count()
    };
    let mut kinds: Vec<(&str, usize)> = Vec::new();
    for d in &check.divergences {
        match kinds.iter_mut().find(|(k, _)| *k == d.kind.name()) {
            Some(entry) => entry.1 += 1,
            None => kinds.push((d.kind.name(), 1)),
        }
    }
    kinds.sort();
    let by_kind: Vec<String> = kinds.iter().map(|(k, n)| format!("{k} {n}")).collect();
    let hidden = if options.hidden > 0 {
        format!(" ({} hidden by the baseline)", options.hidden)
    } else {
        String::new()
    };
    writeln!(
        out,
        "{} divergences: {} errors, {} warnings, {} infos{}{}{hidden}",
        check.divergences.len(),
        count(crate::Severity::Error),
        count(crate::Severity::Warning),
        count(crate::Severity::Info),
        if by_kind.is_empty() { "" } else { "; " },
        by_kind.join(", ")
    )
}
