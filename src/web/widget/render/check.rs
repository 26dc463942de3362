//! "Siap diajukan?": the core's check before submitting, each finding a link to its
//! indicator.

use super::super::Inner;
use super::super::dom::{attrs, clear};
use crate::view::{self, Action};

/// A list of more entries than this is folded after its first [`CHECK_SHOWN`].
const CHECK_FOLD: usize = 10;
/// The entries of a folded list shown before the fold.
const CHECK_SHOWN: usize = 3;

impl Inner {
    /// Draws the check with the assessment as it stands (redrawn with the advice).
    pub(crate) fn render_check(&self) {
        let Ok(Some(sec)) = self.frame.query_selector("[data-swn=check]") else {
            return;
        };
        clear(&sec);
        let d = &self.dom;
        let h = d.add(&sec, "h3", "", view::check_title(self.lang));
        attrs(&h, &[("id", "swn-check-h")]);
        let c = crate::check::check(&self.scorer, &self.a);
        let v = view::check_view(&c, self.lang);
        let p = d.add(&sec, "p", "swn-headline", &v.headline);
        attrs(
            &p,
            &[
                ("data-swn", "check-summary"),
                ("data-ready", if c.ready { "true" } else { "false" }),
            ],
        );
        if v.lines.is_empty() {
            return;
        }
        // Blocking entries first; each a link to its indicator. A long list (every indicator
        // still unanswered, say) shows its first entries and folds the rest, so the column
        // beside (or, on a phone, below) the form stays short.
        let mut list = d.add(&sec, "ul", "swn-advice-list swn-check-list", "");
        for (k, line) in v.lines.iter().enumerate() {
            if k == CHECK_SHOWN && v.lines.len() > CHECK_FOLD {
                let more = d.add(&sec, "details", "swn-check-more", "");
                let rest = v.lines.len() - CHECK_SHOWN;
                d.add(&more, "summary", "", &view::more_findings(rest, self.lang));
                list = d.add(&more, "ul", "swn-advice-list swn-check-list", "");
            }
            let li = d.add(&list, "li", "swn-finding", "");
            attrs(
                &li,
                &[("data-blocks", if line.blocks { "true" } else { "false" })],
            );
            let b = d.add(&li, "button", "swn-link swn-goto", &line.text);
            attrs(
                &b,
                &[
                    ("type", "button"),
                    ("data-act", Action::Goto.name()),
                    ("data-i", &line.indicator.to_string()),
                ],
            );
        }
    }
}
