//! Small texts the widget writes into fields and file names: a number as the official types
//! it, an export's file name, the time of the last save, a number field's range, the notes
//! and links of an answer on paper. Pure: the widget only puts them in place.

use super::{Ui, ui};
use crate::assessment::{Answer, Region, Value};
use crate::model::{AnswerKind, Lang, Scale};
use crate::present::answer_label;
use crate::round::format_number;

/// A number as the official would type it in `lang`: up to 6 decimals, no trailing zeros.
///
/// ```
/// use swanilai::{model::Lang, view::typed_text};
/// assert_eq!(typed_text(1500.25, Lang::Id), "1.500,25");
/// assert_eq!(typed_text(3.0, Lang::En), "3");
/// ```
pub fn typed_text(n: f64, lang: Lang) -> String {
    let s = answer_label(&AnswerKind::Score, &Value::Number(n), 6, lang);
    let sep = if lang == Lang::Id { ',' } else { '.' };
    if s.contains(sep) {
        s.trim_end_matches('0').trim_end_matches(sep).to_string()
    } else {
        s
    }
}

/// Text typed into a number field of a page served in language `from`, as the official would
/// type it in `to`: the widget takes over that page in its own language, where `1,250` (one
/// thousand two hundred and fifty in English) would read as 1.25. A trailing `%` stays; text
/// that is no number in `from` is left as typed (the widget then says why).
///
/// ```
/// use swanilai::{model::Lang, view::retyped};
/// assert_eq!(retyped("1,250", Lang::En, Lang::Id), "1.250");
/// assert_eq!(retyped("0,125 %", Lang::Id, Lang::En), "0.125%");
/// assert_eq!(retyped("1,250", Lang::En, Lang::En), "1,250");
/// assert_eq!(retyped("tiga", Lang::Id, Lang::En), "tiga");
/// ```
pub fn retyped(raw: &str, from: Lang, to: Lang) -> String {
    if from == to {
        return raw.to_string();
    }
    let t = raw.trim();
    let (body, pct) = match t.strip_suffix('%') {
        Some(b) => (b.trim_end(), "%"),
        None => (t, ""),
    };
    match super::parse_number(body, from) {
        Some(v) => format!("{}{pct}", typed_text(v, to)),
        None => raw.to_string(),
    }
}

/// An export's file name: the set id, then the region's name and period in lowercase ASCII
/// words joined by `-` (`spbe-2020-kota-bandung-2025.json`); parts with no such words are left
/// out.
pub fn file_name(set_id: &str, region: &Region, ext: &str) -> String {
    let slug = |s: &str| {
        s.chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '-'
                }
            })
            .collect::<String>()
            .split('-')
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join("-")
    };
    let mut parts = vec![set_id.to_string()];
    for p in [slug(&region.name), slug(&region.period)] {
        if !p.is_empty() {
            parts.push(p);
        }
    }
    format!("{}.{ext}", parts.join("-"))
}

/// "Saved automatically 10.42" (Indonesian writes the time with a dot, English with a colon).
pub fn saved_text(hours: u32, minutes: u32, lang: Lang) -> String {
    let sep = if lang == Lang::Id { "." } else { ":" };
    format!("{} {hours:02}{sep}{minutes:02}", ui(Ui::Saved, lang))
}

/// The range shown beside a typed number field (`0 – 100`, `at least 5`), empty when open.
pub fn number_range(kind: &AnswerKind, scale: &Scale, lang: Lang) -> String {
    let n = |x: &f64| crate::problem::number_in(*x, lang);
    match kind {
        AnswerKind::Number { min, max, .. } => match (min, max) {
            (Some(lo), Some(hi)) => format!("{} – {}", n(lo), n(hi)),
            (Some(lo), None) => format!("{} {}", ui(Ui::AtLeast, lang), n(lo)),
            (None, Some(hi)) => format!("{} {}", ui(Ui::AtMost, lang), n(hi)),
            (None, None) => String::new(),
        },
        AnswerKind::Percent { .. } => "0 – 100".into(),
        AnswerKind::Score => format!(
            "{} – {}",
            format_number(scale.min, 0, lang),
            format_number(scale.max, 0, lang)
        ),
        AnswerKind::Level { .. } | AnswerKind::YesNo { .. } | AnswerKind::Choice { .. } => {
            String::new()
        }
    }
}

/// The links field's text as links: one a line, trimmed, blank lines left out.
pub fn links_of(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

/// An answer's notes and links for paper: the notes, then each link on its own line.
pub fn evidence_text(answer: &Answer) -> String {
    let mut s = answer.notes.clone();
    for l in &answer.links {
        s.push('\n');
        s.push_str(l);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Better;

    #[test]
    fn typed_numbers_drop_trailing_zeros_in_each_language() {
        assert_eq!(typed_text(1.5, Lang::Id), "1,5");
        assert_eq!(typed_text(1.5, Lang::En), "1.5");
        assert_eq!(typed_text(1500.0, Lang::Id), "1.500");
        assert_eq!(typed_text(0.000_001, Lang::En), "0.000001");
        assert_eq!(typed_text(-2.25, Lang::Id), "-2,25");
    }

    #[test]
    fn file_names_keep_ascii_words_of_region_and_period() {
        let mut r = Region::default();
        assert_eq!(file_name("spbe-2020", &r, "json"), "spbe-2020.json");
        r.name = "Kota  Bandung (Jawa Barat)".into();
        r.period = "2024/2025".into();
        assert_eq!(
            file_name("spbe-2020", &r, "csv"),
            "spbe-2020-kota-bandung-jawa-barat-2024-2025.csv"
        );
        r.name = "ကချင်".into();
        r.period = String::new();
        assert_eq!(file_name("x", &r, "json"), "x.json");
    }

    #[test]
    fn saved_time_uses_each_languages_separator() {
        assert_eq!(
            saved_text(9, 5, Lang::Id),
            format!("{} 09.05", ui(Ui::Saved, Lang::Id))
        );
        assert_eq!(
            saved_text(14, 30, Lang::En),
            format!("{} 14:30", ui(Ui::Saved, Lang::En))
        );
    }

    #[test]
    fn ranges_say_what_a_field_takes() {
        let scale = Scale::default();
        let pct = AnswerKind::Percent {
            better: Better::Higher,
        };
        assert_eq!(number_range(&pct, &scale, Lang::Id), "0 – 100");
        assert_eq!(
            number_range(&AnswerKind::Score, &scale, Lang::En),
            format!("{} – {}", scale.min, scale.max)
        );
        assert_eq!(
            number_range(&AnswerKind::Level { levels: vec![] }, &scale, Lang::En),
            ""
        );
    }

    #[test]
    fn links_and_evidence_go_one_a_line() {
        let links = links_of(" https://a.example \n\n  https://b.example");
        assert_eq!(links, ["https://a.example", "https://b.example"]);
        let answer = Answer {
            notes: "SK 12".into(),
            links,
            ..Answer::default()
        };
        assert_eq!(
            evidence_text(&answer),
            "SK 12\nhttps://a.example\nhttps://b.example"
        );
        assert_eq!(evidence_text(&Answer::default()), "");
    }
}
