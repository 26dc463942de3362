//! Reading the masterplan parts: the set's template and generated groups, the assessment's
//! program list. A program list's own problems (ids, duplicates, empty names) are found
//! here; its problems against a set in [`crate::masterplan::validate_masterplan`].

use std::collections::BTreeMap;

use super::Reader;
use crate::json::Json;
use crate::masterplan::{
    Generated, Masterplan, MasterplanTemplate, Pillar, PillarIndex, Program, Subdimension,
    SurveyTemplate,
};
use crate::model::AnswerKind;
use crate::problem::{Code, join};

impl Reader {
    pub(super) fn generated(&mut self, v: &Json, path: &str) -> Option<Generated> {
        self.choice(
            v,
            path,
            &[
                ("outcome", Generated::Outcome),
                ("impact", Generated::Impact),
                ("quickWin", Generated::QuickWin),
            ],
        )
    }

    pub(super) fn template(&mut self, v: &Json, path: &str) -> Option<MasterplanTemplate> {
        let mut o = self.object(v, path)?;
        let pillars = self.req(&mut o, "pillars", |r, v, p| r.list(v, p, Self::pillar));
        let outcome = self.req(&mut o, "outcome", Self::answer_kind);
        let quick_win = self.req(&mut o, "quickWin", Self::answer_kind);
        let impact = self.req(&mut o, "impact", Self::answer_kind);
        let pillar_index = self.opt(&mut o, "pillarIndex", |r, v, p| {
            r.choice(
                v,
                p,
                &[
                    ("impact", PillarIndex::Impact),
                    ("programs", PillarIndex::Programs),
                ],
            )
        });
        let survey = self.opt(&mut o, "survey", Self::survey_template);
        self.finish(o);
        Some(MasterplanTemplate {
            pillars: pillars.unwrap_or_default(),
            outcome: outcome.unwrap_or(AnswerKind::Score),
            quick_win: quick_win.unwrap_or(AnswerKind::Score),
            impact: impact.unwrap_or(AnswerKind::Score),
            pillar_index: pillar_index.unwrap_or_default(),
            survey,
            expanded_with: None,
        })
    }

    fn pillar(&mut self, v: &Json, path: &str) -> Option<Pillar> {
        let mut o = self.object(v, path)?;
        let id = self.req(&mut o, "id", Self::string);
        let title = self.req(&mut o, "title", Self::text);
        let aliases = self.opt(&mut o, "aliases", |r, v, p| r.list(v, p, Self::string));
        let subdimensions = self.req(&mut o, "subdimensions", |r, v, p| {
            r.list(v, p, |r, v, p| {
                let mut o = r.object(v, p)?;
                let id = r.req(&mut o, "id", Self::string);
                let title = r.req(&mut o, "title", Self::text);
                r.finish(o);
                Some(Subdimension {
                    id: id?,
                    title: title.unwrap_or_default(),
                })
            })
        });
        self.finish(o);
        Some(Pillar {
            id: id?,
            title: title.unwrap_or_default(),
            aliases: aliases.unwrap_or_default(),
            subdimensions: subdimensions.unwrap_or_default(),
        })
    }

    fn survey_template(&mut self, v: &Json, path: &str) -> Option<SurveyTemplate> {
        let mut o = self.object(v, path)?;
        let levels = self.req(&mut o, "levels", |r, v, p| r.list(v, p, Self::level));
        let statements = self.req(&mut o, "statements", |r, v, p| r.list(v, p, Self::text));
        let min = self.opt(&mut o, "minRespondents", Self::number);
        self.finish(o);
        let min = match min {
            Some(n) if n >= 0.0 && n.fract() == 0.0 && n < 1e9 => n as usize,
            None => 0,
            Some(_) => {
                self.push(
                    &join(path, "minRespondents"),
                    Code::InvalidValue,
                    "jumlah responden minimum harus bilangan bulat 0 atau lebih".into(),
                    "the minimum number of respondents must be a whole number, 0 or more".into(),
                );
                0
            }
        };
        Some(SurveyTemplate {
            levels: levels.unwrap_or_default(),
            statements: statements.unwrap_or_default(),
            min_respondents: min,
        })
    }

    pub(super) fn masterplan(&mut self, v: &Json, path: &str) -> Option<Masterplan> {
        let mut o = self.object(v, path)?;
        let document = self.opt(&mut o, "document", Self::string);
        let programs = self.req(&mut o, "programs", |r, v, p| {
            let items = r.array(v, p)?;
            let mut out = Vec::new();
            let mut ids: BTreeMap<String, usize> = BTreeMap::new();
            for (i, it) in items.iter().enumerate() {
                let at = crate::problem::index(p, i);
                // Unreadable programs are kept as far as they could be read: what the region
                // typed is never dropped.
                let prog = r.program(it, &at).unwrap_or_default();
                r.check_program(&prog, &at, i, &mut ids);
                out.push(prog);
            }
            Some(out)
        });
        self.finish(o);
        Some(Masterplan {
            document: document.unwrap_or_default(),
            programs: programs.unwrap_or_default(),
        })
    }

    fn program(&mut self, v: &Json, path: &str) -> Option<Program> {
        let mut o = self.object(v, path)?;
        let id = self.req(&mut o, "id", Self::string);
        let pillar = self.req(&mut o, "pillar", Self::string);
        let subdimension = self.req(&mut o, "subdimension", Self::string);
        let name = self.req(&mut o, "name", Self::string);
        let unit = self.opt(&mut o, "unit", Self::string);
        let quick_win = self.opt(&mut o, "quickWin", Self::boolean);
        let survey = self.opt(&mut o, "survey", Self::boolean);
        self.finish(o);
        Some(Program {
            id: id.unwrap_or_default(),
            pillar: pillar.unwrap_or_default(),
            subdimension: subdimension.unwrap_or_default(),
            name: name.unwrap_or_default(),
            unit: unit.unwrap_or_default(),
            quick_win: quick_win.unwrap_or(false),
            survey: survey.unwrap_or(false),
        })
    }

    fn check_program(
        &mut self,
        p: &Program,
        at: &str,
        i: usize,
        ids: &mut BTreeMap<String, usize>,
    ) {
        if !crate::is_valid_id(&p.id) {
            let id_at = join(at, "id");
            let missing = self
                .problems
                .iter()
                .any(|q| q.path == id_at && q.code == Code::MissingField);
            if !missing {
                self.push(
                    &join(at, "id"),
                    Code::InvalidId,
                    format!("id program `{}` tidak sah: pakai 1-64 karakter a-z, A-Z, 0-9, -, _ atau .", p.id),
                    format!("program id `{}` is not valid: use 1-64 characters from a-z, A-Z, 0-9, -, _ and .", p.id),
                );
            }
        } else if let Some(first) = ids.get(&p.id) {
            self.push(
                &join(at, "id"),
                Code::DuplicateId,
                format!("id program `{}` sudah dipakai di masterplan.programs[{first}]; program ini tidak dinilai", p.id),
                format!("program id `{}` is already used at masterplan.programs[{first}]; this program is not evaluated", p.id),
            );
        } else {
            ids.insert(p.id.clone(), i);
        }
        if p.name.trim().is_empty() {
            self.push(
                &join(at, "name"),
                Code::EmptyText,
                format!("nama program `{}` tidak boleh kosong", p.id),
                format!("the name of program `{}` must not be empty", p.id),
            );
        }
    }
}
