//! Problems found in a set or an assessment: data for the caller to show, never exceptions.

use std::fmt;

use serde::Serialize;

use crate::model::{Lang, Text};

/// How serious a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The document cannot be used as it is (a set is refused; an invalid answer is not scored).
    Error,
    /// Worth a look, but scoring goes on (e.g. an answer to an unknown indicator, kept as it is).
    Warning,
}

/// A stable, machine-readable problem code. Serialized in kebab-case, e.g. `duplicate-id`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
#[serde(rename_all = "kebab-case")]
pub enum Code {
    /// The text is not valid JSON (the path is empty; the message gives the line and column).
    JsonSyntax,
    /// The input is larger than the engine accepts.
    TooLarge,
    /// Groups nest deeper than allowed.
    TooDeep,
    /// More indicators, or more members in one group, than the engine accepts; also the last
    /// problem of a capped list, saying how many more were not listed.
    TooMany,
    /// A value has the wrong JSON type.
    WrongType,
    /// A required field is missing.
    MissingField,
    /// A field the format does not know (kept out of the model; a likely typo).
    UnknownField,
    /// The same key appears twice in one object.
    DuplicateKey,
    /// A number is NaN or infinite.
    NotFinite,
    /// A fixed-vocabulary string has an unknown value.
    InvalidValue,
    /// An id is empty, too long or uses characters outside `a-z A-Z 0-9 - _ .`.
    InvalidId,
    /// Two groups/indicators (or two options of one indicator) share an id.
    DuplicateId,
    /// A required text is empty.
    EmptyText,
    /// A weight is zero or negative.
    WeightNotPositive,
    /// Weights a computer cannot score with: siblings' weights summing to infinity, or a
    /// weight so small next to its siblings that its share of the set underflows to 0.
    WeightOutOfRange,
    /// The scale's minimum is not below its maximum.
    ScaleInvalid,
    /// Decimals shown are outside 0-6.
    DecimalsOutOfRange,
    /// No predicate bands are given.
    PredicatesEmpty,
    /// Predicate bands leave part of the scale uncovered.
    PredicatesGap,
    /// Predicate bands overlap.
    PredicatesOverlap,
    /// A predicate band is empty, reversed, or outside the scale.
    PredicateInvalid,
    /// A group holds neither sub-groups nor indicators.
    GroupEmpty,
    /// The set has no groups.
    SetEmpty,
    /// A level, yes/no or choice indicator offers no answers.
    AnswersEmpty,
    /// A score given in the set lies outside its scale.
    ScoreOutOfScale,
    /// A number mapping is unusable (reversed range, unordered bands).
    MappingInvalid,
    /// The assessment is of another set.
    SetMismatch,
    /// The assessment is of another version of the set.
    VersionMismatch,
    /// An answer names an indicator the set does not have (the answer is kept).
    UnknownIndicator,
    /// An answer's value has the wrong type for its indicator.
    ValueWrongType,
    /// An answer's value is outside what its indicator accepts.
    ValueOutOfRange,
    /// A choice answer names an option the indicator does not have.
    UnknownOption,
    /// An indicator that requires evidence was answered without any.
    EvidenceMissing,
    /// A region code is not a BPS code (2, 4, 6 or 10 digits, dots allowed).
    RegionCodeInvalid,
    /// An exported file's content does not match its recorded SHA-256.
    IntegrityMismatch,
    /// An answer records an evidence item its indicator does not list (the entry is kept).
    UnknownEvidenceItem,
    /// An answer records another agency's result for an indicator the set does not take from
    /// another agency (kept, not used).
    ExternalUndeclared,
    /// The claimed level is above the level the evidence supports (the items are named).
    ClaimAboveEvidence,
    /// An assignment names a unit the assessment's `units` do not list.
    UnknownUnit,
    /// A date is not a calendar date written `YYYY-MM-DD`.
    InvalidDate,
    /// A returned share is of another region than the base.
    RegionMismatch,
    /// A file given as a returned share carries no share record.
    NotAShare,
    /// The base changed some of a returned share's answers since it was cut (its changes are
    /// still told against the answers it was cut with).
    ShareStale,
    /// A unit's share opened with the ordinary import over an assessment that keeps the
    /// region's units (a coordinator's): importing it would replace the whole assessment.
    ShareImported,
    /// An evidence link is not an http(s) web address: it is kept as text, not as a link.
    LinkNotWeb,
    /// A masterplan program names a pillar the set's template does not declare.
    UnknownPillar,
    /// A masterplan program names a sub-dimension its pillar does not have.
    UnknownSubdimension,
    /// An answer to a generated indicator no program of the masterplan produces any more (the
    /// answer is kept, not scored).
    OrphanedAnswer,
    /// An assessment lists masterplan programs for a set not built from them (kept, unused).
    MasterplanUndeclared,
    /// A dimension generated from the masterplan has no indicators yet (left out of the index).
    DimensionEmpty,
    /// An impact survey has fewer respondents than the set asks for.
    FewRespondents,
    /// A file given for aggregation was refused as a whole (the message names it and why).
    FileRefused,
}

impl Code {
    /// The code as it appears in JSON, e.g. `"weight-not-positive"`.
    ///
    /// ```
    /// assert_eq!(swanilai::Code::WeightNotPositive.as_str(), "weight-not-positive");
    /// ```
    pub fn as_str(self) -> &'static str {
        use Code::*;
        match self {
            JsonSyntax => "json-syntax",
            TooLarge => "too-large",
            TooDeep => "too-deep",
            TooMany => "too-many",
            WrongType => "wrong-type",
            MissingField => "missing-field",
            UnknownField => "unknown-field",
            DuplicateKey => "duplicate-key",
            NotFinite => "not-finite",
            InvalidValue => "invalid-value",
            InvalidId => "invalid-id",
            DuplicateId => "duplicate-id",
            EmptyText => "empty-text",
            WeightNotPositive => "weight-not-positive",
            WeightOutOfRange => "weight-out-of-range",
            ScaleInvalid => "scale-invalid",
            DecimalsOutOfRange => "decimals-out-of-range",
            PredicatesEmpty => "predicates-empty",
            PredicatesGap => "predicates-gap",
            PredicatesOverlap => "predicates-overlap",
            PredicateInvalid => "predicate-invalid",
            GroupEmpty => "group-empty",
            SetEmpty => "set-empty",
            AnswersEmpty => "answers-empty",
            ScoreOutOfScale => "score-out-of-scale",
            MappingInvalid => "mapping-invalid",
            SetMismatch => "set-mismatch",
            VersionMismatch => "version-mismatch",
            UnknownIndicator => "unknown-indicator",
            ValueWrongType => "value-wrong-type",
            ValueOutOfRange => "value-out-of-range",
            UnknownOption => "unknown-option",
            EvidenceMissing => "evidence-missing",
            RegionCodeInvalid => "region-code-invalid",
            IntegrityMismatch => "integrity-mismatch",
            UnknownEvidenceItem => "unknown-evidence-item",
            ExternalUndeclared => "external-undeclared",
            ClaimAboveEvidence => "claim-above-evidence",
            UnknownUnit => "unknown-unit",
            InvalidDate => "invalid-date",
            RegionMismatch => "region-mismatch",
            NotAShare => "not-a-share",
            ShareStale => "share-stale",
            ShareImported => "share-imported",
            LinkNotWeb => "link-not-web",
            UnknownPillar => "unknown-pillar",
            UnknownSubdimension => "unknown-subdimension",
            OrphanedAnswer => "orphaned-answer",
            MasterplanUndeclared => "masterplan-undeclared",
            DimensionEmpty => "dimension-empty",
            FewRespondents => "few-respondents",
            FileRefused => "file-refused",
        }
    }

    /// The severity a problem with this code has.
    pub fn severity(self) -> Severity {
        use Code::*;
        match self {
            UnknownField | VersionMismatch | UnknownIndicator | EvidenceMissing
            | RegionCodeInvalid | UnknownEvidenceItem | ExternalUndeclared | ClaimAboveEvidence
            | ShareStale | ShareImported | LinkNotWeb | OrphanedAnswer | MasterplanUndeclared
            | DimensionEmpty | FewRespondents => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem: where (a JSON path such as `groups[2].children[0].indicators[3].weight`),
/// what (a stable [`Code`]), how serious, and a message in Indonesian and English.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(
    all(feature = "schema", not(target_arch = "wasm32")),
    derive(schemars::JsonSchema)
)]
pub struct Problem {
    /// Where the problem is, as a JSON path from the document root (empty for the root).
    pub path: String,
    /// The stable code.
    pub code: Code,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, in both languages.
    pub message: Text,
}

impl Problem {
    /// A problem whose severity follows from its code.
    pub fn new(path: impl Into<String>, code: Code, id: String, en: String) -> Problem {
        Problem {
            path: path.into(),
            code,
            severity: code.severity(),
            message: Text { id, en: Some(en) },
        }
    }

    /// Whether this problem is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = if self.path.is_empty() {
            "(root)"
        } else {
            &self.path
        };
        let en = self.message.en.as_deref().unwrap_or(&self.message.id);
        write!(f, "{at}: {} [{}]", en, self.code)
    }
}

/// Whether any of the problems is an error.
pub fn has_errors(problems: &[Problem]) -> bool {
    problems.iter().any(Problem::is_error)
}

/// A number for a message: plain when ordinary, in exponent form when huge or tiny, so that
/// 1e308 is not spelled out in 309 digits.
///
/// ```
/// use swanilai::problem::short_number;
/// assert_eq!(short_number(2.5), "2.5");
/// assert_eq!(short_number(1e308), "1e308");
/// assert_eq!(short_number(-1.5e-300), "-1.5e-300");
/// ```
pub fn short_number(n: f64) -> String {
    let a = n.abs();
    if a != 0.0 && !(1e-6..1e15).contains(&a) {
        crate::num::exponent(n)
    } else {
        crate::num::display(n)
    }
}

/// A number for a message to a person, written as the language writes numbers, like the
/// widget's hints: Indonesian groups thousands with `.` and marks decimals with `,`, English
/// the other way round. Exact (the shortest decimal that reads back to `n`, as
/// [`short_number`] gives it), and in exponent form when huge or tiny.
///
/// ```
/// use swanilai::{problem::number_in, Lang};
/// assert_eq!(number_in(12500.0, Lang::Id), "12.500");
/// assert_eq!(number_in(-1234567.25, Lang::En), "-1,234,567.25");
/// assert_eq!(number_in(-0.3, Lang::Id), "-0,3");
/// assert_eq!(number_in(1e308, Lang::Id), "1e308");
/// ```
pub fn number_in(n: f64, lang: Lang) -> String {
    let s = short_number(n);
    if !n.is_finite() || s.contains('e') {
        return s;
    }
    match s.strip_prefix('-') {
        Some(digits) => crate::round::localized(true, digits, lang),
        None => crate::round::localized(false, &s, lang),
    }
}

/// Joins a path and a key: `join("groups[0]", "weight")` is `groups[0].weight`.
pub(crate) fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// Appends an index: `index("groups", 2)` is `groups[2]`.
pub(crate) fn index(path: &str, i: usize) -> String {
    format!("{path}[{i}]")
}
