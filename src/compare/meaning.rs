//! Opposite meanings: an aligned pair whose sides stand at opposite ends of one scale
//! (`installed` against `eliminados`, `the first program` against `el último programa`).

use super::{words_of, Context, Draft, Piece};
use crate::divergence::{DivergenceKind, Severity};
use crate::lang::{Pole, Tables};
use crate::tokens::fold;

/// A word of a sentence on a scale of the language's `opposites` table.
struct Polar {
    piece: Piece,
    scale: &'static str,
    pole: Pole,
}

impl Context<'_, '_, '_> {
    /// Scales on which the two sides stand at opposite ends only: one side's words all at one
    /// end, the other's all at the other. A negation on one side only turns a word around
    /// (`not installed`, `no se instala`): such pairs are left to the negation check.
    pub(super) fn opposites(&self, p: usize, sentences: [&[usize]; 2], out: &mut Vec<Draft>) {
        let polar = [0, 1].map(|side| self.polar_words(side, sentences[side]));
        if polar.iter().any(Vec::is_empty) {
            return;
        }
        let negated = [0, 1].map(|side| !self.negations(side, sentences[side]).is_empty());
        if negated[0] != negated[1] {
            return;
        }
        let mut scales: Vec<&str> = polar[0].iter().map(|w| w.scale).collect();
        scales.sort_unstable();
        scales.dedup();
        for scale in scales {
            let ends = |side: usize| -> Option<&Polar> {
                let mut on = polar[side].iter().filter(|w| w.scale == scale);
                let first = on.next()?;
                on.all(|w| w.pole == first.pole).then_some(first)
            };
            let (Some(a), Some(b)) = (ends(0), ends(1)) else {
                continue;
            };
            if a.pole == b.pole {
                continue;
            }
            let message = format!(
                "opposite meanings: \"{}\" in {}, \"{}\" in {}",
                self.text_of(0, &a.piece),
                self.name(0),
                self.text_of(1, &b.piece),
                self.name(1)
            );
            out.push(Draft::new(
                DivergenceKind::Meaning,
                Severity::Warning,
                Some(p),
                [Some(a.piece.clone()), Some(b.piece.clone())],
                message,
                0.6,
            ));
            // One opposite is enough to send the reviewer to the pair.
            return;
        }
    }

    /// The words of sentences `idx` of `side` that stand on a scale, with their ends.
    fn polar_words(&self, side: usize, idx: &[usize]) -> Vec<Polar> {
        let tables = self.doc(side).lang().tables();
        let mut found = Vec::new();
        for &i in idx {
            let text = self.doc(side).sentences()[i].text();
            let words = words_of(text);
            let folded: Vec<String> = words.iter().map(|(_, w)| fold(w)).collect();
            let shielded = shielded_words(&folded, tables);
            for (k, &(start, word)) in words.iter().enumerate() {
                if shielded[k] || !prose(text, start, word) {
                    continue;
                }
                // `sin montar`, `without mounting`: what a word's absence says is left to
                // the negation check (a translation may turn `unmounted` into it).
                if folded[k.saturating_sub(2)..k]
                    .iter()
                    .any(|w| tables.negative_words.contains(&w.as_str()))
                {
                    continue;
                }
                let piece = || Piece {
                    sentence: i,
                    range: start..start + word.len(),
                };
                let mut on_table = false;
                for (scale, pole) in tables.opposites.matching(&folded[k]) {
                    on_table = true;
                    found.push(Polar {
                        piece: piece(),
                        scale,
                        pole,
                    });
                }
                // `riskier than`: a comparative with its marker says `more`.
                if !on_table && comparative(&folded, k, tables) {
                    found.push(Polar {
                        piece: piece(),
                        scale: "more",
                        pole: Pole::Plus,
                    });
                }
            }
        }
        found
    }
}

/// Whether `word`, at byte `start` of `text`, is prose rather than part of a name, option or
/// path (`--decrypt`, `archivo_cifrado.gpg`, `/etc/init.d/stop`): the white-space-delimited
/// token around it holds only letters and a closing punctuation mark.
fn prose(text: &str, start: usize, word: &str) -> bool {
    let before = text[..start]
        .chars()
        .rev()
        .take_while(|c| !c.is_whitespace());
    let after = text[start + word.len()..]
        .chars()
        .take_while(|c| !c.is_whitespace());
    let glue = |c: char| matches!(c, '_' | '/' | '-' | '=' | '.' | '@' | '$' | '%' | '#');
    let leading_ok = before.into_iter().all(|c| !glue(c) && !c.is_alphanumeric());
    let rest: String = after.collect();
    let trailing = rest.trim_end_matches(|c: char| ".,;:!?)»\"'”’".contains(c));
    leading_ok && !trailing.contains(glue) && !trailing.contains(char::is_alphanumeric)
}

/// Per word of `folded`, whether it stands in one of the language's `not_opposites` phrases.
fn shielded_words(folded: &[String], tables: &Tables) -> Vec<bool> {
    let mut shielded = vec![false; folded.len()];
    for phrase in tables.not_opposites {
        let parts: Vec<&str> = phrase.split(' ').collect();
        if parts.len() > folded.len() {
            continue;
        }
        for start in 0..=folded.len() - parts.len() {
            if parts
                .iter()
                .zip(&folded[start..])
                .all(|(part, word)| part == word)
            {
                shielded[start..start + parts.len()].fill(true);
            }
        }
    }
    shielded
}

/// Whether word `k` of `folded` is a comparative in `-er` followed by one of the language's
/// comparative markers (`riskier than`, `larger than`).
fn comparative(folded: &[String], k: usize, tables: &Tables) -> bool {
    let word = folded[k].as_str();
    word.len() >= 5
        && word.ends_with("er")
        && !tables.not_comparatives.contains(&word)
        && folded
            .get(k + 1)
            .is_some_and(|next| tables.comparative_markers.contains(&next.as_str()))
}

#[cfg(test)]
mod tests {
    use super::{comparative, shielded_words};
    use crate::lang::Lang;
    use crate::tokens::fold;

    fn folded(text: &str) -> Vec<String> {
        text.split(' ').map(fold).collect()
    }

    #[test]
    fn shield_phrases_hide_their_words_only() {
        let es = Lang::Es.tables();
        let words = folded("no se instala a menos que haya más espacio");
        let shielded = shielded_words(&words, es);
        let hidden: Vec<&str> = words
            .iter()
            .zip(&shielded)
            .filter(|(_, s)| **s)
            .map(|(w, _)| w.as_str())
            .collect();
        assert_eq!(hidden, ["a", "menos", "que"]);
    }

    #[test]
    fn english_comparatives_before_than_say_more() {
        let en = Lang::En.tables();
        let words = folded("mixing is riskier than running other than that");
        assert!(comparative(&words, 2, en), "riskier than");
        assert!(!comparative(&words, 5, en), "other than");
        assert!(!comparative(&words, 0, en), "no marker after mixing");
        let es = Lang::Es.tables();
        assert!(
            !comparative(&folded("poder than"), 0, es),
            "no markers in Spanish"
        );
    }
}
