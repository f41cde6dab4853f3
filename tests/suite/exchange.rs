//! The exchange formats on the seed pair: TMX 1.4b with divergences, XLIFF 2.1 and CSV/TSV.
//!
//! Each output is checked by tools that know the format, not by reading our own strings back
//! with our own code: `xmllint` (Debian package libxml2-utils) for well-formedness and, for
//! XLIFF, validity against `tests/schemas/xliff21_core_subset.xsd` (the core elements paridad
//! writes, written from the XLIFF 2.1 specification); quick-xml to read the XML
//! back; the `csv` crate to read the tables back. What is read back must equal the alignment
//! and the divergences, computed here from the documents.

use std::io::{self, Write};
use std::process::{Command, Stdio};

use paridad::report::{write_check_tmx, write_table, write_tmx, write_xliff, Separator};
use paridad::{Check, Checker, Divergence, Document, Lang, SectionPair, Severity};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::util::{en, es, EN, ES};

// ---------------------------------------------------------------------------------------------
// Helpers: the seed check, rendering, xmllint, a small XML tree.

/// The check of the seed pair.
fn seed_check() -> (Document<'static>, Document<'static>, Check) {
    let (en, es) = (en(), es());
    let check = Checker::new().check(&en, &es);
    (en, es, check)
}

/// What a writer writes, as text.
pub(super) fn render(write: impl FnOnce(&mut Vec<u8>) -> io::Result<()>) -> String {
    let mut out = Vec::new();
    write(&mut out).expect("writing to a Vec cannot fail");
    String::from_utf8(out).expect("reports are UTF-8")
}

/// The text of sentences `idx` of `doc`, joined by one space, computed here and not by
/// paridad's report code.
fn side(doc: &Document<'_>, idx: &[usize]) -> String {
    let texts: Vec<&str> = idx.iter().map(|&i| doc.sentences()[i].text()).collect();
    texts.join(" ")
}

/// The section label the reports use: the id when both are equal, else both joined.
fn label(section: &SectionPair, joiner: char) -> String {
    match (&section.en_id, &section.es_id) {
        (Some(a), Some(b)) if a == b => a.clone(),
        (a, b) => format!(
            "{}{joiner}{}",
            a.as_deref().unwrap_or("-"),
            b.as_deref().unwrap_or("-")
        ),
    }
}

const SCHEMAS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/schemas");

/// Runs `xmllint --nonet ARGS -` on `xml` (schema imports are local files, so nothing is
/// fetched); `Err` holds what xmllint said when it rejects the document.
fn xmllint(args: &[&str], xml: &str) -> Result<(), String> {
    let mut child = Command::new("xmllint")
        .arg("--nonet")
        .args(args)
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| {
            panic!("cannot run xmllint ({e}); install it: apt-get install libxml2-utils")
        });
    let mut stdin = child.stdin.take().expect("piped stdin");
    let input = xml.to_owned();
    let feeder = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let output = child.wait_with_output().expect("xmllint runs");
    feeder
        .join()
        .expect("the feeder thread ends")
        .expect("xmllint reads its input");
    if output.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&output.stderr).into_owned())
    }
}

/// Validates `xml` against the XLIFF 2.1 core elements paridad writes.
fn validate_xliff(xml: &str) -> Result<(), String> {
    let schema = format!("{SCHEMAS}/xliff21_core_subset.xsd");
    xmllint(&["--noout", "--schema", &schema], xml)
}

/// An XML element as quick-xml reads it: qualified name, attributes (unescaped), child
/// elements, and its own text (unescaped, concatenated).
#[derive(Debug, Default)]
struct Element {
    name: String,
    attrs: Vec<(String, String)>,
    children: Vec<Element>,
    text: String,
}

impl Element {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The child elements named `name`.
    fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }

    /// The only child element named `name`.
    fn one(&self, name: &str) -> &Element {
        let found: Vec<&Element> = self.children.iter().filter(|c| c.name == name).collect();
        assert_eq!(found.len(), 1, "<{}> must have one <{name}>", self.name);
        found[0]
    }

    /// The names of the child elements, in order.
    fn child_names(&self) -> Vec<&str> {
        self.children.iter().map(|c| c.name.as_str()).collect()
    }
}

/// Reads `xml` with quick-xml into its root element; panics on malformed XML.
fn parse(xml: &str) -> Element {
    let mut reader = Reader::from_str(xml);
    let mut stack = vec![Element::default()];
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => stack.push(element(&e)),
            Event::Empty(e) => stack.last_mut().unwrap().children.push(element(&e)),
            Event::End(_) => {
                let done = stack.pop().unwrap();
                stack.last_mut().expect("balanced tags").children.push(done);
            }
            Event::Text(t) => stack
                .last_mut()
                .unwrap()
                .text
                .push_str(&t.unescape().expect("valid escapes")),
            Event::CData(c) => stack
                .last_mut()
                .unwrap()
                .text
                .push_str(std::str::from_utf8(&c).unwrap()),
            Event::Eof => break,
            _ => {}
        }
    }
    let mut document = stack.pop().expect("the document node");
    assert!(stack.is_empty(), "unclosed elements");
    assert_eq!(document.children.len(), 1, "one root element");
    document.children.pop().unwrap()
}

fn element(start: &BytesStart<'_>) -> Element {
    let utf8 = |b: &[u8]| String::from_utf8(b.to_vec()).expect("UTF-8 names");
    Element {
        name: utf8(start.name().as_ref()),
        attrs: start
            .attributes()
            .map(|a| {
                let a = a.expect("a well-formed attribute");
                let value = a.unescape_value().expect("valid escapes").into_owned();
                (utf8(a.key.as_ref()), value)
            })
            .collect(),
        ..Element::default()
    }
}

/// The kinds of the divergences of pair `p` of section pair `k`, each once, in order.
fn pair_kinds(check: &Check, k: usize, p: usize) -> Vec<&'static str> {
    let mut kinds = Vec::new();
    for d in check.in_section(k).filter(|d| d.pair == Some(p)) {
        if !kinds.contains(&d.kind.name()) {
            kinds.push(d.kind.name());
        }
    }
    kinds
}

/// The seed pair with both sides of one deadline changed to carry quotes and commas into a
/// date divergence's evidence (`by "March 31, 2026` against `antes del "30 de abril, de 2026`).
fn hostile_seed_check() -> (Document<'static>, Document<'static>, Check) {
    let replace = |text: &str, old: &str, new: &str| {
        assert_eq!(text.matches(old).count(), 1, "{old:?} once in the seed");
        text.replace(old, new)
    };
    let en_text = replace(EN, "by March 31, 2026", "by \"March 31, 2026\"");
    let es_text = replace(
        ES,
        "antes del 31 de marzo de 2026",
        "antes del \"30 de abril, de 2026\"",
    );
    let en = Document::parse(Box::leak(en_text.into_boxed_str()), Lang::En).unwrap();
    let es = Document::parse(Box::leak(es_text.into_boxed_str()), Lang::Es).unwrap();
    let check = Checker::new().check(&en, &es);
    (en, es, check)
}

// ---------------------------------------------------------------------------------------------
// TMX 1.4b.

/// The header attributes TMX 1.4b requires, with the values paridad writes (`None`: any
/// non-empty value).
const TMX_HEADER: [(&str, Option<&str>); 7] = [
    ("creationtool", Some("paridad")),
    ("creationtoolversion", Some(env!("CARGO_PKG_VERSION"))),
    ("segtype", Some("sentence")),
    ("o-tmf", None),
    ("adminlang", Some("en")),
    ("srclang", Some("en")),
    ("datatype", Some("plaintext")),
];

/// Asserts the structure TMX 1.4b requires of `tmx`: `<tmx version="1.4">` holding a header
/// with every required attribute and a body of `<tu>`s, each with its `<prop type>`s (and
/// `<note>`s) before at least one `<tuv xml:lang>`, each of those with exactly one `<seg>`.
fn assert_tmx_14b(tmx: &Element) {
    assert_eq!(tmx.name, "tmx");
    assert_eq!(tmx.attr("version"), Some("1.4"));
    assert_eq!(tmx.child_names(), ["header", "body"]);
    let header = tmx.one("header");
    for (name, value) in TMX_HEADER {
        let got = header
            .attr(name)
            .unwrap_or_else(|| panic!("header lacks {name}"));
        assert!(!got.is_empty(), "header {name} is empty");
        if let Some(value) = value {
            assert_eq!(got, value, "header {name}");
        }
    }
    let body = tmx.one("body");
    assert!(!body.children.is_empty(), "the body holds units");
    for tu in &body.children {
        assert_eq!(tu.name, "tu");
        let names = tu.child_names();
        let first_tuv = names.iter().position(|n| *n == "tuv").expect("a <tuv>");
        assert!(names[..first_tuv]
            .iter()
            .all(|n| *n == "prop" || *n == "note"));
        assert!(names[first_tuv..].iter().all(|n| *n == "tuv"));
        for prop in tu.all("prop") {
            assert!(prop.attr("type").is_some_and(|t| !t.is_empty()));
        }
        for tuv in tu.all("tuv") {
            assert!(matches!(tuv.attr("xml:lang"), Some("en" | "es")), "{tuv:?}");
            assert_eq!(tuv.child_names(), ["seg"]);
        }
    }
}

/// The value of `tu`'s property `kind`.
fn prop<'a>(tu: &'a Element, kind: &str) -> Option<&'a str> {
    tu.all("prop")
        .find(|p| p.attr("type") == Some(kind))
        .map(|p| p.text.as_str())
}

#[test]
fn check_tmx_is_well_formed_tmx_14b() {
    let (en, es, check) = seed_check();
    let tmx = render(|out| write_check_tmx(out, &check, &en, &es));
    xmllint(&["--noout"], &tmx).unwrap_or_else(|e| panic!("xmllint rejects the TMX: {e}"));
    assert_tmx_14b(&parse(&tmx));
}

#[test]
fn check_tmx_units_are_the_two_sided_pairs_with_their_divergences() {
    let (en, es, check) = seed_check();
    let tmx = parse(&render(|out| write_check_tmx(out, &check, &en, &es)));
    let tus: Vec<&Element> = tmx.one("body").all("tu").collect();
    let mut expected = Vec::new();
    for (k, s) in check.alignment.sections.iter().enumerate() {
        for (p, pair) in s.pairs.iter().enumerate() {
            if !pair.en.is_empty() && !pair.es.is_empty() {
                expected.push((k, p, s, pair));
            }
        }
    }
    assert_eq!(tus.len(), expected.len(), "one <tu> per two-sided pair");
    assert!(tus.len() >= 90, "the seed pair has 91 two-sided pairs");
    for (tu, (k, p, s, pair)) in tus.iter().zip(&expected) {
        let seg = |lang: &str| {
            let tuv = tu.all("tuv").find(|t| t.attr("xml:lang") == Some(lang));
            tuv.expect("both languages").one("seg").text.clone()
        };
        assert_eq!(seg("en"), side(&en, &pair.en));
        assert_eq!(seg("es"), side(&es, &pair.es));
        assert_eq!(prop(tu, "x-en-section"), s.en_id.as_deref());
        assert_eq!(prop(tu, "x-es-section"), s.es_id.as_deref());
        let score: f64 = prop(tu, "x-score").unwrap().parse().unwrap();
        assert!(
            (score - pair.score).abs() <= 0.0005,
            "{score} vs {}",
            pair.score
        );
        let kinds = pair_kinds(&check, *k, *p).join(" ");
        assert_eq!(prop(tu, "x-divergences"), Some(kinds.as_str()), "{tu:?}");
    }
    let flagged = tus
        .iter()
        .filter(|tu| prop(tu, "x-divergences") != Some(""));
    assert!(
        flagged.count() >= 8,
        "the seed's divergences are on their units"
    );
    let i4_instrument = tus.iter().any(|tu| {
        prop(tu, "x-en-section") == Some("I.4")
            && prop(tu, "x-divergences") == Some("entity")
            && tu
                .all("tuv")
                .any(|t| t.one("seg").text.contains("Memorandum of Collaboration"))
    });
    assert!(i4_instrument, "I.4's instrument is flagged on its sentence");
}

#[test]
fn plain_tmx_is_the_check_tmx_without_divergences() {
    let (en, es, check) = seed_check();
    let plain = render(|out| write_tmx(out, &check.alignment, &en, &es));
    let with = render(|out| write_check_tmx(out, &check, &en, &es));
    let stripped: Vec<&str> = with
        .lines()
        .filter(|l| !l.contains(r#"<prop type="x-divergences">"#))
        .collect();
    assert!(stripped.len() < with.lines().count());
    assert_eq!(plain.lines().collect::<Vec<_>>(), stripped);
}

/// A pair of one-sentence documents full of markup characters and control characters XML 1.0
/// forbids.
fn markup_pair() -> (Document<'static>, Document<'static>) {
    let en = "1. Tags\nThe <b> & \"quoted\" 'text' costs 5 < 6 and\u{1} a ]]> \u{b}bell.\n";
    let es =
        "1. Etiquetas\nEl <b> & \"citado\" 'texto' cuesta 5 < 6 y\u{1} una ]]> \u{b}campana.\n";
    let en = Document::parse(en, Lang::En).unwrap();
    let es = Document::parse(es, Lang::Es).unwrap();
    (en, es)
}

/// `text` without the characters XML 1.0 forbids.
fn xml_safe(text: &str) -> String {
    text.chars()
        .filter(|&c| c >= ' ' || matches!(c, '\t' | '\n' | '\r'))
        .collect()
}

#[test]
fn markup_and_forbidden_characters_survive_as_text() {
    let (en, es) = markup_pair();
    let check = Checker::new().check(&en, &es);
    let tmx = render(|out| write_check_tmx(out, &check, &en, &es));
    xmllint(&["--noout"], &tmx).unwrap_or_else(|e| panic!("xmllint rejects the TMX: {e}"));
    let tmx = parse(&tmx);
    let tu = tmx.one("body").one("tu");
    let segs: Vec<&str> = tu.all("tuv").map(|t| t.one("seg").text.as_str()).collect();
    let expected = [en.sentences()[0].text(), es.sentences()[0].text()];
    assert!(
        expected[0].contains('\u{1}'),
        "a forbidden character reaches the writers"
    );
    let expected = expected.map(xml_safe);
    assert!(expected[0].contains("<b> & \"quoted\" 'text' costs 5 < 6"));
    assert_eq!(segs, expected);

    let xliff = render(|out| write_xliff(out, &check, &en, &es));
    validate_xliff(&xliff).unwrap_or_else(|e| panic!("invalid XLIFF: {e}"));
    let xliff = parse(&xliff);
    let group = xliff
        .one("file")
        .all("group")
        .find(|g| g.attr("id") == Some("1"));
    let segment = group.expect("section 1").one("unit").one("segment");
    assert_eq!(segment.one("source").text, expected[0]);
    assert_eq!(segment.one("target").text, expected[1]);
}

// ---------------------------------------------------------------------------------------------
// XLIFF 2.1.

#[test]
fn xliff_validates_against_the_core_schema() {
    let (en, es, check) = seed_check();
    let xliff = render(|out| write_xliff(out, &check, &en, &es));
    xmllint(&["--noout"], &xliff).unwrap_or_else(|e| panic!("malformed XLIFF: {e}"));
    validate_xliff(&xliff).unwrap_or_else(|e| panic!("invalid XLIFF: {e}"));
}

#[test]
fn the_validators_reject_broken_documents() {
    let (en, es, check) = seed_check();
    let xliff = render(|out| write_xliff(out, &check, &en, &es));
    let bad_priority = xliff.replacen(r#"priority="2""#, r#"priority="11""#, 1);
    assert_ne!(bad_priority, xliff);
    assert!(
        validate_xliff(&bad_priority).is_err(),
        "priority is 1 to 10"
    );
    let no_source = xliff.replacen("<source/>", "", 1);
    assert_ne!(no_source, xliff);
    assert!(
        validate_xliff(&no_source).is_err(),
        "a segment needs a source"
    );
    let truncated = &xliff[..xliff.len() / 2];
    assert!(xmllint(&["--noout"], truncated).is_err());
    let tmx = render(|out| write_check_tmx(out, &check, &en, &es));
    assert!(xmllint(&["--noout"], &tmx.replacen("</seg>", "", 1)).is_err());
}

/// Where a divergence's note belongs: on its pair's unit, on its section's group, or on the
/// file.
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
enum Place {
    File,
    Group(usize),
    Unit(usize, usize),
}

fn place(check: &Check, d: &Divergence) -> Place {
    match check.alignment.sections.get(d.section) {
        None => Place::File,
        Some(s) => match d.pair {
            Some(p) if p < s.pairs.len() => Place::Unit(d.section, p),
            _ => Place::Group(d.section),
        },
    }
}

/// The notes of `element`, if any: (category, priority, text).
fn notes(element: &Element) -> Vec<(String, String, String)> {
    element
        .all("notes")
        .flat_map(|n| n.all("note"))
        .map(|n| {
            let attr = |a: &str| n.attr(a).unwrap_or_default().to_string();
            (attr("category"), attr("priority"), n.text.clone())
        })
        .collect()
}

/// The note a divergence should have.
fn expected_note(d: &Divergence) -> (String, String, String) {
    let priority = match d.severity {
        Severity::Error => "1",
        Severity::Warning => "2",
        Severity::Info => "3",
    };
    (
        format!("paridad:{}", d.kind.name()),
        priority.to_string(),
        format!("{} ({})", d.message, d.id),
    )
}

/// Every note of the document with its place.
fn placed_notes(file: &Element) -> Vec<(Place, (String, String, String))> {
    let mut found: Vec<(Place, _)> = notes(file).into_iter().map(|n| (Place::File, n)).collect();
    for (k, group) in file.all("group").enumerate() {
        found.extend(notes(group).into_iter().map(|n| (Place::Group(k), n)));
        for (p, unit) in group.all("unit").enumerate() {
            found.extend(notes(unit).into_iter().map(|n| (Place::Unit(k, p), n)));
        }
    }
    found
}

#[test]
fn xliff_units_are_the_sentence_pairs() {
    let (en, es, check) = seed_check();
    let xliff = parse(&render(|out| write_xliff(out, &check, &en, &es)));
    assert_eq!(xliff.name, "xliff");
    assert_eq!(
        xliff.attr("xmlns"),
        Some("urn:oasis:names:tc:xliff:document:2.0")
    );
    assert_eq!(xliff.attr("version"), Some("2.1"));
    assert_eq!(xliff.attr("srcLang"), Some("en"));
    assert_eq!(xliff.attr("trgLang"), Some("es"));
    let file = xliff.one("file");
    let groups: Vec<&Element> = file.all("group").collect();
    assert_eq!(
        groups.len(),
        check.alignment.sections.len(),
        "a group per section pair"
    );
    let mut unit_ids = std::collections::HashSet::new();
    for (group, s) in groups.iter().zip(&check.alignment.sections) {
        let id = label(s, '_');
        assert_eq!(group.attr("id"), Some(id.as_str()));
        let name = group.attr("name").unwrap();
        for (doc, k) in [(&en, s.en), (&es, s.es)] {
            if let Some(k) = k {
                assert!(name.contains(doc.sections()[k].title()), "{name}");
            }
        }
        let units: Vec<&Element> = group.all("unit").collect();
        assert_eq!(
            units.len(),
            s.pairs.len(),
            "a unit per sentence pair in {id}"
        );
        for (p, (unit, pair)) in units.iter().zip(&s.pairs).enumerate() {
            assert_eq!(unit.attr("id"), Some(format!("{id}-{p}").as_str()));
            assert!(unit_ids.insert(unit.attr("id").unwrap().to_string()));
            let segment = unit.one("segment");
            assert_eq!(segment.one("source").text, side(&en, &pair.en));
            let target: Vec<&str> = segment.all("target").map(|t| t.text.as_str()).collect();
            if pair.es.is_empty() {
                assert!(target.is_empty(), "no target for an English-only pair");
            } else {
                assert_eq!(target, [side(&es, &pair.es)]);
            }
            let two_sided = !pair.en.is_empty() && !pair.es.is_empty();
            let state = two_sided.then_some("translated");
            assert_eq!(segment.attr("state"), state);
        }
    }
}

#[test]
fn xliff_notes_are_the_divergences_in_place() {
    let (en, es, check) = seed_check();
    let xliff = parse(&render(|out| write_xliff(out, &check, &en, &es)));
    let found = placed_notes(xliff.one("file"));
    assert_eq!(
        found.len(),
        check.divergences.len(),
        "one note per divergence"
    );
    assert!(found.len() >= 10);
    for d in &check.divergences {
        let wanted = (place(&check, d), expected_note(d));
        assert!(
            found.contains(&wanted),
            "{d:?} should be noted as {wanted:?}"
        );
    }
}

#[test]
fn one_sided_pairs_are_units_too() {
    // The seed's Spanish dateline has no English counterpart; a Spanish sentence deleted
    // leaves its English one alone.
    let deleted = "Asimismo, se llevará a cabo una evaluación conjunta continua para asegurar el \
                   progreso de los resultados alcanzados en los cuatro pilares. ";
    assert_eq!(ES.matches(deleted).count(), 1);
    let es_text: &'static str = Box::leak(ES.replace(deleted, "").into_boxed_str());
    let (en, es) = (en(), Document::parse(es_text, Lang::Es).unwrap());
    let check = Checker::new().check(&en, &es);
    let xliff = render(|out| write_xliff(out, &check, &en, &es));
    validate_xliff(&xliff).unwrap_or_else(|e| panic!("invalid XLIFF: {e}"));
    let xliff = parse(&xliff);
    let units: Vec<&Element> = xliff
        .one("file")
        .all("group")
        .flat_map(|g| g.all("unit"))
        .collect();
    let spanish_only = units
        .iter()
        .find(|u| {
            let segment = u.one("segment");
            segment
                .all("target")
                .any(|t| t.text == "Ciudad de México, 18 de septiembre de 2025")
        })
        .expect("the dateline's unit");
    assert_eq!(spanish_only.one("segment").one("source").text, "");
    assert!(notes(spanish_only)[0].0 == "paridad:addition");
    let english_only = units
        .iter()
        .find(|u| {
            let source = &u.one("segment").one("source").text;
            source.starts_with("A joint continuous evaluation will also be conducted")
        })
        .expect("the English sentence's unit");
    assert_eq!(english_only.one("segment").all("target").count(), 0);
    assert!(notes(english_only)
        .iter()
        .any(|n| n.0 == "paridad:omission"));
}

// ---------------------------------------------------------------------------------------------
// CSV and TSV.

const COLUMNS: [&str; 7] = ["id", "section", "kind", "severity", "en", "es", "message"];

/// The row a divergence should have.
fn expected_row(check: &Check, d: &Divergence) -> Vec<String> {
    let evidence = |e: &Option<paridad::Evidence>| e.as_ref().map_or("", |e| &e.text).to_string();
    vec![
        d.id.clone(),
        label(&check.alignment.sections[d.section], '/'),
        d.kind.name().to_string(),
        d.severity.name().to_string(),
        evidence(&d.en),
        evidence(&d.es),
        d.message.clone(),
    ]
}

/// The header and the records of a table, read by the `csv` crate.
pub(super) fn read_table(text: &str, separator: Separator) -> (Vec<String>, Vec<Vec<String>>) {
    let mut builder = csv::ReaderBuilder::new();
    if separator == Separator::Tab {
        builder.delimiter(b'\t').quoting(false);
    }
    let mut reader = builder.from_reader(text.as_bytes());
    let header = reader.headers().unwrap().iter().map(String::from).collect();
    let records = reader
        .records()
        .map(|r| {
            r.expect("a well-formed record")
                .iter()
                .map(String::from)
                .collect()
        })
        .collect();
    (header, records)
}

/// The seed check as a table with `separator`, read back: its text and the expected rows,
/// after asserting the header and that the rows read back are the divergences.
fn seed_table(separator: Separator) -> (String, Vec<Vec<String>>) {
    let (en, es, check) = seed_check();
    let text = render(|out| write_table(out, &check, &en, &es, separator));
    let (header, rows) = read_table(&text, separator);
    assert_eq!(header, COLUMNS);
    let expected: Vec<Vec<String>> = check
        .divergences
        .iter()
        .map(|d| expected_row(&check, d))
        .collect();
    assert_eq!(rows, expected);
    (text, expected)
}

#[test]
fn csv_rows_are_the_divergences() {
    let (csv, expected) = seed_table(Separator::Comma);
    // The seed's messages hold commas and quotes, so the quoting is exercised; and every
    // record ends with CRLF.
    assert!(
        expected.iter().any(|r| r[6].contains(',')) && expected.iter().any(|r| r[6].contains('"'))
    );
    assert_eq!(csv.split("\r\n").count(), expected.len() + 2);
    assert!(!csv.replace("\r\n", "").contains(['\r', '\n']));
}

#[test]
fn tsv_rows_are_the_divergences() {
    let (tsv, expected) = seed_table(Separator::Tab);
    assert!(!expected.is_empty());
    assert!(!tsv.contains('\r'));
    assert!(tsv.lines().all(|l| l.matches('\t').count() == 6));
}

#[test]
fn quotes_and_commas_in_the_evidence_keep_the_columns() {
    let (en, es, check) = hostile_seed_check();
    let date = check
        .divergences
        .iter()
        .find(|d| d.kind == paridad::DivergenceKind::Date)
        .expect("the changed deadline is flagged");
    for e in [&date.en, &date.es] {
        let text = &e.as_ref().expect("evidence on both sides").text;
        assert!(text.contains('"') && text.contains(','), "{text}");
    }
    for separator in [Separator::Comma, Separator::Tab] {
        let table = render(|out| write_table(out, &check, &en, &es, separator));
        let (_, rows) = read_table(&table, separator);
        let expected: Vec<Vec<String>> = check
            .divergences
            .iter()
            .map(|d| expected_row(&check, d))
            .collect();
        assert_eq!(rows, expected, "{separator:?}");
    }
}

/// Field values no table writer should trip on.
const HOSTILE: [&str; 7] = [
    "a\",\"b",
    "\"quoted\"",
    "line\r\nbreak",
    "lf\nonly",
    "tab\there",
    "cr\ronly, \"mixed\"\t\n",
    "",
];

#[test]
fn hostile_fields_keep_the_columns() {
    let (en, es, mut check) = seed_check();
    for (k, d) in check.divergences.iter_mut().enumerate() {
        d.message = HOSTILE[k % HOSTILE.len()].to_string();
        for e in [&mut d.en, &mut d.es].into_iter().flatten() {
            e.text = HOSTILE[(k + 1) % HOSTILE.len()].to_string();
        }
    }
    let expected: Vec<Vec<String>> = check
        .divergences
        .iter()
        .map(|d| expected_row(&check, d))
        .collect();
    let csv = render(|out| write_table(out, &check, &en, &es, Separator::Comma));
    assert_eq!(read_table(&csv, Separator::Comma).1, expected);
    let tsv = render(|out| write_table(out, &check, &en, &es, Separator::Tab));
    let flat = |s: &String| s.replace(['\t', '\r', '\n'], " ");
    let flattened: Vec<Vec<String>> = expected
        .iter()
        .map(|r| r.iter().map(flat).collect())
        .collect();
    assert_eq!(read_table(&tsv, Separator::Tab).1, flattened);
    assert_eq!(tsv.lines().count(), expected.len() + 1);
}

/// Three English sections against two Spanish ones: the second English section is missing in
/// Spanish and the third is numbered 2 there.
fn renumbered_pair() -> (Document<'static>, Document<'static>, Check) {
    let en = "1. Health\nBoth countries will share health data every year.\n\
              2. Energy\nCanada will build three hydrogen plants with Mexico.\n\
              3. Trade\nBoth countries will reduce tariffs on steel by 2027.\n";
    let es = "1. Salud\nAmbos países compartirán datos de salud cada año.\n\
              2. Comercio\nAmbos países reducirán los aranceles al acero para 2027.\n";
    let (en, es) = (
        Document::parse(en, Lang::En).unwrap(),
        Document::parse(es, Lang::Es).unwrap(),
    );
    let check = Checker::new().check(&en, &es);
    (en, es, check)
}

#[test]
fn sections_numbered_differently_or_missing_are_named_by_both_ids() {
    let (en, es, check) = renumbered_pair();
    let csv = render(|out| write_table(out, &check, &en, &es, Separator::Comma));
    let (_, rows) = read_table(&csv, Separator::Comma);
    let expected: Vec<Vec<String>> = check
        .divergences
        .iter()
        .map(|d| expected_row(&check, d))
        .collect();
    assert_eq!(rows, expected);
    let sections: Vec<&str> = rows.iter().map(|r| r[1].as_str()).collect();
    assert!(
        sections.contains(&"2/-") && sections.contains(&"3/2"),
        "{sections:?}"
    );

    let xliff = render(|out| write_xliff(out, &check, &en, &es));
    validate_xliff(&xliff).unwrap_or_else(|e| panic!("invalid XLIFF: {e}"));
    let xliff = parse(&xliff);
    let file = xliff.one("file");
    let ids: Vec<&str> = file.all("group").filter_map(|g| g.attr("id")).collect();
    assert!(ids.contains(&"2_-") && ids.contains(&"3_2"), "{ids:?}");
    let found = placed_notes(file);
    assert_eq!(found.len(), check.divergences.len());
    let structure = check
        .divergences
        .iter()
        .filter(|d| d.kind == paridad::DivergenceKind::Structure);
    let mut n = 0;
    for d in structure {
        assert!(matches!(place(&check, d), Place::Group(_)), "{d:?}");
        assert!(
            found.contains(&(place(&check, d), expected_note(d))),
            "{d:?}"
        );
        n += 1;
    }
    assert_eq!(n, 2, "the missing and the renumbered section");
}
