//! The form in the page: switching tabs, drawing a tab's cards (by [`view::Form`], the
//! drawing the first screen shares with `swanilai prerender`), and bringing a card's score
//! line, criteria and buttons up to date after a change.

use wasm_bindgen::JsCast;
use web_sys::Element;

use super::super::dom::{attrs, clear, focus};
use super::super::{CARD_CHUNK, Inner};
use crate::view::{self, Action};

impl Inner {
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
                } else if on {
                    show_in_row(&tab);
                }
            }
        }
        self.update_tab_counts();
        self.render_panel();
    }

    pub(crate) fn update_tab_counts(&self) {
        let form = self.form();
        for k in 0..self.set().groups.len() {
            if let Ok(Some(c)) = self.frame.query_selector(&format!("[data-count=\"{k}\"]")) {
                c.set_text_content(Some(&form.tab_count(k)));
            }
        }
    }

    /// Draws the current tab's cards into the tab panel ([`view::Form::panel`]).
    pub(crate) fn render_panel(&self) {
        let Ok(Some(panel)) = self.frame.query_selector("#swn-panel") else {
            return;
        };
        clear(&panel);
        self.form().panel(&self.dom, &panel);
        self.empty_generated_hint();
    }

    /// The document-order index of the current tab's first indicator.
    pub(crate) fn tab_first(&self) -> usize {
        self.form().tab_first()
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
        let form = self.form();
        for k in 0..list.length() {
            let Some(b) = list.item(k).and_then(|n| n.dyn_into::<Element>().ok()) else {
                continue;
            };
            let level = b
                .get_attribute("data-level")
                .and_then(|l| crate::num::parse(&l));
            let _ = b.toggle_attribute_with_force("hidden", !form.level_shown(i, level));
        }
        if let Ok(Some(t)) = card.query_selector(".swn-lvl-toggle") {
            let (label, expanded) = form.levels_toggle(i);
            t.set_text_content(Some(label));
            attrs(&t, &[("aria-expanded", expanded)]);
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
        let form = self.form();
        sc.set_text_content(Some(&form.score_line(i)));
        if let Some(flag) = flag {
            let _ = flag.toggle_attribute_with_force("hidden", !form.evidence_missing(i));
        }
        if let Ok(Some(card)) = sc.closest(".swn-ind") {
            self.show_levels(&card, i);
            show_proposed(&self.dom, &card, form.proposed_mark(i));
            // Nothing to clear: no answer, no refused number text.
            if let Ok(Some(b)) = card.query_selector(&Action::Clear.selector()) {
                let _ = b.toggle_attribute_with_force("hidden", !form.clearable(i));
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

/// Scrolls the tab row sideways, if need be, so that `tab` is in view (a focused tab is
/// scrolled there by the browser). Only the row moves: the page stays where it is.
fn show_in_row(tab: &Element) {
    let Some(row) = tab.parent_element() else {
        return;
    };
    let (t, r) = (
        tab.get_bounding_client_rect(),
        row.get_bounding_client_rect(),
    );
    let by = if t.left() < r.left() {
        t.left() - r.left()
    } else if t.right() > r.right() {
        t.right() - r.right()
    } else {
        return;
    };
    row.set_scroll_left(row.scroll_left() + by.round() as i32);
}

/// Marks the number field in `card` as proposed from last year's file with `mark`, or unmarks
/// it (what [`view::Form`] draws with the card, kept in step as proposals are settled).
fn show_proposed(d: &crate::web::dom::Dom, card: &Element, mark: Option<String>) {
    let Ok(Some(field)) = card.query_selector("[data-f=\"num\"]") else {
        return;
    };
    let Some(wrap) = field.parent_element() else {
        return;
    };
    if let Ok(Some(old)) = wrap.query_selector(&format!(".{}", view::PROPOSED_MARK)) {
        old.remove();
    }
    let _ = field.toggle_attribute_with_force("data-proposed", mark.is_some());
    if let Some(mark) = mark {
        d.add(&wrap, "span", view::PROPOSED_MARK, &mark);
    }
}
