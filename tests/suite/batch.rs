//! `paridad batch`: a JSON-lines manifest of pairs in, one JSON line a pair out, in manifest
//! order, failures reported in place without stopping the batch.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn paridad_in(dir: &Path, args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_paridad"))
        .current_dir(dir)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut input = child.stdin.take().expect("piped stdin");
    input
        .write_all(stdin.unwrap_or("").as_bytes())
        .expect("stdin takes the manifest");
    drop(input);
    child.wait_with_output().expect("the binary ends")
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fresh folder under the system's temporary one.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("paridad-batch-{name}-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    dir
}

fn lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

/// The report `paridad check --format json` prints for the same pair, run from `dir`.
fn check_report(dir: &Path, en: &str, es: &str) -> Value {
    let out = paridad_in(dir, &["check", en, es, "--format", "json"], None);
    assert!(out.status.success());
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn each_pair_gets_its_check_report_or_its_error_in_manifest_order() {
    let dir = scratch("order");
    std::fs::create_dir_all(dir.join("docs")).unwrap();
    for lang in ["en", "es"] {
        let name = format!("2025-2028.{lang}.txt");
        std::fs::copy(
            root().join("seeds").join(&name),
            dir.join("docs").join(&name),
        )
        .unwrap();
    }
    let manifest = [
        r#"{"id": "plan", "en": "docs/2025-2028.en.txt", "es": "docs/2025-2028.es.txt"}"#,
        r#"{"id": 7, "en": "docs/2025-2028.es.txt", "es": "docs/2025-2028.en.txt", "extra": true}"#,
        "",
        r#"{"id": "gone", "en": "docs/missing.txt", "es": "docs/2025-2028.es.txt"}"#,
        "{not json",
        r#"{"id": "self", "en": "docs/2025-2028.en.txt", "es": "docs/2025-2028.en.txt"}"#,
        r#"{"id": "half", "en": "docs/2025-2028.en.txt"}"#,
        r#"{"id": "dated", "en": "docs/2025-2028.en.txt", "es": "docs/2025-2028.es.txt", "doc_date": "2031-02-30"}"#,
    ]
    .join("\n");
    std::fs::write(dir.join("manifest.jsonl"), manifest + "\n").unwrap();
    // Run from elsewhere: paths are relative to the manifest's folder.
    let out = paridad_in(
        &root(),
        &[
            "batch",
            dir.join("manifest.jsonl").to_str().unwrap(),
            "--jobs",
            "2",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    let got = lines(&out);
    let ids: Vec<&Value> = got.iter().map(|l| &l["id"]).collect();
    assert_eq!(
        ids,
        [
            &"plan".into(),
            &7.into(),
            &"gone".into(),
            &Value::Null,
            &"self".into(),
            &"half".into(),
            &"dated".into()
        ]
    );

    // The reports are what `check --format json` prints for the same files.
    let mut expected = check_report(&dir, "docs/2025-2028.en.txt", "docs/2025-2028.es.txt");
    let mut plan = got[0]["report"].clone();
    for report in [&mut expected, &mut plan] {
        // The paths differ only by the manifest's folder.
        for side in ["en", "es"] {
            let path = report[side]["path"].as_str().unwrap().to_string();
            let file = Path::new(&path)
                .file_name()
                .unwrap()
                .to_str()
                .unwrap()
                .to_string();
            report[side]["path"] = file.into();
        }
    }
    assert_eq!(plan, expected);
    assert_eq!(got[0]["report"]["schema"], "paridad.report.v1");
    assert!(got[0].get("warnings").is_none());
    // Given Spanish first, the report is the same, with a warning.
    assert_eq!(got[1]["report"]["summary"], got[0]["report"]["summary"]);
    assert_eq!(got[1]["report"]["sections"], got[0]["report"]["sections"]);
    assert!(got[1]["warnings"][0]
        .as_str()
        .unwrap()
        .contains("is the Spanish version"));

    let error = |k: usize| {
        got[k]["error"]
            .as_str()
            .unwrap_or_else(|| panic!("{}", got[k]))
    };
    assert!(got[2].get("report").is_none());
    assert!(error(2).contains("missing.txt"), "{}", error(2));
    assert!(error(3).starts_with("manifest line 5: "), "{}", error(3));
    assert_eq!(got[4]["report"]["summary"]["total"], 0);
    assert!(got[4]["warnings"][0]
        .as_str()
        .unwrap()
        .contains("are in english"));
    assert_eq!(error(5), "manifest line 7: no \"es\"");
    assert!(
        error(6).starts_with("manifest line 8: doc_date"),
        "{}",
        error(6)
    );

    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.ends_with("manifest.jsonl: 3 pairs checked, 4 failed\n"),
        "{stderr}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn many_pairs_keep_their_order_whatever_the_threads() {
    let seeds = root().join("seeds");
    let en = seeds.join("2025-2028.en.txt");
    let es = seeds.join("2025-2028.es.txt");
    let other = seeds.join("2021.en.txt");
    // 41 lines: more than one chunk of pairs, with failures scattered among them.
    let manifest: String = (0..41)
        .map(|i| {
            let (a, b) = match i % 3 {
                0 => (&en, &es),
                1 => (&other, &es),
                _ => (&en, &seeds.join("absent.txt")),
            };
            format!(
                "{{\"id\": {i}, \"en\": {:?}, \"es\": {:?}}}\n",
                a.to_str().unwrap(),
                b.to_str().unwrap()
            )
        })
        .collect();
    let runs: Vec<Vec<Value>> = ["1", "2"]
        .iter()
        .map(|jobs| {
            let out = paridad_in(&root(), &["batch", "-", "--jobs", jobs], Some(&manifest));
            assert!(out.status.success());
            lines(&out)
        })
        .collect();
    let ids: Vec<u64> = runs[1].iter().map(|l| l["id"].as_u64().unwrap()).collect();
    assert_eq!(ids, (0..41).collect::<Vec<u64>>());
    for (k, line) in runs[1].iter().enumerate() {
        assert_eq!(line.get("error").is_some(), k % 3 == 2, "{k}");
    }
    assert_eq!(runs[0], runs[1]);
}

#[test]
fn numbered_lines_keep_the_whole_manifests_line_numbers() {
    // As a cluster sends one shard of a larger manifest: each line with its number and a tab.
    let seeds = root().join("seeds");
    let (en, es) = (
        seeds.join("2025-2028.en.txt"),
        seeds.join("2025-2028.es.txt"),
    );
    let pair = format!(r#"{{"id": "plan", "en": {en:?}, "es": {es:?}}}"#);
    let missing = format!(r#"{{"id": "gone", "en": {en:?}, "es": "/no/such/es.txt"}}"#);
    let shard = format!("41\t{pair}\n42\t\n43\t{{not json\n44\t{missing}\n");
    let out = paridad_in(&root(), &["batch", "--numbered", "-"], Some(&shard));
    assert_eq!(out.status.code(), Some(0));
    let got = lines(&out);
    let numbers: Vec<Option<u64>> = got.iter().map(|r| r["line"].as_u64()).collect();
    assert_eq!(numbers, [Some(41), Some(43), Some(44)]);
    assert_eq!(got[0]["report"]["schema"], "paridad.report.v1");
    let error = |k: usize| got[k]["error"].as_str().unwrap().to_string();
    assert!(error(1).starts_with("manifest line 43: "), "{}", error(1));
    assert!(error(2).starts_with("manifest line 44: "), "{}", error(2));
    // The same lines at the same place of a whole manifest give the same records.
    let manifest = format!("{}{pair}\n\n{{not json\n{missing}\n", "\n".repeat(40));
    let whole = paridad_in(&root(), &["batch", "-"], Some(&manifest));
    assert_eq!(lines(&whole), got);
    // A line without its number is the caller's mistake: the batch stops, exit 2.
    let unnumbered = paridad_in(&root(), &["batch", "--numbered", "-"], Some(&pair));
    assert_eq!(unnumbered.status.code(), Some(2));
    let stderr = String::from_utf8(unnumbered.stderr).unwrap();
    assert!(
        stderr.contains("--numbered: line 1 of the input does not start with a line number"),
        "{stderr}"
    );
}

#[test]
fn a_manifest_that_cannot_be_read_is_one_line_and_exit_2() {
    for (path, says) in [
        ("no/such/manifest.jsonl", "no/such/manifest.jsonl: "),
        ("seeds", "seeds: is a directory, not a manifest"),
    ] {
        let out = paridad_in(&root(), &["batch", path], None);
        assert_eq!(out.status.code(), Some(2));
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(stderr.starts_with(&format!("paridad: {says}")), "{stderr}");
        assert_eq!(stderr.lines().count(), 1);
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn unreadable_lines_and_unknown_fields_are_reported_in_place() {
    let dir = scratch("lines");
    let en = root().join("seeds/2025-2028.en.txt");
    let es = root().join("seeds/2025-2028.es.txt");
    let pair = |id: &str, extra: &str| {
        format!(
            "{{\"id\": {id:?}, \"en\": {:?}, \"es\": {:?}{extra}}}",
            en.to_str().unwrap(),
            es.to_str().unwrap()
        )
    };
    let mut manifest = Vec::new();
    // A byte-order mark before the first line, as Windows editors write it.
    manifest.extend_from_slice("\u{feff}".as_bytes());
    manifest.extend_from_slice(pair("first", "").as_bytes());
    manifest.extend_from_slice(b"\r\n{\"id\": \"bad\", \"en\": \"caf\xe9.txt\"}\n");
    manifest.extend_from_slice(pair("typo", ", \"lang\": \"en,es\"").as_bytes());
    manifest.push(b'\n');
    std::fs::write(dir.join("m.jsonl"), manifest).unwrap();
    let out = paridad_in(&dir, &["batch", "m.jsonl"], None);
    assert_eq!(out.status.code(), Some(0));
    let got = lines(&out);
    assert_eq!(got.len(), 3);
    assert_eq!(got[0]["id"], "first");
    assert!(got[0].get("report").is_some(), "{}", got[0]);
    // `{"id": "bad", "en": "caf` is 24 bytes: the 25th is the Latin-1 é.
    assert_eq!(got[1]["error"], "manifest line 2: not UTF-8 (byte 25)");
    assert_eq!(got[1]["line"], 2);
    assert!(got[2].get("report").is_some());
    let warning = got[2]["warnings"][0].as_str().unwrap();
    assert!(
        warning.starts_with("manifest line 3: unknown field \"lang\""),
        "{warning}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_reader_that_goes_away_ends_the_batch() {
    let seeds = root().join("seeds");
    let line = format!(
        "{{\"id\": 1, \"en\": {:?}, \"es\": {:?}}}\n",
        seeds.join("2025-2028.en.txt").to_str().unwrap(),
        seeds.join("2025-2028.es.txt").to_str().unwrap()
    );
    let manifest = line.repeat(400);
    let mut child = Command::new(env!("CARGO_BIN_EXE_paridad"))
        .args(["batch", "-", "--jobs", "1"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut input = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || input.write_all(manifest.as_bytes()));
    // Read one line, then close the pipe.
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 64];
    std::io::Read::read_exact(&mut stdout, &mut first).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap().ok();
    assert_eq!(out.status.code(), Some(0));
    // It stopped after a chunk or two, not after all 400 pairs.
    let stderr = String::from_utf8(out.stderr).unwrap();
    let checked: usize = stderr
        .rsplit(": ")
        .next()
        .and_then(|s| s.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{stderr}"));
    assert!(checked < 400, "{stderr}");
}
