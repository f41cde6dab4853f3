//! The exchange formats on the seed pair: TMX 1.4b with divergences, XLIFF 2.1 and CSV/TSV.
//!
//! Each output is checked by rules that know the format, not by reading our own strings back
//! with our own code: well-formedness as XML 1.0 defines it and, for XLIFF, validity against
//! `tests/schemas/xliff21_core_subset.xsd` (the core elements paridad writes, written from the
//! XLIFF 2.1 specification), both checked here in Rust so that `cargo test` needs no outside
//! program; quick-xml to read the XML back; the `csv` crate to read the tables back. What is
//! read back must equal the alignment and the divergences, computed here from the documents.
//! Two tests ignored by a plain `cargo test` (run by `.ci/run`) give the same documents, and
//! the same documents broken one way each, to `xmllint` (Debian package libxml2-utils), which
//! must agree with the Rust checks on every one.

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
    match (&section.a_id, &section.b_id) {
        (Some(a), Some(b)) if a == b => a.clone(),
        (a, b) => format!(
            "{}{joiner}{}",
            a.as_deref().unwrap_or("-"),
            b.as_deref().unwrap_or("-")
        ),
    }
}

const SCHEMAS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/schemas");

/// Why the tests that run xmllint are ignored by a plain `cargo test`.
const NEEDS_XMLLINT: &str = "needs xmllint: apt-get install libxml2-utils";

/// Runs `xmllint --nonet ARGS -` on `xml` (schema imports are local files, so nothing is
/// fetched); `Err` holds what xmllint said when it rejects the document. Panics when xmllint
/// cannot run: the tests that call it are ignored unless asked for, and then they must run.
fn xmllint(args: &[&str], xml: &str) -> Result<(), String> {
    let mut child = Command::new("xmllint")
        .arg("--nonet")
        .args(args)
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run xmllint ({e}): this test {NEEDS_XMLLINT}"));
    let mut stdin = child.stdin.take().expect("piped stdin");
    let input = xml.to_owned();
    let feeder = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let output = child.wait_with_output().expect("xmllint runs");
    let fed = feeder.join().expect("the feeder thread ends");
    // xmllint may stop reading at the first error and exit before the rest is written: a
    // closed pipe is then its verdict, not a failure to run it.
    match fed {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe && !output.status.success() => {}
        other => other.expect("xmllint reads its input"),
    }
    if output.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&output.stderr).into_owned())
    }
}

/// Validates `xml` with xmllint against the XLIFF 2.1 core elements paridad writes.
fn xmllint_xliff(xml: &str) -> Result<(), String> {
    let schema = format!("{SCHEMAS}/xliff21_core_subset.xsd");
    xmllint(&["--noout", "--schema", &schema], xml)
}

// ---------------------------------------------------------------------------------------------
// Well-formedness and the XLIFF schema's rules, in Rust, so that `cargo test` needs no
// outside program; the ignored tests at the end check that xmllint agrees.

/// A character XML 1.0 allows (production 2, `Char`).
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && !matches!(c, '\u{FFFE}' | '\u{FFFF}'))
}

/// XML 1.0's `NameStartChar` (production 4).
fn name_start_char(c: char) -> bool {
    matches!(c, ':' | 'A'..='Z' | '_' | 'a'..='z'
        | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{2FF}'
        | '\u{370}'..='\u{37D}' | '\u{37F}'..='\u{1FFF}' | '\u{200C}'..='\u{200D}'
        | '\u{2070}'..='\u{218F}' | '\u{2C00}'..='\u{2FEF}' | '\u{3001}'..='\u{D7FF}'
        | '\u{F900}'..='\u{FDCF}' | '\u{FDF0}'..='\u{FFFD}' | '\u{10000}'..='\u{EFFFF}')
}

/// XML 1.0's `NameChar` (production 4a).
fn name_char(c: char) -> bool {
    name_start_char(c)
        || matches!(c, '-' | '.' | '0'..='9' | '\u{B7}' | '\u{300}'..='\u{36F}' | '\u{203F}'..='\u{2040}')
}

/// An XML `Name` (production 5).
fn xml_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(name_start_char) && chars.all(name_char)
}

/// Whitespace as XML counts it.
fn xml_space(text: &str) -> bool {
    text.chars().all(|c| matches!(c, ' ' | '\t' | '\r' | '\n'))
}

/// `text` when it has only characters XML allows, else the first one it should not have.
fn xml_chars(text: &str) -> Result<(), String> {
    match text.chars().find(|&c| !xml_char(c)) {
        None => Ok(()),
        Some(c) => Err(format!("the character {c:?} is not allowed in XML 1.0")),
    }
}

/// Whether `xml` is a well-formed XML 1.0 document, checked in Rust: quick-xml reads it with
/// end names, comments and attributes checked, and what quick-xml leaves to its caller is
/// checked here: the declaration first if anywhere, one root element with nothing but
/// whitespace, comments and processing instructions outside it, element and attribute names
/// that are XML names, only the predefined entities and character references, only characters
/// XML 1.0 allows (also through references), no `]]>` in text and no `<` in attribute values.
/// Not checked, since paridad writes none: a DTD's own rules. `Err` says what and where.
fn well_formed(xml: &str) -> Result<(), String> {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().check_comments = true;
    let (mut depth, mut roots, mut first) = (0usize, 0usize, true);
    loop {
        let at = reader.buffer_position();
        let event = reader
            .read_event()
            .map_err(|e| format!("at byte {at}: {e}"))?;
        let here = |what: String| format!("at byte {at}: {what}");
        match &event {
            Event::Decl(_) if !first || at != 0 => {
                return Err(here("an XML declaration that is not at the start".into()))
            }
            Event::Start(e) | Event::Empty(e) => {
                if depth == 0 {
                    roots += 1;
                    if roots > 1 {
                        return Err(here("a second root element".into()));
                    }
                }
                let qname = e.name();
                let name = std::str::from_utf8(qname.as_ref()).map_err(|e| here(e.to_string()))?;
                if !xml_name(name) {
                    return Err(here(format!("{name:?} is not an XML name")));
                }
                for attr in e.attributes() {
                    let attr = attr.map_err(|e| here(e.to_string()))?;
                    let key =
                        std::str::from_utf8(attr.key.as_ref()).map_err(|e| here(e.to_string()))?;
                    if !xml_name(key) {
                        return Err(here(format!("{key:?} is not an XML name")));
                    }
                    if attr.value.contains(&b'<') {
                        return Err(here(format!("a `<` in the value of {key}")));
                    }
                    let value = attr.unescape_value().map_err(|e| here(e.to_string()))?;
                    xml_chars(&value).map_err(here)?;
                }
                if matches!(event, Event::Start(_)) {
                    depth += 1;
                }
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Text(t) => {
                let raw = std::str::from_utf8(t).map_err(|e| here(e.to_string()))?;
                if depth == 0 && !xml_space(raw) {
                    return Err(here("text outside the root element".into()));
                }
                if raw.contains("]]>") {
                    return Err(here("`]]>` in text".into()));
                }
                xml_chars(&t.unescape().map_err(|e| here(e.to_string()))?).map_err(here)?;
            }
            Event::CData(c) => {
                if depth == 0 {
                    return Err(here("character data outside the root element".into()));
                }
                xml_chars(std::str::from_utf8(c).map_err(|e| here(e.to_string()))?)
                    .map_err(here)?;
            }
            Event::Comment(c) => {
                xml_chars(std::str::from_utf8(c).map_err(|e| here(e.to_string()))?)
                    .map_err(here)?;
            }
            Event::DocType(_) if roots > 0 => {
                return Err(here("a document type after the root element".into()))
            }
            Event::Eof if depth > 0 => return Err(here("an element is not closed".into())),
            Event::Eof if roots == 0 => return Err(here("no root element".into())),
            Event::Eof => return Ok(()),
            _ => {}
        }
        first = false;
    }
}

/// The namespace of XLIFF 2 core.
const XLIFF_NS: &str = "urn:oasis:names:tc:xliff:document:2.0";

/// The type of an attribute in `tests/schemas/xliff21_core_subset.xsd` (and `xml.xsd`).
#[derive(Debug, Clone, Copy)]
enum AttrType {
    /// `xs:string`: anything.
    Text,
    /// `xs:NMTOKEN`.
    NmToken,
    /// `xs:language`.
    Language,
    /// `xml:lang`: `xs:language` or empty.
    XmlLang,
    /// `xml:space`: `default` or `preserve`.
    XmlSpace,
    /// `yes` or `no`.
    YesNo,
    /// `ltr`, `rtl` or `auto`.
    Dir,
    /// A segment's state: `initial`, `translated`, `reviewed` or `final`.
    State,
    /// `xs:positiveInteger`.
    Positive,
    /// A note's priority: a positive integer up to 10.
    Priority,
    /// `source` or `target`.
    AppliesTo,
}

/// The value `value` with XML Schema's `collapse` whitespace rule applied, as for every type
/// here but the ones derived from `xs:string`.
fn collapsed(value: &str) -> String {
    value
        .split([' ', '\t', '\r', '\n'])
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// `xs:language`: `[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*`.
fn language(value: &str) -> bool {
    let mut parts = value.split('-');
    let first = parts.next().unwrap_or_default();
    let ok = |p: &str, f: fn(&char) -> bool| (1..=8).contains(&p.len()) && p.chars().all(|c| f(&c));
    ok(first, char::is_ascii_alphabetic) && parts.all(|p| ok(p, char::is_ascii_alphanumeric))
}

/// The value of `xs:positiveInteger` `value`, saturated at `u64::MAX`, if it is one.
fn positive(value: &str) -> Option<u64> {
    let digits = value.strip_prefix('+').unwrap_or(value);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n = digits.parse::<u64>().unwrap_or(u64::MAX);
    (n > 0).then_some(n)
}

impl AttrType {
    /// Whether `value` is a value of this type.
    fn accepts(self, value: &str) -> bool {
        let token = collapsed(value);
        match self {
            AttrType::Text => true,
            AttrType::NmToken => !token.is_empty() && token.chars().all(name_char),
            AttrType::Language => language(&token),
            AttrType::XmlLang => token.is_empty() || language(&token),
            AttrType::XmlSpace => matches!(token.as_str(), "default" | "preserve"),
            AttrType::YesNo => matches!(value, "yes" | "no"),
            AttrType::Dir => matches!(value, "ltr" | "rtl" | "auto"),
            AttrType::State => matches!(value, "initial" | "translated" | "reviewed" | "final"),
            AttrType::Positive => positive(&token).is_some(),
            AttrType::Priority => positive(&token).is_some_and(|n| n <= 10),
            AttrType::AppliesTo => matches!(value, "source" | "target"),
        }
    }
}

/// An element of the schema: its attributes (name, type, required) and its content, either
/// text only (`None`) or child elements in sequence, each step a set of names with the least
/// and most it may occur.
struct ElementRule {
    name: &'static str,
    attrs: &'static [(&'static str, AttrType, bool)],
    children: Option<&'static [(&'static [&'static str], usize, usize)]>,
}

/// The attributes `file`, `group` and `unit` share beyond their own.
macro_rules! structural {
    ($($own:expr),*) => {
        &[
            ("id", AttrType::NmToken, true),
            $($own,)*
            ("canResegment", AttrType::YesNo, false),
            ("translate", AttrType::YesNo, false),
            ("srcDir", AttrType::Dir, false),
            ("trgDir", AttrType::Dir, false),
            ("xml:space", AttrType::XmlSpace, false),
        ]
    };
}

const MANY: usize = usize::MAX;

/// The elements of `tests/schemas/xliff21_core_subset.xsd`, rule for rule.
const XLIFF_RULES: [ElementRule; 9] = [
    ElementRule {
        name: "xliff",
        attrs: &[
            ("version", AttrType::Text, true),
            ("srcLang", AttrType::Language, true),
            ("trgLang", AttrType::Language, false),
            ("xml:space", AttrType::XmlSpace, false),
        ],
        children: Some(&[(&["file"], 1, MANY)]),
    },
    ElementRule {
        name: "file",
        attrs: structural!(("original", AttrType::Text, false)),
        children: Some(&[(&["notes"], 0, 1), (&["unit", "group"], 1, MANY)]),
    },
    ElementRule {
        name: "group",
        attrs: structural!(
            ("name", AttrType::Text, false),
            ("type", AttrType::Text, false)
        ),
        children: Some(&[(&["notes"], 0, 1), (&["unit", "group"], 0, MANY)]),
    },
    ElementRule {
        name: "unit",
        attrs: structural!(
            ("name", AttrType::Text, false),
            ("type", AttrType::Text, false)
        ),
        children: Some(&[(&["notes"], 0, 1), (&["segment"], 1, MANY)]),
    },
    ElementRule {
        name: "segment",
        attrs: &[
            ("id", AttrType::NmToken, false),
            ("canResegment", AttrType::YesNo, false),
            ("state", AttrType::State, false),
            ("subState", AttrType::Text, false),
        ],
        children: Some(&[(&["source"], 1, 1), (&["target"], 0, 1)]),
    },
    ElementRule {
        name: "source",
        attrs: &[
            ("xml:lang", AttrType::XmlLang, false),
            ("xml:space", AttrType::XmlSpace, false),
        ],
        children: None,
    },
    ElementRule {
        name: "target",
        attrs: &[
            ("xml:lang", AttrType::XmlLang, false),
            ("xml:space", AttrType::XmlSpace, false),
            ("order", AttrType::Positive, false),
        ],
        children: None,
    },
    ElementRule {
        name: "notes",
        attrs: &[],
        children: Some(&[(&["note"], 1, MANY)]),
    },
    ElementRule {
        name: "note",
        attrs: &[
            ("id", AttrType::NmToken, false),
            ("category", AttrType::Text, false),
            ("priority", AttrType::Priority, false),
            ("appliesTo", AttrType::AppliesTo, false),
        ],
        children: None,
    },
];

/// Checks `element` and its descendants against [`XLIFF_RULES`]; `path` names it in errors.
fn xliff_element(element: &Element, path: &str) -> Result<(), String> {
    let path = format!("{path}/{}", element.name);
    let rule = XLIFF_RULES
        .iter()
        .find(|r| r.name == element.name)
        .ok_or_else(|| format!("{path}: not an element of the schema"))?;
    for (name, value) in &element.attrs {
        if name == "xmlns" {
            if value != XLIFF_NS {
                return Err(format!("{path}: in namespace {value:?}, not XLIFF 2's"));
            }
            continue;
        }
        let (_, ty, _) = rule
            .attrs
            .iter()
            .find(|(n, _, _)| n == name)
            .ok_or_else(|| format!("{path}: attribute {name} is not allowed"))?;
        if !ty.accepts(value) {
            return Err(format!("{path}: {name}={value:?} is not a valid {ty:?}"));
        }
    }
    for (name, _, required) in rule.attrs {
        if *required && element.attr(name).is_none() {
            return Err(format!("{path}: attribute {name} is required"));
        }
    }
    let Some(steps) = rule.children else {
        return match element.children.first() {
            Some(child) => Err(format!("{path}: holds text only, not <{}>", child.name)),
            None => Ok(()),
        };
    };
    if !xml_space(&element.text) {
        return Err(format!("{path}: holds elements only, not text"));
    }
    // The content models are deterministic, so reading them greedily is exact.
    let mut children = element.children.iter().peekable();
    for (names, least, most) in steps {
        let mut count = 0;
        while count < *most
            && children
                .peek()
                .is_some_and(|c| names.contains(&c.name.as_str()))
        {
            count += 1;
            children.next();
        }
        if count < *least {
            return Err(format!("{path}: needs <{}> here", names.join("> or <")));
        }
    }
    if let Some(child) = children.next() {
        return Err(format!("{path}: <{}> is not expected here", child.name));
    }
    element
        .children
        .iter()
        .try_for_each(|child| xliff_element(child, &path))
}

/// Validates `xml` in Rust as xmllint does against `tests/schemas/xliff21_core_subset.xsd`:
/// well-formed, an `<xliff>` root in XLIFF 2's namespace (declared on the root, as the default
/// one), and every element as [`XLIFF_RULES`] says. Stricter than the schema only in
/// namespace spelling (a prefix, or another root element, is refused), which paridad never
/// uses.
fn validate_xliff(xml: &str) -> Result<(), String> {
    well_formed(xml)?;
    let root = parse(xml);
    if root.name != "xliff" || root.attr("xmlns") != Some(XLIFF_NS) {
        return Err(format!(
            "the root is <{}>, not XLIFF 2's <xliff>",
            root.name
        ));
    }
    xliff_element(&root, "")
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
    well_formed(&tmx).unwrap_or_else(|e| panic!("malformed TMX: {e}"));
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
            if !pair.a.is_empty() && !pair.b.is_empty() {
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
        assert_eq!(seg("en"), side(&en, &pair.a));
        assert_eq!(seg("es"), side(&es, &pair.b));
        assert_eq!(prop(tu, "x-en-section"), s.a_id.as_deref());
        assert_eq!(prop(tu, "x-es-section"), s.b_id.as_deref());
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
    well_formed(&tmx).unwrap_or_else(|e| panic!("malformed TMX: {e}"));
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
    validate_xliff(&xliff).unwrap_or_else(|e| panic!("invalid XLIFF: {e}"));
}

#[test]
fn xliff_ids_are_unique_among_groups_and_units() {
    // An annex numbered like the last section (found by the second outside pass): the repeated
    // id IV.3~2 makes the group IV.3-2, also the third unit of group IV.3. XLIFF 2.1 wants the
    // ids of groups and units unique within their file.
    let annex_en = format!("{EN}\n3. Annex\n\nThe parties will review the plan.\n");
    let annex_es = format!("{ES}\n3. Anexo\n\nLas partes revisarán el plan.\n");
    let en = Document::parse(&annex_en, Lang::En).unwrap();
    let es = Document::parse(&annex_es, Lang::Es).unwrap();
    assert!(en.section("IV.3~2").is_some(), "the annex repeats IV.3");
    let check = Checker::new().check(&en, &es);
    let xliff = render(|out| write_xliff(out, &check, &en, &es));
    validate_xliff(&xliff).unwrap_or_else(|e| panic!("invalid XLIFF: {e}"));
    let mut ids: Vec<String> = Vec::new();
    let tree = parse(&xliff);
    for group in tree.one("file").all("group") {
        ids.push(group.attr("id").unwrap().to_string());
        for unit in group.all("unit") {
            ids.push(unit.attr("id").unwrap().to_string());
        }
    }
    let count = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), count, "a repeated id");
    assert!(ids.iter().any(|id| id == "IV.3-2"));
}

/// The Rust checks' verdict on `xml`: valid XLIFF when `xliff`, else well-formed XML.
fn rust_verdict(xml: &str, xliff: bool) -> Result<(), String> {
    if xliff {
        validate_xliff(xml)
    } else {
        well_formed(xml)
    }
}

#[test]
fn the_rust_checks_reject_broken_documents() {
    for (what, xml, xliff) in broken_documents() {
        assert!(rust_verdict(&xml, xliff).is_err(), "{what}: accepted");
    }
    for (what, xml, xliff) in good_documents() {
        rust_verdict(&xml, xliff).unwrap_or_else(|e| panic!("{what}: {e}"));
    }
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
        for (doc, k) in [(&en, s.a), (&es, s.b)] {
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
            assert_eq!(segment.one("source").text, side(&en, &pair.a));
            let target: Vec<&str> = segment.all("target").map(|t| t.text.as_str()).collect();
            if pair.b.is_empty() {
                assert!(target.is_empty(), "no target for an English-only pair");
            } else {
                assert_eq!(target, [side(&es, &pair.b)]);
            }
            let two_sided = !pair.a.is_empty() && !pair.b.is_empty();
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

/// The seed pair with one Spanish sentence deleted, which leaves its English one alone (the
/// seed's Spanish dateline already has no English counterpart).
fn one_sided_check() -> (Document<'static>, Document<'static>, Check) {
    let deleted = "Asimismo, se llevará a cabo una evaluación conjunta continua para asegurar el \
                   progreso de los resultados alcanzados en los cuatro pilares. ";
    assert_eq!(ES.matches(deleted).count(), 1);
    let es_text: &'static str = Box::leak(ES.replace(deleted, "").into_boxed_str());
    let (en, es) = (en(), Document::parse(es_text, Lang::Es).unwrap());
    let check = Checker::new().check(&en, &es);
    (en, es, check)
}

#[test]
fn one_sided_pairs_are_units_too() {
    let (en, es, check) = one_sided_check();
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
        evidence(&d.a),
        evidence(&d.b),
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
    for e in [&date.a, &date.b] {
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
        for e in [&mut d.a, &mut d.b].into_iter().flatten() {
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

// ---------------------------------------------------------------------------------------------
// The same documents for xmllint: it must accept what the Rust checks accept and reject what
// they reject. Ignored by a plain `cargo test`; `.ci/run` runs them.

/// Every document the tests above accept: (what, text, whether it is XLIFF).
fn good_documents() -> Vec<(&'static str, String, bool)> {
    let (en, es, check) = seed_check();
    let (markup_en, markup_es) = markup_pair();
    let markup = Checker::new().check(&markup_en, &markup_es);
    let (one_en, one_es, one_sided) = one_sided_check();
    let (re_en, re_es, renumbered) = renumbered_pair();
    vec![
        (
            "seed TMX",
            render(|o| write_check_tmx(o, &check, &en, &es)),
            false,
        ),
        (
            "seed plain TMX",
            render(|o| write_tmx(o, &check.alignment, &en, &es)),
            false,
        ),
        (
            "markup TMX",
            render(|o| write_check_tmx(o, &markup, &markup_en, &markup_es)),
            false,
        ),
        (
            "seed XLIFF",
            render(|o| write_xliff(o, &check, &en, &es)),
            true,
        ),
        (
            "markup XLIFF",
            render(|o| write_xliff(o, &markup, &markup_en, &markup_es)),
            true,
        ),
        (
            "one-sided XLIFF",
            render(|o| write_xliff(o, &one_sided, &one_en, &one_es)),
            true,
        ),
        (
            "renumbered XLIFF",
            render(|o| write_xliff(o, &renumbered, &re_en, &re_es)),
            true,
        ),
    ]
}

/// The seed's TMX and XLIFF broken one way each: malformed XML (both), then XLIFF that is
/// well-formed but breaks a rule of the schema. (what, text, whether it is XLIFF)
fn broken_documents() -> Vec<(String, String, bool)> {
    let (en, es, check) = seed_check();
    let tmx = render(|o| write_check_tmx(o, &check, &en, &es));
    let xliff = render(|o| write_xliff(o, &check, &en, &es));
    let once = |text: &str, old: &str, new: &str| {
        let changed = text.replacen(old, new, 1);
        assert_ne!(changed, text, "{old:?} is in the document");
        changed
    };
    let decl_end = tmx.find("?>").expect("a declaration") + 2;
    let malformed = [
        ("truncated", tmx[..tmx.len() / 2].to_string()),
        ("an end tag missing", once(&tmx, "</seg>", "")),
        (
            "end tags crossed",
            once(&tmx, "</seg></tuv>", "</tuv></seg>"),
        ),
        (
            "a duplicate attribute",
            once(&tmx, "<tu>", r#"<tu a="1" a="2">"#),
        ),
        (
            "an attribute without quotes",
            once(&tmx, r#"version="1.4""#, "version=1.4"),
        ),
        ("an undefined entity", once(&tmx, "</seg>", "&nbsp;</seg>")),
        ("a bare ampersand", once(&tmx, "</seg>", " & </seg>")),
        ("a forbidden character", once(&tmx, "</seg>", "\u{1}</seg>")),
        (
            "a reference to a forbidden character",
            once(&tmx, "</seg>", "&#1;</seg>"),
        ),
        ("`]]>` in text", once(&tmx, "</seg>", "]]></seg>")),
        (
            "`<` in an attribute value",
            once(&tmx, r#"type="x-score""#, r#"type="x<score""#),
        ),
        (
            "an element name that is not a name",
            once(&tmx, "<tu>", "<1tu>"),
        ),
        (
            "`--` in a comment",
            format!("{}<!-- a -- b -->{}", &tmx[..decl_end], &tmx[decl_end..]),
        ),
        ("a declaration not at the start", format!("\n{tmx}")),
        ("two root elements", format!("{tmx}<tmx/>")),
        ("text after the root", format!("{tmx}trailing")),
    ];
    let file = r#"<file id="paridad">"#;
    let invalid = [
        (
            "priority 11",
            once(&xliff, r#"priority="2""#, r#"priority="11""#),
        ),
        (
            "priority 0",
            once(&xliff, r#"priority="2""#, r#"priority="0""#),
        ),
        ("a segment without source", once(&xliff, "<source/>", "")),
        (
            "two targets",
            once(
                &xliff,
                "</target></segment>",
                "</target><target>x</target></segment>",
            ),
        ),
        (
            "notes after the segment",
            once(
                &xliff,
                "</segment>",
                "</segment><notes><note>x</note></notes>",
            ),
        ),
        (
            "notes without a note",
            once(
                &xliff,
                "\">\n        <segment",
                "\"><notes/>\n        <segment",
            ),
        ),
        (
            "an unknown state",
            once(&xliff, r#"state="translated""#, r#"state="done""#),
        ),
        (
            "an unknown attribute",
            once(&xliff, "<unit id=", r#"<unit colour="red" id="#),
        ),
        (
            "a unit without id",
            once(&xliff, "<unit id=", "<unit name="),
        ),
        (
            "an unknown element",
            once(&xliff, "<segment", "<extra/><segment"),
        ),
        (
            "text among elements",
            once(&xliff, "<segment", "stray<segment"),
        ),
        (
            "an element in a text-only one",
            once(&xliff, "</target>", "<b>x</b></target>"),
        ),
        (
            "srcLang not a language",
            once(&xliff, r#"srcLang="en""#, r#"srcLang="en_US""#),
        ),
        ("no srcLang", once(&xliff, r#" srcLang="en""#, "")),
        (
            "no namespace",
            once(&xliff, &format!(r#" xmlns="{XLIFF_NS}""#), ""),
        ),
        (
            "another namespace",
            once(&xliff, XLIFF_NS, "urn:oasis:names:tc:xliff:document:1.2"),
        ),
        (
            "canResegment maybe",
            once(&xliff, file, r#"<file id="paridad" canResegment="maybe">"#),
        ),
        (
            "xml:space keep",
            once(&xliff, file, r#"<file id="paridad" xml:space="keep">"#),
        ),
        (
            "an id that is no NMTOKEN",
            once(&xliff, file, r#"<file id="a b">"#),
        ),
        (
            "target order 0",
            once(&xliff, "<target>", r#"<target order="0">"#),
        ),
        (
            "appliesTo both",
            once(
                &xliff,
                r#"priority="2""#,
                r#"priority="2" appliesTo="both""#,
            ),
        ),
        ("a file without units", {
            let start = xliff.find(file).expect("the file") + file.len();
            let end = xliff.find("</file>").expect("the file ends");
            format!("{}{}", &xliff[..start], &xliff[end..])
        }),
    ];
    let mut documents: Vec<(String, String, bool)> = malformed
        .into_iter()
        .map(|(what, text)| (format!("malformed: {what}"), text, false))
        .collect();
    documents.extend(
        invalid
            .into_iter()
            .map(|(what, text)| (format!("invalid XLIFF: {what}"), text, true)),
    );
    documents
}

#[test]
#[ignore = "needs xmllint: apt-get install libxml2-utils"]
fn xmllint_accepts_what_the_rust_checks_accept() {
    for (what, xml, xliff) in good_documents() {
        xmllint(&["--noout"], &xml)
            .unwrap_or_else(|e| panic!("{what}: malformed for xmllint: {e}"));
        if xliff {
            xmllint_xliff(&xml).unwrap_or_else(|e| panic!("{what}: invalid for xmllint: {e}"));
        }
    }
}

#[test]
#[ignore = "needs xmllint: apt-get install libxml2-utils"]
fn xmllint_rejects_what_the_rust_checks_reject() {
    for (what, xml, xliff) in broken_documents() {
        let verdict = if xliff {
            xmllint_xliff(&xml)
        } else {
            xmllint(&["--noout"], &xml)
        };
        assert!(verdict.is_err(), "{what}: xmllint accepts it");
    }
}
