//! The CSV and TSV tables of a fuzzed check, read back by the `csv` crate: a header and one
//! record of seven fields per divergence, holding the divergence's id, kind, severity,
//! evidence and message (in TSV with tabs and line breaks turned into spaces; control
//! characters other than those escaped; a field a spreadsheet could read as a formula after a
//! `'`), and no field a spreadsheet would read as a formula.
#![no_main]

use libfuzzer_sys::fuzz_target;
use paridad::report::{escape_controls, write_table, Separator};
use paridad::Checker;
use paridad_fuzz::with_documents;

fuzz_target!(|data: &[u8]| {
    with_documents(data, |en, es| {
        let check = Checker::new().check(en, es);
        for separator in [Separator::Comma, Separator::Tab] {
            let mut out = Vec::new();
            write_table(&mut out, &check, en, es, separator).expect("write_table");
            let table = String::from_utf8(out).expect("UTF-8");
            let mut reader = csv::ReaderBuilder::new();
            reader.has_headers(false).flexible(true);
            if separator == Separator::Tab {
                reader.delimiter(b'\t').quoting(false);
            }
            let records: Vec<csv::StringRecord> = reader
                .from_reader(table.as_bytes())
                .records()
                .collect::<Result<_, _>>()
                .expect("the table reads back");
            assert_eq!(
                records.len(),
                check.divergences.len() + 1,
                "{separator:?} records"
            );
            // CSV keeps every carriage return: escape the pieces between them.
            let clean = |s: &str| {
                let shown = match separator {
                    Separator::Comma => s
                        .split('\r')
                        .map(|piece| escape_controls(piece).into_owned())
                        .collect::<Vec<_>>()
                        .join("\r"),
                    _ => escape_controls(&s.replace(['\t', '\r', '\n'], " ")).into_owned(),
                };
                if formula(&shown) {
                    format!("'{shown}")
                } else {
                    shown
                }
            };
            for (record, d) in records[1..].iter().zip(&check.divergences) {
                assert_eq!(record.len(), 7, "{separator:?} fields");
                let evidence = |e: &Option<paridad::Evidence>| {
                    clean(e.as_ref().map_or("", |e| e.text.as_str()))
                };
                let expected = [
                    clean(&d.id),
                    clean(d.kind.name()),
                    clean(d.severity.name()),
                    evidence(&d.a),
                    evidence(&d.b),
                    clean(&d.message),
                ];
                let got = [0, 2, 3, 4, 5, 6].map(|k| record[k].to_string());
                assert_eq!(got, expected, "{separator:?} record");
                assert!(
                    record.iter().all(|field| !formula(field)),
                    "{separator:?} formula"
                );
            }
        }
    });
});

/// Whether a spreadsheet could read `field` as a formula: it starts with `=`, `+`, `-`, `@`, a
/// tab or a carriage return (or their full-width forms), also after white space.
fn formula(field: &str) -> bool {
    let starts = [
        '=', '+', '-', '@', '\t', '\r', '\u{ff1d}', '\u{ff0b}', '\u{ff0d}', '\u{ff20}',
    ];
    field.starts_with(starts) || field.trim_start().starts_with(starts)
}
