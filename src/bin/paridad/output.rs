//! Where a command's output goes: standard output, or the file of `--out`, replaced only when
//! the command succeeds.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::Failure;

/// Runs `write` on standard output (no `path`, or `-`), or, with `path`, on a file that replaces `path` when
/// `write` succeeds: a failure (bad input found late, a full disk) leaves an existing file as
/// it was. (That `path` is none of the run's inputs is checked before, by
/// [`Files::refuse_clashes`](super::clash::Files::refuse_clashes).)
///
/// The new file is written beside the target (through a symbolic link, beside the file it
/// points to) and renamed over it, with the old file's permissions. What is not a regular file
/// (`/dev/null`, a named pipe) is written directly, as is a target whose folder cannot take a
/// second file.
pub(crate) fn with_output<T>(
    path: Option<&PathBuf>,
    stdout: &mut io::StdoutLock<'_>,
    write: impl FnOnce(&mut dyn Write) -> Result<T, Failure>,
) -> Result<T, Failure> {
    // `-` is standard output, as it is standard input where a file is read.
    let Some(path) = path.filter(|p| p.as_os_str() != "-") else {
        return write(stdout);
    };
    let failed = |e: io::Error| Failure(format!("{}: {e}", path.display()));
    let existing = fs::metadata(path).ok();
    if existing.as_ref().is_some_and(|m| !m.is_file()) {
        if existing.as_ref().is_some_and(fs::Metadata::is_dir) {
            return Err(Failure(format!("{}: is a directory", path.display())));
        }
        // A device or a pipe: there is nothing to keep.
        let file = File::create(path).map_err(failed)?;
        return write_through(file, write, &failed);
    }
    let target = if existing.is_some() {
        fs::canonicalize(path).map_err(failed)?
    } else {
        path.clone()
    };
    let partial = partial_name(&target);
    let Ok(file) = File::create(&partial) else {
        // The folder takes no new file (permissions, a name too long): write in place.
        let file = File::create(&target).map_err(failed)?;
        return write_through(file, write, &failed);
    };
    let result = (|| {
        let value = write_through(file, write, &failed)?;
        if let Some(meta) = &existing {
            fs::set_permissions(&partial, meta.permissions()).map_err(failed)?;
        }
        fs::rename(&partial, &target).map_err(failed)?;
        Ok(value)
    })();
    if result.is_err() {
        fs::remove_file(&partial).ok();
    }
    result
}

/// Writes through a buffer into `file`, flushed and synced to disk.
fn write_through<T>(
    file: File,
    write: impl FnOnce(&mut dyn Write) -> Result<T, Failure>,
    failed: &impl Fn(io::Error) -> Failure,
) -> Result<T, Failure> {
    let mut out = io::BufWriter::new(file);
    let value = write(&mut out)?;
    out.flush().map_err(failed)?;
    let file = out.into_inner().map_err(|e| failed(e.into_error()))?;
    // Devices and pipes cannot be synced; only a failure on a real file matters.
    if file.metadata().is_ok_and(|m| m.is_file()) {
        file.sync_all().map_err(failed)?;
    }
    Ok(value)
}

/// A hidden file beside `target`, named after it and this process, shortened to fit the
/// usual 255-byte limit of a file name.
fn partial_name(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
    let suffix = format!(".{}.paridad-partial", std::process::id());
    let mut keep = name.len().min(255 - 1 - suffix.len());
    while !name.is_char_boundary(keep) {
        keep -= 1;
    }
    target.with_file_name(format!(".{}{suffix}", &name[..keep]))
}
