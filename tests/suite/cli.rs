//! The `paridad segment` command, run as a user would.

use std::process::Command;

use super::util::paridad;

#[test]
fn segment_prints_an_outline() {
    let out = paridad(&["segment", "seeds/2025-2028.es.txt"]);
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.starts_with("seeds/2025-2028.es.txt: spanish, 28 sections, 93 sentences\n"),
        "{stdout}"
    );
    assert!(stdout.contains("date:  2025-09-18 (line 5)"));
    assert!(
        stdout.contains("\n    I.4       3 sentences  Colaboración en seguridad económica\n"),
        "{stdout}"
    );
    assert!(stdout.contains("end-mark"));
}

#[test]
fn segment_json_is_the_full_tree() {
    let out = paridad(&[
        "segment",
        "seeds/2025-2028.en.txt",
        "--lang",
        "en",
        "--format",
        "json",
    ]);
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["lang"], "en");
    assert_eq!(json["sentence_count"], 91);
    let top = json["sections"].as_array().unwrap();
    let ids: Vec<&str> = top.iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["preamble", "I", "II", "III", "IV"]);
    let i4 = &top[1]["children"][3];
    assert_eq!(i4["id"], "I.4");
    assert_eq!(i4["title"], "Economic Security Collaboration");
    let span = i4["span"].as_array().unwrap();
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/2025-2028.en.txt"
    ))
    .unwrap();
    let (s, e) = (
        span[0].as_u64().unwrap() as usize,
        span[1].as_u64().unwrap() as usize,
    );
    assert!(text[s..e].starts_with("4. Economic Security Collaboration\n"));
    assert_eq!(
        i4["paragraphs"][0]["sentences"].as_array().unwrap().len(),
        3
    );
}

#[test]
fn errors_are_one_line_naming_the_file_with_exit_2() {
    let out = paridad(&["segment", "seeds/missing.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "paridad: seeds/missing.txt: no such file\n"
    );

    let out = paridad(&["segment", "seeds"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("paridad: seeds: ") && stderr.lines().count() == 1,
        "{stderr}"
    );

    let out = paridad(&["segment", "seeds/2025-2028.en.txt", "--lang", "fr"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "paridad: unknown language \"fr\": expected one of en, es\n"
    );
}

#[test]
fn empty_input_from_stdin_is_a_clear_error() {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_paridad"))
        .args(["segment", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"   \n\n").unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "paridad: -: the document holds only white space\n"
    );
}

/// A file in a fresh temporary directory, removed with it.
fn temp_file(name: &str, contents: &str) -> (std::path::PathBuf, std::path::PathBuf) {
    let dir = std::env::temp_dir().join(format!("paridad-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    (dir, path)
}

#[test]
fn align_text_shows_section_pairs_and_sentence_pairs() {
    let out = paridad(&["align", "seeds/2025-2028.en.txt", "seeds/2025-2028.es.txt"]);
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.matches("\n== ").count() + 1, 28, "28 section pairs");
    assert!(stdout.contains(
        "== I.4 Economic Security Collaboration  <>  I.4 Colaboración en seguridad económica  ["
    ));
    // The Spanish dateline has no English counterpart.
    assert!(stdout
        .contains(" 0-1 en: -\n              es: Ciudad de México, 18 de septiembre de 2025\n"));
}

#[test]
fn align_json_has_the_report_shape_in_either_order() {
    for args in [
        ["seeds/2025-2028.en.txt", "seeds/2025-2028.es.txt"],
        ["seeds/2025-2028.es.txt", "seeds/2025-2028.en.txt"],
    ] {
        let out = paridad(&["align", args[0], args[1], "--format", "json"]);
        assert!(out.status.success());
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let sections = json["sections"].as_array().unwrap();
        assert_eq!(sections.len(), 28);
        let first = &sections[0];
        assert_eq!(first["en_id"], "preamble");
        assert_eq!(first["es_id"], "preamble");
        assert_eq!(first["en_title"], "Canada-Mexico Action Plan 2025-2028");
        let pairs = first["pairs"].as_array().unwrap();
        // The dateline: an empty English side is "" with no indexes.
        assert_eq!(pairs[0]["en"], "");
        assert_eq!(pairs[0]["en_idx"], serde_json::json!([]));
        assert_eq!(pairs[0]["es_idx"], serde_json::json!([0]));
        assert!(pairs[1]["en"]
            .as_str()
            .unwrap()
            .starts_with("Canada and Mexico share over 81 years"));
        // The 1-2 bead: two Spanish sentences joined by one space.
        let joined = pairs[5]["es"].as_str().unwrap();
        assert!(joined.ends_with("y sostenibilidad. Esta nueva estructura refleja las prioridades compartidas que darán forma a una relación bilateral resiliente y dinámica."), "{joined}");
        assert_eq!(pairs[5]["es_idx"], serde_json::json!([5, 6]));
        for s in sections {
            let score = s["score"].as_f64().unwrap();
            assert!((0.0..=1.0).contains(&score));
            for p in s["pairs"].as_array().unwrap() {
                assert!((0.0..=1.0).contains(&p["score"].as_f64().unwrap()));
            }
        }
    }
}

#[test]
fn align_json_marks_a_missing_section_with_null() {
    let es = std::fs::read_to_string("seeds/2025-2028.es.txt").unwrap();
    let start = es.find("- 4. ").expect("the Spanish I.4 heading");
    let end = es.find("- 5. ").expect("the Spanish I.5 heading");
    let cut = format!("{}{}", &es[..start], &es[end..]);
    let (dir, path) = temp_file("es-without-I4.txt", &cut);
    let out = paridad(&[
        "align",
        "seeds/2025-2028.en.txt",
        path.to_str().unwrap(),
        "--format",
        "json",
    ]);
    std::fs::remove_dir_all(dir).unwrap();
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let i4 = json["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["en_id"] == "I.4")
        .unwrap();
    assert_eq!(i4["es_id"], serde_json::Value::Null);
    assert_eq!(i4["es_title"], serde_json::Value::Null);
    assert_eq!(i4["score"], 0.0);
    assert!(i4["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .all(|p| p["es"] == "" && p["en"] != ""));
}

#[test]
fn align_tmx_holds_every_two_sided_pair() {
    let out = paridad(&[
        "align",
        "seeds/2025-2028.en.txt",
        "seeds/2025-2028.es.txt",
        "--format",
        "tmx",
    ]);
    assert!(out.status.success());
    let tmx = String::from_utf8(out.stdout).unwrap();
    assert!(tmx.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">"));
    assert!(tmx.contains(r#"segtype="sentence""#) && tmx.contains(r#"srclang="en""#));
    // 92 pairs, of which one (the Spanish dateline) has no English side.
    assert_eq!(tmx.matches("<tu>").count(), 91);
    assert_eq!(tmx.matches("</tu>").count(), 91);
    assert_eq!(tmx.matches(r#"<tuv xml:lang="en">"#).count(), 91);
    assert_eq!(tmx.matches(r#"<tuv xml:lang="es">"#).count(), 91);
    assert!(tmx.contains("<seg>In light of the strong commercial relationship underpinned by CUSMA, Canada and Mexico will work to expand bilateral trade in economic sectors of mutual interest.</seg>"));
    assert!(tmx.trim_end().ends_with("</tmx>"));
}

#[test]
fn align_reads_glossaries_and_names_a_bad_line() {
    let (dir, good) = temp_file("good.tsv", "# mine\nwidget\tartilugio\n");
    let bad = dir.join("bad.tsv");
    std::fs::write(&bad, "widget\tartilugio\nno tab here\n").unwrap();
    let ok = paridad(&[
        "align",
        "seeds/2025-2028.en.txt",
        "seeds/2025-2028.es.txt",
        "--glossary",
        good.to_str().unwrap(),
    ]);
    let err = paridad(&[
        "align",
        "seeds/2025-2028.en.txt",
        "seeds/2025-2028.es.txt",
        "--glossary",
        good.to_str().unwrap(),
        "--glossary",
        bad.to_str().unwrap(),
    ]);
    std::fs::remove_dir_all(dir).unwrap();
    assert!(ok.status.success());
    assert_eq!(err.status.code(), Some(2));
    let stderr = String::from_utf8(err.stderr).unwrap();
    assert_eq!(
        stderr,
        format!(
            "paridad: {}: glossary line 2: expected English<TAB>Spanish[<TAB>note], found 1 field\n",
            bad.display()
        )
    );
}

#[test]
fn check_text_groups_divergences_and_ends_with_a_summary() {
    let out = paridad(&["check", "seeds/2025-2028.en.txt", "seeds/2025-2028.es.txt"]);
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains(
        "== I.4 Economic Security Collaboration  <>  I.4 Colaboración en seguridad económica\n"
    ));
    assert!(stdout.contains("  warning entity    the instrument differs: Memorandum of Collaboration in English, memorándum de entendimiento in Spanish\n"));
    // The Spanish dateline is line 5, column 1.
    assert!(stdout.contains("          es 5:1  Ciudad de México, 18 de septiembre de 2025\n"));
    let last = stdout.lines().last().unwrap();
    assert!(
        last.starts_with("14 divergences: 0 errors, 13 warnings, 1 infos; "),
        "{last}"
    );
}

#[test]
fn check_json_is_the_v1_report() {
    let out = paridad(&[
        "check",
        "seeds/2025-2028.es.txt",
        "seeds/2025-2028.en.txt",
        "--format",
        "json",
    ]);
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["schema"], "paridad.report.v1");
    assert_eq!(
        json["en"]["path"], "seeds/2025-2028.en.txt",
        "sides named whatever the order"
    );
    assert_eq!(json["es"]["lang"], "es");
    assert_eq!(json["es"]["date"], "2025-09-18");
    assert_eq!(json["en"]["date"], serde_json::Value::Null);
    assert_eq!(json["options"]["doc_date"], "2025-09-18");
    let sections = json["sections"].as_array().unwrap();
    assert_eq!(sections.len(), 28);
    let mut total = 0;
    for s in sections {
        let pairs = s["pairs"].as_array().unwrap().len();
        for d in s["divergences"].as_array().unwrap() {
            total += 1;
            for key in ["id", "kind", "severity", "message"] {
                assert!(d[key].is_string(), "{key} in {d}");
            }
            if let Some(p) = d["pair"].as_u64() {
                assert!((p as usize) < pairs);
            }
            for side in ["en", "es"] {
                let span = &d[format!("{side}_span")];
                assert_eq!(d[side].is_null(), span.is_null());
                assert_eq!(d[side].is_null(), d[format!("{side}_at")].is_null());
            }
        }
    }
    assert_eq!(json["summary"]["total"], total);
    assert_eq!(total, 14);
}

#[test]
fn check_rejects_a_bad_doc_date_in_one_line() {
    let out = paridad(&[
        "check",
        "seeds/2025-2028.en.txt",
        "seeds/2025-2028.es.txt",
        "--doc-date",
        "18/09/2025",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("paridad: --doc-date \"18/09/2025\": "),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1);
}

#[test]
fn check_takes_languages_given_and_warns_on_one_language_twice() {
    let given = paridad(&[
        "check",
        "seeds/2025-2028.es.txt",
        "seeds/2025-2028.en.txt",
        "--langs",
        "es,en",
        "--format",
        "json",
    ]);
    assert!(given.status.success());
    let json: serde_json::Value = serde_json::from_slice(&given.stdout).unwrap();
    assert_eq!(json["en"]["path"], "seeds/2025-2028.en.txt");
    assert_eq!(json["summary"]["total"], 14);

    let same = paridad(&["check", "seeds/2025-2028.en.txt", "seeds/2025-2028.en.txt"]);
    assert!(same.status.success());
    let stderr = String::from_utf8(same.stderr).unwrap();
    assert_eq!(
        stderr,
        "paridad: warning: both seeds/2025-2028.en.txt and seeds/2025-2028.en.txt are in english; going on\n"
    );
    let stdout = String::from_utf8(same.stdout).unwrap();
    assert_eq!(stdout, "0 divergences: 0 errors, 0 warnings, 0 infos\n");
    // Languages given alike for two versions that read differently: said of what was given,
    // not of the texts (the first warning already says the Spanish one reads as Spanish).
    let given = paridad(&[
        "check",
        "seeds/2025-2028.en.txt",
        "seeds/2025-2028.es.txt",
        "--langs",
        "en,en",
    ]);
    assert_eq!(
        String::from_utf8(given.stderr).unwrap(),
        "paridad: warning: seeds/2025-2028.es.txt reads as spanish but --langs says english; going on\n\
         paridad: warning: both seeds/2025-2028.en.txt and seeds/2025-2028.es.txt are given as english; going on\n"
    );

    let bad = paridad(&[
        "check",
        "seeds/2025-2028.en.txt",
        "seeds/2025-2028.es.txt",
        "--langs",
        "en",
    ]);
    assert_eq!(bad.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(bad.stderr).unwrap(),
        "paridad: --langs \"en\": expected two language codes, as en,es\n"
    );
}

const SEEDS: [&str; 2] = ["seeds/2025-2028.en.txt", "seeds/2025-2028.es.txt"];

/// `paridad check` on the seed pair with `extra` arguments.
fn check_seeds(extra: &[&str]) -> std::process::Output {
    let mut args = vec!["check", SEEDS[0], SEEDS[1]];
    args.extend_from_slice(extra);
    paridad(&args)
}

fn last_line(out: &std::process::Output) -> String {
    let stdout = String::from_utf8_lossy(&out.stdout);
    stdout.lines().last().unwrap_or("").to_string()
}

#[test]
fn a_baseline_hides_what_was_reviewed_and_says_how_many() {
    let dir = std::env::temp_dir().join(format!("paridad-baseline-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let baseline = dir.join("reviewed.json");
    let path = baseline.to_str().unwrap();
    let first = check_seeds(&["--write-baseline", path]);
    assert_eq!(first.status.code(), Some(0));
    // The clean pair's 14 findings (13 warnings and an info, read in tests/suite/check.rs).
    assert_eq!(
        last_line(&first),
        "14 divergences: 0 errors, 13 warnings, 1 infos; addition 3, entity 7, modality 3, omission 1"
    );
    let recorded: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&baseline).unwrap()).unwrap();
    assert_eq!(recorded["schema"], "paridad.baseline.v1");
    assert_eq!(recorded["findings"].as_array().unwrap().len(), 14);
    let second = check_seeds(&["--baseline", path, "--fail-on", "warning"]);
    assert_eq!(second.status.code(), Some(0), "nothing left to fail on");
    assert_eq!(
        last_line(&second),
        "0 divergences: 0 errors, 0 warnings, 0 infos (14 hidden by the baseline)"
    );
    let json = check_seeds(&["--baseline", path, "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(report["summary"]["hidden"], 14);
    assert_eq!(report["summary"]["total"], 0);
    // A finding the baseline does not know still shows: the Spanish deadline of I.6 changed.
    let es = std::fs::read_to_string(SEEDS[1]).unwrap().replace(
        "antes del 31 de marzo de 2026",
        "antes del 30 de abril de 2026",
    );
    let changed = dir.join("es.txt");
    std::fs::write(&changed, es).unwrap();
    let third = paridad(&[
        "check",
        SEEDS[0],
        changed.to_str().unwrap(),
        "--baseline",
        path,
        "--fail-on",
        "error",
    ]);
    assert_eq!(third.status.code(), Some(1), "a new error fails the run");
    assert_eq!(
        last_line(&third),
        "1 divergences: 1 errors, 0 warnings, 0 infos; date 1 (14 hidden by the baseline)"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn exit_codes_follow_fail_on() {
    // The clean pair has warnings and one info, no error.
    assert_eq!(
        check_seeds(&[]).status.code(),
        Some(0),
        "never is the default"
    );
    assert_eq!(check_seeds(&["--fail-on", "error"]).status.code(), Some(0));
    assert_eq!(
        check_seeds(&["--fail-on", "warning"]).status.code(),
        Some(1)
    );
    assert_eq!(check_seeds(&["--fail-on", "never"]).status.code(), Some(0));
    let bad = check_seeds(&["--fail-on", "sometimes"]);
    assert_eq!(bad.status.code(), Some(2), "a usage error");
}

#[test]
fn filters_leave_out_kinds_severities_and_low_confidence() {
    let out = check_seeds(&["--ignore", "entity", "--min-severity", "warning"]);
    assert_eq!(
        last_line(&out),
        "7 divergences: 0 errors, 7 warnings, 0 infos; addition 3, modality 3, omission 1"
    );
    // Modality findings have confidence 0.7, clauses 0.5, sentences 0.8: above 0.75 only the
    // Spanish dateline (a sentence without counterpart) and the instruments (0.75) stay.
    let out = check_seeds(&["--min-confidence", "0.75"]);
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(!text.contains("modality"), "{text}");
    assert!(text.contains("Ciudad de México"), "{text}");
    for (args, message) in [
        (
            &["--ignore", "dates"][..],
            "--ignore: unknown kind \"dates\"",
        ),
        (
            &["--min-severity", "high"][..],
            "--min-severity: unknown severity \"high\"",
        ),
        (
            &["--min-confidence", "2"][..],
            "--min-confidence 2: expected a number from 0 to 1",
        ),
    ] {
        let out = check_seeds(args);
        assert_eq!(out.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(message), "{stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
    }
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    // Piped (as here), no colour by default; `--color always` paints; NO_COLOR is honoured
    // on a terminal only, which a test cannot be, so `auto` must stay plain here.
    let plain = check_seeds(&[]);
    assert!(!plain.stdout.contains(&0x1b));
    let painted = check_seeds(&["--color", "always"]);
    let text = String::from_utf8_lossy(&painted.stdout);
    assert!(text.contains("\u{1b}[33mwarning"), "{text}");
    assert!(text.contains("\u{1b}[1m== I.4 "), "{text}");
}

#[test]
fn out_writes_the_report_to_a_file_and_dash_reads_stdin() {
    let dir = std::env::temp_dir().join(format!("paridad-out-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("report.json");
    let out = check_seeds(&["--format", "json", "--out", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(report["summary"]["total"], 14);
    // The Spanish version from standard input gives the same findings.
    let mut child = Command::new(env!("CARGO_BIN_EXE_paridad"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["check", SEEDS[0], "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write as _;
        let es = std::fs::read(SEEDS[1]).unwrap();
        child.stdin.take().unwrap().write_all(&es).unwrap();
    }
    let piped = child.wait_with_output().unwrap();
    assert_eq!(
        last_line(&piped),
        "14 divergences: 0 errors, 13 warnings, 1 infos; addition 3, entity 7, modality 3, omission 1"
    );
    let unwritable = check_seeds(&["--out", "/nonexistent-dir/report.txt"]);
    assert_eq!(unwritable.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unwritable.stderr)
        .starts_with("paridad: /nonexistent-dir/report.txt: "));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_failed_run_leaves_the_out_file_as_it_was() {
    let dir = std::env::temp_dir().join(format!("paridad-out-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let target = dir.join("memory.tmx");
    std::fs::write(&target, "the previous run's memory\n").unwrap();
    let target_str = target.to_str().unwrap();
    // The second input is a folder: found only after the output was opened.
    for command in ["align", "check"] {
        let args = [
            command,
            "seeds/2025-2028.en.txt",
            "seeds",
            "--format",
            "tmx",
            "--out",
            target_str,
        ];
        let out = paridad(&args);
        assert_eq!(out.status.code(), Some(2));
        assert_eq!(
            std::fs::read_to_string(&target).unwrap(),
            "the previous run's memory\n"
        );
    }
    // Nothing is left beside it.
    let names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["memory.tmx"]);
    // A run that succeeds replaces it.
    let out = paridad(&[
        "align",
        "seeds/2025-2028.en.txt",
        "seeds/2025-2028.es.txt",
        "--format",
        "tmx",
        "--out",
        target_str,
    ]);
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    assert!(std::fs::read_to_string(&target)
        .unwrap()
        .starts_with("<?xml"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn out_never_overwrites_an_input_and_keeps_what_it_replaces_intact() {
    let dir = std::env::temp_dir().join(format!("paridad-out-kinds-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(&dir).unwrap();
    let es = dir.join("plan.es.txt");
    std::fs::copy("seeds/2025-2028.es.txt", &es).unwrap();
    let original = std::fs::read(&es).unwrap();
    // `--out` naming an input, directly or through a symbolic link, is refused before any work.
    let link = dir.join("link.txt");
    std::os::unix::fs::symlink(&es, &link).unwrap();
    for out in [&es, &link] {
        let run = paridad(&[
            "check",
            "seeds/2025-2028.en.txt",
            es.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ]);
        assert_eq!(run.status.code(), Some(2));
        let stderr = String::from_utf8(run.stderr).unwrap();
        assert!(
            stderr.contains("--out names a file this run reads, the second document"),
            "{stderr}"
        );
        assert_eq!(std::fs::read(&es).unwrap(), original);
    }
    // Through a symbolic link to another file, the file it points to is replaced, the link
    // stays a link, and the file keeps its permissions.
    use std::os::unix::fs::PermissionsExt;
    let report = dir.join("report.json");
    std::fs::write(&report, "old").unwrap();
    std::fs::set_permissions(&report, std::fs::Permissions::from_mode(0o600)).unwrap();
    let to_report = dir.join("latest.json");
    std::os::unix::fs::symlink(&report, &to_report).unwrap();
    let run = paridad(&[
        "check",
        "seeds/2025-2028.en.txt",
        "seeds/2025-2028.es.txt",
        "--format",
        "json",
        "--out",
        to_report.to_str().unwrap(),
    ]);
    assert!(run.status.success());
    assert!(std::fs::symlink_metadata(&to_report)
        .unwrap()
        .file_type()
        .is_symlink());
    let written: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
    assert_eq!(written["schema"], "paridad.report.v1");
    let mode = std::fs::metadata(&report).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    // What is not a regular file is written to, not replaced.
    let run = paridad(&[
        "align",
        "seeds/2025-2028.en.txt",
        "seeds/2025-2028.es.txt",
        "--out",
        "/dev/null",
    ]);
    assert!(run.status.success());
    use std::os::unix::fs::FileTypeExt;
    assert!(std::fs::metadata("/dev/null")
        .unwrap()
        .file_type()
        .is_char_device());
    // A folder is refused with one line.
    let run = paridad(&[
        "align",
        "seeds/2025-2028.en.txt",
        "seeds/2025-2028.es.txt",
        "--out",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8(run.stderr)
        .unwrap()
        .ends_with("is a directory\n"));
    // Nothing is left behind but what the test made.
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["latest.json", "link.txt", "plan.es.txt", "report.json"]
    );
    std::fs::remove_dir_all(&dir).ok();
}
