//! Lists: an item of an enumeration of names (`lsdiff, interdiff and filterdiff`) that the
//! other side's list lacks. The evidence is positive: the other side has a list with the other
//! items, as they are, and fewer of them, and nothing in its sentences translates the item.
//! Lists of words a translation translates (`installed, upgraded or removed`) are left to the
//! clause comparison: a translation may render them in other words or fewer.

use std::collections::HashSet;
use std::ops::Range;

use super::omission::left_out;
use super::{Context, Draft, Piece};
use crate::divergence::DivergenceKind;
use crate::document::Document;

/// One list of one sentence: the byte range of each item's word in the sentence's text.
struct List {
    sentence: usize,
    items: Vec<Range<usize>>,
}

impl Context<'_, '_, '_> {
    /// Items of a list of one side that the other side's list of the same items leaves out.
    pub(super) fn list_items(
        &self,
        p: usize,
        sentences: [&[usize]; 2],
        classes: &[HashSet<u32>; 2],
        out: &mut Vec<Draft>,
    ) {
        let lists = [0, 1].map(|side| lists_of(self.doc(side), sentences[side]));
        if lists.iter().any(Vec::is_empty) {
            return;
        }
        // Per side, the words of its sentences as written: whole tokens (`docbook-xsl`) and
        // their parts. A name a translation copies keeps its case.
        let words = [0, 1].map(|side| {
            let mut words = hashbrown::HashSet::new();
            for &i in sentences[side] {
                for token in self.doc(side).sentences()[i].text().split_whitespace() {
                    words.insert(core(token));
                    words.extend(token.split(|c: char| !c.is_alphanumeric()));
                }
            }
            words
        });
        // Whether the item at `range` of sentence `i` of `side` stands as it is in the other
        // side's sentences: a name, a program, a file.
        let copied = |side: usize, i: usize, range: &Range<usize>| {
            let item = self.doc(side).sentences()[i]
                .text()
                .get(range.clone())
                .unwrap_or_default();
            words[1 - side].contains(item)
        };
        // Or has, for each of its words, a word of the same class there (`docbook-xml` is not
        // linked by its `docbook` alone).
        let linked = |side: usize, i: usize, range: &Range<usize>| {
            let mut words = self.detail[side]
                .get(i)
                .into_iter()
                .flatten()
                .filter(|c| c.range.start < range.end && range.start < c.range.end)
                .peekable();
            words.peek().is_some()
                && words.all(|c| c.class.is_some_and(|k| classes[1 - side].contains(&k)))
        };
        for side in 0..2 {
            let other = 1 - side;
            for list in &lists[side] {
                let here: Vec<bool> = list
                    .items
                    .iter()
                    .map(|r| copied(side, list.sentence, r))
                    .collect();
                let kept = here.iter().filter(|&&h| h).count();
                if kept < 2 || kept == here.len() {
                    continue;
                }
                // The other side's list of the same items, shorter.
                let shorter = lists[other].iter().any(|theirs| {
                    theirs.items.len() < list.items.len()
                        && theirs
                            .items
                            .iter()
                            .filter(|r| copied(other, theirs.sentence, r))
                            .count()
                            >= 2
                });
                if !shorter {
                    continue;
                }
                let text = self.doc(side).sentences()[list.sentence].text();
                let missing = list
                    .items
                    .iter()
                    .zip(&here)
                    .filter(|(r, &h)| !h && !linked(side, list.sentence, r));
                for (range, _) in missing {
                    let piece = Piece {
                        sentence: list.sentence,
                        range: range.clone(),
                    };
                    // A clause found left out already says it.
                    let said = out.iter().rev().take_while(|d| d.pair == Some(p)).any(|d| {
                        matches!(d.kind, DivergenceKind::Omission | DivergenceKind::Addition)
                            && [&d.a, &d.b][side].as_ref().is_some_and(|e| {
                                e.sentence == piece.sentence
                                    && e.range.start <= range.start
                                    && range.end <= e.range.end
                            })
                    });
                    if said {
                        continue;
                    }
                    let message = format!(
                        "\"{}\", an item of a list of {}, has no counterpart in the {} list of {}",
                        text.get(range.clone()).unwrap_or_default(),
                        list.items.len(),
                        self.name(other),
                        list.items.len() - 1
                    );
                    out.push(left_out(side, p, piece, message, 0.6));
                }
            }
        }
    }
}

/// The lists of sentences `idx` of `doc`: runs of one-word items apart by commas, the last
/// after a joiner of the language (`A, B and C`, `A y B`, `A, B, C etc.`). A list with a
/// function word for an item is prose, not a list (`this, you and I`).
fn lists_of(doc: &Document<'_>, idx: &[usize]) -> Vec<List> {
    let tables = doc.lang().tables();
    let joiner = |w: &str| {
        tables
            .list_joiners
            .iter()
            .any(|j| w.eq_ignore_ascii_case(j))
    };
    // `TODO` is a file, not `todo`.
    let function_word =
        |w: &str| !w.chars().all(|c| !c.is_lowercase()) && tables.is_stop_word(&w.to_lowercase());
    let mut out = Vec::new();
    for &i in idx {
        let Some(sentence) = doc.sentences().get(i) else {
            continue;
        };
        let text = sentence.text();
        // Whitespace tokens: the range of the word each holds, and whether a comma follows.
        let tokens: Vec<(Range<usize>, bool)> = whitespace_tokens(text)
            .map(|(at, raw)| {
                let word = core(raw);
                let lead = offset(raw, word);
                let comma = raw[lead + word.len()..].starts_with(',');
                (at + lead..at + lead + word.len(), comma)
            })
            .collect();
        let word = |k: usize| &text[tokens[k].0.clone()];
        let mut k = 0;
        while k < tokens.len() {
            // A list starts at an item a comma or a joiner follows.
            let starts = tokens[k].1 || (k + 1 < tokens.len() && joiner(word(k + 1)));
            if !starts {
                k += 1;
                continue;
            }
            let mut items = vec![k];
            let mut at = k;
            let mut closed = false;
            loop {
                let next = at + 1;
                if next >= tokens.len() {
                    break;
                }
                if joiner(word(next)) {
                    if word(next).eq_ignore_ascii_case("etc") {
                        closed = items.len() >= 2;
                        break;
                    }
                    // The last item, after an article if one stands first (`and the FHS`).
                    let mut last = next + 1;
                    while last < tokens.len() && function_word(word(last)) {
                        last += 1;
                    }
                    if last < tokens.len() && last <= next + 2 {
                        items.push(last);
                        closed = true;
                    }
                    break;
                }
                if !tokens[at].1 {
                    break;
                }
                items.push(next);
                at = next;
            }
            let end = *items.last().unwrap_or(&k);
            let prose = items
                .iter()
                .any(|&j| word(j).is_empty() || function_word(word(j)) || joiner(word(j)));
            if closed && items.len() >= 2 && !prose {
                out.push(List {
                    sentence: i,
                    items: items.iter().map(|&j| tokens[j].0.clone()).collect(),
                });
                k = end + 1;
            } else {
                k += 1;
            }
        }
    }
    out
}

/// The tokens of `text` apart by white space, each with its byte offset.
fn whitespace_tokens(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_whitespace()
        .map(move |raw| (offset(text, raw), raw))
}

/// Where `part`, a slice of `text`, starts in it.
fn offset(text: &str, part: &str) -> usize {
    part.as_ptr() as usize - text.as_ptr() as usize
}

/// A token without the quotes, brackets and punctuation around it (`«lsdiff»,` → `lsdiff`).
fn core(raw: &str) -> &str {
    raw.trim_matches(|c: char| {
        matches!(
            c,
            '"' | '\'' | '«' | '»' | '“' | '”' | '‘' | '’' | '(' | ')' | '[' | ']' | '¿' | '¡'
        ) || matches!(c, ',' | ';' | ':' | '.' | '!' | '?')
    })
}
