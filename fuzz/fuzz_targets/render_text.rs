//! The text reports of a fuzzed check: the alignment (`paridad align`) and the divergences,
//! plain and in colour (`paridad check`). Writing succeeds, gives UTF-8, and ends with the
//! summary line counting every divergence.
#![no_main]

use libfuzzer_sys::fuzz_target;
use paridad::{report, Checker};
use paridad_fuzz::with_documents;

fuzz_target!(|data: &[u8]| {
    with_documents(data, |en, es| {
        let check = Checker::new().check(en, es);
        let mut out = Vec::new();
        report::write_text(&mut out, &check.alignment, en, es).expect("write_text");
        String::from_utf8(out).expect("UTF-8");
        for colour in [false, true] {
            let options = report::TextOptions { colour, hidden: 0 };
            let mut out = Vec::new();
            report::write_check_text_with(&mut out, &check, en, es, &options)
                .expect("write_check_text_with");
            let out = String::from_utf8(out).expect("UTF-8");
            let last = out.lines().last().expect("a summary line");
            let summary = format!("{} divergences: ", check.divergences.len());
            assert!(last.starts_with(&summary), "summary line {last:?}");
        }
    });
});
