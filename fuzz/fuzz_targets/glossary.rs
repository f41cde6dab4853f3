//! A glossary read from any text (the first byte picks TSV, CSV or TBX), then used: every
//! concept read has a term on each side, every term is non-empty and at most 1,000 bytes,
//! merging it again changes nothing, it serializes and reads back as itself, and a check with
//! it, of two documents naming its terms, keeps the check's invariants.
#![no_main]

use libfuzzer_sys::fuzz_target;
use paridad::{Checker, Glossary, Lang};
use paridad_fuzz::{assert_check, parse, text};

fuzz_target!(|data: &[u8]| {
    let Some((&format, rest)) = data.split_first() else {
        return;
    };
    let source = text(rest);
    let read = match format % 3 {
        0 => Glossary::from_tsv(&source),
        1 => Glossary::from_csv(&source),
        _ => Glossary::from_tbx(&source),
    };
    let Ok(glossary) = read else {
        return;
    };
    for c in glossary.concepts() {
        assert!(c.en().len() > 0 && c.es().len() > 0, "{c:?}");
        for t in c.en().chain(c.es()) {
            assert!(!t.is_empty() && t.len() <= 1_000, "{t:?}");
        }
    }
    let mut again = Glossary::new();
    again.extend(&glossary);
    assert_eq!(again, glossary, "merged again");
    let json = serde_json::to_string(&glossary).expect("a glossary serializes");
    let back: Glossary = serde_json::from_str(&json).expect("and reads back");
    assert_eq!(back, glossary);
    // Two documents naming the first terms of the first concepts, one a sentence.
    let document = |lang: Lang| -> String {
        let mut out = String::from("1. Terms\n\n");
        for c in glossary.concepts().take(20) {
            if let Some(term) = c.terms_in(lang).next() {
                out.push_str(&format!("The text names {term} here.\n\n"));
            }
        }
        out
    };
    let (en_text, es_text) = (document(Lang::En), document(Lang::Es));
    let (Some(en), Some(es)) = (parse(&en_text, Lang::En), parse(&es_text, Lang::Es)) else {
        return;
    };
    let check = Checker::with_glossary(&glossary).check(&en, &es);
    assert_check(&check, &en, &es);
});
