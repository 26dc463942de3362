//! A click on one of the widget's controls becomes an [`Action`] here, and is carried out.

use web_sys::{Element, EventTarget};

use super::dom::{closest_with, focus};
use super::events::{index_of, index_of_attr};
use super::{CARD_CHUNK, Emits, Inner};
use crate::model::Lang;
use crate::view::Action;

/// The action a control asks for: its own `data-act`, or that of the nearest element around
/// it that has one. The one place a `data-act` attribute is read.
pub(crate) fn action_of(target: &EventTarget) -> Option<(Action, Element)> {
    let el = closest_with(target, "data-act")?;
    let act = Action::parse(&el.get_attribute("data-act")?)?;
    Some((act, el))
}

impl Inner {
    /// Carries out a click: on a tab, or on a control with an action.
    pub(crate) fn click_action(&mut self, target: &EventTarget) -> Emits {
        if let Some(tab) = closest_with(target, "data-tab") {
            let k = index_of_attr(&tab, "data-tab").unwrap_or(0);
            self.select_tab(k, false);
            self.remember_place(None);
            return Vec::new();
        }
        match action_of(target) {
            Some((act, el)) => self.act(act, &el),
            None => Vec::new(),
        }
    }

    /// Carries out `act`, asked for by the control `el`.
    fn act(&mut self, act: Action, el: &Element) -> Emits {
        match act {
            Action::Lang => {
                self.switch_lang();
                vec![]
            }
            Action::ExportJson => self.export(false),
            Action::ExportCsv => self.export(true),
            Action::Print => {
                // `print()` fires beforeprint and afterprint while this event still holds the
                // widget (they are dropped as busy), so they are done here.
                self.set_printing(true);
                if let Some(w) = web_sys::window() {
                    let _ = w.print();
                }
                self.set_printing(false);
                vec![]
            }
            // File fields act on `change`, when a file was chosen (see `events`).
            Action::Import | Action::ImportPrevious => vec![],
            Action::Reset => self.reset(),
            Action::UndoReset => self.undo_reset(),
            Action::PlanMore => {
                self.plan_open = !self.plan_open;
                self.render_advice();
                self.focus_first(&[&Action::PlanMore.selector()]);
                vec![]
            }
            Action::Clear => match index_of(el) {
                Some(i) => {
                    let emits = self.clear_answer(i);
                    // The button hides with nothing left to clear: focus stays in the card.
                    if let Ok(Some(first)) = self
                        .frame
                        .query_selector(&format!("#swn-i-{i} input, #swn-i-{i} select"))
                    {
                        super::nav::focus_in_place(&first);
                    }
                    emits
                }
                None => Vec::new(),
            },
            Action::More => {
                self.show_more_cards();
                vec![]
            }
            Action::Goto => {
                if let Some(i) = index_of(el) {
                    self.follow(i, el);
                }
                vec![]
            }
            Action::NextUnanswered => {
                self.next_unanswered();
                vec![]
            }
            Action::NextGroup => {
                self.next_group();
                vec![]
            }
            Action::Back => {
                self.go_back();
                vec![]
            }
            Action::Levels => {
                if let Some(i) = index_of(el) {
                    self.toggle_levels(i);
                }
                vec![]
            }
            Action::Notices => {
                // Focus scrolls the notice saying why changes are not saved into view.
                self.blocking_notices();
                self.render_notices();
                if let Ok(Some(b)) = self.frame.query_selector("[data-blocking] button") {
                    focus(&b);
                }
                vec![]
            }
            Action::Dismiss => {
                if let Some(n) = index_of_attr(el, "data-n") {
                    if n < self.notices.len() {
                        self.notices.remove(n);
                    }
                }
                self.render_notices();
                self.focus_first(&[".swn-title"]);
                vec![]
            }
            Action::ImportConfirm => self.import_confirm(),
            Action::ImportCancel => self.import_cancel(),
            Action::PreviousConfirm => self.previous_confirm(),
            Action::PreviousCancel => self.previous_cancel(),
            Action::BaselineKeep | Action::BaselineDrop => {
                self.baseline_settle(el, act == Action::BaselineKeep)
            }
            Action::OtherLoad | Action::OtherMerge | Action::OtherKeep => self.settle(act),
            Action::LeftRestore | Action::LeftDrop => self.left_work(act == Action::LeftRestore),
            Action::Team => {
                self.toggle_team();
                vec![]
            }
            Action::UnitAdd => self.add_unit(),
            Action::UnitRemove => self.remove_unit(el),
            Action::TeamShow => {
                self.show_unit(el);
                vec![]
            }
            Action::ShareExport => self.export_share(el),
            // The file field acts on `change`, when files were chosen (see `events`).
            Action::ShareImport => vec![],
            Action::MergeApply => self.apply_review(),
            Action::MergeCancel => {
                self.cancel_review();
                vec![]
            }
        }
    }

    /// Switches between Indonesian and English, keeping focus on the language button.
    fn switch_lang(&mut self) {
        self.lang = if self.lang == Lang::Id {
            Lang::En
        } else {
            Lang::Id
        };
        let _ = self.host.set_attribute("lang", self.lang.tag());
        self.render_all();
        if let Ok(Some(b)) = self.frame.query_selector(&Action::Lang.selector()) {
            focus(&b);
        }
    }

    /// Draws the next cards of a long tab, and continues where the reader was: the first
    /// newly drawn indicator.
    fn show_more_cards(&mut self) {
        let next = self.tab_first() + self.card_limit;
        self.card_limit += CARD_CHUNK;
        self.render_panel();
        if let Ok(Some(input)) = self
            .frame
            .query_selector(&format!("#swn-i-{next} input, #swn-i-{next} select"))
        {
            focus(&input);
        }
    }
}
