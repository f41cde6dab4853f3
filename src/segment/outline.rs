//! The numbering outline: where a heading stands in the tree, and its id.

use std::collections::{HashMap, HashSet};

use super::heading::{self, Label};
use crate::document::SectionKind;
use crate::lang::HeadingKeyword;

/// The numbering style of a level; siblings share a style.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Style {
    Roman,
    Dotted(usize),
    Paren,
    Letter,
    Keyword(HeadingKeyword),
    Caps,
}

#[derive(Debug)]
struct Open {
    style: Style,
    value: Option<u32>,
    section: usize,
    id: String,
    /// The values of the siblings before it in its list.
    earlier: Vec<u32>,
}

/// Where an accepted heading goes.
pub(crate) struct Placement {
    pub id: String,
    pub kind: SectionKind,
    pub parent: Option<usize>,
    pub depth: usize,
}

/// The stack of open levels, from the top level down.
#[derive(Default)]
pub(crate) struct Outline {
    stack: Vec<Open>,
    ids: HashSet<String>,
    /// Per id given twice or more, the suffix to try next (`1~2`, `1~3` …), so that a number
    /// that comes back thousands of times costs one probe, not one per earlier use.
    next_suffix: HashMap<String, usize>,
    caps_count: usize,
}

impl Outline {
    /// Places a numbered or keyword heading that will become section number `section`;
    /// `None` when its number does not fit the outline (then it is text, not a heading).
    pub fn place(&mut self, label: &Label, section: usize) -> Option<Placement> {
        self.place_as(label, section, false)
    }

    /// Places a heading whose number is out of sequence (a section moved to the head of its
    /// list, or far after the one before it); the caller has checked that its list is a
    /// permutation (see [`Outline::siblings`]).
    pub fn place_out_of_order(&mut self, label: &Label, section: usize) -> Option<Placement> {
        self.place_as(label, section, true)
    }

    /// The values already used in the list a numbered `label` would join.
    pub fn siblings(&self, label: &Label) -> Vec<u32> {
        let style = style_of(label);
        match self.stack.iter().rposition(|o| o.style == style) {
            Some(pos) => {
                let open = &self.stack[pos];
                open.earlier.iter().copied().chain(open.value).collect()
            }
            None => Vec::new(),
        }
    }

    /// Whether a heading labelled `other` would close the list a numbered `label` would join:
    /// it belongs to a level above that list.
    pub fn ends_list(&self, label: &Label, other: &Label) -> bool {
        let style = style_of(label);
        let pos = self
            .stack
            .iter()
            .rposition(|o| o.style == style)
            .unwrap_or(self.stack.len());
        let theirs = style_of(other);
        matches!(theirs, Style::Keyword(_)) || self.stack[..pos].iter().any(|o| o.style == theirs)
    }

    fn place_as(&mut self, label: &Label, section: usize, out_of_order: bool) -> Option<Placement> {
        let value = label.value();
        let mut earlier = Vec::new();
        let style = style_of(label);
        let kind = match label {
            Label::Roman(_) => SectionKind::Part,
            Label::Keyword(k, _) => keyword_kind(*k),
            _ => SectionKind::Numbered,
        };
        match (label, style) {
            (Label::Keyword(k, _), _) => {
                let rank = k.rank();
                while let Some(top) = self.stack.last() {
                    let keep = match top.style {
                        Style::Keyword(t) => t.rank() < rank && rank > 0,
                        _ => false,
                    };
                    if keep {
                        break;
                    }
                    self.stack.pop();
                }
            }
            (_, Style::Dotted(depth)) if depth > 1 => {
                while let Some(top) = self.stack.last() {
                    match top.style {
                        Style::Dotted(d) if d < depth => break,
                        Style::Dotted(_) | Style::Paren | Style::Letter => {
                            self.stack.pop();
                        }
                        _ => break,
                    }
                }
            }
            _ => {
                if let Some(pos) = self.stack.iter().rposition(|o| o.style == style) {
                    let last = self.stack[pos].value.unwrap_or(0);
                    let v = value?;
                    if v == 0 || (v > last + 5 && !out_of_order) {
                        return None;
                    }
                    let open = &mut self.stack[pos];
                    earlier = std::mem::take(&mut open.earlier);
                    earlier.extend(open.value);
                    self.stack.truncate(pos);
                } else if value.is_none_or(|v| v > 3 && !out_of_order) {
                    return None;
                }
            }
        }
        let parent = self.stack.last();
        let id = match label {
            Label::Keyword(k, Some(n)) => format!("{}:{}", k.tag(), n),
            Label::Keyword(k, None) => k.tag().to_string(),
            Label::Dotted(parts) if parts.len() > 1 => parts.join("."),
            other => child_id(parent.map(|p| p.id.as_str()), &own_label(other)),
        };
        let placed = self.push(style, value, section, id, kind);
        if let Some(top) = self.stack.last_mut() {
            top.earlier = earlier;
        }
        Some(placed)
    }

    /// Places an unnumbered heading in capitals after the preamble: `heading:N` at the top level.
    pub fn place_caps(&mut self, section: usize) -> Placement {
        self.stack.clear();
        self.caps_count += 1;
        let id = format!("heading:{}", self.caps_count);
        self.push(Style::Caps, None, section, id, SectionKind::Heading)
    }

    fn push(
        &mut self,
        style: Style,
        value: Option<u32>,
        section: usize,
        id: String,
        kind: SectionKind,
    ) -> Placement {
        let mut unique = id.clone();
        // A number the document uses twice, once inside a keyword heading (a preface's `3.1`
        // and chapter 3's `3.1`): the second is named by that heading, `ch:3/3.1`.
        if self.ids.contains(&unique) {
            let keyword = self
                .stack
                .iter()
                .rev()
                .find(|o| matches!(o.style, Style::Keyword(_)));
            if let Some(open) = keyword {
                let qualified = format!("{}/{id}", open.id);
                if !self.ids.contains(&qualified) {
                    unique = qualified;
                }
            }
        }
        if !self.ids.insert(unique.clone()) {
            let next = self.next_suffix.entry(id.clone()).or_insert(2);
            loop {
                unique = format!("{id}~{next}");
                *next += 1;
                if self.ids.insert(unique.clone()) {
                    break;
                }
            }
        }
        let parent = self.stack.last().map(|o| o.section);
        let depth = self.stack.len();
        self.stack.push(Open {
            style,
            value,
            section,
            id: unique.clone(),
            earlier: Vec::new(),
        });
        Placement {
            id: unique,
            kind,
            parent,
            depth,
        }
    }
}

fn style_of(label: &Label) -> Style {
    match label {
        Label::Roman(_) => Style::Roman,
        Label::Dotted(parts) => Style::Dotted(parts.len()),
        Label::Paren(_) => Style::Paren,
        Label::Letter(_) => Style::Letter,
        Label::Keyword(k, _) => Style::Keyword(*k),
    }
}

fn keyword_kind(k: HeadingKeyword) -> SectionKind {
    match k {
        HeadingKeyword::Annex => SectionKind::Annex,
        HeadingKeyword::Appendix => SectionKind::Appendix,
        HeadingKeyword::Part => SectionKind::Part,
        HeadingKeyword::Title => SectionKind::Title,
        HeadingKeyword::Chapter => SectionKind::Chapter,
        HeadingKeyword::Section => SectionKind::Section,
        HeadingKeyword::Article => SectionKind::Article,
    }
}

fn own_label(label: &Label) -> String {
    match label {
        Label::Roman(n) => heading::to_roman(*n),
        Label::Dotted(parts) => parts.join("."),
        Label::Paren(n) => n.to_string(),
        Label::Letter(c) => c.to_string(),
        Label::Keyword(_, n) => n.clone().unwrap_or_default(),
    }
}

/// `I` + `4` → `I.4`; `annex` + `1` → `annex:1` (after a bare tag the separator is `:`).
fn child_id(parent: Option<&str>, label: &str) -> String {
    match parent {
        None => label.to_string(),
        Some(p) if p.chars().all(|c| c.is_ascii_lowercase()) => format!("{p}:{label}"),
        Some(p) => format!("{p}.{label}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dotted(n: &str) -> Label {
        Label::Dotted(n.split('.').map(String::from).collect())
    }

    #[test]
    fn pillars_sections_and_annexes() {
        let mut o = Outline::default();
        let ids: Vec<String> = [
            Label::Roman(1),
            dotted("1"),
            dotted("2"),
            Label::Roman(2),
            dotted("1"),
            Label::Keyword(HeadingKeyword::Annex, None),
            Label::Paren(1),
            Label::Letter('a'),
            Label::Letter('b'),
            Label::Paren(2),
        ]
        .iter()
        .enumerate()
        .map(|(i, l)| o.place(l, i + 1).unwrap().id)
        .collect();
        assert_eq!(
            ids,
            [
                "I",
                "I.1",
                "I.2",
                "II",
                "II.1",
                "annex",
                "annex:1",
                "annex:1.a",
                "annex:1.b",
                "annex:2"
            ]
        );
    }

    #[test]
    fn numbers_that_come_back_get_ids_made_unique_in_order() {
        // Lists that restart (every chapter's `1.` to `3.`): the second `1.` is `1~2`, the
        // third `1~3`, whatever the number of earlier ones.
        let text: String = (0..3000)
            .map(|i| {
                format!(
                    "{}. Tema comercial\n\nLas partes cooperarán en el puerto {i}.\n\n",
                    i % 3 + 1
                )
            })
            .collect();
        let doc = crate::Document::parse(&text, crate::Lang::Es).unwrap();
        let ids: Vec<&str> = doc
            .sections()
            .iter()
            .map(|s| s.id())
            .filter(|&id| id != "preamble")
            .collect();
        assert_eq!(&ids[..7], ["1", "2", "3", "1~2", "2~2", "3~2", "1~3"]);
        assert_eq!(&ids[2997..], ["1~1000", "2~1000", "3~1000"]);
        let unique: HashSet<&str> = ids.iter().copied().collect();
        assert_eq!(unique.len(), 3000);
    }

    #[test]
    fn gaps_and_swaps_are_accepted_but_wild_numbers_are_not() {
        let mut o = Outline::default();
        assert_eq!(o.place(&dotted("1"), 1).unwrap().id, "1");
        assert_eq!(
            o.place(&dotted("3"), 2).unwrap().id,
            "3",
            "a deleted section leaves a gap"
        );
        assert_eq!(
            o.place(&dotted("2"), 3).unwrap().id,
            "2",
            "swapped sections"
        );
        assert!(o.place(&dotted("40"), 4).is_none(), "far out of sequence");
        assert!(
            Outline::default().place(&dotted("7"), 1).is_none(),
            "a list does not start at 7"
        );
    }

    #[test]
    fn multilevel_numbers_keep_their_printed_path_and_nest() {
        let mut o = Outline::default();
        let p2 = o.place(&dotted("2"), 1).unwrap();
        assert_eq!(p2.id, "2");
        let p24 = o.place(&dotted("2.4"), 2).unwrap();
        assert_eq!((p24.id.as_str(), p24.parent), ("2.4", Some(1)));
        let p241 = o.place(&dotted("2.4.1"), 3).unwrap();
        assert_eq!((p241.id.as_str(), p241.parent), ("2.4.1", Some(2)));
        let p3 = o.place(&dotted("3"), 4).unwrap();
        assert_eq!((p3.id.as_str(), p3.parent), ("3", None));
    }

    #[test]
    fn keywords_nest_by_rank() {
        let mut o = Outline::default();
        let ch = |n: &str| Label::Keyword(HeadingKeyword::Chapter, Some(n.into()));
        let art = |n: &str| Label::Keyword(HeadingKeyword::Article, Some(n.into()));
        assert_eq!(o.place(&ch("1"), 1).unwrap().parent, None);
        let a1 = o.place(&art("1"), 2).unwrap();
        assert_eq!((a1.id.as_str(), a1.parent), ("art:1", Some(1)));
        assert_eq!(o.place(&dotted("1"), 3).unwrap().id, "art:1.1");
        let a2 = o.place(&art("2"), 4).unwrap();
        assert_eq!((a2.id.as_str(), a2.parent), ("art:2", Some(1)));
        let c2 = o.place(&ch("2"), 5).unwrap();
        assert_eq!((c2.id.as_str(), c2.parent), ("ch:2", None));
    }
}
