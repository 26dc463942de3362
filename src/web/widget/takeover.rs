//! Taking over a first screen served as HTML (`swanilai prerender`, a declarative shadow
//! root): the official may have chosen levels and typed in it before the module loaded. What
//! differs from the served markup is read before the widget draws over it, then set on the
//! widget's own controls and sent through its listeners as `input` and `change` events: the
//! same way as if it had been done in the widget (answers scored and saved; over a stored
//! draft, these fields win and the draft keeps the rest). The focus and the caret stay.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement, ShadowRoot};

use super::Inner;
use super::dom::set_value;
use crate::model::Lang;

/// The form controls of the first screen.
const CONTROLS: &str = "input[data-region], input[data-f], select[data-f], textarea[data-f]";

/// What the official did in the served first screen.
pub(crate) struct Before {
    /// Each changed control: which one (see [`which`]) and its value now.
    edits: Vec<(String, String)>,
    /// The caret or selection of the focused text field.
    selection: Option<(u32, u32)>,
    /// Whether a control in it had the focus.
    focused: bool,
    /// The language it was served in (its frame's `lang`): numbers typed in it are read in it.
    lang: Option<Lang>,
    /// The set version it was made from (its frame's `data-version`).
    version: Option<String>,
}

impl Before {
    /// Whether the official was at work in it (then the page is left where she is).
    pub(crate) fn busy(&self) -> bool {
        self.focused || !self.edits.is_empty()
    }
}

/// A control's identity in both drawings: its region key, or its indicator's id (not its
/// position: a page served before the set changed must not answer another indicator), field
/// and item, and a radio button's value.
fn which(el: &Element) -> String {
    let a = |k: &str| el.get_attribute(k).unwrap_or_default();
    let radio = if a("type") == "radio" {
        a("value")
    } else {
        String::new()
    };
    let indicator = el
        .closest(".swn-ind")
        .ok()
        .flatten()
        .and_then(|card| card.get_attribute("data-ind"))
        .unwrap_or_default();
    format!(
        "{}\u{1f}{indicator}\u{1f}{}\u{1f}{}\u{1f}{radio}",
        a("data-region"),
        a("data-f"),
        a("data-item")
    )
}

/// An edit of the served screen that has no control in the widget, as the official reads it:
/// the indicator (and data dukung item) or region field, and the value chosen or typed.
fn unplaced(key: &str, value: &str) -> String {
    let mut parts = key.split('\u{1f}');
    let (region, indicator, _field, item) = (
        parts.next().unwrap_or_default(),
        parts.next().unwrap_or_default(),
        parts.next(),
        parts.next().unwrap_or_default(),
    );
    let place = [region, indicator, item]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" / ");
    format!("{place}: {value}")
}

/// The controls of a drawing, with their identities.
fn controls(root: &ShadowRoot) -> Vec<(String, Element)> {
    let mut out = Vec::new();
    if let Ok(list) = root.query_selector_all(CONTROLS) {
        for k in 0..list.length() {
            if let Some(el) = list.item(k).and_then(|n| n.dyn_into::<Element>().ok()) {
                out.push((which(&el), el));
            }
        }
    }
    out
}

/// A control's value if the official changed it (a radio button chosen, text typed, another
/// option picked), else `None`.
fn changed(el: &Element) -> Option<String> {
    if let Some(i) = el.dyn_ref::<HtmlInputElement>() {
        if i.type_() == "radio" {
            return (i.checked() && !i.default_checked()).then(|| i.value());
        }
        return (i.value() != i.default_value()).then(|| i.value());
    }
    if let Some(t) = el.dyn_ref::<HtmlTextAreaElement>() {
        return (Ok(t.value()) != t.default_value()).then(|| t.value());
    }
    let s = el.dyn_ref::<HtmlSelectElement>()?;
    // The option the markup chose, else the first.
    let served = el
        .query_selector("option[selected]")
        .ok()
        .flatten()
        .or_else(|| el.query_selector("option").ok().flatten())
        .and_then(|o| o.get_attribute("value"))
        .unwrap_or_default();
    (s.value() != served).then(|| s.value())
}

/// Reads a served first screen in `root`; `None` when there is none (an empty root, or one a
/// widget drew before).
pub(crate) fn read(root: &ShadowRoot) -> Option<Before> {
    let frame = root.query_selector(".swn").ok().flatten()?;
    let lang = frame.get_attribute("lang").map(|t| Lang::from_tag(&t));
    let version = frame.get_attribute("data-version");
    let edits = controls(root)
        .into_iter()
        .filter_map(|(key, el)| changed(&el).map(|v| (key, v)))
        .collect();
    let active = root.active_element();
    let selection = active.as_ref().and_then(|el| {
        if let Some(i) = el.dyn_ref::<HtmlInputElement>() {
            Some((i.selection_start().ok()??, i.selection_end().ok()??))
        } else {
            let t = el.dyn_ref::<HtmlTextAreaElement>()?;
            Some((t.selection_start().ok()??, t.selection_end().ok()??))
        }
    });
    Some(Before {
        edits,
        selection,
        focused: active.is_some(),
        lang,
        version,
    })
}

/// Applies what was done in the served first screen to the mounted widget in `cell`.
pub(crate) fn apply(cell: &Rc<RefCell<Option<Inner>>>, before: Before) {
    let Some((root, lang, version)) = cell.try_borrow().ok().and_then(|g| {
        g.as_ref()
            .map(|st| (st.root.clone(), st.lang, st.set().version.clone()))
    }) else {
        return;
    };
    let now = controls(&root);
    let mut lost = Vec::new();
    let mut applied = Vec::new();
    for (key, value) in &before.edits {
        let Some((_, el)) = now.iter().find(|(k, _)| k == key) else {
            lost.push(unplaced(key, value));
            continue;
        };
        applied.push(unplaced(key, value));
        // A number typed in the served language, written as the widget's language reads it.
        let number = matches!(key.split('\u{1f}').nth(2), Some("num" | "ext-result"));
        let value = match before.lang {
            Some(from) if number => crate::view::retyped(value, from, lang),
            _ => value.clone(),
        };
        match el.dyn_ref::<HtmlInputElement>() {
            Some(i) if i.type_() == "radio" => i.set_checked(true),
            _ => set_value(el, &value),
        }
        for kind in ["input", "change"] {
            let init = web_sys::EventInit::new();
            init.set_bubbles(true);
            if let Ok(e) = web_sys::Event::new_with_event_init_dict(kind, &init) {
                let _ = el.dispatch_event(&e);
            }
        }
    }
    // What has no control in the set as it is now (an indicator or level the served page
    // had): listed for the official, never dropped unsaid. What was applied from a page made
    // from another version of the set: listed too, since a level may mean something else now.
    let mut notices = Vec::new();
    if !lost.is_empty() {
        notices.push(super::Notice::Text(crate::view::Ui::ServedLost, lost));
    }
    if let Some(served) = before.version.filter(|v| *v != version)
        && !applied.is_empty()
    {
        applied.insert(0, format!("{served} → {version}"));
        notices.push(super::Notice::Text(crate::view::Ui::ServedVersion, applied));
    }
    if !notices.is_empty()
        && let Ok(mut g) = cell.try_borrow_mut()
        && let Some(st) = g.as_mut()
    {
        st.notices.extend(notices);
        st.render_notices();
    }
    // The caret where it was: setting the value moved it to the end.
    if let (Some((start, end)), Some(el)) = (before.selection, root.active_element()) {
        if let Some(i) = el.dyn_ref::<HtmlInputElement>() {
            let _ = i.set_selection_range(start, end);
        } else if let Some(t) = el.dyn_ref::<HtmlTextAreaElement>() {
            let _ = t.set_selection_range(start, end);
        }
    }
}
