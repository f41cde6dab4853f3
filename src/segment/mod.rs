//! Segmentation: text → [`Document`].
//!
//! One pass over the physical lines: noise is set aside, headings open sections in the
//! [`outline::Outline`], and the remaining lines are rejoined into paragraphs (across hard wraps
//! and page breaks) and split into sentences.

mod contents;
mod dateline;
mod heading;
mod lines;
mod outline;
mod paragraph;
mod sentence;
mod table;

use std::borrow::Cow;

use crate::document::{
    Dateline, Document, Paragraph, ParagraphKind, Section, SectionKind, SkipKind, Skipped,
};
use crate::error::Error;
use crate::lang::{Lang, Tables};
use crate::span::Span;
use heading::{Candidate, Label};
use lines::Line;
use paragraph::{Gap, TextLine};

/// The segmenter's door: a [`Document`] is made here, from its text.
impl<'t> Document<'t> {
    /// Segments `text`, written in `lang`.
    ///
    /// Fails only when there is nothing to segment (an empty or white-space-only text). Any other
    /// text gives a document: a text with no numbering at all is one `preamble` section.
    pub fn parse(text: &'t str, lang: Lang) -> Result<Document<'t>, Error> {
        segment(text, lang)
    }

    /// Segments `text` in the language [`Lang::detect`] finds in it (English when none is found).
    pub fn parse_detect(text: &'t str) -> Result<Document<'t>, Error> {
        Document::parse(text, Lang::detect(text).unwrap_or(Lang::En))
    }
}

/// True when `s` ends a sentence or a clause that introduces what follows (`.`, `!`, `?`, `:`,
/// `;`, `…`), ignoring closing quotes, brackets and bold markers.
pub(crate) fn ends_sentence(s: &str) -> bool {
    let t = s
        .trim_end()
        .trim_end_matches(['"', '”', '’', '»', ')', ']', '*', '\'']);
    t.ends_with(['.', '!', '?', ':', ';', '…'])
}

fn last_word(s: &str) -> &str {
    s.split_whitespace().last().unwrap_or("")
}

/// Segments `text` written in `lang`.
pub(crate) fn segment(text: &str, lang: Lang) -> Result<Document<'_>, Error> {
    if text.is_empty() {
        return Err(Error::empty());
    }
    let mut skipped = Vec::new();
    let start = if text.starts_with('\u{feff}') {
        skipped.push(Skipped {
            kind: SkipKind::Bom,
            span: Span::new(0, 3),
        });
        3
    } else {
        0
    };
    if text[start..].trim().is_empty() {
        return Err(Error::whitespace_only());
    }
    let tables = lang.tables();
    let lines = lines::scan(text, start);
    let mut noise = lines::find_noise(text, &lines, tables);
    for (i, is_contents) in contents::find(text, &lines, &noise, tables)
        .into_iter()
        .enumerate()
    {
        if is_contents {
            noise[i] = Some(SkipKind::Contents);
        }
    }
    // Tables drawn with characters: rules are border, rows are text whatever repeats in them.
    let table = table::find(text, &lines);
    for (i, place) in table.iter().enumerate() {
        match place {
            Some(table::TableLine::Rule) => noise[i] = Some(SkipKind::TableBorder),
            Some(table::TableLine::Row(_)) => noise[i] = None,
            None => {}
        }
    }
    for (i, (line, kind)) in lines.iter().zip(&noise).enumerate() {
        if let Some(kind) = kind {
            skipped.push(Skipped {
                kind: *kind,
                span: line.content,
            });
        } else if let Some(table::TableLine::Row(_)) = table[i] {
            let (_, bars) = table::split_row(text, line.content);
            skipped.extend(bars.into_iter().map(|span| Skipped {
                kind: SkipKind::TableBorder,
                span,
            }));
        }
    }
    let wrapped = lines::is_hard_wrapped(text, &lines, &noise);
    let width = lines::wrap_width(text, &lines);
    let indents_body = lines::indents_body(text, &lines, &noise, tables);
    let mut builder = Builder {
        text,
        tables,
        lines: &lines,
        noise: &noise,
        wrapped,
        width,
        indents_body,
        table: &table,
        sections: vec![SectionDraft::preamble(start)],
        paragraphs: Vec::new(),
        sentences: Vec::new(),
        pending: Vec::new(),
        gap: Gap::None,
        outline: outline::Outline::default(),
        date: None,
        content_lines: 0,
        paragraph_list: None,
        out_of_order_checks: 0,
        skipped_spans: skipped.iter().map(|s| s.span).collect(),
    };
    builder.run();
    Ok(builder.finish(lang, skipped))
}

/// A section while it is being built.
struct SectionDraft {
    id: String,
    kind: SectionKind,
    label: Option<Span>,
    heading: Vec<Span>,
    title: Vec<Span>,
    parent: Option<usize>,
    depth: usize,
    start: usize,
    paragraphs_start: usize,
    sentences_start: usize,
}

impl SectionDraft {
    fn preamble(start: usize) -> SectionDraft {
        SectionDraft {
            id: "preamble".into(),
            kind: SectionKind::Preamble,
            label: None,
            heading: Vec::new(),
            title: Vec::new(),
            parent: None,
            depth: 0,
            start,
            paragraphs_start: 0,
            sentences_start: 0,
        }
    }
}

/// Lines a list may run on after an out-of-sequence number.
const LIST_LOOKAHEAD: usize = 2_000;
/// Numbers a permuted list may lack (deleted sections) and still be taken for one.
const LIST_GAPS: usize = 2;
/// Out-of-sequence numbers a document may have looked into (each looks ahead): beyond this,
/// they are text, which bounds the work on hostile input.
const MAX_OUT_OF_ORDER_CHECKS: usize = 64;

struct Builder<'t, 'a> {
    text: &'t str,
    tables: &'static Tables,
    lines: &'a [Line],
    noise: &'a [Option<SkipKind>],
    wrapped: bool,
    width: usize,
    /// Headings stand flush left and body text is indented (see [`lines::indents_body`]).
    indents_body: bool,
    /// Per line, its place in a table drawn with characters.
    table: &'a [Option<table::TableLine>],
    sections: Vec<SectionDraft>,
    paragraphs: Vec<Paragraph>,
    sentences: Vec<crate::document::Sentence<'t>>,
    pending: Vec<TextLine>,
    gap: Gap,
    outline: outline::Outline,
    date: Option<Dateline>,
    content_lines: usize,
    skipped_spans: Vec<Span>,
    /// The label of the last numbered paragraph, while a list of them runs.
    paragraph_list: Option<Label>,
    /// Out-of-sequence numbers looked into so far (see [`Builder::permuted_list`]).
    out_of_order_checks: usize,
}

impl<'t> Builder<'t, '_> {
    fn line_text(&self, i: usize) -> &'t str {
        self.lines[i].content.text(self.text)
    }

    fn in_preamble(&self) -> bool {
        self.sections.len() == 1
    }

    /// Index of the next line holding content (not blank, not noise) after `i`.
    fn next_content(&self, i: usize) -> Option<usize> {
        (i + 1..self.lines.len()).find(|&j| !self.lines[j].is_blank() && self.noise[j].is_none())
    }

    fn run(&mut self) {
        let mut i = 0;
        while i < self.lines.len() {
            i = self.step(i) + 1;
        }
        self.flush();
    }

    /// Handles line `i`; returns the last line it consumed.
    fn step(&mut self, i: usize) -> usize {
        let line = self.lines[i];
        if line.is_blank() {
            self.gap = self.gap.max(Gap::Blank);
            return i;
        }
        match self.noise[i] {
            // A contents block ends the paragraph before it, as a blank line would.
            Some(SkipKind::Contents) => {
                self.flush();
                self.gap = Gap::Blank;
                return i;
            }
            Some(_) => {
                self.gap = Gap::Noise;
                return i;
            }
            None => {}
        }
        if let Some(table::TableLine::Row(row)) = self.table[i] {
            return self.table_row(i, row);
        }
        let s = self.line_text(i);
        let first_content =
            self.content_lines == 0 || (self.content_lines == 1 && self.date.is_some());
        self.content_lines += 1;

        // Dateline near the top of the preamble.
        if self.in_preamble() && self.date.is_none() && self.content_lines <= 5 {
            if let Some(date) = dateline::parse(s, self.tables) {
                self.flush();
                self.date = Some(Dateline {
                    date,
                    span: line.content,
                });
                self.push_line(i);
                self.flush_as(ParagraphKind::Dateline);
                return i;
            }
        }
        // Document title: the first line, when it reads like one.
        if first_content && self.sections[0].heading.is_empty() && self.is_doc_title(i) {
            let mut last = i;
            self.sections[0].heading.push(line.content);
            self.sections[0].title.push(line.content);
            let caps = heading::is_caps_heading(s);
            while last + 1 < self.lines.len()
                && !self.lines[last + 1].is_blank()
                && self.noise[last + 1].is_none()
            {
                let next = self.line_text(last + 1);
                if !(caps && heading::is_caps_heading(next) && self.is_doc_title(last + 1)) {
                    break;
                }
                last += 1;
                self.sections[0].heading.push(self.lines[last].content);
                self.sections[0].title.push(self.lines[last].content);
            }
            self.gap = Gap::None;
            return last;
        }
        // Where headings stand flush left and text is indented, layout decides: an indented
        // number is a list item, a flush-left one a heading whatever the case of its title.
        let candidate = if self.indents_body {
            (line.indent == 0)
                .then(|| {
                    heading::parse(s, line.content.start, self.tables)
                        .or_else(|| heading::parse_any_case(s, line.content.start, self.tables))
                })
                .flatten()
        } else {
            heading::parse(s, line.content.start, self.tables)
        };
        if let Some(c) = candidate {
            if !self.continues_text() {
                if let Some(last) = self.open_section(i, &c) {
                    return last;
                }
            }
        } else if heading::is_caps_heading(s) && !self.continues_text() {
            self.flush();
            if self.in_preamble() {
                self.push_line(i);
                self.flush_as(ParagraphKind::Heading);
            } else {
                let index = self.sections.len();
                let place = self.outline.place_caps(index);
                self.paragraph_list = None;
                self.new_section(place, None, vec![line.content], vec![line.content]);
            }
            return i;
        }
        // An unnumbered heading of the preamble (`Introduction`, `Preface`): a short line with
        // no sentence end, standing alone between blank lines, before text.
        if self.in_preamble() && self.stands_alone_as_title(i) {
            self.flush();
            self.push_line(i);
            self.flush_as(ParagraphKind::Heading);
            return i;
        }
        // Running text, or a list item.
        let (at, bullet) = heading::skip_markup(s);
        let (marker, content) = if bullet {
            (
                Some(Span::new(
                    line.content.start,
                    line.content.start + s[..at].trim_end().len(),
                )),
                Span::new(line.content.start + at, line.content.end),
            )
        } else if let Some(rest) = s
            .strip_prefix("o ")
            .filter(|r| r.starts_with(char::is_uppercase))
        {
            let at = s.len() - rest.len();
            (
                Some(Span::new(line.content.start, line.content.start + 1)),
                Span::new(line.content.start + at, line.content.end),
            )
        } else {
            (None, line.content)
        };
        self.pending.push(TextLine {
            span: content,
            marker,
            indent: line.indent,
            gap: self.gap,
        });
        self.gap = Gap::None;
        i
    }

    /// Emits the row of a table that starts on line `i` as one paragraph of one sentence, its
    /// cells column by column (its spans then go column by column too); returns its last line.
    fn table_row(&mut self, i: usize, row: usize) -> usize {
        self.flush();
        let mut last = i;
        while self.table.get(last + 1) == Some(&Some(table::TableLine::Row(row))) {
            last += 1;
        }
        // Column by column, so that a cell wrapped over lines reads as one text.
        let mut cells: Vec<(usize, Span)> = (i..=last)
            .flat_map(|k| table::split_row(self.text, self.lines[k].content).0)
            .collect();
        cells.sort_by_key(|&(column, span)| (column, span.start));
        let cells: Vec<TextLine> = cells
            .into_iter()
            .map(|(_, span)| TextLine {
                span,
                marker: None,
                indent: 0,
                gap: Gap::None,
            })
            .collect();
        if !cells.is_empty() {
            self.emit(&cells, ParagraphKind::TableRow);
        }
        self.gap = Gap::Blank;
        last
    }

    /// Line `i` is a title by itself: a short line starting with a capital, no bullet, no sentence
    /// end, blank lines (or the start) before it and a blank line after it, and text further on.
    fn stands_alone_as_title(&self, i: usize) -> bool {
        let s = self.line_text(i);
        let blank_after = self.lines.get(i + 1).is_some_and(|l| l.is_blank());
        self.pending.is_empty()
            && self.gap != Gap::None
            && blank_after
            && s.starts_with(char::is_uppercase)
            && s.split_whitespace().count() <= 6
            && heading::is_title_like(s)
            && !s.ends_with(['.', ',', ';', ':', '!', '?'])
            && !self.tables.is_connector(last_word(s))
            && self.next_content(i).is_some()
    }

    fn is_doc_title(&self, i: usize) -> bool {
        let s = self.line_text(i);
        let (at, bullet) = heading::skip_markup(s);
        let chars = s.chars().count();
        !bullet
            && at == 0
            && heading::parse(s, 0, self.tables).is_none()
            && heading::is_title_like(s)
            && !s.ends_with(['.', ',', ';', ':'])
            && !self.tables.is_connector(last_word(s))
            && (!self.wrapped || chars * 10 < self.width * 8)
            && self.next_content(i).is_some()
    }

    /// True when the current line continues the text line just before it (no blank line between, and the
    /// previous line cannot end there).
    fn continues_text(&self) -> bool {
        match self.pending.last() {
            Some(prev) if self.gap == Gap::None => {
                let p = prev.span.text(self.text);
                p.ends_with(',') || self.tables.is_connector(last_word(p))
            }
            _ => false,
        }
    }

    /// Opens the section candidate `c` on line `i` heads; returns the last line its heading uses,
    /// or `None` when the outline rejects it.
    fn open_section(&mut self, i: usize, c: &Candidate) -> Option<usize> {
        let numbered_paragraph = self.is_numbered_paragraph(i, c);
        let owned;
        let c = if let (true, Some(title)) = (numbered_paragraph, c.title) {
            // The heading keeps the label and the markup after it (`2. **`), so nothing is lost.
            let markup = self.text[c.label_span.end..title.start].trim_end();
            owned = Candidate {
                heading: Span::new(c.heading.start, c.label_span.end + markup.len()),
                title: None,
                body: Some(Span::new(title.start, c.heading.end)),
                ..c.clone()
            };
            &owned
        } else {
            c
        };
        let index = self.sections.len();
        let place = match self.outline.place(&c.label, index) {
            Some(place) => place,
            None if self.permuted_list(i, &c.label) => {
                self.out_of_order_checks += 1;
                self.outline.place_out_of_order(&c.label, index)?
            }
            None => {
                self.out_of_order_checks += 1;
                return None;
            }
        };
        self.flush();
        let mut heading = vec![c.heading];
        let mut title: Vec<Span> = c.title.into_iter().collect();
        let mut last = i;
        if c.bare {
            // `Article 1` / `ANNEX`: the title may follow on the next lines.
            let mut j = i;
            let mut first_caps = None;
            while let Some(k) = self.next_content(j) {
                let consecutive = k == j + 1;
                let s = self.line_text(k);
                let ok = heading::parse(s, 0, self.tables).is_none()
                    && !heading::skip_markup(s).1
                    && s.split_whitespace().count() <= 15
                    && s.chars().count() <= 100
                    && !ends_sentence(s)
                    && match first_caps {
                        None => true,
                        Some(caps) => consecutive && caps && heading::is_caps_heading(s),
                    };
                if !ok || title.len() >= 3 {
                    break;
                }
                first_caps.get_or_insert(heading::is_caps_heading(s));
                heading.push(self.lines[k].content);
                title.push(self.lines[k].content);
                last = k;
                j = k;
            }
        } else if let (Some(t), None) = (c.title, c.body) {
            // A title that wraps onto the next line.
            if i + 1 < self.lines.len()
                && self.noise[i + 1].is_none()
                && !self.lines[i + 1].is_blank()
            {
                let next = self.line_text(i + 1);
                let title_text = t.text(self.text);
                let joins = title_text.ends_with([',', '-', '–'])
                    || self.tables.is_connector(last_word(title_text))
                    || next.starts_with(char::is_lowercase);
                let short = next.chars().count() <= 100 && next.split_whitespace().count() <= 12;
                let ends_ok = !ends_sentence(next)
                    || (next.ends_with('.') && next.split_whitespace().count() <= 6);
                if joins
                    && short
                    && ends_ok
                    && heading::parse(next, 0, self.tables).is_none()
                    && !heading::skip_markup(next).1
                {
                    let n = self.lines[i + 1].content;
                    let trimmed = next.trim_end_matches(['.', '*', ':']).trim_end();
                    heading.push(n);
                    title.push(Span::new(n.start, n.start + trimmed.len()));
                    last = i + 1;
                }
            }
        }
        let is_paragraph = title.is_empty() && c.body.is_some();
        self.new_section(place, Some(c.label_span), heading, title);
        self.paragraph_list = is_paragraph.then(|| c.label.clone());
        if let Some(body) = c.body {
            self.pending.push(TextLine {
                span: body,
                marker: None,
                indent: 0,
                gap: Gap::None,
            });
        }
        Some(last)
    }

    /// Whether the numbered heading `label` on line `i`, out of sequence, belongs to a list
    /// whose numbers, with those before it and those after it up to the end of the list, are
    /// each used once and run from 1 with at most [`LIST_GAPS`] missing: two sections
    /// swapped, or one moved, not a stray number in the text.
    fn permuted_list(&self, i: usize, label: &Label) -> bool {
        let Some(value) = label.value() else {
            return false;
        };
        if matches!(label, Label::Keyword(..))
            || matches!(label, Label::Dotted(parts) if parts.len() > 1)
            || self.out_of_order_checks >= MAX_OUT_OF_ORDER_CHECKS
        {
            return false;
        }
        let mut values = self.outline.siblings(label);
        values.push(value);
        let mut k = i;
        while let Some(next) = self.next_content(k) {
            if next - i > LIST_LOOKAHEAD {
                return false;
            }
            k = next;
            if self.noise[k].is_some() {
                continue;
            }
            let Some(c) = heading::parse(self.line_text(k), 0, self.tables) else {
                continue;
            };
            if heading::same_style(&c.label, label) {
                match c.label.value() {
                    Some(v) => values.push(v),
                    None => return false,
                }
            } else if self.outline.ends_list(label, &c.label) {
                break;
            }
        }
        let mut sorted = values.clone();
        sorted.sort_unstable();
        sorted.dedup();
        sorted.len() == values.len()
            && sorted.len() >= 3
            && sorted.first() == Some(&1)
            && sorted
                .last()
                .is_some_and(|&last| last as usize <= sorted.len() + LIST_GAPS)
    }

    /// `1. The documents are listed in the Annex` followed straight by `2. …`: a list of
    /// numbered paragraphs, whose "titles" are their text.
    fn is_numbered_paragraph(&self, i: usize, c: &Candidate) -> bool {
        if c.bare || c.body.is_some() || matches!(c.label, Label::Roman(_) | Label::Keyword(..)) {
            return false;
        }
        if self
            .paragraph_list
            .as_ref()
            .is_some_and(|l| heading::same_style(l, &c.label))
        {
            return true;
        }
        let Some(k) = self.next_content(i) else {
            return false;
        };
        heading::parse(self.line_text(k), 0, self.tables)
            .is_some_and(|next| heading::same_style(&next.label, &c.label))
    }

    fn new_section(
        &mut self,
        place: outline::Placement,
        label: Option<Span>,
        heading: Vec<Span>,
        title: Vec<Span>,
    ) {
        let start = heading.first().map_or(0, |h| h.start);
        self.sections.push(SectionDraft {
            id: place.id,
            kind: place.kind,
            label,
            heading,
            title,
            parent: place.parent,
            depth: place.depth,
            start,
            paragraphs_start: self.paragraphs.len(),
            sentences_start: self.sentences.len(),
        });
        self.gap = Gap::None;
    }

    /// Queues line `i` whole, as the text of a paragraph of its own.
    fn push_line(&mut self, i: usize) {
        let line = self.lines[i];
        self.pending.push(TextLine {
            span: line.content,
            marker: None,
            indent: line.indent,
            gap: Gap::None,
        });
    }

    /// Turns the pending text lines into paragraphs and sentences.
    fn flush(&mut self) {
        let groups = paragraph::group(
            self.text,
            &self.pending,
            self.tables,
            self.wrapped,
            self.width,
        );
        let pending = std::mem::take(&mut self.pending);
        for group in groups {
            // A list item has a bullet; in hard-wrapped text a bullet is often reduced to an indent.
            let first = &pending[group.start];
            let item = first.marker.is_some() || (self.wrapped && first.indent > 0);
            let kind = if item {
                ParagraphKind::Item
            } else {
                ParagraphKind::Text
            };
            self.emit(&pending[group], kind);
        }
    }

    /// Emits all pending lines as one paragraph of `kind`.
    fn flush_as(&mut self, kind: ParagraphKind) {
        let pending = std::mem::take(&mut self.pending);
        if !pending.is_empty() {
            self.emit(&pending, kind);
        }
    }

    fn emit(&mut self, lines: &[TextLine], kind: ParagraphKind) {
        let section = self.sections.len() - 1;
        let first = lines[0];
        let last = lines[lines.len() - 1];
        let span = first.marker.unwrap_or(first.span).cover(last.span);
        let sentence_start = self.sentences.len();
        let index = self.paragraphs.len();
        if kind != ParagraphKind::Heading {
            let joined = paragraph::Joined::new(self.text, lines);
            let bounds = if matches!(kind, ParagraphKind::Dateline | ParagraphKind::TableRow) {
                vec![(0, joined.text.len())]
            } else {
                sentence::split(&joined.text, self.tables)
            };
            for (s, e) in bounds {
                let spans = joined.source_spans(s, e, &self.skipped_spans);
                let text = display_text(self.text, &spans, &joined.text[s..e]);
                self.sentences.push(crate::document::Sentence {
                    text,
                    spans: spans.into(),
                    section,
                    paragraph: index,
                });
            }
        }
        self.paragraphs.push(Paragraph {
            kind,
            span,
            marker: first.marker,
            section,
            sentences: sentence_start..self.sentences.len(),
        });
    }

    fn finish(self, lang: Lang, mut skipped: Vec<Skipped>) -> Document<'t> {
        let text = self.text;
        let n = self.sections.len();
        let mut sections: Vec<Section<'t>> = Vec::with_capacity(n);
        for (i, d) in self.sections.iter().enumerate() {
            let paragraphs_end = self
                .sections
                .get(i + 1)
                .map_or(self.paragraphs.len(), |s| s.paragraphs_start);
            let sentences_end = self
                .sections
                .get(i + 1)
                .map_or(self.sentences.len(), |s| s.sentences_start);
            sections.push(Section {
                id: d.id.clone(),
                kind: d.kind,
                label: d.label,
                heading: d.heading.clone(),
                title: join_pieces(text, &d.title),
                span: Span::new(d.start, d.start),
                parent: d.parent,
                children: Vec::new(),
                depth: d.depth,
                paragraphs: d.paragraphs_start..paragraphs_end,
                sentences: d.sentences_start..sentences_end,
            });
        }
        for i in 0..n {
            if let Some(p) = sections[i].parent {
                sections[p].children.push(i);
            }
        }
        // A section runs to the start of the next section that is not its descendant. The
        // sections still open when section j starts are those every section since was a
        // descendant of; j closes the ones that are not its ancestors. Open sections are the
        // previous section and its ancestors, so each step costs the depths of two sections:
        // linear in the headings' length, however deep the numbering.
        let mut end_at = vec![text.len(); n];
        let mut open: Vec<usize> = Vec::new();
        let mut ancestor_of = vec![usize::MAX; n];
        for j in 0..n {
            let mut up = sections[j].parent;
            while let Some(p) = up.filter(|&p| p < j) {
                ancestor_of[p] = j;
                up = sections[p].parent;
            }
            let start = sections[j].span.start;
            open.retain(|&i| {
                let ancestor = ancestor_of[i] == j;
                if !ancestor {
                    end_at[i] = start;
                }
                ancestor
            });
            open.push(j);
        }
        for (i, &end_at) in end_at.iter().enumerate() {
            let end =
                sections[i].span.start + text[sections[i].span.start..end_at].trim_end().len();
            sections[i].span = Span::new(sections[i].span.start, end);
        }
        skipped.sort_by_key(|s| s.span.start);
        // The vectors grew by doubling; what the document keeps for the rest of the run is
        // their length, not the slack (up to as much again).
        let (mut paragraphs, mut sentences) = (self.paragraphs, self.sentences);
        paragraphs.shrink_to_fit();
        sentences.shrink_to_fit();
        skipped.shrink_to_fit();
        Document {
            text,
            lang,
            date: self.date,
            sections,
            paragraphs,
            sentences,
            skipped,
        }
    }
}

/// Text for display: white space folded to one space, NFC; borrowed when the input already is.
fn display_text<'t>(text: &'t str, spans: &[Span], joined: &str) -> Cow<'t, str> {
    let folded = fold(joined);
    if let [only] = spans {
        let raw = only.text(text);
        if raw == folded && unicode_normalization::is_nfc(raw) {
            return Cow::Borrowed(raw);
        }
    }
    Cow::Owned(nfc(&folded))
}

/// The display text of pieces of the input (a title's lines), joined by one space.
fn join_pieces<'t>(text: &'t str, pieces: &[Span]) -> Cow<'t, str> {
    let joined = pieces
        .iter()
        .map(|p| p.text(text))
        .collect::<Vec<_>>()
        .join(" ");
    display_text(text, pieces, &joined)
}

/// Folds every run of white space to one space and trims the ends.
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

fn nfc(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    if unicode_normalization::is_nfc(s) {
        s.to_string()
    } else {
        s.nfc().collect()
    }
}
