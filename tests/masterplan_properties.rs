//! Properties of the expansion of a set from a masterplan: whatever the program list and the
//! answers, every answer is either scored (its indicator is generated or fixed) or reported
//! (an answer to a generated id no program produces any more as `orphaned-answer`, any other
//! unknown id as `unknown-indicator`), none is dropped; expanding twice changes nothing; every
//! usable program gets its Outcome indicator.

// Native only: proptest is a native dev-dependency.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use swanilai::masterplan::{Masterplan, Program, effective_set, expand};
use swanilai::{Assessment, Scorer, Value, builtin};

const IDS: [&str; 7] = ["gov-a", "gov-b", "eco-a", "soc-a", "env-a", "bad id", ""];
const PILLARS: [&str; 5] = ["governance", "economy", "society", "environment", "galaxy"];
const SUBS: [&str; 6] = [
    "layanan-publik",
    "birokrasi",
    "transaksi",
    "keamanan",
    "energi",
    "nope",
];
const KEYS: [&str; 12] = [
    "oc-gov-a",
    "oc-gov-b",
    "oc-eco-a",
    "oc-soc-a",
    "oc-env-a",
    "qw-gov-a",
    "qw-soc-a",
    "im-layanan-publik",
    "im-keamanan",
    "im-energi",
    "bl-01",
    "no-such",
];

fn program() -> impl Strategy<Value = Program> {
    (
        0..IDS.len(),
        0..PILLARS.len(),
        0..SUBS.len(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(i, p, s, quick_win, survey)| Program {
            id: IDS[i].into(),
            pillar: PILLARS[p].into(),
            subdimension: SUBS[s].into(),
            name: format!("Program {i}"),
            unit: String::new(),
            quick_win,
            survey,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn every_answer_is_scored_or_reported(
        programs in proptest::collection::vec(program(), 0..8),
        keys in proptest::collection::vec(0..KEYS.len(), 0..12),
        with_list in any::<bool>(),
    ) {
        let set = builtin::get("smart-city-evaluasi").expect("built in");
        let mut a = Assessment::new(&set.id, &set.version);
        if with_list {
            a.masterplan = Some(Masterplan { document: String::new(), programs });
        }
        for k in &keys {
            a.set_value(KEYS[*k], Value::Number(3.0));
        }
        let before = a.clone();
        let report = Scorer::new(&set).score(&a);
        prop_assert_eq!(&a, &before, "scoring changes nothing in the assessment");
        let expanded = effective_set(&set, &a);
        for key in a.answers.keys() {
            let scored = report.indicators.iter().any(|i| &i.id == key);
            let listed = expanded.indicators().any(|i| &i.id == key);
            prop_assert_eq!(scored, listed);
            let path = format!("answers.{key}");
            let codes: Vec<&str> = report
                .problems
                .iter()
                .filter(|p| p.path == path)
                .map(|p| p.code.as_str())
                .collect();
            if scored {
                prop_assert!(!codes.contains(&"orphaned-answer") && !codes.contains(&"unknown-indicator"));
            } else if swanilai::masterplan::is_generated_id(key) {
                prop_assert_eq!(codes, vec!["orphaned-answer"], "{}", key);
            } else {
                prop_assert_eq!(codes, vec!["unknown-indicator"], "{}", key);
            }
        }
        // Every program with a valid, first-used id, a known pillar and a sub-dimension of it
        // has its Outcome indicator, and a quick win its Quick Win one.
        let t = set.masterplan.as_ref().expect("template");
        let mut seen = std::collections::BTreeSet::new();
        for p in a.masterplan.iter().flat_map(|m| &m.programs) {
            let usable = swanilai::is_valid_id(&p.id)
                && t.subdimension(&p.subdimension).is_some_and(|(pl, _)| pl.id == p.pillar)
                && seen.insert(p.id.clone());
            if usable {
                let oc = format!("oc-{}", p.id);
                let qw = format!("qw-{}", p.id);
                prop_assert!(expanded.indicators().any(|i| i.id == oc));
                prop_assert_eq!(expanded.indicators().any(|i| i.id == qw), p.quick_win);
            }
        }
        // Expanding again, or through effective_set on the expanded set, changes nothing.
        let again = expand(&expanded, a.masterplan.as_ref());
        prop_assert_eq!(&again, &*expanded);
        prop_assert!(matches!(effective_set(&expanded, &a), std::borrow::Cow::Borrowed(_)));
    }
}
