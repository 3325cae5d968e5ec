//! Importing the roster and the term plan from a file (training office).
//!
//! The file is read and every row checked first (`crate::io`); then, in one
//! write transaction, each row is compared with what is stored: new ones are
//! added, changed ones updated, identical ones left alone. One history entry
//! per teacher or session added or changed (so `peixun history --teacher`
//! shows it), each giving the file as its reason. A file with nothing new
//! commits nothing: no history, no generation bump. Rows missing from the
//! file are never deleted: a teacher who leaves gets a last day instead.
//! A column the file lacks altogether (say 年级组, or 主持人) leaves that
//! field of a stored teacher or session as it is; an empty cell in a column
//! the file has clears it.

use super::{App, AppError, Result, json};
use crate::core::{Role, Session, Teacher, TermId};
use crate::io::{self, Encoding, ImportError, Problem};
use crate::store::SessionRecord;
use chrono::NaiveDateTime;

/// What an import did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportSummary {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
}

impl ImportSummary {
    pub fn changed(&self) -> bool {
        self.added + self.updated > 0
    }
}

/// Called with (rows done, rows in all) while an import or export runs.
pub type Progress<'a> = &'a mut dyn FnMut(usize, usize);

/// How often progress is reported, in rows.
const STEP: usize = 200;

impl From<ImportError> for AppError {
    fn from(e: ImportError) -> Self {
        AppError::Import(e)
    }
}

impl App {
    /// Imports teachers from the bytes of file `name` (.xlsx/.xls/.ods or
    /// CSV in UTF-8 or GBK), matched by id.
    pub fn import_teachers(
        &mut self,
        name: &str,
        bytes: &[u8],
        encoding: Encoding,
        now: NaiveDateTime,
        progress: Progress,
    ) -> Result<ImportSummary> {
        self.actor.require("import teachers", &[Role::Office])?;
        let table = io::table::read(name, bytes, encoding)?;
        let parsed = io::roster::parse(&table)?;
        let total = parsed.rows.len();
        let mut sum = ImportSummary::default();
        let mut w = self.begin(now)?;
        let reason = Some(format!("import {name}"));
        let has = |k: &str| parsed.header.column(k).is_some();
        let (grade, from, to) = (has("grade"), has("from"), has("to"));
        for (i, r) in parsed.rows.iter().enumerate() {
            let mut t: Teacher = r.value.clone();
            let old = w.teacher(&t.id)?;
            // A column the file does not have keeps what is stored.
            if let Some(o) = &old {
                if !grade {
                    t.grade = o.grade.clone();
                }
                if !from {
                    t.active_from = o.active_from;
                }
                if !to {
                    t.active_to = o.active_to;
                }
            }
            let t = &t;
            match old {
                Some(old) if old == *t => sum.unchanged += 1,
                old => {
                    w.put_teacher(t)?;
                    let action = if old.is_some() {
                        sum.updated += 1;
                        "teacher.update"
                    } else {
                        sum.added += 1;
                        "teacher.add"
                    };
                    w.log(
                        action,
                        format!("teacher {}", t.id),
                        old.as_ref().and_then(json),
                        json(t),
                        reason.clone(),
                        None,
                        Some(t.id.clone()),
                    )?;
                }
            }
            if (i + 1) % STEP == 0 || i + 1 == total {
                progress(i + 1, total);
            }
        }
        if sum.changed() {
            w.commit()?;
        }
        Ok(sum)
    }

    /// Imports the plan of `term` from the bytes of file `name`. A row is
    /// the same session as a stored one of that term with the same date,
    /// start and title; its other fields are updated where they differ.
    /// Every date must fall in the term.
    pub fn import_plan(
        &mut self,
        name: &str,
        bytes: &[u8],
        encoding: Encoding,
        term: TermId,
        now: NaiveDateTime,
        progress: Progress,
    ) -> Result<ImportSummary> {
        self.actor.require("import plan", &[Role::Office])?;
        let table = io::table::read(name, bytes, encoding)?;
        let parsed = io::plan::parse(&table)?;
        let mut w = self.begin(now)?;
        let term = w
            .term(term)?
            .ok_or_else(|| AppError::UnknownTerm(term.to_string()))?;
        let outside: Vec<_> = parsed
            .rows
            .iter()
            .filter(|r| !term.contains(r.value.date))
            .map(|r| {
                parsed.header.problem(
                    &r.row,
                    "date",
                    Problem::OutsideTerm {
                        term: format!("{} ({}..{})", term.id, term.start, term.end),
                    },
                )
            })
            .collect();
        io::check(&parsed.file, outside)?;
        let mut stored: Vec<SessionRecord> = w
            .sessions()?
            .into_iter()
            .filter(|s| term.contains(s.session.date))
            .collect();
        let total = parsed.rows.len();
        let mut sum = ImportSummary::default();
        let reason = Some(format!("import {name}"));
        let has = |k: &str| parsed.header.column(k).is_some();
        for (i, r) in parsed.rows.iter().enumerate() {
            let new: &Session = &r.value;
            let same = stored.iter_mut().find(|s| {
                s.session.date == new.date
                    && s.session.start == new.start
                    && s.session.title == new.title
            });
            match same {
                Some(rec) => {
                    let mut updated = new.clone();
                    updated.id = rec.session.id;
                    // A column the file does not have keeps what is stored.
                    let old = &rec.session;
                    if !has("kind") {
                        updated.kind = old.kind;
                    }
                    if !has("credits") {
                        updated.credits = old.credits;
                    }
                    if !has("presenter") {
                        updated.presenter = old.presenter.clone();
                    }
                    if !has("host") {
                        updated.host = old.host.clone();
                    }
                    if !has("recorder") {
                        updated.recorder = old.recorder.clone();
                    }
                    if !has("groups") {
                        updated.audience = old.audience.clone();
                    }
                    if updated == rec.session {
                        sum.unchanged += 1;
                    } else {
                        let before = json(&rec.session);
                        rec.session = updated;
                        w.put_session(rec)?;
                        w.log(
                            "session.update",
                            format!("session {}", rec.session.id),
                            before,
                            json(&rec.session),
                            reason.clone(),
                            Some(rec.session.id),
                            None,
                        )?;
                        sum.updated += 1;
                    }
                }
                None => {
                    let rec = super::roster::insert_session(&mut w, new.clone(), reason.clone())?;
                    stored.push(rec);
                    sum.added += 1;
                }
            }
            if (i + 1) % STEP == 0 || i + 1 == total {
                progress(i + 1, total);
            }
        }
        if sum.changed() {
            w.commit()?;
        }
        Ok(sum)
    }
}
