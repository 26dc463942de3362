//! Property tests: the invariants a user of the scores relies on, over random valid sets
//! (groups 1-4 deep, random weights, every answer kind, both unanswered policies) and
//! random assessments.
//!
//! Deterministic: a fixed RNG seed (set `PROPTEST_RNG_SEED` to explore others) and no
//! failure files; a failure prints its minimal input.

// Native only: serde_json and proptest are not built for wasm32.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashMap;

use proptest::prelude::*;
use proptest::test_runner::RngSeed;
use swanilai::{
    AnswerKind, Assessment, Band, Better, Choice, Evidence, Group, Indicator, IndicatorSet, Level,
    NumberMapping, Predicate, Report, Scale, Scorer, Text, UnansweredPolicy, Value, advise_with,
    candidates, compare, has_errors, round_half_away, validate_set,
};

const CASES: u32 = 256;

fn config() -> ProptestConfig {
    let mut c = ProptestConfig::with_cases(CASES);
    if std::env::var_os("PROPTEST_RNG_SEED").is_none() {
        c.rng_seed = RngSeed::Fixed(20_260_301);
    }
    c.failure_persistence = None;
    c
}
const TAGS: [&str; 3] = ["governance", "economy", "living"];

// ------------------------------------------------------------------ generated sets

#[derive(Clone, Debug)]
enum KindSpec {
    /// Number of levels and, when given, explicit scores as fractions of the scale.
    Level(usize, Option<Vec<f64>>),
    YesNo(Option<f64>, Option<f64>),
    Choice(Vec<f64>),
    /// from, width, lower is better, optional (min, max) as offsets around `from`.
    Linear(f64, f64, bool, Option<(f64, f64)>),
    /// Limits (distinct), score fractions, lower is better.
    Bands(Vec<f64>, Vec<f64>, bool),
    Percent(bool),
    Score,
}

#[derive(Clone, Debug)]
struct IndSpec {
    weight: f64,
    tags: u8,
    kind: KindSpec,
}

#[derive(Clone, Debug)]
struct GroupSpec {
    weight: f64,
    indicators: Vec<IndSpec>,
    children: Vec<GroupSpec>,
}

#[derive(Clone, Debug)]
struct SetSpec {
    min: f64,
    span: f64,
    decimals: u8,
    cuts: Vec<f64>,
    exclude: bool,
    groups: Vec<GroupSpec>,
}

fn weight() -> impl Strategy<Value = f64> {
    prop_oneof![Just(1.0), 0.01f64..100.0]
}

fn frac() -> impl Strategy<Value = f64> {
    prop_oneof![Just(0.0), Just(1.0), 0.0f64..=1.0]
}

fn kind() -> impl Strategy<Value = KindSpec> {
    prop_oneof![
        (
            1usize..=6,
            proptest::option::of(prop::collection::vec(frac(), 6))
        )
            .prop_map(|(n, s)| KindSpec::Level(n, s)),
        (proptest::option::of(frac()), proptest::option::of(frac()))
            .prop_map(|(y, n)| KindSpec::YesNo(y, n)),
        prop::collection::vec(frac(), 1..5).prop_map(KindSpec::Choice),
        (
            -100.0f64..100.0,
            0.1f64..100.0,
            any::<bool>(),
            proptest::option::of((0.0f64..50.0, 0.0f64..50.0))
        )
            .prop_map(|(f, w, l, b)| KindSpec::Linear(f, w, l, b)),
        (
            prop::collection::vec(-100.0f64..100.0, 1..5),
            prop::collection::vec(frac(), 5),
            any::<bool>()
        )
            .prop_map(|(l, s, lower)| KindSpec::Bands(l, s, lower)),
        any::<bool>().prop_map(KindSpec::Percent),
        Just(KindSpec::Score),
    ]
}

fn indicator() -> impl Strategy<Value = IndSpec> {
    (weight(), 0u8..8, kind()).prop_map(|(weight, tags, kind)| IndSpec { weight, tags, kind })
}

fn group() -> impl Strategy<Value = GroupSpec> {
    let leaf =
        (weight(), prop::collection::vec(indicator(), 1..4)).prop_map(|(weight, inds)| GroupSpec {
            weight,
            indicators: inds,
            children: Vec::new(),
        });
    // Three more levels below the top: groups nest 1 to 4 deep.
    leaf.prop_recursive(3, 24, 3, |inner| {
        (
            weight(),
            prop::collection::vec(indicator(), 0..3),
            prop::collection::vec(inner, 1..3),
        )
            .prop_map(|(weight, indicators, children)| GroupSpec {
                weight,
                indicators,
                children,
            })
    })
}

fn set_spec() -> impl Strategy<Value = SetSpec> {
    (
        prop_oneof![Just(0.0), Just(1.0), -2.0f64..2.0],
        prop_oneof![Just(5.0), Just(4.0), Just(100.0), 0.5f64..20.0],
        0u8..=4,
        prop::collection::vec(0.01f64..0.99, 0..4),
        any::<bool>(),
        prop::collection::vec(group(), 1..4),
    )
        .prop_map(|(min, span, decimals, cuts, exclude, groups)| SetSpec {
            min,
            span,
            decimals,
            cuts,
            exclude,
            groups,
        })
}

struct Builder {
    scale: Scale,
    next: usize,
}

impl Builder {
    /// The point a fraction of the way up the scale (never past its max by a rounding error).
    fn at(&self, f: f64) -> f64 {
        (self.scale.min + f * (self.scale.max - self.scale.min)).min(self.scale.max)
    }

    fn answer(&self, k: &KindSpec) -> AnswerKind {
        let level = |i: usize, score: Option<f64>| Level {
            label: Text::new(format!("Tingkat {i}"), format!("Level {i}")),
            criteria: None,
            score,
            condition: None,
            evidence: Vec::new(),
        };
        match k {
            KindSpec::Level(n, explicit) => {
                // Level numbers 1..n are scores only where they lie on the scale.
                let implicit_ok = self.scale.min <= 1.0 && (*n as f64) <= self.scale.max;
                let levels = (1..=*n)
                    .map(|i| match explicit {
                        Some(s) => level(i, Some(self.at(s[i - 1]))),
                        None if implicit_ok => level(i, None),
                        None => level(i, Some(self.at((i - 1) as f64 / *n as f64))),
                    })
                    .collect();
                AnswerKind::Level { levels }
            }
            KindSpec::YesNo(yes, no) => AnswerKind::YesNo {
                yes: yes.map(|f| self.at(f)),
                no: no.map(|f| self.at(f)),
            },
            KindSpec::Choice(scores) => AnswerKind::Choice {
                options: scores
                    .iter()
                    .enumerate()
                    .map(|(i, f)| Choice {
                        id: format!("o{i}"),
                        label: Text::new(format!("Pilihan {i}"), format!("Option {i}")),
                        score: self.at(*f),
                    })
                    .collect(),
            },
            KindSpec::Linear(from, width, lower, bounds) => AnswerKind::Number {
                unit: None,
                min: bounds.map(|(a, _)| from - a),
                max: bounds.map(|(_, b)| from + width + b),
                better: if *lower {
                    Better::Lower
                } else {
                    Better::Higher
                },
                mapping: NumberMapping::Linear {
                    from: *from,
                    to: from + width,
                },
            },
            KindSpec::Bands(limits, scores, lower) => {
                let mut limits = limits.clone();
                limits.sort_by(f64::total_cmp);
                limits.dedup();
                if *lower {
                    limits.reverse();
                }
                let mut scores: Vec<f64> = scores[..limits.len()].to_vec();
                scores.sort_by(f64::total_cmp);
                AnswerKind::Number {
                    unit: None,
                    min: None,
                    max: None,
                    better: if *lower {
                        Better::Lower
                    } else {
                        Better::Higher
                    },
                    mapping: NumberMapping::Bands(
                        limits
                            .iter()
                            .zip(&scores)
                            .map(|(l, s)| Band {
                                limit: *l,
                                score: self.at(*s),
                            })
                            .collect(),
                    ),
                }
            }
            KindSpec::Percent(lower) => AnswerKind::Percent {
                better: if *lower {
                    Better::Lower
                } else {
                    Better::Higher
                },
            },
            KindSpec::Score => AnswerKind::Score,
        }
    }

    fn group(&mut self, g: &GroupSpec) -> Group {
        self.next += 1;
        let id = format!("g{}", self.next);
        let indicators = g
            .indicators
            .iter()
            .map(|i| {
                self.next += 1;
                Indicator {
                    id: format!("i{}", self.next),
                    title: Text::new("Indikator", "Indicator"),
                    help: None,
                    weight: i.weight,
                    evidence: Evidence::Recommended,
                    tags: TAGS
                        .iter()
                        .enumerate()
                        .filter(|(b, _)| i.tags & (1 << b) != 0)
                        .map(|(_, t)| t.to_string())
                        .collect(),
                    answer: self.answer(&i.kind),
                    external: None,
                    from_previous: None,
                }
            })
            .collect();
        let children = g.children.iter().map(|c| self.group(c)).collect();
        Group {
            id,
            title: Text::new("Kelompok", "Group"),
            description: None,
            weight: g.weight,
            children,
            indicators,
            generated: None,
        }
    }
}

fn build(spec: &SetSpec) -> IndicatorSet {
    // Scale bounds a shown (rounded) score can hit exactly, as in every real set.
    let at_decimals = |x: f64| round_half_away(x, spec.decimals);
    let min = at_decimals(spec.min);
    let max = at_decimals(spec.min + spec.span).max(min + 1.0);
    let scale = Scale {
        min,
        max,
        decimals: spec.decimals,
    };
    let mut b = Builder { scale, next: 0 };
    let mut bounds: Vec<f64> = spec.cuts.iter().map(|f| b.at(*f)).collect();
    bounds.sort_by(f64::total_cmp);
    bounds.dedup();
    bounds.insert(0, scale.min);
    bounds.push(scale.max);
    let predicates = bounds
        .windows(2)
        .enumerate()
        .map(|(i, w)| Predicate {
            min: w[0],
            max: w[1],
            label: Text::new(format!("P{i}"), format!("P{i}")),
        })
        .collect();
    IndicatorSet {
        id: "acak".into(),
        version: "1".into(),
        title: Text::new("Set acak", "Random set"),
        description: None,
        source: String::new(),
        scale,
        predicates,
        unanswered: if spec.exclude {
            UnansweredPolicy::Exclude
        } else {
            UnansweredPolicy::Zero
        },
        groups: spec.groups.iter().map(|g| b.group(g)).collect(),
        tags: Vec::new(),
        terms: Default::default(),
        masterplan: None,
    }
}

// ------------------------------------------------------------------ generated answers

#[derive(Clone, Debug)]
enum AnsSpec {
    Missing,
    EvidenceOnly,
    /// A valid answer, picked by a fraction of its range.
    Valid(f64),
    /// An answer of the wrong type or out of range.
    Invalid(u8),
}

fn ans_spec() -> impl Strategy<Value = AnsSpec> {
    prop_oneof![
        1 => Just(AnsSpec::Missing),
        1 => Just(AnsSpec::EvidenceOnly),
        6 => frac().prop_map(AnsSpec::Valid),
        1 => any::<u8>().prop_map(AnsSpec::Invalid),
    ]
}

/// A valid value for an indicator, picked by `u` in 0..=1.
fn valid_value(kind: &AnswerKind, scale: &Scale, u: f64) -> Value {
    let pick = |n: usize| ((u * n as f64) as usize).min(n.saturating_sub(1));
    match kind {
        AnswerKind::Level { levels } => Value::Number((pick(levels.len()) + 1) as f64),
        AnswerKind::YesNo { .. } => Value::Bool(u >= 0.5),
        AnswerKind::Choice { options } => Value::Text(options[pick(options.len())].id.clone()),
        AnswerKind::Number {
            min, max, mapping, ..
        } => {
            let (lo, hi) = match (min, max, mapping) {
                (Some(a), Some(b), _) => (*a, *b),
                (_, _, NumberMapping::Linear { from, to }) => {
                    (from - (to - from) / 2.0, to + (to - from) / 2.0)
                }
                (_, _, NumberMapping::Bands(_)) => (-120.0, 120.0),
            };
            Value::Number(lo + u * (hi - lo))
        }
        AnswerKind::Percent { .. } => Value::Number(u * 100.0),
        AnswerKind::Score => Value::Number(scale.min + u * (scale.max - scale.min)),
    }
}

fn invalid_value(kind: &AnswerKind, k: u8) -> Value {
    match (kind, k % 3) {
        (AnswerKind::Choice { .. }, 0) => Value::Text("tidak-ada".into()),
        (AnswerKind::YesNo { .. }, _) => Value::Text("ya".into()),
        (_, 0) => Value::Bool(true),
        (AnswerKind::Level { levels }, _) => Value::Number(levels.len() as f64 + 1.0),
        (AnswerKind::Percent { .. }, _) => Value::Number(101.0),
        _ => Value::Text("lima".into()),
    }
}

fn assessment(set: &IndicatorSet, answers: &[AnsSpec]) -> Assessment {
    let mut a = Assessment::new(&set.id, &set.version);
    for (ind, spec) in set.indicators().zip(answers.iter().cycle()) {
        match spec {
            AnsSpec::Missing => {}
            AnsSpec::EvidenceOnly => {
                a.answers.entry(ind.id.clone()).or_default().notes = "draf".into();
            }
            AnsSpec::Valid(u) => a.set_value(&ind.id, valid_value(&ind.answer, &set.scale, *u)),
            AnsSpec::Invalid(k) => a.set_value(&ind.id, invalid_value(&ind.answer, *k)),
        }
    }
    a.set_value("bukan-indikator", Value::Number(3.0));
    a
}

fn case() -> impl Strategy<Value = (IndicatorSet, Assessment)> {
    (set_spec(), prop::collection::vec(ans_spec(), 1..40)).prop_map(|(spec, answers)| {
        let set = build(&spec);
        let a = assessment(&set, &answers);
        (set, a)
    })
}

// ------------------------------------------------------------------ helpers

/// Every score in a report by a key: `overall`, `g:<id>`, `i:<id>`, `t:<tag>`.
fn scores(r: &Report) -> HashMap<String, Option<f64>> {
    let mut m = HashMap::new();
    m.insert("overall".to_string(), r.overall.value);
    for g in &r.groups {
        m.insert(format!("g:{}", g.id), g.score.value);
    }
    for i in &r.indicators {
        m.insert(format!("i:{}", i.id), i.score.value);
    }
    for t in &r.tags {
        m.insert(format!("t:{}", t.tag), t.score.value);
    }
    m
}

fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0),
        (None, None) => true,
        _ => false,
    }
}

fn same_scores(a: &Report, b: &Report) -> Result<(), TestCaseError> {
    let (sa, sb) = (scores(a), scores(b));
    prop_assert_eq!(sa.len(), sb.len());
    for (k, v) in &sa {
        prop_assert!(close(*v, sb[k]), "{k}: {v:?} vs {:?}", sb[k]);
    }
    Ok(())
}

/// A tiny deterministic generator for shuffles (xorshift64*).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n
    }

    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            v.swap(i, self.below(i + 1));
        }
    }
}

fn shuffle_group(g: &mut Group, rng: &mut Rng) {
    rng.shuffle(&mut g.indicators);
    rng.shuffle(&mut g.children);
    for c in &mut g.children {
        shuffle_group(c, rng);
    }
}

// ------------------------------------------------------------------ properties

proptest! {
    #![proptest_config(config())]

    /// The generator itself: every generated set is valid and reads back from its own JSON.
    #[test]
    fn generated_sets_are_valid_and_round_trip((set, _a) in case()) {
        let problems = validate_set(&set);
        prop_assert!(problems.is_empty(), "{problems:?}");
        let text = serde_json::to_string(&set).unwrap();
        let back = IndicatorSet::from_json_str(&text);
        prop_assert!(back.problems.is_empty(), "{:?}", back.problems);
        prop_assert_eq!(back.value.as_ref(), Some(&set));
    }

    /// Every score (indicator, group, tag, overall), exact and shown, lies within the scale.
    #[test]
    fn every_score_lies_within_the_scale((set, a) in case()) {
        let r = Scorer::new(&set).score(&a);
        let (lo, hi) = (set.scale.min, set.scale.max);
        let all = std::iter::once(&r.overall)
            .chain(r.groups.iter().map(|g| &g.score))
            .chain(r.indicators.iter().map(|i| &i.score))
            .chain(r.tags.iter().map(|t| &t.score));
        for s in all {
            for v in [s.value, s.shown].into_iter().flatten() {
                prop_assert!((lo..=hi).contains(&v), "{v} outside {lo}..={hi}");
            }
            prop_assert_eq!(s.value.is_some(), s.predicate.is_some());
        }
        prop_assert!((0.0..=1.0).contains(&r.completeness.by_weight));
    }

    /// Raising one indicator's answer to one that scores at least as much never lowers any
    /// score: not the overall, not its ancestors, not a tag.
    #[test]
    fn a_better_answer_never_lowers_any_score((set, a) in case(), pick in 0usize..1000, choice in 0usize..100) {
        let scorer = Scorer::new(&set);
        let before = scorer.score(&a);
        let i = pick % scorer.indicator_count();
        let Some(current) = scorer.indicator_scores(&a)[i] else {
            // Unanswered under `exclude`: answering is not "better", it adds a member.
            return Ok(());
        };
        let ind = scorer.indicator(i);
        let better: Vec<(Value, f64)> = candidates(&ind.answer, &set.scale)
            .into_iter()
            .filter(|(_, s)| *s >= current)
            .collect();
        prop_assume!(!better.is_empty());
        let (value, _) = better[choice % better.len()].clone();
        let mut b = a.clone();
        b.set_value(&ind.id, value);
        let after = scorer.score(&b);
        let (sa, sb) = (scores(&before), scores(&after));
        for (k, old) in &sa {
            if let (Some(old), Some(new)) = (old, sb[k]) {
                prop_assert!(new >= *old, "{k} fell from {old} to {new}");
            } else {
                prop_assert_eq!(old.is_some(), sb[k].is_some(), "{}", k);
            }
        }
    }

    /// The order of groups, sub-groups and indicators never changes any score.
    #[test]
    fn order_never_changes_any_score((set, a) in case(), seed in 1u64..u64::MAX) {
        let mut shuffled = set.clone();
        let mut rng = Rng(seed);
        rng.shuffle(&mut shuffled.groups);
        for g in &mut shuffled.groups {
            shuffle_group(g, &mut rng);
        }
        let r1 = Scorer::new(&set).score(&a);
        let r2 = Scorer::new(&shuffled).score(&a);
        same_scores(&r1, &r2)?;
        prop_assert_eq!(r1.completeness.answered, r2.completeness.answered);
        prop_assert!(close(Some(r1.completeness.by_weight), Some(r2.completeness.by_weight)));
    }

    /// Multiplying all sibling weights of one group (or the top level) by a positive
    /// constant changes nothing.
    #[test]
    fn scaling_sibling_weights_changes_nothing(
        (set, a) in case(),
        which in 0usize..1000,
        c in prop_oneof![0.001f64..1.0, 1.0f64..1000.0],
    ) {
        let mut scaled = set.clone();
        scale_sibling_weights(&mut scaled, which, c);
        let r1 = Scorer::new(&set).score(&a);
        let r2 = Scorer::new(&scaled).score(&a);
        same_scores(&r1, &r2)?;
        for (x, y) in r1.indicators.iter().zip(&r2.indicators) {
            prop_assert!(close(Some(x.effective_weight), Some(y.effective_weight)));
        }
    }

    /// Applying a recommendation's next or best answer changes the overall score by its gain.
    #[test]
    fn advice_gains_are_what_the_answers_bring((set, a) in case()) {
        let scorer = Scorer::new(&set);
        let base = scorer.score(&a).overall.value.unwrap_or(set.scale.min);
        let advice = advise_with(&scorer, &a, None);
        for rec in &advice.recommendations {
            for g in [&rec.next, &rec.best] {
                let mut b = a.clone();
                b.set_value(&rec.indicator, g.value.clone());
                let after = scorer.score(&b).overall.value.unwrap_or(set.scale.min);
                prop_assert!(
                    ((after - base) - g.gain).abs() <= 1e-9,
                    "{}: gain {} but the answer brings {}", rec.indicator, g.gain, after - base
                );
            }
        }
    }

    /// Advice only proposes improvements: every recommendation's next and best answer and
    /// every step of the plan raise the overall score, under both unanswered policies (under
    /// `exclude`, answering an unanswered indicator can lower it).
    #[test]
    fn every_suggested_gain_is_positive((set, a) in case()) {
        let advice = advise_with(&Scorer::new(&set), &a, None);
        for rec in &advice.recommendations {
            prop_assert!(rec.next.gain > 0.0, "{}: next gain {}", rec.indicator, rec.next.gain);
            prop_assert!(rec.best.gain > 0.0, "{}: best gain {}", rec.indicator, rec.best.gain);
        }
        for step in advice.plan.iter().flat_map(|p| &p.steps) {
            prop_assert!(step.gain > 0.0, "{}: step gain {}", step.indicator, step.gain);
        }
    }

    /// A plan that says it is reached reaches its target when its steps are applied, and its
    /// `scoreAfter` is the score with the steps applied.
    #[test]
    fn a_reached_plan_reaches_its_target((set, a) in case()) {
        let scorer = Scorer::new(&set);
        let advice = advise_with(&scorer, &a, Some(3));
        let Some(plan) = advice.plan else { return Ok(()) };
        let mut b = a.clone();
        for step in &plan.steps {
            b.set_value(&step.indicator, step.to.clone());
        }
        let after = scorer.score(&b).overall;
        prop_assert_eq!(after.shown, plan.score_after.shown, "{:?} {:?}", plan, advice.overall);
        if plan.reached {
            let shown = after.shown.unwrap_or(set.scale.min);
            prop_assert!(shown >= plan.target_score, "{shown} < {}", plan.target_score);
            // At least the target band (one change may well jump past it).
            prop_assert!(after.predicate.map(|p| p.index) >= Some(plan.target.index));
        }
    }

    /// Each plan step's gain is what it brings given the steps before it, so the gains add up
    /// to the change in score (under `exclude` single gains do not); and, for small sets under
    /// `zero`, no shorter set of best answers reaches the target (brute force).
    #[test]
    fn plan_gains_add_up_and_no_shorter_plan_exists((set, a) in case()) {
        let scorer = Scorer::new(&set);
        let lo = set.scale.min;
        let advice = advise_with(&scorer, &a, None);
        let Some(plan) = advice.plan else { return Ok(()) };
        let mut b = a.clone();
        let mut before = advice.overall.value.unwrap_or(lo);
        let mut sum = 0.0;
        for step in &plan.steps {
            b.set_value(&step.indicator, step.to.clone());
            let after = scorer.score(&b).overall.value.unwrap_or(lo);
            prop_assert!(
                ((after - before) - step.gain).abs() <= 1e-9,
                "{}: gain {} but given the steps before it brings {}",
                step.indicator, step.gain, after - before
            );
            sum += step.gain;
            before = after;
        }
        let change = plan.score_after.value.unwrap_or(lo) - advice.overall.value.unwrap_or(lo);
        prop_assert!((sum - change).abs() <= 1e-9, "gains add up to {sum}, score changes {change}");
        // The fewest changes is promised under `zero` only (under `exclude` the plan is greedy).
        if !plan.reached || plan.steps.len() < 2 || set.unanswered == UnansweredPolicy::Exclude {
            return Ok(());
        }
        // Every subset of best answers with fewer changes, when there are few enough to try.
        let recs = &advice.recommendations;
        let fewer = plan.steps.len() - 1;
        let subsets: f64 = (1..=fewer)
            .map(|k| (0..k).map(|j| (recs.len() - j) as f64 / (j + 1) as f64).product::<f64>())
            .sum();
        if subsets > 20_000.0 {
            return Ok(());
        }
        let reaches = |pick: &[usize]| {
            let mut b = a.clone();
            for &r in pick {
                b.set_value(&recs[r].indicator, recs[r].best.value.clone());
            }
            let shown = scorer.score(&b).overall.shown.unwrap_or(lo);
            shown >= plan.target_score
        };
        fn each(n: usize, k: usize, from: usize, pick: &mut Vec<usize>, f: &dyn Fn(&[usize]) -> bool) -> Option<Vec<usize>> {
            if pick.len() == k {
                return f(pick).then(|| pick.clone());
            }
            for r in from..n {
                pick.push(r);
                if let Some(found) = each(n, k, r + 1, pick, f) {
                    return Some(found);
                }
                pick.pop();
            }
            None
        }
        for k in 1..=fewer {
            let found = each(recs.len(), k, 0, &mut Vec::new(), &reaches);
            prop_assert!(
                found.is_none(),
                "{} steps planned, but {:?} reach the target",
                plan.steps.len(),
                found.map(|f| f.iter().map(|&r| recs[r].indicator.clone()).collect::<Vec<_>>())
            );
        }
    }

    /// Scoring, advice and comparison never panic, whatever the answers hold: values of any
    /// type (NaN and infinities included) under known and unknown ids.
    #[test]
    fn arbitrary_assessments_never_panic(
        (set, _a) in case(),
        answers in prop::collection::vec((0usize..64, arbitrary_value()), 0..30),
        junk in prop::collection::vec((".{0,12}", arbitrary_value()), 0..5),
    ) {
        let ids: Vec<String> = set.indicators().map(|i| i.id.clone()).collect();
        let mut a = Assessment::new("lain", "0");
        for (k, v) in answers {
            a.set_value(&ids[k % ids.len()], v);
        }
        for (k, v) in junk {
            a.set_value(&k, v);
        }
        let scorer = Scorer::new(&set);
        let r = scorer.score(&a);
        prop_assert!(has_errors(&r.problems)); // at least the set mismatch
        for v in [r.overall.value, r.overall.shown].into_iter().flatten() {
            prop_assert!((set.scale.min..=set.scale.max).contains(&v));
        }
        let _ = advise_with(&scorer, &a, None);
        let _ = compare(&set, &Assessment::new("acak", "1"), &a);
    }

    /// Two tabs that saved in turn, merged: every field takes the side that changed it (this
    /// tab's where both did, listed as a clash). When the other is not known to descend from
    /// the base, an emptied field keeps this tab's value (listed too) and nothing this tab has
    /// is lost; when it is, what it emptied stays empty. Merging with an unchanged side gives
    /// the other back.
    #[test]
    fn a_merge_keeps_each_tabs_own_changes(
        base in tab_answers(),
        mine in tab_answers(),
        theirs in tab_answers(),
        descended in any::<bool>(),
    ) {
        let (b, m, t) = (tab(&base), tab(&mine), tab(&theirs));
        let (out, clashes) = m.merge(&b, &t, descended);
        for k in 0..6 {
            let id = format!("i{k}");
            let get = |a: &Assessment| a.answers.get(&id).cloned().unwrap_or_default();
            let (b, m, t, o) = (get(&b), get(&m), get(&t), get(&out));
            // Theirs where only they changed it, unless that leaves nothing where mine had
            // something; mine otherwise. A clash: both changed it, or mine kept over nothing.
            let value_theirs = m.value == b.value && (descended || t.value.is_some() || m.value.is_none());
            let notes_theirs = m.notes == b.notes && (descended || !t.notes.is_empty() || m.notes.is_empty());
            prop_assert_eq!(&o.value, if value_theirs { &t.value } else { &m.value });
            prop_assert_eq!(&o.notes, if notes_theirs { &t.notes } else { &m.notes });
            let clash = |theirs: bool, changed: bool, same: bool, kept: bool| !theirs && (changed && !same || kept);
            let both = clash(value_theirs, t.value != b.value, t.value == m.value, m.value == b.value)
                || clash(notes_theirs, t.notes != b.notes, t.notes == m.notes, m.notes == b.notes);
            prop_assert_eq!(clashes.contains(&id), both, "{}", id);
            // Nothing of mine is lost that they did not knowingly clear.
            prop_assert!(m.value.is_none() || o.value.is_some() || descended && m.value == b.value);
            prop_assert!(m.notes.is_empty() || !o.notes.is_empty() || descended && m.notes == b.notes);
        }
        prop_assert!(out.answers.values().all(|a| *a != Default::default()), "no empty answers");
        let (same, none) = m.merge(&b, &b, descended);
        prop_assert_eq!(same, m.clone());
        prop_assert!(none.is_empty());
        let (same, _) = b.merge(&b, &t, descended);
        for (id, x) in &t.answers {
            let o = same.answers.get(id).cloned().unwrap_or_default();
            prop_assert!(x.value.is_none() || o.value == x.value, "their value comes over: {}", id);
            prop_assert!(x.notes.is_empty() || o.notes == x.notes, "their notes come over: {}", id);
        }
    }

    /// Scoring never panics even for a set that skipped validation (reversed scale, bad
    /// weights, empty answer lists): `Scorer::new` promises numbers that mean little, not a crash.
    #[test]
    fn unchecked_sets_never_panic(
        (mut set, a) in case(),
        min in -10.0f64..10.0,
        max in -10.0f64..10.0,
        w in prop_oneof![Just(0.0), Just(-1.0), -5.0f64..5.0],
        which in 0usize..1000,
    ) {
        set.scale.min = min;
        set.scale.max = max;
        scale_sibling_weights(&mut set, which, w);
        if let Some(ind) = first_number(&mut set.groups) {
            if let AnswerKind::Number { min, max, .. } = &mut ind.answer {
                *min = Some(5.0);
                *max = Some(-5.0);
            }
        }
        let scorer = Scorer::new(&set);
        let _ = scorer.score(&a);
        let _ = advise_with(&scorer, &a, None);
    }
}

/// A tab's answers to indicators `i0`..`i5`: (indicator, value, notes); no answer is empty.
fn tab_answers() -> impl Strategy<Value = Vec<(usize, Option<u8>, u8)>> {
    prop::collection::vec((0usize..6, prop::option::of(0u8..3), 0u8..3), 0..6).prop_map(|v| {
        v.into_iter()
            .filter(|(_, val, n)| val.is_some() || *n > 0)
            .collect()
    })
}

fn tab(answers: &[(usize, Option<u8>, u8)]) -> Assessment {
    let mut a = Assessment::new("s", "1");
    for (k, v, n) in answers {
        let ans = a.answers.entry(format!("i{k}")).or_default();
        ans.value = v.map(|v| Value::Number(f64::from(v)));
        ans.notes = ["", "a", "b"][usize::from(*n)].to_string();
    }
    a.answers
        .retain(|_, ans| ans.value.is_some() || !ans.notes.is_empty());
    a
}

fn arbitrary_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        any::<f64>().prop_map(Value::Number),
        prop_oneof![Just(f64::NAN), Just(f64::INFINITY), Just(-1e308), Just(0.5)]
            .prop_map(Value::Number),
        any::<bool>().prop_map(Value::Bool),
        ".{0,8}".prop_map(Value::Text),
        (0u8..8).prop_map(|i| Value::Text(format!("o{i}"))),
    ]
}

fn first_number(groups: &mut [Group]) -> Option<&mut Indicator> {
    for g in groups {
        if let Some(i) = g
            .indicators
            .iter_mut()
            .find(|i| matches!(i.answer, AnswerKind::Number { .. }))
        {
            return Some(i);
        }
        if let Some(i) = first_number(&mut g.children) {
            return Some(i);
        }
    }
    None
}

/// Multiplies the weights of the members of the `k`-th group in pre-order (wrapping; one past
/// the last group means the top-level groups) by `c`.
fn scale_sibling_weights(set: &mut IndicatorSet, k: usize, c: f64) {
    fn count(groups: &[Group]) -> usize {
        groups.iter().map(|g| 1 + count(&g.children)).sum()
    }
    fn visit(groups: &mut [Group], k: &mut usize, c: f64) -> bool {
        for g in groups {
            if *k == 0 {
                g.indicators.iter_mut().for_each(|i| i.weight *= c);
                g.children.iter_mut().for_each(|ch| ch.weight *= c);
                return true;
            }
            *k -= 1;
            if visit(&mut g.children, k, c) {
                return true;
            }
        }
        false
    }
    let n = count(&set.groups);
    let mut k = k % (n + 1);
    if k == n {
        set.groups.iter_mut().for_each(|g| g.weight *= c);
    } else {
        visit(&mut set.groups, &mut k, c);
    }
}

/// Gives every level of every `level` indicator 0-2 evidence items (some optional) and the
/// assessment a random status for each, some items left out.
fn with_evidence(set: &mut IndicatorSet, a: &mut Assessment, rng: &mut Rng) {
    fn walk(g: &mut Group, a: &mut Assessment, rng: &mut Rng) {
        for ind in &mut g.indicators {
            let AnswerKind::Level { levels } = &mut ind.answer else {
                continue;
            };
            for (k, l) in levels.iter_mut().enumerate() {
                for j in 0..rng.below(3) {
                    let id = format!("l{}-{j}", k + 1);
                    l.evidence.push(swanilai::EvidenceItem {
                        id: id.clone(),
                        text: Text::new("Dokumen", "Document"),
                        required: rng.below(4) != 0,
                    });
                    let status = match rng.below(4) {
                        0 => continue,
                        1 => swanilai::Status::Belum,
                        2 => swanilai::Status::Draf,
                        _ => swanilai::Status::Siap,
                    };
                    a.answers
                        .entry(ind.id.clone())
                        .or_default()
                        .evidence
                        .insert(
                            id,
                            swanilai::ItemEvidence {
                                status,
                                ..Default::default()
                            },
                        );
                }
            }
        }
        for c in &mut g.children {
            walk(c, a, rng);
        }
    }
    for g in &mut set.groups {
        walk(g, a, rng);
    }
}

proptest! {
    #![proptest_config(config())]

    /// The evidenced level never exceeds the claimed one; it falls short exactly when items
    /// are missing, and then the lowest missing item's level is the first level not met.
    #[test]
    fn the_evidenced_level_never_exceeds_the_claimed_one((set, a) in case(), seed in 1u64..u64::MAX) {
        let (mut set, mut a) = (set, a);
        with_evidence(&mut set, &mut a, &mut Rng(seed));
        prop_assert!(validate_set(&set).is_empty());
        let r = Scorer::new(&set).score(&a);
        for ind in &r.indicators {
            let (Some(level), Some(ev)) = (ind.level, ind.evidenced_level) else {
                prop_assert!(ind.level.is_none() && ind.evidenced_level.is_none());
                prop_assert_eq!(&ind.evidenced, &ind.score);
                continue;
            };
            prop_assert!(ev <= level, "{}: evidenced {ev} above claimed {level}", ind.id);
            prop_assert_eq!(ev == level, ind.missing.is_empty(), "{}", &ind.id);
            if let Some(lowest) = ind.missing.iter().map(|m| m.level).min() {
                prop_assert_eq!(ev, lowest - 1, "{}", &ind.id);
            }
        }
        prop_assert_eq!(r.provisional, r.completeness.answered < r.completeness.total);
    }
}
