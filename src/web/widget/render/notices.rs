//! The notices above the form (storage, another tab, an opened file, a reset, combined
//! versions), the time of the last save and the sticky "not saved" button.

use wasm_bindgen::JsCast;
use web_sys::Element;

use super::super::dom::{attrs, clear};
use super::super::{Inner, Notice};
use crate::Problem;
use crate::export::Integrity;
use crate::view::{self, Action, Opened, Ui};

impl Inner {
    pub(crate) fn render_notices(&self) {
        let Ok(Some(box_)) = self.frame.query_selector("[data-swn=notices]") else {
            return;
        };
        clear(&box_);
        self.show_unsaved();
        let d = &self.dom;
        // The newest first: what the official just did is on top, never under older news.
        for (n, notice) in self.notices.iter().enumerate().rev() {
            let div = d.add(&box_, "div", "swn-notice", "");
            let close = |div: &Element| {
                let b = d.add(div, "button", "swn-btn swn-link", self.t(Ui::Dismiss));
                attrs(
                    &b,
                    &[
                        ("type", "button"),
                        ("data-act", Action::Dismiss.name()),
                        ("data-n", &n.to_string()),
                    ],
                );
            };
            match notice {
                Notice::Text(key, items) => {
                    if matches!(key, Ui::StorageFull | Ui::StorageUnavailable) {
                        attrs(&div, &[("data-blocking", "")]);
                    }
                    d.add(&div, "p", "", self.t(*key));
                    if !items.is_empty() {
                        let ul = d.add(&div, "ul", "", "");
                        for it in items {
                            d.add(&ul, "li", "", it);
                        }
                    }
                    close(&div);
                }
                Notice::Problems(problems, integrity, opened, (how, name)) => {
                    attrs(&div, &[("data-swn", "import")]);
                    let head = format!("{}: {name}", self.t(*how));
                    d.add(&div, "p", "swn-notice-head", &head);
                    self.render_opened_file(&div, problems, *integrity, *opened, *how);
                    if *opened != Opened::Pending {
                        close(&div);
                    }
                }
                Notice::OtherTab => {
                    attrs(&div, &[("data-swn", "other-tab"), ("data-blocking", "")]);
                    d.add(&div, "p", "swn-warn", self.t(Ui::OtherTab));
                    self.button(
                        &div,
                        "swn-btn swn-primary",
                        Ui::MergeBoth,
                        Action::OtherMerge,
                    );
                    self.button(&div, "swn-btn", Ui::ReloadOther, Action::OtherLoad);
                    self.button(&div, "swn-btn", Ui::KeepMine, Action::OtherKeep);
                }
                Notice::Merged(ids) => {
                    d.add(&div, "p", "", self.t(view::merged_key(ids)));
                    if !ids.is_empty() {
                        let ul = d.add(&div, "ul", "", "");
                        for id in ids {
                            d.add(
                                &ul,
                                "li",
                                "",
                                &view::indicator_name(&self.scorer, id, self.lang),
                            );
                        }
                    }
                    close(&div);
                }
                Notice::Left => {
                    attrs(&div, &[("data-swn", "left")]);
                    d.add(&div, "p", "swn-warn", self.t(Ui::LeftUnsaved));
                    self.button(
                        &div,
                        "swn-btn swn-primary",
                        Ui::LeftRestore,
                        Action::LeftRestore,
                    );
                    self.button(&div, "swn-btn", Ui::LeftDrop, Action::LeftDrop);
                }
                Notice::Damaged(problems) => {
                    attrs(&div, &[("data-swn", "damaged")]);
                    d.add(&div, "p", "swn-warn", self.t(Ui::SavedDamaged));
                    self.problem_list(&div, problems);
                    close(&div);
                }
                Notice::ReadInPart(what, problems) => {
                    attrs(&div, &[("data-swn", what.name())]);
                    d.add(&div, "p", "swn-warn", what.text(self.lang));
                    if !problems.is_empty() {
                        self.problem_list(&div, problems);
                    }
                    close(&div);
                }
                Notice::ResetDone => {
                    d.add(&div, "p", "", self.t(Ui::ResetDone));
                    self.button(&div, "swn-btn", Ui::Undo, Action::UndoReset);
                    close(&div);
                }
            }
        }
    }

    /// An opened file's notice below its heading: the verdict (which file to choose, or its
    /// integrity), its problems (the first 50), and for an import the buttons to confirm or
    /// cancel.
    fn render_opened_file(
        &self,
        div: &Element,
        problems: &[Problem],
        integrity: Integrity,
        opened: Opened,
        how: Ui,
    ) {
        let d = &self.dom;
        let (key, cls) = view::import_verdict(integrity, opened);
        let p = d.add(div, "p", cls, self.t(key));
        attrs(&p, &[("data-integrity", view::integrity_name(integrity))]);
        if !problems.is_empty() {
            d.add(div, "p", "", self.t(view::problems_heading(problems)));
            self.problem_list(div, problems);
        }
        if opened == Opened::Pending && how == Ui::ImportPrevious {
            self.render_previous_question(div);
        } else if opened == Opened::Pending {
            self.button(
                div,
                "swn-btn swn-primary",
                Ui::ImportConfirm,
                Action::ImportConfirm,
            );
            self.button(div, "swn-btn", Ui::Cancel, Action::ImportCancel);
        }
    }

    /// Problems, the first 50, each with where it is ("12. <title>: ") in the widget's
    /// language.
    fn problem_list(&self, div: &Element, problems: &[Problem]) {
        let d = &self.dom;
        let ul = d.add(div, "ul", "swn-problems", "");
        for pr in problems.iter().take(50) {
            let line = view::problem_line(&self.scorer, pr, self.lang);
            // The code is for support and tests, not for the official's eyes.
            let li = d.add(&ul, "li", "", &line);
            attrs(&li, &[("data-code", &pr.code.to_string())]);
        }
    }

    /// A button in a notice that asks for `act`.
    fn button(&self, parent: &Element, class: &str, label: Ui, act: Action) {
        let b = self.dom.add(parent, "button", class, self.t(label));
        attrs(&b, &[("type", "button"), ("data-act", act.name())]);
    }

    /// "Saved automatically 10.42" in the sticky bar, once this page has saved.
    pub(crate) fn show_saved(&self) {
        let Some((h, m)) = self.saved_at else { return };
        if let Ok(Some(e)) = self.frame.query_selector("[data-saved]") {
            e.set_text_content(Some(&view::saved_text(h, m, self.lang)));
        }
    }

    /// Shows the sticky "not saved" button while there are changes that cannot be saved.
    /// Also attaches the `beforeunload` listener (which asks before the page closes) exactly
    /// while that is so; adding or removing it again changes nothing.
    pub(crate) fn show_unsaved(&self) {
        let unsaved = self.saving.due() && self.blocked();
        // Called on every answer: touch the page only when the state changes.
        if self.unsaved_shown.replace(Some(unsaved)) == Some(unsaved) {
            return;
        }
        if let Ok(Some(b)) = self.frame.query_selector(".swn-unsaved") {
            let _ = if unsaved {
                b.remove_attribute("hidden")
            } else {
                b.set_attribute("hidden", "")
            };
        }
        if let Some(l) = self.listeners.iter().find(|l| l.kind == "beforeunload") {
            let f = l.closure.as_ref().unchecked_ref();
            let _ = if unsaved {
                l.target.add_event_listener_with_callback(l.kind, f)
            } else {
                l.target.remove_event_listener_with_callback(l.kind, f)
            };
        }
    }
}
