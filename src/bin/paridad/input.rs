//! Reading the run's inputs (documents, glossaries, baselines) within the size limits of
//! `--max-input-size`.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use paridad::{InputLimits, InputRole};

use crate::{say, Failure};

/// The size limits of this run's inputs, set once from `--max-input-size`.
static LIMITS: OnceLock<InputLimits> = OnceLock::new();

/// The size limit for inputs of `role`.
pub(crate) fn limit(role: InputRole) -> u64 {
    LIMITS.get_or_init(InputLimits::default).get(role)
}

/// Sets the size limits of this run, once, before any input is read.
pub(crate) fn set_limits(limits: InputLimits) {
    LIMITS.get_or_init(|| limits);
}

/// Reads a document from a path, or standard input for `-`, within the document size limit.
pub(crate) fn read_input(path: &Path) -> Result<String, Failure> {
    read_bounded(path, InputRole::Document)
}

/// Reads the input of `role` at `path` (standard input for `-`) within its size limit; an input
/// over it is refused with the way to raise it.
pub(crate) fn read_bounded(path: &Path, role: InputRole) -> Result<String, Failure> {
    let limit = limit(role);
    let read = if path.as_os_str() == "-" {
        paridad::read_text(io::stdin().lock(), limit, role).map_err(|e| e.with_path("<stdin>"))
    } else {
        paridad::read_file_within(path, limit, role)
    };
    read.map_err(|e| {
        let raise = if e.is_too_large() {
            format!("; --max-input-size {}=SIZE raises it", role.name())
        } else {
            String::new()
        };
        Failure(format!("{e}{raise}"))
    })
}

/// Reads the dictionaries given with `--dict`, merged.
pub(crate) fn read_dictionaries(paths: &[PathBuf]) -> Result<paridad::Dictionary, Failure> {
    let mut dictionary = paridad::Dictionary::new();
    for path in paths {
        let more = paridad::Dictionary::read(path, limit(InputRole::Glossary)).map_err(|e| {
            let raise = if e.is_too_large() {
                "; --max-input-size glossary=SIZE raises it"
            } else {
                ""
            };
            Failure(format!("{e}{raise}"))
        })?;
        if more.is_empty() {
            say(&format!(
                "paridad: warning: {}: no word pair in this dictionary; going on without it",
                path.display()
            ));
        }
        dictionary.extend(&more);
    }
    Ok(dictionary)
}

/// Reads the glossaries given with `--glossary`, merged.
pub(crate) fn read_glossaries(paths: &[PathBuf]) -> Result<paridad::Glossary, Failure> {
    let mut glossary = paridad::Glossary::new();
    for path in paths {
        let text = read_bounded(path, InputRole::Glossary)?;
        // By extension; an unknown one is TBX when it reads as XML, TSV otherwise.
        let format = paridad::GlossaryFormat::from_path(path).unwrap_or_else(|| {
            if text.trim_start().starts_with('<') {
                paridad::GlossaryFormat::Tbx
            } else {
                paridad::GlossaryFormat::Tsv
            }
        });
        let more = paridad::Glossary::parse(&text, format).map_err(|e| e.with_path(path))?;
        drop(text);
        if more.is_empty() {
            say(&format!(
                "paridad: warning: {}: no English-Spanish term pair in this glossary (a TBX \
                 needs language sections en and es, a TSV or CSV lines with both terms); going on \
                 without it",
                path.display()
            ));
        }
        // A glossary just read has its synonyms merged already: the first is taken as it is.
        if glossary.is_empty() {
            glossary = more;
        } else {
            glossary.extend(&more);
        }
    }
    Ok(glossary)
}

/// Reads the baseline of `--baseline`: a JSON file of the baseline schema.
pub(crate) fn read_baseline(path: &Path) -> Result<paridad::Baseline, Failure> {
    let text = read_bounded(path, InputRole::Baseline)?;
    let baseline: paridad::Baseline = serde_json::from_str(&text).map_err(|e| {
        Failure(format!(
            "{}: not a paridad baseline (line {}): {e}",
            path.display(),
            e.line()
        ))
    })?;
    if baseline.schema != paridad::BASELINE_SCHEMA {
        return Err(Failure(format!(
            "{}: not a paridad baseline: schema {:?}, expected {:?}",
            path.display(),
            baseline.schema,
            paridad::BASELINE_SCHEMA
        )));
    }
    Ok(baseline)
}
