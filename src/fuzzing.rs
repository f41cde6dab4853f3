//! Entry points for the fuzz targets in `fuzz/`, behind the `fuzzing` feature: the value
//! extractors are private, and these functions let a fuzzer run them on one sentence without
//! building a document around it. Not part of the public API; they may change at any time.
//!
//! Each function runs the extractors over `text` (a sentence, as [`Sentence::text`] gives it)
//! and returns the byte ranges in `text` of the values of its kind, in order. `doc_year`
//! resolves relative years (`this year`, `este año`), as the document's date does in a check.
//! Nothing here adds logic of its own: whatever panics, panics in the extractors.
//!
//! [`Sentence::text`]: crate::Sentence::text

use std::ops::Range;

use crate::extract::{extract, Value};
use crate::lang::Lang;

/// The ranges of the values in `text` that `keep` selects.
fn ranges(
    text: &str,
    lang: Lang,
    doc_year: Option<i32>,
    keep: fn(&Value) -> bool,
) -> Vec<Range<usize>> {
    extract(text, lang, doc_year)
        .into_iter()
        .filter(|f| keep(&f.value))
        .map(|f| f.range)
        .collect()
}

/// The ranges of the dates, months, years and periods of years in `text`, each with the
/// phrase that bounds it (`by March 31, 2026`, `antes de que concluya el 2025`).
pub fn dates(text: &str, lang: Lang, doc_year: Option<i32>) -> Vec<Range<usize>> {
    ranges(text, lang, doc_year, |v| {
        matches!(v, Value::Date { .. } | Value::Period { .. })
    })
}

/// The ranges of the quantities, ordinals and percentages in `text`, in digits or in words.
pub fn numbers(text: &str, lang: Lang, doc_year: Option<i32>) -> Vec<Range<usize>> {
    ranges(text, lang, doc_year, |v| matches!(v, Value::Number { .. }))
}

/// The ranges of the names in `text` the entity check compares: names of institutions,
/// programmes and places, acronyms, and kinds of instrument (`Memorandum of Collaboration`).
pub fn names(text: &str, lang: Lang, doc_year: Option<i32>) -> Vec<Range<usize>> {
    ranges(text, lang, doc_year, |v| {
        matches!(v, Value::Name | Value::Acronym(_) | Value::Instrument(_))
    })
}

/// The ranges of the words in `text` that set how strongly it commits (`will`, `may`,
/// `podrán`, future endings).
pub fn modality(text: &str, lang: Lang, doc_year: Option<i32>) -> Vec<Range<usize>> {
    ranges(text, lang, doc_year, |v| matches!(v, Value::Modal(_)))
}
