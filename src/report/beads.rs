//! Sentence-list alignments, as the sentence-alignment benchmarks read them: beads, a
//! tab-separated table, and the alignment record with one entry.

use std::borrow::Cow;
use std::io::{self, Write};

use crate::align::SentencePair;

use super::table::{defuse_formula, one_line};
use super::{escape_controls, AlignmentReport, PairEntry, Schema, SectionEntry};
use crate::lang::Lang;

/// Writes one bead a line, `[first indexes]:[second indexes]:score`, 0-based, covering every
/// sentence of both lists in order: the format vecalign's scorer reads (`[0]:[0, 1]:0.93`,
/// `[5]:[]:0.0`).
///
/// ```
/// use paridad::{report::write_beads, Aligner};
///
/// let en = ["Canada and Mexico will meet in 2026.", "A report follows."];
/// let es = ["Canadá y México se reunirán en 2026.", "Sigue un informe."];
/// let pairs = Aligner::new().align_sentences(&en, &es);
/// let mut out = Vec::new();
/// write_beads(&mut out, &pairs)?;
/// let lines: Vec<String> = String::from_utf8(out).unwrap().lines().map(|l| l.rsplit_once(':').unwrap().0.to_string()).collect();
/// assert_eq!(lines, ["[0]:[0]", "[1]:[1]"]);
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn write_beads(out: &mut impl Write, pairs: &[SentencePair]) -> io::Result<()> {
    for pair in pairs {
        writeln!(
            out,
            "{}:{}:{:?}",
            index_list(&pair.a),
            index_list(&pair.b),
            pair.score
        )?;
    }
    Ok(())
}

/// `[0, 1]`, as Python prints a list.
fn index_list(idx: &[usize]) -> String {
    let items: Vec<String> = idx.iter().map(usize::to_string).collect();
    format!("[{}]", items.join(", "))
}

/// Writes one bead a line as five tab-separated columns: the first list's indexes and the
/// second's (comma-separated, empty when none), the score, and the two sides' sentences
/// joined by one space. Tabs and line breaks inside a sentence become spaces, so every line
/// has exactly five columns; other control characters are shown escaped
/// ([`escape_controls`](super::escape_controls)), and a sentence a spreadsheet could read as
/// a formula (one starting with `=`, `+`, `-` or `@`, also after white space) gets a `'`
/// before it, as in [`write_table`](super::write_table).
///
/// ```
/// use paridad::{report::write_bead_table, Aligner};
///
/// let en = ["Canada and Mexico will meet in 2026."];
/// let es = ["Ciudad de México, 18 de septiembre de 2025", "Canadá y México se reunirán en 2026."];
/// let pairs = Aligner::new().align_sentences(&en, &es);
/// let mut out = Vec::new();
/// write_bead_table(&mut out, &pairs, &en, &es)?;
/// let out = String::from_utf8(out).unwrap();
/// let rows: Vec<Vec<&str>> = out.lines().map(|l| l.split('\t').collect()).collect();
/// assert_eq!((rows[0][0], rows[0][1], rows[0][2]), ("", "0", "0.0"));
/// assert_eq!((rows[1][0], rows[1][1], rows[1][3]), ("0", "1", en[0]));
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn write_bead_table(
    out: &mut impl Write,
    pairs: &[SentencePair],
    first: &[&str],
    second: &[&str],
) -> io::Result<()> {
    for pair in pairs {
        let numbers = |idx: &[usize]| {
            idx.iter()
                .map(usize::to_string)
                .collect::<Vec<_>>()
                .join(",")
        };
        writeln!(
            out,
            "{}\t{}\t{:?}\t{}\t{}",
            numbers(&pair.a),
            numbers(&pair.b),
            pair.score,
            cell(&joined(first, &pair.a)),
            cell(&joined(second, &pair.b)),
        )?;
    }
    Ok(())
}

/// `text` as a TSV cell: tabs and line breaks made spaces, other control characters escaped,
/// and a `'` before it when a spreadsheet could read it as a formula.
fn cell(text: &str) -> String {
    defuse_formula(escape_controls(&one_line(text)).into_owned().into()).into_owned()
}

/// Sentences `idx` of `list`, joined by one space.
fn joined<'a>(list: &[&'a str], idx: &[usize]) -> Cow<'a, str> {
    super::join_texts(idx.iter().filter_map(|&i| list.get(i).copied()))
}

impl<'a> AlignmentReport<'a> {
    /// The record of two aligned sentence lists in languages `first_lang` and `second_lang`
    /// (tags as [`Aligner::align_sentence_lists`](crate::Aligner::align_sentence_lists) takes
    /// them): one entry whose ids are both `all`, without titles, scored by the mean of its
    /// pairs' scores. Lists keep their order, so the keys name the sides by language (`en_id`,
    /// `es_idx` …, [`Schema::V1`]) only for an English list then a Spanish
    /// one; otherwise they are `a_id`, `b_idx` ….
    ///
    /// ```
    /// use paridad::{report::AlignmentReport, Aligner};
    ///
    /// let en = ["Both countries will share data."];
    /// let es = ["Ambos países compartirán datos."];
    /// let pairs = Aligner::new().align_sentences(&en, &es);
    /// let report = AlignmentReport::from_sentence_lists(&pairs, &en, "en", &es, "es");
    /// assert_eq!(report.sections[0].a_id, Some("all"));
    /// assert_eq!(report.sections[0].pairs[0].b, es[0]);
    /// assert_eq!(serde_json::to_value(&report).unwrap()["sections"][0]["pairs"][0]["es"], es[0]);
    ///
    /// let de = ["Beide Länder teilen Daten."];
    /// let pairs = Aligner::new().align_sentence_lists(&de, "de", &es, "es")?;
    /// let report = AlignmentReport::from_sentence_lists(&pairs, &de, "de", &es, "es");
    /// assert_eq!(serde_json::to_value(&report).unwrap()["sections"][0]["pairs"][0]["b_idx"][0], 0);
    /// # Ok::<(), paridad::Error>(())
    /// ```
    pub fn from_sentence_lists(
        pairs: &'a [SentencePair],
        first: &[&'a str],
        first_lang: &str,
        second: &[&'a str],
        second_lang: &str,
    ) -> AlignmentReport<'a> {
        let schema = list_schema(first_lang, second_lang);
        let score = if pairs.is_empty() {
            0.0
        } else {
            let mean = pairs.iter().map(|p| p.score).sum::<f64>() / pairs.len() as f64;
            (mean * 1000.0).round() / 1000.0
        };
        let entry = SectionEntry {
            schema,
            a_id: Some("all"),
            b_id: Some("all"),
            a_title: None,
            b_title: None,
            score,
            moved: false,
            pairs: pairs
                .iter()
                .map(|p| PairEntry::of(schema, p, joined(first, &p.a), joined(second, &p.b)))
                .collect(),
        };
        AlignmentReport {
            sections: vec![entry],
        }
    }
}

/// How the record of two sentence lists tagged `a` and `b`, in this order, names its sides:
/// by language for an English list then a Spanish one, as `a` and `b` otherwise (lists are
/// never swapped).
fn list_schema(a: &str, b: &str) -> Schema {
    match (Lang::from_tag(a), Lang::from_tag(b)) {
        (Ok(Lang::En), Ok(Lang::Es)) => Schema::V1,
        _ => Schema::V2,
    }
}
