//! The CSV report read back by a real CSV parser (the `csv` crate), as a spreadsheet would
//! read it: with its own separator it parses as three tables (particulars, indicators,
//! summary) with numeric columns; with either separator (`,` or `;`, whichever the
//! spreadsheet's regional settings pick) no cell starts a formula.

#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

use swanilai::csv_report::defuse;
use swanilai::validate::is_web_link;
use swanilai::{
    Assessment, IndicatorSet, Lang, Report, Value, builtin, candidates, report_csv, score,
};

const AT: &str = "2026-12-07T10:00:00Z";

/// Texts a hostile or careless official may type: formula starts at the start, after a
/// separator of either kind, after a line break, after spaces; full-width forms; NUL.
const PAYLOADS: &[&str] = &[
    "=1+1",
    "+62 811 000",
    "-3 dokumen",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
    "\n=1+1",
    "\0=1+1",
    "\u{FF1D}1+1",
    "\u{FF20}SUM(A1)",
    "ok,=cmd|' /C calc'!A0,",
    "ok;=cmd|' /C calc'!A0;",
    "baris satu\n=cmd|' /C calc'!A0",
    "baris satu\r\n+cmd",
    "a,  -2+3",
    "\"kutip\",=HYPERLINK(\"x\")",
    "SK Bupati 188.45/2025, lampiran 3-4",
    "\u{202e}kanan ke kiri\u{202c} ك 😀",
    "",
];

fn sets() -> Vec<IndicatorSet> {
    // A set built from a masterplan is expanded with the example's program list (and each
    // assessment below carries that list: see `new_assessment`).
    let example: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/builtin/smart-city-evaluasi.example.json"),
        )
        .expect("the smart city example"),
    )
    .expect("JSON");
    let programs = Assessment::from_json_str(&example["assessment"].to_string())
        .value
        .and_then(|a| a.masterplan);
    let mut out: Vec<IndicatorSet> = builtin::BUILTINS
        .iter()
        .map(|b| builtin::get(b.id).expect("a built-in set"))
        .map(|s| swanilai::masterplan::expand(&s, programs.as_ref()))
        .collect();
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile/base-set.json");
    let text = std::fs::read_to_string(base).expect("the corpus's base set");
    out.push(
        IndicatorSet::from_json_str(&text)
            .value
            .expect("a valid set"),
    );
    out
}

/// Every indicator answered (a negative number where the kind takes numbers), with payloads
/// in notes, links and every region field.
/// An empty assessment of `set`, with the program list the set was expanded with.
fn new_assessment(set: &IndicatorSet) -> Assessment {
    let mut a = Assessment::new(&set.id, &set.version);
    a.masterplan = set
        .masterplan
        .as_ref()
        .and_then(|t| t.expanded_with.clone());
    a
}

fn hostile(set: &IndicatorSet) -> Assessment {
    let mut a = new_assessment(set);
    a.region.name = "=Kabupaten,=X".into();
    a.region.code = "-6303".into();
    a.region.period = "@2026".into();
    a.region.assessor = "+Budi;=cmd".into();
    for (k, ind) in set.indicators().enumerate() {
        let c = candidates(&ind.answer, &set.scale);
        let value = match &ind.answer {
            swanilai::AnswerKind::Number { .. } | swanilai::AnswerKind::Score => {
                Value::Number(-1.5)
            }
            _ => c[k % c.len()].0.clone(),
        };
        a.set_value(&ind.id, value);
        let ans = a.answers.get_mut(&ind.id).expect("just set");
        ans.notes = PAYLOADS[k % PAYLOADS.len()].into();
        ans.links = vec![
            "https://contoh.go.id/perbup.pdf".into(),
            PAYLOADS[(k + 1) % PAYLOADS.len()].into(),
            "-x".into(),
        ];
    }
    a
}

fn parse(text: &str, sep: u8) -> Vec<Vec<String>> {
    let body = text
        .strip_prefix('\u{feff}')
        .expect("a byte-order mark first");
    let mut r = csv::ReaderBuilder::new()
        .delimiter(sep)
        .has_headers(false)
        .flexible(true)
        .from_reader(body.as_bytes());
    r.records()
        .map(|rec| {
            rec.expect("a CSV record")
                .iter()
                .map(String::from)
                .collect::<Vec<_>>()
        })
        .filter(|rec| rec.iter().any(|c| !c.is_empty()))
        .collect()
}

fn number_in(cell: &str, lang: Lang) -> Option<f64> {
    let c = if lang == Lang::Id {
        cell.replace(',', ".")
    } else {
        cell.to_string()
    };
    c.parse()
        .ok()
        .filter(|_| !c.is_empty() && !c.contains(['e', 'E', 'i', 'n']))
}

fn starts_a_formula(cell: &str) -> bool {
    cell.starts_with([
        '=', '+', '-', '@', '\t', '\r', '\n', '\0', '\u{FF1D}', '\u{FF0B}', '\u{FF0D}', '\u{FF20}',
    ])
}

#[test]
fn no_cell_starts_a_formula_whichever_separator_splits_it() {
    let mut checked = 0;
    for set in sets() {
        let a = hostile(&set);
        let report = score(&set, &a);
        for lang in [Lang::Id, Lang::En] {
            let text = report_csv(&set, &a, &report, lang, AT);
            for sep in [b',', b';', b'\t'] {
                for (i, rec) in parse(&text, sep).iter().enumerate() {
                    for cell in rec {
                        checked += 1;
                        let numeric = number_in(cell.trim(), Lang::En).is_some()
                            || number_in(cell.trim(), Lang::Id).is_some();
                        assert!(
                            !starts_a_formula(cell) || numeric,
                            "{} ({lang:?}) read with {:?}: record {i} has the cell {cell:?}",
                            set.id,
                            sep as char
                        );
                        // A spreadsheet that trims cells: still no formula.
                        assert!(
                            !starts_a_formula(cell.trim_start_matches(' ')) || numeric,
                            "{}: trimmed cell {cell:?}",
                            set.id
                        );
                    }
                }
            }
        }
    }
    assert!(checked > 5_000, "only {checked} cells read");
}

/// The rows of each section, split at the section titles.
fn sections(rows: &[Vec<String>], lang: Lang) -> [Vec<Vec<String>>; 3] {
    let titles = match lang {
        Lang::Id => ["Laporan penilaian", "Indikator", "Ringkasan"],
        Lang::En => ["Assessment report", "Indicators", "Summary"],
    };
    let at: Vec<usize> = titles
        .iter()
        .map(|t| {
            rows.iter()
                .position(|r| r.len() == 1 && r[0] == *t)
                .unwrap_or_else(|| panic!("no section titled {t}"))
        })
        .collect();
    assert_eq!(at[0], 0, "the particulars come first");
    assert!(at[0] < at[1] && at[1] < at[2], "sections in order");
    [
        rows[at[0] + 1..at[1]].to_vec(),
        rows[at[1] + 1..at[2]].to_vec(),
        rows[at[2] + 1..].to_vec(),
    ]
}

fn column(header: &[String], name: &str) -> usize {
    header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name} in {header:?}"))
}

/// Numbers as numbers: each cell of `col` empty or a number of `lang`.
fn numbers(rows: &[Vec<String>], col: usize, lang: Lang, what: &str) -> Vec<Option<f64>> {
    rows.iter()
        .map(|r| {
            let c = &r[col];
            if c.is_empty() {
                None
            } else {
                Some(number_in(c, lang).unwrap_or_else(|| panic!("{what}: {c:?} is not a number")))
            }
        })
        .collect()
}

fn check_report(set: &IndicatorSet, a: &Assessment, report: &Report, lang: Lang) {
    let text = report_csv(set, a, report, lang, AT);
    let sep = if lang == Lang::Id { b';' } else { b',' };
    let [head, inds, summary] = sections(&parse(&text, sep), lang);
    let id = |s: &str, e: &str| if lang == Lang::Id { s } else { e }.to_string();

    // The particulars: a two-column table.
    assert_eq!(head[0], [id("Keterangan", "Field"), id("Isi", "Value")]);
    let r = &a.region;
    let want = [
        set.title.get(lang),
        &set.id,
        &set.version,
        &r.name,
        &r.code,
        &r.period,
        &r.assessor,
        AT,
    ];
    assert_eq!(head.len(), 1 + want.len());
    for (row, w) in head[1..].iter().zip(want) {
        assert_eq!(row.len(), 2, "{row:?}");
        assert_eq!(row[1], defuse(w), "{}", row[0]);
    }

    // The indicators: one row per indicator, in the set's order, numbers as numbers.
    let h = &inds[0];
    let rows = &inds[1..];
    let all: Vec<_> = set.indicators().collect();
    assert_eq!(rows.len(), all.len(), "{}: a row per indicator", set.id);
    assert!(rows.iter().all(|r| r.len() == h.len()), "every row full");
    let c = |n: &str, e: &str| column(h, &id(n, e));
    let ids: Vec<&str> = rows
        .iter()
        .map(|r| r[c("Id indikator", "Indicator id")].as_str())
        .collect();
    let want_ids: Vec<&str> = all.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, want_ids);
    let nos = numbers(rows, c("No.", "No."), lang, "No.");
    assert!(
        nos.iter()
            .enumerate()
            .all(|(k, n)| *n == Some((k + 1) as f64))
    );
    let values = numbers(
        rows,
        c("Nilai jawaban", "Answer value"),
        lang,
        "answer value",
    );
    let scores = numbers(rows, c("Skor", "Score"), lang, "score");
    let weights = numbers(rows, c("Bobot (%)", "Weight (%)"), lang, "weight");
    let total: f64 = weights.iter().map(|w| w.expect("every weight given")).sum();
    assert!(
        (total - 100.0).abs() < 0.5,
        "{}: weights add up to {total}",
        set.id
    );
    let unit = c("Satuan", "Unit");
    // The evidence columns are named in the set's own word (terms.evidence).
    let named = swanilai::csv_report::indicator_columns(set);
    let notes = column(h, named[9].0.get(lang));
    let links = column(h, named[10].0.get(lang));
    assert!(named[9].0.get(lang).starts_with(&id("Catatan ", "")));
    for (k, ind) in all.iter().enumerate() {
        let none = swanilai::Answer::default();
        let ans = a.answers.get(&ind.id).unwrap_or(&none);
        if let Some(Value::Number(n)) = ans.value {
            assert_eq!(values[k], Some(n), "{}: the answer's number", ind.id);
        }
        let line = &report.indicators[k];
        let shown = line
            .score
            .value
            .map(|v| swanilai::round_half_away(v, set.scale.decimals));
        assert_eq!(scores[k], shown, "{}: its score", ind.id);
        if matches!(ind.answer, swanilai::AnswerKind::Percent { .. }) {
            assert_eq!(rows[k][unit], "%", "the unit in its own column");
        }
        assert!(
            !rows[k].iter().any(|c| c.ends_with('%') && c != "%"),
            "no 75% text"
        );
        // Links that are not web addresses are text: with the notes, after them.
        let (web, text): (Vec<&str>, Vec<&str>) = ans
            .links
            .iter()
            .map(|l| l.trim())
            .filter(|l| !l.is_empty())
            .partition(|l| is_web_link(l));
        let mut want = ans.notes.clone();
        for t in &text {
            if !want.is_empty() {
                want.push('\n');
            }
            want.push_str(t);
        }
        assert_eq!(
            rows[k][notes],
            defuse(&want),
            "{}: the notes, defused",
            ind.id
        );
        let kept = |s: &str| s.replace("\r\n", "\n").replace('\r', "\n");
        assert_eq!(
            rows[k][notes].replace('\'', ""),
            kept(&want).replace('\'', ""),
            "nothing typed is lost"
        );
        let lines: Vec<&str> = rows[k][links].split_terminator('\n').collect();
        assert_eq!(
            lines, web,
            "{}: one web link per line, nothing else",
            ind.id
        );
    }

    // The summary: a row per group, then the whole, with predicates and numeric columns.
    let h = &summary[0];
    let rows = &summary[1..];
    assert_eq!(rows.len(), report.groups.len() + 1);
    let c = |n: &str, e: &str| column(h, &id(n, e));
    let scores = numbers(rows, c("Skor", "Score"), lang, "summary score");
    let predicate = c("Predikat", "Predicate");
    for (k, g) in report.groups.iter().enumerate() {
        assert_eq!(rows[k][c("Id kelompok", "Group id")], g.id);
        assert_eq!(scores[k], g.score.shown);
    }
    numbers(rows, c("Bobot (%)", "Weight (%)"), lang, "summary weight");
    let done = numbers(
        rows,
        c("Indikator terjawab", "Indicators answered"),
        lang,
        "answered",
    );
    let last = rows.last().expect("the overall row");
    let whole = set.named_term(swanilai::Term::Index, lang);
    assert_eq!(
        last[0],
        whole.map_or_else(|| id("Nilai keseluruhan", "Overall score"), String::from)
    );
    assert_eq!(scores.last().copied().flatten(), report.overall.shown);
    assert_eq!(
        done.last().copied().flatten(),
        Some(report.completeness.answered as f64)
    );
    let label = report
        .overall
        .predicate
        .as_ref()
        .map(|p| p.label.get(lang).to_string());
    assert_eq!(
        Some(last[predicate].clone()).filter(|p| !p.is_empty()),
        label
    );
}

#[test]
fn the_csv_reads_as_a_report_of_three_tables_with_numeric_columns() {
    for set in sets() {
        let plain = {
            let mut a = new_assessment(&set);
            a.region.name = "Kabupaten Banjar".into();
            a.region.code = "63.03".into();
            a.region.period = "2026".into();
            a.region.assessor = "Bagian Organisasi".into();
            for ind in set.indicators().step_by(2) {
                let c = candidates(&ind.answer, &set.scale);
                a.set_value(&ind.id, c[c.len() / 2].0.clone());
            }
            a
        };
        for a in [plain, hostile(&set)] {
            let report = score(&set, &a);
            for lang in [Lang::Id, Lang::En] {
                check_report(&set, &a, &report, lang);
            }
        }
    }
}

#[test]
fn negative_answers_are_numbers_without_an_apostrophe() {
    let set = builtin::get("spbe-2020").expect("spbe-2020");
    let mut a = new_assessment(&set);
    let first = set.indicators().next().expect("an indicator").id.clone();
    a.set_value(&first, Value::Number(-2.25));
    let text = report_csv(&set, &a, &score(&set, &a), Lang::Id, AT);
    assert!(text.contains(";-2,25;"), "a bare negative number");
    assert!(!text.contains("'-2"), "no apostrophe before a minus");
}

#[test]
fn headings_use_the_frameworks_own_words() {
    let mut set = sets().pop().expect("the base set");
    set.terms.group = Some(swanilai::Text::new("Aspek", "Aspect"));
    set.terms.evidence = Some(swanilai::Text::new("Data dukung", "Supporting documents"));
    set.terms.index = Some(swanilai::Text::new("Indeks Pemdi", "Pemdi index"));
    let a = hostile(&set);
    let text = report_csv(&set, &a, &score(&set, &a), Lang::Id, AT);
    let [_, inds, summary] = sections(&parse(&text, b';'), Lang::Id);
    assert_eq!(inds[0][1], "Aspek");
    assert!(
        inds[0].contains(&"Catatan data dukung".to_string()),
        "{:?}",
        inds[0]
    );
    assert!(inds[0].contains(&"Tautan data dukung".to_string()));
    assert_eq!(summary[0][0], "Aspek");
    assert_eq!(summary.last().expect("the whole")[0], "Indeks Pemdi");
    let text = report_csv(&set, &a, &score(&set, &a), Lang::En, AT);
    let [_, inds, _] = sections(&parse(&text, b','), Lang::En);
    assert!(
        inds[0].contains(&"Supporting documents notes".to_string()),
        "{:?}",
        inds[0]
    );
}
