//! `paridad batch MANIFEST`: the command (its files, glossaries and summary line); the manifest
//! read and its pairs checked in parallel are in [`manifest`].

mod manifest;

use std::io;

use crate::args::BatchArgs;
use crate::clash::Files;
use crate::cmd::report_role;
use crate::input::read_glossaries;
use crate::output::{self, with_output};
use crate::{finish_output, say, Failure, Outcome};

/// Runs `paridad batch`: every pair of the manifest checked; a summary line on standard error.
pub(crate) fn run(args: &BatchArgs, stdout: &mut io::StdoutLock<'_>) -> Result<Outcome, Failure> {
    let mut files = Files::default();
    files.read("the manifest", &args.manifest);
    for g in &args.glossary {
        files.read("--glossary", g);
    }
    files.write(report_role(args.out.as_deref()), args.out.as_deref());
    files.refuse_clashes()?;
    let checker = paridad::Checker::with_glossary(&read_glossaries(&args.glossary)?);
    let settings = manifest::Settings {
        checker: &checker,
        glossaries: args
            .glossary
            .iter()
            .map(|p| p.display().to_string())
            .collect(),
        jobs: args.jobs.map(usize::from),
        written: files.written(),
        numbered: args.numbered,
    };
    let totals = with_output(args.out.as_ref(), stdout, |out| {
        let mut out = output::EscapedC1::new(out);
        let totals = manifest::run(&args.manifest, &settings, &mut out)?;
        finish_output(out.finish())?;
        Ok(totals)
    })?;
    say(&format!(
        "paridad: batch {}: {} pairs checked, {} failed",
        args.manifest.display(),
        totals.checked,
        totals.failed
    ));
    Ok(Outcome::Clean)
}
