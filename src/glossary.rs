//! Bilingual term pairs: the built-in general vocabulary and the caller's own glossaries.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::lang::Lang;
use crate::tokens::{fold, tokens, Token, TokenKind};

/// One concept: its English and Spanish terms (synonyms on each side) and notes.
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
/// aligner counts a concept named on both sides of a sentence pair as shared evidence.
///
/// ```
/// use paridad::Glossary;
///
/// let tsv = "# term pairs\nMemorandum of Understanding\tmemorándum de entendimiento\nMOU\tmemorándum de entendimiento\tacronym\n";
/// let glossary = Glossary::from_tsv(tsv)?;
/// assert_eq!(glossary.len(), 1);
/// let concept = &glossary.concepts()[0];
/// assert_eq!(concept.en, ["Memorandum of Understanding", "MOU"]);
/// assert_eq!(concept.es, ["memorándum de entendimiento"]);
/// # Ok::<(), paridad::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Glossary {
    concepts: Vec<Concept>,
}

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
            Glossary::from_tsv(include_str!("lang/glossary_en_es.tsv")).unwrap_or_default()
        })
    }

    /// Reads `English<TAB>Spanish[<TAB>note]` lines. Lines that share a term (compared without
    /// case or accents) are synonyms of one concept; `#` starts a comment line; blank lines
    /// are skipped. A line with fewer than two fields, an empty term or more than three fields
    /// is an error naming the line.
    pub fn from_tsv(text: &str) -> Result<Glossary, Error> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut lines = Vec::new();
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
            lines.push((en, es, note));
        }
        let mut glossary = Glossary::new();
        glossary.add_lines(&lines);
        Ok(glossary)
    }

    /// Adds the concepts of `other`, merging concepts that share a term.
    pub fn extend(&mut self, other: &Glossary) {
        let mut lines = Vec::new();
        for c in self.concepts.iter().chain(&other.concepts) {
            // Re-express each concept as lines that share its first terms, so union by term
            // merges concepts across glossaries.
            let en0 = c.en.first().map(String::as_str).unwrap_or("");
            let es0 = c.es.first().map(String::as_str).unwrap_or("");
            for en in &c.en {
                lines.push((en.as_str(), es0, None));
            }
            for es in &c.es {
                lines.push((en0, es.as_str(), None));
            }
            for note in &c.notes {
                lines.push((en0, es0, Some(note.as_str())));
            }
        }
        let mut merged = Glossary::new();
        merged.add_lines(&lines);
        *self = merged;
    }

    /// The concepts, in the order their first line appeared.
    pub fn concepts(&self) -> &[Concept] {
        &self.concepts
    }

    /// How many concepts there are.
    pub fn len(&self) -> usize {
        self.concepts.len()
    }

    /// True when there are no concepts.
    pub fn is_empty(&self) -> bool {
        self.concepts.is_empty()
    }

    /// Appends lines, grouping them into concepts by shared terms (union–find over terms).
    fn add_lines(&mut self, lines: &[(&str, &str, Option<&str>)]) {
        let mut term_node: HashMap<(bool, String), usize> = HashMap::new();
        let mut parent: Vec<usize> = Vec::new();
        let mut node = |spanish: bool, term: &str, parent: &mut Vec<usize>| -> usize {
            let key = (spanish, term_key(term, spanish));
            *term_node.entry(key).or_insert_with(|| {
                parent.push(parent.len());
                parent.len() - 1
            })
        };
        let mut line_nodes = Vec::with_capacity(lines.len());
        for (en, es, _) in lines {
            let a = node(false, en, &mut parent);
            let b = node(true, es, &mut parent);
            union(&mut parent, a, b);
            line_nodes.push(a);
        }
        let mut concept_of_root: HashMap<usize, usize> = HashMap::new();
        let first = self.concepts.len();
        for ((en, es, note), &a) in lines.iter().zip(&line_nodes) {
            let root = find(&mut parent, a);
            let index = *concept_of_root.entry(root).or_insert_with(|| {
                self.concepts.push(Concept::default());
                self.concepts.len() - 1
            });
            let concept = &mut self.concepts[index];
            push_unique(&mut concept.en, en, false);
            push_unique(&mut concept.es, es, true);
            if let Some(note) = note {
                if !concept.notes.iter().any(|n| n == note) {
                    concept.notes.push(note.to_string());
                }
            }
        }
        debug_assert!(self.concepts.len() >= first);
    }
}

/// Terms are the same when they match the same text: their token keys, case aside
/// (`T-MEC` and `TMEC`, `memorándum` and `Memorandums`).
fn term_key(term: &str, spanish: bool) -> String {
    let lang = if spanish { Lang::Es } else { Lang::En };
    let keys: Vec<String> = tokens(term, lang)
        .iter()
        .map(|t| t.key.to_lowercase())
        .collect();
    if keys.is_empty() {
        fold(term)
    } else {
        keys.join(" ")
    }
}

fn push_unique(list: &mut Vec<String>, term: &str, spanish: bool) {
    let key = term_key(term, spanish);
    if !term.is_empty() && !list.iter().any(|t| term_key(t, spanish) == key) {
        list.push(term.to_string());
    }
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
#[derive(Debug, Default)]
pub(crate) struct TermIndex {
    by_first: HashMap<String, Vec<(Vec<TermKey>, u32)>>,
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
        let mut by_first: HashMap<String, Vec<(Vec<TermKey>, u32)>> = HashMap::new();
        for (i, c) in glossary.concepts.iter().enumerate() {
            let terms = match lang {
                Lang::En => &c.en,
                Lang::Es => &c.es,
            };
            for term in terms {
                let keys: Vec<TermKey> = tokens(term, lang).iter().map(TermKey::of).collect();
                if let Some(first) = keys.first() {
                    by_first
                        .entry(first.key.clone())
                        .or_default()
                        .push((keys, i as u32));
                }
            }
        }
        for list in by_first.values_mut() {
            list.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.1.cmp(&b.1)));
            list.dedup();
        }
        TermIndex { by_first }
    }

    /// Longest-first, left-to-right matches of terms over a text's tokens. Words match
    /// whatever their case, so a term also matches in a heading set in capitals; a term
    /// written as an acronym (`WHO`) matches only an acronym, never the word `who`.
    pub fn find(&self, toks: &[Token]) -> Vec<TermMatch> {
        let keys: Vec<TermKey> = toks.iter().map(TermKey::of).collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < keys.len() {
            let found = self.by_first.get(&keys[i].key).and_then(|cands| {
                cands.iter().find(|(term, _)| {
                    keys.get(i..i + term.len()).is_some_and(|window| {
                        window
                            .iter()
                            .zip(term)
                            .all(|(t, k)| t.key == k.key && (t.acronym || !k.acronym))
                    })
                })
            });
            match found {
                Some((term, concept)) => {
                    out.push(TermMatch {
                        start: i,
                        len: term.len(),
                        concept: *concept,
                    });
                    i += term.len();
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_table_parses_and_keeps_instruments_apart() {
        let text = include_str!("lang/glossary_en_es.tsv");
        let g = Glossary::from_tsv(text).expect("the built-in glossary parses");
        assert!(g.len() > 200, "{} concepts", g.len());
        let concept_of = |en: &str| {
            g.concepts()
                .iter()
                .position(|c| c.en.iter().any(|t| fold(t) == fold(en)))
        };
        let mou = concept_of("memorandum of understanding").expect("MOU listed");
        let moc = concept_of("memorandum of collaboration").expect("MOC listed");
        assert_ne!(mou, moc);
        assert_eq!(concept_of("CUSMA"), concept_of("USMCA"));
        let cusma = &g.concepts()[concept_of("CUSMA").unwrap()];
        assert!(cusma.es.iter().any(|t| t == "T-MEC"), "{cusma:?}");
    }

    #[test]
    fn terms_that_match_alike_are_one_term() {
        let g = Glossary::from_tsv(
            "\u{feff}# a BOM first\nzorblat pact\tZORBLAT\nzorblat accord\tZOR-BLAT\n",
        )
        .unwrap();
        assert_eq!(g.len(), 1, "{g:?}");
        assert_eq!(g.concepts()[0].es, ["ZORBLAT"]);
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
        assert_eq!(g.concepts()[0].en, ["CUSMA", "USMCA"]);
        let more =
            Glossary::from_tsv("CUSMA\tTratado entre México, Estados Unidos y Canadá\r\n").unwrap();
        g.extend(&more);
        assert_eq!(g.len(), 2);
        assert_eq!(g.concepts()[0].es.len(), 2);
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
}
