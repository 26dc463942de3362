//! Progress per unit: how far each unit is with the indicators and evidence items assigned to
//! it, which of its claims stand above their evidence, and which targets are overdue.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::assessment::{Assessment, Status, Value};
use crate::evidence::{claimed_value, evidenced_level, items};
use crate::model::{AnswerKind, Indicator, IndicatorSet};
use crate::validate::answer_score;

/// One unit's progress (or that of the indicators assigned to none).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
#[serde(rename_all = "camelCase")]
pub struct UnitProgress {
    /// The unit's id; absent for the row of indicators assigned to no unit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The unit's name (empty for the unassigned row).
    pub name: String,
    /// Indicators assigned to it.
    pub indicators: usize,
    /// Of those, answered with a value its indicator accepts.
    pub answered: usize,
    /// Evidence items it holds: the items of its indicators, less those handed to another
    /// unit, plus those handed to it.
    pub items: usize,
    /// Of those, marked `siap`.
    pub items_ready: usize,
    /// Its indicators whose claimed level stands above the level their evidence supports.
    pub above_evidence: Vec<String>,
    /// Its indicators whose target is not reached (by the evidenced level, for levels) and
    /// whose due date is before the given date.
    pub overdue: Vec<String>,
}

/// Progress of every unit on a date.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
pub struct Progress {
    /// The date targets are judged on, `YYYY-MM-DD`.
    pub date: String,
    /// One row per unit, in the order of the assessment's `units`, then (when any indicator
    /// is assigned to none) a row without a unit.
    pub units: Vec<UnitProgress>,
}

/// Whether an answer reaches a target: for a level indicator, the evidenced level is at least
/// the target level; otherwise the answer scores at least what the target would.
fn reached(set: &IndicatorSet, ind: &Indicator, a: &Assessment, target: &Value) -> bool {
    let Some(answer) = a.answers.get(&ind.id) else {
        return false;
    };
    let Some(claimed) = claimed_value(ind, answer) else {
        return false;
    };
    let score = |v: &Value| answer_score(&ind.answer, &set.scale, v).ok();
    match (&ind.answer, claimed.as_ref(), target) {
        (AnswerKind::Level { .. }, Value::Number(c), Value::Number(t))
            if score(&claimed).is_some() =>
        {
            evidenced_level(ind, Some(answer), *c as usize) as f64 >= *t
        }
        _ => matches!((score(&claimed), score(target)), (Some(c), Some(t)) if c >= t),
    }
}

/// Progress per unit on `date` (`YYYY-MM-DD`; an ISO 8601 time is cut to its date): a target
/// is overdue when its due date is before `date` and it is not reached.
///
/// # Example
/// ```
/// use swanilai::{builtin, progress::progress, Assessment, Assignment, Unit, Value};
/// let set = builtin::get("spbe-2020").unwrap();
/// let mut a = Assessment::new("spbe-2020", &set.version);
/// a.units.push(Unit { id: "bappeda".into(), name: "Bappeda".into() });
/// let target = |t: f64, due: &str| Assignment {
///     unit: Some("bappeda".into()), target: Some(Value::Number(t)), due: Some(due.into()), ..Default::default()
/// };
/// a.assignments.insert("spbe-01".into(), target(3.0, "2026-06-30"));
/// a.assignments.insert("spbe-02".into(), target(3.0, "2026-12-31"));
/// a.set_value("spbe-01", Value::Number(2.0));
/// let p = progress(&set, &a, "2026-07-01T08:00:00Z");
/// assert_eq!(p.units[0].indicators, 2);
/// assert_eq!(p.units[0].answered, 1);
/// assert_eq!(p.units[0].overdue, ["spbe-01"]); // spbe-02 is not due yet
/// assert_eq!(p.units.len(), 2); // the other 45 indicators are assigned to none
/// ```
pub fn progress(set: &IndicatorSet, a: &Assessment, date: &str) -> Progress {
    let set = &*crate::masterplan::effective_set(set, a);
    let date: String = date.chars().take(10).collect();
    let mut rows: Vec<UnitProgress> = a
        .units
        .iter()
        .map(|u| UnitProgress {
            unit: Some(u.id.clone()),
            name: u.name.clone(),
            ..UnitProgress::default()
        })
        .collect();
    let mut none = UnitProgress::default();
    // The first row of a unit id (ids are unique in a valid assessment).
    let mut index: BTreeMap<&str, usize> = BTreeMap::new();
    for (k, u) in a.units.iter().enumerate() {
        index.entry(u.id.as_str()).or_insert(k);
    }
    let row = |unit: Option<&str>| -> Option<usize> { unit.and_then(|u| index.get(u).copied()) };
    for ind in set.indicators() {
        let asg = a.assignments.get(&ind.id);
        let unit = asg.and_then(|x| x.unit.as_deref());
        let answer = a.answers.get(&ind.id);
        let claimed = answer.and_then(|x| claimed_value(ind, x));
        let valid = claimed
            .as_ref()
            .is_some_and(|v| answer_score(&ind.answer, &set.scale, v).is_ok());
        let k = row(unit);
        let r = match k {
            Some(k) => &mut rows[k],
            None => &mut none,
        };
        r.indicators += 1;
        r.answered += usize::from(valid);
        if let (true, Some(Value::Number(c))) = (valid, claimed.as_deref()) {
            if matches!(ind.answer, AnswerKind::Level { .. })
                && evidenced_level(ind, answer, *c as usize) < *c as usize
            {
                r.above_evidence.push(ind.id.clone());
            }
        }
        if let Some(x) = asg {
            let due_passed = x.due.as_deref().is_some_and(|d| d < date.as_str());
            if let (Some(t), true) = (&x.target, due_passed) {
                if !reached(set, ind, a, t) {
                    r.overdue.push(ind.id.clone());
                }
            }
        }
        for (_, item) in items(ind) {
            let holder = asg
                .and_then(|x| x.items.get(&item.id))
                .map(String::as_str)
                .or(unit);
            let ready = answer
                .and_then(|x| x.evidence.get(&item.id))
                .is_some_and(|e| e.status == Status::Siap);
            let r = match row(holder) {
                Some(k) => &mut rows[k],
                None => &mut none,
            };
            r.items += 1;
            r.items_ready += usize::from(ready);
        }
    }
    if none.indicators > 0 || none.items > 0 {
        rows.push(none);
    }
    Progress { date, units: rows }
}
