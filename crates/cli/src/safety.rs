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
            "{}: {}\n{}",
            path.display(),
            i18n::reliability(lang, ReliabilityText::Sound),
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
    out.push('\n');
    out.push_str(i18n::reliability(lang, ReliabilityText::WhatNow));
    Err(out)
}

/// `peixun backup PATH`: a consistent copy of the open database.
pub fn backup(app: &App, to: &Path, lang: Lang) -> Outcome {
    let report = app.backup(to).map_err(|e| i18n::error(lang, &e))?;
    Ok(format!(
        "{} {}\n{}",
        i18n::reliability(lang, ReliabilityText::BackedUp),
        to.display(),
        counts(&report, lang)
    ))
}

fn counts(report: &Report, lang: Lang) -> String {
    report
        .counts
        .iter()
        .map(|(t, n)| format!("{} {n}", i18n::table_name(lang, *t)))
        .collect::<Vec<_>>()
        .join(", ")
}
