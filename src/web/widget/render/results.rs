//! The results: the overall score with its predicate, the radar chart with its table, scores
//! by tag, the compact summary in the sticky bar, and the comparison with last year.

use wasm_bindgen::JsCast;

use super::super::Inner;
use super::super::dom::{attrs, clear};
use crate::num::fixed;
use crate::view::{self, Ui};

/// The radar's radius on screen, in the drawing's units (its shapes are computed on 100).
const RADAR_R: f64 = 56.0;

impl Inner {
    pub(crate) fn render_results(&self) {
        let Ok(Some(sec)) = self.frame.query_selector("[data-swn=results]") else {
            return;
        };
        clear(&sec);
        let d = &self.dom;
        let v = view::results(&self.scorer, &self.tally, &self.answered, self.lang);
        let h = d.add(&sec, "h3", "", self.t(Ui::Results));
        attrs(&h, &[("id", "swn-results-h")]);
        let big = d.add(&sec, "p", "swn-overall", "");
        d.add(&big, "span", "swn-overall-label", &v.index_label);
        let num = d.add(&big, "span", "swn-overall-num", &v.overall);
        attrs(&num, &[("data-swn", "overall")]);
        d.add(&big, "span", "swn-out-of", &v.out_of);
        let pred = d.add(&big, "span", "swn-pred", &v.predicate);
        attrs(&pred, &[("data-swn", "predicate")]);
        // While indicators are unanswered the index is the index so far: said beside it.
        let prov = d.add(
            &sec,
            "p",
            "swn-provisional",
            v.provisional.as_deref().unwrap_or(""),
        );
        attrs(&prov, &[("data-swn", "provisional")]);
        let _ = prov.toggle_attribute_with_force("hidden", v.provisional.is_none());
        if let Some(ev) = view::evidenced(&self.scorer, &self.a, self.lang) {
            let p = d.add(&sec, "p", "swn-evidenced", "");
            d.add(&p, "span", "swn-overall-label", &ev.label);
            let num = d.add(&p, "span", "swn-evidenced-num", &ev.value);
            attrs(&num, &[("data-swn", "evidenced")]);
            d.add(&p, "span", "swn-out-of", &v.out_of);
            let pred = d.add(&p, "span", "swn-pred", &ev.predicate);
            attrs(&pred, &[("data-swn", "evidenced-predicate")]);
        }
        let comp = d.add(&sec, "p", "swn-completeness", &v.completeness);
        attrs(&comp, &[("data-swn", "completeness")]);

        // Radar chart with a data table beside it (the table is the accessible version).
        let wrap = d.add(&sec, "div", "swn-chart", "");
        // Three groups or more: a radar; fewer are read from the bars in the table.
        if v.bars.len() >= 3 {
            self.draw_radar(&wrap, &v);
        }
        let table = d.add(&wrap, "table", "swn-table", "");
        let thead = d.add(&table, "thead", "", "");
        let tr = d.add(&thead, "tr", "", "");
        for h in [
            "#",
            self.set().term(crate::model::Term::Group, self.lang),
            self.t(Ui::Score),
            self.t(Ui::Predicate),
        ] {
            let th = d.add(&tr, "th", "", h);
            attrs(&th, &[("scope", "col")]);
        }
        let tbody = d.add(&table, "tbody", "", "");
        for (k, b) in v.bars.iter().enumerate() {
            let tr = d.add(&tbody, "tr", "", "");
            d.add(&tr, "td", "", &(k + 1).to_string());
            let th = d.add(&tr, "th", "", &b.label);
            attrs(&th, &[("scope", "row")]);
            let td = d.add(&tr, "td", "swn-numcell", "");
            d.add(&td, "span", "", &b.value);
            let bar = d.add(&td, "span", "swn-bar", "");
            attrs(&bar, &[("aria-hidden", "true")]);
            let fill = d.add(&bar, "span", "swn-bar-fill", "");
            if let Some(h) = fill.dyn_ref::<web_sys::HtmlElement>() {
                // CSSOM, not a style attribute: allowed under a strict style-src.
                let _ = h
                    .style()
                    .set_property("width", &(fixed(b.fraction * 100.0, 1) + "%"));
            }
            d.add(&tr, "td", "", &b.predicate);
        }
        let tags = self.scorer.tag_scores(&self.tally);
        if self.set().masterplan.is_some() {
            self.render_pillar_indices(&sec, &tags);
        } else if !tags.is_empty() {
            d.add(&sec, "h4", "", self.t(Ui::ByTag));
            let t = d.add(&sec, "table", "swn-table", "");
            let tb = d.add(&t, "tbody", "", "");
            let name_of = self.set().tag_namer(self.lang);
            for tag in &tags {
                let tr = d.add(&tb, "tr", "", "");
                let th = d.add(&tr, "th", "", name_of(&tag.tag));
                attrs(&th, &[("scope", "row")]);
                d.add(
                    &tr,
                    "td",
                    "swn-numcell",
                    &view::shown(&tag.score, self.set().scale.decimals, self.lang),
                );
                d.add(&tr, "td", "", &view::predicate(&tag.score, self.lang));
            }
        }
        self.update_summary_mini(&v);
        self.render_sheet();
    }

    /// The radar chart: one axis per top-level group, named by its short name, and rings
    /// marked with the scores they stand for. The drawing (computed on a radius of 100) is
    /// scaled down to [`RADAR_R`] so that names of 16 letters fit beside it at a readable
    /// size in a phone's width: the text stays outside the scaled group, at full size.
    fn draw_radar(&self, wrap: &web_sys::Element, v: &view::ResultsView) {
        let d = &self.dom;
        let svg = d.svg(
            wrap,
            "svg",
            &[
                ("viewBox", "-170 -82 340 164"),
                ("role", "img"),
                ("class", "swn-radar"),
            ],
        );
        let title = d.svg(&svg, "title", &[]);
        title.set_text_content(Some(self.t(Ui::Chart)));
        let g = d.svg(
            &svg,
            "g",
            &[("transform", &format!("scale({})", RADAR_R / 100.0))],
        );
        let n = v.bars.len();
        for (r, label) in view::radar_rings(&self.set().scale, self.lang) {
            d.svg(
                &g,
                "polygon",
                &[
                    ("points", &view::radar_points(&vec![r; n], 100.0)),
                    ("class", "swn-grid"),
                ],
            );
            let t = d.svg(
                &svg,
                "text",
                &[
                    ("x", "3"),
                    ("y", &fixed(-RADAR_R * r + 3.0, 1)),
                    ("class", "swn-ring-label"),
                ],
            );
            t.set_text_content(Some(&label));
        }
        for (k, bar) in v.bars.iter().enumerate() {
            let (x, y) = view::radar_xy(k as f64 / n as f64, 100.0);
            d.svg(
                &g,
                "line",
                &[
                    ("x1", "0"),
                    ("y1", "0"),
                    ("x2", &fixed(x, 1)),
                    ("y2", &fixed(y, 1)),
                    ("class", "swn-axis"),
                ],
            );
            let (lx, ly) = view::radar_xy(k as f64 / n as f64, RADAR_R + 6.0);
            let anchor = if lx > 5.0 {
                "start"
            } else if lx < -5.0 {
                "end"
            } else {
                "middle"
            };
            let t = d.svg(
                &svg,
                "text",
                &[
                    ("x", &fixed(lx, 1)),
                    ("y", &fixed(ly + 4.0, 1)),
                    ("text-anchor", anchor),
                    ("class", "swn-axis-label"),
                ],
            );
            t.set_text_content(Some(&view::axis_name(&bar.label)));
        }
        d.svg(
            &g,
            "polygon",
            &[("points", &v.radar), ("class", "swn-area")],
        );
    }

    pub(crate) fn update_summary_mini(&self, v: &view::ResultsView) {
        if let Ok(Some(mini)) = self.frame.query_selector("[data-mini]") {
            mini.set_text_content(Some(&format!(
                "{}: {} {} · {}",
                v.index_label, v.overall, v.predicate, v.answered_of_total
            )));
        }
    }

    /// Updates the overall score, predicate, completeness and the status announcement in place.
    pub(crate) fn update_summary(&self) {
        let v = view::results(&self.scorer, &self.tally, &self.answered, self.lang);
        let set = |sel: &str, text: &str| {
            if let Ok(Some(e)) = self.frame.query_selector(sel) {
                e.set_text_content(Some(text));
            }
        };
        set("[data-swn=overall]", &v.overall);
        set("[data-swn=predicate]", &v.predicate);
        set("[data-swn=completeness]", &v.completeness);
        set(
            "[data-swn=provisional]",
            v.provisional.as_deref().unwrap_or(""),
        );
        if let Ok(Some(p)) = self.frame.query_selector("[data-swn=provisional]") {
            let _ = p.toggle_attribute_with_force("hidden", v.provisional.is_none());
        }
        if let Some(ev) = view::evidenced(&self.scorer, &self.a, self.lang) {
            set("[data-swn=evidenced]", &ev.value);
            set("[data-swn=evidenced-predicate]", &ev.predicate);
        }
        self.announce(&v.announcement);
        self.update_summary_mini(&v);
    }

    pub(crate) fn render_compare(&self) {
        let Ok(Some(sec)) = self.frame.query_selector("[data-swn=compare]") else {
            return;
        };
        clear(&sec);
        let d = &self.dom;
        let h = d.add(&sec, "h3", "", self.t(Ui::Compare));
        attrs(&h, &[("id", "swn-compare-h")]);
        // Without last year's file the section only explains the button: not for paper.
        let _ = sec.toggle_attribute_with_force("data-empty", self.previous.is_none());
        let Some(prev) = &self.previous else {
            d.add(&sec, "p", "", self.t(Ui::CompareHint));
            return;
        };
        self.render_previous_source(&sec);
        self.render_proposed(&sec);
        let c = crate::compare(self.set(), &prev.assessment, &self.a);
        let rows = view::comparison(self.set(), &c, self.lang);
        let t = d.add(&sec, "table", "swn-table", "");
        let tr = d.add(&d.add(&t, "thead", "", ""), "tr", "", "");
        for h in [
            self.set().term(crate::model::Term::Group, self.lang),
            self.t(Ui::LastYear),
            self.t(Ui::ThisYear),
            self.t(Ui::Change),
        ] {
            let th = d.add(&tr, "th", "", h);
            attrs(&th, &[("scope", "col")]);
        }
        let tb = d.add(&t, "tbody", "", "");
        for (k, r) in rows.iter().enumerate() {
            let tr = d.add(&tb, "tr", if k == 0 { "swn-total" } else { "" }, "");
            let th = d.add(&tr, "th", "", &r.label);
            attrs(&th, &[("scope", "row")]);
            d.add(&tr, "td", "swn-numcell", &r.previous);
            d.add(&tr, "td", "swn-numcell", &r.current);
            let ch = d.add(&tr, "td", "swn-numcell", &r.change);
            if k == 0 {
                attrs(&ch, &[("data-swn", "delta")]);
            }
        }
    }
}
