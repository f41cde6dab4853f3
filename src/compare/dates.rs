//! Dates and deadlines: the same date and the same kind of bound on both sides.

use super::pairing::in_order;
use super::{Context, Draft, Located};
use crate::divergence::{DivergenceKind, Severity};
use crate::extract::Value;
use crate::lang::{Bound, DatePart};
use crate::tokens::fold;
use std::collections::HashMap;

impl Context<'_, '_, '_> {
    pub(super) fn dates(&self, p: usize, en: &[Located], es: &[Located], out: &mut Vec<Draft>) {
        let (fe, fs) = (DateFact::all(en), DateFact::all(es));
        let mut used = vec![false; fs.len()];
        let mut lonely_en: Vec<&DateFact> = Vec::new();
        let mut spanish = DateIndex::new(&fs);
        for a in &fe {
            // The most specific compatible fact.
            let Some(j) = spanish.take_best(a) else {
                lonely_en.push(a);
                continue;
            };
            used[j] = true;
            let b = &fs[j];
            // `early 2006` against `finales de 2006`: the same year, another part of it.
            if let (Some((x, px)), Some((y, py))) = (self.date_part(0, a), self.date_part(1, b)) {
                if x != y {
                    let message = format!(
                        "the date is placed differently in its {}: \"{px}\" in {}, \"{py}\" in {}",
                        if a.month.is_some() { "month" } else { "year" },
                        self.name(0),
                        self.name(1)
                    );
                    out.push(Draft::new(
                        DivergenceKind::Date,
                        Severity::Warning,
                        Some(p),
                        [Some(a.at.piece()), Some(b.at.piece())],
                        message,
                        0.7,
                    ));
                }
            }
            if let (Some(x), Some(y)) = (a.bound, b.bound) {
                let same = x == y
                    || matches!(
                        (x, y),
                        (Bound::By, Bound::Until)
                            | (Bound::Until, Bound::By)
                            | (Bound::Since, Bound::After)
                            | (Bound::After, Bound::Since)
                    );
                if !same {
                    let message = format!(
                        "the date is bounded differently: {} in {}, {} in {}",
                        bound_name(x),
                        self.name(0),
                        bound_name(y),
                        self.name(1)
                    );
                    let pieces = [Some(a.at.piece()), Some(b.at.piece())];
                    out.push(Draft::new(
                        DivergenceKind::Date,
                        Severity::Warning,
                        Some(p),
                        pieces,
                        message,
                        0.7,
                    ));
                }
            }
        }
        let mut lonely_es: Vec<&DateFact> = fs
            .iter()
            .zip(&used)
            .filter(|(_, u)| !**u)
            .map(|(f, _)| f)
            .collect();
        // A period counted as two years is reported once.
        lonely_en.dedup_by(|a, b| {
            a.at.sentence == b.at.sentence && a.at.found.range == b.at.found.range
        });
        lonely_es.dedup_by(|a, b| {
            a.at.sentence == b.at.sentence && a.at.found.range == b.at.found.range
        });
        for (a, b) in in_order(&lonely_en, &lonely_es) {
            let (severity, message) = match (a, b) {
                (Some(a), Some(b)) => (
                    Severity::Error,
                    format!(
                        "the date differs: {} in {}, {} in {}",
                        a.show(),
                        self.name(0),
                        b.show(),
                        self.name(1)
                    ),
                ),
                (Some(a), None) => (
                    Severity::Warning,
                    format!(
                        "the date {} of the {} version is missing in the {}",
                        a.show(),
                        self.name(0),
                        self.name(1)
                    ),
                ),
                (None, Some(b)) => (
                    Severity::Warning,
                    format!(
                        "the date {} of the {} version is missing in the {}",
                        b.show(),
                        self.name(1),
                        self.name(0)
                    ),
                ),
                (None, None) => continue,
            };
            out.push(Draft::new(
                DivergenceKind::Date,
                severity,
                Some(p),
                [a.map(|f| f.at.piece()), b.map(|f| f.at.piece())],
                message,
                0.85,
            ));
        }
    }
}

impl Context<'_, '_, '_> {
    /// The part of its year or month that date `f` of `side` names (`early 2006`, `finales de
    /// 2006`), with the words that name it: a phrase of the language's `date_parts` ending at
    /// most a word before the date's number.
    fn date_part(&self, side: usize, f: &DateFact) -> Option<(DatePart, String)> {
        let text = self.doc(side).sentences().get(f.at.sentence)?.text();
        let end = f.at.found.range.end;
        let before = fold(text.get(..end)?);
        // The date's own words, and one word before them (`the end of 2025`, `mid-2025`).
        let own = fold(text.get(f.at.found.range.clone())?);
        let reach = own.len() + 2;
        self.doc(side)
            .lang()
            .tables()
            .date_parts
            .iter()
            .filter_map(|&(phrase, part)| {
                let at = before.rfind(phrase)?;
                let whole = before[..at]
                    .chars()
                    .last()
                    .is_none_or(|c| !c.is_alphanumeric())
                    && before[at + phrase.len()..]
                        .chars()
                        .next()
                        .is_some_and(|c| !c.is_alphanumeric());
                let near = before.len() - (at + phrase.len()) <= reach;
                (whole && near).then(|| (at, part, phrase.to_string()))
            })
            .max_by_key(|(at, _, phrase)| (*at + phrase.len(), phrase.len()))
            .map(|(_, part, phrase)| (part, phrase))
    }
}

/// A date, year or end of a period stated in a sentence.
pub(super) struct DateFact {
    at: Located,
    year: i32,
    month: Option<u8>,
    day: Option<u8>,
    bound: Option<Bound>,
}

impl DateFact {
    /// The date facts among `values`; a period gives one per year.
    fn all(values: &[Located]) -> Vec<DateFact> {
        let mut v = Vec::new();
        for l in values {
            match l.found.value {
                Value::Date {
                    year,
                    month,
                    day,
                    bound,
                    ..
                } => v.push(DateFact {
                    at: l.clone(),
                    year,
                    month,
                    day,
                    bound,
                }),
                Value::Period { from, to } => {
                    for year in [from, to] {
                        v.push(DateFact {
                            at: l.clone(),
                            year,
                            month: None,
                            day: None,
                            bound: None,
                        });
                    }
                }
                _ => {}
            }
        }
        v
    }

    /// Whether a fact of the same year with this `month` and `day` fits this one: the same
    /// month and day where both state them.
    fn fits(&self, month: Option<u8>, day: Option<u8>) -> bool {
        (self.month.is_none() || month.is_none() || self.month == month)
            && (self.day.is_none() || day.is_none() || self.day == day)
    }

    /// `2026`, `2026-03`, `2026-03-31`.
    fn show(&self) -> String {
        let mut s = self.year.to_string();
        if let Some(m) = self.month {
            s.push_str(&format!("-{m:02}"));
            if let Some(d) = self.day {
                s.push_str(&format!("-{d:02}"));
            }
        }
        s
    }
}

/// The date facts of one side, by year and then by month and day, each list in order, for
/// [`DateIndex::take_best`].
pub(super) struct DateIndex {
    by_year: HashMap<i32, DaysOfYear>,
}

/// A year's facts (their indexes, in order) by month and day.
pub(super) type DaysOfYear = HashMap<(Option<u8>, Option<u8>), Vec<usize>>;

impl DateIndex {
    fn new(facts: &[DateFact]) -> DateIndex {
        let mut by_year: HashMap<i32, DaysOfYear> = HashMap::new();
        for (j, f) in facts.iter().enumerate() {
            by_year
                .entry(f.year)
                .or_default()
                .entry((f.month, f.day))
                .or_default()
                .push(j);
        }
        DateIndex { by_year }
    }

    /// Takes the fact of `a`'s year that fits it best ([`DateFact::fits`]): the same month, then the same
    /// day, first; among equals, the last in text order. The cost is the number of distinct
    /// months and days of `a`'s year (at most a few hundred), not the number of facts.
    fn take_best(&mut self, a: &DateFact) -> Option<usize> {
        let groups = self.by_year.get_mut(&a.year)?;
        let best = groups
            .iter()
            .filter(|(&(m, d), list)| !list.is_empty() && a.fits(m, d))
            .filter_map(|(&(m, d), list)| Some(((m == a.month, d == a.day), *list.last()?, (m, d))))
            .max_by_key(|&(score, last, _)| (score, last))?;
        groups.get_mut(&best.2)?.pop()
    }
}

pub(super) fn bound_name(b: Bound) -> &'static str {
    match b {
        Bound::By => "a deadline (by)",
        Bound::Since => "a start (since)",
        Bound::During => "a span (during)",
        Bound::Until => "an end (until)",
        Bound::After => "a start (after)",
    }
}
