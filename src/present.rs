//! Presentation that does not need a browser: answer labels (the CSV is [`crate::csv_report`]).

use crate::assessment::Value;
use crate::model::{AnswerKind, Lang, Text};
use crate::round::format_number;

/// How an answer reads to a person, e.g. `3 – Terdefinisi`, `Ya`, `75%`, `12 hari`.
///
/// ```
/// use swanilai::{answer_label, builtin, Lang, Value};
/// let set = builtin::get("spbe-2020").unwrap();
/// let ind = set.indicators().next().unwrap();
/// assert_eq!(answer_label(&ind.answer, &Value::Number(3.0), set.scale.decimals, Lang::Id), "3 – Terdefinisi");
/// ```
pub fn answer_label(kind: &AnswerKind, value: &Value, decimals: u8, lang: Lang) -> String {
    let num = |n: f64| {
        // Show the value as typed, up to six decimals, in the local style.
        let s = format_number(n, 6, lang);
        let sep = if lang == Lang::Id { ',' } else { '.' };
        if s.contains(sep) {
            s.trim_end_matches('0').trim_end_matches(sep).to_string()
        } else {
            s
        }
    };
    match (kind, value) {
        (AnswerKind::Level { levels }, Value::Number(n)) => {
            match levels
                .get((*n as usize).wrapping_sub(1))
                .filter(|_| n.fract() == 0.0)
            {
                Some(l) => format!("{} – {}", num(*n), l.label.get(lang)),
                None => num(*n),
            }
        }
        (AnswerKind::YesNo { .. }, Value::Bool(b)) => {
            let t = if *b {
                Text::new("Ya", "Yes")
            } else {
                Text::new("Tidak", "No")
            };
            t.get(lang).to_string()
        }
        (AnswerKind::Choice { options }, Value::Text(id)) => options
            .iter()
            .find(|o| &o.id == id)
            .map_or_else(|| id.clone(), |o| o.label.get(lang).to_string()),
        (AnswerKind::Number { unit: Some(u), .. }, Value::Number(n)) => {
            format!("{} {}", num(*n), u.get(lang))
        }
        (AnswerKind::Percent { .. }, Value::Number(n)) => format!("{}%", num(*n)),
        (AnswerKind::Score, Value::Number(n)) => format_number(*n, decimals, lang),
        (_, Value::Number(n)) => num(*n),
        (_, Value::Bool(b)) => b.to_string(),
        (_, Value::Text(s)) => s.clone(),
    }
}
