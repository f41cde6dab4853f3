//! Glossaries as CSV (RFC 4180), with a header row naming the columns.

use crate::error::Error;
use crate::lang::Lang;

/// What a format error in a CSV glossary is said of.
const WHAT: &str = "CSV glossary";

/// Which column holds what, found in the header row.
#[derive(Debug)]
struct Columns {
    en: usize,
    es: usize,
    note: Option<usize>,
    count: usize,
}

/// The role of a header cell: English, Spanish, a note, or another column (ignored).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    En,
    Es,
    Note,
    Other,
}

/// The term pairs of a CSV glossary: each row's English term, Spanish term and note (empty
/// when none), one after another in one buffer.
#[derive(Debug, Default)]
pub(super) struct Rows {
    text: String,
    ends: Vec<usize>,
}

impl Rows {
    fn push(&mut self, cells: [&str; 3]) {
        for cell in cells {
            self.text.push_str(cell);
            self.ends.push(self.text.len());
        }
    }

    fn cell(&self, i: usize) -> &str {
        super::intern::string_of_usize(&self.text, &self.ends, i)
    }
}

impl super::TermLines for Rows {
    fn count(&self) -> usize {
        self.ends.len() / 3
    }

    fn line(&self, i: usize) -> (&str, &str, Option<&str>) {
        let note = self.cell(3 * i + 2);
        (
            self.cell(3 * i),
            self.cell(3 * i + 1),
            (!note.is_empty()).then_some(note),
        )
    }
}

/// Reads the term pairs of a CSV glossary.
pub(super) fn read(text: &str) -> Result<Rows, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut records = Records::new(text);
    let (header_line, header) = loop {
        match records.next_record()? {
            None => {
                return Err(Error::format(
                    WHAT,
                    1,
                    "no header: the first row must name the English and the Spanish columns \
                     (en, English or source; es, Spanish or target)",
                ))
            }
            Some((_, fields)) if is_blank(&fields) => continue,
            Some(record) => break record,
        }
    };
    let columns = columns(header_line, &header)?;
    let mut out = Rows::default();
    while let Some((line, fields)) = records.next_record()? {
        if is_blank(&fields) {
            continue;
        }
        if fields.len() != columns.count {
            return Err(Error::format(
                WHAT,
                line,
                format!(
                    "found {} field{}, the header has {} (a term with a comma must be quoted)",
                    fields.len(),
                    if fields.len() == 1 { "" } else { "s" },
                    columns.count
                ),
            ));
        }
        let (en, es) = (fields[columns.en].trim(), fields[columns.es].trim());
        if en.is_empty() || es.is_empty() {
            return Err(Error::format(
                WHAT,
                line,
                "empty term: both the English and the Spanish term are needed",
            ));
        }
        super::check_term_length(WHAT, line, en)?;
        super::check_term_length(WHAT, line, es)?;
        let note = columns.note.map_or("", |n| fields[n].trim());
        out.push([en, es, note]);
    }
    out.text.shrink_to_fit();
    out.ends.shrink_to_fit();
    Ok(out)
}

/// A row of empty cells (an empty line, or `,,`).
fn is_blank(fields: &[String]) -> bool {
    fields.iter().all(|f| f.trim().is_empty())
}

/// The role a header cell names, case and accents aside: `source`, `source term`, or a code
/// or name of English as [`Lang::from_tag`] reads it, alone or followed by a region (`en`,
/// `eng`, `English`, `en-US`, `English_United_States`) for English; `target`, `target term`, or
/// the same for Spanish (`es`, `spa`, `Spanish`, `español`, `es-MX`, `Spanish_Mexico`);
/// `note(s)`, `comment(s)` for notes.
fn role(cell: &str) -> Role {
    let cell = crate::tokens::fold(cell.trim());
    match cell.as_str() {
        "source" | "source term" => return Role::En,
        "target" | "target term" => return Role::Es,
        "note" | "notes" | "comment" | "comments" => return Role::Note,
        _ => {}
    }
    // A language name or code, with a region after it (`en-US`, `Spanish_Mexico`).
    match Lang::from_tag(cell.split(['-', '_']).next().unwrap_or("")) {
        Ok(Lang::En) => Role::En,
        Ok(Lang::Es) => Role::Es,
        Err(_) => Role::Other,
    }
}

fn columns(line: usize, header: &[String]) -> Result<Columns, Error> {
    let (mut en, mut es, mut note) = (None, None, None);
    for (i, cell) in header.iter().enumerate() {
        let slot = match role(cell) {
            Role::En => &mut en,
            Role::Es => &mut es,
            Role::Note => &mut note,
            Role::Other => continue,
        };
        if slot.is_some() {
            return Err(Error::format(
                WHAT,
                line,
                format!("the header names the column {:?} twice", cell.trim()),
            ));
        }
        *slot = Some(i);
    }
    match (en, es) {
        (Some(en), Some(es)) => Ok(Columns {
            en,
            es,
            note,
            count: header.len(),
        }),
        _ => Err(Error::format(
            WHAT,
            line,
            format!(
                "no header: the first row must name the English and the Spanish columns \
                 (en, English or source; es, Spanish or target), found {}",
                header
                    .iter()
                    .map(|c| format!("{:?}", c.trim()))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )),
    }
}

/// RFC 4180 records: fields separated by commas, records by CRLF or LF; a field in double
/// quotes may hold commas, line breaks and doubled quotes.
struct Records<'t> {
    text: &'t str,
    pos: usize,
    line: usize,
}

impl<'t> Records<'t> {
    fn new(text: &'t str) -> Records<'t> {
        Records {
            text,
            pos: 0,
            line: 1,
        }
    }

    /// The next record and the line it starts on; `None` at the end of the text.
    fn next_record(&mut self) -> Result<Option<(usize, Vec<String>)>, Error> {
        if self.pos >= self.text.len() {
            return Ok(None);
        }
        let start_line = self.line;
        let mut fields = Vec::new();
        let mut field = String::new();
        let mut chars = self.text[self.pos..].char_indices().peekable();
        // Whether the current field began with a quote, and whether we are inside the quotes.
        let (mut quoted, mut in_quotes) = (false, false);
        let mut quote_line = start_line;
        let mut end = self.text.len() - self.pos;
        while let Some((i, c)) = chars.next() {
            if in_quotes {
                match c {
                    '"' if chars.peek().is_some_and(|&(_, n)| n == '"') => {
                        chars.next();
                        field.push('"');
                    }
                    '"' => in_quotes = false,
                    '\n' => {
                        self.line += 1;
                        field.push('\n');
                    }
                    // A CR of a CRLF inside quotes: the line break is kept as LF.
                    '\r' if chars.peek().is_some_and(|&(_, n)| n == '\n') => {}
                    _ => field.push(c),
                }
                continue;
            }
            match c {
                ',' => {
                    fields.push(std::mem::take(&mut field));
                    quoted = false;
                }
                '\n' => {
                    self.line += 1;
                    end = i + 1;
                    break;
                }
                '\r' if chars.peek().is_some_and(|&(_, n)| n == '\n') => {}
                '"' if field.trim().is_empty() && !quoted => {
                    field.clear();
                    quoted = true;
                    in_quotes = true;
                    quote_line = self.line;
                }
                '"' => {
                    return Err(Error::format(
                        WHAT,
                        self.line,
                        "a double quote inside a field that does not start with one \
                         (quote the whole field and double the quote: \"a \"\"b\"\" c\")",
                    ))
                }
                _ if quoted => {
                    if c.is_whitespace() {
                        continue;
                    }
                    return Err(Error::format(
                        WHAT,
                        self.line,
                        format!(
                            "{c:?} after the closing quote of a field (a field that starts with \
                             a quote ends with one)"
                        ),
                    ));
                }
                _ => field.push(c),
            }
        }
        if in_quotes {
            return Err(Error::format(
                WHAT,
                quote_line,
                "unterminated quoted field: the quote opened here is never closed",
            ));
        }
        fields.push(field);
        self.pos += end;
        Ok(Some((start_line, fields)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Vec<(String, String, Option<String>)> {
        use crate::glossary::TermLines;
        let rows = read(text).unwrap();
        (0..rows.count())
            .map(|i| {
                let (en, es, note) = rows.line(i);
                (en.to_string(), es.to_string(), note.map(str::to_string))
            })
            .collect()
    }

    #[test]
    fn quoted_fields_hold_commas_quotes_and_line_breaks() {
        let got = rows(
            "en,es,note\r\n\"Secretariat of Economy, Mexico\",\"Secretaría de Economía\",\"the \"\"SE\"\"\r\nline two\"\r\nMOU,memorándum de entendimiento,\r\n",
        );
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].0, "Secretariat of Economy, Mexico");
        assert_eq!(got[0].2.as_deref(), Some("the \"SE\"\nline two"));
        assert_eq!(
            got[1],
            ("MOU".into(), "memorándum de entendimiento".into(), None)
        );
    }

    #[test]
    fn headers_of_cat_tools_are_recognised() {
        for header in [
            "en,es",
            "English,Spanish",
            "SOURCE,TARGET",
            "en-US,es-MX",
            "English_United_States,Spanish_Mexico",
            "Source term,Target term",
            "eng,spa",
            "Inglés,Español",
            "english,castellano",
            "ENG_CA,Castellano_MX",
        ] {
            let got = rows(&format!("{header}\ntrade,comercio\n"));
            assert_eq!(got, [("trade".into(), "comercio".into(), None)], "{header}");
        }
        // The columns in another order, with a column that is not used.
        let got = rows("Part of speech,Spanish,Comment,English\nnoun,comercio,core,trade\n");
        assert_eq!(
            got,
            [("trade".into(), "comercio".into(), Some("core".into()))]
        );
    }

    #[test]
    fn errors_name_the_line() {
        let err = read("trade,comercio\n").unwrap_err();
        assert_eq!(err.line(), Some(1));
        assert!(
            err.to_string()
                .starts_with("CSV glossary line 1: no header"),
            "{err}"
        );
        let err = read("").unwrap_err();
        assert_eq!(err.line(), Some(1));
        let err = read("en,es\ntrade,comercio\n\"health,salud\nsecurity,seguridad\n").unwrap_err();
        assert_eq!(err.line(), Some(3));
        assert!(err.to_string().contains("unterminated"), "{err}");
        let err =
            read("en,es\ntrade,comercio\nSecretariat of Economy, Mexico,Secretaría\n").unwrap_err();
        assert_eq!(err.line(), Some(3));
        assert!(err.to_string().contains("3 fields"), "{err}");
        let err = read("en,es\n\"a\"b,c\n").unwrap_err();
        assert_eq!(err.line(), Some(2));
        let err = read("en,es\na\"b,c\n").unwrap_err();
        assert_eq!(err.line(), Some(2));
        let err = read("en,es\ntrade,\n").unwrap_err();
        assert!(err.to_string().contains("empty term"));
        let err = read("en,English,es\n").unwrap_err();
        assert!(err.to_string().contains("twice"), "{err}");
        // A record after one with a line break inside quotes is counted on its own line.
        let err = read("en,es,note\na,b,\"x\ny\"\nc,d\n").unwrap_err();
        assert_eq!(err.line(), Some(4));
    }
}
