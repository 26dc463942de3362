//! The save protocol told as stories: tabs of one browser share one storage, and each story
//! walks them step by step, as the browser tests in tests/e2e/reliability-persistence,
//! widget-persist and widget-draft do, natively against `autosave::Tab` and an in-memory
//! storage. Each step is a line of a table; a failing expectation names its story and step.
//!
//! The runner does what the widget does around the protocol: a pick, a cleared answer or a
//! replacement is saved at once, text on the next tick; after every step each other open tab
//! hears of the stored save (the browser's `storage` event).

#![cfg(not(target_arch = "wasm32"))] // the built-in sets are native only

use swanilai::autosave::{
    At, Choice, Doc, Draft, Memory, Outcome, Restored, Settled, Storage, Tab, Told, keep_previous,
    previous, restore,
};
use swanilai::model::Lang;
use swanilai::{Assessment, IndicatorSet, Scorer, Value};

const KEY: &str = "swanilai:s:default";

/// One step of a story. Tabs are numbered 0, 1, ... (A, B, ...).
#[derive(Clone, Copy, Debug)]
enum Step {
    /// Tab n opens (or reloads): a fresh widget on the stored save.
    Open(usize),
    /// Tab n reloads, and shows what it showed before (answers, region, number text).
    Reload(usize),
    /// Tab n is closed.
    Close(usize),
    /// Tab n picks a value (saved at once).
    Pick(usize, &'static str, f64),
    /// Tab n clears an answer (saved at once).
    Clear(usize, &'static str),
    /// Tab n writes notes (saved on the tick).
    Note(usize, &'static str, &'static str),
    /// Tab n types the region's name (saved on the tick).
    RegionName(usize, &'static str),
    /// Tab n types number text the field refuses (kept as a draft; saved on the tick).
    Type(usize, &'static str, &'static str),
    /// The 400 ms tick in tab n: saves what is due.
    Tick(usize),
    /// Tab n answers "another tab saved".
    Choose(usize, Choice),
    /// Tab n restores (true) or sets aside (false) the work of closed tabs.
    Left(usize, bool),
    /// Tab n replaces its answers (setAssessment, a confirmed import) with these.
    Replace(usize, &'static [(&'static str, f64)]),
    /// Tab n resets (the region stays); and undoes its last reset.
    Reset(usize),
    Undo(usize),
    /// Tab n keeps last year's assessment with this answer.
    KeepPrevious(usize, &'static str, f64),
    /// Someone writes this text under `<KEY><suffix>` (a damaged save, a left copy).
    Poke(&'static str, &'static str),
    /// The saved key is lost (cleared by hand, or by the browser).
    Lose,
    /// The storage fills up (true) or has room again.
    Full(bool),
    /// Remember the number of writes so far.
    Mark,

    // Expectations.
    /// The stored save's answer.
    Stored(&'static str, Option<f64>),
    /// The stored save's rev.
    Rev(u64),
    /// The stored save's number text, as (indicator, text).
    StoredDrafts(&'static [(&'static str, &'static str)]),
    /// Tab n shows this answer.
    Shows(usize, &'static str, Option<f64>),
    /// Tab n shows these notes.
    ShowsNote(usize, &'static str, &'static str),
    /// Tab n shows this number text (refused, kept).
    ShowsDraft(usize, &'static str, &'static str),
    /// Tab n's save is what it shows.
    StoredIsShown(usize),
    /// Tab n is waiting for the official's choice (another tab saved).
    Asked(usize, bool),
    /// Tab n's last save attempt.
    Last(usize, Outcome),
    /// Tab n was told this when it opened (`corrupt`, `damaged`, `full`, `unavailable`,
    /// `version`, `drafts`, `left`), or not (false).
    Told(usize, &'static str, bool),
    /// Tab n's last choice or restore left this many parts out of a save read in part.
    ToldDamaged(usize, usize),
    /// The paths tab n was told were left out of a damaged save.
    DamagedPaths(usize, &'static [&'static str]),
    /// The number text tab n was told it dropped.
    DroppedDrafts(usize, &'static [&'static str]),
    /// After combining, where the versions differed.
    Clashes(usize, &'static [&'static str]),
    /// Some copy under `<KEY>:<label>:` has these answers (None: no answer).
    Backup(&'static str, &'static [(&'static str, Option<f64>)]),
    /// Some copy under `<KEY>:<label>:` is exactly the text poked under `<KEY><suffix>` earlier.
    BackupIsPoked(&'static str, &'static str),
    /// How many copies `<KEY>:<label>:` holds.
    Copies(&'static str, usize),
    /// Whether `<KEY><suffix>` is stored.
    Present(&'static str, bool),
    /// How many writes since the last `Mark`.
    Writes(usize),
    /// Last year's assessment, as stored, has this answer.
    Previous(&'static str, Option<f64>),
}
use Step::*;

/// One open tab as the widget holds it.
struct Open {
    tab: Tab,
    a: Assessment,
    drafts: Vec<Draft>,
    told: Vec<Told>,
    asked: bool,
    last: Outcome,
    clashes: Vec<String>,
    reset: Option<(Assessment, Vec<Draft>)>,
}

struct World {
    set: &'static IndicatorSet,
    scorer: Scorer<'static>,
    store: Memory,
    tabs: Vec<Option<Open>>,
    clock: u64,
    writes: usize,
    poked: Vec<(&'static str, &'static str)>,
}

fn leak_set(id: &str) -> &'static IndicatorSet {
    Box::leak(Box::new(swanilai::builtin::get(id).expect("built-in set")))
}

impl World {
    fn new(set_id: &str) -> World {
        let set = leak_set(set_id);
        World {
            set,
            scorer: Scorer::new(set),
            store: Memory::default(),
            tabs: Vec::new(),
            clock: 1_700_000_000_000,
            writes: 0,
            poked: Vec::new(),
        }
    }

    fn at(&mut self) -> At {
        self.clock += 1_000;
        At {
            iso: format!("t{}", self.clock),
            ms: self.clock,
        }
    }

    fn tab(&mut self, n: usize) -> &mut Open {
        self.tabs[n].as_mut().expect("the tab is open")
    }

    fn open(&mut self, n: usize) {
        let at = self.at();
        let given = Assessment::new(&self.set.id, &self.set.version);
        let o = Tab::open(
            &mut self.store,
            KEY,
            &format!("w{n}"),
            &self.scorer,
            given,
            &at,
        );
        let drafts = o
            .drafts
            .into_iter()
            .map(|(i, text, lang)| Draft {
                indicator: self.scorer.indicator(i).id.clone(),
                text,
                lang,
            })
            .collect();
        if self.tabs.len() <= n {
            self.tabs.resize_with(n + 1, || None);
        }
        self.tabs[n] = Some(Open {
            tab: o.tab,
            a: o.assessment,
            drafts,
            told: o.told,
            asked: false,
            last: Outcome::Idle,
            clashes: Vec::new(),
            reset: None,
        });
    }

    /// Saves tab n now if due (what the widget does right after a pick, and on the tick).
    fn save(&mut self, n: usize) {
        let at = self.at();
        let t = self.tabs[n].as_mut().expect("open");
        let doc = Doc {
            assessment: &t.a,
            drafts: &t.drafts,
        };
        t.last = t.tab.save(&mut self.store, doc, &at);
        if let Outcome::Asked { .. } = t.last {
            t.asked = true;
        }
    }

    fn edit(&mut self, n: usize, f: impl FnOnce(&mut Open), now: bool) {
        let t = self.tab(n);
        f(t);
        t.tab.changed();
        if now {
            self.save(n);
        }
    }

    /// Every open tab hears of the stored save (the `storage` event).
    fn hear(&mut self) {
        for t in self.tabs.iter_mut().flatten() {
            if t.tab.heard(&self.store) {
                t.asked = true;
            }
        }
    }

    fn stored(&self) -> Option<(Assessment, u64, Vec<Draft>)> {
        match restore(&self.store.get(KEY)?) {
            Restored::Saved {
                assessment,
                rev,
                drafts,
                ..
            } => Some((*assessment, rev, drafts)),
            Restored::Corrupt { .. } => None,
        }
    }

    fn copies(&self, label: &str) -> Vec<String> {
        swanilai::autosave::storage::backups(&self.store, KEY, label)
            .into_iter()
            .map(|(_, t)| t)
            .collect()
    }

    fn run(&mut self, step: Step) -> Result<(), String> {
        match step {
            Open(n) => self.open(n),
            Reload(n) => {
                let before = self.tab(n);
                let (a, drafts) = (before.a.clone(), before.drafts.clone());
                self.save(n); // pagehide
                self.open(n);
                let after = self.tab(n);
                check(
                    after.a.answers == a.answers,
                    "the answers came back",
                    &after.a.answers,
                )?;
                check(
                    after.a.region == a.region,
                    "the region came back",
                    &after.a.region,
                )?;
                check(
                    after.drafts == drafts,
                    "the number text came back",
                    &after.drafts,
                )?;
            }
            Close(n) => self.tabs[n] = None,
            Pick(n, id, v) => self.edit(n, |t| t.a.set_value(id, Value::Number(v)), true),
            Clear(n, id) => self.edit(
                n,
                |t| {
                    if let Some(x) = t.a.answers.get_mut(id) {
                        x.value = None;
                    }
                    t.drafts.retain(|d| d.indicator != id);
                },
                true,
            ),
            Note(n, id, text) => self.edit(
                n,
                |t| t.a.answers.entry(id.into()).or_default().notes = text.into(),
                false,
            ),
            RegionName(n, text) => self.edit(n, |t| t.a.region.name = text.into(), false),
            Type(n, id, text) => {
                let (scorer, set) = (&self.scorer, self.set);
                let i = scorer.indicator_index(id).ok_or("no such indicator")?;
                let kind = &scorer.indicator(i).answer;
                let read = swanilai::view::read_number(kind, &set.scale, text, Lang::Id, Lang::Id);
                check(read.is_err(), "the field refuses the text", &read)?;
                self.edit(
                    n,
                    |t| {
                        t.drafts.retain(|d| d.indicator != id);
                        t.drafts.push(Draft {
                            indicator: id.into(),
                            text: text.into(),
                            lang: Lang::Id,
                        });
                    },
                    false,
                );
            }
            Tick(n) => self.save(n),
            Choose(n, how) => {
                let at = self.at();
                let t = self.tabs[n].as_mut().expect("open");
                t.asked = false;
                let doc = Doc {
                    assessment: &t.a,
                    drafts: &t.drafts,
                };
                match t.tab.settle(&mut self.store, how, doc, &at) {
                    Settled::Kept(out) => t.last = out,
                    Settled::Loaded { assessment, drafts } => {
                        t.a = assessment;
                        t.drafts = drafts;
                    }
                    Settled::Merged {
                        assessment,
                        clashes,
                        outcome,
                    } => {
                        t.a = assessment;
                        t.clashes = clashes;
                        t.last = outcome;
                    }
                }
            }
            Left(n, restore_it) => {
                let at = self.at();
                let t = self.tabs[n].as_mut().expect("open");
                let doc = Doc {
                    assessment: &t.a,
                    drafts: &t.drafts,
                };
                if let Some((a, clashes, out)) =
                    t.tab.left_work(&mut self.store, restore_it, doc, &at)
                {
                    t.a = a;
                    t.clashes = clashes;
                    t.last = out;
                    t.asked = t.tab.conflict();
                }
            }
            Replace(n, answers) => {
                let mut with = Assessment::new(&self.set.id, &self.set.version);
                for (id, v) in answers {
                    with.set_value(id, Value::Number(*v));
                }
                self.replace(n, with, Vec::new());
            }
            Reset(n) => {
                let t = self.tab(n);
                t.reset = Some((t.a.clone(), t.drafts.clone()));
                let mut fresh = Assessment::new(&self.set.id, &self.set.version);
                fresh.region = self.tab(n).a.region.clone();
                self.replace(n, fresh, Vec::new());
            }
            Undo(n) => {
                let (a, drafts) = self.tab(n).reset.take().ok_or("no reset to undo")?;
                self.replace(n, a, drafts);
            }
            KeepPrevious(n, id, v) => {
                let at = self.at();
                let mut p = self.tab(n).a.clone();
                p.set_value(id, Value::Number(v));
                // A full storage keeps the old entry; the widget tells the official.
                let _ = keep_previous(
                    &mut self.store,
                    KEY,
                    Some(&swanilai::autosave::Previous::given(p)),
                    &at,
                );
            }
            Poke(suffix, text) => {
                self.store
                    .items
                    .insert(format!("{KEY}{suffix}"), text.into());
                self.poked.push((suffix, text));
            }
            Lose => self.store.remove(KEY),
            Full(on) => self.store.full = on,
            Mark => self.writes = self.store.writes,

            Stored(id, want) => {
                let (a, ..) = self.stored().ok_or("no readable save")?;
                let got = number(&a, id);
                check(got == want, &format!("stored {id} is {want:?}"), &got)?;
            }
            Rev(want) => {
                let (_, rev, _) = self.stored().ok_or("no readable save")?;
                check(rev == want, &format!("stored rev is {want}"), &rev)?;
            }
            StoredDrafts(want) => {
                let (.., drafts) = self.stored().ok_or("no readable save")?;
                let got: Vec<(&str, &str)> = drafts
                    .iter()
                    .map(|d| (d.indicator.as_str(), d.text.as_str()))
                    .collect();
                check(got == want, &format!("stored drafts are {want:?}"), &got)?;
            }
            Shows(n, id, want) => {
                let got = number(&self.tab(n).a, id);
                check(got == want, &format!("tab {n} shows {id} = {want:?}"), &got)?;
            }
            ShowsNote(n, id, want) => {
                let got = self.tab(n).a.answers.get(id).map(|x| x.notes.clone());
                check(got.as_deref() == Some(want), "the notes", &got)?;
            }
            ShowsDraft(n, id, want) => {
                let t = self.tab(n);
                let got = t
                    .drafts
                    .iter()
                    .find(|d| d.indicator == id)
                    .map(|d| d.text.as_str());
                check(
                    got == Some(want),
                    &format!("tab {n} shows {id}'s text"),
                    &got,
                )?;
            }
            StoredIsShown(n) => {
                let (a, ..) = self.stored().ok_or("no readable save")?;
                let shown = self.tab(n).a.answers.clone();
                check(
                    a.answers == shown,
                    "the save is what the tab shows",
                    &a.answers,
                )?;
            }
            Asked(n, want) => {
                let got = self.tab(n).asked;
                check(got == want, &format!("tab {n} asked: {want}"), &got)?;
            }
            Last(n, want) => {
                let got = self.tab(n).last;
                check(got == want, &format!("tab {n}'s last save {want:?}"), &got)?;
            }
            Told(n, what, want) => {
                let told = &self.tab(n).told;
                let got = told.iter().any(|t| told_name(t) == what);
                check(got == want, &format!("tab {n} told {what}: {want}"), told)?;
            }
            ToldDamaged(n, want) => {
                let got = self.tab(n).tab.take_damaged().len();
                check(got == want, "parts left out and told", &got)?;
            }
            DamagedPaths(n, want) => {
                let told = &self.tab(n).told;
                let paths: Vec<&str> = told
                    .iter()
                    .find_map(|t| match t {
                        Told::Damaged(problems, _) => {
                            Some(problems.iter().map(|p| p.path.as_str()).collect())
                        }
                        _ => None,
                    })
                    .unwrap_or_default();
                check(paths == want, "the paths left out", &paths)?;
            }
            DroppedDrafts(n, want) => {
                let told = &self.tab(n).told;
                let got: Vec<String> = told
                    .iter()
                    .find_map(|t| match t {
                        Told::DroppedDrafts(d) => Some(d.clone()),
                        _ => None,
                    })
                    .unwrap_or_default();
                check(got == want, "the dropped number text", &got)?;
            }
            Clashes(n, want) => {
                let got = &self.tab(n).clashes;
                check(got == want, "where the versions differed", got)?;
            }
            Backup(label, answers) => {
                let copies = self.copies(label);
                let holds = copies.iter().any(|text| match restore(text) {
                    Restored::Saved { assessment, .. } => {
                        answers.iter().all(|(id, v)| number(&assessment, id) == *v)
                    }
                    Restored::Corrupt { .. } => false,
                });
                check(holds, &format!("a {label} copy with {answers:?}"), &copies)?;
            }
            BackupIsPoked(label, suffix) => {
                let (_, text) = self
                    .poked
                    .iter()
                    .find(|(s, _)| *s == suffix)
                    .ok_or("not poked")?;
                let copies = self.copies(label);
                check(
                    copies.iter().any(|c| c == text),
                    "the poked text kept",
                    &copies,
                )?;
            }
            Copies(label, want) => {
                let got = self.copies(label).len();
                check(got == want, &format!("{want} {label} copies"), &got)?;
            }
            Present(suffix, want) => {
                let got = self.store.get(&format!("{KEY}{suffix}")).is_some();
                check(got == want, &format!("{suffix} present: {want}"), &got)?;
            }
            Writes(want) => {
                let got = self.store.writes - self.writes;
                check(got == want, &format!("{want} writes since the mark"), &got)?;
            }
            Previous(id, want) => {
                let p = previous(&self.store, KEY).ok_or("no previous")?;
                let got = number(&p, id);
                check(got == want, "last year's answer", &got)?;
            }
        }
        self.hear();
        Ok(())
    }

    fn replace(&mut self, n: usize, with: Assessment, drafts: Vec<Draft>) {
        let at = self.at();
        let t = self.tabs[n].as_mut().expect("open");
        let mine = Doc {
            assessment: &t.a,
            drafts: &t.drafts,
        };
        let next = Doc {
            assessment: &with,
            drafts: &drafts,
        };
        t.last = t.tab.replace(&mut self.store, mine, next, &at);
        t.asked = t.tab.conflict();
        t.a = with;
        t.drafts = drafts;
    }
}

fn number(a: &Assessment, id: &str) -> Option<f64> {
    match a.answers.get(id)?.value {
        Some(Value::Number(n)) => Some(n),
        _ => None,
    }
}

fn told_name(t: &Told) -> &'static str {
    match t {
        Told::StorageUnavailable => "unavailable",
        Told::StorageFull => "full",
        Told::DroppedDrafts(_) => "drafts",
        Told::OtherVersion => "version",
        Told::Corrupt(_) => "corrupt",
        Told::Damaged(..) => "damaged",
        Told::Left => "left",
    }
}

fn check(ok: bool, what: &str, got: &dyn std::fmt::Debug) -> Result<(), String> {
    if ok {
        Ok(())
    } else {
        Err(format!("expected {what}, got {got:?}"))
    }
}

/// Runs a story on a set; a failure names the step.
fn story(set: &str, steps: &[Step]) {
    let mut w = World::new(set);
    for (k, step) in steps.iter().enumerate() {
        if let Err(e) = w.run(*step) {
            panic!("step {} ({step:?}): {e}", k + 1);
        }
    }
}

macro_rules! stories {
    ($($(#[doc = $doc:literal])* $name:ident on $set:ident: [$($step:expr),* $(,)?];)*) => {
        $(
            $(#[doc = $doc])*
            #[test]
            fn $name() {
                story($set, &[$($step),*]);
            }
        )*
    };
}

const SPBE: &str = "spbe-2020";
const GM: &str = "gm100sc-kesiapan";

// A save wrapper around an assessment of SPBE 2020 (1 is spbe-01 and so on).
const DAMAGED: &str = r#"{"format": "swanilai-save/1", "rev": 4, "writer": "wZ", "assessment": {
  "setId": "spbe-2020", "setVersion": "2020.1", "region": "Kabupaten Banjar",
  "answers": {
    "spbe-01": {"value": 3, "notes": 7},
    "spbe-02": {"value": 4, "links": "https://example.org/sk.pdf"},
    "spbe-03": {"value": {"level": 2}, "notes": "SK 12"},
    "spbe-04": {"value": 2, "notes": "intact"}
  }}}"#;

stories! {
    /// reliability-persistence: corrupted saved data: the widget starts, explains, and keeps
    /// the text under a backup key.
    corrupt_save_is_kept_and_told on SPBE: [
        Poke("", "{\"format\": \"swanilai-save/1\", \"rev\": 3, \"assessment\": {\"answers\": "),
        Open(0), Told(0, "corrupt", true), Shows(0, "spbe-01", None),
        BackupIsPoked("corrupt", ""), Copies("corrupt", 1),
        Pick(0, "spbe-01", 3.0), Stored("spbe-01", Some(3.0)), Copies("corrupt", 1),
    ];

    /// reliability-persistence: storage full: the 400 ms tick leaves storage alone until there
    /// is something new to save.
    full_storage_is_left_alone_until_something_changes on SPBE: [
        Open(0), Full(true), Pick(0, "spbe-01", 3.0), Last(0, Outcome::Full { first: true }),
        Mark, Tick(0), Tick(0), Tick(0), Writes(0),
        Pick(0, "spbe-02", 4.0), Writes(1), Last(0, Outcome::Full { first: false }),
        Full(false), Pick(0, "spbe-03", 2.0), Last(0, Outcome::Written), Stored("spbe-02", Some(4.0)),
    ];

    /// reliability-persistence: storage full: saved answers load, the widget warns, works in
    /// memory (and exports).
    full_storage_still_loads_and_warns on SPBE: [
        Open(0), Pick(0, "spbe-01", 3.0), Close(0), Full(true),
        Open(0), Told(0, "full", true), Shows(0, "spbe-01", Some(3.0)),
        Pick(0, "spbe-02", 4.0), Shows(0, "spbe-02", Some(4.0)), Stored("spbe-02", None),
        Last(0, Outcome::Full { first: true }),
    ];

    /// reliability-persistence: a set version changed since the save: answers carried over by
    /// id, orphans kept in the next save.
    other_set_version_carries_answers_and_orphans on SPBE: [
        Poke("", r#"{"format": "swanilai-save/1", "rev": 2, "writer": "w7", "assessment": {"setId": "spbe-2020", "setVersion": "2019.9", "answers": {"spbe-01": 3, "gone-99": 2}}}"#),
        Open(0), Told(0, "version", true), Told(0, "damaged", false), Shows(0, "spbe-01", Some(3.0)),
        Pick(0, "spbe-02", 4.0), Stored("gone-99", Some(2.0)), Stored("spbe-01", Some(3.0)), Rev(3),
    ];

    /// reliability-persistence: two tabs: the later save asks instead of erasing; "load that
    /// version" works, and this tab's edit is kept as a backup.
    two_tabs_later_save_asks_and_loads_theirs on SPBE: [
        Open(0), Open(1), Pick(0, "spbe-01", 3.0), Asked(1, true),
        Pick(1, "spbe-02", 4.0), Last(1, Outcome::Asked { first: false }),
        Stored("spbe-01", Some(3.0)), Stored("spbe-02", None),
        Backup("unsaved", &[("spbe-02", Some(4.0))]), Present(":unsaved:w1", true),
        Choose(1, Choice::Load), Asked(1, false), Shows(1, "spbe-01", Some(3.0)),
        Backup("backup", &[("spbe-02", Some(4.0))]), Copies("unsaved", 0),
    ];

    /// reliability-persistence: two tabs: "keep this version" saves mine, keeps theirs as a
    /// backup, and the other tab is asked.
    two_tabs_keep_mine_and_the_other_is_asked on SPBE: [
        Open(0), Open(1), Pick(0, "spbe-01", 2.0), Pick(1, "spbe-02", 5.0), Choose(1, Choice::Keep),
        Stored("spbe-02", Some(5.0)), Backup("backup", &[("spbe-01", Some(2.0))]),
        Asked(0, true), Pick(0, "spbe-03", 1.0), Stored("spbe-03", None),
        Choose(0, Choice::Keep), Stored("spbe-03", Some(1.0)),
    ];

    /// reliability-persistence: two tabs: "combine both" keeps the answers and notes of each,
    /// and this tab's where both changed one; the other is asked in turn.
    two_tabs_combine_both on SPBE: [
        Open(0), Open(1), Pick(0, "spbe-01", 3.0), Pick(0, "spbe-03", 2.0), Asked(1, true),
        Pick(1, "spbe-02", 4.0), Pick(1, "spbe-03", 5.0), Note(1, "spbe-02", "SK Arsitektur SPBE"),
        Choose(1, Choice::Merge),
        Shows(1, "spbe-01", Some(3.0)), Shows(1, "spbe-02", Some(4.0)), Shows(1, "spbe-03", Some(5.0)),
        ShowsNote(1, "spbe-02", "SK Arsitektur SPBE"), Clashes(1, &["spbe-03"]),
        StoredIsShown(1), Asked(1, false), Last(1, Outcome::Written),
        Pick(0, "spbe-04", 1.0), Asked(0, true), Choose(0, Choice::Merge),
        Shows(0, "spbe-01", Some(3.0)), Shows(0, "spbe-02", Some(4.0)),
        Shows(0, "spbe-03", Some(5.0)), Shows(0, "spbe-04", Some(1.0)),
    ];

    /// reliability-persistence: two tabs: combining keeps an answer the other tab cleared on
    /// purpose cleared.
    two_tabs_combine_keeps_a_clear_on_purpose on SPBE: [
        Open(0), Pick(0, "spbe-01", 3.0), Pick(0, "spbe-02", 4.0),
        Open(1), Asked(1, false), Clear(1, "spbe-01"), Stored("spbe-01", None),
        Asked(0, true), Pick(0, "spbe-03", 2.0), Choose(0, Choice::Merge),
        Shows(0, "spbe-01", None), Shows(0, "spbe-02", Some(4.0)), Shows(0, "spbe-03", Some(2.0)),
        Clashes(0, &[]),
    ];

    /// reliability-persistence: a tab that restored a closed tab's work over a newer save did
    /// not start from it, so combining with it loses nothing.
    restored_over_a_newer_save_claims_no_descent on SPBE: [
        Open(0), Pick(0, "spbe-01", 3.0), Rev(1),
        Poke(":unsaved:wX", r#"{"format": "swanilai-save/1", "rev": 1, "writer": "wX", "assessment": {"setId": "spbe-2020", "setVersion": "2020.1", "answers": {"spbe-05": {"value": 2}}}}"#),
        Open(3), Told(3, "left", true),
        Pick(0, "spbe-04", 1.0), Asked(3, true), Left(3, true), Rev(3),
        Asked(0, true), Choose(0, Choice::Merge),
        Shows(0, "spbe-01", Some(3.0)), Shows(0, "spbe-04", Some(1.0)), Shows(0, "spbe-05", Some(2.0)),
        Clashes(0, &["spbe-04"]),
    ];

    /// reliability-persistence: a save history started over (the saved key was lost) is not
    /// taken for one that started from this tab.
    history_started_over_is_not_descent on SPBE: [
        Open(0), Pick(0, "spbe-01", 3.0), Pick(0, "spbe-02", 4.0), Pick(0, "spbe-03", 2.0), Rev(3),
        Lose, Open(2), Pick(2, "spbe-05", 1.0), Pick(2, "spbe-05", 2.0), Pick(2, "spbe-05", 3.0),
        Pick(2, "spbe-05", 4.0), Rev(4),
        Asked(0, true), Choose(0, Choice::Merge),
        Shows(0, "spbe-01", Some(3.0)), Shows(0, "spbe-02", Some(4.0)),
        Shows(0, "spbe-03", Some(2.0)), Shows(0, "spbe-05", Some(4.0)),
    ];

    /// reliability-persistence: a save from a history started over with fewer saves is not
    /// written over unasked.
    history_started_over_with_fewer_saves_is_asked_about on SPBE: [
        Open(0), Pick(0, "spbe-01", 3.0), Pick(0, "spbe-02", 4.0), Pick(0, "spbe-03", 2.0),
        Lose, Open(2), Pick(2, "spbe-05", 4.0), Rev(1),
        Asked(0, true), Pick(0, "spbe-04", 1.0), Tick(0), Tick(0), Stored("spbe-05", Some(4.0)),
        Stored("spbe-04", None),
        Choose(0, Choice::Merge),
        Shows(0, "spbe-01", Some(3.0)), Shows(0, "spbe-02", Some(4.0)), Shows(0, "spbe-03", Some(2.0)),
        Shows(0, "spbe-04", Some(1.0)), Shows(0, "spbe-05", Some(4.0)),
    ];

    /// reliability-persistence: combining after the other tab kept its own version loses
    /// nothing of this tab, and keeps the other save as a backup.
    combine_after_the_other_kept_its_own on SPBE: [
        Open(0), Open(1), Pick(0, "spbe-01", 3.0), Pick(1, "spbe-02", 4.0), Choose(1, Choice::Keep),
        Asked(0, true), Pick(0, "spbe-03", 2.0), Choose(0, Choice::Merge),
        Shows(0, "spbe-01", Some(3.0)), Shows(0, "spbe-02", Some(4.0)), Shows(0, "spbe-03", Some(2.0)),
        Clashes(0, &["spbe-01"]),
        Backup("backup", &[("spbe-02", Some(4.0)), ("spbe-01", None)]),
    ];

    /// reliability-persistence: replacing the answers while the other tab saved keeps its save
    /// and asks the other tab.
    replacing_keeps_the_other_save_and_asks_it on SPBE: [
        Open(0), Open(1), Pick(0, "spbe-01", 3.0), Asked(1, true),
        Replace(1, &[("spbe-02", 4.0)]), Stored("spbe-02", Some(4.0)), Asked(1, false),
        Backup("backup", &[("spbe-01", Some(3.0))]),
        Asked(0, true), Pick(0, "spbe-03", 1.0), Stored("spbe-03", None),
    ];

    /// reliability-persistence: work of a tab closed before it could save is offered on the
    /// next visit, and restoring it adds it.
    closed_tab_work_is_offered_and_restored on SPBE: [
        Open(0), Open(1), Pick(0, "spbe-01", 3.0), Asked(1, true),
        Pick(1, "spbe-01", 5.0), Pick(1, "spbe-02", 4.0), Backup("unsaved", &[("spbe-02", Some(4.0))]),
        Close(1), Open(0), Told(0, "left", true), Left(0, true),
        Shows(0, "spbe-01", Some(3.0)), Shows(0, "spbe-02", Some(4.0)), Clashes(0, &["spbe-01"]),
        Copies("unsaved", 0), Backup("closed", &[("spbe-01", Some(5.0))]),
        Open(0), Told(0, "left", false), Shows(0, "spbe-02", Some(4.0)),
    ];

    /// reliability-persistence: two tabs closed while waiting: one copy each, both kept when
    /// ignored, and restoring while a third tab saved asks that tab.
    tabs_closed_while_waiting on SPBE: [
        Open(0), Open(1), Open(2), Pick(0, "spbe-01", 3.0), Asked(1, true), Asked(2, true),
        Pick(1, "spbe-02", 1.0), Pick(1, "spbe-02", 2.0), Pick(1, "spbe-02", 4.0), Pick(2, "spbe-03", 5.0),
        Copies("unsaved", 2), Backup("unsaved", &[("spbe-02", Some(4.0))]),
        Backup("unsaved", &[("spbe-03", Some(5.0))]),
        Close(1), Close(2), Open(3), Told(3, "left", true), Left(3, false),
        Copies("closed", 2), Copies("unsaved", 0),
        Poke(":unsaved:wX", r#"{"format": "swanilai-save/1", "rev": 1, "writer": "wX", "assessment": {"setId": "spbe-2020", "setVersion": "2020.1", "answers": {"spbe-05": {"value": 2}}}}"#),
        Open(3), Pick(0, "spbe-04", 1.0), Asked(3, true), Left(3, true),
        Stored("spbe-05", Some(2.0)), Backup("backup", &[("spbe-04", Some(1.0))]), Asked(0, true),
    ];

    /// reliability-persistence: a stored save that turned unreadable while the widget was open
    /// is kept (once) before the next save replaces it.
    unreadable_while_open_is_kept_once on SPBE: [
        Open(0), Pick(0, "spbe-01", 3.0), Rev(1),
        Poke("", "{\"format\": \"swanilai-save/1\", \"rev\": 2, \"assessment\": {\"answers\": "),
        Pick(0, "spbe-02", 4.0), Rev(2), BackupIsPoked("corrupt", ""), Copies("corrupt", 1),
        Shows(0, "spbe-02", Some(4.0)), Pick(0, "spbe-03", 2.0), Rev(3), Copies("corrupt", 1),
    ];

    /// reliability-persistence: backups are bounded: each kind keeps only its newest three.
    backups_are_bounded on SPBE: [
        Open(0),
        Poke(":backup:1", "old 1"), Poke(":backup:2", "old 2"), Poke(":backup:3", "old 3"),
        Poke(":backup:4", "old 4"), Poke(":corrupt:1", "another kind"),
        Replace(0, &[("spbe-01", 2.0)]), Copies("backup", 3),
        Present(":backup:1", false), Present(":backup:2", false),
        Present(":backup:3", true), Present(":backup:4", true), Copies("corrupt", 1),
    ];

    /// widget-persist: reload restores every answer, evidence note and the region.
    reload_restores_everything on GM: [
        Open(0), Pick(0, "str-sdm-01", 2.0), Pick(0, "str-ang-01", 40.0),
        Note(0, "str-sdm-01", "SK Bupati 12/2025"), RegionName(0, "Kabupaten Banjar"),
        Reload(0), Told(0, "damaged", false), ShowsNote(0, "str-sdm-01", "SK Bupati 12/2025"),
    ];

    /// widget-persist: reset keeps a backup and can be undone.
    reset_keeps_a_backup_and_undoes on SPBE: [
        Open(0), Pick(0, "spbe-01", 3.0), RegionName(0, "Kota Bandung"), Reset(0),
        Stored("spbe-01", None), Backup("backup", &[("spbe-01", Some(3.0))]), Copies("backup", 1),
        Undo(0), Stored("spbe-01", Some(3.0)),
    ];

    /// widget-draft: rejected number text is saved beside the answers and comes back after a
    /// reload; corrected, it leaves the save.
    number_text_is_saved_and_comes_back on GM: [
        Open(0), Pick(0, "str-tk-02", 3.5), Type(0, "str-tk-02", "1.500"), Tick(0),
        StoredDrafts(&[("str-tk-02", "1.500")]), Stored("str-tk-02", Some(3.5)),
        Reload(0), ShowsDraft(0, "str-tk-02", "1.500"),
        Clear(0, "str-tk-02"), Pick(0, "str-tk-02", 4.0), StoredDrafts(&[]),
    ];

    /// widget-draft: saved number text that no longer applies is dropped when the widget
    /// starts, and listed; the next save keeps only what still applies.
    stale_number_text_is_dropped_and_listed on GM: [
        Poke("", r#"{"format": "swanilai-save/1", "rev": 1, "writer": "w5", "assessment": {"setId": "gm100sc-kesiapan", "setVersion": "1", "answers": {}}, "drafts": [{"indicator": "str-tk-02", "text": "7", "lang": "id"}, {"indicator": "str-ang-01", "text": "1,5", "lang": "id"}, {"indicator": "str-sdm-01", "text": "x", "lang": "id"}, {"indicator": "no-such-indicator", "text": "x", "lang": "en"}]}"#),
        Open(0), ShowsDraft(0, "str-tk-02", "7"),
        DroppedDrafts(0, &["str-ang-01: 1,5", "str-sdm-01: x", "no-such-indicator: x"]),
        Pick(0, "str-sdm-01", 2.0), StoredDrafts(&[("str-tk-02", "7")]),
    ];

    /// widget-draft: a reset takes rejected number text with it, and its undo brings it back.
    reset_takes_number_text_and_undo_returns_it on GM: [
        Open(0), Type(0, "str-tk-02", "3,5x"), Tick(0), StoredDrafts(&[("str-tk-02", "3,5x")]),
        Reset(0), StoredDrafts(&[]), Undo(0), StoredDrafts(&[("str-tk-02", "3,5x")]),
    ];

    /// Another tab's save that this version reads only in part (a newer version wrote it):
    /// loading it keeps its text under `:damaged:` first and tells what was left out.
    another_tabs_save_read_in_part_is_kept_before_it_is_used on SPBE: [
        Open(0), Pick(0, "spbe-01", 3.0), Rev(1),
        Poke("", r#"{"format": "swanilai-save/1", "rev": 5, "writer": "newer-tab", "assessment": {"setId": "spbe-2020", "setVersion": "2020.1", "answers": {"spbe-02": {"value": 4, "notes": 7}}}}"#),
        Pick(0, "spbe-03", 2.0), Asked(0, true),
        Choose(0, Choice::Load), BackupIsPoked("damaged", ""), Copies("damaged", 1),
        Shows(0, "spbe-02", Some(4.0)), ToldDamaged(0, 1),
    ];

    /// Last year's assessment is kept beside the save for the next session.
    last_year_is_kept_for_the_next_session on SPBE: [
        Open(0), KeepPrevious(0, "spbe-01", 2.0), Previous("spbe-01", Some(2.0)),
    ];

    /// issue 19: a save read only in part (region a string, notes a number, links a string, a
    /// value an object) is kept whole under `:damaged:` and told, before any autosave.
    partly_damaged_save_is_kept_and_told on SPBE: [
        Poke("", DAMAGED), Open(0), Told(0, "damaged", true),
        DamagedPaths(0, &["region", "answers.spbe-01.notes", "answers.spbe-02.links", "answers.spbe-03.value"]),
        BackupIsPoked("damaged", ""), Shows(0, "spbe-01", Some(3.0)), Shows(0, "spbe-04", Some(2.0)),
        ShowsNote(0, "spbe-03", "SK 12"),
        Pick(0, "spbe-05", 1.0), Rev(5), BackupIsPoked("damaged", ""),
        Open(0), Told(0, "damaged", false), Copies("damaged", 1),
    ];
}

/// reliability-persistence: storage disabled: the widget warns, works in memory, writes nothing.
#[test]
fn no_storage_at_all() {
    let mut w = World::new(SPBE);
    w.store.absent = true;
    for step in [
        Open(0),
        Told(0, "unavailable", true),
        Pick(0, "spbe-01", 3.0),
        Last(0, Outcome::Idle),
        Shows(0, "spbe-01", Some(3.0)),
    ] {
        if let Err(e) = w.run(step) {
            panic!("{step:?}: {e}");
        }
    }
    let t = w.tabs[0].as_ref().expect("open");
    assert!(t.tab.blocked(&w.store));
    assert!(w.store.items.is_empty());
}
