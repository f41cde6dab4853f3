//! Aligns one synthetic near-parallel corpus of N sentences a side (built from the seeds with
//! 10% random edits) and prints the time, for measuring peak memory with `/usr/bin/time -v`:
//!
//! `cargo build --release --example scale && /usr/bin/time -v target/release/examples/scale 100000`

#[path = "../benches/synth/mod.rs"]
mod synth;

use std::process::ExitCode;
use std::time::Instant;

use paridad::Aligner;

fn main() -> ExitCode {
    let Some(n) = std::env::args()
        .nth(1)
        .and_then(|a| a.parse::<usize>().ok())
    else {
        eprintln!("usage: scale SENTENCES_PER_SIDE");
        return ExitCode::from(2);
    };
    let corpus = synth::corpus(&synth::pool(), n, 0.10, 7);
    let en: Vec<&str> = corpus.en.iter().map(String::as_str).collect();
    let es: Vec<&str> = corpus.es.iter().map(String::as_str).collect();
    let start = Instant::now();
    let pairs = Aligner::new().align_sentences(&en, &es);
    let took = start.elapsed();
    let pred: Vec<(Vec<usize>, Vec<usize>)> = pairs.into_iter().map(|p| (p.a, p.b)).collect();
    let (p, r) = synth::precision_recall(&pred, &corpus.beads);
    println!(
        "{} + {} sentences: {:.3} s, {:.0} sentences/s, precision {p:.3}, recall {r:.3}",
        en.len(),
        es.len(),
        took.as_secs_f64(),
        (en.len() + es.len()) as f64 / took.as_secs_f64()
    );
    ExitCode::SUCCESS
}
