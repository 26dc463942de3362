//! Checks of what sets declare about evidence: the framework's terms, the evidence items
//! (data dukung) of levels, and indicators taken from another agency's evaluation.

use std::collections::BTreeMap;

use super::{Checker, is_valid_id};
use crate::model::{AnswerKind, External, Indicator, Level, Terms};
use crate::num::Show;
use crate::problem::{Code, index, join};

impl Checker<'_> {
    pub(super) fn terms(&mut self, t: &Terms) {
        for (name, text) in [
            ("index", &t.index),
            ("group", &t.group),
            ("evidence", &t.evidence),
        ] {
            if let Some(text) = text {
                self.text(text, &join("terms", name));
            }
        }
    }

    /// Each level's condition and evidence items: item ids valid and unique within the
    /// indicator (across all its levels), each item described.
    pub(super) fn levels_evidence(&mut self, levels: &[Level], apath: &str) {
        let mut seen: BTreeMap<&str, String> = BTreeMap::new();
        for (i, l) in levels.iter().enumerate() {
            let lp = index(&join(apath, "levels"), i);
            if let Some(c) = &l.condition {
                self.text(c, &join(&lp, "condition"));
            }
            for (k, item) in l.evidence.iter().enumerate() {
                let ip = index(&join(&lp, "evidence"), k);
                let at = join(&ip, "id");
                if !is_valid_id(&item.id) {
                    self.push(
                        &at,
                        Code::InvalidId,
                        format!("id butir bukti `{}` tidak sah", item.id),
                        format!("evidence item id `{}` is not valid", item.id),
                    );
                } else if let Some(first) = seen.get(item.id.as_str()) {
                    let first = first.clone();
                    self.push(
                        &at,
                        Code::DuplicateId,
                        format!(
                            "id butir bukti `{}` sudah dipakai di {first} pada indikator ini",
                            item.id
                        ),
                        format!(
                            "evidence item id `{}` is already used at {first} in this indicator",
                            item.id
                        ),
                    );
                } else {
                    seen.insert(item.id.as_str(), ip.clone());
                }
                self.text(&item.text, &join(&ip, "text"));
            }
        }
    }

    /// An external indicator names its agency and source; its mapping, when given, turns
    /// results into the indicator's levels: limits increase, levels are whole numbers from 1
    /// to the number of levels and do not decrease.
    pub(super) fn external(&mut self, ind: &Indicator, x: &External, path: &str) {
        self.text(&x.agency, &join(path, "agency"));
        self.text(&x.source, &join(path, "source"));
        let Some(bands) = &x.mapping else { return };
        let mpath = join(path, "mapping");
        let AnswerKind::Level { levels } = &ind.answer else {
            self.push(
                &mpath,
                Code::MappingInvalid,
                format!(
                    "pemetaan hasil ke tingkat hanya untuk indikator berjenis `level`, bukan `{}`",
                    ind.answer.name()
                ),
                format!(
                    "a mapping of results to levels needs a `level` indicator, not `{}`",
                    ind.answer.name()
                ),
            );
            return;
        };
        if bands.is_empty() {
            self.push(
                &mpath,
                Code::MappingInvalid,
                "daftar pita kosong".into(),
                "no bands given".into(),
            );
        }
        let top = levels.len() as f64;
        for (i, b) in bands.iter().enumerate() {
            let bp = index(&mpath, i);
            if b.score.fract() != 0.0 || b.score < 1.0 || b.score > top {
                self.push(
                    &join(&bp, "score"),
                    Code::MappingInvalid,
                    format!(
                        "tingkat harus bilangan bulat 1 sampai {}, bukan {}",
                        Show(top),
                        Show(b.score)
                    ),
                    format!(
                        "the level must be a whole number from 1 to {}, got {}",
                        Show(top),
                        Show(b.score)
                    ),
                );
            }
            let Some(prev) = i.checked_sub(1).map(|p| bands[p]) else {
                continue;
            };
            if b.limit <= prev.limit {
                self.push(
                    &join(&bp, "limit"),
                    Code::MappingInvalid,
                    "batas pita harus naik dari tingkat terendah ke tertinggi".into(),
                    "band limits must increase from the lowest level to the highest".into(),
                );
            }
            if b.score < prev.score {
                self.push(
                    &join(&bp, "score"),
                    Code::MappingInvalid,
                    "tingkat pita tidak boleh turun".into(),
                    "band levels must not decrease".into(),
                );
            }
        }
    }
}
