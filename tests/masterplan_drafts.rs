//! Number text of a generated indicator (an Impact result typed but not valid yet) is saved
//! with the program list and placed again, on reopening, in the form built from that list:
//! the widget draws the set expanded with the saved programs, so the save is read against it.

#![cfg(not(target_arch = "wasm32"))] // the built-in sets are native only

use swanilai::autosave::{At, Draft, Memory, Storage, Tab, Told, save_text};
use swanilai::masterplan::{Masterplan, Program};
use swanilai::model::Lang;
use swanilai::{Assessment, Scorer, builtin};

#[test]
fn number_text_of_a_generated_indicator_is_placed_in_the_expanded_form() {
    let set = builtin::get("smart-city-evaluasi").expect("built in");
    let scorer = Scorer::new(&set);
    let mut a = Assessment::new(&set.id, &set.version);
    let mut p = Program::new("gov-a", "governance", "layanan-publik", "A");
    p.survey = true;
    a.masterplan = Some(Masterplan {
        document: String::new(),
        programs: vec![p],
    });
    let drafts = [Draft {
        indicator: "im-layanan-publik".into(),
        text: "4,2x".into(),
        lang: Lang::Id,
    }];
    let mut store = Memory::default();
    store
        .set(
            "k",
            &save_text(&a, &drafts, 1, "w1", "2026-12-07T10:00:00Z"),
        )
        .expect("room");
    let at = At {
        iso: "2026-12-07T10:01:00Z".into(),
        ms: 1,
    };
    let given = Assessment::new(&set.id, &set.version);
    let o = Tab::open(&mut store, "k", "w2", &scorer, given, &at);
    assert!(
        !o.told.iter().any(|t| matches!(t, Told::DroppedDrafts(_))),
        "{:?}",
        o.told
    );
    let expanded = scorer.for_assessment(&o.assessment);
    let placed: Vec<(&str, &str)> = o
        .drafts
        .iter()
        .map(|(i, text, _)| (expanded.indicator(*i).id.as_str(), text.as_str()))
        .collect();
    assert_eq!(placed, [("im-layanan-publik", "4,2x")]);
}
