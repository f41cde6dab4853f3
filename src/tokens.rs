//! Word, number and acronym tokens with comparison keys, shared by the aligner and the glossary.
//!
//! A key folds what translation and typography change but meaning does not: case, accents,
//! plural endings (by the language's table), thousands separators, hyphens inside acronyms
//! (`T-MEC` → `TMEC`). Spans stay on the raw text.

use std::ops::Range;

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use crate::lang::{Lang, Tables};

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TokenKind {
    /// A word; its key is lower-case, accent-free and singular.
    Word,
    /// A number written with digits; its key has no thousands separators and `.` as decimal
    /// mark.
    Number,
    /// An acronym or code (`CUSMA`, `T-MEC`, `SMEs`, `G7`); its key is upper-case, accent-free,
    /// without hyphens or a plural `s`.
    Acronym,
}

/// One token of a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    pub kind: TokenKind,
    pub key: String,
    /// Byte range in the text given to [`tokens`].
    pub range: Range<usize>,
    /// A stop word of the language: too common to count as evidence.
    pub stop: bool,
}

/// Lower-case without accents (`Canadá` → `canada`, `Ñ` → `n`).
pub(crate) fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    // Most other words of the languages read carry only Latin-1 accented letters: folded
    // directly, without decomposing.
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match fold_latin1(c) {
            Some(f) => out.push(f),
            None => {
                return s
                    .nfd()
                    .filter(|c| !is_combining_mark(*c))
                    .flat_map(char::to_lowercase)
                    .collect()
            }
        }
    }
    out
}

/// `c` lower-case without its accent when it is ASCII or a Latin-1 letter whose decomposition
/// is an ASCII letter and accents (`Á` → `a`, `ñ` → `n`); `None` for any other character.
fn fold_latin1(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(c.to_ascii_lowercase());
    }
    Some(match c {
        'À'..='Å' | 'à'..='å' => 'a',
        'Ç' | 'ç' => 'c',
        'È'..='Ë' | 'è'..='ë' => 'e',
        'Ì'..='Ï' | 'ì'..='ï' => 'i',
        'Ñ' | 'ñ' => 'n',
        'Ò'..='Ö' | 'ò'..='ö' => 'o',
        'Ù'..='Ü' | 'ù'..='ü' => 'u',
        'Ý' | 'ý' | 'ÿ' => 'y',
        _ => return None,
    })
}

fn is_separator(c: char) -> bool {
    matches!(c, ',' | '.' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// Whether a space after the digits `before` joins them with the digits that start `after`,
/// as thousands grouped by spaces (`25 000`, `1 000 000`): `before` is a group of one to three
/// digits, or such groups separated by spaces, and `after` starts with exactly three digits
/// that a letter or another digit does not follow. `2025 100` stays two numbers.
fn space_grouped(before: &str, after: &str) -> bool {
    let spaced = |c: char| c == ' ' || matches!(c, '\u{a0}' | '\u{202f}' | '\u{2009}');
    let mut groups = before.split(spaced);
    let first_ok = groups
        .next()
        .is_some_and(|g| (1..=3).contains(&g.len()) && g.bytes().all(|b| b.is_ascii_digit()));
    let rest_ok = groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()));
    let next = after.as_bytes();
    first_ok
        && rest_ok
        && next.len() >= 3
        && next[..3].iter().all(u8::is_ascii_digit)
        && after[3..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric())
}

/// The tokens of `text` in `lang`: words, numbers and acronyms, in order.
pub(crate) fn tokens(text: &str, lang: Lang) -> Vec<Token> {
    tokens_in(text, lang.tables())
}

/// The tokens of `text` read with a language's `tables` (stop words, plural endings).
pub(crate) fn tokens_in(text: &str, tables: &Tables) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        let mut end = start + c.len_utf8();
        if c.is_ascii_digit() {
            // Digits with separators between digit groups.
            while let Some(&(i, d)) = chars.peek() {
                if d.is_ascii_digit() {
                    chars.next();
                    end = i + 1;
                } else if is_separator(d)
                    && text[i + d.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(|n| n.is_ascii_digit())
                {
                    chars.next();
                    end = i + d.len_utf8();
                } else if d == ' ' && space_grouped(&text[start..i], &text[i + 1..]) {
                    // `25 000`: digits grouped by a space (the sentence text folds the
                    // non-breaking and thin spaces of `25 000` to one).
                    chars.next();
                    end = i + 1;
                } else {
                    break;
                }
            }
            // A number glued to letters (`G7` is handled below; `1st`, `2025a`) keeps the
            // digits, unless the letters are a unit's symbol (`2000MiB`, `5km`): then they are
            // a token of their own.
            let letters = text[end..]
                .find(|n: char| !n.is_alphanumeric())
                .map_or(&text[end..], |k| &text[end..end + k]);
            let unit = crate::lang::unit_symbol(letters).is_some();
            if unit || !text[end..].starts_with(|n: char| n.is_alphabetic()) {
                out.push(Token {
                    kind: TokenKind::Number,
                    key: number_key(&text[start..end]),
                    range: start..end,
                    stop: false,
                });
                continue;
            }
        }
        while let Some(&(i, d)) = chars.peek() {
            if d.is_alphanumeric() {
                chars.next();
                end = i + d.len_utf8();
            } else {
                break;
            }
        }
        let mut word = &text[start..end];
        let mut acronym = is_acronym(word);
        // Upper-case pieces joined by hyphens form one acronym (`T-MEC`).
        if acronym || is_caps(word) {
            while bytes.get(end) == Some(&b'-') {
                let rest = &text[end + 1..];
                let next_len = rest
                    .char_indices()
                    .find(|(_, c)| !c.is_alphanumeric())
                    .map_or(rest.len(), |(i, _)| i);
                if next_len == 0 || !is_caps(&rest[..next_len]) {
                    break;
                }
                // Consume the hyphen and the piece.
                let new_end = end + 1 + next_len;
                while chars.peek().is_some_and(|&(i, _)| i < new_end) {
                    chars.next();
                }
                end = new_end;
                word = &text[start..end];
                acronym = is_acronym(word);
            }
        }
        if acronym {
            let key: String = fold(word)
                .to_uppercase()
                .chars()
                .filter(|c| *c != '-')
                .collect();
            let key = match key.strip_suffix('S') {
                Some(stem) if word.ends_with('s') && stem.chars().count() >= 2 => stem.to_string(),
                _ => key,
            };
            out.push(Token {
                kind: TokenKind::Acronym,
                key,
                range: start..end,
                stop: false,
            });
            continue;
        }
        out.push(word_token(word, start..end, tables));
    }
    words_in_capitals(&mut out, text, tables);
    out
}

/// Three or more acronyms of letters in a row, apart only by spaces or dashes, are text set
/// in capitals (`MEMORANDUM OF UNDERSTANDING`): they become words again, so that they fold,
/// match cognates and the glossary's words, and stop words among them are stop words. A list
/// (`PCI (AGP, PCI-Express`) stays acronyms.
fn words_in_capitals(toks: &mut [Token], text: &str, tables: &Tables) {
    let is_caps_word = |t: &Token| {
        t.kind == TokenKind::Acronym && text[t.range.clone()].chars().all(char::is_alphabetic)
    };
    let prose_gap = |a: &Token, b: &Token| {
        text.get(a.range.end..b.range.start)
            .is_some_and(|gap| gap.chars().all(|c| c.is_whitespace() || "-–—".contains(c)))
    };
    let mut i = 0;
    while i < toks.len() {
        let mut j = i;
        while j < toks.len()
            && is_caps_word(&toks[j])
            && (j == i || prose_gap(&toks[j - 1], &toks[j]))
        {
            j += 1;
        }
        if j - i >= 3 {
            for t in &mut toks[i..j] {
                *t = word_token(&text[t.range.clone()], t.range.clone(), tables);
            }
        }
        i = j.max(i + 1);
    }
}

/// A word token: lower-case, accent-free, singular key.
fn word_token(word: &str, range: Range<usize>, tables: &Tables) -> Token {
    // Most words are ASCII: then lower-casing is folding, and one string serves both.
    let (stop, key) = if word.is_ascii() {
        let lower = word.to_ascii_lowercase();
        let stop = word.len() < 3 || tables.is_stop_word(&lower);
        // `singular` borrows only its own argument: a borrowed result is `lower` unchanged.
        let key = match tables.singular(&lower) {
            std::borrow::Cow::Borrowed(_) => lower,
            std::borrow::Cow::Owned(singular) => singular,
        };
        (stop, key)
    } else {
        let stop = word.chars().count() < 3 || tables.is_stop_word(&word.to_lowercase());
        (stop, tables.singular(&fold(word)).into_owned())
    };
    Token {
        kind: TokenKind::Word,
        key,
        range,
        stop,
    }
}

/// Upper-case letters (at least one) and digits, nothing lower-case.
fn is_caps(word: &str) -> bool {
    word.chars().any(char::is_uppercase) && !word.chars().any(char::is_lowercase)
}

/// An acronym or code: two or more capitals (digits and hyphens allowed, `G7`), or capitals
/// followed by a plural `s` (`SMEs`).
fn is_acronym(word: &str) -> bool {
    let body = word.strip_suffix('s').unwrap_or(word);
    let (mut caps, mut digit) = (0, false);
    // One pass, left at the first lower-case letter: most words have one second.
    for c in body.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_uppercase() {
            caps += 1;
        } else if c.is_ascii_digit() {
            digit = true;
        }
    }
    caps >= 2 || (caps == 1 && digit)
}

/// Digits without thousands separators, `.` as the decimal mark: `1,000.5` and `1.000,5` →
/// `1000.5`; `1.000` and `1\u{a0}000` (a no-break or thin space; a plain space separates two
/// numbers) → `1000`; a dotted sequence that is no number (`2.4.1`) keeps its dots.
pub(crate) fn number_key(raw: &str) -> String {
    // A space groups thousands too (`25 000`, joined by the tokeniser only then).
    let separator = |c: char| is_separator(c) || c == ' ';
    let groups: Vec<&str> = raw.split(separator).collect();
    if groups.len() == 1 {
        return raw.to_string();
    }
    let seps: Vec<char> = raw.chars().filter(|c| separator(*c)).collect();
    let all_thousands = groups[1..].iter().all(|g| g.len() == 3)
        && seps.iter().all(|s| *s == seps[0])
        && groups[0].len() <= 3;
    if all_thousands {
        return groups.concat();
    }
    let last = groups.len() - 1;
    let grouped = groups[1..last].iter().all(|g| g.len() == 3)
        && seps[..last - 1].iter().all(|s| *s == seps[0])
        && (last == 1 || seps[last - 1] != seps[0]);
    if !grouped {
        // Not a number but a sequence (`2.4.1`, `12.5.2025`): kept as written, with dots.
        return groups.join(".");
    }
    // The last separator is the decimal mark; the others group thousands.
    format!("{}.{}", groups[..last].concat(), groups[last])
}

/// A spelling skeleton for cognate matching: letters that English and Spanish spell
/// differently for the same sound are folded together (`ph`→`f`, `th`→`t`, `ch`→`c`, `y`→`i`,
/// `v`→`b`, `k`→`c`, `ti`+vowel→`ci`, doubled letters once), and the Spanish `es` before a
/// consonant at the start (`estratégico`) drops its `e` in languages that add one.
pub(crate) fn skeleton(key: &str, tables: &Tables) -> String {
    let mut s: Vec<char> = key.chars().collect();
    if tables.prosthetic_e
        && s.len() > 3
        && s[0] == 'e'
        && s[1] == 's'
        && !matches!(s[2], 'a' | 'e' | 'i' | 'o' | 'u')
    {
        s.remove(0);
    }
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        let next = s.get(i + 1).copied();
        let mapped = match (c, next) {
            ('p', Some('h')) | ('t', Some('h')) | ('c', Some('h')) => {
                i += 1;
                if c == 'p' {
                    'f'
                } else {
                    c
                }
            }
            ('t', Some('i'))
                if s.get(i + 2)
                    .is_some_and(|v| matches!(v, 'a' | 'e' | 'o' | 'u')) =>
            {
                'c'
            }
            ('y', _) => 'i',
            ('v', _) => 'b',
            ('k', _) => 'c',
            _ => c,
        };
        if !out.ends_with(mapped) {
            out.push(mapped);
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str, lang: Lang) -> Vec<(String, TokenKind, bool)> {
        tokens(text, lang)
            .into_iter()
            .map(|t| (t.key, t.kind, t.stop))
            .collect()
    }

    #[test]
    fn latin1_letters_fold_as_their_decomposition_does() {
        // Every character up to the end of Latin Extended-A, alone and inside a word: the
        // direct fold agrees with decomposing, dropping marks and lower-casing.
        for code in 0..0x180u32 {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            let slow = |s: &str| -> String {
                s.nfd()
                    .filter(|c| !is_combining_mark(*c))
                    .flat_map(char::to_lowercase)
                    .collect()
            };
            for s in [c.to_string(), format!("Añ{c}o"), format!("{c}é")] {
                assert_eq!(fold(&s), slow(&s), "{s:?} (U+{code:04X})");
            }
        }
        assert_eq!(fold("Canadá"), "canada");
        assert_eq!(fold("ÑANDÚ"), "nandu");
        assert_eq!(fold("Straße"), "straße");
    }
    #[test]
    fn words_fold_case_accents_and_plurals() {
        let got = keys("Las prioridades de los países", Lang::Es);
        let words: Vec<&str> = got.iter().map(|(k, _, _)| k.as_str()).collect();
        assert_eq!(words, ["las", "prioridad", "de", "los", "pais"]);
        assert!(got[0].2 && got[2].2 && !got[1].2, "stop words marked");
        let got = keys("Both countries' priorities", Lang::En);
        let words: Vec<&str> = got.iter().map(|(k, _, _)| k.as_str()).collect();
        assert_eq!(words, ["both", "country", "priority"]);
    }

    #[test]
    fn a_number_glued_to_a_unit_symbol_is_a_number_but_glued_to_other_letters_is_not() {
        let got = keys("chunks of 2000MiB, 5km away, the 1990s and 2025a", Lang::En);
        let kinds: Vec<(&str, TokenKind)> = got.iter().map(|(k, t, _)| (k.as_str(), *t)).collect();
        assert!(kinds.contains(&("2000", TokenKind::Number)), "{kinds:?}");
        assert!(kinds.contains(&("5", TokenKind::Number)), "{kinds:?}");
        assert!(
            !kinds
                .iter()
                .any(|(k, t)| *t == TokenKind::Number && *k == "1990"),
            "{kinds:?}"
        );
        assert!(
            !kinds
                .iter()
                .any(|(k, t)| *t == TokenKind::Number && *k == "2025"),
            "{kinds:?}"
        );
    }

    #[test]
    fn acronyms_join_hyphens_and_drop_plural_s() {
        let got = keys("el T-MEC, las MIPYMES y los SMEs del G7", Lang::Es);
        let acr: Vec<&str> = got
            .iter()
            .filter(|(_, k, _)| *k == TokenKind::Acronym)
            .map(|(k, _, _)| k.as_str())
            .collect();
        assert_eq!(acr, ["TMEC", "MIPYMES", "SME", "G7"]);
        // A hyphen between an acronym and a word splits them.
        let got = keys("Canada-Mexico CEO Dialogue", Lang::En);
        assert_eq!(got[0].0, "canada");
        assert_eq!(got[1].0, "mexico");
        assert_eq!(got[2], ("CEO".to_string(), TokenKind::Acronym, false));
    }

    #[test]
    fn text_in_capitals_is_words() {
        let got = keys("MEMORÁNDUM DE ENTENDIMIENTO con la CONANP", Lang::Es);
        assert_eq!(got[0], ("memorandum".to_string(), TokenKind::Word, false));
        assert_eq!(got[1], ("de".to_string(), TokenKind::Word, true));
        assert_eq!(got[5], ("CONANP".to_string(), TokenKind::Acronym, false));
    }

    #[test]
    fn numbers_normalise_both_separator_conventions() {
        assert_eq!(number_key("1,000.5"), "1000.5");
        assert_eq!(number_key("1.000,5"), "1000.5");
        assert_eq!(number_key("1.000"), "1000");
        assert_eq!(number_key("1\u{a0}000\u{a0}000"), "1000000");
        assert_eq!(number_key("3.5"), "3.5");
        assert_eq!(number_key("2.4.1"), "2.4.1");
        assert_eq!(number_key("12.5.2025"), "12.5.2025");
        let got = keys("2025-2028, 81 years and 1,200 jobs.", Lang::En);
        let nums: Vec<&str> = got
            .iter()
            .filter(|(_, k, _)| *k == TokenKind::Number)
            .map(|(k, _, _)| k.as_str())
            .collect();
        assert_eq!(nums, ["2025", "2028", "81", "1200"]);
        // Thousands grouped by spaces (the sentence text folds non-breaking ones to a space),
        // and only those.
        for (text, expected) in [
            ("invertirán 25 000 dólares", &["25000"][..]),
            ("1 000 000 de personas y 3 500 km", &["1000000", "3500"]),
            ("en 2025 100 proyectos", &["2025", "100"]),
            ("los 12 1000 casos", &["12", "1000"]),
            ("entre 5 y 250 000,5 metros", &["5", "250000.5"]),
            ("página 25 000a", &["25"]),
        ] {
            let got = keys(text, Lang::Es);
            let nums: Vec<&str> = got
                .iter()
                .filter(|(_, k, _)| *k == TokenKind::Number)
                .map(|(k, _, _)| k.as_str())
                .collect();
            assert_eq!(nums, expected, "{text}");
        }
    }

    #[test]
    fn spans_point_into_the_text() {
        let text = "Parques Canadá y la CONANP";
        for t in tokens(text, Lang::Es) {
            assert!(text.is_char_boundary(t.range.start) && text.is_char_boundary(t.range.end));
        }
        let t = &tokens(text, Lang::Es)[1];
        assert_eq!(&text[t.range.clone()], "Canadá");
    }

    #[test]
    fn skeletons_meet_on_cognates() {
        let pairs = [
            ("cooperation", "cooperacion"),
            ("national", "nacional"),
            ("technology", "tecnologia"),
            ("strategic", "estrategico"),
            ("mobility", "movilidad"),
        ];
        for (en, es) in pairs {
            let (a, b) = (
                skeleton(en, Lang::En.tables()),
                skeleton(es, Lang::Es.tables()),
            );
            let lcp = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
            assert!(lcp >= 6, "{en} {a} / {es} {b}");
        }
    }
}
