//! The text reports of a fuzzed check: the alignment (`paridad align`) and the divergences,
//! plain and in colour (`paridad check`). Writing succeeds, gives UTF-8, and ends with the
//! summary line counting every divergence; no control character but tab and line feed (and a
//! carriage return before one) is in it, except, in colour, ESC opening a colour `ESC [ … m`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use paridad::{report, Checker};
use paridad_fuzz::with_documents;

fuzz_target!(|data: &[u8]| {
    with_documents(data, |en, es| {
        let check = Checker::new().check(en, es);
        let mut out = Vec::new();
        report::write_text(&mut out, &check.alignment, en, es).expect("write_text");
        let out = String::from_utf8(out).expect("UTF-8");
        terminal_safe(&out, false);
        for colour in [false, true] {
            let options = report::ReportOptions {
                colour,
                ..report::ReportOptions::default()
            };
            let mut out = Vec::new();
            report::write_check_text_with(&mut out, &check, en, es, &options)
                .expect("write_check_text_with");
            let out = String::from_utf8(out).expect("UTF-8");
            terminal_safe(&out, colour);
            let last = out.lines().last().expect("a summary line");
            let summary = format!("{} divergences: ", check.divergences.len());
            assert!(last.starts_with(&summary), "summary line {last:?}");
        }
    });
});

/// Asserts that `text` holds no control character but tab, line feed and a carriage return
/// before a line feed, and, when `colour`, ESC only as the start of a colour (`ESC [` digits
/// and `;` then `m`).
fn terminal_safe(text: &str, colour: bool) {
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        match c {
            '\t' | '\n' => {}
            '\r' => assert_eq!(next, Some('\n'), "a lone carriage return at {i}"),
            '\u{1b}' if colour => {
                let sgr = text[i + 1..]
                    .strip_prefix('[')
                    .and_then(|rest| rest.split_once('m'))
                    .is_some_and(|(body, _)| body.chars().all(|c| c.is_ascii_digit() || c == ';'));
                assert!(sgr, "an escape that is no colour at {i}");
            }
            c => assert!(!c.is_control(), "control {c:?} at {i}"),
        }
    }
}
