//! Carrying last year's evidence forward: notes and links of last year's answers and evidence
//! items fill this year's empty ones, each marked "masih berlaku?" (still valid?) in the
//! assessment's `carried` record until the official confirms or drops it.

use crate::assessment::{Assessment, ItemEvidence, Status};
use crate::model::IndicatorSet;
use crate::team::Carried;

/// Whether an item's notes and links are empty.
fn bare(notes: &str, links: &[String]) -> bool {
    notes.trim().is_empty() && links.iter().all(|l| l.trim().is_empty())
}

/// Copies last year's evidence notes and links into `current` where this year has none, for
/// the set's indicators: an answer's own notes and links, and each evidence item's (a carried
/// item not yet begun this year becomes `draf`: its document exists but must be checked).
/// Values, statuses already set this year and anything this year wrote are left alone. Every
/// carried piece is flagged in `current.carried`, with last year's period. Returns how many
/// pieces were carried.
///
/// # Example
/// ```
/// use swanilai::{builtin, carry::carry_forward, Assessment, Value};
/// let set = builtin::get("spbe-2020").unwrap();
/// let mut last = Assessment::new("spbe-2020", &set.version);
/// last.region.period = "2025".into();
/// last.set_value("spbe-01", Value::Number(3.0));
/// last.answers.get_mut("spbe-01").unwrap().notes = "Perbup 12/2024".into();
/// let mut now = Assessment::new("spbe-2020", &set.version);
/// assert_eq!(carry_forward(&set, &last, &mut now), 1);
/// assert_eq!(now.answers["spbe-01"].notes, "Perbup 12/2024");
/// assert_eq!(now.answers["spbe-01"].value, None); // this year's answer is this year's
/// assert!(now.carried["spbe-01"].notes);
/// assert_eq!(now.carried["spbe-01"].from, "2025");
/// ```
pub fn carry_forward(set: &IndicatorSet, previous: &Assessment, current: &mut Assessment) -> usize {
    // Last year's program list starts this year's when this year has none yet.
    if current.masterplan.is_none() {
        current.masterplan = previous.masterplan.clone();
    }
    let set = &*crate::masterplan::effective_set(set, current);
    let mut count = 0;
    for ind in set.indicators() {
        let Some(old) = previous.answers.get(&ind.id) else {
            continue;
        };
        let mut flag = Carried {
            from: previous.region.period.clone(),
            ..Carried::default()
        };
        let now = current.answers.entry(ind.id.clone()).or_default();
        if !bare(&old.notes, &old.links) && bare(&now.notes, &now.links) {
            now.notes.clone_from(&old.notes);
            now.links.clone_from(&old.links);
            flag.notes = true;
        }
        for (item, e) in &old.evidence {
            let known = crate::evidence::item(ind, item).is_some();
            let entry = now.evidence.get(item);
            let empty_now = entry.is_none_or(|x| bare(&x.notes, &x.links));
            if !known || bare(&e.notes, &e.links) || !empty_now {
                continue;
            }
            let entry = now.evidence.entry(item.clone()).or_default();
            entry.notes.clone_from(&e.notes);
            entry.links.clone_from(&e.links);
            if entry.status == Status::Belum {
                entry.status = Status::Draf;
            }
            flag.items.push(item.clone());
        }
        if flag.is_empty() {
            if *now == crate::assessment::Answer::default() {
                crate::assessment::remove_key(&mut current.answers, &ind.id);
            }
            continue;
        }
        count += usize::from(flag.notes) + flag.items.len();
        match current.carried.get_mut(&ind.id) {
            Some(c) => {
                c.notes |= flag.notes;
                c.items.extend(flag.items);
                c.from = flag.from;
            }
            None => {
                current.carried.insert(ind.id.clone(), flag);
            }
        }
    }
    count
}

/// Settles one carried piece of an indicator: the answer's own notes and links (`item` none)
/// or an evidence item's. `keep` confirms it (still valid: the flag goes, the text stays);
/// otherwise it is dropped (the carried notes and links go too, and an item not `siap` is
/// removed). Returns whether there was such a carried piece.
///
/// ```
/// use swanilai::{builtin, carry::{carry_forward, settle_carried}, Assessment, Value};
/// let set = builtin::get("spbe-2020").unwrap();
/// let mut last = Assessment::new("spbe-2020", &set.version);
/// last.set_value("spbe-01", Value::Number(3.0));
/// last.answers.get_mut("spbe-01").unwrap().links = vec!["https://jdih.example/perbup-12".into()];
/// let mut now = Assessment::new("spbe-2020", &set.version);
/// carry_forward(&set, &last, &mut now);
/// assert!(settle_carried(&mut now, "spbe-01", None, false));
/// assert!(!now.answers.contains_key("spbe-01") && now.carried.is_empty());
/// assert!(!settle_carried(&mut now, "spbe-01", None, true)); // nothing left to settle
/// ```
pub fn settle_carried(a: &mut Assessment, indicator: &str, item: Option<&str>, keep: bool) -> bool {
    let Some(flag) = a.carried.get_mut(indicator) else {
        return false;
    };
    let found = match item {
        None => std::mem::take(&mut flag.notes),
        Some(id) => {
            let before = flag.items.len();
            flag.items.retain(|x| x != id);
            flag.items.len() < before
        }
    };
    if flag.is_empty() {
        crate::assessment::remove_key(&mut a.carried, indicator);
    }
    if !found || keep {
        return found;
    }
    if let Some(answer) = a.answers.get_mut(indicator) {
        match item {
            None => {
                answer.notes.clear();
                answer.links.clear();
            }
            Some(id) => {
                let ready = answer
                    .evidence
                    .get(id)
                    .is_some_and(|e| e.status == Status::Siap);
                if ready {
                    let e = answer.evidence.get_mut(id).expect("checked above");
                    *e = ItemEvidence {
                        status: Status::Siap,
                        ..ItemEvidence::default()
                    };
                } else {
                    crate::assessment::remove_key(&mut answer.evidence, id);
                }
            }
        }
        if *answer == crate::assessment::Answer::default() {
            crate::assessment::remove_key(&mut a.answers, indicator);
        }
    }
    true
}
