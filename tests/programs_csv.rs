//! The masterplan's programs from CSV: the crate's own CSV reader agrees with the `csv` crate
//! on any text (a differential property test), and the import keeps good rows and lists the
//! problems of the others by row and column.

// Native only: proptest and the csv crate are native dev-dependencies.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use swanilai::masterplan::{Masterplan, Program};
use swanilai::programs::{detect_delimiter, import_programs, parse_csv};
use swanilai::{Assessment, Scorer, Value, builtin};

/// What the `csv` crate reads from `text` (no header row, records of any length).
fn reference(text: &str, delimiter: char) -> Vec<Vec<String>> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter as u8)
        .from_reader(text.as_bytes());
    r.records()
        .map(|rec| {
            rec.expect("text input reads")
                .iter()
                .map(str::to_string)
                .collect()
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    /// Any text made of the characters that matter to CSV reads the same as the csv crate
    /// reads it, with either separator.
    #[test]
    fn the_reader_agrees_with_the_csv_crate(
        text in proptest::collection::vec(
            prop_oneof![
                Just("a"), Just("Bé"), Just(","), Just(";"), Just("\""), Just("\n"),
                Just("\r"), Just("\r\n"), Just(" "), Just("\"\""),
            ],
            0..40,
        ).prop_map(|parts| parts.concat()),
        semicolon in any::<bool>(),
    ) {
        let d = if semicolon { ';' } else { ',' };
        // A leading byte-order mark is the crate's to strip, as the csv crate does.
        prop_assert_eq!(parse_csv(&text, d), reference(&text, d), "text {:?}", text);
        prop_assert_eq!(parse_csv(&format!("\u{feff}{text}"), d), reference(&text, d));
    }

    /// Records the csv crate writes read back field for field.
    #[test]
    fn what_the_csv_crate_writes_reads_back(
        rows in proptest::collection::vec(
            proptest::collection::vec("[a-z;,\" \n]{0,6}", 1..5),
            1..6,
        ),
        semicolon in any::<bool>(),
    ) {
        let d = if semicolon { b';' } else { b',' };
        let mut w = csv::WriterBuilder::new().delimiter(d).flexible(true).from_writer(Vec::new());
        for r in &rows {
            w.write_record(r).expect("writes");
        }
        let text = String::from_utf8(w.into_inner().expect("flushes")).expect("UTF-8");
        // (A record of one empty field is written as `""`, not as a blank line.)
        prop_assert_eq!(parse_csv(&text, d as char), rows);
    }
}

/// An assessment of the smart city evaluation with nothing in it.
fn empty() -> Assessment {
    let set = builtin::get("smart-city-evaluasi").expect("built in");
    Assessment::new(&set.id, &set.version)
}

#[test]
fn the_separator_is_the_one_the_header_uses_more() {
    assert_eq!(detect_delimiter("pilar;subdimensi;program\n"), ';');
    assert_eq!(detect_delimiter("pilar,subdimensi,program\n"), ',');
    assert_eq!(detect_delimiter("pilar;\"a,b,c\";program\n"), ',');
    assert_eq!(detect_delimiter(""), ',');
}

const CSV_WITH_PROBLEMS: &str = "\u{feff}Pilar;Sub Dimensi;Program;OPD;Quick_Win;Survei\r
Smart Governance;Pelayanan publik;Pionirs;Disdukcapil;ya;ya\r
pemerintahan;kebijakan-publik;Portal JDIH;Bagian Hukum;;x\r
Smart Galaxy;Pelayanan publik;Roket;;;\r
Smart Economy;Pelayanan publik;Salah sub;;;\r
Smart Living;Prasarana kesehatan;;Dinkes;;\r
ekonomi;Ekosistem transaksi keuangan;\"Pasar digital; QRIS\";Disperindag;mungkin;tidak\r
;;;;;\r
Smart Governance;Public services;pionirs;Disdukcapil;;\r
Smart Society;Sistem keamanan masyarakat;Layanan darurat 112;Diskominfo;1;1\r
";

#[test]
fn good_rows_are_kept_and_each_problem_names_its_row_and_column() {
    let set = builtin::get("smart-city-evaluasi").expect("built in");
    let out = import_programs(&set, CSV_WITH_PROBLEMS, &empty()).expect("readable");
    let got: Vec<(&str, &str, &str, bool, bool)> = out
        .masterplan
        .programs
        .iter()
        .map(|p| {
            (
                p.pillar.as_str(),
                p.subdimension.as_str(),
                p.name.as_str(),
                p.quick_win,
                p.survey,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("governance", "layanan-publik", "Pionirs", true, true),
            ("governance", "kebijakan-publik", "Portal JDIH", false, true),
            // An unreadable yes/no is reported and read as no; the program is kept.
            ("economy", "transaksi", "Pasar digital; QRIS", false, false),
            ("society", "keamanan", "Layanan darurat 112", true, true),
        ]
    );
    assert_eq!(out.imported, 4);
    let problems: Vec<(usize, &str, &str)> = out
        .problems
        .iter()
        .map(|p| (p.row, p.column.as_str(), p.code.as_str()))
        .collect();
    assert_eq!(
        problems,
        [
            (4, "Pilar", "unknown-pillar"),
            (5, "Sub Dimensi", "unknown-subdimension"),
            (6, "Program", "empty-text"),
            (7, "Quick_Win", "invalid-value"),
            (9, "Program", "duplicate-id"),
        ]
    );
    // Ids are made from the pillar and the name, unique and valid.
    let ids: Vec<&str> = out
        .masterplan
        .programs
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(
        ids,
        [
            "gov-pionirs",
            "gov-portal-jdih",
            "eco-pasar-digital-qris",
            "soc-layanan-darurat-112"
        ]
    );
    // Every message says why in both languages.
    assert!(out.problems.iter().all(|p| p.message.en.is_some()));
    assert!(out.problems[0].message.id.contains("Smart Galaxy"));
}

#[test]
fn last_years_ids_are_kept_and_an_id_column_is_used() {
    let set = builtin::get("smart-city-evaluasi").expect("built in");
    let last = Masterplan {
        document: "Perwali 25/2019".into(),
        programs: vec![Program::new(
            "gov-01",
            "governance",
            "layanan-publik",
            "Pionirs",
        )],
    };
    let csv = "pillar,subdimension,name,unit,quick_win,survey,id\n\
               Governance,layanan-publik,PIONIRS,,no,yes,\n\
               Branding,Tourism ecosystem,Kalender event,,,,brd-event\n\
               Branding,Tourism ecosystem,Festival,,,,brd event\n";
    let mut a = empty();
    a.masterplan = Some(last);
    let out = import_programs(&set, csv, &a).expect("readable");
    let ids: Vec<&str> = out
        .masterplan
        .programs
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(ids, ["gov-01", "brd-event"]);
    assert_eq!(out.masterplan.document, "Perwali 25/2019");
    assert_eq!(out.problems.len(), 1);
    assert_eq!(
        (out.problems[0].row, out.problems[0].column.as_str()),
        (4, "id")
    );
}

#[test]
fn a_file_without_the_required_columns_or_a_set_without_a_template_is_refused() {
    let set = builtin::get("smart-city-evaluasi").expect("built in");
    let e = import_programs(&set, "pilar;program\nSmart Governance;X\n", &empty()).unwrap_err();
    assert_eq!(e.code.as_str(), "missing-field");
    assert!(e.message.id.contains("subdimensi"), "{}", e.message.id);
    assert!(import_programs(&set, "", &empty()).is_err());
    let spbe = builtin::get("spbe-2020").expect("built in");
    let e = import_programs(&spbe, "pilar;subdimensi;program\n", &empty()).unwrap_err();
    assert_eq!(e.code.as_str(), "masterplan-undeclared");
}

#[test]
fn imported_programs_are_scored_as_generated_indicators() {
    let set = builtin::get("smart-city-evaluasi").expect("built in");
    let out = import_programs(&set, CSV_WITH_PROBLEMS, &empty()).expect("readable");
    let mut a = Assessment::new(&set.id, &set.version);
    a.masterplan = Some(out.masterplan);
    a.set_value("oc-gov-pionirs", Value::Number(4.0));
    a.set_value("qw-gov-pionirs", Value::Number(4.0));
    let report = Scorer::new(&set).score(&a);
    let ids: Vec<&str> = report
        .indicators
        .iter()
        .map(|i| i.id.as_str())
        .filter(|id| id.starts_with("oc-") || id.starts_with("qw-") || id.starts_with("im-"))
        .collect();
    assert_eq!(
        ids,
        [
            "oc-gov-pionirs",
            "oc-gov-portal-jdih",
            "oc-eco-pasar-digital-qris",
            "oc-soc-layanan-darurat-112",
            "im-layanan-publik",
            "im-kebijakan-publik",
            "im-keamanan",
            "qw-gov-pionirs",
            "qw-soc-layanan-darurat-112",
        ]
    );
}

#[test]
fn a_list_longer_than_the_limit_is_cut_with_one_problem_and_scores_in_time() {
    let set = builtin::get("smart-city-evaluasi").expect("built in");
    let max = swanilai::masterplan::MAX_PROGRAMS;
    let mut csv = String::from("pilar,subdimensi,program,opd,quick_win,survei\n");
    for n in 0..max + 500 {
        csv.push_str(&format!(
            "Smart Governance,Pelayanan publik,Program {n},,ya,ya\n"
        ));
    }
    let out = import_programs(&set, &csv, &empty()).expect("readable");
    assert_eq!(out.imported, max);
    let problems: Vec<(usize, &str)> = out
        .problems
        .iter()
        .map(|p| (p.row, p.code.as_str()))
        .collect();
    assert_eq!(problems, [(max + 2, "too-many")]);
    // A hand-written list past the limit: the ones past it are reported, not evaluated.
    let mut m = out.masterplan;
    m.programs.extend(
        (0..500).map(|n| Program::new(&format!("x-{n}"), "governance", "layanan-publik", "X")),
    );
    let mut a = Assessment::new(&set.id, &set.version);
    a.masterplan = Some(m);
    let started = std::time::Instant::now();
    let report = Scorer::new(&set).score(&a);
    assert!(started.elapsed().as_secs() < 10, "{:?}", started.elapsed());
    assert_eq!(
        report
            .indicators
            .iter()
            .filter(|i| i.id.starts_with("oc-"))
            .count(),
        max
    );
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.path == "masterplan.programs" && p.code.as_str() == "too-many")
    );
}

#[test]
fn a_new_program_never_takes_the_id_a_removed_programs_answer_keys_on() {
    // "Pionirs" was listed as gov-pionirs and answered, then removed from the list: its answer
    // is orphaned. A program of the same name in a new CSV under another pillar would not
    // clash, but one under the same pillar is the same program (its id is kept); a program
    // whose name only makes the same id must get another one.
    let set = builtin::get("smart-city-evaluasi").expect("built in");
    let mut a = empty();
    a.set_value("oc-gov-pionirs", Value::Number(4.0));
    a.set_value("qw-gov-mpp", Value::Number(3.0));
    let csv = "pilar;subdimensi;program\n\
               Smart Governance;Pelayanan publik;PIONIRS!\n\
               Smart Governance;Pelayanan publik;MPP\n\
               Smart Governance;Pelayanan publik;Portal JDIH\n";
    let out = import_programs(&set, csv, &a).expect("readable");
    let ids: Vec<&str> = out
        .masterplan
        .programs
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(ids, ["gov-pionirs-2", "gov-mpp-2", "gov-portal-jdih"]);
    // The widget's own "add" follows the same rule.
    assert_eq!(
        swanilai::view::new_program_id(None, &a, "governance", "Pionirs"),
        "gov-pionirs-2"
    );
}
