//! Last year's file in the widget: when opening one asks first (one is already kept, or its
//! content does not match its SHA-256), the question naming both files, the line beside the
//! comparison saying which file it compares with and whether that file arrived intact, and
//! the notices for data read only in part that does not come from the save itself (last
//! year's stored entry, what the page gives). Pure: the widget draws it.

use super::notices::{Judged, Opened, import_verdict, judge_file};
use super::ui;
use crate::assessment::{Assessment, Region};
use crate::autosave::Previous;
use crate::export::Integrity;
use crate::model::{IndicatorSet, Lang};

/// Judges last year's file: used at once when nothing is kept yet and its content is not
/// altered; otherwise it waits ([`Opened::Pending`]) until the official confirms.
///
/// ```
/// use swanilai::{builtin, Assessment, view::{Opened, judge_previous}};
/// use swanilai::autosave::Previous;
/// let set = builtin::get("spbe-2020").unwrap();
/// let text = r#"{"setId": "spbe-2020", "setVersion": "2020.1", "answers": {"spbe-01": 3}}"#;
/// assert_eq!(judge_previous(&set, text, None).opened, Opened::Shown);
/// let kept = Previous::given(Assessment::new("spbe-2020", "2020.1"));
/// assert_eq!(judge_previous(&set, text, Some(&kept)).opened, Opened::Pending);
/// ```
pub fn judge_previous(set: &IndicatorSet, text: &str, kept: Option<&Previous>) -> Judged {
    let mut j = judge_file(set, text, true);
    if j.opened == Opened::Shown && (kept.is_some() || j.integrity == Integrity::Mismatch) {
        j.opened = Opened::Pending;
    }
    j
}

/// "Kabupaten Banjar, 2025": a file's region and period as the question names them.
pub fn region_period(r: &Region, lang: Lang) -> String {
    let name = match (r.name.trim(), lang) {
        ("", Lang::Id) => "(tanpa nama wilayah)",
        ("", Lang::En) => "(no region name)",
        (n, _) => n,
    };
    let period = match (r.period.trim(), lang) {
        ("", Lang::Id) => "(tanpa periode)",
        ("", Lang::En) => "(no period)",
        (p, _) => p,
    };
    format!("{name}, {period}")
}

fn file_part(file: &str) -> String {
    if file.is_empty() {
        String::new()
    } else {
        format!(" ({file})")
    }
}

/// The question before last year's file is used: what it asks, then one line per file (the
/// one kept, if any, and the one opened), each with its region, period and name.
///
/// ```
/// use swanilai::{Assessment, Lang, export::Integrity, autosave::Previous, view::previous_question};
/// let mut old = Assessment::new("spbe-2020", "2020.1");
/// old.region.name = "Kabupaten Banjar".into();
/// old.region.period = "2025".into();
/// let kept = Previous { assessment: old.clone(), integrity: Integrity::Intact, file: "a.json".into() };
/// old.region.period = "2024".into();
/// let (ask, lines) = previous_question(Some(&kept), &old, "b.json", Integrity::Intact, Lang::En);
/// assert!(ask.starts_with("Last year's file is already kept"));
/// assert_eq!(lines, ["Kept now: Kabupaten Banjar, 2025 (a.json)", "This file: Kabupaten Banjar, 2024 (b.json)"]);
/// ```
pub fn previous_question(
    kept: Option<&Previous>,
    opened: &Assessment,
    name: &str,
    integrity: Integrity,
    lang: Lang,
) -> (String, Vec<String>) {
    let mut ask = String::new();
    if kept.is_some() {
        ask.push_str(match lang {
            Lang::Id => "Berkas tahun lalu sudah tersimpan. Ganti dengan berkas ini? Yang tersimpan sekarang disimpan sebagai cadangan di peramban ini.",
            Lang::En => "Last year's file is already kept. Replace it with this one? The one kept now is saved as a backup in this browser.",
        });
    }
    if integrity == Integrity::Mismatch {
        if !ask.is_empty() {
            ask.push(' ');
        }
        ask.push_str(match lang {
            Lang::Id => "Isi berkas ini tidak cocok dengan sidik SHA-256-nya: gunakan untuk perbandingan hanya bila Anda yakin isinya benar. Perbandingan akan tetap menandainya.",
            Lang::En => "This file's content does not match its SHA-256: use it for the comparison only if you are sure its content is right. The comparison will keep saying so.",
        });
    }
    let mut lines = Vec::new();
    if let Some(k) = kept {
        let head = match lang {
            Lang::Id => "Tersimpan sekarang",
            Lang::En => "Kept now",
        };
        lines.push(format!(
            "{head}: {}{}",
            region_period(&k.assessment.region, lang),
            file_part(&k.file)
        ));
    }
    let head = match lang {
        Lang::Id => "Berkas ini",
        Lang::En => "This file",
    };
    lines.push(format!(
        "{head}: {}{}",
        region_period(&opened.region, lang),
        file_part(name)
    ));
    (ask, lines)
}

/// The confirm button's label under the question.
pub fn previous_use(lang: Lang) -> &'static str {
    match lang {
        Lang::Id => "Gunakan untuk perbandingan",
        Lang::En => "Use for the comparison",
    }
}

/// The line beside the comparison: which file it compares with (region, both periods, file
/// name), then whether that file matched its SHA-256 when it was opened; with its style class
/// (`swn-warn` for an altered file) and the integrity's name for `data-integrity`.
///
/// ```
/// use swanilai::{Assessment, Lang, export::Integrity, autosave::Previous, view::previous_source};
/// let mut last = Assessment::new("spbe-2020", "2020.1");
/// last.region.name = "Kota Jambi".into();
/// last.region.period = "2025".into();
/// let mut now = last.clone();
/// now.region.period = "2026".into();
/// let p = Previous { assessment: last, integrity: Integrity::Mismatch, file: "jambi-2025.json".into() };
/// let (text, class, name) = previous_source(&p, &now, Lang::En);
/// assert!(text.starts_with("Compared with jambi-2025.json: Kota Jambi, 2025 → 2026. Warning"));
/// assert_eq!((class, name), ("swn-warn", "mismatch"));
/// ```
pub fn previous_source(
    p: &Previous,
    current: &Assessment,
    lang: Lang,
) -> (String, &'static str, &'static str) {
    let (key, class) = import_verdict(p.integrity, Opened::Shown);
    let with = match lang {
        Lang::Id => "Dibandingkan dengan",
        Lang::En => "Compared with",
    };
    let what = if p.file.is_empty() {
        match lang {
            Lang::Id => "penilaian tahun lalu dari halaman ini".to_string(),
            Lang::En => "last year's assessment given by this page".to_string(),
        }
    } else {
        p.file.clone()
    };
    let r = &p.assessment.region;
    let name = match r.name.trim() {
        "" => String::new(),
        n => format!("{n}, "),
    };
    let dash = |s: &str| {
        if s.trim().is_empty() {
            "–".to_string()
        } else {
            s.trim().to_string()
        }
    };
    let text = format!(
        "{with} {what}: {name}{} → {}. {}",
        dash(&r.period),
        dash(&current.region.period),
        ui(key, lang)
    );
    (text, class, super::integrity_name(p.integrity))
}

/// How an answer proposed from last year's file is marked: "proposed from last year's file
/// (2025)".
///
/// ```
/// use swanilai::{Lang, view::proposed_text};
/// assert_eq!(proposed_text("2025", Lang::Id), "diusulkan dari berkas tahun lalu (2025)");
/// assert_eq!(proposed_text("", Lang::En), "proposed from last year's file");
/// ```
pub fn proposed_text(from: &str, lang: Lang) -> String {
    match (from.trim(), lang) {
        ("", Lang::Id) => "diusulkan dari berkas tahun lalu".into(),
        ("", Lang::En) => "proposed from last year's file".into(),
        (p, Lang::Id) => format!("diusulkan dari berkas tahun lalu ({p})"),
        (p, Lang::En) => format!("proposed from last year's file ({p})"),
    }
}

/// The buttons beside a proposed answer: confirm it, clear it.
pub fn proposed_buttons(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::Id => ("Benar", "Kosongkan"),
        Lang::En => ("Right", "Clear"),
    }
}

/// Data read only in part (or not at all) that is not the save itself, kept under a backup
/// key before it is used and told in a notice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadInPart {
    /// Last year's stored entry, read in part when the widget opened.
    StoredPrevious,
    /// Last year's stored entry could not be read at all.
    StoredPreviousCorrupt,
    /// The assessment the page gave (`assessment` option, `setAssessment`).
    GivenAssessment,
    /// Last year's assessment the page gave (`previous` option, `setPrevious`).
    GivenPrevious,
}

impl ReadInPart {
    /// The notice's text, before its list of what was left out.
    pub fn text(self, lang: Lang) -> &'static str {
        use ReadInPart as R;
        match (self, lang) {
            (R::StoredPrevious, Lang::Id) => {
                "Sebagian berkas tahun lalu yang tersimpan tidak dapat dibaca dan tidak dipakai untuk perbandingan. Teks aslinya disimpan sebagai cadangan di peramban ini. Yang tidak dipakai:"
            }
            (R::StoredPrevious, Lang::En) => {
                "Part of last year's stored file could not be read and is not used for the comparison. Its original text was kept as a backup in this browser. Not used:"
            }
            (R::StoredPreviousCorrupt, Lang::Id) => {
                "Berkas tahun lalu yang tersimpan rusak dan tidak dapat dibaca. Teksnya disimpan sebagai cadangan di peramban ini; impor berkas tahun lalu lagi untuk perbandingan."
            }
            (R::StoredPreviousCorrupt, Lang::En) => {
                "Last year's stored file is damaged and cannot be read. Its text was kept as a backup in this browser; import last year's file again for the comparison."
            }
            (R::GivenAssessment, Lang::Id) => {
                "Sebagian penilaian yang diberikan halaman ini tidak dapat dibaca dan tidak dimuat. Teks aslinya disimpan sebagai cadangan di peramban ini. Yang tidak dimuat:"
            }
            (R::GivenAssessment, Lang::En) => {
                "Part of the assessment this page gave could not be read and was not loaded. Its original text was kept as a backup in this browser. Not loaded:"
            }
            (R::GivenPrevious, Lang::Id) => {
                "Sebagian penilaian tahun lalu yang diberikan halaman ini tidak dapat dibaca dan tidak dipakai untuk perbandingan. Teks aslinya disimpan sebagai cadangan di peramban ini. Yang tidak dipakai:"
            }
            (R::GivenPrevious, Lang::En) => {
                "Part of last year's assessment this page gave could not be read and is not used for the comparison. Its original text was kept as a backup in this browser. Not used:"
            }
        }
    }

    /// The notice's `data-swn` name.
    pub fn name(self) -> &'static str {
        match self {
            ReadInPart::StoredPrevious => "previous-damaged",
            ReadInPart::StoredPreviousCorrupt => "previous-corrupt",
            ReadInPart::GivenAssessment => "given-damaged",
            ReadInPart::GivenPrevious => "given-previous-damaged",
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn set() -> IndicatorSet {
        crate::builtin::get("spbe-2020").expect("built in")
    }

    const FILE: &str = r#"{"setId": "spbe-2020", "setVersion": "2020.1", "region": {"name": "Kabupaten Banjar", "period": "2024"}, "answers": {"spbe-01": 3}}"#;

    #[test]
    fn last_years_file_asks_when_one_is_kept_or_it_was_altered() {
        let s = set();
        assert_eq!(judge_previous(&s, FILE, None).opened, Opened::Shown);
        let kept = Previous::given(Assessment::new("spbe-2020", "2020.1"));
        assert_eq!(
            judge_previous(&s, FILE, Some(&kept)).opened,
            Opened::Pending
        );
        // An export whose content was changed after its hash was written.
        let a = crate::export::open_assessment_for(FILE, &s)
            .assessment
            .expect("read");
        let content = crate::json::Json::Object(vec![(
            "assessment".into(),
            crate::json::to_json(&a).expect("json"),
        )]);
        let text = crate::export::export_document(content, "2026-01-01T00:00:00Z");
        let altered = text.replacen("\"Kabupaten Banjar\"", "\"Kabupaten Tapin\"", 1);
        assert_ne!(altered, text);
        let j = judge_previous(&s, &altered, None);
        assert_eq!(
            (j.integrity, j.opened),
            (Integrity::Mismatch, Opened::Pending)
        );
        let j = judge_previous(&s, &text, None);
        assert_eq!((j.integrity, j.opened), (Integrity::Intact, Opened::Shown));
        // Files that cannot be used are not asked about.
        assert_eq!(judge_previous(&s, "{", Some(&kept)).opened, Opened::Broken);
    }

    #[test]
    fn the_question_names_both_files_and_warns_of_an_altered_one() {
        let mut old = Assessment::new("spbe-2020", "2020.1");
        old.region.period = "2025".into();
        let kept = Previous {
            assessment: old.clone(),
            integrity: Integrity::Unchecked,
            file: String::new(),
        };
        let (ask, lines) =
            previous_question(Some(&kept), &old, "x.json", Integrity::Mismatch, Lang::Id);
        assert!(
            ask.contains("sudah tersimpan") && ask.contains("tidak cocok"),
            "{ask}"
        );
        assert_eq!(
            lines,
            [
                "Tersimpan sekarang: (tanpa nama wilayah), 2025",
                "Berkas ini: (tanpa nama wilayah), 2025 (x.json)"
            ]
        );
        let (ask, lines) = previous_question(None, &old, "x.json", Integrity::Mismatch, Lang::En);
        assert!(
            ask.starts_with("This file's content does not match"),
            "{ask}"
        );
        assert_eq!(lines.len(), 1);
    }

    #[test]
    fn the_source_line_says_each_integrity() {
        let mut a = Assessment::new("spbe-2020", "2020.1");
        a.region.period = "2025".into();
        let now = Assessment::new("spbe-2020", "2020.1");
        for (i, class, name) in [
            (Integrity::Intact, "swn-ok", "intact"),
            (Integrity::Mismatch, "swn-warn", "mismatch"),
            (Integrity::Unchecked, "", "unchecked"),
        ] {
            let p = Previous {
                assessment: a.clone(),
                integrity: i,
                file: String::new(),
            };
            let (text, c, n) = previous_source(&p, &now, Lang::Id);
            assert_eq!((c, n), (class, name));
            assert!(
                text.starts_with(
                    "Dibandingkan dengan penilaian tahun lalu dari halaman ini: 2025 → –. "
                ),
                "{text}"
            );
            assert!(text.ends_with(ui(import_verdict(i, Opened::Shown).0, Lang::Id)));
        }
    }
}
