//! The JSON reports against their JSON Schemas (`schemas/`): every `check --format json` report
//! paridad makes on its English–Spanish inputs (the seed pair with each option, glossary and
//! baseline, the segment fixtures, a batch, and through the library in either order) is a valid
//! `paridad.report.v1`; the reports of two English versions (through the library and the CLI)
//! and the hand-written German–French example are valid `paridad.report.v2`s; and each schema
//! refuses reports broken one way each, everything `shared/tools/validate_report.py` refuses
//! among them.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use jsonschema::Validator;
use paridad::report::{CheckReport, ReportOptions};
use paridad::{Checker, Document, Lang};
use serde_json::{json, Value};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The schema of `paridad.report.VERSION`, checked against the draft 2020-12 meta-schema.
fn schema(version: &str) -> Value {
    let path = root()
        .join("schemas")
        .join(format!("paridad.report.{version}.schema.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    let schema: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    if let Err(e) = jsonschema::draft202012::meta::validate(&schema) {
        panic!("{path:?} is not a draft 2020-12 schema: {e}");
    }
    schema
}

fn validator(version: &str) -> Validator {
    jsonschema::draft202012::new(&schema(version))
        .unwrap_or_else(|e| panic!("the {version} schema compiles: {e}"))
}

/// Panics with the first errors (where in the report, and why) unless `report` is valid.
fn assert_valid(validator: &Validator, report: &Value, what: &str) {
    let errors: Vec<String> = validator
        .iter_errors(report)
        .take(5)
        .map(|e| format!("  at {}: {e}", e.instance_path))
        .collect();
    assert!(errors.is_empty(), "{what}:\n{}", errors.join("\n"));
}

/// Facts the schema cannot state: the summary adds up, and counts the findings listed.
fn assert_counts(report: &Value, what: &str) {
    let summary = &report["summary"];
    let count = |k: &str| summary[k].as_u64().unwrap_or(u64::MAX);
    assert_eq!(
        count("total"),
        count("error") + count("warning") + count("info"),
        "{what}"
    );
    let listed: usize = report["sections"]
        .as_array()
        .map(|s| {
            s.iter()
                .map(|s| s["divergences"].as_array().map_or(0, Vec::len))
                .sum()
        })
        .unwrap_or(0);
    assert_eq!(count("total"), listed as u64, "{what}");
}

fn run(dir: &Path, args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_paridad"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("the binary runs");
    assert!(
        out.status.success(),
        "paridad {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// The report `paridad check EN ES --format json ARGS…` prints, run from the crate's folder.
fn check_json(en: &str, es: &str, args: &[&str]) -> Value {
    let mut all = vec!["check", en, es, "--format", "json"];
    all.extend_from_slice(args);
    let out = run(&root(), &all);
    serde_json::from_slice(&out.stdout).expect("the report is JSON")
}

const SEED_EN: &str = "seeds/2025-2028.en.txt";
const SEED_ES: &str = "seeds/2025-2028.es.txt";

/// A fresh folder under the system's temporary one.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("paridad-schema-{name}-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    dir
}

#[test]
fn the_seed_pair_reports_v1_with_every_option_and_glossary() {
    let v1 = validator("v1");
    let mut runs: Vec<(String, Vec<String>)> = [
        vec![],
        vec!["--min-severity", "info"],
        vec!["--min-severity", "warning"],
        vec!["--min-severity", "error"],
        vec![
            "--ignore",
            "structure",
            "--ignore",
            "date",
            "--min-confidence",
            "0.5",
            "--doc-date",
            "2025-01-02",
        ],
    ]
    .into_iter()
    .map(|args| {
        let args: Vec<String> = args.into_iter().map(String::from).collect();
        (args.join(" "), args)
    })
    .collect();
    let mut glossaries: Vec<String> = std::fs::read_dir(root().join("tests/fixtures/glossary"))
        .expect("the glossary fixtures")
        .map(|e| {
            format!(
                "tests/fixtures/glossary/{}",
                e.unwrap().file_name().to_string_lossy()
            )
        })
        .collect();
    glossaries.sort();
    assert_eq!(glossaries.len(), 4, "{glossaries:?}");
    for g in &glossaries {
        runs.push((
            format!("--glossary {g}"),
            vec!["--glossary".into(), g.clone()],
        ));
    }
    for (name, args) in &runs {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let report = check_json(SEED_EN, SEED_ES, &args);
        assert_valid(&v1, &report, name);
        assert_counts(&report, name);
        if !name.contains("error") {
            assert!(report["summary"]["total"].as_u64() > Some(0), "{name}");
        }
    }
    // Given in the other order, the English version is still `en`.
    let report = check_json(SEED_ES, SEED_EN, &[]);
    assert_valid(&v1, &report, "the Spanish file first");
    assert_eq!(report["en"]["path"], SEED_EN);
}

#[test]
fn reports_with_a_baseline_written_and_read_are_v1() {
    let v1 = validator("v1");
    let dir = scratch("baseline");
    let baseline = dir.join("reviewed.json");
    let baseline = baseline.to_str().expect("a UTF-8 temporary folder");
    let written = check_json(SEED_EN, SEED_ES, &["--write-baseline", baseline]);
    assert_valid(&v1, &written, "--write-baseline");
    let read = check_json(SEED_EN, SEED_ES, &["--baseline", baseline]);
    assert_valid(&v1, &read, "--baseline");
    assert_counts(&read, "--baseline");
    assert_eq!(read["options"]["baseline"], baseline);
    assert_eq!(read["summary"]["hidden"], written["summary"]["total"]);
    assert!(read["summary"]["hidden"].as_u64() > Some(0));
    std::fs::remove_dir_all(&dir).ok();
}

/// The segment fixtures of `lang`, by name.
fn fixtures(lang: &str) -> Vec<String> {
    let dir = root().join("tests/fixtures/segment");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("the segment fixtures")
        .filter_map(|e| {
            let path = e.ok()?.path();
            if path.extension()? != "toml" {
                return None;
            }
            let expect: toml::Table = std::fs::read_to_string(&path).ok()?.parse().ok()?;
            if expect.get("lang")?.as_str()? != lang {
                return None;
            }
            Some(path.file_stem()?.to_str()?.to_string())
        })
        .collect();
    names.sort();
    names
}

#[test]
fn every_english_spanish_pair_of_segment_fixtures_reports_v1() {
    let v1 = validator("v1");
    let (en_names, es_names) = (fixtures("en"), fixtures("es"));
    for (names, must) in [(&en_names, "treaty_en"), (&es_names, "treaty_es")] {
        assert!(
            names.len() >= 10 && names.iter().any(|n| n == must),
            "{names:?}"
        );
    }
    assert!(
        en_names.iter().any(|n| n == "appendix") && es_names.iter().any(|n| n == "appendix_es")
    );
    let read = |name: &str| {
        std::fs::read_to_string(root().join(format!("tests/fixtures/segment/{name}.txt"))).unwrap()
    };
    let es_texts: Vec<String> = es_names.iter().map(|n| read(n)).collect();
    let mut findings = 0;
    for en_name in &en_names {
        let en_text = read(en_name);
        let en = Document::parse(&en_text, Lang::En).unwrap();
        for (es_name, es_text) in es_names.iter().zip(&es_texts) {
            let es = Document::parse(es_text, Lang::Es).unwrap();
            let check = Checker::new().check(&en, &es);
            let paths = [en_name.as_str(), es_name.as_str()];
            let options = ReportOptions {
                doc_date: check.doc_date.map(|d| d.to_string()),
                ..ReportOptions::default()
            };
            let report = serde_json::to_value(CheckReport::new(&check, &en, &es, paths, options))
                .expect("the report serialises");
            let what = format!("{en_name} against {es_name}");
            assert_valid(&v1, &report, &what);
            assert_counts(&report, &what);
            findings += check.divergences.len();
        }
    }
    assert!(findings > 1000, "{findings} findings");
}

#[test]
fn each_report_of_a_batch_is_v1() {
    let v1 = validator("v1");
    let dir = scratch("batch");
    let pairs = [
        (SEED_EN, SEED_ES, ""),
        (SEED_ES, SEED_EN, r#", "doc_date": "2026-01-31""#),
        (
            "tests/fixtures/segment/treaty_en.txt",
            "tests/fixtures/segment/treaty_es.txt",
            "",
        ),
        (
            "tests/fixtures/segment/appendix.txt",
            "tests/fixtures/segment/appendix_es.txt",
            r#", "langs": "en,es""#,
        ),
    ];
    let manifest: String = pairs
        .iter()
        .enumerate()
        .map(|(k, (en, es, more))| {
            let (en, es) = (root().join(en), root().join(es));
            format!(
                "{{\"id\": {k}, \"en\": {}, \"es\": {}{more}}}\n",
                json!(en.to_str().unwrap()),
                json!(es.to_str().unwrap())
            )
        })
        .collect();
    std::fs::write(dir.join("manifest.jsonl"), manifest).unwrap();
    let out = run(&dir, &["batch", "manifest.jsonl", "--jobs", "2"]);
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    assert_eq!(lines.len(), pairs.len());
    for (k, line) in lines.iter().enumerate() {
        assert_eq!(line["id"], k, "{line}");
        assert!(line.get("error").is_none(), "{line}");
        assert_valid(&v1, &line["report"], &format!("batch line {}", k + 1));
        assert_counts(&line["report"], &format!("batch line {}", k + 1));
    }
    assert_eq!(lines[1]["report"]["options"]["doc_date"], "2026-01-31");
    std::fs::remove_dir_all(&dir).ok();
}

/// The JSON report of a check of `a` against `b` made through the library, as
/// `paridad check` makes it.
fn library_report(a: &Document<'_>, b: &Document<'_>, paths: [&str; 2]) -> Value {
    let check = Checker::new().check(a, b);
    let options = ReportOptions {
        doc_date: check.doc_date.map(|d| d.to_string()),
        ..ReportOptions::default()
    };
    serde_json::to_value(CheckReport::new(&check, a, b, paths, options))
        .expect("the report serialises")
}

/// The divergences of a report, all sections together.
fn divergences(report: &Value) -> Vec<&Value> {
    report["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["divergences"].as_array().unwrap())
        .collect()
}

#[test]
fn an_english_english_check_is_v2_and_english_spanish_is_v1_in_either_order() {
    let (v1, v2) = (validator("v1"), validator("v2"));
    let read = |path: &str| std::fs::read_to_string(root().join(path)).unwrap();
    let plan = read(SEED_EN);
    // A second English version with one deadline moved.
    let edited = plan.replacen("by March 31, 2026", "by April 30, 2026", 1);
    assert_ne!(edited, plan);
    let older = read("seeds/2021.en.txt");
    let parse = |text| Document::parse(text, Lang::En).unwrap();
    let (plan_doc, edited_doc, older_doc) = (parse(&plan), parse(&edited), parse(&older));
    let runs = [
        (&plan_doc, &edited_doc, [SEED_EN, "edited.en.txt"]),
        (&older_doc, &plan_doc, ["seeds/2021.en.txt", SEED_EN]),
    ];
    let mut reports = Vec::new();
    for (a, b, paths) in runs {
        let what = format!("{} against {}", paths[0], paths[1]);
        let report = library_report(a, b, paths);
        assert_eq!(report["schema"], "paridad.report.v2", "{what}");
        assert_valid(&v2, &report, &what);
        assert_counts(&report, &what);
        assert!(!v1.is_valid(&report), "v1 takes {what}");
        // The sides in the order given, each with its language.
        assert_eq!(
            (&report["a"]["path"], &report["b"]["path"]),
            (&json!(paths[0]), &json!(paths[1])),
            "{what}"
        );
        assert_eq!(
            (&report["a"]["lang"], &report["b"]["lang"]),
            (&json!("en"), &json!("en"))
        );
        assert!(report.get("en").is_none() && report["sections"][0].get("en_id").is_none());
        assert!(report["summary"]["total"].as_u64() > Some(0), "{what}");
        reports.push(report);
    }
    // The moved deadline, with evidence on both sides and the sides named in the message.
    let dates: Vec<&Value> = divergences(&reports[0])
        .into_iter()
        .filter(|d| d["kind"] == "date")
        .collect();
    assert_eq!(dates.len(), 1, "{dates:?}");
    let d = dates[0];
    assert_eq!(
        (&d["a"], &d["b"]),
        (&json!("by March 31, 2026"), &json!("by April 30, 2026"))
    );
    assert_eq!(
        d["message"],
        "the date differs: 2026-03-31 in English (a), 2026-04-30 in English (b)"
    );
    let start = d["a_span"][0].as_u64().unwrap() as usize;
    assert!(plan[start..].starts_with("by March 31, 2026"));
    assert_eq!(d["a_at"], d["b_at"], "the same place in both versions");
    // The 2021 plan against the 2025 one: sections and sentences on one side only, `null` on
    // the other.
    let one_sided = divergences(&reports[1])
        .into_iter()
        .filter(|d| d["a"].is_null() != d["b"].is_null())
        .count();
    assert!(one_sided > 0);

    // The CLI writes v2 for two versions in one language too.
    let report = check_json(SEED_EN, "seeds/2021.en.txt", &[]);
    assert_valid(&v2, &report, "paridad check on two English versions");
    assert_eq!(report["b"]["path"], "seeds/2021.en.txt");

    // English and Spanish, in either order: v1, with the English version as `en`, and the
    // same report whichever came first (the paths aside).
    let spanish = read(SEED_ES);
    let es_doc = Document::parse(&spanish, Lang::Es).unwrap();
    let orders = [
        library_report(&plan_doc, &es_doc, [SEED_EN, SEED_ES]),
        library_report(&es_doc, &plan_doc, [SEED_ES, SEED_EN]),
    ];
    for report in &orders {
        assert_valid(&v1, report, "the seed pair through the library");
        assert!(!v2.is_valid(report));
        assert_eq!(
            (&report["en"]["path"], &report["es"]["lang"]),
            (&json!(SEED_EN), &json!("es"))
        );
        assert!(report.get("a").is_none());
    }
    assert_eq!(orders[0], orders[1]);
}

fn v2_example() -> Value {
    let path = root().join("tests/fixtures/report.v2.example.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn the_v2_example_is_v2_and_not_v1() {
    let (v1, v2) = (validator("v1"), validator("v2"));
    let example = v2_example();
    assert_valid(&v2, &example, "tests/fixtures/report.v2.example.json");
    assert_counts(&example, "the v2 example");
    assert!(!v1.is_valid(&example));
    // A v1 report is not v2, even relabelled.
    let mut report = check_json(SEED_EN, SEED_ES, &[]);
    assert!(!v2.is_valid(&report));
    report["schema"] = json!("paridad.report.v2");
    assert!(!v2.is_valid(&report));
}

/// `report` with every `en…`/`es…` key renamed to `a…`/`b…`, as v2 names the sides.
fn to_sides(report: &Value) -> Value {
    match report {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| {
                    let key = match k.split_at(k.find('_').unwrap_or(k.len())) {
                        ("en", rest) => format!("a{rest}"),
                        ("es", rest) => format!("b{rest}"),
                        _ => k.clone(),
                    };
                    (key, to_sides(v))
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(to_sides).collect()),
        other => other.clone(),
    }
}

#[test]
fn v2_is_v1_with_sides_and_refuses_english_spanish() {
    let v2 = validator("v2");
    let mut report = to_sides(&check_json(
        SEED_EN,
        SEED_ES,
        &["--glossary", "tests/fixtures/glossary/government.tsv"],
    ));
    report["schema"] = json!("paridad.report.v2");
    assert!(report["sections"][1]["a_id"].is_string(), "renamed");
    // English and Spanish, in either order, are v1's.
    assert!(!v2.is_valid(&report));
    report["a"]["lang"] = json!("es");
    report["b"]["lang"] = json!("en");
    assert!(!v2.is_valid(&report));
    for (a, b) in [("en", "fr"), ("fr", "es"), ("en", "en"), ("de", "fr")] {
        report["a"]["lang"] = json!(a);
        report["b"]["lang"] = json!(b);
        assert_valid(&v2, &report, &format!("the seed report as {a}–{b}"));
    }
    report["b"]["lang"] = json!("French");
    assert!(!v2.is_valid(&report));
}

/// A copy of `report` changed by `edit`.
fn broken(report: &Value, edit: impl FnOnce(&mut Value)) -> Value {
    let mut copy = report.clone();
    edit(&mut copy);
    copy
}

/// The first divergence with evidence on both sides, as a JSON pointer.
fn first_divergence(report: &Value) -> String {
    let sections = report["sections"].as_array().unwrap();
    for (k, s) in sections.iter().enumerate() {
        for (i, d) in s["divergences"].as_array().unwrap().iter().enumerate() {
            if d["en"].is_string() && d["es"].is_string() && d["pair"].is_u64() {
                return format!("/sections/{k}/divergences/{i}");
            }
        }
    }
    panic!("no divergence with both sides");
}

#[test]
fn the_schemas_refuse_broken_reports() {
    let (v1, v2) = (validator("v1"), validator("v2"));
    let report = check_json(SEED_EN, SEED_ES, &[]);
    assert_valid(&v1, &report, "the seed report");
    let d = first_divergence(&report);
    let at = |pointer: &str| format!("{d}{pointer}");
    type Edit = Box<dyn Fn(&mut Value)>;
    // Sets (or adds) the field at `pointer`.
    let set = |pointer: String, value: Value| -> Edit {
        Box::new(move |r: &mut Value| {
            let (parent, key) = pointer.split_at(pointer.rfind('/').expect("a pointer"));
            let object = r.pointer_mut(parent).and_then(Value::as_object_mut);
            object
                .expect(parent)
                .insert(key[1..].to_string(), value.clone());
        })
    };
    let remove = |parent: &'static str, key: &'static str| -> Edit {
        Box::new(move |r: &mut Value| {
            let object = r.pointer_mut(parent).and_then(Value::as_object_mut);
            assert!(object.expect(parent).remove(key).is_some(), "{key}");
        })
    };
    let cases: Vec<(&str, Edit)> = vec![
        // What validate_report.py refuses.
        ("no summary", remove("", "summary")),
        (
            "schema v2",
            set("/schema".into(), json!("paridad.report.v2")),
        ),
        ("no schema", remove("", "schema")),
        ("no sections", remove("", "sections")),
        ("empty sections", set("/sections".into(), json!([]))),
        ("en_id a number", set("/sections/1/en_id".into(), json!(1))),
        ("no es_id", remove("/sections/1", "es_id")),
        (
            "neither id",
            Box::new(|r: &mut Value| {
                for key in ["en_id", "es_id", "en_title", "es_title"] {
                    r["sections"][1][key] = Value::Null;
                }
            }),
        ),
        (
            "pairs not a list",
            set("/sections/1/pairs".into(), json!({})),
        ),
        (
            "pair es null",
            set("/sections/1/pairs/0/es".into(), Value::Null),
        ),
        (
            "pair score a string",
            set("/sections/1/pairs/0/score".into(), json!("0.9")),
        ),
        ("no divergences", remove("/sections/1", "divergences")),
        ("unknown kind", set(at("/kind"), json!("tone"))),
        ("kind in capitals", set(at("/kind"), json!("Date"))),
        ("unknown severity", set(at("/severity"), json!("fatal"))),
        ("evidence a number", set(at("/en"), json!(3))),
        (
            "span of three numbers",
            set(at("/en_span"), json!([1, 2, 3])),
        ),
        ("span of one number", set(at("/es_span"), json!([1]))),
        ("span of fractions", set(at("/en_span"), json!([1.5, 2]))),
        ("empty message", set(at("/message"), json!(""))),
        // What it lets through.
        ("negative span", set(at("/en_span"), json!([-1, 2]))),
        ("span of strings", set(at("/en_span"), json!(["1", "2"]))),
        ("at without a column", set(at("/en_at"), json!("12"))),
        ("at from 0", set(at("/es_at"), json!("0:1"))),
        ("at as numbers", set(at("/es_at"), json!([3, 4]))),
        ("span without evidence", set(at("/en"), Value::Null)),
        ("at without span", set(at("/es_span"), Value::Null)),
        ("confidence above 1", set(at("/confidence"), json!(1.5))),
        ("pair negative", set(at("/pair"), json!(-1))),
        ("id of another kind", set(at("/kind"), json!("addition"))),
        ("id not a hash", set(at("/id"), json!("number-xyz"))),
        (
            "unknown top-level field",
            set("/warnings".into(), json!([])),
        ),
        ("unknown divergence field", set(at("/note"), json!("x"))),
        (
            "unknown section field",
            set("/sections/1/section".into(), json!(1)),
        ),
        ("en version in Spanish", set("/en/lang".into(), json!("es"))),
        ("no en version", remove("", "en")),
        ("no sentence count", remove("/es", "sentences")),
        (
            "summary count negative",
            set("/summary/hidden".into(), json!(-1)),
        ),
        (
            "summary count a string",
            set("/summary/total".into(), json!("11")),
        ),
        ("no filter", remove("/options", "filter")),
        (
            "ignored twice",
            set("/options/filter/ignored".into(), json!(["date", "date"])),
        ),
        (
            "bad min_severity",
            set("/options/filter/min_severity".into(), json!("low")),
        ),
        (
            "doc_date not a date",
            set("/options/doc_date".into(), json!("2025-13-01")),
        ),
        (
            "dateline not a date",
            set("/es/date".into(), json!("18/09/2025")),
        ),
        (
            "moved a string",
            set("/sections/1/moved".into(), json!("false")),
        ),
        ("score above 1", set("/sections/1/score".into(), json!(2.0))),
        (
            "id without title",
            set("/sections/1/en_title".into(), Value::Null),
        ),
        (
            "index negative",
            set("/sections/1/pairs/0/en_idx".into(), json!([-1])),
        ),
        (
            "empty side with text",
            set("/sections/1/pairs/0/es_idx".into(), json!([])),
        ),
    ];
    assert!(
        report.pointer("/sections/1/pairs/0").is_some(),
        "section 1 has a pair"
    );
    for (name, edit) in &cases {
        let bad = broken(&report, edit);
        assert_ne!(bad, report, "{name}: the edit changes the report");
        assert!(!v1.is_valid(&bad), "v1 takes a report with {name}");
    }
    // The same breakages on the v2 example, through its side names.
    let example = v2_example();
    let d = "/sections/1/divergences/0";
    let v2_cases: Vec<(&str, Edit)> = vec![
        ("no summary", remove("", "summary")),
        ("unknown kind", set(format!("{d}/kind"), json!("tone"))),
        (
            "span of three numbers",
            set(format!("{d}/a_span"), json!([1, 2, 3])),
        ),
        ("an en side", set("/en".into(), json!({}))),
        ("no lang", remove("/b", "lang")),
        (
            "schema v1",
            set("/schema".into(), json!("paridad.report.v1")),
        ),
    ];
    for (name, edit) in &v2_cases {
        let bad = broken(&example, edit);
        assert_ne!(bad, example, "{name}: the edit changes the report");
        assert!(!v2.is_valid(&bad), "v2 takes a report with {name}");
    }
}
