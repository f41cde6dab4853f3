//! Bilingual term pairs: the built-in general vocabulary and the caller's own glossaries, read
//! from TSV, CSV or TBX.

mod csv;
mod intern;
mod tbx;

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::ops::Range;
use std::path::Path;
use std::str::FromStr;
use std::sync::{Arc, Mutex, OnceLock};

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::lang::Lang;
use crate::tokens::{fold, tokens, Token, TokenKind};
use intern::Interner;

/// One concept: its English and Spanish terms (synonyms on each side) and notes, owned.
///
/// A [`Glossary`] stores its concepts compactly and lends them as [`ConceptRef`]s;
/// [`ConceptRef::to_concept`] gives this owned form, and a glossary serializes as a list of it.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Concept {
    /// English terms, as written in the glossary.
    pub en: Vec<String>,
    /// Spanish terms, as written in the glossary.
    pub es: Vec<String>,
    /// Notes given with the terms.
    pub notes: Vec<String>,
}

/// A bilingual English–Spanish glossary: concepts, each with its terms on both sides.
///
/// Terms match case- and accent-insensitively, tolerating plural endings, as whole words. The
/// aligner counts a concept named on both sides of a sentence pair as shared evidence, and a
/// [`Checker`](crate::Checker) built with [`Checker::with_glossary`](crate::Checker::with_glossary)
/// reports a term of the caller's glossary whose counterpart the aligned sentence lacks.
///
/// Glossaries are read from TSV ([`Glossary::from_tsv`]), CSV ([`Glossary::from_csv`]) or TBX
/// ([`Glossary::from_tbx`]), or by format with [`Glossary::parse`]. In every format, entries
/// that share a term (compared without case or accents) are synonyms of one concept.
///
/// Every term is stored once in one buffer, so a glossary costs little more than its terms'
/// bytes, however many concepts it has.
///
/// ```
/// use paridad::Glossary;
///
/// let tsv = "# term pairs\nMemorandum of Understanding\tmemorándum de entendimiento\nMOU\tmemorándum de entendimiento\tacronym\n";
/// let glossary = Glossary::from_tsv(tsv)?;
/// assert_eq!(glossary.len(), 1);
/// let concept = glossary.concept(0).unwrap();
/// assert!(concept.en().eq(["Memorandum of Understanding", "MOU"]));
/// assert!(concept.es().eq(["memorándum de entendimiento"]));
/// assert!(concept.notes().eq(["acronym"]));
/// # Ok::<(), paridad::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(from = "GlossaryData", into = "GlossaryData")]
pub struct Glossary {
    /// Every term and note, one after another.
    text: String,
    /// Where each term or note ends in `text`. A concept's entries are its English terms, then
    /// its Spanish terms, then its notes.
    ends: Vec<usize>,
    /// The concepts, in the order their first line appeared.
    slots: Vec<Slot>,
}

/// Where a concept's entries are in a [`Glossary`]: the first, and how many are English and
/// how many Spanish terms (the rest, up to the next concept's first, are notes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Slot {
    first: usize,
    en: u32,
    es: u32,
}

/// A glossary's serialized form: its concepts.
#[derive(Serialize, Deserialize)]
struct GlossaryData {
    concepts: Vec<Concept>,
}

impl From<GlossaryData> for Glossary {
    fn from(data: GlossaryData) -> Glossary {
        let mut glossary = Glossary::new();
        for c in &data.concepts {
            glossary.push_concept(
                c.en.iter().map(String::as_str),
                c.es.iter().map(String::as_str),
                c.notes.iter().map(String::as_str),
            );
        }
        glossary
    }
}

impl From<Glossary> for GlossaryData {
    fn from(glossary: Glossary) -> GlossaryData {
        GlossaryData {
            concepts: glossary.concepts().map(|c| c.to_concept()).collect(),
        }
    }
}

/// A concept of a [`Glossary`], borrowed: its terms on each side and its notes.
#[derive(Clone, Copy)]
pub struct ConceptRef<'a> {
    glossary: &'a Glossary,
    slot: Slot,
    end: usize,
}

impl<'a> ConceptRef<'a> {
    /// The English terms, as written in the glossary.
    pub fn en(&self) -> Terms<'a> {
        self.terms(self.slot.first, self.slot.en as usize)
    }

    /// The Spanish terms, as written in the glossary.
    pub fn es(&self) -> Terms<'a> {
        self.terms(
            self.slot.first + self.slot.en as usize,
            self.slot.es as usize,
        )
    }

    /// The terms in `lang`.
    pub fn terms_in(&self, lang: Lang) -> Terms<'a> {
        match lang {
            Lang::En => self.en(),
            Lang::Es => self.es(),
        }
    }

    /// The notes given with the terms.
    pub fn notes(&self) -> Terms<'a> {
        let first = self.slot.first + self.slot.en as usize + self.slot.es as usize;
        self.terms(first, self.end.saturating_sub(first))
    }

    /// The concept, owned.
    pub fn to_concept(&self) -> Concept {
        let owned = |terms: Terms<'a>| terms.map(str::to_string).collect();
        Concept {
            en: owned(self.en()),
            es: owned(self.es()),
            notes: owned(self.notes()),
        }
    }

    fn terms(&self, first: usize, count: usize) -> Terms<'a> {
        Terms {
            glossary: self.glossary,
            next: first,
            end: first + count,
        }
    }
}

impl fmt::Debug for ConceptRef<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Concept")
            .field("en", &self.en().collect::<Vec<_>>())
            .field("es", &self.es().collect::<Vec<_>>())
            .field("notes", &self.notes().collect::<Vec<_>>())
            .finish()
    }
}

/// The terms (or notes) of a concept on one side, in the glossary's order.
#[derive(Clone, Debug)]
pub struct Terms<'a> {
    glossary: &'a Glossary,
    next: usize,
    end: usize,
}

impl<'a> Iterator for Terms<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        if self.next >= self.end {
            return None;
        }
        self.next += 1;
        Some(self.glossary.entry(self.next - 1))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.end.saturating_sub(self.next);
        (n, Some(n))
    }
}

impl ExactSizeIterator for Terms<'_> {}

static BUILTIN: OnceLock<Glossary> = OnceLock::new();

impl Glossary {
    /// An empty glossary.
    pub fn new() -> Glossary {
        Glossary::default()
    }

    /// The built-in glossary: general vocabulary of official texts and well-known institutions
    /// of both governments and of international bodies (`src/lang/glossary_en_es.tsv`).
    pub fn builtin() -> &'static Glossary {
        BUILTIN.get_or_init(|| {
            // The table is part of the crate and tested to parse; an empty glossary is the
            // harmless fallback should it ever not.
            Glossary::from_tsv(include_str!("../lang/glossary_en_es.tsv")).unwrap_or_default()
        })
    }

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

    /// Adds the concepts of `other`, merging concepts that share a term.
    pub fn extend(&mut self, other: &Glossary) {
        let count = self.ends.len() + other.ends.len();
        let mut lines = Vec::with_capacity(count);
        for c in self.concepts().chain(other.concepts()) {
            // Re-express each concept as lines that share its first terms, so union by term
            // merges concepts across glossaries: each English term with the first Spanish,
            // the first English with each other Spanish term (one line for a pair).
            let en0 = c.en().next().unwrap_or("");
            let es0 = c.es().next().unwrap_or("");
            lines.extend(c.en().map(|en| (en, es0, None)));
            let skip = usize::from(c.en().len() > 0);
            lines.extend(c.es().skip(skip).map(|es| (en0, es, None)));
            lines.extend(c.notes().map(|note| (en0, es0, Some(note))));
        }
        *self = Glossary::from_lines(lines.as_slice());
    }

    /// The concepts, in the order their first line appeared.
    pub fn concepts(&self) -> impl ExactSizeIterator<Item = ConceptRef<'_>> + Clone + '_ {
        self.slots
            .iter()
            .enumerate()
            .map(|(i, &slot)| self.concept_at(i, slot))
    }

    /// The concept at `index` (in the order of [`Glossary::concepts`]).
    pub fn concept(&self, index: usize) -> Option<ConceptRef<'_>> {
        Some(self.concept_at(index, *self.slots.get(index)?))
    }

    /// The concept at `index`, whose slot is `slot`.
    fn concept_at(&self, index: usize, slot: Slot) -> ConceptRef<'_> {
        ConceptRef {
            glossary: self,
            slot,
            end: self
                .slots
                .get(index + 1)
                .map_or(self.ends.len(), |s| s.first),
        }
    }

    /// How many concepts there are.
    pub fn len(&self) -> usize {
        self.slots.len()
    }

    /// True when there are no concepts.
    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    /// Term or note `i` of the buffer.
    fn entry(&self, i: usize) -> &str {
        intern::string_of_usize(&self.text, &self.ends, i)
    }

    /// Appends a concept (its terms as they are: no merging).
    fn push_concept<'t>(
        &mut self,
        en: impl Iterator<Item = &'t str>,
        es: impl Iterator<Item = &'t str>,
        notes: impl Iterator<Item = &'t str>,
    ) {
        let first = self.ends.len();
        let mut add = |terms: &mut dyn Iterator<Item = &'t str>| -> u32 {
            let mut n = 0u32;
            for t in terms {
                self.text.push_str(t);
                self.ends.push(self.text.len());
                n = n.saturating_add(1);
            }
            n
        };
        let en = add(&mut { en });
        let es = add(&mut { es });
        add(&mut { notes });
        self.slots.push(Slot { first, en, es });
    }

    /// A glossary of `lines`, grouped into concepts by shared terms (union–find over terms).
    ///
    /// Each term is keyed once: a term is new to its concept when its node (its key in its
    /// language) is, so the time is linear in the lines, however many synonyms a concept has.
    /// A concept's English terms, Spanish terms and notes each keep the order of their lines.
    fn from_lines(lines: &(impl TermLines + ?Sized)) -> Glossary {
        // Node of an English key k: 2k; of a Spanish key k: 2k + 1.
        let mut parent: Vec<usize> = Vec::with_capacity(2 * lines.count());
        let mut line_nodes: Vec<[usize; 2]> = Vec::with_capacity(lines.count());
        {
            let mut keys = [
                Interner::with_capacity(lines.count()),
                Interner::with_capacity(lines.count()),
            ];
            for (en, es, _) in (0..lines.count()).map(|i| lines.line(i)) {
                let a = 2 * keys[0].intern(&term_key(en, false)) as usize;
                let b = 2 * keys[1].intern(&term_key(es, true)) as usize + 1;
                while parent.len() <= a.max(b) {
                    parent.push(parent.len());
                }
                union(&mut parent, a, b);
                line_nodes.push([a, b]);
            }
        }
        // Concepts in the order of their first line; each line's concept.
        let mut concept_of_root = vec![u32::MAX; parent.len()];
        let mut concepts = 0u32;
        let mut line_concept: Vec<u32> = Vec::with_capacity(lines.count());
        for &[a, _] in &line_nodes {
            let root = find(&mut parent, a);
            if concept_of_root[root] == u32::MAX {
                concept_of_root[root] = concepts;
                concepts += 1;
            }
            line_concept.push(concept_of_root[root]);
        }
        let nodes = parent.len();
        drop(concept_of_root);
        drop(parent);
        // The lines of each concept, in order (a counting sort).
        let mut starts = vec![0u32; concepts as usize + 1];
        for &c in &line_concept {
            starts[c as usize + 1] += 1;
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        let mut next = starts.clone();
        let mut by_concept = vec![0u32; lines.count()];
        for (line, &c) in line_concept.iter().enumerate() {
            by_concept[next[c as usize] as usize] = line as u32;
            next[c as usize] += 1;
        }
        drop(next);
        drop(line_concept);
        // A node belongs to one concept (its root's), so a node seen once is a term its
        // concept already lists.
        let mut listed = vec![false; nodes];
        let mut glossary = Glossary::new();
        let mut noted: HashSet<&str> = HashSet::new();
        for c in 0..concepts as usize {
            let own = &by_concept[starts[c] as usize..starts[c + 1] as usize];
            let mut side = |s: usize| -> Vec<&str> {
                own.iter()
                    .filter_map(|&line| {
                        let line = line as usize;
                        let (en, es, _) = lines.line(line);
                        let term = if s == 0 { en } else { es };
                        let node = line_nodes[line][s];
                        (!term.is_empty() && !std::mem::replace(&mut listed[node], true))
                            .then_some(term)
                    })
                    .collect()
            };
            let (en, es) = (side(0), side(1));
            noted.clear();
            let notes = own
                .iter()
                .filter_map(|&line| lines.line(line as usize).2)
                .filter(|note| noted.insert(note));
            glossary.push_concept(en.into_iter(), es.into_iter(), notes);
        }
        glossary.text.shrink_to_fit();
        glossary.ends.shrink_to_fit();
        glossary.slots.shrink_to_fit();
        glossary
    }
}

/// Term pairs as a glossary file gives them: `(English, Spanish, note)` lines.
trait TermLines {
    /// How many lines there are.
    fn count(&self) -> usize;
    /// Line `i` (below [`TermLines::count`]).
    fn line(&self, i: usize) -> (&str, &str, Option<&str>);
}

impl TermLines for [(&str, &str, Option<&str>)] {
    fn count(&self) -> usize {
        self.len()
    }

    fn line(&self, i: usize) -> (&str, &str, Option<&str>) {
        self.get(i).copied().unwrap_or(("", "", None))
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

/// The longest term a glossary may hold, in bytes. Real terms, even the full titles of
/// treaties, are far shorter; a longer "term" is a broken file (a missing line end or
/// quote), and matching it would cost memory many times its length.
pub(crate) const MAX_TERM_BYTES: usize = 1_000;

/// The error for a term of `term` bytes on `line` of a glossary of kind `what`, when it is
/// longer than [`MAX_TERM_BYTES`].
pub(crate) fn check_term_length(what: &'static str, line: usize, term: &str) -> Result<(), Error> {
    if term.len() <= MAX_TERM_BYTES {
        return Ok(());
    }
    Err(Error::format(
        what,
        line,
        format!(
            "a term of {} bytes: a term may have at most {MAX_TERM_BYTES} bytes (a missing line \
             end or quote?)",
            term.len()
        ),
    ))
}

/// Terms are the same when they match the same text: their token keys, case aside
/// (`T-MEC` and `TMEC`, `memorándum` and `Memorandums`).
fn term_key(term: &str, spanish: bool) -> String {
    let lang = if spanish { Lang::Es } else { Lang::En };
    let toks = tokens(term, lang);
    if toks.is_empty() {
        return fold(term);
    }
    // The keys in lower case, joined by spaces, without a string for each (the glossary
    // keys every term several times over).
    let mut key = String::with_capacity(term.len());
    for (i, t) in toks.iter().enumerate() {
        if i > 0 {
            key.push(' ');
        }
        if t.key
            .bytes()
            .any(|b| !b.is_ascii_lowercase() && !b.is_ascii_digit())
        {
            key.push_str(&t.key.to_lowercase());
        } else {
            key.push_str(&t.key);
        }
    }
    key
}

pub(crate) fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

pub(crate) fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
        parent[hi] = lo;
    }
}

/// A glossary compiled for matching in one language: term key sequences by their first key.
/// Keys are interned: each distinct key is stored once, and a term is a list of small ids, so
/// a glossary of many short words costs a few bytes per word, not a string each.
#[derive(Debug, Default)]
pub(crate) struct TermIndex {
    /// Every key of a term word, with its id.
    ids: Interner,
    /// Per key id, where the terms whose first word it is start in `terms` (one more entry
    /// than there are ids: the end).
    starts: Vec<u32>,
    /// Every term, by its first word's id; for one first word, longest first, then by
    /// concept.
    terms: Vec<IndexedTerm>,
    /// The words of every term, one after another.
    words: Vec<TermWord>,
}

/// A term of a [`TermIndex`]: where its words start in `words`, how many, and its concept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct IndexedTerm {
    start: u32,
    len: u32,
    concept: u32,
}

/// A word of a term in a [`TermIndex`]: its key's id, and whether it is an acronym.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct TermWord {
    id: u32,
    acronym: bool,
}

/// A glossary term found in a token sequence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct TermMatch {
    /// Index of the first token.
    pub start: usize,
    /// Number of tokens covered.
    pub len: usize,
    /// Index of the concept in the glossary.
    pub concept: u32,
}

impl TermIndex {
    /// Compiles the terms of `glossary` in `lang`.
    pub fn new(glossary: &Glossary, lang: Lang) -> TermIndex {
        let mut ids = Interner::with_capacity(glossary.ends.len() / 2);
        let mut words: Vec<TermWord> = Vec::new();
        let mut terms: Vec<IndexedTerm> = Vec::new();
        for (i, c) in glossary.concepts().enumerate() {
            for term in c.terms_in(lang) {
                let start = words.len();
                words.extend(tokens(term, lang).iter().map(|t| {
                    let k = TermKey::of(t);
                    TermWord {
                        id: ids.intern(&k.key),
                        acronym: k.acronym,
                    }
                }));
                // Indices past `u32::MAX` would take tens of gigabytes of glossary.
                let (Ok(start), Ok(len)) =
                    (u32::try_from(start), u32::try_from(words.len() - start))
                else {
                    break;
                };
                if len > 0 {
                    terms.push(IndexedTerm {
                        start,
                        len,
                        concept: i as u32,
                    });
                }
            }
        }
        let of = |t: &IndexedTerm| &words[t.start as usize..(t.start + t.len) as usize];
        terms.sort_unstable_by(|a, b| {
            (of(a)[0].id.cmp(&of(b)[0].id))
                .then(b.len.cmp(&a.len))
                .then(a.concept.cmp(&b.concept))
                .then_with(|| of(a).cmp(of(b)))
        });
        terms.dedup_by(|a, b| a.concept == b.concept && of(a) == of(b));
        // The words again, in the terms' order, without those of duplicates.
        let mut kept = Vec::with_capacity(words.len());
        for t in &mut terms {
            let start = kept.len() as u32;
            kept.extend_from_slice(of(t));
            t.start = start;
        }
        drop(words);
        let mut starts = vec![0u32; ids.len() + 1];
        for t in &terms {
            starts[kept[t.start as usize].id as usize + 1] += 1;
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        ids.shrink_to_fit();
        terms.shrink_to_fit();
        kept.shrink_to_fit();
        TermIndex {
            ids,
            starts,
            terms,
            words: kept,
        }
    }

    /// The terms whose first word has key `id`, longest first.
    fn starting_with(&self, id: u32) -> &[IndexedTerm] {
        let id = id as usize;
        match (self.starts.get(id), self.starts.get(id + 1)) {
            (Some(&a), Some(&b)) => self.terms.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// Longest-first, left-to-right matches of terms over a text's tokens. Words match
    /// whatever their case, so a term also matches in a heading set in capitals; a term
    /// written as an acronym (`WHO`) matches only an acronym, never the word `who`.
    pub fn find(&self, toks: &[Token]) -> Vec<TermMatch> {
        // Each token's key id (none when no term has its key), and whether it is an acronym.
        // Word and number keys are lower-case already: only acronyms need a new string.
        let keys: Vec<(Option<u32>, bool)> = toks
            .iter()
            .map(|t| match t.kind {
                TokenKind::Acronym => (self.ids.get(&t.key.to_lowercase()), true),
                _ => (self.ids.get(t.key.as_str()), false),
            })
            .collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < keys.len() {
            let found = keys[i].0.and_then(|id| {
                self.starting_with(id).iter().find(|term| {
                    let words = &self.words[term.start as usize..(term.start + term.len) as usize];
                    keys.get(i..i + words.len()).is_some_and(|window| {
                        window
                            .iter()
                            .zip(words)
                            .all(|((id, acronym), w)| *id == Some(w.id) && (*acronym || !w.acronym))
                    })
                })
            });
            match found {
                Some(term) => {
                    out.push(TermMatch {
                        start: i,
                        len: term.len as usize,
                        concept: term.concept,
                    });
                    i += term.len as usize;
                }
                None => i += 1,
            }
        }
        out
    }
}

/// How a token matches glossary terms: its comparison key in lower case, and whether it is an
/// acronym.
#[derive(Clone, Debug, PartialEq, Eq)]
struct TermKey {
    key: String,
    acronym: bool,
}

impl TermKey {
    fn of(t: &Token) -> TermKey {
        TermKey {
            key: t.key.to_lowercase(),
            acronym: t.kind == TokenKind::Acronym,
        }
    }
}

/// Fewest letters of a stem that an inflected form may extend (shorter words must match
/// exactly).
const STEM_MIN_CHARS: usize = 4;
/// Words a language may put between two words of a term (`memorándum de entendimiento`
/// against `memorándum de Entendimiento`: none; `área natural protegida` against `áreas
/// naturales federales protegidas`: one).
const TERM_GAP: usize = 2;

/// The caller's glossary compiled for the terminology check: which concepts the caller named,
/// where any concept is named in a text, and whether a concept is named in a text loosely
/// (inflected).
///
/// Concepts are those of the glossary the check aligns with (built-in and caller's, merged),
/// so that a built-in synonym of the caller's term counts as its counterpart; only concepts
/// that hold a term of the caller's glossary are checked.
#[derive(Debug)]
pub(crate) struct Terminology {
    /// The concepts: the aligner's own glossary when they are the aligner's.
    glossary: Arc<Glossary>,
    /// Per concept: whether it holds a term of the caller's glossary.
    user: Vec<bool>,
    /// Every concept's terms, by language (English, Spanish): the aligner's own index when
    /// the concepts are the aligner's.
    index: Arc<[TermIndex; 2]>,
    /// Per concept the caller named, per language, its terms as loose words, made the first
    /// time they are looked for (most concepts of a large glossary never are).
    loose: Mutex<HashMap<u32, Arc<LooseTerms>>>,
    /// The caller's glossary, whose terms are shown.
    callers: Glossary,
    /// Per language (English, Spanish), per concept, the caller's own terms (entries of
    /// `callers`; none: show all the concept's terms).
    shown: [Grouped; 2],
}

/// A concept's terms as loose words, per language (English, Spanish).
type LooseTerms = [LooseIndex; 2];

/// A concept's terms in one language as loose words, found by their first word: by its key,
/// and by its stem, so that a text is searched only for the terms one of its words can begin
/// (a concept may have thousands of synonyms).
#[derive(Debug, Default)]
struct LooseIndex {
    terms: Vec<Vec<LooseWord>>,
    by_key: HashMap<String, Vec<usize>>,
    by_stem: HashMap<String, Vec<usize>>,
}

impl LooseIndex {
    fn new(terms: Vec<Vec<LooseWord>>) -> LooseIndex {
        let mut index = LooseIndex::default();
        for (i, term) in terms.iter().enumerate() {
            let Some(first) = term.first() else { continue };
            index.by_key.entry(first.key.clone()).or_default().push(i);
            if let Some(stem) = &first.stem {
                index.by_stem.entry(stem.clone()).or_default().push(i);
            }
        }
        index.terms = terms;
        index
    }

    /// The terms whose first word may fit `t` (each at most once, in order): its key, or a
    /// stem that begins it (or begins one of its Spanish verb-stem spellings).
    fn candidates(&self, t: &TermKey, lang: Lang) -> Vec<usize> {
        let mut out: Vec<usize> = self.by_key.get(&t.key).cloned().unwrap_or_default();
        if !t.acronym && !self.by_stem.is_empty() {
            let mut forms = vec![t.key.clone()];
            if lang == Lang::Es {
                forms.extend(
                    ES_STEM_CHANGES
                        .iter()
                        .filter(|(from, _)| t.key.contains(from))
                        .map(|(from, to)| t.key.replace(from, to)),
                );
            }
            for form in &forms {
                for (at, _) in form.char_indices().skip(STEM_MIN_CHARS) {
                    if let Some(list) = self.by_stem.get(&form[..at]) {
                        out.extend(list);
                    }
                }
                if form.chars().count() >= STEM_MIN_CHARS {
                    if let Some(list) = self.by_stem.get(form.as_str()) {
                        out.extend(list);
                    }
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Lists of numbers, one per group, stored one after another.
#[derive(Debug, Default)]
struct Grouped {
    /// Where each group starts in `items` (one more entry than there are groups: the end).
    starts: Vec<u32>,
    items: Vec<u32>,
}

impl Grouped {
    fn group(&self, g: usize) -> &[u32] {
        match (self.starts.get(g), self.starts.get(g + 1)) {
            (Some(&a), Some(&b)) => self.items.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }
}

/// A word of a term, for a loose search: its key, whether it is an acronym, and the stem its
/// inflected forms begin with.
#[derive(Clone, Debug)]
struct LooseWord {
    key: String,
    acronym: bool,
    stem: Option<String>,
}

/// Spelling changes inside Spanish verb forms, undone before a form is compared with a stem:
/// stem vowels that break (`promueven` → `promoven`, `invierten` → `inverten`, `compiten` →
/// `competen`), `zc` before `a`/`o` (`fortalezcan` → `fortalecan`), and the consonants that
/// keep their sound before `e` (`busquen` → `buscen`, `lleguen` → `llegen`, `alcance` →
/// `alcanze`, `protejan` → `protegan`).
const ES_STEM_CHANGES: [(&str, &str); 8] = [
    ("ue", "o"),
    ("ie", "e"),
    ("i", "e"),
    ("zc", "c"),
    ("qu", "c"),
    ("gu", "g"),
    ("c", "z"),
    ("j", "g"),
];

impl LooseWord {
    fn fits(&self, t: &TermKey, lang: Lang) -> bool {
        if self.acronym {
            return t.acronym && t.key == self.key;
        }
        if t.key == self.key {
            return true;
        }
        let Some(stem) = self.stem.as_deref().filter(|_| !t.acronym) else {
            return false;
        };
        t.key.starts_with(stem)
            || (lang == Lang::Es
                && ES_STEM_CHANGES.iter().any(|(from, to)| {
                    t.key.contains(from) && t.key.replace(from, to).starts_with(stem)
                }))
    }
}

impl Terminology {
    /// The concepts of `all` (the aligner's glossary) merged with `user`'s, and which of them
    /// the caller named.
    pub fn new(all: &Glossary, user: &Glossary) -> Terminology {
        let mut glossary = all.clone();
        glossary.extend(user);
        let index = Arc::new([
            TermIndex::new(&glossary, Lang::En),
            TermIndex::new(&glossary, Lang::Es),
        ]);
        Terminology::merged(Arc::new(glossary), index, user)
    }

    /// The concepts of `glossary`, which already holds `user`'s terms, and which of them the
    /// caller named; `index` is `glossary`'s, in English and in Spanish.
    pub fn merged(
        glossary: Arc<Glossary>,
        index: Arc<[TermIndex; 2]>,
        user: &Glossary,
    ) -> Terminology {
        let mut user_flags = vec![false; glossary.len()];
        let shown = [Lang::En, Lang::Es].map(|lang| {
            // Each key of the caller's terms in this language, with its first entry in the
            // caller's order: a concept's own terms are looked up by key, not searched for
            // among all the caller's.
            let spanish = lang == Lang::Es;
            let mut keys = Interner::with_capacity(user.ends.len() / 2);
            let mut first: Vec<u32> = Vec::new();
            for c in user.concepts() {
                let entries = c.terms_in(lang);
                let at = entries.next as u32;
                for (k, term) in entries.enumerate() {
                    let id = keys.intern(&term_key(term, spanish)) as usize;
                    if id == first.len() {
                        first.push(at + k as u32);
                    }
                }
            }
            let mut grouped = Grouped {
                starts: Vec::with_capacity(glossary.len() + 1),
                items: Vec::new(),
            };
            grouped.starts.push(0);
            for (i, c) in glossary.concepts().enumerate() {
                // The caller's terms whose key is one of this side's, once per key, in the
                // caller's order.
                let start = grouped.items.len();
                for t in c.terms_in(lang) {
                    if let Some(id) = keys.get(&term_key(t, spanish)) {
                        grouped.items.push(first[id as usize]);
                    }
                }
                grouped.items[start..].sort_unstable();
                let mut k = start;
                for j in start..grouped.items.len() {
                    if j == start || grouped.items[j] != grouped.items[k - 1] {
                        grouped.items[k] = grouped.items[j];
                        k += 1;
                    }
                }
                grouped.items.truncate(k);
                user_flags[i] |= k > start;
                grouped.starts.push(grouped.items.len() as u32);
            }
            grouped.items.shrink_to_fit();
            grouped
        });
        Terminology {
            glossary,
            user: user_flags,
            index,
            loose: Mutex::new(HashMap::new()),
            callers: user.clone(),
            shown,
        }
    }

    /// The concepts named in a text's tokens `toks` (in `lang`), as the aligner finds them
    /// (longest first), each with its byte range in the text and whether the caller named it.
    pub fn find(&self, toks: &[Token], lang: Lang) -> Vec<(u32, Range<usize>, bool)> {
        self.index[usize::from(lang == Lang::Es)]
            .find(toks)
            .into_iter()
            .map(|m| {
                let range = toks[m.start].range.start..toks[m.start + m.len - 1].range.end;
                let user = self.user.get(m.concept as usize).copied().unwrap_or(false);
                (m.concept, range, user)
            })
            .collect()
    }

    /// Whether a term of `concept` in `lang` stands in the tokens `toks`, inflected as the
    /// language inflects: each content word of the term in order, at most [`TERM_GAP`] words
    /// apart, either equal to the text's word (case, accents and plural endings aside) or the
    /// beginning of it once a final inflection is cut: in Spanish an infinitive ending
    /// (`-ar`, `-er`, `-ir`) or a final `a`, `e`, `o` (`fortalecer` matches `fortalecerán`,
    /// `conjunto` matches `conjuntas`), with the spelling changes of verb stems undone
    /// ([`ES_STEM_CHANGES`]: `promover` matches `promuevan`, `fortalecer` `fortalezcan`); in
    /// English a final `e` or `y` (`promote` matches `promoting`, `supply` matches
    /// `supplied`). The stem must keep [`STEM_MIN_CHARS`] letters; shorter words, numbers and
    /// acronyms match exactly.
    pub fn named_loosely(&self, concept: u32, toks: &[Token], lang: Lang) -> bool {
        let Some(terms) = self.loose_terms(concept) else {
            return false;
        };
        let keys: Vec<TermKey> = toks.iter().map(TermKey::of).collect();
        let index = &terms[usize::from(lang == Lang::Es)];
        (0..keys.len()).any(|start| {
            index.candidates(&keys[start], lang).into_iter().any(|i| {
                let Some((first, rest)) = index.terms[i].split_first() else {
                    return false;
                };
                if !first.fits(&keys[start], lang) {
                    return false;
                }
                let mut at = start;
                rest.iter().all(|w| {
                    let end = (at + 2 + TERM_GAP).min(keys.len());
                    match (at + 1..end).find(|&j| w.fits(&keys[j], lang)) {
                        Some(j) => {
                            at = j;
                            true
                        }
                        None => false,
                    }
                })
            })
        })
    }

    /// The loose words of `concept`'s terms, made the first time they are asked for; `None`
    /// for a concept the caller did not name.
    fn loose_terms(&self, concept: u32) -> Option<Arc<LooseTerms>> {
        if !self.user.get(concept as usize).copied().unwrap_or(false) {
            return None;
        }
        let c = self.glossary.concept(concept as usize)?;
        // A lock poisoned by a panic elsewhere still holds a usable cache.
        let cache = || {
            self.loose
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
        };
        if let Some(terms) = cache().get(&concept) {
            return Some(Arc::clone(terms));
        }
        let words = |terms: Terms<'_>, lang: Lang| -> LooseIndex {
            LooseIndex::new(terms.map(|t| loose_words(t, lang)).collect())
        };
        let terms = Arc::new([words(c.en(), Lang::En), words(c.es(), Lang::Es)]);
        cache().insert(concept, Arc::clone(&terms));
        Some(terms)
    }

    /// The caller's terms for `concept` in `lang` (all its terms when the caller gave none in
    /// that language).
    pub fn shown(&self, concept: u32, lang: Lang) -> Vec<&str> {
        let concept = concept as usize;
        if !self.user.get(concept).copied().unwrap_or(false) {
            return Vec::new();
        }
        let own = self.shown[usize::from(lang == Lang::Es)].group(concept);
        if !own.is_empty() {
            return own
                .iter()
                .map(|&e| self.callers.entry(e as usize))
                .collect();
        }
        self.glossary
            .concept(concept)
            .map_or_else(Vec::new, |c| c.terms_in(lang).collect())
    }
}

/// A term's content words (all its words when it has no other) for a loose search.
fn loose_words(term: &str, lang: Lang) -> Vec<LooseWord> {
    let toks = tokens(term, lang);
    let content: Vec<&Token> = toks.iter().filter(|t| !t.stop).collect();
    let chosen: Vec<&Token> = if content.is_empty() {
        toks.iter().collect()
    } else {
        content
    };
    chosen
        .into_iter()
        .map(|t| {
            let k = TermKey::of(t);
            let stem = if k.acronym || t.kind == TokenKind::Number {
                None
            } else {
                stem(&k.key, lang)
            };
            LooseWord {
                key: k.key,
                acronym: k.acronym,
                stem,
            }
        })
        .collect()
}

/// The beginning every inflected form of `word` (a folded, singular key) shares: the word
/// without an infinitive ending or a final vowel in Spanish, without a final `e` or `y` in
/// English; `None` when fewer than [`STEM_MIN_CHARS`] letters would be left.
fn stem(word: &str, lang: Lang) -> Option<String> {
    let cut = match lang {
        Lang::Es if ["ar", "er", "ir"].iter().any(|e| word.ends_with(e)) => 2,
        Lang::Es if word.ends_with(['a', 'e', 'o']) => 1,
        Lang::En if word.ends_with(['e', 'y']) => 1,
        _ => 0,
    };
    let chars: Vec<char> = word.chars().collect();
    let keep = chars.len().checked_sub(cut)?;
    (keep >= STEM_MIN_CHARS).then(|| chars[..keep].iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_table_parses_and_keeps_instruments_apart() {
        let text = include_str!("../lang/glossary_en_es.tsv");
        let g = Glossary::from_tsv(text).expect("the built-in glossary parses");
        assert!(g.len() > 200, "{} concepts", g.len());
        let concept_of = |en: &str| {
            g.concepts()
                .position(|c| c.en().any(|t| fold(t) == fold(en)))
        };
        let mou = concept_of("memorandum of understanding").expect("MOU listed");
        let moc = concept_of("memorandum of collaboration").expect("MOC listed");
        assert_ne!(mou, moc);
        assert_eq!(concept_of("CUSMA"), concept_of("USMCA"));
        let cusma = g.concept(concept_of("CUSMA").unwrap()).unwrap();
        assert!(cusma.es().any(|t| t == "T-MEC"), "{cusma:?}");
    }

    #[test]
    fn terms_that_match_alike_are_one_term() {
        let g = Glossary::from_tsv(
            "\u{feff}# a BOM first\nzorblat pact\tZORBLAT\nzorblat accord\tZOR-BLAT\n",
        )
        .unwrap();
        assert_eq!(g.len(), 1, "{g:?}");
        assert_eq!(g.concept(0).unwrap().to_concept().es, ["ZORBLAT"]);
    }

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
    fn synonyms_merge_through_shared_terms_and_across_glossaries() {
        let mut g = Glossary::from_tsv("CUSMA\tT-MEC\nUSMCA\tT-MEC\nhealth\tsalud\n").unwrap();
        assert_eq!(g.len(), 2);
        assert_eq!(g.concept(0).unwrap().to_concept().en, ["CUSMA", "USMCA"]);
        let more =
            Glossary::from_tsv("CUSMA\tTratado entre México, Estados Unidos y Canadá\r\n").unwrap();
        g.extend(&more);
        assert_eq!(g.len(), 2);
        assert_eq!(g.concept(0).unwrap().to_concept().es.len(), 2);
    }

    #[test]
    fn terms_match_longest_first_over_inflected_text() {
        let g = Glossary::from_tsv(
            "memorandum\tmemorándum\nMemorandum of Understanding\tmemorándum de entendimiento\nworker\ttrabajador\n",
        )
        .unwrap();
        let index = TermIndex::new(&g, Lang::Es);
        let toks = tokens(
            "Los memorándums de entendimiento para trabajadores",
            Lang::Es,
        );
        let found = index.find(&toks);
        assert_eq!(
            found,
            [
                TermMatch {
                    start: 1,
                    len: 3,
                    concept: 1
                },
                TermMatch {
                    start: 5,
                    len: 1,
                    concept: 2
                }
            ]
        );
        // In a heading set in capitals.
        let toks = tokens("MEMORÁNDUM DE ENTENDIMIENTO", Lang::Es);
        assert_eq!(index.find(&toks).len(), 1);
        assert_eq!(index.find(&toks)[0].concept, 1);
        // A term written as an acronym matches only an acronym.
        let g = Glossary::from_tsv("WHO\tOMS\n").unwrap();
        let index = TermIndex::new(&g, Lang::En);
        assert!(index.find(&tokens("those who study", Lang::En)).is_empty());
        assert_eq!(index.find(&tokens("the WHO said", Lang::En)).len(), 1);
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

    #[test]
    fn only_concepts_holding_a_callers_term_are_checked() {
        let user =
            Glossary::from_tsv("MOC\tmemorándum de colaboración\nzorblat\tzorblata\n").unwrap();
        let t = Terminology::new(Glossary::builtin(), &user);
        let found = |text: &str, lang: Lang| -> Vec<(String, bool)> {
            let toks = tokens(text, lang);
            t.find(&toks, lang)
                .into_iter()
                .map(|(_, r, user)| (text[r].to_string(), user))
                .collect()
        };
        // The built-in concept the caller's MOC joined is the caller's; trade is not.
        assert_eq!(
            found("The Memorandum of Collaboration on trade", Lang::En),
            [
                ("Memorandum of Collaboration".to_string(), true),
                ("trade".to_string(), false)
            ]
        );
        assert_eq!(
            found("un zorblata", Lang::Es),
            [("zorblata".to_string(), true)]
        );
    }

    #[test]
    fn counterparts_are_found_in_inflected_forms() {
        let user = Glossary::from_tsv(
            "strengthen\tfortalecer\npromote\tpromover\njoint\tconjunto\nsupply chain\tcadena de suministro\nsearch\tbuscar\nT-MEC\tT-MEC\nsign\tfirmar\n",
        )
        .unwrap();
        let t = Terminology::new(&Glossary::new(), &user);
        let concept = |term: &str| {
            t.find(&tokens(term, Lang::En), Lang::En)
                .first()
                .map(|f| f.0)
                .unwrap_or_else(|| panic!("{term} not found"))
        };
        let es = |term: &str, text: &str| {
            t.named_loosely(concept(term), &tokens(text, Lang::Es), Lang::Es)
        };
        let en = |term: &str, text: &str| {
            t.named_loosely(concept(term), &tokens(text, Lang::En), Lang::En)
        };
        assert!(es("strengthen", "ambos países fortalecerán la cooperación"));
        assert!(es("strengthen", "que fortalezcan la trazabilidad"));
        assert!(!es("strengthen", "que refuercen la trazabilidad"));
        assert!(es("promote", "acciones que promuevan la inclusión"));
        assert!(es("joint", "investigaciones conjuntas"));
        assert!(es("supply chain", "las Cadenas de Suministro regionales"));
        assert!(es("supply chain", "cadenas globales de suministro"));
        assert!(!es("supply chain", "cadenas de valor y de suministro"));
        assert!(es("search", "que busquen soluciones"));
        assert!(es("T-MEC", "el TMEC"));
        assert!(!es("T-MEC", "el tmec"));
        assert!(en("strengthen", "strengthening ties"));
        assert!(en("promote", "promoting trade"));
        assert!(en("supply chain", "supply-chain resilience"));
        // Short words match only as they are.
        assert_eq!(stem("firmar", Lang::Es).as_deref(), Some("firm"));
        assert_eq!(stem("pedir", Lang::Es), None);
        assert_eq!(stem("supply", Lang::En).as_deref(), Some("suppl"));
        assert_eq!(stem("sign", Lang::En).as_deref(), Some("sign"));
        assert!(es("sign", "la próxima firma del acuerdo"));
    }

    #[test]
    fn synonyms_keep_their_first_spelling_and_order_and_notes_once() {
        let g = Glossary::from_tsv(
            "supply chain\tcadena de suministro\tnote A\n\
             Supply Chains\tcadena de suministro\tnote A\n\
             supply chain\tCadenas de Suministro\tnote B\n\
             supply network\tcadena de suministro\n\
             value chain\tcadena de valor\n",
        )
        .unwrap();
        assert_eq!(g.len(), 2, "{g:?}");
        let c = &g.concept(0).unwrap().to_concept();
        assert_eq!(c.en, ["supply chain", "supply network"]);
        assert_eq!(c.es, ["cadena de suministro"]);
        assert_eq!(c.notes, ["note A", "note B"]);
        assert_eq!(g.concept(1).unwrap().to_concept().en, ["value chain"]);
    }

    #[test]
    fn the_callers_terms_are_shown_in_the_callers_order_once_per_key() {
        // The built-in concept of the USMCA gains the caller's spellings; they are shown in
        // the caller's order, the first spelling of each key only.
        let user = Glossary::from_tsv("USMCA\tT-MEC\nCUSMA\tTMEC\nusmca\tT-MEC\n").unwrap();
        let t = Terminology::new(Glossary::builtin(), &user);
        let toks = tokens("the USMCA", Lang::En);
        let (concept, _, named) = t.find(&toks, Lang::En)[0].clone();
        assert!(named);
        assert_eq!(t.shown(concept, Lang::En), ["USMCA", "CUSMA"]);
        assert_eq!(t.shown(concept, Lang::Es), ["T-MEC"]);
    }
}
