//! Named institutions, instruments and acronyms: a name or acronym of one side with its counterpart in the other.

use super::omission::inside_shared_terms;
use super::pairing::{in_order, pair_up, unmatched, LonelyAcronym};
use super::{Context, Draft, Located, Piece};
use crate::align::Alignment;
use crate::divergence::{DivergenceKind, Severity};
use crate::extract::Value;
use crate::lexicon::{Classed, EvidenceKind};
use crate::tokens::fold;
use std::collections::{HashMap, HashSet};

impl Context<'_, '_, '_> {
    /// The acronyms of `values` (of sentences of `side`) that share no class with `other`:
    /// each with whether the glossary knows it and whether it is being defined (in
    /// parentheses after its expansion). An acronym being defined must share a class with
    /// `other_defined` instead: the other side's acronyms, where its expansion alone is not
    /// the acronym.
    pub(super) fn lonely_acronyms(
        &self,
        side: usize,
        values: &[Located],
        other: &HashSet<u32>,
        other_defined: &HashSet<u32>,
    ) -> Vec<LonelyAcronym> {
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
                let text = doc.sentences()[l.sentence].text();
                let defined = text
                    .get(..l.found.range.start)
                    .is_some_and(|t| t.trim_end().ends_with('('))
                    && text
                        .get(l.found.range.end..)
                        .is_some_and(|t| t.trim_start().starts_with(')'));
                let against = if defined { other_defined } else { other };
                if covering
                    .iter()
                    .any(|c| c.class.is_some_and(|k| against.contains(&k)))
                {
                    return None;
                }
                let known = covering.iter().any(|c| c.kind == EvidenceKind::Concept);
                Some(LonelyAcronym {
                    at: l.clone(),
                    known,
                    defined,
                })
            })
            .collect()
    }

    /// Acronyms left unmatched together in an aligned pair stand for each other elsewhere too
    /// (`SAWP` and `PTAT`, each defined after its expansion).
    pub(super) fn acronym_equivalences(&self, alignment: &Alignment) -> HashSet<(String, String)> {
        let mut out = HashSet::new();
        for pair in alignment.sentence_pairs() {
            if pair.a.is_empty() || pair.b.is_empty() {
                continue;
            }
            let (ven, ves) = (self.located(0, &pair.a), self.located(1, &pair.b));
            let (cen, ces) = (self.classes(0, &pair.a), self.classes(1, &pair.b));
            let (le, ls) = (
                self.lonely_acronyms(0, &ven, &ces, &ces),
                self.lonely_acronyms(1, &ves, &cen, &cen),
            );
            for (a, b) in pair_up(&le, &ls) {
                if let (Some(a), Some(b)) = (a, b) {
                    if let (Value::Acronym(x), Value::Acronym(y)) =
                        (&a.at.found.value, &b.at.found.value)
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
    pub(super) fn known_to_other(&self, side: usize, l: &Located) -> bool {
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

    pub(super) fn acronyms(
        &self,
        p: usize,
        sentences: [&[usize]; 2],
        en: &[Located],
        es: &[Located],
        classes: &[HashSet<u32>; 2],
        out: &mut Vec<Draft>,
    ) {
        let (le, ls) = self.leftover_acronyms(sentences, [en, es], classes);
        // A word in capitals of four letters or more that its document writes in lower case
        // as often or more (`PRIMARY`, `CLIPBOARD`, `PRUEBE`: emphasis, a key, a placeholder; not
        // `DFSG`, written `+dfsg` in a version now and then) is a word, not
        // an acronym: it pairs with the other side's leftover as an acronym would, but says
        // nothing of an institution either way. `US` and `IT` stay acronyms.
        let word_in_capitals = |side: usize, l: &LonelyAcronym| {
            let text = self.text_of(side, &l.at.piece());
            let count = |w: &str| self.words(side).get(w).copied().unwrap_or(0);
            text.chars().filter(|c| c.is_alphabetic()).count() >= 4
                && count(&text.to_lowercase()) >= count(text)
        };
        for (a, b) in pair_up(&le, &ls) {
            if a.is_some_and(|a| word_in_capitals(0, a))
                || b.is_some_and(|b| word_in_capitals(1, b))
            {
                continue;
            }
            let name = |side: usize, l: &Located| self.text_of(side, &l.piece()).to_string();
            let appears = |side: usize, l: &Located| {
                format!(
                    "{} appears in the {} version but not in the {}",
                    name(side, l),
                    self.name(side),
                    self.name(1 - side)
                )
            };
            let (severity, message, confidence) = match (a, b) {
                // Both known to the glossary as different things.
                (Some(a), Some(b)) if a.known && b.known => (
                    Severity::Warning,
                    format!(
                        "different institutions or instruments: {} in {}, {} in {}",
                        name(0, &a.at),
                        self.name(0),
                        name(1, &b.at),
                        self.name(1)
                    ),
                    0.7,
                ),
                (Some(a), Some(b)) => (
                    Severity::Info,
                    format!(
                        "{} in {} and {} in {} are taken to name the same thing; check that they do",
                        name(0, &a.at),
                        self.name(0),
                        name(1, &b.at),
                        self.name(1)
                    ),
                    0.3,
                ),
                // Defined after its expansion, it stays unless the other side has a
                // parenthesis that may stand for it, one with no word this side shares (a
                // name of its own for the thing); with none, the acronym was
                // dropped (`Network Address Translation (NAT)` against `Traducción de
                // Direcciones de Red.`, or against `(a través de la red)` translating this
                // side's own `(through the network)`).
                (Some(a), None) if a.defined && self.stand_in(1, sentences[1], &classes[0]) => {
                    continue
                }
                (None, Some(b)) if b.defined && self.stand_in(0, sentences[0], &classes[1]) => {
                    continue
                }
                (Some(a), None) if a.defined => (Severity::Warning, appears(0, &a.at), 0.6),
                (None, Some(b)) if b.defined => (Severity::Warning, appears(1, &b.at), 0.6),
                // Used bare and spelled out on the other side (`GUI`, `interfaz gráfica de
                // usuario`).
                (Some(a), None) if self.spelled_out(0, &a.at, sentences[1]) => continue,
                (None, Some(b)) if self.spelled_out(1, &b.at, sentences[0]) => continue,
                (Some(a), None) if self.known_to_other(0, &a.at) => (
                    Severity::Info,
                    format!(
                        "{} is named in the {} version, but not in this sentence",
                        name(0, &a.at),
                        self.name(1)
                    ),
                    0.3,
                ),
                (None, Some(b)) if self.known_to_other(1, &b.at) => (
                    Severity::Info,
                    format!(
                        "{} is named in the {} version, but not in this sentence",
                        name(1, &b.at),
                        self.name(0)
                    ),
                    0.3,
                ),
                (Some(a), None) => (Severity::Warning, appears(0, &a.at), 0.7),
                (None, Some(b)) => (Severity::Warning, appears(1, &b.at), 0.7),
                (None, None) => continue,
            };
            out.push(Draft::new(
                DivergenceKind::Entity,
                severity,
                Some(p),
                [a.map(|x| x.at.piece()), b.map(|x| x.at.piece())],
                message,
                confidence,
            ));
        }
    }

    /// The acronyms of each side of a pair (sentences `sentences`, values `values`, classes
    /// `classes`) with no counterpart on the other side: no class in common (for one being
    /// defined, no class in common with the other side's acronyms), not the same acronym, and
    /// not written there inside a compound.
    fn leftover_acronyms(
        &self,
        sentences: [&[usize]; 2],
        [en, es]: [&[Located]; 2],
        classes: &[HashSet<u32>; 2],
    ) -> (Vec<LonelyAcronym>, Vec<LonelyAcronym>) {
        let acronym_classes = |side: usize, values: &[Located]| -> HashSet<u32> {
            values
                .iter()
                .filter(|l| matches!(l.found.value, Value::Acronym(_)))
                .flat_map(|l| self.covering(side, l.sentence, &l.found.range))
                .filter_map(|c| c.class)
                .collect()
        };
        let (ae, as_) = (acronym_classes(0, en), acronym_classes(1, es));
        // The same acronym on both sides is its own counterpart, whatever the classes say.
        let keys = |values: &[Located]| -> HashSet<String> {
            values
                .iter()
                .filter_map(|l| match &l.found.value {
                    Value::Acronym(key) => Some(key.clone()),
                    _ => None,
                })
                .collect()
        };
        let (ke, ks) = (keys(en), keys(es));
        // Or written in the other side's sentences as a word of its own, inside a compound
        // (`SUPER`, `SUPER-ESPACIO`).
        let written = |side: usize, l: &LonelyAcronym| {
            let acronym = self.text_of(side, &l.at.piece());
            sentences[1 - side].iter().any(|&j| {
                self.doc(1 - side).sentences()[j]
                    .text()
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| w == acronym)
            })
        };
        let unshared = |side: usize, l: &LonelyAcronym, other: &HashSet<String>| {
            !matches!(&l.at.found.value, Value::Acronym(key) if other.contains(key))
                && !written(side, l)
        };
        let mut le = self.lonely_acronyms(0, en, &classes[1], &as_);
        let mut ls = self.lonely_acronyms(1, es, &classes[0], &ae);
        le.retain(|l| unshared(0, l, &ks));
        ls.retain(|l| unshared(1, l, &ke));
        (le, ls)
    }

    /// Whether sentences `idx` of `side` hold a parenthesis with words none of which the other
    /// side, whose classes are `other`, shares: what may stand for an acronym defined there.
    fn stand_in(&self, side: usize, idx: &[usize], other: &HashSet<u32>) -> bool {
        idx.iter().any(|&i| {
            let text = self.doc(side).sentences()[i].text();
            let tokens = self.detail[side].get(i).map_or(&[][..], Vec::as_slice);
            let shared = shared_with(tokens, other);
            parentheses(text).any(|inside| {
                let words: Vec<bool> = tokens
                    .iter()
                    .zip(&shared)
                    .filter(|(c, _)| inside.start <= c.range.start && c.range.end <= inside.end)
                    .map(|(_, &sh)| sh)
                    .collect();
                !words.is_empty() && !words.contains(&true)
            })
        })
    }

    /// Whether the acronym `at` (of `side`) is written out in the other side's `sentences`:
    /// words whose initials spell it, in any order.
    fn spelled_out(&self, side: usize, at: &Located, sentences: &[usize]) -> bool {
        let acronym = self.text_of(side, &at.piece());
        let Some(key) = super::omission::initials_key(acronym) else {
            return false;
        };
        let other = 1 - side;
        sentences.iter().any(|&j| {
            let text = self.doc(other).sentences()[j].text();
            self.detail[other]
                .get(j)
                .is_some_and(|tokens| super::omission::spells(tokens, text, &key).is_some())
        })
    }

    /// Names of institutions and programmes (runs of capitalised words, with the connectors a
    /// language puts inside names) whose words the other sentence does not share: another
    /// institution, or one left out.
    pub(super) fn names(
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
        // A name on one side only is reported when it names a body or programme (its head
        // word says so): a capitalised phrase alone (a title, a menu, a defined term) is no
        // evidence that anything is missing. Two unmatched names face to face are.
        let pairs = in_order(&me, &ms).filter(|pair| match *pair {
            (Some(a), None) => self.names_a_body(0, a),
            (None, Some(b)) => self.names_a_body(1, b),
            _ => true,
        });
        for (a, b) in pairs {
            let message = match (a, b) {
                (Some(a), Some(b)) => format!(
                    "different institutions or programmes: {} in {}, {} in {}",
                    self.text_of(0, a),
                    self.name(0),
                    self.text_of(1, b),
                    self.name(1)
                ),
                (Some(a), None) => format!(
                    "{} has no counterpart in the {} sentence",
                    self.text_of(0, a),
                    self.name(1)
                ),
                (None, Some(b)) => format!(
                    "{} has no counterpart in the {} sentence",
                    self.text_of(1, b),
                    self.name(0)
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

    /// Whether the name at `piece` (of `side`) is headed by the word of a body or programme
    /// (`Ministry of Energy`, `Research Council`, `Consejo de Investigación`; not `Network
    /// Address Translation`).
    fn names_a_body(&self, side: usize, piece: &Piece) -> bool {
        let tables = self.doc(side).lang().tables();
        let Some(name) = self.doc(side).sentences()[piece.sentence]
            .text()
            .get(piece.range.clone())
        else {
            return false;
        };
        let words: Vec<String> = name
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| tables.singular(&fold(w)).into_owned())
            .collect();
        let connector = |w: &String| tables.name_connectors.contains(&w.as_str());
        let heads: Vec<&String> = if tables.head_first {
            words.first().into_iter().collect()
        } else {
            // The last word, and each word a connector follows (`Ministry` of `of Energy`).
            words
                .windows(2)
                .filter(|w| !connector(&w[0]) && connector(&w[1]))
                .map(|w| &w[0])
                .chain(words.last())
                .collect()
        };
        heads
            .iter()
            .any(|w| tables.institution_heads.contains(&w.as_str()))
    }

    pub(super) fn instruments(
        &self,
        p: usize,
        en: &[Located],
        es: &[Located],
        out: &mut Vec<Draft>,
    ) {
        let tags = |side: &[Located]| -> Vec<(Located, &'static str)> {
            side.iter()
                .filter_map(|l| match l.found.value {
                    Value::Instrument(t) => Some((l.clone(), t)),
                    _ => None,
                })
                .collect()
        };
        let (te, ts) = (tags(en), tags(es));
        let (lonely_en, lonely_es) =
            unmatched(&te, &ts, |a, b| crate::lang::instruments_fit(a.1, b.1));
        // Only a mismatch is reported: an instrument named on one side only is usually a
        // reference the other side makes another way.
        for (a, b) in lonely_en.iter().zip(&lonely_es) {
            let (en, es) = (a.0.piece(), b.0.piece());
            let message = format!(
                "the instrument differs: {} in {}, {} in {}",
                self.text_of(0, &en),
                self.name(0),
                self.text_of(1, &es),
                self.name(1)
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
}

/// A class in this share of a document's sentences says little about a name.
pub(super) const FREQUENT_SHARE: f64 = 0.25;

/// Documents shorter than this have no frequent classes.
pub(super) const FREQUENT_MIN_SENTENCES: usize = 12;

/// For each content token, whether the other side shares it: its own class, or a glossary
/// term around it whose concept the other side names.
/// The classes found in at least [`FREQUENT_SHARE`] of either side's sentences, when it has at
/// least [`FREQUENT_MIN_SENTENCES`] of them.
pub(super) fn frequent_classes(detail: [&Vec<Vec<Classed>>; 2]) -> HashSet<u32> {
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

/// Words (folded) of one side, sorted, to ask whether a word of the other side shares a stem
/// with one of them in time logarithmic in their number.
#[derive(Debug, Default)]
pub(super) struct Stems(Vec<String>);

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

pub(super) fn shared_with(tokens: &[Classed], other: &HashSet<u32>) -> Vec<bool> {
    let shared: Vec<bool> = tokens
        .iter()
        .map(|c| c.class.is_some_and(|k| other.contains(&k)))
        .collect();
    let inside = inside_shared_terms(tokens, &shared);
    shared.iter().zip(inside).map(|(&a, b)| a || b).collect()
}

/// The byte ranges inside each outermost pair of parentheses of `text`.
fn parentheses(text: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let mut depth = 0usize;
    let mut open = 0;
    text.char_indices().filter_map(move |(i, c)| match c {
        '(' => {
            if depth == 0 {
                open = i + 1;
            }
            depth += 1;
            None
        }
        ')' if depth > 0 => {
            depth -= 1;
            (depth == 0).then_some(open..i)
        }
        _ => None,
    })
}
