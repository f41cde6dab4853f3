//! The aligner on the seed pair: the hand-made gold, and section pairing.

use std::collections::BTreeSet;

use paridad::{Aligner, Alignment, Document};

use super::gold::gold;
use super::util::*;

/// A bead as global sentence indexes on both sides.
type Bead = (Vec<usize>, Vec<usize>);

/// The gold beads of the 2025-2028 pair, in global sentence indexes (the segmentation test
/// checks that the gold's units hold exactly the segmenter's sentences).
fn gold_beads(en: &Document<'_>, es: &Document<'_>) -> BTreeSet<Bead> {
    let mut out = BTreeSet::new();
    for unit in gold().unit {
        let base_en = en.section(&unit.id).unwrap().sentence_range().start;
        let base_es = es.section(&unit.id).unwrap().sentence_range().start;
        for bead in &unit.beads {
            let (a, b) = bead.split_once(':').expect("bead has a colon");
            let side = |s: &str, base: usize| -> Vec<usize> {
                s.split(',')
                    .filter(|x| !x.is_empty())
                    .map(|x| base + x.parse::<usize>().unwrap())
                    .collect()
            };
            out.insert((side(a, base_en), side(b, base_es)));
        }
    }
    out
}

fn predicted(alignment: &Alignment) -> BTreeSet<Bead> {
    alignment
        .sentence_pairs()
        .map(|p| (p.en.clone(), p.es.clone()))
        .collect()
}

/// Exact-bead precision and recall: a predicted bead counts only when the gold has the very
/// same sentences on both sides (1–0 and 0–1 beads included).
fn precision_recall(pred: &BTreeSet<Bead>, gold: &BTreeSet<Bead>) -> (f64, f64) {
    let hit = pred.intersection(gold).count() as f64;
    (hit / pred.len() as f64, hit / gold.len() as f64)
}

#[test]
fn gold_precision_and_recall_are_at_least_097() {
    let (en, es) = (en(), es());
    let alignment = Aligner::new().align(&en, &es);
    let gold = gold_beads(&en, &es);
    assert_eq!(gold.len(), 92, "the gold has 92 beads");
    let pred = predicted(&alignment);
    let (p, r) = precision_recall(&pred, &gold);
    println!(
        "gold 2025-2028: {} predicted beads, {} gold beads, precision {p:.3}, recall {r:.3}",
        pred.len(),
        gold.len()
    );
    for miss in gold.difference(&pred) {
        println!("  missed {miss:?}");
    }
    for extra in pred.difference(&gold) {
        println!("  wrong  {extra:?}");
    }
    assert!(p >= 0.97 && r >= 0.97, "precision {p:.3}, recall {r:.3}");
}

#[test]
fn all_28_units_pair_with_their_counterpart() {
    let (en, es) = (en(), es());
    let alignment = Aligner::new().align(&en, &es);
    assert_eq!(alignment.sections.len(), 28);
    for pair in &alignment.sections {
        assert_eq!(pair.en_id, pair.es_id, "{pair:?}");
        assert!(pair.en_id.is_some());
        assert!(!pair.moved);
    }
    let ids: Vec<&str> = alignment
        .sections
        .iter()
        .map(|p| p.en_id.as_deref().unwrap())
        .collect();
    let expected: Vec<&str> = en.sections().iter().map(|s| s.id()).collect();
    assert_eq!(ids, expected, "English document order");
}
