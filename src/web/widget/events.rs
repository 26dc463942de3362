//! Listening: one delegated listener per event type on the shadow root, a few on the window
//! and the document, all owned by the widget and removed by `destroy()`. An event becomes a
//! call on the widget's state; what it emits reaches the host after the state is released.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Element, Event, EventTarget, KeyboardEvent};

use super::action::action_of;
use super::dom::{closest_with, value_of};
use super::{Emits, Inner};
use crate::view::Action;

type Handler = Closure<dyn FnMut(Event)>;

/// A listener the widget added, to be removed by `destroy()`.
pub(crate) struct Listener {
    pub target: EventTarget,
    pub kind: &'static str,
    pub closure: Handler,
}

impl Inner {
    pub(crate) fn listen(&mut self, weak: Weak<RefCell<Option<Inner>>>) {
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
        // A stylesheet kept from a served first screen may have loaded already.
        let loaded = |link: &Element| {
            js_sys::Reflect::get(link, &"sheet".into()).is_ok_and(|s| s.is_object())
        };
        if let Some(link) = self
            .root
            .query_selector("link")
            .ok()
            .flatten()
            .filter(|l| !loaded(l))
        {
            self.add_listener(&link.clone().into(), "load", weak.clone());
            self.add_listener(&link.into(), "error", weak.clone());
        } else {
            let _ = self.host.set_attribute("data-state", "ready");
        }
        let w = weak.clone();
        self.schedule.soon = Some(Closure::<dyn FnMut()>::new(move || {
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
                self.schedule.timers.push((id, tick));
            }
        }
    }

    pub(crate) fn add_listener(
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

    pub(crate) fn remove_listeners(&mut self) {
        for l in self.listeners.drain(..) {
            let _ = l
                .target
                .remove_event_listener_with_callback(l.kind, l.closure.as_ref().unchecked_ref());
        }
        if let Some(win) = web_sys::window() {
            for (id, _) in self.schedule.timers.drain(..) {
                win.clear_interval_with_handle(id);
            }
            if let Some(id) = self.schedule.soon_pending.take() {
                win.clear_timeout_with_handle(id);
            }
        }
        self.schedule.soon = None;
    }

    pub(crate) fn handle(&mut self, kind: &str, e: &Event) -> Emits {
        let Some(target) = e.target() else {
            return Vec::new();
        };
        if matches!(kind, "input" | "change" | "click" | "keydown") {
            if let Some(el) = closest_with(&target, "data-mp") {
                return self.on_masterplan(kind, &el, e);
            }
        }
        match kind {
            "load" | "error" => {
                let _ = self.host.set_attribute("data-state", "ready");
                Vec::new()
            }
            "pagehide" => {
                let emits = self.settle_waiting_links();
                self.save_now();
                emits
            }
            "beforeunload" => {
                let _ = self.settle_waiting_links();
                self.save_now();
                if self.saving.due() && self.blocked() {
                    // The browser asks before leaving: these changes exist only in this page.
                    e.prevent_default();
                    let _ = js_sys::Reflect::set(e, &"returnValue".into(), &"1".into());
                }
                Vec::new()
            }
            "visibilitychange" => {
                if !self.dom.doc.hidden() {
                    return Vec::new();
                }
                let emits = self.settle_waiting_links();
                self.save_now();
                emits
            }
            "beforeprint" | "afterprint" => {
                self.set_printing(kind == "beforeprint");
                Vec::new()
            }
            "storage" => {
                let se: &web_sys::StorageEvent = e.unchecked_ref();
                if se.key().as_deref() == Some(self.saving.key()) {
                    self.heard();
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
                    (Some(i), Some("links")) => self.on_links(&el, i, None),
                    (Some(i), Some("item-links")) => {
                        let item = el.get_attribute("data-item").unwrap_or_default();
                        self.on_links(&el, i, Some(item))
                    }
                    (Some(i), Some(f @ "notes")) => self.on_evidence(i, f, value_of(&el)),
                    (Some(i), Some(f @ "item-notes")) => {
                        let f = f.to_string();
                        let item = el.get_attribute("data-item").unwrap_or_default();
                        self.on_item_text(i, item, &f, &value_of(&el))
                    }
                    (Some(i), Some(f @ ("ext-result" | "ext-year" | "ext-source"))) => {
                        let f = f.to_string();
                        self.on_external(i, &f, &value_of(&el))
                    }
                    _ => Vec::new(),
                }
            }
            "change" => {
                match action_of(&target) {
                    Some((Action::Import, el)) => return self.read_file(&el, false),
                    Some((Action::ImportPrevious, el)) => return self.read_file(&el, true),
                    Some((Action::ShareImport, el)) => return self.read_shares(&el),
                    _ => {}
                }
                if let Some(el) = closest_with(&target, "data-team") {
                    return self.on_team_change(&el);
                }
                let Some(el) = closest_with(&target, "data-f") else {
                    return Vec::new();
                };
                match (index_of(&el), el.get_attribute("data-f").as_deref()) {
                    (Some(i), Some("pick")) => self.on_pick(i, &value_of(&el)),
                    (Some(i), Some("item")) => {
                        let item = el.get_attribute("data-item").unwrap_or_default();
                        self.on_item(i, item, &value_of(&el))
                    }
                    (Some(_), Some("links" | "item-links")) => self.settle_links(&el),
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
                if let Some(i) = target
                    .dyn_ref::<Element>()
                    .and_then(|el| self.indicator_of(el))
                {
                    self.remember_place(Some(i));
                }
                Vec::new()
            }
            "keydown" => {
                let ke: &KeyboardEvent = e.unchecked_ref();
                if let Some(el) = closest_with(&target, "data-team") {
                    // Enter in the new unit's name adds it, as its button does.
                    if ke.key() == "Enter"
                        && el.get_attribute("data-team").as_deref() == Some("new-unit")
                    {
                        e.prevent_default();
                        return self.add_unit();
                    }
                    return Vec::new();
                }
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
                self.remember_place(None);
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    pub(crate) fn click(&mut self, target: &EventTarget) -> Emits {
        let had_focus = self.root.active_element().is_some();
        let emits = self.click_action(target);
        // A redraw can take the focused control away: never drop keyboard focus on <body>.
        if had_focus && self.root.active_element().is_none() {
            self.focus_first(&[".swn-title"]);
        }
        emits
    }
}

pub(crate) fn index_of(el: &Element) -> Option<usize> {
    index_of_attr(el, "data-i")
}

pub(crate) fn index_of_attr(el: &Element, attr: &str) -> Option<usize> {
    el.get_attribute(attr)?.parse().ok()
}

pub(crate) fn dispatch(cell: &Rc<RefCell<Option<Inner>>>, kind: &str, e: &Event) {
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
pub(crate) fn emit(cell: &Rc<RefCell<Option<Inner>>>, emits: Emits) {
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
