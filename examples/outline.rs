//! Prints the outline of documents: section ids, titles and sentence counts.
//!
//! ```text
//! cargo run --example outline                 # both 2025-2028 seeds
//! cargo run --example outline -- FILE [FILE…]  # any documents (language detected)
//! ```

use std::io::{self, Write};
use std::process::ExitCode;

use paridad::{Document, Lang};

fn main() -> ExitCode {
    let mut paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() {
        let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
        paths = vec![
            format!("{seeds}/2025-2028.en.txt"),
            format!("{seeds}/2025-2028.es.txt"),
        ];
    }
    let message = match print_outlines(&paths, &mut io::stdout().lock()) {
        Ok(()) => return ExitCode::SUCCESS,
        // `… | head` closes the pipe early: not an error.
        Err(Failure::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => return ExitCode::SUCCESS,
        Err(Failure::Io(e)) => e.to_string(),
        Err(Failure::Paridad(e)) => e.to_string(),
    };
    eprintln!("outline: {message}");
    ExitCode::from(2)
}

enum Failure {
    Io(io::Error),
    Paridad(paridad::Error),
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Failure {
        Failure::Io(e)
    }
}

impl From<paridad::Error> for Failure {
    fn from(e: paridad::Error) -> Failure {
        Failure::Paridad(e)
    }
}

fn print_outlines(paths: &[String], out: &mut impl Write) -> Result<(), Failure> {
    for path in paths {
        let text = paridad::read_file(path)?;
        let lang = Lang::detect(&text).unwrap_or(Lang::En);
        let doc = Document::parse(&text, lang).map_err(|e| e.with_path(path))?;
        writeln!(
            out,
            "{path} ({}): {} sections, {} sentences",
            lang.name(),
            doc.sections().len(),
            doc.sentences().len()
        )?;
        if let Some(title) = doc.title() {
            writeln!(out, "  title: {title}")?;
        }
        if let Some(date) = doc.date() {
            writeln!(out, "  date:  {date}")?;
        }
        for section in doc.sections() {
            let indent = "  ".repeat(section.depth() + 1);
            let count = section.sentence_range().len();
            writeln!(
                out,
                "{indent}{:<10} {:<60} {count:>3} sentences",
                section.id(),
                section.title()
            )?;
        }
        for skipped in doc.skipped() {
            writeln!(
                out,
                "  skipped {:<15} {:?}",
                skipped.kind.name(),
                skipped.span.text(&text)
            )?;
        }
        writeln!(out)?;
    }
    Ok(())
}
