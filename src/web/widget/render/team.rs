//! Drawing team work: the team panel (units, progress per unit, handing shares out and taking
//! them back, assignments) — drawn only while open, so it adds nothing to the first screen —
//! and, on a unit's page, the banner of its opened share.

use web_sys::Element;

use super::super::Inner;
use super::super::dom::{attrs, clear};
use crate::model::Term;
use crate::view::team::{self as tv, Filter};
use crate::view::{Action, Tm, Ui, tm};

impl Inner {
    fn m(&self, key: Tm) -> &'static str {
        tm(key, self.lang)
    }

    fn act_button(&self, parent: &Element, class: &str, label: &str, act: Action) -> Element {
        let b = self.dom.add(parent, "button", class, label);
        attrs(&b, &[("type", "button"), ("data-act", act.name())]);
        b
    }

    /// A `<label for>` and its control, in a wrapper.
    fn labelled(&self, parent: &Element, id: &str, label: &str, tag: &str) -> Element {
        let d = &self.dom;
        let w = d.add(parent, "div", "swn-team-field", "");
        let l = d.add(&w, "label", "", label);
        attrs(&l, &[("for", id)]);
        let c = d.add(&w, tag, "", "");
        attrs(&c, &[("id", id)]);
        c
    }

    /// A `<select>` of the units, with a first option for none.
    fn unit_select(&self, select: &Element, none: &str, chosen: &str) {
        let d = &self.dom;
        let o = d.add(select, "option", "", none);
        attrs(&o, &[("value", "")]);
        for u in &self.a.units {
            let o = d.add(select, "option", "", &u.name);
            attrs(&o, &[("value", &u.id)]);
            if u.id == chosen {
                attrs(&o, &[("selected", "")]);
            }
        }
    }

    /// Draws (or removes) the share banner and the team panel, before the form.
    pub(crate) fn render_team(&self) {
        let d = &self.dom;
        for part in ["[data-swn=share]", "[data-swn=team]"] {
            if let Ok(Some(old)) = self.frame.query_selector(part) {
                old.remove();
            }
        }
        let Ok(Some(body)) = self.frame.query_selector(".swn-body") else {
            return;
        };
        let _ = self
            .frame
            .query_selector(&Action::Team.selector())
            .map(|b| b.map(|b| attrs(&b, &[("aria-expanded", &self.team.open.to_string())])));
        if let Some(banner) = tv::share_banner(&self.scorer, &self.a, self.lang) {
            let s = d.el("section", "swn-share");
            attrs(
                &s,
                &[("data-swn", "share"), ("aria-label", self.m(Tm::Share))],
            );
            d.add(&s, "p", "swn-share-text", &banner.text);
            if banner.indicators.is_empty() {
                d.add(&s, "p", "", self.m(Tm::NoIndicators));
            } else {
                let h = d.add(&s, "p", "", self.m(Tm::YourIndicators));
                attrs(&h, &[("id", "swn-share-list")]);
                let ul = d.add(&s, "ul", "swn-share-list", "");
                attrs(&ul, &[("aria-labelledby", "swn-share-list")]);
                for (i, name) in &banner.indicators {
                    let li = d.add(&ul, "li", "", "");
                    let b = self.act_button(&li, "swn-link", name, Action::Goto);
                    attrs(&b, &[("data-i", &i.to_string())]);
                }
            }
            let b = self.act_button(
                &s,
                "swn-btn swn-primary",
                self.m(Tm::ExportBack),
                Action::ShareExport,
            );
            attrs(&b, &[("data-unit", &banner.unit)]);
            let _ = self.frame.insert_before(&s, Some(&body));
        }
        if !self.team.open {
            return;
        }
        let p = d.el("section", "swn-team");
        attrs(
            &p,
            &[("data-swn", "team"), ("aria-labelledby", "swn-team-h")],
        );
        let h = d.add(&p, "h3", "swn-team-h", self.m(Tm::Title));
        attrs(&h, &[("id", "swn-team-h"), ("tabindex", "-1")]);
        d.add(&p, "p", "swn-desc", self.m(Tm::Intro));
        let msg = d.add(&p, "p", "swn-team-msg", "");
        attrs(&msg, &[("data-team", "msg"), ("tabindex", "-1")]);
        let _ = self.frame.insert_before(&p, Some(&body));
        self.show_team_msg();
        // On a unit's page the units and assignments are the coordinator's: progress only.
        let parts: &[&str] = if self.a.share.is_some() {
            d.add(&p, "p", "swn-desc", self.m(Tm::ShareMode));
            &["progress"]
        } else {
            self.render_units(&p);
            &["progress", "share", "assignments"]
        };
        for part in parts {
            let s = d.add(&p, "section", "swn-team-part", "");
            attrs(
                &s,
                &[
                    ("data-team-part", part),
                    ("aria-labelledby", &format!("swn-team-{part}")),
                ],
            );
        }
        self.render_progress();
        self.render_share();
        self.render_assignments();
    }

    /// The panel's message (an error beside the control that caused it, or news).
    pub(crate) fn show_team_msg(&self) {
        let Ok(Some(msg)) = self.frame.query_selector("[data-team=msg]") else {
            return;
        };
        match &self.team.msg {
            Some((text, error)) => {
                msg.set_text_content(Some(text));
                msg.set_class_name(if *error {
                    "swn-team-msg swn-team-err"
                } else {
                    "swn-team-msg"
                });
                let _ = msg.remove_attribute("hidden");
            }
            None => {
                msg.set_text_content(None);
                attrs(&msg, &[("hidden", "")]);
            }
        }
    }

    fn part(&self, name: &str, title: &str) -> Option<Element> {
        let s = self
            .frame
            .query_selector(&format!("[data-team-part={name}]"))
            .ok()??;
        clear(&s);
        let h = self.dom.add(&s, "h4", "", title);
        attrs(&h, &[("id", &format!("swn-team-{name}"))]);
        Some(s)
    }

    /// The units: each renamed in place or removed; a new one added by name.
    fn render_units(&self, panel: &Element) {
        let d = &self.dom;
        let s = d.add(panel, "section", "swn-team-part", "");
        attrs(&s, &[("aria-labelledby", "swn-team-units")]);
        let h = d.add(&s, "h4", "", self.m(Tm::Units));
        attrs(&h, &[("id", "swn-team-units")]);
        if self.a.units.is_empty() {
            d.add(&s, "p", "swn-desc", self.m(Tm::NoUnits));
        } else {
            let ul = d.add(&s, "ul", "swn-units", "");
            for (k, u) in self.a.units.iter().enumerate() {
                let li = d.add(&ul, "li", "swn-unit-row", "");
                let input =
                    self.labelled(&li, &format!("swn-unit-{k}"), self.m(Tm::UnitName), "input");
                attrs(
                    &input,
                    &[
                        ("type", "text"),
                        ("value", &u.name),
                        ("data-team", "unit-name"),
                        ("data-unit", &u.id),
                    ],
                );
                let label = tv::fill(self.m(Tm::RemoveUnit), &[("name", &u.name)]);
                let b = self.act_button(&li, "swn-btn swn-small", &label, Action::UnitRemove);
                attrs(&b, &[("data-unit", &u.id)]);
            }
        }
        let add = d.add(&s, "div", "swn-unit-add", "");
        let input = self.labelled(&add, "swn-unit-new", self.m(Tm::NewUnit), "input");
        attrs(
            &input,
            &[
                ("type", "text"),
                ("data-team", "new-unit"),
                ("autocomplete", "off"),
            ],
        );
        self.act_button(&add, "swn-btn", self.m(Tm::AddUnit), Action::UnitAdd);
    }

    /// Progress per unit on today's date; each unit's name shows its indicators.
    pub(crate) fn render_progress(&self) {
        let Some(s) = self.part("progress", self.m(Tm::Progress)) else {
            return;
        };
        let d = &self.dom;
        let today: String = super::super::now_iso().chars().take(10).collect();
        d.add(
            &s,
            "p",
            "swn-desc",
            &tv::fill(self.m(Tm::AsOf), &[("date", &today)]),
        );
        let rows = tv::progress_rows(&self.scorer, &self.a, &today, self.lang);
        let wrap = d.add(&s, "div", "swn-scroll", "");
        attrs(
            &wrap,
            &[
                ("tabindex", "0"),
                ("role", "region"),
                ("aria-labelledby", "swn-team-progress"),
            ],
        );
        let table = d.add(&wrap, "table", "swn-table swn-progress", "");
        let head = d.add(&d.add(&table, "thead", "", ""), "tr", "", "");
        for h in tv::progress_headings(self.set(), self.lang) {
            attrs(&d.add(&head, "th", "", &h), &[("scope", "col")]);
        }
        let tbody = d.add(&table, "tbody", "", "");
        for r in &rows {
            let tr = d.add(&tbody, "tr", "", "");
            attrs(&tr, &[("data-unit", r.unit.as_deref().unwrap_or("-"))]);
            let th = d.add(&tr, "th", "", "");
            attrs(&th, &[("scope", "row")]);
            let b = self.act_button(&th, "swn-link", &r.name, Action::TeamShow);
            let label = tv::fill(self.m(Tm::SeeIndicators), &[("name", &r.name)]);
            attrs(
                &b,
                &[
                    ("data-unit", r.unit.as_deref().unwrap_or("")),
                    ("aria-label", &label),
                ],
            );
            for (k, v) in [
                r.answered.clone(),
                r.ready.clone(),
                r.above.to_string(),
                r.overdue.to_string(),
            ]
            .iter()
            .enumerate()
            {
                let td = d.add(&tr, "td", "swn-n", v);
                attrs(
                    &td,
                    &[("data-col", ["answered", "ready", "above", "overdue"][k])],
                );
            }
        }
        let late: Vec<String> = rows
            .iter()
            .flat_map(|r| {
                r.overdue_names
                    .iter()
                    .map(move |n| format!("{}: {n}", r.name))
            })
            .collect();
        if !late.is_empty() {
            d.add(&s, "p", "", &format!("{}:", self.m(Tm::Overdue)));
            let ul = d.add(&s, "ul", "swn-late", "");
            for l in late {
                d.add(&ul, "li", "", &l);
            }
        }
    }

    /// Handing shares out (a button per unit) and taking them back (several files at once),
    /// with the review of the returned files.
    fn render_share(&self) {
        let Some(s) = self.part("share", self.m(Tm::Share)) else {
            return;
        };
        let d = &self.dom;
        d.add(&s, "p", "swn-desc", self.m(Tm::ShareHint));
        if !self.a.units.is_empty() {
            let ul = d.add(&s, "ul", "swn-share-out", "");
            for u in &self.a.units {
                let li = d.add(&ul, "li", "", "");
                let label = tv::fill(self.m(Tm::ExportShare), &[("name", &u.name)]);
                let b = self.act_button(&li, "swn-btn", &label, Action::ShareExport);
                attrs(&b, &[("data-unit", &u.id)]);
            }
        }
        let l = d.add(&s, "label", "swn-btn swn-file", "");
        d.add(&l, "span", "", self.m(Tm::ImportShares));
        let input = d.add(&l, "input", "swn-file-input", "");
        attrs(
            &input,
            &[
                ("type", "file"),
                ("multiple", ""),
                ("accept", ".json,application/json"),
                ("data-act", Action::ShareImport.name()),
            ],
        );
        let review = d.add(&s, "div", "swn-review", "");
        attrs(&review, &[("data-team-part", "review")]);
        self.render_review(&review);
    }

    /// The review of returned files: refused files, warnings, what would be taken, and the
    /// conflicts side by side with a choice each.
    fn render_review(&self, box_: &Element) {
        let Some(r) = &self.team.review else {
            return;
        };
        let d = &self.dom;
        let v = tv::merge_view(&self.scorer, &self.a, &r.report, &r.chosen, self.lang);
        let h = d.add(box_, "h5", "", self.m(Tm::MergeTitle));
        attrs(&h, &[("id", "swn-review-h"), ("tabindex", "-1")]);
        for (list, head, class) in [
            (&v.refused, Tm::Refused, "swn-refused"),
            (&v.warned, Tm::Warned, "swn-warned"),
        ] {
            for (file, lines) in list {
                let div = d.add(box_, "div", class, "");
                attrs(&div, &[("data-file", file)]);
                let p = d.add(&div, "p", "", "");
                d.add(&p, "strong", "", file);
                d.text(&p, &format!(" — {}", self.m(head)));
                let ul = d.add(&div, "ul", "", "");
                for l in lines {
                    d.add(&ul, "li", "", l);
                }
            }
        }
        if !v.accepted.is_empty() {
            let p = d.add(box_, "p", "", &v.accepted);
            attrs(&p, &[("data-team", "accepted")]);
        }
        if !v.conflicts.is_empty() {
            d.add(
                box_,
                "p",
                "",
                &tv::conflicts_heading(v.conflicts.len(), self.lang),
            );
        }
        for (k, c) in v.conflicts.iter().enumerate() {
            let fs = d.add(box_, "fieldset", "swn-conflict", "");
            attrs(&fs, &[("data-ind", &c.id)]);
            let legend = d.add(&fs, "legend", "", &c.name);
            d.add(
                &legend,
                "span",
                "swn-conflict-why",
                &format!(" — {}", c.reason),
            );
            let sides = d.add(&fs, "div", "swn-choices", "");
            let chosen = r.chosen.get(&c.id).map(String::as_str);
            let side = |value: &str, who: &str, answer: &str, detail: &str| {
                let l = d.add(&sides, "label", "swn-choice", "");
                let input = d.add(&l, "input", "", "");
                attrs(
                    &input,
                    &[
                        ("type", "radio"),
                        ("name", &format!("swn-c-{k}")),
                        ("value", value),
                        ("data-team", "choice"),
                        ("data-ind", &c.id),
                    ],
                );
                if chosen == Some(value) {
                    attrs(&input, &[("checked", "")]);
                }
                let t = d.add(&l, "span", "swn-choice-text", "");
                d.add(&t, "span", "swn-choice-who", who);
                d.add(&t, "strong", "swn-choice-value", answer);
                if !detail.is_empty() {
                    d.add(&t, "span", "swn-choice-detail", detail);
                }
            };
            let keep = format!("{} ({})", self.m(Tm::KeepBase), self.m(Tm::CurrentValue));
            side("base", &keep, &c.base, &c.base_detail);
            for s in &c.sides {
                side(
                    &s.file,
                    &format!("{} — {}", s.file, s.who),
                    &s.value,
                    &s.detail,
                );
            }
        }
        let wait = d.add(box_, "p", "swn-team-wait", &v.waiting);
        attrs(&wait, &[("data-team", "waiting")]);
        let row = d.add(box_, "div", "swn-review-act", "");
        if v.anything {
            self.act_button(
                &row,
                "swn-btn swn-primary",
                self.m(Tm::Apply),
                Action::MergeApply,
            );
        }
        self.act_button(&row, "swn-btn", self.t(Ui::Cancel), Action::MergeCancel);
    }

    /// After an edit: the rows on screen say again whether their target is overdue (the rows
    /// stay, so nothing moves under the official's hands).
    pub(crate) fn show_late(&self) {
        let today: String = super::super::now_iso().chars().take(10).collect();
        let all = 0..self.scorer.indicator_count();
        let rows = tv::assignment_rows(&self.scorer, &self.a, all, &Filter::All, &today, self.lang);
        for r in rows {
            let at = format!("fieldset.swn-asg[data-ind=\"{}\"] > legend", r.id);
            let Ok(Some(legend)) = self.frame.query_selector(&at) else {
                continue;
            };
            if let Ok(Some(old)) = legend.query_selector(".swn-late-badge") {
                old.remove();
            }
            if r.overdue {
                let late = format!(" — {}", self.m(Tm::LateBadge));
                self.dom.add(&legend, "span", "swn-late-badge", &late);
            }
        }
    }

    /// After a choice: how many conflicts still wait.
    pub(crate) fn render_review_status(&self) {
        let (Some(r), Ok(Some(p))) = (
            &self.team.review,
            self.frame.query_selector("[data-team=waiting]"),
        ) else {
            return;
        };
        let v = tv::merge_view(&self.scorer, &self.a, &r.report, &r.chosen, self.lang);
        p.set_text_content(Some(&v.waiting));
    }

    /// The assignment list: a group at a time, all units or one; per indicator its unit,
    /// target, due date and its evidence items' holders.
    pub(crate) fn render_assignments(&self) {
        let Some(s) = self.part("assignments", self.m(Tm::Assignments)) else {
            return;
        };
        let d = &self.dom;
        let bar = d.add(&s, "div", "swn-asg-bar", "");
        let group = self.labelled(
            &bar,
            "swn-asg-group",
            self.set().term(Term::Group, self.lang),
            "select",
        );
        attrs(&group, &[("data-team", "group")]);
        let mut first = 0;
        let mut range = 0..0;
        for (k, g) in self.set().groups.iter().enumerate() {
            let n = self.scorer.top_group_indicator_count(k);
            let o = d.add(&group, "option", "", g.title.get(self.lang));
            attrs(&o, &[("value", &k.to_string())]);
            if k == self.team.group {
                attrs(&o, &[("selected", "")]);
                range = first..first + n;
            }
            first += n;
        }
        let filter = self.labelled(&bar, "swn-asg-filter", self.m(Tm::ShowUnit), "select");
        attrs(&filter, &[("data-team", "filter")]);
        let mut options = vec![("".to_string(), self.m(Tm::AllUnits).to_string())];
        options.extend(self.a.units.iter().map(|u| (u.id.clone(), u.name.clone())));
        options.push(("-".into(), self.m(Tm::Unassigned).into()));
        for (value, label) in options {
            let o = d.add(&filter, "option", "", &label);
            attrs(&o, &[("value", &value)]);
            if value == self.team.filter.value() {
                attrs(&o, &[("selected", "")]);
            }
        }
        // A unit's indicators are shown across every group.
        let range = match self.team.filter {
            Filter::All => range,
            _ => 0..self.scorer.indicator_count(),
        };
        let today: String = super::super::now_iso().chars().take(10).collect();
        let filter = &self.team.filter;
        let rows = tv::assignment_rows(&self.scorer, &self.a, range, filter, &today, self.lang);
        if rows.is_empty() {
            d.add(&s, "p", "swn-desc", self.m(Tm::NoIndicators));
        }
        let list = d.add(&s, "div", "swn-asg-list", "");
        for r in rows {
            let fs = d.add(&list, "fieldset", "swn-asg", "");
            attrs(&fs, &[("data-ind", &r.id)]);
            let legend = d.add(&fs, "legend", "", &r.name);
            if r.overdue {
                let late = format!(" — {}", self.m(Tm::LateBadge));
                d.add(&legend, "span", "swn-late-badge", &late);
            }
            let fields = d.add(&fs, "div", "swn-asg-fields", "");
            let at = |f: &str| format!("swn-asg-{}-{f}", r.i);
            let unit = self.labelled(&fields, &at("unit"), self.m(Tm::Responsible), "select");
            attrs(&unit, &[("data-team", "asg-unit"), ("data-ind", &r.id)]);
            self.unit_select(&unit, self.m(Tm::Unassigned), &r.unit);
            if r.targets.is_empty() {
                let t = self.labelled(&fields, &at("target"), self.m(Tm::Target), "input");
                attrs(
                    &t,
                    &[
                        ("type", "text"),
                        ("inputmode", "decimal"),
                        ("value", &r.target),
                    ],
                );
                attrs(&t, &[("data-team", "asg-target"), ("data-ind", &r.id)]);
            } else {
                let t = self.labelled(&fields, &at("target"), self.m(Tm::Target), "select");
                attrs(&t, &[("data-team", "asg-target"), ("data-ind", &r.id)]);
                let o = d.add(&t, "option", "", self.m(Tm::NoTarget));
                attrs(&o, &[("value", "")]);
                for (value, label) in &r.targets {
                    let o = d.add(&t, "option", "", label);
                    attrs(&o, &[("value", value)]);
                    if *value == r.target {
                        attrs(&o, &[("selected", "")]);
                    }
                }
            }
            let due = self.labelled(&fields, &at("due"), self.m(Tm::Due), "input");
            attrs(
                &due,
                &[
                    ("type", "date"),
                    ("value", &r.due),
                    ("data-team", "asg-due"),
                    ("data-ind", &r.id),
                ],
            );
            // Items folded: a set with many data dukung items per indicator stays short.
            let items = (!r.items.is_empty()).then(|| {
                let det = d.add(&fs, "details", "swn-asg-items", "");
                let evidence = self.set().term(Term::Evidence, self.lang);
                d.add(
                    &det,
                    "summary",
                    "",
                    &format!("{evidence} ({})", r.items.len()),
                );
                d.add(&det, "div", "swn-asg-fields", "")
            });
            for (k, it) in r.items.iter().enumerate() {
                let Some(box_) = &items else { break };
                let sel = self.labelled(box_, &at(&format!("item-{k}")), &it.label, "select");
                attrs(
                    &sel,
                    &[
                        ("data-team", "asg-item"),
                        ("data-ind", &r.id),
                        ("data-item", &it.id),
                    ],
                );
                self.unit_select(&sel, self.m(Tm::SameUnit), &it.unit);
            }
            if let Some(c) = &r.changed {
                d.add(&fs, "p", "swn-desc swn-changed", c);
            }
        }
    }
}
