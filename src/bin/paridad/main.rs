//! The `paridad` command line: glue between the arguments, the library and the renderers.
//!
//! This file holds `main`, the dispatch to the commands, the exit codes, the failure type and
//! the small helpers every command uses (messages on standard error, JSON out, a closed pipe).
//! The rest: [`args`] (the clap types), [`cmd`] (one file a command), [`versions`] (which file
//! is which language), [`input`] (reading inputs within their size limits), [`clash`] (no
//! output replaces an input) and [`output`] (where the output goes).

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

mod args;
mod clash;
mod cmd;
mod input;
mod output;
mod versions;

use args::{Cli, Command};
use clap::Parser;

/// An error for the user: one line, exit code 2.
pub(crate) struct Failure(pub(crate) String);

/// How a command that ran ends: exit code 0, or 1 when `--fail-on` findings were reported.
pub(crate) enum Outcome {
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
    let result = match args::parse_limits(&cli.max_input_size) {
        Ok(limits) => {
            input::set_limits(limits);
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
            cmd::segment::run(&file, lang.as_deref(), format, out).map(|()| Outcome::Clean)
        }
        Command::Align(args) => cmd::align::run(&args, out).map(|()| Outcome::Clean),
        Command::Check(args) => cmd::check::run(&args, out),
        Command::Batch(args) => cmd::batch::run(&args, out),
    }
}

/// Says one line on standard error, with every control character in it (from a file name or
/// a document, line breaks and tabs included) shown escaped, so that nothing read reaches the
/// terminal raw and the line stays one line.
pub(crate) fn say(line: &str) {
    eprintln!("{}", one_line(line));
}

/// `text` with its control characters shown escaped (`\u{1b}`), line breaks and tabs too.
pub(crate) fn one_line(text: &str) -> String {
    paridad::report::escape_controls(text)
        .replace('\n', "\\u{a}")
        .replace('\r', "\\u{d}")
        .replace('\t', "\\u{9}")
}

/// A path as messages name it: `<stdin>` for `-`.
pub(crate) fn shown_path(path: &Path) -> &Path {
    if path.as_os_str() == "-" {
        Path::new("<stdin>")
    } else {
        path
    }
}

/// Pretty JSON and a final newline.
pub(crate) fn write_json(out: &mut impl Write, value: &impl serde::Serialize) -> io::Result<()> {
    let mut out = output::EscapedC1::new(out);
    serde_json::to_writer_pretty(&mut out, value)?;
    writeln!(out)?;
    out.finish()
}

/// A closed pipe (`paridad … | head`) is not an error.
pub(crate) fn finish_output(result: io::Result<()>) -> Result<(), Failure> {
    match result {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            // The writer names the file in its errors.
            Err(Failure(e.to_string()))
        }
        _ => Ok(()),
    }
}
