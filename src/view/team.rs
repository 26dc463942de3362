//! Team work in the widget, decided here and drawn by `web::widget::render::team`: the region's
//! units (added, renamed, removed), the assignment rows, progress per unit, the share a unit
//! opens, and the review of returned shares before anything is merged.
//!
//! The rules themselves are the core's (`crate::team`, `crate::progress`, `crate::share`);
//! this module turns them into what an official reads and edits.

use std::collections::BTreeMap;

use super::strings::{Tm, tm};
use super::{Ui, parse_number, ui};
use crate::assessment::{Assessment, Value};
use crate::model::{AnswerKind, IndicatorSet, Lang, Term};
use crate::present::answer_label;
use crate::round::format_number;
use crate::score::Scorer;
use crate::share::{MergeReport, Reason};
use crate::team::{Assignment, Unit, is_date};

/// `template` with each `{key}` replaced by its value.
///
/// ```
/// use swanilai::view::team::fill;
/// assert_eq!(fill("{n} dari {name}", &[("n", "3"), ("name", "Bappeda")]), "3 dari Bappeda");
/// ```
pub fn fill(template: &str, pairs: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (k, v) in pairs {
        out = out.replace(&format!("{{{k}}}"), v);
    }
    out
}

/// Lower-case ASCII words of `s` joined by `-` (other characters separate words).
fn slug(s: &str) -> String {
    let mapped: String = s
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let words: Vec<&str> = mapped.split('-').filter(|p| !p.is_empty()).collect();
    words.join("-")
}

/// A new unit's id, made from its name: its ASCII words (`unit` when it has none), with `-2`,
/// `-3`, ... when taken. Officials write names; ids stay out of their way.
///
/// ```
/// use swanilai::{view::team::unit_id, Unit};
/// let units = vec![Unit { id: "bappeda".into(), name: "Bappeda".into() }];
/// assert_eq!(unit_id("Dinas Kominfo", &units), "dinas-kominfo");
/// assert_eq!(unit_id("BAPPEDA", &units), "bappeda-2");
/// assert_eq!(unit_id("ကချင်", &units), "unit");
/// ```
pub fn unit_id(name: &str, units: &[Unit]) -> String {
    let mut base = slug(name);
    base.truncate(56);
    let base = if base.is_empty() {
        "unit".to_string()
    } else {
        base.trim_end_matches('-').to_string()
    };
    let taken = |id: &str| units.iter().any(|u| u.id == id);
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|k| format!("{base}-{k}"))
        .find(|id| !taken(id))
        .unwrap_or(base)
}

/// Whether another unit than `except` has this name (compared ignoring ASCII case and outer
/// spaces).
fn name_taken(units: &[Unit], name: &str, except: Option<&str>) -> bool {
    units
        .iter()
        .any(|u| Some(u.id.as_str()) != except && u.name.trim().eq_ignore_ascii_case(name.trim()))
}

/// Adds a unit named `name`; its id comes from the name. Refused, with a message in `lang`,
/// when the name is empty or another unit has it.
///
/// ```
/// use swanilai::{view::team::add_unit, Assessment, Lang};
/// let mut a = Assessment::new("spbe-2020", "2020.1");
/// assert_eq!(add_unit(&mut a, " Bappeda ", Lang::Id), Ok("bappeda".to_string()));
/// assert!(add_unit(&mut a, "bappeda", Lang::En).unwrap_err().contains("Bappeda"));
/// assert!(add_unit(&mut a, "  ", Lang::En).is_err());
/// assert_eq!(a.units.len(), 1);
/// ```
pub fn add_unit(a: &mut Assessment, name: &str, lang: Lang) -> Result<String, String> {
    let name = name.trim();
    if name.is_empty() {
        return Err(tm(Tm::NameEmpty, lang).into());
    }
    if let Some(u) = a
        .units
        .iter()
        .find(|u| u.name.trim().eq_ignore_ascii_case(name))
    {
        return Err(fill(tm(Tm::NameTaken, lang), &[("name", u.name.trim())]));
    }
    let id = unit_id(name, &a.units);
    a.units.push(Unit {
        id: id.clone(),
        name: name.to_string(),
    });
    Ok(id)
}

/// Renames unit `id` (its id, and so every assignment, stays). Refused like [`add_unit`].
pub fn rename_unit(a: &mut Assessment, id: &str, name: &str, lang: Lang) -> Result<(), String> {
    let name = name.trim();
    if name.is_empty() {
        return Err(tm(Tm::NameEmpty, lang).into());
    }
    if name_taken(&a.units, name, Some(id)) {
        return Err(fill(tm(Tm::NameTaken, lang), &[("name", name)]));
    }
    if let Some(u) = a.units.iter_mut().find(|u| u.id == id) {
        u.name = name.to_string();
    }
    Ok(())
}

/// How many assignments name unit `id`: indicators it answers for, and evidence items it holds.
pub fn unit_uses(a: &Assessment, id: &str) -> usize {
    a.assignments
        .values()
        .map(|x| {
            usize::from(x.unit.as_deref() == Some(id))
                + x.items.values().filter(|u| *u == id).count()
        })
        .sum()
}

/// The question asked before removing a unit that holds assignments; `None` when it holds none
/// (it is removed without asking).
pub fn removal_question(a: &Assessment, id: &str, lang: Lang) -> Option<String> {
    let n = unit_uses(a, id);
    (n > 0).then(|| {
        fill(
            tm(Tm::InUse, lang),
            &[("name", &unit_name(a, id)), ("n", &n.to_string())],
        )
    })
}

/// Removes unit `id` and leaves its assignments without a unit (targets and due dates stay;
/// an assignment left empty goes). Returns how many assignments named it.
///
/// ```
/// use swanilai::{view::team::{add_unit, remove_unit, set_field, Field}, builtin, Assessment, Lang};
/// let set = builtin::get("spbe-2020").unwrap();
/// let mut a = Assessment::new("spbe-2020", "2020.1");
/// add_unit(&mut a, "Bappeda", Lang::Id).unwrap();
/// set_field(&set, &mut a, "spbe-01", &Field::Unit, "bappeda", Lang::Id).unwrap();
/// set_field(&set, &mut a, "spbe-02", &Field::Unit, "bappeda", Lang::Id).unwrap();
/// set_field(&set, &mut a, "spbe-02", &Field::Due, "2026-06-30", Lang::Id).unwrap();
/// assert_eq!(remove_unit(&mut a, "bappeda"), 2);
/// assert!(a.units.is_empty());
/// assert!(!a.assignments.contains_key("spbe-01"));
/// assert_eq!(a.assignments["spbe-02"].due.as_deref(), Some("2026-06-30"));
/// ```
pub fn remove_unit(a: &mut Assessment, id: &str) -> usize {
    let n = unit_uses(a, id);
    a.units.retain(|u| u.id != id);
    for x in a.assignments.values_mut() {
        if x.unit.as_deref() == Some(id) {
            x.unit = None;
        }
        x.items = kept(std::mem::take(&mut x.items), |_, u| u != id);
    }
    let all = std::mem::take(&mut a.assignments);
    a.assignments = kept(all, |_, x| *x != Assignment::default());
    n
}

/// The entries of `m` that `keep` accepts, inserted one by one into a new map:
/// `BTreeMap::remove` and `retain` would each bring their own copy of the tree's rebalancing
/// code into the wasm module for every map type (about 3 KiB each; see `crate::sort`).
fn kept<V>(m: BTreeMap<String, V>, keep: impl Fn(&String, &V) -> bool) -> BTreeMap<String, V> {
    let mut out = BTreeMap::new();
    for (k, v) in m {
        if keep(&k, &v) {
            out.insert(k, v);
        }
    }
    out
}

/// A unit's name, or its id when the assessment does not list it.
pub fn unit_name(a: &Assessment, id: &str) -> String {
    a.units
        .iter()
        .find(|u| u.id == id)
        .map_or_else(|| id.to_string(), |u| u.name.clone())
}

/// Which assignment field an edit is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Field {
    /// The responsible unit (empty: none).
    Unit,
    /// The target (empty: none).
    Target,
    /// The due date, `YYYY-MM-DD` (empty: none).
    Due,
    /// The unit holding one evidence item (empty: the indicator's unit).
    Item(String),
}

/// Sets one field of an indicator's assignment from a control's value; an assignment left
/// empty goes. A target is read as its control gives it (a level or option, or a number typed
/// in `lang`'s style) and checked like an answer; a refused value changes nothing and the
/// message says why.
///
/// ```
/// use swanilai::{view::team::{set_field, Field}, builtin, Assessment, Lang, Value};
/// let set = builtin::get("spbe-2020").unwrap();
/// let mut a = Assessment::new("spbe-2020", "2020.1");
/// set_field(&set, &mut a, "spbe-01", &Field::Target, "4", Lang::Id).unwrap();
/// assert_eq!(a.assignments["spbe-01"].target, Some(Value::Number(4.0)));
/// assert!(set_field(&set, &mut a, "spbe-01", &Field::Target, "9", Lang::Id).is_err());
/// assert!(set_field(&set, &mut a, "spbe-01", &Field::Due, "30/06/2026", Lang::Id).is_err());
/// set_field(&set, &mut a, "spbe-01", &Field::Target, "", Lang::Id).unwrap();
/// assert!(a.assignments.is_empty());
/// ```
pub fn set_field(
    set: &IndicatorSet,
    a: &mut Assessment,
    indicator: &str,
    field: &Field,
    raw: &str,
    lang: Lang,
) -> Result<(), String> {
    let Some(ind) = set.indicators().find(|x| x.id == indicator) else {
        return Err(format!("{indicator}?"));
    };
    let raw = raw.trim();
    let value = (!raw.is_empty()).then(|| raw.to_string());
    let mut asg = a.assignments.get(indicator).cloned().unwrap_or_default();
    match field {
        Field::Unit => {
            if let Some(u) = &value {
                if !a.units.iter().any(|x| &x.id == u) {
                    return Err(format!("{u}?"));
                }
            }
            asg.unit = value;
        }
        Field::Due => {
            if let Some(d) = &value {
                if !is_date(d) {
                    return Err(fill(tm(Tm::DateInvalid, lang), &[("date", d)]));
                }
            }
            asg.due = value;
        }
        Field::Target => {
            asg.target = match &value {
                None => None,
                Some(v) => {
                    let t = target_value(&ind.answer, v, lang)
                        .ok_or_else(|| tm(Tm::TargetInvalid, lang).to_string())?;
                    crate::validate::answer_score(&ind.answer, &set.scale, &t).map_err(|e| {
                        let why = if lang == Lang::En { e.en } else { e.id };
                        format!("{} {why}", tm(Tm::TargetInvalid, lang))
                    })?;
                    Some(t)
                }
            }
        }
        Field::Item(item) => match &value {
            Some(u) if a.units.iter().any(|x| &x.id == u) => {
                asg.items.insert(item.clone(), u.clone());
            }
            Some(u) => return Err(format!("{u}?")),
            None => {
                asg.items = kept(std::mem::take(&mut asg.items), |k, _| k != item);
            }
        },
    }
    if asg == Assignment::default() {
        let all = std::mem::take(&mut a.assignments);
        a.assignments = kept(all, |k, _| k != indicator);
    } else {
        a.assignments.insert(indicator.to_string(), asg);
    }
    Ok(())
}

/// A target as its control gives it: a level's or option's value, `true`/`false`, or a number.
fn target_value(kind: &AnswerKind, raw: &str, lang: Lang) -> Option<Value> {
    match kind {
        AnswerKind::Choice { .. } => Some(Value::Text(raw.to_string())),
        AnswerKind::YesNo { .. } => match raw {
            "true" => Some(Value::Bool(true)),
            "false" => Some(Value::Bool(false)),
            _ => None,
        },
        AnswerKind::Level { .. } => crate::num::parse(raw).map(Value::Number),
        _ => parse_number(raw, lang).map(Value::Number),
    }
}

/// The choices a target can take (value, label); empty when the target is a typed number.
fn target_options(kind: &AnswerKind, decimals: u8, lang: Lang) -> Vec<(String, String)> {
    match kind {
        AnswerKind::Level { levels } => (1..=levels.len())
            .map(|n| {
                let v = Value::Number(n as f64);
                (n.to_string(), answer_label(kind, &v, decimals, lang))
            })
            .collect(),
        AnswerKind::YesNo { .. } => vec![
            ("true".into(), ui(Ui::Yes, lang).into()),
            ("false".into(), ui(Ui::No, lang).into()),
        ],
        AnswerKind::Choice { options } => options
            .iter()
            .map(|o| (o.id.clone(), o.label.get(lang).to_string()))
            .collect(),
        _ => Vec::new(),
    }
}

/// A target as its control shows it.
fn target_text(v: &Value, lang: Lang) -> String {
    match v {
        Value::Number(n) => format_number(*n, 6, lang)
            .trim_end_matches('0')
            .trim_end_matches([',', '.'])
            .to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Text(t) => t.clone(),
    }
}

/// `2026-03-05T09:00:00Z` as `2026-03-05 09:00 UTC` (a date stays a date; a time with an
/// offset keeps it unsaid, as written).
///
/// ```
/// use swanilai::view::team::short_time;
/// assert_eq!(short_time("2026-03-05T09:00:00Z"), "2026-03-05 09:00 UTC");
/// assert_eq!(short_time("2026-03-05T09:00:00.123Z"), "2026-03-05 09:00 UTC");
/// assert_eq!(short_time("2026-03-05"), "2026-03-05");
/// ```
pub fn short_time(at: &str) -> String {
    let mut s: String = at.chars().take(16).collect();
    if s.len() > 10 {
        s = s.replacen('T', " ", 1);
        if at.ends_with('Z') {
            s.push_str(" UTC");
        }
    }
    s
}

/// What besides its value sets an answer apart: the start of its notes (80 characters).
fn answer_detail(a: Option<&crate::assessment::Answer>, lang: Lang) -> String {
    let Some(notes) = a.map(|a| a.notes.trim()).filter(|n| !n.is_empty()) else {
        return String::new();
    };
    let mut short: String = notes.chars().take(80).collect();
    if short.len() < notes.len() {
        short.push('…');
    }
    fill(tm(Tm::NotesShort, lang), &[("text", &short)])
}

/// Which indicators the assignment list shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Filter {
    /// All of them.
    #[default]
    All,
    /// Those assigned to this unit.
    Unit(String),
    /// Those assigned to none.
    Unassigned,
}

impl Filter {
    /// The filter a `<select>` value names: empty for all, `-` for unassigned, else a unit id.
    pub fn parse(v: &str) -> Filter {
        match v {
            "" => Filter::All,
            "-" => Filter::Unassigned,
            u => Filter::Unit(u.to_string()),
        }
    }

    /// Its `<select>` value.
    pub fn value(&self) -> &str {
        match self {
            Filter::All => "",
            Filter::Unassigned => "-",
            Filter::Unit(u) => u,
        }
    }

    fn keeps(&self, unit: Option<&str>) -> bool {
        match self {
            Filter::All => true,
            Filter::Unassigned => unit.is_none(),
            Filter::Unit(u) => unit == Some(u.as_str()),
        }
    }
}

/// One evidence item's holder, in an assignment row.
#[derive(Clone, Debug, PartialEq)]
pub struct ItemRow {
    /// The item's id.
    pub id: String,
    /// Its label (`Level 2: SK Bupati: held by`).
    pub label: String,
    /// The unit holding it when not the indicator's (empty: the indicator's).
    pub unit: String,
}

/// One indicator's assignment, as its row shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct AssignRow {
    /// Its position in document order (to go to its card).
    pub i: usize,
    /// Its id.
    pub id: String,
    /// `12. Title`.
    pub name: String,
    /// The responsible unit's id (empty: none).
    pub unit: String,
    /// What the target can be (value, label); empty: a number is typed.
    pub targets: Vec<(String, String)>,
    /// The target's value as its control holds it (empty: none).
    pub target: String,
    /// The due date (empty: none).
    pub due: String,
    /// Its evidence items' holders.
    pub items: Vec<ItemRow>,
    /// Who last changed its answer through a returned share, and when.
    pub changed: Option<String>,
    /// Whether its target is overdue on the day the rows are made for.
    pub overdue: bool,
}

/// The assignment rows of the indicators in `range` (positions in document order) that the
/// filter keeps; a target is judged overdue on `date` as progress judges it.
pub fn assignment_rows(
    scorer: &Scorer<'_>,
    a: &Assessment,
    range: std::ops::Range<usize>,
    filter: &Filter,
    date: &str,
    lang: Lang,
) -> Vec<AssignRow> {
    let set = scorer.set();
    let decimals = set.scale.decimals;
    let late: Vec<String> = crate::progress::progress(set, a, date)
        .units
        .into_iter()
        .flat_map(|u| u.overdue)
        .collect();
    let mut rows = Vec::new();
    for i in range {
        let ind = scorer.indicator(i);
        let asg = a.assignments.get(&ind.id);
        let unit = asg.and_then(|x| x.unit.as_deref());
        if !filter.keeps(unit) {
            continue;
        }
        let items = crate::evidence::items(ind)
            .map(|(level, it)| ItemRow {
                id: it.id.clone(),
                label: fill(
                    tm(Tm::HeldBy, lang),
                    &[(
                        "item",
                        &format!(
                            "{}: {}",
                            fill(tm(Tm::LevelN, lang), &[("n", &level.to_string())]),
                            it.text.get(lang)
                        ),
                    )],
                ),
                unit: asg
                    .and_then(|x| x.items.get(&it.id))
                    .cloned()
                    .unwrap_or_default(),
            })
            .collect();
        rows.push(AssignRow {
            overdue: late.contains(&ind.id),
            i,
            id: ind.id.clone(),
            name: format!("{}. {}", i + 1, ind.title.get(lang)),
            unit: unit.unwrap_or_default().to_string(),
            targets: target_options(&ind.answer, decimals, lang),
            target: asg
                .and_then(|x| x.target.as_ref())
                .map(|t| target_text(t, lang))
                .unwrap_or_default(),
            due: asg.and_then(|x| x.due.clone()).unwrap_or_default(),
            items,
            changed: a.changed_by.get(&ind.id).map(|c| {
                fill(
                    tm(Tm::ChangedBy, lang),
                    &[
                        ("name", &unit_name(a, &c.unit)),
                        ("at", &c.at.as_deref().map(short_time).unwrap_or_default()),
                    ],
                )
                .trim_end_matches([',', ' '])
                .to_string()
            }),
        });
    }
    rows
}

/// One row of the progress table.
#[derive(Clone, Debug, PartialEq)]
pub struct ProgressRow {
    /// The unit's id (`None`: the indicators assigned to none).
    pub unit: Option<String>,
    /// The unit's name, or "Not assigned".
    pub name: String,
    /// `answered/indicators`.
    pub answered: String,
    /// `ready/items` (empty when the unit holds no items).
    pub ready: String,
    /// Claims above their evidence.
    pub above: usize,
    /// Targets overdue.
    pub overdue: usize,
    /// The overdue indicators, `12. Title`.
    pub overdue_names: Vec<String>,
}

/// The progress table on `date` (`YYYY-MM-DD`), one row per unit then the unassigned row.
///
/// ```
/// use swanilai::{view::team::{add_unit, progress_rows, set_field, Field}, builtin, Assessment, Lang, Scorer, Value};
/// let set = builtin::get("spbe-2020").unwrap();
/// let scorer = Scorer::new(&set);
/// let mut a = Assessment::new("spbe-2020", "2020.1");
/// add_unit(&mut a, "Bappeda", Lang::Id).unwrap();
/// for (f, v) in [(Field::Unit, "bappeda"), (Field::Target, "3"), (Field::Due, "2026-06-30")] {
///     set_field(&set, &mut a, "spbe-01", &f, v, Lang::Id).unwrap();
/// }
/// a.set_value("spbe-01", Value::Number(2.0));
/// let rows = progress_rows(&scorer, &a, "2026-07-01", Lang::Id);
/// assert_eq!((rows[0].answered.as_str(), rows[0].overdue), ("1/1", 1));
/// assert!(rows[0].overdue_names[0].starts_with("1. "));
/// assert_eq!(rows[1].name, "Belum ditugaskan");
/// ```
pub fn progress_rows(
    scorer: &Scorer<'_>,
    a: &Assessment,
    date: &str,
    lang: Lang,
) -> Vec<ProgressRow> {
    let p = crate::progress::progress(scorer.set(), a, date);
    let name_of = |id: &str| match scorer.indicator_index(id) {
        Some(i) => format!("{}. {}", i + 1, scorer.indicator(i).title.get(lang)),
        None => id.to_string(),
    };
    p.units
        .into_iter()
        .map(|r| ProgressRow {
            name: if r.unit.is_some() {
                r.name.clone()
            } else {
                tm(Tm::Unassigned, lang).to_string()
            },
            unit: r.unit,
            answered: format!("{}/{}", r.answered, r.indicators),
            ready: if r.items > 0 {
                format!("{}/{}", r.items_ready, r.items)
            } else {
                "–".into()
            },
            above: r.above_evidence.len(),
            overdue: r.overdue.len(),
            overdue_names: r.overdue.iter().map(|id| name_of(id)).collect(),
        })
        .collect()
}

/// The column headings of the progress table, the evidence word the set's own.
pub fn progress_headings(set: &IndicatorSet, lang: Lang) -> [String; 5] {
    [
        tm(Tm::UnitName, lang).into(),
        tm(Tm::Answered, lang).into(),
        fill(
            tm(Tm::Ready, lang),
            &[("evidence", set.term(Term::Evidence, lang))],
        ),
        tm(Tm::Above, lang).into(),
        tm(Tm::Overdue, lang).into(),
    ]
}

/// The warning when a unit's returned share is opened with the ordinary import over a
/// coordinator's assessment (one that keeps the units): importing it would replace the whole
/// assessment with that one share; merging is the team panel's.
///
/// ```
/// use swanilai::view::team::share_imported;
/// let p = share_imported("bappeda");
/// assert_eq!(p.code.as_str(), "share-imported");
/// assert!(p.message.id.contains("bappeda") && p.message.id.contains("Impor bagian yang kembali"));
/// ```
pub fn share_imported(unit: &str) -> crate::problem::Problem {
    crate::problem::Problem::new(
        "",
        crate::problem::Code::ShareImported,
        format!(
            "berkas ini bagian unit `{unit}` yang dikembalikan: mengimpornya mengganti seluruh penilaian Anda dengan bagian itu saja. Untuk menggabungkannya, batalkan lalu buka Tim → “{}”",
            tm(Tm::ImportShares, Lang::Id)
        ),
        format!(
            "this file is unit `{unit}`'s returned share: importing it replaces your whole assessment with that share alone. To merge it, cancel and open Team → “{}”",
            tm(Tm::ImportShares, Lang::En)
        ),
    )
}

/// The name of a unit's share file: the set, the unit, `bagian` — the same in both languages,
/// without the region (the unit knows its own), e.g. `pemdi-2026-bappeda-bagian.json`.
///
/// ```
/// use swanilai::view::team::share_file_name;
/// assert_eq!(share_file_name("pemdi-2026", "bappeda"), "pemdi-2026-bappeda-bagian.json");
/// assert_eq!(share_file_name("spbe-2020", "Dinas_Kominfo.2"), "spbe-2020-dinas-kominfo-2-bagian.json");
/// ```
pub fn share_file_name(set_id: &str, unit: &str) -> String {
    let u = slug(unit);
    let u = if u.is_empty() { "unit".into() } else { u };
    format!("{}-{u}-bagian.json", slug(set_id))
}

/// Who hands the shares out: the assessment's assessor, else "the coordinator".
pub fn assigned_by(a: &Assessment, lang: Lang) -> String {
    let by = a.region.assessor.trim();
    if by.is_empty() {
        tm(Tm::Coordinator, lang).into()
    } else {
        by.into()
    }
}

/// What a unit sees above the form when it opened its share.
#[derive(Clone, Debug, PartialEq)]
pub struct ShareBanner {
    /// "This is unit X's share for Y, handed out by Z. ..."
    pub text: String,
    /// The unit's id (its export's file name).
    pub unit: String,
    /// Its indicators (position, `12. Title`), to go to.
    pub indicators: Vec<(usize, String)>,
}

/// The banner of an opened share; `None` for an assessment that is not a share.
///
/// ```
/// use swanilai::{share::cut_share, view::team::{add_unit, share_banner, set_field, Field}};
/// use swanilai::{builtin, Assessment, Lang, Scorer};
/// let set = builtin::get("spbe-2020").unwrap();
/// let mut base = Assessment::new("spbe-2020", "2020.1");
/// base.region.name = "Kabupaten Banjar".into();
/// add_unit(&mut base, "BKPSDM", Lang::Id).unwrap();
/// set_field(&set, &mut base, "spbe-05", &Field::Unit, "bkpsdm", Lang::Id).unwrap();
/// assert!(share_banner(&Scorer::new(&set), &base, Lang::En).is_none());
/// let share = cut_share(&base, "bkpsdm", "Siti", None).unwrap();
/// let b = share_banner(&Scorer::new(&set), &share, Lang::En).unwrap();
/// assert!(b.text.contains("BKPSDM") && b.text.contains("Kabupaten Banjar") && b.text.contains("Siti"));
/// assert_eq!(b.indicators[0].0, 4);
/// ```
pub fn share_banner(scorer: &Scorer<'_>, a: &Assessment, lang: Lang) -> Option<ShareBanner> {
    let s = a.share.as_ref()?;
    let region = match a.region.name.trim() {
        "" => a.region.code.trim(),
        n => n,
    };
    let text = fill(
        tm(Tm::ShareBanner, lang),
        &[
            ("unit", &unit_name(a, &s.unit)),
            ("region", region),
            ("by", &s.assigned_by),
        ],
    );
    let indicators = (0..scorer.indicator_count())
        .filter(|&i| crate::team::unit_of(a, &scorer.indicator(i).id) == Some(s.unit.as_str()))
        .map(|i| {
            (
                i,
                format!("{}. {}", i + 1, scorer.indicator(i).title.get(lang)),
            )
        })
        .collect();
    Some(ShareBanner {
        text,
        unit: s.unit.clone(),
        indicators,
    })
}

/// One side of a conflict, as the coordinator reads it.
#[derive(Clone, Debug, PartialEq)]
pub struct SideView {
    /// The file (the value of its choice).
    pub file: String,
    /// `BKPSDM, 2026-03-06 10:00`.
    pub who: String,
    /// The answer it brings.
    pub value: String,
    /// The start of its notes (empty: none).
    pub detail: String,
}

/// A conflict, side by side.
#[derive(Clone, Debug, PartialEq)]
pub struct ConflictView {
    /// The indicator's id.
    pub id: String,
    /// `12. Title`.
    pub name: String,
    /// Why it is in conflict, and who it is assigned to.
    pub reason: String,
    /// The answer it has now (kept until a side is chosen).
    pub base: String,
    /// The start of the notes it has now (empty: none).
    pub base_detail: String,
    /// Each file's answer.
    pub sides: Vec<SideView>,
}

/// The review of returned shares before anything is applied.
#[derive(Clone, Debug, PartialEq)]
pub struct MergeView {
    /// Refused files, each with its messages (each naming the file).
    pub refused: Vec<(String, Vec<String>)>,
    /// Warnings about accepted files (a stale share).
    pub warned: Vec<(String, Vec<String>)>,
    /// "N changes ... are ready to apply" (empty when none).
    pub accepted: String,
    /// Conflicts, side by side.
    pub conflicts: Vec<ConflictView>,
    /// "Choose a side for N more conflicts" (empty when every conflict has a choice).
    pub waiting: String,
    /// Whether applying would change anything.
    pub anything: bool,
}

/// The review of a merge made without choices: what is refused, what would be taken, and
/// the conflicts; `chosen` holds the choices made so far (indicator to `base` or a file).
pub fn merge_view(
    scorer: &Scorer<'_>,
    base: &Assessment,
    report: &MergeReport,
    chosen: &BTreeMap<String, String>,
    lang: Lang,
) -> MergeView {
    let lines = |ps: &[crate::Problem]| -> Vec<String> {
        ps.iter()
            .map(|p| super::official_message(scorer, p.message.get(lang), lang))
            .collect()
    };
    let mut refused = Vec::new();
    let mut warned = Vec::new();
    for f in &report.files {
        if !f.accepted {
            refused.push((f.file.clone(), lines(&f.problems)));
        } else if !f.problems.is_empty() {
            warned.push((f.file.clone(), lines(&f.problems)));
        }
    }
    let decimals = scorer.set().scale.decimals;
    let conflicts: Vec<ConflictView> = report
        .conflicts
        .iter()
        .map(|c| {
            let i = scorer.indicator_index(&c.indicator);
            let kind = i.map(|i| &scorer.indicator(i).answer);
            let value = |a: Option<&crate::assessment::Answer>| match (kind, a) {
                (Some(k), Some(a)) if a.value.is_some() => {
                    super::answer_text(k, a.value.as_ref(), decimals, lang)
                }
                (_, Some(_)) | (_, None) => ui(Ui::NotAnswered, lang).to_string(),
            };
            let why = match c.reason {
                Reason::OutsideShare => tm(Tm::Outside, lang),
                Reason::ChangedTwice => tm(Tm::Twice, lang),
                Reason::ChangedInBase => tm(Tm::InBase, lang),
            };
            let reason = match &c.assigned_to {
                Some(u) => format!(
                    "{why}; {}",
                    fill(tm(Tm::AssignedTo, lang), &[("name", &unit_name(base, u))])
                ),
                None => format!("{why}; {}", tm(Tm::Unassigned, lang).to_ascii_lowercase()),
            };
            ConflictView {
                id: c.indicator.clone(),
                name: match i {
                    Some(i) => format!("{}. {}", i + 1, scorer.indicator(i).title.get(lang)),
                    None => c.indicator.clone(),
                },
                reason,
                base: value(c.base.as_ref()),
                base_detail: answer_detail(c.base.as_ref(), lang),
                sides: c
                    .sides
                    .iter()
                    .map(|s| {
                        let mut who = unit_name(base, &s.unit);
                        if let Some(at) = &s.at {
                            who = format!("{who}, {}", short_time(at));
                        }
                        SideView {
                            file: s.file.clone(),
                            who,
                            value: if s.answer.is_none() {
                                tm(Tm::Cleared, lang).into()
                            } else {
                                value(s.answer.as_ref())
                            },
                            detail: answer_detail(s.answer.as_ref(), lang),
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    let open = conflicts
        .iter()
        .filter(|c| !chosen.contains_key(&c.id))
        .count();
    let n = report.accepted.len();
    MergeView {
        refused,
        warned,
        accepted: if n > 0 {
            fill(tm(Tm::Accepted, lang), &[("n", &n.to_string())])
        } else {
            String::new()
        },
        waiting: if open > 0 {
            fill(tm(Tm::ChooseFirst, lang), &[("n", &open.to_string())])
        } else {
            String::new()
        },
        anything: n > 0 || !conflicts.is_empty(),
        conflicts,
    }
}

/// The conflicts heading: "N indicators are in conflict. Nothing is overwritten ...".
pub fn conflicts_heading(n: usize, lang: Lang) -> String {
    fill(tm(Tm::Conflicts, lang), &[("n", &n.to_string())])
}

/// The choices as the merge takes them.
pub fn choices(chosen: &BTreeMap<String, String>) -> Vec<crate::share::Choice> {
    chosen
        .iter()
        .map(|(k, v)| crate::share::Choice {
            indicator: k.clone(),
            take: v.clone(),
        })
        .collect()
}
