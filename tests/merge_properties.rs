//! Property tests of taking shares back: over random bases, assignments, shares (some cut
//! from an older base), edits inside and outside each share and random choices, no answer
//! is lost and nothing changes without a unit to name.
//!
//! Deterministic: a fixed RNG seed (set `PROPTEST_RNG_SEED` to explore others).

// Native only: proptest is not built for wasm32.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use proptest::test_runner::RngSeed;
use swanilai::export::{Integrity, OpenedAssessment};
use swanilai::share::{Choice, MergeReport, Returned, cut_share, merge};
use swanilai::{Answer, Assessment, Assignment, Unit, Value};

const INDICATORS: usize = 6;
const UNITS: [&str; 3] = ["bappeda", "bkpsdm", "diskominfo"];

fn config() -> ProptestConfig {
    let mut c = ProptestConfig::with_cases(512);
    if std::env::var_os("PROPTEST_RNG_SEED").is_none() {
        c.rng_seed = RngSeed::Fixed(20_261_207);
    }
    c.failure_persistence = None;
    c
}

fn id(i: usize) -> String {
    format!("i{i}")
}

/// An answer: none, or a level 1-3 with or without a note (few values, so sides often agree).
fn answer() -> impl Strategy<Value = Option<(u8, bool)>> {
    proptest::option::of((1u8..=3, any::<bool>()))
}

fn to_answer(a: Option<(u8, bool)>) -> Option<Answer> {
    a.map(|(v, note)| Answer {
        notes: if note { "SK".into() } else { String::new() },
        ..Answer::value(Value::Number(f64::from(v)))
    })
}

fn with_answers(mut a: Assessment, answers: &[Option<(u8, bool)>]) -> Assessment {
    a.answers.clear();
    for (i, x) in answers.iter().enumerate() {
        if let Some(x) = to_answer(*x) {
            a.answers.insert(id(i), x);
        }
    }
    a
}

/// A returned file: its unit, whether cut from the older base, and edits (indicator, answer).
type FileSpec = (usize, bool, Vec<(usize, Option<(u8, bool)>)>);

fn file_spec() -> impl Strategy<Value = FileSpec> {
    (
        0..UNITS.len(),
        any::<bool>(),
        proptest::collection::vec((0..INDICATORS, answer()), 0..4),
    )
}

#[derive(Debug)]
struct Case {
    base: Assessment,
    files: Vec<Returned>,
    report: MergeReport,
}

fn build(
    owners: &[Option<usize>],
    older: &[Option<(u8, bool)>],
    now: &[Option<(u8, bool)>],
    specs: &[FileSpec],
    choices: &[(usize, u8)],
) -> Case {
    let mut skeleton = Assessment::new("spbe-2020", "2020.1");
    for u in UNITS {
        skeleton.units.push(Unit {
            id: u.into(),
            name: u.to_uppercase(),
        });
    }
    for (i, o) in owners.iter().enumerate() {
        if let Some(o) = o {
            let a = Assignment {
                unit: Some(UNITS[*o].into()),
                ..Assignment::default()
            };
            skeleton.assignments.insert(id(i), a);
        }
    }
    let older = with_answers(skeleton.clone(), older);
    let base = with_answers(skeleton, now);
    let files: Vec<Returned> = specs
        .iter()
        .enumerate()
        .map(|(k, (unit, stale, edits))| {
            let from = if *stale { &older } else { &base };
            let mut share = cut_share(from, UNITS[*unit], "Koordinator", None).expect("a unit");
            for (i, a) in edits {
                match to_answer(*a) {
                    Some(a) => share.answers.insert(id(*i), a),
                    None => share.answers.remove(&id(*i)),
                };
            }
            share.updated_at = Some(format!("2026-03-0{}T08:00:00Z", k + 1));
            Returned {
                file: format!("f{k}.json"),
                opened: OpenedAssessment {
                    integrity: Integrity::Unchecked,
                    assessment: Some(share),
                    problems: Vec::new(),
                },
            }
        })
        .collect();
    let choices: Vec<Choice> = choices
        .iter()
        .map(|(i, side)| Choice {
            indicator: id(*i),
            take: match side {
                0 => "base".into(),
                k => format!("f{}.json", k - 1),
            },
        })
        .collect();
    let report = merge(&base, &files, &choices, Some("2026-04-01T00:00:00Z"));
    Case {
        base,
        files,
        report,
    }
}

fn case() -> impl Strategy<Value = Case> {
    (
        proptest::collection::vec(proptest::option::of(0..UNITS.len()), INDICATORS),
        proptest::collection::vec(answer(), INDICATORS),
        proptest::collection::vec(answer(), INDICATORS),
        proptest::collection::vec(file_spec(), 1..5),
        proptest::collection::vec((0..INDICATORS, 0u8..5), 0..3),
    )
        .prop_map(|(owners, older, now, specs, choices)| {
            build(&owners, &older, &now, &specs, &choices)
        })
}

/// The answer of `id` in `a`, none when absent or empty.
fn get(a: &Assessment, id: &str) -> Option<Answer> {
    a.answers
        .get(id)
        .filter(|x| **x != Answer::default())
        .cloned()
}

fn in_conflict(r: &MergeReport, id: &str, answer: &Option<Answer>, base: bool) -> bool {
    r.conflicts.iter().any(|c| {
        c.indicator == id
            && (base && c.base == *answer || c.sides.iter().any(|s| s.answer == *answer))
    })
}

proptest! {
    #![proptest_config(config())]

    /// Every answer a returned file changed ends up in the result or in the conflict list;
    /// every base answer stays in the result, is listed in a conflict, or was replaced by an
    /// accepted change that names its unit. Never nowhere.
    #[test]
    fn every_answer_ends_up_in_the_result_or_a_conflict(c in case()) {
        let r = &c.report;
        for f in &c.files {
            let a = f.opened.assessment.as_ref().expect("built with an assessment");
            let share = a.share.as_ref().expect("a share");
            for i in 0..INDICATORS {
                let k = id(i);
                let (mine, original) = (get(a, &k), share.original.get(&k).cloned());
                if mine == original {
                    continue; // handed back as it was handed out: not a change
                }
                prop_assert!(
                    get(&r.result, &k) == mine || in_conflict(r, &k, &mine, false),
                    "{}'s change of {k} to {mine:?} is nowhere", f.file
                );
            }
        }
        for i in 0..INDICATORS {
            let k = id(i);
            let b = get(&c.base, &k);
            let replaced = r.accepted.iter().any(|x| x.indicator == k && x.previous == b);
            prop_assert!(
                get(&r.result, &k) == b || in_conflict(r, &k, &b, true) || replaced,
                "the base's {k} = {b:?} is nowhere"
            );
        }
    }

    /// An answer differs from the base only where a change was accepted, recorded with the
    /// unit of the file it came from; a conflict left unresolved keeps the base's answer.
    #[test]
    fn nothing_changes_without_a_unit_and_unresolved_conflicts_keep_the_base(c in case()) {
        let r = &c.report;
        for i in 0..INDICATORS {
            let k = id(i);
            let now = get(&r.result, &k);
            if now != get(&c.base, &k) {
                let by = r.result.changed_by.get(&k);
                prop_assert!(by.is_some(), "{k} changed without a unit");
                let last = r.accepted.iter().rev().find(|x| x.indicator == k);
                prop_assert_eq!(by.map(|b| &b.unit), last.map(|x| &x.unit));
            }
            for conflict in r.conflicts.iter().filter(|x| x.indicator == k && x.chosen.is_none()) {
                prop_assert_eq!(&now, &conflict.base);
            }
        }
        prop_assert_eq!(r.unresolved, r.conflicts.iter().filter(|x| x.chosen.is_none()).count());
    }
}

/// Two tabs of the coordinator's base: one reassigns an indicator and adds a unit, the other
/// answers; combining them (the autosave's three-way merge) keeps both.
#[test]
fn combining_two_tabs_keeps_one_tabs_assignments_and_the_others_answers() {
    let mut base = Assessment::new("spbe-2020", "2020.1");
    base.units.push(Unit {
        id: "bappeda".into(),
        name: "Bappeda".into(),
    });
    let (mut mine, mut theirs) = (base.clone(), base.clone());
    mine.units.push(Unit {
        id: "bkpsdm".into(),
        name: "BKPSDM".into(),
    });
    let to = |u: &str| Assignment {
        unit: Some(u.into()),
        ..Assignment::default()
    };
    mine.assignments.insert("spbe-05".into(), to("bkpsdm"));
    theirs.set_value("spbe-05", Value::Number(2.0));
    let (both, clashes) = mine.merge(&base, &theirs, true);
    assert!(clashes.is_empty(), "{clashes:?}");
    assert_eq!(both.units.len(), 2);
    assert_eq!(both.assignments["spbe-05"], to("bkpsdm"));
    assert_eq!(both.answers["spbe-05"].value, Some(Value::Number(2.0)));

    // Both tabs reassigning differently: this tab wins, listed.
    theirs.assignments.insert("spbe-05".into(), to("bappeda"));
    let (both, clashes) = mine.merge(&base, &theirs, true);
    assert_eq!(both.assignments["spbe-05"], to("bkpsdm"));
    assert_eq!(clashes, ["assignments"]);
}
