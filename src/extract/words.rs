//! Numbers in words: `two thousand five hundred`, `one hundred and five`, `twenty-one`,
//! `setenta y cinco`, `mil doscientos millones`, `medio millón`, and the digits between their
//! scale words (`2 mil 500`).
//!
//! The usual reading: a running total and a current group. A unit, teen or ten adds to the
//! group; `hundred` multiplies it; a scale of a thousand or more multiplies the group and adds
//! it to the total, or, when it is larger than every scale before it, multiplies the total as
//! well (`mil doscientos millones` is 1,200 millions). Every word comes from the language's
//! tables: `number_words`, `scale_words`, `unit_words` and `number_joiners`.

use super::{whole, Words};
use crate::lang::Tables;
use crate::tokens::TokenKind;

/// A number read from words, exactly.
#[derive(Debug)]
pub(super) struct Compound {
    /// Its value.
    pub value: u128,
    /// The index of its last token.
    pub last: usize,
}

/// What one word (or scale phrase, or digit group) does in a number in words.
#[derive(Clone, Copy, Debug)]
enum Part {
    /// A unit, teen or ten (`five`, `twenty`, `veintiuno`): added to the group.
    Small(u128),
    /// `hundred`, `ciento` (100) or a hundreds word (`doscientos`).
    Hundreds(u128),
    /// A scale of a thousand or more (`thousand`, `millones`, `mil millones`).
    Scale(u128),
    /// Whole digits (`2 mil 500`).
    Digits(u128),
}

/// What came last, which sets what may follow.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum After {
    #[default]
    Nothing,
    Word,
    Scale,
    Digits,
}

/// The running reading of a number in words.
#[derive(Clone, Copy, Debug, Default)]
struct State {
    total: u128,
    group: u128,
    /// The largest and the smallest scale applied so far, 0 before any.
    high: u128,
    low: u128,
    after: After,
}

impl State {
    /// Whether the small number `v` can be added to the group: to an empty group or one of
    /// whole hundreds (`two hundred five`, `ciento cinco`), or as the unit after a ten
    /// (`twenty-one`); never after digits (`20 five-year plans` is 20).
    fn can_add(&self, v: u128) -> bool {
        let r = self.group % 100;
        self.after != After::Digits && v < 100 && (r == 0 || (r % 10 == 0 && r >= 20 && v < 10))
    }

    fn add(&mut self, v: u128) {
        self.group += v;
        self.after = After::Word;
    }

    /// `hundred` multiplies a group below 100 (`two hundred`, `nineteen hundred`); a hundreds
    /// word starts an empty group (`ciento`, `doscientos`). `half` a hundred is `halves` 1.
    fn hundreds(&mut self, v: u128, halves: u128) -> bool {
        let next = if halves > 0 {
            (self.group == 0).then(|| halves * v / 2)
        } else if v == 100 && (1..100).contains(&self.group) {
            Some(self.group * 100)
        } else if self.group == 0 && self.after != After::Digits {
            Some(v)
        } else {
            None
        };
        match next {
            Some(g) => {
                self.group = g;
                self.after = After::Word;
                true
            }
            None => false,
        }
    }

    /// A scale `m` after the group and `halves` half units (`medio millón`): larger than every
    /// scale before, it multiplies the total too; smaller than every one, it adds its group.
    fn scale(&mut self, m: u128, halves: u128) -> bool {
        let Some(mut g2) = self
            .group
            .checked_mul(2)
            .and_then(|g| g.checked_add(halves))
        else {
            return false;
        };
        if g2 == 0 && self.after == After::Nothing {
            // `thousand`, `mil` alone.
            g2 = 2;
        }
        let total = if m > self.high {
            self.total
                .checked_mul(2)
                .and_then(|t| t.checked_add(g2))
                .and_then(|t| t.checked_mul(m))
                .map(|t| t / 2)
        } else if m < self.low && g2 > 0 {
            g2.checked_mul(m)
                .map(|t| t / 2)
                .and_then(|t| self.total.checked_add(t))
        } else {
            None
        };
        let Some(total) = total else { return false };
        if m > self.high {
            self.high = m;
        }
        self.low = m;
        self.total = total;
        self.group = 0;
        self.after = After::Scale;
        true
    }

    fn value(&self) -> Option<u128> {
        self.total.checked_add(self.group)
    }
}

/// A number's parts and tokens, read with a language's tables.
struct Reader<'a, 's> {
    w: &'a Words<'s>,
    tables: &'a Tables,
    used: &'a [bool],
}

impl Reader<'_, '_> {
    /// Whether tokens `a` and `b` stand next to each other within one number: space between
    /// them, or a hyphen (`twenty-one`).
    fn joined(&self, a: usize, b: usize) -> bool {
        if b >= self.w.toks.len() {
            return false;
        }
        let gap = self.w.between(a, b);
        (!gap.is_empty() && gap.chars().all(char::is_whitespace)) || gap == "-"
    }

    /// The part at token `k` and its length in tokens.
    fn part_at(&self, k: usize) -> Option<(Part, usize)> {
        let t = self.w.toks.get(k)?;
        if self.used[k] {
            return None;
        }
        if t.kind == TokenKind::Number {
            // Whole digits only: `1.5 billion`, `0.500`, `.5` are read elsewhere.
            if !t.key.bytes().all(|b| b.is_ascii_digit()) || self.w.decimal_written(k).is_some() {
                return None;
            }
            return t.key.parse().ok().map(|v| (Part::Digits(v), 1));
        }
        // A word in capitals inside a sentence is an acronym (`MS-DOS`, `la compresión DOS`),
        // not the number word it spells.
        if t.kind == TokenKind::Acronym {
            return None;
        }
        let (len, v) = match self.w.scale_at(k, &self.tables.scale_words) {
            Some((len, v)) if self.used[k..k + len].iter().all(|u| !u) => (len, whole(v)),
            _ => (
                1,
                super::table_value(self.tables.number_words, &self.w.folded[k])?,
            ),
        };
        let v = u128::from(v);
        Some(match v {
            0..100 => (Part::Small(v), len),
            100..1000 => (Part::Hundreds(v), len),
            _ => (Part::Scale(v), len),
        })
    }

    /// The unit word or phrase at token `k` (`one`, `a`, `half a`, `medio`): its value in
    /// halves, whether it can be a number's last digit, and its length in tokens.
    fn unit_at(&self, k: usize) -> Option<(u128, bool, usize)> {
        let mut best: Option<(u128, bool, usize)> = None;
        for &(phrase, v, last_digit) in self.tables.unit_words {
            if let Some(n) = self.w.phrase_at(k, phrase) {
                let halves = v * 2.0;
                if halves.fract() == 0.0
                    && halves > 0.0
                    && self.used[k..k + n].iter().all(|u| !u)
                    && best.is_none_or(|b| n > b.2)
                {
                    best = Some((whole(halves).into(), last_digit, n));
                }
            }
        }
        best
    }

    /// What follows a joiner at token `k` (`and five`, `y uno`): a small number, or a unit
    /// that can be a last digit; its value and length.
    fn addend_at(&self, k: usize) -> Option<(u128, usize)> {
        match self.part_at(k) {
            Some((Part::Small(v), len)) => Some((v, len)),
            Some(_) => None,
            None => match self.unit_at(k)? {
                (2, true, len) => Some((1, len)),
                _ => None,
            },
        }
    }
}

/// The number in words that starts at token `i`, if one does; the digits at `i` start one
/// only when a scale word follows them (`2 mil 500`). A lone unit word (`one`, `un`) is no
/// number, nor a scale word alone that is not a number word itself (`millions`).
pub(super) fn read(w: &Words<'_>, tables: &Tables, used: &[bool], i: usize) -> Option<Compound> {
    let r = Reader { w, tables, used };
    let n = w.toks.len();
    // A run starts on digits, a number word or a unit before a multiplier (checked below).
    let starts = w.toks[i].kind == TokenKind::Number
        || (w.toks[i].kind != TokenKind::Acronym
            && super::table_value(tables.number_words, &w.folded[i]).is_some())
        || r.unit_at(i).is_some();
    if !starts {
        return None;
    }
    let mut st = State::default();
    let mut last: Option<usize> = None;
    // The reading before the last joiner, restored when a multiplier after it cannot apply
    // (`between one thousand and five thousand` is two numbers).
    let mut before_joiner: Option<(State, Option<usize>)> = None;
    let mut k = i;
    while k < n {
        if let Some(prev) = last {
            if !r.joined(prev, k) {
                break;
            }
        }
        // `one hundred and five`, `setenta y cinco`.
        if last.is_some()
            && !used[k]
            && st.after != After::Digits
            && tables.number_joiners.contains(&w.folded[k].as_str())
        {
            if !r.joined(k, k + 1) {
                break;
            }
            if let Some((v, len)) = r.addend_at(k + 1) {
                if !st.can_add(v) {
                    break;
                }
                before_joiner = Some((st, last));
                st.add(v);
                last = Some(k + len);
                k += len + 1;
                continue;
            }
            // A half: `three and a half million`, `tres millones y medio`.
            let Some((1, _, len)) = r.unit_at(k + 1) else {
                break;
            };
            let m = k + 1 + len;
            let scale = match r.part_at(m) {
                Some((Part::Scale(s), slen)) if r.joined(m - 1, m) => Some((s, slen)),
                _ => None,
            };
            match scale {
                Some((s, slen)) if st.after == After::Word && st.scale(s, 1) => {
                    last = Some(m + slen - 1);
                    k = m + slen;
                    before_joiner = None;
                    continue;
                }
                None if st.after == After::Scale => {
                    // Half the last scale; nothing more follows.
                    st.total = st.total.saturating_add(st.low / 2);
                    last = Some(m - 1);
                }
                _ => {}
            }
            break;
        }
        let applied = match r.part_at(k) {
            Some((Part::Small(v), len)) => {
                if !st.can_add(v) {
                    break;
                }
                st.add(v);
                len
            }
            Some((part @ (Part::Hundreds(_) | Part::Scale(_)), len)) => {
                let applies = match part {
                    Part::Hundreds(v) => st.hundreds(v, 0),
                    Part::Scale(m) => st.scale(m, 0),
                    Part::Small(_) | Part::Digits(_) => false,
                };
                if !applies {
                    if let Some((s, l)) = before_joiner.take() {
                        (st, last) = (s, l);
                    }
                    break;
                }
                before_joiner = None;
                len
            }
            Some((Part::Digits(v), len)) => {
                // Digits start a number, or stand after a scale as a smaller group.
                let first = last.is_none();
                if !(first || (st.after == After::Scale && st.group == 0 && v < st.low)) {
                    break;
                }
                st.group = v;
                st.after = After::Digits;
                len
            }
            None => {
                let Some((halves, last_digit, len)) = r.unit_at(k) else {
                    break;
                };
                // Before a multiplier: `a million`, `one hundred`, `medio millón`.
                let m = k + len;
                let multiplier = if m < n && r.joined(m - 1, m) && st.group == 0 {
                    match r.part_at(m) {
                        Some((Part::Hundreds(100), mlen)) => {
                            st.hundreds(100, halves).then_some(mlen)
                        }
                        Some((Part::Scale(s), mlen)) => st.scale(s, halves).then_some(mlen),
                        _ => None,
                    }
                } else {
                    None
                };
                match multiplier {
                    Some(mlen) => {
                        before_joiner = None;
                        len + mlen
                    }
                    // The last digit: `twenty-one`, `ciento uno`.
                    None if last_digit && halves == 2 && last.is_some() && st.can_add(1) => {
                        st.add(1);
                        len
                    }
                    None => break,
                }
            }
        };
        last = Some(k + applied - 1);
        k += applied;
    }
    let last = last?;
    // Digits alone are read by the caller, exactly, whatever their length.
    if last == i && w.toks[i].kind == TokenKind::Number {
        return None;
    }
    Some(Compound {
        value: st.value()?,
        last,
    })
}

#[cfg(test)]
mod tests {
    use crate::extract::{extract, Value};
    use crate::lang::Lang;

    /// The numbers of `text`: each value and the text that states it.
    fn numbers(text: &str, lang: Lang) -> Vec<(String, &str)> {
        extract(text, lang, Some(2025))
            .into_iter()
            .filter_map(|f| match f.value {
                Value::Number { value, .. } => Some((value.to_string(), &text[f.range])),
                _ => None,
            })
            .collect()
    }

    fn check(lang: Lang, cases: &[(&str, &[(&str, &str)])]) {
        for (text, expected) in cases {
            let expected: Vec<(String, &str)> =
                expected.iter().map(|(v, t)| (v.to_string(), *t)).collect();
            assert_eq!(numbers(text, lang), expected, "{text}");
        }
    }

    #[test]
    fn english_compounds_add_groups_and_multiply_by_scales() {
        check(
            Lang::En,
            &[
                (
                    "They will invest two thousand five hundred dollars.",
                    &[("2500", "two thousand five hundred")],
                ),
                (
                    "one thousand two hundred",
                    &[("1200", "one thousand two hundred")],
                ),
                (
                    "three million two hundred thousand",
                    &[("3200000", "three million two hundred thousand")],
                ),
                ("one hundred and five", &[("105", "one hundred and five")]),
                (
                    "a hundred and twenty people",
                    &[("120", "a hundred and twenty")],
                ),
                (
                    "twenty-one and twenty one",
                    &[("21", "twenty-one"), ("21", "twenty one")],
                ),
                ("nineteen hundred", &[("1900", "nineteen hundred")]),
                (
                    "two hundred one thousand",
                    &[("201000", "two hundred one thousand")],
                ),
                (
                    "one thousand million",
                    &[("1000000000", "one thousand million")],
                ),
            ],
        );
    }

    #[test]
    fn english_numbers_that_only_stand_side_by_side_stay_apart() {
        check(
            Lang::En,
            &[
                // The joiner belongs to `between`, not to the number.
                (
                    "between one thousand and five thousand",
                    &[("1000", "one thousand"), ("5000", "five thousand")],
                ),
                ("twenty, five", &[("20", "twenty"), ("5", "five")]),
                ("two or three", &[("2", "two"), ("3", "three")]),
                ("twenty thirty", &[("20", "twenty"), ("30", "thirty")]),
                ("20 five-year plans", &[("20", "20"), ("5", "five")]),
                // `one` and `a` alone are a pronoun and an article.
                ("one of the two countries, a plan a day", &[]),
                ("twenty a day", &[("20", "twenty")]),
            ],
        );
    }

    #[test]
    fn english_units_before_a_scale() {
        check(
            Lang::En,
            &[
                ("one billion", &[("1000000000", "one billion")]),
                ("a billion", &[("1000000000", "a billion")]),
                ("a million and one", &[("1000001", "a million and one")]),
                ("half a million", &[("500000", "half a million")]),
                (
                    "three and a half million, a million and a half",
                    &[
                        ("3500000", "three and a half million"),
                        ("1500000", "a million and a half"),
                    ],
                ),
                ("twenty and a half", &[("20", "twenty")]),
                // A joiner that ends the text.
                ("one hundred and", &[("100", "one hundred")]),
                ("a thousand", &[("1000", "a thousand")]),
            ],
        );
    }

    #[test]
    fn a_number_word_in_capitals_inside_a_sentence_is_an_acronym() {
        check(
            Lang::Es,
            &[
                (
                    "La compresión DOS admite dos formatos de archivo.",
                    &[("2", "dos")],
                ),
                (
                    "Hay dos paneles con dos directorios.",
                    &[("2", "dos"), ("2", "dos")],
                ),
            ],
        );
        check(Lang::En, &[("ONE is not a number in TWO places.", &[])]);
    }

    #[test]
    fn spanish_compounds() {
        check(
            Lang::Es,
            &[
                ("setenta y cinco", &[("75", "setenta y cinco")]),
                ("dos mil quinientos", &[("2500", "dos mil quinientos")]),
                ("mil doscientos", &[("1200", "mil doscientos")]),
                ("ciento uno", &[("101", "ciento uno")]),
                ("2 mil 500", &[("2500", "2 mil 500")]),
                ("trescientas personas", &[("300", "trescientas")]),
                ("novecientos", &[("900", "novecientos")]),
                ("veintiún años", &[("21", "veintiún")]),
                (
                    "veintiuna, veintidós",
                    &[("21", "veintiuna"), ("22", "veintidós")],
                ),
                ("veintiseis", &[("26", "veintiseis")]),
                ("treinta y un años", &[("31", "treinta y un")]),
                // Thousands of millions: the larger scale multiplies what came before.
                (
                    "mil doscientos millones",
                    &[("1200000000", "mil doscientos millones")],
                ),
                ("dos mil millones", &[("2000000000", "dos mil millones")]),
                (
                    "tres millones doscientos mil",
                    &[("3200000", "tres millones doscientos mil")],
                ),
                ("3 millones 200 mil", &[("3200000", "3 millones 200 mil")]),
            ],
        );
    }

    #[test]
    fn spanish_units_and_articles() {
        check(
            Lang::Es,
            &[
                ("un millón", &[("1000000", "un millón")]),
                ("un billón", &[("1000000000000", "un billón")]),
                ("medio millón", &[("500000", "medio millón")]),
                (
                    "tres millones y medio, un millón y medio",
                    &[
                        ("3500000", "tres millones y medio"),
                        ("1500000", "un millón y medio"),
                    ],
                ),
                ("una hora y media", &[]),
                ("setenta y", &[("70", "setenta")]),
                ("un proyecto y una agenda", &[]),
                ("los dos países", &[]),
                ("cinco y uno", &[("5", "cinco")]),
                ("dos o tres", &[("2", "dos"), ("3", "tres")]),
                ("millones de personas", &[]),
            ],
        );
    }

    #[test]
    fn any_mix_of_number_words_reads_without_panic_inside_the_text() {
        // Every word of the tables, joiners, digits of every kind (one past u128 too) and
        // separators, in pseudo-random runs: scales piled up must not overflow, every range
        // must fall on the text's char boundaries.
        for lang in [Lang::En, Lang::Es] {
            let t = lang.tables();
            let mut vocab: Vec<&str> = t.number_words.iter().map(|w| w.0).collect();
            vocab.extend(t.scale_words.iter().map(|w| w.0));
            vocab.extend(t.unit_words.iter().map(|w| w.0));
            vocab.extend(t.number_joiners);
            vocab.extend([
                "2",
                "500",
                "0.500",
                ".5",
                "1,000",
                "2025",
                "340282366920938463463374607431768211456",
                "millones",
                "billones",
                "Ñandú",
            ]);
            let seps = [" ", "-", ", ", " ", ".", " "];
            let mut state: u64 = 0x2545_f491_4f6c_dd1d;
            let mut next = |n: usize| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                usize::try_from(state % n as u64).unwrap_or(0)
            };
            for _ in 0..20_000 {
                let mut text = String::new();
                for _ in 0..next(14) {
                    text.push_str(vocab[next(vocab.len())]);
                    text.push_str(seps[next(seps.len())]);
                }
                for f in extract(&text, lang, Some(2025)) {
                    assert!(f.range.start <= f.range.end && f.range.end <= text.len());
                    assert!(
                        text.is_char_boundary(f.range.start) && text.is_char_boundary(f.range.end),
                        "{text:?}"
                    );
                }
            }
        }
    }
}
