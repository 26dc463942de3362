//! The `swanilai` command line, run as a user runs it: exit codes (0 ok, 1 invalid input,
//! 2 usage), JSON on stdout, problems with their paths and codes on stderr.

// Native only: the CLI is not built for wasm32.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::{Value as J, json};
use swanilai::{IndicatorSet, builtin};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_swanilai"))
        .args(args)
        .output()
        .expect("the CLI runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 stdout")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("UTF-8 stderr")
}

fn json_out(o: &Output) -> J {
    serde_json::from_str(&stdout(o)).unwrap_or_else(|e| panic!("stdout is not JSON: {e}"))
}

/// A fresh directory for one test under cargo's per-target temporary directory.
fn temp_dir(test: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("cli")
        .join(test);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create temp dir");
    dir
}

fn write(dir: &Path, name: &str, v: &J) -> String {
    let p = dir.join(name);
    std::fs::write(&p, serde_json::to_string_pretty(v).expect("JSON")).expect("write");
    p.to_string_lossy().into_owned()
}

fn example(id: &str) -> J {
    let file = format!(
        "{}/tests/builtin/{id}.example.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let v: J = serde_json::from_str(&std::fs::read_to_string(file).expect("example")).unwrap();
    v["assessment"].clone()
}

/// An SPBE 2020 assessment with every indicator at `level`.
fn spbe_all(name: &str, level: u8) -> J {
    let answers: serde_json::Map<String, J> = (1..=47)
        .map(|n| {
            (
                format!("spbe-{n:02}"),
                json!({ "value": level, "notes": "bukti" }),
            )
        })
        .collect();
    json!({
        "setId": "spbe-2020",
        "setVersion": "2020.1",
        "region": { "name": name, "code": "63", "period": "2026" },
        "answers": answers,
    })
}

#[test]
fn sets_lists_the_builtin_sets() {
    let o = run(&["sets"]);
    assert_eq!(o.status.code(), Some(0));
    let ids: Vec<String> = json_out(&o)
        .as_array()
        .expect("a list")
        .iter()
        .map(|s| s["id"].as_str().expect("id").to_string())
        .collect();
    assert_eq!(
        ids,
        [
            "gm100sc-kesiapan",
            "pemdi-2026",
            "smart-city-evaluasi",
            "spbe-2020"
        ]
    );
}

#[test]
fn show_prints_a_set_that_reads_back() {
    let o = run(&["show", "spbe-2020"]);
    assert_eq!(o.status.code(), Some(0));
    let parsed = IndicatorSet::from_json_str(&stdout(&o));
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    assert_eq!(parsed.value, builtin::get("spbe-2020"));
}

#[test]
fn validate_accepts_a_good_set() {
    let dir = temp_dir("validate-good");
    let set: J = serde_json::from_str(builtin::json("smart-city-evaluasi").unwrap()).unwrap();
    let file = write(&dir, "set.json", &set);
    let o = run(&["validate", &file]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(json_out(&o), json!([]));
}

#[test]
fn validate_lists_path_and_code_of_every_problem_in_a_broken_set() {
    let dir = temp_dir("validate-broken");
    let mut set: J = serde_json::from_str(builtin::json("spbe-2020").unwrap()).unwrap();
    set["groups"][1]["children"][0]["indicators"][2]["weight"] = json!(-1);
    set["predicates"][2]["min"] = json!(2.7);
    let file = write(&dir, "set.json", &set);
    let o = run(&["validate", &file]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("groups[1].children[0].indicators[2].weight")
            && err.contains("[weight-not-positive]"),
        "{err}"
    );
    assert!(
        err.contains("predicates[2].min") && err.contains("[predicates-gap]"),
        "{err}"
    );
    // The same problems as JSON on stdout.
    let problems: Vec<(String, String)> = json_out(&o)
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["path"].as_str().unwrap().into(),
                p["code"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(
        problems,
        [
            (
                "predicates[2].min".to_string(),
                "predicates-gap".to_string()
            ),
            (
                "groups[1].children[0].indicators[2].weight".to_string(),
                "weight-not-positive".to_string()
            ),
        ]
    );
}

#[test]
fn validate_rejects_an_assessment_with_errors() {
    let dir = temp_dir("validate-assessment");
    let mut a = example("spbe-2020");
    a["answers"]["spbe-01"]["value"] = json!(9);
    a["answers"]["spbe-02"] = json!({ "value": "tiga" });
    let file = write(&dir, "a.json", &a);
    let o = run(&["validate", &file]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("answers.spbe-01.value") && err.contains("[value-out-of-range]"),
        "{err}"
    );
    assert!(
        err.contains("answers.spbe-02.value") && err.contains("[value-wrong-type]"),
        "{err}"
    );
    // Warnings alone (evidence missing) do not fail validation.
    let ok = write(&dir, "ok.json", &example("spbe-2020"));
    let o = run(&["validate", &ok]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("warning"),
        "the example has evidence warnings"
    );
}

#[test]
fn score_prints_json_text_and_csv() {
    let dir = temp_dir("score");
    let file = write(&dir, "a.json", &example("spbe-2020"));

    let o = run(&["score", &file]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let report = json_out(&o);
    assert_eq!(report["overall"]["shown"], json!(2.6));
    assert_eq!(report["overall"]["predicate"]["label"]["id"], json!("Baik"));

    let o = run(&["score", &file, "--format", "json"]);
    assert_eq!(json_out(&o), report);

    let o = run(&["score", &file, "--format", "text"]);
    assert_eq!(o.status.code(), Some(0));
    let text = stdout(&o);
    assert!(
        // The set's own word for its index (terms.index) heads the result.
        text.contains("Indeks SPBE") && text.contains("2,60") && text.contains("Baik"),
        "{text}"
    );
    let o = run(&["score", &file, "--format", "text", "--lang", "en"]);
    let text = stdout(&o);
    assert!(
        text.contains("SPBE Index") && text.contains("2.60") && text.contains("Good"),
        "{text}"
    );

    // The CSV report: particulars, a row per indicator, then per group and the whole.
    let o = run(&["score", &file, "--format", "csv", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(0));
    let csv = stdout(&o);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "\u{feff}\"Assessment report\"");
    let at = lines
        .iter()
        .find_map(|l| l.strip_prefix("\"Exported at\",\""))
        .expect("the export time");
    assert!(
        at.len() == 21 && at.starts_with("20") && at.ends_with("Z\""),
        "ISO 8601 in UTC: {at}"
    );
    let first = lines
        .iter()
        .position(|l| l.starts_with("1,"))
        .expect("row 1");
    assert!(lines[first].contains("\"spbe-01\""));
    assert!(lines[first + 46].starts_with("47,") && lines[first + 46].contains("spbe-47"));
    assert_eq!(lines[first + 47], "");
    assert_eq!(lines[first + 48], "\"Summary\"");
    assert_eq!(
        lines.len(),
        first + 50 + 12 + 1,
        "a row per group, then the whole"
    );
    let header = lines[first - 1];
    assert!(
        header.starts_with("\"No.\",\"Domain\",\"Indicator id\","),
        "the set's own word for a top-level group (terms.group) heads the column: {header}"
    );
    assert_eq!(
        lines.last().unwrap(),
        &"\"SPBE Index\",,2.60,\"Good\",100.00,33,47"
    );

    // In Indonesian (the default): `;`-separated with decimal commas.
    let o = run(&["score", &file, "--format", "csv"]);
    let csv = stdout(&o);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "\u{feff}\"Laporan penilaian\"");
    assert_eq!(
        lines.last().unwrap(),
        &"\"Indeks SPBE\";;2,60;\"Baik\";100,00;33;47"
    );
}

#[test]
fn score_with_an_explicit_set_file() {
    let dir = temp_dir("score-set-file");
    let set: J = serde_json::from_str(builtin::json("gm100sc-kesiapan").unwrap()).unwrap();
    let set_file = write(&dir, "set.json", &set);
    let file = write(&dir, "a.json", &example("gm100sc-kesiapan"));
    let o = run(&["score", "--set", &set_file, &file]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(json_out(&o)["overall"]["shown"], json!(0.89));
}

#[test]
fn advise_limits_its_recommendations() {
    let dir = temp_dir("advise");
    let file = write(&dir, "a.json", &example("spbe-2020"));
    let o = run(&["advise", &file, "--limit", "3"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let advice = json_out(&o);
    assert_eq!(advice["recommendations"].as_array().unwrap().len(), 3);
    assert_eq!(
        advice["plan"]["target"]["label"]["id"],
        json!("Sangat Baik")
    );
}

#[test]
fn compare_prints_the_overall_change() {
    let dir = temp_dir("compare");
    let old = write(&dir, "2025.json", &spbe_all("Kota Lama", 2));
    let mut now = spbe_all("Kota Lama", 2);
    now["answers"]["spbe-42"]["value"] = json!(5); // weight 3: +0.09
    let new = write(&dir, "2026.json", &now);
    let o = run(&["compare", &old, &new]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let c = json_out(&o);
    assert_eq!(
        c["overall"],
        json!({ "previous": 2.0, "current": 2.09, "change": 0.09 })
    );
}

#[test]
fn carry_fills_the_baseline_from_last_years_file_and_carries_its_evidence() {
    let dir = temp_dir("carry");
    let set = builtin::get("smart-city-evaluasi").expect("built in");
    let doc = |period: &str, level: u8, bl01: Option<f64>| {
        let mut answers = json!({
            "out-kbj-03": { "value": level, "notes": format!("Perwali {period}") },
            "out-klb-02": level,
        });
        if let Some(v) = bl01 {
            answers["bl-01"] = json!(v);
        }
        json!({ "setId": set.id, "setVersion": set.version,
                "region": { "name": "Kota Jambi", "period": period }, "answers": answers })
    };
    let last = write(&dir, "2025.json", &doc("2025", 2, None));
    let now = write(&dir, "2026.json", &doc("2026", 4, Some(1.5)));
    let shown = |file: &str| json_out(&run(&["score", file]))["overall"]["shown"].clone();
    let last_index = shown(&last);
    let o = run(&["carry", &last, &now]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = json_out(&o);
    // bl-01 was answered this year by the official: it stays; bl-02 is proposed.
    let filled: Vec<&str> = (out["filled"].as_array().expect("filled").iter())
        .map(|f| f["indicator"].as_str().expect("id"))
        .collect();
    assert_eq!(filled, ["bl-02"]);
    let a = &out["assessment"];
    assert_eq!(a["answers"]["bl-01"]["value"], json!(1.5));
    assert!(a["answers"]["bl-02"]["value"].as_f64().expect("filled") > 0.0);
    assert_eq!(
        a["carried"]["bl-02"],
        json!({ "from": "2025", "value": true })
    );
    assert_eq!(
        a["answers"]["out-kbj-03"]["notes"], "Perwali 2026",
        "this year's notes stay"
    );
    // Without this year's own bl-01, last year's index is proposed.
    let bare = write(&dir, "2026-bare.json", &doc("2026", 4, None));
    let out = json_out(&run(&["carry", &last, &bare]));
    assert_eq!(out["filled"][0]["indicator"], "bl-01");
    assert_eq!(out["filled"][0]["rule"], "index");
    assert_eq!(out["filled"][0]["value"], last_index);
}

#[test]
fn rank_orders_by_score_with_shared_ranks_for_ties() {
    let dir = temp_dir("rank");
    let files: Vec<String> = [
        ("Kota Dua", 2),
        ("Kota Empat A", 4),
        ("Kota Tiga", 3),
        ("Kota Empat B", 4),
        ("Kota Satu", 1),
    ]
    .iter()
    .enumerate()
    .map(|(i, (name, level))| {
        let sub = dir.join(format!("region-{i}"));
        std::fs::create_dir_all(&sub).unwrap();
        write(&sub, "assessment.json", &spbe_all(name, *level))
    })
    .collect();
    let args: Vec<&str> = std::iter::once("rank")
        .chain(files.iter().map(String::as_str))
        .collect();
    let o = run(&args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let rows = json_out(&o);
    let got: Vec<(u64, &str, f64)> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["rank"].as_u64().unwrap(),
                r["region"]["name"].as_str().unwrap(),
                r["score"].as_f64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (1, "Kota Empat A", 4.0),
            (1, "Kota Empat B", 4.0),
            (3, "Kota Tiga", 3.0),
            (4, "Kota Dua", 2.0),
            (5, "Kota Satu", 1.0),
        ]
    );

    let mut args = args.clone();
    args.extend(["--top", "2"]);
    let o = run(&args);
    assert_eq!(o.status.code(), Some(0));
    let names: Vec<String> = json_out(&o)
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["region"]["name"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(names, ["Kota Empat A", "Kota Empat B"]);
}

#[test]
fn rank_leaves_out_an_unreadable_file_and_says_so() {
    let dir = temp_dir("rank-bad");
    let good = write(&dir, "good.json", &spbe_all("Kota Baik", 3));
    let bad = dir.join("bad.json");
    std::fs::write(&bad, "{ not json").unwrap();
    let o = run(&["rank", &good, bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("left out of the ranking"),
        "{}",
        stderr(&o)
    );
    assert_eq!(json_out(&o).as_array().unwrap().len(), 1);
}

#[test]
fn usage_errors_exit_2() {
    let o = run(&["frobnicate"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("frobnicate"), "{}", stderr(&o));

    let o = run(&["show", "no-such-set"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no-such-set"));

    let dir = temp_dir("usage");
    let file = write(&dir, "a.json", &example("spbe-2020"));
    let o = run(&["score", "--set", "no-such-set", &file]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("neither a built-in set"),
        "{}",
        stderr(&o)
    );

    let o = run(&["score", &file, "--format", "xml"]);
    assert_eq!(o.status.code(), Some(2));

    let o = run(&[]);
    assert_eq!(o.status.code(), Some(2), "no subcommand is a usage error");
}

/// A base with three units, each assigned SPBE indicators.
fn team_base() -> J {
    json!({
        "setId": "spbe-2020", "setVersion": "2020.1",
        "region": { "name": "Kabupaten Banjar", "code": "6303", "period": "2026", "assessor": "Koordinator SPBE" },
        "answers": { "spbe-01": { "value": 2, "notes": "Perbup 12/2024" }, "spbe-05": { "value": 1, "notes": "SK" } },
        "units": [ { "id": "bappeda", "name": "Bappeda" }, { "id": "bkpsdm", "name": "BKPSDM" },
                   { "id": "diskominfo", "name": "Diskominfo" } ],
        "assignments": { "spbe-01": { "unit": "bappeda", "target": 3, "due": "2026-06-30" },
                         "spbe-05": { "unit": "bkpsdm" }, "spbe-10": { "unit": "diskominfo" } }
    })
}

/// Cuts a unit's share with the CLI and returns the exported file's assessment.
fn cut(base: &str, unit: &str) -> J {
    let o = run(&[
        "share",
        "--set",
        "spbe-2020",
        "--unit",
        unit,
        "--at",
        "2026-03-01T08:00:00Z",
        base,
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let doc = json_out(&o);
    assert_eq!(doc["format"], "swanilai-export/1");
    doc["content"]["assessment"].clone()
}

#[test]
fn share_holds_one_units_indicators_with_its_origin() {
    let dir = temp_dir("share");
    let base = write(&dir, "base.json", &team_base());
    let share = cut(&base, "bappeda");
    let ids: Vec<&String> = share["answers"].as_object().unwrap().keys().collect();
    assert_eq!(ids, ["spbe-01"]);
    assert_eq!(share["assignments"].as_object().unwrap().len(), 1);
    assert_eq!(share["share"]["unit"], "bappeda");
    assert_eq!(share["share"]["assignedBy"], "Koordinator SPBE");
    assert_eq!(share["share"]["at"], "2026-03-01T08:00:00Z");
    assert_eq!(share["share"]["base"].as_str().unwrap().len(), 64);
    assert_eq!(share["region"]["code"], "6303");

    let o = run(&["share", "--unit", "inspektorat", &base]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("unknown-unit") && stderr(&o).contains("base.json"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn merge_takes_shares_back_and_exits_1_on_an_unresolved_conflict() {
    let dir = temp_dir("merge");
    let base = write(&dir, "base.json", &team_base());
    let mut bappeda = cut(&base, "bappeda");
    bappeda["answers"]["spbe-01"] = json!({ "value": 3, "notes": "Perbup 12/2024" });
    bappeda["updatedAt"] = json!("2026-03-05T09:00:00Z");
    let mut bkpsdm = cut(&base, "bkpsdm");
    bkpsdm["answers"]["spbe-05"] = json!({ "value": 2, "notes": "SK" });
    bkpsdm["answers"]["spbe-10"] = json!(4); // Diskominfo's: a conflict
    let (a, b) = (
        write(&dir, "bappeda.json", &bappeda),
        write(&dir, "bkpsdm.json", &bkpsdm),
    );

    let o = run(&[
        "merge",
        "--set",
        "spbe-2020",
        "--at",
        "2026-04-01T00:00:00Z",
        &base,
        &a,
        &b,
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let r = json_out(&o);
    assert_eq!(r["unresolved"], 1);
    assert_eq!(r["conflicts"][0]["indicator"], "spbe-10");
    assert_eq!(r["conflicts"][0]["reason"], "outside-share");
    assert_eq!(r["conflicts"][0]["sides"][0]["unit"], "bkpsdm");
    assert_eq!(r["result"]["answers"]["spbe-01"]["value"], 3.0);
    assert_eq!(r["result"]["answers"]["spbe-05"]["value"], 2.0);
    assert!(
        r["result"]["answers"].get("spbe-10").is_none(),
        "nothing overwritten"
    );
    assert_eq!(
        r["result"]["changedBy"]["spbe-01"],
        json!({ "unit": "bappeda", "at": "2026-03-05T09:00:00Z" })
    );
    assert_eq!(
        r["result"]["changedBy"]["spbe-05"],
        json!({ "unit": "bkpsdm", "at": "2026-04-01T00:00:00Z" })
    );
    assert!(stderr(&o).contains("conflict: spbe-10"), "{}", stderr(&o));

    let o = run(&["merge", "--choose", "spbe-10=bkpsdm", &base, &a, &b]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let r = json_out(&o);
    assert_eq!(r["unresolved"], 0);
    assert_eq!(r["result"]["answers"]["spbe-10"]["value"], 4.0);

    let o = run(&["merge", "--choose", "spbe-10", &base, &a]);
    assert_eq!(
        o.status.code(),
        Some(2),
        "a choice without a side is a usage error"
    );
}

#[test]
fn merge_refuses_a_damaged_file_naming_it() {
    let dir = temp_dir("merge-bad");
    let base = write(&dir, "base.json", &team_base());
    let o = run(&["share", "--unit", "bappeda", &base]);
    let damaged = stdout(&o).replace("\"spbe-01\":{\"value\":2", "\"spbe-01\":{\"value\":5");
    let file = dir.join("rusak.json");
    std::fs::write(&file, damaged).unwrap();
    let mut other = cut(&base, "bkpsdm");
    other["region"]["code"] = json!("6371");
    let other = write(&dir, "banjarmasin.json", &other);

    let o = run(&["merge", &base, file.to_str().unwrap(), &other]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("rusak.json") && err.contains("integrity-mismatch"),
        "{err}"
    );
    assert!(
        err.contains("banjarmasin.json") && err.contains("region-mismatch"),
        "{err}"
    );
    let r = json_out(&o);
    assert_eq!(r["files"][0]["accepted"], false);
    assert_eq!(r["files"][1]["accepted"], false);
    assert_eq!(
        r["result"]["answers"]["spbe-01"]["value"], 2.0,
        "nothing changed"
    );
}

#[test]
fn csv_ends_with_a_row_per_unit() {
    let dir = temp_dir("csv-units");
    let mut base = team_base();
    base["updatedAt"] = json!("2026-07-01T08:00:00Z");
    let file = write(&dir, "base.json", &base);
    let o = run(&["score", "--format", "csv", "--lang", "en", &file]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let csv = stdout(&o);
    let lines: Vec<&str> = csv.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.starts_with("\"Unit\",\"Unit name\","))
        .expect("a unit header");
    assert_eq!(lines[at - 2], "", "a blank line before the section");
    assert_eq!(lines[at - 1], "\"Units\"", "the section's title");
    assert!(
        lines[at].ends_with("\"Overdue as of 2026-07-01\""),
        "{}",
        lines[at]
    );
    // spbe-01: target 3 due 2026-06-30, answered 2: overdue on 2026-07-01.
    assert_eq!(
        lines[at + 1],
        "\"bappeda\",\"Bappeda\",1,1,0,0,0,\"spbe-01\""
    );
    assert_eq!(lines[at + 2], "\"bkpsdm\",\"BKPSDM\",1,1,0,0,0,\"\"");
    assert_eq!(
        lines[at + 3],
        "\"diskominfo\",\"Diskominfo\",1,0,0,0,0,\"\""
    );
    assert!(
        lines[at + 4].starts_with("\"(not assigned)\",\"\",44,0,"),
        "{}",
        lines[at + 4]
    );
    assert_eq!(lines.len(), at + 5);

    let o = run(&["score", "--format", "csv", &file]);
    assert!(
        stdout(&o).contains("\"Unit\";\"Nama unit\";\"Indikator\";\"Dijawab\";"),
        "Indonesian header"
    );
}

#[test]
fn progress_lists_each_units_overdue_targets_on_a_date() {
    let dir = temp_dir("progress");
    let file = write(&dir, "base.json", &team_base());
    let o = run(&["progress", "--date", "2026-07-01", &file]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let p = json_out(&o);
    assert_eq!(p["date"], "2026-07-01");
    assert_eq!(p["units"][0]["unit"], "bappeda");
    assert_eq!(p["units"][0]["overdue"], json!(["spbe-01"]));
    let o = run(&["progress", "--date", "2026-06-30", &file]);
    assert_eq!(
        json_out(&o)["units"][0]["overdue"],
        json!([]),
        "due that day: not yet"
    );

    let o = run(&["progress", "--date", "1 Juli 2026", &file]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("YYYY-MM-DD"), "{}", stderr(&o));
}

#[test]
fn prerender_prints_the_first_screen_as_a_declarative_shadow_root() {
    let o = run(&[
        "prerender",
        "--set",
        "spbe-2020",
        "--region",
        "Kab. <Banjar> & \"Martapura\"",
        "--stylesheet",
        "/swanilai/swanilai.css",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let html = stdout(&o);
    assert!(
        html.starts_with(
            "<template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"/swanilai/swanilai.css\"><div class=\"swn\" lang=\"id\" data-version=\"2020.1\">"
        ),
        "{}",
        &html[..200]
    );
    assert!(html.trim_end().ends_with("</div></template>"));
    // The region as the element's `region` attribute gives it, escaped.
    assert!(html.contains(
        "data-region=\"name\" dir=\"auto\" autocomplete=\"organization\" value=\"Kab. &lt;Banjar&gt; &amp; &quot;Martapura&quot;\""
    ));
    // The first tab's indicators with their five levels, none chosen; the second tab's not.
    let set = IndicatorSet::from_json_str(builtin::json("spbe-2020").unwrap())
        .value
        .unwrap();
    let first_tab = swanilai::Scorer::new(&set).top_group_indicator_count(0);
    for i in 0..first_tab {
        for level in 1..=5 {
            assert!(
                html.contains(&format!(
                    "type=\"radio\" name=\"swn-r-{i}\" value=\"{level}\" data-i=\"{i}\" data-f=\"pick\""
                )),
                "indicator {i} level {level}"
            );
        }
    }
    assert!(!html.contains(&format!("data-i=\"{first_tab}\"")));
    assert!(!html.contains(" checked"));
    assert_eq!(html.matches("<script").count(), 0);
    assert_eq!(html.matches("style=").count(), 0);
    // English, and a set from a file.
    let dir = temp_dir("prerender");
    let file = dir.join("set.json");
    std::fs::write(&file, builtin::json("pemdi-2026").unwrap()).unwrap();
    let o = run(&["prerender", "--set", file.to_str().unwrap(), "--lang", "en"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("<div class=\"swn\" lang=\"en\" data-version=\""));
    assert!(stdout(&o).contains(">Export JSON</button>"));
}

#[test]
fn prerender_refuses_an_unknown_language_and_set() {
    let o = run(&["prerender", "--set", "spbe-2020", "--lang", "fr"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("--lang `fr`: use `id` or `en`"),
        "{}",
        stderr(&o)
    );
    let o = run(&["prerender", "--set", "no-such-set"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("`no-such-set` is neither a built-in set"));
}

#[test]
fn programs_import_writes_the_csv_into_an_assessment_and_lists_rows_left_out() {
    let dir = temp_dir("programs_import");
    let csv = dir.join("program.csv");
    std::fs::write(
        &csv,
        "pilar;subdimensi;program;opd;quick_win;survei\n\
         Smart Governance;Pelayanan publik;Pionirs;Disdukcapil;ya;ya\n\
         Smart Galaxy;Pelayanan publik;Roket;;;\n",
    )
    .expect("write");
    let csv = csv.to_string_lossy().into_owned();
    let o = run(&["programs", "import", "--set", "smart-city-evaluasi", &csv]);
    assert_eq!(o.status.code(), Some(1), "a row was left out");
    let a = json_out(&o);
    assert_eq!(a["setId"], "smart-city-evaluasi");
    assert_eq!(a["masterplan"]["programs"][0]["id"], "gov-pionirs");
    assert_eq!(
        a["masterplan"]["programs"].as_array().map(Vec::len),
        Some(1)
    );
    let err = stderr(&o);
    assert!(err.contains("row 3, column pilar"), "{err}");
    assert!(err.contains("[unknown-pillar]"), "{err}");

    // Into an assessment: its answers stay, and the generated indicator scores.
    let mut base = a.clone();
    base["answers"] = json!({ "oc-gov-pionirs": 4, "bl-01": 3 });
    let into = write(&dir, "a.json", &base);
    let o = run(&["programs", "import", "--into", &into, &csv]);
    let a = json_out(&o);
    assert_eq!(a["answers"]["oc-gov-pionirs"]["value"], 4.0);
    let scored = write(&dir, "scored.json", &a);
    let o = run(&["score", &scored]);
    let r = json_out(&o);
    let oc = r["indicators"]
        .as_array()
        .expect("indicators")
        .iter()
        .find(|i| i["id"] == "oc-gov-pionirs")
        .expect("generated");
    assert_eq!(oc["score"]["value"], 4.0);
    // No --set and no --into: a usage error.
    assert_eq!(run(&["programs", "import", &csv]).status.code(), Some(2));
}

#[test]
fn survey_form_and_aggregate_fill_the_impact_answer_and_name_refused_files() {
    let dir = temp_dir("survey");
    let mut a = json!({
        "setId": "smart-city-evaluasi", "setVersion": builtin::get("smart-city-evaluasi").unwrap().version,
        "region": { "name": "Kota Contoh", "code": "3571", "period": "2026" },
        "masterplan": { "programs": [ { "id": "gov-pionirs", "pillar": "governance",
            "subdimension": "layanan-publik", "name": "Pionirs", "survey": true } ] },
        "answers": {}
    });
    let file = write(&dir, "a.json", &a);
    let o = run(&["survey", "form", "--subdimension", "layanan-publik", &file]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let form = json_out(&o);
    assert_eq!(form["id"], "smart-city-evaluasi.survei.layanan-publik");
    let respondent = |v: u8| {
        let r = json!({ "setId": form["id"], "setVersion": form["version"],
            "region": a["region"], "answers": { "gov-pionirs.1": v, "gov-pionirs.2": v } });
        let content = swanilai::Json::parse(&json!({ "assessment": r }).to_string()).unwrap();
        swanilai::export::export_document(content, "2026-09-01T08:00:00Z")
    };
    let r1 = dir.join("r1.json");
    std::fs::write(&r1, respondent(4)).unwrap();
    let r2 = dir.join("r2.json");
    std::fs::write(&r2, respondent(2)).unwrap();
    let bad = dir.join("altered.json");
    std::fs::write(
        &bad,
        respondent(5).replace("\"gov-pionirs.2\":5", "\"gov-pionirs.2\":1"),
    )
    .unwrap();
    let paths: Vec<String> = [&r1, &r2, &bad]
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let mut args = vec![
        "survey",
        "aggregate",
        "--subdimension",
        "layanan-publik",
        &file,
    ];
    args.extend(paths.iter().map(String::as_str));
    let o = run(&args);
    assert_eq!(o.status.code(), Some(1), "a file was refused");
    let out = json_out(&o);
    assert_eq!(out["aggregation"]["value"], 3.0);
    assert_eq!(out["aggregation"]["respondents"], 2);
    assert_eq!(
        out["assessment"]["answers"]["im-layanan-publik"]["value"],
        3.0
    );
    let err = stderr(&o);
    assert!(
        err.contains("altered.json") && err.contains("[file-refused]"),
        "{err}"
    );
    assert!(err.contains("[few-respondents]"), "{err}");
    a["masterplan"]["programs"][0]["survey"] = json!(false);
    let file = write(&dir, "none.json", &a);
    let o = run(&["survey", "form", "--subdimension", "layanan-publik", &file]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no program of sub-dimension `layanan-publik`"));
}
