//! paridad checks whether two language versions of an official document say the same thing.
//!
//! The main job: read the two versions, check them, and read what differs. Each finding has a
//! kind, a severity, a message a person understands, and the evidence on each side with its
//! place in the input.
//!
//! ```
//! use paridad::{read_file, Checker, Document, Lang};
//!
//! let en = read_file("seeds/2025-2028.en.txt")?;
//! let es = read_file("seeds/2025-2028.es.txt")?;
//! let (en, es) = (Document::parse(&en, Lang::En)?, Document::parse(&es, Lang::Es)?);
//! let check = Checker::new().check(&en, &es);
//! for d in &check.divergences {
//!     let section = &check.alignment.sections[d.section];
//!     println!("{} {} in {}: {}", d.severity, d.kind, section.a_id.as_deref().unwrap_or("-"), d.message);
//!     if let Some(e) = &d.a {
//!         println!("  English {}:{}  {}", e.line, e.column, e.text);
//!     }
//!     if let Some(e) = &d.b {
//!         println!("  Spanish {}:{}  {}", e.line, e.column, e.text);
//!     }
//! }
//! // The action plan's versions differ in an instrument: a Memorandum of Collaboration in
//! // English, a memorándum de entendimiento (of understanding) in Spanish.
//! assert!(check.divergences.iter().any(|d| {
//!     d.a.as_ref().is_some_and(|e| e.text.contains("Memorandum of Collaboration"))
//!         && d.b.as_ref().is_some_and(|e| e.text.contains("memorándum de entendimiento"))
//! }));
//! # Ok::<(), paridad::Error>(())
//! ```
//!
//! # The stages
//!
//! Data flows one way; each stage reads what the one before made, and a caller may stop or
//! step in at any of them:
//!
//! 1. **Segment** ([`Document::parse`]): each version into its numbered structure: a preamble,
//!    parts (`I. Prosperity`), numbered sections (`1.`, `1)`, `a)`, `2.4.1.`), keyword headings
//!    (`Article 12`, `Anexo`), paragraphs and sentences. Every piece carries byte [`Span`]s into
//!    the original text, and nothing is lost: headings, sentences and reported layout noise
//!    together cover every non-whitespace character of the input.
//! 2. **Lexicon** (inside [`Aligner`] and [`Checker`]): both versions' words, numbers,
//!    acronyms and glossary terms put into classes shared across the pair, built once per pair.
//! 3. **Align** ([`Aligner::align`]): section to section, then sentence to sentence (1–1, 1–2,
//!    2–1, 1–0 …), each pair with a score.
//! 4. **Compare** ([`Checker::check`], or [`Checker::compare`] along an alignment the caller
//!    made or edited): [`Divergence`]s of dates, numbers, institutions and instruments,
//!    modality, omissions and additions, and structure.
//! 5. **Report** ([`report::write_check`], [`report::CheckReport`]): text, JSON, HTML, TMX,
//!    XLIFF, CSV or TSV.
//!
//! A pair is two sides, `a` and `b`, each with its [`Lang`]; in an English–Spanish pair side
//! `a` is the English version, whatever order the versions come in.
//!
//! ```
//! use paridad::{Aligner, Document, Lang};
//!
//! let en = "Action Plan\n\nI. Prosperity\n1. Trade\nCanada and Mexico will cooperate under CUSMA. Both will report in 2026.\n";
//! let es = "Plan de Acción\n\nI. Prosperidad\n1. Comercio\nMéxico y Canadá cooperarán en el marco del T-MEC. Ambos informarán en 2026.\n";
//! let en = Document::parse(en, Lang::En)?;
//! let es = Document::parse(es, Lang::Es)?;
//! let outline: Vec<(&str, &str)> = en.sections().iter().map(|s| (s.id(), s.title())).collect();
//! assert_eq!(outline, [("preamble", "Action Plan"), ("I", "Prosperity"), ("I.1", "Trade")]);
//! assert_eq!(&en.text()[en.sentences()[0].span()], "Canada and Mexico will cooperate under CUSMA.");
//!
//! let alignment = Aligner::new().align(&en, &es);
//! let trade = &alignment.sections[2];
//! assert_eq!((trade.a_id.as_deref(), trade.b_id.as_deref()), (Some("I.1"), Some("I.1")));
//! for pair in &trade.pairs {
//!     // One English sentence, one Spanish sentence, well supported.
//!     assert_eq!((pair.a.len(), pair.b.len()), (1, 1));
//!     assert!(pair.score > 0.6);
//! }
//! # Ok::<(), paridad::Error>(())
//! ```
//!
//! # Contents
//!
//! * [`Document`]: segmentation, with [`Section`], [`Paragraph`], [`Sentence`], [`Skipped`].
//! * [`Aligner`]: alignment into an [`Alignment`] of [`SectionPair`]s and [`SentencePair`]s;
//!   [`Glossary`] for term pairs.
//! * [`report`]: alignments and checks rendered as text, JSON records, HTML, TMX, XLIFF, CSV or
//!   TSV, and sentence-list alignments as beads.
//! * [`Error`]: the one error type.
//!
//! # Section ids
//!
//! Ids are numbering paths, the same in every language: `preamble`, `I`, `I.4`, `2.4.1`,
//! `B.2.6`, `art:12`, `ch:3`, `sec:2`, `part:II`, `annex`, `annex:1.a`, `appendix:B`,
//! `heading:1`. The full scheme is in `docs/section-ids.md`.
//!
//! # Features
//!
//! * `cli` (default): the `paridad` binary and what only it needs (clap, serde_json). Use
//!   `default-features = false` for the library alone.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod align;
mod compare;
mod date;
mod dictionary;
mod divergence;
mod document;
mod error;
mod extract;
// Entry points for the fuzz targets in `fuzz/`; not part of the public API.
#[cfg(feature = "fuzzing")]
#[doc(hidden)]
pub mod fuzzing;
mod glossary;
mod input;
mod lang;
mod lexicon;
mod limits;
pub mod report;
mod review;
mod segment;
mod span;
mod tokens;
mod union_find;

pub use align::{Aligner, Alignment, SectionPair, SentencePair};
pub use compare::{Check, Checker};
pub use date::Date;
pub use dictionary::Dictionary;
pub use divergence::{Divergence, DivergenceKind, Evidence, Severity};
pub use document::{
    Dateline, Document, Paragraph, ParagraphKind, Section, SectionKind, Segment, SegmentKind,
    Sentence, SkipKind, Skipped,
};
pub use error::Error;
pub use glossary::{Concept, ConceptRef, Glossary, GlossaryFormat, Terms};
pub use input::{
    decode, format_size, parse_size, read_file, read_file_within, read_line_within, read_text,
    sniff, BoundedLine, InputLimits, InputRole, LINE_HEAD, SNIFFED_BYTES,
};
pub use lang::{HeadingKeyword, Lang};
pub use review::{Baseline, Filter, Reviewed, BASELINE_SCHEMA};
pub use span::{LineCol, LineIndex, Span};

// The README's examples are tests too.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
