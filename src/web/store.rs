//! localStorage, used defensively: it may be disabled, full, or changed by another tab.

use web_sys::Storage;

/// Copies kept per backup label.
const BACKUPS: usize = 3;

/// Why a save failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SaveError {
    /// Storage is disabled or absent.
    Unavailable,
    /// The quota is used up.
    Full,
}

/// One widget's slot in localStorage.
pub(crate) struct Store {
    pub key: String,
    storage: Option<Storage>,
    /// Whether a test write succeeded when the widget started (false when the quota is used up).
    writable: bool,
}

impl Store {
    pub fn new(key: String) -> Store {
        // Accessing localStorage throws when it is disabled (privacy settings, sandboxed frames).
        let storage = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
        // A full storage still reads: the saved answers must come back even when nothing more
        // can be written (it once looked like no storage at all, and the form started empty).
        let writable = storage.as_ref().is_some_and(|s| {
            let probe = "swanilai:probe";
            s.set_item(probe, "1").is_ok() && s.remove_item(probe).is_ok()
        });
        Store {
            key,
            storage,
            writable,
        }
    }

    /// Whether localStorage can be used at all (read, at least).
    pub fn available(&self) -> bool {
        self.storage.is_some()
    }

    /// Whether the test write at start succeeded.
    pub fn writable(&self) -> bool {
        self.writable
    }

    pub fn read(&self) -> Option<String> {
        self.storage.as_ref()?.get_item(&self.key).ok().flatten()
    }

    pub fn write(&self, text: &str) -> Result<(), SaveError> {
        let s = self.storage.as_ref().ok_or(SaveError::Unavailable)?;
        s.set_item(&self.key, text).map_err(|_| SaveError::Full)
    }

    /// Last year's assessment as imported for the comparison (a save document), kept beside
    /// the answers under `<key>:previous` so that it need not be imported every session.
    pub fn previous(&self) -> Option<String> {
        let s = self.storage.as_ref()?;
        s.get_item(&format!("{}:previous", self.key)).ok().flatten()
    }

    /// Keeps (or with `None`, forgets) last year's assessment. A full storage keeps the old one.
    pub fn set_previous(&self, text: Option<&str>) {
        if let Some(s) = self.storage.as_ref() {
            let key = format!("{}:previous", self.key);
            let _ = match text {
                Some(t) => s.set_item(&key, t),
                None => s.remove_item(&key),
            };
        }
    }

    /// Every copy kept under `label`: `(key, text)`.
    pub fn backups(&self, label: &str) -> Vec<(String, String)> {
        let Some(s) = self.storage.as_ref() else {
            return Vec::new();
        };
        let prefix = format!("{}:{label}:", self.key);
        let mut out = Vec::new();
        for i in 0..s.length().unwrap_or(0) {
            if let Ok(Some(k)) = s.key(i) {
                if k.starts_with(&prefix) {
                    if let Ok(Some(text)) = s.get_item(&k) {
                        out.push((k, text));
                    }
                }
            }
        }
        out
    }

    /// Removes one copy found by [`Store::backups`].
    pub fn remove(&self, key: &str) {
        if let Some(s) = self.storage.as_ref() {
            let _ = s.remove_item(key);
        }
    }

    /// Moves copies found by [`Store::backups`] to the `closed` label (its own, so that they
    /// push no other backup out), removing each only once its new copy is written.
    pub fn retire(&self, copies: &[(String, String)]) {
        if let Some(s) = self.storage.as_ref() {
            for (k, text) in copies {
                if self.backup("closed", text).is_some() {
                    let _ = s.remove_item(k);
                }
            }
        }
    }

    /// This tab's work while it cannot save (another tab saved first): one copy per tab,
    /// `<key>:unsaved:<writer>`, replaced by each newer one, so that no tab's copy pushes out
    /// another's.
    pub fn keep_waiting(&self, writer: &str, text: &str) {
        if let Some(s) = self.storage.as_ref() {
            let _ = s.set_item(&format!("{}:unsaved:{writer}", self.key), text);
        }
    }

    /// Keeps a copy under `<key>:<label>:<stamp>`, and only the newest [`BACKUPS`] copies of
    /// each label (every reset, import or tab conflict makes one: they would fill the storage
    /// that the answers need). A text already kept under that label is not copied again.
    /// Returns the key used.
    pub fn backup(&self, label: &str, text: &str) -> Option<String> {
        let s = self.storage.as_ref()?;
        let prefix = format!("{}:{label}:", self.key);
        let mut old = Vec::new();
        for (k, kept) in self.backups(label) {
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
            let _ = s.remove_item(&old.swap_remove(oldest));
        }
        // Unique even for several copies within one millisecond.
        let mut stamp = js_sys::Date::now() as u64;
        while s
            .get_item(&format!("{prefix}{stamp}"))
            .ok()
            .flatten()
            .is_some()
        {
            stamp += 1;
        }
        let key = format!("{prefix}{stamp}");
        s.set_item(&key, text).ok().map(|()| key)
    }
}
