//! Handing out and taking back: a unit's share of an assessment, and several returned shares
//! merged into the base.
//!
//! A share holds the unit's indicators only, with the set, the region, the units, who handed
//! it out, the SHA-256 of the base it was cut from and the answers as they were then
//! (`share.original`). A returned share *changed* an indicator where its answer differs from
//! that original; only changes are merged. A change is accepted when the indicator is assigned
//! to the file's unit, no other file changed it differently, and the base did not change it
//! meanwhile. Anything else is a [`Conflict`]: every side is listed with its unit and time, and
//! the base keeps its answer until a [`Choice`] names the side to take.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::assessment::{Answer, Assessment};
use crate::export::{OpenedAssessment, canonical, sha256_hex};
use crate::problem::{Code, Problem, has_errors};
use crate::team::{Carried, ChangedBy, Share, unit_of};

/// The SHA-256 of an assessment written canonically: the `base` a share records.
///
/// ```
/// use swanilai::{share::base_hash, Assessment, Value};
/// let mut a = Assessment::new("spbe-2020", "2020.1");
/// let before = base_hash(&a);
/// a.set_value("spbe-01", Value::Number(3.0));
/// assert_ne!(base_hash(&a), before);
/// assert_eq!(before.len(), 64);
/// ```
pub fn base_hash(a: &Assessment) -> String {
    let text = crate::json::to_json(a)
        .map(|j| canonical(&j))
        .unwrap_or_default();
    sha256_hex(&text)
}

/// Cuts the share of `unit` from `base`: its indicators' answers and assignments, the units,
/// the region, who hands it out and the base's hash.
///
/// # Errors
/// An `unknown-unit` problem (path `unit`) when `base` does not list the unit.
///
/// # Example
/// ```
/// use swanilai::{share::cut_share, Assessment, Assignment, Unit, Value};
/// let mut base = Assessment::new("spbe-2020", "2020.1");
/// base.units.push(Unit { id: "bkpsdm".into(), name: "BKPSDM".into() });
/// base.assignments.insert("spbe-05".into(), Assignment { unit: Some("bkpsdm".into()), ..Default::default() });
/// base.set_value("spbe-05", Value::Number(2.0));
/// base.set_value("spbe-06", Value::Number(4.0));
/// let share = cut_share(&base, "bkpsdm", "Koordinator", None).unwrap();
/// assert_eq!(share.answers.keys().collect::<Vec<_>>(), ["spbe-05"]);
/// assert_eq!(share.updated_at, None); // not the base's: the unit's changes are timed by its own
/// assert!(cut_share(&base, "bappeda", "Koordinator", None).is_err());
/// ```
pub fn cut_share(
    base: &Assessment,
    unit: &str,
    assigned_by: &str,
    at: Option<&str>,
) -> Result<Assessment, Problem> {
    if !base.units.iter().any(|u| u.id == unit) {
        let known: Vec<&str> = base.units.iter().map(|u| u.id.as_str()).collect();
        let known = known.join(", ");
        return Err(Problem::new(
            "unit",
            Code::UnknownUnit,
            format!("unit `{unit}` tidak ada dalam daftar `units` ({known})"),
            format!("unit `{unit}` is not in the list of `units` ({known})"),
        ));
    }
    fn pick<T: Clone>(
        base: &Assessment,
        unit: &str,
        m: &BTreeMap<String, T>,
    ) -> BTreeMap<String, T> {
        // Inserted one by one: `collect()` into a BTreeMap sorts first, with another copy of
        // the standard sort in the wasm module for each map type (see `crate::sort`).
        let mut out = BTreeMap::new();
        for (k, v) in m.iter().filter(|(id, _)| unit_of(base, id) == Some(unit)) {
            out.insert(k.clone(), v.clone());
        }
        out
    }
    let answers: BTreeMap<String, Answer> = pick(base, unit, &base.answers);
    Ok(Assessment {
        set_id: base.set_id.clone(),
        set_version: base.set_version.clone(),
        region: base.region.clone(),
        answers: answers.clone(),
        // The share's own history starts when it is cut: a change the unit makes is timed by
        // its own `updatedAt`, never by the base's last change.
        created_at: at.map(str::to_string),
        updated_at: None,
        units: base.units.clone(),
        assignments: pick(base, unit, &base.assignments),
        share: Some(Share {
            unit: unit.to_string(),
            assigned_by: assigned_by.to_string(),
            base: base_hash(base),
            at: at.map(str::to_string),
            original: answers,
        }),
        changed_by: pick(base, unit, &base.changed_by),
        carried: pick(base, unit, &base.carried),
        // The unit sees the generated indicators it answers only with the program list.
        masterplan: base.masterplan.clone(),
    })
}

/// A returned file, as opened: its name (for messages) and its content.
#[derive(Clone, Debug)]
pub struct Returned {
    /// The file's name, as the user knows it.
    pub file: String,
    /// The opened file (integrity verdict, assessment, shape problems).
    pub opened: OpenedAssessment,
}

/// A coordinator's decision on a conflict: keep the base, or take one file's side.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    /// The indicator in conflict.
    pub indicator: String,
    /// `base`, a file name, or a unit id (when only one side is that unit's).
    pub take: String,
}

/// What became of one returned file.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
pub struct FileVerdict {
    /// The file's name.
    pub file: String,
    /// The unit the share was cut for, when it could be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Whether its changes were considered (a refused file changes nothing).
    pub accepted: bool,
    /// Whether the base changed some of the unit's answers since the share was cut (another
    /// base hash alone, e.g. after other units' shares were merged, is not stale).
    pub stale: bool,
    /// Why it was refused, or warnings; every message names the file.
    pub problems: Vec<Problem>,
}

/// One side of a conflict: a file's answer.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
pub struct Side {
    /// The file.
    pub file: String,
    /// Its unit.
    pub unit: String,
    /// When the change was made (the file's `updatedAt`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
    /// The answer the file brings (absent: it cleared the answer).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answer: Option<Answer>,
    /// The answer it was handed out with (absent: none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub original: Option<Answer>,
    /// Whether the indicator is assigned to another unit than this file's.
    pub outside: bool,
    /// The file's record of last year's evidence still to confirm for this indicator (taken
    /// with its answer: a unit that confirmed or dropped carried items settles them).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub carried: Option<Carried>,
}

/// Why an indicator is in conflict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
#[serde(rename_all = "kebab-case")]
pub enum Reason {
    /// A file changed an indicator assigned to another unit (or to none).
    OutsideShare,
    /// Two files changed it differently.
    ChangedTwice,
    /// The base changed it after the share was cut, and the file changed it too.
    ChangedInBase,
}

/// An indicator changed in ways that cannot all be kept.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
#[serde(rename_all = "camelCase")]
pub struct Conflict {
    /// The indicator.
    pub indicator: String,
    /// Why.
    pub reason: Reason,
    /// The unit the base assigns it to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assigned_to: Option<String>,
    /// The base's answer (kept while unresolved).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base: Option<Answer>,
    /// Each file's change, side by side.
    pub sides: Vec<Side>,
    /// The choice applied: `base` or the chosen side's file; absent while unresolved.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chosen: Option<String>,
}

/// A change taken into the result.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
pub struct Accepted {
    /// The indicator.
    pub indicator: String,
    /// The file it came from.
    pub file: String,
    /// Its unit.
    pub unit: String,
    /// When it was made.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
    /// The base's answer it replaced (absent: none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous: Option<Answer>,
}

/// The outcome of a merge.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
pub struct MergeReport {
    /// The base with every accepted change (and every chosen side) applied.
    pub result: Assessment,
    /// Every change taken, with its unit and time.
    pub accepted: Vec<Accepted>,
    /// Every conflict, resolved or not.
    pub conflicts: Vec<Conflict>,
    /// How many conflicts are still unresolved.
    pub unresolved: usize,
    /// What became of each file, in the order given.
    pub files: Vec<FileVerdict>,
    /// Problems with the choices given (an indicator not in conflict, a side that is not there).
    pub problems: Vec<Problem>,
}

/// A problem about a file: its message names the file.
fn in_file(file: &str, p: &Problem) -> Problem {
    let en = p.message.en.as_deref().unwrap_or(&p.message.id);
    Problem {
        message: crate::model::Text::new(
            format!("berkas `{file}`: {}", p.message.id),
            format!("file `{file}`: {en}"),
        ),
        ..p.clone()
    }
}

/// Checks one returned file against the base: refused when unreadable, damaged, of another
/// set or region, not a share, or of a unit the base does not list.
fn check_file(base: &Assessment, hash: &str, r: &Returned) -> FileVerdict {
    let file = &r.file;
    let mut problems: Vec<Problem> = r.opened.problems.iter().map(|p| in_file(file, p)).collect();
    let refuse = |problems: &mut Vec<Problem>, path: &str, code, id: String, en: String| {
        problems.push(in_file(file, &Problem::new(path, code, id, en)));
    };
    let a = r.opened.assessment.as_ref();
    let mut stale = false;
    if let Some(a) = a {
        if a.set_id != base.set_id {
            let (theirs, ours) = (&a.set_id, &base.set_id);
            refuse(
                &mut problems,
                "setId",
                Code::SetMismatch,
                format!("bagian ini untuk set `{theirs}`, bukan `{ours}`"),
                format!("this share is of set `{theirs}`, not `{ours}`"),
            );
        }
        if !same_region(&a.region, &base.region) {
            let (theirs, ours) = (region_name(&a.region), region_name(&base.region));
            refuse(
                &mut problems,
                "region",
                Code::RegionMismatch,
                format!("bagian ini milik {theirs}, bukan {ours}"),
                format!("this share belongs to {theirs}, not {ours}"),
            );
        }
        match &a.share {
            None => refuse(
                &mut problems,
                "share",
                Code::NotAShare,
                "berkas ini bukan bagian unit (tidak ada catatan `share`)".into(),
                "this file is not a unit's share (it has no `share` record)".into(),
            ),
            Some(s) if !base.units.iter().any(|u| u.id == s.unit) => refuse(
                &mut problems,
                "share.unit",
                Code::UnknownUnit,
                format!("unit `{}` tidak ada dalam daftar `units` induk", s.unit),
                format!("unit `{}` is not in the base's list of `units`", s.unit),
            ),
            Some(s) if s.base != hash => {
                let moved = moved_since_cut(base, s);
                if !moved.is_empty() {
                    stale = true;
                    let shown = moved.iter().take(5).map(|id| format!("`{id}`"));
                    let mut list = shown.collect::<Vec<_>>().join(", ");
                    if moved.len() > 5 {
                        list.push_str(&format!(" (+{})", moved.len() - 5));
                    }
                    refuse(
                        &mut problems,
                        "share.base",
                        Code::ShareStale,
                        format!(
                            "sejak bagian ini dipotong, induk mengubah {list}; perubahan berkas dibandingkan dengan jawaban saat dipotong"
                        ),
                        format!(
                            "since this share was cut, the base changed {list}; the file's changes are told against the answers it was cut with"
                        ),
                    );
                }
            }
            Some(_) => {}
        }
    }
    FileVerdict {
        file: file.clone(),
        unit: a.and_then(|a| a.share.as_ref()).map(|s| s.unit.clone()),
        accepted: a.is_some() && !has_errors(&problems),
        stale,
        problems,
    }
}

/// The indicators of a share's unit (as cut, or as the base assigns them now) whose answer in
/// the base is no longer the one the share was cut with.
fn moved_since_cut(base: &Assessment, s: &Share) -> Vec<String> {
    let assigned = base
        .assignments
        .iter()
        .filter(|(_, a)| a.unit.as_deref() == Some(s.unit.as_str()))
        .map(|(id, _)| id);
    let scope = id_set(s.original.keys().chain(assigned));
    scope
        .into_keys()
        .filter(|id| answer_in(&base.answers, id) != answer_in(&s.original, id))
        .map(str::to_string)
        .collect()
}

/// The ids, each once, in order: a set as the `BTreeMap<&str, usize>` the crate already uses
/// for lookups (a `BTreeSet` collected from an iterator would add a copy of the standard sort).
fn id_set<'a>(ids: impl Iterator<Item = &'a String>) -> BTreeMap<&'a str, usize> {
    let mut set = BTreeMap::new();
    for id in ids {
        set.insert(id.as_str(), 0);
    }
    set
}

fn same_region(a: &crate::Region, b: &crate::Region) -> bool {
    let norm = |s: &str| s.trim().replace('.', "");
    let (ca, cb) = (norm(&a.code), norm(&b.code));
    if !ca.is_empty() && !cb.is_empty() {
        return ca == cb;
    }
    // Region names (BPS's) are ASCII: folding ASCII case is enough, and `str::to_lowercase`
    // would bring Unicode's case tables into the WebAssembly module (18 KiB, 7.9 KiB gzip of
    // the first screen; docs/FIRST-SCREEN.md).
    a.name.trim().eq_ignore_ascii_case(b.name.trim())
}

fn region_name(r: &crate::Region) -> String {
    match (r.name.trim(), r.code.trim()) {
        ("", "") => "wilayah tanpa nama".into(),
        (n, "") => format!("“{n}”"),
        ("", c) => format!("`{c}`"),
        (n, c) => format!("“{n}” ({c})"),
    }
}

/// The answer a map holds for an id, absent when missing or empty.
fn answer_in(m: &BTreeMap<String, Answer>, id: &str) -> Option<Answer> {
    m.get(id).filter(|a| **a != Answer::default()).cloned()
}

/// Merges returned shares into `base`. Nothing of a refused file is used; a conflict keeps the
/// base's answer unless `choices` names a side. `at` is the merge's time, recorded for changes
/// from files without an `updatedAt`.
///
/// # Example
/// ```
/// use swanilai::{export::open_assessment, json::to_json, share::{cut_share, merge, Returned}};
/// use swanilai::{Assessment, Assignment, Unit, Value};
/// let mut base = Assessment::new("spbe-2020", "2020.1");
/// for u in ["bkpsdm", "bpkad"] {
///     base.units.push(Unit { id: u.into(), name: u.to_uppercase() });
/// }
/// let assign = |u: &str| Assignment { unit: Some(u.into()), ..Default::default() };
/// base.assignments.insert("spbe-05".into(), assign("bkpsdm"));
/// base.assignments.insert("spbe-06".into(), assign("bpkad"));
/// let mut share = cut_share(&base, "bkpsdm", "Koordinator", None).unwrap();
/// share.set_value("spbe-05", Value::Number(3.0)); // its own: taken
/// share.set_value("spbe-06", Value::Number(5.0)); // another unit's: a conflict
/// let text = to_json(&share).map(|j| swanilai::export::canonical(&j)).unwrap();
/// let file = Returned { file: "bkpsdm.json".into(), opened: open_assessment(&text) };
/// let report = merge(&base, &[file], &[], None);
/// assert_eq!(report.result.answers["spbe-05"].value, Some(Value::Number(3.0)));
/// assert_eq!(report.result.changed_by["spbe-05"].unit, "bkpsdm");
/// assert!(!report.result.answers.contains_key("spbe-06"));
/// assert_eq!(report.unresolved, 1);
/// ```
pub fn merge(
    base: &Assessment,
    returned: &[Returned],
    choices: &[Choice],
    at: Option<&str>,
) -> MergeReport {
    let hash = base_hash(base);
    let files: Vec<FileVerdict> = returned
        .iter()
        .map(|r| check_file(base, &hash, r))
        .collect();
    // Every change of every accepted file, per indicator, in file order.
    let mut changes: BTreeMap<String, Vec<Side>> = BTreeMap::new();
    for (r, v) in returned.iter().zip(&files) {
        let (Some(a), true) = (&r.opened.assessment, v.accepted) else {
            continue;
        };
        let Some(share) = &a.share else { continue };
        for id in id_set(a.answers.keys().chain(share.original.keys())).into_keys() {
            let (mine, original) = (answer_in(&a.answers, id), answer_in(&share.original, id));
            if mine != original {
                changes.entry(id.to_string()).or_default().push(Side {
                    file: r.file.clone(),
                    unit: share.unit.clone(),
                    at: a.updated_at.clone().or_else(|| at.map(str::to_string)),
                    outside: unit_of(base, id) != Some(share.unit.as_str()),
                    answer: mine,
                    original,
                    carried: a.carried.get(id).cloned(),
                });
            }
        }
    }
    let mut report = MergeReport {
        result: base.clone(),
        accepted: Vec::new(),
        conflicts: Vec::new(),
        unresolved: 0,
        files,
        problems: Vec::new(),
    };
    for (id, sides) in changes {
        settle(&mut report, base, id, sides);
    }
    apply_choices(&mut report, choices);
    report.unresolved = report
        .conflicts
        .iter()
        .filter(|c| c.chosen.is_none())
        .count();
    report
}

/// Accepts an indicator's changes, or lists them as a conflict.
fn settle(report: &mut MergeReport, base: &Assessment, id: String, sides: Vec<Side>) {
    let now = answer_in(&base.answers, &id);
    // Sides that all bring what the base already holds change nothing. One that does, beside
    // another that does not, is still a side: it asks to keep the base's answer.
    if sides.iter().all(|s| s.answer == now) {
        return;
    }
    let first = &sides[0];
    let reason = if sides.iter().any(|s| s.outside) {
        Some(Reason::OutsideShare)
    } else if sides.iter().any(|s| s.answer != first.answer) {
        Some(Reason::ChangedTwice)
    } else if sides.iter().any(|s| s.original != now) {
        Some(Reason::ChangedInBase)
    } else {
        None
    };
    match reason {
        None => {
            let side = first.clone();
            take(report, &id, &side, now);
        }
        Some(reason) => report.conflicts.push(Conflict {
            assigned_to: unit_of(base, &id).map(str::to_string),
            indicator: id,
            reason,
            base: now,
            sides,
            chosen: None,
        }),
    }
}

/// Applies one side's answer to the result, recording its unit and time.
fn take(report: &mut MergeReport, id: &str, side: &Side, previous: Option<Answer>) {
    let result = &mut report.result;
    match &side.answer {
        Some(a) => {
            result.answers.insert(id.to_string(), a.clone());
        }
        None => {
            crate::assessment::remove_key(&mut result.answers, id);
        }
    }
    match &side.carried {
        Some(c) => {
            result.carried.insert(id.to_string(), c.clone());
        }
        None => {
            crate::assessment::remove_key(&mut result.carried, id);
        }
    }
    result.changed_by.insert(
        id.to_string(),
        ChangedBy {
            unit: side.unit.clone(),
            at: side.at.clone(),
        },
    );
    report.accepted.push(Accepted {
        indicator: id.to_string(),
        file: side.file.clone(),
        unit: side.unit.clone(),
        at: side.at.clone(),
        previous,
    });
}

/// Resolves conflicts as chosen; a choice that fits no conflict or no side is reported.
fn apply_choices(report: &mut MergeReport, choices: &[Choice]) {
    for c in choices {
        let path = crate::read::key_path("choices", &c.indicator);
        let Some(k) = report
            .conflicts
            .iter()
            .position(|x| x.indicator == c.indicator)
        else {
            report.problems.push(Problem::new(
                path,
                Code::InvalidValue,
                format!("indikator `{}` tidak sedang berkonflik", c.indicator),
                format!("indicator `{}` is not in conflict", c.indicator),
            ));
            continue;
        };
        let conflict = &report.conflicts[k];
        if c.take == "base" {
            report.conflicts[k].chosen = Some("base".into());
            continue;
        }
        let by_file: Vec<&Side> = conflict.sides.iter().filter(|s| s.file == c.take).collect();
        let by_unit: Vec<&Side> = conflict.sides.iter().filter(|s| s.unit == c.take).collect();
        let side = match (by_file.as_slice(), by_unit.as_slice()) {
            ([s], _) | ([], [s]) => (*s).clone(),
            _ => {
                let names: Vec<&str> = conflict.sides.iter().map(|s| s.file.as_str()).collect();
                let names = names.join(", ");
                report.problems.push(Problem::new(
                    path,
                    Code::InvalidValue,
                    format!(
                        "`{}` tidak menunjuk satu sisi konflik `{}`; pilih `base` atau salah satu: {names}",
                        c.take, c.indicator
                    ),
                    format!(
                        "`{}` names no single side of the conflict on `{}`; choose `base` or one of {names}",
                        c.take, c.indicator
                    ),
                ));
                continue;
            }
        };
        let previous = conflict.base.clone();
        report.conflicts[k].chosen = Some(side.file.clone());
        take(report, &c.indicator, &side, previous);
    }
}

#[cfg(test)]
mod tests {
    use super::same_region;
    use crate::Region;

    fn named(name: &str) -> Region {
        Region {
            name: name.into(),
            ..Region::default()
        }
    }

    #[test]
    fn region_names_match_ignoring_ascii_case_and_outer_spaces() {
        assert!(same_region(
            &named("Kabupaten Banjar"),
            &named(" kabupaten BANJAR ")
        ));
        assert!(!same_region(
            &named("Kabupaten Banjar"),
            &named("Kota Banjar")
        ));
        // Other letters compare as written: no Unicode case tables in the module.
        assert!(!same_region(&named("Kabupaten É"), &named("kabupaten é")));
        assert!(same_region(&named("Kabupaten é"), &named("kabupaten é")));
    }
}
