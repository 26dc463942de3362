//! Files of the program masterplan panel: a CSV of programs read through the core's parser
//! (problems listed by row, the good rows kept, asking before it replaces a list), and the
//! impact survey's answer files, several at once, aggregated into a sub-dimension's Impact
//! answer by the core. Nothing leaves the device: files come in through file fields.

use std::collections::BTreeMap;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlInputElement};

use super::events::emit;
use super::{Emits, Inner};
use crate::problem::Problem;
use crate::programs::{ProgramsImport, import_programs};
use crate::survey::{Aggregation, SurveyFile, aggregate, apply};
use crate::view::{Mp, mp};

#[wasm_bindgen]
extern "C" {
    /// `Promise.prototype.then.call(promise, on_ok, on_err)` with plain JS functions.
    #[wasm_bindgen(js_namespace = ["Promise", "prototype", "then"], js_name = call)]
    fn then_either(promise: &JsValue, on_ok: &JsValue, on_err: &JsValue) -> JsValue;
}

/// A CSV of programs as read: the import, or why the whole file was refused; `pending`
/// while it waits for the official to confirm replacing the list.
#[derive(Debug)]
pub(crate) struct CsvRead {
    pub file: String,
    pub result: Result<ProgramsImport, Problem>,
    pub pending: bool,
}

/// The files' state in the panel.
#[derive(Debug, Default)]
pub(crate) struct MpFiles {
    /// The last CSV read.
    pub csv: Option<CsvRead>,
    /// The last survey aggregation per sub-dimension.
    pub surveys: BTreeMap<String, Aggregation>,
}

/// The files chosen in a file field, with their texts once read, handed to `then` (once).
fn read_files(
    el: &Element,
    weak: Option<std::rc::Weak<std::cell::RefCell<Option<Inner>>>>,
    then: impl FnOnce(&mut Inner, Vec<SurveyFile>) -> Emits + 'static,
) {
    let Some(input) = el.dyn_ref::<HtmlInputElement>() else {
        return;
    };
    let Some(list) = input.files() else {
        return;
    };
    let files: Vec<web_sys::File> = (0..list.length()).filter_map(|k| list.get(k)).collect();
    input.set_value("");
    if files.is_empty() {
        return;
    }
    let names: Vec<String> = files.iter().map(web_sys::File::name).collect();
    let texts = js_sys::Array::new();
    for f in &files {
        texts.push(&f.text());
    }
    let all = js_sys::Promise::all(&texts);
    // One callback for both outcomes (the texts, or an error: nothing happens), called once.
    let done = Closure::once_into_js(move |got: JsValue| {
        if !js_sys::Array::is_array(&got) {
            return;
        }
        let got = js_sys::Array::from(&got);
        let read: Vec<SurveyFile> = names
            .into_iter()
            .zip(got.iter())
            .map(|(name, t)| SurveyFile {
                name,
                text: t.as_string().unwrap_or_default(),
            })
            .collect();
        if let Some(cell) = weak.and_then(|w| w.upgrade()) {
            let emits = match cell.borrow_mut().as_mut() {
                Some(st) => then(st, read),
                None => Vec::new(),
            };
            emit(&cell, emits);
        }
    });
    let _ = then_either(&all, &done, &done);
}

impl Inner {
    /// Reads the CSV chosen in the panel's file field.
    pub(crate) fn read_csv(&mut self, el: &Element) -> Emits {
        read_files(el, self.self_weak.clone(), |st, files| {
            match files.first() {
                Some(f) => st.csv_read(&f.name, &f.text),
                None => vec![],
            }
        });
        vec![]
    }

    /// A CSV's text: imported at once into an empty list, else held until confirmed.
    pub(crate) fn csv_read(&mut self, name: &str, text: &str) -> Emits {
        let listed = self.a.masterplan.as_ref().map_or(0, |m| m.programs.len());
        let result = import_programs(self.set(), text, &self.a);
        let pending = result.is_ok() && listed > 0;
        let ok = result.is_ok();
        self.mp.files.csv = Some(CsvRead {
            file: name.to_string(),
            result,
            pending,
        });
        if ok && !pending {
            return self.csv_confirm();
        }
        self.render_masterplan();
        let at = if pending {
            "[data-mp=csv-yes]"
        } else {
            "[data-mp=csv-report]"
        };
        self.focus_first(&[at]);
        vec![]
    }

    /// Replaces the program list with the CSV's (its answers stay, keyed on program ids).
    pub(crate) fn csv_confirm(&mut self) -> Emits {
        let Some(CsvRead {
            result: Ok(out),
            pending,
            ..
        }) = self.mp.files.csv.as_mut()
        else {
            return vec![];
        };
        *pending = false;
        let m = out.masterplan.clone();
        self.a.masterplan = Some(m);
        let emits = self.programs_changed(true, false);
        self.focus_first(&["[data-mp=csv-report]"]);
        emits
    }

    /// Forgets the CSV read.
    pub(crate) fn csv_dismiss(&mut self) -> Emits {
        self.mp.files.csv = None;
        self.render_masterplan();
        self.focus_first(&["[data-mp=csv]"]);
        vec![]
    }

    /// Reads the survey files chosen for sub-dimension `sub`.
    pub(crate) fn read_survey(&mut self, el: &Element, sub: String) -> Emits {
        read_files(el, self.self_weak.clone(), move |st, files| {
            st.survey_read(&sub, &files)
        });
        vec![]
    }

    /// Aggregates respondents' files into `sub`'s Impact answer (the core's aggregation), and
    /// says how many were counted and what was refused.
    pub(crate) fn survey_read(&mut self, sub: &str, files: &[SurveyFile]) -> Emits {
        let agg = match aggregate(self.set(), &self.a, sub, files) {
            Ok(agg) => agg,
            Err(p) => {
                self.announce(p.message.get(self.lang));
                return vec![];
            }
        };
        apply(&mut self.a, &agg);
        let said = crate::view::survey_result(
            agg.respondents,
            agg.value,
            self.set().scale.decimals,
            self.lang,
        );
        self.mp.files.surveys.insert(sub.to_string(), agg);
        let emits = self.programs_changed(true, false);
        self.focus_first(&[&format!("[data-mp=survey-result][data-pid=\"{sub}\"]")]);
        self.announce(&format!("{}: {said}", mp(Mp::Survey2, self.lang)));
        emits
    }
}
