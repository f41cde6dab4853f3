//! Properties: segmentation never panics and loses nothing, on the seeds cut and shuffled and on
//! arbitrary text.

use paridad::{Document, Lang};
use proptest::prelude::*;

use super::util::*;

/// Lines of every seed, and layout artifacts, to build documents from.
fn pieces() -> Vec<String> {
    let mut lines: Vec<String> = [EN, ES, PLAN_2014, PLAN_2021]
        .iter()
        .flat_map(|t| t.lines().map(String::from))
        .collect();
    lines.extend(
        [
            "",
            "",
            "   ",
            "3",
            "--ooOOoo--",
            "- Date modified:",
            " VERSIÓN FINAL          February 7, 2014 ",
            "ANNEX",
            "Article 4",
            "Contents",
            "2.4.1. Scope",
            "B.2.6. Reporting",
            "a) Energy",
            "o Sub-item",
            "\u{feff}",
            "1.\u{a0}Trade",
            "Capítulo II",
        ]
        .map(String::from),
    );
    lines
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn seed_lines_recombined_lose_nothing(picks in prop::collection::vec(0usize..10_000, 1..60), crlf in any::<bool>(), es in any::<bool>()) {
        let pieces = pieces();
        let eol = if crlf { "\r\n" } else { "\n" };
        let text: String = picks.iter().map(|&i| pieces[i % pieces.len()].as_str()).collect::<Vec<_>>().join(eol);
        let lang = if es { Lang::Es } else { Lang::En };
        match Document::parse(&text, lang) {
            Ok(doc) => assert_lossless(&doc),
            Err(e) => prop_assert!(e.is_empty_input()),
        }
    }

    #[test]
    fn arbitrary_text_loses_nothing(text in "(\\PC|[ \\n\\r\\t.*()\\-0-9IVX]){0,400}", es in any::<bool>()) {
        let lang = if es { Lang::Es } else { Lang::En };
        match Document::parse(&text, lang) {
            Ok(doc) => {
                assert_lossless(&doc);
                for s in doc.sentences() {
                    prop_assert!(!s.spans().is_empty());
                    prop_assert!(!s.text().is_empty());
                }
            }
            Err(e) => prop_assert!(e.is_empty_input()),
        }
    }
}
