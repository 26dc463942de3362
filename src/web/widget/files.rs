//! Files in and out: the JSON and CSV downloads, opening an assessment or last year's file,
//! and replacing the answers (import, reset, and their undo), each backed up first.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlInputElement};

use super::api::export_text;
use super::dom::attrs;
use super::events::emit;
use super::{Emits, Inner, Notice, now_iso};
use crate::Assessment;
use crate::autosave;
use crate::view::{self, Action, Opened, Ui};

#[wasm_bindgen]
extern "C" {
    /// `Promise.prototype.then.call(promise, on_ok, on_err)`, with plain JS functions
    /// (js-sys's `then2` wants Rust closures, which would have to be kept and freed).
    #[wasm_bindgen(js_namespace = ["Promise", "prototype", "then"], js_name = call)]
    pub(crate) fn then_either(promise: &JsValue, on_ok: &JsValue, on_err: &JsValue) -> JsValue;
}

impl Inner {
    /// Hands `text` to the browser as a download named `name`.
    pub(crate) fn download(&self, name: &str, mime: &str, text: &str) {
        let parts = js_sys::Array::of1(&JsValue::from_str(text));
        let bag = web_sys::BlobPropertyBag::new();
        bag.set_type(mime);
        let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag) else {
            return;
        };
        let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
            return;
        };
        let a = self.dom.el("a", "");
        attrs(&a, &[("href", &url), ("download", name)]);
        if let Some(h) = a.dyn_ref::<web_sys::HtmlElement>() {
            h.click();
        }
        // Revoking at once can cancel the download in some browsers; the URL dies with the page.
        let _ = url;
    }

    /// The export's file name, from the set and the region (see [`view::file_name`]).
    fn file_name(&self, ext: &str) -> String {
        // A unit's share goes back under its own name, never one every unit would share.
        if let (Some(s), "json") = (&self.a.share, ext) {
            return view::team::share_file_name(&self.set().id, &s.unit);
        }
        view::file_name(&self.set().id, &self.a.region, ext)
    }

    /// Downloads the JSON (or CSV) export, after saving what is on screen.
    pub(crate) fn export(&mut self, csv: bool) -> Emits {
        self.save_now();
        let (name, mime, text) = if csv {
            let report = self.scorer.score(&self.a);
            (
                self.file_name("csv"),
                "text/csv;charset=utf-8",
                crate::report_csv(self.set(), &self.a, &report, self.lang, &now_iso()),
            )
        } else {
            let Ok(text) = export_text(&self.scorer, &self.a, &now_iso()) else {
                return Vec::new();
            };
            (self.file_name("json"), "application/json", text)
        };
        self.download(&name, mime, &text);
        let detail = js_sys::Object::new();
        let _ = js_sys::Reflect::set(
            &detail,
            &"format".into(),
            &(if csv { "csv" } else { "json" }).into(),
        );
        let _ = js_sys::Reflect::set(&detail, &"filename".into(), &name.into());
        let _ = js_sys::Reflect::set(&detail, &"text".into(), &text.into());
        vec![("export", detail.into())]
    }

    /// An opened file's text: judged for this set, kept as last year's or held for the
    /// official to confirm, and reported in a notice.
    pub(crate) fn opened(&mut self, text: &str, name: &str, as_previous: bool) -> Emits {
        let judged = if as_previous {
            view::judge_previous(self.set(), text, self.previous.as_ref())
        } else {
            view::judge_file(self.set(), text, false)
        };
        let how = if as_previous {
            Ui::ImportPrevious
        } else {
            Ui::Import
        };
        let opened = judged.opened;
        let mut judged = judged;
        // A coordinator (her assessment keeps the units) opening a returned share here would
        // replace everything with that one share: said first, in the notice she confirms in.
        if let Some(share) = judged
            .assessment
            .as_ref()
            .and_then(|a| a.share.as_ref())
            .filter(|_| !as_previous && !self.a.units.is_empty() && self.a.share.is_none())
        {
            judged
                .problems
                .insert(0, view::team::share_imported(&share.unit));
        }
        // Read only in part: the file as it was is kept before its answers are used.
        let original = judged.lossy.then(|| text.to_string());
        // A newly opened file replaces a file still waiting for confirmation (its notice
        // goes too: the notice area holds the newest file's).
        self.pending = None;
        self.pending_previous = None;
        match judged.assessment {
            Some(a) if as_previous => {
                self.opened_previous(a, judged.integrity, name, original, opened);
            }
            Some(a) => {
                self.pending = Some((a, original));
            }
            None => {}
        }
        self.notices
            .retain(|n| !matches!(n, Notice::Problems(_, _, Opened::Pending, _)));
        let mut said =
            view::import_announcement(&judged.problems, judged.integrity, opened, self.lang);
        if as_previous && opened == Opened::Pending {
            said = format!("{said} {}", self.previous_ask_text());
        }
        self.announce(&said);
        self.notices.push(Notice::Problems(
            judged.problems,
            judged.integrity,
            opened,
            (how, name.to_string()),
        ));
        self.render_notices();
        match opened {
            Opened::Shown => self.render_compare(),
            Opened::Pending => {
                let confirm = if as_previous {
                    Action::PreviousConfirm
                } else {
                    Action::ImportConfirm
                };
                self.focus_first(&[&confirm.selector()]);
            }
            Opened::Unusable | Opened::Broken => {}
        }
        Vec::new()
    }

    /// Reads the file chosen in a file field, then hands its text to [`Inner::opened`].
    pub(crate) fn read_file(&mut self, el: &Element, as_previous: bool) -> Emits {
        let Some(input) = el.dyn_ref::<HtmlInputElement>() else {
            return Vec::new();
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return Vec::new();
        };
        input.set_value("");
        let name = file.name();
        let weak = self.self_weak.clone();
        // One callback for both outcomes, called once (so freed): the text, or an error to
        // ignore (the file vanished or could not be read). No async executor needed.
        let done = Closure::once_into_js(move |text: JsValue| {
            let Some(text) = text.as_string() else {
                return;
            };
            if let Some(cell) = weak.and_then(|w| w.upgrade()) {
                let emits = match cell.borrow_mut().as_mut() {
                    Some(st) => st.opened(&text, &name, as_previous),
                    None => Vec::new(),
                };
                emit(&cell, emits);
            }
        });
        let _ = then_either(&file.text(), &done, &done);
        Vec::new()
    }

    /// Starts over with empty answers (the region stays), after asking; undone by
    /// [`Inner::undo_reset`].
    pub(crate) fn reset(&mut self) -> Emits {
        let ok = web_sys::window()
            .and_then(|w| w.confirm_with_message(self.t(Ui::ResetConfirm)).ok())
            .unwrap_or(false);
        if !ok {
            return vec![];
        }
        self.reset_backup = Some((self.a.clone(), self.drafts.clone()));
        let mut fresh = Assessment::new(&self.set().id, &self.set().version);
        fresh.region = self.a.region.clone();
        let emits = self.replace(fresh, Vec::new());
        self.notices.push(Notice::ResetDone);
        self.render_notices();
        self.announce(self.t(Ui::ResetDone));
        self.focus_first(&[&Action::UndoReset.selector()]);
        emits
    }

    /// Brings back what the last reset replaced.
    pub(crate) fn undo_reset(&mut self) -> Emits {
        let Some((a, drafts)) = self.reset_backup.take() else {
            return vec![];
        };
        self.notices.retain(|n| !matches!(n, Notice::ResetDone));
        let emits = self.replace(a, drafts);
        self.focus_first(&[&Action::Reset.selector()]);
        emits
    }

    /// Replaces the answers with the opened file's, as the official confirmed.
    pub(crate) fn import_confirm(&mut self) -> Emits {
        self.notices
            .retain(|n| !matches!(n, Notice::Problems(_, _, Opened::Pending, _)));
        let Some((a, original)) = self.pending.take() else {
            return vec![];
        };
        if let Some(text) = &original {
            self.keep_import(text);
        }
        let emits = self.replace(a, Vec::new());
        self.notices.push(Notice::Text(Ui::ImportDone, Vec::new()));
        self.render_notices();
        self.announce(self.t(Ui::ImportDone));
        self.focus_first(&[&format!(
            "[data-swn=notices] > :first-child {}",
            Action::Dismiss.selector()
        )]);
        emits
    }

    /// Keeps an opened file's text under `<key>:import:<stamp>` (its answers were read only in
    /// part; the notice listed what was left out).
    pub(crate) fn keep_import(&mut self, text: &str) {
        let at = super::save::at();
        autosave::storage::backup(&mut self.store, self.saving.key(), "import", text, at.ms);
    }

    /// Forgets the opened file; focus goes back to the import button.
    pub(crate) fn import_cancel(&mut self) -> Emits {
        self.pending = None;
        self.notices
            .retain(|n| !matches!(n, Notice::Problems(_, _, Opened::Pending, _)));
        self.render_notices();
        self.focus_first(&[&format!("input{}", Action::Import.selector())]);
        vec![]
    }
}
