//! View models for evidence on the results side: the index as the evidence carries it, the
//! "Siap diajukan?" check's title, and the radar chart's axis names and scale.

use crate::assessment::Assessment;
use crate::model::{IndicatorSet, Lang, Scale};
use crate::round::format_number;
use crate::score::Scorer;

use super::{predicate, shown};

/// Whether any indicator of the set lists evidence items (then the index is shown both as
/// claimed and as the evidence carries it).
pub fn has_items(set: &IndicatorSet) -> bool {
    set.indicators()
        .any(|ind| crate::evidence::items(ind).next().is_some())
}

/// The index with every indicator at the level its evidence supports.
#[derive(Clone, Debug, PartialEq)]
pub struct EvidencedView {
    /// `"Menurut data dukung"` in the set's words.
    pub label: String,
    /// The score as shown.
    pub value: String,
    /// Its predicate.
    pub predicate: String,
}

/// The evidenced index, or `None` for a set without evidence items.
///
/// ```
/// use swanilai::{builtin, view::evidenced, Assessment, Lang, Scorer, Value};
/// let set = builtin::get("pemdi-2026").unwrap();
/// let scorer = Scorer::new(&set);
/// let mut a = Assessment::new("pemdi-2026", &set.version);
/// for ind in set.indicators() {
///     a.set_value(&ind.id, Value::Number(4.0));
/// }
/// let v = evidenced(&scorer, &a, Lang::Id).unwrap();
/// // Nothing is marked ready: the evidence carries no level.
/// assert_eq!(v.label, "Menurut data dukung");
/// assert_eq!(scorer.score(&a).overall.shown, Some(4.0));
/// assert_ne!(v.value, "4,00");
/// ```
pub fn evidenced(scorer: &Scorer<'_>, a: &Assessment, lang: Lang) -> Option<EvidencedView> {
    let set = scorer.set();
    if !has_items(set) {
        return None;
    }
    let tally = scorer.tally(scorer.evidenced_scores(a));
    let score = scorer.score_of(tally.overall());
    let evidence = set.term(crate::model::Term::Evidence, lang).to_lowercase();
    Some(EvidencedView {
        label: match lang {
            Lang::Id => format!("Menurut {evidence}"),
            Lang::En => format!("As the {evidence} carry it"),
        },
        value: shown(&score, set.scale.decimals, lang),
        predicate: predicate(&score, lang),
    })
}

/// The check's title: `Siap diajukan?` / `Ready to submit?`.
pub fn check_title(lang: Lang) -> &'static str {
    match lang {
        Lang::Id => "Siap diajukan?",
        Lang::En => "Ready to submit?",
    }
}

/// A group's name on a radar axis: the title when short, else its first words (up to 16
/// characters) with an ellipsis; the table beside the chart gives the full names.
///
/// ```
/// use swanilai::view::axis_name;
/// assert_eq!(axis_name("Data"), "Data");
/// assert_eq!(axis_name("Keamanan Pemdi"), "Keamanan Pemdi");
/// assert_eq!(axis_name("Keterpaduan Layanan Digital Pemerintah"), "Keterpaduan…");
/// assert_eq!(axis_name("Tata Kelola dan Manajemen"), "Tata Kelola dan…");
/// assert_eq!(axis_name("Penyelenggaraanpemerintahan"), "Penyelenggaraanp…");
/// ```
pub fn axis_name(title: &str) -> String {
    const MAX: usize = 16;
    if title.chars().count() <= MAX {
        return title.to_string();
    }
    let mut out = String::new();
    for word in title.split_whitespace() {
        let next = if out.is_empty() {
            word.to_string()
        } else {
            format!("{out} {word}")
        };
        if next.chars().count() > MAX {
            break;
        }
        out = next;
    }
    if out.is_empty() {
        out = title.chars().take(MAX).collect();
    }
    out.push('…');
    out
}

/// The radar chart's rings: each as (fraction of the radius, the score it marks), one per
/// whole score above the scale's minimum when there are at most ten, else five even rings.
///
/// ```
/// use swanilai::{view::radar_rings, Lang, Scale};
/// let pemdi = Scale { min: 1.0, max: 5.0, decimals: 2 };
/// let rings = radar_rings(&pemdi, Lang::Id);
/// assert_eq!(rings.len(), 4);
/// assert_eq!(rings[0], (0.25, "2".to_string()));
/// assert_eq!(rings[3], (1.0, "5".to_string()));
/// let hundred = Scale { min: 0.0, max: 100.0, decimals: 0 };
/// assert_eq!(radar_rings(&hundred, Lang::Id)[0], (0.2, "20".to_string()));
/// ```
pub fn radar_rings(scale: &Scale, lang: Lang) -> Vec<(f64, String)> {
    let span = scale.max - scale.min;
    if span <= 0.0 {
        return Vec::new();
    }
    let whole = span.fract() == 0.0 && scale.min.fract() == 0.0 && span <= 10.0;
    let steps = if whole { span as usize } else { 5 };
    (1..=steps)
        .map(|k| {
            let f = k as f64 / steps as f64;
            let v = scale.min + span * f;
            let d = if v.fract() == 0.0 { 0 } else { scale.decimals };
            (f, format_number(v, d, lang))
        })
        .collect()
}

/// An evidence item's status as a control names it.
///
/// ```
/// use swanilai::{assessment::Status, view::status_label, Lang};
/// assert_eq!(status_label(Status::Siap, Lang::Id), "Siap");
/// assert_eq!(status_label(Status::Belum, Lang::En), "Not yet");
/// ```
pub fn status_label(status: crate::assessment::Status, lang: Lang) -> &'static str {
    use crate::assessment::Status;
    match (status, lang) {
        (Status::Belum, Lang::Id) => "Belum",
        (Status::Draf, Lang::Id) => "Draf",
        (Status::Siap, Lang::Id) => "Siap",
        (Status::Belum, Lang::En) => "Not yet",
        (Status::Draf, Lang::En) => "Draft",
        (Status::Siap, Lang::En) => "Ready",
    }
}

/// A card's claimed and evidenced level, for a level indicator whose levels list items and
/// that is answered: `Klaim: tingkat 3 · menurut data dukung: tingkat 1`.
///
/// ```
/// use swanilai::{assessment::{ItemEvidence, Status}, builtin, view::card_levels, Assessment, Lang, Scorer, Value};
/// let set = builtin::get("pemdi-2026").unwrap();
/// let scorer = Scorer::new(&set);
/// let mut a = Assessment::new("pemdi-2026", &set.version);
/// assert_eq!(card_levels(&scorer, &a, 8, Lang::Id), None);
/// a.set_value("pemdi-09", Value::Number(2.0));
/// assert_eq!(card_levels(&scorer, &a, 8, Lang::Id).unwrap(), "Klaim: tingkat 2 · menurut data dukung: tingkat 0");
/// let ready = ItemEvidence { status: Status::Siap, ..Default::default() };
/// let ans = a.answers.get_mut("pemdi-09").unwrap();
/// ans.evidence.insert("l1-tim".into(), ready.clone());
/// ans.evidence.insert("l1-rencana".into(), ready);
/// assert_eq!(card_levels(&scorer, &a, 8, Lang::En).unwrap(), "Claimed: level 2 · as the supporting documents carry it: level 1");
/// ```
pub fn card_levels(scorer: &Scorer<'_>, a: &Assessment, i: usize, lang: Lang) -> Option<String> {
    let ind = scorer.indicator(i);
    crate::evidence::items(ind).next()?;
    let claimed = scorer.claimed_level(a, i)?;
    let ev = crate::evidence::evidenced_level(ind, a.answers.get(&ind.id), claimed);
    let evidence = scorer
        .set()
        .term(crate::model::Term::Evidence, lang)
        .to_lowercase();
    Some(match lang {
        Lang::Id => format!("Klaim: tingkat {claimed} · menurut {evidence}: tingkat {ev}"),
        Lang::En => {
            format!("Claimed: level {claimed} · as the {evidence} carry it: level {ev}")
        }
    })
}

/// The labels of an external indicator's fields: the agency's result, its year, its source.
///
/// ```
/// use swanilai::{view::external_labels, Lang};
/// assert_eq!(external_labels(Lang::Id).0, "Hasil dari instansi tersebut");
/// ```
pub fn external_labels(lang: Lang) -> (&'static str, &'static str, &'static str) {
    match lang {
        Lang::Id => (
            "Hasil dari instansi tersebut",
            "Tahun evaluasinya",
            "Sumber (tautan atau dokumen)",
        ),
        Lang::En => (
            "The agency's result",
            "Year of its evaluation",
            "Source (link or document)",
        ),
    }
}

/// The fold under an evidence item holding its own notes and links.
pub fn item_notes_label(lang: Lang) -> &'static str {
    match lang {
        Lang::Id => "Catatan dan tautan dokumen ini",
        Lang::En => "Notes and links for this document",
    }
}
