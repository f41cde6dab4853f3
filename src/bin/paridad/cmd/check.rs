//! `paridad check EN ES`: two versions checked for divergences, filtered, compared with a
//! baseline, and reported in one of the report formats; the exit code of `--fail-on`.

use std::io::{self, IsTerminal};

use crate::args::{CheckArgs, CheckFormat, ColourChoice, FailOn};
use crate::cmd::{documents, report_role};
use crate::input::{read_baseline, read_dictionaries, read_glossaries};
use crate::output::with_output;
use crate::versions::Versions;
use crate::{finish_output, write_json, Failure, Outcome};

/// Runs `paridad check`: the report to `--out` or standard output, the baseline to
/// `--write-baseline`; [`Outcome::Failed`] when a finding reaches `--fail-on`.
pub(crate) fn run(args: &CheckArgs, stdout: &mut io::StdoutLock<'_>) -> Result<Outcome, Failure> {
    let date = match &args.doc_date {
        Some(s) => Some(
            s.parse::<paridad::Date>()
                .map_err(|e| Failure(format!("--doc-date {s:?}: {e}")))?,
        ),
        None => None,
    };
    let filter = parse_filter(args)?;
    let mut files = documents(&args.en, &args.es);
    for g in &args.glossary {
        files.read("--glossary", g);
    }
    for d in &args.evidence.dict {
        files.read("--dict", d);
    }
    if let Some(b) = &args.baseline {
        files.read("--baseline", b);
    }
    files.write(report_role(args.out.as_deref()), args.out.as_deref());
    if let Some(path) = &args.write_baseline {
        files.write("--write-baseline", Some(path));
    }
    files.refuse_clashes()?;
    let baseline = args.baseline.as_deref().map(read_baseline).transpose()?;
    let glossary = read_glossaries(&args.glossary)?;
    let dictionary = read_dictionaries(&args.evidence.dict)?;
    let versions = Versions::read(&args.en, &args.es, args.langs.as_deref(), args.strict_lang)?;
    versions.warn();
    // The checker (its glossary indexed) is built while the versions are segmented. It keeps
    // what it needs of the glossary and dictionary: those read are dropped here.
    let (checker, parsed) = rayon::join(
        || {
            paridad::Checker::with_glossary(&glossary)
                .learn_terms(!args.evidence.no_learned_terms)
                .dictionary(&dictionary)
        },
        || versions.parse(),
    );
    drop((glossary, dictionary));
    let mut checker = checker;
    let (en, es) = parsed?;
    if let Some(date) = date {
        checker = checker.doc_date(date);
    }
    let mut check = checker.check(&en, &es);
    filter.apply(&mut check);
    // The baseline to write, recorded before the baseline read hides anything.
    let reviewed = args.write_baseline.as_ref().map(|path| {
        let mut reviewed = baseline.clone().unwrap_or_default();
        reviewed.schema = paridad::BASELINE_SCHEMA.to_string();
        reviewed.record(&check);
        (path, reviewed)
    });
    let hidden = baseline.as_ref().map_or(0, |b| b.hide(&mut check));
    let colour = match args.color {
        ColourChoice::Always => true,
        ColourChoice::Never => false,
        ColourChoice::Auto => {
            args.out.is_none()
                && io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let options = paridad::report::ReportOptions {
        doc_date: check.doc_date.map(|d| d.to_string()),
        glossaries: args
            .glossary
            .iter()
            .map(|p| p.display().to_string())
            .collect(),
        dictionaries: args
            .evidence
            .dict
            .iter()
            .map(|p| p.display().to_string())
            .collect(),
        learned_terms: !args.evidence.no_learned_terms,
        baseline: args.baseline.as_ref().map(|p| p.display().to_string()),
        filter,
        paths: versions.paths.each_ref().map(|p| p.display().to_string()),
        colour,
        hidden,
    };
    let write_report = |stdout: &mut io::StdoutLock<'_>| {
        with_output(args.out.as_ref(), stdout, |mut out| {
            use paridad::report::{self, Format};
            let out = &mut out;
            let format = match args.format {
                // The JSON record is built only for JSON (it holds a copy of every pair's text).
                CheckFormat::Json => {
                    let record = report::CheckReport::from_options(&check, &en, &es, &options);
                    return finish_output(write_json(out, &record));
                }
                CheckFormat::Text => Format::Text,
                CheckFormat::Html => Format::Html,
                CheckFormat::Tmx => Format::Tmx,
                CheckFormat::Xliff => Format::Xliff,
                CheckFormat::Csv => Format::Csv,
                CheckFormat::Tsv => Format::Tsv,
            };
            finish_output(report::write_check(out, format, &check, &en, &es, &options))
        })
    };
    match &reviewed {
        // The baseline is written first, then the report is written and put in place while
        // the baseline still waits in its partial file, and the baseline is put in place last:
        // a baseline that cannot be written stops the run before the report is touched, and a
        // report that fails leaves the old baseline (nothing recorded as reviewed unseen).
        Some((path, reviewed)) => {
            let path = (path.as_os_str() != "-").then_some(*path);
            with_output(path, stdout, |mut out| {
                finish_output(write_json(&mut out, reviewed))?;
                // Standard output's lock is reentrant: the report may go there when the
                // baseline goes to a file (both there is refused before).
                write_report(&mut io::stdout().lock())
            })?;
        }
        None => write_report(stdout)?,
    }
    let threshold = match args.fail_on {
        FailOn::Error => Some(paridad::Severity::Error),
        FailOn::Warning => Some(paridad::Severity::Warning),
        FailOn::Never => None,
    };
    let failed = threshold.is_some_and(|t| check.divergences.iter().any(|d| d.severity >= t));
    Ok(if failed {
        Outcome::Failed
    } else {
        Outcome::Clean
    })
}

/// The filter `--ignore`, `--min-severity` and `--min-confidence` describe.
fn parse_filter(args: &CheckArgs) -> Result<paridad::Filter, Failure> {
    let mut filter = paridad::Filter::default()
        .min_severity(
            args.min_severity
                .parse()
                .map_err(|e| Failure(format!("--min-severity: {e}")))?,
        )
        .min_confidence(args.min_confidence);
    if !(0.0..=1.0).contains(&args.min_confidence) {
        return Err(Failure(format!(
            "--min-confidence {}: expected a number from 0 to 1",
            args.min_confidence
        )));
    }
    for kind in &args.ignore {
        filter = filter.ignore(
            kind.parse()
                .map_err(|e| Failure(format!("--ignore: {e}")))?,
        );
    }
    Ok(filter)
}
