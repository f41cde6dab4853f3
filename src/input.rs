//! Reading inputs: one bounded reader for every file paridad reads, UTF-8 checking with a
//! useful error.
//!
//! [`read_text`] looks at the first block of an input before reading on: an input whose start
//! is not text (binary data, UTF-16 without a byte-order mark) is refused there, so `/dev/zero`
//! costs one block, not all memory. It then reads on to a size limit, which depends on what the
//! input is for ([`InputRole`], [`InputLimits`]): an input larger than its limit is refused with
//! an error naming the limit, having read at most the limit and one byte more. Pipes and
//! standard input are read the same way, within the same bound.

use std::io::{self, BufRead, Read};
use std::path::Path;

use crate::error::{Diagnosis, Error};
pub use crate::limits::{format_size, InputRole};
use crate::span::LineCol;

/// How many bytes [`read_text`] looks at before it reads on: the block [`sniff`] judges.
pub const SNIFFED_BYTES: usize = 64 * 1024;

impl std::str::FromStr for InputRole {
    type Err = Error;

    /// A role by its [`name`](InputRole::name); `dictionary` is a glossary, `manifest` a
    /// manifest line.
    fn from_str(s: &str) -> Result<InputRole, Error> {
        match s.trim().to_ascii_lowercase().as_str() {
            "document" | "documents" => Ok(InputRole::Document),
            "glossary" | "glossaries" | "dictionary" | "dictionaries" => Ok(InputRole::Glossary),
            "baseline" | "baselines" => Ok(InputRole::Baseline),
            "manifest-line" | "manifest" => Ok(InputRole::ManifestLine),
            _ => Err(Error::setting(format!(
                "unknown input {s:?}: expected document, glossary, baseline or manifest-line"
            ))),
        }
    }
}

/// The size limit of each [`InputRole`], in bytes.
///
/// ```
/// use paridad::{InputLimits, InputRole};
///
/// let mut limits = InputLimits::default();
/// assert_eq!(limits.get(InputRole::Document), 512 * 1024 * 1024);
/// limits.set(InputRole::Document, 2048);
/// let err = paridad::read_text(&[b'a'; 4096][..], limits.get(InputRole::Document), InputRole::Document)
///     .unwrap_err();
/// assert!(err.is_too_large());
/// assert_eq!(err.to_string(), "larger than 2 KiB, the size limit for a document");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputLimits {
    limits: [u64; 4],
}

impl Default for InputLimits {
    fn default() -> InputLimits {
        InputLimits {
            limits: InputRole::ALL.map(InputRole::default_limit),
        }
    }
}

impl InputLimits {
    fn index(role: InputRole) -> usize {
        match role {
            InputRole::Document => 0,
            InputRole::Glossary => 1,
            InputRole::Baseline => 2,
            InputRole::ManifestLine => 3,
        }
    }

    /// The limit of `role`, in bytes.
    pub fn get(&self, role: InputRole) -> u64 {
        self.limits[InputLimits::index(role)]
    }

    /// Sets the limit of `role`, in bytes.
    pub fn set(&mut self, role: InputRole, bytes: u64) -> &mut InputLimits {
        self.limits[InputLimits::index(role)] = bytes;
        self
    }

    /// Sets every role's limit to `bytes`.
    pub fn set_all(&mut self, bytes: u64) -> &mut InputLimits {
        self.limits = [bytes; 4];
        self
    }
}

/// Parses a size: a number of bytes, optionally with a unit, `K`/`KiB`, `M`/`MiB`, `G`/`GiB`,
/// `T`/`TiB` (powers of 1024; `KB`, `MB`, `GB` mean the same), case aside: `512M`, `1.5GiB`,
/// `100000`.
///
/// ```
/// assert_eq!(paridad::parse_size("512M")?, 512 * 1024 * 1024);
/// assert_eq!(paridad::parse_size("1.5 KiB")?, 1536);
/// assert!(paridad::parse_size("lots").is_err());
/// # Ok::<(), paridad::Error>(())
/// ```
pub fn parse_size(given: &str) -> Result<u64, Error> {
    let bad = || {
        Error::setting(format!(
            "size {given:?}: expected a number of bytes, optionally with K, M, G or T (KiB, MiB, GiB, TiB)"
        ))
    };
    let s = given.trim();
    let split = s
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(s.len());
    let (number, unit) = s.split_at(split);
    let scale: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" | "kib" => 1 << 10,
        "m" | "mb" | "mib" => 1 << 20,
        "g" | "gb" | "gib" => 1 << 30,
        "t" | "tb" | "tib" => 1 << 40,
        _ => return Err(bad()),
    };
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    if (whole.is_empty() && fraction.is_empty()) || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let whole: u64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| bad())?
    };
    // The fraction in exact integer arithmetic, digit by digit (at most 12 count).
    let mut part = 0u64;
    let mut denominator = 1u64;
    for digit in fraction.bytes().take(12) {
        part = part * 10 + u64::from(digit - b'0');
        denominator *= 10;
    }
    whole
        .checked_mul(scale)
        .and_then(|w| {
            w.checked_add(
                u64::try_from(u128::from(part) * u128::from(scale) / u128::from(denominator))
                    .ok()?,
            )
        })
        .ok_or_else(bad)
}

/// Reads text from `reader`: at most `limit` bytes, refusing what is not text from its first
/// block on.
///
/// The first block (64 KiB, or less at the end of the input) is looked at before anything else
/// is read: binary data or UTF-16 without a byte-order mark is refused there. The rest is read
/// up to `limit` bytes; an input with more is refused ([`Error::is_too_large`]) after reading at
/// most `limit + 1` bytes. The text must be UTF-8; a byte-order mark is kept (the segmenter skips
/// it). `role` names the input in the size error.
///
/// ```
/// use paridad::{read_text, InputRole};
///
/// let text = read_text("Plan de Acción".as_bytes(), 1024, InputRole::Document)?;
/// assert_eq!(text, "Plan de Acción");
/// assert!(read_text(std::io::repeat(0), 1 << 30, InputRole::Document).unwrap_err().is_not_text());
/// # Ok::<(), paridad::Error>(())
/// ```
pub fn read_text(reader: impl Read, limit: u64, role: InputRole) -> Result<String, Error> {
    let mut bounded = reader.take(limit.saturating_add(1));
    let mut bytes = Vec::new();
    // The first block: filled before judging, as a pipe may hand it over in pieces.
    (&mut bounded)
        .take(SNIFFED_BYTES as u64)
        .read_to_end(&mut bytes)
        .map_err(Error::io)?;
    sniff(&bytes)?;
    bounded.read_to_end(&mut bytes).map_err(Error::io)?;
    if bytes.len() as u64 > limit {
        return Err(Error::too_large(limit, role));
    }
    not_text_after_head(&bytes)?;
    String::from_utf8(bytes).map_err(|err| invalid_utf8(err.as_bytes(), err.utf8_error()))
}

/// Reads the file at `path` as UTF-8 text, within `limit` bytes, as [`read_text`] does; errors
/// name the file. A directory is refused before it is opened; a named pipe is read like a file.
pub fn read_file_within(
    path: impl AsRef<Path>,
    limit: u64,
    role: InputRole,
) -> Result<String, Error> {
    let path = path.as_ref();
    let named = |e: Error| e.with_path(path);
    let file = std::fs::File::open(path).map_err(|e| named(Error::io(e)))?;
    let meta = file.metadata().map_err(|e| named(Error::io(e)))?;
    if meta.is_dir() {
        return Err(named(Error::io(io::Error::from_raw_os_error(21))));
    }
    // A regular file's size is known: one over the limit is refused unread. (Pipes and files
    // of /proc tell no size; the bounded read below holds for them.)
    if meta.is_file() && meta.len() > limit {
        return Err(named(Error::too_large(limit, role)));
    }
    read_text(
        io::BufReader::with_capacity(SNIFFED_BYTES, file),
        limit,
        role,
    )
    .map_err(named)
}

/// Reads the file at `path` as a document: UTF-8 text within the default document limit
/// (512 MiB, [`InputRole::default_limit`]); errors name the file.
pub fn read_file(path: impl AsRef<Path>) -> Result<String, Error> {
    read_file_within(
        path,
        InputRole::Document.default_limit(),
        InputRole::Document,
    )
}

/// How many bytes of a line over its limit [`read_line_within`] keeps.
pub const LINE_HEAD: usize = 64;

/// One line read by [`read_line_within`].
#[derive(Debug, PartialEq, Eq)]
pub enum BoundedLine {
    /// The input has no more lines.
    End,
    /// A line within the limit, with its line break if it had one.
    Line(Vec<u8>),
    /// A line longer than the limit: it was skipped to its end, keeping only its first bytes,
    /// and the next call reads the line after it.
    TooLong {
        /// The line's length in bytes, its break aside.
        length: u64,
        /// Its first [`LINE_HEAD`] bytes at most (enough for a record number before a tab).
        head: Vec<u8>,
    },
}

/// Reads one line (to `\n` or the end) of at most `limit` bytes (its break aside) from
/// `reader`, line break included; a longer line is skipped to its end, keeping only its first
/// [`LINE_HEAD`] bytes, so memory stays within `limit` whatever the input.
pub fn read_line_within(reader: &mut impl BufRead, limit: u64) -> io::Result<BoundedLine> {
    let mut line = Vec::new();
    // Bytes of the line, its break aside.
    let mut length: u64 = 0;
    let mut ended = false;
    loop {
        let block = match reader.fill_buf() {
            Ok(block) => block,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if block.is_empty() {
            break;
        }
        let (taken, content) = match block.iter().position(|&b| b == b'\n') {
            Some(i) => {
                ended = true;
                (i + 1, i)
            }
            None => (block.len(), block.len()),
        };
        length += content as u64;
        if length <= limit {
            line.extend_from_slice(&block[..taken]);
        } else {
            // Over the limit: only the head is kept, in a buffer of its own size.
            if line.len() < LINE_HEAD {
                let more = (LINE_HEAD - line.len()).min(content);
                line.extend_from_slice(&block[..more]);
            }
            if line.len() > LINE_HEAD || line.capacity() > 2 * LINE_HEAD {
                line.truncate(LINE_HEAD);
                line.shrink_to(LINE_HEAD);
            }
        }
        reader.consume(taken);
        if ended {
            break;
        }
    }
    Ok(if length > limit {
        BoundedLine::TooLong { length, head: line }
    } else if line.is_empty() {
        BoundedLine::End
    } else {
        BoundedLine::Line(line)
    })
}

/// Refuses the first block of an input when it is not text (binary data, UTF-16 without a
/// byte-order mark), as [`read_text`] does before reading on; for inputs read another way
/// (a manifest, line by line). Formats paridad reads besides text would be told here.
///
/// ```
/// assert!(paridad::sniff(b"{\"id\": 1}\n").is_ok());
/// assert!(paridad::sniff(&[0; 4096]).unwrap_err().is_not_text());
/// ```
pub fn sniff(head: &[u8]) -> Result<(), Error> {
    not_text(head)
}

/// Checks that `bytes` are UTF-8 and returns them as text.
///
/// On failure the error gives the byte offset, line and column of the first invalid byte and,
/// when the bytes look like a known legacy encoding, names it (Windows-1252, UTF-16).
pub fn decode(bytes: &[u8]) -> Result<&str, Error> {
    let text = std::str::from_utf8(bytes).map_err(|err| invalid_utf8(bytes, err))?;
    not_text(bytes)?;
    not_text_after_head(bytes)?;
    Ok(text)
}

/// The blocks after the first judged as the first is: text followed by megabytes of NULs is
/// no text.
fn not_text_after_head(bytes: &[u8]) -> Result<(), Error> {
    let mut at = SNIFFED_BYTES.min(bytes.len());
    while at < bytes.len() {
        let end = (at + SNIFFED_BYTES).min(bytes.len());
        not_text(&bytes[at..end]).map_err(|e| e.shifted(at))?;
        at = end;
    }
    Ok(())
}

/// Valid UTF-8 that is still no text: UTF-16 of ASCII letters without a byte-order mark, or
/// binary data made of ASCII bytes (a few stray NULs in a text are let through).
fn not_text(bytes: &[u8]) -> Result<(), Error> {
    match guess_encoding(bytes) {
        Some(likely @ (Diagnosis::Encoding("UTF-16") | Diagnosis::Binary)) => {
            let offset = bytes
                .iter()
                .position(|&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
                .unwrap_or(0);
            Err(Error::not_text(offset, likely))
        }
        _ => Ok(()),
    }
}

/// The error for `bytes` that are not UTF-8 from `err` on: offset, line, column, likely encoding.
fn invalid_utf8(bytes: &[u8], err: std::str::Utf8Error) -> Error {
    let offset = err.valid_up_to();
    let valid = std::str::from_utf8(&bytes[..offset]).unwrap_or("");
    let at = LineCol::of(valid, offset);
    // UTF-8 up to a character cut off at the very end: a file cut short, not another encoding
    // (when what comes before holds UTF-8 beyond ASCII, the proof it is UTF-8).
    // Valid UTF-8 beyond ASCII before the bad byte: the file is UTF-8 with a stray invalid
    // byte, and converting it whole from Windows-1252 would garble every accented letter.
    let likely = if err.error_len().is_none() && !valid.is_ascii() {
        Some(Diagnosis::Truncated)
    } else if !valid.is_ascii() {
        Some(Diagnosis::Stray)
    } else {
        guess_encoding(bytes)
    };
    Error::invalid_utf8(offset, at.line, at.column, likely)
}

fn guess_encoding(bytes: &[u8]) -> Option<Diagnosis> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Some(Diagnosis::Encoding("UTF-16"));
    }
    let head = &bytes[..bytes.len().min(4096)];
    let nuls = head.iter().filter(|&&b| b == 0).count();
    // UTF-16 text puts its NULs on one parity (the high bytes of Latin letters); binary
    // data scatters them, with other control bytes.
    let even = head.iter().step_by(2).filter(|&&b| b == 0).count();
    if nuls * 4 > head.len() && (even * 10 >= nuls * 9 || even * 10 <= nuls) {
        return Some(Diagnosis::Encoding("UTF-16"));
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
        .count();
    if controls * 20 > head.len() {
        return Some(Diagnosis::Binary);
    }
    // Latin letters with accents (0xC0–0xFF) and Windows-1252 punctuation (0x80–0x9F) standing
    // alone, not as UTF-8 sequences: a single-byte Western encoding.
    let high = bytes.iter().filter(|&&b| b >= 0x80).count();
    (high > 0 && nuls == 0).then_some(Diagnosis::Encoding("Windows-1252"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_with_binary_after_its_first_block_is_no_text() {
        // 150 KB of the Spanish seed, then NULs: refused where the NUL block begins, whole
        // text is read.
        let seed = include_str!("../seeds/2025-2028.es.txt").repeat(6);
        let mut bytes = seed.as_bytes().to_vec();
        assert!(bytes.len() > 2 * SNIFFED_BYTES);
        bytes.extend(std::iter::repeat_n(0u8, 3 * SNIFFED_BYTES));
        let err = read_text(&bytes[..], u64::MAX, InputRole::Document).unwrap_err();
        assert!(err.is_not_text(), "{err}");
        let offset = err.byte_offset().unwrap();
        assert!(
            offset >= seed.len() && offset < seed.len() + 2 * SNIFFED_BYTES,
            "{offset}"
        );
        assert!(decode(&bytes).unwrap_err().is_not_text());
        assert_eq!(
            read_text(seed.as_bytes(), u64::MAX, InputRole::Document).unwrap(),
            seed
        );
    }

    #[test]
    fn a_stray_byte_in_utf8_text_is_not_called_another_encoding() {
        let seed = include_str!("../seeds/2025-2028.es.txt");
        let at = seed.find("Innovaci").unwrap();
        let mut bytes = seed.as_bytes().to_vec();
        bytes.insert(at, 0xFF);
        let err = decode(&bytes).unwrap_err();
        assert_eq!(err.byte_offset(), Some(at));
        let message = err.to_string();
        assert!(message.contains("stray invalid byte"), "{message}");
        assert!(!message.contains("Windows-1252"), "{message}");
    }

    #[test]
    fn invalid_utf8_names_offset_and_encoding() {
        let bytes = b"Plan de Acci\xf3n\nM\xe9xico";
        let err = decode(bytes).unwrap_err();
        assert_eq!(err.byte_offset(), Some(12));
        assert_eq!(
            err.to_string(),
            "invalid UTF-8 at byte 12 (line 1, column 13); the file looks like Windows-1252: convert it to UTF-8 first (e.g. iconv -f Windows-1252 -t UTF-8)"
        );
        // UTF-8 cut inside its last character (the C3 of `é`, byte 18) is said to be cut short, where a
        // single-byte encoding would garble it.
        let cut = "Plan de Acción, México".as_bytes();
        let err = decode(&cut[..cut.len() - 5]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid UTF-8 at byte 18 (line 1, column 18); the file ends inside a character: it looks cut short (an incomplete copy or download)"
        );
        assert!(decode(b"\xff\xfeP\x00")
            .unwrap_err()
            .to_string()
            .contains("UTF-16"));
    }

    /// A reader that counts the bytes taken from it.
    struct Counted<R> {
        inner: R,
        taken: u64,
    }

    impl<R: Read> Read for Counted<R> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = self.inner.read(buf)?;
            self.taken += n as u64;
            Ok(n)
        }
    }

    #[test]
    fn endless_text_stops_one_byte_past_the_limit() {
        let mut endless = Counted {
            inner: io::repeat(b'a'),
            taken: 0,
        };
        let limit = 3 * 1024 * 1024 + 7;
        let err = read_text(&mut endless, limit, InputRole::Glossary).unwrap_err();
        assert!(err.is_too_large());
        assert_eq!(err.size_limit(), Some((limit, InputRole::Glossary)));
        assert_eq!(
            err.to_string(),
            "larger than 3 MiB, the size limit for a glossary"
        );
        assert_eq!(endless.taken, limit + 1);
    }

    #[test]
    fn endless_zeros_are_refused_after_the_first_block() {
        let mut zeros = Counted {
            inner: io::repeat(0),
            taken: 0,
        };
        let err = read_text(&mut zeros, u64::MAX, InputRole::Baseline).unwrap_err();
        assert!(err.is_not_text(), "{err}");
        assert_eq!(zeros.taken, SNIFFED_BYTES as u64);
    }

    #[test]
    fn text_at_the_limit_is_read_whole() {
        let text = "Plan de Acción 2025-2028\n".repeat(1000);
        let limit = text.len() as u64;
        assert_eq!(
            read_text(text.as_bytes(), limit, InputRole::Document).unwrap(),
            text
        );
        assert!(read_text(text.as_bytes(), limit - 1, InputRole::Document)
            .unwrap_err()
            .is_too_large());
        // Text first and binary past the first block is no text either, within the bound.
        let mut mixed = "a\n".repeat(SNIFFED_BYTES).into_bytes();
        mixed.extend_from_slice(&[0xff; 10]);
        assert!(read_text(&mixed[..], u64::MAX, InputRole::Document)
            .unwrap_err()
            .is_invalid_utf8());
    }

    #[test]
    fn long_lines_are_skipped_without_being_kept() {
        let mut input = Vec::new();
        input.extend_from_slice(b"{\"id\": 1}\n");
        input.extend(std::iter::repeat_n(b'x', 5000));
        input.extend_from_slice(b"\n{\"id\": 3}");
        let mut reader = io::BufReader::with_capacity(64, &input[..]);
        let mut lines = Vec::new();
        loop {
            match read_line_within(&mut reader, 100).unwrap() {
                BoundedLine::End => break,
                line => lines.push(line),
            }
        }
        assert_eq!(
            lines,
            [
                BoundedLine::Line(b"{\"id\": 1}\n".to_vec()),
                BoundedLine::TooLong {
                    length: 5000,
                    head: vec![b'x'; LINE_HEAD],
                },
                BoundedLine::Line(b"{\"id\": 3}".to_vec()),
            ]
        );
    }

    #[test]
    fn a_long_line_keeps_its_first_bytes_only() {
        // Found by the `read` fuzz target: a line kept whole up to a limit above the head's
        // size, then going over it, kept more than the head.
        for (limit, capacity) in [(100, 64), (100, 7), (0, 3), (63, 64), (64, 1000)] {
            let mut input: Vec<u8> = (0..300u16).map(|i| b'a' + (i % 26) as u8).collect();
            input.extend_from_slice(b"\nnext");
            let mut reader = io::BufReader::with_capacity(capacity, &input[..]);
            let read = read_line_within(&mut reader, limit).unwrap();
            assert_eq!(
                read,
                BoundedLine::TooLong {
                    length: 300,
                    head: input[..LINE_HEAD].to_vec()
                },
                "limit {limit}, buffer {capacity}"
            );
            let next = read_line_within(&mut reader, limit).unwrap();
            let expected = if limit >= 4 {
                BoundedLine::Line(b"next".to_vec())
            } else {
                BoundedLine::TooLong {
                    length: 4,
                    head: b"next".to_vec(),
                }
            };
            assert_eq!(next, expected);
        }
    }

    #[test]
    fn sizes_read_and_shown() {
        assert_eq!(parse_size("0").unwrap(), 0);
        assert_eq!(parse_size("100000").unwrap(), 100_000);
        assert_eq!(parse_size("512M").unwrap(), 512 << 20);
        assert_eq!(parse_size("2 GiB").unwrap(), 2 << 30);
        assert_eq!(parse_size("1.5k").unwrap(), 1536);
        assert_eq!(parse_size(".5KB").unwrap(), 512);
        for bad in [
            "",
            "M",
            "-1",
            "1.2.3",
            "12 apples",
            "99999999999999999999",
            "16777216T",
        ] {
            assert!(parse_size(bad).is_err(), "{bad}");
        }
        assert_eq!(format_size(512 << 20), "512 MiB");
        assert_eq!(format_size(1536), "1.5 KiB");
        assert_eq!(format_size(1), "1 byte");
        assert_eq!(format_size(1000), "1000 bytes");
        assert_eq!(format_size(u64::MAX), "16777215.9 TiB");
    }

    #[test]
    fn missing_file_is_named() {
        let err = read_file("no/such/file.txt").unwrap_err();
        assert!(err.is_io());
        assert_eq!(err.to_string(), "no/such/file.txt: no such file");
    }
}
