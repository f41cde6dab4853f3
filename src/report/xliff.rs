//! XLIFF 2.1: one unit per aligned sentence pair, divergences as notes.

use std::collections::{HashMap, HashSet};
use std::io::{self, Write};

use crate::align::SectionPair;
use crate::compare::Check;
use crate::divergence::{Divergence, Severity};
use crate::document::Document;

use super::joined;
use super::table::section_label;
use super::tmx::escape;
use crate::document::sides;

/// The XLIFF core namespace, which XLIFF 2.1 keeps from 2.0.
const NAMESPACE: &str = "urn:oasis:names:tc:xliff:document:2.0";

/// Writes the sentence pairs of `check` as XLIFF 2.1, side `a` the source and side `b` the
/// target (English and Spanish of an English–Spanish pair, the documents given in either
/// order; `srcLang` and `trgLang` are the two documents' languages): one `<group>` per section
/// pair, one `<unit>` per sentence pair, each divergence as a `<note>`.
///
/// The document uses the XLIFF core only (namespace `urn:oasis:names:tc:xliff:document:2.0`,
/// which 2.1 keeps), so it validates against the core schema `xliff_core_2.0.xsd`:
///
/// ```text
/// <xliff version="2.1" srcLang="en" trgLang="es">
///   <file id="paridad">
///     <group id="I.4" name="I.4 Economic Security Collaboration / I.4 Colaboración en seguridad económica">
///       <notes>…section-level divergences…</notes>
///       <unit id="I.4-0">
///         <notes>
///           <note category="paridad:entity" priority="2">the instrument differs: … (entity-5c1d0e7a2b3f)</note>
///         </notes>
///         <segment state="translated"><source>English</source><target>Spanish</target></segment>
///       </unit>
///       …
///     </group>
///     …
///   </file>
/// </xliff>
/// ```
///
/// * One `<group>` per section pair, in the document order of side `a`. Its `id` is the pair's
///   section label (`I.4`; `I.4_I.5` when the versions number it differently; `I.6_-` and
///   `-_I.6` for a section of one version only), kept to the characters an `NMTOKEN` allows and
///   made unique with a `.2`, `.3` … suffix in the rare case two labels coincide. Its `name`
///   gives both sides' ids and titles.
/// * One `<unit>` per sentence pair, `id` = group id, `-`, and the pair's index in the section
///   pair from 0 (the `pair` of the JSON report), so a unit keeps its id from run to run while
///   its section is unchanged.
/// * A two-sided pair has side `a` (the English) as `<source>` and side `b` (the Spanish) as
///   `<target>`, with `state="translated"`: side `b` is the existing translation.
/// * A sentence of side `a` without counterpart has a `<source>` and no `<target>`: to a
///   CAT tool it is untranslated, which is what it is.
/// * A sentence of side `b` without counterpart keeps its place in document order as a unit
///   with an empty `<source/>` (XLIFF requires one) and the Spanish as `<target>`, so a
///   reviewer sees the addition where it stands, with its note; translation memories skip
///   entries with an empty source, so it teaches them nothing false.
/// * Each divergence becomes a `<note category="paridad:KIND" priority="P">message
///   (id)</note>` on its sentence pair's unit (priority 1 for an error, 2 for a warning, 3 for
///   an info); a divergence about the section pair as a whole goes to the group's notes, and
///   one whose section pair is not in the alignment to the file's notes.
///
/// Text is escaped, and characters XML 1.0 forbids are left out.
///
/// ```
/// use paridad::{report::write_xliff, Checker, Document, Lang};
///
/// let en = Document::parse("1. Parks\nBoth countries will sign the agreement by March 31, 2026.\n", Lang::En)?;
/// let es = Document::parse("1. Parques\nAmbos países firmarán el acuerdo antes del 30 de abril de 2026.\n", Lang::Es)?;
/// let check = Checker::new().check(&en, &es);
/// let mut xliff = Vec::new();
/// write_xliff(&mut xliff, &check, &en, &es)?;
/// let xliff = String::from_utf8(xliff).unwrap();
/// assert!(xliff.contains(r#"<unit id="1-0">"#));
/// assert!(xliff.contains(r#"<note category="paridad:date" priority="1">"#));
/// assert!(xliff.contains("<target>Ambos países firmarán el acuerdo antes del 30 de abril de 2026.</target>"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_xliff(
    out: &mut impl Write,
    check: &Check,
    a: &Document<'_>,
    b: &Document<'_>,
) -> io::Result<()> {
    let docs = sides(a, b);
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<xliff xmlns="{NAMESPACE}" version="2.1" srcLang="{}" trgLang="{}">"#,
        docs[0].lang().code(),
        docs[1].lang().code()
    )?;
    writeln!(out, r#"  <file id="paridad">"#)?;
    let sections = &check.alignment.sections;
    let orphans: Vec<&Divergence> = check
        .divergences
        .iter()
        .filter(|d| d.section >= sections.len())
        .collect();
    write_notes(out, "    ", &orphans)?;
    let mut used = HashSet::new();
    let (by_section, by_pair) = (check.by_section(), check.by_pair());
    for ((k, section), divergences) in sections.iter().enumerate().zip(&by_section) {
        let id = unique(group_label(section), &mut used);
        let placed = Placed {
            section: divergences,
            pairs: &by_pair,
        };
        write_group(out, check, k, &id, placed, &mut used, docs)?;
    }
    if sections.is_empty() {
        // A file holds at least one group or unit.
        writeln!(out, r#"    <group id="empty"/>"#)?;
    }
    writeln!(out, "  </file>")?;
    writeln!(out, "</xliff>")
}

/// The divergences of one section pair, and of every sentence pair by (section pair, sentence
/// pair).
#[derive(Clone, Copy)]
struct Placed<'p, 'c> {
    section: &'p [&'c Divergence],
    pairs: &'p HashMap<(usize, usize), Vec<&'c Divergence>>,
}

/// One section pair as a `<group>`: its own divergences as notes, then a unit per pair.
fn write_group(
    out: &mut impl Write,
    check: &Check,
    k: usize,
    id: &str,
    placed: Placed<'_, '_>,
    used: &mut HashSet<String>,
    docs: [&Document<'_>; 2],
) -> io::Result<()> {
    let section = &check.alignment.sections[k];
    writeln!(
        out,
        r#"    <group id="{}" name="{}">"#,
        escape(id),
        escape(&group_name(section, docs))
    )?;
    let n = section.pairs.len();
    let own: Vec<&Divergence> = placed
        .section
        .iter()
        .filter(|d| d.pair.is_none_or(|p| p >= n))
        .copied()
        .collect();
    write_notes(out, "      ", &own)?;
    for p in 0..n {
        let own = placed.pairs.get(&(k, p)).map_or(&[][..], Vec::as_slice);
        // Unique among groups and units alike, as XLIFF requires (a repeated section number
        // `1~2` makes the group `1-2`, which is also the third unit of group `1`).
        let unit = unique(format!("{id}-{p}"), used);
        write_unit(out, check, k, p, &unit, own, docs)?;
    }
    writeln!(out, "    </group>")
}

/// Sentence pair `p` of section pair `k` as a `<unit>` with its divergences as notes.
fn write_unit(
    out: &mut impl Write,
    check: &Check,
    k: usize,
    p: usize,
    id: &str,
    own: &[&Divergence],
    docs: [&Document<'_>; 2],
) -> io::Result<()> {
    let pair = &check.alignment.sections[k].pairs[p];
    writeln!(out, r#"      <unit id="{}">"#, escape(id))?;
    write_notes(out, "        ", own)?;
    let (source, target) = (joined(docs[0], &pair.a), joined(docs[1], &pair.b));
    let source = if source.is_empty() {
        "<source/>".to_string()
    } else {
        format!("<source>{}</source>", escape(&source))
    };
    match (pair.a.is_empty(), pair.b.is_empty()) {
        (_, true) => writeln!(out, "        <segment>{source}</segment>")?,
        (false, false) => writeln!(
            out,
            r#"        <segment state="translated">{source}<target>{}</target></segment>"#,
            escape(&target)
        )?,
        (true, false) => writeln!(
            out,
            "        <segment>{source}<target>{}</target></segment>",
            escape(&target)
        )?,
    }
    writeln!(out, "      </unit>")
}

/// A `<notes>` element with one `<note>` per divergence, or nothing when there are none.
fn write_notes(out: &mut impl Write, indent: &str, divergences: &[&Divergence]) -> io::Result<()> {
    if divergences.is_empty() {
        return Ok(());
    }
    writeln!(out, "{indent}<notes>")?;
    for d in divergences {
        writeln!(
            out,
            r#"{indent}  <note category="paridad:{}" priority="{}">{} ({})</note>"#,
            d.kind.name(),
            priority(d.severity),
            escape(&d.message),
            escape(&d.id)
        )?;
    }
    writeln!(out, "{indent}</notes>")
}

/// The XLIFF note priority of a severity: 1 (the highest) for an error, 2 for a warning, 3
/// for an info.
fn priority(severity: Severity) -> u8 {
    match severity {
        Severity::Error => 1,
        Severity::Warning => 2,
        Severity::Info => 3,
    }
}

/// The section label of a pair, kept to ASCII name characters so that it is an `NMTOKEN`.
fn group_label(section: &SectionPair) -> String {
    section_label(section.a_id.as_deref(), section.b_id.as_deref(), '_')
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | ':') {
                c
            } else {
                '-'
            }
        })
        .collect()
}

/// `label`, or `label.2`, `label.3` … when taken, recorded in `used`.
fn unique(label: String, used: &mut HashSet<String>) -> String {
    let mut id = label.clone();
    let mut n = 1;
    while used.contains(&id) {
        n += 1;
        id = format!("{label}.{n}");
    }
    used.insert(id.clone());
    id
}

/// Both sides' ids and titles, side `a` then side `b` (`English / Spanish`), `-` for a missing
/// side.
fn group_name(section: &SectionPair, docs: [&Document<'_>; 2]) -> String {
    let side = |doc: &Document<'_>, k: Option<usize>| {
        k.and_then(|k| doc.sections().get(k))
            .map_or("-".to_string(), |s| {
                format!("{} {}", s.id(), s.title()).trim().to_string()
            })
    };
    format!(
        "{} / {}",
        side(docs[0], section.a),
        side(docs[1], section.b)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(en: Option<&str>, es: Option<&str>) -> SectionPair {
        SectionPair {
            a: None,
            b: None,
            a_id: en.map(str::to_string),
            b_id: es.map(str::to_string),
            score: 0.0,
            moved: false,
            pairs: Vec::new(),
        }
    }

    #[test]
    fn group_labels_are_nmtokens() {
        assert_eq!(group_label(&pair(Some("I.4"), Some("I.4"))), "I.4");
        assert_eq!(group_label(&pair(Some("art:12"), None)), "art:12_-");
        assert_eq!(group_label(&pair(Some("a b/ñ"), Some("c"))), "a-b--_c");
    }

    #[test]
    fn labels_are_made_unique() {
        let mut used = HashSet::new();
        let ids: Vec<String> = ["I.4", "I.4", "I.4.2", "I.4"]
            .iter()
            .map(|l| unique(l.to_string(), &mut used))
            .collect();
        assert_eq!(ids, ["I.4", "I.4.2", "I.4.2.2", "I.4.3"]);
    }

    #[test]
    fn priorities_follow_severity() {
        assert!(priority(Severity::Error) < priority(Severity::Warning));
        assert!(priority(Severity::Warning) < priority(Severity::Info));
    }
}
