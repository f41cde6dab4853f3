//! `paridad batch MANIFEST`: many document pairs checked in parallel, JSON lines in, JSON lines
//! out, in manifest order, with bounded memory.
//!
//! The manifest holds one pair a line: `{"id": …, "en": path, "es": path}`, with optional
//! `"langs": "es,en"` and `"doc_date": "YYYY-MM-DD"`. Relative paths are relative to the
//! manifest's folder (to the working folder when the manifest is standard input or a pipe). Each pair
//! gives one line: `{"id": …, "line": N, "report": {…}}`, the `paridad.report.v1` report `check
//! --format json` prints (with `"warnings"` when its languages looked wrong or a field is
//! unknown), or `{"id": …, "error": "…", "line": N}`, `N` the manifest line. With `--numbered`,
//! each line arrives as `N<TAB>{…}` and `N` is taken from it (a cluster's shard of a larger
//! manifest keeps the whole manifest's line numbers). A failing pair, or a line that cannot be
//! read, never stops the batch, and a reader that goes away (`| head`) ends it quietly. Lines
//! are read and checked a chunk at a time, so memory holds one chunk of pairs, not the
//! manifest.

use std::fs::File;
use std::io::{self, BufReader, IsTerminal, Read, Write};
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};

use indicatif::{ProgressBar, ProgressStyle};
use paridad::report::{CheckReport, ReportOptions};
use paridad::{BoundedLine, Checker, Date, InputRole};
use rayon::prelude::*;
use serde::Serialize;
use serde_json::Value;

use crate::clash::{self, Identity};
use crate::input::limit;
use crate::versions::Versions;
use crate::{finish_output, Failure};

/// The fields a manifest line may have.
const KNOWN_FIELDS: [&str; 5] = ["id", "en", "es", "langs", "doc_date"];

/// Pairs read and checked at a time, per worker thread.
const CHUNK_PER_THREAD: usize = 4;

/// One line of the manifest, as read.
struct Entry {
    /// Line number in the manifest, from 1.
    line: usize,
    /// The line's text, or why it could not be read.
    text: Result<String, String>,
}

/// A pair checked.
#[derive(Serialize)]
struct Checked<'a> {
    id: &'a Value,
    /// The manifest line, from 1.
    line: usize,
    report: CheckReport<'a>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    warnings: &'a [String],
}

/// A pair that could not be checked.
#[derive(Serialize)]
struct Failed<'a> {
    id: &'a Value,
    error: String,
    /// The manifest line, from 1.
    line: usize,
}

/// What the batch needs besides the manifest.
pub(crate) struct Settings<'a> {
    /// The checker, with the glossaries given.
    pub checker: &'a Checker,
    /// The glossaries' paths, for the reports' options.
    pub glossaries: Vec<String>,
    /// Worker threads (`None`: one per core).
    pub jobs: Option<usize>,
    /// The files the batch writes (role, path, identity): a document of the manifest that is
    /// one of them stops the batch before the file is replaced.
    pub written: Vec<(String, String, Identity)>,
    /// Each line starts with its line number in the whole manifest and a tab, as a cluster
    /// sends a shard of a larger manifest (`--numbered`).
    pub numbered: bool,
}

/// Why a pair gave no report.
enum PairError {
    /// This pair fails; the batch goes on.
    Pair(String),
    /// The batch stops: a document is a file the batch writes.
    Batch(String),
}

impl From<String> for PairError {
    fn from(message: String) -> PairError {
        PairError::Pair(message)
    }
}

/// Counts of a finished batch.
pub(crate) struct Totals {
    pub checked: usize,
    pub failed: usize,
}

/// Runs the batch of `manifest` (`-` for standard input), writing one line a pair to `out`.
pub(crate) fn run(
    manifest: &Path,
    settings: &Settings<'_>,
    out: &mut dyn Write,
) -> Result<Totals, Failure> {
    let name = manifest.display().to_string();
    let fail = |e: io::Error| Failure(format!("{name}: {e}"));
    let (mut reader, base): (Box<dyn io::BufRead>, PathBuf) = if manifest.as_os_str() == "-" {
        let stdin = BufReader::with_capacity(paridad::SNIFFED_BYTES, io::stdin().lock());
        (Box::new(stdin), PathBuf::new())
    } else {
        let file = File::open(manifest).map_err(fail)?;
        let meta = file.metadata().map_err(fail)?;
        if meta.is_dir() {
            return Err(Failure(format!("{name}: is a directory, not a manifest")));
        }
        // A manifest in a regular file names paths from its folder; one from a pipe
        // (`<(generate)`, `/dev/stdin`) has no folder of its own: paths from the working
        // folder, as for `-`.
        let base = if meta.is_file() {
            manifest.parent().map(Path::to_path_buf).unwrap_or_default()
        } else {
            PathBuf::new()
        };
        (
            Box::new(BufReader::with_capacity(paridad::SNIFFED_BYTES, file)),
            base,
        )
    };
    // Like every input, the manifest is refused at its first block when that is no text
    // (`/dev/zero`, a program), rather than read line by line for ever.
    let head = reader.fill_buf().map_err(fail)?;
    paridad::sniff(head).map_err(|e| {
        let shown = if manifest.as_os_str() == "-" {
            "<stdin>".to_string()
        } else {
            name.clone()
        };
        Failure(e.with_path(shown).to_string())
    })?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(settings.jobs.unwrap_or(0))
        .build()
        .map_err(|e| Failure(format!("--jobs: {e}")))?;
    let chunk = CHUNK_PER_THREAD * pool.current_num_threads();
    let progress = progress_bar(manifest);
    let mut totals = Totals {
        checked: 0,
        failed: 0,
    };
    let mut reader = reader;
    let mut number = 0;
    let line_limit = limit(InputRole::ManifestLine);
    'chunks: loop {
        let mut entries = Vec::with_capacity(chunk);
        while entries.len() < chunk {
            let bytes = match paridad::read_line_within(&mut reader, line_limit).map_err(fail)? {
                BoundedLine::End => break,
                BoundedLine::Line(bytes) => Ok(bytes),
                BoundedLine::TooLong { length, head } => Err((length, head)),
            };
            number += 1;
            let start = match &bytes {
                Ok(bytes) => bytes,
                Err((_, head)) => head,
            };
            let blank = bytes.is_ok() && start.iter().all(u8::is_ascii_whitespace);
            let (line, prefix) = if settings.numbered && !blank {
                numbered(start, number)?
            } else {
                (number, 0)
            };
            let bytes = bytes.map(|mut bytes| {
                bytes.drain(..prefix);
                bytes
            });
            // A line too long or not UTF-8 is that entry's error, not the batch's.
            let text = match bytes.map(String::from_utf8) {
                Ok(Ok(text)) => Ok(text),
                Ok(Err(e)) => Err(format!(
                    "manifest line {line}: not UTF-8 (byte {})",
                    e.utf8_error().valid_up_to() + 1
                )),
                Err((length, _)) => Err(format!(
                    "manifest line {line}: {length} bytes, larger than {}, the size limit for a manifest line; --max-input-size manifest-line=SIZE raises it",
                    paridad::format_size(line_limit)
                )),
            };
            let text = text.map(|t| {
                let t = if line == 1 {
                    t.trim_start_matches('\u{feff}')
                } else {
                    &t
                };
                t.trim_end_matches(['\n', '\r']).to_string()
            });
            if text.as_ref().is_ok_and(|t| t.trim().is_empty()) {
                continue;
            }
            entries.push(Entry { line, text });
        }
        if entries.is_empty() {
            break;
        }
        let results: Vec<(String, bool)> = pool.install(|| {
            entries
                .par_iter()
                .map(|entry| check_entry(entry, &base, settings))
                .collect::<Result<_, _>>()
        })?;
        for (line, ok) in results {
            if ok {
                totals.checked += 1;
            } else {
                totals.failed += 1;
            }
            if let Err(e) = writeln!(out, "{line}") {
                if e.kind() == io::ErrorKind::BrokenPipe {
                    // The reader has gone (`paridad batch … | head`): nothing more is wanted.
                    break 'chunks;
                }
                return Err(Failure(e.to_string()));
            }
            progress.inc(1);
        }
    }
    progress.finish_and_clear();
    finish_output(out.flush())?;
    Ok(totals)
}

/// The number `N` a `--numbered` line starts with (`N<TAB>…`), and how many bytes that prefix
/// takes; `read` counts the lines read, for the message when the number is missing.
fn numbered(bytes: &[u8], read: usize) -> Result<(usize, usize), Failure> {
    let tab = bytes.iter().position(|&b| b == b'\t');
    let number = tab
        .and_then(|tab| std::str::from_utf8(&bytes[..tab]).ok())
        .filter(|n| n.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|n| n.parse::<usize>().ok())
        .filter(|&n| n > 0);
    match (tab, number) {
        (Some(tab), Some(number)) => Ok((number, tab + 1)),
        _ => Err(Failure(format!(
            "--numbered: line {read} of the input does not start with a line number and a tab"
        ))),
    }
}

/// A progress bar on standard error (drawn only when it is a terminal): with a length when
/// the manifest is a file, a counter for standard input.
fn progress_bar(manifest: &Path) -> ProgressBar {
    // Counting reads the manifest twice: only for a regular file, and a bar someone sees.
    let countable = io::stderr().is_terminal()
        && manifest.as_os_str() != "-"
        && std::fs::metadata(manifest).is_ok_and(|m| m.is_file());
    let total = countable
        .then(|| File::open(manifest).ok())
        .flatten()
        .map(count_lines);
    match total {
        Some(n) => {
            let bar = ProgressBar::new(n as u64);
            if let Ok(style) =
                ProgressStyle::with_template("{bar:40} {pos}/{len} pairs, {elapsed} (eta {eta})")
            {
                bar.set_style(style);
            }
            bar
        }
        None => ProgressBar::new_spinner(),
    }
}

/// The lines of `file` that hold more than white space, counted a block at a time (a line
/// is never held whole).
fn count_lines(file: File) -> usize {
    let mut reader = BufReader::new(file);
    let mut block = [0u8; 64 * 1024];
    let (mut count, mut blank) = (0, true);
    while let Ok(n @ 1..) = reader.read(&mut block) {
        for &b in &block[..n] {
            match b {
                b'\n' => {
                    count += usize::from(!blank);
                    blank = true;
                }
                b' ' | b'\t' | b'\r' => {}
                _ => blank = false,
            }
        }
    }
    count + usize::from(!blank)
}

/// The output line of one manifest entry, and whether it was checked; an error stops the batch.
fn check_entry(
    entry: &Entry,
    base: &Path,
    settings: &Settings<'_>,
) -> Result<(String, bool), Failure> {
    let null = Value::Null;
    let line = entry.line;
    let text = match &entry.text {
        Ok(text) => text,
        Err(e) => return Ok(failed(&null, e.clone(), line)),
    };
    let value: Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(e) => return Ok(failed(&null, format!("manifest line {line}: {e}"), line)),
    };
    let id = value.get("id").unwrap_or(&null);
    // The library promises not to panic; should it all the same, one pair fails, not the batch.
    let checked = std::panic::catch_unwind(AssertUnwindSafe(|| {
        check_pair(&value, id, line, base, settings)
    }));
    Ok(match checked {
        Ok(Ok(output)) => (output, true),
        Ok(Err(PairError::Pair(message))) => failed(id, message, line),
        Ok(Err(PairError::Batch(message))) => return Err(Failure(message)),
        Err(_) => failed(
            id,
            format!("manifest line {line}: paridad failed on this pair (a bug: please report it)"),
            line,
        ),
    })
}

fn failed(id: &Value, error: String, line: usize) -> (String, bool) {
    let output = serde_json::to_string(&Failed { id, error, line })
        .unwrap_or_else(|_| format!(r#"{{"id":null,"error":"unprintable","line":{line}}}"#));
    (output, false)
}

/// Checks the pair a manifest line names and returns its output line.
fn check_pair(
    value: &Value,
    id: &Value,
    line: usize,
    base: &Path,
    settings: &Settings<'_>,
) -> Result<String, PairError> {
    let field = |name: &str| -> Result<Option<&str>, String> {
        match value.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(_) => Err(format!("manifest line {line}: \"{name}\" is not a string")),
        }
    };
    if !value.is_object() || value.get("id").is_none() {
        return Err(PairError::Pair(format!(
            "manifest line {line}: expected an object with \"id\", \"en\" and \"es\""
        )));
    }
    let path = |name: &str| -> Result<PathBuf, String> {
        let given = field(name)?.ok_or_else(|| format!("manifest line {line}: no \"{name}\""))?;
        if given == "-" {
            return Err(format!(
                "manifest line {line}: \"{name}\" cannot be standard input in a batch"
            ));
        }
        Ok(base.join(given))
    };
    let (en, es) = (path("en")?, path("es")?);
    for (name, path) in [("en", &en), ("es", &es)] {
        usable(path, name, line, settings)?;
    }
    let date = match field("doc_date")? {
        Some(s) => Some(
            s.parse::<Date>()
                .map_err(|e| format!("manifest line {line}: doc_date: {e}"))?,
        ),
        None => None,
    };
    let versions = Versions::read(&en, &es, field("langs")?, false)
        .map_err(|f| format!("manifest line {line}: {}", f.0))?;
    let mut warnings = versions.doubts.clone();
    if let Some(object) = value.as_object() {
        for key in object.keys() {
            if !KNOWN_FIELDS.contains(&key.as_str()) {
                warnings.push(format!(
                    "manifest line {line}: unknown field {key:?} left aside (known: {})",
                    KNOWN_FIELDS.join(", ")
                ));
            }
        }
    }
    let (en_doc, es_doc) = versions
        .parse()
        .map_err(|f| format!("manifest line {line}: {}", f.0))?;
    let checker = match date {
        Some(date) => settings.checker.clone().doc_date(date),
        None => settings.checker.clone(),
    };
    let check = checker.check(&en_doc, &es_doc);
    let paths = versions.paths.each_ref().map(|p| p.display().to_string());
    let options = ReportOptions {
        doc_date: check.doc_date.map(|d| d.to_string()),
        glossaries: settings.glossaries.clone(),
        ..ReportOptions::default()
    };
    let report = CheckReport::new(&check, &en_doc, &es_doc, [&paths[0], &paths[1]], options);
    serde_json::to_string(&Checked {
        id,
        line,
        report,
        warnings: &warnings,
    })
    .map_err(|e| PairError::Pair(format!("writing the report: {e}")))
}

/// Refuses a document that is not a regular file (reading a named pipe would block the batch,
/// a device could be endless), or that is a file the batch writes (that stops the batch).
fn usable(path: &Path, field: &str, line: usize, settings: &Settings<'_>) -> Result<(), PairError> {
    let shown = path.display();
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        // Missing or unreadable: the read says it in its words.
        Err(_) => return Ok(()),
    };
    if !meta.is_file() {
        let what = file_type_name(&meta);
        return Err(PairError::Pair(format!(
            "manifest line {line}: \"{field}\" {shown}: {what}, not a regular file; a batch reads only regular files"
        )));
    }
    let id = clash::of_metadata(&meta, path);
    if let Some((role, written, _)) = settings.written.iter().find(|(_, _, w)| *w == id) {
        return Err(PairError::Batch(clash::clash_message(
            role,
            written,
            &format!("the \"{field}\" document of manifest line {line}"),
            &shown.to_string(),
        )));
    }
    Ok(())
}

/// What a file that is not a regular file is, in a message.
fn file_type_name(meta: &std::fs::Metadata) -> &'static str {
    let kind = meta.file_type();
    if kind.is_dir() {
        return "a directory";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a named pipe";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
    }
    "a special file"
}
