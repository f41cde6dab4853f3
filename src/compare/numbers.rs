//! Numbers, amounts and percentages: the same values on both sides.

use super::pairing::{in_order, unmatched_by_key};
use super::{Context, Draft, Located};
use crate::divergence::{DivergenceKind, Severity};
use crate::extract::{NumberForm, Value};

impl Context<'_, '_, '_> {
    pub(super) fn numbers(
        &self,
        p: usize,
        sentences: [&[usize]; 2],
        en: &[Located],
        es: &[Located],
        out: &mut Vec<Draft>,
    ) {
        /// A number of one side: where, its value, its form, and whether written as a word.
        type NumberAt<'l> = (&'l Located, &'l crate::extract::Decimal, NumberForm, bool);
        /// The numbers of `side`: ordinals only, or all but ordinals.
        fn nums(side: &[Located], ordinals: bool) -> Vec<NumberAt<'_>> {
            side.iter()
                .filter_map(|l| match &l.found.value {
                    Value::Number {
                        value, form, word, ..
                    } if (*form == NumberForm::Ordinal) == ordinals => {
                        Some((l, value, *form, *word))
                    }
                    _ => None,
                })
                .collect()
        }
        // Counts and percentages are compared with each other (`50%` against `50` differs);
        // ordinals among themselves, and an ordinal word alone on one side is an idiom more
        // often than a rank (`primer ministro` for `Prime Minister`).
        let mut lonely: Vec<(Vec<NumberAt<'_>>, Vec<NumberAt<'_>>)> = Vec::new();
        for ordinals in [false, true] {
            let (ne, ns) = (nums(en, ordinals), nums(es, ordinals));
            let (lonely_en, lonely_es) =
                unmatched_by_key(&ne, &ns, |x| (x.1.to_string(), form_rank(x.2)));
            let mut lonely_en: Vec<NumberAt<'_>> = lonely_en.into_iter().copied().collect();
            let mut lonely_es: Vec<NumberAt<'_>> = lonely_es.into_iter().copied().collect();
            // `three-dimensional` against `tridimensional`: a number word in a compound is the
            // other side's numeric prefix.
            lonely_en.retain(|x| !self.in_prefixed_word(0, x, sentences[1]));
            lonely_es.retain(|x| !self.in_prefixed_word(1, x, sentences[0]));
            // `two processes` against `los dos procesos` (`both`, not counted): a 2 the other
            // side says as `both` is there.
            lonely_en.retain(|x| !self.two_as_both(x, 1, sentences[1]));
            lonely_es.retain(|x| !self.two_as_both(x, 0, sentences[0]));
            lonely.push((lonely_en, lonely_es));
        }
        // `the 3rd stage` against `la fase 3`: a rank written as a count is the same rank.
        let (counts, ranks) = lonely.split_at_mut(1);
        for (count_side, rank_side) in [
            (&mut counts[0].0, &mut ranks[0].1),
            (&mut counts[0].1, &mut ranks[0].0),
        ] {
            count_side.retain(|c| {
                let at = rank_side.iter().position(|r| r.1 == c.1);
                if let Some(k) = at {
                    rank_side.remove(k);
                }
                at.is_none()
            });
        }
        for (ordinals, (mut lonely_en, mut lonely_es)) in [false, true].into_iter().zip(lonely) {
            if ordinals {
                // A word ordinal counts only against an ordinal the other side has alone.
                let (en_none, es_none) = (lonely_en.is_empty(), lonely_es.is_empty());
                lonely_en.retain(|x| !x.3 || !es_none);
                lonely_es.retain(|x| !x.3 || !en_none);
            }
            // Exact, whatever the length: never `inf`, never rounded.
            let show = |x: &NumberAt<'_>| match x.2 {
                NumberForm::Count => x.1.to_string(),
                NumberForm::Percent => format!("{}%", x.1),
                NumberForm::Ordinal => format!("{} (ordinal)", x.1),
            };
            for (a, b) in in_order(&lonely_en, &lonely_es) {
                let (severity, message) = match (a, b) {
                    (Some(a), Some(b)) => (
                        Severity::Error,
                        format!(
                            "the number differs: {} in {}, {} in {}",
                            show(a),
                            self.name(0),
                            show(b),
                            self.name(1)
                        ),
                    ),
                    (Some(a), None) => (
                        Severity::Warning,
                        format!(
                            "the number {} of the {} version is missing in the {}",
                            show(a),
                            self.name(0),
                            self.name(1)
                        ),
                    ),
                    (None, Some(b)) => (
                        Severity::Warning,
                        format!(
                            "the number {} of the {} version is missing in the {}",
                            show(b),
                            self.name(1),
                            self.name(0)
                        ),
                    ),
                    (None, None) => continue,
                };
                out.push(Draft::new(
                    DivergenceKind::Number,
                    severity,
                    Some(p),
                    [a.map(|x| x.0.piece()), b.map(|x| x.0.piece())],
                    message,
                    0.85,
                ));
            }
        }
    }
}

impl Context<'_, '_, '_> {
    /// Whether number `x` is 2 and the `other` side's sentences `idx` say `both` (`ambos`,
    /// `los dos`), which the number readers leave out as no count.
    fn two_as_both(
        &self,
        x: &(&Located, &crate::extract::Decimal, NumberForm, bool),
        other: usize,
        idx: &[usize],
    ) -> bool {
        if x.2 != NumberForm::Count || x.1.to_string() != "2" {
            return false;
        }
        let both = self.doc(other).lang().tables().both_words;
        idx.iter().any(|&i| {
            let folded = crate::tokens::fold(self.doc(other).sentences()[i].text());
            let words: Vec<&str> = folded
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            both.iter().any(|phrase| {
                let want: Vec<&str> = phrase.split(' ').collect();
                words.windows(want.len()).any(|w| w == want.as_slice())
            })
        })
    }

    /// Whether number `x` of `side`, written as a word joined by a hyphen to the next
    /// (`three-dimensional`, `two-year`), stands in the other side's sentences `other` as the
    /// numeric prefix of a word (`tridimensional`, `bienal`).
    fn in_prefixed_word(
        &self,
        side: usize,
        x: &(&Located, &crate::extract::Decimal, NumberForm, bool),
        other: &[usize],
    ) -> bool {
        let (at, value, _, word) = *x;
        let text = self.doc(side).sentences()[at.sentence].text();
        let compound = text.get(at.found.range.end..).is_some_and(|rest| {
            rest.starts_with('-') && rest[1..].starts_with(char::is_alphabetic)
        });
        if !word || !compound {
            return false;
        }
        let other_side = 1 - side;
        let prefixes = self.doc(other_side).lang().tables().number_prefixes;
        other.iter().any(|&i| {
            self.doc(other_side).sentences()[i]
                .text()
                .split(|c: char| !c.is_alphabetic())
                .map(crate::tokens::fold)
                .any(|w| {
                    prefixes.iter().any(|&(prefix, n)| {
                        w.len() > prefix.len() + 3
                            && w.starts_with(prefix)
                            && value.to_string() == n.to_string()
                    })
                })
        })
    }
}

/// A number form as a key.
pub(super) fn form_rank(form: NumberForm) -> u8 {
    match form {
        NumberForm::Count => 0,
        NumberForm::Percent => 1,
        NumberForm::Ordinal => 2,
    }
}
