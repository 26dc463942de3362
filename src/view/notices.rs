//! What the notices above the form say: an opened file's verdict, the heading of its problems,
//! where each problem is, and what combining two versions changed. Pure: the widget draws it.

use super::{Ui, ui};
use crate::assessment::Assessment;
use crate::export::{Integrity, open_assessment_for};
use crate::model::{IndicatorSet, Lang};
use crate::problem::Code;
use crate::problem::{Problem, Severity};
use crate::score::Scorer;

/// What became of an opened file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Opened {
    /// Not an assessment of this set: nothing to use (the notice says which file to choose).
    Unusable,
    /// JSON cut short or damaged (a file of ours that broke): nothing to use either.
    Broken,
    /// Used (last year's file) or only reported.
    Shown,
    /// Waits for the official to confirm replacing the answers.
    Pending,
}

/// The first line of an opened file's notice, and its style class (`swn-ok`, `swn-warn` or
/// none). A file that cannot be used says which file to choose: an intact SHA-256 is then
/// beside the point (a green "intact" above a refusal misleads).
///
/// ```
/// use swanilai::export::Integrity;
/// use swanilai::view::{Opened, Ui, import_verdict};
/// assert_eq!(import_verdict(Integrity::Intact, Opened::Pending), (Ui::ImportIntact, "swn-ok"));
/// assert_eq!(import_verdict(Integrity::Intact, Opened::Unusable), (Ui::ImportWhich, "swn-warn"));
/// ```
pub fn import_verdict(integrity: Integrity, opened: Opened) -> (Ui, &'static str) {
    match (integrity, opened) {
        (_, Opened::Unusable) => (Ui::ImportWhich, "swn-warn"),
        (_, Opened::Broken) => (Ui::ImportBroken, "swn-warn"),
        (Integrity::Intact, _) => (Ui::ImportIntact, "swn-ok"),
        (Integrity::Mismatch, _) => (Ui::ImportTampered, "swn-warn"),
        (Integrity::Unchecked, _) => (Ui::ImportUnchecked, ""),
    }
}

/// A file the official opened, judged against the set on screen.
#[derive(Clone, Debug, PartialEq)]
pub struct Judged {
    /// The assessment to use (last year's file) or to confirm (an import); `None` when the
    /// file cannot be used.
    pub assessment: Option<Assessment>,
    /// What the notice lists: the file's problems, then those against the set (only the set
    /// id for another set's file).
    pub problems: Vec<Problem>,
    /// Whether its recorded SHA-256 matches.
    pub integrity: Integrity,
    /// What becomes of it.
    pub opened: Opened,
    /// Reading the assessment left out or changed part of the file (a field of the wrong
    /// type, an unknown one): its original text is to be kept before the answers are used.
    pub lossy: bool,
}

/// Judges an opened file's text for `set`: another set's assessment is unusable (that its
/// set differs is all there is to report), a cut-short or damaged JSON file is broken, and an
/// assessment of this set waits for confirmation (`as_previous`: it is shown at once, as
/// last year's). An import takes the set's version: it is answered on this one now.
pub fn judge_file(set: &IndicatorSet, text: &str, as_previous: bool) -> Judged {
    // Bounded by the set: a file with far more answers than it has indicators is refused.
    let f = open_assessment_for(text, set);
    let lossy = f.problems.iter().any(|p| p.code != Code::IntegrityMismatch);
    let mut problems = f.problems;
    let mut a = f.assessment;
    if let Some(other) = a.take_if(|a| a.set_id != set.id) {
        problems.extend(
            crate::validate_assessment(set, &other)
                .into_iter()
                .filter(|p| p.path == "setId"),
        );
    }
    let json = text
        .trim_start_matches(['\u{feff}', ' ', '\n', '\r', '\t'])
        .starts_with('{');
    let opened = match &mut a {
        None if json && problems.iter().any(|p| p.code == Code::JsonSyntax) => Opened::Broken,
        None => Opened::Unusable,
        Some(a) => {
            problems.extend(crate::validate_assessment(set, a));
            if as_previous {
                Opened::Shown
            } else {
                a.set_version = set.version.clone();
                Opened::Pending
            }
        }
    };
    let lossy = lossy && a.is_some();
    Judged {
        assessment: a,
        problems,
        integrity: f.integrity,
        opened,
        lossy,
    }
}

/// The integrity's name in the `data-integrity` attribute (for tests and styling).
pub fn integrity_name(i: Integrity) -> &'static str {
    match i {
        Integrity::Intact => "intact",
        Integrity::Mismatch => "mismatch",
        Integrity::Unchecked => "unchecked",
    }
}

/// "Problems in the file" when one of them is an error, else "Worth checking in the file"
/// (missing evidence in the official's own export is not a fault of the file).
pub fn problems_heading(problems: &[Problem]) -> Ui {
    if problems.iter().any(|p| p.severity == Severity::Error) {
        Ui::ImportProblems
    } else {
        Ui::ImportNotes
    }
}

/// What screen readers hear about an opened file: the verdict, and how many problems it has.
pub fn import_announcement(
    problems: &[Problem],
    integrity: Integrity,
    opened: Opened,
    lang: Lang,
) -> String {
    let mut text = ui(import_verdict(integrity, opened).0, lang).to_string();
    if !problems.is_empty() {
        let heading = ui(problems_heading(problems), lang);
        text.push_str(&format!(" {heading}: {}.", problems.len()));
    }
    text
}

/// The indicator id a problem path points into: `answers.spbe-01.value`, or
/// `answers["1.1"].value` for ids that need quotes.
pub fn answer_id_in_path(path: &str) -> Option<&str> {
    let rest = path.strip_prefix("answers")?;
    match rest.strip_prefix("[\"") {
        Some(quoted) => quoted.split('"').next(),
        None => rest
            .strip_prefix('.')
            .and_then(|r| r.split(['.', '[']).next()),
    }
}

/// Where a problem is, for the official: `12. Indicator title: ` for an answer, nothing
/// where the message says it all (the set id, a file that is not JSON), else the path.
pub fn problem_place(scorer: &Scorer<'_>, path: &str, lang: Lang) -> String {
    let answer = answer_id_in_path(path).and_then(|id| scorer.indicator_index(id));
    match answer {
        Some(i) => format!("{}. {}: ", i + 1, scorer.indicator(i).title.get(lang)),
        None if path.is_empty() || path == "setId" => String::new(),
        None => format!("{path}: "),
    }
}

/// One line of an opened file's problems, as the official reads it: where it is (the
/// indicator's number and title), then the message ([`official_message`]); the place is left
/// out when the message names its indicator itself.
///
/// ```
/// use swanilai::{builtin, Lang, Problem, Scorer, problem::Code, view::problem_line};
/// let set = builtin::get("spbe-2020").unwrap();
/// let scorer = Scorer::new(&set);
/// let p = Problem::new("answers.spbe-04", Code::EvidenceMissing,
///     "indikator `spbe-04` wajib disertai bukti".into(), "indicator `spbe-04` needs evidence".into());
/// assert!(problem_line(&scorer, &p, Lang::Id).starts_with("indikator “4. "));
/// ```
pub fn problem_line(scorer: &Scorer<'_>, p: &Problem, lang: Lang) -> String {
    let msg = p.message.get(lang);
    let own = answer_id_in_path(&p.path).is_some_and(|id| msg.contains(&format!("`{id}`")));
    let at = if own {
        String::new()
    } else {
        problem_place(scorer, &p.path, lang)
    };
    format!("{at}{}", official_message(scorer, msg, lang))
}

/// A problem's message as the official reads it: an indicator named in backticks (as the
/// engine's messages name them for developers) becomes `12. Title`, and any other
/// backticked value loses its backticks and is quoted instead.
///
/// ```
/// use swanilai::{builtin, Lang, Scorer, view::official_message};
/// let set = builtin::get("spbe-2020").unwrap();
/// let scorer = Scorer::new(&set);
/// let msg = official_message(&scorer, "indikator `spbe-04` wajib disertai bukti", Lang::Id);
/// assert!(msg.starts_with("indikator “4. ") && msg.ends_with("” wajib disertai bukti"));
/// assert_eq!(official_message(&scorer, "versi `2019.1`", Lang::Id), "versi “2019.1”");
/// ```
pub fn official_message(scorer: &Scorer<'_>, message: &str, lang: Lang) -> String {
    let mut out = String::with_capacity(message.len());
    let mut parts = message.split('`');
    out.push_str(parts.next().unwrap_or_default());
    let mut rest: Vec<&str> = parts.collect();
    // An odd count of backticks leaves the last one as it is.
    let open_last = rest.len() % 2 == 1;
    let tail = if open_last { rest.pop() } else { None };
    for pair in rest.chunks(2) {
        let (quoted, after) = (pair[0], pair.get(1).copied().unwrap_or_default());
        match scorer.indicator_index(quoted) {
            Some(i) => out.push_str(&format!(
                "“{}. {}”",
                i + 1,
                scorer.indicator(i).title.get(lang)
            )),
            None => out.push_str(&format!("“{quoted}”")),
        }
        out.push_str(after);
    }
    if let Some(t) = tail {
        out.push('`');
        out.push_str(t);
    }
    out
}

/// `12. Title` for an indicator id; the region's heading for `region`; anything else (an
/// answer to an indicator the set no longer has, a team-work field such as `assignments`)
/// by its own name.
pub fn indicator_name(scorer: &Scorer<'_>, id: &str, lang: Lang) -> String {
    match scorer.indicator_index(id) {
        Some(i) => format!("{}. {}", i + 1, scorer.indicator(i).title.get(lang)),
        None if id == "region" => ui(Ui::Region, lang).to_string(),
        None => id.to_string(),
    }
}

/// The ids of answers to indicators the set does not have (kept in every save, not scored).
pub fn orphan_answers(scorer: &Scorer<'_>, a: &Assessment) -> Vec<String> {
    a.answers
        .keys()
        .filter(|id| scorer.indicator_index(id).is_none())
        .cloned()
        .collect()
}

/// "Combined" or "combined, and these differed".
pub fn merged_key(clashes: &[String]) -> Ui {
    if clashes.is_empty() {
        Ui::Merged
    } else {
        Ui::MergedClashes
    }
}

/// What screen readers hear after two versions were combined: the notice and where they
/// differed (this side won there).
pub fn merged_text(scorer: &Scorer<'_>, clashes: &[String], lang: Lang) -> String {
    let names: Vec<String> = clashes
        .iter()
        .map(|id| indicator_name(scorer, id, lang))
        .collect();
    format!("{} {}", ui(merged_key(clashes), lang), names.join("; "))
        .trim_end()
        .to_string()
}

// The built-in sets the tests use are native only.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::problem::Code;

    fn scorer() -> Scorer<'static> {
        let set = crate::builtin::get("spbe-2020").expect("built in");
        Scorer::new(Box::leak(Box::new(set)))
    }

    #[test]
    fn verdict_names_the_file_to_choose_before_its_integrity() {
        for i in [Integrity::Intact, Integrity::Mismatch, Integrity::Unchecked] {
            assert_eq!(import_verdict(i, Opened::Unusable).0, Ui::ImportWhich);
            assert_eq!(import_verdict(i, Opened::Broken).0, Ui::ImportBroken);
        }
        for o in [Opened::Shown, Opened::Pending] {
            assert_eq!(
                import_verdict(Integrity::Intact, o),
                (Ui::ImportIntact, "swn-ok")
            );
            assert_eq!(
                import_verdict(Integrity::Mismatch, o),
                (Ui::ImportTampered, "swn-warn")
            );
            assert_eq!(
                import_verdict(Integrity::Unchecked, o),
                (Ui::ImportUnchecked, "")
            );
        }
        assert_eq!(integrity_name(Integrity::Mismatch), "mismatch");
    }

    #[test]
    fn announcement_counts_problems_under_their_heading() {
        let warn = Problem::new("answers.x", Code::EvidenceMissing, "a".into(), "b".into());
        let text = import_announcement(&[warn], Integrity::Intact, Opened::Pending, Lang::En);
        assert_eq!(
            text,
            format!(
                "{} {}: 1.",
                ui(Ui::ImportIntact, Lang::En),
                ui(Ui::ImportNotes, Lang::En)
            )
        );
        let err = Problem::new("setId", Code::SetMismatch, "a".into(), "b".into());
        assert_eq!(problems_heading(&[err]), Ui::ImportProblems);
        assert_eq!(
            import_announcement(&[], Integrity::Mismatch, Opened::Shown, Lang::Id),
            ui(Ui::ImportTampered, Lang::Id)
        );
    }

    #[test]
    fn paths_lead_to_the_indicator() {
        assert_eq!(answer_id_in_path("answers.spbe-01.value"), Some("spbe-01"));
        assert_eq!(answer_id_in_path("answers[\"1.1\"].value"), Some("1.1"));
        assert_eq!(answer_id_in_path("answers.x[0]"), Some("x"));
        assert_eq!(answer_id_in_path("region.name"), None);
        let s = scorer();
        let first = s.indicator(0);
        let path = format!("answers.{}.value", first.id);
        assert_eq!(
            problem_place(&s, &path, Lang::En),
            format!("1. {}: ", first.title.get(Lang::En))
        );
        assert_eq!(problem_place(&s, "setId", Lang::En), "");
        assert_eq!(problem_place(&s, "", Lang::En), "");
        assert_eq!(problem_place(&s, "region.code", Lang::En), "region.code: ");
        assert_eq!(
            problem_place(&s, "answers.nope.value", Lang::Id),
            "answers.nope.value: "
        );
    }

    #[test]
    fn merged_text_lists_where_the_versions_differed() {
        let s = scorer();
        assert_eq!(merged_key(&[]), Ui::Merged);
        assert_eq!(merged_text(&s, &[], Lang::En), ui(Ui::Merged, Lang::En));
        let id = s.indicator(1).id.clone();
        let text = merged_text(&s, &[id, "region".into(), "assignments".into()], Lang::Id);
        assert_eq!(
            text,
            format!(
                "{} 2. {}; {}; assignments",
                ui(Ui::MergedClashes, Lang::Id),
                s.indicator(1).title.get(Lang::Id),
                ui(Ui::Region, Lang::Id)
            )
        );
    }

    #[test]
    fn opened_files_are_judged_for_the_set() {
        let set = crate::builtin::get("spbe-2020").expect("built in");
        let mine = Assessment::new(&set.id, "0.old");
        let text = crate::export::canonical(&crate::json::to_json(&mine).expect("json"));
        let j = judge_file(&set, &text, false);
        assert_eq!(
            (j.opened, j.integrity),
            (Opened::Pending, Integrity::Unchecked)
        );
        assert_eq!(j.assessment.expect("kept").set_version, set.version);
        let j = judge_file(&set, &text, true);
        assert_eq!(j.opened, Opened::Shown);
        assert_eq!(j.assessment.expect("kept").set_version, "0.old");
        let other = crate::export::canonical(
            &crate::json::to_json(&Assessment::new("pemdi-2026", "1")).expect("json"),
        );
        let j = judge_file(&set, &other, false);
        assert_eq!(j.opened, Opened::Unusable);
        assert!(j.assessment.is_none());
        assert_eq!(j.problems.len(), 1);
        assert_eq!(j.problems[0].path, "setId");
        assert!(!j.lossy, "another set's file is not used at all");
        assert_eq!(
            judge_file(&set, "\u{feff} {\"setId\": ", false).opened,
            Opened::Broken
        );
        assert_eq!(
            judge_file(&set, "id;score\n1;2", false).opened,
            Opened::Unusable
        );
    }

    #[test]
    fn orphans_are_answers_the_set_does_not_have() {
        let s = scorer();
        let mut a = Assessment::new("spbe-2020", "x");
        a.answers
            .insert(s.indicator(0).id.clone(), Default::default());
        a.answers.insert("gone-1".into(), Default::default());
        assert_eq!(orphan_answers(&s, &a), ["gone-1"]);
    }

    #[test]
    fn a_file_read_only_in_part_is_lossy() {
        let set = crate::builtin::get("spbe-2020").expect("built in");
        let whole = r#"{"setId": "spbe-2020", "setVersion": "2020.1", "answers": {"spbe-01": {"value": 3, "notes": "SK"}}}"#;
        let j = judge_file(&set, whole, false);
        assert!(!j.lossy, "{:?}", j.problems);
        let part = r#"{"setId": "spbe-2020", "setVersion": "2020.1", "region": "Banjar",
            "answers": {"spbe-01": {"value": 3, "notes": 7, "links": "https://x.example"}}}"#;
        let j = judge_file(&set, part, false);
        assert!(j.lossy);
        assert_eq!(j.opened, Opened::Pending);
        let paths: Vec<&str> = j.problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(
            paths[..3],
            ["region", "answers.spbe-01.notes", "answers.spbe-01.links"]
        );
        assert!(judge_file(&set, part, true).lossy, "last year's file too");
    }
}
