//! Modality of commitments: `will` against `podrán`, obligations against possibilities, and negation.

use super::{Context, Draft, Located, Piece};
use crate::divergence::{DivergenceKind, Severity};
use crate::extract::Value;
use crate::lang::Modality;

impl Context<'_, '_, '_> {
    pub(super) fn modality(
        &self,
        p: usize,
        sentences: [&[usize]; 2],
        [en, es]: [&[Located]; 2],
        out: &mut Vec<Draft>,
    ) {
        let modals = |side: &[Located]| -> Vec<(Located, Modality)> {
            side.iter()
                .filter_map(|l| match l.found.value {
                    Value::Modal(m) => Some((l.clone(), m)),
                    _ => None,
                })
                .collect()
        };
        let (me, ms) = (modals(en), modals(es));
        fn has(v: &[(Located, Modality)], m: Modality) -> Option<&(Located, Modality)> {
            v.iter().find(|x| x.1 == m)
        }
        fn count(v: &[(Located, Modality)], m: Modality) -> usize {
            v.iter().filter(|x| x.1 == m).count()
        }
        // An ability (`can`) counts as a possibility against a commitment.
        fn possible(v: &[(Located, Modality)]) -> Option<&(Located, Modality)> {
            v.iter()
                .find(|x| matches!(x.1, Modality::Possible | Modality::Able))
        }
        fn possibles(v: &[(Located, Modality)]) -> usize {
            v.iter()
                .filter(|x| matches!(x.1, Modality::Possible | Modality::Able))
                .count()
        }
        // One side weakens a commitment when it says "may" more often than the other without
        // committing more often (a clause at a time: `intercambiarán … e podrían impulsar`
        // against `will exchange … and pursue`), or when it only intends where the other
        // commits.
        fn weakens<'v>(
            v: &'v [(Located, Modality)],
            other: &[(Located, Modality)],
        ) -> Option<&'v (Located, Modality)> {
            if possibles(v) > possibles(other)
                && count(v, Modality::Committed) <= count(other, Modality::Committed)
            {
                return possible(v);
            }
            if count(v, Modality::Committed) == 0
                && count(other, Modality::Committed) > 0
                && has(other, Modality::Tentative).is_none()
            {
                return has(v, Modality::Tentative);
            }
            None
        }
        // The other side's evidence: its commitment, or, when it states the matter plainly
        // (`both countries support` against `podrán apoyar`), its sentence.
        let plain =
            |side: usize, v: &[(Located, Modality)], weaker: Modality| -> Option<(Piece, bool)> {
                if let Some(c) = has(v, Modality::Committed) {
                    return Some((c.0.piece(), false));
                }
                // `can be configured` against `se configura`: an ability restates a plain sentence.
                if !v.is_empty() || weaker == Modality::Able {
                    return None;
                }
                let i = *sentences[side].first()?;
                let len = self.doc(side).sentences()[i].text().len();
                Some((
                    Piece {
                        sentence: i,
                        range: 0..len,
                    },
                    true,
                ))
            };
        let (en_piece, es_piece, direction, plain_side) = if let Some(s) = weakens(&ms, &me) {
            match plain(0, &me, s.1) {
                Some((e, is_plain)) => (e, s.0.piece(), "weaker", is_plain.then_some(0)),
                None => return,
            }
        } else if let Some(e) = weakens(&me, &ms) {
            match plain(1, &ms, e.1) {
                Some((s, is_plain)) => (e.0.piece(), s, "stronger", is_plain.then_some(1)),
                None => return,
            }
        } else {
            return;
        };
        let drafted = match plain_side {
            None => format!(
                "the commitment is {direction} in {b}: \"{}\" in {a}, \"{}\" in {b}",
                self.text_of(0, &en_piece),
                self.text_of(1, &es_piece),
                a = self.name(0),
                b = self.name(1)
            ),
            Some(0) => format!(
                "the commitment is weaker in {}: \"{}\" where the {} states it without a modal",
                self.name(1),
                self.text_of(1, &es_piece),
                self.name(0)
            ),
            Some(_) => format!(
                "the commitment is weaker in {}: \"{}\" where the {} states it without a modal",
                self.name(0),
                self.text_of(0, &en_piece),
                self.name(1)
            ),
        };
        out.push(Draft::new(
            DivergenceKind::Modality,
            Severity::Warning,
            Some(p),
            [Some(en_piece), Some(es_piece)],
            drafted,
            0.7,
        ));
    }
}
