//! The widget's view models, in pure Rust: every string and number the widget
//! shows is decided here (and tested natively); the DOM layer only draws them.

use crate::advice::{Advice, AnswerGain};
use crate::assessment::{Assessment, Value};
use crate::compare::Comparison;
use crate::model::{AnswerKind, IndicatorSet, Lang};
use crate::num::fixed;
use crate::present::answer_label;
use crate::round::{format_delta, format_number};
use crate::score::{Score, Scorer, Tally};

mod action;
mod form;
mod lastyear;
mod links;
mod markup;
mod masterplan;
mod nav;
mod notices;
mod print;
mod sheet;
mod strings;
pub mod team;
mod texts;

pub use action::Action;
pub use form::{CARD_CHUNK, Drafts, Form, PROPOSED_MARK, prerender};
pub use lastyear::{
    ReadInPart, judge_previous, previous_question, previous_source, previous_use, proposed_buttons,
    proposed_text, region_period,
};
pub use links::{links_moved, links_waiting, notes_with, split_links};
pub use markup::{Html, Out};
pub use masterplan::{
    Mp, PillarIndexRow, PillarRows, ProgramRow, SubChoices, SurveyRow, csv_problem_line,
    csv_replace_question, csv_summary, mp, new_program_id, panel_label, pillar_indices,
    program_rows, remove_question, sub_choices, survey_invite, survey_problems, survey_result,
    survey_rows,
};
pub use nav::{NoticeKind, Place, add_notice, lead_text, more_findings, next_unanswered, tab_of};
pub use notices::{
    Judged, Opened, answer_id_in_path, import_announcement, import_verdict, indicator_name,
    integrity_name, judge_file, merged_key, merged_text, official_message, orphan_answers,
    problem_line, problem_place, problems_heading,
};
pub use print::{Sheet, SheetRow, letter_date, sheet};
pub use sheet::{
    EvidencedView, axis_name, card_levels, check_title, evidenced, external_labels, has_items,
    item_notes_label, radar_rings, status_label,
};
pub use strings::{Tm, Ui, tm, ui};
pub use texts::{
    evidence_text, file_name, links_of, number_range, retyped, saved_text, typed_text,
};

/// The label of the button that shows a long plan in full.
///
/// ```
/// use swanilai::{view::show_all_steps, Lang};
/// assert_eq!(show_all_steps(26, Lang::Id), "Tampilkan semua 26 langkah");
/// assert_eq!(show_all_steps(26, Lang::En), "Show all 26 steps");
/// ```
pub fn show_all_steps(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Id => format!("Tampilkan semua {n} langkah"),
        Lang::En => format!("Show all {n} steps"),
    }
}

/// How many plan steps the advice panel shows before "show all".
pub const PLAN_SHOWN: usize = 5;

/// A score as shown: `"3,48"`, or `"–"` when there is none.
pub fn shown(score: &Score, decimals: u8, lang: Lang) -> String {
    score
        .value
        .map_or_else(|| "–".to_string(), |v| format_number(v, decimals, lang))
}

/// A score's predicate label, or empty.
pub fn predicate(score: &Score, lang: Lang) -> String {
    score
        .predicate
        .as_ref()
        .map_or_else(String::new, |p| p.label.get(lang).to_string())
}

/// One bar of the results panel (a top-level group).
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// The group's title.
    pub label: String,
    /// The score as shown.
    pub value: String,
    /// The predicate label.
    pub predicate: String,
    /// Where the score lies on the scale, 0-1 (the bar's length).
    pub fraction: f64,
    /// `answered/total`.
    pub completeness: String,
}

/// The results panel.
#[derive(Clone, Debug, PartialEq)]
pub struct ResultsView {
    /// The overall score as shown.
    pub overall: String,
    /// `"/ 5"`-style scale maximum.
    pub out_of: String,
    /// The overall predicate.
    pub predicate: String,
    /// `"Kelengkapan: 12 dari 47 indikator (25% bobot)"`.
    pub completeness: String,
    /// One bar per top-level group.
    pub bars: Vec<Bar>,
    /// The radar polygon (SVG `points`) of the top-level groups' scores.
    pub radar: String,
    /// A polite sentence for screen readers.
    pub announcement: String,
    /// `"12/79"`: indicators answered of all.
    pub answered_of_total: String,
    /// The name of the overall score: the set's index (`Indeks Pemdi`) or `Nilai keseluruhan`.
    pub index_label: String,
    /// While indicators are unanswered: `"Sementara: 15 dari 20 indikator dijawab"`; the
    /// score is the index so far, not a result.
    pub provisional: Option<String>,
}

/// The name of a set's overall score: its index when the set names it, else `Nilai
/// keseluruhan` / `Overall score`.
///
/// ```
/// use swanilai::{builtin, view::index_label, Lang};
/// let mut set = builtin::get("spbe-2020").unwrap();
/// assert_eq!(index_label(&set, Lang::En), "SPBE Index");
/// set.terms = Default::default();
/// assert_eq!(index_label(&set, Lang::En), "Overall score");
/// ```
pub fn index_label(set: &IndicatorSet, lang: Lang) -> String {
    set.named_term(crate::model::Term::Index, lang)
        .unwrap_or(ui(Ui::Overall, lang))
        .to_string()
}

/// The provisional mark while some indicators are unanswered, or `None` when all are.
///
/// ```
/// use swanilai::{view::provisional_text, Lang};
/// assert_eq!(provisional_text(15, 20, Lang::Id).unwrap(), "Sementara: 15 dari 20 indikator dijawab");
/// assert_eq!(provisional_text(15, 20, Lang::En).unwrap(), "Provisional: 15 of 20 indicators answered");
/// assert_eq!(provisional_text(20, 20, Lang::Id), None);
/// ```
pub fn provisional_text(answered: usize, total: usize, lang: Lang) -> Option<String> {
    (answered < total).then(|| match lang {
        Lang::Id => format!("Sementara: {answered} dari {total} indikator dijawab"),
        Lang::En => format!("Provisional: {answered} of {total} indicators answered"),
    })
}

/// Radar chart geometry: the SVG `points` of `values` (0-1 each) on a chart of `radius`,
/// the first axis pointing up, clockwise.
///
/// ```
/// let p = swanilai::view::radar_points(&[1.0, 0.5, 0.0, 0.5], 100.0);
/// assert_eq!(p, "0.0,-100.0 50.0,0.0 0.0,0.0 -50.0,0.0");
/// ```
pub fn radar_points(values: &[f64], radius: f64) -> String {
    let n = values.len().max(1) as f64;
    values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let (x, y) = radar_xy(i as f64 / n, crate::num::unit(*v) * radius);
            format!("{},{}", fixed(x, 1), fixed(y, 1))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The point at `turn` (0-1, clockwise from the top) and distance `r` from the centre.
///
/// ```
/// use swanilai::view::radar_xy;
/// assert_eq!(radar_xy(0.0, 100.0), (0.0, -100.0)); // the top
/// assert_eq!(radar_xy(0.25, 100.0), (100.0, 0.0)); // a quarter turn: the right
/// assert_eq!(radar_xy(0.5, 100.0), (0.0, 100.0)); // not -0.0 nor 1.2e-14
/// assert_eq!(radar_xy(1.0 / 3.0, 50.0), (43.3, 25.0));
/// ```
pub fn radar_xy(turn: f64, r: f64) -> (f64, f64) {
    let (sin, cos) = (turn * std::f64::consts::TAU).sin_cos();
    // Rounded to a tenth; `+ 0.0` turns -0.0 into 0.0 so the output never shows "-0.0".
    let tenth = |v: f64| (v * 10.0).round() / 10.0 + 0.0;
    (tenth(r * sin), tenth(-r * cos))
}

/// How many of a tab's indicators are on screen, when a long tab is shown in parts.
///
/// ```
/// use swanilai::{view::shown_count_text, Lang};
/// assert_eq!(shown_count_text(100, 1250, Lang::Id), "100 dari 1.250 indikator ditampilkan");
/// assert_eq!(shown_count_text(100, 1250, Lang::En), "100 of 1,250 indicators shown");
/// ```
pub fn shown_count_text(shown: usize, total: usize, lang: Lang) -> String {
    let n = |v: usize| format_number(v as f64, 0, lang);
    match lang {
        Lang::Id => format!("{} dari {} indikator ditampilkan", n(shown), n(total)),
        Lang::En => format!("{} of {} indicators shown", n(shown), n(total)),
    }
}

/// How much is answered, as a sentence.
pub fn completeness_text(answered: usize, total: usize, by_weight: f64, lang: Lang) -> String {
    let pct = format_number(by_weight * 100.0, 0, lang);
    match lang {
        Lang::Id => format!("{answered} dari {total} indikator dijawab ({pct}% bobot)"),
        Lang::En => format!("{answered} of {total} indicators answered ({pct}% of the weight)"),
    }
}

/// Builds the results panel from a live tally.
pub fn results(scorer: &Scorer<'_>, tally: &Tally, answered: &[bool], lang: Lang) -> ResultsView {
    let set = scorer.set();
    let d = set.scale.decimals;
    let span = set.scale.max - set.scale.min;
    let overall = scorer.score_of(tally.overall());
    let eff = scorer.effective_weights();
    let (mut n, mut w, mut wa) = (0, 0.0, 0.0);
    for (i, a) in answered.iter().enumerate() {
        w += eff[i];
        if *a {
            n += 1;
            wa += eff[i];
        }
    }
    let by_weight = if w > 0.0 { wa / w } else { 0.0 };
    let mut bars = Vec::with_capacity(set.groups.len());
    let mut fractions = Vec::with_capacity(set.groups.len());
    let mut first = 0;
    for (k, g) in set.groups.iter().enumerate() {
        let score = scorer.score_of(scorer.top_group_score(tally, k));
        let count = scorer.top_group_indicator_count(k);
        let done = answered[first..first + count]
            .iter()
            .filter(|a| **a)
            .count();
        first += count;
        let fraction = score
            .value
            .map_or(0.0, |v| crate::num::unit((v - set.scale.min) / span));
        fractions.push(fraction);
        bars.push(Bar {
            label: g.title.get(lang).to_string(),
            value: shown(&score, d, lang),
            predicate: predicate(&score, lang),
            fraction,
            completeness: format!("{done}/{count}"),
        });
    }
    let overall_text = shown(&overall, d, lang);
    let predicate_text = predicate(&overall, lang);
    let provisional = provisional_text(n, answered.len(), lang);
    let announcement = format!(
        "{}: {overall_text} {predicate_text}. {}",
        index_label(set, lang),
        completeness_text(n, answered.len(), by_weight, lang)
    );
    ResultsView {
        overall: overall_text,
        out_of: format!("/ {}", format_number(set.scale.max, 0, lang)),
        predicate: predicate_text,
        completeness: completeness_text(n, answered.len(), by_weight, lang),
        bars,
        radar: radar_points(&fractions, 100.0),
        announcement,
        answered_of_total: format!("{n}/{}", answered.len()),
        index_label: index_label(set, lang),
        provisional,
    }
}

/// An answer as a person reads it, or "not answered".
pub fn answer_text(kind: &AnswerKind, value: Option<&Value>, decimals: u8, lang: Lang) -> String {
    value.map_or_else(
        || ui(Ui::NotAnswered, lang).to_string(),
        |v| answer_label(kind, v, decimals, lang),
    )
}

/// One line of advice.
#[derive(Clone, Debug, PartialEq)]
pub struct AdviceLine {
    /// The indicator's position in document order (to jump to it).
    pub indicator: usize,
    /// The indicator's title.
    pub title: String,
    /// What to change and what it brings.
    pub text: String,
}

/// The advice panel.
#[derive(Clone, Debug, PartialEq)]
pub struct AdviceView {
    /// A sentence about the next predicate.
    pub headline: String,
    /// The plan's steps.
    pub plan: Vec<AdviceLine>,
    /// The most effective improvements.
    pub top: Vec<AdviceLine>,
    /// The indicators still to answer (never improvements), in document order.
    pub to_answer: Vec<AdviceLine>,
}

/// What an improvement asks for: for a level with evidence items, the level and the items
/// to prepare (`2 – Membangun: siapkan SOP; SK`); for a measured outcome, the target
/// (`target ≥ 60%`); otherwise the change of answer (`2 – Terkelola → 3 – Terdefinisi`).
fn step_text(
    ind: &crate::model::Indicator,
    from: Option<&Value>,
    to: &AnswerGain,
    measured: bool,
    d: u8,
    lang: Lang,
) -> String {
    let to_text = answer_label(&ind.answer, &to.value, d, lang);
    if !to.prepare.is_empty() {
        let items: Vec<&str> = to.prepare.iter().map(|m| m.text.get(lang)).collect();
        let verb = if lang == Lang::Id {
            "siapkan"
        } else {
            "prepare"
        };
        return format!("{to_text}: {verb} {}", items.join("; "));
    }
    if measured {
        let lower = matches!(
            ind.answer,
            AnswerKind::Number {
                better: crate::model::Better::Lower,
                ..
            } | AnswerKind::Percent {
                better: crate::model::Better::Lower
            }
        );
        let sign = if lower { "≤" } else { "≥" };
        // "target" in both languages.
        return format!("target {sign}\u{a0}{to_text}");
    }
    format!("{} → {to_text}", answer_text(&ind.answer, from, d, lang))
}

/// Builds the advice panel.
pub fn advice(scorer: &Scorer<'_>, a: &Advice, top: usize, lang: Lang) -> AdviceView {
    let set = scorer.set();
    let d = set.scale.decimals;
    let line = |id: &str,
                from: Option<&Value>,
                to: &AnswerGain,
                measured: bool,
                best: Option<&AnswerGain>| {
        let i = scorer.indicator_index(id).unwrap_or(0);
        let ind = scorer.indicator(i);
        let mut text = format!(
            "{} ({})",
            step_text(ind, from, to, measured, d, lang),
            format_delta(to.gain, d, lang)
        );
        if let Some(best) = best {
            text.push_str(&format!(
                "; {}: {} ({})",
                ui(Ui::Best, lang),
                answer_label(&ind.answer, &best.value, d, lang),
                format_delta(best.gain, d, lang)
            ));
        }
        AdviceLine {
            indicator: i,
            title: ind.title.get(lang).to_string(),
            text,
        }
    };
    let to_answer: Vec<AdviceLine> = a
        .unanswered
        .iter()
        .filter_map(|id| scorer.indicator_index(id))
        .map(|i| AdviceLine {
            indicator: i,
            title: scorer.indicator(i).title.get(lang).to_string(),
            text: ui(Ui::NotAnswered, lang).to_string(),
        })
        .collect();
    let (headline, plan) = match &a.plan {
        Some(p) if p.reached => {
            let (n, m) = (p.steps.len(), p.items);
            let evidence = set.term(crate::model::Term::Evidence, lang);
            let head = match (lang, m) {
                (Lang::Id, 0) => format!(
                    "{} {} (≥\u{a0}{}): tingkatkan {n} indikator berikut.",
                    ui(Ui::ToReach, lang),
                    p.target.label.get(lang),
                    format_number(p.target_score, d, lang)
                ),
                (Lang::Id, m) => format!(
                    "{} {} (≥\u{a0}{}): {n} langkah berikut, dengan {m} butir {} disiapkan.",
                    ui(Ui::ToReach, lang),
                    p.target.label.get(lang),
                    format_number(p.target_score, d, lang),
                    evidence.to_ascii_lowercase()
                ),
                (Lang::En, 0) => format!(
                    "{} {} (≥\u{a0}{}): raise the following {n} indicator{}.",
                    ui(Ui::ToReach, lang),
                    p.target.label.get(lang),
                    format_number(p.target_score, d, lang),
                    if n == 1 { "" } else { "s" }
                ),
                (Lang::En, m) => format!(
                    "{} {} (≥\u{a0}{}): the following {n} step{}, with {m} {} item{} to prepare.",
                    ui(Ui::ToReach, lang),
                    p.target.label.get(lang),
                    format_number(p.target_score, d, lang),
                    if n == 1 { "" } else { "s" },
                    evidence.to_ascii_lowercase(),
                    if m == 1 { "" } else { "s" }
                ),
            };
            let steps = p
                .steps
                .iter()
                .map(|s| {
                    let i = scorer.indicator_index(&s.indicator).unwrap_or(0);
                    let ind = scorer.indicator(i);
                    let measured = ind.external.is_some()
                        || matches!(
                            ind.answer,
                            AnswerKind::Number { .. } | AnswerKind::Percent { .. }
                        );
                    let to = AnswerGain {
                        value: s.to.clone(),
                        score: s.score,
                        gain: s.gain,
                        prepare: s.prepare.clone(),
                    };
                    line(&s.indicator, s.from.as_ref(), &to, measured, None)
                })
                .collect();
            (head, steps)
        }
        _ if !to_answer.is_empty() => (unanswered_text(to_answer.len(), lang), Vec::new()),
        None => (ui(Ui::AlreadyTop, lang).to_string(), Vec::new()),
        Some(_) => (ui(Ui::NotReachable, lang).to_string(), Vec::new()),
    };
    let top = a
        .recommendations
        .iter()
        .filter(|r| r.best.gain > 0.0)
        .take(top)
        .map(|r| {
            let best = (r.best.value != r.next.value).then_some(&r.best);
            line(&r.indicator, r.current.as_ref(), &r.next, r.measured, best)
        })
        .collect();
    AdviceView {
        headline,
        plan,
        top,
        to_answer,
    }
}

/// The advice's headline while indicators are unanswered and no plan reaches the next
/// predicate from the answers given.
///
/// ```
/// use swanilai::{model::Lang, view::unanswered_text};
/// assert_eq!(unanswered_text(3, Lang::Id), "3 indikator belum dijawab: jawab dulu, lalu lihat saran perbaikan.");
/// assert_eq!(unanswered_text(1, Lang::En), "1 indicator is not answered yet: answer it first, then see what to improve.");
/// ```
pub fn unanswered_text(n: usize, lang: Lang) -> String {
    match (lang, n) {
        (Lang::Id, n) => {
            format!("{n} indikator belum dijawab: jawab dulu, lalu lihat saran perbaikan.")
        }
        (Lang::En, 1) => {
            "1 indicator is not answered yet: answer it first, then see what to improve.".into()
        }
        (Lang::En, n) => format!(
            "{n} indicators are not answered yet: answer them first, then see what to improve."
        ),
    }
}

/// How a view labels an indicator whose level is taken from another agency's evaluation.
///
/// ```
/// use swanilai::{model::{Lang, Text}, view::taken_from};
/// let bps = Text::new("BPS (EPSS)", "BPS (EPSS)");
/// assert_eq!(taken_from(&bps, true, Lang::Id), "Tingkat dari hasil evaluasi BPS (EPSS)");
/// assert_eq!(taken_from(&bps, false, Lang::En), "Level entered from BPS (EPSS)'s evaluation");
/// ```
pub fn taken_from(agency: &crate::model::Text, from_result: bool, lang: Lang) -> String {
    let a = agency.get(lang);
    match (lang, from_result) {
        (Lang::Id, true) => format!("Tingkat dari hasil evaluasi {a}"),
        (Lang::Id, false) => format!("Tingkat diisi dari evaluasi {a}"),
        (Lang::En, true) => format!("Level from {a}'s evaluation result"),
        (Lang::En, false) => format!("Level entered from {a}'s evaluation"),
    }
}

/// One line of the "Siap diajukan?" check, for the widget to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckLine {
    /// The indicator's position in document order (to focus it).
    pub indicator: usize,
    /// Whether it blocks submitting.
    pub blocks: bool,
    /// The finding, naming its indicator.
    pub text: String,
}

/// The "Siap diajukan?" panel.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckView {
    /// `Siap diajukan.` or how many things block it.
    pub headline: String,
    /// Blocking findings first, then warnings, each in the set's order.
    pub lines: Vec<CheckLine>,
}

/// Builds the "Siap diajukan?" panel from a check.
///
/// ```
/// use swanilai::{builtin, check::check, model::Lang, view::check_view, Assessment, Scorer};
/// let set = builtin::get("spbe-2020").unwrap();
/// let scorer = Scorer::new(&set);
/// let v = check_view(&check(&scorer, &Assessment::new(&set.id, &set.version)), Lang::Id);
/// assert_eq!(v.headline, "Belum siap diajukan: 47 hal harus dibereskan.");
/// assert!(v.lines[0].text.starts_with("Indikator 1 ("));
/// assert_eq!((v.lines[0].indicator, v.lines[0].blocks), (0, true));
/// ```
pub fn check_view(c: &crate::check::Check, lang: Lang) -> CheckView {
    let blocking = c
        .findings
        .iter()
        .filter(|f| f.severity == crate::problem::Severity::Error)
        .count();
    let headline = match (lang, blocking) {
        (Lang::Id, 0) => "Siap diajukan.".to_string(),
        (Lang::En, 0) => "Ready to submit.".to_string(),
        (Lang::Id, n) => format!("Belum siap diajukan: {n} hal harus dibereskan."),
        (Lang::En, 1) => "Not ready to submit: 1 thing to fix.".to_string(),
        (Lang::En, n) => format!("Not ready to submit: {n} things to fix."),
    };
    // Blocking findings first, then warnings, each in the set's order.
    let lines = [true, false]
        .into_iter()
        .flat_map(|blocks| {
            c.findings
                .iter()
                .filter(move |f| (f.severity == crate::problem::Severity::Error) == blocks)
                .map(move |f| CheckLine {
                    indicator: f.number - 1,
                    blocks,
                    text: f.message.get(lang).to_string(),
                })
        })
        .collect();
    CheckView { headline, lines }
}

/// One row of the comparison table.
#[derive(Clone, Debug, PartialEq)]
pub struct CompareRow {
    /// Group title (or "Overall").
    pub label: String,
    /// Last year's shown score.
    pub previous: String,
    /// This year's shown score.
    pub current: String,
    /// The change, signed.
    pub change: String,
}

/// The comparison panel: overall first, then each top-level group.
pub fn comparison(set: &IndicatorSet, c: &Comparison, lang: Lang) -> Vec<CompareRow> {
    let d = set.scale.decimals;
    let num = |v: Option<f64>| v.map_or_else(|| "–".into(), |v| format_number(v, d, lang));
    let change = |v: Option<f64>| v.map_or_else(|| "–".into(), |v| format_delta(v, d, lang));
    let mut rows = vec![CompareRow {
        label: index_label(set, lang),
        previous: num(c.overall.previous),
        current: num(c.overall.current),
        change: change(c.overall.change),
    }];
    for g in &set.groups {
        if let Some(ch) = c.groups.iter().find(|x| x.id == g.id) {
            rows.push(CompareRow {
                label: g.title.get(lang).to_string(),
                previous: num(ch.delta.previous),
                current: num(ch.delta.current),
                change: change(ch.delta.change),
            });
        }
    }
    rows
}

/// Reads a number as an official types it: `3,5` or `3.5`; in Indonesian `1.250,5` and
/// `1.250` are thousands-grouped, in English `1,250.5` and `1,250` are. Returns `None` for
/// anything else.
///
/// ```
/// use swanilai::{view::parse_number, Lang};
/// assert_eq!(parse_number("3,5", Lang::Id), Some(3.5));
/// assert_eq!(parse_number(" 3.5 ", Lang::Id), Some(3.5));
/// assert_eq!(parse_number("1.250,5", Lang::Id), Some(1250.5));
/// assert_eq!(parse_number("1.250", Lang::Id), Some(1250.0));
/// assert_eq!(parse_number("1,250.5", Lang::En), Some(1250.5));
/// assert_eq!(parse_number("1,500", Lang::En), Some(1500.0)); // as English writes 1500
/// assert_eq!(parse_number("3,5", Lang::En), Some(3.5)); // not grouping: a decimal comma
/// assert_eq!(parse_number("-2", Lang::En), Some(-2.0));
/// assert_eq!(parse_number("\u{2212}0,3", Lang::Id), Some(-0.3)); // the Unicode minus sign
/// assert!(parse_number("-0", Lang::Id).unwrap().is_sign_positive());
/// assert_eq!(parse_number("12abc", Lang::Id), None);
/// assert_eq!(parse_number("1e999", Lang::En), None);
/// ```
pub fn parse_number(text: &str, lang: Lang) -> Option<f64> {
    // Spaces (also no-break and narrow no-break ones) may group digits; the minus sign
    // U+2212 that word processors and some keyboards put in is a minus.
    let t = text
        .trim()
        .replace([' ', '\u{a0}', '\u{202f}'], "")
        .replace('\u{2212}', "-");
    if t.is_empty()
        || !t
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '+'))
    {
        return None;
    }
    let (group, decimal) = match lang {
        Lang::Id => ('.', ','),
        Lang::En => (',', '.'),
    };
    let grouped = |s: &str, sep: char| {
        let body = s.trim_start_matches(['-', '+']);
        let mut parts = body.split(sep);
        let first = parts.next().unwrap_or("");
        !first.is_empty()
            && first.len() <= 3
            && parts.clone().count() > 0
            && parts.all(|p| p.len() == 3 && p.chars().all(|c| c.is_ascii_digit()))
    };
    let normalised = if t.contains(group) && t.contains(decimal) {
        let (int, frac) = t.rsplit_once(decimal)?;
        if !grouped(int, group) {
            return None;
        }
        format!("{}.{frac}", int.replace(group, ""))
    } else if t.contains(group) && grouped(&t, group) {
        t.replace(group, "")
    } else {
        t.replace(',', ".")
    };
    if normalised.matches('.').count() > 1 {
        return None;
    }
    // `+ 0.0` turns a typed "-0" into 0: saved and shown without a sign.
    crate::num::parse(&normalised)
        .filter(|n| n.is_finite())
        .map(|n| n + 0.0)
}

/// What text typed into a number field (in language `typed_in`) answers for an indicator:
/// `None` when empty, or why it is not an answer, in language `lang`, as a sentence. A percent
/// field also takes the number followed by `%`.
///
/// ```
/// use swanilai::{view::read_number, AnswerKind, Better, Lang, Scale, Value};
/// let scale = Scale::default(); // 0-5
/// assert_eq!(read_number(&AnswerKind::Score, &scale, "3,5", Lang::Id, Lang::Id), Ok(Some(Value::Number(3.5))));
/// assert_eq!(read_number(&AnswerKind::Score, &scale, " ", Lang::Id, Lang::Id), Ok(None));
/// assert_eq!(read_number(&AnswerKind::Score, &scale, "3,5x", Lang::Id, Lang::En), Err("Not a valid number.".into()));
/// assert_eq!(
///     read_number(&AnswerKind::Score, &scale, "1.500", Lang::Id, Lang::En),
///     Err("The value must be from 0 to 5, got 1,500.".into())
/// );
/// let percent = AnswerKind::Percent { better: Better::Higher };
/// assert_eq!(read_number(&percent, &scale, "50 %", Lang::Id, Lang::Id), Ok(Some(Value::Number(50.0))));
/// assert!(read_number(&AnswerKind::Score, &scale, "5%", Lang::Id, Lang::Id).is_err());
/// ```
pub fn read_number(
    kind: &AnswerKind,
    scale: &crate::Scale,
    raw: &str,
    typed_in: Lang,
    lang: Lang,
) -> Result<Option<Value>, String> {
    let mut text = raw.trim();
    if text.is_empty() {
        return Ok(None);
    }
    // `50%` in a percent field, or in a number field whose unit is a percentage (`% APBD`).
    let percent = match kind {
        AnswerKind::Percent { .. } => true,
        AnswerKind::Number { unit: Some(u), .. } => u.id.starts_with('%'),
        _ => false,
    };
    if percent {
        text = text.strip_suffix('%').unwrap_or(text).trim_end();
    }
    let Some(n) = parse_number(text, typed_in) else {
        return Err(ui(Ui::NotANumber, lang).to_string());
    };
    match crate::answer_score(kind, scale, &Value::Number(n)) {
        Ok(_) => Ok(Some(Value::Number(n))),
        Err(e) => Err(sentence(if lang == Lang::Id { &e.id } else { &e.en })),
    }
}

/// A problem message (lowercase, without a final period, as every problem's is) as a
/// sentence, like the other texts shown beside a field (`Bukan angka yang sah.`). Answer
/// messages start with an ASCII letter: no Unicode case tables are needed (nor linked).
fn sentence(message: &str) -> String {
    let mut out = String::with_capacity(message.len() + 1);
    let mut chars = message.chars();
    out.extend(chars.next().map(|c| c.to_ascii_uppercase()));
    out.push_str(chars.as_str());
    out.push('.');
    out
}

/// Which indicators are answered (validly) in an assessment, in document order.
pub fn answered_flags(scorer: &Scorer<'_>, a: &Assessment) -> Vec<bool> {
    (0..scorer.indicator_count())
        .map(|i| scorer.current_value(a, i).is_some())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_string_exists_in_both_languages() {
        use Ui::*;
        for k in [
            Region,
            Overall,
            Advice,
            ResetConfirm,
            ImportTampered,
            OtherTab,
            Close,
            Actions,
            NotANumber,
            ShowFewerSteps,
        ] {
            assert!(!ui(k, Lang::Id).is_empty() && !ui(k, Lang::En).is_empty());
            assert_ne!(ui(k, Lang::Id), ui(k, Lang::En), "{k:?}");
        }
    }
}
