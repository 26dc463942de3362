//! Team work on one assessment: the region's units, who answers for which indicator (with a
//! target and a due date), and the checks of those assignments.
//!
//! Handing shares out and taking them back lives in `crate::share`.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::assessment::{Answer, Assessment, Value};
use crate::model::IndicatorSet;
use crate::problem::{Code, Problem, join};
use crate::read::key_path;
use crate::validate::{answer_score, is_valid_id};

/// A unit of the regional government (Bappeda, BKPSDM, BPKAD, Inspektorat, Diskominfo, ...).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
pub struct Unit {
    /// A short id used in assignments, e.g. `diskominfo`.
    pub id: String,
    /// The unit's name as people write it, e.g. `Dinas Komunikasi dan Informatika`.
    pub name: String,
}

/// Who answers for one indicator, what it should reach and by when.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
pub struct Assignment {
    /// The id of the responsible unit (one of the assessment's `units`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The answer to reach: a level number for a level indicator, otherwise any valid answer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<Value>,
    /// The date the target is due, `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<String>,
    /// Evidence items held by another unit than the indicator's: item id to unit id.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub items: BTreeMap<String, String>,
}

/// What a share file records about where it came from.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
#[serde(rename_all = "camelCase")]
pub struct Share {
    /// The unit the share was cut for.
    pub unit: String,
    /// Who handed it out (the coordinator).
    pub assigned_by: String,
    /// The SHA-256 of the base assessment it was cut from (see [`crate::share::base_hash`]).
    pub base: String,
    /// When it was cut (set by the caller).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
    /// The unit's answers as they were in the base when it was cut: what a returned share
    /// changed is told against these, so a base that moved on meanwhile loses nothing.
    pub original: BTreeMap<String, Answer>,
}

/// Who made an accepted change to an answer, and when.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
pub struct ChangedBy {
    /// The unit whose returned share brought the change.
    pub unit: String,
    /// When it was made: the returned file's `updatedAt`, else the time of the merge.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
}

/// Evidence carried forward from last year's assessment, waiting to be confirmed or dropped
/// ("masih berlaku?").
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
pub struct Carried {
    /// The period it was carried from, e.g. `2025`.
    pub from: String,
    /// Whether the answer's own notes and links were carried and are not yet confirmed.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub notes: bool,
    /// Evidence items whose notes and links were carried and are not yet confirmed.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<String>,
    /// Whether the answer's value was proposed from last year's file (an indicator with
    /// `fromPrevious`) and is not yet confirmed or changed.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub value: bool,
}

impl Carried {
    /// Whether nothing is left to confirm.
    pub fn is_empty(&self) -> bool {
        !self.notes && self.items.is_empty() && !self.value
    }
}

/// Whether `s` is a calendar date written `YYYY-MM-DD` (leap years counted).
///
/// ```
/// assert!(swanilai::team::is_date("2028-02-29"));
/// assert!(!swanilai::team::is_date("2026-02-29"));
/// assert!(!swanilai::team::is_date("2026-9-30"));
/// ```
pub fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' || !digits(0..4) || !digits(5..7) {
        return false;
    }
    if !digits(8..10) {
        return false;
    }
    // The digits' values from the bytes: slicing the `str` would link its boundary-panic
    // message (with `char`'s `Debug` and its Unicode tables) into the wasm module.
    let n = |r: std::ops::Range<usize>| b[r].iter().fold(0, |n, &c| n * 10 + u32::from(c - b'0'));
    let (y, m, d) = (n(0..4), n(5..7), n(8..10));
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

/// Checks the units and assignments of an assessment against its set: unit ids valid and
/// unique, names given, every assignment naming a known indicator, a known unit, a target
/// its indicator accepts, a real date and evidence items its indicator has (an unknown item
/// is a warning: the assignment is kept).
///
/// # Example
/// ```
/// use swanilai::{builtin, validate_assessment, Assessment, Json};
/// let set = builtin::get("spbe-2020").unwrap();
/// let a = Assessment::from_json(&Json::parse(r#"{"setId": "spbe-2020", "setVersion": "2020.1",
///     "units": [{"id": "bappeda", "name": "Bappeda"}],
///     "assignments": {"spbe-01": {"unit": "bpkad", "target": 9, "due": "2026-13-01"}}}"#).unwrap()).value.unwrap();
/// let found: Vec<_> = validate_assessment(&set, &a).into_iter().map(|p| (p.path, p.code.as_str())).collect();
/// assert!(found.contains(&("assignments.spbe-01.unit".into(), "unknown-unit")));
/// assert!(found.contains(&("assignments.spbe-01.target".into(), "value-out-of-range")));
/// assert!(found.contains(&("assignments.spbe-01.due".into(), "invalid-date")));
/// ```
pub fn validate_team(set: &IndicatorSet, a: &Assessment) -> Vec<Problem> {
    let set = &*crate::masterplan::effective_set(set, a);
    let mut out = Collect::default();
    check_team(set, a, &mut out);
    crate::cap(out.list, out.unlisted)
}

/// Problems collected up to the limit, the rest only counted: a hostile file with 500,000
/// assignments would otherwise build half a million messages on every rescoring.
#[derive(Default)]
pub(crate) struct Collect {
    pub list: Vec<Problem>,
    pub unlisted: usize,
}

impl Collect {
    fn push(&mut self, p: impl FnOnce() -> Problem) {
        if self.list.len() > crate::MAX_PROBLEMS {
            self.unlisted += 1;
        } else {
            self.list.push(p());
        }
    }
}

/// The checks of [`validate_team`], into `out`.
pub(crate) fn check_team(set: &IndicatorSet, a: &Assessment, out: &mut Collect) {
    if a.units.is_empty() && a.assignments.is_empty() {
        return;
    }
    check_units(a, out);
    let mut by_id: BTreeMap<&str, &crate::model::Indicator> = BTreeMap::new();
    for ind in set.indicators() {
        by_id.entry(ind.id.as_str()).or_insert(ind);
    }
    // A map used as a set, inserted one by one: collecting a `BTreeSet` would add a copy of
    // the standard sort to the wasm module (see `crate::sort`).
    let mut units: BTreeMap<&str, usize> = BTreeMap::new();
    for u in &a.units {
        units.insert(u.id.as_str(), 0);
    }
    let unit = |out: &mut Collect, id: &str, path: String| {
        if !units.contains_key(id) {
            out.push(|| {
                Problem::new(
                    path,
                    Code::UnknownUnit,
                    format!("unit `{id}` tidak ada dalam daftar `units`"),
                    format!("unit `{id}` is not in the list of `units`"),
                )
            });
        }
    };
    for (id, asg) in &a.assignments {
        let path = key_path("assignments", id);
        let Some(ind) = by_id.get(id.as_str()) else {
            out.push(|| {
                Problem::new(
                    path,
                    Code::UnknownIndicator,
                    format!("set tidak punya indikator `{id}`; penugasannya disimpan"),
                    format!("the set has no indicator `{id}`; its assignment is kept"),
                )
            });
            continue;
        };
        if let Some(u) = &asg.unit {
            unit(out, u, join(&path, "unit"));
        }
        if let Some(t) = &asg.target {
            if let Err(e) = answer_score(&ind.answer, &set.scale, t) {
                out.push(|| Problem::new(join(&path, "target"), e.code, e.id, e.en));
            }
        }
        if let Some(d) = &asg.due {
            if !is_date(d) {
                out.push(|| {
                    Problem::new(
                        join(&path, "due"),
                        Code::InvalidDate,
                        format!("tanggal `{d}` tidak sah: tulis YYYY-MM-DD, mis. 2026-09-30"),
                        format!("date `{d}` is not valid: write YYYY-MM-DD, e.g. 2026-09-30"),
                    )
                });
            }
        }
        let items: Vec<&str> = crate::evidence::items(ind)
            .map(|(_, it)| it.id.as_str())
            .collect();
        for (item, u) in &asg.items {
            let at = key_path(&join(&path, "items"), item);
            if !items.contains(&item.as_str()) {
                out.push(|| {
                    Problem::new(
                        at.clone(),
                        Code::UnknownEvidenceItem,
                        format!("indikator `{id}` tidak punya butir bukti `{item}`"),
                        format!("indicator `{id}` has no evidence item `{item}`"),
                    )
                });
            }
            unit(out, u, at);
        }
    }
}

/// Unit ids valid and unique, names given.
fn check_units(a: &Assessment, out: &mut Collect) {
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, u) in a.units.iter().enumerate() {
        let path = format!("units[{i}]");
        if !is_valid_id(&u.id) {
            out.push(|| {
                Problem::new(
                    join(&path, "id"),
                    Code::InvalidId,
                    format!(
                        "id unit `{}` tidak sah: pakai huruf, angka, -, _ atau .",
                        u.id
                    ),
                    format!(
                        "unit id `{}` is not valid: use letters, digits, -, _ and .",
                        u.id
                    ),
                )
            });
        } else if let Some(first) = seen.insert(&u.id, i) {
            out.push(|| {
                Problem::new(
                    join(&path, "id"),
                    Code::DuplicateId,
                    format!("id unit `{}` sudah dipakai di units[{first}]", u.id),
                    format!("unit id `{}` is already used at units[{first}]", u.id),
                )
            });
            seen.insert(&u.id, first);
        }
        if u.name.trim().is_empty() {
            out.push(|| {
                Problem::new(
                    join(&path, "name"),
                    Code::EmptyText,
                    "nama unit tidak boleh kosong".into(),
                    "the unit's name must not be empty".into(),
                )
            });
        }
    }
}

/// The unit responsible for an indicator, if assigned.
pub fn unit_of<'a>(a: &'a Assessment, indicator: &str) -> Option<&'a str> {
    a.assignments.get(indicator)?.unit.as_deref()
}
