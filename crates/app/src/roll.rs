//! Roll call (点名): two calls, late arrivals after the second call, early
//! leave, closing, undo and corrections. Steps only move forward; a step
//! out of order is refused and changes nothing.

use super::calendar::{CalendarError, TimeOf};
use super::{App, AppError, FieldName, OwnAction, Result, RollStep, Why, json};
use chrono::{NaiveDateTime, NaiveTime};
use rules::{
    Audience, Leave, LeaveStatus, Role, RollFacts, RollState, SessionId, Teacher, TeacherId,
    outcome,
};
use std::collections::HashMap;
use std::ops::ControlFlow;
use store::{SessionRecord, Writer};

/// The two calls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Call {
    First,
    Second,
}

/// What `undo_step` took back: a teacher's mark, a change of step, or a
/// mark with the change of step it made.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Undone {
    pub mark: Option<TeacherId>,
    /// The step the roll was at, and the one it is back at.
    pub step: Option<(RollState, RollState)>,
}

/// The history actions of marks, which `undo_step` takes back.
const MARKS: [&str; 5] = [
    "roll.first_call",
    "roll.second_call",
    "roll.arrive",
    "roll.leave_early",
    "roll.fix",
];
/// A change of step (`set_state`); with a teacher when a mark made it.
const STEP: &str = "roll.state";
const UNDO_MARK: &str = "roll.undo";
const UNDO_STEP: &str = "roll.undo_step";

/// One expected teacher at a session, and a session's roll as it stands:
/// defined with the sheets that print them (`sheets::rows`).
pub use sheets::rows::{RollLine, RollView};

/// The roll from a snapshot's teachers, the session's facts and the
/// leave requests covering it; shared by the screen and by closing, which must see
/// the same missing teachers as the transaction that closes.
fn build_view(
    record: SessionRecord,
    teachers: Vec<Teacher>,
    facts: Vec<(TeacherId, RollFacts)>,
    leaves: Vec<Leave>,
) -> RollView {
    let facts: HashMap<TeacherId, RollFacts> = facts.into_iter().collect();
    let mut covering: HashMap<TeacherId, Vec<Leave>> = HashMap::new();
    for l in leaves
        .into_iter()
        .filter(|l| l.cover.covers(&record.session))
    {
        covering.entry(l.teacher.clone()).or_default().push(l);
    }
    let mut lines = Vec::new();
    for mut teacher in teachers {
        if !record.requires(&teacher) {
            continue;
        }
        // A closed roll shows each teacher in the group of its day.
        if let Some(e) = record.closed.as_ref().and_then(|c| c.entry(&teacher.id)) {
            teacher.group.clone_from(&e.group);
            teacher.grade.clone_from(&e.grade);
        }
        let mine = covering.remove(&teacher.id).unwrap_or_default();
        let f = facts.get(&teacher.id).cloned().unwrap_or_default();
        // Before the roll begins, approved leave is shown as what it will
        // be (the screen's caller sees who is excused), though it counts
        // only once the session happens (issue 25).
        let shown_state = match record.state {
            RollState::NotStarted => RollState::FirstCall,
            s => s,
        };
        let o = outcome(
            &record.session,
            shown_state,
            record.closed.as_ref(),
            &teacher,
            Some(&f),
            &mine,
        );
        let leave = mine
            .iter()
            .find(|l| l.status == LeaveStatus::Approved)
            .or_else(|| mine.iter().find(|l| l.status == LeaveStatus::Pending))
            .cloned();
        lines.push(RollLine {
            teacher,
            facts: f,
            outcome: o,
            leave,
        });
    }
    RollView { record, lines }
}

/// Who may take a step (issue 14, 篇1: 业务学习…由教研组长组织).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum May {
    /// Take the roll: the office, or the leader (教研组长) of the one
    /// teaching group the session is for. Not before the roll opens.
    Run,
    /// Start the roll before it opens: the office, with a reason.
    RunEarly,
    /// Corrections and reopening: the office only.
    Correct,
    /// Excuse an early leave: the office, the leadership group leader, or
    /// the group's leader for a session of their group.
    Excuse,
}

impl App {
    /// The roll of one session: every expected teacher, in id order. A
    /// teacher sees only their own line, as with every other record.
    pub fn roll_view(&self, id: SessionId) -> Result<RollView> {
        let r = self.store.read()?;
        let record = r.session(id)?.ok_or(AppError::UnknownSession(id))?;
        let leaves = r.leaves_covering(&record.session)?;
        let mut view = build_view(record, r.teachers()?, r.session_facts(id)?, leaves);
        view.lines.retain(|l| self.actor.may_see(&l.teacher.id));
        Ok(view)
    }

    /// One teacher's line of a session's roll, and the session's record:
    /// what a mark changes, read without the session's other teachers (a
    /// county's session has 5,000). `None` for a teacher the session does
    /// not require or the actor may not see.
    pub fn roll_line(
        &self,
        id: SessionId,
        teacher: &TeacherId,
    ) -> Result<(SessionRecord, Option<RollLine>)> {
        let r = self.store.read()?;
        let record = r.session(id)?.ok_or(AppError::UnknownSession(id))?;
        let Some(t) = r.teacher(teacher)?.filter(|t| self.actor.may_see(&t.id)) else {
            return Ok((record, None));
        };
        let facts: Vec<_> = r
            .facts(id, teacher)?
            .map(|f| (teacher.clone(), f))
            .into_iter()
            .collect();
        let leaves = r.teacher_leaves(teacher)?;
        let view = build_view(record.clone(), vec![t], facts, leaves);
        Ok((record, view.lines.into_iter().next()))
    }

    /// The step the roll moves to if `step` is taken now, or why it may
    /// not be (the same refusal the step itself gives): the screens ask
    /// before they ask the user, and say where a step took the roll, from
    /// this one state machine.
    pub fn roll_next(&self, id: SessionId, step: RollStep) -> Result<RollState> {
        self.may_roll("roll", id, May::Run)?;
        let rec = self
            .store
            .read()?
            .session(id)?
            .ok_or(AppError::UnknownSession(id))?;
        if rec.state == RollState::Cancelled {
            return Err(CalendarError::Cancelled(id).into());
        }
        match step {
            RollStep::AnswerFirstCall => call_state(&rec, Call::First),
            RollStep::AnswerSecondCall => call_state(&rec, Call::Second),
            RollStep::EndSecondCall | RollStep::RecordLate => {
                after_calls(&rec, step).map(|_| RollState::AfterSecondCall)
            }
            RollStep::CloseRoll => after_calls(&rec, step).map(|_| RollState::Closed),
            RollStep::RecordEarlyLeave => running(&rec, step).map(|_| rec.state),
            RollStep::UndoMark if rec.state == RollState::Closed => Err(order(&rec, step)),
            RollStep::UndoMark => Ok(rec.state),
        }
    }

    /// Starts (or continues) a call without marking anyone.
    pub fn start_call(&mut self, id: SessionId, call: Call, now: NaiveDateTime) -> Result<()> {
        let (mut w, rec) = self.roll_step("roll", id, now, May::Run)?;
        let to = call_state(&rec, call)?;
        set_state(&mut w, rec, to)?;
        w.commit()?;
        Ok(())
    }

    /// Records that `teachers` answered `call`. All or nothing.
    pub fn answer(
        &mut self,
        id: SessionId,
        call: Call,
        teachers: &[TeacherId],
        now: NaiveDateTime,
    ) -> Result<()> {
        let (mut w, rec) = self.roll_step("roll", id, now, May::Run)?;
        let to = call_state(&rec, call)?;
        for t in teachers {
            let before = expected_facts(&w, &rec, t)?;
            if before.attended() {
                return Err(AppError::AlreadyMarked {
                    teacher: t.clone(),
                    session: id,
                });
            }
            let mut after = before.clone();
            match call {
                Call::First => after.first_call = true,
                Call::Second => after.second_call = true,
            }
            let action = match call {
                Call::First => "roll.first_call",
                Call::Second => "roll.second_call",
            };
            put(&mut w, id, t, &before, &after, action, None)?;
        }
        set_state_by(&mut w, rec, to, teachers.last(), None)?;
        w.commit()?;
        Ok(())
    }

    /// Ends the second call: from now on whoever arrives is late.
    pub fn end_second_call(&mut self, id: SessionId, now: NaiveDateTime) -> Result<()> {
        let (mut w, rec) = self.roll_step("roll", id, now, May::Run)?;
        after_calls(&rec, RollStep::EndSecondCall)?;
        set_state(&mut w, rec, RollState::AfterSecondCall)?;
        w.commit()?;
        Ok(())
    }

    /// Records a late arrival (迟到) after the second call, at `at`.
    pub fn arrive(
        &mut self,
        id: SessionId,
        teacher: &TeacherId,
        at: NaiveTime,
        now: NaiveDateTime,
    ) -> Result<()> {
        let (mut w, rec) = self.roll_step("roll", id, now, May::Run)?;
        after_calls(&rec, RollStep::RecordLate)?;
        let before = expected_facts(&w, &rec, teacher)?;
        if before.attended() {
            return Err(AppError::AlreadyMarked {
                teacher: teacher.clone(),
                session: id,
            });
        }
        in_session(&rec, at, TimeOf::Arrival)?;
        not_after_now(&rec, at, FieldName::Arrived, now)?;
        // Late means arriving after the second call ended (篇10 ④, issue
        // 25): one who came in before it ended answered it.
        let answered = rec.state == RollState::AfterSecondCall
            && second_call_ended(&w, id)?
                .is_some_and(|ended| rec.session.date == ended.date() && at < ended.time());
        let after = RollFacts {
            arrived: Some(at),
            second_call: before.second_call || answered,
            ..before.clone()
        };
        put(&mut w, id, teacher, &before, &after, "roll.arrive", None)?;
        set_state_by(&mut w, rec, RollState::AfterSecondCall, Some(teacher), None)?;
        w.commit()?;
        Ok(())
    }

    /// Records an early leave (早退) at `at`.
    pub fn leave_early(
        &mut self,
        id: SessionId,
        teacher: &TeacherId,
        at: NaiveTime,
        now: NaiveDateTime,
    ) -> Result<()> {
        let (mut w, rec) = self.roll_step("roll", id, now, May::Run)?;
        running(&rec, RollStep::RecordEarlyLeave)?;
        let before = expected_facts(&w, &rec, teacher)?;
        if !before.attended() {
            return Err(AppError::NotPresent {
                teacher: teacher.clone(),
                session: id,
            });
        }
        if before.left_early.is_some() {
            return Err(AppError::AlreadyMarked {
                teacher: teacher.clone(),
                session: id,
            });
        }
        in_session(&rec, at, TimeOf::EarlyLeave)?;
        not_after_now(&rec, at, FieldName::Left, now)?;
        if let Some(a) = before.arrived.filter(|a| *a > at) {
            return Err(AppError::Invalid {
                field: FieldName::At,
                value: at.format("%H:%M").to_string(),
                why: Why::BeforeArrival(a),
            });
        }
        let after = RollFacts {
            left_early: Some(at),
            ..before.clone()
        };
        put(
            &mut w,
            id,
            teacher,
            &before,
            &after,
            "roll.leave_early",
            None,
        )?;
        w.commit()?;
        Ok(())
    }

    /// Closes the roll: whoever is still missing without approved leave is
    /// absent (旷工). Returns those teachers.
    pub fn close_roll(&mut self, id: SessionId, now: NaiveDateTime) -> Result<Vec<Teacher>> {
        let (mut w, rec) = self.roll_step("roll", id, now, May::Run)?;
        after_calls(&rec, RollStep::CloseRoll)?;
        // Read inside the closing transaction: a mark made a moment earlier
        // by someone else is seen, and one made later waits for the commit.
        let view = build_view(
            rec.clone(),
            w.teachers()?,
            w.session_facts(id)?,
            w.leaves_covering(&rec.session)?,
        );
        let absent: Vec<Teacher> = view
            .missing()
            .into_iter()
            .map(|l| l.teacher.clone())
            .collect();
        // Personal and non-emergency sick leave still pending when the
        // session started has lapsed (篇4, 篇7, 篇10).
        let policy = w.policy()?;
        for l in w.leaves_covering(&rec.session)? {
            if let Some((session, started)) =
                super::calendar::lapsed(&policy, &l, std::slice::from_ref(&rec), now)
            {
                super::leave::expire(&mut w, l, session, started)?;
            }
        }
        // The record of the day: who was expected, in which group, with
        // what outcome. Later changes to the roster do not alter it.
        let mut rec = rec;
        rec.closed = Some(w.closed_record(&rec, now)?);
        set_state(&mut w, rec, RollState::Closed)?;
        w.commit()?;
        Ok(absent)
    }

    /// Takes back the newest step of this session's roll not already
    /// taken back: a mark (an answer, a late arrival, an early leave, a
    /// fix), the start of a call, the end of the second call. A mark that
    /// moved the roll to its next step goes back with that step. Pressed
    /// again and again it returns the roll to where it was before the
    /// first call. A closed roll is not undone: it is corrected, with a
    /// reason (`correct_facts`).
    ///
    /// A close is taken back only by whoever closed the roll, and only
    /// until the session's end (a slip on the close, noticed at once);
    /// after that the office reopens it with a reason (`reopen_roll`).
    pub fn undo_step(&mut self, id: SessionId, now: NaiveDateTime) -> Result<Undone> {
        let (mut w, mut rec) = self.roll_step("roll", id, now, May::Run)?;
        match rec.state {
            RollState::Cancelled => return Err(order(&rec, RollStep::UndoMark)),
            RollState::Closed => {
                let end = rec.session.date.and_time(rec.session.end);
                if now > end {
                    return Err(AppError::CloseAfterEnd { session: id, end });
                }
                let closed = json(&RollState::Closed);
                let mut closing = None;
                w.history_newest_first(|e| {
                    if e.session == Some(id) && e.action == STEP && e.after == closed {
                        closing = Some((e.who.clone(), e.at));
                        return ControlFlow::Break(());
                    }
                    ControlFlow::Continue(())
                })?;
                let closed_at = match closing {
                    Some((who, at)) if who == self.actor.name => at,
                    Some((who, _)) => {
                        return Err(AppError::NotYourClose {
                            session: id,
                            closed_by: who,
                        });
                    }
                    None => return Err(order(&rec, RollStep::UndoMark)),
                };
                // The past is fixed: a posting made since the close holds
                // this roll's figures.
                let day = rec.session.date;
                if let Some(term) = w.terms()?.into_iter().find(|t| t.contains(day))
                    && w.latest_publication(term.id)?
                        .is_some_and(|p| p.at >= closed_at)
                {
                    return Err(AppError::ClosePosted {
                        session: id,
                        term: term.id,
                    });
                }
                // The record of the day goes with the close it belonged
                // to; closing again writes it anew.
                rec.closed = None;
            }
            _ => {}
        }
        // Each undo entry takes back one entry, newest first; the newest
        // one not taken back (with the mark that caused it, for a change
        // of step) is undone now. Older entries are not read.
        let mut skip = 0usize;
        let mut found: Vec<store::HistoryEntry> = Vec::new();
        w.history_newest_first(|e| {
            if e.session != Some(id) {
                return ControlFlow::Continue(());
            }
            let action = e.action.as_str();
            if action == UNDO_MARK || action == UNDO_STEP {
                skip += 1;
                return ControlFlow::Continue(());
            }
            if !MARKS.contains(&action) && action != STEP {
                return ControlFlow::Continue(());
            }
            if skip > 0 {
                skip -= 1;
                return ControlFlow::Continue(());
            }
            match found.first() {
                None => {
                    let caused_by_mark = action == STEP && e.teacher.is_some();
                    found.push(e);
                    if caused_by_mark {
                        return ControlFlow::Continue(());
                    }
                }
                Some(step) => {
                    if MARKS.contains(&action) && e.teacher == step.teacher {
                        found.push(e);
                    }
                }
            }
            ControlFlow::Break(())
        })?;
        let parse_facts = |j: &Option<String>| -> RollFacts {
            j.as_deref()
                .and_then(|b| serde_json::from_str(b).ok())
                .unwrap_or_default()
        };
        let mut undone = Undone::default();
        let mut state = rec;
        for e in found {
            if e.action == STEP {
                let back: RollState = e
                    .before
                    .as_deref()
                    .and_then(|b| serde_json::from_str(b).ok())
                    .ok_or(AppError::NothingToUndo(id))?;
                let from = state.state;
                state.state = back;
                w.put_session(&state)?;
                w.log(
                    UNDO_STEP,
                    format!("session {id}"),
                    json(&from),
                    json(&back),
                    None,
                    Some(id),
                    None,
                )?;
                undone.step = Some((from, back));
            } else {
                let teacher = e.teacher.clone().ok_or(AppError::NothingToUndo(id))?;
                let restore = parse_facts(&e.before);
                let current = w.facts(id, &teacher)?.unwrap_or_default();
                put(&mut w, id, &teacher, &current, &restore, UNDO_MARK, None)?;
                undone.mark = Some(teacher);
            }
        }
        if undone.mark.is_none() && undone.step.is_none() {
            return Err(AppError::NothingToUndo(id));
        }
        w.commit()?;
        Ok(undone)
    }

    /// Fixes one teacher's mark while the roll is open (a slip on the
    /// wrong name, a time typed wrong): sets their facts as given. Logged
    /// as `roll.fix`, so `undo_step` takes it back like any mark. Once the
    /// roll is closed, `correct_facts` (with a reason) is the way.
    pub fn fix_facts(
        &mut self,
        id: SessionId,
        teacher: &TeacherId,
        facts: RollFacts,
        now: NaiveDateTime,
    ) -> Result<()> {
        let (mut w, rec) = self.roll_step("roll", id, now, May::Run)?;
        self.not_own(teacher, OwnAction::CorrectMark)?;
        running(&rec, RollStep::RecordLate)?;
        let before = expected_facts(&w, &rec, teacher)?;
        facts_in_session(&rec, &facts)?;
        if let Some(a) = facts.arrived {
            not_after_now(&rec, a, FieldName::Arrived, now)?;
        }
        if let Some(l) = facts.left_early {
            not_after_now(&rec, l, FieldName::Left, now)?;
        }
        put(&mut w, id, teacher, &before, &facts, "roll.fix", None)?;
        w.commit()?;
        Ok(())
    }

    /// Corrects a teacher's facts at a session, at any step (training
    /// office only, with a reason that the history keeps).
    pub fn correct_facts(
        &mut self,
        id: SessionId,
        teacher: &TeacherId,
        facts: RollFacts,
        reason: &str,
        now: NaiveDateTime,
    ) -> Result<()> {
        self.correct_with(id, teacher, reason, now, |before| {
            // Every fact is given: an excuse of the same early leave stays.
            let mut facts = facts;
            if facts.early_excused.is_none() && facts.left_early == before.left_early {
                facts.early_excused.clone_from(&before.early_excused);
            }
            facts
        })
    }

    /// Corrects only the facts `change` names (`roll correct`, training
    /// office, with a reason): every other fact stays as recorded (issue
    /// 25). `--excused` takes the reason as the excuse.
    pub fn correct(
        &mut self,
        id: SessionId,
        teacher: &TeacherId,
        change: &rules::FactsChange,
        reason: &str,
        now: NaiveDateTime,
    ) -> Result<()> {
        self.correct_with(id, teacher, reason, now, |before| change.apply(before))
    }

    fn correct_with(
        &mut self,
        id: SessionId,
        teacher: &TeacherId,
        reason: &str,
        now: NaiveDateTime,
        make: impl FnOnce(&RollFacts) -> RollFacts,
    ) -> Result<()> {
        if reason.trim().is_empty() {
            return Err(AppError::Invalid {
                field: FieldName::Reason,
                value: String::new(),
                why: Why::NeededForCorrection,
            });
        }
        super::bounded(rules::limits::Field::Reason, reason)?;
        let (mut w, rec) = self.roll_step("roll correct", id, now, May::Correct)?;
        self.not_own(teacher, OwnAction::CorrectMark)?;
        // Adding a teacher to a closed roll is a correction of its record
        // (issue 25): explicit, with the reason, in the history; never a
        // side effect of a roster change.
        let added = match (&rec.closed, w.teacher(teacher)?) {
            (Some(c), Some(t))
                if rec.state == RollState::Closed
                    && !c.expects(&t.id)
                    && rec.session.audience.includes_on(&t, rec.session.date)
                    && t.active_on(rec.session.date) =>
            {
                Some(t)
            }
            _ => None,
        };
        let before = match &added {
            Some(_) => w.facts(id, teacher)?.unwrap_or_default(),
            None => expected_facts(&w, &rec, teacher)?,
        };
        // A correction keeps what it does not say (issue 25).
        let facts = make(&before);
        super::bounded(rules::limits::Field::Remark, &facts.remark)?;
        facts_in_session(&rec, &facts)?;
        if facts.early_excused.is_some() && facts.left_early.is_none() {
            return Err(CalendarError::NoEarlyLeave {
                teacher: teacher.clone(),
                session: id,
                flag: "--left",
            }
            .into());
        }
        if let Some(l) = facts.left_early
            && let Some(a) = facts.arrived.filter(|a| *a > l)
        {
            return Err(AppError::Invalid {
                field: FieldName::Left,
                value: l.format("%H:%M").to_string(),
                why: Why::BeforeArrival(a),
            });
        }
        // An early leave needs the teacher in the room.
        if facts.left_early.is_some()
            && !facts.first_call
            && !facts.second_call
            && facts.arrived.is_none()
        {
            return Err(AppError::NotPresent {
                teacher: teacher.clone(),
                session: id,
            });
        }
        put(
            &mut w,
            id,
            teacher,
            &before,
            &facts,
            "roll.correct",
            Some(reason.to_string()),
        )?;
        if let Some(t) = added {
            let mut rec = rec;
            let mine: Vec<Leave> = w
                .leaves_covering(&rec.session)?
                .into_iter()
                .filter(|l| l.teacher == t.id)
                .collect();
            let o = outcome(
                &rec.session,
                RollState::Closed,
                None,
                &t,
                Some(&facts),
                &mine,
            );
            let entry = rules::Expected {
                teacher: t.id.clone(),
                name: t.name.clone(),
                group: t.group_on(rec.session.date).to_string(),
                grade: t.grade_on(rec.session.date).map(str::to_string),
                outcome: o,
            };
            if let Some(c) = rec.closed.as_mut() {
                c.add(entry);
            }
            w.put_session(&rec)?;
            w.log(
                "roll.add_expected",
                format!("session {id} / {}", t.id),
                None,
                json(&o.category),
                Some(reason.to_string()),
                Some(id),
                Some(t.id.clone()),
            )?;
        }
        w.commit()?;
        Ok(())
    }
}

impl App {
    /// Starts a call before the roll opens (training office, with a
    /// reason the history keeps), e.g. for a session brought forward.
    pub fn start_call_early(
        &mut self,
        id: SessionId,
        call: Call,
        reason: &str,
        now: NaiveDateTime,
    ) -> Result<()> {
        let reason = super::calendar::reason_of(reason)?;
        let reason = reason.as_str();
        let (mut w, rec) = self.roll_step("roll early", id, now, May::RunEarly)?;
        let to = call_state(&rec, call)?;
        set_state_by(&mut w, rec, to, None, Some(reason.to_string()))?;
        w.commit()?;
        Ok(())
    }

    /// Reopens a closed roll at the step it had reached before closing
    /// (training office, with a reason). Standings follow: the missing are
    /// pending again until it closes.
    pub fn reopen_roll(&mut self, id: SessionId, reason: &str, now: NaiveDateTime) -> Result<()> {
        let reason = super::calendar::reason_of(reason)?;
        let reason = reason.as_str();
        let (mut w, rec) = self.roll_step("roll reopen", id, now, May::Correct)?;
        if rec.state != RollState::Closed {
            return Err(CalendarError::NotClosed(id).into());
        }
        // The step before the latest closing, from the history.
        let closed = json(&RollState::Closed);
        let mut before = None;
        w.history_newest_first(|e| {
            if e.session == Some(id) && e.action == "roll.state" && e.after == closed {
                before = e
                    .before
                    .as_deref()
                    .and_then(|b| serde_json::from_str::<RollState>(b).ok());
                return ControlFlow::Break(());
            }
            ControlFlow::Continue(())
        })?;
        let to = before
            .filter(|s| !matches!(s, RollState::Closed | RollState::Cancelled))
            .unwrap_or(RollState::AfterSecondCall);
        set_state_by(&mut w, rec, to, None, Some(reason.to_string()))?;
        w.commit()?;
        Ok(())
    }

    /// Excuses an early leave (早退(准假), 篇10: 特殊情况除外): the office,
    /// the leadership group leader, or the group's leader at their group's
    /// session. Records the early leave at `at` where none is recorded yet.
    /// The standings do not count it.
    pub fn excuse_early_leave(
        &mut self,
        id: SessionId,
        teacher: &TeacherId,
        at: Option<NaiveTime>,
        reason: &str,
        now: NaiveDateTime,
    ) -> Result<()> {
        let reason = super::calendar::reason_of(reason)?;
        let reason = reason.as_str();
        let (mut w, rec) = self.roll_step("roll leave --excused", id, now, May::Excuse)?;
        self.not_own(teacher, OwnAction::ExcuseEarlyLeave)?;
        if rec.state == RollState::NotStarted {
            return Err(order(&rec, RollStep::RecordEarlyLeave));
        }
        let before = expected_facts(&w, &rec, teacher)?;
        if !before.attended() {
            return Err(AppError::NotPresent {
                teacher: teacher.clone(),
                session: id,
            });
        }
        let left = match (at, before.left_early) {
            (Some(t), _) => t,
            (None, Some(t)) => t,
            (None, None) => {
                return Err(CalendarError::NoEarlyLeave {
                    teacher: teacher.clone(),
                    session: id,
                    flag: "--at",
                }
                .into());
            }
        };
        in_session(&rec, left, TimeOf::EarlyLeave)?;
        // An excuse is no licence to record a leave still to come: the same
        // rule as `leave_early` (issue 26).
        if at.is_some() {
            not_after_now(&rec, left, FieldName::Left, now)?;
        }
        if let Some(a) = before.arrived.filter(|a| *a > left) {
            return Err(AppError::Invalid {
                field: FieldName::At,
                value: left.format("%H:%M").to_string(),
                why: Why::BeforeArrival(a),
            });
        }
        let after = RollFacts {
            left_early: Some(left),
            early_excused: Some(reason.to_string()),
            ..before.clone()
        };
        put(
            &mut w,
            id,
            teacher,
            &before,
            &after,
            "roll.excuse_early_leave",
            Some(reason.to_string()),
        )?;
        w.commit()?;
        Ok(())
    }

    /// Refuses an action on the actor's own record (issue 26): someone else
    /// with the role must do it.
    fn not_own(&self, teacher: &TeacherId, action: OwnAction) -> Result<()> {
        if self.actor.teacher.as_ref() == Some(teacher) {
            return Err(AppError::OwnRecord {
                teacher: teacher.clone(),
                action,
                leave: None,
            });
        }
        Ok(())
    }

    /// Whether the actor may excuse an early leave at this session (the
    /// terminal app asks before it opens its form).
    pub fn may_excuse_early_leave(&self, id: SessionId) -> Result<()> {
        self.may_roll("roll leave", id, May::Excuse)
    }

    /// Whether the actor may start this roll before it opens.
    pub fn may_start_early(&self, id: SessionId) -> Result<()> {
        self.may_roll("roll early", id, May::RunEarly)
    }

    /// Every roll step starts here: the office's permission, a write
    /// transaction, and the session as that transaction sees it.
    fn roll_step(
        &mut self,
        action: &str,
        id: SessionId,
        now: NaiveDateTime,
        may: May,
    ) -> Result<(Writer, SessionRecord)> {
        self.may_roll(action, id, may)?;
        let mut w = self.begin(now)?;
        let rec = w.session(id)?.ok_or(AppError::UnknownSession(id))?;
        if rec.state == RollState::Cancelled {
            return Err(CalendarError::Cancelled(id).into());
        }
        if may == May::Run && rec.state == RollState::NotStarted {
            let s = &rec.session;
            let opens = roll_opens(&w.policy()?, s);
            if now < opens {
                return Err(CalendarError::RollTooEarly {
                    session: id,
                    date: s.date,
                    start: s.start,
                    opens,
                }
                .into());
            }
        }
        // A closed year's roll changes only by the office's correction,
        // whose reason the history keeps (`assess close`).
        if let Some(term) = w
            .terms()?
            .into_iter()
            .find(|t| t.contains(rec.session.date))
            && w.year_closed(term.id.year)?
            && !(action == "roll correct" && self.actor.has(rules::Role::Office))
        {
            let year = term.id.year;
            return Err(match action {
                "roll correct" => super::year_end::AssessError::YearClosed { year },
                _ => super::year_end::AssessError::ClosedYearsRoll { year },
            }
            .into());
        }
        // A posted session's roll changes only with a reason, which each
        // entry of the change keeps; the steps that take a reason of their
        // own (a correction, a reopening, an early start, an excuse) give it.
        if action == "roll" {
            let given = super::calendar::optional_reason(self.reason.as_deref())?;
            let terms = w.terms()?;
            self.posted_day_reason(
                &w,
                &terms,
                rec.session.date.and_time(rec.session.start),
                given.as_deref(),
            )?;
            if let Some(why) = given {
                w.give_reason(why);
            }
        }
        Ok((w, rec))
    }

    /// Whether the roll of session `id` has opened by `now` (started, or
    /// its window open): before, a call is started early, with a reason.
    pub fn roll_opened(&self, id: SessionId, now: NaiveDateTime) -> Result<bool> {
        let r = self.store.read()?;
        let rec = r.session(id)?.ok_or(AppError::UnknownSession(id))?;
        Ok(rec.state != RollState::NotStarted || now >= roll_opens(&r.policy()?, &rec.session))
    }

    /// Checks the actor may take this step, before anything is opened for
    /// writing: the office always; a teaching-group leader for a session
    /// of their own group only (their group is their teacher record's).
    fn may_roll(&self, action: &str, id: SessionId, may: May) -> Result<()> {
        if self.actor.has(Role::Office) {
            return Ok(());
        }
        // The roles that would do: those the actor lacks are named; a
        // group leader of another group is told the office's.
        let mut roles = vec![Role::Office];
        if may == May::Excuse {
            if self.actor.has(Role::Leader) {
                return Ok(());
            }
            roles.push(Role::Leader);
        }
        if matches!(may, May::Run | May::Excuse)
            && let Some(group) = self.group_of_session(id)?
        {
            if !self.actor.has(Role::GroupLeader) {
                roles.push(Role::GroupLeader);
            } else if self.my_group(&self.store.read()?)?.as_deref() == Some(group.as_str()) {
                return Ok(());
            }
        }
        Err(AppError::Forbidden {
            action: action.to_string(),
            needs: roles,
        })
    }

    /// The one teaching group session `id` is for, where it is for one.
    fn group_of_session(&self, id: SessionId) -> Result<Option<String>> {
        let r = self.store.read()?;
        Ok(r.session(id)?.and_then(|rec| match rec.session.audience {
            Audience::Groups(mut gs) if gs.len() == 1 => gs.pop(),
            _ => None,
        }))
    }
}

/// When a session's roll opens: the policy's minutes before its start, on
/// its day (never before the day's first minute).
fn roll_opens(policy: &rules::Policy, s: &rules::Session) -> NaiveDateTime {
    let minutes = i64::from(policy.calendar.roll_opens_minutes);
    let opens = s.date.and_time(s.start) - chrono::Duration::minutes(minutes);
    opens.max(s.date.and_time(NaiveTime::MIN))
}

/// Steps that need both calls made (ending the second call, a late
/// arrival, closing).
fn after_calls(rec: &SessionRecord, step: RollStep) -> Result<()> {
    if matches!(
        rec.state,
        RollState::SecondCall | RollState::AfterSecondCall
    ) {
        Ok(())
    } else {
        Err(order(rec, step))
    }
}

fn order(rec: &SessionRecord, step: RollStep) -> AppError {
    AppError::RollOrder {
        session: rec.session.id,
        state: rec.state,
        step,
    }
}

/// The state a call moves the session to, or why it may not.
fn call_state(rec: &SessionRecord, call: Call) -> Result<RollState> {
    match (call, rec.state) {
        (Call::First, RollState::NotStarted | RollState::FirstCall) => Ok(RollState::FirstCall),
        (Call::Second, RollState::FirstCall | RollState::SecondCall) => Ok(RollState::SecondCall),
        (Call::First, _) => Err(order(rec, RollStep::AnswerFirstCall)),
        (Call::Second, _) => Err(order(rec, RollStep::AnswerSecondCall)),
    }
}

fn set_state(w: &mut Writer, rec: SessionRecord, to: RollState) -> Result<()> {
    set_state_by(w, rec, to, None, None)
}

/// A change of step made by a teacher's mark (the first answer starts the
/// call, a late arrival ends the second): logged with that teacher, so
/// that undoing the mark takes the step back too. `reason` is the office's
/// when it moves a roll out of order (reopening, starting early).
fn set_state_by(
    w: &mut Writer,
    mut rec: SessionRecord,
    to: RollState,
    by: Option<&TeacherId>,
    reason: Option<String>,
) -> Result<()> {
    if rec.state == to {
        return Ok(());
    }
    let from = rec.state;
    rec.state = to;
    w.put_session(&rec)?;
    w.log(
        "roll.state",
        format!("session {}", rec.session.id),
        json(&from),
        json(&to),
        reason,
        Some(rec.session.id),
        by.cloned(),
    )?;
    Ok(())
}

/// The teacher's current facts, after checking they are expected.
fn expected_facts(w: &Writer, rec: &SessionRecord, t: &TeacherId) -> Result<RollFacts> {
    let teacher = w
        .teacher(t)?
        .ok_or_else(|| AppError::UnknownTeacher(t.0.clone()))?;
    if !rec.requires(&teacher) {
        return Err(AppError::NotExpected {
            teacher: t.clone(),
            session: rec.session.id,
        });
    }
    Ok(w.facts(rec.session.id, t)?.unwrap_or_default())
}

/// An arrival or an early leave must be at or after the session's start
/// and before its end: leaving at the end is no early leave, arriving at
/// the end is no arrival.
/// A roll that is running: started, and neither closed nor cancelled.
fn running(rec: &SessionRecord, step: RollStep) -> Result<()> {
    if matches!(
        rec.state,
        RollState::NotStarted | RollState::Closed | RollState::Cancelled
    ) {
        return Err(order(rec, step));
    }
    Ok(())
}

/// The arrival and early-leave times of `facts`, each within the session.
fn facts_in_session(rec: &SessionRecord, facts: &RollFacts) -> Result<()> {
    if let Some(a) = facts.arrived {
        in_session(rec, a, TimeOf::Arrival)?;
    }
    if let Some(l) = facts.left_early {
        in_session(rec, l, TimeOf::EarlyLeave)?;
    }
    Ok(())
}

/// An arrival or an early leave, excused or not, is recorded when it
/// happens, never ahead: a time later than `now` on the session's day is
/// refused.
fn not_after_now(
    rec: &SessionRecord,
    at: NaiveTime,
    field: FieldName,
    now: NaiveDateTime,
) -> Result<()> {
    if rec.session.date.and_time(at) > now {
        return Err(AppError::Invalid {
            field,
            value: at.format("%H:%M").to_string(),
            why: Why::AfterNow(now.time()),
        });
    }
    Ok(())
}

fn in_session(rec: &SessionRecord, at: NaiveTime, what: TimeOf) -> Result<()> {
    let s = &rec.session;
    if at < s.start || at >= s.end {
        return Err(CalendarError::TimeOutside {
            session: s.id,
            what,
            at,
            start: s.start,
            end: s.end,
        }
        .into());
    }
    Ok(())
}

fn put(
    w: &mut Writer,
    id: SessionId,
    t: &TeacherId,
    before: &RollFacts,
    after: &RollFacts,
    action: &str,
    reason: Option<String>,
) -> Result<()> {
    if *after == RollFacts::default() {
        w.remove_facts(id, t)?;
    } else {
        w.put_facts(id, t, after)?;
    }
    w.log(
        action,
        format!("session {id} / {t}"),
        json(before),
        json(after),
        reason,
        Some(id),
        Some(t.clone()),
    )?;
    Ok(())
}

/// When the second call of session `id` last ended, by the history.
fn second_call_ended(w: &Writer, id: SessionId) -> Result<Option<NaiveDateTime>> {
    let ended = json(&RollState::AfterSecondCall);
    let mut at = None;
    w.history_newest_first(|e| {
        if e.session == Some(id) && e.action == STEP && e.after == ended {
            at = Some(e.at);
            return ControlFlow::Break(());
        }
        ControlFlow::Continue(())
    })?;
    Ok(at)
}
