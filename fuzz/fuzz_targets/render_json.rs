//! The JSON records of a fuzzed check: `paridad.report.v1` (`paridad check --format json`) and
//! the alignment report (`paridad align --format json`) serialise, read back as JSON, and count
//! every divergence and section pair.
#![no_main]

use libfuzzer_sys::fuzz_target;
use paridad::report::{AlignmentReport, CheckReport, ReportOptions};
use paridad::Checker;
use paridad_fuzz::with_documents;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    with_documents(data, |en, es| {
        let check = Checker::new().check(en, es);
        let report = CheckReport::new(
            &check,
            en,
            es,
            ["en.txt", "es.txt"],
            ReportOptions::default(),
        );
        let json = serde_json::to_vec_pretty(&report).expect("the check report serialises");
        let value: Value = serde_json::from_slice(&json).expect("the check report reads back");
        assert_eq!(value["schema"], "paridad.report.v1");
        assert_eq!(value["summary"]["total"], check.divergences.len());
        let sections = value["sections"].as_array().expect("sections");
        assert_eq!(sections.len(), check.alignment.sections.len());
        let divergences: usize = sections
            .iter()
            .map(|s| s["divergences"].as_array().expect("divergences").len())
            .sum();
        assert_eq!(divergences, check.divergences.len());

        let report = AlignmentReport::new(&check.alignment, en, es);
        let json = serde_json::to_vec(&report).expect("the alignment report serialises");
        let value: Value = serde_json::from_slice(&json).expect("the alignment report reads back");
        let sections = value["sections"].as_array().expect("sections");
        assert_eq!(sections.len(), check.alignment.sections.len());
    });
});
