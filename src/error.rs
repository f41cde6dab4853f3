//! The one error type of the crate.

use std::fmt;
use std::path::{Path, PathBuf};

/// An error from paridad: bad input, an unreadable file, a bad setting.
///
/// The message is lower-case without a trailing period. Errors about a file name the file; errors
/// about bytes name the offset, line and column. Branch on the kind with the `is_*` predicates.
///
/// ```
/// let err = paridad::decode(b"caf\xe9").unwrap_err();
/// assert!(err.is_invalid_utf8());
/// assert!(err.to_string().contains("byte 3"));
/// assert!(err.to_string().contains("Windows-1252"));
/// ```
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
    path: Option<PathBuf>,
}

/// What bytes that are not UTF-8 text look like, as the reader judged them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Diagnosis {
    /// Text in another encoding (`UTF-16`, `Windows-1252` …).
    Encoding(&'static str),
    /// Data that is no text at all.
    Binary,
    /// UTF-8 whose last character is cut off.
    Truncated,
    /// UTF-8 text with an invalid byte in it.
    Stray,
}

impl Diagnosis {
    /// The encoding's name, or what the data is.
    fn name(self) -> &'static str {
        match self {
            Diagnosis::Encoding(name) => name,
            Diagnosis::Binary => "binary",
            Diagnosis::Truncated => "truncated",
            Diagnosis::Stray => "stray",
        }
    }
}

#[derive(Debug)]
enum ErrorKind {
    Empty,
    WhitespaceOnly,
    InvalidUtf8 {
        offset: usize,
        line: usize,
        column: usize,
        likely: Option<Diagnosis>,
    },
    NotText {
        offset: usize,
        likely: Diagnosis,
    },
    Io(std::io::Error),
    TooLarge {
        limit: u64,
        role: crate::limits::InputRole,
    },
    Setting(String),
    Format {
        what: &'static str,
        line: usize,
        message: String,
    },
}

impl Error {
    pub(crate) fn empty() -> Error {
        Error::new(ErrorKind::Empty)
    }

    pub(crate) fn whitespace_only() -> Error {
        Error::new(ErrorKind::WhitespaceOnly)
    }

    pub(crate) fn invalid_utf8(
        offset: usize,
        line: usize,
        column: usize,
        likely: Option<Diagnosis>,
    ) -> Error {
        Error::new(ErrorKind::InvalidUtf8 {
            offset,
            line,
            column,
            likely,
        })
    }

    pub(crate) fn not_text(offset: usize, likely: Diagnosis) -> Error {
        Error::new(ErrorKind::NotText { offset, likely })
    }

    pub(crate) fn io(err: std::io::Error) -> Error {
        Error::new(ErrorKind::Io(err))
    }

    /// This error with its byte offset moved `by` bytes on (for a block judged apart).
    pub(crate) fn shifted(mut self, by: usize) -> Error {
        if let ErrorKind::NotText { offset, .. } | ErrorKind::InvalidUtf8 { offset, .. } =
            &mut self.kind
        {
            *offset += by;
        }
        self
    }

    pub(crate) fn too_large(limit: u64, role: crate::limits::InputRole) -> Error {
        Error::new(ErrorKind::TooLarge { limit, role })
    }

    /// An error about a setting or argument (an unknown language code, a bad option value).
    pub fn setting(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Setting(message.into()))
    }

    /// An error in a line of a structured input file (a glossary): `what` names the format.
    pub(crate) fn format(what: &'static str, line: usize, message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Format {
            what,
            line,
            message: message.into(),
        })
    }

    fn new(kind: ErrorKind) -> Error {
        Error { kind, path: None }
    }

    /// This error, said of the file at `path` (its message then starts with the path).
    pub fn with_path(mut self, path: impl AsRef<Path>) -> Error {
        self.path = Some(path.as_ref().to_path_buf());
        self
    }

    /// The file this error is about, when known.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// True when the input held no text at all, or only white space.
    pub fn is_empty_input(&self) -> bool {
        matches!(self.kind, ErrorKind::Empty | ErrorKind::WhitespaceOnly)
    }

    /// True when the input is not valid UTF-8.
    pub fn is_invalid_utf8(&self) -> bool {
        matches!(self.kind, ErrorKind::InvalidUtf8 { .. })
    }

    /// True when the input is valid UTF-8 but not text: NUL and control bytes (binary data, or
    /// UTF-16 without a byte-order mark).
    pub fn is_not_text(&self) -> bool {
        matches!(self.kind, ErrorKind::NotText { .. })
    }

    /// True when reading a file failed (missing, a directory, no permission …).
    pub fn is_io(&self) -> bool {
        matches!(self.kind, ErrorKind::Io(_))
    }

    /// True when an input was larger than its size limit ([`crate::InputLimits`]).
    pub fn is_too_large(&self) -> bool {
        matches!(self.kind, ErrorKind::TooLarge { .. })
    }

    /// For an input larger than its size limit, the limit in bytes and what the input was.
    pub fn size_limit(&self) -> Option<(u64, crate::limits::InputRole)> {
        match self.kind {
            ErrorKind::TooLarge { limit, role } => Some((limit, role)),
            _ => None,
        }
    }

    /// True when a setting or argument was invalid.
    pub fn is_setting(&self) -> bool {
        matches!(self.kind, ErrorKind::Setting(_))
    }

    /// True when a line of a structured input (a glossary) could not be read.
    pub fn is_format(&self) -> bool {
        matches!(self.kind, ErrorKind::Format { .. })
    }

    /// For a format error, the 1-based line it is about.
    pub fn line(&self) -> Option<usize> {
        match self.kind {
            ErrorKind::Format { line, .. } => Some(line),
            ErrorKind::InvalidUtf8 { line, .. } => Some(line),
            _ => None,
        }
    }

    /// For invalid UTF-8, the byte offset of the first invalid byte; for input that is not
    /// text, of its first NUL or control byte.
    pub fn byte_offset(&self) -> Option<usize> {
        match self.kind {
            ErrorKind::InvalidUtf8 { offset, .. } | ErrorKind::NotText { offset, .. } => {
                Some(offset)
            }
            _ => None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(path) = &self.path {
            write!(f, "{}: ", path.display())?;
        }
        match &self.kind {
            ErrorKind::Empty => write!(f, "the document is empty"),
            ErrorKind::WhitespaceOnly => write!(f, "the document holds only white space"),
            ErrorKind::InvalidUtf8 {
                offset,
                line,
                column,
                likely,
            } => {
                write!(
                    f,
                    "invalid UTF-8 at byte {offset} (line {line}, column {column})"
                )?;
                match likely {
                    Some(Diagnosis::Truncated) => write!(
                        f,
                        "; the file ends inside a character: it looks cut short (an incomplete copy or download)"
                    ),
                    Some(Diagnosis::Binary) => write!(
                        f,
                        "; the file is binary data, not text: paridad reads UTF-8 text"
                    ),
                    Some(Diagnosis::Stray) => write!(
                        f,
                        "; the UTF-8 text before it is valid, so this is a stray invalid byte \
                         (a damaged file, or text pasted in another encoding): repair that place \
                         rather than converting the whole file"
                    ),
                    Some(Diagnosis::Encoding(enc)) => write!(
                        f,
                        "; the file looks like {enc}: convert it to UTF-8 first (e.g. iconv -f {enc} -t UTF-8)"
                    ),
                    None => write!(f, "; convert the file to UTF-8 first"),
                }
            }
            ErrorKind::NotText {
                offset,
                likely: Diagnosis::Binary,
            } => write!(
                f,
                "not text: control bytes from byte {offset}; the file is binary data, and paridad reads UTF-8 text"
            ),
            ErrorKind::NotText { offset, likely } => write!(
                f,
                "not text: NUL bytes from byte {offset}; the file looks like {likely}: convert it to UTF-8 first (e.g. iconv -f {likely} -t UTF-8)",
                likely = likely.name()
            ),
            ErrorKind::Io(err) => match err.kind() {
                std::io::ErrorKind::NotFound => write!(f, "no such file"),
                std::io::ErrorKind::PermissionDenied => write!(f, "permission denied"),
                _ if err.raw_os_error() == Some(21) => write!(f, "is a directory, not a file"),
                _ => write!(f, "{}", lower_first(&err.to_string())),
            },
            ErrorKind::TooLarge { limit, role } => write!(
                f,
                "larger than {}, the size limit for a {role}",
                crate::limits::format_size(*limit)
            ),
            ErrorKind::Setting(msg) => write!(f, "{msg}"),
            ErrorKind::Format {
                what,
                line,
                message,
            } => write!(f, "{what} line {line}: {message}"),
        }
    }
}

fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ErrorKind::Io(err) => Some(err),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_lowercase_and_name_the_file() {
        let err = Error::empty().with_path("a/b.txt");
        assert_eq!(err.to_string(), "a/b.txt: the document is empty");
        assert!(err.is_empty_input());
        let err = Error::io(std::io::Error::from(std::io::ErrorKind::NotFound)).with_path("x.txt");
        assert_eq!(err.to_string(), "x.txt: no such file");
        assert!(err.is_io());
    }
}
