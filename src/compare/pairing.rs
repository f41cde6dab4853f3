//! Pairing what two sides leave unmatched: the one helper every comparison uses.

use super::Located;
use std::collections::{HashMap, VecDeque};

/// An acronym without a counterpart in the aligned sentence.
#[derive(Clone, Debug)]
pub(super) struct LonelyAcronym {
    /// Where it stands.
    pub(super) at: Located,
    /// Whether the glossary knows it.
    pub(super) known: bool,
    /// Whether it is being defined (in parentheses after its expansion).
    pub(super) defined: bool,
}

/// The leftovers of two sides paired in order, the first of each side together, then the
/// second …; when one side has more, its extra ones come alone. Never `(None, None)`.
pub(super) fn in_order<'v, A, B>(
    a: &'v [A],
    b: &'v [B],
) -> impl Iterator<Item = (Option<&'v A>, Option<&'v B>)> {
    (0..a.len().max(b.len())).map(move |k| (a.get(k), b.get(k)))
}

/// Unmatched acronyms of the two sides paired in order: those being defined with each other,
/// the others with each other; what is left stands alone.
pub(super) fn pair_up<'l>(
    a: &'l [LonelyAcronym],
    b: &'l [LonelyAcronym],
) -> Vec<(Option<&'l LonelyAcronym>, Option<&'l LonelyAcronym>)> {
    let mut out = Vec::new();
    for defined in [true, false] {
        let xs: Vec<&LonelyAcronym> = a.iter().filter(|x| x.defined == defined).collect();
        let ys: Vec<&LonelyAcronym> = b.iter().filter(|y| y.defined == defined).collect();
        out.extend(in_order(&xs, &ys).map(|(x, y)| (x.copied(), y.copied())));
    }
    out
}

/// [`unmatched`] for a `fits` that is equality of `key`: each item of `a` takes the first
/// item of `b` with its key not yet taken, found through a table rather than a scan, so the
/// time is linear in the items (a sentence may hold thousands of numbers).
pub(super) fn unmatched_by_key<'v, T, K: std::hash::Hash + Eq>(
    a: &'v [T],
    b: &'v [T],
    key: impl Fn(&T) -> K,
) -> (Vec<&'v T>, Vec<&'v T>) {
    let mut waiting: HashMap<K, VecDeque<usize>> = HashMap::new();
    for (j, y) in b.iter().enumerate() {
        waiting.entry(key(y)).or_default().push_back(j);
    }
    let mut used = vec![false; b.len()];
    let mut left_a = Vec::new();
    for x in a {
        match waiting.get_mut(&key(x)).and_then(VecDeque::pop_front) {
            Some(j) => used[j] = true,
            None => left_a.push(x),
        }
    }
    (left_a, not_used(b, &used))
}

/// The items of `b` not `used`.
pub(super) fn not_used<'v, T>(b: &'v [T], used: &[bool]) -> Vec<&'v T> {
    b.iter()
        .zip(used)
        .filter(|(_, u)| !**u)
        .map(|(y, _)| y)
        .collect()
}

/// Pairs items of `a` with items of `b` that `fits` (greedily, in order) and returns what
/// is left on each side.
pub(super) fn unmatched<'v, T>(
    a: &'v [T],
    b: &'v [T],
    fits: impl Fn(&T, &T) -> bool,
) -> (Vec<&'v T>, Vec<&'v T>) {
    let mut used = vec![false; b.len()];
    let mut left_a = Vec::new();
    for x in a {
        match (0..b.len()).find(|&j| !used[j] && fits(x, &b[j])) {
            Some(j) => used[j] = true,
            None => left_a.push(x),
        }
    }
    (left_a, not_used(b, &used))
}
