//! Finding the way through a long form: the next unanswered indicator, the next group, the
//! way back after following a link to an indicator, every level's criteria on request, and
//! the tab and indicator kept across a reload (in `sessionStorage`, beside the save).

use std::collections::BTreeSet;

use web_sys::Element;

use super::Inner;
use super::dom::focus;
use crate::view::{self, Action, Place, Ui};

/// The widget's wayfinding state.
pub(crate) struct Nav {
    /// The `sessionStorage` key of the place kept for a reload.
    key: String,
    /// Where the official is: the tab on screen and the indicator last worked on.
    pub place: Place,
    /// Where she was before following a link to an indicator: the selector of the control
    /// she followed it from, the page's scroll position and the place.
    back: Option<(Option<String>, f64, Place)>,
    /// Indicators whose card shows every level's criteria.
    pub levels_open: BTreeSet<usize>,
}

impl Nav {
    pub(crate) fn new(storage_key: &str) -> Nav {
        Nav {
            key: format!("{storage_key}:place"),
            place: Place::default(),
            back: None,
            levels_open: BTreeSet::new(),
        }
    }
}

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

fn scroll_y() -> f64 {
    web_sys::window()
        .and_then(|w| w.scroll_y().ok())
        .unwrap_or(0.0)
}

impl Inner {
    /// The indicators per tab, for [`view::tab_of`].
    pub(crate) fn tab_counts(&self) -> Vec<usize> {
        (0..self.set().groups.len())
            .map(|k| self.scorer.top_group_indicator_count(k))
            .collect()
    }

    /// Keeps where the official is, for a reload: the tab on screen and, when `indicator`
    /// is given, the indicator she works on. Writes only when something changed.
    pub(crate) fn remember_place(&mut self, indicator: Option<usize>) {
        let counts = self.tab_counts();
        let place = Place {
            tab: self.tab,
            // An indicator on another tab is no longer where the official is.
            indicator: indicator
                .or(self.nav.place.indicator)
                .filter(|i| view::tab_of(*i, &counts) == self.tab),
        };
        if place == self.nav.place {
            return;
        }
        self.nav.place = place;
        if let Some(s) = session() {
            let _ = s.set_item(&self.nav.key, &place.to_text());
        }
    }

    /// After a reload: the tab and the indicator the official last worked on, focused.
    pub(crate) fn restore_place(&mut self) {
        let Some(text) = session().and_then(|s| s.get_item(&self.nav.key).ok().flatten()) else {
            return;
        };
        let n = self.scorer.indicator_count();
        let Some(place) = Place::parse(&text, self.set().groups.len(), n) else {
            return;
        };
        self.nav.place = place;
        match place.indicator {
            Some(i) => self.goto(i),
            None => self.select_tab(place.tab, false),
        }
    }

    /// The indicator a focused element belongs to, if it is in a card.
    pub(crate) fn indicator_of(&self, el: &Element) -> Option<usize> {
        let card = el.closest(".swn-ind").ok().flatten()?;
        card.id().strip_prefix("swn-i-")?.parse().ok()
    }

    /// "Next unanswered": the next unanswered indicator after the one being worked on, or a
    /// word that none is left.
    pub(crate) fn next_unanswered(&mut self) {
        match view::next_unanswered(&self.answered, self.nav.place.indicator) {
            Some(i) => {
                self.say_nav("");
                self.goto(i);
                self.remember_place(Some(i));
            }
            None => {
                let done = self.t(Ui::AllAnswered);
                self.say_nav(done);
                self.announce(done);
            }
        }
    }

    /// "Next group": the next tab (the first after the last), at its first indicator.
    pub(crate) fn next_group(&mut self) {
        let n = self.set().groups.len();
        if n == 0 {
            return;
        }
        let first: usize = self.tab_counts()[..(self.tab + 1) % n].iter().sum();
        self.say_nav("");
        self.goto(first);
        self.remember_place(Some(first));
    }

    /// Follows a link to indicator `i` (advice, the check), remembering where the official
    /// was so that "back" returns there.
    pub(crate) fn follow(&mut self, i: usize, from: &Element) {
        let selector =
            from.get_attribute("data-act")
                .map(|act| match from.get_attribute("data-i") {
                    Some(k) => format!("[data-act=\"{act}\"][data-i=\"{k}\"]"),
                    None => format!("[data-act=\"{act}\"]"),
                });
        self.nav.back = Some((selector, scroll_y(), self.nav.place));
        // The button first: the bar's height with it decides where the card stops.
        self.show_back();
        self.goto(i);
        self.remember_place(Some(i));
    }

    /// "Back": to the tab, the scroll position and the control the official followed a link
    /// from (when it is still there; the advice may have changed meanwhile).
    pub(crate) fn go_back(&mut self) {
        let Some((selector, y, place)) = self.nav.back.take() else {
            return;
        };
        if place.tab != self.tab {
            self.select_tab(place.tab, false);
        }
        self.remember_place(place.indicator);
        // The button goes first: the bar it leaves changes the height of what is above.
        self.show_back();
        if let Some(w) = web_sys::window() {
            w.scroll_to_with_x_and_y(w.scroll_x().unwrap_or(0.0), y);
        }
        let target = selector
            .and_then(|sel| self.frame.query_selector(&sel).ok().flatten())
            .or_else(|| {
                let i = place.indicator?;
                self.frame
                    .query_selector(&format!("#swn-i-{i} input, #swn-i-{i} select"))
                    .ok()
                    .flatten()
            });
        match target {
            Some(el) => focus_in_place(&el),
            None => {
                self.focus_first(&[".swn-title"]);
            }
        }
    }

    /// Shows the "back" button in the sticky bar while there is a way back.
    pub(crate) fn show_back(&self) {
        if let Ok(Some(b)) = self.frame.query_selector(&Action::Back.selector()) {
            let _ = b.toggle_attribute_with_force("hidden", self.nav.back.is_none());
        }
    }

    /// The sticky bar's short message (that no unanswered indicator is left), or none.
    fn say_nav(&self, text: &str) {
        if let Ok(Some(m)) = self.frame.query_selector("[data-nav-msg]") {
            m.set_text_content(Some(text));
        }
    }

    /// Shows or folds every level's criteria on indicator `i`'s card.
    pub(crate) fn toggle_levels(&mut self, i: usize) {
        if !self.nav.levels_open.remove(&i) {
            self.nav.levels_open.insert(i);
        }
        if let Ok(Some(card)) = self.frame.query_selector(&format!("#swn-i-{i}")) {
            self.show_levels(&card, i);
        }
    }
}

/// Focuses `el` without scrolling: the page was just put back where it was.
pub(crate) fn focus_in_place(el: &Element) {
    use wasm_bindgen::JsCast;
    let Some(h) = el.dyn_ref::<web_sys::HtmlElement>() else {
        focus(el);
        return;
    };
    let o = web_sys::FocusOptions::new();
    o.set_prevent_scroll(true);
    let _ = h.focus_with_options(&o);
}
