//! Where saves live: a small key-value [`Storage`] (localStorage in the browser, [`Memory`] in
//! tests), and the copies kept beside a save under `<key>:<label>:<stamp>`, each label bounded
//! to its newest [`BACKUPS`] copies so that backups never fill the space the answers need.

use std::collections::BTreeMap;

/// Copies kept per backup label.
pub const BACKUPS: usize = 3;

/// Why a write failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// Storage is disabled or absent.
    Unavailable,
    /// The quota is used up.
    Full,
}

/// A key-value text store shared by every tab of a browser (localStorage), used defensively:
/// it may be disabled, full, or changed by another tab between two calls.
pub trait Storage {
    /// The text under `key`.
    fn get(&self, key: &str) -> Option<String>;
    /// Stores `value` under `key`.
    ///
    /// # Errors
    /// [`SaveError::Full`] when the quota is used up, [`SaveError::Unavailable`] when there is
    /// no storage.
    fn set(&mut self, key: &str, value: &str) -> Result<(), SaveError>;
    /// Removes `key` (nothing happens when it is absent).
    fn remove(&mut self, key: &str);
    /// Every key stored.
    fn keys(&self) -> Vec<String>;
    /// Whether there is a storage at all (it may still be full).
    fn available(&self) -> bool {
        true
    }
}

/// An in-memory [`Storage`] for tests and native use, shared by the tabs of a story. It can be
/// made full (every `set` fails, as with a used-up quota) or absent (disabled storage).
#[derive(Clone, Debug, Default)]
pub struct Memory {
    /// The stored texts.
    pub items: BTreeMap<String, String>,
    /// Every `set` fails with [`SaveError::Full`].
    pub full: bool,
    /// There is no storage: nothing reads, every `set` fails with [`SaveError::Unavailable`].
    pub absent: bool,
    /// How many `set` calls were made (successful or not).
    pub writes: usize,
}

impl Storage for Memory {
    fn get(&self, key: &str) -> Option<String> {
        if self.absent {
            return None;
        }
        self.items.get(key).cloned()
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), SaveError> {
        self.writes += 1;
        if self.absent {
            return Err(SaveError::Unavailable);
        }
        if self.full {
            return Err(SaveError::Full);
        }
        self.items.insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&mut self, key: &str) {
        self.items.remove(key);
    }

    fn keys(&self) -> Vec<String> {
        if self.absent {
            return Vec::new();
        }
        self.items.keys().cloned().collect()
    }

    fn available(&self) -> bool {
        !self.absent
    }
}

/// Whether a test write succeeds (false when the quota is used up or there is no storage).
pub fn writable(store: &mut dyn Storage) -> bool {
    let probe = "swanilai:probe";
    let ok = store.set(probe, "1").is_ok();
    store.remove(probe);
    ok
}

/// Every copy kept under `<key>:<label>:`, as `(key, text)`.
pub fn backups(store: &dyn Storage, key: &str, label: &str) -> Vec<(String, String)> {
    let prefix = format!("{key}:{label}:");
    store
        .keys()
        .into_iter()
        .filter(|k| k.starts_with(&prefix))
        .filter_map(|k| store.get(&k).map(|text| (k, text)))
        .collect()
}

/// Keeps a copy of `text` under `<key>:<label>:<stamp>` (`stamp`: milliseconds, made unique),
/// and only the newest [`BACKUPS`] copies of that label (every reset, import or tab conflict
/// makes one). A text already kept under that label is not copied again. Returns the key
/// used, `None` when the copy could not be written.
pub fn backup(
    store: &mut dyn Storage,
    key: &str,
    label: &str,
    text: &str,
    stamp: u64,
) -> Option<String> {
    let prefix = format!("{key}:{label}:");
    let mut old = Vec::new();
    for (k, kept) in backups(store, key, label) {
        if kept == text {
            return Some(k);
        }
        old.push(k);
    }
    while old.len() >= BACKUPS {
        // Stamps are decimal milliseconds: the shorter key, or else the smaller, is older.
        let mut oldest = 0;
        for j in 1..old.len() {
            if (old[j].len(), &old[j]) < (old[oldest].len(), &old[oldest]) {
                oldest = j;
            }
        }
        store.remove(&old.swap_remove(oldest));
    }
    // Unique even for several copies within one millisecond.
    let mut stamp = stamp;
    while store.get(&format!("{prefix}{stamp}")).is_some() {
        stamp += 1;
    }
    let at = format!("{prefix}{stamp}");
    store.set(&at, text).ok().map(|()| at)
}

/// Moves copies found by [`backups`] to the `closed` label (its own, so that they push no
/// other backup out), removing each only once its new copy is written.
pub fn retire(store: &mut dyn Storage, key: &str, copies: &[(String, String)], stamp: u64) {
    for (k, text) in copies {
        if backup(store, key, "closed", text, stamp).is_some() {
            store.remove(k);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_label_keeps_its_newest_three_and_no_text_twice() {
        let mut m = Memory::default();
        for stamp in [1, 2, 3, 4] {
            m.items
                .insert(format!("k:backup:{stamp}"), format!("old {stamp}"));
        }
        m.items.insert("k:corrupt:1".into(), "another kind".into());
        let at = backup(&mut m, "k", "backup", "new", 1_700_000_000_000).expect("written");
        assert_eq!(at, "k:backup:1700000000000");
        let mut kept: Vec<String> = backups(&m, "k", "backup")
            .into_iter()
            .map(|(_, t)| t)
            .collect();
        kept.sort();
        assert_eq!(kept, ["new", "old 3", "old 4"]);
        assert_eq!(
            backups(&m, "k", "corrupt").len(),
            1,
            "other labels untouched"
        );
        // The same text again: the copy already kept is named, nothing is written.
        let writes = m.writes;
        assert_eq!(
            backup(&mut m, "k", "backup", "new", 5).as_deref(),
            Some(at.as_str())
        );
        assert_eq!(m.writes, writes);
        // Two copies within one millisecond get two keys.
        let a = backup(&mut m, "k", "x", "a", 9).expect("a");
        let b = backup(&mut m, "k", "x", "b", 9).expect("b");
        assert_ne!(a, b);
    }

    #[test]
    fn full_or_absent_storage_keeps_nothing_and_says_so() {
        let mut m = Memory {
            full: true,
            ..Memory::default()
        };
        assert!(!writable(&mut m));
        assert_eq!(backup(&mut m, "k", "backup", "t", 1), None);
        m.full = false;
        assert!(writable(&mut m));
        assert!(m.items.is_empty(), "the probe is removed");
        m.absent = true;
        assert!(!m.available() && !writable(&mut m));
        assert_eq!(m.set("k", "v"), Err(SaveError::Unavailable));
    }

    #[test]
    fn retired_copies_move_to_closed() {
        let mut m = Memory::default();
        m.items.insert("k:unsaved:w1".into(), "one".into());
        m.items.insert("k:unsaved:w2".into(), "two".into());
        let left = backups(&m, "k", "unsaved");
        retire(&mut m, "k", &left, 10);
        assert!(backups(&m, "k", "unsaved").is_empty());
        assert_eq!(backups(&m, "k", "closed").len(), 2);
    }
}
