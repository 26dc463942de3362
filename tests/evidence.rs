//! The evidence format round-trips: a set with terms, level conditions, evidence items and
//! external indicators, and an assessment with item states and agency results, are written
//! back as they were read, also through an export file; two tabs' item states merge per item.

// Native only: serde_json is not built for wasm32.
#![cfg(not(target_arch = "wasm32"))]

use swanilai::export::{Integrity, export_document, open_assessment};
use swanilai::{Assessment, IndicatorSet, Json, Lang, Status, Term, Value};

const SET: &str = r#"{
  "id": "uji", "version": "1", "title": "Uji", "source": "tes",
  "scale": { "min": 1, "max": 5, "decimals": 2 },
  "predicates": [ { "min": 1, "max": 3, "label": "Rendah" }, { "min": 3, "max": 5, "label": "Tinggi" } ],
  "terms": { "index": { "id": "Indeks Pemdi", "en": "Pemdi Index" }, "evidence": "Data dukung" },
  "groups": [ { "id": "a", "title": "A", "weight": 1, "indicators": [
    { "id": "i1", "title": "I1", "weight": 1, "answer": { "kind": "level", "levels": [
      { "label": "Satu", "condition": { "id": "Kondisi", "en": "Condition" },
        "evidence": [ { "id": "l1-sk", "text": "SK" }, { "id": "l1-x", "text": "X", "required": false } ] },
      { "label": "Dua" } ] } },
    { "id": "i2", "title": "I2", "weight": 1, "answer": { "kind": "level", "levels": [
      { "label": "Satu" }, { "label": "Dua" } ] },
      "external": { "agency": "BPS", "source": "EPSS", "mapping": [ { "limit": 0, "score": 1 }, { "limit": 50, "score": 2 } ] } }
  ] } ]
}"#;

const ASSESSMENT: &str = r#"{
  "setId": "uji", "setVersion": "1",
  "answers": {
    "i1": { "value": 2, "evidence": { "l1-sk": { "status": "siap", "notes": "SK 1/2026", "links": ["https://a.go.id/sk.pdf"] },
                                      "l1-x": { "status": "draf" }, "kept": { "status": "belum", "notes": "n" } } },
    "i2": { "external": { "result": 78.5, "year": 2025, "source": "https://epss.bps.go.id" } }
  }
}"#;

fn set() -> IndicatorSet {
    let parsed = IndicatorSet::from_json_str(SET);
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    parsed.value.expect("valid")
}

#[test]
fn a_set_with_evidence_is_written_back_as_read() {
    let set = set();
    let level = match &set.groups[0].indicators[0].answer {
        swanilai::AnswerKind::Level { levels } => &levels[0],
        _ => panic!("a level indicator"),
    };
    assert!(level.evidence[0].required && !level.evidence[1].required);
    assert_eq!(set.term(Term::Index, Lang::En), "Pemdi Index");
    assert_eq!(set.term(Term::Evidence, Lang::En), "Data dukung"); // Indonesian only: falls back
    assert_eq!(set.term(Term::Group, Lang::Id), "Kelompok"); // not named: the default
    let written = serde_json::to_string(&set).expect("serializes");
    assert!(
        !written.contains("\"required\":true"),
        "the default is left out: {written}"
    );
    let again = IndicatorSet::from_json_str(&written);
    assert!(again.problems.is_empty(), "{:?}", again.problems);
    assert_eq!(again.value.as_ref(), Some(&set));
}

#[test]
fn an_assessment_with_evidence_survives_an_export() {
    let a = Assessment::from_json_str(ASSESSMENT)
        .value
        .expect("readable");
    let i1 = &a.answers["i1"];
    assert_eq!(i1.evidence["l1-sk"].status, Status::Siap);
    assert_eq!(i1.evidence["l1-x"].status, Status::Draf);
    assert_eq!(
        a.answers["i2"].external.as_ref().and_then(|x| x.year),
        Some(2025)
    );
    let written = serde_json::to_string(&a).expect("serializes");
    assert_eq!(Assessment::from_json_str(&written).value.as_ref(), Some(&a));
    let content = Json::parse(&format!(r#"{{"assessment": {written}}}"#)).expect("JSON");
    let file = export_document(content, "2026-12-07T10:00:00Z");
    let opened = open_assessment(&file);
    assert_eq!(opened.integrity, Integrity::Intact);
    assert!(opened.problems.is_empty(), "{:?}", opened.problems);
    assert_eq!(opened.assessment.as_ref(), Some(&a));
}

#[test]
fn two_tabs_evidence_merges_item_by_item() {
    let base = Assessment::from_json_str(ASSESSMENT)
        .value
        .expect("readable");
    let (mut mine, mut theirs) = (base.clone(), base.clone());
    let item = |a: &mut Assessment, id: &str| {
        a.answers
            .get_mut("i1")
            .and_then(|x| x.evidence.get_mut(id))
            .map(|e| e.status = Status::Siap)
    };
    item(&mut mine, "l1-x");
    theirs.answers.get_mut("i1").expect("i1").evidence.insert(
        "l2-new".into(),
        swanilai::ItemEvidence {
            status: Status::Draf,
            ..Default::default()
        },
    );
    theirs.set_value("i2", Value::Number(1.0));
    let (both, clashes) = mine.merge(&base, &theirs, true);
    let ev = &both.answers["i1"].evidence;
    assert_eq!(ev["l1-x"].status, Status::Siap, "mine");
    assert_eq!(ev["l2-new"].status, Status::Draf, "theirs");
    assert_eq!(both.answers["i2"].value, Some(Value::Number(1.0)));
    assert!(both.answers["i2"].external.is_some(), "kept");
    assert!(clashes.is_empty(), "{clashes:?}");
}

fn cli(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_swanilai"))
        .args(args)
        .output()
        .expect("the CLI runs")
}

fn temp(name: &str, text: &str) -> String {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("evidence");
    std::fs::create_dir_all(&dir).expect("temp dir");
    let p = dir.join(name);
    std::fs::write(&p, text).expect("write");
    p.to_string_lossy().into_owned()
}

#[test]
fn exports_speak_the_frameworks_words() {
    let set = set();
    let a = Assessment::from_json_str(ASSESSMENT)
        .value
        .expect("readable");
    let report = swanilai::score(&set, &a);
    let csv = swanilai::report_csv(&set, &a, &report, Lang::Id, "2026-12-07T10:00:00Z");
    // The indicator section's header row (the report's particulars come first).
    let header = csv
        .lines()
        .find(|l| l.starts_with("\"No.\";"))
        .expect("a header");
    assert!(
        header.starts_with("\"No.\";\"Kelompok\";")
            && header.contains(";\"Catatan data dukung\";\"Tautan data dukung\";"),
        "{header}"
    );
    assert!(
        csv.lines()
            .last()
            .expect("rows")
            .starts_with("\"Indeks Pemdi\";")
    );
    let csv = swanilai::report_csv(&set, &a, &report, Lang::En, "2026-12-07T10:00:00Z");
    assert!(
        csv.lines()
            .last()
            .expect("rows")
            .starts_with("\"Pemdi Index\",")
    );
    assert!(
        csv.lines()
            .find(|l| l.starts_with("\"No.\","))
            .expect("a header")
            .contains(",\"Data dukung notes\",\"Data dukung links\",\"Claimed\",\"Evidenced\","),
    );
}

#[test]
fn the_cli_text_report_gives_both_indices_and_the_provisional_count() {
    // i1 claims level 2, but level 1's required item is only a draft: evidenced level 0,
    // which scores the scale minimum. i2 is unanswered.
    let a = r#"{"setId": "uji", "setVersion": "1", "answers": {"i1": {"value": 2, "evidence": {"l1-sk": {"status": "draf"}}}}}"#;
    let (s, f) = (temp("set.json", SET), temp("a.json", a));
    let o = cli(&["score", "--set", &s, &f, "--format", "text"]);
    let text = String::from_utf8(o.stdout).expect("UTF-8");
    // Claimed: i1 at 2, i2 unanswered at the minimum 1: 1.50. Evidenced: both at 1: 1.00.
    assert!(
        text.contains("Indeks Pemdi") && text.contains("1,50"),
        "{text}"
    );
    assert!(
        text.contains("Indeks Pemdi menurut data dukung") && text.contains("1,00"),
        "{text}"
    );
    assert!(
        text.contains("Sementara: 1 dari 2 indikator dijawab"),
        "{text}"
    );
    let o = cli(&["score", "--set", &s, &f, "--format", "text", "--lang", "en"]);
    let text = String::from_utf8(o.stdout).expect("UTF-8");
    assert!(text.contains("Pemdi Index as evidenced"), "{text}");
    assert!(
        text.contains("Provisional: 1 of 2 indicators answered"),
        "{text}"
    );
}

#[test]
fn the_results_view_names_the_index_and_marks_it_provisional() {
    let set = set();
    let scorer = swanilai::Scorer::new(&set);
    let a = Assessment::from_json_str(ASSESSMENT)
        .value
        .expect("readable");
    let tally = scorer.tally(scorer.indicator_scores(&a));
    let answered = swanilai::view::answered_flags(&scorer, &a);
    let v = swanilai::view::results(&scorer, &tally, &answered, Lang::Id);
    assert_eq!(v.index_label, "Indeks Pemdi");
    assert_eq!(
        v.provisional, None,
        "i2 is answered through the agency's result"
    );
    let none = Assessment::new("uji", "1");
    let answered = swanilai::view::answered_flags(&scorer, &none);
    let tally = scorer.tally(scorer.indicator_scores(&none));
    let v = swanilai::view::results(&scorer, &tally, &answered, Lang::En);
    assert_eq!(v.index_label, "Pemdi Index");
    assert_eq!(
        v.provisional.as_deref(),
        Some("Provisional: 0 of 2 indicators answered")
    );
}

#[test]
fn the_cli_check_exits_1_while_anything_blocks() {
    let s = temp("check-set.json", SET);
    let blocked = temp(
        "check-blocked.json",
        r#"{"setId": "uji", "setVersion": "1", "answers": {"i1": {"value": 1, "evidence": {"l1-sk": {"status": "siap", "links": ["intranet/sk.pdf"]}}}}}"#,
    );
    let o = cli(&["check", "--set", &s, &blocked]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON on stdout");
    assert_eq!(v["ready"], false);
    let kinds: Vec<&str> = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["kind"].as_str().expect("a kind"))
        .collect();
    // A link that is not http(s) is read into the item's notes as text and flagged while
    // reading: the item has its notes, and the warning names the link's place.
    assert_eq!(kinds, ["unanswered"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("warning: answers.i1.evidence.l1-sk.links[0]: `intranet/sk.pdf` is not an http(s) web address: it is kept in the notes as text")
            && err.contains("[link-not-web]"),
        "{err}"
    );
    assert_eq!(v["findings"][0]["indicator"], "i2");
    assert_eq!(v["findings"][0]["number"], 2);
    let ready = temp(
        "check-ready.json",
        r#"{"setId": "uji", "setVersion": "1", "answers": {"i1": {"value": 1, "evidence": {"l1-sk": {"status": "siap", "notes": "SK 1/2026"}}},
            "i2": {"external": {"result": 10}}}}"#,
    );
    let o = cli(&["check", "--set", &s, &ready]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
}

#[test]
fn the_check_view_puts_what_blocks_first_and_names_each_indicator() {
    let set = set();
    let scorer = swanilai::Scorer::new(&set);
    let a = Assessment::from_json_str(
        r#"{"setId": "uji", "setVersion": "1", "answers": {"i1": {"value": 1,
            "evidence": {"l1-sk": {"status": "siap", "notes": "SK"}, "l1-x": {"status": "draf"}}}}}"#,
    )
    .value
    .expect("readable");
    let c = swanilai::check::check(&scorer, &a);
    let v = swanilai::view::check_view(&c, Lang::En);
    assert_eq!(v.headline, "Not ready to submit: 1 thing to fix.");
    let lines: Vec<(usize, bool)> = v.lines.iter().map(|l| (l.indicator, l.blocks)).collect();
    assert_eq!(
        lines,
        [(1, true), (0, false)],
        "i2 unanswered first, then i1's draft"
    );
    assert!(
        v.lines[0].text.starts_with("Indicator 2 (I2): "),
        "{}",
        v.lines[0].text
    );
    // The agency's result answers i2: nothing blocks any more.
    let mut a = a;
    a.answers.entry("i2".into()).or_default().external = Some(swanilai::ExternalResult {
        result: Some(60.0),
        ..Default::default()
    });
    let v = swanilai::view::check_view(&swanilai::check::check(&scorer, &a), Lang::Id);
    assert_eq!(v.headline, "Siap diajukan.");
    let r = scorer.score(&a);
    let x = r.indicators[1].external.as_ref().expect("external");
    assert_eq!(
        swanilai::view::taken_from(&x.agency, x.from_result, Lang::Id),
        "Tingkat dari hasil evaluasi BPS"
    );
    assert_eq!(
        r.indicators[1].level,
        Some(2),
        "60 reaches the 50 band: level 2"
    );
}

#[test]
fn the_csv_of_a_set_with_items_gives_claimed_and_evidenced_levels() {
    let set = set();
    let a = Assessment::from_json_str(
        r#"{"setId": "uji", "setVersion": "1", "answers": {"i1": {"value": 2,
            "evidence": {"l1-sk": {"status": "draf"}}}, "i2": {"value": 2}}}"#,
    )
    .value
    .expect("readable");
    let report = swanilai::score(&set, &a);
    let csv = swanilai::report_csv(&set, &a, &report, Lang::Id, "2026-12-07T10:00:00Z");
    let lines: Vec<&str> = csv.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.starts_with("\"No.\";"))
        .expect("the indicators' header");
    assert!(
        lines[at].ends_with(";\"Klaim\";\"Terbukti\";\"Data dukung belum siap\""),
        "{}",
        lines[at]
    );
    assert!(
        lines[at + 1].ends_with(";2;0;\"SK\""),
        "i1: claims 2, evidenced 0, SK missing: {}",
        lines[at + 1]
    );
    assert!(
        lines[at + 2].ends_with(";2;2;\"\""),
        "i2 has no items: {}",
        lines[at + 2]
    );
    // The whole: claimed 2,00 in the score column, evidenced (1 + 2) / 2 = 1,50 in its own.
    let whole = lines.last().expect("rows");
    assert!(
        whole.starts_with("\"Indeks Pemdi\";;2,00;") && whole.ends_with(";1,50"),
        "{whole}"
    );
}
