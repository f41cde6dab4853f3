//! Tables of contents and lists of tables, figures and examples: found before the structure is
//! read, so that their entries never open sections.
//!
//! A block is a run of heading-like lines (entries) with no body text between them, blank
//! lines and layout noise allowed. A run is contents when
//! - it starts with a front-matter title (`Table of Contents`, `Índice`, `List of Tables`,
//!   `Table des matières`, in any language paridad reads) and at least one entry follows; or
//! - without a title, its entries come back later in the document: from the first entry whose
//!   number and title a later heading repeats to the end of the run, when two entries are
//!   repeated, or when the heading right after the run repeats that first one; or
//! - without a title, two of its entries end with a page reference (`Energy ...... 3`).
//!
//! A run ends before an entry that repeats one of its own (number and title), or that has text
//! under it and does not come back: that is the first real heading after the block. Between entries, a line
//! that continues the entry above (no blank line between, not a sentence end) is part of it, and
//! an unnumbered title-like line (`Preface`) is part of the run when an entry follows it.
//!
//! Where it still fails: an untitled block whose entries the body words differently, and whose
//! entries carry no page numbers, is not found (the document then gets numbers seen twice,
//! which the check reports); a run of real headings with nothing between them, all of which
//! come back later with the same number and title (a document that repeats its own outline in
//! two parts), is taken for contents.

use std::collections::{HashMap, HashSet};

use crate::document::SkipKind;
use crate::lang::{self, Tables};

use super::heading::{self, Label};
use super::lines::Line;

/// What one content line is, for the search.
enum Kind {
    /// A front-matter title.
    Title,
    /// A heading-like line: its number (as [`key`] gives it) and normalised title.
    Entry {
        key: String,
        title: String,
        page: bool,
    },
    /// Anything else: `short` when it could be a title, `ends` when it ends a sentence,
    /// `upper` when it starts with a capital.
    Other {
        short: bool,
        ends: bool,
        upper: bool,
    },
}

/// Per line, whether it belongs to a contents block. `noise` marks layout noise, which a block
/// steps over (a running header that reads like an entry is read as one).
pub(crate) fn find(
    text: &str,
    lines: &[Line],
    noise: &[Option<SkipKind>],
    tables: &Tables,
) -> Vec<bool> {
    let transparent = |i: usize| {
        lines[i].is_blank() || matches!(noise[i], Some(k) if k != SkipKind::RunningHeader)
    };
    let kinds: Vec<Option<Kind>> = (0..lines.len())
        .map(|i| (!transparent(i)).then(|| classify(text, lines, i, tables)))
        .collect();
    // The last line each (number, title) and each number stands on, with that line's title.
    let mut last_exact: HashMap<(&str, &str), usize> = HashMap::new();
    let mut last_key: HashMap<&str, (usize, &str)> = HashMap::new();
    for (i, kind) in kinds.iter().enumerate() {
        if let Some(Kind::Entry { key, title, .. }) = kind {
            last_exact.insert((key, title), i);
            last_key.insert(key, (i, title));
        }
    }
    let comes_back = |key: &str, title: &str, after: usize| {
        last_exact.get(&(key, title)).is_some_and(|&j| j > after)
            || last_key
                .get(key)
                .is_some_and(|&(j, t)| j > after && titles_fit(title, t))
    };

    // The first entry after each line, for a run of one entry.
    let mut next_entry = vec![None; lines.len() + 1];
    for i in (0..lines.len()).rev() {
        next_entry[i] = match &kinds[i] {
            Some(Kind::Entry { .. }) => Some(i),
            _ => next_entry[i + 1],
        };
    }

    let mut contents = vec![false; lines.len()];
    let mut i = 0;
    while i < lines.len() {
        let titled = match kinds[i] {
            Some(Kind::Title) => true,
            Some(Kind::Entry { .. }) => false,
            _ => {
                i += 1;
                continue;
            }
        };
        let run = run_from(&kinds, lines, i, &comes_back);
        let end = *run.last().unwrap_or(&i);
        let block_start = if titled {
            (run.len() > 1).then_some(0)
        } else {
            let after = next_entry[end + 1].and_then(|k| match &kinds[k] {
                Some(Kind::Entry { key, title, .. }) => Some((key.as_str(), title.as_str())),
                _ => None,
            });
            untitled_block(&kinds, &run, end, after, &comes_back)
        };
        for &line in block_start.map_or(&[][..], |start| &run[start..]) {
            contents[line] = true;
        }
        i = end + 1;
    }
    contents
}

/// The content lines of the run that starts on line `start`: entries, the lines that continue
/// a wrapped entry, and unnumbered entries, up to body text, a new title, or an entry that
/// repeats one of the run's own.
fn run_from(
    kinds: &[Option<Kind>],
    lines: &[Line],
    start: usize,
    comes_back: &impl Fn(&str, &str, usize) -> bool,
) -> Vec<usize> {
    let mut run = vec![start];
    let mut seen: HashSet<(&str, &str)> = HashSet::new();
    if let Some(Kind::Entry { key, title, .. }) = &kinds[start] {
        seen.insert((key, title));
    }
    let mut last = start;
    let mut j = start + 1;
    while j < kinds.len() {
        let Some(kind) = &kinds[j] else {
            j += 1;
            continue;
        };
        match kind {
            Kind::Entry { key, title, .. } => {
                // A heading with its text under it (after a blank line: a line right under an
                // entry may be its wrapped end), not listed again further on, is real.
                let next = (j + 1..kinds.len()).find(|&k| kinds[k].is_some());
                let text_follows = next.is_some_and(|k| {
                    lines[j + 1..k].iter().any(|l| l.is_blank())
                        && matches!(
                            kinds[k],
                            Some(Kind::Other { short: false, .. } | Kind::Other { ends: true, .. })
                        )
                });
                if !seen.insert((key, title)) || (text_follows && !comes_back(key, title, j)) {
                    break;
                }
            }
            Kind::Title | Kind::Other { short: false, .. } => break,
            Kind::Other { ends, upper, .. } => {
                // The rest of a wrapped entry: right under it, in lower case or indented more.
                let adjacent = !lines[last + 1..j].iter().any(|l| l.is_blank());
                let continues = adjacent
                    && matches!(kinds[last], Some(Kind::Entry { .. }))
                    && (!*upper || lines[j].indent > lines[last].indent);
                // An unnumbered entry (`Preface`) has an entry after it.
                let unnumbered = || {
                    !ends
                        && (j + 1..kinds.len())
                            .find(|&k| kinds[k].is_some())
                            .is_some_and(|k| matches!(kinds[k], Some(Kind::Entry { .. })))
                };
                if !continues && !unnumbered() {
                    break;
                }
            }
        }
        run.push(j);
        last = j;
        j += 1;
    }
    run
}

/// Where the contents block of an untitled run starts (an index into `run`), if it has one;
/// `after` is the first entry after the run.
fn untitled_block(
    kinds: &[Option<Kind>],
    run: &[usize],
    end: usize,
    after: Option<(&str, &str)>,
    comes_back: &impl Fn(&str, &str, usize) -> bool,
) -> Option<usize> {
    let entries = run
        .iter()
        .enumerate()
        .filter_map(|(at, &line)| match &kinds[line] {
            Some(Kind::Entry { key, title, page }) => {
                Some((at, key.as_str(), title.as_str(), *page))
            }
            _ => None,
        });
    let mut first_back = None;
    let mut back = 0;
    let mut first_page = None;
    let mut pages = 0;
    for (at, key, title, page) in entries {
        if !title.is_empty() && comes_back(key, title, end) {
            first_back.get_or_insert((at, key, title));
            back += 1;
        }
        if page {
            first_page.get_or_insert(at);
            pages += 1;
        }
    }
    if pages >= 2 {
        return first_page;
    }
    let (at, key, title) = first_back?;
    // One entry that comes back: contents only when the heading right after the run repeats it.
    (back >= 2 || after == Some((key, title))).then_some(at)
}

fn classify(text: &str, lines: &[Line], i: usize, tables: &Tables) -> Kind {
    let s = lines[i].content.text(text);
    if is_front_matter_title(s) {
        return Kind::Title;
    }
    let (entry, page) = match strip_page_reference(s) {
        Some(rest) => (rest, true),
        None => (s, false),
    };
    let entry = link_text(entry);
    if let Some(c) = heading::parse(entry, 0, tables) {
        if c.body.is_none() {
            let title = match c.title {
                Some(t) => normal_title(&entry[t.range()]),
                // A bare heading (`Article 1`) takes its title from the next line.
                None => next_title(text, lines, i),
            };
            return Kind::Entry {
                key: key(&c.label),
                title,
                page,
            };
        }
    }
    // An entry may start in lower case (`5.15. manpage.*`), which a heading may not.
    if let Some((label, title)) = heading::loose_entry(entry, tables) {
        return Kind::Entry {
            key: key(&label),
            title: normal_title(title),
            page,
        };
    }
    Kind::Other {
        short: heading::is_title_like(s),
        ends: super::ends_sentence(s),
        upper: s.starts_with(char::is_uppercase),
    }
}

/// The title on the line after a bare heading, normalised, or nothing.
fn next_title(text: &str, lines: &[Line], i: usize) -> String {
    lines
        .get(i + 1)
        .map(|l| l.content.text(text))
        .filter(|s| heading::is_title_like(s) && !super::ends_sentence(s))
        .map(normal_title)
        .unwrap_or_default()
}

/// A title line of a table of contents or of a list of tables, figures or examples.
pub(crate) fn is_front_matter_title(s: &str) -> bool {
    // The longest title has four words; most lines are far longer.
    if s.len() > 64 {
        return false;
    }
    let t = s
        .trim()
        .trim_start_matches(['#', '*', ' '])
        .trim_end_matches(['*', ' ', ':'])
        .to_lowercase();
    lang::front_matter_titles().any(|title| title == t)
}

/// `s` without its page reference (`Energy ....... 3`, `Energy<TAB>3`, `Energy     3`).
fn strip_page_reference(s: &str) -> Option<&str> {
    if !heading::has_page_reference(s) {
        return None;
    }
    let rest = s.trim_end().trim_end_matches(|c: char| c.is_ascii_digit());
    Some(rest.trim_end_matches(|c: char| c == '.' || c == '…' || c.is_whitespace()))
}

/// The text of a link entry (`[1. Energy](#energy)`, `- [1. Energy](#energy)`), or `s`.
fn link_text(s: &str) -> &str {
    let (at, _) = heading::skip_markup(s);
    let rest = &s[at..];
    match (rest.strip_prefix('['), rest.find("](")) {
        (Some(_), Some(close)) if rest.ends_with(')') => &rest[1..close],
        _ => s,
    }
}

/// The number of a heading, as contents entries and headings share it: `1.2` for `1.2.`, the
/// chapter's or appendix's number alone (`Chapter 1` is listed as `1.`, `Appendix A` as `A.`),
/// the keyword's tag before the others (`art:3`).
fn key(label: &Label) -> String {
    use crate::lang::HeadingKeyword as K;
    match label {
        Label::Dotted(parts) => parts.join("."),
        Label::Roman(n) => heading::to_roman(*n),
        Label::Paren(n) => format!("({n})"),
        Label::Letter(c) => format!("({c})"),
        Label::Keyword(K::Chapter | K::Appendix | K::Annex | K::Part, Some(n)) => n.clone(),
        Label::Keyword(k, n) => format!("{}:{}", k.tag(), n.as_deref().unwrap_or("")),
    }
}

/// Lower case, letters and digits, one space between words.
fn normal_title(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// Two normalised titles of one heading: equal, or one the other's start (an entry cut short,
/// or a heading whose title wraps), the shorter at least three words long.
fn titles_fit(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short == long
        || (short.split(' ').count() >= 3
            && long.starts_with(short)
            && long.as_bytes().get(short.len()) == Some(&b' '))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::segment::lines;

    fn contents_lines(text: &str) -> Vec<&str> {
        let lines = lines::scan(text, 0);
        let noise = lines::find_noise(text, &lines, Lang::En.tables());
        let found = find(text, &lines, &noise, Lang::En.tables());
        lines
            .iter()
            .zip(found)
            .filter(|(_, c)| *c)
            .map(|(l, _)| l.content.text(text))
            .collect()
    }

    #[test]
    fn an_untitled_run_whose_entries_come_back_is_contents() {
        let text = "Plan\n\n1. Trade\n2. Energy\n2.1. Grids\n\n1. Trade\n\nBoth will sign.\n\n\
                    2. Energy\n\nThey met.\n\n2.1. Grids\n\nExperts met.\n";
        assert_eq!(
            contents_lines(text),
            ["1. Trade", "2. Energy", "2.1. Grids"]
        );
    }

    #[test]
    fn real_headings_with_nothing_between_stay_headings() {
        let text = "Plan\n\n1. Water\n\n1.1. Basins\n\nBoth will act.\n\n2. Energy\n\nThey met.\n";
        assert!(contents_lines(text).is_empty());
    }

    #[test]
    fn a_chapter_heading_before_its_contents_stays_a_heading() {
        let text = "Chapter 1. Rules\nArticle 1. Objective\nArticle 2. Terms\n\n\
                    Article 1. Objective\n\nThe aim is trade.\n\nArticle 2. Terms\n\nTerms apply.\n";
        assert_eq!(
            contents_lines(text),
            ["Article 1. Objective", "Article 2. Terms"]
        );
    }

    #[test]
    fn a_titled_block_ends_at_its_first_entry_repeated() {
        let text = "Table of Contents\n\nPreface\n    1. Disclaimer\n1. Tutorials\n    1.1. Console\n\
                    basics\n\nList of Tables\n\n1.1. List of shells\n\n1. Disclaimer\n\nNo warranty.\n";
        assert_eq!(
            contents_lines(text),
            [
                "Table of Contents",
                "Preface",
                "1. Disclaimer",
                "1. Tutorials",
                "1.1. Console",
                "basics",
                "List of Tables",
                "1.1. List of shells"
            ]
        );
    }

    #[test]
    fn page_references_make_a_block_without_title_or_repeats() {
        let text =
            "Report\n\n1. Trade ........ 2\n2. Energy\t3\n\nIntroduction\n\nThe year went well.\n";
        assert_eq!(
            contents_lines(text),
            ["1. Trade ........ 2", "2. Energy\t3"]
        );
    }

    #[test]
    fn a_title_without_entries_is_not_contents() {
        let text = "Contents\n\nThe box holds three tools.\n";
        assert!(contents_lines(text).is_empty());
    }

    #[test]
    fn titles_fit_when_equal_or_cut_short() {
        assert!(titles_fit("getting started", "getting started"));
        assert!(titles_fit(
            "list of key web site",
            "list of key web site to resolving"
        ));
        assert!(!titles_fit("energy", "energy policy"));
        assert!(!titles_fit("list of key", "list of keys and values"));
    }
}
