//! A level indicator's data dukung items on its card (drawn by [`view::Form`]): what the
//! official sets or types in them, and the items shown up to the chosen level, with the line
//! saying the level claimed and the level the evidence supports.

use web_sys::Element;

use super::super::{Emits, Inner};
use crate::view;

impl Inner {
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
        let form = self.form();
        let chosen = form.claimed(i);
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
            let text = form.levels_line(i);
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
