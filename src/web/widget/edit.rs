//! Answers changing: a level picked, a number typed, evidence or the region edited, an answer
//! cleared; each is scored again and reported to the host as a `change` (and `score`) event.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlInputElement};

use super::dom::{set_value, value_of};
use super::{Emits, Inner, now_iso, to_js};
use crate::model::{AnswerKind, Lang};
use crate::view;
use crate::{Answer, Value, answer_score};

impl Inner {
    /// Re-scores after indicator `i` changed, and refreshes what depends on it.
    pub(crate) fn rescored(&mut self, i: usize) -> Emits {
        self.baseline_after_edit(i);
        let ind = self.scorer.indicator(i);
        let id = ind.id.clone();
        let value = self.a.answers.get(&ind.id).and_then(|x| x.value.as_ref());
        let score = value.and_then(|v| answer_score(&ind.answer, &self.set().scale, v).ok());
        self.answered[i] = score.is_some();
        let s = self.scorer.unanswered(score);
        self.scorer.update(&mut self.tally, i, s);
        self.update_card(i);
        self.update_tab_counts();
        // Due first, so that the announcement can say if it cannot be saved.
        self.schedule_save(false);
        // The score texts now; the chart and tables right after this event (see `defer`).
        self.update_summary();
        self.schedule.results_due = true;
        self.defer();
        let mut out = self.change_detail(&id);
        out.push(("score", self.score_detail()));
        out
    }

    /// The `change` event for one indicator's answer (value or evidence).
    pub(crate) fn change_detail(&self, id: &str) -> Emits {
        let answer = self.a.answers.get(id).cloned().unwrap_or_default();
        to_js(&change_payload(id, &answer))
            .map(|detail| vec![("change", detail)])
            .unwrap_or_default()
    }

    pub(crate) fn score_detail(&self) -> JsValue {
        #[derive(serde::Serialize)]
        struct Detail {
            overall: crate::Score,
            answered: usize,
            total: usize,
        }
        to_js(&Detail {
            overall: self.scorer.score_of(self.tally.overall()),
            answered: self.answered.iter().filter(|a| **a).count(),
            total: self.answered.len(),
        })
        .unwrap_or(JsValue::NULL)
    }

    pub(crate) fn full_refresh(&mut self) -> Emits {
        self.typing = None; // the answers were replaced: a later refusal must not bring one back
        self.rescope(); // their program list may differ
        self.answered = view::answered_flags(&self.scorer, &self.a);
        self.tally = self.scorer.tally(self.scorer.indicator_scores(&self.a));
        self.render_all();
        vec![("score", self.score_detail())]
    }

    pub(crate) fn on_pick(&mut self, i: usize, raw: &str) -> Emits {
        let ind = self.scorer.indicator(i);
        let value = match &ind.answer {
            AnswerKind::Level { .. } => crate::num::parse(raw).map(Value::Number),
            AnswerKind::YesNo { .. } => Some(Value::Bool(raw == "true")),
            _ => (!raw.is_empty()).then(|| Value::Text(raw.to_string())),
        };
        let id = ind.id.clone();
        self.a.answers.entry(id).or_default().value = value;
        self.touch();
        self.rescored(i)
    }

    /// What text typed into indicator `i`'s number field in language `typed_in` answers
    /// ([`view::read_number`], with messages in the widget's language). A refused text leaves
    /// the answer from before the typing in place: the message says so, with its value.
    pub(crate) fn read_number(
        &self,
        i: usize,
        raw: &str,
        typed_in: Lang,
    ) -> Result<Option<Value>, String> {
        self.form().read_number(i, raw, typed_in)
    }

    pub(crate) fn on_number(&mut self, i: usize, input: &Element) -> Emits {
        let raw = value_of(input);
        let id = self.scorer.indicator(i).id.clone();
        let now = self.a.answers.get(&id).and_then(|a| a.value.clone());
        if self.typing.as_ref().is_none_or(|t| t.0 != i) {
            self.typing = Some((i, now.clone()));
        }
        self.drafts.retain(|(k, ..)| *k != i);
        let read = self.read_number(i, &raw, self.lang);
        let value = match &read {
            Ok(value) => value.clone(),
            Err(_) => {
                // Keep the text (saved beside the answers); the answer from before counts.
                self.drafts.push((i, raw.clone(), self.lang));
                self.typing.as_ref().and_then(|t| t.1.clone())
            }
        };
        let changed = value != now;
        if changed {
            self.a.answers.entry(id).or_default().value = value;
        }
        // Read again once the answer is back: the message names the value that counts.
        let error = match read {
            Ok(_) => String::new(),
            Err(_) if changed => self
                .read_number(i, &raw, self.lang)
                .err()
                .unwrap_or_default(),
            Err(msg) => msg,
        };
        self.show_field_error(i, &error);
        let _ = input.set_attribute(
            "aria-invalid",
            if error.is_empty() { "false" } else { "true" },
        );
        if !changed {
            self.schedule_save(true);
            return Vec::new();
        }
        self.touch();
        self.rescored(i)
    }

    pub(crate) fn on_evidence(&mut self, i: usize, field: &str, text: String) -> Emits {
        let id = self.scorer.indicator(i).id.clone();
        let answer = self.a.answers.entry(id).or_default();
        if field == "notes" {
            answer.notes = text;
        } else {
            answer.links = view::links_of(&text);
        }
        self.touch();
        self.update_card(i);
        self.schedule_save(true);
        let id = self.scorer.indicator(i).id.clone();
        self.change_detail(&id)
    }

    /// An evidence item's status chosen: the evidenced level and index follow.
    pub(crate) fn on_item(&mut self, i: usize, item: String, status: &str) -> Emits {
        let status = match status {
            "siap" => crate::assessment::Status::Siap,
            "draf" => crate::assessment::Status::Draf,
            _ => crate::assessment::Status::Belum,
        };
        let id = self.scorer.indicator(i).id.clone();
        let answer = self.a.answers.entry(id).or_default();
        answer.evidence.entry(item).or_default().status = status;
        self.touch();
        self.rescored(i)
    }

    pub(crate) fn on_region(&mut self, key: &str, text: String) -> Emits {
        let r = &mut self.a.region;
        match key {
            "name" => r.name = text,
            "code" => r.code = text,
            "period" => r.period = text,
            _ => r.assessor = text,
        }
        self.touch();
        self.schedule_save(true);
        #[derive(serde::Serialize)]
        struct RegionChange<'a> {
            region: &'a crate::Region,
        }
        to_js(&RegionChange {
            region: &self.a.region,
        })
        .map(|detail| vec![("change", detail)])
        .unwrap_or_default()
    }

    pub(crate) fn clear_answer(&mut self, i: usize) -> Emits {
        self.typing = None;
        let id = self.scorer.indicator(i).id.clone();
        if let Some(a) = self.a.answers.get_mut(&id) {
            a.value = None;
        }
        if let Ok(list) = self
            .frame
            .query_selector_all(&format!("[data-i=\"{i}\"][data-f]"))
        {
            for k in 0..list.length() {
                if let Some(e) = list.item(k).and_then(|n| n.dyn_into::<Element>().ok()) {
                    if let Some(inp) = e.dyn_ref::<HtmlInputElement>() {
                        if inp.type_() == "radio" {
                            inp.set_checked(false);
                            continue;
                        }
                    }
                    // The answer's own fields only: notes, links, evidence items and an
                    // agency's result stay.
                    if matches!(e.get_attribute("data-f").as_deref(), Some("pick" | "num")) {
                        set_value(&e, "");
                        let _ = e.remove_attribute("aria-invalid");
                    }
                }
            }
        }
        // A number field's rejected text goes too.
        self.drafts.retain(|(k, ..)| *k != i);
        self.show_field_error(i, "");
        self.touch();
        self.rescored(i)
    }

    pub(crate) fn touch(&mut self) {
        let now = now_iso();
        if self.a.created_at.is_none() {
            self.a.created_at = Some(now.clone());
        }
        self.a.updated_at = Some(now);
    }
}

/// The `change` event's detail: `{ indicator, answer }`.
pub(crate) fn change_payload<'a>(id: &'a str, answer: &'a Answer) -> impl serde::Serialize + 'a {
    #[derive(serde::Serialize)]
    struct Change<'a> {
        indicator: &'a str,
        answer: &'a Answer,
    }
    Change {
        indicator: id,
        answer,
    }
}
