//! Drawing the whole widget: the frame with the header, toolbar, region fields, tabs and the
//! current tab's cards (drawn by [`crate::view::Form`]), then the notices, results, advice
//! and comparison, each filled by its own module.

mod advice;
mod check;
mod external;
mod form;
mod items;
mod masterplan;
mod mpfiles;
mod notices;
mod print;
mod results;
mod sheet;
mod team;

use super::Inner;
use super::dom::attrs;

impl Inner {
    pub(crate) fn render_all(&mut self) {
        // Everything is redrawn: keep keyboard focus on the redrawn twin of what had it.
        let focus_key = self.focus_key();
        let d = self.dom.clone();
        // The stylesheet already linked stays (a served first screen's, or the last drawing's):
        // a new link would leave the new drawing unstyled until it had loaded.
        // Left in place: a link taken out and put back loads its file again.
        let kept = self.linked_stylesheet();
        let mut next = self.root.first_child();
        while let Some(node) = next {
            next = node.next_sibling();
            if !kept.as_ref().is_some_and(|k| k.is_same_node(Some(&node))) {
                let _ = self.root.remove_child(&node);
            }
        }
        if kept.is_none() && !self.stylesheet.is_empty() {
            let link = d.el("link", "");
            attrs(&link, &[("rel", "stylesheet"), ("href", &self.stylesheet)]);
            let _ = self.root.append_child(&link);
        }
        // The frame, header, tabs and the current tab's cards: the same drawing as the
        // first screen `swanilai prerender` writes (view::Form).
        let f = self.form().frame(&d);
        self.unsaved_shown.set(None);
        let _ = self.root.append_child(&f);
        self.frame = f.clone();
        self.add_masterplan_section();
        self.speech.fresh.set(true);
        self.render_notices();
        self.render_team();
        self.show_saved();
        self.show_back();
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

    /// The `<link>` to the widget's stylesheet in its shadow root, if there is one.
    pub(crate) fn linked_stylesheet(&self) -> Option<web_sys::Element> {
        if self.stylesheet.is_empty() {
            return None;
        }
        let link = self.root.query_selector("link[rel=stylesheet]").ok()??;
        // Its `href` property: the attribute resolved against the page, as the option is.
        let href = js_sys::Reflect::get(&link, &"href".into())
            .ok()?
            .as_string()?;
        (href == self.stylesheet).then_some(link)
    }
}
