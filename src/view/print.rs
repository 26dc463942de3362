//! The result sheet: what printing gives an official to sign. Region, period, assessor and
//! print date; the index as claimed and as the evidence carries it; scores per top-level
//! group; one row per indicator (claimed, evidenced, items missing); a signature block.
//! The per-indicator details follow as an annex.

use crate::assessment::Assessment;
use crate::model::{AnswerKind, Lang, Term};
use crate::round::format_number;
use crate::score::Scorer;

use super::{index_label, predicate, provisional_text, shown};

/// One row of the sheet's indicator table.
#[derive(Clone, Debug, PartialEq)]
pub struct SheetRow {
    /// `"4"`: the indicator's number.
    pub number: String,
    /// Its title, with the agency its level is taken from (`… — Tingkat dari hasil evaluasi BPS`).
    pub title: String,
    /// The claimed level (`"3"`) or the answer's score; `"–"` when unanswered.
    pub claimed: String,
    /// The level the evidence supports, or the same score for other kinds.
    pub evidenced: String,
    /// How many required items hold the claim above the evidence (`"2"`, or empty).
    pub missing: String,
}

/// The result sheet.
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    /// `"Lembar hasil evaluasi mandiri"`.
    pub heading: String,
    /// The set's title.
    pub set_title: String,
    /// Label and value: region, code, period, assessor, print date.
    pub facts: Vec<(String, String)>,
    /// Label, score and predicate: the index as claimed, and as the evidence carries it.
    pub index: Vec<(String, String, String)>,
    /// While indicators are unanswered.
    pub provisional: Option<String>,
    /// The group table's column heads.
    pub group_head: Vec<String>,
    /// Per top-level group: title, claimed, evidenced, predicate (claimed).
    pub groups: Vec<Vec<String>>,
    /// The indicator table's column heads.
    pub indicator_head: Vec<String>,
    /// One row per indicator, in document order.
    pub indicators: Vec<SheetRow>,
    /// `"Kabupaten Banjar, 7 Desember 2026"`.
    pub place_date: String,
    /// The two signers' roles: the assessor, and the official who acknowledges.
    pub signers: [(String, String); 2],
    /// The annex's heading.
    pub annex: String,
}

/// A date as written in a letter: `7 Desember 2026` / `7 December 2026`.
///
/// ```
/// use swanilai::{view::letter_date, Lang};
/// assert_eq!(letter_date(2026, 12, 7, Lang::Id), "7 Desember 2026");
/// assert_eq!(letter_date(2026, 8, 17, Lang::En), "17 August 2026");
/// assert_eq!(letter_date(2026, 13, 1, Lang::En), "1/13/2026");
/// ```
pub fn letter_date(year: i32, month: u32, day: u32, lang: Lang) -> String {
    const ID: [&str; 12] = [
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let names = if lang == Lang::Id { &ID } else { &EN };
    match names.get((month as usize).wrapping_sub(1)) {
        Some(m) => format!("{day} {m} {year}"),
        None => format!("{day}/{month}/{year}"),
    }
}

/// Builds the result sheet of `a`, printed on `date` (as [`letter_date`] writes it).
///
/// ```
/// use swanilai::{builtin, view::sheet, Assessment, Lang, Scorer, Value};
/// let set = builtin::get("pemdi-2026").unwrap();
/// let scorer = Scorer::new(&set);
/// let mut a = Assessment::new("pemdi-2026", &set.version);
/// a.region.name = "Kabupaten Banjar".into();
/// a.region.assessor = "Siti Rahmah".into();
/// a.set_value("pemdi-01", Value::Number(2.0));
/// let s = sheet(&scorer, &a, "7 Desember 2026", Lang::Id);
/// assert_eq!(s.facts[0], ("Daerah".to_string(), "Kabupaten Banjar".to_string()));
/// assert_eq!(s.facts[4], ("Tanggal cetak".to_string(), "7 Desember 2026".to_string()));
/// assert_eq!(s.index[0].0, "Indeks Pemdi (klaim)");
/// assert_eq!(s.index[1].0, "Indeks Pemdi menurut data dukung");
/// assert_eq!(s.provisional.as_deref(), Some("Sementara: 1 dari 20 indikator dijawab"));
/// assert_eq!(s.group_head[0], "Aspek");
/// assert_eq!(s.groups.len(), 7);
/// assert_eq!(s.indicators.len(), 20);
/// // Level 2 claimed, nothing ready: 0 evidenced, the items of levels 1-2 missing.
/// let r = &s.indicators[0];
/// assert_eq!((r.claimed.as_str(), r.evidenced.as_str()), ("2", "0"));
/// assert_eq!(r.missing, "4");
/// assert_eq!(s.indicators[1].claimed, "–");
/// // Indicator 5 takes its level from Bappenas' evaluation.
/// assert!(s.indicators[4].title.contains(" — Tingkat diisi dari evaluasi Bappenas"), "{}", s.indicators[4].title);
/// assert_eq!(s.place_date, "Kabupaten Banjar, 7 Desember 2026");
/// assert_eq!(s.signers[0], ("Penilai".to_string(), "Siti Rahmah".to_string()));
/// ```
pub fn sheet(scorer: &Scorer<'_>, a: &Assessment, date: &str, lang: Lang) -> Sheet {
    let set = scorer.set();
    let d = set.scale.decimals;
    let report = scorer.score(a);
    let id = lang == Lang::Id;
    let pick = |i: &'static str, e: &'static str| if id { i } else { e }.to_string();
    let r = &a.region;
    let dash = |s: &str| {
        if s.trim().is_empty() {
            "–".to_string()
        } else {
            s.to_string()
        }
    };
    let facts = vec![
        (pick("Daerah", "Region"), dash(&r.name)),
        (pick("Kode wilayah", "Region code"), dash(&r.code)),
        (pick("Periode", "Period"), dash(&r.period)),
        (pick("Penilai", "Assessor"), dash(&r.assessor)),
        (pick("Tanggal cetak", "Printed on"), date.to_string()),
    ];
    let index_name = index_label(set, lang);
    let evidence = set.term(Term::Evidence, lang).to_lowercase();
    let items = super::has_items(set);
    let mut index = vec![(
        if items {
            format!("{index_name} ({})", pick("klaim", "claimed"))
        } else {
            index_name.clone()
        },
        shown(&report.overall, d, lang),
        predicate(&report.overall, lang),
    )];
    if items {
        index.push((
            if id {
                format!("{index_name} menurut {evidence}")
            } else {
                format!("{index_name} as the {evidence} carry it")
            },
            shown(&report.evidenced, d, lang),
            predicate(&report.evidenced, lang),
        ));
    }
    let c = &report.completeness;
    let provisional = provisional_text(c.answered, c.total, lang);
    let groups = set
        .groups
        .iter()
        .filter_map(|g| {
            let s = report.groups.iter().find(|x| x.id == g.id)?;
            Some(vec![
                g.title.get(lang).to_string(),
                shown(&s.score, d, lang),
                shown(&s.evidenced, d, lang),
                predicate(&s.score, lang),
            ])
        })
        .collect();
    let indicators = report
        .indicators
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let ind = scorer.indicator(i);
            let mut title = ind.title.get(lang).to_string();
            if let Some(ext) = &ind.external {
                let from_result = s.external.as_ref().is_some_and(|e| e.from_result);
                title.push_str(" — ");
                title.push_str(&super::taken_from(&ext.agency, from_result, lang));
            }
            let level = matches!(ind.answer, AnswerKind::Level { .. });
            let (claimed, evidenced) = match (level, s.level, s.evidenced_level) {
                (true, Some(l), Some(e)) => (l.to_string(), e.to_string()),
                (true, Some(l), None) => (l.to_string(), l.to_string()),
                _ if s.answered => (shown(&s.score, d, lang), shown(&s.evidenced, d, lang)),
                _ => ("–".to_string(), "–".to_string()),
            };
            SheetRow {
                number: (i + 1).to_string(),
                title,
                claimed,
                evidenced,
                missing: if s.missing.is_empty() {
                    String::new()
                } else {
                    format_number(s.missing.len() as f64, 0, lang)
                },
            }
        })
        .collect();
    let group_word = set.term(Term::Group, lang).to_string();
    let evidenced_head = if id {
        format!("Menurut {evidence}")
    } else {
        format!("As the {evidence} carry it")
    };
    let claimed_head = pick("Klaim", "Claimed");
    Sheet {
        heading: pick(
            "Lembar hasil evaluasi mandiri",
            "Self-assessment result sheet",
        ),
        set_title: set.title.get(lang).to_string(),
        facts,
        index,
        provisional,
        group_head: vec![
            group_word,
            claimed_head.clone(),
            evidenced_head.clone(),
            pick("Predikat", "Predicate"),
        ],
        groups,
        indicator_head: vec![
            "#".to_string(),
            pick("Indikator", "Indicator"),
            claimed_head,
            evidenced_head,
            if id {
                format!("{} belum siap", set.term(Term::Evidence, lang))
            } else {
                format!("{} not ready", set.term(Term::Evidence, lang))
            },
        ],
        indicators,
        place_date: format!(
            "{}{date}",
            if r.name.trim().is_empty() {
                String::new()
            } else {
                format!("{}, ", r.name.trim())
            }
        ),
        signers: [
            (pick("Penilai", "Assessor"), r.assessor.trim().to_string()),
            (pick("Mengetahui,", "Acknowledged by,"), String::new()),
        ],
        annex: pick(
            "Lampiran: rincian per indikator",
            "Annex: each indicator in detail",
        ),
    }
}
