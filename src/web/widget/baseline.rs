//! Answers the set takes from last year's file (indicators with `fromPrevious`, the smart city
//! Baseline): proposed when last year's file is used, kept in step with this year's answers
//! while they are marked, and listed beside the comparison, each with "right" and "clear".
//! An answer the official changes is theirs (the mark goes). See [`crate::baseline`].

use web_sys::Element;

use super::dom::{attrs, set_value};
use super::events::index_of;
use super::{Emits, Inner};
use crate::baseline::{self, Proposal};
use crate::view::{self, Action};
use crate::{Value, answer_score};

impl Inner {
    /// Whether indicator `i`'s answer is still marked as proposed from last year's file.
    fn proposed(&self, i: usize) -> bool {
        let id = &self.scorer.indicator(i).id;
        self.a.carried.get(id).is_some_and(|c| c.value)
    }

    /// Last year's file is now in use: empty answers the set takes from it are filled.
    pub(crate) fn fill_baseline(&mut self) {
        let Some(p) = &self.previous else { return };
        let used = baseline::fill_from_previous(self.scorer.set(), &p.assessment, &mut self.a);
        self.proposals_changed(&used);
    }

    /// After the official changed indicator `i`: it is no longer a proposal, and the proposals
    /// that follow this year's answers are brought in step.
    pub(crate) fn baseline_after_edit(&mut self, i: usize) {
        if self.proposed(i) {
            let id = self.scorer.indicator(i).id.clone();
            baseline::settle_value(&mut self.a, &id, true);
            self.render_compare();
        }
        let Some(p) = &self.previous else { return };
        let moved = baseline::refresh_proposed(self.scorer.set(), &p.assessment, &mut self.a);
        self.proposals_changed(&moved);
    }

    /// Shows proposed values: scores, fields, the list beside the comparison; saved.
    fn proposals_changed(&mut self, used: &[Proposal]) {
        if used.is_empty() {
            return;
        }
        for p in used {
            let Some(i) = self.scorer.indicator_index(&p.indicator) else {
                continue;
            };
            let ind = self.scorer.indicator(i);
            let score = answer_score(&ind.answer, &self.set().scale, &Value::Number(p.value)).ok();
            self.answered[i] = score.is_some();
            let s = self.scorer.unanswered(score);
            self.scorer.update(&mut self.tally, i, s);
            if let Ok(Some(field)) = self
                .frame
                .query_selector(&format!("[data-i=\"{i}\"][data-f=\"num\"]"))
            {
                set_value(&field, &view::typed_text(p.value, self.lang));
            }
            self.update_card(i);
        }
        self.touch();
        self.update_tab_counts();
        self.update_summary();
        self.schedule.results_due = true;
        self.schedule_save(false);
        self.render_compare();
    }

    /// The proposed answers, below the comparison: each indicator, its value, where it came
    /// from, and the buttons to confirm it or clear it.
    pub(crate) fn render_proposed(&self, sec: &Element) {
        let marked: Vec<usize> = (0..self.scorer.indicator_count())
            .filter(|&i| self.proposed(i))
            .collect();
        if marked.is_empty() {
            return;
        }
        let d = &self.dom;
        let ul = d.add(sec, "ul", "swn-proposed", "");
        attrs(&ul, &[("data-swn", "proposed")]);
        for i in marked {
            let ind = self.scorer.indicator(i);
            let answer = self.a.answers.get(&ind.id);
            let value = match answer.and_then(|a| a.value.as_ref()) {
                Some(Value::Number(n)) => view::typed_text(*n, self.lang),
                _ => "–".into(),
            };
            let from = self.a.carried.get(&ind.id).map_or("", |c| c.from.as_str());
            let li = d.add(&ul, "li", "", "");
            attrs(&li, &[("data-i", &i.to_string())]);
            let name = view::indicator_name(&self.scorer, &ind.id, self.lang);
            let line = format!(
                "{name}: {value}, {}. ",
                view::proposed_text(from, self.lang)
            );
            d.add(&li, "span", "", &line);
            let (keep, clear) = view::proposed_buttons(self.lang);
            for (label, act) in [(keep, Action::BaselineKeep), (clear, Action::BaselineDrop)] {
                let b = d.add(&li, "button", "swn-btn swn-small", label);
                attrs(
                    &b,
                    &[
                        ("type", "button"),
                        ("data-act", act.name()),
                        ("data-i", &i.to_string()),
                    ],
                );
            }
        }
    }

    /// "Right" (`keep`) or "clear" on a proposed answer.
    pub(crate) fn baseline_settle(&mut self, el: &Element, keep: bool) -> Emits {
        let Some(i) = index_of(el).filter(|&i| i < self.scorer.indicator_count()) else {
            return Vec::new();
        };
        let id = self.scorer.indicator(i).id.clone();
        if !baseline::settle_value(&mut self.a, &id, keep) {
            return Vec::new();
        }
        if !keep
            && let Ok(Some(field)) = self
                .frame
                .query_selector(&format!("[data-i=\"{i}\"][data-f=\"num\"]"))
        {
            set_value(&field, "");
        }
        self.touch();
        self.render_compare();
        self.focus_first(&["[data-swn=proposed] button", "[data-swn=previous-source]"]);
        self.rescored(i)
    }
}
