//! Rejoining lines into paragraphs: across hard wraps (PDF text) and page breaks, never across a
//! heading or a new list item.

use std::ops::Range;

use super::{ends_sentence, last_word};
use crate::lang::Tables;
use crate::span::Span;

/// What separates a text line from the previous one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Gap {
    /// Nothing: the next physical line.
    None,
    /// One or more blank lines.
    Blank,
    /// Layout noise (a running header, a page number), possibly with blank lines.
    Noise,
}

/// A line of running text, bullet marker set apart.
#[derive(Clone, Copy, Debug)]
pub(crate) struct TextLine {
    pub span: Span,
    pub marker: Option<Span>,
    pub indent: usize,
    pub gap: Gap,
}

/// Groups lines into paragraphs: ranges of `lines`.
pub(crate) fn group(
    text: &str,
    lines: &[TextLine],
    tables: &Tables,
    wrapped: bool,
    width: usize,
) -> Vec<Range<usize>> {
    let mut groups = Vec::new();
    let mut start = 0;
    // The widest line of the paragraph so far: the width its lines were wrapped at.
    let mut widest = 0;
    for i in 1..lines.len() {
        widest = widest.max(lines[i - 1].span.text(text).chars().count());
        // PDF fonts are proportional, so character counts only approximate the wrap width: allow
        // 8% slack once the paragraph shows its own width; a first line is held to the page's.
        let wrap_at = if i - start >= 2 {
            widest * 92 / 100
        } else {
            width
        };
        // Does the text starting at line i close a sentence within a few lines? List entries
        // (a list of departments) never do; wrapped prose soon does.
        let closes_soon = lines[i..]
            .iter()
            .take(5)
            .enumerate()
            .take_while(|(k, l)| *k == 0 || (l.gap == Gap::None && l.marker.is_none()))
            .any(|(_, l)| ends_sentence(l.span.text(text)));
        if !joins(
            text,
            &lines[i - 1],
            &lines[i],
            tables,
            wrapped,
            wrap_at,
            closes_soon,
        ) {
            groups.push(start..i);
            start = i;
            widest = 0;
        }
    }
    if !lines.is_empty() {
        groups.push(start..lines.len());
    }
    groups
}

/// Whether `next` continues the paragraph whose last line is `prev`; `wrap_at` is the width the
/// paragraph's lines were wrapped at (for hard-wrapped text).
fn joins(
    text: &str,
    prev: &TextLine,
    next: &TextLine,
    tables: &Tables,
    wrapped: bool,
    wrap_at: usize,
    closes_soon: bool,
) -> bool {
    if next.marker.is_some() {
        return false;
    }
    let p = prev.span.text(text);
    let n = next.span.text(text);
    let open = !ends_sentence(p);
    let signal = n.starts_with(char::is_lowercase)
        || p.ends_with([',', '-', '–'])
        || tables.is_connector(last_word(p))
        || (wrapped && n.starts_with('('))
        // An open line followed by text that soon closes a sentence: entries of a list would
        // end alike.
        || (wrapped && closes_soon);
    // The classic unwrapping test: the next line's first word would not have fitted on the
    // previous line, so the line break was forced by the width, not chosen by the author.
    let first_word = n.split_whitespace().next().map_or(0, |w| w.chars().count());
    let forced = p.chars().count() + 1 + first_word > wrap_at;
    match next.gap {
        // A page break or noise between: join a sentence cut in two.
        Gap::Blank | Gap::Noise => open && (signal || (!wrapped && p.chars().count() >= 100)),
        Gap::None if wrapped => (open && signal) || (forced && (open || next.indent == 0)),
        // One paragraph a line: only a lower-case start or a dangling connector joins lines.
        Gap::None => {
            open && (n.starts_with(char::is_lowercase) || tables.is_connector(last_word(p)))
        }
    }
}

/// A paragraph's lines joined into one string, with the way back to the input.
pub(crate) struct Joined {
    pub text: String,
    /// (offset in `text`, span in the input) of each line, in order.
    map: Vec<(usize, Span)>,
}

impl Joined {
    /// Joins lines with one space, or with nothing after a line-final hyphen of a compound
    /// (`export-` + `focussed`).
    pub fn new(text: &str, lines: &[TextLine]) -> Joined {
        let mut out = String::new();
        let mut map = Vec::with_capacity(lines.len());
        for line in lines {
            let s = line.span.text(text);
            if !out.is_empty() {
                let compound = out.ends_with('-')
                    && !out.ends_with(" -")
                    && s.starts_with(char::is_alphabetic);
                if !compound {
                    out.push(' ');
                }
            }
            map.push((out.len(), line.span));
            out.push_str(s);
        }
        Joined { text: out, map }
    }

    /// The input spans of `self.text[start..end]`: one per stretch not interrupted by skipped
    /// noise (lines separated only by white space are one piece).
    pub fn source_spans(&self, start: usize, end: usize, skipped: &[Span]) -> Vec<Span> {
        let mut pieces: Vec<Span> = Vec::new();
        for &(at, span) in &self.map {
            let line_end = at + span.len();
            if line_end <= start || at >= end {
                continue;
            }
            let s = start.max(at) - at + span.start;
            let e = end.min(line_end) - at + span.start;
            let piece = Span::new(s, e);
            match pieces.last_mut() {
                // Pieces join when they follow each other in the input (a table row's cells go
                // column by column) with no noise between.
                Some(last)
                    if last.end <= piece.start
                        && !noise_between(skipped, last.end, piece.start) =>
                {
                    last.end = piece.end
                }
                _ => pieces.push(piece),
            }
        }
        pieces
    }
}

fn noise_between(skipped: &[Span], from: usize, to: usize) -> bool {
    let i = skipped.partition_point(|s| s.start < from);
    skipped.get(i).is_some_and(|s| s.start < to)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hyphenated_compounds_keep_their_hyphen() {
        let text = "an export-\nfocussed relationship";
        let lines = [
            TextLine {
                span: Span::new(0, 10),
                marker: None,
                indent: 0,
                gap: Gap::None,
            },
            TextLine {
                span: Span::new(11, 32),
                marker: None,
                indent: 0,
                gap: Gap::None,
            },
        ];
        let joined = Joined::new(text, &lines);
        assert_eq!(joined.text, "an export-focussed relationship");
        // "export-" is bytes 3..10 and "focussed" bytes 11..19: one piece, no noise between.
        assert_eq!(joined.source_spans(3, 18, &[]), [Span::new(3, 19)]);
        // With noise between the lines, the sentence is two pieces.
        assert_eq!(
            joined.source_spans(0, 31, &[Span::new(10, 11)]),
            [Span::new(0, 10), Span::new(11, 32)]
        );
    }
}
