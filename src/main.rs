//! The `swanilai` command line: list, validate and score sets and assessments,
//! advise, compare years, and rank many regions' exported assessments.
//!
//! JSON goes to stdout, problems to stderr. Exit codes: 0 ok, 1 invalid input, 2 usage.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    mod masterplan;

    use std::path::{Path, PathBuf};
    use std::process::ExitCode;

    use clap::{Parser, Subcommand, ValueEnum};
    use swanilai::{
        Assessment, IndicatorSet, Json, Lang, Problem, Report, Scorer, Term, builtin,
        format_number, has_errors,
    };

    /// Score Indonesian regional self-assessments (GM100SC, smart city evaluation, SPBE).
    #[derive(Parser)]
    #[command(name = "swanilai", version, about)]
    struct Cli {
        #[command(subcommand)]
        command: Command,
    }

    #[derive(Subcommand)]
    enum Command {
        /// List the built-in indicator sets.
        Sets,
        /// Print a built-in set as JSON.
        Show {
            /// The set id.
            set: String,
        },
        /// Validate a set or an assessment file (an assessment is checked against its set).
        Validate {
            /// The file to check.
            file: PathBuf,
            /// The set to check an assessment against (default: the built-in set it names).
            #[arg(long)]
            set: Option<String>,
        },
        /// Score an assessment.
        Score {
            #[arg(long)]
            /// A built-in set id or a set file.
            set: Option<String>,
            /// The assessment file.
            assessment: PathBuf,
            /// Output format.
            #[arg(long, value_enum, default_value_t = Format::Json)]
            format: Format,
            /// Language of text and CSV output (CSV in `id`: `;`-separated with decimal commas; in
            /// `en`: `,`-separated with decimal points).
            #[arg(long, default_value = "id")]
            lang: String,
        },
        /// Recommend what to improve first.
        Advise {
            #[arg(long)]
            /// A built-in set id or a set file.
            set: Option<String>,
            /// The assessment file.
            assessment: PathBuf,
            /// How many recommendations to list.
            #[arg(long)]
            limit: Option<usize>,
        },
        /// "Siap diajukan?": list what still blocks submitting an assessment (JSON); exit 1
        /// when anything blocks.
        Check {
            #[arg(long)]
            /// A built-in set id or a set file.
            set: Option<String>,
            /// The assessment file.
            assessment: PathBuf,
        },
        /// Start this year from last year's file: carry its evidence notes and links forward
        /// (marked "masih berlaku?") and fill the answers the set takes from it (the smart
        /// city Baseline); prints `{ carried, filled, assessment }`.
        Carry {
            #[arg(long)]
            /// A built-in set id or a set file.
            set: Option<String>,
            /// Last year's assessment.
            previous: PathBuf,
            /// This year's assessment.
            current: PathBuf,
        },
        /// Compare two assessments of the same set (e.g. last year and this year).
        Compare {
            #[arg(long)]
            /// A built-in set id or a set file.
            set: Option<String>,
            /// The earlier assessment.
            old: PathBuf,
            /// The later assessment.
            new: PathBuf,
        },
        /// Rank many regions' assessments by overall score.
        Rank {
            #[arg(long)]
            /// A built-in set id or a set file.
            set: Option<String>,
            /// The assessment files.
            #[arg(required = true)]
            files: Vec<PathBuf>,
            /// Only the first N.
            #[arg(long)]
            top: Option<usize>,
        },
        /// Progress per unit: answered, evidence ready, claims above evidence, overdue targets.
        Progress {
            #[arg(long)]
            /// A built-in set id or a set file.
            set: Option<String>,
            /// The date targets are judged on, `YYYY-MM-DD` (default: today, UTC).
            #[arg(long)]
            date: Option<String>,
            /// The assessment file.
            assessment: PathBuf,
        },
        /// Cut one unit's share of an assessment: its indicators only, as an export file.
        Share {
            #[arg(long)]
            /// A built-in set id or a set file.
            set: Option<String>,
            /// The unit's id (one of the assessment's `units`).
            #[arg(long)]
            unit: String,
            /// Who hands the share out (default: the assessment's assessor).
            #[arg(long)]
            by: Option<String>,
            /// The time to record (default: now, UTC).
            #[arg(long)]
            at: Option<String>,
            /// The base assessment.
            base: PathBuf,
        },
        /// Merge returned shares into the base: a JSON report of what was taken, the conflicts
        /// and the merged result. Exit 1 when a conflict is unresolved or a file was refused.
        Merge {
            #[arg(long)]
            /// A built-in set id or a set file.
            set: Option<String>,
            /// Resolve a conflict: `INDICATOR=base`, `INDICATOR=FILE` or `INDICATOR=UNIT`.
            #[arg(long = "choose", value_name = "INDICATOR=SIDE")]
            choose: Vec<String>,
            /// The time to record for changes from files without `updatedAt` (default: now).
            #[arg(long)]
            at: Option<String>,
            /// The base assessment.
            base: PathBuf,
            /// The returned shares.
            #[arg(required = true)]
            returned: Vec<PathBuf>,
        },
        /// Print a form's first screen as HTML, to serve inside its `<swanilai-assessment>`
        /// element: usable before any script loads, taken over by the widget
        /// (docs/FIRST-SCREEN.md).
        Prerender {
            /// A built-in set id or a set file (the element's `set` or `src`).
            #[arg(long)]
            set: String,
            /// The language, `id` or `en` (the element's `lang`).
            #[arg(long, default_value = "id")]
            lang: String,
            /// The region's name (the element's `region`), filled in the first field.
            #[arg(long, default_value = "")]
            region: String,
            /// The URL of the package's `swanilai.css` as the page links it.
            #[arg(long, default_value = "swanilai.css")]
            stylesheet: String,
        },
        /// The masterplan's programs (smart city evaluation).
        Programs {
            #[command(subcommand)]
            action: masterplan::ProgramsAction,
        },
        /// The impact survey (smart city evaluation): its form and the aggregation of the
        /// respondents' files.
        Survey {
            #[command(subcommand)]
            action: masterplan::SurveyAction,
        },
        /// Print the JSON Schema of a document type.
        Schema {
            /// Which document.
            #[arg(value_enum)]
            kind: SchemaKind,
        },
    }

    #[derive(Clone, Copy, ValueEnum)]
    enum Format {
        Json,
        Text,
        Csv,
    }

    #[derive(Clone, Copy, ValueEnum)]
    enum SchemaKind {
        Set,
        Assessment,
        Report,
        Advice,
        Comparison,
        MergeReport,
        Progress,
        Check,
    }

    /// A failure: what to print and with which exit code.
    struct Fail(u8, String);

    type Result<T> = std::result::Result<T, Fail>;

    fn invalid(msg: impl Into<String>) -> Fail {
        Fail(1, msg.into())
    }

    pub fn main() -> ExitCode {
        let cli = match Cli::try_parse() {
            Ok(c) => c,
            Err(e) => {
                let code = if e.use_stderr() { 2 } else { 0 };
                let _ = e.print();
                return ExitCode::from(code);
            }
        };
        match run(cli.command) {
            Ok(code) => ExitCode::from(code),
            Err(Fail(code, msg)) => {
                eprintln!("swanilai: {msg}");
                ExitCode::from(code)
            }
        }
    }

    fn print_json<T: serde::Serialize>(v: &T) {
        println!(
            "{}",
            serde_json::to_string_pretty(v).expect("report types always serialize")
        );
    }

    fn report_problems(file: &Path, problems: &[Problem]) {
        for p in problems {
            let sev = if p.is_error() { "error" } else { "warning" };
            eprintln!("{}: {sev}: {p}", file.display());
        }
    }

    fn read(file: &Path) -> Result<Json> {
        let text = std::fs::read_to_string(file)
            .map_err(|e| invalid(format!("cannot read {}: {e}", file.display())))?;
        Json::parse(&text).map_err(|e| invalid(format!("{}: invalid JSON at {e}", file.display())))
    }

    fn load_set(spec: &str) -> Result<IndicatorSet> {
        if let Some(text) = builtin::json(spec) {
            return IndicatorSet::from_json_str(text)
                .value
                .ok_or_else(|| invalid(format!("built-in set {spec} is invalid")));
        }
        let path = Path::new(spec);
        if !path.exists() {
            let ids: Vec<&str> = builtin::BUILTINS.iter().map(|b| b.id).collect();
            return Err(Fail(
                2,
                format!(
                    "`{spec}` is neither a built-in set ({}) nor a file",
                    ids.join(", ")
                ),
            ));
        }
        let parsed = IndicatorSet::from_json(&read(path)?);
        report_problems(path, &parsed.problems);
        parsed
            .value
            .ok_or_else(|| invalid(format!("{} is not a valid indicator set", path.display())))
    }

    fn load_assessment(file: &Path) -> Result<Assessment> {
        let parsed = Assessment::from_json(&read(file)?);
        report_problems(file, &parsed.problems);
        match parsed.value {
            Some(a) if !has_errors(&parsed.problems) => Ok(a),
            _ => Err(invalid(format!(
                "{} is not a valid assessment",
                file.display()
            ))),
        }
    }

    /// The set named by `--set`, or else the built-in set the assessment names.
    fn set_for(spec: Option<&str>, a: &Assessment) -> Result<IndicatorSet> {
        match spec {
            Some(s) => load_set(s),
            None => load_set(&a.set_id).map_err(|_| {
                Fail(
                    2,
                    format!(
                        "the assessment names set `{}`, which is not built in: pass --set FILE",
                        a.set_id
                    ),
                )
            }),
        }
    }

    /// Reports the assessment's problems and says whether it has errors.
    /// Now in UTC as ISO 8601 (`2026-12-07T10:15:00Z`), for the CSV's export time. The days
    /// since 1970 become a civil date by Howard Hinnant's `civil_from_days`.
    fn now_utc() -> String {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let (days, rest) = ((secs / 86_400) as i64, secs % 86_400);
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        let (h, m, s) = (rest / 3600, rest / 60 % 60, rest % 60);
        format!("{year:04}-{month:02}-{day:02}T{h:02}:{m:02}:{s:02}Z")
    }

    fn checked(file: &Path, report: &Report) -> u8 {
        report_problems(file, &report.problems);
        u8::from(has_errors(&report.problems))
    }

    /// `swanilai carry`: last year's evidence carried forward and the answers the set takes
    /// from last year's file filled.
    fn carry(set: Option<&str>, previous: &Path, current: &Path) -> Result<u8> {
        let last = load_assessment(previous)?;
        let mut now = load_assessment(current)?;
        let set = set_for(set, &now)?;
        let carried = swanilai::carry::carry_forward(&set, &last, &mut now);
        let filled = swanilai::baseline::fill_from_previous(&set, &last, &mut now);
        print_json(&serde_json::json!({
            "carried": carried,
            "filled": filled,
            "assessment": now,
        }));
        Ok(0)
    }

    fn run(cmd: Command) -> Result<u8> {
        match cmd {
            Command::Sets => {
                print_json(&builtin::BUILTINS);
                Ok(0)
            }
            Command::Show { set } => {
                let text = builtin::json(&set)
                    .ok_or_else(|| Fail(2, format!("no built-in set `{set}`")))?;
                print!("{text}");
                Ok(0)
            }
            Command::Validate { file, set } => validate(&file, set.as_deref()),
            Command::Prerender {
                set,
                lang,
                region,
                stylesheet,
            } => {
                let lang = match lang.as_str() {
                    "id" | "en" => Lang::from_tag(&lang),
                    _ => return Err(Fail(2, format!("--lang `{lang}`: use `id` or `en`"))),
                };
                let set = load_set(&set)?;
                let scorer = Scorer::new(&set);
                println!(
                    "{}",
                    swanilai::view::prerender(&scorer, lang, &region, &stylesheet)
                );
                Ok(0)
            }
            Command::Score {
                set,
                assessment,
                format,
                lang,
            } => {
                let a = load_assessment(&assessment)?;
                let set = set_for(set.as_deref(), &a)?;
                let report = Scorer::new(&set).score(&a);
                let lang = Lang::from_tag(&lang);
                match format {
                    Format::Json => print_json(&report),
                    Format::Csv => print!(
                        "{}",
                        swanilai::report_csv(&set, &a, &report, lang, &now_utc())
                    ),
                    Format::Text => print!("{}", text_report(&set, &a, &report, lang)),
                }
                Ok(checked(&assessment, &report))
            }
            Command::Advise {
                set,
                assessment,
                limit,
            } => {
                let a = load_assessment(&assessment)?;
                let set = set_for(set.as_deref(), &a)?;
                print_json(&swanilai::advise(&set, &a, limit));
                Ok(checked(&assessment, &swanilai::score(&set, &a)))
            }
            Command::Check { set, assessment } => {
                let a = load_assessment(&assessment)?;
                let set = set_for(set.as_deref(), &a)?;
                let c = swanilai::check::check(&Scorer::new(&set), &a);
                print_json(&c);
                checked(&assessment, &swanilai::score(&set, &a));
                Ok(u8::from(!c.ready))
            }
            Command::Carry {
                set,
                previous,
                current,
            } => carry(set.as_deref(), &previous, &current),
            Command::Compare { set, old, new } => {
                let before = load_assessment(&old)?;
                let after = load_assessment(&new)?;
                let set = set_for(set.as_deref(), &after)?;
                let c = swanilai::compare(&set, &before, &after);
                print_json(&c);
                for p in &c.problems {
                    eprintln!("warning: {p}");
                }
                Ok(u8::from(has_errors(&c.problems)))
            }
            Command::Rank { set, files, top } => rank(set.as_deref(), &files, top),
            Command::Progress {
                set,
                date,
                assessment,
            } => {
                let a = open_assessment_file(&assessment)?;
                let set = set_for(set.as_deref(), &a)?;
                let date = date.unwrap_or_else(now);
                if !swanilai::team::is_date(date.get(..10).unwrap_or(&date)) {
                    return Err(Fail(2, format!("--date `{date}`: write YYYY-MM-DD")));
                }
                print_json(&swanilai::progress::progress(&set, &a, &date));
                Ok(0)
            }
            Command::Share {
                set,
                unit,
                by,
                at,
                base,
            } => share(set.as_deref(), &unit, by, at, &base),
            Command::Merge {
                set,
                choose,
                at,
                base,
                returned,
            } => merge(set.as_deref(), &choose, at, &base, &returned),
            Command::Programs { action } => masterplan::programs(action),
            Command::Survey { action } => masterplan::survey(action),
            Command::Schema { kind } => {
                // Documents as the engine writes them: a field skipped when empty (a group's
                // `children`, an answer's `notes`) is optional, so the built-in sets conform.
                let generator = schemars::generate::SchemaSettings::draft2020_12()
                    .for_serialize()
                    .into_generator();
                let schema = match kind {
                    SchemaKind::Set => generator.into_root_schema_for::<IndicatorSet>(),
                    SchemaKind::Assessment => generator.into_root_schema_for::<Assessment>(),
                    SchemaKind::Report => generator.into_root_schema_for::<Report>(),
                    SchemaKind::Advice => generator.into_root_schema_for::<swanilai::Advice>(),
                    SchemaKind::Comparison => {
                        generator.into_root_schema_for::<swanilai::Comparison>()
                    }
                    SchemaKind::MergeReport => {
                        generator.into_root_schema_for::<swanilai::share::MergeReport>()
                    }
                    SchemaKind::Progress => {
                        generator.into_root_schema_for::<swanilai::progress::Progress>()
                    }
                    SchemaKind::Check => generator.into_root_schema_for::<swanilai::check::Check>(),
                };
                print_json(&schema);
                Ok(0)
            }
        }
    }

    fn validate(file: &Path, set: Option<&str>) -> Result<u8> {
        let v = read(file)?;
        let is_set = v.get("groups").is_some() || v.get("predicates").is_some();
        let problems = if is_set {
            IndicatorSet::from_json(&v).problems
        } else {
            let parsed = Assessment::from_json(&v);
            let mut problems = parsed.problems;
            if let Some(a) = parsed.value {
                let s = set_for(set, &a)?;
                problems.extend(swanilai::validate_assessment(&s, &a));
            }
            problems
        };
        report_problems(file, &problems);
        print_json(&problems);
        Ok(u8::from(has_errors(&problems)))
    }

    /// An assessment file, bare or exported; refused when its integrity check fails.
    fn open_assessment_file(file: &Path) -> Result<Assessment> {
        let text = std::fs::read_to_string(file)
            .map_err(|e| invalid(format!("cannot read {}: {e}", file.display())))?;
        let opened = swanilai::export::open_assessment(&text);
        report_problems(file, &opened.problems);
        match opened.assessment {
            Some(a) if !has_errors(&opened.problems) => Ok(a),
            _ => Err(invalid(format!(
                "{} is not a valid assessment",
                file.display()
            ))),
        }
    }

    /// The base of a share or a merge, checked against its set.
    fn team_base(spec: Option<&str>, file: &Path) -> Result<Assessment> {
        let a = open_assessment_file(file)?;
        let set = set_for(spec, &a)?;
        // Only errors: a share or a merge does not need every evidence warning again.
        let mut problems = swanilai::validate_assessment(&set, &a);
        problems.retain(Problem::is_error);
        report_problems(file, &problems);
        if problems
            .iter()
            .any(|p| p.code == swanilai::Code::SetMismatch)
        {
            return Err(invalid(format!(
                "{} is not an assessment of set `{}`",
                file.display(),
                set.id
            )));
        }
        Ok(a)
    }

    /// The current time, UTC, as ISO 8601 to the second.
    fn now() -> String {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let (days, rem) = (secs / 86_400, secs % 86_400);
        // Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
        let z = days as i64 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        let (h, min, s) = (rem / 3600, rem / 60 % 60, rem % 60);
        format!("{y:04}-{m:02}-{d:02}T{h:02}:{min:02}:{s:02}Z")
    }

    fn share(
        spec: Option<&str>,
        unit: &str,
        by: Option<String>,
        at: Option<String>,
        base: &Path,
    ) -> Result<u8> {
        let a = team_base(spec, base)?;
        let at = at.unwrap_or_else(now);
        let by = by.unwrap_or_else(|| a.region.assessor.clone());
        let cut = swanilai::share::cut_share(&a, unit, &by, Some(&at))
            .map_err(|p| invalid(format!("{}: {p}", base.display())))?;
        let content = Json::Object(vec![(
            "assessment".into(),
            swanilai::json::to_json(&cut).map_err(|e| invalid(e.to_string()))?,
        )]);
        println!("{}", swanilai::export::export_document(content, &at));
        Ok(0)
    }

    fn merge(
        spec: Option<&str>,
        choose: &[String],
        at: Option<String>,
        base: &Path,
        returned: &[PathBuf],
    ) -> Result<u8> {
        let a = team_base(spec, base)?;
        let mut choices = Vec::new();
        for c in choose {
            let (indicator, take) = c.split_once('=').ok_or_else(|| {
                Fail(2, format!("--choose `{c}`: write INDICATOR=base|FILE|UNIT"))
            })?;
            choices.push(swanilai::share::Choice {
                indicator: indicator.to_string(),
                take: take.to_string(),
            });
        }
        let mut files = Vec::new();
        for f in returned {
            let text = std::fs::read_to_string(f)
                .map_err(|e| invalid(format!("cannot read {}: {e}", f.display())))?;
            files.push(swanilai::share::Returned {
                file: f.display().to_string(),
                opened: swanilai::export::open_assessment(&text),
            });
        }
        let report = swanilai::share::merge(&a, &files, &choices, Some(&at.unwrap_or_else(now)));
        for v in &report.files {
            for p in &v.problems {
                let sev = if p.is_error() { "error" } else { "warning" };
                let en = p.message.en.as_deref().unwrap_or(&p.message.id);
                eprintln!("{sev}: {en} [{}]", p.code);
            }
        }
        for p in &report.problems {
            eprintln!("error: {p}");
        }
        for c in report.conflicts.iter().filter(|c| c.chosen.is_none()) {
            let sides: Vec<String> = c
                .sides
                .iter()
                .map(|s| format!("{} ({})", s.file, s.unit))
                .collect();
            eprintln!("conflict: {} changed by {}", c.indicator, sides.join(", "));
        }
        print_json(&report);
        let refused = report.files.iter().any(|f| !f.accepted);
        Ok(u8::from(
            report.unresolved > 0 || refused || !report.problems.is_empty(),
        ))
    }

    #[derive(serde::Serialize)]
    struct Ranked {
        rank: usize,
        file: String,
        region: swanilai::Region,
        score: Option<f64>,
        predicate: Option<String>,
        completeness: swanilai::Completeness,
        #[serde(skip)]
        exact: f64,
    }

    fn rank(spec: Option<&str>, files: &[PathBuf], top: Option<usize>) -> Result<u8> {
        let mut assessments = Vec::with_capacity(files.len());
        let mut failed = 0u8;
        for f in files {
            match load_assessment(f) {
                Ok(a) => assessments.push((f, a)),
                Err(Fail(_, msg)) => {
                    eprintln!("swanilai: {msg}; left out of the ranking");
                    failed = 1;
                }
            }
        }
        let Some((_, first)) = assessments.first() else {
            return Err(invalid("no valid assessment to rank"));
        };
        let set = set_for(spec, first)?;
        let scorer = Scorer::new(&set);
        let mut rows: Vec<Ranked> = assessments
            .iter()
            .map(|(f, a)| {
                let r = scorer.score(a);
                for p in r.problems.iter().filter(|p| p.is_error()) {
                    eprintln!("{}: error: {p}", f.display());
                    failed = 1;
                }
                Ranked {
                    rank: 0,
                    file: f.display().to_string(),
                    region: a.region.clone(),
                    score: r.overall.shown,
                    predicate: r.overall.predicate.map(|p| p.label.id),
                    completeness: r.completeness,
                    exact: r.overall.value.unwrap_or(f64::NEG_INFINITY),
                }
            })
            .collect();
        rows.sort_by(|a, b| {
            b.score
                .unwrap_or(f64::NEG_INFINITY)
                .total_cmp(&a.score.unwrap_or(f64::NEG_INFINITY))
                .then(b.exact.total_cmp(&a.exact))
                .then(a.region.name.cmp(&b.region.name))
                .then(a.file.cmp(&b.file))
        });
        // Standard competition ranking on the shown score: 1, 2, 2, 4.
        for i in 0..rows.len() {
            rows[i].rank = if i > 0 && rows[i].score == rows[i - 1].score {
                rows[i - 1].rank
            } else {
                i + 1
            };
        }
        if let Some(n) = top {
            rows.truncate(n);
        }
        print_json(&rows);
        Ok(failed)
    }

    fn text_report(set: &IndicatorSet, a: &Assessment, r: &Report, lang: Lang) -> String {
        use std::fmt::Write;
        let d = set.scale.decimals;
        let fmt = |s: &swanilai::Score| {
            let value = s
                .value
                .map_or_else(|| "-".to_string(), |v| format_number(v, d, lang));
            let pred = s.predicate.as_ref().map_or("", |p| p.label.get(lang));
            format!("{value:>8}  {pred}")
        };
        let mut out = String::new();
        let region = if a.region.name.is_empty() {
            "-"
        } else {
            &a.region.name
        };
        let _ = writeln!(out, "{} ({} {})", set.title.get(lang), set.id, set.version);
        let _ = writeln!(out, "{region} {}", a.region.period);
        let index = swanilai::view::index_label(set, lang);
        let _ = writeln!(
            out,
            "{:<48}{}   {}/{}",
            index,
            fmt(&r.overall),
            r.completeness.answered,
            r.completeness.total
        );
        if r.evidenced != r.overall {
            let label = match lang {
                Lang::Id => format!(
                    "{index} menurut {}",
                    set.term(Term::Evidence, lang).to_ascii_lowercase()
                ),
                Lang::En => format!("{index} as evidenced"),
            };
            let label: String = label.chars().take(46).collect();
            let _ = writeln!(out, "{label:<48}{}", fmt(&r.evidenced));
        }
        if let Some(p) =
            swanilai::view::provisional_text(r.completeness.answered, r.completeness.total, lang)
        {
            let _ = writeln!(out, "{p}");
        }
        let titles: std::collections::HashMap<&str, &str> = {
            let mut m = std::collections::HashMap::new();
            fn walk<'a>(
                g: &'a swanilai::Group,
                lang: Lang,
                m: &mut std::collections::HashMap<&'a str, &'a str>,
            ) {
                m.insert(g.id.as_str(), g.title.get(lang));
                for c in &g.children {
                    walk(c, lang, m);
                }
            }
            for g in &set.groups {
                walk(g, lang, &mut m);
            }
            m
        };
        for g in &r.groups {
            let indent = "  ".repeat(g.depth);
            let title = titles.get(g.id.as_str()).copied().unwrap_or(&g.id);
            let label: String = format!("{indent}{title}").chars().take(46).collect();
            let _ = writeln!(
                out,
                "{label:<48}{}   {}/{}",
                fmt(&g.score),
                g.completeness.answered,
                g.completeness.total
            );
        }
        if !r.tags.is_empty() {
            let _ = writeln!(
                out,
                "{}",
                if lang == Lang::Id {
                    "Per tag"
                } else {
                    "By tag"
                }
            );
            for t in &r.tags {
                let _ = writeln!(out, "  {:<46}{}", t.tag, fmt(&t.score));
            }
        }
        out
    }
}
