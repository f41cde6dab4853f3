//! Reviews: which findings a reviewer wants to see (a [`Filter`]), and which were already
//! reviewed in an earlier round (a [`Baseline`]).

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::compare::Check;
use crate::divergence::{Divergence, DivergenceKind, Severity};

/// Which divergences to keep: not of an ignored kind, at least this severe and this confident.
///
/// ```
/// use paridad::{DivergenceKind, Filter, Severity};
///
/// let filter = Filter::default()
///     .ignore(DivergenceKind::Structure)
///     .min_severity(Severity::Warning);
/// assert!(filter.is_ignored(DivergenceKind::Structure));
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Filter {
    /// Kinds left out.
    pub ignored: BTreeSet<DivergenceKind>,
    /// The least severity kept.
    pub min_severity: Severity,
    /// The least confidence kept, in [0, 1].
    pub min_confidence: f64,
}

impl Default for Filter {
    /// Keeps everything.
    fn default() -> Filter {
        Filter {
            ignored: BTreeSet::new(),
            min_severity: Severity::Info,
            min_confidence: 0.0,
        }
    }
}

impl Filter {
    /// Leaves out divergences of `kind`.
    pub fn ignore(mut self, kind: DivergenceKind) -> Filter {
        self.ignored.insert(kind);
        self
    }

    /// Keeps only divergences at least as severe as `severity`.
    pub fn min_severity(mut self, severity: Severity) -> Filter {
        self.min_severity = severity;
        self
    }

    /// Keeps only divergences at least this confident.
    pub fn min_confidence(mut self, confidence: f64) -> Filter {
        self.min_confidence = confidence;
        self
    }

    /// Whether divergences of `kind` are left out.
    pub fn is_ignored(&self, kind: DivergenceKind) -> bool {
        self.ignored.contains(&kind)
    }

    /// Whether `d` is kept.
    pub fn keeps(&self, d: &Divergence) -> bool {
        !self.is_ignored(d.kind)
            && d.severity >= self.min_severity
            && d.confidence >= self.min_confidence
    }

    /// Removes from `check` the divergences this filter leaves out; returns how many.
    pub fn apply(&self, check: &mut Check) -> usize {
        let before = check.divergences.len();
        check.divergences.retain(|d| self.keeps(d));
        before - check.divergences.len()
    }
}

/// Findings already reviewed, by their stable ids: a later check hides them.
///
/// Ids hash a finding's kind, section ids and evidence, so the same finding keeps its id from
/// run to run while the documents around it change.
///
/// ```
/// use paridad::{Baseline, Checker, Document, Lang};
///
/// let en = Document::parse("1. Parks\nParks Canada will sign by March 31, 2026.\n", Lang::En)?;
/// let es = Document::parse("1. Parques\nParques Canadá firmará antes del 30 de abril de 2026.\n", Lang::Es)?;
/// let mut check = Checker::new().check(&en, &es);
/// let baseline = Baseline::of(&check);
/// assert_eq!(baseline.hide(&mut check), 1);
/// assert!(check.divergences.is_empty());
/// # Ok::<(), paridad::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Baseline {
    /// The format's name and version: `paridad.baseline.v1`.
    pub schema: String,
    /// The reviewed findings, by id; kind, section and message are there for people reading
    /// the file.
    pub findings: Vec<Reviewed>,
}

/// One reviewed finding of a [`Baseline`].
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Reviewed {
    /// The finding's stable id.
    pub id: String,
    /// Its kind.
    pub kind: DivergenceKind,
    /// The section ids of its section pair (`I.4`, or `I.4/-` when a side lacks it).
    pub section: String,
    /// Its message.
    pub message: String,
}

/// The schema name a baseline file carries.
pub const BASELINE_SCHEMA: &str = "paridad.baseline.v1";

impl Baseline {
    /// Records every divergence of `check` as reviewed.
    pub fn of(check: &Check) -> Baseline {
        let mut baseline = Baseline {
            schema: BASELINE_SCHEMA.to_string(),
            findings: Vec::new(),
        };
        baseline.record(check);
        baseline
    }

    /// Adds the divergences of `check` not yet recorded.
    pub fn record(&mut self, check: &Check) {
        let mut known: BTreeSet<String> = self.findings.iter().map(|r| r.id.clone()).collect();
        for d in &check.divergences {
            if !known.insert(d.id.clone()) {
                continue;
            }
            self.findings.push(Reviewed {
                id: d.id.clone(),
                kind: d.kind,
                section: section_label(check, d),
                message: d.message.clone(),
            });
        }
    }

    /// Whether `d` was reviewed.
    pub fn contains(&self, d: &Divergence) -> bool {
        self.findings.iter().any(|r| r.id == d.id)
    }

    /// Removes from `check` the divergences already reviewed; returns how many it hid.
    pub fn hide(&self, check: &mut Check) -> usize {
        let ids: BTreeSet<&str> = self.findings.iter().map(|r| r.id.as_str()).collect();
        let before = check.divergences.len();
        check.divergences.retain(|d| !ids.contains(d.id.as_str()));
        before - check.divergences.len()
    }
}

/// `I.4` when both sides share the id, `I.4/I.5` when they differ, `-` for a missing side.
pub(crate) fn section_label(check: &Check, d: &Divergence) -> String {
    let Some(section) = check.alignment.sections.get(d.section) else {
        return String::new();
    };
    match (&section.a_id, &section.b_id) {
        (Some(a), Some(b)) if a == b => a.clone(),
        (a, b) => format!(
            "{}/{}",
            a.as_deref().unwrap_or("-"),
            b.as_deref().unwrap_or("-")
        ),
    }
}
