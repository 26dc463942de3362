//! The program masterplan panel of a set built from the region's masterplan: its strings, the
//! program rows grouped by pillar, new program ids, and the index per pillar as shown.
//!
//! Everything the panel shows is decided here; the widget only draws it
//! (`web::widget::render::masterplan`).

use crate::assessment::Assessment;
use crate::masterplan::{IMPACT_PREFIX, Masterplan, MasterplanTemplate, Program, QUICK_WIN_PREFIX};
use crate::model::Lang;
use crate::programs::{RowProblem, holds};
use crate::score::TagScore;
use crate::survey::Aggregation;

/// Every fixed string of the masterplan panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)] // each variant is named after what it says
pub enum Mp {
    Panel,
    Intro,
    Document,
    DocumentHint,
    NewProgram,
    Name,
    Unit,
    Subdimension,
    ChooseSubdimension,
    QuickWin,
    Survey,
    Add,
    NameMissing,
    SubdimensionMissing,
    Added,
    Remove,
    RemoveAsk,
    RemoveYes,
    RemoveNo,
    Removed,
    NoPrograms,
    Programs,
    OtherPillar,
    ByPillar,
    Pillar,
    PillarHint,
    Close,
    ImportCsv,
    ImportCsvHint,
    CsvReplaceAsk,
    CsvReplaceYes,
    CsvRefused,
    Survey2,
    SurveyIntro,
    SurveyLink,
    SurveyFiles,
    SurveyNone,
    Dismiss,
    EmptyGenerated,
    OpenPanel,
    QuickWinKept,
    ImpactKept,
}

const MP: [(Mp, &str, &str); Mp::ImpactKept as usize + 1] = [
    (Mp::Panel, "Program masterplan", "Masterplan programs"),
    (
        Mp::Intro,
        "Daftar program masterplan smart city daerah per pilar dan sub-dimensi. Dari daftar ini dibuat indikator Outcome (satu per program), Quick Win (satu per program percepatan) dan Impact (satu per sub-dimensi yang disurvei).",
        "The region's smart city masterplan programs per pillar and sub-dimension. They make the Outcome indicators (one per program), the Quick Win ones (one per acceleration program) and the Impact ones (one per surveyed sub-dimension).",
    ),
    (Mp::Document, "Dokumen masterplan", "Masterplan document"),
    (
        Mp::DocumentHint,
        "Misalnya: Perbup 25/2019, Masterplan Smart City 2019-2028",
        "For example: Regent regulation 25/2019, Smart City Masterplan 2019-2028",
    ),
    (Mp::NewProgram, "Tambah program", "Add a program"),
    (Mp::Name, "Nama program", "Program name"),
    (Mp::Unit, "OPD pelaksana", "Responsible unit (OPD)"),
    (
        Mp::Subdimension,
        "Pilar dan sub-dimensi",
        "Pillar and sub-dimension",
    ),
    (
        Mp::ChooseSubdimension,
        "— pilih sub-dimensi —",
        "— choose a sub-dimension —",
    ),
    (
        Mp::QuickWin,
        "Program percepatan (quick win)",
        "Acceleration program (quick win)",
    ),
    (Mp::Survey, "Disurvei untuk Impact", "Surveyed for Impact"),
    (Mp::Add, "Tambah program", "Add program"),
    (
        Mp::NameMissing,
        "Isi nama program.",
        "Enter the program's name.",
    ),
    (
        Mp::SubdimensionMissing,
        "Pilih pilar dan sub-dimensi program.",
        "Choose the program's pillar and sub-dimension.",
    ),
    (Mp::Added, "Program ditambahkan", "Program added"),
    (Mp::Remove, "Hapus", "Remove"),
    (
        Mp::RemoveAsk,
        "sudah punya jawaban. Bila dihapus, jawabannya tetap disimpan dalam berkas tetapi tidak dinilai. Hapus program ini?",
        "already has answers. Removed, its answers stay in the file but are not scored. Remove this program?",
    ),
    (Mp::RemoveYes, "Ya, hapus", "Yes, remove"),
    (Mp::RemoveNo, "Batal", "Cancel"),
    (Mp::Removed, "Program dihapus", "Program removed"),
    (
        Mp::NoPrograms,
        "Belum ada program. Tambahkan program pertama di bawah.",
        "No programs yet. Add the first one below.",
    ),
    (Mp::Programs, "program", "programs"),
    (Mp::OtherPillar, "Pilar tidak dikenal", "Unknown pillar"),
    (Mp::ByPillar, "Indeks per pilar", "Index per pillar"),
    (Mp::Pillar, "Pilar", "Pillar"),
    (
        Mp::PillarHint,
        "Indeks pilar dihitung dari hasil survei dampak sub-dimensinya; – berarti belum ada hasil survei.",
        "A pillar's index comes from the impact survey of its sub-dimensions; – means no survey result yet.",
    ),
    (
        Mp::Close,
        "Tutup program masterplan",
        "Close masterplan programs",
    ),
    (
        Mp::ImportCsv,
        "Impor program (CSV)",
        "Import programs (CSV)",
    ),
    (
        Mp::ImportCsvHint,
        "Kolom: pilar, subdimensi, program, opd, quick_win, survei (baris pertama menamai kolom; pemisah , atau ;).",
        "Columns: pillar, subdimension, program, unit, quick_win, survey (the first row names them; separated by , or ;).",
    ),
    (
        Mp::CsvReplaceAsk,
        "Daftar program sekarang akan diganti dengan program dari berkas. Jawaban program yang tidak ada lagi tetap disimpan tetapi tidak dinilai.",
        "The current program list will be replaced with the file's programs. Answers of programs no longer listed stay in the file but are not scored.",
    ),
    (
        Mp::CsvReplaceYes,
        "Ganti daftar program",
        "Replace the program list",
    ),
    (
        Mp::CsvRefused,
        "Berkas tidak dapat diimpor",
        "The file cannot be imported",
    ),
    (Mp::Survey2, "Survei dampak", "Impact survey"),
    (
        Mp::SurveyIntro,
        "Untuk setiap sub-dimensi yang disurvei: bagikan tautan formulir kepada warga atau staf OPD; mereka menjawab di ponsel dan mengirim berkas jawabannya (Ekspor JSON) kepada Anda. Impor semua berkas sekaligus: rata-ratanya menjadi nilai Impact sub-dimensi itu. Tidak ada data yang keluar dari perangkat kecuali sebagai berkas.",
        "For each surveyed sub-dimension: share the form's link with citizens or unit staff; they answer on a phone and send you their answer file (Export JSON). Import all the files at once: their mean becomes that sub-dimension's Impact score. Nothing leaves the device except as files.",
    ),
    (Mp::SurveyLink, "Tautan formulir survei", "Survey form link"),
    (
        Mp::SurveyFiles,
        "Impor jawaban survei",
        "Import survey answers",
    ),
    (
        Mp::SurveyNone,
        "Belum ada program yang ditandai \"Disurvei untuk Impact\".",
        "No program is marked \"Surveyed for Impact\" yet.",
    ),
    (Mp::Dismiss, "Tutup pesan", "Close message"),
    (
        Mp::EmptyGenerated,
        "Indikator di sini dibuat dari program masterplan daerah; belum ada program yang menghasilkannya.",
        "The indicators here are built from the region's masterplan programs; no program gives any yet.",
    ),
    (
        Mp::OpenPanel,
        "Isi program masterplan",
        "Enter the masterplan programs",
    ),
    (
        Mp::QuickWinKept,
        "Jawaban Quick Win program ini tetap tersimpan tetapi tidak dinilai; centang lagi untuk memakainya.",
        "This program's Quick Win answer stays in the file but is not scored; tick it again to use it.",
    ),
    (
        Mp::ImpactKept,
        "Jawaban Impact sub-dimensi ini tetap tersimpan tetapi tidak dinilai selama tidak ada program yang disurvei di sana; centang lagi untuk memakainya.",
        "This sub-dimension's Impact answer stays in the file but is not scored while no program there is surveyed; tick it again to use it.",
    ),
];

/// A string of the masterplan panel.
///
/// ```
/// use swanilai::{view::{mp, Mp}, Lang};
/// assert_eq!(mp(Mp::Add, Lang::Id), "Tambah program");
/// assert_eq!(mp(Mp::Add, Lang::En), "Add program");
/// ```
pub fn mp(key: Mp, lang: Lang) -> &'static str {
    let (_, id, en) = MP[key as usize];
    if lang == Lang::En { en } else { id }
}

/// The toggle's label: `Program masterplan (10 program)`.
pub fn panel_label(count: usize, lang: Lang) -> String {
    format!(
        "{} ({count} {})",
        mp(Mp::Panel, lang),
        mp(Mp::Programs, lang)
    )
}

/// One program as its row shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct ProgramRow {
    /// The program's id (the row's controls carry it).
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its unit.
    pub unit: String,
    /// Its sub-dimension's id.
    pub subdimension: String,
    /// A quick win.
    pub quick_win: bool,
    /// Surveyed.
    pub survey: bool,
    /// Whether one of its generated indicators has an answer (removing it asks first).
    pub answered: bool,
    /// Not a quick win, but its Quick Win answer is kept (unticked after it was answered).
    pub quick_win_kept: bool,
    /// Not surveyed, and no other program of its sub-dimension is, but that sub-dimension's
    /// Impact answer is kept.
    pub impact_kept: bool,
}

/// The programs of one pillar.
#[derive(Clone, Debug, PartialEq)]
pub struct PillarRows {
    /// The pillar's id (empty for programs of a pillar the set does not declare).
    pub id: String,
    /// Its name.
    pub title: String,
    /// Its programs, in list order.
    pub programs: Vec<ProgramRow>,
}

/// One choice of the sub-dimension list, grouped under its pillar.
#[derive(Clone, Debug, PartialEq)]
pub struct SubChoices {
    /// The pillar's name.
    pub pillar: String,
    /// `(sub-dimension id, name)`.
    pub subs: Vec<(String, String)>,
}

/// The sub-dimension list, pillar by pillar.
pub fn sub_choices(t: &MasterplanTemplate, lang: Lang) -> Vec<SubChoices> {
    t.pillars
        .iter()
        .map(|p| SubChoices {
            pillar: p.title.get(lang).to_string(),
            subs: p
                .subdimensions
                .iter()
                .map(|s| (s.id.clone(), s.title.get(lang).to_string()))
                .collect(),
        })
        .collect()
}

/// The program rows, grouped by pillar in the template's order (pillars without programs
/// left out); programs of a pillar the template does not declare come last, together.
pub fn program_rows(
    t: &MasterplanTemplate,
    m: Option<&Masterplan>,
    a: &Assessment,
    lang: Lang,
) -> Vec<PillarRows> {
    let programs = m.map_or(&[][..], |m| &m.programs[..]);
    let row = |p: &Program| ProgramRow {
        id: p.id.clone(),
        name: p.name.clone(),
        unit: p.unit.clone(),
        subdimension: p.subdimension.clone(),
        quick_win: p.quick_win,
        survey: p.survey,
        answered: crate::programs::answered(a, &p.id),
        quick_win_kept: !p.quick_win && holds(a, &format!("{QUICK_WIN_PREFIX}{}", p.id)),
        impact_kept: !p.survey
            && !programs
                .iter()
                .any(|o| o.survey && o.subdimension == p.subdimension)
            && holds(a, &format!("{IMPACT_PREFIX}{}", p.subdimension)),
    };
    let mut out: Vec<PillarRows> = t
        .pillars
        .iter()
        .map(|pl| PillarRows {
            id: pl.id.clone(),
            title: pl.title.get(lang).to_string(),
            programs: programs
                .iter()
                .filter(|p| p.pillar == pl.id)
                .map(row)
                .collect(),
        })
        .collect();
    let others: Vec<ProgramRow> = programs
        .iter()
        .filter(|p| t.pillar(&p.pillar).is_none())
        .map(row)
        .collect();
    out.push(PillarRows {
        id: String::new(),
        title: mp(Mp::OtherPillar, lang).to_string(),
        programs: others,
    });
    out.retain(|r| !r.programs.is_empty());
    out
}

/// A new program's id: its pillar's first three letters and its name, in lower case ASCII
/// with hyphens (`gov-mal-pelayanan-publik`), never the id of a listed program nor one an
/// answer in the assessment still keys on (a removed program's answer stays orphaned, and
/// must not become the new program's).
///
/// ```
/// use swanilai::{view::new_program_id, Assessment};
/// let a = Assessment::new("s", "1");
/// assert_eq!(new_program_id(None, &a, "governance", "Mal Pelayanan Publik"), "gov-mal-pelayanan-publik");
/// assert_eq!(new_program_id(None, &a, "living", "Ruang Terbuka Hijau (RTH) 2026!"), "liv-ruang-terbuka-hijau-rth-2026");
/// assert_eq!(new_program_id(None, &a, "economy", "Pasar Ékspres"), "eco-pasar-ekspres");
/// assert_eq!(new_program_id(None, &a, "society", "— —"), "soc-program");
/// ```
pub fn new_program_id(m: Option<&Masterplan>, a: &Assessment, pillar: &str, name: &str) -> String {
    crate::programs::program_id(pillar, name, |id| {
        m.is_some_and(|m| m.programs.iter().any(|p| p.id == id)) || crate::programs::answered(a, id)
    })
}

/// The question before removing a program that has answers.
pub fn remove_question(name: &str, lang: Lang) -> String {
    format!("“{name}” {}", mp(Mp::RemoveAsk, lang))
}

/// One row of the index per pillar.
#[derive(Clone, Debug, PartialEq)]
pub struct PillarIndexRow {
    /// The pillar's id.
    pub id: String,
    /// Its name.
    pub title: String,
    /// Its index as shown, `–` when none.
    pub value: String,
    /// Its predicate, or empty.
    pub predicate: String,
}

/// The index of every pillar of the template, in its order: each pillar's tag score, `–`
/// for a pillar with nothing scored yet (the report has no score for its tag then).
pub fn pillar_indices(
    t: &MasterplanTemplate,
    tags: &[TagScore],
    decimals: u8,
    lang: Lang,
) -> Vec<PillarIndexRow> {
    t.pillars
        .iter()
        .map(|p| {
            let score = tags.iter().find(|s| s.tag == p.id).map(|s| &s.score);
            PillarIndexRow {
                id: p.id.clone(),
                title: p.title.get(lang).to_string(),
                value: score.map_or_else(|| "–".into(), |s| super::shown(s, decimals, lang)),
                predicate: score.map_or_else(String::new, |s| super::predicate(s, lang)),
            }
        })
        .collect()
}

/// One problem of an imported CSV row: `Baris 3, kolom pilar: …`.
///
/// ```
/// use swanilai::{programs::RowProblem, view::csv_problem_line, Code, Lang, Text};
/// let p = RowProblem { row: 3, column: "pilar".into(), code: Code::UnknownPillar,
///     message: Text::new("pilar `x` tidak dikenal", "unknown pillar `x`") };
/// assert_eq!(csv_problem_line(&p, Lang::Id), "Baris 3, kolom pilar: pilar `x` tidak dikenal");
/// assert_eq!(csv_problem_line(&p, Lang::En), "Row 3, column pilar: unknown pillar `x`");
/// ```
pub fn csv_problem_line(p: &RowProblem, lang: Lang) -> String {
    let (row, col) = match lang {
        Lang::Id => ("Baris", "kolom"),
        Lang::En => ("Row", "column"),
    };
    format!(
        "{row} {}, {col} {}: {}",
        p.row,
        p.column,
        p.message.get(lang)
    )
}

/// What a CSV import did: `8 program diimpor dari program.csv; 3 baris bermasalah tidak diimpor:`.
///
/// ```
/// use swanilai::{view::csv_summary, Lang};
/// assert_eq!(csv_summary("p.csv", 8, 3, Lang::Id), "8 program diimpor dari p.csv; 3 masalah, baris itu tidak diimpor:");
/// assert_eq!(csv_summary("p.csv", 8, 0, Lang::En), "8 programs imported from p.csv.");
/// ```
pub fn csv_summary(file: &str, imported: usize, problems: usize, lang: Lang) -> String {
    match (lang, problems) {
        (Lang::Id, 0) => format!("{imported} program diimpor dari {file}."),
        (Lang::Id, n) => {
            format!("{imported} program diimpor dari {file}; {n} masalah, baris itu tidak diimpor:")
        }
        (Lang::En, 0) => format!("{imported} programs imported from {file}."),
        (Lang::En, n) => format!(
            "{imported} programs imported from {file}; {n} problems, those rows were not imported:"
        ),
    }
}

/// The question before a CSV replaces a list: how many programs go and come.
pub fn csv_replace_question(now: usize, file: &str, coming: usize, lang: Lang) -> String {
    let head = match lang {
        Lang::Id => format!("{now} program sekarang → {coming} program dari {file}."),
        Lang::En => format!("{now} programs now → {coming} programs from {file}."),
    };
    format!("{head} {}", mp(Mp::CsvReplaceAsk, lang))
}

/// One surveyed sub-dimension of the panel's survey section.
#[derive(Clone, Debug, PartialEq)]
pub struct SurveyRow {
    /// The sub-dimension's id.
    pub id: String,
    /// `Smart Governance · Pelayanan publik`.
    pub title: String,
    /// The surveyed programs' names, joined.
    pub programs: String,
}

/// The sub-dimensions with surveyed programs, in the template's order.
pub fn survey_rows(t: &MasterplanTemplate, m: Option<&Masterplan>, lang: Lang) -> Vec<SurveyRow> {
    let programs = m.map_or(&[][..], |m| &m.programs[..]);
    let mut out = Vec::new();
    for p in &t.pillars {
        for s in &p.subdimensions {
            let names: Vec<&str> = programs
                .iter()
                .filter(|x| x.survey && x.subdimension == s.id && x.pillar == p.id)
                .map(|x| x.name.as_str())
                .collect();
            if !names.is_empty() {
                out.push(SurveyRow {
                    id: s.id.clone(),
                    title: format!("{} · {}", p.title.get(lang), s.title.get(lang)),
                    programs: names.join(", "),
                });
            }
        }
    }
    out
}

/// The invitation a survey link carries (after `#survei=`): what a respondent's page needs
/// to build the survey form, as JSON: the set, the pillar and sub-dimension, the region and
/// the surveyed programs' ids and names. Read by `js/element.js` (its `survey` attribute).
pub fn survey_invite(set: &crate::IndicatorSet, a: &Assessment, sub: &str) -> Option<String> {
    use crate::Json;
    let t = set.masterplan.as_ref()?;
    let (pillar, _) = t.subdimension(sub)?;
    let programs: Vec<Json> = a
        .masterplan
        .iter()
        .flat_map(|m| &m.programs)
        .filter(|p| p.survey && p.subdimension == sub)
        .map(|p| {
            Json::Object(vec![
                ("id".into(), Json::String(p.id.clone())),
                ("name".into(), Json::String(p.name.clone())),
            ])
        })
        .collect();
    if programs.is_empty() {
        return None;
    }
    let r = &a.region;
    let text = |s: &str| Json::String(s.to_string());
    let region = Json::Object(vec![
        ("name".into(), text(&r.name)),
        ("code".into(), text(&r.code)),
        ("period".into(), text(&r.period)),
    ]);
    Some(crate::export::canonical(&Json::Object(vec![
        ("set".into(), text(&set.id)),
        ("version".into(), text(&set.version)),
        ("pillar".into(), text(&pillar.id)),
        ("subdimension".into(), text(sub)),
        ("region".into(), region),
        ("programs".into(), Json::Array(programs)),
    ])))
}

/// What a survey aggregation gave, as the panel says it: `3 responden; nilai 3,67`.
///
/// ```
/// use swanilai::{view::survey_result, Lang};
/// assert_eq!(survey_result(3, Some(3.6667), 2, Lang::Id), "3 responden; nilai Impact 3,67");
/// assert_eq!(survey_result(0, None, 2, Lang::En), "0 respondents; no Impact score");
/// ```
pub fn survey_result(respondents: usize, value: Option<f64>, decimals: u8, lang: Lang) -> String {
    let v = value.map(|v| crate::round::format_number(v, decimals, lang));
    match (lang, v) {
        (Lang::Id, Some(v)) => format!("{respondents} responden; nilai Impact {v}"),
        (Lang::Id, None) => format!("{respondents} responden; belum ada nilai Impact"),
        (Lang::En, Some(v)) => format!("{respondents} respondents; Impact score {v}"),
        (Lang::En, None) => format!("{respondents} respondents; no Impact score"),
    }
}

/// The lines of an aggregation's problems (refused files, too few respondents), in `lang`.
pub fn survey_problems(agg: &Aggregation, lang: Lang) -> Vec<(bool, String)> {
    agg.problems
        .iter()
        .map(|p| {
            let warn = p.code == crate::Code::FewRespondents;
            (warn, p.message.get(lang).to_string())
        })
        .collect()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::{Value, builtin};

    fn template() -> MasterplanTemplate {
        builtin::get("smart-city-evaluasi")
            .unwrap()
            .masterplan
            .unwrap()
    }

    #[test]
    fn every_string_sits_at_its_variant_and_says_something() {
        for (k, (key, id, en)) in MP.iter().enumerate() {
            assert_eq!(*key as usize, k, "{key:?} is out of place");
            assert!(!id.is_empty() && !en.is_empty(), "{key:?}");
            assert_ne!(id, en, "{key:?} is not translated");
        }
        // The last variant has its string too (the table is as long as the enum).
        assert_eq!(mp(Mp::OpenPanel, Lang::En), "Enter the masterplan programs");
    }

    #[test]
    fn an_unticked_program_whose_answer_is_kept_says_so() {
        let set = crate::builtin::get("smart-city-evaluasi").expect("built in");
        let t = set.masterplan.as_ref().expect("template");
        let mut a = Assessment::new(&set.id, &set.version);
        let mut one = Program::new("gov-a", "governance", "layanan-publik", "A");
        let mut two = Program::new("gov-b", "governance", "layanan-publik", "B");
        a.set_value("qw-gov-a", crate::Value::Number(4.0));
        a.set_value("im-layanan-publik", crate::Value::Number(3.5));
        let rows = |a: &Assessment, one: &Program, two: &Program| {
            let m = Masterplan {
                document: String::new(),
                programs: vec![one.clone(), two.clone()],
            };
            let r = program_rows(t, Some(&m), a, Lang::Id);
            r[0].programs
                .iter()
                .map(|p| (p.quick_win_kept, p.impact_kept))
                .collect::<Vec<_>>()
        };
        // Neither ticked: A's Quick Win answer and the sub-dimension's Impact answer are kept.
        assert_eq!(rows(&a, &one, &two), [(true, true), (false, true)]);
        // A quick win again, B surveyed: both answers are used.
        one.quick_win = true;
        two.survey = true;
        assert_eq!(rows(&a, &one, &two), [(false, false), (false, false)]);
        // Nothing answered: nothing to say.
        one.quick_win = false;
        two.survey = false;
        let empty = Assessment::new(&set.id, &set.version);
        assert_eq!(rows(&empty, &one, &two), [(false, false), (false, false)]);
    }

    #[test]
    fn rows_follow_the_pillars_and_mark_programs_with_answers() {
        let t = template();
        let mut a = Assessment::new("s", "1");
        let m = Masterplan {
            document: String::new(),
            programs: vec![
                Program::new("env-a", "environment", "energi", "A"),
                Program::new("gov-b", "governance", "layanan-publik", "B"),
                Program::new("x-c", "nowhere", "energi", "C"),
                Program::new("gov-d", "governance", "birokrasi", "D"),
            ],
        };
        a.set_value("oc-gov-d", Value::Number(2.0));
        let rows = program_rows(&t, Some(&m), &a, Lang::Id);
        let ids: Vec<(&str, Vec<&str>)> = rows
            .iter()
            .map(|r| {
                (
                    r.id.as_str(),
                    r.programs.iter().map(|p| p.id.as_str()).collect(),
                )
            })
            .collect();
        assert_eq!(
            ids,
            [
                ("governance", vec!["gov-b", "gov-d"]),
                ("environment", vec!["env-a"]),
                ("", vec!["x-c"]),
            ]
        );
        assert!(!rows[0].programs[0].answered);
        assert!(rows[0].programs[1].answered);
        assert_eq!(rows[2].title, "Pilar tidak dikenal");
    }

    #[test]
    fn new_ids_never_reuse_a_listed_or_answered_id() {
        let mut a = Assessment::new("s", "1");
        let m = Masterplan {
            document: String::new(),
            programs: vec![Program::new(
                "gov-pionirs",
                "governance",
                "layanan-publik",
                "x",
            )],
        };
        assert_eq!(
            new_program_id(Some(&m), &a, "governance", "Pionirs"),
            "gov-pionirs-2"
        );
        // A removed program's answer stays: its id is not given to a new program.
        a.set_value("qw-gov-pionirs-2", Value::Number(3.0));
        assert_eq!(
            new_program_id(Some(&m), &a, "governance", "Pionirs"),
            "gov-pionirs-3"
        );
        let long = "a".repeat(100);
        let id = new_program_id(None, &a, "governance", &long);
        assert!(crate::is_valid_id(&id) && id.len() <= 44, "{id}");
    }

    #[test]
    fn every_pillar_has_an_index_row_with_a_dash_when_unscored() {
        let set = builtin::get("smart-city-evaluasi").unwrap();
        let t = set.masterplan.clone().unwrap();
        let mut a = Assessment::new(&set.id, &set.version);
        let mut p = Program::new("gov-b", "governance", "layanan-publik", "B");
        p.survey = true;
        a.masterplan = Some(Masterplan {
            document: String::new(),
            programs: vec![p],
        });
        a.set_value("im-layanan-publik", Value::Number(3.456));
        let report = crate::Scorer::new(&set).score(&a);
        let rows = pillar_indices(&t, &report.tags, 2, Lang::Id);
        assert_eq!(rows.len(), 6);
        assert_eq!(rows[0].value, "3,46");
        assert!(rows[1..].iter().all(|r| r.value == "–"), "{rows:?}");
        assert_eq!(rows[5].title, "Smart Environment");
    }

    #[test]
    fn survey_rows_and_the_link_carry_the_surveyed_programs_of_a_sub_dimension() {
        let set = builtin::get("smart-city-evaluasi").unwrap();
        let mut a = Assessment::new(&set.id, &set.version);
        a.region.name = "Kabupaten Banjar".into();
        let mut p1 = Program::new("gov-a", "governance", "layanan-publik", "Mal \"Publik\"");
        p1.survey = true;
        let mut p2 = Program::new("gov-b", "governance", "layanan-publik", "B");
        p2.survey = true;
        let p3 = Program::new("gov-c", "governance", "layanan-publik", "C");
        a.masterplan = Some(Masterplan {
            document: String::new(),
            programs: vec![p1, p2, p3],
        });
        let t = set.masterplan.clone().unwrap();
        let rows = survey_rows(&t, a.masterplan.as_ref(), Lang::Id);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].title, "Smart Governance · Pelayanan publik");
        assert_eq!(rows[0].programs, "Mal \"Publik\", B");
        let invite = survey_invite(&set, &a, "layanan-publik").unwrap();
        let j = crate::Json::parse(&invite).unwrap();
        let text = crate::export::canonical(&j);
        assert_eq!(text, invite, "the invitation is JSON that reads back");
        assert!(
            invite.contains("\"subdimension\":\"layanan-publik\""),
            "{invite}"
        );
        assert!(invite.contains("\"pillar\":\"governance\""), "{invite}");
        assert!(invite.contains("\"name\":\"Kabupaten Banjar\""), "{invite}");
        assert!(!invite.contains("gov-c"), "{invite}");
        assert_eq!(survey_invite(&set, &a, "birokrasi"), None);
    }
}
