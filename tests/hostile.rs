//! The hostile-input corpus (tests/hostile/cases.json), natively: every case returns exactly
//! the problems listed for it (path and code), never panics (each runs under
//! `catch_unwind`, on its own thread) and finishes within its time budget. Sets that are
//! accepted are then scored, advised, compared and exported, and every number that comes
//! out must be finite and on the scale: a hostile set that passes validation must not be
//! able to produce a wrong score.
//!
//! Each case is a test of its own, `case::<name>` (libtest-mimic's harness: a failure names
//! its case; `cargo test --test hostile -- part-of-a-name` runs the matching ones). The
//! budgets are for a debug build on a busy machine; they catch quadratic blow-ups (a
//! 50,000-key object once took 13 s in release, hours at 16 MiB), not small slowdowns.

// Native only: tests/hostile_web.rs runs the same corpus in the browser.
// The harness is libtest-mimic's (`harness = false`), native only: a wasm32 build of this file
// is empty and has no `main`.
#![cfg_attr(target_arch = "wasm32", no_main)]
#![cfg(not(target_arch = "wasm32"))]

#[path = "hostile/check.rs"]
mod check;
#[path = "hostile/generate.rs"]
mod generate;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use libtest_mimic::{Arguments, Failed, Trial};
use swanilai::export::{Integrity, export_document, open_assessment_for, open_export};
use swanilai::json::to_json;
use swanilai::{
    Assessment, IndicatorSet, Json, Lang, Problem, Scorer, advise_with, builtin, candidates,
    compare, report_csv, validate_assessment,
};

/// Seconds a case may take when cases.json gives no `budget_seconds`.
const DEFAULT_BUDGET: f64 = 10.0;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile")
}

fn manifest() -> Json {
    let text = std::fs::read_to_string(dir().join("cases.json")).expect("tests/hostile/cases.json");
    Json::parse(&text).expect("cases.json is JSON")
}

fn cases() -> Vec<Json> {
    manifest()
        .get("cases")
        .and_then(Json::as_array)
        .expect("cases.json has `cases`")
        .to_vec()
}

fn str_of<'a>(case: &'a Json, key: &str) -> Option<&'a str> {
    case.get(key).and_then(Json::as_str)
}

/// A file of the corpus as the browser reads one (`File.text()`: invalid UTF-8 becomes U+FFFD).
fn read(name: &str) -> String {
    let bytes = std::fs::read(dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    String::from_utf8_lossy(&bytes).into_owned()
}

fn text_of(case: &Json) -> String {
    match (str_of(case, "file"), case.get("generate")) {
        (Some(f), None) => read(f),
        (None, Some(spec)) => generate::generate(spec),
        _ => panic!("a case needs `file` or `generate`"),
    }
}

fn set_for(case: &Json) -> IndicatorSet {
    let name = str_of(case, "set").expect("assessment cases name their `set`");
    if let Some(set) = builtin::get(name) {
        return set;
    }
    IndicatorSet::from_json_str(&read(name))
        .value
        .unwrap_or_else(|| panic!("the set {name} is invalid"))
}

/// What a case produced.
#[derive(Debug)]
struct Outcome {
    accepted: bool,
    problems: Vec<Problem>,
    integrity: Option<Integrity>,
    /// Failed checks beyond the problem list.
    notes: Vec<String>,
}

/// Every answer at its best candidate (or worst), for exercising an accepted set.
fn answered(set: &IndicatorSet, best: bool) -> Assessment {
    let mut a = Assessment::new(&set.id, &set.version);
    for ind in set.indicators() {
        let c = candidates(&ind.answer, &set.scale);
        let pick = if best { c.last() } else { c.first() };
        if let Some((v, _)) = pick {
            a.set_value(&ind.id, v.clone());
        }
    }
    a
}

/// Scores, advises, compares and exports `a`; notes any number that is not finite or not on
/// the scale, and any `-0` in the JSON outputs.
fn exercise(set: &IndicatorSet, a: &Assessment, notes: &mut Vec<String>) {
    let scorer = Scorer::new(set);
    let report = scorer.score(a);
    let (lo, hi) = (set.scale.min, set.scale.max);
    let check = |notes: &mut Vec<String>, what: String, v: Option<f64>| {
        if let Some(v) = v {
            if !v.is_finite() || v < lo || v > hi {
                notes.push(format!("{what} is {v}, not on the scale {lo}-{hi}"));
            }
        }
    };
    // An effective weight is a share of the whole set: in (0, 1].
    let share = |notes: &mut Vec<String>, what: String, w: f64| {
        if !(w > 0.0 && w <= 1.0 + 1e-9) {
            notes.push(format!("{what} has effective weight {w}"));
        }
    };
    check(notes, "overall".into(), report.overall.value);
    check(notes, "overall shown".into(), report.overall.shown);
    for g in &report.groups {
        check(notes, format!("group {}", g.id), g.score.value);
        share(notes, format!("group {}", g.id), g.effective_weight);
    }
    for i in &report.indicators {
        check(notes, format!("indicator {}", i.id), i.score.value);
        share(notes, format!("indicator {}", i.id), i.effective_weight);
    }
    for t in &report.tags {
        check(notes, format!("tag {}", t.tag), t.score.value);
    }
    let advice = advise_with(&scorer, a, Some(5));
    for r in &advice.recommendations {
        if !r.best.gain.is_finite() || !r.next.gain.is_finite() {
            notes.push(format!("advice gain for {} is not finite", r.indicator));
        }
    }
    let empty = Assessment::new(&set.id, &set.version);
    let cmp = compare(set, &empty, a);
    let report_json = serde_json::to_string(&report).expect("report serializes");
    let other_json = serde_json::to_string(&(&advice, &cmp)).expect("advice serializes");
    for (what, text) in [("report", &report_json), ("advice/comparison", &other_json)] {
        if ["-0.0,", "-0.0}", "-0.0]"].iter().any(|z| text.contains(z)) {
            notes.push(format!("the {what} holds a -0"));
        }
    }
    let _ = report_csv(set, a, &report, Lang::En, "2026-11-27T00:00:00Z");
    let content = Json::Object(vec![
        ("assessment".into(), to_json(a).expect("assessment to JSON")),
        ("report".into(), to_json(&report).expect("report to JSON")),
    ]);
    let file = export_document(content, "2026-11-27T00:00:00Z");
    let opened = open_export(&Json::parse(&file).expect("an export is JSON"));
    if opened.integrity != Integrity::Intact {
        notes.push("its own export does not open as intact".into());
    }
}

fn run_case(case: &Json, text: &str) -> Outcome {
    let kind = str_of(case, "kind").expect("a case has a `kind`");
    let mut notes = Vec::new();
    match kind {
        "set" => {
            let parsed = IndicatorSet::from_json_str(text);
            if let Some(set) = &parsed.value {
                if let Some(want) = str_of(case, "title") {
                    if set.title.id != want {
                        notes.push(format!("title read as {:?}, want {want:?}", set.title.id));
                    }
                }
                for best in [true, false] {
                    exercise(set, &answered(set, best), &mut notes);
                }
            }
            Outcome {
                accepted: parsed.value.is_some(),
                problems: parsed.problems,
                integrity: None,
                notes,
            }
        }
        "assessment" => {
            let set = set_for(case);
            let parsed = Assessment::from_json_str_for(text, &set);
            let mut problems = parsed.problems;
            if let Some(a) = &parsed.value {
                problems.extend(validate_assessment(&set, a));
                kept(case, a, &mut notes);
                exercise(&set, a, &mut notes);
            }
            Outcome {
                accepted: parsed.value.is_some(),
                problems,
                integrity: None,
                notes,
            }
        }
        "import" => {
            let set = set_for(case);
            let opened = open_assessment_for(text, &set);
            let mut problems = opened.problems;
            if let Some(a) = &opened.assessment {
                problems.extend(validate_assessment(&set, a));
                kept(case, a, &mut notes);
            }
            Outcome {
                accepted: opened.assessment.is_some(),
                problems,
                integrity: Some(opened.integrity),
                notes,
            }
        }
        other => panic!("unknown kind `{other}`"),
    }
}

/// The answers a case says must be kept (`kept`: ids; `value_of`: id -> value) are there.
fn kept(case: &Json, a: &Assessment, notes: &mut Vec<String>) {
    for id in case.get("kept").and_then(Json::as_array).unwrap_or(&[]) {
        let id = id.as_str().expect("kept ids are strings");
        if !a.answers.contains_key(id) {
            notes.push(format!("the answer to {id:?} was dropped"));
        }
    }
    if let Some(Json::Object(pairs)) = case.get("value_of") {
        for (id, want) in pairs {
            let got = a.answers.get(id).and_then(|x| x.value.clone());
            let want = match want {
                Json::Number(n) => Some(swanilai::Value::Number(*n)),
                _ => None,
            };
            if got != want {
                notes.push(format!("answer {id} is {got:?}, want {want:?}"));
            }
        }
    }
}

/// One case: its problems as listed, no panic (on its own thread, under `catch_unwind`), and
/// within its time budget.
fn check_case(case: &Json, name: &str) -> Result<(), Failed> {
    let budget = match case.get("budget_seconds") {
        Some(Json::Number(n)) => *n,
        _ => DEFAULT_BUDGET,
    };
    let (tx, rx) = mpsc::channel();
    let c = case.clone();
    std::thread::Builder::new()
        .name(name.to_string())
        .stack_size(8 << 20)
        .spawn(move || {
            let t0 = Instant::now();
            let text = text_of(&c);
            let out = catch_unwind(AssertUnwindSafe(|| run_case(&c, &text)));
            let _ = tx.send((out.map_err(|e| panic_message(&*e)), t0.elapsed()));
        })
        .expect("a thread");
    // Three times the budget before giving up on a hung case (the thread is left behind).
    let (out, took) = match rx.recv_timeout(Duration::from_secs_f64(budget * 3.0)) {
        Err(_) => return Err(format!("did not finish within {}s", budget * 3.0).into()),
        Ok((Err(msg), _)) => return Err(format!("PANICKED: {msg}").into()),
        Ok((Ok(out), took)) => (out, took),
    };
    if took.as_secs_f64() > budget {
        return Err(format!("took {took:?}, budget {budget}s").into());
    }
    if took.as_secs_f64() > 1.0 {
        eprintln!("hostile case {name}: {took:.1?}");
    }
    let pairs: Vec<(String, String)> = out
        .problems
        .iter()
        .map(|p| (p.path.clone(), p.code.as_str().to_string()))
        .collect();
    let integrity = out.integrity.map(|i| format!("{i:?}").to_lowercase());
    match check::mismatch(case, out.accepted, &pairs, integrity.as_deref(), &out.notes) {
        None => Ok(()),
        Some(why) => Err(why.trim_end().to_string().into()),
    }
}

/// One test per case of tests/hostile/cases.json, named after it (`cargo test --test hostile
/// -- part-of-a-name` runs the matching ones), and the checks of the corpus as a whole. The
/// cases run one at a time unless `--test-threads` says otherwise: their time budgets assume
/// the machine is not also running the other cases.
fn main() -> ExitCode {
    let mut args = Arguments::from_args();
    args.test_threads = args.test_threads.or(Some(1));
    let whole = |f: fn()| {
        move || {
            f();
            Ok(())
        }
    };
    let mut trials = vec![
        Trial::test("no_test_attribute_left_unregistered", || {
            // libtest-mimic runs only the trials listed here: a function marked as a test in this
            // file would compile away silently.
            let marker = concat!("#[", "test]");
            if include_str!("hostile.rs").contains(marker) {
                return Err(
                    "a function marked as a test in this file never runs: list it in main()".into(),
                );
            }
            Ok(())
        }),
        Trial::test(
            "every_corpus_file_is_used_and_shipped_to_the_browser_test",
            whole(every_corpus_file_is_used_and_shipped_to_the_browser_test),
        ),
        Trial::test(
            "case_names_are_unique_kebab_case_behaviours",
            whole(case_names_are_unique_kebab_case_behaviours),
        ),
        Trial::test(
            "the_guarantees_promise_integrity_not_authenticity",
            whole(the_guarantees_promise_integrity_not_authenticity),
        ),
        Trial::test(
            "links_that_are_not_web_addresses_are_kept_as_text_and_flagged",
            whole(links_that_are_not_web_addresses_are_kept_as_text_and_flagged),
        ),
    ];
    for case in cases() {
        let name = str_of(&case, "name")
            .expect("a case has a name")
            .to_string();
        trials.push(Trial::test(format!("case::{name}"), move || {
            check_case(&case, &name)
        }));
    }
    libtest_mimic::run(&args, trials).exit_code()
}

fn panic_message(e: &(dyn std::any::Any + Send)) -> String {
    e.downcast_ref::<String>()
        .cloned()
        .or_else(|| e.downcast_ref::<&str>().map(|s| (*s).to_string()))
        .unwrap_or_else(|| "(no message)".into())
}

fn every_corpus_file_is_used_and_shipped_to_the_browser_test() {
    let used: Vec<String> = cases()
        .iter()
        .filter_map(|c| str_of(c, "file").map(String::from))
        .chain(
            cases()
                .iter()
                .filter_map(|c| str_of(c, "set").map(String::from)),
        )
        .collect();
    let web =
        std::fs::read_to_string(dir().join("../hostile_web.rs")).expect("tests/hostile_web.rs");
    for entry in std::fs::read_dir(dir()).expect("tests/hostile") {
        let name = entry
            .expect("an entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        if name == "cases.json" || name.ends_with(".rs") {
            continue;
        }
        assert!(
            used.contains(&name),
            "tests/hostile/{name} is not used by any case"
        );
        assert!(
            web.contains(&format!("\"hostile/{name}\"")),
            "tests/hostile/{name} is not in tests/hostile_web.rs's FILES"
        );
    }
    for name in &used {
        assert!(
            builtin::get(name).is_some() || dir().join(name).is_file(),
            "cases.json names {name}, which is not in tests/hostile/"
        );
    }
}

fn case_names_are_unique_kebab_case_behaviours() {
    let mut seen = Vec::new();
    for c in cases() {
        let name = str_of(&c, "name").expect("a name").to_string();
        assert!(
            name.len() >= 8
                && name
                    .chars()
                    .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-'),
            "case name `{name}` should be kebab-case"
        );
        assert!(
            str_of(&c, "about").is_some_and(|a| !a.is_empty()),
            "{name}: say what it is about"
        );
        assert!(!seen.contains(&name), "case name `{name}` twice");
        seen.push(name);
    }
}

fn the_guarantees_promise_integrity_not_authenticity() {
    // An export's SHA-256 tells a damaged or edited file from an intact one (the corpus's
    // `import-tampered-export`); it proves nothing about who wrote it, and docs/GUARANTEES.md
    // says so.
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/GUARANTEES.md");
    let section = std::fs::read_to_string(&path).expect("docs/GUARANTEES.md");
    assert!(section.contains("**Integrity, not authenticity**"));
    assert!(section.contains("it is not a signature"));
}

fn links_that_are_not_web_addresses_are_kept_as_text_and_flagged() {
    let set = set_for(&Json::parse(r#"{"set": "base-set.json"}"#).expect("JSON"));
    // Read from a file: the web link stays a link; each other entry goes into the notes, on a
    // line of its own as written, and is flagged while reading where it was (nothing lost).
    let text = read("assessment-html-and-script-text.json");
    let parsed = Assessment::from_json_str_for(&text, &set);
    let a = parsed.value.expect("accepted");
    assert_eq!(
        a.answers["tk-01"].links,
        ["https://contoh.go.id/perbup.pdf"]
    );
    assert!(
        a.answers["tk-01"]
            .notes
            .ends_with("\njavascript:alert(1)\ndata:text/html,<script>alert(1)</script>"),
        "{}",
        a.answers["tk-01"].notes
    );
    let flagged: Vec<&str> = (parsed.problems.iter())
        .filter(|p| p.code.as_str() == "link-not-web")
        .map(|p| p.path.as_str())
        .collect();
    assert_eq!(
        flagged,
        ["answers.tk-01.links[0]", "answers.tk-01.links[1]"]
    );
    assert!(
        !validate_assessment(&set, &a)
            .iter()
            .any(|p| p.code.as_str() == "link-not-web"),
        "no longer a link once read"
    );
    // Written again and read back: nothing more moves, nothing is flagged again.
    let again = Assessment::from_json_str_for(&serde_json::to_string(&a).expect("json"), &set);
    assert_eq!(again.value.as_ref(), Some(&a));
    assert!(again.problems.is_empty(), "{:?}", again.problems);
    let csv = report_csv(
        &set,
        &a,
        &swanilai::score(&set, &a),
        Lang::En,
        "2026-12-07T10:00:00Z",
    );
    assert!(
        csv.contains(
            "javascript:alert(1)\ndata:text/html,<script>alert(1)</script>\",\"https://contoh.go.id/perbup.pdf\"\r\n"
        ),
        "the notes end with the non-web links, the links column holds the web one"
    );
    // In an answer and in an evidence item: each moved into its own notes, as written.
    let moved = Assessment::from_json_str_for(&read("assessment-links-not-web.json"), &set)
        .value
        .expect("accepted");
    let tk1 = &moved.answers["tk-01"];
    assert_eq!(tk1.links, ["https://jdih.banjarkab.go.id/sk-12.pdf"]);
    assert_eq!(
        tk1.notes,
        "www.banjarkab.go.id/sk-12\n\\\\server\\arsip\\sk-12.pdf"
    );
    let item = &tk1.evidence["l1-sk"];
    assert_eq!(item.notes, "SK 12/2025\nfile:///C:/arsip/sk-12.pdf");
    assert!(item.links.is_empty());
    let tk2 = &moved.answers["tk-02"];
    assert_eq!(tk2.notes, "Dokumen ada\njavascript:void(0)");
    assert_eq!(tk2.links, ["  "], "a blank entry is left as it was");
    // Built in code with such a link (not read from a file): flagged by the check.
    let mut typed = Assessment::new(&set.id, &set.version);
    typed.answers.entry("tk-01".into()).or_default().links =
        vec!["www.contoh.go.id".into(), "https://contoh.go.id".into()];
    let problems = validate_assessment(&set, &typed);
    let p = problems
        .iter()
        .find(|p| p.code.as_str() == "link-not-web")
        .expect("flagged");
    assert_eq!(p.path, "answers.tk-01.links[0]");
    assert!(
        p.message.id.contains("www.contoh.go.id"),
        "{}",
        p.message.id
    );
}
