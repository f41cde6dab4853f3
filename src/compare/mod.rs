//! Checking: align two versions, then compare every aligned pair for divergences.

mod dates;
mod entities;
mod lists;
mod meaning;
mod modality;
mod numbers;
mod omission;
mod pairing;
mod structure;
mod terminology;
#[cfg(test)]
mod tests;
mod verbatim;

use entities::frequent_classes;
use omission::subsume_in_clauses;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::align::{Aligner, Alignment};
use crate::date::Date;
use crate::divergence::{stable_id, text_hash, Divergence, DivergenceKind, Evidence, Severity};
use crate::document::{Document, ParagraphKind, SourceMap};
use crate::error::Error;
use crate::extract::{extract, Found};
use crate::glossary::{Glossary, Terminology};
use crate::lang::pair;
use crate::lexicon::{Classed, Lexicon};
use crate::span::{LineIndex, Span};

/// Checks two versions of a document for divergences.
///
/// ```
/// use paridad::{Checker, Document, DivergenceKind, Lang};
///
/// let en = Document::parse("1. Parks\nParks Canada will sign the agreement by March 31, 2026.\n", Lang::En)?;
/// let es = Document::parse("1. Parques\nParques Canadá podrá firmar el acuerdo antes del 30 de abril de 2026.\n", Lang::Es)?;
/// let check = Checker::new().check(&en, &es);
/// let kinds: Vec<DivergenceKind> = check.divergences.iter().map(|d| d.kind).collect();
/// assert_eq!(kinds, [DivergenceKind::Date, DivergenceKind::Modality]);
/// assert_eq!(check.divergences[0].a.as_ref().unwrap().text, "by March 31, 2026");
/// assert_eq!(check.divergences[0].b.as_ref().unwrap().text, "antes del 30 de abril de 2026");
/// # Ok::<(), paridad::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct Checker {
    aligner: Aligner,
    doc_date: Option<Date>,
    /// The caller's glossary, compiled for the terminology check.
    terminology: Option<Arc<Terminology>>,
}

/// The result of a check: the alignment and the divergences found in it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Check {
    /// How the versions align.
    pub alignment: Alignment,
    /// The divergences, in the order of the section pairs, then of their sentence pairs.
    pub divergences: Vec<Divergence>,
    /// The date relative dates (`this year`) were resolved against, when any.
    pub doc_date: Option<Date>,
}

impl Check {
    /// The divergences of section pair `section` (a scan of all of them: to walk every
    /// section pair, group them once instead).
    pub fn in_section(&self, section: usize) -> impl Iterator<Item = &Divergence> {
        self.divergences
            .iter()
            .filter(move |d| d.section == section)
    }

    /// The divergences of each section pair, in order, grouped in one pass (those naming a
    /// section pair the alignment does not have are left out).
    pub(crate) fn by_section(&self) -> Vec<Vec<&Divergence>> {
        let mut out = vec![Vec::new(); self.alignment.sections.len()];
        for d in &self.divergences {
            if let Some(list) = out.get_mut(d.section) {
                list.push(d);
            }
        }
        out
    }

    /// The divergences of each sentence pair, keyed by (section pair, sentence pair), in
    /// order, grouped in one pass.
    pub(crate) fn by_pair(&self) -> HashMap<(usize, usize), Vec<&Divergence>> {
        let mut out: HashMap<(usize, usize), Vec<&Divergence>> = HashMap::new();
        for d in &self.divergences {
            if let Some(p) = d.pair {
                out.entry((d.section, p)).or_default().push(d);
            }
        }
        out
    }
}

impl Checker {
    /// A checker with the built-in glossary.
    pub fn new() -> Checker {
        Checker::default()
    }

    /// A checker using `aligner` (and its glossary, whose terms count as equivalents). No
    /// terminology check is made unless [`Checker::terminology`] asks for one.
    pub fn with_aligner(aligner: Aligner) -> Checker {
        Checker {
            aligner,
            doc_date: None,
            terminology: None,
        }
    }

    /// A checker with the built-in glossary and the caller's: every term counts as an
    /// equivalent of its counterparts, and the caller's terms are checked for consistency
    /// (see [`Checker::terminology`]).
    ///
    /// ```
    /// use paridad::{Checker, Document, Glossary, Lang};
    ///
    /// let en = Document::parse("1. Fisheries\nBoth countries will sign a Memorandum of Collaboration on fisheries.\n", Lang::En)?;
    /// let es = Document::parse("1. Pesca\nAmbos países firmarán un memorándum de colaboración sobre acuicultura.\n", Lang::Es)?;
    /// let glossary = Glossary::from_tsv("fisheries\tpesca\nfishery\tpesquería\n")?;
    /// let check = Checker::with_glossary(&glossary).check(&en, &es);
    /// let messages: Vec<&str> = check.divergences.iter().map(|d| d.message.as_str()).collect();
    /// assert_eq!(messages, [r#"glossary term "fisheries" should be rendered "pesca" or "pesquería"; not found in the Spanish sentence"#]);
    /// let d = &check.divergences[0];
    /// assert_eq!(d.a.as_ref().unwrap().text, "fisheries");
    /// assert_eq!(d.b.as_ref().unwrap().text, "Ambos países firmarán un memorándum de colaboración sobre acuicultura.");
    /// # Ok::<(), paridad::Error>(())
    /// ```
    pub fn with_glossary(glossary: &Glossary) -> Checker {
        if glossary.is_empty() {
            return Checker::with_aligner(Aligner::new());
        }
        // What `Aligner::with_glossary` does, with the merged glossary kept for the
        // terminology check rather than merged a second time.
        let mut all = Glossary::builtin().clone();
        all.extend(glossary);
        let aligner = Aligner::from_glossary(all);
        // The terminology check reads the aligner's concepts and index, not copies.
        let terminology = (!glossary.is_empty()).then(|| {
            Arc::new(Terminology::merged(
                aligner.shared_glossary(),
                aligner.term_index(),
                glossary,
            ))
        });
        Checker {
            terminology,
            ..Checker::with_aligner(aligner)
        }
    }

    /// Checks terminology consistency against `glossary`, as translation-QA tools do: a term
    /// of `glossary` named in a sentence whose aligned counterpart names none of the
    /// concept's terms in the other language is an [`Entity`](crate::DivergenceKind::Entity)
    /// warning, with the term as evidence on its side and the aligned sentence on the other.
    ///
    /// Concepts are those of the aligner's glossary merged with `glossary`, so a built-in
    /// synonym of a term counts as its counterpart too; but only concepts holding a term of
    /// `glossary` are checked, never the built-in vocabulary alone. A counterpart counts in
    /// any inflected form: case, accents and plural endings aside, and with a final inflection
    /// of each word cut (`fortalecer` stands in `fortalecerán`, `conjunto` in `conjuntas`,
    /// `promote` in `promoting`). When another check already reports the same words (an
    /// instrument that differs), the glossary's rendering is added to its message instead; a
    /// term inside a clause reported left out is left to the clause. An empty glossary turns
    /// the check off.
    pub fn terminology(mut self, glossary: &Glossary) -> Checker {
        self.terminology = (!glossary.is_empty())
            .then(|| Arc::new(Terminology::new(self.aligner.glossary(), glossary)));
        self
    }

    /// Whether to learn word pairs from the document pair itself (on by default): see
    /// [`Aligner::learn_terms`]. The comparisons read them too: a clause whose words have
    /// learned counterparts in the aligned sentence is not reported left out.
    pub fn learn_terms(mut self, on: bool) -> Checker {
        self.aligner = self.aligner.learn_terms(on);
        self
    }

    /// Adds `dictionary` as evidence for aligning and comparing: see [`Aligner::dictionary`].
    pub fn dictionary(mut self, dictionary: &crate::Dictionary) -> Checker {
        self.aligner = self.aligner.dictionary(dictionary);
        self
    }

    /// Resolves relative dates (`this year`, `este mismo año`) against `date` rather than
    /// the documents' own datelines.
    pub fn doc_date(mut self, date: Date) -> Checker {
        self.doc_date = Some(date);
        self
    }

    /// Aligns the two versions and compares every aligned pair. Of English and Spanish,
    /// given in either order, the English version is side `a` of the [`Check`]'s alignment
    /// and divergences; any other pair is sides `a` and `b` in the order given. Relative dates
    /// resolve against the date given with [`Checker::doc_date`], else the dateline of side
    /// `a`, else that of side `b`.
    pub fn check(&self, a: &Document<'_>, b: &Document<'_>) -> Check {
        let [en, es] = crate::document::sides(a, b);
        // The values each sentence states do not depend on the alignment: read meanwhile.
        let ((lexicon, alignment), values) = rayon::join(
            || self.aligner.lexicon_and_alignment(en, es, true),
            || self.values(en, es),
        );
        self.compare_in(en, es, &lexicon, alignment, values)
    }

    /// Compares two versions along an alignment made before: by [`Aligner::align`], or by
    /// hand (a reviewer who moved a sentence to another pair). The comparisons are those of
    /// [`Checker::check`], without aligning again. As there, English and Spanish come in
    /// either order, and the alignment's side `a` indexes are the English version's.
    ///
    /// An alignment that names a section or sentence the documents lack is an error.
    ///
    /// ```
    /// use paridad::{Aligner, Checker, Document, DivergenceKind, Lang};
    ///
    /// let en = Document::parse("1. Water\nThe parties will protect freshwater. They will report in 2026.\n", Lang::En)?;
    /// let es = Document::parse("1. Agua\nLas partes protegerán el agua dulce. Informarán en 2027.\n", Lang::Es)?;
    /// let mut alignment = Aligner::new().align(&en, &es);
    /// // A reviewer's edit: the second English sentence left without counterpart.
    /// let section = &mut alignment.sections[1];
    /// section.pairs[1].b.clear();
    /// section.pairs.push(paridad::SentencePair { a: vec![], b: vec![1], score: 0.0 });
    /// let check = Checker::new().compare(&en, &es, &alignment)?;
    /// let kinds: Vec<DivergenceKind> = check.divergences.iter().map(|d| d.kind).collect();
    /// assert_eq!(kinds, [DivergenceKind::Omission, DivergenceKind::Addition]);
    ///
    /// section_out_of_range(&en, &es)?;
    /// # fn section_out_of_range(en: &Document<'_>, es: &Document<'_>) -> Result<(), paridad::Error> {
    /// let mut alignment = Aligner::new().align(en, es);
    /// alignment.sections[1].pairs[0].a = vec![7];
    /// let err = Checker::new().compare(en, es, &alignment).unwrap_err();
    /// assert!(err.to_string().contains("sentence 7"), "{err}");
    /// # Ok(()) }
    /// # Ok::<(), paridad::Error>(())
    /// ```
    pub fn compare(
        &self,
        a: &Document<'_>,
        b: &Document<'_>,
        alignment: &Alignment,
    ) -> Result<Check, Error> {
        let [en, es] = crate::document::sides(a, b);
        fits(alignment, en, es)?;
        let (lexicon, values) = rayon::join(
            || self.aligner.lexicon_along(en, es, alignment),
            || self.values(en, es),
        );
        Ok(self.compare_in(en, es, &lexicon, alignment.clone(), values))
    }

    /// The date `en` and `es` (in this order) are read as of: the one set, else theirs.
    fn date_of(&self, en: &Document<'_>, es: &Document<'_>) -> Option<Date> {
        self.doc_date.or(en.date()).or(es.date())
    }

    /// Per side, per sentence, the values it states.
    fn values(&self, en: &Document<'_>, es: &Document<'_>) -> [Vec<Vec<Found>>; 2] {
        let year = self.date_of(en, es).map(|d| d.year());
        [en, es].map(|doc| {
            doc.sentences()
                .par_iter()
                .map(|s| extract(s.text(), doc.lang(), year))
                .collect::<Vec<_>>()
        })
    }

    /// Compares `en` and `es` (in this order) along `alignment`, reading their `lexicon` and
    /// the `values` of their sentences.
    fn compare_in(
        &self,
        en: &Document<'_>,
        es: &Document<'_>,
        built: &Lexicon,
        alignment: Alignment,
        values: [Vec<Vec<Found>>; 2],
    ) -> Check {
        let doc_date = self.date_of(en, es);
        let doc_classes = [&built.detail_a, &built.detail_b].map(|detail| {
            detail
                .iter()
                .flatten()
                .filter_map(|c| c.class)
                .collect::<HashSet<u32>>()
        });
        let mut ctx = Context {
            a: en,
            b: es,
            names: pair::side_names(en.lang(), es.lang()),
            detail: [&built.detail_a, &built.detail_b],
            values,
            frequent: frequent_classes([&built.detail_a, &built.detail_b]),
            doc_classes,
            equivalent: HashSet::new(),
            terminology: self.terminology.as_deref(),
            length_ratio: crate::lang::pair::length_ratio(en.lang(), es.lang()),
            lines: [LineIndex::new(en.text()), LineIndex::new(es.text())],
            source_maps: Default::default(),
            sentence_ids: Default::default(),
            words: Default::default(),
            vocabulary: [verbatim::vocabulary(en), verbatim::vocabulary(es)],
            addresses_reader: addresses_reader(en) || addresses_reader(es),
            section_ids: [en, es].map(|doc| {
                let mut first = HashMap::new();
                for (k, section) in doc.sections().iter().enumerate() {
                    first.entry(section.id()).or_insert(k);
                }
                first
            }),
        };
        ctx.equivalent = ctx.acronym_equivalences(&alignment);
        let mut divergences = Vec::new();
        // Drafts become divergences as each comparison ends, so that a section of very many
        // findings never holds both at once.
        let mut found = Vec::new();
        for (k, section) in alignment.sections.iter().enumerate() {
            ctx.structure(k, &alignment, &mut found);
            divergences.extend(found.drain(..).map(|f| ctx.finish(k, &alignment, f)));
            // A run of sentences of one side without counterpart, one pair after another (a
            // list of names, a translator's note), is one finding: the first sentence's, its
            // message counting the rest.
            let mut run: Option<LeftOutRun> = None;
            for (p, pair) in section.pairs.iter().enumerate() {
                ctx.pair(p, &pair.a, &pair.b, &mut found);
                let one_sided = match (&pair.a[..], &pair.b[..]) {
                    ([.., last], []) => Some((0, *last)),
                    ([], [.., last]) => Some((1, *last)),
                    _ => None,
                };
                let kind = one_sided.and_then(|(side, last)| ctx.paragraph_kind(side, last));
                match (one_sided, found.len(), &mut run) {
                    (Some((side, last)), 1, Some(r))
                        if r.side == side && r.pair + 1 == p && Some(r.kind) == kind =>
                    {
                        found.clear();
                        r.pair = p;
                        r.count += 1;
                        divergences[r.finding].message = ctx.run_message(side, r.count, last);
                    }
                    (Some((side, _)), 1, _) => {
                        run = kind.map(|kind| LeftOutRun {
                            side,
                            pair: p,
                            count: 1,
                            finding: divergences.len(),
                            kind,
                        });
                    }
                    _ => run = None,
                }
                divergences.extend(found.drain(..).map(|f| ctx.finish(k, &alignment, f)));
            }
        }
        make_ids_unique(&mut divergences);
        Check {
            alignment,
            divergences,
            doc_date,
        }
    }
}

/// The share of its sentences in which a document that addresses its reader does so: texts of
/// commitments (treaties, action plans, declarations) never do; manuals and guides do in a
/// tenth of their sentences or more.
const READER_SHARE: f64 = 0.03;

/// Whether `doc` addresses its reader (`you`, `usted`) in [`READER_SHARE`] of its sentences.
fn addresses_reader(doc: &Document<'_>) -> bool {
    let words = doc.lang().tables().reader_words;
    let sentences = doc.sentences();
    if words.is_empty() || sentences.is_empty() {
        return false;
    }
    let addressing = sentences
        .iter()
        .filter(|s| {
            s.text()
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| words.contains(&crate::tokens::fold(w).as_str()))
        })
        .count();
    addressing as f64 >= READER_SHARE * sentences.len() as f64
}

/// The words of `text` (letters, digits and apostrophes) with their byte offsets.
fn words_of(text: &str) -> Vec<(usize, &str)> {
    let in_word = |c: char| c.is_alphanumeric() || c == '\'' || c == '’';
    let mut words = Vec::new();
    let mut start = None;
    for (at, c) in text.char_indices() {
        match (in_word(c), start) {
            (true, None) => start = Some(at),
            (false, Some(s)) => {
                words.push((s, &text[s..at]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push((s, &text[s..]));
    }
    words
}

/// An error unless every section and sentence `alignment` names is one of the documents'.
fn fits(alignment: &Alignment, en: &Document<'_>, es: &Document<'_>) -> Result<(), Error> {
    let names = pair::side_names(en.lang(), es.lang());
    let check = |side: usize, section: Option<usize>, sentences: &[usize]| {
        let (doc, lang) = ([en, es][side], &names[side]);
        if let Some(k) = section.filter(|&k| k >= doc.sections().len()) {
            return Err(Error::setting(format!(
                "the alignment names section {k} of the {lang} version, which has {}",
                doc.sections().len()
            )));
        }
        if let Some(i) = sentences.iter().find(|&&i| i >= doc.sentences().len()) {
            return Err(Error::setting(format!(
                "the alignment names sentence {i} of the {lang} version, which has {}",
                doc.sentences().len()
            )));
        }
        Ok(())
    };
    for section in &alignment.sections {
        check(0, section.a, &[])?;
        check(1, section.b, &[])?;
        for pair in &section.pairs {
            check(0, None, &pair.a)?;
            check(1, None, &pair.b)?;
        }
    }
    Ok(())
}

/// What the comparison needs to see.
struct Context<'a, 'd, 't> {
    /// Side `a` (the English version of an English–Spanish pair).
    a: &'d Document<'t>,
    /// Side `b`.
    b: &'d Document<'t>,
    /// How messages name each side: by its language (`English`, `Spanish`).
    names: [String; 2],
    /// Per side, per sentence (then per title), its content tokens and their classes.
    detail: [&'a Vec<Vec<Classed>>; 2],
    /// Per side, per sentence, the values it states.
    values: [Vec<Vec<Found>>; 2],
    /// Per side, every class of the document.
    doc_classes: [HashSet<u32>; 2],
    /// Classes in so many sentences that they say little about a name (the parties' names).
    frequent: HashSet<u32>,
    /// Per side, the names and identifiers the document writes (see `verbatim`).
    vocabulary: [HashSet<&'d str>; 2],
    /// Per side, each section id and the first section that has it.
    section_ids: [HashMap<&'d str, usize>; 2],
    /// Acronym keys known to stand for each other, English then Spanish: pairs left unmatched
    /// together in an aligned sentence pair.
    equivalent: HashSet<(String, String)>,
    /// The caller's glossary, for the terminology check.
    terminology: Option<&'a Terminology>,
    /// Characters of the second side per character of the first in translation.
    length_ratio: f64,
    /// Per side, where its lines start, for the line and column of evidence.
    lines: [LineIndex<'t>; 2],
    /// Per side, the source map of the last sentence that needed one.
    source_maps: [RefCell<Option<(usize, SourceMap)>>; 2],
    /// Per side, the hash of the last sentence a finding's id needed.
    sentence_ids: [RefCell<Option<(usize, String)>>; 2],
    /// Whether either document addresses its reader in [`READER_SHARE`] of its sentences or
    /// more (`you`, `usted`): a manual or a guide rather than a text of commitments.
    addresses_reader: bool,
    /// Per side, every word of the document as written and how often it stands, made when
    /// first needed.
    words: [std::cell::OnceCell<hashbrown::HashMap<&'t str, u32>>; 2],
}

/// Sentences of one side without counterpart in consecutive pairs of a section, reported as
/// one finding.
struct LeftOutRun {
    side: usize,
    /// The run's last pair.
    pair: usize,
    /// How many pairs it spans.
    count: usize,
    /// The index of its finding.
    finding: usize,
    /// The kind of paragraph its sentences stand in: a run stays in one kind (a dateline
    /// before a paragraph of text is two findings).
    kind: ParagraphKind,
}

/// A piece of one side: a sentence and a byte range of its text.
#[derive(Clone, Debug)]
struct Piece {
    sentence: usize,
    range: Range<usize>,
}

/// A divergence before its evidence is located.
struct Draft {
    kind: DivergenceKind,
    severity: Severity,
    pair: Option<usize>,
    a: Option<Piece>,
    b: Option<Piece>,
    message: String,
    confidence: f64,
}

impl Draft {
    fn new(
        kind: DivergenceKind,
        severity: Severity,
        pair: Option<usize>,
        [a, b]: [Option<Piece>; 2],
        mut message: String,
        confidence: f64,
    ) -> Draft {
        // `format!` reserves about twice its text; a finding keeps its message for the rest of
        // the run, and a check may hold one for every sentence.
        message.shrink_to_fit();
        Draft {
            kind,
            severity,
            pair,
            a,
            b,
            message,
            confidence,
        }
    }
}

/// A value found on one side, with the sentence it is in.
#[derive(Clone, Debug)]
struct Located {
    sentence: usize,
    found: Found,
}

impl Located {
    fn piece(&self) -> Piece {
        Piece {
            sentence: self.sentence,
            range: self.found.range.clone(),
        }
    }
}

impl<'d, 't> Context<'_, 'd, 't> {
    /// Every word of the document of `side` as written (runs of letters and digits) and how
    /// many times it stands, made once a check.
    fn words(&self, side: usize) -> &hashbrown::HashMap<&'t str, u32> {
        self.words[side].get_or_init(|| {
            let doc: &'d Document<'t> = if side == 0 { self.a } else { self.b };
            let mut counts = hashbrown::HashMap::new();
            for word in doc
                .text()
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
            {
                *counts.entry(word).or_insert(0) += 1;
            }
            counts
        })
    }
}

impl Context<'_, '_, '_> {
    /// The kind of the paragraph that holds sentence `i` of `side`.
    fn paragraph_kind(&self, side: usize, i: usize) -> Option<ParagraphKind> {
        let paragraphs = self.doc(side).paragraphs();
        let at = paragraphs.partition_point(|p| p.sentence_range().end <= i);
        paragraphs
            .get(at)
            .filter(|p| p.sentence_range().contains(&i))
            .map(|p| p.kind())
    }

    /// The message of a run of `count` sentences of `side` without counterpart, the last of
    /// them sentence `last`.
    fn run_message(&self, side: usize, count: usize, last: usize) -> String {
        let line = self
            .doc(side)
            .sentences()
            .get(last)
            .map_or(0, |s| self.lines[side].line_col(s.span().start).line);
        format!(
            "these {count} {} sentences, to line {line}, have no counterpart in the {} version",
            self.name(side),
            self.name(1 - side)
        )
    }

    /// How messages name `side`: by its language (`English`, `Spanish`).
    fn name(&self, side: usize) -> &str {
        &self.names[side]
    }

    fn doc(&self, side: usize) -> &Document<'_> {
        if side == 0 {
            self.a
        } else {
            self.b
        }
    }

    /// The whole of sentence `i` of `side`, as evidence.
    fn whole(&self, side: usize, i: usize) -> Piece {
        Piece {
            sentence: i,
            range: 0..self.doc(side).sentences()[i].text().len(),
        }
    }

    /// Evidence `mine` on `side` and the whole of sentence `i` of the other side, in side order.
    fn against_sentence(&self, side: usize, mine: Piece, i: usize) -> [Option<Piece>; 2] {
        let theirs = self.whole(1 - side, i);
        if side == 0 {
            [Some(mine), Some(theirs)]
        } else {
            [Some(theirs), Some(mine)]
        }
    }

    fn text_of(&self, side: usize, piece: &Piece) -> &str {
        let sentence = &self.doc(side).sentences()[piece.sentence];
        sentence.text().get(piece.range.clone()).unwrap_or_default()
    }

    /// Compares one sentence pair.
    /// Whether sentences `idx` of `side` say anything a translation would carry: a word, or a
    /// number that is no list label or footnote mark (`1.`, `^[93]`, `(a)` alone say nothing).
    fn says_something(&self, side: usize, idx: &[usize]) -> bool {
        idx.iter().any(|&i| {
            let text = self.doc(side).sentences()[i].text();
            let letters = text.chars().filter(|c| c.is_alphabetic()).count();
            // A label is short: `1.`, `12)`, `(3)`.
            let label = text.trim().chars().count() <= 4;
            letters >= 2 || (letters == 0 && !label && !self.values[side][i].is_empty())
        })
    }

    fn pair(&self, p: usize, en: &[usize], es: &[usize], out: &mut Vec<Draft>) {
        // A sentence without counterpart (a bead has one sentence when a side is empty).
        match (en, es) {
            ([i, ..], []) if self.says_something(0, en) => {
                return out.push(self.sentence_left_out(0, p, *i, 0.8))
            }
            ([], [j, ..]) if self.says_something(1, es) => {
                return out.push(self.sentence_left_out(1, p, *j, 0.8))
            }
            ([], _) | (_, []) => return,
            _ => {}
        }
        // The same text on both sides says the same thing, whatever each side's language reads
        // into it (a sentence left untranslated: `may` is no modal to Spanish tables, `23 Aug`
        // no date).
        if self.same_text(en, es) {
            return;
        }
        let start = out.len();
        let values = |side: usize, idx: &[usize]| self.located(side, idx);
        let (ven, ves) = (values(0, en), values(1, es));
        // The classes each side's sentences hold, computed once for every comparison.
        let classes = [self.classes(0, en), self.classes(1, es)];
        self.dates(p, &ven, &ves, out);
        self.numbers(p, [en, es], &ven, &ves, out);
        self.acronyms(p, [en, es], &ven, &ves, &classes, out);
        self.names(p, [en, es], [&ven, &ves], &classes, out);
        self.instruments(p, &ven, &ves, out);
        self.modality(p, [en, es], [&ven, &ves], out);
        self.negation(p, [en, es], out);
        self.opposites(p, [en, es], out);
        self.verbatim(p, [en, es], &classes, out);
        self.merged_sentences(p, [en, es], &classes, out);
        self.clauses(p, [en, es], out);
        self.list_items(p, [en, es], &classes, out);
        self.terminology(p, [en, es], start, out);
        subsume_in_clauses(out, start);
    }

    /// Whether sentences `en` of side a and `es` of side b read the same, sentence breaks aside.
    fn same_text(&self, en: &[usize], es: &[usize]) -> bool {
        fn words<'s>(doc: &'s Document<'_>, idx: &'s [usize]) -> impl Iterator<Item = &'s str> {
            idx.iter()
                .flat_map(move |&i| doc.sentences()[i].text().split_whitespace())
        }
        words(self.a, en).eq(words(self.b, es))
    }

    fn covering(&self, side: usize, sentence: usize, range: &Range<usize>) -> Vec<&Classed> {
        self.detail[side]
            .get(sentence)
            .map(|list| {
                list.iter()
                    .filter(|c| c.range.start <= range.start && range.end <= c.range.end)
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Every class present in the sentences `idx` of `side`.
    fn classes(&self, side: usize, idx: &[usize]) -> HashSet<u32> {
        idx.iter()
            .filter_map(|&i| self.detail[side].get(i))
            .flatten()
            .filter_map(|c| c.class)
            .collect()
    }

    /// The values of sentences `idx` of `side`.
    fn located(&self, side: usize, idx: &[usize]) -> Vec<Located> {
        idx.iter()
            .flat_map(|&i| {
                self.values[side]
                    .get(i)
                    .into_iter()
                    .flatten()
                    .map(move |found| Located {
                        sentence: i,
                        found: found.clone(),
                    })
            })
            .collect()
    }

    /// Locates the evidence and gives the draft its id.
    fn finish(&self, k: usize, alignment: &Alignment, d: Draft) -> Divergence {
        let evidence = |side: usize, piece: &Option<Piece>| -> Option<Evidence> {
            let piece = piece.as_ref()?;
            let doc = self.doc(side);
            let sentence = doc.sentences().get(piece.sentence)?;
            let text = sentence.text().get(piece.range.clone())?.to_string();
            let span: Span = if sentence.is_verbatim(doc.text()) {
                sentence.source_span(doc.text(), piece.range.clone())
            } else {
                // A sentence the input does not hold as it is: its map made once for all its
                // findings (a long sentence may have thousands).
                let mut cached = self.source_maps[side].borrow_mut();
                if cached.as_ref().is_none_or(|(i, _)| *i != piece.sentence) {
                    *cached = Some((piece.sentence, SourceMap::new(sentence, doc.text())));
                }
                cached.as_ref().map_or(sentence.span(), |(_, map)| {
                    map.span(sentence, doc.text(), piece.range.clone())
                })
            };
            let at = self.lines[side].line_col(span.start);
            Some(Evidence {
                text,
                span,
                line: at.line,
                column: at.column,
                sentence: piece.sentence,
                range: piece.range.clone(),
            })
        };
        let (en, es) = (evidence(0, &d.a), evidence(1, &d.b));
        let section = &alignment.sections[k];
        // The sentence that holds a piece of evidence, when the evidence is only part of it:
        // the same value differing in two sentences of a section is two findings, and a
        // review of one must not hide the other. Its text is hashed once for all its findings
        // (a long sentence may hold thousands).
        let context = |side: usize, piece: &Option<Piece>| -> String {
            let Some(p) = piece.as_ref() else {
                return String::new();
            };
            let Some(sentence) = self.doc(side).sentences().get(p.sentence) else {
                return String::new();
            };
            if p.range == (0..sentence.text().len()) {
                return String::new();
            }
            let mut cached = self.sentence_ids[side].borrow_mut();
            match &*cached {
                Some((i, id)) if *i == p.sentence => id.clone(),
                _ => {
                    let id = text_hash(sentence.text());
                    *cached = Some((p.sentence, id.clone()));
                    id
                }
            }
        };
        let id = stable_id(
            d.kind,
            &[
                section.a_id.as_deref().unwrap_or(""),
                section.b_id.as_deref().unwrap_or(""),
                en.as_ref().map_or("", |e| e.text.as_str()),
                es.as_ref().map_or("", |e| e.text.as_str()),
                if en.is_none() && es.is_none() {
                    &d.message
                } else {
                    ""
                },
                &context(0, &d.a),
                &context(1, &d.b),
            ],
        );
        Divergence {
            id,
            kind: d.kind,
            severity: d.severity,
            section: k,
            pair: d.pair,
            a: en,
            b: es,
            message: d.message,
            confidence: d.confidence,
        }
    }
}

/// Ids that repeat within one check (the same finding twice, in identical sentences) get
/// `-2`, `-3` … in order, so that every finding of a report has an id of its own.
fn make_ids_unique(divergences: &mut [Divergence]) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for d in divergences.iter_mut() {
        let count = seen.entry(d.id.clone()).or_insert(0);
        *count += 1;
        if *count > 1 {
            d.id = format!("{}-{}", d.id, *count);
        }
    }
}
