//! Users' files are never lost and no input is read without bound (issue 12, sections 1 and 2):
//! every path a run writes is compared by identity with every path it reads before anything is
//! written, and every input is read through one bounded reader.

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const EN: &str = "seeds/2025-2028.en.txt";
const ES: &str = "seeds/2025-2028.es.txt";

/// A fresh folder holding copies of the two seed versions (`en.txt`, `es.txt`) and a glossary
/// (`g.tsv`).
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("paridad-rel-{name}-{}", std::process::id()));
    fs::remove_dir_all(&dir).ok();
    fs::create_dir_all(&dir).expect("a scratch folder");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    fs::copy(root.join(EN), dir.join("en.txt")).unwrap();
    fs::copy(root.join(ES), dir.join("es.txt")).unwrap();
    fs::write(dir.join("g.tsv"), "supply chain\tcadena de suministro\n").unwrap();
    dir
}

/// Runs paridad in `dir` with `stdin`, standard output and error captured.
fn run(dir: &Path, args: &[&str], stdin: Stdio) -> Output {
    run_to(dir, args, stdin, Stdio::piped())
}

/// Runs paridad in `dir` with `stdin` and `stdout` (a file it is redirected to), standard error
/// captured.
fn run_to(dir: &Path, args: &[&str], stdin: Stdio, stdout: Stdio) -> Output {
    Command::new(env!("CARGO_BIN_EXE_paridad"))
        .current_dir(dir)
        .args(args)
        .stdin(stdin)
        .stdout(stdout)
        .stderr(Stdio::piped())
        .output()
        .expect("the binary runs")
}

/// The bytes of every file in `dir`, by name.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, fs::read(&p).unwrap())
        })
        .collect();
    files.sort();
    files
}

/// Asserts that the run was refused with exit 2, one line on standard error holding every
/// `words`, nothing on standard output, and `dir` exactly as `before`.
fn assert_refused(out: &Output, words: &[&str], dir: &Path, before: &[(String, Vec<u8>)]) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    for w in words {
        assert!(stderr.contains(w), "{w:?} not in {stderr}");
    }
    assert!(out.stdout.is_empty());
    assert_eq!(snapshot(dir), before, "files changed: {stderr}");
}

#[test]
fn write_baseline_never_replaces_an_input() {
    let dir = scratch("baseline-input");
    let before = snapshot(&dir);
    for (target, role) in [
        ("es.txt", "the second document"),
        ("en.txt", "the first document"),
        ("g.tsv", "--glossary"),
    ] {
        let out = run(
            &dir,
            &[
                "check",
                "en.txt",
                "es.txt",
                "--glossary",
                "g.tsv",
                "--write-baseline",
                target,
            ],
            Stdio::null(),
        );
        assert_refused(&out, &["--write-baseline", role, target], &dir, &before);
    }
    // The baseline read, written back by the same run, is refused too (not a clash worth
    // losing reviews over).
    let out = run(
        &dir,
        &["check", "en.txt", "es.txt", "--write-baseline", "b.json"],
        Stdio::null(),
    );
    assert!(out.status.success());
    let with_baseline = snapshot(&dir);
    let out = run(
        &dir,
        &[
            "check",
            "en.txt",
            "es.txt",
            "--baseline",
            "b.json",
            "--out",
            "b.json",
        ],
        Stdio::null(),
    );
    assert_refused(&out, &["--out", "--baseline"], &dir, &with_baseline);
    fs::remove_dir_all(&dir).ok();
}

#[test]
fn out_and_write_baseline_naming_one_file_are_refused() {
    let dir = scratch("out-baseline");
    fs::write(dir.join("kept.json"), "reviews of last week\n").unwrap();
    let before = snapshot(&dir);
    // One file that exists, one that does not yet, one named two ways.
    for (out_path, baseline_path) in [
        ("kept.json", "kept.json"),
        ("new.json", "new.json"),
        ("new.json", "./new.json"),
    ] {
        let out = run(
            &dir,
            &[
                "check",
                "en.txt",
                "es.txt",
                "--out",
                out_path,
                "--write-baseline",
                baseline_path,
            ],
            Stdio::null(),
        );
        assert_refused(&out, &["--out", "--write-baseline"], &dir, &before);
    }
    fs::remove_dir_all(&dir).ok();
}

#[test]
fn links_to_an_input_are_the_input() {
    let dir = scratch("links");
    fs::hard_link(dir.join("es.txt"), dir.join("hard.txt")).unwrap();
    std::os::unix::fs::symlink(dir.join("es.txt"), dir.join("soft.txt")).unwrap();
    fs::create_dir(dir.join("sub")).unwrap();
    let before = snapshot(&dir);
    for target in ["hard.txt", "soft.txt", "sub/../es.txt"] {
        for option in ["--out", "--write-baseline"] {
            let out = run(
                &dir,
                &["check", "en.txt", "es.txt", option, target],
                Stdio::null(),
            );
            assert_refused(&out, &[option, "the second document"], &dir, &before);
        }
    }
    fs::remove_dir_all(&dir).ok();
}

#[test]
fn standard_input_and_output_are_compared_by_the_files_they_are() {
    let dir = scratch("stdio");
    let before = snapshot(&dir);
    // `check EN - --out es.txt < es.txt`: standard input is es.txt.
    let stdin = File::open(dir.join("es.txt")).unwrap();
    let out = run(
        &dir,
        &["check", "en.txt", "-", "--out", "es.txt"],
        Stdio::from(stdin),
    );
    assert_refused(&out, &["--out", "standard input"], &dir, &before);
    // `check EN ES >> es.txt`: standard output is es.txt, opened to append.
    let appended = fs::OpenOptions::new()
        .append(true)
        .open(dir.join("es.txt"))
        .unwrap();
    let out = run_to(
        &dir,
        &["check", "en.txt", "es.txt"],
        Stdio::null(),
        Stdio::from(appended),
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("standard output is a file this run reads"));
    assert_eq!(snapshot(&dir), before);
    fs::remove_dir_all(&dir).ok();
}

#[test]
fn dash_is_standard_output_wherever_a_file_is_written() {
    let dir = scratch("dash");
    // `--out -` is standard output: the report is printed, no file `-` appears.
    let out = run(
        &dir,
        &["check", "en.txt", "es.txt", "--out", "-"],
        Stdio::null(),
    );
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("14 divergences"));
    assert!(!dir.join("-").exists());
    // `--write-baseline -` with the report in a file: the baseline is printed.
    let out = run(
        &dir,
        &[
            "check",
            "en.txt",
            "es.txt",
            "--out",
            "report.txt",
            "--write-baseline",
            "-",
        ],
        Stdio::null(),
    );
    assert!(out.status.success());
    let baseline: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(baseline["schema"], "paridad.baseline.v1");
    assert_eq!(baseline["findings"].as_array().unwrap().len(), 14);
    assert!(!dir.join("-").exists());
    // Both on standard output would mix them: refused.
    let before = snapshot(&dir);
    let out = run(
        &dir,
        &["check", "en.txt", "es.txt", "--write-baseline", "-"],
        Stdio::null(),
    );
    assert_refused(
        &out,
        &["--write-baseline -", "the report", "standard output"],
        &dir,
        &before,
    );
    fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_batch_never_writes_over_a_document_of_its_manifest() {
    let dir = scratch("batch-out");
    let manifest = "{\"id\": \"a\", \"en\": \"en.txt\", \"es\": \"en.txt\"}\n\
                    {\"id\": \"b\", \"en\": \"en.txt\", \"es\": \"es.txt\"}\n";
    fs::write(dir.join("m.jsonl"), manifest).unwrap();
    let before = snapshot(&dir);
    let out = run(
        &dir,
        &["batch", "m.jsonl", "--out", "es.txt"],
        Stdio::null(),
    );
    assert_refused(&out, &["--out", "manifest line 2", "es.txt"], &dir, &before);
    // The manifest on standard input.
    let stdin = File::open(dir.join("m.jsonl")).unwrap();
    let out = run(&dir, &["batch", "-", "--out", "es.txt"], Stdio::from(stdin));
    assert_refused(&out, &["--out", "manifest line 2"], &dir, &before);
    // The manifest itself, given on standard input.
    let stdin = File::open(dir.join("m.jsonl")).unwrap();
    let out = run(
        &dir,
        &["batch", "-", "--out", "m.jsonl"],
        Stdio::from(stdin),
    );
    assert_refused(
        &out,
        &["--out", "the manifest", "standard input"],
        &dir,
        &before,
    );
    fs::remove_dir_all(&dir).ok();
}

#[test]
fn endless_inputs_are_refused_without_reading_them_whole() {
    let dir = scratch("endless");
    // A run that read /dev/zero whole would never end; each is refused at its first block.
    for args in [
        &["check", "en.txt", "es.txt", "--baseline", "/dev/zero"][..],
        &["check", "/dev/zero", "es.txt"],
        &["check", "en.txt", "es.txt", "--glossary", "/dev/zero"],
        &["segment", "/dev/zero"],
        &["align", "--sentences", "/dev/zero", "es.txt"],
        &["batch", "/dev/zero"],
    ] {
        let out = run(&dir, args, Stdio::null());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert_eq!(
            stderr.trim(),
            "paridad: /dev/zero: not text: control bytes from byte 0; the file is binary data, and paridad reads UTF-8 text",
            "{args:?}"
        );
    }
    fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_manifest_that_is_no_text_is_refused_at_its_first_block() {
    let dir = scratch("batch-binary");
    // A program, random bytes on standard input: refused whole, not read line by line.
    let out = run(&dir, &["batch", "/bin/sh"], Stdio::null());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.starts_with("paridad: /bin/sh: not text"), "{stderr}");
    assert!(out.stdout.is_empty());
    let random = File::open("/dev/urandom").unwrap();
    let out = run(&dir, &["batch", "-"], Stdio::from(random));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.starts_with("paridad: <stdin>: not text"), "{stderr}");
    fs::remove_dir_all(&dir).ok();
}

/// Feeds endless text (`Plan de Acción` lines) into a run's standard input; returns the run and
/// how many bytes it took before it closed the pipe.
fn endless_text_into(args: &[&str]) -> (Output, u64) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_paridad"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let line = "México y Canadá fortalecerán su cooperación en el Plan de Acción.\n".repeat(64);
        let mut written = 0u64;
        // Stops when paridad closes the pipe; bounded in case it never does.
        while written < (1 << 30) {
            match stdin.write_all(line.as_bytes()) {
                Ok(()) => written += line.len() as u64,
                Err(_) => break,
            }
        }
        written
    });
    let out = child.wait_with_output().unwrap();
    (out, writer.join().unwrap())
}

#[test]
fn a_pipe_is_read_to_its_limit_and_no_further() {
    let (out, written) = endless_text_into(&["check", EN, "-", "--max-input-size", "document=2M"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_eq!(
        stderr.trim(),
        "paridad: <stdin>: larger than 2 MiB, the size limit for a document; --max-input-size document=SIZE raises it"
    );
    // What was written is what was read, plus at most what the pipe and one write hold.
    assert!(written < (2 << 20) + (1 << 20), "{written} bytes taken");
    // The same limit for every kind at once, and a file over it.
    let out = run(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &["check", EN, ES, "--max-input-size", "10K"],
        Stdio::null(),
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        "paridad: seeds/2025-2028.en.txt: larger than 10 KiB, the size limit for a document; --max-input-size document=SIZE raises it"
    );
}

#[test]
fn limits_can_be_raised_and_bad_ones_are_one_line() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // A glossary limit below the glossary's size refuses it; a document limit above the
    // seeds' lets the check run.
    let dir = scratch("limits");
    let out = run(
        root,
        &[
            "check",
            EN,
            ES,
            "--glossary",
            dir.join("g.tsv").to_str().unwrap(),
            "--max-input-size",
            "glossary=10",
            "--max-input-size",
            "document=1M",
        ],
        Stdio::null(),
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr.contains(
            "larger than 10 bytes, the size limit for a glossary; --max-input-size glossary=SIZE"
        ),
        "{stderr}"
    );
    let out = run(
        root,
        &["check", EN, ES, "--max-input-size", "document=1M"],
        Stdio::null(),
    );
    assert!(out.status.success());
    for bad in ["lots", "document=", "pages=1M", "-5"] {
        let out = run(
            root,
            &["segment", ES, &format!("--max-input-size={bad}")],
            Stdio::null(),
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{bad}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.starts_with("paridad: --max-input-size"), "{stderr}");
    }
    fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_named_pipe_or_device_in_a_manifest_fails_its_line_alone() {
    let dir = scratch("batch-fifo");
    let made = Command::new("mkfifo")
        .arg(dir.join("fifo.txt"))
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    fs::create_dir(dir.join("folder")).unwrap();
    let manifest = [
        r#"{"id": 1, "en": "en.txt", "es": "es.txt"}"#,
        r#"{"id": 2, "en": "en.txt", "es": "fifo.txt"}"#,
        r#"{"id": 3, "en": "/dev/zero", "es": "es.txt"}"#,
        r#"{"id": 4, "en": "en.txt", "es": "folder"}"#,
        r#"{"id": 5, "en": "en.txt", "es": "es.txt"}"#,
    ]
    .join("\n");
    fs::write(dir.join("m.jsonl"), manifest).unwrap();
    // Nobody ever opens the pipe's other end: a batch that opened it would wait for ever.
    let out = run(&dir, &["batch", "m.jsonl", "--jobs", "1"], Stdio::null());
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 5);
    assert!(lines[0]["report"].is_object());
    assert!(lines[4]["report"].is_object());
    for (line, what) in [
        (&lines[1], "a named pipe"),
        (&lines[2], "a device"),
        (&lines[3], "a directory"),
    ] {
        let error = line["error"].as_str().unwrap();
        assert!(
            error.contains(&format!("{what}, not a regular file")),
            "{error}"
        );
    }
    assert_eq!(lines[1]["line"], 2);
    fs::remove_dir_all(&dir).ok();
}

#[test]
fn an_overlong_manifest_line_fails_alone_and_is_not_kept() {
    let dir = scratch("batch-long");
    let long = format!(
        r#"{{"id": 2, "en": "en.txt", "es": "es.txt", "note": "{}"}}"#,
        "x".repeat(3 << 20)
    );
    let manifest = format!(
        "{}\n{long}\n{}\n",
        r#"{"id": 1, "en": "en.txt", "es": "es.txt"}"#,
        r#"{"id": 3, "en": "en.txt", "es": "es.txt"}"#
    );
    fs::write(dir.join("m.jsonl"), manifest).unwrap();
    let out = run(&dir, &["batch", "m.jsonl"], Stdio::null());
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["id"], 1);
    assert_eq!(lines[2]["id"], 3);
    let error = lines[1]["error"].as_str().unwrap();
    assert!(
        error.starts_with(
            "manifest line 2: 3145781 bytes, larger than 1 MiB, the size limit for a manifest line"
        ),
        "{error}"
    );
    // A lower limit for the line, given on the command line.
    let out = run(
        &dir,
        &["batch", "m.jsonl", "--max-input-size", "manifest-line=20"],
        Stdio::null(),
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().filter(|l| l.contains("\"error\"")).count(), 3);
    fs::remove_dir_all(&dir).ok();
}

#[test]
fn documents_from_a_pipe_give_the_report_a_file_gives() {
    // `paridad check EN <(cat ES)` reads a pipe: here /dev/stdin, a pipe from cat.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let from_file = run(root, &["check", EN, ES, "--format", "json"], Stdio::null());
    let mut cat = Command::new("cat")
        .arg(ES)
        .current_dir(root)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let pipe = cat.stdout.take().unwrap();
    let from_pipe = run(
        root,
        &["check", EN, "/dev/stdin", "--format", "json"],
        Stdio::from(pipe),
    );
    cat.wait().unwrap();
    assert!(from_pipe.status.success());
    let (a, b): (serde_json::Value, serde_json::Value) = (
        serde_json::from_slice(&from_file.stdout).unwrap(),
        serde_json::from_slice(&from_pipe.stdout).unwrap(),
    );
    assert_eq!(a["sections"], b["sections"]);
    assert_eq!(a["summary"], b["summary"]);
}

#[test]
fn standard_input_is_read_once() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for args in [
        &["check", "-", "-"][..],
        &["check", EN, "-", "--glossary", "-"],
        &["align", "-", ES, "--glossary", "-"],
    ] {
        let stdin = File::open(root.join(ES)).unwrap();
        let out = run(root, args, Stdio::from(stdin));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(
            stderr.contains("standard input (-) given twice"),
            "{stderr}"
        );
    }
}

#[test]
fn an_overlong_numbered_line_keeps_its_number() {
    let dir = scratch("batch-long-numbered");
    let long = format!(
        "41\t{{\"id\": 2, \"en\": \"en.txt\", \"es\": \"es.txt\", \"note\": \"{}\"}}",
        "x".repeat(2 << 20)
    );
    let manifest = format!("40\t{{\"id\": 1, \"en\": \"en.txt\", \"es\": \"es.txt\"}}\n{long}\n");
    fs::write(dir.join("m.jsonl"), manifest).unwrap();
    let out = run(&dir, &["batch", "--numbered", "m.jsonl"], Stdio::null());
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["line"], 40);
    assert!(lines[0]["report"].is_object());
    assert_eq!(lines[1]["line"], 41);
    let error = lines[1]["error"].as_str().unwrap();
    assert!(
        error.starts_with("manifest line 41: 2097208 bytes, larger than 1 MiB"),
        "{error}"
    );
    fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_link_planted_at_the_old_partial_name_is_never_written_through() {
    // The partial file was `.NAME.PID.paridad-partial`, opened without O_EXCL: a link planted
    // there (the PID is the shell's, kept by `exec`) made the run write its report into its
    // own input and rename the link over the target.
    let dir = scratch("planted");
    let before = fs::read(dir.join("es.txt")).unwrap();
    for option in ["--out", "--write-baseline"] {
        let script = format!(
            "ln -s es.txt .out.json.$$.paridad-partial; exec '{}' check en.txt es.txt {option} out.json > /dev/null",
            env!("CARGO_BIN_EXE_paridad")
        );
        let out = Command::new("bash")
            .current_dir(&dir)
            .args(["-c", &script])
            .output()
            .unwrap();
        assert!(out.status.success(), "{option}");
        assert_eq!(fs::read(dir.join("es.txt")).unwrap(), before, "{option}");
        let meta = fs::symlink_metadata(dir.join("out.json")).unwrap();
        assert!(
            meta.is_file(),
            "out.json is a file of its own, not the planted link"
        );
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.to_string_lossy().ends_with(".paridad-partial") {
                fs::remove_file(path).unwrap();
            }
        }
        fs::remove_file(dir.join("out.json")).unwrap();
    }
    fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_failed_report_records_nothing_as_reviewed() {
    let dir = scratch("baseline-failed");
    fs::write(
        dir.join("bl.json"),
        "{\"schema\": \"paridad.baseline.v1\", \"findings\": []}\n",
    )
    .unwrap();
    let before = snapshot(&dir);
    // The report cannot be written (a full disk): the baseline stays as it was.
    let out = run(
        &dir,
        &[
            "check",
            "en.txt",
            "es.txt",
            "--write-baseline",
            "bl.json",
            "--out",
            "/dev/full",
        ],
        Stdio::null(),
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("/dev/full"), "{stderr}");
    assert_eq!(snapshot(&dir), before);
    let full = File::create("/dev/full").unwrap();
    let out = run_to(
        &dir,
        &["check", "en.txt", "es.txt", "--write-baseline", "new.json"],
        Stdio::null(),
        Stdio::from(full),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(!dir.join("new.json").exists());
    fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_batch_writing_to_a_redirected_standard_output_writes_nothing_before_it_is_done() {
    // Standard output appended to a document the manifest lists on its last line: the clash is
    // found at that line, and the reports of the lines before must not be in the document.
    let dir = scratch("batch-stdout");
    fs::copy(dir.join("es.txt"), dir.join("victim.txt")).unwrap();
    let mut manifest = String::new();
    for i in 1..=10 {
        manifest.push_str(&format!(
            "{{\"id\": \"p{i}\", \"en\": \"en.txt\", \"es\": \"es.txt\"}}\n"
        ));
    }
    manifest.push_str("{\"id\": \"last\", \"en\": \"en.txt\", \"es\": \"victim.txt\"}\n");
    fs::write(dir.join("m.jsonl"), &manifest).unwrap();
    let before = snapshot(&dir);
    for stdin_manifest in [false, true] {
        let appended = fs::OpenOptions::new()
            .append(true)
            .open(dir.join("victim.txt"))
            .unwrap();
        let (args, stdin): (&[&str], Stdio) = if stdin_manifest {
            (
                &["batch", "-", "--jobs", "1"],
                Stdio::from(File::open(dir.join("m.jsonl")).unwrap()),
            )
        } else {
            (&["batch", "m.jsonl", "--jobs", "1"], Stdio::null())
        };
        let out = run_to(&dir, args, stdin, Stdio::from(appended));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains("manifest line 11"), "{stderr}");
        assert_eq!(snapshot(&dir), before, "stdin manifest: {stdin_manifest}");
    }
    // Redirected to a file of its own, the batch writes every line.
    let report = File::create(dir.join("reports.jsonl")).unwrap();
    fs::write(
        dir.join("m.jsonl"),
        manifest.replace("victim.txt", "es.txt"),
    )
    .unwrap();
    let out = run_to(
        &dir,
        &["batch", "m.jsonl"],
        Stdio::null(),
        Stdio::from(report),
    );
    assert!(out.status.success());
    let written = fs::read_to_string(dir.join("reports.jsonl")).unwrap();
    assert_eq!(written.lines().count(), 11);
    fs::remove_dir_all(&dir).ok();
}

#[cfg(unix)]
#[test]
fn an_interrupted_run_leaves_the_old_output_and_no_partial_file() {
    // A batch long enough to be interrupted while it writes: Ctrl-C (SIGINT) and SIGTERM both
    // remove the hidden partial file and leave the old --out file as it was, exit 130.
    let dir = scratch("interrupted");
    let manifest: String = (1..=2000)
        .map(|i| format!("{{\"id\": \"p{i}\", \"en\": \"en.txt\", \"es\": \"es.txt\"}}\n"))
        .collect();
    fs::write(dir.join("m.jsonl"), manifest).unwrap();
    let partials = |dir: &Path| -> Vec<String> {
        fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".paridad-partial"))
            .collect()
    };
    for signal in ["-INT", "-TERM"] {
        fs::write(dir.join("out.jsonl"), "the old report\n").unwrap();
        let child = Command::new(env!("CARGO_BIN_EXE_paridad"))
            .current_dir(&dir)
            .args(["batch", "m.jsonl", "--out", "out.jsonl", "--jobs", "1"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary runs");
        let started = std::time::Instant::now();
        while partials(&dir).is_empty() {
            assert!(started.elapsed().as_secs() < 60, "no partial file appeared");
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        let killed = Command::new("kill")
            .args([signal, &child.id().to_string()])
            .status()
            .expect("kill runs");
        assert!(killed.success());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(130), "{signal}: {stderr}");
        assert!(stderr.contains("interrupted"), "{stderr}");
        assert_eq!(partials(&dir), Vec::<String>::new(), "{signal}");
        assert_eq!(
            fs::read_to_string(dir.join("out.jsonl")).unwrap(),
            "the old report\n"
        );
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_failed_write_names_the_file_it_failed_on() {
    let dir = scratch("full");
    let full = || Stdio::from(File::create("/dev/full").unwrap());
    let cases: [(&[&str], Stdio, &str); 4] = [
        (&["check", "en.txt", "es.txt"], full(), "standard output: "),
        (
            &["check", "en.txt", "es.txt", "--out", "/dev/full"],
            Stdio::null(),
            "/dev/full: ",
        ),
        (
            &[
                "check",
                "en.txt",
                "es.txt",
                "--out",
                "r.txt",
                "--write-baseline",
                "/dev/full",
            ],
            Stdio::null(),
            "/dev/full: ",
        ),
        (&["segment", "en.txt"], full(), "standard output: "),
    ];
    for (args, stdout, named) in cases {
        let out = run_to(&dir, args, Stdio::null(), stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert_eq!(
            stderr.trim_end(),
            format!("paridad: {named}No space left on device (os error 28)"),
            "{args:?}"
        );
    }
}

#[cfg(unix)]
#[test]
fn an_out_link_to_a_file_not_yet_there_is_written_where_it_points() {
    let dir = scratch("dangling");
    fs::create_dir_all(dir.join("reports")).unwrap();
    std::os::unix::fs::symlink("reports/latest.txt", dir.join("out.txt")).unwrap();
    let out = run(
        &dir,
        &["check", "en.txt", "es.txt", "--out", "out.txt"],
        Stdio::null(),
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(fs::symlink_metadata(dir.join("out.txt"))
        .unwrap()
        .file_type()
        .is_symlink());
    let report = fs::read_to_string(dir.join("reports/latest.txt")).unwrap();
    assert!(report.contains("14 divergences"), "{report}");
    // A loop of links names no file: refused, the links left as they are.
    std::os::unix::fs::symlink("loop-b", dir.join("loop-a")).unwrap();
    std::os::unix::fs::symlink("loop-a", dir.join("loop-b")).unwrap();
    let out = run(
        &dir,
        &["check", "en.txt", "es.txt", "--out", "loop-a"],
        Stdio::null(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("a loop of symbolic links"));
    assert!(fs::symlink_metadata(dir.join("loop-a"))
        .unwrap()
        .file_type()
        .is_symlink());
}

#[test]
fn a_baseline_that_cannot_be_written_stops_the_run_before_the_report() {
    // The converse of a failed report: the baseline's folder does not exist, or it is a full
    // disk. The old --out report stays as it was, and nothing reaches standard output.
    let dir = scratch("baseline-unwritable");
    fs::write(dir.join("r.txt"), "the old report\n").unwrap();
    let before = snapshot(&dir);
    for baseline in ["nodir/b.json", "/dev/full"] {
        let out = run(
            &dir,
            &[
                "check",
                "en.txt",
                "es.txt",
                "--out",
                "r.txt",
                "--write-baseline",
                baseline,
            ],
            Stdio::null(),
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(
            stderr.starts_with(&format!("paridad: {baseline}: ")),
            "{stderr}"
        );
        assert_eq!(snapshot(&dir), before, "{baseline}");
        // The report on standard output (a file, or a pipe) gets nothing either.
        let out = run(
            &dir,
            &["check", "en.txt", "es.txt", "--write-baseline", baseline],
            Stdio::null(),
        );
        assert_eq!(out.status.code(), Some(2));
        assert!(out.stdout.is_empty(), "{baseline}: the report was printed");
    }
    fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_regular_file_over_the_limit_is_refused_unread() {
    // A sparse file of 1 TiB takes no room on disk; read up to the limit, it would cost 512 MiB
    // of memory before the refusal. Its size is known: it is refused before a byte is read.
    let dir = scratch("sparse");
    let sparse = File::create(dir.join("big.txt")).unwrap();
    sparse.set_len(1 << 40).unwrap();
    drop(sparse);
    let out = run(&dir, &["check", "en.txt", "big.txt"], Stdio::null());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_eq!(
        stderr.trim_end(),
        "paridad: big.txt: larger than 512 MiB, the size limit for a document; \
         --max-input-size document=SIZE raises it"
    );
    fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_glossary_without_a_term_pair_is_said_to_be_empty() {
    // A TBX in French and Portuguese, and a TSV of comments: nothing is read, and the user is
    // told rather than believing the terms checked.
    let dir = scratch("empty-glossary");
    fs::write(dir.join("only-comments.tsv"), "# terms to come\n").unwrap();
    fs::write(
        dir.join("fra-por.tbx"),
        r#"<tbx type="TBX-Core" style="dca" xml:lang="fra" xmlns="urn:iso:std:iso:30042:ed-2"><text><body><conceptEntry id="c1"><langSec xml:lang="fra"><termSec><term>chaîne d'approvisionnement</term></termSec></langSec><langSec xml:lang="por"><termSec><term>cadeia de suprimentos</term></termSec></langSec></conceptEntry></body></text></tbx>"#,
    )
    .unwrap();
    for glossary in ["only-comments.tsv", "fra-por.tbx"] {
        let out = run(
            &dir,
            &["check", "en.txt", "es.txt", "--glossary", glossary],
            Stdio::null(),
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{stderr}");
        assert!(
            stderr.contains(&format!(
                "paridad: warning: {glossary}: no English-Spanish term pair"
            )),
            "{stderr}"
        );
    }
    // ISO 639-2 codes name English and Spanish as the two-letter ones do.
    fs::write(dir.join("eng-spa.tbx"), r#"<tbx type="TBX-Core" style="dca" xml:lang="eng" xmlns="urn:iso:std:iso:30042:ed-2"><text><body><conceptEntry id="c1"><langSec xml:lang="eng"><termSec><term>supply chain</term></termSec></langSec><langSec xml:lang="spa"><termSec><term>cadena de suministro</term></termSec></langSec></conceptEntry></body></text></tbx>"#).unwrap();
    let out = run(
        &dir,
        &["check", "en.txt", "es.txt", "--glossary", "eng-spa.tbx"],
        Stdio::null(),
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("no English-Spanish term pair"), "{stderr}");
    fs::remove_dir_all(&dir).ok();
}

#[cfg(target_os = "linux")]
#[test]
fn standard_output_named_as_a_file_is_standard_output_for_a_pipe_too() {
    // `--write-baseline /dev/stdout` with the report on a pipe would mix two JSON documents in
    // one stream (found by the second outside pass; refused already when it is a file).
    let dir = scratch("dev-stdout");
    for args in [
        &[
            "check",
            "en.txt",
            "es.txt",
            "--format",
            "json",
            "--write-baseline",
            "/dev/stdout",
        ][..],
        &[
            "check",
            "en.txt",
            "es.txt",
            "--out",
            "/dev/stdout",
            "--write-baseline",
            "-",
        ][..],
    ] {
        let out = run(&dir, args, Stdio::null());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains("would write this file"), "{stderr}");
        assert!(out.stdout.is_empty());
    }
    // /dev/null is no stream to mix: the baseline goes there, the report to the pipe.
    let out = run(
        &dir,
        &["check", "en.txt", "es.txt", "--write-baseline", "/dev/null"],
        Stdio::null(),
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("14 divergences"));
    fs::remove_dir_all(&dir).ok();
}

#[cfg(target_os = "linux")]
#[test]
fn a_manifest_from_a_pipe_names_paths_from_the_working_folder() {
    // `paridad batch <(generate)` or `/dev/stdin` on a pipe: the manifest has no folder of its
    // own (relative paths were read from /dev, found by the second outside pass).
    let dir = scratch("pipe-manifest");
    let mut child = Command::new(env!("CARGO_BIN_EXE_paridad"))
        .current_dir(&dir)
        .args(["batch", "/dev/stdin"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"{\"id\": \"a\", \"en\": \"en.txt\", \"es\": \"es.txt\"}\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.starts_with("{\"id\":\"a\",\"line\":1,\"report\":"),
        "{stdout}"
    );
    fs::remove_dir_all(&dir).ok();
}

#[cfg(unix)]
#[test]
fn an_out_file_in_a_folder_that_takes_no_new_file_is_refused_untouched() {
    // Written in place, a run failing half-way (a full disk) would leave it cut (found by the
    // second outside pass). Root may write anywhere: the case is only tried when the folder
    // really refuses a new file.
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("locked-folder");
    let locked = dir.join("locked");
    fs::create_dir_all(&locked).unwrap();
    fs::write(locked.join("r.txt"), "the old report\n").unwrap();
    fs::set_permissions(locked.join("r.txt"), fs::Permissions::from_mode(0o666)).unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o555)).unwrap();
    // Root may write anywhere: there the locked folder is not tried, /proc is.
    let refuses = File::create(locked.join("probe")).is_err();
    if cfg!(target_os = "linux") {
        let out = run(
            &dir,
            &["check", "en.txt", "es.txt", "--out", "/proc/version"],
            Stdio::null(),
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains("cannot be replaced safely"), "{stderr}");
        assert!(out.stdout.is_empty());
    }
    if refuses {
        let out = run(
            &dir,
            &["check", "en.txt", "es.txt", "--out", "locked/r.txt"],
            Stdio::null(),
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains("cannot be replaced safely"), "{stderr}");
        assert_eq!(
            fs::read_to_string(locked.join("r.txt")).unwrap(),
            "the old report\n"
        );
    }
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
    fs::remove_dir_all(&dir).ok();
}
