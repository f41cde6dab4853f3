//! Section alignment: numbering confirmed by content, a monotone programme over what is left,
//! then moved sections.

use std::collections::HashMap;

use crate::lexicon::{Bag, Weights};

/// The evidence of a whole section: classes with their counts.
#[derive(Clone, Debug, Default)]
pub(crate) struct SectionBag {
    counts: Vec<(u32, u32)>,
    total: f32,
}

impl SectionBag {
    /// Sums the bags of a section's title and sentences.
    pub fn new<'b>(bags: impl IntoIterator<Item = &'b Bag>) -> SectionBag {
        let mut counts: HashMap<u32, u32> = HashMap::new();
        let mut total = 0.0;
        for bag in bags {
            for &c in &bag.classes {
                *counts.entry(c).or_default() += 1;
            }
            total += bag.total;
        }
        let mut counts: Vec<(u32, u32)> = counts.into_iter().collect();
        counts.sort_unstable();
        SectionBag { counts, total }
    }

    /// Weighted Dice similarity of two sections in [0, 1].
    pub fn similarity(&self, other: &SectionBag, lex: &Weights) -> f32 {
        let sum = self.total + other.total;
        if sum <= 0.0 {
            return 0.0;
        }
        let (x, y) = (&self.counts, &other.counts);
        let (mut i, mut j, mut common) = (0, 0, 0.0);
        while i < x.len() && j < y.len() {
            match x[i].0.cmp(&y[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    common += lex.weight(x[i].0) * x[i].1.min(y[j].1) as f32;
                    i += 1;
                    j += 1;
                }
            }
        }
        (2.0 * common / sum).min(1.0)
    }
}

/// One pairing decision.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Match {
    pub a: Option<usize>,
    pub b: Option<usize>,
    pub moved: bool,
}

/// How much better another candidate must be to contradict a pairing by number: more than
/// this much more similar, and more than twice as similar.
const CONTRADICTION_MARGIN: f32 = 0.1;
/// Least similarity for pairing sections by content alone, in order.
const IN_ORDER_MIN: f32 = 0.12;
/// Least similarity for pairing sections found out of order.
const MOVED_MIN: f32 = 0.2;
/// Above this many section pairs, similarities are computed only near the diagonal.
const DENSE_LIMIT: usize = 1 << 20;
/// Half-width of that diagonal band, in sections.
const SPARSE_BAND: usize = 64;

/// Pairs the sections of two documents given their ids and evidence. Every section appears in
/// exactly one match; matches come in no particular order.
pub(crate) fn pair(
    ids_a: &[&str],
    ids_b: &[&str],
    a: &[SectionBag],
    b: &[SectionBag],
    lex: &Weights,
) -> Vec<Match> {
    let (n, m) = (a.len(), b.len());
    let by_id: HashMap<&str, usize> = ids_b.iter().enumerate().map(|(j, id)| (*id, j)).collect();
    let same_id: Vec<(usize, usize)> = ids_a
        .iter()
        .enumerate()
        .filter_map(|(i, id)| by_id.get(id).map(|&j| (i, j)))
        .collect();
    let sim = Similarities::new(a, b, lex, &same_id);
    let mut row_max = vec![0.0f32; n];
    let mut col_max = vec![0.0f32; m];
    for (i, j, s) in sim.cells() {
        row_max[i] = row_max[i].max(s);
        col_max[j] = col_max[j].max(s);
    }
    let contradicted = |better: f32, s: f32| better > s + CONTRADICTION_MARGIN && better > 2.0 * s;

    // 1. Same numbering path, unless content says otherwise.
    let mut anchors: Vec<(usize, usize)> = Vec::new();
    for &(i, j) in &same_id {
        let s = sim.get(i, j);
        if !contradicted(row_max[i], s) && !contradicted(col_max[j], s) {
            anchors.push((i, j));
        }
    }
    let mut match_a: Vec<Option<usize>> = vec![None; n];
    let mut match_b: Vec<Option<usize>> = vec![None; m];
    let mut moved_a = vec![false; n];
    let in_order = longest_increasing(&anchors, n, m);
    for (k, &(i, j)) in anchors.iter().enumerate() {
        match_a[i] = Some(j);
        match_b[j] = Some(i);
        moved_a[i] = !in_order[k];
    }

    // 2. Between consecutive in-order anchors, a monotone programme over the free sections.
    let mut fences: Vec<(usize, usize)> = anchors
        .iter()
        .zip(&in_order)
        .filter(|(_, &keep)| keep)
        .map(|(&p, _)| p)
        .collect();
    fences.push((n, m));
    let (mut pi, mut pj) = (0, 0);
    for &(fi, fj) in &fences {
        let free_a: Vec<usize> = (pi..fi).filter(|&i| match_a[i].is_none()).collect();
        let free_b: Vec<usize> = (pj..fj).filter(|&j| match_b[j].is_none()).collect();
        for (i, j) in monotone(&free_a, &free_b, &sim) {
            match_a[i] = Some(j);
            match_b[j] = Some(i);
        }
        (pi, pj) = (fi + 1, fj + 1);
    }

    // 3. Moved sections: what is still free, best pairs first.
    // Indices as u32: a candidate of a huge document costs 12 bytes, not 24.
    let mut cands: Vec<(f32, u32, u32)> = sim
        .cells()
        .filter(|&(i, j, s)| match_a[i].is_none() && match_b[j].is_none() && s >= MOVED_MIN)
        .filter_map(|(i, j, s)| Some((s, u32::try_from(i).ok()?, u32::try_from(j).ok()?)))
        .collect();
    cands.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    for (_, i, j) in cands {
        let (i, j) = (i as usize, j as usize);
        if match_a[i].is_none() && match_b[j].is_none() {
            match_a[i] = Some(j);
            match_b[j] = Some(i);
            moved_a[i] = true;
        }
    }

    let mut out: Vec<Match> = (0..n)
        .map(|i| Match {
            a: Some(i),
            b: match_a[i],
            moved: moved_a[i],
        })
        .collect();
    out.extend((0..m).filter(|&j| match_b[j].is_none()).map(|j| Match {
        a: None,
        b: Some(j),
        moved: false,
    }));
    out
}

/// Section similarities: dense for ordinary documents, near the diagonal for huge ones.
struct Similarities {
    n: usize,
    m: usize,
    dense: bool,
    /// Dense: every pair, row by row. Near the diagonal: [`BAND_WIDTH`] cells a row, from
    /// the row's [`Similarities::band`] start (cells past its end unused).
    grid: Vec<f32>,
    /// Near the diagonal: the pairs asked for outside the band, sorted.
    extra: Vec<(usize, usize, f32)>,
}

/// Cells of a row near the diagonal.
const BAND_WIDTH: usize = 2 * SPARSE_BAND;

impl Similarities {
    /// Similarities of every pair, or, for huge documents, of the pairs near the diagonal and
    /// of the pairs in `always`. Near the diagonal, a row's cells are stored in one block, so
    /// a section costs a few hundred bytes, not a hash table entry per neighbour.
    fn new(
        a: &[SectionBag],
        b: &[SectionBag],
        lex: &Weights,
        always: &[(usize, usize)],
    ) -> Similarities {
        let (n, m) = (a.len(), b.len());
        let dense = n.saturating_mul(m) <= DENSE_LIMIT;
        let mut out = Similarities {
            n,
            m,
            dense,
            grid: Vec::new(),
            extra: Vec::new(),
        };
        if dense {
            out.grid = (0..n * m)
                .map(|k| a[k / m].similarity(&b[k % m], lex))
                .collect();
        } else {
            out.grid = vec![0.0; n * BAND_WIDTH];
            for (i, bag) in a.iter().enumerate() {
                let cols = out.band(i);
                for (k, j) in cols.enumerate() {
                    out.grid[i * BAND_WIDTH + k] = bag.similarity(&b[j], lex);
                }
            }
            out.extra = always
                .iter()
                .filter(|&&(i, j)| !out.band(i).contains(&j))
                .map(|&(i, j)| (i, j, a[i].similarity(&b[j], lex)))
                .collect();
            out.extra.sort_by_key(|&(i, j, _)| (i, j));
            out.extra.dedup_by_key(|c| (c.0, c.1));
        }
        out
    }

    /// The columns of row `i` near the diagonal.
    fn band(&self, i: usize) -> std::ops::Range<usize> {
        let center = i * self.m / self.n.max(1);
        center.saturating_sub(SPARSE_BAND)..(center + SPARSE_BAND).min(self.m)
    }

    fn get(&self, i: usize, j: usize) -> f32 {
        if self.dense {
            return self.grid[i * self.m + j];
        }
        let band = self.band(i);
        if band.contains(&j) {
            return self.grid[i * BAND_WIDTH + j - band.start];
        }
        self.extra
            .binary_search_by_key(&(i, j), |&(x, y, _)| (x, y))
            .map_or(0.0, |k| self.extra[k].2)
    }

    /// Every pair known, with its similarity, by row and column.
    fn cells(&self) -> Box<dyn Iterator<Item = (usize, usize, f32)> + '_> {
        if self.dense {
            let m = self.m;
            return Box::new(
                self.grid
                    .iter()
                    .enumerate()
                    .map(move |(k, &s)| (k / m, k % m, s)),
            );
        }
        Box::new((0..self.n).flat_map(move |i| {
            let band = self.band(i);
            let from = self.extra.partition_point(|c| c.0 < i);
            let to = self.extra.partition_point(|c| c.0 <= i);
            let mut row: Vec<(usize, usize, f32)> = band
                .clone()
                .map(|j| (i, j, self.grid[i * BAND_WIDTH + j - band.start]))
                .chain(self.extra[from..to].iter().copied())
                .collect();
            row.sort_by_key(|&(_, j, _)| j);
            row
        }))
    }
}

/// Which items of a sequence of pairs (sorted by the first index) lie on a longest run whose
/// second indexes increase. Among runs of that length, the one whose items stray least from
/// the diagonal of the `n` × `m` table: when two sections are swapped (`1 4 3 2 5`), the two
/// swapped are the moved ones, not the one between them.
fn longest_increasing(pairs: &[(usize, usize)], n: usize, m: usize) -> Vec<bool> {
    let width = pairs.iter().map(|p| p.1 + 1).max().unwrap_or(0);
    // A run's rank: longer first, then less stray (its sum of distances, negated).
    type Rank = (usize, i128);
    let stray = |&(i, j): &(usize, usize)| -> i128 {
        (j as i128 * n as i128 - i as i128 * m as i128).abs()
    };
    // Fenwick tree over the second index: the best run ending at a smaller index.
    let mut tree: Vec<Option<(Rank, usize)>> = vec![None; width + 1];
    let mut prev = vec![usize::MAX; pairs.len()];
    let mut best: Option<(Rank, usize)> = None;
    for (k, p) in pairs.iter().enumerate() {
        let mut before: Option<(Rank, usize)> = None;
        let mut x = p.1;
        while x > 0 {
            if let Some(c) = tree[x] {
                if before.is_none_or(|b| c.0 > b.0) {
                    before = Some(c);
                }
            }
            x &= x - 1;
        }
        let rank = match before {
            Some(((len, score), at)) => {
                prev[k] = at;
                (len + 1, score - stray(p))
            }
            None => (1, -stray(p)),
        };
        if best.is_none_or(|b| rank > b.0) {
            best = Some((rank, k));
        }
        let mut x = p.1 + 1;
        while x <= width {
            if tree[x].is_none_or(|c| rank > c.0) {
                tree[x] = Some((rank, k));
            }
            x += x & x.wrapping_neg();
        }
    }
    let mut keep = vec![false; pairs.len()];
    let mut k = best.map_or(usize::MAX, |b| b.1);
    while k != usize::MAX {
        keep[k] = true;
        k = prev[k];
    }
    keep
}

/// A monotone matching of `xs` to `ys` maximising the total similarity above
/// [`IN_ORDER_MIN`]; for gaps too large for a full table, a greedy walk in order.
fn monotone(xs: &[usize], ys: &[usize], sim: &Similarities) -> Vec<(usize, usize)> {
    let (n, m) = (xs.len(), ys.len());
    if n == 0 || m == 0 {
        return Vec::new();
    }
    if n.saturating_mul(m) > DENSE_LIMIT {
        return greedy_in_order(xs, ys, sim);
    }
    let w = m + 1;
    let mut best = vec![0.0f32; (n + 1) * w];
    for i in 1..=n {
        for j in 1..=m {
            let gain = sim.get(xs[i - 1], ys[j - 1]) - IN_ORDER_MIN;
            let mut v = best[(i - 1) * w + j].max(best[i * w + j - 1]);
            if gain > 0.0 {
                v = v.max(best[(i - 1) * w + j - 1] + gain);
            }
            best[i * w + j] = v;
        }
    }
    let mut out = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 && j > 0 {
        let here = best[i * w + j];
        if here == best[(i - 1) * w + j] {
            i -= 1;
        } else if here == best[i * w + j - 1] {
            j -= 1;
        } else {
            out.push((xs[i - 1], ys[j - 1]));
            i -= 1;
            j -= 1;
        }
    }
    out.reverse();
    out
}

/// Walks both lists in order, pairing the next two sections when similar enough, otherwise
/// passing over whichever has the better partner a little further on the other side.
fn greedy_in_order(xs: &[usize], ys: &[usize], sim: &Similarities) -> Vec<(usize, usize)> {
    const LOOKAHEAD: usize = 8;
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < xs.len() && j < ys.len() {
        if sim.get(xs[i], ys[j]) > IN_ORDER_MIN {
            out.push((xs[i], ys[j]));
            i += 1;
            j += 1;
            continue;
        }
        let best_for_x = (j..ys.len().min(j + LOOKAHEAD))
            .map(|k| sim.get(xs[i], ys[k]))
            .fold(0.0, f32::max);
        let best_for_y = (i..xs.len().min(i + LOOKAHEAD))
            .map(|k| sim.get(xs[k], ys[j]))
            .fold(0.0, f32::max);
        if best_for_x >= best_for_y {
            j += 1;
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_increasing_keeps_the_longest_run() {
        let pairs = [(0, 0), (1, 2), (2, 1), (3, 3), (4, 4)];
        let keep = longest_increasing(&pairs, 5, 5);
        assert_eq!(keep.iter().filter(|k| **k).count(), 4);
        assert!(keep[0] && keep[3] && keep[4]);
        assert!(longest_increasing(&[], 0, 0).is_empty());
    }

    #[test]
    fn of_two_swapped_items_both_are_moved_and_the_one_between_stays() {
        // 1 4 3 2 5: runs 1 3 5, 1 2 5 and 1 4 5 are all longest; only 1 3 5 keeps every
        // item on the diagonal.
        let pairs = [(0, 0), (1, 3), (2, 2), (3, 1), (4, 4)];
        let keep = longest_increasing(&pairs, 5, 5);
        assert_eq!(keep, [true, false, true, false, true]);
        // With one section fewer on the second side the diagonal is scaled.
        let pairs = [(0, 0), (1, 3), (2, 2), (3, 1), (5, 4)];
        let keep = longest_increasing(&pairs, 6, 5);
        assert_eq!(keep.iter().filter(|k| **k).count(), 3);
        assert!(keep[0] && keep[2] && keep[4]);
    }
}
