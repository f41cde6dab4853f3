//! Recognising heading lines: numbered (`1.`, `1)`, `a)`, `IV.`, `2.4.1.`, `B.2.6.`), introduced
//! by a keyword (`Article 12`, `Anexo`), inline (`- 1. Título.** Texto`), or in capitals.

use crate::lang::{HeadingKeyword, Tables};
use crate::span::Span;

/// The numbering of a heading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Label {
    /// `IV.`: a Roman numeral.
    Roman(u32),
    /// `2.`, `2.4.1.`, `B.2.6.`: dot-separated components as printed.
    Dotted(Vec<String>),
    /// `2)` or `(2)`.
    Paren(u32),
    /// `a)` or `(a)`.
    Letter(char),
    /// `Article 12`, `Anexo`: a keyword and its number as printed, if any.
    Keyword(HeadingKeyword, Option<String>),
}

impl Label {
    /// The label's value in its sequence (1 for `1.`, `a)`, `I.`), when it has one.
    pub fn value(&self) -> Option<u32> {
        match self {
            Label::Roman(n) | Label::Paren(n) => Some(*n),
            Label::Letter(c) => Some(*c as u32 - 'a' as u32 + 1),
            Label::Dotted(parts) => parts.last().and_then(|p| component_value(p)),
            Label::Keyword(_, n) => n.as_deref().and_then(component_value),
        }
    }
}

fn component_value(s: &str) -> Option<u32> {
    if let Ok(n) = s.parse() {
        return Some(n);
    }
    if let Some(n) = roman_value(s) {
        return Some(n);
    }
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_ascii_alphabetic() => {
            Some(c.to_ascii_uppercase() as u32 - 'A' as u32 + 1)
        }
        _ => None,
    }
}

/// True when two labels number siblings of one list (`1.` and `2.`, `a)` and `b)`).
pub(crate) fn same_style(a: &Label, b: &Label) -> bool {
    match (a, b) {
        (Label::Dotted(x), Label::Dotted(y)) => x.len() == y.len(),
        (Label::Keyword(x, _), Label::Keyword(y, _)) => x == y,
        _ => std::mem::discriminant(a) == std::mem::discriminant(b),
    }
}

/// A line that looks like a heading.
#[derive(Clone, Debug)]
pub(crate) struct Candidate {
    pub label: Label,
    /// The number as printed (`4.`, `Artículo 12`).
    pub label_span: Span,
    /// From the start of the line (bullet and markup included) to the end of the heading.
    pub heading: Span,
    /// The title, trimmed of its final period and markup.
    pub title: Option<Span>,
    /// Text after an inline heading, or the text of a numbered paragraph.
    pub body: Option<Span>,
    /// The heading has no title on its line (`Article 1` alone): the next line may hold it.
    pub bare: bool,
}

impl Candidate {
    /// A heading line `heading` with its title and no body.
    fn titled(label: Label, label_span: Span, heading: Span, title: Span) -> Candidate {
        Candidate {
            label,
            label_span,
            heading,
            title: Some(title),
            body: None,
            bare: false,
        }
    }
}

/// Recognises a numbered or keyword heading in `s`, the trimmed content of a line starting at
/// byte `offset` of the document.
pub(crate) fn parse(s: &str, offset: usize, tables: &Tables) -> Option<Candidate> {
    let (rest_at, _) = skip_markup(s);
    let rest = &s[rest_at..];
    let (label, label_len) = parse_label(rest, tables)?;
    let label_span = Span::new(offset + rest_at, offset + rest_at + label_len);
    let after_label = rest_at + label_len;
    let tail = &s[after_label..];
    let keyword = matches!(label, Label::Keyword(..));
    // A separator between the label and the title: white space, or for keywords `.`, `:`, `–`.
    let sep_len = separator_len(tail, keyword)?;
    let title_at = after_label + sep_len;
    let title_text = &s[title_at..];
    if title_text.is_empty() {
        // `1.` alone is a list marker, not a heading; `Article 12` or `ANNEX` alone is.
        return keyword.then(|| Candidate {
            label,
            label_span,
            heading: Span::new(offset, offset + s.len()),
            title: None,
            body: None,
            bare: true,
        });
    }
    if !starts_like_title(title_text) {
        return None;
    }
    // Inline heading: the title ends at a bold marker `**`, the body follows.
    if let Some(close) = title_text.find("**") {
        let title = trim_title(&title_text[..close]);
        let body_at = title_at + close + 2;
        let body_text = s[body_at..].trim_start();
        let body_start = s.len() - body_text.len();
        let title_span = Span::new(offset + title_at, offset + title_at + title.len());
        return Some(Candidate {
            label,
            label_span,
            heading: Span::new(offset, offset + body_at),
            title: (!title.is_empty()).then_some(title_span),
            body: (!body_text.is_empty()).then(|| Span::new(offset + body_start, offset + s.len())),
            bare: false,
        });
    }
    if is_title_like(title_text) {
        let title = trim_title(title_text);
        let title = Span::new(offset + title_at, offset + title_at + title.len());
        return Some(Candidate::titled(
            label,
            label_span,
            Span::new(offset, offset + s.len()),
            title,
        ));
    }
    // A numbered paragraph: the number opens a unit whose text is the rest of the line.
    Some(Candidate {
        label,
        label_span,
        heading: Span::new(offset, offset + title_at),
        title: None,
        body: Some(Span::new(offset + title_at, offset + s.len())),
        bare: false,
    })
}

/// A label after markup and white space after it, whatever follows: the offset of the label,
/// whether a bullet came before it, the label, its length and the rest of the line (which
/// starts with white space). With `letters`, a capital alone counts (`A. Advanced topics`, as
/// contents list an appendix).
fn label_then_space<'s>(
    s: &'s str,
    tables: &Tables,
    letters: bool,
) -> Option<(usize, bool, Label, usize, &'s str)> {
    let (at, bullet) = skip_markup(s);
    let rest = &s[at..];
    let letter = letters
        && rest.len() > 2
        && rest.as_bytes()[0].is_ascii_uppercase()
        && rest.as_bytes()[1] == b'.'
        && rest.as_bytes()[2] == b' ';
    let (label, len) = if letter {
        (Label::Dotted(vec![rest[..1].to_string()]), 2)
    } else {
        parse_label(rest, tables)?
    };
    let tail = &rest[len..];
    tail.starts_with(char::is_whitespace)
        .then_some((at, bullet, label, len, tail))
}

/// A numbered line read loosely, as a contents entry may be printed: a label, white space and a
/// short text in any case (`5.15. manpage.*`). Returns the label and the text.
pub(crate) fn loose_entry<'s>(s: &'s str, tables: &Tables) -> Option<(Label, &'s str)> {
    let (_, _, label, _, tail) = label_then_space(s, tables, true)?;
    let title = tail.trim();
    (!title.is_empty() && is_title_like(title)).then_some((label, title))
}

/// A numbered heading whose title may start in lower case (`4.1. control`), as a document that
/// sets its headings apart by layout prints file and command names: a heading with a title
/// only, never a numbered paragraph.
pub(crate) fn parse_any_case(s: &str, offset: usize, tables: &Tables) -> Option<Candidate> {
    let (at, bullet, label, len, tail) = label_then_space(s, tables, false)?;
    let title = trim_title(tail);
    if bullet || title.is_empty() || !is_title_like(title) {
        return None;
    }
    let title_at = offset + at + len + (tail.len() - tail.trim_start().len());
    Some(Candidate::titled(
        label,
        Span::new(offset + at, offset + at + len),
        Span::new(offset, offset + s.len()),
        Span::new(title_at, title_at + title.len()),
    ))
}

/// Skips leading bullets and markup (`- `, `* `, `• `, `#`, `**`); returns the byte offset of
/// what follows and whether a bullet was seen.
pub(crate) fn skip_markup(s: &str) -> (usize, bool) {
    let mut at = 0;
    let mut bullet = false;
    loop {
        let rest = &s[at..];
        let step = if rest.starts_with("**") {
            2
        } else if let Some(c) = rest.chars().next().filter(|c| "-*•#".contains(*c)) {
            let n = c.len_utf8();
            if rest[n..].starts_with(char::is_whitespace) || c == '#' {
                bullet |= c != '#';
                n
            } else {
                0
            }
        } else {
            0
        };
        if step == 0 {
            break;
        }
        at += step;
        at += s[at..].len() - s[at..].trim_start().len();
    }
    (at, bullet)
}

fn parse_label(s: &str, tables: &Tables) -> Option<(Label, usize)> {
    if let Some(found) = parse_keyword(s, tables) {
        return Some(found);
    }
    let bytes = s.as_bytes();
    // `(1)` and `(a)`.
    if bytes.first() == Some(&b'(') {
        let close = s.find(')')?;
        let inner = &s[1..close];
        return paren_label(inner).map(|l| (l, close + 1));
    }
    // Take the token up to the first white space.
    let token_len = s.find(char::is_whitespace).unwrap_or(s.len());
    let token = &s[..token_len];
    if let Some(inner) = token.strip_suffix(')') {
        if let Some(l) = paren_label(inner) {
            return Some((l, token_len));
        }
        return roman_value(inner)
            .filter(|_| inner.len() > 1)
            .map(|n| (Label::Roman(n), token_len));
    }
    let inner = token.strip_suffix('.').unwrap_or(token);
    let parts: Vec<&str> = inner.split('.').collect();
    if parts.iter().any(|p| p.is_empty()) {
        return None;
    }
    if parts.len() == 1 {
        if !token.ends_with('.') {
            return None;
        }
        let p = parts[0];
        if p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()) {
            return Some((Label::Dotted(vec![p.to_string()]), token_len));
        }
        return roman_value(p).map(|n| (Label::Roman(n), token_len));
    }
    // Multi-level: digits, or a capital letter first (`B.2.6`).
    let first_ok = |p: &str| {
        (p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()))
            || (p.len() == 1 && p.as_bytes()[0].is_ascii_uppercase())
    };
    let rest_ok = parts[1..]
        .iter()
        .all(|p| p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()));
    (first_ok(parts[0]) && rest_ok).then(|| {
        (
            Label::Dotted(parts.iter().map(|p| p.to_string()).collect()),
            token_len,
        )
    })
}

fn paren_label(inner: &str) -> Option<Label> {
    if !inner.is_empty() && inner.len() <= 3 && inner.bytes().all(|b| b.is_ascii_digit()) {
        return inner.parse().ok().map(Label::Paren);
    }
    let mut chars = inner.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_ascii_lowercase() => Some(Label::Letter(c)),
        _ => None,
    }
}

fn parse_keyword(s: &str, tables: &Tables) -> Option<(Label, usize)> {
    let word_len = s.find(|c: char| !c.is_alphabetic()).unwrap_or(s.len());
    if word_len == 0 {
        return None;
    }
    let word = &s[..word_len];
    // `Article`, `ARTICLE`, never `article` (a word inside prose).
    if !word.starts_with(char::is_uppercase) {
        return None;
    }
    let keyword = tables.reading_keyword(word)?;
    let after = &s[word_len..];
    let gap = after.len() - after.trim_start().len();
    let num_text = &after[gap..];
    let num_len = num_text
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == 'º' || c == '°'))
        .unwrap_or(num_text.len());
    let mut number = num_text[..num_len].trim_end_matches('.');
    number = number.trim_end_matches(['º', '°']);
    let ordinal_o = number.len() > 1
        && number.ends_with('o')
        && number[..number.len() - 1]
            .bytes()
            .all(|b| b.is_ascii_digit());
    if ordinal_o {
        number = &number[..number.len() - 1];
    }
    let valid_number = gap > 0
        && !number.is_empty()
        && (number.bytes().all(|b| b.is_ascii_digit() || b == b'.')
            || roman_value(number).is_some()
            || (number.len() == 1 && number.as_bytes()[0].is_ascii_uppercase()));
    if valid_number {
        let printed_len = word_len + gap + num_text[..num_len].trim_end_matches('.').len();
        let id_number = match roman_value(number) {
            Some(_) if number.bytes().any(|b| b.is_ascii_lowercase()) => {
                number.to_ascii_uppercase()
            }
            _ => number.to_string(),
        };
        return Some((Label::Keyword(keyword, Some(id_number)), printed_len));
    }
    // Only annexes and appendices go without a number, and then the word stands alone or
    // before a separator.
    let unnumbered_ok = matches!(keyword, HeadingKeyword::Annex | HeadingKeyword::Appendix)
        && (after.trim().is_empty() || after.trim_start().starts_with([':', '.', '–', '—', '-']));
    unnumbered_ok.then_some((Label::Keyword(keyword, None), word_len))
}

/// Length of the separator after a label, or `None` when the label is glued to a word.
fn separator_len(tail: &str, keyword: bool) -> Option<usize> {
    if tail.is_empty() {
        return Some(0);
    }
    let mut at = 0;
    if keyword {
        let t = tail.trim_start();
        let lead = tail.len() - t.len();
        if let Some(c) = t.chars().next().filter(|c| ".:–—-)".contains(*c)) {
            at = lead + c.len_utf8();
        }
    }
    let rest = &tail[at..];
    let ws = rest.len() - rest.trim_start().len();
    if ws == 0 && at == 0 {
        return None;
    }
    // `**` may open a bold title right after the number.
    let mut len = at + ws;
    if tail[len..].starts_with("**") {
        len += 2;
        len += tail[len..].len() - tail[len..].trim_start().len();
    }
    Some(len)
}

fn starts_like_title(s: &str) -> bool {
    s.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"“«'‘¿¡(".contains(c))
}

/// Short, one sentence at most, not ending like a clause.
pub(crate) fn is_title_like(s: &str) -> bool {
    let words = s.split_whitespace().count();
    let chars = s.chars().count();
    if words == 0 || words > 20 || chars > 160 || s.ends_with([',', ';']) {
        return false;
    }
    if s.ends_with(['.', '!', '?']) && words > 12 {
        return false;
    }
    // A sentence break inside (`Title. Body starts`) makes it a paragraph.
    let trimmed = s.trim_end_matches(['.', '*']);
    !trimmed
        .match_indices(". ")
        .any(|(i, _)| trimmed[i + 2..].starts_with(char::is_uppercase))
}

/// Trims a title of its final period, colon and markup.
fn trim_title(s: &str) -> &str {
    s.trim()
        .trim_end_matches(['*', ' '])
        .trim_end_matches(['.', ':'])
        .trim_end()
}

/// Value of a Roman numeral (I to L), upper case only.
pub(crate) fn roman_value(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 7 || !s.bytes().all(|b| b"IVXL".contains(&b)) {
        return None;
    }
    let digit = |b: u8| match b {
        b'I' => 1,
        b'V' => 5,
        b'X' => 10,
        _ => 50,
    };
    let bytes = s.as_bytes();
    let mut total = 0i64;
    for (i, &b) in bytes.iter().enumerate() {
        let v = digit(b);
        if bytes.get(i + 1).is_some_and(|&n| digit(n) > v) {
            total -= v;
        } else {
            total += v;
        }
    }
    // Reject non-canonical forms such as `IIII` or `VX` by writing the value back.
    let n = u32::try_from(total).ok()?;
    (n > 0 && to_roman(n) == s).then_some(n)
}

/// Writes `n` (1 to 89) as an upper-case Roman numeral.
pub(crate) fn to_roman(mut n: u32) -> String {
    let table = [
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (v, s) in table {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

/// A line in capitals that heads what follows (`INTRODUCTION`, `CONSULTED GOVERNMENT OF CANADA
/// DEPARTMENTS`).
pub(crate) fn is_caps_heading(s: &str) -> bool {
    let (at, bullet) = skip_markup(s);
    let s = &s[at..];
    if bullet || s.chars().count() > 100 || s.split_whitespace().count() > 12 {
        return false;
    }
    if !s.starts_with(|c: char| c.is_uppercase()) || s.ends_with(['.', ',', ';', ':']) {
        return false;
    }
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    let upper = letters.iter().filter(|c| c.is_uppercase()).count();
    letters.len() >= 6 && upper * 100 >= letters.len() * 90
}

/// A contents entry ends with a page number after dot leaders, a tab or spaces.
pub(crate) fn has_page_reference(s: &str) -> bool {
    let t = s.trim_end();
    let digits = t.len() - t.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 || digits > 4 {
        return false;
    }
    let before = &t[..t.len() - digits];
    before.ends_with('…')
        || before.ends_with('\t')
        || before.ends_with("  ")
        || before.trim_end().ends_with("..")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    fn cand(s: &str, lang: Lang) -> Option<Candidate> {
        parse(s, 0, lang.tables())
    }

    fn title(s: &str, lang: Lang) -> Option<String> {
        cand(s, lang).and_then(|c| c.title.map(|t| s[t.range()].to_string()))
    }

    #[test]
    fn own_line_and_inline_headings() {
        let c = cand("1. Trade Facilitation and Commercial Cooperation", Lang::En).unwrap();
        assert_eq!(c.label, Label::Dotted(vec!["1".into()]));
        assert_eq!(
            title("1. Trade Facilitation and Commercial Cooperation", Lang::En).unwrap(),
            "Trade Facilitation and Commercial Cooperation"
        );
        let line = "- 1. Facilitación del comercio y vinculación comercial.** Se aprovecharán los vínculos.";
        let c = cand(line, Lang::Es).unwrap();
        assert_eq!(
            &line[c.title.unwrap().range()],
            "Facilitación del comercio y vinculación comercial"
        );
        assert_eq!(
            &line[c.body.unwrap().range()],
            "Se aprovecharán los vínculos."
        );
        assert_eq!(
            &line[c.heading.range()],
            "- 1. Facilitación del comercio y vinculación comercial.**"
        );
        assert_eq!(
            title("IV. Environment and sustainability", Lang::En).unwrap(),
            "Environment and sustainability"
        );
        assert_eq!(
            title(
                "1)  Fostering Competitive and Sustainable Economies",
                Lang::En
            )
            .unwrap(),
            "Fostering Competitive and Sustainable Economies"
        );
        assert_eq!(
            cand("a)   Security and Defence", Lang::En).unwrap().label,
            Label::Letter('a')
        );
        assert_eq!(title("1.\u{a0}Trade", Lang::En).unwrap(), "Trade");
    }

    #[test]
    fn multilevel_and_keyword_labels() {
        assert_eq!(
            cand("2.4.1. Scope", Lang::En).unwrap().label,
            Label::Dotted(vec!["2".into(), "4".into(), "1".into()])
        );
        assert_eq!(
            cand("B.2.6. Reporting", Lang::En).unwrap().label,
            Label::Dotted(vec!["B".into(), "2".into(), "6".into()])
        );
        assert_eq!(
            cand("Artículo 12. Ámbito de aplicación", Lang::Es)
                .unwrap()
                .label,
            Label::Keyword(HeadingKeyword::Article, Some("12".into()))
        );
        assert_eq!(
            title("Artículo 12. Ámbito de aplicación", Lang::Es).unwrap(),
            "Ámbito de aplicación"
        );
        assert_eq!(title("Article 2: Scope", Lang::En).unwrap(), "Scope");
        let bare = cand("Article 1", Lang::En).unwrap();
        assert!(bare.bare && bare.title.is_none());
        assert_eq!(
            cand("ANNEX", Lang::En).unwrap().label,
            Label::Keyword(HeadingKeyword::Annex, None)
        );
        assert_eq!(
            cand("Capítulo IV", Lang::Es).unwrap().label,
            Label::Keyword(HeadingKeyword::Chapter, Some("IV".into()))
        );
        assert_eq!(
            cand("Artículo 1o. Objeto", Lang::Es).unwrap().label,
            Label::Keyword(HeadingKeyword::Article, Some("1".into()))
        );
    }

    #[test]
    fn prose_is_not_a_heading() {
        assert!(cand("1.8 million Canadians come as visitors", Lang::En).is_none());
        assert!(cand("Section 3 of the Agreement provides that", Lang::En).is_none());
        assert!(cand("2014.", Lang::En).is_none());
        assert!(cand("I think so", Lang::En).is_none());
        assert!(cand("article 5 applies", Lang::En).is_none());
        // A numbered paragraph: a unit with no title whose text is the rest of the line.
        let c = cand(
            "1. Each Party shall ensure that its measures are applied. Nothing else applies.",
            Lang::En,
        )
        .unwrap();
        assert!(c.title.is_none() && c.body.is_some());
    }

    #[test]
    fn roman_numerals_are_canonical() {
        assert_eq!(roman_value("IV"), Some(4));
        assert_eq!(roman_value("XIX"), Some(19));
        assert_eq!(roman_value("IIII"), None);
        assert_eq!(roman_value("VX"), None);
        assert_eq!(roman_value("iv"), None);
    }

    #[test]
    fn caps_headings_and_contents() {
        assert!(is_caps_heading(
            "CONSULTED GOVERNMENT OF CANADA DEPARTMENTS"
        ));
        assert!(is_caps_heading("INTRODUCTION"));
        assert!(!is_caps_heading("(SAGARPA)"));
        assert!(!is_caps_heading("NAFTA"));
        assert!(!is_caps_heading("Canada and Mexico"));
        assert!(has_page_reference("1. Trade ........ 3"));
        assert!(has_page_reference("Article 2 Scope\t4"));
        assert!(!has_page_reference("Canada and Mexico share over 81"));
    }
}
