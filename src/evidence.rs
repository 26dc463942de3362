//! Evidence first: the level an answer claims, the level its evidence items (data dukung)
//! support, and the items still missing.
//!
//! Levels are cumulative, as the SPBE and Pemdi evaluations count them: the *evidenced*
//! level is the highest level L such that every required item of levels 1..L is `siap`
//! (0 when level 1 is not met), and never above the claimed level. An indicator without
//! evidence items, or of another kind than `level`, is evidenced at its claim. An indicator
//! taken from another agency's evaluation is evidenced by that agency's result: once the
//! answer records the result, its level counts as evidenced.

use std::borrow::Cow;

use crate::assessment::{Answer, Status, Value};
use crate::model::{AnswerKind, EvidenceItem, Indicator};

/// The evidence item `id` of an indicator, with its level number (1-based).
pub fn item<'a>(ind: &'a Indicator, id: &str) -> Option<(usize, &'a EvidenceItem)> {
    items(ind).find(|(_, it)| it.id == id)
}

/// Every evidence item of an indicator with its level number (1-based), lowest level first.
pub fn items(ind: &Indicator) -> impl Iterator<Item = (usize, &EvidenceItem)> {
    let levels = match &ind.answer {
        AnswerKind::Level { levels } => levels.as_slice(),
        _ => &[],
    };
    levels
        .iter()
        .enumerate()
        .flat_map(|(k, l)| l.evidence.iter().map(move |it| (k + 1, it)))
}

/// The agency result's level through the indicator's `external.mapping`: the best band whose
/// limit the result reaches, or level 1 when it reaches none (the lowest level there is).
pub fn mapped_level(ind: &Indicator, result: f64) -> Option<usize> {
    let bands = ind.external.as_ref()?.mapping.as_ref()?;
    let level = bands
        .iter()
        .rev()
        .find(|b| result >= b.limit)
        .map_or(1.0, |b| b.score);
    Some(level.max(1.0) as usize)
}

/// The value an answer claims: for an indicator taken from another agency with a mapping,
/// the level its recorded result maps to; otherwise the value entered.
pub fn claimed_value<'a>(ind: &Indicator, answer: &'a Answer) -> Option<Cow<'a, Value>> {
    let result = answer.external.as_ref().and_then(|x| x.result);
    if let Some(level) = result.and_then(|r| mapped_level(ind, r)) {
        return Some(Cow::Owned(Value::Number(level as f64)));
    }
    answer.value.as_ref().map(Cow::Borrowed)
}

/// Whether the level of an external indicator is carried by the agency's recorded result.
fn from_agency(ind: &Indicator, answer: Option<&Answer>) -> bool {
    ind.external.is_some()
        && answer
            .and_then(|a| a.external.as_ref())
            .is_some_and(|x| x.result.is_some())
}

fn ready(answer: Option<&Answer>, id: &str) -> bool {
    answer
        .and_then(|a| a.evidence.get(id))
        .is_some_and(|e| e.status == Status::Siap)
}

/// The level the evidence supports for a claim of level `claimed` (see the module docs).
///
/// ```
/// use swanilai::{builtin, evidence::evidenced_level};
/// let set = builtin::get("spbe-2020").unwrap();
/// let ind = set.indicators().next().unwrap();
/// // spbe-2020 lists no evidence items: a claim is evidenced as it stands.
/// assert_eq!(evidenced_level(ind, None, 3), 3);
/// ```
pub fn evidenced_level(ind: &Indicator, answer: Option<&Answer>, claimed: usize) -> usize {
    let AnswerKind::Level { levels } = &ind.answer else {
        return claimed;
    };
    if from_agency(ind, answer) {
        return claimed;
    }
    for (k, l) in levels.iter().enumerate().take(claimed) {
        if l.evidence
            .iter()
            .any(|it| it.required && !ready(answer, &it.id))
        {
            return k;
        }
    }
    claimed
}

/// The required items of levels 1..=`claimed` that are not `siap`, with their level numbers:
/// what holds the claim above the evidence.
pub fn missing<'a>(
    ind: &'a Indicator,
    answer: Option<&Answer>,
    claimed: usize,
) -> Vec<(usize, &'a EvidenceItem)> {
    if from_agency(ind, answer) {
        return Vec::new();
    }
    items(ind)
        .filter(|(level, it)| *level <= claimed && it.required && !ready(answer, &it.id))
        .collect()
}

/// The required items not yet `siap` that a level indicator needs for the answer `value`
/// (a level number): what to prepare to reach it. Empty for other kinds.
pub fn to_prepare(
    ind: &Indicator,
    answer: Option<&Answer>,
    value: &Value,
) -> Vec<crate::score::MissingItem> {
    let (AnswerKind::Level { .. }, Value::Number(n)) = (&ind.answer, value) else {
        return Vec::new();
    };
    missing(ind, answer, *n as usize)
        .into_iter()
        .map(|(level, it)| crate::score::MissingItem {
            id: it.id.clone(),
            level,
            text: it.text.clone(),
        })
        .collect()
}
