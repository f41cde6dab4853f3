//! Pairing what two sides leave unmatched: the one helper every comparison uses.

use super::*;

/// An acronym without a counterpart in the aligned sentence: whether the glossary knows it,
/// and whether it is being defined.
pub(super) type Lonely = (Located, bool, bool);

/// Unmatched acronyms of the two sides paired in order: those being defined (in parentheses
/// after their expansion) with each other, the others with each other; what is left stands
/// alone.
pub(super) fn pair_up<'l>(
    a: &'l [Lonely],
    b: &'l [Lonely],
) -> Vec<(Option<&'l Lonely>, Option<&'l Lonely>)> {
    let mut out = Vec::new();
    for defined in [true, false] {
        let xs: Vec<_> = a.iter().filter(|x| x.2 == defined).collect();
        let ys: Vec<_> = b.iter().filter(|y| y.2 == defined).collect();
        for k in 0..xs.len().max(ys.len()) {
            out.push((xs.get(k).copied(), ys.get(k).copied()));
        }
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
