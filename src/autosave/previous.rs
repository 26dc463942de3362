//! Last year's file, kept beside the save under `<key>:previous` for the comparison: the
//! assessment, the name of the file it came from and its integrity when it was opened
//! (`"integrity": "intact" | "mismatch" | "unchecked"`), so that the comparison can say after
//! every reload whether the file it compares with arrived intact.
//!
//! The entry is replaced only with a copy of the one it replaces kept under
//! `<key>:previous-backup:<stamp>`; a stored entry that cannot be read, or only in part, is kept
//! under `<key>:previous-corrupt:<stamp>` or `<key>:previous-damaged:<stamp>` when the widget
//! opens, and the official is told (as for the save itself).

use super::storage::{self, SaveError, Storage};
use super::{Restored, restore_value, save_fields};
use crate::assessment::Assessment;
use crate::export::{Integrity, canonical};
use crate::json::Json;
use crate::problem::Problem;

/// The backup label of a last-year entry replaced by another.
pub const REPLACED: &str = "previous-backup";
/// The backup label of a stored last-year entry read only in part.
pub const DAMAGED: &str = "previous-damaged";
/// The backup label of a stored last-year entry that cannot be read.
pub const CORRUPT: &str = "previous-corrupt";

/// Last year's assessment as the comparison uses it.
#[derive(Clone, Debug, PartialEq)]
pub struct Previous {
    /// The assessment.
    pub assessment: Assessment,
    /// Whether the file matched its SHA-256 when it was opened (`unchecked` for an entry kept
    /// by an earlier version, which did not record it, and for one the page gave as an object).
    pub integrity: Integrity,
    /// The file's name (empty when the page gave it).
    pub file: String,
}

impl Previous {
    /// An assessment the page gave, with no file and no hash to check.
    pub fn given(assessment: Assessment) -> Previous {
        Previous {
            assessment,
            integrity: Integrity::Unchecked,
            file: String::new(),
        }
    }
}

/// What reading the stored entry found that the official must be told.
#[derive(Clone, Debug, PartialEq)]
pub enum PreviousTold {
    /// Read only in part: these parts were left out or changed; the entry's text is kept under
    /// this backup key, and the entry is written again with what could be read.
    Damaged(Vec<Problem>, Option<String>),
    /// Unreadable: its text is kept under this backup key (the entry stays until replaced).
    Corrupt(Option<String>),
}

/// The storage key of last year's entry.
pub fn previous_key(key: &str) -> String {
    format!("{key}:previous")
}

/// The name an integrity verdict is stored under.
pub fn integrity_tag(i: Integrity) -> &'static str {
    match i {
        Integrity::Intact => "intact",
        Integrity::Mismatch => "mismatch",
        Integrity::Unchecked => "unchecked",
    }
}

fn integrity_of(tag: Option<&str>) -> Integrity {
    match tag {
        Some("intact") => Integrity::Intact,
        Some("mismatch") => Integrity::Mismatch,
        _ => Integrity::Unchecked,
    }
}

/// The text stored for last year's entry.
///
/// ```
/// use swanilai::{Assessment, export::Integrity};
/// use swanilai::autosave::previous::{Previous, previous_text, read_previous};
/// let p = Previous { assessment: Assessment::new("spbe-2020", "2020.1"),
///     integrity: Integrity::Mismatch, file: "lalu.json".into() };
/// let text = previous_text(&p, "2026-01-05T08:00:00Z");
/// assert_eq!(read_previous(&text).ok().map(|(p, _)| p.integrity), Some(Integrity::Mismatch));
/// ```
pub fn previous_text(p: &Previous, saved_at: &str) -> String {
    let mut doc = save_fields(&p.assessment, 0, "previous", saved_at);
    doc.push((
        "integrity".into(),
        Json::String(integrity_tag(p.integrity).into()),
    ));
    if !p.file.is_empty() {
        doc.push(("file".into(), Json::String(p.file.clone())));
    }
    canonical(&Json::Object(doc))
}

/// Reads a stored entry: last year's assessment and the problems of reading it (empty when
/// read whole), or why it cannot be read.
///
/// # Errors
/// The reason, in English, when the text holds no assessment.
pub fn read_previous(text: &str) -> Result<(Previous, Vec<Problem>), String> {
    let v = Json::parse(text).map_err(|e| e.to_string())?;
    let integrity = integrity_of(v.get("integrity").and_then(Json::as_str));
    let file = (v.get("file").and_then(Json::as_str))
        .unwrap_or_default()
        .to_string();
    match restore_value(&v) {
        Restored::Saved {
            assessment,
            problems,
            ..
        } => Ok((
            Previous {
                assessment: *assessment,
                integrity,
                file,
            },
            problems,
        )),
        Restored::Corrupt { reason } => Err(reason),
    }
}

/// Last year's entry as kept under `<key>:previous`, read when a tab opens. An entry that
/// cannot be read is kept under [`CORRUPT`]; one read only in part under [`DAMAGED`], and
/// written again with what could be read once its copy is kept (so the official is told once,
/// as for the save), no longer marked intact: what is left is not the checked content. Nothing is removed unless its copy was written.
pub fn open_previous(
    store: &mut dyn Storage,
    key: &str,
    at: &super::At,
) -> (Option<Previous>, Option<PreviousTold>) {
    let k = previous_key(key);
    let Some(text) = store.get(&k) else {
        return (None, None);
    };
    match read_previous(&text) {
        Ok((p, problems)) if problems.is_empty() => (Some(p), None),
        Ok((mut p, problems)) => {
            // What is left is no longer the content its SHA-256 was checked against: the
            // comparison must not go on calling it intact.
            if p.integrity == Integrity::Intact {
                p.integrity = Integrity::Mismatch;
            }
            let kept = storage::backup(store, key, DAMAGED, &text, at.ms);
            if kept.is_some() {
                let _ = store.set(&k, &previous_text(&p, &at.iso));
            }
            (Some(p), Some(PreviousTold::Damaged(problems, kept)))
        }
        Err(_) => {
            let kept = storage::backup(store, key, CORRUPT, &text, at.ms);
            (None, Some(PreviousTold::Corrupt(kept)))
        }
    }
}

/// Last year's assessment alone (see [`open_previous`], which also keeps what it cannot read).
pub fn previous(store: &dyn Storage, key: &str) -> Option<Assessment> {
    let text = store.get(&previous_key(key))?;
    read_previous(&text).ok().map(|(p, _)| p.assessment)
}

/// Keeps (or with `None`, forgets) last year's entry. The entry it replaces is kept under
/// [`REPLACED`] first; when that copy cannot be written (full storage) the old entry stays.
/// Returns the backup key of the replaced entry, if there was one and it was kept.
///
/// # Errors
/// Why the new entry is not kept (the copy of the old one or the entry itself could not be
/// written): after a reload the comparison would use the old entry, or none, so the official
/// must be told.
pub fn keep_previous(
    store: &mut dyn Storage,
    key: &str,
    previous: Option<&Previous>,
    at: &super::At,
) -> Result<Option<String>, SaveError> {
    let k = previous_key(key);
    let why = |store: &dyn Storage| {
        if store.available() {
            SaveError::Full
        } else {
            SaveError::Unavailable
        }
    };
    let mut kept = None;
    if let Some(old) = store.get(&k) {
        kept = storage::backup(store, key, REPLACED, &old, at.ms);
        if kept.is_none() {
            return Err(why(store));
        }
    }
    match previous {
        Some(p) => store.set(&k, &previous_text(p, &at.iso))?,
        None => store.remove(&k),
    }
    Ok(kept)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::Value;
    use crate::autosave::{At, Memory};

    fn at(ms: u64) -> At {
        At {
            iso: "2026-03-01T08:00:00Z".into(),
            ms,
        }
    }

    fn last_year(period: &str, value: f64) -> Previous {
        let mut a = Assessment::new("spbe-2020", "2020.1");
        a.region.name = "Kabupaten Banjar".into();
        a.region.period = period.into();
        a.set_value("spbe-01", Value::Number(value));
        Previous {
            assessment: a,
            integrity: Integrity::Intact,
            file: format!("banjar-{period}.json"),
        }
    }

    #[test]
    fn the_integrity_and_file_come_back_after_a_reload() {
        let mut m = Memory::default();
        for i in [Integrity::Intact, Integrity::Mismatch, Integrity::Unchecked] {
            let p = Previous {
                integrity: i,
                ..last_year("2025", 3.0)
            };
            keep_previous(&mut m, "k", Some(&p), &at(1)).expect("kept");
            assert_eq!(open_previous(&mut m, "k", &at(2)), (Some(p), None));
        }
    }

    #[test]
    fn replacing_keeps_the_replaced_entry_under_its_own_backup_key() {
        let mut m = Memory::default();
        let first = last_year("2025", 3.0);
        assert_eq!(keep_previous(&mut m, "k", Some(&first), &at(1)), Ok(None));
        let first_text = m.items["k:previous"].clone();
        let kept = keep_previous(&mut m, "k", Some(&last_year("2024", 2.0)), &at(5));
        assert_eq!(kept, Ok(Some("k:previous-backup:5".to_string())));
        assert_eq!(m.items["k:previous-backup:5"], first_text);
        let (back, _) = read_previous(&first_text).expect("readable");
        assert_eq!(back, first);
        // Forgetting keeps a copy too.
        assert!(keep_previous(&mut m, "k", None, &at(9)).is_ok());
        assert!(!m.items.contains_key("k:previous"));
        assert_eq!(storage::backups(&m, "k", REPLACED).len(), 2);
    }

    #[test]
    fn a_full_storage_keeps_the_old_entry() {
        let mut m = Memory::default();
        let _ = keep_previous(&mut m, "k", Some(&last_year("2025", 3.0)), &at(1));
        let before = m.items.clone();
        m.full = true;
        assert_eq!(
            keep_previous(&mut m, "k", Some(&last_year("2024", 1.0)), &at(2)),
            Err(SaveError::Full)
        );
        assert_eq!(m.items, before);
        // With no entry before, the new one that cannot be written is said too.
        let mut empty = Memory {
            full: true,
            ..Memory::default()
        };
        assert_eq!(
            keep_previous(&mut empty, "k", Some(&last_year("2024", 1.0)), &at(3)),
            Err(SaveError::Full)
        );
    }

    #[test]
    fn an_entry_read_in_part_is_kept_told_and_written_again() {
        let mut m = Memory::default();
        let damaged = r#"{"format":"swanilai-save/1","rev":0,"writer":"previous","integrity":"intact",
            "assessment":{"setId":"spbe-2020","setVersion":"2020.1","region":"Banjar",
            "answers":{"spbe-01":{"value":3,"notes":7}}}}"#;
        m.items.insert("k:previous".into(), damaged.into());
        let (p, told) = open_previous(&mut m, "k", &at(7));
        let p = p.expect("what could be read");
        assert_eq!(
            p.assessment.answers["spbe-01"].value,
            Some(Value::Number(3.0))
        );
        assert_eq!(
            p.integrity,
            Integrity::Mismatch,
            "what is left is not the checked content any more"
        );
        let Some(PreviousTold::Damaged(problems, Some(kept))) = told else {
            panic!("{told:?}")
        };
        let paths: Vec<&str> = problems.iter().map(|x| x.path.as_str()).collect();
        assert_eq!(paths, ["region", "answers.spbe-01.notes"]);
        assert_eq!(m.items[&kept], damaged);
        // Told once: the entry now reads whole, and still says it is not the checked file.
        let (again, told) = open_previous(&mut m, "k", &at(8));
        assert_eq!(told, None);
        assert_eq!(again.map(|p| p.integrity), Some(Integrity::Mismatch));
    }

    #[test]
    fn an_unreadable_entry_is_kept_and_told() {
        let mut m = Memory::default();
        m.items.insert("k:previous".into(), "{\"format\": ".into());
        let (p, told) = open_previous(&mut m, "k", &at(3));
        assert_eq!(p, None);
        assert_eq!(
            told,
            Some(PreviousTold::Corrupt(Some("k:previous-corrupt:3".into())))
        );
        assert_eq!(m.items["k:previous-corrupt:3"], "{\"format\": ");
    }

    #[test]
    fn an_entry_of_an_earlier_version_reads_as_unchecked() {
        let a = last_year("2025", 3.0).assessment;
        let text = crate::autosave::save_text(&a, &[], 0, "previous", "t");
        let (p, problems) = read_previous(&text).expect("readable");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!((p.integrity, p.file.as_str()), (Integrity::Unchecked, ""));
    }
}
