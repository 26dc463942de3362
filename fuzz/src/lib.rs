//! What the fuzz targets do with their input, as plain functions: the cargo-fuzz targets
//! (fuzz_targets/) call them with libFuzzer's bytes, and the main crate's bounded replay
//! (tests/fuzz.rs, run by `cargo test`) includes this file with `#[path]` and calls them with
//! a fixed-seed proptest stream and the committed seeds in fuzz/seeds/. Each function panics
//! only when an invariant breaks.

use swanilai::export::{Integrity, canonical, export_document, open_assessment, open_export};
use swanilai::json::to_json;
use swanilai::{
    Assessment, IndicatorSet, Json, Lang, Scorer, Value, advise_with, autosave, builtin,
    candidates, compare, report_csv, validate_assessment,
};

/// The built-in sets, and the hostile corpus's base set, compiled once per process.
pub fn sets() -> &'static [IndicatorSet] {
    use std::sync::OnceLock;
    static SETS: OnceLock<Vec<IndicatorSet>> = OnceLock::new();
    SETS.get_or_init(|| {
        let mut v: Vec<IndicatorSet> = builtin::BUILTINS
            .iter()
            .filter_map(|b| builtin::get(b.id))
            .collect();
        let base = include_str!("../../tests/hostile/base-set.json");
        v.push(
            IndicatorSet::from_json_str(base)
                .value
                .expect("base set is valid"),
        );
        v
    })
}

/// Any bytes as a set (as the browser reads a file: invalid UTF-8 becomes U+FFFD).
pub fn set_bytes(data: &[u8]) {
    set_text(&String::from_utf8_lossy(data));
}

/// A set's text: reading never panics; an accepted set scores sensibly.
pub fn set_text(text: &str) {
    let parsed = IndicatorSet::from_json_str(text);
    // A refused set says why; an accepted one may still carry warnings.
    assert!(
        parsed.value.is_some() || !parsed.problems.is_empty(),
        "refused without a problem"
    );
    assert!(parsed.problems.len() <= swanilai::MAX_PROBLEMS);
    if let Some(set) = parsed.value {
        for best in [true, false] {
            exercise(&set, &answered(&set, best));
        }
    }
}

/// Any bytes as an assessment, against every known set, and as a saved or exported file.
pub fn assessment_bytes(data: &[u8]) {
    assessment_text(&String::from_utf8_lossy(data));
}

/// An assessment's text: reading, validating, scoring, the autosave and import paths.
pub fn assessment_text(text: &str) {
    let parsed = Assessment::from_json_str(text);
    assert!(parsed.problems.len() <= swanilai::MAX_PROBLEMS);
    if let Some(a) = &parsed.value {
        for set in sets() {
            let problems = validate_assessment(set, a);
            assert!(problems.len() <= swanilai::MAX_PROBLEMS);
        }
        // Scored against its own set, or the base set (the last) when it names none known.
        let own = sets().iter().find(|s| s.id == a.set_id);
        exercise(own.unwrap_or(&sets()[sets().len() - 1]), a);
        // The autosave format keeps every answer, and every draft.
        let drafts: Vec<autosave::Draft> = a
            .answers
            .keys()
            .take(2)
            .map(|k| autosave::Draft {
                indicator: k.clone(),
                text: format!("{k} \u{0}\"x"),
                lang: swanilai::Lang::En,
            })
            .collect();
        let saved = autosave::save_text(a, &drafts, 7, "w1", "2026-11-27T00:00:00Z");
        match autosave::restore(&saved) {
            autosave::Restored::Saved {
                assessment,
                rev,
                drafts: back,
                ..
            } => {
                assert_eq!(rev, 7);
                assert_eq!(back, drafts, "drafts lost in a save");
                assert_eq!(
                    assessment.answers.len(),
                    a.answers.len(),
                    "answers lost in a save"
                );
            }
            other => panic!("a fresh save does not restore: {other:?}"),
        }
    }
    let _ = autosave::restore(text);
    let opened = open_assessment(text);
    if opened.integrity == Integrity::Intact {
        assert!(opened.assessment.is_some() || !opened.problems.is_empty());
    }
}

/// Bytes driving answers to one of the known sets: the first byte picks the set, then each
/// indicator takes a few bytes for its answer (any number, boolean, option or text, notes).
pub fn score_bytes(data: &[u8]) {
    let Some((&pick, mut rest)) = data.split_first() else {
        return;
    };
    let set = &sets()[usize::from(pick) % sets().len()];
    let mut a = Assessment::new(&set.id, &set.version);
    let mut take = |n: usize| -> Option<&[u8]> {
        (rest.len() >= n).then(|| {
            let (head, tail) = rest.split_at(n);
            rest = tail;
            head
        })
    };
    for ind in set.indicators() {
        let Some(&[kind]) = take(1) else { break };
        let value = match kind % 8 {
            0 => None,
            1 => take(8).map(|b| Value::Number(f64::from_le_bytes(b.try_into().expect("8 bytes")))),
            2 => take(1).map(|b| Value::Number(f64::from(b[0] % 8))),
            3 => take(1).map(|b| Value::Bool(b[0] & 1 == 1)),
            4 => take(1).map(|b| {
                let c = candidates(&ind.answer, &set.scale);
                c.get(usize::from(b[0]) % c.len().max(1))
                    .map_or(Value::Bool(true), |(v, _)| v.clone())
            }),
            5 => {
                take(2).map(|b| Value::Number(f64::from(i16::from_le_bytes([b[0], b[1]])) / 100.0))
            }
            6 => take(1).map(|b| Value::Text(String::from_utf8_lossy(&[b[0]]).into_owned())),
            _ => take(4).map(|b| {
                Value::Number(f64::from(f32::from_le_bytes(
                    b.try_into().expect("4 bytes"),
                )))
            }),
        };
        let answer = a.answers.entry(ind.id.clone()).or_default();
        answer.value = value;
        if kind & 0x80 != 0 {
            answer.notes = "bukti".into();
        }
    }
    exercise(set, &a);
}

/// Every best (or worst) candidate answer.
fn answered(set: &IndicatorSet, best: bool) -> Assessment {
    let mut a = Assessment::new(&set.id, &set.version);
    for ind in set.indicators() {
        let c = candidates(&ind.answer, &set.scale);
        if let Some((v, _)) = if best { c.last() } else { c.first() } {
            a.set_value(&ind.id, v.clone());
        }
    }
    a
}

/// Scores, advises, compares and exports; panics on a score off the scale, a gain that is not
/// finite, an export that does not open intact or canonical JSON that does not round-trip.
pub fn exercise(set: &IndicatorSet, a: &Assessment) {
    let scorer = Scorer::new(set);
    let report = scorer.score(a);
    let (lo, hi) = (set.scale.min, set.scale.max);
    let on_scale = |what: &str, v: Option<f64>| {
        if let Some(v) = v {
            assert!(
                v.is_finite() && v >= lo && v <= hi,
                "{what} {v} is off the scale {lo}-{hi}"
            );
        }
    };
    on_scale("overall", report.overall.value);
    on_scale("overall shown", report.overall.shown);
    for g in &report.groups {
        on_scale(&g.id, g.score.value);
    }
    for i in &report.indicators {
        on_scale(&i.id, i.score.value);
        assert!(i.effective_weight > 0.0 && i.effective_weight <= 1.0 + 1e-9);
    }
    for t in &report.tags {
        on_scale(&t.tag, t.score.value);
    }
    assert!((0.0..=1.0).contains(&report.completeness.by_weight));
    let advice = advise_with(&scorer, a, Some(5));
    for r in &advice.recommendations {
        assert!(
            r.best.gain.is_finite() && r.next.gain.is_finite(),
            "gain not finite"
        );
    }
    let c = compare(set, &Assessment::new(&set.id, &set.version), a);
    assert!(c.overall.change.is_none_or(f64::is_finite));
    let _ = report_csv(set, a, &report, Lang::Id, "2026-01-01T00:00:00Z");
    let content = Json::Object(vec![
        (
            "assessment".into(),
            to_json(a).expect("an assessment becomes JSON"),
        ),
        (
            "report".into(),
            to_json(&report).expect("a report becomes JSON"),
        ),
    ]);
    let once = canonical(&content);
    let again = canonical(&Json::parse(&once).expect("canonical JSON parses"));
    assert_eq!(once, again, "canonical JSON does not round-trip");
    let file = export_document(content, "2026-11-27T00:00:00Z");
    let opened = open_export(&Json::parse(&file).expect("an export parses"));
    assert_eq!(
        opened.integrity,
        Integrity::Intact,
        "a fresh export is not intact"
    );
}
