//! Sorting and string lookup with one copy of the machinery for the whole crate.
//!
//! Each `sort_by` on a new element type, and each `HashMap` with new key and value types,
//! adds another copy of the standard library's code to the WebAssembly module. The crate
//! sorts indices instead, and looks strings up in `BTreeMap<&str, usize>` (positions into the
//! caller's own lists), so each is compiled once.

use std::cmp::Ordering;

/// A stable sort through one non-generic sort of indices: each `sort_by` on a new element type
/// would add another copy of the standard library's sort (about 3 KiB of WebAssembly each).
pub(crate) fn sort_by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let order = sorted_indices(v.len(), &|a, b| cmp(&v[a], &v[b]));
    let mut slots: Vec<Option<T>> = std::mem::take(v).into_iter().map(Some).collect();
    v.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// `0..n` stably sorted by `cmp`.
pub(crate) fn sorted_indices(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}
