//! Glossaries as TBX: TBX v3 (ISO 30042:2019, `<tbx>`, `<conceptEntry>`, `<langSec>`,
//! `<termSec>`) and TBX-Basic 2008 (`<martif>`, `<termEntry>`, `<langSet>`, `<tig>`, `<ntig>`).

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use crate::error::Error;
use crate::lang::Lang;

/// What a format error in a TBX glossary is said of.
const WHAT: &str = "TBX glossary";

/// One concept entry: its English and Spanish terms, and its notes.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Entry {
    pub en: Vec<String>,
    pub es: Vec<String>,
    pub notes: Vec<String>,
}

/// What text is being gathered for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gather {
    Term,
    Note,
    /// A term's administrative status (`deprecatedTerm-admn-sts` …).
    Status,
}

/// Text being gathered, with the depth of its element and its line.
struct Gathering {
    what: Gather,
    text: String,
    depth: usize,
    line: usize,
}

/// Administrative statuses of a term that is not to be used: such a term is no rendering of
/// its concept, and is left out.
const UNUSABLE: [&str; 4] = ["deprecated", "superseded", "forbidden", "obsolete"];

/// Where the reader stands in the document.
#[derive(Default)]
struct State {
    /// Open elements (local name, line), outermost first.
    open: Vec<(String, usize)>,
    entries: Vec<Entry>,
    entry: Option<Entry>,
    /// Inside a language section: its language, `None` for a language other than English and
    /// Spanish (whose terms are skipped).
    lang: Option<Option<Lang>>,
    /// Inside a term group (`<termSec>`, `<tig>`, `<ntig>`): its depth, its terms, and whether
    /// its status says not to use them.
    group: Option<(usize, Vec<String>, bool)>,
    gathering: Option<Gathering>,
    root_seen: bool,
}

/// Reads the concept entries of a TBX document, in order. Elements are matched by local name,
/// so a namespace prefix (`tbx:termEntry`) does not matter; elements paridad has no use for
/// (headers, most term notes, cross-references) are skipped. A term whose administrative
/// status is deprecated, superseded, forbidden or obsolete is left out.
pub(super) fn read(text: &str) -> Result<Vec<Entry>, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = Reader::from_str(text);
    let mut lines = LineCounter::new(text);
    let mut state = State::default();
    loop {
        let at = lines.line_at(reader.buffer_position() as usize);
        let event = reader.read_event().map_err(|err| {
            let line = lines.line_at(reader.error_position() as usize);
            Error::format(WHAT, line, format!("malformed XML: {err}"))
        })?;
        match event {
            Event::Start(e) => {
                let name = state.start(&e, at)?;
                state.open.push((name, at));
            }
            Event::Empty(e) => {
                // An empty element opens and closes at once.
                let name = state.start(&e, at)?;
                state.end(&name)?;
            }
            Event::End(_) => {
                let Some((name, _)) = state.open.pop() else {
                    // quick-xml reports an end tag without a start; this is the fallback.
                    return Err(Error::format(WHAT, at, "an end tag without its start tag"));
                };
                state.end(&name)?;
            }
            Event::Text(t) => {
                if let Some(g) = &mut state.gathering {
                    let text = t
                        .unescape()
                        .map_err(|err| Error::format(WHAT, at, format!("malformed XML: {err}")))?;
                    g.text.push_str(&text);
                } else if state.open.is_empty() && !t.iter().all(u8::is_ascii_whitespace) {
                    return Err(Error::format(WHAT, at, "text outside the root element"));
                }
            }
            Event::CData(t) => {
                if let Some(g) = &mut state.gathering {
                    let text = t
                        .decode()
                        .map_err(|err| Error::format(WHAT, at, format!("malformed XML: {err}")))?;
                    g.text.push_str(&text);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if let Some((name, line)) = state.open.last() {
        return Err(Error::format(
            WHAT,
            *line,
            format!("<{name}> is never closed: the document ends first"),
        ));
    }
    if !state.root_seen {
        return Err(Error::format(
            WHAT,
            1,
            "not a TBX document: no root element <tbx> or <martif>",
        ));
    }
    Ok(state.entries)
}

impl State {
    /// Opens element `e` found on line `at`; returns its local name.
    fn start(&mut self, e: &BytesStart<'_>, at: usize) -> Result<String, Error> {
        let name = local_name(e);
        let fail = |message: String| Err(Error::format(WHAT, at, message));
        // Attributes are checked on every element: a malformed one is malformed XML, and so
        // is one named twice. quick-xml's own duplicate check compares each attribute with
        // every earlier one (quadratic in an element's attributes); sorted keys are n·log n.
        let mut keys = Vec::new();
        for attr in e.attributes().with_checks(false) {
            let attr =
                attr.map_err(|err| Error::format(WHAT, at, format!("malformed XML: {err}")))?;
            keys.push(attr.key.into_inner());
        }
        keys.sort_unstable();
        if let Some(twice) = keys.windows(2).find(|w| w[0] == w[1]) {
            return fail(format!(
                "malformed XML: the attribute {:?} is given twice",
                String::from_utf8_lossy(twice[0])
            ));
        }
        if self.open.is_empty() {
            if self.root_seen {
                return fail(format!(
                    "a second root element <{name}> after the first one closed"
                ));
            }
            if name != "tbx" && name != "martif" {
                return fail(format!(
                    "not a TBX document: the root element is <{name}>, not <tbx> (TBX v3) or \
                     <martif> (TBX-Basic)"
                ));
            }
            self.root_seen = true;
        }
        if self.gathering.is_some() {
            // Markup inside a term or note (`<hi>`): its text is gathered too.
            return Ok(name);
        }
        let gather = |what: Gather| Gathering {
            what,
            text: String::new(),
            depth: self.open.len(),
            line: at,
        };
        match name.as_str() {
            "conceptEntry" | "termEntry" => {
                if self.entry.is_some() {
                    return fail(format!("<{name}> inside another concept entry"));
                }
                self.entry = Some(Entry::default());
            }
            "langSec" | "langSet" => {
                if self.entry.is_none() {
                    return fail(format!("<{name}> outside a <conceptEntry> or <termEntry>"));
                }
                let Some(tag) = language_of(e, at)? else {
                    return fail(format!(
                        "<{name}> without an xml:lang attribute naming its language"
                    ));
                };
                self.lang = Some(language(&tag));
            }
            "termSec" | "tig" | "ntig" if self.lang.is_some() && self.group.is_none() => {
                self.group = Some((self.open.len(), Vec::new(), false));
            }
            "term" => {
                if self.lang.is_none() {
                    return fail(
                        "<term> outside a language section (<langSec> or <langSet>)".into(),
                    );
                }
                self.gathering = Some(gather(Gather::Term));
            }
            "termNote"
                if self.group.is_some()
                    && attribute(e, b"type", at)?.as_deref() == Some("administrativeStatus") =>
            {
                self.gathering = Some(gather(Gather::Status));
            }
            "note" if self.entry.is_some() && self.lang != Some(None) => {
                self.gathering = Some(gather(Gather::Note));
            }
            "descrip"
                if self.entry.is_some()
                    && self.lang != Some(None)
                    && attribute(e, b"type", at)?.as_deref() == Some("definition") =>
            {
                self.gathering = Some(gather(Gather::Note));
            }
            _ => {}
        }
        Ok(name)
    }

    /// Closes element `name`, now at depth `self.open.len()`: a term, status or note
    /// gathered, a term group, a language section or a concept entry finished.
    fn end(&mut self, name: &str) -> Result<(), Error> {
        let depth = self.open.len();
        if let Some(g) = self.gathering.take_if(|g| g.depth == depth) {
            // White space collapsed, without a list of the words (a long text has many).
            let mut text = String::with_capacity(g.text.len());
            for word in g.text.split_whitespace() {
                if !text.is_empty() {
                    text.push(' ');
                }
                text.push_str(word);
            }
            match g.what {
                Gather::Term if text.is_empty() => {
                    return Err(Error::format(WHAT, g.line, "empty <term>"));
                }
                Gather::Term => {
                    super::check_term_length(WHAT, g.line, &text)?;
                    // XML 1.0 forbids these even as character references (`&#x1b;`).
                    if let Some(c) = text.chars().find(|&c| c.is_control()) {
                        return Err(Error::format(
                            WHAT,
                            g.line,
                            format!(
                                "a control character (U+{:04X}) in a <term>: XML 1.0 allows none",
                                u32::from(c)
                            ),
                        ));
                    }
                    match &mut self.group {
                        Some((_, terms, _)) => terms.push(text),
                        None => self.add_term(text),
                    }
                }
                Gather::Status => {
                    let status = text.to_lowercase();
                    if UNUSABLE.iter().any(|u| status.contains(u)) {
                        if let Some((_, _, unusable)) = &mut self.group {
                            *unusable = true;
                        }
                    }
                }
                Gather::Note => {
                    if let Some(e) = self.entry.as_mut().filter(|_| !text.is_empty()) {
                        e.notes.push(text);
                    }
                }
            }
            return Ok(());
        }
        if self.gathering.is_some() {
            return Ok(());
        }
        if let Some((_, terms, unusable)) = self.group.take_if(|g| g.0 == depth) {
            if !unusable {
                for term in terms {
                    self.add_term(term);
                }
            }
            return Ok(());
        }
        match name {
            "langSec" | "langSet" => self.lang = None,
            "conceptEntry" | "termEntry" => {
                if let Some(e) = self.entry.take() {
                    self.entries.push(e);
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// A term of the current language section, kept when the language is English or Spanish.
    fn add_term(&mut self, term: String) {
        if let (Some(Some(lang)), Some(e)) = (self.lang, self.entry.as_mut()) {
            match lang {
                Lang::En => e.en.push(term),
                Lang::Es => e.es.push(term),
            }
        }
    }
}

/// The element's name without a namespace prefix.
fn local_name(e: &BytesStart<'_>) -> String {
    String::from_utf8_lossy(e.local_name().as_ref()).into_owned()
}

/// The value of attribute `key` (entities decoded), if the element has it.
fn attribute(e: &BytesStart<'_>, key: &[u8], line: usize) -> Result<Option<String>, Error> {
    // Duplicates were refused when the element opened.
    for attr in e.attributes().with_checks(false) {
        let attr =
            attr.map_err(|err| Error::format(WHAT, line, format!("malformed XML: {err}")))?;
        if attr.key.as_ref() == key {
            let value = attr
                .unescape_value()
                .map_err(|err| Error::format(WHAT, line, format!("malformed XML: {err}")))?;
            return Ok(Some(value.into_owned()));
        }
    }
    Ok(None)
}

/// The language tag of a language section: `xml:lang`, or `lang` as very old martif files
/// write it.
fn language_of(e: &BytesStart<'_>, line: usize) -> Result<Option<String>, Error> {
    match attribute(e, b"xml:lang", line)? {
        Some(tag) => Ok(Some(tag)),
        None => attribute(e, b"lang", line),
    }
}

/// The language a tag names by its primary subtag (`en`, `en-CA`, `es-MX`, `ES_es`, `spa`), as
/// [`Lang::from_tag`] reads it; what follows is not checked, so that a sloppy tag (`es-`) still
/// names its language. `None` for any other language.
fn language(tag: &str) -> Option<Lang> {
    Lang::from_tag(tag.trim().split(['-', '_']).next().unwrap_or("")).ok()
}

/// Lines of byte offsets that only grow.
struct LineCounter<'t> {
    text: &'t str,
    pos: usize,
    line: usize,
}

impl<'t> LineCounter<'t> {
    fn new(text: &'t str) -> LineCounter<'t> {
        LineCounter {
            text,
            pos: 0,
            line: 1,
        }
    }

    /// The 1-based line of byte `offset`.
    fn line_at(&mut self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        if offset < self.pos {
            // Offsets only grow; should one not, count again from the start.
            self.pos = 0;
            self.line = 1;
        }
        let bytes = &self.text.as_bytes()[self.pos..offset];
        self.line += bytes.iter().filter(|&&b| b == b'\n').count();
        self.pos = offset;
        self.line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const V3: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Core" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="c1">
      <descrip type="definition">A written agreement &amp; its annexes</descrip>
      <langSec xml:lang="en-CA">
        <termSec><term>Memorandum of Understanding</term></termSec>
        <termSec><term>MOU</term><termNote type="termType">acronym</termNote></termSec>
      </langSec>
      <langSec xml:lang="fr"><termSec><term>protocole d'entente</term></termSec></langSec>
      <langSec xml:lang="es-MX">
        <termSec><term>memor&#225;ndum de <hi>entendimiento</hi></term></termSec>
      </langSec>
    </conceptEntry>
    <conceptEntry id="c2">
      <langSec xml:lang="en"><termSec><term>fisheries</term></termSec></langSec>
    </conceptEntry>
  </body></text>
</tbx>
"#;

    #[test]
    fn reads_v3_with_synonyms_entities_and_regional_tags() {
        let entries = read(V3).unwrap();
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].en, ["Memorandum of Understanding", "MOU"]);
        assert_eq!(entries[0].es, ["memorándum de entendimiento"]);
        assert_eq!(entries[0].notes, ["A written agreement & its annexes"]);
        assert!(entries[1].es.is_empty());
    }

    #[test]
    fn language_sections_are_named_by_any_tag_of_english_or_spanish() {
        let text = V3
            .replace("xml:lang=\"en-CA\"", "xml:lang=\"eng\"")
            .replace("xml:lang=\"es-MX\"", "xml:lang=\"ES_es\"");
        assert_ne!(text, V3);
        let entries = read(&text).unwrap();
        assert_eq!(entries[0].en, ["Memorandum of Understanding", "MOU"]);
        assert_eq!(entries[0].es, ["memorándum de entendimiento"]);
        // Only the primary subtag counts.
        let text = V3.replace("xml:lang=\"es-MX\"", "xml:lang=\"spa-\"");
        assert_eq!(read(&text).unwrap()[0].es, ["memorándum de entendimiento"]);
        let text = V3.replace("xml:lang=\"es-MX\"", "xml:lang=\"pt-BR\"");
        assert!(read(&text).unwrap()[0].es.is_empty());
    }

    #[test]
    fn a_control_character_in_a_term_is_an_error_naming_its_line() {
        let text = V3.replace("<term>MOU</term>", "<term>M&#x1b;OU</term>");
        assert_ne!(text, V3);
        let err = read(&text).unwrap_err();
        assert!(err.is_format());
        assert!(
            err.to_string().contains("control character (U+001B)"),
            "{err}"
        );
        assert!(err.line().is_some());
    }

    #[test]
    fn reads_tbx_basic_with_tig_and_ntig() {
        let text = r#"<?xml version='1.0'?>
<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">
<martif type="TBX-Basic" xml:lang="en-US">
<martifHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></martifHeader>
<text><body>
<termEntry id="t1">
  <langSet xml:lang="en"><tig><term>trade</term></tig></langSet>
  <langSet xml:lang="es"><ntig><termGrp><term><![CDATA[comercio]]></term></termGrp></ntig>
  <tig><term>intercambio comercial</term><note>less common</note></tig>
  <tig><term>tráfico</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig></langSet>
</termEntry>
</body></text>
</martif>"#;
        let entries = read(text).unwrap();
        assert_eq!(
            entries,
            [Entry {
                en: vec!["trade".into()],
                es: vec!["comercio".into(), "intercambio comercial".into()],
                notes: vec!["less common".into()],
            }]
        );
    }

    #[test]
    fn malformed_documents_are_errors_naming_the_line() {
        let unclosed = "<tbx>\n<text><body>\n<conceptEntry>\n<langSec xml:lang=\"en\"><termSec><term>trade</termSec>\n";
        let err = read(unclosed).unwrap_err();
        assert_eq!(err.line(), Some(4), "{err}");
        assert!(
            err.to_string()
                .starts_with("TBX glossary line 4: malformed XML"),
            "{err}"
        );
        let truncated = "<tbx>\n<text><body>\n<conceptEntry>\n";
        let err = read(truncated).unwrap_err();
        assert_eq!(err.line(), Some(3), "{err}");
        assert!(
            err.to_string().contains("<conceptEntry> is never closed"),
            "{err}"
        );
        let no_lang = "<martif>\n<text><body><termEntry>\n<langSet><tig><term>a</term></tig></langSet>\n</termEntry></body></text></martif>";
        let err = read(no_lang).unwrap_err();
        assert_eq!(err.line(), Some(3), "{err}");
        assert!(err.to_string().contains("xml:lang"), "{err}");
        let err = read("<tbx>\n<x a=\"1\" a=\"2\"/></tbx>").unwrap_err();
        assert!(err.is_format(), "{err}");
        let err = read("<html><body/></html>").unwrap_err();
        assert!(err.to_string().contains("not a TBX document"), "{err}");
        let err = read("").unwrap_err();
        assert_eq!(err.line(), Some(1));
        let err = read("<tbx>\n<text><body><conceptEntry><langSec xml:lang=\"en\">\n<termSec><term>a &nbsp; b</term></termSec></langSec></conceptEntry></body></text></tbx>").unwrap_err();
        assert_eq!(err.line(), Some(3), "{err}");
        let err = read("<tbx>\n<text><body><conceptEntry><langSec xml:lang=\"es\">\n<termSec><term> </term></termSec></langSec></conceptEntry></body></text></tbx>").unwrap_err();
        assert!(err.to_string().contains("empty <term>"), "{err}");
        assert!(read("<tbx><term>a</term></tbx>").is_err());
        assert!(read("<tbx><conceptEntry><conceptEntry/></conceptEntry></tbx>").is_err());
        assert!(read("<tbx/><tbx/>").is_err());
        assert!(read("<tbx><a></b></tbx>").is_err());
        assert!(read("<tbx><a").is_err());
    }
}
