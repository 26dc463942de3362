//! Scoring: the weighted mean at every level of the tree, with predicates,
//! completeness and per-tag scores.
//!
//! A [`Scorer`] compiles a set once (flat arrays, parents, effective weights)
//! and then scores any number of assessments. Its [`Tally`] can answer
//! "what would the overall score be if this one indicator scored x?" by
//! recomputing only the indicator's ancestors, which is what advice and the
//! widget's live updates need.

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::Serialize;

use crate::assessment::{Assessment, Value};
use crate::model::{AnswerKind, Evidence, Group, Indicator, IndicatorSet, Text, UnansweredPolicy};
use crate::problem::Problem;
use crate::round::round_half_away;
use crate::validate::{answer_score, validate_assessment};

/// A score with its shown (rounded) value and predicate.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
pub struct Score {
    /// The exact score; absent when nothing counts yet (only under the `exclude` policy).
    pub value: Option<f64>,
    /// The score as shown: rounded half away from zero to the set's decimals.
    pub shown: Option<f64>,
    /// The predicate band of the shown score.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub predicate: Option<PredicateRef>,
}

/// A reference to one of the set's predicate bands.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
pub struct PredicateRef {
    /// Position in the set's `predicates` (0 is the lowest band).
    pub index: usize,
    /// The band's label.
    pub label: Text,
}

/// How much has been answered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
#[serde(rename_all = "camelCase")]
pub struct Completeness {
    /// Indicators with a valid answer.
    pub answered: usize,
    /// Indicators in all.
    pub total: usize,
    /// Share (0-1) of the total effective weight that is answered.
    pub by_weight: f64,
}

/// The score of one group.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
#[serde(rename_all = "camelCase")]
pub struct GroupScore {
    /// The group's id.
    pub id: String,
    /// The parent group's id (absent for top-level groups).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// 1 for top-level groups.
    pub depth: usize,
    /// The group's share of the whole set (0-1).
    pub effective_weight: f64,
    /// The score.
    pub score: Score,
    /// The score with every indicator at the level its evidence supports.
    pub evidenced: Score,
    /// How much of the group is answered.
    pub completeness: Completeness,
}

/// The score of one indicator.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
#[serde(rename_all = "camelCase")]
pub struct IndicatorScore {
    /// The indicator's id.
    pub id: String,
    /// The id of the group holding it.
    pub group: String,
    /// Whether it has a valid answer.
    pub answered: bool,
    /// The indicator's share of the whole set (0-1).
    pub effective_weight: f64,
    /// The score (the scale minimum when unanswered under `zero`; absent under `exclude`).
    pub score: Score,
    /// Required evidence is missing for an answered indicator.
    pub evidence_missing: bool,
    /// For a `level` indicator: the level claimed (answered, or mapped from the agency's result).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<usize>,
    /// For a `level` indicator: the level its evidence supports (0 when level 1 is not met).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidenced_level: Option<usize>,
    /// The score at the evidenced level (the scale minimum for level 0); the score itself for
    /// other kinds.
    pub evidenced: Score,
    /// The required evidence items of the claimed level and those below it that are not
    /// `siap`: what holds the claim above the evidence.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<MissingItem>,
    /// For an indicator taken from another agency's evaluation: which agency, and whether
    /// its level follows from the recorded result (or was entered by the official).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external: Option<ExternalLevel>,
}

/// An evidence item not yet `siap`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
pub struct MissingItem {
    /// The item's id.
    pub id: String,
    /// The level (1-based) that lists it.
    pub level: usize,
    /// What the document is.
    pub text: Text,
}

/// Where an external indicator's level comes from.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
#[serde(rename_all = "camelCase")]
pub struct ExternalLevel {
    /// The agency whose evaluation the level is taken from.
    pub agency: Text,
    /// True when the level follows from the recorded result through the set's mapping; false
    /// when the official entered it.
    pub from_result: bool,
}

/// The score of all indicators carrying a tag.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
pub struct TagScore {
    /// The tag.
    pub tag: String,
    /// Weighted mean of the tagged indicators, by effective weight.
    pub score: Score,
    /// How many indicators carry the tag.
    pub count: usize,
}

/// The full result of scoring an assessment.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// The set scored against.
    pub set_id: String,
    /// Its version.
    pub set_version: String,
    /// The overall score with its predicate (the index as claimed).
    pub overall: Score,
    /// The overall score with every indicator at the level its evidence supports.
    pub evidenced: Score,
    /// Whether some indicators are still unanswered: the scores are then the index so far
    /// (see `completeness` for how many are answered), not a result.
    pub provisional: bool,
    /// How much is answered overall.
    pub completeness: Completeness,
    /// Every group, parents before children, in document order.
    pub groups: Vec<GroupScore>,
    /// Every indicator in document order.
    pub indicators: Vec<IndicatorScore>,
    /// Scores per tag, in order of first appearance.
    pub tags: Vec<TagScore>,
    /// Problems in the assessment (invalid answers are listed here and not scored).
    pub problems: Vec<Problem>,
}

/// A child of a group, in scoring order (indicators first, then sub-groups).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Member {
    Indicator(usize),
    Group(usize),
}

/// A set compiled for fast, repeated scoring.
///
/// # Example
/// ```
/// use swanilai::{builtin, Assessment, Scorer, Value};
/// let set = builtin::get("spbe-2020").unwrap();
/// let scorer = Scorer::new(&set);
/// let mut a = Assessment::new("spbe-2020", &set.version);
/// for ind in set.indicators() {
///     a.set_value(&ind.id, Value::Number(3.0));
/// }
/// let report = scorer.score(&a);
/// assert_eq!(report.overall.shown, Some(3.0));
/// assert_eq!(report.overall.predicate.unwrap().label.id, "Baik");
/// ```
#[derive(Clone, Debug)]
pub struct Scorer<'s> {
    set: Cow<'s, IndicatorSet>,
    /// Groups in pre-order, each as the child positions leading to it from the top.
    group_path: Vec<Vec<usize>>,
    group_weight: Vec<f64>,
    group_parent: Vec<Option<usize>>,
    group_depth: Vec<usize>,
    group_members: Vec<Vec<Member>>,
    group_eff: Vec<f64>,
    top: Vec<Member>,
    /// Indicators in document order (a group's indicators, then its sub-groups'):
    /// the group holding each, its position there, and its weight.
    ind_group: Vec<usize>,
    ind_pos: Vec<usize>,
    ind_weight: Vec<f64>,
    ind_eff: Vec<f64>,
    /// Indicator positions sorted by id (stably: the first of equal ids comes first).
    ind_by_id: Vec<usize>,
    tags: Vec<(String, Vec<usize>)>,
}

/// The per-node sums of one scoring, able to answer what-if questions cheaply.
#[derive(Clone, Debug)]
pub struct Tally {
    ind: Vec<Option<f64>>,
    group: Vec<Option<f64>>,
    overall: Option<f64>,
}

impl Tally {
    /// The overall score.
    pub fn overall(&self) -> Option<f64> {
        self.overall
    }

    /// An indicator's score, by its position in document order.
    pub fn indicator(&self, i: usize) -> Option<f64> {
        self.ind[i]
    }

    /// A group's score, by its position in pre-order.
    pub(crate) fn group(&self, g: usize) -> Option<f64> {
        self.group[g]
    }
}

impl<'s> Scorer<'s> {
    /// Compiles a set. The set should be valid ([`crate::validate_set`]); an invalid one
    /// still scores without panicking, but its numbers mean little.
    pub fn new(set: &'s IndicatorSet) -> Scorer<'s> {
        Scorer::compile(Cow::Borrowed(set))
    }

    /// Compiles a set the scorer keeps (for a long-lived owner such as the browser widget).
    pub fn owned(set: IndicatorSet) -> Scorer<'static> {
        Scorer::compile(Cow::Owned(set))
    }

    fn compile(set: Cow<'s, IndicatorSet>) -> Scorer<'s> {
        let mut s = Scorer {
            set: Cow::Owned(IndicatorSet::empty()),
            group_path: Vec::new(),
            group_weight: Vec::new(),
            group_parent: Vec::new(),
            group_depth: Vec::new(),
            group_members: Vec::new(),
            group_eff: Vec::new(),
            top: Vec::new(),
            ind_group: Vec::new(),
            ind_pos: Vec::new(),
            ind_weight: Vec::new(),
            ind_eff: Vec::new(),
            ind_by_id: Vec::new(),
            tags: Vec::new(),
        };
        let total: f64 = set.groups.iter().map(|g| g.weight).sum();
        for (k, g) in set.groups.iter().enumerate() {
            let gi = s.add_group(g, vec![k], None, 1, share(g.weight, total));
            s.top.push(Member::Group(gi));
        }
        // Tags in order of first appearance, found through an index: a linear search per tag
        // took seconds for a set with 40,000 distinct tags.
        let mut tags: Vec<(String, Vec<usize>)> = Vec::new();
        let mut tag_index: BTreeMap<&str, usize> = BTreeMap::new();
        for (i, ind) in set.indicators().enumerate() {
            for t in &ind.tags {
                match tag_index.get(t.as_str()) {
                    Some(&k) => tags[k].1.push(i),
                    None => {
                        tag_index.insert(t, tags.len());
                        tags.push((t.clone(), vec![i]));
                    }
                }
            }
        }
        drop(tag_index);
        s.tags = tags;
        s.set = set;
        let by_id = {
            let ids: Vec<&str> = (0..s.indicator_count())
                .map(|i| s.indicator(i).id.as_str())
                .collect();
            let mut order: Vec<usize> = (0..ids.len()).collect();
            crate::sort::sort_positions(&mut order, &|a, b| ids[a].cmp(ids[b]));
            order
        };
        s.ind_by_id = by_id;
        s
    }

    fn add_group(
        &mut self,
        g: &Group,
        path: Vec<usize>,
        parent: Option<usize>,
        depth: usize,
        eff: f64,
    ) -> usize {
        let gi = self.group_path.len();
        self.group_path.push(path.clone());
        self.group_weight.push(g.weight);
        self.group_parent.push(parent);
        self.group_depth.push(depth);
        self.group_members.push(Vec::new());
        self.group_eff.push(eff);
        let total: f64 = g.indicators.iter().map(|i| i.weight).sum::<f64>()
            + g.children.iter().map(|c| c.weight).sum::<f64>();
        let mut members = Vec::with_capacity(g.indicators.len() + g.children.len());
        for (pos, ind) in g.indicators.iter().enumerate() {
            let ii = self.ind_group.len();
            self.ind_group.push(gi);
            self.ind_pos.push(pos);
            self.ind_weight.push(ind.weight);
            self.ind_eff.push(eff * share(ind.weight, total));
            members.push(Member::Indicator(ii));
        }
        for (k, c) in g.children.iter().enumerate() {
            let mut cpath = path.clone();
            cpath.push(k);
            let ci = self.add_group(c, cpath, Some(gi), depth + 1, eff * share(c.weight, total));
            members.push(Member::Group(ci));
        }
        self.group_members[gi] = members;
        gi
    }

    /// How many groups the set has, at every depth.
    pub(crate) fn group_count(&self) -> usize {
        self.group_path.len()
    }

    /// The members of group `g` (pre-order position), or of the top level for `None`.
    pub(crate) fn members(&self, g: Option<usize>) -> &[Member] {
        g.map_or(&self.top, |g| &self.group_members[g])
    }

    /// A member's own weight among its siblings.
    pub(crate) fn member_weight(&self, m: Member) -> f64 {
        match m {
            Member::Indicator(i) => self.ind_weight[i],
            Member::Group(g) => self.group_weight[g],
        }
    }

    /// The group directly holding indicator `i`, and the parent of group `g`.
    pub(crate) fn parent(&self, m: Member) -> Option<usize> {
        match m {
            Member::Indicator(i) => Some(self.ind_group[i]),
            Member::Group(g) => self.group_parent[g],
        }
    }

    /// The set being scored.
    pub fn set(&self) -> &IndicatorSet {
        &self.set
    }

    /// The group at position `g` in pre-order.
    fn group(&self, g: usize) -> &Group {
        let path = &self.group_path[g];
        let mut group = &self.set.groups[path[0]];
        for &k in &path[1..] {
            group = &group.children[k];
        }
        group
    }

    /// How many indicators the set has.
    pub fn indicator_count(&self) -> usize {
        self.ind_group.len()
    }

    /// An indicator's position in document order.
    pub fn indicator_index(&self, id: &str) -> Option<usize> {
        // The first of equal ids: the sort is stable.
        let k = self
            .ind_by_id
            .partition_point(|&i| self.indicator(i).id.as_str() < id);
        self.ind_by_id
            .get(k)
            .copied()
            .filter(|&i| self.indicator(i).id == id)
    }

    /// Each indicator's share of the whole set, in document order.
    pub fn effective_weights(&self) -> &[f64] {
        &self.ind_eff
    }

    /// What each indicator scores under the assessment (`None` = not counted), in document
    /// order; invalid answers count as unanswered.
    pub fn indicator_scores(&self, a: &Assessment) -> Vec<Option<f64>> {
        let set = self.set();
        set.indicators()
            .map(|ind| self.unanswered(self.claimed_score(ind, a)))
            .collect()
    }

    /// The score an indicator's answer claims, if it is valid (for an external indicator with
    /// a mapping, the level its recorded result maps to).
    fn claimed_score(&self, ind: &Indicator, a: &Assessment) -> Option<f64> {
        let ans = a.answers.get(&ind.id)?;
        let v = crate::evidence::claimed_value(ind, ans)?;
        answer_score(&ind.answer, &self.set.scale, &v).ok()
    }

    /// What each indicator scores at the level its evidence supports, in document order
    /// (`None` = not counted): the claimed score where the evidence carries the claim.
    pub fn evidenced_scores(&self, a: &Assessment) -> Vec<Option<f64>> {
        (0..self.indicator_count())
            .map(|i| {
                let ind = self.indicator(i);
                let claimed = self.claimed_score(ind, a);
                let (Some(level), AnswerKind::Level { levels }) =
                    (self.claimed_level(a, i), &ind.answer)
                else {
                    return self.unanswered(claimed);
                };
                let ev = crate::evidence::evidenced_level(ind, a.answers.get(&ind.id), level);
                Some(match ev {
                    0 => self.set.scale.min,
                    ev if ev == level => claimed.unwrap_or(self.set.scale.min),
                    ev => levels[ev - 1].score.unwrap_or(ev as f64),
                })
            })
            .collect()
    }

    /// The level a `level` indicator's valid answer claims.
    pub fn claimed_level(&self, a: &Assessment, i: usize) -> Option<usize> {
        let ind = self.indicator(i);
        if !matches!(ind.answer, AnswerKind::Level { .. }) {
            return None;
        }
        match self.current_value(a, i).as_deref() {
            Some(Value::Number(n)) => Some(*n as usize),
            _ => None,
        }
    }

    /// Applies the unanswered policy to a score that may be missing.
    pub fn unanswered(&self, score: Option<f64>) -> Option<f64> {
        match (score, self.set.unanswered) {
            (Some(s), _) => Some(s),
            (None, UnansweredPolicy::Zero) => Some(self.set.scale.min),
            (None, UnansweredPolicy::Exclude) => None,
        }
    }

    fn member_score(&self, t: &Tally, m: Member) -> (f64, Option<f64>) {
        match m {
            Member::Indicator(i) => (self.ind_weight[i], t.ind[i]),
            Member::Group(g) => (self.group_weight[g], t.group[g]),
        }
    }

    fn mean(
        &self,
        t: &Tally,
        members: &[Member],
        changed: Option<(Member, Option<f64>)>,
    ) -> Option<f64> {
        let (mut ws, mut w) = (0.0, 0.0);
        for &m in members {
            let (weight, score) = self.member_score(t, m);
            let score = match changed {
                Some((c, s)) if c == m => s,
                _ => score,
            };
            if let Some(s) = score {
                ws += weight * s;
                w += weight;
            }
        }
        (w > 0.0).then(|| self.set.scale.clamp(ws / w))
    }

    /// Scores indicator values (as from [`Scorer::indicator_scores`]) up the tree.
    pub fn tally(&self, ind: Vec<Option<f64>>) -> Tally {
        let mut t = Tally {
            ind,
            group: vec![None; self.group_path.len()],
            overall: None,
        };
        // Pre-order: children come after parents, so walk backwards.
        for g in (0..self.group_path.len()).rev() {
            t.group[g] = self.mean(&t, &self.group_members[g], None);
        }
        t.overall = self.mean(&t, &self.top, None);
        t
    }

    /// The overall score if indicator `i` scored `score` instead, recomputing only its ancestors.
    pub fn overall_if(&self, t: &Tally, i: usize, score: Option<f64>) -> Option<f64> {
        let mut changed = (Member::Indicator(i), score);
        let mut g = Some(self.ind_group[i]);
        while let Some(gi) = g {
            let s = self.mean(t, &self.group_members[gi], Some(changed));
            changed = (Member::Group(gi), s);
            g = self.group_parent[gi];
        }
        self.mean(t, &self.top, Some(changed))
    }

    /// Changes indicator `i`'s score in the tally, updating its ancestors.
    pub fn update(&self, t: &mut Tally, i: usize, score: Option<f64>) {
        t.ind[i] = score;
        let mut g = Some(self.ind_group[i]);
        while let Some(gi) = g {
            t.group[gi] = self.mean(t, &self.group_members[gi], None);
            g = self.group_parent[gi];
        }
        t.overall = self.mean(t, &self.top, None);
    }

    /// A score with its shown value and predicate.
    pub fn score_of(&self, value: Option<f64>) -> Score {
        let shown = value.map(|v| round_half_away(v, self.set.scale.decimals));
        let predicate = shown.and_then(|s| self.predicate_of(s));
        Score {
            value,
            shown,
            predicate,
        }
    }

    /// The predicate of a shown score.
    pub fn predicate_of(&self, shown: f64) -> Option<PredicateRef> {
        let p = self.set().predicate_for(shown)?;
        let index = self
            .set
            .predicates
            .iter()
            .position(|q| std::ptr::eq(q, p))?;
        Some(PredicateRef {
            index,
            label: p.label.clone(),
        })
    }

    /// The scorer for an assessment: this one, or for a set built from a masterplan, one
    /// compiled from the set expanded with the assessment's program list
    /// ([`crate::masterplan::effective_set`]). Scoring, advice and the check go through it.
    pub fn for_assessment(&self, a: &Assessment) -> Cow<'_, Scorer<'s>> {
        match crate::masterplan::effective_set(self.set(), a) {
            Cow::Borrowed(_) => Cow::Borrowed(self),
            Cow::Owned(set) => Cow::Owned(Scorer::owned(set)),
        }
    }

    /// Scores an assessment (against the set expanded with its masterplan, for a set built
    /// from one).
    pub fn score(&self, a: &Assessment) -> Report {
        if let Cow::Owned(s) = self.for_assessment(a) {
            return s.score(a);
        }
        let problems = validate_assessment(self.set(), a);
        // One lookup and one scoring per answer: whether it counts as answered follows.
        let raw: Vec<Option<f64>> = self
            .set
            .indicators()
            .map(|ind| self.claimed_score(ind, a))
            .collect();
        let answered: Vec<bool> = raw.iter().map(Option::is_some).collect();
        let t = self.tally(raw.into_iter().map(|s| self.unanswered(s)).collect());
        let ev = self.tally(self.evidenced_scores(a));
        self.report(a, (&t, &ev), &answered, problems)
    }

    fn completeness(&self, inds: impl Iterator<Item = usize>, answered: &[bool]) -> Completeness {
        let (mut c, mut w, mut wa) = (Completeness::default(), 0.0, 0.0);
        for i in inds {
            c.total += 1;
            w += self.ind_eff[i];
            if answered[i] {
                c.answered += 1;
                wa += self.ind_eff[i];
            }
        }
        c.by_weight = if w > 0.0 {
            crate::num::unit(wa / w)
        } else {
            0.0
        };
        c
    }

    /// Indicators under group `g`, in document order.
    fn indicators_under(&self, g: usize, out: &mut Vec<usize>) {
        for &m in &self.group_members[g] {
            match m {
                Member::Indicator(i) => out.push(i),
                Member::Group(c) => self.indicators_under(c, out),
            }
        }
    }

    fn report(
        &self,
        a: &Assessment,
        (t, ev): (&Tally, &Tally),
        answered: &[bool],
        problems: Vec<Problem>,
    ) -> Report {
        let set = self.set();
        let groups = (0..self.group_path.len())
            .map(|g| {
                let mut inds = Vec::new();
                self.indicators_under(g, &mut inds);
                GroupScore {
                    id: self.group(g).id.clone(),
                    parent: self.group_parent[g].map(|p| self.group(p).id.clone()),
                    depth: self.group_depth[g],
                    effective_weight: self.group_eff[g],
                    score: self.score_of(t.group[g]),
                    evidenced: self.score_of(ev.group[g]),
                    completeness: self.completeness(inds.into_iter(), answered),
                }
            })
            .collect();
        let indicators = set
            .indicators()
            .enumerate()
            .map(|(i, ind)| {
                let evidence_missing = answered[i]
                    && ind.evidence == Evidence::Required
                    && !a.answers.get(&ind.id).is_some_and(|x| x.has_evidence());
                let answer = a.answers.get(&ind.id);
                let level = self.claimed_level(a, i);
                let evidenced_level =
                    level.map(|l| crate::evidence::evidenced_level(ind, answer, l));
                let missing = level.map_or_else(Vec::new, |l| {
                    crate::evidence::missing(ind, answer, l)
                        .into_iter()
                        .map(|(level, it)| MissingItem {
                            id: it.id.clone(),
                            level,
                            text: it.text.clone(),
                        })
                        .collect()
                });
                let external = ind.external.as_ref().map(|x| ExternalLevel {
                    agency: x.agency.clone(),
                    from_result: answer
                        .and_then(|ans| ans.external.as_ref())
                        .and_then(|r| r.result)
                        .and_then(|r| crate::evidence::mapped_level(ind, r))
                        .is_some(),
                });
                IndicatorScore {
                    id: ind.id.clone(),
                    group: self.group(self.ind_group[i]).id.clone(),
                    answered: answered[i],
                    effective_weight: self.ind_eff[i],
                    score: self.score_of(t.ind[i]),
                    evidence_missing,
                    level,
                    evidenced_level,
                    evidenced: self.score_of(ev.ind[i]),
                    missing,
                    external,
                }
            })
            .collect();
        let tags = self.tag_scores(t);
        let completeness = self.completeness(0..self.ind_group.len(), answered);
        Report {
            set_id: set.id.clone(),
            set_version: set.version.clone(),
            overall: self.score_of(t.overall),
            evidenced: self.score_of(ev.overall),
            provisional: completeness.answered < completeness.total,
            completeness,
            groups,
            indicators,
            tags,
            problems,
        }
    }

    /// Scores per tag, in order of first appearance.
    pub fn tag_scores(&self, t: &Tally) -> Vec<TagScore> {
        self.tags
            .iter()
            .map(|(tag, inds)| TagScore {
                tag: tag.clone(),
                score: self.score_of(self.weighted(inds, &t.ind)),
                count: inds.len(),
            })
            .collect()
    }

    /// Weighted mean of some indicators' scores by effective weight.
    fn weighted(&self, inds: &[usize], scores: &[Option<f64>]) -> Option<f64> {
        let (mut ws, mut w) = (0.0, 0.0);
        for &i in inds {
            if let Some(s) = scores[i] {
                ws += self.ind_eff[i] * s;
                w += self.ind_eff[i];
            }
        }
        (w > 0.0).then(|| self.set.scale.clamp(ws / w))
    }

    /// The value an answer currently holds for indicator `i`, if valid (for an external
    /// indicator with a mapping, the level its recorded result maps to).
    pub fn current_value<'a>(&self, a: &'a Assessment, i: usize) -> Option<Cow<'a, Value>> {
        let ind = self.indicator(i);
        a.answers
            .get(&ind.id)
            .and_then(|x| crate::evidence::claimed_value(ind, x))
            .filter(|v| answer_score(&ind.answer, &self.set.scale, v).is_ok())
    }

    /// The id of the group directly holding indicator `i`.
    pub fn indicator_group(&self, i: usize) -> &str {
        &self.group(self.ind_group[i]).id
    }

    /// The score of the `k`-th top-level group in a tally.
    pub fn top_group_score(&self, t: &Tally, k: usize) -> Option<f64> {
        match self.top.get(k) {
            Some(Member::Group(g)) => t.group[*g],
            _ => None,
        }
    }

    /// How many indicators the `k`-th top-level group holds (they are contiguous in document order).
    pub fn top_group_indicator_count(&self, k: usize) -> usize {
        match self.top.get(k) {
            Some(Member::Group(g)) => {
                let mut out = Vec::new();
                self.indicators_under(*g, &mut out);
                out.len()
            }
            _ => 0,
        }
    }

    /// The indicator at position `i` in document order.
    pub fn indicator(&self, i: usize) -> &Indicator {
        &self.group(self.ind_group[i]).indicators[self.ind_pos[i]]
    }
}

fn share(w: f64, total: f64) -> f64 {
    if total > 0.0 { w / total } else { 0.0 }
}

/// Scores an assessment against a set (compiling the set each time; keep a [`Scorer`] to score many).
///
/// # Example
/// ```
/// use swanilai::{builtin, score, Assessment, Value};
/// let set = builtin::get("spbe-2020").unwrap();
/// let mut a = Assessment::new("spbe-2020", &set.version);
/// a.set_value("spbe-01", Value::Number(5.0)); // weight 1.3 of 100
/// let report = score(&set, &a);
/// assert_eq!(report.overall.shown, Some(0.07)); // 1.3 * 5 / 100 = 0.065 -> 0.07
/// assert_eq!(report.completeness.answered, 1);
/// ```
pub fn score(set: &IndicatorSet, a: &Assessment) -> Report {
    Scorer::new(set).score(a)
}
