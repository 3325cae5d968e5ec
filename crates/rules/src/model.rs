//! Domain types: teachers, terms, sessions, roll-call facts and leave.
//!
//! Only facts live here. Categories (present, late, absent, ...) are derived
//! from these facts by `category.rs` every time and are never stored.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A teacher's staff number (工号), as the school writes it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct TeacherId(pub String);

impl fmt::Display for TeacherId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A training session's number, given by the store in order of creation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct SessionId(pub u32);

impl fmt::Display for SessionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// A leave request's number, given by the store in order of creation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct LeaveId(pub u32);

impl fmt::Display for LeaveId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// Training credits (学分), kept in tenths so that sums are exact.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Credits(pub u32);

impl Credits {
    pub fn from_tenths(t: u32) -> Self {
        Credits(t)
    }
    pub fn whole(n: u32) -> Self {
        Credits(n * 10)
    }
    /// Parses "2", "1.5" or "0.5"; at most one decimal place.
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        let (int, frac) = match s.split_once('.') {
            Some((i, f)) => (i, f),
            None => (s, "0"),
        };
        if int.is_empty() || frac.len() != 1 {
            return None;
        }
        let i: u32 = int.parse().ok()?;
        let f: u32 = frac.parse().ok()?;
        i.checked_mul(10)?.checked_add(f).map(Credits)
    }
    /// The credits as a decimal number, for JSON and spreadsheets.
    pub fn as_f64(self) -> f64 {
        f64::from(self.0) / 10.0
    }
    /// `percent` (at most 100) of these credits, rounded down to a tenth.
    pub fn percent(self, percent: u32) -> Self {
        let p = u64::from(percent.min(100));
        Credits((u64::from(self.0) * p / 100) as u32)
    }
}

impl std::ops::Add for Credits {
    type Output = Credits;
    fn add(self, rhs: Credits) -> Credits {
        Credits(self.0.saturating_add(rhs.0))
    }
}

impl std::ops::AddAssign for Credits {
    fn add_assign(&mut self, rhs: Credits) {
        *self = *self + rhs;
    }
}

impl fmt::Display for Credits {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_multiple_of(10) {
            write!(f, "{}", self.0 / 10)
        } else {
            write!(f, "{}.{}", self.0 / 10, self.0 % 10)
        }
    }
}

/// A teacher on the school's roster (教师).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Teacher {
    pub id: TeacherId,
    pub name: String,
    /// Teaching group by subject (教研组), e.g. 语文.
    pub group: String,
    /// Grade group (年级组), where the school has them.
    pub grade: Option<String>,
    /// First day at the school; sessions before it are not required.
    pub active_from: Option<NaiveDate>,
    /// Last day at the school; sessions after it are not required.
    pub active_to: Option<NaiveDate>,
    /// The moment on `active_from` the teacher was entered, where they
    /// start on the day they were entered: a session of that day that was
    /// over by then is not theirs (a teacher added at 20:00 was not at the
    /// 15:00 session). `None`: the whole of `active_from`. Schema 7.
    #[serde(default)]
    pub from_time: Option<NaiveTime>,
    /// The groups the teacher was in before `group` and `grade`, oldest
    /// first, each with its last day: a session is judged by the group the
    /// teacher was in on its day. Schema 7.
    #[serde(default)]
    pub past_groups: Vec<PastGroup>,
}

/// A teaching group and grade group a teacher was in, to its last day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PastGroup {
    pub group: String,
    pub grade: Option<String>,
    /// The first day in this group (`None`: since the teacher joined).
    pub from: Option<NaiveDate>,
    /// The last day in this group.
    pub until: NaiveDate,
}

impl Teacher {
    /// A teacher with no dates and no past groups.
    pub fn new(id: &str, name: &str, group: &str) -> Teacher {
        Teacher {
            id: TeacherId(id.to_string()),
            name: name.to_string(),
            group: group.to_string(),
            grade: None,
            active_from: None,
            active_to: None,
            from_time: None,
            past_groups: Vec::new(),
        }
    }

    /// Whether the teacher was at the school on `date`.
    pub fn active_on(&self, date: NaiveDate) -> bool {
        self.active_from.is_none_or(|d| date >= d) && self.active_to.is_none_or(|d| date <= d)
    }

    /// Whether the teacher was at the school for a session of `date`
    /// ending at `end`: on the day they were entered, a session already
    /// over when they were entered is not theirs (one under way is: they
    /// may be marked as they come in).
    pub fn active_for(&self, date: NaiveDate, end: NaiveTime) -> bool {
        self.active_on(date)
            && !(self.active_from == Some(date) && self.from_time.is_some_and(|t| end <= t))
    }

    /// The teaching group the teacher was in on `date`.
    pub fn group_on(&self, date: NaiveDate) -> &str {
        self.past_groups
            .iter()
            .find(|p| date <= p.until)
            .map_or(self.group.as_str(), |p| p.group.as_str())
    }

    /// The grade group the teacher was in on `date`.
    pub fn grade_on(&self, date: NaiveDate) -> Option<&str> {
        match self.past_groups.iter().find(|p| date <= p.until) {
            Some(p) => p.grade.as_deref(),
            None => self.grade.as_deref(),
        }
    }

    /// The first day in the current group (`None`: since joining).
    pub fn group_since(&self) -> Option<NaiveDate> {
        self.past_groups.last().and_then(|p| p.until.succ_opt())
    }

    /// Moves the teacher to `group` and `grade` from `from` on: the groups
    /// they were in before stay theirs for the days before. A move on or
    /// before an earlier move's day replaces what was planned from then.
    pub fn move_group(&mut self, group: &str, grade: Option<String>, from: NaiveDate) {
        let Some(until) = from.pred_opt() else {
            return;
        };
        let joined = self.active_from.unwrap_or(NaiveDate::MIN);
        let mut periods = std::mem::take(&mut self.past_groups);
        periods.push(PastGroup {
            group: std::mem::take(&mut self.group),
            grade: self.grade.take(),
            from: periods.last().and_then(|p| p.until.succ_opt()),
            until: NaiveDate::MAX,
        });
        // What began before `from` stays, to the day before it; what was
        // to begin on or after it gives way to the move.
        periods.retain(|p| p.from.unwrap_or(joined) < from);
        if let Some(last) = periods.last_mut() {
            last.until = last.until.min(until);
        }
        // The same group again just goes on.
        if periods
            .last()
            .is_some_and(|p| p.group == group && p.grade == grade)
            && let Some(last) = periods.pop()
        {
            self.group = last.group;
            self.grade = last.grade;
        } else {
            self.group = group.to_string();
            self.grade = grade;
        }
        self.past_groups = periods;
    }

    /// Whether the teacher was at the school on some day from `first` to
    /// `last`: a period wholly before they joined, or after they left, is
    /// not theirs to be judged on.
    pub fn active_between(&self, first: NaiveDate, last: NaiveDate) -> bool {
        self.active_from.is_none_or(|d| d <= last) && self.active_to.is_none_or(|d| d >= first)
    }
}

/// The two terms of an academic year (学期).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Season {
    /// Autumn term (秋季学期, about September to January): the first term.
    Autumn,
    /// Spring term (春季学期, about February to July): the second term.
    Spring,
}

/// An academic year (学年), named by the calendar year it starts in:
/// `AcademicYear(2025)` is 2025–2026.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct AcademicYear(pub i32);

impl AcademicYear {
    /// The academic year containing `date` for a year starting on the
    /// default day (09-01); the app uses the policy's day
    /// (`calendar::year_of`).
    pub fn containing(date: NaiveDate) -> Self {
        super::calendar::year_of(date, super::calendar::MonthDay::default())
    }
}

impl fmt::Display for AcademicYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.0, self.0 + 1)
    }
}

/// A term's key: its academic year and season.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct TermId {
    pub year: AcademicYear,
    pub season: Season,
}

impl TermId {
    /// Parses `2025-autumn`, `2025-spring`, `2025-1` or `2025-2` (the year is
    /// the one the academic year starts in).
    /// Also the forms schools write: `2025-2026-2`, `2025-2026学年第二学期`,
    /// `2026年春季学期` (see `calendar::parse_term`).
    pub fn parse(s: &str) -> Option<Self> {
        super::calendar::parse_term(s)
    }
}

impl TermId {
    /// The spring term of the school year before: what `Y-spring` means
    /// when Y is the calendar year of the spring (`2027-spring` named as
    /// `2027年春季学期` names it is the spring of 2026-2027, `2026-spring`).
    pub fn spring_before(self) -> TermId {
        TermId {
            year: AcademicYear(self.year.0.saturating_sub(1)),
            season: Season::Spring,
        }
    }
}

impl fmt::Display for TermId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = match self.season {
            Season::Autumn => "autumn",
            Season::Spring => "spring",
        };
        write!(f, "{}-{}", self.year.0, s)
    }
}

/// A term (学期) with its first and last day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Term {
    pub id: TermId,
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl Term {
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end
    }
}

/// What kind of training a session is (培训活动类型).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SessionKind {
    /// Weekly business study (业务学习), run by the teaching-group leaders.
    WeeklyStudy,
    /// School-based training (校本培训) from the term plan.
    SchoolTraining,
    /// Study outside the school (外出学习).
    OutsideStudy,
    /// Remote training in the multimedia room (远程培训).
    Remote,
}

/// Who must attend a session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Audience {
    /// All teachers (全体教师).
    Everyone,
    /// Only the listed teaching groups (教研组).
    Groups(Vec<String>),
}

impl Audience {
    pub fn includes(&self, teacher: &Teacher) -> bool {
        match self {
            Audience::Everyone => true,
            Audience::Groups(gs) => gs.contains(&teacher.group),
        }
    }

    /// Whether the audience includes `teacher` as they were on `date`.
    pub fn includes_on(&self, teacher: &Teacher, date: NaiveDate) -> bool {
        match self {
            Audience::Everyone => true,
            Audience::Groups(gs) => gs.iter().any(|g| g == teacher.group_on(date)),
        }
    }
}

/// A training session (培训活动).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub id: SessionId,
    #[serde(deserialize_with = "super::dates::naive_date")]
    pub date: NaiveDate,
    #[serde(deserialize_with = "super::dates::naive_time")]
    pub start: NaiveTime,
    #[serde(deserialize_with = "super::dates::naive_time")]
    pub end: NaiveTime,
    pub title: String,
    pub kind: SessionKind,
    pub credits: Credits,
    /// The presenter (主讲人).
    pub presenter: Option<String>,
    /// The host (主持人), where the school uses one.
    pub host: Option<String>,
    /// The recorder (记录人), where the school uses one.
    pub recorder: Option<String>,
    pub audience: Audience,
}

impl Session {
    /// Whether `teacher` had to attend: in the audience and at the school.
    pub fn requires(&self, teacher: &Teacher) -> bool {
        self.audience.includes_on(teacher, self.date) && teacher.active_for(self.date, self.end)
    }
}

/// How far a session's roll call has gone. Steps only move forward.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum RollState {
    /// Roll has not been taken yet.
    #[default]
    NotStarted,
    /// The first call (第一次点名) is under way.
    FirstCall,
    /// The second call (第二次点名) of those still missing is under way.
    SecondCall,
    /// Both calls are done; whoever arrives now is late.
    AfterSecondCall,
    /// Roll is closed: whoever is still missing is absent unless on leave.
    Closed,
    /// The session was cancelled (取消): it counts for nobody. Its marks
    /// stay in the history. Kept last so stored states keep their numbers.
    Cancelled,
}

/// What was observed of one teacher at one session. Facts, not categories.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RollFacts {
    /// Answered the first call.
    pub first_call: bool,
    /// Answered the second call.
    pub second_call: bool,
    /// Arrived after the second call, at this time.
    pub arrived: Option<NaiveTime>,
    /// Left before the end, at this time.
    pub left_early: Option<NaiveTime>,
    pub remark: String,
    /// The early leave was excused (早退(准假), 篇10: 特殊情况除外), with the
    /// reason: it is not counted. Kept last (`store::legacy` upgrades
    /// records of schema 3).
    #[serde(default)]
    pub early_excused: Option<String>,
}

/// A correction of some of one teacher's facts (`roll correct`, issue 25):
/// each field that is set changes its own fact; every other fact stays as
/// recorded. Taking the early leave away takes its excuse with it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FactsChange {
    pub first_call: Option<bool>,
    pub second_call: Option<bool>,
    /// `Some(None)` takes the arrival away.
    pub arrived: Option<Option<NaiveTime>>,
    /// `Some(None)` takes the early leave (and its excuse) away.
    pub left_early: Option<Option<NaiveTime>>,
    pub remark: Option<String>,
    /// `Some(None)` takes the excuse away.
    pub early_excused: Option<Option<String>>,
}

impl FactsChange {
    /// The facts `before` with this change made.
    pub fn apply(&self, before: &RollFacts) -> RollFacts {
        let mut after = before.clone();
        if let Some(v) = self.first_call {
            after.first_call = v;
        }
        if let Some(v) = self.second_call {
            after.second_call = v;
        }
        if let Some(v) = self.arrived {
            after.arrived = v;
        }
        if let Some(v) = self.left_early {
            after.left_early = v;
            if v.is_none() {
                after.early_excused = None;
            }
        }
        if let Some(v) = &self.remark {
            after.remark.clone_from(v);
        }
        if let Some(v) = &self.early_excused {
            after.early_excused.clone_from(v);
        }
        after
    }
}

impl RollFacts {
    /// Whether the teacher was in the room at some point.
    pub fn attended(&self) -> bool {
        self.first_call || self.second_call || self.arrived.is_some() || self.left_early.is_some()
    }
}

listed! {
    /// The three kinds of leave (请假). Each is routed by the methods below
    /// and `policy::LeaveRules`, every one an exhaustive match: a new kind
    /// is named by the compiler at each.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
    pub enum LeaveKind {
        /// Official leave (公假): school business, maternity; outside rewards and penalties.
        Official,
        /// Personal leave (事假): a leave note and the leadership group leader's approval.
        Personal,
        /// Sick leave (病假): a hospital certificate and the school's approval.
        Sick,
    }
}

/// A paper a leave request needs before it is approved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LeavePaper {
    /// The leave note (请假条).
    LeaveNote,
    /// The hospital certificate (医院证明).
    HospitalCertificate,
}

impl LeavePaper {
    pub const ALL: [LeavePaper; 2] = [LeavePaper::LeaveNote, LeavePaper::HospitalCertificate];

    /// Whether the office has recorded the paper as received.
    pub fn received(self, e: &Evidence) -> bool {
        match self {
            LeavePaper::LeaveNote => e.leave_note,
            LeavePaper::HospitalCertificate => e.hospital_certificate,
        }
    }
}

impl LeaveKind {
    /// The kind as typed on the command line and in files (`official`,
    /// `personal`, `sick`); `i18n::parse_leave_kind` reads it, or the
    /// kind's Chinese name.
    pub fn code(self) -> &'static str {
        match self {
            LeaveKind::Official => "official",
            LeaveKind::Personal => "personal",
            LeaveKind::Sick => "sick",
        }
    }

    /// May be asked for once a session it covers has started (篇4, 篇7,
    /// 篇10): official leave is the school's own business; sick leave in
    /// an emergency; personal leave never.
    pub fn after_the_fact(self, emergency: bool) -> bool {
        match self {
            LeaveKind::Official => true,
            LeaveKind::Personal => false,
            LeaveKind::Sick => emergency,
        }
    }

    /// Whether a request of this kind may be an emergency (急诊).
    pub fn may_be_emergency(self) -> bool {
        match self {
            LeaveKind::Official | LeaveKind::Personal => false,
            LeaveKind::Sick => true,
        }
    }

    /// Whether a pending request of this kind lapses when its session
    /// starts: personal leave, and sick leave except an emergency, must be
    /// decided before.
    pub fn decided_before(self, emergency: bool) -> bool {
        match self {
            LeaveKind::Official => false,
            LeaveKind::Personal => true,
            LeaveKind::Sick => !emergency,
        }
    }

    /// A session missed on approved leave of this kind is made up later
    /// (后补, with the make-ups): official leave.
    pub fn made_up(self) -> bool {
        match self {
            LeaveKind::Official => true,
            LeaveKind::Personal | LeaveKind::Sick => false,
        }
    }

    /// The papers a request of this kind may carry (the leave screen shows
    /// whether each was received).
    pub fn papers(self) -> &'static [LeavePaper] {
        match self {
            LeaveKind::Official | LeaveKind::Personal => &[LeavePaper::LeaveNote],
            LeaveKind::Sick => &[LeavePaper::LeaveNote, LeavePaper::HospitalCertificate],
        }
    }

    /// The paper approval needs under `rules`, if any.
    pub fn paper(self, rules: &super::policy::LeaveRules) -> Option<LeavePaper> {
        match self {
            LeaveKind::Official => None,
            LeaveKind::Personal => rules.personal_needs_note.then_some(LeavePaper::LeaveNote),
            LeaveKind::Sick => rules
                .sick_needs_certificate
                .then_some(LeavePaper::HospitalCertificate),
        }
    }
}

/// What a leave request covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Cover {
    /// Every session from the first to the last day, both included.
    Dates {
        #[serde(deserialize_with = "super::dates::naive_date")]
        from: NaiveDate,
        #[serde(deserialize_with = "super::dates::naive_date")]
        to: NaiveDate,
    },
    /// The listed sessions only.
    Sessions(Vec<SessionId>),
    /// From one moment to another (leave by the hour): exactly the sessions
    /// whose time overlaps it. Kept last so stored covers keep their numbers.
    Span {
        #[serde(deserialize_with = "super::dates::naive_datetime")]
        from: NaiveDateTime,
        #[serde(deserialize_with = "super::dates::naive_datetime")]
        to: NaiveDateTime,
    },
}

impl fmt::Display for Cover {
    /// Dates and times as written, language-neutral: `2025-09-10`,
    /// `2025-09-10..2025-09-12`, `2025-09-10 08:00..11:30`, `3,4`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Cover::Dates { from, to } if from == to => write!(f, "{from}"),
            Cover::Dates { from, to } => write!(f, "{from}..{to}"),
            Cover::Sessions(ids) => {
                let list: Vec<String> = ids.iter().map(|i| i.to_string()).collect();
                f.write_str(&list.join(","))
            }
            Cover::Span { from, to } if from.date() == to.date() => write!(
                f,
                "{} {}..{}",
                from.date(),
                from.format("%H:%M"),
                to.format("%H:%M")
            ),
            Cover::Span { from, to } => write!(
                f,
                "{}..{}",
                from.format("%Y-%m-%d %H:%M"),
                to.format("%Y-%m-%d %H:%M")
            ),
        }
    }
}

impl Cover {
    pub fn covers(&self, session: &Session) -> bool {
        match self {
            Cover::Dates { from, to } => *from <= session.date && session.date <= *to,
            Cover::Sessions(ids) => ids.contains(&session.id),
            Cover::Span { from, to } => {
                session.date.and_time(session.start) < *to
                    && *from < session.date.and_time(session.end)
            }
        }
    }

    /// The days the cover touches (for the day index), where it is by date.
    pub fn days(&self) -> Option<(NaiveDate, NaiveDate)> {
        match self {
            Cover::Dates { from, to } => Some((*from, *to)),
            Cover::Sessions(_) => None,
            Cover::Span { from, to } => {
                // A span ending at midnight does not touch the next day.
                let last = if to.time() == NaiveTime::MIN && to > from {
                    to.date().pred_opt().unwrap_or(to.date())
                } else {
                    to.date()
                };
                Some((from.date(), last.max(from.date())))
            }
        }
    }

    /// Whether two covers can share a session: the same session named, or
    /// overlapping times (a day cover is its whole days).
    pub fn overlaps(&self, other: &Cover) -> bool {
        let span = |c: &Cover| match c {
            Cover::Dates { from, to } => Some((
                from.and_time(NaiveTime::MIN),
                to.succ_opt().unwrap_or(*to).and_time(NaiveTime::MIN),
            )),
            Cover::Span { from, to } => Some((*from, *to)),
            Cover::Sessions(_) => None,
        };
        match (self, other) {
            (Cover::Sessions(a), Cover::Sessions(b)) => a.iter().any(|x| b.contains(x)),
            _ => match (span(self), span(other)) {
                (Some((a1, a2)), Some((b1, b2))) => a1 < b2 && b1 < a2,
                _ => false,
            },
        }
    }
}

/// Where a leave request stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LeaveStatus {
    /// Waiting for a decision (待审批).
    Pending,
    /// Approved (已批准).
    Approved,
    /// Rejected (已驳回).
    Rejected,
    /// Withdrawn by the teacher (已撤回).
    Withdrawn,
    /// Lapsed (已过期): personal or non-emergency sick leave still pending
    /// when its session started (篇4, 篇7, 篇10: only an emergency may be
    /// decided after the fact). Kept last so stored states keep their numbers.
    Expired,
}

/// The evidence a leave needs, received or missing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// The leave note (请假条) was received.
    pub leave_note: bool,
    /// The hospital certificate (医院证明) was received.
    pub hospital_certificate: bool,
}

/// A leave request (请假) and its decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Leave {
    pub id: LeaveId,
    pub teacher: TeacherId,
    pub kind: LeaveKind,
    pub cover: Cover,
    pub reason: String,
    pub evidence: Evidence,
    /// An emergency (急诊): sick leave that may be asked for after the fact.
    pub emergency: bool,
    pub status: LeaveStatus,
    pub requested_by: String,
    #[serde(deserialize_with = "super::dates::naive_datetime")]
    pub requested_at: NaiveDateTime,
    pub decided_by: Option<String>,
    #[serde(default, deserialize_with = "super::dates::opt_naive_datetime")]
    pub decided_at: Option<NaiveDateTime>,
    pub comment: String,
}

impl Leave {
    /// Whether this leave, approved, excuses `session`.
    pub fn excuses(&self, session: &Session) -> bool {
        self.status == LeaveStatus::Approved && self.cover.covers(session)
    }

    /// Approved and to come (issue 25): it covers a session, and no session
    /// it covers has begun its roll (a cancelled one aside), so it counts
    /// nowhere yet. `sessions` are the sessions known with their rolls'
    /// states.
    pub fn to_come<'a>(
        &self,
        sessions: impl IntoIterator<Item = (&'a Session, RollState)>,
    ) -> bool {
        if self.status != LeaveStatus::Approved {
            return false;
        }
        let mut any = false;
        for (s, state) in sessions {
            if state == RollState::Cancelled || !self.cover.covers(s) {
                continue;
            }
            if state != RollState::NotStarted {
                return false;
            }
            any = true;
        }
        any
    }
}

listed! {
    /// What an account may do (角色). An account may hold several roles.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Role {
        /// Training office (教务处): roster, terms, sessions, roll call, policy, accounts.
        Office,
        /// Leadership group leader (校本培训领导组组长): decides personal leave.
        Leader,
        /// The school (学校, principal's office): decides sick and official leave.
        School,
        /// Teaching-group leader (教研组长).
        GroupLeader,
        /// Assessment team (考核小组).
        Assessment,
        /// A teacher (教师): their own leave and record only.
        Teacher,
    }
}

impl Role {
    /// The role as typed on the command line (`office`, `group_leader`,
    /// ...), as it is stored.
    pub fn code(self) -> &'static str {
        match self {
            Role::Office => "office",
            Role::Leader => "leader",
            Role::School => "school",
            Role::GroupLeader => "group_leader",
            Role::Assessment => "assessment",
            Role::Teacher => "teacher",
        }
    }

    /// A role as typed: its code (`group-leader` too).
    pub fn from_code(s: &str) -> Option<Role> {
        let s = s.replace('-', "_");
        Role::ALL.iter().copied().find(|r| r.code() == s)
    }
}

/// A teacher id as the program compares it: full-width Latin letters and
/// digits (`T０００１`, as some input methods type them) in their half-width
/// form, so that they are the same id (issue 25).
pub fn half_width_id(id: &str) -> String {
    id.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            c => c,
        })
        .collect()
}

/// A person's name as it is kept: spaces inside a Chinese name are
/// padding (`李　四`, `王 芳`, a habit of rosters) and are dropped; a name
/// with Latin letters keeps single spaces between its words.
pub fn tidy_name(name: &str) -> String {
    let latin = name.chars().any(|c| c.is_ascii_alphabetic());
    if latin {
        name.split_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        name.chars().filter(|c| !c.is_whitespace()).collect()
    }
}

#[cfg(test)]
mod tidy_tests {
    use super::*;

    #[test]
    fn full_width_ids_and_padded_names() {
        assert_eq!(half_width_id("T０００１"), "T0001");
        assert_eq!(half_width_id("Ｔ0001"), "T0001");
        assert_eq!(tidy_name("李　四"), "李四");
        assert_eq!(tidy_name(" 李 明 "), "李明");
        assert_eq!(tidy_name("Anna  Li"), "Anna Li");
        assert_eq!(tidy_name("Anna\u{3000}Li"), "Anna Li");
    }
}

#[cfg(test)]
mod facts_change_tests {
    use super::*;

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default()
    }

    /// Each field changes its own fact only; taking the early leave away
    /// takes its excuse with it.
    #[test]
    fn a_change_keeps_what_it_does_not_name() {
        let before = RollFacts {
            first_call: true,
            second_call: true,
            arrived: None,
            left_early: Some(t(15, 51)),
            remark: "r".into(),
            early_excused: Some("病".into()),
        };
        assert_eq!(FactsChange::default().apply(&before), before);
        let remark = FactsChange {
            remark: Some("补记".into()),
            ..FactsChange::default()
        };
        assert_eq!(
            remark.apply(&before),
            RollFacts {
                remark: "补记".into(),
                ..before.clone()
            }
        );
        let arrived = FactsChange {
            arrived: Some(Some(t(15, 30))),
            ..FactsChange::default()
        };
        let after = arrived.apply(&before);
        assert!(after.second_call && after.first_call);
        assert_eq!(after.early_excused.as_deref(), Some("病"));
        let no_left = FactsChange {
            left_early: Some(None),
            ..FactsChange::default()
        };
        let after = no_left.apply(&before);
        assert_eq!((after.left_early, after.early_excused), (None, None));
        assert!(after.first_call);
    }
}
