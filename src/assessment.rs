//! The assessment document: one region's answers to one indicator set.
//!
//! The engine has no clock: `createdAt` and `updatedAt` are whatever the caller
//! puts there (the widget writes ISO 8601 times).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::team::{Assignment, Carried, ChangedBy, Share, Unit};

/// One region's answers to one indicator set.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
#[serde(rename_all = "camelCase")]
pub struct Assessment {
    /// The id of the set answered.
    pub set_id: String,
    /// The version of the set answered.
    pub set_version: String,
    /// Who is assessed, for when, by whom.
    pub region: Region,
    /// Answers keyed by indicator id. Answers to ids the set does not know are kept.
    pub answers: BTreeMap<String, Answer>,
    /// When the assessment was started (set by the caller).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// When the assessment was last changed (set by the caller).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
    /// The units of the region's government that answer for parts of the assessment.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub units: Vec<Unit>,
    /// Per indicator id: the responsible unit, a target and a due date.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub assignments: BTreeMap<String, Assignment>,
    /// Present in a unit's share: which unit, who handed it out, the base it was cut from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share: Option<Share>,
    /// Per indicator id: the unit (and time) of the last change taken from a returned share.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub changed_by: BTreeMap<String, ChangedBy>,
    /// Per indicator id: evidence carried from last year, not yet confirmed or dropped.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub carried: BTreeMap<String, Carried>,
    /// The region's masterplan programs, for a set built from them
    /// ([`crate::masterplan`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub masterplan: Option<crate::masterplan::Masterplan>,
}

/// The assessed region and the assessment's circumstances. Every field may be empty while drafting.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
pub struct Region {
    /// Name, e.g. `Kabupaten Banjar`.
    pub name: String,
    /// BPS region code, e.g. `6303` (digits, optionally dotted as `63.03`).
    pub code: String,
    /// Year or period assessed, e.g. `2026`.
    pub period: String,
    /// Who filled the assessment in.
    pub assessor: String,
}

/// The answer to one indicator, with its evidence.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
pub struct Answer {
    /// The value; absent while only evidence has been written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
    /// Evidence notes (document names, explanations).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Evidence links.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<String>,
    /// The state of each evidence item (data dukung) of the indicator's levels, by item id.
    /// Entries for items the set does not know are kept.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub evidence: BTreeMap<String, ItemEvidence>,
    /// For an indicator scored by another agency: its published result.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external: Option<ExternalResult>,
}

/// How far one evidence item is prepared.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Not there yet (*belum*).
    #[default]
    Belum,
    /// Being prepared (*draf*).
    Draf,
    /// Ready for the assessor (*siap*).
    Siap,
}

impl Status {
    /// The status as written in JSON: `belum`, `draf` or `siap`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Belum => "belum",
            Status::Draf => "draf",
            Status::Siap => "siap",
        }
    }
}

/// The state of one evidence item in an answer.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
pub struct ItemEvidence {
    /// How far it is prepared.
    pub status: Status,
    /// Notes (the document's number, date, where it is kept).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Links to the document.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<String>,
}

impl ItemEvidence {
    /// Whether notes or links were given.
    pub fn has_evidence(&self) -> bool {
        !self.notes.trim().is_empty() || self.links.iter().any(|l| !l.trim().is_empty())
    }
}

/// Another agency's published result for an indicator it scores.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
pub struct ExternalResult {
    /// The published result (e.g. a Satu Data Indonesia score).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub result: Option<f64>,
    /// The year of the evaluation it comes from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<i64>,
    /// Where it is published (a link or a document).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub source: String,
}

/// An answer value: a number (level, number, percent, score), a boolean (yes/no) or an option id (choice).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
#[serde(untagged)]
pub enum Value {
    /// A level, a number, a percentage or a score.
    Number(f64),
    /// Yes (`true`) or no (`false`).
    Bool(bool),
    /// The id of a choice option.
    Text(String),
}

impl Answer {
    /// An answer with a value and no evidence.
    pub fn value(value: Value) -> Answer {
        Answer {
            value: Some(value),
            ..Answer::default()
        }
    }

    /// Whether any evidence (notes or links, of the answer or of one of its evidence items)
    /// was given.
    pub fn has_evidence(&self) -> bool {
        !self.notes.trim().is_empty()
            || self.links.iter().any(|l| !l.trim().is_empty())
            || self.evidence.values().any(ItemEvidence::has_evidence)
    }
}

impl Assessment {
    /// An empty assessment of a set.
    pub fn new(set_id: impl Into<String>, set_version: impl Into<String>) -> Assessment {
        Assessment {
            set_id: set_id.into(),
            set_version: set_version.into(),
            ..Assessment::default()
        }
    }

    /// Sets (or replaces) the value answered for an indicator, keeping its evidence.
    ///
    /// ```
    /// use swanilai::{Assessment, Value};
    /// let mut a = Assessment::new("spbe-2020", "2020.1");
    /// a.set_value("spbe-01", Value::Number(3.0));
    /// assert_eq!(a.answers["spbe-01"].value, Some(Value::Number(3.0)));
    /// ```
    pub fn set_value(&mut self, indicator: &str, value: Value) {
        self.answers.entry(indicator.to_string()).or_default().value = Some(value);
    }

    /// Combines two assessments that both started from `base` (two tabs that saved in turn):
    /// each field (an answer's value, notes and links; each region field; the units, the
    /// assignments and the share and carry-forward records, each as a whole, listed by their
    /// JSON name when they clash) takes the side that
    /// changed it. Where both changed one field differently, `self` wins, and the indicator's
    /// id (or `region`, or the team-work field's name) is listed in the second return value.
    ///
    /// `descended` says whether `theirs` is known to descend from `base`. Then a field they
    /// emptied was cleared on purpose and stays empty. Otherwise nothing of `self` is dropped:
    /// where `theirs` has nothing and `self` something (perhaps never seen there: a tab that
    /// saved its own version over another's did not start from `base`), `self` wins, listed.
    ///
    /// ```
    /// use swanilai::{Assessment, Value};
    /// let base = Assessment::new("spbe-2020", "2020.1");
    /// let (mut mine, mut theirs) = (base.clone(), base.clone());
    /// mine.set_value("spbe-01", Value::Number(3.0));
    /// theirs.set_value("spbe-02", Value::Number(4.0));
    /// theirs.set_value("spbe-01", Value::Number(1.0));
    /// let (both, clashes) = mine.merge(&base, &theirs, true);
    /// assert_eq!(both.answers["spbe-01"].value, Some(Value::Number(3.0)));
    /// assert_eq!(both.answers["spbe-02"].value, Some(Value::Number(4.0)));
    /// assert_eq!(clashes, ["spbe-01"]);
    /// ```
    pub fn merge(
        &self,
        base: &Assessment,
        theirs: &Assessment,
        descended: bool,
    ) -> (Assessment, Vec<String>) {
        let r = (&base.region, &self.region, &theirs.region);
        let mut clash = false;
        let mut out = Assessment {
            set_id: self.set_id.clone(),
            set_version: self.set_version.clone(),
            region: Region {
                name: pick(&r.0.name, &r.1.name, &r.2.name, descended, &mut clash),
                code: pick(&r.0.code, &r.1.code, &r.2.code, descended, &mut clash),
                period: pick(&r.0.period, &r.1.period, &r.2.period, descended, &mut clash),
                assessor: pick(
                    &r.0.assessor,
                    &r.1.assessor,
                    &r.2.assessor,
                    descended,
                    &mut clash,
                ),
            },
            answers: BTreeMap::new(), // filled by insert only: `remove` would link more code
            created_at: self.created_at.clone(),
            updated_at: self.updated_at.clone(),
            units: Vec::new(), // the team-work fields follow, each with its own clash
            assignments: BTreeMap::new(),
            share: None,
            changed_by: BTreeMap::new(),
            carried: BTreeMap::new(),
            masterplan: None,
        };
        let mut clashes = Vec::new();
        if clash {
            clashes.push("region".to_string());
        }
        let mut team = |name: &str, clash: bool| {
            if clash {
                clashes.push(name.to_string());
            }
        };
        let mut c = false;
        out.units = pick(&base.units, &self.units, &theirs.units, descended, &mut c);
        team("units", std::mem::take(&mut c));
        let (b, m, t) = (&base.assignments, &self.assignments, &theirs.assignments);
        out.assignments = pick(b, m, t, descended, &mut c);
        team("assignments", std::mem::take(&mut c));
        out.share = pick(&base.share, &self.share, &theirs.share, descended, &mut c);
        team("share", std::mem::take(&mut c));
        let (b, m, t) = (&base.changed_by, &self.changed_by, &theirs.changed_by);
        out.changed_by = pick(b, m, t, descended, &mut c);
        team("changedBy", std::mem::take(&mut c));
        out.carried = pick(
            &base.carried,
            &self.carried,
            &theirs.carried,
            descended,
            &mut c,
        );
        team("carried", std::mem::take(&mut c));
        let (b, m, t) = (&base.masterplan, &self.masterplan, &theirs.masterplan);
        out.masterplan = pick(b, m, t, descended, &mut c);
        team("masterplan", c);
        let none = Answer::default();
        let only_theirs = theirs
            .answers
            .keys()
            .filter(|id| !self.answers.contains_key(*id));
        for id in self.answers.keys().chain(only_theirs) {
            let get = |a: &'_ Assessment| a.answers.get(id).cloned().unwrap_or_default();
            let (b, m, t) = (get(base), get(self), get(theirs));
            let mut clash = false;
            let merged = Answer {
                value: pick(&b.value, &m.value, &t.value, descended, &mut clash),
                notes: pick(&b.notes, &m.notes, &t.notes, descended, &mut clash),
                links: pick(&b.links, &m.links, &t.links, descended, &mut clash),
                evidence: merge_items(&b.evidence, &m.evidence, &t.evidence, descended, &mut clash),
                external: pick(&b.external, &m.external, &t.external, descended, &mut clash),
            };
            if clash {
                clashes.push(id.clone());
            }
            if merged != none {
                out.answers.insert(id.clone(), merged);
            }
        }
        (out, clashes)
    }
}

/// The evidence items of a three-way merge, each item merged as one field.
fn merge_items(
    base: &BTreeMap<String, ItemEvidence>,
    mine: &BTreeMap<String, ItemEvidence>,
    theirs: &BTreeMap<String, ItemEvidence>,
    descended: bool,
    clash: &mut bool,
) -> BTreeMap<String, ItemEvidence> {
    let mut out = BTreeMap::new();
    let only_theirs = theirs.keys().filter(|id| !mine.contains_key(*id));
    for id in mine.keys().chain(only_theirs) {
        let get = |m: &BTreeMap<String, ItemEvidence>| m.get(id).cloned();
        if let Some(item) = pick(&get(base), &get(mine), &get(theirs), descended, clash) {
            out.insert(id.clone(), item);
        }
    }
    out
}

/// One field of a three-way merge: the side that changed it, but, unless `theirs` is known to
/// descend from `base`, never empty for `mine`'s something (flagged as a clash, as are two
/// different changes; `mine` wins both).
fn pick<T: PartialEq + Clone + Default>(
    base: &T,
    mine: &T,
    theirs: &T,
    descended: bool,
    clash: &mut bool,
) -> T {
    let empty = T::default();
    if mine == base && (descended || *theirs != empty || *mine == empty) {
        theirs.clone()
    } else {
        *clash |= theirs != base && theirs != mine || mine == base;
        mine.clone()
    }
}

/// Removes `key` from `map`. Not `BTreeMap::remove`: its node-merging code would be linked
/// into the wasm module once per value type, for maps that are edited rarely (carrying last
/// year's evidence over, merging shares) and hold at most one entry per indicator. Rebuilding
/// uses only what every map already links (iterating, inserting).
pub(crate) fn remove_key<V>(map: &mut BTreeMap<String, V>, key: &str) {
    if !map.contains_key(key) {
        return;
    }
    for (k, v) in std::mem::take(map) {
        if k != key {
            map.insert(k, v);
        }
    }
}

#[cfg(test)]
mod remove_key_tests {
    use super::*;

    #[test]
    fn removes_the_key_and_keeps_the_rest_in_order() {
        let mut m: BTreeMap<String, u8> = [("a", 1), ("b", 2), ("c", 3)]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
        remove_key(&mut m, "b");
        assert_eq!(
            m.into_iter().collect::<Vec<_>>(),
            [("a".into(), 1), ("c".into(), 3)]
        );
        let mut m: BTreeMap<String, u8> = BTreeMap::new();
        remove_key(&mut m, "x");
        assert!(m.is_empty());
    }
}
