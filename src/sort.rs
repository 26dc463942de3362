//! Stable sorting through one copy of the standard library's sort.
//!
//! Each `sort_by` on a new element type or comparison compiles another copy of the standard
//! sort into the WebAssembly module (docs/dependencies.md measures them). The crate sorts
//! positions with one non-generic comparison instead, so the sort is compiled once.

use std::cmp::Ordering;

/// Sorts `v` stably by `cmp`, as `v.sort_by(cmp)` does, through [`sort_positions`].
pub(crate) fn sort_by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let mut order: Vec<usize> = (0..v.len()).collect();
    sort_positions(&mut order, &|a, b| cmp(&v[a], &v[b]));
    let mut slots: Vec<Option<T>> = std::mem::take(v).into_iter().map(Some).collect();
    v.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// `positions` stably sorted by `cmp` (the standard library's `sort_by`, compiled once).
pub(crate) fn sort_positions(positions: &mut [usize], cmp: &dyn Fn(usize, usize) -> Ordering) {
    positions.sort_by(|&a, &b| cmp(a, b));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_like_the_standard_sort() {
        let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
        let mut want = v.clone();
        want.sort_by_key(|x| x.0);
        sort_by(&mut v, |x, y| x.0.cmp(&y.0));
        assert_eq!(v, want);
        assert_eq!(v, [(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
    }
}
