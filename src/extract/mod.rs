//! Extraction of comparable values from a sentence: dates and deadlines, numbers, acronyms,
//! kinds of instrument and the modality of commitments, each normalised and with its byte
//! range in the sentence text.
//!
//! Every language fact comes from the language's [`Tables`](crate::lang::Tables); the
//! extractors only walk the tokens. This module holds what they share (the values, the
//! tokens of a sentence with their phrase lookups) and [`extract`], which runs them in order:
//! `dates` (dates, deadlines, periods), `numbers` (counts, ordinals, percentages, with
//! `words` for numbers in words and `decimal` for exact values), `entities` (acronyms, kinds
//! of instrument, names) and `modality`.

mod dates;
mod decimal;
mod entities;
mod modality;
mod numbers;
mod words;

use std::ops::Range;

pub(crate) use decimal::Decimal;

use crate::lang::{Bound, Lang, Modality, PhraseTable, Qualifier};
use crate::tokens::{fold, tokens, Token, TokenKind};

/// A value found in a sentence.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Value {
    /// A date, month or year, with the bound a phrase before it sets.
    Date {
        year: i32,
        month: Option<u8>,
        day: Option<u8>,
        bound: Option<Bound>,
        /// Resolved from a phrase such as `this year` against the document's date.
        relative: bool,
    },
    /// A span of years (`2025-2028`).
    Period { from: i32, to: i32 },
    /// A quantity, written with digits or words, exactly.
    Number {
        value: Decimal,
        qualifier: Option<Qualifier>,
        /// Written as a word (`four`, `cuatro`, `first`) rather than digits.
        word: bool,
        /// A count, an ordinal or a percentage.
        form: NumberForm,
    },
    /// An acronym or code, by its key (`CUSMA`, `TMEC`).
    Acronym(String),
    /// A kind of instrument, by its language-neutral tag (`mou`, `agreement`).
    Instrument(&'static str),
    /// How strongly the sentence commits.
    Modal(Modality),
    /// The name of an institution, programme or place: two or more capitalised words, with the
    /// language's connectors between them.
    Name,
}

/// What a number counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NumberForm {
    /// A quantity (`four pillars`, `1,200 workers`).
    Count,
    /// A rank (`first`, `3rd`, `tercera`, `3.º`).
    Ordinal,
    /// A percentage (`50%`, `50 percent`, `50 por ciento`).
    Percent,
}

/// A value and where it stands.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Found {
    pub value: Value,
    /// Byte range in the sentence text, covering the phrase that states the value.
    pub range: Range<usize>,
    /// Index of the first token of the phrase.
    pub token: usize,
}

/// The tokens of a sentence with their folded surface forms, for phrase matching.
pub(crate) struct Words<'s> {
    pub text: &'s str,
    pub toks: Vec<Token>,
    pub folded: Vec<String>,
}

impl<'s> Words<'s> {
    pub fn new(text: &'s str, lang: Lang) -> Words<'s> {
        let toks = tokens(text, lang);
        let folded = toks.iter().map(|t| fold(&text[t.range.clone()])).collect();
        Words { text, toks, folded }
    }

    /// Whether token `i` is followed, glued or after one space, by the symbol of a unit
    /// (`2000MiB`, `2000 GB`).
    pub fn unit_symbol_after(&self, i: usize) -> bool {
        self.toks.get(i + 1).is_some_and(|next| {
            matches!(self.between(i, i + 1), "" | " ")
                && crate::lang::unit_symbol(&self.text[next.range.clone()]).is_some()
        })
    }

    /// The number of tokens of `phrase` (words joined by spaces) when it starts at token `i`.
    fn phrase_at(&self, i: usize, phrase: &str) -> Option<usize> {
        // Most phrases of a table fail on their first word: test it before splitting.
        let first = self.folded.get(i)?;
        match phrase.as_bytes().get(first.len()) {
            Some(b' ') | None if phrase.starts_with(first.as_str()) => {}
            _ => return None,
        }
        let mut n = 0;
        for word in phrase.split(' ') {
            if self.folded.get(i + n).map(String::as_str) != Some(word) {
                return None;
            }
            n += 1;
        }
        Some(n)
    }

    /// The first phrase of `table` (longest listed first) that starts at token `i`.
    fn table_at<T: Copy>(
        &self,
        i: usize,
        table: &PhraseTable<T>,
    ) -> Option<(usize, T, &'static str)> {
        let mut best: Option<(usize, T, &'static str)> = None;
        for &(phrase, v) in table.starting_with(self.folded.get(i)?) {
            if let Some(n) = self.phrase_at(i, phrase) {
                if best.is_none_or(|(m, _, _)| n > m) {
                    best = Some((n, v, phrase));
                }
            }
        }
        best
    }

    /// The phrase of `table` that ends right before token `i`, allowing one article between.
    fn table_before<T: Copy>(
        &self,
        i: usize,
        table: &[(&'static str, T)],
        articles: &[&str],
    ) -> Option<(usize, T)> {
        let mut ends = vec![i];
        if i > 0 && articles.contains(&self.folded[i - 1].as_str()) {
            ends.push(i - 1);
        }
        let mut best: Option<(usize, T)> = None;
        for end in ends {
            for &(phrase, v) in table {
                let n = phrase.split(' ').count();
                if n <= end
                    && self.phrase_at(end - n, phrase).is_some()
                    && best.is_none_or(|(s, _)| end - n < s)
                {
                    best = Some((end - n, v));
                }
            }
        }
        best
    }

    /// The scale word or phrase of `table` at token `i`: a phrase by its folded words, or one
    /// word by its singular key (the table lists `millon` for `millones`).
    fn scale_at(&self, i: usize, table: &PhraseTable<f64>) -> Option<(usize, f64)> {
        if let Some((len, scale, _)) = self.table_at(i, table) {
            return Some((len, scale));
        }
        let key = &self.toks.get(i)?.key;
        table
            .iter()
            .find(|(phrase, _)| phrase == key)
            .map(|&(_, scale)| (1, scale))
    }

    /// Whether token `i` is whole digits after a decimal point that no digit precedes (`.5%`):
    /// the point stands at the start or after a space, a bracket or a currency sign.
    fn leading_point(&self, i: usize) -> bool {
        let t = &self.toks[i];
        let Some(rest) = self.text[..t.range.start].strip_suffix('.') else {
            return false;
        };
        t.kind == TokenKind::Number
            && t.key.bytes().all(|b| b.is_ascii_digit())
            && rest
                .chars()
                .next_back()
                .is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '$' | '€' | '£'))
    }

    /// The exact value of the number token `i`, if its digits are a decimal that its key
    /// (thousands separators taken out) misreads: a leading point (`.5`), or a whole part of
    /// zeros before one separator, which is then a decimal mark in either convention (`0.500`
    /// and `0,500` are a half: nobody groups the thousands of zero).
    fn decimal_written(&self, i: usize) -> Option<Decimal> {
        let t = &self.toks[i];
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if self.leading_point(i) {
            return Decimal::parse(&format!("0.{}", t.key));
        }
        let raw = &self.text[t.range.clone()];
        let (int, frac) = raw.split_once(['.', ','])?;
        (int.bytes().all(|b| b == b'0') && digits(int) && digits(frac))
            .then(|| Decimal::parse(&format!("0.{frac}")))
            .flatten()
    }

    fn span(&self, first: usize, last: usize) -> Range<usize> {
        self.toks[first].range.start..self.toks[last].range.end
    }

    /// The text between tokens `a` and `b`.
    fn between(&self, a: usize, b: usize) -> &str {
        &self.text[self.toks[a].range.end..self.toks[b].range.start]
    }
}

/// Every value in `text`, in order. `doc_year` resolves relative years (`this year`).
pub(crate) fn extract(text: &str, lang: Lang, doc_year: Option<i32>) -> Vec<Found> {
    let tables = lang.tables();
    let w = Words::new(text, lang);
    let mut used = vec![false; w.toks.len()];
    let mut out = Vec::new();
    dates::dates(&w, tables, doc_year, &mut used, &mut out);
    numbers::numbers(&w, tables, &mut used, &mut out);
    entities::acronyms(&w, &mut out);
    entities::instruments(&w, tables, &mut out);
    modality::modals(&w, tables, &mut out);
    entities::names(&w, tables, &mut out);
    out.sort_by_key(|f| (f.range.start, f.range.end));
    out
}

/// The value `table` gives `word`, as the whole number it is.
fn table_value(table: &[(&str, f64)], word: &str) -> Option<u64> {
    table
        .iter()
        .find(|(x, _)| *x == word)
        .map(|&(_, v)| whole(v))
}

/// A value of a language's number tables, which are whole numbers below 2^64 written as `f64`
/// (`2.0`, `1e12`): exact as a `u64`.
fn whole(v: f64) -> u64 {
    // `as` saturates; the tables hold whole numbers well inside the range.
    v as u64
}

#[cfg(test)]
mod tests {
    use super::{extract, Value};
    use crate::lang::Lang;

    /// Every value of `text` with the text that states it, the document dated 2025.
    pub(super) fn values(text: &str, lang: Lang) -> Vec<(Value, &str)> {
        extract(text, lang, Some(2025))
            .into_iter()
            .map(|f| {
                let r = f.range.clone();
                (f.value, &text[r])
            })
            .collect()
    }
}
