//! The texts a person reads about a number or a file: an answer out of range names its bounds
//! in words and writes numbers as the language does; a number field reads `50 %` in a percent
//! field and the minus sign U+2212; a file that is not JSON says where, once, in the message's
//! own language.

// Native only: the messages are the same on every target, and tests/web.rs covers the binding.
#![cfg(not(target_arch = "wasm32"))]

use swanilai::view::read_number;
use swanilai::{
    AnswerKind, Assessment, Better, Code, IndicatorSet, Lang, NumberMapping, Scale, Text, Value,
    answer_score,
};

fn number(min: Option<f64>, max: Option<f64>) -> AnswerKind {
    AnswerKind::Number {
        unit: None,
        min,
        max,
        better: Better::Higher,
        mapping: NumberMapping::Linear {
            from: 0.0,
            to: 100.0,
        },
    }
}

/// The Indonesian and English messages for a value.
fn messages(kind: &AnswerKind, v: f64) -> (String, String) {
    let e = answer_score(kind, &Scale::default(), &Value::Number(v)).expect_err("out of range");
    assert_eq!(e.code, Code::ValueOutOfRange);
    (e.id, e.en)
}

#[test]
fn an_open_range_is_written_in_words() {
    let (id, en) = messages(&number(Some(0.0), None), -3.0);
    assert_eq!(id, "nilai harus paling kecil 0, bukan -3");
    assert_eq!(en, "the value must be at least 0, got -3");
    let (id, en) = messages(&number(None, Some(12_500.0)), 20_000.5);
    assert_eq!(id, "nilai harus paling besar 12.500, bukan 20.000,5");
    assert_eq!(en, "the value must be at most 12,500, got 20,000.5");
    for m in [id, en] {
        assert!(!m.contains("inf"), "{m}");
    }
}

#[test]
fn a_closed_range_is_joined_by_a_word_not_a_hyphen() {
    let (id, en) = messages(&number(Some(-100.0), Some(5.0)), -250.25);
    assert_eq!(id, "nilai harus dari -100 sampai 5, bukan -250,25");
    assert_eq!(en, "the value must be from -100 to 5, got -250.25");
    let percent = AnswerKind::Percent {
        better: Better::Higher,
    };
    let (id, en) = messages(&percent, 1500.0);
    assert_eq!(id, "nilai harus dari 0 sampai 100, bukan 1.500");
    assert_eq!(en, "the value must be from 0 to 100, got 1,500");
}

#[test]
fn a_level_out_of_range_writes_numbers_as_the_language_does() {
    let set = IndicatorSet::from_json_str(
        r#"{"id": "uji", "version": "1", "title": "Uji",
            "predicates": [{"min": 0, "max": 5, "label": "Semua"}],
            "groups": [{"id": "g", "title": "G", "indicators": [
              {"id": "a", "title": "A", "answer": {"kind": "level", "levels": [{"label": "Satu"}, {"label": "Dua"}]}}]}]}"#,
    )
    .value
    .expect("a valid set");
    let kind = &set.indicators().next().expect("one indicator").answer;
    let e = answer_score(kind, &set.scale, &Value::Number(2.5)).expect_err("not a level");
    assert_eq!(e.id, "tingkat harus bilangan bulat 1 sampai 2, bukan 2,5");
    assert_eq!(
        e.en,
        "the level must be a whole number from 1 to 2, got 2.5"
    );
}

#[test]
fn a_field_shows_the_message_as_a_sentence_in_its_language() {
    let scale = Scale::default();
    let kind = number(Some(0.0), None);
    assert_eq!(
        read_number(&kind, &scale, "-3", Lang::Id, Lang::Id),
        Err("Nilai harus paling kecil 0, bukan -3.".into())
    );
    // "1.500" typed in Indonesian is 1500, shown in English as English writes it.
    assert_eq!(
        read_number(&AnswerKind::Score, &scale, "1.500", Lang::Id, Lang::En),
        Err("The value must be from 0 to 5, got 1,500.".into())
    );
}

#[test]
fn a_percent_field_takes_a_trailing_percent_sign() {
    let scale = Scale::default();
    let percent = AnswerKind::Percent {
        better: Better::Higher,
    };
    for text in ["50%", "50 %", " 50\u{a0}% ", "12,5%"] {
        let want = if text.contains(',') { 12.5 } else { 50.0 };
        assert_eq!(
            read_number(&percent, &scale, text, Lang::Id, Lang::Id),
            Ok(Some(Value::Number(want))),
            "{text:?}"
        );
    }
    // Also in a number field whose unit is a percentage ("% APBD"), not in others.
    let number = |unit: &str| AnswerKind::Number {
        unit: Some(Text::new(unit, unit)),
        min: Some(0.0),
        max: Some(100.0),
        better: Better::Higher,
        mapping: NumberMapping::Linear {
            from: 0.0,
            to: 100.0,
        },
    };
    for text in ["2%", "2,5 %"] {
        let want = if text.contains(',') { 2.5 } else { 2.0 };
        let got = read_number(&number("% APBD"), &scale, text, Lang::Id, Lang::Id);
        assert_eq!(got, Ok(Some(Value::Number(want))), "{text:?}");
    }
    assert_eq!(
        read_number(&number("Mbps"), &scale, "2%", Lang::Id, Lang::En),
        Err("Not a valid number.".into())
    );
    // Only in a percent field, only at the end, and only one.
    for (kind, text) in [
        (&AnswerKind::Score, "3%"),
        (&percent, "%50"),
        (&percent, "50%%"),
        (&percent, "%"),
    ] {
        assert_eq!(
            read_number(kind, &scale, text, Lang::Id, Lang::En),
            Err("Not a valid number.".into()),
            "{text:?}"
        );
    }
}

#[test]
fn the_unicode_minus_sign_is_a_minus() {
    let scale = Scale {
        min: -5.0,
        ..Scale::default()
    };
    assert_eq!(
        read_number(
            &AnswerKind::Score,
            &scale,
            "\u{2212}0,3",
            Lang::Id,
            Lang::Id
        ),
        Ok(Some(Value::Number(-0.3)))
    );
    assert_eq!(
        read_number(
            &AnswerKind::Score,
            &scale,
            "\u{2212}1.5",
            Lang::En,
            Lang::En
        ),
        Ok(Some(Value::Number(-1.5)))
    );
}

#[test]
fn a_file_that_is_not_json_says_where_once_in_its_own_language() {
    // What an image, a .docx (a zip) or a CSV file gives: no JSON value at line 1 column 1.
    for text in [
        "\u{89}PNG\r\n",
        "PK\u{3}\u{4}",
        "indikator;nilai\nspbe-01;3\n",
    ] {
        for problems in [
            Assessment::from_json_str(text).problems,
            IndicatorSet::from_json_str(text).problems,
        ] {
            let [p] = problems.as_slice() else {
                panic!("one problem: {problems:?}")
            };
            assert_eq!(p.code, Code::JsonSyntax);
            assert_eq!(
                p.path, "",
                "no JSON path, so no English `line 1 column 1` before it"
            );
            assert!(
                p.message
                    .id
                    .starts_with("JSON tidak sah di baris 1 kolom 1: "),
                "{}",
                p.message.id
            );
            let en = p.message.en.as_deref().unwrap_or_default();
            assert!(en.starts_with("invalid JSON at line 1 column 1: "), "{en}");
            assert!(!p.message.id.contains("line"), "{}", p.message.id);
            // Where the widget writes `path: message [code]`, the location comes once.
            assert_eq!(p.to_string().matches("line 1 column 1").count(), 1, "{p}");
        }
    }
}
