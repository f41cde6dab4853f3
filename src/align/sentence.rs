//! Sentence alignment: a dynamic programme over beads, banded around the diagonal.
//!
//! A bead joins `a` consecutive sentences of one side to `b` of the other (1–1, 1–0, 0–1, 2–1,
//! 1–2, 2–2, 3–1, 1–3). Its cost adds three negative log-likelihoods: the prior of its shape,
//! the Gale–Church length model and the lexical evidence of the [`Weights`]. The search keeps
//! only a band of cells around the diagonal and widens it (doubling) wherever the best path
//! touches its edge, so near-parallel texts cost time and memory linear in their length.

use std::ops::Range;

use crate::lang::pair::Model;
use crate::lexicon::{Bag, Weights};

/// A bead of the best path.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Bead {
    pub a: Range<usize>,
    pub b: Range<usize>,
    pub score: f32,
}

/// Bead shapes and the cost of their prior. Merges follow Gale & Church's proportions as
/// −ln p (1–1 0.89, 2–1 and 1–2 0.045 each, 2–2 about 0.007, 3–1 and 1–3 0.0025). An unpaired
/// sentence costs 2.0 on top of the lexical cost of sharing nothing: far less than Gale &
/// Church's −ln 0.005, because here the lexical cost already tells a missing sentence from a
/// merge, and a cheaper skip keeps an inserted sentence from being glued to its neighbour
/// (1.0–2.0 give the same results on the gold and the synthetic corpora).
const SHAPES: [(usize, usize, f32); 8] = [
    (1, 1, 0.117),
    (1, 0, 2.0),
    (0, 1, 2.0),
    (2, 1, 3.1),
    (1, 2, 3.1),
    (2, 2, 5.0),
    (3, 1, 6.0),
    (1, 3, 6.0),
];

/// Initial half-width of the band, in cells.
const BAND: usize = 24;

/// Aligns the bags of two texts; the beads cover every index of both sides once, in order.
pub(crate) fn align(a: &[Bag], b: &[Bag], lex: &Weights, model: &Model) -> Vec<Bead> {
    let (n, m) = (a.len(), b.len());
    if n == 0 || m == 0 {
        return unpaired(n, m);
    }
    let guide = guide(a, b, lex, model);
    let beads = banded(a, b, lex, model, guide.as_deref());
    rejoin_truncated(beads, a, b, lex, model)
}

/// Joins a sentence left unpaired next to one unpaired on the other side when the shorter of
/// the two says little the longer does not: a translation that lost a large part (a clause of
/// half its length) costs more by length than two skips, but it is one pair with an omission,
/// not a deletion and an unrelated insertion.
fn rejoin_truncated(
    beads: Vec<Bead>,
    a: &[Bag],
    b: &[Bag],
    lex: &Weights,
    model: &Model,
) -> Vec<Bead> {
    let mut out: Vec<Bead> = Vec::with_capacity(beads.len());
    for bead in beads {
        if let Some(last) = out.last_mut() {
            let lone = |x: &Bead| (x.a.len(), x.b.len());
            let (ra, rb) = match (lone(last), lone(&bead)) {
                ((1, 0), (0, 1)) => (last.a.clone(), bead.b.clone()),
                ((0, 1), (1, 0)) => (bead.a.clone(), last.b.clone()),
                _ => (0..0, 0..0),
            };
            if !ra.is_empty() && contained(&a[ra.start], &b[rb.start], lex) {
                let score = pair_score(a, b, lex, model, ra.clone(), rb.clone());
                *last = Bead {
                    a: ra,
                    b: rb,
                    score,
                };
                continue;
            }
        }
        out.push(bead);
    }
    out
}

/// Whether the shorter of two sentences shares most of its evidence with the longer, and has
/// enough of it to tell. Numbers that differ between the two do not count against them: they
/// are what the comparison of the pair reports, and a sentence whose amounts were changed is
/// still that sentence (judged on all its evidence, a sentence of many amounts, a third of them
/// changed, would otherwise be taken for another, and its number errors would never be seen).
fn contained(x: &Bag, y: &Bag, lex: &Weights) -> bool {
    if x.alone || y.alone {
        return false;
    }
    let (shorter, longer) = if x.total <= y.total { (x, y) } else { (y, x) };
    let differing = lex.numbers_not_in(shorter, longer);
    shorter.classes.len() >= CONTAINED_MIN_CLASSES
        && lex.common(x, y) >= CONTAINED_SHARE * (shorter.total - differing)
}

/// Share of the shorter sentence's evidence the longer must hold for [`rejoin_truncated`].
const CONTAINED_SHARE: f32 = 0.6;
/// Classes the shorter sentence needs for [`rejoin_truncated`].
const CONTAINED_MIN_CLASSES: usize = 4;

/// The search in a band around `guide` (or the diagonal), doubled until the path keeps off
/// its edges.
fn banded(
    a: &[Bag],
    b: &[Bag],
    lex: &Weights,
    model: &Model,
    guide: Option<&[(usize, usize)]>,
) -> Vec<Bead> {
    let (n, m) = (a.len(), b.len());
    // Short texts may be searched whole; long ones have a guide, and a band wider than
    // `MAX_HALF` around it would make the search quadratic in their length.
    let widest = if n.max(m) > COARSE_ABOVE {
        MAX_HALF
    } else {
        usize::MAX
    };
    let mut half = BAND;
    loop {
        // The band covers everything, has reached its widest, or doubling it would pass the
        // memory budget: keep this path (texts that far from parallel have no good alignment
        // to find anyway).
        let full =
            half >= n.max(m) || half >= widest || (n + 1).saturating_mul(4 * half + 1) > MAX_CELLS;
        let band = Band { n, m, half, guide };
        let (path, touched) = search(a, b, lex, model, band);
        if path.is_empty() && full {
            // No path through the band: every sentence unpaired rather than any lost.
            return unpaired(n, m);
        }
        if (!touched && !path.is_empty()) || full {
            return path;
        }
        half *= 2;
    }
}

/// Every sentence of both sides alone.
fn unpaired(n: usize, m: usize) -> Vec<Bead> {
    (0..n)
        .map(|i| Bead {
            a: i..i + 1,
            b: 0..0,
            score: 0.0,
        })
        .chain((0..m).map(|j| Bead {
            a: n..n,
            b: j..j + 1,
            score: 0.0,
        }))
        .collect()
}

/// Widest half-band, in sentences (`BAND` doubled twice), of a text longer than
/// [`COARSE_ABOVE`] sentences: its band follows the coarse pass's path, so only texts far from
/// parallel stray further, and a band that doubled on to cover them would make the search
/// quadratic in their length. No alignment measured on near-parallel texts needs more than
/// `BAND`.
const MAX_HALF: usize = BAND << 2;

/// Most cells a search may keep back pointers for (one byte each).
const MAX_CELLS: usize = 1 << 28;

/// Sentences per block in the coarse pass.
const BLOCK: usize = 8;
/// Texts longer than this (on the longer side) get a coarse pass first.
const COARSE_ABOVE: usize = 1_000;

/// For long texts, the range of columns of every row from an alignment of blocks of [`BLOCK`]
/// sentences (banded around the diagonal; blocks of blocks would share too much vocabulary to
/// tell apart in repetitive texts): the fine search then keeps a narrow band
/// around where the coarse path runs, instead of around the straight diagonal, which drifts
/// from the true path by the imbalance of the edits so far.
fn guide(a: &[Bag], b: &[Bag], lex: &Weights, model: &Model) -> Option<Vec<(usize, usize)>> {
    let (n, m) = (a.len(), b.len());
    if n.max(m) <= COARSE_ABOVE {
        return None;
    }
    let blocks_a = blocks(a);
    let blocks_b = blocks(b);
    if blocks_a.is_empty() || blocks_b.is_empty() {
        return None;
    }
    // A block bead stands for BLOCK sentence beads: its lexical evidence weighs as much as
    // theirs would, against the same priors.
    let coarse_model = Model {
        lexical: model.lexical * BLOCK as f32,
        ..*model
    };
    let coarse = banded(&blocks_a, &blocks_b, lex, &coarse_model, None);
    // Corners of the coarse path in sentence coordinates.
    let mut corners = vec![(0usize, 0usize)];
    for bead in &coarse {
        corners.push(((bead.a.end * BLOCK).min(n), (bead.b.end * BLOCK).min(m)));
    }
    if corners.last() != Some(&(n, m)) {
        corners.push((n, m));
    }
    // Each row's range of columns on the coarse path: from where the path enters the row to
    // where it leaves it, so that consecutive rows always overlap.
    let mut ranges = vec![(usize::MAX, 0usize); n + 1];
    for w in corners.windows(2) {
        let ((i0, j0), (i1, j1)) = (w[0], w[1]);
        if i1 <= i0 {
            let r = &mut ranges[i0.min(n)];
            *r = (r.0.min(j0), r.1.max(j1));
            continue;
        }
        let (di, dj) = (i1 - i0, j1.saturating_sub(j0));
        for (i, r) in ranges.iter_mut().enumerate().take(i1 + 1).skip(i0) {
            let lo = j0 + dj * (i - i0) / di;
            let hi = (j0 + (dj * (i + 1 - i0)).div_ceil(di)).min(j1);
            *r = (r.0.min(lo), r.1.max(hi));
        }
    }
    // Both ends never decrease from row to row.
    for i in 1..ranges.len() {
        let prev = ranges[i - 1];
        let r = &mut ranges[i];
        if r.0 == usize::MAX {
            *r = prev;
        }
        r.1 = r.1.max(prev.1);
        r.0 = r.0.max(prev.0).min(r.1);
    }
    Some(ranges)
}

/// Consecutive bags merged by [`BLOCK`]s.
fn blocks(bags: &[Bag]) -> Vec<Bag> {
    bags.chunks(BLOCK)
        .map(|chunk| {
            let mut classes: Vec<u32> = chunk
                .iter()
                .flat_map(|b| b.classes.iter().copied())
                .collect();
            classes.sort_unstable();
            classes.dedup();
            Bag {
                classes,
                total: chunk.iter().map(|b| b.total).sum(),
                unlinked_numbers: chunk.iter().map(|b| b.unlinked_numbers).sum(),
                chars: chunk.iter().map(|b| b.chars).sum(),
                alone: false,
            }
        })
        .collect()
}

/// The band of row `i`: columns `lo..=hi` around the guide (or the diagonal).
#[derive(Clone, Copy)]
struct Band<'g> {
    n: usize,
    m: usize,
    half: usize,
    guide: Option<&'g [(usize, usize)]>,
}

impl Band<'_> {
    fn cols(&self, i: usize) -> (usize, usize) {
        let (from, to) = match self.guide {
            Some(g) => g[i],
            None => {
                let center = (i * self.m + self.n / 2) / self.n;
                (center, center)
            }
        };
        (from.saturating_sub(self.half), (to + self.half).min(self.m))
    }
}

/// Pairwise shared weight of the sentences of rows `i-1`, `i-2`, `i-3` against nearby columns.
struct Overlaps {
    rows: [(usize, Vec<f32>); 3],
}

impl Overlaps {
    fn get(&self, e: usize, s: usize) -> f32 {
        let (base, row) = &self.rows[e % 3];
        row.get(s.wrapping_sub(*base)).copied().unwrap_or(0.0)
    }
}

fn search(a: &[Bag], b: &[Bag], lex: &Weights, model: &Model, band: Band<'_>) -> (Vec<Bead>, bool) {
    let (n, m) = (a.len(), b.len());
    // Back pointers of every cell of the band, row by row.
    let mut row_start = Vec::with_capacity(n + 2);
    let mut row_lo = Vec::with_capacity(n + 1);
    let mut total = 0;
    for i in 0..=n {
        let (lo, hi) = band.cols(i);
        row_start.push(total);
        row_lo.push(lo);
        total += hi - lo + 1;
    }
    row_start.push(total);
    let mut back = vec![u8::MAX; total];
    // Costs of the last four rows.
    let mut cost: [(usize, Vec<f32>); 4] = Default::default();
    let mut ov = Overlaps {
        rows: Default::default(),
    };
    let prefix_a = prefix(a, |x| f64::from(x.chars));
    let prefix_b = prefix(b, |x| f64::from(x.chars));
    let prefix_ta = prefix(a, |x| f64::from(x.total));
    let prefix_tb = prefix(b, |x| f64::from(x.total));
    let prefix_za = prefix(a, |x| f64::from(u8::from(x.total == 0.0)));
    let prefix_zb = prefix(b, |x| f64::from(u8::from(x.total == 0.0)));

    for i in 0..=n {
        let (lo, hi) = band.cols(i);
        if i > 0 {
            // Overlaps of sentence i-1 with every column rows i..i+2 may pair it with.
            let e = i - 1;
            let (_, hi3) = band.cols((e + 3).min(n));
            let base = lo.saturating_sub(3);
            let row: Vec<f32> = (base..hi3.min(m))
                .map(|s| lex.common(&a[e], &b[s]))
                .collect();
            ov.rows[e % 3] = (base, row);
        }
        let mut row_cost = vec![f32::INFINITY; hi - lo + 1];
        for j in lo..=hi {
            if i == 0 && j == 0 {
                row_cost[0] = 0.0;
                continue;
            }
            let mut best = f32::INFINITY;
            let mut best_shape = u8::MAX;
            for (k, &(da, db, prior)) in SHAPES.iter().enumerate() {
                if da > i || db > j {
                    continue;
                }
                let (pi, pj) = (i - da, j - db);
                if (da > 1 && a[pi..i].iter().any(|x| x.alone))
                    || (db > 1 && b[pj..j].iter().any(|x| x.alone))
                {
                    continue;
                }
                let prev = if pi == i {
                    if pj < lo {
                        continue;
                    }
                    row_cost[pj - lo]
                } else {
                    let (plo, prow) = &cost[pi % 4];
                    if row_lo[pi] != *plo || pj < *plo {
                        continue;
                    }
                    match prow.get(pj - plo) {
                        Some(&c) => c,
                        None => continue,
                    }
                };
                if !prev.is_finite() {
                    continue;
                }
                let c = prev
                    + prior
                    + bead_cost(
                        &prefix_a,
                        &prefix_b,
                        [&prefix_ta, &prefix_tb],
                        [&prefix_za, &prefix_zb],
                        &ov,
                        pi..i,
                        pj..j,
                        model,
                    )
                    .0;
                if c < best {
                    best = c;
                    best_shape = k as u8;
                }
            }
            row_cost[j - lo] = best;
            back[row_start[i] + j - lo] = best_shape;
        }
        cost[i % 4] = (lo, row_cost);
    }

    // Trace back, noting whether the path runs along an edge of the band that is not the
    // edge of the matrix.
    let mut beads = Vec::new();
    let mut touched = false;
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let (lo, hi) = band.cols(i);
        if (j == lo && lo > 0) || (j == hi && hi < m) {
            touched = true;
        }
        if j < lo || j > hi {
            return (Vec::new(), true);
        }
        let shape = back[row_start[i] + j - lo];
        let Some(&(da, db, _)) = SHAPES.get(shape as usize) else {
            // Unreachable cell: only when the band is too narrow to connect the corners.
            return (Vec::new(), true);
        };
        beads.push((i - da..i, j - db..j));
        i -= da;
        j -= db;
    }
    beads.reverse();
    let beads = beads
        .into_iter()
        .map(|(ra, rb)| {
            let score = pair_score(a, b, lex, model, ra.clone(), rb.clone());
            Bead {
                a: ra,
                b: rb,
                score,
            }
        })
        .collect();
    (beads, touched)
}

/// Running sums (in f64, exact for any realistic length) of a quantity of the bags.
fn prefix(bags: &[Bag], of: impl Fn(&Bag) -> f64) -> Vec<f64> {
    let mut out = Vec::with_capacity(bags.len() + 1);
    let mut sum = 0.0;
    out.push(0.0);
    for b in bags {
        sum += of(b);
        out.push(sum);
    }
    out
}

/// Cost of a bead beyond its prior, and its lexical similarity when it has two sides.
///
/// `totals` are running sums of the bags' evidence weights, `bare` of the bags without any
/// (a sentence with nothing linked): such a sentence pays the cost of unknown evidence
/// wherever it goes, so that joining it to a well-matched neighbour does not make it free.
#[allow(clippy::too_many_arguments)]
fn bead_cost(
    pa: &[f64],
    pb: &[f64],
    totals: [&[f64]; 2],
    bare: [&[f64]; 2],
    ov: &Overlaps,
    ra: Range<usize>,
    rb: Range<usize>,
    model: &Model,
) -> (f32, Option<f32>) {
    // Lexical costs count per sentence, so merging sentences does not dilute them.
    let size = (ra.len() + rb.len()) as f32 / 2.0;
    if ra.is_empty() || rb.is_empty() {
        return (model.lexical * size, None);
    }
    let la = (pa[ra.end] - pa[ra.start]) as f32;
    let lb = (pb[rb.end] - pb[rb.start]) as f32;
    let total_a = (totals[0][ra.end] - totals[0][ra.start]) as f32;
    let total_b = (totals[1][rb.end] - totals[1][rb.start]) as f32;
    let bare_size = ((bare[0][ra.end] - bare[0][ra.start]) + (bare[1][rb.end] - bare[1][rb.start]))
        as f32
        / 2.0;
    let common = merged_common(ra.clone(), rb.clone(), |e, s| ov.get(e, s));
    let lexical = lexical_similarity(common, total_a, total_b);
    let lex_cost =
        model.lexical * ((1.0 - lexical.unwrap_or(0.5)) * (size - bare_size) + 0.5 * bare_size);
    (length_cost(la, lb, model) + lex_cost, lexical)
}

/// Shared weight of a bead from the pairwise shared weights of its sentences: each sentence of
/// one side counts what it shares with its best partner on the other, on whichever side gives
/// more. Summing over all pairs instead would count twice the words that every sentence
/// shares (the names of the two countries), and make merges look better than they are.
fn merged_common(ra: Range<usize>, rb: Range<usize>, common: impl Fn(usize, usize) -> f32) -> f32 {
    if ra.len() == 1 && rb.len() == 1 {
        return common(ra.start, rb.start);
    }
    let by_a: f32 = ra
        .clone()
        .map(|e| rb.clone().map(|s| common(e, s)).fold(0.0, f32::max))
        .sum();
    let by_b: f32 = rb
        .map(|s| ra.clone().map(|e| common(e, s)).fold(0.0, f32::max))
        .sum();
    by_a.max(by_b)
}

fn lexical_similarity(common: f32, total_a: f32, total_b: f32) -> Option<f32> {
    let sum = total_a + total_b;
    (sum > 0.0).then(|| (2.0 * common.min(total_a).min(total_b) / sum).min(1.0))
}

/// −ln of the two-tailed probability of the length difference (Gale & Church 1993).
fn length_cost(la: f32, lb: f32, model: &Model) -> f32 {
    -length_probability(la, lb, model).max(1e-12).ln()
}

/// Two-tailed probability in [0, 1] that translations of these lengths differ this much.
pub(crate) fn length_probability(la: f32, lb: f32, model: &Model) -> f32 {
    let mean = (la + lb / model.ratio) / 2.0;
    if mean <= 0.0 {
        return 1.0;
    }
    let delta = (lb - la * model.ratio) / (model.variance * mean).sqrt();
    erfc(delta.abs() / std::f32::consts::SQRT_2)
}

/// Complementary error function (Abramowitz & Stegun 7.1.26, error below 1.5e-7).
fn erfc(x: f32) -> f32 {
    let t = 1.0 / (1.0 + 0.327_591_1 * x);
    let poly = t
        * (0.254_829_6
            + t * (-0.284_496_7 + t * (1.421_413_8 + t * (-1.453_152_1 + t * 1.061_405_4))));
    (poly * (-x * x).exp()).clamp(0.0, 2.0)
}

/// The score of a bead in [0, 1]: 0 when a side is empty; otherwise a quarter from the length
/// model (the two-tailed probability of the length difference) and three quarters from the
/// lexical evidence (the share of weighted evidence found on both sides, where sharing half of
/// it already counts as full support, since translations rarely share more; a sentence without
/// any evidence counts a half).
pub(crate) fn pair_score(
    a: &[Bag],
    b: &[Bag],
    lex: &Weights,
    model: &Model,
    ra: Range<usize>,
    rb: Range<usize>,
) -> f32 {
    if ra.is_empty() || rb.is_empty() {
        return 0.0;
    }
    let la: f32 = a[ra.clone()].iter().map(|x| x.chars as f32).sum();
    let lb: f32 = b[rb.clone()].iter().map(|x| x.chars as f32).sum();
    let total_a: f32 = a[ra.clone()].iter().map(|x| x.total).sum();
    let total_b: f32 = b[rb.clone()].iter().map(|x| x.total).sum();
    let common = merged_common(ra.clone(), rb.clone(), |e, s| lex.common(&a[e], &b[s]));
    let length = length_probability(la, lb, model);
    // Sentences without any evidence count as unknown (a half), as in the cost: a pair is not
    // well supported because its lengths agree and nothing else can be told.
    let size = (ra.len() + rb.len()) as f32;
    let bare = a[ra]
        .iter()
        .chain(&b[rb])
        .filter(|x| x.total == 0.0)
        .count() as f32;
    let shared = lexical_similarity(common, total_a, total_b).map_or(0.5, |l| (2.0 * l).min(1.0));
    let lexical = (shared * (size - bare) + 0.5 * bare) / size;
    0.25 * length + 0.75 * lexical
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn erfc_matches_known_values() {
        assert!((erfc(0.0) - 1.0).abs() < 1e-6);
        assert!((erfc(1.0) - 0.157_299_2).abs() < 1e-6);
        assert!((erfc(2.0) - 0.004_677_7).abs() < 1e-6);
    }

    #[test]
    fn a_length_difference_is_as_likely_read_from_either_side() {
        use crate::lang::{pair, Lang};
        let forth = pair::model(Lang::En, Lang::Es).unwrap();
        let back = pair::model(Lang::Es, Lang::En).unwrap();
        for (en, es) in [(100.0, 120.0), (100.0, 80.0), (40.0, 90.0)] {
            let (x, y) = (
                length_probability(en, es, &forth),
                length_probability(es, en, &back),
            );
            assert!((x - y).abs() < 1e-4, "{en} {es}: {x} {y}");
        }
    }

    #[test]
    fn length_probability_peaks_at_the_expected_ratio() {
        let m = crate::lang::pair::model(crate::Lang::En, crate::Lang::Es).unwrap();
        let at_ratio = length_probability(100.0, 109.5, &m);
        assert!(at_ratio > 0.99, "{at_ratio}");
        assert!(length_probability(100.0, 50.0, &m) < 0.01);
        assert!(length_probability(100.0, 130.0, &m) < length_probability(100.0, 115.0, &m));
    }
}
