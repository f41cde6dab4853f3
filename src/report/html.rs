//! The HTML report: both versions side by side, divergences highlighted.
//!
//! One self-contained page (inline CSS and JavaScript, nothing fetched): a sidebar with the
//! summary (counts by kind and severity), filters and a table of contents; then one table per
//! aligned section pair, its head holding both titles and the findings about the whole section,
//! one row per sentence pair with the two sides' sentences and a margin of notes.
//!
//! Every divergence has exactly one note (`data-note="N"`, N its index in
//! [`Check::divergences`]) and one highlight per side with evidence (`<mark data-div="N">`),
//! placed in the displayed sentence that holds the evidence, or in the note when no displayed
//! sentence does. Everything from the documents, the paths and the messages is escaped.

use std::borrow::Cow;
use std::collections::HashMap;
use std::io::{self, Write};
use std::ops::Range;

use crate::align::SentencePair;
use crate::compare::Check;
use crate::divergence::{Divergence, DivergenceKind, Severity};
use crate::document::{Document, Sentence};

use super::CheckReport;

/// Sentence pairs scoring below this are marked: the sides share little (see the README on
/// scores).
const LOW_SCORE: f64 = 0.4;

/// The kinds the summary always lists, in this order.
const KINDS: [DivergenceKind; 8] = DivergenceKind::ALL;

/// The severities, most urgent first.
const SEVERITIES: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

/// Writes `check` between `en` and `es` as one self-contained HTML page: both versions side by
/// side, section by section, sentence pairs in rows, each divergence's evidence highlighted
/// on both sides and its message in a note on the row (or at the section head when it is about
/// the whole section), with a summary, filters by kind and severity and a table of contents.
///
/// `report` gives the paths, dates and options shown in the header. Every text from the
/// documents, the paths and the messages is HTML-escaped.
///
/// ```
/// use paridad::report::{write_html, CheckReport, ReportOptions};
/// use paridad::{Checker, Document, Lang};
///
/// let en = Document::parse("1. Parks\nParks Canada will sign by March 31, 2026.\n", Lang::En)?;
/// let es = Document::parse("1. Parques\nParques Canadá firmará antes del 30 de abril de 2026.\n", Lang::Es)?;
/// let check = Checker::new().check(&en, &es);
/// let report = CheckReport::new(&check, &en, &es, ["en.txt", "es.txt"], ReportOptions::default());
/// let mut page = Vec::new();
/// write_html(&mut page, &report, &check, &en, &es)?;
/// let page = String::from_utf8(page)?;
/// assert!(page.contains(r#"<mark class="d k-date v-error" data-div="0""#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_html(
    out: &mut impl Write,
    report: &CheckReport<'_>,
    check: &Check,
    a: &Document<'_>,
    b: &Document<'_>,
) -> io::Result<()> {
    let page = Page::new(report, check, crate::document::sides(a, b));
    page.write(out)
}

/// Escapes `text` for HTML text and attribute values (`&`, `<`, `>`, `"`, `'`); control
/// characters other than tabs and line breaks, which HTML does not allow, are shown as
/// [`escape_controls`](super::escape_controls) shows them (`\u{1b}`).
fn escape_html(text: &str) -> Cow<'_, str> {
    let control = |c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r');
    if !text.contains(['&', '<', '>', '"', '\'']) && !text.contains(control) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if control(c) => super::push_escaped(&mut out, c),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// One side's evidence of a divergence placed in a displayed sentence.
#[derive(Clone, Debug)]
struct Placed {
    /// Index of the divergence in [`Check::divergences`].
    div: usize,
    /// The byte range of the sentence's text to highlight.
    range: Range<usize>,
}

/// Everything the page is made from, with the highlights located.
struct Page<'a, 't> {
    report: &'a CheckReport<'a>,
    check: &'a Check,
    docs: [&'a Document<'t>; 2],
    /// For each side, for each sentence, the row (section pair, sentence pair) showing it
    /// first.
    row_of: [Vec<Option<(usize, usize)>>; 2],
    /// Highlights by (side, sentence).
    placed: HashMap<(usize, usize), Vec<Placed>>,
    /// For each divergence, which sides' evidence no displayed sentence holds.
    unplaced: Vec<[bool; 2]>,
    /// The divergences noted on each row, keyed by (section pair, sentence pair); `None` for
    /// the section head (no sentence pair, or one the section pair does not have).
    notes: HashMap<(usize, Option<usize>), Vec<usize>>,
}

impl<'a, 't> Page<'a, 't> {
    /// Lays out the rows and places every piece of evidence.
    fn new(report: &'a CheckReport<'a>, check: &'a Check, docs: [&'a Document<'t>; 2]) -> Self {
        let mut page = Page {
            report,
            check,
            docs,
            row_of: docs.map(|d| vec![None; d.sentences().len()]),
            placed: HashMap::new(),
            unplaced: vec![[false; 2]; check.divergences.len()],
            notes: HashMap::new(),
        };
        for (n, d) in check.divergences.iter().enumerate() {
            let row = page.pair_of(d).and(d.pair);
            page.notes.entry((d.section, row)).or_default().push(n);
        }
        page.index_rows();
        page.place_all();
        page
    }

    /// Records the first row showing each sentence.
    fn index_rows(&mut self) {
        for (k, section) in self.check.alignment.sections.iter().enumerate() {
            for (p, pair) in section.pairs.iter().enumerate() {
                for (side, idx) in [&pair.a, &pair.b].into_iter().enumerate() {
                    for &i in idx {
                        if let Some(slot @ None) = self.row_of[side].get_mut(i) {
                            *slot = Some((k, p));
                        }
                    }
                }
            }
        }
    }

    /// Places both sides' evidence of every divergence: in the sentence and at the range the
    /// evidence names, when a row shows that sentence.
    fn place_all(&mut self) {
        for (n, d) in self.check.divergences.iter().enumerate() {
            for (side, evidence) in [&d.a, &d.b].into_iter().enumerate() {
                let Some(evidence) = evidence else { continue };
                let i = evidence.sentence;
                let shown = self.row_of[side].get(i).is_some_and(Option::is_some);
                let holds = self.docs[side]
                    .sentences()
                    .get(i)
                    .and_then(|s| s.text().get(evidence.range.clone()))
                    == Some(evidence.text.as_str());
                if shown && holds {
                    self.placed.entry((side, i)).or_default().push(Placed {
                        div: n,
                        range: evidence.range.clone(),
                    });
                } else {
                    self.unplaced[n][side] = true;
                }
            }
        }
    }

    /// The sentence pair a divergence is about, when it exists.
    fn pair_of(&self, d: &Divergence) -> Option<&'a SentencePair> {
        let section = self.check.alignment.sections.get(d.section)?;
        section.pairs.get(d.pair?)
    }

    /// Writes the whole page.
    fn write(&self, out: &mut impl Write) -> io::Result<()> {
        self.write_head(out)?;
        writeln!(out, "<body>")?;
        self.write_header(out)?;
        writeln!(out, "<aside class=\"side-panel\">")?;
        self.write_summary(out)?;
        self.write_toc(out)?;
        writeln!(out, "</aside>\n<main>")?;
        for k in 0..self.check.alignment.sections.len() {
            self.write_section(out, k)?;
        }
        self.write_strays(out)?;
        writeln!(
            out,
            "</main>\n<script>\n{SCRIPT}</script>\n</body>\n</html>"
        )
    }

    /// How the page names the two sides: by their languages (`English`, `Spanish`).
    fn side_names(&self) -> [String; 2] {
        crate::lang::pair::side_names(self.docs[0].lang(), self.docs[1].lang())
    }

    /// The document title shown at the top: the title of side `a` (the English version), else
    /// that of side `b`.
    fn title(&self) -> &str {
        self.docs
            .iter()
            .find_map(|d| d.title())
            .unwrap_or("Parity report")
    }

    /// Doctype, metadata and style sheet.
    fn write_head(&self, out: &mut impl Write) -> io::Result<()> {
        writeln!(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>")?;
        writeln!(out, "<meta charset=\"utf-8\">")?;
        writeln!(
            out,
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
             style-src 'unsafe-inline'; script-src 'unsafe-inline'\">"
        )?;
        writeln!(
            out,
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        )?;
        writeln!(out, "<title>paridad: {}</title>", escape_html(self.title()))?;
        writeln!(out, "<style>\n{STYLE}</style>\n</head>")
    }

    /// The title, both versions' paths and dates, and the options of the check.
    fn write_header(&self, out: &mut impl Write) -> io::Result<()> {
        let r = self.report;
        writeln!(out, "<header class=\"page-head\">")?;
        writeln!(out, "<h1>{}</h1>", escape_html(self.title()))?;
        writeln!(out, "<dl class=\"meta\">")?;
        for (name, info) in self.side_names().iter().zip([&r.a, &r.b]) {
            let date = info.date.as_deref().unwrap_or("no dateline");
            writeln!(
                out,
                "<dt>{}</dt><dd><code>{}</code> ({} units, {} sentences, {})</dd>",
                escape_html(name),
                escape_html(&info.path),
                info.sections,
                info.sentences,
                escape_html(date)
            )?;
        }
        if let Some(date) = &r.options.doc_date {
            writeln!(
                out,
                "<dt>Relative dates</dt><dd>resolved against {}</dd>",
                escape_html(date)
            )?;
        }
        for glossary in &r.options.glossaries {
            let path = escape_html(glossary);
            writeln!(out, "<dt>Glossary</dt><dd><code>{path}</code></dd>")?;
        }
        if let Some(baseline) = &r.options.baseline {
            writeln!(
                out,
                "<dt>Baseline</dt><dd><code>{}</code>: {} findings hidden</dd>",
                escape_html(baseline),
                r.summary.hidden
            )?;
        }
        writeln!(
            out,
            "</dl>\n<p class=\"legend\">Sentence pairs scoring under {LOW_SCORE} are marked \
             <span class=\"low-badge\">low</span>: the sides share little. \
             Made by paridad {}.</p>\n</header>",
            escape_html(r.paridad_version)
        )
    }

    /// How many divergences have this kind and severity (either when `None`).
    fn count(&self, kind: Option<DivergenceKind>, severity: Option<Severity>) -> usize {
        self.check
            .divergences
            .iter()
            .filter(|d| {
                kind.is_none_or(|k| d.kind == k) && severity.is_none_or(|s| d.severity == s)
            })
            .count()
    }

    /// The kinds to list: the known ones, then any other found.
    fn kinds(&self) -> Vec<DivergenceKind> {
        let mut kinds = KINDS.to_vec();
        for d in &self.check.divergences {
            if !kinds.contains(&d.kind) {
                kinds.push(d.kind);
            }
        }
        kinds
    }

    /// The counts by kind and severity, and the filters.
    fn write_summary(&self, out: &mut impl Write) -> io::Result<()> {
        let total = self.check.divergences.len();
        writeln!(
            out,
            "<section class=\"summary\" id=\"summary\">\n<h2>Summary</h2>"
        )?;
        writeln!(
            out,
            "<p class=\"total\"><strong id=\"total\" data-count=\"{total}\">{total}</strong> \
             divergences<span class=\"no-print\">; showing <output id=\"shown\">{total}</output>\
             </span></p>"
        )?;
        self.write_counts(out)?;
        self.write_filters(out)?;
        writeln!(out, "</section>")
    }

    /// A table of counts: kinds in rows, severities in columns.
    fn write_counts(&self, out: &mut impl Write) -> io::Result<()> {
        writeln!(out, "<table class=\"counts\">\n<thead><tr><th>kind</th>")?;
        for s in SEVERITIES {
            writeln!(out, "<th class=\"v-{0}\">{0}</th>", s.name())?;
        }
        writeln!(out, "<th>all</th></tr></thead>\n<tbody>")?;
        for kind in self.kinds() {
            write!(out, "<tr><th class=\"k-{0}\">{0}</th>", kind.name())?;
            for s in SEVERITIES {
                write!(out, "<td>{}</td>", self.count(Some(kind), Some(s)))?;
            }
            writeln!(
                out,
                "<td data-kind-count=\"{}\">{}</td></tr>",
                kind.name(),
                self.count(Some(kind), None)
            )?;
        }
        write!(out, "</tbody>\n<tfoot><tr><th>all</th>")?;
        for s in SEVERITIES {
            let n = self.count(None, Some(s));
            write!(out, "<td data-sev-count=\"{}\">{n}</td>", s.name())?;
        }
        let total = self.check.divergences.len();
        writeln!(out, "<td>{total}</td></tr></tfoot>\n</table>")
    }

    /// Checkboxes by severity and by kind.
    fn write_filters(&self, out: &mut impl Write) -> io::Result<()> {
        writeln!(out, "<form class=\"filters\" aria-label=\"filters\">")?;
        let severities = SEVERITIES.map(|s| (s.name(), self.count(None, Some(s))));
        let kinds: Vec<(&str, usize)> = self
            .kinds()
            .into_iter()
            .map(|k| (k.name(), self.count(Some(k), None)))
            .collect();
        for (legend, filter, items) in [
            ("Severity", "sev", &severities[..]),
            ("Kind", "kind", &kinds[..]),
        ] {
            writeln!(out, "<fieldset><legend>{legend}</legend>")?;
            for (name, n) in items {
                writeln!(
                    out,
                    "<label><input type=\"checkbox\" data-filter=\"{filter}\" value=\"{0}\" \
                     checked> <span class=\"chip {1}-{0}\">{0}</span> {n}</label>",
                    escape_html(name),
                    if filter == "sev" { "v" } else { "k" }
                )?;
            }
            writeln!(out, "</fieldset>")?;
        }
        writeln!(out, "</form>")
    }

    /// The id and title of a side of section pair `k`, when that side has the section.
    fn heading(&self, side: usize, index: Option<usize>) -> Option<(&'a str, &'a str)> {
        let section = self.docs[side].sections().get(index?)?;
        Some((section.id(), section.title()))
    }

    /// A table of contents: each section pair with its divergence count.
    fn write_toc(&self, out: &mut impl Write) -> io::Result<()> {
        writeln!(out, "<nav class=\"toc\">\n<h2>Contents</h2>\n<ol>")?;
        let mut counts = vec![0usize; self.check.alignment.sections.len()];
        for d in &self.check.divergences {
            if let Some(n) = counts.get_mut(d.section) {
                *n += 1;
            }
        }
        let only_b = format!(" ({} only)", escape_html(&self.side_names()[1]));
        for (k, s) in self.check.alignment.sections.iter().enumerate() {
            let (id, title) = self
                .heading(0, s.a)
                .or_else(|| self.heading(1, s.b))
                .unwrap_or(("-", ""));
            let n = counts.get(k).copied().unwrap_or(0);
            let badge = if n > 0 {
                format!(" <span class=\"badge\">{n}</span>")
            } else {
                String::new()
            };
            let only = if s.a.is_none() { only_b.as_str() } else { "" };
            writeln!(
                out,
                "<li><a href=\"#sec-{k}\"><span class=\"sid\">{}</span> {}{only}</a>{badge}</li>",
                escape_html(id),
                escape_html(title)
            )?;
        }
        writeln!(out, "</ol>\n</nav>")
    }

    /// One section pair: its head (titles, score, section notes), then its sentence pairs.
    fn write_section(&self, out: &mut impl Write, k: usize) -> io::Result<()> {
        let Some(section) = self.check.alignment.sections.get(k) else {
            return Ok(());
        };
        writeln!(
            out,
            "<section class=\"sec\" id=\"sec-{k}\">\n<table class=\"pairs\">\n\
             <colgroup><col class=\"c-en\"><col class=\"c-es\"><col class=\"c-notes\"></colgroup>\n\
             <thead><tr class=\"head\">"
        )?;
        for (side, index) in [section.a, section.b].into_iter().enumerate() {
            self.write_title_cell(out, side, index)?;
        }
        let moved = if section.moved {
            " <span class=\"moved\">moved</span>"
        } else {
            ""
        };
        writeln!(
            out,
            "<th class=\"notes\"><span class=\"score\">section {:.2}</span>{moved}",
            section.score
        )?;
        self.write_notes(out, self.notes_at(k, None))?;
        writeln!(out, "</th></tr></thead>\n<tbody>")?;
        for (p, pair) in section.pairs.iter().enumerate() {
            self.write_row(out, k, p, pair)?;
        }
        writeln!(out, "</tbody>\n</table>\n</section>")
    }

    /// Divergences about a section pair the alignment does not have (a check and documents
    /// that do not belong together): listed at the end, so that every finding is shown.
    fn write_strays(&self, out: &mut impl Write) -> io::Result<()> {
        let sections = self.check.alignment.sections.len();
        let strays: Vec<usize> = (self.check.divergences.iter().enumerate())
            .filter(|(_, d)| d.section >= sections)
            .map(|(n, _)| n)
            .collect();
        if strays.is_empty() {
            return Ok(());
        }
        writeln!(
            out,
            "<section class=\"sec\" id=\"sec-strays\">\n<h2>Findings outside the alignment</h2>"
        )?;
        self.write_notes(out, &strays)?;
        writeln!(out, "</section>")
    }

    /// The divergences noted at section pair `k`'s head (`pair` `None`) or on one of its rows.
    fn notes_at(&self, k: usize, pair: Option<usize>) -> &[usize] {
        self.notes.get(&(k, pair)).map_or(&[], Vec::as_slice)
    }

    /// One side's title in a section head.
    fn write_title_cell(
        &self,
        out: &mut impl Write,
        side: usize,
        index: Option<usize>,
    ) -> io::Result<()> {
        let lang = self.docs[side].lang().code();
        match self.heading(side, index) {
            Some((id, title)) => writeln!(
                out,
                "<th class=\"side\" lang=\"{lang}\"><span class=\"sid\">{}</span> {}</th>",
                escape_html(id),
                escape_html(title)
            ),
            None => writeln!(
                out,
                "<th class=\"side missing\" lang=\"en\">no counterpart in this version</th>"
            ),
        }
    }

    /// One sentence pair: both sides with their highlights, and the notes.
    fn write_row(
        &self,
        out: &mut impl Write,
        k: usize,
        p: usize,
        pair: &SentencePair,
    ) -> io::Result<()> {
        let low = if pair.score < LOW_SCORE { " low" } else { "" };
        writeln!(out, "<tr class=\"pair{low}\" id=\"r{k}-{p}\">")?;
        for (side, idx) in [&pair.a, &pair.b].into_iter().enumerate() {
            self.write_side_cell(out, side, idx, (k, p))?;
        }
        write!(
            out,
            "<td class=\"notes\"><span class=\"score\">{:.2}</span>",
            pair.score
        )?;
        if !low.is_empty() {
            write!(out, " <span class=\"low-badge\">low</span>")?;
        }
        self.write_notes(out, self.notes_at(k, Some(p)))?;
        writeln!(out, "</td>\n</tr>")
    }

    /// One side of a sentence pair: its sentences, highlighted.
    fn write_side_cell(
        &self,
        out: &mut impl Write,
        side: usize,
        idx: &[usize],
        row: (usize, usize),
    ) -> io::Result<()> {
        let lang = self.docs[side].lang().code();
        if idx.is_empty() {
            return writeln!(
                out,
                "<td class=\"side empty\" lang=\"en\">no counterpart</td>"
            );
        }
        write!(out, "<td class=\"side\" lang=\"{lang}\">")?;
        for (n, &i) in idx.iter().enumerate() {
            let Some(sentence) = self.docs[side].sentences().get(i) else {
                continue;
            };
            let here = self.row_of[side].get(i).copied().flatten() == Some(row);
            let marks = match self.placed.get(&(side, i)) {
                Some(marks) if here => &marks[..],
                _ => &[],
            };
            let space = if n > 0 { " " } else { "" };
            write!(
                out,
                "{space}<span class=\"s\">{}</span>",
                self.highlight(sentence, marks)
            )?;
        }
        writeln!(out, "</td>")
    }

    /// The sentence's text, escaped, with its highlights as `<mark>` elements. Overlapping
    /// highlights nest; one that runs past the end of the one around it is cut there.
    fn highlight(&self, sentence: &Sentence<'_>, marks: &[Placed]) -> String {
        let text = sentence.text();
        let mut marks: Vec<&Placed> = marks.iter().collect();
        marks.sort_by_key(|m| (m.range.start, std::cmp::Reverse(m.range.end), m.div));
        let mut html = String::with_capacity(text.len() + 64 * marks.len());
        let (mut pos, mut open) = (0, Vec::<usize>::new());
        let piece = |a: usize, b: usize| escape_html(text.get(a..b).unwrap_or(""));
        for m in marks {
            while let Some(&end) = open.last().filter(|&&end| end <= m.range.start) {
                html.push_str(&piece(pos, end));
                html.push_str("</mark>");
                (pos, _) = (end, open.pop());
            }
            html.push_str(&piece(pos, m.range.start));
            pos = m.range.start;
            let end = open
                .last()
                .map_or(m.range.end, |&outer| m.range.end.min(outer));
            html.push_str(&self.mark_open(m.div));
            open.push(end);
        }
        while let Some(end) = open.pop() {
            html.push_str(&piece(pos, end));
            html.push_str("</mark>");
            pos = end;
        }
        html.push_str(&piece(pos, text.len()));
        html
    }

    /// The opening tag of divergence `n`'s highlight.
    fn mark_open(&self, n: usize) -> String {
        let Some(d) = self.check.divergences.get(n) else {
            return "<mark>".to_string();
        };
        format!(
            "<mark class=\"d k-{0} v-{1}\" data-div=\"{n}\" data-kind=\"{0}\" data-sev=\"{1}\" \
             title=\"{2}\">",
            d.kind.name(),
            d.severity.name(),
            escape_html(&format!("{} {}: {}", d.severity, d.kind, d.message))
        )
    }

    /// The notes of divergences `list`.
    fn write_notes(&self, out: &mut impl Write, list: &[usize]) -> io::Result<()> {
        if list.is_empty() {
            return Ok(());
        }
        writeln!(out, "<ul class=\"note-list\">")?;
        for &n in list {
            self.write_note(out, n)?;
        }
        writeln!(out, "</ul>")
    }

    /// The note of divergence `n`: severity, kind, message, where the evidence stands, and the
    /// evidence itself when no displayed sentence holds it.
    fn write_note(&self, out: &mut impl Write, n: usize) -> io::Result<()> {
        let Some(d) = self.check.divergences.get(n) else {
            return Ok(());
        };
        let (kind, sev) = (d.kind.name(), d.severity.name());
        write!(
            out,
            "<li class=\"d note k-{kind} v-{sev}\" data-note=\"{n}\" data-kind=\"{kind}\" \
             data-sev=\"{sev}\" data-id=\"{}\" title=\"confidence {:.2}\">\
             <span class=\"chip v-{sev}\">{sev}</span> <span class=\"chip k-{kind}\">{kind}</span> {}",
            escape_html(&d.id),
            d.confidence,
            escape_html(&d.message)
        )?;
        for (side, evidence) in [&d.a, &d.b].into_iter().enumerate() {
            let Some(e) = evidence else { continue };
            let lang = self.docs[side].lang().code();
            write!(
                out,
                " <span class=\"at\">{lang} {}:{}</span>",
                e.line, e.column
            )?;
            if self.unplaced.get(n).is_some_and(|u| u[side]) {
                write!(out, " {}{}</mark>", self.mark_open(n), escape_html(&e.text))?;
            }
        }
        writeln!(out, "</li>")
    }
}

/// The page's style sheet: a sidebar and the pairs on screen; on paper the filters and the
/// contents go, highlights become underlines and rows are not split.
const STYLE: &str = include_str!("html.css");

/// The page's script: the filters hide the findings of the kinds and severities unticked (their
/// notes go, their highlights fade to plain text) and update the count shown.
const SCRIPT: &str = include_str!("html.js");

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::ReportOptions;
    use crate::{Checker, Lang};

    #[test]
    fn escape_html_escapes_the_five_characters() {
        assert_eq!(
            escape_html(r#"<a href="x">Tom & Jerry's</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;"
        );
        assert_eq!(escape_html("&amp;"), "&amp;amp;");
        assert!(matches!(
            escape_html("plain año"),
            Cow::Borrowed("plain año")
        ));
        assert_eq!(escape_html(""), "");
        assert_eq!(
            escape_html("a\u{1b}]0;t\u{7}\u{0}\u{9b}\tb\r\n"),
            "a\\u{1b}]0;t\\u{7}\\u{0}\\u{9b}\tb\r\n"
        );
    }

    fn page_of(en: &str, es: &str) -> String {
        let en = Document::parse(en, Lang::En).unwrap();
        let es = Document::parse(es, Lang::Es).unwrap();
        let check = Checker::new().check(&en, &es);
        let report = CheckReport::new(&check, &en, &es, ["a", "b"], ReportOptions::default());
        let mut out = Vec::new();
        write_html(&mut out, &report, &check, &en, &es).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn evidence_is_highlighted_inside_its_sentence() {
        let page = page_of(
            "1. Parks\nParks Canada will sign by March 31, 2026.\n",
            "1. Parques\nParques Canadá firmará antes del 30 de abril de 2026.\n",
        );
        let en = "Parks Canada will sign <mark class=\"d k-date v-error\" data-div=\"0\"";
        assert!(page.contains(en), "{page}");
        assert!(page.contains(">by March 31, 2026</mark>."), "{page}");
        assert!(
            page.contains(">antes del 30 de abril de 2026</mark>."),
            "{page}"
        );
    }

    fn placed(div: usize, range: Range<usize>) -> Placed {
        Placed { div, range }
    }

    #[test]
    fn overlapping_highlights_nest_and_are_cut_at_their_parent_end() {
        let en = Document::parse("1. Trade\nAbcdefghij klm.\n", Lang::En).unwrap();
        let es = Document::parse("1. Comercio\nAbcdefghij klm.\n", Lang::Es).unwrap();
        let check = Check {
            alignment: crate::Aligner::new().align(&en, &es),
            divergences: Vec::new(),
            doc_date: None,
        };
        let report = CheckReport::new(&check, &en, &es, ["a", "b"], ReportOptions::default());
        let page = Page::new(&report, &check, [&en, &es]);
        let sentence = &en.sentences()[0];
        // Divergence indexes out of range give plain marks: the nesting is what is tested.
        let html = page.highlight(
            sentence,
            &[placed(9, 2..6), placed(8, 0..4), placed(7, 4..8)],
        );
        assert_eq!(
            html,
            "<mark>Ab<mark>cd</mark></mark><mark>efgh</mark>ij klm."
        );
        assert_eq!(html.matches("<mark>").count(), 3);
        assert_eq!(html.matches("</mark>").count(), 3);
        assert_eq!(
            html.replace("<mark>", "").replace("</mark>", ""),
            "Abcdefghij klm."
        );
    }
}
