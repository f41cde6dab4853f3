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
        .map(|p| (p.a.clone(), p.b.clone()))
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
        assert_eq!(pair.a_id, pair.b_id, "{pair:?}");
        assert!(pair.a_id.is_some());
        assert!(!pair.moved);
    }
    let ids: Vec<&str> = alignment
        .sections
        .iter()
        .map(|p| p.a_id.as_deref().unwrap())
        .collect();
    let expected: Vec<&str> = en.sections().iter().map(|s| s.id()).collect();
    assert_eq!(ids, expected, "English document order");
}

#[test]
fn results_do_not_depend_on_the_number_of_threads() {
    let (en, es) = (en(), es());
    let run = |threads: usize| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap()
            .install(|| Aligner::new().align(&en, &es))
    };
    let one = run(1);
    assert_eq!(one, run(2));
    assert_eq!(one, run(5));
}

#[test]
fn align_all_gives_each_pair_its_own_alignment() {
    let aligner = Aligner::new();
    let pairs = vec![(en(), es()), (es(), en()), (en(), en())];
    let all = aligner.align_all(&pairs);
    assert_eq!(all.len(), 3);
    let single = aligner.align(&pairs[0].0, &pairs[0].1);
    assert_eq!(all[0], single);
    // Spanish first: swapped, so the fields still describe the English side as `en`.
    assert_eq!(all[1], single);
    // A document against itself: every sentence with itself.
    assert!(all[2]
        .sentence_pairs()
        .all(|p| p.a == p.b && p.a.len() == 1));
}

#[test]
fn alignments_round_trip_through_json() {
    let alignment = Aligner::new().align(&en(), &es());
    let json = serde_json::to_string(&alignment).unwrap();
    let back: Alignment = serde_json::from_str(&json).unwrap();
    assert_eq!(back, alignment);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    // The library's own types name the sides `a` and `b`, whatever the languages.
    assert_eq!(value["sections"][0]["a_id"], "preamble");
    assert_eq!(value["sections"][0]["pairs"][0]["a"], serde_json::json!([]));
}

#[test]
fn faithful_pairs_score_high_and_shuffled_pairs_low() {
    // What a score means, measured: the gold pairs of the seed pair against the same English
    // sentences paired with the Spanish sentence of the next bead.
    let (en, es) = (en(), es());
    let alignment = Aligner::new().align(&en, &es);
    let two_sided: Vec<_> = alignment
        .sentence_pairs()
        .filter(|p| !p.a.is_empty() && !p.b.is_empty())
        .collect();
    let mean = two_sided.iter().map(|p| p.score).sum::<f64>() / two_sided.len() as f64;
    let low = two_sided.iter().filter(|p| p.score < 0.4).count();
    println!(
        "seed pair: mean pair score {mean:.3}, {low} of {} below 0.4",
        two_sided.len()
    );
    assert!(mean > 0.8, "{mean}");
    assert!(low <= 2, "{low}");
    let en_sents: Vec<&str> = en.sentences().iter().map(|s| s.text()).collect();
    let es_sents: Vec<&str> = es.sentences().iter().map(|s| s.text()).collect();
    let aligner = Aligner::new();
    let mut shuffled = Vec::new();
    for p in two_sided.windows(2) {
        let pair = aligner.align_sentences(&[en_sents[p[0].a[0]]], &[es_sents[p[1].b[0]]]);
        if pair.len() == 1 {
            shuffled.push(pair[0].score);
        }
    }
    let shuffled_mean = shuffled.iter().sum::<f64>() / shuffled.len().max(1) as f64;
    println!(
        "shuffled: mean pair score {shuffled_mean:.3} over {} pairs",
        shuffled.len()
    );
    assert!(shuffled_mean < 0.5, "{shuffled_mean}");
}

#[test]
fn a_caller_glossary_adds_evidence() {
    let en = ["The zorblat registry will open to the public."];
    let es = ["El padrón de flimflás abrirá al público."];
    let plain = Aligner::new().align_sentences(&en, &es);
    let glossary = paridad::Glossary::from_tsv("zorblat\tflimflá\nregistry\tpadrón\n").unwrap();
    let with = Aligner::with_glossary(&glossary).align_sentences(&en, &es);
    assert_eq!(plain.len(), 1);
    assert_eq!(with.len(), 1);
    assert!(
        with[0].score > plain[0].score + 0.2,
        "{} vs {}",
        with[0].score,
        plain[0].score
    );
}

#[test]
fn unnumbered_against_numbered_falls_back_to_the_whole_text() {
    // The Spanish version with every heading number removed: no ids to pair by.
    let (en, _) = (en(), es());
    let mut es_text = String::new();
    for line in ES.lines() {
        let mut l = line.to_string();
        for n in (1..=9).rev() {
            l = l.replacen(&format!("- {n}. "), "- ", 1);
        }
        for roman in ["IV. ", "III. ", "II. ", "I. "] {
            if l.starts_with(roman) {
                l = l[roman.len()..].to_string();
            }
        }
        es_text.push_str(&l);
        es_text.push('\n');
    }
    let es = Document::parse(&es_text, paridad::Lang::Es).unwrap();
    assert!(
        es.sections().len() < 5,
        "numbering is gone: {}",
        es.sections().len()
    );
    let alignment = Aligner::new().align(&en, &es);
    // Sentence pairs are grouped by the English sections they fall in.
    assert!(alignment
        .sections
        .iter()
        .any(|s| s.a_id.as_deref() == Some("I.4") && !s.pairs.is_empty()));
    // Every section in at least one entry.
    for (n, pick) in [(en.sections().len(), 0usize), (es.sections().len(), 1usize)] {
        for k in 0..n {
            assert!(
                alignment.sections.iter().any(|s| if pick == 0 {
                    s.a == Some(k)
                } else {
                    s.b == Some(k)
                }),
                "section {k} of side {pick} missing"
            );
        }
    }
    // Every sentence once.
    let mut seen_en = vec![0; en.sentences().len()];
    let mut seen_es = vec![0; es.sentences().len()];
    for p in alignment.sentence_pairs() {
        p.a.iter().for_each(|&i| seen_en[i] += 1);
        p.b.iter().for_each(|&i| seen_es[i] += 1);
    }
    assert!(seen_en.iter().all(|&c| c == 1) && seen_es.iter().all(|&c| c == 1));
    // And the sentences still find their translations: compare with the gold by text.
    let gold = gold();
    let mut expected = BTreeSet::new();
    for unit in &gold.unit {
        for bead in &unit.beads {
            let (a, b) = bead.split_once(':').unwrap();
            let pick = |s: &str, side: &[String]| -> Vec<String> {
                s.split(',')
                    .filter(|x| !x.is_empty())
                    .map(|x| side[x.parse::<usize>().unwrap()].clone())
                    .collect()
            };
            expected.insert((pick(a, &unit.en), pick(b, &unit.es)));
        }
    }
    // Without numbers, a section title runs into its first sentence (`Salud.** Ambos …`), so
    // a gold pair counts as found when the same English sentences are paired with Spanish
    // text that contains the gold's Spanish sentences.
    let got: Vec<(Vec<String>, String)> = alignment
        .sentence_pairs()
        .map(|p| {
            (
                p.a.iter()
                    .map(|&i| en.sentences()[i].text().to_string())
                    .collect(),
                p.b.iter()
                    .map(|&i| es.sentences()[i].text())
                    .collect::<Vec<_>>()
                    .join(" "),
            )
        })
        .collect();
    let hit = expected
        .iter()
        .filter(|(gold_en, gold_es)| {
            let gold_es = gold_es.join(" ");
            got.iter().any(|(e, s)| {
                e == gold_en && (s == &gold_es || (!gold_es.is_empty() && s.contains(&gold_es)))
            })
        })
        .count();
    println!(
        "whole-text fallback: {hit} of {} gold beads",
        expected.len()
    );
    assert!(
        hit * 100 >= expected.len() * 95,
        "{hit} of {}",
        expected.len()
    );
}

#[path = "../../benches/synth/mod.rs"]
mod synth;

#[test]
fn a_long_run_of_unrelated_sentences_loses_nothing() {
    // 3,000 parallel sentences with 1,500 unrelated ones put first: the coarse pass
    // sees a long one-sided run, and the fine band must still connect the corners.
    let pool = synth::pool();
    let c = synth::corpus(&pool, 3000, 0.0, 11);
    // Unrelated text: the sentences of the 2014-2016 plan, over and over.
    let filler: Vec<&str> = PLAN_2014
        .split(". ")
        .map(str::trim)
        .filter(|s| s.len() > 40)
        .collect();
    let mut es: Vec<String> = (0..1500)
        .map(|k| filler[k % filler.len()].to_string())
        .collect();
    es.extend(c.es.iter().cloned());
    let en: Vec<&str> = c.en.iter().map(String::as_str).collect();
    let es: Vec<&str> = es.iter().map(String::as_str).collect();
    let pairs = Aligner::new().align_sentences(&en, &es);
    let (mut next_en, mut next_es) = (0, 0);
    for p in &pairs {
        for &i in &p.a {
            assert_eq!(i, next_en, "English covered once, in order");
            next_en += 1;
        }
        for &j in &p.b {
            assert_eq!(j, next_es, "Spanish covered once, in order");
            next_es += 1;
        }
    }
    assert_eq!((next_en, next_es), (en.len(), es.len()));
    // The parallel part is found: its true pairs, shifted by the 1,500 inserted sentences.
    let found: std::collections::HashSet<(Vec<usize>, Vec<usize>)> =
        pairs.into_iter().map(|p| (p.a, p.b)).collect();
    let hits = c
        .beads
        .iter()
        .filter(|(a, b)| found.contains(&(a.clone(), b.iter().map(|j| j + 1500).collect())))
        .count();
    println!(
        "{hits} of {} true pairs found after 1,500 unrelated sentences",
        c.beads.len()
    );
    let missed: Vec<_> = c
        .beads
        .iter()
        .filter(|(a, b)| !found.contains(&(a.clone(), b.iter().map(|j| j + 1500).collect())))
        .take(5)
        .collect();
    println!("first missed: {missed:?}");
    assert!(
        hits * 100 >= c.beads.len() * 95,
        "{hits} of {}",
        c.beads.len()
    );
}
