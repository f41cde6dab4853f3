//! Missing, added and moved sections.

use super::{Context, Draft};
use crate::align::Alignment;
use crate::divergence::{DivergenceKind, Severity};
use crate::document::Document;
use crate::document::Section;

impl Context<'_, '_, '_> {
    /// Missing, added and moved sections.
    pub(super) fn structure(&self, k: usize, alignment: &Alignment, out: &mut Vec<Draft>) {
        let s = &alignment.sections[k];
        let twice: Vec<String> = [s.a, s.b]
            .into_iter()
            .enumerate()
            .filter_map(|(side, section)| self.number_used_twice(side, section?))
            .collect();
        if !twice.is_empty() {
            out.push(Draft::new(
                DivergenceKind::Structure,
                Severity::Warning,
                None,
                [None, None],
                format!(
                    "{}; the first may be an entry of a table of contents",
                    twice.join("; ")
                ),
                0.7,
            ));
        }
        let name = |doc: &Document<'_>, idx: usize| {
            let sec = &doc.sections()[idx];
            if sec.title().is_empty() {
                sec.id().to_string()
            } else {
                format!("{} «{}»", sec.id(), sec.title())
            }
        };
        let (severity, message, confidence) = match (s.a, s.b) {
            (Some(e), None) => (
                Severity::Warning,
                format!(
                    "section {} of the {} version has no counterpart in the {} version",
                    name(self.a, e),
                    self.name(0),
                    self.name(1)
                ),
                0.9,
            ),
            (None, Some(j)) => (
                Severity::Warning,
                format!(
                    "section {} of the {} version has no counterpart in the {} version",
                    name(self.b, j),
                    self.name(1),
                    self.name(0)
                ),
                0.9,
            ),
            (Some(e), Some(j)) if s.moved => (
                Severity::Warning,
                format!(
                    "section {} of the {} version stands elsewhere in the {} version, as {}",
                    name(self.a, e),
                    self.name(0),
                    self.name(1),
                    name(self.b, j)
                ),
                0.8,
            ),
            (Some(e), Some(j)) if self.a.sections()[e].id() != self.b.sections()[j].id() => (
                Severity::Info,
                format!(
                    "section {} of the {} version is numbered {} in the {} version",
                    name(self.a, e),
                    self.name(0),
                    self.b.sections()[j].id(),
                    self.name(1)
                ),
                0.8,
            ),
            _ => return,
        };
        out.push(Draft::new(
            DivergenceKind::Structure,
            severity,
            None,
            [None, None],
            message,
            confidence,
        ));
    }

    /// When the section's number was used before in its document (`1.1~2`): both headings, by
    /// line, so that a reader can tell a table of contents paridad did not recognise from a
    /// number the document really repeats.
    fn number_used_twice(&self, side: usize, section: usize) -> Option<String> {
        let doc = self.doc(side);
        let second = &doc.sections()[section];
        let (number, _) = second.id().split_once('~')?;
        let first = &doc.sections()[*self.section_ids[side].get(number)?];
        let line = |section: &Section<'_>| {
            let at = section
                .heading()
                .first()
                .map_or(section.span().start, |h| h.start);
            let title = match section.title() {
                "" => String::new(),
                title => format!(" «{title}»"),
            };
            format!("line {}{title}", self.lines[side].line_col(at).line)
        };
        Some(format!(
            "the {} version numbers two headings {number}: {} and {} (given the id {})",
            self.name(side),
            line(first),
            line(second),
            second.id()
        ))
    }
}
