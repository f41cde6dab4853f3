//! Sentence-list alignments, as the sentence-alignment benchmarks read them: beads, a
//! tab-separated table, and the alignment record with one entry.

use std::borrow::Cow;
use std::io::{self, Write};

use crate::align::SentencePair;

use super::table::{defuse_formula, one_line};
use super::{escape_controls, AlignmentReport, PairEntry, SectionEntry};

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
            index_list(&pair.en),
            index_list(&pair.es),
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
            numbers(&pair.en),
            numbers(&pair.es),
            pair.score,
            cell(&joined(first, &pair.en)),
            cell(&joined(second, &pair.es)),
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
    /// The record of two aligned sentence lists: one entry whose ids are both `all`, without
    /// titles, scored by the mean of its pairs' scores.
    ///
    /// ```
    /// use paridad::{report::AlignmentReport, Aligner};
    ///
    /// let en = ["Both countries will share data."];
    /// let es = ["Ambos países compartirán datos."];
    /// let pairs = Aligner::new().align_sentences(&en, &es);
    /// let report = AlignmentReport::from_sentence_lists(&pairs, &en, &es);
    /// assert_eq!(report.sections[0].en_id, Some("all"));
    /// assert_eq!(report.sections[0].pairs[0].es, es[0]);
    /// ```
    pub fn from_sentence_lists(
        pairs: &'a [SentencePair],
        first: &[&'a str],
        second: &[&'a str],
    ) -> AlignmentReport<'a> {
        let score = if pairs.is_empty() {
            0.0
        } else {
            let mean = pairs.iter().map(|p| p.score).sum::<f64>() / pairs.len() as f64;
            (mean * 1000.0).round() / 1000.0
        };
        let entry = SectionEntry {
            en_id: Some("all"),
            es_id: Some("all"),
            en_title: None,
            es_title: None,
            score,
            moved: false,
            pairs: pairs
                .iter()
                .map(|p| PairEntry::of(p, joined(first, &p.en), joined(second, &p.es)))
                .collect(),
        };
        AlignmentReport {
            sections: vec![entry],
        }
    }
}
