//! The TMX memories of a fuzzed check, with and without divergence properties: writing
//! succeeds and the output is well-formed XML (read to the end by quick-xml), whatever the
//! input text holds.
#![no_main]

use libfuzzer_sys::fuzz_target;
use paridad::{report, Checker};
use paridad_fuzz::{assert_well_formed_xml, with_documents};

fuzz_target!(|data: &[u8]| {
    with_documents(data, |en, es| {
        let check = Checker::new().check(en, es);
        let mut out = Vec::new();
        report::write_tmx(&mut out, &check.alignment, en, es).expect("write_tmx");
        assert_well_formed_xml(&String::from_utf8(out).expect("UTF-8"));
        let mut out = Vec::new();
        report::write_check_tmx(&mut out, &check, en, es).expect("write_check_tmx");
        assert_well_formed_xml(&String::from_utf8(out).expect("UTF-8"));
    });
});
