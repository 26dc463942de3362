//! Whether a hostile case's outcome matches tests/hostile/cases.json. Shared, through
//! `#[path]`, by tests/hostile.rs (native) and tests/hostile_web.rs (WebAssembly), so both
//! hold the engine to the same list.

use std::fmt::Write as _;

use swanilai::Json;

fn str_of<'a>(case: &'a Json, key: &str) -> Option<&'a str> {
    case.get(key).and_then(Json::as_str)
}

/// `(path, code)` pairs; a `null` path in the manifest matches any path.
fn expected(case: &Json, key: &str) -> Option<Vec<(Option<String>, String)>> {
    let list = case.get(key)?.as_array().expect("a list of problems");
    Some(
        list.iter()
            .map(|p| {
                (
                    str_of(p, "path").map(String::from),
                    str_of(p, "code").expect("a problem has a code").to_string(),
                )
            })
            .collect(),
    )
}

/// Why an outcome (whether the document was accepted, its problems as `(path, code)`, the
/// integrity verdict of an import, failed extra checks) does not match its case, if it does not.
pub fn mismatch(
    case: &Json,
    accepted: bool,
    actual: &[(String, String)],
    integrity: Option<&str>,
    notes: &[String],
) -> Option<String> {
    let mut why = String::new();
    let want_accepted = matches!(case.get("accepted"), Some(Json::Bool(true)));
    if accepted != want_accepted {
        let _ = writeln!(why, "accepted: {accepted}, want {want_accepted}");
    }
    if let Some(Json::String(i)) = case.get("integrity") {
        let have = integrity.unwrap_or("");
        if have != i {
            let _ = writeln!(why, "integrity: {have}, want {i}");
        }
    }
    let matches = |(path, code): &(Option<String>, String), (p, c): &(String, String)| {
        code == c && path.as_ref().is_none_or(|path| path == p)
    };
    if let Some(want) = expected(case, "problems") {
        // The complete list, in any order.
        let mut left = actual.to_vec();
        for w in &want {
            match left.iter().position(|a| matches(w, a)) {
                Some(k) => {
                    left.remove(k);
                }
                None => {
                    let _ = writeln!(why, "missing problem {w:?}");
                }
            }
        }
        for a in left {
            let _ = writeln!(why, "unexpected problem {a:?}");
        }
    }
    if let Some(want) = expected(case, "includes") {
        for w in &want {
            if !actual.iter().any(|a| matches(w, a)) {
                let _ = writeln!(why, "missing problem {w:?}");
            }
        }
    }
    if let Some(Json::Number(n)) = case.get("count") {
        if actual.len() != *n as usize {
            let _ = writeln!(why, "{} problems, want {n}", actual.len());
        }
    }
    for n in notes {
        let _ = writeln!(why, "{n}");
    }
    (!why.is_empty()).then(|| {
        let shown: Vec<String> = actual
            .iter()
            .take(12)
            .map(|(p, c)| format!("{p} {c}"))
            .collect();
        format!("{why}  got: [{}]", shown.join(", "))
    })
}
