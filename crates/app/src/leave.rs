//! Leave requests (请假): asked for by a teacher or entered by the office
//! from a paper leave note, decided by the role the policy names for the
//! kind (personal: the leadership group leader; sick and official: the
//! school), with evidence, and emergency sick leave after the fact.

use super::calendar::{CalendarError, lapsed};
use super::{App, AppError, FieldName, LeaveAction, Result, Why, json};
use chrono::NaiveDateTime;
use rules::{Cover, Evidence, Leave, LeaveId, LeaveKind, LeaveStatus, Role, Session, TeacherId};

/// What a new request says.
#[derive(Debug, Clone)]
pub struct LeaveRequest {
    pub teacher: TeacherId,
    pub kind: LeaveKind,
    pub cover: Cover,
    pub reason: String,
    pub evidence: Evidence,
    pub emergency: bool,
}

/// Which end of a leave's span was typed wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpanEnd {
    From,
    To,
}

/// A leave's span as people type it, in the CLI's `--from`/`--to` and the
/// terminal app's form alike: dates (whole days) or dates with a time
/// (`2026-12-23T16:00` or `2026-12-23 16:00`), exactly the sessions they
/// overlap. An empty `to` is the `from` day (or the rest of it).
pub fn leave_cover(from: &str, to: Option<&str>) -> std::result::Result<Cover, (SpanEnd, String)> {
    use chrono::{NaiveDate, NaiveTime};
    let when = |end: SpanEnd, s: &str| {
        let t = s.trim();
        for f in ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"] {
            if let Ok(x) = NaiveDateTime::parse_from_str(t, f) {
                return Ok(Ok(x));
            }
        }
        NaiveDate::parse_from_str(t, "%Y-%m-%d")
            .map(Err)
            .map_err(|_| (end, s.to_string()))
    };
    let from = when(SpanEnd::From, from)?;
    let to = to
        .filter(|t| !t.trim().is_empty())
        .map(|t| when(SpanEnd::To, t))
        .transpose()?;
    let next_day = |d: NaiveDate| d.succ_opt().unwrap_or(d).and_time(NaiveTime::MIN);
    Ok(match (from, to) {
        (Err(f), None) => Cover::Dates { from: f, to: f },
        (Err(f), Some(Err(t))) => Cover::Dates { from: f, to: t },
        (Ok(f), None) => Cover::Span {
            from: f,
            to: next_day(f.date()),
        },
        (Ok(f), Some(Err(t))) => Cover::Span {
            from: f,
            to: next_day(t),
        },
        (Err(f), Some(Ok(t))) => Cover::Span {
            from: f.and_time(NaiveTime::MIN),
            to: t,
        },
        (Ok(f), Some(Ok(t))) => Cover::Span { from: f, to: t },
    })
}

impl App {
    /// The teacher a leave request is for, as typed: a teacher (not the
    /// office) files for themselves only, and an empty box is themselves.
    pub fn leave_teacher(&self, query: &str) -> Result<TeacherId> {
        if let Some(me) = self.actor.teacher.clone()
            && !self.actor.has(Role::Office)
        {
            let q = query.trim();
            if q.is_empty() || q == me.0 {
                return Ok(me);
            }
            return match self.resolve_teacher(q) {
                Ok(t) if t == me => Ok(me),
                _ => Err(AppError::LeaveForOthers),
            };
        }
        self.resolve_teacher(query)
    }
}

/// Which requests to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LeaveFilter {
    /// Pending requests this actor may decide.
    Waiting,
    /// Every pending request.
    Pending,
    /// Approved or rejected.
    Decided,
    All,
}

/// What an actor may do on the leave queue (`App::leave_powers`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LeavePowers {
    /// Approve or reject some kind of leave.
    pub decide: bool,
    /// Record the papers received.
    pub evidence: bool,
    /// File a request (their own, or the office for anyone).
    pub file: bool,
}

impl App {
    /// Files a leave request. Returns its id.
    pub fn request_leave(&mut self, req: LeaveRequest, now: NaiveDateTime) -> Result<LeaveId> {
        let own = self.actor.teacher.as_ref() == Some(&req.teacher);
        if !own {
            // A teacher is told the true reason, not that the other
            // teacher is unknown or that a role is missing.
            if self.actor.teacher.is_some() && !self.actor.has(Role::Office) {
                return Err(AppError::LeaveForOthers);
            }
            self.actor.require("leave request", &[Role::Office])?;
        }
        if req.reason.trim().is_empty() {
            return Err(AppError::Invalid {
                field: FieldName::Reason,
                value: String::new(),
                why: Why::Empty,
            });
        }
        super::bounded(rules::limits::Field::Reason, &req.reason)?;
        let mut w = self.begin_for(&req.teacher, now)?;
        let sessions: Vec<Session> = w.sessions()?.into_iter().map(|r| r.session).collect();
        match &req.cover {
            Cover::Dates { from, to } if to < from => {
                return Err(AppError::Invalid {
                    field: FieldName::To,
                    value: to.to_string(),
                    why: Why::BeforeDate(*from),
                });
            }
            Cover::Span { from, to } if to <= from => {
                return Err(CalendarError::SpanBackwards {
                    from: *from,
                    to: *to,
                }
                .into());
            }
            Cover::Sessions(ids) => {
                if ids.is_empty() {
                    return Err(AppError::Invalid {
                        field: FieldName::Sessions,
                        value: String::new(),
                        why: Why::ListsNoSession,
                    });
                }
                if let Some(missing) = ids.iter().find(|id| !sessions.iter().any(|s| s.id == **id))
                {
                    return Err(AppError::UnknownSession(*missing));
                }
            }
            _ => {}
        }
        // Personal and non-emergency sick leave must come before the session
        // starts (篇4, 篇7, 篇10); official leave is the school's own business.
        let late_allowed = req.kind.after_the_fact(req.emergency);
        let started = w
            .sessions()?
            .iter()
            .filter(|r| r.state != rules::RollState::Cancelled)
            .map(|r| &r.session)
            .any(|s| req.cover.covers(s) && s.date.and_time(s.start) <= now);
        if started && !late_allowed {
            return Err(AppError::AfterTheFact);
        }
        // One open request per session (issue 26): a second one covering a
        // session the teacher's pending request covers is refused, naming it.
        let policy = w.policy()?;
        let records = w.sessions()?;
        for l in w.teacher_leaves(&req.teacher)? {
            if l.status != LeaveStatus::Pending || lapsed(&policy, &l, &records, now).is_some() {
                continue;
            }
            if let Some(s) = records
                .iter()
                .filter(|r| r.state != rules::RollState::Cancelled)
                .map(|r| &r.session)
                .find(|s| l.cover.covers(s) && req.cover.covers(s))
            {
                return Err(AppError::LeaveTwice {
                    first: l.id,
                    session: s.id,
                });
            }
        }
        let id = w.next_leave_id()?;
        let leave = Leave {
            id,
            teacher: req.teacher,
            kind: req.kind,
            cover: req.cover,
            reason: req.reason,
            // Only the office can say a paper was received; a teacher's
            // own request starts with none.
            evidence: if self.actor.has(Role::Office) {
                req.evidence
            } else {
                Evidence::default()
            },
            emergency: req.emergency && req.kind.may_be_emergency(),
            status: LeaveStatus::Pending,
            requested_by: self.actor.name.clone(),
            requested_at: now,
            decided_by: None,
            decided_at: None,
            comment: String::new(),
        };
        w.put_leave(&leave)?;
        w.log(
            "leave.request",
            format!("leave {id}"),
            None,
            json(&leave),
            None,
            None,
            Some(leave.teacher.clone()),
        )?;
        w.commit()?;
        Ok(id)
    }

    /// Refuses `action` to someone who sees only their own record and has
    /// none of `needs`, before any request is read: the refusal is the same
    /// whether the request exists and whoever's it is (issue 26).
    fn hidden_leaves(&self, action: &str, needs: &[Role]) -> Result<()> {
        if self.actor.may_see_id("") {
            return Ok(());
        }
        self.actor.require(action, needs)
    }

    /// Approves a pending request (the role the policy names for its kind).
    pub fn approve_leave(&mut self, id: LeaveId, comment: &str, now: NaiveDateTime) -> Result<()> {
        super::bounded(rules::limits::Field::Comment, comment)?;
        self.decide(id, LeaveStatus::Approved, comment, now)
    }

    /// Rejects a pending request; the comment says why and is required.
    pub fn reject_leave(&mut self, id: LeaveId, comment: &str, now: NaiveDateTime) -> Result<()> {
        if comment.trim().is_empty() {
            return Err(AppError::Invalid {
                field: FieldName::Comment,
                value: String::new(),
                why: Why::NeededToReject,
            });
        }
        super::bounded(rules::limits::Field::Comment, comment)?;
        self.decide(id, LeaveStatus::Rejected, comment, now)
    }

    /// Whether this actor may approve (or reject) request `id` as it
    /// stands, without changing anything: the role its kind needs, not
    /// their own, still pending, and for an approval the paper its kind
    /// asks for received. The screen asks before it opens the comment
    /// form; the decision itself checks again, with the rest.
    pub fn may_decide(&self, id: LeaveId, approve: bool) -> Result<()> {
        let r = self.store.read()?;
        let policy = r.policy()?;
        let leave = r
            .leave(id)?
            .filter(|l| self.actor.may_see(&l.teacher))
            .ok_or(AppError::UnknownLeave(id))?;
        let action = if approve {
            LeaveAction::Approve
        } else {
            LeaveAction::Reject
        };
        self.may_decide_this(&policy, &leave, action)
    }

    /// What this actor may do on the leave queue, from their roles and the
    /// policy: the screen shows only the keys they may use.
    pub fn leave_powers(&self) -> Result<LeavePowers> {
        let policy = self.policy()?;
        let decide = LeaveKind::ALL
            .iter()
            .any(|k| self.actor.has(policy.leave.approver(*k)));
        Ok(LeavePowers {
            decide,
            evidence: decide || self.actor.has(Role::Office),
            file: self.actor.teacher.is_some() || self.actor.has(Role::Office),
        })
    }

    /// The checks of a decision that need only the request and the policy.
    fn may_decide_this(
        &self,
        policy: &rules::Policy,
        before: &Leave,
        action: LeaveAction,
    ) -> Result<()> {
        let id = before.id;
        let role = policy.leave.approver(before.kind);
        self.actor
            .require(&format!("leave {}", action.code()), &[role])?;
        // Nobody decides their own leave, whatever roles they hold.
        if self.actor.teacher.as_ref() == Some(&before.teacher) {
            return Err(AppError::OwnLeave { id, action });
        }
        if before.status != LeaveStatus::Pending {
            return Err(AppError::LeaveState {
                id,
                status: before.status,
                action,
            });
        }
        if action == LeaveAction::Approve
            && let Some(what) = before.kind.paper(&policy.leave)
            && !what.received(&before.evidence)
        {
            return Err(AppError::MissingEvidence { id, what });
        }
        Ok(())
    }

    fn decide(
        &mut self,
        id: LeaveId,
        to: LeaveStatus,
        comment: &str,
        now: NaiveDateTime,
    ) -> Result<()> {
        let action = if to == LeaveStatus::Approved {
            LeaveAction::Approve
        } else {
            LeaveAction::Reject
        };
        let w = self.begin(now)?;
        let policy = w.policy()?;
        let name = format!("leave {}", action.code());
        // Someone who sees only their own record is refused before the
        // request is read, alike whether it exists or whose it is (issue 26).
        self.hidden_leaves(&name, &approvers(&policy, &[]))?;
        let before = w.leave(id)?.ok_or(AppError::UnknownLeave(id))?;
        // Leave that had to be decided before its session and was not has
        // lapsed: it is neither approved nor rejected afterwards, and that
        // is what a refusal says rather than a paper still missing.
        let lapse = lapsed(&policy, &before, &w.sessions()?, now);
        match self.may_decide_this(&policy, &before, action) {
            Err(AppError::MissingEvidence { .. }) if lapse.is_some() => {}
            may => may?,
        }
        if let Some((session, started)) = lapse {
            return Err(CalendarError::Expired {
                id,
                session,
                started,
            }
            .into());
        }
        // A decision changes the outcome of every session the leave
        // covers: in a closed year only the office decides, with a reason;
        // in a posted term whoever decides gives one.
        let why = self.past_reason(&w, &leave_starts(&w, &before)?, self.reason.as_deref())?;
        let after = Leave {
            status: to,
            decided_by: Some(self.actor.name.clone()),
            decided_at: Some(now),
            comment: comment.to_string(),
            ..before.clone()
        };
        save(
            w,
            &format!("leave.{}", action.code()),
            &after,
            json(&before.status),
            json(&after.status),
            super::joined(&[comment, why.as_deref().unwrap_or("")]),
        )
    }

    /// Withdraws a pending request (the teacher, or the office for them).
    pub fn withdraw_leave(&mut self, id: LeaveId, now: NaiveDateTime) -> Result<()> {
        let w = self.begin(now)?;
        // Someone who sees only their own record is told the same about a
        // request that is not there as about another's (issue 26).
        let before = match w.leave(id)? {
            Some(l) => l,
            None if !self.actor.may_see_id("") => {
                self.actor.require("leave withdraw", &[Role::Office])?;
                return Err(AppError::UnknownLeave(id));
            }
            None => return Err(AppError::UnknownLeave(id)),
        };
        if self.actor.teacher.as_ref() != Some(&before.teacher) {
            self.actor.require("leave withdraw", &[Role::Office])?;
        }
        if before.status != LeaveStatus::Pending {
            return Err(AppError::LeaveState {
                id,
                status: before.status,
                action: LeaveAction::Withdraw,
            });
        }
        let after = Leave {
            status: LeaveStatus::Withdrawn,
            ..before.clone()
        };
        save(
            w,
            "leave.withdraw",
            &after,
            json(&before.status),
            json(&after.status),
            None,
        )
    }

    /// Sets the evidence received (leave note, hospital certificate) to
    /// `ev`: the terminal app's boxes, each ticked or not.
    pub fn set_evidence(&mut self, id: LeaveId, ev: Evidence, now: NaiveDateTime) -> Result<()> {
        self.change_evidence(id, now, |_| ev)
    }

    /// Records the papers of `ev` as received, keeping those received
    /// before (`leave evidence --note` does not take back a certificate
    /// recorded earlier; found by a review).
    pub fn receive_evidence(
        &mut self,
        id: LeaveId,
        ev: Evidence,
        now: NaiveDateTime,
    ) -> Result<()> {
        self.change_evidence(id, now, |was| Evidence {
            leave_note: was.leave_note || ev.leave_note,
            hospital_certificate: was.hospital_certificate || ev.hospital_certificate,
        })
    }

    /// Changes a leave's evidence to what `f` makes of the recorded one.
    fn change_evidence(
        &mut self,
        id: LeaveId,
        now: NaiveDateTime,
        f: impl FnOnce(Evidence) -> Evidence,
    ) -> Result<()> {
        let w = self.begin(now)?;
        let policy = w.policy()?;
        self.hidden_leaves("leave evidence", &approvers(&policy, &[Role::Office]))?;
        let before = w.leave(id)?.ok_or(AppError::UnknownLeave(id))?;
        self.actor.require(
            "leave evidence",
            &[Role::Office, policy.leave.approver(before.kind)],
        )?;
        if self.actor.teacher.as_ref() == Some(&before.teacher) {
            return Err(AppError::OwnRecord {
                teacher: before.teacher,
                action: crate::OwnAction::RecordEvidence,
                leave: Some(id),
            });
        }
        let after = Leave {
            evidence: f(before.evidence),
            ..before.clone()
        };
        save(
            w,
            "leave.evidence",
            &after,
            json(&before.evidence),
            json(&after.evidence),
            None,
        )
    }

    /// Leave requests as they stand at `now`: a pending request that lapsed
    /// when its session started shows as expired (已过期), among the
    /// decided ones, and leaves the queue.
    pub fn leaves_at(&self, filter: LeaveFilter, now: NaiveDateTime) -> Result<Vec<Leave>> {
        let r = self.store.read()?;
        let policy = r.policy()?;
        let sessions = r.sessions()?;
        let wide = match filter {
            LeaveFilter::Decided => LeaveFilter::All,
            f => f,
        };
        let mut out = Vec::new();
        for mut l in self.leaves(wide)? {
            if lapsed(&policy, &l, &sessions, now).is_some() {
                l.status = LeaveStatus::Expired;
            }
            let keep = match filter {
                LeaveFilter::Waiting | LeaveFilter::Pending => l.status == LeaveStatus::Pending,
                LeaveFilter::Decided => matches!(
                    l.status,
                    LeaveStatus::Approved | LeaveStatus::Rejected | LeaveStatus::Expired
                ),
                LeaveFilter::All => true,
            };
            if keep {
                out.push(l);
            }
        }
        Ok(out)
    }

    /// The teacher's other open or approved requests that overlap `cover`
    /// (the same session, or overlapping times), for a warning.
    pub fn overlapping_leaves(
        &self,
        teacher: &TeacherId,
        cover: &Cover,
        except: Option<LeaveId>,
    ) -> Result<Vec<Leave>> {
        let r = self.store.read()?;
        let mine: Vec<Leave> = r
            .teacher_leaves(teacher)?
            .into_iter()
            .filter(|l| Some(l.id) != except)
            .filter(|l| matches!(l.status, LeaveStatus::Pending | LeaveStatus::Approved))
            .collect();
        // The sessions are read only for requests whose times do not
        // overlap outright (a county's file holds hundreds).
        let mut sessions = None;
        let mut out = Vec::new();
        for l in mine {
            let overlaps = l.cover.overlaps(cover) || {
                if sessions.is_none() {
                    sessions = Some(r.sessions()?);
                }
                sessions.iter().flatten().any(|s: &store::SessionRecord| {
                    l.cover.covers(&s.session) && cover.covers(&s.session)
                })
            };
            if overlaps {
                out.push(l);
            }
        }
        Ok(out)
    }

    /// One leave request, where the actor may see it.
    pub fn leave(&self, id: LeaveId) -> Result<Option<Leave>> {
        Ok(self
            .store
            .read()?
            .leave(id)?
            .filter(|l| self.actor.may_see(&l.teacher)))
    }

    /// Leave requests, oldest first. A teacher sees only their own.
    pub fn leaves(&self, filter: LeaveFilter) -> Result<Vec<Leave>> {
        let r = self.store.read()?;
        let policy = r.policy()?;
        let all = match (&self.actor.teacher, self.actor.roles.as_slice()) {
            (Some(t), [Role::Teacher]) => r.teacher_leaves(t)?,
            // The queue is read from its index, not from every request.
            _ if matches!(filter, LeaveFilter::Waiting | LeaveFilter::Pending) => {
                r.open_leaves()?
            }
            _ => r.leaves()?,
        };
        Ok(all
            .into_iter()
            .filter(|l| self.actor.may_see(&l.teacher))
            .filter(|l| match filter {
                LeaveFilter::Waiting => {
                    l.status == LeaveStatus::Pending
                        && self.actor.has(policy.leave.approver(l.kind))
                        && self.actor.teacher.as_ref() != Some(&l.teacher)
                }
                LeaveFilter::Pending => l.status == LeaveStatus::Pending,
                LeaveFilter::Decided => matches!(
                    l.status,
                    LeaveStatus::Approved | LeaveStatus::Rejected | LeaveStatus::Expired
                ),
                LeaveFilter::All => true,
            })
            .collect())
    }
}

/// When the sessions a leave covers start (cancelled ones too: a
/// cancelled session's leave decides nothing, but costs nothing to guard).
fn leave_starts(w: &store::Writer, l: &Leave) -> Result<Vec<NaiveDateTime>> {
    Ok(w.sessions()?
        .iter()
        .filter(|rec| l.cover.covers(&rec.session))
        .map(|rec| rec.session.date.and_time(rec.session.start))
        .collect())
}

/// Marks a pending request expired (已过期): it lapsed when `session`
/// started, still undecided. Part of the change that found it.
pub(super) fn expire(
    w: &mut store::Writer,
    before: Leave,
    session: rules::SessionId,
    started: NaiveDateTime,
) -> Result<()> {
    let after = Leave {
        status: LeaveStatus::Expired,
        ..before.clone()
    };
    w.put_leave(&after)?;
    w.log(
        "leave.expire",
        format!("leave {}", after.id),
        json(&before.status),
        json(&after.status),
        Some(format!(
            "session {session} {}",
            started.format("%Y-%m-%d %H:%M")
        )),
        Some(session),
        Some(after.teacher.clone()),
    )?;
    Ok(())
}

/// Writes a changed leave request with its history entry and commits.
fn save(
    mut w: store::Writer,
    action: &str,
    after: &Leave,
    before_json: Option<String>,
    after_json: Option<String>,
    reason: Option<String>,
) -> Result<()> {
    w.put_leave(after)?;
    w.log(
        action,
        format!("leave {}", after.id),
        before_json,
        after_json,
        reason,
        None,
        Some(after.teacher.clone()),
    )?;
    w.commit()?;
    Ok(())
}

/// `first`, then the roles that approve some kind of leave under `policy`,
/// each once.
fn approvers(policy: &rules::Policy, first: &[Role]) -> Vec<Role> {
    let mut roles = first.to_vec();
    for kind in rules::LeaveKind::ALL {
        let r = policy.leave.approver(*kind);
        if !roles.contains(&r) {
            roles.push(r);
        }
    }
    roles
}
