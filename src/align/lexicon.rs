//! Cross-language evidence: each text becomes a bag of classes that both languages share.
//!
//! A class is what a word, number, acronym or glossary concept means across the pair: numbers
//! by value, acronyms by letters, glossary terms by concept, and words by identity or cognacy
//! after folding (`cooperation` ~ `cooperación`). Only classes found on both sides are evidence;
//! each weighs by its rarity (inverse document frequency over all texts of the pair).

use std::collections::HashMap;

use rayon::prelude::*;

use crate::glossary::{find, union, TermIndex};
use crate::lang::Lang;
use crate::tokens::{skeleton, tokens, TokenKind};

/// Weight of a content token with no counterpart anywhere on the other side: it still makes a
/// text longer, so a pair sharing one number among many other words is not a perfect match.
const UNLINKED_WEIGHT: f32 = 0.5;
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
    /// Length in characters.
    pub chars: u32,
}

/// The classes of a pair of texts and their weights.
#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    weight: Vec<f32>,
}

impl Lexicon {
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

struct Side {
    /// Per text, its content items.
    items: Vec<Vec<Item>>,
    chars: Vec<u32>,
    vocab: Vec<String>,
}

/// Builds the bags of `a` (in `lang_a`) and `b` (in `lang_b`) and the lexicon their classes
/// live in.
pub(crate) fn build(
    a: &[&str],
    lang_a: Lang,
    b: &[&str],
    lang_b: Lang,
    terms: [&TermIndex; 2],
) -> (Lexicon, Vec<Bag>, Vec<Bag>) {
    let mut shared: HashMap<String, u32> = HashMap::new();
    let mut shared_is_number: Vec<bool> = Vec::new();
    let side_a = read_side(a, lang_a, terms[0], &mut shared, &mut shared_is_number);
    let side_b = read_side(b, lang_b, terms[1], &mut shared, &mut shared_is_number);

    // Nodes: shared items, then side A's words, then side B's words.
    let ns = shared_is_number.len();
    let na = side_a.vocab.len();
    let nb = side_b.vocab.len();
    let mut parent: Vec<usize> = (0..ns + na + nb).collect();
    link_words(&side_a.vocab, lang_a, &side_b.vocab, lang_b, |i, j| {
        union(&mut parent, ns + i, ns + na + j)
    });
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
    let make_bags = |side: &Side, node: &dyn Fn(&Item) -> usize| -> Vec<(Vec<u32>, u32)> {
        side.items
            .iter()
            .map(|items| {
                let mut classes = Vec::new();
                let mut unlinked = 0u32;
                for it in items {
                    match class_of[roots[node(it)]] {
                        u32::MAX => unlinked += 1,
                        c => classes.push(c),
                    }
                }
                classes.sort_unstable();
                classes.dedup();
                (classes, unlinked)
            })
            .collect()
    };
    let raw_a = make_bags(&side_a, &node_a);
    let raw_b = make_bags(&side_b, &node_b);

    // Inverse document frequency over every text of both sides.
    let mut df = vec![0u32; is_number.len()];
    for (classes, _) in raw_a.iter().chain(&raw_b) {
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
    let finish = |raw: Vec<(Vec<u32>, u32)>, chars: &[u32]| -> Vec<Bag> {
        raw.into_iter()
            .zip(chars)
            .map(|((classes, unlinked), &chars)| {
                let total = classes.iter().map(|&c| weight[c as usize]).sum::<f32>()
                    + unlinked as f32 * UNLINKED_WEIGHT;
                Bag {
                    classes,
                    total,
                    chars,
                }
            })
            .collect()
    };
    let bags_a = finish(raw_a, &side_a.chars);
    let bags_b = finish(raw_b, &side_b.chars);
    (Lexicon { weight }, bags_a, bags_b)
}

/// A text's keys before interning: shared keys (with whether each is a number), word keys,
/// and its length in characters.
type KeyedText = (Vec<(String, bool)>, Vec<String>, u32);

/// Tokenises the texts of one side (in parallel) and interns their content items.
fn read_side(
    texts: &[&str],
    lang: Lang,
    terms: &TermIndex,
    shared: &mut HashMap<String, u32>,
    shared_is_number: &mut Vec<bool>,
) -> Side {
    // Per text: (glossary concepts, numbers, acronyms, words) as keys, computed in parallel.
    let keyed: Vec<KeyedText> = texts
        .par_iter()
        .map(|text| {
            let toks = tokens(text, lang);
            let matches = terms.find(&toks);
            let mut covered = vec![false; toks.len()];
            let mut shared_keys = Vec::new();
            for m in &matches {
                covered[m.start..m.start + m.len].fill(true);
                shared_keys.push((format!("g{}", m.concept), false));
            }
            let mut words = Vec::new();
            for (t, covered) in toks.into_iter().zip(covered) {
                if covered || t.stop {
                    continue;
                }
                match t.kind {
                    TokenKind::Number => shared_keys.push((format!("#{}", t.key), true)),
                    TokenKind::Acronym => shared_keys.push((format!("@{}", t.key), false)),
                    TokenKind::Word => words.push(t.key),
                }
            }
            (shared_keys, words, text.chars().count() as u32)
        })
        .collect();
    let mut vocab_index: HashMap<String, u32> = HashMap::new();
    let mut vocab = Vec::new();
    let mut items = Vec::with_capacity(keyed.len());
    let mut chars = Vec::with_capacity(keyed.len());
    for (shared_keys, words, len) in keyed {
        let mut list = Vec::with_capacity(shared_keys.len() + words.len());
        for (key, number) in shared_keys {
            let next = shared.len() as u32;
            let id = *shared.entry(key).or_insert_with(|| {
                shared_is_number.push(number);
                next
            });
            list.push(Item::Shared(id));
        }
        for word in words {
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
        chars.push(len);
    }
    Side {
        items,
        chars,
        vocab,
    }
}

/// Calls `link(i, j)` for every word `a[i]` and `b[j]` that are the same word or cognates:
/// equal spelling skeletons, or a common prefix of at least four letters covering 60% of the
/// longer skeleton. Words are compared only within buckets of their first three letters.
fn link_words(
    a: &[String],
    lang_a: Lang,
    b: &[String],
    lang_b: Lang,
    mut link: impl FnMut(usize, usize),
) {
    let skel_b: Vec<Vec<char>> = b
        .iter()
        .map(|w| skeleton(w, lang_b).chars().collect())
        .collect();
    let mut buckets: HashMap<&[char], Vec<usize>> = HashMap::new();
    let mut exact: HashMap<&str, usize> = HashMap::new();
    for (j, s) in skel_b.iter().enumerate() {
        if s.len() >= 3 {
            buckets.entry(&s[..3]).or_default().push(j);
        }
        exact.insert(b[j].as_str(), j);
    }
    for (i, word) in a.iter().enumerate() {
        if let Some(&j) = exact.get(word.as_str()) {
            link(i, j);
        }
        let s: Vec<char> = skeleton(word, lang_a).chars().collect();
        if s.len() < 3 {
            continue;
        }
        let Some(cands) = buckets.get(&s[..3]) else {
            continue;
        };
        for &j in cands {
            let t = &skel_b[j];
            if b[j] == *word {
                continue;
            }
            let lcp = s.iter().zip(t).take_while(|(x, y)| x == y).count();
            let longer = s.len().max(t.len());
            if (s == *t) || (lcp >= 4 && lcp * 10 >= longer * 6) {
                link(i, j);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::Glossary;

    fn bags(en: &[&str], es: &[&str], glossary: &Glossary) -> (Lexicon, Vec<Bag>, Vec<Bag>) {
        let ti = [
            &TermIndex::new(glossary, Lang::En),
            &TermIndex::new(glossary, Lang::Es),
        ];
        build(en, Lang::En, es, Lang::Es, ti)
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
        link_words(&a, Lang::En, &b, Lang::Es, |i, j| pairs.push((i, j)));
        assert_eq!(pairs, [(1, 1), (2, 2), (3, 3)]);
    }
}
