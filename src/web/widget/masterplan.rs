//! The program masterplan of a set built from the region's masterplan: the official's edits
//! to the program list (added, changed, removed after asking when it has answers) and the
//! document name, and the set the form shows, expanded again from the list after each.
//!
//! Controls of the panel carry `data-mp` (what they edit) and, in a program's row, `data-pid`
//! (the program's id). Drawn by `render::masterplan`.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};

use super::dom::value_of;
use super::{Emits, Inner};
use crate::autosave::place_drafts;
use crate::masterplan::{Masterplan, Program, expand};
use crate::view::{self, Mp};
use crate::{Scorer, view::mp};

/// A program being entered in the "add" form, kept across redraws until it is added.
#[derive(Clone, Debug, Default)]
pub(crate) struct NewProgram {
    pub name: String,
    pub unit: String,
    pub subdimension: String,
    pub quick_win: bool,
    pub survey: bool,
}

/// The panel's state.
#[derive(Debug, Default)]
pub(crate) struct MpState {
    /// Whether the panel is open.
    pub open: bool,
    /// The program being entered.
    pub draft: NewProgram,
    /// The program whose removal waits for the official to confirm.
    pub confirm: Option<String>,
    /// Why the last "add" was refused.
    pub error: Option<Mp>,
    /// The CSV and survey files read.
    pub files: super::mpfiles::MpFiles,
    /// Whether the program being entered was read back from storage (on first opening).
    pub restored: bool,
}

impl NewProgram {
    /// As kept in storage between visits: JSON.
    fn to_text(&self) -> String {
        use crate::Json;
        let text = |s: &str| Json::String(s.to_string());
        crate::export::canonical(&Json::Object(vec![
            ("name".into(), text(&self.name)),
            ("unit".into(), text(&self.unit)),
            ("subdimension".into(), text(&self.subdimension)),
            ("quickWin".into(), Json::Bool(self.quick_win)),
            ("survey".into(), Json::Bool(self.survey)),
        ]))
    }

    /// Read back from storage; anything unreadable gives an empty form.
    fn from_text(text: &str) -> NewProgram {
        let Ok(j) = crate::Json::parse(text) else {
            return NewProgram::default();
        };
        let s = |k: &str| {
            j.get(k)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_string()
        };
        let b = |k: &str| matches!(j.get(k), Some(crate::Json::Bool(true)));
        NewProgram {
            name: s("name"),
            unit: s("unit"),
            subdimension: s("subdimension"),
            quick_win: b("quickWin"),
            survey: b("survey"),
        }
    }

    fn is_empty(&self) -> bool {
        self.name.is_empty() && self.unit.is_empty()
    }
}

/// The scorer of `scorer`'s set expanded with `m` (for a set with a masterplan template;
/// otherwise `scorer` itself).
pub(crate) fn scorer_for(
    scorer: Rc<Scorer<'static>>,
    m: Option<&Masterplan>,
) -> Rc<Scorer<'static>> {
    match &scorer.set().masterplan {
        Some(t) if t.expanded_with.as_ref() != m || t.expanded_with.is_none() => {
            Rc::new(Scorer::owned(expand(scorer.set(), m)))
        }
        _ => scorer,
    }
}

fn checked(el: &Element) -> bool {
    el.dyn_ref::<HtmlInputElement>()
        .is_some_and(HtmlInputElement::checked)
}

impl Inner {
    /// Makes the form follow the program list: the set expanded again, text kept in number
    /// fields moved to its indicator's new place, everything scored again.
    pub(crate) fn rescope(&mut self) {
        if self.set().masterplan.is_none() {
            return;
        }
        let drafts = self.drafts_out();
        self.scorer = scorer_for(Rc::clone(&self.scorer), self.a.masterplan.as_ref());
        let (kept, dropped) = place_drafts(&self.scorer, drafts);
        self.drafts = kept;
        if !dropped.is_empty() {
            self.notices
                .push(super::Notice::Text(view::Ui::DroppedDrafts, dropped));
        }
        self.answered = view::answered_flags(&self.scorer, &self.a);
        self.tally = self.scorer.tally(self.scorer.indicator_scores(&self.a));
    }

    /// An event on a control of the masterplan panel.
    pub(crate) fn on_masterplan(&mut self, kind: &str, el: &Element, e: &web_sys::Event) -> Emits {
        let field = el.get_attribute("data-mp").unwrap_or_default();
        let pid = el.get_attribute("data-pid");
        match (kind, field.as_str(), pid) {
            // Enter in the new program's name or unit adds it, as a form would.
            ("keydown", "new-name" | "new-unit", _) => {
                let enter = e
                    .dyn_ref::<web_sys::KeyboardEvent>()
                    .is_some_and(|k| k.key() == "Enter" && !k.is_composing());
                if !enter {
                    return vec![];
                }
                e.prevent_default();
                self.mp.draft.name = self.field_text("[data-mp=new-name]");
                self.mp.draft.unit = self.field_text("[data-mp=new-unit]");
                self.add_program()
            }
            ("click", "toggle", _) => {
                self.mp.open = !self.mp.open;
                self.restore_new_program();
                self.render_masterplan();
                self.focus_first(&["[data-mp=toggle]"]);
                vec![]
            }
            ("click", "open", _) => {
                self.mp.open = true;
                self.restore_new_program();
                self.render_masterplan();
                self.focus_first(&["[data-mp=new-name]"]);
                vec![]
            }
            ("click", "add", _) => self.add_program(),
            ("click", "remove", Some(id)) => self.ask_remove(id),
            ("click", "remove-yes", Some(id)) => self.remove_program(&id),
            ("click", "remove-no", Some(id)) => {
                self.mp.confirm = None;
                self.render_masterplan();
                self.focus_first(&[&format!("[data-mp=remove][data-pid=\"{id}\"]")]);
                vec![]
            }
            ("change", "csv", _) => self.read_csv(el),
            ("click", "csv-yes", _) => self.csv_confirm(),
            ("click", "csv-no" | "csv-dismiss", _) => self.csv_dismiss(),
            ("change", "survey-files", Some(sub)) => self.read_survey(el, sub),
            ("input", "doc", _) => {
                let text = value_of(el);
                self.a
                    .masterplan
                    .get_or_insert_with(Masterplan::default)
                    .document = text;
                self.programs_changed(false, true)
            }
            (
                "input" | "change",
                f @ ("new-name" | "new-unit" | "new-sub" | "new-qw" | "new-survey"),
                _,
            ) => {
                let d = &mut self.mp.draft;
                match f {
                    "new-name" => d.name = value_of(el),
                    "new-unit" => d.unit = value_of(el),
                    "new-sub" => d.subdimension = value_of(el),
                    "new-qw" => d.quick_win = checked(el),
                    _ => d.survey = checked(el),
                }
                self.keep_new_program();
                vec![]
            }
            ("input", f @ ("name" | "unit"), Some(id)) => {
                let text = value_of(el);
                let name = f == "name";
                self.edit_program(&id, |p| {
                    if name {
                        p.name = text;
                    } else {
                        p.unit = text;
                    }
                })
            }
            ("change", f @ ("sub" | "qw" | "survey"), Some(id)) => {
                let (value, on) = (value_of(el), checked(el));
                let f = f.to_string();
                let emits = self.edit_program(&id, |p| match f.as_str() {
                    "qw" => p.quick_win = on,
                    "survey" => p.survey = on,
                    _ => p.subdimension = value,
                });
                // The row moves to its pillar's list (a new sub-dimension); a note says when an
                // unticked box leaves an answer kept but not scored (quick win, survey).
                self.render_masterplan();
                self.focus_first(&[&format!("[data-mp={f}][data-pid=\"{id}\"]")]);
                emits
            }
            _ => vec![],
        }
    }

    /// Where the program being entered is kept between visits (typed, not added yet).
    fn new_program_key(&self) -> String {
        format!("{}:masterplan-new", self.saving.key())
    }

    /// Keeps the program being entered in storage (removed when the form is empty).
    fn keep_new_program(&mut self) {
        use crate::autosave::Storage;
        let key = self.new_program_key();
        if self.mp.draft.is_empty() {
            self.store.remove(&key);
        } else {
            let text = self.mp.draft.to_text();
            let _ = self.store.set(&key, &text);
        }
    }

    /// On first opening the panel: the program being entered in an earlier visit.
    fn restore_new_program(&mut self) {
        use crate::autosave::Storage;
        if std::mem::replace(&mut self.mp.restored, true) || !self.mp.draft.is_empty() {
            return;
        }
        if let Some(text) = self.store.get(&self.new_program_key()) {
            self.mp.draft = NewProgram::from_text(&text);
        }
    }

    /// The text of the panel's field matching `selector`.
    fn field_text(&self, selector: &str) -> String {
        self.frame
            .query_selector(selector)
            .ok()
            .flatten()
            .map(|el| value_of(&el))
            .unwrap_or_default()
    }

    /// Changes one program (its pillar follows its sub-dimension).
    fn edit_program(&mut self, id: &str, f: impl FnOnce(&mut Program)) -> Emits {
        let t = self.set().masterplan.clone();
        let Some(p) = self
            .a
            .masterplan
            .as_mut()
            .and_then(|m| m.programs.iter_mut().find(|p| p.id == id))
        else {
            return vec![];
        };
        f(p);
        if let Some((pillar, _)) = t.as_ref().and_then(|t| t.subdimension(&p.subdimension)) {
            p.pillar = pillar.id.clone();
        }
        self.programs_changed(false, true)
    }

    /// Adds the program of the "add" form, or says what is missing.
    fn add_program(&mut self) -> Emits {
        let d = self.mp.draft.clone();
        let pillar = self
            .set()
            .masterplan
            .as_ref()
            .and_then(|t| t.subdimension(&d.subdimension))
            .map(|(p, _)| p.id.clone());
        self.mp.error = if d.name.trim().is_empty() {
            Some(Mp::NameMissing)
        } else if pillar.is_none() {
            Some(Mp::SubdimensionMissing)
        } else {
            None
        };
        let Some(pillar) = pillar.filter(|_| self.mp.error.is_none()) else {
            self.render_masterplan();
            let at = if self.mp.error == Some(Mp::NameMissing) {
                "[data-mp=new-name]"
            } else {
                "[data-mp=new-sub]"
            };
            self.focus_first(&[at]);
            return vec![];
        };
        let name = d.name.trim().to_string();
        let id = view::new_program_id(self.a.masterplan.as_ref(), &self.a, &pillar, &name);
        let program = Program {
            id,
            pillar,
            subdimension: d.subdimension.clone(),
            name: name.clone(),
            unit: d.unit.trim().to_string(),
            quick_win: d.quick_win,
            survey: d.survey,
        };
        self.a
            .masterplan
            .get_or_insert_with(Masterplan::default)
            .programs
            .push(program);
        // The next program is often of the same sub-dimension: that choice stays.
        self.mp.draft = NewProgram {
            subdimension: d.subdimension,
            ..NewProgram::default()
        };
        self.keep_new_program();
        let emits = self.programs_changed(true, false);
        self.focus_first(&["[data-mp=new-name]"]);
        self.announce(&format!("{}: {name}", mp(Mp::Added, self.lang)));
        emits
    }

    /// Removes a program at once when nothing answers it, else asks first.
    fn ask_remove(&mut self, id: String) -> Emits {
        let answered = self
            .a
            .masterplan
            .as_ref()
            .and_then(|m| m.programs.iter().find(|p| p.id == id))
            .is_some_and(|p| crate::programs::answered(&self.a, &p.id));
        if !answered {
            return self.remove_program(&id);
        }
        self.mp.confirm = Some(id.clone());
        self.render_masterplan();
        self.focus_first(&[&format!("[data-mp=remove-no][data-pid=\"{id}\"]")]);
        vec![]
    }

    /// Removes a program; its answers stay in the assessment (reported as orphaned).
    fn remove_program(&mut self, id: &str) -> Emits {
        self.mp.confirm = None;
        let Some(m) = self.a.masterplan.as_mut() else {
            return vec![];
        };
        let Some(k) = m.programs.iter().position(|p| p.id == id) else {
            return vec![];
        };
        let gone = m.programs.remove(k);
        let emits = self.programs_changed(true, false);
        self.announce(&format!("{}: {}", mp(Mp::Removed, self.lang), gone.name));
        self.focus_first(&["[data-mp=new-name]"]);
        emits
    }

    /// After the list changed: saved, the form expanded again and scored, the panel redrawn
    /// when rows came or went (never while the official types in it).
    pub(crate) fn programs_changed(&mut self, redraw_panel: bool, typing: bool) -> Emits {
        self.touch();
        self.schedule_save(typing);
        self.rescope();
        self.render_panel();
        self.update_tab_counts();
        self.update_summary();
        self.schedule.results_due = true;
        self.defer();
        if redraw_panel {
            self.render_masterplan();
        } else {
            self.update_masterplan_label();
        }
        vec![("score", self.score_detail())]
    }
}
