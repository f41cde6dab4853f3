//! Physical lines of the input, and the layout noise among them.

use std::collections::HashMap;

use crate::document::SkipKind;
use crate::lang::{self, Tables};
use crate::span::Span;

/// One physical line: its content with surrounding white space trimmed.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Line {
    /// The trimmed content; empty (at the line start) for a blank line.
    pub content: Span,
    /// Leading white space before the content, in chars (a bullet reduced to a space shows here).
    pub indent: usize,
}

impl Line {
    pub fn is_blank(&self) -> bool {
        self.content.is_empty()
    }
}

/// Splits `text[start..]` into lines (LF, CRLF or lone CR line ends).
pub(crate) fn scan(text: &str, start: usize) -> Vec<Line> {
    let mut lines = Vec::new();
    let bytes = text.as_bytes();
    let mut line_start = start;
    let mut i = start;
    while i <= bytes.len() {
        let at_end = i == bytes.len();
        if at_end || bytes[i] == b'\n' || bytes[i] == b'\r' {
            lines.push(make_line(text, line_start, i));
            if at_end {
                break;
            }
            if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
            line_start = i + 1;
        }
        i += 1;
    }
    lines
}

fn make_line(text: &str, start: usize, end: usize) -> Line {
    let raw = &text[start..end];
    let trimmed_start = raw.trim_start();
    let lead = raw.len() - trimmed_start.len();
    let content = trimmed_start.trim_end();
    let indent = raw[..lead].chars().count();
    Line {
        content: Span::new(start + lead, start + lead + content.len()),
        indent,
    }
}

/// Finds the lines that are layout noise.
pub(crate) fn find_noise(text: &str, lines: &[Line], tables: &Tables) -> Vec<Option<SkipKind>> {
    let repeated = repeated_lines(text, lines, tables);
    lines
        .iter()
        .map(|line| {
            if line.is_blank() {
                return None;
            }
            let s = line.content.text(text);
            if is_end_mark(s) {
                Some(SkipKind::EndMark)
            } else if is_page_number(s) {
                Some(SkipKind::PageNumber)
            } else if is_web_leftover(s) {
                Some(SkipKind::WebLeftover)
            } else if is_gapped_header(s) || repeated.contains_key(normal_key(s).as_str()) {
                Some(SkipKind::RunningHeader)
            } else {
                None
            }
        })
        .collect()
}

/// `--ooOOoo--`, `* * *`, `***`, `___`: a line of mark characters only.
fn is_end_mark(s: &str) -> bool {
    let marks = s.chars().filter(|c| "-–—=*_~·•#+".contains(*c)).count();
    marks >= 2
        && s.chars()
            .all(|c| "-–—=*_~·•#+oO0.".contains(c) || c.is_whitespace())
}

/// `3`, `- 3 -`, `Page 3`, `Página 3 de 10`, `3/10`.
fn is_page_number(s: &str) -> bool {
    if !s.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let t = s.trim_matches(|c: char| c == '-' || c == '–' || c == '—' || c.is_whitespace());
    let lower = t.to_lowercase();
    let mut rest = lower.as_str();
    for label in lang::page_labels() {
        if let Some(r) = rest.strip_prefix(label) {
            rest = r.trim_start();
            break;
        }
    }
    let words: Vec<&str> = rest
        .split(|c: char| c.is_whitespace() || c == '/')
        .filter(|w| !w.is_empty())
        .collect();
    let number = |w: &str| !w.is_empty() && w.len() <= 4 && w.chars().all(|c| c.is_ascii_digit());
    match words.as_slice() {
        [n] => number(n),
        [n, m] => number(n) && number(m) && rest.contains('/'),
        [n, _of, m] => number(n) && number(m),
        _ => false,
    }
}

/// `- Date modified:`, `Fecha de modificación: 2025-09-20`, in any known language (a translated
/// page keeps the original site's leftovers).
fn is_web_leftover(s: &str) -> bool {
    let t = s.trim_start_matches(['-', '*', '•', ' ']).trim();
    let lower = t.to_lowercase();
    lang::WEB_LEFTOVERS.iter().any(|w| {
        lower.strip_prefix(w).is_some_and(|rest| {
            let rest = rest.trim_start_matches(':').trim();
            rest.chars()
                .all(|c| c.is_ascii_digit() || "-/.: ".contains(c))
        })
    })
}

/// A short line made of two parts far apart, as a PDF running header prints:
/// ` VERSIÓN FINAL          February 7, 2014 `.
fn is_gapped_header(s: &str) -> bool {
    if s.chars().count() > 100 {
        return false;
    }
    let mut run = 0;
    let mut longest = 0;
    for c in s.chars() {
        if c == ' ' || c == '\t' || c == '\u{a0}' {
            run += if c == '\t' { 4 } else { 1 };
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    longest >= 5 && s.chars().any(|c| c.is_alphabetic())
}

/// Lines short enough to be headers and footers, repeated at least three times.
fn repeated_lines(text: &str, lines: &[Line], tables: &Tables) -> HashMap<String, usize> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for line in lines {
        let s = line.content.text(text);
        if s.is_empty() || s.chars().count() > 80 || !s.chars().any(|c| c.is_alphabetic()) {
            continue;
        }
        // Headings, list items and lines ending a sentence repeat legitimately.
        if s.ends_with(['.', ':', ';', ',', '?', '!']) || s.starts_with(['-', '•', '*']) {
            continue;
        }
        // `Article 1`, `Article 2` … differ only in their digits, and are headings.
        if super::heading::parse(s, 0, tables).is_some() {
            continue;
        }
        *counts.entry(normal_key(s)).or_default() += 1;
    }
    counts.retain(|_, n| *n >= 3);
    counts
}

/// A line folded for repetition counting: digits masked, white space folded, lower case.
fn normal_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        if c.is_ascii_digit() {
            out.push('#');
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// True when the text is hard-wrapped (a PDF extraction): most long lines end inside a sentence.
pub(crate) fn is_hard_wrapped(text: &str, lines: &[Line], noise: &[Option<SkipKind>]) -> bool {
    let mut long = 0usize;
    let mut open = 0usize;
    for (line, n) in lines.iter().zip(noise) {
        let s = line.content.text(text);
        if n.is_some() || s.chars().count() < 40 {
            continue;
        }
        long += 1;
        if !super::ends_sentence(s) {
            open += 1;
        }
    }
    long >= 4 && open * 2 > long
}

/// Whether the document sets its headings flush left and indents its body text (as DocBook's
/// and many manuals' text exports do): then a numbered line indented like the body is a list
/// item or a reference, not a heading. Read from the lines with a multi-level number and a
/// title (`1.2. Title`), eight in ten flush left, and the long lines, seven in ten indented.
pub(crate) fn indents_body(
    text: &str,
    lines: &[Line],
    noise: &[Option<SkipKind>],
    tables: &Tables,
) -> bool {
    let (mut headings, mut flush, mut body, mut indented) = (0usize, 0usize, 0usize, 0usize);
    for (line, kind) in lines.iter().zip(noise) {
        if line.is_blank() || kind.is_some() {
            continue;
        }
        let s = line.content.text(text);
        let sub_heading = super::heading::parse(s, 0, tables).is_some_and(|c| {
            c.title.is_some()
                && c.body.is_none()
                && matches!(&c.label, super::heading::Label::Dotted(parts) if parts.len() >= 2)
        });
        if sub_heading {
            headings += 1;
            flush += usize::from(line.indent == 0);
        } else if s.len() > 40 {
            body += 1;
            indented += usize::from(line.indent >= 2);
        }
    }
    headings >= 3 && flush * 10 >= headings * 8 && body >= 10 && indented * 10 >= body * 7
}

/// The width hard-wrapped lines were wrapped at: the 90th percentile of line lengths.
pub(crate) fn wrap_width(text: &str, lines: &[Line]) -> usize {
    let mut lengths: Vec<usize> = lines
        .iter()
        .filter(|l| !l.is_blank())
        .map(|l| l.content.text(text).chars().count())
        .collect();
    if lengths.is_empty() {
        return 80;
    }
    lengths.sort_unstable();
    lengths[(lengths.len() * 9 / 10).min(lengths.len() - 1)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scans_all_line_ends() {
        let text = "a\r\nb\rc\n\n d \n";
        let lines = scan(text, 0);
        let contents: Vec<&str> = lines.iter().map(|l| l.content.text(text)).collect();
        assert_eq!(contents, ["a", "b", "c", "", "d", ""]);
        assert_eq!(lines[4].indent, 1);
    }

    #[test]
    fn recognises_noise_lines() {
        assert!(is_end_mark("--ooOOoo--"));
        assert!(is_end_mark("* * *"));
        assert!(!is_end_mark("- o"));
        assert!(!is_end_mark("oOo"));
        assert!(is_page_number("3"));
        assert!(is_page_number("- 12 -"));
        assert!(is_page_number("Página 3 de 10"));
        assert!(is_page_number("Page 4"));
        assert!(!is_page_number("3. Trade"));
        assert!(!is_page_number("2025 was a year"));
        assert!(
            is_web_leftover("- Date modified:"),
            "leftovers of any language"
        );
        assert!(is_web_leftover("Fecha de modificación: 2025-09-20"));
        assert!(!is_web_leftover("Date modified by the parties, the plan"));
        assert!(is_gapped_header(
            " VERSIÓN FINAL          February 7, 2014 ".trim()
        ));
        assert!(!is_gapped_header(
            "1)  Fostering Competitive and Sustainable Economies"
        ));
    }
}
