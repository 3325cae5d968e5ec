//! The school's year as it goes (issue 14): teachers joining and leaving,
//! sessions edited, moved and cancelled, and the errors of the calendar.
//! Terms by their dates are checked in `roster.rs`; rolls in their time, the
//! group leader's roll, reopening and excused early leave in `roll.rs`;
//! leave by the hour and lapsed leave in `leave.rs`.

use super::{App, AppError, Result, json};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use rules::{
    Audience, Credits, Leave, LeaveId, LeaveStatus, Policy, Role, RollState, Session, SessionId,
    Teacher, TeacherId, TermId,
};
use store::{SessionRecord, Writer};

/// What the calendar refuses, as data; `crate::i18n::calendar_error` words it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    /// A term named otherwise than its dates make it.
    #[error("term `{given}` starts on {start}, which makes it `{fits}`")]
    TermName {
        given: TermId,
        fits: TermId,
        start: NaiveDate,
    },
    /// A term whose dates overlap another's.
    #[error("term {term} overlaps term {other} ({other_start}..{other_end})")]
    TermOverlap {
        term: TermId,
        other: TermId,
        other_start: NaiveDate,
        other_end: NaiveDate,
    },
    /// A new academic-year start that would file an entered term under
    /// another name (another academic year, or the other half of one):
    /// `fits` is what the term would become; `keeps` the first and last day
    /// around the current start that keep every entered term as named.
    #[error("year_start {year_start} makes term {term} (from {start}) `{fits}`")]
    YearStartMovesTerm {
        year_start: rules::calendar::MonthDay,
        term: TermId,
        start: NaiveDate,
        fits: TermId,
        keeps: Option<(rules::calendar::MonthDay, rules::calendar::MonthDay)>,
    },
    /// A date no term contains (a session must be in one).
    #[error("{date} is in no term; add the term first")]
    NoTerm { date: NaiveDate },
    /// A change that needs a reason was given none.
    #[error("a reason is required")]
    ReasonRequired,
    /// A session that was cancelled takes no further change.
    #[error("session {0} is cancelled")]
    Cancelled(SessionId),
    /// A roll started before its window opens.
    #[error(
        "session {session} is on {date} at {start}; its roll opens at {opens}; \
         earlier needs the training office and a reason"
    )]
    RollTooEarly {
        session: SessionId,
        date: NaiveDate,
        start: NaiveTime,
        opens: NaiveDateTime,
    },
    /// Only a closed roll can be reopened.
    #[error("the roll of session {0} is not closed")]
    NotClosed(SessionId),
    /// A time outside what the session allows (arrival or early leave
    /// before the session's end, at or after its start).
    #[error("{what:?} at {at} is outside session {session} ({start}–{end})")]
    TimeOutside {
        session: SessionId,
        what: TimeOf,
        at: NaiveTime,
        start: NaiveTime,
        end: NaiveTime,
    },
    /// New times for a held session that recorded arrivals or early
    /// leaves would fall outside of (issue 25): refused, naming each.
    #[error("session {session} at {start}–{end}: {facts:?} would be outside it")]
    TimesContradict {
        session: SessionId,
        facts: Vec<Recorded>,
        start: NaiveTime,
        end: NaiveTime,
    },
    /// A departure before the teacher joined.
    #[error("{teacher} joined on {joined}; cannot leave on {on}")]
    LeavesBeforeJoining {
        teacher: TeacherId,
        joined: NaiveDate,
        on: NaiveDate,
    },
    /// A leave request whose end is not after its start.
    #[error("the leave ends ({to}) before it starts ({from})")]
    SpanBackwards {
        from: NaiveDateTime,
        to: NaiveDateTime,
    },
    /// Leave that had to be decided before its session started and was not.
    #[error("leave {id} lapsed when session {session} started at {started}")]
    Expired {
        id: LeaveId,
        session: SessionId,
        started: NaiveDateTime,
    },
    /// A leave's `--from` or `--to` that is neither a date nor a date and
    /// a time of day.
    #[error("{field} `{value}` is neither a date nor a date and time")]
    BadWhen { field: &'static str, value: String },
    /// An edit that changes nothing.
    #[error("nothing to change")]
    NothingToChange,
    /// An early leave to excuse that is not recorded and no time given.
    #[error("{teacher} has no early leave at session {session}")]
    NoEarlyLeave {
        teacher: TeacherId,
        session: SessionId,
        /// The option that gives the time (`--at`, `--left`).
        flag: &'static str,
    },
    /// A group or grade change dated after today: the teacher is in their
    /// group until the change, and a change to come is not kept ahead.
    #[error("{teacher}: a group change from {from} is after today ({today})")]
    GroupFromAhead {
        teacher: TeacherId,
        from: NaiveDate,
        today: NaiveDate,
    },
}

/// A recorded arrival or early leave of a teacher, as a refusal names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recorded {
    pub teacher: TeacherId,
    pub what: TimeOf,
    pub at: NaiveTime,
}

/// Which time a refusal is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeOf {
    Arrival,
    EarlyLeave,
}

impl From<CalendarError> for AppError {
    fn from(e: CalendarError) -> AppError {
        AppError::Calendar(e)
    }
}

/// What `teacher edit` changes; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct TeacherEdit {
    pub name: Option<String>,
    pub group: Option<String>,
    pub grade: Option<String>,
    /// The first day at the school.
    pub from: Option<NaiveDate>,
    /// The day a new group or grade takes effect (`None`: today).
    pub group_from: Option<NaiveDate>,
    /// The last day at the school: `Some(None)` withdraws a departure
    /// recorded by mistake.
    pub to: Option<Option<NaiveDate>>,
}

/// What `session edit` changes; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct SessionEdit {
    pub title: Option<String>,
    pub start: Option<NaiveTime>,
    pub end: Option<NaiveTime>,
    pub credits: Option<Credits>,
    pub presenter: Option<String>,
    pub host: Option<String>,
    pub recorder: Option<String>,
    pub groups: Option<Audience>,
}

/// A change of the calendar, for the permission check the terminal app
/// makes before it opens its form (the command makes the same check).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    EditSession,
    MoveSession,
    CancelSession,
    ReopenRoll,
    EditTeacher,
    TeacherLeaves,
}

impl Change {
    /// The command it is, as a refusal names it.
    fn action(self) -> &'static str {
        match self {
            Change::EditSession => "session edit",
            Change::MoveSession => "session move",
            Change::CancelSession => "session cancel",
            Change::ReopenRoll => "roll reopen",
            Change::EditTeacher => "teacher edit",
            Change::TeacherLeaves => "teacher leave",
        }
    }
}

/// A reason that must be given: trimmed, not empty, within the bounds of
/// every reason (docs/io.md).
pub(super) fn reason_of(reason: &str) -> Result<String> {
    let r = reason.trim();
    if r.is_empty() {
        return Err(CalendarError::ReasonRequired.into());
    }
    super::bounded(rules::limits::Field::Reason, r)?;
    Ok(r.to_string())
}

/// A reason that may be left out: trimmed, an empty one as none, within
/// the bounds of every reason.
pub(super) fn optional_reason(reason: Option<&str>) -> Result<Option<String>> {
    match reason.map(str::trim).filter(|r| !r.is_empty()) {
        Some(r) => reason_of(r).map(Some),
        None => Ok(None),
    }
}

impl App {
    /// Whether the actor may make this change: the training office only.
    pub fn may_change(&self, c: Change) -> Result<()> {
        self.actor.require(c.action(), &[Role::Office])
    }

    /// Changes a teacher's name, group, grade, joining date or last day
    /// (training office). Standings follow at once.
    pub fn edit_teacher(
        &mut self,
        id: &TeacherId,
        edit: TeacherEdit,
        now: NaiveDateTime,
    ) -> Result<()> {
        self.may_change(Change::EditTeacher)?;
        let mut w = self.begin_for(id, now)?;
        let before = w
            .teacher(id)?
            .ok_or_else(|| AppError::UnknownTeacher(id.0.clone()))?;
        let mut after = before.clone();
        if let Some(n) = edit.name {
            after.name = rules::tidy_name(&n);
        }
        // A new group or grade applies from `from` (default today): the
        // sessions before keep the group the teacher was in (issue 25).
        let regroup = edit.group.is_some() || edit.grade.is_some();
        if regroup {
            let group = edit.group.unwrap_or_else(|| after.group.clone());
            let grade = match edit.grade {
                Some(g) => (!g.trim().is_empty()).then_some(g),
                None => after.grade.clone(),
            };
            let from = edit.group_from.unwrap_or(now.date());
            // Kept ahead, the new group would show today (found by a
            // review): it is entered on the day it applies.
            if from > now.date() {
                return Err(CalendarError::GroupFromAhead {
                    teacher: id.clone(),
                    from,
                    today: now.date(),
                }
                .into());
            }
            after.move_group(&group, grade, from);
        }
        if let Some(f) = edit.from {
            after.active_from = Some(f);
            after.from_time = None;
        }
        if let Some(t) = edit.to {
            after.active_to = t;
        }
        if after == before {
            return Err(CalendarError::NothingToChange.into());
        }
        super::roster::validate_teacher(&after)?;
        // A closed year whose sessions now require the teacher or not, or
        // whose standings would name another group (a move dated back into
        // it relabels the record of its day).
        let mut years = super::year_end::years_moved(&w, &before, &after)?;
        years.extend(super::year_end::years_relabelled(&w, &before, &after)?);
        years.sort();
        years.dedup();
        let given = optional_reason(self.reason.as_deref())?;
        let why = self.closed_years_reason(&w, &years, given.as_deref())?;
        let posted = self.posted_relabel_reason(&w, &before, &after, given.as_deref())?;
        let why = why.or(posted);
        w.put_teacher(&after)?;
        w.log(
            "teacher.edit",
            format!("teacher {id}"),
            json(&before),
            json(&after),
            why,
            None,
            Some(id.clone()),
        )?;
        w.commit()?;
        Ok(())
    }

    /// Records a teacher's departure (调离, 退休, ...): their last day at the
    /// school. They stay in the history and in past standings; sessions
    /// after `on` are not required of them.
    pub fn teacher_leaves(
        &mut self,
        id: &TeacherId,
        on: NaiveDate,
        reason: Option<&str>,
        now: NaiveDateTime,
    ) -> Result<()> {
        self.may_change(Change::TeacherLeaves)?;
        let reason = optional_reason(reason)?;
        let reason = reason.as_deref();
        let mut w = self.begin_for(id, now)?;
        let before = w
            .teacher(id)?
            .ok_or_else(|| AppError::UnknownTeacher(id.0.clone()))?;
        if let Some(joined) = before.active_from.filter(|j| on < *j) {
            return Err(CalendarError::LeavesBeforeJoining {
                teacher: id.clone(),
                joined,
                on,
            }
            .into());
        }
        let after = Teacher {
            active_to: Some(on),
            ..before.clone()
        };
        let years = super::year_end::years_moved(&w, &before, &after)?;
        self.closed_years_reason(&w, &years, reason)?;
        w.put_teacher(&after)?;
        w.log(
            "teacher.leave",
            format!("teacher {id}"),
            json(&before.active_to),
            json(&after.active_to),
            reason.map(String::from),
            None,
            Some(id.clone()),
        )?;
        w.commit()?;
        Ok(())
    }

    /// Changes a session's title, times, credits, people or audience
    /// (training office). A session with marks keeps them; the history
    /// keeps the old values.
    pub fn edit_session(
        &mut self,
        id: SessionId,
        edit: SessionEdit,
        reason: Option<&str>,
        now: NaiveDateTime,
    ) -> Result<()> {
        self.may_change(Change::EditSession)?;
        let reason = optional_reason(reason)?;
        let reason = reason.as_deref();
        let mut w = self.begin(now)?;
        let before = open_session(&w, id)?;
        let mut s = before.session.clone();
        if let Some(t) = edit.title {
            s.title = t;
        }
        if let Some(t) = edit.start {
            s.start = t;
        }
        if let Some(t) = edit.end {
            s.end = t;
        }
        if let Some(c) = edit.credits {
            s.credits = c;
        }
        if let Some(p) = edit.presenter {
            s.presenter = (!p.trim().is_empty()).then_some(p);
        }
        if let Some(p) = edit.host {
            s.host = (!p.trim().is_empty()).then_some(p);
        }
        if let Some(p) = edit.recorder {
            s.recorder = (!p.trim().is_empty()).then_some(p);
        }
        if let Some(a) = edit.groups {
            super::roster::check_audience(&w, &a)?;
            s.audience = a;
        }
        if s == before.session {
            return Err(CalendarError::NothingToChange.into());
        }
        super::roster::validate_session(&s)?;
        super::roster::bound_session(&s)?;
        // New times must keep every recorded arrival and early leave
        // inside the session (at or after the start, before the end).
        if (s.start, s.end) != (before.session.start, before.session.end) {
            let mut facts = Vec::new();
            for (teacher, f) in w.session_facts(id)? {
                for (what, at) in [
                    (TimeOf::Arrival, f.arrived),
                    (TimeOf::EarlyLeave, f.left_early),
                ] {
                    if let Some(at) = at.filter(|at| *at < s.start || *at >= s.end) {
                        facts.push(Recorded {
                            teacher: teacher.clone(),
                            what,
                            at,
                        });
                    }
                }
            }
            if !facts.is_empty() {
                return Err(CalendarError::TimesContradict {
                    session: id,
                    facts,
                    start: s.start,
                    end: s.end,
                }
                .into());
            }
        }
        // What moves figures (times, credits, audience) in a closed year
        // needs the office's reason, in a posted term a reason; a title or
        // a name does not.
        let moves = Session {
            title: s.title.clone(),
            presenter: s.presenter.clone(),
            host: s.host.clone(),
            recorder: s.recorder.clone(),
            ..before.session.clone()
        } != s;
        if moves {
            let starts = [
                before.session.date.and_time(before.session.start),
                s.date.and_time(s.start),
            ];
            self.past_reason(&w, &starts, reason)?;
        }
        store_session(&mut w, before, s, "session.edit", reason.map(String::from))?;
        w.commit()?;
        Ok(())
    }

    /// Moves a session to another day and time (training office, with a
    /// reason). A leave that named the session follows it; a leave by date
    /// or time covers whatever the session now overlaps.
    pub fn move_session(
        &mut self,
        id: SessionId,
        date: NaiveDate,
        start: NaiveTime,
        end: NaiveTime,
        reason: &str,
        now: NaiveDateTime,
    ) -> Result<()> {
        self.may_change(Change::MoveSession)?;
        let reason = reason_of(reason)?;
        let mut w = self.begin(now)?;
        let before = open_session(&w, id)?;
        let s = Session {
            date,
            start,
            end,
            ..before.session.clone()
        };
        if s == before.session {
            return Err(CalendarError::NothingToChange.into());
        }
        super::roster::validate_session(&s)?;
        if !w.terms()?.iter().any(|t| t.contains(date)) {
            return Err(CalendarError::NoTerm { date }.into());
        }
        store_session(&mut w, before, s, "session.move", Some(reason))?;
        w.commit()?;
        Ok(())
    }

    /// Cancels a session (training office, with a reason): it counts for
    /// nobody. Its marks stay in the store and the history.
    pub fn cancel_session(
        &mut self,
        id: SessionId,
        reason: &str,
        now: NaiveDateTime,
    ) -> Result<()> {
        self.may_change(Change::CancelSession)?;
        let reason = reason_of(reason)?;
        let mut w = self.begin(now)?;
        let mut rec = open_session(&w, id)?;
        // A request still pending when the session started lapsed then
        // (K7): cancelling the session afterwards does not revive it, as
        // closing its roll first would not have (issue 25). It lapses
        // here, before the cancelled session stops counting.
        let policy = w.policy()?;
        let pending: Vec<_> = w
            .leaves_covering(&rec.session)?
            .into_iter()
            .filter(|l| l.status == rules::LeaveStatus::Pending)
            .collect();
        if !pending.is_empty() {
            // The session it lapsed at may be an earlier one.
            let sessions = w.sessions()?;
            for l in pending {
                if let Some((session, started)) = lapsed(&policy, &l, &sessions, now) {
                    super::leave::expire(&mut w, l, session, started)?;
                }
            }
        }
        let from = rec.state;
        rec.state = RollState::Cancelled;
        w.put_session(&rec)?;
        w.log(
            "session.cancel",
            format!("session {id}"),
            json(&from),
            json(&rec.state),
            Some(reason),
            Some(id),
            None,
        )?;
        w.commit()?;
        Ok(())
    }
}

/// Checks a policy's academic-year start against the terms entered: each
/// must keep its name (its academic year and its half) under the new start.
/// Only a changed start is checked, so a school whose old terms predate the
/// rule can still change other keys.
pub fn check_year_start(before: &Policy, after: &Policy, terms: &[rules::Term]) -> Result<()> {
    use rules::calendar::{MonthDay, check_term};
    let start = after.calendar.year_start;
    if start == before.calendar.year_start {
        return Ok(());
    }
    let mut sorted: Vec<&rules::Term> = terms.iter().collect();
    sorted.sort_by_key(|t| t.start);
    let Some((term, fits)) = sorted
        .iter()
        .find_map(|t| check_term(t.id, t.start, start).err().map(|f| (*t, f)))
    else {
        return Ok(());
    };
    // The days around the old start that keep every entered term as named.
    let days: Vec<MonthDay> = (1..=12u32)
        .flat_map(|m| (1..=31u32).filter_map(move |d| MonthDay::new(m, d)))
        .collect();
    let keeps_all = |md: &MonthDay| terms.iter().all(|t| check_term(t.id, t.start, *md).is_ok());
    let keeps = days
        .iter()
        .position(|d| *d == before.calendar.year_start)
        .filter(|&i| keeps_all(&days[i]))
        .map(|i| {
            let mut lo = i;
            while lo > 0 && keeps_all(&days[lo - 1]) {
                lo -= 1;
            }
            let mut hi = i;
            while hi + 1 < days.len() && keeps_all(&days[hi + 1]) {
                hi += 1;
            }
            (days[lo], days[hi])
        });
    Err(CalendarError::YearStartMovesTerm {
        year_start: start,
        term: term.id,
        start: term.start,
        fits,
        keeps,
    }
    .into())
}

impl App {
    /// The sessions the roll screen lists: all but the cancelled ones, by
    /// date and time.
    pub fn roll_sessions(&self) -> Result<Vec<SessionRecord>> {
        let mut all = self.sessions()?;
        all.retain(|r| r.state != RollState::Cancelled);
        // By when they take place: a moved session takes its new place.
        all.sort_by_key(|r| (r.session.date, r.session.start, r.session.id.0));
        Ok(all)
    }
}

/// The session, unless it is unknown or cancelled.
fn open_session(w: &Writer, id: SessionId) -> Result<SessionRecord> {
    let rec = w.session(id)?.ok_or(AppError::UnknownSession(id))?;
    if rec.state == RollState::Cancelled {
        return Err(CalendarError::Cancelled(id).into());
    }
    Ok(rec)
}

fn store_session(
    w: &mut Writer,
    before: SessionRecord,
    session: Session,
    action: &str,
    reason: Option<String>,
) -> Result<()> {
    let after = SessionRecord {
        session,
        ..before.clone()
    };
    w.put_session(&after)?;
    w.log(
        action,
        format!("session {}", after.session.id),
        json(&before.session),
        json(&after.session),
        reason,
        Some(after.session.id),
        None,
    )?;
    Ok(())
}

/// Whether a leave of this kind must be decided before its session starts
/// (篇4, 篇7, 篇10: personal leave, and sick leave except an emergency).
pub fn decided_before(policy: &Policy, l: &Leave) -> bool {
    !policy.calendar.late_approval && l.kind.decided_before(l.emergency)
}

/// The session whose start a pending request lapsed at, by `now`: the
/// first session it covers, where it had to be decided before.
pub fn lapsed(
    policy: &Policy,
    l: &Leave,
    sessions: &[SessionRecord],
    now: NaiveDateTime,
) -> Option<(SessionId, NaiveDateTime)> {
    if l.status != LeaveStatus::Pending || !decided_before(policy, l) {
        return None;
    }
    sessions
        .iter()
        .filter(|r| r.state != RollState::Cancelled && l.cover.covers(&r.session))
        .map(|r| (r.session.id, r.session.date.and_time(r.session.start)))
        .filter(|(_, start)| *start <= now)
        .min_by_key(|(id, start)| (*start, *id))
}
