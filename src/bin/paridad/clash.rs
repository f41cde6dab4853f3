//! Which files a run reads and writes, compared before anything is written: a report or a
//! baseline never replaces a document, a glossary, a baseline or a manifest the run reads, nor
//! another file the same run writes.
//!
//! Files are compared by identity, not by name: device and inode after links are resolved (so
//! `./es.txt`, `../x/es.txt`, a symbolic link and a hard link to it are one file), and standard
//! input and standard output by the file they are, when they are regular files (`check EN - --out
//! es.txt < es.txt`, `check EN ES >> ES`). A path that does not exist yet is compared by its
//! resolved folder and name.

use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};

use super::Failure;

/// Standard output, as the messages name it.
const STDOUT: &str = "<stdout>";

/// What a file is, for comparing two names of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Identity {
    /// An existing file: device and inode (on other systems, the canonical path).
    File(u64, u64),
    /// A file that does not exist yet: its resolved folder and name.
    New(PathBuf),
}

/// The identity of the file at `path`, following links; `None` when it cannot be known (a
/// folder that does not exist).
pub(crate) fn identity(path: &Path) -> Option<Identity> {
    match fs::metadata(path) {
        Ok(meta) => Some(of_metadata(&meta, path)),
        Err(_) => {
            let name = path.file_name()?;
            let folder = match path.parent() {
                Some(p) if !p.as_os_str().is_empty() => p,
                _ => Path::new("."),
            };
            Some(Identity::New(fs::canonicalize(folder).ok()?.join(name)))
        }
    }
}

/// The identity of a file from its metadata (`path` names it where no inode is known).
#[cfg(unix)]
pub(crate) fn of_metadata(meta: &fs::Metadata, _path: &Path) -> Identity {
    use std::os::unix::fs::MetadataExt;
    Identity::File(meta.dev(), meta.ino())
}

#[cfg(not(unix))]
pub(crate) fn of_metadata(_meta: &fs::Metadata, path: &Path) -> Identity {
    match fs::canonicalize(path) {
        Ok(p) => Identity::New(p),
        Err(_) => Identity::New(path.to_path_buf()),
    }
}

/// The file behind standard input or output, when it is a regular file (a redirection from or
/// to a file); pipes, terminals and devices have none that matters.
#[cfg(unix)]
fn standard_stream(stream: impl std::os::fd::AsFd) -> Option<Identity> {
    stream_identity(stream, |kind| kind.is_file())
}

#[cfg(not(unix))]
fn standard_stream<T>(_stream: T) -> Option<Identity> {
    None
}

/// The pipe or file behind standard output: what a second write naming it (`--out
/// /dev/stdout`) would mix into the same stream. Devices (`/dev/null`, a terminal) have none.
#[cfg(unix)]
fn stdout_stream() -> Option<Identity> {
    use std::os::unix::fs::FileTypeExt;
    stream_identity(io::stdout(), |kind| {
        kind.is_file() || kind.is_fifo() || kind.is_socket()
    })
}

#[cfg(not(unix))]
fn stdout_stream() -> Option<Identity> {
    None
}

/// The identity of the file behind a standard stream, when `keep` takes its kind.
#[cfg(unix)]
fn stream_identity(
    stream: impl std::os::fd::AsFd,
    keep: impl Fn(fs::FileType) -> bool,
) -> Option<Identity> {
    let file = File::from(stream.as_fd().try_clone_to_owned().ok()?);
    let meta = file.metadata().ok()?;
    keep(meta.file_type()).then(|| of_metadata(&meta, Path::new("-")))
}

/// Whether standard output is a regular file (`> report.txt`, `>> log`).
pub(crate) fn stdout_is_file() -> bool {
    standard_stream(io::stdout()).is_some()
}

/// The files of one run: what it reads and what it writes, each with its role in messages.
#[derive(Default)]
pub(crate) struct Files {
    reads: Vec<(String, PathBuf)>,
    writes: Vec<(String, Option<PathBuf>)>,
}

impl Files {
    /// A file read as `role` (`the first document`, `--glossary`); `-` is standard input.
    pub(crate) fn read(&mut self, role: impl Into<String>, path: &Path) -> &mut Files {
        self.reads.push((role.into(), path.to_path_buf()));
        self
    }

    /// A file written as `role` (`--out`); `None` or `-` is standard output.
    pub(crate) fn write(&mut self, role: impl Into<String>, path: Option<&Path>) -> &mut Files {
        let path = path.filter(|p| p.as_os_str() != "-");
        self.writes.push((role.into(), path.map(Path::to_path_buf)));
        self
    }

    /// The identities of the files written (standard output's when it is a regular file), for
    /// inputs found later (the documents a manifest lists).
    pub(crate) fn written(&self) -> Vec<(String, String, Identity)> {
        self.writes
            .iter()
            .filter_map(|(role, path)| {
                let (shown, id) = match path {
                    Some(p) => (p.display().to_string(), identity(p)?),
                    None => (STDOUT.to_string(), standard_stream(io::stdout())?),
                };
                Some((role.clone(), shown, id))
            })
            .collect()
    }

    /// Refuses a run that would write over a file it reads, write one file twice, write two
    /// things to standard output, or read standard input twice.
    pub(crate) fn refuse_clashes(&self) -> Result<(), Failure> {
        let to_stdout: Vec<&str> = self
            .writes
            .iter()
            .filter(|(_, p)| p.is_none())
            .map(|(role, _)| role.as_str())
            .collect();
        if let [first, second, ..] = to_stdout[..] {
            return Err(Failure(format!(
                "{second} - and {first} would both write to standard output: give one of them a file; nothing written"
            )));
        }
        let from_stdin: Vec<&str> = self
            .reads
            .iter()
            .filter(|(_, p)| p.as_os_str() == "-")
            .map(|(role, _)| role.as_str())
            .collect();
        if let [first, second, ..] = from_stdin[..] {
            return Err(Failure(format!(
                "standard input (-) given twice, as {first} and as {second}: it can be read once; give one of them a file"
            )));
        }
        let written = self.written();
        let stdin = self
            .reads
            .iter()
            .any(|(_, p)| p.as_os_str() == "-")
            .then(|| standard_stream(io::stdin()))
            .flatten();
        for (read_role, read_path) in &self.reads {
            let read_id = if read_path.as_os_str() == "-" {
                stdin.clone()
            } else {
                identity(read_path)
            };
            let Some(read_id) = read_id else { continue };
            for (write_role, write_path, write_id) in &written {
                if *write_id == read_id {
                    let read_shown = if read_path.as_os_str() == "-" {
                        "standard input".to_string()
                    } else {
                        read_path.display().to_string()
                    };
                    return Err(Failure(clash_message(
                        write_role,
                        write_path,
                        read_role,
                        &read_shown,
                    )));
                }
            }
        }
        // Writes compared with each other, standard output by its pipe too: `--out
        // /dev/stdout` and the baseline on `-` would mix two documents in one stream.
        let mut written = written;
        if let Some(i) = self.writes.iter().position(|(_, p)| p.is_none()) {
            if !written.iter().any(|(_, shown, _)| shown == STDOUT) {
                if let Some(id) = stdout_stream() {
                    written.push((self.writes[i].0.clone(), STDOUT.to_string(), id));
                }
            }
        }
        for (i, (role_a, path_a, id_a)) in written.iter().enumerate() {
            if let Some((role_b, _, _)) = written[..i].iter().find(|(_, _, id)| id == id_a) {
                return Err(Failure(format!(
                    "{path_a}: both {role_b} and {role_a} would write this file; give them two files; nothing written"
                )));
            }
        }
        Ok(())
    }
}

/// The one line that refuses writing `write_path` (as `write_role`) over an input.
pub(crate) fn clash_message(
    write_role: &str,
    write_path: &str,
    read_role: &str,
    read_path: &str,
) -> String {
    if write_path == STDOUT {
        format!(
            "standard output is a file this run reads, {read_role} ({read_path}): write the report to another file with --out; nothing written"
        )
    } else {
        format!(
            "{write_path}: {write_role} names a file this run reads, {read_role} ({read_path}); give another file; nothing written"
        )
    }
}
