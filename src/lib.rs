//! paridad checks whether two language versions of an official document say the same thing.
//!
//! It segments each version into its numbered structure: a preamble, parts (`I. Prosperity`),
//! numbered sections (`1.`, `1)`, `a)`, `2.4.1.`), keyword headings (`Article 12`, `Anexo`),
//! paragraphs and sentences. Every piece carries byte [`Span`]s into the original text, and
//! nothing is lost: headings, sentences and reported layout noise together cover every
//! non-whitespace character of the input. It then aligns the two versions, section to section
//! and sentence to sentence, with a score for each pair ([`Aligner`]).
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
