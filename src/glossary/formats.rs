//! Reading a glossary from a file's text: [`GlossaryFormat`], chosen by a file's extension or
//! an option's value, and the readers' entry points on [`Glossary`]: TSV here, CSV and TBX
//! through `csv.rs` and `tbx.rs`.

use std::fmt;
use std::path::Path;
use std::str::FromStr;

use super::{check_term_length, csv, tbx, Glossary};
use crate::error::Error;

impl Glossary {
    /// Reads `English<TAB>Spanish[<TAB>note]` lines. Lines that share a term (compared without
    /// case or accents) are synonyms of one concept; `#` starts a comment line; blank lines
    /// are skipped. A line with fewer than two fields, an empty term, a term longer than 1,000
    /// bytes or more than three fields is an error naming the line.
    pub fn from_tsv(text: &str) -> Result<Glossary, Error> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        // Tables sized once: growing them frees large blocks, each time making the allocator
        // sweep every small block freed so far.
        let mut lines = Vec::with_capacity(text.bytes().filter(|&b| b == b'\n').count() + 1);
        for (n, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            let trimmed = line.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
            let (en, es, note) = match fields[..] {
                [en, es] => (en, es, None),
                [en, es, note] => (en, es, Some(note).filter(|n| !n.is_empty())),
                _ => {
                    return Err(Error::format(
                        "glossary",
                        n + 1,
                        format!(
                            "expected English<TAB>Spanish[<TAB>note], found {} field{}",
                            fields.len(),
                            if fields.len() == 1 { "" } else { "s" }
                        ),
                    ))
                }
            };
            if en.is_empty() || es.is_empty() {
                return Err(Error::format(
                    "glossary",
                    n + 1,
                    "empty term: both the English and the Spanish term are needed",
                ));
            }
            check_term_length("glossary", n + 1, en)?;
            check_term_length("glossary", n + 1, es)?;
            lines.push((en, es, note));
        }
        Ok(Glossary::from_lines(lines.as_slice()))
    }

    /// Reads a glossary in `format`: the entry point when the format comes from a file name
    /// (`GlossaryFormat::from_path`) or an option (`"csv".parse()`).
    ///
    /// ```
    /// use paridad::Glossary;
    ///
    /// let csv = "English,Spanish,Note\n\"Memorandum of Understanding\",memorándum de entendimiento,\nMOU,memorándum de entendimiento,acronym\n";
    /// let glossary = Glossary::parse(csv, "csv".parse()?)?;
    /// assert_eq!(glossary.len(), 1);
    /// assert!(glossary.concept(0).unwrap().en().eq(["Memorandum of Understanding", "MOU"]));
    ///
    /// let tbx = r#"<tbx type="TBX-Core" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
    ///   <text><body><conceptEntry id="c1">
    ///     <langSec xml:lang="en"><termSec><term>Memorandum of Understanding</term></termSec>
    ///       <termSec><term>MOU</term></termSec></langSec>
    ///     <langSec xml:lang="es-MX"><termSec><term>memorándum de entendimiento</term></termSec></langSec>
    ///   </conceptEntry></body></text>
    /// </tbx>"#;
    /// let from_tbx = Glossary::parse(tbx, "tbx".parse()?)?;
    /// assert_eq!(from_tbx.concept(0).unwrap().to_concept().en, ["Memorandum of Understanding", "MOU"]);
    /// assert_eq!(from_tbx.concept(0).unwrap().to_concept().es, ["memorándum de entendimiento"]);
    /// # Ok::<(), paridad::Error>(())
    /// ```
    pub fn parse(text: &str, format: GlossaryFormat) -> Result<Glossary, Error> {
        match format {
            GlossaryFormat::Tsv => Glossary::from_tsv(text),
            GlossaryFormat::Csv => Glossary::from_csv(text),
            GlossaryFormat::Tbx => Glossary::from_tbx(text),
        }
    }

    /// Reads a CSV glossary (RFC 4180): fields separated by commas, a field in double quotes
    /// may hold commas, line breaks and doubled quotes (`"the ""SE"""`); CRLF or LF line ends;
    /// a BOM is skipped.
    ///
    /// The first non-empty row is a header naming the columns, case and accents aside:
    /// `en`, `English` or `source` (or `source term`) for the English term; `es`, `Spanish`,
    /// `español` or `target` (or `target term`) for the Spanish term; `note`, `notes`,
    /// `comment` or `comments` for an optional note. A language name or code followed by a
    /// region is accepted too (`en-US`, `es-MX`, `English_United_States`), as CAT tools
    /// export them; other columns (part of speech, domain …) are ignored, and columns may come
    /// in any order. Rows that share a term are synonyms of one concept; empty rows are
    /// skipped.
    ///
    /// Errors name the line: no header with both languages, an unterminated quoted field (the
    /// line where its quote opened), a row with more or fewer fields than the header (often an
    /// unquoted comma), an empty term, a term longer than 1,000 bytes, a stray quote.
    ///
    /// ```
    /// use paridad::Glossary;
    ///
    /// let csv = "source,target\n\"Secretariat of Economy, Mexico\",Secretaría de Economía\n";
    /// let glossary = Glossary::from_csv(csv)?;
    /// assert!(glossary.concept(0).unwrap().en().eq(["Secretariat of Economy, Mexico"]));
    ///
    /// let err = Glossary::from_csv("en,es\ntrade,comercio\n\"health,salud\n").unwrap_err();
    /// assert_eq!(err.to_string(), "CSV glossary line 3: unterminated quoted field: the quote opened here is never closed");
    /// # Ok::<(), paridad::Error>(())
    /// ```
    pub fn from_csv(text: &str) -> Result<Glossary, Error> {
        Ok(Glossary::from_lines(&csv::read(text)?))
    }

    /// Reads a TBX glossary: TBX v3 (ISO 30042:2019: a `<tbx>` root, `<conceptEntry>`,
    /// `<langSec xml:lang>`, `<termSec><term>`) or TBX-Basic 2008 (a `<martif>` root,
    /// `<termEntry>`, `<langSet xml:lang>`, `<tig><term>` or `<ntig><termGrp><term>`).
    ///
    /// Each concept entry is a concept; the terms of one language section are its synonyms in
    /// that language. A language tag counts by its primary subtag (`en-CA` is English, `es-MX`
    /// Spanish); sections in other languages are skipped, and so are entries without both an
    /// English and a Spanish term. `<note>` and `<descrip type="definition">` texts become the
    /// concept's notes; a term whose `<termNote type="administrativeStatus">` says it is
    /// deprecated, superseded, forbidden or obsolete is left out, as it is no rendering to
    /// accept; other elements (headers, other term notes, cross-references) are skipped.
    /// Entities and character references are decoded, white space in a term is folded, and
    /// entries that share a term merge, as in every format.
    ///
    /// Malformed XML (an unclosed or mismatched tag, an unknown entity, a duplicate attribute),
    /// another root element, a language section without `xml:lang`, a `<term>` outside a
    /// language section, an empty term or a term longer than 1,000 bytes is an error naming the
    /// line.
    ///
    /// ```
    /// use paridad::Glossary;
    ///
    /// let tbx = r#"<?xml version="1.0"?>
    /// <martif type="TBX-Basic" xml:lang="en-US">
    ///   <text><body>
    ///     <termEntry id="t1">
    ///       <langSet xml:lang="en-CA"><tig><term>Parks Canada</term></tig></langSet>
    ///       <langSet xml:lang="fr-CA"><tig><term>Parcs Canada</term></tig></langSet>
    ///       <langSet xml:lang="es"><tig><term>Parques Canad&#225;</term></tig></langSet>
    ///     </termEntry>
    ///   </body></text>
    /// </martif>"#;
    /// let glossary = Glossary::from_tbx(tbx)?;
    /// assert!(glossary.concept(0).unwrap().es().eq(["Parques Canadá"]));
    ///
    /// let err = Glossary::from_tbx("<tbx>\n<text><body>\n<conceptEntry>\n").unwrap_err();
    /// assert_eq!(err.line(), Some(3));
    /// # Ok::<(), paridad::Error>(())
    /// ```
    pub fn from_tbx(text: &str) -> Result<Glossary, Error> {
        let entries = tbx::read(text)?;
        let mut lines = Vec::new();
        for e in &entries {
            let (Some(en0), Some(es0)) = (e.en.first(), e.es.first()) else {
                continue;
            };
            for en in &e.en {
                lines.push((en.as_str(), es0.as_str(), None));
            }
            for es in &e.es[1..] {
                lines.push((en0.as_str(), es.as_str(), None));
            }
            for note in &e.notes {
                lines.push((en0.as_str(), es0.as_str(), Some(note.as_str())));
            }
        }
        Ok(Glossary::from_lines(lines.as_slice()))
    }
}

/// A glossary file format, for [`Glossary::parse`].
///
/// ```
/// use paridad::Glossary;
///
/// // From an option's value; `GlossaryFormat::from_path` picks one by file extension.
/// let glossary = Glossary::parse("trade\tcomercio\n", "TSV".parse()?)?;
/// assert_eq!(glossary.len(), 1);
/// let unknown = "xlsx".parse().and_then(|format| Glossary::parse("", format));
/// assert!(unknown.unwrap_err().is_setting());
/// # Ok::<(), paridad::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GlossaryFormat {
    /// `English<TAB>Spanish[<TAB>note]` lines, `#` comments ([`Glossary::from_tsv`]).
    Tsv,
    /// RFC 4180 CSV with a header row ([`Glossary::from_csv`]).
    Csv,
    /// TBX v3 or TBX-Basic XML ([`Glossary::from_tbx`]).
    Tbx,
}

impl GlossaryFormat {
    /// The format a file's extension names, case aside: `.tsv`, `.tab` and `.txt` are TSV,
    /// `.csv` is CSV, `.tbx` and `.xml` are TBX; `None` for any other extension or none.
    pub fn from_path(path: &Path) -> Option<GlossaryFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "tsv" | "tab" | "txt" => Some(GlossaryFormat::Tsv),
            "csv" => Some(GlossaryFormat::Csv),
            "tbx" | "xml" => Some(GlossaryFormat::Tbx),
            _ => None,
        }
    }

    /// The lower-case name: `tsv`, `csv` or `tbx`.
    pub fn name(self) -> &'static str {
        match self {
            GlossaryFormat::Tsv => "tsv",
            GlossaryFormat::Csv => "csv",
            GlossaryFormat::Tbx => "tbx",
        }
    }
}

impl fmt::Display for GlossaryFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for GlossaryFormat {
    type Err = Error;

    /// `tsv`, `csv` or `tbx`, case aside; anything else is a setting error.
    fn from_str(s: &str) -> Result<GlossaryFormat, Error> {
        match s.trim().to_ascii_lowercase().as_str() {
            "tsv" => Ok(GlossaryFormat::Tsv),
            "csv" => Ok(GlossaryFormat::Csv),
            "tbx" => Ok(GlossaryFormat::Tbx),
            _ => Err(Error::setting(format!(
                "unknown glossary format {s:?}: expected tsv, csv or tbx"
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_lines_are_errors_naming_the_line() {
        let err = Glossary::from_tsv("# ok\ntrade\tcomercio\nsecurity seguridad\n").unwrap_err();
        assert!(err.is_format());
        assert_eq!(err.line(), Some(3));
        assert_eq!(
            err.to_string(),
            "glossary line 3: expected English<TAB>Spanish[<TAB>note], found 1 field"
        );
        let err = Glossary::from_tsv("trade\t\n").unwrap_err();
        assert!(err.to_string().contains("empty term"));
        assert!(Glossary::from_tsv("a\tb\tc\td").is_err());
    }

    #[test]
    fn formats_come_from_extensions_and_names() {
        let of = |p: &str| GlossaryFormat::from_path(Path::new(p));
        assert_eq!(of("terms.tsv"), Some(GlossaryFormat::Tsv));
        assert_eq!(of("dir.v2/Terms.TXT"), Some(GlossaryFormat::Tsv));
        assert_eq!(of("terms.csv"), Some(GlossaryFormat::Csv));
        assert_eq!(of("terms.tbx"), Some(GlossaryFormat::Tbx));
        assert_eq!(of("terms.XML"), Some(GlossaryFormat::Tbx));
        assert_eq!(of("terms.xlsx"), None);
        assert_eq!(of("terms"), None);
        assert_eq!(
            "CSV".parse::<GlossaryFormat>().unwrap(),
            GlossaryFormat::Csv
        );
        assert_eq!(GlossaryFormat::Tbx.to_string(), "tbx");
        let err = "xlsx".parse::<GlossaryFormat>().unwrap_err();
        assert!(err.is_setting());
        assert_eq!(
            err.to_string(),
            "unknown glossary format \"xlsx\": expected tsv, csv or tbx"
        );
    }
}
