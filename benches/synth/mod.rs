//! Synthetic near-parallel corpora for benches and tests: the gold sentence pairs of the
//! 2025-2028 seed pair, repeated in shuffled order, with recorded random edits (Spanish
//! sentences deleted, unrelated sentences inserted on either side, two sentences merged, one
//! split at a comma). The edit log is the gold alignment.

#![allow(dead_code)]

use serde::Deserialize;

/// A corpus and its true alignment, as beads of 0-based sentence indexes.
pub struct Corpus {
    pub en: Vec<String>,
    pub es: Vec<String>,
    pub beads: Vec<(Vec<usize>, Vec<usize>)>,
}

#[derive(Deserialize)]
struct Gold {
    unit: Vec<Unit>,
}

#[derive(Deserialize)]
struct Unit {
    en: Vec<String>,
    es: Vec<String>,
    beads: Vec<String>,
}

/// The two-sided beads of the hand-made gold as (English, Spanish) texts, several sentences
/// joined by a space.
pub fn pool() -> Vec<(String, String)> {
    let gold: Gold =
        toml::from_str(include_str!("../../tests/gold/2025-2028.toml")).expect("the gold parses");
    let mut out = Vec::new();
    for unit in gold.unit {
        for bead in unit.beads {
            let (a, b) = bead.split_once(':').expect("a bead has a colon");
            let pick = |s: &str, side: &[String]| -> String {
                s.split(',')
                    .filter(|x| !x.is_empty())
                    .map(|x| side[x.parse::<usize>().expect("an index")].as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let (en, es) = (pick(a, &unit.en), pick(b, &unit.es));
            if !en.is_empty() && !es.is_empty() {
                out.push((en, es));
            }
        }
    }
    out
}

/// A deterministic pseudo-random generator (SplitMix64).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
}

/// About `n` sentences a side: the pool in shuffled order, again and again, each pair edited
/// with probability `rate` (split evenly between the five kinds of edit).
pub fn corpus(pool: &[(String, String)], n: usize, rate: f64, seed: u64) -> Corpus {
    let mut rng = Rng::new(seed);
    let mut c = Corpus {
        en: Vec::new(),
        es: Vec::new(),
        beads: Vec::new(),
    };
    let mut order: Vec<usize> = Vec::new();
    while c.en.len() < n {
        if order.is_empty() {
            order = (0..pool.len()).collect();
            for i in (1..order.len()).rev() {
                let j = rng.below(i + 1);
                order.swap(i, j);
            }
        }
        let k = order.pop().expect("refilled above");
        let (en, es) = (&pool[k].0, &pool[k].1);
        let (ie, is) = (c.en.len(), c.es.len());
        let edit = if rng.chance(rate) { rng.below(5) } else { 9 };
        match edit {
            // The Spanish sentence is missing.
            0 => {
                c.en.push(en.clone());
                c.beads.push((vec![ie], vec![]));
            }
            // An unrelated Spanish sentence comes first.
            1 => {
                c.es.push(pool[rng.below(pool.len())].1.clone());
                c.beads.push((vec![], vec![is]));
                c.en.push(en.clone());
                c.es.push(es.clone());
                c.beads.push((vec![ie], vec![is + 1]));
            }
            // An unrelated English sentence comes first.
            2 => {
                c.en.push(pool[rng.below(pool.len())].0.clone());
                c.beads.push((vec![ie], vec![]));
                c.en.push(en.clone());
                c.es.push(es.clone());
                c.beads.push((vec![ie + 1], vec![is]));
            }
            // This pair and the next: two English sentences, one Spanish.
            3 => {
                let k2 = rng.below(pool.len());
                c.en.push(en.clone());
                c.en.push(pool[k2].0.clone());
                c.es.push(format!("{es} {}", pool[k2].1));
                c.beads.push((vec![ie, ie + 1], vec![is]));
            }
            // The Spanish sentence split at a comma near its middle.
            4 => match split_at_comma(es) {
                Some((x, y)) => {
                    c.en.push(en.clone());
                    c.es.push(x);
                    c.es.push(y);
                    c.beads.push((vec![ie], vec![is, is + 1]));
                }
                None => {
                    c.en.push(en.clone());
                    c.es.push(es.clone());
                    c.beads.push((vec![ie], vec![is]));
                }
            },
            _ => {
                c.en.push(en.clone());
                c.es.push(es.clone());
                c.beads.push((vec![ie], vec![is]));
            }
        }
    }
    c
}

fn split_at_comma(s: &str) -> Option<(String, String)> {
    let mid = s.len() / 2;
    let cut = s
        .match_indices(", ")
        .map(|(i, _)| i)
        .min_by_key(|&i| i.abs_diff(mid))?;
    let (a, b) = s.split_at(cut);
    let b = b[2..].trim();
    let mut first = b.chars();
    let b = match first.next() {
        Some(c) => c.to_uppercase().chain(first).collect::<String>(),
        None => return None,
    };
    Some((format!("{a}."), b))
}

/// Exact-bead precision and recall of `pred` against `gold`.
pub fn precision_recall(
    pred: &[(Vec<usize>, Vec<usize>)],
    gold: &[(Vec<usize>, Vec<usize>)],
) -> (f64, f64) {
    let gold_set: std::collections::HashSet<&(Vec<usize>, Vec<usize>)> = gold.iter().collect();
    let hit = pred.iter().filter(|b| gold_set.contains(b)).count() as f64;
    (
        hit / pred.len().max(1) as f64,
        hit / gold.len().max(1) as f64,
    )
}
