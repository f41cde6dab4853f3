//! The CSV and TSV tables of a fuzzed check, read back by the `csv` crate: a header and one
//! record of seven fields per divergence, holding the divergence's id, kind, severity,
//! evidence and message (in TSV with tabs and line breaks turned into spaces).
#![no_main]

use libfuzzer_sys::fuzz_target;
use paridad::report::{write_table, Separator};
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
            let clean = |s: &str| match separator {
                Separator::Comma => s.to_string(),
                _ => s.replace(['\t', '\r', '\n'], " "),
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
                    evidence(&d.en),
                    evidence(&d.es),
                    clean(&d.message),
                ];
                let got = [0, 2, 3, 4, 5, 6].map(|k| record[k].to_string());
                assert_eq!(got, expected, "{separator:?} record");
            }
        }
    });
});
