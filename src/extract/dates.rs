//! Dates and deadlines: full dates in either order (`March 31, 2026`, `31 de marzo de 2026`),
//! ISO dates, months and years, spans of years (`2025-2028`), years relative to the
//! document's date (`this year`), each with the bound a phrase before it sets (`by`, `antes
//! de`).

use super::{Found, Value, Words};
use crate::lang::Tables;
use crate::tokens::{Token, TokenKind};

/// The year a token states: four digits from 1900 to 2100, written without a thousands
/// separator (`2.000` and `1,999` are amounts).
fn is_year(t: &Token) -> Option<i32> {
    if t.kind != TokenKind::Number || t.key.len() != 4 || t.range.len() != 4 {
        return None;
    }
    let y: i32 = t.key.parse().ok()?;
    (1900..=2100).contains(&y).then_some(y)
}

/// The whole number a token states when it is from 1 to `max` (a day, a month).
fn small_int(t: &Token, max: u32) -> Option<u32> {
    if t.kind != TokenKind::Number {
        return None;
    }
    t.key.parse::<u32>().ok().filter(|v| (1..=max).contains(v))
}

/// Dates, periods and relative years, in order; their tokens are marked `used`.
pub(super) fn dates(
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
        if let Some((len, offset, _)) = w.table_at(i, &tables.relative_years) {
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
        // `2000MiB`: an amount. (`2000 years` may be either.)
        if w.unit_symbol_after(i) {
            i += 1;
            continue;
        }
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

#[cfg(test)]
mod tests {
    use super::super::tests::values;
    use super::*;
    use crate::lang::{Bound, Lang};

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
}
