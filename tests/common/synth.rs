//! Synthetic indicator sets of any size, for the benchmark (`benches/score.rs`) and the
//! test that keeps it honest (`tests/synth.rs`).
//!
//! It lives here, included with `#[path]` by both, rather than as a `#[doc(hidden)] pub mod`
//! of the crate: it is test scaffolding, so it stays out of the published API and out of
//! the WebAssembly binary, and `tests/common/` is where Cargo expects code that several
//! test targets share (a sub-directory is not compiled as a test target of its own).
//!
//! Everything is deterministic: the same `n` always gives the same set and assessment.

#![allow(dead_code)] // each includer uses a different part

use swanilai::{
    AnswerKind, Assessment, Band, Better, Choice, Evidence, Group, Indicator, IndicatorSet, Level,
    NumberMapping, Predicate, Scale, Text, UnansweredPolicy, Value,
};

/// Top-level groups, and sub-groups under each: leaves sit at the third level.
const TOP: usize = 5;
const MID: usize = 4;
/// About this many indicators per leaf group.
const PER_LEAF: usize = 10;
const PILLARS: [&str; 6] = [
    "governance",
    "branding",
    "economy",
    "living",
    "society",
    "environment",
];

fn text(s: String) -> Text {
    Text { id: s, en: None }
}

/// The answer kind of the `i`-th indicator: every kind in turn.
fn kind(i: usize) -> AnswerKind {
    match i % 8 {
        0 | 7 => AnswerKind::Level {
            levels: ["Rintisan", "Terkelola", "Terdefinisi", "Terpadu", "Optimum"]
                .iter()
                .map(|l| Level {
                    label: text((*l).to_string()),
                    criteria: None,
                    score: None,
                    condition: None,
                    evidence: Vec::new(),
                })
                .collect(),
        },
        1 => AnswerKind::YesNo {
            yes: None,
            no: None,
        },
        2 => AnswerKind::Choice {
            options: [("belum", 0.0), ("sebagian", 2.5), ("penuh", 5.0)]
                .iter()
                .map(|(id, score)| Choice {
                    id: (*id).to_string(),
                    label: text((*id).to_string()),
                    score: *score,
                })
                .collect(),
        },
        3 => AnswerKind::Number {
            unit: Some(text("Mbps".into())),
            min: Some(0.0),
            max: None,
            better: Better::Higher,
            mapping: NumberMapping::Linear {
                from: 10.0,
                to: 100.0,
            },
        },
        4 => AnswerKind::Number {
            unit: Some(text("hari".into())),
            min: Some(0.0),
            max: None,
            better: Better::Lower,
            mapping: NumberMapping::Bands(vec![
                Band {
                    limit: 30.0,
                    score: 1.0,
                },
                Band {
                    limit: 7.0,
                    score: 3.0,
                },
                Band {
                    limit: 1.0,
                    score: 5.0,
                },
            ]),
        },
        5 => AnswerKind::Percent {
            better: Better::Higher,
        },
        _ => AnswerKind::Score,
    }
}

/// A valid set of `n` indicators (n >= 1) in groups three levels deep, with mixed weights,
/// every answer kind and the six pillar tags.
pub fn set(n: usize) -> IndicatorSet {
    let per_mid = n.div_ceil(TOP * MID * PER_LEAF).max(1);
    let leaves = TOP * MID * per_mid;
    let mut made = 0;
    let mut leaf = 0;
    let mut groups = Vec::with_capacity(TOP);
    for t in 0..TOP {
        let mut mids = Vec::with_capacity(MID);
        for m in 0..MID {
            let mut leaf_groups = Vec::with_capacity(per_mid);
            for l in 0..per_mid {
                // Spread the indicators as evenly as possible over the leaves.
                let take = (n * (leaf + 1)) / leaves - (n * leaf) / leaves;
                leaf += 1;
                let indicators: Vec<Indicator> = (made..made + take)
                    .map(|i| Indicator {
                        id: format!("ind-{i:05}"),
                        title: text(format!("Indikator {i}")),
                        help: None,
                        weight: 1.0 + (i % 3) as f64,
                        evidence: Evidence::Recommended,
                        tags: vec![PILLARS[i % PILLARS.len()].to_string()],
                        answer: kind(i),
                        external: None,
                        from_previous: None,
                    })
                    .collect();
                made += take;
                if !indicators.is_empty() {
                    leaf_groups.push(Group {
                        id: format!("leaf-{t}-{m}-{l}"),
                        title: text(format!("Elemen {t}.{m}.{l}")),
                        description: None,
                        weight: 1.0 + (l % 2) as f64,
                        children: Vec::new(),
                        indicators,
                        generated: None,
                    });
                }
            }
            if !leaf_groups.is_empty() {
                mids.push(Group {
                    id: format!("mid-{t}-{m}"),
                    title: text(format!("Aspek {t}.{m}")),
                    description: None,
                    weight: 1.0 + (m % 4) as f64,
                    children: leaf_groups,
                    indicators: Vec::new(),
                    generated: None,
                });
            }
        }
        if !mids.is_empty() {
            groups.push(Group {
                id: format!("top-{t}"),
                title: text(format!("Dimensi {t}")),
                description: None,
                weight: [10.0, 20.0, 30.0, 20.0, 20.0][t],
                children: mids,
                indicators: Vec::new(),
                generated: None,
            });
        }
    }
    assert_eq!(made, n);
    IndicatorSet {
        id: format!("synth-{n}"),
        version: "1".into(),
        title: text(format!("Set sintetis {n}")),
        description: None,
        source: "synthetic, for benchmarks".into(),
        scale: Scale::default(),
        predicates: [
            (0.0, 1.8, "Kurang"),
            (1.8, 2.6, "Cukup"),
            (2.6, 3.5, "Baik"),
            (3.5, 4.2, "Sangat Baik"),
            (4.2, 5.0, "Memuaskan"),
        ]
        .iter()
        .map(|(min, max, label)| Predicate {
            min: *min,
            max: *max,
            label: text((*label).to_string()),
        })
        .collect(),
        unanswered: UnansweredPolicy::Zero,
        groups,
        tags: Vec::new(),
        terms: Default::default(),
        masterplan: None,
    }
}

/// A valid value for the `i`-th indicator of a synthetic set, middling so advice has work.
pub fn value(i: usize) -> Value {
    match i % 8 {
        0 | 7 => Value::Number((1 + i % 4) as f64),
        1 => Value::Bool(i % 3 == 0),
        2 => Value::Text(["belum", "sebagian", "penuh"][i % 3].into()),
        3 => Value::Number(5.0 + (i % 90) as f64),
        4 => Value::Number((i % 40) as f64),
        5 => Value::Number((i % 101) as f64),
        _ => Value::Number((i % 6) as f64 * 0.8),
    }
}

/// An assessment answering every indicator of `set` validly.
pub fn assessment(set: &IndicatorSet) -> Assessment {
    let mut a = Assessment::new(&set.id, &set.version);
    for (i, ind) in set.indicators().enumerate() {
        a.set_value(&ind.id, value(i));
    }
    a
}
