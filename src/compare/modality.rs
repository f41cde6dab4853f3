//! Modality of commitments: `will` against `podrán`, obligations against possibilities, and negation.

use super::{words_of, Context, Draft, Located, Piece};
use crate::divergence::{DivergenceKind, Severity};
use crate::extract::Value;
use crate::lang::Modality;
use crate::tokens::fold;

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
        let (mut me, mut ms) = (modals(en), modals(es));
        // In a manual or a guide, a future tense predicts (`el procedimiento apagará el
        // sistema`) and commits to nothing; a modal word still counts.
        if self.addresses_reader {
            for (side, list) in [(0, &mut me), (1, &mut ms)] {
                let doc = self.doc(side);
                let tables = doc.lang().tables();
                list.retain(|(l, m)| {
                    *m != Modality::Committed || {
                        let sentence = doc.sentences().get(l.sentence).map_or("", |s| s.text());
                        let folded = fold(sentence.get(l.found.range.clone()).unwrap_or(""));
                        tables.modals.iter().any(|(phrase, _)| *phrase == folded)
                    }
                });
            }
            // And an obligation in the present (`debe`) instructs: against an ability, an effort
            // or a plain sentence (`can be made`, `deben ser construidos`) it restates it; only
            // against a possibility (`may`) does it still differ.
            let possible = |v: &[(Located, Modality)]| v.iter().any(|x| x.1 == Modality::Possible);
            let (en_may, es_may) = (possible(&me), possible(&ms));
            if !es_may {
                me.retain(|x| x.1 != Modality::Obliged);
            }
            if !en_may {
                ms.retain(|x| x.1 != Modality::Obliged);
            }
        }
        if me.is_empty() && ms.is_empty() {
            return;
        }
        // Negated on both sides, modals of any strength forbid alike: `No one shall` is
        // `Nadie podrá`, `must not access` is `no puede acceder`.
        if self.negated_modal(0, sentences[0], &me) && self.negated_modal(1, sentences[1], &ms) {
            return;
        }
        fn has(v: &[(Located, Modality)], m: Modality) -> Option<&(Located, Modality)> {
            v.iter().find(|x| x.1 == m)
        }
        // An intention, to look into something or to try.
        fn intends(v: &[(Located, Modality)]) -> Option<&(Located, Modality)> {
            v.iter()
                .find(|x| matches!(x.1, Modality::Tentative | Modality::Endeavour))
        }
        fn count(v: &[(Located, Modality)], m: Modality) -> usize {
            v.iter().filter(|x| x.1 == m).count()
        }
        // An ability (`can`) or a habit (`usually`) counts as a possibility against a
        // commitment.
        fn possible(v: &[(Located, Modality)]) -> Option<&(Located, Modality)> {
            v.iter().find(|x| {
                matches!(
                    x.1,
                    Modality::Possible | Modality::Able | Modality::Habitual
                )
            })
        }
        fn possibles(v: &[(Located, Modality)]) -> usize {
            v.iter()
                .filter(|x| {
                    matches!(
                        x.1,
                        Modality::Possible | Modality::Able | Modality::Habitual
                    )
                })
                .count()
        }
        // One side weakens a commitment when it says "may" more often than the other without
        // committing more often (a clause at a time: `intercambiarán … e podrían impulsar`
        // against `will exchange … and pursue`), or when it only intends where the other
        // commits.
        // Commitments, and obligations in the present (`debe`), which commit too.
        fn binding(v: &[(Located, Modality)]) -> usize {
            count(v, Modality::Committed) + count(v, Modality::Obliged)
        }
        fn weakens<'v>(
            v: &'v [(Located, Modality)],
            other: &[(Located, Modality)],
        ) -> Option<&'v (Located, Modality)> {
            if possibles(v) > possibles(other) && binding(v) <= binding(other) {
                return possible(v);
            }
            if binding(v) == 0 && binding(other) > 0 && intends(other).is_none() {
                // `must` against `debería`, or against `seek to`; but `debe` is also how
                // Spanish gives advice: only a commitment is stronger than `should`.
                return intends(v).or_else(|| {
                    has(v, Modality::Advised).filter(|_| count(other, Modality::Committed) > 0)
                });
            }
            None
        }
        // The other side's evidence: its commitment, or, when it states the matter plainly
        // (`both countries support` against `podrán apoyar`), its sentence.
        let plain =
            |side: usize, v: &[(Located, Modality)], weaker: Modality| -> Option<(Piece, bool)> {
                if let Some(c) = has(v, Modality::Committed).or_else(|| has(v, Modality::Obliged)) {
                    return Some((c.0.piece(), false));
                }
                // `will seek to coordinate` against `se contempla la posibilidad de coordinar`:
                // an effort promised is more than a possibility considered.
                if weaker == Modality::Possible {
                    if let Some(t) = has(v, Modality::Endeavour) {
                        return Some((t.0.piece(), false));
                    }
                }
                // `can be configured` against `se configura`: an ability restates a plain
                // sentence, and so does a habit (`suelen estar` against `are in good shape`).
                // In a document that addresses its reader (a manual, a guide), a plain
                // sentence describes or instructs, and says no more than `may` does.
                if self.addresses_reader
                    || !v.is_empty()
                    || matches!(weaker, Modality::Able | Modality::Habitual)
                {
                    return None;
                }
                let i = *sentences[side].first()?;
                Some((self.whole(side, i), true))
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

    /// A negation on one side only (`should not be installed` against `deberían instalarse`):
    /// the two say opposite things.
    pub(super) fn negation(&self, p: usize, sentences: [&[usize]; 2], out: &mut Vec<Draft>) {
        let cues = [
            self.negations(0, sentences[0]),
            self.negations(1, sentences[1]),
        ];
        let (negated, plain) = match (cues[0].first(), cues[1].first()) {
            (Some(_), None) => (0, 1),
            (None, Some(_)) => (1, 0),
            _ => return,
        };
        // `without any fee` against `sin cobrarles nada`: the plain side says no in a word.
        if self.says_no_in_a_word(plain, sentences[plain]) {
            return;
        }
        let Some(&i) = sentences[plain].first() else {
            return;
        };
        let cue = cues[negated][0].clone();
        let message = format!(
            "the {} version negates (\"{}\") where the {} version does not",
            self.name(negated),
            self.text_of(negated, &cue),
            self.name(plain)
        );
        let evidence = self.against_sentence(negated, cue, i);
        out.push(Draft::new(
            DivergenceKind::Modality,
            Severity::Warning,
            Some(p),
            evidence,
            message,
            0.6,
        ));
    }

    /// Whether one of `modals` (of sentences `idx` of `side`) is negated: a negation stands
    /// right after it (`must not`) or shortly before it in its clause (`no puede`, `Nadie
    /// podrá`, `Nothing in this Agreement shall`).
    fn negated_modal(&self, side: usize, idx: &[usize], modals: &[(Located, Modality)]) -> bool {
        const BEFORE: usize = 5;
        let negations = self.negations(side, idx);
        modals.iter().any(|(m, _)| {
            let text = self.doc(side).sentences()[m.sentence].text();
            let range = &m.found.range;
            negations
                .iter()
                .filter(|n| n.sentence == m.sentence)
                .any(|n| {
                    let between = if n.range.start >= range.end {
                        text.get(range.end..n.range.start)
                    } else if n.range.end <= range.start {
                        text.get(n.range.end..range.start)
                    } else {
                        Some("")
                    };
                    let words = between.map_or(usize::MAX, |b| {
                        if b.contains([',', ';', ':', '.']) {
                            usize::MAX
                        } else {
                            b.split_whitespace().count()
                        }
                    });
                    if n.range.start >= range.end {
                        words <= 1
                    } else {
                        words <= BEFORE
                    }
                })
        })
    }

    /// Whether sentences `idx` of `side` hold a word that says no (`without`, `sin`, `non-`).
    /// A word says no by a negative prefix when the rest of it, five letters or more, is a word
    /// of the same document (`unusable` and `usable`, `desactivar` and `activar`).
    fn says_no_in_a_word(&self, side: usize, idx: &[usize]) -> bool {
        let tables = self.doc(side).lang().tables();
        let prefixed = |w: &str| {
            let lower = w.to_lowercase();
            tables.negative_prefixes.iter().any(|prefix| {
                lower.strip_prefix(prefix).is_some_and(|rest| {
                    rest.chars().count() >= 5 && self.words(side).contains_key(rest)
                })
            })
        };
        idx.iter().any(|&i| {
            words_of(self.doc(side).sentences()[i].text())
                .iter()
                .any(|(_, w)| tables.negative_words.contains(&fold(w).as_str()) || prefixed(w))
        })
    }

    /// The negation words of sentences `idx` of `side`.
    pub(super) fn negations(&self, side: usize, idx: &[usize]) -> Vec<Piece> {
        let tables = self.doc(side).lang().tables();
        let mut found = Vec::new();
        for &i in idx {
            let text = self.doc(side).sentences()[i].text();
            let words = words_of(text);
            for (k, &(start, word)) in words.iter().enumerate() {
                let lower = word.to_lowercase();
                let negates = tables.negations.contains(&lower.as_str())
                    || tables.negation_endings.iter().any(|e| lower.ends_with(e));
                if !negates {
                    continue;
                }
                let phrase: Vec<String> = words[k..(k + 3).min(words.len())]
                    .iter()
                    .map(|(_, w)| fold(w))
                    .collect();
                let phrase = phrase.join(" ");
                if tables
                    .not_negations
                    .iter()
                    .any(|n| phrase == *n || phrase.starts_with(&format!("{n} ")))
                {
                    continue;
                }
                // `no autorizadas`: a negated participle or adjective, one word's meaning.
                let next = words.get(k + 1).map(|(_, w)| fold(w)).unwrap_or_default();
                if tables
                    .negated_word_endings
                    .iter()
                    .any(|e| next.len() > e.len() + 2 && next.ends_with(e))
                {
                    continue;
                }
                found.push(Piece {
                    sentence: i,
                    range: start..start + word.len(),
                });
            }
        }
        found
    }
}
