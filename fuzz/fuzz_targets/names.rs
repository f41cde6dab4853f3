//! The extractor of names of institutions, acronyms and kinds of instrument, on any text as a
//! sentence, in English and in Spanish, with and without a document year (from the first
//! byte): every range found lies within the text, on char boundaries, not empty, in order.
#![no_main]

use libfuzzer_sys::fuzz_target;
use paridad::fuzzing;

fuzz_target!(|data: &[u8]| paridad_fuzz::check_extractor(data, "names", fuzzing::names));
