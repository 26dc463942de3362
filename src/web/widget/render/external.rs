//! An indicator whose level is taken from another agency's evaluation: the agency named on
//! its card, and fields for the agency's published result, its year and its source.

use web_sys::Element;

use super::super::dom::{attrs, set_value};
use super::super::{Emits, Inner};
use crate::round::format_number;
use crate::view;

impl Inner {
    /// Draws indicator `i`'s agency line and result fields (nothing for other indicators).
    pub(crate) fn render_external(&self, fs: &Element, i: usize) {
        let ind = self.scorer.indicator(i);
        let Some(ext) = &ind.external else {
            return;
        };
        let d = &self.dom;
        let lang = self.lang;
        let box_ = d.add(fs, "div", "swn-external", "");
        let from_result = ext.mapping.is_some();
        d.add(
            &box_,
            "p",
            "swn-external-from",
            &view::taken_from(&ext.agency, from_result, lang),
        );
        d.add(&box_, "p", "swn-desc", ext.source.get(lang));
        let got = self
            .a
            .answers
            .get(&ind.id)
            .and_then(|a| a.external.as_ref());
        let (result_l, year_l, source_l) = view::external_labels(lang);
        for (field, label, value, mode) in [
            (
                "ext-result",
                result_l,
                got.and_then(|e| e.result)
                    .map(|r| format_number(r, 2, lang))
                    .unwrap_or_default(),
                "decimal",
            ),
            (
                "ext-year",
                year_l,
                got.and_then(|e| e.year)
                    .map(|y| y.to_string())
                    .unwrap_or_default(),
                "numeric",
            ),
            (
                "ext-source",
                source_l,
                got.map(|e| e.source.clone()).unwrap_or_default(),
                "url",
            ),
        ] {
            let l = d.add(&box_, "label", "swn-field", "");
            d.add(&l, "span", "", label);
            let input = d.add(&l, "input", "", "");
            attrs(
                &input,
                &[
                    ("type", "text"),
                    ("inputmode", mode),
                    ("data-i", &i.to_string()),
                    ("data-f", field),
                ],
            );
            set_value(&input, &value);
        }
    }

    /// The agency's result, year or source typed: kept as typed where it reads, saved.
    pub(crate) fn on_external(&mut self, i: usize, field: &str, text: &str) -> Emits {
        let id = self.scorer.indicator(i).id.clone();
        let lang = self.lang;
        let answer = self.a.answers.entry(id.clone()).or_default();
        let ext = answer.external.get_or_insert_with(Default::default);
        match field {
            "ext-result" => ext.result = view::parse_number(text, lang),
            "ext-year" => ext.year = text.trim().parse().ok(),
            _ => ext.source = text.trim().to_string(),
        }
        self.touch();
        self.rescored(i)
    }
}
