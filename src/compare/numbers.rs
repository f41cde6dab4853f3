//! Numbers, amounts and percentages: the same values on both sides.

use super::pairing::{in_order, unmatched_by_key};
use super::{Context, Draft, Located};
use crate::divergence::{DivergenceKind, Severity};
use crate::extract::{NumberForm, Value};
use crate::tokens::fold;

/// A number of one side: where, its value, its form, and whether written as a word.
type NumberAt<'l> = (&'l Located, &'l crate::extract::Decimal, NumberForm, bool);

impl Context<'_, '_, '_> {
    pub(super) fn numbers(
        &self,
        p: usize,
        sentences: [&[usize]; 2],
        en: &[Located],
        es: &[Located],
        out: &mut Vec<Draft>,
    ) {
        /// The numbers of `side`: ordinals only, or all but ordinals.
        fn nums(side: &[Located], ordinals: bool) -> Vec<NumberAt<'_>> {
            side.iter()
                .filter_map(|l| match &l.found.value {
                    Value::Number {
                        value, form, word, ..
                    } if (*form == NumberForm::Ordinal) == ordinals => {
                        Some((l, value, *form, *word))
                    }
                    _ => None,
                })
                .collect()
        }
        // Counts and percentages are compared with each other (`50%` against `50` differs);
        // ordinals among themselves, and an ordinal word alone on one side is an idiom more
        // often than a rank (`primer ministro` for `Prime Minister`).
        let mut lonely: Vec<(Vec<NumberAt<'_>>, Vec<NumberAt<'_>>)> = Vec::new();
        for ordinals in [false, true] {
            let (ne, ns) = (nums(en, ordinals), nums(es, ordinals));
            let (lonely_en, lonely_es) =
                unmatched_by_key(&ne, &ns, |x| (x.1.to_string(), form_rank(x.2)));
            let mut lonely_en: Vec<NumberAt<'_>> = lonely_en.into_iter().copied().collect();
            let mut lonely_es: Vec<NumberAt<'_>> = lonely_es.into_iter().copied().collect();
            // `three-dimensional` against `tridimensional`: a number word in a compound is the
            // other side's numeric prefix.
            lonely_en.retain(|x| !self.in_prefixed_word(0, x, sentences[1]));
            lonely_es.retain(|x| !self.in_prefixed_word(1, x, sentences[0]));
            // `two processes` against `los dos procesos` (`both`, not counted): a 2 the other
            // side says as `both` is there.
            lonely_en.retain(|x| !self.two_as_both(x, 1, sentences[1]));
            lonely_es.retain(|x| !self.two_as_both(x, 0, sentences[0]));
            // `three characters each for user, group and other` against `tres para el usuario,
            // tres para el grupo y los tres últimos`: a number said again on one side is there
            // once on the other. And digits the other side writes as they are (`2nd`, the day
            // of `19 May 2021` that its language reads as no date) are there too.
            let (all_en, all_es) = (nums(en, ordinals), nums(es, ordinals));
            let said = |x: &NumberAt<'_>, theirs: &[NumberAt<'_>]| {
                theirs
                    .iter()
                    .any(|y| y.1 == x.1 && form_rank(y.2) == form_rank(x.2))
            };
            lonely_en.retain(|x| !said(x, &all_es) && !self.written_alike(0, x, sentences[1]));
            lonely_es.retain(|x| !said(x, &all_en) && !self.written_alike(1, x, sentences[0]));
            lonely.push((lonely_en, lonely_es));
        }
        self.units(p, [&nums(en, false), &nums(es, false)], out);
        // `the 3rd stage` against `la fase 3`: a rank written as a count is the same rank.
        let (counts, ranks) = lonely.split_at_mut(1);
        for (count_side, rank_side) in [
            (&mut counts[0].0, &mut ranks[0].1),
            (&mut counts[0].1, &mut ranks[0].0),
        ] {
            count_side.retain(|c| {
                let at = rank_side.iter().position(|r| r.1 == c.1);
                if let Some(k) = at {
                    rank_side.remove(k);
                }
                at.is_none()
            });
        }
        for (ordinals, (mut lonely_en, mut lonely_es)) in [false, true].into_iter().zip(lonely) {
            if ordinals {
                // A word ordinal counts only against an ordinal the other side has alone.
                let (en_none, es_none) = (lonely_en.is_empty(), lonely_es.is_empty());
                lonely_en.retain(|x| !x.3 || !es_none);
                lonely_es.retain(|x| !x.3 || !en_none);
            }
            // Exact, whatever the length: never `inf`, never rounded.
            let show = |x: &NumberAt<'_>| match x.2 {
                NumberForm::Count => x.1.to_string(),
                NumberForm::Percent => format!("{}%", x.1),
                NumberForm::Ordinal => format!("{} (ordinal)", x.1),
            };
            for (a, b) in in_order(&lonely_en, &lonely_es) {
                let (severity, message) = match (a, b) {
                    (Some(a), Some(b)) => (
                        Severity::Error,
                        format!(
                            "the number differs: {} in {}, {} in {}",
                            show(a),
                            self.name(0),
                            show(b),
                            self.name(1)
                        ),
                    ),
                    (Some(a), None) => (
                        Severity::Warning,
                        format!(
                            "the number {} of the {} version is missing in the {}",
                            show(a),
                            self.name(0),
                            self.name(1)
                        ),
                    ),
                    (None, Some(b)) => (
                        Severity::Warning,
                        format!(
                            "the number {} of the {} version is missing in the {}",
                            show(b),
                            self.name(1),
                            self.name(0)
                        ),
                    ),
                    (None, None) => continue,
                };
                out.push(Draft::new(
                    DivergenceKind::Number,
                    severity,
                    Some(p),
                    [a.map(|x| x.0.piece()), b.map(|x| x.0.piece())],
                    message,
                    0.85,
                ));
            }
        }
    }
}

impl Context<'_, '_, '_> {
    /// The same number of each side, one of seconds and the other of minutes (`every 2
    /// seconds`, `cada 2 minutos`): each side's count of a number with a unit the other side
    /// never gives that number, where the other gives it another unit.
    fn units(&self, p: usize, nums: [&[NumberAt<'_>]; 2], out: &mut Vec<Draft>) {
        // Per side, each number with a unit: the number, its unit, and the number and unit's
        // piece of text.
        let with_units = [0, 1].map(|side| {
            nums[side]
                .iter()
                .filter_map(|x| {
                    let (unit, end) = self.unit_of(side, x.0)?;
                    let piece = super::Piece {
                        sentence: x.0.sentence,
                        range: x.0.found.range.start..end,
                    };
                    Some((x, unit, piece))
                })
                .collect::<Vec<_>>()
        });
        for (a, unit_a, piece_a) in &with_units[0] {
            let same = |side: usize, unit: &str| {
                with_units[side]
                    .iter()
                    .any(|(y, u, _)| y.1 == a.1 && *u == unit)
            };
            if same(1, unit_a) {
                continue;
            }
            let Some((_, unit_b, piece_b)) = with_units[1]
                .iter()
                .find(|(y, u, _)| y.1 == a.1 && !same(0, u))
            else {
                continue;
            };
            let message = format!(
                "the unit differs: \"{}\" ({unit_a}) in {}, \"{}\" ({unit_b}) in {}",
                self.text_of(0, piece_a),
                self.name(0),
                self.text_of(1, piece_b),
                self.name(1)
            );
            out.push(Draft::new(
                DivergenceKind::Number,
                Severity::Error,
                Some(p),
                [Some(piece_a.clone()), Some(piece_b.clone())],
                message,
                0.85,
            ));
            return;
        }
    }

    /// The unit named right after number `l` of `side` (`2 seconds`, `2000MiB`), a symbol of
    /// [`crate::lang::UNIT_SYMBOLS`] or a unit name of the side's language, and where its
    /// name ends.
    fn unit_of(&self, side: usize, l: &Located) -> Option<(&'static str, usize)> {
        let (word, end) = self.unit_word(side, l)?;
        let unit = crate::lang::unit_symbol(word).or_else(|| {
            let folded = fold(word);
            self.doc(side)
                .lang()
                .tables()
                .unit_names
                .iter()
                .chain(crate::lang::SHARED_UNIT_NAMES)
                .find(|(name, _)| *name == folded)
                .map(|&(_, unit)| unit)
        })?;
        Some((unit, end))
    }

    /// The word right after number `l` of `side`, glued or after one space, and where it ends.
    fn unit_word(&self, side: usize, l: &Located) -> Option<(&str, usize)> {
        let text = self.doc(side).sentences().get(l.sentence)?.text();
        let rest = text.get(l.found.range.end..)?;
        let trimmed = rest.strip_prefix(' ').unwrap_or(rest);
        let start = l.found.range.end + (rest.len() - trimmed.len());
        let len = trimmed
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(trimmed.len());
        (len > 0).then(|| (&trimmed[..len], start + len))
    }

    /// Whether number `x` of `side`, written in digits, stands as it is written in the other
    /// side's sentences `other`: with letters (`2nd`), or beside a word that stands beside it
    /// here too (the `19` of `19 May 2021`): the same text, which the other language reads
    /// otherwise.
    fn written_alike(&self, side: usize, x: &NumberAt<'_>, other: &[usize]) -> bool {
        if x.3 {
            return false;
        }
        let text = self.doc(side).sentences()[x.0.sentence].text();
        let range = &x.0.found.range;
        fn words(t: &str) -> Vec<&str> {
            t.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect()
        }
        let (Some(before), Some(written), Some(after)) = (
            text.get(..range.start),
            text.get(range.clone()),
            text.get(range.end..),
        ) else {
            return false;
        };
        // Digits with letters (`2nd`) are English wherever they stand; bare digits need a word
        // beside them to be the same text.
        let lettered = written.chars().any(char::is_alphabetic);
        let written = words(written);
        let (before, after) = (words(before).last().copied(), words(after).first().copied());
        other.iter().any(|&j| {
            let theirs = words(self.doc(1 - side).sentences()[j].text());
            theirs
                .windows(written.len().max(1))
                .enumerate()
                .any(|(k, w)| {
                    w == written.as_slice()
                        && (lettered
                            || (before.is_some() && k > 0 && theirs.get(k - 1).copied() == before)
                            || (after.is_some() && theirs.get(k + written.len()).copied() == after))
                })
        })
    }

    /// Whether number `x` is 2 and the `other` side's sentences `idx` say `both` (`ambos`,
    /// `los dos`), which the number readers leave out as no count.
    fn two_as_both(
        &self,
        x: &(&Located, &crate::extract::Decimal, NumberForm, bool),
        other: usize,
        idx: &[usize],
    ) -> bool {
        if x.2 != NumberForm::Count || x.1.to_string() != "2" {
            return false;
        }
        let both = self.doc(other).lang().tables().both_words;
        idx.iter().any(|&i| {
            let folded = crate::tokens::fold(self.doc(other).sentences()[i].text());
            let words: Vec<&str> = folded
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            both.iter().any(|phrase| {
                let want: Vec<&str> = phrase.split(' ').collect();
                words.windows(want.len()).any(|w| w == want.as_slice())
            })
        })
    }

    /// Whether number `x` of `side`, written as a word joined by a hyphen to the next
    /// (`three-dimensional`, `two-year`), stands in the other side's sentences `other` as the
    /// numeric prefix of a word (`tridimensional`, `bienal`).
    fn in_prefixed_word(
        &self,
        side: usize,
        x: &(&Located, &crate::extract::Decimal, NumberForm, bool),
        other: &[usize],
    ) -> bool {
        let (at, value, _, word) = *x;
        let text = self.doc(side).sentences()[at.sentence].text();
        let compound = text.get(at.found.range.end..).is_some_and(|rest| {
            rest.starts_with('-') && rest[1..].starts_with(char::is_alphabetic)
        });
        if !word || !compound {
            return false;
        }
        let other_side = 1 - side;
        let prefixes = self.doc(other_side).lang().tables().number_prefixes;
        other.iter().any(|&i| {
            self.doc(other_side).sentences()[i]
                .text()
                .split(|c: char| !c.is_alphabetic())
                .map(crate::tokens::fold)
                .any(|w| {
                    prefixes.iter().any(|&(prefix, n)| {
                        w.len() > prefix.len() + 3
                            && w.starts_with(prefix)
                            && value.to_string() == n.to_string()
                    })
                })
        })
    }
}

/// A number form as a key.
pub(super) fn form_rank(form: NumberForm) -> u8 {
    match form {
        NumberForm::Count => 0,
        NumberForm::Percent => 1,
        NumberForm::Ordinal => 2,
    }
}
