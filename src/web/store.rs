//! localStorage as the save protocol's [`Storage`]: it may be disabled (no storage), full
//! (writes fail), or changed by another tab between two calls. The protocol itself is in
//! [`crate::autosave`].

use crate::autosave::{SaveError, Storage};

/// The page's localStorage, if it can be used at all.
pub(crate) struct LocalStorage {
    storage: Option<web_sys::Storage>,
}

impl LocalStorage {
    pub fn new() -> LocalStorage {
        // Accessing localStorage throws when it is disabled (privacy settings, sandboxed frames).
        let storage = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
        LocalStorage { storage }
    }
}

impl Storage for LocalStorage {
    fn get(&self, key: &str) -> Option<String> {
        self.storage.as_ref()?.get_item(key).ok().flatten()
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), SaveError> {
        let s = self.storage.as_ref().ok_or(SaveError::Unavailable)?;
        s.set_item(key, value).map_err(|_| SaveError::Full)
    }

    fn remove(&mut self, key: &str) {
        if let Some(s) = self.storage.as_ref() {
            let _ = s.remove_item(key);
        }
    }

    fn keys(&self) -> Vec<String> {
        let Some(s) = self.storage.as_ref() else {
            return Vec::new();
        };
        (0..s.length().unwrap_or(0))
            .filter_map(|i| s.key(i).ok().flatten())
            .collect()
    }

    fn available(&self) -> bool {
        self.storage.is_some()
    }
}
