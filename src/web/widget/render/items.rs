//! A level indicator's data dukung items on its card: under each level from 1 to the chosen
//! one, each item with its status (belum / draf / siap); and the line saying the level
//! claimed and the level the evidence supports.

use web_sys::Element;

use super::super::dom::{attrs, set_value};
use super::super::{Emits, Inner};
use crate::assessment::Status;
use crate::model::{AnswerKind, Term};
use crate::view;

const STATUSES: [Status; 3] = [Status::Belum, Status::Draf, Status::Siap];

impl Inner {
    /// Draws indicator `i`'s items, level by level (levels above the chosen one hidden), and
    /// the claimed/evidenced line.
    pub(crate) fn render_items(&self, fs: &Element, i: usize) {
        let ind = self.scorer.indicator(i);
        let AnswerKind::Level { levels } = &ind.answer else {
            return;
        };
        if crate::evidence::items(ind).next().is_none() {
            return;
        }
        let d = &self.dom;
        let lang = self.lang;
        let answer = self.a.answers.get(&ind.id);
        let wrap = d.add(fs, "div", "swn-items", "");
        attrs(&wrap, &[("data-items", &i.to_string())]);
        let line = d.add(&wrap, "p", "swn-card-levels", "");
        attrs(&line, &[("data-levels", &i.to_string())]);
        let evidence = self.set().term(Term::Evidence, lang);
        for (n, level) in levels.iter().enumerate() {
            if level.evidence.is_empty() {
                continue;
            }
            let block = d.add(&wrap, "div", "swn-item-level", "");
            attrs(&block, &[("data-item-level", &(n + 1).to_string())]);
            d.add(
                &block,
                "p",
                "swn-item-head",
                &format!("{} – {}: {evidence}", n + 1, level.label.get(lang)),
            );
            for item in &level.evidence {
                let row = d.add(&block, "label", "swn-item", "");
                d.add(&row, "span", "swn-item-text", item.text.get(lang));
                let sel = d.add(&row, "select", "swn-select swn-item-status", "");
                attrs(
                    &sel,
                    &[
                        ("data-i", &i.to_string()),
                        ("data-f", "item"),
                        ("data-item", &item.id),
                    ],
                );
                for s in STATUSES {
                    let o = d.add(&sel, "option", "", view::status_label(s, lang));
                    attrs(&o, &[("value", s.as_str())]);
                }
                let now = answer
                    .and_then(|x| x.evidence.get(&item.id))
                    .map_or(Status::Belum, |e| e.status);
                set_value(&sel, now.as_str());
                self.item_notes(&block, i, &item.id);
            }
        }
        self.fill_items(i, &wrap);
    }

    /// An item's own notes and links, folded under the item.
    fn item_notes(&self, block: &Element, i: usize, item: &str) {
        let d = &self.dom;
        let id = &self.scorer.indicator(i).id;
        let ev = self.a.answers.get(id).and_then(|a| a.evidence.get(item));
        let more = d.add(block, "details", "swn-item-more", "");
        if ev.is_some_and(|e| e.has_evidence()) {
            attrs(&more, &[("open", "")]);
        }
        d.add(&more, "summary", "", view::item_notes_label(self.lang));
        for (field, label, text) in [
            (
                "item-notes",
                self.t(crate::view::Ui::Notes),
                ev.map(|e| e.notes.clone()).unwrap_or_default(),
            ),
            (
                "item-links",
                self.t(crate::view::Ui::Links),
                ev.map(|e| e.links.join("\n")).unwrap_or_default(),
            ),
        ] {
            let l = d.add(&more, "label", "swn-field", "");
            d.add(&l, "span", "", label);
            let ta = d.add(&l, "textarea", "", "");
            attrs(
                &ta,
                &[
                    ("rows", "1"),
                    ("data-i", &i.to_string()),
                    ("data-f", field),
                    ("data-item", item),
                ],
            );
            set_value(&ta, &text);
        }
    }

    /// An item's notes or links typed.
    pub(crate) fn on_item_text(
        &mut self,
        i: usize,
        item: String,
        field: &str,
        text: &str,
    ) -> Emits {
        let id = self.scorer.indicator(i).id.clone();
        let answer = self.a.answers.entry(id.clone()).or_default();
        let ev = answer.evidence.entry(item).or_default();
        if field == "item-notes" {
            ev.notes = text.to_string();
        } else {
            ev.links = view::links_of(text);
        }
        self.touch();
        self.schedule_save(true);
        self.schedule_advice();
        self.change_detail(&id)
    }

    /// Shows the item levels from 1 to the chosen one and writes the claimed/evidenced line.
    pub(crate) fn fill_items(&self, i: usize, wrap: &Element) {
        let chosen = self.scorer.claimed_level(&self.a, i).unwrap_or(0);
        if let Ok(list) = wrap.query_selector_all("[data-item-level]") {
            for k in 0..list.length() {
                let Some(e) = list
                    .item(k)
                    .and_then(|n| wasm_bindgen::JsCast::dyn_into::<Element>(n).ok())
                else {
                    continue;
                };
                let n: usize = e
                    .get_attribute("data-item-level")
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(0);
                let _ = e.toggle_attribute_with_force("hidden", n > chosen);
            }
        }
        if let Ok(Some(line)) = wrap.query_selector("[data-levels]") {
            let text = view::card_levels(&self.scorer, &self.a, i, self.lang);
            line.set_text_content(Some(text.as_deref().unwrap_or("")));
            let _ = line.toggle_attribute_with_force("hidden", text.is_none());
        }
    }

    /// Refreshes indicator `i`'s items after its answer or evidence changed.
    pub(crate) fn update_items(&self, i: usize) {
        if let Ok(Some(wrap)) = self.frame.query_selector(&format!("[data-items=\"{i}\"]")) {
            self.fill_items(i, &wrap);
        }
    }
}
