//! The `paridad segment` command, run as a user would.

use std::process::Command;

fn paridad(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_paridad"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .expect("the binary runs")
}

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
