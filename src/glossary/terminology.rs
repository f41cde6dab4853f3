//! The checker's side of a glossary: [`Terminology`], the caller's glossary compiled for the
//! terminology check, and the loose search that finds a term inflected (each word by the stem
//! its language's rules give, `lang/stems.rs`).

use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, Mutex};

use super::index::{TermIndex, TermKey};
use super::intern::Interner;
use super::{term_key, Glossary, Terms};
use crate::lang::Lang;
use crate::tokens::{tokens, Token, TokenKind};

/// Fewest letters of a stem that an inflected form may extend (shorter words must match
/// exactly).
const STEM_MIN_CHARS: usize = 4;
/// Words a language may put between two words of a term (`memorándum de entendimiento`
/// against `memorándum de Entendimiento`: none; `área natural protegida` against `áreas
/// naturales federales protegidas`: one).
const TERM_GAP: usize = 2;

/// The caller's glossary compiled for the terminology check: which concepts the caller named,
/// where any concept is named in a text, and whether a concept is named in a text loosely
/// (inflected).
///
/// Concepts are those of the glossary the check aligns with (built-in and caller's, merged),
/// so that a built-in synonym of the caller's term counts as its counterpart; only concepts
/// that hold a term of the caller's glossary are checked.
#[derive(Debug)]
pub(crate) struct Terminology {
    /// The concepts: the aligner's own glossary when they are the aligner's.
    glossary: Arc<Glossary>,
    /// Per concept: whether it holds a term of the caller's glossary.
    user: Vec<bool>,
    /// Every concept's terms, by language (English, Spanish): the aligner's own index when
    /// the concepts are the aligner's.
    index: Arc<[TermIndex; 2]>,
    /// Per concept the caller named, per language, its terms as loose words, made the first
    /// time they are looked for (most concepts of a large glossary never are).
    loose: Mutex<HashMap<u32, Arc<LooseTerms>>>,
    /// The caller's glossary, whose terms are shown.
    callers: Glossary,
    /// Per language (English, Spanish), per concept, the caller's own terms (entries of
    /// `callers`; none: show all the concept's terms).
    shown: [Grouped; 2],
}

/// A concept's terms as loose words, per language (English, Spanish).
type LooseTerms = [LooseIndex; 2];

/// A concept's terms in one language as loose words, found by their first word: by its key,
/// and by its stem, so that a text is searched only for the terms one of its words can begin
/// (a concept may have thousands of synonyms).
#[derive(Debug, Default)]
struct LooseIndex {
    terms: Vec<Vec<LooseWord>>,
    by_key: HashMap<String, Vec<usize>>,
    by_stem: HashMap<String, Vec<usize>>,
}

impl LooseIndex {
    fn new(terms: Vec<Vec<LooseWord>>) -> LooseIndex {
        let mut index = LooseIndex::default();
        for (i, term) in terms.iter().enumerate() {
            let Some(first) = term.first() else { continue };
            index.by_key.entry(first.key.clone()).or_default().push(i);
            if let Some(stem) = &first.stem {
                index.by_stem.entry(stem.clone()).or_default().push(i);
            }
        }
        index.terms = terms;
        index
    }

    /// The terms whose first word may fit `t` (each at most once, in order): its key, or a
    /// stem that begins it (or begins one of its respellings by `lang`'s stem rules).
    fn candidates(&self, t: &TermKey, lang: Lang) -> Vec<usize> {
        let mut out: Vec<usize> = self.by_key.get(&t.key).cloned().unwrap_or_default();
        if !t.acronym && !self.by_stem.is_empty() {
            let mut forms = vec![t.key.clone()];
            forms.extend(lang.stem_rules().respellings(&t.key));
            for form in &forms {
                for (at, _) in form.char_indices().skip(STEM_MIN_CHARS) {
                    if let Some(list) = self.by_stem.get(&form[..at]) {
                        out.extend(list);
                    }
                }
                if form.chars().count() >= STEM_MIN_CHARS {
                    if let Some(list) = self.by_stem.get(form.as_str()) {
                        out.extend(list);
                    }
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Lists of numbers, one per group, stored one after another.
#[derive(Debug, Default)]
struct Grouped {
    /// Where each group starts in `items` (one more entry than there are groups: the end).
    starts: Vec<u32>,
    items: Vec<u32>,
}

impl Grouped {
    fn group(&self, g: usize) -> &[u32] {
        match (self.starts.get(g), self.starts.get(g + 1)) {
            (Some(&a), Some(&b)) => self.items.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }
}

/// A word of a term, for a loose search: its key, whether it is an acronym, and the stem its
/// inflected forms begin with.
#[derive(Clone, Debug)]
struct LooseWord {
    key: String,
    acronym: bool,
    stem: Option<String>,
}

impl LooseWord {
    /// Whether the text's word `t` (in `lang`) is this word: the same acronym, the same key,
    /// or a form its stem begins (once respelled by `lang`'s stem rules, if need be).
    fn fits(&self, t: &TermKey, lang: Lang) -> bool {
        if self.acronym {
            return t.acronym && t.key == self.key;
        }
        if t.key == self.key {
            return true;
        }
        let Some(stem) = self.stem.as_deref().filter(|_| !t.acronym) else {
            return false;
        };
        t.key.starts_with(stem)
            || lang
                .stem_rules()
                .respellings(&t.key)
                .any(|form| form.starts_with(stem))
    }
}

impl Terminology {
    /// The concepts of `all` (the aligner's glossary) merged with `user`'s, and which of them
    /// the caller named.
    pub fn new(all: &Glossary, user: &Glossary) -> Terminology {
        let mut glossary = all.clone();
        glossary.extend(user);
        let index = Arc::new([
            TermIndex::new(&glossary, Lang::En),
            TermIndex::new(&glossary, Lang::Es),
        ]);
        Terminology::merged(Arc::new(glossary), index, user)
    }

    /// The concepts of `glossary`, which already holds `user`'s terms, and which of them the
    /// caller named; `index` is `glossary`'s, in English and in Spanish.
    pub fn merged(
        glossary: Arc<Glossary>,
        index: Arc<[TermIndex; 2]>,
        user: &Glossary,
    ) -> Terminology {
        let mut user_flags = vec![false; glossary.len()];
        let shown = [Lang::En, Lang::Es].map(|lang| {
            // Each key of the caller's terms in this language, with its first entry in the
            // caller's order: a concept's own terms are looked up by key, not searched for
            // among all the caller's.
            let mut keys = Interner::with_capacity(user.ends.len() / 2);
            let mut first: Vec<u32> = Vec::new();
            for c in user.concepts() {
                let entries = c.terms_in(lang);
                let at = entries.next as u32;
                for (k, term) in entries.enumerate() {
                    let id = keys.intern(&term_key(term, lang)) as usize;
                    if id == first.len() {
                        first.push(at + k as u32);
                    }
                }
            }
            let mut grouped = Grouped {
                starts: Vec::with_capacity(glossary.len() + 1),
                items: Vec::new(),
            };
            grouped.starts.push(0);
            for (i, c) in glossary.concepts().enumerate() {
                // The caller's terms whose key is one of this side's, once per key, in the
                // caller's order.
                let start = grouped.items.len();
                for t in c.terms_in(lang) {
                    if let Some(id) = keys.get(&term_key(t, lang)) {
                        grouped.items.push(first[id as usize]);
                    }
                }
                grouped.items[start..].sort_unstable();
                let mut k = start;
                for j in start..grouped.items.len() {
                    if j == start || grouped.items[j] != grouped.items[k - 1] {
                        grouped.items[k] = grouped.items[j];
                        k += 1;
                    }
                }
                grouped.items.truncate(k);
                user_flags[i] |= k > start;
                grouped.starts.push(grouped.items.len() as u32);
            }
            grouped.items.shrink_to_fit();
            grouped
        });
        Terminology {
            glossary,
            user: user_flags,
            index,
            loose: Mutex::new(HashMap::new()),
            callers: user.clone(),
            shown,
        }
    }

    /// The concepts named in a text's tokens `toks` (in `lang`), as the aligner finds them
    /// (longest first), each with its byte range in the text and whether the caller named it.
    pub fn find(&self, toks: &[Token], lang: Lang) -> Vec<(u32, Range<usize>, bool)> {
        self.index[crate::glossary::column(lang)]
            .find(toks)
            .into_iter()
            .map(|m| {
                let range = toks[m.start].range.start..toks[m.start + m.len - 1].range.end;
                let user = self.user.get(m.concept as usize).copied().unwrap_or(false);
                (m.concept, range, user)
            })
            .collect()
    }

    /// Whether a term of `concept` in `lang` stands in the tokens `toks`, inflected as the
    /// language inflects: each content word of the term in order, at most [`TERM_GAP`] words
    /// apart, either equal to the text's word (case, accents and plural endings aside) or the
    /// beginning of it once a final inflection is cut, by the language's stem rules
    /// (`lang/stems.rs`): in Spanish an infinitive ending or a final `a`, `e`, `o`
    /// (`fortalecer` matches `fortalecerán`, `conjunto` matches `conjuntas`), with the
    /// spelling changes of verb stems undone (`promover` matches `promuevan`, `fortalecer`
    /// `fortalezcan`); in English a final `e` or `y` (`promote` matches `promoting`, `supply`
    /// matches `supplied`). The stem must keep [`STEM_MIN_CHARS`] letters; shorter words,
    /// numbers and acronyms match exactly.
    pub fn named_loosely(&self, concept: u32, toks: &[Token], lang: Lang) -> bool {
        let Some(terms) = self.loose_terms(concept) else {
            return false;
        };
        let keys: Vec<TermKey> = toks.iter().map(TermKey::of).collect();
        let index = &terms[crate::glossary::column(lang)];
        (0..keys.len()).any(|start| {
            index.candidates(&keys[start], lang).into_iter().any(|i| {
                let Some((first, rest)) = index.terms[i].split_first() else {
                    return false;
                };
                if !first.fits(&keys[start], lang) {
                    return false;
                }
                let mut at = start;
                rest.iter().all(|w| {
                    let end = (at + 2 + TERM_GAP).min(keys.len());
                    match (at + 1..end).find(|&j| w.fits(&keys[j], lang)) {
                        Some(j) => {
                            at = j;
                            true
                        }
                        None => false,
                    }
                })
            })
        })
    }

    /// The loose words of `concept`'s terms, made the first time they are asked for; `None`
    /// for a concept the caller did not name.
    fn loose_terms(&self, concept: u32) -> Option<Arc<LooseTerms>> {
        if !self.user.get(concept as usize).copied().unwrap_or(false) {
            return None;
        }
        let c = self.glossary.concept(concept as usize)?;
        // A lock poisoned by a panic elsewhere still holds a usable cache.
        let cache = || {
            self.loose
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
        };
        if let Some(terms) = cache().get(&concept) {
            return Some(Arc::clone(terms));
        }
        let words = |terms: Terms<'_>, lang: Lang| -> LooseIndex {
            LooseIndex::new(terms.map(|t| loose_words(t, lang)).collect())
        };
        let terms = Arc::new([words(c.en(), Lang::En), words(c.es(), Lang::Es)]);
        cache().insert(concept, Arc::clone(&terms));
        Some(terms)
    }

    /// The caller's terms for `concept` in `lang` (all its terms when the caller gave none in
    /// that language).
    pub fn shown(&self, concept: u32, lang: Lang) -> Vec<&str> {
        let concept = concept as usize;
        if !self.user.get(concept).copied().unwrap_or(false) {
            return Vec::new();
        }
        let own = self.shown[crate::glossary::column(lang)].group(concept);
        if !own.is_empty() {
            return own
                .iter()
                .map(|&e| self.callers.entry(e as usize))
                .collect();
        }
        self.glossary
            .concept(concept)
            .map_or_else(Vec::new, |c| c.terms_in(lang).collect())
    }
}

/// A term's content words (all its words when it has no other) for a loose search.
fn loose_words(term: &str, lang: Lang) -> Vec<LooseWord> {
    let toks = tokens(term, lang);
    let content: Vec<&Token> = toks.iter().filter(|t| !t.stop).collect();
    let chosen: Vec<&Token> = if content.is_empty() {
        toks.iter().collect()
    } else {
        content
    };
    chosen
        .into_iter()
        .map(|t| {
            let k = TermKey::of(t);
            let stem = if k.acronym || t.kind == TokenKind::Number {
                None
            } else {
                stem(&k.key, lang)
            };
            LooseWord {
                key: k.key,
                acronym: k.acronym,
                stem,
            }
        })
        .collect()
}

/// The beginning every inflected form of `word` (a folded, singular key) shares: the word
/// without the ending `lang`'s stem rules cut (in Spanish an infinitive ending or a final
/// vowel, in English a final `e` or `y`); `None` when fewer than [`STEM_MIN_CHARS`] letters
/// would be left.
fn stem(word: &str, lang: Lang) -> Option<String> {
    let stem = lang.stem_rules().stem(word);
    (stem.chars().count() >= STEM_MIN_CHARS).then(|| stem.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_concepts_holding_a_callers_term_are_checked() {
        let user =
            Glossary::from_tsv("MOC\tmemorándum de colaboración\nzorblat\tzorblata\n").unwrap();
        let t = Terminology::new(Glossary::builtin(), &user);
        let found = |text: &str, lang: Lang| -> Vec<(String, bool)> {
            let toks = tokens(text, lang);
            t.find(&toks, lang)
                .into_iter()
                .map(|(_, r, user)| (text[r].to_string(), user))
                .collect()
        };
        // The built-in concept the caller's MOC joined is the caller's; trade is not.
        assert_eq!(
            found("The Memorandum of Collaboration on trade", Lang::En),
            [
                ("Memorandum of Collaboration".to_string(), true),
                ("trade".to_string(), false)
            ]
        );
        assert_eq!(
            found("un zorblata", Lang::Es),
            [("zorblata".to_string(), true)]
        );
    }

    #[test]
    fn counterparts_are_found_in_inflected_forms() {
        let user = Glossary::from_tsv(
            "strengthen\tfortalecer\npromote\tpromover\njoint\tconjunto\nsupply chain\tcadena de suministro\nsearch\tbuscar\nT-MEC\tT-MEC\nsign\tfirmar\n",
        )
        .unwrap();
        let t = Terminology::new(&Glossary::new(), &user);
        let concept = |term: &str| {
            t.find(&tokens(term, Lang::En), Lang::En)
                .first()
                .map(|f| f.0)
                .unwrap_or_else(|| panic!("{term} not found"))
        };
        let es = |term: &str, text: &str| {
            t.named_loosely(concept(term), &tokens(text, Lang::Es), Lang::Es)
        };
        let en = |term: &str, text: &str| {
            t.named_loosely(concept(term), &tokens(text, Lang::En), Lang::En)
        };
        assert!(es("strengthen", "ambos países fortalecerán la cooperación"));
        assert!(es("strengthen", "que fortalezcan la trazabilidad"));
        assert!(!es("strengthen", "que refuercen la trazabilidad"));
        assert!(es("promote", "acciones que promuevan la inclusión"));
        assert!(es("joint", "investigaciones conjuntas"));
        assert!(es("supply chain", "las Cadenas de Suministro regionales"));
        assert!(es("supply chain", "cadenas globales de suministro"));
        assert!(!es("supply chain", "cadenas de valor y de suministro"));
        assert!(es("search", "que busquen soluciones"));
        assert!(es("T-MEC", "el TMEC"));
        assert!(!es("T-MEC", "el tmec"));
        assert!(en("strengthen", "strengthening ties"));
        assert!(en("promote", "promoting trade"));
        assert!(en("supply chain", "supply-chain resilience"));
        // Short words match only as they are.
        assert_eq!(stem("firmar", Lang::Es).as_deref(), Some("firm"));
        assert_eq!(stem("pedir", Lang::Es), None);
        assert_eq!(stem("supply", Lang::En).as_deref(), Some("suppl"));
        assert_eq!(stem("sign", Lang::En).as_deref(), Some("sign"));
        assert!(es("sign", "la próxima firma del acuerdo"));
    }

    #[test]
    fn the_callers_terms_are_shown_in_the_callers_order_once_per_key() {
        // The built-in concept of the USMCA gains the caller's spellings; they are shown in
        // the caller's order, the first spelling of each key only.
        let user = Glossary::from_tsv("USMCA\tT-MEC\nCUSMA\tTMEC\nusmca\tT-MEC\n").unwrap();
        let t = Terminology::new(Glossary::builtin(), &user);
        let toks = tokens("the USMCA", Lang::En);
        let (concept, _, named) = t.find(&toks, Lang::En)[0].clone();
        assert!(named);
        assert_eq!(t.shown(concept, Lang::En), ["USMCA", "CUSMA"]);
        assert_eq!(t.shown(concept, Lang::Es), ["T-MEC"]);
    }
}
