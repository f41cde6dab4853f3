//! The bounded reader: any bytes read through `read_text` with a limit (from the first two
//! bytes) and through `read_line_within` line by line, the input handed over in pieces of
//! varying size as a pipe would. Reading never takes more than the limit and one byte, an input
//! within the limit that `decode` accepts is read back unchanged, one over it is refused as too
//! large or not text, and lines within the limit rebuild the input.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| paridad_fuzz::check_bounded_reader(data));
