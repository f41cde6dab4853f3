//! Union–find over dense node numbers, for grouping things that are linked in pairs: the
//! glossary groups term pairs into concepts with it, the aligner's lexicon groups linked words
//! into classes. Self-contained: a parent table is a `Vec<usize>` in which every node starts
//! as its own parent (`(0..n).collect()`), and every node given is below its length.

/// The root of `x`'s group (its smallest node, when every link was made by [`union`]),
/// halving the path to it on the way.
pub(crate) fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// Joins the groups of `a` and `b`; the smaller root becomes the root of both, so a group's
/// root is its first node.
pub(crate) fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
        parent[hi] = lo;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linked_nodes_share_their_smallest_node_as_root() {
        let mut parent: Vec<usize> = (0..6).collect();
        union(&mut parent, 4, 2);
        union(&mut parent, 5, 4);
        union(&mut parent, 3, 1);
        let roots: Vec<usize> = (0..6).map(|x| find(&mut parent, x)).collect();
        assert_eq!(roots, [0, 1, 2, 1, 2, 2]);
        union(&mut parent, 5, 3);
        let roots: Vec<usize> = (0..6).map(|x| find(&mut parent, x)).collect();
        assert_eq!(roots, [0, 1, 1, 1, 1, 1]);
    }
}
