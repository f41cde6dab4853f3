//! Alignment of two texts cut from one input (see `paridad_fuzz::pair`), segmented as English
//! and Spanish: every sentence of both sides in exactly one sentence pair, consecutive and in
//! order, every section in a section pair, scores in [0, 1].
#![no_main]

use libfuzzer_sys::fuzz_target;
use paridad::Aligner;
use paridad_fuzz::{assert_alignment, with_documents};

fuzz_target!(|data: &[u8]| {
    with_documents(data, |en, es| {
        let alignment = Aligner::new().align(en, es);
        assert_alignment(&alignment, en, es);
    });
});
