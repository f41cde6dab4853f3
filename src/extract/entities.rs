//! Entities: acronyms and codes, kinds of instrument, and names of institutions, programmes and
//! places (runs of capitalised words).

use super::{Found, Value, Words};
use crate::lang::Tables;
use crate::tokens::TokenKind;

/// Roman numerals up to 39 (`II`, `IV`, `XII`) are numbering, not acronyms.
fn is_roman(key: &str) -> bool {
    let rest = key.trim_start_matches('X');
    key.len() - rest.len() <= 3
        && matches!(
            rest,
            "" | "I" | "II" | "III" | "IV" | "V" | "VI" | "VII" | "VIII" | "IX"
        )
}

/// Acronyms and codes (`CUSMA`, `T-MEC`), not Roman numerals; none in a sentence set in
/// capitals.
pub(super) fn acronyms(w: &Words<'_>, out: &mut Vec<Found>) {
    let count = w
        .toks
        .iter()
        .filter(|t| t.kind == TokenKind::Acronym)
        .count();
    // A sentence set in capitals has no acronyms to tell apart; one of a word or two (`(KISS)`)
    // is no such text.
    if count * 2 > w.toks.len() && w.toks.len() >= 3 {
        return;
    }
    for (i, t) in w.toks.iter().enumerate() {
        let letters = t.key.chars().filter(|c| c.is_alphabetic()).count();
        let digits = t.key.chars().any(|c| c.is_ascii_digit());
        // A part of an identifier (`TO_TEXT`, `MAX_SIZE`) is no acronym.
        let in_identifier = w
            .text
            .get(..t.range.start)
            .is_some_and(|b| b.ends_with('_'))
            || w.text
                .get(t.range.end..)
                .is_some_and(|a| a.starts_with('_'));
        if t.kind == TokenKind::Acronym
            && !is_roman(&t.key)
            && !in_identifier
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

/// Kinds of instrument (`memorandum of understanding`, `acuerdo`), by their tags.
pub(super) fn instruments(w: &Words<'_>, tables: &Tables, out: &mut Vec<Found>) {
    let mut i = 0;
    while i < w.toks.len() {
        match w.table_at(i, &tables.instruments) {
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

/// Runs of two or more capitalised words or acronyms, with connectors between them, not
/// counting a sentence's first word alone.
pub(super) fn names(w: &Words<'_>, tables: &Tables, out: &mut Vec<Found>) {
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
    use super::super::tests::values;
    use super::*;
    use crate::lang::Lang;

    #[test]
    fn the_capitals_of_an_identifier_are_no_acronym() {
        // The Debian Reference: `ed` replaces "FROM_REGEX" with "TO_TEXT".
        let found = values(
            "The ed(1) command can replace all instances of FROM_REGEX with TO_TEXT in the NEWS file.",
            Lang::En,
        );
        let acronyms: Vec<&str> = found
            .iter()
            .filter(|(v, _)| matches!(v, Value::Acronym(_)))
            .map(|(_, t)| *t)
            .collect();
        assert_eq!(acronyms, ["NEWS"]);
    }

    #[test]
    fn acronyms_and_instruments() {
        let en = values(
            "Under CUSMA and pillar II, Canada will sign a Memorandum of Collaboration.",
            Lang::En,
        );
        let v: Vec<&Value> = en.iter().map(|(v, _)| v).collect();
        assert!(v.contains(&&Value::Acronym("CUSMA".into())));
        assert!(!v.contains(&&Value::Acronym("II".into())));
        assert!(v.contains(&&Value::Instrument("moc")));
        let es = values(
            "Ambos países podrán impulsar un memorándum de entendimiento de acuerdo con el T-MEC.",
            Lang::Es,
        );
        let v: Vec<&Value> = es.iter().map(|(v, _)| v).collect();
        assert!(v.contains(&&Value::Instrument("mou")));
        assert!(
            !v.contains(&&Value::Instrument("agreement")),
            "de acuerdo con is not an agreement"
        );
        assert!(v.contains(&&Value::Acronym("TMEC".into())));
    }

    #[test]
    fn a_list_of_acronyms_or_an_acronym_alone_is_no_text_set_in_capitals() {
        let acronyms = |text: &'static str, lang| -> Vec<&'static str> {
            values(text, lang)
                .into_iter()
                .filter(|(v, _)| matches!(v, Value::Acronym(_)))
                .map(|(_, t)| t)
                .collect()
        };
        assert_eq!(
            acronyms(
                "Para los dispositivos tipo PCI (AGP, PCI-Express, CardBus, etc.) use lspci(8).",
                Lang::Es
            ),
            ["PCI", "AGP", "PCI"]
        );
        assert_eq!(acronyms("(KISS)", Lang::En), ["KISS"]);
        // Text set in capitals still has none.
        assert_eq!(
            acronyms("MEMORANDUM OF UNDERSTANDING ON LABOUR MOBILITY", Lang::En),
            Vec::<&str>::new()
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
