//! The one door of the check reports: a format, a check with its two versions, and
//! [`ReportOptions`]. Every renderer has the same shape behind it.

use std::fmt;
use std::io::{self, Write};
use std::str::FromStr;

use super::{
    write_check_text_with, write_check_tmx, write_html, write_table, write_xliff, CheckReport,
    ReportOptions, Separator,
};
use crate::compare::Check;
use crate::document::Document;
use crate::error::Error;

/// A format [`write_check`] writes a check report in. JSON is the [`CheckReport`] record,
/// serialized with any serde serializer (the CLI uses serde_json), so it is not among them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// For people, in a terminal or a file ([`write_check_text_with`]).
    Text,
    /// A side-by-side page ([`write_html`]).
    Html,
    /// A translation memory of the sentence pairs, findings as notes ([`write_check_tmx`]).
    Tmx,
    /// XLIFF 2.1 with the findings as notes ([`write_xliff`]).
    Xliff,
    /// One finding a row, comma-separated ([`write_table`]).
    Csv,
    /// One finding a row, tab-separated ([`write_table`]).
    Tsv,
}

impl Format {
    /// Every format, in the order the CLI lists them.
    pub const ALL: [Format; 6] = [
        Format::Text,
        Format::Html,
        Format::Tmx,
        Format::Xliff,
        Format::Csv,
        Format::Tsv,
    ];

    /// The format's name, as `--format` takes it.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Tmx => "tmx",
            Format::Xliff => "xliff",
            Format::Csv => "csv",
            Format::Tsv => "tsv",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = Error;

    fn from_str(s: &str) -> Result<Format, Error> {
        let lower = s.trim().to_ascii_lowercase();
        Format::ALL
            .into_iter()
            .find(|f| f.name() == lower)
            .ok_or_else(|| {
                Error::setting(format!(
                    "unknown report format {s:?}: expected text, html, tmx, xliff, csv or tsv"
                ))
            })
    }
}

/// Writes the report of `check`, made of versions `a` and `b` (in either order), in `format`,
/// as `options` say.
///
/// ```
/// use paridad::report::{write_check, Format, ReportOptions};
/// use paridad::{Checker, Document, Lang};
///
/// let en = Document::parse("1. Parks\nParks Canada will report by March 31, 2026.\n", Lang::En)?;
/// let es = Document::parse("1. Parques\nParques Canadá informará antes del 30 de abril de 2026.\n", Lang::Es)?;
/// let check = Checker::new().check(&en, &es);
/// let options = ReportOptions {
///     paths: ["plan.en.txt".into(), "plan.es.txt".into()],
///     ..ReportOptions::default()
/// };
/// let mut csv = Vec::new();
/// write_check(&mut csv, Format::Csv, &check, &en, &es, &options)?;
/// let csv = String::from_utf8(csv)?;
/// assert!(csv.lines().nth(1).unwrap().contains("by March 31, 2026"));
/// let mut page = Vec::new();
/// write_check(&mut page, Format::Html, &check, &en, &es, &options)?;
/// assert!(String::from_utf8(page)?.contains("plan.es.txt"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_check(
    out: &mut impl Write,
    format: Format,
    check: &Check,
    a: &Document<'_>,
    b: &Document<'_>,
    options: &ReportOptions,
) -> io::Result<()> {
    match format {
        Format::Text => write_check_text_with(out, check, a, b, options),
        Format::Html => {
            let report = CheckReport::from_options(check, a, b, options);
            write_html(out, &report, check, a, b)
        }
        Format::Tmx => write_check_tmx(out, check, a, b),
        Format::Xliff => write_xliff(out, check, a, b),
        Format::Csv => write_table(out, check, a, b, Separator::Comma),
        Format::Tsv => write_table(out, check, a, b, Separator::Tab),
    }
}
