//! Problem codes that a vector file in `tests/vectors/` cannot hold: inputs past the
//! engine's limits (too large to commit as data) and non-finite numbers (which JSON text
//! cannot express; they arrive as JavaScript values).

// Native only: builds large documents with std only, but sized for a native test run.
#![cfg(not(target_arch = "wasm32"))]

use swanilai::{Code, IndicatorSet, Json, MAX_PROBLEMS, json::MAX_BYTES, validate::MAX_INDICATORS};

/// A set text with `n` indicators of weight `weight`, 500 to a group (well inside any
/// per-group limit, so each test meets only the limit it is about).
fn set_text(n: usize, weight: &str) -> String {
    let inds: Vec<String> = (0..n)
        .map(|i| {
            format!(r#"{{"id":"i{i}","title":"I","weight":{weight},"answer":{{"kind":"score"}}}}"#)
        })
        .collect();
    let groups: Vec<String> = inds
        .chunks(500)
        .enumerate()
        .map(|(g, chunk)| {
            format!(
                r#"{{"id":"g{g}","title":"G","indicators":[{}]}}"#,
                chunk.join(",")
            )
        })
        .collect();
    format!(
        r#"{{"id":"v","version":"1","title":"V","predicates":[{{"min":0,"max":5,"label":"A"}}],
            "groups":[{}]}}"#,
        groups.join(",")
    )
}

#[test]
fn more_indicators_than_the_limit_is_too_many() {
    let parsed = IndicatorSet::from_json_str(&set_text(MAX_INDICATORS + 1, "1"));
    let codes: Vec<(&str, Code)> = parsed
        .problems
        .iter()
        .map(|p| (p.path.as_str(), p.code))
        .collect();
    assert_eq!(codes, [("groups", Code::TooMany)]);
    assert!(parsed.value.is_none());
    // At the limit itself the set is fine.
    assert!(
        IndicatorSet::from_json_str(&set_text(MAX_INDICATORS, "1"))
            .problems
            .is_empty()
    );
}

#[test]
fn problems_past_the_cap_are_counted_not_listed() {
    let n = MAX_PROBLEMS + 500;
    let parsed = IndicatorSet::from_json_str(&set_text(n, "0"));
    assert_eq!(parsed.problems.len(), MAX_PROBLEMS);
    let last = parsed.problems.last().expect("problems");
    assert_eq!((last.path.as_str(), last.code), ("", Code::TooMany));
    let listed = MAX_PROBLEMS - 1;
    let en = last.message.en.as_deref().unwrap_or_default();
    assert!(en.starts_with(&format!("{} ", n - listed)), "{en}");
    assert!(
        parsed.problems[..listed]
            .iter()
            .all(|p| p.code == Code::WeightNotPositive)
    );
}

#[test]
fn text_larger_than_the_limit_is_too_large() {
    let mut text = set_text(1, "1");
    text.push_str(&" ".repeat(MAX_BYTES + 1 - text.len()));
    let parsed = IndicatorSet::from_json_str(&text);
    assert_eq!(parsed.problems.len(), 1);
    assert_eq!(parsed.problems[0].code, Code::TooLarge);
}

/// Replaces every number equal to `from` by `to`.
fn replace_number(v: Json, from: f64, to: f64) -> Json {
    match v {
        Json::Number(n) if n == from => Json::Number(to),
        Json::Array(items) => Json::Array(
            items
                .into_iter()
                .map(|x| replace_number(x, from, to))
                .collect(),
        ),
        Json::Object(pairs) => Json::Object(
            pairs
                .into_iter()
                .map(|(k, x)| (k, replace_number(x, from, to)))
                .collect(),
        ),
        other => other,
    }
}

#[test]
fn a_non_finite_number_from_javascript_is_not_finite() {
    let v = Json::parse(&set_text(2, "1234.5")).expect("valid JSON");
    for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        let parsed = IndicatorSet::from_json(&replace_number(v.clone(), 1234.5, bad));
        let codes: Vec<(&str, Code)> = parsed
            .problems
            .iter()
            .map(|p| (p.path.as_str(), p.code))
            .collect();
        assert_eq!(
            codes,
            [
                ("groups[0].indicators[0].weight", Code::NotFinite),
                ("groups[0].indicators[1].weight", Code::NotFinite),
            ],
            "{bad}"
        );
    }
}

#[test]
fn assignment_problems_past_the_cap_are_counted_not_listed() {
    // A set as large as allowed and as many bad assignments, two problems each: all are
    // counted, only the first listed, in the same list as the answers' problems.
    let set = IndicatorSet::from_json_str(&set_text(MAX_INDICATORS, "1"))
        .value
        .expect("a valid set");
    let n = MAX_INDICATORS;
    let assignments: Vec<String> = (0..n)
        .map(|i| format!(r#""i{i}":{{"unit":"nobody","due":"2026-02-30"}}"#))
        .collect();
    let text = format!(
        r#"{{"setId":"v","setVersion":"1","units":[{{"id":"bappeda","name":"Bappeda"}}],
            "assignments":{{{}}}}}"#,
        assignments.join(",")
    );
    let a = swanilai::Assessment::from_json_str(&text)
        .value
        .expect("readable");
    let started = std::time::Instant::now();
    let problems = swanilai::validate_assessment(&set, &a);
    let took = started.elapsed();
    assert_eq!(problems.len(), MAX_PROBLEMS);
    let last = problems.last().expect("a last problem");
    assert_eq!(last.code, Code::TooMany);
    let more = 2 * n - (MAX_PROBLEMS - 1);
    assert!(
        last.message
            .en
            .as_deref()
            .unwrap_or("")
            .starts_with(&format!("{more} more")),
        "{last}"
    );
    assert!(
        took.as_secs() < 10,
        "validating {n} assignments took {took:?}"
    );
}
