//! The browser skin: the wasm-bindgen API and the DOM widget. Compiled only for wasm32.
//!
//! Nothing here decides a score: values are converted, the pure core is called,
//! and view models from [`crate::view`] are drawn.

mod api;
mod dom;
mod store;
mod widget;

pub use api::{SetHandle, builtin_sets, load_set, open_export_js, version};
pub use widget::{Widget, mount_widget};

use std::cell::RefCell;
use std::fmt::Display;

use wasm_bindgen::prelude::*;

/// The one way errors leave for JavaScript: a JS `Error` whose message starts with
/// `swanilai: `, as the package's JavaScript errors do, so that a portal's console tells them
/// apart. Each message says what was wrong and what to do.
pub(crate) fn to_js_error(err: impl Display) -> JsValue {
    js_sys::Error::new(&format!("swanilai: {err}")).into()
}

/// Rust values become plain JS objects: through [`crate::json::to_json`] (one serializer per
/// type for the whole crate: exports and saves use it too), then across the boundary by
/// serde-wasm-bindgen, compiled once, for [`crate::Json`]. Serializing every type straight to
/// JS values would compile a second serializer per type (about 16 KiB of the gzipped module).
/// Objects come out as JS `Map`s and are made plain objects by [`plain_objects`]:
/// serde-wasm-bindgen's own objects assign each key (`obj[key] = value`), so an answer to an
/// indicator named `__proto__` would call the prototype setter and vanish;
/// `Object.fromEntries` defines it as an own key, in order.
pub(crate) fn to_js<T: serde::Serialize + ?Sized>(v: &T) -> Result<JsValue, JsValue> {
    converted(crate::json::to_json(v))
}

/// The part of [`to_js`] that does not depend on the type: compiled once.
#[inline(never)]
fn converted(j: Result<crate::Json, crate::json::ToJsonError>) -> Result<JsValue, JsValue> {
    const SERIALIZER: serde_wasm_bindgen::Serializer =
        serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true);
    let j = j.map_err(to_js_error)?;
    serde::Serialize::serialize(&j, &SERIALIZER)
        .map(|js| plain_objects(&js))
        .map_err(to_js_error)
}

#[wasm_bindgen(inline_js = "
export function plainObjects(v) {
  if (v instanceof Map) return Object.fromEntries(Array.from(v, ([k, x]) => [k, plainObjects(x)]));
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = plainObjects(v[i]);
  } else if (v !== null && typeof v === 'object') {
    for (const k of Object.keys(v)) v[k] = plainObjects(v[k]);
  }
  return v;
}")]
extern "C" {
    /// Every `Map` in a value, at any depth, replaced by a plain object with the same entries.
    #[wasm_bindgen(js_name = plainObjects)]
    fn plain_objects(v: &JsValue) -> JsValue;
}

/// A JS value becomes a [`crate::Json`] through serde-wasm-bindgen; strings are parsed as JSON
/// text. Functions, symbols and other values JSON cannot hold, and nesting deeper than
/// [`crate::json::MAX_DEPTH`], are refused with a problem at the value's path.
pub(crate) fn from_js(v: &JsValue) -> Result<crate::Json, crate::Problem> {
    use crate::{Code, Problem};
    if let Some(text) = v.as_string() {
        return crate::Json::parse(&text).map_err(|e| crate::syntax_problem(&e));
    }
    crate::json::read_from(serde_wasm_bindgen::Deserializer::from(v.clone())).map_err(|e| {
        if e.too_deep {
            let n = crate::json::MAX_DEPTH;
            Problem::new(
                &e.path,
                Code::TooDeep,
                format!("susunan bersarang lebih dari {n} tingkat"),
                format!("nesting deeper than {n} levels"),
            )
        } else {
            Problem::new(
                &e.path,
                Code::WrongType,
                "nilai JavaScript ini (misalnya fungsi, simbol atau Set) tidak dapat dibaca sebagai JSON".into(),
                "this JavaScript value (a function, a symbol or a Set, say) cannot be read as JSON".into(),
            )
        }
    })
}

/// A mounted widget: its host, its storage key, and its state (`None` once destroyed).
pub(crate) struct Mounted {
    pub host: web_sys::Element,
    pub key: String,
    pub state: std::rc::Weak<RefCell<Option<widget::Inner>>>,
}

thread_local! {
    /// Mounted widgets: a panic puts each into its error state, and a new mount finds the
    /// widget already in its host or already using its storage key.
    static MOUNTED: RefCell<Vec<Mounted>> = const { RefCell::new(Vec::new()) };
}

/// Runs `f` on the list of mounted widgets, after dropping those destroyed or freed.
pub(crate) fn mounted<R>(f: impl FnOnce(&mut Vec<Mounted>) -> R) -> R {
    MOUNTED.with(|m| {
        let mut m = m.borrow_mut();
        m.retain(|w| {
            w.state
                .upgrade()
                .is_some_and(|c| c.try_borrow().map_or(true, |g| g.is_some()))
        });
        f(&mut m)
    })
}

/// Installs the browser's `parseFloat` as the way [`crate::num`] reads decimals (as correct
/// as the standard library's, and already downloaded). Called at start and by every entry point
/// that reads numbers (wasm-bindgen's test runner does not call the start function).
pub(crate) fn install_numbers() {
    crate::num::install_reader(js_sys::Number::parse_float);
}

/// Installs the browser's number reading, logs a panic's message and shows every mounted
/// widget's error state. Saved answers are in localStorage already, so they survive a reload.
#[wasm_bindgen(start)]
pub fn start() {
    install_numbers();
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("swanilai: internal error: {info}").into());
        MOUNTED.with(|m| {
            // The widget's state may be borrowed mid-panic: touch only the host elements.
            if let Ok(list) = m.try_borrow() {
                for w in list.iter() {
                    widget::show_crash(&w.host);
                }
            }
        });
    }));
}

/// **Test only**: panics with a recognisable message, so that end-to-end tests can check
/// that a panic is logged and every mounted widget shows its error state (saved answers stay
/// in localStorage). Not part of the API and not in the package's types; never call it.
#[wasm_bindgen(js_name = __swanilaiPanicForTests)]
pub fn panic_for_tests() {
    panic!("deliberate panic for tests (__swanilaiPanicForTests)");
}
