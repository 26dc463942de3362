//! Links typed into an answer's or an evidence item's links field: only http(s) addresses
//! are stored as links. Another line waits in the field with a message while it is typed (it
//! may be an address half typed); when the field is left, or the page is hidden or closed,
//! it moves into the notes beside it as text (see [`view::split_links`]).

use wasm_bindgen::JsCast;
use web_sys::Element;

use super::dom::{attrs, set_value};
use super::{Emits, Inner};
use crate::view;

/// The field's text (a textarea's value).
fn text_of(el: &Element) -> String {
    el.dyn_ref::<web_sys::HtmlTextAreaElement>()
        .map(|t| t.value())
        .unwrap_or_default()
}

impl Inner {
    /// A links field typed in: its web addresses are the links; other lines wait in the field
    /// with a message.
    pub(crate) fn on_links(&mut self, el: &Element, i: usize, item: Option<String>) -> Emits {
        let (web, other) = view::split_links(&text_of(el));
        self.link_message(el, &view::links_waiting(&other, self.lang));
        self.link_typing = (!other.is_empty()).then(|| el.clone());
        let web = web.join("\n");
        match item {
            None => self.on_evidence(i, "links", web),
            Some(item) => self.on_item_text(i, item, "item-links", &web),
        }
    }

    /// A links field left (or the page hidden or closed while one waits): its lines that are
    /// not web addresses move into the notes beside it, and the field keeps the links.
    pub(crate) fn settle_links(&mut self, el: &Element) -> Emits {
        if self.link_typing.as_ref() == Some(el) {
            self.link_typing = None;
        }
        let (Some(i), Some(field)) = (
            el.get_attribute("data-i")
                .and_then(|v| v.parse::<usize>().ok()),
            el.get_attribute("data-f"),
        ) else {
            return Vec::new();
        };
        if i >= self.scorer.indicator_count() {
            return Vec::new();
        }
        let (web, other) = view::split_links(&text_of(el));
        if other.is_empty() {
            return Vec::new();
        }
        let id = self.scorer.indicator(i).id.clone();
        let item = el
            .get_attribute("data-item")
            .filter(|_| field == "item-links");
        let answer = self.a.answers.entry(id.clone()).or_default();
        let (notes, notes_sel) = match &item {
            None => {
                answer.links = web.clone();
                answer.notes = view::notes_with(&answer.notes, &other);
                (
                    answer.notes.clone(),
                    format!("[data-i=\"{i}\"][data-f=\"notes\"]"),
                )
            }
            Some(it) => {
                let ev = answer.evidence.entry(it.clone()).or_default();
                ev.links = web.clone();
                ev.notes = view::notes_with(&ev.notes, &other);
                let sel = format!("[data-i=\"{i}\"][data-f=\"item-notes\"][data-item=\"{it}\"]");
                (ev.notes.clone(), sel)
            }
        };
        if let Ok(Some(n)) = self.frame.query_selector(&notes_sel) {
            set_value(&n, &notes);
        }
        set_value(el, &web.join("\n"));
        let said = view::links_moved(&other, self.lang);
        self.link_message(el, &said);
        self.announce(&said);
        self.touch();
        self.update_card(i);
        self.schedule_save(true);
        self.change_detail(&id)
    }

    /// Moves a waiting field's lines before the page is hidden or closed.
    pub(crate) fn settle_waiting_links(&mut self) -> Emits {
        match self.link_typing.take() {
            Some(el) => self.settle_links(&el),
            None => Vec::new(),
        }
    }

    /// The message under a links field (hidden when empty).
    fn link_message(&self, el: &Element, text: &str) {
        let Some(label) = el.parent_element() else {
            return;
        };
        let msg = match label.query_selector("[data-link-msg]") {
            Ok(Some(m)) => m,
            _ if text.is_empty() => return,
            _ => {
                let m = self.dom.add(&label, "span", "swn-err", "");
                attrs(&m, &[("data-link-msg", ""), ("role", "status")]);
                m
            }
        };
        msg.set_text_content(Some(text));
    }
}
