//! Checking: align two versions, then compare every aligned pair for divergences.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet, VecDeque};
use std::ops::Range;
use std::sync::Arc;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::align::{Aligner, Alignment};
use crate::date::Date;
use crate::divergence::{stable_id, text_hash, Divergence, DivergenceKind, Evidence, Severity};
use crate::document::{Document, SourceMap};
use crate::extract::{extract, Found, NumberForm, Value};
use crate::glossary::{Glossary, Terminology};
use crate::lang::{Bound, Lang, Modality};
use crate::lexicon::{Classed, EvidenceKind};
use crate::span::{LineIndex, Span};
use crate::tokens::{fold, tokens};

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
/// assert_eq!(check.divergences[0].en.as_ref().unwrap().text, "by March 31, 2026");
/// assert_eq!(check.divergences[0].es.as_ref().unwrap().text, "antes del 30 de abril de 2026");
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
    /// assert_eq!(d.en.as_ref().unwrap().text, "fisheries");
    /// assert_eq!(d.es.as_ref().unwrap().text, "Ambos países firmarán un memorándum de colaboración sobre acuicultura.");
    /// # Ok::<(), paridad::Error>(())
    /// ```
    pub fn with_glossary(glossary: &Glossary) -> Checker {
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

    /// Resolves relative dates (`this year`, `este mismo año`) against `date` rather than
    /// the documents' own datelines.
    pub fn doc_date(mut self, date: Date) -> Checker {
        self.doc_date = Some(date);
        self
    }

    /// Aligns the two versions (English and Spanish, in either order) and compares every
    /// aligned pair. Relative dates resolve against the date given with
    /// [`Checker::doc_date`], else the English version's dateline, else the Spanish one's.
    pub fn check(&self, a: &Document<'_>, b: &Document<'_>) -> Check {
        let (en, es) = if a.lang() == Lang::Es && b.lang() == Lang::En {
            (b, a)
        } else {
            (a, b)
        };
        let built = self.aligner.lexicon(en, es, true);
        let alignment = self.aligner.align_in(en, es, &built);
        let doc_date = self.doc_date.or(en.date()).or(es.date());
        let year = doc_date.map(|d| d.year());
        let values = [en, es].map(|doc| {
            doc.sentences()
                .par_iter()
                .map(|s| extract(s.text(), doc.lang(), year))
                .collect::<Vec<_>>()
        });
        let doc_classes = [&built.detail_a, &built.detail_b].map(|detail| {
            detail
                .iter()
                .flatten()
                .filter_map(|c| c.class)
                .collect::<HashSet<u32>>()
        });
        let mut ctx = Context {
            en,
            es,
            detail: [&built.detail_a, &built.detail_b],
            values,
            frequent: frequent_classes([&built.detail_a, &built.detail_b]),
            doc_classes,
            equivalent: HashSet::new(),
            terminology: self.terminology.as_deref(),
            lines: [LineIndex::new(en.text()), LineIndex::new(es.text())],
            source_maps: Default::default(),
            sentence_ids: Default::default(),
        };
        ctx.equivalent = ctx.acronym_equivalences(&alignment);
        let mut divergences = Vec::new();
        // Drafts become divergences as each comparison ends, so that a section of very many
        // findings never holds both at once.
        let mut found = Vec::new();
        for (k, section) in alignment.sections.iter().enumerate() {
            ctx.structure(k, &alignment, &mut found);
            divergences.extend(found.drain(..).map(|f| ctx.finish(k, &alignment, f)));
            for (p, pair) in section.pairs.iter().enumerate() {
                ctx.pair(p, &pair.en, &pair.es, &mut found);
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

/// What the comparison needs to see.
struct Context<'a, 'd, 't> {
    en: &'d Document<'t>,
    es: &'d Document<'t>,
    /// Per side, per sentence (then per title), its content tokens and their classes.
    detail: [&'a Vec<Vec<Classed>>; 2],
    /// Per side, per sentence, the values it states.
    values: [Vec<Vec<Found>>; 2],
    /// Per side, every class of the document.
    doc_classes: [HashSet<u32>; 2],
    /// Classes in so many sentences that they say little about a name (the parties' names).
    frequent: HashSet<u32>,
    /// Acronym keys known to stand for each other, English then Spanish: pairs left unmatched
    /// together in an aligned sentence pair.
    equivalent: HashSet<(String, String)>,
    /// The caller's glossary, for the terminology check.
    terminology: Option<&'a Terminology>,
    /// Per side, where its lines start, for the line and column of evidence.
    lines: [LineIndex<'t>; 2],
    /// Per side, the source map of the last sentence that needed one.
    source_maps: [RefCell<Option<(usize, SourceMap)>>; 2],
    /// Per side, the hash of the last sentence a finding's id needed.
    sentence_ids: [RefCell<Option<(usize, String)>>; 2],
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
    en: Option<Piece>,
    es: Option<Piece>,
    message: String,
    confidence: f64,
}

impl Draft {
    fn new(
        kind: DivergenceKind,
        severity: Severity,
        pair: Option<usize>,
        [en, es]: [Option<Piece>; 2],
        message: String,
        confidence: f64,
    ) -> Draft {
        Draft {
            kind,
            severity,
            pair,
            en,
            es,
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

impl Context<'_, '_, '_> {
    fn doc(&self, side: usize) -> &Document<'_> {
        if side == 0 {
            self.en
        } else {
            self.es
        }
    }

    fn text_of(&self, side: usize, piece: &Piece) -> &str {
        let sentence = &self.doc(side).sentences()[piece.sentence];
        sentence.text().get(piece.range.clone()).unwrap_or_default()
    }

    /// Missing, added and moved sections.
    fn structure(&self, k: usize, alignment: &Alignment, out: &mut Vec<Draft>) {
        let s = &alignment.sections[k];
        let name = |doc: &Document<'_>, idx: usize| {
            let sec = &doc.sections()[idx];
            if sec.title().is_empty() {
                sec.id().to_string()
            } else {
                format!("{} «{}»", sec.id(), sec.title())
            }
        };
        let (severity, message, confidence) = match (s.en, s.es) {
            (Some(e), None) => (
                Severity::Warning,
                format!(
                    "section {} of the English version has no counterpart in the Spanish version",
                    name(self.en, e)
                ),
                0.9,
            ),
            (None, Some(j)) => (
                Severity::Warning,
                format!(
                    "section {} of the Spanish version has no counterpart in the English version",
                    name(self.es, j)
                ),
                0.9,
            ),
            (Some(e), Some(j)) if s.moved => (
                Severity::Warning,
                format!(
                    "section {} of the English version stands elsewhere in the Spanish version, as {}",
                    name(self.en, e),
                    name(self.es, j)
                ),
                0.8,
            ),
            (Some(e), Some(j)) if self.en.sections()[e].id() != self.es.sections()[j].id() => (
                Severity::Info,
                format!(
                    "section {} of the English version is numbered {} in the Spanish version",
                    name(self.en, e),
                    self.es.sections()[j].id()
                ),
                0.8,
            ),
            _ => return,
        };
        out.push(Draft::new(
            DivergenceKind::Structure,
            severity,
            None,
            [None, None],
            message,
            confidence,
        ));
    }

    /// Compares one sentence pair.
    fn pair(&self, p: usize, en: &[usize], es: &[usize], out: &mut Vec<Draft>) {
        // A sentence without counterpart (a bead has one sentence when a side is empty).
        match (en, es) {
            ([i, ..], []) => return out.push(self.sentence_left_out(0, p, *i, 0.8)),
            ([], [j, ..]) => return out.push(self.sentence_left_out(1, p, *j, 0.8)),
            ([], []) => return,
            _ => {}
        }
        let start = out.len();
        let values = |side: usize, idx: &[usize]| self.located(side, idx);
        let (ven, ves) = (values(0, en), values(1, es));
        // The classes each side's sentences hold, computed once for every comparison.
        let classes = [self.classes(0, en), self.classes(1, es)];
        self.dates(p, &ven, &ves, out);
        self.numbers(p, &ven, &ves, out);
        self.acronyms(p, &ven, &ves, &classes, out);
        self.names(p, [en, es], [&ven, &ves], &classes, out);
        self.instruments(p, &ven, &ves, out);
        self.modality(p, [en, es], [&ven, &ves], out);
        self.merged_sentences(p, [en, es], &classes, out);
        self.clauses(p, [en, es], out);
        self.terminology(p, [en, es], start, out);
        subsume_in_clauses(out, start);
    }

    fn dates(&self, p: usize, en: &[Located], es: &[Located], out: &mut Vec<Draft>) {
        let (fe, fs) = (DateFact::all(en), DateFact::all(es));
        let mut used = vec![false; fs.len()];
        let mut lonely_en: Vec<&DateFact> = Vec::new();
        let mut spanish = DateIndex::new(&fs);
        for a in &fe {
            // The most specific compatible fact.
            let Some(j) = spanish.take_best(a) else {
                lonely_en.push(a);
                continue;
            };
            used[j] = true;
            let b = &fs[j];
            if let (Some(x), Some(y)) = (a.bound, b.bound) {
                let same = x == y
                    || matches!(
                        (x, y),
                        (Bound::By, Bound::Until)
                            | (Bound::Until, Bound::By)
                            | (Bound::Since, Bound::After)
                            | (Bound::After, Bound::Since)
                    );
                if !same {
                    let message = format!(
                        "the date is bounded differently: {} in English, {} in Spanish",
                        bound_name(x),
                        bound_name(y)
                    );
                    let pieces = [Some(a.at.piece()), Some(b.at.piece())];
                    out.push(Draft::new(
                        DivergenceKind::Date,
                        Severity::Warning,
                        Some(p),
                        pieces,
                        message,
                        0.7,
                    ));
                }
            }
        }
        let mut lonely_es: Vec<&DateFact> = fs
            .iter()
            .zip(&used)
            .filter(|(_, u)| !**u)
            .map(|(f, _)| f)
            .collect();
        // A period counted as two years is reported once.
        lonely_en.dedup_by(|a, b| {
            a.at.sentence == b.at.sentence && a.at.found.range == b.at.found.range
        });
        lonely_es.dedup_by(|a, b| {
            a.at.sentence == b.at.sentence && a.at.found.range == b.at.found.range
        });
        let n = lonely_en.len().max(lonely_es.len());
        for i in 0..n {
            let (a, b) = (lonely_en.get(i), lonely_es.get(i));
            let (severity, message) = match (a, b) {
                (Some(a), Some(b)) => (
                    Severity::Error,
                    format!(
                        "the date differs: {} in English, {} in Spanish",
                        a.show(),
                        b.show()
                    ),
                ),
                (Some(a), None) => (
                    Severity::Warning,
                    format!(
                        "the date {} of the English version is missing in the Spanish",
                        a.show()
                    ),
                ),
                (None, Some(b)) => (
                    Severity::Warning,
                    format!(
                        "the date {} of the Spanish version is missing in the English",
                        b.show()
                    ),
                ),
                (None, None) => continue,
            };
            out.push(Draft::new(
                DivergenceKind::Date,
                severity,
                Some(p),
                [a.map(|f| f.at.piece()), b.map(|f| f.at.piece())],
                message,
                0.85,
            ));
        }
    }

    fn numbers(&self, p: usize, en: &[Located], es: &[Located], out: &mut Vec<Draft>) {
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
        for ordinals in [false, true] {
            let (ne, ns) = (nums(en, ordinals), nums(es, ordinals));
            let (mut lonely_en, mut lonely_es) =
                unmatched_by_key(&ne, &ns, |x| (x.1.to_string(), form_rank(x.2)));
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
            let n = lonely_en.len().max(lonely_es.len());
            for i in 0..n {
                let (a, b) = (lonely_en.get(i), lonely_es.get(i));
                let (severity, message) = match (a, b) {
                    (Some(a), Some(b)) => (
                        Severity::Error,
                        format!(
                            "the number differs: {} in English, {} in Spanish",
                            show(a),
                            show(b)
                        ),
                    ),
                    (Some(a), None) => (
                        Severity::Warning,
                        format!(
                            "the number {} of the English version is missing in the Spanish",
                            show(a)
                        ),
                    ),
                    (None, Some(b)) => (
                        Severity::Warning,
                        format!(
                            "the number {} of the Spanish version is missing in the English",
                            show(b)
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

    /// The acronyms of `values` (of sentences of `side`) that share no class with `other`:
    /// each with whether the glossary knows it and whether it is being defined (in
    /// parentheses after its expansion).
    fn lonely_acronyms(
        &self,
        side: usize,
        values: &[Located],
        other: &HashSet<u32>,
    ) -> Vec<Lonely> {
        let doc = self.doc(side);
        values
            .iter()
            .filter(|l| matches!(l.found.value, Value::Acronym(_)))
            // An acronym that names a kind of instrument (`MOU`) is compared as one.
            .filter(|l| {
                !values.iter().any(|v| {
                    matches!(v.found.value, Value::Instrument(_))
                        && v.sentence == l.sentence
                        && v.found.range.start <= l.found.range.start
                        && l.found.range.end <= v.found.range.end
                })
            })
            .filter_map(|l| {
                let covering = self.covering(side, l.sentence, &l.found.range);
                if covering
                    .iter()
                    .any(|c| c.class.is_some_and(|k| other.contains(&k)))
                {
                    return None;
                }
                let known = covering.iter().any(|c| c.kind == EvidenceKind::Concept);
                let text = doc.sentences()[l.sentence].text();
                let defined = text
                    .get(..l.found.range.start)
                    .is_some_and(|t| t.trim_end().ends_with('('));
                Some((l.clone(), known, defined))
            })
            .collect()
    }

    /// Acronyms left unmatched together in an aligned pair stand for each other elsewhere too
    /// (`SAWP` and `PTAT`, each defined after its expansion).
    fn acronym_equivalences(&self, alignment: &Alignment) -> HashSet<(String, String)> {
        let mut out = HashSet::new();
        for pair in alignment.sentence_pairs() {
            if pair.en.is_empty() || pair.es.is_empty() {
                continue;
            }
            let (ven, ves) = (self.located(0, &pair.en), self.located(1, &pair.es));
            let (cen, ces) = (self.classes(0, &pair.en), self.classes(1, &pair.es));
            let (le, ls) = (
                self.lonely_acronyms(0, &ven, &ces),
                self.lonely_acronyms(1, &ves, &cen),
            );
            for (a, b) in pair_up(&le, &ls) {
                if let (Some(a), Some(b)) = (a, b) {
                    if let (Value::Acronym(x), Value::Acronym(y)) =
                        (&a.0.found.value, &b.0.found.value)
                    {
                        out.insert((x.clone(), y.clone()));
                    }
                }
            }
        }
        out
    }

    /// True when the acronym `l` of `side` is named somewhere in the other version: the same
    /// class, or an equivalent acronym.
    fn known_to_other(&self, side: usize, l: &Located) -> bool {
        let other = 1 - side;
        let by_class = self
            .covering(side, l.sentence, &l.found.range)
            .iter()
            .any(|c| {
                c.class
                    .is_some_and(|k| self.doc_classes[other].contains(&k))
            });
        let Value::Acronym(key) = &l.found.value else {
            return by_class;
        };
        by_class
            || self
                .equivalent
                .iter()
                .any(|(x, y)| if side == 0 { x == key } else { y == key })
    }

    fn acronyms(
        &self,
        p: usize,
        en: &[Located],
        es: &[Located],
        classes: &[HashSet<u32>; 2],
        out: &mut Vec<Draft>,
    ) {
        let (le, ls) = (
            self.lonely_acronyms(0, en, &classes[1]),
            self.lonely_acronyms(1, es, &classes[0]),
        );
        for (a, b) in pair_up(&le, &ls) {
            let name = |side: usize, l: &Located| self.text_of(side, &l.piece()).to_string();
            let (severity, message, confidence) = match (a, b) {
                // Both known to the glossary as different things.
                (Some(a), Some(b)) if a.1 && b.1 => (
                    Severity::Warning,
                    format!(
                        "different institutions or instruments: {} in English, {} in Spanish",
                        name(0, &a.0),
                        name(1, &b.0)
                    ),
                    0.7,
                ),
                (Some(a), Some(b)) => (
                    Severity::Info,
                    format!(
                        "{} in English and {} in Spanish are taken to name the same thing; check that they do",
                        name(0, &a.0),
                        name(1, &b.0)
                    ),
                    0.3,
                ),
                (Some(a), None) if a.2 => continue,
                (None, Some(b)) if b.2 => continue,
                (Some(a), None) if self.known_to_other(0, &a.0) => (
                    Severity::Info,
                    format!(
                        "{} is named in the Spanish version, but not in this sentence",
                        name(0, &a.0)
                    ),
                    0.3,
                ),
                (None, Some(b)) if self.known_to_other(1, &b.0) => (
                    Severity::Info,
                    format!(
                        "{} is named in the English version, but not in this sentence",
                        name(1, &b.0)
                    ),
                    0.3,
                ),
                (Some(a), None) => (
                    Severity::Warning,
                    format!("{} appears in the English version but not in the Spanish", name(0, &a.0)),
                    0.7,
                ),
                (None, Some(b)) => (
                    Severity::Warning,
                    format!("{} appears in the Spanish version but not in the English", name(1, &b.0)),
                    0.7,
                ),
                (None, None) => continue,
            };
            out.push(Draft::new(
                DivergenceKind::Entity,
                severity,
                Some(p),
                [a.map(|x| x.0.piece()), b.map(|x| x.0.piece())],
                message,
                confidence,
            ));
        }
    }

    /// Names of institutions and programmes (runs of capitalised words, with the connectors a
    /// language puts inside names) whose words the other sentence does not share: another
    /// institution, or one left out.
    fn names(
        &self,
        p: usize,
        sentences: [&[usize]; 2],
        values: [&[Located]; 2],
        classes: &[HashSet<u32>; 2],
        out: &mut Vec<Draft>,
    ) {
        let missing = |side: usize| -> Vec<Piece> {
            let other = &classes[1 - side];
            // The other side's words, folded, for a looser test than the shared classes:
            // a common stem (`Consultative` / `Consultivo`, `Agriculture` / `Agrícola`).
            let stems: Stems = sentences[1 - side]
                .iter()
                .filter_map(|&j| {
                    let text = self.doc(1 - side).sentences()[j].text();
                    self.detail[1 - side].get(j).map(|d| (text, d))
                })
                .flat_map(|(text, d)| {
                    d.iter()
                        .filter(|c| c.kind != EvidenceKind::Concept)
                        .filter_map(|c| text.get(c.range.clone()).map(fold))
                })
                .collect();
            let text = |i: usize| self.doc(side).sentences()[i].text();
            let mut found = Vec::new();
            // Which tokens of a sentence the other side shares, made once per sentence (a
            // sentence may hold thousands of names).
            let mut shared_of: HashMap<usize, Vec<bool>> = HashMap::new();
            for l in values[side].iter().filter(|l| l.found.value == Value::Name) {
                let Some(detail) = self.detail[side].get(l.sentence) else {
                    continue;
                };
                let range = &l.found.range;
                let shared = shared_of
                    .entry(l.sentence)
                    .or_insert_with(|| shared_with(detail, other));
                // Its words, whether or not the other version uses them anywhere: a name the
                // other version never uses is evidence too. Tokens are in text order: only
                // those from the name's first on are looked at.
                let first = detail.partition_point(|c| c.range.start < range.start);
                let words: Vec<bool> = detail[first..]
                    .iter()
                    .zip(&shared[first..])
                    .take_while(|(c, _)| c.range.start < range.end)
                    .filter(|(c, _)| range.start <= c.range.start && c.range.end <= range.end)
                    .filter(|(c, _)| c.kind != EvidenceKind::Concept)
                    .filter(|(c, _)| !c.class.is_some_and(|k| self.frequent.contains(&k)))
                    .map(|(c, &sh)| {
                        sh || text(l.sentence)
                            .get(c.range.clone())
                            .is_some_and(|w| stems.shares_stem(&fold(w)))
                    })
                    .collect();
                let hits = words.iter().filter(|&&sh| sh).count();
                // Most of its words must be missing from the other sentence.
                if words.len() >= 2 && hits * 2 < words.len() {
                    found.push(l.piece());
                }
            }
            found
        };
        let (me, ms) = (missing(0), missing(1));
        for k in 0..me.len().max(ms.len()) {
            let (a, b) = (me.get(k), ms.get(k));
            let message = match (a, b) {
                (Some(a), Some(b)) => format!(
                    "different institutions or programmes: {} in English, {} in Spanish",
                    self.text_of(0, a),
                    self.text_of(1, b)
                ),
                (Some(a), None) => format!(
                    "{} has no counterpart in the Spanish sentence",
                    self.text_of(0, a)
                ),
                (None, Some(b)) => format!(
                    "{} has no counterpart in the English sentence",
                    self.text_of(1, b)
                ),
                (None, None) => continue,
            };
            out.push(Draft::new(
                DivergenceKind::Entity,
                Severity::Warning,
                Some(p),
                [a.cloned(), b.cloned()],
                message,
                0.6,
            ));
        }
    }

    fn instruments(&self, p: usize, en: &[Located], es: &[Located], out: &mut Vec<Draft>) {
        let tags = |side: &[Located]| -> Vec<(Located, &'static str)> {
            side.iter()
                .filter_map(|l| match l.found.value {
                    Value::Instrument(t) => Some((l.clone(), t)),
                    _ => None,
                })
                .collect()
        };
        let (te, ts) = (tags(en), tags(es));
        let fits = |a: &str, b: &str| {
            a == b
                || a == "memorandum" && matches!(b, "mou" | "moc")
                || b == "memorandum" && matches!(a, "mou" | "moc")
                || a.split('|').any(|x| b.split('|').any(|y| x == y))
        };
        let (lonely_en, lonely_es) = unmatched(&te, &ts, |a, b| fits(a.1, b.1));
        // Only a mismatch is reported: an instrument named on one side only is usually a
        // reference the other side makes another way.
        for (a, b) in lonely_en.iter().zip(&lonely_es) {
            let (en, es) = (a.0.piece(), b.0.piece());
            let message = format!(
                "the instrument differs: {} in English, {} in Spanish",
                self.text_of(0, &en),
                self.text_of(1, &es)
            );
            out.push(Draft::new(
                DivergenceKind::Entity,
                Severity::Warning,
                Some(p),
                [Some(en), Some(es)],
                message,
                0.75,
            ));
        }
    }

    fn modality(
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
        // One side weakens a commitment when it says "may" more often than the other without
        // committing more often (a clause at a time: `intercambiarán … e podrían impulsar`
        // against `will exchange … and pursue`), or when it only intends where the other
        // commits.
        fn weakens<'v>(
            v: &'v [(Located, Modality)],
            other: &[(Located, Modality)],
        ) -> Option<&'v (Located, Modality)> {
            if count(v, Modality::Possible) > count(other, Modality::Possible)
                && count(v, Modality::Committed) <= count(other, Modality::Committed)
            {
                return has(v, Modality::Possible);
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
        let plain = |side: usize, v: &[(Located, Modality)]| -> Option<(Piece, bool)> {
            if let Some(c) = has(v, Modality::Committed) {
                return Some((c.0.piece(), false));
            }
            if !v.is_empty() {
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
            match plain(0, &me) {
                Some((e, is_plain)) => (e, s.0.piece(), "weaker", is_plain.then_some(0)),
                None => return,
            }
        } else if let Some(e) = weakens(&me, &ms) {
            match plain(1, &ms) {
                Some((s, is_plain)) => (e.0.piece(), s, "stronger", is_plain.then_some(1)),
                None => return,
            }
        } else {
            return;
        };
        let drafted = match plain_side {
            None => format!(
                "the commitment is {direction} in Spanish: \"{}\" in English, \"{}\" in Spanish",
                self.text_of(0, &en_piece),
                self.text_of(1, &es_piece)
            ),
            Some(0) => format!(
                "the commitment is weaker in Spanish: \"{}\" where the English states it without a modal",
                self.text_of(1, &es_piece)
            ),
            Some(_) => format!(
                "the commitment is weaker in English: \"{}\" where the Spanish states it without a modal",
                self.text_of(0, &en_piece)
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

    /// A run of content words on one side, none of which the other side shares although each
    /// has a counterpart elsewhere in the other document: a clause left out.
    fn clauses(&self, p: usize, [en, es]: [&[usize]; 2], out: &mut Vec<Draft>) {
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
                LENGTH_RATIO
            } else {
                1.0 / LENGTH_RATIO
            };
            let deficit = lengths[side] * ratio - lengths[1 - side];
            let theirs = if side == 0 { es } else { en };
            let tokens_of = |side: usize, idx: &[usize]| -> Vec<&[Classed]> {
                idx.iter()
                    .map(|&i| self.detail[side].get(i).map_or(&[][..], Vec::as_slice))
                    .collect()
            };
            let shared = shared_counted(&tokens_of(side, mine), &tokens_of(1 - side, theirs));
            for (&i, is_shared) in mine.iter().zip(&shared) {
                let Some(tokens) = self.detail[side].get(i) else {
                    continue;
                };
                let text = self.doc(side).sentences()[i].text();
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
                    if enough && short && closes {
                        let piece = Piece { sentence: i, range };
                        let clause = text.get(piece.range.clone()).unwrap_or_default();
                        let other_lang = if side == 0 { "Spanish" } else { "English" };
                        let message =
                            format!("\"{clause}\" has no counterpart in the {other_lang} sentence");
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
    fn merged_sentences(
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

    /// Terms of the caller's glossary named on one side of the pair whose counterpart the
    /// other side's sentences do not name, in any inflected form. A finding already drafted
    /// (from `start`) about the same words gets the glossary's rendering in its message
    /// instead; a term inside a clause found left out is the clause's.
    fn terminology(&self, p: usize, sentences: [&[usize]; 2], start: usize, out: &mut Vec<Draft>) {
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
                            d.en.clone()
                        } else {
                            d.es.clone()
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
                    let whole = Piece {
                        sentence: j,
                        range: 0..self.doc(other).sentences()[j].text().len(),
                    };
                    let message = format!(
                        "glossary term \"{term}\" should be rendered {rendering}; not found in the {} sentence",
                        lang_name(other_lang)
                    );
                    let pieces = if side == 0 {
                        [Some(piece), Some(whole)]
                    } else {
                        [Some(whole), Some(piece)]
                    };
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

    /// Sentence `i` of `side` has no counterpart on the other side.
    fn sentence_left_out(&self, side: usize, p: usize, i: usize, confidence: f64) -> Draft {
        let len = self.doc(side).sentences()[i].text().len();
        let piece = Piece {
            sentence: i,
            range: 0..len,
        };
        let message = if side == 0 {
            "this English sentence has no counterpart in the Spanish version"
        } else {
            "this Spanish sentence has no counterpart in the English version"
        };
        left_out(side, p, piece, message.into(), confidence)
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
            })
        };
        let (en, es) = (evidence(0, &d.en), evidence(1, &d.es));
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
                section.en_id.as_deref().unwrap_or(""),
                section.es_id.as_deref().unwrap_or(""),
                en.as_ref().map_or("", |e| e.text.as_str()),
                es.as_ref().map_or("", |e| e.text.as_str()),
                if en.is_none() && es.is_none() {
                    &d.message
                } else {
                    ""
                },
                &context(0, &d.en),
                &context(1, &d.es),
            ],
        );
        Divergence {
            id,
            kind: d.kind,
            severity: d.severity,
            section: k,
            pair: d.pair,
            en,
            es,
            message: d.message,
            confidence: d.confidence,
        }
    }
}

/// Content words that make a left-out clause: a run counts each word with a counterpart
/// elsewhere in the other version (but none in the aligned sentence) as one and each word with
/// no counterpart anywhere as a half, and needs this many, at least two of them whole.
const CLAUSE_MIN_WORDS: usize = 3;
/// Share of a left-out clause's expected length by which the other side must fall short.
const CLAUSE_LENGTH_SHARE: f64 = 0.6;
/// The same share when the clause's words are not used anywhere in the other version.
const CLAUSE_STRICT_SHARE: f64 = 0.8;
/// Spanish characters per English character in translation (see the aligner's length model).
const LENGTH_RATIO: f64 = 1.095;
/// Content words of a merged sentence that, sharing none with the other side, is left out.
const UNRELATED_MIN_WORDS: usize = 5;
/// Tokens on each side of a repeated word that tell which of its occurrences is shared.
const NEIGHBOURS: usize = 3;
/// A class in this share of a document's sentences says little about a name.
const FREQUENT_SHARE: f64 = 0.25;
/// Documents shorter than this have no frequent classes.
const FREQUENT_MIN_SENTENCES: usize = 12;
/// Confidence of a glossary term without its counterpart: the counterpart may be rendered by
/// a paraphrase the glossary does not list.
const TERM_CONFIDENCE: f64 = 0.6;

/// A date, year or end of a period stated in a sentence.
struct DateFact {
    at: Located,
    year: i32,
    month: Option<u8>,
    day: Option<u8>,
    bound: Option<Bound>,
}

impl DateFact {
    /// The date facts among `values`; a period gives one per year.
    fn all(values: &[Located]) -> Vec<DateFact> {
        let mut v = Vec::new();
        for l in values {
            match l.found.value {
                Value::Date {
                    year,
                    month,
                    day,
                    bound,
                    ..
                } => v.push(DateFact {
                    at: l.clone(),
                    year,
                    month,
                    day,
                    bound,
                }),
                Value::Period { from, to } => {
                    for year in [from, to] {
                        v.push(DateFact {
                            at: l.clone(),
                            year,
                            month: None,
                            day: None,
                            bound: None,
                        });
                    }
                }
                _ => {}
            }
        }
        v
    }

    /// Whether a fact of the same year with this `month` and `day` fits this one: the same
    /// month and day where both state them.
    fn fits(&self, month: Option<u8>, day: Option<u8>) -> bool {
        (self.month.is_none() || month.is_none() || self.month == month)
            && (self.day.is_none() || day.is_none() || self.day == day)
    }

    /// `2026`, `2026-03`, `2026-03-31`.
    fn show(&self) -> String {
        let mut s = self.year.to_string();
        if let Some(m) = self.month {
            s.push_str(&format!("-{m:02}"));
            if let Some(d) = self.day {
                s.push_str(&format!("-{d:02}"));
            }
        }
        s
    }
}

/// The date facts of one side, by year and then by month and day, each list in order, for
/// [`DateIndex::take_best`].
struct DateIndex {
    by_year: HashMap<i32, DaysOfYear>,
}

/// A year's facts (their indexes, in order) by month and day.
type DaysOfYear = HashMap<(Option<u8>, Option<u8>), Vec<usize>>;

impl DateIndex {
    fn new(facts: &[DateFact]) -> DateIndex {
        let mut by_year: HashMap<i32, DaysOfYear> = HashMap::new();
        for (j, f) in facts.iter().enumerate() {
            by_year
                .entry(f.year)
                .or_default()
                .entry((f.month, f.day))
                .or_default()
                .push(j);
        }
        DateIndex { by_year }
    }

    /// Takes the fact of `a`'s year that fits it best ([`DateFact::fits`]): the same month, then the same
    /// day, first; among equals, the last in text order. The cost is the number of distinct
    /// months and days of `a`'s year (at most a few hundred), not the number of facts.
    fn take_best(&mut self, a: &DateFact) -> Option<usize> {
        let groups = self.by_year.get_mut(&a.year)?;
        let best = groups
            .iter()
            .filter(|(&(m, d), list)| !list.is_empty() && a.fits(m, d))
            .filter_map(|(&(m, d), list)| Some(((m == a.month, d == a.day), *list.last()?, (m, d))))
            .max_by_key(|&(score, last, _)| (score, last))?;
        groups.get_mut(&best.2)?.pop()
    }
}

/// Text of one side (0 English, 1 Spanish) without counterpart: an omission from the Spanish
/// or an addition to it.
fn left_out(side: usize, p: usize, piece: Piece, message: String, confidence: f64) -> Draft {
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

/// For each content token, whether the other side shares it: its own class, or a glossary
/// term around it whose concept the other side names.
/// The classes found in at least [`FREQUENT_SHARE`] of either side's sentences, when it has at
/// least [`FREQUENT_MIN_SENTENCES`] of them.
fn frequent_classes(detail: [&Vec<Vec<Classed>>; 2]) -> HashSet<u32> {
    let mut out = HashSet::new();
    for sentences in detail {
        if sentences.len() < FREQUENT_MIN_SENTENCES {
            continue;
        }
        let mut counts: HashMap<u32, usize> = HashMap::new();
        for tokens in sentences {
            let own: HashSet<u32> = tokens.iter().filter_map(|c| c.class).collect();
            for k in own {
                *counts.entry(k).or_default() += 1;
            }
        }
        let least = (sentences.len() as f64 * FREQUENT_SHARE).ceil() as usize;
        out.extend(
            counts
                .into_iter()
                .filter(|&(_, n)| n >= least)
                .map(|(k, _)| k),
        );
    }
    out
}

/// Renderings shown in a message before the rest are only counted: a concept with thousands
/// of synonyms would otherwise make a message no one reads.
const RENDERINGS_SHOWN: usize = 5;

/// A glossary's renderings for a message: `"a" or "b"`, at most [`RENDERINGS_SHOWN`] of them,
/// then how many more there are.
fn renderings(terms: &[&str]) -> String {
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

/// Settles one-sided findings (a date, number or name missing from the other side) that fall
/// inside a clause found left out on the same side: the clause says it all, unless it is just
/// the value (a name with nothing around it), which then keeps its more telling kind.
fn subsume_in_clauses(out: &mut Vec<Draft>, start: usize) {
    let is_clause =
        |d: &Draft| matches!(d.kind, DivergenceKind::Omission | DivergenceKind::Addition);
    let one_side = |d: &Draft| match (&d.en, &d.es) {
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

/// Words (folded) of one side, sorted, to ask whether a word of the other side shares a stem
/// with one of them in time logarithmic in their number.
#[derive(Debug, Default)]
struct Stems(Vec<String>);

impl FromIterator<String> for Stems {
    fn from_iter<I: IntoIterator<Item = String>>(words: I) -> Stems {
        let mut words: Vec<String> = words.into_iter().collect();
        words.sort_unstable();
        words.dedup();
        Stems(words)
    }
}

impl Stems {
    /// Whether `word` (folded) and one of the words begin alike: the whole of the shorter one,
    /// of at least four letters, or a common beginning of five letters or more.
    fn shares_stem(&self, word: &str) -> bool {
        // The byte length of `word`'s first `n` characters, when it has that many.
        let chars = |n: usize| -> Option<usize> {
            word.char_indices()
                .map(|(i, _)| i)
                .chain(std::iter::once(word.len()))
                .nth(n)
        };
        let any_starting_with = |prefix: &str| {
            let at = self.0.partition_point(|w| w.as_str() < prefix);
            self.0.get(at).is_some_and(|w| w.starts_with(prefix))
        };
        let length = word.chars().count();
        // A common beginning of five letters: a word starting with `word`'s first five.
        if let Some(five) = chars(5) {
            if any_starting_with(&word[..five]) {
                return true;
            }
        }
        // A word of four letters that begins `word` (a longer one would share five).
        if let Some(four) = chars(4) {
            if self
                .0
                .binary_search_by(|w| w.as_str().cmp(&word[..four]))
                .is_ok()
            {
                return true;
            }
        }
        // `word` of four letters beginning a longer word.
        length == 4 && any_starting_with(word)
    }
}

/// For each token of `mine` (a pair's sentences on one side), whether the other side's
/// sentences `theirs` share it, counting occurrences: a word said three times against once is
/// shared once, by the occurrence whose neighbours the other side shares most (`81 years of
/// diplomatic relations, 31 years of free trade` against `81 años de relaciones
/// diplomáticas`). A word inside a shared glossary term is shared.
fn shared_counted(mine: &[&[Classed]], theirs: &[&[Classed]]) -> Vec<Vec<bool>> {
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

fn shared_with(tokens: &[Classed], other: &HashSet<u32>) -> Vec<bool> {
    let shared: Vec<bool> = tokens
        .iter()
        .map(|c| c.class.is_some_and(|k| other.contains(&k)))
        .collect();
    let inside = inside_shared_terms(tokens, &shared);
    shared.iter().zip(inside).map(|(&a, b)| a || b).collect()
}

/// For each token (in text order), whether it lies inside a glossary term that is `shared`:
/// one sweep, keeping the furthest end of the terms begun so far, since a token is inside
/// some term exactly when a term that begins no later ends no sooner.
fn inside_shared_terms(tokens: &[Classed], shared: &[bool]) -> Vec<bool> {
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

/// An acronym without a counterpart in the aligned sentence: whether the glossary knows it,
/// and whether it is being defined.
type Lonely = (Located, bool, bool);

/// Unmatched acronyms of the two sides paired in order: those being defined (in parentheses
/// after their expansion) with each other, the others with each other; what is left stands
/// alone.
fn pair_up<'l>(a: &'l [Lonely], b: &'l [Lonely]) -> Vec<(Option<&'l Lonely>, Option<&'l Lonely>)> {
    let mut out = Vec::new();
    for defined in [true, false] {
        let xs: Vec<_> = a.iter().filter(|x| x.2 == defined).collect();
        let ys: Vec<_> = b.iter().filter(|y| y.2 == defined).collect();
        for k in 0..xs.len().max(ys.len()) {
            out.push((xs.get(k).copied(), ys.get(k).copied()));
        }
    }
    out
}

/// [`unmatched`] for a `fits` that is equality of `key`: each item of `a` takes the first
/// item of `b` with its key not yet taken, found through a table rather than a scan, so the
/// time is linear in the items (a sentence may hold thousands of numbers).
fn unmatched_by_key<'v, T, K: std::hash::Hash + Eq>(
    a: &'v [T],
    b: &'v [T],
    key: impl Fn(&T) -> K,
) -> (Vec<&'v T>, Vec<&'v T>) {
    let mut waiting: HashMap<K, VecDeque<usize>> = HashMap::new();
    for (j, y) in b.iter().enumerate() {
        waiting.entry(key(y)).or_default().push_back(j);
    }
    let mut used = vec![false; b.len()];
    let mut left_a = Vec::new();
    for x in a {
        match waiting.get_mut(&key(x)).and_then(VecDeque::pop_front) {
            Some(j) => used[j] = true,
            None => left_a.push(x),
        }
    }
    (left_a, not_used(b, &used))
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

/// The items of `b` not `used`.
fn not_used<'v, T>(b: &'v [T], used: &[bool]) -> Vec<&'v T> {
    b.iter()
        .zip(used)
        .filter(|(_, u)| !**u)
        .map(|(y, _)| y)
        .collect()
}

/// A number form as a key.
fn form_rank(form: NumberForm) -> u8 {
    match form {
        NumberForm::Count => 0,
        NumberForm::Percent => 1,
        NumberForm::Ordinal => 2,
    }
}

/// Pairs items of `a` with items of `b` that `fits` (greedily, in order) and returns what
/// is left on each side.
fn unmatched<'v, T>(
    a: &'v [T],
    b: &'v [T],
    fits: impl Fn(&T, &T) -> bool,
) -> (Vec<&'v T>, Vec<&'v T>) {
    let mut used = vec![false; b.len()];
    let mut left_a = Vec::new();
    for x in a {
        match (0..b.len()).find(|&j| !used[j] && fits(x, &b[j])) {
            Some(j) => used[j] = true,
            None => left_a.push(x),
        }
    }
    (left_a, not_used(b, &used))
}

fn lang_name(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "English",
        Lang::Es => "Spanish",
    }
}

fn bound_name(b: Bound) -> &'static str {
    match b {
        Bound::By => "a deadline (by)",
        Bound::Since => "a start (since)",
        Bound::During => "a span (during)",
        Bound::Until => "an end (until)",
        Bound::After => "a start (after)",
    }
}
