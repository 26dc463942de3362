//! The masterplan's programs from a CSV file the planning office already keeps.
//!
//! Columns (the header row names them, in any order, in Indonesian or English, in any case):
//! `pilar`/`pillar`, `subdimensi`/`subdimension`, `program`/`name`, `opd`/`unit`,
//! `quick_win`, `survei`/`survey`, and optionally `id`. Fields are separated by `,` or `;`
//! (whichever the header row uses more; a spreadsheet in Indonesian writes `;`). Each row's
//! problems come back with its row number (the header is row 1), its column and why; the rows
//! that are fine are kept.
//!
//! The parser is the crate's own (the engine builds with serde and sha2 only, and the
//! browser needs it too); tests/programs_csv.rs checks it against the `csv` crate.
//!
//! ```
//! use swanilai::{Assessment, builtin, programs::import_programs};
//! let set = builtin::get("smart-city-evaluasi").unwrap();
//! let a = Assessment::new(&set.id, &set.version);
//! let csv = "pilar;subdimensi;program;opd;quick_win;survei\n\
//!            Smart Governance;Pelayanan publik;Pionirs;Disdukcapil;ya;ya\n\
//!            Smart Galaxy;Pelayanan publik;X;;;\n";
//! let out = import_programs(&set, csv, &a).unwrap();
//! assert_eq!(out.masterplan.programs.len(), 1);
//! assert_eq!(out.masterplan.programs[0].pillar, "governance");
//! assert_eq!(out.masterplan.programs[0].subdimension, "layanan-publik");
//! assert!(out.masterplan.programs[0].quick_win);
//! assert_eq!((out.problems[0].row, out.problems[0].column.as_str()), (3, "pilar"));
//! ```

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::assessment::Assessment;
use crate::masterplan::{
    Masterplan, MasterplanTemplate, OUTCOME_PREFIX, Pillar, Program, QUICK_WIN_PREFIX,
};
use crate::model::{IndicatorSet, Text};
use crate::problem::{Code, Problem};

/// One row's problem: where (row and column) and why.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RowProblem {
    /// The row number in the file, the header being row 1.
    pub row: usize,
    /// The column, as the header names it (`pilar`, `subdimensi`, ...).
    pub column: String,
    /// A stable code (`unknown-pillar`, `empty-text`, ...).
    pub code: Code,
    /// What is wrong, in both languages.
    pub message: Text,
}

/// The program list read from a CSV file.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ProgramsImport {
    /// The masterplan with the file's programs (the document's name kept from before).
    pub masterplan: Masterplan,
    /// How many rows became programs.
    pub imported: usize,
    /// The problems of the rows left out, in row order.
    pub problems: Vec<RowProblem>,
}

/// Splits CSV text into records of fields: fields separated by `delimiter`, records by `\n`,
/// `\r\n` or `\r`; a field that starts with `"` runs to the next lone `"` (`""` inside is one
/// quote), and what follows the closing quote up to the separator is kept as it is; blank
/// lines are skipped; a byte-order mark at the start is ignored. This is how the `csv` crate
/// reads (tests/programs_csv.rs compares the two).
pub fn parse_csv(text: &str, delimiter: char) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut records = Vec::new();
    let mut record: Vec<String> = Vec::new();
    let mut field = String::new();
    // Whether the current record has anything (a character, a quote, a separator).
    let mut started = false;
    let (mut quoted, mut at_start) = (false, true);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    quoted = false;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' if at_start => {
                quoted = true;
                at_start = false;
                started = true;
            }
            c if c == delimiter => {
                record.push(std::mem::take(&mut field));
                at_start = true;
                started = true;
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                if started {
                    record.push(std::mem::take(&mut field));
                    records.push(std::mem::take(&mut record));
                }
                started = false;
                at_start = true;
            }
            c => {
                field.push(c);
                at_start = false;
                started = true;
            }
        }
    }
    if started {
        record.push(field);
        records.push(record);
    }
    records
}

/// The separator a CSV text uses: `;` when its first line has more `;` than `,`, else `,`.
pub fn detect_delimiter(text: &str) -> char {
    let first = text.lines().next().unwrap_or("");
    let count = |d: char| first.chars().filter(|&c| c == d).count();
    if count(';') > count(',') { ';' } else { ',' }
}

/// A name reduced for matching: lower case, single spaces, `_` and `-` as spaces, without a
/// leading `smart`.
fn norm(s: &str) -> String {
    let lower = s.to_lowercase().replace(['_', '-'], " ");
    let words: Vec<&str> = lower.split_whitespace().collect();
    let words = match words.split_first() {
        Some((&"smart", rest)) if !rest.is_empty() => rest,
        _ => &words[..],
    };
    words.join(" ")
}

/// The pillar a CSV names, by id, title (either language) or alias.
pub fn find_pillar<'t>(t: &'t MasterplanTemplate, name: &str) -> Option<&'t Pillar> {
    let n = norm(name);
    t.pillars.iter().find(|p| {
        norm(&p.id) == n
            || norm(&p.title.id) == n
            || p.title.en.as_deref().is_some_and(|e| norm(e) == n)
            || p.aliases.iter().any(|a| norm(a) == n)
    })
}

/// The sub-dimension of `pillar` a CSV names, by id or title (either language).
pub fn find_subdimension<'t>(pillar: &'t Pillar, name: &str) -> Option<&'t str> {
    let n = norm(name);
    pillar
        .subdimensions
        .iter()
        .find(|s| {
            norm(&s.id) == n
                || norm(&s.title.id) == n
                || s.title.en.as_deref().is_some_and(|e| norm(e) == n)
        })
        .map(|s| s.id.as_str())
}

/// Reads a yes/no cell: `ya`, `y`, `yes`, `true`, `1`, `x`, `v` are yes; empty, `tidak`, `t`,
/// `no`, `n`, `false`, `0`, `-` are no.
fn yes_no(cell: &str) -> Option<bool> {
    match cell.trim().to_lowercase().as_str() {
        "ya" | "y" | "yes" | "true" | "1" | "x" | "v" | "✓" => Some(true),
        "" | "tidak" | "t" | "no" | "n" | "false" | "0" | "-" => Some(false),
        _ => None,
    }
}

/// A new program's id: its pillar's first three letters and its name, in lower-case ASCII with
/// hyphens (`gov-mal-pelayanan-publik`, accents folded, at most 44 characters), numbered
/// (`-2`, `-3`, ...) while `taken` says the id is in use.
pub fn program_id(pillar: &str, name: &str, taken: impl Fn(&str) -> bool) -> String {
    let mut slug = String::new();
    for c in name.chars().flat_map(fold_accent) {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let mut slug = slug.trim_end_matches('-').to_string();
    slug.truncate(40);
    let slug = slug.trim_end_matches('-');
    let slug = if slug.is_empty() { "program" } else { slug };
    let prefix: String = pillar
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(3)
        .collect::<String>()
        .to_ascii_lowercase();
    let base = if prefix.is_empty() {
        slug.to_string()
    } else {
        format!("{prefix}-{slug}")
    };
    let mut id = base.clone();
    let mut n = 2;
    while taken(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// Latin letters with accents to their plain letter (ids are ASCII); anything else as is.
fn fold_accent(c: char) -> Option<char> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'è' | 'é' | 'ê' | 'ë' | 'É' | 'È' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        _ => c,
    })
}

/// Whether `a`'s answer to the indicator `id` holds anything (a value, notes, links or
/// evidence).
pub fn holds(a: &Assessment, id: &str) -> bool {
    a.answers
        .get(id)
        .is_some_and(|x| x.value.is_some() || x.has_evidence())
}

/// Whether the program id `id` has an answer that holds anything (its Outcome or Quick Win
/// answer): removing the program asks first, and no new program may take the id.
pub fn answered(a: &Assessment, id: &str) -> bool {
    [OUTCOME_PREFIX, QUICK_WIN_PREFIX]
        .iter()
        .any(|pre| holds(a, &format!("{pre}{id}")))
}

/// The column positions the header names.
struct Columns {
    pillar: usize,
    sub: usize,
    name: usize,
    unit: Option<usize>,
    quick_win: Option<usize>,
    survey: Option<usize>,
    id: Option<usize>,
    heads: Vec<String>,
}

fn columns(header: &[String]) -> Result<Columns, Problem> {
    let heads: Vec<String> = header.iter().map(|h| h.trim().to_string()).collect();
    let find = |names: &[&str]| {
        heads
            .iter()
            .position(|h| names.iter().any(|n| norm(h).replace(' ', "") == *n))
    };
    let pillar = find(&["pilar", "pillar"]);
    let sub = find(&["subdimensi", "subdimension"]);
    let name = find(&["program", "name", "nama", "namaprogram"]);
    let (Some(pillar), Some(sub), Some(name)) = (pillar, sub, name) else {
        let missing: Vec<&str> = [(pillar, "pilar"), (sub, "subdimensi"), (name, "program")]
            .iter()
            .filter(|(at, _)| at.is_none())
            .map(|(_, n)| *n)
            .collect();
        let missing = missing.join(", ");
        return Err(Problem::new(
            "",
            Code::MissingField,
            format!(
                "baris judul tidak punya kolom {missing} (kolom: pilar, subdimensi, program, opd, quick_win, survei)"
            ),
            format!(
                "the header row has no column {missing} (columns: pilar, subdimensi, program, opd, quick_win, survei)"
            ),
        ));
    };
    Ok(Columns {
        pillar,
        sub,
        name,
        unit: find(&["opd", "unit"]),
        quick_win: find(&["quickwin"]),
        survey: find(&["survei", "survey"]),
        id: find(&["id"]),
        heads,
    })
}

/// Reads a CSV of programs for `set` (which must have a masterplan template) into the list of
/// `a`. Programs already listed with the same pillar and name keep their ids, so that this
/// year's answers stay with them; a new program never gets an id an answer of `a` still keys
/// on (a removed program's orphaned answer must not pass to it); the document's name is kept. A file without the required columns, or a set
/// without a template, is refused as a whole.
pub fn import_programs(
    set: &IndicatorSet,
    text: &str,
    a: &Assessment,
) -> Result<ProgramsImport, Problem> {
    let existing = a.masterplan.as_ref();
    let Some(t) = &set.masterplan else {
        return Err(Problem::new(
            "",
            Code::MasterplanUndeclared,
            format!("set `{}` tidak dibangun dari masterplan", set.id),
            format!("set `{}` is not built from a masterplan", set.id),
        ));
    };
    let records = parse_csv(text, detect_delimiter(text));
    let Some((header, rows)) = records.split_first() else {
        return Err(Problem::new(
            "",
            Code::SetEmpty,
            "berkas CSV kosong".into(),
            "the CSV file is empty".into(),
        ));
    };
    let cols = columns(header)?;
    let known: BTreeMap<(String, String), &str> = existing
        .map(|m| {
            m.programs
                .iter()
                .map(|p| ((p.pillar.clone(), norm(&p.name)), p.id.as_str()))
                .collect()
        })
        .unwrap_or_default();
    let mut out = ProgramsImport {
        masterplan: Masterplan {
            document: existing.map(|m| m.document.clone()).unwrap_or_default(),
            programs: Vec::new(),
        },
        imported: 0,
        problems: Vec::new(),
    };
    let mut ids = BTreeSet::new();
    let mut names: BTreeMap<(String, String), usize> = BTreeMap::new();
    for (k, rec) in rows.iter().enumerate() {
        let row = k + 2;
        if rec.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if out.masterplan.programs.len() == crate::masterplan::MAX_PROGRAMS {
            let max = crate::masterplan::MAX_PROGRAMS;
            out.problems.push(RowProblem {
                row,
                column: cols.heads[cols.name].clone(),
                code: Code::TooMany,
                message: Text::new(
                    format!("lebih dari {max} program; baris ini dan sesudahnya tidak dibaca"),
                    format!(
                        "more than {max} programs; this row and the ones after it are not read"
                    ),
                ),
            });
            break;
        }
        let mut r = RowReader {
            rec,
            row,
            cols: &cols,
            problems: Vec::new(),
        };
        if let Some(mut p) = r.program(t) {
            let key = (p.pillar.clone(), norm(&p.name));
            if let Some(first) = names.get(&key) {
                r.push(
                    cols.name,
                    Code::DuplicateId,
                    format!("program `{}` sudah ada di baris {first}", p.name),
                    format!("program `{}` is already listed in row {first}", p.name),
                );
            } else {
                if p.id.is_empty() {
                    p.id = fresh_id(known.get(&key).copied(), &p, &ids, a);
                }
                if ids.contains(&p.id) {
                    let col = cols.id.unwrap_or(cols.name);
                    r.push(
                        col,
                        Code::DuplicateId,
                        format!("id `{}` sudah dipakai program lain", p.id),
                        format!("id `{}` is already used by another program", p.id),
                    );
                } else {
                    names.insert(key, row);
                    ids.insert(p.id.clone());
                    out.masterplan.programs.push(p);
                }
            }
        }
        out.problems.extend(r.problems);
    }
    out.imported = out.masterplan.programs.len();
    Ok(out)
}

/// The id for a program without one: last year's, else one made from its name that neither
/// another row nor an answer of `a` uses.
fn fresh_id(known: Option<&str>, p: &Program, taken: &BTreeSet<String>, a: &Assessment) -> String {
    if let Some(id) = known.filter(|id| !taken.contains(*id)) {
        return id.to_string();
    }
    program_id(&p.pillar, &p.name, |id| {
        taken.contains(id) || answered(a, id)
    })
}

struct RowReader<'a> {
    rec: &'a [String],
    row: usize,
    cols: &'a Columns,
    problems: Vec<RowProblem>,
}

impl RowReader<'_> {
    fn cell(&self, col: usize) -> &str {
        self.rec.get(col).map_or("", |s| s.trim())
    }

    fn push(&mut self, col: usize, code: Code, id: String, en: String) {
        self.problems.push(RowProblem {
            row: self.row,
            column: self.cols.heads[col].clone(),
            code,
            message: Text::new(id, en),
        });
    }

    fn flag(&mut self, col: Option<usize>) -> bool {
        let Some(col) = col else { return false };
        let cell = self.cell(col).to_string();
        yes_no(&cell).unwrap_or_else(|| {
            self.push(
                col,
                Code::InvalidValue,
                format!("`{cell}` bukan ya/tidak; dibaca sebagai tidak"),
                format!("`{cell}` is not yes/no; read as no"),
            );
            false
        })
    }

    /// The row's program, or `None` when a problem leaves it out (a yes/no cell that cannot be
    /// read is reported and read as no, keeping the program).
    fn program(&mut self, t: &MasterplanTemplate) -> Option<Program> {
        let c = self.cols;
        let (pillar_cell, sub_cell) = (
            self.cell(c.pillar).to_string(),
            self.cell(c.sub).to_string(),
        );
        let name = self.cell(c.name).to_string();
        let pillar = find_pillar(t, &pillar_cell);
        if pillar.is_none() {
            let known: Vec<&str> = t.pillars.iter().map(|p| p.title.id.as_str()).collect();
            let known = known.join(", ");
            self.push(
                c.pillar,
                Code::UnknownPillar,
                format!("pilar `{pillar_cell}` tidak dikenal (pilihan: {known})"),
                format!("unknown pillar `{pillar_cell}` (expected one of {known})"),
            );
        }
        let sub = pillar.and_then(|p| find_subdimension(p, &sub_cell));
        if let (Some(p), None) = (pillar, sub) {
            let known: Vec<&str> = p
                .subdimensions
                .iter()
                .map(|s| s.title.id.as_str())
                .collect();
            let known = known.join(", ");
            self.push(
                c.sub,
                Code::UnknownSubdimension,
                format!(
                    "{} tidak punya sub-dimensi `{sub_cell}` (pilihan: {known})",
                    p.title.id
                ),
                format!(
                    "{} has no sub-dimension `{sub_cell}` (expected one of {known})",
                    p.title.get(crate::Lang::En)
                ),
            );
        }
        if name.is_empty() {
            self.push(
                c.name,
                Code::EmptyText,
                "nama program kosong".into(),
                "the program's name is empty".into(),
            );
        }
        let id =
            c.id.map(|col| self.cell(col).to_string())
                .unwrap_or_default();
        if !id.is_empty() && !crate::is_valid_id(&id) {
            let col = c.id.unwrap_or(c.name);
            self.push(
                col,
                Code::InvalidId,
                format!("id `{id}` tidak sah: pakai 1-64 karakter a-z, A-Z, 0-9, -, _ atau ."),
                format!(
                    "id `{id}` is not valid: use 1-64 characters from a-z, A-Z, 0-9, -, _ and ."
                ),
            );
        }
        let quick_win = self.flag(c.quick_win);
        let survey = self.flag(c.survey);
        let unit = c
            .unit
            .map(|col| self.cell(col).to_string())
            .unwrap_or_default();
        if self.problems.iter().any(|p| p.code != Code::InvalidValue) {
            return None;
        }
        Some(Program {
            id,
            pillar: pillar?.id.clone(),
            subdimension: sub?.to_string(),
            name,
            unit,
            quick_win,
            survey,
        })
    }
}
