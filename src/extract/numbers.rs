//! Numbers: digits (exact decimals in either convention), numbers in words (`words`), digits
//! with a scale word (`1.5 billion`), ordinals (`3rd`, `3.º`, `first`) and percentages (`50%`,
//! `12 por ciento`), each with the qualifier before it (`over`, `más de`).

use super::{table_value, whole, words, Decimal, Found, NumberForm, Value, Words};
use crate::lang::Tables;
use crate::tokens::TokenKind;

/// Numbers not inside a date, in order; their tokens are marked `used`.
pub(super) fn numbers(w: &Words<'_>, tables: &Tables, used: &mut [bool], out: &mut Vec<Found>) {
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
        } else if t.kind == TokenKind::Number
            && (footnote_mark(w.text, &t.range)
                || code_part(w.text, &t.range)
                || list_label(w.text, &t.range))
        {
            // `^[80]`: a footnote's number, which versions may count differently; `UTF-8`:
            // part of a code; `…, 4. redirecciones`: a list's label.
            i += 1;
            continue;
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
            if let Some((len, scale)) = w.scale_at(last + 1, &tables.scale_words) {
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

/// Whether the digits at `range` of `text` are a footnote mark as text exports write it,
/// `^[80]`: the number of a note, not a number the text states.
fn footnote_mark(text: &str, range: &std::ops::Range<usize>) -> bool {
    text.get(..range.start).is_some_and(|b| b.ends_with("^["))
        && text.get(range.end..).is_some_and(|a| a.starts_with(']'))
}

/// Whether the digits at `range` end a code after a hyphen (`UTF-8`, `ISO-8859`, `CP-1252`):
/// the code is one name, which the names check compares.
fn code_part(text: &str, range: &std::ops::Range<usize>) -> bool {
    let Some(before) = text.get(..range.start).and_then(|b| b.strip_suffix('-')) else {
        return false;
    };
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '-')
        .collect();
    word.chars().any(char::is_uppercase) && word.chars().all(|c| !c.is_lowercase())
}

/// Whether the digits at `range` label an item of a list run into a sentence (`…, 4.
/// redirecciones, 5. operadores`): one or two digits and a point, at the start or after a
/// comma, semicolon, parenthesis or point, before a word.
fn list_label(text: &str, range: &std::ops::Range<usize>) -> bool {
    let (Some(before), Some(after)) = (text.get(..range.start), text.get(range.end..)) else {
        return false;
    };
    let short = range.len() <= 2;
    let labels = after
        .strip_prefix(". ")
        .is_some_and(|rest| rest.starts_with(char::is_alphabetic));
    let before = before.trim_end();
    let opens = before.is_empty() || before.ends_with([',', ';', ')', '.', ':']);
    short && labels && opens
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

#[cfg(test)]
mod tests {
    use super::super::tests::values;
    use super::*;
    use crate::lang::{Lang, Qualifier};

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
    fn codes_and_run_in_list_labels_are_no_numbers() {
        let texts = |text: &str, lang: Lang| -> Vec<String> {
            values(text, lang)
                .into_iter()
                .filter(|(v, _)| matches!(v, Value::Number { .. }))
                .map(|(_, t)| t.to_string())
                .collect()
        };
        assert_eq!(
            texts(
                "Use the UTF-8 locale and ISO-8859-1 files on 2 disks.",
                Lang::En
            ),
            ["2"]
        );
        assert_eq!(
            texts(
                "1. asignación de variables, 2. nombre de la orden, 3. parámetros (12 como máximo).",
                Lang::Es
            ),
            ["12"]
        );
        // A number after a word, or before a point that ends the text, is a number.
        assert_eq!(texts("See chapter 3. Then go on.", Lang::En), ["3"]);
        assert_eq!(texts("The limit is 16.", Lang::En), ["16"]);
    }

    #[test]
    fn footnote_marks_are_no_numbers() {
        // The New Maintainers' Guide in text: its notes are numbered `^[N]`, and the Spanish
        // edition numbers them one further on from its own extra note.
        let found = values(
            "Vamos a añadir los campos Vcs-* entre las lineas 6 y 7 ^[35].",
            Lang::Es,
        );
        let texts: Vec<&str> = found.iter().map(|(_, t)| *t).collect();
        assert_eq!(texts, ["6", "7"]);
        // A number in brackets without the caret is still one.
        let texts: Vec<String> = values("Véanse las lineas [35] y 7.", Lang::Es)
            .into_iter()
            .map(|(_, t)| t.to_string())
            .collect();
        assert_eq!(texts, ["35", "7"]);
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
}
