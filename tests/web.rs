//! The JavaScript API in headless Chromium, called the way a page calls it: through the
//! objects and camelCase methods wasm-bindgen generates (`handle.score(a)`, not the Rust
//! functions behind them).
//!
//! Run: `CHROMEDRIVER=/usr/bin/chromedriver wasm-pack test --headless --chrome`.

// Browser only: a native build of this file is empty.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Function, JSON, Object, Reflect};
use wasm_bindgen::JsCast;
use wasm_bindgen::convert::TryFromJsValue;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

use swanilai::web::{SetHandle, Widget, builtin_sets, load_set, mount_widget, version};

wasm_bindgen_test_configure!(run_in_browser);

/// Each built-in set, its hand-computed example and the native build's outputs for it.
const EXAMPLES: [(&str, &str, &str, &str); 4] = [
    (
        "spbe-2020",
        include_str!("../sets/spbe-2020.json"),
        include_str!("builtin/spbe-2020.example.json"),
        include_str!("builtin/spbe-2020.outputs.json"),
    ),
    (
        "smart-city-evaluasi",
        include_str!("../sets/smart-city-evaluasi.json"),
        include_str!("builtin/smart-city-evaluasi.example.json"),
        include_str!("builtin/smart-city-evaluasi.outputs.json"),
    ),
    (
        "gm100sc-kesiapan",
        include_str!("../sets/gm100sc-kesiapan.json"),
        include_str!("builtin/gm100sc-kesiapan.example.json"),
        include_str!("builtin/gm100sc-kesiapan.outputs.json"),
    ),
    (
        "pemdi-2026",
        include_str!("../sets/pemdi-2026.json"),
        include_str!("builtin/pemdi-2026.example.json"),
        include_str!("builtin/pemdi-2026.outputs.json"),
    ),
];

/// The advice limit of the committed outputs (tests/outputs.rs).
const ADVICE_LIMIT: f64 = 5.0;

const SPBE: &str = EXAMPLES[0].1;

/// A set with errors: a negative weight, an empty group, no predicates.
const BROKEN_SET: &str = r#"{"id": "rusak", "version": "1", "title": "Rusak", "predicates": [],
    "groups": [{"id": "g", "title": "G", "weight": -1, "indicators": []}]}"#;

#[wasm_bindgen(inline_js = r#"
// Records addEventListener/removeEventListener and setInterval/clearInterval calls from
// now on, so a test can tell whether everything added was taken away again.
export function spyOnListeners() {
  const proto = EventTarget.prototype;
  const add = proto.addEventListener;
  const remove = proto.removeEventListener;
  const setInt = window.setInterval;
  const clearInt = window.clearInterval;
  const live = [];
  const intervals = new Set();
  let added = 0;
  proto.addEventListener = function (type, fn, opts) {
    if (!live.some((l) => l.t === this && l.type === type && l.fn === fn)) {
      live.push({ t: this, type, fn });
      added++;
    }
    return add.call(this, type, fn, opts);
  };
  proto.removeEventListener = function (type, fn, opts) {
    const i = live.findIndex((l) => l.t === this && l.type === type && l.fn === fn);
    if (i >= 0) live.splice(i, 1);
    return remove.call(this, type, fn, opts);
  };
  window.setInterval = function (...args) {
    const id = setInt.apply(window, args);
    intervals.add(id);
    return id;
  };
  window.clearInterval = function (id) {
    intervals.delete(id);
    return clearInt.call(window, id);
  };
  return {
    added: () => added,
    live: () => live.length + intervals.size,
    restore() {
      proto.addEventListener = add;
      proto.removeEventListener = remove;
      window.setInterval = setInt;
      window.clearInterval = clearInt;
    },
  };
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = spyOnListeners)]
    fn spy_on_listeners() -> JsValue;
}

// ------------------------------------------------------------------ helpers

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).unwrap_or_else(|_| panic!("cannot read `{key}`"))
}

fn get_str(v: &JsValue, key: &str) -> String {
    get(v, key)
        .as_string()
        .unwrap_or_else(|| panic!("`{key}` is not a string: {}", stringify(v)))
}

/// Calls `obj[method](...args)` from JavaScript; a throw is returned as `Err`.
fn call(obj: &JsValue, method: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let f: Function = get(obj, method)
        .dyn_into()
        .unwrap_or_else(|_| panic!("`{method}` is not a method"));
    f.apply(obj, &args.iter().collect::<Array>())
}

/// Calls a method that must not throw.
fn ok(obj: &JsValue, method: &str, args: &[JsValue]) -> JsValue {
    call(obj, method, args).unwrap_or_else(|e| panic!("{method} threw {e:?}"))
}

fn parse(text: &str) -> JsValue {
    JSON::parse(text).expect("JSON text")
}

fn stringify(v: &JsValue) -> String {
    JSON::stringify(v)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| format!("{v:?}"))
}

fn array(v: &JsValue) -> Array {
    assert!(Array::is_array(v), "not an array: {}", stringify(v));
    v.clone().unchecked_into()
}

fn codes(problems: &JsValue) -> Vec<(String, String)> {
    array(problems)
        .iter()
        .map(|p| (get_str(&p, "path"), get_str(&p, "code")))
        .collect()
}

/// Loads a set through `loadSet`; panics with its problems if it has errors.
fn handle(set: &JsValue) -> JsValue {
    let h = load_set(set.clone()).expect("loadSet does not throw");
    assert!(!Array::is_array(&h), "problems: {}", stringify(&h));
    h
}

/// Every object key in `v`, recursively (but not the ids that key an assessment's answers).
fn keys(v: &JsValue, out: &mut Vec<String>) {
    if Array::is_array(v) {
        for item in array(v).iter() {
            keys(&item, out);
        }
    } else if v.is_object() {
        for k in Object::keys(v.unchecked_ref::<Object>()).iter() {
            let k = k.as_string().expect("a string key");
            if k != "answers" {
                keys(&get(v, &k), out);
            }
            out.push(k);
        }
    }
}

fn is_camel_case(k: &str) -> bool {
    k.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && k.chars().all(|c| c.is_ascii_alphanumeric())
}

// ------------------------------------------------------------------ the API

#[wasm_bindgen_test]
fn version_and_builtin_sets_are_plain_data() {
    assert_eq!(version(), env!("CARGO_PKG_VERSION"));
    let sets = builtin_sets().expect("builtinSets");
    let ids: Vec<String> = array(&sets).iter().map(|s| get_str(&s, "id")).collect();
    assert_eq!(
        ids,
        [
            "gm100sc-kesiapan",
            "pemdi-2026",
            "smart-city-evaluasi",
            "spbe-2020"
        ]
    );
    for s in array(&sets).iter() {
        assert!(!get_str(&s, "titleId").is_empty());
        assert!(!get_str(&s, "titleEn").is_empty());
    }
}

/// Numbers read and write in the browser exactly as natively: the same text, so an export's
/// SHA-256 is the same in the CLI and in the widget, and the spreadsheet rounding breaks a tie
/// the same way (JavaScript's `toExponential(14)` gives …813 for the first value below).
#[wasm_bindgen_test]
fn numbers_read_and_write_as_natively() {
    use swanilai::num::{display, exponent, fifteen_digits, fixed, json, parse};
    let digits = |x: f64| {
        fifteen_digits(x)
            .0
            .iter()
            .map(|d| d.to_string())
            .collect::<String>()
    };
    assert_eq!(digits(123456789.0078125), "123456789007812");
    assert_eq!(digits(123456789.0234375), "123456789023438");
    assert_eq!(digits(2.675), "267500000000000");
    // Ties between two shortest forms (a browser's Number takes the even one, Rust the upper).
    assert_eq!(display(64.0 + 2f64.powi(-15)), "64.00003051757813");
    assert_eq!(display(1.0 + 2f64.powi(-17)), "1.0000076293945313");
    assert_eq!(json(8_956_241_015_792.0 + 0.5625), "8956241015792.563");
    // 17 digits, exponents, extremes.
    assert_eq!(json(0.1 + 0.2), "0.30000000000000004");
    assert_eq!(json(1.5e300), "1.5e300");
    assert_eq!(json(-2.5e-8), "-2.5e-8");
    assert_eq!(exponent(f64::MAX), "1.7976931348623157e308");
    assert_eq!(exponent(5e-324), "5e-324");
    assert_eq!(fixed(1e23, 1), "99999999999999991611392.0");
    assert_eq!(fixed(6e-26, 25), "0.0000000000000000000000001");
    assert_eq!(parse("0.30000000000000004"), Some(0.1 + 0.2));
    assert_eq!(parse("9007199254740993"), Some(9007199254740992.0));
    assert_eq!(parse("1e400"), Some(f64::INFINITY));
    assert_eq!(parse("2.4703282292062328e-324"), Some(5e-324));
}

#[wasm_bindgen_test]
fn load_set_takes_an_object_or_json_text() {
    for set in [parse(SPBE), JsValue::from_str(SPBE)] {
        let h = handle(&set);
        assert_eq!(get_str(&h, "id"), "spbe-2020");
        assert_eq!(get_str(&h, "version"), "2020.1");
        assert_eq!(array(&get(&h, "warnings")).length(), 0);
        let back = ok(&h, "toJSON", &[]);
        assert_eq!(get_str(&back, "id"), "spbe-2020");
        let a = ok(&h, "newAssessment", &[]);
        assert_eq!(get_str(&a, "setId"), "spbe-2020");
        assert_eq!(get_str(&a, "setVersion"), "2020.1");
    }
}

#[wasm_bindgen_test]
fn a_broken_set_returns_its_problems_as_data() {
    let problems = load_set(parse(BROKEN_SET)).expect("problems are returned, not thrown");
    let found = codes(&problems);
    for want in [
        ("groups[0].weight", "weight-not-positive"),
        ("groups[0]", "group-empty"),
        ("predicates", "predicates-empty"),
    ] {
        assert!(
            found.contains(&(want.0.into(), want.1.into())),
            "{want:?} not in {found:?}"
        );
    }
    for p in array(&problems).iter() {
        assert_eq!(get_str(&p, "severity"), "error");
        let message = get(&p, "message");
        assert!(!get_str(&message, "id").is_empty());
        assert!(!get_str(&message, "en").is_empty());
    }
    // Not JSON, not an object, nothing at all: still problems, never an exception.
    let cases = [
        JsValue::from_str("{\"id\": "),
        JsValue::from_f64(42.0),
        JsValue::UNDEFINED,
        Function::new_no_args("return 1").into(),
    ];
    for v in cases {
        let p = load_set(v.clone()).expect("never throws");
        assert!(array(&p).length() > 0, "{v:?} gave no problems");
    }
    assert_eq!(
        codes(&load_set("{\"id\": ".into()).unwrap())[0].1,
        "json-syntax"
    );
}

#[wasm_bindgen_test]
fn validate_returns_problems_for_a_bad_assessment() {
    let h = handle(&parse(SPBE));
    let good = ok(&h, "newAssessment", &[]);
    assert_eq!(array(&ok(&h, "validate", &[good])).length(), 0);
    let bad = parse(
        r#"{"setId": "spbe-2020", "setVersion": "2020.1",
            "answers": {"spbe-01": {"value": 9}, "spbe-02": {"value": "tinggi"}, "nope": {"value": 1}}}"#,
    );
    let found = codes(&ok(&h, "validate", std::slice::from_ref(&bad)));
    for want in [
        ("answers.spbe-01.value", "value-out-of-range"),
        ("answers.spbe-02.value", "value-wrong-type"),
        ("answers.nope", "unknown-indicator"),
    ] {
        assert!(
            found.contains(&(want.0.into(), want.1.into())),
            "{want:?} not in {found:?}"
        );
    }
    // The report scores what is valid and lists the rest.
    let report = ok(&h, "score", &[bad]);
    assert!(array(&get(&report, "problems")).length() >= 3);
    // Garbage is data too.
    for v in [
        JsValue::from_str("]"),
        JsValue::NULL,
        JsValue::from_f64(1.0),
    ] {
        assert!(array(&ok(&h, "validate", &[v])).length() > 0);
    }
}

#[wasm_bindgen_test]
fn every_key_in_every_result_is_camel_case() {
    let (_, set, example, _) = EXAMPLES[2];
    let h = handle(&parse(set));
    let a = get(&parse(example), "assessment");
    let empty = ok(&h, "newAssessment", &[]);
    let opts = Object::new();
    Reflect::set(&opts, &"limit".into(), &3.into()).unwrap();
    let results = [
        builtin_sets().unwrap(),
        ok(&h, "toJSON", &[]),
        ok(&h, "score", std::slice::from_ref(&a)),
        ok(&h, "advise", &[a.clone(), opts.into()]),
        ok(&h, "compare", &[empty, a.clone()]),
        load_set(parse(BROKEN_SET)).unwrap(),
    ];
    let mut all = Vec::new();
    for r in &results {
        keys(r, &mut all);
    }
    let bad: Vec<&String> = all.iter().filter(|k| !is_camel_case(k)).collect();
    assert!(bad.is_empty(), "keys not in camelCase: {bad:?}");
    for k in [
        "setId",
        "effectiveWeight",
        "evidenceMissing",
        "byWeight",
        "currentScore",
    ] {
        assert!(all.iter().any(|x| x == k), "no `{k}` anywhere");
    }
    // And the methods.
    let proto = Object::get_prototype_of(&h);
    for m in [
        "newAssessment",
        "exportJson",
        "toJSON",
        "validate",
        "score",
        "advise",
        "compare",
        "csv",
    ] {
        assert!(get(&proto, m).is_function(), "SetHandle.{m}");
    }
    assert!(get(&proto, "new_assessment").is_undefined());
}

#[wasm_bindgen_test]
fn the_examples_score_exactly_as_natively() {
    for (id, set, example, native) in EXAMPLES {
        let h = handle(&parse(set));
        let example = parse(example);
        let a = get(&example, "assessment");
        let native = parse(native);

        let report = ok(&h, "score", std::slice::from_ref(&a));
        // The hand-computed values first, for a readable failure ...
        let expected = get(&example, "expected");
        let overall = get(&report, "overall");
        assert_eq!(
            get(&overall, "shown").as_f64(),
            get(&expected, "overall").as_f64(),
            "{id} overall"
        );
        let predicate = get(&get(&overall, "predicate"), "label");
        assert_eq!(
            get_str(&predicate, "id"),
            get_str(&expected, "predicate"),
            "{id} predicate"
        );
        let groups = get(&expected, "groups");
        for g in Object::keys(groups.unchecked_ref::<Object>()).iter() {
            let g = g.as_string().unwrap();
            let got = array(&get(&report, "groups"))
                .iter()
                .find(|x| get_str(x, "id") == g)
                .unwrap_or_else(|| panic!("{id}: no group {g}"));
            assert_eq!(
                get(&get(&got, "score"), "shown").as_f64(),
                get(&groups, &g).as_f64(),
                "{id} group {g}"
            );
        }
        // ... then the whole documents, every exact value, against the native build's.
        let opts = Object::new();
        Reflect::set(&opts, &"limit".into(), &ADVICE_LIMIT.into()).unwrap();
        let empty = ok(&h, "newAssessment", &[]);
        for (what, got) in [
            ("report", report),
            ("advice", ok(&h, "advise", &[a.clone(), opts.into()])),
            ("comparison", ok(&h, "compare", &[empty, a.clone()])),
        ] {
            assert_eq!(
                stringify(&got),
                stringify(&get(&native, what)),
                "{id}: the wasm {what} differs from tests/builtin/{id}.outputs.json"
            );
        }
        // JSON text gives the same report as an object.
        let from_text = ok(&h, "score", &[JSON::stringify(&a).unwrap().into()]);
        assert_eq!(stringify(&from_text), stringify(&get(&native, "report")));
    }
}

#[wasm_bindgen_test]
fn advise_caps_the_list_and_compare_reports_the_change() {
    let (_, set, example, _) = EXAMPLES[0];
    let h = handle(&parse(set));
    let a = get(&parse(example), "assessment");
    let limit = |n: f64| {
        let o = Object::new();
        Reflect::set(&o, &"limit".into(), &n.into()).unwrap();
        JsValue::from(o)
    };
    let all = array(&get(
        &ok(&h, "advise", &[a.clone(), JsValue::UNDEFINED]),
        "recommendations",
    ))
    .length();
    assert!(all > 2);
    let two = array(&get(
        &ok(&h, "advise", &[a.clone(), limit(2.0)]),
        "recommendations",
    ))
    .length();
    assert_eq!(two, 2);
    let plan = get(&ok(&h, "advise", &[a.clone(), limit(0.0)]), "plan");
    assert!(
        plan.is_object(),
        "spbe example is not in the top band, so there is a plan"
    );

    let c = ok(&h, "compare", &[ok(&h, "newAssessment", &[]), a]);
    let overall = get(&c, "overall");
    assert_eq!(get(&overall, "previous").as_f64(), Some(0.0));
    assert_eq!(get(&overall, "current").as_f64(), Some(2.6));
    assert_eq!(get(&overall, "change").as_f64(), Some(2.6));
}

#[wasm_bindgen_test]
fn exports_round_trip_with_their_hash() {
    let (_, set, example, _) = EXAMPLES[0];
    let h = handle(&parse(set));
    let a = get(&parse(example), "assessment");
    let text = ok(
        &h,
        "exportJson",
        &[a.clone(), "2026-03-20T10:30:00Z".into()],
    );
    let opened = swanilai::web::open_export_js(text.as_string().unwrap()).unwrap();
    assert_eq!(get_str(&opened, "integrity"), "intact");
    assert_eq!(array(&get(&opened, "problems")).length(), 0);
    assert_eq!(stringify(&get(&opened, "assessment")), stringify(&a));
    let tampered = text
        .as_string()
        .unwrap()
        .replacen("\"value\":3", "\"value\":4", 1);
    let opened = swanilai::web::open_export_js(tampered).unwrap();
    assert_eq!(get_str(&opened, "integrity"), "mismatch");
    let csv = ok(&h, "csv", &[a, "en".into()]).as_string().unwrap();
    assert!(csv.lines().count() > 47, "a row per indicator");
}

// ------------------------------------------------------------------ the widget

fn host() -> web_sys::Element {
    let doc = web_sys::window().unwrap().document().unwrap();
    let el = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&el).unwrap();
    el
}

/// Takes a test's host element away and clears what its widget saved.
fn remove(host: &web_sys::Element) {
    host.remove();
    web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .clear()
        .unwrap();
}

fn mount(host: &web_sys::Element, key: &str) -> JsValue {
    let set = SetHandle::try_from_js_value(handle(&parse(SPBE))).expect("a SetHandle");
    let options = parse(&format!(r#"{{"lang": "en", "storageKey": "{key}"}}"#));
    let w: Widget = mount_widget(host.clone(), &set, options).expect("mounts");
    w.into()
}

fn recorder(log: &Array, name: &'static str) -> Closure<dyn FnMut(JsValue)> {
    let log = log.clone();
    Closure::new(move |detail: JsValue| {
        let entry = Array::of2(&name.into(), &detail);
        log.push(&entry);
    })
}

#[wasm_bindgen_test]
fn answering_fires_score_and_change_to_callbacks_and_dom_listeners() {
    let el = host();
    let w = mount(&el, "web-test-events");
    assert_eq!(el.get_attribute("data-state").as_deref(), Some("ready"));
    let log = Array::new();
    let on_score = recorder(&log, "on:score");
    let on_change = recorder(&log, "on:change");
    let dom_score = Closure::<dyn FnMut(web_sys::CustomEvent)>::new({
        let log = log.clone();
        move |e: web_sys::CustomEvent| {
            log.push(&Array::of2(&"dom:score".into(), &e.detail()));
        }
    });
    ok(&w, "on", &["score".into(), on_score.as_ref().clone()]);
    ok(&w, "on", &["change".into(), on_change.as_ref().clone()]);
    el.add_event_listener_with_callback("score", dom_score.as_ref().unchecked_ref())
        .unwrap();

    let radio: web_sys::HtmlElement = el
        .shadow_root()
        .unwrap()
        .query_selector("input[type=radio][data-f=pick]")
        .unwrap()
        .expect("a level to pick")
        .unchecked_into();
    radio.click();

    let names: Vec<String> = log
        .iter()
        .map(|e| Array::from(&e).get(0).as_string().unwrap())
        .collect();
    assert!(names.contains(&"on:change".to_string()), "{names:?}");
    assert!(names.contains(&"on:score".to_string()), "{names:?}");
    assert!(names.contains(&"dom:score".to_string()), "{names:?}");
    let detail = Array::from(
        &log.iter()
            .find(|e| Array::from(e).get(0) == "on:score")
            .unwrap(),
    )
    .get(1);
    assert_eq!(get(&detail, "answered").as_f64(), Some(1.0));
    assert_eq!(get(&detail, "total").as_f64(), Some(47.0));
    assert!(get(&get(&detail, "overall"), "shown").as_f64().is_some());
    let change = Array::from(
        &log.iter()
            .find(|e| Array::from(e).get(0) == "on:change")
            .unwrap(),
    )
    .get(1);
    assert_eq!(get_str(&change, "indicator"), "spbe-01");
    assert_eq!(get(&get(&change, "answer"), "value").as_f64(), Some(1.0));
    // The widget's own report agrees.
    let report = ok(&w, "report", &[]);
    assert_eq!(
        get(&get(&report, "completeness"), "answered").as_f64(),
        Some(1.0)
    );

    el.remove_event_listener_with_callback("score", dom_score.as_ref().unchecked_ref())
        .unwrap();
    ok(&w, "destroy", &[]);
    remove(&el);
}

#[wasm_bindgen_test]
fn destroy_removes_every_listener_and_timer_it_added() {
    let spy = spy_on_listeners();
    let el = host();
    let w = mount(&el, "web-test-destroy");
    let callback = Function::new_no_args("");
    ok(&w, "on", &["score".into(), callback.into()]);
    let added = ok(&spy, "added", &[]).as_f64().unwrap();
    assert!(added >= 5.0, "mount added {added} listeners");
    assert!(get(&w, "listenerCount").as_f64().unwrap() > 0.0);
    assert!(ok(&spy, "live", &[]).as_f64().unwrap() > 0.0);

    ok(&w, "destroy", &[]);
    let live = ok(&spy, "live", &[]).as_f64().unwrap();
    ok(&spy, "restore", &[]);
    assert_eq!(live, 0.0, "listeners or timers left after destroy()");
    assert_eq!(get(&w, "listenerCount").as_f64(), Some(0.0));
    assert!(
        el.shadow_root().unwrap().first_child().is_none(),
        "the host is emptied"
    );
    // A second destroy is harmless; other calls are JS Errors.
    ok(&w, "destroy", &[]);
    let err = call(&w, "report", &[]).expect_err("report() after destroy() throws");
    let err: js_sys::Error = err.dyn_into().expect("a JS Error");
    assert!(String::from(err.message()).contains("destroyed"));
    remove(&el);
}

#[wasm_bindgen_test]
fn misuse_throws_js_errors_with_a_message() {
    let el = host();
    let w = mount(&el, "web-test-errors");
    let err = call(
        &w,
        "on",
        &["scroll".into(), Function::new_no_args("").into()],
    )
    .expect_err("an unknown event is refused");
    let err: js_sys::Error = err.dyn_into().expect("a JS Error");
    assert!(
        String::from(err.message()).contains("scroll"),
        "{:?}",
        err.message()
    );
    // Bad data for the widget is data, not an exception.
    let problems = ok(&w, "setAssessment", &["{".into()]);
    assert_eq!(codes(&problems)[0].1, "json-syntax");
    ok(&w, "destroy", &[]);
    remove(&el);
}
