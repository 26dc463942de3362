//! The full outputs of the hand-computed examples in `tests/builtin/`, as the native build
//! writes them: `tests/builtin/<set>.outputs.json` holds the report, the advice (limit 5)
//! and the comparison with an empty assessment. The browser tests (`tests/web.rs`) check
//! that the WebAssembly build returns exactly the same documents, number for number.
//!
//! `REPLACE=1 cargo test --test outputs` rewrites stale files.

// Native only: the built-in sets are compiled in for native builds only.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

use serde_json::{Value as J, json};
use swanilai::{Assessment, advise, builtin, compare, score};

/// The advice limit used for the committed outputs (tests/web.rs passes the same).
const ADVICE_LIMIT: usize = 5;

fn file(id: &str, kind: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("tests/builtin/{id}.{kind}.json"))
}

fn outputs(id: &str) -> J {
    let set = builtin::get(id).expect("built in");
    let text = std::fs::read_to_string(file(id, "example")).expect("example exists");
    let example: J = serde_json::from_str(&text).expect("example is JSON");
    let a = Assessment::from_json_str(&example["assessment"].to_string())
        .value
        .expect("a readable example");
    let empty = Assessment::new(&set.id, &set.version);
    json!({
        "report": score(&set, &a),
        "advice": advise(&set, &a, Some(ADVICE_LIMIT)),
        "comparison": compare(&set, &empty, &a),
    })
}

#[test]
fn committed_outputs_are_current() {
    let replace = std::env::var_os("REPLACE").is_some_and(|v| v == "1");
    let mut stale = Vec::new();
    for info in builtin::BUILTINS {
        let mut want = serde_json::to_string_pretty(&outputs(info.id)).expect("serializes");
        want.push('\n');
        let path = file(info.id, "outputs");
        if std::fs::read_to_string(&path).unwrap_or_default() != want {
            if replace {
                std::fs::write(&path, want).expect("write outputs");
            } else {
                stale.push(path.display().to_string());
            }
        }
    }
    assert!(
        stale.is_empty(),
        "stale outputs (REPLACE=1 cargo test --test outputs rewrites them): {stale:?}"
    );
}
