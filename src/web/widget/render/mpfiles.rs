//! The file parts of the program masterplan panel: the CSV import with its problems by row,
//! and the impact survey section (the form's link per surveyed sub-dimension, the answer
//! files' import and what their aggregation gave).

use web_sys::Element;

use super::super::Inner;
use super::super::dom::attrs;
use crate::view::{self, Mp, mp};

impl Inner {
    fn file_field(
        &self,
        parent: &Element,
        label: Mp,
        field: &str,
        pid: Option<&str>,
        accept: &str,
    ) {
        let d = &self.dom;
        let l = d.add(parent, "label", "swn-btn swn-file", "");
        d.add(&l, "span", "", mp(label, self.lang));
        let input = d.add(&l, "input", "swn-file-input", "");
        attrs(
            &input,
            &[("type", "file"), ("accept", accept), ("data-mp", field)],
        );
        if let Some(pid) = pid {
            attrs(&input, &[("data-pid", pid), ("multiple", "")]);
        }
    }

    fn mp_button(&self, parent: &Element, label: Mp, field: &str, class: &str) -> Element {
        let b = self.dom.add(parent, "button", class, mp(label, self.lang));
        attrs(&b, &[("type", "button"), ("data-mp", field)]);
        b
    }

    /// The CSV import: its file field, and what the last file gave.
    pub(crate) fn render_csv(&self, body: &Element) {
        let d = &self.dom;
        let row = d.add(body, "div", "swn-mp-files", "");
        self.file_field(&row, Mp::ImportCsv, "csv", None, ".csv,text/csv,text/plain");
        d.add(&row, "span", "swn-desc", mp(Mp::ImportCsvHint, self.lang));
        let Some(csv) = &self.mp.files.csv else {
            return;
        };
        let box_ = d.add(body, "div", "swn-notice swn-mp-csv", "");
        attrs(
            &box_,
            &[
                ("data-mp", "csv-report"),
                ("tabindex", "-1"),
                ("role", "group"),
            ],
        );
        let out = match &csv.result {
            Err(p) => {
                let head = format!("{}: {}", mp(Mp::CsvRefused, self.lang), csv.file);
                d.add(&box_, "p", "swn-notice-head", &head);
                d.add(&box_, "p", "swn-warn", p.message.get(self.lang));
                self.mp_button(&box_, Mp::Dismiss, "csv-dismiss", "swn-btn");
                return;
            }
            Ok(out) => out,
        };
        let listed = self.a.masterplan.as_ref().map_or(0, |m| m.programs.len());
        let head = if csv.pending {
            view::csv_replace_question(listed, &csv.file, out.imported, self.lang)
        } else {
            view::csv_summary(&csv.file, out.imported, out.problems.len(), self.lang)
        };
        let h = d.add(&box_, "p", "swn-notice-head", &head);
        attrs(&h, &[("id", "swn-mp-csv-h")]);
        attrs(&box_, &[("aria-labelledby", "swn-mp-csv-h")]);
        if !out.problems.is_empty() {
            let ul = d.add(&box_, "ul", "swn-mp-problems", "");
            for p in &out.problems {
                let li = d.add(&ul, "li", "", &view::csv_problem_line(p, self.lang));
                attrs(&li, &[("data-row", &p.row.to_string())]);
            }
        }
        if csv.pending {
            self.mp_button(&box_, Mp::CsvReplaceYes, "csv-yes", "swn-btn swn-primary");
            self.mp_button(&box_, Mp::RemoveNo, "csv-no", "swn-btn");
        } else {
            self.mp_button(&box_, Mp::Dismiss, "csv-dismiss", "swn-btn");
        }
    }

    /// The impact survey: per surveyed sub-dimension the form's link, the answer files'
    /// import, and the last aggregation's result.
    pub(crate) fn render_survey(&self, body: &Element) {
        let Some(t) = &self.set().masterplan else {
            return;
        };
        if t.survey.is_none() {
            return;
        }
        let d = &self.dom;
        d.add(body, "h4", "", mp(Mp::Survey2, self.lang));
        d.add(body, "p", "swn-desc", mp(Mp::SurveyIntro, self.lang));
        let rows = view::survey_rows(t, self.a.masterplan.as_ref(), self.lang);
        if rows.is_empty() {
            d.add(body, "p", "", mp(Mp::SurveyNone, self.lang));
        }
        let page = web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default();
        let page = page.split('#').next().unwrap_or_default();
        for r in &rows {
            let fs = d.add(body, "fieldset", "swn-mp-program swn-mp-survey", "");
            attrs(&fs, &[("data-survey", &r.id)]);
            let legend = d.add(&fs, "legend", "", "");
            d.add(&legend, "bdi", "", &r.title);
            let p = d.add(&fs, "p", "swn-mp-wide", "");
            d.add(&p, "bdi", "", &r.programs);
            if let Some(invite) = view::survey_invite(self.set(), &self.a, &r.id) {
                let href = format!(
                    "{page}#survei={}",
                    String::from(js_sys::encode_uri_component(&invite))
                );
                let a = d.add(&fs, "a", "swn-btn", mp(Mp::SurveyLink, self.lang));
                attrs(
                    &a,
                    &[
                        ("href", &href),
                        ("target", "_blank"),
                        ("rel", "noopener"),
                        ("data-mp", "survey-link"),
                        ("data-pid", &r.id),
                    ],
                );
            }
            self.file_field(
                &fs,
                Mp::SurveyFiles,
                "survey-files",
                Some(&r.id),
                ".json,application/json",
            );
            if let Some(agg) = self.mp.files.surveys.get(&r.id) {
                let res = d.add(&fs, "div", "swn-mp-wide", "");
                attrs(
                    &res,
                    &[
                        ("data-mp", "survey-result"),
                        ("data-pid", &r.id),
                        ("tabindex", "-1"),
                    ],
                );
                let said = view::survey_result(
                    agg.respondents,
                    agg.value,
                    self.set().scale.decimals,
                    self.lang,
                );
                let p = d.add(&res, "p", "swn-ok", &said);
                attrs(&p, &[("data-respondents", &agg.respondents.to_string())]);
                for (warn, line) in view::survey_problems(agg, self.lang) {
                    let p = d.add(&res, "p", "swn-warn", &line);
                    if warn {
                        attrs(&p, &[("data-few", "")]);
                    }
                }
            }
        }
    }
}
