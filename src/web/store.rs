//! localStorage, used defensively: it may be disabled, full, or changed by another tab.

use web_sys::Storage;

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
}

impl Store {
    pub fn new(key: String) -> Store {
        // Accessing localStorage throws when it is disabled (privacy settings, sandboxed frames).
        let storage = web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .filter(|s| {
                let probe = "swanilai:probe";
                s.set_item(probe, "1").is_ok() && s.remove_item(probe).is_ok()
            });
        Store { key, storage }
    }

    pub fn available(&self) -> bool {
        self.storage.is_some()
    }

    pub fn read(&self) -> Option<String> {
        self.storage.as_ref()?.get_item(&self.key).ok().flatten()
    }

    pub fn write(&self, text: &str) -> Result<(), SaveError> {
        let s = self.storage.as_ref().ok_or(SaveError::Unavailable)?;
        s.set_item(&self.key, text).map_err(|_| SaveError::Full)
    }

    /// Keeps a copy under `<key>:<label>:<stamp>`; returns the key used.
    pub fn backup(&self, label: &str, text: &str) -> Option<String> {
        let s = self.storage.as_ref()?;
        let key = format!("{}:{label}:{}", self.key, js_sys::Date::now() as u64);
        s.set_item(&key, text).ok().map(|()| key)
    }
}
