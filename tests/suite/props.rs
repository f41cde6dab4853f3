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

/// The seed pair with Spanish lines dropped (`drop`) and one pair of Spanish lines swapped
/// (`swap`), as texts: near-parallel versions with edits.
fn edited_pair(drop: &[usize], swap: (usize, usize)) -> (String, String) {
    let mut lines: Vec<&str> = ES.lines().collect();
    let n = lines.len();
    let (a, b) = (swap.0 % n, swap.1 % n);
    lines.swap(a, b);
    let kept: Vec<&str> = lines
        .iter()
        .enumerate()
        .filter(|(i, _)| !drop.iter().any(|d| d % n == *i))
        .map(|(_, l)| *l)
        .collect();
    (EN.to_string(), kept.join("\n"))
}

/// Every sentence of both documents in exactly one sentence pair, and, within a section
/// pair, the pairs in document order on both sides.
fn covers_in_order(check: &paridad::Check, en: &Document<'_>, es: &Document<'_>) {
    for (side, total) in [(0, en.sentences().len()), (1, es.sentences().len())] {
        let mut seen = vec![0usize; total];
        for section in &check.alignment.sections {
            let mut last: Option<usize> = None;
            for pair in &section.pairs {
                let idx = if side == 0 { &pair.a } else { &pair.b };
                for &i in idx {
                    seen[i] += 1;
                    assert!(last.is_none_or(|l| i > l), "out of order in a section pair");
                    last = Some(i);
                }
            }
        }
        assert!(seen.iter().all(|&c| c == 1), "side {side}: {seen:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn alignment_covers_every_sentence_once_in_order_and_mirrors(
        drop in prop::collection::vec(0usize..10_000, 0..6),
        swap in (0usize..10_000, 0usize..10_000),
    ) {
        let (en_text, es_text) = edited_pair(&drop, swap);
        let Ok(es) = Document::parse(&es_text, Lang::Es) else {
            return Ok(());
        };
        let en = Document::parse(&en_text, Lang::En).unwrap();
        let forward = paridad::Checker::new().check(&en, &es);
        covers_in_order(&forward, &en, &es);
        // Swapping the roles of the two versions gives the same findings.
        let backward = paridad::Checker::new().check(&es, &en);
        prop_assert_eq!(&forward.divergences, &backward.divergences);
        // A version against itself finds nothing but the numbers it prints twice, one finding
        // for each (a number seen twice may be a contents entry paridad did not recognise, so
        // it is reported even then).
        let own = paridad::Checker::new().check(&es, &es).divergences;
        let twice = es.sections().iter().filter(|s| s.id().contains('~')).count();
        prop_assert_eq!(own.len(), twice);
        prop_assert!(own.iter().all(|d| d.kind == paridad::DivergenceKind::Structure
            && d.message.contains("numbers two headings")));
    }
}

#[test]
fn results_do_not_depend_on_the_number_of_threads() {
    let (en_text, es_text) = edited_pair(&[7, 31, 52], (20, 40));
    let en = Document::parse(&en_text, Lang::En).unwrap();
    let es = Document::parse(&es_text, Lang::Es).unwrap();
    let run = |threads: usize| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap()
            .install(|| paridad::Checker::new().check(&en, &es))
    };
    let one = run(1);
    assert!(!one.divergences.is_empty(), "the edits are found");
    assert_eq!(one, run(2));
    assert_eq!(one, run(7));
}
