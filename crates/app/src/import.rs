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
//! the file has clears it, but for 入职日期: every teacher starts on a day
//! (issue 25), so a blank one keeps the stored day, and a new teacher
//! without one starts at the moment of the import. A roster names the
//! teachers still at the school that it leaves out (`ImportSummary::missing`)
//! and, with `--departed-on`, records their last day.

use super::{App, AppError, Result, json};
use chrono::{NaiveDate, NaiveDateTime};
use rules::{Role, Session, Teacher, TeacherId, TermId};
use sheets::{self as io, Encoding, ImportError, Problem, ShownProblem};
use std::collections::HashMap;
use store::SessionRecord;

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportSummary {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// The total or footer row that ended the file's data, if any.
    pub ended: Option<io::ends::Ended>,
    /// A roster's: the teachers still at the school the file does not
    /// contain (id, name), never kept required in silence (issue 25).
    pub missing: Vec<(TeacherId, String)>,
    /// The day their departure was recorded (`--departed-on`), if it was.
    pub departed_on: Option<NaiveDate>,
    /// Rows hidden in the sheet (by hand or by a filter), not imported:
    /// each row's number and its id (a plan's date and title).
    pub hidden: Vec<(usize, String)>,
}

impl ImportSummary {
    pub fn changed(&self) -> bool {
        self.added + self.updated > 0
    }
}

pub use sheets::rows::Progress;

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
    ///
    /// The file is compared with a read-only snapshot first: a file with
    /// nothing new, or one that is refused, leaves the database file as it
    /// was, byte for byte (a writable open alone rewrites part of it).
    pub fn import_teachers(
        &mut self,
        name: &str,
        bytes: &[u8],
        encoding: Encoding,
        now: NaiveDateTime,
        progress: Progress,
    ) -> Result<ImportSummary> {
        self.import_roster(name, bytes, encoding, None, now, progress)
    }

    /// `import_teachers`, recording `departed_on` as the last day of the
    /// teachers still at the school whom the file does not contain.
    pub fn import_roster(
        &mut self,
        name: &str,
        bytes: &[u8],
        encoding: Encoding,
        departed_on: Option<NaiveDate>,
        now: NaiveDateTime,
        progress: Progress,
    ) -> Result<ImportSummary> {
        self.actor.require("import teachers", &[Role::Office])?;
        let table = io::table::read(name, bytes, encoding)?;
        let parsed = io::roster::parse(&table)?;
        let total = parsed.rows.len();
        let dry = {
            let r = self.store.read()?;
            let ids = r.find_teachers(|_, _| true)?;
            roster_changes(&parsed, &ids, now, departed_on, |id| Ok(r.teacher(id)?))?
        };
        if dry.changes.is_empty() {
            progress(total, total);
            return Ok(dry.summary);
        }
        let mut w = self.begin(now)?;
        // Read again in the write transaction: another process may have
        // changed the roster since.
        let ids = w.find_teachers(|_, _| true)?;
        let plan = roster_changes(&parsed, &ids, now, departed_on, |id| Ok(w.teacher(id)?))?;
        // A closed year whose sessions a changed teacher now has to attend,
        // or not: the office's, with a reason (`assess close`).
        let mut years = Vec::new();
        for (t, old) in &plan.changes {
            if let Some(old) = old {
                years.extend(super::year_end::years_moved(&w, old, t)?);
                years.extend(super::year_end::years_relabelled(&w, old, t)?);
            }
        }
        years.sort();
        years.dedup();
        let mut why = self.closed_years_reason(&w, &years, self.reason.as_deref())?;
        for (t, old) in &plan.changes {
            if let Some(old) = old
                && let Some(r) = self.posted_relabel_reason(&w, old, t, self.reason.as_deref())?
            {
                why = Some(r);
            }
        }
        let reason = super::joined(&[&format!("import {name}"), why.as_deref().unwrap_or("")]);
        let n = plan.changes.len();
        for (i, (t, old)) in plan.changes.iter().enumerate() {
            w.put_teacher(t)?;
            let action = match old {
                Some(_) => "teacher.update",
                None => "teacher.add",
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
            if (i + 1) % STEP == 0 || i + 1 == n {
                progress(i + 1, n);
            }
        }
        if plan.summary.changed() {
            w.commit()?;
        }
        Ok(plan.summary)
    }

    /// Imports the plan of `term` from the bytes of file `name`. A row is
    /// the same session as a stored one of that term with the same date,
    /// start and title; its other fields are updated where they differ.
    /// Every date must fall in the term. Like `import_teachers`, compared
    /// with a read-only snapshot first.
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
        let total = parsed.rows.len();
        let dry = {
            let r = self.store.read()?;
            let term = r
                .term(term)?
                .ok_or_else(|| AppError::UnknownTerm(term.to_string()))?;
            let known = super::roster::known_groups(&r.teachers()?);
            plan_changes(&parsed, &term, r.sessions()?, &known)?
        };
        if dry.changes.is_empty() {
            progress(total, total);
            return Ok(dry.summary);
        }
        let mut w = self.begin(now)?;
        let term = w
            .term(term)?
            .ok_or_else(|| AppError::UnknownTerm(term.to_string()))?;
        let known = super::roster::known_groups(&w.teachers()?);
        let plan = plan_changes(&parsed, &term, w.sessions()?, &known)?;
        // Every row it writes is in the term: in a closed year the office's
        // with a reason, on a posted day with a reason.
        let starts: Vec<_> = plan
            .changes
            .iter()
            .map(|(_, s)| s.date.and_time(s.start))
            .collect();
        let why = self.past_reason(&w, &starts, self.reason.as_deref())?;
        let reason = super::joined(&[&format!("import {name}"), why.as_deref().unwrap_or("")]);
        let n = plan.changes.len();
        for (i, change) in plan.changes.into_iter().enumerate() {
            match change {
                (Some(mut rec), new) => {
                    let before = json(&rec.session);
                    rec.session = new;
                    w.put_session(&rec)?;
                    w.log(
                        "session.update",
                        format!("session {}", rec.session.id),
                        before,
                        json(&rec.session),
                        reason.clone(),
                        Some(rec.session.id),
                        None,
                    )?;
                }
                (None, new) => {
                    super::roster::insert_session(&mut w, new, reason.clone())?;
                }
            }
            if (i + 1) % STEP == 0 || i + 1 == n {
                progress(i + 1, n);
            }
        }
        if plan.summary.changed() {
            w.commit()?;
        }
        Ok(plan.summary)
    }
}

/// What importing a plan would do: each session to write (with the stored
/// record it updates, or none for a new one), and the counts.
struct PlanChanges {
    changes: Vec<(Option<SessionRecord>, Session)>,
    summary: ImportSummary,
}

/// Compares the file's sessions with the stored ones of `term` (from
/// `all`). Refuses a date outside the term, a new or changed audience
/// naming a group not `known`, and a row that would put `?` where a stored
/// session's text has a character the file's encoding could not hold.
fn plan_changes(
    parsed: &io::Parsed<Session>,
    term: &rules::Term,
    all: Vec<SessionRecord>,
    known: &[String],
) -> Result<PlanChanges> {
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
    let stored: Vec<SessionRecord> = all
        .into_iter()
        .filter(|s| term.contains(s.session.date))
        .collect();
    let has = |k: &str| parsed.header.column(k).is_some();
    let mut summary = ImportSummary {
        ended: parsed.ended,
        hidden: parsed.hidden.clone(),
        ..ImportSummary::default()
    };
    let mut changes = Vec::new();
    let mut problems = Vec::new();
    for r in &parsed.rows {
        let new: &Session = &r.value;
        let lossy = |key: &str, stored: &str| {
            parsed.header.problem(
                &r.row,
                key,
                Problem::AsShown(ShownProblem::Lossy {
                    stored: stored.to_string(),
                }),
            )
        };
        let same = stored.iter().find(|s| {
            s.session.date == new.date
                && s.session.start == new.start
                && s.session.title == new.title
        });
        // A new or changed audience names groups teachers are in.
        if has("groups")
            && same.map(|s| &s.session.audience) != Some(&new.audience)
            && let Some((group, near)) = super::roster::unknown_group(&new.audience, known)
        {
            let known = known.to_vec();
            let p = Problem::UnknownGroup { group, near, known };
            problems.push(parsed.header.problem(&r.row, "groups", p));
        }
        let Some(rec) = same else {
            // A title the file's encoding damaged would add a second session.
            if let Some(s) = stored.iter().find(|s| {
                s.session.date == new.date
                    && s.session.start == new.start
                    && io::lossy(&s.session.title, &new.title)
            }) {
                problems.push(lossy("title", &s.session.title));
            }
            summary.added += 1;
            changes.push((None, new.clone()));
            continue;
        };
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
        for (key, before, after) in [
            ("presenter", &old.presenter, &updated.presenter),
            ("host", &old.host, &updated.host),
            ("recorder", &old.recorder, &updated.recorder),
        ] {
            if let (Some(before), Some(after)) = (before, after)
                && io::lossy(before, after)
            {
                problems.push(lossy(key, before));
            }
        }
        if updated == rec.session {
            summary.unchanged += 1;
        } else {
            summary.updated += 1;
            changes.push((Some(rec.clone()), updated));
        }
    }
    io::check(&parsed.file, problems)?;
    Ok(PlanChanges { changes, summary })
}

/// What importing a roster would do to what is stored: each teacher to
/// write (with the stored one it replaces), and the counts.
struct RosterChanges {
    changes: Vec<(Teacher, Option<Teacher>)>,
    summary: ImportSummary,
}

/// Compares the file's teachers with the stored ones (`ids`, read by
/// `stored`). Refuses ids that differ from a stored one only by leading
/// zeros, and a change that would put `?` where a stored text has a
/// character the file's encoding could not hold.
///
/// A new teacher without a 入职日期 (no column, or a blank cell) starts at
/// the moment of the import (`now`); a changed 教研组 or 年级组 applies from
/// the day of the import on, the groups before staying theirs for the days
/// before (issue 25).
fn roster_changes(
    parsed: &io::Parsed<Teacher>,
    ids: &[TeacherId],
    now: NaiveDateTime,
    departed_on: Option<NaiveDate>,
    stored: impl Fn(&TeacherId) -> Result<Option<Teacher>>,
) -> Result<RosterChanges> {
    let has = |k: &str| parsed.header.column(k).is_some();
    let (grade, from, to) = (has("grade"), has("from"), has("to"));
    let zeros: HashMap<&str, &TeacherId> = ids
        .iter()
        .map(|id| (io::without_zeros(&id.0), id))
        .collect();
    let mut summary = ImportSummary {
        ended: parsed.ended,
        hidden: parsed.hidden.clone(),
        ..ImportSummary::default()
    };
    let mut changes = Vec::new();
    let mut problems = Vec::new();
    for r in &parsed.rows {
        let mut t: Teacher = r.value.clone();
        let old = stored(&t.id)?;
        let problem =
            |key: &str, p: ShownProblem| parsed.header.problem(&r.row, key, Problem::AsShown(p));
        match &old {
            Some(o) => {
                // A column the file does not have keeps what is stored.
                if !grade {
                    t.grade = o.grade.clone();
                }
                // Every teacher starts on a day (issue 25): a blank 入职日期
                // keeps the stored one.
                if !from || t.active_from.is_none() {
                    t.active_from = o.active_from;
                }
                if !to {
                    t.active_to = o.active_to;
                }
                // The start's moment stays where the start does; a new
                // group applies from today, the old ones stay in the past.
                t.from_time = o.from_time.filter(|_| t.active_from == o.active_from);
                let mut moved = o.clone();
                moved.move_group(&t.group, t.grade.clone(), now.date());
                t.past_groups = moved.past_groups;
                let fields = [
                    ("name", Some(&o.name), Some(&t.name)),
                    ("group", Some(&o.group), Some(&t.group)),
                    ("grade", o.grade.as_ref(), t.grade.as_ref()),
                ];
                for (key, before, after) in fields {
                    if let (Some(before), Some(after)) = (before, after)
                        && io::lossy(before, after)
                    {
                        let stored = before.clone();
                        problems.push(problem(key, ShownProblem::Lossy { stored }));
                    }
                }
            }
            None => {
                // Every new teacher starts on a day: the file's, or now.
                if t.active_from.is_none() {
                    t.active_from = Some(now.date());
                    t.from_time = Some(now.time());
                }
                if let Some(other) = zeros.get(io::without_zeros(&t.id.0)) {
                    let name = stored(other)?.map(|o| o.name).unwrap_or_default();
                    let other = other.0.clone();
                    problems.push(problem("id", ShownProblem::ZerosLikeStored { other, name }));
                }
            }
        }
        // A new name, group or grade with a question mark where a character
        // was: the file's encoding could not hold it (a GBK CSV writes 吉?
        // for 吉𠮷). Refused like a stored text it would damage (issue 25).
        let was = |key: &str| match (&old, key) {
            (Some(o), "name") => Some(o.name.clone()),
            (Some(o), "group") => Some(o.group.clone()),
            (Some(o), _) => o.grade.clone(),
            (None, _) => None,
        };
        for (key, after) in [
            ("name", Some(&t.name)),
            ("group", Some(&t.group)),
            ("grade", t.grade.as_ref()),
        ] {
            let before = was(key);
            if let Some(after) = after
                && io::unheld(after)
                && before.as_ref() != Some(after)
                && !before.as_ref().is_some_and(|b| io::lossy(b, after))
            {
                problems.push(problem(key, ShownProblem::Unheld));
            }
        }
        match old {
            Some(old) if old == t => summary.unchanged += 1,
            Some(old) => {
                summary.updated += 1;
                changes.push((t, Some(old)));
            }
            None => {
                summary.added += 1;
                changes.push((t, None));
            }
        }
    }
    io::check(&parsed.file, problems)?;
    // The teachers still at the school that the file leaves out: named,
    // and given a last day where the office says they left.
    let in_file: std::collections::HashSet<&TeacherId> =
        parsed.rows.iter().map(|r| &r.value.id).collect();
    for id in ids.iter().filter(|id| !in_file.contains(id)) {
        let Some(t) = stored(id)? else { continue };
        if t.active_to.is_some_and(|d| d < now.date()) {
            continue;
        }
        summary.missing.push((t.id.clone(), t.name.clone()));
        if let Some(on) = departed_on {
            if let Some(joined) = t.active_from.filter(|j| on < *j) {
                return Err(super::calendar::CalendarError::LeavesBeforeJoining {
                    teacher: t.id.clone(),
                    joined,
                    on,
                }
                .into());
            }
            let left = Teacher {
                active_to: Some(on),
                ..t.clone()
            };
            summary.updated += 1;
            changes.push((left, Some(t)));
        }
    }
    summary.departed_on = departed_on.filter(|_| !summary.missing.is_empty());
    Ok(RosterChanges { changes, summary })
}
