//! The command line's arguments: the clap types of `paridad` and its commands, and the size
//! limits `--max-input-size` gives.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use paridad::{InputLimits, InputRole};

use crate::Failure;

/// Checks whether two language versions of an official document say the same thing.
#[derive(Parser)]
#[command(name = "paridad", version, about)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
    /// The size limit of inputs: SIZE for every kind, or KIND=SIZE for one (document,
    /// glossary, baseline, manifest-line), as bytes or with K, M, G (powers of 1024);
    /// repeatable. Defaults: document=512M, glossary=256M, baseline=256M, manifest-line=1M.
    #[arg(long, global = true, value_name = "[KIND=]SIZE")]
    pub(crate) max_input_size: Vec<String>,
}

/// The limits `--max-input-size` gives, in order (a later one wins).
pub(crate) fn parse_limits(given: &[String]) -> Result<InputLimits, Failure> {
    let mut limits = InputLimits::default();
    for item in given {
        let bad = |e: paridad::Error| Failure(format!("--max-input-size {item:?}: {e}"));
        match item.split_once('=') {
            Some((role, size)) => {
                let role: InputRole = role.parse().map_err(bad)?;
                limits.set(role, paridad::parse_size(size).map_err(bad)?);
            }
            None => {
                limits.set_all(paridad::parse_size(item).map_err(bad)?);
            }
        }
    }
    Ok(limits)
}

#[derive(Subcommand)]
pub(crate) enum Command {
    /// Segment a document into its numbered structure and sentences.
    Segment {
        /// The document (UTF-8 text); `-` reads standard input.
        file: PathBuf,
        /// Its language: en or es (detected when not given).
        #[arg(long)]
        lang: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Align two versions: sections, then sentences, with scores.
    Align(AlignArgs),
    /// Check two versions for divergences: dates, numbers, institutions, modality, omissions.
    Check(CheckArgs),
    /// Check many pairs in parallel: a JSON-lines manifest in (`{"id": …, "en": path, "es":
    /// path}` a line), one JSON line a pair out, in manifest order.
    Batch(BatchArgs),
}

/// The arguments of `paridad align`.
#[derive(clap::Args)]
pub(crate) struct AlignArgs {
    /// The English version (`-` reads standard input).
    pub(crate) en: PathBuf,
    /// The Spanish version. The two may come in either order: languages are detected.
    pub(crate) es: PathBuf,
    /// The two files are sentence lists, one sentence a line, in any two languages
    /// (`--langs`, default en,es): align the sentences alone, without sections.
    #[arg(long)]
    pub(crate) sentences: bool,
    /// A glossary added to the built-in one: TSV (`English<TAB>Spanish[<TAB>note]`), CSV
    /// with a header, or TBX, by extension (repeatable).
    #[arg(long, value_name = "FILE")]
    pub(crate) glossary: Vec<PathBuf>,
    #[command(flatten)]
    pub(crate) evidence: EvidenceArgs,
    /// The two files' languages, in the order given (`en,es` or `es,en`); detected when
    /// not given. With `--sentences`, any two ISO 639 codes (`de,fr`), default en,es.
    #[arg(long, value_name = "A,B")]
    pub(crate) langs: Option<String>,
    /// Output format: text (default), json or tmx; with `--sentences`, beads (default),
    /// tsv or json.
    #[arg(long, value_enum)]
    pub(crate) format: Option<AlignFormat>,
    /// Write the output to FILE instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub(crate) out: Option<PathBuf>,
    /// Refuse (exit 2) instead of warning when the languages look wrong: both files in
    /// one language, the Spanish file first, or `--langs` contradicting the text.
    #[arg(long)]
    pub(crate) strict_lang: bool,
}

/// Lexical evidence beyond the glossaries, for `check` and `align`.
#[derive(clap::Args)]
pub(crate) struct EvidenceArgs {
    /// A bilingual dictionary as evidence (repeatable): hunalign's `.dic`, or FreeDict's
    /// dictd files (`freedict-eng-spa.index`, with its `.dict` or `.dict.dz` beside it).
    /// Its pairs count where their words meet in aligned sentences. Size-limited as a
    /// glossary.
    #[arg(long, value_name = "FILE")]
    pub(crate) dict: Vec<PathBuf>,
    /// Learn no word pairs from the two versions themselves: only the glossaries,
    /// dictionaries, numbers, acronyms, identical words and cognates link them.
    #[arg(long)]
    pub(crate) no_learned_terms: bool,
}

/// The arguments of `paridad batch`.
#[derive(clap::Args)]
pub(crate) struct BatchArgs {
    /// The manifest; `-` reads standard input (relative paths are then relative to the
    /// working folder, else to the manifest's folder).
    pub(crate) manifest: PathBuf,
    /// A glossary added to the built-in one, for every pair (repeatable).
    #[arg(long, value_name = "FILE")]
    pub(crate) glossary: Vec<PathBuf>,
    /// Worker threads, 1 to 1024 (default: one per core).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=1024))]
    pub(crate) jobs: Option<u16>,
    /// Write the lines to FILE instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub(crate) out: Option<PathBuf>,
    /// Each line is `N<TAB>{…}`, N its line number in the whole manifest (as a cluster
    /// sends a shard of it): records and messages give N as the line.
    #[arg(long)]
    pub(crate) numbered: bool,
}

/// The arguments of `paridad check`.
#[derive(clap::Args)]
pub(crate) struct CheckArgs {
    /// The English version (`-` reads standard input).
    pub(crate) en: PathBuf,
    /// The Spanish version. The two may come in either order: languages are detected.
    pub(crate) es: PathBuf,
    /// The date relative dates (`this year`) resolve against, as YYYY-MM-DD; by default
    /// the English dateline, else the Spanish one.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub(crate) doc_date: Option<String>,
    /// A glossary added to the built-in one: TSV (`English<TAB>Spanish[<TAB>note]`), CSV
    /// with a header, or TBX, by extension (repeatable). Its terms are also checked for
    /// consistent use.
    #[arg(long, value_name = "FILE")]
    pub(crate) glossary: Vec<PathBuf>,
    /// The two files' languages, in the order given (`en,es` or `es,en`); detected when
    /// not given.
    #[arg(long, value_name = "A,B")]
    pub(crate) langs: Option<String>,
    #[command(flatten)]
    pub(crate) evidence: EvidenceArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub(crate) format: CheckFormat,
    /// Write the report to FILE instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub(crate) out: Option<PathBuf>,
    /// Refuse (exit 2) instead of warning when the languages look wrong: both files in one
    /// language, the Spanish file first, or `--langs` contradicting the text.
    #[arg(long)]
    pub(crate) strict_lang: bool,
    /// Hide the findings recorded in FILE (written by `--write-baseline`) and say how many.
    #[arg(long, value_name = "FILE")]
    pub(crate) baseline: Option<PathBuf>,
    /// Record this run's findings (with those of `--baseline`) in FILE as reviewed.
    #[arg(long, value_name = "FILE")]
    pub(crate) write_baseline: Option<PathBuf>,
    /// Leave out findings of this kind: date, number, entity, modality, meaning, omission,
    /// addition, structure (repeatable).
    #[arg(long, value_name = "KIND")]
    pub(crate) ignore: Vec<String>,
    /// Leave out findings below this severity: info, warning or error.
    #[arg(long, value_name = "SEVERITY", default_value = "info")]
    pub(crate) min_severity: String,
    /// Leave out findings less confident than this (0 to 1).
    #[arg(long, value_name = "C", default_value_t = 0.0)]
    pub(crate) min_confidence: f64,
    /// Exit with 1 when a finding at or above this severity is reported.
    #[arg(long, value_enum, default_value_t = FailOn::Never)]
    pub(crate) fail_on: FailOn,
    /// Colour in the text report: auto (when writing to a terminal and NO_COLOR is not
    /// set), always or never.
    #[arg(long, value_enum, default_value_t = ColourChoice::Auto)]
    pub(crate) color: ColourChoice,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum FailOn {
    /// Errors fail the run.
    Error,
    /// Warnings and errors fail the run.
    Warning,
    /// Nothing fails the run.
    Never,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ColourChoice {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum CheckFormat {
    /// Divergences grouped by section, with evidence and a summary.
    Text,
    /// The paridad.report.v1 JSON report.
    Json,
    /// One self-contained HTML page, both versions side by side.
    Html,
    /// The sentence pairs as a TMX 1.4b translation memory, divergence kinds as properties.
    Tmx,
    /// XLIFF, one unit per sentence pair, divergences as notes.
    Xliff,
    /// One row per divergence, RFC 4180 CSV.
    Csv,
    /// One row per divergence, tab-separated.
    Tsv,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum AlignFormat {
    /// Section pairs and their sentence pairs, side by side, with scores.
    Text,
    /// The alignment report as JSON.
    Json,
    /// The sentence pairs as a TMX 1.4b translation memory.
    Tmx,
    /// One bead a line, `[0]:[0, 1]:0.93` (with `--sentences`).
    Beads,
    /// One bead a line: indexes, score and both sides' text, tab-separated (with
    /// `--sentences`).
    Tsv,
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum Format {
    /// An outline for people.
    Text,
    /// The full tree as JSON.
    Json,
}
