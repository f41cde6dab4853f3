//! CSV and TSV: one row per divergence, for spreadsheets.

use std::borrow::Cow;
use std::io::{self, Write};

use crate::compare::Check;
use crate::divergence::Divergence;
use crate::document::Document;

use super::{escape_controls, escape_controls_keeping, Schema};

/// The field separator of a table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Separator {
    /// `,` (RFC 4180 CSV).
    Comma,
    /// A tab (TSV).
    Tab,
}

impl Separator {
    /// The separator character.
    fn char(self) -> char {
        match self {
            Separator::Comma => ',',
            Separator::Tab => '\t',
        }
    }

    /// What ends a record.
    fn line_end(self) -> &'static str {
        match self {
            Separator::Comma => "\r\n",
            Separator::Tab => "\n",
        }
    }
}

/// Writes one row per divergence of `check`, in the order of [`Check::divergences`], after a
/// header row naming the columns: `id`, `section`, `kind`, `severity`, `en`, `es`, `message`
/// for English and Spanish (the documents given in either order), with `a` and `b` in place of
/// `en` and `es` for any other pair.
///
/// `section` names the section pair: the id alone when both versions number the section alike
/// (`I.4`), else the ids of side `a` (the English) and side `b` (the Spanish) joined by `/`
/// (`I.4/I.5`), with `-` for a version without the section (`I.6/-`, `-/I.6`). `en` and `es`
/// (`a` and `b`) are the evidence texts, empty when a side has none.
///
/// [`Separator::Comma`] writes RFC 4180 CSV: records end with CRLF, and a field that holds a
/// comma, a double quote, a CR or a LF is put in double quotes, its double quotes doubled.
/// [`Separator::Tab`] writes TSV, which has no quoting (the IANA `text/tab-separated-values`
/// registration has none): a tab, CR or LF inside a field becomes a space, and records end
/// with LF. Both are UTF-8 without a byte order mark (a spreadsheet should be told the
/// encoding when it asks).
///
/// Both are made safe to open in a spreadsheet and to print on a terminal. A field a
/// spreadsheet could read as a formula gets a `'` before it, as OWASP's CSV-injection
/// guidance says: one that starts with `=`, `+`, `-`, `@`, a tab or a carriage return (or
/// the full-width `＝`, `＋`, `－`, `＠`), also after white space; a spreadsheet then shows the
/// text as written, and a program reading the table sees the `'`. Control characters other
/// than tabs and line breaks are shown escaped, as [`escape_controls`](super::escape_controls)
/// does (`\u{1b}` for ESC).
///
/// ```
/// use paridad::{report::{write_table, Separator}, Checker, Document, Lang};
///
/// let en = Document::parse("1. Parks\nBoth countries will sign the agreement by March 31, 2026.\n", Lang::En)?;
/// let es = Document::parse("1. Parques\nAmbos países firmarán el acuerdo antes del 30 de abril de 2026.\n", Lang::Es)?;
/// let check = Checker::new().check(&en, &es);
/// let mut csv = Vec::new();
/// write_table(&mut csv, &check, &en, &es, Separator::Comma)?;
/// let csv = String::from_utf8(csv).unwrap();
/// let rows: Vec<&str> = csv.split("\r\n").collect();
/// assert_eq!(rows[0], "id,section,kind,severity,en,es,message");
/// assert!(rows[1].contains(",1,date,error,\"by March 31, 2026\",antes del 30 de abril de 2026,"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_table(
    out: &mut impl Write,
    check: &Check,
    a: &Document<'_>,
    b: &Document<'_>,
    separator: Separator,
) -> io::Result<()> {
    // The evidence and section ids are in the check itself; the documents name the sides.
    let [name_a, name_b] = Schema::of(a.lang(), b.lang()).side_names();
    let header = [
        "id", "section", "kind", "severity", name_a, name_b, "message",
    ];
    write_row(out, &header, separator)?;
    for d in &check.divergences {
        write_row(out, &row(check, d), separator)?;
    }
    Ok(())
}

/// The fields of divergence `d`'s row.
fn row<'a>(check: &Check, d: &'a Divergence) -> [Cow<'a, str>; 7] {
    let evidence = |e: &'a Option<crate::divergence::Evidence>| {
        Cow::Borrowed(e.as_ref().map_or("", |e| e.text.as_str()))
    };
    let section = check.alignment.sections.get(d.section).map_or_else(
        || "-".to_string(),
        |s| section_label(s.a_id.as_deref(), s.b_id.as_deref(), '/'),
    );
    [
        Cow::Borrowed(d.id.as_str()),
        Cow::Owned(section),
        Cow::Borrowed(d.kind.name()),
        Cow::Borrowed(d.severity.name()),
        evidence(&d.a),
        evidence(&d.b),
        Cow::Borrowed(d.message.as_str()),
    ]
}

/// Names a section pair: the id when both sides have the same one (`I.4`), else both ids
/// joined by `joiner` (`I.4/I.5`), `-` standing for a missing side (`I.6/-`).
pub(crate) fn section_label(en: Option<&str>, es: Option<&str>, joiner: char) -> String {
    match (en, es) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        _ => format!("{}{joiner}{}", en.unwrap_or("-"), es.unwrap_or("-")),
    }
}

/// Writes one record: the fields made safe for `separator`, separated, then the line end.
fn write_row<S: AsRef<str>>(
    out: &mut impl Write,
    fields: &[S],
    separator: Separator,
) -> io::Result<()> {
    for (k, f) in fields.iter().enumerate() {
        if k > 0 {
            write!(out, "{}", separator.char())?;
        }
        out.write_all(field(f.as_ref(), separator).as_bytes())?;
    }
    out.write_all(separator.line_end().as_bytes())
}

/// One field as written: other control characters than tabs and line breaks escaped, a
/// formula defused, then quoted per RFC 4180 for CSV when it must be; for TSV, tabs and line
/// breaks turned into spaces first.
fn field(s: &str, separator: Separator) -> Cow<'_, str> {
    match separator {
        Separator::Comma => {
            let s = defuse_formula(escape_controls_keeping(s, true));
            if s.contains([',', '"', '\r', '\n']) {
                Cow::Owned(format!("\"{}\"", s.replace('"', "\"\"")))
            } else {
                s
            }
        }
        Separator::Tab => defuse_formula(escape_controls(&one_line(s)).into_owned().into()),
    }
}

/// `text` with tabs and line breaks made spaces, so that it fits one TSV field.
pub(crate) fn one_line(text: &str) -> Cow<'_, str> {
    if text.contains(['\t', '\r', '\n']) {
        Cow::Owned(text.replace(['\t', '\r', '\n'], " "))
    } else {
        Cow::Borrowed(text)
    }
}

/// The characters that make a spreadsheet read a cell as a formula when they open it:
/// OWASP's list (`=`, `+`, `-`, `@`, tab, carriage return) and, as a precaution, the
/// full-width forms of the first four, which an input method may turn into them.
const FORMULA_STARTS: [char; 10] = [
    '=', '+', '-', '@', '\t', '\r', '\u{ff1d}', '\u{ff0b}', '\u{ff0d}', '\u{ff20}',
];

/// `cell` with a `'` before it when a spreadsheet could read it as a formula: when it starts
/// with one of [`FORMULA_STARTS`], also after white space, invisible characters (a byte-order
/// mark, zero-width spaces and joiners, bidirectional marks: some spreadsheets drop them on
/// import) or double quotes (a spreadsheet importing TSV takes `"` as a text delimiter and
/// unquotes `"=HYPERLINK(…)"` into a formula). The `'` is what OWASP's CSV-injection guidance
/// prescribes: spreadsheets take the cell as text and do not show the quote.
pub(crate) fn defuse_formula(cell: Cow<'_, str>) -> Cow<'_, str> {
    let at_risk = |s: &str| s.starts_with(FORMULA_STARTS);
    let unseen = |c: char| c.is_whitespace() || is_invisible(c) || c == '"';
    if at_risk(&cell) || at_risk(cell.trim_start_matches(unseen)) {
        Cow::Owned(format!("'{cell}"))
    } else {
        cell
    }
}

/// Characters that take no room on screen: the byte-order mark and zero-width no-break space,
/// zero-width spaces and joiners, the word joiner and invisible operators, soft hyphen, and the
/// bidirectional marks, embeddings, overrides and isolates.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{feff}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(fields: &[&str], separator: Separator) -> String {
        let mut out = Vec::new();
        write_row(&mut out, fields, separator).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn csv_quotes_only_fields_that_need_it() {
        assert_eq!(
            written(
                &["plain", "a,b", "say \"hi\"", "two\nlines", "cr\r", ""],
                Separator::Comma
            ),
            "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\r\",\r\n"
        );
    }

    #[test]
    fn tsv_turns_tabs_and_line_breaks_into_spaces() {
        assert_eq!(
            written(&["a\tb", "c\r\nd", "\"q\",x"], Separator::Tab),
            "a b\tc  d\t\"q\",x\n"
        );
    }

    #[test]
    fn formulas_are_defused_and_other_cells_kept() {
        let defused = |s: &'static str| defuse_formula(Cow::Borrowed(s)).into_owned();
        for (cell, written) in [
            ("=1+1", "'=1+1"),
            ("+1", "'+1"),
            ("-1", "'-1"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1", "'\t=1"),
            ("\r=1", "'\r=1"),
            (" \n =1", "' \n =1"),
            ("\u{a0}-1", "'\u{a0}-1"),
            ("\u{ff20}x", "'\u{ff20}x"),
            ("\u{feff}=1", "'\u{feff}=1"),
            ("\u{200b}\u{2066} -1", "'\u{200b}\u{2066} -1"),
            ("\u{200b}a=1", "\u{200b}a=1"),
            ("\"=HYPERLINK(\"\"x\"\")\"", "'\"=HYPERLINK(\"\"x\"\")\""),
            ("\" \"+1", "'\" \"+1"),
            ("\"quoted\" = text", "\"quoted\" = text"),
            ("'=1", "'=1"),
            ("a=1", "a=1"),
            ("I.6/-", "I.6/-"),
            ("", ""),
            ("   ", "   "),
        ] {
            assert_eq!(defused(cell), written, "{cell:?}");
        }
    }

    #[test]
    fn controls_are_escaped_in_both_tables() {
        assert_eq!(
            written(
                &["\u{1b}]0;t\u{7}", "=\u{1b}[2J", "a\r\nb"],
                Separator::Comma
            ),
            "\\u{1b}]0;t\\u{7},'=\\u{1b}[2J,\"a\r\nb\"\r\n"
        );
        assert_eq!(
            written(&["\u{1b}]0;t\u{7}", "\u{9b}2J\t=x"], Separator::Tab),
            "\\u{1b}]0;t\\u{7}\t\\u{9b}2J =x\n"
        );
    }

    #[test]
    fn section_labels() {
        assert_eq!(section_label(Some("I.4"), Some("I.4"), '/'), "I.4");
        assert_eq!(section_label(Some("I.4"), Some("I.5"), '/'), "I.4/I.5");
        assert_eq!(section_label(Some("I.6"), None, '/'), "I.6/-");
        assert_eq!(section_label(None, Some("I.6"), '_'), "-_I.6");
        assert_eq!(section_label(None, None, '/'), "-/-");
    }
}
