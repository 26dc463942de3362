//! The command line's masterplan commands: programs from CSV, the impact survey's form and
//! its aggregation (part of the `swanilai` binary; see `swanilai programs --help`).

use std::path::{Path, PathBuf};

use clap::Subcommand;
use swanilai::{Assessment, survey};

use super::{
    Fail, Result, invalid, load_assessment, load_set, print_json, report_problems, set_for,
};

#[derive(Subcommand)]
pub enum ProgramsAction {
    /// Read the masterplan's programs from a CSV file (columns pilar, subdimensi, program,
    /// opd, quick_win, survei; `,` or `;`) into an assessment, and print the assessment as
    /// JSON. Each row left out is listed on stderr with its row and column; exit 1 then.
    Import {
        /// A built-in set id or a set file (default: the set the assessment names).
        #[arg(long)]
        set: Option<String>,
        /// The assessment to write the programs into (default: a new one of the set); the
        /// programs of its list keep their ids.
        #[arg(long)]
        into: Option<PathBuf>,
        /// The CSV file.
        csv: PathBuf,
    },
}

#[derive(Subcommand)]
pub enum SurveyAction {
    /// Print the impact survey's form for one sub-dimension (an indicator set for the widget).
    Form {
        /// A built-in set id or a set file (default: the set the assessment names).
        #[arg(long)]
        set: Option<String>,
        /// The sub-dimension's id, e.g. `layanan-publik`.
        #[arg(long)]
        subdimension: String,
        /// The assessment whose programs are surveyed.
        assessment: PathBuf,
    },
    /// Aggregate respondents' exported survey files into the sub-dimension's Impact answer:
    /// prints `{ aggregation, assessment }`. Refused files are listed on stderr; exit 1 then.
    Aggregate {
        /// A built-in set id or a set file (default: the set the assessment names).
        #[arg(long)]
        set: Option<String>,
        /// The sub-dimension's id.
        #[arg(long)]
        subdimension: String,
        /// The assessment whose Impact answer is filled.
        assessment: PathBuf,
        /// The respondents' exported files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

fn read_text(file: &Path) -> Result<String> {
    std::fs::read_to_string(file)
        .map_err(|e| invalid(format!("cannot read {}: {e}", file.display())))
}

fn refused(p: &swanilai::Problem) -> Fail {
    invalid(p.message.en.clone().unwrap_or_else(|| p.message.id.clone()))
}

pub fn programs(action: ProgramsAction) -> Result<u8> {
    let ProgramsAction::Import { set, into, csv } = action;
    let (set, mut a) = match &into {
        Some(file) => {
            let a = load_assessment(file)?;
            (set_for(set.as_deref(), &a)?, a)
        }
        None => {
            let spec = set.ok_or_else(|| Fail(2, "give --set (or --into ASSESSMENT)".into()))?;
            let set = load_set(&spec)?;
            let a = Assessment::new(&set.id, &set.version);
            (set, a)
        }
    };
    let text = read_text(&csv)?;
    let out = swanilai::programs::import_programs(&set, &text, &a).map_err(|p| refused(&p))?;
    for p in &out.problems {
        let en = p.message.en.as_deref().unwrap_or(&p.message.id);
        eprintln!(
            "{}: row {}, column {}: {en} [{}]",
            csv.display(),
            p.row,
            p.column,
            p.code
        );
    }
    a.masterplan = Some(out.masterplan);
    print_json(&a);
    Ok(u8::from(!out.problems.is_empty()))
}

pub fn survey(action: SurveyAction) -> Result<u8> {
    match action {
        SurveyAction::Form {
            set,
            subdimension,
            assessment,
        } => {
            let a = load_assessment(&assessment)?;
            let set = set_for(set.as_deref(), &a)?;
            let form = survey::survey_set(&set, &a, &subdimension).map_err(|p| refused(&p))?;
            print_json(&form);
            Ok(0)
        }
        SurveyAction::Aggregate {
            set,
            subdimension,
            assessment,
            files,
        } => {
            let mut a = load_assessment(&assessment)?;
            let set = set_for(set.as_deref(), &a)?;
            let mut given = Vec::new();
            for f in &files {
                given.push(survey::SurveyFile {
                    name: f.display().to_string(),
                    text: read_text(f)?,
                });
            }
            let agg =
                survey::aggregate(&set, &a, &subdimension, &given).map_err(|p| refused(&p))?;
            report_problems(&assessment, &agg.problems);
            survey::apply(&mut a, &agg);
            print_json(&serde_json::json!({ "aggregation": agg, "assessment": a }));
            let refused = agg.files.iter().any(|f| !f.accepted);
            Ok(u8::from(refused || agg.value.is_none()))
        }
    }
}
