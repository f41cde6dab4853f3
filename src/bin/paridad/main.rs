//! The `paridad` command line: glue between the arguments, the library and the renderers.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod batch;
mod clash;
mod output;

use clap::{Parser, Subcommand, ValueEnum};
use clash::Files;
use output::with_output;
use paridad::{Document, InputLimits, InputRole, Lang};

/// Checks whether two language versions of an official document say the same thing.
#[derive(Parser)]
#[command(name = "paridad", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// The size limit of inputs: SIZE for every kind, or KIND=SIZE for one (document,
    /// glossary, baseline, manifest-line), as bytes or with K, M, G (powers of 1024);
    /// repeatable. Defaults: document=512M, glossary=256M, baseline=256M, manifest-line=1M.
    #[arg(long, global = true, value_name = "[KIND=]SIZE")]
    max_input_size: Vec<String>,
}

/// The size limits of this run's inputs, set once from `--max-input-size`.
static LIMITS: std::sync::OnceLock<InputLimits> = std::sync::OnceLock::new();

/// The size limit for inputs of `role`.
fn limit(role: InputRole) -> u64 {
    LIMITS.get_or_init(InputLimits::default).get(role)
}

/// The limits `--max-input-size` gives, in order (a later one wins).
fn parse_limits(given: &[String]) -> Result<InputLimits, Failure> {
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
enum Command {
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
    Align {
        /// The English version (`-` reads standard input).
        en: PathBuf,
        /// The Spanish version. The two may come in either order: languages are detected.
        es: PathBuf,
        /// The two files are sentence lists, one sentence a line, in any two languages
        /// (`--langs`, default en,es): align the sentences alone, without sections.
        #[arg(long)]
        sentences: bool,
        /// A glossary added to the built-in one: TSV (`English<TAB>Spanish[<TAB>note]`), CSV
        /// with a header, or TBX, by extension (repeatable).
        #[arg(long, value_name = "FILE")]
        glossary: Vec<PathBuf>,
        /// The two files' languages, in the order given (`en,es` or `es,en`); detected when
        /// not given. With `--sentences`, any two ISO 639 codes (`de,fr`), default en,es.
        #[arg(long, value_name = "A,B")]
        langs: Option<String>,
        /// Output format: text (default), json or tmx; with `--sentences`, beads (default),
        /// tsv or json.
        #[arg(long, value_enum)]
        format: Option<AlignFormat>,
        /// Write the output to FILE instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Refuse (exit 2) instead of warning when the languages look wrong: both files in
        /// one language, the Spanish file first, or `--langs` contradicting the text.
        #[arg(long)]
        strict_lang: bool,
    },
    /// Check two versions for divergences: dates, numbers, institutions, modality, omissions.
    Check(CheckArgs),
    /// Check many pairs in parallel: a JSON-lines manifest in (`{"id": …, "en": path, "es":
    /// path}` a line), one JSON line a pair out, in manifest order.
    Batch {
        /// The manifest; `-` reads standard input (relative paths are then relative to the
        /// working folder, else to the manifest's folder).
        manifest: PathBuf,
        /// A glossary added to the built-in one, for every pair (repeatable).
        #[arg(long, value_name = "FILE")]
        glossary: Vec<PathBuf>,
        /// Worker threads, 1 to 1024 (default: one per core).
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=1024))]
        jobs: Option<u16>,
        /// Write the lines to FILE instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Each line is `N<TAB>{…}`, N its line number in the whole manifest (as a cluster
        /// sends a shard of it): records and messages give N as the line.
        #[arg(long)]
        numbered: bool,
    },
}

/// The arguments of `paridad check`.
#[derive(clap::Args)]
struct CheckArgs {
    /// The English version (`-` reads standard input).
    en: PathBuf,
    /// The Spanish version. The two may come in either order: languages are detected.
    es: PathBuf,
    /// The date relative dates (`this year`) resolve against, as YYYY-MM-DD; by default
    /// the English dateline, else the Spanish one.
    #[arg(long, value_name = "YYYY-MM-DD")]
    doc_date: Option<String>,
    /// A glossary added to the built-in one: TSV (`English<TAB>Spanish[<TAB>note]`), CSV
    /// with a header, or TBX, by extension (repeatable). Its terms are also checked for
    /// consistent use.
    #[arg(long, value_name = "FILE")]
    glossary: Vec<PathBuf>,
    /// The two files' languages, in the order given (`en,es` or `es,en`); detected when
    /// not given.
    #[arg(long, value_name = "A,B")]
    langs: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    format: CheckFormat,
    /// Write the report to FILE instead of standard output.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Refuse (exit 2) instead of warning when the languages look wrong: both files in one
    /// language, the Spanish file first, or `--langs` contradicting the text.
    #[arg(long)]
    strict_lang: bool,
    /// Hide the findings recorded in FILE (written by `--write-baseline`) and say how many.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Record this run's findings (with those of `--baseline`) in FILE as reviewed.
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,
    /// Leave out findings of this kind: date, number, entity, modality, omission, addition,
    /// structure (repeatable).
    #[arg(long, value_name = "KIND")]
    ignore: Vec<String>,
    /// Leave out findings below this severity: info, warning or error.
    #[arg(long, value_name = "SEVERITY", default_value = "info")]
    min_severity: String,
    /// Leave out findings less confident than this (0 to 1).
    #[arg(long, value_name = "C", default_value_t = 0.0)]
    min_confidence: f64,
    /// Exit with 1 when a finding at or above this severity is reported.
    #[arg(long, value_enum, default_value_t = FailOn::Never)]
    fail_on: FailOn,
    /// Colour in the text report: auto (when writing to a terminal and NO_COLOR is not
    /// set), always or never.
    #[arg(long, value_enum, default_value_t = ColourChoice::Auto)]
    color: ColourChoice,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FailOn {
    /// Errors fail the run.
    Error,
    /// Warnings and errors fail the run.
    Warning,
    /// Nothing fails the run.
    Never,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColourChoice {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum CheckFormat {
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
enum AlignFormat {
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
enum Format {
    /// An outline for people.
    Text,
    /// The full tree as JSON.
    Json,
}

/// An error for the user: one line, exit code 2.
struct Failure(String);

/// How a command that ran ends: exit code 0, or 1 when `--fail-on` findings were reported.
enum Outcome {
    Clean,
    Failed,
}

impl From<paridad::Error> for Failure {
    fn from(err: paridad::Error) -> Failure {
        Failure(err.to_string())
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(&e),
    };
    output::clean_up_on_interrupt();
    let mut out = io::stdout().lock();
    let result = match parse_limits(&cli.max_input_size) {
        Ok(limits) => {
            LIMITS.get_or_init(|| limits);
            run(cli.command, &mut out)
        }
        Err(failure) => Err(failure),
    };
    match result {
        Ok(Outcome::Clean) => ExitCode::SUCCESS,
        Ok(Outcome::Failed) => ExitCode::from(1),
        Err(Failure(message)) => {
            say(&format!("paridad: {message}"));
            ExitCode::from(2)
        }
    }
}

/// Help and version go to standard output as clap writes them; a usage error is clap's message
/// on standard error with the control characters of the arguments it quotes shown escaped (an
/// argument can be a file name holding a terminal escape sequence), and exit 2.
fn usage_error(e: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        // Help that cannot be written (a full disk) is an error too.
        let mut stdout = io::stdout().lock();
        return match write!(stdout, "{}", e.render()).and_then(|()| stdout.flush()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(err) if err.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            Err(err) => {
                say(&format!("paridad: standard output: {err}"));
                ExitCode::from(2)
            }
        };
    }
    let message = e.render().to_string();
    let _ = io::stderr().write_all(paridad::report::escape_controls(&message).as_bytes());
    ExitCode::from(2)
}

/// Runs one command.
fn run(command: Command, out: &mut io::StdoutLock<'_>) -> Result<Outcome, Failure> {
    match command {
        Command::Segment { file, lang, format } => {
            segment(&file, lang.as_deref(), format, out).map(|()| Outcome::Clean)
        }
        Command::Align {
            en,
            es,
            sentences,
            glossary,
            langs,
            format,
            out: path,
            strict_lang,
        } => {
            let mut files = documents(&en, &es);
            for g in &glossary {
                files.read("--glossary", g);
            }
            files
                .write(report_role(path.as_deref()), path.as_deref())
                .refuse_clashes()?;
            with_output(path.as_ref(), out, |mut out| {
                let langs = langs.as_deref();
                if sentences {
                    align_sentence_lists(&en, &es, &glossary, langs, format, strict_lang, &mut out)
                } else {
                    align(&en, &es, &glossary, langs, format, strict_lang, &mut out)
                }
            })
            .map(|()| Outcome::Clean)
        }
        Command::Check(args) => check(&args, out),
        Command::Batch {
            manifest,
            glossary,
            jobs,
            out: path,
            numbered,
        } => batch(&manifest, &glossary, jobs, numbered, path.as_ref(), out),
    }
}

/// The role of the report in messages: `--out`, or the report on standard output.
fn report_role(out: Option<&Path>) -> &'static str {
    match out {
        Some(path) if path.as_os_str() != "-" => "--out",
        _ => "the report",
    }
}

/// The files of a run that reads two documents.
fn documents(first: &Path, second: &Path) -> Files {
    let mut files = Files::default();
    files
        .read("the first document", first)
        .read("the second document", second);
    files
}

/// `paridad batch`: every pair of the manifest checked; a summary line on standard error.
fn batch(
    manifest: &Path,
    glossaries: &[PathBuf],
    jobs: Option<u16>,
    numbered: bool,
    out_path: Option<&PathBuf>,
    stdout: &mut io::StdoutLock<'_>,
) -> Result<Outcome, Failure> {
    let mut files = Files::default();
    files.read("the manifest", manifest);
    for g in glossaries {
        files.read("--glossary", g);
    }
    let out_path_ref = out_path.map(PathBuf::as_path);
    files.write(report_role(out_path_ref), out_path_ref);
    files.refuse_clashes()?;
    let checker = paridad::Checker::with_glossary(&read_glossaries(glossaries)?);
    let settings = batch::Settings {
        checker: &checker,
        glossaries: glossaries.iter().map(|p| p.display().to_string()).collect(),
        jobs: jobs.map(usize::from),
        written: files.written(),
        numbered,
    };
    let totals = with_output(out_path, stdout, |out| {
        let mut out = output::EscapedC1::new(out);
        let totals = batch::run(manifest, &settings, &mut out)?;
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

/// Says one line on standard error, with every control character in it (from a file name or
/// a document, line breaks and tabs included) shown escaped, so that nothing read reaches the
/// terminal raw and the line stays one line.
fn say(line: &str) {
    eprintln!("{}", one_line(line));
}

/// `text` with its control characters shown escaped (`\u{1b}`), line breaks and tabs too.
fn one_line(text: &str) -> String {
    paridad::report::escape_controls(text)
        .replace('\n', "\\u{a}")
        .replace('\r', "\\u{d}")
        .replace('\t', "\\u{9}")
}

/// A path as messages name it: `<stdin>` for `-`.
fn shown_path(path: &Path) -> &Path {
    if path.as_os_str() == "-" {
        Path::new("<stdin>")
    } else {
        path
    }
}

/// Reads a document from a path, or standard input for `-`, within the document size limit.
fn read_input(path: &Path) -> Result<String, Failure> {
    read_bounded(path, InputRole::Document)
}

/// Reads the input of `role` at `path` (standard input for `-`) within its size limit; an input
/// over it is refused with the way to raise it.
fn read_bounded(path: &Path, role: InputRole) -> Result<String, Failure> {
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

fn parse_lang(given: Option<&str>, text: &str) -> Result<Lang, Failure> {
    match given {
        Some(code) => Ok(code.parse()?),
        None => Ok(Lang::detect(text).unwrap_or(Lang::En)),
    }
}

fn segment(
    path: &PathBuf,
    lang: Option<&str>,
    format: Format,
    stdout: &mut io::StdoutLock<'_>,
) -> Result<(), Failure> {
    let mut files = Files::default();
    files
        .read("the document", path)
        .write("standard output", None);
    files.refuse_clashes()?;
    let text = read_input(path)?;
    let lang = parse_lang(lang, &text)?;
    let doc = Document::parse(&text, lang).map_err(|e| e.with_path(path))?;
    with_output(None, stdout, |mut out| {
        let written = match format {
            Format::Json => write_json(&mut out, &doc),
            Format::Text => write_outline(&doc, &path.display().to_string(), &mut out),
        };
        finish_output(written)
    })
}

/// Reads the glossaries given with `--glossary`, merged.
fn read_glossaries(paths: &[PathBuf]) -> Result<paridad::Glossary, Failure> {
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

/// `en,es` (the first file's language, then the second's).
fn parse_langs(given: &str) -> Result<(Lang, Lang), Failure> {
    let parts: Vec<&str> = given.split(',').collect();
    match parts[..] {
        [a, b] => Ok((a.parse()?, b.parse()?)),
        _ => Err(Failure(format!(
            "--langs {given:?}: expected two language codes, as en,es"
        ))),
    }
}

/// Two versions read and parsed, in English–Spanish order whatever the order given.
struct Versions {
    texts: [String; 2],
    langs: [Lang; 2],
    paths: [PathBuf; 2],
    /// What looked wrong about the languages (both in one language, the Spanish first, a
    /// language given that the text contradicts); refused instead with `strict`.
    doubts: Vec<String>,
}

impl Versions {
    /// Reads both files and settles their languages: given with `--langs`, else detected.
    /// A doubtful case (both in one language, the Spanish file first, a language given that
    /// the text contradicts) is recorded in `doubts`, or refused with `strict`.
    fn read(
        first: &PathBuf,
        second: &PathBuf,
        langs: Option<&str>,
        strict: bool,
    ) -> Result<Versions, Failure> {
        let given = langs.map(parse_langs).transpose()?;
        let (text_a, text_b) = (read_input(first)?, read_input(second)?);
        let (detected_a, detected_b) = (Lang::detect(&text_a), Lang::detect(&text_b));
        let mut doubts: Vec<String> = Vec::new();
        let (lang_a, lang_b) = match given {
            Some((a, b)) => {
                for (path, given, detected) in [(first, a, detected_a), (second, b, detected_b)] {
                    if detected.is_some_and(|d| d != given) {
                        doubts.push(format!(
                            "{} reads as {} but --langs says {}",
                            path.display(),
                            detected.map_or("", |d| d.name()),
                            given.name()
                        ));
                    }
                }
                (a, b)
            }
            None => {
                // When detection cannot tell, the first file is English.
                let lang_a = detected_a.unwrap_or(Lang::En);
                let lang_b = match detected_b {
                    Some(l) => l,
                    None if lang_a == Lang::Es => Lang::En,
                    None => Lang::Es,
                };
                if lang_a == Lang::Es && lang_b == Lang::En {
                    doubts.push(format!(
                        "{} is the Spanish version and {} the English one",
                        first.display(),
                        second.display()
                    ));
                }
                (lang_a, lang_b)
            }
        };
        if lang_a == lang_b {
            // Said of what --langs gives when it gives the languages (the texts may read
            // otherwise, as the doubts above say), of the texts otherwise.
            let how = if given.is_some() {
                "are given as"
            } else {
                "are in"
            };
            doubts.push(format!(
                "both {} and {} {how} {}",
                first.display(),
                second.display(),
                lang_a.name()
            ));
        }
        if let Some(doubt) = doubts.first().filter(|_| strict) {
            return Err(Failure(format!("{doubt} (--strict-lang)")));
        }
        let swap = lang_a == Lang::Es && lang_b == Lang::En;
        let (texts, langs, paths) = if swap {
            (
                [text_b, text_a],
                [lang_b, lang_a],
                [second.clone(), first.clone()],
            )
        } else {
            (
                [text_a, text_b],
                [lang_a, lang_b],
                [first.clone(), second.clone()],
            )
        };
        Ok(Versions {
            texts,
            langs,
            paths,
            doubts,
        })
    }

    /// Says the language doubts on standard error.
    fn warn(&self) {
        for doubt in &self.doubts {
            say(&format!("paridad: warning: {doubt}; going on"));
        }
    }

    fn parse(&self) -> Result<(Document<'_>, Document<'_>), Failure> {
        let en = Document::parse(&self.texts[0], self.langs[0])
            .map_err(|e| e.with_path(shown_path(&self.paths[0])))?;
        let es = Document::parse(&self.texts[1], self.langs[1])
            .map_err(|e| e.with_path(shown_path(&self.paths[1])))?;
        Ok((en, es))
    }
}

fn align(
    first: &PathBuf,
    second: &PathBuf,
    glossaries: &[PathBuf],
    langs: Option<&str>,
    format: Option<AlignFormat>,
    strict_lang: bool,
    out: &mut impl Write,
) -> Result<(), Failure> {
    /// What a document alignment can be written as.
    enum Written {
        Text,
        Json,
        Tmx,
    }
    let format = match format.unwrap_or(AlignFormat::Text) {
        AlignFormat::Text => Written::Text,
        AlignFormat::Json => Written::Json,
        AlignFormat::Tmx => Written::Tmx,
        AlignFormat::Beads | AlignFormat::Tsv => {
            return Err(Failure(
                "--format beads and tsv are for sentence lists: add --sentences".to_string(),
            ))
        }
    };
    let glossary = read_glossaries(glossaries)?;
    let versions = Versions::read(first, second, langs, strict_lang)?;
    versions.warn();
    let (en, es) = versions.parse()?;
    let alignment = paridad::Aligner::with_glossary(&glossary).align(&en, &es);
    let written = match format {
        Written::Text => paridad::report::write_text(out, &alignment, &en, &es),
        Written::Json => write_json(
            out,
            &paridad::report::AlignmentReport::new(&alignment, &en, &es),
        ),
        Written::Tmx => paridad::report::write_tmx(out, &alignment, &en, &es),
    };
    finish_output(written)
}

/// `paridad align --sentences`: two files of one sentence a line, in any two languages.
/// Without `--langs`, a list whose language is detected as English or Spanish is read as such;
/// one that is not detected keeps its default (English first, Spanish second).
fn align_sentence_lists(
    first: &PathBuf,
    second: &PathBuf,
    glossaries: &[PathBuf],
    langs: Option<&str>,
    format: Option<AlignFormat>,
    strict: bool,
    out: &mut impl Write,
) -> Result<(), Failure> {
    /// What a sentence-list alignment can be written as.
    enum Written {
        Beads,
        Tsv,
        Json,
    }
    let format = match format.unwrap_or(AlignFormat::Beads) {
        AlignFormat::Beads => Written::Beads,
        AlignFormat::Tsv => Written::Tsv,
        AlignFormat::Json => Written::Json,
        AlignFormat::Text | AlignFormat::Tmx => {
            return Err(Failure(
                "--sentences writes beads, tsv or json: --format text and tmx need documents"
                    .to_string(),
            ))
        }
    };
    let given = match langs {
        Some(given) => match given.split(',').collect::<Vec<_>>()[..] {
            [a, b] => Some((a.to_string(), b.to_string())),
            _ => {
                return Err(Failure(format!(
                    "--langs {given:?}: expected two language codes, as en,es or de,fr"
                )))
            }
        },
        None => None,
    };
    let glossary = read_glossaries(glossaries)?;
    let (text_a, text_b) = (read_input(first)?, read_input(second)?);
    let (list_a, list_b) = (sentence_lines(&text_a), sentence_lines(&text_b));
    for (path, list) in [(first, &list_a), (second, &list_b)] {
        if list.iter().all(|s| s.trim().is_empty()) {
            return Err(Failure(format!(
                "{}: the sentence list is empty",
                shown_path(path).display()
            )));
        }
    }
    let (lang_a, lang_b) = given.unwrap_or_else(|| {
        let detected = |text: &str, default: Lang| Lang::detect(text).unwrap_or(default);
        let (a, b) = (detected(&text_a, Lang::En), detected(&text_b, Lang::Es));
        (a.code().to_string(), b.code().to_string())
    });
    let mut doubts = Vec::new();
    if langs.is_none() && lang_a == lang_b {
        doubts.push(format!(
            "both {} and {} read as {lang_a}",
            shown_path(first).display(),
            shown_path(second).display()
        ));
    }
    // `en`, `eng`, `en-GB`, `english`, and the same for Spanish.
    let english_or_spanish = |given: &str| {
        let primary = given.split(['-', '_']).next().unwrap_or_default();
        given.parse::<Lang>().is_ok()
            || matches!(
                primary.to_ascii_lowercase().as_str(),
                "en" | "es" | "eng" | "spa"
            )
    };
    let glossary_applies = english_or_spanish(&lang_a) && english_or_spanish(&lang_b);
    if !glossaries.is_empty() && !glossary_applies {
        doubts.push(format!(
            "--glossary pairs English and Spanish terms, and the lists are {lang_a},{lang_b}: it is not used"
        ));
    }
    if let Some(doubt) = doubts.first().filter(|_| strict) {
        return Err(Failure(format!("{doubt} (--strict-lang)")));
    }
    for doubt in &doubts {
        say(&format!("paridad: warning: {doubt}; going on"));
    }
    let pairs = paridad::Aligner::with_glossary(&glossary)
        .align_sentence_lists(&list_a, &lang_a, &list_b, &lang_b)
        .map_err(|e| Failure(format!("--langs: {e}")))?;
    let written = match format {
        Written::Beads => paridad::report::write_beads(out, &pairs),
        Written::Tsv => paridad::report::write_bead_table(out, &pairs, &list_a, &list_b),
        Written::Json => write_json(
            out,
            &paridad::report::AlignmentReport::from_sentence_lists(&pairs, &list_a, &list_b),
        ),
    };
    finish_output(written)
}

/// The lines of a sentence-list file, one sentence each (a line break at the end of the file
/// ends the last line; `\r\n` is one break; a byte-order mark is not text).
fn sentence_lines(text: &str) -> Vec<&str> {
    text.strip_prefix('\u{feff}')
        .unwrap_or(text)
        .lines()
        .collect()
}

fn check(args: &CheckArgs, stdout: &mut io::StdoutLock<'_>) -> Result<Outcome, Failure> {
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
    if let Some(b) = &args.baseline {
        files.read("--baseline", b);
    }
    files.write(report_role(args.out.as_deref()), args.out.as_deref());
    if let Some(path) = &args.write_baseline {
        files.write("--write-baseline", Some(path));
    }
    files.refuse_clashes()?;
    let baseline = args.baseline.as_deref().map(read_baseline).transpose()?;
    // The checker keeps what it needs of the glossary: the glossary read is dropped here.
    let mut checker = paridad::Checker::with_glossary(&read_glossaries(&args.glossary)?);
    let versions = Versions::read(&args.en, &args.es, args.langs.as_deref(), args.strict_lang)?;
    versions.warn();
    let (en, es) = versions.parse()?;
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
    let paths = versions.paths.each_ref().map(|p| p.display().to_string());
    let options = paridad::report::ReportOptions {
        doc_date: check.doc_date.map(|d| d.to_string()),
        glossaries: args
            .glossary
            .iter()
            .map(|p| p.display().to_string())
            .collect(),
        baseline: args.baseline.as_ref().map(|p| p.display().to_string()),
        filter,
    };
    // The JSON record is built only for the formats made from it (it holds a copy of every
    // pair's text).
    let record = || {
        let mut report =
            paridad::report::CheckReport::new(&check, &en, &es, [&paths[0], &paths[1]], options);
        report.summary.hidden = hidden;
        report
    };
    let write_report = |stdout: &mut io::StdoutLock<'_>| {
        with_output(args.out.as_ref(), stdout, |mut out| {
            use paridad::report::{self, Separator};
            let out = &mut out;
            let written = match args.format {
                CheckFormat::Text => {
                    let options = report::TextOptions { colour, hidden };
                    report::write_check_text_with(out, &check, &en, &es, &options)
                }
                CheckFormat::Json => write_json(out, &record()),
                CheckFormat::Html => report::write_html(out, &record(), &check, &en, &es),
                CheckFormat::Tmx => report::write_check_tmx(out, &check, &en, &es),
                CheckFormat::Xliff => report::write_xliff(out, &check, &en, &es),
                CheckFormat::Csv => report::write_table(out, &check, &en, &es, Separator::Comma),
                CheckFormat::Tsv => report::write_table(out, &check, &en, &es, Separator::Tab),
            };
            finish_output(written)
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

fn read_baseline(path: &Path) -> Result<paridad::Baseline, Failure> {
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

/// Pretty JSON and a final newline.
fn write_json(out: &mut impl Write, value: &impl serde::Serialize) -> io::Result<()> {
    let mut out = output::EscapedC1::new(out);
    serde_json::to_writer_pretty(&mut out, value)?;
    writeln!(out)?;
    out.finish()
}

/// A closed pipe (`paridad … | head`) is not an error.
fn finish_output(result: io::Result<()>) -> Result<(), Failure> {
    match result {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            // The writer names the file in its errors.
            Err(Failure(e.to_string()))
        }
        _ => Ok(()),
    }
}

fn write_outline(doc: &Document<'_>, name: &str, out: &mut impl Write) -> io::Result<()> {
    let text = doc.text();
    let lines = paridad::LineIndex::new(text);
    // Names, titles and ids come from the document or the command line: controls shown escaped.
    writeln!(
        out,
        "{}: {}, {} sections, {} sentences",
        one_line(name),
        doc.lang().name(),
        doc.sections().len(),
        doc.sentences().len()
    )?;
    if let Some(title) = doc.title() {
        writeln!(out, "title: {}", one_line(title))?;
    }
    if let Some(dateline) = doc.dateline() {
        writeln!(
            out,
            "date:  {} (line {})",
            dateline.date,
            lines.line_col(dateline.span.start).line
        )?;
    }
    let id_width = doc
        .sections()
        .iter()
        .map(|s| s.id().chars().count() + 2 * s.depth())
        .max()
        .unwrap_or(8);
    for section in doc.sections() {
        let pad = "  ".repeat(section.depth());
        let id = format!("{pad}{}", one_line(section.id()));
        let n = section.sentence_range().len();
        let noun = if n == 1 { "sentence" } else { "sentences" };
        let title = if section.title().is_empty() {
            "-".into()
        } else {
            one_line(section.title())
        };
        writeln!(out, "  {id:<id_width$}  {n:>3} {noun:<9}  {title}")?;
    }
    if !doc.skipped().is_empty() {
        writeln!(out, "skipped:")?;
        for s in doc.skipped() {
            let at = lines.line_col(s.span.start);
            writeln!(
                out,
                "  line {:<5} {:<15} {:?}",
                at.line,
                s.kind.name(),
                s.span.text(text)
            )?;
        }
    }
    Ok(())
}
