//! Last year's file: opened by the official (asked first when one is kept already or its
//! content was altered), given by the page, or kept from an earlier session; the one it
//! replaces is kept under a backup key, and the comparison says which file it uses and whether
//! that file arrived intact (see [`crate::autosave::previous`] and [`view::judge_previous`]).

use wasm_bindgen::JsValue;
use web_sys::Element;

use super::super::store::LocalStorage;
use super::dom::attrs;
use super::{Emits, Inner, Notice};
use crate::autosave::{self, Previous, PreviousTold};
use crate::export::Integrity;
use crate::view::{self, Action, Opened, ReadInPart, Ui};
use crate::{Assessment, IndicatorSet, Problem};

/// Last year's file waiting for the official's answer: what would be kept, and the file's
/// text when it was read only in part (kept under `:import:` once used).
pub(crate) struct PendingPrevious {
    pub previous: Previous,
    pub original: Option<String>,
}

/// What the page gave (an object or a JSON text), read for `set`: the assessment, its
/// integrity (a text may be an export with a SHA-256), the problems of reading it, and its
/// text (kept before it is used when reading it left out or changed a part).
pub(crate) struct Given {
    pub assessment: Option<Assessment>,
    pub integrity: Integrity,
    pub problems: Vec<Problem>,
    pub text: String,
}

impl Given {
    /// The original text and what reading it left out or changed, when it was read only in
    /// part (an altered export is not that: its integrity says so).
    pub(crate) fn lossy(&self) -> Option<(String, Vec<Problem>)> {
        let read: Vec<Problem> = (self.problems.iter())
            .filter(|p| p.code != crate::Code::IntegrityMismatch)
            .cloned()
            .collect();
        (self.assessment.is_some() && !read.is_empty()).then(|| (self.text.clone(), read))
    }
}

/// Reads an assessment the page gave (see [`Given`]).
pub(crate) fn read_given(v: &JsValue, set: &IndicatorSet) -> Given {
    match v.as_string() {
        Some(text) => {
            let o = crate::export::open_assessment_for(&text, set);
            Given {
                assessment: o.assessment,
                integrity: o.integrity,
                problems: o.problems,
                text,
            }
        }
        None => {
            let parsed = super::read_assessment(v, set);
            let text = js_sys::JSON::stringify(v)
                .ok()
                .and_then(|s| s.as_string())
                .unwrap_or_default();
            Given {
                assessment: parsed.value,
                integrity: Integrity::Unchecked,
                problems: parsed.problems,
                text,
            }
        }
    }
}

/// Last year's file when the widget opens: the one the page gives (`previous`), else the one
/// kept from an earlier session; with the notices for what was read only in part (the page's
/// `assessment`, when used, as `given`), each original kept under a backup key first.
pub(crate) fn on_mount(
    store: &mut LocalStorage,
    key: &str,
    options: &JsValue,
    set: &IndicatorSet,
    given: Option<(String, Vec<Problem>)>,
) -> (Option<Previous>, Vec<Notice>) {
    let mut told = Vec::new();
    let mut kept = Vec::new();
    if let Some((text, problems)) = given {
        kept.push(text);
        told.push(Notice::ReadInPart(ReadInPart::GivenAssessment, problems));
    }
    let from_page = js_sys::Reflect::get(options, &"previous".into())
        .ok()
        .filter(|p| p.is_object() || p.is_string())
        .map(|p| read_given(&p, set))
        .filter(|g| g.assessment.is_some());
    let previous = match from_page {
        Some(g) => {
            if let Some((text, problems)) = g.lossy() {
                kept.push(text);
                told.push(Notice::ReadInPart(ReadInPart::GivenPrevious, problems));
            }
            g.assessment.map(|a| Previous {
                integrity: g.integrity,
                ..Previous::given(a)
            })
        }
        None => {
            let (p, what) = autosave::open_previous(store, key, &super::save::at());
            match what {
                Some(PreviousTold::Damaged(problems, _)) => {
                    told.push(Notice::ReadInPart(ReadInPart::StoredPrevious, problems));
                }
                Some(PreviousTold::Corrupt(_)) => told.push(Notice::ReadInPart(
                    ReadInPart::StoredPreviousCorrupt,
                    Vec::new(),
                )),
                None => {}
            }
            p
        }
    };
    for text in &kept {
        autosave::storage::backup(store, key, "import", text, super::save::at().ms);
    }
    (previous, told)
}

impl Inner {
    /// Keeps last year's file (or forgets it), the one it replaces under a backup key, and
    /// shows it in the comparison.
    pub(crate) fn keep_previous(&mut self, previous: Option<Previous>) {
        let at = super::save::at();
        let kept =
            autosave::keep_previous(&mut self.store, self.saving.key(), previous.as_ref(), &at);
        // Not kept for a reload: say so (an unavailable storage is told already).
        if previous.is_some() && kept == Err(autosave::SaveError::Full) {
            self.notices
                .push(Notice::Text(Ui::PreviousNotKept, Vec::new()));
            self.render_notices();
            self.announce(self.t(Ui::PreviousNotKept));
        }
        self.previous = previous;
        self.fill_baseline();
    }

    /// Last year's file, judged: used at once, or held until the official answers the
    /// question (one is kept already, or its content was altered).
    pub(crate) fn opened_previous(
        &mut self,
        a: Assessment,
        integrity: Integrity,
        name: &str,
        original: Option<String>,
        opened: Opened,
    ) {
        let previous = Previous {
            assessment: a,
            integrity,
            file: name.to_string(),
        };
        if opened == Opened::Pending {
            self.pending_previous = Some(PendingPrevious { previous, original });
            return;
        }
        if let Some(text) = &original {
            self.keep_import(text);
        }
        self.keep_previous(Some(previous));
    }

    /// The question in an opened last year's file's notice: what it asks, both files, and
    /// the buttons to use it or not.
    pub(crate) fn render_previous_question(&self, div: &Element) {
        let Some((ask, lines)) = self.previous_question() else {
            return;
        };
        let d = &self.dom;
        let q = d.add(div, "p", "swn-warn", &ask);
        attrs(&q, &[("data-swn", "previous-ask")]);
        let ul = d.add(div, "ul", "", "");
        for line in &lines {
            let li = d.add(&ul, "li", "", "");
            // The region is the official's text: isolated for bidirectional display.
            let b = d.add(&li, "bdi", "", line);
            attrs(&b, &[("dir", "auto")]);
        }
        let b = d.add(
            div,
            "button",
            "swn-btn swn-primary",
            view::previous_use(self.lang),
        );
        attrs(
            &b,
            &[
                ("type", "button"),
                ("data-act", Action::PreviousConfirm.name()),
            ],
        );
        let c = d.add(div, "button", "swn-btn", self.t(Ui::Cancel));
        attrs(
            &c,
            &[
                ("type", "button"),
                ("data-act", Action::PreviousCancel.name()),
            ],
        );
    }

    /// What screen readers hear with a pending last year's file: the question too.
    pub(crate) fn previous_ask_text(&self) -> String {
        self.previous_question()
            .map(|(ask, lines)| format!("{ask} {}", lines.join(". ")))
            .unwrap_or_default()
    }

    /// The question a pending last year's file asks, and the lines naming both files.
    fn previous_question(&self) -> Option<(String, Vec<String>)> {
        let p = self.pending_previous.as_ref()?;
        Some(view::previous_question(
            self.previous.as_ref(),
            &p.previous.assessment,
            &p.previous.file,
            p.previous.integrity,
            self.lang,
        ))
    }

    fn drop_pending_notice(&mut self) {
        self.notices
            .retain(|n| !matches!(n, Notice::Problems(_, _, Opened::Pending, _)));
    }

    /// Uses the opened last year's file, as the official confirmed: the one kept before is
    /// kept under `:previous-backup:`.
    pub(crate) fn previous_confirm(&mut self) -> Emits {
        let Some(p) = self.pending_previous.take() else {
            return vec![];
        };
        self.drop_pending_notice();
        if let Some(text) = &p.original {
            self.keep_import(text);
        }
        let name = p.previous.file.clone();
        self.keep_previous(Some(p.previous));
        self.notices.push(Notice::Problems(
            Vec::new(),
            self.previous
                .as_ref()
                .map_or(Integrity::Unchecked, |x| x.integrity),
            Opened::Shown,
            (Ui::ImportPrevious, name),
        ));
        self.render_notices();
        self.render_compare();
        self.focus_first(&["[data-swn=compare] [data-swn=previous-source]"]);
        vec![]
    }

    /// Forgets the opened last year's file; the one kept stays.
    pub(crate) fn previous_cancel(&mut self) -> Emits {
        self.pending_previous = None;
        self.drop_pending_notice();
        self.render_notices();
        self.focus_first(&[&format!("input{}", Action::ImportPrevious.selector())]);
        vec![]
    }

    /// The line above the comparison: which file, both periods, and its integrity.
    pub(crate) fn render_previous_source(&self, sec: &Element) {
        let Some(p) = &self.previous else {
            return;
        };
        let (text, class, name) = view::previous_source(p, &self.a, self.lang);
        let line = self.dom.add(sec, "p", class, "");
        let b = self.dom.add(&line, "bdi", "", &text);
        attrs(&b, &[("dir", "auto")]);
        attrs(
            &line,
            &[
                ("data-swn", "previous-source"),
                ("data-integrity", name),
                ("tabindex", "-1"),
            ],
        );
    }

    /// Data read only in part that does not come from the save: its original text is kept
    /// under `:import:` (when there is one) and a notice lists what was left out.
    pub(crate) fn read_in_part(
        &mut self,
        what: ReadInPart,
        original: &str,
        problems: Vec<Problem>,
    ) {
        if !original.is_empty() {
            self.keep_import(original);
        }
        self.notices.push(Notice::ReadInPart(what, problems));
    }
}
