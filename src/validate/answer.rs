//! Checking an assessment's answers against a set, and scoring a single answer.

use std::collections::BTreeMap;

use crate::assessment::{Answer, Assessment, Value};
use crate::model::{
    AnswerKind, Better, Evidence, Indicator, IndicatorSet, Lang, NumberMapping, Scale,
};
use crate::problem::{Code, Problem, index, join, number_in};
use crate::read::key_path;

/// Why an answer value cannot be scored.
#[derive(Clone, Debug, PartialEq)]
pub struct AnswerError {
    /// The problem code.
    pub code: Code,
    /// The message in Indonesian.
    pub id: String,
    /// The message in English.
    pub en: String,
}

fn answer_error(code: Code, id: String, en: String) -> AnswerError {
    AnswerError { code, id, en }
}

fn wrong_type(kind: &AnswerKind, value: &Value) -> AnswerError {
    let (want_id, want_en) = match kind {
        AnswerKind::Level { .. } => ("nomor tingkat", "a level number"),
        AnswerKind::YesNo { .. } => ("ya/tidak (true/false)", "yes/no (true/false)"),
        AnswerKind::Choice { .. } => ("id pilihan", "an option id"),
        _ => ("angka", "a number"),
    };
    let got = match value {
        Value::Number(_) => "number",
        Value::Bool(_) => "boolean",
        Value::Text(_) => "string",
    };
    answer_error(
        Code::ValueWrongType,
        format!("jawaban harus berupa {want_id}, bukan {got}"),
        format!("the answer must be {want_en}, got {got}"),
    )
}

/// A value outside what its indicator accepts. The bounds are written in words when one is
/// open (`paling kecil 0`, `at least 0`) and joined by a word (`-100 sampai 5`, `-100 to 5`),
/// never by a hyphen that reads as a minus sign; numbers as each language writes them.
fn out_of_range(v: f64, lo: f64, hi: f64) -> AnswerError {
    let n = |x: f64, lang: Lang| number_in(x, lang);
    let (id, en) = match (lo.is_finite(), hi.is_finite()) {
        (true, true) => (
            format!("dari {} sampai {}", n(lo, Lang::Id), n(hi, Lang::Id)),
            format!("from {} to {}", n(lo, Lang::En), n(hi, Lang::En)),
        ),
        (true, false) => (
            format!("paling kecil {}", n(lo, Lang::Id)),
            format!("at least {}", n(lo, Lang::En)),
        ),
        (false, true) => (
            format!("paling besar {}", n(hi, Lang::Id)),
            format!("at most {}", n(hi, Lang::En)),
        ),
        (false, false) => ("angka terhingga".into(), "a finite number".into()),
    };
    answer_error(
        Code::ValueOutOfRange,
        format!("nilai harus {id}, bukan {}", n(v, Lang::Id)),
        format!("the value must be {en}, got {}", n(v, Lang::En)),
    )
}

/// The score an answer earns, or why it cannot be scored.
///
/// # Errors
/// [`AnswerError`] with code `value-wrong-type`, `value-out-of-range` or `unknown-option`.
///
/// # Example
/// ```
/// use swanilai::{answer_score, AnswerKind, Better, Scale, Value};
/// let scale = Scale::default(); // 0-5
/// let percent = AnswerKind::Percent { better: Better::Higher };
/// assert_eq!(answer_score(&percent, &scale, &Value::Number(50.0)), Ok(2.5));
/// assert!(answer_score(&percent, &scale, &Value::Number(150.0)).is_err());
/// ```
pub fn answer_score(kind: &AnswerKind, scale: &Scale, value: &Value) -> Result<f64, AnswerError> {
    let span = scale.max - scale.min;
    match (kind, value) {
        (AnswerKind::Level { levels }, Value::Number(n)) => {
            let count = levels.len();
            if n.fract() != 0.0 || *n < 1.0 || *n > count as f64 {
                return Err(answer_error(
                    Code::ValueOutOfRange,
                    format!(
                        "tingkat harus bilangan bulat 1 sampai {}, bukan {}",
                        number_in(count as f64, Lang::Id),
                        number_in(*n, Lang::Id)
                    ),
                    format!(
                        "the level must be a whole number from 1 to {}, got {}",
                        number_in(count as f64, Lang::En),
                        number_in(*n, Lang::En)
                    ),
                ));
            }
            let l = &levels[*n as usize - 1];
            Ok(l.score.unwrap_or(*n))
        }
        (AnswerKind::YesNo { yes, no }, Value::Bool(b)) => Ok(if *b {
            yes.unwrap_or(scale.max)
        } else {
            no.unwrap_or(scale.min)
        }),
        (AnswerKind::Choice { options }, Value::Text(id)) => options
            .iter()
            .find(|o| &o.id == id)
            .map(|o| o.score)
            .ok_or_else(|| {
                answer_error(
                    Code::UnknownOption,
                    format!("pilihan `{id}` tidak ada pada indikator ini"),
                    format!("option `{id}` does not exist for this indicator"),
                )
            }),
        (
            AnswerKind::Number {
                min,
                max,
                better,
                mapping,
                ..
            },
            Value::Number(v),
        ) => {
            let lo = min.unwrap_or(f64::NEG_INFINITY);
            let hi = max.unwrap_or(f64::INFINITY);
            if !v.is_finite() || *v < lo || *v > hi {
                return Err(out_of_range(*v, lo, hi));
            }
            Ok(match mapping {
                NumberMapping::Linear { from, to } => {
                    let t = crate::num::unit((v - from) / (to - from));
                    let t = if *better == Better::Lower { 1.0 - t } else { t };
                    // Clamped: `min + 1.0 * span` can land a rounding error above the max.
                    scale.clamp(scale.min + t * span)
                }
                NumberMapping::Bands(bands) => bands
                    .iter()
                    .rev()
                    .find(|b| match better {
                        Better::Higher => *v >= b.limit,
                        Better::Lower => *v <= b.limit,
                    })
                    .map_or(scale.min, |b| b.score),
            })
        }
        (AnswerKind::Percent { better }, Value::Number(v)) => {
            if !(0.0..=100.0).contains(v) {
                return Err(out_of_range(*v, 0.0, 100.0));
            }
            let t = v / 100.0;
            let t = if *better == Better::Lower { 1.0 - t } else { t };
            Ok(scale.clamp(scale.min + t * span))
        }
        (AnswerKind::Score, Value::Number(v)) => {
            if !(scale.min..=scale.max).contains(v) {
                return Err(out_of_range(*v, scale.min, scale.max));
            }
            Ok(*v)
        }
        (kind, value) => Err(wrong_type(kind, value)),
    }
}

/// Checks an assessment against a set and returns every problem.
///
/// Answers to indicators the set does not know and a different set version are
/// warnings: the answers are kept and the rest is scored. At most [`crate::MAX_PROBLEMS`]
/// problems are listed; the last then says how many more there were.
///
/// # Example
/// ```
/// use swanilai::{builtin, validate_assessment, Assessment, Value};
/// let set = builtin::get("spbe-2020").unwrap();
/// let mut a = Assessment::new("spbe-2020", &set.version);
/// a.set_value("spbe-01", Value::Number(9.0));
/// a.set_value("no-such-indicator", Value::Number(1.0));
/// let codes: Vec<_> = validate_assessment(&set, &a).iter().map(|p| p.code.as_str()).collect();
/// assert!(codes.contains(&"value-out-of-range"));
/// assert!(codes.contains(&"unknown-indicator"));
/// ```
pub fn validate_assessment(set: &IndicatorSet, a: &Assessment) -> Vec<Problem> {
    let set = &*crate::masterplan::effective_set(set, a);
    let mut out = crate::masterplan::validate_masterplan(set, a);
    let generated = set.masterplan.is_some();
    if a.set_id != set.id {
        // Named by title where known (a built-in set), so an official can tell them apart.
        let theirs = crate::builtin::BUILTINS.iter().find(|b| b.id == a.set_id);
        let name = |id: &str, title: Option<&str>| match title {
            Some(t) => format!("“{t}” ({id})"),
            None => format!("`{id}`"),
        };
        out.push(Problem::new(
            "setId",
            Code::SetMismatch,
            format!(
                "penilaian ini untuk {}, bukan {}",
                name(&a.set_id, theirs.map(|b| b.title_id)),
                name(&set.id, Some(set.title.get(Lang::Id)))
            ),
            format!(
                "this assessment is of {}, not {}",
                name(&a.set_id, theirs.map(|b| b.title_en)),
                name(&set.id, Some(set.title.get(Lang::En)))
            ),
        ));
    } else if a.set_version != set.version {
        out.push(Problem::new(
            "setVersion",
            Code::VersionMismatch,
            format!(
                "penilaian dibuat untuk versi `{}`, set sekarang versi `{}`; jawaban dicocokkan menurut id indikator",
                a.set_version, set.version
            ),
            format!(
                "the assessment was made for version `{}`, the set is now `{}`; answers are matched by indicator id",
                a.set_version, set.version
            ),
        ));
    }
    let code = a.region.code.trim();
    if !code.is_empty() && !is_bps_code(code) {
        out.push(Problem::new(
            "region.code",
            Code::RegionCodeInvalid,
            format!("kode wilayah `{code}` bukan kode BPS (2, 4, 6 atau 10 angka)"),
            format!("region code `{code}` is not a BPS code (2, 4, 6 or 10 digits)"),
        ));
    }
    let indicators: Vec<&Indicator> = set.indicators().collect();
    // Inserted one by one: `collect()` into a BTreeMap sorts first, which would add another
    // copy of the standard sort to the wasm. The last of duplicate ids wins, as before.
    let mut by_id: BTreeMap<&str, usize> = BTreeMap::new();
    for (k, i) in indicators.iter().enumerate() {
        by_id.insert(i.id.as_str(), k);
    }
    // Past the limit, problems are only counted: a hostile file with 500,000 unknown answers
    // would otherwise build half a million messages on every rescoring.
    let mut unlisted = 0;
    let mut report = |out: &mut Vec<Problem>, p: &dyn Fn() -> Problem| {
        if out.len() > crate::MAX_PROBLEMS {
            unlisted += 1;
        } else {
            out.push(p());
        }
    };
    for (id, answer) in &a.answers {
        // Built only for a problem: most answers have none, and scoring validates every time.
        let path = || key_path("answers", id);
        for (k, l) in answer.links.iter().enumerate() {
            if !l.trim().is_empty() && !super::is_web_link(l) {
                report(&mut out, &|| {
                    super::link_not_web(&index(&join(&path(), "links"), k), l)
                });
            }
        }
        let Some(ind) = by_id.get(id.as_str()).map(|&k| indicators[k]) else {
            report(&mut out, &|| {
                if generated && crate::masterplan::is_generated_id(id) {
                    return crate::masterplan::orphaned(path(), id);
                }
                Problem::new(
                    path(),
                    Code::UnknownIndicator,
                    format!(
                        "set tidak punya indikator `{id}`; jawabannya disimpan tetapi tidak dinilai"
                    ),
                    format!("the set has no indicator `{id}`; the answer is kept but not scored"),
                )
            });
            continue;
        };
        for item in answer.evidence.keys() {
            if crate::evidence::item(ind, item).is_none() {
                report(&mut out, &|| {
                    Problem::new(
                        key_path(&join(&path(), "evidence"), item),
                        Code::UnknownEvidenceItem,
                        format!(
                            "indikator `{id}` tidak punya butir bukti `{item}`; isinya disimpan"
                        ),
                        format!("indicator `{id}` lists no evidence item `{item}`; it is kept"),
                    )
                });
            }
        }
        if answer.external.is_some() && ind.external.is_none() {
            report(&mut out, &|| {
                Problem::new(
                    join(&path(), "external"),
                    Code::ExternalUndeclared,
                    format!(
                        "indikator `{id}` tidak dinilai dari hasil instansi lain; hasil ini disimpan tetapi tidak dipakai"
                    ),
                    format!(
                        "indicator `{id}` is not scored from another agency's result; this result is kept but not used"
                    ),
                )
            });
        }
        if let Some(p) = claim_above_evidence(set, ind, answer, &path) {
            report(&mut out, &|| p.clone());
        }
        let Some(value) = &answer.value else { continue };
        if let Err(e) = answer_score(&ind.answer, &set.scale, value) {
            report(&mut out, &|| {
                Problem::new(join(&path(), "value"), e.code, e.id.clone(), e.en.clone())
            });
        } else if ind.evidence == Evidence::Required && !answer.has_evidence() {
            report(&mut out, &|| {
                Problem::new(
                    path(),
                    Code::EvidenceMissing,
                    format!("indikator `{id}` wajib disertai bukti (catatan atau tautan)"),
                    format!("indicator `{id}` requires evidence (notes or links)"),
                )
            });
        }
    }
    let mut team = crate::team::Collect {
        list: out,
        unlisted,
    };
    crate::team::check_team(set, a, &mut team);
    crate::cap(team.list, team.unlisted)
}

/// The warning for a claimed level above the level the evidence supports, naming the
/// required items not yet `siap`.
fn claim_above_evidence(
    set: &IndicatorSet,
    ind: &Indicator,
    answer: &Answer,
    path: &dyn Fn() -> String,
) -> Option<Problem> {
    let AnswerKind::Level { .. } = &ind.answer else {
        return None;
    };
    let value = crate::evidence::claimed_value(ind, answer)?;
    answer_score(&ind.answer, &set.scale, &value).ok()?;
    let Value::Number(n) = *value else {
        return None;
    };
    let claimed = n as usize;
    let missing = crate::evidence::missing(ind, Some(answer), claimed);
    if missing.is_empty() {
        return None;
    }
    let evidenced = crate::evidence::evidenced_level(ind, Some(answer), claimed);
    let list = |lang: Lang| {
        missing
            .iter()
            .map(|(l, it)| format!("{} ({l}: {})", it.id, it.text.get(lang)))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let id = &ind.id;
    Some(Problem::new(
        path(),
        Code::ClaimAboveEvidence,
        format!(
            "indikator `{id}` mengklaim tingkat {claimed}, tetapi buktinya baru mendukung tingkat {evidenced}; belum siap: {}",
            list(Lang::Id)
        ),
        format!(
            "indicator `{id}` claims level {claimed} but its evidence supports level {evidenced}; not ready: {}",
            list(Lang::En)
        ),
    ))
}

/// Whether `code` looks like a BPS region code: 2, 4, 6 or 10 digits, dots allowed between.
///
/// ```
/// assert!(swanilai::is_bps_code("63.03"));
/// assert!(swanilai::is_bps_code("6303"));
/// assert!(!swanilai::is_bps_code("63O3"));
/// ```
pub fn is_bps_code(code: &str) -> bool {
    let digits = code.chars().filter(char::is_ascii_digit).count();
    code.chars().all(|c| c.is_ascii_digit() || c == '.')
        && !code.starts_with('.')
        && !code.ends_with('.')
        && !code.as_bytes().windows(2).any(|w| w == b"..")
        && matches!(digits, 2 | 4 | 6 | 10)
}
