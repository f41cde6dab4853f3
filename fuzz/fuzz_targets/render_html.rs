//! The HTML report of a fuzzed check: writing succeeds, gives UTF-8, and no input text becomes
//! a script: the page holds exactly as many `<script` tags (in any case) as the report of two
//! one-sentence documents.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use paridad::report::{write_html, CheckReport, ReportOptions};
use paridad::{Check, Checker, Document};
use paridad_fuzz::with_documents;

/// The page of `check`.
fn page(check: &Check, en: &Document<'_>, es: &Document<'_>) -> String {
    let report = CheckReport::new(
        check,
        en,
        es,
        ["en.txt", "es.txt"],
        ReportOptions::default(),
    );
    let mut out = Vec::new();
    write_html(&mut out, &report, check, en, es).expect("write_html");
    String::from_utf8(out).expect("UTF-8")
}

/// How many `<script` a page holds, in any case.
fn scripts(page: &str) -> usize {
    page.to_ascii_lowercase().matches("<script").count()
}

/// The report's own script tags, counted on a report of two one-sentence documents.
fn own_scripts() -> usize {
    static OWN: OnceLock<usize> = OnceLock::new();
    *OWN.get_or_init(|| {
        let en = Document::parse("Text.", paridad::Lang::En).unwrap();
        let es = Document::parse("Texto.", paridad::Lang::Es).unwrap();
        scripts(&page(&Checker::new().check(&en, &es), &en, &es))
    })
}

fuzz_target!(|data: &[u8]| {
    with_documents(data, |en, es| {
        let check = Checker::new().check(en, es);
        let page = page(&check, en, es);
        assert_eq!(scripts(&page), own_scripts(), "a script tag from the input");
    });
});
