//! Drawing the whole widget: the header with its toolbar and region fields, the notices, and
//! the frame of every region of the screen, each filled by its own module.

mod advice;
mod check;
mod external;
mod form;
mod items;
mod notices;
mod print;
mod results;
mod sheet;

use web_sys::Element;

use super::Inner;
use super::dom::{attrs, clear};
use crate::model::Lang;
use crate::view::{self, Action, Ui};

impl Inner {
    pub(crate) fn render_all(&mut self) {
        // Everything is redrawn: keep keyboard focus on the redrawn twin of what had it.
        let focus_key = self.focus_key();
        let d = self.dom.clone();
        clear(&self.root);
        if !self.stylesheet.is_empty() {
            let link = d.el("link", "");
            attrs(&link, &[("rel", "stylesheet"), ("href", &self.stylesheet)]);
            let _ = self.root.append_child(&link);
        }
        let f = d.el("div", "swn");
        attrs(&f, &[("lang", self.lang.tag())]);
        self.unsaved_shown.set(None);
        let _ = self.root.append_child(&f);
        self.frame = f.clone();

        let head = d.add(&f, "header", "swn-head", "");
        let set = self.set();
        let title = d.add(&head, "h2", "swn-title", set.title.get(self.lang));
        // A place for focus to land when the control that had it goes away.
        attrs(&title, &[("tabindex", "-1")]);
        // One sentence says what the official does and gets; the set's own description is
        // one click away.
        let n = self.scorer.indicator_count();
        let lead_text = format!("{} ", view::lead_text(set, n, self.lang));
        let lead = d.add(&head, "p", "swn-desc swn-lead", &lead_text);
        let about = d.add(&lead, "details", "swn-about", "");
        d.add(&about, "summary", "", self.t(Ui::About));
        if let Some(desc) = &set.description {
            d.add(&about, "p", "", desc.get(self.lang));
        }
        d.add(&about, "p", "", self.t(Ui::SavedHere));
        self.render_toolbar(&head);
        self.render_region(&head);

        let status = d.add(&f, "div", "swn-sr", "");
        self.speech.fresh.set(true);
        attrs(
            &status,
            &[
                ("role", "status"),
                ("aria-live", "polite"),
                ("data-swn", "status"),
            ],
        );
        let notices = d.add(&f, "div", "swn-notices", "");
        attrs(&notices, &[("data-swn", "notices")]);
        self.render_notices();

        self.render_body(&f);
        self.select_tab(self.tab, false);
        self.render_results();
        self.render_advice();
        self.render_compare();
        self.keep_page_off_paper();
        if let Some(key) = focus_key {
            self.focus_first(&[&key]);
        }
        // The sticky bar's height (it wraps on narrow screens) for what scrolls below it.
        self.measure_bar();
    }

    /// The toolbar, one row: the primary action (the file to hand in), the other file
    /// actions and print, the language, and reset set apart at the end.
    fn render_toolbar(&self, head: &Element) {
        let d = &self.dom;
        let bar = d.add(head, "div", "swn-toolbar", "");
        attrs(
            &bar,
            &[("role", "group"), ("aria-label", self.t(Ui::Actions))],
        );
        let button = |parent: &Element, class: &str, label: &str, act: Action| {
            let b = d.add(parent, "button", class, label);
            attrs(&b, &[("type", "button"), ("data-act", act.name())]);
            b
        };
        button(
            &bar,
            "swn-btn swn-primary",
            self.t(Ui::ExportJson),
            Action::ExportJson,
        );
        let files = d.add(&bar, "div", "swn-tools", "");
        attrs(
            &files,
            &[("role", "group"), ("aria-label", self.t(Ui::FileActions))],
        );
        button(&files, "swn-btn", self.t(Ui::ExportCsv), Action::ExportCsv);
        button(&files, "swn-btn", self.t(Ui::Print), Action::Print);
        self.file_button(&files, Ui::Import, Action::Import);
        self.file_button(&files, Ui::ImportPrevious, Action::ImportPrevious);
        let lang_btn = button(&bar, "swn-btn", self.t(Ui::OtherLanguage), Action::Lang);
        attrs(
            &lang_btn,
            &[("lang", if self.lang == Lang::Id { "en" } else { "id" })],
        );
        button(&bar, "swn-btn swn-danger", self.t(Ui::Reset), Action::Reset);
    }

    /// The form with its sticky summary and tabs, the results, advice and comparison
    /// sections, and the print section (filled before printing).
    fn render_body(&self, frame: &Element) {
        let d = &self.dom;
        // The form first, then the results (beside it on wide screens, below it on narrow
        // ones), then advice and comparison (below the results): the same order on screen,
        // for the keyboard and for screen readers.
        // The result sheet: on paper only, before everything else that prints.
        let sheet = d.add(frame, "section", "swn-sheet", "");
        attrs(&sheet, &[("data-swn", "sheet"), ("aria-hidden", "true")]);
        let body = d.add(frame, "div", "swn-body", "");
        let main = d.add(&body, "div", "swn-main", "");
        // On wide screens the form scrolls far below the results: a compact copy of the overall
        // score stays in view above the tabs (hidden from assistive technology, which hears
        // every change through the status region).
        let sticky = d.add(&main, "div", "swn-sticky", "");
        let saved = d.add(&sticky, "span", "swn-saved", "");
        attrs(&saved, &[("aria-hidden", "true"), ("data-saved", "")]);
        let mini = d.add(&sticky, "p", "swn-mini", "");
        attrs(&mini, &[("aria-hidden", "true"), ("data-mini", "")]);
        self.show_saved();
        // Shown while changes cannot be saved: the notice saying why may be far above.
        let unsaved = d.add(
            &sticky,
            "button",
            "swn-btn swn-unsaved",
            self.t(Ui::Unsaved),
        );
        attrs(
            &unsaved,
            &[
                ("type", "button"),
                ("data-act", Action::Notices.name()),
                ("hidden", ""),
            ],
        );
        self.render_nav(&sticky);
        let tabs = d.add(&main, "div", "swn-tabs", "");
        attrs(
            &tabs,
            &[("role", "tablist"), ("aria-label", self.t(Ui::Tabs))],
        );
        for (k, g) in self.set().groups.iter().enumerate() {
            let tab = d.add(&tabs, "button", "swn-tab", "");
            attrs(
                &tab,
                &[
                    ("type", "button"),
                    ("role", "tab"),
                    ("id", &format!("swn-tab-{k}")),
                    ("aria-controls", "swn-panel"),
                    ("data-tab", &k.to_string()),
                ],
            );
            d.add(&tab, "bdi", "swn-tab-title", g.title.get(self.lang));
            let c = d.add(&tab, "span", "swn-tab-count", "");
            attrs(&c, &[("data-count", &k.to_string())]);
        }
        let panel = d.add(&main, "section", "swn-panel", "");
        attrs(&panel, &[("id", "swn-panel"), ("role", "tabpanel")]);
        let results = d.add(&body, "section", "swn-results", "");
        attrs(
            &results,
            &[
                ("data-swn", "results"),
                ("aria-labelledby", "swn-results-h"),
            ],
        );
        let aside = d.add(&body, "aside", "swn-side", "");
        let advice = d.add(&aside, "section", "swn-advice", "");
        attrs(
            &advice,
            &[("data-swn", "advice"), ("aria-labelledby", "swn-advice-h")],
        );
        let check = d.add(&aside, "section", "swn-check", "");
        attrs(
            &check,
            &[("data-swn", "check"), ("aria-labelledby", "swn-check-h")],
        );
        let compare = d.add(&aside, "section", "swn-compare", "");
        attrs(
            &compare,
            &[
                ("data-swn", "compare"),
                ("aria-labelledby", "swn-compare-h"),
            ],
        );
        let print = d.add(frame, "section", "swn-print", "");
        attrs(&print, &[("data-swn", "print"), ("aria-hidden", "true")]);
    }

    /// The ways through the form, in the sticky bar: the next unanswered indicator, the next
    /// group, back to where the official was (after following a link), and a short message.
    fn render_nav(&self, sticky: &Element) {
        let d = &self.dom;
        let nav = d.add(sticky, "div", "swn-nav", "");
        // "Back" first: when it shows, it is what the official came for.
        for (label, act) in [
            (Ui::Back, Action::Back),
            (Ui::NextUnanswered, Action::NextUnanswered),
            (Ui::NextGroup, Action::NextGroup),
        ] {
            let b = d.add(&nav, "button", "swn-btn swn-small", self.t(label));
            attrs(&b, &[("type", "button"), ("data-act", act.name())]);
        }
        self.show_back();
        let msg = d.add(&nav, "span", "swn-nav-msg", "");
        attrs(&msg, &[("data-nav-msg", "")]);
    }

    fn file_button(&self, bar: &Element, label: Ui, act: Action) {
        let d = &self.dom;
        let l = d.add(bar, "label", "swn-btn swn-file", "");
        d.add(&l, "span", "", self.t(label));
        let input = d.add(&l, "input", "swn-file-input", "");
        attrs(
            &input,
            &[
                ("type", "file"),
                ("accept", ".json,application/json"),
                ("data-act", act.name()),
            ],
        );
    }
}
