//! The save protocol's wiring: the widget hands what is on screen to [`SaveTab`] (the pure
//! core's side of one tab, in [`crate::autosave`]) and shows what became of it: the time of
//! the last save, a warning that another tab saved or storage is full, the official's choice,
//! the work of tabs closed while they could not save.

use super::{Emits, Inner, Notice};
use crate::Assessment;
use crate::autosave::{self, At, Choice, Doc, Draft, Outcome, Settled, Told, place_drafts};
use crate::view::{self, Action, Ui};

/// Now, for the save protocol.
pub(crate) fn at() -> At {
    At {
        iso: super::now_iso(),
        ms: js_sys::Date::now() as u64,
    }
}

/// The notice for what the official is told when the widget opens.
pub(crate) fn notice(told: Told) -> Notice {
    match told {
        Told::StorageUnavailable => Notice::Text(Ui::StorageUnavailable, Vec::new()),
        Told::StorageFull => Notice::Text(Ui::StorageFull, Vec::new()),
        Told::DroppedDrafts(items) => Notice::Text(Ui::DroppedDrafts, items),
        Told::OtherVersion => Notice::Text(Ui::SavedOtherVersion, Vec::new()),
        Told::Corrupt(_) => Notice::Text(Ui::SavedCorrupt, Vec::new()),
        Told::Damaged(problems, _) => Notice::Damaged(problems),
        Told::Left => Notice::Left,
    }
}

impl Inner {
    /// The number text kept beside the answers, by indicator id.
    pub(crate) fn drafts_out(&self) -> Vec<Draft> {
        (self.drafts.iter())
            .map(|(i, text, lang)| Draft {
                indicator: self.scorer.indicator(*i).id.clone(),
                text: text.clone(),
                lang: *lang,
            })
            .collect()
    }

    /// Saves what is on screen if changes are due (see [`SaveTab::save`]).
    pub(crate) fn save_now(&mut self) {
        let drafts = self.drafts_out();
        let doc = Doc {
            assessment: &self.a,
            drafts: &drafts,
        };
        let outcome = self.saving.save(&mut self.store, doc, &at());
        self.saved(outcome);
    }

    /// Shows what became of a save: its time, or a warning the first time it could not be
    /// written.
    pub(crate) fn saved(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Written => {
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
            Outcome::Asked { first: true } => self.warned(true),
            Outcome::Full { first: true } => self.warned(false),
            Outcome::Asked { .. } | Outcome::Full { .. } | Outcome::Idle => {}
        }
    }

    /// Whether changes cannot be saved now: storage is off or full, or another tab saved.
    /// (Not read from the notices: the official may close one, and nothing is saved still.)
    pub(crate) fn blocked(&self) -> bool {
        self.saving.blocked(&self.store)
    }

    /// Another tab saved (`other_tab`) or storage is full, for the first time: shows the
    /// notice saying so and reads it out (it may be far off screen).
    pub(crate) fn warned(&mut self, other_tab: bool) {
        self.blocking_notices();
        self.render_notices();
        let key = if other_tab {
            Ui::OtherTab
        } else {
            Ui::StorageFull
        };
        self.announce(self.t(key));
    }

    /// Puts back the notices of what keeps changes from being saved (after the official
    /// closed one, the sticky warning leads back to it).
    pub(crate) fn blocking_notices(&mut self) {
        let why = [
            (self.saving.conflict(), Ui::OtherTab),
            (self.saving.full(), Ui::StorageFull),
            (
                !autosave::Storage::available(&self.store),
                Ui::StorageUnavailable,
            ),
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

    /// Lists what another tab's save (or a closed tab's copy) just used lost in reading.
    fn told_damaged(&mut self) {
        let lost = self.saving.take_damaged();
        if !lost.is_empty() {
            self.notices.push(Notice::Damaged(lost));
        }
    }

    /// Drops the "another tab saved" notice once this tab is no longer waiting.
    fn settle_notices(&mut self) {
        if !self.saving.conflict() {
            self.notices.retain(|n| !matches!(n, Notice::OtherTab));
        }
    }

    /// The browser's `storage` event for this widget's key: another tab may have saved.
    pub(crate) fn heard(&mut self) {
        if self.saving.heard(&self.store) {
            self.warned(true);
        }
    }

    /// Replaces the answers (and kept number text), backing up what is on screen first,
    /// edits still waiting for the debounced save included.
    pub(crate) fn replace(&mut self, a: Assessment, drafts: super::Drafts) -> Emits {
        // Lines waiting in a links field belong to the answers being replaced (and backed up).
        let _ = self.settle_waiting_links();
        let mine = self.drafts_out();
        let old = std::mem::replace(&mut self.a, a);
        self.drafts = drafts;
        self.typing = None;
        let next = self.drafts_out();
        let outcome = self.saving.replace(
            &mut self.store,
            Doc {
                assessment: &old,
                drafts: &mine,
            },
            Doc {
                assessment: &self.a,
                drafts: &next,
            },
            &at(),
        );
        self.settle_notices();
        self.saved(outcome);
        self.full_refresh()
    }

    /// The official's answer to "changed in another tab": use that version, combine both or
    /// keep this one (see [`SaveTab::settle`]).
    pub(crate) fn settle(&mut self, how: Action) -> Emits {
        let how = match how {
            Action::OtherLoad => Choice::Load,
            Action::OtherMerge => Choice::Merge,
            _ => Choice::Keep,
        };
        let drafts = self.drafts_out();
        let doc = Doc {
            assessment: &self.a,
            drafts: &drafts,
        };
        let settled = self.saving.settle(&mut self.store, how, doc, &at());
        self.settle_notices();
        self.told_damaged();
        match settled {
            Settled::Kept(outcome) => {
                self.saved(outcome);
                self.render_notices();
                vec![]
            }
            Settled::Loaded { assessment, drafts } => {
                self.a = assessment;
                self.drafts = self.placed_drafts(drafts);
                self.full_refresh()
            }
            Settled::Merged {
                assessment,
                clashes,
                outcome,
            } => {
                self.a = assessment;
                let said = self.merged_notice(&clashes);
                self.saved(outcome);
                let emits = self.full_refresh();
                self.announce(&said);
                emits
            }
        }
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

    /// The work of tabs closed while they could not save: restored (combined with what is
    /// here, which wins where both have something; what differed is listed once) or set
    /// aside (see [`SaveTab::left_work`]).
    pub(crate) fn left_work(&mut self, restore_it: bool) -> Emits {
        self.notices.retain(|n| !matches!(n, Notice::Left));
        let drafts = self.drafts_out();
        let doc = Doc {
            assessment: &self.a,
            drafts: &drafts,
        };
        let left = self
            .saving
            .left_work(&mut self.store, restore_it, doc, &at());
        self.told_damaged();
        let Some((a, differ, outcome)) = left else {
            self.render_notices();
            return vec![];
        };
        self.settle_notices();
        self.a = a;
        let said = self.merged_notice(&differ);
        self.saved(outcome);
        let emits = self.full_refresh();
        self.announce(&said);
        emits
    }
}
