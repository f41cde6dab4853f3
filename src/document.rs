//! The document model: sections, paragraphs, sentences and skipped layout noise, all with byte
//! spans into the original text.

use std::borrow::Cow;
use std::ops::Range;

use serde::ser::{SerializeMap, SerializeSeq, Serializer};
use serde::Serialize;

use crate::date::Date;
use crate::lang::Lang;
use crate::span::Span;

/// A document segmented into its numbered structure.
///
/// The sections form a tree (preamble, parts, numbered sections, sub-sections) stored in document
/// order; each holds its own paragraphs and sentences (those before its first child). Everything
/// borrows the text it was parsed from, and every piece carries byte [`Span`]s into that text.
///
/// **Nothing is lost:** [`Document::segments`] yields the leaf pieces (headings, bullet markers,
/// sentence pieces, contents entries, skipped noise) in order; they never overlap and together
/// cover every non-whitespace character of the input.
///
/// ```
/// use paridad::{Document, Lang};
///
/// let text = "Plan de Acción\n\nI. Prosperidad\n\n- 1. Comercio.** Ambos países colaborarán. Se reunirán cada año.\n";
/// let doc = Document::parse(text, Lang::Es)?;
/// assert_eq!(doc.title(), Some("Plan de Acción"));
/// let ids: Vec<&str> = doc.sections().iter().map(|s| s.id()).collect();
/// assert_eq!(ids, ["preamble", "I", "I.1"]);
/// let section = doc.section("I.1").unwrap();
/// assert_eq!(section.title(), "Comercio");
/// let sentences: Vec<&str> = doc.sentences_of(section).map(|s| s.text()).collect();
/// assert_eq!(sentences, ["Ambos países colaborarán.", "Se reunirán cada año."]);
/// # Ok::<(), paridad::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Document<'t> {
    pub(crate) text: &'t str,
    pub(crate) lang: Lang,
    pub(crate) date: Option<Dateline>,
    pub(crate) sections: Vec<Section<'t>>,
    pub(crate) paragraphs: Vec<Paragraph>,
    pub(crate) sentences: Vec<Sentence<'t>>,
    pub(crate) skipped: Vec<Skipped>,
}

impl<'t> Document<'t> {
    /// The text the document was parsed from.
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// The document's language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The document title, when the document starts with one (it is the preamble's heading).
    pub fn title(&self) -> Option<&str> {
        let preamble = &self.sections[0];
        (!preamble.heading.is_empty()).then(|| preamble.title())
    }

    /// The dateline or date line (`Ciudad de México, 18 de septiembre de 2025`,
    /// `date 2025-09-20`), when present. It also stays a sentence of the preamble.
    pub fn dateline(&self) -> Option<&Dateline> {
        self.date.as_ref()
    }

    /// The document date, from its dateline.
    pub fn date(&self) -> Option<Date> {
        self.date.as_ref().map(|d| d.date)
    }

    /// All sections in document order; the first is always the preamble (possibly empty).
    pub fn sections(&self) -> &[Section<'t>] {
        &self.sections
    }

    /// The section with this id.
    pub fn section(&self, id: &str) -> Option<&Section<'t>> {
        self.sections.iter().find(|s| s.id == id)
    }

    /// All paragraphs in document order.
    pub fn paragraphs(&self) -> &[Paragraph] {
        &self.paragraphs
    }

    /// All sentences in document order; a sentence's index here is its document-wide index.
    pub fn sentences(&self) -> &[Sentence<'t>] {
        &self.sentences
    }

    /// The sentences of `section`'s own text (not those of its child sections).
    pub fn sentences_of(&self, section: &Section<'t>) -> impl Iterator<Item = &Sentence<'t>> {
        self.sentences[section.sentences.clone()].iter()
    }

    /// Layout noise left out of the structure (page numbers, running headers, web-page
    /// leftovers, end marks, a byte order mark), in document order.
    pub fn skipped(&self) -> &[Skipped] {
        &self.skipped
    }

    /// The leaf pieces of the document in order: they never overlap, and together they cover
    /// every non-whitespace character of the text.
    pub fn segments(&self) -> Vec<Segment> {
        let mut out = Vec::new();
        for section in &self.sections {
            out.extend(section.heading.iter().map(|&span| Segment {
                kind: SegmentKind::Heading,
                span,
            }));
        }
        for para in &self.paragraphs {
            if let Some(span) = para.marker {
                out.push(Segment {
                    kind: SegmentKind::Marker,
                    span,
                });
            }
            if para.kind == ParagraphKind::Heading {
                out.push(Segment {
                    kind: SegmentKind::Heading,
                    span: para.span,
                });
            }
        }
        for sentence in &self.sentences {
            out.extend(sentence.spans.iter().map(|&span| Segment {
                kind: SegmentKind::Sentence,
                span,
            }));
        }
        out.extend(self.skipped.iter().map(|s| Segment {
            kind: SegmentKind::Skipped(s.kind),
            span: s.span,
        }));
        out.sort_by_key(|s| (s.span.start, s.span.end));
        out
    }
}

/// A dateline and the date it states.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Dateline {
    /// The date.
    pub date: Date,
    /// Where the dateline stands.
    pub span: Span,
}

/// What a section is, from its heading.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum SectionKind {
    /// Text before the first heading.
    Preamble,
    /// A part numbered with a Roman numeral (`I. Prosperity`), or `Part II`.
    Part,
    /// A numbered section or sub-section (`1.`, `1)`, `a)`, `2.4.1.`).
    Numbered,
    /// `Title IV` / `Título IV`.
    Title,
    /// `Chapter 3` / `Capítulo 3`.
    Chapter,
    /// `Section 2` / `Sección 2`.
    Section,
    /// `Article 12` / `Artículo 12`.
    Article,
    /// `Annex` / `Anexo`.
    Annex,
    /// `Appendix B` / `Apéndice B`.
    Appendix,
    /// An unnumbered heading after the preamble (a line in capitals).
    Heading,
}

/// A section: its heading, its own paragraphs and sentences, and its child sections.
#[derive(Clone, Debug)]
pub struct Section<'t> {
    pub(crate) id: String,
    pub(crate) kind: SectionKind,
    pub(crate) label: Option<Span>,
    pub(crate) heading: Vec<Span>,
    pub(crate) title: Cow<'t, str>,
    pub(crate) span: Span,
    pub(crate) parent: Option<usize>,
    pub(crate) children: Vec<usize>,
    pub(crate) depth: usize,
    pub(crate) paragraphs: Range<usize>,
    pub(crate) sentences: Range<usize>,
}

impl<'t> Section<'t> {
    /// The section id: its numbering path (`preamble`, `I`, `I.4`, `art:12`, `annex:1.a`).
    /// See the crate docs for the scheme; ids are the same in every language.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// What kind of heading opened the section.
    pub fn kind(&self) -> SectionKind {
        self.kind
    }

    /// The number or letter as printed (`4.`, `IV.`, `Artículo 12`), when any.
    pub fn label(&self) -> Option<Span> {
        self.label
    }

    /// The heading as printed, one span per line (several when it wraps); empty for a preamble
    /// without a document title.
    pub fn heading(&self) -> &[Span] {
        &self.heading
    }

    /// The title as printed, without its number, trailing period or markup, white space folded
    /// and in Unicode NFC; `""` when the heading has none. The preamble's title is the document
    /// title.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// Everything the section covers, from its heading to the end of its last child.
    pub fn span(&self) -> Span {
        self.span
    }

    /// Index of the parent section in [`Document::sections`]; `None` at the top level.
    pub fn parent(&self) -> Option<usize> {
        self.parent
    }

    /// Indexes of the child sections in [`Document::sections`].
    pub fn children(&self) -> &[usize] {
        &self.children
    }

    /// Nesting depth: 0 at the top level.
    pub fn depth(&self) -> usize {
        self.depth
    }

    /// Indexes of the section's own paragraphs in [`Document::paragraphs`].
    pub fn paragraph_range(&self) -> Range<usize> {
        self.paragraphs.clone()
    }

    /// Indexes of the section's own sentences in [`Document::sentences`].
    pub fn sentence_range(&self) -> Range<usize> {
        self.sentences.clone()
    }
}

/// What a paragraph is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum ParagraphKind {
    /// Running text.
    Text,
    /// A bullet or list item.
    Item,
    /// The dateline.
    Dateline,
    /// A row of a table drawn with characters: one sentence, its cells column by column.
    TableRow,
    /// An unnumbered heading inside the preamble (`INTRODUCTION`): not a sentence.
    Heading,
}

/// A paragraph: lines of one block of text, rejoined across hard wraps and page breaks.
#[derive(Clone, Debug, Serialize)]
pub struct Paragraph {
    pub(crate) kind: ParagraphKind,
    pub(crate) span: Span,
    pub(crate) marker: Option<Span>,
    pub(crate) section: usize,
    pub(crate) sentences: Range<usize>,
}

impl Paragraph {
    /// What kind of paragraph this is.
    pub fn kind(&self) -> ParagraphKind {
        self.kind
    }

    /// From its first to its last character (noise in between included).
    pub fn span(&self) -> Span {
        self.span
    }

    /// The bullet marker of a list item (`-`, `o`, `•`), when any.
    pub fn marker(&self) -> Option<Span> {
        self.marker
    }

    /// Index of the section the paragraph belongs to.
    pub fn section(&self) -> usize {
        self.section
    }

    /// Indexes of its sentences in [`Document::sentences`].
    pub fn sentence_range(&self) -> Range<usize> {
        self.sentences.clone()
    }
}

/// Where each character of a sentence's display text comes from in the input: made once, it
/// maps any number of ranges ([`Sentence::source_span`] makes one for each call).
pub(crate) struct SourceMap {
    /// Per character of the display text: its byte offset there, and the byte offset in the
    /// input of the character it stands for, from the sentence's start (eight bytes a
    /// character, where a sentence may be megabytes long).
    places: Vec<(u32, u32)>,
    /// Where the sentence starts in the input.
    base: usize,
    /// The sentence's whole span, for ranges that do not map.
    whole: Span,
}

impl SourceMap {
    /// The map of `sentence`, whose input is `text`. The display text folds white space, so
    /// a run of white space (or page noise) in the input is one space in it, and at most a few
    /// characters the display text left out are skipped until the two meet again. A sentence
    /// over 4 GiB gets no map: every range of it maps to the whole sentence.
    pub(crate) fn new(sentence: &Sentence<'_>, text: &str) -> SourceMap {
        let whole = sentence.span();
        let base = whole.start;
        let mut map = SourceMap {
            places: Vec::new(),
            base,
            whole,
        };
        let fits = |n: usize| u32::try_from(n).is_ok();
        if !fits(sentence.text().len()) || !fits(whole.end - whole.start) {
            return map;
        }
        let raw: Vec<(u32, char)> = sentence
            .spans
            .iter()
            .filter_map(|sp| text.get(sp.start..sp.end).map(|t| (sp.start, t)))
            .flat_map(|(at, t)| t.char_indices().map(move |(i, c)| (at + i, c)))
            .map(|(at, c)| ((at - base) as u32, c))
            .collect();
        let mut r = 0;
        for (di, dc) in sentence.text().char_indices() {
            if dc.is_whitespace() {
                while r < raw.len() && raw[r].1.is_whitespace() {
                    r += 1;
                }
                continue;
            }
            let mut k = r;
            while k < raw.len() && k < r + 4 && raw[k].1 != dc {
                k += 1;
            }
            if k < raw.len() && raw[k].1 == dc {
                r = k;
            }
            let Some(&(at, _)) = raw.get(r) else {
                break;
            };
            map.places.push((di as u32, at));
            r += 1;
        }
        map.places.shrink_to_fit();
        map
    }

    /// The span of the input behind `range` of the display text (of `sentence`, in `text`,
    /// as given to [`SourceMap::new`]); the whole sentence when a bound does not fall on a
    /// mapped character.
    pub(crate) fn span(
        &self,
        sentence: &Sentence<'_>,
        text: &str,
        range: std::ops::Range<usize>,
    ) -> Span {
        let display = sentence.text();
        let char_at = |s: &str, at: usize| s.get(at..).and_then(|rest| rest.chars().next());
        let find = |d: usize| {
            let d = u32::try_from(d).ok()?;
            self.places.binary_search_by_key(&d, |p| p.0).ok()
        };
        let start = find(range.start).map(|k| self.base + self.places[k].1 as usize);
        // The character that ends the range: the last one starting before its end.
        let end = (|| {
            let k = self
                .places
                .partition_point(|p| (p.0 as usize) < range.end)
                .checked_sub(1)?;
            let (di, at) = self.places[k];
            let dc = char_at(display, di as usize)?;
            if di as usize + dc.len_utf8() != range.end {
                return None;
            }
            let at = self.base + at as usize;
            Some(at + char_at(text, at)?.len_utf8())
        })();
        match (start, end) {
            (Some(s), Some(e)) if s < e => Span::new(s, e),
            _ => self.whole,
        }
    }
}

/// The spans of a sentence: one, held inline (most sentences, so a document of many short
/// sentences does not pay an allocation each), or several.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Pieces {
    One(Span),
    Many(Box<[Span]>),
}

impl From<Vec<Span>> for Pieces {
    fn from(spans: Vec<Span>) -> Pieces {
        match spans[..] {
            [one] => Pieces::One(one),
            _ => Pieces::Many(spans.into_boxed_slice()),
        }
    }
}

impl std::ops::Deref for Pieces {
    type Target = [Span];

    fn deref(&self) -> &[Span] {
        match self {
            Pieces::One(one) => std::slice::from_ref(one),
            Pieces::Many(many) => many,
        }
    }
}

/// A sentence: one or more spans of the text (several when page noise interrupts it), and its
/// text for display and comparison.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence<'t> {
    pub(crate) text: Cow<'t, str>,
    pub(crate) spans: Pieces,
    pub(crate) section: usize,
    pub(crate) paragraph: usize,
}

impl<'t> Sentence<'t> {
    /// The sentence's text: its pieces joined by one space, every run of white space folded to
    /// one space, line-final hyphens of compounds kept, in Unicode NFC. Borrowed from the input
    /// when it already has that form.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The pieces of the input the sentence is made of, in reading order (one unless noise such
    /// as a running header interrupts it; a table row's cells go column by column, so its
    /// pieces may go back in the input).
    pub fn spans(&self) -> &[Span] {
        &self.spans
    }

    /// From the start of its first piece in the input to the end of its last.
    pub fn span(&self) -> Span {
        let mut pieces = self.spans.iter().copied();
        let first = pieces.next().unwrap_or_default();
        pieces.fold(first, |all, piece| all.cover(piece))
    }

    /// The span of the input behind `range`, a byte range of [`Sentence::text`], given the
    /// document's text. White space folded in the display text maps back to the white space (or
    /// the page noise) it stands for; when the range cannot be mapped (it does not fall on
    /// characters of the text), the whole sentence span is returned.
    ///
    /// ```
    /// use paridad::{Document, Lang};
    ///
    /// let text = "1. Trade\nBoth countries will\n   sign by 2026.\n";
    /// let doc = Document::parse(text, Lang::En)?;
    /// let sentence = &doc.sentences()[0];
    /// assert_eq!(sentence.text(), "Both countries will sign by 2026.");
    /// let span = sentence.source_span(text, 20..32);
    /// assert_eq!(&text[span], "sign by 2026");
    /// # Ok::<(), paridad::Error>(())
    /// ```
    pub fn source_span(&self, text: &str, range: std::ops::Range<usize>) -> Span {
        if range.start >= range.end || range.end > self.text().len() {
            return self.span();
        }
        if self.is_verbatim(text) {
            let start = self.span().start;
            return Span::new(start + range.start, start + range.end);
        }
        SourceMap::new(self, text).span(self, text, range)
    }

    /// Whether the sentence's text is its one span of `text` as it is (nothing folded or
    /// normalised), so that offsets in it are offsets in the input: checked by address when
    /// the text is borrowed from the input, in constant time.
    pub(crate) fn is_verbatim(&self, text: &str) -> bool {
        let [only] = self.spans[..] else {
            return false;
        };
        let Some(raw) = text.get(only.start..only.end) else {
            return false;
        };
        match &self.text {
            Cow::Borrowed(b) => (b.as_ptr() == raw.as_ptr() && b.len() == raw.len()) || raw == *b,
            Cow::Owned(o) => raw == o,
        }
    }

    /// Index of the section the sentence belongs to.
    pub fn section(&self) -> usize {
        self.section
    }

    /// Index of the paragraph the sentence belongs to.
    pub fn paragraph(&self) -> usize {
        self.paragraph
    }
}

/// Why a stretch of text was left out of the structure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum SkipKind {
    /// A UTF-8 byte order mark.
    Bom,
    /// A page number (`3`, `Page 3 of 10`).
    PageNumber,
    /// A running header or footer.
    RunningHeader,
    /// A leftover of a web page (`- Date modified:`).
    WebLeftover,
    /// An end mark (`--ooOOoo--`, `* * *`).
    EndMark,
    /// A line of a table of contents or of a list of tables, figures or examples.
    Contents,
    /// The border of a table drawn with characters: its rules and the bars between its cells.
    TableBorder,
}

impl SkipKind {
    /// A short name: `bom`, `page-number`, `running-header`, `web-leftover`, `end-mark`,
    /// `contents`, `table-border`.
    pub fn name(self) -> &'static str {
        match self {
            SkipKind::Bom => "bom",
            SkipKind::PageNumber => "page-number",
            SkipKind::RunningHeader => "running-header",
            SkipKind::WebLeftover => "web-leftover",
            SkipKind::EndMark => "end-mark",
            SkipKind::Contents => "contents",
            SkipKind::TableBorder => "table-border",
        }
    }
}

/// A stretch of layout noise left out of the structure, with its span.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Skipped {
    /// What it is.
    pub kind: SkipKind,
    /// Where it stands.
    pub span: Span,
}

/// What a leaf piece of a document is; see [`Document::segments`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SegmentKind {
    /// A heading line, or the document title.
    Heading,
    /// A bullet marker.
    Marker,
    /// A sentence, or a piece of one.
    Sentence,
    /// Skipped noise.
    Skipped(SkipKind),
}

/// A leaf piece of a document; see [`Document::segments`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Segment {
    /// What it is.
    pub kind: SegmentKind,
    /// Where it stands.
    pub span: Span,
}

// JSON: the full tree, each section node with its id, title, span, paragraphs and children.
impl Serialize for Document<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("lang", &self.lang)?;
        map.serialize_entry("title", &self.title())?;
        map.serialize_entry("date", &self.date())?;
        map.serialize_entry("dateline", &self.date.map(|d| d.span))?;
        map.serialize_entry("sentence_count", &self.sentences.len())?;
        let roots: Vec<usize> = (0..self.sections.len())
            .filter(|&i| self.sections[i].parent.is_none())
            .collect();
        map.serialize_entry(
            "sections",
            &Nodes {
                doc: self,
                indexes: &roots,
            },
        )?;
        let skipped: Vec<SkippedOut> = self
            .skipped
            .iter()
            .map(|s| SkippedOut {
                kind: s.kind,
                span: s.span,
                text: s.span.text(self.text),
            })
            .collect();
        map.serialize_entry("skipped", &skipped)?;
        map.end()
    }
}

#[derive(Serialize)]
struct SkippedOut<'a> {
    kind: SkipKind,
    span: Span,
    text: &'a str,
}

struct Nodes<'a, 't> {
    doc: &'a Document<'t>,
    indexes: &'a [usize],
}

impl Serialize for Nodes<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.indexes.len()))?;
        for &i in self.indexes {
            seq.serialize_element(&Node {
                doc: self.doc,
                index: i,
            })?;
        }
        seq.end()
    }
}

struct Node<'a, 't> {
    doc: &'a Document<'t>,
    index: usize,
}

#[derive(Serialize)]
struct ParagraphOut<'a> {
    kind: ParagraphKind,
    span: Span,
    sentences: Vec<SentenceOut<'a>>,
}

#[derive(Serialize)]
struct SentenceOut<'a> {
    index: usize,
    text: &'a str,
    spans: &'a [Span],
}

impl Serialize for Node<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let doc = self.doc;
        let sec = &doc.sections[self.index];
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("id", &sec.id)?;
        map.serialize_entry("kind", &sec.kind)?;
        map.serialize_entry("title", &sec.title)?;
        map.serialize_entry("label", &sec.label.map(|l| l.text(doc.text)))?;
        map.serialize_entry("span", &sec.span)?;
        map.serialize_entry("heading", &sec.heading)?;
        let paragraphs: Vec<ParagraphOut> = doc.paragraphs[sec.paragraphs.clone()]
            .iter()
            .map(|p| ParagraphOut {
                kind: p.kind,
                span: p.span,
                sentences: p
                    .sentences
                    .clone()
                    .map(|i| SentenceOut {
                        index: i,
                        text: doc.sentences[i].text(),
                        spans: doc.sentences[i].spans(),
                    })
                    .collect(),
            })
            .collect();
        map.serialize_entry("paragraphs", &paragraphs)?;
        map.serialize_entry(
            "children",
            &Nodes {
                doc,
                indexes: &sec.children,
            },
        )?;
        map.end()
    }
}

/// Two versions given in either order as sides `a` and `b`: the English version first of an
/// English–Spanish pair ([`Lang::swaps_sides`]), any other pair in the order given. The
/// aligner, the checker and the reports all order their documents here.
pub(crate) fn sides<'d, 't>(a: &'d Document<'t>, b: &'d Document<'t>) -> [&'d Document<'t>; 2] {
    if Lang::swaps_sides(a.lang(), b.lang()) {
        [b, a]
    } else {
        [a, b]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folded_sentence_maps_its_ranges_back_to_the_input() {
        // "Both   countries will\n   sign by 2026." is shown "Both countries will sign by
        // 2026.": offsets counted by hand.
        let text = "1. Trade\nBoth   countries will\n   sign by 2026.\n";
        let doc = Document::parse(text, Lang::En).unwrap();
        let sentence = &doc.sentences()[0];
        assert_eq!(sentence.text(), "Both countries will sign by 2026.");
        assert!(!sentence.is_verbatim(text));
        let map = SourceMap::new(sentence, text);
        for (range, source) in [
            (5..14, 16..25),  // countries
            (20..32, 34..46), // sign by 2026
            (0..19, 9..30),   // Both countries will
            (32..33, 46..47), // the full stop
        ] {
            assert_eq!(
                &text[source.clone()]
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
                &sentence.text()[range.clone()]
            );
            let expected = Span::new(source.start, source.end);
            assert_eq!(map.span(sentence, text, range.clone()), expected);
            assert_eq!(sentence.source_span(text, range), expected);
        }
        // A bound on folded white space maps to the whole sentence.
        assert_eq!(map.span(sentence, text, 4..9), sentence.span());
        // A sentence the input holds as it is maps by offset.
        let plain = "1. Trade\nBoth countries will sign.\n";
        let doc = Document::parse(plain, Lang::En).unwrap();
        let sentence = &doc.sentences()[0];
        assert!(sentence.is_verbatim(plain));
        assert_eq!(sentence.source_span(plain, 5..14), Span::new(14, 23));
        assert_eq!(&plain[14..23], "countries");
    }
}
