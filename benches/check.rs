//! Each stage on the 2025-2028 seed pair (segmentation, alignment, divergence detection, the
//! whole `check` with its JSON report), how `check` grows with document length, and how
//! segmentation grows on generated hostile input (headings only, numbering nested twenty deep,
//! one line without a sentence end).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use paridad::report::{CheckReport, ReportOptions};
use paridad::{Aligner, Checker, Document, Lang};

const EN: &str = include_str!("../seeds/2025-2028.en.txt");
const ES: &str = include_str!("../seeds/2025-2028.es.txt");

fn stages(c: &mut Criterion) {
    let en = Document::parse(EN, Lang::En).expect("the English seed parses");
    let es = Document::parse(ES, Lang::Es).expect("the Spanish seed parses");
    let aligner = Aligner::new();
    let checker = Checker::new();
    let mut group = c.benchmark_group("stages/2025-2028");
    group.throughput(Throughput::Bytes((EN.len() + ES.len()) as u64));
    group.bench_function("segment", |b| {
        b.iter(|| {
            let en = Document::parse(EN, Lang::En).unwrap();
            let es = Document::parse(ES, Lang::Es).unwrap();
            en.sentences().len() + es.sentences().len()
        })
    });
    group.bench_function("align", |b| {
        b.iter(|| aligner.align(&en, &es).sections.len())
    });
    // Alignment and divergence detection: detection alone is this minus `align`.
    group.bench_function("align and detect", |b| {
        b.iter(|| checker.check(&en, &es).divergences.len())
    });
    group.bench_function("whole check with JSON report", |b| {
        b.iter(|| {
            let en = Document::parse(EN, Lang::En).unwrap();
            let es = Document::parse(ES, Lang::Es).unwrap();
            let check = checker.check(&en, &es);
            let report = CheckReport::new(&check, &en, &es, ["en", "es"], ReportOptions::default());
            serde_json::to_vec(&report).unwrap().len()
        })
    });
    group.finish();
}

/// A long version: the seed's body repeated `copies` times under fresh chapter headings
/// (`keyword` and a number), so the outline grows the way a long document's would.
fn long_version(text: &str, body_from: &str, keyword: &str, copies: usize) -> String {
    let start = text.find(body_from).expect("the body's first heading");
    let (head, body) = text.split_at(start);
    let mut out = String::with_capacity(text.len() * copies);
    out.push_str(head);
    for copy in 1..=copies {
        out.push_str(&format!("\n{keyword} {copy}\n\n"));
        out.push_str(body);
    }
    out
}

fn check_scaling(c: &mut Criterion) {
    let checker = Checker::new();
    let mut group = c.benchmark_group("check/scaling");
    group.sample_size(10);
    for copies in [1, 10, 100] {
        let en = long_version(EN, "I. Prosperity", "Chapter", copies);
        let es = long_version(ES, "I. Prosperidad", "Capítulo", copies);
        group.throughput(Throughput::Bytes((en.len() + es.len()) as u64));
        group.bench_with_input(
            BenchmarkId::new("copies of the seed body", copies),
            &(en, es),
            |b, (en, es)| {
                b.iter(|| {
                    let en = Document::parse(en, Lang::En).unwrap();
                    let es = Document::parse(es, Lang::Es).unwrap();
                    checker.check(&en, &es).divergences.len()
                })
            },
        );
    }
    group.finish();
}

/// Generated hostile documents of about `bytes` bytes.
fn hostile(kind: &str, bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 200);
    let mut k = 0usize;
    while out.len() < bytes {
        k += 1;
        match kind {
            // Nothing but numbered headings.
            "headings" => out.push_str(&format!("{k}. Heading number {k}\n")),
            // Numbering nested twenty deep, then back up, over and over.
            "deep" => {
                let depth = k % 20 + 1;
                let number: Vec<String> =
                    (0..depth).map(|d| (1 + (k + d) % 9).to_string()).collect();
                out.push_str(&format!("{}. Item at depth {depth}\n", number.join(".")));
            }
            // One line of words that never ends a sentence.
            _ => out.push_str("word and another word, "),
        }
    }
    out
}

fn hostile_scaling(c: &mut Criterion) {
    let mut group = c.benchmark_group("hostile/segment");
    group.sample_size(10);
    for kind in ["headings", "deep", "one line"] {
        for mb in [0.1, 1.0, 10.0] {
            let text = hostile(kind, (mb * 1_000_000.0) as usize);
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(
                BenchmarkId::new(kind, format!("{mb}MB")),
                &text,
                |b, text| b.iter(|| Document::parse(text, Lang::En).unwrap().sentences().len()),
            );
        }
    }
    group.finish();
}

criterion_group!(benches, stages, check_scaling, hostile_scaling);
criterion_main!(benches);
