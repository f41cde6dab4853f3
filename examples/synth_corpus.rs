//! Writes an aligner test case as plain files, for comparing paridad with other aligners
//! (`benches/hunalign/compare.sh`): `en.txt` and `es.txt`, one sentence a line, and
//! `gold.beads`, the true alignment as one bead a line (`[0]:[0, 1]`, 0-based, every sentence
//! of both sides once and in order: the format of `paridad align --sentences --format beads`
//! without the score).
//!
//! A synthetic near-parallel corpus of about N sentences a side, built from the seeds with
//! recorded edits at RATE (`benches/synth/mod.rs`):
//!
//! `cargo run --release --example synth_corpus -- N RATE SEED OUTDIR`
//!
//! The hand-made gold of the 2025-2028 seed pair (`tests/gold/2025-2028.toml`), its units one
//! after another:
//!
//! `cargo run --release --example synth_corpus -- seed OUTDIR`

#[path = "../benches/synth/mod.rs"]
mod synth;

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage: synth_corpus N RATE SEED OUTDIR | synth_corpus seed OUTDIR";

type Bead = (Vec<usize>, Vec<usize>);

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (en, es, beads, outdir) = match &args[..] {
        [mode, outdir] if mode == "seed" => {
            let (en, es, beads) = seed_gold();
            (en, es, beads, PathBuf::from(outdir))
        }
        [n, rate, seed, outdir] => {
            let (Ok(n), Ok(rate), Ok(seed)) = (n.parse(), rate.parse(), seed.parse()) else {
                eprintln!("synth_corpus: N, RATE and SEED must be numbers\n{USAGE}");
                return ExitCode::from(2);
            };
            let c = synth::corpus(&synth::pool(), n, rate, seed);
            (c.en, c.es, c.beads, PathBuf::from(outdir))
        }
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    check(&en, &es, &beads);
    match write(&outdir, &en, &es, &beads) {
        Ok(()) => {
            println!(
                "{}: {} + {} sentences, {} gold beads",
                outdir.display(),
                en.len(),
                es.len(),
                beads.len()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("synth_corpus: {}: {e}", outdir.display());
            ExitCode::FAILURE
        }
    }
}

/// The seed pair's gold, units concatenated, indexes made global.
fn seed_gold() -> (Vec<String>, Vec<String>, Vec<Bead>) {
    let text = include_str!("../tests/gold/2025-2028.toml");
    let gold: toml::Value = toml::from_str(text).expect("the gold parses");
    let (mut en, mut es, mut beads) = (Vec::new(), Vec::new(), Vec::new());
    for unit in gold["unit"].as_array().expect("units") {
        let side = |key: &str| -> Vec<String> {
            unit[key]
                .as_array()
                .expect("a sentence list")
                .iter()
                .map(|s| s.as_str().expect("a sentence").to_string())
                .collect()
        };
        let (unit_en, unit_es) = (side("en"), side("es"));
        let (base_en, base_es) = (en.len(), es.len());
        for bead in unit["beads"].as_array().expect("beads") {
            let (a, b) = bead
                .as_str()
                .and_then(|s| s.split_once(':'))
                .expect("a bead is \"i,j:k\"");
            let indexes = |s: &str, base: usize| -> Vec<usize> {
                s.split(',')
                    .filter(|x| !x.is_empty())
                    .map(|x| base + x.parse::<usize>().expect("an index"))
                    .collect()
            };
            beads.push((indexes(a, base_en), indexes(b, base_es)));
        }
        en.extend(unit_en);
        es.extend(unit_es);
    }
    (en, es, beads)
}

/// One sentence a line must survive the round trip, and the gold must cover every sentence
/// once, in order, with no empty bead.
fn check(en: &[String], es: &[String], beads: &[Bead]) {
    for s in en.iter().chain(es) {
        assert!(
            !s.contains(['\n', '\r']),
            "a sentence contains a line break: {s:?}"
        );
        assert!(!s.trim().is_empty(), "an empty sentence");
    }
    let (mut next_en, mut next_es) = (0, 0);
    for (a, b) in beads {
        assert!(!(a.is_empty() && b.is_empty()), "an empty bead");
        for &i in a {
            assert_eq!(i, next_en, "English sentences out of order in the gold");
            next_en += 1;
        }
        for &j in b {
            assert_eq!(j, next_es, "Spanish sentences out of order in the gold");
            next_es += 1;
        }
    }
    assert_eq!(next_en, en.len(), "the gold misses English sentences");
    assert_eq!(next_es, es.len(), "the gold misses Spanish sentences");
}

fn write(dir: &Path, en: &[String], es: &[String], beads: &[Bead]) -> io::Result<()> {
    fs::create_dir_all(dir)?;
    for (name, side) in [("en.txt", en), ("es.txt", es)] {
        let mut out = io::BufWriter::new(fs::File::create(dir.join(name))?);
        for s in side {
            writeln!(out, "{s}")?;
        }
        out.flush()?;
    }
    let mut out = io::BufWriter::new(fs::File::create(dir.join("gold.beads"))?);
    for (a, b) in beads {
        writeln!(out, "{:?}:{:?}", a, b)?;
    }
    out.flush()
}
