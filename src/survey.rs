//! The impact survey of the smart city evaluation: a small set per sub-dimension that
//! citizens or unit staff answer on a phone, and the aggregation of their exported files
//! into that sub-dimension's Impact answer.
//!
//! The ministry surveys each sub-dimension with its own form (purposive sampling, about 50
//! respondents per pillar), but the form's statements and answer scale are not public. The
//! survey set is therefore built from the set's template ([`crate::masterplan::SurveyTemplate`]):
//! for every program of the sub-dimension marked `survey`, each of the template's statements
//! with the program's name in it, answered on the template's scale. These statements are the
//! region's (swanilai's by default), not the ministry's, and the survey set says so.
//!
//! Aggregation: the mean over respondents of each statement, then the mean over the
//! statements answered; the respondents counted are the files accepted. A file of another
//! set or sub-dimension, of another region or period, one whose content does not match its
//! recorded SHA-256, or one given twice is refused, naming the file.
//!
//! ```
//! use swanilai::{builtin, survey, Assessment, Value};
//! use swanilai::masterplan::{Masterplan, Program};
//! let set = builtin::get("smart-city-evaluasi").unwrap();
//! let mut a = Assessment::new(&set.id, &set.version);
//! let mut p = Program::new("gov-pionirs", "governance", "layanan-publik", "Pionirs");
//! p.survey = true;
//! a.masterplan = Some(Masterplan { document: String::new(), programs: vec![p] });
//! let form = survey::survey_set(&set, &a, "layanan-publik").unwrap();
//! assert_eq!(form.id, "smart-city-evaluasi.survei.layanan-publik");
//! assert_eq!(form.indicators().next().unwrap().title.id, "Saya mengetahui adanya Pionirs.");
//! let mut r = Assessment::new(&form.id, &form.version);
//! for ind in form.indicators() {
//!     r.set_value(&ind.id, Value::Number(4.0)); // "Setuju": scores 4
//! }
//! let file = survey::SurveyFile { name: "r1.json".into(), text: serde_json_free(&r) };
//! # fn serde_json_free(r: &Assessment) -> String {
//! #     let content = swanilai::json::to_json(r).unwrap();
//! #     swanilai::export::export_document(
//! #         swanilai::Json::Object(vec![("assessment".into(), content)]), "2026-09-01T08:00:00Z")
//! # }
//! let agg = survey::aggregate(&set, &a, "layanan-publik", &[file]).unwrap();
//! assert_eq!((agg.value, agg.respondents), (Some(4.0), 1));
//! assert_eq!(agg.problems[0].code.as_str(), "few-respondents"); // fewer than 50
//! ```

use std::collections::BTreeMap;

use serde::Serialize;

use crate::assessment::{Answer, Assessment, Value};
use crate::export::{Integrity, open_assessment};
use crate::masterplan::{IMPACT_PREFIX, MasterplanTemplate, Program, SurveyTemplate};
use crate::model::{
    AnswerKind, Evidence, Group, Indicator, IndicatorSet, Lang, Text, UnansweredPolicy,
};
use crate::problem::{Code, Problem, index};

/// The id of the survey set of sub-dimension `sub` of `set`.
pub fn survey_set_id(set: &IndicatorSet, sub: &str) -> String {
    format!("{}.survei.{sub}", set.id)
}

/// The template's survey form, the sub-dimension and the surveyed programs in it, or why not.
fn surveyed<'a>(
    set: &'a IndicatorSet,
    a: &'a Assessment,
    sub: &str,
) -> Result<(&'a SurveyTemplate, &'a Text, Vec<&'a Program>), Problem> {
    let no = |code, id: String, en: String| Problem::new("", code, id, en);
    let t: &MasterplanTemplate = set.masterplan.as_ref().ok_or_else(|| {
        no(
            Code::MasterplanUndeclared,
            format!("set `{}` tidak dibangun dari masterplan", set.id),
            format!("set `{}` is not built from a masterplan", set.id),
        )
    })?;
    let form = t.survey.as_ref().ok_or_else(|| {
        no(
            Code::MissingField,
            format!("set `{}` tidak punya formulir survei dampak", set.id),
            format!("set `{}` has no impact survey form", set.id),
        )
    })?;
    let (_, s) = t.subdimension(sub).ok_or_else(|| {
        no(
            Code::UnknownSubdimension,
            format!("set `{}` tidak punya sub-dimensi `{sub}`", set.id),
            format!("set `{}` has no sub-dimension `{sub}`", set.id),
        )
    })?;
    let programs: Vec<&Program> = a
        .masterplan
        .iter()
        .flat_map(|m| &m.programs)
        .filter(|p| p.survey && p.subdimension == sub && crate::is_valid_id(&p.id))
        .collect();
    if programs.is_empty() {
        return Err(no(
            Code::AnswersEmpty,
            format!("tidak ada program sub-dimensi `{sub}` yang ditandai untuk survei"),
            format!("no program of sub-dimension `{sub}` is marked for the survey"),
        ));
    }
    Ok((form, &s.title, programs))
}

fn filled(statement: &Text, name: &str) -> Text {
    Text {
        id: statement.id.replace("{program}", name),
        en: statement.en.as_ref().map(|e| e.replace("{program}", name)),
    }
}

/// The survey form of sub-dimension `sub` for the programs of `a`'s masterplan marked
/// `survey`: one group per program, one statement indicator per template statement
/// (`<program>.<n>`), unanswered statements left out.
pub fn survey_set(set: &IndicatorSet, a: &Assessment, sub: &str) -> Result<IndicatorSet, Problem> {
    let (form, title, programs) = surveyed(set, a, sub)?;
    let groups = programs
        .iter()
        .map(|p| Group {
            id: p.id.clone(),
            title: Text {
                id: p.name.clone(),
                en: None,
            },
            description: None,
            weight: 1.0,
            children: Vec::new(),
            indicators: form
                .statements
                .iter()
                .enumerate()
                .map(|(k, st)| Indicator {
                    id: format!("{}.{}", p.id, k + 1),
                    title: filled(st, &p.name),
                    help: None,
                    weight: 1.0,
                    evidence: Evidence::None,
                    tags: Vec::new(),
                    answer: AnswerKind::Level {
                        levels: form.levels.clone(),
                    },
                    external: None,
                    from_previous: None,
                })
                .collect(),
            generated: None,
        })
        .collect();
    let mut out = IndicatorSet::empty();
    out.id = survey_set_id(set, sub);
    out.version = set.version.clone();
    out.title = Text::new(
        format!("Survei dampak: {}", title.id),
        format!("Impact survey: {}", title.get(Lang::En)),
    );
    out.description = Some(Text::new(
        "Pilih jawaban yang paling sesuai dengan pengalaman Anda. Jawaban Anda disimpan di perangkat ini dan hanya keluar sebagai berkas.",
        "Choose the answer that best fits your experience. Your answers stay on this device and leave it only as a file.",
    ));
    out.source = format!(
        "Impact survey of sub-dimension `{sub}` for the evaluation of set `{}` {}: the statements and the answer scale are the region's own (swanilai's by default), not the ministry's, whose form is not public.",
        set.id, set.version
    );
    out.scale = set.scale;
    out.predicates = set.predicates.clone();
    out.unanswered = UnansweredPolicy::Exclude;
    out.groups = groups;
    Ok(out)
}

/// One exported survey file, as read.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SurveyFile {
    /// Its name, for messages.
    pub name: String,
    /// Its text.
    pub text: String,
}

/// What became of one file.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FileOutcome {
    /// The file's name.
    pub file: String,
    /// Whether its answers were counted.
    pub accepted: bool,
    /// How many statements it answered validly.
    pub answered: usize,
}

/// The mean of one statement over the respondents who answered it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StatementMean {
    /// The statement's id, `<program>.<n>`.
    pub id: String,
    /// The mean score.
    pub mean: f64,
    /// How many respondents answered it.
    pub respondents: usize,
}

/// The survey of one sub-dimension, aggregated.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Aggregation {
    /// The sub-dimension.
    pub subdimension: String,
    /// The Impact indicator it fills, `im-<sub-dimension>`.
    pub indicator: String,
    /// The mean over the statements of each statement's mean over respondents; none when no
    /// file was accepted.
    pub value: Option<f64>,
    /// How many respondents (accepted files) were counted.
    pub respondents: usize,
    /// Each statement answered, in the form's order.
    pub statements: Vec<StatementMean>,
    /// Each file given, in order.
    pub files: Vec<FileOutcome>,
    /// Files refused, answers not counted, too few respondents (path `files[i]`).
    pub problems: Vec<Problem>,
}

fn refused(i: usize, name: &str, id: String, en: String) -> Problem {
    Problem::new(
        index("files", i),
        Code::FileRefused,
        format!("berkas `{name}` ditolak: {id}"),
        format!("file `{name}` is refused: {en}"),
    )
}

/// Why a respondent's file cannot be counted for the survey `form` of assessment `a`.
fn refusal(
    i: usize,
    f: &SurveyFile,
    form: &IndicatorSet,
    a: &Assessment,
) -> Result<Assessment, Problem> {
    let opened = open_assessment(&f.text);
    if opened.integrity == Integrity::Mismatch {
        return Err(refused(
            i,
            &f.name,
            "isinya tidak cocok dengan SHA-256 yang tercatat (diubah setelah diekspor)".into(),
            "its content does not match its recorded SHA-256 (changed after export)".into(),
        ));
    }
    let Some(r) = opened.assessment else {
        let why = opened
            .problems
            .first()
            .map_or_else(String::new, ToString::to_string);
        return Err(refused(
            i,
            &f.name,
            format!("bukan berkas penilaian ({why})"),
            format!("not an assessment file ({why})"),
        ));
    };
    if r.set_id != form.id {
        return Err(refused(
            i,
            &f.name,
            format!(
                "berkas ini untuk `{}`, bukan survei `{}`",
                r.set_id, form.id
            ),
            format!("it is of `{}`, not of survey `{}`", r.set_id, form.id),
        ));
    }
    let differs = |x: &str, y: &str| {
        let (x, y) = (x.trim(), y.trim());
        !x.is_empty() && !y.is_empty() && !x.eq_ignore_ascii_case(y)
    };
    let (mine, theirs) = (&a.region, &r.region);
    if differs(&mine.code, &theirs.code) || differs(&mine.name, &theirs.name) {
        return Err(refused(
            i,
            &f.name,
            format!(
                "berkas ini dari daerah lain ({} {})",
                theirs.name, theirs.code
            ),
            format!("it is of another region ({} {})", theirs.name, theirs.code),
        ));
    }
    if differs(&mine.period, &theirs.period) {
        return Err(refused(
            i,
            &f.name,
            format!(
                "berkas ini untuk periode {}, bukan {}",
                theirs.period, mine.period
            ),
            format!("it is of period {}, not {}", theirs.period, mine.period),
        ));
    }
    Ok(r)
}

/// Aggregates respondents' exported files of the survey of sub-dimension `sub`.
pub fn aggregate(
    set: &IndicatorSet,
    a: &Assessment,
    sub: &str,
    files: &[SurveyFile],
) -> Result<Aggregation, Problem> {
    let form = survey_set(set, a, sub)?;
    let min = set
        .masterplan
        .as_ref()
        .and_then(|t| t.survey.as_ref())
        .map_or(0, |s| s.min_respondents);
    let statements: Vec<&Indicator> = form.indicators().collect();
    let mut sums: Vec<(f64, usize)> = vec![(0.0, 0); statements.len()];
    let mut out = Aggregation {
        subdimension: sub.to_string(),
        indicator: format!("{IMPACT_PREFIX}{sub}"),
        value: None,
        respondents: 0,
        statements: Vec::new(),
        files: Vec::new(),
        problems: Vec::new(),
    };
    let mut seen: BTreeMap<String, &str> = BTreeMap::new();
    for (i, f) in files.iter().enumerate() {
        let checked = refusal(i, f, &form, a).and_then(|r| {
            let hash = crate::export::sha256_hex(f.text.trim());
            match seen.get(&hash) {
                Some(first) => Err(refused(
                    i,
                    &f.name,
                    format!("isinya sama dengan berkas `{first}`"),
                    format!("it is the same as file `{first}`"),
                )),
                None => {
                    seen.insert(hash, &f.name);
                    Ok(r)
                }
            }
        });
        let r = match checked {
            Ok(r) => r,
            Err(p) => {
                out.problems.push(p);
                out.files.push(FileOutcome {
                    file: f.name.clone(),
                    accepted: false,
                    answered: 0,
                });
                continue;
            }
        };
        let mut answered = 0;
        for (k, st) in statements.iter().enumerate() {
            let Some(v) = r.answers.get(&st.id).and_then(|x| x.value.as_ref()) else {
                continue;
            };
            if let Ok(score) = crate::answer_score(&st.answer, &form.scale, v) {
                sums[k].0 += score;
                sums[k].1 += 1;
                answered += 1;
            }
        }
        if answered == 0 {
            out.problems.push(refused(
                i,
                &f.name,
                "tidak ada pernyataan yang dijawab".into(),
                "it answers no statement".into(),
            ));
        } else {
            out.respondents += 1;
        }
        out.files.push(FileOutcome {
            file: f.name.clone(),
            accepted: answered > 0,
            answered,
        });
    }
    for (st, (sum, n)) in statements.iter().zip(&sums) {
        if *n > 0 {
            out.statements.push(StatementMean {
                id: st.id.clone(),
                mean: sum / *n as f64,
                respondents: *n,
            });
        }
    }
    if !out.statements.is_empty() {
        let total: f64 = out.statements.iter().map(|s| s.mean).sum();
        out.value = Some(form.scale.clamp(total / out.statements.len() as f64));
    }
    if out.respondents < min {
        let n = out.respondents;
        out.problems.push(Problem::new(
            "files",
            Code::FewRespondents,
            format!("hanya {n} responden; pedoman survei meminta paling sedikit {min}"),
            format!("only {n} respondents; the survey rules ask for at least {min}"),
        ));
    }
    Ok(out)
}

/// The marker of the note line the aggregation writes into the Impact answer's notes.
pub const NOTE_MARKER: &str = "Survei dampak:";

/// Writes an aggregation into the assessment: the Impact answer's value, and a note line
/// (`Survei dampak: N responden, M pernyataan, rata-rata X`) replacing the previous such line
/// and keeping everything else the answer's notes say. Nothing changes without a value.
pub fn apply(a: &mut Assessment, agg: &Aggregation) {
    let Some(value) = agg.value else { return };
    let answer: &mut Answer = a.answers.entry(agg.indicator.clone()).or_default();
    answer.value = Some(Value::Number(value));
    let line = format!(
        "{NOTE_MARKER} {} responden, {} pernyataan, rata-rata {}",
        agg.respondents,
        agg.statements.len(),
        crate::num::display(crate::round_half_away(value, 4))
    );
    let mut lines: Vec<&str> = answer
        .notes
        .lines()
        .filter(|l| !l.starts_with(NOTE_MARKER))
        .collect();
    lines.insert(0, &line);
    answer.notes = lines.join("\n").trim_end().to_string();
}
