//! TMX 1.4b: the aligned sentence pairs as a translation memory.

use std::io::{self, Write};

use crate::align::Alignment;
use crate::document::Document;

use super::joined;

/// Writes the two-sided sentence pairs of `alignment` as a TMX 1.4b translation memory:
/// English source, Spanish target, one `<tu>` per pair with the section ids and the score as
/// properties. Text is escaped, and characters XML 1.0 forbids are left out.
pub fn write_tmx(
    out: &mut impl Write,
    alignment: &Alignment,
    en: &Document<'_>,
    es: &Document<'_>,
) -> io::Result<()> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(out, r#"<tmx version="1.4">"#)?;
    writeln!(
        out,
        r#"  <header creationtool="paridad" creationtoolversion="{}" segtype="sentence" o-tmf="paridad" adminlang="en" srclang="en" datatype="plaintext"/>"#,
        env!("CARGO_PKG_VERSION")
    )?;
    writeln!(out, "  <body>")?;
    for section in &alignment.sections {
        for pair in &section.pairs {
            if pair.en.is_empty() || pair.es.is_empty() {
                continue;
            }
            writeln!(out, "    <tu>")?;
            for (kind, id) in [
                ("x-en-section", &section.en_id),
                ("x-es-section", &section.es_id),
            ] {
                if let Some(id) = id {
                    writeln!(out, r#"      <prop type="{kind}">{}</prop>"#, escape(id))?;
                }
            }
            writeln!(
                out,
                r#"      <prop type="x-score">{:.3}</prop>"#,
                pair.score
            )?;
            for (lang, doc, idx) in [("en", en, &pair.en), ("es", es, &pair.es)] {
                writeln!(
                    out,
                    r#"      <tuv xml:lang="{lang}"><seg>{}</seg></tuv>"#,
                    escape(&joined(doc, idx))
                )?;
            }
            writeln!(out, "    </tu>")?;
        }
    }
    writeln!(out, "  </body>")?;
    writeln!(out, "</tmx>")
}

/// Escapes text for XML content and attribute values; drops characters XML 1.0 forbids.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_forbidden_characters() {
        assert_eq!(
            escape("<script>\"a\" & 'b'</script>\u{0}\u{1b}ok\u{ffff}"),
            "&lt;script&gt;&quot;a&quot; &amp; &apos;b&apos;&lt;/script&gt;ok"
        );
    }
}
