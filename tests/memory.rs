//! Peak memory per input byte, counted by the allocator: a binary of its own, since the
//! counting allocator serves the whole process, and one test, since a peak is the process's.
//!
//! The bound is the issue's: about 20 bytes of memory per byte read. Heap bytes are counted
//! exactly (no timing, no resident-set noise), from after the input is in memory to the end of
//! the work, so the input's own bytes are not counted.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use paridad::report::{CheckReport, ReportOptions};
use paridad::{Checker, Document, Glossary, Lang};

/// The system allocator, counting the bytes in use and their peak.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc(layout);
        if !p.is_null() {
            let now = IN_USE.fetch_add(layout.size(), Ordering::SeqCst) + layout.size();
            PEAK.fetch_max(now, Ordering::SeqCst);
        }
        p
    }

    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        System.dealloc(p, layout);
        IN_USE.fetch_sub(layout.size(), Ordering::SeqCst);
    }

    unsafe fn realloc(&self, p: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let q = System.realloc(p, layout, new_size);
        if !q.is_null() {
            if new_size >= layout.size() {
                let now = IN_USE.fetch_add(new_size - layout.size(), Ordering::SeqCst)
                    + (new_size - layout.size());
                PEAK.fetch_max(now, Ordering::SeqCst);
            } else {
                IN_USE.fetch_sub(layout.size() - new_size, Ordering::SeqCst);
            }
        }
        q
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The peak of heap bytes in use while `work` runs, above what was in use when it began.
fn peak_of<T>(work: impl FnOnce() -> T) -> usize {
    let base = IN_USE.load(Ordering::SeqCst);
    PEAK.store(base, Ordering::SeqCst);
    let kept = work();
    let peak = PEAK.load(Ordering::SeqCst) - base;
    drop(kept);
    peak
}

/// The bound: bytes of memory per byte read.
const BOUND: f64 = 20.0;

fn assert_within(what: &str, input: usize, peak: usize) {
    let per_byte = peak as f64 / input as f64;
    println!("{what}: {input} bytes read, peak {peak} bytes, {per_byte:.1} per byte");
    assert!(
        per_byte <= BOUND,
        "{what}: {per_byte:.1} bytes of memory per byte read (peak {peak} for {input})"
    );
}

fn seed(name: &str) -> String {
    let path = format!("{}/seeds/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn peak_memory_stays_within_twenty_bytes_per_byte_read() {
    let (en_text, es_text) = (seed("2025-2028.en.txt"), seed("2025-2028.es.txt"));

    // Glossaries of many tiny entries, where every concept costs its own structures: the
    // caller's glossary read, merged with the built-in one, indexed in both languages, and
    // kept by the terminology check; then a check with it. (Before the glossary stored its
    // terms in one buffer, the TSV case took about 60 bytes per byte.)
    let tsv: String = (0..100_000).map(|i| format!("t{i}\tu{i}\n")).collect();
    let csv = format!("en,es\n{}", tsv.replace('\t', ","));
    let synonyms: String = (0..50_000)
        .map(|i| format!("supply chain\tcadena{i}\n"))
        .collect();
    // The synonyms of supply chain add the seed's two uses of it that none of them renders.
    for (what, text, parse, findings) in [
        (
            "TSV glossary of tiny pairs",
            &tsv,
            Glossary::from_tsv as fn(&str) -> _,
            14,
        ),
        ("CSV glossary of tiny pairs", &csv, Glossary::from_csv, 14),
        (
            "TSV glossary of one term's synonyms",
            &synonyms,
            Glossary::from_tsv,
            16,
        ),
    ] {
        let en = Document::parse(&en_text, Lang::En).unwrap();
        let es = Document::parse(&es_text, Lang::Es).unwrap();
        let peak = peak_of(|| {
            let glossary = parse(text).unwrap();
            let checker = Checker::with_glossary(&glossary);
            drop(glossary);
            let check = checker.check(&en, &es);
            assert_eq!(
                check.divergences.len(),
                findings,
                "{what}: the seed's findings"
            );
            (checker, check)
        });
        assert_within(what, text.len(), peak);
    }

    // Real text at scale: the seed pair ten times over, segmented, checked and reported as
    // JSON.
    let (en_text, es_text) = (en_text.repeat(10), es_text.repeat(10));
    let peak = peak_of(|| {
        let en = Document::parse(&en_text, Lang::En).unwrap();
        let es = Document::parse(&es_text, Lang::Es).unwrap();
        let check = Checker::new().check(&en, &es);
        // The seed's 11 findings in each copy, and more where copies meet (a preamble in the
        // middle of a document).
        assert!(
            check.divergences.len() >= 110,
            "{}",
            check.divergences.len()
        );
        let report = CheckReport::new(
            &check,
            &en,
            &es,
            ["en.txt", "es.txt"],
            ReportOptions::default(),
        );
        let mut sink = std::io::sink();
        serde_json::to_writer(&mut sink, &report).unwrap();
    });
    assert_within(
        "the seed pair ten times",
        en_text.len() + es_text.len(),
        peak,
    );
}
