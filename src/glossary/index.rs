//! The aligner's side of a glossary: [`TermIndex`], a glossary compiled for finding its terms,
//! longest first, in a text's tokens in one language. The checker's
//! [`Terminology`](super::Terminology) finds concepts through it too.

use super::intern::Interner;
use super::Glossary;
use crate::lang::Lang;
use crate::tokens::{tokens, Token, TokenKind};

/// A glossary compiled for matching in one language: term key sequences by their first key.
/// Keys are interned: each distinct key is stored once, and a term is a list of small ids, so
/// a glossary of many short words costs a few bytes per word, not a string each.
#[derive(Debug, Default)]
pub(crate) struct TermIndex {
    /// Every key of a term word, with its id.
    ids: Interner,
    /// Per key id, where the terms whose first word it is start in `terms` (one more entry
    /// than there are ids: the end).
    starts: Vec<u32>,
    /// Every term, by its first word's id; for one first word, longest first, then by
    /// concept.
    terms: Vec<IndexedTerm>,
    /// The words of every term, one after another.
    words: Vec<TermWord>,
}

/// A term of a [`TermIndex`]: where its words start in `words`, how many, and its concept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct IndexedTerm {
    start: u32,
    len: u32,
    concept: u32,
}

/// A word of a term in a [`TermIndex`]: its key's id, and whether it is an acronym.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct TermWord {
    id: u32,
    acronym: bool,
}

/// A glossary term found in a token sequence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct TermMatch {
    /// Index of the first token.
    pub start: usize,
    /// Number of tokens covered.
    pub len: usize,
    /// Index of the concept in the glossary.
    pub concept: u32,
}

impl TermIndex {
    /// Compiles the terms of `glossary` in `lang`.
    pub fn new(glossary: &Glossary, lang: Lang) -> TermIndex {
        let mut ids = Interner::with_capacity(glossary.ends.len() / 2);
        let mut words: Vec<TermWord> = Vec::new();
        let mut terms: Vec<IndexedTerm> = Vec::new();
        for (i, c) in glossary.concepts().enumerate() {
            for term in c.terms_in(lang) {
                let start = words.len();
                words.extend(tokens(term, lang).iter().map(|t| {
                    let k = TermKey::of(t);
                    TermWord {
                        id: ids.intern(&k.key),
                        acronym: k.acronym,
                    }
                }));
                // Indices past `u32::MAX` would take tens of gigabytes of glossary.
                let (Ok(start), Ok(len)) =
                    (u32::try_from(start), u32::try_from(words.len() - start))
                else {
                    break;
                };
                if len > 0 {
                    terms.push(IndexedTerm {
                        start,
                        len,
                        concept: i as u32,
                    });
                }
            }
        }
        let of = |t: &IndexedTerm| &words[t.start as usize..(t.start + t.len) as usize];
        terms.sort_unstable_by(|a, b| {
            (of(a)[0].id.cmp(&of(b)[0].id))
                .then(b.len.cmp(&a.len))
                .then(a.concept.cmp(&b.concept))
                .then_with(|| of(a).cmp(of(b)))
        });
        terms.dedup_by(|a, b| a.concept == b.concept && of(a) == of(b));
        // The words again, in the terms' order, without those of duplicates.
        let mut kept = Vec::with_capacity(words.len());
        for t in &mut terms {
            let start = kept.len() as u32;
            kept.extend_from_slice(of(t));
            t.start = start;
        }
        drop(words);
        let mut starts = vec![0u32; ids.len() + 1];
        for t in &terms {
            starts[kept[t.start as usize].id as usize + 1] += 1;
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        ids.shrink_to_fit();
        terms.shrink_to_fit();
        kept.shrink_to_fit();
        TermIndex {
            ids,
            starts,
            terms,
            words: kept,
        }
    }

    /// The terms whose first word has key `id`, longest first.
    fn starting_with(&self, id: u32) -> &[IndexedTerm] {
        let id = id as usize;
        match (self.starts.get(id), self.starts.get(id + 1)) {
            (Some(&a), Some(&b)) => self.terms.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// Longest-first, left-to-right matches of terms over a text's tokens. Words match
    /// whatever their case, so a term also matches in a heading set in capitals; a term
    /// written as an acronym (`WHO`) matches only an acronym, never the word `who`.
    pub fn find(&self, toks: &[Token]) -> Vec<TermMatch> {
        // Each token's key id (none when no term has its key), and whether it is an acronym.
        // Word and number keys are lower-case already: only acronyms need a new string.
        let keys: Vec<(Option<u32>, bool)> = toks
            .iter()
            .map(|t| match t.kind {
                TokenKind::Acronym => (self.ids.get(&t.key.to_lowercase()), true),
                _ => (self.ids.get(t.key.as_str()), false),
            })
            .collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < keys.len() {
            let found = keys[i].0.and_then(|id| {
                self.starting_with(id).iter().find(|term| {
                    let words = &self.words[term.start as usize..(term.start + term.len) as usize];
                    keys.get(i..i + words.len()).is_some_and(|window| {
                        window
                            .iter()
                            .zip(words)
                            .all(|((id, acronym), w)| *id == Some(w.id) && (*acronym || !w.acronym))
                    })
                })
            });
            match found {
                Some(term) => {
                    out.push(TermMatch {
                        start: i,
                        len: term.len as usize,
                        concept: term.concept,
                    });
                    i += term.len as usize;
                }
                None => i += 1,
            }
        }
        out
    }
}

/// How a token matches glossary terms: its comparison key in lower case, and whether it is an
/// acronym.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct TermKey {
    /// The token's key, in lower case.
    pub key: String,
    /// Whether the token is an acronym.
    pub acronym: bool,
}

impl TermKey {
    /// The key of token `t`.
    pub fn of(t: &Token) -> TermKey {
        TermKey {
            key: t.key.to_lowercase(),
            acronym: t.kind == TokenKind::Acronym,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_match_longest_first_over_inflected_text() {
        let g = Glossary::from_tsv(
            "memorandum\tmemorándum\nMemorandum of Understanding\tmemorándum de entendimiento\nworker\ttrabajador\n",
        )
        .unwrap();
        let index = TermIndex::new(&g, Lang::Es);
        let toks = tokens(
            "Los memorándums de entendimiento para trabajadores",
            Lang::Es,
        );
        let found = index.find(&toks);
        assert_eq!(
            found,
            [
                TermMatch {
                    start: 1,
                    len: 3,
                    concept: 1
                },
                TermMatch {
                    start: 5,
                    len: 1,
                    concept: 2
                }
            ]
        );
        // In a heading set in capitals.
        let toks = tokens("MEMORÁNDUM DE ENTENDIMIENTO", Lang::Es);
        assert_eq!(index.find(&toks).len(), 1);
        assert_eq!(index.find(&toks)[0].concept, 1);
        // A term written as an acronym matches only an acronym.
        let g = Glossary::from_tsv("WHO\tOMS\n").unwrap();
        let index = TermIndex::new(&g, Lang::En);
        assert!(index.find(&tokens("those who study", Lang::En)).is_empty());
        assert_eq!(index.find(&tokens("the WHO said", Lang::En)).len(), 1);
    }
}
