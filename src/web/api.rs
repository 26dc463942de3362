//! The JavaScript API: plain functions and a set handle. camelCase names in JS.

use std::rc::Rc;

use wasm_bindgen::prelude::*;

use super::{from_js, to_js, to_js_error};
use crate::export::{export_document, open_assessment};
use crate::json::to_json;
use crate::{Assessment, IndicatorSet, Json, Lang, Parsed, Problem, Scorer, builtin};

/// The crate version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// The built-in sets: `[{ id, titleId, titleEn }]`. Their data ships beside the package as
/// `sets/<id>.json`; `getSet(id)` in the JS entry loads one.
#[wasm_bindgen(js_name = builtinSets)]
pub fn builtin_sets() -> Result<JsValue, JsValue> {
    to_js(&builtin::BUILTINS)
}

/// A validated indicator set, compiled for scoring.
#[wasm_bindgen]
pub struct SetHandle {
    /// Shared with the widgets mounted on it: mounting copies nothing.
    pub(crate) scorer: Rc<Scorer<'static>>,
    warnings: Vec<Problem>,
}

/// Reads an assessment of `set` from a JS value (object or JSON text), keeping what can be
/// read; one with far more answers than the set has indicators is refused (`too-many`).
pub(crate) fn read_assessment(v: &JsValue, set: &IndicatorSet) -> Parsed<Assessment> {
    if let Some(text) = v.as_string() {
        return Assessment::from_json_str_for(&text, set);
    }
    match from_js(v) {
        Ok(j) => Assessment::from_json_for(&j, set),
        Err(p) => Parsed {
            value: None,
            problems: vec![p],
        },
    }
}

impl SetHandle {
    pub(crate) fn new(set: IndicatorSet, warnings: Vec<Problem>) -> SetHandle {
        SetHandle {
            scorer: Rc::new(Scorer::owned(set)),
            warnings,
        }
    }

    /// The base of a share or a merge: readable (an export's integrity intact) and of this set.
    fn base(&self, v: &JsValue) -> Result<Assessment, JsValue> {
        let parsed = match v.as_string() {
            Some(text) => {
                let o = crate::export::open_assessment_for(&text, self.scorer.set());
                Parsed {
                    value: o.assessment,
                    problems: o.problems,
                }
            }
            None => read_assessment(v, self.scorer.set()),
        };
        let first_error = parsed.problems.iter().find(|p| p.is_error());
        match (parsed.value, first_error) {
            (Some(a), None) if a.set_id == self.scorer.set().id => Ok(a),
            (Some(a), None) => Err(to_js_error(format!(
                "the base is an assessment of set `{}`, not `{}`: call this on the handle of set `{}`",
                a.set_id,
                self.scorer.set().id,
                a.set_id
            ))),
            (_, Some(p)) => Err(to_js_error(format!(
                "the base cannot be used: {p}; pass the coordinator's assessment (an object, or its file's text)"
            ))),
            (None, None) => Err(to_js_error(
                "the base is not an assessment: pass the coordinator's assessment (an object, or its file's text)",
            )),
        }
    }

    /// An assessment with its shape problems and its problems against this set.
    fn checked(&self, v: &JsValue) -> (Assessment, Vec<Problem>) {
        let parsed = read_assessment(v, self.scorer.set());
        let a = parsed
            .value
            .unwrap_or_else(|| Assessment::new(&self.scorer.set().id, &self.scorer.set().version));
        (a, parsed.problems)
    }
}

/// Loads a set from a JS object or JSON text: a `SetHandle`, or the list of problems
/// (`[{ path, code, severity, message: { id, en } }]`) when it has errors.
#[wasm_bindgen(js_name = loadSet)]
pub fn load_set(v: JsValue) -> Result<JsValue, JsValue> {
    super::install_numbers();
    let parsed = match from_js(&v) {
        Ok(j) => IndicatorSet::from_json(&j),
        Err(p) => Parsed {
            value: None,
            problems: vec![p],
        },
    };
    match parsed.value {
        Some(set) => Ok(SetHandle::new(set, parsed.problems).into()),
        None => to_js(&parsed.problems),
    }
}

#[wasm_bindgen]
impl SetHandle {
    /// The set id.
    #[wasm_bindgen(getter)]
    pub fn id(&self) -> String {
        self.scorer.set().id.clone()
    }

    /// The set version.
    #[wasm_bindgen(getter)]
    pub fn version(&self) -> String {
        self.scorer.set().version.clone()
    }

    /// Warnings found while loading (the set is usable).
    #[wasm_bindgen(getter)]
    pub fn warnings(&self) -> Result<JsValue, JsValue> {
        to_js(&self.warnings)
    }

    /// The set as a plain object.
    #[wasm_bindgen(js_name = toJSON)]
    pub fn to_json(&self) -> Result<JsValue, JsValue> {
        to_js(self.scorer.set())
    }

    /// An empty assessment of this set.
    #[wasm_bindgen(js_name = newAssessment)]
    pub fn new_assessment(&self) -> Result<JsValue, JsValue> {
        let s = self.scorer.set();
        to_js(&Assessment::new(&s.id, &s.version))
    }

    /// Every problem of an assessment (shape and answers), as data.
    pub fn validate(&self, assessment: JsValue) -> Result<JsValue, JsValue> {
        let (a, mut problems) = self.checked(&assessment);
        problems.extend(crate::validate_assessment(self.scorer.set(), &a));
        to_js(&problems)
    }

    /// Opens a file's text for this set, as the widget's import does: `{ integrity,
    /// assessment, problems }` like `openExport`, but a file with far more answers than the
    /// set has indicators is refused (`too-many`, no assessment) before its answers are read.
    #[wasm_bindgen(js_name = openFile)]
    pub fn open_file(&self, text: String) -> Result<JsValue, JsValue> {
        to_js(&crate::export::open_assessment_for(
            &text,
            self.scorer.set(),
        ))
    }

    /// The report: scores for the whole, every group, indicator and tag, with predicates.
    pub fn score(&self, assessment: JsValue) -> Result<JsValue, JsValue> {
        let (a, shape) = self.checked(&assessment);
        let mut report = self.scorer.score(&a);
        report.problems.splice(0..0, shape);
        to_js(&report)
    }

    /// Ranked improvements and the plan to the next predicate; `options.limit` caps the list.
    pub fn advise(&self, assessment: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
        let (a, _) = self.checked(&assessment);
        let limit = js_sys::Reflect::get(&options, &"limit".into())
            .ok()
            .and_then(|v| v.as_f64())
            .filter(|n| *n >= 0.0)
            .map(|n| n as usize);
        to_js(&crate::advise_with(&self.scorer, &a, limit))
    }

    /// "Siap diajukan?": what still blocks submitting the assessment (unanswered indicators,
    /// claims above the evidence, evidence without notes or links, links that are not http(s),
    /// drafts), each naming its indicator.
    pub fn check(&self, assessment: JsValue) -> Result<JsValue, JsValue> {
        let (a, _) = self.checked(&assessment);
        to_js(&crate::check::check(&self.scorer, &a))
    }

    /// Changes between two assessments of this set.
    pub fn compare(&self, previous: JsValue, current: JsValue) -> Result<JsValue, JsValue> {
        let (p, _) = self.checked(&previous);
        let (c, _) = self.checked(&current);
        let before = self.scorer.score(&p);
        let after = self.scorer.score(&c);
        to_js(&crate::compare_reports(
            self.scorer.set(),
            &p,
            &c,
            &before,
            &after,
        ))
    }

    /// The CSV report: particulars, one row per indicator, the summary. `exportedAt` is the
    /// export time it states (now when omitted).
    pub fn csv(
        &self,
        assessment: JsValue,
        lang: Option<String>,
        exported_at: Option<String>,
    ) -> String {
        let (a, _) = self.checked(&assessment);
        let report = self.scorer.score(&a);
        let at = exported_at.unwrap_or_else(|| {
            js_sys::Date::new_0()
                .to_iso_string()
                .as_string()
                .unwrap_or_default()
        });
        crate::report_csv(
            self.scorer.set(),
            &a,
            &report,
            Lang::from_tag(lang.as_deref().unwrap_or("id")),
            &at,
        )
    }

    /// Progress per unit on `date` (`YYYY-MM-DD` or an ISO 8601 time).
    pub fn progress(&self, assessment: JsValue, date: String) -> Result<JsValue, JsValue> {
        let (a, _) = self.checked(&assessment);
        to_js(&crate::progress::progress(self.scorer.set(), &a, &date))
    }

    /// One unit's share of `base` as an export file's text (its indicators only, with the
    /// set, region, units, who hands it out and the base's hash). Throws when the base is of
    /// another set or does not list the unit.
    #[wasm_bindgen(js_name = cutShare)]
    pub fn cut_share(
        &self,
        base: JsValue,
        unit: String,
        assigned_by: String,
        at: String,
    ) -> Result<String, JsValue> {
        let a = self.base(&base)?;
        let share = crate::share::cut_share(&a, &unit, &assigned_by, Some(&at))
            .map_err(|p| to_js_error(&p))?;
        let content = Json::Object(vec![(
            "assessment".into(),
            to_json(&share).map_err(to_js_error)?,
        )]);
        Ok(export_document(content, &at))
    }

    /// Merges returned shares into `base`. `files` is `[{ name, text }]` (each file's text as
    /// read); `choices` maps an indicator in conflict to `base`, a file name or a unit id;
    /// `at` is recorded for changes from files without `updatedAt`. Returns the merge report
    /// `{ result, accepted, conflicts, unresolved, files, problems }`.
    #[wasm_bindgen(js_name = mergeShares)]
    pub fn merge_shares(
        &self,
        base: JsValue,
        files: JsValue,
        choices: JsValue,
        at: String,
    ) -> Result<JsValue, JsValue> {
        let a = self.base(&base)?;
        let field = |v: &JsValue, k: &str| js_sys::Reflect::get(v, &k.into()).ok();
        let mut returned = Vec::new();
        for f in js_sys::Array::from(&files).iter() {
            let name = field(&f, "name")
                .and_then(|v| v.as_string())
                .unwrap_or_default();
            let text = field(&f, "text")
                .and_then(|v| v.as_string())
                .unwrap_or_default();
            returned.push(crate::share::Returned {
                opened: crate::export::open_assessment_for(&text, self.scorer.set()),
                file: name,
            });
        }
        let mut picks = Vec::new();
        if choices.is_object() {
            for pair in js_sys::Object::entries(&choices.into()).iter() {
                let pair = js_sys::Array::from(&pair);
                picks.push(crate::share::Choice {
                    indicator: pair.get(0).as_string().unwrap_or_default(),
                    take: pair.get(1).as_string().unwrap_or_default(),
                });
            }
        }
        to_js(&crate::share::merge(&a, &returned, &picks, Some(&at)))
    }

    /// Carries last year's evidence notes and links into this year's empty ones, each flagged
    /// in `carried` ("masih berlaku?"): `{ carried: number, assessment }`.
    #[wasm_bindgen(js_name = carryForward)]
    pub fn carry_forward(&self, previous: JsValue, current: JsValue) -> Result<JsValue, JsValue> {
        let (p, _) = self.checked(&previous);
        let (mut c, _) = self.checked(&current);
        let carried = crate::carry::carry_forward(self.scorer.set(), &p, &mut c);
        let out = Json::Object(vec![
            ("carried".into(), Json::Number(carried as f64)),
            ("assessment".into(), to_json(&c).map_err(to_js_error)?),
        ]);
        to_js(&out)
    }

    /// Fills this year's answers the set asks to take from last year's assessment (indicators
    /// with `fromPrevious`, e.g. the smart city Baseline): `{ filled: [{ indicator, rule,
    /// value }], assessment }`. Empty answers, or ones still marked as proposed, take the
    /// proposal and are marked in `carried` (`value: true`); answers the official gave stay.
    #[wasm_bindgen(js_name = fillFromPrevious)]
    pub fn fill_from_previous(
        &self,
        previous: JsValue,
        current: JsValue,
    ) -> Result<JsValue, JsValue> {
        let (p, _) = self.checked(&previous);
        let (mut c, _) = self.checked(&current);
        let filled = crate::baseline::fill_from_previous(self.scorer.set(), &p, &mut c);
        let out = Json::Object(vec![
            ("filled".into(), to_json(&filled).map_err(to_js_error)?),
            ("assessment".into(), to_json(&c).map_err(to_js_error)?),
        ]);
        to_js(&out)
    }

    /// Confirms (`keep`) or drops one carried piece: an answer's notes and links (`item`
    /// null) or an evidence item's. Returns the assessment.
    #[wasm_bindgen(js_name = settleCarried)]
    pub fn settle_carried(
        &self,
        assessment: JsValue,
        indicator: String,
        item: Option<String>,
        keep: bool,
    ) -> Result<JsValue, JsValue> {
        let (mut a, _) = self.checked(&assessment);
        crate::carry::settle_carried(&mut a, &indicator, item.as_deref(), keep);
        to_js(&a)
    }

    /// The set as an assessment is scored against: for a set built from a masterplan, with
    /// the generated Outcome, Quick Win and Impact indicators of the assessment's programs.
    #[wasm_bindgen(js_name = expandedSet)]
    pub fn expanded_set(&self, assessment: JsValue) -> Result<JsValue, JsValue> {
        let (a, _) = self.checked(&assessment);
        to_js(&*crate::masterplan::effective_set(self.scorer.set(), &a))
    }

    /// Reads the masterplan's programs from a CSV file's text into the assessment:
    /// `{ assessment, imported, problems: [{ row, column, code, message }] }`. Programs already
    /// listed keep their ids. Throws when the file has no header naming the columns.
    #[wasm_bindgen(js_name = importPrograms)]
    pub fn import_programs(&self, assessment: JsValue, csv: String) -> Result<JsValue, JsValue> {
        let (mut a, _) = self.checked(&assessment);
        let out = crate::programs::import_programs(self.scorer.set(), &csv, &a)
            .map_err(|p| to_js_error(&p))?;
        a.masterplan = Some(out.masterplan);
        let json = Json::Object(vec![
            ("assessment".into(), to_json(&a).map_err(to_js_error)?),
            ("imported".into(), Json::Number(out.imported as f64)),
            (
                "problems".into(),
                to_json(&out.problems).map_err(to_js_error)?,
            ),
        ]);
        to_js(&json)
    }

    /// The impact survey's form for one sub-dimension of the assessment's programs, as a set
    /// (load it with `loadSet`). Throws when the sub-dimension has no surveyed program.
    #[wasm_bindgen(js_name = surveyForm)]
    pub fn survey_form(
        &self,
        assessment: JsValue,
        subdimension: String,
    ) -> Result<JsValue, JsValue> {
        let (a, _) = self.checked(&assessment);
        let form = crate::survey::survey_set(self.scorer.set(), &a, &subdimension)
            .map_err(|p| to_js_error(&p))?;
        to_js(&form)
    }

    /// Aggregates respondents' exported survey files (`[{ name, text }]`) into the
    /// sub-dimension's Impact answer: `{ aggregation, assessment }`; refused files are in
    /// `aggregation.problems`, naming the file.
    #[wasm_bindgen(js_name = aggregateSurvey)]
    pub fn aggregate_survey(
        &self,
        assessment: JsValue,
        subdimension: String,
        files: JsValue,
    ) -> Result<JsValue, JsValue> {
        let (mut a, _) = self.checked(&assessment);
        let field = |v: &JsValue, k: &str| {
            js_sys::Reflect::get(v, &k.into())
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default()
        };
        let given: Vec<crate::survey::SurveyFile> = js_sys::Array::from(&files)
            .iter()
            .map(|f| crate::survey::SurveyFile {
                name: field(&f, "name"),
                text: field(&f, "text"),
            })
            .collect();
        let agg = crate::survey::aggregate(self.scorer.set(), &a, &subdimension, &given)
            .map_err(|p| to_js_error(&p))?;
        crate::survey::apply(&mut a, &agg);
        let json = Json::Object(vec![
            ("aggregation".into(), to_json(&agg).map_err(to_js_error)?),
            ("assessment".into(), to_json(&a).map_err(to_js_error)?),
        ]);
        to_js(&json)
    }

    /// The JSON export: assessment and report, with a SHA-256 of the content.
    #[wasm_bindgen(js_name = exportJson)]
    pub fn export_json(&self, assessment: JsValue, exported_at: String) -> Result<String, JsValue> {
        let (a, _) = self.checked(&assessment);
        export_text(&self.scorer, &a, &exported_at)
    }
}

/// The export document for an assessment.
pub(crate) fn export_text(
    scorer: &Scorer<'_>,
    a: &Assessment,
    exported_at: &str,
) -> Result<String, JsValue> {
    let report = scorer.score(a);
    let content = Json::Object(vec![
        ("assessment".into(), to_json(a).map_err(to_js_error)?),
        ("report".into(), to_json(&report).map_err(to_js_error)?),
    ]);
    Ok(export_document(content, exported_at))
}

/// Opens an exported file's text: `{ integrity: "intact" | "mismatch" | "unchecked",
/// assessment, problems }`.
#[wasm_bindgen(js_name = openExport)]
pub fn open_export_js(text: String) -> Result<JsValue, JsValue> {
    super::install_numbers();
    to_js(&open_assessment(&text))
}
