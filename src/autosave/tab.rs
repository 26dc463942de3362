//! One tab's side of the save protocol, against a [`Storage`] shared with every other tab.
//!
//! Saves are named by (rev, writer). A tab remembers the stored save it last wrote or read
//! (`seen`); finding another one there means another tab saved in between, and the tab asks
//! the official instead of writing over it, keeping its own work under
//! `<key>:unsaved:<writer>` meanwhile. The official then uses that version, combines both, or
//! keeps this one: whatever gives way is kept under a backup key first. A tab closed while it
//! waited leaves its copy to be offered on the next visit. A stored save that cannot be read is
//! kept under `:corrupt:` before anything replaces it; one read only in part, under `:damaged:`.

use super::storage::{self, SaveError, Storage};
use super::{Draft, Restored, join_lineage, place_drafts, restore, save_text_with};
use crate::assessment::Assessment;
use crate::model::Lang;
use crate::problem::Problem;
use crate::score::Scorer;

/// A save's name: its rev and the tab that wrote it.
pub type SaveId = (u64, String);

/// When an operation happens: the text a save records as `savedAt`, and the milliseconds
/// that stamp the backups it makes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct At {
    /// An ISO 8601 time.
    pub iso: String,
    /// Milliseconds since 1970.
    pub ms: u64,
}

/// What a tab has on screen: the answers and the number text it keeps beside them.
#[derive(Clone, Copy, Debug)]
pub struct Doc<'a> {
    /// The answers.
    pub assessment: &'a Assessment,
    /// Rejected number text.
    pub drafts: &'a [Draft],
}

/// What the official is told when a tab opens.
#[derive(Clone, Debug, PartialEq)]
pub enum Told {
    /// There is no storage: nothing will be saved.
    StorageUnavailable,
    /// Storage is full: saved answers load, changes cannot be saved.
    StorageFull,
    /// Typed number text that no longer applies, as "id: text".
    DroppedDrafts(Vec<String>),
    /// The save was made for another version of the set.
    OtherVersion,
    /// The save cannot be read; its text is kept under this backup key.
    Corrupt(Option<String>),
    /// The save was read only in part: these parts were left out or changed; its original
    /// text is kept under this backup key (before any autosave writes over it).
    Damaged(Vec<Problem>, Option<String>),
    /// Work of tabs closed while they could not save waits to be restored or set aside.
    Left,
}

/// A tab opened on a storage key.
#[derive(Debug)]
pub struct Opening {
    /// The tab's side of the protocol.
    pub tab: Tab,
    /// The answers to show: the stored save's (with this set's id and version), else the
    /// ones given.
    pub assessment: Assessment,
    /// The stored number text that still applies, by indicator position.
    pub drafts: Vec<(usize, String, Lang)>,
    /// What to tell the official, in order.
    pub told: Vec<Told>,
}

/// What became of an attempt to save.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing was due, there is no storage, or nothing changed since saving was blocked.
    Idle,
    /// Written.
    Written,
    /// Another tab saved since this one: not written, the official is asked (`first`: for the
    /// first time since the last answer).
    Asked {
        /// Newly asked.
        first: bool,
    },
    /// The storage is full (`first`: newly so).
    Full {
        /// Newly full.
        first: bool,
    },
}

/// The official's answer to "another tab saved".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// Use the other tab's version (this one is kept as a backup).
    Load,
    /// Combine both (each kept as a backup first).
    Merge,
    /// Keep this version (the other is kept as a backup).
    Keep,
}

/// What a choice did.
#[derive(Clone, Debug, PartialEq)]
pub enum Settled {
    /// This tab's version was written over the other's (or the other could not be read).
    Kept(Outcome),
    /// The other tab's version is this tab's now.
    Loaded {
        /// Its answers.
        assessment: Assessment,
        /// Its number text.
        drafts: Vec<Draft>,
    },
    /// Both combined and written.
    Merged {
        /// The combined answers.
        assessment: Assessment,
        /// Where both had something different: this tab's was kept.
        clashes: Vec<String>,
        /// The write.
        outcome: Outcome,
    },
}

/// One tab's view of the stored save.
#[derive(Clone, Debug)]
pub struct Tab {
    key: String,
    writer: String,
    /// The highest rev this tab wrote or went after.
    rev: u64,
    /// The answers as this tab last saved or loaded them: what another tab's save is merged
    /// against (each side's changes are its differences from this).
    base: Assessment,
    /// The saves `base` descends from, its own included (see [`save_text_with`]).
    lineage: Vec<SaveId>,
    /// The save `base` is; `None` while it is no save (none yet, or this tab chose to write
    /// over another's and its write has not landed).
    from: Option<SaveId>,
    /// The stored save as this tab last read or wrote it.
    seen: SaveId,
    /// Another tab saved since this one did: saving waits for the official's choice.
    conflict: bool,
    /// The last write failed for want of space.
    full: bool,
    /// There are changes not saved yet.
    due: bool,
    /// Changes made, and their count at the last save attempt.
    edits: u64,
    tried: u64,
    /// What was left out of another tab's save (or a closed tab's copy) read only in part
    /// while settling: its text is kept under `:damaged:` (or `:closed:`); the official is told.
    damaged: Vec<Problem>,
}

impl Tab {
    /// Opens a tab on `key`: reads the stored save (else keeps `given`), and lists what the
    /// official should know. A save that cannot be read, or only in part, is kept under a
    /// backup key here, before any autosave can write over it.
    pub fn open(
        store: &mut dyn Storage,
        key: &str,
        writer: &str,
        scorer: &Scorer<'_>,
        given: Assessment,
        at: &At,
    ) -> Opening {
        let mut told = Vec::new();
        if !store.available() {
            told.push(Told::StorageUnavailable);
        } else if !storage::writable(store) {
            told.push(Told::StorageFull);
        }
        let mut tab = Tab {
            key: key.to_string(),
            writer: writer.to_string(),
            rev: 0,
            base: Assessment::default(),
            lineage: Vec::new(),
            from: None,
            seen: (0, String::new()),
            conflict: false,
            full: false,
            due: false,
            edits: 0,
            tried: 0,
            damaged: Vec::new(),
        };
        let mut assessment = given;
        let mut drafts = Vec::new();
        if let Some(text) = store.get(key) {
            match restore(&text) {
                Restored::Saved {
                    assessment: saved,
                    rev,
                    writer,
                    problems,
                    drafts: d,
                    lineage,
                } => {
                    tab.rev = rev;
                    tab.lineage = lineage;
                    join_lineage(&mut tab.lineage, &[(rev, writer.clone())]);
                    tab.seen = (rev, writer.clone());
                    tab.from = Some((rev, writer));
                    // Placed in the form the save is drawn in: for a set built from a
                    // masterplan, the set expanded with the saved program list.
                    let (kept, dropped) = place_drafts(&scorer.for_assessment(&saved), d);
                    drafts = kept;
                    if !dropped.is_empty() {
                        told.push(Told::DroppedDrafts(dropped));
                    }
                    let set = scorer.set();
                    if saved.set_version != set.version {
                        told.push(Told::OtherVersion);
                    }
                    if !problems.is_empty() {
                        let kept = storage::backup(store, key, "damaged", &text, at.ms);
                        told.push(Told::Damaged(problems, kept));
                    }
                    assessment = *saved;
                    assessment.set_id = set.id.clone();
                    assessment.set_version = set.version.clone();
                }
                Restored::Corrupt { .. } => {
                    let kept = storage::backup(store, key, "corrupt", &text, at.ms);
                    told.push(Told::Corrupt(kept));
                }
            }
        }
        if tab.has_left(store) {
            told.push(Told::Left);
        }
        tab.base = assessment.clone();
        Opening {
            tab,
            assessment,
            drafts,
            told,
        }
    }

    /// The storage key of the save.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// This tab's writer id.
    pub fn writer(&self) -> &str {
        &self.writer
    }

    /// The rev of this tab's last save (or of the save it went after).
    pub fn rev(&self) -> u64 {
        self.rev
    }

    /// What the last choice or restore left out of a save read only in part (another tab's,
    /// or a closed tab's copy), once: the widget lists it in a notice.
    pub fn take_damaged(&mut self) -> Vec<Problem> {
        std::mem::take(&mut self.damaged)
    }

    /// Whether there are changes not saved yet.
    pub fn due(&self) -> bool {
        self.due
    }

    /// Whether another tab saved and the official has not chosen yet.
    pub fn conflict(&self) -> bool {
        self.conflict
    }

    /// Whether the last write failed for want of space.
    pub fn full(&self) -> bool {
        self.full
    }

    /// Whether changes cannot be saved now: storage is off or full, or another tab saved.
    pub fn blocked(&self, store: &dyn Storage) -> bool {
        !store.available() || self.conflict || self.full
    }

    /// Notes a change to save.
    pub fn changed(&mut self) {
        self.due = true;
        self.edits += 1;
    }

    /// The save text of `doc` as save `rev` of this tab.
    pub fn text(&self, doc: Doc<'_>, rev: u64, at: &At) -> String {
        save_text_with(
            doc.assessment,
            doc.drafts,
            rev,
            &self.writer,
            &at.iso,
            &self.lineage,
        )
    }

    /// Whether the stored save (`rev` by `writer`) was written by another tab since this one
    /// last wrote or read it. Revs alone do not tell: a history started over (the key was
    /// cleared) or two tabs writing at once reuse them.
    fn saved_elsewhere(&self, rev: u64, writer: &str) -> bool {
        writer != self.writer && (rev != self.seen.0 || writer != self.seen.1)
    }

    /// Saves `doc` if changes are due, unless another tab saved since (then this tab's work is
    /// kept under `<key>:unsaved:<writer>` and the official is asked). Blocked with nothing new
    /// since the last try, it touches nothing (the 400 ms tick would otherwise read and write
    /// the whole save every time).
    pub fn save(&mut self, store: &mut dyn Storage, doc: Doc<'_>, at: &At) -> Outcome {
        if !self.due || !store.available() {
            return Outcome::Idle;
        }
        if self.tried == self.edits && self.blocked(store) {
            return Outcome::Idle;
        }
        self.tried = self.edits;
        if let Some(text) = store.get(&self.key) {
            match restore(&text) {
                Restored::Saved { rev, writer, .. } => {
                    if self.saved_elsewhere(rev, &writer) {
                        let mine = self.text(doc, self.rev, at);
                        let _ = store.set(&format!("{}:unsaved:{}", self.key, self.writer), &mine);
                        return Outcome::Asked {
                            first: !std::mem::replace(&mut self.conflict, true),
                        };
                    }
                }
                // Unreadable (damaged, or a later version's format): kept before it is replaced.
                Restored::Corrupt { .. } => {
                    storage::backup(store, &self.key, "corrupt", &text, at.ms);
                }
            }
        }
        self.write(store, doc, at)
    }

    /// Writes `doc` as this tab's next save, asking nothing.
    pub fn write(&mut self, store: &mut dyn Storage, doc: Doc<'_>, at: &At) -> Outcome {
        self.due = true;
        let text = self.text(doc, self.rev + 1, at);
        match store.set(&self.key, &text) {
            Ok(()) => {
                self.rev += 1;
                join_lineage(&mut self.lineage, &[(self.rev, self.writer.clone())]);
                self.seen = (self.rev, self.writer.clone());
                self.from = Some(self.seen.clone());
                self.base = doc.assessment.clone();
                self.due = false;
                self.full = false;
                Outcome::Written
            }
            Err(SaveError::Full) => Outcome::Full {
                first: !std::mem::replace(&mut self.full, true),
            },
            Err(SaveError::Unavailable) => Outcome::Idle,
        }
    }

    /// Another tab's write was heard of (the browser's `storage` event): true when the save
    /// stored now is another tab's and this tab is newly asked. The save stored now, not the
    /// event's: events can arrive late, after this tab read a newer save.
    pub fn heard(&mut self, store: &dyn Storage) -> bool {
        let theirs = store.get(&self.key).map(|t| restore(&t));
        match theirs {
            Some(Restored::Saved { rev, writer, .. }) if self.saved_elsewhere(rev, &writer) => {
                !std::mem::replace(&mut self.conflict, true)
            }
            _ => false,
        }
    }

    /// The stored save (`rev` by `writer`) is to be written over on purpose: the next write
    /// goes after it (and after every rev this tab used: its own saves stay unique by rev), and
    /// claims no descent from it (`base` is no save at all until that write lands).
    fn took_over(&mut self, rev: u64, writer: String) {
        self.rev = self.rev.max(rev);
        self.seen = (rev, writer);
        self.from = None;
    }

    /// Before writing over the stored save without asking (answers replaced, a closed tab's
    /// work restored): if another tab saved since this one did, its save is kept as a backup
    /// and this write goes after it, so that tab is asked in turn instead of overwriting this.
    /// This tab's own waiting copy is settled by the write.
    fn adopt_newer(&mut self, store: &mut dyn Storage, at: &At) {
        if let Some(theirs) = store.get(&self.key) {
            match restore(&theirs) {
                Restored::Saved { rev, writer, .. } => {
                    if self.saved_elsewhere(rev, &writer) {
                        storage::backup(store, &self.key, "backup", &theirs, at.ms);
                        self.took_over(rev, writer);
                    }
                }
                Restored::Corrupt { .. } => {
                    storage::backup(store, &self.key, "corrupt", &theirs, at.ms);
                }
            }
        }
        self.conflict = false;
        store.remove(&format!("{}:unsaved:{}", self.key, self.writer));
    }

    /// Replaces what is on screen (`mine`, backed up first, edits still waiting for the
    /// debounced save included) with `with`, and writes it.
    pub fn replace(
        &mut self,
        store: &mut dyn Storage,
        mine: Doc<'_>,
        with: Doc<'_>,
        at: &At,
    ) -> Outcome {
        let current = self.text(mine, self.rev, at);
        storage::backup(store, &self.key, "backup", &current, at.ms);
        self.adopt_newer(store, at);
        self.write(store, with, at)
    }

    /// The official's answer to "changed in another tab". What gives way is kept under a
    /// backup key; an unreadable other save counts as "keep this one".
    pub fn settle(
        &mut self,
        store: &mut dyn Storage,
        how: Choice,
        mine: Doc<'_>,
        at: &At,
    ) -> Settled {
        self.conflict = false;
        // This tab's copy kept while it waited is settled now (what gives way is backed up
        // below): the next visit must not offer it as work of a closed tab.
        store.remove(&format!("{}:unsaved:{}", self.key, self.writer));
        let theirs = store.get(&self.key).unwrap_or_default();
        let Restored::Saved {
            assessment,
            rev,
            drafts,
            mut lineage,
            writer,
            problems,
        } = restore(&theirs)
        else {
            return Settled::Kept(self.keep_mine(store, &theirs, mine, at));
        };
        if !problems.is_empty() && how != Choice::Keep {
            // Read only in part (e.g. written by a newer version): kept before it is used.
            storage::backup(store, &self.key, "damaged", &theirs, at.ms);
            self.damaged = problems;
        }
        // Whether their save started from this tab's: then what they emptied, they cleared.
        let descended = self.from.as_ref().is_some_and(|f| lineage.contains(f));
        let theirs_id = (rev, writer);
        join_lineage(&mut lineage, std::slice::from_ref(&theirs_id));
        if how == Choice::Keep {
            self.took_over(theirs_id.0, theirs_id.1);
            return Settled::Kept(self.keep_mine(store, &theirs, mine, at));
        }
        let current = self.text(mine, self.rev, at);
        storage::backup(store, &self.key, "backup", &current, at.ms);
        // Combined, `base` is no save until the write lands (so a failed write cannot make a
        // later save look descended from it); loaded, it is theirs.
        self.took_over(theirs_id.0, theirs_id.1.clone());
        if how == Choice::Load {
            self.base = (*assessment).clone();
            self.from = Some(theirs_id);
            self.lineage = lineage;
            self.due = false;
            return Settled::Loaded {
                assessment: *assessment,
                drafts,
            };
        }
        // The write below replaces the other tab's save: it is kept too.
        storage::backup(store, &self.key, "backup", &theirs, at.ms);
        let (merged, clashes) = mine.assessment.merge(&self.base, &assessment, descended);
        join_lineage(&mut self.lineage, &lineage);
        let outcome = self.write(
            store,
            Doc {
                assessment: &merged,
                drafts: mine.drafts,
            },
            at,
        );
        Settled::Merged {
            assessment: merged,
            clashes,
            outcome,
        }
    }

    /// Saves this tab's version over the other's, which is kept under a backup key.
    fn keep_mine(
        &mut self,
        store: &mut dyn Storage,
        theirs: &str,
        mine: Doc<'_>,
        at: &At,
    ) -> Outcome {
        if !theirs.is_empty() {
            storage::backup(store, &self.key, "backup", theirs, at.ms);
        }
        self.write(store, mine, at)
    }

    /// Whether work of tabs closed while they could not save is waiting.
    pub fn has_left(&self, store: &dyn Storage) -> bool {
        !storage::backups(store, &self.key, "unsaved").is_empty()
    }

    /// The work of tabs closed while they could not save, restored into `mine` (what is here
    /// wins where both have something; where they differed is listed once) and written, or
    /// (`restore_it` false) set aside. Either way the copies move to the `closed` backups.
    /// Returns the combined answers, where they differed and the write, when restored.
    pub fn left_work(
        &mut self,
        store: &mut dyn Storage,
        restore_it: bool,
        mine: Doc<'_>,
        at: &At,
    ) -> Option<(Assessment, Vec<String>, Outcome)> {
        let left = storage::backups(store, &self.key, "unsaved");
        if !restore_it || left.is_empty() {
            storage::retire(store, &self.key, &left, at.ms);
            return None;
        }
        // Another tab may have saved since this one did: keep its save and go after it.
        self.adopt_newer(store, at);
        let mut a = mine.assessment.clone();
        let mut differ: Vec<String> = Vec::new();
        for (_, text) in &left {
            // A copy read only in part stays whole under `:closed:` (below); it is told.
            if let Restored::Saved {
                assessment,
                problems,
                ..
            } = restore(text)
            {
                self.damaged.extend(problems);
                let (merged, clashes) = a.merge(&Assessment::default(), &assessment, false);
                a = merged;
                for id in clashes {
                    if !differ.contains(&id) {
                        differ.push(id);
                    }
                }
            }
        }
        storage::retire(store, &self.key, &left, at.ms);
        let doc = Doc {
            assessment: &a,
            drafts: mine.drafts,
        };
        let outcome = self.write(store, doc, at);
        Some((a, differ, outcome))
    }
}
