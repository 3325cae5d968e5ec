//! Standings for a term or an academic year, computed by the pure scoring
//! module from the stored facts, and a teacher's whole record.

use super::{App, AppError, Result};
use chrono::NaiveDate;
use rules::{
    AcademicYear, Leave, Period, Policies, Policy, Season, Teacher, TeacherId, TermId, YearTally,
    calendar, outcome,
};
use std::collections::HashMap;
use store::Reader;

pub use sheets::rows::{RecordLine, StandingRow};

impl App {
    /// The period a user means when they name none: the term containing
    /// `today`, else the academic year containing it.
    pub fn current_year(&self, today: NaiveDate) -> Result<AcademicYear> {
        let start = self.store.read()?.policy()?.calendar.year_start;
        Ok(self
            .term_of(today)?
            .map(|t| t.id.year)
            .unwrap_or_else(|| calendar::year_of(today, start)))
    }

    pub fn current_term(&self, today: NaiveDate) -> Result<Option<TermId>> {
        Ok(self.term_of(today)?.map(|t| t.id))
    }

    /// Every visible teacher's standing for `period`, in id order.
    pub fn standings(&self, period: Period, today: NaiveDate) -> Result<Vec<StandingRow>> {
        let r = self.store.read()?;
        let teachers: Vec<Teacher> = r
            .teachers()?
            .into_iter()
            .filter(|t| self.actor.may_see(&t.id))
            .collect();
        let teachers = at_school(&r, teachers, period)?;
        let checks = super::publish::checks(&r, period)?;
        let mut rows = compute(&r, &teachers, period, today, &checks)?;
        named_for(&r, rows.iter_mut().map(|row| &mut row.teacher), period)?;
        Ok(rows)
    }

    /// Standings of the given teachers only (for lookup).
    pub fn standings_of(
        &self,
        teachers: &[Teacher],
        period: Period,
        today: NaiveDate,
    ) -> Result<Vec<StandingRow>> {
        let r = self.store.read()?;
        let mut rows = compute(&r, teachers, period, today, &[])?;
        // Named by their groups of the period, as the table names them.
        named_for(&r, rows.iter_mut().map(|row| &mut row.teacher), period)?;
        Ok(rows)
    }

    /// The sum of a record's lines (`record`), each session scored under
    /// the policy of its roll: a closed roll keeps the policy in effect
    /// when it closed (issue 25).
    pub fn record_tally(&self, lines: &[RecordLine]) -> Result<rules::Tally> {
        let r = self.store.read()?;
        let policies = r.policies()?;
        let mut tally = rules::Tally::default();
        for x in lines {
            let closed = match x.state {
                rules::RollState::Closed if !policies.superseded.is_empty() => {
                    r.session(x.session.id)?.and_then(|s| s.closed)
                }
                _ => None,
            };
            let policy = policies.for_roll(x.state, closed.as_ref());
            tally.add(policy, x.outcome, x.session.credits);
        }
        Ok(tally)
    }

    /// A teacher's record: every session they were required at, in date
    /// order, with its outcome; and their leave requests.
    pub fn record(&self, id: &TeacherId) -> Result<(Teacher, Vec<RecordLine>, Vec<Leave>)> {
        if !self.actor.may_see(id) {
            return Err(AppError::Forbidden {
                action: "record".into(),
                needs: super::STAFF.to_vec(),
            });
        }
        let r = self.store.read()?;
        let teacher = r
            .teacher(id)?
            .ok_or_else(|| AppError::UnknownTeacher(id.0.clone()))?;
        let leaves = r.teacher_leaves(id)?;
        let facts: HashMap<_, _> = r.teacher_facts(id)?.into_iter().collect();
        let mut lines = Vec::new();
        for rec in r.sessions()? {
            if !rec.requires(&teacher) {
                continue;
            }
            let f = facts.get(&rec.session.id).cloned().unwrap_or_default();
            let o = outcome(
                &rec.session,
                rec.state,
                rec.closed.as_ref(),
                &teacher,
                Some(&f),
                &leaves,
            );
            lines.push(RecordLine {
                session: rec.session,
                state: rec.state,
                facts: f,
                outcome: o,
            });
        }
        lines.sort_by_key(|l| (l.session.date, l.session.start, l.session.id));
        Ok((teacher, lines, leaves))
    }
}

/// The `teachers` who were at the school during some of `period` (a term's
/// dates, or the academic year's): someone who joined after it ended, or
/// left before it began, has no standing in it (issue 14).
/// The first and last day of `period` (`None`: a term not entered).
fn bounds(r: &Reader, period: Period) -> Result<Option<(NaiveDate, NaiveDate)>> {
    Ok(match period {
        Period::Term(id) => r
            .terms()?
            .into_iter()
            .find(|t| t.id == id)
            .map(|t| (t.start, t.end)),
        Period::Year(y) => {
            let start = r.policy()?.calendar.year_start;
            Some((calendar::first_day(y, start), calendar::last_day(y, start)))
        }
    })
}

/// Names the groups `t` was in at `last`, the period's last day, or on
/// leaving if earlier (issue 25): a move made later does not relabel a
/// closed period.
pub(super) fn in_groups_of(t: &mut Teacher, last: NaiveDate) {
    let day = t.active_to.map_or(last, |to| to.min(last));
    let (group, grade) = (
        t.group_on(day).to_string(),
        t.grade_on(day).map(str::to_string),
    );
    t.group = group;
    t.grade = grade;
}

/// Names each of `teachers` by the groups of `period` (`in_groups_of`):
/// the standings' rows and the charts' groups alike.
pub(super) fn named_for<'a>(
    r: &Reader,
    teachers: impl IntoIterator<Item = &'a mut Teacher>,
    period: Period,
) -> Result<()> {
    if let Some((_, last)) = bounds(r, period)? {
        for t in teachers {
            in_groups_of(t, last);
        }
    }
    Ok(())
}

pub(super) fn at_school(
    r: &Reader,
    teachers: Vec<Teacher>,
    period: Period,
) -> Result<Vec<Teacher>> {
    let Some((first, last)) = bounds(r, period)? else {
        return Ok(teachers);
    };
    // A closed year, and a term posted once it had ended, list whom their
    // record lists (issue 25): one entered later with a first day inside
    // them is not added to the record of their day.
    let kept = kept_teachers(r, period, last)?;
    // One whose dates now lie outside the period stays in it where a
    // closed roll of the period expected them (issue 25): the record of
    // the day, not the roster of today. Read only when someone is outside.
    let mut on_record: Option<std::collections::HashSet<rules::TeacherId>> = None;
    let mut out = Vec::new();
    for t in teachers {
        if t.active_between(first, last) && kept.as_ref().is_none_or(|k| k.contains(&t.id)) {
            out.push(t);
            continue;
        }
        if on_record.is_none() {
            let mut ids = std::collections::HashSet::new();
            for rec in r.sessions()? {
                if rec.session.date < first || rec.session.date > last {
                    continue;
                }
                if let Some(c) = &rec.closed {
                    ids.extend(c.expected.iter().map(|e| e.teacher.clone()));
                }
            }
            on_record = Some(ids);
        }
        if on_record.as_ref().is_some_and(|ids| ids.contains(&t.id)) {
            out.push(t);
        }
    }
    Ok(out)
}

/// Whom the record of `period` lists, where it is closed: the teachers of
/// the year's closing (for the year and its terms), else of a term's
/// latest posting made on or after its last day `last` (an interim
/// posting closes nothing). `None`: the period is still open.
fn kept_teachers(
    r: &Reader,
    period: Period,
    last: NaiveDate,
) -> Result<Option<std::collections::HashSet<rules::TeacherId>>> {
    if let Some(c) = r.year_closing(period.year())? {
        return Ok(Some(c.rows.into_iter().map(|k| k.teacher).collect()));
    }
    if let Period::Term(term) = period
        && let Some(p) = r.latest_publication(term)?
        && p.at.date() >= last
    {
        return Ok(Some(p.rows.into_iter().map(|k| k.teacher).collect()));
    }
    Ok(None)
}

/// The policy `period` is judged under: the one in effect when it was
/// first judged for the record, else today's. Read only when the policy
/// ever changed: a lookup stays a few small reads.
pub(super) fn judged_under<'a>(
    r: &Reader,
    policies: &'a Policies,
    period: Period,
) -> Result<&'a Policy> {
    if policies.superseded.is_empty() {
        return Ok(&policies.current);
    }
    Ok(judged_at(r, period)?.map_or(&policies.current, |at| policies.at(at)))
}

/// The moment whose policy `period` is judged under (issue 25): a year's
/// closing; a term's first posting, or its year's closing where that came
/// first (or the term was never posted). A posting again, after a policy
/// change, keeps the policy of the first, so that what a posting records
/// is what the term then shows; only `policy rejudge` moves it. `None`:
/// not judged for the record yet (today's policy).
pub(super) fn judged_at(r: &Reader, period: Period) -> Result<Option<chrono::NaiveDateTime>> {
    Ok(match period {
        Period::Year(y) => r.year_closing(y)?.map(|c| c.at),
        Period::Term(t) => {
            let posted = r.first_publication(t)?.map(|p| p.at);
            let closed = r.year_closing(t.year)?.map(|c| c.at);
            match (posted, closed) {
                (Some(p), Some(c)) => Some(p.min(c)),
                (p, c) => p.or(c),
            }
        }
    })
}

/// Up to this many teachers, tallies are read by key rather than by range.
const FEW: usize = 64;

/// Judges the standings of `teachers` from their kept tallies (see
/// `store::tallies`): no facts are read. Each row is flagged when it moved
/// since one of `checks` (postings, a closing) was made.
pub(super) fn compute(
    r: &Reader,
    teachers: &[Teacher],
    period: Period,
    today: NaiveDate,
    checks: &[super::publish::Check],
) -> Result<Vec<StandingRow>> {
    let policies = r.policies()?;
    // A posted term (a closed year) is judged under the policy of its
    // posting (closing), today's policy being for what is not posted
    // (issue 25); the points and credits of each closed roll are kept
    // under the policy of its closing (`store::tallies`).
    let policy = match checks.iter().find(|c| c.period == period) {
        Some(c) => c.policy.clone(),
        None => judged_under(r, &policies, period)?.clone(),
    };
    let year = period.year();
    let terms: Vec<_> = r
        .terms()?
        .into_iter()
        .filter(|t| t.id.year == year)
        .collect();
    if let Period::Term(id) = period
        && !terms.iter().any(|t| t.id == id)
    {
        return Err(AppError::UnknownTerm(id.to_string()));
    }
    // The year is over on its last day, not when its last entered term
    // ends (篇12, 学年度累积计算); a term's standing gives attendance
    // verdicts only, never a year verdict.
    let start = policy.calendar.year_start;
    let over = calendar::year_over(year, start, today);
    let year_ended = over && matches!(period, Period::Year(_));
    let year_days_left = (!over).then(|| calendar::days_left(year, start, today));
    let ended_on = |p: Period, day: NaiveDate| {
        matches!(p, Period::Year(_)) && calendar::year_over(year, start, day)
    };
    // A few teachers (a lookup) are read one by one, many in one range.
    let tallies = if teachers.len() <= FEW {
        let mut m = HashMap::new();
        for t in teachers {
            m.insert(t.id.clone(), r.tally(year.0, &t.id)?);
        }
        m
    } else {
        r.year_tallies(year.0)?
    };
    let none = YearTally::default();
    // Credits, notes, archive and the rest beyond attendance (issue 7).
    let few = (teachers.len() <= FEW).then_some(teachers);
    let ctx = super::assessment::YearContext::load_for(r, year, today, few)?;
    let row = |t: &Teacher| -> Result<StandingRow> {
        let kept = tallies.get(&t.id).unwrap_or(&none);
        let mut rec = ctx.record(r, t)?;
        // Notes and multimedia lessons are year checks too: judged with it.
        rec.terms_ended = [year_ended; 2];
        // The standing as a posting made on `day` saw it: the year's
        // verdicts as of then, and terms not begun by then count nothing.
        let judge = |p: Period, day: NaiveDate, policy: &rules::Policy| {
            let ended = ended_on(p, day);
            let mut then = rec.as_of(day);
            then.terms_ended = [ended; 2];
            let mut tally = *kept;
            for season in [Season::Autumn, Season::Spring] {
                if !rec.term_begun(season, day) {
                    *tally.term_mut(season) = Default::default();
                }
            }
            tally
                .judge(policy, p, ended)
                .assess(policy, &then, &tally.whole(), ended)
        };
        let changed = checks
            .iter()
            .any(|c| super::publish::moved(c, &t.id, kept, judge));
        let posted = store::published::Assessed::from(&judge(period, today, &policy));
        Ok(StandingRow {
            posted,
            teacher: t.clone(),
            standing: kept
                .judge(&policy, period, year_ended)
                .assess(&policy, &rec, &kept.whole(), year_ended)
                .looking_ahead(&policy, &kept.whole(), over),
            changed_since_published: changed,
            year_days_left,
            year_credits_required: rules::Credits::whole(policy.credits_per_year),
        })
    };
    // Each teacher's record is a few small reads of the same snapshot: a
    // county's thousands are shared among the cores.
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    if teachers.len() < 2 * FEW || cores < 2 {
        return teachers.iter().map(row).collect();
    }
    let chunk = teachers.len().div_ceil(cores);
    let parts: Vec<Result<Vec<StandingRow>>> = std::thread::scope(|s| {
        let handles: Vec<_> = teachers
            .chunks(chunk)
            .map(|part| s.spawn(|| part.iter().map(row).collect::<Result<Vec<_>>>()))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect()
    });
    let mut rows = Vec::with_capacity(teachers.len());
    for part in parts {
        rows.extend(part?);
    }
    Ok(rows)
}
