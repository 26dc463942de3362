//! The first screen drawn: the header with its toolbar and region fields, the sticky bar, the
//! tabs with their counts, and the current tab's indicator cards (each with its answer field,
//! level criteria, data dukung items, evidence and score line), written to any [`Out`]. The
//! widget draws it into its shadow root; `swanilai prerender` writes the same as HTML text, so
//! a portal can serve the form before the module has loaded. What changes later (scores,
//! notices, results) the widget fills in itself.

use std::collections::BTreeSet;

use super::markup::Out;
use super::{Action, Ui, ui};
use crate::assessment::Status;
use crate::model::{AnswerKind, Evidence, Group, Lang, Term};
use crate::score::{Scorer, Tally};
use crate::{Answer, Assessment, Value};

/// Cards drawn at a time in one tab: a 10,000-indicator tab would otherwise put ~90,000 nodes
/// in the page and make every change wait for their layout.
pub const CARD_CHUNK: usize = 100;

/// A data dukung item's statuses, in the order offered.
const STATUSES: [Status; 3] = [Status::Belum, Status::Draf, Status::Siap];

/// Text typed into number fields that is not a valid answer: (indicator position, the text,
/// the language it was typed in).
pub type Drafts = [(usize, String, Lang)];

/// The class of the mark beside a number proposed from last year's file
/// ([`Form::proposed_mark`]).
pub const PROPOSED_MARK: &str = "swn-proposed-mark";

/// What the form is drawn from: the set (in its scorer), the answers and where the official is.
pub struct Form<'a, 's> {
    /// The set's scorer.
    pub scorer: &'a Scorer<'s>,
    /// The answers.
    pub a: &'a Assessment,
    /// Their scores.
    pub tally: &'a Tally,
    /// Which indicators are answered, in document order.
    pub answered: &'a [bool],
    /// The language shown.
    pub lang: Lang,
    /// The tab shown.
    pub tab: usize,
    /// How many cards of the tab are drawn.
    pub card_limit: usize,
    /// Refused number text, shown again with its error.
    pub drafts: &'a Drafts,
    /// Indicators whose every level's criteria are open.
    pub levels_open: &'a BTreeSet<usize>,
}

/// The attribute value of an index.
fn n(i: usize) -> String {
    i.to_string()
}

impl Form<'_, '_> {
    fn t(&self, key: Ui) -> &'static str {
        ui(key, self.lang)
    }

    fn set(&self) -> &crate::IndicatorSet {
        self.scorer.set()
    }

    /// The widget's frame, `<div class="swn">`, with everything the first screen shows.
    pub fn frame<O: Out>(&self, o: &O) -> O::El {
        let f = o.el("div", "swn");
        let set = self.set();
        // The set's version: the widget taking over a served screen tells the official when
        // it was made from another one (a level may mean something else there).
        o.attrs(
            &f,
            &[("lang", self.lang.tag()), ("data-version", &set.version)],
        );
        let head = o.add(&f, "header", "swn-head", "");
        let title = o.add(&head, "h2", "swn-title", set.title.get(self.lang));
        // A place for focus to land when the control that had it goes away.
        o.attrs(&title, &[("tabindex", "-1")]);
        // One sentence says what the official does and gets; the set's own description is
        // one click away.
        let lead_text = format!(
            "{} ",
            super::lead_text(set, self.scorer.indicator_count(), self.lang)
        );
        // A div, not a p: HTML text cannot put the details inside a p (the parser would close
        // it), and the first screen is also served as HTML.
        let lead = o.add(&head, "div", "swn-desc swn-lead", &lead_text);
        let about = o.add(&lead, "details", "swn-about", "");
        o.add(&about, "summary", "", self.t(Ui::About));
        if let Some(desc) = &set.description {
            o.add(&about, "p", "", desc.get(self.lang));
        }
        o.add(&about, "p", "", self.t(Ui::SavedHere));
        self.toolbar(o, &head);
        self.region(o, &head);
        let status = o.add(&f, "div", "swn-sr", "");
        o.attrs(
            &status,
            &[
                ("role", "status"),
                ("aria-live", "polite"),
                ("data-swn", "status"),
            ],
        );
        let notices = o.add(&f, "div", "swn-notices", "");
        o.attrs(&notices, &[("data-swn", "notices")]);
        self.body(o, &f);
        f
    }

    /// The toolbar, one row: the primary action (the file to hand in), the other file
    /// actions and print, the language, and reset set apart at the end.
    fn toolbar<O: Out>(&self, o: &O, head: &O::El) {
        let bar = o.add(head, "div", "swn-toolbar", "");
        o.attrs(
            &bar,
            &[("role", "group"), ("aria-label", self.t(Ui::Actions))],
        );
        let button = |parent: &O::El, class: &str, label: &str, act: Action| {
            let b = o.add(parent, "button", class, label);
            o.attrs(&b, &[("type", "button"), ("data-act", act.name())]);
            b
        };
        button(
            &bar,
            "swn-btn swn-primary",
            self.t(Ui::ExportJson),
            Action::ExportJson,
        );
        let files = o.add(&bar, "div", "swn-tools", "");
        o.attrs(
            &files,
            &[("role", "group"), ("aria-label", self.t(Ui::FileActions))],
        );
        button(&files, "swn-btn", self.t(Ui::ExportCsv), Action::ExportCsv);
        button(&files, "swn-btn", self.t(Ui::Print), Action::Print);
        for (label, act) in [
            (Ui::Import, Action::Import),
            (Ui::ImportPrevious, Action::ImportPrevious),
        ] {
            let l = o.add(&files, "label", "swn-btn swn-file", "");
            o.add(&l, "span", "", self.t(label));
            let input = o.add(&l, "input", "swn-file-input", "");
            o.attrs(
                &input,
                &[
                    ("type", "file"),
                    ("accept", ".json,application/json"),
                    ("data-act", act.name()),
                ],
            );
        }
        // Team work: the panel is drawn only when opened (web::widget::render::team).
        let team = button(
            &files,
            "swn-btn",
            super::tm(super::Tm::Open, self.lang),
            Action::Team,
        );
        o.attrs(&team, &[("aria-expanded", "false")]);
        let lang_btn = button(&bar, "swn-btn", self.t(Ui::OtherLanguage), Action::Lang);
        o.attrs(
            &lang_btn,
            &[("lang", if self.lang == Lang::Id { "en" } else { "id" })],
        );
        button(&bar, "swn-btn swn-danger", self.t(Ui::Reset), Action::Reset);
    }

    fn region<O: Out>(&self, o: &O, head: &O::El) {
        let fs = o.add(head, "fieldset", "swn-region", "");
        o.add(&fs, "legend", "", self.t(Ui::Region));
        let r = &self.a.region;
        for (key, label, value, extra) in [
            ("name", Ui::RegionName, &r.name, "organization"),
            ("code", Ui::RegionCode, &r.code, ""),
            ("period", Ui::RegionPeriod, &r.period, ""),
            ("assessor", Ui::Assessor, &r.assessor, "name"),
        ] {
            let l = o.add(&fs, "label", "swn-field", "");
            o.add(&l, "span", "", self.t(label));
            let input = o.add(&l, "input", "", "");
            // Typed text takes its direction from itself, isolated from the label.
            o.attrs(
                &input,
                &[("type", "text"), ("data-region", key), ("dir", "auto")],
            );
            if !extra.is_empty() {
                o.attrs(&input, &[("autocomplete", extra)]);
            }
            // No numeric keypad for the code and the period: "63.03" and "2024/2025" need more
            // than digits.
            o.value(&input, value);
        }
    }

    /// The form with its sticky summary and tabs, the results, advice and comparison
    /// sections, and the print section (the widget fills these).
    fn body<O: Out>(&self, o: &O, frame: &O::El) {
        // The form first, then the results (beside it on wide screens, below it on narrow
        // ones), then advice and comparison (below the results): the same order on screen,
        // for the keyboard and for screen readers.
        // The result sheet: on paper only, before everything else that prints.
        let sheet = o.add(frame, "section", "swn-sheet", "");
        o.attrs(&sheet, &[("data-swn", "sheet"), ("aria-hidden", "true")]);
        let body = o.add(frame, "div", "swn-body", "");
        let main = o.add(&body, "div", "swn-main", "");
        // On wide screens the form scrolls far below the results: a compact copy of the overall
        // score stays in view above the tabs (hidden from assistive technology, which hears
        // every change through the status region).
        let sticky = o.add(&main, "div", "swn-sticky", "");
        let saved = o.add(&sticky, "span", "swn-saved", "");
        o.attrs(&saved, &[("aria-hidden", "true"), ("data-saved", "")]);
        let mini = o.add(&sticky, "p", "swn-mini", "");
        o.attrs(&mini, &[("aria-hidden", "true"), ("data-mini", "")]);
        // Shown while changes cannot be saved: the notice saying why may be far above.
        let unsaved = o.add(
            &sticky,
            "button",
            "swn-btn swn-unsaved",
            self.t(Ui::Unsaved),
        );
        o.attrs(
            &unsaved,
            &[
                ("type", "button"),
                ("data-act", Action::Notices.name()),
                ("hidden", ""),
            ],
        );
        self.nav(o, &sticky);
        self.tabs(o, &main);
        let panel = o.add(&main, "section", "swn-panel", "");
        o.attrs(&panel, &[("id", "swn-panel"), ("role", "tabpanel")]);
        self.panel(o, &panel);
        let results = o.add(&body, "section", "swn-results", "");
        o.attrs(
            &results,
            &[
                ("data-swn", "results"),
                ("aria-labelledby", "swn-results-h"),
            ],
        );
        let aside = o.add(&body, "aside", "swn-side", "");
        for (class, key) in [
            ("swn-advice", "advice"),
            ("swn-check", "check"),
            ("swn-compare", "compare"),
        ] {
            let s = o.add(&aside, "section", class, "");
            let h = format!("swn-{key}-h");
            o.attrs(&s, &[("data-swn", key), ("aria-labelledby", &h)]);
            if key == "compare" {
                // Hidden until there is last year's file to compare with.
                o.attrs(&s, &[("data-empty", "")]);
            }
        }
        let print = o.add(frame, "section", "swn-print", "");
        o.attrs(&print, &[("data-swn", "print"), ("aria-hidden", "true")]);
    }

    /// The ways through the form, in the sticky bar: the next unanswered indicator, the next
    /// group, back to where the official was (shown once there is a way back), and a short
    /// message.
    fn nav<O: Out>(&self, o: &O, sticky: &O::El) {
        let nav = o.add(sticky, "div", "swn-nav", "");
        // "Back" first: when it shows, it is what the official came for.
        for (label, act) in [
            (Ui::Back, Action::Back),
            (Ui::NextUnanswered, Action::NextUnanswered),
            (Ui::NextGroup, Action::NextGroup),
        ] {
            let b = o.add(&nav, "button", "swn-btn swn-small", self.t(label));
            o.attrs(&b, &[("type", "button"), ("data-act", act.name())]);
            if act == Action::Back {
                o.attrs(&b, &[("hidden", "")]);
            }
        }
        let msg = o.add(&nav, "span", "swn-nav-msg", "");
        o.attrs(&msg, &[("data-nav-msg", "")]);
    }

    /// The tab row: each group with its answered count, the current one selected.
    fn tabs<O: Out>(&self, o: &O, main: &O::El) {
        let tabs = o.add(main, "div", "swn-tabs", "");
        o.attrs(
            &tabs,
            &[("role", "tablist"), ("aria-label", self.t(Ui::Tabs))],
        );
        for (k, g) in self.set().groups.iter().enumerate() {
            let tab = o.add(&tabs, "button", "swn-tab", "");
            let on = k == self.tab;
            o.attrs(
                &tab,
                &[
                    ("type", "button"),
                    ("role", "tab"),
                    ("id", &format!("swn-tab-{k}")),
                    ("aria-controls", "swn-panel"),
                    ("data-tab", &n(k)),
                    ("aria-selected", if on { "true" } else { "false" }),
                    ("tabindex", if on { "0" } else { "-1" }),
                ],
            );
            o.add(&tab, "bdi", "swn-tab-title", g.title.get(self.lang));
            let c = o.add(&tab, "span", "swn-tab-count", &self.tab_count(k));
            o.attrs(&c, &[("data-count", &n(k))]);
        }
    }

    /// Tab `k`'s count: `answered/indicators`.
    pub fn tab_count(&self, k: usize) -> String {
        let first: usize = (0..k)
            .map(|g| self.scorer.top_group_indicator_count(g))
            .sum();
        let total = self.scorer.top_group_indicator_count(k);
        let done = self.answered[first..first + total]
            .iter()
            .filter(|a| **a)
            .count();
        format!("{done}/{total}")
    }

    /// The document-order index of the current tab's first indicator.
    pub fn tab_first(&self) -> usize {
        (0..self.tab)
            .map(|k| self.scorer.top_group_indicator_count(k))
            .sum()
    }

    /// Fills the (empty) tab panel: the current tab's cards, as many as `card_limit`, then
    /// the button for more and the way to the next group.
    pub fn panel<O: Out>(&self, o: &O, panel: &O::El) {
        o.attrs(
            panel,
            &[("aria-labelledby", &format!("swn-tab-{}", self.tab))],
        );
        let Some(group) = self.set().groups.get(self.tab) else {
            return;
        };
        let first = self.tab_first();
        let total = self.scorer.top_group_indicator_count(self.tab);
        let limit = first + self.card_limit.min(total);
        let mut next = first;
        self.group(o, panel, group, 3, &mut next, limit);
        if limit < first + total {
            let more = o.add(panel, "p", "swn-more-cards", "");
            o.add(
                &more,
                "span",
                "",
                &super::shown_count_text(limit - first, total, self.lang),
            );
            let b = o.add(&more, "button", "swn-btn", self.t(Ui::ShowMore));
            o.attrs(&b, &[("type", "button"), ("data-act", Action::More.name())]);
        }
        // The end of a group leads to the next one, so Tab stays in the form until its end.
        if let Some(next) = self.set().groups.get(self.tab + 1) {
            let end = o.add(panel, "p", "swn-panel-end", "");
            let label = format!("{}: {} →", self.t(Ui::NextGroup), next.title.get(self.lang));
            let b = o.add(&end, "button", "swn-btn", &label);
            o.attrs(
                &b,
                &[("type", "button"), ("data-act", Action::NextGroup.name())],
            );
        }
    }

    fn group<O: Out>(
        &self,
        o: &O,
        parent: &O::El,
        g: &Group,
        level: u8,
        next: &mut usize,
        limit: usize,
    ) {
        if *next >= limit {
            return;
        }
        let tag = format!("h{}", level.min(6));
        o.add(parent, &tag, "swn-group-title", g.title.get(self.lang));
        if let Some(desc) = &g.description {
            o.add(parent, "p", "swn-desc", desc.get(self.lang));
        }
        for _ in &g.indicators {
            if *next >= limit {
                return;
            }
            self.card(o, parent, *next);
            *next += 1;
        }
        for c in &g.children {
            if *next >= limit {
                return;
            }
            let sub = o.add(parent, "section", "swn-sub", "");
            self.group(o, &sub, c, level + 1, next, limit);
        }
    }

    /// Indicator `i`'s card: title, answer field, guidance, evidence and score line.
    fn card<O: Out>(&self, o: &O, parent: &O::El, i: usize) {
        let ind = self.scorer.indicator(i);
        let lang = self.lang;
        let answer = self.a.answers.get(&ind.id);
        let card = o.add(parent, "article", "swn-ind", "");
        o.attrs(
            &card,
            &[("id", &format!("swn-i-{i}")), ("data-ind", &ind.id)],
        );
        let fs = o.add(&card, "fieldset", "", "");
        let legend = o.add(&fs, "legend", "", "");
        o.attrs(&legend, &[("id", &format!("swn-t-{i}"))]);
        o.add(&legend, "span", "swn-num", &format!("{}. ", i + 1));
        // The set's text isolated: a right-to-left override in it cannot move the badge.
        o.add(&legend, "bdi", "", ind.title.get(lang));
        if ind.evidence == Evidence::Required {
            o.add(&legend, "span", "swn-badge", self.t(Ui::EvidenceRequired));
        }
        // A number typed and refused: shown again as typed, with its error.
        let refused = self
            .drafts
            .iter()
            .find(|(k, ..)| *k == i)
            .and_then(|(_, raw, typed_in)| {
                self.read_number(i, raw, *typed_in)
                    .err()
                    .map(|msg| (raw.as_str(), msg))
            });
        self.answer_field(o, &fs, i, refused.as_ref().map(|r| r.0));
        // Guidance after the choices: the question and its answers come first.
        if let Some(help) = &ind.help {
            let det = o.add(&fs, "details", "swn-help", "");
            o.add(&det, "summary", "", self.t(Ui::Guidance));
            o.add(&det, "p", "", help.get(lang));
        }
        let msg = refused.as_ref().map_or("", |r| r.1.as_str());
        let err = o.add(&fs, "p", "swn-err", msg);
        o.attrs(&err, &[("id", &format!("swn-e-{i}")), ("data-err", &n(i))]);
        self.external(o, &fs, i);
        self.items(o, &fs, i);
        self.evidence(o, &fs, i, answer);
        let foot = o.add(&fs, "div", "swn-card-foot", "");
        let sc = o.add(&foot, "span", "swn-card-score", &self.score_line(i));
        o.attrs(&sc, &[("data-score", &n(i))]);
        let flag = o.add(&foot, "span", "swn-flag", self.t(Ui::EvidenceMissing));
        o.attrs(&flag, &[("data-flag", &n(i))]);
        if !self.evidence_missing(i) {
            o.attrs(&flag, &[("hidden", "")]);
        }
        let clear = o.add(&foot, "button", "swn-btn swn-link", self.t(Ui::ClearAnswer));
        o.attrs(
            &clear,
            &[
                ("type", "button"),
                ("data-act", Action::Clear.name()),
                ("data-i", &n(i)),
            ],
        );
        if !self.clearable(i) {
            o.attrs(&clear, &[("hidden", "")]);
        }
    }

    /// What text typed into indicator `i`'s number field in language `typed_in` answers
    /// ([`super::read_number`], with messages in the form's language). A refused text leaves
    /// the answer from before the typing in place: the message says so, with its value.
    pub fn read_number(
        &self,
        i: usize,
        raw: &str,
        typed_in: Lang,
    ) -> Result<Option<Value>, String> {
        let ind = self.scorer.indicator(i);
        super::read_number(&ind.answer, &self.set().scale, raw, typed_in, self.lang).map_err(
            |msg| match self.a.answers.get(&ind.id).and_then(|a| a.value.as_ref()) {
                Some(Value::Number(v)) => format!(
                    "{msg} {}: {}.",
                    self.t(Ui::StillScored),
                    super::typed_text(*v, self.lang)
                ),
                _ => msg,
            },
        )
    }

    /// Indicator `i`'s score line: its score, or that it is not answered.
    pub fn score_line(&self, i: usize) -> String {
        let score = self.scorer.score_of(self.tally.indicator(i));
        if self.answered[i] {
            let d = self.set().scale.decimals;
            format!(
                "{}: {}",
                self.t(Ui::Score),
                super::shown(&score, d, self.lang)
            )
        } else {
            format!("{}: – ({})", self.t(Ui::Score), self.t(Ui::NotAnswered))
        }
    }

    /// Whether indicator `i` is answered without the evidence it requires.
    pub fn evidence_missing(&self, i: usize) -> bool {
        let ind = self.scorer.indicator(i);
        self.answered[i]
            && ind.evidence == Evidence::Required
            && !self
                .a
                .answers
                .get(&ind.id)
                .is_some_and(Answer::has_evidence)
    }

    /// The mark beside indicator `i`'s number while it is proposed from last year's file and
    /// not yet confirmed (a Baseline indicator with `fromPrevious`).
    pub fn proposed_mark(&self, i: usize) -> Option<String> {
        let c = self.a.carried.get(&self.scorer.indicator(i).id)?;
        c.value.then(|| super::proposed_text(&c.from, self.lang))
    }

    /// Whether indicator `i` has something to clear: an answer, or refused number text.
    pub fn clearable(&self, i: usize) -> bool {
        self.answered[i] || self.drafts.iter().any(|(k, ..)| *k == i)
    }

    /// The level chosen for indicator `i`, as a number.
    fn chosen(&self, i: usize) -> Option<f64> {
        match self.a.answers.get(&self.scorer.indicator(i).id) {
            Some(Answer {
                value: Some(Value::Number(v)),
                ..
            }) => Some(*v),
            _ => None,
        }
    }

    /// Whether level `level`'s criteria show on indicator `i`'s card: the chosen level's, or
    /// every level's while the official has them all open.
    pub fn level_shown(&self, i: usize, level: Option<f64>) -> bool {
        self.levels_open.contains(&i) || (level.is_some() && level == self.chosen(i))
    }

    /// The show-all/fold button's label and `aria-expanded` for indicator `i`.
    pub fn levels_toggle(&self, i: usize) -> (&'static str, &'static str) {
        if self.levels_open.contains(&i) {
            (self.t(Ui::HideAllLevels), "true")
        } else {
            (self.t(Ui::ShowAllLevels), "false")
        }
    }

    /// Indicator `i`'s answer field: radio buttons in a row (levels, yes/no) with the chosen
    /// level's criteria below them and every level's one click away, a list to choose from, or
    /// a typed number with its unit and range. `refused`: number text shown instead of the
    /// answer.
    fn answer_field<O: Out>(&self, o: &O, fs: &O::El, i: usize, refused: Option<&str>) {
        let ind = self.scorer.indicator(i);
        let lang = self.lang;
        let value = self.a.answers.get(&ind.id).and_then(|x| x.value.as_ref());
        let name = format!("swn-r-{i}");
        let radio = |row: &O::El, label: &str, described: Option<&str>, v: &str, checked: bool| {
            let l = o.add(row, "label", "swn-opt", "");
            let input = o.add(&l, "input", "", "");
            o.attrs(
                &input,
                &[
                    ("type", "radio"),
                    ("name", &name),
                    ("value", v),
                    ("data-i", &n(i)),
                    ("data-f", "pick"),
                ],
            );
            if let Some(id) = described {
                o.attrs(&input, &[("aria-describedby", id)]);
            }
            if checked {
                o.attrs(&input, &[("checked", "")]);
            }
            let text = o.add(&l, "span", "swn-opt-text", "");
            o.add(&text, "span", "swn-opt-title", label);
        };
        match &ind.answer {
            AnswerKind::Level { levels } => {
                let row = o.add(fs, "div", "swn-opts", "");
                for (k, l) in levels.iter().enumerate() {
                    let num = k + 1;
                    let checked = value == Some(&Value::Number(num as f64));
                    let crit = format!("swn-c-{i}-{num}");
                    let described =
                        (l.criteria.is_some() || l.condition.is_some()).then_some(crit.as_str());
                    let label = format!("{num} – {}", l.label.get(lang));
                    radio(&row, &label, described, &n(num), checked);
                }
                self.level_details(o, fs, i);
            }
            AnswerKind::YesNo { .. } => {
                let row = o.add(fs, "div", "swn-opts", "");
                let yes = value == Some(&Value::Bool(true));
                let no = value == Some(&Value::Bool(false));
                radio(&row, self.t(Ui::Yes), None, "true", yes);
                radio(&row, self.t(Ui::No), None, "false", no);
            }
            AnswerKind::Choice { options } => {
                let sel = o.add(fs, "select", "swn-select", "");
                o.attrs(
                    &sel,
                    &[
                        ("data-i", &n(i)),
                        ("data-f", "pick"),
                        ("aria-labelledby", &format!("swn-t-{i}")),
                    ],
                );
                let empty = o.add(&sel, "option", "", self.t(Ui::ChooseOne));
                o.attrs(&empty, &[("value", "")]);
                for opt in options {
                    let e = o.add(&sel, "option", "", opt.label.get(lang));
                    o.attrs(&e, &[("value", &opt.id)]);
                }
                if let Some(Value::Text(id)) = value {
                    o.value(&sel, id);
                }
            }
            AnswerKind::Number { unit, .. } => {
                let unit = unit.as_ref().map_or("", |u| u.get(lang));
                let range = super::number_range(&ind.answer, &self.set().scale, lang);
                self.number_input(o, fs, i, refused, unit, &range);
            }
            AnswerKind::Percent { .. } | AnswerKind::Score => {
                let unit = if matches!(ind.answer, AnswerKind::Percent { .. }) {
                    "%"
                } else {
                    ""
                };
                let range = super::number_range(&ind.answer, &self.set().scale, lang);
                self.number_input(o, fs, i, refused, unit, &range);
            }
        }
    }

    /// Under a level indicator's choices: each level's criteria and condition (shown for the
    /// chosen level, or for all of them once the official asks), and the button that shows or
    /// folds them all.
    fn level_details<O: Out>(&self, o: &O, fs: &O::El, i: usize) {
        let AnswerKind::Level { levels } = &self.scorer.indicator(i).answer else {
            return;
        };
        let lang = self.lang;
        let box_ = o.add(fs, "div", "swn-lvls", "");
        let box_id = format!("swn-lv-{i}");
        o.attrs(&box_, &[("id", &box_id)]);
        let mut any = false;
        for (k, l) in levels.iter().enumerate() {
            if l.criteria.is_none() && l.condition.is_none() {
                continue;
            }
            any = true;
            let num = k + 1;
            let b = o.add(&box_, "div", "swn-lvl", "");
            o.attrs(
                &b,
                &[("id", &format!("swn-c-{i}-{num}")), ("data-level", &n(num))],
            );
            if !self.level_shown(i, Some(num as f64)) {
                o.attrs(&b, &[("hidden", "")]);
            }
            let head = format!("{num} – {}", l.label.get(lang));
            o.add(&b, "p", "swn-lvl-head", &head);
            if let Some(c) = &l.criteria {
                o.add(&b, "p", "swn-lvl-crit", c.get(lang));
            }
            if let Some(c) = &l.condition {
                o.add(&b, "p", "swn-lvl-cond", c.get(lang));
            }
        }
        if !any {
            return;
        }
        let (label, expanded) = self.levels_toggle(i);
        let toggle = o.add(fs, "button", "swn-btn swn-link swn-lvl-toggle", label);
        o.attrs(
            &toggle,
            &[
                ("type", "button"),
                ("data-act", Action::Levels.name()),
                ("data-i", &n(i)),
                ("aria-controls", &box_id),
                ("aria-expanded", expanded),
            ],
        );
    }

    /// Indicator `i`'s evidence: notes, and links one a line.
    fn evidence<O: Out>(&self, o: &O, fs: &O::El, i: usize, answer: Option<&Answer>) {
        let ev = o.add(fs, "div", "swn-evidence", "");
        let notes = o.add(&ev, "label", "swn-field", "");
        o.add(&notes, "span", "", self.t(Ui::Notes));
        let ta = o.add(&notes, "textarea", "", "");
        o.attrs(
            &ta,
            &[
                ("rows", "1"),
                ("data-i", &n(i)),
                ("data-f", "notes"),
                ("dir", "auto"),
            ],
        );
        o.value(&ta, answer.map_or("", |x| x.notes.as_str()));
        let links = o.add(&ev, "label", "swn-field", "");
        o.add(&links, "span", "", self.t(Ui::Links));
        let tl = o.add(&links, "textarea", "", "");
        o.attrs(
            &tl,
            &[
                ("rows", "1"),
                ("data-i", &n(i)),
                ("data-f", "links"),
                ("inputmode", "url"),
                ("placeholder", self.t(Ui::LinksHint)),
            ],
        );
        o.value(&tl, &answer.map(|x| x.links.join("\n")).unwrap_or_default());
    }

    /// A typed number's field with its unit and range; `refused` text instead of the answer.
    fn number_input<O: Out>(
        &self,
        o: &O,
        fs: &O::El,
        i: usize,
        refused: Option<&str>,
        unit: &str,
        range: &str,
    ) {
        let id = &self.scorer.indicator(i).id;
        let value = self.a.answers.get(id).and_then(|x| x.value.as_ref());
        let wrap = o.add(fs, "div", "swn-num-field", "");
        let input = o.add(&wrap, "input", "", "");
        let unit_id = format!("swn-u-{i}");
        o.attrs(
            &input,
            &[
                ("type", "text"),
                ("inputmode", "decimal"),
                ("data-i", &n(i)),
                ("data-f", "num"),
                ("aria-labelledby", &format!("swn-t-{i} {unit_id}")),
                ("aria-describedby", &format!("swn-e-{i}")),
            ],
        );
        if let Some(raw) = refused {
            o.value(&input, raw);
            o.attrs(&input, &[("aria-invalid", "true")]);
        } else if let Some(Value::Number(v)) = value {
            o.value(&input, &super::typed_text(*v, self.lang));
        }
        let u = o.add(&wrap, "span", "swn-unit", unit);
        o.attrs(&u, &[("id", &unit_id)]);
        if !range.is_empty() {
            o.add(&wrap, "span", "swn-range", &format!("({range})"));
        }
        if let Some(mark) = self.proposed_mark(i) {
            o.attrs(&input, &[("data-proposed", "")]);
            o.add(&wrap, "span", PROPOSED_MARK, &mark);
        }
    }

    /// Indicator `i`'s agency line and result fields, when its level is taken from another
    /// agency's evaluation (nothing for other indicators).
    fn external<O: Out>(&self, o: &O, fs: &O::El, i: usize) {
        let ind = self.scorer.indicator(i);
        let Some(ext) = &ind.external else {
            return;
        };
        let lang = self.lang;
        let box_ = o.add(fs, "div", "swn-external", "");
        let from = super::taken_from(&ext.agency, ext.mapping.is_some(), lang);
        o.add(&box_, "p", "swn-external-from", &from);
        o.add(&box_, "p", "swn-desc", ext.source.get(lang));
        let got = self
            .a
            .answers
            .get(&ind.id)
            .and_then(|a| a.external.as_ref());
        let (result_l, year_l, source_l) = super::external_labels(lang);
        let result = got
            .and_then(|e| e.result)
            .map(|r| crate::round::format_number(r, 2, lang));
        let year = got.and_then(|e| e.year).map(|y| y.to_string());
        let source = got.map(|e| e.source.clone());
        for (field, label, value, mode) in [
            ("ext-result", result_l, result, "decimal"),
            ("ext-year", year_l, year, "numeric"),
            ("ext-source", source_l, source, "url"),
        ] {
            let l = o.add(&box_, "label", "swn-field", "");
            o.add(&l, "span", "", label);
            let input = o.add(&l, "input", "", "");
            o.attrs(
                &input,
                &[
                    ("type", "text"),
                    ("inputmode", mode),
                    ("data-i", &n(i)),
                    ("data-f", field),
                ],
            );
            o.value(&input, &value.unwrap_or_default());
        }
    }

    /// Indicator `i`'s data dukung items, level by level (levels above the chosen one
    /// hidden), and the line saying the level claimed and the level the evidence supports.
    fn items<O: Out>(&self, o: &O, fs: &O::El, i: usize) {
        let ind = self.scorer.indicator(i);
        let AnswerKind::Level { levels } = &ind.answer else {
            return;
        };
        if crate::evidence::items(ind).next().is_none() {
            return;
        }
        let lang = self.lang;
        let answer = self.a.answers.get(&ind.id);
        let wrap = o.add(fs, "div", "swn-items", "");
        o.attrs(&wrap, &[("data-items", &n(i))]);
        let said = self.levels_line(i);
        let line = o.add(&wrap, "p", "swn-card-levels", said.as_deref().unwrap_or(""));
        o.attrs(&line, &[("data-levels", &n(i))]);
        if said.is_none() {
            o.attrs(&line, &[("hidden", "")]);
        }
        let evidence = self.set().term(Term::Evidence, lang);
        let chosen = self.claimed(i);
        for (k, level) in levels.iter().enumerate() {
            if level.evidence.is_empty() {
                continue;
            }
            let block = o.add(&wrap, "div", "swn-item-level", "");
            o.attrs(&block, &[("data-item-level", &n(k + 1))]);
            if k + 1 > chosen {
                o.attrs(&block, &[("hidden", "")]);
            }
            let head = format!("{} – {}: {evidence}", k + 1, level.label.get(lang));
            o.add(&block, "p", "swn-item-head", &head);
            for item in &level.evidence {
                let row = o.add(&block, "label", "swn-item", "");
                o.add(&row, "span", "swn-item-text", item.text.get(lang));
                let sel = o.add(&row, "select", "swn-select swn-item-status", "");
                o.attrs(
                    &sel,
                    &[
                        ("data-i", &n(i)),
                        ("data-f", "item"),
                        ("data-item", &item.id),
                    ],
                );
                for s in STATUSES {
                    let e = o.add(&sel, "option", "", super::status_label(s, lang));
                    o.attrs(&e, &[("value", s.as_str())]);
                }
                let now = answer
                    .and_then(|x| x.evidence.get(&item.id))
                    .map_or(Status::Belum, |e| e.status);
                o.value(&sel, now.as_str());
                self.item_notes(o, &block, i, &item.id);
            }
        }
    }

    /// The level claimed for indicator `i` (0: none): its items show up to that level.
    pub fn claimed(&self, i: usize) -> usize {
        self.scorer.claimed_level(self.a, i).unwrap_or(0)
    }

    /// The line under indicator `i`'s items: the level claimed and the level its evidence
    /// supports, or none.
    pub fn levels_line(&self, i: usize) -> Option<String> {
        super::card_levels(self.scorer, self.a, i, self.lang)
    }

    /// An item's own notes and links, folded under the item.
    fn item_notes<O: Out>(&self, o: &O, block: &O::El, i: usize, item: &str) {
        let id = &self.scorer.indicator(i).id;
        let ev = self.a.answers.get(id).and_then(|a| a.evidence.get(item));
        let more = o.add(block, "details", "swn-item-more", "");
        if ev.is_some_and(|e| e.has_evidence()) {
            o.attrs(&more, &[("open", "")]);
        }
        o.add(&more, "summary", "", super::item_notes_label(self.lang));
        let notes = ev.map(|e| e.notes.clone()).unwrap_or_default();
        let links = ev.map(|e| e.links.join("\n")).unwrap_or_default();
        for (field, label, text) in [
            ("item-notes", self.t(Ui::Notes), notes),
            ("item-links", self.t(Ui::Links), links),
        ] {
            let l = o.add(&more, "label", "swn-field", "");
            o.add(&l, "span", "", label);
            let ta = o.add(&l, "textarea", "", "");
            o.attrs(
                &ta,
                &[
                    ("rows", "1"),
                    ("data-i", &n(i)),
                    ("data-f", field),
                    ("data-item", item),
                ],
            );
            o.value(&ta, &text);
        }
    }
}

/// The first screen of `set` for a portal's page, as HTML: a declarative shadow root for the
/// `<swanilai-assessment>` element, with the stylesheet at `stylesheet` (a URL as the page
/// would write it) and the form in language `lang`, its region named `region` (the
/// element's `region` attribute). It works as plain HTML (radio buttons, fields) before any
/// script has loaded; the widget takes it over when it mounts, keeping what was chosen and
/// typed (docs/FIRST-SCREEN.md).
pub fn prerender(scorer: &Scorer<'_>, lang: Lang, region: &str, stylesheet: &str) -> String {
    let set = scorer.set();
    let mut a = Assessment::new(&set.id, &set.version);
    a.region.name = region.to_string();
    let tally = scorer.tally(scorer.indicator_scores(&a));
    let answered = super::answered_flags(scorer, &a);
    let form = Form {
        scorer,
        a: &a,
        tally: &tally,
        answered: &answered,
        lang,
        tab: 0,
        card_limit: CARD_CHUNK,
        drafts: &[],
        levels_open: &BTreeSet::new(),
    };
    let html = super::Html::default();
    let frame = form.frame(&html);
    let mut out = String::from("<template shadowrootmode=\"open\">");
    let link = html.el("link", "");
    html.attrs(&link, &[("rel", "stylesheet"), ("href", stylesheet)]);
    out.push_str(&html.html(&link));
    out.push_str(&html.html(&frame));
    out.push_str("</template>");
    out
}
