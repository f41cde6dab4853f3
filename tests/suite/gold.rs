//! The segmenter against the hand-made gold (tests/gold/2025-2028.toml): every unit's sentences,
//! counted and compared word for word, on both sides. The gold was made by reading the texts
//! (see tests/gold/README.md), not from paridad's output.

use serde::Deserialize;

use super::util::*;

#[derive(Deserialize)]
pub struct Gold {
    pub unit: Vec<GoldUnit>,
}

#[derive(Deserialize)]
pub struct GoldUnit {
    pub id: String,
    pub en: Vec<String>,
    pub es: Vec<String>,
    /// `"i,j:k"` beads, 0-based within the unit.
    pub beads: Vec<String>,
}

pub fn gold() -> Gold {
    toml::from_str(include_str!("../gold/2025-2028.toml")).expect("the gold parses")
}

#[test]
fn every_unit_has_the_gold_sentences_on_both_sides() {
    let (en, es) = (en(), es());
    let gold = gold();
    assert_eq!(gold.unit.len(), 28);
    let mut compared = 0;
    for unit in &gold.unit {
        for (doc, expected) in [(&en, &unit.en), (&es, &unit.es)] {
            let got = sentences_of(doc, &unit.id);
            assert_eq!(
                got.len(),
                expected.len(),
                "{} {}: sentence count",
                doc.lang(),
                unit.id
            );
            for (g, e) in got.iter().zip(expected) {
                assert_eq!(g, e, "{} {}", doc.lang(), unit.id);
            }
            compared += got.len();
        }
    }
    assert_eq!(compared, 91 + 93);
}

/// Six sections a side: counts from the gold, first and last words checked against the printed
/// text with grep.
#[test]
fn hand_checked_counts_and_boundaries() {
    let cases: [(&str, &str, usize, &str, &str); 12] = [
        ("en", "I.1", 3, "Building on the", "to new markets."),
        (
            "en",
            "I.9",
            6,
            "Canada and Mexico are committed",
            "through innovative technologies.",
        ),
        (
            "en",
            "II.4",
            6,
            "Building on the momentum",
            "this Action Plan.",
        ),
        (
            "en",
            "III.4",
            3,
            "Building on the 2018",
            "planning and operations.",
        ),
        (
            "en",
            "IV.3",
            6,
            "Canada and Mexico will explore",
            "towards clean energy.",
        ),
        (
            "en",
            "preamble",
            8,
            "Canada and Mexico share",
            "for joint actions.",
        ),
        (
            "es",
            "I.1",
            3,
            "Se aprovecharán los amplios",
            "a nuevos mercados.",
        ),
        (
            "es",
            "I.5",
            4,
            "México y Canadá colaborarán",
            "la conectividad bilateral.",
        ),
        (
            "es",
            "II.3",
            5,
            "México y Canadá iniciarán",
            "en esta área.",
        ),
        (
            "es",
            "III.4",
            3,
            "Con base en el Acuerdo",
            "perspectiva de género.",
        ),
        ("es", "IV.2", 4, "En concordancia con", "clave de energía."),
        (
            "es",
            "preamble",
            10,
            "Ciudad de México, 18",
            "entre ambos países.",
        ),
    ];
    let (en, es) = (en(), es());
    for (lang, id, count, first, last) in cases {
        let doc = if lang == "en" { &en } else { &es };
        let got = sentences_of(doc, id);
        assert_eq!(got.len(), count, "{lang} {id}");
        assert!(
            got[0].starts_with(first),
            "{lang} {id}: first sentence {:?}",
            got[0]
        );
        assert!(
            got[count - 1].ends_with(last),
            "{lang} {id}: last sentence {:?}",
            got[count - 1]
        );
    }
}
