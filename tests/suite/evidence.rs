//! Lexical evidence beyond the built-in vocabulary: word pairs learned from the document pair
//! itself, and the field's dictionaries named with `--dict` (hunalign `.dic`, FreeDict dictd).
//!
//! The fixture is a short manual whose Spanish version renders `file` as `fichero` and
//! `current` as `actual` (no cognates), and whose last Spanish sentence drops the clause "so
//! keep the current file somewhere else first": the one real omission.

use paridad::{Checker, Dictionary, DivergenceKind, Document, Lang};

use super::util::paridad;

const EN: &str = include_str!("../fixtures/evidence/backups.en.txt");
const ES: &str = include_str!("../fixtures/evidence/backups.es.txt");
const DIC: &str = "tests/fixtures/evidence/backups.dic";

/// The omitted and added texts a checker reports, English side then Spanish side.
fn left_out(checker: Checker) -> Vec<String> {
    let en = Document::parse(EN, Lang::En).expect("parses");
    let es = Document::parse(ES, Lang::Es).expect("parses");
    checker
        .check(&en, &es)
        .divergences
        .iter()
        .filter(|d| matches!(d.kind, DivergenceKind::Omission | DivergenceKind::Addition))
        .map(|d| {
            d.a.as_ref()
                .or(d.b.as_ref())
                .map_or(String::new(), |e| e.text.clone())
        })
        .collect()
}

const OMITTED: &str = "keep the current file somewhere else first";

#[test]
fn learned_word_pairs_keep_a_translated_clause_from_being_called_missing() {
    // Without learning, `file` and `current` have no counterpart anywhere, so the translated
    // clause "restored file replaces the current file" (`fichero recuperado sustituye al
    // fichero actual`) is reported too.
    assert_eq!(
        left_out(Checker::new().learn_terms(false)),
        ["restored file replaces the current file", OMITTED]
    );
    // `file` / `fichero` meet in every aligned pair of the manual: learned, they settle it.
    assert_eq!(left_out(Checker::new()), [OMITTED]);
}

#[test]
fn a_dictionary_gives_the_same_evidence_without_learning() {
    let dict = Dictionary::read(DIC, 1 << 20).expect("reads");
    assert_eq!(dict.len(), 2);
    assert_eq!(
        left_out(Checker::new().learn_terms(false).dictionary(&dict)),
        [OMITTED]
    );
}

#[test]
fn freedict_dictd_files_are_read_compressed_or_not() {
    let dir = tempfile_dir("dictd");
    // The shape of FreeDict's files: an index of base-64 offsets into the definitions.
    let definitions = "file /fail/\nfichero, archivo\ncurrent /kʌrənt/\n1. actual\n2. corriente\n";
    let at = definitions.find("current").expect("there");
    let b64 = |n: usize| {
        let digits = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut out = vec![digits[n % 64]];
        let mut n = n / 64;
        while n > 0 {
            out.insert(0, digits[n % 64]);
            n /= 64;
        }
        String::from_utf8(out).expect("ASCII")
    };
    let index = format!(
        "file\tA\t{}\ncurrent\t{}\t{}\n",
        b64(at),
        b64(at),
        b64(definitions.len() - at)
    );
    std::fs::write(dir.join("test.index"), &index).expect("writes");
    std::fs::write(dir.join("test.dict"), definitions).expect("writes");
    let dict = Dictionary::read(dir.join("test.index"), 1 << 20).expect("reads");
    let got: Vec<(&str, &str)> = dict.entries().collect();
    assert_eq!(
        got,
        [
            ("file", "fichero"),
            ("file", "archivo"),
            ("current", "actual"),
            ("current", "corriente"),
        ]
    );
    assert_eq!(
        left_out(Checker::new().learn_terms(false).dictionary(&dict)),
        [OMITTED]
    );
    #[cfg(feature = "dictzip")]
    {
        use std::io::Write;
        std::fs::remove_file(dir.join("test.dict")).expect("removes");
        let mut packed = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        packed.write_all(definitions.as_bytes()).expect("packs");
        std::fs::write(dir.join("test.dict.dz"), packed.finish().expect("packs")).expect("writes");
        // Named by any of its files.
        let again = Dictionary::read(dir.join("test.dict.dz"), 1 << 20).expect("reads");
        assert_eq!(again, dict);
        // A content larger than the limit is refused, however small the file.
        let err = Dictionary::read(dir.join("test.index"), 40).unwrap_err();
        assert!(err.is_too_large(), "{err}");
    }
}

/// A fresh folder under the target directory.
fn tempfile_dir(name: &str) -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("evidence-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("creates");
    dir
}

#[test]
fn the_report_names_the_dictionaries_and_whether_terms_were_learned() {
    let en = "tests/fixtures/evidence/backups.en.txt";
    let es = "tests/fixtures/evidence/backups.es.txt";
    let out = paridad(&[
        "check",
        en,
        es,
        "--format",
        "json",
        "--dict",
        DIC,
        "--no-learned-terms",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(report["options"]["dictionaries"], serde_json::json!([DIC]));
    assert_eq!(report["options"]["learned_terms"], serde_json::json!(false));
    let out = paridad(&["check", en, es, "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(report["options"]["dictionaries"], serde_json::json!([]));
    assert_eq!(report["options"]["learned_terms"], serde_json::json!(true));
}

#[test]
fn a_broken_dictionary_is_one_line_naming_it_and_exit_2() {
    let dir = tempfile_dir("broken");
    let bad = dir.join("words.dic");
    std::fs::write(&bad, "fichero @ file\nactual current\n").expect("writes");
    let bad = bad.to_string_lossy().to_string();
    let out = paridad(&[
        "check",
        "tests/fixtures/evidence/backups.en.txt",
        "tests/fixtures/evidence/backups.es.txt",
        "--dict",
        &bad,
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains(&bad) && err.contains("line 2"), "{err}");
    assert!(out.stdout.is_empty());
    // A dictd index without its definitions beside it is refused the same way.
    let index = dir.join("lonely.index");
    std::fs::write(&index, "file\tA\tB\n").expect("writes");
    let out = paridad(&[
        "check",
        "tests/fixtures/evidence/backups.en.txt",
        "tests/fixtures/evidence/backups.es.txt",
        "--dict",
        &index.to_string_lossy(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("lonely.dict"), "{err}");
}
