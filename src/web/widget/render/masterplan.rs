//! The program masterplan panel (only on sets built from a masterplan): a toggle, and when
//! open the document name, the programs grouped by pillar (each editable and removable) and
//! the form adding one; and the index per pillar under the results.

use web_sys::Element;

use super::super::Inner;
use super::super::dom::{attrs, clear, set_value};
use crate::score::TagScore;
use crate::view::{self, Mp, mp};

impl Inner {
    fn mpt(&self, key: Mp) -> &'static str {
        mp(key, self.lang)
    }

    /// Adds the panel's section below the header (sets with a masterplan template only).
    pub(crate) fn add_masterplan_section(&self) {
        if self.set().masterplan.is_none() {
            return;
        }
        let Ok(Some(head)) = self.frame.query_selector(".swn-head") else {
            return;
        };
        let sec = self.dom.el("section", "swn-mp");
        let _ = head.after_with_node_1(&sec);
        attrs(
            &sec,
            &[
                ("data-swn", "masterplan"),
                ("aria-labelledby", "swn-mp-toggle"),
            ],
        );
        self.render_masterplan();
        self.empty_generated_hint();
    }

    /// In a generated dimension's tab with nothing in it yet: where its indicators come from,
    /// and a button opening the panel.
    pub(crate) fn empty_generated_hint(&self) {
        let Some(g) = self.set().groups.get(self.tab) else {
            return;
        };
        if g.generated.is_none() || !g.children.is_empty() || !g.indicators.is_empty() {
            return;
        }
        let Ok(Some(panel)) = self.frame.query_selector("#swn-panel") else {
            return;
        };
        let d = &self.dom;
        let p = d.el("p", "swn-mp-hint");
        d.add(&p, "span", "", self.mpt(Mp::EmptyGenerated));
        d.text(&p, " ");
        let b = d.add(&p, "button", "swn-btn swn-small", self.mpt(Mp::OpenPanel));
        attrs(&b, &[("type", "button"), ("data-mp", "open")]);
        let end = panel.query_selector(".swn-panel-end").ok().flatten();
        let _ = panel.insert_before(&p, end.as_ref().map(|e| e.as_ref()));
    }

    fn program_count(&self) -> usize {
        self.a.masterplan.as_ref().map_or(0, |m| m.programs.len())
    }

    /// The toggle's label follows the number of programs.
    pub(crate) fn update_masterplan_label(&self) {
        if let Ok(Some(b)) = self.frame.query_selector("[data-mp=toggle]") {
            b.set_text_content(Some(&view::panel_label(self.program_count(), self.lang)));
        }
    }

    /// Draws the panel again (closed: the toggle only).
    pub(crate) fn render_masterplan(&self) {
        let Ok(Some(sec)) = self.frame.query_selector("[data-swn=masterplan]") else {
            return;
        };
        let Some(t) = &self.set().masterplan else {
            return;
        };
        clear(&sec);
        let d = &self.dom;
        let toggle = d.add(
            &sec,
            "button",
            "swn-btn swn-mp-toggle",
            &view::panel_label(self.program_count(), self.lang),
        );
        attrs(
            &toggle,
            &[
                ("type", "button"),
                ("id", "swn-mp-toggle"),
                ("data-mp", "toggle"),
                ("aria-controls", "swn-mp-body"),
                ("aria-expanded", if self.mp.open { "true" } else { "false" }),
            ],
        );
        if !self.mp.open {
            return;
        }
        let body = d.add(&sec, "div", "swn-mp-body", "");
        attrs(&body, &[("id", "swn-mp-body")]);
        d.add(&body, "p", "swn-desc", self.mpt(Mp::Intro));
        let l = d.add(&body, "label", "swn-field", "");
        d.add(&l, "span", "", self.mpt(Mp::Document));
        let doc = d.add(&l, "input", "", "");
        attrs(
            &doc,
            &[
                ("type", "text"),
                ("data-mp", "doc"),
                ("dir", "auto"),
                ("placeholder", self.mpt(Mp::DocumentHint)),
            ],
        );
        let document = self
            .a
            .masterplan
            .as_ref()
            .map_or("", |m| m.document.as_str());
        set_value(&doc, document);
        self.render_csv(&body);
        let rows = view::program_rows(t, self.a.masterplan.as_ref(), &self.a, self.lang);
        if rows.is_empty() {
            d.add(&body, "p", "swn-mp-empty", self.mpt(Mp::NoPrograms));
        }
        let choices = view::sub_choices(t, self.lang);
        for pillar in &rows {
            let h = d.add(&body, "h4", "swn-mp-pillar", &pillar.title);
            attrs(&h, &[("data-pillar", &pillar.id)]);
            let list = d.add(&body, "ul", "swn-mp-list", "");
            for p in &pillar.programs {
                let li = d.add(&list, "li", "", "");
                self.program_row(&li, p, &choices);
            }
        }
        self.new_program_form(&body, &choices);
        self.render_survey(&body);
    }

    /// One program's row: its fields, a remove button, and the question when it is asked.
    fn program_row(&self, li: &Element, p: &view::ProgramRow, choices: &[view::SubChoices]) {
        let d = &self.dom;
        let fs = d.add(li, "fieldset", "swn-mp-program", "");
        attrs(&fs, &[("data-program", &p.id)]);
        let legend = d.add(&fs, "legend", "", "");
        d.add(&legend, "bdi", "", &p.name);
        self.text_field(&fs, Mp::Name, "name", Some(&p.id), &p.name);
        self.text_field(&fs, Mp::Unit, "unit", Some(&p.id), &p.unit);
        self.sub_select(&fs, "sub", Some(&p.id), choices, &p.subdimension);
        self.check_field(&fs, Mp::QuickWin, "qw", Some(&p.id), p.quick_win);
        if p.quick_win_kept {
            let note = d.add(&fs, "p", "swn-desc", self.mpt(Mp::QuickWinKept));
            attrs(&note, &[("data-kept", "qw")]);
        }
        self.check_field(&fs, Mp::Survey, "survey", Some(&p.id), p.survey);
        if p.impact_kept {
            let note = d.add(&fs, "p", "swn-desc", self.mpt(Mp::ImpactKept));
            attrs(&note, &[("data-kept", "impact")]);
        }
        if self.mp.confirm.as_deref() == Some(p.id.as_str()) {
            let ask = d.add(&fs, "div", "swn-mp-ask", "");
            attrs(&ask, &[("role", "group")]);
            let q = d.add(
                &ask,
                "p",
                "swn-warn",
                &view::remove_question(&p.name, self.lang),
            );
            attrs(&q, &[("id", &format!("swn-mp-ask-{}", p.id))]);
            for (label, act, class) in [
                (Mp::RemoveYes, "remove-yes", "swn-btn swn-danger"),
                (Mp::RemoveNo, "remove-no", "swn-btn"),
            ] {
                let b = d.add(&ask, "button", class, self.mpt(label));
                attrs(
                    &b,
                    &[
                        ("type", "button"),
                        ("data-mp", act),
                        ("data-pid", &p.id),
                        ("aria-describedby", &format!("swn-mp-ask-{}", p.id)),
                    ],
                );
            }
        } else {
            let b = d.add(&fs, "button", "swn-btn swn-small", "");
            d.add(&b, "span", "", self.mpt(Mp::Remove));
            // "Hapus" alone repeats down the list: the program's name says which.
            let sr = d.add(&b, "span", "swn-sr", &format!(" {}", p.name));
            attrs(&sr, &[("dir", "auto")]);
            attrs(
                &b,
                &[
                    ("type", "button"),
                    ("data-mp", "remove"),
                    ("data-pid", &p.id),
                ],
            );
        }
    }

    /// The form adding a program, with what the official typed so far.
    fn new_program_form(&self, body: &Element, choices: &[view::SubChoices]) {
        let d = &self.dom;
        let fs = d.add(body, "fieldset", "swn-mp-program swn-mp-new", "");
        d.add(&fs, "legend", "", self.mpt(Mp::NewProgram));
        let draft = &self.mp.draft;
        let name = self.text_field(&fs, Mp::Name, "new-name", None, &draft.name);
        self.text_field(&fs, Mp::Unit, "new-unit", None, &draft.unit);
        let sub = self.sub_select(&fs, "new-sub", None, choices, &draft.subdimension);
        self.check_field(&fs, Mp::QuickWin, "new-qw", None, draft.quick_win);
        self.check_field(&fs, Mp::Survey, "new-survey", None, draft.survey);
        let err = d.add(
            &fs,
            "p",
            "swn-warn",
            self.mp.error.map_or("", |e| self.mpt(e)),
        );
        attrs(&err, &[("id", "swn-mp-error"), ("role", "alert")]);
        let _ = err.toggle_attribute_with_force("hidden", self.mp.error.is_none());
        let bad = match self.mp.error {
            Some(Mp::NameMissing) => Some(&name),
            Some(_) => Some(&sub),
            None => None,
        };
        if let Some(bad) = bad {
            attrs(
                bad,
                &[
                    ("aria-invalid", "true"),
                    ("aria-describedby", "swn-mp-error"),
                ],
            );
        }
        let add = d.add(&fs, "button", "swn-btn swn-primary", self.mpt(Mp::Add));
        attrs(&add, &[("type", "button"), ("data-mp", "add")]);
    }

    fn text_field(
        &self,
        parent: &Element,
        label: Mp,
        field: &str,
        pid: Option<&str>,
        value: &str,
    ) -> Element {
        let d = &self.dom;
        let l = d.add(parent, "label", "swn-field", "");
        d.add(&l, "span", "", self.mpt(label));
        let input = d.add(&l, "input", "", "");
        attrs(
            &input,
            &[("type", "text"), ("data-mp", field), ("dir", "auto")],
        );
        if let Some(pid) = pid {
            attrs(&input, &[("data-pid", pid)]);
        }
        set_value(&input, value);
        input
    }

    fn check_field(&self, parent: &Element, label: Mp, field: &str, pid: Option<&str>, on: bool) {
        let d = &self.dom;
        let l = d.add(parent, "label", "swn-check-field", "");
        let input = d.add(&l, "input", "", "");
        attrs(&input, &[("type", "checkbox"), ("data-mp", field)]);
        if let Some(pid) = pid {
            attrs(&input, &[("data-pid", pid)]);
        }
        if on {
            attrs(&input, &[("checked", "")]);
        }
        d.add(&l, "span", "", self.mpt(label));
    }

    /// The sub-dimension list, grouped by pillar (choosing one chooses the pillar).
    fn sub_select(
        &self,
        parent: &Element,
        field: &str,
        pid: Option<&str>,
        choices: &[view::SubChoices],
        value: &str,
    ) -> Element {
        let d = &self.dom;
        let l = d.add(parent, "label", "swn-field", "");
        d.add(&l, "span", "", self.mpt(Mp::Subdimension));
        let sel = d.add(&l, "select", "", "");
        attrs(&sel, &[("data-mp", field)]);
        if let Some(pid) = pid {
            attrs(&sel, &[("data-pid", pid)]);
        }
        let none = d.add(&sel, "option", "", self.mpt(Mp::ChooseSubdimension));
        attrs(&none, &[("value", "")]);
        for c in choices {
            let g = d.add(&sel, "optgroup", "", "");
            attrs(&g, &[("label", &c.pillar)]);
            for (id, title) in &c.subs {
                let o = d.add(&g, "option", "", title);
                attrs(&o, &[("value", id)]);
            }
        }
        set_value(&sel, value);
        sel
    }

    /// The index of every pillar, under the results (the six of the smart city evaluation),
    /// `–` for a pillar with nothing scored yet.
    pub(crate) fn render_pillar_indices(&self, sec: &Element, tags: &[TagScore]) {
        let Some(t) = &self.set().masterplan else {
            return;
        };
        let d = &self.dom;
        let rows = view::pillar_indices(t, tags, self.set().scale.decimals, self.lang);
        let h = d.add(sec, "h4", "", self.mpt(Mp::ByPillar));
        attrs(&h, &[("id", "swn-pillars-h")]);
        d.add(sec, "p", "swn-desc", self.mpt(Mp::PillarHint));
        let table = d.add(sec, "table", "swn-table", "");
        attrs(
            &table,
            &[
                ("data-swn", "pillars"),
                ("aria-labelledby", "swn-pillars-h"),
            ],
        );
        let thead = d.add(&table, "thead", "", "");
        let tr = d.add(&thead, "tr", "", "");
        for head in [
            self.mpt(Mp::Pillar),
            view::ui(view::Ui::Score, self.lang),
            view::ui(view::Ui::Predicate, self.lang),
        ] {
            let th = d.add(&tr, "th", "", head);
            attrs(&th, &[("scope", "col")]);
        }
        let tb = d.add(&table, "tbody", "", "");
        for r in &rows {
            let tr = d.add(&tb, "tr", "", "");
            attrs(&tr, &[("data-pillar", &r.id)]);
            let th = d.add(&tr, "th", "", &r.title);
            attrs(&th, &[("scope", "row")]);
            let v = d.add(&tr, "td", "swn-numcell", &r.value);
            attrs(&v, &[("data-swn", "pillar-index")]);
            d.add(&tr, "td", "", &r.predicate);
        }
    }
}
