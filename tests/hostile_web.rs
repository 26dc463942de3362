//! The hostile-input corpus (tests/hostile/cases.json) through the WebAssembly API, in
//! headless Chromium: `loadSet`, `SetHandle.validate`, `openExport`, called as a page calls
//! them. Every case must give the problems listed for it, exactly as natively
//! (tests/hostile.rs), and nothing may panic: a panic aborts the module and fails the run.
//! Accepted sets are scored, advised, compared and exported through the API too.
//!
//! Run: `CHROMEDRIVER=/usr/bin/chromedriver wasm-pack test --headless --chrome -- --test hostile_web`.

// Browser only: a native build of this file is empty.
#![cfg(target_arch = "wasm32")]

#[path = "hostile/check.rs"]
mod check;
#[path = "hostile/generate.rs"]
mod generate;

use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

use swanilai::json::to_json;
use swanilai::web::{load_set, open_export_js};
use swanilai::{Assessment, IndicatorSet, Json, candidates, export::canonical};

wasm_bindgen_test_configure!(run_in_browser);

const MANIFEST: &str = include_str!("hostile/cases.json");

/// Every file of the corpus (tests/hostile.rs checks that none is missing).
const FILES: &[(&str, &[u8])] = &[
    (
        "assessment-baseline.json",
        include_bytes!("hostile/assessment-baseline.json"),
    ),
    (
        "assessment-bom.json",
        include_bytes!("hostile/assessment-bom.json"),
    ),
    (
        "assessment-duplicate-keys.json",
        include_bytes!("hostile/assessment-duplicate-keys.json"),
    ),
    (
        "assessment-fraction-level.json",
        include_bytes!("hostile/assessment-fraction-level.json"),
    ),
    (
        "set-from-previous-misused.json",
        include_bytes!("hostile/set-from-previous-misused.json"),
    ),
    (
        "set-from-previous-nothing-left.json",
        include_bytes!("hostile/set-from-previous-nothing-left.json"),
    ),
    (
        "assessment-links-not-web.json",
        include_bytes!("hostile/assessment-links-not-web.json"),
    ),
    (
        "assessment-html-and-script-text.json",
        include_bytes!("hostile/assessment-html-and-script-text.json"),
    ),
    (
        "assessment-huge-numbers.json",
        include_bytes!("hostile/assessment-huge-numbers.json"),
    ),
    (
        "assessment-nan.json",
        include_bytes!("hostile/assessment-nan.json"),
    ),
    (
        "assessment-negative-zero.json",
        include_bytes!("hostile/assessment-negative-zero.json"),
    ),
    (
        "assessment-nesting-1000.json",
        include_bytes!("hostile/assessment-nesting-1000.json"),
    ),
    (
        "assessment-odd-answer-ids.json",
        include_bytes!("hostile/assessment-odd-answer-ids.json"),
    ),
    (
        "assessment-other-set.json",
        include_bytes!("hostile/assessment-other-set.json"),
    ),
    (
        "assessment-other-version.json",
        include_bytes!("hostile/assessment-other-version.json"),
    ),
    (
        "assessment-root-array.json",
        include_bytes!("hostile/assessment-root-array.json"),
    ),
    (
        "assessment-rtl-emoji-text.json",
        include_bytes!("hostile/assessment-rtl-emoji-text.json"),
    ),
    (
        "assessment-unknown-fields.json",
        include_bytes!("hostile/assessment-unknown-fields.json"),
    ),
    (
        "assessment-wrong-types.json",
        include_bytes!("hostile/assessment-wrong-types.json"),
    ),
    ("base-set.json", include_bytes!("hostile/base-set.json")),
    (
        "export-hash-capitals.json",
        include_bytes!("hostile/export-hash-capitals.json"),
    ),
    (
        "export-intact.json",
        include_bytes!("hostile/export-intact.json"),
    ),
    (
        "export-no-hash.json",
        include_bytes!("hostile/export-no-hash.json"),
    ),
    (
        "export-other-format.json",
        include_bytes!("hostile/export-other-format.json"),
    ),
    (
        "export-tampered.json",
        include_bytes!("hostile/export-tampered.json"),
    ),
    ("not-json.json", include_bytes!("hostile/not-json.json")),
    (
        "set-answers-empty.json",
        include_bytes!("hostile/set-answers-empty.json"),
    ),
    (
        "set-bad-escape.json",
        include_bytes!("hostile/set-bad-escape.json"),
    ),
    (
        "set-bad-ids.json",
        include_bytes!("hostile/set-bad-ids.json"),
    ),
    (
        "set-bands-unordered.json",
        include_bytes!("hostile/set-bands-unordered.json"),
    ),
    ("set-bom.json", include_bytes!("hostile/set-bom.json")),
    (
        "set-comments.json",
        include_bytes!("hostile/set-comments.json"),
    ),
    (
        "set-control-character.json",
        include_bytes!("hostile/set-control-character.json"),
    ),
    (
        "set-decimals-fraction.json",
        include_bytes!("hostile/set-decimals-fraction.json"),
    ),
    (
        "set-double-bom.json",
        include_bytes!("hostile/set-double-bom.json"),
    ),
    (
        "set-duplicate-ids.json",
        include_bytes!("hostile/set-duplicate-ids.json"),
    ),
    (
        "set-duplicate-keys.json",
        include_bytes!("hostile/set-duplicate-keys.json"),
    ),
    (
        "set-empty-file.json",
        include_bytes!("hostile/set-empty-file.json"),
    ),
    (
        "set-empty-object.json",
        include_bytes!("hostile/set-empty-object.json"),
    ),
    (
        "set-groups-five-deep.json",
        include_bytes!("hostile/set-groups-five-deep.json"),
    ),
    (
        "set-html-and-script-text.json",
        include_bytes!("hostile/set-html-and-script-text.json"),
    ),
    (
        "set-infinity-literal.json",
        include_bytes!("hostile/set-infinity-literal.json"),
    ),
    (
        "set-invalid-utf8.json",
        include_bytes!("hostile/set-invalid-utf8.json"),
    ),
    (
        "set-level-score-1e308.json",
        include_bytes!("hostile/set-level-score-1e308.json"),
    ),
    (
        "set-linear-range-too-wide.json",
        include_bytes!("hostile/set-linear-range-too-wide.json"),
    ),
    (
        "set-lone-surrogates.json",
        include_bytes!("hostile/set-lone-surrogates.json"),
    ),
    (
        "set-nan-literal.json",
        include_bytes!("hostile/set-nan-literal.json"),
    ),
    (
        "set-nesting-1000.json",
        include_bytes!("hostile/set-nesting-1000.json"),
    ),
    (
        "set-nesting-65.json",
        include_bytes!("hostile/set-nesting-65.json"),
    ),
    (
        "set-number-1e400.json",
        include_bytes!("hostile/set-number-1e400.json"),
    ),
    (
        "set-predicate-empty-band.json",
        include_bytes!("hostile/set-predicate-empty-band.json"),
    ),
    (
        "set-predicates-huge-bounds.json",
        include_bytes!("hostile/set-predicates-huge-bounds.json"),
    ),
    (
        "set-root-array.json",
        include_bytes!("hostile/set-root-array.json"),
    ),
    (
        "set-root-null.json",
        include_bytes!("hostile/set-root-null.json"),
    ),
    (
        "set-root-number.json",
        include_bytes!("hostile/set-root-number.json"),
    ),
    (
        "set-root-string.json",
        include_bytes!("hostile/set-root-string.json"),
    ),
    (
        "set-rtl-emoji-text.json",
        include_bytes!("hostile/set-rtl-emoji-text.json"),
    ),
    (
        "set-scale-1e308.json",
        include_bytes!("hostile/set-scale-1e308.json"),
    ),
    (
        "set-signed-unicode-escape.json",
        include_bytes!("hostile/set-signed-unicode-escape.json"),
    ),
    (
        "set-single-quotes.json",
        include_bytes!("hostile/set-single-quotes.json"),
    ),
    (
        "set-trailing-comma.json",
        include_bytes!("hostile/set-trailing-comma.json"),
    ),
    (
        "set-truncated.json",
        include_bytes!("hostile/set-truncated.json"),
    ),
    (
        "set-two-documents.json",
        include_bytes!("hostile/set-two-documents.json"),
    ),
    (
        "set-unknown-fields.json",
        include_bytes!("hostile/set-unknown-fields.json"),
    ),
    (
        "set-weight-negative-zero.json",
        include_bytes!("hostile/set-weight-negative-zero.json"),
    ),
    (
        "set-weight-sum-overflows-with-scores.json",
        include_bytes!("hostile/set-weight-sum-overflows-with-scores.json"),
    ),
    (
        "set-weights-subnormal.json",
        include_bytes!("hostile/set-weights-subnormal.json"),
    ),
    (
        "set-weights-sum-to-infinity.json",
        include_bytes!("hostile/set-weights-sum-to-infinity.json"),
    ),
    (
        "set-weights-underflow.json",
        include_bytes!("hostile/set-weights-underflow.json"),
    ),
    (
        "set-wrong-types.json",
        include_bytes!("hostile/set-wrong-types.json"),
    ),
];

fn file(name: &str) -> String {
    let (_, bytes) = FILES
        .iter()
        .find(|(n, _)| *n == name)
        .unwrap_or_else(|| panic!("{name} is not in FILES"));
    // As the browser's File.text() reads it: invalid UTF-8 becomes U+FFFD.
    String::from_utf8_lossy(bytes).into_owned()
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

/// Calls `obj[method](...args)` from JavaScript; a throw fails the test with its message.
fn call(obj: &JsValue, method: &str, args: &[JsValue]) -> JsValue {
    let f: Function = get(obj, method)
        .dyn_into()
        .unwrap_or_else(|_| panic!("`{method}` is not a method"));
    f.apply(obj, &args.iter().collect::<Array>())
        .unwrap_or_else(|e| panic!("{method} threw {e:?}"))
}

fn pairs(problems: &JsValue) -> Vec<(String, String)> {
    Array::from(problems)
        .iter()
        .map(|p| {
            (
                get(&p, "path").as_string().unwrap_or_default(),
                get(&p, "code").as_string().unwrap_or_default(),
            )
        })
        .collect()
}

/// A handle for the set an assessment or import case names (a corpus file).
fn handle_for(case: &Json) -> JsValue {
    let name = case.get("set").and_then(Json::as_str).expect("a `set`");
    let h = load_set(JsValue::from_str(&file(name))).expect("loadSet does not throw");
    assert!(!Array::is_array(&h), "{name} is a valid set");
    h
}

/// Scores, advises, compares and exports an assessment of every best (or worst) answer
/// through the handle; notes numbers off the scale and exports that do not open intact.
fn exercise(h: &JsValue, set_text: &str, notes: &mut Vec<String>) {
    let Some(set) = IndicatorSet::from_json_str(set_text).value else {
        notes.push("the handle's set does not read natively".into());
        return;
    };
    let (lo, hi) = (set.scale.min, set.scale.max);
    for best in [true, false] {
        let mut a = Assessment::new(&set.id, &set.version);
        for ind in set.indicators() {
            let c = candidates(&ind.answer, &set.scale);
            if let Some((v, _)) = if best { c.last() } else { c.first() } {
                a.set_value(&ind.id, v.clone());
            }
        }
        let text = JsValue::from_str(&canonical(&to_json(&a).expect("to JSON")));
        let report = call(h, "score", std::slice::from_ref(&text));
        for v in [get(&get(&report, "overall"), "value")].into_iter().chain(
            Array::from(&get(&report, "groups"))
                .iter()
                .map(|g| get(&get(&g, "score"), "value")),
        ) {
            if let Some(v) = v.as_f64() {
                if !v.is_finite() || v < lo || v > hi {
                    notes.push(format!("a score of {v} is off the scale {lo}-{hi}"));
                }
            }
        }
        let opts = Object::new();
        Reflect::set(&opts, &"limit".into(), &5.into()).expect("set");
        call(h, "advise", &[text.clone(), opts.into()]);
        call(h, "compare", &[call(h, "newAssessment", &[]), text.clone()]);
        call(h, "csv", &[text.clone(), "en".into()]);
        let export = call(h, "exportJson", &[text, "2026-11-27T00:00:00Z".into()]);
        let opened = open_export_js(export.as_string().expect("export text")).expect("openExport");
        if get(&opened, "integrity").as_string().as_deref() != Some("intact") {
            notes.push("its own export does not open as intact".into());
        }
    }
}

/// The answers a case says must be kept are own properties of the JavaScript assessment.
fn kept(case: &Json, assessment: &JsValue, notes: &mut Vec<String>) {
    let answers = get(assessment, "answers");
    for id in case.get("kept").and_then(Json::as_array).unwrap_or(&[]) {
        let id = id.as_str().expect("a string");
        if !has_own(&answers, id) {
            notes.push(format!(
                "the answer to {id:?} is not an own property in JavaScript"
            ));
        }
    }
}

#[wasm_bindgen(
    inline_js = "export function hasOwn(o, k) { return Object.prototype.hasOwnProperty.call(o, k); }"
)]
extern "C" {
    /// `Object.hasOwn`, as a page would check it (`__proto__` must be an own answer).
    #[wasm_bindgen(js_name = hasOwn)]
    fn has_own(o: &JsValue, k: &str) -> bool;
}

fn run(case: &Json) -> Result<(), String> {
    let kind = case.get("kind").and_then(Json::as_str).unwrap_or("");
    let text = match (
        case.get("file").and_then(Json::as_str),
        case.get("generate"),
    ) {
        (Some(f), _) => file(f),
        (None, Some(spec)) => generate::generate(spec),
        _ => return Err("a case needs `file` or `generate`".into()),
    };
    let mut notes = Vec::new();
    let (accepted, problems, integrity) = match kind {
        "set" => {
            let h =
                load_set(JsValue::from_str(&text)).map_err(|e| format!("loadSet threw {e:?}"))?;
            if Array::is_array(&h) {
                (false, pairs(&h), None)
            } else {
                if let Some(want) = case.get("title").and_then(Json::as_str) {
                    let title = get(&get(&call(&h, "toJSON", &[]), "title"), "id");
                    if title.as_string().as_deref() != Some(want) {
                        notes.push(format!("title read as {title:?}"));
                    }
                }
                // Natively every accepted set is exercised (tests/hostile.rs, with time
                // budgets); here the generated megabytes are only read, to keep the
                // unoptimised test build within the runner's timeout.
                if case.get("generate").is_none() {
                    exercise(&h, &text, &mut notes);
                }
                (true, pairs(&get(&h, "warnings")), None)
            }
        }
        "assessment" => {
            let h = handle_for(case);
            let problems = pairs(&call(&h, "validate", &[JsValue::from_str(&text)]));
            let opened = call(&h, "openFile", &[JsValue::from_str(&text)]);
            let a = get(&opened, "assessment");
            if !a.is_null() {
                kept(case, &a, &mut notes);
                // Scored through the handle as the text it came in.
                call(&h, "score", &[JsValue::from_str(&text)]);
            }
            (!a.is_null(), problems, None)
        }
        "import" => {
            let h = handle_for(case);
            let opened = call(&h, "openFile", &[JsValue::from_str(&text)]);
            let mut problems = pairs(&get(&opened, "problems"));
            let a = get(&opened, "assessment");
            if !a.is_null() {
                kept(case, &a, &mut notes);
                problems.extend(pairs(&call(&h, "validate", std::slice::from_ref(&a))));
            }
            (
                !a.is_null(),
                problems,
                get(&opened, "integrity").as_string(),
            )
        }
        other => return Err(format!("unknown kind {other}")),
    };
    match check::mismatch(case, accepted, &problems, integrity.as_deref(), &notes) {
        None => Ok(()),
        Some(why) => Err(why),
    }
}

/// Lets the browser run its event loop: the test runner polls the page for output, and
/// ChromeDriver gives up on a renderer that does not answer for 30 s (the whole corpus, in an
/// unoptimised build on a busy machine, takes about that long).
async fn breathe() {
    let later = js_sys::Promise::new(&mut |resolve, _| {
        let window = web_sys::window().expect("a window");
        let _ = window.set_timeout_with_callback(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(later).await;
}

#[wasm_bindgen_test]
async fn every_hostile_case_returns_the_same_problems_in_webassembly() {
    let manifest = Json::parse(MANIFEST).expect("cases.json");
    let cases = manifest
        .get("cases")
        .and_then(Json::as_array)
        .expect("cases");
    let mut failures = Vec::new();
    let mut slow = Vec::new();
    for case in cases {
        breathe().await;
        let name = case.get("name").and_then(Json::as_str).unwrap_or("?");
        let t0 = js_sys::Date::now();
        if let Err(why) = run(case) {
            failures.push(format!(
                "{name}:\n  {}",
                why.trim_end().replace('\n', "\n  ")
            ));
        }
        let ms = js_sys::Date::now() - t0;
        if ms > 1000.0 {
            slow.push(format!("{name} {:.1}s", ms / 1000.0));
        }
    }
    wasm_bindgen_test::console_log!(
        "hostile corpus in wasm: {} cases; over a second: {}",
        cases.len(),
        slow.join(", ")
    );
    assert!(
        failures.is_empty(),
        "hostile cases failed in wasm:\n{}",
        failures.join("\n")
    );
}

/// JavaScript values JSON text cannot hold: NaN, Infinity, functions, nesting built in code.
#[wasm_bindgen(inline_js = r#"
export function hostileObjects(baseText) {
  const nan = JSON.parse(baseText);
  nan.groups[0].weight = NaN;
  nan.scale.max = Infinity;
  nan.groups[1].weight = -Infinity;
  const fn = JSON.parse(baseText);
  fn.title = () => 'x';
  let deep = [];
  const root = JSON.parse(baseText);
  root.description = deep;
  for (let k = 0; k < 1000; k++) { const next = []; deep.push(next); deep = next; }
  return { nan, fn, deep: root };
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = hostileObjects)]
    fn hostile_objects(base_text: &str) -> JsValue;
}

#[wasm_bindgen_test]
fn javascript_values_json_cannot_hold_are_problems_not_panics() {
    let objects = hostile_objects(&file("base-set.json"));
    let problems = |key: &str| {
        let r = load_set(get(&objects, key)).expect("loadSet does not throw");
        assert!(Array::is_array(&r), "{key}: the set is refused");
        pairs(&r)
    };
    let nan = problems("nan");
    for (path, code) in [
        ("groups[0].weight", "not-finite"),
        ("groups[1].weight", "not-finite"),
        ("scale.max", "not-finite"),
    ] {
        assert!(
            nan.contains(&(path.to_string(), code.to_string())),
            "{path} {code} in {nan:?}"
        );
    }
    assert_eq!(
        problems("fn"),
        vec![("title".to_string(), "wrong-type".to_string())]
    );
    let deep = problems("deep");
    assert_eq!(deep.len(), 1, "{deep:?}");
    assert_eq!(deep[0].1, "too-deep");
    assert!(deep[0].0.starts_with("description[0][0]"), "{deep:?}");
}
