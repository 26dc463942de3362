//! Reading sets and assessments from [`Json`], collecting every structural problem.
//!
//! Each reader builds as much of the model as it can: a field with a problem is
//! reported and replaced by its default, so problems deeper in the document are
//! still found. Semantic checks (duplicates, weights, predicates) live in
//! [`crate::validate`].

use std::collections::BTreeMap;

use crate::assessment::{Answer, Assessment, ExternalResult, ItemEvidence, Region, Status, Value};
use crate::json::Json;
use crate::model::{
    AnswerKind, Band, Better, Choice, Evidence, EvidenceItem, External, FromPrevious, Group,
    Indicator, IndicatorSet, Level, NumberMapping, Predicate, Scale, TagLabel, Terms, Text,
    UnansweredPolicy,
};
use crate::num::Show;
use crate::problem::{Code, Problem, index, join};

mod masterplan;
mod team;

/// Collects problems while reading.
#[derive(Default)]
pub(crate) struct Reader {
    pub problems: Vec<Problem>,
    /// Paths of arrays that lost an unreadable item: past it, the model's indices no longer
    /// match the document's, so problems found later under these paths would be misplaced.
    pub shifted: Vec<String>,
    /// The indicators of the set the assessment is read for, when known: it bounds how many
    /// answers are accepted (see [`crate::validate::max_answers`]).
    pub indicators: Option<usize>,
    /// Set when the document was refused as a whole (too many answers).
    pub refused: bool,
}

/// An object being read: remembers which keys were asked for, to report the others.
struct Obj<'a> {
    pairs: &'a [(String, Json)],
    path: String,
    known: Vec<&'static str>,
}

impl<'a> Obj<'a> {
    /// The value of `key` (null counts as absent) and its path.
    fn get(&mut self, key: &'static str) -> Option<(&'a Json, String)> {
        self.known.push(key);
        let pairs: &'a [(String, Json)] = self.pairs;
        pairs
            .iter()
            .find(|(k, _)| k == key)
            .filter(|(_, v)| *v != Json::Null)
            .map(|(_, v)| (v, join(&self.path, key)))
    }
}

/// Quotes a key for a path when it is not a plain identifier: `answers["a b"]`.
pub(crate) fn key_path(path: &str, key: &str) -> String {
    let plain = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        && !key.starts_with(|c: char| c.is_ascii_digit());
    if plain {
        join(path, key)
    } else {
        let escaped: String = key
            .chars()
            .flat_map(|c| match c {
                '"' => vec!['\\', '"'],
                '\\' => vec!['\\', '\\'],
                c if c.is_control() => vec!['?'],
                c => vec![c],
            })
            .collect();
        format!("{path}[\"{escaped}\"]")
    }
}

impl Reader {
    fn push(&mut self, path: &str, code: Code, id: String, en: String) {
        self.problems.push(Problem::new(path, code, id, en));
    }

    fn wrong_type(&mut self, path: &str, want_en: &str, want_id: &str, got: &Json) {
        let got = got.type_name();
        self.push(
            path,
            Code::WrongType,
            format!("harus berupa {want_id}, bukan {got}"),
            format!("must be {want_en}, got {got}"),
        );
    }

    fn object<'a>(&mut self, v: &'a Json, path: &str) -> Option<Obj<'a>> {
        let Json::Object(pairs) = v else {
            self.wrong_type(path, "an object", "objek", v);
            return None;
        };
        // A set of seen keys: a pairwise scan of a hostile 16 MiB object (a million answers)
        // took hours. Small objects, the usual case, skip the allocation.
        let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
        for (i, (k, _)) in pairs.iter().enumerate() {
            let again = if pairs.len() <= 16 {
                pairs[..i].iter().any(|(k2, _)| k2 == k)
            } else {
                seen.insert(k.as_str(), i).is_some()
            };
            if again {
                self.push(
                    &key_path(path, k),
                    Code::DuplicateKey,
                    format!("kunci `{k}` muncul lebih dari sekali; hanya yang pertama dipakai"),
                    format!("key `{k}` appears more than once; only the first is used"),
                );
            }
        }
        Some(Obj {
            pairs,
            path: path.to_string(),
            known: Vec::new(),
        })
    }

    /// Reports the keys of `o` that no reader asked for.
    fn finish(&mut self, o: Obj<'_>) {
        for (k, _) in o.pairs {
            if !o.known.contains(&k.as_str()) {
                self.push(
                    &key_path(&o.path, k),
                    Code::UnknownField,
                    format!("kolom `{k}` tidak dikenal dan diabaikan"),
                    format!("unknown field `{k}` is ignored"),
                );
            }
        }
    }

    fn missing(&mut self, o: &Obj<'_>, key: &str) {
        self.push(
            &join(&o.path, key),
            Code::MissingField,
            format!("kolom wajib `{key}` tidak ada"),
            format!("required field `{key}` is missing"),
        );
    }

    /// A required field read with `f`; reports it when missing.
    fn req<'a, T>(
        &mut self,
        o: &mut Obj<'a>,
        key: &'static str,
        f: impl FnOnce(&mut Self, &'a Json, &str) -> Option<T>,
    ) -> Option<T> {
        match o.get(key) {
            Some((v, p)) => f(self, v, &p),
            None => {
                self.missing(o, key);
                None
            }
        }
    }

    /// An optional field read with `f`.
    fn opt<'a, T>(
        &mut self,
        o: &mut Obj<'a>,
        key: &'static str,
        f: impl FnOnce(&mut Self, &'a Json, &str) -> Option<T>,
    ) -> Option<T> {
        o.get(key).and_then(|(v, p)| f(self, v, &p))
    }

    fn string(&mut self, v: &Json, path: &str) -> Option<String> {
        match v {
            Json::String(s) => Some(s.clone()),
            _ => {
                self.wrong_type(path, "a string", "teks", v);
                None
            }
        }
    }

    /// A string, also accepting a number written without quotes (e.g. a year).
    fn lenient_string(&mut self, v: &Json, path: &str) -> Option<String> {
        match v {
            Json::Number(n) if n.is_finite() => Some(crate::num::display(*n)),
            _ => self.string(v, path),
        }
    }

    fn boolean(&mut self, v: &Json, path: &str) -> Option<bool> {
        match v {
            Json::Bool(b) => Some(*b),
            _ => {
                self.wrong_type(path, "true or false", "true atau false", v);
                None
            }
        }
    }

    fn number(&mut self, v: &Json, path: &str) -> Option<f64> {
        match v {
            // `+ 0.0` turns -0 into 0: the sign of zero means nothing here, and it would show
            // as `-0.0` in native JSON output but `0` in JavaScript.
            Json::Number(n) if n.is_finite() => Some(*n + 0.0),
            Json::Number(n) => {
                self.push(
                    path,
                    Code::NotFinite,
                    format!("angka harus terhingga, bukan {}", Show(*n)),
                    format!("number must be finite, got {}", Show(*n)),
                );
                None
            }
            _ => {
                self.wrong_type(path, "a number", "angka", v);
                None
            }
        }
    }

    fn array<'a>(&mut self, v: &'a Json, path: &str) -> Option<&'a [Json]> {
        match v {
            Json::Array(a) => Some(a),
            _ => {
                self.wrong_type(path, "an array", "larik (array)", v);
                None
            }
        }
    }

    /// Reads every item of an array with `f`, keeping the ones that could be read.
    fn list<T>(
        &mut self,
        v: &Json,
        path: &str,
        mut f: impl FnMut(&mut Self, &Json, &str) -> Option<T>,
    ) -> Option<Vec<T>> {
        let items = self.array(v, path)?;
        // A plain loop: `filter_map().collect()` compiles to more wasm for each item type.
        let mut out = Vec::new();
        for (i, it) in items.iter().enumerate() {
            if let Some(x) = f(self, it, &index(path, i)) {
                out.push(x);
            }
        }
        if out.len() < items.len() {
            self.shifted.push(path.to_string());
        }
        Some(out)
    }

    fn text(&mut self, v: &Json, path: &str) -> Option<Text> {
        match v {
            Json::String(s) => Some(Text {
                id: s.clone(),
                en: None,
            }),
            Json::Object(_) => {
                let mut o = self.object(v, path)?;
                let id = self.req(&mut o, "id", Self::string);
                let en = self.opt(&mut o, "en", Self::string);
                self.finish(o);
                Some(Text {
                    id: id.unwrap_or_default(),
                    en,
                })
            }
            _ => {
                self.wrong_type(
                    path,
                    "a string or {\"id\", \"en\"}",
                    "teks atau {\"id\", \"en\"}",
                    v,
                );
                None
            }
        }
    }

    fn choice<T: Copy>(&mut self, v: &Json, path: &str, options: &[(&str, T)]) -> Option<T> {
        let s = self.string(v, path)?;
        let found = options.iter().find(|(name, _)| *name == s).map(|(_, t)| *t);
        if found.is_none() {
            let names: Vec<&str> = options.iter().map(|(n, _)| *n).collect();
            let names = names.join(", ");
            self.push(
                path,
                Code::InvalidValue,
                format!("nilai `{s}` tidak dikenal; pilihan: {names}"),
                format!("unknown value `{s}`; expected one of {names}"),
            );
        }
        found
    }

    // --- indicator sets ---

    pub fn set(&mut self, v: &Json) -> Option<IndicatorSet> {
        let mut o = self.object(v, "")?;
        let id = self.req(&mut o, "id", Self::string);
        let version = self.req(&mut o, "version", Self::lenient_string);
        let title = self.req(&mut o, "title", Self::text);
        let description = self.opt(&mut o, "description", Self::text);
        let source = self.opt(&mut o, "source", Self::string);
        let scale = self.opt(&mut o, "scale", Self::scale);
        let predicates = self.req(&mut o, "predicates", |r, v, p| {
            r.list(v, p, Self::predicate)
        });
        let unanswered = self.opt(&mut o, "unanswered", |r, v, p| {
            r.choice(
                v,
                p,
                &[
                    ("zero", UnansweredPolicy::Zero),
                    ("exclude", UnansweredPolicy::Exclude),
                ],
            )
        });
        let groups = self.req(&mut o, "groups", |r, v, p| r.list(v, p, Self::group));
        let tags = self.opt(&mut o, "tags", |r, v, p| r.list(v, p, Self::tag_label));
        let terms = self.opt(&mut o, "terms", Self::terms);
        let masterplan = self.opt(&mut o, "masterplan", Self::template);
        self.opt(&mut o, "$schema", Self::string);
        self.finish(o);
        Some(IndicatorSet {
            id: id.unwrap_or_default(),
            version: version.unwrap_or_default(),
            title: title.unwrap_or_default(),
            description,
            source: source.unwrap_or_default(),
            scale: scale.unwrap_or_default(),
            predicates: predicates.unwrap_or_default(),
            unanswered: unanswered.unwrap_or_default(),
            groups: groups.unwrap_or_default(),
            tags: tags.unwrap_or_default(),
            terms: terms.unwrap_or_default(),
            masterplan,
        })
    }

    fn terms(&mut self, v: &Json, path: &str) -> Option<Terms> {
        let mut o = self.object(v, path)?;
        let terms = Terms {
            index: self.opt(&mut o, "index", Self::text),
            group: self.opt(&mut o, "group", Self::text),
            evidence: self.opt(&mut o, "evidence", Self::text),
        };
        self.finish(o);
        Some(terms)
    }

    fn tag_label(&mut self, v: &Json, path: &str) -> Option<TagLabel> {
        let mut o = self.object(v, path)?;
        let id = self.req(&mut o, "id", Self::string);
        let label = self.req(&mut o, "label", Self::text);
        self.finish(o);
        Some(TagLabel {
            id: id?,
            label: label.unwrap_or_default(),
        })
    }

    fn scale(&mut self, v: &Json, path: &str) -> Option<Scale> {
        let mut o = self.object(v, path)?;
        let min = self.req(&mut o, "min", Self::number);
        let max = self.req(&mut o, "max", Self::number);
        let decimals = self.opt(&mut o, "decimals", Self::number);
        self.finish(o);
        let d = Scale::default();
        let decimals = match decimals {
            Some(n) if (0.0..=6.0).contains(&n) && n.fract() == 0.0 => n as u8,
            None => d.decimals,
            Some(n) => {
                self.push(
                    &join(path, "decimals"),
                    Code::DecimalsOutOfRange,
                    format!(
                        "jumlah desimal harus bilangan bulat 0 sampai 6, bukan {}",
                        Show(n)
                    ),
                    format!(
                        "decimals must be a whole number from 0 to 6, got {}",
                        Show(n)
                    ),
                );
                d.decimals
            }
        };
        Some(Scale {
            min: min.unwrap_or(d.min),
            max: max.unwrap_or(d.max),
            decimals,
        })
    }

    fn predicate(&mut self, v: &Json, path: &str) -> Option<Predicate> {
        let mut o = self.object(v, path)?;
        let min = self.req(&mut o, "min", Self::number);
        let max = self.req(&mut o, "max", Self::number);
        let label = self.req(&mut o, "label", Self::text);
        self.finish(o);
        Some(Predicate {
            min: min?,
            max: max?,
            label: label.unwrap_or_default(),
        })
    }

    fn group(&mut self, v: &Json, path: &str) -> Option<Group> {
        let mut o = self.object(v, path)?;
        let id = self.req(&mut o, "id", Self::string);
        let title = self.req(&mut o, "title", Self::text);
        let description = self.opt(&mut o, "description", Self::text);
        let weight = self.opt(&mut o, "weight", Self::number);
        let children = self.opt(&mut o, "children", |r, v, p| r.list(v, p, Self::group));
        let indicators = self.opt(&mut o, "indicators", |r, v, p| {
            r.list(v, p, Self::indicator)
        });
        let generated = self.opt(&mut o, "generated", Self::generated);
        self.finish(o);
        Some(Group {
            id: id.unwrap_or_default(),
            title: title.unwrap_or_default(),
            description,
            weight: weight.unwrap_or(1.0),
            children: children.unwrap_or_default(),
            indicators: indicators.unwrap_or_default(),
            generated,
        })
    }

    fn indicator(&mut self, v: &Json, path: &str) -> Option<Indicator> {
        let mut o = self.object(v, path)?;
        let id = self.req(&mut o, "id", Self::string);
        let title = self.req(&mut o, "title", Self::text);
        let help = self.opt(&mut o, "help", Self::text);
        let weight = self.opt(&mut o, "weight", Self::number);
        let evidence = self.opt(&mut o, "evidence", |r, v, p| {
            r.choice(
                v,
                p,
                &[
                    ("none", Evidence::None),
                    ("recommended", Evidence::Recommended),
                    ("required", Evidence::Required),
                ],
            )
        });
        let tags = self.opt(&mut o, "tags", |r, v, p| r.list(v, p, Self::string));
        let answer = self.req(&mut o, "answer", Self::answer_kind);
        let external = self.opt(&mut o, "external", Self::external);
        let from_previous = self.opt(&mut o, "fromPrevious", |r, v, p| {
            r.choice(
                v,
                p,
                &[
                    ("index", FromPrevious::Index),
                    ("change", FromPrevious::Change),
                ],
            )
        });
        self.finish(o);
        Some(Indicator {
            id: id.unwrap_or_default(),
            title: title.unwrap_or_default(),
            help,
            weight: weight.unwrap_or(1.0),
            evidence: evidence.unwrap_or_default(),
            tags: tags.unwrap_or_default(),
            // An unreadable answer kind was reported; a direct score keeps later checks quiet.
            answer: answer.unwrap_or(AnswerKind::Score),
            external,
            from_previous,
        })
    }

    fn external(&mut self, v: &Json, path: &str) -> Option<External> {
        let mut o = self.object(v, path)?;
        let agency = self.req(&mut o, "agency", Self::text);
        let source = self.req(&mut o, "source", Self::text);
        let mapping = self.opt(&mut o, "mapping", |r, v, p| r.list(v, p, Self::band));
        self.finish(o);
        Some(External {
            agency: agency.unwrap_or_default(),
            source: source.unwrap_or_default(),
            mapping,
        })
    }

    fn band(&mut self, v: &Json, path: &str) -> Option<Band> {
        let mut b = self.object(v, path)?;
        let limit = self.req(&mut b, "limit", Self::number);
        let score = self.req(&mut b, "score", Self::number);
        self.finish(b);
        Some(Band {
            limit: limit?,
            score: score?,
        })
    }

    fn better(&mut self, o: &mut Obj<'_>) -> Better {
        self.opt(o, "better", |r, v, p| {
            r.choice(
                v,
                p,
                &[("higher", Better::Higher), ("lower", Better::Lower)],
            )
        })
        .unwrap_or_default()
    }

    fn answer_kind(&mut self, v: &Json, path: &str) -> Option<AnswerKind> {
        let mut o = self.object(v, path)?;
        let kinds = [
            ("level", 0),
            ("yes_no", 1),
            ("choice", 2),
            ("number", 3),
            ("percent", 4),
            ("score", 5),
        ];
        let kind = self.req(&mut o, "kind", |r, v, p| r.choice(v, p, &kinds));
        let out = match kind? {
            0 => AnswerKind::Level {
                levels: self
                    .req(&mut o, "levels", |r, v, p| r.list(v, p, Self::level))
                    .unwrap_or_default(),
            },
            1 => AnswerKind::YesNo {
                yes: self.opt(&mut o, "yes", Self::number),
                no: self.opt(&mut o, "no", Self::number),
            },
            2 => AnswerKind::Choice {
                options: self
                    .req(&mut o, "options", |r, v, p| r.list(v, p, Self::option))
                    .unwrap_or_default(),
            },
            3 => AnswerKind::Number {
                unit: self.opt(&mut o, "unit", Self::text),
                min: self.opt(&mut o, "min", Self::number),
                max: self.opt(&mut o, "max", Self::number),
                better: self.better(&mut o),
                mapping: self
                    .req(&mut o, "mapping", Self::mapping)
                    .unwrap_or(NumberMapping::Bands(Vec::new())),
            },
            4 => AnswerKind::Percent {
                better: self.better(&mut o),
            },
            _ => AnswerKind::Score,
        };
        self.finish(o);
        Some(out)
    }

    fn level(&mut self, v: &Json, path: &str) -> Option<Level> {
        let mut o = self.object(v, path)?;
        let label = self.req(&mut o, "label", Self::text);
        let criteria = self.opt(&mut o, "criteria", Self::text);
        let score = self.opt(&mut o, "score", Self::number);
        let condition = self.opt(&mut o, "condition", Self::text);
        let evidence = self.opt(&mut o, "evidence", |r, v, p| {
            r.list(v, p, Self::evidence_item)
        });
        self.finish(o);
        Some(Level {
            label: label.unwrap_or_default(),
            criteria,
            score,
            condition,
            evidence: evidence.unwrap_or_default(),
        })
    }

    fn evidence_item(&mut self, v: &Json, path: &str) -> Option<EvidenceItem> {
        let mut o = self.object(v, path)?;
        let id = self.req(&mut o, "id", Self::string);
        let text = self.req(&mut o, "text", Self::text);
        let required = self.opt(&mut o, "required", Self::boolean);
        self.finish(o);
        Some(EvidenceItem {
            id: id.unwrap_or_default(),
            text: text.unwrap_or_default(),
            required: required.unwrap_or(true),
        })
    }

    fn option(&mut self, v: &Json, path: &str) -> Option<Choice> {
        let mut o = self.object(v, path)?;
        let id = self.req(&mut o, "id", Self::string);
        let label = self.req(&mut o, "label", Self::text);
        let score = self.req(&mut o, "score", Self::number);
        self.finish(o);
        Some(Choice {
            id: id.unwrap_or_default(),
            label: label.unwrap_or_default(),
            score: score?,
        })
    }

    fn mapping(&mut self, v: &Json, path: &str) -> Option<NumberMapping> {
        let mut o = self.object(v, path)?;
        let linear = o.get("linear");
        let bands = o.get("bands");
        let out = match (linear, bands) {
            (Some((lv, lp)), None) => {
                let mut l = self.object(lv, &lp)?;
                let from = self.req(&mut l, "from", Self::number);
                let to = self.req(&mut l, "to", Self::number);
                self.finish(l);
                Some(NumberMapping::Linear {
                    from: from?,
                    to: to?,
                })
            }
            (None, Some((bv, bp))) => self.list(bv, &bp, Self::band).map(NumberMapping::Bands),
            _ => {
                self.push(
                    path,
                    Code::MappingInvalid,
                    "pemetaan harus berisi tepat satu dari `linear` atau `bands`".into(),
                    "mapping must hold exactly one of `linear` or `bands`".into(),
                );
                None
            }
        };
        self.finish(o);
        out
    }

    // --- assessments ---

    pub fn assessment(&mut self, v: &Json) -> Option<Assessment> {
        let mut o = self.object(v, "")?;
        let set_id = self.req(&mut o, "setId", Self::string);
        let set_version = self.req(&mut o, "setVersion", Self::lenient_string);
        let region = self.opt(&mut o, "region", Self::region);
        let answers = self.opt(&mut o, "answers", Self::answers);
        let created_at = self.opt(&mut o, "createdAt", Self::string);
        let updated_at = self.opt(&mut o, "updatedAt", Self::string);
        let team = self.team(&mut o);
        let masterplan = self.opt(&mut o, "masterplan", Self::masterplan);
        self.opt(&mut o, "$schema", Self::string);
        self.finish(o);
        if self.refused {
            return None;
        }
        Some(Assessment {
            set_id: set_id.unwrap_or_default(),
            set_version: set_version.unwrap_or_default(),
            region: region.unwrap_or_default(),
            answers: answers.unwrap_or_default(),
            created_at,
            updated_at,
            units: team.units,
            assignments: team.assignments,
            share: team.share,
            changed_by: team.changed_by,
            carried: team.carried,
            masterplan,
        })
    }

    fn region(&mut self, v: &Json, path: &str) -> Option<Region> {
        let mut o = self.object(v, path)?;
        let mut field =
            |r: &mut Self, key| r.opt(&mut o, key, Self::lenient_string).unwrap_or_default();
        let region = Region {
            name: field(self, "name"),
            code: field(self, "code"),
            period: field(self, "period"),
            assessor: field(self, "assessor"),
        };
        self.finish(o);
        Some(region)
    }

    fn answers(&mut self, v: &Json, path: &str) -> Option<BTreeMap<String, Answer>> {
        // Counted before anything is built for them: a million answers took seconds to read
        // and then every edit rescored them all.
        if let Json::Object(pairs) = v {
            if let Some(p) = crate::validate::too_many_answers(pairs.len(), self.indicators) {
                self.problems.push(p);
                self.refused = true;
                return None;
            }
        }
        let o = self.object(v, path)?;
        let mut out = BTreeMap::new();
        for (k, v) in o.pairs {
            if out.contains_key(k) {
                continue; // reported as a duplicate key
            }
            if let Some(a) = self.answer(v, &key_path(path, k)) {
                out.insert(k.clone(), a);
            }
        }
        Some(out)
    }

    fn value(&mut self, v: &Json, path: &str) -> Option<Value> {
        match v {
            Json::Bool(b) => Some(Value::Bool(*b)),
            Json::String(s) => Some(Value::Text(s.clone())),
            Json::Number(_) => self.number(v, path).map(Value::Number),
            _ => {
                self.push(
                    path,
                    Code::ValueWrongType,
                    format!(
                        "jawaban harus berupa angka, ya/tidak atau teks, bukan {}",
                        v.type_name()
                    ),
                    format!(
                        "an answer must be a number, a boolean or a string, got {}",
                        v.type_name()
                    ),
                );
                None
            }
        }
    }

    fn answer(&mut self, v: &Json, path: &str) -> Option<Answer> {
        if *v == Json::Null {
            // Like `{ "value": null }` (null counts as absent everywhere): not answered yet.
            return Some(Answer::default());
        }
        if !matches!(v, Json::Object(_)) {
            // Shorthand: `"spbe-01": 3` is `"spbe-01": { "value": 3 }`.
            return Some(Answer {
                value: self.value(v, path),
                ..Answer::default()
            });
        }
        let mut o = self.object(v, path)?;
        let value = self.opt(&mut o, "value", Self::value);
        let mut notes = self.opt(&mut o, "notes", Self::string).unwrap_or_default();
        // A link that is not an http(s) address is kept as text in the notes, and flagged.
        let links = self.opt(&mut o, "links", |r, v, p| r.list(v, p, Self::string));
        let links = self.web_links(links.unwrap_or_default(), &mut notes, &join(path, "links"));
        let evidence = self.opt(&mut o, "evidence", Self::item_states);
        let external = self.opt(&mut o, "external", Self::external_result);
        self.finish(o);
        Some(Answer {
            value,
            notes,
            links,
            evidence: evidence.unwrap_or_default(),
            external,
        })
    }

    /// The web links of a `links` list at `path`; any other non-blank entry (`www.…`,
    /// `javascript:`, a path) is added to `notes` on a line of its own, as written, and
    /// flagged (`link-not-web`): kept as text, never stored or written as a link.
    fn web_links(&mut self, links: Vec<String>, notes: &mut String, path: &str) -> Vec<String> {
        let mut web = Vec::with_capacity(links.len());
        for (k, l) in links.into_iter().enumerate() {
            if l.trim().is_empty() || crate::validate::is_web_link(&l) {
                web.push(l);
                continue;
            }
            self.problems
                .push(crate::validate::link_moved(&index(path, k), &l));
            if !notes.is_empty() {
                notes.push('\n');
            }
            notes.push_str(&l);
        }
        web
    }

    /// An answer's evidence items by id. An item whose status cannot be read is kept as
    /// `belum`, with its notes and links: what was typed is never dropped.
    fn item_states(&mut self, v: &Json, path: &str) -> Option<BTreeMap<String, ItemEvidence>> {
        let o = self.object(v, path)?;
        let mut out = BTreeMap::new();
        for (k, v) in o.pairs {
            if out.contains_key(k) {
                continue; // reported as a duplicate key
            }
            let at = key_path(path, k);
            let Some(mut item) = self.object(v, &at) else {
                continue;
            };
            let status = self.opt(&mut item, "status", |r, v, p| {
                r.choice(
                    v,
                    p,
                    &[
                        ("belum", Status::Belum),
                        ("draf", Status::Draf),
                        ("siap", Status::Siap),
                    ],
                )
            });
            let mut notes = self
                .opt(&mut item, "notes", Self::string)
                .unwrap_or_default();
            let links = self.opt(&mut item, "links", |r, v, p| r.list(v, p, Self::string));
            let links = self.web_links(links.unwrap_or_default(), &mut notes, &join(&at, "links"));
            self.finish(item);
            out.insert(
                k.clone(),
                ItemEvidence {
                    status: status.unwrap_or_default(),
                    notes,
                    links,
                },
            );
        }
        Some(out)
    }

    fn external_result(&mut self, v: &Json, path: &str) -> Option<ExternalResult> {
        let mut o = self.object(v, path)?;
        let result = self.opt(&mut o, "result", Self::number);
        let year = self.opt(&mut o, "year", |r, v, p| {
            let n = r.number(v, p)?;
            if n.fract() == 0.0 && n.abs() < 1e6 {
                Some(n as i64)
            } else {
                r.push(
                    p,
                    Code::InvalidValue,
                    format!("tahun harus bilangan bulat, bukan {}", Show(n)),
                    format!("the year must be a whole number, got {}", Show(n)),
                );
                None
            }
        });
        let source = self.opt(&mut o, "source", Self::string);
        self.finish(o);
        Some(ExternalResult {
            result,
            year,
            source: source.unwrap_or_default(),
        })
    }
}
