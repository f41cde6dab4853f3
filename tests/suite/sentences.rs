//! `paridad align --sentences`: the alignment core alone on files of one sentence a line, in
//! any pair of languages, as beads, TSV or JSON.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Output;

use paridad::Aligner;

use super::gold::gold;
use super::util::paridad;

/// A bead as written: the two index lists.
type Bead = (Vec<usize>, Vec<usize>);

/// Reads `[0]:[0, 1]:0.93` lines (the score is optional, as in gold files).
fn read_beads(text: &str) -> Vec<(Bead, Option<f64>)> {
    let list = |s: &str| -> Vec<usize> {
        let inner = s
            .strip_prefix('[')
            .and_then(|s| s.strip_suffix(']'))
            .unwrap_or_else(|| panic!("not a list: {s:?}"));
        inner
            .split(", ")
            .filter(|x| !x.is_empty())
            .map(|x| x.parse().unwrap_or_else(|_| panic!("not an index: {x:?}")))
            .collect()
    };
    text.lines()
        .map(|line| {
            let parts: Vec<&str> = line.split(':').collect();
            let score = parts.get(2).map(|s| s.parse::<f64>().expect("a score"));
            assert!(parts.len() == 2 || parts.len() == 3, "{line:?}");
            ((list(parts[0]), list(parts[1])), score)
        })
        .collect()
}

/// Asserts that `beads` cover `0..n` on the first side and `0..m` on the second, each index
/// once and in order.
fn assert_covers(beads: &[Bead], n: usize, m: usize) {
    let first: Vec<usize> = beads.iter().flat_map(|b| b.0.clone()).collect();
    let second: Vec<usize> = beads.iter().flat_map(|b| b.1.clone()).collect();
    assert_eq!(first, (0..n).collect::<Vec<_>>());
    assert_eq!(second, (0..m).collect::<Vec<_>>());
}

fn fixture(name: &str) -> PathBuf {
    Path::new("tests/fixtures/sentences").join(name)
}

/// The gold of the seed pair as two sentence lists (units in order) and its beads in global
/// indexes.
fn seed_lists() -> (Vec<String>, Vec<String>, BTreeSet<Bead>) {
    let (mut en, mut es, mut beads) = (Vec::new(), Vec::new(), BTreeSet::new());
    for unit in gold().unit {
        let (base_en, base_es) = (en.len(), es.len());
        for bead in &unit.beads {
            let (a, b) = bead.split_once(':').expect("i:j");
            let idx = |s: &str, base: usize| -> Vec<usize> {
                s.split(',')
                    .filter(|x| !x.is_empty())
                    .map(|x| base + x.parse::<usize>().expect("an index"))
                    .collect()
            };
            beads.insert((idx(a, base_en), idx(b, base_es)));
        }
        en.extend(unit.en);
        es.extend(unit.es);
    }
    (en, es, beads)
}

#[test]
fn beads_of_the_seed_sentences_match_the_gold() {
    let (en, es, gold) = seed_lists();
    assert_eq!((en.len(), es.len(), gold.len()), (91, 93, 92));
    let dir = std::env::temp_dir().join(format!("paridad-sentences-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (en_path, es_path) = (dir.join("en.txt"), dir.join("es.txt"));
    std::fs::write(&en_path, en.join("\n") + "\n").unwrap();
    std::fs::write(&es_path, es.join("\r\n")).unwrap();
    let out = paridad(&[
        "align",
        "--sentences",
        en_path.to_str().unwrap(),
        es_path.to_str().unwrap(),
    ]);
    std::fs::remove_dir_all(&dir).ok();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let read = read_beads(&String::from_utf8(out.stdout).unwrap());
    let beads: Vec<Bead> = read.iter().map(|(b, _)| b.clone()).collect();
    assert_covers(&beads, 91, 93);
    for (bead, score) in &read {
        let score = score.expect("beads carry scores");
        assert!((0.0..=1.0).contains(&score));
        assert_eq!(score == 0.0, bead.0.is_empty() || bead.1.is_empty());
    }
    // Without sections to guide it, the flat lists still align as the gold says.
    let misses: Vec<&Bead> = beads.iter().filter(|b| !gold.contains(b)).collect();
    assert!(misses.is_empty(), "beads not in the gold: {misses:?}");
    assert_eq!(beads.len(), gold.len());
    assert_eq!(
        beads.first(),
        Some(&(vec![], vec![0])),
        "the Spanish dateline stands alone"
    );
}

#[test]
fn german_and_french_align_on_language_neutral_evidence() {
    // The right beads are known by construction (tests/fixtures/sentences/README.md). This
    // fixture was used while choosing how unknown languages are read; the held-out ones are in
    // heldout/.
    let out = paridad(&[
        "align",
        "--sentences",
        fixture("plan.de.txt").to_str().unwrap(),
        fixture("plan.fr.txt").to_str().unwrap(),
        "--langs",
        "de,fr",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let beads: Vec<Bead> = read_beads(&String::from_utf8(out.stdout).unwrap())
        .into_iter()
        .map(|(b, _)| b)
        .collect();
    let expected: Vec<Bead> = vec![
        (vec![0], vec![0]),
        (vec![1], vec![1]),
        (vec![2], vec![2]),
        (vec![3], vec![3]),
        (vec![4], vec![4, 5]),
        (vec![5], vec![6]),
        (vec![6], vec![7]),
        (vec![7], vec![]),
        (vec![8], vec![8]),
        (vec![9], vec![9]),
        (vec![10], vec![10]),
        (vec![11], vec![11]),
    ];
    assert_eq!(beads, expected);
}

#[test]
fn tsv_and_json_carry_the_same_beads_with_text() {
    let args = |format: &'static str| {
        paridad(&[
            "align",
            "--sentences",
            "tests/fixtures/sentences/plan.de.txt",
            "tests/fixtures/sentences/plan.fr.txt",
            "--langs",
            "de,fr",
            "--format",
            format,
        ])
    };
    let (beads, tsv, json) = (args("beads"), args("tsv"), args("json"));
    assert!(beads.status.success() && tsv.status.success() && json.status.success());
    let beads = read_beads(&String::from_utf8(beads.stdout).unwrap());
    let de = std::fs::read_to_string(fixture("plan.de.txt")).unwrap();
    let fr = std::fs::read_to_string(fixture("plan.fr.txt")).unwrap();
    let (de, fr): (Vec<&str>, Vec<&str>) = (de.lines().collect(), fr.lines().collect());
    let side = |list: &[&str], idx: &[usize]| -> String {
        idx.iter().map(|&i| list[i]).collect::<Vec<_>>().join(" ")
    };

    let tsv = String::from_utf8(tsv.stdout).unwrap();
    let rows: Vec<Vec<&str>> = tsv.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), beads.len());
    for (row, ((a, b), score)) in rows.iter().zip(&beads) {
        assert_eq!(row.len(), 5, "{row:?}");
        let numbers = |idx: &[usize]| {
            idx.iter()
                .map(usize::to_string)
                .collect::<Vec<_>>()
                .join(",")
        };
        assert_eq!((row[0], row[1]), (numbers(a).as_str(), numbers(b).as_str()));
        assert_eq!(row[2].parse::<f64>().ok(), *score);
        assert_eq!(
            (row[3], row[4]),
            (side(&de, a).as_str(), side(&fr, b).as_str())
        );
    }

    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let sections = json["sections"].as_array().unwrap();
    assert_eq!(sections.len(), 1);
    // German and French are sides `a` and `b`.
    assert_eq!(
        (&sections[0]["a_id"], &sections[0]["b_id"]),
        (&"all".into(), &"all".into())
    );
    assert!(sections[0].get("en_id").is_none());
    let pairs = sections[0]["pairs"].as_array().unwrap();
    assert_eq!(pairs.len(), beads.len());
    for (pair, ((a, b), _)) in pairs.iter().zip(&beads) {
        let idx = |v: &serde_json::Value| -> Vec<usize> {
            v.as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_u64().unwrap() as usize)
                .collect()
        };
        assert_eq!((&idx(&pair["a_idx"]), &idx(&pair["b_idx"])), (a, b));
        assert_eq!(pair["b"], side(&fr, b).as_str());
    }
}

#[test]
fn any_language_codes_are_taken_and_malformed_ones_refused() {
    let en = ["The committee meets on 4 May 2026.", "It reports in 2027."];
    let es = [
        "El comité se reúne el 4 de mayo de 2026.",
        "Informa en 2027.",
    ];
    let aligner = Aligner::new();
    // English and Spanish by code give what align_sentences gives.
    assert_eq!(
        aligner.align_sentence_lists(&en, "EN", &es, "es").unwrap(),
        aligner.align_sentences(&en, &es)
    );
    // So do their three-letter codes, their names and tags with a region.
    for (a, b) in [("eng", "spa"), ("english", "Spanish"), ("en-GB", "es_MX")] {
        assert_eq!(
            aligner.align_sentence_lists(&en, a, &es, b).unwrap(),
            aligner.align_sentences(&en, &es),
            "{a},{b}"
        );
    }
    // Pairs paridad has no tables for are aligned, not refused.
    for (a, b) in [
        ("de", "fr"),
        ("ja", "ko"),
        ("en", "en"),
        ("es", "en"),
        ("fra", "deu"),
    ] {
        let pairs = aligner.align_sentence_lists(&en, a, &es, b).unwrap();
        let beads: Vec<Bead> = pairs.into_iter().map(|p| (p.a, p.b)).collect();
        assert_covers(&beads, 2, 2);
    }
    for bad in ["", "e", "deutsch", "e1", "en-", "en-abcdefghi", "de fr"] {
        let err = aligner
            .align_sentence_lists(&en, bad, &es, "es")
            .unwrap_err();
        assert!(err.is_setting(), "{bad:?}: {err}");
    }
    let out = paridad(&[
        "align",
        "--sentences",
        "tests/fixtures/sentences/plan.de.txt",
        "tests/fixtures/sentences/plan.fr.txt",
        "--langs",
        "de",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "paridad: --langs \"de\": expected two language codes, as en,es or de,fr\n"
    );
}

#[test]
fn formats_that_need_documents_or_lists_say_so() {
    let out = paridad(&[
        "align",
        "seeds/2025-2028.en.txt",
        "seeds/2025-2028.es.txt",
        "--format",
        "beads",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "paridad: --format beads and tsv are for sentence lists: add --sentences\n"
    );
    assert!(out.stdout.is_empty());
    let out = paridad(&[
        "align",
        "--sentences",
        "seeds/2025-2028.en.txt",
        "seeds/2025-2028.es.txt",
        "--format",
        "tmx",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
}

#[test]
fn an_empty_list_is_refused_by_the_cli_and_left_unpaired_by_the_library() {
    let out = paridad(&[
        "align",
        "--sentences",
        "/dev/null",
        "tests/fixtures/sentences/plan.fr.txt",
    ]);
    // An empty file is refused as input, with one line on stderr, as an empty document is.
    assert_eq!(out.status.code(), Some(2), "{:?}", out);
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "paridad: /dev/null: the sentence list is empty\n"
    );
    assert!(out.stdout.is_empty());
    let aligner = Aligner::new();
    let fr = ["Une phrase.", "Une autre."];
    let pairs = aligner.align_sentence_lists(&[], "de", &fr, "fr").unwrap();
    let beads: Vec<Bead> = pairs.into_iter().map(|p| (p.a, p.b)).collect();
    assert_eq!(beads, vec![(vec![], vec![0]), (vec![], vec![1])]);
}

/// Exact-bead precision and recall of `paridad align --sentences` on a held-out pair of
/// `tests/fixtures/sentences/SET/`.
fn held_out(set: &str, name: &str, a: &str, b: &str) -> (f64, f64) {
    let dir = Path::new("tests/fixtures/sentences").join(set);
    let file = |lang: &str| dir.join(format!("{name}.{lang}.txt"));
    let out = paridad(&[
        "align",
        "--sentences",
        file(a).to_str().unwrap(),
        file(b).to_str().unwrap(),
        "--langs",
        &format!("{a},{b}"),
    ]);
    assert!(out.status.success());
    let predicted: BTreeSet<Bead> = read_beads(&String::from_utf8(out.stdout).unwrap())
        .into_iter()
        .map(|(bead, _)| bead)
        .collect();
    let gold_text = std::fs::read_to_string(dir.join(format!("{name}.gold"))).unwrap();
    let gold: BTreeSet<Bead> = read_beads(&gold_text).into_iter().map(|(b, _)| b).collect();
    let hits = predicted.intersection(&gold).count() as f64;
    (hits / predicted.len() as f64, hits / gold.len() as f64)
}

#[test]
fn held_out_pairs_in_languages_without_tables_align_mostly_right() {
    // Three sets of three pairs, each written by a person who never ran the aligner (their
    // READMEs). heldout/ was measured when it arrived, then used to improve how unknown
    // languages are read; heldout2/ likewise for a second change; heldout3/ was written after
    // both changes and is the held-out figure. Measured (precision / recall): de-fr 1.000 /
    // 1.000, it-pt 0.960 / 0.980, de-pl 0.960 / 0.980; nl-de 0.904 / 0.870, fr-it and sv-fi
    // 1.000 / 1.000; da-nb 1.000 / 1.000, pt-ro 0.962 / 0.962, cs-hu 0.885 / 0.868. Without a
    // vocabulary, sentences that share no number, name or near-identical word are placed by
    // length alone, which is where the misses are.
    for (set, name, a, b) in [
        ("heldout", "report", "de", "fr"),
        ("heldout", "programme", "it", "pt"),
        ("heldout", "declaration", "de", "pl"),
        ("heldout2", "commission", "nl", "de"),
        ("heldout2", "research", "fr", "it"),
        ("heldout2", "consular", "sv", "fi"),
        ("heldout3", "environment", "da", "nb"),
        ("heldout3", "guidance", "pt", "ro"),
        ("heldout3", "press", "cs", "hu"),
    ] {
        let (precision, recall) = held_out(set, name, a, b);
        println!("{set}/{name} {a}-{b}: precision {precision:.3}, recall {recall:.3}");
        assert!(
            precision >= 0.85 && recall >= 0.85,
            "{set}/{name}: precision {precision:.3}, recall {recall:.3}"
        );
    }
}

#[test]
fn languages_are_detected_and_doubts_said() {
    let dir = std::env::temp_dir().join(format!("paridad-lists-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (en, es, _) = seed_lists();
    let en_path = dir.join("a.txt");
    let es_path = dir.join("b.txt");
    // A byte-order mark before the Spanish list is not part of its first sentence.
    std::fs::write(&es_path, format!("\u{feff}{}\n", es.join("\n"))).unwrap();
    std::fs::write(&en_path, en.join("\n") + "\n").unwrap();
    let run = |args: &[&str]| {
        let mut all = vec!["align", "--sentences"];
        all.extend_from_slice(args);
        paridad(&all)
    };
    let (a, b) = (en_path.to_str().unwrap(), es_path.to_str().unwrap());
    // Spanish first, without --langs: detected, and the same beads mirrored.
    let forward = run(&[a, b, "--format", "tsv"]);
    let backward = run(&[b, a, "--format", "tsv"]);
    assert!(forward.status.success() && backward.status.success());
    assert!(backward.stderr.is_empty(), "{:?}", backward);
    let rows = |out: &Output| -> Vec<(String, String)> {
        String::from_utf8(out.stdout.clone())
            .unwrap()
            .lines()
            .map(|l| {
                let f: Vec<&str> = l.split('\t').collect();
                (f[0].to_string(), f[1].to_string())
            })
            .collect()
    };
    let mirrored: Vec<(String, String)> =
        rows(&backward).into_iter().map(|(x, y)| (y, x)).collect();
    assert_eq!(rows(&forward), mirrored);
    let tsv = String::from_utf8(forward.stdout).unwrap();
    assert!(tsv
        .lines()
        .next()
        .unwrap()
        .ends_with("\tCiudad de México, 18 de septiembre de 2025"));
    // The same language twice is said, and refused with --strict-lang.
    let same = run(&[a, a]);
    assert!(same.status.success());
    assert!(String::from_utf8(same.stderr)
        .unwrap()
        .contains("read as en; going on"));
    assert_eq!(run(&[a, a, "--strict-lang"]).status.code(), Some(2));
    // A glossary between two languages it does not pair is said to be unused.
    let glossary = run(&[
        "tests/fixtures/sentences/plan.de.txt",
        "tests/fixtures/sentences/plan.fr.txt",
        "--langs",
        "de,fr",
        "--glossary",
        "tests/fixtures/glossary/government.tsv",
    ]);
    assert!(glossary.status.success());
    assert!(String::from_utf8(glossary.stderr)
        .unwrap()
        .contains("--glossary pairs English and Spanish terms, and the lists are de,fr"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn pairs_without_evidence_are_not_scored_as_certain() {
    let aligner = Aligner::new();
    // Same length, nothing in common, languages without tables: only the length agrees.
    let pairs = aligner
        .align_sentence_lists(
            &["Der Hund schläft im Garten."],
            "de",
            &["Le ministre signe le traité."],
            "fr",
        )
        .unwrap();
    assert_eq!(pairs.len(), 1);
    assert!(pairs[0].score <= 0.625, "{}", pairs[0].score);
    // A name and a number in common: well supported.
    let pairs = aligner
        .align_sentence_lists(
            &["Die Sitzung fand am 9. Oktober 2023 in Mulhouse statt."],
            "de",
            &["La réunion s'est tenue le 9 octobre 2023 à Mulhouse."],
            "fr",
        )
        .unwrap();
    assert!(pairs[0].score > 0.9, "{}", pairs[0].score);
}
