//! The result sheet drawn for paper (hidden on screen), and the document-level print rule
//! that keeps the host page's header, navigation and footer off the paper.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

use super::super::Inner;
use super::super::dom::{attrs, clear};
use crate::view;

/// Marks the path from the page's root to the widget; in print, everything beside it is
/// hidden (a constructed stylesheet: allowed under a strict CSP, unlike a style element).
const PATH_ATTR: &str = "data-swn-print-path";
const PAGE_RULES: &str = "@media print { [data-swn-print-path] > :not([data-swn-print-path]) \
     { display: none !important; } [data-swn-print-path] { margin: 0 !important; \
     padding: 0 !important; border: 0 !important; max-width: none !important; \
     box-shadow: none !important; } }";

impl Inner {
    /// Draws the result sheet: facts, the index both ways, groups, one row per indicator and
    /// the signature block (redrawn with the results, so that a print without `beforeprint`
    /// is current).
    pub(crate) fn render_sheet(&self) {
        let Ok(Some(sec)) = self.frame.query_selector("[data-swn=sheet]") else {
            return;
        };
        clear(&sec);
        let d = &self.dom;
        let s = view::sheet(&self.scorer, &self.a, &today(self.lang), self.lang);
        d.add(&sec, "h3", "swn-sheet-h", &s.heading);
        d.add(&sec, "p", "swn-sheet-set", &s.set_title);
        let facts = d.add(&sec, "table", "swn-sheet-facts", "");
        let tb = d.add(&facts, "tbody", "", "");
        for (label, value) in &s.facts {
            let tr = d.add(&tb, "tr", "", "");
            let th = d.add(&tr, "th", "", label);
            attrs(&th, &[("scope", "row")]);
            d.add(&tr, "td", "", value);
        }
        let idx = d.add(&sec, "table", "swn-sheet-index", "");
        let tb = d.add(&idx, "tbody", "", "");
        for (label, value, pred) in &s.index {
            let tr = d.add(&tb, "tr", "", "");
            let th = d.add(&tr, "th", "", label);
            attrs(&th, &[("scope", "row")]);
            d.add(&tr, "td", "swn-numcell", value);
            d.add(&tr, "td", "", pred);
        }
        if let Some(p) = &s.provisional {
            d.add(&sec, "p", "swn-sheet-provisional", p);
        }
        let table = |head: &[String], rows: &mut dyn Iterator<Item = Vec<&str>>| {
            let t = d.add(&sec, "table", "swn-table swn-sheet-table", "");
            let tr = d.add(&d.add(&t, "thead", "", ""), "tr", "", "");
            for h in head {
                let th = d.add(&tr, "th", "", h);
                attrs(&th, &[("scope", "col")]);
            }
            let tb = d.add(&t, "tbody", "", "");
            for row in rows {
                let tr = d.add(&tb, "tr", "", "");
                for (k, cell) in row.iter().enumerate() {
                    d.add(&tr, "td", if k == 1 { "" } else { "swn-numcell" }, cell);
                }
            }
        };
        table(
            &s.group_head,
            &mut s
                .groups
                .iter()
                .map(|g| g.iter().map(String::as_str).collect()),
        );
        table(
            &s.indicator_head,
            &mut s.indicators.iter().map(|r| {
                vec![
                    r.number.as_str(),
                    r.title.as_str(),
                    r.claimed.as_str(),
                    r.evidenced.as_str(),
                    r.missing.as_str(),
                ]
            }),
        );
        let sign = d.add(&sec, "div", "swn-sign", "");
        d.add(&sign, "p", "swn-sign-date", &s.place_date);
        let row = d.add(&sign, "div", "swn-sign-row", "");
        for (role, name) in &s.signers {
            let who = d.add(&row, "div", "swn-signer", "");
            d.add(&who, "p", "", role);
            d.add(&who, "div", "swn-sign-space", "");
            let name = if name.is_empty() {
                "(................................)"
            } else {
                name.as_str()
            };
            d.add(&who, "p", "swn-sign-name", name);
        }
    }

    /// Marks the path from the page's root to this widget and adds the page's print rule once.
    pub(crate) fn keep_page_off_paper(&self) {
        let host = self.root.host();
        let mut at: Option<Element> = Some(host);
        while let Some(e) = at {
            let _ = e.set_attribute(PATH_ATTR, "");
            at = e.parent_element();
        }
        let doc = &self.dom.doc;
        let Some(html) = doc.document_element() else {
            return;
        };
        if html.has_attribute("data-swn-print-rules") {
            return;
        }
        if add_sheet(doc, PAGE_RULES).is_ok() {
            let _ = html.set_attribute("data-swn-print-rules", "");
        }
    }
}

/// Adds `rules` to the document as a constructed stylesheet (`document.adoptedStyleSheets`).
fn add_sheet(doc: &web_sys::Document, rules: &str) -> Result<(), JsValue> {
    let global = js_sys::global();
    let ctor: js_sys::Function =
        js_sys::Reflect::get(&global, &"CSSStyleSheet".into())?.dyn_into()?;
    let sheet = js_sys::Reflect::construct(&ctor, &js_sys::Array::new())?;
    let replace: js_sys::Function =
        js_sys::Reflect::get(&sheet, &"replaceSync".into())?.dyn_into()?;
    replace.call1(&sheet, &rules.into())?;
    let key: JsValue = "adoptedStyleSheets".into();
    let list: js_sys::Array = js_sys::Reflect::get(doc, &key)?.dyn_into()?;
    let list = list.concat(&js_sys::Array::of1(&sheet));
    js_sys::Reflect::set(doc, &key, &list)?;
    Ok(())
}

/// Today's date as a letter writes it, in the browser's time zone.
fn today(lang: crate::model::Lang) -> String {
    let now = js_sys::Date::new_0();
    view::letter_date(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
        lang,
    )
}
