//! The XLIFF 2.1 file of a fuzzed check: writing succeeds and the output is well-formed XML
//! (read to the end by quick-xml), whatever the input text holds.
#![no_main]

use libfuzzer_sys::fuzz_target;
use paridad::{report, Checker};
use paridad_fuzz::{assert_well_formed_xml, with_documents};

fuzz_target!(|data: &[u8]| {
    with_documents(data, |en, es| {
        let check = Checker::new().check(en, es);
        let mut out = Vec::new();
        report::write_xliff(&mut out, &check, en, es).expect("write_xliff");
        assert_well_formed_xml(&String::from_utf8(out).expect("UTF-8"));
    });
});
