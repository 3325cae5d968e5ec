//! `peixun check` and `peixun backup`: verifying a file and copying one.
//! The work is the store's and the app's; this only turns results into lines.

use crate::i18n::{self, Lang, ReliabilityText};
use app::file::check::{self, Report};
use app::{App, AppError};
use std::path::Path;

use super::Outcome;

/// `peixun check`: every page and record of the file at `path`, which is
/// never written to. Problems make the command fail, one per line.
///
/// The account comes first: someone the file does not know is refused
/// before any of it is verified. Only a file too damaged to open, which
/// cannot say who may read it, is checked without.
pub fn check(
    path: &Path,
    os_name: &str,
    as_name: Option<&str>,
    is_root: bool,
    lang: Lang,
) -> Outcome {
    app::file::may_check(path, os_name, as_name, is_root).map_err(|e| i18n::error(lang, &e))?;
    let report = check::check(path).map_err(|e| i18n::error(lang, &AppError::Store(e)))?;
    if report.is_clean() {
        return Ok(format!(
            "{}: {}\n{}\n{}",
            path.display(),
            i18n::reliability(lang, ReliabilityText::Sound),
            i18n::schema_line(lang, report.schema, app::file::SCHEMA_VERSION),
            counts(&report, lang)
        ));
    }
    let mut out = format!(
        "{}: {} {}",
        path.display(),
        i18n::reliability(lang, ReliabilityText::Problems),
        report.problems.len()
    );
    for p in &report.problems {
        out.push_str("\n  ");
        out.push_str(&i18n::check_problem(lang, p));
    }
    if let Some(r) = &report.recovered {
        out.push_str("\n  ");
        out.push_str(&i18n::recovery_line(lang, r));
    }
    out.push('\n');
    out.push_str(i18n::reliability(lang, ReliabilityText::WhatNow));
    Err(out)
}

/// `peixun backup PATH`: a consistent copy of the open database.
pub fn backup(app: &App, to: &Path, accept_recovered: bool, lang: Lang) -> Outcome {
    if to == Path::new("-") {
        return backup_to_stdout(app, accept_recovered, lang);
    }
    let report = app
        .backup(to, accept_recovered)
        .map_err(|e| i18n::error(lang, &e))?;
    let mut out = format!(
        "{} {}\n{}",
        i18n::reliability(lang, ReliabilityText::BackedUp),
        to.display(),
        counts(&report, lang)
    );
    if let Some(r) = &report.recovered {
        out.push('\n');
        out.push_str(&i18n::recovery_line(lang, r));
    }
    Ok(out)
}

/// `peixun backup -` (the office through the gate: `ssh peixun@school
/// backup - > copy.redb`): the same copy, made and checked in a private
/// temporary directory (mode 0700, removed afterwards), then written to
/// standard output; what a backup says goes to standard error.
fn backup_to_stdout(app: &App, accept_recovered: bool, lang: Lang) -> Outcome {
    use std::io::Write;
    let dir = tempfile::Builder::new()
        .prefix("peixun-backup")
        .tempdir()
        .map_err(|e| {
            i18n::error(
                lang,
                &app::AppError::Store(app::file::StoreError::Open {
                    path: std::env::temp_dir(),
                    message: e.to_string(),
                }),
            )
        })?;
    let copy = dir.path().join("copy.redb");
    let report = app
        .backup(&copy, accept_recovered)
        .map_err(|e| i18n::error(lang, &e))?;
    let write_error = |e: std::io::Error| {
        i18n::error(
            lang,
            &app::AppError::Store(app::file::StoreError::Open {
                path: "-".into(),
                message: e.to_string(),
            }),
        )
    };
    let mut from = std::fs::File::open(&copy).map_err(write_error)?;
    let mut out = std::io::stdout().lock();
    std::io::copy(&mut from, &mut out).map_err(write_error)?;
    out.flush().map_err(write_error)?;
    let mut said = format!(
        "{} {}\n{}",
        i18n::reliability(lang, ReliabilityText::BackedUp),
        i18n::reliability(lang, ReliabilityText::ToStdout),
        counts(&report, lang)
    );
    if let Some(r) = &report.recovered {
        said.push('\n');
        said.push_str(&i18n::recovery_line(lang, r));
    }
    eprintln!("{said}");
    Ok(String::new())
}

fn counts(report: &Report, lang: Lang) -> String {
    report
        .counts
        .iter()
        .map(|(t, n)| format!("{} {n}", i18n::table_name(lang, *t)))
        .collect::<Vec<_>>()
        .join(", ")
}
