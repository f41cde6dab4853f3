//! Word pairs learned from the document pair itself: after a first alignment, words that keep
//! occurring in aligned sentence pairs are translations of each other (`file` / `archivo`,
//! `default` / `predeterminado`), as in the bootstrapped dictionaries of hunalign and
//! Bleualign. No table knows them; the pair's own use does.
//!
//! Words are counted by their first [`STEM_CHARS`] letters, so that a verb's forms count
//! together (`admite`, `admiten`, `admitir`). Each such stem is scored against the stems of
//! the other side by the Dice coefficient of the aligned pairs they occur in,
//! `2·both / (mine + theirs)`, and two stems are linked when each is the other's best partner
//! (competitive linking), they share [`MIN_PAIRS`] pairs or more and score [`MIN_DICE`] or
//! more. Then the words of two linked stems are linked where they meet in an aligned pair.

use std::collections::{HashMap, HashSet};

use rayon::prelude::*;

use super::Item;

/// Aligned pairs two words must share to be linked: once is chance.
pub(crate) const MIN_PAIRS: u32 = 2;

/// Least Dice coefficient of two linked words.
pub(crate) const MIN_DICE: f32 = 0.5;

/// Letters of a word that its forms share, as far as counting goes.
pub(crate) const STEM_CHARS: usize = 6;

/// Aligned pairs with more distinct words than this on a side are left out of the counts:
/// a long unit says little about which of its words translates which, and the counting time
/// stays linear in the length of the texts.
pub(crate) const MAX_UNIT_WORDS: usize = 64;

/// Word pairs learned from an alignment: indexes into each side's vocabulary.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Learned {
    /// (word of side a, word of side b), sorted, each once.
    pub pairs: Vec<(u32, u32)>,
}

impl Learned {
    /// Whether nothing was learned.
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }
}

/// The words of side `a` and of side `b` (`items`: per text, its items; `vocab`: the words
/// they name) that the aligned `pairs` of texts show to be translations of each other: by
/// their counts when `count` is set, and of the `offered` pairs (a dictionary's), those that
/// meet in an aligned pair. In each pair, a word whose class (`classes`, per word; `bags`, per
/// text) the other side of the pair has is explained already and left out of the counts: its
/// counterpart is there, and counting it would pair words that merely keep company (`Canada`
/// always beside `México`).
pub(crate) fn links<'p>(
    [a, b]: [&[Vec<Item>]; 2],
    [vocab_a, vocab_b]: [&[String]; 2],
    [classes_a, classes_b]: [&[u32]; 2],
    [bags_a, bags_b]: [&[super::Bag]; 2],
    pairs: impl Iterator<Item = (&'p [usize], &'p [usize])>,
    count: bool,
    offered: &HashSet<(u32, u32)>,
) -> Learned {
    let (stem_a, stems_a) = stems(vocab_a);
    let (stem_b, stems_b) = stems(vocab_b);
    // The classes of the texts of one side of a unit.
    let classes_in = |bags: &[super::Bag], idx: &[usize]| -> HashSet<u32> {
        idx.iter()
            .filter_map(|&i| bags.get(i))
            .flat_map(|bag| bag.classes.iter().copied())
            .collect()
    };
    // The distinct words of one side of a usable unit that the other side (`theirs`, its
    // classes) does not explain.
    let words_of = |texts: &[Vec<Item>],
                    classes: &[u32],
                    idx: &[usize],
                    theirs: &HashSet<u32>|
     -> Option<Vec<u32>> {
        let mut words: Vec<u32> = idx
            .iter()
            .filter_map(|&i| texts.get(i))
            .flatten()
            .filter_map(|item| match *item {
                Item::Word(w) => {
                    let class = classes.get(w as usize).copied().unwrap_or(u32::MAX);
                    (class == u32::MAX || !theirs.contains(&class)).then_some(w)
                }
                Item::Shared(_) => None,
            })
            .collect();
        words.sort_unstable();
        words.dedup();
        (!words.is_empty() && words.len() <= MAX_UNIT_WORDS).then_some(words)
    };
    let units: Vec<(Vec<u32>, Vec<u32>)> = pairs
        .filter_map(|(x, y)| {
            let (theirs_a, theirs_b) = (classes_in(bags_b, y), classes_in(bags_a, x));
            Some((
                words_of(a, classes_a, x, &theirs_a)?,
                words_of(b, classes_b, y, &theirs_b)?,
            ))
        })
        .collect();
    let mut out: Vec<(u32, u32)> = Vec::new();
    if !offered.is_empty() {
        for (x, y) in &units {
            for &w in x {
                out.extend(
                    y.iter()
                        .filter(|&&v| offered.contains(&(w, v)))
                        .map(|&v| (w, v)),
                );
            }
        }
    }
    if !count {
        out.sort_unstable();
        out.dedup();
        return Learned { pairs: out };
    }
    // The same units by stem.
    let by_stem = |words: &[u32], stem: &[u32]| -> Vec<u32> {
        let mut out: Vec<u32> = words
            .iter()
            .filter_map(|&w| stem.get(w as usize).copied())
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    };
    let stem_units: Vec<(Vec<u32>, Vec<u32>)> = units
        .iter()
        .map(|(x, y)| (by_stem(x, &stem_a), by_stem(y, &stem_b)))
        .collect();
    let best_a = best_partners(&stem_units, false, stems_a, stems_b);
    let best_b = best_partners(&stem_units, true, stems_b, stems_a);
    // Stems of side a and the stem of side b each is linked to.
    let partner: HashMap<u32, u32> = best_a
        .iter()
        .enumerate()
        .filter_map(|(x, best)| {
            let y = (*best)?;
            (best_b.get(y as usize).copied().flatten() == Some(x as u32)).then_some((x as u32, y))
        })
        .collect();
    // Words of linked stems that meet in a unit.
    for (x, y) in &units {
        for &w in x {
            let Some(&p) = stem_a.get(w as usize).and_then(|s| partner.get(s)) else {
                continue;
            };
            out.extend(
                y.iter()
                    .filter(|&&v| stem_b.get(v as usize) == Some(&p))
                    .map(|&v| (w, v)),
            );
        }
    }
    out.sort_unstable();
    out.dedup();
    Learned { pairs: out }
}

/// Each word's stem (an index) and the number of stems: its first [`STEM_CHARS`] letters, or
/// the whole word when it holds a digit (a code).
fn stems(vocab: &[String]) -> (Vec<u32>, usize) {
    let mut index: HashMap<&str, u32> = HashMap::new();
    fn key(w: &str) -> &str {
        if w.chars().any(|c| c.is_ascii_digit()) {
            w
        } else {
            w.char_indices()
                .nth(STEM_CHARS)
                .map_or(w, |(at, _)| &w[..at])
        }
    }
    let stem = vocab
        .iter()
        .map(|w| {
            let key = key(w);
            let next = index.len() as u32;
            *index.entry(key).or_insert(next)
        })
        .collect();
    (stem, index.len())
}

/// For each stem of one side of `units` (the second side with `flip`), its best partner on
/// the other side when one scores enough. `n_mine` and `n_theirs` are the numbers of stems.
fn best_partners(
    units: &[(Vec<u32>, Vec<u32>)],
    flip: bool,
    n_mine: usize,
    n_theirs: usize,
) -> Vec<Option<u32>> {
    fn sides(u: &(Vec<u32>, Vec<u32>), flip: bool) -> (&[u32], &[u32]) {
        if flip {
            (&u.1, &u.0)
        } else {
            (&u.0, &u.1)
        }
    }
    let mut mine_count = vec![0u32; n_mine];
    let mut their_count = vec![0u32; n_theirs];
    for u in units {
        let (x, y) = sides(u, flip);
        for &w in x {
            mine_count[w as usize] += 1;
        }
        for &w in y {
            their_count[w as usize] += 1;
        }
    }
    // The units each stem of mine occurs in, for the stems frequent enough to be linked.
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); n_mine];
    for (k, u) in units.iter().enumerate() {
        for &w in sides(u, flip).0 {
            if mine_count[w as usize] >= MIN_PAIRS {
                postings[w as usize].push(k as u32);
            }
        }
    }
    postings
        .par_iter()
        .enumerate()
        .map(|(w, list)| {
            let mut both: HashMap<u32, u32> = HashMap::new();
            for &k in list {
                for &v in sides(&units[k as usize], flip).1 {
                    if their_count[v as usize] >= MIN_PAIRS {
                        *both.entry(v).or_default() += 1;
                    }
                }
            }
            let mine = mine_count[w] as f32;
            let mut scored: Vec<(u32, f32)> = both
                .into_iter()
                .filter(|&(_, n)| n >= MIN_PAIRS)
                .map(|(v, n)| (v, 2.0 * n as f32 / (mine + their_count[v as usize] as f32)))
                .filter(|&(_, dice)| dice >= MIN_DICE)
                .collect();
            scored.sort_by(|x, y| y.1.total_cmp(&x.1));
            // Two partners scoring alike say nothing about which is the translation.
            match scored[..] {
                [(v, _)] => Some(v),
                [(v, best), (_, second), ..] if best > second => Some(v),
                _ => None,
            }
        })
        .collect()
}

/// Letters a dictionary's word may lose to inflection: a word of six letters or more is
/// matched by its beginning without its last two (`llegar` by `lleg`, for `llegan`).
const DICTIONARY_ENDING: usize = 2;

/// Letters a word of the text may have beyond a dictionary word's beginning.
const DICTIONARY_EXTRA: usize = 4;

/// Words of the text one dictionary word may match: its inflected forms are fewer.
const DICTIONARY_FORMS: usize = 64;

/// The pairs of words of the two vocabularies (side `a`'s, side `b`'s) that `dictionary`
/// pairs, either way round: each phrase of an entry is read as one content word of its side
/// (`alrededor de` as `alrededor`; a phrase of several is left out), and matches the words of
/// the vocabulary that begin with it, inflected.
pub(crate) fn offered(
    dictionary: &crate::Dictionary,
    vocab_a: &[String],
    tables_a: &crate::lang::Tables,
    vocab_b: &[String],
    tables_b: &crate::lang::Tables,
) -> HashSet<(u32, u32)> {
    // Each word under its own spelling and under each beginning a dictionary word could
    // match it by (its first four letters or more, missing at most the last four): a lookup is
    // then one probe, whatever the vocabulary.
    let index = |vocab: &[String]| {
        let mut by_start: HashMap<String, Vec<u32>> = HashMap::new();
        for (k, w) in vocab.iter().enumerate() {
            let chars: Vec<char> = w.chars().collect();
            let shortest = chars
                .len()
                .saturating_sub(DICTIONARY_EXTRA)
                .max(4)
                .min(chars.len());
            for len in shortest..=chars.len() {
                by_start
                    .entry(chars[..len].iter().collect())
                    .or_default()
                    .push(k as u32);
            }
        }
        by_start
    };
    let (index_a, index_b) = (index(vocab_a), index(vocab_b));
    // The words of a vocabulary a phrase names: its one content word, or the words that begin
    // with it less its inflection (at most [`DICTIONARY_FORMS`]).
    let words = |phrase: &str,
                 tables: &crate::lang::Tables,
                 vocab: &[String],
                 index: &HashMap<String, Vec<u32>>|
     -> Vec<u32> {
        let tokens: Vec<crate::tokens::Token> = crate::tokens::tokens_in(phrase, tables)
            .into_iter()
            .filter(|t| !t.stop)
            .collect();
        let [token] = &tokens[..] else {
            return Vec::new();
        };
        if token.kind != crate::tokens::TokenKind::Word {
            return Vec::new();
        }
        let key = &token.key;
        let len = key.chars().count();
        let stem: String = if len >= 6 {
            key.chars().take(len - DICTIONARY_ENDING).collect()
        } else {
            key.clone()
        };
        if stem.chars().count() < 4 {
            // Too short to stand for its forms: the word itself.
            return index
                .get(key)
                .into_iter()
                .flatten()
                .copied()
                .filter(|&k| vocab[k as usize] == *key)
                .collect();
        }
        index
            .get(&stem)
            .into_iter()
            .flatten()
            .copied()
            .take(DICTIONARY_FORMS)
            .collect()
    };
    let mut out = HashSet::new();
    for (p, q) in dictionary.entries() {
        for (x, y) in [(p, q), (q, p)] {
            let xs = words(x, tables_a, vocab_a, &index_a);
            if xs.is_empty() {
                continue;
            }
            for v in words(y, tables_b, vocab_b, &index_b) {
                out.extend(xs.iter().map(|&w| (w, v)));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The word pairs learned from texts of words `a` and `b` aligned `k`–`k`, each word of
    /// `linked` linked already to itself on the other side.
    fn learn_with(a: &[&[&str]], b: &[&[&str]], linked: &[&str]) -> Vec<(String, String)> {
        let class = |w: &str| {
            linked
                .iter()
                .position(|l| *l == w)
                .map_or(u32::MAX, |k| k as u32)
        };
        let read = |texts: &[&[&str]]| {
            let mut vocab: Vec<String> = Vec::new();
            let mut bags = Vec::new();
            let items = texts
                .iter()
                .map(|t| {
                    let mut classes: Vec<u32> = t
                        .iter()
                        .map(|w| class(w))
                        .filter(|&c| c != u32::MAX)
                        .collect();
                    classes.sort_unstable();
                    bags.push(super::super::Bag {
                        classes,
                        ..Default::default()
                    });
                    t.iter()
                        .map(|w| {
                            let id = vocab.iter().position(|v| v == w).unwrap_or_else(|| {
                                vocab.push(w.to_string());
                                vocab.len() - 1
                            });
                            Item::Word(id as u32)
                        })
                        .collect()
                })
                .collect::<Vec<Vec<Item>>>();
            let classes: Vec<u32> = vocab.iter().map(|w| class(w)).collect();
            (items, vocab, classes, bags)
        };
        let ((ia, va, ca, ba), (ib, vb, cb, bb)) = (read(a), read(b));
        let pairs: Vec<[usize; 1]> = (0..a.len().min(b.len())).map(|k| [k]).collect();
        let learned = links(
            [&ia, &ib],
            [&va, &vb],
            [&ca, &cb],
            [&ba, &bb],
            pairs.iter().map(|k| (&k[..], &k[..])),
            true,
            &HashSet::new(),
        );
        learned
            .pairs
            .iter()
            .map(|&(x, y)| (va[x as usize].clone(), vb[y as usize].clone()))
            .collect()
    }

    fn learn(a: &[&[&str]], b: &[&[&str]]) -> Vec<(String, String)> {
        learn_with(a, b, &[])
    }

    fn owned(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(x, y)| (x.to_string(), y.to_string()))
            .collect()
    }

    #[test]
    fn words_that_keep_meeting_in_aligned_pairs_are_linked() {
        let en: &[&[&str]] = &[
            &["file", "read"],
            &["file", "write"],
            &["read", "list"],
            &["file", "list"],
            &["write", "disk"],
        ];
        let es: &[&[&str]] = &[
            &["archivo", "lectura"],
            &["archivo", "escribe", "usar"],
            &["lectura", "lista"],
            &["archivo", "lista", "usar"],
            &["escribir", "disco"],
        ];
        // `usar` meets `file` twice in three, but `file` has a better partner; the forms of
        // `escribir` count together and each is linked where it meets `write`; `disk` and
        // `disco` meet once.
        assert_eq!(
            learn(en, es),
            owned(&[
                ("file", "archivo"),
                ("read", "lectura"),
                ("write", "escribe"),
                ("write", "escribir"),
                ("list", "lista"),
            ])
        );
    }

    #[test]
    fn one_meeting_or_a_weak_score_links_nothing() {
        // `plan` and `plan` meet once; `will` is in every unit, `va` in one.
        let en: &[&[&str]] = &[&["plan", "will"], &["will"], &["will"], &["will"]];
        let es: &[&[&str]] = &[&["plan", "va"], &["uno"], &["dos"], &["tres"]];
        assert!(learn(en, es).is_empty());
    }

    #[test]
    fn words_explained_already_or_with_two_equal_partners_stay_unlinked() {
        // `canada` and `mexico` are in every pair, each beside its own counterpart: they are
        // explained there, and not paired with each other.
        let en: &[&[&str]] = &[
            &["canada", "mexico", "file"],
            &["mexico", "canada", "file"],
            &["file", "disk"],
        ];
        let es: &[&[&str]] = &[
            &["mexico", "canada", "fichero"],
            &["canada", "mexico", "fichero"],
            &["fichero", "file", "disco"],
        ];
        // `file` is written as such in the third Spanish sentence (a command's name), which
        // explains it there only: in the first two it is still learned as `fichero`.
        let linked = ["canada", "mexico", "file"];
        assert_eq!(learn_with(en, es, &linked), owned(&[("file", "fichero")]));
        // `plan` meets `plan` and `accion` alike: nothing says which is its translation.
        let en: &[&[&str]] = &[&["plan"], &["plan"]];
        let es: &[&[&str]] = &[&["plan", "accion"], &["plan", "accion"]];
        assert!(learn_with(en, es, &[]).is_empty());
    }

    #[test]
    fn a_dictionary_word_matches_its_forms_and_at_most_a_bounded_number() {
        use crate::lang::Lang;
        let dict = crate::Dictionary::from_hunalign("llegar @ arrive\nsal @ salt\n").unwrap();
        let en: Vec<String> = ["arrive", "arrival", "salt"].map(String::from).to_vec();
        // `llegan`, `llegada` are forms of `llegar` (its beginning less two letters); `salud`
        // is not `sal` (too short to stand for forms); and thousands of words sharing a
        // beginning give no more than a bounded number of matches.
        let mut es: Vec<String> = ["llegan", "llegada", "sal", "salud"]
            .map(String::from)
            .to_vec();
        es.extend((0..5_000).map(|k| format!("lleg{}", char::from(b'a' + (k % 26) as u8))));
        let offered = offered(&dict, &en, Lang::En.tables(), &es, Lang::Es.tables());
        let pairs_of = |w: &str| -> Vec<&str> {
            let i = en.iter().position(|x| x == w).unwrap() as u32;
            let mut got: Vec<&str> = offered
                .iter()
                .filter(|p| p.0 == i)
                .map(|p| es[p.1 as usize].as_str())
                .collect();
            got.sort_unstable();
            got.dedup();
            got
        };
        assert_eq!(pairs_of("salt"), ["sal"]);
        let arrive = pairs_of("arrive");
        assert!(
            arrive.contains(&"llegan") && arrive.contains(&"llegada"),
            "{arrive:?}"
        );
        assert!(arrive.len() <= DICTIONARY_FORMS, "{}", arrive.len());
    }

    #[test]
    fn units_with_too_many_words_are_left_out() {
        let words: Vec<String> = (0..=MAX_UNIT_WORDS).map(|k| format!("w{k}")).collect();
        let long: Vec<&str> = words.iter().map(String::as_str).collect();
        let texts: &[&[&str]] = &[&long, &long];
        assert!(learn(texts, texts).is_empty());
    }
}
