//! The team panel's view models (`swanilai::view::team`): units edited by name, assignments
//! set from controls' values, the rows the panel lists, progress per unit, a unit's share
//! banner and the review of returned shares, in both languages.

// Native only: the built-in sets are read from disk.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use swanilai::export::{export_document, open_assessment_for};
use swanilai::json::to_json;
use swanilai::share::{Returned, cut_share, merge};
use swanilai::view::team::{
    Field, Filter, add_unit, assignment_rows, merge_view, progress_rows, removal_question,
    remove_unit, rename_unit, set_field, share_banner, unit_uses,
};
use swanilai::{Assessment, Json, Lang, Scorer, Value, builtin};

fn base(set_id: &str) -> Assessment {
    let set = builtin::get(set_id).unwrap();
    let mut a = Assessment::new(&set.id, &set.version);
    a.region.name = "Kabupaten Banjar".into();
    a.region.code = "6303".into();
    a.region.assessor = "Koordinator Pemdi".into();
    a
}

#[test]
fn units_are_added_renamed_and_removed_by_name() {
    let set = builtin::get("spbe-2020").unwrap();
    let mut a = base("spbe-2020");
    assert_eq!(add_unit(&mut a, "Bappeda", Lang::Id).unwrap(), "bappeda");
    assert_eq!(
        add_unit(&mut a, "Dinas Komunikasi dan Informatika", Lang::Id).unwrap(),
        "dinas-komunikasi-dan-informatika"
    );
    // A name taken by another unit is refused, saying which.
    let e = rename_unit(
        &mut a,
        "dinas-komunikasi-dan-informatika",
        "BAPPEDA",
        Lang::En,
    );
    assert_eq!(
        e.unwrap_err(),
        "There is already a unit named BAPPEDA; use another name."
    );
    assert_eq!(
        rename_unit(&mut a, "bappeda", " ", Lang::Id).unwrap_err(),
        "Tulis nama unit dahulu."
    );
    rename_unit(
        &mut a,
        "dinas-komunikasi-dan-informatika",
        "Diskominfo",
        Lang::Id,
    )
    .unwrap();
    assert_eq!(a.units[1].name, "Diskominfo");
    // The id stays: assignments made before the rename still name it.
    set_field(
        &set,
        &mut a,
        "spbe-01",
        &Field::Unit,
        "dinas-komunikasi-dan-informatika",
        Lang::Id,
    )
    .unwrap();
    assert_eq!(unit_uses(&a, "dinas-komunikasi-dan-informatika"), 1);
    assert_eq!(removal_question(&a, "bappeda", Lang::Id), None);
    let q = removal_question(&a, "dinas-komunikasi-dan-informatika", Lang::Id).unwrap();
    assert!(q.contains("Diskominfo") && q.contains("1 penugasan"), "{q}");
    assert_eq!(remove_unit(&mut a, "dinas-komunikasi-dan-informatika"), 1);
    assert!(a.assignments.is_empty());
    assert!(swanilai::validate_assessment(&set, &a).is_empty());
}

#[test]
fn a_unit_that_is_not_listed_cannot_be_assigned() {
    let set = builtin::get("spbe-2020").unwrap();
    let mut a = base("spbe-2020");
    assert!(set_field(&set, &mut a, "spbe-01", &Field::Unit, "bpkad", Lang::Id).is_err());
    assert!(a.assignments.is_empty());
}

#[test]
fn targets_are_read_as_their_controls_give_them() {
    let set = builtin::get("gm100sc-kesiapan").unwrap();
    let mut a = base("gm100sc-kesiapan");
    // A choice by option id, a number typed in the official's style, a level by number.
    set_field(
        &set,
        &mut a,
        "str-ang-04",
        &Field::Target,
        "sedang",
        Lang::Id,
    )
    .unwrap();
    set_field(&set, &mut a, "str-ang-01", &Field::Target, "0,8", Lang::Id).unwrap();
    set_field(&set, &mut a, "str-sdm-01", &Field::Target, "3", Lang::Id).unwrap();
    assert_eq!(
        a.assignments["str-ang-04"].target,
        Some(Value::Text("sedang".into()))
    );
    assert_eq!(a.assignments["str-ang-01"].target, Some(Value::Number(0.8)));
    assert_eq!(a.assignments["str-sdm-01"].target, Some(Value::Number(3.0)));
    // Refused targets leave the one before, and say why.
    let e = set_field(
        &set,
        &mut a,
        "str-ang-04",
        &Field::Target,
        "tinggi-sekali",
        Lang::En,
    );
    assert!(e.unwrap_err().starts_with("Not a valid target"));
    assert!(
        set_field(
            &set,
            &mut a,
            "str-ang-01",
            &Field::Target,
            "banyak",
            Lang::Id
        )
        .is_err()
    );
    assert_eq!(a.assignments["str-ang-01"].target, Some(Value::Number(0.8)));
    let e = set_field(
        &set,
        &mut a,
        "str-ang-01",
        &Field::Due,
        "2026-02-30",
        Lang::Id,
    );
    assert!(e.unwrap_err().contains("2026-02-30"));
    assert!(swanilai::validate_assessment(&set, &a).is_empty());
}

#[test]
fn rows_show_targets_items_and_who_changed_the_answer() {
    let set = builtin::get("pemdi-2026").unwrap();
    let scorer = Scorer::new(&set);
    let mut a = base("pemdi-2026");
    add_unit(&mut a, "Bappeda", Lang::Id).unwrap();
    add_unit(&mut a, "BKPSDM", Lang::Id).unwrap();
    set_field(&set, &mut a, "pemdi-01", &Field::Unit, "bappeda", Lang::Id).unwrap();
    set_field(&set, &mut a, "pemdi-01", &Field::Target, "3", Lang::Id).unwrap();
    set_field(
        &set,
        &mut a,
        "pemdi-01",
        &Field::Due,
        "2026-06-30",
        Lang::Id,
    )
    .unwrap();
    let item = Field::Item("l2-perencanaan".into());
    set_field(&set, &mut a, "pemdi-01", &item, "bkpsdm", Lang::Id).unwrap();
    a.changed_by.insert(
        "pemdi-01".into(),
        swanilai::team::ChangedBy {
            unit: "bappeda".into(),
            at: Some("2026-03-05T09:00:00Z".into()),
        },
    );
    let all = assignment_rows(
        &scorer,
        &a,
        0..scorer.indicator_count(),
        &Filter::All,
        "2026-07-01",
        Lang::Id,
    );
    assert_eq!(all.len(), scorer.indicator_count());
    assert!(all[0].overdue, "level 3 due 2026-06-30, not answered");
    assert!(!all[1].overdue, "no target");
    let r = &all[0];
    assert_eq!(
        (r.unit.as_str(), r.target.as_str(), r.due.as_str()),
        ("bappeda", "3", "2026-06-30")
    );
    assert!(r.name.starts_with("1. "));
    assert_eq!(r.targets.len(), 5, "one option per level");
    let held = r.items.iter().find(|i| i.id == "l2-perencanaan").unwrap();
    assert_eq!(held.unit, "bkpsdm");
    assert!(held.label.starts_with("Tingkat 2: "), "{}", held.label);
    assert_eq!(
        r.changed.as_deref(),
        Some("Terakhir diubah oleh Bappeda, 2026-03-05 09:00 UTC")
    );
    let mine = assignment_rows(
        &scorer,
        &a,
        0..scorer.indicator_count(),
        &Filter::Unit("bappeda".into()),
        "2026-06-30",
        Lang::En,
    );
    assert_eq!(mine.len(), 1);
    assert!(!mine[0].overdue, "due that day: not yet overdue");
    let none = assignment_rows(
        &scorer,
        &a,
        0..scorer.indicator_count(),
        &Filter::Unassigned,
        "2026-07-01",
        Lang::En,
    );
    assert_eq!(none.len(), scorer.indicator_count() - 1);
    assert_eq!(
        Filter::parse(Filter::Unassigned.value()),
        Filter::Unassigned
    );
    assert_eq!(Filter::parse("bkpsdm"), Filter::Unit("bkpsdm".into()));
}

#[test]
fn progress_counts_the_items_a_unit_holds_and_names_overdue_targets() {
    let set = builtin::get("pemdi-2026").unwrap();
    let scorer = Scorer::new(&set);
    let mut a = base("pemdi-2026");
    add_unit(&mut a, "Bappeda", Lang::Id).unwrap();
    add_unit(&mut a, "BKPSDM", Lang::Id).unwrap();
    set_field(&set, &mut a, "pemdi-01", &Field::Unit, "bappeda", Lang::Id).unwrap();
    set_field(&set, &mut a, "pemdi-01", &Field::Target, "2", Lang::Id).unwrap();
    set_field(
        &set,
        &mut a,
        "pemdi-01",
        &Field::Due,
        "2026-06-30",
        Lang::Id,
    )
    .unwrap();
    let item = Field::Item("l2-perencanaan".into());
    set_field(&set, &mut a, "pemdi-01", &item, "bkpsdm", Lang::Id).unwrap();
    a.set_value("pemdi-01", Value::Number(2.0));
    let before = progress_rows(&scorer, &a, "2026-06-30", Lang::En);
    let after = progress_rows(&scorer, &a, "2026-07-01", Lang::En);
    assert_eq!(before[0].overdue, 0, "due that day: not yet overdue");
    assert_eq!(after[0].overdue, 1);
    assert_eq!(after[0].above, 1, "level 2 claimed without its evidence");
    assert_eq!(after[0].answered, "1/1");
    assert_eq!(
        after[1].ready, "0/1",
        "BKPSDM holds one item of Bappeda's indicator"
    );
    assert_eq!(after[2].name, "Not assigned");
    assert_eq!(after[2].unit, None);
}

fn share_text(share: &Assessment) -> String {
    let content = Json::Object(vec![("assessment".into(), to_json(share).unwrap())]);
    export_document(content, "2026-03-01T08:00:00Z")
}

#[test]
fn a_share_opened_on_a_units_page_says_whose_it_is() {
    let set = builtin::get("spbe-2020").unwrap();
    let scorer = Scorer::new(&set);
    let mut a = base("spbe-2020");
    add_unit(&mut a, "BKPSDM", Lang::Id).unwrap();
    for id in ["spbe-05", "spbe-06"] {
        set_field(&set, &mut a, id, &Field::Unit, "bkpsdm", Lang::Id).unwrap();
    }
    let share = cut_share(&a, "bkpsdm", "Koordinator Pemdi", None).unwrap();
    // Through its file, as the unit opens it.
    let opened = open_assessment_for(&share_text(&share), &set)
        .assessment
        .unwrap();
    let b = share_banner(&scorer, &opened, Lang::Id).unwrap();
    assert_eq!(
        b.text,
        "Ini bagian unit BKPSDM untuk Kabupaten Banjar, diserahkan oleh Koordinator Pemdi. Isi indikator Anda, lalu ekspor bagian ini dan kirimkan kembali."
    );
    assert_eq!(b.unit, "bkpsdm");
    let at: Vec<usize> = b.indicators.iter().map(|(i, _)| *i).collect();
    assert_eq!(at, [4, 5]);
}

#[test]
fn the_review_lists_refused_files_and_conflicts_side_by_side() {
    let set = builtin::get("spbe-2020").unwrap();
    let scorer = Scorer::new(&set);
    let mut a = base("spbe-2020");
    for u in ["Bappeda", "BKPSDM"] {
        add_unit(&mut a, u, Lang::Id).unwrap();
    }
    set_field(&set, &mut a, "spbe-01", &Field::Unit, "bappeda", Lang::Id).unwrap();
    set_field(&set, &mut a, "spbe-05", &Field::Unit, "bkpsdm", Lang::Id).unwrap();
    a.set_value("spbe-01", Value::Number(2.0));
    let mut bappeda = cut_share(&a, "bappeda", "Koordinator", None).unwrap();
    bappeda.set_value("spbe-01", Value::Number(3.0));
    bappeda.updated_at = Some("2026-03-05T09:00:00Z".into());
    let mut bkpsdm = cut_share(&a, "bkpsdm", "Koordinator", None).unwrap();
    bkpsdm.set_value("spbe-05", Value::Number(4.0));
    bkpsdm.set_value("spbe-01", Value::Number(5.0));
    bkpsdm.answers.get_mut("spbe-01").unwrap().notes = "x".repeat(100);
    let mut other = cut_share(&a, "bkpsdm", "Koordinator", None).unwrap();
    other.region.name = "Kota Banjarmasin".into();
    other.region.code = "6371".into();
    let tampered = share_text(&bkpsdm).replace("\"Koordinator\"", "\"Orang lain\"");
    let files = [
        ("bappeda-bagian.json", share_text(&bappeda)),
        ("bkpsdm-bagian.json", share_text(&bkpsdm)),
        ("kota-lain.json", share_text(&other)),
        ("rusak.json", tampered),
    ];
    let returned: Vec<Returned> = files
        .iter()
        .map(|(n, t)| Returned {
            file: n.to_string(),
            opened: open_assessment_for(t, &set),
        })
        .collect();
    let report = merge(&a, &returned, &[], Some("2026-04-01T00:00:00Z"));
    let mut chosen = BTreeMap::new();
    let v = merge_view(&scorer, &a, &report, &chosen, Lang::En);
    let refused: Vec<&str> = v.refused.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(refused, ["kota-lain.json", "rusak.json"]);
    for (file, lines) in &v.refused {
        assert!(lines.iter().all(|l| l.contains(file.as_str())), "{lines:?}");
    }
    assert_eq!(v.accepted, "Changes from the units ready to apply: 1.");
    assert_eq!(v.conflicts.len(), 1);
    let c = &v.conflicts[0];
    assert!(c.name.starts_with("1. "));
    assert_eq!(
        c.reason,
        "changed by a unit it is not assigned to; assigned to Bappeda"
    );
    assert_eq!(c.sides.len(), 2);
    assert_eq!(c.sides[0].file, "bappeda-bagian.json");
    assert_eq!(c.sides[0].who, "Bappeda, 2026-03-05 09:00 UTC");
    assert_eq!(c.sides[1].who, "BKPSDM, 2026-04-01 00:00 UTC");
    assert_ne!(c.base, c.sides[0].value);
    // Notes set sides apart too, cut short.
    assert_eq!(
        (c.base_detail.as_str(), c.sides[0].detail.as_str()),
        ("", "")
    );
    assert_eq!(c.sides[1].detail, format!("Notes: {}…", "x".repeat(80)));
    assert_eq!(
        v.waiting,
        "Conflicts still without a choice: 1. Choose a side for each before applying."
    );
    chosen.insert("spbe-01".to_string(), "bappeda-bagian.json".to_string());
    assert_eq!(
        merge_view(&scorer, &a, &report, &chosen, Lang::En).waiting,
        ""
    );
    // Nothing changed in the base while reviewing.
    assert_eq!(
        report.result.answers["spbe-01"].value,
        Some(Value::Number(2.0))
    );
}

#[test]
fn a_stale_share_is_taken_with_a_warning_naming_the_file() {
    let set = builtin::get("spbe-2020").unwrap();
    let scorer = Scorer::new(&set);
    let mut a = base("spbe-2020");
    add_unit(&mut a, "Bappeda", Lang::Id).unwrap();
    for id in ["spbe-01", "spbe-02"] {
        set_field(&set, &mut a, id, &Field::Unit, "bappeda", Lang::Id).unwrap();
    }
    let mut share = cut_share(&a, "bappeda", "Koordinator", None).unwrap();
    share.set_value("spbe-02", Value::Number(3.0));
    // The coordinator answered one of Bappeda's indicators after handing the share out.
    a.set_value("spbe-01", Value::Number(2.0));
    let returned = [Returned {
        file: "bappeda-bagian.json".into(),
        opened: open_assessment_for(&share_text(&share), &set),
    }];
    let report = merge(&a, &returned, &[], None);
    let v = merge_view(&scorer, &a, &report, &BTreeMap::new(), Lang::Id);
    assert!(v.refused.is_empty());
    assert_eq!(v.warned.len(), 1);
    let (file, lines) = &v.warned[0];
    assert_eq!(file, "bappeda-bagian.json");
    assert!(
        lines[0].starts_with("berkas “bappeda-bagian.json”"),
        "{lines:?}"
    );
    assert!(
        lines[0].contains("“1. "),
        "the indicator by number and title: {lines:?}"
    );
    assert_eq!(v.accepted, "1 perubahan dari unit siap diterapkan.");
    assert!(v.conflicts.is_empty() && v.waiting.is_empty() && v.anything);
}
