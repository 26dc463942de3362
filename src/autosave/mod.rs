//! Autosaving, in pure Rust so that it is tested natively: the save format (here), the
//! [`storage`] it is kept in (a small trait; localStorage in the browser, [`Memory`] in tests)
//! with its bounded backups, and the protocol one [`tab`] follows when several tabs save the
//! same assessment (tested as stories of tabs in `tests/save_stories.rs`).
//!
//! The format:
//!
//! `{"format": "swanilai-save/1", "rev": 7, "writer": "tab id", "savedAt": "...", "assessment": {...}}`.
//! `rev` counts saves; a widget that finds a save other than the one it last wrote or read (by
//! `rev` and `writer`: a history started over reuses revs) knows another tab or window saved
//! in between, and asks before overwriting.
//!
//! `"lineage": [[3, "tab id"], [4, "other tab id"]]` lists the saves (rev and writer) the saved
//! answers descend from, so that combining two tabs' saves can tell an answer cleared on
//! purpose from one the other side never saw.
//!
//! Text typed into a number field that cannot be an answer (`3,5x`, or 99 on a 0–5 scale) is
//! not an answer, but it is not lost either: it is saved beside the assessment as
//! `"drafts": [{"indicator": "...", "text": "...", "lang": "id"}]` (only when there are some)
//! and comes back, with its error, after a reload.

use crate::assessment::Assessment;
use crate::export::canonical;
use crate::json::{Json, to_json};
use crate::model::Lang;
use crate::problem::Problem;

pub mod previous;
pub mod storage;
pub mod tab;

pub use previous::{Previous, PreviousTold, keep_previous, open_previous, previous};
pub use storage::{BACKUPS, Memory, SaveError, Storage};
pub use tab::{At, Choice, Doc, Opening, Outcome, SaveId, Settled, Tab, Told};

/// Rejected text longer than this (in bytes) is not saved: a number never needs it, and a
/// pasted megabyte carried by every later save would fill localStorage, so that answers could
/// no longer be saved at all.
pub const MAX_DRAFT_LEN: usize = 100;

/// Text a number field rejected, kept until it is corrected or cleared.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    /// The indicator's id.
    pub indicator: String,
    /// The text as typed.
    pub text: String,
    /// The language it was typed in (decimal comma or point).
    pub lang: Lang,
}

/// The `format` value of saved documents.
pub const SAVE_FORMAT: &str = "swanilai-save/1";

/// The text to store for an assessment.
///
/// ```
/// use swanilai::{autosave::{restore, save_text, Restored}, Assessment, Value};
/// let mut a = Assessment::new("spbe-2020", "2020.1");
/// a.set_value("spbe-01", Value::Number(2.0));
/// let text = save_text(&a, &[], 3, "tab-a", "2026-11-27T10:00:00Z");
/// match restore(&text) {
///     Restored::Saved { assessment, rev, writer, drafts, .. } => {
///         assert_eq!(*assessment, a);
///         assert_eq!((rev, writer.as_str()), (3, "tab-a"));
///         assert!(drafts.is_empty());
///     }
///     other => panic!("{other:?}"),
/// }
/// assert!(matches!(restore("{not json"), Restored::Corrupt { .. }));
/// ```
pub fn save_text(
    a: &Assessment,
    drafts: &[Draft],
    rev: u64,
    writer: &str,
    saved_at: &str,
) -> String {
    save_text_with(a, drafts, rev, writer, saved_at, &[])
}

/// The fields every saved document starts with: format, rev, writer, time, assessment.
fn save_fields(a: &Assessment, rev: u64, writer: &str, saved_at: &str) -> Vec<(String, Json)> {
    vec![
        ("format".into(), Json::String(SAVE_FORMAT.into())),
        ("rev".into(), Json::Number(rev as f64)),
        ("writer".into(), Json::String(writer.into())),
        ("savedAt".into(), Json::String(saved_at.into())),
        ("assessment".into(), to_json(a).unwrap_or(Json::Null)),
    ]
}

/// The most saves a lineage lists (the newest are kept).
pub const MAX_LINEAGE: usize = 64;

/// [`save_text`] with the save's lineage: the saves (rev and writer) its answers descend from
/// (`"lineage": [[3, "tab-a"], [6, "tab-b"]]`). Two tabs' saves are combined with deletions
/// trusted only when one descends from the other's starting point; without it, an answer
/// missing on one side may be one that side never saw.
///
/// ```
/// use swanilai::{autosave::{restore, save_text_with, Restored}, Assessment};
/// let a = Assessment::new("spbe-2020", "2020.1");
/// let from = [(3, "tab-a".into()), (6, "tab-b".into())];
/// let text = save_text_with(&a, &[], 7, "tab-b", "2026-11-27T10:00:00Z", &from);
/// let Restored::Saved { lineage, .. } = restore(&text) else { panic!() };
/// assert_eq!(lineage, [(3, "tab-a".to_string()), (6, "tab-b".to_string())]);
/// ```
pub fn save_text_with(
    a: &Assessment,
    drafts: &[Draft],
    rev: u64,
    writer: &str,
    saved_at: &str,
    lineage: &[(u64, String)],
) -> String {
    let mut doc = save_fields(a, rev, writer, saved_at);
    if !lineage.is_empty() {
        let revs = lineage
            .iter()
            .map(|(r, w)| Json::Array(vec![Json::Number(*r as f64), Json::String(w.clone())]));
        doc.push(("lineage".into(), Json::Array(revs.collect())));
    }
    let kept: Vec<&Draft> = drafts
        .iter()
        .filter(|d| d.text.len() <= MAX_DRAFT_LEN)
        .collect();
    if !kept.is_empty() {
        let list = kept.iter().map(|d| {
            Json::Object(vec![
                ("indicator".into(), Json::String(d.indicator.clone())),
                ("text".into(), Json::String(d.text.clone())),
                ("lang".into(), Json::String(d.lang.tag().into())),
            ])
        });
        doc.push(("drafts".into(), Json::Array(list.collect())));
    }
    canonical(&Json::Object(doc))
}

/// Adds saves (rev, writer) to a lineage, keeping the newest [`MAX_LINEAGE`] once each (no
/// sort: a lineage is short, and sorting would link the standard sort into the module).
///
/// ```
/// use swanilai::autosave::join_lineage;
/// let mut l = vec![(1, "a".to_string())];
/// join_lineage(&mut l, &[(1, "a".into()), (2, "b".into())]);
/// assert_eq!(l, [(1, "a".to_string()), (2, "b".to_string())]);
/// ```
pub fn join_lineage(into: &mut Vec<(u64, String)>, revs: &[(u64, String)]) {
    for r in revs {
        if !into.contains(r) {
            into.push(r.clone());
        }
    }
    while into.len() > MAX_LINEAGE {
        let mut oldest = 0;
        for k in 1..into.len() {
            if into[k].0 < into[oldest].0 {
                oldest = k;
            }
        }
        into.swap_remove(oldest);
    }
}

/// Saved drafts by indicator position, and the ones that no longer apply as "id: text" (the
/// official typed them, so a notice lists them): drafts of indicators the set no longer has
/// or no longer answers with a typed number, and text a new set version accepts (it would
/// stay hidden in every save; making it an answer unasked would change the score).
pub fn place_drafts(
    scorer: &crate::Scorer<'_>,
    drafts: Vec<Draft>,
) -> (Vec<(usize, String, Lang)>, Vec<String>) {
    use crate::model::AnswerKind;
    let scale = &scorer.set().scale;
    let (mut kept, mut dropped) = (Vec::new(), Vec::new());
    for d in drafts {
        let applies = scorer.indicator_index(&d.indicator).filter(|&i| {
            let kind = &scorer.indicator(i).answer;
            let typed = matches!(
                kind,
                AnswerKind::Number { .. } | AnswerKind::Percent { .. } | AnswerKind::Score
            );
            typed && crate::view::read_number(kind, scale, &d.text, d.lang, d.lang).is_err()
        });
        match applies {
            Some(i) => kept.push((i, d.text, d.lang)),
            None => dropped.push(format!("{}: {}", d.indicator, d.text)),
        }
    }
    (kept, dropped)
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
        /// Rejected number text kept with it (entries that cannot be read are left out).
        drafts: Vec<Draft>,
        /// The saves (rev, writer) it descends from (see [`save_text_with`]; empty if unknown).
        lineage: Vec<(u64, String)>,
    },
    /// The text cannot be read; the caller keeps it under a backup key.
    Corrupt {
        /// Why, in English.
        reason: String,
    },
}

/// Reads a saved text. A bare assessment (without the save wrapper) is accepted too.
pub fn restore(text: &str) -> Restored {
    match Json::parse(text) {
        Ok(v) => restore_value(&v),
        Err(e) => Restored::Corrupt {
            reason: e.to_string(),
        },
    }
}

/// [`restore`] for a parsed text.
fn restore_value(v: &Json) -> Restored {
    let mut lineage = Vec::new();
    if let Some(Json::Array(items)) = v.get("lineage") {
        for item in items.iter().take(MAX_LINEAGE * 2) {
            if let Json::Array(pair) = item {
                if let [Json::Number(n), Json::String(w)] = pair.as_slice() {
                    // Writer ids are short: a longer one is not ours, and would be carried on.
                    if *n >= 0.0 && n.fract() == 0.0 && w.len() <= 64 {
                        lineage.push((*n as u64, w.clone()));
                    }
                }
            }
        }
    }
    let drafts = match v.get("drafts") {
        Some(Json::Array(items)) => items.iter().filter_map(read_draft).collect(),
        _ => Vec::new(),
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
        _ => (v.clone(), 0, String::new()),
    };
    let parsed = Assessment::from_json(&body);
    match parsed.value {
        Some(assessment) => Restored::Saved {
            assessment: Box::new(assessment),
            rev,
            writer,
            problems: parsed.problems,
            drafts,
            lineage,
        },
        None => Restored::Corrupt {
            reason: parsed
                .problems
                .first()
                .map_or_else(|| "no assessment".into(), ToString::to_string),
        },
    }
}

fn read_draft(v: &Json) -> Option<Draft> {
    let text = |k: &str| v.get(k).and_then(Json::as_str);
    let typed = text("text").filter(|t| t.len() <= MAX_DRAFT_LEN)?;
    Some(Draft {
        indicator: text("indicator")?.to_string(),
        text: typed.to_string(),
        lang: Lang::from_tag(text("lang").unwrap_or("id")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::Value;

    fn saved(text: &str) -> (Assessment, Vec<Draft>) {
        match restore(text) {
            Restored::Saved {
                assessment, drafts, ..
            } => (*assessment, drafts),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn drafts_come_back_with_their_language() {
        let mut a = Assessment::new("spbe-2020", "2020.1");
        a.set_value("spbe-01", Value::Number(2.0));
        let drafts = vec![
            Draft {
                indicator: "spbe-02".into(),
                text: "1.500".into(),
                lang: Lang::Id,
            },
            Draft {
                indicator: "spbe-03".into(),
                text: "3,5x \"quoted\"".into(),
                lang: Lang::En,
            },
        ];
        let text = save_text(&a, &drafts, 1, "w", "2026-11-27T10:00:00Z");
        assert_eq!(saved(&text), (a, drafts));
    }

    #[test]
    fn long_drafts_are_neither_saved_nor_read() {
        let a = Assessment::new("s", "1");
        let draft = |n: usize| Draft {
            indicator: "x".into(),
            text: "9".repeat(n),
            lang: Lang::Id,
        };
        let text = save_text(
            &a,
            &[draft(MAX_DRAFT_LEN + 1), draft(MAX_DRAFT_LEN)],
            1,
            "w",
            "t",
        );
        assert_eq!(saved(&text).1, [draft(MAX_DRAFT_LEN)]);
        let only_long = save_text(&a, &[draft(6_000_000)], 1, "w", "t");
        assert!(only_long.len() < 300, "{}", only_long.len());
        let hand_written = format!(
            r#"{{"format":"swanilai-save/1","assessment":{{"setId":"s","setVersion":"1"}},
               "drafts":[{{"indicator":"x","text":"{}"}}]}}"#,
            "9".repeat(MAX_DRAFT_LEN + 1)
        );
        assert_eq!(saved(&hand_written).1, []);
    }

    #[test]
    fn a_save_without_drafts_has_no_drafts_key() {
        let a = Assessment::new("s", "1");
        let text = save_text(&a, &[], 1, "w", "t");
        assert!(!text.contains("drafts"), "{text}");
        assert_eq!(saved(&text).1, Vec::new());
    }

    #[test]
    fn unreadable_drafts_are_left_out_and_the_answers_kept() {
        let text = r#"{"format":"swanilai-save/1","rev":2,"writer":"w",
            "assessment":{"setId":"s","setVersion":"1","answers":{"a":{"value":1}}},
            "drafts":[{"indicator":"a","text":"x"},{"indicator":7,"text":"y"},{"text":"z"},
                      "nonsense",{"indicator":"b","text":"2,5","lang":"en-GB"}]}"#;
        let (a, drafts) = saved(text);
        assert_eq!(a.answers.len(), 1);
        let got: Vec<(&str, &str, Lang)> = drafts
            .iter()
            .map(|d| (d.indicator.as_str(), d.text.as_str(), d.lang))
            .collect();
        assert_eq!(got, [("a", "x", Lang::Id), ("b", "2,5", Lang::En)]);
        let not_a_list = text
            .replace(r#""drafts":["#, r#""drafts":{"k":["#)
            .replace("}]}", "}]}}");
        assert_eq!(saved(&not_a_list).1, Vec::new());
    }

    #[test]
    fn a_lineage_keeps_only_rev_and_writer_pairs() {
        let long = "w".repeat(65);
        let text = format!(
            r#"{{"format":"swanilai-save/1","rev":9,"writer":"w",
            "assessment":{{"setId":"s","setVersion":"1","answers":{{}}}},
            "lineage":[[3,"a"],5,[6],[7,"b","x"],[-1,"c"],[2.5,"d"],["8","e"],[8,"{long}"],[8,"f"]]}}"#
        );
        let Restored::Saved { lineage, .. } = restore(&text) else {
            panic!("{text}")
        };
        assert_eq!(lineage, [(3, "a".to_string()), (8, "f".to_string())]);
        let many: Vec<(u64, String)> = (0..200).map(|r| (r, "w".to_string())).collect();
        let text = save_text_with(&Assessment::new("s", "1"), &[], 1, "w", "t", &many);
        let Restored::Saved { lineage, .. } = restore(&text) else {
            panic!("{text}")
        };
        assert_eq!(
            lineage.len(),
            MAX_LINEAGE * 2,
            "a tampered save is read only so far"
        );
    }

    #[test]
    fn lineage_keeps_the_newest_once_each() {
        let mut l: Vec<(u64, String)> = Vec::new();
        let many: Vec<(u64, String)> = (0..MAX_LINEAGE as u64 + 10)
            .rev()
            .map(|r| (r, format!("w{}", r % 3)))
            .collect();
        join_lineage(&mut l, &many);
        join_lineage(&mut l, &many);
        assert_eq!(l.len(), MAX_LINEAGE);
        assert!(l.iter().all(|(r, _)| *r >= 10), "{l:?}");
        // The same rev by two writers is two saves.
        let mut two = vec![(5, "a".to_string())];
        join_lineage(&mut two, &[(5, "b".into())]);
        assert_eq!(two.len(), 2);
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))] // the built-in sets are native only
    fn drafts_are_kept_only_where_they_still_apply() {
        let set = crate::builtin::get("spbe-2020").expect("built in");
        let scorer = crate::Scorer::new(&set);
        let typed = (0..scorer.indicator_count()).find(|&i| {
            matches!(
                scorer.indicator(i).answer,
                crate::model::AnswerKind::Score
                    | crate::model::AnswerKind::Number { .. }
                    | crate::model::AnswerKind::Percent { .. }
            )
        });
        let level = scorer.indicator(0).id.clone();
        let draft = |id: &str, text: &str| Draft {
            indicator: id.into(),
            text: text.into(),
            lang: Lang::Id,
        };
        let mut drafts = vec![draft("gone", "12x"), draft(&level, "abc")];
        if let Some(i) = typed {
            let id = scorer.indicator(i).id.clone();
            drafts.push(draft(&id, "3x"));
            drafts.push(draft(&id, "1"));
        }
        let (kept, dropped) = place_drafts(&scorer, drafts);
        assert_eq!(
            dropped[..2],
            ["gone: 12x".to_string(), format!("{level}: abc")]
        );
        if let Some(i) = typed {
            assert_eq!(kept, [(i, "3x".to_string(), Lang::Id)]);
            assert_eq!(dropped.len(), 3);
        }
    }
}
