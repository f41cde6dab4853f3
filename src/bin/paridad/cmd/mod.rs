//! The commands, one file each: what each reads and writes, the library calls, the rendering.

pub(crate) mod align;
pub(crate) mod batch;
pub(crate) mod check;
pub(crate) mod segment;

use std::path::Path;

use crate::clash::Files;

/// The role of the report in messages: `--out`, or the report on standard output.
pub(crate) fn report_role(out: Option<&Path>) -> &'static str {
    match out {
        Some(path) if path.as_os_str() != "-" => "--out",
        _ => "the report",
    }
}

/// The files of a run that reads two documents.
pub(crate) fn documents(first: &Path, second: &Path) -> Files {
    let mut files = Files::default();
    files
        .read("the first document", first)
        .read("the second document", second);
    files
}
