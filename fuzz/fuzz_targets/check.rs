//! The check of two texts cut from one input (see `paridad_fuzz::pair`): the alignment's
//! invariants, and every divergence pointing at a section pair and sentence pair that exist,
//! with evidence inside its version's text at the right line and column.
#![no_main]

use libfuzzer_sys::fuzz_target;
use paridad::Checker;
use paridad_fuzz::{assert_check, with_documents};

fuzz_target!(|data: &[u8]| {
    with_documents(data, |en, es| {
        let check = Checker::new().check(en, es);
        assert_check(&check, en, es);
    });
});
