//! The command line: one subcommand for every action the terminal app
//! offers, for scripts and SSH. Parsing is clap's; the work is the app
//! layer's; this module only turns arguments into commands and results
//! into lines.

pub mod assessment;
pub mod calendar;
pub mod files;
pub mod gate;
pub mod help;
pub mod keys;
pub mod output;
pub mod safety;

use app::leave::{LeaveFilter, LeaveRequest};
use app::roll::Call;
use app::standings::StandingRow;
use app::{self, App, AppError, FieldName, Why, demo, i18n};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use clap::{Args, Parser, Subcommand};
use i18n::{Label, Lang};
use output::{standing_json, standings_table, table};
use rules::{
    AcademicYear, Audience, Cover, Credits, Evidence, LeaveId, Period, Role, Session, SessionId,
    SessionKind, Teacher, TeacherId, Term, TermId,
};
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(
    name = "peixun",
    version,
    about = "校本培训考勤与考核 / school-based training attendance"
)]
pub struct Cli {
    /// Database file (default: the platform data directory).
    #[arg(long, env = "PEIXUN_DB", global = true)]
    pub db: Option<PathBuf>,
    /// Language: zh (default) or en; otherwise taken from LANG. Any other
    /// value is refused, not silently taken for Chinese.
    #[arg(long, global = true, value_parser = ["zh", "en"], hide_possible_values = true)]
    pub lang: Option<String>,
    /// Act as another account (root only).
    #[arg(long = "as", global = true)]
    pub as_name: Option<String>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// `lookup` alone, with the global options: a one-shot lookup parses its
/// arguments without building the parser of every other subcommand (half a
/// million instructions, a fifth of the process; docs/benchmarks.md, issue
/// 15). Anything it does not take goes to `Cli`'s full parser, which gives
/// help, versions and errors.
#[derive(Parser, Debug)]
#[command(name = "peixun")]
struct LookupOnly {
    #[arg(long, env = "PEIXUN_DB", global = true)]
    db: Option<PathBuf>,
    // The same values as `Cli`'s: `--lang fr` falls through to the whole
    // parser, which refuses it.
    #[arg(long, global = true, value_parser = ["zh", "en"], hide_possible_values = true)]
    lang: Option<String>,
    #[arg(long = "as", global = true)]
    as_name: Option<String>,
    #[command(subcommand)]
    command: LookupCmd,
}

#[derive(Subcommand, Debug)]
enum LookupCmd {
    Lookup(LookupArgs),
}

impl Cli {
    /// The command line through `LookupOnly`, when that takes it: a
    /// lookup is parsed without building the parser of every subcommand
    /// (docs/benchmarks.md). It gives the same `Cli` as the full parser
    /// (tests/cli_parse.rs); `None` means the full parser must decide.
    pub fn lookup_only(args: &[std::ffi::OsString]) -> Option<Cli> {
        if !args.iter().skip(1).any(|a| a == "lookup") {
            return None;
        }
        let l = LookupOnly::try_parse_from(args).ok()?;
        let LookupCmd::Lookup(a) = l.command;
        Some(Cli {
            db: l.db,
            lang: l.lang,
            as_name: l.as_name,
            command: Some(Command::Lookup(a)),
        })
    }

    /// `Cli::parse_from`, through `LookupOnly` when that takes the
    /// arguments.
    pub fn parse_args_from<I: IntoIterator<Item = std::ffi::OsString>>(args: I) -> Cli {
        let args: Vec<_> = args.into_iter().collect();
        Cli::lookup_only(&args).unwrap_or_else(|| Cli::parse_from(args))
    }
}

/// An academic year as people write it: `2025`, `2025-2026` or
/// `2025-2026学年` (the two years one apart), as its first calendar year.
pub fn school_year(s: &str) -> Result<i32, String> {
    let s = s.trim();
    let s = s.strip_suffix("学年").unwrap_or(s).trim();
    let year = |x: &str| {
        x.trim()
            .parse::<i32>()
            .ok()
            .filter(|y| (1900..=2200).contains(y))
    };
    let first = match s.split_once(['-', '–', '—', '/']) {
        Some((a, b)) => year(a).filter(|a| year(b) == Some(a + 1)),
        None => year(s),
    };
    first.ok_or_else(|| format!("not an academic year: {s}"))
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Create a new, empty database; you become the training office.
    Init,
    /// Create a demo school with realistic data.
    Demo(DemoArgs),
    /// The roster.
    #[command(subcommand)]
    Teacher(TeacherCmd),
    /// Terms (学期).
    #[command(subcommand)]
    Term(TermCmd),
    /// Training sessions (培训活动).
    #[command(subcommand)]
    Session(SessionCmd),
    /// Roll call (点名).
    #[command(subcommand)]
    Roll(RollCmd),
    /// Leave requests (请假).
    #[command(subcommand)]
    Leave(LeaveCmd),
    /// Find teachers by id, name, pinyin or initials, with their standing.
    Lookup(LookupArgs),
    /// Every teacher's standing for a term or an academic year.
    Standings(PeriodArgs),
    /// One teacher's record: every session, leave and credits.
    Record { teacher: String },
    /// What changed, who, when and why.
    History {
        #[arg(long)]
        teacher: Option<String>,
        #[arg(long)]
        session: Option<u32>,
        /// The entries as stored, for scripts: action keys and JSON values.
        #[arg(long)]
        json: bool,
    },
    /// Accounts and their roles.
    #[command(subcommand)]
    Account(AccountCmd),
    /// The school's policy: `show` prints it as TOML, `set FILE` loads one.
    #[command(subcommand)]
    Policy(PolicyCmd),
    /// Show who you are in this database.
    Whoami,
    /// Import the roster or a term's plan from .xlsx or .csv.
    #[command(subcommand)]
    Import(files::ImportCmd),
    /// Export standings, a teacher's record or the roster as .xlsx or .csv.
    #[command(subcommand)]
    Export(files::ExportCmd),
    /// Publish a term's standings (公布); `--list` shows past publications.
    Publish(files::PublishArgs),
    /// The school's name for exported titles: show it, or set it.
    School { name: Option<String> },
    /// Credits from training outside the school (学分卡) and their review.
    #[command(subcommand)]
    Credit(assessment::CreditCmd),
    /// Official-leave content to make up (公假待补).
    #[command(subcommand)]
    Makeup(assessment::MakeUpCmd),
    /// Study notes (学习笔记): characters per term.
    #[command(subcommand)]
    Notes(assessment::NotesCmd),
    /// The teacher's training archive (档案) and open lessons.
    #[command(subcommand)]
    Archive(assessment::ArchiveCmd),
    /// Mentor pairs (师徒结对, 青蓝工程).
    #[command(subcommand)]
    Mentor(assessment::MentorCmd),
    /// The school's training funds (培训经费).
    #[command(subcommand)]
    Funds(assessment::FundsCmd),
    /// A teacher's degree (学历).
    #[command(subcommand)]
    Qualification(assessment::QualificationCmd),
    /// The year's assessment: `close YEAR` ends it (office).
    #[command(subcommand)]
    Assess(assessment::AssessCmd),
    /// Verify the database file: every page and record; never writes to it.
    Check,
    /// Copy the database, as of one moment, to a new file (others may keep working).
    Backup {
        path: PathBuf,
        /// Copy the state redb recovers from a damaged file (the changes
        /// after its last sound one are lost); refused without.
        #[arg(long)]
        accept_recovered: bool,
    },
    /// The SSH keys of the service account (training office).
    #[command(subcommand)]
    Key(keys::KeyCmd),
    /// What sshd runs for a key: the terminal app or SSH_ORIGINAL_COMMAND as ACCOUNT.
    Gate { account: String },
}

#[derive(Subcommand, Debug)]
pub enum PolicyCmd {
    Show,
    Set {
        file: PathBuf,
    },
    /// Re-judge what was closed or posted from a day on under today's policy.
    Rejudge {
        #[arg(long)]
        from: String,
        #[arg(long)]
        reason: String,
    },
}

#[derive(Args, Debug)]
pub struct DemoArgs {
    #[arg(long, default_value_t = 60)]
    pub teachers: usize,
    #[arg(long, default_value_t = 1)]
    pub years: u32,
    #[arg(long, default_value_t = 2026)]
    pub seed: u64,
}

#[derive(Subcommand, Debug)]
pub enum TeacherCmd {
    /// Add a teacher: ID NAME GROUP.
    Add {
        id: String,
        name: String,
        group: String,
        #[arg(long)]
        grade: Option<String>,
        /// First day at the school (YYYY-MM-DD).
        #[arg(long)]
        from: Option<String>,
        /// Last day at the school (YYYY-MM-DD).
        #[arg(long)]
        to: Option<String>,
        /// Why, where the joining day falls in a closed year.
        #[arg(long)]
        reason: Option<String>,
    },
    /// Change a teacher's name, group, grade or joining date.
    Edit(calendar::TeacherEditArgs),
    /// A teacher leaves the school (调离, 退休 ...): their last day.
    Leave {
        id: String,
        #[arg(long)]
        on: String,
        #[arg(long)]
        reason: Option<String>,
    },
    List {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum TermCmd {
    /// Add a term: TERM START END, e.g. 2025-autumn 2025-09-01 2026-01-20.
    Add {
        term: String,
        start: String,
        end: String,
    },
    List {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
#[allow(clippy::large_enum_variant)] // parsed once per process
pub enum SessionCmd {
    /// Add a session: DATE START END TITLE.
    Add {
        date: String,
        start: String,
        end: String,
        title: String,
        /// weekly | training | outside | remote
        #[arg(long, default_value = "training")]
        kind: String,
        #[arg(long, default_value = "1")]
        credits: String,
        #[arg(long)]
        presenter: Option<String>,
        #[arg(long)]
        host: Option<String>,
        #[arg(long)]
        recorder: Option<String>,
        /// Only these teaching groups must attend (comma-separated).
        #[arg(long)]
        groups: Option<String>,
        /// Why a session is added to a closed year (training office).
        #[arg(long)]
        reason: Option<String>,
    },
    /// Change a session's title, times, credits, people or groups.
    Edit(calendar::SessionEditArgs),
    /// Move a session to another day and time: S DATE START END.
    Move {
        session: u32,
        date: String,
        start: String,
        end: String,
        #[arg(long)]
        reason: String,
    },
    /// Cancel a session: it counts for nobody.
    Cancel {
        session: u32,
        #[arg(long)]
        reason: String,
    },
    List {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum RollCmd {
    /// Teachers who answered the first call (none: just start it).
    /// `--reason` starts it before the roll opens (training office).
    First {
        session: u32,
        teachers: Vec<String>,
        #[arg(long)]
        reason: Option<String>,
    },
    /// Teachers who answered the second call (none: just start it).
    Second {
        session: u32,
        teachers: Vec<String>,
        #[arg(long)]
        reason: Option<String>,
    },
    /// End the second call: from now on arrivals are late.
    EndSecond {
        session: u32,
        #[arg(long)]
        reason: Option<String>,
    },
    /// A late arrival after the second call.
    Arrive {
        session: u32,
        teacher: String,
        /// HH:MM (default: now)
        #[arg(long)]
        at: Option<String>,
        #[arg(long)]
        reason: Option<String>,
    },
    /// An early leave; `--excused --reason R` excuses it (早退(准假)).
    Leave {
        session: u32,
        teacher: String,
        /// HH:MM (default: now)
        #[arg(long)]
        at: Option<String>,
        #[arg(long)]
        excused: bool,
        #[arg(long)]
        reason: Option<String>,
    },
    /// Reopen a closed roll at the step it had reached (training office).
    Reopen {
        session: u32,
        #[arg(long)]
        reason: String,
    },
    /// Close the roll: whoever is still missing without leave is absent.
    Close {
        session: u32,
        #[arg(long)]
        reason: Option<String>,
    },
    /// Take back the last mark.
    Undo {
        session: u32,
        #[arg(long)]
        reason: Option<String>,
    },
    /// The roll as it stands.
    Status {
        session: u32,
        #[arg(long)]
        json: bool,
    },
    /// Correct a teacher's facts (training office), with a reason.
    Correct {
        session: u32,
        teacher: String,
        #[arg(long)]
        reason: String,
        #[arg(long, conflicts_with = "no_first")]
        first: bool,
        #[arg(long)]
        no_first: bool,
        #[arg(long, conflicts_with = "no_second")]
        second: bool,
        #[arg(long)]
        no_second: bool,
        #[arg(long, conflicts_with = "no_arrived")]
        arrived: Option<String>,
        #[arg(long)]
        no_arrived: bool,
        #[arg(long, conflicts_with = "no_left")]
        left: Option<String>,
        #[arg(long)]
        no_left: bool,
        #[arg(long)]
        remark: Option<String>,
        /// The early leave is excused (早退(准假)), for --reason.
        #[arg(long, conflicts_with = "no_excused")]
        excused: bool,
        #[arg(long)]
        no_excused: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum LeaveCmd {
    /// Ask for leave: TEACHER KIND (`LeaveKind::code`).
    Request {
        teacher: String,
        kind: String,
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
        /// Session ids, comma-separated.
        #[arg(long)]
        sessions: Option<String>,
        #[arg(long)]
        reason: String,
        /// The leave note (请假条) was received.
        #[arg(long)]
        note: bool,
        /// The hospital certificate (医院证明) was received.
        #[arg(long)]
        certificate: bool,
        /// Emergency sick leave (急诊), may be after the fact.
        #[arg(long)]
        emergency: bool,
    },
    /// List requests: pending by default.
    List {
        #[arg(long)]
        all: bool,
        #[arg(long)]
        decided: bool,
        /// Only those waiting for you to decide.
        #[arg(long)]
        mine: bool,
        #[arg(long)]
        json: bool,
    },
    Approve {
        id: u32,
        #[arg(long, default_value = "")]
        comment: String,
        /// Why a closed year's leave is decided now (training office).
        #[arg(long)]
        reason: Option<String>,
    },
    Reject {
        id: u32,
        #[arg(long)]
        comment: String,
        /// Why a closed year's leave is decided now (training office).
        #[arg(long)]
        reason: Option<String>,
    },
    Withdraw {
        id: u32,
    },
    /// Record evidence received.
    Evidence {
        id: u32,
        #[arg(long)]
        note: bool,
        #[arg(long)]
        certificate: bool,
    },
}

#[derive(Args, Debug)]
pub struct PeriodArgs {
    /// A term, e.g. 2025-autumn.
    #[arg(long, conflicts_with = "year")]
    pub term: Option<String>,
    /// An academic year by its first calendar year, e.g. 2025.
    #[arg(long, value_parser = crate::school_year)]
    pub year: Option<i32>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Args, Debug)]
pub struct LookupArgs {
    pub query: String,
    #[command(flatten)]
    pub period: PeriodArgs,
}

#[derive(Subcommand, Debug)]
pub enum AccountCmd {
    /// Give an OS account roles (comma-separated: office, leader, school,
    /// group_leader, assessment, teacher).
    Set {
        name: String,
        #[arg(long)]
        roles: String,
        #[arg(long)]
        teacher: Option<String>,
    },
    List,
}

/// What a command produced, or the one line that says why it failed.
pub type Outcome = Result<String, String>;

pub use app::env::{default_db, now};

pub(crate) fn bad(lang: Lang, field: FieldName, value: &str, why: Why) -> String {
    i18n::error(
        lang,
        &AppError::Invalid {
            field,
            value: value.to_string(),
            why,
        },
    )
}

pub(crate) fn date(lang: Lang, field: FieldName, s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| bad(lang, field, s, Why::NotADate))
}

/// A number of credits ("2", "1.5"), else a message naming the field.
pub(crate) fn credits_arg(lang: Lang, s: &str) -> Result<Credits, String> {
    Credits::parse(s).ok_or_else(|| bad(lang, FieldName::Credits, s, Why::NotCredits))
}

fn hm(lang: Lang, field: FieldName, s: &str) -> Result<NaiveTime, String> {
    NaiveTime::parse_from_str(s.trim(), "%H:%M").map_err(|_| bad(lang, field, s, Why::NotATime))
}

pub(crate) fn term_id(lang: Lang, s: &str) -> Result<TermId, String> {
    TermId::parse(s).ok_or_else(|| bad(lang, FieldName::Term, s, Why::NotATerm))
}

/// Who acts, on which database, at what time: the OS account locally,
/// the key's account in the SSH gate.
pub struct Who {
    pub path: PathBuf,
    pub name: String,
    pub is_root: bool,
    pub now: NaiveDateTime,
}

/// Runs one subcommand (not the terminal app) and returns its output.
pub fn run(cli: Cli, lang: Lang) -> Outcome {
    let path = match cli.db.clone() {
        Some(p) => p,
        None => gate::local_db(lang)?.unwrap_or_else(default_db),
    };
    gate::refuse_network_share(&path, lang)?;
    let (name, is_root) = app::os_account();
    let who = Who {
        path,
        name,
        is_root,
        now: now(),
    };
    run_as(cli, lang, who)
}

/// Runs one subcommand as `who`.
pub(crate) fn run_as(cli: Cli, lang: Lang, who: Who) -> Outcome {
    let Some(command) = cli.command else {
        return Err(i18n::text(lang, Label::NoCommand).into());
    };
    let Who {
        path,
        name: os_name,
        is_root,
        now,
    } = who;
    let e = |e: AppError| i18n::error(lang, &e);
    if matches!(command, Command::Key(_)) && !app::os_user::serves_ssh_gate() {
        let key = i18n::PlatformText::UnixServerOnly("key".into());
        return Err(i18n::platform(lang, &key));
    }
    match command {
        Command::Init => {
            app::accounts::init(&path, &os_name, now).map_err(e)?;
            Ok(format!(
                "{} {}",
                i18n::text(lang, Label::Created),
                path.display()
            ))
        }
        Command::Demo(a) => {
            let opts = demo::DemoOptions {
                teachers: a.teachers,
                years: a.years,
                seed: a.seed,
            };
            let mut progress = |done: u32, of: u32| {
                if of > 1 {
                    eprintln!("{} {done}/{of}", i18n::text(lang, Label::DemoProgress));
                }
            };
            demo::demo(&path, &os_name, now, opts, &mut progress).map_err(e)?;
            Ok(format!(
                "{} {}",
                i18n::text(lang, Label::Created),
                path.display()
            ))
        }
        Command::Check => safety::check(&path, &os_name, cli.as_name.as_deref(), is_root, lang),
        Command::Gate { .. } => Err(i18n::text(lang, Label::NoCommand).into()),
        command => {
            // A backup verifies the file itself and says what it found.
            let own_words = matches!(command, Command::Backup { .. });
            // A command that fails or panics on a file that does not verify
            // says the file is damaged, not what it tripped over.
            ANSWER_CHECKED.store(false, std::sync::atomic::Ordering::Relaxed);
            let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                let wait = app::file::Wait::from_env()
                    .with_notice(move || eprintln!("{}", i18n::waiting(lang)));
                let opened = App::open_with(&path, &os_name, cli.as_name.as_deref(), is_root, wait);
                let mut app = match opened {
                    // A file too damaged to open is backed up (if told to)
                    // from the state redb's repair recovers; the backup says
                    // what that keeps.
                    Err(AppError::Store(x @ app::file::StoreError::Damaged { .. }))
                        if own_words =>
                    {
                        match App::open_recovered(&path, &os_name, cli.as_name.as_deref(), is_root)
                        {
                            Ok(Some(app)) => app,
                            _ => return Err(e(x.into())),
                        }
                    }
                    opened => opened.map_err(e)?,
                };
                let out = dispatch(&mut app, command, lang, now);
                // The first change to an older file upgraded it: said once,
                // whatever became of the change itself.
                if let Some(u) = app.upgraded() {
                    eprintln!("{}", i18n::upgraded(lang, u));
                }
                out
            }));
            let failed = match outcome {
                Ok(Ok(out)) => return Ok(out),
                Ok(Err(msg)) if own_words => return Err(msg),
                // A refusal that was checked against what it read (a lookup
                // that finds nobody: its names agree with the teachers'
                // checksummed records) needs no verification of the whole
                // file; any other refusal still verifies it.
                Ok(Err(msg)) if answer_checked() => return Err(msg),
                Ok(Err(msg)) => msg,
                Err(panic) => panic_text(panic.as_ref()),
            };
            match app::file::check::refuse_damaged(&path) {
                // A record that failed its checksum was named where it was read.
                Err(app::file::StoreError::Damaged { .. }) if app::file::codec::damage_seen() => {
                    Err(failed)
                }
                Err(x @ app::file::StoreError::Damaged { .. }) => Err(e(x.into())),
                _ => Err(failed),
            }
        }
    }
}

static ANSWER_CHECKED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Marks this command's refusal as an answer the data gave, checked against
/// checksummed records, not something it tripped over: `run` then does not
/// verify every page of the file to tell the two apart (a lookup that finds
/// nobody, on a county's file, would otherwise read all of it).
fn checked_answer() {
    ANSWER_CHECKED.store(true, std::sync::atomic::Ordering::Relaxed);
}

fn answer_checked() -> bool {
    ANSWER_CHECKED.load(std::sync::atomic::Ordering::Relaxed)
}

/// What a panic said, for the one line the user sees.
fn panic_text(p: &(dyn std::any::Any + Send)) -> String {
    p.downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "internal error".into())
}

/// The teacher whose record is asked for. Someone who may see only their
/// own record learns nothing of others from the refusal: a name or id that
/// finds nobody is refused exactly as one that finds someone else.
pub(crate) fn record_arg(app: &App, lang: Lang, s: &str) -> Result<TeacherId, String> {
    let found = app.resolve_teacher(s);
    nobody_checked(app, &found);
    match found {
        Ok(id) => Ok(id),
        Err(AppError::UnknownTeacher(_) | AppError::Ambiguous(_))
            if !app.actor().may_see_id("") =>
        {
            Err(i18n::error(
                lang,
                &AppError::Forbidden {
                    action: "record".into(),
                    needs: app::STAFF.to_vec(),
                },
            ))
        }
        Err(x) => Err(i18n::error(lang, &x)),
    }
}

pub(crate) fn teacher_arg(app: &App, lang: Lang, s: &str) -> Result<TeacherId, String> {
    let found = app.resolve_teacher(s);
    nobody_checked(app, &found);
    match found {
        // Someone who may see only their own record learns nothing from a
        // refusal (issue 26): a name or id that finds nobody goes on to the
        // command as given, which refuses it as it refuses another's
        // (its permission is checked before the teacher is looked up).
        Err(AppError::UnknownTeacher(_) | AppError::Ambiguous(_))
            if !app.actor().may_see_id("") =>
        {
            Ok(TeacherId(rules::half_width_id(s.trim())))
        }
        found => found.map_err(|x| i18n::error(lang, &x)),
    }
}

/// A teacher named on the command line who is nobody (or several): the
/// refusal is the data's answer where the names the lookup scanned agree
/// with the teachers' checksummed records, as for `lookup` (issue 26), so
/// `run` need not verify every page of the file to believe it. Where they
/// do not agree, or cannot be read, it still does.
fn nobody_checked(app: &App, found: &app::Result<TeacherId>) {
    if matches!(
        found,
        Err(AppError::UnknownTeacher(_) | AppError::Ambiguous(_))
    ) && app.names_agree().unwrap_or(false)
    {
        checked_answer();
    }
}

fn period(app: &App, lang: Lang, p: &PeriodArgs, today: NaiveDate) -> Result<Period, String> {
    let e = |x: AppError| i18n::error(lang, &x);
    Ok(match (&p.term, p.year) {
        (Some(t), _) => Period::Term(term_id(lang, t)?),
        (None, Some(y)) => Period::Year(AcademicYear(y)),
        (None, None) => Period::Year(app.current_year(today).map_err(e)?),
    })
}

fn dispatch(app: &mut App, command: Command, lang: Lang, now: NaiveDateTime) -> Outcome {
    let e = |x: AppError| i18n::error(lang, &x);
    let saved = || i18n::text(lang, Label::Saved).to_string();
    let today = now.date();
    match command {
        Command::Init | Command::Demo(_) | Command::Check | Command::Gate { .. } => {
            Err(i18n::text(lang, Label::NoCommand).into())
        }
        Command::Backup {
            path,
            accept_recovered,
        } => safety::backup(app, &path, accept_recovered, lang),
        Command::Teacher(TeacherCmd::Add {
            id,
            name,
            group,
            grade,
            from,
            to,
            reason,
        }) => {
            app.reason = reason;
            let t = Teacher {
                id: TeacherId(id),
                name,
                group,
                grade,
                active_from: from.map(|s| date(lang, FieldName::From, &s)).transpose()?,
                active_to: to.map(|s| date(lang, FieldName::To, &s)).transpose()?,
                from_time: None,
                past_groups: Vec::new(),
            };
            app.add_teacher(t, now).map_err(e)?;
            Ok(saved())
        }
        Command::Teacher(TeacherCmd::List { json }) => calendar::teacher_list(app, lang, json),
        Command::Teacher(TeacherCmd::Edit(a)) => calendar::teacher_edit(app, a, lang, now),
        Command::Teacher(TeacherCmd::Leave { id, on, reason }) => {
            calendar::teacher_leave(app, &id, &on, reason.as_deref(), lang, now)
        }
        Command::Term(TermCmd::Add { term, start, end }) => {
            let t = Term {
                id: term_id(lang, &term)?,
                start: date(lang, FieldName::Start, &start)?,
                end: date(lang, FieldName::End, &end)?,
            };
            let (start, end) = (t.start, t.end);
            let id = app.add_term(t, now).map_err(e)?;
            Ok(i18n::term_added(lang, id, start, end))
        }
        Command::Term(TermCmd::List { json }) => calendar::term_list(app, lang, json),
        Command::Session(SessionCmd::Add {
            date: d,
            start,
            end,
            title,
            kind,
            credits,
            presenter,
            host,
            recorder,
            groups,
            reason,
        }) => {
            app.reason = reason;
            let kind = match kind.as_str() {
                "weekly" => SessionKind::WeeklyStudy,
                "training" => SessionKind::SchoolTraining,
                "outside" => SessionKind::OutsideStudy,
                "remote" => SessionKind::Remote,
                other => {
                    return Err(bad(
                        lang,
                        FieldName::SessionKind,
                        other,
                        Why::NotASessionKind,
                    ));
                }
            };
            let s = Session {
                id: SessionId(0),
                date: date(lang, FieldName::Date, &d)?,
                start: hm(lang, FieldName::Start, &start)?,
                end: hm(lang, FieldName::End, &end)?,
                title,
                kind,
                credits: credits_arg(lang, &credits)?,
                presenter,
                host,
                recorder,
                audience: match groups {
                    None => Audience::Everyone,
                    Some(g) => calendar::audience(&g),
                },
            };
            let id = app.add_session(s, now).map_err(e)?;
            Ok(format!("{} {id}", i18n::text(lang, Label::SessionAdded)))
        }
        Command::Session(SessionCmd::List { json }) => calendar::session_list(app, lang, json),
        Command::Session(SessionCmd::Edit(a)) => calendar::session_edit(app, a, lang, now),
        Command::Session(SessionCmd::Move {
            session,
            date: d,
            start,
            end,
            reason,
        }) => calendar::session_move(app, session, &d, &start, &end, &reason, lang, now),
        Command::Session(SessionCmd::Cancel { session, reason }) => {
            calendar::session_cancel(app, session, &reason, lang, now)
        }
        Command::Roll(cmd) => roll(app, cmd, lang, now),
        Command::Leave(cmd) => leave(app, cmd, lang, now),
        Command::Lookup(a) => {
            let p = period(app, lang, &a.period, today)?;
            let (found, how): (Vec<_>, Vec<_>) =
                app.lookup_ranked(&a.query).map_err(e)?.into_iter().unzip();
            if found.is_empty() {
                // Nobody: believed where the names scanned agree with the
                // teachers' own records; else the whole file is verified
                // first (`run`), as for any other failure.
                if app.names_agree().map_err(e)? {
                    checked_answer();
                }
                return Err(i18n::error(lang, &AppError::UnknownTeacher(a.query)));
            }
            let rows = app.standings_of(&found, p, today).map_err(e)?;
            if !a.period.json {
                return print_standings(&rows, lang, false);
            }
            // Each row says how the query found it (`match`), best first.
            let v: Vec<_> = rows
                .iter()
                .zip(how)
                .map(|(r, m)| output::LookupJson {
                    row: standing_json(r),
                    how: m.code(),
                })
                .collect();
            serde_json::to_string_pretty(&v).map_err(|x| x.to_string())
        }
        Command::Standings(a) => {
            let p = period(app, lang, &a, today)?;
            let rows = app.standings(p, today).map_err(e)?;
            print_standings(&rows, lang, a.json)
        }
        Command::Record { teacher } => {
            let id = record_arg(app, lang, &teacher)?;
            let (t, lines, leaves) = app.record(&id).map_err(e)?;
            let mut out = format!(
                "{} {} {}\n",
                i18n::shown(&t.id.0),
                i18n::shown(&t.name),
                i18n::shown(&t.group)
            );
            let rows: Vec<Vec<String>> = lines
                .iter()
                .map(|l| {
                    let cat = app::cells::record_attendance(lang, l, now);
                    vec![
                        l.session.id.to_string(),
                        l.session.date.to_string(),
                        l.session.title.clone(),
                        l.session.credits.to_string(),
                        cat,
                    ]
                })
                .collect();
            out.push_str(&table(&i18n::record_headers(lang), &rows));
            if !leaves.is_empty() {
                out.push('\n');
                let held: Vec<_> = lines.iter().map(|l| (&l.session, l.state)).collect();
                out.push_str(&leave_table(&leaves, lang, &held));
            }
            let year = app.current_year(today).map_err(e)?;
            out.push('\n');
            out.push_str(&assessment::year_summary(
                app, &id, year, lang, today, false,
            )?);
            Ok(out)
        }
        Command::History {
            teacher,
            session,
            json,
        } => {
            let t = teacher.map(|t| teacher_arg(app, lang, &t)).transpose()?;
            let entries = app.history(t.as_ref(), session.map(SessionId)).map_err(e)?;
            if json {
                return serde_json::to_string_pretty(&entries).map_err(|x| x.to_string());
            }
            // In words: the action, what it is about, and each changed
            // field as people say it (i18n::history_change).
            let rows: Vec<Vec<String>> = entries
                .into_iter()
                .map(|h| {
                    vec![
                        h.seq.to_string(),
                        h.at.format("%Y-%m-%d %H:%M:%S").to_string(),
                        h.who,
                        i18n::history_action(lang, &h.action).to_string(),
                        i18n::history_target(lang, &h.target),
                        i18n::history_change(lang, h.before.as_deref(), h.after.as_deref()),
                        h.reason
                            .map(|r| i18n::history_reason(lang, &r))
                            .unwrap_or_default(),
                    ]
                })
                .collect();
            let mut headers = vec!["#"];
            headers.extend(i18n::history_screen_headers(lang));
            Ok(table(&headers, &rows))
        }
        Command::Account(AccountCmd::Set {
            name,
            roles,
            teacher,
        }) => {
            let mut rs = Vec::new();
            for r in roles.split(',').map(str::trim).filter(|r| !r.is_empty()) {
                rs.push(
                    parse_role(r).ok_or_else(|| bad(lang, FieldName::Roles, r, Why::NotARole))?,
                );
            }
            app.set_account(&name, rs, teacher.map(TeacherId), now)
                .map_err(e)?;
            Ok(saved())
        }
        Command::Account(AccountCmd::List) => {
            let rows: Vec<Vec<String>> = app
                .accounts()
                .map_err(e)?
                .into_iter()
                .map(|a| {
                    vec![
                        a.name,
                        a.roles
                            .iter()
                            .map(|r| i18n::role(lang, *r))
                            .collect::<Vec<_>>()
                            .join(", "),
                        a.teacher.map(|t| t.0).unwrap_or_default(),
                    ]
                })
                .collect();
            Ok(table(&i18n::account_headers(lang), &rows))
        }
        Command::Policy(PolicyCmd::Show) => {
            Ok(app::policy_file::to_toml(&app.policy().map_err(e)?))
        }
        Command::Policy(PolicyCmd::Set { file }) => {
            // Refused before the file is read: nobody learns anything of a
            // file through the messages of a command they may not use.
            app.actor()
                .require("policy set", &[Role::Office])
                .map_err(e)?;
            let p = if file.as_os_str() == "-" {
                let text = files::stdin_text(lang)?;
                app::policy_file::parse(&text, "-")
            } else {
                app::policy_file::load(&file)
            }
            .map_err(|x| i18n::policy_error(lang, &x))?;
            app.set_policy(p, now).map_err(e)?;
            Ok(saved())
        }
        Command::Policy(PolicyCmd::Rejudge { from, reason }) => {
            let from = date(lang, FieldName::From, &from)?;
            app.rejudge_policy(from, &reason, now).map_err(e)?;
            Ok(saved())
        }
        Command::Import(c) => files::import(app, c, lang, now),
        Command::Key(c) => keys::key(app, c, lang, now),
        Command::Export(c) => files::export(app, c, lang, now),
        Command::Publish(a) => files::publish(app, a, lang, now),
        Command::School { name } => files::school(app, name, lang, now),
        Command::Credit(cmd) => assessment::credit(app, cmd, lang, now),
        Command::Makeup(cmd) => assessment::makeup(app, cmd, lang, now),
        Command::Notes(cmd) => assessment::notes(app, cmd, lang, now),
        Command::Archive(cmd) => assessment::archive(app, cmd, lang, now),
        Command::Mentor(cmd) => assessment::mentor(app, cmd, lang, now),
        Command::Funds(cmd) => assessment::funds(app, cmd, lang, now),
        Command::Qualification(cmd) => assessment::qualification(app, cmd, lang, now),
        Command::Assess(cmd) => assessment::assess(app, cmd, lang, now),
        Command::Whoami => Ok(format!(
            "{} ({})",
            i18n::shown(&app.actor().name),
            app.actor()
                .roles
                .iter()
                .map(|r| i18n::role(lang, *r))
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

pub fn parse_role(s: &str) -> Option<Role> {
    Role::from_code(s)
}

fn call(
    app: &mut App,
    call: Call,
    session: u32,
    teachers: &[String],
    lang: Lang,
    now: NaiveDateTime,
) -> Outcome {
    let e = |x: AppError| i18n::error(lang, &x);
    let id = SessionId(session);
    if teachers.is_empty() {
        app.start_call(id, call, now).map_err(e)?;
    } else {
        let ids = teachers
            .iter()
            .map(|t| teacher_arg(app, lang, t))
            .collect::<Result<Vec<_>, _>>()?;
        app.answer(id, call, &ids, now).map_err(e)?;
    }
    Ok(i18n::text(lang, Label::Saved).to_string())
}

fn print_standings(rows: &[StandingRow], lang: Lang, json: bool) -> Outcome {
    if json {
        let v: Vec<_> = rows.iter().map(|r| standing_json(r)).collect();
        serde_json::to_string_pretty(&v).map_err(|x| x.to_string())
    } else {
        Ok(standings_table(rows, lang))
    }
}

fn roll(app: &mut App, cmd: RollCmd, lang: Lang, now: NaiveDateTime) -> Outcome {
    let e = |x: AppError| i18n::error(lang, &x);
    let saved = || i18n::text(lang, Label::Saved).to_string();
    let at = |s: Option<String>| -> Result<NaiveTime, String> {
        match s {
            Some(s) => hm(lang, FieldName::At, &s),
            None => Ok(now.time()),
        }
    };
    match cmd {
        RollCmd::First {
            session,
            teachers,
            reason,
        } => {
            // A reason starts a call before the roll opens (the office's);
            // once open, it is why a posted term changes.
            if let Some(r) = &reason
                && !app.roll_opened(SessionId(session), now).map_err(e)?
            {
                calendar::early_call(app, Call::First, session, r, lang, now)?;
            }
            app.reason = reason;
            call(app, Call::First, session, &teachers, lang, now)
        }
        RollCmd::Reopen { session, reason } => {
            calendar::roll_reopen(app, session, &reason, lang, now)
        }
        RollCmd::Second {
            session,
            teachers,
            reason,
        } => {
            app.reason = reason;
            call(app, Call::Second, session, &teachers, lang, now)
        }
        RollCmd::EndSecond { session, reason } => {
            app.reason = reason;
            app.end_second_call(SessionId(session), now).map_err(e)?;
            Ok(saved())
        }
        RollCmd::Arrive {
            session,
            teacher,
            at: t,
            reason,
        } => {
            app.reason = reason;
            let id = teacher_arg(app, lang, &teacher)?;
            app.arrive(SessionId(session), &id, at(t)?, now)
                .map_err(e)?;
            Ok(saved())
        }
        RollCmd::Leave {
            session,
            teacher,
            at: t,
            excused: true,
            reason,
        } => {
            let at = t.map(|s| hm(lang, FieldName::At, &s)).transpose()?;
            calendar::excuse_early(
                app,
                session,
                &teacher,
                at,
                reason.as_deref().unwrap_or_default(),
                lang,
                now,
            )
        }
        RollCmd::Leave {
            session,
            teacher,
            at: t,
            excused: false,
            reason,
        } => {
            app.reason = reason;
            let id = teacher_arg(app, lang, &teacher)?;
            app.leave_early(SessionId(session), &id, at(t)?, now)
                .map_err(e)?;
            Ok(saved())
        }
        RollCmd::Close { session, reason } => {
            app.reason = reason;
            let absent = app.close_roll(SessionId(session), now).map_err(e)?;
            let names: Vec<String> = absent
                .iter()
                .map(|t| format!("{} {}", i18n::shown(&t.id.0), i18n::shown(&t.name)))
                .collect();
            Ok(if names.is_empty() {
                i18n::text(lang, Label::NobodyAbsent).to_string()
            } else {
                format!(
                    "{} {}: {}",
                    saved(),
                    i18n::text(lang, Label::Absent),
                    names.join(", ")
                )
            })
        }
        RollCmd::Undo { session, reason } => {
            app.reason = reason;
            let u = app.undo_step(SessionId(session), now).map_err(e)?;
            Ok(i18n::undone(lang, &u))
        }
        RollCmd::Status {
            session,
            json: true,
        } => calendar::roll_json(app, session, lang),
        RollCmd::Status {
            session,
            json: false,
        } => {
            let v = app.roll_view(SessionId(session)).map_err(e)?;
            let mut out = format!(
                "{} {} {}  [{}]  {} {}  {} {}  {} {}  {} {}\n",
                v.record.session.id,
                v.record.session.date,
                i18n::shown(&v.record.session.title),
                i18n::roll_state(lang, v.record.state),
                i18n::text(lang, Label::Expected),
                v.expected(),
                i18n::text(lang, Label::Present),
                v.present(),
                i18n::text(lang, Label::OnLeave),
                v.on_leave(),
                if v.record.state == rules::RollState::Closed {
                    i18n::category(lang, rules::Category::Absent)
                } else {
                    i18n::text(lang, Label::Missing)
                },
                v.missing().len()
            );
            let rows: Vec<Vec<String>> = v
                .lines
                .iter()
                .map(|l| {
                    vec![
                        l.teacher.id.0.clone(),
                        l.teacher.name.clone(),
                        l.teacher.group.clone(),
                        app::cells::attendance(lang, &l.facts, &l.outcome),
                        l.leave
                            .as_ref()
                            .map(|x| {
                                app::cells::roll_leave(lang, x, &v.record.session, v.record.state)
                            })
                            .unwrap_or_default(),
                    ]
                })
                .collect();
            out.push_str(&table(&i18n::roll_headers(lang), &rows));
            Ok(out)
        }
        RollCmd::Correct {
            session,
            teacher,
            reason,
            first,
            no_first,
            second,
            no_second,
            arrived,
            no_arrived,
            left,
            no_left,
            remark,
            excused,
            no_excused,
        } => {
            // Each flag changes its own fact; the rest stay as recorded.
            let flag = |on: bool, off: bool| (on || off).then_some(on);
            let time = |t: Option<String>, off: bool, field| -> Result<_, String> {
                Ok(match t {
                    Some(s) => Some(Some(hm(lang, field, &s)?)),
                    None => off.then_some(None),
                })
            };
            let change = rules::FactsChange {
                first_call: flag(first, no_first),
                second_call: flag(second, no_second),
                arrived: time(arrived, no_arrived, FieldName::Arrived)?,
                left_early: time(left, no_left, FieldName::Left)?,
                remark,
                early_excused: flag(excused, no_excused).map(|on| on.then(|| reason.clone())),
            };
            let id = teacher_arg(app, lang, &teacher)?;
            app.correct(SessionId(session), &id, &change, &reason, now)
                .map_err(e)?;
            Ok(saved())
        }
    }
}

/// The leave requests as a table; a leave of listed sessions names each
/// by its date and times when `held` has it (a teacher's record), and an
/// approved leave none of whose sessions has begun says it is to come.
fn leave_table(
    leaves: &[rules::Leave],
    lang: Lang,
    held: &[(&rules::Session, rules::RollState)],
) -> String {
    let sessions: Vec<&rules::Session> = held.iter().map(|(s, _)| *s).collect();
    let sessions = sessions.as_slice();
    let rows: Vec<Vec<String>> = leaves
        .iter()
        .map(|l| {
            let covers = match &l.cover {
                Cover::Dates { from, to } => format!("{from}..{to}"),
                c => app::cells::cover_words(lang, c, sessions),
            };
            let ev: Vec<&str> = rules::LeavePaper::ALL
                .iter()
                .filter(|p| p.received(&l.evidence))
                .map(|p| i18n::leave_paper(lang, *p))
                .collect();
            vec![
                l.id.to_string(),
                l.teacher.0.clone(),
                i18n::leave_kind(lang, l.kind).to_string(),
                covers,
                l.reason.clone(),
                ev.join("+"),
                if l.emergency {
                    i18n::text(lang, Label::Emergency).to_string()
                } else {
                    String::new()
                },
                i18n::leave_status_of(lang, l.status, l.to_come(held.iter().copied())).to_string(),
                if l.status == rules::LeaveStatus::Expired && l.comment.is_empty() {
                    i18n::calendar_text(lang, i18n::CalendarText::LapsedAt).to_string()
                } else {
                    l.comment.clone()
                },
            ]
        })
        .collect();
    table(&i18n::leave_headers(lang), &rows)
}

fn leave(app: &mut App, cmd: LeaveCmd, lang: Lang, now: NaiveDateTime) -> Outcome {
    let e = |x: AppError| i18n::error(lang, &x);
    let saved = || i18n::text(lang, Label::Saved).to_string();
    match cmd {
        LeaveCmd::Request {
            teacher,
            kind,
            from,
            to,
            sessions,
            reason,
            note,
            certificate,
            emergency,
        } => {
            // A teacher files for themselves only, and is told so.
            let found = app.leave_teacher(&teacher);
            nobody_checked(app, &found);
            let teacher = found.map_err(|x| i18n::error(lang, &x))?;
            let kind = i18n::parse_leave_kind(&kind)
                .ok_or_else(|| bad(lang, FieldName::LeaveKind, &kind, Why::NotALeaveKind))?;
            let cover = match (from, to, sessions) {
                (Some(f), t, None) => calendar::leave_cover(lang, &f, t.as_deref())?,
                (None, None, Some(list)) => {
                    let mut ids = Vec::new();
                    for x in list.split(',').map(str::trim).filter(|x| !x.is_empty()) {
                        ids.push(SessionId(x.parse().map_err(|_| {
                            bad(lang, FieldName::Sessions, x, Why::NotANumber)
                        })?));
                    }
                    Cover::Sessions(ids)
                }
                _ => return Err(i18n::text(lang, Label::WantCover).to_string()),
            };
            // Kept for the overlap note below, so that it reads only this
            // teacher's requests, not every request in the file.
            let (who, covers) = (teacher.clone(), cover.clone());
            let id = app
                .request_leave(
                    LeaveRequest {
                        teacher,
                        kind,
                        cover,
                        reason,
                        evidence: Evidence {
                            leave_note: note,
                            hospital_certificate: certificate,
                        },
                        emergency,
                    },
                    now,
                )
                .map_err(e)?;
            let mut out = format!("{} {id}", i18n::text(lang, Label::LeaveFiled));
            // A warning, not a refusal: requests get entered twice from paper.
            // The request just filed is known here: its overlaps are read
            // from the teacher's own requests, not every leave of the file
            // (which cost 78 % of a request on a county's file, issue 26).
            if let Some(note) = calendar::overlap_note(app, &who, &covers, id, lang) {
                out = format!("{note}\n{out}");
            }
            Ok(out)
        }
        LeaveCmd::List {
            all,
            decided,
            mine,
            json,
        } => {
            let filter = if all {
                LeaveFilter::All
            } else if decided {
                LeaveFilter::Decided
            } else if mine {
                LeaveFilter::Waiting
            } else {
                LeaveFilter::Pending
            };
            let list = app.leaves_at(filter, now).map_err(e)?;
            if json {
                return calendar::leave_json(&list);
            }
            let all = app.sessions().map_err(e)?;
            let held: Vec<_> = all.iter().map(|r| (&r.session, r.state)).collect();
            Ok(leave_table(&list, lang, &held))
        }
        LeaveCmd::Approve {
            id,
            comment,
            reason,
        } => {
            app.reason = reason;
            app.approve_leave(LeaveId(id), &comment, now).map_err(e)?;
            Ok(saved())
        }
        LeaveCmd::Reject {
            id,
            comment,
            reason,
        } => {
            app.reason = reason;
            app.reject_leave(LeaveId(id), &comment, now).map_err(e)?;
            Ok(saved())
        }
        LeaveCmd::Withdraw { id } => {
            app.withdraw_leave(LeaveId(id), now).map_err(e)?;
            Ok(saved())
        }
        LeaveCmd::Evidence {
            id,
            note,
            certificate,
        } => {
            app.receive_evidence(
                LeaveId(id),
                Evidence {
                    leave_note: note,
                    hospital_certificate: certificate,
                },
                now,
            )
            .map_err(e)?;
            Ok(saved())
        }
    }
}
