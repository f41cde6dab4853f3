//! paridad checks whether two language versions of an official document say the same thing.
//!
//! This first layer segments a document into its numbered structure: a preamble, parts
//! (`I. Prosperity`), numbered sections (`1.`, `1)`, `a)`, `2.4.1.`), keyword headings
//! (`Article 12`, `Anexo`), paragraphs and sentences. Every piece carries byte [`Span`]s into the
//! original text, and nothing is lost: headings, sentences and reported layout noise together
//! cover every non-whitespace character of the input.
//!
//! ```
//! use paridad::{Document, Lang};
//!
//! let en = "Action Plan\n\nI. Prosperity\n1. Trade\nCanada and Mexico will cooperate. Both will report.\n";
//! let doc = Document::parse(en, Lang::En)?;
//! assert_eq!(doc.title(), Some("Action Plan"));
//! let outline: Vec<(&str, &str)> = doc.sections().iter().map(|s| (s.id(), s.title())).collect();
//! assert_eq!(outline, [("preamble", "Action Plan"), ("I", "Prosperity"), ("I.1", "Trade")]);
//! assert_eq!(doc.sentences().len(), 2);
//! let first = &doc.sentences()[0];
//! assert_eq!(&en[first.span()], "Canada and Mexico will cooperate.");
//! # Ok::<(), paridad::Error>(())
//! ```
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
mod date;
mod document;
mod error;
mod glossary;
mod input;
mod lang;
pub mod report;
mod segment;
mod span;
mod tokens;

pub use align::{Aligner, Alignment, SectionPair, SentencePair};
pub use date::Date;
pub use document::{
    Dateline, Document, Paragraph, ParagraphKind, Section, SectionKind, Segment, SegmentKind,
    Sentence, SkipKind, Skipped,
};
pub use error::Error;
pub use glossary::{Concept, Glossary};
pub use input::{decode, read_file};
pub use lang::{HeadingKeyword, Lang};
pub use span::{LineCol, Span};

// The README's examples are tests too.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
