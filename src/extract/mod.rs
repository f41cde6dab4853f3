//! Extraction of comparable values from a sentence: dates and deadlines, numbers, acronyms,
//! kinds of instrument and the modality of commitments, each normalised and with its byte
//! range in the sentence text.
//!
//! Every language fact comes from the language's [`Tables`](crate::lang::Tables); the
//! extractors only walk the tokens.

mod decimal;
mod words;

use std::ops::Range;

pub(crate) use decimal::Decimal;

use crate::lang::{Bound, Lang, Modality, Qualifier, Tables};
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

    /// The number of tokens of `phrase` (words joined by spaces) when it starts at token `i`.
    fn phrase_at(&self, i: usize, phrase: &str) -> Option<usize> {
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
        table: &[(&'static str, T)],
    ) -> Option<(usize, T, &'static str)> {
        let mut best: Option<(usize, T, &'static str)> = None;
        for &(phrase, v) in table {
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
    fn scale_at(&self, i: usize, table: &[(&'static str, f64)]) -> Option<(usize, f64)> {
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

/// The year a token states: four digits from 1900 to 2100, written without a thousands
/// separator (`2.000` and `1,999` are amounts).
fn is_year(t: &Token) -> Option<i32> {
    if t.kind != TokenKind::Number || t.key.len() != 4 || t.range.len() != 4 {
        return None;
    }
    let y: i32 = t.key.parse().ok()?;
    (1900..=2100).contains(&y).then_some(y)
}

fn small_int(t: &Token, max: u32) -> Option<u32> {
    if t.kind != TokenKind::Number {
        return None;
    }
    t.key.parse::<u32>().ok().filter(|v| (1..=max).contains(v))
}

/// Every value in `text`, in order. `doc_year` resolves relative years (`this year`).
pub(crate) fn extract(text: &str, lang: Lang, doc_year: Option<i32>) -> Vec<Found> {
    let tables = lang.tables();
    let w = Words::new(text, lang);
    let mut used = vec![false; w.toks.len()];
    let mut out = Vec::new();
    dates(&w, tables, doc_year, &mut used, &mut out);
    numbers(&w, tables, &mut used, &mut out);
    acronyms(&w, &mut out);
    instruments(&w, tables, &mut out);
    modals(&w, tables, &mut out);
    names(&w, tables, &mut out);
    out.sort_by_key(|f| (f.range.start, f.range.end));
    out
}

fn dates(
    w: &Words<'_>,
    tables: &Tables,
    doc_year: Option<i32>,
    used: &mut [bool],
    out: &mut Vec<Found>,
) {
    let n = w.toks.len();
    let mut i = 0;
    while i < n {
        // Relative years.
        if let Some((len, offset, _)) = w.table_at(i, tables.relative_years) {
            if let Some(year) = doc_year {
                let bound = w.table_before(i, tables.date_bounds, tables.articles);
                let start = bound.map_or(i, |b| b.0);
                used[start..i + len].fill(true);
                out.push(Found {
                    value: Value::Date {
                        year: year + offset,
                        month: None,
                        day: None,
                        bound: bound.map(|b| b.1),
                        relative: true,
                    },
                    range: w.span(start, i + len - 1),
                    token: start,
                });
            }
            i += len;
            continue;
        }
        let Some(year) = is_year(&w.toks[i]) else {
            i += 1;
            continue;
        };
        // A period: two years joined by a dash.
        if let Some(to) = w.toks.get(i + 1).and_then(is_year) {
            let sep = w.between(i, i + 1).trim();
            if matches!(sep, "-" | "–" | "—" | "/") && to > year {
                used[i..=i + 1].fill(true);
                out.push(Found {
                    value: Value::Period { from: year, to },
                    range: w.span(i, i + 1),
                    token: i,
                });
                i += 2;
                continue;
            }
        }
        // An ISO date: 2026-03-31.
        if i + 2 < n && w.between(i, i + 1) == "-" && w.between(i + 1, i + 2) == "-" {
            if let (Some(m), Some(d)) =
                (small_int(&w.toks[i + 1], 12), small_int(&w.toks[i + 2], 31))
            {
                let bound = w.table_before(i, tables.date_bounds, tables.articles);
                let start = bound.map_or(i, |b| b.0);
                used[start..=i + 2].fill(true);
                out.push(Found {
                    value: Value::Date {
                        year,
                        month: Some(m as u8),
                        day: Some(d as u8),
                        bound: bound.map(|b| b.1),
                        relative: false,
                    },
                    range: w.span(start, i + 2),
                    token: start,
                });
                i += 3;
                continue;
            }
        }
        // Look back over fillers for a month, then a day before or after it.
        let mut first = i;
        let mut month = None;
        let mut day = None;
        let mut j = i;
        while j > 0 && tables.date_fillers.contains(&w.folded[j - 1].as_str()) {
            j -= 1;
        }
        // `March 31, 2026`: a day between the month and the year.
        if j > 0 && small_int(&w.toks[j - 1], 31).is_some() {
            let k = j - 1;
            if k > 0 {
                if let Some(m) = tables.month(&w.folded[k - 1]) {
                    month = Some(m);
                    day = small_int(&w.toks[k], 31).map(|d| d as u8);
                    first = k - 1;
                }
            }
        }
        if month.is_none() && j > 0 {
            if let Some(m) = tables.month(&w.folded[j - 1]) {
                month = Some(m);
                first = j - 1;
                // `31 de marzo de 2026`, `31 March 2026`.
                let mut k = first;
                while k > 0 && tables.date_fillers.contains(&w.folded[k - 1].as_str()) {
                    k -= 1;
                }
                if k > 0 {
                    if let Some(d) = small_int(&w.toks[k - 1], 31) {
                        day = Some(d as u8);
                        first = k - 1;
                    }
                }
            }
        }
        let bound = w.table_before(first, tables.date_bounds, tables.articles);
        let start = bound.map_or(first, |b| b.0);
        used[start..=i].fill(true);
        out.push(Found {
            value: Value::Date {
                year,
                month,
                day,
                bound: bound.map(|b| b.1),
                relative: false,
            },
            range: w.span(start, i),
            token: start,
        });
        i += 1;
    }
}

fn numbers(w: &Words<'_>, tables: &Tables, used: &mut [bool], out: &mut Vec<Found>) {
    let n = w.toks.len();
    let mut i = 0;
    while i < n {
        if used[i] {
            i += 1;
            continue;
        }
        let t = &w.toks[i];
        let mut form = NumberForm::Count;
        // Words, and digits a scale word follows, are read as a number in words (`two
        // thousand five hundred`, `2 mil 500`); other digits give a decimal of any length.
        let (mut value, word, mut last) = if let Some(c) = words::read(w, tables, used, i) {
            let word = t.kind != TokenKind::Number;
            // `los dos` is `both`: not a count to compare.
            if word
                && c.last == i
                && c.value == 2
                && i > 0
                && tables.articles.contains(&w.folded[i - 1].as_str())
            {
                i += 1;
                continue;
            }
            match Decimal::parse(&c.value.to_string()) {
                Some(v) => (v, word, c.last),
                None => {
                    i += 1;
                    continue;
                }
            }
        } else if t.kind == TokenKind::Number {
            match w.decimal_written(i).or_else(|| Decimal::parse(&t.key)) {
                Some(v) => (v, false, i),
                None => {
                    i += 1;
                    continue;
                }
            }
        } else if let Some(v) = digit_ordinal(&w.folded[i], tables) {
            // `1st`, `1º`, `1er`: digits glued to an ordinal ending.
            form = NumberForm::Ordinal;
            (v, false, i)
        } else if let Some(v) = table_value(tables.ordinal_words, &w.folded[i]) {
            form = NumberForm::Ordinal;
            (Decimal::from_u64(v), true, i)
        } else {
            i += 1;
            continue;
        };
        // A scale word after digits: `1.5 billion`, `2,5 billones`.
        if !word && form == NumberForm::Count && last == i {
            if let Some((len, scale)) = w.scale_at(last + 1, tables.scale_words) {
                value = value.times(whole(scale));
                last += len;
            }
        }
        let mut end = w.toks[last].range.end;
        if form == NumberForm::Count && !word {
            // `3.º`: the ending is a token of its own after a point.
            if let Some(next) = w.toks.get(last + 1) {
                let gap = &w.text[end..next.range.start];
                if gap == "."
                    && tables
                        .ordinal_suffixes
                        .contains(&w.folded[last + 1].as_str())
                {
                    form = NumberForm::Ordinal;
                    last += 1;
                    end = next.range.end;
                }
            }
        }
        if form == NumberForm::Count {
            // `50%`, `50 %` (any space), `50 percent`, `50 por ciento`.
            let rest = &w.text[end..];
            let after_space = rest.trim_start();
            if after_space.starts_with('%') && rest.len() - after_space.len() <= 3 {
                form = NumberForm::Percent;
                end = w.text.len() - after_space.len() + 1;
            } else if let Some(len) = tables
                .percent_words
                .iter()
                .find_map(|p| w.phrase_at(last + 1, p))
            {
                form = NumberForm::Percent;
                last += len;
                end = w.toks[last].range.end;
            }
        }
        let qualifier = w.table_before(i, tables.number_qualifiers, &[]);
        let start = qualifier.map_or(i, |q| q.0);
        used[i..=last].fill(true);
        out.push(Found {
            value: Value::Number {
                value,
                qualifier: qualifier.map(|q| q.1),
                word,
                form,
            },
            // A leading point belongs to the number (`.5%`).
            range: w.toks[start].range.start - usize::from(start == i && w.leading_point(i))..end,
            token: start,
        });
        i = last + 1;
    }
}

/// The value of an ordinal written with digits and an ending (`1st`, `2º`, `3er`), folded.
fn digit_ordinal(folded: &str, tables: &Tables) -> Option<Decimal> {
    let digits = folded.len()
        - folded
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .len();
    if digits == 0 || digits > 4 {
        return None;
    }
    let (number, ending) = folded.split_at(digits);
    tables
        .ordinal_suffixes
        .contains(&ending)
        .then(|| Decimal::parse(number))
        .flatten()
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

/// Roman numerals up to 39 (`II`, `IV`, `XII`) are numbering, not acronyms.
fn is_roman(key: &str) -> bool {
    let rest = key.trim_start_matches('X');
    key.len() - rest.len() <= 3
        && matches!(
            rest,
            "" | "I" | "II" | "III" | "IV" | "V" | "VI" | "VII" | "VIII" | "IX"
        )
}

fn acronyms(w: &Words<'_>, out: &mut Vec<Found>) {
    let count = w
        .toks
        .iter()
        .filter(|t| t.kind == TokenKind::Acronym)
        .count();
    // A sentence set in capitals has no acronyms to tell apart.
    if count * 2 > w.toks.len() {
        return;
    }
    for (i, t) in w.toks.iter().enumerate() {
        let letters = t.key.chars().filter(|c| c.is_alphabetic()).count();
        let digits = t.key.chars().any(|c| c.is_ascii_digit());
        if t.kind == TokenKind::Acronym
            && !is_roman(&t.key)
            && (letters >= 2 || (letters == 1 && digits))
        {
            out.push(Found {
                value: Value::Acronym(t.key.clone()),
                range: t.range.clone(),
                token: i,
            });
        }
    }
}

fn instruments(w: &Words<'_>, tables: &Tables, out: &mut Vec<Found>) {
    let mut i = 0;
    while i < w.toks.len() {
        match w.table_at(i, tables.instruments) {
            Some((len, tag, _)) => {
                if !tag.is_empty() {
                    out.push(Found {
                        value: Value::Instrument(tag),
                        range: w.span(i, i + len - 1),
                        token: i,
                    });
                }
                i += len;
            }
            None => i += 1,
        }
    }
}

fn modals(w: &Words<'_>, tables: &Tables, out: &mut Vec<Found>) {
    let mut found: Vec<Found> = Vec::new();
    let mut i = 0;
    while i < w.toks.len() {
        if let Some((len, m, _)) = w.table_at(i, tables.modals) {
            found.push(Found {
                value: Value::Modal(m),
                range: w.span(i, i + len - 1),
                token: i,
            });
            i += len;
            continue;
        }
        let raw = w.text[w.toks[i].range.clone()].to_lowercase();
        if w.toks[i].kind == TokenKind::Word
            && raw.chars().count() >= 5
            && tables.future_endings.iter().any(|e| raw.ends_with(e))
        {
            found.push(Found {
                value: Value::Modal(Modality::Committed),
                range: w.toks[i].range.clone(),
                token: i,
            });
        }
        i += 1;
    }
    // `corridors that could support trade`: "may" in a relative clause describes.
    found.retain(|f| {
        f.value != Value::Modal(Modality::Possible) || !in_relative_clause(w, tables, f.token)
    });
    // `will explore`: a commitment to look into something is tentative.
    let tentative: Vec<usize> = found
        .iter()
        .filter(|f| f.value == Value::Modal(Modality::Tentative))
        .map(|f| f.token)
        .collect();
    found.retain(|f| {
        !(f.value == Value::Modal(Modality::Committed)
            && tentative.iter().any(|&t| t > f.token && t <= f.token + 3))
    });
    out.extend(found);
}

/// Whether token `i` stands in a relative clause: one of the few words before it in its clause
/// opens one.
fn in_relative_clause(w: &Words<'_>, tables: &Tables, i: usize) -> bool {
    const REACH: usize = 5;
    let mut k = i;
    while k > 0 && i - k < REACH {
        let gap = &w.text[w.toks[k - 1].range.end..w.toks[k].range.start];
        if gap.contains([',', ';', ':', '(', ')']) {
            return false;
        }
        k -= 1;
        if tables.relative_words.contains(&w.folded[k].as_str()) {
            return true;
        }
    }
    false
}

/// Runs of two or more capitalised words or acronyms, with connectors between them, not
/// counting a sentence's first word alone.
fn names(w: &Words<'_>, tables: &Tables, out: &mut Vec<Found>) {
    let toks = &w.toks;
    let capital = |i: usize| {
        !toks[i].stop
            && w.text[toks[i].range.clone()]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    };
    // Only spaces (or a hyphen) between the words of a name.
    let joined = |a: usize, b: usize| w.between(a, b).chars().all(|c| c == ' ' || c == '-');
    let mut i = 0;
    while i < toks.len() {
        if !capital(i) {
            i += 1;
            continue;
        }
        let (start, mut end, mut capitals) = (i, i, 1);
        loop {
            let mut k = end + 1;
            while k < toks.len()
                && tables
                    .name_connectors
                    .contains(&&w.text[toks[k].range.clone()])
            {
                k += 1;
            }
            if k < toks.len() && capital(k) && (end + 1..=k).all(|x| joined(x - 1, x)) {
                end = k;
                capitals += 1;
            } else {
                break;
            }
        }
        // The sentence's first word is capitalised anyway: it must be followed by two more.
        if capitals >= if start == 0 { 3 } else { 2 } {
            let from = if start == 0 { 1 } else { start };
            out.push(Found {
                value: Value::Name,
                range: w.span(from, end),
                token: from,
            });
        }
        i = end + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str, lang: Lang) -> Vec<(Value, &str)> {
        extract(text, lang, Some(2025))
            .into_iter()
            .map(|f| {
                let r = f.range.clone();
                (f.value, &text[r])
            })
            .collect()
    }

    fn date(
        year: i32,
        month: Option<u8>,
        day: Option<u8>,
        bound: Option<Bound>,
        relative: bool,
    ) -> Value {
        Value::Date {
            year,
            month,
            day,
            bound,
            relative,
        }
    }

    #[test]
    fn deadlines_in_both_languages_normalise_alike() {
        let en = values("They will sign it by March 31, 2026.", Lang::En);
        assert!(
            en.contains(&(
                date(2026, Some(3), Some(31), Some(Bound::By), false),
                "by March 31, 2026"
            )),
            "{en:?}"
        );
        let es = values("Lo firmarán antes del 31 de marzo de 2026.", Lang::Es);
        assert!(
            es.contains(&(
                date(2026, Some(3), Some(31), Some(Bound::By), false),
                "antes del 31 de marzo de 2026"
            )),
            "{es:?}"
        );
        let en = values("to be signed by the end of 2025", Lang::En);
        assert_eq!(
            en[0],
            (
                date(2025, None, None, Some(Bound::By), false),
                "by the end of 2025"
            )
        );
        let es = values("antes de que concluya el 2025", Lang::Es);
        assert_eq!(
            es[0],
            (
                date(2025, None, None, Some(Bound::By), false),
                "antes de que concluya el 2025"
            )
        );
        let es = values("cuya firma concluirá este mismo año", Lang::Es);
        assert!(
            es.contains(&(date(2025, None, None, None, true), "este mismo año")),
            "{es:?}"
        );
        let en = values("since 2014 and 2026-01-15", Lang::En);
        assert_eq!(
            en[0],
            (
                date(2014, None, None, Some(Bound::Since), false),
                "since 2014"
            )
        );
        assert_eq!(
            en[1],
            (date(2026, Some(1), Some(15), None, false), "2026-01-15")
        );
    }

    fn num(value: &str, qualifier: Option<Qualifier>, word: bool) -> Value {
        Value::Number {
            value: Decimal::parse(value).unwrap(),
            qualifier,
            word,
            form: NumberForm::Count,
        }
    }

    #[test]
    fn periods_and_numbers() {
        let en = values(
            "The Action Plan 2025-2028 has four pillars and over 50 years of 1,200 workers.",
            Lang::En,
        );
        let v: Vec<&Value> = en.iter().map(|(v, _)| v).collect();
        assert!(v.contains(&&Value::Period {
            from: 2025,
            to: 2028
        }));
        assert!(v.contains(&&num("4", None, true)));
        assert!(v.contains(&&num("50", Some(Qualifier::More), false)));
        assert!(v.contains(&&num("1200", None, false)));
        let es = values(
            "cuatro pilares, más de 50 años, 1.200 trabajadores y 3 mil millones de dólares",
            Lang::Es,
        );
        let v: Vec<&Value> = es.iter().map(|(v, _)| v).collect();
        assert!(v.contains(&&num("4", None, true)));
        assert!(v.contains(&&num("50", Some(Qualifier::More), false)));
        assert!(v.contains(&&num("1200", None, false)));
        assert!(v.contains(&&num("3000000000", None, false)), "{v:?}");
        // A plural scale word scales by its singular: `2,5 millones`.
        let es = values("2,5 millones de dólares y 0,1 billones", Lang::Es);
        let v: Vec<&Value> = es.iter().map(|(v, _)| v).collect();
        assert_eq!(
            v,
            [
                &num("2500000", None, false),
                &num("100000000000", None, false)
            ]
        );
        // `los dos países` means both countries.
        assert!(values("los dos países", Lang::Es).is_empty());
    }

    #[test]
    fn acronyms_instruments_and_modality() {
        let en = values(
            "Under CUSMA and pillar II, Canada will sign a Memorandum of Collaboration.",
            Lang::En,
        );
        let v: Vec<&Value> = en.iter().map(|(v, _)| v).collect();
        assert!(v.contains(&&Value::Acronym("CUSMA".into())));
        assert!(!v.contains(&&Value::Acronym("II".into())));
        assert!(v.contains(&&Value::Instrument("moc")));
        assert!(v.contains(&&Value::Modal(Modality::Committed)));
        let es = values(
            "Ambos países podrán impulsar un memorándum de entendimiento de acuerdo con el T-MEC.",
            Lang::Es,
        );
        let v: Vec<&Value> = es.iter().map(|(v, _)| v).collect();
        assert!(v.contains(&&Value::Modal(Modality::Possible)));
        assert!(!v.contains(&&Value::Modal(Modality::Committed)));
        assert!(v.contains(&&Value::Instrument("mou")));
        assert!(
            !v.contains(&&Value::Instrument("agreement")),
            "de acuerdo con is not an agreement"
        );
        assert!(v.contains(&&Value::Acronym("TMEC".into())));
        // The Spanish future commits; `will explore` only intends.
        let es = values("México y Canadá colaborarán.", Lang::Es);
        assert_eq!(es, [(Value::Modal(Modality::Committed), "colaborarán")]);
        let en = values("Both will explore options.", Lang::En);
        assert_eq!(en, [(Value::Modal(Modality::Tentative), "explore")]);
    }

    #[test]
    fn ordinals_and_percentages() {
        let numbers = |text: &str, lang: Lang| -> Vec<(String, NumberForm, String)> {
            values(text, lang)
                .into_iter()
                .filter_map(|(v, t)| match v {
                    Value::Number { value, form, .. } => {
                        Some((value.to_string(), form, t.to_string()))
                    }
                    _ => None,
                })
                .collect()
        };
        use NumberForm::{Count, Ordinal, Percent};
        assert_eq!(
            numbers(
                "The 3rd meeting cut costs by 50% and the second by 12 percent.",
                Lang::En
            ),
            [
                ("3".into(), Ordinal, "3rd".into()),
                ("50".into(), Percent, "50%".into()),
                ("2".into(), Ordinal, "second".into()),
                ("12".into(), Percent, "12 percent".into()),
            ]
        );
        assert_eq!(
            numbers(
                "La 3.ª reunión y el 1er informe: 50\u{a0}% y 12 por ciento de 40 casos.",
                Lang::Es
            ),
            [
                ("3".into(), Ordinal, "3.ª".into()),
                ("1".into(), Ordinal, "1er".into()),
                ("50".into(), Percent, "50\u{a0}%".into()),
                ("12".into(), Percent, "12 por ciento".into()),
                ("40".into(), Count, "40".into()),
            ]
        );
    }

    #[test]
    fn a_leading_point_and_a_zero_before_a_separator_make_decimals() {
        let v = values("Cut .5% of 0,500 and 0.250 of 2.000 (not.5).", Lang::Es);
        let percent = Value::Number {
            value: Decimal::parse("0.5").unwrap(),
            qualifier: None,
            word: false,
            form: NumberForm::Percent,
        };
        assert_eq!(
            v,
            [
                (percent, ".5%"),
                (num("0.5", None, false), "0,500"),
                (num("0.25", None, false), "0.250"),
                (num("2000", None, false), "2.000"),
                (num("5", None, false), "5"),
            ]
        );
    }

    #[test]
    fn may_in_a_relative_clause_describes_rather_than_weakens() {
        let modals = |text: &str, lang: Lang| -> Vec<&'static str> {
            values(text, lang)
                .iter()
                .filter_map(|(v, _)| match v {
                    Value::Modal(Modality::Possible) => Some("possible"),
                    Value::Modal(Modality::Committed) => Some("committed"),
                    Value::Modal(Modality::Tentative) => Some("tentative"),
                    _ => None,
                })
                .collect()
        };
        let text = "Both will build corridors that could support trade.";
        assert_eq!(modals(text, Lang::En), ["committed"]);
        let text = "The programme, which began in 1974, can grow.";
        assert_eq!(
            modals(text, Lang::En),
            ["possible"],
            "a comma closes the clause"
        );
        assert_eq!(modals("Both may build corridors.", Lang::En), ["possible"]);
        let text = "Se crearán mecanismos que podrán apoyar el comercio.";
        assert_eq!(modals(text, Lang::Es), ["committed"]);
        assert_eq!(
            modals("Ambos podrán apoyar el comercio.", Lang::Es),
            ["possible"]
        );
    }

    #[test]
    fn names_take_connectors_but_not_and() {
        let names = |text: &'static str, lang| -> Vec<&'static str> {
            values(text, lang)
                .into_iter()
                .filter(|(v, _)| *v == Value::Name)
                .map(|(_, t)| t)
                .collect()
        };
        assert_eq!(
            names(
                "Canada and Mexico thank the National Commission of Natural Protected Areas.",
                Lang::En
            ),
            ["National Commission of Natural Protected Areas"]
        );
        assert_eq!(
            names(
                "Con Parques Canadá y la Secretaría de Economía de México.",
                Lang::Es
            ),
            ["Parques Canadá", "Secretaría de Economía de México"]
        );
    }
}
