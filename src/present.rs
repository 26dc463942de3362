//! Presentation that does not need a browser: answer labels and the CSV export.

use crate::assessment::{Assessment, Value};
use crate::model::{AnswerKind, IndicatorSet, Lang, Term, Text};
use crate::round::format_number;
use crate::score::Report;

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

/// The text with an ASCII first letter in lower case (`Data dukung` in `Catatan data
/// dukung`); ASCII only, so no Unicode case tables are linked into the wasm.
fn lower_first(t: &str) -> String {
    let mut s = t.to_string();
    if let Some(first) = s.get_mut(..1) {
        first.make_ascii_lowercase();
    }
    s
}

/// Quotes a CSV cell (RFC 4180) and defuses spreadsheet formulas in text cells.
fn cell(out: &mut String, s: &str, text: bool, sep: char) {
    let risky = text && s.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let s = if risky {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([sep, '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(&s);
    }
}

/// One row per indicator: group path, indicator id and title, answer, score, weight (% of the
/// whole), evidence notes and links. Then the results: one row per group and a last one for
/// the whole (`Nilai keseluruhan` / `Overall score`), with no indicator id, the predicate in
/// the answer column and no weight (the weight column adds up to 100).
///
/// UTF-8 with a byte-order mark so spreadsheets read it right, and written as a spreadsheet of
/// its language reads a double-clicked file: in Indonesian separated by `;` with decimal
/// commas (Excel with Indonesian regional settings), in English by `,` with decimal points.
/// Scores and weights are never grouped by thousands (number answers are written as on screen).
///
/// ```
/// use swanilai::{builtin, report_csv, score, Assessment, Lang, Value};
/// let set = builtin::get("spbe-2020").unwrap();
/// let mut a = Assessment::new("spbe-2020", &set.version);
/// a.set_value("spbe-01", Value::Number(4.0));
/// a.answers.get_mut("spbe-01").unwrap().notes = "=HYPERLINK(\"x\")".into();
/// let report = score(&set, &a);
/// let csv = report_csv(&set, &a, &report, Lang::En);
/// let row = csv.lines().nth(1).unwrap();
/// assert!(row.contains("spbe-01") && row.contains("4 – Integrated") && row.contains(",4.00,1.30,"));
/// assert!(row.contains("\"'=HYPERLINK(\"\"x\"\")\""), "{row}");
/// let groups = report.groups.len();
/// assert_eq!(csv.lines().count(), 1 + 47 + groups + 1, "header, indicators, groups, overall");
/// // The set's own word for its index (`terms.index`) names the last row.
/// assert!(csv.lines().last().unwrap().starts_with("SPBE Index,,,"));
/// let csv = report_csv(&set, &a, &report, Lang::Id);
/// assert!(csv.lines().nth(1).unwrap().contains(";4,00;1,30;"));
/// assert!(csv.lines().last().unwrap().starts_with("Indeks SPBE;;;"));
/// ```
pub fn report_csv(set: &IndicatorSet, a: &Assessment, report: &Report, lang: Lang) -> String {
    let mut out = String::from("\u{feff}");
    // Sets that list evidence items get three more columns: the level claimed, the level (for
    // groups and the whole: the score) the evidence supports, and the items not yet ready.
    let with_items = set
        .indicators()
        .any(|i| crate::evidence::items(i).next().is_some());
    let header = header(set, with_items, lang);
    let (sep, grouping) = match lang {
        Lang::Id => (';', '.'),
        Lang::En => (',', ','),
    };
    let number = |x: f64, decimals: u8| format_number(x, decimals, lang).replace(grouping, "");
    out.push_str(&header.join(&sep.to_string()));
    out.push_str("\r\n");
    let d = set.scale.decimals;
    let mut paths: Vec<(String, String)> = Vec::new(); // (group id, title path)
    fn walk(g: &crate::model::Group, prefix: &str, lang: Lang, out: &mut Vec<(String, String)>) {
        let path = if prefix.is_empty() {
            g.title.get(lang).to_string()
        } else {
            format!("{prefix} > {}", g.title.get(lang))
        };
        out.push((g.id.clone(), path.clone()));
        for c in &g.children {
            walk(c, &path, lang, out);
        }
    }
    for g in &set.groups {
        walk(g, "", lang, &mut paths);
    }
    let path_of = |id: &str| paths.iter().find(|(g, _)| g == id).map_or("", |(_, p)| p);
    for (ind, row) in set.indicators().zip(&report.indicators) {
        let answer = a.answers.get(&ind.id);
        let group = path_of(&row.group);
        cell(&mut out, group, true, sep);
        out.push(sep);
        cell(&mut out, &ind.id, true, sep);
        out.push(sep);
        cell(&mut out, ind.title.get(lang), true, sep);
        out.push(sep);
        let label = answer
            .and_then(|x| x.value.as_ref())
            .map(|v| answer_label(&ind.answer, v, d, lang))
            .unwrap_or_default();
        cell(&mut out, &label, true, sep);
        out.push(sep);
        if let Some(s) = row.score.value {
            out.push_str(&number(s, d));
        }
        out.push(sep);
        out.push_str(&number(row.effective_weight * 100.0, 2));
        out.push(sep);
        cell(&mut out, answer.map_or("", |x| x.notes.as_str()), true, sep);
        out.push(sep);
        cell(
            &mut out,
            &answer.map(|x| x.links.join(" ")).unwrap_or_default(),
            true,
            sep,
        );
        if with_items {
            let level = |l: Option<usize>| l.map(|l| l.to_string()).unwrap_or_default();
            out.push(sep);
            out.push_str(&level(row.level));
            out.push(sep);
            out.push_str(&level(row.evidenced_level));
            out.push(sep);
            let missing: Vec<&str> = row.missing.iter().map(|m| m.text.get(lang)).collect();
            cell(&mut out, &missing.join("; "), true, sep);
        }
        out.push_str("\r\n");
    }
    let overall = match (
        set.named_term(Term::Index, Lang::Id),
        set.named_term(Term::Index, Lang::En),
    ) {
        (Some(id), Some(en)) => Text::new(id, en),
        _ => Text::new("Nilai keseluruhan", "Overall score"),
    };
    let groups = report
        .groups
        .iter()
        .map(|g| (path_of(&g.id), &g.score, &g.evidenced));
    let whole = (overall.get(lang), &report.overall, &report.evidenced);
    for (name, score, evidenced) in groups.chain([whole]) {
        cell(&mut out, name, true, sep);
        for _ in 0..3 {
            out.push(sep);
        }
        let predicate = score.predicate.as_ref().map_or("", |p| p.label.get(lang));
        cell(&mut out, predicate, true, sep);
        out.push(sep);
        if let Some(s) = score.shown {
            out.push_str(&number(s, d));
        }
        for _ in 0..3 {
            out.push(sep); // no weight: the column still adds up to 100
        }
        if with_items {
            out.push(sep);
            out.push(sep);
            if let Some(s) = evidenced.shown {
                out.push_str(&number(s, d));
            }
            out.push(sep);
        }
        out.push_str("\r\n");
    }
    if !a.units.is_empty() {
        unit_rows(&mut out, set, a, lang, sep);
    }
    out
}

/// The CSV's column headings, in the set's own words where it names them (Aspek, Data dukung).
fn header(set: &IndicatorSet, with_items: bool, lang: Lang) -> Vec<String> {
    let word = |w: Term, lang: Lang| {
        let t = set.term(w, lang);
        match lang {
            Lang::Id => lower_first(t),
            Lang::En => t.to_string(),
        }
    };
    let evidence_of = |id: &str, en: &str| {
        Text::new(
            format!("{id} {}", word(Term::Evidence, Lang::Id)),
            format!("{} {en}", word(Term::Evidence, Lang::En)),
        )
    };
    let base: [Text; 8] = [
        Text::new(
            set.term(Term::Group, Lang::Id),
            set.term(Term::Group, Lang::En),
        ),
        Text::new("Id indikator", "Indicator id"),
        Text::new("Indikator", "Indicator"),
        Text::new("Jawaban", "Answer"),
        Text::new("Skor", "Score"),
        Text::new("Bobot (%)", "Weight (%)"),
        evidence_of("Catatan", "notes"),
        evidence_of("Tautan", "links"),
    ];
    let more: [Text; 3] = [
        Text::new("Klaim", "Claimed"),
        Text::new("Terbukti", "Evidenced"),
        Text::new(
            format!("{} belum siap", set.term(Term::Evidence, Lang::Id)),
            format!("{} not ready", set.term(Term::Evidence, Lang::En)),
        ),
    ];
    base.iter()
        .chain(more.iter().filter(|_| with_items))
        .map(|t| t.get(lang).to_string())
        .collect()
}

/// The per-unit section of the CSV, after a blank line: its own header, then one row per unit
/// (and one for indicators assigned to none) with the counts of [`crate::progress::progress`],
/// judged on the assessment's `updatedAt` (targets are overdue as of its last change; none
/// are without it), and the overdue indicators' ids.
fn unit_rows(out: &mut String, set: &IndicatorSet, a: &Assessment, lang: Lang, sep: char) {
    let date = a.updated_at.as_deref().unwrap_or("");
    let p = crate::progress::progress(set, a, date);
    let header: [Text; 8] = [
        Text::new("Unit", "Unit"),
        Text::new("Nama unit", "Unit name"),
        Text::new("Indikator", "Indicators"),
        Text::new("Dijawab", "Answered"),
        Text::new("Butir bukti", "Evidence items"),
        Text::new("Bukti siap", "Evidence ready"),
        Text::new("Klaim di atas bukti", "Claims above evidence"),
        Text::new(
            format!("Lewat tenggat per {}", p.date),
            format!("Overdue as of {}", p.date),
        ),
    ];
    out.push_str("\r\n");
    for (k, t) in header.iter().enumerate() {
        if k > 0 {
            out.push(sep);
        }
        cell(out, t.get(lang), true, sep);
    }
    out.push_str("\r\n");
    let none = Text::new("(belum ditugaskan)", "(not assigned)");
    for r in &p.units {
        cell(out, r.unit.as_deref().unwrap_or(none.get(lang)), true, sep);
        out.push(sep);
        cell(out, &r.name, true, sep);
        for n in [r.indicators, r.answered, r.items, r.items_ready] {
            out.push(sep);
            out.push_str(&n.to_string());
        }
        out.push(sep);
        out.push_str(&r.above_evidence.len().to_string());
        out.push(sep);
        cell(out, &r.overdue.join(" "), true, sep);
        out.push_str("\r\n");
    }
}
