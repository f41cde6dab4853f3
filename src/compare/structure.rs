//! Missing, added and moved sections.

use super::{Context, Draft};
use crate::align::Alignment;
use crate::divergence::{DivergenceKind, Severity};
use crate::document::Document;

impl Context<'_, '_, '_> {
    /// Missing, added and moved sections.
    pub(super) fn structure(&self, k: usize, alignment: &Alignment, out: &mut Vec<Draft>) {
        let s = &alignment.sections[k];
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
}
