//! The form: the region fields, the tabs with their counts, and the indicator cards (drawn
//! in chunks for long tabs), each with its answer field, evidence and score line.

use wasm_bindgen::JsCast;
use web_sys::Element;

use super::super::dom::{attrs, clear, focus, set_value};
use super::super::{CARD_CHUNK, Inner};
use crate::model::{AnswerKind, Evidence, Group};
use crate::view::{self, Action, Ui};
use crate::{Answer, Value};

impl Inner {
    pub(crate) fn render_region(&self, head: &Element) {
        let d = &self.dom;
        let fs = d.add(head, "fieldset", "swn-region", "");
        d.add(&fs, "legend", "", self.t(Ui::Region));
        let r = &self.a.region;
        for (key, label, value, extra) in [
            ("name", Ui::RegionName, &r.name, "organization"),
            ("code", Ui::RegionCode, &r.code, ""),
            ("period", Ui::RegionPeriod, &r.period, ""),
            ("assessor", Ui::Assessor, &r.assessor, "name"),
        ] {
            let l = d.add(&fs, "label", "swn-field", "");
            d.add(&l, "span", "", self.t(label));
            let input = d.add(&l, "input", "", "");
            // Typed text takes its direction from itself, isolated from the label.
            attrs(
                &input,
                &[("type", "text"), ("data-region", key), ("dir", "auto")],
            );
            if !extra.is_empty() {
                attrs(&input, &[("autocomplete", extra)]);
            }
            // No numeric keypad for the code and the period: "63.03" and "2024/2025" need more
            // than digits.
            set_value(&input, value);
        }
    }

    pub(crate) fn select_tab(&mut self, k: usize, move_focus: bool) {
        let count = self.set().groups.len();
        if count == 0 {
            return;
        }
        let k = k.min(count - 1);
        if k != self.tab {
            self.card_limit = CARD_CHUNK;
        }
        self.tab = k;
        if let Ok(list) = self.frame.query_selector_all("[role=tab]") {
            for i in 0..list.length() {
                let Some(tab) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
                    continue;
                };
                let on = i as usize == self.tab;
                attrs(
                    &tab,
                    &[
                        ("aria-selected", if on { "true" } else { "false" }),
                        ("tabindex", if on { "0" } else { "-1" }),
                    ],
                );
                if on && move_focus {
                    focus(&tab);
                }
            }
        }
        self.update_tab_counts();
        self.render_panel();
    }

    pub(crate) fn update_tab_counts(&self) {
        let mut first = 0;
        for k in 0..self.set().groups.len() {
            let n = self.scorer.top_group_indicator_count(k);
            let done = self.answered[first..first + n]
                .iter()
                .filter(|a| **a)
                .count();
            first += n;
            if let Ok(Some(c)) = self.frame.query_selector(&format!("[data-count=\"{k}\"]")) {
                c.set_text_content(Some(&format!("{done}/{n}")));
            }
        }
    }

    pub(crate) fn render_panel(&self) {
        let Ok(Some(panel)) = self.frame.query_selector("#swn-panel") else {
            return;
        };
        clear(&panel);
        attrs(
            &panel,
            &[("aria-labelledby", &format!("swn-tab-{}", self.tab))],
        );
        let Some(group) = self.set().groups.get(self.tab) else {
            return;
        };
        let first = self.tab_first();
        let total = self.scorer.top_group_indicator_count(self.tab);
        let limit = first + self.card_limit.min(total);
        let mut next = first;
        self.render_group(&panel, group, 3, &mut next, limit);
        if limit < first + total {
            let d = &self.dom;
            let more = d.add(&panel, "p", "swn-more-cards", "");
            d.add(
                &more,
                "span",
                "",
                &view::shown_count_text(limit - first, total, self.lang),
            );
            let b = d.add(&more, "button", "swn-btn", self.t(Ui::ShowMore));
            attrs(&b, &[("type", "button"), ("data-act", Action::More.name())]);
        }
        // The end of a group leads to the next one, so Tab stays in the form until its end.
        if let Some(next) = self.set().groups.get(self.tab + 1) {
            let d = &self.dom;
            let end = d.add(&panel, "p", "swn-panel-end", "");
            let label = format!("{}: {} →", self.t(Ui::NextGroup), next.title.get(self.lang));
            let b = d.add(&end, "button", "swn-btn", &label);
            attrs(
                &b,
                &[("type", "button"), ("data-act", Action::NextGroup.name())],
            );
        }
    }

    /// The document-order index of the current tab's first indicator.
    pub(crate) fn tab_first(&self) -> usize {
        (0..self.tab)
            .map(|k| self.scorer.top_group_indicator_count(k))
            .sum()
    }

    pub(crate) fn render_group(
        &self,
        parent: &Element,
        g: &Group,
        level: u8,
        next: &mut usize,
        limit: usize,
    ) {
        if *next >= limit {
            return;
        }
        let d = &self.dom;
        let tag = format!("h{}", level.min(6));
        d.add(parent, &tag, "swn-group-title", g.title.get(self.lang));
        if let Some(desc) = &g.description {
            d.add(parent, "p", "swn-desc", desc.get(self.lang));
        }
        for _ in &g.indicators {
            if *next >= limit {
                return;
            }
            self.render_card(parent, *next);
            *next += 1;
        }
        for c in &g.children {
            if *next >= limit {
                return;
            }
            let sub = d.add(parent, "section", "swn-sub", "");
            self.render_group(&sub, c, level + 1, next, limit);
        }
    }

    /// Draws indicator `i`'s card: title, guidance, answer field, evidence and score line.
    fn render_card(&self, parent: &Element, i: usize) {
        let d = &self.dom;
        let ind = self.scorer.indicator(i);
        let lang = self.lang;
        let answer = self.a.answers.get(&ind.id);
        let value = answer.and_then(|x| x.value.as_ref());
        let card = d.add(parent, "article", "swn-ind", "");
        attrs(
            &card,
            &[("id", &format!("swn-i-{i}")), ("data-ind", &ind.id)],
        );
        let fs = d.add(&card, "fieldset", "", "");
        let legend = d.add(&fs, "legend", "", "");
        attrs(&legend, &[("id", &format!("swn-t-{i}"))]);
        d.add(&legend, "span", "swn-num", &format!("{}. ", i + 1));
        // The set's text isolated: a right-to-left override in it cannot move the badge.
        d.add(&legend, "bdi", "", ind.title.get(lang));
        match ind.evidence {
            Evidence::Required => {
                d.add(&legend, "span", "swn-badge", self.t(Ui::EvidenceRequired));
            }
            Evidence::Recommended | Evidence::None => {}
        }
        self.render_answer_field(&fs, i, value);
        // Guidance after the choices: the question and its answers come first.
        if let Some(help) = &ind.help {
            let det = d.add(&fs, "details", "swn-help", "");
            d.add(&det, "summary", "", self.t(Ui::Guidance));
            d.add(&det, "p", "", help.get(lang));
        }
        let err_id = format!("swn-e-{i}");
        let err = d.add(&fs, "p", "swn-err", "");
        attrs(&err, &[("id", &err_id), ("data-err", &i.to_string())]);
        if let Some((_, raw, typed_in)) = self.drafts.iter().find(|(k, ..)| *k == i) {
            if let (Ok(Some(input)), Err(msg)) = (
                fs.query_selector("[data-f=num]"),
                self.read_number(i, raw, *typed_in),
            ) {
                set_value(&input, raw);
                let _ = input.set_attribute("aria-invalid", "true");
                err.set_text_content(Some(&msg));
            }
        }
        self.render_external(&fs, i);
        self.render_items(&fs, i);
        self.render_evidence(&fs, i, answer);
        let foot = d.add(&fs, "div", "swn-card-foot", "");
        let sc = d.add(&foot, "span", "swn-card-score", "");
        attrs(&sc, &[("data-score", &i.to_string())]);
        let flag = d.add(&foot, "span", "swn-flag", self.t(Ui::EvidenceMissing));
        attrs(&flag, &[("data-flag", &i.to_string())]);
        let clear_b = d.add(&foot, "button", "swn-btn swn-link", self.t(Ui::ClearAnswer));
        attrs(
            &clear_b,
            &[
                ("type", "button"),
                ("data-act", Action::Clear.name()),
                ("data-i", &i.to_string()),
            ],
        );
        // Fill the elements in hand: update_card's lookups by attribute scan the whole shadow
        // tree, so calling it here made the first render quadratic (2,000 cards: 1.2 s of 1.8 s).
        self.fill_card(i, &sc, Some(&flag));
    }

    /// Indicator `i`'s answer field: radio buttons in a row (levels, yes/no) with the chosen
    /// level's criteria below them and every level's one click away, a list to choose from, or
    /// a typed number with its unit and range.
    fn render_answer_field(&self, fs: &Element, i: usize, value: Option<&Value>) {
        let d = &self.dom;
        let ind = self.scorer.indicator(i);
        let lang = self.lang;
        let name = format!("swn-r-{i}");
        let radio =
            |row: &Element, label: &str, described: Option<&str>, v: &str, checked: bool| {
                let l = d.add(row, "label", "swn-opt", "");
                let input = d.add(&l, "input", "", "");
                attrs(
                    &input,
                    &[
                        ("type", "radio"),
                        ("name", &name),
                        ("value", v),
                        ("data-i", &i.to_string()),
                        ("data-f", "pick"),
                    ],
                );
                if let Some(id) = described {
                    attrs(&input, &[("aria-describedby", id)]);
                }
                if checked {
                    attrs(&input, &[("checked", "")]);
                }
                let text = d.add(&l, "span", "swn-opt-text", "");
                d.add(&text, "span", "swn-opt-title", label);
            };
        match &ind.answer {
            AnswerKind::Level { levels } => {
                let row = d.add(fs, "div", "swn-opts", "");
                for (n, l) in levels.iter().enumerate() {
                    let num = n + 1;
                    let checked = value == Some(&Value::Number(num as f64));
                    let crit = format!("swn-c-{i}-{num}");
                    let described =
                        (l.criteria.is_some() || l.condition.is_some()).then_some(crit.as_str());
                    let label = format!("{num} – {}", l.label.get(lang));
                    radio(&row, &label, described, &num.to_string(), checked);
                }
                self.render_level_details(fs, i);
            }
            AnswerKind::YesNo { .. } => {
                let row = d.add(fs, "div", "swn-opts", "");
                radio(
                    &row,
                    self.t(Ui::Yes),
                    None,
                    "true",
                    value == Some(&Value::Bool(true)),
                );
                radio(
                    &row,
                    self.t(Ui::No),
                    None,
                    "false",
                    value == Some(&Value::Bool(false)),
                );
            }
            AnswerKind::Choice { options } => {
                let sel = d.add(fs, "select", "swn-select", "");
                attrs(
                    &sel,
                    &[
                        ("data-i", &i.to_string()),
                        ("data-f", "pick"),
                        ("aria-labelledby", &format!("swn-t-{i}")),
                    ],
                );
                let empty = d.add(&sel, "option", "", self.t(Ui::ChooseOne));
                attrs(&empty, &[("value", "")]);
                for o in options {
                    let opt = d.add(&sel, "option", "", o.label.get(lang));
                    attrs(&opt, &[("value", &o.id)]);
                }
                if let Some(Value::Text(id)) = value {
                    set_value(&sel, id);
                }
            }
            AnswerKind::Number { unit, .. } => {
                let unit = unit.as_ref().map_or("", |u| u.get(lang));
                let range = view::number_range(&ind.answer, &self.set().scale, lang);
                self.number_input(fs, i, value, unit, &range);
            }
            AnswerKind::Percent { .. } | AnswerKind::Score => {
                let unit = if matches!(ind.answer, AnswerKind::Percent { .. }) {
                    "%"
                } else {
                    ""
                };
                let range = view::number_range(&ind.answer, &self.set().scale, lang);
                self.number_input(fs, i, value, unit, &range);
            }
        }
    }

    /// Under a level indicator's choices: each level's criteria and condition (shown for the
    /// chosen level, or for all of them once the official asks), and the button that shows or
    /// folds them all.
    fn render_level_details(&self, fs: &Element, i: usize) {
        let AnswerKind::Level { levels } = &self.scorer.indicator(i).answer else {
            return;
        };
        let (d, lang) = (&self.dom, self.lang);
        let box_ = d.add(fs, "div", "swn-lvls", "");
        let box_id = format!("swn-lv-{i}");
        attrs(&box_, &[("id", &box_id)]);
        let mut any = false;
        for (n, l) in levels.iter().enumerate() {
            if l.criteria.is_none() && l.condition.is_none() {
                continue;
            }
            any = true;
            let num = n + 1;
            let b = d.add(&box_, "div", "swn-lvl", "");
            attrs(
                &b,
                &[
                    ("id", &format!("swn-c-{i}-{num}")),
                    ("data-level", &num.to_string()),
                ],
            );
            d.add(
                &b,
                "p",
                "swn-lvl-head",
                &format!("{num} – {}", l.label.get(lang)),
            );
            if let Some(c) = &l.criteria {
                d.add(&b, "p", "swn-lvl-crit", c.get(lang));
            }
            if let Some(c) = &l.condition {
                d.add(&b, "p", "swn-lvl-cond", c.get(lang));
            }
        }
        if !any {
            return;
        }
        let toggle = d.add(fs, "button", "swn-btn swn-link swn-lvl-toggle", "");
        attrs(
            &toggle,
            &[
                ("type", "button"),
                ("data-act", Action::Levels.name()),
                ("data-i", &i.to_string()),
                ("aria-controls", &box_id),
            ],
        );
    }

    /// Shows the chosen level's criteria, or every level's while the official has them all
    /// open (`levels_open`), in indicator `i`'s `card`.
    pub(crate) fn show_levels(&self, card: &Element, i: usize) {
        let Ok(list) = card.query_selector_all(".swn-lvl") else {
            return;
        };
        if list.length() == 0 {
            return;
        }
        let open = self.nav.levels_open.contains(&i);
        let chosen = match self.a.answers.get(&self.scorer.indicator(i).id) {
            Some(Answer {
                value: Some(Value::Number(n)),
                ..
            }) => Some(*n),
            _ => None,
        };
        for k in 0..list.length() {
            let Some(b) = list.item(k).and_then(|n| n.dyn_into::<Element>().ok()) else {
                continue;
            };
            let level: Option<f64> = b.get_attribute("data-level").and_then(|l| l.parse().ok());
            let _ = b.toggle_attribute_with_force("hidden", !open && level != chosen);
        }
        if let Ok(Some(t)) = card.query_selector(".swn-lvl-toggle") {
            let key = if open {
                Ui::HideAllLevels
            } else {
                Ui::ShowAllLevels
            };
            t.set_text_content(Some(self.t(key)));
            attrs(
                &t,
                &[("aria-expanded", if open { "true" } else { "false" })],
            );
        }
    }

    /// Indicator `i`'s evidence: notes, and links one a line.
    fn render_evidence(&self, fs: &Element, i: usize, answer: Option<&Answer>) {
        let d = &self.dom;
        let ev = d.add(fs, "div", "swn-evidence", "");
        let notes = d.add(&ev, "label", "swn-field", "");
        d.add(&notes, "span", "", self.t(Ui::Notes));
        let ta = d.add(&notes, "textarea", "", "");
        attrs(
            &ta,
            &[
                ("rows", "1"),
                ("data-i", &i.to_string()),
                ("data-f", "notes"),
                ("dir", "auto"),
            ],
        );
        set_value(&ta, answer.map_or("", |x| x.notes.as_str()));
        let links = d.add(&ev, "label", "swn-field", "");
        d.add(&links, "span", "", self.t(Ui::Links));
        let tl = d.add(&links, "textarea", "", "");
        attrs(
            &tl,
            &[
                ("rows", "1"),
                ("data-i", &i.to_string()),
                ("data-f", "links"),
                ("inputmode", "url"),
                ("placeholder", self.t(Ui::LinksHint)),
            ],
        );
        set_value(&tl, &answer.map(|x| x.links.join("\n")).unwrap_or_default());
    }

    pub(crate) fn number_input(
        &self,
        fs: &Element,
        i: usize,
        value: Option<&Value>,
        unit: &str,
        range: &str,
    ) {
        let d = &self.dom;
        let wrap = d.add(fs, "div", "swn-num-field", "");
        let input = d.add(&wrap, "input", "", "");
        let unit_id = format!("swn-u-{i}");
        attrs(
            &input,
            &[
                ("type", "text"),
                ("inputmode", "decimal"),
                ("data-i", &i.to_string()),
                ("data-f", "num"),
                ("aria-labelledby", &format!("swn-t-{i} {unit_id}")),
                ("aria-describedby", &format!("swn-e-{i}")),
            ],
        );
        if let Some(Value::Number(n)) = value {
            set_value(&input, &view::typed_text(*n, self.lang));
        }
        let u = d.add(&wrap, "span", "swn-unit", unit);
        attrs(&u, &[("id", &unit_id)]);
        if !range.is_empty() {
            d.add(&wrap, "span", "swn-range", &format!("({range})"));
        }
    }

    /// Updates one card's score line and evidence flag, if the card is on screen.
    pub(crate) fn update_card(&self, i: usize) {
        let Ok(Some(sc)) = self.frame.query_selector(&format!("[data-score=\"{i}\"]")) else {
            return;
        };
        let flag = self
            .frame
            .query_selector(&format!("[data-flag=\"{i}\"]"))
            .ok()
            .flatten();
        self.fill_card(i, &sc, flag.as_ref());
        self.update_items(i);
    }

    /// Writes indicator `i`'s score line into `sc` and shows or hides its evidence flag.
    pub(crate) fn fill_card(&self, i: usize, sc: &Element, flag: Option<&Element>) {
        let score = self.scorer.score_of(self.tally.indicator(i));
        let d = self.set().scale.decimals;
        let text = if self.answered[i] {
            format!(
                "{}: {}",
                self.t(Ui::Score),
                view::shown(&score, d, self.lang)
            )
        } else {
            format!("{}: – ({})", self.t(Ui::Score), self.t(Ui::NotAnswered))
        };
        sc.set_text_content(Some(&text));
        let ind = self.scorer.indicator(i);
        let missing = self.answered[i]
            && ind.evidence == Evidence::Required
            && !self
                .a
                .answers
                .get(&ind.id)
                .is_some_and(Answer::has_evidence);
        if let Some(flag) = flag {
            let _ = flag.toggle_attribute_with_force("hidden", !missing);
        }
        if let Ok(Some(card)) = sc.closest(".swn-ind") {
            self.show_levels(&card, i);
            // Nothing to clear: no answer, no refused number text.
            let clearable = self.answered[i] || self.drafts.iter().any(|(k, ..)| *k == i);
            if let Ok(Some(b)) = card.query_selector(&Action::Clear.selector()) {
                let _ = b.toggle_attribute_with_force("hidden", !clearable);
            }
        }
    }

    /// Shows (or, with `""`, clears) the error under indicator `i`'s fields.
    pub(crate) fn show_field_error(&self, i: usize, msg: &str) {
        if let Ok(Some(e)) = self.frame.query_selector(&format!("[data-err=\"{i}\"]")) {
            e.set_text_content(Some(msg));
        }
    }

    pub(crate) fn goto(&mut self, i: usize) {
        let k = view::tab_of(i, &self.tab_counts());
        if k != self.tab {
            self.select_tab(k, false);
        }
        let pos = i.saturating_sub(self.tab_first());
        if pos >= self.card_limit {
            self.card_limit = (pos / CARD_CHUNK + 1) * CARD_CHUNK;
            self.render_panel();
        }
        self.measure_bar();
        if let Ok(Some(card)) = self.frame.query_selector(&format!("#swn-i-{i}")) {
            card.scroll_into_view();
            if let Ok(Some(input)) = card.query_selector("input, select") {
                focus(&input);
            }
        }
    }
}
