//! The crate's own JSON reader ([`swanilai::Json::parse`]) against serde_json, the library it
//! stands in for: over the committed corpus (tests/hostile/, the sets, the vectors and the
//! built-in examples) and a fixed-seed proptest stream of JSON-like text, numbers and damaged
//! documents, both accept the same texts and read them to the same values.
//!
//! The reader is kept (docs/dependencies.md) because it gives users what serde_json does not:
//! messages in Indonesian and English with a column counted in characters, and the size and
//! depth limits as problems of their own. Where the two differ on purpose, the test says so:
//! a lone surrogate escape (`"\ud800"`) is read as U+FFFD rather than refusing the whole file,
//! and a leading byte-order mark is skipped. serde_json is driven through the crate's own
//! `Deserialize` impl for [`Json`], so duplicate keys and key order are compared too.
//! `FUZZ_CASES=N` changes the number of generated cases per property (default 2,000).

// Native only (proptest, serde_json).
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use swanilai::Json;
use swanilai::problem::Code;

/// Reads `text` with both readers and panics where they disagree (beyond the documented
/// differences). Returns whether the text was accepted.
fn agree(text: &str) -> bool {
    let ours = Json::parse(text);
    let theirs: Result<Json, serde_json::Error> =
        serde_json::from_str(text.strip_prefix('\u{feff}').unwrap_or(text));
    match (ours, theirs) {
        (Ok(a), Ok(b)) => {
            assert!(same(&a, &b), "different values for {}", short(text));
            true
        }
        (Err(a), Err(_)) => {
            assert!(a.line >= 1 && a.column >= 1, "{a}");
            false
        }
        (Err(a), Ok(_)) => {
            // Only a limit, never the grammar: serde_json has no size limit of its own.
            assert_eq!(
                a.code,
                Code::TooLarge,
                "refused {text:?} ({a}), serde_json reads it"
            );
            false
        }
        (Ok(a), Err(b)) => {
            assert!(
                surrogate_escape(text) && has_replacement(&a),
                "accepted {}, serde_json refuses it: {b}",
                short(text)
            );
            true
        }
    }
}

fn short(text: &str) -> String {
    let head: String = text.chars().take(300).collect();
    format!("{head:?}{}", if head.len() < text.len() { "…" } else { "" })
}

/// Whether the text holds a `\uD800`-`\uDFFF` escape (a surrogate, maybe a lone one).
fn surrogate_escape(text: &str) -> bool {
    text.match_indices("\\u").any(|(i, _)| {
        text.get(i + 2..i + 6)
            .and_then(|h| u32::from_str_radix(h, 16).ok())
            .is_some_and(|c| (0xD800..0xE000).contains(&c))
    })
}

/// Equal values, numbers compared by value (`-0` is read as -0.0 by one, 0 by the other).
fn same(a: &Json, b: &Json) -> bool {
    match (a, b) {
        (Json::Number(x), Json::Number(y)) => x == y,
        (Json::Array(x), Json::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b))
        }
        (Json::Object(x), Json::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y)
                    .all(|((ka, va), (kb, vb))| ka == kb && same(va, vb))
        }
        _ => a == b,
    }
}

fn has_replacement(v: &Json) -> bool {
    match v {
        Json::String(s) => s.contains('\u{FFFD}'),
        Json::Array(items) => items.iter().any(has_replacement),
        Json::Object(pairs) => pairs
            .iter()
            .any(|(k, v)| k.contains('\u{FFFD}') || has_replacement(v)),
        _ => false,
    }
}

fn json_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).expect("a corpus directory") {
        let p = e.expect("an entry").path();
        if p.is_dir() {
            json_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "json") {
            out.push(p);
        }
    }
}

#[test]
fn the_corpus_reads_the_same_with_serde_json() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["tests/hostile", "sets", "tests/vectors", "tests/builtin"] {
        json_files(&root.join(dir), &mut files);
    }
    files.sort();
    let (mut accepted, mut refused) = (0, 0);
    for f in &files {
        let bytes = std::fs::read(f).expect("readable");
        // As the browser reads a file: invalid UTF-8 becomes U+FFFD.
        if agree(&String::from_utf8_lossy(&bytes)) {
            accepted += 1;
        } else {
            refused += 1;
        }
    }
    eprintln!("json reader: {accepted} corpus files read alike, {refused} refused by both");
    assert!(accepted > 20 && refused > 5, "{accepted} {refused}");
}

#[test]
fn the_documented_differences() {
    // A lone surrogate: ours keeps the file, serde_json refuses it.
    assert!(agree(r#"{"a": "x\ud800y"}"#));
    assert!(serde_json::from_str::<Json>(r#""\udc00""#).is_err());
    // A byte-order mark is skipped.
    assert_eq!(Json::parse("\u{feff}[1]"), Json::parse("[1]"));
    // Nesting past the limit is refused by both (the Deserialize impl has the same limit).
    let deep = "[".repeat(65) + &"]".repeat(65);
    assert_eq!(Json::parse(&deep).unwrap_err().code, Code::TooDeep);
    assert!(!agree(&deep));
    // Duplicate keys are kept, in order, by both.
    assert!(agree(r#"{"b": 1, "a": 2, "b": 3}"#));
}

const SEED: [u8; 32] = *b"swanilai-json-reader-vs-serdejsn";

fn run<S: Strategy>(name: &str, strategy: S, f: impl Fn(S::Value)) {
    let cases = std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(2000);
    let config = Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    };
    let mut runner =
        TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &SEED));
    if let Err(e) = runner.run(&strategy, |input| {
        f(input);
        Ok(())
    }) {
        panic!("{name}: {e}");
    }
}

#[test]
fn json_like_text_reads_the_same() {
    // The grammar's own characters, escapes, controls and a few wider ones, in any order.
    let text = r#"[\[\]{}",:0-9eE.+\- \t\n\r\\/ubfnrtlsaxFD\x00-\x1f\u{e9}\u{1f600}]{0,40}"#;
    run("json-like text", text, |t| {
        agree(&t);
    });
}

#[test]
fn numbers_read_the_same() {
    let number = r"(0|[1-9][0-9]{0,24})(\.[0-9]{1,24})?([eE][+-]?[0-9]{1,3})?";
    run("numbers", number, |n| {
        // Both refuse what overflows to infinity; everything else is read alike.
        let finite = n.parse::<f64>().is_ok_and(f64::is_finite);
        assert_eq!(agree(&n), finite, "{n}");
        assert_eq!(agree(&format!("[{n}, {{\"k\": -{n}}}]")), finite, "{n}");
    });
    // Malformed numbers are refused by both.
    for bad in [
        "01", "1.", ".5", "+1", "1e", "--1", "0x1", "1e+", "Infinity", "NaN", "-",
    ] {
        assert!(!agree(bad), "{bad}");
    }
}

/// A JSON value of any shape, with strings that need escapes.
fn value() -> impl Strategy<Value = Json> {
    let leaf = prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Json::Number),
        "[a-z\"\\\\\u{0}-\u{1f}\u{e9}\u{1f600}]{0,8}".prop_map(Json::String),
    ];
    leaf.prop_recursive(4, 40, 5, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Json::Array),
            prop::collection::vec(("[ab\"]{0,2}", inner), 0..5).prop_map(Json::Object),
        ]
    })
}

#[test]
fn documents_and_damaged_documents_read_the_same() {
    run(
        "documents",
        (value(), any::<usize>(), any::<usize>(), 0u8..4),
        |(v, at, len, op)| {
            let text = swanilai::export::canonical(&v);
            assert!(agree(&text), "{text}");
            // One cut, doubling or deletion somewhere: usually broken, sometimes still JSON.
            let chars: Vec<char> = text.chars().collect();
            let at = at % (chars.len() + 1);
            let end = (at + len % 4).min(chars.len());
            let damaged: String = match op {
                0 => chars[..at].iter().collect(),
                1 => chars[..end].iter().chain(&chars[at..]).collect(),
                2 => chars[..at].iter().chain(&chars[end..]).collect(),
                _ => chars[..at]
                    .iter()
                    .chain([&' ', &'\n'])
                    .chain(&chars[at..])
                    .collect(),
            };
            agree(&damaged);
        },
    );
}
