//! Segmentation of any bytes, in English and in Spanish: what `paridad::decode` accepts, or
//! the bytes read lossily. Every span of every piece lies within the text on char boundaries,
//! the pieces lose nothing, and the JSON tree serialises.
#![no_main]

use libfuzzer_sys::fuzz_target;
use paridad::Lang;
use paridad_fuzz::{parse, text};

fuzz_target!(|data: &[u8]| {
    let text = text(data);
    for lang in [Lang::En, Lang::Es] {
        if let Some(doc) = parse(&text, lang) {
            serde_json::to_string(&doc).expect("the JSON tree");
        }
    }
    if let Ok(doc) = paridad::Document::parse_detect(&text) {
        paridad_fuzz::assert_document(&doc);
    }
});
