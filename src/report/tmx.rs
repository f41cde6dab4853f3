//! TMX 1.4b: the aligned sentence pairs as a translation memory.
//!
//! Level 1 (plain text, no inline markup): one `<tu>` per two-sided sentence pair, side `a`
//! the source (`srclang="en"` for English–Spanish), side `b` the target, and as `<prop>`s the
//! section ids (`x-en-section`, `x-es-section`; `x-a-section`, `x-b-section` for a pair other
//! than English–Spanish), the pair score (`x-score`) and, in a check's memory, the kinds of
//! the pair's divergences (`x-divergences`).

use std::collections::HashMap;
use std::io::{self, Write};

use crate::align::{Alignment, SectionPair, SentencePair};
use crate::compare::Check;
use crate::divergence::Divergence;
use crate::document::Document;

use super::{joined, Schema};
use crate::document::sides;

/// Writes the two-sided sentence pairs of `alignment` as a TMX 1.4b translation memory:
/// side `a` (the English version of an English–Spanish pair) the source, side `b` the target,
/// each `<tuv>` tagged with its document's language, one `<tu>` per pair with the section ids
/// and the score as properties. Text is escaped, and characters XML 1.0 forbids are left out.
pub fn write_tmx(
    out: &mut impl Write,
    alignment: &Alignment,
    a: &Document<'_>,
    b: &Document<'_>,
) -> io::Result<()> {
    write_memory(out, alignment, a, b, None)
}

/// Writes the two-sided sentence pairs of `check` as TMX 1.4b, as [`write_tmx`] does, and
/// gives each `<tu>` a `<prop type="x-divergences">` listing the kinds of that pair's
/// divergences (`date`, `entity` …), each once, in the order found, separated by a space;
/// empty when the pair has none.
///
/// ```
/// use paridad::{report::write_check_tmx, Checker, Document, Lang};
///
/// let en = Document::parse("1. Parks\nBoth countries will sign the agreement by March 31, 2026.\n", Lang::En)?;
/// let es = Document::parse("1. Parques\nAmbos países firmarán el acuerdo antes del 30 de abril de 2026.\n", Lang::Es)?;
/// let check = Checker::new().check(&en, &es);
/// let mut tmx = Vec::new();
/// write_check_tmx(&mut tmx, &check, &en, &es)?;
/// let tmx = String::from_utf8(tmx).unwrap();
/// assert!(tmx.contains(r#"<prop type="x-divergences">date</prop>"#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_check_tmx(
    out: &mut impl Write,
    check: &Check,
    a: &Document<'_>,
    b: &Document<'_>,
) -> io::Result<()> {
    write_memory(out, &check.alignment, a, b, Some(&check.by_pair()))
}

/// The memory of `alignment`; with `divergences`, each `<tu>` lists its pair's kinds.
fn write_memory(
    out: &mut impl Write,
    alignment: &Alignment,
    a: &Document<'_>,
    b: &Document<'_>,
    divergences: Option<&HashMap<(usize, usize), Vec<&Divergence>>>,
) -> io::Result<()> {
    let docs = sides(a, b);
    write_header(out, docs[0])?;
    writeln!(out, "  <body>")?;
    for (k, section) in alignment.sections.iter().enumerate() {
        for (p, pair) in section.pairs.iter().enumerate() {
            if pair.a.is_empty() || pair.b.is_empty() {
                continue;
            }
            let kinds = divergences
                .map(|by_pair| pair_kinds(by_pair.get(&(k, p)).map_or(&[][..], Vec::as_slice)));
            write_tu(out, section, pair, docs, kinds.as_deref())?;
        }
    }
    writeln!(out, "  </body>")?;
    writeln!(out, "</tmx>")
}

/// The XML declaration, `<tmx>` and the `<header>` with every attribute TMX 1.4b requires,
/// `source` the source language's document.
fn write_header(out: &mut impl Write, source: &Document<'_>) -> io::Result<()> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(out, r#"<tmx version="1.4">"#)?;
    writeln!(
        out,
        r#"  <header creationtool="paridad" creationtoolversion="{}" segtype="sentence" o-tmf="paridad" adminlang="en" srclang="{}" datatype="plaintext"/>"#,
        env!("CARGO_PKG_VERSION"),
        source.lang().code()
    )
}

/// One `<tu>`: the properties, then the `<tuv>` of side `a` and that of side `b`.
fn write_tu(
    out: &mut impl Write,
    section: &SectionPair,
    pair: &SentencePair,
    docs: [&Document<'_>; 2],
    kinds: Option<&[&str]>,
) -> io::Result<()> {
    writeln!(out, "    <tu>")?;
    let names = Schema::of(docs[0].lang(), docs[1].lang()).side_names();
    for (name, id) in names.into_iter().zip([&section.a_id, &section.b_id]) {
        if let Some(id) = id {
            write_prop(out, &format!("x-{name}-section"), id)?;
        }
    }
    write_prop(out, "x-score", &format!("{:.3}", pair.score))?;
    if let Some(kinds) = kinds {
        write_prop(out, "x-divergences", &kinds.join(" "))?;
    }
    for (doc, idx) in [(docs[0], &pair.a), (docs[1], &pair.b)] {
        writeln!(
            out,
            r#"      <tuv xml:lang="{}"><seg>{}</seg></tuv>"#,
            doc.lang().code(),
            escape(&joined(doc, idx))
        )?;
    }
    writeln!(out, "    </tu>")
}

/// One `<prop>`, its value escaped.
fn write_prop(out: &mut impl Write, kind: &str, value: &str) -> io::Result<()> {
    writeln!(out, r#"      <prop type="{kind}">{}</prop>"#, escape(value))
}

/// The kinds of a sentence pair's divergences, each once, in the order found.
fn pair_kinds(divergences: &[&Divergence]) -> Vec<&'static str> {
    let mut kinds: Vec<&'static str> = Vec::new();
    for d in divergences {
        if !kinds.contains(&d.kind.name()) {
            kinds.push(d.kind.name());
        }
    }
    kinds
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
    use crate::divergence::{DivergenceKind, Severity};

    #[test]
    fn escapes_markup_and_drops_forbidden_characters() {
        assert_eq!(
            escape("<script>\"a\" & 'b'</script>\u{0}\u{1b}ok\u{ffff}"),
            "&lt;script&gt;&quot;a&quot; &amp; &apos;b&apos;&lt;/script&gt;ok"
        );
    }

    fn divergence(kind: DivergenceKind, section: usize, pair: Option<usize>) -> Divergence {
        Divergence {
            id: String::new(),
            kind,
            severity: Severity::Warning,
            section,
            pair,
            a: None,
            b: None,
            message: String::new(),
            confidence: 1.0,
        }
    }

    #[test]
    fn pair_kinds_are_the_pairs_own_each_once_in_order() {
        let all = [
            divergence(DivergenceKind::Entity, 1, Some(2)),
            divergence(DivergenceKind::Date, 1, Some(2)),
            divergence(DivergenceKind::Entity, 1, Some(2)),
            divergence(DivergenceKind::Number, 1, Some(3)),
            divergence(DivergenceKind::Omission, 2, Some(2)),
            divergence(DivergenceKind::Structure, 1, None),
        ];
        // The divergences of one pair, as `Check::by_pair` groups them.
        let of = |section: usize, pair: usize| -> Vec<&Divergence> {
            all.iter()
                .filter(|d| d.section == section && d.pair == Some(pair))
                .collect()
        };
        assert_eq!(pair_kinds(&of(1, 2)), ["entity", "date"]);
        assert_eq!(pair_kinds(&of(1, 3)), ["number"]);
        assert!(pair_kinds(&of(1, 0)).is_empty());
    }
}
