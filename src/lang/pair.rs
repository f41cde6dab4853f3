//! Facts about a pair of languages: how long a sentence of one runs in the other, and how
//! closely translations keep to that. One row per pair measured, read in either direction.

use super::Lang;

/// The length model of a language pair and the weight of the lexical evidence against it, as
/// the sentence aligner's cost needs them.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Model {
    /// Expected ratio of characters, second side over first.
    pub ratio: f32,
    /// Variance of the length difference per character.
    pub variance: f32,
    /// Weight of the lexical evidence.
    pub lexical: f32,
}

/// English → Spanish. The ratio is measured on the 91 two-sided beads of the hand-made gold
/// alignment of a 2025 bilingual action plan (tests/gold/): Spanish runs 1.095 times the
/// English characters. The variance measured there, 2.14 per character, comes from a single
/// careful translation and makes the length model overconfident on looser ones; Gale and
/// Church's 6.8 (from the Canadian Hansard) aligns our synthetic corpora with edits better
/// (`examples/evaluate.rs`), so it is the one used.
const EN_ES: Model = Model {
    ratio: EN_ES_RATIO as f32,
    variance: 6.8,
    lexical: 6.0,
};

/// Spanish characters per English character (see [`EN_ES`]).
const EN_ES_RATIO: f64 = 1.095;

/// The pairs measured, first language → second.
const MEASURED: &[(Lang, Lang, Model)] = &[(Lang::En, Lang::Es, EN_ES)];

/// The model from `a` to `b`: a pair measured, in either direction (the ratio inverted from
/// second to first); one language on both sides, characters one for one with the weights of
/// the first pair measured; `None` for a pair nobody measured.
pub(crate) fn model(a: Lang, b: Lang) -> Option<Model> {
    if a == b {
        return Some(unmeasured(1.0));
    }
    MEASURED.iter().find_map(|&(x, y, m)| {
        if (x, y) == (a, b) {
            Some(m)
        } else if (x, y) == (b, a) {
            // The variance is per character of the first side: read from the other side, the
            // same differences are `ratio³` times smaller in its units, and mirrored texts
            // then align as mirrors.
            Some(Model {
                ratio: 1.0 / m.ratio,
                variance: m.variance / m.ratio.powi(3),
                ..m
            })
        } else {
            None
        }
    })
}

/// True when two versions given in languages `a` then `b` are English and Spanish, in either
/// order: the pair whose sides are named by language (`en`, `es`), the English version on side
/// `a`.
pub(crate) fn is_english_spanish(a: Lang, b: Lang) -> bool {
    matches!((a, b), (Lang::En, Lang::Es) | (Lang::Es, Lang::En))
}

/// How messages name the two sides of a pair in languages `a` and `b`, side `a` first: by
/// language (`English`, `Spanish`), and two versions in one language by language and side
/// (`English (a)`, `English (b)`), so that "3 in English (a), 4 in English (b)" still tells them
/// apart.
pub(crate) fn side_names(a: Lang, b: Lang) -> [String; 2] {
    if a == b {
        [
            format!("{} (a)", a.proper_name()),
            format!("{} (b)", b.proper_name()),
        ]
    } else {
        [a.proper_name(), b.proper_name()]
    }
}

/// The model of a pair nobody measured, with the ratio the caller estimates (from the texts
/// themselves): the variance and lexical weight of the first pair measured, English–Spanish.
pub(crate) fn unmeasured(ratio: f32) -> Model {
    Model { ratio, ..EN_ES }
}

/// Characters of `b` per character of `a` in translation, in full precision: a pair measured,
/// in either direction; 1 for one language on both sides and for a pair nobody measured.
pub(crate) fn length_ratio(a: Lang, b: Lang) -> f64 {
    match (a, b) {
        (Lang::En, Lang::Es) => EN_ES_RATIO,
        (Lang::Es, Lang::En) => 1.0 / EN_ES_RATIO,
        _ => 1.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sides_are_named_by_language_and_told_apart_in_one_language() {
        assert_eq!(side_names(Lang::En, Lang::Es), ["English", "Spanish"]);
        assert_eq!(side_names(Lang::Es, Lang::En), ["Spanish", "English"]);
        assert_eq!(
            side_names(Lang::Es, Lang::Es),
            ["Spanish (a)", "Spanish (b)"]
        );
        assert!(is_english_spanish(Lang::Es, Lang::En) && !is_english_spanish(Lang::En, Lang::En));
    }
    #[test]
    fn a_measured_pair_reads_both_ways() {
        let there = model(Lang::En, Lang::Es).unwrap();
        assert_eq!(
            (there.ratio, there.variance, there.lexical),
            (1.095, 6.8, 6.0)
        );
        let back = model(Lang::Es, Lang::En).unwrap();
        assert_eq!(back.ratio, 1.0 / 1.095);
        assert_eq!(back.lexical, 6.0);
        assert!((back.variance - 6.8 / 1.095f32.powi(3)).abs() < 1e-5);
        let same = model(Lang::Es, Lang::Es).unwrap();
        assert_eq!((same.ratio, same.variance, same.lexical), (1.0, 6.8, 6.0));
        assert_eq!(unmeasured(1.3).ratio, 1.3);
    }
}
