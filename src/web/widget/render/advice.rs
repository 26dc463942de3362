//! The advice: the plan to the next predicate (folded when long) and the top improvements.

use web_sys::Element;

use super::super::Inner;
use super::super::dom::{attrs, clear};
use crate::view::{self, Action, Ui};

/// The longest folded advice plan drawn whole (see `render_advice`).
const PLAN_DRAWN: usize = 100;

impl Inner {
    pub(crate) fn render_advice(&self) {
        let Ok(Some(sec)) = self.frame.query_selector("[data-swn=advice]") else {
            return;
        };
        clear(&sec);
        let d = &self.dom;
        let h = d.add(&sec, "h3", "", self.t(Ui::Advice));
        attrs(&h, &[("id", "swn-advice-h")]);
        let advice = crate::advise_with(&self.scorer, &self.a, Some(5));
        let v = view::advice(&self.scorer, &advice, 5, self.lang);
        let p = d.add(&sec, "p", "swn-headline", &v.headline);
        attrs(&p, &[("data-swn", "plan")]);
        // Items from `visible` on are drawn hidden on screen (they print).
        let list = |items: &[view::AdviceLine], ordered: bool, visible: usize| -> Element {
            let l = d.add(
                &sec,
                if ordered { "ol" } else { "ul" },
                "swn-advice-list",
                "",
            );
            for (k, it) in items.iter().enumerate() {
                let li = d.add(&l, "li", if k < visible { "" } else { "swn-extra" }, "");
                let b = d.add(&li, "button", "swn-link swn-goto", &it.title);
                attrs(
                    &b,
                    &[
                        ("type", "button"),
                        ("data-act", Action::Goto.name()),
                        ("data-i", &it.indicator.to_string()),
                    ],
                );
                d.add(&li, "span", "swn-advice-text", &it.text);
            }
            l
        };
        // A plan from an empty assessment can run to dozens of steps: show the first few,
        // and the rest on request.
        // A folded plan of up to PLAN_DRAWN steps is drawn whole, the rest hidden on screen:
        // paper gets every step even when the browser prints without `beforeprint`.
        let long = v.plan.len() > view::PLAN_SHOWN;
        let folded = long && !self.plan_open && !self.printing;
        let shown = if folded {
            view::PLAN_SHOWN
        } else {
            v.plan.len()
        };
        let drawn = if folded && v.plan.len() > PLAN_DRAWN {
            shown
        } else {
            v.plan.len()
        };
        let ol = list(&v.plan[..drawn], true, shown);
        if long {
            attrs(&ol, &[("id", "swn-plan-list")]);
            let label = if self.plan_open {
                self.t(Ui::ShowFewerSteps).to_string()
            } else {
                view::show_all_steps(v.plan.len(), self.lang)
            };
            let b = d.add(&sec, "button", "swn-link swn-more", &label);
            attrs(
                &b,
                &[
                    ("type", "button"),
                    ("data-act", Action::PlanMore.name()),
                    ("aria-controls", "swn-plan-list"),
                    (
                        "aria-expanded",
                        if self.plan_open { "true" } else { "false" },
                    ),
                ],
            );
        }
        d.add(&sec, "h4", "", self.t(Ui::TopImprovements));
        if v.top.is_empty() {
            d.add(&sec, "p", "", self.t(Ui::NoImprovements));
        } else {
            let l = list(&v.top, false, v.top.len());
            attrs(&l, &[("data-list", "improve")]);
        }
        if !v.to_answer.is_empty() {
            // Unanswered indicators are a list of their own, never improvements; the first
            // few on screen, all on paper.
            d.add(&sec, "h4", "", self.t(Ui::ToAnswer));
            let l = list(&v.to_answer, false, view::PLAN_SHOWN);
            attrs(&l, &[("data-list", "answer")]);
        }
        self.render_check();
    }
}
