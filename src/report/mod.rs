//! Reports: an alignment rendered for people (text), for programs (a serialisable record that
//! JSON tools read) and for translation memories (TMX).

mod tmx;

use std::io::{self, Write};

use serde::Serialize;

use crate::align::Alignment;
use crate::document::Document;

pub use tmx::write_tmx;

/// An alignment with the text of both sides: the record `paridad align --format json` prints.
///
/// Section entries come in English document order; a side without the section has `null` ids
/// and titles; several sentences on one side are joined by one space, and an empty side is
/// `""`.
#[derive(Clone, Debug, Serialize)]
pub struct AlignmentReport<'a> {
    /// The section pairs.
    pub sections: Vec<SectionEntry<'a>>,
}

/// One section pair with text.
#[derive(Clone, Debug, Serialize)]
pub struct SectionEntry<'a> {
    /// The English section id.
    pub en_id: Option<&'a str>,
    /// The Spanish section id.
    pub es_id: Option<&'a str>,
    /// The English title.
    pub en_title: Option<&'a str>,
    /// The Spanish title.
    pub es_title: Option<&'a str>,
    /// The section pair score (see [`SectionPair::score`](crate::SectionPair::score)).
    pub score: f64,
    /// True when the section was moved.
    pub moved: bool,
    /// The sentence pairs.
    pub pairs: Vec<PairEntry>,
}

/// One sentence pair with text.
#[derive(Clone, Debug, Serialize)]
pub struct PairEntry {
    /// The English sentences, joined by one space; `""` when none.
    pub en: String,
    /// The Spanish sentences, joined by one space; `""` when none.
    pub es: String,
    /// Indexes of the English sentences.
    pub en_idx: Vec<usize>,
    /// Indexes of the Spanish sentences.
    pub es_idx: Vec<usize>,
    /// The pair score (see [`SentencePair::score`](crate::SentencePair::score)).
    pub score: f64,
}

impl<'a> AlignmentReport<'a> {
    /// The report of `alignment` between `en` and `es`.
    ///
    /// ```
    /// use paridad::{report::AlignmentReport, Aligner, Document, Lang};
    ///
    /// let en = Document::parse("1. Health\nBoth countries will share data.\n", Lang::En)?;
    /// let es = Document::parse("1. Salud\nAmbos países compartirán datos.\n", Lang::Es)?;
    /// let alignment = Aligner::new().align(&en, &es);
    /// let report = AlignmentReport::new(&alignment, &en, &es);
    /// assert_eq!(report.sections[1].es_title, Some("Salud"));
    /// assert_eq!(report.sections[1].pairs[0].es, "Ambos países compartirán datos.");
    /// # Ok::<(), paridad::Error>(())
    /// ```
    pub fn new(
        alignment: &Alignment,
        en: &'a Document<'_>,
        es: &'a Document<'_>,
    ) -> AlignmentReport<'a> {
        let sections = alignment
            .sections
            .iter()
            .map(|s| {
                let section =
                    |doc: &'a Document<'_>, k: Option<usize>| k.and_then(|k| doc.sections().get(k));
                let (se, ss) = (section(en, s.en), section(es, s.es));
                SectionEntry {
                    en_id: se.map(|x| x.id()),
                    es_id: ss.map(|x| x.id()),
                    en_title: se.map(|x| x.title()),
                    es_title: ss.map(|x| x.title()),
                    score: s.score,
                    moved: s.moved,
                    pairs: s
                        .pairs
                        .iter()
                        .map(|p| PairEntry {
                            en: joined(en, &p.en),
                            es: joined(es, &p.es),
                            en_idx: p.en.clone(),
                            es_idx: p.es.clone(),
                            score: p.score,
                        })
                        .collect(),
                }
            })
            .collect();
        AlignmentReport { sections }
    }
}

/// The text of sentences `idx` of `doc`, joined by one space.
pub(crate) fn joined(doc: &Document<'_>, idx: &[usize]) -> String {
    idx.iter()
        .filter_map(|&i| doc.sentences().get(i))
        .map(|s| s.text())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Writes the alignment for people: each section pair with its ids, titles and score, then
/// its sentence pairs, English above Spanish, with their scores; `-` marks a missing side.
pub fn write_text(
    out: &mut impl Write,
    alignment: &Alignment,
    en: &Document<'_>,
    es: &Document<'_>,
) -> io::Result<()> {
    let report = AlignmentReport::new(alignment, en, es);
    for (k, s) in report.sections.iter().enumerate() {
        if k > 0 {
            writeln!(out)?;
        }
        let side = |id: Option<&str>, title: Option<&str>| match (id, title) {
            (Some(id), Some(t)) if !t.is_empty() => format!("{id} {t}"),
            (Some(id), _) => id.to_string(),
            _ => "-".to_string(),
        };
        writeln!(
            out,
            "== {}  <>  {}  [{:.2}]{}",
            side(s.en_id, s.en_title),
            side(s.es_id, s.es_title),
            s.score,
            if s.moved { "  (moved)" } else { "" }
        )?;
        for p in &s.pairs {
            let shape = format!("{}-{}", p.en_idx.len(), p.es_idx.len());
            let text = |t: &str| {
                if t.is_empty() {
                    "-".to_string()
                } else {
                    t.to_string()
                }
            };
            writeln!(out, "  [{:.2}] {shape:<3} en: {}", p.score, text(&p.en))?;
            writeln!(out, "              es: {}", text(&p.es))?;
        }
    }
    Ok(())
}
