//! Team work in the widget: the panel's state, its edits (units, assignments), handing a
//! unit's share out as a file, and taking several returned files back through a review where
//! the coordinator chooses per conflict before anything changes. What is shown is decided by
//! [`crate::view::team`]; drawing is `render::team`.

use std::collections::BTreeMap;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlInputElement};

use super::dom::{focus, value_of};
use super::events::emit;
use super::{Emits, Inner, now_iso, to_js};
use crate::export::open_assessment_for;
use crate::share::{MergeReport, Returned, cut_share, merge};
use crate::view::team::{self as tv, Field, Filter};
use crate::view::{Action, Tm, tm};

/// The team panel's state; the panel is drawn only while `open`.
#[derive(Default)]
pub(crate) struct Team {
    pub open: bool,
    /// Which indicators the assignment list shows.
    pub filter: Filter,
    /// The top-level group whose indicators the assignment list shows.
    pub group: usize,
    /// Returned files under review: their names and texts, the merge without choices, and
    /// the choices made so far (indicator to `base` or a file name).
    pub review: Option<Review>,
    /// The last message of the panel, and whether it is an error.
    pub msg: Option<(String, bool)>,
}

pub(crate) struct Review {
    pub files: Vec<(String, String)>,
    pub report: MergeReport,
    pub chosen: BTreeMap<String, String>,
}

impl Inner {
    /// Opens or closes the team panel.
    pub(crate) fn toggle_team(&mut self) {
        self.team.open = !self.team.open;
        if self.team.open {
            self.team.group = self.tab;
        }
        self.render_team();
        if self.team.open {
            self.focus_first(&["#swn-team-h"]);
        }
        if let Ok(Some(b)) = self.frame.query_selector(&Action::Team.selector()) {
            if !self.team.open {
                focus(&b);
            }
        }
    }

    /// A team edit was made: saved like any other, and reported to the host.
    fn team_changed(&mut self) -> Emits {
        self.touch();
        self.schedule_save(true);
        #[derive(serde::Serialize)]
        struct TeamChange<'a> {
            units: &'a [crate::Unit],
            assignments: &'a BTreeMap<String, crate::Assignment>,
        }
        to_js(&TeamChange {
            units: &self.a.units,
            assignments: &self.a.assignments,
        })
        .map(|detail| vec![("change", detail)])
        .unwrap_or_default()
    }

    fn team_say(&mut self, text: String, error: bool) {
        self.announce(&text);
        self.team.msg = Some((text, error));
    }

    /// Adds the unit named in the new-unit field.
    pub(crate) fn add_unit(&mut self) -> Emits {
        let Ok(Some(input)) = self.frame.query_selector("[data-team=new-unit]") else {
            return Vec::new();
        };
        let name = value_of(&input);
        match tv::add_unit(&mut self.a, &name, self.lang) {
            Ok(_) => {
                self.team.msg = None;
                let emits = self.team_changed();
                self.render_team();
                self.focus_first(&["[data-team=new-unit]"]);
                emits
            }
            Err(e) => {
                self.team_say(e, true);
                self.render_team();
                if let Ok(Some(i)) = self.frame.query_selector("[data-team=new-unit]") {
                    if let Some(i) = i.dyn_ref::<HtmlInputElement>() {
                        i.set_value(&name);
                    }
                    focus(&i);
                }
                Vec::new()
            }
        }
    }

    /// Removes a unit; one holding assignments is removed only when the official agrees to
    /// leave them without a unit.
    pub(crate) fn remove_unit(&mut self, el: &Element) -> Emits {
        let Some(id) = el.get_attribute("data-unit") else {
            return Vec::new();
        };
        if let Some(q) = tv::removal_question(&self.a, &id, self.lang) {
            let ok = web_sys::window()
                .and_then(|w| w.confirm_with_message(&q).ok())
                .unwrap_or(false);
            if !ok {
                return Vec::new();
            }
        }
        let name = tv::unit_name(&self.a, &id);
        tv::remove_unit(&mut self.a, &id);
        if self.team.filter == Filter::Unit(id) {
            self.team.filter = Filter::All;
        }
        self.team_say(
            tv::fill(tm(Tm::Removed, self.lang), &[("name", &name)]),
            false,
        );
        let emits = self.team_changed();
        self.render_team();
        self.focus_first(&["[data-team=new-unit]"]);
        emits
    }

    /// A control of the panel changed (`data-team` names which).
    pub(crate) fn on_team_change(&mut self, el: &Element) -> Emits {
        let what = el.get_attribute("data-team").unwrap_or_default();
        let value = value_of(el);
        let ind = el.get_attribute("data-ind").unwrap_or_default();
        let field = match what.as_str() {
            "unit-name" => {
                let id = el.get_attribute("data-unit").unwrap_or_default();
                return match tv::rename_unit(&mut self.a, &id, &value, self.lang) {
                    Ok(()) => {
                        self.team.msg = None;
                        let emits = self.team_changed();
                        self.render_team();
                        self.focus_first(&[&format!("[data-team=unit-name][data-unit=\"{id}\"]")]);
                        emits
                    }
                    Err(e) => {
                        // What was typed stays in the field, with the reason beside it.
                        self.team_say(e, true);
                        self.show_team_msg();
                        Vec::new()
                    }
                };
            }
            "filter" => {
                self.team.filter = Filter::parse(&value);
                self.render_assignments();
                return Vec::new();
            }
            "group" => {
                self.team.group = value.parse().unwrap_or(0);
                self.render_assignments();
                return Vec::new();
            }
            "choice" => {
                if let Some(r) = &mut self.team.review {
                    r.chosen.insert(ind, value);
                }
                self.render_review_status();
                return Vec::new();
            }
            "asg-unit" => Field::Unit,
            "asg-target" => Field::Target,
            "asg-due" => Field::Due,
            "asg-item" => Field::Item(el.get_attribute("data-item").unwrap_or_default()),
            _ => return Vec::new(),
        };
        let set = self.scorer.set();
        match tv::set_field(set, &mut self.a, &ind, &field, &value, self.lang) {
            Ok(()) => {
                self.team.msg = None;
                self.show_team_msg();
                let emits = self.team_changed();
                self.render_progress();
                self.show_late();
                emits
            }
            Err(e) => {
                self.team_say(e, true);
                self.show_team_msg();
                Vec::new()
            }
        }
    }

    /// Shows a unit's indicators in the assignment list (from its progress row).
    pub(crate) fn show_unit(&mut self, el: &Element) {
        self.team.filter = match el.get_attribute("data-unit") {
            Some(u) if !u.is_empty() => Filter::Unit(u),
            _ => Filter::Unassigned,
        };
        self.render_assignments();
        self.focus_first(&["[data-team=filter]"]);
    }

    /// Downloads a unit's share; on a unit's own page (an opened share), the share as filled.
    pub(crate) fn export_share(&mut self, el: &Element) -> Emits {
        if self.a.share.is_some() {
            return self.export(false);
        }
        let Some(unit) = el.get_attribute("data-unit") else {
            return Vec::new();
        };
        self.save_now();
        let at = now_iso();
        let by = tv::assigned_by(&self.a, self.lang);
        let share = match cut_share(&self.a, &unit, &by, Some(&at)) {
            Ok(s) => s,
            Err(p) => {
                self.team_say(p.message.get(self.lang).to_string(), true);
                self.show_team_msg();
                return Vec::new();
            }
        };
        let Ok(text) = super::api::export_text(&self.scorer, &share, &at) else {
            return Vec::new();
        };
        let name = tv::share_file_name(&self.set().id, &unit);
        self.download(&name, "application/json", &text);
        let detail = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&detail, &"format".into(), &"share".into());
        let _ = js_sys::Reflect::set(&detail, &"filename".into(), &name.into());
        let _ = js_sys::Reflect::set(&detail, &"text".into(), &text.into());
        vec![("export", detail.into())]
    }

    /// Reads every file chosen in the returned-shares field, then reviews them together.
    pub(crate) fn read_shares(&mut self, el: &Element) -> Emits {
        let Some(input) = el.dyn_ref::<HtmlInputElement>() else {
            return Vec::new();
        };
        let Some(list) = input.files() else {
            return Vec::new();
        };
        let names = js_sys::Array::new();
        let texts = js_sys::Array::new();
        for k in 0..list.length() {
            if let Some(f) = list.get(k) {
                names.push(&f.name().into());
                texts.push(&f.text());
            }
        }
        input.set_value("");
        if names.length() == 0 {
            return Vec::new();
        }
        let weak = self.self_weak.clone();
        let done = Closure::once_into_js(move |texts: JsValue| {
            if !js_sys::Array::is_array(&texts) {
                return;
            }
            let texts = js_sys::Array::from(&texts);
            let files: Vec<(String, String)> = names
                .iter()
                .zip(texts.iter())
                .map(|(n, t)| {
                    (
                        n.as_string().unwrap_or_default(),
                        t.as_string().unwrap_or_default(),
                    )
                })
                .collect();
            if let Some(cell) = weak.and_then(|w| w.upgrade()) {
                let emits = match cell.borrow_mut().as_mut() {
                    Some(st) => st.review_shares(files),
                    None => Vec::new(),
                };
                emit(&cell, emits);
            }
        });
        let all = js_sys::Promise::all(&texts);
        let _ = super::files::then_either(&all, &done, &done);
        Vec::new()
    }

    /// The returned files, merged without choices: nothing changes until applied.
    pub(crate) fn review_shares(&mut self, files: Vec<(String, String)>) -> Emits {
        let report = self.merge_files(&files, &BTreeMap::new());
        self.team.review = Some(Review {
            files,
            report,
            chosen: BTreeMap::new(),
        });
        self.team.msg = None;
        self.team.open = true;
        self.render_team();
        self.focus_first(&["#swn-review-h"]);
        Vec::new()
    }

    fn merge_files(
        &self,
        files: &[(String, String)],
        chosen: &BTreeMap<String, String>,
    ) -> MergeReport {
        let returned: Vec<Returned> = files
            .iter()
            .map(|(name, text)| Returned {
                file: name.clone(),
                opened: open_assessment_for(text, self.set()),
            })
            .collect();
        merge(&self.a, &returned, &tv::choices(chosen), Some(&now_iso()))
    }

    /// Applies the reviewed files: every accepted change and every chosen side, each with its
    /// unit and time; refused while a conflict has no choice.
    pub(crate) fn apply_review(&mut self) -> Emits {
        let Some(r) = &self.team.review else {
            return Vec::new();
        };
        let report = self.merge_files(&r.files, &r.chosen);
        if report.unresolved > 0 || !report.problems.is_empty() {
            // The base moved since the review, or a choice no longer fits: review again.
            let files = r.files.clone();
            let emits = self.review_shares(files);
            let waiting = tv::fill(
                tm(Tm::ChooseFirst, self.lang),
                &[("n", &report.unresolved.to_string())],
            );
            self.team_say(waiting, true);
            self.show_team_msg();
            return emits;
        }
        let n = report.accepted.len();
        self.team.review = None;
        let emits = if n > 0 {
            self.replace(report.result, Vec::new())
        } else {
            self.render_team();
            Vec::new()
        };
        let text = if n > 0 {
            tv::fill(tm(Tm::MergeDone, self.lang), &[("n", &n.to_string())])
        } else {
            tm(Tm::NothingNew, self.lang).to_string()
        };
        self.team_say(text, false);
        self.show_team_msg();
        self.focus_first(&["[data-team=msg]", "#swn-team-h"]);
        emits
    }

    /// Forgets the reviewed files.
    pub(crate) fn cancel_review(&mut self) {
        self.team.review = None;
        self.render_team();
        self.focus_first(&[&format!("input{}", Action::ShareImport.selector())]);
    }
}
