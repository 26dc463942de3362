//! Where the form is drawn: a small builder the form's drawing code ([`super::form`]) writes
//! to. The widget's backend makes DOM elements (`src/web/dom.rs`); [`Html`] makes HTML text,
//! escaped, for the first screen a portal serves before any script has loaded
//! (`swanilai prerender`). One drawing code, two outputs: they cannot drift apart.

use std::cell::RefCell;

/// A tree being built: elements with a class, attributes, text and a starting value.
pub trait Out {
    /// An element of the tree.
    type El;
    /// A new element, not yet in the tree: `<tag class="class">`.
    fn el(&self, tag: &str, class: &str) -> Self::El;
    /// `<tag class="class">text</tag>` appended to `parent`.
    fn add(&self, parent: &Self::El, tag: &str, class: &str, text: &str) -> Self::El;
    /// Sets attributes.
    fn attrs(&self, e: &Self::El, list: &[(&str, &str)]);
    /// The value a form control starts with: an input's, a textarea's text, or which option
    /// of a select is chosen.
    fn value(&self, e: &Self::El, v: &str);
}

/// Elements written as HTML text by [`Html::html`].
const VOID: [&str; 4] = ["input", "link", "br", "img"];

#[derive(Default)]
struct Node {
    tag: String,
    attrs: Vec<(String, String)>,
    text: String,
    children: Vec<usize>,
}

/// An [`Out`] that builds HTML text. Elements are numbers into its list of nodes.
///
/// ```
/// use swanilai::view::{Html, Out};
/// let h = Html::default();
/// let p = h.el("p", "note");
/// let input = h.add(&p, "input", "", "");
/// h.attrs(&input, &[("type", "text"), ("data-x", "a\"b")]);
/// h.value(&input, "<1 & 2>");
/// h.add(&p, "span", "", "x < y");
/// assert_eq!(
///     h.html(&p),
///     "<p class=\"note\"><input type=\"text\" data-x=\"a&quot;b\" value=\"&lt;1 &amp; 2&gt;\"><span>x &lt; y</span></p>"
/// );
/// ```
#[derive(Default)]
pub struct Html {
    nodes: RefCell<Vec<Node>>,
}

impl Html {
    /// Sets attribute `k` of node `e` (replacing an earlier value).
    fn set(&self, e: usize, k: &str, v: &str) {
        let mut nodes = self.nodes.borrow_mut();
        let attrs = &mut nodes[e].attrs;
        match attrs.iter_mut().find(|(name, _)| name == k) {
            Some(a) => a.1 = v.to_string(),
            None => attrs.push((k.to_string(), v.to_string())),
        }
    }

    /// The HTML text of element `e` and everything in it.
    pub fn html(&self, e: &usize) -> String {
        let mut out = String::new();
        self.write(*e, &mut out);
        out
    }

    fn write(&self, e: usize, out: &mut String) {
        let nodes = self.nodes.borrow();
        let n = &nodes[e];
        out.push('<');
        out.push_str(&n.tag);
        for (k, v) in &n.attrs {
            out.push(' ');
            out.push_str(k);
            if !v.is_empty() {
                out.push_str("=\"");
                escape(v, true, out);
                out.push('"');
            }
        }
        out.push('>');
        if VOID.contains(&n.tag.as_str()) {
            return;
        }
        escape(&n.text, false, out);
        let children = n.children.clone();
        drop(nodes);
        for c in children {
            self.write(c, out);
        }
        let nodes = self.nodes.borrow();
        out.push_str("</");
        out.push_str(&nodes[e].tag);
        out.push('>');
    }
}

/// HTML-escapes `s` into `out`: `&`, `<`, `>`, and in attribute values `"`.
fn escape(s: &str, attr: bool, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attr => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
}

impl Out for Html {
    type El = usize;

    fn el(&self, tag: &str, class: &str) -> usize {
        let mut nodes = self.nodes.borrow_mut();
        let mut n = Node {
            tag: tag.to_string(),
            ..Node::default()
        };
        if !class.is_empty() {
            n.attrs.push(("class".into(), class.into()));
        }
        nodes.push(n);
        nodes.len() - 1
    }

    fn add(&self, parent: &usize, tag: &str, class: &str, text: &str) -> usize {
        let e = self.el(tag, class);
        let mut nodes = self.nodes.borrow_mut();
        nodes[e].text = text.to_string();
        nodes[*parent].children.push(e);
        e
    }

    fn attrs(&self, e: &usize, list: &[(&str, &str)]) {
        for (k, v) in list {
            self.set(*e, k, v);
        }
    }

    fn value(&self, e: &usize, v: &str) {
        let tag = self.nodes.borrow()[*e].tag.clone();
        match tag.as_str() {
            // The parser drops a newline right after `<textarea>`: one more keeps the text's.
            "textarea" if v.starts_with('\n') => {
                self.nodes.borrow_mut()[*e].text = format!("\n{v}")
            }
            "textarea" => self.nodes.borrow_mut()[*e].text = v.to_string(),
            "select" => {
                let options = self.nodes.borrow()[*e].children.clone();
                let mut nodes = self.nodes.borrow_mut();
                let mut chosen = false;
                for o in options {
                    let attrs = &mut nodes[o].attrs;
                    attrs.retain(|(k, _)| k != "selected");
                    let hit = !chosen && attrs.iter().any(|(k, x)| k == "value" && x == v);
                    if hit {
                        attrs.push(("selected".into(), String::new()));
                        chosen = true;
                    }
                }
            }
            _ => self.set(*e, "value", v),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_values_are_escaped_and_controls_start_with_their_values() {
        let h = Html::default();
        let root = h.el("div", "");
        let ta = h.add(&root, "textarea", "", "");
        h.value(&ta, "</textarea><script>");
        let sel = h.add(&root, "select", "", "");
        for v in ["", "a", "b"] {
            let o = h.add(&sel, "option", "", v);
            h.attrs(&o, &[("value", v)]);
        }
        h.value(&sel, "a");
        h.value(&sel, "b");
        let input = h.add(&root, "input", "", "");
        h.attrs(&input, &[("checked", ""), ("type", "radio")]);
        assert_eq!(
            h.html(&root),
            "<div><textarea>&lt;/textarea&gt;&lt;script&gt;</textarea><select>\
             <option value></option><option value=\"a\">a</option>\
             <option value=\"b\" selected>b</option></select>\
             <input checked type=\"radio\"></div>"
        );
    }
}
