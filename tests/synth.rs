//! The synthetic sets the benchmark measures are what it claims: valid, of the asked size,
//! three levels deep, every answer kind, fully and validly answered.

// Native only, like the benchmark.
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/synth.rs"]
mod synth;

use swanilai::{AnswerKind, Scorer, validate_set};

#[test]
fn synthetic_sets_are_valid_deep_mixed_and_fully_answered() {
    for n in [1, 7, 50, 500, 5000] {
        let set = synth::set(n);
        assert!(validate_set(&set).is_empty(), "synth::set({n}) is invalid");
        assert_eq!(set.indicators().count(), n);
        // Leaves are three levels down.
        for top in &set.groups {
            assert!(top.indicators.is_empty());
            for mid in &top.children {
                assert!(mid.indicators.is_empty());
                assert!(
                    mid.children
                        .iter()
                        .all(|leaf| leaf.children.is_empty() && !leaf.indicators.is_empty())
                );
            }
        }
        if n >= 8 {
            let kinds: std::collections::BTreeSet<&str> =
                set.indicators().map(|i| i.answer.name()).collect();
            assert_eq!(kinds.len(), 6, "{kinds:?}");
            assert!(
                set.indicators()
                    .any(|i| matches!(i.answer, AnswerKind::Number { .. }))
            );
        }
        let a = synth::assessment(&set);
        let r = Scorer::new(&set).score(&a);
        assert!(r.problems.is_empty(), "{:?}", r.problems.first());
        assert_eq!(r.completeness.answered, n);
        assert!(r.overall.value.is_some());
    }
}

#[test]
fn synthetic_sets_are_deterministic() {
    assert_eq!(synth::set(500), synth::set(500));
    let s = synth::set(50);
    assert_eq!(synth::assessment(&s), synth::assessment(&s));
}
