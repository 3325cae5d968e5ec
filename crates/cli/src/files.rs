//! `peixun import`, `peixun export`, `peixun publish` and `peixun school`:
//! files in and out, and posting a term's standings. The work is the app
//! layer's (`app::import`, `app::publish`) and `crate::io`'s.

use super::{Outcome, PeriodArgs, period, term_id};
use crate::i18n::{self, GateText, IoText, Lang};
use app::{App, AppError, FieldName, Why};
use chrono::NaiveDateTime;
use clap::{Args, Subcommand};
use sheets::export::{self, FileFormat, RecordSheet, RosterSheet, StandingsSheet};
use sheets::{Encoding, ImportError};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

#[derive(Subcommand, Debug)]
pub enum ImportCmd {
    /// Teachers from .xlsx/.xls/.ods or .csv, matched by id (工号); `-` reads standard input.
    Teachers {
        file: PathBuf,
        /// Text encoding of a CSV: utf8 or gbk (default: detect).
        #[arg(long)]
        encoding: Option<String>,
        /// xlsx or csv (default: told from the content).
        #[arg(long)]
        format: Option<String>,
        /// The teachers still at the school whom the file does not contain
        /// left on this day (YYYY-MM-DD).
        #[arg(long)]
        departed_on: Option<String>,
        /// Why a closed year's figures change (training office).
        #[arg(long)]
        reason: Option<String>,
    },
    /// A term's plan of sessions from .xlsx or .csv; `-` reads standard input.
    Plan {
        file: PathBuf,
        /// The term the sessions belong to, e.g. 2025-autumn.
        #[arg(long)]
        term: String,
        #[arg(long)]
        encoding: Option<String>,
        /// xlsx or csv (default: told from the content).
        #[arg(long)]
        format: Option<String>,
        /// Why a closed year's plan changes (training office).
        #[arg(long)]
        reason: Option<String>,
    },
}

#[derive(Subcommand, Debug)]
pub enum ExportCmd {
    /// The standings of a term or an academic year.
    Standings {
        #[arg(long, conflicts_with = "year")]
        term: Option<String>,
        #[arg(long, value_parser = crate::school_year)]
        year: Option<i32>,
        #[command(flatten)]
        out: OutArgs,
    },
    /// One teacher's record.
    Record {
        teacher: String,
        #[command(flatten)]
        out: OutArgs,
    },
    /// The roster, in the form `import teachers` reads.
    Teachers {
        #[command(flatten)]
        out: OutArgs,
    },
    /// A session's sign-in sheet (.xlsx), to print before it.
    Signin {
        session: u32,
        #[command(flatten)]
        out: OutArgs,
    },
    /// A session's record for the archive (.xlsx), once its roll is closed.
    Session {
        session: u32,
        #[command(flatten)]
        out: OutArgs,
    },
}

#[derive(Args, Debug)]
pub struct OutArgs {
    /// The file to write: .xlsx or .csv; `-` writes standard output.
    #[arg(long)]
    pub out: PathBuf,
    /// xlsx or csv (default: from the file name; needed with `--out -`).
    #[arg(long)]
    pub format: Option<String>,
    /// Encoding of a CSV: utf8 (with BOM, default) or gbk.
    #[arg(long)]
    pub encoding: Option<String>,
    /// Replace the file if it exists.
    #[arg(long)]
    pub force: bool,
}

#[derive(Args, Debug)]
pub struct PublishArgs {
    /// The term to publish, e.g. 2025-autumn; with `--list`, the term
    /// whose publications to list (none: every term's).
    #[arg(long, required_unless_present = "list")]
    pub term: Option<String>,
    /// List past publications instead of publishing.
    #[arg(long)]
    pub list: bool,
}

fn encoding(lang: Lang, s: Option<&str>) -> Result<Encoding, String> {
    match s {
        None => Ok(Encoding::Auto),
        Some(s) => Encoding::parse(s)
            .ok_or_else(|| invalid(lang, FieldName::Encoding, s, Why::NotAnEncoding)),
    }
}

fn invalid(lang: Lang, field: FieldName, value: &str, why: Why) -> String {
    i18n::error(
        lang,
        &AppError::Invalid {
            field,
            value: value.to_string(),
            why,
        },
    )
}

fn format_arg(lang: Lang, s: &str) -> Result<FileFormat, String> {
    match s.to_ascii_lowercase().as_str() {
        "xlsx" => Ok(FileFormat::Xlsx),
        "csv" => Ok(FileFormat::Csv),
        _ => Err(i18n::gate(lang, &GateText::BadFormat(s.to_string()))),
    }
}

/// Standard input (`import … -`, `policy set -`), through the same size
/// limit as a file: at most one byte past the limit is ever read, so a
/// longer stream is refused without being held (issue 26).
pub(crate) fn stdin_bytes(lang: Lang) -> Result<Vec<u8>, String> {
    let name = lang.t("标准输入", "standard input");
    bounded(lang, name, std::io::stdin().lock())
        .map_err(|e| e.unwrap_or_else(|e| i18n::gate(lang, &GateText::Stdin(e.to_string()))))
}

/// The bytes of `r`, refused once they pass `limits::FILE_BYTES_MAX`
/// (named `name`); the outer error is the refusal, the inner one the
/// system's error while reading.
fn bounded(
    lang: Lang,
    name: &str,
    r: impl std::io::Read,
) -> Result<Vec<u8>, Result<String, std::io::Error>> {
    use std::io::Read;
    let max_bytes = rules::limits::FILE_BYTES_MAX;
    let mut bytes = Vec::new();
    r.take(max_bytes + 1).read_to_end(&mut bytes).map_err(Err)?;
    if bytes.len() as u64 > max_bytes {
        return Err(Ok(i18n::import_error(
            lang,
            &ImportError::FileTooLarge {
                file: name.to_string(),
                max_bytes,
            },
        )));
    }
    Ok(bytes)
}

pub(crate) fn stdin_text(lang: Lang) -> Result<String, String> {
    String::from_utf8(stdin_bytes(lang)?)
        .map_err(|e| i18n::gate(lang, &GateText::Stdin(e.to_string())))
}

/// The bytes to import: the file, or standard input for `-`; checked
/// against `--format` when given (the content decides otherwise).
fn read_input(lang: Lang, path: &Path, format: Option<&str>) -> Result<Vec<u8>, String> {
    let bytes = if path == Path::new("-") {
        stdin_bytes(lang)?
    } else {
        read(lang, path)?
    };
    if let Some(f) = format {
        let sheet = sheets::table::is_spreadsheet(&bytes);
        if (format_arg(lang, f)? == FileFormat::Xlsx) != sheet {
            return Err(i18n::gate(lang, &GateText::FormatMismatch(f.to_string())));
        }
    }
    Ok(bytes)
}

fn read(lang: Lang, path: &Path) -> Result<Vec<u8>, String> {
    // A file too large to import is refused before it is read.
    let max_bytes = rules::limits::FILE_BYTES_MAX;
    if std::fs::metadata(path).is_ok_and(|m| m.len() > max_bytes) {
        return Err(i18n::import_error(
            lang,
            &ImportError::FileTooLarge {
                file: path.display().to_string(),
                max_bytes,
            },
        ));
    }
    // Through the same limit as it is read: a file that grows, or a pipe
    // named as a file, is never read whole first.
    let shown = path.display().to_string();
    let read_error = |e: std::io::Error| {
        i18n::import_error(
            lang,
            &ImportError::Read {
                file: shown.clone(),
                why: e.to_string(),
            },
        )
    };
    let file = std::fs::File::open(path).map_err(read_error)?;
    bounded(lang, &shown, file).map_err(|e| e.unwrap_or_else(read_error))
}

/// A progress line on stderr for large files, only when a person watches.
fn progress(lang: Lang) -> impl FnMut(usize, usize) {
    let tty = std::io::stderr().is_terminal();
    move |done, total| {
        if tty && total >= 1000 {
            eprint!("\r{} {done}/{total}", i18n::io_text(lang, IoText::Progress));
            if done == total {
                eprintln!();
            }
        }
    }
}

pub fn import(app: &mut App, cmd: ImportCmd, lang: Lang, now: NaiveDateTime) -> Outcome {
    let e = |x: AppError| i18n::error(lang, &x);
    let mut p = progress(lang);
    // The account may import before anything is read.
    app.actor()
        .require("import", &[rules::Role::Office])
        .map_err(e)?;
    let summary = match cmd {
        ImportCmd::Teachers {
            file,
            encoding: enc,
            format,
            departed_on,
            reason,
        } => {
            app.reason = reason;
            let enc = encoding(lang, enc.as_deref())?;
            let departed_on = departed_on
                .map(|d| super::date(lang, FieldName::Date, &d))
                .transpose()?;
            let bytes = read_input(lang, &file, format.as_deref())?;
            app.import_roster(
                &file.display().to_string(),
                &bytes,
                enc,
                departed_on,
                now,
                &mut p,
            )
            .map_err(e)?
        }
        ImportCmd::Plan {
            file,
            term,
            encoding: enc,
            format,
            reason,
        } => {
            app.reason = reason;
            let enc = encoding(lang, enc.as_deref())?;
            let term = term_id(lang, &term)?;
            let bytes = read_input(lang, &file, format.as_deref())?;
            app.import_plan(&file.display().to_string(), &bytes, enc, term, now, &mut p)
                .map_err(e)?
        }
    };
    Ok(i18n::import_summary(lang, &summary))
}

pub fn export(app: &mut App, cmd: ExportCmd, lang: Lang, now: NaiveDateTime) -> Outcome {
    let e = |x: AppError| i18n::error(lang, &x);
    let io = |x: ImportError| i18n::import_error(lang, &x);
    let out = match &cmd {
        ExportCmd::Standings { out, .. }
        | ExportCmd::Record { out, .. }
        | ExportCmd::Teachers { out }
        | ExportCmd::Signin { out, .. }
        | ExportCmd::Session { out, .. } => out,
    };
    let to_stdout = out.out == Path::new("-");
    let format = match (&out.format, to_stdout) {
        (Some(f), _) => format_arg(lang, f)?,
        (None, true) => return Err(i18n::gate(lang, &GateText::WantFormat)),
        (None, false) => FileFormat::of(&out.out).ok_or_else(|| {
            invalid(
                lang,
                FieldName::File,
                &out.out.display().to_string(),
                Why::NotAFileFormat,
            )
        })?,
    };
    let enc = encoding(lang, out.encoding.as_deref())?;
    let file = out.out.display().to_string();
    let school = app.school().map_err(e)?;
    let mut p = progress(lang);
    let (bytes, rows) = match &cmd {
        ExportCmd::Standings { term, year, .. } => {
            let args = PeriodArgs {
                term: term.clone(),
                year: *year,
                json: false,
            };
            let per = period(app, lang, &args, now.date())?;
            let rows = app.standings(per, now.date()).map_err(e)?;
            let published = match per {
                rules::Period::Term(t) => app.last_published(t).map_err(e)?,
                rules::Period::Year(_) => None,
            };
            let sheet = StandingsSheet {
                school: school.as_deref(),
                period: per,
                rows: &rows,
                published,
                exported: now,
                lang,
            };
            let bytes = match format {
                FileFormat::Xlsx => export::standings_xlsx(&sheet, &file, &mut p).map_err(io)?,
                FileFormat::Csv => export::standings_csv(&sheet, enc),
            };
            (bytes, rows.len())
        }
        ExportCmd::Record { teacher, .. } => {
            let id = super::record_arg(app, lang, teacher)?;
            let (t, lines, leaves) = app.record(&id).map_err(e)?;
            let sheet = RecordSheet {
                school: school.as_deref(),
                teacher: &t,
                lines: &lines,
                leaves: &leaves,
                exported: now,
                lang,
            };
            let bytes = match format {
                FileFormat::Xlsx => export::record_xlsx(&sheet, &file).map_err(io)?,
                FileFormat::Csv => export::record_csv(&sheet, enc),
            };
            (bytes, lines.len())
        }
        ExportCmd::Teachers { .. } => {
            let teachers = app.teachers().map_err(e)?;
            let bytes = match format {
                FileFormat::Xlsx => export::roster_xlsx(
                    &RosterSheet {
                        school: school.as_deref(),
                        teachers: &teachers,
                        exported: now,
                        lang,
                    },
                    &file,
                )
                .map_err(io)?,
                FileFormat::Csv => export::roster_csv(&teachers, lang, enc),
            };
            (bytes, teachers.len())
        }
        ExportCmd::Signin { session, .. } | ExportCmd::Session { session, .. } => {
            let which = match &cmd {
                ExportCmd::Session { .. } => i18n::SessionSheet::Record,
                _ => i18n::SessionSheet::SignIn,
            };
            session_sheet(app, *session, which, format, &file, lang, now)?
        }
    };
    if to_stdout {
        use std::io::Write;
        let mut stdout = std::io::stdout().lock();
        // A closed pipe is not an error.
        let _ = stdout.write_all(&bytes).and_then(|()| stdout.flush());
        return Ok(String::new());
    }
    export::write_file(&out.out, &bytes, out.force).map_err(io)?;
    Ok(format!(
        "{} {} ({})",
        i18n::io_text(lang, IoText::Written),
        i18n::shown(&file),
        i18n::rows(lang, rows)
    ))
}

/// A session's sign-in sheet or record: the roll as `roll status` reads
/// it; a record only once the roll is closed; .xlsx only (a sheet to
/// print, not rows for another program).
fn session_sheet(
    app: &App,
    session: u32,
    which: i18n::SessionSheet,
    format: FileFormat,
    file: &str,
    lang: Lang,
    now: NaiveDateTime,
) -> Result<(Vec<u8>, usize), String> {
    let e = |x: AppError| i18n::error(lang, &x);
    let view = app.roll_view(rules::SessionId(session)).map_err(e)?;
    if which == i18n::SessionSheet::Record && view.record.state != rules::RollState::Closed {
        return Err(i18n::record_not_closed(lang, session));
    }
    if format != FileFormat::Xlsx {
        return Err(i18n::sheet_xlsx_only(lang));
    }
    let school = app.school().map_err(e)?;
    let p = sheets::session_sheet::SessionPaper {
        school: school.as_deref(),
        view: &view,
        exported: now,
        lang,
    };
    let bytes = match which {
        i18n::SessionSheet::SignIn => sheets::signin::signin_xlsx(&p, file),
        i18n::SessionSheet::Record => sheets::session_sheet::session_xlsx(&p, file),
    }
    .map_err(|x| i18n::import_error(lang, &x))?;
    Ok((bytes, view.lines.len()))
}

pub fn publish(app: &mut App, a: PublishArgs, lang: Lang, now: NaiveDateTime) -> Outcome {
    let e = |x: AppError| i18n::error(lang, &x);
    let term = a.term.as_deref().map(|t| term_id(lang, t)).transpose()?;
    if a.list {
        return publications(app, term, lang);
    }
    let Some(term) = term else {
        // clap requires --term without --list.
        return Err(i18n::text(lang, i18n::Label::NoCommand).into());
    };
    // The term must exist before anything is recorded for it.
    let ends = app.term(term).map_err(e)?.end;
    let unclosed = app.unclosed_rolls(term, now).map_err(e)?;
    let p = app.publish(term, now).map_err(e)?;
    Ok(i18n::published_with(lang, &p, &unclosed, ends))
}

/// `publish --list`: the publications of `term`, or of every term with
/// the term in a first column.
fn publications(app: &App, term: Option<rules::TermId>, lang: Lang) -> Outcome {
    let e = |x: AppError| i18n::error(lang, &x);
    let terms = match term {
        Some(t) => vec![t],
        None => app.terms().map_err(e)?.into_iter().map(|t| t.id).collect(),
    };
    let mut rows: Vec<Vec<String>> = Vec::new();
    for t in terms {
        for p in app.publications(t).map_err(e)? {
            let row = [
                p.number.to_string(),
                p.at.format("%Y-%m-%d %H:%M").to_string(),
                p.who,
                p.rows.len().to_string(),
                p.rows.iter().filter(|r| !r.qualified).count().to_string(),
            ];
            let first = term.is_none().then(|| t.to_string());
            rows.push(first.into_iter().chain(row).collect());
        }
    }
    let headers = i18n::publication_headers(lang);
    let headers: Vec<&str> = match term {
        Some(_) => headers.to_vec(),
        None => std::iter::once(i18n::term_headers(lang)[0])
            .chain(headers)
            .collect(),
    };
    Ok(super::output::table(&headers, &rows))
}

pub fn school(app: &mut App, name: Option<String>, lang: Lang, now: NaiveDateTime) -> Outcome {
    let e = |x: AppError| i18n::error(lang, &x);
    match name {
        Some(n) => {
            app.set_school(&n, now).map_err(e)?;
            Ok(i18n::text(lang, i18n::Label::Saved).to_string())
        }
        None => Ok(app
            .school()
            .map_err(e)?
            .map(|s| i18n::shown(&s).into_owned())
            .unwrap_or_else(|| i18n::io_text(lang, IoText::NoSchool).to_string())),
    }
}
