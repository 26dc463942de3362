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

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// The one way errors leave for JavaScript: a JS `Error` whose message starts with
/// `swanilai: `, as the package's JavaScript errors do, so that a portal's console tells them
/// apart. Each message says what was wrong and what to do.
pub(crate) fn to_js_error(err: impl Display) -> JsValue {
    js_sys::Error::new(&format!("swanilai: {err}")).into()
}

/// Rust values become plain JS objects, through [`crate::json::to_json`]: one serializer for
/// every type keeps the module small (serde-wasm-bindgen would monomorphize a second one).
pub(crate) fn to_js<T: serde::Serialize + ?Sized>(v: &T) -> Result<JsValue, JsValue> {
    converted(crate::json::to_json(v))
}

/// The part of [`to_js`] that does not depend on the type: compiled once.
#[inline(never)]
fn converted(j: Result<crate::Json, crate::json::ToJsonError>) -> Result<JsValue, JsValue> {
    j.map(|j| json_to_js(&j)).map_err(to_js_error)
}

fn json_to_js(v: &crate::Json) -> JsValue {
    use crate::Json;
    match v {
        Json::Null => JsValue::NULL,
        Json::Bool(b) => JsValue::from_bool(*b),
        Json::Number(n) => JsValue::from_f64(*n),
        Json::String(s) => JsValue::from_str(s),
        Json::Array(items) => items
            .iter()
            .map(json_to_js)
            .collect::<js_sys::Array>()
            .into(),
        Json::Object(pairs) => {
            let o = js_sys::Object::new();
            for (k, v) in pairs {
                let (k, v) = (JsValue::from_str(k), json_to_js(v));
                if k == "__proto__" {
                    // Assigning would call the `__proto__` setter: the answer to an indicator
                    // named `__proto__` would vanish and become the object's prototype.
                    let desc = js_sys::Object::new();
                    for (name, value) in [
                        ("value", &v),
                        ("enumerable", &JsValue::TRUE),
                        ("writable", &JsValue::TRUE),
                        ("configurable", &JsValue::TRUE),
                    ] {
                        let _ = js_sys::Reflect::set(&desc, &name.into(), value);
                    }
                    js_sys::Object::define_property(&o, &k, &desc);
                } else {
                    let _ = js_sys::Reflect::set(&o, &k, &v);
                }
            }
            o.into()
        }
    }
}

/// A JS value becomes a [`crate::Json`]; strings are parsed as JSON text. Functions, symbols
/// and nesting deeper than [`crate::json::MAX_DEPTH`] are refused with a problem.
pub(crate) fn from_js(v: &JsValue) -> Result<crate::Json, crate::Problem> {
    if let Some(text) = v.as_string() {
        return crate::Json::parse(&text).map_err(|e| crate::syntax_problem(&e));
    }
    js_to_json(v, 0, "")
}

fn js_to_json(v: &JsValue, depth: usize, path: &str) -> Result<crate::Json, crate::Problem> {
    use crate::{Code, Json, Problem};
    if v.is_null() || v.is_undefined() {
        return Ok(Json::Null);
    }
    if let Some(b) = v.as_bool() {
        return Ok(Json::Bool(b));
    }
    if let Some(n) = v.as_f64() {
        return Ok(Json::Number(n));
    }
    if let Some(s) = v.as_string() {
        return Ok(Json::String(s));
    }
    let deep = || {
        Problem::new(
            path,
            Code::TooDeep,
            format!(
                "susunan bersarang lebih dari {} tingkat",
                crate::json::MAX_DEPTH
            ),
            format!("nesting deeper than {} levels", crate::json::MAX_DEPTH),
        )
    };
    if js_sys::Array::is_array(v) {
        if depth >= crate::json::MAX_DEPTH {
            return Err(deep());
        }
        let arr: &js_sys::Array = v.unchecked_ref();
        return arr
            .iter()
            .enumerate()
            .map(|(i, item)| js_to_json(&item, depth + 1, &format!("{path}[{i}]")))
            .collect::<Result<Vec<_>, _>>()
            .map(Json::Array);
    }
    if v.is_object() && !v.is_function() {
        if depth >= crate::json::MAX_DEPTH {
            return Err(deep());
        }
        let entries = js_sys::Object::entries(v.unchecked_ref());
        let mut pairs = Vec::with_capacity(entries.length() as usize);
        for e in entries.iter() {
            let e: js_sys::Array = e.unchecked_into();
            let k = e.get(0).as_string().unwrap_or_default();
            let child = if path.is_empty() {
                k.clone()
            } else {
                format!("{path}.{k}")
            };
            pairs.push((k, js_to_json(&e.get(1), depth + 1, &child)?));
        }
        return Ok(Json::Object(pairs));
    }
    Err(Problem::new(
        path,
        Code::WrongType,
        "nilai JavaScript ini (fungsi, simbol atau bigint) tidak dapat dibaca sebagai JSON".into(),
        "this JavaScript value (a function, symbol or bigint) cannot be read as JSON".into(),
    ))
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
