//! A few helpers that keep DOM building short. Text always goes in as text, never as HTML.

use wasm_bindgen::{JsCast, throw_str};
use web_sys::{Document, Element};

const SVG: &str = "http://www.w3.org/2000/svg";

/// Builds elements for one document.
#[derive(Clone)]
pub(crate) struct Dom {
    pub doc: Document,
}

impl Dom {
    /// `<tag class="class">`.
    pub fn el(&self, tag: &str, class: &str) -> Element {
        // Thrown as a JS error: `expect` would format the JsValue with `Debug`, which links
        // wasm-bindgen's value-describing glue into the package for nothing.
        let e = (self.doc.create_element(tag)).unwrap_or_else(|_| throw_str("invalid tag name"));
        if !class.is_empty() {
            e.set_class_name(class);
        }
        e
    }

    /// `<tag class="class">text</tag>` appended to `parent`.
    pub fn add(&self, parent: &Element, tag: &str, class: &str, text: &str) -> Element {
        let e = self.el(tag, class);
        if !text.is_empty() {
            e.set_text_content(Some(text));
        }
        let _ = parent.append_child(&e);
        e
    }

    /// A text node appended to `parent` (between isolated parts of one line).
    pub fn text(&self, parent: &Element, text: &str) {
        let _ = parent.append_child(&self.doc.create_text_node(text));
    }

    /// An SVG element appended to `parent`.
    pub fn svg(&self, parent: &Element, tag: &str, attrs: &[(&str, &str)]) -> Element {
        let e = self
            .doc
            .create_element_ns(Some(SVG), tag)
            .unwrap_or_else(|_| throw_str("invalid svg tag"));
        for (k, v) in attrs {
            let _ = e.set_attribute(k, v);
        }
        let _ = parent.append_child(&e);
        e
    }
}

/// The widget's side of the form's drawing ([`crate::view::Form`]): DOM elements.
impl crate::view::Out for Dom {
    type El = Element;

    fn el(&self, tag: &str, class: &str) -> Element {
        Dom::el(self, tag, class)
    }

    fn add(&self, parent: &Element, tag: &str, class: &str, text: &str) -> Element {
        Dom::add(self, parent, tag, class, text)
    }

    fn attrs(&self, e: &Element, list: &[(&str, &str)]) {
        attrs(e, list);
    }

    fn value(&self, e: &Element, v: &str) {
        set_value(e, v);
    }
}

/// Sets attributes.
pub(crate) fn attrs(e: &Element, list: &[(&str, &str)]) {
    for (k, v) in list {
        let _ = e.set_attribute(k, v);
    }
}

/// Removes every child (of an element or a shadow root).
pub(crate) fn clear(e: &web_sys::Node) {
    while let Some(c) = e.first_child() {
        let _ = e.remove_child(&c);
    }
}

/// The nearest element (from `target` up) carrying attribute `attr`, stopping at `root`.
pub(crate) fn closest_with(target: &web_sys::EventTarget, attr: &str) -> Option<Element> {
    let e: &Element = target.dyn_ref()?;
    e.closest(&format!("[{attr}]")).ok().flatten()
}

/// The value of a form control.
pub(crate) fn value_of(e: &Element) -> String {
    if let Some(i) = e.dyn_ref::<web_sys::HtmlInputElement>() {
        i.value()
    } else if let Some(t) = e.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        t.value()
    } else if let Some(s) = e.dyn_ref::<web_sys::HtmlSelectElement>() {
        s.value()
    } else {
        String::new()
    }
}

/// Sets the value of a form control.
pub(crate) fn set_value(e: &Element, v: &str) {
    if let Some(i) = e.dyn_ref::<web_sys::HtmlInputElement>() {
        i.set_value(v);
    } else if let Some(t) = e.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        t.set_value(v);
    } else if let Some(s) = e.dyn_ref::<web_sys::HtmlSelectElement>() {
        s.set_value(v);
    }
}

/// Focuses an element if it can take focus.
pub(crate) fn focus(e: &Element) {
    if let Some(h) = e.dyn_ref::<web_sys::HtmlElement>() {
        let _ = h.focus();
    }
}
