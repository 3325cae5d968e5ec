//! Standings for a term or an academic year, computed by the pure scoring
//! module from the stored facts, and a teacher's whole record.

use super::{App, AppError, Result};
use crate::core::{
    AcademicYear, Leave, Outcome, Period, RollFacts, RollState, Season, Session, Standing, Tally,
    Teacher, TeacherId, TermId, outcome,
};
use crate::store::Reader;
use chrono::NaiveDate;
use std::collections::HashMap;

/// One teacher's standing over a period.
#[derive(Debug, Clone)]
pub struct StandingRow {
    pub teacher: Teacher,
    pub standing: Standing,
}

/// One session on a teacher's record.
#[derive(Debug, Clone)]
pub struct RecordLine {
    pub session: Session,
    pub state: RollState,
    pub facts: RollFacts,
    pub outcome: Outcome,
}

impl App {
    /// The period a user means when they name none: the term containing
    /// `today`, else the academic year containing it.
    pub fn current_year(&self, today: NaiveDate) -> Result<AcademicYear> {
        Ok(self
            .term_of(today)?
            .map(|t| t.id.year)
            .unwrap_or_else(|| AcademicYear::containing(today)))
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
        compute(&r, &teachers, period, today)
    }

    /// Standings of the given teachers only (for lookup).
    pub fn standings_of(
        &self,
        teachers: &[Teacher],
        period: Period,
        today: NaiveDate,
    ) -> Result<Vec<StandingRow>> {
        let r = self.store.read()?;
        compute(&r, teachers, period, today)
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
            if !rec.session.requires(&teacher) {
                continue;
            }
            let f = facts.get(&rec.session.id).cloned().unwrap_or_default();
            let o = outcome(&rec.session, rec.state, &teacher, Some(&f), &leaves);
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

/// Folds the facts of the period's academic year into standings.
fn compute(
    r: &Reader,
    teachers: &[Teacher],
    period: Period,
    today: NaiveDate,
) -> Result<Vec<StandingRow>> {
    let policy = r.policy()?;
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
    let year_end = terms.iter().map(|t| t.end).max();
    let year_ended = year_end.is_some_and(|e| today > e);
    let index: HashMap<&TeacherId, usize> = teachers
        .iter()
        .enumerate()
        .map(|(i, t)| (&t.id, i))
        .collect();
    let mut leaves: Vec<Vec<Leave>> = vec![Vec::new(); teachers.len()];
    for l in r.leaves()? {
        if let Some(&i) = index.get(&l.teacher) {
            leaves[i].push(l);
        }
    }
    // Tallies per teacher: [autumn, spring].
    let mut tallies = vec![[Tally::default(); 2]; teachers.len()];
    let empty = RollFacts::default();
    for rec in r.sessions()? {
        let Some(term) = terms.iter().find(|t| t.contains(rec.session.date)) else {
            continue;
        };
        let slot = match term.id.season {
            Season::Autumn => 0,
            Season::Spring => 1,
        };
        let mut facts: Vec<Option<RollFacts>> = vec![None; teachers.len()];
        for (tid, f) in r.session_facts(rec.session.id)? {
            if let Some(&i) = index.get(&tid) {
                facts[i] = Some(f);
            }
        }
        for (i, t) in teachers.iter().enumerate() {
            let f = facts[i].as_ref().unwrap_or(&empty);
            let o = outcome(&rec.session, rec.state, t, Some(f), &leaves[i]);
            tallies[i][slot].add(&policy, o, rec.session.credits);
        }
    }
    let ctx = super::assessment::YearContext::load(r, year, today)?;
    teachers
        .iter()
        .zip(tallies)
        .map(|(t, [autumn, spring])| {
            let mut whole = autumn;
            whole.merge(&spring);
            let tally = match period {
                Period::Year(_) => whole,
                Period::Term(id) => match id.season {
                    Season::Autumn => autumn,
                    Season::Spring => spring,
                },
            };
            Ok(StandingRow {
                teacher: t.clone(),
                standing: Standing::judge(&policy, period, tally, &whole, year_ended).assess(
                    &policy,
                    &ctx.record(r, t)?,
                    &whole,
                    year_ended,
                ),
            })
        })
        .collect()
}
