//! The self-assessment widget: draws view models into a shadow root and forwards events.
//!
//! Listeners are delegated (one per event type on the shadow root, a few on the window),
//! owned by the widget and removed by `destroy()`. Callbacks registered with `on()` run
//! after the widget's state is released, so they may call back into the widget.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Element, Event, EventTarget, HtmlInputElement, KeyboardEvent, ShadowRoot};

use super::api::{SetHandle, export_text, open_file, read_assessment};
use super::dom::{Dom, attrs, clear, closest_with, focus, set_value, value_of};
use super::store::{SaveError, Store};
use super::{Mounted, from_js, mounted, to_js, to_js_error};
use crate::autosave::{Draft, MAX_LINEAGE, Restored, restore, save_text, save_text_with};
use crate::export::Integrity;
use crate::model::{AnswerKind, Evidence, Group, Lang};
use crate::num::fixed;
use crate::view::{self, Ui, ui};
use crate::{
    Answer, Assessment, Problem, Scorer, Severity, Tally, Value, answer_score, format_number,
};

type Handler = Closure<dyn FnMut(Event)>;

/// Text number fields rejected: (indicator position, the text, the language it was typed in).
type Drafts = Vec<(usize, String, Lang)>;

/// Cards drawn at a time in one tab: a 10,000-indicator tab would otherwise put ~90,000
/// nodes in the page and make every change wait for their layout.
const CARD_CHUNK: usize = 100;

struct Listener {
    target: EventTarget,
    kind: &'static str,
    closure: Handler,
}

/// A pending import waiting for the user's confirmation.
struct Pending {
    assessment: Assessment,
}

#[wasm_bindgen]
extern "C" {
    /// `Promise.prototype.then.call(promise, on_ok, on_err)`, with plain JS functions
    /// (js-sys's `then2` wants Rust closures, which would have to be kept and freed).
    #[wasm_bindgen(js_namespace = ["Promise", "prototype", "then"], js_name = call)]
    fn then_either(promise: &JsValue, on_ok: &JsValue, on_err: &JsValue) -> JsValue;
}

pub(crate) struct Inner {
    dom: Dom,
    host: Element,
    root: ShadowRoot,
    frame: Element,
    scorer: Rc<Scorer<'static>>,
    a: Assessment,
    /// The assessment as this tab last saved or loaded it: what another tab's save is merged
    /// against (each side's changes are its differences from this).
    base: Assessment,
    /// The saves (rev, writer) `base` descends from, its own included (see
    /// `autosave::save_text_with`): another tab's save that lists `from` started from `base`.
    lineage: Vec<(u64, String)>,
    /// The save (rev, writer) `base` is; `None` while it is no save (none yet, or this tab
    /// chose to write over another's and its write has not landed).
    from: Option<(u64, String)>,
    /// The stored save (rev, writer) as this tab last read or wrote it: one that is neither
    /// this nor this tab's was written by another tab since.
    seen: (u64, String),
    tally: Tally,
    answered: Vec<bool>,
    lang: Lang,
    tab: usize,
    store: Store,
    rev: u64,
    writer: String,
    previous: Option<Assessment>,
    pending: Option<Pending>,
    /// What a reset replaced (answers and kept number text), until it is undone.
    reset_backup: Option<(Assessment, Drafts)>,
    listeners: Vec<Listener>,
    handlers: Vec<(String, js_sys::Function)>,
    timers: Vec<(i32, Closure<dyn FnMut()>)>,
    save_due: bool,
    advice_due: bool,
    results_due: bool,
    /// How many cards of the current tab are drawn (long tabs are drawn in parts).
    card_limit: usize,
    /// Whether the advice panel shows every step of a long plan.
    plan_open: bool,
    /// Between `beforeprint` and `afterprint`: the advice shows its whole plan on paper.
    printing: bool,
    /// Text typed into number fields that is not a valid answer (so not saved), by indicator:
    /// shown again, with its error, when the card is drawn again (a tab switch, a language
    /// switch, a reload: they are saved too), until corrected or the answers are replaced.
    /// Kept with the language it was typed in: `1.500` means 1500 in Indonesian, 1.5 in English.
    drafts: Drafts,
    /// The number field being typed in, and its answer before the typing began: a text that
    /// is refused restores that answer, never a prefix scored on the way (`15` of `150`).
    typing: Option<(usize, Option<Value>)>,
    notices: Vec<Notice>,
    stylesheet: String,
    self_weak: Option<Weak<RefCell<Option<Inner>>>>,
    /// Runs deferred work (saving, advice) right after the event that asked for it, so the
    /// score on screen updates first; `soon_pending` is its timeout while one is queued.
    soon: Option<Closure<dyn FnMut()>>,
    soon_pending: Option<i32>,
    /// When this page last saved (local hours and minutes).
    saved_at: Option<(u32, u32)>,
    /// Changes made (counted by `schedule_save`), and their count at the last save attempt.
    edits: u64,
    tried: u64,
    /// Another tab saved since this one did: saving waits for the official's choice.
    conflict: bool,
    /// The last save failed for want of space.
    full: bool,
    /// What `show_unsaved` last showed (`None`: the page was redrawn since).
    unsaved_shown: std::cell::Cell<Option<bool>>,
    /// The live region was just drawn: screen readers miss text put into a region they have
    /// not seen yet, so announcements wait (in `later`) for the next tick.
    status_fresh: std::cell::Cell<bool>,
    /// With its language: one the official switched away from since is dropped (what it said
    /// is on screen in the notices, in the new language).
    later: RefCell<Option<(Lang, String)>>,
}

/// A message above the form; some carry buttons.
#[derive(Clone)]
enum Notice {
    Text(Ui, Vec<String>),
    /// An opened file: its problems, integrity, what became of it, and which button opened
    /// which file (shown as "Impor tahun lalu: <file name>").
    Problems(Vec<Problem>, Integrity, Opened, (Ui, String)),
    OtherTab,
    ResetDone,
    /// Work of a tab that was closed while it could not save (`:unsaved:` copies).
    Left,
    /// Two versions combined; the indicator ids (or `region`) where they differed, named in
    /// the language of the moment.
    Merged(Vec<String>),
}

/// What became of an opened file.
#[derive(Clone, Copy, PartialEq)]
enum Opened {
    /// Not an assessment of this set: nothing to use (the notice says which file to choose).
    Unusable,
    /// JSON cut short or damaged (a file of ours that broke): nothing to use either.
    Broken,
    /// Used (last year's file) or only reported.
    Shown,
    /// Waits for the official to confirm replacing the answers.
    Pending,
}

/// The longest folded advice plan drawn whole (see `render_advice`).
const PLAN_DRAWN: usize = 100;

/// Events for the host, emitted after the state is released.
type Emits = Vec<(&'static str, JsValue)>;

/// A mounted widget.
#[wasm_bindgen]
pub struct Widget {
    inner: Rc<RefCell<Option<Inner>>>,
}

/// `id` or `en`, or a tag starting with either (`en-GB`); anything else is refused by name, not
/// quietly shown in Indonesian.
fn lang_of(tag: &str) -> Result<Lang, JsValue> {
    let primary = tag.split(['-', '_']).next().unwrap_or_default();
    if primary.eq_ignore_ascii_case("id") || primary.eq_ignore_ascii_case("en") {
        Ok(Lang::from_tag(primary))
    } else {
        Err(to_js_error(format!(
            "lang must be `id` or `en`, not `{tag}`"
        )))
    }
}

fn now_iso() -> String {
    js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .unwrap_or_default()
}

fn opt_str(options: &JsValue, key: &str) -> Option<String> {
    js_sys::Reflect::get(options, &key.into())
        .ok()
        .and_then(|v| v.as_string())
        .filter(|s| !s.is_empty())
}

/// Mounts the widget into `host` (it gets a shadow root) for a loaded set.
///
/// `options`: `{ lang, storageKey, region: { name, code, period, assessor }, assessment,
/// previous, stylesheet }`.
#[wasm_bindgen(js_name = mountWidget)]
pub fn mount_widget(host: Element, set: &SetHandle, options: JsValue) -> Result<Widget, JsValue> {
    super::install_numbers();
    let window = web_sys::window().ok_or_else(|| to_js_error("no window"))?;
    let doc = window
        .document()
        .ok_or_else(|| to_js_error("no document"))?;
    let s = set.scorer.set();
    let own = opt_str(&options, "storageKey").unwrap_or_else(|| "default".into());
    if own.contains(':') {
        // `:` separates the parts of every key: `<key>:previous`, `<key>:backup:<ms>`, ...
        return Err(to_js_error(format!(
            "storageKey `{own}` must not contain `:`"
        )));
    }
    let key = format!("swanilai:{}:{own}", s.id);
    // Two widgets saving under one key would overwrite each other's answers.
    if mounted(|m| m.iter().any(|w| w.key == key && w.host != host)) {
        return Err(to_js_error(format!(
            "another widget on this page already saves under `{key}`: give each widget its own storageKey"
        )));
    }
    // One widget per host: a second mount (a framework effect running twice) replaces the first.
    if let Some(old) = mounted(|m| m.iter().find(|w| w.host == host).map(|w| w.state.clone())) {
        if let Some(cell) = old.upgrade() {
            teardown(&cell)?;
        }
    }
    let root = match host.shadow_root() {
        Some(r) => {
            // Re-mounting into the same host (e.g. after destroy) reuses its shadow root.
            clear(&r);
            r
        }
        None => host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))?,
    };
    let scorer = Rc::clone(&set.scorer);
    let lang = lang_of(&opt_str(&options, "lang").unwrap_or_else(|| "id".into()))?;
    let stylesheet = opt_str(&options, "stylesheet").unwrap_or_default();
    let mut a = Assessment::new(&s.id, &s.version);
    let mut notices = Vec::new();
    if let Ok(region) = js_sys::Reflect::get(&options, &"region".into()) {
        if region.is_object() {
            let mut wrapper = Assessment::new(&s.id, &s.version);
            if let Ok(crate::Json::Object(pairs)) = from_js(&region) {
                let j = crate::Json::Object(vec![
                    ("setId".into(), crate::Json::String(s.id.clone())),
                    ("setVersion".into(), crate::Json::String(s.version.clone())),
                    ("region".into(), crate::Json::Object(pairs)),
                ]);
                if let Some(w) = Assessment::from_json(&j).value {
                    wrapper = w;
                }
            }
            a.region = wrapper.region;
        }
    }
    if let Ok(given) = js_sys::Reflect::get(&options, &"assessment".into()) {
        if given.is_object() || given.is_string() {
            if let Some(g) = read_assessment(&given).value {
                a = g;
            }
        }
    }
    let store = Store::new(key.clone());
    // Given by the page, or imported by the official in an earlier session.
    let previous = js_sys::Reflect::get(&options, &"previous".into())
        .ok()
        .filter(|p| p.is_object() || p.is_string())
        .and_then(|p| read_assessment(&p).value)
        .or_else(|| match restore(&store.previous()?) {
            Restored::Saved { assessment, .. } => Some(*assessment),
            Restored::Corrupt { .. } => None,
        });
    let mut rev = 0;
    let mut from = None;
    let mut seen = (0, String::new());
    let mut lineage = Vec::new();
    let mut drafts = Vec::new();
    if !store.available() {
        notices.push(Notice::Text(Ui::StorageUnavailable, Vec::new()));
    } else if !store.writable() {
        notices.push(Notice::Text(Ui::StorageFull, Vec::new()));
    }
    if let Some(text) = store.read() {
        match restore(&text) {
            Restored::Saved {
                assessment,
                rev: r,
                drafts: d,
                lineage: l,
                writer: w,
                ..
            } => {
                rev = r;
                lineage = l;
                join_lineage(&mut lineage, &[(r, w.clone())]);
                seen = (r, w.clone());
                from = Some((r, w));
                drafts = draft_indices(&scorer, d, &mut notices);
                if assessment.set_version != s.version {
                    notices.push(Notice::Text(Ui::SavedOtherVersion, Vec::new()));
                }
                a = *assessment;
                a.set_id = s.id.clone();
                a.set_version = s.version.clone();
            }
            Restored::Corrupt { .. } => {
                store.backup("corrupt", &text);
                notices.push(Notice::Text(Ui::SavedCorrupt, Vec::new()));
            }
        }
    }
    if !store.backups("unsaved").is_empty() {
        notices.push(Notice::Left);
    }
    let orphans: Vec<String> = a
        .answers
        .keys()
        .filter(|id| scorer.indicator_index(id).is_none())
        .cloned()
        .collect();
    if !orphans.is_empty() {
        notices.push(Notice::Text(Ui::OrphanAnswers, orphans));
    }
    let answered = view::answered_flags(&scorer, &a);
    let tally = scorer.tally(scorer.indicator_scores(&a));
    let dom = Dom { doc };
    let frame = dom.el("div", "swn");
    let writer = format!("w{}", (js_sys::Math::random() * 1e12) as u64);
    let inner = Inner {
        dom,
        host: host.clone(),
        root,
        frame,
        scorer,
        base: a.clone(),
        lineage,
        from,
        seen,
        a,
        tally,
        answered,
        lang,
        tab: 0,
        store,
        rev,
        writer,
        previous,
        pending: None,
        reset_backup: None,
        listeners: Vec::new(),
        handlers: Vec::new(),
        timers: Vec::new(),
        save_due: false,
        advice_due: false,
        results_due: false,
        card_limit: CARD_CHUNK,
        plan_open: false,
        printing: false,
        drafts,
        typing: None,
        notices,
        stylesheet,
        self_weak: None,
        soon: None,
        soon_pending: None,
        saved_at: None,
        edits: 0,
        tried: 0,
        conflict: false,
        full: false,
        unsaved_shown: std::cell::Cell::new(None),
        status_fresh: std::cell::Cell::new(false),
        later: RefCell::new(None),
    };
    let cell = Rc::new(RefCell::new(Some(inner)));
    let weak = Rc::downgrade(&cell);
    {
        let mut guard = cell.borrow_mut();
        let st = guard.as_mut().expect("just created");
        let _ = host.set_attribute("data-state", "loading");
        st.render_all();
        // Drawn with the page: the region is there before anything is announced.
        st.status_fresh.set(false);
        st.listen(weak.clone());
    }
    mounted(|m| {
        m.push(Mounted {
            host,
            key,
            state: weak,
        })
    });
    Ok(Widget { inner: cell })
}

impl Inner {
    fn set(&self) -> &crate::IndicatorSet {
        self.scorer.set()
    }

    fn t(&self, key: Ui) -> &'static str {
        ui(key, self.lang)
    }

    // ---------- rendering ----------

    fn render_all(&mut self) {
        // Everything is redrawn: keep keyboard focus on the redrawn twin of what had it.
        let focus_key = self.focus_key();
        let d = self.dom.clone();
        clear(&self.root);
        if !self.stylesheet.is_empty() {
            let link = d.el("link", "");
            attrs(&link, &[("rel", "stylesheet"), ("href", &self.stylesheet)]);
            let _ = self.root.append_child(&link);
        }
        let f = d.el("div", "swn");
        attrs(&f, &[("lang", self.lang.tag())]);
        self.unsaved_shown.set(None);
        let _ = self.root.append_child(&f);
        self.frame = f.clone();

        let head = d.add(&f, "header", "swn-head", "");
        let set = self.set();
        let title = d.add(&head, "h2", "swn-title", set.title.get(self.lang));
        // A place for focus to land when the control that had it goes away.
        attrs(&title, &[("tabindex", "-1")]);
        if let Some(desc) = &set.description {
            d.add(&head, "p", "swn-desc", desc.get(self.lang));
        }
        let bar = d.add(&head, "div", "swn-toolbar", "");
        attrs(
            &bar,
            &[("role", "group"), ("aria-label", self.t(Ui::Actions))],
        );
        let button = |label: &str, act: &str| {
            let b = d.add(&bar, "button", "swn-btn", label);
            attrs(&b, &[("type", "button"), ("data-act", act)]);
            b
        };
        let lang_btn = button(self.t(Ui::OtherLanguage), "lang");
        attrs(
            &lang_btn,
            &[("lang", if self.lang == Lang::Id { "en" } else { "id" })],
        );
        button(self.t(Ui::ExportJson), "export-json");
        button(self.t(Ui::ExportCsv), "export-csv");
        button(self.t(Ui::Print), "print");
        self.file_button(&bar, Ui::Import, "import");
        self.file_button(&bar, Ui::ImportPrevious, "import-prev");
        button(self.t(Ui::Reset), "reset");

        self.render_region(&head);

        let status = d.add(&f, "div", "swn-sr", "");
        self.status_fresh.set(true);
        attrs(
            &status,
            &[
                ("role", "status"),
                ("aria-live", "polite"),
                ("data-swn", "status"),
            ],
        );
        let notices = d.add(&f, "div", "swn-notices", "");
        attrs(&notices, &[("data-swn", "notices")]);
        self.render_notices();

        // The form first, then the results (beside it on wide screens, below it on narrow
        // ones), then advice and comparison (below the results): the same order on screen,
        // for the keyboard and for screen readers.
        let body = d.add(&f, "div", "swn-body", "");
        let main = d.add(&body, "div", "swn-main", "");
        // On wide screens the form scrolls far below the results: a compact copy of the overall
        // score stays in view above the tabs (hidden from assistive technology, which hears
        // every change through the status region).
        let sticky = d.add(&main, "div", "swn-sticky", "");
        let saved = d.add(&sticky, "span", "swn-saved", "");
        attrs(&saved, &[("aria-hidden", "true"), ("data-saved", "")]);
        let mini = d.add(&sticky, "p", "swn-mini", "");
        attrs(&mini, &[("aria-hidden", "true"), ("data-mini", "")]);
        self.show_saved();
        // Shown while changes cannot be saved: the notice saying why may be far above.
        let unsaved = d.add(
            &sticky,
            "button",
            "swn-btn swn-unsaved",
            self.t(Ui::Unsaved),
        );
        attrs(
            &unsaved,
            &[("type", "button"), ("data-act", "notices"), ("hidden", "")],
        );
        let tabs = d.add(&main, "div", "swn-tabs", "");
        attrs(
            &tabs,
            &[("role", "tablist"), ("aria-label", self.t(Ui::Tabs))],
        );
        for (k, g) in self.set().groups.iter().enumerate() {
            let tab = d.add(&tabs, "button", "swn-tab", "");
            attrs(
                &tab,
                &[
                    ("type", "button"),
                    ("role", "tab"),
                    ("id", &format!("swn-tab-{k}")),
                    ("aria-controls", "swn-panel"),
                    ("data-tab", &k.to_string()),
                ],
            );
            d.add(&tab, "span", "swn-tab-title", g.title.get(self.lang));
            let c = d.add(&tab, "span", "swn-tab-count", "");
            attrs(&c, &[("data-count", &k.to_string())]);
        }
        let panel = d.add(&main, "section", "swn-panel", "");
        attrs(&panel, &[("id", "swn-panel"), ("role", "tabpanel")]);
        let results = d.add(&body, "section", "swn-results", "");
        attrs(
            &results,
            &[
                ("data-swn", "results"),
                ("aria-labelledby", "swn-results-h"),
            ],
        );
        let aside = d.add(&body, "aside", "swn-side", "");
        let advice = d.add(&aside, "section", "swn-advice", "");
        attrs(
            &advice,
            &[("data-swn", "advice"), ("aria-labelledby", "swn-advice-h")],
        );
        let compare = d.add(&aside, "section", "swn-compare", "");
        attrs(
            &compare,
            &[
                ("data-swn", "compare"),
                ("aria-labelledby", "swn-compare-h"),
            ],
        );
        let print = d.add(&f, "section", "swn-print", "");
        attrs(&print, &[("data-swn", "print"), ("aria-hidden", "true")]);

        self.select_tab(self.tab, false);
        self.render_results();
        self.render_advice();
        self.render_compare();
        if let Some(key) = focus_key {
            self.focus_first(&[&key]);
        }
    }

    /// A selector for the focused element of the widget that finds it again after a redraw.
    fn focus_key(&self) -> Option<String> {
        let el = self.root.active_element()?;
        let attr = |name: &str| el.get_attribute(name);
        if let Some(act) = attr("data-act") {
            return Some(match attr("data-i") {
                Some(i) => format!("[data-act=\"{act}\"][data-i=\"{i}\"]"),
                None => format!("[data-act=\"{act}\"]"),
            });
        }
        if let Some(key) = attr("data-region") {
            return Some(format!("[data-region=\"{key}\"]"));
        }
        if let Some(k) = attr("data-tab") {
            return Some(format!("[data-tab=\"{k}\"]"));
        }
        let (i, f) = (attr("data-i")?, attr("data-f")?);
        Some(match attr("type").as_deref() {
            // Radio values are level numbers or true/false, never quotes.
            Some("radio") => format!(
                "[data-i=\"{i}\"][data-f=\"{f}\"][value=\"{}\"]",
                attr("value").unwrap_or_default()
            ),
            _ => format!("[data-i=\"{i}\"][data-f=\"{f}\"]"),
        })
    }

    /// Focuses the first element matching one of `selectors`; false if none matched.
    fn focus_first(&self, selectors: &[&str]) -> bool {
        for sel in selectors {
            if let Ok(Some(e)) = self.frame.query_selector(sel) {
                focus(&e);
                return true;
            }
        }
        false
    }

    /// Says `text` through the polite status region; while changes cannot be saved, says so too.
    fn announce(&self, text: &str) {
        if self.status_fresh.get() {
            *self.later.borrow_mut() = Some((self.lang, text.to_string()));
            return;
        }
        if let Ok(Some(status)) = self.frame.query_selector("[data-swn=status]") {
            let mut text = if self.save_due && self.blocked() {
                format!("{text} {}.", self.t(Ui::Unsaved))
            } else {
                text.to_string()
            };
            // The same words again (a second failed import): a change makes them heard again.
            if status.text_content().as_deref() == Some(text.as_str()) {
                text.push('\u{a0}');
            }
            status.set_text_content(Some(&text));
        }
    }

    fn file_button(&self, bar: &Element, label: Ui, act: &str) {
        let d = &self.dom;
        let l = d.add(bar, "label", "swn-btn swn-file", "");
        d.add(&l, "span", "", self.t(label));
        let input = d.add(&l, "input", "swn-file-input", "");
        attrs(
            &input,
            &[
                ("type", "file"),
                ("accept", ".json,application/json"),
                ("data-act", act),
            ],
        );
    }

    fn render_region(&self, head: &Element) {
        let d = &self.dom;
        let fs = d.add(head, "fieldset", "swn-region", "");
        d.add(&fs, "legend", "", self.t(Ui::Region));
        let r = &self.a.region;
        for (key, label, value, extra) in [
            ("name", Ui::RegionName, &r.name, "organization"),
            ("code", Ui::RegionCode, &r.code, ""),
            ("period", Ui::RegionPeriod, &r.period, ""),
            ("assessor", Ui::Assessor, &r.assessor, "name"),
        ] {
            let l = d.add(&fs, "label", "swn-field", "");
            d.add(&l, "span", "", self.t(label));
            let input = d.add(&l, "input", "", "");
            attrs(&input, &[("type", "text"), ("data-region", key)]);
            if !extra.is_empty() {
                attrs(&input, &[("autocomplete", extra)]);
            }
            // No numeric keypad for the code and the period: "63.03" and "2024/2025" need more
            // than digits.
            set_value(&input, value);
        }
    }

    fn render_notices(&self) {
        let Ok(Some(box_)) = self.frame.query_selector("[data-swn=notices]") else {
            return;
        };
        clear(&box_);
        self.show_unsaved();
        let d = &self.dom;
        for (n, notice) in self.notices.iter().enumerate() {
            let div = d.add(&box_, "div", "swn-notice", "");
            let close = |div: &Element| {
                let b = d.add(div, "button", "swn-btn swn-link", self.t(Ui::Dismiss));
                attrs(
                    &b,
                    &[
                        ("type", "button"),
                        ("data-act", "dismiss"),
                        ("data-n", &n.to_string()),
                    ],
                );
            };
            match notice {
                Notice::Text(key, items) => {
                    if matches!(key, Ui::StorageFull | Ui::StorageUnavailable) {
                        attrs(&div, &[("data-blocking", "")]);
                    }
                    d.add(&div, "p", "", self.t(*key));
                    if !items.is_empty() {
                        let ul = d.add(&div, "ul", "", "");
                        for it in items {
                            d.add(&ul, "li", "", it);
                        }
                    }
                    close(&div);
                }
                Notice::Problems(problems, integrity, opened, (how, name)) => {
                    attrs(&div, &[("data-swn", "import")]);
                    d.add(
                        &div,
                        "p",
                        "swn-notice-head",
                        &format!("{}: {name}", self.t(*how)),
                    );
                    // Not this set's assessment: say which file to choose (an intact SHA-256
                    // is then beside the point: a green "intact" above a refusal misleads).
                    let (cls, key) = match (integrity, opened) {
                        (_, Opened::Unusable) => ("swn-warn", Ui::ImportWhich),
                        (_, Opened::Broken) => ("swn-warn", Ui::ImportBroken),
                        (Integrity::Intact, _) => ("swn-ok", Ui::ImportIntact),
                        (Integrity::Mismatch, _) => ("swn-warn", Ui::ImportTampered),
                        (Integrity::Unchecked, _) => ("", Ui::ImportUnchecked),
                    };
                    let p = d.add(&div, "p", cls, self.t(key));
                    attrs(&p, &[("data-integrity", integrity_name(*integrity))]);
                    if !problems.is_empty() {
                        d.add(&div, "p", "", self.t(problems_heading(problems)));
                        let ul = d.add(&div, "ul", "swn-problems", "");
                        for pr in problems.iter().take(50) {
                            let msg = pr.message.get(self.lang);
                            let at = self.place(&pr.path);
                            // The code is for support and tests, not for the official's eyes.
                            let li = d.add(&ul, "li", "", &format!("{at}{msg}"));
                            attrs(&li, &[("data-code", &pr.code.to_string())]);
                        }
                    }
                    if *opened == Opened::Pending {
                        let b = d.add(
                            &div,
                            "button",
                            "swn-btn swn-primary",
                            self.t(Ui::ImportConfirm),
                        );
                        attrs(&b, &[("type", "button"), ("data-act", "import-confirm")]);
                        let c = d.add(&div, "button", "swn-btn", self.t(Ui::Cancel));
                        attrs(&c, &[("type", "button"), ("data-act", "import-cancel")]);
                    } else {
                        close(&div);
                    }
                }
                Notice::OtherTab => {
                    attrs(&div, &[("data-swn", "other-tab"), ("data-blocking", "")]);
                    d.add(&div, "p", "swn-warn", self.t(Ui::OtherTab));
                    let m = d.add(&div, "button", "swn-btn swn-primary", self.t(Ui::MergeBoth));
                    attrs(&m, &[("type", "button"), ("data-act", "other-merge")]);
                    let b = d.add(&div, "button", "swn-btn", self.t(Ui::ReloadOther));
                    attrs(&b, &[("type", "button"), ("data-act", "other-load")]);
                    let c = d.add(&div, "button", "swn-btn", self.t(Ui::KeepMine));
                    attrs(&c, &[("type", "button"), ("data-act", "other-keep")]);
                }
                Notice::Merged(ids) => {
                    d.add(&div, "p", "", self.t(merged_key(ids)));
                    if !ids.is_empty() {
                        let ul = d.add(&div, "ul", "", "");
                        for id in ids {
                            d.add(&ul, "li", "", &self.name_of(id));
                        }
                    }
                    close(&div);
                }
                Notice::Left => {
                    attrs(&div, &[("data-swn", "left")]);
                    d.add(&div, "p", "swn-warn", self.t(Ui::LeftUnsaved));
                    let b = d.add(
                        &div,
                        "button",
                        "swn-btn swn-primary",
                        self.t(Ui::LeftRestore),
                    );
                    attrs(&b, &[("type", "button"), ("data-act", "left-restore")]);
                    let c = d.add(&div, "button", "swn-btn", self.t(Ui::LeftDrop));
                    attrs(&c, &[("type", "button"), ("data-act", "left-drop")]);
                }
                Notice::ResetDone => {
                    d.add(&div, "p", "", self.t(Ui::ResetDone));
                    let b = d.add(&div, "button", "swn-btn", self.t(Ui::Undo));
                    attrs(&b, &[("type", "button"), ("data-act", "undo-reset")]);
                    close(&div);
                }
            }
        }
    }

    fn select_tab(&mut self, k: usize, move_focus: bool) {
        let count = self.set().groups.len();
        if count == 0 {
            return;
        }
        let k = k.min(count - 1);
        if k != self.tab {
            self.card_limit = CARD_CHUNK;
        }
        self.tab = k;
        if let Ok(list) = self.frame.query_selector_all("[role=tab]") {
            for i in 0..list.length() {
                let Some(tab) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
                    continue;
                };
                let on = i as usize == self.tab;
                attrs(
                    &tab,
                    &[
                        ("aria-selected", if on { "true" } else { "false" }),
                        ("tabindex", if on { "0" } else { "-1" }),
                    ],
                );
                if on && move_focus {
                    focus(&tab);
                }
            }
        }
        self.update_tab_counts();
        self.render_panel();
    }

    fn update_tab_counts(&self) {
        let mut first = 0;
        for k in 0..self.set().groups.len() {
            let n = self.scorer.top_group_indicator_count(k);
            let done = self.answered[first..first + n]
                .iter()
                .filter(|a| **a)
                .count();
            first += n;
            if let Ok(Some(c)) = self.frame.query_selector(&format!("[data-count=\"{k}\"]")) {
                c.set_text_content(Some(&format!("{done}/{n}")));
            }
        }
    }

    fn render_panel(&self) {
        let Ok(Some(panel)) = self.frame.query_selector("#swn-panel") else {
            return;
        };
        clear(&panel);
        attrs(
            &panel,
            &[("aria-labelledby", &format!("swn-tab-{}", self.tab))],
        );
        let Some(group) = self.set().groups.get(self.tab) else {
            return;
        };
        let first = self.tab_first();
        let total = self.scorer.top_group_indicator_count(self.tab);
        let limit = first + self.card_limit.min(total);
        let mut next = first;
        self.render_group(&panel, group, 3, &mut next, limit);
        if limit < first + total {
            let d = &self.dom;
            let more = d.add(&panel, "p", "swn-more-cards", "");
            d.add(
                &more,
                "span",
                "",
                &view::shown_count_text(limit - first, total, self.lang),
            );
            let b = d.add(&more, "button", "swn-btn", self.t(Ui::ShowMore));
            attrs(&b, &[("type", "button"), ("data-act", "more")]);
        }
    }

    /// The document-order index of the current tab's first indicator.
    fn tab_first(&self) -> usize {
        (0..self.tab)
            .map(|k| self.scorer.top_group_indicator_count(k))
            .sum()
    }

    fn render_group(&self, parent: &Element, g: &Group, level: u8, next: &mut usize, limit: usize) {
        if *next >= limit {
            return;
        }
        let d = &self.dom;
        let tag = format!("h{}", level.min(6));
        d.add(parent, &tag, "swn-group-title", g.title.get(self.lang));
        if let Some(desc) = &g.description {
            d.add(parent, "p", "swn-desc", desc.get(self.lang));
        }
        for _ in &g.indicators {
            if *next >= limit {
                return;
            }
            self.render_card(parent, *next);
            *next += 1;
        }
        for c in &g.children {
            if *next >= limit {
                return;
            }
            let sub = d.add(parent, "section", "swn-sub", "");
            self.render_group(&sub, c, level + 1, next, limit);
        }
    }

    fn render_card(&self, parent: &Element, i: usize) {
        let d = &self.dom;
        let ind = self.scorer.indicator(i);
        let lang = self.lang;
        let answer = self.a.answers.get(&ind.id);
        let value = answer.and_then(|x| x.value.as_ref());
        let card = d.add(parent, "article", "swn-ind", "");
        attrs(
            &card,
            &[("id", &format!("swn-i-{i}")), ("data-ind", &ind.id)],
        );
        let fs = d.add(&card, "fieldset", "", "");
        let legend = d.add(&fs, "legend", "", "");
        attrs(&legend, &[("id", &format!("swn-t-{i}"))]);
        d.add(&legend, "span", "swn-num", &format!("{}. ", i + 1));
        d.add(&legend, "span", "", ind.title.get(lang));
        match ind.evidence {
            Evidence::Required => {
                d.add(&legend, "span", "swn-badge", self.t(Ui::EvidenceRequired));
            }
            Evidence::Recommended | Evidence::None => {}
        }
        if let Some(help) = &ind.help {
            let det = d.add(&fs, "details", "swn-help", "");
            d.add(&det, "summary", "", self.t(Ui::Guidance));
            d.add(&det, "p", "", help.get(lang));
        }
        let name = format!("swn-r-{i}");
        let radio = |label: &str, note: Option<&str>, v: &str, checked: bool| {
            let l = d.add(&fs, "label", "swn-opt", "");
            let input = d.add(&l, "input", "", "");
            attrs(
                &input,
                &[
                    ("type", "radio"),
                    ("name", &name),
                    ("value", v),
                    ("data-i", &i.to_string()),
                    ("data-f", "pick"),
                ],
            );
            if checked {
                attrs(&input, &[("checked", "")]);
            }
            let text = d.add(&l, "span", "swn-opt-text", "");
            d.add(&text, "span", "swn-opt-title", label);
            if let Some(n) = note {
                d.add(&text, "span", "swn-opt-crit", n);
            }
        };
        let err_id = format!("swn-e-{i}");
        match &ind.answer {
            AnswerKind::Level { levels } => {
                for (n, l) in levels.iter().enumerate() {
                    let num = n + 1;
                    let checked = value == Some(&Value::Number(num as f64));
                    radio(
                        &format!("{num} – {}", l.label.get(lang)),
                        l.criteria.as_ref().map(|c| c.get(lang)),
                        &num.to_string(),
                        checked,
                    );
                }
            }
            AnswerKind::YesNo { .. } => {
                radio(
                    self.t(Ui::Yes),
                    None,
                    "true",
                    value == Some(&Value::Bool(true)),
                );
                radio(
                    self.t(Ui::No),
                    None,
                    "false",
                    value == Some(&Value::Bool(false)),
                );
            }
            AnswerKind::Choice { options } => {
                let sel = d.add(&fs, "select", "swn-select", "");
                attrs(
                    &sel,
                    &[
                        ("data-i", &i.to_string()),
                        ("data-f", "pick"),
                        ("aria-labelledby", &format!("swn-t-{i}")),
                    ],
                );
                let empty = d.add(&sel, "option", "", self.t(Ui::ChooseOne));
                attrs(&empty, &[("value", "")]);
                for o in options {
                    let opt = d.add(&sel, "option", "", o.label.get(lang));
                    attrs(&opt, &[("value", &o.id)]);
                }
                if let Some(Value::Text(id)) = value {
                    set_value(&sel, id);
                }
            }
            AnswerKind::Number { unit, min, max, .. } => {
                let unit = unit
                    .as_ref()
                    .map(|u| u.get(lang).to_string())
                    .unwrap_or_default();
                let n = |x: &f64| crate::problem::number_in(*x, lang);
                let range = match (min, max) {
                    (Some(lo), Some(hi)) => format!("{} – {}", n(lo), n(hi)),
                    (Some(lo), None) => format!("{} {}", self.t(Ui::AtLeast), n(lo)),
                    (None, Some(hi)) => format!("{} {}", self.t(Ui::AtMost), n(hi)),
                    (None, None) => String::new(),
                };
                self.number_input(&fs, i, value, &unit, &range);
            }
            AnswerKind::Percent { .. } => self.number_input(&fs, i, value, "%", "0 – 100"),
            AnswerKind::Score => {
                let s = self.set().scale;
                let range = format!(
                    "{} – {}",
                    format_number(s.min, 0, lang),
                    format_number(s.max, 0, lang)
                );
                self.number_input(&fs, i, value, "", &range);
            }
        }
        let err = d.add(&fs, "p", "swn-err", "");
        attrs(&err, &[("id", &err_id), ("data-err", &i.to_string())]);
        if let Some((_, raw, typed_in)) = self.drafts.iter().find(|(k, ..)| *k == i) {
            if let (Ok(Some(input)), Err(msg)) = (
                fs.query_selector("[data-f=num]"),
                self.read_number(i, raw, *typed_in),
            ) {
                set_value(&input, raw);
                let _ = input.set_attribute("aria-invalid", "true");
                err.set_text_content(Some(&msg));
            }
        }
        let ev = d.add(&fs, "div", "swn-evidence", "");
        let notes = d.add(&ev, "label", "swn-field", "");
        d.add(&notes, "span", "", self.t(Ui::Notes));
        let ta = d.add(&notes, "textarea", "", "");
        attrs(
            &ta,
            &[
                ("rows", "2"),
                ("data-i", &i.to_string()),
                ("data-f", "notes"),
            ],
        );
        set_value(&ta, answer.map_or("", |x| x.notes.as_str()));
        let links = d.add(&ev, "label", "swn-field", "");
        d.add(
            &links,
            "span",
            "",
            &format!("{} ({})", self.t(Ui::Links), self.t(Ui::LinksHint)),
        );
        let tl = d.add(&links, "textarea", "", "");
        attrs(
            &tl,
            &[
                ("rows", "1"),
                ("data-i", &i.to_string()),
                ("data-f", "links"),
                ("inputmode", "url"),
            ],
        );
        set_value(&tl, &answer.map(|x| x.links.join("\n")).unwrap_or_default());
        let foot = d.add(&fs, "div", "swn-card-foot", "");
        let sc = d.add(&foot, "span", "swn-card-score", "");
        attrs(&sc, &[("data-score", &i.to_string())]);
        let flag = d.add(&foot, "span", "swn-flag", self.t(Ui::EvidenceMissing));
        attrs(&flag, &[("data-flag", &i.to_string())]);
        let clear_b = d.add(&foot, "button", "swn-btn swn-link", self.t(Ui::ClearAnswer));
        attrs(
            &clear_b,
            &[
                ("type", "button"),
                ("data-act", "clear"),
                ("data-i", &i.to_string()),
            ],
        );
        // Fill the elements in hand: update_card's lookups by attribute scan the whole shadow
        // tree, so calling it here made the first render quadratic (2,000 cards: 1.2 s of 1.8 s).
        self.fill_card(i, &sc, Some(&flag));
    }

    fn number_input(&self, fs: &Element, i: usize, value: Option<&Value>, unit: &str, range: &str) {
        let d = &self.dom;
        let wrap = d.add(fs, "div", "swn-num-field", "");
        let input = d.add(&wrap, "input", "", "");
        let unit_id = format!("swn-u-{i}");
        attrs(
            &input,
            &[
                ("type", "text"),
                ("inputmode", "decimal"),
                ("data-i", &i.to_string()),
                ("data-f", "num"),
                ("aria-labelledby", &format!("swn-t-{i} {unit_id}")),
                ("aria-describedby", &format!("swn-e-{i}")),
            ],
        );
        if let Some(Value::Number(n)) = value {
            set_value(&input, &typed_text(*n, self.lang));
        }
        let u = d.add(&wrap, "span", "swn-unit", unit);
        attrs(&u, &[("id", &unit_id)]);
        if !range.is_empty() {
            d.add(&wrap, "span", "swn-range", &format!("({range})"));
        }
    }

    /// Updates one card's score line and evidence flag, if the card is on screen.
    fn update_card(&self, i: usize) {
        let Ok(Some(sc)) = self.frame.query_selector(&format!("[data-score=\"{i}\"]")) else {
            return;
        };
        let flag = self
            .frame
            .query_selector(&format!("[data-flag=\"{i}\"]"))
            .ok()
            .flatten();
        self.fill_card(i, &sc, flag.as_ref());
    }

    /// Writes indicator `i`'s score line into `sc` and shows or hides its evidence flag.
    fn fill_card(&self, i: usize, sc: &Element, flag: Option<&Element>) {
        let score = self.scorer.score_of(self.tally.indicator(i));
        let d = self.set().scale.decimals;
        let text = if self.answered[i] {
            format!(
                "{}: {}",
                self.t(Ui::Score),
                view::shown(&score, d, self.lang)
            )
        } else {
            format!("{}: – ({})", self.t(Ui::Score), self.t(Ui::NotAnswered))
        };
        sc.set_text_content(Some(&text));
        let ind = self.scorer.indicator(i);
        let missing = self.answered[i]
            && ind.evidence == Evidence::Required
            && !self
                .a
                .answers
                .get(&ind.id)
                .is_some_and(Answer::has_evidence);
        if let Some(flag) = flag {
            let _ = flag.toggle_attribute_with_force("hidden", !missing);
        }
    }

    fn render_results(&self) {
        let Ok(Some(sec)) = self.frame.query_selector("[data-swn=results]") else {
            return;
        };
        clear(&sec);
        let d = &self.dom;
        let v = view::results(&self.scorer, &self.tally, &self.answered, self.lang);
        let h = d.add(&sec, "h3", "", self.t(Ui::Results));
        attrs(&h, &[("id", "swn-results-h")]);
        let big = d.add(&sec, "p", "swn-overall", "");
        d.add(&big, "span", "swn-overall-label", self.t(Ui::Overall));
        let num = d.add(&big, "span", "swn-overall-num", &v.overall);
        attrs(&num, &[("data-swn", "overall")]);
        d.add(&big, "span", "swn-out-of", &v.out_of);
        let pred = d.add(&big, "span", "swn-pred", &v.predicate);
        attrs(&pred, &[("data-swn", "predicate")]);
        let comp = d.add(&sec, "p", "swn-completeness", &v.completeness);
        attrs(&comp, &[("data-swn", "completeness")]);

        // Radar chart with a data table beside it (the table is the accessible version).
        let wrap = d.add(&sec, "div", "swn-chart", "");
        if v.bars.len() >= 3 {
            let svg = d.svg(
                &wrap,
                "svg",
                &[
                    ("viewBox", "-130 -125 260 250"),
                    ("role", "img"),
                    ("class", "swn-radar"),
                ],
            );
            let title = d.svg(&svg, "title", &[]);
            title.set_text_content(Some(self.t(Ui::Chart)));
            let n = v.bars.len();
            for ring in 1..=5 {
                let r = f64::from(ring) / 5.0;
                d.svg(
                    &svg,
                    "polygon",
                    &[
                        ("points", &view::radar_points(&vec![r; n], 100.0)),
                        ("class", "swn-grid"),
                    ],
                );
            }
            for (k, _) in v.bars.iter().enumerate() {
                let (x, y) = view::radar_xy(k as f64 / n as f64, 100.0);
                d.svg(
                    &svg,
                    "line",
                    &[
                        ("x1", "0"),
                        ("y1", "0"),
                        ("x2", &fixed(x, 1)),
                        ("y2", &fixed(y, 1)),
                        ("class", "swn-axis"),
                    ],
                );
                let (lx, ly) = view::radar_xy(k as f64 / n as f64, 114.0);
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
                t.set_text_content(Some(&(k + 1).to_string()));
            }
            d.svg(
                &svg,
                "polygon",
                &[("points", &v.radar), ("class", "swn-area")],
            );
        }
        let table = d.add(&wrap, "table", "swn-table", "");
        let thead = d.add(&table, "thead", "", "");
        let tr = d.add(&thead, "tr", "", "");
        for h in [
            "#",
            self.t(Ui::Group),
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
        if !tags.is_empty() {
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
    }

    fn update_summary_mini(&self, v: &view::ResultsView) {
        if let Ok(Some(mini)) = self.frame.query_selector("[data-mini]") {
            mini.set_text_content(Some(&format!(
                "{}: {} {} · {}",
                self.t(Ui::Overall),
                v.overall,
                v.predicate,
                v.answered_of_total
            )));
        }
    }

    /// Updates the overall score, predicate, completeness and the status announcement in place.
    fn update_summary(&self) {
        let v = view::results(&self.scorer, &self.tally, &self.answered, self.lang);
        let set = |sel: &str, text: &str| {
            if let Ok(Some(e)) = self.frame.query_selector(sel) {
                e.set_text_content(Some(text));
            }
        };
        set("[data-swn=overall]", &v.overall);
        set("[data-swn=predicate]", &v.predicate);
        set("[data-swn=completeness]", &v.completeness);
        self.announce(&v.announcement);
        self.update_summary_mini(&v);
    }

    fn render_advice(&self) {
        let Ok(Some(sec)) = self.frame.query_selector("[data-swn=advice]") else {
            return;
        };
        clear(&sec);
        let d = &self.dom;
        let h = d.add(&sec, "h3", "", self.t(Ui::Advice));
        attrs(&h, &[("id", "swn-advice-h")]);
        let advice = crate::advise_with(&self.scorer, &self.a, Some(5));
        let v = view::advice(&self.scorer, &advice, 5, self.lang);
        let p = d.add(&sec, "p", "swn-headline", &v.headline);
        attrs(&p, &[("data-swn", "plan")]);
        // Items from `visible` on are drawn hidden on screen (they print).
        let list = |items: &[view::AdviceLine], ordered: bool, visible: usize| -> Element {
            let l = d.add(
                &sec,
                if ordered { "ol" } else { "ul" },
                "swn-advice-list",
                "",
            );
            for (k, it) in items.iter().enumerate() {
                let li = d.add(&l, "li", if k < visible { "" } else { "swn-extra" }, "");
                let b = d.add(&li, "button", "swn-link swn-goto", &it.title);
                attrs(
                    &b,
                    &[
                        ("type", "button"),
                        ("data-act", "goto"),
                        ("data-i", &it.indicator.to_string()),
                    ],
                );
                d.add(&li, "span", "swn-advice-text", &it.text);
            }
            l
        };
        // A plan from an empty assessment can run to dozens of steps: show the first few,
        // and the rest on request.
        // A folded plan of up to PLAN_DRAWN steps is drawn whole, the rest hidden on screen:
        // paper gets every step even when the browser prints without `beforeprint`.
        let long = v.plan.len() > view::PLAN_SHOWN;
        let folded = long && !self.plan_open && !self.printing;
        let shown = if folded {
            view::PLAN_SHOWN
        } else {
            v.plan.len()
        };
        let drawn = if folded && v.plan.len() > PLAN_DRAWN {
            shown
        } else {
            v.plan.len()
        };
        let ol = list(&v.plan[..drawn], true, shown);
        if long {
            attrs(&ol, &[("id", "swn-plan-list")]);
            let label = if self.plan_open {
                self.t(Ui::ShowFewerSteps).to_string()
            } else {
                view::show_all_steps(v.plan.len(), self.lang)
            };
            let b = d.add(&sec, "button", "swn-link swn-more", &label);
            attrs(
                &b,
                &[
                    ("type", "button"),
                    ("data-act", "plan-more"),
                    ("aria-controls", "swn-plan-list"),
                    (
                        "aria-expanded",
                        if self.plan_open { "true" } else { "false" },
                    ),
                ],
            );
        }
        d.add(&sec, "h4", "", self.t(Ui::TopImprovements));
        if v.top.is_empty() {
            d.add(&sec, "p", "", self.t(Ui::NoImprovements));
        } else {
            list(&v.top, false, v.top.len());
        }
    }

    fn render_compare(&self) {
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
        let c = crate::compare(self.set(), prev, &self.a);
        let rows = view::comparison(self.set(), &c, self.lang);
        let t = d.add(&sec, "table", "swn-table", "");
        let tr = d.add(&d.add(&t, "thead", "", ""), "tr", "", "");
        for h in [
            self.t(Ui::Group),
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

    /// Lists every indicator with its answer, for printing (the form shows one tab only).
    fn render_print(&self) {
        let Ok(Some(sec)) = self.frame.query_selector("[data-swn=print]") else {
            return;
        };
        clear(&sec);
        let d = &self.dom;
        let r = &self.a.region;
        d.add(
            &sec,
            "h3",
            "",
            &format!(
                "{} — {} {}",
                self.set().title.get(self.lang),
                r.name,
                r.period
            ),
        );
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
            let cell = d.add(&tr, "td", "", ind.title.get(self.lang));
            d.add(
                &cell,
                "div",
                "swn-print-answer",
                &view::answer_text(
                    &ind.answer,
                    self.scorer.current_value(&self.a, i),
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
            let ev = ans.map(|x| {
                let mut s = x.notes.clone();
                for l in &x.links {
                    s.push('\n');
                    s.push_str(l);
                }
                s
            });
            d.add(&tr, "td", "swn-print-notes", ev.as_deref().unwrap_or(""));
        }
    }

    // ---------- state changes ----------

    /// Re-scores after indicator `i` changed, and refreshes what depends on it.
    fn rescored(&mut self, i: usize) -> Emits {
        let ind = self.scorer.indicator(i);
        let id = ind.id.clone();
        let value = self.a.answers.get(&ind.id).and_then(|x| x.value.as_ref());
        let score = value.and_then(|v| answer_score(&ind.answer, &self.set().scale, v).ok());
        self.answered[i] = score.is_some();
        let s = self.scorer.unanswered(score);
        self.scorer.update(&mut self.tally, i, s);
        self.update_card(i);
        self.update_tab_counts();
        // Due first, so that the announcement can say if it cannot be saved.
        self.schedule_save(false);
        // The score texts now; the chart and tables right after this event (see `defer`).
        self.update_summary();
        self.results_due = true;
        self.defer();
        let mut out = self.change_detail(&id);
        out.push(("score", self.score_detail()));
        out
    }

    /// The `change` event for one indicator's answer (value or evidence).
    fn change_detail(&self, id: &str) -> Emits {
        let answer = self.a.answers.get(id).cloned().unwrap_or_default();
        to_js(&change_payload(id, &answer))
            .map(|detail| vec![("change", detail)])
            .unwrap_or_default()
    }

    fn score_detail(&self) -> JsValue {
        #[derive(serde::Serialize)]
        struct Detail {
            overall: crate::Score,
            answered: usize,
            total: usize,
        }
        to_js(&Detail {
            overall: self.scorer.score_of(self.tally.overall()),
            answered: self.answered.iter().filter(|a| **a).count(),
            total: self.answered.len(),
        })
        .unwrap_or(JsValue::NULL)
    }

    fn full_refresh(&mut self) -> Emits {
        self.typing = None; // the answers were replaced: a later refusal must not bring one back
        self.answered = view::answered_flags(&self.scorer, &self.a);
        self.tally = self.scorer.tally(self.scorer.indicator_scores(&self.a));
        self.render_all();
        vec![("score", self.score_detail())]
    }

    fn on_pick(&mut self, i: usize, raw: &str) -> Emits {
        let ind = self.scorer.indicator(i);
        let value = match &ind.answer {
            AnswerKind::Level { .. } => crate::num::parse(raw).map(Value::Number),
            AnswerKind::YesNo { .. } => Some(Value::Bool(raw == "true")),
            _ => (!raw.is_empty()).then(|| Value::Text(raw.to_string())),
        };
        let id = ind.id.clone();
        self.a.answers.entry(id).or_default().value = value;
        self.touch();
        self.rescored(i)
    }

    /// What text typed into indicator `i`'s number field in language `typed_in` answers
    /// ([`view::read_number`], with messages in the widget's language). A refused text leaves
    /// the answer from before the typing in place: the message says so, with its value.
    fn read_number(&self, i: usize, raw: &str, typed_in: Lang) -> Result<Option<Value>, String> {
        let ind = self.scorer.indicator(i);
        view::read_number(&ind.answer, &self.set().scale, raw, typed_in, self.lang).map_err(|msg| {
            match self.a.answers.get(&ind.id).and_then(|a| a.value.as_ref()) {
                Some(Value::Number(n)) => format!(
                    "{msg} {}: {}.",
                    self.t(Ui::StillScored),
                    typed_text(*n, self.lang)
                ),
                _ => msg,
            }
        })
    }

    fn on_number(&mut self, i: usize, input: &Element) -> Emits {
        let raw = value_of(input);
        let id = self.scorer.indicator(i).id.clone();
        let now = self.a.answers.get(&id).and_then(|a| a.value.clone());
        if self.typing.as_ref().is_none_or(|t| t.0 != i) {
            self.typing = Some((i, now.clone()));
        }
        self.drafts.retain(|(k, ..)| *k != i);
        let read = self.read_number(i, &raw, self.lang);
        let value = match &read {
            Ok(value) => value.clone(),
            Err(_) => {
                // Keep the text (saved beside the answers); the answer from before counts.
                self.drafts.push((i, raw.clone(), self.lang));
                self.typing.as_ref().and_then(|t| t.1.clone())
            }
        };
        let changed = value != now;
        if changed {
            self.a.answers.entry(id).or_default().value = value;
        }
        // Read again once the answer is back: the message names the value that counts.
        let error = match read {
            Ok(_) => String::new(),
            Err(_) if changed => self
                .read_number(i, &raw, self.lang)
                .err()
                .unwrap_or_default(),
            Err(msg) => msg,
        };
        self.show_field_error(i, &error);
        let _ = input.set_attribute(
            "aria-invalid",
            if error.is_empty() { "false" } else { "true" },
        );
        if !changed {
            self.schedule_save(true);
            return Vec::new();
        }
        self.touch();
        self.rescored(i)
    }

    fn on_evidence(&mut self, i: usize, field: &str, text: String) -> Emits {
        let id = self.scorer.indicator(i).id.clone();
        let answer = self.a.answers.entry(id).or_default();
        if field == "notes" {
            answer.notes = text;
        } else {
            answer.links = text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(String::from)
                .collect();
        }
        self.touch();
        self.update_card(i);
        self.schedule_save(true);
        let id = self.scorer.indicator(i).id.clone();
        self.change_detail(&id)
    }

    fn on_region(&mut self, key: &str, text: String) -> Emits {
        let r = &mut self.a.region;
        match key {
            "name" => r.name = text,
            "code" => r.code = text,
            "period" => r.period = text,
            _ => r.assessor = text,
        }
        self.touch();
        self.schedule_save(true);
        #[derive(serde::Serialize)]
        struct RegionChange<'a> {
            region: &'a crate::Region,
        }
        to_js(&RegionChange {
            region: &self.a.region,
        })
        .map(|detail| vec![("change", detail)])
        .unwrap_or_default()
    }

    fn clear_answer(&mut self, i: usize) -> Emits {
        self.typing = None;
        let id = self.scorer.indicator(i).id.clone();
        if let Some(a) = self.a.answers.get_mut(&id) {
            a.value = None;
        }
        if let Ok(list) = self
            .frame
            .query_selector_all(&format!("[data-i=\"{i}\"][data-f]"))
        {
            for k in 0..list.length() {
                if let Some(e) = list.item(k).and_then(|n| n.dyn_into::<Element>().ok()) {
                    if let Some(inp) = e.dyn_ref::<HtmlInputElement>() {
                        if inp.type_() == "radio" {
                            inp.set_checked(false);
                            continue;
                        }
                    }
                    if e.get_attribute("data-f").as_deref() != Some("notes")
                        && e.get_attribute("data-f").as_deref() != Some("links")
                    {
                        set_value(&e, "");
                        let _ = e.remove_attribute("aria-invalid");
                    }
                }
            }
        }
        // A number field's rejected text goes too.
        self.drafts.retain(|(k, ..)| *k != i);
        self.show_field_error(i, "");
        self.touch();
        self.rescored(i)
    }

    /// Sets last year's assessment, and keeps it for the next session.
    fn keep_previous(&mut self, previous: Option<Assessment>) {
        let text = (previous.as_ref()).map(|p| save_text(p, &[], 0, "previous", &now_iso()));
        self.store.set_previous(text.as_deref());
        self.previous = previous;
    }

    /// The save document for what is on screen (answers and kept number text), as save `rev`.
    fn save_doc(&self, rev: u64) -> String {
        let drafts: Vec<Draft> = (self.drafts.iter())
            .map(|(i, text, lang)| Draft {
                indicator: self.scorer.indicator(*i).id.clone(),
                text: text.clone(),
                lang: *lang,
            })
            .collect();
        save_text_with(
            &self.a,
            &drafts,
            rev,
            &self.writer,
            &now_iso(),
            &self.lineage,
        )
    }

    /// Shows (or, with `""`, clears) the error under indicator `i`'s fields.
    fn show_field_error(&self, i: usize, msg: &str) {
        if let Ok(Some(e)) = self.frame.query_selector(&format!("[data-err=\"{i}\"]")) {
            e.set_text_content(Some(msg));
        }
    }

    fn touch(&mut self) {
        let now = now_iso();
        if self.a.created_at.is_none() {
            self.a.created_at = Some(now.clone());
        }
        self.a.updated_at = Some(now);
    }

    // ---------- saving ----------

    fn schedule_save(&mut self, debounce: bool) {
        self.save_due = true;
        self.edits += 1;
        self.show_unsaved();
        if !debounce {
            self.defer();
        }
        // Debounced saves are flushed by the timer set up in `listen` (every 400 ms) and on
        // pagehide/visibilitychange, so typing does not serialise on every key.
    }

    /// Queues `flush_deferred` to run as soon as the current event is done.
    fn defer(&mut self) {
        if self.soon_pending.is_some() {
            return;
        }
        let (Some(win), Some(f)) = (web_sys::window(), self.soon.as_ref()) else {
            self.flush_deferred(false);
            return;
        };
        match win
            .set_timeout_with_callback_and_timeout_and_arguments_0(f.as_ref().unchecked_ref(), 0)
        {
            Ok(id) => self.soon_pending = Some(id),
            Err(_) => self.flush_deferred(false),
        }
    }

    /// Redraws the results, saves, and redraws the advice if due. Advice on a very large set
    /// (two what-ifs per indicator) waits for the 400 ms tick, so quick answers share one.
    fn flush_deferred(&mut self, from_tick: bool) {
        self.soon_pending = None;
        if from_tick && self.status_fresh.replace(false) {
            if let Some((_, text)) = self.later.take().filter(|(l, _)| *l == self.lang) {
                self.announce(&text);
            }
        }
        if self.results_due {
            self.results_due = false;
            self.render_results();
        }
        self.save_now();
        if self.advice_due && (from_tick || self.scorer.indicator_count() <= 500) {
            self.advice_due = false;
            self.render_advice();
        }
    }

    fn save_now(&mut self) {
        if !self.save_due || !self.store.available() {
            return;
        }
        // Blocked (another tab saved, or storage is full) with nothing new since the last try:
        // the 400 ms tick would otherwise read and write the whole save again every time.
        if self.tried == self.edits && self.blocked() {
            return;
        }
        self.tried = self.edits;
        if let Some(text) = self.store.read() {
            match restore(&text) {
                Restored::Saved { rev, writer, .. } => {
                    if self.saved_elsewhere(rev, &writer) {
                        // Someone else saved since we last did: ask instead of overwriting, and
                        // keep this tab's work under a backup key until the official chooses.
                        self.store
                            .keep_waiting(&self.writer, &self.save_doc(self.rev));
                        self.warn(true);
                        return;
                    }
                }
                // Unreadable (damaged, or a later version's format): kept before it is replaced.
                Restored::Corrupt { .. } => {
                    self.store.backup("corrupt", &text);
                }
            }
        }
        self.write_save();
    }

    /// The stored save (`rev` by `writer`) is to be written over on purpose: the next write
    /// goes after it (and after every rev this tab used: its own saves stay unique by rev), and
    /// claims no descent from it (`base` is no save at all until that write lands).
    fn took_over(&mut self, rev: u64, writer: String) {
        self.rev = self.rev.max(rev);
        self.seen = (rev, writer);
        self.from = None;
    }

    /// Whether the stored save (`rev` by `writer`) was written by another tab since this one
    /// last wrote or read it. Revs alone do not tell: a history started over (the key was
    /// cleared) or two tabs writing at once reuse them.
    fn saved_elsewhere(&self, rev: u64, writer: &str) -> bool {
        writer != self.writer && (rev != self.seen.0 || writer != self.seen.1)
    }

    fn write_save(&mut self) {
        let text = self.save_doc(self.rev + 1);
        match self.store.write(&text) {
            Ok(()) => {
                self.rev += 1;
                join_lineage(&mut self.lineage, &[(self.rev, self.writer.clone())]);
                self.seen = (self.rev, self.writer.clone());
                self.from = Some(self.seen.clone());
                self.base = self.a.clone();
                self.save_due = false;
                self.full = false;
                let now = js_sys::Date::new_0();
                self.saved_at = Some((now.get_hours(), now.get_minutes()));
                self.show_saved();
                let full = |n: &Notice| matches!(n, Notice::Text(Ui::StorageFull, _));
                if self.notices.iter().any(full) {
                    self.notices.retain(|n| !full(n));
                    self.render_notices();
                }
                self.show_unsaved();
            }
            Err(SaveError::Full) => self.warn(false),
            Err(SaveError::Unavailable) => {}
        }
    }

    /// Before printing, fills the print section and draws the whole advice plan; after, draws
    /// the plan as the screen shows it.
    fn set_printing(&mut self, on: bool) {
        self.printing = on;
        if on {
            self.render_print();
        }
        self.render_advice();
    }

    /// "Saved automatically 10.42" in the sticky bar, once this page has saved.
    fn show_saved(&self) {
        let Some((h, m)) = self.saved_at else { return };
        if let Ok(Some(e)) = self.frame.query_selector("[data-saved]") {
            let sep = if self.lang == Lang::Id { "." } else { ":" };
            e.set_text_content(Some(&format!("{} {h:02}{sep}{m:02}", self.t(Ui::Saved))));
        }
    }

    /// Whether changes cannot be saved now: storage is off or full, or another tab saved.
    /// (Not read from the notices: the official may close one, and nothing is saved still.)
    fn blocked(&self) -> bool {
        !self.store.available() || self.conflict || self.full
    }

    /// Shows the sticky "not saved" button while there are changes that cannot be saved.
    /// Also attaches the `beforeunload` listener (which asks before the page closes) exactly
    /// while that is so; adding or removing it again changes nothing.
    fn show_unsaved(&self) {
        let unsaved = self.save_due && self.blocked();
        // Called on every answer: touch the page only when the state changes.
        if self.unsaved_shown.replace(Some(unsaved)) == Some(unsaved) {
            return;
        }
        if let Ok(Some(b)) = self.frame.query_selector(".swn-unsaved") {
            let _ = if unsaved {
                b.remove_attribute("hidden")
            } else {
                b.set_attribute("hidden", "")
            };
        }
        if let Some(l) = self.listeners.iter().find(|l| l.kind == "beforeunload") {
            let f = l.closure.as_ref().unchecked_ref();
            let _ = if unsaved {
                l.target.add_event_listener_with_callback(l.kind, f)
            } else {
                l.target.remove_event_listener_with_callback(l.kind, f)
            };
        }
    }

    /// Notes that another tab saved (`other_tab`) or that storage is full; the first time,
    /// shows the notice saying so and reads it out (it may be far off screen).
    fn warn(&mut self, other_tab: bool) {
        let flag = if other_tab {
            &mut self.conflict
        } else {
            &mut self.full
        };
        if !std::mem::replace(flag, true) {
            self.blocking_notices();
            self.render_notices();
            let key = if other_tab {
                Ui::OtherTab
            } else {
                Ui::StorageFull
            };
            self.announce(self.t(key));
        }
    }

    /// Puts back the notices of what keeps changes from being saved (after the official
    /// closed one, the sticky warning leads back to it).
    fn blocking_notices(&mut self) {
        let why = [
            (self.conflict, Ui::OtherTab),
            (self.full, Ui::StorageFull),
            (!self.store.available(), Ui::StorageUnavailable),
        ];
        for (on, key) in why {
            let shown = self.notices.iter().any(|n| match n {
                Notice::OtherTab => key == Ui::OtherTab,
                Notice::Text(k, _) => *k == key,
                _ => false,
            });
            if on && !shown {
                self.notices.push(if key == Ui::OtherTab {
                    Notice::OtherTab
                } else {
                    Notice::Text(key, Vec::new())
                });
            }
        }
    }

    // ---------- actions ----------

    fn download(&self, name: &str, mime: &str, text: &str) {
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

    fn file_name(&self, ext: &str) -> String {
        let slug = |s: &str| {
            s.chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() {
                        c.to_ascii_lowercase()
                    } else {
                        '-'
                    }
                })
                .collect::<String>()
                .split('-')
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
                .join("-")
        };
        let r = &self.a.region;
        let mut parts = vec![self.set().id.clone()];
        for p in [slug(&r.name), slug(&r.period)] {
            if !p.is_empty() {
                parts.push(p);
            }
        }
        format!("{}.{ext}", parts.join("-"))
    }

    fn export(&mut self, csv: bool) -> Emits {
        self.save_now();
        let (name, mime, text) = if csv {
            let report = self.scorer.score(&self.a);
            (
                self.file_name("csv"),
                "text/csv;charset=utf-8",
                crate::report_csv(self.set(), &self.a, &report, self.lang),
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

    fn opened(&mut self, text: &str, name: &str, as_previous: bool) -> Emits {
        let f = open_file(text);
        let how = (
            if as_previous {
                Ui::ImportPrevious
            } else {
                Ui::Import
            },
            name.to_string(),
        );
        let mut problems = f.problems;
        let mut a = f.assessment;
        if let Some(other) = a.take_if(|a| a.set_id != self.set().id) {
            // Another set's assessment: that its set differs is all there is to report.
            problems.extend(
                crate::validate_assessment(self.set(), &other)
                    .into_iter()
                    .filter(|p| p.path == "setId"),
            );
        }
        let json = text
            .trim_start_matches(['\u{feff}', ' ', '\n', '\r', '\t'])
            .starts_with('{');
        let opened = match &a {
            None if json && problems.iter().any(|p| p.code == crate::Code::JsonSyntax) => {
                Opened::Broken
            }
            None => Opened::Unusable,
            Some(a) => {
                problems.extend(crate::validate_assessment(self.set(), a));
                if as_previous {
                    Opened::Shown
                } else {
                    Opened::Pending
                }
            }
        };
        match a {
            Some(a) if as_previous => self.keep_previous(Some(a)),
            Some(mut a) => {
                a.set_version = self.set().version.clone();
                self.pending = Some(Pending { assessment: a });
                self.notices
                    .retain(|n| !matches!(n, Notice::Problems(_, _, Opened::Pending, _)));
            }
            None => {}
        }
        self.announce_import(&problems, f.integrity, opened);
        self.notices
            .push(Notice::Problems(problems, f.integrity, opened, how));
        self.render_notices();
        match opened {
            Opened::Shown => self.render_compare(),
            Opened::Pending => {
                if let Ok(Some(b)) = self.frame.query_selector("[data-act=import-confirm]") {
                    focus(&b);
                }
            }
            Opened::Unusable | Opened::Broken => {}
        }
        Vec::new()
    }

    /// Tells screen readers what an opened file turned out to be (the notice's first lines).
    fn announce_import(&self, problems: &[Problem], integrity: Integrity, opened: Opened) {
        let key = match (integrity, opened) {
            (_, Opened::Unusable) => Ui::ImportWhich,
            (_, Opened::Broken) => Ui::ImportBroken,
            (Integrity::Intact, _) => Ui::ImportIntact,
            (Integrity::Mismatch, _) => Ui::ImportTampered,
            (Integrity::Unchecked, _) => Ui::ImportUnchecked,
        };
        let mut text = self.t(key).to_string();
        if !problems.is_empty() {
            let heading = self.t(problems_heading(problems));
            text.push_str(&format!(" {heading}: {}.", problems.len()));
        }
        self.announce(&text);
    }

    /// Where a problem is, for the official: "12. <indicator title>: " for an answer, nothing
    /// where the message says it all (the set id, a file that is not JSON), else the path.
    fn place(&self, path: &str) -> String {
        // `answers.spbe-01.value`, or `answers["1.1"].value` for ids that need quotes.
        let rest = path.strip_prefix("answers").unwrap_or_default();
        let id = match rest.strip_prefix("[\"") {
            Some(quoted) => quoted.split('"').next(),
            None => rest
                .strip_prefix('.')
                .and_then(|r| r.split(['.', '[']).next()),
        };
        let answer = id.and_then(|id| self.scorer.indicator_index(id));
        match answer {
            Some(i) => format!(
                "{}. {}: ",
                i + 1,
                self.scorer.indicator(i).title.get(self.lang)
            ),
            None if path.is_empty() || path == "setId" => String::new(),
            None => format!("{path}: "),
        }
    }

    fn replace(&mut self, a: Assessment, drafts: Drafts) -> Emits {
        // Back up what is on screen, edits still waiting for the debounced save included
        // (the stored copy can be up to 400 ms older).
        let current = self.save_doc(self.rev);
        self.store.backup("backup", &current);
        self.adopt_newer();
        self.a = a;
        self.drafts = drafts;
        self.typing = None;
        self.save_due = true;
        self.write_save();
        self.full_refresh()
    }
}

/// Saved drafts by indicator position. The ones that no longer apply are listed in a notice
/// as "id: text" (the official typed them): drafts of indicators the set no longer has or no
/// longer answers with a typed number, and text a new set version accepts (it would stay
/// hidden in every save; making it an answer unasked would change the score).
fn draft_indices(scorer: &Scorer<'_>, drafts: Vec<Draft>, notices: &mut Vec<Notice>) -> Drafts {
    let scale = &scorer.set().scale;
    let (mut kept, mut dropped) = (Vec::new(), Vec::new());
    for d in drafts {
        let applies = scorer.indicator_index(&d.indicator).filter(|&i| {
            let kind = &scorer.indicator(i).answer;
            let typed = matches!(
                kind,
                AnswerKind::Number { .. } | AnswerKind::Percent { .. } | AnswerKind::Score
            );
            typed && view::read_number(kind, scale, &d.text, d.lang, d.lang).is_err()
        });
        match applies {
            Some(i) => kept.push((i, d.text, d.lang)),
            None => dropped.push(format!("{}: {}", d.indicator, d.text)),
        }
    }
    if !dropped.is_empty() {
        notices.push(Notice::Text(Ui::DroppedDrafts, dropped));
    }
    kept
}

/// A number as the official would type it in `lang`: up to 6 decimals, no trailing zeros.
fn typed_text(n: f64, lang: Lang) -> String {
    let s = crate::answer_label(&AnswerKind::Score, &Value::Number(n), 6, lang);
    let sep = if lang == Lang::Id { ',' } else { '.' };
    if s.contains(sep) {
        s.trim_end_matches('0').trim_end_matches(sep).to_string()
    } else {
        s
    }
}

/// Adds revs to a lineage, keeping the newest [`MAX_LINEAGE`] once each (no sort: a
/// lineage is short, and sorting would link the standard sort into the module).
fn join_lineage(into: &mut Vec<(u64, String)>, revs: &[(u64, String)]) {
    for r in revs {
        if !into.contains(r) {
            into.push(r.clone());
        }
    }
    while into.len() > MAX_LINEAGE {
        let mut oldest = 0;
        for k in 1..into.len() {
            if into[k].0 < into[oldest].0 {
                oldest = k;
            }
        }
        into.swap_remove(oldest);
    }
}

/// "Combined" or "combined, and these differed".
fn merged_key(clashes: &[String]) -> Ui {
    if clashes.is_empty() {
        Ui::Merged
    } else {
        Ui::MergedClashes
    }
}

/// "Problems in the file" when one of them is an error, else "Worth checking in the file"
/// (missing evidence in the official's own export is not a fault of the file).
fn problems_heading(problems: &[Problem]) -> Ui {
    if problems.iter().any(|p| p.severity == Severity::Error) {
        Ui::ImportProblems
    } else {
        Ui::ImportNotes
    }
}

fn integrity_name(i: Integrity) -> &'static str {
    match i {
        Integrity::Intact => "intact",
        Integrity::Mismatch => "mismatch",
        Integrity::Unchecked => "unchecked",
    }
}

/// The `change` event's detail: `{ indicator, answer }`.
fn change_payload<'a>(id: &'a str, answer: &'a Answer) -> impl serde::Serialize + 'a {
    #[derive(serde::Serialize)]
    struct Change<'a> {
        indicator: &'a str,
        answer: &'a Answer,
    }
    Change {
        indicator: id,
        answer,
    }
}

/// Shows the error state after a panic (called from the panic hook; touches only the host).
pub(crate) fn show_crash(host: &Element) {
    let _ = host.set_attribute("data-state", "error");
    let Some(root) = host.shadow_root() else {
        return;
    };
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Ok(div) = doc.create_element("div") {
        div.set_class_name("swn-crash");
        let _ = div.set_attribute("role", "alert");
        div.set_text_content(Some(&format!(
            "{} / {}",
            ui(Ui::Error, Lang::Id),
            ui(Ui::Error, Lang::En)
        )));
        let _ = root.prepend_with_node_1(&div);
    }
}

// ---------- events ----------

impl Inner {
    fn listen(&mut self, weak: Weak<RefCell<Option<Inner>>>) {
        self.self_weak = Some(weak.clone());
        let root: EventTarget = self.root.clone().into();
        let window: EventTarget = web_sys::window().expect("window").into();
        let document: EventTarget = self.dom.doc.clone().into();
        for kind in ["input", "change", "click", "keydown", "focusin"] {
            self.add_listener(&root, kind, weak.clone());
        }
        for kind in [
            "storage",
            "pagehide",
            "beforeprint",
            "afterprint",
            "beforeunload",
        ] {
            self.add_listener(&window, kind, weak.clone());
        }
        self.add_listener(&document, "visibilitychange", weak.clone());
        // Attached only while changes cannot be saved (`show_unsaved`): a page with a
        // `beforeunload` listener may be kept out of the browser's back/forward cache.
        self.unsaved_shown.set(None);
        self.show_unsaved();
        if let Ok(Some(link)) = self.root.query_selector("link") {
            self.add_listener(&link.clone().into(), "load", weak.clone());
            self.add_listener(&link.into(), "error", weak.clone());
        } else {
            let _ = self.host.set_attribute("data-state", "ready");
        }
        let w = weak.clone();
        self.soon = Some(Closure::<dyn FnMut()>::new(move || {
            if let Some(cell) = w.upgrade() {
                if let Ok(mut g) = cell.try_borrow_mut() {
                    if let Some(st) = g.as_mut() {
                        st.flush_deferred(false);
                    }
                }
            }
        }));
        // Flush debounced saves and advice every 400 ms (cheap when nothing is due).
        let w = weak.clone();
        let tick = Closure::<dyn FnMut()>::new(move || {
            if let Some(cell) = w.upgrade() {
                if let Ok(mut g) = cell.try_borrow_mut() {
                    if let Some(st) = g.as_mut() {
                        st.flush_deferred(true);
                    }
                }
            }
        });
        if let Some(win) = web_sys::window() {
            if let Ok(id) = win.set_interval_with_callback_and_timeout_and_arguments_0(
                tick.as_ref().unchecked_ref(),
                400,
            ) {
                self.timers.push((id, tick));
            }
        }
    }

    fn add_listener(
        &mut self,
        target: &EventTarget,
        kind: &'static str,
        weak: Weak<RefCell<Option<Inner>>>,
    ) {
        let closure = Closure::<dyn FnMut(Event)>::new(move |e: Event| {
            if let Some(cell) = weak.upgrade() {
                dispatch(&cell, kind, &e);
            }
        });
        let _ = target.add_event_listener_with_callback(kind, closure.as_ref().unchecked_ref());
        self.listeners.push(Listener {
            target: target.clone(),
            kind,
            closure,
        });
    }

    fn remove_listeners(&mut self) {
        for l in self.listeners.drain(..) {
            let _ = l
                .target
                .remove_event_listener_with_callback(l.kind, l.closure.as_ref().unchecked_ref());
        }
        if let Some(win) = web_sys::window() {
            for (id, _) in self.timers.drain(..) {
                win.clear_interval_with_handle(id);
            }
            if let Some(id) = self.soon_pending.take() {
                win.clear_timeout_with_handle(id);
            }
        }
        self.soon = None;
    }

    fn handle(&mut self, kind: &str, e: &Event) -> Emits {
        let Some(target) = e.target() else {
            return Vec::new();
        };
        match kind {
            "load" | "error" => {
                let _ = self.host.set_attribute("data-state", "ready");
                Vec::new()
            }
            "pagehide" => {
                self.save_now();
                Vec::new()
            }
            "beforeunload" => {
                self.save_now();
                if self.save_due && self.blocked() {
                    // The browser asks before leaving: these changes exist only in this page.
                    e.prevent_default();
                    let _ = js_sys::Reflect::set(e, &"returnValue".into(), &"1".into());
                }
                Vec::new()
            }
            "visibilitychange" => {
                if self.dom.doc.hidden() {
                    self.save_now();
                }
                Vec::new()
            }
            "beforeprint" | "afterprint" => {
                self.set_printing(kind == "beforeprint");
                Vec::new()
            }
            "storage" => {
                let se: &web_sys::StorageEvent = e.unchecked_ref();
                if se.key().as_deref() == Some(self.store.key.as_str()) {
                    // The save stored now, not the event's: events can arrive late, after this
                    // tab read a newer save (at a choice, say).
                    let theirs = self.store.read().map(|t| restore(&t));
                    if let Some(Restored::Saved { writer, rev, .. }) = theirs {
                        if self.saved_elsewhere(rev, &writer) {
                            self.warn(true);
                        }
                    }
                }
                Vec::new()
            }
            "input" => {
                let Some(el) = closest_with(&target, "data-f")
                    .or_else(|| closest_with(&target, "data-region"))
                else {
                    return Vec::new();
                };
                if let Some(key) = el.get_attribute("data-region") {
                    return self.on_region(&key, value_of(&el));
                }
                let i = index_of(&el);
                match (i, el.get_attribute("data-f").as_deref()) {
                    (Some(i), Some("num")) => self.on_number(i, &el),
                    (Some(i), Some(f @ ("notes" | "links"))) => {
                        self.on_evidence(i, f, value_of(&el))
                    }
                    _ => Vec::new(),
                }
            }
            "change" => {
                if let Some(el) = closest_with(&target, "data-act") {
                    let act = el.get_attribute("data-act").unwrap_or_default();
                    if act == "import" || act == "import-prev" {
                        return self.read_file(&el, act == "import-prev");
                    }
                }
                let Some(el) = closest_with(&target, "data-f") else {
                    return Vec::new();
                };
                match (index_of(&el), el.get_attribute("data-f").as_deref()) {
                    (Some(i), Some("pick")) => self.on_pick(i, &value_of(&el)),
                    // The field was left: the next typing there starts from its answer then.
                    (Some(_), Some("num")) => {
                        self.typing = None;
                        Vec::new()
                    }
                    _ => Vec::new(),
                }
            }
            "click" => self.click(&target),
            "focusin" => {
                // Not when focus comes back with the window (no element had it before): the
                // official may have scrolled the field there on purpose.
                let from = e.unchecked_ref::<web_sys::FocusEvent>().related_target();
                if let (Some(el), Some(_)) = (target.dyn_ref::<Element>(), from) {
                    self.unhide(el);
                }
                Vec::new()
            }
            "keydown" => {
                let ke: &KeyboardEvent = e.unchecked_ref();
                let Some(tab) = closest_with(&target, "data-tab") else {
                    return Vec::new();
                };
                let k = index_of_attr(&tab, "data-tab").unwrap_or(0);
                let n = self.set().groups.len();
                let to = match ke.key().as_str() {
                    "ArrowRight" | "ArrowDown" => (k + 1) % n,
                    "ArrowLeft" | "ArrowUp" => (k + n - 1) % n,
                    "Home" => 0,
                    "End" => n - 1,
                    _ => return Vec::new(),
                };
                e.prevent_default();
                self.select_tab(to, true);
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    /// Advice costs two what-ifs per indicator: immediate for ordinary sets, debounced to the
    /// next tick for very large ones.
    fn schedule_advice(&mut self) {
        self.advice_due = true;
        if self.scorer.indicator_count() <= 500 {
            self.defer();
        }
    }

    fn read_file(&mut self, el: &Element, as_previous: bool) -> Emits {
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

    fn click(&mut self, target: &EventTarget) -> Emits {
        let had_focus = self.root.active_element().is_some();
        let emits = self.click_action(target);
        // A redraw can take the focused control away: never drop keyboard focus on <body>.
        if had_focus && self.root.active_element().is_none() {
            self.focus_first(&[".swn-title"]);
        }
        emits
    }

    fn click_action(&mut self, target: &EventTarget) -> Emits {
        if let Some(tab) = closest_with(target, "data-tab") {
            let k = index_of_attr(&tab, "data-tab").unwrap_or(0);
            self.select_tab(k, false);
            return Vec::new();
        }
        let Some(el) = closest_with(target, "data-act") else {
            return Vec::new();
        };
        let act = el.get_attribute("data-act").unwrap_or_default();
        match act.as_str() {
            "lang" => {
                self.lang = if self.lang == Lang::Id {
                    Lang::En
                } else {
                    Lang::Id
                };
                let _ = self.host.set_attribute("lang", self.lang.tag());
                self.render_all();
                if let Ok(Some(b)) = self.frame.query_selector("[data-act=lang]") {
                    focus(&b);
                }
                vec![]
            }
            "export-json" => self.export(false),
            "export-csv" => self.export(true),
            "print" => {
                // `print()` fires beforeprint and afterprint while this event still holds the
                // widget (they are dropped as busy), so they are done here.
                self.set_printing(true);
                if let Some(w) = web_sys::window() {
                    let _ = w.print();
                }
                self.set_printing(false);
                vec![]
            }
            "reset" => {
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
                self.focus_first(&["[data-act=undo-reset]"]);
                emits
            }
            "undo-reset" => match self.reset_backup.take() {
                Some((a, drafts)) => {
                    self.notices.retain(|n| !matches!(n, Notice::ResetDone));
                    let emits = self.replace(a, drafts);
                    self.focus_first(&["[data-act=reset]"]);
                    emits
                }
                None => vec![],
            },
            "plan-more" => {
                self.plan_open = !self.plan_open;
                self.render_advice();
                self.focus_first(&["[data-act=plan-more]"]);
                vec![]
            }
            "clear" => index_of(&el)
                .map(|i| self.clear_answer(i))
                .unwrap_or_default(),
            "more" => {
                let next = self.tab_first() + self.card_limit;
                self.card_limit += CARD_CHUNK;
                self.render_panel();
                // Continue where the reader was: the first newly drawn indicator.
                if let Ok(Some(input)) = self
                    .frame
                    .query_selector(&format!("#swn-i-{next} input, #swn-i-{next} select"))
                {
                    focus(&input);
                }
                vec![]
            }
            "goto" => {
                if let Some(i) = index_of(&el) {
                    self.goto(i);
                }
                vec![]
            }
            "notices" => {
                // Focus scrolls the notice saying why changes are not saved into view.
                self.blocking_notices();
                self.render_notices();
                if let Ok(Some(b)) = self.frame.query_selector("[data-blocking] button") {
                    focus(&b);
                }
                vec![]
            }
            "dismiss" => {
                if let Some(n) = index_of_attr(&el, "data-n") {
                    if n < self.notices.len() {
                        self.notices.remove(n);
                    }
                }
                self.render_notices();
                self.focus_first(&[".swn-title"]);
                vec![]
            }
            "import-confirm" => {
                self.notices
                    .retain(|n| !matches!(n, Notice::Problems(_, _, Opened::Pending, _)));
                match self.pending.take() {
                    Some(p) => {
                        let emits = self.replace(p.assessment, Vec::new());
                        self.notices.push(Notice::Text(Ui::ImportDone, Vec::new()));
                        self.render_notices();
                        self.announce(self.t(Ui::ImportDone));
                        self.focus_first(&["[data-swn=notices] > :last-child [data-act=dismiss]"]);
                        emits
                    }
                    None => vec![],
                }
            }
            "import-cancel" => {
                self.pending = None;
                self.notices
                    .retain(|n| !matches!(n, Notice::Problems(_, _, Opened::Pending, _)));
                self.render_notices();
                self.focus_first(&["input[data-act=import]"]);
                vec![]
            }
            "other-load" | "other-merge" | "other-keep" => self.settle(&act),
            "left-restore" | "left-drop" => {
                self.notices.retain(|n| !matches!(n, Notice::Left));
                let left = self.store.backups("unsaved");
                if act == "left-drop" || left.is_empty() {
                    self.store.retire(&left);
                    self.render_notices();
                    return vec![];
                }
                // Another tab may have saved since this one did: keep its save and go after it.
                self.adopt_newer();
                // What is saved here wins where both have something; the other tab's work
                // fills in the rest, and what differed is listed (once).
                let mut differ: Vec<String> = Vec::new();
                for (_, text) in &left {
                    if let Restored::Saved { assessment, .. } = restore(text) {
                        let none = Assessment::default();
                        let (merged, clashes) = self.a.merge(&none, &assessment, false);
                        self.a = merged;
                        for id in clashes {
                            if !differ.contains(&id) {
                                differ.push(id);
                            }
                        }
                    }
                }
                self.store.retire(&left);
                let said = self.merged_notice(&differ);
                self.save_due = true;
                self.write_save();
                let emits = self.full_refresh();
                self.announce(&said);
                emits
            }
            _ => vec![],
        }
    }

    /// Before writing over the stored save without asking (answers replaced, a closed tab's
    /// work restored): if another tab saved since this one did, its save is kept as a backup
    /// and this write goes after it (a higher rev), so that tab is asked in turn instead of
    /// overwriting this. This tab's own waiting copy is settled by the write.
    fn adopt_newer(&mut self) {
        if let Some(theirs) = self.store.read() {
            match restore(&theirs) {
                Restored::Saved { rev, writer, .. } => {
                    if self.saved_elsewhere(rev, &writer) {
                        self.store.backup("backup", &theirs);
                        self.took_over(rev, writer);
                    }
                }
                Restored::Corrupt { .. } => {
                    self.store.backup("corrupt", &theirs);
                }
            }
        }
        self.conflict = false;
        self.notices.retain(|n| !matches!(n, Notice::OtherTab));
        self.store
            .remove(&format!("{}:unsaved:{}", self.store.key, self.writer));
    }

    /// The official's answer to "changed in another tab": use that version (`other-load`),
    /// combine both (`other-merge`) or keep this one (`other-keep`). What gives way is kept
    /// under a backup key; an unreadable other save counts as "keep this one".
    fn settle(&mut self, how: &str) -> Emits {
        self.conflict = false;
        self.notices.retain(|n| !matches!(n, Notice::OtherTab));
        // This tab's copy kept while it waited is settled now (what gives way is backed up
        // below): the next visit must not offer it as work of a closed tab.
        self.store
            .remove(&format!("{}:unsaved:{}", self.store.key, self.writer));
        let theirs = self.store.read().unwrap_or_default();
        let Restored::Saved {
            assessment,
            rev,
            drafts,
            mut lineage,
            writer,
            ..
        } = restore(&theirs)
        else {
            return self.keep_mine(&theirs);
        };
        // Whether their save started from this tab's: then what they emptied, they cleared.
        // Saves are named by rev and writer: two histories (a cleared key, two tabs writing at
        // once) may both have a rev 5.
        let descended = self.from.as_ref().is_some_and(|f| lineage.contains(f));
        let theirs_id = (rev, writer);
        join_lineage(&mut lineage, std::slice::from_ref(&theirs_id));
        if how == "other-keep" {
            self.took_over(theirs_id.0, theirs_id.1);
            return self.keep_mine(&theirs);
        }
        self.store.backup("backup", &self.save_doc(self.rev));
        // Combined, `base` is no save until the write lands (so a failed write cannot make a
        // later save look descended from it); loaded, it is theirs.
        self.took_over(theirs_id.0, theirs_id.1.clone());
        if how == "other-merge" {
            // The write below replaces the other tab's save: it is kept too.
            self.store.backup("backup", &theirs);
        }
        if how == "other-load" {
            self.a = *assessment;
            self.base = self.a.clone();
            self.from = Some(theirs_id);
            self.lineage = lineage;
            self.drafts = draft_indices(&self.scorer, drafts, &mut self.notices);
            self.save_due = false;
        } else {
            let (merged, clashes) = self.a.merge(&self.base, &assessment, descended);
            self.a = merged;
            join_lineage(&mut self.lineage, &lineage);
            let said = self.merged_notice(&clashes);
            self.save_due = true;
            self.write_save();
            let emits = self.full_refresh();
            self.announce(&said);
            return emits;
        }
        self.full_refresh()
    }

    /// The notice after combining two versions, listing where they differed (this side won);
    /// returns its words for screen readers.
    fn merged_notice(&mut self, clashes: &[String]) -> String {
        let names: Vec<String> = clashes.iter().map(|id| self.name_of(id)).collect();
        self.notices.push(Notice::Merged(clashes.to_vec()));
        format!("{} {}", self.t(merged_key(clashes)), names.join("; "))
            .trim_end()
            .to_string()
    }

    /// "12. <title>" for an indicator id; the region's heading for `region`.
    fn name_of(&self, id: &str) -> String {
        match self.scorer.indicator_index(id) {
            Some(i) => format!(
                "{}. {}",
                i + 1,
                self.scorer.indicator(i).title.get(self.lang)
            ),
            None => self.t(Ui::Region).to_string(),
        }
    }

    /// Saves this tab's version over the other's, which is kept under a backup key.
    fn keep_mine(&mut self, theirs: &str) -> Emits {
        if !theirs.is_empty() {
            self.store.backup("backup", theirs);
        }
        self.save_due = true;
        self.write_save();
        self.render_notices();
        vec![]
    }

    fn goto(&mut self, i: usize) {
        let mut first = 0;
        for k in 0..self.set().groups.len() {
            let n = self.scorer.top_group_indicator_count(k);
            if i < first + n {
                if k != self.tab {
                    self.select_tab(k, false);
                }
                break;
            }
            first += n;
        }
        let pos = i.saturating_sub(self.tab_first());
        if pos >= self.card_limit {
            self.card_limit = (pos / CARD_CHUNK + 1) * CARD_CHUNK;
            self.render_panel();
        }
        self.measure_bar();
        if let Ok(Some(card)) = self.frame.query_selector(&format!("#swn-i-{i}")) {
            card.scroll_into_view();
            if let Ok(Some(input)) = card.query_selector("input, select") {
                focus(&input);
            }
        }
    }
}

impl Inner {
    /// The sticky bar wraps to two or three lines on a phone: what scrolls into view stops
    /// below its measured height (`--swn-bar`, read by `scroll-margin-top`). Returns the
    /// bar, if there is one.
    fn measure_bar(&self) -> Option<web_sys::HtmlElement> {
        let bar = self.frame.query_selector(".swn-sticky").ok().flatten()?;
        let bar = bar.dyn_into::<web_sys::HtmlElement>().ok()?;
        if let Some(frame) = self.frame.dyn_ref::<web_sys::HtmlElement>() {
            let h = format!("{}px", bar.offset_height());
            let _ = frame.style().set_property("--swn-bar", &h);
        }
        Some(bar)
    }

    /// A field that takes focus while (partly) under the sticky bar is scrolled to just below
    /// it: browsers scroll a focused element only when none of it is in view, so Shift+Tab
    /// upwards would leave the field being typed into hidden behind the bar.
    fn unhide(&self, el: &Element) {
        // Focus by mouse or touch: moving the page between mousedown and mouseup loses the click.
        if !el.matches(":focus-visible").unwrap_or(true) {
            return;
        }
        let Some(bar) = self.measure_bar() else {
            return;
        };
        if bar.contains(Some(el)) {
            return;
        }
        let (b, r) = (
            bar.get_bounding_client_rect(),
            el.get_bounding_client_rect(),
        );
        let across = r.left() < b.right() && r.right() > b.left();
        if across && r.top() < b.bottom() && r.bottom() > b.top() {
            let o = web_sys::ScrollIntoViewOptions::new();
            o.set_block(web_sys::ScrollLogicalPosition::Nearest);
            el.scroll_into_view_with_scroll_into_view_options(&o);
        }
    }
}

fn index_of(el: &Element) -> Option<usize> {
    index_of_attr(el, "data-i")
}

fn index_of_attr(el: &Element, attr: &str) -> Option<usize> {
    el.get_attribute(attr)?.parse().ok()
}

fn dispatch(cell: &Rc<RefCell<Option<Inner>>>, kind: &str, e: &Event) {
    let emits = {
        let Ok(mut guard) = cell.try_borrow_mut() else {
            return; // re-entered from a callback: ignore rather than panic
        };
        let Some(st) = guard.as_mut() else {
            return;
        };
        let emits = st.handle(kind, e);
        // Advice depends on scores only: redo it when a rescoring happened.
        let rescored = emits.iter().any(|(name, _)| *name == "score");
        if rescored && kind != "click" {
            st.schedule_advice();
        } else if rescored {
            st.render_advice();
        }
        emits
    };
    emit(cell, emits);
}

/// Calls `on()` callbacks and dispatches DOM events on the host, with the state released.
fn emit(cell: &Rc<RefCell<Option<Inner>>>, emits: Emits) {
    if emits.is_empty() {
        return;
    }
    let (host, handlers) = match cell.try_borrow() {
        Ok(g) => match g.as_ref() {
            Some(st) => (st.host.clone(), st.handlers.clone()),
            None => return,
        },
        Err(_) => return,
    };
    for (name, detail) in emits {
        for (ev, f) in &handlers {
            if ev == name {
                if let Err(err) = f.call1(&JsValue::NULL, &detail) {
                    web_sys::console::error_2(&"swanilai: an event handler threw".into(), &err);
                }
            }
        }
        let init = web_sys::CustomEventInit::new();
        init.set_detail(&detail);
        if let Ok(ev) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
            let _ = host.dispatch_event(&ev);
        }
    }
}

/// Destroys a widget: saves, removes every listener, timer and callback, and empties the host.
/// Its handle stays, answering "destroyed".
fn teardown(cell: &RefCell<Option<Inner>>) -> Result<(), JsValue> {
    let taken = cell
        .try_borrow_mut()
        .map_err(|_| to_js_error("the widget is busy"))?
        .take();
    if let Some(mut st) = taken {
        st.save_now();
        st.remove_listeners();
        st.handlers.clear();
        clear(&st.root);
        let _ = st.host.remove_attribute("data-state");
    }
    mounted(|_| ());
    Ok(())
}

// ---------- the widget's JS methods ----------

#[wasm_bindgen]
impl Widget {
    fn with<R>(&self, f: impl FnOnce(&mut Inner) -> R) -> Result<R, JsValue> {
        let mut g = self.inner.try_borrow_mut().map_err(|_| {
            to_js_error("the widget is busy (called from inside one of its own events)")
        })?;
        let st = g
            .as_mut()
            .ok_or_else(|| to_js_error("the widget was destroyed"))?;
        Ok(f(st))
    }

    /// The current assessment (answers, evidence, region) as a plain object.
    pub fn assessment(&self) -> Result<JsValue, JsValue> {
        self.with(|st| to_js(&st.a))?
    }

    /// Replaces the assessment (the previous one is kept as a backup in storage). Returns the
    /// problems found in it; answers with problems are kept but not scored. An assessment of
    /// another set, or one that cannot be read, replaces nothing.
    #[wasm_bindgen(js_name = setAssessment)]
    pub fn set_assessment(&self, assessment: JsValue) -> Result<JsValue, JsValue> {
        let (problems, emits) = self.with(|st| {
            let parsed = read_assessment(&assessment);
            let mut problems = parsed.problems;
            let Some(a) = parsed.value else {
                return (problems, Vec::new());
            };
            problems.extend(crate::validate_assessment(st.set(), &a));
            if problems.iter().any(|p| p.code == crate::Code::SetMismatch) {
                return (problems, Vec::new());
            }
            (problems, st.replace(a, Vec::new()))
        })?;
        emit(&self.inner, emits);
        to_js(&problems)
    }

    /// The full report of the current assessment.
    pub fn report(&self) -> Result<JsValue, JsValue> {
        self.with(|st| to_js(&st.scorer.score(&st.a)))?
    }

    /// Advice for the current assessment.
    pub fn advice(&self, limit: Option<usize>) -> Result<JsValue, JsValue> {
        self.with(|st| to_js(&crate::advise_with(&st.scorer, &st.a, limit)))?
    }

    /// Switches the language: `"id"` or `"en"`.
    #[wasm_bindgen(js_name = setLocale)]
    pub fn set_locale(&self, lang: String) -> Result<(), JsValue> {
        let lang = lang_of(&lang)?;
        self.with(|st| {
            if st.lang != lang {
                st.lang = lang;
                st.render_all();
            }
        })
    }

    /// Sets last year's assessment for the comparison panel (`null` clears it); it is kept in
    /// storage for the next session, as one the official imports.
    #[wasm_bindgen(js_name = setPrevious)]
    pub fn set_previous(&self, previous: JsValue) -> Result<(), JsValue> {
        self.with(|st| {
            st.keep_previous(if previous.is_object() || previous.is_string() {
                read_assessment(&previous).value
            } else {
                None
            });
            st.render_compare();
        })
    }

    /// The JSON export text (assessment + report + SHA-256).
    #[wasm_bindgen(js_name = exportJson)]
    pub fn export_json(&self) -> Result<String, JsValue> {
        self.with(|st| export_text(&st.scorer, &st.a, &now_iso()))?
    }

    /// The CSV export text.
    #[wasm_bindgen(js_name = exportCsv)]
    pub fn export_csv(&self) -> Result<String, JsValue> {
        self.with(|st| crate::report_csv(st.set(), &st.a, &st.scorer.score(&st.a), st.lang))
    }

    /// Registers a callback for `change`, `score` or `export` (once: like `addEventListener`,
    /// registering the same function again changes nothing); the same events are also
    /// dispatched on the host element as DOM `CustomEvent`s.
    pub fn on(&self, event: String, callback: js_sys::Function) -> Result<(), JsValue> {
        if !matches!(event.as_str(), "change" | "score" | "export") {
            return Err(to_js_error(format!(
                "unknown event `{event}`: use change, score or export"
            )));
        }
        if !callback.is_function() {
            return Err(to_js_error(format!(
                "the `{event}` callback is not a function"
            )));
        }
        self.with(|st| {
            if !st
                .handlers
                .iter()
                .any(|(e, f)| e == &event && f == &callback)
            {
                st.handlers.push((event, callback));
            }
        })
    }

    /// Removes a callback registered with `on`.
    pub fn off(&self, event: String, callback: js_sys::Function) -> Result<(), JsValue> {
        self.with(|st| {
            st.handlers
                .retain(|(e, f)| !(e == &event && f == &callback))
        })
    }

    /// Saves, removes every listener, timer and callback, and empties the host.
    pub fn destroy(&self) -> Result<(), JsValue> {
        teardown(&self.inner)
    }

    /// How many listeners the widget holds (for leak tests; 0 after `destroy`).
    #[wasm_bindgen(getter, js_name = listenerCount)]
    pub fn listener_count(&self) -> usize {
        self.inner
            .try_borrow()
            .ok()
            .and_then(|g| g.as_ref().map(|st| st.listeners.len() + st.timers.len()))
            .unwrap_or(0)
    }
}
