//! Alignment speed: the 2025-2028 seed pair (sections and sentences), and sentence alignment of
//! synthetic near-parallel corpora of 1k, 10k and 100k sentences a side built from the seeds
//! with random edits (see `synth/mod.rs`), to show how time grows with size.

#[path = "synth/mod.rs"]
mod synth;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use paridad::{Aligner, Document, Lang};

const EN: &str = include_str!("../seeds/2025-2028.en.txt");
const ES: &str = include_str!("../seeds/2025-2028.es.txt");

fn seed_pair(c: &mut Criterion) {
    let en = Document::parse(EN, Lang::En).expect("the English seed parses");
    let es = Document::parse(ES, Lang::Es).expect("the Spanish seed parses");
    let aligner = Aligner::new();
    let mut group = c.benchmark_group("align/seed");
    group.throughput(Throughput::Elements(
        (en.sentences().len() + es.sentences().len()) as u64,
    ));
    group.bench_function("2025-2028 documents", |b| {
        b.iter(|| aligner.align(&en, &es).sections.len())
    });
    let en_sents: Vec<&str> = en.sentences().iter().map(|s| s.text()).collect();
    let es_sents: Vec<&str> = es.sentences().iter().map(|s| s.text()).collect();
    group.bench_function("2025-2028 sentences only", |b| {
        b.iter(|| aligner.align_sentences(&en_sents, &es_sents).len())
    });
    group.finish();
}

fn scaling(c: &mut Criterion) {
    let pool = synth::pool();
    let aligner = Aligner::new();
    let mut group = c.benchmark_group("align/scaling");
    group.sample_size(10);
    for n in [1_000, 10_000, 100_000] {
        let corpus = synth::corpus(&pool, n, 0.10, 7);
        let en: Vec<&str> = corpus.en.iter().map(String::as_str).collect();
        let es: Vec<&str> = corpus.es.iter().map(String::as_str).collect();
        group.throughput(Throughput::Elements((en.len() + es.len()) as u64));
        group.bench_with_input(BenchmarkId::new("sentences per side", n), &n, |b, _| {
            b.iter(|| aligner.align_sentences(&en, &es).len())
        });
    }
    group.finish();
}

criterion_group!(benches, seed_pair, scaling);
criterion_main!(benches);
