//! An indicator whose level is taken from another agency's evaluation (its card drawn by
//! [`crate::view::Form`]): what the official types for the agency's published result, its
//! year and its source.

use super::super::{Emits, Inner};
use crate::view;

impl Inner {
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
