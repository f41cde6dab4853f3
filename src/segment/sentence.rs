//! Sentence boundaries: Unicode's (UAX #29, from unicode-segmentation) corrected for
//! abbreviations, initialisms and fragments without letters.

use unicode_segmentation::UnicodeSegmentation;

use crate::lang::Tables;

/// Byte ranges of the sentences of `text` (a paragraph with its lines joined), trimmed of
/// surrounding white space.
pub(crate) fn split(text: &str, tables: &Tables) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (start, piece) in text.split_sentence_bound_indices() {
        let lead = piece.len() - piece.trim_start().len();
        let body = piece.trim();
        if body.is_empty() {
            continue;
        }
        let (s, e) = (start + lead, start + lead + body.len());
        let glue = match out.last() {
            Some(&(ps, pe)) => !ends_sentence_here(&text[ps..pe], body, tables),
            None => false,
        };
        if glue {
            out.last_mut().expect("checked above").1 = e;
        } else {
            out.push((s, e));
        }
    }
    out
}

/// Whether the boundary Unicode puts between `prev` and `next` is a real sentence end.
fn ends_sentence_here(prev: &str, next: &str, tables: &Tables) -> bool {
    // Fragments without a letter or digit (a lone dash, quote or bracket) belong to a neighbour.
    if !next.chars().any(char::is_alphanumeric) || !prev.chars().any(char::is_alphanumeric) {
        return false;
    }
    let last = prev.split_whitespace().last().unwrap_or("");
    let last = last.trim_start_matches(['(', '[', '"', '“', '«', '¿', '¡']);
    let next_word = next
        .split(|c: char| c.is_whitespace() || ",;:".contains(c))
        .next()
        .unwrap_or("")
        .trim_start_matches(['(', '"', '“', '«', '¿', '¡']);
    let starter = tables.sentence_starters.contains(&next_word);
    if tables.abbreviations.contains(&last) {
        // `etc.` and similar can end a sentence; titles and references cannot.
        return starter && !last.starts_with(char::is_uppercase);
    }
    if is_initialism(last) {
        return starter;
    }
    true
}

/// `U.S.`, `A.I.`, `E.U.A.`: single letters each followed by a period.
fn is_initialism(word: &str) -> bool {
    let core = word.trim_end_matches([')', ']', '"', '”', '»', ',']);
    let bytes: Vec<char> = core.chars().collect();
    bytes.len() >= 4
        && bytes.len() % 2 == 0
        && bytes.chunks(2).all(|p| p[0].is_alphabetic() && p[1] == '.')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    fn sentences(text: &str, lang: Lang) -> Vec<&str> {
        split(text, lang.tables())
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn abbreviations_and_initialisms_do_not_end_sentences() {
        assert_eq!(
            sentences(
                "Work with the U.S. Government continues. Both countries agree.",
                Lang::En
            ),
            [
                "Work with the U.S. Government continues.",
                "Both countries agree."
            ]
        );
        assert_eq!(
            sentences(
                "Technologies such as A.I. and quantum. The leaders met.",
                Lang::En
            ),
            ["Technologies such as A.I. and quantum.", "The leaders met."]
        );
        assert_eq!(
            sentences("Tools, e.g. Canada's own, help. It works.", Lang::En),
            ["Tools, e.g. Canada's own, help.", "It works."]
        );
        assert_eq!(
            sentences(
                "Lo firmó el Sr. Pérez, según el núm. 5 del acta. Se aprobó.",
                Lang::Es
            ),
            [
                "Lo firmó el Sr. Pérez, según el núm. 5 del acta.",
                "Se aprobó."
            ]
        );
        assert_eq!(
            sentences("Incluye minería, energía, etc. Además, agua.", Lang::Es),
            ["Incluye minería, energía, etc.", "Además, agua."]
        );
    }

    #[test]
    fn decimals_questions_and_stray_spaces() {
        assert_eq!(
            sentences("Over 1.8 million visitors came. More will.", Lang::En),
            ["Over 1.8 million visitors came.", "More will."]
        );
        assert_eq!(
            sentences("¿Qué sigue? Ambos países deciden.", Lang::Es),
            ["¿Qué sigue?", "Ambos países deciden."]
        );
        assert_eq!(
            sentences(
                "a bilateral relationship . Building on this, both act.",
                Lang::En
            ),
            ["a bilateral relationship .", "Building on this, both act."]
        );
    }
}
