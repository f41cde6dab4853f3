//! Adversarial inputs that once took time superlinear in their size (issue 12, part 3), each at
//! two sizes, the larger twice the smaller: the pass mark is at most 2.3 times the time for
//! twice the input. The sizes are those at which the code before the fix took a second or
//! more (its figures are in the README, under Performance). Inputs are generated here.
//!
//! `cargo bench --bench adversarial`

use std::fmt::Write as _;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use paridad::report::{write_html, write_xliff, CheckReport, ReportOptions};
use paridad::{Aligner, Checker, Document, Glossary, Lang, LineIndex};

const EN: &str = include_str!("../seeds/2025-2028.en.txt");
const ES: &str = include_str!("../seeds/2025-2028.es.txt");

/// `n` synonyms of one term: `supply chain<TAB>cadena{i}`.
fn synonyms(n: usize) -> String {
    (0..n).fold(String::new(), |mut out, i| {
        let _ = writeln!(out, "supply chain\tcadena{i}");
        out
    })
}

/// `n` distinct term pairs.
fn distinct_pairs(n: usize) -> String {
    (0..n).fold(String::new(), |mut out, i| {
        let _ = writeln!(out, "zterm{i}\tztermino{i}");
        out
    })
}

/// `n` sentences a side whose numbers differ: one finding each. With `one_line`, all on one
/// line (columns counted far into it).
fn findings(n: usize, one_line: bool) -> (String, String) {
    let end = if one_line { " " } else { "\n" };
    let (mut en, mut es) = (String::new(), String::new());
    for i in 0..n {
        let _ = write!(en, "The value in row {i} is {} units.{end}", i * 7 + 3);
        let _ = write!(
            es,
            "El valor en la fila {i} es de {} unidades.{end}",
            i * 7 + 4
        );
    }
    (en, es)
}

/// A page header before every line of text, about `bytes` long: each a skipped line.
fn skipped_lines(bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 100);
    let mut i = 0;
    while out.len() < bytes {
        i += 1;
        let _ = write!(
            out,
            "Page {i} of 99999\nThe parties agree to cooperate on trade.\n"
        );
    }
    out
}

/// `n` numbered sections whose numbering restarts every seven (`1.` to `7.`, again and again,
/// as chapters' lists do): each number comes back `n / 7` times.
fn restarting_numbers(n: usize) -> String {
    let mut out = String::from("Plan de Acción\n\n");
    for i in 1..=n {
        let _ = write!(
            out,
            "{}. Tema comercial\n\nLas partes cooperarán en el puerto número {i}.\n\n",
            (i - 1) % 7 + 1
        );
    }
    out
}

/// Numbering nested `depth` levels deep (`1.`, `1.1.`, `1.1.1.` …), each heading with a
/// sentence: the text grows with the square of the depth.
fn deep_numbers(depth: usize) -> String {
    let mut out = String::from("Action Plan\n\n");
    for k in 1..=depth {
        let _ = write!(
            out,
            "{}. Heading\n\nThe parties will cooperate at level {k}.\n\n",
            vec!["1"; k].join(".")
        );
    }
    out
}

/// The seed pair with its sentence ends and line breaks removed, `k` times over: one sentence a
/// side, as a text export without full stops gives (found by the second outside pass).
fn one_long_sentence(k: usize) -> (String, String) {
    let flat = |text: &str| -> String {
        text.chars()
            .map(|c| if ".;:!?\n".contains(c) { ' ' } else { c })
            .collect()
    };
    let (en, es) = (flat(EN), flat(ES));
    (
        format!("Action Plan\n\n1. Trade\n\n{}.\n", vec![en; k].join(" ")),
        format!(
            "Plan de Acción\n\n1. Comercio\n\n{}.\n",
            vec![es; k].join(" ")
        ),
    )
}

/// One sentence a side of `n` amounts, every tenth one more in Spanish: `n / 10` number
/// errors in one sentence (found by the second outside pass).
fn amounts(n: usize) -> (String, String) {
    let list = |unit: &str, changed: bool| -> String {
        (0..n)
            .map(|i| format!("{} {unit}", i * 37 + usize::from(changed && i % 10 == 0)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    (
        format!(
            "Action Plan\n\n1. Trade\n\nCanada and Mexico will invest {} in ports.\n",
            list("dollars", false)
        ),
        format!(
            "Plan de Acción\n\n1. Comercio\n\nMéxico y Canadá invertirán {} en puertos.\n",
            list("dólares", true)
        ),
    )
}

/// `n` sections `Article N` / `Artículo N`, each sentence pair with a differing amount (found
/// by the second outside pass: the reports placed each finding by scanning all of them).
fn articles(n: usize) -> (String, String) {
    let (mut en, mut es) = (
        String::from("Action Plan\n\n"),
        String::from("Plan de Acción\n\n"),
    );
    for i in 1..=n {
        let _ = write!(
            en,
            "Article {i}. Trade topic\n\nThe parties will invest {i} dollars in port number {i} on trade.\n\n"
        );
        let _ = write!(
            es,
            "Artículo {i}. Tema comercial\n\nLas partes invertirán {} dólares en el puerto número {i} en comercio.\n\n",
            i + 1
        );
    }
    (en, es)
}

/// One sentence a side of `n` distinct words that begin alike (`portaaa`, `portaab` …): one
/// bucket of would-be cognates (found by the second outside pass, with codes `port0`,
/// `port37` …, now linked only to themselves).
fn alike_words(n: usize) -> (String, String) {
    let letter = |k: usize| char::from(b'a' + (k % 26) as u8);
    let words: Vec<String> = (0..n)
        .map(|i| format!("port{}{}{}", letter(i / 676), letter(i / 26), letter(i)))
        .collect();
    (
        format!(
            "Action Plan\n\n1. Trade\n\nCanada will fund {} in ports.\n",
            words.join(", ")
        ),
        format!(
            "Plan de Acción\n\n1. Comercio\n\nCanadá financiará {} en puertos.\n",
            words.join(", ")
        ),
    )
}

/// Both versions segmented.
fn parse<'t>(en: &'t str, es: &'t str) -> (Document<'t>, Document<'t>) {
    (
        Document::parse(en, Lang::En).unwrap(),
        Document::parse(es, Lang::Es).unwrap(),
    )
}

/// A small deterministic generator (xorshift), so the inputs are the same on every run.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }
}

const TOPICS: [(&str, &str); 16] = [
    ("trade", "comercio"),
    ("health", "salud"),
    ("energy", "energía"),
    ("security", "seguridad"),
    ("water", "agua"),
    ("migration", "migración"),
    ("education", "educación"),
    ("science", "ciencia"),
    ("labour", "trabajo"),
    ("climate", "clima"),
    ("border", "frontera"),
    ("finance", "finanzas"),
    ("agriculture", "agricultura"),
    ("transport", "transporte"),
    ("culture", "cultura"),
    ("innovation", "innovación"),
];

/// `n` numbered sections, the Spanish ones in shuffled order. With `per` 1, one sentence each
/// naming its section and a number; otherwise `per` sentences each naming two topics and
/// nothing else, so that they tell each other apart poorly.
fn shuffled_sections(n: usize, per: usize) -> (String, String) {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut en = String::new();
    let mut es = Vec::with_capacity(n);
    for i in 1..=n {
        let mut section = String::new();
        if per == 1 {
            let _ = write!(
                en,
                "{i}. Section number {i} on trade\n\nSentence 0 of section {i} speaks of commerce \
                 and {i} goods.\n\n"
            );
            let _ = write!(
                section,
                "{i}. Sección número {i} sobre comercio\n\nLa oración 0 de la sección {i} habla \
                 de comercio y {i} bienes.\n\n"
            );
        } else {
            let (t_en, t_es) = TOPICS[i % TOPICS.len()];
            let _ = write!(en, "{i}. Cooperation on {t_en}\n\n");
            let _ = write!(section, "{i}. Cooperación en {t_es}\n\n");
            for _ in 0..per {
                let (a, b) = (TOPICS[rng.below(16)], TOPICS[rng.below(16)]);
                let _ = write!(en, "The parties will cooperate on {} and {}. ", a.0, b.0);
                let _ = write!(section, "Las partes cooperarán en {} y {}. ", a.1, b.1);
            }
            en.push_str("\n\n");
            section.push_str("\n\n");
        }
        es.push(section);
    }
    rng.shuffle(&mut es);
    (en, es.concat())
}

/// A TBX document whose concept entry has `n` attributes.
fn attributes(n: usize) -> String {
    let attrs = (0..n).fold(String::new(), |mut out, i| {
        let _ = write!(out, " a{i}=\"v\"");
        out
    });
    format!(
        "<tbx type=\"TBX-Core\" style=\"dca\" xml:lang=\"en\" xmlns=\"urn:iso:std:iso:30042:ed-2\">\
         <text><body><conceptEntry id=\"c1\"{attrs}>\
         <langSec xml:lang=\"en\"><termSec><term>trade</term></termSec></langSec>\
         <langSec xml:lang=\"es\"><termSec><term>comercio</term></termSec></langSec>\
         </conceptEntry></body></text></tbx>\n"
    )
}

/// One glossary line whose English term is about `bytes` long.
fn long_term(bytes: usize) -> String {
    let mut term = "supply chain resilience ".repeat(bytes / 24 + 1);
    term.truncate(bytes);
    format!("{term}\tcadena de suministro\n")
}

fn adversarial(c: &mut Criterion) {
    let mut group = c.benchmark_group("adversarial");
    group.sample_size(10);
    group.warm_up_time(std::time::Duration::from_millis(500));
    group.measurement_time(std::time::Duration::from_secs(3));
    let en = Document::parse(EN, Lang::En).expect("the English seed parses");
    let es = Document::parse(ES, Lang::Es).expect("the Spanish seed parses");

    // A glossary read, and the seed pair checked with it.
    let with_glossary = |tsv: &str| {
        let glossary = Glossary::from_tsv(tsv).expect("the glossary parses");
        Checker::with_glossary(&glossary)
            .check(&en, &es)
            .divergences
            .len()
    };
    for n in [2_500, 5_000] {
        let tsv = synonyms(n);
        group.bench_with_input(BenchmarkId::new("synonyms", n), &tsv, |b, tsv| {
            b.iter(|| with_glossary(tsv))
        });
    }
    for n in [10_000, 20_000] {
        let tsv = distinct_pairs(n);
        group.bench_with_input(BenchmarkId::new("glossary pairs", n), &tsv, |b, tsv| {
            b.iter(|| with_glossary(tsv))
        });
    }

    // Findings located by line and column.
    let checker = Checker::new();
    for (name, one_line) in [("findings", false), ("findings on one line", true)] {
        for n in [20_000, 40_000] {
            let (en, es) = findings(n, one_line);
            group.bench_with_input(BenchmarkId::new(name, n), &(en, es), |b, (en, es)| {
                b.iter(|| {
                    let en = Document::parse(en, Lang::En).unwrap();
                    let es = Document::parse(es, Lang::Es).unwrap();
                    checker.check(&en, &es).divergences.len()
                })
            });
        }
    }

    // The outline's skipped lines, each with its line (as `paridad segment` prints them).
    for mb in [1, 2] {
        let text = skipped_lines(mb * 1_000_000);
        group.bench_with_input(
            BenchmarkId::new("skipped lines, MB", mb),
            &text,
            |b, text| {
                b.iter(|| {
                    let doc = Document::parse(text, Lang::En).unwrap();
                    let lines = LineIndex::new(text);
                    doc.skipped()
                        .iter()
                        .map(|s| lines.line_col(s.span.start).line)
                        .sum::<usize>()
                })
            },
        );
    }

    // Numbering that restarts: every heading's id made unique against the earlier ones.
    for n in [20_000, 40_000] {
        let text = restarting_numbers(n);
        group.bench_with_input(
            BenchmarkId::new("restarting numbering", n),
            &text,
            |b, text| b.iter(|| Document::parse(text, Lang::Es).unwrap().sections().len()),
        );
    }

    // Numbering nested deep: where a section ends was found by walking every later section's
    // ancestors (found by the outside pass: 2.9x for twice the input). Depths 1,414 and 2,000
    // make about 2 and 4 MB.
    for depth in [1_414, 2_000] {
        let text = deep_numbers(depth);
        group.bench_with_input(
            BenchmarkId::new("deep numbering, KB", text.len() / 1024),
            &text,
            |b, text| b.iter(|| Document::parse(text, Lang::En).unwrap().sections().len()),
        );
    }

    // Found by the second outside pass: one long sentence (its clause and name comparisons
    // scanned the sentence for every token), thousands of numbers in one sentence (matched by
    // scanning), their findings in the HTML report (each located by searching the sentence),
    // and tens of thousands of sections with findings (each report placed a finding by
    // scanning them all; the section aligner kept a hash entry per neighbour).
    for k in [4, 8] {
        let (en, es) = one_long_sentence(k);
        group.bench_with_input(
            BenchmarkId::new("one long sentence, seed copies", k),
            &(en, es),
            |b, (en, es)| {
                b.iter(|| {
                    let (en, es) = parse(en, es);
                    checker.check(&en, &es).divergences.len()
                })
            },
        );
    }
    for n in [40_000, 80_000] {
        let (en, es) = amounts(n);
        group.bench_with_input(
            BenchmarkId::new("amounts in one sentence, HTML", n),
            &(en, es),
            |b, (en, es)| {
                b.iter(|| {
                    let (en, es) = parse(en, es);
                    let check = checker.check(&en, &es);
                    let report =
                        CheckReport::new(&check, &en, &es, ["en", "es"], ReportOptions::default());
                    let mut html = Vec::new();
                    write_html(&mut html, &report, &check, &en, &es).unwrap();
                    html.len()
                })
            },
        );
    }
    for n in [16_000, 32_000] {
        let (en, es) = articles(n);
        group.bench_with_input(
            BenchmarkId::new("articles with findings, XLIFF", n),
            &(en, es),
            |b, (en, es)| {
                b.iter(|| {
                    let (en, es) = parse(en, es);
                    let check = checker.check(&en, &es);
                    let mut xliff = Vec::new();
                    write_xliff(&mut xliff, &check, &en, &es).unwrap();
                    xliff.len()
                })
            },
        );
    }

    // A term of `n` synonyms and `n` sentences naming it whose counterpart lacks them all: the
    // loose search tried every synonym at every word (second outside pass).
    for n in [2_000, 4_000] {
        let tsv: String = (0..n)
            .map(|i| format!("supply chain\tcadena {i} de suministro\n"))
            .collect();
        let en: String = (1..=n)
            .map(|i| format!("The parties will strengthen the supply chain of port {i}.\n"))
            .collect();
        let es: String = (1..=n)
            .map(|i| format!("Las partes fortalecerán la logística del puerto {i}.\n"))
            .collect();
        let en = format!("Action Plan\n\n1. Trade\n\n{en}");
        let es = format!("Plan de Acción\n\n1. Comercio\n\n{es}");
        let checker = Checker::with_glossary(&Glossary::from_tsv(&tsv).unwrap());
        group.bench_with_input(
            BenchmarkId::new("synonyms missing from many sentences", n),
            &(en, es),
            |b, (en, es)| {
                b.iter(|| {
                    let (en, es) = parse(en, es);
                    checker.check(&en, &es).divergences.len()
                })
            },
        );
    }
    for n in [8_000, 16_000] {
        let (en, es) = alike_words(n);
        group.bench_with_input(
            BenchmarkId::new("words beginning alike, aligned", n),
            &(en, es),
            |b, (en, es)| {
                b.iter(|| {
                    let (en, es) = parse(en, es);
                    Aligner::new().align(&en, &es).sections.len()
                })
            },
        );
    }

    // Sections shuffled between the versions.
    let aligner = Aligner::new();
    for (name, sizes, per) in [
        ("shuffled sections", [20_000, 40_000], 1),
        ("shuffled sections of 40 sentences", [500, 1_000], 40),
    ] {
        for n in sizes {
            let (en, es) = shuffled_sections(n, per);
            let en = Document::parse(&en, Lang::En).unwrap();
            let es = Document::parse(&es, Lang::Es).unwrap();
            group.bench_with_input(BenchmarkId::new(name, n), &(en, es), |b, (en, es)| {
                b.iter(|| aligner.align(en, es).sections.len())
            });
        }
    }

    // Glossaries: one element with many attributes, one very long term (refused).
    for n in [100_000, 200_000] {
        let tbx = attributes(n);
        group.bench_with_input(BenchmarkId::new("TBX attributes", n), &tbx, |b, tbx| {
            b.iter(|| Glossary::from_tbx(tbx).map(|g| g.len()))
        });
    }
    for mb in [10, 20] {
        let tsv = long_term(mb * 1_000_000);
        group.bench_with_input(BenchmarkId::new("long term, MB", mb), &tsv, |b, tsv| {
            b.iter(|| Glossary::from_tsv(tsv).map(|g| g.len()))
        });
    }
    group.finish();
}

criterion_group!(benches, adversarial);
criterion_main!(benches);
