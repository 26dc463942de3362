//! What the widget's buttons and file fields ask for: one enum, named in the page by a
//! `data-act` attribute. [`Action::parse`] is the only place that reads such a name.

/// A request from one of the widget's controls.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Switch between Indonesian and English.
    Lang,
    /// Download the JSON export.
    ExportJson,
    /// Download the CSV export.
    ExportCsv,
    /// Print the assessment.
    Print,
    /// Open a file to replace the answers (a file field).
    Import,
    /// Open last year's file for the comparison (a file field).
    ImportPrevious,
    /// Start over with empty answers (asks first).
    Reset,
    /// Bring back the answers a reset replaced.
    UndoReset,
    /// Show or fold the whole advice plan.
    PlanMore,
    /// Clear one indicator's answer (`data-i`).
    Clear,
    /// Draw the next cards of a long tab.
    More,
    /// Go to an indicator's card (`data-i`).
    Goto,
    /// Show the notices saying why changes are not saved.
    Notices,
    /// Close a notice (`data-n`).
    Dismiss,
    /// Replace the answers with the opened file's.
    ImportConfirm,
    /// Forget the opened file.
    ImportCancel,
    /// Another tab saved: use its version.
    OtherLoad,
    /// Another tab saved: combine both versions.
    OtherMerge,
    /// Another tab saved: keep this tab's version.
    OtherKeep,
    /// Bring back the work of tabs closed while they could not save.
    LeftRestore,
    /// Set that work aside (kept as a closed backup).
    LeftDrop,
    /// Go to the next unanswered indicator (or say that none is left).
    NextUnanswered,
    /// Open the next tab at its first indicator.
    NextGroup,
    /// Go back to where the official was before following a link to an indicator.
    Back,
    /// Show or fold every level's criteria on one indicator's card (`data-i`).
    Levels,
    /// Use the opened last year's file for the comparison (replacing the one kept).
    PreviousConfirm,
    /// Forget the opened last year's file (the one kept stays).
    PreviousCancel,
    /// Open or close the team panel.
    Team,
    /// Add the unit named in the new-unit field.
    UnitAdd,
    /// Remove a unit (`data-unit`); asks first when it holds assignments.
    UnitRemove,
    /// Show a unit's indicators in the assignment list (`data-unit`; empty: the unassigned).
    TeamShow,
    /// Download a unit's share (`data-unit`), or on a unit's page the share as filled.
    ShareExport,
    /// Open returned shares for review (a file field taking several files).
    ShareImport,
    /// Apply the reviewed shares (every conflict chosen).
    MergeApply,
    /// Forget the reviewed shares.
    MergeCancel,
    /// Confirm an answer proposed from last year's file (`data-i`).
    BaselineKeep,
    /// Clear an answer proposed from last year's file (`data-i`).
    BaselineDrop,
}

/// Every action with its name in the page.
const NAMES: [(Action, &str); 37] = [
    (Action::Lang, "lang"),
    (Action::ExportJson, "export-json"),
    (Action::ExportCsv, "export-csv"),
    (Action::Print, "print"),
    (Action::Import, "import"),
    (Action::ImportPrevious, "import-prev"),
    (Action::Reset, "reset"),
    (Action::UndoReset, "undo-reset"),
    (Action::PlanMore, "plan-more"),
    (Action::Clear, "clear"),
    (Action::More, "more"),
    (Action::Goto, "goto"),
    (Action::Notices, "notices"),
    (Action::Dismiss, "dismiss"),
    (Action::ImportConfirm, "import-confirm"),
    (Action::ImportCancel, "import-cancel"),
    (Action::OtherLoad, "other-load"),
    (Action::OtherMerge, "other-merge"),
    (Action::OtherKeep, "other-keep"),
    (Action::LeftRestore, "left-restore"),
    (Action::LeftDrop, "left-drop"),
    (Action::NextUnanswered, "next-unanswered"),
    (Action::NextGroup, "next-group"),
    (Action::Back, "back"),
    (Action::Levels, "levels"),
    (Action::PreviousConfirm, "previous-confirm"),
    (Action::PreviousCancel, "previous-cancel"),
    (Action::Team, "team"),
    (Action::UnitAdd, "unit-add"),
    (Action::UnitRemove, "unit-remove"),
    (Action::TeamShow, "team-show"),
    (Action::ShareExport, "share-export"),
    (Action::ShareImport, "share-import"),
    (Action::MergeApply, "merge-apply"),
    (Action::MergeCancel, "merge-cancel"),
    (Action::BaselineKeep, "baseline-keep"),
    (Action::BaselineDrop, "baseline-drop"),
];

impl Action {
    /// The action a `data-act` attribute names; `None` for any other text.
    ///
    /// ```
    /// use swanilai::view::Action;
    /// assert_eq!(Action::parse("import-prev"), Some(Action::ImportPrevious));
    /// assert_eq!(Action::parse("Import"), None);
    /// ```
    pub fn parse(name: &str) -> Option<Action> {
        NAMES.iter().find(|(_, n)| *n == name).map(|(a, _)| *a)
    }

    /// Its name in the page (the `data-act` attribute).
    pub fn name(self) -> &'static str {
        NAMES
            .iter()
            .find(|(a, _)| *a == self)
            .map_or("", |(_, n)| n)
    }

    /// A CSS selector for the controls asking for it: `[data-act="reset"]`.
    pub fn selector(self) -> String {
        format!("[data-act=\"{}\"]", self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_has_one_name_that_reads_back() {
        for (a, n) in NAMES {
            assert_eq!(a.name(), n);
            assert_eq!(Action::parse(n), Some(a));
            assert_eq!(NAMES.iter().filter(|(b, m)| *b == a || *m == n).count(), 1);
        }
        assert_eq!(Action::Reset.selector(), "[data-act=\"reset\"]");
        for other in ["", "LANG", "lang ", "other", "import-previous"] {
            assert_eq!(Action::parse(other), None, "{other}");
        }
    }
}
