//! Reading documents: UTF-8 checking with a useful error.

use std::path::Path;

use crate::error::Error;
use crate::span::LineCol;

/// Checks that `bytes` are UTF-8 and returns them as text.
///
/// On failure the error gives the byte offset, line and column of the first invalid byte and,
/// when the bytes look like a known legacy encoding, names it (Windows-1252, UTF-16).
pub fn decode(bytes: &[u8]) -> Result<&str, Error> {
    std::str::from_utf8(bytes).map_err(|err| invalid_utf8(bytes, err))
}

/// Reads the file at `path` as UTF-8 text; errors name the file.
pub fn read_file(path: impl AsRef<Path>) -> Result<String, Error> {
    let path = path.as_ref();
    let bytes = std::fs::read(path).map_err(|e| Error::io(e).with_path(path))?;
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

fn guess_encoding(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Some("UTF-16");
    }
    let nuls = bytes.iter().take(4096).filter(|&&b| b == 0).count();
    if nuls * 4 > bytes.len().min(4096) {
        return Some("UTF-16");
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
