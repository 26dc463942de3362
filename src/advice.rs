//! Advice: the next steps.
//!
//! Advice works on the evidenced index (the claimed one when a set lists no evidence items):
//! what an assessor will accept. Indicators still unanswered are listed apart
//! ([`Advice::unanswered`]), never offered as improvements. For every answered indicator
//! with an answer that would raise the overall score, the gain from the next such answer
//! and from the best one, with the evidence items to prepare for a level, ranked by the next
//! step's gain per item to prepare; numbers and percentages are measured outcomes, marked
//! as targets. And the fewest indicator changes that lift the shown score into the next
//! predicate band, counting the items to prepare (see [`Plan`] for exactly what "fewest"
//! guarantees under each unanswered policy). Every gain offered is positive: an answer that
//! would lower the overall score or leave it as it is is not an improvement.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::assessment::{Assessment, Value};
use crate::model::{AnswerKind, Better, IndicatorSet, NumberMapping, Scale, UnansweredPolicy};
use crate::round::round_half_away;
use crate::score::{MissingItem, PredicateRef, Score, Scorer, Tally};
use crate::sums::Sums;
use crate::validate::answer_score;

/// How continuous answers (numbers, percentages, direct scores) are stepped: a fifth of the scale.
const STEPS: u32 = 5;

/// One possible answer and what it would bring.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
pub struct AnswerGain {
    /// The answer value.
    pub value: Value,
    /// The indicator's score with it.
    pub score: f64,
    /// The change in the overall (evidenced) score (exact; round for display).
    pub gain: f64,
    /// For a level: the required evidence items up to it that are not yet `siap`, the
    /// documents to prepare to reach it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub prepare: Vec<MissingItem>,
}

/// An indicator that can be improved.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
#[serde(rename_all = "camelCase")]
pub struct Recommendation {
    /// The indicator's id.
    pub indicator: String,
    /// The id of its group.
    pub group: String,
    /// The current valid answer, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current: Option<Value>,
    /// The indicator's current score (absent when unanswered under `exclude`).
    pub current_score: Option<f64>,
    /// The next better answer: the lowest-scoring one that raises the overall score.
    pub next: AnswerGain,
    /// The best answer.
    pub best: AnswerGain,
    /// A measured outcome (a number, a percentage, or a level taken from another agency's
    /// evaluation): `next` and `best` are targets to reach in the real world, not answers to
    /// change.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub measured: bool,
}

/// One change in a plan.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
pub struct Step {
    /// The indicator's id.
    pub indicator: String,
    /// The answer now, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<Value>,
    /// The answer to reach.
    pub to: Value,
    /// The indicator's score with it.
    pub score: f64,
    /// The gain in the overall score from this change, made after the steps before it: the
    /// score after it minus the score before it. The gains add up to the plan's change in
    /// score (under `exclude` a change's gain depends on the changes made before it).
    pub gain: f64,
    /// For a level: the evidence items to prepare to reach it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub prepare: Vec<MissingItem>,
}

/// The fewest changes that lift the shown overall score into the next predicate band.
///
/// A change gives one indicator an answer that raises the overall score on its own; the
/// count compared is the number of indicators changed.
///
/// - Under `zero` the plan is the fewest changes: every indicator always counts, so the
///   overall score is a fixed weighted sum and gains add up; the largest best-answer gains
///   first reach the target in the fewest changes.
/// - Under `exclude` gains do not add up (an answer joins its group's mean, and a group
///   with nothing answered joins its parent's). The plan is greedy: each next change is the
///   one with the largest gain given those before, until the target is reached or no change
///   raises the score. It is usually, but not always, the fewest changes (an exact search
///   was measured at 7.4 KiB more wasm, for a policy no built-in set uses).
///
/// Under both, a tie in the rounded score at the band's lower bound is settled by the real
/// scorer; each change is then lowered to the cheapest answer that still reaches the target.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
#[serde(rename_all = "camelCase")]
pub struct Plan {
    /// The band aimed for.
    pub target: PredicateRef,
    /// Its lower bound.
    pub target_score: f64,
    /// Whether the steps reach it. False when no answers at all reach it (under `zero`; under
    /// `exclude`, when the greedy plan does not): the steps then aim as high as they can.
    pub reached: bool,
    /// The overall score after all steps.
    pub score_after: Score,
    /// The changes, in the order they are counted: each is the one with the largest gain
    /// given those before it (under `zero`, simply the largest gain first).
    pub steps: Vec<Step>,
    /// How many evidence items the steps need prepared, in all.
    pub items: usize,
}

/// Advice for one assessment: next steps over the evidenced index.
///
/// Unanswered indicators are listed in `unanswered`, never as improvements: answering them
/// is not an improvement but the assessment's own completion. Improvements start from each
/// answered indicator's evidenced score: for a level, the next level up and the items to
/// prepare for it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
pub struct Advice {
    /// The overall score now, as evidenced (as claimed when the set lists no evidence items).
    pub overall: Score,
    /// The indicators still to answer, in document order.
    pub unanswered: Vec<String>,
    /// Improvements ranked by the next step's gain per evidence item to prepare (a step with
    /// none counts as one), then by the best answer's gain, then in document order.
    pub recommendations: Vec<Recommendation>,
    /// How to reach the next predicate band; absent in the top band.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan: Option<Plan>,
}

/// Every answer worth offering for an indicator, with its score, lowest score first.
/// Continuous kinds are offered in steps of a fifth of the scale.
///
/// ```
/// use swanilai::{candidates, AnswerKind, Better, Scale, Value};
/// let c = candidates(&AnswerKind::Percent { better: Better::Higher }, &Scale::default());
/// assert_eq!(c.first(), Some(&(Value::Number(0.0), 0.0)));
/// assert_eq!(c.last(), Some(&(Value::Number(100.0), 5.0)));
/// ```
pub fn candidates(kind: &AnswerKind, scale: &Scale) -> Vec<(Value, f64)> {
    let grid = |f: &dyn Fn(f64) -> f64| -> Vec<Value> {
        (0..=STEPS)
            .map(|k| Value::Number(f(f64::from(k) / f64::from(STEPS))))
            .collect()
    };
    let values: Vec<Value> = match kind {
        AnswerKind::Level { levels } => (1..=levels.len())
            .map(|n| Value::Number(n as f64))
            .collect(),
        AnswerKind::YesNo { .. } => vec![Value::Bool(false), Value::Bool(true)],
        AnswerKind::Choice { .. } => Vec::new(), // scored below, straight from the options
        AnswerKind::Number {
            mapping,
            better,
            min,
            max,
            ..
        } => {
            // Not `f64::clamp`, which panics when an unchecked set has min above max.
            let clamp = |v: f64| v.max(min.unwrap_or(f64::MIN)).min(max.unwrap_or(f64::MAX));
            match mapping {
                NumberMapping::Bands(bands) => bands
                    .iter()
                    .map(|b| Value::Number(clamp(b.limit)))
                    .collect(),
                NumberMapping::Linear { from, to } => {
                    let (from, to) = (*from, *to);
                    match better {
                        Better::Higher => grid(&|t| clamp(from + t * (to - from))),
                        Better::Lower => grid(&|t| clamp(to - t * (to - from))),
                    }
                }
            }
        }
        AnswerKind::Percent { better } => match better {
            Better::Higher => grid(&|t| t * 100.0),
            Better::Lower => grid(&|t| 100.0 - t * 100.0),
        },
        AnswerKind::Score => grid(&|t| scale.min + t * (scale.max - scale.min)),
    };
    let mut out: Vec<(Value, f64)> = match kind {
        // Scored straight from the options: `answer_score` looks each id up among all the
        // options, which made 50,000 options take 2.5 billion comparisons. Duplicate ids (only
        // in an unchecked set) score as the first, as `answer_score` scores them.
        AnswerKind::Choice { options } => {
            let mut first: BTreeMap<&str, usize> = BTreeMap::new();
            for (k, o) in options.iter().enumerate() {
                first.entry(o.id.as_str()).or_insert(k);
            }
            options
                .iter()
                .map(|o| {
                    let score = first
                        .get(o.id.as_str())
                        .map_or(o.score, |&k| options[k].score);
                    (Value::Text(o.id.clone()), score)
                })
                .collect()
        }
        _ => values
            .into_iter()
            .filter_map(|v| answer_score(kind, scale, &v).ok().map(|s| (v, s)))
            .collect(),
    };
    crate::sort::sort_by(&mut out, |a, b| a.1.total_cmp(&b.1));
    out
}

/// Advice for an assessment; `limit` caps the recommendations listed (the plan is unaffected).
///
/// # Example
/// ```
/// use swanilai::{advise, builtin, Assessment, Value};
/// let set = builtin::get("spbe-2020").unwrap();
/// let mut a = Assessment::new("spbe-2020", &set.version);
/// for ind in set.indicators() {
///     a.set_value(&ind.id, Value::Number(2.0)); // 2.00: Cukup
/// }
/// let advice = advise(&set, &a, Some(3));
/// assert_eq!(advice.recommendations.len(), 3);
/// // The heaviest indicators (weight 3.0, public services) come first.
/// assert_eq!(advice.recommendations[0].indicator, "spbe-42");
/// let plan = advice.plan.unwrap();
/// assert_eq!(plan.target.label.id, "Baik"); // from 2.6
/// assert!(plan.reached && plan.score_after.shown.unwrap() >= 2.6);
/// ```
pub fn advise(set: &IndicatorSet, a: &Assessment, limit: Option<usize>) -> Advice {
    let scorer = Scorer::new(set);
    advise_with(&scorer, a, limit)
}

/// [`advise`] with a compiled [`Scorer`].
pub fn advise_with(scorer: &Scorer<'_>, a: &Assessment, limit: Option<usize>) -> Advice {
    let scorer = &*scorer.for_assessment(a);
    let set = scorer.set();
    let tally = scorer.tally(scorer.evidenced_scores(a));
    let base = tally.overall();
    let gain = |i: usize, s: f64| {
        let after = scorer.overall_if(&tally, i, Some(s));
        after.unwrap_or(set.scale.min) - base.unwrap_or(set.scale.min)
    };
    let mut options: Vec<Vec<(Value, f64)>> = Vec::with_capacity(scorer.indicator_count());
    let mut recs = Vec::new();
    let mut unanswered = Vec::new();
    for i in 0..scorer.indicator_count() {
        let ind = scorer.indicator(i);
        let Some(current) = scorer.current_value(a, i) else {
            unanswered.push(ind.id.clone());
            options.push(Vec::new());
            continue;
        };
        let answer = a.answers.get(&ind.id);
        let current_score = tally.indicator(i);
        let mut better: Vec<(Value, f64)> = candidates(&ind.answer, &set.scale)
            .into_iter()
            .filter(|(_, s)| current_score.is_none_or(|c| *s > c))
            .collect();
        // Only answers that raise the overall score are improvements. A higher score than the
        // current one always does, unless the raise is lost to rounding; but under `exclude`
        // an unanswered indicator has no current score, and an answer below the mean of its
        // answered siblings lowers the overall score. The overall score never falls as one
        // indicator's score rises (weights are positive), so the answers with a positive gain
        // are the last ones of the list, sorted by score: skip the ones before.
        let first = if better.first().is_none_or(|c| gain(i, c.1) > 0.0) {
            0
        } else {
            better.partition_point(|c| gain(i, c.1) <= 0.0)
        };
        better.drain(..first);
        if let (Some(next), Some(top)) = (better.first(), better.last()) {
            // The first option reaching the top score is the best answer.
            let best = better.iter().find(|c| c.1 == top.1).unwrap_or(top);
            let (next_gain, best_gain) = (gain(i, next.1), gain(i, best.1));
            if next_gain <= 0.0 || best_gain <= 0.0 {
                // Only in an unchecked set whose weights are not all positive.
                options.push(Vec::new());
                continue;
            }
            let step = |(value, score): &(Value, f64), gain: f64| AnswerGain {
                value: value.clone(),
                score: *score,
                gain,
                prepare: crate::evidence::to_prepare(ind, answer, value),
            };
            recs.push((
                i,
                Recommendation {
                    indicator: ind.id.clone(),
                    group: scorer.indicator_group(i).to_string(),
                    current: Some(current.into_owned()),
                    current_score,
                    next: step(next, next_gain),
                    best: step(best, best_gain),
                    measured: ind.external.is_some()
                        || matches!(
                            ind.answer,
                            AnswerKind::Number { .. } | AnswerKind::Percent { .. }
                        ),
                },
            ));
        }
        options.push(better);
    }
    let per_item = |r: &Recommendation| r.next.gain / r.next.prepare.len().max(1) as f64;
    crate::sort::sort_by(&mut recs, |(ia, a), (ib, b)| {
        per_item(b)
            .total_cmp(&per_item(a))
            .then(b.best.gain.total_cmp(&a.best.gain))
            .then(ia.cmp(ib))
    });
    let plan = plan(scorer, &tally, a, &recs, &options);
    let mut recommendations: Vec<Recommendation> = recs.into_iter().map(|(_, r)| r).collect();
    if let Some(n) = limit {
        recommendations.truncate(n);
    }
    Advice {
        overall: scorer.score_of(base),
        unanswered,
        recommendations,
        plan,
    }
}

fn plan(
    scorer: &Scorer<'_>,
    tally: &Tally,
    a: &Assessment,
    recs: &[(usize, Recommendation)],
    options: &[Vec<(Value, f64)>],
) -> Option<Plan> {
    let set = scorer.set();
    let decimals = set.scale.decimals;
    let lo = set.scale.min;
    let shown = |v: Option<f64>| round_half_away(v.unwrap_or(lo), decimals);
    let now = scorer
        .predicate_of(shown(tally.overall()))
        .map_or(0, |p| p.index);
    let next = set.predicates.get(now + 1)?;
    let target = next.min;
    let reaches_value = |v: Option<f64>| shown(v) >= target;
    let reaches = |t: &Tally| reaches_value(t.overall());
    let best_of = |i: usize, r: &Recommendation| {
        options[i]
            .iter()
            .position(|(v, _)| *v == r.best.value)
            .unwrap_or(0)
    };
    let exclude = set.unanswered == UnansweredPolicy::Exclude;
    // (indicator, index into its options)
    let mut chosen: Vec<(usize, usize)> = if exclude {
        greedy_exclude(scorer, tally, recs, &reaches_value)
            .into_iter()
            .filter_map(|i| {
                recs.iter()
                    .find(|(j, _)| *j == i)
                    .map(|(_, r)| (i, best_of(i, r)))
            })
            .collect()
    } else {
        // Under `zero` every indicator always counts, so the overall score is a fixed
        // weighted sum of indicator scores and gains add up: the k largest best-answer gains
        // give the highest score any k changes can, and taking them largest first until the
        // target is reached gives the fewest changes.
        let mut by_best: Vec<&(usize, Recommendation)> = recs.iter().collect();
        // Largest best gain first (the fewest changes); among equal gains, the change with
        // fewer evidence items to prepare.
        crate::sort::sort_by(&mut by_best, |(ia, a), (ib, b)| {
            b.best
                .gain
                .total_cmp(&a.best.gain)
                .then(a.best.prepare.len().cmp(&b.best.prepare.len()))
                .then(b.next.gain.total_cmp(&a.next.gain))
                .then(ia.cmp(ib))
        });
        let mut t = tally.clone();
        let mut chosen = Vec::new();
        for (i, r) in by_best {
            if reaches(&t) || r.best.gain <= 0.0 {
                break;
            }
            scorer.update(&mut t, *i, Some(r.best.score));
            chosen.push((*i, best_of(*i, r)));
        }
        chosen
    };
    let mut t = tally.clone();
    for &(i, o) in &chosen {
        scorer.update(&mut t, i, Some(options[i][o].1));
    }
    let reached = reaches(&t);
    if reached {
        // Least effort: lower each change, smallest gain first, as far as the target allows.
        for k in (0..chosen.len()).rev() {
            let (i, best) = chosen[k];
            for (o, (_, s)) in options[i].iter().enumerate().take(best) {
                scorer.update(&mut t, i, Some(*s));
                if reaches(&t) {
                    chosen[k].1 = o;
                    break;
                }
                scorer.update(&mut t, i, Some(options[i][best].1));
            }
        }
    }
    let steps: Vec<Step> = ordered(scorer, tally, options, &chosen, exclude)
        .into_iter()
        .map(|(i, o, gain)| {
            let (value, score) = options[i][o].clone();
            let ind = scorer.indicator(i);
            Step {
                indicator: ind.id.clone(),
                from: scorer.current_value(a, i).map(std::borrow::Cow::into_owned),
                prepare: crate::evidence::to_prepare(ind, a.answers.get(&ind.id), &value),
                to: value,
                score,
                gain,
            }
        })
        .collect();
    Some(Plan {
        target: scorer.predicate_of(target)?,
        target_score: target,
        reached,
        score_after: scorer.score_of(t.overall()),
        items: steps.iter().map(|s| s.prepare.len()).sum(),
        steps,
    })
}

/// The changes in the order given to the user, each with its gain given the ones before it
/// (the real scorer's score after the change minus before it). Under `exclude` each next
/// change is the one with the largest such gain; under `zero` gains add up and the order is
/// simply by gain, largest first (equal gains in the order given).
fn ordered(
    scorer: &Scorer<'_>,
    tally: &Tally,
    options: &[Vec<(Value, f64)>],
    chosen: &[(usize, usize)],
    exclude: bool,
) -> Vec<(usize, usize, f64)> {
    let lo = scorer.set().scale.min;
    let mut t = tally.clone();
    let mut sums = Sums::new(scorer, tally);
    let mut left: Vec<(usize, usize, f64)> = chosen.iter().map(|&(i, o)| (i, o, 0.0)).collect();
    if !exclude {
        let base = tally.overall().unwrap_or(lo);
        for x in &mut left {
            x.2 = scorer
                .overall_if(tally, x.0, Some(options[x.0][x.1].1))
                .unwrap_or(lo)
                - base;
        }
        crate::sort::sort_by(&mut left, |x, y| y.2.total_cmp(&x.2));
    }
    let mut out = Vec::with_capacity(left.len());
    while !left.is_empty() {
        let mut pick = 0;
        if exclude {
            let mut top = f64::NEG_INFINITY;
            for (k, &(i, o, _)) in left.iter().enumerate() {
                let after = sums.overall_if(i, Some(options[i][o].1)).unwrap_or(lo);
                if after > top {
                    (top, pick) = (after, k);
                }
            }
        }
        let (i, o, _) = left.remove(pick);
        let before = t.overall().unwrap_or(lo);
        scorer.update(&mut t, i, Some(options[i][o].1));
        sums.set(i, Some(options[i][o].1));
        out.push((i, o, t.overall().unwrap_or(lo) - before));
    }
    out
}

/// The indicators to give their best answers under `exclude`, where gains do not add up: each
/// next one the change with the largest gain given those before, until the target is reached
/// or no change raises the score.
fn greedy_exclude(
    scorer: &Scorer<'_>,
    tally: &Tally,
    recs: &[(usize, Recommendation)],
    reaches: &dyn Fn(Option<f64>) -> bool,
) -> Vec<usize> {
    let lo = scorer.set().scale.min;
    let mut best: Vec<Option<f64>> = vec![None; scorer.indicator_count()];
    for (i, r) in recs {
        best[*i] = Some(r.best.score);
    }
    let mut sums = Sums::new(scorer, tally);
    let mut left: Vec<usize> = recs.iter().map(|(i, _)| *i).collect();
    let mut plan = Vec::new();
    while !reaches(sums.overall()) {
        let before = sums.overall().unwrap_or(lo);
        let mut pick: Option<(usize, f64)> = None;
        for (k, &i) in left.iter().enumerate() {
            let gain = sums.overall_if(i, best[i]).unwrap_or(lo) - before;
            if gain > 0.0 && pick.is_none_or(|(_, g)| gain > g) {
                pick = Some((k, gain));
            }
        }
        let Some((k, _)) = pick else { break };
        let i = left.remove(k);
        sums.set(i, best[i]);
        plan.push(i);
    }
    plan
}
