//! Shared helpers: the seeds, and sentence lookups.

use std::process::{Command, Output};

use paridad::{Checker, DivergenceKind, Document, Lang};

pub const EN: &str = include_str!("../../seeds/2025-2028.en.txt");
pub const ES: &str = include_str!("../../seeds/2025-2028.es.txt");
pub const PLAN_2021: &str = include_str!("../../seeds/2021.en.txt");
pub const STATEMENT: &str = include_str!("../../seeds/2025-09-20-statement.en.txt");
pub const PLAN_2014: &str = include_str!("../../seeds/2014-2016.en.txt");

pub fn en() -> Document<'static> {
    Document::parse(EN, Lang::En).expect("the English seed parses")
}

pub fn es() -> Document<'static> {
    Document::parse(ES, Lang::Es).expect("the Spanish seed parses")
}

/// The messages of the divergences of `kind` that a check of `en` against `es` finds.
pub fn messages_of(en: &Document<'_>, es: &Document<'_>, kind: DivergenceKind) -> Vec<String> {
    Checker::new()
        .check(en, es)
        .divergences
        .into_iter()
        .filter(|d| d.kind == kind)
        .map(|d| d.message)
        .collect()
}

/// The sentence texts of one section.
pub fn sentences_of<'a>(doc: &'a Document<'_>, id: &str) -> Vec<&'a str> {
    let section = doc.section(id).unwrap_or_else(|| panic!("no section {id}"));
    doc.sentences_of(section).map(|s| s.text()).collect()
}

/// `(id, title)` of every section, in order.
pub fn outline<'a>(doc: &'a Document<'_>) -> Vec<(&'a str, &'a str)> {
    doc.sections().iter().map(|s| (s.id(), s.title())).collect()
}

/// Checks the lossless guarantee: the leaf segments are in order, never overlap, fall on char
/// boundaries and cover every non-whitespace character.
pub fn assert_lossless(doc: &Document<'_>) {
    let text = doc.text();
    let segments = doc.segments();
    let mut covered = 0;
    for seg in &segments {
        assert!(
            seg.span.start >= covered,
            "segment {:?} overlaps the previous one",
            seg
        );
        assert!(
            text.is_char_boundary(seg.span.start) && text.is_char_boundary(seg.span.end),
            "{seg:?} off a char boundary"
        );
        let gap = &text[covered..seg.span.start];
        assert!(
            gap.chars().all(|c| c.is_whitespace() || c == '\u{feff}'),
            "text lost before {:?}: {gap:?}",
            seg
        );
        covered = seg.span.end;
    }
    assert!(
        text[covered..].trim().is_empty(),
        "text lost at the end: {:?}",
        &text[covered..]
    );
}

/// Runs the `paridad` binary with `args` from the crate's folder.
pub fn paridad(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_paridad"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .expect("the binary runs")
}
