//! Links typed into the widget: only http(s) addresses are links; any other line (`www.…`,
//! a path, `javascript:`) is kept as text in the notes beside them, as files are read (see
//! `docs/FORMAT.md`). While the field is being typed in, such a line waits in the field with a
//! message; when the field is left it moves into the notes. Pure: the widget only puts the
//! texts in place.

use crate::model::Lang;
use crate::validate::is_web_link;

/// A links field's lines: the web addresses, and the other non-blank lines (trimmed).
///
/// ```
/// use swanilai::view::split_links;
/// let (web, other) = split_links(" https://a.go.id/sk.pdf \nwww.b.go.id\n\n");
/// assert_eq!((web, other), (vec!["https://a.go.id/sk.pdf".to_string()], vec!["www.b.go.id".to_string()]));
/// ```
pub fn split_links(text: &str) -> (Vec<String>, Vec<String>) {
    let (mut web, mut other) = (Vec::new(), Vec::new());
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if is_web_link(line) {
            web.push(line.to_string());
        } else {
            other.push(line.to_string());
        }
    }
    (web, other)
}

/// The notes with `moved` lines added, each on a line of its own.
///
/// ```
/// use swanilai::view::notes_with;
/// assert_eq!(notes_with("SK 12", &["www.b.go.id".into()]), "SK 12\nwww.b.go.id");
/// assert_eq!(notes_with("", &["a".into(), "b".into()]), "a\nb");
/// ```
pub fn notes_with(notes: &str, moved: &[String]) -> String {
    let mut out = notes.to_string();
    for m in moved {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(m);
    }
    out
}

fn quoted(lines: &[String]) -> String {
    (lines.iter())
        .map(|l| format!("“{l}”"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The message under a links field while it holds lines that are not web addresses (empty
/// when it holds none).
pub fn links_waiting(other: &[String], lang: Lang) -> String {
    if other.is_empty() {
        return String::new();
    }
    let q = quoted(other);
    match lang {
        Lang::Id => format!(
            "{q} bukan alamat web (http:// atau https://): bukan tautan, dan dipindah ke catatan sebagai teks saat kolom ini ditinggalkan."
        ),
        Lang::En => format!(
            "{q} is not a web address (http:// or https://): not a link; it moves to the notes as text when you leave this field."
        ),
    }
}

/// The message once such lines moved into the notes.
pub fn links_moved(other: &[String], lang: Lang) -> String {
    if other.is_empty() {
        return String::new();
    }
    let q = quoted(other);
    match lang {
        Lang::Id => format!(
            "{q} bukan alamat web (http:// atau https://): disimpan di catatan sebagai teks, bukan sebagai tautan."
        ),
        Lang::En => format!(
            "{q} is not a web address (http:// or https://): kept in the notes as text, not as a link."
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_addresses_are_links_and_nothing_typed_is_lost() {
        let typed =
            "https://jdih.go.id/a.pdf\n  www.contoh.go.id \njavascript:alert(1)\n\nhttp://x.go.id";
        let (web, other) = split_links(typed);
        assert_eq!(web, ["https://jdih.go.id/a.pdf", "http://x.go.id"]);
        assert_eq!(other, ["www.contoh.go.id", "javascript:alert(1)"]);
        assert_eq!(
            notes_with("Perbup 12", &other),
            "Perbup 12\nwww.contoh.go.id\njavascript:alert(1)"
        );
        // Half typed: not yet an address, so it waits in the field.
        assert_eq!(split_links("https:/").1, ["https:/"]);
    }

    #[test]
    fn messages_name_the_lines_in_each_language() {
        let other = vec!["www.contoh.go.id".to_string()];
        assert!(links_waiting(&other, Lang::Id).starts_with("“www.contoh.go.id” bukan alamat web"));
        assert!(
            links_moved(&other, Lang::En).ends_with("kept in the notes as text, not as a link.")
        );
        assert_eq!(links_waiting(&[], Lang::En), "");
        assert_eq!(links_moved(&[], Lang::Id), "");
    }
}
