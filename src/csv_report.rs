//! The CSV report: a file a spreadsheet opens as a report, safely whichever separator it uses.
//!
//! Three sections, each a title row, a header row and its rows, separated by a blank line:
//! the report's particulars (set, version, region, code, period, assessor, export time), one
//! row per indicator, and the summary (one row per group, then the whole, with predicates);
//! a fourth, per unit, when the assessment assigns indicators to units.
//!
//! Safety (whichever separator a spreadsheet splits on): every text cell is quoted, and a
//! character a spreadsheet may read as the start of a formula is neutralised with a leading
//! `'` at the start of the cell and after every `,`, `;`, tab or line break inside it (see
//! [`defuse`]). Numbers are written bare, as numbers (the decimal mark of the file's language,
//! never grouped by thousands, no `'` before a minus); units have their own column.
//!
//! The columns of the indicator section are a list ([`indicator_columns`]): a column is a
//! header and a function of the row, so another column is one more entry.

use crate::assessment::{Answer, Assessment, Value};
use crate::model::{AnswerKind, Group, Indicator, IndicatorSet, Lang, Term, Text};
use crate::score::{IndicatorScore, Report, Score};
use crate::validate::is_web_link;

/// One cell of the report.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Text: quoted, and defused.
    Text(String),
    /// A number with at most this many decimals: rounded half away from zero and written
    /// with all of them (`Fixed`) or with trailing zeros dropped (`Trim`).
    Number(f64, Decimals),
    /// A count.
    Count(usize),
    /// Nothing.
    Empty,
}

/// How many decimals a [`Cell::Number`] shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decimals {
    /// Exactly this many (scores: `3,50`).
    Fixed(u8),
    /// Up to this many, trailing zeros dropped (answers as typed: `12,5`).
    Trim(u8),
}

/// Everything a column may show about one indicator.
pub struct Row<'a> {
    /// The indicator's position in the set, from 1.
    pub number: usize,
    /// The indicator.
    pub indicator: &'a Indicator,
    /// Its group's titles, outermost first, joined by ` > `.
    pub group: &'a str,
    /// Its answer, if any.
    pub answer: Option<&'a Answer>,
    /// Its line of the report.
    pub score: &'a IndicatorScore,
    /// The set's score decimals.
    pub decimals: u8,
    /// The report's language.
    pub lang: Lang,
}

/// A column of the indicator section: its header and its cell for a row.
pub type Column = (Text, fn(&Row<'_>) -> Cell);

/// The set's word for a top-level group (Aspek, Domain; `Kelompok` / `Group` by default).
fn group_word(set: &IndicatorSet) -> Text {
    Text::new(
        set.term(Term::Group, Lang::Id),
        set.term(Term::Group, Lang::En),
    )
}

/// `Catatan bukti` / `Evidence notes` in the set's own word for evidence (`Catatan data
/// dukung`): the Indonesian word after the noun, in lower case (ASCII only, so no Unicode
/// case tables are linked into the wasm).
fn evidence_heading(set: &IndicatorSet, id: &str, en: &str) -> Text {
    let mut word = set.term(Term::Evidence, Lang::Id).to_string();
    if let Some(first) = word.get_mut(..1) {
        first.make_ascii_lowercase();
    }
    Text::new(
        format!("{id} {word}"),
        format!("{} {en}", set.term(Term::Evidence, Lang::En)),
    )
}

/// The indicator section's columns for `set`, in order.
pub fn indicator_columns(set: &IndicatorSet) -> Vec<Column> {
    let mut columns = vec![
        col(Text::new("No.", "No."), |r| Cell::Count(r.number)),
        col(group_word(set), |r| text(r.group)),
        col(Text::new("Id indikator", "Indicator id"), |r| {
            text(&r.indicator.id)
        }),
        col(Text::new("Indikator", "Indicator"), |r| {
            text(r.indicator.title.get(r.lang))
        }),
        col(Text::new("Jawaban", "Answer"), |r| {
            value(r).map_or(Cell::Empty, |v| {
                answer_words(&r.indicator.answer, v, r.lang)
            })
        }),
        col(
            Text::new("Nilai jawaban", "Answer value"),
            |r| match value(r) {
                Some(Value::Number(n)) => Cell::Number(*n, Decimals::Trim(6)),
                _ => Cell::Empty,
            },
        ),
        col(Text::new("Satuan", "Unit"), |r| {
            unit(&r.indicator.answer, r.lang)
        }),
        col(Text::new("Skor", "Score"), |r| {
            score_cell(r.score.score.value, r.decimals)
        }),
        col(Text::new("Bobot (%)", "Weight (%)"), |r| {
            Cell::Number(r.score.effective_weight * 100.0, Decimals::Fixed(2))
        }),
        // A "link" that is not a web address is text: it goes with the notes.
        col(evidence_heading(set, "Catatan", "notes"), |r| {
            let Some(a) = r.answer else {
                return Cell::Empty;
            };
            let mut notes = a.notes.clone();
            for l in a
                .links
                .iter()
                .filter(|l| !is_web_link(l) && !l.trim().is_empty())
            {
                if !notes.is_empty() {
                    notes.push('\n');
                }
                notes.push_str(l.trim());
            }
            text(&notes)
        }),
        // One web link per line.
        col(evidence_heading(set, "Tautan", "links"), |r| {
            let links = r.answer.map(|a| {
                let web: Vec<&str> = a
                    .links
                    .iter()
                    .map(|l| l.trim())
                    .filter(|l| is_web_link(l))
                    .collect();
                web.join("\n")
            });
            text(&links.unwrap_or_default())
        }),
    ];
    // Sets that list evidence items get three more: the level claimed, the level the
    // evidence supports, and the items not yet ready (one per line).
    if with_items(set) {
        let ev = |lang| set.term(Term::Evidence, lang);
        columns.extend([
            col(Text::new("Klaim", "Claimed"), |r| {
                r.score.level.map_or(Cell::Empty, Cell::Count)
            }),
            col(Text::new("Terbukti", "Evidenced"), |r| {
                r.score.evidenced_level.map_or(Cell::Empty, Cell::Count)
            }),
            col(
                Text::new(
                    format!("{} belum siap", ev(Lang::Id)),
                    format!("{} not ready", ev(Lang::En)),
                ),
                |r| {
                    let missing: Vec<&str> =
                        r.score.missing.iter().map(|m| m.text.get(r.lang)).collect();
                    text(&missing.join("\n"))
                },
            ),
        ]);
    }
    columns
}

/// Whether any indicator of `set` lists evidence items (data dukung).
fn with_items(set: &IndicatorSet) -> bool {
    set.indicators()
        .any(|i| crate::evidence::items(i).next().is_some())
}
fn col(head: Text, cell: fn(&Row<'_>) -> Cell) -> Column {
    (head, cell)
}

fn text(s: &str) -> Cell {
    Cell::Text(s.to_string())
}

fn value<'a>(r: &Row<'a>) -> Option<&'a Value> {
    r.answer.and_then(|a| a.value.as_ref())
}

fn score_cell(v: Option<f64>, decimals: u8) -> Cell {
    v.map_or(Cell::Empty, |s| Cell::Number(s, Decimals::Fixed(decimals)))
}

/// An answer in words: a level's label, yes or no, a choice's label. Numbers have none.
fn answer_words(kind: &AnswerKind, v: &Value, lang: Lang) -> Cell {
    match (kind, v) {
        (AnswerKind::Level { levels }, Value::Number(n)) => levels
            .get((*n as usize).wrapping_sub(1))
            .filter(|_| n.fract() == 0.0)
            .map_or(Cell::Empty, |l| text(l.label.get(lang))),
        (_, Value::Number(_)) => Cell::Empty,
        (kind, v) => text(&crate::answer_label(kind, v, 0, lang)),
    }
}

/// The unit of an answer's number: `%` for a percentage, a number answer's own unit.
fn unit(kind: &AnswerKind, lang: Lang) -> Cell {
    match kind {
        AnswerKind::Percent { .. } => text("%"),
        AnswerKind::Number { unit: Some(u), .. } => text(u.get(lang)),
        _ => Cell::Empty,
    }
}

/// The characters a spreadsheet may take as the start of a formula (or strip before one):
/// `= + - @`, their full-width forms, tab, CR, LF and NUL.
fn risky(c: char) -> bool {
    matches!(
        c,
        '=' | '+'
            | '-'
            | '@'
            | '\t'
            | '\r'
            | '\n'
            | '\0'
            | '\u{FF1D}'
            | '\u{FF0B}'
            | '\u{FF0D}'
            | '\u{FF20}'
    )
}

/// A text made safe for a spreadsheet cell, whichever separator splits it: line breaks become
/// `\n`, and a `'` goes before every formula-starting character (see `risky`) found at the start
/// of the text or right after a `,`, `;`, tab or line break (where a spreadsheet that splits
/// there would start a cell), spaces between them counted as nothing.
///
/// ```
/// use swanilai::csv_report::defuse;
/// assert_eq!(defuse("=1+2"), "'=1+2");
/// assert_eq!(defuse("ok,=cmd|' /C calc'!A0,"), "ok,'=cmd|' /C calc'!A0,");
/// assert_eq!(defuse("a;-1\r\n@SUM(A1)"), "a;'-1\n'@SUM(A1)");
/// assert_eq!(defuse("\u{FF1D}1"), "'\u{FF1D}1");
/// assert_eq!(defuse("plain text, 3-4"), "plain text, 3-4");
/// assert_eq!(defuse("a,  +1"), "a,  '+1");
/// ```
pub fn defuse(s: &str) -> String {
    let s = s.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(s.len() + 2);
    let mut boundary = true;
    for c in s.chars() {
        if boundary && risky(c) {
            out.push('\'');
        }
        out.push(c);
        // Spaces keep a split point open: a spreadsheet may trim them off the cell.
        boundary = matches!(c, ',' | ';' | '\t' | '\n') || (boundary && c == ' ');
    }
    out
}

/// The CSV writer: one separator and decimal mark for the whole file.
struct Writer {
    out: String,
    sep: char,
    lang: Lang,
}

impl Writer {
    fn new(lang: Lang) -> Writer {
        Writer {
            // A byte-order mark so that spreadsheets read the file as UTF-8.
            out: String::from("\u{feff}"),
            sep: match lang {
                Lang::Id => ';',
                Lang::En => ',',
            },
            lang,
        }
    }

    fn row(&mut self, cells: &[Cell]) {
        for (i, c) in cells.iter().enumerate() {
            if i > 0 {
                self.out.push(self.sep);
            }
            match c {
                Cell::Text(s) => {
                    self.out.push('"');
                    self.out.push_str(&defuse(s).replace('"', "\"\""));
                    self.out.push('"');
                }
                Cell::Number(x, d) => self.out.push_str(&number(*x, *d, self.lang)),
                Cell::Count(n) => self.out.push_str(&n.to_string()),
                Cell::Empty => {}
            }
        }
        self.out.push_str("\r\n");
    }

    /// A section: a blank line before it (but the first), its title, its header row.
    fn section(&mut self, title: Text, headers: &[Text]) {
        if self.out.len() > "\u{feff}".len() {
            self.out.push_str("\r\n");
        }
        self.row(&[text(title.get(self.lang))]);
        let heads: Vec<Cell> = headers.iter().map(|h| text(h.get(self.lang))).collect();
        self.row(&heads);
    }
}

/// A number as the file's language writes it, without thousands separators: `-1234,5`.
fn number(x: f64, d: Decimals, lang: Lang) -> String {
    let places = match d {
        Decimals::Fixed(p) | Decimals::Trim(p) => p,
    };
    let r = crate::round_half_away(x, places);
    let mut digits = crate::num::fixed(r.abs(), places);
    if matches!(d, Decimals::Trim(_)) && digits.contains('.') {
        digits = digits
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_string();
    }
    if lang == Lang::Id {
        digits = digits.replace('.', ",");
    }
    if r < 0.0 && digits.bytes().any(|b| b.is_ascii_digit() && b != b'0') {
        digits.insert(0, '-');
    }
    digits
}

/// Each group's titles from the outermost, joined by ` > `, by group id.
fn group_paths(set: &IndicatorSet, lang: Lang) -> Vec<(String, String)> {
    fn walk(g: &Group, prefix: &str, lang: Lang, out: &mut Vec<(String, String)>) {
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
    let mut out = Vec::new();
    for g in &set.groups {
        walk(g, "", lang, &mut out);
    }
    out
}

/// The CSV report of an assessment (see the [module](self)): its particulars, one row per
/// indicator, and the summary. `exported_at` is written as the export time.
///
/// In Indonesian it is separated by `;` with decimal commas (as Excel with Indonesian regional
/// settings reads a double-clicked file), in English by `,` with decimal points.
///
/// ```
/// use swanilai::{builtin, report_csv, score, Assessment, Lang, Value};
/// let set = builtin::get("spbe-2020").unwrap();
/// let mut a = Assessment::new("spbe-2020", &set.version);
/// a.set_value("spbe-01", Value::Number(4.0));
/// a.answers.get_mut("spbe-01").unwrap().notes = "=HYPERLINK(\"x\")".into();
/// let report = score(&set, &a);
/// let csv = report_csv(&set, &a, &report, Lang::En, "2026-12-07T10:00:00Z");
/// let row = csv.lines().find(|l| l.contains("spbe-01")).unwrap();
/// assert!(row.starts_with("1,\"") && row.contains("\",4,,4.00,1.30,\""), "{row}");
/// assert!(row.contains("\"'=HYPERLINK(\"\"x\"\")\""), "{row}");
/// // The set's own word for its index (`terms.index`) names the last row.
/// assert!(csv.lines().last().unwrap().starts_with("\"SPBE Index\",,"));
/// let csv = report_csv(&set, &a, &report, Lang::Id, "2026-12-07T10:00:00Z");
/// assert!(csv.contains("\";4;;4,00;1,30;\""));
/// ```
pub fn report_csv(
    set: &IndicatorSet,
    a: &Assessment,
    report: &Report,
    lang: Lang,
    exported_at: &str,
) -> String {
    let set = &*crate::masterplan::effective_set(set, a);
    let mut w = Writer::new(lang);
    particulars(&mut w, set, a, exported_at);
    let paths = group_paths(set, lang);
    let path_of = |id: &str| paths.iter().find(|(g, _)| g == id).map_or("", |(_, p)| p);
    let columns = indicator_columns(set);
    let heads: Vec<Text> = columns.iter().map(|(h, _)| h.clone()).collect();
    w.section(Text::new("Indikator", "Indicators"), &heads);
    for (k, (ind, score)) in set.indicators().zip(&report.indicators).enumerate() {
        let row = Row {
            number: k + 1,
            indicator: ind,
            group: path_of(&score.group),
            answer: a.answers.get(&ind.id),
            score,
            decimals: set.scale.decimals,
            lang,
        };
        let cells: Vec<Cell> = columns.iter().map(|(_, f)| f(&row)).collect();
        w.row(&cells);
    }
    let items = with_items(set);
    let mut heads = vec![
        group_word(set),
        Text::new("Id kelompok", "Group id"),
        Text::new("Skor", "Score"),
        Text::new("Predikat", "Predicate"),
        Text::new("Bobot (%)", "Weight (%)"),
        Text::new("Indikator terjawab", "Indicators answered"),
        Text::new("Jumlah indikator", "Indicators"),
    ];
    if items {
        heads.push(Text::new("Skor terbukti", "Evidenced score"));
    }
    w.section(Text::new("Ringkasan", "Summary"), &heads);
    let d = set.scale.decimals;
    let summary = |w: &mut Writer, line: (&str, &str, &Score, &Score), weight: f64, done, all| {
        let (name, id, s, evidenced) = line;
        let predicate = s.predicate.as_ref().map_or("", |p| p.label.get(lang));
        let mut cells = vec![
            text(name),
            if id.is_empty() { Cell::Empty } else { text(id) },
            score_cell(s.shown, d),
            if predicate.is_empty() {
                Cell::Empty
            } else {
                text(predicate)
            },
            Cell::Number(weight * 100.0, Decimals::Fixed(2)),
            Cell::Count(done),
            Cell::Count(all),
        ];
        if items {
            cells.push(score_cell(evidenced.shown, d));
        }
        w.row(&cells);
    };
    for g in &report.groups {
        let c = &g.completeness;
        let line = (path_of(&g.id), g.id.as_str(), &g.score, &g.evidenced);
        summary(&mut w, line, g.effective_weight, c.answered, c.total);
    }
    let c = &report.completeness;
    // The framework's name for its index where the set gives one (Indeks Pemdi).
    let overall = match (
        set.named_term(Term::Index, Lang::Id),
        set.named_term(Term::Index, Lang::En),
    ) {
        (Some(id), Some(en)) => Text::new(id, en),
        _ => Text::new("Nilai keseluruhan", "Overall score"),
    };
    let line = (overall.get(lang), "", &report.overall, &report.evidenced);
    summary(&mut w, line, 1.0, c.answered, c.total);
    if !a.units.is_empty() {
        unit_rows(&mut w, set, a);
    }
    w.out
}

/// The per-unit section, when the assessment names units: one row per unit (and one for
/// indicators assigned to none) with the counts of [`crate::progress::progress`], judged on
/// the assessment's `updatedAt` (targets are overdue as of its last change; none are without
/// it), and the overdue indicators' ids.
fn unit_rows(w: &mut Writer, set: &IndicatorSet, a: &Assessment) {
    let lang = w.lang;
    let date = a.updated_at.as_deref().unwrap_or("");
    let p = crate::progress::progress(set, a, date);
    w.section(
        Text::new("Unit kerja", "Units"),
        &[
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
        ],
    );
    let none = Text::new("(belum ditugaskan)", "(not assigned)");
    for r in &p.units {
        w.row(&[
            text(r.unit.as_deref().unwrap_or(none.get(lang))),
            text(&r.name),
            Cell::Count(r.indicators),
            Cell::Count(r.answered),
            Cell::Count(r.items),
            Cell::Count(r.items_ready),
            Cell::Count(r.above_evidence.len()),
            text(&r.overdue.join(" ")),
        ]);
    }
}

/// The first section: which set, whose assessment, for when, by whom, exported when.
fn particulars(w: &mut Writer, set: &IndicatorSet, a: &Assessment, exported_at: &str) {
    let lang = w.lang;
    w.section(
        Text::new("Laporan penilaian", "Assessment report"),
        &[Text::new("Keterangan", "Field"), Text::new("Isi", "Value")],
    );
    let r = &a.region;
    let rows: [(Text, &str); 8] = [
        (
            Text::new("Set indikator", "Indicator set"),
            set.title.get(lang),
        ),
        (Text::new("Id set", "Set id"), &set.id),
        (Text::new("Versi set", "Set version"), &set.version),
        (Text::new("Wilayah", "Region"), &r.name),
        (Text::new("Kode wilayah", "Region code"), &r.code),
        (Text::new("Periode", "Period"), &r.period),
        (Text::new("Penilai", "Assessor"), &r.assessor),
        (Text::new("Waktu ekspor", "Exported at"), exported_at),
    ];
    for (label, v) in rows {
        w.row(&[text(label.get(lang)), text(v)]);
    }
}

#[cfg(test)]
mod tests {
    use super::{Decimals, defuse, number};
    use crate::model::Lang;

    #[test]
    fn numbers_are_bare_with_the_language_decimal_mark() {
        assert_eq!(number(-1234.5, Decimals::Fixed(2), Lang::Id), "-1234,50");
        assert_eq!(number(-1234.5, Decimals::Trim(6), Lang::En), "-1234.5");
        assert_eq!(number(-0.001, Decimals::Fixed(2), Lang::En), "0.00");
        assert_eq!(number(12.0, Decimals::Trim(6), Lang::Id), "12");
        assert_eq!(
            number(1e21, Decimals::Trim(6), Lang::En),
            "1000000000000000000000"
        );
    }

    #[test]
    fn every_formula_start_after_every_split_point_is_defused() {
        let risky = [
            '=', '+', '-', '@', '\t', '\0', '\u{FF1D}', '\u{FF0B}', '\u{FF0D}', '\u{FF20}',
        ];
        for c in risky {
            for before in ["", "a,", "a;", "a\t", "a\n", "a\r", "a\r\n"] {
                let s = format!("{before}{c}x");
                let lf = before.replace("\r\n", "\n").replace('\r', "\n");
                assert_eq!(defuse(&s), format!("{lf}'{c}x"), "{s:?}");
            }
            assert_eq!(
                defuse(&format!("a{c}")),
                format!("a{c}"),
                "inside a word: kept"
            );
        }
        assert_eq!(defuse("\n\n"), "'\n'\n");
        assert_eq!(defuse("a\r\rb"), "a\n'\nb");
    }
}
