//! The committed JSON Schemas in `schema/` are the ones the Rust types generate, the CLI
//! prints the same, and the built-in sets, the example assessments and their reports all
//! conform to them.
//!
//! `REPLACE=1 cargo test --test schema` rewrites stale schema files.
//!
//! Conformance is checked by the small validator below (`$ref`, `type`, `required`,
//! `properties`, `additionalProperties`, `items`, `anyOf`, `oneOf`, `allOf`, `enum`,
//! `const`, `minimum`, `maximum`): everything schemars emits for these types, without a
//! heavyweight validator crate.

// Native only: schemars and serde_json are not built for wasm32.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;
use std::process::Command;

use schemars::{JsonSchema, Schema, generate::SchemaSettings};
use serde_json::Value as J;
use swanilai::progress::Progress;
use swanilai::share::MergeReport;
use swanilai::{Advice, Assessment, Comparison, IndicatorSet, Report, Scorer, builtin};

/// The schemas describe documents as the engine writes them: a field skipped when empty
/// (a group's `children`, an answer's `notes`) is optional. `swanilai schema` uses the same.
fn schema_of<T: JsonSchema>() -> Schema {
    SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator()
        .into_root_schema_for::<T>()
}

fn schemas() -> [(&'static str, &'static str, Schema); 8] {
    [
        ("indicator-set", "set", schema_of::<IndicatorSet>()),
        ("assessment", "assessment", schema_of::<Assessment>()),
        ("report", "report", schema_of::<Report>()),
        ("advice", "advice", schema_of::<Advice>()),
        ("comparison", "comparison", schema_of::<Comparison>()),
        ("merge-report", "merge-report", schema_of::<MergeReport>()),
        ("progress", "progress", schema_of::<Progress>()),
        ("check", "check", schema_of::<swanilai::check::Check>()),
    ]
}

fn path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("schema/{name}.schema.json"))
}

fn pretty(schema: &Schema) -> String {
    let mut s = serde_json::to_string_pretty(schema).expect("a schema serializes");
    s.push('\n');
    s
}

#[test]
fn committed_schemas_are_current() {
    let replace = std::env::var_os("REPLACE").is_some_and(|v| v == "1");
    let mut stale = Vec::new();
    for (name, _, schema) in schemas() {
        let want = pretty(&schema);
        let file = path(name);
        let have = std::fs::read_to_string(&file).unwrap_or_default();
        if have != want {
            if replace {
                std::fs::create_dir_all(file.parent().expect("schema/")).expect("mkdir");
                std::fs::write(&file, want).expect("write schema");
            } else {
                stale.push(file.display().to_string());
            }
        }
    }
    assert!(
        stale.is_empty(),
        "stale schemas (REPLACE=1 cargo test --test schema rewrites them): {stale:?}"
    );
}

#[test]
fn cli_prints_the_committed_schemas() {
    for (name, kind, schema) in schemas() {
        let out = Command::new(env!("CARGO_BIN_EXE_swanilai"))
            .args(["schema", kind])
            .output()
            .expect("the CLI runs");
        assert!(out.status.success(), "swanilai schema {kind}");
        assert_eq!(
            String::from_utf8(out.stdout).expect("UTF-8"),
            pretty(&schema),
            "swanilai schema {kind} differs from schema/{name}.schema.json"
        );
    }
}

// ------------------------------------------------------------------ a small validator

fn resolve<'a>(root: &'a J, reference: &str) -> &'a J {
    let pointer = reference
        .strip_prefix('#')
        .unwrap_or_else(|| panic!("only local references are used, got {reference}"));
    root.pointer(pointer)
        .unwrap_or_else(|| panic!("unresolved reference {reference}"))
}

fn type_matches(t: &str, v: &J) -> bool {
    match t {
        "object" => v.is_object(),
        "array" => v.is_array(),
        "string" => v.is_string(),
        "boolean" => v.is_boolean(),
        "null" => v.is_null(),
        "number" => v.is_number(),
        "integer" => v.as_f64().is_some_and(|n| n.fract() == 0.0),
        other => panic!("unknown type {other}"),
    }
}

/// Every way `v` fails `schema`, as `path: reason`.
fn check(root: &J, schema: &J, v: &J, path: &str, errors: &mut Vec<String>) {
    let at = if path.is_empty() { "(root)" } else { path };
    let Some(s) = schema.as_object() else {
        if schema == &J::Bool(false) {
            errors.push(format!("{at}: nothing is allowed here"));
        }
        return;
    };
    if let Some(r) = s.get("$ref").and_then(J::as_str) {
        check(root, resolve(root, r), v, path, errors);
    }
    if let Some(t) = s.get("type") {
        let ok = match t {
            J::String(t) => type_matches(t, v),
            J::Array(ts) => ts.iter().filter_map(J::as_str).any(|t| type_matches(t, v)),
            _ => panic!("odd type {t}"),
        };
        if !ok {
            errors.push(format!("{at}: expected type {t}, got {v}"));
            return;
        }
    }
    if let Some(e) = s.get("enum").and_then(J::as_array) {
        if !e.contains(v) {
            errors.push(format!("{at}: {v} is not one of {e:?}"));
        }
    }
    if let Some(c) = s.get("const") {
        if c != v {
            errors.push(format!("{at}: expected {c}, got {v}"));
        }
    }
    if let (Some(min), Some(n)) = (s.get("minimum").and_then(J::as_f64), v.as_f64()) {
        if n < min {
            errors.push(format!("{at}: {n} is below {min}"));
        }
    }
    if let (Some(max), Some(n)) = (s.get("maximum").and_then(J::as_f64), v.as_f64()) {
        if n > max {
            errors.push(format!("{at}: {n} is above {max}"));
        }
    }
    let passes = |sub: &J| {
        let mut e = Vec::new();
        check(root, sub, v, path, &mut e);
        e.is_empty()
    };
    if let Some(all) = s.get("allOf").and_then(J::as_array) {
        for sub in all {
            check(root, sub, v, path, errors);
        }
    }
    if let Some(any) = s.get("anyOf").and_then(J::as_array) {
        if !any.iter().any(passes) {
            errors.push(format!("{at}: matches none of anyOf"));
        }
    }
    if let Some(one) = s.get("oneOf").and_then(J::as_array) {
        let n = one.iter().filter(|sub| passes(sub)).count();
        if n != 1 {
            errors.push(format!("{at}: matches {n} of oneOf, not exactly one"));
        }
    }
    if let Some(obj) = v.as_object() {
        let props = s.get("properties").and_then(J::as_object);
        if let Some(req) = s.get("required").and_then(J::as_array) {
            for k in req.iter().filter_map(J::as_str) {
                if !obj.contains_key(k) {
                    errors.push(format!("{at}: required `{k}` is missing"));
                }
            }
        }
        for (k, x) in obj {
            let p = if path.is_empty() {
                k.clone()
            } else {
                format!("{path}.{k}")
            };
            match props.and_then(|p| p.get(k)) {
                Some(sub) => check(root, sub, x, &p, errors),
                None => match s.get("additionalProperties") {
                    Some(J::Bool(false)) => errors.push(format!("{p}: not allowed")),
                    Some(sub) => check(root, sub, x, &p, errors),
                    None => {}
                },
            }
        }
    }
    if let (Some(items), Some(list)) = (s.get("items"), v.as_array()) {
        for (i, x) in list.iter().enumerate() {
            check(root, items, x, &format!("{path}[{i}]"), errors);
        }
    }
}

fn conforms(schema: &Schema, doc: &J) -> Vec<String> {
    let root = serde_json::to_value(schema).expect("a schema serializes");
    let mut errors = Vec::new();
    check(&root, &root, doc, "", &mut errors);
    errors
}

fn example(id: &str) -> J {
    let file = format!(
        "{}/tests/builtin/{id}.example.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let v: J = serde_json::from_str(&std::fs::read_to_string(file).expect("example exists"))
        .expect("JSON");
    v["assessment"].clone()
}

#[test]
fn builtin_sets_conform_to_the_set_schema() {
    let schema = schema_of::<IndicatorSet>();
    for info in builtin::BUILTINS {
        let doc: J = serde_json::from_str(builtin::json(info.id).expect("built in")).expect("JSON");
        let errors = conforms(&schema, &doc);
        assert!(errors.is_empty(), "{}: {errors:#?}", info.id);
        // And the set as the engine writes it back.
        let set = builtin::get(info.id).expect("valid");
        let errors = conforms(&schema, &serde_json::to_value(&set).expect("serializes"));
        assert!(errors.is_empty(), "{} written back: {errors:#?}", info.id);
    }
}

#[test]
fn example_assessments_and_their_reports_conform() {
    let (a_schema, r_schema) = (schema_of::<Assessment>(), schema_of::<Report>());
    for info in builtin::BUILTINS {
        let doc = example(info.id);
        let errors = conforms(&a_schema, &doc);
        assert!(errors.is_empty(), "{} example: {errors:#?}", info.id);
        let set = builtin::get(info.id).expect("valid");
        let a = Assessment::from_json_str(&doc.to_string())
            .value
            .expect("readable");
        let report = Scorer::new(&set).score(&a);
        let errors = conforms(
            &r_schema,
            &serde_json::to_value(&report).expect("serializes"),
        );
        assert!(errors.is_empty(), "{} report: {errors:#?}", info.id);
    }
}

#[test]
fn example_advice_and_comparisons_conform() {
    let (adv_schema, cmp_schema) = (schema_of::<Advice>(), schema_of::<Comparison>());
    for info in builtin::BUILTINS {
        let set = builtin::get(info.id).expect("valid");
        let a = Assessment::from_json_str(&example(info.id).to_string())
            .value
            .expect("readable");
        let advice = swanilai::advise(&set, &a, Some(5));
        let errors = conforms(
            &adv_schema,
            &serde_json::to_value(&advice).expect("serializes"),
        );
        assert!(errors.is_empty(), "{} advice: {errors:#?}", info.id);
        // Against an empty assessment: every answer is new, every change is from nothing.
        let empty = Assessment::new(&set.id, &set.version);
        let c = swanilai::compare(&set, &empty, &a);
        let errors = conforms(&cmp_schema, &serde_json::to_value(&c).expect("serializes"));
        assert!(errors.is_empty(), "{} comparison: {errors:#?}", info.id);
    }
}

#[test]
fn the_validator_rejects_what_it_should() {
    // The checks above are only as good as the validator: make sure it says no.
    let schema = schema_of::<IndicatorSet>();
    let mut doc: J = serde_json::from_str(builtin::json("spbe-2020").expect("built in")).unwrap();
    doc.as_object_mut().unwrap().remove("groups");
    doc["scale"]["decimals"] = J::from(-1);
    doc["predicates"][0]["label"] = J::from(5);
    doc["unanswered"] = J::from("skip");
    let errors = conforms(&schema, &doc);
    let has = |needle: &str| errors.iter().any(|e| e.contains(needle));
    assert!(has("(root): required `groups` is missing"), "{errors:#?}");
    assert!(has("scale.decimals: -1 is below 0"), "{errors:#?}");
    assert!(has("predicates[0].label"), "{errors:#?}");
    assert!(has("unanswered"), "{errors:#?}");
}
