//! Measures the aligner: exact-bead precision and recall on the hand-made gold alignment of
//! the 2025-2028 seed pair, and on synthetic near-parallel corpora with recorded edits.
//!
//! `cargo run --release --example evaluate`

#[path = "../benches/synth/mod.rs"]
mod synth;

use std::collections::BTreeSet;
use std::process::ExitCode;

use paridad::{Aligner, Document, Lang};

fn main() -> ExitCode {
    let en_text = include_str!("../seeds/2025-2028.en.txt");
    let es_text = include_str!("../seeds/2025-2028.es.txt");
    let (en, es) = match (
        Document::parse(en_text, Lang::En),
        Document::parse(es_text, Lang::Es),
    ) {
        (Ok(en), Ok(es)) => (en, es),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("evaluate: {e}");
            return ExitCode::from(2);
        }
    };
    let aligner = Aligner::new();
    let alignment = aligner.align(&en, &es);
    let pred: BTreeSet<(Vec<usize>, Vec<usize>)> = alignment
        .sentence_pairs()
        .map(|p| (p.a.clone(), p.b.clone()))
        .collect();
    let gold = gold_beads(&en, &es);
    let hit = pred.intersection(&gold).count() as f64;
    println!(
        "seed pair 2025-2028 (hand-made gold, {} beads): precision {:.3}, recall {:.3}",
        gold.len(),
        hit / pred.len() as f64,
        hit / gold.len() as f64
    );
    let pool = synth::pool();
    for (n, rate) in [(1000, 0.05), (1000, 0.10), (1000, 0.20), (10_000, 0.10)] {
        let c = synth::corpus(&pool, n, rate, 7);
        let en: Vec<&str> = c.en.iter().map(String::as_str).collect();
        let es: Vec<&str> = c.es.iter().map(String::as_str).collect();
        // As English and Spanish, and as two languages paridad has no tables for (`xx`, `yy`),
        // where only language-neutral evidence counts.
        for (langs, (a, b)) in [("en-es", ("en", "es")), ("unknown", ("xx", "yy"))] {
            let pairs = match aligner.align_sentence_lists(&en, a, &es, b) {
                Ok(pairs) => pairs,
                Err(e) => {
                    eprintln!("evaluate: {e}");
                    return ExitCode::from(2);
                }
            };
            let pred: Vec<(Vec<usize>, Vec<usize>)> =
                pairs.into_iter().map(|p| (p.a, p.b)).collect();
            let (p, r) = synth::precision_recall(&pred, &c.beads);
            println!(
                "synthetic {n} sentences, {:.0}% edited, read as {langs}: precision {p:.3}, recall {r:.3}",
                rate * 100.0
            );
        }
    }
    ExitCode::SUCCESS
}

/// The gold beads in global sentence indexes.
fn gold_beads(en: &Document<'_>, es: &Document<'_>) -> BTreeSet<(Vec<usize>, Vec<usize>)> {
    let text = include_str!("../tests/gold/2025-2028.toml");
    let gold: toml::Value = toml::from_str(text).expect("the gold parses");
    let mut out = BTreeSet::new();
    for unit in gold["unit"].as_array().into_iter().flatten() {
        let id = unit["id"].as_str().unwrap_or_default();
        let (Some(a), Some(b)) = (en.section(id), es.section(id)) else {
            continue;
        };
        let (ba, bb) = (a.sentence_range().start, b.sentence_range().start);
        for bead in unit["beads"].as_array().into_iter().flatten() {
            let Some((x, y)) = bead.as_str().and_then(|s| s.split_once(':')) else {
                continue;
            };
            let side = |s: &str, base: usize| -> Vec<usize> {
                s.split(',')
                    .filter_map(|v| v.parse::<usize>().ok())
                    .map(|v| base + v)
                    .collect()
            };
            out.insert((side(x, ba), side(y, bb)));
        }
    }
    out
}
