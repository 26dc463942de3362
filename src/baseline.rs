//! Answers proposed from last year's assessment, for the indicators a set marks with
//! `fromPrevious` (the smart city evaluation's Baseline dimension):
//!
//! - `"index"`: last year's achievement index, the overall score last year's assessment has
//!   against the set (as shown, rounded to the set's decimals);
//! - `"change"`: how much the index rose since last year. The index itself contains the
//!   Baseline dimension, which contains this answer: counting it would make the answer depend
//!   on itself. So the change is counted on the index **without the top-level groups that hold
//!   `fromPrevious` indicators** (for smart-city-evaluasi: Output, Outcome, Impact and Quick
//!   Win, weighted 20/30/20/20 as in the full index), scored the same way for both years, and
//!   rounded to the set's decimals. This is swanilai's own rule (the evaluation guide's is not
//!   public).
//!
//! A proposal fills an empty answer, or replaces one still marked as proposed; it is marked in
//! the assessment's `carried` record (`"value": true`, with last year's period) until the
//! official confirms or changes it. An answer the official gave is never replaced.

use crate::assessment::{Assessment, Value};
use crate::masterplan::effective_set;
use crate::model::{AnswerKind, FromPrevious, Group, Indicator, IndicatorSet};
use crate::problem::{Code, Problem};
use crate::round::round_half_away;
use crate::score::Scorer;
use serde::Serialize;

/// One proposed answer.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
pub struct Proposal {
    /// The indicator's id.
    pub indicator: String,
    /// What it takes from last year.
    pub rule: FromPrevious,
    /// The proposed answer.
    pub value: f64,
}

fn holds_from_previous(g: &Group) -> bool {
    g.indicators.iter().any(|i| i.from_previous.is_some())
        || g.children.iter().any(holds_from_previous)
}

/// The overall score of `a` counted without the top-level groups that hold `fromPrevious`
/// indicators (as shown); `None` when nothing is left or nothing of it is answered.
pub fn index_without_baseline(set: &IndicatorSet, a: &Assessment) -> Option<f64> {
    let mut rest = effective_set(set, a).into_owned();
    rest.groups.retain(|g| !holds_from_previous(g));
    if rest.groups.is_empty() {
        return None;
    }
    let report = Scorer::new(&rest).score(a);
    report
        .overall
        .shown
        .filter(|_| report.completeness.answered > 0)
}

/// The answers `set` asks to take from last year's assessment `previous`, for this year's
/// `current` (the `change` rule reads this year's answers too).
///
/// ```
/// use swanilai::{builtin, baseline::proposals, Assessment, Value};
/// let set = builtin::get("smart-city-evaluasi").unwrap();
/// let mut last = Assessment::new(&set.id, &set.version);
/// last.set_value("out-kbj-03", Value::Number(3.0));
/// let p = proposals(&set, &last, &Assessment::new(&set.id, &set.version));
/// assert_eq!(p[0].indicator, "bl-01");
/// ```
pub fn proposals(set: &IndicatorSet, previous: &Assessment, current: &Assessment) -> Vec<Proposal> {
    let d = set.scale.decimals;
    // A file with nothing answered is no evaluation: it proposes nothing.
    let last = Scorer::new(set).score(previous);
    let last_index = last
        .overall
        .shown
        .filter(|_| last.completeness.answered > 0);
    let change = || {
        let (now, then) = (
            index_without_baseline(set, current)?,
            index_without_baseline(set, previous)?,
        );
        Some(round_half_away(now - then, d))
    };
    let mut out = Vec::new();
    for ind in set.indicators() {
        let value = match ind.from_previous {
            Some(FromPrevious::Index) => last_index,
            Some(FromPrevious::Change) => change(),
            None => continue,
        };
        if let (Some(value), Some(rule)) = (value, ind.from_previous) {
            out.push(Proposal {
                indicator: ind.id.clone(),
                rule,
                value,
            });
        }
    }
    out
}

/// Fills `current`'s answers from last year's assessment where the set asks for it: an empty
/// answer, or one still marked as proposed, takes the proposal and is marked in `carried`
/// (`value`, with last year's period); an answer the official gave stays. Returns the
/// proposals used.
///
/// ```
/// use swanilai::{builtin, baseline::fill_from_previous, Assessment, Value};
/// let set = builtin::get("smart-city-evaluasi").unwrap();
/// let mut last = Assessment::new(&set.id, &set.version);
/// last.region.period = "2025".into();
/// last.set_value("out-kbj-03", Value::Number(3.0));
/// let mut now = Assessment::new(&set.id, &set.version);
/// let used = fill_from_previous(&set, &last, &mut now);
/// assert_eq!(used[0].indicator, "bl-01");
/// assert!(now.carried["bl-01"].value);
/// assert_eq!(now.carried["bl-01"].from, "2025");
/// ```
pub fn fill_from_previous(
    set: &IndicatorSet,
    previous: &Assessment,
    current: &mut Assessment,
) -> Vec<Proposal> {
    apply(set, previous, current, true)
}

/// Brings the answers still marked as proposed in step with this year's answers (the
/// `change` follows them until the official confirms or changes it); empty answers stay
/// empty (the official may have cleared one). Returns the proposals whose value changed.
pub fn refresh_proposed(
    set: &IndicatorSet,
    previous: &Assessment,
    current: &mut Assessment,
) -> Vec<Proposal> {
    let any = |a: &Assessment| {
        set.indicators()
            .any(|i| i.from_previous.is_some() && a.carried.get(&i.id).is_some_and(|c| c.value))
    };
    if !any(current) {
        return Vec::new();
    }
    apply(set, previous, current, false)
}

fn apply(
    set: &IndicatorSet,
    previous: &Assessment,
    current: &mut Assessment,
    fill_empty: bool,
) -> Vec<Proposal> {
    let mut used = Vec::new();
    for p in proposals(set, previous, current) {
        let proposed = current.carried.get(&p.indicator).is_some_and(|c| c.value);
        let now = current
            .answers
            .get(&p.indicator)
            .and_then(|a| a.value.clone());
        let take = proposed || (fill_empty && now.is_none());
        let value = Some(Value::Number(p.value));
        if !take || (!fill_empty && now == value) {
            continue;
        }
        let answer = current.answers.entry(p.indicator.clone()).or_default();
        answer.value = value;
        let flag = current.carried.entry(p.indicator.clone()).or_default();
        flag.value = true;
        flag.from.clone_from(&previous.region.period);
        used.push(p);
    }
    used
}

/// The official confirms (`keep`) a proposed answer, or drops it (the answer is cleared).
/// Either way it is no longer marked as proposed. Returns whether it was marked.
pub fn settle_value(a: &mut Assessment, indicator: &str, keep: bool) -> bool {
    let Some(flag) = a.carried.get_mut(indicator) else {
        return false;
    };
    let was = std::mem::take(&mut flag.value);
    if flag.is_empty() {
        a.carried.remove(indicator);
    }
    if was && !keep {
        if let Some(answer) = a.answers.get_mut(indicator) {
            answer.value = None;
        }
    }
    was
}

/// The problem with an indicator's `fromPrevious` at `path`, if any: `index` wants a `score`
/// or `number` answer, `change` a `number` one, neither goes with `external`.
pub(crate) fn check_indicator(ind: &Indicator, path: &str) -> Option<Problem> {
    let rule = ind.from_previous?;
    let fits = matches!(
        (rule, &ind.answer),
        (
            FromPrevious::Index,
            AnswerKind::Score | AnswerKind::Number { .. }
        ) | (FromPrevious::Change, AnswerKind::Number { .. })
    );
    let (id, en) = if ind.external.is_some() {
        (
            "indikator yang diambil dari instansi lain (`external`) tidak dapat diisi dari berkas tahun lalu",
            "an indicator taken from another agency (`external`) cannot be filled from last year's file",
        )
    } else if !fits {
        match rule {
            FromPrevious::Index => (
                "`index` mengisi indeks tahun lalu: jawabannya harus `score` atau `number`",
                "`index` fills last year's index: the answer must be `score` or `number`",
            ),
            FromPrevious::Change => (
                "`change` mengisi selisih indeks (bisa negatif): jawabannya harus `number`",
                "`change` fills the change of the index (may be negative): the answer must be `number`",
            ),
        }
    } else {
        return None;
    };
    Some(Problem::new(
        path,
        Code::InvalidValue,
        format!("indikator `{}`: {id}", ind.id),
        format!("indicator `{}`: {en}", ind.id),
    ))
}

/// The problem of a set whose every top-level group holds a `change` indicator's siblings:
/// nothing would be left to count the change on.
pub(crate) fn check_set(set: &IndicatorSet) -> Option<Problem> {
    let changes = set
        .indicators()
        .any(|i| i.from_previous == Some(FromPrevious::Change));
    if !changes || set.groups.iter().any(|g| !holds_from_previous(g)) {
        return None;
    }
    Some(Problem::new(
        "groups",
        Code::InvalidValue,
        "`fromPrevious: change` dihitung tanpa kelompok yang memuat indikator `fromPrevious`, tetapi tidak ada kelompok lain".into(),
        "`fromPrevious: change` is counted without the groups holding `fromPrevious` indicators, but there is no other group".into(),
    ))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn set() -> IndicatorSet {
        crate::builtin::get("smart-city-evaluasi").expect("built in")
    }

    /// An assessment answering every level and yes/no indicator outside Baseline at level `v`
    /// (the Baseline ones too, with `b`).
    fn answered(set: &IndicatorSet, period: &str, v: f64, b: Option<f64>) -> Assessment {
        let mut a = Assessment::new(&set.id, &set.version);
        a.region.period = period.into();
        for ind in set.indicators() {
            let val = if ind.id.starts_with("bl-") {
                b
            } else {
                Some(v)
            };
            let Some(val) = val else { continue };
            let value = match &ind.answer {
                AnswerKind::Level { levels } => Value::Number(val.min(levels.len() as f64)),
                AnswerKind::YesNo { .. } => Value::Bool(val >= 3.0),
                AnswerKind::Score if ind.id.starts_with("bl-") => Value::Number(val),
                _ => continue,
            };
            a.set_value(&ind.id, value);
        }
        a
    }

    #[test]
    fn index_is_last_years_overall_score_and_change_leaves_the_baseline_out() {
        let s = set();
        let last = answered(&s, "2025", 2.0, Some(4.0));
        let now = answered(&s, "2026", 3.0, None);
        let p = proposals(&s, &last, &now);
        let shown = Scorer::new(&s).score(&last).overall.shown.expect("scored");
        assert_eq!(p[0].indicator, "bl-01");
        assert_eq!((p[0].rule, p[0].value), (FromPrevious::Index, shown));
        // The change: this year's index without Baseline minus last year's, whatever the
        // Baseline answers are in either year.
        let without = |a: &Assessment| index_without_baseline(&s, a).expect("scored");
        assert_eq!(p[1].indicator, "bl-02");
        assert_eq!(
            p[1].value,
            round_half_away(without(&now) - without(&last), 2)
        );
        let mut other_baseline = last.clone();
        other_baseline.set_value("bl-03", Value::Number(1.0));
        assert_eq!(
            proposals(&s, &other_baseline, &now)[1].value,
            p[1].value,
            "not circular: the Baseline answers do not move the change"
        );
        assert!(p[1].value > 0.0, "{}", p[1].value);
    }

    #[test]
    fn proposals_fill_empty_or_proposed_answers_and_never_the_officials() {
        let s = set();
        let last = answered(&s, "2025", 2.0, None);
        let mut now = answered(&s, "2026", 3.0, None);
        let used = fill_from_previous(&s, &last, &mut now);
        assert_eq!(used.len(), 2);
        assert!(now.carried["bl-02"].value);
        // More answered this year: the proposal follows while it is not confirmed.
        let before = now.answers["bl-02"].value.clone();
        now.set_value("out-kbj-03", Value::Number(1.0));
        fill_from_previous(&s, &last, &mut now);
        assert_ne!(now.answers["bl-02"].value, before);
        // Confirmed, it stays; a value the official typed stays too.
        assert!(settle_value(&mut now, "bl-02", true));
        assert!(!now.carried.contains_key("bl-02"));
        now.set_value("bl-01", Value::Number(1.5));
        now.carried.remove("bl-01");
        let kept = now.answers["bl-02"].value.clone();
        now.set_value("out-kbj-03", Value::Number(5.0));
        assert!(fill_from_previous(&s, &last, &mut now).is_empty());
        assert_eq!(now.answers["bl-01"].value, Some(Value::Number(1.5)));
        assert_eq!(now.answers["bl-02"].value, kept);
        // Dropped: the answer is cleared.
        let mut again = answered(&s, "2026", 3.0, None);
        fill_from_previous(&s, &last, &mut again);
        assert!(settle_value(&mut again, "bl-01", false));
        assert_eq!(again.answers["bl-01"].value, None);
    }

    #[test]
    fn refreshing_moves_only_proposed_answers() {
        let s = set();
        let last = answered(&s, "2025", 2.0, None);
        let mut now = answered(&s, "2026", 3.0, None);
        assert!(
            refresh_proposed(&s, &last, &mut now).is_empty(),
            "nothing proposed yet"
        );
        fill_from_previous(&s, &last, &mut now);
        assert!(
            refresh_proposed(&s, &last, &mut now).is_empty(),
            "nothing moved"
        );
        now.set_value("out-kbj-03", Value::Number(1.0));
        let moved = refresh_proposed(&s, &last, &mut now);
        assert_eq!(moved.len(), 1);
        assert_eq!(moved[0].indicator, "bl-02");
        // Cleared by the official (the mark goes with it): it stays empty.
        settle_value(&mut now, "bl-02", false);
        now.set_value("out-kbj-03", Value::Number(5.0));
        assert!(refresh_proposed(&s, &last, &mut now).is_empty());
        assert_eq!(now.answers["bl-02"].value, None);
    }

    #[test]
    fn nothing_scored_proposes_nothing() {
        let s = set();
        let empty = Assessment::new(&s.id, &s.version);
        assert!(proposals(&s, &empty, &empty).is_empty());
        let last = answered(&s, "2025", 2.0, None);
        let p = proposals(&s, &last, &empty);
        assert_eq!(
            p.len(),
            1,
            "the index only: nothing this year to count a change on"
        );
    }
}
