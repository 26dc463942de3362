//! The smart city evaluation built from the region's own masterplan.
//!
//! The yearly smart city evaluation does not ask every region the same questions: Outcome
//! asks how far each program of the region's masterplan was carried out, Quick Win rates the
//! acceleration programs, Impact comes from a survey per sub-dimension. A set declares the
//! template ([`MasterplanTemplate`]: the pillars with their sub-dimensions, the answer of each
//! generated indicator, the rule of the per-pillar index) and marks the groups the programs
//! fill ([`Generated`]); the assessment carries the program list ([`Masterplan`]).
//! [`expand`] builds the indicators from the list before scoring; [`effective_set`] is the one
//! place every scoring path (CLI, JavaScript API, widget) goes through.
//!
//! Generated ids: `oc-<program>` (Outcome), `qw-<program>` (Quick Win), `im-<sub-dimension>`
//! (Impact); each generated group holds one sub-group per pillar, `<group>.<pillar>`.
//! Answers key on these ids, so a program removed from the list leaves its answer in the
//! assessment, reported as orphaned ([`crate::Code::OrphanedAnswer`]), never dropped.
//!
//! ```
//! use swanilai::{builtin, masterplan::{Masterplan, Program}, Assessment, Scorer, Value};
//! let set = builtin::get("smart-city-evaluasi").unwrap();
//! let mut a = Assessment::new(&set.id, &set.version);
//! a.masterplan = Some(Masterplan {
//!     document: "Perwali 25/2019".into(),
//!     programs: vec![Program::new("gov-pionirs", "governance", "layanan-publik", "Pionirs")],
//! });
//! a.set_value("oc-gov-pionirs", Value::Number(4.0));
//! let set = swanilai::masterplan::effective_set(&set, &a);
//! let report = Scorer::new(&set).score(&a);
//! let outcome = report.groups.iter().find(|g| g.id == "outcome").unwrap();
//! assert_eq!(outcome.score.value, Some(4.0));
//! ```

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::assessment::Assessment;
use crate::model::{AnswerKind, Evidence, Group, Indicator, IndicatorSet, Level, TagLabel, Text};
use crate::problem::{Code, Problem, index, join};

/// The prefix of a generated Outcome indicator's id.
pub const OUTCOME_PREFIX: &str = "oc-";
/// The prefix of a generated Quick Win indicator's id.
pub const QUICK_WIN_PREFIX: &str = "qw-";
/// The prefix of a generated Impact indicator's id.
pub const IMPACT_PREFIX: &str = "im-";

/// The most programs a masterplan may list (real ones list tens): each generated group's
/// per-pillar sub-group must stay within [`crate::validate::MAX_GROUP_MEMBERS`]. Programs past
/// it are reported (`too-many`) and not evaluated; the list itself is kept.
pub const MAX_PROGRAMS: usize = 1000;

/// Which generated indicators a group holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
#[serde(rename_all = "camelCase")]
pub enum Generated {
    /// One indicator per program: how far it was carried out.
    Outcome,
    /// One indicator per sub-dimension with surveyed programs: the survey's result.
    Impact,
    /// One indicator per program marked as a quick win: its innovation.
    QuickWin,
}

impl Generated {
    /// The name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Generated::Outcome => "outcome",
            Generated::Impact => "impact",
            Generated::QuickWin => "quickWin",
        }
    }
}

/// How the index per pillar is computed (the ministry's rule is not public; the set names
/// its choice).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
#[serde(rename_all = "camelCase")]
pub enum PillarIndex {
    /// The mean of the pillar's Impact indicators (one per surveyed sub-dimension).
    #[default]
    Impact,
    /// The mean of the pillar's Outcome and Quick Win indicators (its programs).
    Programs,
}

/// One sub-dimension of a pillar.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
pub struct Subdimension {
    /// Identifier, unique across the template, e.g. `layanan-publik`.
    pub id: String,
    /// Its name.
    pub title: Text,
}

/// One pillar (Smart Governance, ...) and its sub-dimensions.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
pub struct Pillar {
    /// Identifier, also the tag its indicators carry, e.g. `governance`.
    pub id: String,
    /// Its name.
    pub title: Text,
    /// Other names a program list may use for it (matched ignoring case), e.g. `pemerintahan`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Its sub-dimensions.
    pub subdimensions: Vec<Subdimension>,
}

/// The impact survey's form: how a respondent answers each statement.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
#[serde(rename_all = "camelCase")]
pub struct SurveyTemplate {
    /// The answer scale of every statement, from the lowest; each level's score is on the
    /// set's scale.
    pub levels: Vec<Level>,
    /// The statements asked about each surveyed program; `{program}` is replaced by its name.
    pub statements: Vec<Text>,
    /// Fewer respondents than this gives a warning.
    pub min_respondents: usize,
}

/// The set's side: the structure the programs are listed in and what is generated from them.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
#[serde(rename_all = "camelCase")]
pub struct MasterplanTemplate {
    /// The pillars, each with its sub-dimensions.
    pub pillars: Vec<Pillar>,
    /// The answer of each generated Outcome indicator.
    pub outcome: AnswerKind,
    /// The answer of each generated Quick Win indicator.
    pub quick_win: AnswerKind,
    /// The answer of each generated Impact indicator.
    pub impact: AnswerKind,
    /// How the index per pillar is computed.
    pub pillar_index: PillarIndex,
    /// The impact survey's form, when the set offers one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub survey: Option<SurveyTemplate>,
    /// The program list the set was expanded with ([`expand`]); not part of the format.
    #[serde(skip)]
    #[cfg_attr(all(feature = "schema", not(target_arch = "wasm32")), schemars(skip))]
    pub expanded_with: Option<Masterplan>,
}

/// The region's masterplan: its programs per pillar and sub-dimension (in the assessment,
/// so that next year's evaluation starts from it).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
pub struct Masterplan {
    /// The document, e.g. `Perwali 25/2019, Masterplan Smart City 2019-2028`.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub document: String,
    /// The programs.
    pub programs: Vec<Program>,
}

/// One program of the masterplan.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
#[serde(rename_all = "camelCase")]
pub struct Program {
    /// Identifier, stable across years (answers key on it).
    pub id: String,
    /// The pillar's id.
    pub pillar: String,
    /// The sub-dimension's id.
    pub subdimension: String,
    /// Its name.
    pub name: String,
    /// The unit (OPD) responsible.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub unit: String,
    /// An acceleration program (quick win): also rated under Quick Win.
    #[serde(skip_serializing_if = "is_false")]
    pub quick_win: bool,
    /// Surveyed for Impact in its sub-dimension.
    #[serde(skip_serializing_if = "is_false")]
    pub survey: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Program {
    /// A program with no unit, not a quick win, not surveyed.
    pub fn new(id: &str, pillar: &str, subdimension: &str, name: &str) -> Program {
        Program {
            id: id.into(),
            pillar: pillar.into(),
            subdimension: subdimension.into(),
            name: name.into(),
            ..Program::default()
        }
    }
}

impl MasterplanTemplate {
    /// A pillar by id.
    pub fn pillar(&self, id: &str) -> Option<&Pillar> {
        self.pillars.iter().find(|p| p.id == id)
    }

    /// A sub-dimension by id, with its pillar.
    pub fn subdimension(&self, id: &str) -> Option<(&Pillar, &Subdimension)> {
        self.pillars
            .iter()
            .find_map(|p| p.subdimensions.iter().find(|s| s.id == id).map(|s| (p, s)))
    }
}

/// The set an assessment is scored against: `set` itself, or, for a set with a masterplan
/// template, `set` expanded with the assessment's program list (borrowed when it already is).
pub fn effective_set<'a>(set: &'a IndicatorSet, a: &Assessment) -> Cow<'a, IndicatorSet> {
    match &set.masterplan {
        Some(t) if t.expanded_with.as_ref() != a.masterplan.as_ref() => {
            Cow::Owned(expand(set, a.masterplan.as_ref()))
        }
        _ => Cow::Borrowed(set),
    }
}

/// The set with its generated groups filled from `masterplan` (emptied and refilled, so
/// expanding an expanded set again gives the same set). Programs whose pillar or
/// sub-dimension the template does not declare, and second programs with an id already used,
/// are left out (see [`validate_masterplan`]). A set without a template is returned as it is.
pub fn expand(set: &IndicatorSet, masterplan: Option<&Masterplan>) -> IndicatorSet {
    let mut out = set.clone();
    let Some(t) = &set.masterplan else {
        return out;
    };
    let empty = Masterplan::default();
    let m = masterplan.unwrap_or(&empty);
    let programs = usable_programs(t, m);
    for g in &mut out.groups {
        if let Some(kind) = g.generated {
            g.children = generated_children(t, kind, &g.id, &programs);
            g.indicators.clear();
        }
    }
    for p in &t.pillars {
        if !out.tags.iter().any(|l| l.id == p.id) {
            out.tags.push(TagLabel {
                id: p.id.clone(),
                label: p.title.clone(),
            });
        }
    }
    if let Some(t) = &mut out.masterplan {
        t.expanded_with = masterplan.cloned();
    }
    out
}

/// The programs expansion uses: known pillar and sub-dimension, first of equal ids.
fn usable_programs<'m>(t: &MasterplanTemplate, m: &'m Masterplan) -> Vec<&'m Program> {
    let mut seen = BTreeSet::new();
    m.programs
        .iter()
        .take(MAX_PROGRAMS)
        .filter(|p| {
            crate::is_valid_id(&p.id)
                && t.subdimension(&p.subdimension)
                    .is_some_and(|(pl, _)| pl.id == p.pillar)
                && seen.insert(p.id.as_str())
        })
        .collect()
}

/// The per-pillar sub-groups of one generated group, pillars in the template's order; a
/// pillar with nothing generated has no sub-group.
fn generated_children(
    t: &MasterplanTemplate,
    kind: Generated,
    group_id: &str,
    programs: &[&Program],
) -> Vec<Group> {
    let mut out = Vec::new();
    for pillar in &t.pillars {
        let indicators = match kind {
            Generated::Outcome | Generated::QuickWin => programs
                .iter()
                .filter(|p| p.pillar == pillar.id && (kind == Generated::Outcome || p.quick_win))
                .map(|p| program_indicator(t, kind, pillar, p))
                .collect(),
            Generated::Impact => pillar
                .subdimensions
                .iter()
                .filter(|s| programs.iter().any(|p| p.survey && p.subdimension == s.id))
                .map(|s| impact_indicator(t, pillar, s, programs))
                .collect(),
        };
        if !Vec::is_empty(&indicators) {
            out.push(Group {
                id: format!("{group_id}.{}", pillar.id),
                title: pillar.title.clone(),
                description: None,
                weight: 1.0,
                children: Vec::new(),
                indicators,
                generated: None,
            });
        }
    }
    out
}

fn pillar_tag(t: &MasterplanTemplate, kind: Generated, pillar: &Pillar) -> Vec<String> {
    let tagged = match t.pillar_index {
        PillarIndex::Impact => kind == Generated::Impact,
        PillarIndex::Programs => kind != Generated::Impact,
    };
    if tagged {
        vec![pillar.id.clone()]
    } else {
        Vec::new()
    }
}

fn program_indicator(
    t: &MasterplanTemplate,
    kind: Generated,
    pillar: &Pillar,
    p: &Program,
) -> Indicator {
    let sub = t.subdimension(&p.subdimension).map(|(_, s)| &s.title);
    let sub_id = sub.map_or(p.subdimension.as_str(), |s| s.id.as_str());
    let sub_en = sub.map_or(p.subdimension.as_str(), |s| s.get(crate::Lang::En));
    let unit = if p.unit.trim().is_empty() {
        (String::new(), String::new())
    } else {
        (format!(" · OPD {}", p.unit), format!(" · unit {}", p.unit))
    };
    let (prefix, answer, help) = match kind {
        Generated::QuickWin => (
            QUICK_WIN_PREFIX,
            &t.quick_win,
            (
                "Inovasi program percepatan",
                "Innovation of the acceleration program",
            ),
        ),
        _ => (
            OUTCOME_PREFIX,
            &t.outcome,
            (
                "Sejauh mana program terlaksana",
                "How far the program was carried out",
            ),
        ),
    };
    Indicator {
        id: format!("{prefix}{}", p.id),
        title: Text {
            id: p.name.clone(),
            en: None,
        },
        help: Some(Text::new(
            format!("{} · {} · {sub_id}{}", help.0, pillar.title.id, unit.0),
            format!(
                "{} · {} · {sub_en}{}",
                help.1,
                pillar.title.get(crate::Lang::En),
                unit.1
            ),
        )),
        weight: 1.0,
        evidence: Evidence::Recommended,
        tags: pillar_tag(t, kind, pillar),
        answer: answer.clone(),
        external: None,
        from_previous: None,
    }
}

fn impact_indicator(
    t: &MasterplanTemplate,
    pillar: &Pillar,
    s: &crate::masterplan::Subdimension,
    programs: &[&Program],
) -> Indicator {
    let names: Vec<&str> = programs
        .iter()
        .filter(|p| p.survey && p.subdimension == s.id)
        .map(|p| p.name.as_str())
        .collect();
    let names = names.join(", ");
    Indicator {
        id: format!("{IMPACT_PREFIX}{}", s.id),
        title: s.title.clone(),
        help: Some(Text::new(
            format!(
                "Hasil survei dampak {} ({names}): rata-rata per responden, lalu per pernyataan",
                pillar.title.id
            ),
            format!(
                "Impact survey result, {} ({names}): mean over respondents, then over statements",
                pillar.title.get(crate::Lang::En)
            ),
        )),
        weight: 1.0,
        evidence: Evidence::Recommended,
        tags: pillar_tag(t, Generated::Impact, pillar),
        answer: t.impact.clone(),
        external: None,
        from_previous: None,
    }
}

/// The problems of an assessment's program list against its set: a masterplan for a set
/// without a template, unknown pillars and sub-dimensions (those programs are not
/// evaluated), and answers to generated ids no program produces any more (kept, not scored).
/// `set` is the expanded set ([`effective_set`]).
pub fn validate_masterplan(set: &IndicatorSet, a: &Assessment) -> Vec<Problem> {
    let mut out = Vec::new();
    let Some(t) = &set.masterplan else {
        if a.masterplan.is_some() {
            out.push(Problem::new(
                "masterplan",
                Code::MasterplanUndeclared,
                format!("set `{}` tidak dibangun dari masterplan; daftar program disimpan tetapi tidak dinilai", set.id),
                format!("set `{}` is not built from a masterplan; the program list is kept but not scored", set.id),
            ));
        }
        return out;
    };
    for (id, n) in generated_counts(set) {
        if n == 0 {
            out.push(Problem::new(
                "masterplan",
                Code::DimensionEmpty,
                format!("masterplan belum memberi indikator untuk dimensi `{id}`; dimensi itu belum dinilai dan tidak masuk indeks"),
                format!("the masterplan gives dimension `{id}` no indicators yet; it has no score and is left out of the index"),
            ));
        }
    }
    if let Some(m) = &a.masterplan {
        if m.programs.len() > MAX_PROGRAMS {
            let n = m.programs.len();
            out.push(Problem::new(
                "masterplan.programs",
                Code::TooMany,
                format!("masterplan berisi {n} program, melebihi batas {MAX_PROGRAMS}; program sesudahnya tidak dinilai"),
                format!("the masterplan lists {n} programs, more than the limit of {MAX_PROGRAMS}; the ones past it are not evaluated"),
            ));
        }
        for (i, p) in m.programs.iter().enumerate().take(MAX_PROGRAMS) {
            let at = index("masterplan.programs", i);
            if t.pillar(&p.pillar).is_none() {
                let known: Vec<&str> = t.pillars.iter().map(|p| p.id.as_str()).collect();
                out.push(Problem::new(
                    join(&at, "pillar"),
                    Code::UnknownPillar,
                    format!(
                        "pilar `{}` tidak dikenal (pilihan: {}); program `{}` tidak dinilai",
                        p.pillar,
                        known.join(", "),
                        p.id
                    ),
                    format!(
                        "unknown pillar `{}` (expected one of {}); program `{}` is not evaluated",
                        p.pillar,
                        known.join(", "),
                        p.id
                    ),
                ));
                continue;
            }
            match t.subdimension(&p.subdimension) {
                Some((pl, _)) if pl.id == p.pillar => {}
                _ => {
                    let known: Vec<&str> = t
                        .pillar(&p.pillar)
                        .map(|pl| pl.subdimensions.iter().map(|s| s.id.as_str()).collect())
                        .unwrap_or_default();
                    out.push(Problem::new(
                        join(&at, "subdimension"),
                        Code::UnknownSubdimension,
                        format!("pilar `{}` tidak punya sub-dimensi `{}` (pilihan: {}); program `{}` tidak dinilai", p.pillar, p.subdimension, known.join(", "), p.id),
                        format!("pillar `{}` has no sub-dimension `{}` (expected one of {}); program `{}` is not evaluated", p.pillar, p.subdimension, known.join(", "), p.id),
                    ));
                }
            }
        }
    }
    out
}

/// Whether an answer key has the form of a generated indicator's id.
pub fn is_generated_id(id: &str) -> bool {
    [OUTCOME_PREFIX, QUICK_WIN_PREFIX, IMPACT_PREFIX]
        .iter()
        .any(|p| id.starts_with(p))
}

/// The orphan warning for an answer to a generated id the program list no longer produces.
pub(crate) fn orphaned(path: String, id: &str) -> Problem {
    Problem::new(
        path,
        Code::OrphanedAnswer,
        format!(
            "tidak ada lagi program atau sub-dimensi survei untuk `{id}` dalam masterplan; jawabannya disimpan tetapi tidak dinilai"
        ),
        format!(
            "no program or surveyed sub-dimension in the masterplan produces `{id}` any more; the answer is kept but not scored"
        ),
    )
}

/// How many indicators each generated group holds after expansion, by group id: a dimension
/// with none has no score and is left out of the index (the report says so).
pub fn generated_counts(set: &IndicatorSet) -> BTreeMap<String, usize> {
    set.groups
        .iter()
        .filter(|g| g.generated.is_some())
        .map(|g| {
            let n = g.children.iter().map(|c| c.indicators.len()).sum();
            (g.id.clone(), n)
        })
        .collect()
}
