//! The impact survey: the form per sub-dimension, and the aggregation of respondents'
//! exported files into the Impact answer (mean over respondents, then over statements), with
//! files of another set, region or period, altered or repeated, refused by name.

// Native only: the built-in sets are compiled in for native builds only.
#![cfg(not(target_arch = "wasm32"))]

use swanilai::export::export_document;
use swanilai::masterplan::{Masterplan, Program};
use swanilai::survey::{SurveyFile, aggregate, apply, survey_set};
use swanilai::{Assessment, IndicatorSet, Json, Scorer, Value, builtin};

fn smart_city() -> IndicatorSet {
    builtin::get("smart-city-evaluasi").expect("built in")
}

/// An assessment of Kota Contoh with two surveyed programs in `layanan-publik`, one not
/// surveyed there, and one surveyed in another sub-dimension.
fn assessment(set: &IndicatorSet) -> Assessment {
    let mut a = Assessment::new(&set.id, &set.version);
    a.region.name = "Kota Contoh".into();
    a.region.code = "3571".into();
    a.region.period = "2026".into();
    let prog = |id: &str, sub: &str, name: &str, survey: bool| {
        let mut p = Program::new(id, "governance", sub, name);
        p.survey = survey;
        p
    };
    a.masterplan = Some(Masterplan {
        document: String::new(),
        programs: vec![
            prog("gov-pionirs", "layanan-publik", "Pionirs", true),
            prog("gov-mpp", "layanan-publik", "Mal Pelayanan Publik", true),
            prog("gov-sipd", "layanan-publik", "SIPD", false),
            prog("gov-jdih", "kebijakan-publik", "JDIH", true),
        ],
    });
    a
}

/// A respondent's exported file answering the statements `answers` (id, level).
fn respondent(form: &IndicatorSet, a: &Assessment, answers: &[(&str, f64)]) -> String {
    let mut r = Assessment::new(&form.id, &form.version);
    r.region = a.region.clone();
    for (id, v) in answers {
        r.set_value(id, Value::Number(*v));
    }
    let content = Json::Object(vec![(
        "assessment".into(),
        swanilai::json::to_json(&r).expect("serializes"),
    )]);
    export_document(content, "2026-09-01T08:00:00Z")
}

fn file(name: &str, text: String) -> SurveyFile {
    SurveyFile {
        name: name.into(),
        text,
    }
}

#[test]
fn the_form_asks_every_statement_about_every_surveyed_program_of_the_subdimension() {
    let set = smart_city();
    let a = assessment(&set);
    let form = survey_set(&set, &a, "layanan-publik").expect("a form");
    assert_eq!(form.id, "smart-city-evaluasi.survei.layanan-publik");
    assert!(
        swanilai::validate_set(&form).is_empty(),
        "{:?}",
        swanilai::validate_set(&form)
    );
    let ids: Vec<&str> = form.indicators().map(|i| i.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "gov-pionirs.1",
            "gov-pionirs.2",
            "gov-pionirs.3",
            "gov-mpp.1",
            "gov-mpp.2",
            "gov-mpp.3"
        ]
    );
    let second = form.indicators().nth(4).expect("five statements or more");
    assert_eq!(
        second.title.id,
        "Mal Pelayanan Publik memudahkan urusan saya atau warga di sekitar saya."
    );
    // The form says its statements are not the ministry's.
    assert!(form.source.contains("not the ministry's"));
    // No surveyed program, an unknown sub-dimension, a set without a template: refused.
    assert_eq!(
        survey_set(&set, &a, "birokrasi").unwrap_err().code.as_str(),
        "answers-empty"
    );
    assert_eq!(
        survey_set(&set, &a, "nope").unwrap_err().code.as_str(),
        "unknown-subdimension"
    );
    let spbe = builtin::get("spbe-2020").expect("built in");
    assert!(survey_set(&spbe, &a, "layanan-publik").is_err());
}

#[test]
fn three_files_aggregate_to_the_mean_over_respondents_then_statements() {
    let set = smart_city();
    let mut a = assessment(&set);
    let form = survey_set(&set, &a, "layanan-publik").expect("a form");
    let files = [
        // Respondent 1 answers all six statements.
        file(
            "r1.json",
            respondent(
                &form,
                &a,
                &[
                    ("gov-pionirs.1", 5.0),
                    ("gov-pionirs.2", 4.0),
                    ("gov-pionirs.3", 4.0),
                    ("gov-mpp.1", 3.0),
                    ("gov-mpp.2", 3.0),
                    ("gov-mpp.3", 2.0),
                ],
            ),
        ),
        // Respondent 2 skips the Mal Pelayanan Publik statements.
        file(
            "r2.json",
            respondent(
                &form,
                &a,
                &[
                    ("gov-pionirs.1", 4.0),
                    ("gov-pionirs.2", 2.0),
                    ("gov-pionirs.3", 3.0),
                ],
            ),
        ),
        // Respondent 3 answers two, one of them out of range (not counted).
        file(
            "r3.json",
            respondent(&form, &a, &[("gov-pionirs.1", 3.0), ("gov-mpp.3", 9.0)]),
        ),
    ];
    let agg = aggregate(&set, &a, "layanan-publik", &files).expect("aggregates");
    // Statement means: p.1 (5+4+3)/3 = 4, p.2 (4+2)/2 = 3, p.3 (4+3)/2 = 3.5, m.1 3, m.2 3,
    // m.3 2 (the 9 is not a level). Mean over the six statements: 18.5 / 6.
    let means: Vec<(&str, f64, usize)> = agg
        .statements
        .iter()
        .map(|s| (s.id.as_str(), s.mean, s.respondents))
        .collect();
    assert_eq!(
        means,
        [
            ("gov-pionirs.1", 4.0, 3),
            ("gov-pionirs.2", 3.0, 2),
            ("gov-pionirs.3", 3.5, 2),
            ("gov-mpp.1", 3.0, 1),
            ("gov-mpp.2", 3.0, 1),
            ("gov-mpp.3", 2.0, 1),
        ]
    );
    let value = agg.value.expect("a value");
    assert!((value - 18.5 / 6.0).abs() < 1e-12, "{value}");
    assert_eq!(agg.respondents, 3);
    assert_eq!(agg.indicator, "im-layanan-publik");
    // Three is below the 50 the survey rules ask for: a warning, the value still counts.
    let codes: Vec<&str> = agg.problems.iter().map(|p| p.code.as_str()).collect();
    assert_eq!(codes, ["few-respondents"]);
    assert!(agg.problems[0].message.id.contains("50"));

    a.answers
        .entry("im-layanan-publik".into())
        .or_default()
        .notes = "Survei dampak: 1 responden, lama\nDilaksanakan oleh Disdukcapil".into();
    apply(&mut a, &agg);
    let answer = &a.answers["im-layanan-publik"];
    assert_eq!(answer.value, Some(Value::Number(value)));
    assert_eq!(
        answer.notes,
        "Survei dampak: 3 responden, 6 pernyataan, rata-rata 3.0833\nDilaksanakan oleh Disdukcapil"
    );
    // The Impact indicator of the sub-dimension now scores the survey's value.
    let report = Scorer::new(&set).score(&a);
    let im = report
        .indicators
        .iter()
        .find(|i| i.id == "im-layanan-publik")
        .expect("generated");
    assert_eq!(im.score.value, Some(value));
}

#[test]
fn files_of_another_survey_region_or_period_altered_or_repeated_are_refused_by_name() {
    let set = smart_city();
    let a = assessment(&set);
    let form = survey_set(&set, &a, "layanan-publik").expect("a form");
    let good = respondent(&form, &a, &[("gov-pionirs.1", 4.0)]);
    let other_sub = survey_set(&set, &a, "kebijakan-publik").expect("a form");
    let mut elsewhere = a.clone();
    elsewhere.region.code = "3171".into();
    elsewhere.region.name = "Kota Lain".into();
    let mut last_year = a.clone();
    last_year.region.period = "2025".into();
    let files = [
        file("baik.json", good.clone()),
        file(
            "jdih.json",
            respondent(&other_sub, &a, &[("gov-jdih.1", 4.0)]),
        ),
        file(
            "kota-lain.json",
            respondent(&form, &elsewhere, &[("gov-pionirs.1", 5.0)]),
        ),
        file(
            "2025.json",
            respondent(&form, &last_year, &[("gov-pionirs.1", 5.0)]),
        ),
        file(
            "diubah.json",
            good.replace("\"value\": 4", "\"value\": 5")
                .replace("\"value\":4", "\"value\":5"),
        ),
        file("lagi.json", good.clone()),
        file("rusak.json", "{ not json".into()),
        file("kosong.json", respondent(&form, &a, &[])),
    ];
    let agg = aggregate(&set, &a, "layanan-publik", &files).expect("aggregates");
    let accepted: Vec<(&str, bool)> = agg
        .files
        .iter()
        .map(|f| (f.file.as_str(), f.accepted))
        .collect();
    assert_eq!(
        accepted,
        [
            ("baik.json", true),
            ("jdih.json", false),
            ("kota-lain.json", false),
            ("2025.json", false),
            ("diubah.json", false),
            ("lagi.json", false),
            ("rusak.json", false),
            ("kosong.json", false),
        ]
    );
    assert_eq!((agg.value, agg.respondents), (Some(4.0), 1));
    let refused: Vec<(&str, &str)> = agg
        .problems
        .iter()
        .filter(|p| p.code.as_str() == "file-refused")
        .map(|p| (p.path.as_str(), p.message.en.as_deref().unwrap_or("")))
        .collect();
    assert_eq!(refused.len(), 7, "{refused:?}");
    for ((path, msg), name) in refused.iter().zip([
        "jdih.json",
        "kota-lain.json",
        "2025.json",
        "diubah.json",
        "lagi.json",
        "rusak.json",
        "kosong.json",
    ]) {
        assert!(msg.contains(name), "{path}: {msg} names {name}");
    }
    assert!(refused[0].1.contains("kebijakan-publik"));
    assert!(refused[1].1.contains("another region"));
    assert!(refused[2].1.contains("period 2025"));
    assert!(refused[3].1.contains("SHA-256"), "{}", refused[3].1);
    assert!(refused[4].1.contains("same as file `baik.json`"));
}
