//! The fuzz targets' bodies (fuzz/src/lib.rs), run a bounded, deterministic number of times
//! by `cargo test`: the committed corpus (tests/hostile/, sets/) replayed through every
//! target, then a fixed-seed proptest stream of arbitrary bytes and of mutated sets and
//! assessments (one value swapped for a hostile one, a key dropped or doubled, the text cut
//! short). Any panic is a failure; proptest shrinks it to a small input.
//!
//! Long runs use cargo-fuzz and libFuzzer instead (see docs/DEVELOPMENT.md, "Fuzzing"):
//! `cd fuzz && cargo +nightly fuzz run set corpus/set ../tests/hostile ../sets -- -dict=json.dict`.
//! `FUZZ_CASES=N` changes the number of generated cases per property (default 2,000).

// Native only (proptest); the engine is the same code in the browser.
#![cfg(not(target_arch = "wasm32"))]

#[allow(dead_code)] // the fuzz targets use parts this test does not
#[path = "../fuzz/src/lib.rs"]
mod fuzz_common;

use std::path::Path;

use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use swanilai::Json;
use swanilai::export::canonical;

/// The stream's seed: the same cases every run.
const SEED: [u8; 32] = *b"swanilai-hostile-input-fuzz-seed";

fn cases() -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(2000)
}

fn runner() -> TestRunner {
    let config = Config {
        cases: cases(),
        failure_persistence: None,
        ..Config::default()
    };
    TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &SEED))
}

fn run<S: Strategy>(name: &str, strategy: S, f: impl Fn(S::Value)) {
    let mut runner = runner();
    let result = runner.run(&strategy, |input| {
        f(input);
        Ok(())
    });
    match result {
        Ok(()) => eprintln!("fuzz {name}: {} cases, no panic", cases()),
        Err(e) => panic!("{name}: {e}"),
    }
}

fn corpus_files() -> Vec<std::path::PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["tests/hostile", "sets"] {
        for e in std::fs::read_dir(root.join(dir)).expect("a corpus directory") {
            let p = e.expect("an entry").path();
            if p.extension().is_some_and(|x| x == "json") {
                files.push(p);
            }
        }
    }
    files.sort();
    files
}

#[test]
fn the_committed_corpus_passes_every_target() {
    let mut n = 0;
    for file in corpus_files() {
        let bytes = std::fs::read(&file).expect("readable");
        fuzz_common::set_bytes(&bytes);
        fuzz_common::assessment_bytes(&bytes);
        fuzz_common::score_bytes(&bytes);
        n += 3;
    }
    eprintln!("fuzz replay: {n} executions of the committed corpus");
}

#[test]
fn arbitrary_bytes_never_panic() {
    let bytes = prop::collection::vec(any::<u8>(), 0..400);
    run("set", bytes.clone(), |b| fuzz_common::set_bytes(&b));
    run("assessment", bytes.clone(), |b| {
        fuzz_common::assessment_bytes(&b)
    });
    run("score", bytes, |b| fuzz_common::score_bytes(&b));
}

/// A value worth putting anywhere in a document.
fn hostile_value() -> impl Strategy<Value = Json> {
    let numbers = prop_oneof![
        Just(0.0),
        Just(-0.0),
        Just(1.0),
        Just(-1.0),
        Just(0.5),
        Just(2.675),
        Just(5.0),
        Just(1e9),
        Just(1e10),
        Just(1e308),
        Just(-1e308),
        Just(f64::MAX),
        Just(5e-324),
        Just(1e-300),
        Just(1e-320),
        any::<f64>().prop_filter("finite", |f| f.is_finite()),
    ];
    let strings = prop_oneof![
        Just(String::new()),
        Just("level".to_string()),
        Just("choice".to_string()),
        Just("exclude".to_string()),
        Just("lower".to_string()),
        Just("tk-01".to_string()),
        Just("\u{200b}".to_string()),
        Just("\u{202e}تطبيق".to_string()),
        Just("<script>alert(1)</script>".to_string()),
        Just("=cmd|' /C calc'!A0".to_string()),
        Just("x".repeat(70)),
        ".{0,12}",
    ];
    prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        numbers.prop_map(Json::Number),
        strings.prop_map(Json::String),
        Just(Json::Array(Vec::new())),
        Just(Json::Object(Vec::new())),
    ]
}

/// How to damage a document: at the `at`-th node (in pre-order, wrapping), `op` does one of
/// replace, remove, duplicate, wrap in an array; `cut` shortens the text (0: not at all).
#[derive(Clone, Debug)]
struct Mutation {
    at: usize,
    op: u8,
    value: Json,
    cut: usize,
}

fn mutations() -> impl Strategy<Value = Vec<Mutation>> {
    let one = (
        any::<usize>(),
        0u8..4,
        hostile_value(),
        prop_oneof![9 => Just(0usize), 1 => 1usize..5000],
    )
        .prop_map(|(at, op, value, cut)| Mutation { at, op, value, cut });
    prop::collection::vec(one, 1..4)
}

fn count(v: &Json) -> usize {
    1 + match v {
        Json::Array(items) => items.iter().map(count).sum(),
        Json::Object(pairs) => pairs.iter().map(|(_, v)| count(v)).sum(),
        _ => 0,
    }
}

/// Applies `m` to the `k`-th node under `v` (0 is `v` itself, which is only ever replaced).
fn apply(v: &mut Json, k: &mut usize, m: &Mutation) -> bool {
    if *k == 0 {
        *v = m.value.clone();
        return true;
    }
    *k -= 1;
    let children: Vec<&mut Json> = match v {
        Json::Array(items) => items.iter_mut().collect(),
        Json::Object(pairs) => pairs.iter_mut().map(|(_, v)| v).collect(),
        _ => return false,
    };
    let mut target = None;
    for (i, c) in children.into_iter().enumerate() {
        let size = count(c);
        if *k < size {
            if *k == 0 && m.op != 0 {
                target = Some(i);
                break;
            }
            return apply(c, k, m);
        }
        *k -= size;
    }
    let Some(i) = target else { return false };
    match (v, m.op) {
        (Json::Array(items), 1) => {
            items.remove(i);
        }
        (Json::Object(pairs), 1) => {
            pairs.remove(i);
        }
        (Json::Array(items), 2) => items.insert(i, items[i].clone()),
        (Json::Object(pairs), 2) => pairs.insert(i, pairs[i].clone()),
        (Json::Array(items), _) => items[i] = Json::Array(vec![items[i].clone()]),
        (Json::Object(pairs), _) => pairs[i].1 = Json::Array(vec![pairs[i].1.clone()]),
        _ => return false,
    }
    true
}

fn mutated(doc: &Json, ms: &[Mutation]) -> String {
    let mut v = doc.clone();
    let mut cut = 0;
    for m in ms {
        let n = count(&v);
        let mut k = m.at % n;
        apply(&mut v, &mut k, m);
        cut = cut.max(m.cut);
    }
    let mut text = canonical(&v);
    if cut > 0 {
        let at = text.len().saturating_sub(cut);
        let at = (0..=at)
            .rev()
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(0);
        text.truncate(at);
    }
    text
}

fn doc(path: &str) -> Json {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
        .expect("a corpus document");
    Json::parse(&text).expect("JSON")
}

#[test]
fn mutated_sets_never_panic_and_accepted_ones_score_on_their_scale() {
    let base = doc("tests/hostile/base-set.json");
    let spbe = doc("sets/spbe-2020.json");
    run("mutated base set", mutations(), |ms| {
        fuzz_common::set_text(&mutated(&base, &ms));
    });
    run("mutated spbe-2020", mutations(), |ms| {
        fuzz_common::set_text(&mutated(&spbe, &ms));
    });
}

#[test]
fn mutated_assessments_and_exports_never_panic() {
    let a = doc("tests/hostile/assessment-baseline.json");
    let export = doc("tests/hostile/export-intact.json");
    run("mutated assessment", mutations(), |ms| {
        fuzz_common::assessment_text(&mutated(&a, &ms));
    });
    run("mutated export", mutations(), |ms| {
        fuzz_common::assessment_text(&mutated(&export, &ms));
    });
    run(
        "answers to known sets",
        prop::collection::vec(any::<u8>(), 0..600),
        |b| {
            fuzz_common::score_bytes(&b);
        },
    );
}
