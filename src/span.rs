//! Byte spans into the original text.

use std::fmt;
use std::ops::{Index, Range};

use serde::{Deserialize, Serialize};

/// A half-open range of **bytes** `[start, end)` into the text a document was parsed from.
///
/// Offsets are byte offsets into the input exactly as given (a UTF-8 byte order mark, when
/// present, counts), and always fall on `char` boundaries. Normalising text for comparison
/// (whitespace, Unicode NFC, case, accents) never moves a span: spans always point at the raw
/// input. A span serialises as the two-element array `[start, end]`.
///
/// ```
/// use paridad::Span;
///
/// let text = "Canadá y México";
/// // "Canadá" is 7 bytes (á takes two), " y " 3 more: "México" is bytes 10..17.
/// let span = Span::new(10, 17);
/// assert_eq!(&text[span], "México");
/// assert_eq!(span.len(), 7);
/// assert_eq!(Span::from(0..7).text(text), "Canadá");
/// ```
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(from = "[usize; 2]", into = "[usize; 2]")]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes). If `end < start`, the span is empty at `start`.
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start,
            end: end.max(start),
        }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The text this span covers in `haystack` (the text the span was made for).
    ///
    /// Returns `""` rather than panicking if the span does not fit `haystack` or does not fall on
    /// char boundaries.
    pub fn text<'h>(&self, haystack: &'h str) -> &'h str {
        haystack.get(self.start..self.end).unwrap_or("")
    }

    /// True when `other` lies entirely within this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The range `start..end`.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

impl From<Range<usize>> for Span {
    fn from(range: Range<usize>) -> Span {
        Span::new(range.start, range.end)
    }
}

impl From<Span> for Range<usize> {
    fn from(span: Span) -> Range<usize> {
        span.range()
    }
}

impl From<[usize; 2]> for Span {
    fn from(pair: [usize; 2]) -> Span {
        Span::new(pair[0], pair[1])
    }
}

impl From<Span> for [usize; 2] {
    fn from(span: Span) -> [usize; 2] {
        [span.start, span.end]
    }
}

impl Index<Span> for str {
    type Output = str;

    /// Panics, like any string slicing, if the span does not fit this string; use
    /// [`Span::text`] for a non-panicking lookup.
    fn index(&self, span: Span) -> &str {
        &self[span.start..span.end]
    }
}

impl Index<Span> for String {
    type Output = str;

    /// Panics, like any string slicing, if the span does not fit this string.
    fn index(&self, span: Span) -> &str {
        &self.as_str()[span]
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

/// A 1-based line and column (columns count chars, not bytes) of a byte offset in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineCol {
    /// Line number, starting at 1.
    pub line: usize,
    /// Column number in chars, starting at 1.
    pub column: usize,
}

impl LineCol {
    /// The line and column of byte `offset` in `text` (clamped to the text, and to the previous
    /// char boundary). This scans `text` up to `offset`: for many offsets in one text, build a
    /// [`LineIndex`] once.
    pub fn of(text: &str, offset: usize) -> LineCol {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &text[..offset];
        let breaks: Vec<usize> = newlines(text.as_bytes())
            .take_while(|&i| i < offset)
            .collect();
        let line = breaks.len() + 1;
        let line_start = breaks.last().map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        LineCol { line, column }
    }
}

/// Line and column of any byte offset in one text, after one pass over it: line starts found
/// by binary search, columns counted from checkpoints every [`LineIndex::BLOCK`] bytes, so
/// each lookup costs `O(log lines + BLOCK)` however long the line. Gives the same answers as
/// [`LineCol::of`], which scans the text from its start on every call.
///
/// ```
/// use paridad::{LineCol, LineIndex};
///
/// let text = "año\r\nmás allá";
/// let index = LineIndex::new(text);
/// // "allá" starts at byte 11: line 2, after the 4 chars of "más ".
/// assert_eq!(index.line_col(11), LineCol { line: 2, column: 5 });
/// assert_eq!(index.line_col(11), LineCol::of(text, 11));
/// ```
#[derive(Clone, Debug)]
pub struct LineIndex<'t> {
    text: &'t str,
    /// Byte offset where each line starts; the first is 0.
    line_starts: Vec<usize>,
    /// Chars before byte `k * BLOCK`, for every block.
    chars_before_block: Vec<usize>,
}

impl<'t> LineIndex<'t> {
    /// Bytes between two char-count checkpoints.
    pub const BLOCK: usize = 256;

    /// Indexes `text`: one pass, memory about 8 bytes per line plus 1/32 of a byte per byte.
    pub fn new(text: &'t str) -> LineIndex<'t> {
        let bytes = text.as_bytes();
        let line_starts = std::iter::once(0)
            .chain(newlines(bytes).map(|i| i + 1))
            .collect();
        let mut chars_before_block = Vec::with_capacity(bytes.len() / Self::BLOCK + 1);
        let mut chars = 0;
        for block in bytes.chunks(Self::BLOCK) {
            chars_before_block.push(chars);
            chars += count_chars(block);
        }
        // A checkpoint for the end too when it starts a block of its own (or the text is
        // empty), so that every offset up to the end has one at or before it.
        if bytes.len() % Self::BLOCK == 0 {
            chars_before_block.push(chars);
        }
        LineIndex {
            text,
            line_starts,
            chars_before_block,
        }
    }

    /// The line and column of byte `offset` (clamped to the text, and to the previous char
    /// boundary), as [`LineCol::of`] gives them.
    pub fn line_col(&self, offset: usize) -> LineCol {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        // The last line starting at or before `offset`.
        let line = self.line_starts.partition_point(|&s| s <= offset);
        let line_start = self.line_starts[line.saturating_sub(1)];
        let column = self.chars_before(offset) - self.chars_before(line_start) + 1;
        LineCol {
            line: line.max(1),
            column,
        }
    }

    /// Chars in the text before byte `offset`, a char boundary within the text.
    fn chars_before(&self, offset: usize) -> usize {
        let block = offset / Self::BLOCK;
        let before = self.chars_before_block.get(block).copied().unwrap_or(0);
        let from = (block * Self::BLOCK).min(offset);
        before + count_chars(&self.text.as_bytes()[from..offset])
    }
}

/// Positions of every line break in `bytes`: a `\n`, or a `\r` not followed by one (a file
/// of old Mac line ends has no `\n` at all).
fn newlines(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    bytes.iter().enumerate().filter_map(|(i, &b)| {
        (b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n'))).then_some(i)
    })
}

/// Chars in UTF-8 `bytes`: the bytes that are not continuation bytes.
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

impl fmt::Display for LineCol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_indexes_str_by_bytes() {
        let text = "Plan de Acción México";
        // "Acción" starts after "Plan de " (8 bytes) and is 7 bytes long (ó is two bytes).
        assert_eq!(&text[Span::new(8, 15)], "Acción");
        assert_eq!(Span::new(8, 9).text(text), "A");
        assert_eq!(
            Span::new(12, 13).text(text),
            "",
            "inside 'ó' is not a boundary"
        );
        assert_eq!(Span::new(30, 40).text(text), "");
    }

    #[test]
    fn span_serialises_as_pair() {
        let json = serde_json::to_string(&Span::new(3, 9)).unwrap();
        assert_eq!(json, "[3,9]");
        let back: Span = serde_json::from_str("[3,9]").unwrap();
        assert_eq!(back, Span::new(3, 9));
    }

    #[test]
    fn reversed_span_is_empty() {
        assert!(Span::new(5, 2).is_empty());
    }

    #[test]
    fn line_col_counts_chars() {
        let text = "año\nmás allá";
        assert_eq!(LineCol::of(text, 0), LineCol { line: 1, column: 1 });
        // "más" starts at byte 5 (a, ñ=2 bytes, o, \n).
        assert_eq!(LineCol::of(text, 5), LineCol { line: 2, column: 1 });
        // "allá" starts after "más " = 5 bytes into line 2, char column 5.
        assert_eq!(LineCol::of(text, 10), LineCol { line: 2, column: 5 });
    }

    #[test]
    fn a_lone_carriage_return_ends_a_line_and_crlf_is_one_break() {
        // Old Mac line ends: "uno" | "dos" (CRLF) | "tres" | "año".
        let text = "uno\rdos\r\ntres\raño";
        assert_eq!(LineCol::of(text, 4), LineCol { line: 2, column: 1 });
        // The LF of a CRLF is on the line the CR ends.
        assert_eq!(LineCol::of(text, 8), LineCol { line: 2, column: 5 });
        assert_eq!(LineCol::of(text, 9), LineCol { line: 3, column: 1 });
        assert_eq!(LineCol::of(text, 14), LineCol { line: 4, column: 1 });
        agrees_with_the_scan(text);
        agrees_with_the_scan("\r\r\n\r");
    }

    /// Every offset of `text`, and a few past its end, as [`LineCol::of`] has them.
    fn agrees_with_the_scan(text: &str) {
        let index = LineIndex::new(text);
        for offset in 0..text.len() + 3 {
            assert_eq!(
                index.line_col(offset),
                LineCol::of(text, offset),
                "offset {offset} of {text:?}"
            );
        }
    }

    #[test]
    fn line_index_agrees_with_the_scan() {
        agrees_with_the_scan("");
        agrees_with_the_scan("\n");
        agrees_with_the_scan("\n\n\r\n");
        agrees_with_the_scan("año\nmás allá");
        agrees_with_the_scan("año\r\nmás allá\r\n");
        agrees_with_the_scan("\u{feff}Plan de Acción\r\n\r\n1. México 🇲🇽 y Canadá\nsin fin");
        // Lines longer than a block, with multibyte chars on and across block boundaries.
        let long: String = (0..700)
            .map(|k| ["a", "ñ", "€", "🙂", " "][k % 5])
            .collect();
        agrees_with_the_scan(&long);
        agrees_with_the_scan(&format!("{long}\r\n{long}\n\n{long}"));
        // A text of exactly one block, and one that ends exactly on a block boundary after
        // a newline.
        agrees_with_the_scan(&"x".repeat(LineIndex::BLOCK));
        agrees_with_the_scan(&format!("{}\n", "é".repeat(LineIndex::BLOCK / 2 - 1)));
    }

    #[test]
    fn line_index_columns_count_chars_at_line_ends() {
        let text = "año\r\nmás allá";
        let index = LineIndex::new(text);
        // The \r after "año" (4 bytes) is column 4 of line 1, the \n column 5.
        assert_eq!(index.line_col(4), LineCol { line: 1, column: 4 });
        assert_eq!(index.line_col(5), LineCol { line: 1, column: 5 });
        assert_eq!(index.line_col(6), LineCol { line: 2, column: 1 });
        // The end of the text: after "más allá" (8 chars).
        assert_eq!(index.line_col(text.len()), LineCol { line: 2, column: 9 });
        // Inside "ñ" falls back to its start, past the end clamps to the end.
        assert_eq!(index.line_col(2), LineCol { line: 1, column: 2 });
        assert_eq!(index.line_col(99), LineCol { line: 2, column: 9 });
    }
}
