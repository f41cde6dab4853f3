//! Bilingual dictionaries of the field, read at run time as optional evidence: hunalign's
//! `.dic` files and FreeDict's dictd files (`freedict-eng-spa.index` with its `.dict.dz`).
//! paridad ships none: their licences stay with them, and results depend only on the
//! dictionaries a caller names.
//!
//! A dictionary pairs phrases without saying which language is which: the aligner tries both
//! ways, and a pair counts as evidence only where its words meet in aligned sentences.

use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::limits::InputRole;

/// Word and phrase pairs from bilingual dictionaries.
///
/// ```
/// use paridad::Dictionary;
///
/// let dict = Dictionary::from_hunalign("archivo @ file\nlectura @ reading\n")?;
/// assert_eq!(dict.len(), 2);
/// assert_eq!(dict.entries().next(), Some(("archivo", "file")));
/// # Ok::<(), paridad::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Dictionary {
    entries: Vec<(String, String)>,
}

/// How many bytes of a dictionary's definitions one entry may name: an index entry beyond it
/// is read as damaged.
const MAX_DEFINITION: usize = 1 << 16;

impl Dictionary {
    /// An empty dictionary.
    pub fn new() -> Dictionary {
        Dictionary::default()
    }

    /// The number of phrase pairs.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether it has no phrase pair.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The phrase pairs, as the file gives them.
    pub fn entries(&self) -> impl Iterator<Item = (&str, &str)> {
        self.entries.iter().map(|(a, b)| (a.as_str(), b.as_str()))
    }

    /// Adds the pairs of `other`.
    pub fn extend(&mut self, other: &Dictionary) {
        self.entries.extend(other.entries.iter().cloned());
    }

    /// A dictionary in hunalign's format: one pair a line, `target phrase @ source phrase`;
    /// blank lines are skipped. A line without ` @ ` is an error naming it.
    pub fn from_hunalign(text: &str) -> Result<Dictionary, Error> {
        let mut entries = Vec::new();
        for (k, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let Some((a, b)) = line.split_once(" @ ") else {
                return Err(Error::format(
                    "hunalign dictionary",
                    k + 1,
                    "expected `phrase @ phrase`",
                ));
            };
            let (a, b) = (a.trim(), b.trim());
            if !a.is_empty() && !b.is_empty() {
                entries.push((a.to_string(), b.to_string()));
            }
        }
        Ok(Dictionary { entries })
    }

    /// A dictionary in dictd's format: `index` lines `headword<TAB>offset<TAB>length` (both
    /// in dictd's base 64) naming the byte range of each definition in `definitions` (the
    /// `.dict` file, uncompressed). A definition's first line repeats the headword; its other
    /// lines give translations separated by commas or semicolons, optionally numbered
    /// (`1. arresto, detención`). dictd's own entries (`00databaseinfo` …) are skipped; an
    /// index line that is not of that form, or names bytes the definitions lack, is an error.
    pub fn from_dictd(index: &str, definitions: &str) -> Result<Dictionary, Error> {
        let mut entries = Vec::new();
        for (k, line) in index.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let bad = |message: &str| Error::format("dictd index", k + 1, message);
            let mut fields = line.split('\t');
            let (Some(head), Some(offset), Some(length)) =
                (fields.next(), fields.next(), fields.next())
            else {
                return Err(bad("expected `headword<TAB>offset<TAB>length`"));
            };
            if head.starts_with("00database") || head.starts_with("00-database") {
                continue;
            }
            let (Some(offset), Some(length)) = (base64_number(offset), base64_number(length))
            else {
                return Err(bad("offset and length must be dictd base-64 numbers"));
            };
            let definition = offset
                .checked_add(length)
                .filter(|_| length <= MAX_DEFINITION)
                .and_then(|end| definitions.get(offset..end))
                .ok_or_else(|| bad("the entry names bytes the definitions file lacks"))?;
            for line in definition.lines().skip(1) {
                let line = line.trim();
                // `1. arresto, detención`: the sense's number goes.
                let line = match line.split_once(". ") {
                    Some((n, rest)) if n.chars().all(|c| c.is_ascii_digit()) => rest,
                    _ => line,
                };
                for phrase in line.split([',', ';']) {
                    let phrase = phrase.trim();
                    if !phrase.is_empty() {
                        entries.push((head.trim().to_string(), phrase.to_string()));
                    }
                }
            }
        }
        Ok(Dictionary { entries })
    }

    /// Reads the dictionary at `path`, refusing a file (or, compressed, a content) over
    /// `limit` bytes: hunalign's format for `.dic` (and any name but those below), dictd's
    /// for `.index`, `.dict` or `.dict.dz` (the other files found beside it: `X.index` with
    /// `X.dict` or `X.dict.dz`). Errors name the file.
    pub fn read(path: impl AsRef<Path>, limit: u64) -> Result<Dictionary, Error> {
        let path = path.as_ref();
        let name = path.to_string_lossy();
        let base = ["index", "dict.dz", "dict"]
            .iter()
            .find_map(|ext| name.strip_suffix(&format!(".{ext}")));
        let Some(base) = base else {
            let text = crate::input::read_file_within(path, limit, InputRole::Glossary)?;
            return Dictionary::from_hunalign(&text).map_err(|e| e.with_path(path));
        };
        let index_path = PathBuf::from(format!("{base}.index"));
        let index = crate::input::read_file_within(&index_path, limit, InputRole::Glossary)?;
        let plain = PathBuf::from(format!("{base}.dict"));
        let packed = PathBuf::from(format!("{base}.dict.dz"));
        let definitions = if plain.exists() {
            crate::input::read_file_within(&plain, limit, InputRole::Glossary)?
        } else if packed.exists() {
            read_dictzip(&packed, limit)?
        } else {
            return Err(Error::setting(format!(
                "a dictd dictionary needs its definitions beside it: {} or {}",
                plain.display(),
                packed.display()
            ))
            .with_path(&index_path));
        };
        Dictionary::from_dictd(&index, &definitions).map_err(|e| e.with_path(&index_path))
    }
}

/// The text of a dictzip (gzip) file, refused when the file or its content exceeds `limit`.
#[cfg(feature = "dictzip")]
fn read_dictzip(path: &Path, limit: u64) -> Result<String, Error> {
    use std::io::Read;
    let file = std::fs::File::open(path).map_err(|e| Error::io(e).with_path(path))?;
    let size = file
        .metadata()
        .map_err(|e| Error::io(e).with_path(path))?
        .len();
    if size > limit {
        return Err(Error::too_large(limit, InputRole::Glossary).with_path(path));
    }
    let mut bytes = Vec::new();
    flate2::read::MultiGzDecoder::new(file)
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(e).with_path(path))?;
    if bytes.len() as u64 > limit {
        return Err(Error::too_large(limit, InputRole::Glossary).with_path(path));
    }
    String::from_utf8(bytes)
        .map_err(|_| Error::setting("the dictionary is not UTF-8 text").with_path(path))
}

/// Without the `dictzip` feature, compressed dictionaries are refused.
#[cfg(not(feature = "dictzip"))]
fn read_dictzip(path: &Path, _limit: u64) -> Result<String, Error> {
    Err(Error::setting(
        "a compressed dictionary (.dict.dz) needs paridad's `dictzip` feature; \
         uncompress it to .dict",
    )
    .with_path(path))
}

/// A number in dictd's base 64 (`A`–`Z`, `a`–`z`, `0`–`9`, `+`, `/`, most significant
/// first); `None` for an empty or foreign string or one that overflows.
fn base64_number(s: &str) -> Option<usize> {
    if s.is_empty() {
        return None;
    }
    s.bytes().try_fold(0usize, |n, c| {
        let digit = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        };
        n.checked_mul(64)?.checked_add(usize::from(digit))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dictd_numbers_are_base_64() {
        assert_eq!(base64_number("B"), Some(1));
        assert_eq!(base64_number("BA"), Some(64));
        assert_eq!(base64_number("x2E"), Some(49 * 64 * 64 + 54 * 64 + 4));
        assert_eq!(base64_number(""), None);
        assert_eq!(base64_number("a-b"), None);
        assert_eq!(base64_number(&"/".repeat(20)), None);
    }

    #[test]
    fn a_dictd_entry_gives_each_translation_of_each_sense() {
        // The shape of FreeDict's eng-spa: the headword with its pronunciation, then the
        // senses.
        let definitions = "arrest /ərest/\n1. arresto, detención\n2. arrestar; detener\n\
                           army /ɑːmiː/\nejército\n";
        let army_at = definitions.find("army").unwrap();
        let index = format!(
            "00databaseinfo\tA\tB\narrest\tA\t{}\narmy\t{}\t{}\n",
            encode(army_at),
            encode(army_at),
            encode(definitions.len() - army_at)
        );
        let dict = Dictionary::from_dictd(&index, definitions).unwrap();
        let got: Vec<(&str, &str)> = dict.entries().collect();
        assert_eq!(
            got,
            [
                ("arrest", "arresto"),
                ("arrest", "detención"),
                ("arrest", "arrestar"),
                ("arrest", "detener"),
                ("army", "ejército"),
            ]
        );
        // An entry past the end of the definitions is refused with its line.
        let err = Dictionary::from_dictd("army\tBA\tZZ\n", definitions).unwrap_err();
        assert_eq!(err.line(), Some(1), "{err}");
    }

    fn encode(mut n: usize) -> String {
        const DIGITS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut out = Vec::new();
        loop {
            out.push(DIGITS[n % 64]);
            n /= 64;
            if n == 0 {
                break;
            }
        }
        out.reverse();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn a_hunalign_line_without_its_separator_is_an_error() {
        let err = Dictionary::from_hunalign("archivo @ file\nlectura reading\n").unwrap_err();
        assert_eq!(err.line(), Some(2), "{err}");
        assert!(Dictionary::from_hunalign("\n\n").unwrap().is_empty());
    }
}
