//! "Siap diajukan?": what still stands between an assessment and its submission.
//!
//! [`check`] lists, indicator by indicator in the set's order: indicators still unanswered,
//! claims above the evidence (with the items not ready), required evidence marked ready
//! without notes or links for the assessor, links that are not http(s) addresses, and
//! evidence still in draft. Each finding names its indicator (number, title, id to focus it)
//! and the JSON path in the assessment. Errors block submitting; a warning does not.

use serde::Serialize;

use crate::assessment::{Answer, Assessment, Status};
use crate::model::{Evidence, Indicator, Lang, Text};
use crate::problem::{Severity, join};
use crate::read::key_path;
use crate::score::{MissingItem, Scorer};

/// The result of the check.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
pub struct Check {
    /// Whether nothing blocks submitting (no finding is an error).
    pub ready: bool,
    /// Indicators with a valid answer.
    pub answered: usize,
    /// Indicators in all.
    pub total: usize,
    /// What to look at, in the set's order of indicators.
    pub findings: Vec<Finding>,
}

/// What a finding is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// The indicator has no valid answer.
    Unanswered,
    /// The claimed level is above the level the evidence supports; `items` are not ready.
    ClaimAboveEvidence,
    /// Evidence is required but the assessor has nothing to look at: an item marked ready,
    /// or an indicator whose evidence is `required`, without notes or links.
    EvidenceWithoutNotes,
    /// A link that is not an http(s) address.
    LinkNotHttp,
    /// Evidence still in draft that no claim counts on yet (the claim's own drafts are in
    /// its `claim_above_evidence` finding).
    EvidenceDraft,
}

/// One thing to look at before submitting.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
pub struct Finding {
    /// What it is about.
    pub kind: FindingKind,
    /// `error` blocks submitting, `warning` does not.
    pub severity: Severity,
    /// The indicator's id (to focus it).
    pub indicator: String,
    /// The indicator's number: its position in the set, from 1.
    pub number: usize,
    /// The indicator's title.
    pub title: Text,
    /// Where in the assessment, as a JSON path (`answers.spbe-01.evidence.l1-sk.links[0]`).
    pub path: String,
    /// The evidence items concerned.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<MissingItem>,
    /// The link concerned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// What to do, in both languages.
    pub message: Text,
}

/// Whether `link` is an http(s) address with a host: `https://x.go.id/sk.pdf` is,
/// `www.x.go.id`, `file:///C:/sk.pdf` and `https://` are not.
///
/// ```
/// use swanilai::check::is_http_url;
/// assert!(is_http_url("https://jdih.banjarkab.go.id/perbup-12-2026.pdf"));
/// assert!(is_http_url("HTTP://intra.local:8080/x"));
/// assert!(!is_http_url("www.banjarkab.go.id"));
/// assert!(!is_http_url("https:// spasi.go.id"));
/// assert!(!is_http_url("ftp://arsip.go.id/x"));
/// assert!(is_http_url("https://bücher.example/sk.pdf"));
/// assert!(!is_http_url("https://arsip\u{85}.go.id"));
/// assert!(!is_http_url("https://a<b>.go.id"));
/// ```
pub fn is_http_url(link: &str) -> bool {
    let l = link.trim();
    let rest = ["https://", "http://"].iter().find_map(|p| {
        // `get`, not `&l[..]`: no boundary-panic message linked into the wasm module.
        l.get(..p.len())
            .filter(|h| h.eq_ignore_ascii_case(p))
            .and_then(|_| l.get(p.len()..))
    });
    let Some(rest) = rest else { return false };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    // A host's characters: ASCII letters, digits and `.-:_[]@`, and any other printable
    // character (an internationalised name such as `bücher.example`). Not
    // `char::is_alphanumeric`, which would link Unicode's letter and digit tables into the
    // wasm module for this one check.
    !host.is_empty()
        && !rest.chars().any(char::is_whitespace)
        && host.chars().all(|c| {
            c.is_ascii_alphanumeric()
                || matches!(c, '.' | '-' | ':' | '_' | '[' | ']' | '@')
                || (!c.is_ascii() && !c.is_control())
        })
}

/// A finding's builder for one indicator.
struct At<'a> {
    ind: &'a Indicator,
    number: usize,
    path: String,
    out: &'a mut Vec<Finding>,
}

impl At<'_> {
    fn push(
        &mut self,
        kind: FindingKind,
        path: String,
        items: Vec<MissingItem>,
        link: Option<String>,
        (id, en): (String, String),
    ) {
        let severity = if kind == FindingKind::EvidenceDraft {
            Severity::Warning
        } else {
            Severity::Error
        };
        let (n, t) = (self.number, &self.ind.title);
        self.out.push(Finding {
            kind,
            severity,
            indicator: self.ind.id.clone(),
            number: n,
            title: t.clone(),
            path,
            items,
            link,
            message: Text::new(
                format!("Indikator {n} ({}): {id}", t.get(Lang::Id)),
                format!("Indicator {n} ({}): {en}", t.get(Lang::En)),
            ),
        });
    }
}

fn names(items: &[MissingItem], lang: Lang) -> String {
    items
        .iter()
        .map(|m| m.text.get(lang))
        .collect::<Vec<_>>()
        .join("; ")
}

fn item(level: usize, it: &crate::model::EvidenceItem) -> MissingItem {
    MissingItem {
        id: it.id.clone(),
        level,
        text: it.text.clone(),
    }
}

/// Checks one answered indicator's claim, evidence and links.
fn answered(at: &mut At<'_>, answer: &Answer, claimed: Option<usize>) {
    let ind = at.ind;
    if let Some(level) = claimed {
        let missing: Vec<MissingItem> = crate::evidence::missing(ind, Some(answer), level)
            .into_iter()
            .map(|(l, it)| item(l, it))
            .collect();
        if !missing.is_empty() {
            let ev = crate::evidence::evidenced_level(ind, Some(answer), level);
            let msg = (
                format!(
                    "mengklaim tingkat {level}, buktinya baru mendukung tingkat {ev}; siapkan: {}",
                    names(&missing, Lang::Id)
                ),
                format!(
                    "claims level {level}, its evidence supports level {ev}; prepare: {}",
                    names(&missing, Lang::En)
                ),
            );
            let path = at.path.clone();
            at.push(FindingKind::ClaimAboveEvidence, path, missing, None, msg);
        }
    }
    let bare: Vec<MissingItem> = crate::evidence::items(ind)
        .filter(|(l, it)| {
            it.required
                && claimed.is_some_and(|c| *l <= c)
                && answer
                    .evidence
                    .get(&it.id)
                    .is_some_and(|e| e.status == Status::Siap && !e.has_evidence())
        })
        .map(|(l, it)| item(l, it))
        .collect();
    if !bare.is_empty() {
        let msg = (
            format!(
                "bukti ditandai siap tanpa catatan atau tautan: {}",
                names(&bare, Lang::Id)
            ),
            format!(
                "evidence marked ready without notes or links: {}",
                names(&bare, Lang::En)
            ),
        );
        let path = join(&at.path, "evidence");
        at.push(FindingKind::EvidenceWithoutNotes, path, bare, None, msg);
    } else if ind.evidence == Evidence::Required && !answer.has_evidence() {
        let msg = (
            "wajib disertai bukti (catatan atau tautan)".to_string(),
            "requires evidence (notes or links)".to_string(),
        );
        let path = at.path.clone();
        at.push(
            FindingKind::EvidenceWithoutNotes,
            path,
            Vec::new(),
            None,
            msg,
        );
    }
    links(at, answer);
    let counted = claimed.unwrap_or(0);
    let drafts: Vec<MissingItem> = crate::evidence::items(ind)
        .filter(|(l, it)| {
            !(it.required && *l <= counted)
                && answer
                    .evidence
                    .get(&it.id)
                    .is_some_and(|e| e.status == Status::Draf)
        })
        .map(|(l, it)| item(l, it))
        .collect();
    if !drafts.is_empty() {
        let msg = (
            format!("bukti masih draf: {}", names(&drafts, Lang::Id)),
            format!("evidence still in draft: {}", names(&drafts, Lang::En)),
        );
        let path = join(&at.path, "evidence");
        at.push(FindingKind::EvidenceDraft, path, drafts, None, msg);
    }
}

/// Every link of an answer and of its evidence items that is not an http(s) address.
fn links(at: &mut At<'_>, answer: &Answer) {
    let mut bad: Vec<(String, String)> = Vec::new();
    let base = at.path.clone();
    let mut scan = |list: &[String], path: String| {
        for (k, l) in list.iter().enumerate() {
            if !l.trim().is_empty() && !is_http_url(l) {
                bad.push((format!("{path}[{k}]"), l.clone()));
            }
        }
    };
    scan(&answer.links, join(&base, "links"));
    for (id, e) in &answer.evidence {
        scan(
            &e.links,
            join(&key_path(&join(&base, "evidence"), id), "links"),
        );
    }
    for (path, link) in bad {
        let msg = (
            format!("tautan `{link}` bukan alamat http(s)"),
            format!("link `{link}` is not an http(s) address"),
        );
        at.push(FindingKind::LinkNotHttp, path, Vec::new(), Some(link), msg);
    }
}

/// Checks an assessment before it is submitted: see the module docs.
///
/// ```
/// use swanilai::{builtin, check::check, Assessment, Scorer, Value};
/// let set = builtin::get("spbe-2020").unwrap();
/// let scorer = Scorer::new(&set);
/// let mut a = Assessment::new(&set.id, &set.version);
/// a.set_value("spbe-01", Value::Number(3.0));
/// a.answers.get_mut("spbe-01").unwrap().links.push("www.example.go.id".into());
/// let c = check(&scorer, &a);
/// assert!(!c.ready);
/// assert_eq!((c.answered, c.total), (1, 47));
/// assert_eq!(c.findings[0].kind, swanilai::check::FindingKind::LinkNotHttp);
/// assert_eq!(c.findings[0].path, "answers.spbe-01.links[0]");
/// assert_eq!(c.findings[1].indicator, "spbe-02"); // unanswered
/// ```
pub fn check(scorer: &Scorer<'_>, a: &Assessment) -> Check {
    let scorer = &*scorer.for_assessment(a);
    let mut findings = Vec::new();
    let mut answered_count = 0;
    for i in 0..scorer.indicator_count() {
        let ind = scorer.indicator(i);
        let mut at = At {
            ind,
            number: i + 1,
            path: key_path("answers", &ind.id),
            out: &mut findings,
        };
        let answer = a.answers.get(&ind.id);
        let valid = scorer.current_value(a, i).is_some();
        if valid {
            answered_count += 1;
        } else {
            let msg = ("belum dijawab".to_string(), "not answered yet".to_string());
            let path = at.path.clone();
            at.push(FindingKind::Unanswered, path, Vec::new(), None, msg);
        }
        if let Some(answer) = answer {
            let claimed = scorer.claimed_level(a, i);
            if valid {
                answered(&mut at, answer, claimed);
            } else {
                links(&mut at, answer);
            }
        }
    }
    Check {
        ready: !findings.iter().any(|f| f.severity == Severity::Error),
        answered: answered_count,
        total: scorer.indicator_count(),
        findings,
    }
}
