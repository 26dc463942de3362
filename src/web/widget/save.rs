//! The save protocol's wiring: writing this tab's save, noticing another tab's, and the
//! official's answer to it (use theirs, combine both, keep this one), restoring the work of
//! tabs closed while they could not save. Every copy that gives way is backed up first.

use super::store::{SaveError, Store};
use super::{Emits, Inner, Notice, now_iso};
use crate::autosave::{
    Draft, Restored, join_lineage, place_drafts, restore, save_text, save_text_with,
};
use crate::view::{self, Action, Ui};
use crate::{Assessment, Scorer};

/// What this tab knows of the stored save it started from (see the fields of [`Inner`]).
pub(crate) struct Loaded {
    pub rev: u64,
    pub from: Option<(u64, String)>,
    pub seen: (u64, String),
    pub lineage: Vec<(u64, String)>,
    pub drafts: super::Drafts,
}

/// Reads the stored save into `a` (taking this set's id and version), with notices for what
/// the official should know: a save of another set version, drafts that no longer apply, a
/// save that cannot be read (kept under `:corrupt:` first).
pub(crate) fn load(
    store: &Store,
    scorer: &Scorer<'_>,
    a: &mut Assessment,
    notices: &mut Vec<Notice>,
) -> Loaded {
    let mut loaded = Loaded {
        rev: 0,
        from: None,
        seen: (0, String::new()),
        lineage: Vec::new(),
        drafts: Vec::new(),
    };
    let Some(text) = store.read() else {
        return loaded;
    };
    let s = scorer.set();
    match restore(&text) {
        Restored::Saved {
            assessment,
            rev,
            drafts,
            lineage,
            writer,
            ..
        } => {
            loaded.rev = rev;
            loaded.lineage = lineage;
            join_lineage(&mut loaded.lineage, &[(rev, writer.clone())]);
            loaded.seen = (rev, writer.clone());
            loaded.from = Some((rev, writer));
            let (kept, dropped) = place_drafts(scorer, drafts);
            loaded.drafts = kept;
            if !dropped.is_empty() {
                notices.push(Notice::Text(Ui::DroppedDrafts, dropped));
            }
            if assessment.set_version != s.version {
                notices.push(Notice::Text(Ui::SavedOtherVersion, Vec::new()));
            }
            *a = *assessment;
            a.set_id = s.id.clone();
            a.set_version = s.version.clone();
        }
        Restored::Corrupt { .. } => {
            store.backup("corrupt", &text);
            notices.push(Notice::Text(Ui::SavedCorrupt, Vec::new()));
        }
    }
    loaded
}

impl Inner {
    /// Sets last year's assessment, and keeps it for the next session.
    pub(crate) fn keep_previous(&mut self, previous: Option<Assessment>) {
        let text = (previous.as_ref()).map(|p| save_text(p, &[], 0, "previous", &now_iso()));
        self.store.set_previous(text.as_deref());
        self.previous = previous;
    }

    /// The save document for what is on screen (answers and kept number text), as save `rev`.
    pub(crate) fn save_doc(&self, rev: u64) -> String {
        let drafts: Vec<Draft> = (self.drafts.iter())
            .map(|(i, text, lang)| Draft {
                indicator: self.scorer.indicator(*i).id.clone(),
                text: text.clone(),
                lang: *lang,
            })
            .collect();
        save_text_with(
            &self.a,
            &drafts,
            rev,
            &self.writer,
            &now_iso(),
            &self.lineage,
        )
    }

    pub(crate) fn save_now(&mut self) {
        if !self.save_due || !self.store.available() {
            return;
        }
        // Blocked (another tab saved, or storage is full) with nothing new since the last try:
        // the 400 ms tick would otherwise read and write the whole save again every time.
        if self.tried == self.edits && self.blocked() {
            return;
        }
        self.tried = self.edits;
        if let Some(text) = self.store.read() {
            match restore(&text) {
                Restored::Saved { rev, writer, .. } => {
                    if self.saved_elsewhere(rev, &writer) {
                        // Someone else saved since we last did: ask instead of overwriting, and
                        // keep this tab's work under a backup key until the official chooses.
                        self.store
                            .keep_waiting(&self.writer, &self.save_doc(self.rev));
                        self.warn(true);
                        return;
                    }
                }
                // Unreadable (damaged, or a later version's format): kept before it is replaced.
                Restored::Corrupt { .. } => {
                    self.store.backup("corrupt", &text);
                }
            }
        }
        self.write_save();
    }

    /// The stored save (`rev` by `writer`) is to be written over on purpose: the next write
    /// goes after it (and after every rev this tab used: its own saves stay unique by rev), and
    /// claims no descent from it (`base` is no save at all until that write lands).
    pub(crate) fn took_over(&mut self, rev: u64, writer: String) {
        self.rev = self.rev.max(rev);
        self.seen = (rev, writer);
        self.from = None;
    }

    /// Whether the stored save (`rev` by `writer`) was written by another tab since this one
    /// last wrote or read it. Revs alone do not tell: a history started over (the key was
    /// cleared) or two tabs writing at once reuse them.
    pub(crate) fn saved_elsewhere(&self, rev: u64, writer: &str) -> bool {
        writer != self.writer && (rev != self.seen.0 || writer != self.seen.1)
    }

    pub(crate) fn write_save(&mut self) {
        let text = self.save_doc(self.rev + 1);
        match self.store.write(&text) {
            Ok(()) => {
                self.rev += 1;
                join_lineage(&mut self.lineage, &[(self.rev, self.writer.clone())]);
                self.seen = (self.rev, self.writer.clone());
                self.from = Some(self.seen.clone());
                self.base = self.a.clone();
                self.save_due = false;
                self.full = false;
                let now = js_sys::Date::new_0();
                self.saved_at = Some((now.get_hours(), now.get_minutes()));
                self.show_saved();
                let full = |n: &Notice| matches!(n, Notice::Text(Ui::StorageFull, _));
                if self.notices.iter().any(full) {
                    self.notices.retain(|n| !full(n));
                    self.render_notices();
                }
                self.show_unsaved();
            }
            Err(SaveError::Full) => self.warn(false),
            Err(SaveError::Unavailable) => {}
        }
    }

    /// Whether changes cannot be saved now: storage is off or full, or another tab saved.
    /// (Not read from the notices: the official may close one, and nothing is saved still.)
    pub(crate) fn blocked(&self) -> bool {
        !self.store.available() || self.conflict || self.full
    }

    /// Notes that another tab saved (`other_tab`) or that storage is full; the first time,
    /// shows the notice saying so and reads it out (it may be far off screen).
    pub(crate) fn warn(&mut self, other_tab: bool) {
        let flag = if other_tab {
            &mut self.conflict
        } else {
            &mut self.full
        };
        if !std::mem::replace(flag, true) {
            self.blocking_notices();
            self.render_notices();
            let key = if other_tab {
                Ui::OtherTab
            } else {
                Ui::StorageFull
            };
            self.announce(self.t(key));
        }
    }

    /// Puts back the notices of what keeps changes from being saved (after the official
    /// closed one, the sticky warning leads back to it).
    pub(crate) fn blocking_notices(&mut self) {
        let why = [
            (self.conflict, Ui::OtherTab),
            (self.full, Ui::StorageFull),
            (!self.store.available(), Ui::StorageUnavailable),
        ];
        for (on, key) in why {
            let shown = self.notices.iter().any(|n| match n {
                Notice::OtherTab => key == Ui::OtherTab,
                Notice::Text(k, _) => *k == key,
                _ => false,
            });
            if on && !shown {
                self.notices.push(if key == Ui::OtherTab {
                    Notice::OtherTab
                } else {
                    Notice::Text(key, Vec::new())
                });
            }
        }
    }

    /// Before writing over the stored save without asking (answers replaced, a closed tab's
    /// work restored): if another tab saved since this one did, its save is kept as a backup
    /// and this write goes after it (a higher rev), so that tab is asked in turn instead of
    /// overwriting this. This tab's own waiting copy is settled by the write.
    pub(crate) fn adopt_newer(&mut self) {
        if let Some(theirs) = self.store.read() {
            match restore(&theirs) {
                Restored::Saved { rev, writer, .. } => {
                    if self.saved_elsewhere(rev, &writer) {
                        self.store.backup("backup", &theirs);
                        self.took_over(rev, writer);
                    }
                }
                Restored::Corrupt { .. } => {
                    self.store.backup("corrupt", &theirs);
                }
            }
        }
        self.conflict = false;
        self.notices.retain(|n| !matches!(n, Notice::OtherTab));
        self.store
            .remove(&format!("{}:unsaved:{}", self.store.key, self.writer));
    }

    /// The official's answer to "changed in another tab": use that version (`other-load`),
    /// combine both (`other-merge`) or keep this one (`other-keep`). What gives way is kept
    /// under a backup key; an unreadable other save counts as "keep this one".
    pub(crate) fn settle(&mut self, how: Action) -> Emits {
        self.conflict = false;
        self.notices.retain(|n| !matches!(n, Notice::OtherTab));
        // This tab's copy kept while it waited is settled now (what gives way is backed up
        // below): the next visit must not offer it as work of a closed tab.
        self.store
            .remove(&format!("{}:unsaved:{}", self.store.key, self.writer));
        let theirs = self.store.read().unwrap_or_default();
        let Restored::Saved {
            assessment,
            rev,
            drafts,
            mut lineage,
            writer,
            ..
        } = restore(&theirs)
        else {
            return self.keep_mine(&theirs);
        };
        // Whether their save started from this tab's: then what they emptied, they cleared.
        // Saves are named by rev and writer: two histories (a cleared key, two tabs writing at
        // once) may both have a rev 5.
        let descended = self.from.as_ref().is_some_and(|f| lineage.contains(f));
        let theirs_id = (rev, writer);
        join_lineage(&mut lineage, std::slice::from_ref(&theirs_id));
        if how == Action::OtherKeep {
            self.took_over(theirs_id.0, theirs_id.1);
            return self.keep_mine(&theirs);
        }
        self.store.backup("backup", &self.save_doc(self.rev));
        // Combined, `base` is no save until the write lands (so a failed write cannot make a
        // later save look descended from it); loaded, it is theirs.
        self.took_over(theirs_id.0, theirs_id.1.clone());
        if how == Action::OtherMerge {
            // The write below replaces the other tab's save: it is kept too.
            self.store.backup("backup", &theirs);
        }
        if how == Action::OtherLoad {
            self.a = *assessment;
            self.base = self.a.clone();
            self.from = Some(theirs_id);
            self.lineage = lineage;
            self.drafts = self.placed_drafts(drafts);
            self.save_due = false;
        } else {
            let (merged, clashes) = self.a.merge(&self.base, &assessment, descended);
            self.a = merged;
            join_lineage(&mut self.lineage, &lineage);
            let said = self.merged_notice(&clashes);
            self.save_due = true;
            self.write_save();
            let emits = self.full_refresh();
            self.announce(&said);
            return emits;
        }
        self.full_refresh()
    }

    /// The notice after combining two versions, listing where they differed (this side won);
    /// returns its words for screen readers.
    pub(crate) fn merged_notice(&mut self, clashes: &[String]) -> String {
        self.notices.push(Notice::Merged(clashes.to_vec()));
        view::merged_text(&self.scorer, clashes, self.lang)
    }

    /// Saved drafts by indicator position; the ones that no longer apply are listed in a
    /// notice (see [`place_drafts`]).
    pub(crate) fn placed_drafts(&mut self, drafts: Vec<Draft>) -> super::Drafts {
        let (kept, dropped) = place_drafts(&self.scorer, drafts);
        if !dropped.is_empty() {
            self.notices.push(Notice::Text(Ui::DroppedDrafts, dropped));
        }
        kept
    }

    /// Saves this tab's version over the other's, which is kept under a backup key.
    pub(crate) fn keep_mine(&mut self, theirs: &str) -> Emits {
        if !theirs.is_empty() {
            self.store.backup("backup", theirs);
        }
        self.save_due = true;
        self.write_save();
        self.render_notices();
        vec![]
    }

    /// The work of tabs closed while they could not save: restored (combined with what is
    /// here, which wins where both have something; what differed is listed once) or set
    /// aside. Either way the copies move to the `closed` backups.
    pub(crate) fn left_work(&mut self, restore_it: bool) -> Emits {
        self.notices.retain(|n| !matches!(n, Notice::Left));
        let left = self.store.backups("unsaved");
        if !restore_it || left.is_empty() {
            self.store.retire(&left);
            self.render_notices();
            return vec![];
        }
        // Another tab may have saved since this one did: keep its save and go after it.
        self.adopt_newer();
        let mut differ: Vec<String> = Vec::new();
        for (_, text) in &left {
            if let Restored::Saved { assessment, .. } = restore(text) {
                let none = Assessment::default();
                let (merged, clashes) = self.a.merge(&none, &assessment, false);
                self.a = merged;
                for id in clashes {
                    if !differ.contains(&id) {
                        differ.push(id);
                    }
                }
            }
        }
        self.store.retire(&left);
        let said = self.merged_notice(&differ);
        self.save_due = true;
        self.write_save();
        let emits = self.full_refresh();
        self.announce(&said);
        emits
    }
}
