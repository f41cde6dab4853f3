//! Document text cannot act on what displays a report: a sentence that a spreadsheet would
//! read as a formula is defused in CSV and TSV (read back with the `csv` crate), and control
//! characters that would drive a terminal (window title, clear screen, clipboard) reach no
//! text report raw, in colour or plain; JSON and the XML formats escape them their own way.

use std::process::Command;

use paridad::report::{
    escape_controls, write_bead_table, write_check_text, write_check_text_with, write_check_tmx,
    write_html, write_table, write_text, write_xliff, CheckReport, ReportOptions, Separator,
};
use paridad::{Aligner, Check, Checker, Document, Lang};

use super::exchange::{read_table, render};
use super::util::{en, ES};

/// The seed paragraph a hostile sentence is put before.
const ANCHOR: &str = "México y Canadá comparten más de 81 años";

/// A formula a spreadsheet would run, opening a sentence.
const FORMULA: &str = "=HYPERLINK(\"http://example.com/x\",\"clic\") México y Canadá celebrarán cada año su amistad con desfiles.";

/// A sentence carrying a window title (OSC 0), a clear screen (CSI 2 J), a clipboard write
/// (OSC 52), the one-byte C1 CSI and DEL.
const CONTROLS: &str = "México y Canadá\u{1b}]0;pwned\u{7} celebrarán\u{1b}[2J cada año\u{1b}]52;c;cHduZWQ=\u{7} su amistad\u{9b}2J con\u{7f} desfiles.";

/// The Spanish seed with `paragraph` inserted as a paragraph of its own before the preamble's
/// first paragraph.
fn es_with(paragraph: &str) -> String {
    assert_eq!(ES.matches(ANCHOR).count(), 1);
    ES.replace(ANCHOR, &format!("{paragraph}\n\n{ANCHOR}"))
}

/// The English seed checked against `es_text`.
fn checked(es_text: &str) -> (Document<'static>, Document<'static>, Check) {
    let es_text: &'static str = Box::leak(es_text.to_string().into_boxed_str());
    let (en, es) = (en(), Document::parse(es_text, Lang::Es).unwrap());
    let check = Checker::new().check(&en, &es);
    (en, es, check)
}

/// The table of `check`, read back by the `csv` crate: the header row, then the records.
fn table(
    check: &Check,
    en: &Document<'_>,
    es: &Document<'_>,
    separator: Separator,
) -> Vec<Vec<String>> {
    let text = render(|out| write_table(out, check, en, es, separator));
    let (header, mut rows) = read_table(&text, separator);
    rows.insert(0, header);
    rows
}

/// Whether a spreadsheet could take `cell` for a formula.
fn formula_like(cell: &str) -> bool {
    let starts = ['=', '+', '-', '@', '\t', '\r'];
    cell.starts_with(starts) || cell.trim_start().starts_with(starts)
}

#[test]
fn a_formula_opening_a_sentence_is_defused_in_csv_and_tsv() {
    let (en, es, check) = checked(&es_with(FORMULA));
    let added = check
        .divergences
        .iter()
        .find(|d| d.b.as_ref().is_some_and(|e| e.text.contains("HYPERLINK")))
        .expect("the added sentence is a divergence");
    let evidence = &added.b.as_ref().unwrap().text;
    assert_eq!(evidence, FORMULA, "the whole sentence is the evidence");
    for separator in [Separator::Comma, Separator::Tab] {
        let rows = table(&check, &en, &es, separator);
        assert_eq!(rows.len(), check.divergences.len() + 1, "{separator:?}");
        let row = rows
            .iter()
            .find(|r| r[0] == added.id)
            .expect("the divergence's row");
        assert!(
            row[5].starts_with("'=HYPERLINK("),
            "{separator:?}: {}",
            row[5]
        );
        assert_eq!(&row[5][1..], FORMULA, "{separator:?}: the rest is intact");
        // Cells not at risk are as they were: the evidence and the message of every other
        // row, and this row's message.
        assert_eq!(row[6], added.message);
        for (d, row) in check.divergences.iter().zip(&rows[1..]) {
            for (cell, e) in [(&row[4], &d.a), (&row[5], &d.b)] {
                let text = e.as_ref().map_or("", |e| e.text.as_str());
                if !formula_like(text) {
                    assert_eq!(cell, text, "{separator:?}");
                }
            }
            assert_eq!(row[6], d.message, "{separator:?}");
            assert!(
                !row.iter().any(|c| formula_like(c)),
                "{separator:?}: {row:?}"
            );
        }
    }
}

#[test]
fn every_formula_start_is_defused_and_nothing_else() {
    let (en, es, mut check) = checked(ES);
    let hostile = [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("  =1+1", "'  =1+1"),
        ("\u{a0}=1+1", "'\u{a0}=1+1"),
        ("\u{ff1d}1+1", "'\u{ff1d}1+1"),
        ("\u{feff}=1+1", "'\u{feff}=1+1"),
        ("\u{200b} @SUM(A1)", "'\u{200b} @SUM(A1)"),
        // Shown escaped, as every bidirectional control: no longer a formula.
        ("\u{202e}=1+1", r"\u{202e}=1+1"),
        ("a = b - c", "a = b - c"),
        ("'=already", "'=already"),
        ("Año 2026", "Año 2026"),
    ];
    // As many at a time as the check has findings to carry them.
    for chunk in hostile.chunks(check.divergences.len()) {
        for (d, (text, _)) in check.divergences.iter_mut().zip(chunk) {
            d.message = text.to_string();
        }
        let n = chunk.len();
        let csv = table(&check, &en, &es, Separator::Comma);
        let messages: Vec<&str> = csv[1..=n].iter().map(|r| r[6].as_str()).collect();
        let expected: Vec<&str> = chunk.iter().map(|h| h.1).collect();
        assert_eq!(messages, expected);
    }
    // A tab or a carriage return opening a cell: kept by CSV, so defused; TSV makes them
    // spaces, and the formula after the space is defused.
    check.divergences[0].message = "\t=1+1".into();
    check.divergences[1].message = "\r=1+1".into();
    let csv = table(&check, &en, &es, Separator::Comma);
    assert_eq!(
        (csv[1][6].as_str(), csv[2][6].as_str()),
        ("'\t=1+1", "'\r=1+1")
    );
    let tsv = table(&check, &en, &es, Separator::Tab);
    assert_eq!(
        (tsv[1][6].as_str(), tsv[2][6].as_str()),
        ("' =1+1", "' =1+1")
    );
}

#[test]
fn a_formula_sentence_is_defused_in_the_bead_table() {
    let en = en();
    let es_text = es_with(FORMULA);
    let es = Document::parse(&es_text, Lang::Es).unwrap();
    let first: Vec<&str> = en.sentences().iter().map(|s| s.text()).collect();
    let second: Vec<&str> = es.sentences().iter().map(|s| s.text()).collect();
    assert!(second.contains(&FORMULA));
    let pairs = Aligner::new().align_sentences(&first, &second);
    let text = render(|out| write_bead_table(out, &pairs, &first, &second));
    let (first_row, mut rows) = read_table(&text, Separator::Tab);
    rows.insert(0, first_row);
    assert_eq!(rows.len(), pairs.len());
    let joined = |list: &[&str], idx: &str| -> String {
        idx.split(',')
            .filter(|i| !i.is_empty())
            .map(|i| list[i.parse::<usize>().unwrap()])
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut defused = 0;
    for row in &rows {
        for (cell, text) in [
            (&row[3], joined(&first, &row[0])),
            (&row[4], joined(&second, &row[1])),
        ] {
            if text.starts_with('=') {
                assert_eq!(*cell, format!("'{text}"));
                defused += 1;
            } else {
                assert_eq!(*cell, text);
            }
        }
    }
    assert_eq!(defused, 1, "the formula sentence opens its bead");
}

/// Asserts that the only escape sequences in `text` are colour (SGR) sequences, `ESC [`
/// digits and `;` then `m`, and that no other control character than tab and line feed is in
/// it.
fn only_colours(text: &str) {
    let mut rest = text;
    while let Some(at) = rest.find('\u{1b}') {
        let seq = &rest[at + 1..];
        let body = seq
            .strip_prefix('[')
            .unwrap_or_else(|| panic!("a bare ESC: {:?}", &rest[at..]));
        let end = body.find('m').expect("an SGR sequence ends with m");
        assert!(
            body[..end].chars().all(|c| c.is_ascii_digit() || c == ';'),
            "not a colour: {:?}",
            &rest[at..at + 2 + end + 1]
        );
        rest = &body[end + 1..];
    }
    let controls: Vec<char> = text
        .chars()
        .filter(|&c| c.is_control() && !matches!(c, '\u{1b}' | '\t' | '\n'))
        .collect();
    assert!(controls.is_empty(), "raw controls: {controls:?}");
}

/// `CONTROLS` as the text reports show it.
const SHOWN: &str = r"México y Canadá\u{1b}]0;pwned\u{7} celebrarán\u{1b}[2J cada año\u{1b}]52;c;cHduZWQ=\u{7} su amistad\u{9b}2J con\u{7f} desfiles.";

#[test]
fn control_characters_reach_no_text_report_raw() {
    let title = "Colaboración en seguridad económica";
    let hostile_title = "Colaboración\u{1b}[2J en\u{9b}0m seguridad económica";
    let es_text = es_with(CONTROLS);
    assert_eq!(es_text.matches(title).count(), 1);
    let es_text = es_text.replace(title, hostile_title);
    let (en, es, check) = checked(&es_text);
    assert!(
        es.sentences().iter().any(|s| s.text() == CONTROLS),
        "the sentence reaches the check whole"
    );

    let plain = render(|out| write_check_text(out, &check, &en, &es));
    let colour = render(|out| {
        let options = ReportOptions {
            colour: true,
            ..ReportOptions::default()
        };
        write_check_text_with(out, &check, &en, &es, &options)
    });
    for text in [&plain, &colour] {
        only_colours(text);
        assert!(
            text.contains(SHOWN),
            "the escaped sentence is shown:\n{text}"
        );
        assert!(text.contains(r"Colaboración\u{1b}[2J en\u{9b}0m seguridad económica"));
    }
    assert!(!plain.contains('\u{1b}'), "plain text has no escape at all");
    assert!(colour.contains("\u{1b}[1m== "), "the colours stay");
    // Apart from the escapes, the colour report is the plain one.
    let mut uncoloured = colour.clone();
    for code in ["1", "1;31", "33", "36", "2", "0"] {
        uncoloured = uncoloured.replace(&format!("\u{1b}[{code}m"), "");
    }
    assert_eq!(uncoloured, plain);

    let alignment = render(|out| write_text(out, &check.alignment, &en, &es));
    only_colours(&alignment);
    assert!(!alignment.contains('\u{1b}'));
    assert!(alignment.contains(SHOWN));
    assert!(alignment.contains(r"I.4 Colaboración\u{1b}[2J en\u{9b}0m seguridad económica"));

    let first: Vec<&str> = en.sentences().iter().map(|s| s.text()).collect();
    let second: Vec<&str> = es.sentences().iter().map(|s| s.text()).collect();
    let pairs = Aligner::new().align_sentences(&first, &second);
    let beads = render(|out| write_bead_table(out, &pairs, &first, &second));
    only_colours(&beads);
    assert!(!beads.contains('\u{1b}') && beads.contains(SHOWN));
    for separator in [Separator::Comma, Separator::Tab] {
        let table = render(|out| write_table(out, &check, &en, &es, separator));
        only_colours(&table.replace('\r', ""));
        assert!(
            !table.contains('\u{1b}') && table.contains(SHOWN),
            "{separator:?}"
        );
    }
    assert_eq!(escape_controls(CONTROLS), SHOWN);
}

/// The seed's first words of the preamble with the controls of [`CONTROLS`] among them.
const IN_A_PAIR: &str = "México y Canadá\u{1b}]0;pwned\u{7} comparten\u{1b}[2J más\u{1b}]52;c;cHduZWQ=\u{7} de 81\u{9b}2J años\u{7f}";

#[test]
fn json_and_xml_reports_escape_controls_their_own_way() {
    // In a sentence of a pair, as TMX has only pairs with both sides.
    let es_text = ES.replace(ANCHOR, IN_A_PAIR);
    let (en, es, check) = checked(&es_text);
    // XML 1.0 forbids C0 controls but tab and line breaks: TMX and XLIFF leave them out.
    let tmx = render(|out| write_check_tmx(out, &check, &en, &es));
    let xliff = render(|out| write_xliff(out, &check, &en, &es));
    let xml_safe: String = IN_A_PAIR
        .chars()
        .filter(|&c| c >= ' ' || matches!(c, '\t' | '\n' | '\r'))
        .collect();
    for xml in [&tmx, &xliff] {
        assert!(!xml
            .chars()
            .any(|c| c < ' ' && !matches!(c, '\t' | '\n' | '\r')));
        assert!(
            xml.contains(&xml_safe),
            "the sentence, less the forbidden characters"
        );
    }
    // HTML shows them as the text report does.
    let report = CheckReport::new(
        &check,
        &en,
        &es,
        ["en.txt", "es.txt"],
        ReportOptions::default(),
    );
    let html = render(|out| write_html(out, &report, &check, &en, &es));
    assert!(!html
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r')));
    assert!(html.contains(r"pwned\u{7} comparten\u{1b}[2J más\u{1b}]52"));

    // JSON, from the command line: `\u001b`, as JSON requires of every C0 control.
    let dir = std::env::temp_dir().join(format!("paridad-injection-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let es_path = dir.join("es.txt");
    std::fs::write(&es_path, &es_text).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_paridad"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["check", "seeds/2025-2028.en.txt"])
        .arg(&es_path)
        .args(["--format", "json"])
        .output()
        .expect("the binary runs");
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!out.stdout.iter().any(|&b| b < 0x20 && b != b'\n'));
    let json = String::from_utf8(out.stdout).unwrap();
    assert!(json.contains(r"comparten\u001b[2J más\u001b]52;c;cHduZWQ=\u0007 de 81"));
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let read_back = value["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["pairs"].as_array().unwrap())
        .any(|p| p["es"].as_str().is_some_and(|t| t.starts_with(IN_A_PAIR)));
    assert!(read_back, "a JSON parser reads the sentence back whole");
}

#[test]
fn the_cli_shows_controls_in_file_names_and_json_escaped() {
    let dir = std::env::temp_dir().join(format!("paridad-inject-cli-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(&dir).unwrap();
    // A file name that clears the screen and sets the window title, and holds a line break.
    let hostile = "plan\u{1b}[2J\u{1b}]0;pwned\u{7}\n.txt";
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_paridad"))
            .current_dir(&dir)
            .args(args)
            .output()
            .unwrap()
    };
    let out = run(&["segment", hostile]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr,
        "paridad: plan\\u{1b}[2J\\u{1b}]0;pwned\\u{7}\\u{a}.txt: no such file\n"
    );
    // A usage error quotes the argument it could not take (a file name a shell glob put
    // where an option goes), with its controls escaped.
    let out = run(&["segment", "plan.txt", "extra\u{9b}2J\u{1b}]0;pwned\u{7}"]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr.contains(r"extra\u{9b}2J"),
        "the argument is quoted, escaped: {stderr}"
    );
    assert!(
        !stderr.chars().any(|c| c.is_control() && c != '\n'),
        "{stderr:?}"
    );
    // In the JSON report, C0 controls are escaped by JSON itself, and DEL and C1 too.
    std::fs::write(dir.join("es.txt"), ES.replace(ANCHOR, IN_A_PAIR)).unwrap();
    let en_path = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds/2025-2028.en.txt");
    let out = run(&["check", en_path, "es.txt", "--format", "json"]);
    assert!(out.status.success());
    let json = String::from_utf8(out.stdout).unwrap();
    let raw: Vec<char> = json
        .chars()
        .filter(|&c| c.is_control() && c != '\n')
        .collect();
    assert!(raw.is_empty(), "raw controls in the JSON: {raw:?}");
    assert!(
        json.contains(r"81\u009b2J años\u007f"),
        "DEL and C1 escaped"
    );
    // Read back, the text is the document's.
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(report.to_string().contains("81\u{9b}2J años\u{7f}"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_segment_outline_shows_controls_escaped() {
    let dir = std::env::temp_dir().join(format!("paridad-inject-seg-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(&dir).unwrap();
    let title = "Colaboración en seguridad económica";
    assert_eq!(ES.matches(title).count(), 1);
    let text = ES.replace(
        title,
        "Colaboración\u{1b}]0;pwned\u{7} en\u{1b}[2J seguridad\u{9b}0m económica",
    );
    std::fs::write(dir.join("plan\u{1b}[2J.txt"), text).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_paridad"))
        .current_dir(&dir)
        .args(["segment", "plan\u{1b}[2J.txt"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let raw: Vec<char> = stdout
        .chars()
        .filter(|&c| c.is_control() && c != '\n')
        .collect();
    assert!(raw.is_empty(), "raw controls: {raw:?}");
    assert!(
        stdout.starts_with("plan\\u{1b}[2J.txt: spanish, "),
        "{stdout}"
    );
    assert!(stdout.contains("I.4"), "the section keeps its id: {stdout}");
    assert!(
        stdout.contains(r"Colaboración\u{1b}]0;pwned\u{7} en\u{1b}[2J seguridad\u{9b}0m económica")
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn bidirectional_controls_cannot_reorder_what_a_reviewer_reads() {
    // The Spanish I.4 deadline stored as "5202" and shown right to left, so that a terminal
    // would display "2025": the check compares what the text holds, and the reports show the
    // override escaped, so the reviewer reads what was compared.
    let deadline = "antes de que concluya el 2025";
    assert_eq!(ES.matches(deadline).count(), 1);
    let es_text = ES.replace(deadline, "antes de que concluya el \u{202e}5202\u{202c}");
    let (en, es, check) = checked(&es_text);
    let findings = render(|out| write_check_text(out, &check, &en, &es));
    let alignment = render(|out| write_text(out, &check.alignment, &en, &es));
    for shown in [&findings, &alignment] {
        assert!(
            !shown.contains(['\u{202e}', '\u{202c}']),
            "no raw bidirectional control"
        );
    }
    assert!(
        alignment.contains(r"concluya el \u{202e}5202\u{202c}."),
        "{alignment}"
    );
    // What was compared: the year of the English deadline is not in the Spanish sentence,
    // whose number is 5202.
    assert!(findings.contains("the date 2025 of the English version is missing in the Spanish"));
    assert!(findings.contains("the number 5202 of the Spanish version is missing in the English"));
}

#[test]
fn a_quoted_formula_stays_text_when_a_spreadsheet_unquotes_the_tsv() {
    // Spreadsheets import TSV with `"` as a text delimiter (LibreOffice's default), so the
    // sentence `"=HYPERLINK(""…"")"` would become the formula inside the quotes. Read back as
    // such an import reads it, no cell may start like a formula.
    let quoted = r#""=HYPERLINK(""http://evil.example/"",""México y Canadá"")""#;
    let (en, es, check) = checked(&es_with(quoted));
    assert!(
        check
            .divergences
            .iter()
            .any(|d| d.b.as_ref().is_some_and(|e| e.text == quoted)),
        "the quoted sentence is a divergence"
    );
    let tsv = render(|out| write_table(out, &check, &en, &es, Separator::Tab));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .quoting(true)
        .flexible(true)
        .from_reader(tsv.as_bytes());
    let mut cells = 0;
    for record in reader.records() {
        for cell in record.expect("a record").iter() {
            cells += 1;
            assert!(!formula_like(cell), "a formula once unquoted: {cell:?}");
        }
    }
    assert_eq!(cells, 7 * check.divergences.len(), "seven cells a finding");
    assert!(
        tsv.contains(&format!("'{quoted}")),
        "the cell keeps its text, after a '"
    );
}
