//! The print section: every indicator with its answer, score, notes and links (the form on
//! screen shows one tab only).

use super::super::Inner;
use super::super::dom::{attrs, clear};
use crate::view::{self, Ui};

impl Inner {
    /// Lists every indicator with its answer, for printing (the form shows one tab only).
    pub(crate) fn render_print(&self) {
        let Ok(Some(sec)) = self.frame.query_selector("[data-swn=print]") else {
            return;
        };
        clear(&sec);
        let d = &self.dom;
        let r = &self.a.region;
        // Each text isolated (<bdi>): an override in the region's name cannot reorder the
        // period or the set's title around it.
        let h = d.add(&sec, "h3", "", "");
        d.add(&h, "bdi", "", self.set().title.get(self.lang));
        d.text(&h, " — ");
        d.add(&h, "bdi", "", &r.name);
        d.text(&h, " ");
        d.add(&h, "bdi", "", &r.period);
        let t = d.add(&sec, "table", "swn-table", "");
        let tr = d.add(&d.add(&t, "thead", "", ""), "tr", "", "");
        for h in [
            "#",
            self.t(Ui::Indicator),
            self.t(Ui::Score),
            self.t(Ui::Notes),
        ] {
            d.add(&tr, "th", "", h);
        }
        let tb = d.add(&t, "tbody", "", "");
        let dec = self.set().scale.decimals;
        for i in 0..self.scorer.indicator_count() {
            let ind = self.scorer.indicator(i);
            let ans = self.a.answers.get(&ind.id);
            let tr = d.add(&tb, "tr", "", "");
            d.add(&tr, "td", "", &(i + 1).to_string());
            let cell = d.add(&tr, "td", "", "");
            d.add(&cell, "bdi", "", ind.title.get(self.lang));
            d.add(
                &cell,
                "div",
                "swn-print-answer",
                &view::answer_text(
                    &ind.answer,
                    self.scorer.current_value(&self.a, i).as_deref(),
                    dec,
                    self.lang,
                ),
            );
            d.add(
                &tr,
                "td",
                "swn-numcell",
                &view::shown(
                    &self.scorer.score_of(self.tally.indicator(i)),
                    dec,
                    self.lang,
                ),
            );
            let ev = ans.map(view::evidence_text).unwrap_or_default();
            let notes = d.add(&tr, "td", "swn-print-notes", &ev);
            attrs(&notes, &[("dir", "auto")]);
        }
    }

    /// Before printing, fills the print section and draws the whole advice plan; after, draws
    /// the plan as the screen shows it.
    pub(crate) fn set_printing(&mut self, on: bool) {
        self.printing = on;
        if on {
            self.render_print();
            self.render_sheet();
        }
        self.render_advice();
    }
}
