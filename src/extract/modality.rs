//! Modality: how strongly a sentence commits (`will`, `shall`, the Spanish future: committed;
//! `may`, `podrán`: possible; `explore`, `seek to`: tentative).

use super::{Found, Value, Words};
use crate::lang::{Modality, Tables};
use crate::tokens::TokenKind;

/// Modal words and phrases and the future tense, with their strength; `may` in a relative
/// clause and a commitment to something tentative (`will explore`) left out.
pub(super) fn modals(w: &Words<'_>, tables: &Tables, out: &mut Vec<Found>) {
    let mut found: Vec<Found> = Vec::new();
    let mut i = 0;
    while i < w.toks.len() {
        if let Some((len, m, _)) = w.table_at(i, &tables.modals) {
            // `May 13`, `Will Smith`: a capital inside a sentence, or a number after it, makes
            // the word a name or a month.
            let text = &w.text[w.toks[i].range.clone()];
            let capital = text.chars().next().is_some_and(char::is_uppercase)
                && !text.chars().all(char::is_uppercase);
            let number_after = w
                .toks
                .get(i + len)
                .is_some_and(|t| t.kind == TokenKind::Number);
            // `"Recommends"`: a word in quotes is named, not used.
            let range = w.span(i, i + len - 1);
            let quoted = w.text[..range.start].ends_with(['"', '«', '“', '\'', '‘'])
                && w.text[range.end..].starts_with(['"', '»', '”', '\'', '’']);
            // `buscará el archivo`, `seeks the file`: a verb of effort without an infinitive
            // after it searches.
            let effort_without_infinitive = m == Modality::Endeavour
                && len == 1
                && !(tables.infinitive_markers.is_empty() && tables.infinitive_endings.is_empty())
                && !w.folded.get(i + 1).is_some_and(|next| {
                    tables.infinitive_markers.contains(&next.as_str())
                        || (next.chars().count() >= 4
                            && tables.infinitive_endings.iter().any(|e| next.ends_with(e)))
                });
            if (len == 1 && capital && (i > 0 || number_after))
                || quoted
                || effort_without_infinitive
            {
                i += 1;
                continue;
            }
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
        !matches!(
            f.value,
            Value::Modal(Modality::Possible) | Value::Modal(Modality::Able)
        ) || !in_relative_clause(w, tables, f.token)
    });
    // `will explore`: a commitment to look into something is tentative.
    let tentative: Vec<usize> = found
        .iter()
        .filter(|f| {
            matches!(
                f.value,
                Value::Modal(Modality::Tentative) | Value::Modal(Modality::Endeavour)
            )
        })
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

#[cfg(test)]
mod tests {
    use super::super::tests::values;
    use super::*;
    use crate::lang::Lang;

    /// The modal values of `text`, in order.
    fn modals(text: &str, lang: Lang) -> Vec<Value> {
        values(text, lang)
            .into_iter()
            .map(|(v, _)| v)
            .filter(|v| matches!(v, Value::Modal(_)))
            .collect()
    }

    #[test]
    fn words_that_require_recommend_or_leave_optional_are_modals_but_not_in_quotes() {
        assert_eq!(
            modals(
                "The binary target is mandatory; the clean target is optional.",
                Lang::En
            ),
            [
                Value::Modal(Modality::Committed),
                Value::Modal(Modality::Possible)
            ]
        );
        assert_eq!(
            modals(
                "Exigimos crear una configuración de arranque dual.",
                Lang::Es
            ),
            [Value::Modal(Modality::Committed)]
        );
        assert_eq!(
            modals(
                "Le recomiendo crear una configuración de arranque dual.",
                Lang::Es
            ),
            [Value::Modal(Modality::Advised)]
        );
        // A verb of effort with no infinitive after it searches.
        assert_eq!(
            modals("El programa buscará el archivo en el directorio.", Lang::Es),
            []
        );
        assert_eq!(
            modals("Ambos países buscarán fortalecer la cooperación.", Lang::Es),
            [Value::Modal(Modality::Endeavour)]
        );
        assert_eq!(modals("The installer seeks the disk.", Lang::En), []);
        assert_eq!(
            modals("Both countries seek to strengthen cooperation.", Lang::En),
            [Value::Modal(Modality::Endeavour)]
        );
        // A field named in quotes commits to nothing.
        assert_eq!(
            modals("The \"Recommends\" field lists packages.", Lang::En),
            []
        );
        assert_eq!(
            modals("El campo «recomienda» enumera paquetes.", Lang::Es),
            []
        );
    }

    #[test]
    fn commitments_possibilities_and_intentions() {
        let en = "Under CUSMA and pillar II, Canada will sign a Memorandum of Collaboration.";
        assert_eq!(modals(en, Lang::En), [Value::Modal(Modality::Committed)]);
        let es =
            "Ambos países podrán impulsar un memorándum de entendimiento de acuerdo con el T-MEC.";
        assert_eq!(modals(es, Lang::Es), [Value::Modal(Modality::Possible)]);
        // The Spanish future commits; `will explore` only intends.
        let es = values("México y Canadá colaborarán.", Lang::Es);
        assert_eq!(es, [(Value::Modal(Modality::Committed), "colaborarán")]);
        let en = values("Both will explore options.", Lang::En);
        assert_eq!(en, [(Value::Modal(Modality::Tentative), "explore")]);
    }

    #[test]
    fn a_capitalised_modal_inside_a_sentence_is_a_month_or_a_name() {
        // A login banner quoted in the Debian Reference.
        let found = values("Last login: Thu May 13 08:47:13 JST 2021 on tty1", Lang::En);
        assert!(
            !found.iter().any(|(v, _)| matches!(v, Value::Modal(_))),
            "{found:?}"
        );
        let found = values("May 13 is the deadline.", Lang::En);
        assert!(!found.iter().any(|(v, _)| matches!(v, Value::Modal(_))));
        // At the head of a sentence it is the modal.
        let found = values("May the parties agree, they will sign.", Lang::En);
        assert!(found
            .iter()
            .any(|(v, t)| matches!(v, Value::Modal(Modality::Possible)) && *t == "May"));
    }

    #[test]
    fn may_in_a_relative_clause_describes_rather_than_weakens() {
        let modals = |text: &str, lang: Lang| -> Vec<&'static str> {
            values(text, lang)
                .iter()
                .filter_map(|(v, _)| match v {
                    Value::Modal(Modality::Possible) => Some("possible"),
                    Value::Modal(Modality::Able) => Some("able"),
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
            ["able"],
            "a comma closes the clause"
        );
        let text = "Both will build corridors that can support trade.";
        assert_eq!(modals(text, Lang::En), ["committed"]);
        assert_eq!(modals("Both may build corridors.", Lang::En), ["possible"]);
        let text = "Se crearán mecanismos que podrán apoyar el comercio.";
        assert_eq!(modals(text, Lang::Es), ["committed"]);
        assert_eq!(
            modals("Ambos podrán apoyar el comercio.", Lang::Es),
            ["possible"]
        );
    }
}
