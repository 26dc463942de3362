//! swanilai scores Indonesian regional self-assessments (GM100SC smart city readiness,
//! the yearly smart city evaluation, SPBE e-government) the way the official
//! spreadsheets do, explains the result and says what to improve first.
//!
//! The core (this crate without the `web` module) is pure Rust with no browser
//! types: the CLI, the tests and the WebAssembly widget all run the same code.
//!
//! ```
//! use swanilai::{advise, builtin, score, Assessment, Value};
//!
//! let set = builtin::get("spbe-2020").unwrap();
//! let mut a = Assessment::new(&set.id, &set.version);
//! for ind in set.indicators() {
//!     a.set_value(&ind.id, Value::Number(3.0)); // every indicator at "Terdefinisi"
//! }
//! let report = score(&set, &a);
//! assert_eq!(report.overall.shown, Some(3.0));
//! assert_eq!(report.overall.predicate.as_ref().unwrap().label.id, "Baik");
//!
//! let advice = advise(&set, &a, Some(5));
//! assert_eq!(advice.plan.unwrap().target.label.id, "Sangat Baik");
//! ```
//!
//! Reading a document collects every problem, each with its JSON path:
//!
//! ```
//! use swanilai::IndicatorSet;
//! let parsed = IndicatorSet::from_json_str(r#"{"id": "x", "version": "1", "title": "X",
//!     "predicates": [], "groups": [{"id": "g", "title": "G", "weight": -1, "indicators": []}]}"#);
//! assert!(parsed.value.is_none());
//! let codes: Vec<_> = parsed.problems.iter().map(|p| (p.path.as_str(), p.code.as_str())).collect();
//! assert!(codes.contains(&("groups[0].weight", "weight-not-positive")));
//! assert!(codes.contains(&("groups[0]", "group-empty")));
//! assert!(codes.contains(&("predicates", "predicates-empty")));
//! ```

pub mod advice;
pub mod assessment;
pub mod autosave;
pub mod baseline;
pub mod builtin;
pub mod carry;
pub mod check;
pub mod compare;
pub mod csv_report;
pub mod evidence;
pub mod export;
pub mod json;
pub mod masterplan;
pub mod model;
pub mod num;
pub mod present;
pub mod problem;
pub mod programs;
pub mod progress;
mod read;
pub mod round;
pub mod score;
pub mod share;
mod sort;
mod sums;
pub mod survey;
pub mod team;
pub mod validate;
pub mod view;

pub use advice::{Advice, AnswerGain, Plan, Recommendation, Step, advise, advise_with, candidates};
pub use assessment::{Answer, Assessment, ExternalResult, ItemEvidence, Region, Status, Value};
pub use compare::{Change, Comparison, Delta, compare, compare_reports};
pub use csv_report::report_csv;
pub use json::{Json, SyntaxError};
pub use model::{
    AnswerKind, Band, Better, Choice, Evidence, EvidenceItem, External, Group, Indicator,
    IndicatorSet, Lang, Level, NumberMapping, Predicate, Scale, TagLabel, Term, Terms, Text,
    UnansweredPolicy,
};
pub use present::answer_label;
pub use problem::{Code, Problem, Severity, has_errors};
pub use round::{format_delta, format_number, round_half_away};
pub use score::{
    Completeness, ExternalLevel, GroupScore, IndicatorScore, MissingItem, PredicateRef, Report,
    Score, Scorer, TagScore, Tally, score,
};
pub use team::{Assignment, Carried, ChangedBy, Share, Unit, validate_team};
pub use validate::{
    AnswerError, answer_score, is_bps_code, is_valid_id, validate_assessment, validate_set,
};

/// The most problems reported for one document; the last one says how many more there were.
pub const MAX_PROBLEMS: usize = 1000;

/// A document read from JSON: the value, if it could be used, and every problem found.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Parsed<T> {
    /// The document. A set is absent when any problem is an error; an assessment is absent
    /// only when its root is not an object (its other errors are listed, its answers kept).
    pub value: Option<T>,
    /// Every problem found, errors and warnings.
    pub problems: Vec<Problem>,
}

/// The problem for a text that could not be read as JSON. Its path is empty: the text has
/// no JSON path, and a `line L column C` path in English put the location a second time before
/// a message that gives it already, in its own language.
pub(crate) fn syntax_problem(e: &SyntaxError) -> Problem {
    let (line, column) = (e.line, e.column);
    let (id, en) = if e.code == Code::JsonSyntax {
        (
            format!(
                "JSON tidak sah di baris {line} kolom {column}: {}",
                e.reason_id
            ),
            format!("invalid JSON at line {line} column {column}: {}", e.reason),
        )
    } else {
        // A limit, not a grammar mistake: the text may be perfectly good JSON.
        (
            format!("{} (baris {line} kolom {column})", e.reason_id),
            format!("{} (line {line} column {column})", e.reason),
        )
    };
    Problem::new("", e.code, id, en)
}

/// Keeps the first [`MAX_PROBLEMS`] - 1 problems and a last one saying how many more there
/// were (those left out plus `unlisted`, found but never built).
pub(crate) fn cap(mut problems: Vec<Problem>, unlisted: usize) -> Vec<Problem> {
    if problems.len() > MAX_PROBLEMS || unlisted > 0 {
        let more = problems.len().saturating_sub(MAX_PROBLEMS - 1) + unlisted;
        problems.truncate(MAX_PROBLEMS - 1);
        problems.push(Problem::new(
            "",
            Code::TooMany,
            format!("{more} masalah lain tidak ditampilkan"),
            format!("{more} more problems are not listed"),
        ));
    }
    problems
}

impl IndicatorSet {
    /// Reads and validates a set from a JSON value.
    pub fn from_json(v: &Json) -> Parsed<IndicatorSet> {
        let mut r = read::Reader::default();
        let set = r.set(v);
        let mut problems = r.problems;
        if let Some(set) = &set {
            // A value already reported while reading is not reported again (e.g. a missing id
            // is not also an invalid one). Nor is anything in an array that lost an unreadable
            // item: its later items' indices are shifted, so their paths would be wrong.
            let seen: Vec<String> = problems
                .iter()
                .map(|p| p.path.clone())
                .chain(r.shifted.iter().cloned())
                .collect();
            problems.extend(validate_set(set).into_iter().filter(|p| {
                !seen.iter().any(|s| {
                    p.path == *s
                        || p.path
                            .strip_prefix(s.as_str())
                            .is_some_and(|r| r.starts_with(['.', '[']))
                })
            }));
        }
        let ok = !has_errors(&problems);
        Parsed {
            value: set.filter(|_| ok),
            problems: cap(problems, 0),
        }
    }

    /// Reads and validates a set from JSON text.
    ///
    /// ```
    /// use swanilai::IndicatorSet;
    /// let bad = IndicatorSet::from_json_str("{\"id\": ");
    /// assert_eq!(bad.problems[0].code.as_str(), "json-syntax");
    /// assert_eq!(bad.problems[0].path, ""); // no JSON path: the message says where
    /// assert_eq!(bad.problems[0].message.id, "JSON tidak sah di baris 1 kolom 8: teks berakhir sebelum waktunya");
    /// ```
    pub fn from_json_str(text: &str) -> Parsed<IndicatorSet> {
        match Json::parse(text) {
            Ok(v) => IndicatorSet::from_json(&v),
            Err(e) => Parsed {
                value: None,
                problems: vec![syntax_problem(&e)],
            },
        }
    }
}

impl Assessment {
    /// Reads an assessment from a JSON value, checking its shape (not its answers: see
    /// [`validate_assessment`]). Unknown answers and answers with problems are kept; more
    /// than [`validate::MAX_ANSWERS`] answers refuse the document (`too-many`).
    pub fn from_json(v: &Json) -> Parsed<Assessment> {
        Assessment::read(v, None)
    }

    /// Like [`Assessment::from_json`], for `set`: an assessment with far more answers than
    /// the set has indicators (over [`validate::max_answers`]) is refused with `too-many`
    /// before any answer is read.
    ///
    /// ```
    /// use swanilai::{builtin, Assessment, Json};
    /// let set = builtin::get("spbe-2020").unwrap(); // 47 indicators: at most 194 answers
    /// let answers: Vec<String> = (0..195).map(|k| format!("\"x{k}\": 1")).collect();
    /// let text = format!(r#"{{"setId": "spbe-2020", "setVersion": "2020.1", "answers": {{{}}}}}"#, answers.join(","));
    /// let p = Assessment::from_json_for(&Json::parse(&text).unwrap(), &set);
    /// assert!(p.value.is_none());
    /// assert_eq!((p.problems[0].path.as_str(), p.problems[0].code.as_str()), ("answers", "too-many"));
    /// ```
    pub fn from_json_for(v: &Json, set: &IndicatorSet) -> Parsed<Assessment> {
        Assessment::read(v, Some(set.indicators().count()))
    }

    /// [`Assessment::from_json_for`] a set of `indicators` indicators.
    pub(crate) fn read_for_count(v: &Json, indicators: usize) -> Parsed<Assessment> {
        Assessment::read(v, Some(indicators))
    }

    fn read(v: &Json, indicators: Option<usize>) -> Parsed<Assessment> {
        let mut r = read::Reader {
            indicators,
            ..read::Reader::default()
        };
        let value = r.assessment(v);
        Parsed {
            value,
            problems: cap(r.problems, 0),
        }
    }

    /// Reads an assessment from JSON text.
    ///
    /// ```
    /// use swanilai::{Assessment, Value};
    /// let p = Assessment::from_json_str(r#"{"setId": "spbe-2020", "setVersion": "2020.1",
    ///     "answers": {"spbe-01": 3, "spbe-02": {"value": true, "notes": "SK 2024"}, "x": {"value": [1]}}}"#);
    /// let a = p.value.unwrap();
    /// assert_eq!(a.answers["spbe-01"].value, Some(Value::Number(3.0)));
    /// assert_eq!(a.answers["spbe-02"].notes, "SK 2024");
    /// assert!(a.answers.contains_key("x")); // kept, its bad value reported
    /// assert_eq!(p.problems[0].path, "answers.x.value");
    /// ```
    pub fn from_json_str(text: &str) -> Parsed<Assessment> {
        Assessment::read_str(text, None)
    }

    /// Reads an assessment of `set` from JSON text: see [`Assessment::from_json_for`]. A list
    /// or object far longer than the set could need is refused while parsing (`too-many`),
    /// before it is built.
    pub fn from_json_str_for(text: &str, set: &IndicatorSet) -> Parsed<Assessment> {
        Assessment::read_str(text, Some(set.indicators().count()))
    }

    fn read_str(text: &str, indicators: Option<usize>) -> Parsed<Assessment> {
        match Json::parse_limited(text, validate::max_items(indicators)) {
            Ok(v) => Assessment::read(&v, indicators),
            Err(e) => Parsed {
                value: None,
                problems: vec![syntax_problem(&e)],
            },
        }
    }
}

/// The WebAssembly binding (the npm package's API) and the widget; wasm32 only.
#[cfg(target_arch = "wasm32")]
pub mod web;

/// Talc instead of the standard library's dlmalloc: a smaller module, and faster.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
