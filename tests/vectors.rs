//! Data-driven test vectors: one JSON file per behaviour in `tests/vectors/`.
//!
//! Each file holds
//!
//! ```json
//! { "about": "what the single behaviour is and how the expected value was worked out",
//!   "set": { ... } | "raw JSON text", or "builtin": "spbe-2020",
//!   "assessment": { ... } | "raw JSON text",
//!   "previous": { ... },            // for "compare"
//!   "limit": 3,                     // for "advise" (optional)
//!   "base": { ... }, "returned": [ ... ], "choices": { ... },   // for "merge"
//!   "date": "2026-07-01",           // for "progress"
//!   "check": "score" | "advise" | "compare" | "set-problems" | "assessment-problems" | "merge"
//!          | "progress" | "carry-forward",     // "carry-forward": from "previous" into "assessment"
//!   "published": { ... },           // a held-out published result (score only, see `held_out`)
//!   "expected": ... }
//! ```
//!
//! The runner computes the engine's output for `check`, serializes it to JSON (problems
//! reduced to `path`, `code` and `severity`, and the check's findings without their
//! `message`: messages are prose and may be reworded) and
//! compares it with `expected`. Numbers agree when they differ by at most 1e-9 relative:
//! the expected values were computed independently in Python (`tests/vectors/oracle.py`),
//! which may sum in another order. Strings, booleans, nulls, keys and lengths must match
//! exactly. A set or assessment given as a string is parsed as raw JSON text, for cases a
//! JSON object cannot hold (syntax errors, duplicate keys).
//!
//! A `merge` case cuts each returned share the way `swanilai share` does, then edits it:
//! `{ "file": "bkpsdm.json", "unit": "bkpsdm", "cutFrom": { an older base, for a stale
//! return }, "answers": { "<id>": answer | null (cleared) }, "updatedAt", "setId", "carried",
//! "region": { ... } (overrides), "exported": true (wrapped in an export document),
//! "tamper": ["from", "to"] (a text replacement after export) }`, or gives the file's
//! `"text"` as it is. `choices` maps an indicator to `base`, a file or a unit.
//!
//! Each file is a test of its own, named after the file (libtest-mimic's harness: a failure
//! names its file, and `cargo test --test vectors -- part-of-a-name` runs the matching ones).
//! Each `score`, `compare` and `advise` file is also checked by the independent Python oracle
//! (`oracle::<name>`; it needs `python3`): the oracle runs once over the directory and each
//! file's test reports its disagreements. New files are picked up without registering them.
//! `VECTORS_DUMP=file.json` also writes every vector's output, as computed here, to that file
//! (`{ "<vector file name>": output }`): tests/e2e/reliability-determinism.test.mjs compares
//! the WebAssembly build's outputs with it, value for value.
//! `REPLACE=1 cargo test --test vectors` rewrites `expected` in every file from the
//! engine's output (the oracle's tests are left out of that run); review the diff and run
//! the tests again, oracle included, before committing it.

// Native only: serde_json and proptest are not built for wasm32.
// The harness is libtest-mimic's (`harness = false`), native only: a wasm32 build of this file
// is empty and has no `main`.
#![cfg_attr(target_arch = "wasm32", no_main)]
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::sync::OnceLock;

use libtest_mimic::{Arguments, Failed, Trial};

use serde_json::{Map, Value as J};
use swanilai::carry::carry_forward;
use swanilai::export::{export_document, open_assessment};
use swanilai::progress::progress;
use swanilai::share::{Choice, MergeReport, Returned, cut_share, merge};
use swanilai::{
    Assessment, IndicatorSet, Problem, Scorer, advise_with, builtin, compare, validate_assessment,
};

const KEYS: [&str; 14] = [
    "about",
    "date",
    "base",
    "returned",
    "choices",
    "set",
    "builtin",
    "assessment",
    "previous",
    "limit",
    "check",
    "expected",
    "computation",
    "published",
];

fn vector_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/vectors exists")
        .map(|e| e.expect("readable directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

/// A document given inline as an object, or as raw JSON text in a string.
fn text_of(v: &J) -> String {
    match v {
        J::String(s) => s.clone(),
        other => serde_json::to_string(other).expect("a JSON value serializes"),
    }
}

fn problems_json(problems: &[Problem]) -> J {
    J::Array(
        problems
            .iter()
            .map(|p| {
                serde_json::json!({
                    "path": p.path,
                    "code": p.code.as_str(),
                    "severity": serde_json::to_value(p.severity).expect("severity serializes"),
                })
            })
            .collect(),
    )
}

/// Replaces every `problems` list in an engine output by its path/code/severity form.
fn reduce_problems(v: &mut J) {
    match v {
        J::Object(map) => {
            for (k, item) in map.iter_mut() {
                if k == "findings" {
                    if let J::Array(list) = item {
                        for f in list.iter_mut() {
                            if let J::Object(o) = f {
                                o.remove("message");
                            }
                        }
                    }
                } else if k == "problems" {
                    if let J::Array(list) = item {
                        for p in list.iter_mut() {
                            if let J::Object(o) = p {
                                o.retain(|k, _| matches!(k.as_str(), "path" | "code" | "severity"));
                            }
                        }
                    }
                } else {
                    reduce_problems(item);
                }
            }
        }
        J::Array(list) => list.iter_mut().for_each(reduce_problems),
        _ => {}
    }
}

fn set_of(case: &Map<String, J>) -> Result<IndicatorSet, String> {
    match (case.get("set"), case.get("builtin")) {
        (Some(s), None) => {
            let parsed = IndicatorSet::from_json_str(&text_of(s));
            parsed.value.ok_or_else(|| {
                let list: Vec<String> = parsed.problems.iter().map(|p| p.to_string()).collect();
                format!("the set is invalid:\n  {}", list.join("\n  "))
            })
        }
        (None, Some(J::String(id))) => {
            builtin::get(id).ok_or_else(|| format!("no built-in set `{id}`"))
        }
        _ => Err("give exactly one of `set` or `builtin` (a string)".into()),
    }
}

fn assessment_of(case: &Map<String, J>, key: &str) -> Result<(Assessment, Vec<Problem>), String> {
    let v = case.get(key).ok_or_else(|| format!("`{key}` is missing"))?;
    let parsed = Assessment::from_json_str(&text_of(v));
    let problems = parsed.problems;
    parsed
        .value
        .map(|a| (a, problems))
        .ok_or_else(|| format!("`{key}` could not be read at all"))
}

/// The engine's output for a case.
fn actual(case: &Map<String, J>) -> Result<J, String> {
    let check = case
        .get("check")
        .and_then(J::as_str)
        .ok_or("`check` is missing")?;
    let to_json = |v: Result<J, serde_json::Error>| v.map_err(|e| e.to_string());
    let mut out = match check {
        "set-problems" => {
            let s = case.get("set").ok_or("`set` is missing")?;
            problems_json(&IndicatorSet::from_json_str(&text_of(s)).problems)
        }
        "assessment-problems" => {
            let set = set_of(case)?;
            let (a, mut problems) = assessment_of(case, "assessment")?;
            problems.extend(validate_assessment(&set, &a));
            problems_json(&problems)
        }
        "score" => {
            let set = set_of(case)?;
            let (a, _) = assessment_of(case, "assessment")?;
            to_json(serde_json::to_value(Scorer::new(&set).score(&a)))?
        }
        "advise" => {
            let set = set_of(case)?;
            let (a, _) = assessment_of(case, "assessment")?;
            let limit = match case.get("limit") {
                None => None,
                Some(n) => Some(n.as_u64().ok_or("`limit` must be a whole number")? as usize),
            };
            to_json(serde_json::to_value(advise_with(
                &Scorer::new(&set),
                &a,
                limit,
            )))?
        }
        "check" => {
            let set = set_of(case)?;
            let (a, _) = assessment_of(case, "assessment")?;
            to_json(serde_json::to_value(swanilai::check::check(
                &Scorer::new(&set),
                &a,
            )))?
        }
        "compare" => {
            let set = set_of(case)?;
            let (previous, _) = assessment_of(case, "previous")?;
            let (current, _) = assessment_of(case, "assessment")?;
            to_json(serde_json::to_value(compare(&set, &previous, &current)))?
        }
        "merge" => to_json(serde_json::to_value(merged(case)?))?,
        "carry-forward" => {
            let set = set_of(case)?;
            let (previous, _) = assessment_of(case, "previous")?;
            let (mut current, _) = assessment_of(case, "assessment")?;
            let carried = carry_forward(&set, &previous, &mut current);
            serde_json::json!({ "carried": carried, "assessment": current })
        }
        "progress" => {
            let set = set_of(case)?;
            let (a, _) = assessment_of(case, "assessment")?;
            let date = case
                .get("date")
                .and_then(J::as_str)
                .ok_or("`date` is missing")?;
            to_json(serde_json::to_value(progress(&set, &a, date)))?
        }
        other => return Err(format!("unknown check `{other}`")),
    };
    reduce_problems(&mut out);
    Ok(out)
}

/// The text of one returned file of a `merge` case.
fn returned_text(base: &Assessment, r: &Map<String, J>) -> Result<String, String> {
    if let Some(J::String(text)) = r.get("text") {
        return Ok(text.clone());
    }
    let from = match r.get("cutFrom") {
        Some(v) => Assessment::from_json_str(&text_of(v))
            .value
            .ok_or("`cutFrom` could not be read")?,
        None => base.clone(),
    };
    let unit = r
        .get("unit")
        .and_then(J::as_str)
        .ok_or("`unit` is missing")?;
    let share = cut_share(&from, unit, "Koordinator", Some("2026-03-01T08:00:00Z"))
        .map_err(|p| p.to_string())?;
    let mut v = serde_json::to_value(&share).map_err(|e| e.to_string())?;
    for (k, x) in r {
        match k.as_str() {
            "answers" => {
                for (id, a) in x.as_object().ok_or("`answers` must be an object")? {
                    match a {
                        J::Null => v["answers"].as_object_mut().map(|m| m.remove(id)),
                        a => v["answers"]
                            .as_object_mut()
                            .map(|m| m.insert(id.clone(), a.clone())),
                    };
                }
            }
            "updatedAt" | "setId" | "region" | "carried" => v[k.as_str()] = x.clone(),
            "file" | "unit" | "cutFrom" | "exported" | "tamper" => {}
            other => return Err(format!("unknown key `{other}` in a returned file")),
        }
    }
    let mut text = serde_json::to_string(&v).map_err(|e| e.to_string())?;
    if r.get("exported") == Some(&J::Bool(true)) {
        let content = swanilai::Json::parse(&format!("{{\"assessment\":{text}}}"))
            .map_err(|e| e.to_string())?;
        text = export_document(content, "2026-03-10T08:00:00Z");
    }
    if let Some([J::String(from), J::String(to)]) =
        r.get("tamper").and_then(J::as_array).map(Vec::as_slice)
    {
        text = text.replace(from.as_str(), to);
    }
    Ok(text)
}

/// The merge report of a `merge` case.
fn merged(case: &Map<String, J>) -> Result<MergeReport, String> {
    let set = set_of(case)?; // the set the base is of: the JavaScript API merges on a set
    let (base, _) = assessment_of(case, "base")?;
    if base.set_id != set.id {
        return Err(format!(
            "the base is of set `{}`, not `{}`",
            base.set_id, set.id
        ));
    }
    let list = case
        .get("returned")
        .and_then(J::as_array)
        .ok_or("`returned` must be an array")?;
    let mut files = Vec::new();
    for r in list {
        let r = r.as_object().ok_or("each returned file is an object")?;
        let file = r
            .get("file")
            .and_then(J::as_str)
            .ok_or("`file` is missing")?;
        files.push(Returned {
            file: file.to_string(),
            opened: open_assessment(&returned_text(&base, r)?),
        });
    }
    let choices: Vec<Choice> = match case.get("choices") {
        None => Vec::new(),
        Some(J::Object(m)) => m
            .iter()
            .map(|(k, v)| Choice {
                indicator: k.clone(),
                take: v.as_str().unwrap_or_default().to_string(),
            })
            .collect(),
        Some(_) => return Err("`choices` must be an object".into()),
    };
    Ok(merge(&base, &files, &choices, Some("2026-04-01T08:00:00Z")))
}

/// A held-out published result (`"published": { "epsilon", "index", "dimensions": { group:
/// value }, "pillars": { tag: value } }`): the engine's index, top-level groups and tags lie
/// within `epsilon` (plus 1e-9 for binary arithmetic) of the published values, which are
/// rounded to two decimals.
fn held_out(published: &J, report: &J) -> Result<(), String> {
    let num = |v: &J, what: &str| v.as_f64().ok_or(format!("`{what}` is not a number"));
    let eps = num(&published["epsilon"], "published.epsilon")? + 1e-9;
    let near = |what: String, got: Option<f64>, want: f64| match got {
        Some(g) if (g - want).abs() <= eps => Ok(()),
        _ => Err(format!(
            "held out: {what} is {got:?}, more than {eps} from the published {want}"
        )),
    };
    near(
        "the index".into(),
        report["overall"]["value"].as_f64(),
        num(&published["index"], "published.index")?,
    )?;
    let list = |key: &str| report[key].as_array().cloned().unwrap_or_default();
    for (field, key, id) in [("dimensions", "groups", "id"), ("pillars", "tags", "tag")] {
        for (name, want) in published[field].as_object().into_iter().flatten() {
            let got = list(key)
                .iter()
                .find(|x| x[id] == name.as_str() && x["depth"].as_u64().unwrap_or(1) == 1)
                .and_then(|x| x["score"]["value"].as_f64());
            near(format!("{field}.{name}"), got, num(want, name)?)?;
        }
    }
    Ok(())
}

fn numbers_agree(a: f64, b: f64) -> bool {
    a == b || (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

fn short(v: Option<&J>) -> String {
    let Some(v) = v else {
        return "(absent)".into();
    };
    let s = v.to_string();
    if s.chars().count() > 200 {
        format!("{}…", s.chars().take(200).collect::<String>())
    } else {
        s
    }
}

/// The path of the first node where `actual` differs from `expected`, with both values.
fn first_diff(expected: &J, actual: &J, path: &str) -> Option<(String, String, String)> {
    let here = || {
        Some((
            if path.is_empty() {
                "(root)".into()
            } else {
                path.to_string()
            },
            short(Some(expected)),
            short(Some(actual)),
        ))
    };
    match (expected, actual) {
        (J::Number(e), J::Number(a)) => {
            let (e, a) = (e.as_f64()?, a.as_f64()?);
            if numbers_agree(e, a) { None } else { here() }
        }
        (J::Object(e), J::Object(a)) => {
            for (k, ev) in e {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                match a.get(k) {
                    Some(av) => {
                        if let Some(d) = first_diff(ev, av, &p) {
                            return Some(d);
                        }
                    }
                    None => return Some((p, short(Some(ev)), short(None))),
                }
            }
            a.iter().find(|(k, _)| !e.contains_key(*k)).map(|(k, av)| {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                (p, short(None), short(Some(av)))
            })
        }
        (J::Array(e), J::Array(a)) => {
            for (i, (ev, av)) in e.iter().zip(a).enumerate() {
                if let Some(d) = first_diff(ev, av, &format!("{path}[{i}]")) {
                    return Some(d);
                }
            }
            match e.len().cmp(&a.len()) {
                std::cmp::Ordering::Equal => None,
                std::cmp::Ordering::Less => Some((
                    format!("{path}[{}]", e.len()),
                    short(None),
                    short(a.get(e.len())),
                )),
                std::cmp::Ordering::Greater => Some((
                    format!("{path}[{}]", a.len()),
                    short(e.get(a.len())),
                    short(None),
                )),
            }
        }
        (e, a) => {
            if e == a {
                None
            } else {
                here()
            }
        }
    }
}

fn run(file: &Path, replace: bool) -> Result<(), String> {
    let text = std::fs::read_to_string(file).map_err(|e| e.to_string())?;
    let mut case: Map<String, J> =
        serde_json::from_str(&text).map_err(|e| format!("not a JSON object: {e}"))?;
    if let Some(k) = case.keys().find(|k| !KEYS.contains(&k.as_str())) {
        return Err(format!("unknown key `{k}` (known: {})", KEYS.join(", ")));
    }
    let got = actual(&case)?;
    if let Some(p) = case.get("published") {
        held_out(p, &got)?;
    }
    if replace {
        if case.get("expected") != Some(&got) {
            case.insert("expected".into(), got);
            let mut out = serde_json::to_string_pretty(&case).map_err(|e| e.to_string())?;
            out.push('\n');
            std::fs::write(file, out).map_err(|e| e.to_string())?;
        }
        return Ok(());
    }
    let expected = case
        .get("expected")
        .ok_or("`expected` is missing (run with REPLACE=1 to write it)")?;
    match first_diff(expected, &got, "") {
        None => Ok(()),
        Some((path, e, a)) => Err(format!(
            "differs at {path}\n    expected: {e}\n    actual:   {a}"
        )),
    }
}

/// What `python3 tests/vectors/oracle.py` said, run once for all the files.
struct Oracle {
    /// How many vector files it read.
    seen: usize,
    /// How many disagreements its summary line counts.
    disagreements: usize,
    /// Whether it exited with status 0.
    success: bool,
    /// Its disagreements, by vector file name.
    by_file: BTreeMap<String, Vec<String>>,
}

fn oracle() -> &'static Result<Oracle, String> {
    static RESULT: OnceLock<Result<Oracle, String>> = OnceLock::new();
    RESULT.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let out = Command::new("python3")
            .arg(root.join("tests/vectors/oracle.py"))
            .current_dir(root)
            .output()
            .map_err(|e| format!("could not run python3 tests/vectors/oracle.py: {e}"))?;
        let stdout = String::from_utf8_lossy(&out.stdout);
        let summary = stdout.lines().last().unwrap_or_default();
        // "<n> vectors, <m> disagreements with the oracle"
        let counts: Option<(usize, usize)> = summary.split_once(" vectors, ").and_then(|(n, m)| {
            let m = m.split_once(' ')?.0;
            Some((n.parse().ok()?, m.parse().ok()?))
        });
        let (seen, disagreements) = counts.ok_or_else(|| {
            format!(
                "the oracle ended without its summary line ({}):\n{stdout}\n{}",
                out.status,
                String::from_utf8_lossy(&out.stderr)
            )
        })?;
        let mut by_file: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for line in stdout.lines() {
            if let Some((file, why)) = line.split_once(".json: ") {
                by_file
                    .entry(format!("{file}.json"))
                    .or_default()
                    .push(why.to_string());
            }
        }
        Ok(Oracle {
            seen,
            disagreements,
            success: out.status.success(),
            by_file,
        })
    })
}

/// The oracle's verdict on one file.
fn oracle_agrees(name: &str) -> Result<(), Failed> {
    let oracle = oracle().as_ref().map_err(|e| Failed::from(e.as_str()))?;
    match oracle.by_file.get(name) {
        None => Ok(()),
        Some(why) => Err(format!("the Python oracle disagrees:\n  {}", why.join("\n  ")).into()),
    }
}

/// Whether the oracle recomputes this file's `check` (problem vectors are written by hand).
fn oracle_checks(file: &Path) -> bool {
    let text = std::fs::read_to_string(file).unwrap_or_default();
    serde_json::from_str::<Map<String, J>>(&text)
        .ok()
        .and_then(|c| c.get("check").and_then(J::as_str).map(String::from))
        .is_some_and(|c| matches!(c.as_str(), "score" | "compare" | "advise"))
}

fn dump(path: &std::ffi::OsStr, files: &[PathBuf]) {
    let mut out = Map::new();
    for file in files {
        let text = std::fs::read_to_string(file).expect("a readable vector");
        let case: Map<String, J> = serde_json::from_str(&text).expect("a JSON object");
        if let Ok(got) = actual(&case) {
            let name = file.file_name().unwrap_or_default().to_string_lossy();
            out.insert(name.into_owned(), got);
        }
    }
    let text = serde_json::to_string(&out).expect("outputs serialize");
    std::fs::write(path, text).expect("VECTORS_DUMP is writable");
}

fn main() -> ExitCode {
    let args = Arguments::from_args();
    let replace = std::env::var_os("REPLACE").is_some_and(|v| v == "1");
    let files = vector_files();
    if let Some(path) = std::env::var_os("VECTORS_DUMP") {
        dump(&path, &files);
    }
    let mut trials = vec![
        Trial::test("no_test_attribute_left_unregistered", || {
            // libtest-mimic runs only the trials listed here: a function marked as a test in this
            // file would compile away silently.
            let marker = concat!("#[", "test]");
            if include_str!("vectors.rs").contains(marker) {
                return Err(
                    "a function marked as a test in this file never runs: list it in main()".into(),
                );
            }
            Ok(())
        }),
        Trial::test("vector_names_are_unique_behaviours", || {
            vector_names_are_unique_behaviours();
            Ok(())
        }),
        Trial::test("vectors_exist_and_the_oracle_saw_each", {
            let n = files.len();
            let oracled: Vec<String> = files
                .iter()
                .filter(|f| oracle_checks(f))
                .map(|f| {
                    f.file_name()
                        .unwrap_or_default()
                        .to_string_lossy()
                        .into_owned()
                })
                .collect();
            move || {
                if n < 10 {
                    return Err(format!("only {n} vectors found in tests/vectors").into());
                }
                if replace {
                    return Ok(()); // the oracle is not run while files are being rewritten
                }
                let oracle = oracle().as_ref().map_err(|e| Failed::from(e.as_str()))?;
                if oracle.seen != n {
                    let seen = oracle.seen;
                    return Err(format!("the oracle read {seen} vectors, the harness {n}").into());
                }
                if oracled.is_empty() {
                    return Err("no score, compare or advise vector for the oracle".into());
                }
                // Every disagreement it counted is one a file's test reports, and it exits
                // non-zero exactly when there is one (as `python3 tests/vectors/oracle.py` is
                // also run by hand).
                let listed: usize = oracle.by_file.values().map(Vec::len).sum();
                if listed != oracle.disagreements {
                    let m = oracle.disagreements;
                    return Err(
                        format!("the oracle counted {m} disagreements, listed {listed}").into(),
                    );
                }
                if let Some(f) = oracle.by_file.keys().find(|f| !oracled.contains(*f)) {
                    return Err(
                        format!("the oracle disagrees on {f}, which no test reports").into(),
                    );
                }
                if oracle.success != (oracle.disagreements == 0) {
                    let (m, ok) = (oracle.disagreements, oracle.success);
                    return Err(format!(
                        "the oracle exited with success {ok} after {m} disagreements"
                    )
                    .into());
                }
                Ok(())
            }
        }),
    ];
    for file in files {
        let name = file
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let stem = name.trim_end_matches(".json").to_string();
        if !replace && oracle_checks(&file) {
            trials.push(Trial::test(format!("oracle::{stem}"), {
                let name = name.clone();
                move || oracle_agrees(&name)
            }));
        }
        trials.push(Trial::test(stem, move || {
            run(&file, replace).map_err(|e| {
                format!("{name}: {e}\n(REPLACE=1 rewrites `expected` from the engine's output)")
                    .into()
            })
        }));
    }
    libtest_mimic::run(&args, trials).exit_code()
}

fn vector_names_are_unique_behaviours() {
    // One behaviour per file: names are kebab-case and say what is checked.
    for file in vector_files() {
        let stem = file.file_stem().unwrap_or_default().to_string_lossy();
        assert!(
            stem.len() >= 8
                && stem
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "vector file name `{stem}` should be a kebab-case behaviour name"
        );
    }
}
