//! The self-assessment widget: draws view models into a shadow root and forwards events.
//!
//! Listeners are delegated (one per event type on the shadow root, a few on the window),
//! owned by the widget and removed by `destroy()`. Callbacks registered with `on()` run
//! after the widget's state is released, so they may call back into the widget.

mod a11y;
mod action;
mod baseline;
mod edit;
mod events;
mod files;
mod links;
mod masterplan;
mod mpfiles;
mod nav;
mod previous;
mod render;
mod save;
mod schedule;
mod takeover;
mod team;

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use wasm_bindgen::prelude::*;
use web_sys::{Element, ShadowRoot};

use super::api::{SetHandle, export_text, read_assessment};
use super::dom::{Dom, clear};
use super::store::LocalStorage;
use super::{Mounted, api, dom, from_js, mounted, to_js, to_js_error};
use crate::autosave::{self, Tab as SaveTab};
use crate::export::Integrity;
use crate::model::Lang;
use crate::view::{self, CARD_CHUNK, Opened, Ui, ui};
use crate::{Assessment, Problem, Scorer, Tally, Value};
use a11y::Speech;
use events::{Listener, emit};
use schedule::Schedule;

/// Text number fields rejected: (indicator position, the text, the language it was typed in).
type Drafts = Vec<(usize, String, Lang)>;

pub(crate) struct Inner {
    dom: Dom,
    host: Element,
    root: ShadowRoot,
    frame: Element,
    scorer: Rc<Scorer<'static>>,
    a: Assessment,
    tally: Tally,
    answered: Vec<bool>,
    lang: Lang,
    tab: usize,
    store: LocalStorage,
    /// This tab's side of the save protocol (see [`crate::autosave::Tab`]).
    saving: SaveTab,
    /// Last year's file for the comparison, with its integrity when it was opened.
    previous: Option<autosave::Previous>,
    /// Last year's file waiting for the official to confirm it replaces the one kept (or,
    /// altered after export, that it is used at all).
    pending_previous: Option<previous::PendingPrevious>,
    /// An opened file waiting for the official to confirm replacing the answers, with its
    /// text when it was read only in part (kept as a backup when confirmed).
    pending: Option<(Assessment, Option<String>)>,
    /// What a reset replaced (answers and kept number text), until it is undone.
    reset_backup: Option<(Assessment, Drafts)>,
    listeners: Vec<Listener>,
    handlers: Vec<(String, js_sys::Function)>,
    /// Deferred work and the timers that run it.
    schedule: Schedule,
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
    notices: Notices,
    /// A links field holding lines that are not web addresses, not yet moved to the notes.
    link_typing: Option<Element>,
    /// Finding the way: the place kept across reloads, the way back, open level criteria.
    nav: nav::Nav,
    stylesheet: String,
    self_weak: Option<Weak<RefCell<Option<Inner>>>>,
    /// When this page last saved (local hours and minutes).
    saved_at: Option<(u32, u32)>,
    /// What `show_unsaved` last showed (`None`: the page was redrawn since).
    unsaved_shown: std::cell::Cell<Option<bool>>,
    /// Announcements waiting for a live region screen readers have seen.
    speech: Speech,
    /// Team work: the panel (drawn only while open) and returned shares under review.
    team: team::Team,
    /// The program masterplan panel (sets built from a masterplan).
    mp: masterplan::MpState,
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
    /// The stored save was read only in part: what was left out or changed (its original
    /// text is kept under a `:damaged:` backup key).
    Damaged(Vec<Problem>),
    /// Data not from the save read only in part or not at all (last year's stored entry,
    /// what the page gave), kept under a backup key: what was left out.
    ReadInPart(view::ReadInPart, Vec<Problem>),
}

impl Notice {
    /// Which notices a new one replaces ([`view::add_notice`]).
    fn kind(&self) -> view::NoticeKind {
        use view::NoticeKind as K;
        match self {
            Notice::Problems(..) | Notice::ResetDone | Notice::Text(Ui::ImportDone, _) => K::Files,
            Notice::Text(Ui::StorageFull | Ui::StorageUnavailable, _) => K::Storage,
            Notice::OtherTab | Notice::Merged(_) => K::Tabs,
            Notice::Left => K::Loaded(0),
            Notice::Damaged(_) => K::Loaded(1),
            Notice::ReadInPart(what, _) => K::Loaded(1000 + *what as u16),
            Notice::Text(key, _) => K::Loaded(*key as u16 + 2),
        }
    }
}

/// The notices above the form, oldest first (drawn newest first): `push` replaces the older
/// notices of the new one's kind, so they never pile up.
#[derive(Default)]
struct Notices(Vec<Notice>);

impl Notices {
    fn push(&mut self, n: Notice) {
        view::add_notice(&mut self.0, n, Notice::kind);
    }
}

impl std::ops::Deref for Notices {
    type Target = Vec<Notice>;
    fn deref(&self) -> &Vec<Notice> {
        &self.0
    }
}

impl std::ops::DerefMut for Notices {
    fn deref_mut(&mut self) -> &mut Vec<Notice> {
        &mut self.0
    }
}

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
            "lang `{tag}` is not supported: use `id` or `en` (or a tag starting with one, such as `en-GB`)"
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

/// The assessment the page gives in `options` (`assessment`, or only its `region`), else an
/// empty one of this set; with its original text and what reading it left out, when it
/// was read only in part.
fn given_assessment(
    s: &crate::IndicatorSet,
    options: &JsValue,
) -> (Assessment, Option<(String, Vec<Problem>)>) {
    let mut a = Assessment::new(&s.id, &s.version);
    if let Ok(region) = js_sys::Reflect::get(options, &"region".into()) {
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
    let mut lossy = None;
    if let Ok(given) = js_sys::Reflect::get(options, &"assessment".into()) {
        if given.is_object() || given.is_string() {
            let g = previous::read_given(&given, s);
            lossy = g.lossy();
            if let Some(g_a) = g.assessment {
                a = g_a;
            }
        }
    }
    (a, lossy)
}

/// Mounts the widget into `host` (it gets a shadow root) for a loaded set.
///
/// `options`: `{ lang, storageKey, region: { name, code, period, assessor }, assessment,
/// previous, stylesheet }`.
#[wasm_bindgen(js_name = mountWidget)]
pub fn mount_widget(host: Element, set: &SetHandle, options: JsValue) -> Result<Widget, JsValue> {
    super::install_numbers();
    let window = web_sys::window()
        .ok_or_else(|| to_js_error("mount needs a browser window: call it in a page"))?;
    let doc = window
        .document()
        .ok_or_else(|| to_js_error("mount needs a document: call it in a page"))?;
    let s = set.scorer.set();
    let own = opt_str(&options, "storageKey").unwrap_or_else(|| "default".into());
    if own.contains(':') {
        // `:` separates the parts of every key: `<key>:previous`, `<key>:backup:<ms>`, ...
        return Err(to_js_error(format!(
            "storageKey `{own}` must not contain `:`: choose a key without it"
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
    // A first screen served as HTML (`swanilai prerender`): what the official chose and typed
    // in it before the module loaded is read now and applied once the widget is drawn.
    let before = host.shadow_root().and_then(|r| takeover::read(&r));
    let root = match host.shadow_root() {
        // Drawn over by render_all, which keeps its stylesheet and the focus.
        Some(r) if before.is_some() => r,
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
    let mut store = LocalStorage::new();
    let nav = nav::Nav::new(&key);
    let writer = format!("w{}", (js_sys::Math::random() * 1e12) as u64);
    let (given, given_lossy) = given_assessment(s, &options);
    // The page's assessment is used only when nothing is saved under the key.
    let given_used = autosave::Storage::get(&store, &key).is_none();
    let opening = SaveTab::open(&mut store, &key, &writer, &scorer, given, &save::at());
    let a = opening.assessment;
    // A set built from a masterplan: the form holds the indicators of the saved program list.
    let scorer = masterplan::scorer_for(scorer, a.masterplan.as_ref());
    let mut notices = Notices::default();
    for told in opening.told {
        notices.push(save::notice(told));
    }
    let orphans = view::orphan_answers(&scorer, &a);
    if !orphans.is_empty() {
        notices.push(Notice::Text(Ui::OrphanAnswers, orphans));
    }
    let given_lossy = given_lossy.filter(|_| given_used);
    let (previous, told) = previous::on_mount(&mut store, &key, &options, s, given_lossy);
    for n in told {
        notices.push(n);
    }
    let answered = view::answered_flags(&scorer, &a);
    let tally = scorer.tally(scorer.indicator_scores(&a));
    let dom = Dom { doc };
    let frame = dom.el("div", "swn");
    let inner = Inner {
        dom,
        host: host.clone(),
        root,
        frame,
        scorer,
        a,
        tally,
        answered,
        lang,
        tab: 0,
        store,
        saving: opening.tab,
        previous,
        pending_previous: None,
        pending: None,
        reset_backup: None,
        listeners: Vec::new(),
        handlers: Vec::new(),
        schedule: Schedule::default(),
        card_limit: CARD_CHUNK,
        plan_open: false,
        printing: false,
        drafts: opening.drafts,
        typing: None,
        notices,
        link_typing: None,
        nav,
        stylesheet,
        self_weak: None,
        saved_at: None,
        unsaved_shown: std::cell::Cell::new(None),
        speech: Speech::default(),
        team: team::Team::default(),
        mp: masterplan::MpState::default(),
    };
    let cell = Rc::new(RefCell::new(Some(inner)));
    let weak = Rc::downgrade(&cell);
    {
        let mut guard = cell.borrow_mut();
        let st = guard.as_mut().expect("just created");
        let _ = host.set_attribute("data-state", "loading");
        st.render_all();
        // Drawn with the page: the region is there before anything is announced.
        st.speech.fresh.set(false);
        st.listen(weak.clone());
        // The official already at work in the first screen stays where she is.
        if before.as_ref().is_none_or(|b| !b.busy()) {
            st.restore_place();
        }
    }
    mounted(|m| {
        m.push(Mounted {
            host,
            key,
            state: weak,
        })
    });
    if let Some(b) = before {
        // As events, with the widget released: the same way as if typed into it.
        takeover::apply(&cell, b);
    }
    Ok(Widget { inner: cell })
}

impl Inner {
    fn set(&self) -> &crate::IndicatorSet {
        self.scorer.set()
    }

    fn t(&self, key: Ui) -> &'static str {
        ui(key, self.lang)
    }

    /// What the form is drawn from, for [`view::Form`]'s drawing and its card states.
    fn form(&self) -> view::Form<'_, 'static> {
        view::Form {
            scorer: &self.scorer,
            a: &self.a,
            tally: &self.tally,
            answered: &self.answered,
            lang: self.lang,
            tab: self.tab,
            card_limit: self.card_limit,
            drafts: &self.drafts,
            levels_open: &self.nav.levels_open,
        }
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

/// Destroys a widget: saves, removes every listener, timer and callback, and empties the host.
/// Its handle stays, answering "destroyed".
fn teardown(cell: &RefCell<Option<Inner>>) -> Result<(), JsValue> {
    let taken = cell
        .try_borrow_mut()
        .map_err(|_| {
            to_js_error(
                "the widget is busy (called from inside one of its own events): call it after the event, e.g. in queueMicrotask",
            )
        })?
        .take();
    if let Some(mut st) = taken {
        let _ = st.settle_waiting_links();
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
            to_js_error(
                "the widget is busy (called from inside one of its own events): call it after the event, e.g. in queueMicrotask",
            )
        })?;
        let st = g.as_mut().ok_or_else(|| {
            to_js_error("the widget was destroyed: mount a new one with mount() to go on")
        })?;
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
            let given = previous::read_given(&assessment, st.set());
            let lossy = given.lossy();
            let mut problems = given.problems;
            let Some(a) = given.assessment else {
                return (problems, Vec::new());
            };
            problems.extend(crate::validate_assessment(st.set(), &a));
            if problems.iter().any(|p| p.code == crate::Code::SetMismatch) {
                return (problems, Vec::new());
            }
            if let Some((text, lost)) = lossy {
                st.read_in_part(view::ReadInPart::GivenAssessment, &text, lost);
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
            let mut kept = None;
            if previous.is_object() || previous.is_string() {
                let g = previous::read_given(&previous, st.set());
                if let Some((text, lost)) = g.lossy() {
                    st.read_in_part(view::ReadInPart::GivenPrevious, &text, lost);
                    st.render_notices();
                }
                kept = g.assessment.map(|a| autosave::Previous {
                    integrity: g.integrity,
                    ..autosave::Previous::given(a)
                });
            }
            st.keep_previous(kept);
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
        self.with(|st| {
            let report = st.scorer.score(&st.a);
            crate::report_csv(st.set(), &st.a, &report, st.lang, &now_iso())
        })
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
                "the `{event}` callback is not a function: pass a function"
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
            .and_then(|g| {
                g.as_ref()
                    .map(|st| st.listeners.len() + st.schedule.timers.len())
            })
            .unwrap_or(0)
    }
}
