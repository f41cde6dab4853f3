//! Segmentation speed: the 2025-2028 pair, and scaling on larger documents built from the seeds
//! (to show that time grows linearly with input size, up to 50 MB).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use paridad::{Document, Lang};

const EN: &str = include_str!("../seeds/2025-2028.en.txt");
const ES: &str = include_str!("../seeds/2025-2028.es.txt");
const PLAN_2014: &str = include_str!("../seeds/2014-2016.en.txt");

fn seed_pair(c: &mut Criterion) {
    let mut group = c.benchmark_group("segment/seed");
    group.throughput(Throughput::Bytes((EN.len() + ES.len()) as u64));
    group.bench_function("2025-2028 en+es", |b| {
        b.iter(|| {
            let en = Document::parse(EN, Lang::En).unwrap();
            let es = Document::parse(ES, Lang::Es).unwrap();
            (en.sentences().len(), es.sentences().len())
        })
    });
    group.bench_function("2014-2016 (hard-wrapped)", |b| {
        b.iter(|| {
            Document::parse(PLAN_2014, Lang::En)
                .unwrap()
                .sentences()
                .len()
        })
    });
    group.finish();
}

/// A long Spanish document: the seed's body repeated under fresh part numbers, so the outline
/// keeps growing the way a real long document's would.
fn long_document(bytes: usize) -> String {
    let body_start = ES.find("I. Prosperidad").unwrap();
    let body = &ES[body_start..];
    let mut out = String::with_capacity(bytes + body.len());
    out.push_str(&ES[..body_start]);
    let mut copy = 0;
    while out.len() < bytes {
        copy += 1;
        out.push_str(&format!("\nCapítulo {copy}\n\n"));
        out.push_str(body);
    }
    out
}

fn scaling(c: &mut Criterion) {
    let mut group = c.benchmark_group("segment/scaling");
    group.sample_size(10);
    for mb in [0.5, 5.0, 50.0] {
        let text = long_document((mb * 1_000_000.0) as usize);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(format!("{mb}MB")),
            &text,
            |b, text| b.iter(|| Document::parse(text, Lang::Es).unwrap().sentences().len()),
        );
    }
    group.finish();
}

criterion_group!(benches, seed_pair, scaling);
criterion_main!(benches);
