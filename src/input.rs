//! Reading documents: UTF-8 checking with a useful error.

use std::path::Path;

use crate::error::Error;
use crate::span::LineCol;

/// Checks that `bytes` are UTF-8 and returns them as text.
///
/// On failure the error gives the byte offset, line and column of the first invalid byte and,
/// when the bytes look like a known legacy encoding, names it (Windows-1252, UTF-16).
pub fn decode(bytes: &[u8]) -> Result<&str, Error> {
    let text = std::str::from_utf8(bytes).map_err(|err| invalid_utf8(bytes, err))?;
    not_text(bytes)?;
    Ok(text)
}

/// Valid UTF-8 that is still no text: UTF-16 of ASCII letters without a byte-order mark, or
/// binary data made of ASCII bytes (a few stray NULs in a text are let through).
fn not_text(bytes: &[u8]) -> Result<(), Error> {
    match guess_encoding(bytes) {
        Some(likely @ ("UTF-16" | BINARY)) => {
            let offset = bytes
                .iter()
                .position(|&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
                .unwrap_or(0);
            Err(Error::not_text(offset, likely))
        }
        _ => Ok(()),
    }
}

/// Reads the file at `path` as UTF-8 text; errors name the file.
pub fn read_file(path: impl AsRef<Path>) -> Result<String, Error> {
    let path = path.as_ref();
    let bytes = std::fs::read(path).map_err(|e| Error::io(e).with_path(path))?;
    not_text(&bytes).map_err(|e| e.with_path(path))?;
    String::from_utf8(bytes)
        .map_err(|err| invalid_utf8(err.as_bytes(), err.utf8_error()).with_path(path))
}

/// The error for `bytes` that are not UTF-8 from `err` on: offset, line, column, likely encoding.
fn invalid_utf8(bytes: &[u8], err: std::str::Utf8Error) -> Error {
    let offset = err.valid_up_to();
    let valid = std::str::from_utf8(&bytes[..offset]).unwrap_or("");
    let at = LineCol::of(valid, offset);
    Error::invalid_utf8(offset, at.line, at.column, guess_encoding(bytes))
}

/// What [`guess_encoding`] says of data that is no text at all.
pub(crate) const BINARY: &str = "binary";

fn guess_encoding(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Some("UTF-16");
    }
    let head = &bytes[..bytes.len().min(4096)];
    let nuls = head.iter().filter(|&&b| b == 0).count();
    // UTF-16 text puts its NULs on one parity (the high bytes of Latin letters); binary
    // data scatters them, with other control bytes.
    let even = head.iter().step_by(2).filter(|&&b| b == 0).count();
    if nuls * 4 > head.len() && (even * 10 >= nuls * 9 || even * 10 <= nuls) {
        return Some("UTF-16");
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
        .count();
    if controls * 20 > head.len() {
        return Some(BINARY);
    }
    // Latin letters with accents (0xC0–0xFF) and Windows-1252 punctuation (0x80–0x9F) standing
    // alone, not as UTF-8 sequences: a single-byte Western encoding.
    let high = bytes.iter().filter(|&&b| b >= 0x80).count();
    (high > 0 && nuls == 0).then_some("Windows-1252")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_names_offset_and_encoding() {
        let bytes = b"Plan de Acci\xf3n\nM\xe9xico";
        let err = decode(bytes).unwrap_err();
        assert_eq!(err.byte_offset(), Some(12));
        assert_eq!(
            err.to_string(),
            "invalid UTF-8 at byte 12 (line 1, column 13); the file looks like Windows-1252: convert it to UTF-8 first (e.g. iconv -f Windows-1252 -t UTF-8)"
        );
        assert!(decode(b"\xff\xfeP\x00")
            .unwrap_err()
            .to_string()
            .contains("UTF-16"));
    }

    #[test]
    fn missing_file_is_named() {
        let err = read_file("no/such/file.txt").unwrap_err();
        assert!(err.is_io());
        assert_eq!(err.to_string(), "no/such/file.txt: no such file");
    }
}
