//! Comparison of two assessments of the same set (e.g. last year's and this year's).
//!
//! Changes are taken between the *shown* (rounded) scores, so the numbers on the
//! screen add up: 3.48 last year and 3.73 this year is an improvement of +0.25.

use serde::Serialize;

use crate::assessment::{Assessment, Value};
use crate::model::{IndicatorSet, Text};
use crate::problem::Problem;
use crate::round::round_half_away;
use crate::score::{Report, Score, Scorer};

/// A shown score before and after, and the change.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
pub struct Delta {
    /// The shown score in the previous assessment.
    pub previous: Option<f64>,
    /// The shown score in the current assessment.
    pub current: Option<f64>,
    /// `current - previous`, rounded to the set's decimals; absent when either is absent.
    pub change: Option<f64>,
}

/// Which way a score went between the two assessments.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
#[serde(rename_all = "snake_case")]
pub enum Trend {
    /// The shown score rose.
    Up,
    /// The shown score fell.
    Down,
    /// The shown score stayed the same.
    Same,
    /// Scored now, not before (e.g. answered for the first time under `exclude`).
    New,
    /// Scored before, not now.
    Dropped,
    /// Scored in neither.
    Unscored,
}

/// A predicate band that changed: the previous and the current band's label.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
pub struct PredicateChange {
    /// The previous band's label (absent: no score then).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous: Option<Text>,
    /// The current band's label (absent: no score now).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current: Option<Text>,
}

/// The periods compared, as the assessments name them (`region.period`), e.g. 2025 and 2026.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
pub struct Periods {
    /// The previous assessment's period.
    pub previous: String,
    /// The current assessment's period.
    pub current: String,
}

/// The change of one group, tag or indicator.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
#[serde(rename_all = "camelCase")]
pub struct Change {
    /// The group id, tag or indicator id.
    pub id: String,
    /// The scores and their change.
    #[serde(flatten)]
    pub delta: Delta,
    /// Which way the shown score went.
    pub trend: Trend,
    /// The predicate band, when it changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub predicate_change: Option<PredicateChange>,
    /// For indicators: the previous answer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous_value: Option<Value>,
    /// For indicators: the current answer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current_value: Option<Value>,
}

/// Everything that changed between two assessments.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
#[serde(rename_all = "camelCase")]
pub struct Comparison {
    /// The two periods, from each assessment's `region.period`.
    pub periods: Periods,
    /// The overall score before and after.
    pub overall: Delta,
    /// The previous overall score with its predicate.
    pub previous: Score,
    /// The current overall score with its predicate.
    pub current: Score,
    /// Which way the overall score went.
    pub trend: Trend,
    /// The overall predicate band, when it changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub predicate_change: Option<PredicateChange>,
    /// Per group, in the set's order.
    pub groups: Vec<Change>,
    /// Per tag.
    pub tags: Vec<Change>,
    /// Per indicator, in the set's order.
    pub indicators: Vec<Change>,
    /// Problems of both assessments; paths start with `previous.` or `current.`.
    pub problems: Vec<Problem>,
}

fn delta(prev: &Score, cur: &Score, decimals: u8) -> Delta {
    Delta {
        previous: prev.shown,
        current: cur.shown,
        change: match (prev.shown, cur.shown) {
            (Some(p), Some(c)) => Some(round_half_away(c - p, decimals)),
            _ => None,
        },
    }
}

fn trend(d: &Delta) -> Trend {
    match (d.previous, d.change) {
        (_, Some(c)) if c > 0.0 => Trend::Up,
        (_, Some(c)) if c < 0.0 => Trend::Down,
        (_, Some(_)) => Trend::Same,
        (Some(_), None) => Trend::Dropped,
        (None, None) if d.current.is_some() => Trend::New,
        (None, None) => Trend::Unscored,
    }
}

fn predicate_change(prev: &Score, cur: &Score) -> Option<PredicateChange> {
    let (p, c) = (prev.predicate.as_ref(), cur.predicate.as_ref());
    (p.map(|x| x.index) != c.map(|x| x.index)).then(|| PredicateChange {
        previous: p.map(|x| x.label.clone()),
        current: c.map(|x| x.label.clone()),
    })
}

/// Compares two assessments of a set.
///
/// # Example
/// ```
/// use swanilai::{builtin, compare, Assessment, Value};
/// let set = builtin::get("spbe-2020").unwrap();
/// let mut before = Assessment::new("spbe-2020", &set.version);
/// let mut after = before.clone();
/// for ind in set.indicators() {
///     before.set_value(&ind.id, Value::Number(2.0));
///     after.set_value(&ind.id, Value::Number(2.0));
/// }
/// after.set_value("spbe-42", Value::Number(5.0)); // weight 3: +3 * 3 / 100
/// let c = compare(&set, &before, &after);
/// assert_eq!(c.overall.change, Some(0.09));
/// assert_eq!(c.groups.iter().find(|g| g.id == "spbe-d4").unwrap().delta.change, Some(0.2));
/// assert_eq!(c.indicators.iter().find(|i| i.id == "spbe-42").unwrap().trend, swanilai::compare::Trend::Up);
/// assert!(c.predicate_change.is_none()); // 2.00 and 2.09 are both "Cukup"
/// ```
pub fn compare(set: &IndicatorSet, previous: &Assessment, current: &Assessment) -> Comparison {
    let scorer = Scorer::new(set);
    let before = scorer.score(previous);
    let after = scorer.score(current);
    compare_reports(set, previous, current, &before, &after)
}

/// [`compare`] for reports already computed.
pub fn compare_reports(
    set: &IndicatorSet,
    previous: &Assessment,
    current: &Assessment,
    before: &Report,
    after: &Report,
) -> Comparison {
    let d = set.scale.decimals;
    let pair = |id: &str, p: &Score, c: &Score| {
        let delta = delta(p, c, d);
        Change {
            id: id.to_string(),
            trend: trend(&delta),
            predicate_change: predicate_change(p, c),
            delta,
            previous_value: None,
            current_value: None,
        }
    };
    let none = Score::default();
    let or_none = |s: Option<&'_ Score>| s.cloned().unwrap_or_else(|| none.clone());
    let groups = matched(&before.groups, &after.groups, |g| &g.id)
        .into_iter()
        .map(|(id, p, c)| {
            pair(
                id,
                &or_none(p.map(|g| &g.score)),
                &or_none(c.map(|g| &g.score)),
            )
        })
        .collect();
    let tags = matched(&before.tags, &after.tags, |t| &t.tag)
        .into_iter()
        .map(|(id, p, c)| {
            pair(
                id,
                &or_none(p.map(|t| &t.score)),
                &or_none(c.map(|t| &t.score)),
            )
        })
        .collect();
    let value = |a: &Assessment, id: &str| a.answers.get(id).and_then(|x| x.value.clone());
    let indicators = matched(&before.indicators, &after.indicators, |i| &i.id)
        .into_iter()
        .map(|(id, p, c)| Change {
            previous_value: value(previous, id),
            current_value: value(current, id),
            ..pair(
                id,
                &or_none(p.map(|i| &i.score)),
                &or_none(c.map(|i| &i.score)),
            )
        })
        .collect();
    let prefix = |list: &[Problem], at: &str| -> Vec<Problem> {
        list.iter()
            .map(|p| Problem {
                path: if p.path.is_empty() {
                    at.to_string()
                } else {
                    format!("{at}.{}", p.path)
                },
                ..p.clone()
            })
            .collect()
    };
    let mut problems = prefix(&before.problems, "previous");
    problems.extend(prefix(&after.problems, "current"));
    let overall = delta(&before.overall, &after.overall, d);
    Comparison {
        periods: Periods {
            previous: previous.region.period.clone(),
            current: current.region.period.clone(),
        },
        trend: trend(&overall),
        predicate_change: predicate_change(&before.overall, &after.overall),
        overall,
        previous: before.overall.clone(),
        current: after.overall.clone(),
        groups,
        tags,
        indicators,
        problems,
    }
}

/// Pairs two lists by id: position by position when they list the same ids (every set without
/// a masterplan), otherwise the current list in its order with the previous item of each id,
/// then what only the previous list holds (a masterplan program dropped since).
fn matched<'r, T>(
    before: &'r [T],
    after: &'r [T],
    id: impl Fn(&T) -> &str,
) -> Vec<(&'r str, Option<&'r T>, Option<&'r T>)> {
    let same = before.len() == after.len() && before.iter().zip(after).all(|(p, c)| id(p) == id(c));
    if same {
        return before
            .iter()
            .zip(after)
            .map(|(p, c)| (id(p), Some(p), Some(c)))
            .collect();
    }
    let mut prev: std::collections::BTreeMap<&str, &T> = std::collections::BTreeMap::new();
    for p in before {
        prev.entry(id(p)).or_insert(p);
    }
    let mut out: Vec<(&str, Option<&T>, Option<&T>)> = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for c in after {
        seen.insert(id(c));
        out.push((id(c), prev.get(id(c)).copied(), Some(c)));
    }
    for p in before {
        if !seen.contains(id(p)) {
            out.push((id(p), Some(p), None));
        }
    }
    out
}
