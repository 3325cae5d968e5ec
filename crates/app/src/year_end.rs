//! The year's assessment to its end: which term or year a command means
//! when it names none, the review deadline of a term (篇10 §6), closing a
//! year (`assess close`), the guard that lets only the office, with a
//! reason, change a closed year, and the refusals of the assessment
//! commands, as typed errors the catalogue (`crate::i18n::assess`) words.
//!
//! Term and year boundaries come from the stored terms (`App::terms`);
//! nothing here computes a calendar of its own.

use super::standings::StandingRow;
use super::{App, AppError, Result, json};
use chrono::{Days, NaiveDate, NaiveDateTime};
use rules::calendar;
use rules::review::Next;
use rules::{
    AcademicYear, ArchiveItem, CreditId, CreditStage, Credits, Period, Policy, Role, TeacherId,
    Term, TermId,
};
use store::Writer;
use store::published::{KeptRow, YearClosing};

/// What a credit command does, for refusals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CreditAction {
    Register,
    SelfAssess,
    Edit,
    Withdraw,
    Pass,
    Return,
    Reject,
    Revoke,
    Remove,
    Report,
}

/// Why an assessment command was refused. Each names what and where; those
/// about the review chain name who can act next.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AssessError {
    /// The actor is not who acts on the entry now.
    #[error("credit entry {id}: you cannot {action:?} it; next: {next:?}")]
    NotYourStep {
        id: CreditId,
        action: CreditAction,
        next: Next,
    },
    /// The entry is at a stage where the action does not apply.
    #[error("credit entry {id} is {stage:?}: cannot {action:?}; next: {next:?}")]
    WrongStage {
        id: CreditId,
        stage: CreditStage,
        action: CreditAction,
        next: Next,
    },
    /// A comment or reason the action requires is empty.
    #[error("{action:?} needs a comment or reason")]
    NeedsWords { action: CreditAction },
    #[error("{credits} credits on one entry; at most {max}")]
    TooManyCredits { credits: Credits, max: u32 },
    #[error("training date {date} is in the future")]
    FutureDate { date: NaiveDate },
    #[error("training date {date} is not in the academic year {year}")]
    OutsideYear { date: NaiveDate, year: AcademicYear },
    #[error("credit card {card} is already on entry {id} ({teacher})")]
    CardUsed {
        card: String,
        id: CreditId,
        teacher: TeacherId,
    },
    /// The term's review deadline has passed: only the office registers now.
    #[error("the review deadline of {term} was {deadline}; the office registers now")]
    DeadlinePassed { term: TermId, deadline: NaiveDate },
    /// The year is closed: only the office changes it, with a reason.
    #[error("the assessment of {year} is closed; the office may change it with --reason")]
    YearClosed { year: AcademicYear },
    /// The term was posted on `on`, on or after the day of what a change
    /// would move: it needs a reason (whoever may make the change gives it).
    #[error("{term} was posted on {on}; a change to posted attendance needs --reason")]
    TermPosted { term: TermId, on: NaiveDate },
    /// A roll of a closed year is not taken, reopened or closed again:
    /// a teacher's record there is corrected (`roll correct`, the office's,
    /// with a reason).
    #[error("the assessment of {year} is closed; its rolls are corrected with roll correct")]
    ClosedYearsRoll { year: AcademicYear },
    /// A posting dated before the term's latest one (a clock set back).
    #[error("{term} was last posted at {at}; a posting cannot be dated before it")]
    PostedLater { term: TermId, at: NaiveDateTime },
    #[error("the assessment of {year} is already closed")]
    AlreadyClosed { year: AcademicYear },
    #[error("the academic year {year} runs until {ends}; close it after")]
    YearRunning { year: AcademicYear, ends: NaiveDate },
    #[error("the academic year {year} has no terms")]
    YearWithoutTerms { year: AcademicYear },
    #[error("{item:?} is both handed in and missing")]
    HasAndLacks { item: ArchiveItem },
    #[error("credit entry {id} is {stage:?}: a report follows a confirmed entry")]
    ReportUnconfirmed { id: CreditId, stage: CreditStage },
    #[error("{teacher} cannot be their own mentor")]
    OwnMentor { teacher: TeacherId },
    #[error("{mentee} is already {mentor}'s mentor in {year}")]
    ReversedPair {
        mentor: TeacherId,
        mentee: TeacherId,
        year: AcademicYear,
    },
}

impl From<AssessError> for AppError {
    fn from(e: AssessError) -> AppError {
        AppError::Assess(e)
    }
}

/// The term a day belongs to for commands that name none: the term it is
/// in, else (between terms) the one just ended or the next one, as the
/// policy says (`between_terms`), else whichever exists.
pub fn meant_term(terms: &[Term], policy: &Policy, today: NaiveDate) -> Option<TermId> {
    if let Some(t) = terms.iter().find(|t| t.contains(today)) {
        return Some(t.id);
    }
    let ended = terms
        .iter()
        .filter(|t| t.end < today)
        .max_by_key(|t| t.end)
        .map(|t| t.id);
    let next = terms
        .iter()
        .filter(|t| t.start > today)
        .min_by_key(|t| t.start)
        .map(|t| t.id);
    match policy.assessment.between_terms {
        rules::policy::BetweenTerms::Ended => ended.or(next),
        rules::policy::BetweenTerms::Next => next.or(ended),
    }
}

/// The last day to register and review a term's credits (篇10 §6).
pub fn review_deadline(term: &Term, policy: &Policy) -> NaiveDate {
    term.end
        .checked_add_days(Days::new(u64::from(policy.assessment.review_deadline_days)))
        .unwrap_or(term.end)
}

/// The term a training date counts in for its deadline: the term it falls
/// in, else the last term of `year` that began before it.
pub fn term_for_date(terms: &[Term], year: AcademicYear, date: NaiveDate) -> Option<&Term> {
    terms.iter().find(|t| t.contains(date)).or_else(|| {
        terms
            .iter()
            .filter(|t| t.id.year == year && t.start <= date)
            .max_by_key(|t| t.start)
    })
}

/// Whether `date` lies in academic year `year`: in one of its terms, or,
/// outside every term, in the year the school's calendar puts it in.
pub fn year_contains(terms: &[Term], policy: &Policy, year: AcademicYear, date: NaiveDate) -> bool {
    match terms.iter().find(|t| t.contains(date)) {
        Some(t) => t.id.year == year,
        None => calendar::year_of(date, policy.calendar.year_start) == year,
    }
}

/// The academic year a day belongs to: its term's, or outside every term
/// the year the school's calendar puts it in.
pub fn year_of_day(terms: &[Term], policy: &Policy, date: NaiveDate) -> AcademicYear {
    terms.iter().find(|t| t.contains(date)).map_or_else(
        || calendar::year_of(date, policy.calendar.year_start),
        |t| t.id.year,
    )
}

impl App {
    /// The term a command means when it names none (`meant_term`).
    pub fn meant_term(&self, today: NaiveDate) -> Result<Option<TermId>> {
        let r = self.store.read()?;
        Ok(meant_term(&r.terms()?, &r.policy()?, today))
    }

    /// The academic year a command means when it names none: the meant
    /// term's, else the year the day belongs to.
    pub fn meant_year(&self, today: NaiveDate) -> Result<AcademicYear> {
        let r = self.store.read()?;
        let policy = r.policy()?;
        Ok(meant_term(&r.terms()?, &policy, today).map_or_else(
            || calendar::year_of(today, policy.calendar.year_start),
            |t| t.year,
        ))
    }

    /// The reason given for a change of a closed year, when `year` is
    /// closed: only the office may change it, and only with a reason.
    /// `Ok(None)` when the year is open.
    pub(crate) fn closed_year_reason(
        &self,
        w: &Writer,
        year: AcademicYear,
    ) -> Result<Option<String>> {
        self.closed_year_reason_given(w, year, self.reason.as_deref())
    }

    /// `closed_year_reason` for a command that takes its own reason.
    pub(crate) fn closed_year_reason_given(
        &self,
        w: &Writer,
        year: AcademicYear,
        reason: Option<&str>,
    ) -> Result<Option<String>> {
        if !w.year_closed(year)? {
            return Ok(None);
        }
        match given(reason) {
            Some(r) if self.actor.has(Role::Office) => Ok(Some(r)),
            _ => Err(AssessError::YearClosed { year }.into()),
        }
    }

    /// The reason given for a change of what a posting of `term` holds:
    /// `from` is the moment the session it moves starts (covered when the
    /// term's latest posting was made at or after it: a posting in the
    /// morning does not cover the afternoon's session), `None` for a
    /// figure of the whole term (covered by any posting). Whoever may make
    /// the change gives it; `Ok(None)` when nothing posted is moved.
    pub(crate) fn posted_term_reason(
        &self,
        w: &Writer,
        term: TermId,
        from: Option<NaiveDateTime>,
        reason: Option<&str>,
    ) -> Result<Option<String>> {
        let Some(p) = w.latest_publication(term)? else {
            return Ok(None);
        };
        let on = p.at.date();
        if from.is_some_and(|f| f > p.at) {
            return Ok(None);
        }
        match given(reason) {
            Some(r) => Ok(Some(r)),
            None => Err(AssessError::TermPosted { term, on }.into()),
        }
    }

    /// The reason for a teacher's change that would name them by another
    /// group or grade in a term posted on or after its last day (the
    /// posted rows name the groups of the term's end): a move dated back,
    /// made with the clock set back, or by an import (issue 25).
    pub(crate) fn posted_relabel_reason(
        &self,
        w: &Writer,
        before: &rules::Teacher,
        after: &rules::Teacher,
        reason: Option<&str>,
    ) -> Result<Option<String>> {
        let mut why = None;
        for t in w.terms()? {
            if relabelled_on(before, after, t.end)
                && let Some(r) = self.posted_term_reason(
                    w,
                    t.id,
                    Some(t.end.and_time(chrono::NaiveTime::MIN)),
                    reason,
                )?
            {
                why = Some(r);
            }
        }
        Ok(why)
    }

    /// The reason for a change of the sessions starting at `starts`, where
    /// the past is fixed: a closed year's (the office's,
    /// `closed_years_reason`) and a posted term's (`posted_term_reason`).
    /// `Ok(None)` when neither.
    pub(crate) fn past_reason(
        &self,
        w: &Writer,
        starts: &[NaiveDateTime],
        reason: Option<&str>,
    ) -> Result<Option<String>> {
        let terms = w.terms()?;
        let policy = w.policy()?;
        let mut years: Vec<AcademicYear> = starts
            .iter()
            .map(|d| year_of_day(&terms, &policy, d.date()))
            .collect();
        years.sort();
        years.dedup();
        let mut why = self.closed_years_reason(w, &years, reason)?;
        for &start in starts {
            if let Some(r) = self.posted_day_reason(w, &terms, start, reason)? {
                why = Some(r);
            }
        }
        Ok(why)
    }

    /// `posted_term_reason` for a change of a session starting at `start`,
    /// in the term of `terms` that contains its day (none: nothing posted).
    pub(crate) fn posted_day_reason(
        &self,
        w: &Writer,
        terms: &[Term],
        start: NaiveDateTime,
        reason: Option<&str>,
    ) -> Result<Option<String>> {
        match terms.iter().find(|t| t.contains(start.date())) {
            Some(t) => self.posted_term_reason(w, t.id, Some(start), reason),
            None => Ok(None),
        }
    }

    /// `closed_year_reason` for a change that touches several years: the
    /// reason when any of them is closed, refused as that one is.
    pub(crate) fn closed_years_reason(
        &self,
        w: &Writer,
        years: &[AcademicYear],
        reason: Option<&str>,
    ) -> Result<Option<String>> {
        let mut why = None;
        for &year in years {
            if let Some(r) = self.closed_year_reason_given(w, year, reason)? {
                why = Some(r);
            }
        }
        Ok(why)
    }

    /// Closes the assessment of `year` (office): records each teacher's
    /// year as it stands, after which a change to the year needs the office
    /// and a reason, and flags the teacher until the year is looked at again.
    pub fn close_year(&mut self, year: AcademicYear, now: NaiveDateTime) -> Result<usize> {
        self.actor.require("assess close", &[Role::Office])?;
        let rows = self.standings(Period::Year(year), now.date())?;
        let mut w = self.begin(now)?;
        if w.year_closed(year)? {
            return Err(AssessError::AlreadyClosed { year }.into());
        }
        if !w.terms()?.iter().any(|t| t.id.year == year) {
            return Err(AssessError::YearWithoutTerms { year }.into());
        }
        // The year is over on its last day by the school's calendar.
        let start = w.policy()?.calendar.year_start;
        let ends = calendar::last_day(year, start);
        if !calendar::year_over(year, start, now.date()) {
            return Err(AssessError::YearRunning { year, ends }.into());
        }
        let closing = YearClosing {
            year,
            at: now,
            who: self.actor.name.clone(),
            rows: rows.iter().map(kept_row).collect(),
        };
        w.put_year_closing(&closing)?;
        let unqualified = rows.iter().filter(|r| !r.standing.qualified).count();
        w.log(
            "assess.close",
            format!("year {year}"),
            None,
            json(&serde_json::json!({
                "teachers": rows.len(),
                "unqualified": unqualified,
            })),
            self.reason.clone().filter(|r| !r.trim().is_empty()),
            None,
            None,
        )?;
        w.commit()?;
        Ok(rows.len())
    }

    /// When `year` was closed and by whom.
    pub fn year_closing(&self, year: AcademicYear) -> Result<Option<(NaiveDateTime, String)>> {
        Ok(self
            .store
            .read()?
            .year_closing(year)?
            .map(|c| (c.at, c.who)))
    }
}

/// A reason given: trimmed, an empty one as none.
fn given(reason: Option<&str>) -> Option<String> {
    reason
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map(str::to_string)
}

/// The academic years of the sessions whose requirement of a teacher
/// differs between `before` and `after` (a group, joining or leaving date
/// changed), each once.
pub(crate) fn years_moved(
    w: &Writer,
    before: &rules::Teacher,
    after: &rules::Teacher,
) -> Result<Vec<AcademicYear>> {
    years_of_sessions(w, |s| s.requires(before) != s.requires(after))
}

/// The academic years whose standings would name `after` by another group
/// or grade than `before` (each year's rows name the groups of its last
/// day, `standings::in_groups_of`): a move dated back into a year, or
/// made with the clock set back into it, or by an import (issue 25).
pub(crate) fn years_relabelled(
    w: &Writer,
    before: &rules::Teacher,
    after: &rules::Teacher,
) -> Result<Vec<AcademicYear>> {
    let start = w.policy()?.calendar.year_start;
    let mut years: Vec<AcademicYear> = w.terms()?.iter().map(|t| t.id.year).collect();
    years.sort();
    years.dedup();
    years.retain(|y| relabelled_on(before, after, calendar::last_day(*y, start)));
    Ok(years)
}

/// Whether a period ending on `last` names `after` by another group or
/// grade than `before` (`standings::in_groups_of`).
fn relabelled_on(before: &rules::Teacher, after: &rules::Teacher, last: NaiveDate) -> bool {
    let (mut b, mut a) = (before.clone(), after.clone());
    super::standings::in_groups_of(&mut b, last);
    super::standings::in_groups_of(&mut a, last);
    (b.group, b.grade) != (a.group, a.grade)
}

/// The academic years of the sessions `touched` picks, each once.
pub(crate) fn years_of_sessions(
    w: &Writer,
    touched: impl Fn(&store::SessionRecord) -> bool,
) -> Result<Vec<AcademicYear>> {
    let terms = w.terms()?;
    let policy = w.policy()?;
    let mut years = Vec::new();
    for rec in w.sessions()? {
        if !touched(&rec) {
            continue;
        }
        let s = &rec.session;
        let year = year_of_day(&terms, &policy, s.date);
        if !years.contains(&year) {
            years.push(year);
        }
    }
    Ok(years)
}

/// A standing row as a posting or a closing keeps it.
pub(crate) fn kept_row(r: &StandingRow) -> KeptRow {
    KeptRow {
        teacher: r.teacher.id.clone(),
        figures: (&r.standing.tally).into(),
        assessed: r.posted,
    }
}
