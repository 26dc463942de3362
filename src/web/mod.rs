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

/// The one way errors leave for JavaScript.
pub(crate) fn to_js_error(err: impl Display) -> JsValue {
    js_sys::Error::new(&err.to_string()).into()
}

/// Rust values become plain JS objects (maps as objects, not `Map`s).
pub(crate) fn to_js<T: serde::Serialize + ?Sized>(v: &T) -> Result<JsValue, JsValue> {
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(to_js_error)
}

/// A JS value becomes a [`crate::Json`] (strings are parsed as JSON text).
pub(crate) fn from_js(v: &JsValue) -> Result<crate::Json, crate::Problem> {
    if let Some(text) = v.as_string() {
        return crate::Json::parse(&text).map_err(|e| crate::syntax_problem(&e));
    }
    serde_wasm_bindgen::from_value(v.clone()).map_err(|e| {
        crate::Problem::new(
            "",
            crate::Code::WrongType,
            format!("nilai JavaScript tidak dapat dibaca sebagai JSON: {e}"),
            format!("the JavaScript value cannot be read as JSON: {e}"),
        )
    })
}

thread_local! {
    /// Hosts of mounted widgets, so that a panic can put each into its error state.
    static HOSTS: RefCell<Vec<web_sys::Element>> = const { RefCell::new(Vec::new()) };
}

pub(crate) fn register_host(host: &web_sys::Element) {
    HOSTS.with(|h| h.borrow_mut().push(host.clone()));
}

pub(crate) fn unregister_host(host: &web_sys::Element) {
    HOSTS.with(|h| h.borrow_mut().retain(|e| e != host));
}

/// Logs a panic's message and shows every mounted widget's error state. Saved answers are in
/// localStorage already, so they survive a reload.
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("swanilai: internal error: {info}").into());
        HOSTS.with(|h| {
            // The widget's state may be borrowed mid-panic: touch only the host elements.
            if let Ok(hosts) = h.try_borrow() {
                for host in hosts.iter() {
                    widget::show_crash(host);
                }
            }
        });
    }));
}
