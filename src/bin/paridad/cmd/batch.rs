//! `paridad batch MANIFEST`: the command (its files, glossaries and summary line); the manifest
//! read and its pairs checked in parallel are in [`manifest`].

mod manifest;

use std::io;
use std::path::PathBuf;

use crate::args::BatchArgs;
use crate::clash::Files;
use crate::cmd::report_role;
use crate::input::read_glossaries;
use crate::output::{self, with_output};
use crate::{finish_output, say, Failure, Outcome};

/// Runs `paridad batch`: every pair of the manifest checked; a summary line on standard error.
pub(crate) fn run(args: &BatchArgs, stdout: &mut io::StdoutLock<'_>) -> Result<Outcome, Failure> {
    let BatchArgs {
        manifest,
        glossary: glossaries,
        jobs,
        out: out_path,
        numbered,
    } = args;
    let (out_path, jobs, numbered) = (out_path.as_ref(), *jobs, *numbered);
    let mut files = Files::default();
    files.read("the manifest", manifest);
    for g in glossaries {
        files.read("--glossary", g);
    }
    let out_path_ref = out_path.map(PathBuf::as_path);
    files.write(report_role(out_path_ref), out_path_ref);
    files.refuse_clashes()?;
    let checker = paridad::Checker::with_glossary(&read_glossaries(glossaries)?);
    let settings = manifest::Settings {
        checker: &checker,
        glossaries: glossaries.iter().map(|p| p.display().to_string()).collect(),
        jobs: jobs.map(usize::from),
        written: files.written(),
        numbered,
    };
    let totals = with_output(out_path, stdout, |out| {
        let mut out = output::EscapedC1::new(out);
        let totals = manifest::run(manifest, &settings, &mut out)?;
        finish_output(out.finish())?;
        Ok(totals)
    })?;
    say(&format!(
        "paridad: batch {}: {} pairs checked, {} failed",
        manifest.display(),
        totals.checked,
        totals.failed
    ));
    Ok(Outcome::Clean)
}
