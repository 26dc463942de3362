//! Reading the team-work parts of an assessment: units, assignments, the share record, who
//! changed what, and evidence carried from last year.

use std::collections::BTreeMap;

use super::{Obj, Reader, key_path};
use crate::json::Json;
use crate::team::{Assignment, Carried, ChangedBy, Share, Unit};

/// The team-work fields of an assessment.
#[derive(Default)]
pub(crate) struct TeamFields {
    pub units: Vec<Unit>,
    pub assignments: BTreeMap<String, Assignment>,
    pub share: Option<Share>,
    pub changed_by: BTreeMap<String, ChangedBy>,
    pub carried: BTreeMap<String, Carried>,
}

impl Reader {
    /// Reads the team-work fields of the assessment object `o`.
    pub(super) fn team(&mut self, o: &mut Obj<'_>) -> TeamFields {
        TeamFields {
            units: self
                .opt(o, "units", |r, v, p| r.list(v, p, Self::unit))
                .unwrap_or_default(),
            assignments: self
                .opt(o, "assignments", |r, v, p| r.map(v, p, Self::assignment))
                .unwrap_or_default(),
            share: self.opt(o, "share", Self::share),
            changed_by: self
                .opt(o, "changedBy", |r, v, p| r.map(v, p, Self::changed_by))
                .unwrap_or_default(),
            carried: self
                .opt(o, "carried", |r, v, p| r.map(v, p, Self::carried))
                .unwrap_or_default(),
        }
    }

    /// An object read as a map, each value with `f`; unreadable values are left out.
    fn map<T>(
        &mut self,
        v: &Json,
        path: &str,
        mut f: impl FnMut(&mut Self, &Json, &str) -> Option<T>,
    ) -> Option<BTreeMap<String, T>> {
        let o = self.object(v, path)?;
        let mut out = BTreeMap::new();
        for (k, v) in o.pairs {
            if out.contains_key(k) {
                continue; // reported as a duplicate key
            }
            if let Some(x) = f(self, v, &key_path(path, k)) {
                out.insert(k.clone(), x);
            }
        }
        Some(out)
    }

    fn unit(&mut self, v: &Json, path: &str) -> Option<Unit> {
        let mut o = self.object(v, path)?;
        let id = self.req(&mut o, "id", Self::string);
        let name = self.req(&mut o, "name", Self::string);
        self.finish(o);
        Some(Unit {
            id: id?,
            name: name.unwrap_or_default(),
        })
    }

    fn assignment(&mut self, v: &Json, path: &str) -> Option<Assignment> {
        let mut o = self.object(v, path)?;
        let unit = self.opt(&mut o, "unit", Self::string);
        let target = self.opt(&mut o, "target", Self::value);
        let due = self.opt(&mut o, "due", Self::string);
        let items = self.opt(&mut o, "items", |r, v, p| r.map(v, p, Self::string));
        self.finish(o);
        Some(Assignment {
            unit,
            target,
            due,
            items: items.unwrap_or_default(),
        })
    }

    fn share(&mut self, v: &Json, path: &str) -> Option<Share> {
        let mut o = self.object(v, path)?;
        let unit = self.req(&mut o, "unit", Self::string);
        let assigned_by = self.opt(&mut o, "assignedBy", Self::string);
        let base = self.req(&mut o, "base", Self::string);
        let at = self.opt(&mut o, "at", Self::string);
        let original = self.opt(&mut o, "original", |r, v, p| r.map(v, p, Self::answer));
        self.finish(o);
        Some(Share {
            unit: unit?,
            assigned_by: assigned_by.unwrap_or_default(),
            base: base.unwrap_or_default(),
            at,
            original: original.unwrap_or_default(),
        })
    }

    fn changed_by(&mut self, v: &Json, path: &str) -> Option<ChangedBy> {
        let mut o = self.object(v, path)?;
        let unit = self.req(&mut o, "unit", Self::string);
        let at = self.opt(&mut o, "at", Self::string);
        self.finish(o);
        Some(ChangedBy { unit: unit?, at })
    }

    fn carried(&mut self, v: &Json, path: &str) -> Option<Carried> {
        let mut o = self.object(v, path)?;
        let from = self.opt(&mut o, "from", Self::lenient_string);
        let flag = |r: &mut Self, v: &Json, p: &str| match v {
            Json::Bool(b) => Some(*b),
            _ => {
                r.wrong_type(p, "true or false", "true atau false", v);
                None
            }
        };
        let notes = self.opt(&mut o, "notes", flag);
        let items = self.opt(&mut o, "items", |r, v, p| r.list(v, p, Self::string));
        let value = self.opt(&mut o, "value", flag);
        self.finish(o);
        Some(Carried {
            from: from.unwrap_or_default(),
            notes: notes.unwrap_or(false),
            items: items.unwrap_or_default(),
            value: value.unwrap_or(false),
        })
    }
}
