//! Where a command's output goes: standard output, or the file of `--out`, replaced only when
//! the command succeeds.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use super::Failure;

/// The partial files being written now: an interrupt removes them before the process ends.
static PARTIALS: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn partials() -> MutexGuard<'static, Vec<PathBuf>> {
    // A panic elsewhere while the list was held leaves it usable.
    PARTIALS
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Exit status of a run ended by an interrupt (128 + SIGINT, as shells report it).
pub(crate) const INTERRUPTED: u8 = 130;

/// Makes an interrupt (Ctrl-C, SIGTERM, SIGHUP) end the run cleanly: the partial files being
/// written are removed, so an existing output stays as it was and no hidden file is left
/// behind, and the process exits with [`INTERRUPTED`] after one line on standard error.
pub(crate) fn clean_up_on_interrupt() {
    // Without a handler (one could not be installed) an interrupt ends the process as before.
    let _ = ctrlc::set_handler(|| {
        let removed = std::mem::take(&mut *partials());
        for path in &removed {
            fs::remove_file(path).ok();
        }
        super::say("paridad: interrupted; no file was left half-written");
        std::process::exit(i32::from(INTERRUPTED));
    });
}

/// Runs `write` on standard output (no `path`, or `-`), or, with `path`, on a file that
/// replaces `path` when `write` succeeds: a failure (bad input found late, a full disk) leaves
/// an existing file as it was. (That `path` is none of the run's inputs is checked before, by
/// [`Files::refuse_clashes`](super::clash::Files::refuse_clashes).)
///
/// The new file is created beside the target (through a symbolic link, beside the file it
/// points to) under a fresh name that no file holds yet (never through a link someone left
/// there), and renamed over it, with the old file's permissions. What is not a regular file
/// (`/dev/null`, a named pipe) is written directly. A target whose folder takes no new file is
/// refused before anything is written (it could only be written in place, and a failure would
/// leave it cut). Standard output redirected to a regular file gets the output only when
/// `write` has succeeded: it is first written to a spool file in the system's temporary folder.
pub(crate) fn with_output<T>(
    path: Option<&PathBuf>,
    stdout: &mut io::StdoutLock<'_>,
    write: impl FnOnce(&mut dyn Write) -> Result<T, Failure>,
) -> Result<T, Failure> {
    // `-` is standard output, as it is standard input where a file is read.
    let Some(path) = path.filter(|p| p.as_os_str() != "-") else {
        if !super::clash::stdout_is_file() {
            return write(&mut Named::new(stdout, "standard output"));
        }
        let failed = |e: io::Error| Failure(format!("standard output: {e}"));
        return spooled(write, &failed, |spool| {
            io::copy(spool, stdout)?;
            stdout.flush()
        });
    };
    let failed = |e: io::Error| Failure(format!("{}: {e}", path.display()));
    let existing = fs::metadata(path).ok();
    if existing.as_ref().is_some_and(|m| !m.is_file()) {
        if existing.as_ref().is_some_and(fs::Metadata::is_dir) {
            return Err(Failure(format!("{}: is a directory", path.display())));
        }
        // A device or a pipe: there is nothing to keep.
        let file = File::create(path).map_err(failed)?;
        return write_through(file, &path.display().to_string(), write, &failed);
    }
    let target = if existing.is_some() {
        fs::canonicalize(path).map_err(failed)?
    } else {
        // A link to a file that does not exist yet is written where it points, as a shell's
        // `>` would, not replaced by a file; a loop of links is refused.
        let target = link_target(path);
        if fs::symlink_metadata(&target).is_ok_and(|m| m.file_type().is_symlink()) {
            return Err(Failure(format!(
                "{}: a loop of symbolic links: it names no file to write",
                path.display()
            )));
        }
        target
    };
    let folder = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = target
        .file_name()
        .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
    // Created and listed under the list's lock: an interrupt in between would leave a file it
    // does not know of.
    let created = {
        let mut list = partials();
        let created = create_new_in(folder, &name);
        if let Ok((_, partial)) = &created {
            list.push(partial.clone());
        }
        created
    };
    let (file, partial) = match created {
        Ok(created) => created,
        // The folder takes no new file (permissions, a name too long): the output cannot be
        // put in place whole, and writing into the old file would leave it cut if the run
        // failed. Refused before anything is written.
        Err(e) => {
            return Err(Failure(format!(
                "{}: cannot write a new file beside it ({e}), so it cannot be replaced safely; \
                 write to a folder you can create files in, or to standard output",
                path.display()
            )))
        }
    };
    let result = (|| {
        let value = write_through(file, &path.display().to_string(), write, &failed)?;
        if let Some(meta) = &existing {
            fs::set_permissions(&partial, meta.permissions()).map_err(failed)?;
        }
        // Renamed with the list held, so an interrupt removes the partial file before the
        // rename or leaves the complete output after it.
        let mut list = partials();
        let renamed = fs::rename(&partial, &target);
        list.retain(|p| p != &partial);
        drop(list);
        renamed.map_err(failed)?;
        Ok(value)
    })();
    if result.is_err() {
        fs::remove_file(&partial).ok();
        partials().retain(|p| p != &partial);
    }
    result
}

/// Where the symbolic link `path` points at last, following links to links (as the system
/// does, at most 40); `path` itself when it is no link.
fn link_target(path: &Path) -> PathBuf {
    let mut at = path.to_path_buf();
    for _ in 0..40 {
        let Ok(next) = fs::read_link(&at) else {
            break;
        };
        at = match at.parent() {
            Some(folder) if next.is_relative() => folder.join(next),
            _ => next,
        };
    }
    at
}

/// Runs `write` on a spool file in the system's temporary folder, then, when it succeeded,
/// hands the spool, rewound, to `deliver`.
fn spooled<T>(
    write: impl FnOnce(&mut dyn Write) -> Result<T, Failure>,
    failed: &impl Fn(io::Error) -> Failure,
    deliver: impl FnOnce(&mut File) -> io::Result<()>,
) -> Result<T, Failure> {
    let temp = std::env::temp_dir();
    let (file, path) = create_new_in(&temp, "paridad-spool").map_err(|e| {
        Failure(format!(
            "{}: {e} (the temporary folder, where output to a redirected standard output waits \
             until the run succeeds; set TMPDIR, or write with --out)",
            temp.display()
        ))
    })?;
    // Gone from the folder at once on Unix: the open file lives until it is dropped.
    #[cfg(unix)]
    fs::remove_file(&path).ok();
    let mut file = file;
    let folder = format!("{} (the temporary folder)", temp.display());
    let result = (|| {
        let mut out = Named::new(io::BufWriter::new(&mut file), &folder);
        let value = write(&mut out)?;
        out.flush().map_err(failed)?;
        drop(out);
        io::Seek::rewind(&mut file).map_err(failed)?;
        // Delivered with the list of partial files held: an interrupt waits for the output
        // to be whole rather than leave it cut.
        let held = partials();
        deliver(&mut file).map_err(failed)?;
        drop(held);
        Ok(value)
    })();
    #[cfg(not(unix))]
    fs::remove_file(&path).ok();
    result
}

/// Creates a file that did not exist in `folder`, hidden and named after `name` with a random
/// part (`.NAME.RANDOM.paridad-partial`, shortened to fit the usual 255-byte limit): the name
/// is never one an existing file or link holds, so nothing is written through a link planted
/// there (`O_CREAT | O_EXCL`).
fn create_new_in(folder: &Path, name: &str) -> io::Result<(File, PathBuf)> {
    create_new_named(folder, name, random_u64)
}

/// [`create_new_in`] with the random parts drawn from `random`.
fn create_new_named(
    folder: &Path,
    name: &str,
    mut random: impl FnMut() -> u64,
) -> io::Result<(File, PathBuf)> {
    let mut last = io::Error::from(io::ErrorKind::AlreadyExists);
    for _ in 0..16 {
        let path = folder.join(partial_name(name, random()));
        match fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(file) => return Ok((file, path)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = e,
            Err(e) => return Err(e),
        }
    }
    Err(last)
}

/// A number no one can guess: the standard library's per-process random hash keys, mixed with
/// the time and a counter.
fn random_u64() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    if let Ok(now) = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
        hasher.write_u128(now.as_nanos());
    }
    hasher.write_u32(std::process::id());
    hasher.finish()
}

/// Writes through a buffer into `file`, flushed and synced to disk.
fn write_through<T>(
    file: File,
    name: &str,
    write: impl FnOnce(&mut dyn Write) -> Result<T, Failure>,
    failed: &impl Fn(io::Error) -> Failure,
) -> Result<T, Failure> {
    let mut out = Named::new(io::BufWriter::new(file), name);
    let value = write(&mut out)?;
    out.inner.flush().map_err(failed)?;
    let file = out.inner.into_inner().map_err(|e| failed(e.into_error()))?;
    // Devices and pipes cannot be synced; only a failure on a real file matters.
    if file.metadata().is_ok_and(|m| m.is_file()) {
        file.sync_all().map_err(failed)?;
    }
    Ok(value)
}

/// A writer whose errors name where the output goes (a file, standard output), so that a
/// failed write is one line naming the file and the problem.
struct Named<'n, W> {
    inner: W,
    name: &'n str,
}

impl<'n, W: Write> Named<'n, W> {
    fn new(inner: W, name: &'n str) -> Named<'n, W> {
        Named { inner, name }
    }

    fn named(&self, e: io::Error) -> io::Error {
        io::Error::new(e.kind(), format!("{}: {e}", self.name))
    }
}

impl<W: Write> Write for Named<'_, W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.inner.write(buf).map_err(|e| self.named(e))
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.inner.write_all(buf).map_err(|e| self.named(e))
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush().map_err(|e| self.named(e))
    }
}

/// The name of a partial file for `name`: hidden, with `random` in it, shortened to fit the
/// usual 255-byte limit of a file name.
fn partial_name(name: &str, random: u64) -> String {
    let suffix = format!(".{random:016x}.paridad-partial");
    let mut keep = name.len().min(255 - 1 - suffix.len());
    while !name.is_char_boundary(keep) {
        keep -= 1;
    }
    format!(".{}{suffix}", &name[..keep])
}

/// A writer of JSON that also escapes DEL and the C1 controls (U+007F to U+009F), which JSON
/// lets through raw: serde_json escapes only C0, and a report printed on a terminal must not
/// carry controls from the documents. Inside JSON these characters can only stand in strings,
/// where `\u007f` means the same, so the JSON read back is unchanged.
pub(crate) struct EscapedC1<W: Write> {
    inner: W,
    /// A 0xC2 byte waiting for the next one (C1 controls are 0xC2 0x80–0x9F in UTF-8).
    lead: bool,
}

impl<W: Write> EscapedC1<W> {
    pub(crate) fn new(inner: W) -> EscapedC1<W> {
        EscapedC1 { inner, lead: false }
    }

    /// Writes a 0xC2 still waiting and flushes.
    pub(crate) fn finish(mut self) -> io::Result<()> {
        if std::mem::take(&mut self.lead) {
            self.inner.write_all(&[0xC2])?;
        }
        self.inner.flush()
    }
}

impl<W: Write> Write for EscapedC1<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut plain = 0;
        for (i, &b) in buf.iter().enumerate() {
            let escaped = if std::mem::take(&mut self.lead) {
                if (0x80..=0x9F).contains(&b) {
                    Some(u32::from(b))
                } else {
                    // Not a C1 control: the lead byte goes out as it was, before this one.
                    self.inner.write_all(&[0xC2])?;
                    None
                }
            } else {
                None
            };
            match (escaped, b) {
                (Some(code), _) => {
                    // The lead byte was the one before: nothing plain stands between.
                    write!(self.inner, "\\u{code:04x}")?;
                    plain = i + 1;
                }
                (None, 0x7F) => {
                    self.inner.write_all(&buf[plain..i])?;
                    self.inner.write_all(b"\\u007f")?;
                    plain = i + 1;
                }
                (None, 0xC2) => {
                    self.inner.write_all(&buf[plain..i])?;
                    self.lead = true;
                    plain = i + 1;
                }
                _ => {}
            }
        }
        self.inner.write_all(&buf[plain..])?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `text` written through [`EscapedC1`] in pieces of `piece` bytes.
    fn escaped(text: &str, piece: usize) -> String {
        let mut bytes = Vec::new();
        let mut out = EscapedC1::new(&mut bytes);
        for chunk in text.as_bytes().chunks(piece) {
            out.write_all(chunk).unwrap();
        }
        out.finish().unwrap();
        String::from_utf8(bytes).unwrap()
    }

    #[test]
    fn a_partial_file_is_never_opened_through_a_name_that_exists() {
        let dir = std::env::temp_dir().join(format!("paridad-partial-{}", std::process::id()));
        fs::remove_dir_all(&dir).ok();
        fs::create_dir_all(&dir).unwrap();
        let victim = dir.join("plan.es.txt");
        fs::write(&victim, "México y Canadá").unwrap();
        // A link planted at the first name drawn, a plain file at the second.
        std::os::unix::fs::symlink(&victim, dir.join(partial_name("out.json", 1))).unwrap();
        fs::write(dir.join(partial_name("out.json", 2)), "someone's").unwrap();
        let mut draws = [1, 2, 3].into_iter();
        let (mut file, path) =
            create_new_named(&dir, "out.json", || draws.next().unwrap()).unwrap();
        assert_eq!(path, dir.join(".out.json.0000000000000003.paridad-partial"));
        file.write_all(b"{}").unwrap();
        assert_eq!(fs::read_to_string(&victim).unwrap(), "México y Canadá");
        assert_eq!(
            fs::read_to_string(dir.join(partial_name("out.json", 2))).unwrap(),
            "someone's"
        );
        // Sixteen names taken in a row: an error, nothing written.
        let err = create_new_named(&dir, "out.json", || 1).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::AlreadyExists);
        assert_ne!(random_u64(), random_u64());
        fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn partial_names_fit_a_file_name() {
        let long = "é".repeat(200);
        let name = partial_name(&long, u64::MAX);
        assert!(name.len() <= 255, "{}", name.len());
        assert!(name.starts_with(".é") && name.ends_with(".ffffffffffffffff.paridad-partial"));
    }

    #[test]
    fn del_and_c1_are_escaped_whatever_the_pieces() {
        // U+0085 and U+009B are C1 controls (0xC2 0x85, 0xC2 0x9B); U+00E1 (á, 0xC3 0xA1) and
        // U+00A9 (©, 0xC2 0xA9) are letters and signs that share or neighbour their bytes.
        let json = "{\"t\": \"M\u{e9}xico \u{9b}2J \u{85}\u{7f} \u{a9} Canad\u{e1}\u{c2}\"}";
        for piece in [1, 2, 3, 7, 100] {
            let out = escaped(json, piece);
            assert_eq!(
                out, "{\"t\": \"M\u{e9}xico \\u009b2J \\u0085\\u007f \u{a9} Canad\u{e1}\u{c2}\"}",
                "pieces of {piece}"
            );
        }
    }
}
