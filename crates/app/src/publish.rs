//! Publishing a term's standings (公布, 培训考勤每学期公布一次): the
//! training office posts the term's figures; what was posted is kept, and a
//! later correction that changes a posted figure flags the teacher's row in
//! the standings until the term is published again.
//!
//! What is compared: the counts on the posted sheet (present, late, ...,
//! sick leave, credits, points) and the assessment beyond them (credits
//! from every source, notes, archive, lessons, make-ups, reports, degree,
//! points deducted, the verdict), judged as of the posting's day so that
//! only a change of the data flags, not time passing. A year's row is
//! flagged when its row in either posted term is, or when it moved since
//! the office closed the year (`assess close`).

use super::{App, AppError, Result, json};
use chrono::{NaiveDate, NaiveDateTime};
use rules::{Period, Policy, Role, RollState, Standing, TeacherId, TermId, YearTally};
use std::collections::HashMap;
use store::published::{Assessed, Figures, PostedAssessment, Publication, PublishedRow};
use store::{Reader, StoreError};

/// How often `publish` retries when another process wrote between reading
/// the standings and recording them.
const TRIES: usize = 5;

impl App {
    /// The sessions of `term` held by `now` whose roll was never closed
    /// (never taken, or left open): nobody missing from them counts as
    /// absent, so a posting says so rather than post them in silence.
    pub fn unclosed_rolls(&self, term: TermId, now: NaiveDateTime) -> Result<Vec<rules::Session>> {
        let term = self.term(term)?;
        Ok(self
            .sessions()?
            .into_iter()
            .filter(|s| term.contains(s.session.date))
            .filter(|s| s.session.date.and_time(s.session.end) <= now)
            .filter(|s| !matches!(s.state, RollState::Closed | RollState::Cancelled))
            .map(|s| s.session)
            .collect())
    }

    /// Posts the standings of `term` (training office): records every
    /// teacher's figures, when and by whom. Returns what was recorded.
    pub fn publish(&mut self, term: TermId, now: NaiveDateTime) -> Result<Publication> {
        self.actor.require("publish", &[Role::Office])?;
        for _ in 0..TRIES {
            let seen = self.generation()?;
            let rows = self.standings(Period::Term(term), now.date())?;
            let mut w = self.begin(now)?;
            // The standings must be those of the state we record them in.
            if w.generation()? != seen {
                continue;
            }
            // Postings follow one another in time: one dated before the
            // latest (a clock set back) would make the term look posted
            // earlier than it was and lift the guard on what it covers.
            if let Some(latest) = w.latest_publication(term)?
                && now < latest.at
            {
                return Err(super::year_end::AssessError::PostedLater {
                    term,
                    at: latest.at,
                }
                .into());
            }
            let posted = w.put_publication(Publication {
                term,
                number: 0,
                at: now,
                who: self.actor.name.clone(),
                rows: rows
                    .iter()
                    .map(|r| PublishedRow {
                        teacher: r.teacher.id.clone(),
                        name: r.teacher.name.clone(),
                        group: r.teacher.group.clone(),
                        figures: Figures::from(&r.standing.tally),
                        qualified: r.standing.qualified,
                    })
                    .collect(),
            })?;
            w.put_posted_assessment(
                term,
                posted.number,
                &PostedAssessment {
                    rows: rows.iter().map(super::year_end::kept_row).collect(),
                },
            )?;
            let unqualified = rows.iter().filter(|r| !r.standing.qualified).count();
            w.log(
                "term.publish",
                format!("term {term}"),
                None,
                json(&serde_json::json!({
                    "number": posted.number,
                    "teachers": rows.len(),
                    "unqualified": unqualified,
                })),
                None,
                None,
                None,
            )?;
            w.commit()?;
            return Ok(posted);
        }
        Err(AppError::Store(StoreError::Db(
            "the data kept changing while publishing; try again".into(),
        )))
    }

    /// Every publication of `term`, oldest first.
    pub fn publications(&self, term: TermId) -> Result<Vec<Publication>> {
        self.actor.require("publications", super::STAFF)?;
        Ok(self.store.read()?.publications(term)?)
    }

    /// When `term` was last published and by whom, for titles and headers.
    pub fn last_published(&self, term: TermId) -> Result<Option<(NaiveDateTime, String, u32)>> {
        Ok(self
            .store
            .read()?
            .latest_publication(term)?
            .map(|p| (p.at, p.who, p.number)))
    }
}

/// What the standings of a period are compared with: the latest posting of
/// a term, or the closing of a year. A row whose counts, or (where the
/// posting kept them) whose assessment figures or verdict differ from what
/// was kept is flagged `changed_since_published`. The standing is judged
/// again as of the day the posting was made, so that a term ending or the
/// year ending since does not count as a change; only changed data does.
pub(crate) struct Check {
    /// The period the posting was of.
    pub period: Period,
    /// The day it was made.
    pub as_of: NaiveDate,
    /// The policy it was judged under (`standings::judged_under`: a term's
    /// first posting, a year's closing; issue 25), unless the office
    /// re-judged it since.
    pub policy: Policy,
    /// Each teacher's posted counts, and assessment where kept.
    pub counts: HashMap<TeacherId, Figures>,
    pub assessed: Option<HashMap<TeacherId, Assessed>>,
}

/// The postings (and the closing) that the standings of `period` are
/// compared with: a term's latest posting; for a year, both terms' latest
/// postings and the year's closing. None for a period never posted.
pub(crate) fn checks(r: &Reader, period: Period) -> Result<Vec<Check>> {
    let terms: Vec<TermId> = match period {
        Period::Term(term) => vec![term],
        Period::Year(year) => r
            .terms()?
            .into_iter()
            .filter(|t| t.id.year == year)
            .map(|t| t.id)
            .collect(),
    };
    let policies = r.policies()?;
    let mut out = Vec::new();
    for term in terms {
        if let Some(p) = r.latest_publication(term)? {
            let assessed = r.posted_assessment(term, p.number)?.map(|a| {
                a.rows
                    .into_iter()
                    .map(|k| (k.teacher, k.assessed))
                    .collect()
            });
            out.push(Check {
                period: Period::Term(term),
                as_of: p.at.date(),
                policy: super::standings::judged_under(r, &policies, Period::Term(term))?.clone(),
                counts: p.rows.into_iter().map(|x| (x.teacher, x.figures)).collect(),
                assessed,
            });
        }
    }
    if let Period::Year(year) = period
        && let Some(c) = r.year_closing(year)?
    {
        let mut counts = HashMap::new();
        let mut assessed = HashMap::new();
        for k in c.rows {
            counts.insert(k.teacher.clone(), k.figures);
            assessed.insert(k.teacher, k.assessed);
        }
        out.push(Check {
            period: Period::Year(year),
            as_of: c.at.date(),
            policy: super::standings::judged_under(r, &policies, Period::Year(year))?.clone(),
            counts,
            assessed: Some(assessed),
        });
    }
    Ok(out)
}

/// Whether one teacher's standing moved since `check` was made. `kept` is
/// the teacher's year of tallies, `rec` their year beyond attendance, and
/// `judge` judges a period as of a day under a policy.
pub(crate) fn moved(
    check: &Check,
    teacher: &TeacherId,
    kept: &YearTally,
    judge: impl Fn(Period, NaiveDate, &Policy) -> Standing,
) -> bool {
    let counts_now = match check.period {
        Period::Term(t) => Figures::from(kept.term(t.season)),
        Period::Year(_) => Figures::from(&kept.whole()),
    };
    if check.counts.get(teacher).copied().unwrap_or_default() != counts_now {
        return true;
    }
    // A teacher not on the posted sheet counts as posted with nothing; only
    // the counts say whether that changed.
    match check.assessed.as_ref().and_then(|a| a.get(teacher)) {
        Some(was) => *was != Assessed::from(&judge(check.period, check.as_of, &check.policy)),
        None => false,
    }
}
