//! Divergences: what a reviewer must look at, with evidence on both sides.

use std::fmt;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::span::Span;

/// What kind of difference a divergence is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum DivergenceKind {
    /// A date, year, period or deadline differs or is missing.
    Date,
    /// A number differs or is missing.
    Number,
    /// An institution, instrument, programme or acronym differs or is missing.
    Entity,
    /// A commitment is weakened or strengthened (`will` against `podrán`).
    Modality,
    /// A word says the opposite of its counterpart (`installed` against `eliminados`,
    /// `first` against `último`).
    Meaning,
    /// Text of side `a` (the English version of an English–Spanish pair) has no counterpart
    /// in side `b`.
    Omission,
    /// Text of side `b` has no counterpart in side `a`.
    Addition,
    /// A section is missing, added or moved.
    Structure,
}

impl DivergenceKind {
    /// The lower-case name used in reports (`date`, `entity` …).
    pub fn name(self) -> &'static str {
        match self {
            DivergenceKind::Date => "date",
            DivergenceKind::Number => "number",
            DivergenceKind::Entity => "entity",
            DivergenceKind::Modality => "modality",
            DivergenceKind::Meaning => "meaning",
            DivergenceKind::Omission => "omission",
            DivergenceKind::Addition => "addition",
            DivergenceKind::Structure => "structure",
        }
    }
}

impl DivergenceKind {
    /// Every kind, in report order.
    pub const ALL: [DivergenceKind; 8] = [
        DivergenceKind::Date,
        DivergenceKind::Number,
        DivergenceKind::Entity,
        DivergenceKind::Modality,
        DivergenceKind::Meaning,
        DivergenceKind::Omission,
        DivergenceKind::Addition,
        DivergenceKind::Structure,
    ];
}

impl std::str::FromStr for DivergenceKind {
    type Err = String;

    /// A kind by its report name (`date`, `entity` …), case-blind.
    fn from_str(s: &str) -> Result<DivergenceKind, String> {
        DivergenceKind::ALL
            .into_iter()
            .find(|k| k.name().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| {
                let names: Vec<&str> = DivergenceKind::ALL.iter().map(|k| k.name()).collect();
                format!("unknown kind {s:?}: expected one of {}", names.join(", "))
            })
    }
}

impl std::str::FromStr for Severity {
    type Err = String;

    /// A severity by its report name (`info`, `warning`, `error`), case-blind.
    fn from_str(s: &str) -> Result<Severity, String> {
        [Severity::Info, Severity::Warning, Severity::Error]
            .into_iter()
            .find(|v| v.name().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| format!("unknown severity {s:?}: expected info, warning or error"))
    }
}

impl fmt::Display for DivergenceKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// How urgently a divergence needs a reviewer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// May like to know: a difference that is probably harmless.
    Info,
    /// Must look: the versions may say different things.
    Warning,
    /// Must act: the versions state different values.
    Error,
}

impl Severity {
    /// The lower-case name used in reports.
    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Text of one version that a divergence points at.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// The text, as in the sentence (white space folded).
    pub text: String,
    /// Where it stands in the document's input, in bytes.
    pub span: Span,
    /// 1-based line of the span's start.
    pub line: usize,
    /// 1-based column (in characters) of the span's start.
    pub column: usize,
    /// Index of the sentence holding it in its document's [`sentences`](crate::Document::sentences).
    pub sentence: usize,
    /// The byte range of the evidence in that sentence's [`text`](crate::Sentence::text):
    /// `text` is `sentence.text()[range]`.
    pub range: Range<usize>,
}

/// A difference between the versions that a translator must review.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Divergence {
    /// A stable id: the same finding gets the same id on the next run, whatever else changed
    /// around it (a hash of its kind, sections, evidence texts, and the sentences holding
    /// evidence that is part of them), unique within its check (a repeat gets `-2` …).
    pub id: String,
    /// What kind of difference it is.
    pub kind: DivergenceKind,
    /// How urgent it is.
    pub severity: Severity,
    /// Index of the section pair in [`Alignment::sections`](crate::Alignment::sections).
    pub section: usize,
    /// Index of the sentence pair in that section pair's `pairs`, when the divergence is about
    /// one.
    pub pair: Option<usize>,
    /// The evidence on side `a` (the first version; the English one of an English–Spanish
    /// pair), when it has any.
    pub a: Option<Evidence>,
    /// The evidence on side `b` (the second version), when it has any.
    pub b: Option<Evidence>,
    /// What differs, in one sentence a person understands.
    pub message: String,
    /// How sure paridad is that this is a real difference, in [0, 1].
    pub confidence: f64,
}

/// A stable id from the parts that identify a finding.
pub(crate) fn stable_id(kind: DivergenceKind, parts: &[&str]) -> String {
    let hash = fnv(std::iter::once(kind.name()).chain(parts.iter().copied()));
    format!("{}-{:012x}", kind.name(), hash >> 16)
}

/// A stable hash of `text`, in hex: what stands for a long text among an id's parts.
pub(crate) fn text_hash(text: &str) -> String {
    format!("{:016x}", fnv(std::iter::once(text)))
}

/// FNV-1a, 64 bits, of the parts, each ended by a byte UTF-8 never holds: stable across runs,
/// platforms and versions of the standard library.
fn fnv<'p>(parts: impl Iterator<Item = &'p str>) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes().chain(std::iter::once(0xff)) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable_and_tell_findings_apart() {
        let a = stable_id(DivergenceKind::Date, &["I.4", "I.4", "by end of 2025", ""]);
        assert_eq!(
            a,
            stable_id(DivergenceKind::Date, &["I.4", "I.4", "by end of 2025", ""])
        );
        assert!(a.starts_with("date-") && a.len() == "date-".len() + 12);
        assert_ne!(
            a,
            stable_id(DivergenceKind::Date, &["I.4", "I.4", "by end of 2026", ""])
        );
        assert_ne!(
            a,
            stable_id(
                DivergenceKind::Number,
                &["I.4", "I.4", "by end of 2025", ""]
            )
        );
        // Parts do not run into each other.
        assert_ne!(
            stable_id(DivergenceKind::Date, &["ab", "c"]),
            stable_id(DivergenceKind::Date, &["a", "bc"])
        );
    }
}
