//! Alignment of two language versions: sections first, then sentences inside each section pair.

mod section;
mod sentence;

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::document::Document;
use crate::error::Error;
use crate::glossary::{Glossary, TermIndex};
use crate::lang::pair::{self, Model};
use crate::lang::{self, Lang, Tables, NEUTRAL};

use crate::dictionary::Dictionary;
use crate::lexicon::{Bag, Learned, Lexicon, Reading, Weights};
use section::{Match, SectionBag};

/// Two documents aligned: section pairs in the document order of side `a` (the English
/// version of an English–Spanish pair), each with its sentence pairs.
///
/// Every sentence of both documents appears in exactly one [`SentencePair`]. Every section
/// appears in exactly one [`SectionPair`] (a section without a counterpart with `None` on the
/// other side), except when the numbering of the two versions cannot be paired (an unnumbered
/// version against a numbered one): then the whole texts are aligned as one, and the sentence
/// pairs are grouped by the sections they fall in, so a section can appear in several entries
/// (at least one). A pair that straddles two sections is filed under the section of its
/// first sentence.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Alignment {
    /// The section pairs, in the document order of side `a`; a section of side `b` without a
    /// counterpart comes after the pair holding the section of `b` before it.
    pub sections: Vec<SectionPair>,
}

/// A section and its counterpart, with their sentence pairs.
///
/// A pair has two sides: `a`, the first version, and `b`, the second. For English and Spanish
/// the English version is side `a` whichever order the documents were given in; for any other
/// pair, side `a` is the document given first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SectionPair {
    /// Index of the section of side `a` in [`Document::sections`]; `None` when only side `b`
    /// has it.
    pub a: Option<usize>,
    /// Index of the section of side `b` in [`Document::sections`]; `None` when only side `a`
    /// has it.
    pub b: Option<usize>,
    /// The section id of side `a`, as segmentation gave it.
    pub a_id: Option<String>,
    /// The section id of side `b`.
    pub b_id: Option<String>,
    /// How well the pair is supported, in [0, 1]: the mean of its sentence pair scores weighted
    /// by their sentence counts, the titles counting as one more pair. 0 when a side is
    /// missing; 1 when both sides are present with nothing to compare (no sentences, titles
    /// without evidence).
    pub score: f64,
    /// True when the section stands elsewhere in the order of the other version (a moved
    /// section); false for sections in the same relative order.
    pub moved: bool,
    /// The sentence pairs of the section's own sentences (not those of its sub-sections), in
    /// order.
    pub pairs: Vec<SentencePair>,
}

/// Consecutive sentences of one version and their counterparts in the other.
///
/// Side `a` is the first version and `b` the second, as in [`SectionPair`]. For sentence lists
/// ([`Aligner::align_sentences`], [`Aligner::align_sentence_lists`]), `a` holds indexes into
/// the first list and `b` into the second, whatever their languages.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SentencePair {
    /// Indexes into the [`Document::sentences`] of side `a`, consecutive; empty for a sentence
    /// only side `b` has.
    pub a: Vec<usize>,
    /// Indexes into the [`Document::sentences`] of side `b`, consecutive; empty for a sentence
    /// only side `a` has.
    pub b: Vec<usize>,
    /// How well the pair is supported, in [0, 1]. 0 when a side is empty. Otherwise a quarter
    /// comes from the length model (the probability that translations differ this much in
    /// length) and three quarters from shared evidence (numbers, acronyms, names, cognates,
    /// glossary terms), weighted by rarity; sharing half of the evidence already counts as full
    /// support, and a sentence without any evidence counts a half (so a pair of which only the
    /// lengths can be told scores at most 0.625). On a faithful translation most pairs score
    /// above 0.6; a score below 0.4 means
    /// the two sides share little: a loose or wrong translation, or a misalignment to check.
    pub score: f64,
}

impl Alignment {
    /// Every sentence pair of every section, in order.
    pub fn sentence_pairs(&self) -> impl Iterator<Item = &SentencePair> {
        self.sections.iter().flat_map(|s| s.pairs.iter())
    }
}

/// Aligns documents, with a glossary of term pairs as extra evidence.
///
/// Alignment cannot fail: every pair of documents gets an alignment, poor as it may be. The
/// documents may come in either order: when the first is Spanish and the second English, they
/// are swapped, so that side `a` is the English version. For any other pair (two documents in
/// the same language) side `a` is the first document.
///
/// ```
/// use paridad::{Aligner, Document, Lang};
///
/// let en = Document::parse("1. Trade\nCanada and Mexico will expand trade under CUSMA. Parks Canada will report in 2026.\n", Lang::En)?;
/// let es = Document::parse("1. Comercio\nMéxico y Canadá ampliarán el comercio en el marco del T-MEC. Parques Canadá informará en 2026.\n", Lang::Es)?;
/// let alignment = Aligner::new().align(&en, &es);
/// // Entry 0 pairs the (empty) preambles; entry 1 the sections numbered 1.
/// let section = &alignment.sections[1];
/// assert_eq!(section.a_id.as_deref(), Some("1"));
/// assert_eq!(section.b_id.as_deref(), Some("1"));
/// let pairs: Vec<(&[usize], &[usize])> =
///     section.pairs.iter().map(|p| (&p.a[..], &p.b[..])).collect();
/// assert_eq!(pairs, [(&[0][..], &[0][..]), (&[1][..], &[1][..])]);
/// assert!(section.pairs.iter().all(|p| p.score > 0.6));
/// # Ok::<(), paridad::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Aligner {
    glossary: Arc<Glossary>,
    terms: Arc<[TermIndex; 2]>,
    /// Whether word pairs are learned from a first alignment (see [`Aligner::learn_terms`]).
    learn: bool,
    /// Dictionaries whose pairs count where their words meet in aligned sentences.
    dictionary: Arc<Dictionary>,
}

/// The English and the Spanish term index of `glossary`, built side by side.
fn term_indexes(glossary: &Glossary) -> [TermIndex; 2] {
    let (en, es) = rayon::join(
        || TermIndex::new(glossary, Lang::En),
        || TermIndex::new(glossary, Lang::Es),
    );
    [en, es]
}

impl Default for Aligner {
    fn default() -> Aligner {
        Aligner::new()
    }
}

impl Aligner {
    /// An aligner with the built-in glossary.
    pub fn new() -> Aligner {
        // The built-in glossary and its indexes are built once a process and shared.
        static TERMS: OnceLock<Arc<[TermIndex; 2]>> = OnceLock::new();
        let glossary = Glossary::builtin_shared();
        let terms = TERMS.get_or_init(|| Arc::new(term_indexes(glossary)));
        Aligner {
            glossary: Arc::clone(glossary),
            terms: Arc::clone(terms),
            learn: true,
            dictionary: Arc::default(),
        }
    }

    /// An aligner with the built-in glossary and the caller's (concepts sharing a term merge).
    pub fn with_glossary(glossary: &Glossary) -> Aligner {
        if glossary.is_empty() {
            return Aligner::new();
        }
        let mut all = Glossary::builtin().clone();
        all.extend(glossary);
        Aligner::from_glossary(all)
    }

    /// An aligner with only the given glossary, without the built-in one.
    pub fn from_glossary(glossary: Glossary) -> Aligner {
        let terms = term_indexes(&glossary);
        Aligner {
            glossary: Arc::new(glossary),
            terms: Arc::new(terms),
            learn: true,
            dictionary: Arc::default(),
        }
    }

    /// Adds `dictionary` as evidence: after a first alignment, its word pairs that meet in
    /// aligned sentences count as translations of each other, and the documents are aligned
    /// again with them. A dictionary does not say which language is which: its pairs are read
    /// both ways round.
    ///
    /// ```
    /// use paridad::{Aligner, Dictionary};
    ///
    /// let dict = Dictionary::from_hunalign("archivo @ file\n")?;
    /// let aligner = Aligner::new().dictionary(&dict);
    /// assert_eq!(aligner.dictionary_entries(), 1);
    /// # Ok::<(), paridad::Error>(())
    /// ```
    pub fn dictionary(mut self, dictionary: &Dictionary) -> Aligner {
        Arc::make_mut(&mut self.dictionary).extend(dictionary);
        self
    }

    /// The number of dictionary pairs in use (see [`Aligner::dictionary`]).
    pub fn dictionary_entries(&self) -> usize {
        self.dictionary.len()
    }

    /// Whether to learn word pairs from the document pair itself (on by default): after a
    /// first alignment, words that keep occurring in aligned sentence pairs count as
    /// translations of each other (`file` / `archivo`), and the documents are aligned again
    /// with them. Off, only the glossary, numbers, acronyms, identical words and cognates link
    /// the two versions.
    ///
    /// ```
    /// use paridad::Aligner;
    ///
    /// assert!(Aligner::new().learns_terms());
    /// assert!(!Aligner::new().learn_terms(false).learns_terms());
    /// ```
    pub fn learn_terms(mut self, on: bool) -> Aligner {
        self.learn = on;
        self
    }

    /// Whether word pairs are learned from the document pair (see [`Aligner::learn_terms`]).
    pub fn learns_terms(&self) -> bool {
        self.learn
    }

    /// The glossary in use.
    pub fn glossary(&self) -> &Glossary {
        &self.glossary
    }

    /// The glossary in use, shared.
    pub(crate) fn shared_glossary(&self) -> Arc<Glossary> {
        Arc::clone(&self.glossary)
    }

    /// The glossary's terms compiled for matching, in English and in Spanish.
    pub(crate) fn term_index(&self) -> Arc<[TermIndex; 2]> {
        Arc::clone(&self.terms)
    }

    /// Aligns two versions of a document (English and Spanish, in either order).
    pub fn align(&self, a: &Document<'_>, b: &Document<'_>) -> Alignment {
        let [a, b] = crate::document::sides(a, b);
        self.align_ordered(a, b)
    }

    /// Aligns many document pairs in parallel; the result is the same, pair for pair, as
    /// calling [`Aligner::align`] on each, whatever the number of threads.
    pub fn align_all(&self, pairs: &[(Document<'_>, Document<'_>)]) -> Vec<Alignment> {
        pairs.par_iter().map(|(a, b)| self.align(a, b)).collect()
    }

    /// Aligns two lists of sentences, English and Spanish, already split one per item: the
    /// alignment core alone, without sections. The pairs cover every index of both lists once,
    /// in order.
    ///
    /// ```
    /// use paridad::Aligner;
    ///
    /// let en = ["Canada and Mexico share 81 years of relations.", "A new plan follows."];
    /// let es = ["Ciudad de México, 18 de septiembre de 2025", "México y Canadá comparten 81 años de relaciones.", "Sigue un nuevo plan."];
    /// let pairs = Aligner::new().align_sentences(&en, &es);
    /// let beads: Vec<(&[usize], &[usize])> = pairs.iter().map(|p| (&p.a[..], &p.b[..])).collect();
    /// assert_eq!(beads, [(&[][..], &[0][..]), (&[0][..], &[1][..]), (&[1][..], &[2][..])]);
    /// ```
    pub fn align_sentences(&self, en: &[&str], es: &[&str]) -> Vec<SentencePair> {
        self.align_lists(en, "en", es, "es")
    }

    /// Aligns two lists of sentences in any two languages, named by ISO 639 codes (`en`, `es`,
    /// `de`, `fr`, …), already split one sentence per item. English and Spanish bring their
    /// vocabulary (stop words, plurals, cognate rules, and between the two the glossary); any
    /// other language is read with language-neutral evidence only: lengths, digits, acronyms,
    /// identical and near-identical words. A language is named by an ISO 639-1 or 639-2 code,
    /// optionally with a region (`es-MX`), or by a name paridad knows (`spanish`). The pairs
    /// hold the first list's indexes in [`SentencePair::a`] and the second's in
    /// [`SentencePair::b`], and cover every index of both once, in order. No pair of languages
    /// is refused; a code that is not of that form is an error.
    ///
    /// ```
    /// use paridad::Aligner;
    ///
    /// let de = ["Die Konferenz beginnt am 4. Mai 2026 in Ottawa.", "Sie dauert drei Tage.", "Die Delegationen treffen sich danach im Parlament."];
    /// let fr = ["La conférence commence le 4 mai 2026 à Ottawa.", "Elle dure trois jours.", "Les délégations se réunissent ensuite au Parlement."];
    /// let pairs = Aligner::new().align_sentence_lists(&de, "de", &fr, "fr")?;
    /// let beads: Vec<(&[usize], &[usize])> = pairs.iter().map(|p| (&p.a[..], &p.b[..])).collect();
    /// assert_eq!(beads, [(&[0][..], &[0][..]), (&[1][..], &[1][..]), (&[2][..], &[2][..])]);
    /// assert!(Aligner::new().align_sentence_lists(&de, "deutsch", &fr, "fr").is_err());
    /// # Ok::<(), paridad::Error>(())
    /// ```
    pub fn align_sentence_lists(
        &self,
        a: &[&str],
        a_lang: &str,
        b: &[&str],
        b_lang: &str,
    ) -> Result<Vec<SentencePair>, Error> {
        let (code_a, code_b) = (language_code(a_lang)?, language_code(b_lang)?);
        Ok(self.align_lists(a, &code_a, b, &code_b))
    }

    /// [`Aligner::align_sentence_lists`] with codes already checked and lower-case.
    fn align_lists(&self, a: &[&str], code_a: &str, b: &[&str], code_b: &str) -> Vec<SentencePair> {
        let known = |code: &str| Lang::ALL.iter().copied().find(|l| l.code() == code);
        let (known_a, known_b) = (known(code_a), known(code_b));
        let tables =
            |lang: Option<Lang>| -> &'static Tables { lang.map_or(&NEUTRAL, Lang::tables) };
        // The glossary pairs English and Spanish: it applies only between those two.
        let empty = TermIndex::new(&Glossary::new(), Lang::En);
        let glossary_applies = matches!(
            (known_a, known_b),
            (Some(Lang::En), Some(Lang::Es)) | (Some(Lang::Es), Some(Lang::En))
        );
        let term = |lang: Option<Lang>| match lang {
            Some(lang) if glossary_applies => &self.terms[crate::glossary::column(lang)],
            _ => &empty,
        };
        let reading = Reading::of_lists(
            a,
            tables(known_a),
            b,
            tables(known_b),
            [term(known_a), term(known_b)],
        );
        let model = list_model((code_a, known_a), (code_b, known_b), a, b);
        let align = |built: &Lexicon| -> Vec<SentencePair> {
            sentence::align(&built.a, &built.b, &built.weights, &model)
                .into_iter()
                .map(|bead| SentencePair {
                    a: bead.a.collect(),
                    b: bead.b.collect(),
                    score: round(bead.score),
                })
                .collect()
        };
        let first = reading.lexicon(&Learned::default());
        let pairs = align(&first);
        if !self.learn && self.dictionary.is_empty() {
            return pairs;
        }
        let learned = self.learned(&reading, &first, pairs.iter());
        if learned.is_empty() {
            return pairs;
        }
        align(&reading.lexicon(&learned))
    }

    fn align_ordered(&self, en: &Document<'_>, es: &Document<'_>) -> Alignment {
        self.lexicon_and_alignment(en, es, false).1
    }

    /// What this aligner's glossary reads of `en` and `es` (in this order); with `detail`, the
    /// lexicons made of it keep every content token of every sentence (then every title) with
    /// its class, which the comparisons read.
    fn reading(&self, en: &Document<'_>, es: &Document<'_>, detail: bool) -> Reading {
        let term = |lang: Lang| &self.terms[crate::glossary::column(lang)];
        Reading::of_documents(en, es, [term(en.lang()), term(es.lang())], detail)
    }

    /// The lexicon of `en` and `es` (in this order) and their alignment: aligned once, then,
    /// when this aligner learns terms and the first alignment teaches some, aligned again with
    /// them.
    pub(crate) fn lexicon_and_alignment(
        &self,
        en: &Document<'_>,
        es: &Document<'_>,
        detail: bool,
    ) -> (Lexicon, Alignment) {
        let reading = self.reading(en, es, detail);
        let lexicon = reading.lexicon(&Learned::default());
        let alignment = self.align_in(en, es, &lexicon);
        if !self.learn && self.dictionary.is_empty() {
            return (lexicon, alignment);
        }
        let learned = self.learned_from(&reading, &lexicon, &alignment);
        if learned.is_empty() {
            return (lexicon, alignment);
        }
        drop(lexicon);
        let lexicon = reading.lexicon(&learned);
        let alignment = self.align_in(en, es, &lexicon);
        (lexicon, alignment)
    }

    /// The lexicon of `en` and `es` (in this order) read along an `alignment` made before:
    /// with the terms it teaches when this aligner learns terms.
    pub(crate) fn lexicon_along(
        &self,
        en: &Document<'_>,
        es: &Document<'_>,
        alignment: &Alignment,
    ) -> Lexicon {
        let reading = self.reading(en, es, true);
        let first = reading.lexicon(&Learned::default());
        if !self.learn && self.dictionary.is_empty() {
            return first;
        }
        reading.lexicon(&self.learned_from(&reading, &first, alignment))
    }

    /// The word pairs the sentence pairs of `alignment` teach (see [`Aligner::learned`]).
    fn learned_from(&self, reading: &Reading, first: &Lexicon, alignment: &Alignment) -> Learned {
        self.learned(reading, first, alignment.sentence_pairs())
    }

    /// The word pairs aligned sentence `pairs` teach: by their counts when this aligner learns
    /// terms, and from its dictionaries; `first` is the reading's lexicon without them.
    fn learned<'p>(
        &self,
        reading: &Reading,
        first: &Lexicon,
        pairs: impl Iterator<Item = &'p SentencePair>,
    ) -> Learned {
        reading.learn(
            first,
            pairs.map(|pair| (&pair.a[..], &pair.b[..])),
            self.learn,
            &self.dictionary,
        )
    }

    /// Aligns `en` and `es` (in this order), reading their `lexicon`.
    pub(crate) fn align_in(
        &self,
        en: &Document<'_>,
        es: &Document<'_>,
        lexicon: &Lexicon,
    ) -> Alignment {
        // Every pair of documents is a pair with tables, English and Spanish in this order;
        // a pair nobody measured, should one come, is read characters one for one.
        let model = pair::model(en.lang(), es.lang()).unwrap_or_else(|| pair::unmeasured(1.0));
        let lex = &lexicon.weights;
        let sides = [Side::new(en, &lexicon.a), Side::new(es, &lexicon.b)];
        let matches = section::pair(
            &ids(en),
            &ids(es),
            &sides[0].section_bags,
            &sides[1].section_bags,
            lex,
        );
        let mut pairs = if structure_holds(&matches, en, es) {
            matches
                .par_iter()
                .map(|m| section_pair(m, &sides, lex, &model))
                .collect()
        } else {
            whole_text(&sides, lex, &model)
        };
        order(&mut pairs);
        Alignment { sections: pairs }
    }
}

fn ids<'d>(doc: &'d Document<'_>) -> Vec<&'d str> {
    doc.sections().iter().map(|s| s.id()).collect()
}

/// One document as the aligner sees it.
struct Side<'d, 't> {
    doc: &'d Document<'t>,
    /// Bags of the sentences.
    sentences: &'d [Bag],
    /// Bags of the section titles.
    titles: &'d [Bag],
    section_bags: Vec<SectionBag>,
}

impl<'d, 't> Side<'d, 't> {
    /// The id of section `k`, when there is one.
    fn id(&self, k: Option<usize>) -> Option<String> {
        k.map(|k| self.doc.sections()[k].id().to_string())
    }

    fn new(doc: &'d Document<'t>, bags: &'d [Bag]) -> Side<'d, 't> {
        let (sentences, titles) = bags.split_at(doc.sentences().len());
        let section_bags = doc
            .sections()
            .iter()
            .zip(titles)
            .map(|(s, title)| {
                SectionBag::new(std::iter::once(title).chain(&sentences[s.sentence_range()]))
            })
            .collect();
        Side {
            doc,
            sentences,
            titles,
            section_bags,
        }
    }
}

/// True when at least half of each side's sentences lie in sections paired on both sides;
/// otherwise the numbering says too little and the whole text is aligned as one.
fn structure_holds(matches: &[Match], en: &Document<'_>, es: &Document<'_>) -> bool {
    let covered = |doc: &Document<'_>, pick: fn(&Match) -> Option<usize>| -> usize {
        matches
            .iter()
            .filter(|m| m.a.is_some() && m.b.is_some())
            .filter_map(pick)
            .map(|k| doc.sections()[k].sentence_range().len())
            .sum()
    };
    let (ne, ns) = (en.sentences().len(), es.sentences().len());
    2 * covered(en, |m| m.a) >= ne && 2 * covered(es, |m| m.b) >= ns
}

/// Aligns the sentences of one section match.
fn section_pair(m: &Match, sides: &[Side<'_, '_>; 2], lex: &Weights, model: &Model) -> SectionPair {
    let range = |side: &Side<'_, '_>, k: Option<usize>| {
        k.map_or(0..0, |k| side.doc.sections()[k].sentence_range())
    };
    let (ra, rb) = (range(&sides[0], m.a), range(&sides[1], m.b));
    let beads = sentence::align(
        &sides[0].sentences[ra.clone()],
        &sides[1].sentences[rb.clone()],
        lex,
        model,
    );
    let pairs: Vec<SentencePair> = beads
        .into_iter()
        .map(|bead| SentencePair {
            a: (ra.start + bead.a.start..ra.start + bead.a.end).collect(),
            b: (rb.start + bead.b.start..rb.start + bead.b.end).collect(),
            score: round(bead.score),
        })
        .collect();
    let title_score = match (m.a, m.b) {
        (Some(i), Some(j)) => lex.similarity(&sides[0].titles[i], &sides[1].titles[j]),
        _ => None,
    };
    let (mut sum, mut weight) = weighted_scores(&pairs);
    if let Some(t) = title_score {
        weight += 2.0;
        sum += 2.0 * f64::from(t);
    }
    let score = match (m.a, m.b) {
        (Some(_), Some(_)) if weight == 0.0 => 1.0,
        (Some(_), Some(_)) => sum / weight,
        _ => 0.0,
    };
    SectionPair {
        a: m.a,
        b: m.b,
        a_id: sides[0].id(m.a),
        b_id: sides[1].id(m.b),
        score: round(score as f32),
        moved: m.moved,
        pairs,
    }
}

/// Aligns all sentences of both documents as one text, then groups the sentence pairs by the
/// sections they fall in.
fn whole_text(sides: &[Side<'_, '_>; 2], lex: &Weights, model: &Model) -> Vec<SectionPair> {
    let beads = sentence::align(sides[0].sentences, sides[1].sentences, lex, model);
    let section_of = |side: &Side<'_, '_>, r: &std::ops::Range<usize>| {
        (!r.is_empty()).then(|| side.doc.sentences()[r.start].section())
    };
    let mut groups: Vec<(Option<usize>, Option<usize>, Vec<SentencePair>)> = Vec::new();
    for bead in beads {
        let (a, b) = (
            section_of(&sides[0], &bead.a),
            section_of(&sides[1], &bead.b),
        );
        let pair = SentencePair {
            a: bead.a.clone().collect(),
            b: bead.b.clone().collect(),
            score: round(bead.score),
        };
        let fits = |g: &(Option<usize>, Option<usize>, Vec<SentencePair>)| {
            (a.is_none() || g.0.is_none() || a == g.0) && (b.is_none() || g.1.is_none() || b == g.1)
        };
        match groups.last_mut() {
            Some(g) if fits(g) => {
                g.0 = g.0.or(a);
                g.1 = g.1.or(b);
                g.2.push(pair);
            }
            _ => groups.push((a, b, vec![pair])),
        }
    }
    let mut out: Vec<SectionPair> = groups
        .into_iter()
        .map(|(a, b, pairs)| {
            let (sum, weight) = weighted_scores(&pairs);
            SectionPair {
                a,
                b,
                a_id: sides[0].id(a),
                b_id: sides[1].id(b),
                score: if a.is_some() && b.is_some() && weight > 0.0 {
                    round((sum / weight) as f32)
                } else {
                    0.0
                },
                moved: false,
                pairs,
            }
        })
        .collect();
    // Sections in no entry yet (they have no sentences) still appear: paired with the
    // section of the same id on the other side when it is left over too.
    let mut present = [
        vec![false; sides[0].doc.sections().len()],
        vec![false; sides[1].doc.sections().len()],
    ];
    for p in &out {
        if let Some(s) = p.a {
            present[0][s] = true;
        }
        if let Some(s) = p.b {
            present[1][s] = true;
        }
    }
    let left_es: HashMap<&str, usize> = (0..present[1].len())
        .filter(|&j| !present[1][j])
        .map(|j| (sides[1].doc.sections()[j].id(), j))
        .collect();
    let left_en: Vec<usize> = (0..present[0].len()).filter(|&i| !present[0][i]).collect();
    for i in left_en {
        let es = left_es.get(sides[0].doc.sections()[i].id()).copied();
        if let Some(j) = es {
            present[1][j] = true;
        }
        out.push(SectionPair {
            a: Some(i),
            b: es,
            a_id: sides[0].id(Some(i)),
            b_id: sides[1].id(es),
            score: if es.is_some() { 1.0 } else { 0.0 },
            moved: false,
            pairs: Vec::new(),
        });
    }
    for j in (0..present[1].len()).filter(|&j| !present[1][j]) {
        out.push(SectionPair {
            a: None,
            b: Some(j),
            a_id: None,
            b_id: sides[1].id(Some(j)),
            score: 0.0,
            moved: false,
            pairs: Vec::new(),
        });
    }
    out
}

/// Puts section pairs in English document order; a Spanish-only section goes right after the
/// pair holding the Spanish section before it.
fn order(pairs: &mut Vec<SectionPair>) {
    let (mut with_en, only_es): (Vec<SectionPair>, Vec<SectionPair>) =
        pairs.drain(..).partition(|p| p.a.is_some());
    // Several entries of one English section (the whole-text fallback) keep their order.
    with_en.sort_by_key(|p| (p.a, p.pairs.iter().find_map(|q| q.a.first().copied())));
    let mut only_es = only_es;
    only_es.sort_by_key(|p| p.b);
    let mut out: Vec<SectionPair> = Vec::with_capacity(with_en.len() + only_es.len());
    // Where each Spanish-only section goes: after the last entry whose Spanish section
    // precedes it.
    // Entries holding a Spanish section, by that section's index.
    let mut with_es: Vec<(usize, usize)> = with_en
        .iter()
        .enumerate()
        .filter_map(|(k, q)| q.b.map(|e| (e, k)))
        .collect();
    with_es.sort_unstable();
    let mut inserts: Vec<(usize, SectionPair)> = only_es
        .into_iter()
        .map(|p| {
            let es = p.b.unwrap_or(0);
            // After the entry holding the nearest preceding Spanish section.
            let before = with_es.partition_point(|&(e, _)| e < es);
            let after = if before == 0 {
                0
            } else {
                with_es[before - 1].1 + 1
            };
            (after, p)
        })
        .collect();
    inserts.sort_by_key(|(after, p)| (*after, p.b));
    let mut inserts = inserts.into_iter().peekable();
    for (k, p) in with_en.into_iter().enumerate() {
        while let Some((_, q)) = inserts.next_if(|(after, _)| *after == k) {
            out.push(q);
        }
        out.push(p);
    }
    out.extend(inserts.map(|(_, q)| q));
    *pairs = out;
}

/// The sum of the pair scores weighted by their sentence counts, and the total weight.
fn weighted_scores(pairs: &[SentencePair]) -> (f64, f64) {
    pairs.iter().fold((0.0, 0.0), |(sum, weight), p| {
        let w = (p.a.len() + p.b.len()) as f64;
        (sum + w * p.score, weight + w)
    })
}

fn round(x: f32) -> f64 {
    (f64::from(x) * 1000.0).round() / 1000.0
}

/// The ISO 639 code of a language given by tag (`en`, `DE`, `fra`, `es-MX`, `English`), as
/// [`lang::any_code`] reads it; an error unless it can.
fn language_code(given: &str) -> Result<String, Error> {
    lang::any_code(given).ok_or_else(|| {
        Error::setting(format!(
            "language code {given:?}: expected an ISO 639 code, as en, es, de, spa or pt-BR"
        ))
    })
}

/// The length model for two sentence lists in languages `a` and `b`: a pair with tables as
/// [`pair::model`] gives it (English to Spanish or back as measured); one language on both sides, characters one for one; any other pair,
/// the ratio of the two lists' characters, so a language that runs longer is expected to.
fn list_model(
    (a, known_a): (&str, Option<Lang>),
    (b, known_b): (&str, Option<Lang>),
    list_a: &[&str],
    list_b: &[&str],
) -> Model {
    if let Some(model) = known_a.zip(known_b).and_then(|(a, b)| pair::model(a, b)) {
        return model;
    }
    if a == b {
        return pair::unmeasured(1.0);
    }
    let chars = |list: &[&str]| list.iter().map(|s| s.chars().count()).sum::<usize>();
    let (ca, cb) = (chars(list_a), chars(list_b));
    pair::unmeasured(if ca == 0 || cb == 0 {
        1.0
    } else {
        (cb as f32 / ca as f32).clamp(0.5, 2.0)
    })
}
