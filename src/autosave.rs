//! The format the widget autosaves in (pure, so it is tested natively).
//!
//! `{"format": "swanilai-save/1", "rev": 7, "writer": "tab id", "savedAt": "...", "assessment": {...}}`.
//! `rev` counts saves; a widget that finds a higher `rev` than its own last one knows another
//! tab or window saved in between, and asks before overwriting.

use crate::assessment::Assessment;
use crate::export::canonical;
use crate::json::{Json, to_json};
use crate::problem::Problem;

/// The `format` value of saved documents.
pub const SAVE_FORMAT: &str = "swanilai-save/1";

/// The text to store for an assessment.
///
/// ```
/// use swanilai::{autosave::{restore, save_text, Restored}, Assessment, Value};
/// let mut a = Assessment::new("spbe-2020", "2020.1");
/// a.set_value("spbe-01", Value::Number(2.0));
/// let text = save_text(&a, 3, "tab-a", "2026-11-27T10:00:00Z");
/// match restore(&text) {
///     Restored::Saved { assessment, rev, writer, .. } => {
///         assert_eq!(*assessment, a);
///         assert_eq!((rev, writer.as_str()), (3, "tab-a"));
///     }
///     other => panic!("{other:?}"),
/// }
/// assert!(matches!(restore("{not json"), Restored::Corrupt { .. }));
/// ```
pub fn save_text(a: &Assessment, rev: u64, writer: &str, saved_at: &str) -> String {
    let doc = Json::Object(vec![
        ("format".into(), Json::String(SAVE_FORMAT.into())),
        ("rev".into(), Json::Number(rev as f64)),
        ("writer".into(), Json::String(writer.into())),
        ("savedAt".into(), Json::String(saved_at.into())),
        ("assessment".into(), to_json(a).unwrap_or(Json::Null)),
    ]);
    canonical(&doc)
}

/// What was found in storage.
#[derive(Clone, Debug, PartialEq)]
pub enum Restored {
    /// A saved assessment.
    Saved {
        /// The assessment (answers to unknown indicators included).
        assessment: Box<Assessment>,
        /// The save counter.
        rev: u64,
        /// Who saved it.
        writer: String,
        /// Problems in its shape (the assessment is kept regardless).
        problems: Vec<Problem>,
    },
    /// The text cannot be read; the caller keeps it under a backup key.
    Corrupt {
        /// Why, in English.
        reason: String,
    },
}

/// Reads a saved text. A bare assessment (without the save wrapper) is accepted too.
pub fn restore(text: &str) -> Restored {
    let v = match Json::parse(text) {
        Ok(v) => v,
        Err(e) => {
            return Restored::Corrupt {
                reason: e.to_string(),
            };
        }
    };
    let (body, rev, writer) = match v.get("format").and_then(Json::as_str) {
        Some(SAVE_FORMAT) => {
            let rev = match v.get("rev") {
                Some(Json::Number(n)) if *n >= 0.0 && n.fract() == 0.0 => *n as u64,
                _ => 0,
            };
            let writer = v
                .get("writer")
                .and_then(Json::as_str)
                .unwrap_or("")
                .to_string();
            (
                v.get("assessment").cloned().unwrap_or(Json::Null),
                rev,
                writer,
            )
        }
        _ => (v, 0, String::new()),
    };
    let parsed = Assessment::from_json(&body);
    match parsed.value {
        Some(assessment) => Restored::Saved {
            assessment: Box::new(assessment),
            rev,
            writer,
            problems: parsed.problems,
        },
        None => Restored::Corrupt {
            reason: parsed
                .problems
                .first()
                .map_or_else(|| "no assessment".into(), ToString::to_string),
        },
    }
}
