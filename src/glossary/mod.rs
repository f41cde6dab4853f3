//! Bilingual term pairs: the built-in general vocabulary and the caller's own glossaries, read
//! from TSV, CSV or TBX.
//!
//! This file is the model: [`Glossary`] (concepts stored in one buffer), its borrowed
//! [`ConceptRef`] and [`Terms`], the owned [`Concept`], the grouping of term pairs into
//! concepts, and the checks every reader applies to a term. The other files serve one user
//! each:
//!
//! - `formats.rs`: [`GlossaryFormat`] and the readers: [`Glossary::from_tsv`] whole,
//!   [`Glossary::from_csv`] and [`Glossary::from_tbx`] through `csv.rs` and `tbx.rs`;
//! - `index.rs`: the aligner's [`TermIndex`], which finds a glossary's terms in tokens;
//! - `terminology.rs`: the checker's [`Terminology`], which finds the caller's terms and their
//!   inflected counterparts;
//! - the union–find the grouping here shares with the lexicon stage is `crate::union_find`;
//! - `intern.rs`: the interner of term keys.

mod csv;
mod formats;
mod index;
mod intern;
mod tbx;
mod terminology;

use crate::union_find::{find, union};
use std::collections::HashSet;
use std::fmt;
use std::sync::{Arc, OnceLock};

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::lang::Lang;
use crate::tokens::{fold, tokens};
use intern::Interner;

pub use formats::GlossaryFormat;
pub(crate) use index::TermIndex;
pub(crate) use terminology::Terminology;

/// One concept: its English and Spanish terms (synonyms on each side) and notes, owned.
///
/// A [`Glossary`] stores its concepts compactly and lends them as [`ConceptRef`]s;
/// [`ConceptRef::to_concept`] gives this owned form, and a glossary serializes as a list of it.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Concept {
    /// English terms, as written in the glossary.
    pub en: Vec<String>,
    /// Spanish terms, as written in the glossary.
    pub es: Vec<String>,
    /// Notes given with the terms.
    pub notes: Vec<String>,
}

impl Concept {
    /// The terms of `lang`, as written in the glossary.
    pub fn terms(&self, lang: Lang) -> &[String] {
        match lang {
            Lang::En => &self.en,
            Lang::Es => &self.es,
        }
    }
}

/// The column of a glossary's terms in `lang`: 0 for English, 1 for Spanish. Every table of a
/// glossary kept per language (term indexes, loose indexes) is indexed by this alone, so that
/// a language added to the glossaries is added here once, not at each `lang == Es`.
pub(crate) fn column(lang: Lang) -> usize {
    match lang {
        Lang::En => 0,
        Lang::Es => 1,
    }
}

/// A bilingual English–Spanish glossary: concepts, each with its terms on both sides.
///
/// Terms match case- and accent-insensitively, tolerating plural endings, as whole words. The
/// aligner counts a concept named on both sides of a sentence pair as shared evidence, and a
/// [`Checker`](crate::Checker) built with [`Checker::with_glossary`](crate::Checker::with_glossary)
/// reports a term of the caller's glossary whose counterpart the aligned sentence lacks.
///
/// Glossaries are read from TSV ([`Glossary::from_tsv`]), CSV ([`Glossary::from_csv`]) or TBX
/// ([`Glossary::from_tbx`]), or by format with [`Glossary::parse`]. In every format, entries
/// that share a term (compared without case or accents) are synonyms of one concept.
///
/// Every term is stored once in one buffer, so a glossary costs little more than its terms'
/// bytes, however many concepts it has.
///
/// ```
/// use paridad::Glossary;
///
/// let tsv = "# term pairs\nMemorandum of Understanding\tmemorándum de entendimiento\nMOU\tmemorándum de entendimiento\tacronym\n";
/// let glossary = Glossary::from_tsv(tsv)?;
/// assert_eq!(glossary.len(), 1);
/// let concept = glossary.concept(0).unwrap();
/// assert!(concept.en().eq(["Memorandum of Understanding", "MOU"]));
/// assert!(concept.es().eq(["memorándum de entendimiento"]));
/// assert!(concept.notes().eq(["acronym"]));
/// # Ok::<(), paridad::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(from = "GlossaryData", into = "GlossaryData")]
pub struct Glossary {
    /// Every term and note, one after another.
    text: String,
    /// Where each term or note ends in `text`. A concept's entries are its English terms, then
    /// its Spanish terms, then its notes.
    ends: Vec<usize>,
    /// The concepts, in the order their first line appeared.
    slots: Vec<Slot>,
}

/// Where a concept's entries are in a [`Glossary`]: the first, and how many are English and
/// how many Spanish terms (the rest, up to the next concept's first, are notes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Slot {
    first: usize,
    en: u32,
    es: u32,
}

/// A glossary's serialized form: its concepts.
#[derive(Serialize, Deserialize)]
struct GlossaryData {
    concepts: Vec<Concept>,
}

impl From<GlossaryData> for Glossary {
    fn from(data: GlossaryData) -> Glossary {
        let mut glossary = Glossary::new();
        for c in &data.concepts {
            glossary.push_concept(
                c.en.iter().map(String::as_str),
                c.es.iter().map(String::as_str),
                c.notes.iter().map(String::as_str),
            );
        }
        glossary
    }
}

impl From<Glossary> for GlossaryData {
    fn from(glossary: Glossary) -> GlossaryData {
        GlossaryData {
            concepts: glossary.concepts().map(|c| c.to_concept()).collect(),
        }
    }
}

/// A concept of a [`Glossary`], borrowed: its terms on each side and its notes.
#[derive(Clone, Copy)]
pub struct ConceptRef<'a> {
    glossary: &'a Glossary,
    slot: Slot,
    end: usize,
}

impl<'a> ConceptRef<'a> {
    /// The English terms, as written in the glossary.
    pub fn en(&self) -> Terms<'a> {
        self.terms(self.slot.first, self.slot.en as usize)
    }

    /// The Spanish terms, as written in the glossary.
    pub fn es(&self) -> Terms<'a> {
        self.terms(
            self.slot.first + self.slot.en as usize,
            self.slot.es as usize,
        )
    }

    /// The terms in `lang`.
    pub fn terms_in(&self, lang: Lang) -> Terms<'a> {
        match lang {
            Lang::En => self.en(),
            Lang::Es => self.es(),
        }
    }

    /// The notes given with the terms.
    pub fn notes(&self) -> Terms<'a> {
        let first = self.slot.first + self.slot.en as usize + self.slot.es as usize;
        self.terms(first, self.end.saturating_sub(first))
    }

    /// The concept, owned.
    pub fn to_concept(&self) -> Concept {
        let owned = |terms: Terms<'a>| terms.map(str::to_string).collect();
        Concept {
            en: owned(self.en()),
            es: owned(self.es()),
            notes: owned(self.notes()),
        }
    }

    fn terms(&self, first: usize, count: usize) -> Terms<'a> {
        Terms {
            glossary: self.glossary,
            next: first,
            end: first + count,
        }
    }
}

impl fmt::Debug for ConceptRef<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Concept")
            .field("en", &self.en().collect::<Vec<_>>())
            .field("es", &self.es().collect::<Vec<_>>())
            .field("notes", &self.notes().collect::<Vec<_>>())
            .finish()
    }
}

/// The terms (or notes) of a concept on one side, in the glossary's order.
#[derive(Clone, Debug)]
pub struct Terms<'a> {
    glossary: &'a Glossary,
    next: usize,
    end: usize,
}

impl<'a> Iterator for Terms<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        if self.next >= self.end {
            return None;
        }
        self.next += 1;
        Some(self.glossary.entry(self.next - 1))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.end.saturating_sub(self.next);
        (n, Some(n))
    }
}

impl ExactSizeIterator for Terms<'_> {}

static BUILTIN: OnceLock<Arc<Glossary>> = OnceLock::new();

impl Glossary {
    /// An empty glossary.
    pub fn new() -> Glossary {
        Glossary::default()
    }

    /// The built-in glossary: general vocabulary of official texts and well-known institutions
    /// of both governments and of international bodies (`src/lang/glossary_en_es.tsv`).
    pub fn builtin() -> &'static Glossary {
        Glossary::builtin_shared()
    }

    /// The built-in glossary as one shared value, parsed once a process.
    pub(crate) fn builtin_shared() -> &'static Arc<Glossary> {
        BUILTIN.get_or_init(|| {
            // The table is part of the crate and tested to parse; an empty glossary is the
            // harmless fallback should it ever not.
            Arc::new(
                Glossary::from_tsv(include_str!("../lang/glossary_en_es.tsv")).unwrap_or_default(),
            )
        })
    }

    /// Adds the concepts of `other`, merging concepts that share a term.
    pub fn extend(&mut self, other: &Glossary) {
        let count = self.ends.len() + other.ends.len();
        let mut lines = Vec::with_capacity(count);
        for c in self.concepts().chain(other.concepts()) {
            // Re-express each concept as lines that share its first terms, so union by term
            // merges concepts across glossaries: each English term with the first Spanish,
            // the first English with each other Spanish term (one line for a pair).
            let en0 = c.en().next().unwrap_or("");
            let es0 = c.es().next().unwrap_or("");
            lines.extend(c.en().map(|en| (en, es0, None)));
            let skip = usize::from(c.en().len() > 0);
            lines.extend(c.es().skip(skip).map(|es| (en0, es, None)));
            lines.extend(c.notes().map(|note| (en0, es0, Some(note))));
        }
        *self = Glossary::from_lines(lines.as_slice());
    }

    /// The concepts, in the order their first line appeared.
    pub fn concepts(&self) -> impl ExactSizeIterator<Item = ConceptRef<'_>> + Clone + '_ {
        self.slots
            .iter()
            .enumerate()
            .map(|(i, &slot)| self.concept_at(i, slot))
    }

    /// The concept at `index` (in the order of [`Glossary::concepts`]).
    pub fn concept(&self, index: usize) -> Option<ConceptRef<'_>> {
        Some(self.concept_at(index, *self.slots.get(index)?))
    }

    /// The concept at `index`, whose slot is `slot`.
    fn concept_at(&self, index: usize, slot: Slot) -> ConceptRef<'_> {
        ConceptRef {
            glossary: self,
            slot,
            end: self
                .slots
                .get(index + 1)
                .map_or(self.ends.len(), |s| s.first),
        }
    }

    /// How many concepts there are.
    pub fn len(&self) -> usize {
        self.slots.len()
    }

    /// True when there are no concepts.
    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    /// Term or note `i` of the buffer.
    fn entry(&self, i: usize) -> &str {
        intern::string_of_usize(&self.text, &self.ends, i)
    }

    /// Appends a concept (its terms as they are: no merging).
    fn push_concept<'t>(
        &mut self,
        en: impl Iterator<Item = &'t str>,
        es: impl Iterator<Item = &'t str>,
        notes: impl Iterator<Item = &'t str>,
    ) {
        let first = self.ends.len();
        let mut add = |terms: &mut dyn Iterator<Item = &'t str>| -> u32 {
            let mut n = 0u32;
            for t in terms {
                self.text.push_str(t);
                self.ends.push(self.text.len());
                n = n.saturating_add(1);
            }
            n
        };
        let en = add(&mut { en });
        let es = add(&mut { es });
        add(&mut { notes });
        self.slots.push(Slot { first, en, es });
    }

    /// A glossary of `lines`, grouped into concepts by shared terms (union–find over terms).
    ///
    /// Each term is keyed once: a term is new to its concept when its node (its key in its
    /// language) is, so the time is linear in the lines, however many synonyms a concept has.
    /// A concept's English terms, Spanish terms and notes each keep the order of their lines.
    fn from_lines(lines: &(impl TermLines + ?Sized)) -> Glossary {
        // Node of an English key k: 2k; of a Spanish key k: 2k + 1.
        let mut parent: Vec<usize> = Vec::with_capacity(2 * lines.count());
        let mut line_nodes: Vec<[usize; 2]> = Vec::with_capacity(lines.count());
        {
            let mut keys = [
                Interner::with_capacity(lines.count()),
                Interner::with_capacity(lines.count()),
            ];
            for (en, es, _) in (0..lines.count()).map(|i| lines.line(i)) {
                let a = 2 * keys[0].intern(&term_key(en, Lang::En)) as usize;
                let b = 2 * keys[1].intern(&term_key(es, Lang::Es)) as usize + 1;
                while parent.len() <= a.max(b) {
                    parent.push(parent.len());
                }
                union(&mut parent, a, b);
                line_nodes.push([a, b]);
            }
        }
        // Concepts in the order of their first line; each line's concept.
        let mut concept_of_root = vec![u32::MAX; parent.len()];
        let mut concepts = 0u32;
        let mut line_concept: Vec<u32> = Vec::with_capacity(lines.count());
        for &[a, _] in &line_nodes {
            let root = find(&mut parent, a);
            if concept_of_root[root] == u32::MAX {
                concept_of_root[root] = concepts;
                concepts += 1;
            }
            line_concept.push(concept_of_root[root]);
        }
        let nodes = parent.len();
        drop(concept_of_root);
        drop(parent);
        // The lines of each concept, in order (a counting sort).
        let mut starts = vec![0u32; concepts as usize + 1];
        for &c in &line_concept {
            starts[c as usize + 1] += 1;
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        let mut next = starts.clone();
        let mut by_concept = vec![0u32; lines.count()];
        for (line, &c) in line_concept.iter().enumerate() {
            by_concept[next[c as usize] as usize] = line as u32;
            next[c as usize] += 1;
        }
        drop(next);
        drop(line_concept);
        // A node belongs to one concept (its root's), so a node seen once is a term its
        // concept already lists.
        let mut listed = vec![false; nodes];
        let mut glossary = Glossary::new();
        let mut noted: HashSet<&str> = HashSet::new();
        for c in 0..concepts as usize {
            let own = &by_concept[starts[c] as usize..starts[c + 1] as usize];
            let mut side = |s: usize| -> Vec<&str> {
                own.iter()
                    .filter_map(|&line| {
                        let line = line as usize;
                        let (en, es, _) = lines.line(line);
                        let term = if s == 0 { en } else { es };
                        let node = line_nodes[line][s];
                        (!term.is_empty() && !std::mem::replace(&mut listed[node], true))
                            .then_some(term)
                    })
                    .collect()
            };
            let (en, es) = (side(0), side(1));
            noted.clear();
            let notes = own
                .iter()
                .filter_map(|&line| lines.line(line as usize).2)
                .filter(|note| noted.insert(note));
            glossary.push_concept(en.into_iter(), es.into_iter(), notes);
        }
        glossary.text.shrink_to_fit();
        glossary.ends.shrink_to_fit();
        glossary.slots.shrink_to_fit();
        glossary
    }
}

/// Term pairs as a glossary file gives them: `(English, Spanish, note)` lines.
trait TermLines {
    /// How many lines there are.
    fn count(&self) -> usize;
    /// Line `i` (below [`TermLines::count`]).
    fn line(&self, i: usize) -> (&str, &str, Option<&str>);
}

impl TermLines for [(&str, &str, Option<&str>)] {
    fn count(&self) -> usize {
        self.len()
    }

    fn line(&self, i: usize) -> (&str, &str, Option<&str>) {
        self.get(i).copied().unwrap_or(("", "", None))
    }
}

/// The longest term a glossary may hold, in bytes. Real terms, even the full titles of
/// treaties, are far shorter; a longer "term" is a broken file (a missing line end or
/// quote), and matching it would cost memory many times its length.
pub(crate) const MAX_TERM_BYTES: usize = 1_000;

/// The error for a term of `term` bytes on `line` of a glossary of kind `what`, when it is
/// longer than [`MAX_TERM_BYTES`].
pub(crate) fn check_term_length(what: &'static str, line: usize, term: &str) -> Result<(), Error> {
    if term.len() <= MAX_TERM_BYTES {
        return Ok(());
    }
    Err(Error::format(
        what,
        line,
        format!(
            "a term of {} bytes: a term may have at most {MAX_TERM_BYTES} bytes (a missing line \
             end or quote?)",
            term.len()
        ),
    ))
}

/// Terms are the same when they match the same text: their token keys, case aside
/// (`T-MEC` and `TMEC`, `memorándum` and `Memorandums`).
fn term_key(term: &str, lang: Lang) -> String {
    let toks = tokens(term, lang);
    if toks.is_empty() {
        return fold(term);
    }
    // The keys in lower case, joined by spaces, without a string for each (the glossary
    // keys every term several times over).
    let mut key = String::with_capacity(term.len());
    for (i, t) in toks.iter().enumerate() {
        if i > 0 {
            key.push(' ');
        }
        if t.key
            .bytes()
            .any(|b| !b.is_ascii_lowercase() && !b.is_ascii_digit())
        {
            key.push_str(&t.key.to_lowercase());
        } else {
            key.push_str(&t.key);
        }
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_table_parses_and_keeps_instruments_apart() {
        let text = include_str!("../lang/glossary_en_es.tsv");
        let g = Glossary::from_tsv(text).expect("the built-in glossary parses");
        assert!(g.len() > 200, "{} concepts", g.len());
        let concept_of = |en: &str| {
            g.concepts()
                .position(|c| c.en().any(|t| fold(t) == fold(en)))
        };
        let mou = concept_of("memorandum of understanding").expect("MOU listed");
        let moc = concept_of("memorandum of collaboration").expect("MOC listed");
        assert_ne!(mou, moc);
        assert_eq!(concept_of("CUSMA"), concept_of("USMCA"));
        let cusma = g.concept(concept_of("CUSMA").unwrap()).unwrap();
        assert!(cusma.es().any(|t| t == "T-MEC"), "{cusma:?}");
    }

    #[test]
    fn terms_that_match_alike_are_one_term() {
        let g = Glossary::from_tsv(
            "\u{feff}# a BOM first\nzorblat pact\tZORBLAT\nzorblat accord\tZOR-BLAT\n",
        )
        .unwrap();
        assert_eq!(g.len(), 1, "{g:?}");
        assert_eq!(g.concept(0).unwrap().to_concept().es, ["ZORBLAT"]);
    }

    #[test]
    fn synonyms_merge_through_shared_terms_and_across_glossaries() {
        let mut g = Glossary::from_tsv("CUSMA\tT-MEC\nUSMCA\tT-MEC\nhealth\tsalud\n").unwrap();
        assert_eq!(g.len(), 2);
        assert_eq!(g.concept(0).unwrap().to_concept().en, ["CUSMA", "USMCA"]);
        let more =
            Glossary::from_tsv("CUSMA\tTratado entre México, Estados Unidos y Canadá\r\n").unwrap();
        g.extend(&more);
        assert_eq!(g.len(), 2);
        assert_eq!(g.concept(0).unwrap().to_concept().es.len(), 2);
    }

    #[test]
    fn synonyms_keep_their_first_spelling_and_order_and_notes_once() {
        let g = Glossary::from_tsv(
            "supply chain\tcadena de suministro\tnote A\n\
             Supply Chains\tcadena de suministro\tnote A\n\
             supply chain\tCadenas de Suministro\tnote B\n\
             supply network\tcadena de suministro\n\
             value chain\tcadena de valor\n",
        )
        .unwrap();
        assert_eq!(g.len(), 2, "{g:?}");
        let c = &g.concept(0).unwrap().to_concept();
        assert_eq!(c.en, ["supply chain", "supply network"]);
        assert_eq!(c.es, ["cadena de suministro"]);
        assert_eq!(c.notes, ["note A", "note B"]);
        assert_eq!(g.concept(1).unwrap().to_concept().en, ["value chain"]);
    }
}
