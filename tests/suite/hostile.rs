//! Hostile and odd input through the command line: each gives one clear line and exit 2, or
//! a valid report (exit 0). Big inputs run the release-profile binary the suite builds with
//! `[profile.test] opt-level`, so they stay quick.

use std::path::{Path, PathBuf};
use std::process::Output;

use super::util::{paridad as run, EN, ES};

/// A fresh directory for one test's files.
fn dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("paridad-hostile-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_str().unwrap().to_string()
}

/// Exit 2 and exactly one line on standard error, which names `path` and says `what`.
fn refused(out: &Output, path: &str, what: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with(&format!("paridad: {path}: ")),
        "{stderr}"
    );
    assert!(stderr.contains(what), "{stderr}");
    assert!(out.stdout.is_empty());
}

/// Exit 0 with a `paridad.report.v1` JSON report whose summary counts its divergences.
fn report(out: &Output) -> serde_json::Value {
    report_as(out, "paridad.report.v1")
}

/// Exit 0 with a JSON report of `schema` whose summary counts its divergences.
fn report_as(out: &Output, schema: &str) -> serde_json::Value {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("a JSON report");
    assert_eq!(report["schema"], schema);
    let listed: usize = report["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["divergences"].as_array().unwrap().len())
        .sum();
    assert_eq!(report["summary"]["total"], listed);
    report
}

#[test]
fn binary_utf16_and_invalid_bytes_are_refused_in_one_line() {
    let d = dir("binary");
    let elf = write(
        &d,
        "program",
        b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x02\x00\x3e\x00",
    );
    refused(
        &run(&["check", &elf, "seeds/2025-2028.es.txt"]),
        &elf,
        "binary data",
    );
    let utf16: Vec<u8> = "Hola mundo. Esto es una prueba.\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let utf16 = write(&d, "utf16.txt", &utf16);
    refused(
        &run(&["check", "seeds/2025-2028.en.txt", &utf16]),
        &utf16,
        "UTF-16",
    );
    let latin1 = write(&d, "latin1.txt", b"Acci\xf3n clim\xe1tica.\n");
    refused(&run(&["segment", &latin1]), &latin1, "Windows-1252");
    std::fs::remove_dir_all(&d).unwrap();
}

#[test]
fn a_few_nul_bytes_in_text_still_give_a_report() {
    let d = dir("nul");
    let es = ES.replacen("Ambos gobiernos", "Ambos\0gobiernos", 1);
    let es = write(&d, "es.txt", es.as_bytes());
    let r = report(&run(&[
        "check",
        "seeds/2025-2028.en.txt",
        &es,
        "--format",
        "json",
    ]));
    assert_eq!(r["es"]["sections"], 28);
    std::fs::remove_dir_all(&d).unwrap();
}

#[test]
fn empty_sides_directories_and_missing_paths_are_refused() {
    let d = dir("empty");
    let empty = write(&d, "empty.txt", b"");
    refused(
        &run(&["check", "seeds/2025-2028.en.txt", &empty]),
        &empty,
        "empty",
    );
    let blank = write(&d, "blank.txt", b" \n\t\n");
    refused(
        &run(&["check", &blank, "seeds/2025-2028.es.txt"]),
        &blank,
        "white space",
    );
    let folder = d.to_str().unwrap().to_string();
    refused(
        &run(&["check", &folder, "seeds/2025-2028.es.txt"]),
        &folder,
        "directory",
    );
    let missing = d.join("nowhere.txt").to_str().unwrap().to_string();
    refused(
        &run(&["align", "seeds/2025-2028.en.txt", &missing]),
        &missing,
        "no such file",
    );
    std::fs::remove_dir_all(&d).unwrap();
}

#[test]
fn the_same_file_on_both_sides_gives_an_empty_report_and_a_warning() {
    let out = run(&[
        "check",
        "seeds/2025-2028.es.txt",
        "seeds/2025-2028.es.txt",
        "--format",
        "json",
    ]);
    // Two Spanish versions are sides `a` and `b`, not `en` and `es`.
    let r = report_as(&out, "paridad.report.v2");
    assert_eq!(r["summary"]["total"], 0);
    assert_eq!(
        (&r["a"]["lang"], &r["b"]["lang"]),
        (&"es".into(), &"es".into())
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("are in spanish"), "{stderr}");
    let strict = run(&[
        "check",
        "seeds/2025-2028.es.txt",
        "seeds/2025-2028.es.txt",
        "--strict-lang",
    ]);
    assert_eq!(strict.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&strict.stderr).contains("--strict-lang"));
}

#[test]
fn the_spanish_file_first_is_said_and_strict_lang_refuses_it() {
    let out = run(&[
        "check",
        "seeds/2025-2028.es.txt",
        "seeds/2025-2028.en.txt",
        "--format",
        "json",
    ]);
    let r = report(&out);
    assert_eq!(
        r["en"]["path"], "seeds/2025-2028.en.txt",
        "the report says which is which"
    );
    assert_eq!(r["summary"]["total"], 14);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr.trim(),
        "paridad: warning: seeds/2025-2028.es.txt is the Spanish version and seeds/2025-2028.en.txt the English one; going on"
    );
    let strict = run(&[
        "check",
        "seeds/2025-2028.es.txt",
        "seeds/2025-2028.en.txt",
        "--strict-lang",
    ]);
    assert_eq!(strict.status.code(), Some(2));
    // --langs that the text contradicts.
    let contradicted = run(&[
        "align",
        "seeds/2025-2028.en.txt",
        "seeds/2025-2028.es.txt",
        "--langs",
        "es,en",
        "--strict-lang",
    ]);
    assert_eq!(contradicted.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&contradicted.stderr)
        .contains("reads as english but --langs says spanish"));
}

#[test]
fn ten_thousand_headings_and_numbering_twenty_deep_give_reports() {
    let d = dir("headings");
    // 100 chapters of 99 sections: 10,000 headings (numbers above 999 read as years).
    let doc = |heading: &str, sentence: &str| {
        let mut text = String::new();
        for c in 1..=100 {
            text.push_str(&format!(
                "{c}. {heading} {c}\n{sentence} {}.\n\n",
                2000 + c % 50
            ));
            for s in 1..=99 {
                text.push_str(&format!(
                    "{c}.{s} {heading} {c}.{s}\n{sentence} {}.\n\n",
                    1900 + s
                ));
            }
        }
        text
    };
    let many = doc("Heading", "The parties will meet in");
    let muchos = doc("Título", "Las partes se reunirán en");
    let (en, es) = (
        write(&d, "en.txt", many.as_bytes()),
        write(&d, "es.txt", muchos.as_bytes()),
    );
    let r = report(&run(&["check", &en, &es, "--format", "json"]));
    assert_eq!(
        r["en"]["sections"], 10_001,
        "the preamble and 10,000 sections"
    );
    assert_eq!(r["summary"]["total"], 0, "parallel versions");
    let mut deep = String::new();
    let mut path: Vec<String> = Vec::new();
    for level in 1..=20 {
        path.push("1".into());
        let label = if level == 1 {
            "1.".to_string()
        } else {
            path.join(".")
        };
        deep.push_str(&format!(
            "{label} Level {level}\nText of level {level}.\n\n"
        ));
    }
    let deep = write(&d, "deep.txt", deep.as_bytes());
    let out = run(&["segment", &deep, "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let tree: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // The tree nests each level in the one above.
    fn ids<'v>(sections: &'v serde_json::Value, out: &mut Vec<&'v str>) {
        for s in sections.as_array().into_iter().flatten() {
            out.extend(s["id"].as_str());
            ids(&s["children"], out);
        }
    }
    let mut ids_found = Vec::new();
    ids(&tree["sections"], &mut ids_found);
    let ids = ids_found;
    assert_eq!(ids.len(), 21, "{ids:?}");
    assert_eq!(ids[20], vec!["1"; 20].join("."));
    std::fs::remove_dir_all(&d).unwrap();
}

#[test]
fn right_to_left_and_combining_characters_give_a_report_with_exact_spans() {
    let d = dir("scripts");
    let odd = "\u{202e}1. مرحبا بالعالم\nالنص العربي هنا. Texte\u{301} combiné\u{0301}\u{0327} e\u{20dd}.\n";
    let a = write(&d, "a.txt", odd.as_bytes());
    let out = run(&["check", &a, "seeds/2025-2028.es.txt", "--format", "json"]);
    let r = report(&out);
    for section in r["sections"].as_array().unwrap() {
        for div in section["divergences"].as_array().unwrap() {
            if let (Some(span), Some(text)) = (div["en_span"].as_array(), div["en"].as_str()) {
                let (s, e) = (
                    span[0].as_u64().unwrap() as usize,
                    span[1].as_u64().unwrap() as usize,
                );
                assert!(odd.is_char_boundary(s) && odd.is_char_boundary(e));
                assert!(!text.is_empty());
            }
        }
    }
    std::fs::remove_dir_all(&d).unwrap();
}

#[test]
fn a_hundred_megabyte_line_is_segmented() {
    // One line of 100 MB: the seed's sentences run together with no line break.
    let d = dir("line");
    let line = EN.replace('\n', " ");
    let mut big = String::with_capacity(100 << 20);
    while big.len() < 100 << 20 {
        big.push_str(&line);
    }
    let path = write(&d, "big.txt", big.as_bytes());
    drop(big);
    let out = run(&["segment", &path, "--lang", "en"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let first = stdout.lines().next().unwrap_or("");
    assert!(first.contains("english, 1 sections"), "{first}");
    std::fs::remove_dir_all(&d).unwrap();
}
