//! Accessibility: announcements through the polite status region, keyboard focus kept
//! across redraws, and fields kept out from under the sticky bar.

use std::cell::{Cell, RefCell};

use wasm_bindgen::JsCast;
use web_sys::Element;

use super::Inner;
use super::dom::focus;
use crate::model::Lang;
use crate::view::Ui;

/// Announcements and the live region that says them.
#[derive(Default)]
pub(crate) struct Speech {
    /// The live region was just drawn: screen readers miss text put into a region they have
    /// not seen yet, so announcements wait (in `later`) for the next tick.
    pub fresh: Cell<bool>,
    /// With its language: one the official switched away from since is dropped (what it said
    /// is on screen in the notices, in the new language).
    pub later: RefCell<Option<(Lang, String)>>,
}

impl Inner {
    /// A selector for the focused element of the widget that finds it again after a redraw.
    pub(crate) fn focus_key(&self) -> Option<String> {
        let el = self.root.active_element()?;
        let attr = |name: &str| el.get_attribute(name);
        if let Some(act) = attr("data-act") {
            return Some(match attr("data-i") {
                Some(i) => format!("[data-act=\"{act}\"][data-i=\"{i}\"]"),
                None => format!("[data-act=\"{act}\"]"),
            });
        }
        if let Some(f) = attr("data-mp") {
            return Some(match attr("data-pid") {
                Some(p) => format!("[data-mp=\"{f}\"][data-pid=\"{p}\"]"),
                None => format!("[data-mp=\"{f}\"]"),
            });
        }
        if let Some(key) = attr("data-region") {
            return Some(format!("[data-region=\"{key}\"]"));
        }
        if let Some(k) = attr("data-tab") {
            return Some(format!("[data-tab=\"{k}\"]"));
        }
        let (i, f) = (attr("data-i")?, attr("data-f")?);
        Some(match attr("type").as_deref() {
            // Radio values are level numbers or true/false, never quotes.
            Some("radio") => format!(
                "[data-i=\"{i}\"][data-f=\"{f}\"][value=\"{}\"]",
                attr("value").unwrap_or_default()
            ),
            _ => format!("[data-i=\"{i}\"][data-f=\"{f}\"]"),
        })
    }

    /// Focuses the first element matching one of `selectors`; false if none matched.
    pub(crate) fn focus_first(&self, selectors: &[&str]) -> bool {
        for sel in selectors {
            if let Ok(Some(e)) = self.frame.query_selector(sel) {
                focus(&e);
                return true;
            }
        }
        false
    }

    /// Says `text` through the polite status region; while changes cannot be saved, says so too.
    pub(crate) fn announce(&self, text: &str) {
        if self.speech.fresh.get() {
            *self.speech.later.borrow_mut() = Some((self.lang, text.to_string()));
            return;
        }
        if let Ok(Some(status)) = self.frame.query_selector("[data-swn=status]") {
            let mut text = if self.saving.due() && self.blocked() {
                format!("{text} {}.", self.t(Ui::Unsaved))
            } else {
                text.to_string()
            };
            // The same words again (a second failed import): a change makes them heard again.
            if status.text_content().as_deref() == Some(text.as_str()) {
                text.push('\u{a0}');
            }
            status.set_text_content(Some(&text));
        }
    }

    /// The sticky bar wraps to two or three lines on a phone: what scrolls into view stops
    /// below its measured height (`--swn-bar`, read by `scroll-margin-top`). Returns the
    /// bar, if there is one.
    pub(crate) fn measure_bar(&self) -> Option<web_sys::HtmlElement> {
        let bar = self.frame.query_selector(".swn-sticky").ok().flatten()?;
        let bar = bar.dyn_into::<web_sys::HtmlElement>().ok()?;
        if let Some(frame) = self.frame.dyn_ref::<web_sys::HtmlElement>() {
            let h = format!("{}px", bar.offset_height());
            let _ = frame.style().set_property("--swn-bar", &h);
        }
        Some(bar)
    }

    /// A field that takes focus while (partly) under the sticky bar is scrolled to just below
    /// it: browsers scroll a focused element only when none of it is in view, so Shift+Tab
    /// upwards would leave the field being typed into hidden behind the bar.
    pub(crate) fn unhide(&self, el: &Element) {
        // Focus by mouse or touch: moving the page between mousedown and mouseup loses the click.
        if !el.matches(":focus-visible").unwrap_or(true) {
            return;
        }
        let Some(bar) = self.measure_bar() else {
            return;
        };
        if bar.contains(Some(el)) {
            return;
        }
        let (b, r) = (
            bar.get_bounding_client_rect(),
            el.get_bounding_client_rect(),
        );
        let across = r.left() < b.right() && r.right() > b.left();
        if across && r.top() < b.bottom() && r.bottom() > b.top() {
            let o = web_sys::ScrollIntoViewOptions::new();
            o.set_block(web_sys::ScrollLogicalPosition::Nearest);
            el.scroll_into_view_with_scroll_into_view_options(&o);
        }
    }
}
