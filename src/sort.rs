//! Sorting and string lookup with one copy of the machinery for the whole crate.
//!
//! Each `sort_by` on a new element type, and each `HashMap` with new key and value types,
//! adds another copy of the standard library's code to the WebAssembly module. The crate
//! sorts indices instead, and looks strings up in `BTreeMap<&str, usize>` (positions into the
//! caller's own lists, inserted one by one: collecting into a `BTreeMap` sorts too), so each
//! is compiled once. The one sort is a plain merge sort: the standard library's (driftsort) is
//! faster on large inputs but weighs about 4 KiB of WebAssembly, and the crate sorts at most
//! one entry per indicator.

use std::cmp::Ordering;

/// A stable sort through one non-generic sort of indices: each `sort_by` on a new element type
/// would add another copy of the standard library's sort (about 3 KiB of WebAssembly each).
pub(crate) fn sort_by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let order = sorted_indices(v.len(), &|a, b| cmp(&v[a], &v[b]));
    let mut slots: Vec<Option<T>> = std::mem::take(v).into_iter().map(Some).collect();
    v.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// `0..n` stably sorted by `cmp` (bottom-up merge sort, O(n log n) comparisons).
pub(crate) fn sorted_indices(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut from: Vec<usize> = (0..n).collect();
    let mut to = vec![0; n];
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut l, mut r) = (start, mid);
            for slot in &mut to[start..end] {
                // Stable: the left run's entry goes first unless the right one is smaller.
                let take_right = l == mid || (r < end && cmp(from[r], from[l]) == Ordering::Less);
                if take_right {
                    *slot = from[r];
                    r += 1;
                } else {
                    *slot = from[l];
                    l += 1;
                }
            }
            start = end;
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    from
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_like_the_standard_sort() {
        let mut state = 0x2545_F491_4F6C_DD1D_u64;
        for n in (0..70).chain([255, 256, 257, 1000, 4097]) {
            let keys: Vec<u64> = (0..n)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    state % (n as u64 / 3 + 1) // many equal keys: stability shows
                })
                .collect();
            let mut want: Vec<usize> = (0..n).collect();
            want.sort_by_key(|&i| keys[i]);
            assert_eq!(
                sorted_indices(n, &|a, b| keys[a].cmp(&keys[b])),
                want,
                "n = {n}"
            );
        }
        let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd')];
        sort_by(&mut v, |x, y| x.0.cmp(&y.0));
        assert_eq!(v, [(1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
    }
}
