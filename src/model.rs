//! The indicator-set model: what an official framework looks like as data.
//!
//! An [`IndicatorSet`] is a tree of weighted [`Group`]s (dimension, aspect,
//! element, ... up to [`MAX_GROUP_DEPTH`] levels) whose leaves are
//! [`Indicator`]s. Each indicator declares how it is answered ([`AnswerKind`])
//! and how an answer becomes a score on the set's [`Scale`].
//!
//! Sets are read from JSON with [`IndicatorSet::from_json_str`] (native) or
//! [`IndicatorSet::from_json`], which collect every problem with its path
//! instead of stopping at the first one.

use std::collections::BTreeMap;

use serde::Serialize;

/// The deepest nesting of groups a set may use (dimension, aspect, element, sub-element).
pub const MAX_GROUP_DEPTH: usize = 4;

/// A piece of text in Bahasa Indonesia with an optional English translation.
///
/// In JSON it is either a plain string (Indonesian only) or `{ "id": "...", "en": "..." }`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
pub struct Text {
    /// The Indonesian text (always present).
    pub id: String,
    /// The English text; when absent the Indonesian text is shown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

/// A language the engine and the widget speak.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Bahasa Indonesia, the default.
    #[default]
    Id,
    /// English.
    En,
}

impl Lang {
    /// Parses a BCP 47-ish tag: anything starting with `en` is English, everything else Indonesian.
    ///
    /// ```
    /// use swanilai::Lang;
    /// assert_eq!(Lang::from_tag("en-GB"), Lang::En);
    /// assert_eq!(Lang::from_tag("id"), Lang::Id);
    /// assert_eq!(Lang::from_tag(""), Lang::Id);
    /// ```
    pub fn from_tag(tag: &str) -> Lang {
        if tag.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("en")) {
            Lang::En
        } else {
            Lang::Id
        }
    }

    /// The short tag, `"id"` or `"en"`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }
}

impl Text {
    /// Text in both languages.
    pub fn new(id: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            id: id.into(),
            en: Some(en.into()),
        }
    }

    /// The text in `lang`, falling back to Indonesian.
    ///
    /// ```
    /// use swanilai::{Lang, Text};
    /// let t = Text { id: "Baik".into(), en: None };
    /// assert_eq!(t.get(Lang::En), "Baik");
    /// assert_eq!(Text::new("Baik", "Good").get(Lang::En), "Good");
    /// ```
    pub fn get(&self, lang: Lang) -> &str {
        match (lang, &self.en) {
            (Lang::En, Some(en)) if !en.is_empty() => en,
            _ => &self.id,
        }
    }
}

/// An official indicator framework (or a region's own), ready to score assessments against.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
#[serde(rename_all = "camelCase")]
pub struct IndicatorSet {
    /// Stable identifier, e.g. `spbe-2020` (lowercase letters, digits, `-`, `_`, `.`).
    pub id: String,
    /// Version of this set; assessments record it so a later change is noticed.
    pub version: String,
    /// Title.
    pub title: Text,
    /// What the set is for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// The official framework and year this set follows, and how faithfully.
    pub source: String,
    /// The score scale.
    pub scale: Scale,
    /// Predicate bands from the lowest to the highest, covering the whole scale.
    pub predicates: Vec<Predicate>,
    /// What an unanswered indicator counts as.
    pub unanswered: UnansweredPolicy,
    /// The top-level groups (dimensions or domains).
    pub groups: Vec<Group>,
    /// Names for the tags indicators carry (e.g. the smart city pillars), shown with the score
    /// per tag. A tag without a name here is shown as it is written.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<TagLabel>,
    /// The framework's own words for its index, its top-level groups and its evidence.
    #[serde(skip_serializing_if = "Terms::is_empty")]
    pub terms: Terms,
    /// Set when the evaluation is built from the region's masterplan: the pillars and
    /// sub-dimensions programs are listed in and the answers of the generated indicators.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub masterplan: Option<crate::masterplan::MasterplanTemplate>,
}

/// The framework's own words: the name of its index (Indeks Pemdi, Indeks SPBE), of a
/// top-level group (Aspek, Domain, Dimensi) and of evidence (Data dukung). Each is optional;
/// [`IndicatorSet::term`] gives the default for one the set does not name.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
pub struct Terms {
    /// The index's name, e.g. `Indeks Pemdi` (default `Indeks` / `Index`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index: Option<Text>,
    /// The name of a top-level group, e.g. `Aspek` / `Aspect` (default `Kelompok` / `Group`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<Text>,
    /// The word for evidence, e.g. `Data dukung` / `Supporting documents` (default `Bukti` /
    /// `Evidence`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Text>,
}

impl Terms {
    /// Whether the set names none of its terms.
    pub fn is_empty(&self) -> bool {
        self.index.is_none() && self.group.is_none() && self.evidence.is_none()
    }
}

/// Which of the framework's words ([`Terms`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Term {
    /// The index's name.
    Index,
    /// The name of a top-level group.
    Group,
    /// The word for evidence.
    Evidence,
}

/// The name of a tag, in both languages.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
pub struct TagLabel {
    /// The tag as indicators write it, e.g. `governance`.
    pub id: String,
    /// Its name, e.g. `Smart Governance`.
    pub label: Text,
}

/// The range scores live in and how many decimals are shown.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
pub struct Scale {
    /// The lowest score (what an unanswered indicator earns under [`UnansweredPolicy::Zero`]).
    pub min: f64,
    /// The highest score.
    pub max: f64,
    /// Decimals shown, 0 to 6; 2 when absent.
    pub decimals: u8,
}

impl Default for Scale {
    fn default() -> Self {
        Scale {
            min: 0.0,
            max: 5.0,
            decimals: 2,
        }
    }
}

/// One predicate band: scores from `min` (inclusive) to `max` (exclusive; the top band includes it).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
pub struct Predicate {
    /// Lower bound, inclusive.
    pub min: f64,
    /// Upper bound, exclusive except for the top band.
    pub max: f64,
    /// The predicate's name, e.g. `Memuaskan` / `Satisfactory`.
    pub label: Text,
}

/// What an unanswered indicator counts as.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
#[serde(rename_all = "snake_case")]
pub enum UnansweredPolicy {
    /// An unanswered indicator earns the scale minimum (official indices work this way).
    #[default]
    Zero,
    /// Unanswered indicators are left out and the weights of the answered siblings are renormalised.
    Exclude,
}

/// A weighted group of indicators and/or sub-groups.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
pub struct Group {
    /// Identifier, unique across the whole set (groups and indicators alike).
    pub id: String,
    /// Title.
    pub title: Text,
    /// Optional explanation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// Weight relative to its siblings (any positive number).
    pub weight: f64,
    /// Sub-groups.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<Group>,
    /// Indicators directly in this group.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<Indicator>,
    /// Set when the group's indicators are generated from the assessment's masterplan
    /// ([`crate::masterplan::expand`]); the set itself lists none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub generated: Option<crate::masterplan::Generated>,
}

/// Whether an answer needs supporting evidence (documents, links, notes).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
#[serde(rename_all = "snake_case")]
pub enum Evidence {
    /// No evidence is asked for.
    None,
    /// Evidence is recommended.
    #[default]
    Recommended,
    /// An answer without evidence is flagged.
    Required,
}

/// A question that earns a score.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
pub struct Indicator {
    /// Identifier, unique across the whole set.
    pub id: String,
    /// Title.
    pub title: Text,
    /// Guidance for the person answering.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<Text>,
    /// Weight relative to its siblings (any positive number).
    pub weight: f64,
    /// Whether evidence is asked for.
    pub evidence: Evidence,
    /// Free tags, e.g. the smart city pillar (`governance`, `economy`, ...); scores are also given per tag.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// How the indicator is answered and scored.
    pub answer: AnswerKind,
    /// Set when the indicator's level is taken from another agency's evaluation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external: Option<External>,
    /// Set when the indicator's answer can be proposed from last year's assessment (the smart
    /// city Baseline dimension); the rules are in docs/FORMAT.md.
    #[serde(rename = "fromPrevious", skip_serializing_if = "Option::is_none")]
    pub from_previous: Option<FromPrevious>,
}

/// What an indicator takes from last year's assessment when it is imported (`fromPrevious`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
#[serde(rename_all = "snake_case")]
pub enum FromPrevious {
    /// Last year's achievement index: its overall score (a `score` or `number` answer).
    Index,
    /// The change of the index since last year, counted without the top-level groups that
    /// hold `fromPrevious` indicators (a `number` answer).
    Change,
}

/// How an indicator is answered, and how its answer becomes a score.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AnswerKind {
    /// A maturity level 1..N (SPBE style); the answer is the level number.
    Level {
        /// The levels from 1 upwards.
        levels: Vec<Level>,
    },
    /// Yes or no; the answer is a boolean.
    YesNo {
        /// Score for yes (the scale maximum when absent).
        #[serde(skip_serializing_if = "Option::is_none")]
        yes: Option<f64>,
        /// Score for no (the scale minimum when absent).
        #[serde(skip_serializing_if = "Option::is_none")]
        no: Option<f64>,
    },
    /// One option out of several; the answer is the option's id.
    Choice {
        /// The options.
        options: Vec<Choice>,
    },
    /// A measured quantity; the answer is a number.
    Number {
        /// Unit shown beside the field, e.g. `Mbps` or `hari`.
        #[serde(skip_serializing_if = "Option::is_none")]
        unit: Option<Text>,
        /// Lowest valid value.
        #[serde(skip_serializing_if = "Option::is_none")]
        min: Option<f64>,
        /// Highest valid value.
        #[serde(skip_serializing_if = "Option::is_none")]
        max: Option<f64>,
        /// Which direction is better.
        better: Better,
        /// How the value becomes a score.
        mapping: NumberMapping,
    },
    /// A percentage 0-100 mapped linearly onto the scale.
    Percent {
        /// Which direction is better.
        better: Better,
    },
    /// A score given directly on the set's scale (e.g. an evaluation dimension index).
    Score,
}

/// One maturity level.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
pub struct Level {
    /// The level's name, e.g. `Rintisan`.
    pub label: Text,
    /// What must be true to claim this level.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub criteria: Option<Text>,
    /// Score for this level; the level number (1..N) when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
    /// The condition (kondisi) a region at this level is in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub condition: Option<Text>,
    /// The evidence items (data dukung) an assessor expects for this level.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<EvidenceItem>,
}

/// One evidence item (a supporting document) a level expects.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
pub struct EvidenceItem {
    /// Identifier, unique within the indicator (across all its levels), e.g. `l1-sk`.
    pub id: String,
    /// What the document is.
    pub text: Text,
    /// Whether the level needs it (true when absent); optional items do not hold a level back.
    #[serde(skip_serializing_if = "is_true")]
    pub required: bool,
}

fn is_true(b: &bool) -> bool {
    *b
}

/// An indicator whose level is taken from another agency's evaluation.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
pub struct External {
    /// The agency, e.g. `Bappenas (Satu Data Indonesia)`.
    pub agency: Text,
    /// Where its results are published, and which of its results is meant.
    pub source: Text,
    /// How the agency's published result becomes a level: bands listed from the lowest to the
    /// highest, a result at least `limit` earning the band's level (`score`). When absent the
    /// official enters the level.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mapping: Option<Vec<Band>>,
}

/// One option of a choice indicator.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
pub struct Choice {
    /// Identifier stored in answers, unique within the indicator.
    pub id: String,
    /// Label shown.
    pub label: Text,
    /// Score on the set's scale.
    pub score: f64,
}

/// Which direction of a number is better.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
#[serde(rename_all = "snake_case")]
pub enum Better {
    /// Larger values are better.
    #[default]
    Higher,
    /// Smaller values are better.
    Lower,
}

/// How a number becomes a score.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
#[serde(rename_all = "snake_case")]
pub enum NumberMapping {
    /// `from` maps to the worst score and `to` to the best (swapped when lower is better), clamped.
    Linear {
        /// The value that earns the scale minimum (higher is better) or maximum (lower is better).
        from: f64,
        /// The value that earns the scale maximum (higher is better) or minimum (lower is better).
        to: f64,
    },
    /// Threshold bands listed from the worst to the best.
    Bands(Vec<Band>),
}

/// A threshold band: values at least `limit` (higher is better) or at most `limit`
/// (lower is better) earn `score`, unless a later, better band also matches.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
pub struct Band {
    /// The threshold.
    pub limit: f64,
    /// The score earned.
    pub score: f64,
}

impl IndicatorSet {
    /// A set with no groups (a placeholder; it does not validate).
    pub(crate) fn empty() -> IndicatorSet {
        IndicatorSet {
            id: String::new(),
            version: String::new(),
            title: Text::default(),
            description: None,
            source: String::new(),
            scale: Scale::default(),
            predicates: Vec::new(),
            unanswered: UnansweredPolicy::Zero,
            groups: Vec::new(),
            tags: Vec::new(),
            terms: Terms::default(),
            masterplan: None,
        }
    }

    /// One of the framework's words, or its default when the set does not name it.
    ///
    /// ```
    /// use swanilai::{builtin, Lang, Term};
    /// let mut set = builtin::get("pemdi-2026").unwrap();
    /// assert_eq!(set.term(Term::Evidence, Lang::Id), "Data dukung");
    /// assert_eq!(set.term(Term::Group, Lang::En), "Aspect");
    /// set.terms = Default::default();
    /// assert_eq!(set.term(Term::Evidence, Lang::Id), "Bukti");
    /// assert_eq!(set.term(Term::Index, Lang::En), "Index");
    /// ```
    pub fn term(&self, which: Term, lang: Lang) -> &str {
        self.named_term(which, lang).unwrap_or(match (which, lang) {
            (Term::Index, Lang::Id) => "Indeks",
            (Term::Index, Lang::En) => "Index",
            (Term::Group, Lang::Id) => "Kelompok",
            (Term::Group, Lang::En) => "Group",
            (Term::Evidence, Lang::Id) => "Bukti",
            (Term::Evidence, Lang::En) => "Evidence",
        })
    }

    /// One of the framework's words when the set names it.
    pub fn named_term(&self, which: Term, lang: Lang) -> Option<&str> {
        let named = match which {
            Term::Index => &self.terms.index,
            Term::Group => &self.terms.group,
            Term::Evidence => &self.terms.evidence,
        };
        named.as_ref().map(|t| t.get(lang))
    }

    /// A tag's name from [`IndicatorSet::tags`], or the tag itself when the set does not name it.
    /// (A linear search: to name many tags, index [`IndicatorSet::tags`] once.)
    ///
    /// ```
    /// use swanilai::{builtin, Lang};
    /// let set = builtin::get("gm100sc-kesiapan").unwrap();
    /// assert_eq!(set.tag_label("kesiapan", Lang::En), "Readiness");
    /// assert_eq!(set.tag_label("governance", Lang::Id), "Smart Governance");
    /// assert_eq!(set.tag_label("pilar-x", Lang::Id), "pilar-x");
    /// ```
    pub fn tag_label<'a>(&'a self, tag: &'a str, lang: Lang) -> &'a str {
        self.tags
            .iter()
            .find(|t| t.id == tag)
            .map_or(tag, |t| t.label.get(lang))
    }

    /// [`IndicatorSet::tag_label`] for looking many tags up (a set may name tens of thousands):
    /// the names are indexed once. The first of duplicate names wins, as there.
    ///
    /// ```
    /// use swanilai::{builtin, Lang};
    /// let set = builtin::get("gm100sc-kesiapan").unwrap();
    /// let name = set.tag_namer(Lang::En);
    /// assert_eq!(name("kesiapan"), "Readiness");
    /// assert_eq!(name("pilar-x"), "pilar-x");
    /// ```
    pub fn tag_namer<'a>(&'a self, lang: Lang) -> impl Fn(&'a str) -> &'a str {
        // Positions, inserted one by one so that the first of duplicate names wins.
        let mut index: BTreeMap<&str, usize> = BTreeMap::new();
        for (k, t) in self.tags.iter().enumerate() {
            index.entry(t.id.as_str()).or_insert(k);
        }
        move |tag| {
            index
                .get(tag)
                .map_or(tag, |&k| self.tags[k].label.get(lang))
        }
    }

    /// Every indicator in document order (depth first, a group's indicators before its sub-groups).
    pub fn indicators(&self) -> impl Iterator<Item = &Indicator> {
        let mut out = Vec::new();
        fn walk<'a>(g: &'a Group, out: &mut Vec<&'a Indicator>) {
            out.extend(g.indicators.iter());
            for c in &g.children {
                walk(c, out);
            }
        }
        for g in &self.groups {
            walk(g, &mut out);
        }
        out.into_iter()
    }

    /// The predicate band a shown score falls in.
    pub fn predicate_for(&self, shown: f64) -> Option<&Predicate> {
        let last = self.predicates.len().checked_sub(1)?;
        self.predicates.iter().enumerate().find_map(|(i, p)| {
            let below_max = shown < p.max || (i == last && shown <= p.max);
            (shown >= p.min && below_max).then_some(p)
        })
    }
}

impl Scale {
    /// Clamps a value into the scale. Never panics, even for an invalid scale (min above max).
    pub fn clamp(&self, v: f64) -> f64 {
        v.max(self.min).min(self.max)
    }
}

impl AnswerKind {
    /// The short name used in JSON (`level`, `yes_no`, ...).
    pub fn name(&self) -> &'static str {
        match self {
            AnswerKind::Level { .. } => "level",
            AnswerKind::YesNo { .. } => "yes_no",
            AnswerKind::Choice { .. } => "choice",
            AnswerKind::Number { .. } => "number",
            AnswerKind::Percent { .. } => "percent",
            AnswerKind::Score => "score",
        }
    }
}
