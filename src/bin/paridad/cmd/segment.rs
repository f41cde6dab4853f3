//! `paridad segment FILE`: one document's numbered structure and sentences, as an outline or
//! JSON.

use std::io::{self, Write};
use std::path::PathBuf;

use paridad::Document;

use crate::args::Format;
use crate::clash::Files;
use crate::input::read_input;
use crate::output::with_output;
use crate::versions::parse_lang;
use crate::{finish_output, one_line, write_json, Failure};

/// Runs `paridad segment`: the document of `path` (`-` for standard input) in `lang` (detected
/// when `None`), written to standard output.
pub(crate) fn run(
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

/// The outline of `doc`, `name` the file it came from.
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
