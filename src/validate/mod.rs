//! Semantic checks of sets and assessments, and the scoring of a single answer.
//!
//! Every check runs and every problem is returned, each with the JSON path of
//! the offending value, so a ministry's file can be fixed in one pass.

use std::collections::BTreeMap;

use crate::model::{
    AnswerKind, Better, Group, Indicator, IndicatorSet, MAX_GROUP_DEPTH, NumberMapping, Scale,
};
use crate::num::Show;
use crate::problem::{Code, Problem, index, join, short_number as num};

/// The most indicators a set may hold.
pub const MAX_INDICATORS: usize = 20_000;

/// The most members (indicators and sub-groups) one group may hold, and the most top-level
/// groups. Advice asks "what if this answer changed?" for every answer, and each question
/// recomputes the changed indicator's groups: one flat group of 20,000 indicators took minutes.
pub const MAX_GROUP_MEMBERS: usize = 1000;

/// The most answers an assessment of a set of `indicators` indicators may hold: twice as many
/// plus 100 (an older version's answers to indicators since removed are kept, but a file with
/// far more answers than the set has indicators is not an assessment of it).
///
/// ```
/// assert_eq!(swanilai::validate::max_answers(47), 194);
/// ```
pub const fn max_answers(indicators: usize) -> usize {
    2 * indicators + 100
}

/// The most answers an assessment read without its set may hold.
pub const MAX_ANSWERS: usize = max_answers(MAX_INDICATORS);

/// The most members one object or array of an assessment's text may hold (the answers, and
/// an export's report with its capped problem list): larger ones are refused while parsing.
pub(crate) fn max_items(indicators: Option<usize>) -> usize {
    indicators.map_or(MAX_ANSWERS, max_answers) + crate::MAX_PROBLEMS
}

/// The problem with `count` answers for a set of `indicators` indicators (unknown: at most
/// [`MAX_ANSWERS`]), if there are too many.
pub(crate) fn too_many_answers(count: usize, indicators: Option<usize>) -> Option<Problem> {
    let limit = indicators.map_or(MAX_ANSWERS, max_answers);
    if count <= limit {
        return None;
    }
    let (id, en) = match indicators {
        Some(n) => (
            format!(
                "berkas berisi {count} jawaban, padahal set ini hanya punya {n} indikator (paling banyak {limit} jawaban diterima); berkas tidak dibaca"
            ),
            format!(
                "the file holds {count} answers but the set has only {n} indicators (at most {limit} answers are accepted); the file is not read"
            ),
        ),
        None => (
            format!("berkas berisi {count} jawaban, melebihi batas {limit}; berkas tidak dibaca"),
            format!(
                "the file holds {count} answers, more than the limit of {limit}; the file is not read"
            ),
        ),
    };
    Some(Problem::new("answers", Code::TooMany, id, en))
}

/// Whether an evidence link is an http(s) web address: `http://` or `https://` (in any case),
/// a host, and no spaces, control characters or invisible format characters (bidi controls,
/// zero-width ones). Anything else (`javascript:`, `data:`, `file:`, a bare `www.` name, a
/// path) is kept as text, never as a link.
///
/// ```
/// use swanilai::validate::is_web_link;
/// assert!(is_web_link("https://jdih.banjarkab.go.id/perbup-12.pdf"));
/// assert!(is_web_link(" HTTP://contoh.go.id "));
/// assert!(!is_web_link("javascript:alert(1)"));
/// assert!(!is_web_link("www.contoh.go.id"));
/// assert!(!is_web_link("https://"));
/// assert!(!is_web_link("https://contoh.go.id/a b"));
/// // Bidirectional and invisible format characters would make it read as another address.
/// assert!(!is_web_link("https://bank.go.id/\u{202e}fdp.exe"));
/// assert!(!is_web_link("https://contoh.go.id\u{2067}/a"));
/// assert!(!is_web_link("https://conto\u{200b}h.go.id"));
/// ```
pub fn is_web_link(link: &str) -> bool {
    let t = link.trim();
    let lower = |n: usize| t.get(..n).map(str::to_ascii_lowercase);
    let rest = if lower(8).as_deref() == Some("https://") {
        &t[8..]
    } else if lower(7).as_deref() == Some("http://") {
        &t[7..]
    } else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    // Bidi controls (U+202A-202E, U+2066-2069), marks (U+200E/F, U+061C), zero-width
    // characters and U+FEFF: an address holding one would not read as what it opens.
    let hidden = |c: char| matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2069}' | '\u{061c}' | '\u{feff}');
    !host.is_empty()
        && !t
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || hidden(c))
}

/// The warning for an evidence link at `path` that is not an http(s) web address.
pub(crate) fn link_not_web(path: &str, link: &str) -> Problem {
    let mut shown: String = link.trim().chars().take(60).collect();
    if link.trim().chars().count() > 60 {
        shown.push('…');
    }
    Problem::new(
        path,
        Code::LinkNotWeb,
        format!("`{shown}` bukan alamat web http(s): disimpan sebagai teks, bukan sebagai tautan"),
        format!("`{shown}` is not an http(s) web address: it is kept as text, not as a link"),
    )
}

/// The warning for an entry of a `links` list at `path` that is not an http(s) web address,
/// moved into the notes as text when the answers were read.
pub(crate) fn link_moved(path: &str, link: &str) -> Problem {
    let mut shown: String = link.trim().chars().take(60).collect();
    if link.trim().chars().count() > 60 {
        shown.push('…');
    }
    Problem::new(
        path,
        Code::LinkNotWeb,
        format!(
            "`{shown}` bukan alamat web http(s): disimpan di catatan sebagai teks, bukan sebagai tautan"
        ),
        format!(
            "`{shown}` is not an http(s) web address: it is kept in the notes as text, not as a link"
        ),
    )
}

/// The longest id accepted, in bytes.
pub const MAX_ID_LEN: usize = 64;

/// The largest magnitude of a scale bound: scores, sums and gains stay far from overflow.
pub const MAX_SCALE: f64 = 1e9;

/// The smallest weight accepted: a weight times a score stays a normal (full-precision) number.
pub const MIN_WEIGHT: f64 = 1e-300;

/// Whether `id` is a valid identifier: 1-64 characters of `a-z A-Z 0-9 - _ .`.
///
/// ```
/// assert!(swanilai::is_valid_id("spbe-01"));
/// assert!(!swanilai::is_valid_id("spbe 01"));
/// assert!(!swanilai::is_valid_id(""));
/// ```
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_LEN
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

struct Checker<'a> {
    scale: Scale,
    problems: Vec<Problem>,
    /// Each id seen, with the position of its first path in `id_paths`.
    ids: BTreeMap<&'a str, usize>,
    id_paths: Vec<String>,
    indicators: usize,
}

impl<'a> Checker<'a> {
    fn push(&mut self, path: &str, code: Code, id: String, en: String) {
        self.problems.push(Problem::new(path, code, id, en));
    }

    fn id(&mut self, id: &'a str, path: &str) {
        let at = join(path, "id");
        if !is_valid_id(id) {
            self.push(
                &at,
                Code::InvalidId,
                format!("id `{id}` tidak sah: pakai 1-{MAX_ID_LEN} karakter a-z, A-Z, 0-9, -, _ atau ."),
                format!("id `{id}` is not valid: use 1-{MAX_ID_LEN} characters from a-z, A-Z, 0-9, -, _ and ."),
            );
        } else if let Some(&k) = self.ids.get(id) {
            let first = self.id_paths[k].clone();
            self.push(
                &at,
                Code::DuplicateId,
                format!("id `{id}` sudah dipakai di {first}"),
                format!("id `{id}` is already used at {first}"),
            );
        } else {
            self.ids.insert(id, self.id_paths.len());
            self.id_paths.push(path.to_string());
        }
    }

    fn weight(&mut self, w: f64, path: &str) {
        if w <= 0.0 || !w.is_finite() {
            self.push(
                &join(path, "weight"),
                Code::WeightNotPositive,
                format!("bobot harus lebih dari 0, bukan {}", Show(w)),
                format!("weight must be greater than 0, got {}", Show(w)),
            );
        }
    }

    fn on_scale(&mut self, score: f64, path: &str) {
        if !(self.scale.min..=self.scale.max).contains(&score) {
            let (score, min, max) = (Show(score), Show(self.scale.min), Show(self.scale.max));
            self.push(
                path,
                Code::ScoreOutOfScale,
                format!("skor {score} di luar skala {min} sampai {max}"),
                format!("score {score} is outside the scale {min} to {max}"),
            );
        }
    }

    fn text(&mut self, t: &crate::model::Text, path: &str) {
        if t.id.trim().is_empty() {
            self.push(
                &join(path, "id"),
                Code::EmptyText,
                "teks berbahasa Indonesia tidak boleh kosong".into(),
                "the Indonesian text must not be empty".into(),
            );
        }
    }

    fn group(&mut self, g: &'a Group, path: &str, depth: usize) {
        self.id(&g.id, path);
        self.text(&g.title, &join(path, "title"));
        self.weight(g.weight, path);
        if depth > MAX_GROUP_DEPTH {
            self.push(
                path,
                Code::TooDeep,
                format!("kelompok bersarang lebih dari {MAX_GROUP_DEPTH} tingkat"),
                format!("groups nest deeper than {MAX_GROUP_DEPTH} levels"),
            );
        }
        let members = g.children.len() + g.indicators.len();
        if members > MAX_GROUP_MEMBERS {
            self.push(
                path,
                Code::TooMany,
                format!(
                    "kelompok `{}` berisi {members} butir, melebihi batas {MAX_GROUP_MEMBERS}",
                    g.id
                ),
                format!(
                    "group `{}` holds {members} items, more than the limit of {MAX_GROUP_MEMBERS}",
                    g.id
                ),
            );
        }
        if g.generated.is_some() {
            self.generated(g, path, depth);
        } else if g.children.is_empty() && g.indicators.is_empty() {
            self.push(
                path,
                Code::GroupEmpty,
                format!(
                    "kelompok `{}` tidak berisi indikator maupun subkelompok",
                    g.id
                ),
                format!("group `{}` holds neither indicators nor sub-groups", g.id),
            );
        }
        let ipath = join(path, "indicators");
        for (i, ind) in g.indicators.iter().enumerate() {
            self.indicator(ind, &index(&ipath, i));
        }
        let cpath = join(path, "children");
        for (i, c) in g.children.iter().enumerate() {
            self.group(c, &index(&cpath, i), depth + 1);
        }
    }

    fn indicator(&mut self, ind: &'a Indicator, path: &str) {
        self.indicators += 1;
        self.id(&ind.id, path);
        self.text(&ind.title, &join(path, "title"));
        self.weight(ind.weight, path);
        self.answer(&ind.answer, &join(path, "answer"), &ind.id);
        if let Some(x) = &ind.external {
            self.external(ind, x, &join(path, "external"));
        }
        let from = join(path, "fromPrevious");
        self.problems
            .extend(crate::baseline::check_indicator(ind, &from));
    }

    /// Checks an answer definition at `apath`, of the indicator (or template) `owner`.
    fn answer(&mut self, answer: &AnswerKind, apath: &str, owner: &str) {
        let apath = apath.to_string();
        let empty = |c: &mut Self, what_id: &str, what_en: &str| {
            c.push(
                &apath,
                Code::AnswersEmpty,
                format!("indikator `{owner}` tidak punya {what_id}"),
                format!("indicator `{owner}` offers no {what_en}"),
            );
        };
        match answer {
            AnswerKind::Level { levels } => {
                if levels.is_empty() {
                    empty(self, "tingkat", "levels");
                }
                for (i, l) in levels.iter().enumerate() {
                    let lp = index(&join(&apath, "levels"), i);
                    self.text(&l.label, &join(&lp, "label"));
                    if let Some(s) = l.score {
                        self.on_scale(s, &join(&lp, "score"));
                    } else {
                        self.on_scale((i + 1) as f64, &lp);
                    }
                }
                self.levels_evidence(levels, &apath);
            }
            AnswerKind::YesNo { yes, no } => {
                if let Some(s) = yes {
                    self.on_scale(*s, &join(&apath, "yes"));
                }
                if let Some(s) = no {
                    self.on_scale(*s, &join(&apath, "no"));
                }
            }
            AnswerKind::Choice { options } => {
                if options.is_empty() {
                    empty(self, "pilihan", "options");
                }
                let opath = join(&apath, "options");
                // A set, not a pairwise scan: 100,000 options once took minutes.
                let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
                for (i, o) in options.iter().enumerate() {
                    let op = index(&opath, i);
                    if !is_valid_id(&o.id) {
                        self.push(
                            &join(&op, "id"),
                            Code::InvalidId,
                            format!("id pilihan `{}` tidak sah", o.id),
                            format!("option id `{}` is not valid", o.id),
                        );
                    } else if seen.insert(o.id.as_str(), i).is_some() {
                        self.push(
                            &join(&op, "id"),
                            Code::DuplicateId,
                            format!("id pilihan `{}` muncul dua kali", o.id),
                            format!("option id `{}` appears twice", o.id),
                        );
                    }
                    self.text(&o.label, &join(&op, "label"));
                    self.on_scale(o.score, &join(&op, "score"));
                }
            }
            AnswerKind::Number {
                min,
                max,
                mapping,
                better,
                ..
            } => {
                if let (Some(lo), Some(hi)) = (min, max) {
                    if lo > hi {
                        let (lo, hi) = (Show(*lo), Show(*hi));
                        self.push(
                            &join(&apath, "min"),
                            Code::MappingInvalid,
                            format!("batas bawah {lo} lebih besar dari batas atas {hi}"),
                            format!("min {lo} is greater than max {hi}"),
                        );
                    }
                }
                self.mapping(mapping, *better, &join(&apath, "mapping"));
            }
            AnswerKind::Percent { .. } | AnswerKind::Score => {}
        }
    }

    fn mapping(&mut self, m: &NumberMapping, better: Better, path: &str) {
        match m {
            NumberMapping::Linear { from, to } => {
                if from >= to {
                    let (from, to) = (Show(*from), Show(*to));
                    self.push(
                        &join(path, "linear"),
                        Code::MappingInvalid,
                        format!("`from` ({from}) harus lebih kecil dari `to` ({to})"),
                        format!("`from` ({from}) must be less than `to` ({to})"),
                    );
                } else if !(to - from).is_finite() {
                    // `(v - from) / (to - from)` would be 0 or NaN for every answer.
                    self.push(
                        &join(path, "linear"),
                        Code::MappingInvalid,
                        format!(
                            "rentang `from` {} sampai `to` {} terlalu lebar untuk dihitung",
                            num(*from),
                            num(*to)
                        ),
                        format!(
                            "the range from {} to {} is too wide to compute with",
                            num(*from),
                            num(*to)
                        ),
                    );
                }
            }
            NumberMapping::Bands(bands) => {
                let bpath = join(path, "bands");
                if bands.is_empty() {
                    self.push(
                        &bpath,
                        Code::MappingInvalid,
                        "daftar pita kosong".into(),
                        "no bands given".into(),
                    );
                }
                for (i, b) in bands.iter().enumerate() {
                    let bp = index(&bpath, i);
                    self.on_scale(b.score, &join(&bp, "score"));
                    if i == 0 {
                        continue;
                    }
                    let prev = bands[i - 1];
                    let ordered = match better {
                        Better::Higher => b.limit > prev.limit,
                        Better::Lower => b.limit < prev.limit,
                    };
                    if !ordered {
                        let (want_id, want_en) = match better {
                            Better::Higher => ("naik", "increase"),
                            Better::Lower => ("turun", "decrease"),
                        };
                        self.push(
                            &join(&bp, "limit"),
                            Code::MappingInvalid,
                            format!(
                                "batas pita harus {want_id} dari yang terburuk ke yang terbaik"
                            ),
                            format!("band limits must {want_en} from the worst band to the best"),
                        );
                    }
                    if b.score < prev.score {
                        self.push(
                            &join(&bp, "score"),
                            Code::MappingInvalid,
                            "skor pita tidak boleh turun dari yang terburuk ke yang terbaik".into(),
                            "band scores must not decrease from the worst band to the best".into(),
                        );
                    }
                }
            }
        }
    }
}

/// Checks a set's meaning (the reader has already checked its shape) and returns every problem.
///
/// # Example
/// ```
/// use swanilai::{builtin, validate_set};
/// let mut set = builtin::get("spbe-2020").unwrap();
/// assert!(validate_set(&set).is_empty());
/// set.groups[0].weight = -1.0;
/// let problems = validate_set(&set);
/// assert_eq!(problems[0].path, "groups[0].weight");
/// assert_eq!(problems[0].code.as_str(), "weight-not-positive");
/// ```
pub fn validate_set(set: &IndicatorSet) -> Vec<Problem> {
    let mut c = Checker {
        scale: set.scale,
        problems: Vec::new(),
        ids: BTreeMap::new(),
        id_paths: Vec::new(),
        indicators: 0,
    };
    if !is_valid_id(&set.id) {
        c.push(
            "id",
            Code::InvalidId,
            format!("id set `{}` tidak sah: pakai 1-{MAX_ID_LEN} karakter a-z, A-Z, 0-9, -, _ atau .", set.id),
            format!("set id `{}` is not valid: use 1-{MAX_ID_LEN} characters from a-z, A-Z, 0-9, -, _ and .", set.id),
        );
    }
    if set.version.trim().is_empty() {
        c.push(
            "version",
            Code::EmptyText,
            "versi tidak boleh kosong".into(),
            "version must not be empty".into(),
        );
    }
    c.text(&set.title, "title");
    c.terms(&set.terms);
    let s = set.scale;
    if s.min >= s.max || !s.min.is_finite() || !s.max.is_finite() {
        c.push(
            "scale",
            Code::ScaleInvalid,
            format!(
                "skala minimum {} harus lebih kecil dari maksimum {}",
                Show(s.min),
                Show(s.max)
            ),
            format!(
                "scale min {} must be less than max {}",
                Show(s.min),
                Show(s.max)
            ),
        );
    } else if s.min.abs() > MAX_SCALE || s.max.abs() > MAX_SCALE {
        let (min, max, lim) = (num(s.min), num(s.max), crate::num::exponent(MAX_SCALE));
        c.push(
            "scale",
            Code::ScaleInvalid,
            format!("batas skala {min} dan {max} harus di antara -{lim} dan {lim}"),
            format!("scale bounds {min} and {max} must lie between -{lim} and {lim}"),
        );
    } else {
        check_predicates(&mut c, set);
    }
    let mut named: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, t) in set.tags.iter().enumerate() {
        let path = index("tags", i);
        c.text(&t.label, &join(&path, "label"));
        if t.id.trim().is_empty() {
            c.push(
                &join(&path, "id"),
                Code::EmptyText,
                "tag tidak boleh kosong".into(),
                "the tag must not be empty".into(),
            );
        } else if named.insert(t.id.as_str(), i).is_some() {
            c.push(
                &join(&path, "id"),
                Code::DuplicateId,
                format!("tag `{}` sudah diberi nama", t.id),
                format!("tag `{}` is already named", t.id),
            );
        }
    }
    let scale_ok = c.problems.iter().all(|p| p.code != Code::ScaleInvalid);
    if set.groups.is_empty() {
        c.push(
            "groups",
            Code::SetEmpty,
            "set tidak berisi kelompok".into(),
            "the set holds no groups".into(),
        );
    }
    if set.groups.len() > MAX_GROUP_MEMBERS {
        c.push(
            "groups",
            Code::TooMany,
            format!(
                "{} kelompok teratas melebihi batas {MAX_GROUP_MEMBERS}",
                set.groups.len()
            ),
            format!(
                "{} top-level groups exceed the limit of {MAX_GROUP_MEMBERS}",
                set.groups.len()
            ),
        );
    }
    for (i, g) in set.groups.iter().enumerate() {
        c.group(g, &index("groups", i), 1);
    }
    c.template(set);
    c.problems.extend(crate::baseline::check_set(set));
    // Shares are only meaningful when every weight is positive (reported above otherwise).
    if scale_ok && !c.problems.iter().any(|p| p.code == Code::WeightNotPositive) {
        let bound = s.min.abs().max(s.max.abs()).max(1.0);
        check_shares(&mut c, &set.groups, &[], "", 1.0, bound);
    }
    if c.indicators > MAX_INDICATORS {
        c.push(
            "groups",
            Code::TooMany,
            format!("{} indikator melebihi batas {MAX_INDICATORS}", c.indicators),
            format!(
                "{} indicators exceed the limit of {MAX_INDICATORS}",
                c.indicators
            ),
        );
    }
    c.problems
}

/// Checks that scoring one sibling list (the members of a group, or the top-level groups at
/// `path` "") can neither overflow nor lose a member: the weights must sum to a number that
/// times the largest score is still finite, and every member's share of the whole set (its
/// effective weight, `eff` times its share among siblings, as [`crate::Scorer`] computes it)
/// must stay a normal positive number, and no weight may be below [`MIN_WEIGHT`]. Two weights
/// of 1e308 once summed to infinity and scored every answer 0; a weight of 1e-200 under another
/// of 1e-200 made its indicator count for nothing.
fn check_shares(
    c: &mut Checker<'_>,
    groups: &[Group],
    indicators: &[Indicator],
    path: &str,
    eff: f64,
    bound: f64,
) {
    let total: f64 = indicators.iter().map(|i| i.weight).sum::<f64>()
        + groups.iter().map(|g| g.weight).sum::<f64>();
    if !(total * bound * 2.0).is_finite() {
        let n = indicators.len() + groups.len();
        c.push(
            if path.is_empty() { "groups" } else { path },
            Code::WeightOutOfRange,
            format!(
                "bobot {n} butir di sini berjumlah {}, terlalu besar untuk dihitung",
                num(total)
            ),
            format!(
                "the weights of the {n} items here add up to {}, too large to compute with",
                num(total)
            ),
        );
        return;
    }
    let small = |c: &mut Checker<'_>, w: f64, at: &str| {
        let share = eff * (w / total);
        if w < MIN_WEIGHT {
            // Products of such a weight and a score lose their precision (subnormal numbers).
            c.push(
                &join(at, "weight"),
                Code::WeightOutOfRange,
                format!(
                    "bobot {} terlalu kecil untuk dihitung (paling kecil {})",
                    num(w),
                    num(MIN_WEIGHT)
                ),
                format!(
                    "weight {} is too small to compute with (the smallest is {})",
                    num(w),
                    num(MIN_WEIGHT)
                ),
            );
            None
        } else if share < f64::MIN_POSITIVE {
            c.push(
                &join(at, "weight"),
                Code::WeightOutOfRange,
                format!(
                    "bobot {} terlalu kecil dibanding jumlah bobot di sekitarnya ({}): bagiannya dari seluruh set menjadi 0",
                    num(w),
                    num(total)
                ),
                format!(
                    "weight {} is too small next to its siblings' total ({}): its share of the whole set underflows to 0",
                    num(w),
                    num(total)
                ),
            );
            None
        } else {
            Some(share)
        }
    };
    let ipath = join(path, "indicators");
    for (i, ind) in indicators.iter().enumerate() {
        small(c, ind.weight, &index(&ipath, i));
    }
    let gpath = if path.is_empty() {
        "groups".to_string()
    } else {
        join(path, "children")
    };
    for (k, g) in groups.iter().enumerate() {
        let at = index(&gpath, k);
        if let Some(share) = small(c, g.weight, &at) {
            check_shares(c, &g.children, &g.indicators, &at, share, bound);
        }
    }
}

fn check_predicates(c: &mut Checker<'_>, set: &IndicatorSet) {
    let s = set.scale;
    let preds = &set.predicates;
    if preds.is_empty() {
        c.push(
            "predicates",
            Code::PredicatesEmpty,
            "tidak ada predikat".into(),
            "no predicates given".into(),
        );
        return;
    }
    for (i, p) in preds.iter().enumerate() {
        let path = index("predicates", i);
        c.text(&p.label, &join(&path, "label"));
        if p.min >= p.max || p.min < s.min || p.max > s.max {
            c.push(
                &path,
                Code::PredicateInvalid,
                format!(
                    "rentang {} sampai {} kosong, terbalik atau di luar skala",
                    Show(p.min),
                    Show(p.max)
                ),
                format!(
                    "band {} to {} is empty, reversed or outside the scale",
                    Show(p.min),
                    Show(p.max)
                ),
            );
        }
        let expected = if i == 0 { s.min } else { preds[i - 1].max };
        let what = if i == 0 {
            ("minimum skala", "the scale minimum")
        } else {
            ("batas atas pita sebelumnya", "the previous band's max")
        };
        if p.min > expected {
            c.push(
                &join(&path, "min"),
                Code::PredicatesGap,
                format!(
                    "celah: pita dimulai di {} tetapi {} adalah {}",
                    Show(p.min),
                    what.0,
                    Show(expected)
                ),
                format!(
                    "gap: the band starts at {} but {} is {}",
                    Show(p.min),
                    what.1,
                    Show(expected)
                ),
            );
        } else if p.min < expected {
            c.push(
                &join(&path, "min"),
                Code::PredicatesOverlap,
                format!(
                    "tumpang tindih: pita dimulai di {} sebelum {} {}",
                    Show(p.min),
                    what.0,
                    Show(expected)
                ),
                format!(
                    "overlap: the band starts at {} below {} {}",
                    Show(p.min),
                    what.1,
                    Show(expected)
                ),
            );
        }
    }
    let last = &preds[preds.len() - 1];
    if last.max < s.max {
        c.push(
            &join(&index("predicates", preds.len() - 1), "max"),
            Code::PredicatesGap,
            format!(
                "celah: pita teratas berakhir di {} sebelum maksimum skala {}",
                Show(last.max),
                Show(s.max)
            ),
            format!(
                "gap: the top band ends at {} below the scale max {}",
                Show(last.max),
                Show(s.max)
            ),
        );
    }
}

mod answer;
mod evidence;
mod masterplan;

pub use answer::{AnswerError, answer_score, is_bps_code, validate_assessment};
