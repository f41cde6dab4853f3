//! Terminology: the caller's glossary terms rendered as the glossary says.

use super::{Context, Draft, Piece};
use crate::divergence::{DivergenceKind, Severity};
use crate::tokens::tokens;
use std::collections::HashSet;

impl Context<'_, '_, '_> {
    /// Terms of the caller's glossary named on one side of the pair whose counterpart the
    /// other side's sentences do not name, in any inflected form. A finding already drafted
    /// (from `start`) about the same words gets the glossary's rendering in its message
    /// instead; a term inside a clause found left out is the clause's.
    pub(super) fn terminology(
        &self,
        p: usize,
        sentences: [&[usize]; 2],
        start: usize,
        out: &mut Vec<Draft>,
    ) {
        let Some(terms) = self.terminology else {
            return;
        };
        // Each sentence's tokens, and the concepts named in it (with their places).
        let read = |side: usize| {
            let doc = self.doc(side);
            sentences[side]
                .iter()
                .map(|&i| {
                    let toks = tokens(doc.sentences()[i].text(), doc.lang());
                    let found = terms.find(&toks, doc.lang());
                    (i, toks, found)
                })
                .collect::<Vec<_>>()
        };
        let sides = [read(0), read(1)];
        // Only the findings of the other checks are merged into.
        let others = out.len();
        for side in 0..2 {
            let other = 1 - side;
            let other_lang = self.doc(other).lang();
            let named: HashSet<u32> = sides[other]
                .iter()
                .flat_map(|(_, _, found)| found.iter().map(|f| f.0))
                .collect();
            let mut seen = HashSet::new();
            for (i, _, found) in &sides[side] {
                for (concept, range, user) in found {
                    if !user || named.contains(concept) || !seen.insert(*concept) {
                        continue;
                    }
                    if sides[other]
                        .iter()
                        .any(|(_, toks, _)| terms.named_loosely(*concept, toks, other_lang))
                    {
                        continue;
                    }
                    let piece = Piece {
                        sentence: *i,
                        range: range.clone(),
                    };
                    let term = self.text_of(side, &piece).to_string();
                    let rendering = renderings(&terms.shown(*concept, other_lang));
                    let on_side = |d: &Draft| {
                        if side == 0 {
                            d.a.clone()
                        } else {
                            d.b.clone()
                        }
                    };
                    let overlaps = |q: &Piece| {
                        q.sentence == *i && q.range.start < range.end && range.start < q.range.end
                    };
                    // Another check's finding about these words says what differs.
                    if let Some(d) = out[start..others].iter_mut().find(|d| {
                        d.kind == DivergenceKind::Entity && on_side(d).is_some_and(|q| overlaps(&q))
                    }) {
                        d.message
                            .push_str(&format!("; the glossary renders \"{term}\" as {rendering}"));
                        continue;
                    }
                    let in_clause = out[start..others].iter().any(|d| {
                        matches!(d.kind, DivergenceKind::Omission | DivergenceKind::Addition)
                            && on_side(d).is_some_and(|q| {
                                q.sentence == *i
                                    && q.range.start <= range.start
                                    && range.end <= q.range.end
                            })
                    });
                    if in_clause {
                        continue;
                    }
                    // The other side's evidence: its sentence sharing most with this one.
                    let mine = self.classes(side, &[*i]);
                    let Some(j) = sentences[other].iter().copied().max_by_key(|&j| {
                        let shared = self.classes(other, &[j]).intersection(&mine).count();
                        (shared, std::cmp::Reverse(j))
                    }) else {
                        continue;
                    };
                    let message = format!(
                        "glossary term \"{term}\" should be rendered {rendering}; not found in the {} sentence",
                        self.name(other)
                    );
                    let pieces = self.against_sentence(side, piece, j);
                    out.push(Draft::new(
                        DivergenceKind::Entity,
                        Severity::Warning,
                        Some(p),
                        pieces,
                        message,
                        TERM_CONFIDENCE,
                    ));
                }
            }
        }
    }
}

/// Confidence of a glossary term without its counterpart: the counterpart may be rendered by
/// a paraphrase the glossary does not list.
pub(super) const TERM_CONFIDENCE: f64 = 0.6;

/// Renderings shown in a message before the rest are only counted: a concept with thousands
/// of synonyms would otherwise make a message no one reads.
pub(super) const RENDERINGS_SHOWN: usize = 5;

/// A glossary's renderings for a message: `"a" or "b"`, at most [`RENDERINGS_SHOWN`] of them,
/// then how many more there are.
pub(super) fn renderings(terms: &[&str]) -> String {
    let mut out = terms
        .iter()
        .take(RENDERINGS_SHOWN)
        .map(|t| format!("\"{t}\""))
        .collect::<Vec<_>>()
        .join(" or ");
    if terms.len() > RENDERINGS_SHOWN {
        out.push_str(&format!(" (or {} more)", terms.len() - RENDERINGS_SHOWN));
    }
    out
}
