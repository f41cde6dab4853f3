//! Omissions and additions: sentences and clauses of one side that the other lacks.

use super::{Context, Draft, Piece};
use crate::divergence::{DivergenceKind, Severity};
use crate::lexicon::{Classed, EvidenceKind};
use std::collections::{HashMap, HashSet};

impl Context<'_, '_, '_> {
    /// A run of content words on one side, none of which the other side shares although each
    /// has a counterpart elsewhere in the other document: a clause left out.
    pub(super) fn clauses(&self, p: usize, [en, es]: [&[usize]; 2], out: &mut Vec<Draft>) {
        let chars = |side: usize, idx: &[usize]| -> f64 {
            idx.iter()
                .map(|&i| self.doc(side).sentences()[i].text().chars().count() as f64)
                .sum()
        };
        let lengths = [chars(0, en), chars(1, es)];
        for side in 0..2 {
            let mine = if side == 0 { en } else { es };
            // How much shorter the other side is than a full translation would be.
            let ratio = if side == 0 {
                self.length_ratio
            } else {
                1.0 / self.length_ratio
            };
            let deficit = lengths[side] * ratio - lengths[1 - side];
            let theirs = if side == 0 { es } else { en };
            let tokens_of = |side: usize, idx: &[usize]| -> Vec<&[Classed]> {
                idx.iter()
                    .map(|&i| self.detail[side].get(i).map_or(&[][..], Vec::as_slice))
                    .collect()
            };
            let mut shared = shared_counted(&tokens_of(side, mine), &tokens_of(1 - side, theirs));
            // Acronyms of the pair, either side: their expansions are no clause of their own.
            let their_texts: Vec<&str> = theirs
                .iter()
                .map(|&j| self.doc(1 - side).sentences()[j].text())
                .collect();
            let mut acronyms: Vec<Vec<char>> = Vec::new();
            for (s, idx) in [(side, mine), (1 - side, theirs)] {
                for &j in idx {
                    let text = self.doc(s).sentences()[j].text();
                    for c in self.detail[s].get(j).into_iter().flatten() {
                        if c.kind == EvidenceKind::Acronym {
                            if let Some(letters) = text.get(c.range.clone()).and_then(initials_key)
                            {
                                acronyms.push(letters);
                            }
                        }
                    }
                }
            }
            for (&i, is_shared) in mine.iter().zip(shared.iter_mut()) {
                let Some(tokens) = self.detail[side].get(i) else {
                    continue;
                };
                let text = self.doc(side).sentences()[i].text();
                if !acronyms.is_empty() {
                    mark_expansions(tokens, text, &acronyms, is_shared);
                }
                mark_quoted_glosses(tokens, text, &their_texts, is_shared);
                let is_shared = &*is_shared;
                let mut run: Vec<&Classed> = Vec::new();
                let flush = |run: &mut Vec<&Classed>, out: &mut Vec<Draft>| {
                    let linked = run.iter().filter(|c| c.class.is_some()).count();
                    let unlinked = run.len() - linked;
                    let range = run
                        .first()
                        .zip(run.last())
                        .map_or(0..0, |(a, b)| a.range.start..b.range.end);
                    let clause_len = text.get(range.clone()).map_or(0, |t| t.chars().count());
                    // The other side must also be shorter than a translation of this clause
                    // would have made it: a paraphrase keeps the length.
                    let short = deficit >= CLAUSE_LENGTH_SHARE * clause_len as f64 * ratio;
                    // And it must close a clause: what follows it is punctuation or the end.
                    let closes = text.get(range.end..).is_some_and(|rest| {
                        rest.trim_start().starts_with(|c: char| {
                            matches!(c, ',' | ';' | ':' | '.' | ')' | '!' | '?')
                        }) || rest.trim().is_empty()
                    });
                    // Words the other version never uses count too when the other sentence
                    // is short by nearly the whole clause.
                    let very_short = deficit >= CLAUSE_STRICT_SHARE * clause_len as f64 * ratio;
                    let enough = (linked >= 2 && 2 * linked + unlinked >= 2 * CLAUSE_MIN_WORDS - 1)
                        || (run.len() >= CLAUSE_MIN_WORDS && very_short);
                    // One written word (`nombre_del_archivo`, a placeholder) is no clause.
                    let words = text
                        .get(range.clone())
                        .map_or(0, |t| t.split_whitespace().count());
                    if enough && short && closes && words >= 2 {
                        let piece = Piece { sentence: i, range };
                        let clause = text.get(piece.range.clone()).unwrap_or_default();
                        let message = format!(
                            "\"{clause}\" has no counterpart in the {} sentence",
                            self.name(1 - side)
                        );
                        out.push(left_out(side, p, piece, message, 0.5));
                    }
                    run.clear();
                };
                for (c, &shared) in tokens
                    .iter()
                    .zip(is_shared)
                    .filter(|(c, _)| c.kind != EvidenceKind::Concept)
                {
                    // A clause ends at a shared word or at punctuation that closes it.
                    let gap = run
                        .last()
                        .and_then(|last| text.get(last.range.end..c.range.start))
                        .unwrap_or("");
                    if shared || gap.contains([',', ';', ':', '(', ')', '.']) {
                        flush(&mut run, out);
                    }
                    if !shared {
                        run.push(c);
                    }
                }
                flush(&mut run, out);
            }
        }
    }

    /// In a pair of several sentences against fewer, a sentence that shares almost nothing with
    /// the other side was merged in by the aligner for want of a counterpart: it is left out
    /// (or added).
    pub(super) fn merged_sentences(
        &self,
        p: usize,
        [en, es]: [&[usize]; 2],
        classes: &[HashSet<u32>; 2],
        out: &mut Vec<Draft>,
    ) {
        for side in 0..2 {
            let (mine, theirs) = if side == 0 { (en, es) } else { (es, en) };
            if mine.len() < 2 || mine.len() <= theirs.len() {
                continue;
            }
            let other = &classes[1 - side];
            for &i in mine {
                let Some(tokens) = self.detail[side].get(i) else {
                    continue;
                };
                let linked: Vec<&Classed> = tokens.iter().filter(|c| c.class.is_some()).collect();
                let shared = linked
                    .iter()
                    .filter(|c| c.class.is_some_and(|k| other.contains(&k)))
                    .count();
                // Or it has words enough and none the other side shares: an unrelated
                // sentence whose words the other version never uses.
                let words = tokens
                    .iter()
                    .filter(|c| c.kind != EvidenceKind::Concept)
                    .count();
                if (linked.len() >= 3 && shared * 4 < linked.len())
                    || (words >= UNRELATED_MIN_WORDS && shared == 0)
                {
                    out.push(self.sentence_left_out(side, p, i, 0.6));
                }
            }
        }
    }

    /// Sentence `i` of `side` has no counterpart on the other side.
    pub(super) fn sentence_left_out(
        &self,
        side: usize,
        p: usize,
        i: usize,
        confidence: f64,
    ) -> Draft {
        let piece = self.whole(side, i);
        let message = format!(
            "this {} sentence has no counterpart in the {} version",
            self.name(side),
            self.name(1 - side)
        );
        left_out(side, p, piece, message, confidence)
    }
}

/// The letters of an acronym in alphabetical order (`GUI` gives `GIU`), when it has two to
/// eight letters: an expansion's initials in the other language come in another order
/// (`graphical user interface`, `interfaz gráfica de usuario`).
pub(super) fn initials_key(acronym: &str) -> Option<Vec<char>> {
    let mut letters: Vec<char> = acronym
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_uppercase)
        .collect();
    if acronym.chars().any(|c| c.is_ascii_digit()) || !(2..=8).contains(&letters.len()) {
        return None;
    }
    letters.sort_unstable();
    Some(letters)
}

/// Marks as shared the runs of words whose initials spell one of `acronyms` (in any order):
/// the expansion of an acronym of the pair (`Portable Document Format` beside `PDF`,
/// `sistema operativo` against `OS`), which says no more than the acronym does.
fn mark_expansions(tokens: &[Classed], text: &str, acronyms: &[Vec<char>], shared: &mut [bool]) {
    for key in acronyms {
        let mut from = 0;
        while let Some(window) = spells(&tokens[from..], text, key) {
            for &k in &window {
                shared[from + k] = true;
            }
            from += window.last().map_or(1, |&k| k + 1);
        }
    }
}

/// The first run of content words of `tokens` (indexes) whose initials spell the acronym
/// `key` (its letters in alphabetical order, see [`initials_key`]), each following the last
/// with at most two function words between and no stop: `interfaz gráfica de usuario` for
/// `GUI`.
pub(super) fn spells(tokens: &[Classed], text: &str, key: &[char]) -> Option<Vec<usize>> {
    if key.is_empty() {
        return None;
    }
    let initial = |c: &Classed| {
        text.get(c.range.clone())
            .and_then(|w| w.chars().next())
            .map(|c| crate::tokens::fold(&c.to_string()).to_uppercase())
            .and_then(|s| s.chars().next())
    };
    let words: Vec<usize> = (0..tokens.len())
        .filter(|&k| tokens[k].kind == EvidenceKind::Word)
        .collect();
    words.windows(key.len()).find_map(|window| {
        let mut letters: Vec<char> = window.iter().filter_map(|&k| initial(&tokens[k])).collect();
        letters.sort_unstable();
        let close = window.windows(2).all(|w| {
            text.get(tokens[w[0]].range.end..tokens[w[1]].range.start)
                .is_some_and(|gap| {
                    gap.split_whitespace().count() <= 2 && !gap.contains(['.', ';', ':'])
                })
        });
        (letters == key && close).then(|| window.to_vec())
    })
}

/// Marks as shared the words inside parentheses that the other side's sentences write
/// letter for letter: the original's words quoted as a gloss (`Proyecto de Servicio NTP
/// Público (NTP Public Services Project)`).
fn mark_quoted_glosses(tokens: &[Classed], text: &str, theirs: &[&str], shared: &mut [bool]) {
    if !text.contains('(') {
        return;
    }
    let written = |word: &str| {
        theirs.iter().any(|t| {
            t.match_indices(word).any(|(at, _)| {
                let before = t[..at].chars().next_back();
                let after = t[at + word.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            })
        })
    };
    for (k, c) in tokens.iter().enumerate() {
        let open = text.get(..c.range.start).is_some_and(|before| {
            match (before.rfind('('), before.rfind(')')) {
                (Some(open), Some(close)) => open > close,
                (open, _) => open.is_some(),
            }
        });
        if open && text.get(c.range.clone()).is_some_and(written) {
            shared[k] = true;
        }
    }
}

/// Content words that make a left-out clause: a run counts each word with a counterpart
/// elsewhere in the other version (but none in the aligned sentence) as one and each word with
/// no counterpart anywhere as a half, and needs this many, at least two of them whole.
pub(super) const CLAUSE_MIN_WORDS: usize = 3;

/// Share of a left-out clause's expected length by which the other side must fall short.
pub(super) const CLAUSE_LENGTH_SHARE: f64 = 0.6;

/// The same share when the clause's words are not used anywhere in the other version.
pub(super) const CLAUSE_STRICT_SHARE: f64 = 0.8;

/// Content words of a merged sentence that, sharing none with the other side, is left out.
pub(super) const UNRELATED_MIN_WORDS: usize = 5;

/// Tokens on each side of a repeated word that tell which of its occurrences is shared.
pub(super) const NEIGHBOURS: usize = 3;

/// Text of one side (0 English, 1 Spanish) without counterpart: an omission from the Spanish
/// or an addition to it.
pub(super) fn left_out(
    side: usize,
    p: usize,
    piece: Piece,
    message: String,
    confidence: f64,
) -> Draft {
    let (kind, pieces) = if side == 0 {
        (DivergenceKind::Omission, [Some(piece), None])
    } else {
        (DivergenceKind::Addition, [None, Some(piece)])
    };
    Draft::new(
        kind,
        Severity::Warning,
        Some(p),
        pieces,
        message,
        confidence,
    )
}

/// Settles one-sided findings (a date, number or name missing from the other side) that fall
/// inside a clause found left out on the same side: the clause says it all, unless it is just
/// the value (a name with nothing around it), which then keeps its more telling kind.
pub(super) fn subsume_in_clauses(out: &mut Vec<Draft>, start: usize) {
    let is_clause =
        |d: &Draft| matches!(d.kind, DivergenceKind::Omission | DivergenceKind::Addition);
    let one_side = |d: &Draft| match (&d.a, &d.b) {
        (Some(e), None) => Some((0, e.clone())),
        (None, Some(s)) => Some((1, s.clone())),
        _ => None,
    };
    let (clauses, values): (Vec<&Draft>, Vec<&Draft>) =
        out[start..].iter().partition(|d| is_clause(d));
    let clauses: Vec<(usize, Piece)> = clauses.into_iter().filter_map(one_side).collect();
    let values: Vec<(usize, Piece)> = values.into_iter().filter_map(one_side).collect();
    if clauses.is_empty() || values.is_empty() {
        return;
    }
    let same = |a: &(usize, Piece), b: &(usize, Piece)| {
        a.0 == b.0 && a.1.sentence == b.1.sentence && a.1.range == b.1.range
    };
    let within = |v: &(usize, Piece), c: &(usize, Piece)| {
        v.0 == c.0
            && v.1.sentence == c.1.sentence
            && c.1.range.start <= v.1.range.start
            && v.1.range.end <= c.1.range.end
    };
    let mut index = 0;
    out.retain(|d| {
        index += 1;
        if index <= start {
            return true;
        }
        let Some(piece) = one_side(d) else {
            return true;
        };
        if is_clause(d) {
            !values.iter().any(|v| same(v, &piece))
        } else {
            !clauses
                .iter()
                .any(|c| within(&piece, c) && !same(&piece, c))
        }
    });
}

/// For each token of `mine` (a pair's sentences on one side), whether the other side's
/// sentences `theirs` share it, counting occurrences: a word said three times against once is
/// shared once, by the occurrence whose neighbours the other side shares most (`81 years of
/// diplomatic relations, 31 years of free trade` against `81 años de relaciones
/// diplomáticas`). A word inside a shared glossary term is shared.
pub(super) fn shared_counted(mine: &[&[Classed]], theirs: &[&[Classed]]) -> Vec<Vec<bool>> {
    let mut their_counts: HashMap<u32, usize> = HashMap::new();
    for c in theirs.iter().flat_map(|t| t.iter()) {
        if let Some(class) = c.class {
            *their_counts.entry(class).or_default() += 1;
        }
    }
    // (sentence, token) of each of my occurrences, by class, in order.
    let mut my_places: HashMap<u32, Vec<(usize, usize)>> = HashMap::new();
    for (s, tokens) in mine.iter().enumerate() {
        for (t, c) in tokens.iter().enumerate() {
            if let Some(class) = c.class {
                my_places.entry(class).or_default().push((s, t));
            }
        }
    }
    // How many of a token's neighbours the other side has.
    let support = |s: usize, t: usize| {
        let tokens = mine[s];
        let lo = t.saturating_sub(NEIGHBOURS);
        let hi = (t + NEIGHBOURS + 1).min(tokens.len());
        (lo..hi)
            .filter(|&u| u != t)
            .filter(|&u| {
                tokens[u]
                    .class
                    .is_some_and(|k| their_counts.contains_key(&k))
            })
            .count()
    };
    let mut shared: Vec<Vec<bool>> = mine.iter().map(|t| vec![false; t.len()]).collect();
    for (class, places) in &my_places {
        let theirs = their_counts.get(class).copied().unwrap_or(0);
        if theirs >= places.len() {
            for &(s, t) in places {
                shared[s][t] = true;
            }
            continue;
        }
        let mut ranked: Vec<(usize, usize, usize)> =
            places.iter().map(|&(s, t)| (support(s, t), s, t)).collect();
        // Most supported first; among equals, the earlier.
        ranked.sort_by(|x, y| y.0.cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
        for &(_, s, t) in ranked.iter().take(theirs) {
            shared[s][t] = true;
        }
    }
    // Words inside a shared term are shared.
    for (s, tokens) in mine.iter().enumerate() {
        let inside = inside_shared_terms(tokens, &shared[s]);
        for (sh, inside) in shared[s].iter_mut().zip(inside) {
            *sh |= inside;
        }
    }
    shared
}

/// For each token (in text order), whether it lies inside a glossary term that is `shared`:
/// one sweep, keeping the furthest end of the terms begun so far, since a token is inside
/// some term exactly when a term that begins no later ends no sooner.
pub(super) fn inside_shared_terms(tokens: &[Classed], shared: &[bool]) -> Vec<bool> {
    let mut terms = tokens
        .iter()
        .zip(shared)
        .filter(|(c, &sh)| sh && c.kind == EvidenceKind::Concept)
        .map(|(c, _)| &c.range)
        .peekable();
    let mut furthest = 0;
    let mut any = false;
    tokens
        .iter()
        .map(|c| {
            while let Some(r) = terms.next_if(|r| r.start <= c.range.start) {
                furthest = furthest.max(r.end);
                any = true;
            }
            any && c.range.end <= furthest
        })
        .collect()
}
