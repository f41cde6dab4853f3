//! How the JSON records name the two sides of a pair: by language for English and Spanish
//! (`paridad.report.v1`: `en`, `es_id` …), as `a` and `b` for any other pair
//! (`paridad.report.v2`: `a`, `b_id` …). The key names are chosen once per report from the two
//! languages, and the records' `Serialize` impls write them from one table.

use serde::ser::{SerializeStruct, Serializer};
use serde::Serialize;

use super::{CheckReport, CheckSection, DivergenceEntry, PairEntry, SectionEntry};
use crate::lang::Lang;

/// The report contract of a pair of languages, which names the keys of its two sides.
///
/// English and Spanish, in either order, report as `paridad.report.v1`, with side `a` (the
/// English version) written `en` and side `b` (the Spanish one) `es`: `en_id`, `es_idx`,
/// `en_span` …. Any other pair reports as `paridad.report.v2`, with the sides written `a` and
/// `b`: `a_id`, `b_idx`, `a_span` …. `paridad align --format json` records
/// ([`AlignmentReport`](super::AlignmentReport)) name their keys the same way.
///
/// ```
/// use paridad::report::Schema;
/// use paridad::Lang;
///
/// assert_eq!(Schema::of(Lang::Es, Lang::En), Schema::V1);
/// assert_eq!(Schema::of(Lang::En, Lang::En).name(), "paridad.report.v2");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Schema {
    /// `paridad.report.v1`: English on side `a`, Spanish on side `b`, keys named `en` and
    /// `es`.
    #[default]
    V1,
    /// `paridad.report.v2`: any other pair, keys named `a` and `b`.
    V2,
}

impl Schema {
    /// The contract of two versions in languages `a` and `b`: v1 for English and Spanish in
    /// either order ([`Aligner`](crate::Aligner) and [`Checker`](crate::Checker) put the
    /// English version on side `a` whichever came first), v2 for any other pair.
    pub fn of(a: Lang, b: Lang) -> Schema {
        if crate::lang::pair::is_english_spanish(a, b) {
            Schema::V1
        } else {
            Schema::V2
        }
    }

    /// The name a check report gives in its `schema` field: `paridad.report.v1` or
    /// `paridad.report.v2`.
    pub fn name(self) -> &'static str {
        match self {
            Schema::V1 => "paridad.report.v1",
            Schema::V2 => "paridad.report.v2",
        }
    }

    /// The names of the two sides, side `a` first: `en` and `es`, or `a` and `b`.
    pub(crate) fn side_names(self) -> [&'static str; 2] {
        self.keys().side
    }

    fn keys(self) -> &'static Keys {
        match self {
            Schema::V1 => &BY_LANGUAGE,
            Schema::V2 => &BY_SIDE,
        }
    }
}

impl Serialize for Schema {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

/// The key names of the two sides' fields, side `a` first in each pair.
struct Keys {
    /// A check's document object; a sentence pair's text; a divergence's evidence text.
    side: [&'static str; 2],
    id: [&'static str; 2],
    title: [&'static str; 2],
    idx: [&'static str; 2],
    span: [&'static str; 2],
    at: [&'static str; 2],
}

/// `paridad.report.v1`'s keys.
const BY_LANGUAGE: Keys = Keys {
    side: ["en", "es"],
    id: ["en_id", "es_id"],
    title: ["en_title", "es_title"],
    idx: ["en_idx", "es_idx"],
    span: ["en_span", "es_span"],
    at: ["en_at", "es_at"],
};

/// `paridad.report.v2`'s keys.
const BY_SIDE: Keys = Keys {
    side: ["a", "b"],
    id: ["a_id", "b_id"],
    title: ["a_title", "b_title"],
    idx: ["a_idx", "b_idx"],
    span: ["a_span", "b_span"],
    at: ["a_at", "b_at"],
};

impl Serialize for CheckReport<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let keys = self.schema.keys();
        let mut report = serializer.serialize_struct("CheckReport", 7)?;
        report.serialize_field("schema", &self.schema)?;
        report.serialize_field("paridad_version", self.paridad_version)?;
        report.serialize_field("options", &self.options)?;
        report.serialize_field(keys.side[0], &self.a)?;
        report.serialize_field(keys.side[1], &self.b)?;
        report.serialize_field("summary", &self.summary)?;
        report.serialize_field("sections", &self.sections)?;
        report.end()
    }
}

/// Writes the fields of a section entry into `out`, a section or a check section.
fn section_fields<S: SerializeStruct>(
    entry: &SectionEntry<'_>,
    out: &mut S,
) -> Result<(), S::Error> {
    let keys = entry.schema.keys();
    out.serialize_field(keys.id[0], &entry.a_id)?;
    out.serialize_field(keys.id[1], &entry.b_id)?;
    out.serialize_field(keys.title[0], &entry.a_title)?;
    out.serialize_field(keys.title[1], &entry.b_title)?;
    out.serialize_field("score", &entry.score)?;
    out.serialize_field("moved", &entry.moved)?;
    out.serialize_field("pairs", &entry.pairs)
}

impl Serialize for SectionEntry<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut entry = serializer.serialize_struct("SectionEntry", 7)?;
        section_fields(self, &mut entry)?;
        entry.end()
    }
}

impl Serialize for CheckSection<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut entry = serializer.serialize_struct("CheckSection", 8)?;
        section_fields(&self.section, &mut entry)?;
        entry.serialize_field("divergences", &self.divergences)?;
        entry.end()
    }
}

impl Serialize for PairEntry<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let keys = self.schema.keys();
        let mut entry = serializer.serialize_struct("PairEntry", 5)?;
        entry.serialize_field(keys.side[0], &self.a)?;
        entry.serialize_field(keys.side[1], &self.b)?;
        entry.serialize_field(keys.idx[0], self.a_idx)?;
        entry.serialize_field(keys.idx[1], self.b_idx)?;
        entry.serialize_field("score", &self.score)?;
        entry.end()
    }
}

impl Serialize for DivergenceEntry<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        /// `line:column`, written without a string of its own.
        struct At(usize, usize);
        impl Serialize for At {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(&format_args!("{}:{}", self.0, self.1))
            }
        }
        let keys = self.schema.keys();
        let d = self.divergence;
        let at = |e: &crate::Evidence| At(e.line, e.column);
        let mut entry = serializer.serialize_struct("DivergenceEntry", 12)?;
        entry.serialize_field("id", &d.id)?;
        entry.serialize_field("kind", d.kind.name())?;
        entry.serialize_field("severity", d.severity.name())?;
        entry.serialize_field("pair", &d.pair)?;
        entry.serialize_field(keys.side[0], &d.a.as_ref().map(|e| e.text.as_str()))?;
        entry.serialize_field(keys.side[1], &d.b.as_ref().map(|e| e.text.as_str()))?;
        entry.serialize_field(keys.span[0], &d.a.as_ref().map(|e| e.span))?;
        entry.serialize_field(keys.span[1], &d.b.as_ref().map(|e| e.span))?;
        entry.serialize_field(keys.at[0], &d.a.as_ref().map(at))?;
        entry.serialize_field(keys.at[1], &d.b.as_ref().map(at))?;
        entry.serialize_field("message", &d.message)?;
        entry.serialize_field("confidence", &d.confidence)?;
        entry.end()
    }
}
