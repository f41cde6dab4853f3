//! Cross-language evidence: each text becomes a bag of classes that both languages share.
//!
//! A class is what a word, number, acronym or glossary concept means across the pair: numbers
//! by value, acronyms by letters, glossary terms by concept, and words by identity or cognacy
//! after folding (`cooperation` ~ `cooperación`). Only classes found on both sides are evidence;
//! each weighs by its rarity (inverse document frequency over all texts of the pair).

use std::collections::HashMap;
use std::ops::Range;

use rayon::prelude::*;

use crate::document::{Document, ParagraphKind};
use crate::glossary::TermIndex;
use crate::lang::Tables;
use crate::tokens::{skeleton, tokens_in, TokenKind};
use crate::union_find::{find, union};

mod learn;

pub(crate) use learn::Learned;

/// Weight of a content token with no counterpart anywhere on the other side: it still makes a
/// text longer, so a pair sharing one number among many other words is not a perfect match.
const UNLINKED_WEIGHT: f32 = 0.5;

/// The same when a side's language is unknown: without its vocabulary most words cannot be
/// linked, so an unlinked word says nothing against a pair, and a text whose words all stay
/// unlinked leaves the decision to the length model.
const UNLINKED_WEIGHT_UNKNOWN: f32 = 0.0;

/// The key an acronym is linked by: its letters in alphabetical order when it has three or
/// more and no digit, since languages that put the adjective after the noun reorder the
/// initials of one name (`OECD` / `OCDE`, `NATO` / `OTAN`, `USMCA` / `CUSMA`); else the key.
fn acronym_class_key(key: &str) -> String {
    if key.chars().count() >= 3 && key.chars().all(char::is_alphabetic) {
        let mut letters: Vec<char> = key.chars().collect();
        letters.sort_unstable();
        letters.into_iter().collect()
    } else {
        key.to_string()
    }
}

/// A shared number is good evidence, but must not outweigh everything else (a known failure
/// of aligners that pair `Chapter 1` with `Libro 1`).
const NUMBER_WEIGHT_CAP: f32 = 1.5;

/// The evidence of one text.
#[derive(Clone, Debug, Default)]
pub(crate) struct Bag {
    /// Linked classes, sorted, each once.
    pub classes: Vec<u32>,
    /// Weight of the linked classes plus the unlinked tokens.
    pub total: f32,
    /// The part of `total` that numbers found nowhere in the other text weigh.
    pub unlinked_numbers: f32,
    /// Length in characters.
    pub chars: u32,
    /// A line that stands alone (a dateline, a heading): never merged with a sentence.
    pub alone: bool,
}

/// The classes of a pair of texts and their weights.
#[derive(Debug, Default)]
pub(crate) struct Weights {
    weight: Vec<f32>,
    /// Per class: whether it is a number.
    is_number: Vec<bool>,
}

impl Weights {
    /// The weight of a class.
    pub fn weight(&self, class: u32) -> f32 {
        self.weight[class as usize]
    }

    /// Weight of the classes two bags share.
    pub fn common(&self, a: &Bag, b: &Bag) -> f32 {
        let (mut i, mut j, mut sum) = (0, 0, 0.0);
        let (x, y) = (&a.classes, &b.classes);
        while i < x.len() && j < y.len() {
            match x[i].cmp(&y[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    sum += self.weight[x[i] as usize];
                    i += 1;
                    j += 1;
                }
            }
        }
        sum
    }

    /// Weight of the number classes of `a` that `b` lacks, and of `a`'s numbers found nowhere
    /// in the other text: the values a comparison of the two would report as differing.
    pub fn numbers_not_in(&self, a: &Bag, b: &Bag) -> f32 {
        let mut sum = a.unlinked_numbers;
        let mut j = 0;
        for &c in &a.classes {
            while j < b.classes.len() && b.classes[j] < c {
                j += 1;
            }
            let shared = b.classes.get(j) == Some(&c);
            if !shared && self.is_number.get(c as usize).copied().unwrap_or(false) {
                sum += self.weight[c as usize];
            }
        }
        sum
    }

    /// Dice similarity of two bags in [0, 1]; `None` when neither holds any evidence.
    pub fn similarity(&self, a: &Bag, b: &Bag) -> Option<f32> {
        let total = a.total + b.total;
        (total > 0.0).then(|| (2.0 * self.common(a, b) / total).min(1.0))
    }
}

/// A token as the lexicon sees it, before classes are known.
enum Item {
    /// A word: index into the side's vocabulary.
    Word(u32),
    /// A number, acronym or glossary concept: index into the shared vocabulary.
    Shared(u32),
}

/// What kind of evidence a content token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum EvidenceKind {
    Word,
    Number,
    Acronym,
    /// A glossary term (one or more words).
    Concept,
}

/// A content token of a text with its class: `None` when nothing on the other side shares it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Classed {
    /// Byte range in the text.
    pub range: Range<usize>,
    pub kind: EvidenceKind,
    pub class: Option<u32>,
}

struct Side {
    /// Per text, its content items.
    items: Vec<Vec<Item>>,
    /// Per text, where each item stands and what it is.
    places: Vec<Vec<(Range<usize>, EvidenceKind)>>,
    chars: Vec<u32>,
    vocab: Vec<String>,
    /// Per text: whether it pairs with one text at most (a dateline, a heading); empty when
    /// not known.
    alone: Vec<bool>,
}

/// The evidence of two sets of texts.
pub(crate) struct Lexicon {
    pub weights: Weights,
    /// Bags of the first side's texts.
    pub a: Vec<Bag>,
    /// Bags of the second side's texts.
    pub b: Vec<Bag>,
    /// With `detail`, every content token of each text of the first side and its class, in
    /// text order.
    pub detail_a: Vec<Vec<Classed>>,
    /// The same for the second side.
    pub detail_b: Vec<Vec<Classed>>,
    /// Per side, per word of its vocabulary: its class, `u32::MAX` when it has no counterpart
    /// on the other side.
    word_classes: [Vec<u32>; 2],
}

/// Two sets of texts read into content items, before classes are made: kept so that the
/// classes can be made again with links learned from an alignment of the texts.
pub(crate) struct Reading {
    a: Side,
    b: Side,
    /// Per shared item (number, acronym, glossary concept): whether it is a number.
    shared_is_number: Vec<bool>,
    tables: [&'static Tables; 2],
    /// Whether every content token's class is wanted too.
    detail: bool,
    /// The words of side `a` linked to words of side `b` by identity or cognacy (indexes into
    /// each vocabulary), found once for every lexicon of the reading.
    word_links: std::sync::OnceLock<Vec<(u32, u32)>>,
}

impl Reading {
    /// Reads two documents (sentences, then section titles, of each) with the glossary's
    /// `terms` of each side; with `detail`, the lexicons made keep every content token's class
    /// too. The sentences of datelines and headings are marked to pair with one sentence at
    /// most.
    pub(crate) fn of_documents(
        a: &Document<'_>,
        b: &Document<'_>,
        terms: [&TermIndex; 2],
        detail: bool,
    ) -> Reading {
        let mut reading = read(
            &texts(a),
            a.lang().tables(),
            &texts(b),
            b.lang().tables(),
            terms,
            detail,
        );
        reading.a.alone = alone(a, reading.a.items.len());
        reading.b.alone = alone(b, reading.b.items.len());
        reading
    }

    /// Reads two lists of texts, `a` in `lang_a` and `b` in `lang_b`, with the glossary's
    /// `terms` of each side.
    pub(crate) fn of_lists(
        a: &[&str],
        lang_a: &'static Tables,
        b: &[&str],
        lang_b: &'static Tables,
        terms: [&TermIndex; 2],
    ) -> Reading {
        read(a, lang_a, b, lang_b, terms, false)
    }

    /// The lexicon of the texts: words linked by identity or cognacy, and by `learned`.
    pub(crate) fn lexicon(&self, learned: &Learned) -> Lexicon {
        classify(self, learned)
    }

    /// Word pairs learned from `pairs` of aligned texts (indexes into each side's texts):
    /// by their counts when `count` is set, and those of `dictionary` that meet in aligned
    /// texts; see [`learn::links`]. In each pair, the words that `first` (this reading's
    /// lexicon without them) links to a word of the other side are explained already.
    pub(crate) fn learn<'p>(
        &self,
        first: &Lexicon,
        pairs: impl Iterator<Item = (&'p [usize], &'p [usize])>,
        count: bool,
        dictionary: &crate::Dictionary,
    ) -> Learned {
        let offered = if dictionary.is_empty() {
            Default::default()
        } else {
            learn::offered(
                dictionary,
                &self.a.vocab,
                self.tables[0],
                &self.b.vocab,
                self.tables[1],
            )
        };
        learn::links(
            [&self.a.items, &self.b.items],
            [&self.a.vocab, &self.b.vocab],
            [&first.word_classes[0], &first.word_classes[1]],
            [&first.a, &first.b],
            pairs,
            count,
            &offered,
        )
    }
}

/// Per text of a document: whether it is the sentence of a dateline or heading (or a title),
/// which pairs with one sentence at most.
fn alone(doc: &Document<'_>, texts: usize) -> Vec<bool> {
    let mut alone = vec![false; texts];
    for paragraph in doc.paragraphs() {
        if !matches!(paragraph.kind(), ParagraphKind::Text | ParagraphKind::Item) {
            for flag in alone
                .get_mut(paragraph.sentence_range())
                .into_iter()
                .flatten()
            {
                *flag = true;
            }
        }
    }
    alone
}

/// The texts the lexicon reads from a document: its sentences, then its section titles.
fn texts<'d>(doc: &'d Document<'_>) -> Vec<&'d str> {
    doc.sentences()
        .iter()
        .map(|s| s.text())
        .chain(doc.sections().iter().map(|s| s.title()))
        .collect()
}

/// The lexicon of `lists`, each in the language of its `tables`, without learned links.
#[cfg(test)]
pub(crate) fn build(
    lists: [&[&str]; 2],
    tables: [&'static Tables; 2],
    terms: [&TermIndex; 2],
) -> Lexicon {
    Reading::of_lists(lists[0], tables[0], lists[1], tables[1], terms).lexicon(&Learned::default())
}

/// Reads the content items of `a` (in `lang_a`) and `b` (in `lang_b`).
fn read(
    a: &[&str],
    lang_a: &'static Tables,
    b: &[&str],
    lang_b: &'static Tables,
    terms: [&TermIndex; 2],
    detail: bool,
) -> Reading {
    let mut shared: HashMap<String, u32> = HashMap::new();
    let mut shared_is_number: Vec<bool> = Vec::new();
    let a = read_side(
        a,
        lang_a,
        terms[0],
        detail,
        &mut shared,
        &mut shared_is_number,
    );
    let b = read_side(
        b,
        lang_b,
        terms[1],
        detail,
        &mut shared,
        &mut shared_is_number,
    );
    Reading {
        a,
        b,
        shared_is_number,
        tables: [lang_a, lang_b],
        detail,
        word_links: Default::default(),
    }
}

/// Makes the classes of a reading: words linked by identity or cognacy, and by `learned`;
/// numbers, acronyms and glossary concepts by their keys.
fn classify(reading: &Reading, learned: &Learned) -> Lexicon {
    let (side_a, side_b) = (&reading.a, &reading.b);
    let [lang_a, lang_b] = reading.tables;
    let shared_is_number = &reading.shared_is_number;
    let detail = reading.detail;
    // Nodes: shared items, then side A's words, then side B's words.
    let ns = shared_is_number.len();
    let na = side_a.vocab.len();
    let nb = side_b.vocab.len();
    let mut parent: Vec<usize> = (0..ns + na + nb).collect();
    let word_links = reading.word_links.get_or_init(|| {
        let mut links = Vec::new();
        link_words(&side_a.vocab, lang_a, &side_b.vocab, lang_b, |i, j| {
            // A vocabulary of 2^32 words would take hundreds of gigabytes.
            links.push((i as u32, j as u32))
        });
        links
    });
    for &(i, j) in word_links.iter().chain(&learned.pairs) {
        if (i as usize) < na && (j as usize) < nb {
            union(&mut parent, ns + i as usize, ns + na + j as usize);
        }
    }
    let node_a = |item: &Item| match *item {
        Item::Word(w) => ns + w as usize,
        Item::Shared(s) => s as usize,
    };
    let node_b = |item: &Item| match *item {
        Item::Word(w) => ns + na + w as usize,
        Item::Shared(s) => s as usize,
    };

    // Which classes occur on each side.
    let roots: Vec<usize> = (0..parent.len()).map(|x| find(&mut parent, x)).collect();
    let mut seen = vec![0u8; parent.len()];
    for items in &side_a.items {
        for it in items {
            seen[roots[node_a(it)]] |= 1;
        }
    }
    for items in &side_b.items {
        for it in items {
            seen[roots[node_b(it)]] |= 2;
        }
    }
    // Dense class ids for linked roots.
    let mut class_of = vec![u32::MAX; parent.len()];
    let mut is_number = Vec::new();
    for (root, &s) in seen.iter().enumerate() {
        if s == 3 {
            class_of[root] = is_number.len() as u32;
            is_number.push(root < ns && shared_is_number[root]);
        }
    }
    // Per text: its classes, its unlinked tokens, and how many of those are numbers.
    let make_bags = |side: &Side, node: &dyn Fn(&Item) -> usize| -> Vec<(Vec<u32>, u32, u32)> {
        side.items
            .iter()
            .map(|items| {
                let mut classes = Vec::new();
                let (mut unlinked, mut numbers) = (0u32, 0u32);
                for it in items {
                    match class_of[roots[node(it)]] {
                        u32::MAX => {
                            unlinked += 1;
                            let n = node(it);
                            numbers += u32::from(n < ns && shared_is_number[n]);
                        }
                        c => classes.push(c),
                    }
                }
                classes.sort_unstable();
                classes.dedup();
                (classes, unlinked, numbers)
            })
            .collect()
    };
    let raw_a = make_bags(side_a, &node_a);
    let raw_b = make_bags(side_b, &node_b);

    // Inverse document frequency over every text of both sides.
    let mut df = vec![0u32; is_number.len()];
    for (classes, _, _) in raw_a.iter().chain(&raw_b) {
        for &c in classes {
            df[c as usize] += 1;
        }
    }
    let n = (raw_a.len() + raw_b.len()) as f32;
    let weight: Vec<f32> = df
        .iter()
        .zip(&is_number)
        .map(|(&d, &num)| {
            let w = ((n + 1.0) / d.max(1) as f32).ln().clamp(0.1, 5.0);
            if num {
                w.min(NUMBER_WEIGHT_CAP)
            } else {
                w
            }
        })
        .collect();
    let unlinked_weight = if lang_a.is_neutral() || lang_b.is_neutral() {
        UNLINKED_WEIGHT_UNKNOWN
    } else {
        UNLINKED_WEIGHT
    };
    let finish = |raw: Vec<(Vec<u32>, u32, u32)>, side: &Side| -> Vec<Bag> {
        raw.into_iter()
            .enumerate()
            .map(|(k, (classes, unlinked, numbers))| {
                let total = classes.iter().map(|&c| weight[c as usize]).sum::<f32>()
                    + unlinked as f32 * unlinked_weight;
                Bag {
                    classes,
                    total,
                    unlinked_numbers: numbers as f32 * unlinked_weight,
                    chars: side.chars.get(k).copied().unwrap_or(0),
                    alone: side.alone.get(k).copied().unwrap_or(false),
                }
            })
            .collect()
    };
    let details = |side: &Side, node: &dyn Fn(&Item) -> usize| -> Vec<Vec<Classed>> {
        if !detail {
            return Vec::new();
        }
        side.items
            .iter()
            .zip(&side.places)
            .map(|(items, places)| {
                let mut list: Vec<Classed> = items
                    .iter()
                    .zip(places)
                    .map(|(it, (range, kind))| Classed {
                        range: range.clone(),
                        kind: *kind,
                        class: Some(class_of[roots[node(it)]]).filter(|c| *c != u32::MAX),
                    })
                    .collect();
                list.sort_by_key(|c| c.range.start);
                list
            })
            .collect()
    };
    let detail_a = details(side_a, &node_a);
    let detail_b = details(side_b, &node_b);
    let word_classes = |first: usize, count: usize| -> Vec<u32> {
        (first..first + count)
            .map(|node| class_of[roots[node]])
            .collect()
    };
    Lexicon {
        a: finish(raw_a, side_a),
        b: finish(raw_b, side_b),
        weights: Weights { weight, is_number },
        detail_a,
        detail_b,
        word_classes: [word_classes(ns, na), word_classes(ns + na, nb)],
    }
}

/// Texts keyed in parallel before their keys are interned.
const KEYING_CHUNK: usize = 4096;

/// A text's keys before interning: shared keys (with whether each is a number), word keys,
/// and its length in characters.
type KeyedText = (
    Vec<(String, bool, Range<usize>, EvidenceKind)>,
    Vec<(String, Range<usize>)>,
    u32,
);

/// Tokenises the texts of one side (in parallel) and interns their content items.
fn read_side(
    texts: &[&str],
    lang: &Tables,
    terms: &TermIndex,
    keep_places: bool,
    shared: &mut HashMap<String, u32>,
    shared_is_number: &mut Vec<bool>,
) -> Side {
    let mut vocab_index: HashMap<String, u32> = HashMap::new();
    let mut vocab = Vec::new();
    let mut items = Vec::with_capacity(texts.len());
    let mut places = Vec::with_capacity(texts.len());
    let mut chars = Vec::with_capacity(texts.len());
    // Texts are keyed in parallel a chunk at a time, so that only one chunk's strings are alive
    // before interning.
    for chunk in texts.chunks(KEYING_CHUNK) {
        // Per text: (glossary concepts, numbers, acronyms, words) as keys, computed in parallel.
        let keyed: Vec<KeyedText> = chunk
            .par_iter()
            .map(|text| {
                let toks = tokens_in(text, lang);
                let matches = terms.find(&toks);
                let mut shared_keys = Vec::new();
                // The words of a glossary term stay items of their own too: the other version may
                // say the same with words the glossary does not list together.
                for m in &matches {
                    let range = toks[m.start].range.start..toks[m.start + m.len - 1].range.end;
                    shared_keys.push((
                        format!("g{}", m.concept),
                        false,
                        range,
                        EvidenceKind::Concept,
                    ));
                }
                let mut words = Vec::new();
                for t in toks {
                    if t.stop {
                        continue;
                    }
                    match t.kind {
                        TokenKind::Number => shared_keys.push((
                            format!("#{}", t.key),
                            true,
                            t.range,
                            EvidenceKind::Number,
                        )),
                        TokenKind::Acronym => shared_keys.push((
                            format!("@{}", acronym_class_key(&t.key)),
                            false,
                            t.range,
                            EvidenceKind::Acronym,
                        )),
                        TokenKind::Word => words.push((t.key, t.range)),
                    }
                }
                (shared_keys, words, text.chars().count() as u32)
            })
            .collect();
        for (shared_keys, words, len) in keyed {
            let mut list = Vec::with_capacity(shared_keys.len() + words.len());
            // Where each item stands is kept only when asked for: it is most of the memory.
            let mut place = Vec::with_capacity(if keep_places {
                shared_keys.len() + words.len()
            } else {
                0
            });
            for (key, number, range, kind) in shared_keys {
                if keep_places {
                    place.push((range, kind));
                }
                let next = shared.len() as u32;
                let id = *shared.entry(key).or_insert_with(|| {
                    shared_is_number.push(number);
                    next
                });
                list.push(Item::Shared(id));
            }
            for (word, range) in words {
                if keep_places {
                    place.push((range, EvidenceKind::Word));
                }
                let id = match vocab_index.get(&word) {
                    Some(&id) => id,
                    None => {
                        let id = vocab.len() as u32;
                        vocab.push(word.clone());
                        vocab_index.insert(word, id);
                        id
                    }
                };
                list.push(Item::Word(id));
            }
            items.push(list);
            places.push(place);
            chars.push(len);
        }
    }
    if lang.is_neutral() {
        drop_frequent_words(&mut items, &mut places, &vocab);
    }
    Side {
        items,
        places,
        chars,
        vocab,
        alone: Vec::new(),
    }
}

/// Share of a side's texts a word may occur in before it counts as a function word of a
/// language without a stop-word list.
const FREQUENT_WORD_SHARE: f32 = 0.1;
/// Texts a word may always occur in.
const FREQUENT_WORD_MIN_TEXTS: usize = 3;
/// Longest function word: frequent longer words are content (`Canada`, `gouvernement`).
const FUNCTION_WORD_MAX_CHARS: usize = 4;

/// Leaves out the words that occur in more than a tenth of a side's texts (and more than
/// three): without a stop-word list, these are the language's function words (`des`, `der`,
/// `och`), and one spelled alike in the other language would link unrelated sentences.
fn drop_frequent_words(
    items: &mut [Vec<Item>],
    places: &mut [Vec<(Range<usize>, EvidenceKind)>],
    vocab: &[String],
) {
    let mut df = vec![0usize; vocab.len()];
    let mut seen = vec![usize::MAX; vocab.len()];
    for (k, list) in items.iter().enumerate() {
        for item in list {
            if let Item::Word(w) = *item {
                let w = w as usize;
                if seen[w] != k {
                    seen[w] = k;
                    df[w] += 1;
                }
            }
        }
    }
    let limit = FREQUENT_WORD_MIN_TEXTS.max((items.len() as f32 * FREQUENT_WORD_SHARE) as usize);
    let frequent = |item: &Item| {
        matches!(*item, Item::Word(w)
            if df[w as usize] > limit && vocab[w as usize].chars().count() <= FUNCTION_WORD_MAX_CHARS)
    };
    for (list, place) in items.iter_mut().zip(places.iter_mut()) {
        if !place.is_empty() {
            let mut keep = list.iter().map(|item| !frequent(item));
            place.retain(|_| keep.next().unwrap_or(true));
        }
        list.retain(|item| !frequent(item));
    }
}

/// Least normalised edit similarity of two spelling skeletons (of eight letters or more) to
/// count them as cognates when their common prefix is short (`infrastructure` ~
/// `infraestructura`).
const COGNATE_EDIT_SIMILARITY: f64 = 0.85;
/// Words of a bucket compared with every word of the other side's bucket.
const BUCKET_ALL: usize = 1024;
/// Neighbours compared on each side in a larger bucket.
const BUCKET_WINDOW: usize = 64;

/// 1 − Levenshtein distance / length of the longer, over characters.
fn edit_similarity(a: &[char], b: &[char]) -> f64 {
    let longer = a.len().max(b.len());
    if longer == 0 {
        return 1.0;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut row = vec![0; b.len() + 1];
    for (i, x) in a.iter().enumerate() {
        row[0] = i + 1;
        for (j, y) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(x != y);
            row[j + 1] = sub.min(prev[j + 1] + 1).min(row[j] + 1);
        }
        std::mem::swap(&mut prev, &mut row);
    }
    1.0 - prev[b.len()] as f64 / longer as f64
}

/// Calls `link(i, j)` for every word `a[i]` and `b[j]` that are the same word or cognates:
/// equal spelling skeletons, a common prefix of at least four letters covering 60% of the
/// longer skeleton, or long skeletons at least 85% alike by edit distance. Words are compared
/// only within buckets of their first three letters. A word holding a digit is a code
/// (`port1043`, `ISO-9001`), linked only to itself: codes one digit apart are different codes.
/// In a bucket of more than [`BUCKET_ALL`] words (never seen in real text, where the largest
/// hold a few hundred), a word is compared with the [`BUCKET_WINDOW`] nearest in alphabetical
/// order on each side, those sharing the longest beginnings, so the time stays linear.
fn link_words(
    a: &[String],
    lang_a: &Tables,
    b: &[String],
    lang_b: &Tables,
    mut link: impl FnMut(usize, usize),
) {
    let code = |w: &str| w.chars().any(|c| c.is_ascii_digit());
    let skel_b: Vec<Vec<char>> = b
        .iter()
        .map(|w| skeleton(w, lang_b).chars().collect())
        .collect();
    let mut buckets: HashMap<&[char], Vec<usize>> = HashMap::new();
    let mut exact: HashMap<&str, usize> = HashMap::new();
    for (j, s) in skel_b.iter().enumerate() {
        if s.len() >= 3 && !code(&b[j]) {
            buckets.entry(&s[..3]).or_default().push(j);
        }
        exact.insert(b[j].as_str(), j);
    }
    // Large buckets in alphabetical order of their skeletons, for the window.
    for list in buckets.values_mut() {
        if list.len() > BUCKET_ALL {
            list.sort_by(|&x, &y| skel_b[x].cmp(&skel_b[y]));
        }
    }
    for (i, word) in a.iter().enumerate() {
        if let Some(&j) = exact.get(word.as_str()) {
            link(i, j);
        }
        if code(word) {
            continue;
        }
        let s: Vec<char> = skeleton(word, lang_a).chars().collect();
        if s.len() < 3 {
            continue;
        }
        let Some(cands) = buckets.get(&s[..3]) else {
            continue;
        };
        let cands = if cands.len() > BUCKET_ALL {
            let at = cands.partition_point(|&j| skel_b[j] < s);
            &cands[at.saturating_sub(BUCKET_WINDOW)..(at + BUCKET_WINDOW).min(cands.len())]
        } else {
            &cands[..]
        };
        for &j in cands {
            let t = &skel_b[j];
            if b[j] == *word {
                continue;
            }
            let lcp = s.iter().zip(t).take_while(|(x, y)| x == y).count();
            let longer = s.len().max(t.len());
            if (s == *t)
                || (lcp >= 4 && lcp * 10 >= longer * 6)
                || (longer >= 8 && edit_similarity(&s, t) >= COGNATE_EDIT_SIMILARITY)
            {
                link(i, j);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::Glossary;
    use crate::lang::Lang;

    /// The pairs `link_words` links between the words of `a` (English) and `b` (Spanish).
    fn links(a: &[&str], b: &[&str]) -> Vec<(usize, usize)> {
        let own = |w: &[&str]| w.iter().map(|s| s.to_string()).collect::<Vec<String>>();
        let mut out = Vec::new();
        link_words(
            &own(a),
            Lang::En.tables(),
            &own(b),
            Lang::Es.tables(),
            |i, j| out.push((i, j)),
        );
        out.sort_unstable();
        out.dedup();
        out
    }

    #[test]
    fn codes_are_linked_only_to_themselves_and_large_buckets_stay_linear() {
        // Cognates link; codes one digit apart do not (they used to, by edit distance).
        assert_eq!(links(&["cooperation"], &["cooperación"]), [(0, 0)]);
        assert_eq!(links(&["port1043"], &["port1044", "port1043"]), [(0, 1)]);
        assert!(links(&["iso9001"], &["iso9002"]).is_empty());
        // A bucket of thousands of words that share their first letters: each word still
        // finds its cognate, and only its near neighbours are compared.
        let letter = |k: u32| char::from_u32(u32::from(b'a') + k % 26).unwrap_or('a');
        let words: Vec<String> = (0..5_000u32)
            .map(|i| format!("port{}{}{}", letter(i / 676), letter(i / 26), letter(i)))
            .collect();
        let en: Vec<&str> = words.iter().map(String::as_str).collect();
        let found = links(&en, &en);
        assert!((0..en.len()).all(|i| found.binary_search(&(i, i)).is_ok()));
    }

    fn bags(en: &[&str], es: &[&str], glossary: &Glossary) -> (Weights, Vec<Bag>, Vec<Bag>) {
        let ti = [
            &TermIndex::new(glossary, Lang::En),
            &TermIndex::new(glossary, Lang::Es),
        ];
        let built = build([en, es], [Lang::En.tables(), Lang::Es.tables()], ti);
        (built.weights, built.a, built.b)
    }

    #[test]
    fn frequent_short_words_of_unknown_languages_link_nothing() {
        use crate::lang::NEUTRAL;
        // `des` is a German article and a French one: in most sentences of both sides.
        let de = [
            "Der Bericht des Ausschusses wurde vorgelegt.",
            "Die Arbeit des Sekretariats geht weiter.",
            "Die Mittel des Fonds sind gebunden.",
            "Der Vorsitz des Rates wechselt.",
            "Die Stadt Mulhouse richtet das Treffen aus.",
        ];
        let fr = [
            "Le rapport des experts a été présenté.",
            "Le travail des services se poursuit.",
            "Les ressources des fonds sont engagées.",
            "La présidence des réunions change.",
            "La ville de Mulhouse accueille la rencontre.",
        ];
        let empty = Glossary::new();
        let ti = [
            &TermIndex::new(&empty, Lang::En),
            &TermIndex::new(&empty, Lang::Es),
        ];
        let built = build([&de, &fr], [&NEUTRAL, &NEUTRAL], ti);
        let s = |i: usize, j: usize| built.weights.similarity(&built.a[i], &built.b[j]);
        // Sharing only `des` is no evidence; sharing a name is.
        assert_eq!(s(0, 1), None);
        assert_eq!(s(4, 4), Some(1.0));
        // With fewer than four texts holding it, a short word still links.
        let built = build([&de[..2], &fr[..2]], [&NEUTRAL, &NEUTRAL], ti);
        assert!(built
            .weights
            .similarity(&built.a[0], &built.b[1])
            .is_some_and(|x| x > 0.0));
    }

    #[test]
    fn translations_share_more_than_unrelated_sentences() {
        let g = Glossary::from_tsv("trade\tcomercio\nCUSMA\tT-MEC\n").unwrap();
        let en = [
            "Canada and Mexico will expand bilateral trade under CUSMA.",
            "Cooperation on national parks will continue in 2026.",
        ];
        let es = [
            "México y Canadá ampliarán el comercio bilateral en el marco del T-MEC.",
            "La cooperación en parques nacionales continuará en 2026.",
        ];
        let (lex, a, b) = bags(&en, &es, &g);
        let s = |i: usize, j: usize| lex.similarity(&a[i], &b[j]).unwrap();
        assert!(s(0, 0) > 0.6, "{}", s(0, 0));
        assert!(s(1, 1) > 0.6, "{}", s(1, 1));
        assert!(s(0, 1) < 0.25, "{}", s(0, 1));
        assert!(s(1, 0) < 0.25, "{}", s(1, 0));
    }

    #[test]
    fn a_shared_number_alone_is_weak_evidence() {
        let g = Glossary::new();
        let en = ["Chapter 1 sets out the general provisions of the agreement."];
        let es = ["Libro 1: disposiciones de la presidencia sobre presupuestos."];
        let (lex, a, b) = bags(&en, &es, &g);
        let sim = lex.similarity(&a[0], &b[0]).unwrap();
        assert!(sim < 0.5, "{sim}");
    }

    #[test]
    fn cognates_link_but_unrelated_prefixes_do_not() {
        let mut pairs = Vec::new();
        let a: Vec<String> = [
            "communication",
            "cooperation",
            "inclusivity",
            "competitiveness",
        ]
        .map(String::from)
        .to_vec();
        let b: Vec<String> = ["comunidad", "cooperacion", "inclusion", "competitividad"]
            .map(String::from)
            .to_vec();
        link_words(&a, Lang::En.tables(), &b, Lang::Es.tables(), |i, j| {
            pairs.push((i, j))
        });
        assert_eq!(pairs, [(1, 1), (2, 2), (3, 3)]);
        let mut pairs = Vec::new();
        let a = vec!["infrastructure".to_string(), "information".to_string()];
        let b = vec!["infraestructura".to_string(), "infraccion".to_string()];
        link_words(&a, Lang::En.tables(), &b, Lang::Es.tables(), |i, j| {
            pairs.push((i, j))
        });
        assert_eq!(pairs, [(0, 0)]);
        assert!((edit_similarity(&['a', 'b'], &['a', 'c']) - 0.5).abs() < 1e-9);
    }
}
